"""Changes the server refuses, pulled changes the board cannot apply, and a delete that
met an edit: against the real PostgreSQL test server (see conftest)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psycopg
import pytest

from kanban_sec.domain.hlc import pack, wall_millis
from kanban_sec.domain.ids import new_id
from kanban_sec.domain.model import Item
from kanban_sec.services.board import BoardService
from kanban_sec.services.conflicts import resolve_conflict
from kanban_sec.services.session import Session
from kanban_sec.store import rows
from kanban_sec.store.database import Database, open_database
from kanban_sec.store.unit_of_work import parse_cursor, writing
from kanban_sec.sync import merge, refusals
from kanban_sec.sync.client import Remote, SyncResult, sync

from .pg import SyncServer

#: The person each test login writes as (the server sets it from the login).
PERSON = {"governing": "Governing", "operational": "Operational", "risk_owner": "Risk Owner"}


class Board:
    """A replica synced by one member of the test server."""

    def __init__(self, server: SyncServer, db: Database, who: str) -> None:
        login, self.password = server.logins[who]
        self.remote = Remote(
            server.pg.url(server.dbname, login, None), ca_file=str(server.pg.ca_file)
        )
        self.db = db
        self.service = BoardService(Session(db, PERSON[who]))

    def sync(self) -> SyncResult:
        return sync(self.db, self.remote, self.password)

    def sql(self, text: str, params: Any = ()) -> list[tuple[Any, ...]]:
        with self.db.connect(write=False) as conn:
            return [tuple(r) for r in conn.exec_driver_sql(text, params)]


@pytest.fixture
def boards(sync_server: SyncServer, tmp_path: Path) -> Iterator[Any]:
    opened: list[Database] = []

    def make(name: str, who: str) -> Board:
        db = open_database(tmp_path / f"{name}.sqlite", daily_backup=False)
        opened.append(db)
        return Board(sync_server, db, who)

    yield make
    for db in opened:
        db.close()


def on_server(server: SyncServer, sql: str, params: Any = None) -> list[Any]:
    with psycopg.connect(server.admin_url(), autocommit=True) as conn:
        cur = conn.execute(sql, params)
        return cur.fetchall() if cur.description else []


def items(board: Board) -> list[tuple[Any, ...]]:
    return board.sql("SELECT id, title, likelihood, deleted_at FROM items ORDER BY id")


def write_setting(db: Database, author: str, key: str, value: str) -> None:
    """A setting written straight into the board and its log, past the board's own checks
    (as an older client, or one whose rules are out of date, would)."""
    with db.connect(write=True) as conn:
        now = rows.ts(datetime.now(UTC))
        old = conn.exec_driver_sql(
            "SELECT value, updated_at FROM settings WHERE id = ?", (key,)
        ).one_or_none()
        if old is None:
            conn.exec_driver_sql(
                "INSERT INTO settings (id, value, created_at, updated_at) VALUES (?, ?, ?, ?)",
                (key, value, now, now),
            )
            fields = {"value": [value, None], "created_at": [now, None], "updated_at": [now, None]}
        else:
            conn.exec_driver_sql(
                "UPDATE settings SET value = ?, updated_at = ? WHERE id = ?", (value, now, key)
            )
            fields = {"value": [value, old[0]], "updated_at": [now, old[1]]}
        last = int(conn.exec_driver_sql("SELECT max(hlc) FROM changes").scalar_one() or 0)
        cursor = conn.exec_driver_sql(
            "SELECT value FROM meta WHERE key = 'sync_cursor'"
        ).scalar_one_or_none()
        xid, seq = parse_cursor(cursor)
        conn.exec_driver_sql(
            "INSERT INTO changes (id, entity, row_id, fields, hlc, node_id, author, at,"
            " base_xid, base_seq) VALUES (?, 'setting', ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                new_id(),
                key,
                json.dumps(fields),
                max(last + 1, pack(wall_millis(), 0)),
                db.node_id,
                author,
                now,
                xid,
                seq,
            ),
        )


# -- 1. a refused change does not poison the others ----------------------------------------------


def governed(boards: Any) -> Board:
    """A board whose organisation has a governing person (so it is set up: the server
    refuses settings from anybody else)."""
    g = boards("g", "governing")
    with writing(g.db, "Governing") as uow:
        uow.insert(
            "person", {"id": new_id(), "name": "Governing", "unit_id": None, "role": "governing"}
        )
    assert g.sync().refused == ()
    return g


def test_a_refused_change_is_set_aside_and_the_others_land(boards, sync_server) -> None:
    governed(boards)
    a, b = boards("a", "operational"), boards("b", "risk_owner")
    a.sync()
    b.sync()
    ids = [a.service.create_item(f"Item {n}").row_id for n in range(3)]
    write_setting(a.db, "Operational", "policy.test", "strict")  # only governing may
    a.service.edit_item(ids[1], title="Item 1, renamed")
    everything = a.sql("SELECT count(*) FROM changes WHERE pushed = 0")[0][0]

    result = a.sync()
    assert result.pushed == everything - 1
    [refused] = result.refused
    assert refused.entity == "setting" and refused.row_id == "policy.test"
    assert refused.code.startswith("KS") and refused.reason
    on = {r[0] for r in on_server(sync_server, "SELECT id::text FROM kanban_sec.changes")}
    mine = {r[0] for r in a.sql("SELECT id FROM changes")}
    assert refused.change_id not in on and mine - on == {refused.change_id}
    # Still in the log, unpushed, and never sent again until redone.
    assert a.sql("SELECT pushed FROM changes WHERE id = ?", (refused.change_id,)) == [(0,)]
    again = a.sync()
    assert again.pushed == 0 and [r.change_id for r in again.refused] == [refused.change_id]

    b.sync()
    assert items(b) == items(a)
    assert a.sql("SELECT value FROM settings WHERE id = 'policy.test'") == [("strict",)]

    # Discarding undoes it here: the board is the server's again.
    [gone] = refusals.discard_refused(a.db)
    assert gone.change_id == refused.change_id
    assert a.sql("SELECT * FROM settings WHERE id = 'policy.test'") == []
    assert a.sql("SELECT count(*) FROM changes WHERE id = ?", (refused.change_id,)) == [(0,)]
    assert refusals.list_refused(a.db) == []
    assert a.sync().refused == ()
    assert items(a) == items(b)
    assert a.sql("SELECT id, value FROM settings") == b.sql("SELECT id, value FROM settings")


def test_discarding_a_refused_edit_brings_back_the_value_before(boards) -> None:
    g, a = governed(boards), boards("a", "operational")
    write_setting(g.db, "Governing", "policy.test", "one")
    assert g.sync().refused == ()
    a.sync()
    item = a.service.create_item("Fine").row_id
    write_setting(a.db, "Operational", "policy.test", "two")
    a.service.edit_item(item, likelihood=4)
    result = a.sync()
    assert len(result.refused) == 1 and result.pushed >= 2
    assert a.sql("SELECT value FROM settings") == [("two",)]
    [only] = refusals.list_refused(a.db)
    assert refusals.match_refused(a.db, [only.change_id[-6:]]) == [only.change_id]
    refusals.discard_refused(a.db, [only.change_id])
    assert a.sql("SELECT value FROM settings") == [("one",)]
    g.sync()
    assert items(g) == items(a)
    assert g.sql("SELECT id, value, updated_at FROM settings") == a.sql(
        "SELECT id, value, updated_at FROM settings"
    )


def test_redo_sends_a_refused_change_again(boards) -> None:
    governed(boards)
    a = boards("a", "operational")
    a.sync()
    write_setting(a.db, "Operational", "policy.test", "x")
    assert len(a.sync().refused) == 1
    assert refusals.redo_refused(a.db) == 1
    result = a.sync()  # refused again (the server's rule still holds), set aside again
    assert result.pushed == 0 and len(result.refused) == 1


# -- 2. quarantine --------------------------------------------------------------------------------


def _insert_raw(server: SyncServer, entity: str, row_id: str, fields: dict[str, Any]) -> str:
    """A change put on the server by its owner, past the server's own checks."""
    change_id = new_id()
    with psycopg.connect(server.admin_url(), autocommit=True) as conn, conn.transaction():
        conn.execute("ALTER TABLE kanban_sec.changes DISABLE TRIGGER USER")
        conn.execute(
            "INSERT INTO kanban_sec.changes (id, entity, row_id, fields, hlc, node_id,"
            " person, at) VALUES (%s, %s, %s, %s, %s, 'rogue-node', 'Rogue', now())",
            (change_id, entity, row_id, json.dumps(fields), pack(wall_millis(), 0)),
        )
        conn.execute("ALTER TABLE kanban_sec.changes ENABLE TRIGGER USER")
    return change_id


def _item_fields(title: str, **values: Any) -> dict[str, Any]:
    item_id = new_id()
    found = rows.item_values(Item(id=item_id, title=title))
    del found["id"]
    found.update(values)
    found["created_at"] = found["updated_at"] = rows.ts(
        rows.parse_ts("2027-01-15T08:00:00.000000Z")
    )
    return {k: [v, None] for k, v in found.items()}


def test_a_change_the_board_cannot_apply_is_quarantined(boards, sync_server) -> None:
    a, b = boards("a", "operational"), boards("b", "risk_owner")
    bad_value = _insert_raw(sync_server, "item", new_id(), _item_fields("Bad", likelihood="abc"))
    dangling = _insert_raw(
        sync_server, "item", new_id(), _item_fields("Dangling", chain_id=new_id())
    )
    unknown = _insert_raw(sync_server, "gadget", new_id(), {"name": ["x", None]})
    malformed = _insert_raw(sync_server, "item", new_id(), {"title": "no pair"})
    good = a.service.create_item("Good").row_id
    a.sync()
    result = b.sync()
    assert result.quarantined == 4
    held = {q.change_id: q for q in merge.list_quarantined(b.db)}
    assert set(held) == {bad_value, dangling, unknown, malformed}
    assert "likelihood" in held[bad_value].why("en")
    assert "chain_id refers to chain" in held[dangling].why("en")
    assert "gadget" in held[unknown].why("en")
    assert "form" in held[malformed].why("en")
    # Never in the log, never half applied; the board works.
    assert b.sql("SELECT count(*) FROM changes WHERE id IN (?, ?, ?, ?)", tuple(held)) == [(0,)]
    assert [e.item.title for e in b.service.view().entries] == ["Good"]
    # Later changes still apply.
    a.service.edit_item(good, title="Good, later")
    a.sync()
    assert b.sync().quarantined == 4
    assert [e.item.title for e in b.service.view().entries] == ["Good, later"]
    # Pulled again (a fresh board): the same set, nothing more.
    c = boards("c", "governing")
    c.sync()
    assert {q.change_id for q in merge.list_quarantined(c.db)} == set(held)
    assert items(c) == items(b)


# -- 3. a delete that met an edit ------------------------------------------------------------------


def _deleted_vs_edited(boards: Any) -> tuple[Board, Board, str]:
    a, b = boards("a", "operational"), boards("b", "risk_owner")
    item = a.service.create_item("Shared").row_id
    a.sync()
    b.sync()
    a.service.delete(item)  # offline, neither has seen the other
    b.service.edit_item(item, title="Edited meanwhile", likelihood=5)
    a.sync()
    b.sync()
    a.sync()
    return a, b, item


@pytest.mark.parametrize("resolution", ["restore", "delete", "take", "keep"])
def test_a_delete_concurrent_with_an_edit_is_a_conflict_everywhere(boards, resolution) -> None:
    a, b, item = _deleted_vs_edited(boards)
    found = {}
    for board in (a, b):
        [conflict] = merge.list_conflicts(board.db)
        assert conflict.deleted_while_changed and conflict.row_id == item
        assert conflict.loser_value == {"likelihood": 5, "title": "Edited meanwhile"}
        assert conflict.winner_author == "Operational" and conflict.loser_author == "Risk Owner"
        found[board.db.path] = conflict.id
    assert len(set(found.values())) == 1
    assert a.sql("SELECT * FROM conflicts") == b.sql("SELECT * FROM conflicts")
    conflict_id = next(iter(found.values()))
    resolve_conflict(b.db, "Risk Owner", conflict_id, resolution)
    b.sync()
    a.sync()
    restored = resolution in ("restore", "take")
    for board in (a, b):
        [(title, deleted)] = board.sql("SELECT title, deleted_at FROM items WHERE id = ?", (item,))
        assert title == "Edited meanwhile" and (deleted is None) is restored
        assert merge.list_conflicts(board.db) == []
        [closed] = merge.list_conflicts(board.db, open_only=False)
        assert closed.resolution == ("restored" if restored else "deleted")
    assert items(a) == items(b)
    assert a.sql("SELECT * FROM conflicts") == b.sql("SELECT * FROM conflicts")


def test_an_edit_after_seeing_the_delete_is_no_conflict(boards) -> None:
    a, b = boards("a", "operational"), boards("b", "risk_owner")
    item = a.service.create_item("Shared").row_id
    other = a.service.create_item("Other").row_id
    a.sync()
    b.sync()
    b.service.edit_item(item, title="Before the delete")
    b.sync()
    a.sync()
    a.service.delete(item)  # had seen the edit
    b.service.edit_item(other, title="Unrelated")
    a.sync()
    b.sync()
    assert merge.list_conflicts(a.db) == [] and merge.list_conflicts(b.db) == []


def test_a_delete_conflict_cannot_be_edited(boards) -> None:
    _a, b, _item = _deleted_vs_edited(boards)
    [conflict] = merge.list_conflicts(b.db)
    with pytest.raises(Exception, match="restore it"):
        resolve_conflict(b.db, "Risk Owner", conflict.id, "edit", "x")


# -- 4. a transfer's local path stays here ---------------------------------------------------------


def test_a_transfer_is_pushed_without_the_local_folders(
    boards, sync_server, tmp_path: Path
) -> None:
    from kanban_sec.services.history import record_transfer

    a, b = boards("a", "operational"), boards("b", "risk_owner")
    secret = tmp_path / "private-folder" / "export.csv"
    record_transfer(a.db, "Operational", "export", secret, 3)
    assert a.sync().refused == ()
    [(fields,)] = on_server(
        sync_server, "SELECT fields::text FROM kanban_sec.changes WHERE entity = 'transfer'"
    )
    assert "private-folder" not in fields and "export.csv" in fields
    b.sync()
    assert b.sql("SELECT path FROM transfers") == [("export.csv",)]
    assert a.sql("SELECT path FROM transfers") == [(str(secret.resolve()),)]
