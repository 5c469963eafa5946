"""The client pushes through ``kanban_sec.push_changes``, which judges a batch's plain changes
at once and merges them into the server's state set-wise. It must leave the server exactly as
pushing the same changes one by one through the trigger does: the same changes taken, the
same refused, the same state. And members cannot claim a change was judged already.

(The shared table of rule cases runs through both ways in ``test_attacks.py``.)"""

from __future__ import annotations

import json
import random
import secrets
import shutil
import threading
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg import sql

from kanban_sec.domain.ids import new_id
from kanban_sec.domain.model import Item, Status
from kanban_sec.services.board import status_times
from kanban_sec.store import rows
from kanban_sec.store.database import open_database
from kanban_sec.store.unit_of_work import writing
from kanban_sec.sync import refusals
from kanban_sec.sync.client import Remote, sync
from kanban_sec.sync.server import MEMBER_ROLE, PUSH_TYPES, add_member, init_server

from .pg import PgCluster

STATUSES = [s.value for s in Status]


def _run(url: str, statement: Any, params: Any = None) -> list[Any]:
    with psycopg.connect(url, autocommit=True) as conn:
        cur = conn.execute(statement, params)
        return cur.fetchall() if cur.description else []


def _board_log(path: Path, seed: int) -> None:
    """A board as its person writes it offline: two chains with links, 80 items on them,
    then 400 edits (titles, likelihoods, moves, done among them, chain moves, deletes),
    each as the local rulebook allows."""
    db = open_database(path, daily_backup=False)
    rnd = random.Random(seed)
    try:
        with writing(db, "Ann") as uow:
            places = []
            for n in range(2):
                chain_id = new_id()
                uow.insert("chain", {"id": chain_id, "name": f"Chain {n}", "target_maturity": 3})
                for m in range(2):
                    link_id = new_id()
                    uow.insert(
                        "link",
                        {"id": link_id, "chain_id": chain_id, "name": f"Link {m}", "maturity": m},
                    )
                    places.append((chain_id, link_id))
        ids: list[str] = []
        with writing(db, "Ann") as uow:
            for n in range(80):
                chain_id, link_id = rnd.choice(places)
                item = Item(
                    id=new_id(),
                    title=f"Item {n}",
                    chain_id=chain_id,
                    link_id=link_id,
                    likelihood=rnd.randint(1, 5),
                    consequence=rnd.randint(1, 5),
                )
                values = rows.item_values(item)
                values.update(status_times(values["status"], None, uow.now_text))
                uow.insert("item", values)
                ids.append(item.id)
        for start in range(0, 400, 50):
            with writing(db, "Ann") as uow:
                for n in range(start, start + 50):
                    item_id = rnd.choice(ids)
                    current = uow.row("item", item_id)
                    assert current is not None
                    if current["deleted_at"]:
                        continue
                    kind = rnd.random()
                    if kind < 0.4:
                        status = rnd.choice([s for s in STATUSES if s != current["status"]])
                        values = {
                            "status": status,
                            **status_times(status, current["started_at"], uow.now_text),
                        }
                    elif kind < 0.6:
                        values = {"title": f"Item {n}, edited"}
                    elif kind < 0.8:
                        values = {"likelihood": rnd.randint(1, 5)}
                    elif kind < 0.95:
                        chain_id, link_id = rnd.choice(places)
                        values = {"chain_id": chain_id, "link_id": link_id}
                    else:
                        values = {"deleted_at": uow.now_text}
                    if uow.refusal("item", item_id, current, values) is None:
                        uow.update("item", item_id, values, current)
    finally:
        db.close()


def _server(pg: PgCluster, login: str, password: str | None) -> str:
    """A fresh database with the member ``login`` (made on the cluster when ``password``)."""
    dbname = pg.new_database("batch")
    init_server(pg.admin_url(dbname))
    # The board has its governing person already: an operational member may not set it up.
    _run(
        pg.admin_url(dbname),
        "INSERT INTO kanban_sec.rows (entity, row_id, data, stamps) VALUES ('person', 'gov',"
        """ '{"name": "Gunn", "role": "governing"}', '{}')""",
    )
    if password is not None:
        add_member(pg.admin_url(dbname), login, "operational", password, person="Ann")
    else:  # (logins are the cluster's: this database only records who it is)
        _run(
            pg.admin_url(dbname),
            "INSERT INTO kanban_sec.members (login, kind, person)"
            " VALUES (%s, 'operational', 'Ann')",
            (login,),
        )
    return dbname


@pytest.mark.parametrize("seed", [1, 2])
def test_a_batch_push_leaves_the_server_as_one_change_at_a_time_does(
    pg: PgCluster, tmp_path: Path, seed: int
) -> None:
    log = tmp_path / "log.sqlite"
    _board_log(log, seed)
    login, password = f"batch_{secrets.token_hex(3)}", secrets.token_urlsafe(12)
    batched, one_by_one = _server(pg, login, password), _server(pg, login, None)
    # Without EXECUTE on push_changes the client pushes as an older one did (COPY, then
    # an INSERT whose trigger judges every change whole, in order).
    _run(
        pg.admin_url(one_by_one),
        sql.SQL("REVOKE EXECUTE ON FUNCTION kanban_sec.push_changes({}) FROM {}").format(
            sql.SQL(PUSH_TYPES), sql.Identifier(MEMBER_ROLE)
        ),
    )
    results = {}
    for dbname in (batched, one_by_one):
        board = tmp_path / f"{dbname}.sqlite"
        shutil.copyfile(log, board)
        db = open_database(board, daily_backup=False)
        try:
            # Small batches: several per push, and a refusal splits its batch in halves.
            remote = Remote(pg.url(dbname, login, None), ca_file=str(pg.ca_file))
            sync(db, remote, password, batch=64)
            refused = sorted((r.change_id, r.code) for r in refusals.list_refused(db))
        finally:
            db.close()
        admin = pg.admin_url(dbname)
        results[dbname] = (
            _run(admin, "SELECT id, fields, hlc FROM kanban_sec.changes ORDER BY seq"),
            _run(admin, "SELECT entity, row_id, data, stamps FROM kanban_sec.rows ORDER BY 1, 2"),
            refused,
        )
    assert results[batched] == results[one_by_one]
    taken, state, refused = results[batched]
    # The board's chains are the governing's to create: refused (KS004), as in one by one.
    assert {code for _, code in refused} == {"KS004"}
    assert len(taken) > 300 and len(state) == 1 + 80
    # All three ways through the server were taken: merged with the batch, merged by the
    # trigger after a change judged whole (done, a chain move) of the same item, and whole.
    ways = dict(
        _run(
            pg.admin_url(batched),
            "SELECT CASE WHEN premerged THEN 'batch' WHEN prejudged THEN 'trigger'"
            " ELSE 'whole' END, count(*) FROM kanban_sec.changes GROUP BY 1",
        )
    )
    assert set(ways) == {"batch", "trigger", "whole"}, ways
    assert _run(
        pg.admin_url(one_by_one), "SELECT count(*) FROM kanban_sec.changes WHERE prejudged"
    ) == [(0,)]


def _change(entity: str, row_id: str, values: dict[str, Any], hlc: int) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "entity": entity,
        "row_id": row_id,
        "fields": json.dumps({k: [v, None] for k, v in values.items()}),
        "hlc": hlc,
        "node_id": "node-t",
        "at": datetime.now(UTC),
    }


def _push_batch(url: str, *changes: dict[str, Any]) -> int:
    names = ("id", "entity", "row_id", "fields", "hlc", "node_id", "base_xid", "base_seq", "at")
    values: list[Any] = [[c.get(n) for c in changes] for n in names]
    values[3] = "[" + ",".join(values[3]) + "]"
    casts = ", ".join("%s::" + t for t in PUSH_TYPES.split(", "))
    with psycopg.connect(url) as conn:
        found = conn.execute(f"SELECT kanban_sec.push_changes({casts})", values).fetchone()
    return int(found[0]) if found else 0


def _now_hlc() -> int:
    return int(datetime.now(UTC).timestamp() * 1000) << 16


def test_a_member_cannot_mark_a_change_judged(sync_server: Any) -> None:
    change = _change("item", str(uuid.uuid4()), {"title": "Mine"}, _now_hlc())
    for column in ("prejudged", "premerged"):
        with (
            psycopg.connect(sync_server.url("operational")) as conn,
            pytest.raises(psycopg.errors.InsufficientPrivilege),
        ):
            conn.execute(
                sql.SQL(
                    "INSERT INTO kanban_sec.changes (id, entity, row_id, fields, hlc,"
                    " node_id, person, at, {}) VALUES (%s, %s, %s, %s, %s, %s, 'x', %s, true)"
                ).format(sql.Identifier(column)),
                [change[k] for k in ("id", "entity", "row_id", "fields", "hlc", "node_id", "at")],
            )
    assert _run(sync_server.admin_url(), "SELECT count(*) FROM kanban_sec.changes") == [(0,)]


@pytest.mark.parametrize("way", ["batch", "insert"])
def test_a_pushed_change_whose_id_the_server_has_changes_nothing(
    sync_server: Any, way: str
) -> None:
    url = sync_server.url("operational")
    item_id = str(uuid.uuid4())
    first = _change("item", item_id, {"title": "Kept", "likelihood": 2}, _now_hlc())
    assert _push_batch(url, first) == 1
    # The same id again with another value and a later stamp: not taken, and the server's
    # state does not take its value either (no change in the log holds it).
    forged = _change("item", item_id, {"likelihood": 5}, _now_hlc() + (1 << 20))
    forged["id"] = first["id"]
    if way == "batch":
        assert _push_batch(url, forged) == 0
    else:
        with psycopg.connect(url) as conn:
            conn.execute(
                "INSERT INTO kanban_sec.changes (id, entity, row_id, fields, hlc, node_id, person,"
                " at) VALUES (%(id)s, %(entity)s, %(row_id)s, %(fields)s, %(hlc)s, %(node_id)s,"
                " 'x', %(at)s) ON CONFLICT (id) DO NOTHING",
                forged,
            )
    assert _run(
        sync_server.admin_url(),
        "SELECT data ->> 'likelihood' FROM kanban_sec.rows WHERE row_id = %s",
        (item_id,),
    ) == [("2",)]


def test_a_change_id_a_batch_repeats_is_taken_once_with_its_first_values(
    sync_server: Any,
) -> None:
    url = sync_server.url("operational")
    item_id = str(uuid.uuid4())
    first = _change("item", item_id, {"title": "First", "likelihood": 2}, _now_hlc())
    again = _change("item", item_id, {"likelihood": 5}, _now_hlc() + (1 << 20))
    again["id"] = first["id"]
    assert _push_batch(url, first, again) == 1
    assert _run(
        sync_server.admin_url(),
        "SELECT c.fields -> 'likelihood' ->> 0, r.data ->> 'likelihood'"
        " FROM kanban_sec.changes c JOIN kanban_sec.rows r ON r.row_id = c.row_id"
        " WHERE c.id = %s",
        (first["id"],),
    ) == [("2", "2")]


def test_a_change_merged_with_its_batch_that_the_log_has_meanwhile_undoes_the_batch(
    sync_server: Any,
) -> None:
    # push_changes merges a batch's plain changes into the state before inserting them. A
    # change whose id another session commits in between (the same change pushed twice at
    # once) must not leave the state with values no change in the log holds: the batch is
    # undone, with a message to sync again.
    url = sync_server.url("operational")
    item_id = str(uuid.uuid4())
    first = _change("item", item_id, {"title": "First", "likelihood": 2}, _now_hlc())
    again = _change("item", item_id, {"title": "Again", "likelihood": 5}, _now_hlc() + 1)
    again["id"] = first["id"]
    failure: list[BaseException] = []
    with psycopg.connect(sync_server.url("governing")) as other:
        other.execute(
            "INSERT INTO kanban_sec.changes (id, entity, row_id, fields, hlc, node_id, person,"
            " at) VALUES (%(id)s, %(entity)s, %(row_id)s, %(fields)s, %(hlc)s, %(node_id)s,"
            " 'x', %(at)s)",
            first,
        )

        def push_again() -> None:  # waits on the other's uncommitted id, then finds it
            try:
                _push_batch(url, again)
            except BaseException as exc:  # (handed to the test)
                failure.append(exc)

        pushing = threading.Thread(target=push_again)
        pushing.start()
        time.sleep(0.5)
        other.commit()
        pushing.join(10)
    assert len(failure) == 1 and isinstance(failure[0], psycopg.errors.SerializationFailure)
    assert "twice at once" in str(failure[0])
    assert _run(
        sync_server.admin_url(),
        "SELECT data ->> 'likelihood' FROM kanban_sec.rows WHERE row_id = %s",
        (item_id,),
    ) == [("2",)]
