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
    with psycopg.connect(sync_server.url("governing")) as other:
        _insert_on(other, first)
        # (the push waits on the other's uncommitted id, then finds it)
        failure = _failures(lambda: _push_batch(url, again), other.commit)
    assert len(failure) == 1 and isinstance(failure[0], psycopg.errors.SerializationFailure)
    assert "twice at once" in str(failure[0])
    assert _run(
        sync_server.admin_url(),
        "SELECT data ->> 'likelihood' FROM kanban_sec.rows WHERE row_id = %s",
        (item_id,),
    ) == [("2",)]


def _insert(url: str, *changes: dict[str, Any]) -> None:
    """Changes one INSERT each, in one transaction (the trigger judges each whole)."""
    with psycopg.connect(url) as conn:
        for c in changes:
            conn.execute(
                "INSERT INTO kanban_sec.changes (id, entity, row_id, fields, hlc, node_id, person,"
                " at) VALUES (%(id)s, %(entity)s, %(row_id)s, %(fields)s, %(hlc)s, %(node_id)s,"
                " 'x', %(at)s)",
                c,
            )


@pytest.mark.parametrize("merged", ["with its batch", "by the trigger"])
def test_an_item_made_by_another_push_meanwhile_has_its_chain_judged(
    sync_server: Any, merged: str
) -> None:
    # An operational member may not move an item out of a chain whose risk is another unit's
    # (KS003). A push that sets the chain of an item the server does not have is the item's
    # making, judged plain; if another push makes that item (in the other unit's chain)
    # while this one waits, the chain is a move after all and must not land unjudged. The
    # attacker makes the push wait by holding a row it needs from a second session.
    governing, operational = sync_server.url("governing"), sync_server.url("operational")
    hlc = _now_hlc()
    _insert(
        governing,
        _change("unit", "root", {"name": "Root"}, hlc),
        _change(
            "person", "gov", {"name": "Governing", "unit_id": "root", "role": "governing"}, hlc
        ),
        _change("unit", "u1", {"name": "Owner of C1", "parent_id": "root"}, hlc),
        _change("unit", "u2", {"name": "Operations", "parent_id": "root"}, hlc),
        _change(
            "person", "op", {"name": "Operational", "unit_id": "u2", "role": "operational"}, hlc
        ),
        _change(
            "chain", "c1", {"name": "C1", "risk_owner_unit_id": "u1", "target_maturity": 3}, hlc
        ),
        _change(
            "chain", "c2", {"name": "C2", "risk_owner_unit_id": "u2", "target_maturity": 3}, hlc
        ),
    )
    item = f"z{uuid.uuid4()}"  # (after a0: the batch locks the rows it merges in order)
    if merged == "with its batch":  # a plain change first: the move is merged with the batch
        held = _change("item", "a0", {"title": "Held"}, hlc + 1)
        first = _change("item", "a0", {"title": "Edited"}, hlc + 3)
    else:  # a change judged whole first: the move is merged by the trigger
        held = _change("comment", "k0", {"body": "Held", "author": "Operational"}, hlc + 1)
        first = _change("comment", "k0", {"body": "Edited"}, hlc + 3)
    _insert(operational, {**held, "id": str(uuid.uuid4()), "hlc": hlc})
    move = _change("item", item, {"title": "Mine now", "chain_id": "c2"}, hlc + 4)
    with psycopg.connect(operational) as holder:
        _insert_on(holder, held)  # (uncommitted: the row's state stays locked)

        def make_it_and_let_go() -> None:
            _insert(
                governing, _change("item", item, {"title": "Theirs", "chain_id": "c1"}, hlc + 2)
            )
            holder.rollback()

        failure = _failures(lambda: _push_batch(operational, first, move), make_it_and_let_go)
    assert len(failure) == 1, "the move landed unjudged"
    if merged == "with its batch":
        assert isinstance(failure[0], psycopg.errors.SerializationFailure)
        assert "sync again" in str(failure[0])
    else:
        assert getattr(failure[0], "sqlstate", None) == "KS003"
    assert _run(
        sync_server.admin_url(),
        "SELECT data ->> 'chain_id' FROM kanban_sec.rows WHERE row_id = %s",
        (item,),
    ) == [("c1",)]


def _insert_on(conn: psycopg.Connection[Any], change: dict[str, Any]) -> None:
    conn.execute(
        "INSERT INTO kanban_sec.changes (id, entity, row_id, fields, hlc, node_id, person, at)"
        " VALUES (%(id)s, %(entity)s, %(row_id)s, %(fields)s, %(hlc)s, %(node_id)s, 'x', %(at)s)",
        change,
    )


def test_a_change_judged_as_making_a_row_another_push_makes_is_undone(sync_server: Any) -> None:
    # Through the trigger alone: the change is judged while the other push's making of the
    # row is not committed (so it counts as the row's making); when that commits first, the
    # change would have been judged against the wrong row. It is undone, to be judged again.
    governing, operational = sync_server.url("governing"), sync_server.url("operational")
    item, hlc = str(uuid.uuid4()), _now_hlc()
    with psycopg.connect(governing) as maker:
        _insert_on(maker, _change("item", item, {"title": "Theirs", "likelihood": 2}, hlc))
        change = _change("item", item, {"likelihood": 5}, hlc + 1)
        failure = _failures(lambda: _insert(operational, change), maker.commit)
    assert len(failure) == 1 and isinstance(failure[0], psycopg.errors.SerializationFailure)
    assert "sync again" in str(failure[0])
    assert _run(
        sync_server.admin_url(),
        "SELECT data ->> 'likelihood', (SELECT count(*) FROM kanban_sec.changes"
        " WHERE row_id = %s) FROM kanban_sec.rows WHERE row_id = %s",
        (item, item),
    ) == [("2", 1)]


def _failures(action: Any, meanwhile: Any) -> list[BaseException]:
    """Start ``action`` in a thread, let it reach the row another session holds, run
    ``meanwhile`` (which lets it go) and wait for it: what it raised, if anything."""
    failures: list[BaseException] = []

    def run() -> None:
        try:
            action()
        except BaseException as exc:  # (handed to the test)
            failures.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    time.sleep(0.5)
    meanwhile()
    thread.join(10)
    return failures
