"""The merge rules on SQLite alone: last writer wins per field, tombstones, idempotence,
arrival order, conflicts and their resolution. A :class:`FakeServer` stands in for the
server's order (each push one transaction), so no PostgreSQL is needed here."""

from __future__ import annotations

import itertools
import json
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from kanban_sec.domain import hlc
from kanban_sec.domain.errors import Refused
from kanban_sec.domain.hlc import pack
from kanban_sec.domain.ids import new_id
from kanban_sec.domain.model import Item
from kanban_sec.services.board import BoardService
from kanban_sec.services.conflicts import resolve_conflict
from kanban_sec.services.session import Session
from kanban_sec.store import rows
from kanban_sec.store.database import Database, open_database
from kanban_sec.sync.client import mark_pushed
from kanban_sec.sync.merge import (
    RemoteChange,
    apply_remote,
    conflict_id,
    follow_server_clock,
    list_conflicts,
    rebuild_rows,
)

from .later import next_millisecond

T0 = 1_800_000_000_000  # a fixed wall clock (ms) for hand-made stamps


class FakeServer:
    """The server's order without a server: a push is one transaction (one xid)."""

    def __init__(self) -> None:
        self.log: list[RemoteChange] = []
        self.xid = 1000

    def push(self, db: Database) -> int:
        with db.connect(write=False) as conn:
            pending = conn.exec_driver_sql(
                "SELECT seq, id, entity, row_id, fields, hlc, node_id, author, at, base_xid,"
                " base_seq FROM changes WHERE pushed = 0 ORDER BY seq"
            ).all()
        if not pending:
            return 0
        self.xid += 1
        known = {c.id for c in self.log}
        for r in pending:
            if r[1] not in known:
                self.log.append(RemoteChange(*r[1:], self.xid, len(self.log) + 1))
        mark_pushed(db, pending[-1][0])
        return len(pending)

    def batches(
        self, db: Database, size: int = 3
    ) -> Iterator[tuple[list[RemoteChange], tuple[int, int]]]:
        """The batches a pull would fetch now."""
        cursor = cursor_of(db)
        after = [c for c in self.log if (c.pos_xid, c.pos_seq) > cursor]
        for start in range(0, len(after), size):
            chunk = after[start : start + size]
            yield chunk, (chunk[-1].pos_xid, chunk[-1].pos_seq)

    def pull(self, db: Database, size: int = 3) -> None:
        for chunk, cursor in list(self.batches(db, size)):
            apply_remote(db, chunk, cursor)

    def sync(self, db: Database) -> None:
        self.push(db)
        self.pull(db)


def cursor_of(db: Database) -> tuple[int, int]:
    with db.connect(write=False) as conn:
        text = conn.exec_driver_sql(
            "SELECT value FROM meta WHERE key = 'sync_cursor'"
        ).scalar_one_or_none()
    xid, _, seq = (text or "0:0").partition(":")
    return int(xid), int(seq)


def snapshot(db: Database) -> dict[str, list[Any]]:
    """Everything the merge may touch, as sorted rows."""
    with db.connect(write=False) as conn:
        return {
            table: sorted(map(tuple, conn.exec_driver_sql(f"SELECT * FROM {table}")))
            for table in ("items", "changes", "conflicts", "meta")
        }


def items(db: Database) -> list[tuple[Any, ...]]:
    with db.connect(write=False) as conn:
        return sorted(map(tuple, conn.exec_driver_sql("SELECT * FROM items ORDER BY id")))


def item_row(db: Database, item_id: str) -> dict[str, Any]:
    with db.connect(write=False) as conn:
        found = conn.exec_driver_sql("SELECT * FROM items WHERE id = ?", (item_id,))
        return dict(found.mappings().one())


@pytest.fixture
def open_db(tmp_path: Path) -> Iterator[Any]:
    opened: list[Database] = []

    def make(name: str) -> Database:
        db = open_database(tmp_path / f"{name}.sqlite", daily_backup=False)
        opened.append(db)
        return db

    yield make
    for db in opened:
        db.close()


@pytest.fixture
def server() -> FakeServer:
    return FakeServer()


# -- hand-made changes --------------------------------------------------------------------

_seq = itertools.count(1)


def remote(
    row_id: str,
    fields: dict[str, Any],
    *,
    at_ms: int,
    counter: int = 0,
    node: str = "node-x",
    author: str = "Remote",
    base: tuple[int, int] | None = None,
    xid: int = 1,
    change_id: str | None = None,
    old: Any = None,
) -> RemoteChange:
    seq = next(_seq)
    return RemoteChange(
        change_id or new_id(),
        "item",
        row_id,
        json.dumps({k: [v, old] for k, v in fields.items()}),
        pack(at_ms, counter),
        node,
        author,
        "2027-01-15T08:00:00.000000Z",
        base[0] if base else None,
        base[1] if base else None,
        xid,
        seq,
    )


def new_item_fields(item_id: str, title: str) -> dict[str, Any]:
    values = rows.item_values(Item(id=item_id, title=title))
    del values["id"]
    values["created_at"] = values["updated_at"] = "2027-01-15T08:00:00.000000Z"
    return values


def apply_all(db: Database, batch: Sequence[RemoteChange]) -> None:
    last = max(batch, key=lambda c: (c.pos_xid, c.pos_seq))
    apply_remote(db, batch, (last.pos_xid, last.pos_seq))


# -- last writer wins, per field ----------------------------------------------------------------


def test_concurrent_edits_of_different_fields_both_survive(open_db, server):
    a, b = open_db("a"), open_db("b")
    ann, bob = BoardService(Session(a, "Ann")), BoardService(Session(b, "Bob"))
    item = ann.create_item("Patch the firewall").row_id
    server.sync(a)
    server.sync(b)
    ann.edit_item(item, title="Patch the edge firewall")
    bob.edit_item(item, likelihood=5)
    for db in (a, b, a):
        server.sync(db)
    for db in (a, b):
        row = item_row(db, item)
        assert (row["title"], row["likelihood"]) == ("Patch the edge firewall", 5)
        assert list_conflicts(db) == []
    assert items(a) == items(b)


def test_the_newest_stamp_wins_a_field_and_the_loser_is_a_conflict(open_db, server):
    a, b = open_db("a"), open_db("b")
    item = BoardService(Session(a, "Ann")).create_item("Old title").row_id
    server.sync(a)
    server.sync(b)
    BoardService(Session(a, "Ann")).edit_item(item, title="Ann's title")
    next_millisecond()
    BoardService(Session(b, "Bob")).edit_item(item, title="Bob's title")  # later: it wins
    for db in (a, b, a):
        server.sync(db)
    for db in (a, b):
        assert item_row(db, item)["title"] == "Bob's title"
        [conflict] = list_conflicts(db)
        assert (conflict.field, conflict.winner_value, conflict.loser_value) == (
            "title",
            "Bob's title",
            "Ann's title",
        )
        assert conflict.loser_author == "Ann" and conflict.title == "Bob's title"
        assert conflict.mine is (db is a)
    assert items(a) == items(b)


def test_equal_stamps_are_decided_by_node_id(open_db):
    item = new_id()
    create = remote(item, new_item_fields(item, "Start"), at_ms=T0, node="node-a")
    low = remote(item, {"title": "from node-b"}, at_ms=T0 + 5, node="node-b", xid=2)
    high = remote(item, {"title": "from node-c"}, at_ms=T0 + 5, node="node-c", xid=3)
    for order, name in (([create, low, high], "x"), ([create, high, low], "y")):
        db = open_db(name)
        for change in order:
            apply_all(db, [change])
        assert item_row(db, item)["title"] == "from node-c"


def test_a_tombstone_wins_or_loses_by_its_stamp(open_db):
    item = new_id()
    create = remote(item, new_item_fields(item, "Doomed"), at_ms=T0, node="node-a")
    gone = "2027-01-15T09:00:00.000000Z"
    for delete_at, restore_at, deleted in ((T0 + 20, T0 + 10, True), (T0 + 10, T0 + 20, False)):
        db = open_db(f"tomb-{deleted}")
        delete = remote(item, {"deleted_at": gone}, at_ms=delete_at, node="node-b", xid=2)
        restore = remote(
            item, {"deleted_at": None}, at_ms=restore_at, node="node-c", xid=3, old=gone
        )
        apply_all(db, [create, restore, delete])
        assert (item_row(db, item)["deleted_at"] is not None) is deleted
        # delete and restore did not know of each other: the loser is a conflict
        [conflict] = list_conflicts(db)
        assert conflict.field == "deleted_at"


def test_a_delete_does_not_hide_a_later_edit_of_another_field(open_db, server):
    a, b = open_db("a"), open_db("b")
    item = BoardService(Session(a, "Ann")).create_item("Keep or not").row_id
    server.sync(a)
    server.sync(b)
    BoardService(Session(a, "Ann")).delete(item)
    BoardService(Session(b, "Bob")).edit_item(item, title="Renamed")
    for db in (a, b, a):
        server.sync(db)
    for db in (a, b):
        row = item_row(db, item)
        assert row["deleted_at"] is not None and row["title"] == "Renamed"
    assert items(a) == items(b)


# -- idempotence and order ------------------------------------------------------------------------


def test_applying_a_batch_again_changes_nothing(open_db, server):
    a, b = open_db("a"), open_db("b")
    ann = BoardService(Session(a, "Ann"))
    ids = [ann.create_item(f"Item {n}").row_id for n in range(4)]
    server.sync(a)
    server.sync(b)
    BoardService(Session(b, "Bob")).edit_item(ids[1], title="Bob's")
    ann.edit_item(ids[1], title="Ann's")
    ann.delete(ids[2])
    server.sync(b)
    batches = list(server.batches(a, size=2))
    server.pull(a, size=2)
    before = snapshot(a)
    for chunk, cursor in batches + batches[::-1]:
        result = apply_remote(a, chunk, cursor)
        assert (result.new, result.rows, result.conflicts) == (0, 0, 0)
    assert snapshot(a) == before


def test_arrival_order_does_not_matter(open_db):
    item, other = new_id(), new_id()
    created = [
        remote(item, new_item_fields(item, "One"), at_ms=T0, node="node-a"),
        remote(other, new_item_fields(other, "Two"), at_ms=T0 + 1, node="node-a"),
    ]
    seen = (1, created[-1].pos_seq)  # both edits were made after pulling the creations
    changes = [
        *created,
        remote(item, {"title": "One, renamed"}, at_ms=T0 + 10, node="node-b", xid=2, base=seen),
        remote(
            item,
            {"likelihood": 5, "title": "One, again"},
            at_ms=T0 + 12,
            node="node-c",
            xid=3,
            base=seen,
        ),
        remote(item, {"status": "doing"}, at_ms=T0 + 11, node="node-a", xid=4),
        remote(
            other,
            {"deleted_at": "2027-01-15T10:00:00.000000Z"},
            at_ms=T0 + 13,
            node="node-b",
            xid=5,
            base=seen,
        ),
    ]
    results = []
    for n, order in enumerate(itertools.islice(itertools.permutations(changes), 0, 720, 97)):
        db = open_db(f"order-{n}")
        creates = [c for c in order if "created_at" in json.loads(c.fields)]
        rest = [c for c in order if c not in creates]
        apply_all(db, creates)  # a row's creation comes first in any real server order
        for change in rest:
            apply_all(db, [change])
        results.append((items(db), sorted(c.id for c in list_conflicts(db))))
    assert all(r == results[0] for r in results)
    row = item_row(db, item)
    assert (row["title"], row["likelihood"], row["status"]) == ("One, again", 5, "doing")
    assert item_row(db, other)["deleted_at"] is not None
    assert len(results[0][1]) == 1  # node-b's title lost to node-c's, unseen


# -- conflicts ------------------------------------------------------------------------------------


def test_an_unpushed_local_change_overwritten_is_my_conflict(open_db, server):
    a, b = open_db("a"), open_db("b")
    item = BoardService(Session(a, "Ann")).create_item("Encrypt backups").row_id
    server.sync(a)
    server.sync(b)
    BoardService(Session(a, "Ann")).edit_item(item, likelihood=2)  # not pushed yet
    BoardService(Session(b, "Bob")).edit_item(item, likelihood=4)  # newer, pushed first
    server.sync(b)
    server.pull(a)
    [conflict] = list_conflicts(a)
    assert conflict.mine and conflict.loser_value == 2 and conflict.winner_value == 4
    assert item_row(a, item)["likelihood"] == 4


def test_an_edit_made_after_seeing_the_other_is_no_conflict(open_db, server):
    a, b = open_db("a"), open_db("b")
    item = BoardService(Session(a, "Ann")).create_item("Rotate keys").row_id
    server.sync(a)
    server.sync(b)
    BoardService(Session(a, "Ann")).edit_item(item, title="Rotate keys yearly")
    server.sync(a)
    server.sync(b)  # Bob sees Ann's title, then changes it
    BoardService(Session(b, "Bob")).edit_item(item, title="Rotate keys monthly")
    server.sync(b)
    server.sync(a)
    assert list_conflicts(a) == list_conflicts(b) == []
    assert item_row(a, item)["title"] == "Rotate keys monthly"


def test_only_the_latest_value_of_each_side_is_a_conflict(open_db, server):
    a, b = open_db("a"), open_db("b")
    item = BoardService(Session(a, "Ann")).create_item("Start").row_id
    server.sync(a)
    server.sync(b)
    BoardService(Session(a, "Ann")).edit_item(item, title="Ann 1")
    BoardService(Session(a, "Ann")).edit_item(item, title="Ann 2")  # Ann replaced her own value
    BoardService(Session(b, "Bob")).edit_item(item, title="Bob 1")
    for db in (a, b, a):
        server.sync(db)
    for db in (a, b):
        [conflict] = list_conflicts(db)
        assert (conflict.winner_value, conflict.loser_value) == ("Bob 1", "Ann 2")


def test_the_conflict_id_is_the_same_everywhere(open_db, server):
    a, b = open_db("a"), open_db("b")
    item = BoardService(Session(a, "Ann")).create_item("Start").row_id
    server.sync(a)
    server.sync(b)
    BoardService(Session(a, "Ann")).edit_item(item, title="A")
    BoardService(Session(b, "Bob")).edit_item(item, title="B")
    for db in (a, b, a):
        server.sync(db)
    [mine], [theirs] = list_conflicts(a), list_conflicts(b)
    assert mine.id == theirs.id == conflict_id(mine.winner_change, mine.loser_change, "title")


@pytest.mark.parametrize(
    "resolution, expected", [("keep", "Bob's"), ("take", "Ann's"), ("edit", "Both of ours")]
)
def test_resolving_a_conflict_closes_it_on_every_replica(open_db, server, resolution, expected):
    a, b, c = open_db("a"), open_db("b"), open_db("c")
    item = BoardService(Session(a, "Ann")).create_item("Start").row_id
    for db in (a, b, c):
        server.sync(db)
    BoardService(Session(a, "Ann")).edit_item(item, title="Ann's")
    BoardService(Session(b, "Bob")).edit_item(item, title="Bob's")
    for db in (a, b, a):
        server.sync(db)
    [conflict] = list_conflicts(a)
    outcome = resolve_conflict(
        a, "Ann", conflict.id, resolution, "Both of ours" if resolution == "edit" else None
    )
    assert outcome.changed
    for db in (a, b, c, a, b):
        server.sync(db)
    for db in (a, b, c):  # c gets the conflict and its resolution in one pull
        assert list_conflicts(db) == []
        [closed] = list_conflicts(db, open_only=False)
        assert closed.id == conflict.id and closed.resolved_at is not None
        assert (
            closed.resolution
            == {"keep": "kept_winner", "take": "took_loser", "edit": "edited"}[resolution]
        )
        assert item_row(db, item)["title"] == expected
    assert items(a) == items(b) == items(c)


def test_a_resolution_that_arrives_before_the_conflict_is_derived_closes_it(open_db, server):
    a, b, c = open_db("a"), open_db("b"), open_db("c")
    item = BoardService(Session(a, "Ann")).create_item("Start").row_id
    for db in (a, b):
        server.sync(db)
    BoardService(Session(a, "Ann")).edit_item(item, title="Ann's")
    BoardService(Session(b, "Bob")).edit_item(item, title="Bob's")
    for db in (a, b, a):
        server.sync(db)
    [conflict] = list_conflicts(a)
    resolve_conflict(a, "Ann", conflict.id, "keep")
    server.push(a)
    log = server.log
    resolution = [ch for ch in log if ch.entity == "conflict"]
    others = [ch for ch in log if ch.entity != "conflict"]
    apply_all(c, resolution)  # the resolution first, then what it is about
    apply_all(c, others)
    assert list_conflicts(c) == []
    assert [x.id for x in list_conflicts(c, open_only=False)] == [conflict.id]


def test_resolving_twice_is_refused(open_db, server):
    a, b = open_db("a"), open_db("b")
    item = BoardService(Session(a, "Ann")).create_item("Start").row_id
    server.sync(a)
    server.sync(b)
    BoardService(Session(a, "Ann")).edit_item(item, title="A")
    BoardService(Session(b, "Bob")).edit_item(item, title="B")
    for db in (a, b, a):
        server.sync(db)
    [conflict] = list_conflicts(a)
    resolve_conflict(a, "Ann", conflict.id, "keep")
    with pytest.raises(Refused) as caught:
        resolve_conflict(a, "Ann", conflict.id, "take")
    assert "resolved already" in str(caught.value)


def test_rebuilding_a_row_gives_the_row_the_log_says(open_db, server):
    a = open_db("a")
    ann = BoardService(Session(a, "Ann"))
    item = ann.create_item("Start").row_id
    ann.edit_item(item, title="Later", likelihood=4)
    before = item_row(a, item)
    raw = sqlite3.connect(a.path)
    raw.execute("UPDATE items SET title = 'scribbled', likelihood = 1 WHERE id = ?", (item,))
    raw.commit()
    raw.close()
    with a.connect(write=True) as conn:
        assert rebuild_rows(conn, [("item", item)]) == 1
    assert item_row(a, item) == before


# -- the clock ------------------------------------------------------------------------------------


def test_changes_stamped_ahead_are_stamped_again_in_order(open_db, monkeypatch):
    a = open_db("a")
    real = hlc.wall_millis
    ahead = 10 * 60_000
    monkeypatch.setattr(hlc, "wall_millis", lambda: real() + ahead)
    ann = BoardService(Session(a, "Ann"))
    item = ann.create_item("Ahead").row_id
    ann.edit_item(item, title="Ahead, edited")
    monkeypatch.setattr(hlc, "wall_millis", real)
    server_now = real()
    assert follow_server_clock(a, server_now, -ahead) == 2
    with a.connect(write=False) as conn:
        stamps = [r[0] for r in conn.exec_driver_sql("SELECT hlc FROM changes ORDER BY seq")]
    assert stamps == sorted(stamps)
    assert all(hlc.millis(s) < server_now + 60_000 for s in stamps)
    # From now on the node's stamps follow the server's clock, not this machine's.
    monkeypatch.setattr(hlc, "wall_millis", lambda: real() + ahead)
    ann.edit_item(item, title="After the sync")
    with a.connect(write=False) as conn:
        last = conn.exec_driver_sql("SELECT max(hlc) FROM changes").scalar_one()
    assert stamps[-1] < last and hlc.millis(last) < real() + 60_000
    assert item_row(a, item)["title"] == "After the sync"


def test_taking_a_value_follows_the_rules_of_the_field(open_db, server):
    a, b = open_db("a"), open_db("b")
    ann = BoardService(Session(a, "Ann"))
    item = ann.create_item("Small fix", likelihood="1", consequence="1").row_id
    ann.move(item, "doing")
    server.sync(a)
    server.sync(b)
    ann.move(item, "done")
    next_millisecond()
    BoardService(Session(b, "Bob")).move(item, "verify")  # later: it wins
    for db in (a, b):
        server.sync(db)
    [conflict] = list_conflicts(b)
    assert (conflict.winner_value, conflict.loser_value) == ("verify", "done")
    before = snapshot(b)
    with pytest.raises(Refused) as caught:  # verify -> done is internal control's
        resolve_conflict(b, "Bob", conflict.id, "take")
    assert "controlling member" in str(caught.value)
    assert snapshot(b) == before


def test_two_changes_of_several_fields_conflict_over_each_field(open_db, server):
    a, b = open_db("a"), open_db("b")
    item = BoardService(Session(a, "Ann")).create_item("Start").row_id
    server.sync(a)
    server.sync(b)
    BoardService(Session(a, "Ann")).edit_item(item, title="A", description="Ann's text")
    BoardService(Session(b, "Bob")).edit_item(item, title="B", description="Bob's text")
    for db in (a, b, a):
        server.sync(db)
    for db in (a, b):
        found = list_conflicts(db)
        assert sorted(c.field for c in found) == ["description", "title"]
        assert len({c.id for c in found}) == 2
