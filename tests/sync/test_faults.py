"""Sync when things go wrong: lost answers, dropped connections, late commits, duplicate
batches, clocks ahead, and the errors a person sees. After each, the local database is
consistent and the next sync completes with nothing lost or doubled."""

from __future__ import annotations

import json
import socket
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

from kanban_sec.domain import hlc
from kanban_sec.domain.errors import KanbanError
from kanban_sec.domain.hlc import pack
from kanban_sec.services.board import BoardService
from kanban_sec.services.session import Session
from kanban_sec.store.database import Database, open_database
from kanban_sec.sync import client, errors, merge, refusals
from kanban_sec.sync.client import Remote, fetch, sync
from kanban_sec.sync.merge import apply_remote
from kanban_sec.sync.server import MEMBER_ROLE, PUSH_TYPES

from .pg import PLAIN_DATABASE, PgCluster, SyncServer
from .test_merge import new_item_fields, snapshot

MINUTE_MS = 60_000


@pytest.fixture
def replicas(tmp_path: Path) -> Iterator[Any]:
    opened: list[Database] = []

    def make(name: str) -> Database:
        db = open_database(tmp_path / f"{name}.sqlite", daily_backup=False)
        opened.append(db)
        return db

    yield make
    for db in opened:
        db.close()


def remote_for(server: SyncServer, who: str) -> tuple[Remote, str]:
    login, password = server.logins[who]
    return Remote(
        server.pg.url(server.dbname, login, None), ca_file=str(server.pg.ca_file)
    ), password


def on_server(server: SyncServer, sql: str, params: Any = None) -> list[Any]:
    with psycopg.connect(server.admin_url(), autocommit=True) as conn:
        cur = conn.execute(sql, params)
        return cur.fetchall() if cur.description else []


def server_ids(server: SyncServer) -> list[str]:
    return [r[0] for r in on_server(server, "SELECT id::text FROM kanban_sec.changes")]


def local(db: Database, sql: str) -> list[Any]:
    with db.connect(write=False) as conn:
        return [tuple(r) for r in conn.exec_driver_sql(sql)]


def titles(db: Database) -> list[str]:
    return sorted(r[0] for r in local(db, "SELECT title FROM items WHERE deleted_at IS NULL"))


class Pair:
    """Replica A (an operational member) and replica B (another), on one server."""

    def __init__(self, server: SyncServer, replicas: Any) -> None:
        self.server = server
        self.a, self.b = replicas("a"), replicas("b")
        self.remote_a, self.password_a = remote_for(server, "operational")
        self.remote_b, self.password_b = remote_for(server, "risk_owner")
        self.ann = BoardService(Session(self.a, "Ann"))

    def sync_a(self, **options: Any) -> client.SyncResult:
        return sync(self.a, self.remote_a, self.password_a, **options)

    def sync_b(self, **options: Any) -> client.SyncResult:
        return sync(self.b, self.remote_b, self.password_b, **options)


@pytest.fixture
def two(sync_server: SyncServer, replicas: Any) -> Pair:
    return Pair(sync_server, replicas)


# -- lost answers and dropped connections ---------------------------------------------------------


def test_a_push_whose_answer_is_lost_is_not_doubled(two: Pair, monkeypatch) -> None:
    for n in range(5):
        two.ann.create_item(f"Item {n}")

    def lost(db: Database, up_to_seq: int) -> None:
        raise psycopg.OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(client, "mark_pushed", lost)
    with pytest.raises(errors.ServerUnreachable):
        two.sync_a()
    assert len(server_ids(two.server)) == 5  # the server committed
    assert local(two.a, "SELECT count(*) FROM changes WHERE pushed = 0") == [(5,)]
    monkeypatch.undo()

    result = two.sync_a()
    assert result.pushed == 0  # all there already
    assert sorted(server_ids(two.server)) == sorted(
        r[0] for r in local(two.a, "SELECT id FROM changes")
    )
    assert local(two.a, "SELECT count(*) FROM changes WHERE pushed = 0 OR pos_xid IS NULL") == [
        (0,)
    ]
    assert two.sync_b().pulled == 5
    assert titles(two.b) == titles(two.a) == [f"Item {n}" for n in range(5)]


def test_a_pull_that_fails_inside_a_batch_leaves_that_batch_out(two: Pair, monkeypatch) -> None:
    for n in range(10):
        two.ann.create_item(f"Item {n}")
    two.sync_a()
    calls = {"n": 0}
    derive = merge._derive

    def crash(raw: Any) -> int:  # the app dies while applying the second batch
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("killed")
        return derive(raw)

    monkeypatch.setattr(merge, "_derive", crash)
    with pytest.raises(RuntimeError):
        two.sync_b(batch=4)
    assert len(local(two.b, "SELECT id FROM changes")) == 4  # the first batch only
    assert len(titles(two.b)) == 4
    [(cursor,)] = local(two.b, "SELECT value FROM meta WHERE key = 'sync_cursor'")
    last = local(two.b, "SELECT pos_xid, pos_seq FROM changes ORDER BY pos_xid, pos_seq")[-1]
    assert cursor == f"{last[0]}:{last[1]}"
    monkeypatch.undo()

    assert two.sync_b(batch=4).pulled == 6
    assert titles(two.b) == titles(two.a)
    assert local(two.b, "SELECT count(*) FROM changes") == [(10,)]


def test_a_connection_killed_mid_pull_is_readable_and_the_next_sync_completes(
    two: Pair, monkeypatch
) -> None:
    for n in range(10):
        two.ann.create_item(f"Item {n}")
    two.sync_a()
    login = two.server.login("risk_owner")
    original = merge.apply_remote
    calls = {"n": 0}

    def kill_then_apply(target: Any, changes: Any, cursor: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == 2:  # the administrator cuts B's connection between two batches
            killed = on_server(
                two.server,
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s",
                (login,),
            )
            assert killed == [(True,)]
        return original(target, changes, cursor)

    monkeypatch.setattr(merge, "apply_remote", kill_then_apply)
    with pytest.raises(errors.ServerUnreachable) as caught:
        two.sync_b(batch=4)
    assert "cannot reach the sync server" in str(caught.value)
    assert len(local(two.b, "SELECT id FROM changes")) == 8  # two whole batches
    monkeypatch.undo()

    assert two.sync_b(batch=4).pulled == 2
    assert titles(two.b) == titles(two.a)


def test_a_connection_killed_mid_push_pushes_nothing_and_the_next_sync_all(
    two: Pair, monkeypatch
) -> None:
    for n in range(10):
        two.ann.create_item(f"Item {n}")
    login = two.server.login("operational")
    original = client._push_batch
    calls = {"n": 0}

    def kill_then_push(conn: Any, chunk: Any, way: str) -> int:
        calls["n"] += 1
        if calls["n"] == 2:  # the connection drops between two batches of one push
            on_server(
                two.server,
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s",
                (login,),
            )
        return original(conn, chunk, way)

    monkeypatch.setattr(client, "_push_batch", kill_then_push)
    with pytest.raises(errors.ServerUnreachable):
        two.sync_a(batch=4)
    assert server_ids(two.server) == []  # the first batch was rolled back with the rest
    assert local(two.a, "SELECT count(*) FROM changes WHERE pushed = 0") == [(10,)]
    monkeypatch.undo()

    assert two.sync_a(batch=4).pushed == 10
    assert two.sync_b().pulled == 10
    assert titles(two.b) == titles(two.a)


def test_a_board_restored_from_before_its_push_gets_its_own_changes_back(
    two: Pair, tmp_path: Path
) -> None:
    # A pull brings this board's own changes back without their fields (it has them) but
    # for one its log lost: a copy taken before the change was made and pushed.
    two.ann.create_item("Kept in the copy")
    copy = tmp_path / "copy.sqlite"
    source, target = sqlite3.connect(two.a.path), sqlite3.connect(copy)
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()
    two.ann.create_item("Made after the copy")
    assert two.sync_a().pushed == 2
    restored = open_database(copy, daily_backup=False)
    try:
        result = sync(restored, two.remote_a, two.password_a)
        assert (result.pushed, result.pulled) == (0, 1)
        assert titles(restored) == ["Kept in the copy", "Made after the copy"]
        assert local(restored, "SELECT count(*) FROM changes WHERE pos_xid IS NULL") == [(0,)]
    finally:
        restored.close()


def test_a_batch_delivered_twice_changes_nothing(two: Pair) -> None:
    ids = [two.ann.create_item(f"Item {n}").row_id for n in range(6)]
    two.ann.edit_item(ids[0], title="Item 0, renamed")
    two.sync_a()
    two.sync_b(batch=3)
    before = snapshot(two.b)
    with psycopg.connect(two.server.url("risk_owner"), autocommit=True) as conn:
        first = fetch(conn, (0, 0), 3)
        second = fetch(conn, (first[-1].pos_xid, first[-1].pos_seq), 3)
    for batch in (second, first, second):  # again, and out of order
        result = apply_remote(two.b, batch, (batch[-1].pos_xid, batch[-1].pos_seq))
        assert (result.new, result.rows) == (0, 0)
    assert snapshot(two.b) == before


@pytest.mark.parametrize("temporary", [True, False])
def test_a_server_without_push_changes_still_takes_pushes(
    two: Pair, monkeypatch, temporary: bool
) -> None:
    # A server set up by an older kanban-sec has no kanban_sec.push_changes: COPY into a
    # temporary table, or where the server denies those, INSERT from arrays.
    on_server(
        two.server,
        f"REVOKE EXECUTE ON FUNCTION kanban_sec.push_changes({PUSH_TYPES}) FROM {MEMBER_ROLE}",
    )
    if not temporary:
        on_server(two.server, f'REVOKE TEMPORARY ON DATABASE "{two.server.dbname}" FROM PUBLIC')
    for n in range(5):
        two.ann.create_item(f"Item {n}")
    ways: list[str] = []
    original = client._push_way
    monkeypatch.setattr(client, "_push_way", lambda conn: ways.append(original(conn)) or ways[-1])
    assert two.sync_a(batch=2).pushed == 5
    assert ways == ["copy" if temporary else "insert"]
    assert two.sync_a().pushed == 0
    assert two.sync_b().pulled == 5
    assert titles(two.b) == titles(two.a)


# -- the server's order -----------------------------------------------------------------------


def test_a_push_that_commits_late_is_not_skipped(two: Pair) -> None:
    def change(title: str) -> tuple[Any, ...]:
        item = str(uuid.uuid4())
        fields = json.dumps({k: [v, None] for k, v in new_item_fields(item, title).items()})
        return (
            str(uuid.uuid4()),
            "item",
            item,
            fields,
            pack(hlc.wall_millis(), 0),
            "node-x",
            "Ann",
            None,
            None,
            "2027-01-15T08:00:00Z",
        )

    insert = (
        "INSERT INTO kanban_sec.changes (id, entity, row_id, fields, hlc, node_id,"
        " person, base_xid, base_seq, at) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s,"
        " %s)"
    )
    url = two.server.url("operational")
    with psycopg.connect(url) as early, psycopg.connect(url) as late:
        early.execute(insert, change("First to get its seq, last to commit"))
        late.execute(insert, change("Second seq, committed first"))
        late.commit()
        two.sync_b()  # the late one is visible, but the earlier transaction still runs
        assert titles(two.b) == []
        early.commit()
    assert two.sync_b().pulled == 2
    assert titles(two.b) == ["First to get its seq, last to commit", "Second seq, committed first"]


# -- clocks -------------------------------------------------------------------------------------


def test_a_clock_ten_minutes_ahead_still_syncs(two: Pair, monkeypatch) -> None:
    real = hlc.wall_millis
    monkeypatch.setattr(hlc, "wall_millis", lambda: real() + 10 * MINUTE_MS)
    item = two.ann.create_item("From the future").row_id
    two.ann.edit_item(item, likelihood=5)
    result = two.sync_a()  # the server refuses > 5 min ahead: stamped again first
    assert result.pushed == 2
    stamps = [r[0] for r in local(two.a, "SELECT hlc FROM changes ORDER BY seq")]
    assert stamps == sorted(stamps) and hlc.millis(stamps[-1]) < real() + MINUTE_MS
    two.ann.edit_item(item, title="Still from the future")  # follows the server's clock now
    assert hlc.millis(local(two.a, "SELECT max(hlc) FROM changes")[0][0]) < real() + MINUTE_MS
    monkeypatch.setattr(hlc, "wall_millis", real)
    BoardService(Session(two.b, "Bob"))
    two.sync_a()
    two.sync_b()
    assert titles(two.b) == ["Still from the future"]
    BoardService(Session(two.b, "Bob")).edit_item(item, title="Bob's, a moment later")
    two.sync_b()
    two.sync_a()
    assert titles(two.a) == titles(two.b) == ["Bob's, a moment later"]


def test_without_restamping_the_server_refuses_a_clock_ahead(two: Pair, monkeypatch) -> None:
    real = hlc.wall_millis
    monkeypatch.setattr(hlc, "wall_millis", lambda: real() + 10 * MINUTE_MS)
    two.ann.create_item("From the future")
    monkeypatch.setattr(client, "_follow_server_clock", lambda db, conn: None)
    before = snapshot(two.a)
    result = two.sync_a()  # refused, and set aside: the sync goes on
    assert result.pushed == 0 and len(result.refused) == 1
    assert "ahead of the server clock" in result.refused[0].reason
    assert result.refused[0].code == "KS001"
    assert server_ids(two.server) == []
    assert local(two.a, "SELECT count(*) FROM changes WHERE pushed = 0") == [(1,)]
    assert two.sync_a().pushed == 0  # not sent again until redone
    monkeypatch.undo()
    assert refusals.redo_refused(two.a) == 1
    assert two.sync_a().pushed == 1
    assert snapshot(two.a)["items"] == before["items"]


def test_a_lost_answer_keeps_the_stamps_the_server_has(two: Pair, monkeypatch) -> None:
    real = hlc.wall_millis
    monkeypatch.setattr(hlc, "wall_millis", lambda: real() + 4 * MINUTE_MS + 30_000)
    two.ann.create_item("A little ahead")
    monkeypatch.setattr(merge, "RESTAMP_AHEAD_MS", 5 * MINUTE_MS)  # accepted as it is...

    def lost(db: Database, up_to_seq: int) -> None:
        raise psycopg.OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(client, "mark_pushed", lost)  # ...but the answer is lost
    with pytest.raises(KanbanError):
        two.sync_a()
    monkeypatch.undo()
    monkeypatch.setattr(hlc, "wall_millis", lambda: real() + 4 * MINUTE_MS + 30_000)
    two.sync_a()  # too far ahead now, but the server has it: it keeps its stamp
    ours = local(two.a, "SELECT id, hlc FROM changes")
    theirs = on_server(two.server, "SELECT id::text, hlc FROM kanban_sec.changes")
    assert sorted(ours) == sorted(theirs)


# -- what a person sees ----------------------------------------------------------------------------


def _unchanged_after(db: Database, call: Any) -> KanbanError:
    before = snapshot(db)
    with pytest.raises(KanbanError) as caught:
        call()
    assert snapshot(db) == before
    return caught.value


def test_wrong_password_is_readable(two: Pair) -> None:
    two.ann.create_item("Waiting")
    error = _unchanged_after(two.a, lambda: sync(two.a, two.remote_a, "not-the-password"))
    assert isinstance(error, errors.LoginFailed)
    assert "wrong user name or password" in str(error) and "not-the-password" not in str(error)
    assert error.message("nb")


def test_unreachable_server_is_readable(pg: PgCluster, replicas: Any) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # nothing listens there once closed
    db = replicas("a")
    remote = Remote(
        f"postgresql://ann@127.0.0.1:{port}/board?connect_timeout=3", ca_file=str(pg.ca_file)
    )
    error = _unchanged_after(db, lambda: sync(db, remote, "secret"))
    assert isinstance(error, errors.ServerUnreachable)
    assert f"cannot reach the sync server 127.0.0.1:{port}" in str(error)


def test_tls_failure_is_readable(two: Pair) -> None:
    remote = Remote(two.remote_a.url, ca_file=str(two.server.pg.wrong_ca_file))
    error = _unchanged_after(two.a, lambda: sync(two.a, remote, two.password_a))
    assert isinstance(error, errors.TlsFailure)
    assert "certificate could not be verified" in str(error)


def test_plain_connections_only_to_this_machine(pg: PgCluster, replicas: Any) -> None:
    db = replicas("a")
    far = Remote("postgresql://ann@sync.example.org/board", allow_plain_loopback=True)
    error = _unchanged_after(db, lambda: sync(db, far, "secret"))
    assert isinstance(error, errors.TlsFailure)
    assert "unencrypted connection to sync.example.org is not allowed" in str(error)
    assert error.message("nb").startswith("en ukryptert forbindelse")
    # To this machine it connects without TLS (this database has no kanban-sec schema).
    near = Remote(
        f"postgresql://{pg.admin_user}@127.0.0.1:{pg.port}/{PLAIN_DATABASE}",
        allow_plain_loopback=True,
    )
    error = _unchanged_after(db, lambda: sync(db, near, pg.admin_password))
    assert isinstance(error, errors.SchemaMismatch)
    # Without the option the same address must verify TLS (and the CA is not ours).
    tls = Remote(near.url)
    assert isinstance(
        _unchanged_after(db, lambda: sync(db, tls, pg.admin_password)), errors.TlsFailure
    )


def test_a_password_in_the_address_is_refused(two: Pair) -> None:
    login, password = two.server.logins["operational"]
    remote = Remote(
        two.server.pg.member_url(two.server.dbname, login, password),
        ca_file=str(two.server.pg.ca_file),
    )
    error = _unchanged_after(two.a, lambda: sync(two.a, remote, password))
    assert password not in str(error) and "contains a password" in str(error)


def test_a_server_without_the_schema_is_readable(pg: PgCluster, replicas: Any) -> None:
    db = replicas("a")
    dbname = pg.new_database()
    remote = Remote(pg.url(dbname, pg.admin_user, None), ca_file=str(pg.ca_file))
    error = _unchanged_after(db, lambda: sync(db, remote, pg.admin_password))
    assert isinstance(error, errors.SchemaMismatch) and "not set up" in str(error)
