"""Replicas converge through the real server whatever happens in between.

Hypothesis drives 3 to 5 replicas (SQLite files opened with ``open_database``, each with
its clock up to 10 minutes off) through random creates, edits, moves, deletes, conflict
resolutions and syncs in random order, as operational people, through the services. After
everybody syncs twice: the items are identical on every replica, every change id is on
every replica, every value overwritten by a concurrent one is a conflict (the same ones
everywhere), and re-applying any batch a pull applied changes nothing.
"""

from __future__ import annotations

import json
import os
import secrets
import tempfile
from collections import defaultdict
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from kanban_sec.domain import hlc
from kanban_sec.domain.errors import BadInput
from kanban_sec.domain.model import Status
from kanban_sec.services.board import BoardService
from kanban_sec.services.conflicts import resolve_conflict
from kanban_sec.services.session import Session
from kanban_sec.store.database import Database, open_database
from kanban_sec.sync import merge, refusals
from kanban_sec.sync.client import Remote, sync
from kanban_sec.sync.merge import BOOKKEEPING, conflict_id, list_conflicts
from kanban_sec.sync.server import add_member, init_server

from .pg import PgCluster

MINUTE_MS = 60_000
#: Examples per run (more for a long local run: KANBAN_SEC_CONVERGENCE_EXAMPLES=200).
EXAMPLES = int(os.environ.get("KANBAN_SEC_CONVERGENCE_EXAMPLES", "15"))
TITLES = ("Patch", "Encrypt", "Review access", "Train staff")
STATUSES = tuple(s.value for s in Status)

replica = st.integers(0, 4)
pick = st.integers(0, 1000)
operation = st.one_of(
    st.tuples(st.just("create"), replica, st.sampled_from(TITLES)),
    *[st.tuples(st.just("title"), replica, pick, st.sampled_from(TITLES))] * 2,
    *[st.tuples(st.just("likelihood"), replica, pick, st.integers(1, 5))] * 2,
    *[st.tuples(st.just("move"), replica, pick, st.sampled_from(STATUSES))] * 2,
    st.tuples(st.just("delete"), replica, pick),
    *[st.tuples(st.just("resolve"), replica, pick, st.sampled_from(("keep", "take")))] * 2,
    *[st.tuples(st.just("sync"), replica)] * 3,
)
skews = st.lists(st.integers(-10 * MINUTE_MS, 10 * MINUTE_MS), min_size=3, max_size=5)


class Logins:
    """One operational member per replica (roles are cluster-wide: made once)."""

    def __init__(self, pg: PgCluster) -> None:
        self.pg = pg
        self.tag = secrets.token_hex(3)
        first = pg.new_database("conv")
        init_server(pg.admin_url(first))
        self.logins = [(f"conv{n}_{self.tag}", secrets.token_urlsafe(12)) for n in range(5)]
        for login, password in self.logins:
            add_member(pg.admin_url(first), login, "operational", password, person=login)

    def fresh_server(self) -> str:
        dbname = self.pg.new_database("conv")
        init_server(self.pg.admin_url(dbname))
        return dbname

    def remote(self, dbname: str, n: int) -> tuple[Remote, str]:
        login, password = self.logins[n]
        return Remote(self.pg.url(dbname, login, None), ca_file=str(self.pg.ca_file)), password


@pytest.fixture(scope="module")
def logins(pg: PgCluster) -> Logins:
    return Logins(pg)


class Clock:
    """The wall clock every replica reads, off by the acting replica's skew."""

    def __init__(self) -> None:
        self.skew = 0
        self.real = hlc.wall_millis

    def __call__(self) -> int:
        return self.real() + self.skew


@contextmanager
def recording() -> Iterator[list[tuple[Database, list[Any], tuple[int, int]]]]:
    """Every batch a pull applies: (replica, changes, cursor)."""
    applied: list[tuple[Database, list[Any], tuple[int, int]]] = []
    original = merge.apply_remote

    def record(target: Any, changes: Any, cursor: tuple[int, int]) -> Any:
        applied.append((target, list(changes), cursor))
        return original(target, changes, cursor)

    with mock.patch.object(merge, "apply_remote", record):
        yield applied


def snapshot(db: Database) -> dict[str, list[Any]]:
    with db.connect(write=False) as conn:
        return {
            table: sorted(map(tuple, conn.exec_driver_sql(f"SELECT * FROM {table}")))
            for table in ("items", "changes", "conflicts", "meta")
        }


def table(db: Database, sql: str) -> list[tuple[Any, ...]]:
    with db.connect(write=False) as conn:
        return sorted(map(tuple, conn.exec_driver_sql(sql)))


def expected_conflicts(db: Database) -> set[str]:
    """The protocol's conflicts, worked out naively from the replica's log: for each field
    of each row, every value nobody replaced knowingly ("head") that lost to the winner."""
    by_field: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    with db.connect(write=False) as conn:
        for r in conn.exec_driver_sql(
            "SELECT id, entity, row_id, fields, hlc, node_id, pos_xid, pos_seq, base_xid,"
            " base_seq FROM changes WHERE entity <> 'conflict'"
        ):
            for name, (new, _old) in json.loads(r[3]).items():
                if name not in BOOKKEEPING:
                    by_field[(r[1], r[2], name)].append(
                        {
                            "id": r[0],
                            "value": new,
                            "hlc": r[4],
                            "node": r[5],
                            "pos": None if r[6] is None else (r[6], r[7]),
                            "base": None if r[8] is None else (r[8], r[9]),
                        }
                    )

    def saw(d: dict[str, Any], c: dict[str, Any]) -> bool:
        if d is c:
            return False
        if d["node"] == c["node"]:
            return bool(c["hlc"] < d["hlc"])
        return c["pos"] is not None and d["base"] is not None and c["pos"] <= d["base"]

    expected = set()
    # A row deleted while somebody changed it, neither knowing of the other: for each
    # node, its latest such edit is a conflict with the winning delete.
    by_row: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    with db.connect(write=False) as conn:
        for r in conn.exec_driver_sql(
            "SELECT id, entity, row_id, fields, hlc, node_id, pos_xid, pos_seq, base_xid,"
            " base_seq FROM changes WHERE entity <> 'conflict'"
        ):
            fields = json.loads(r[3])
            by_row[(r[1], r[2])].append(
                {
                    "id": r[0],
                    "fields": fields,
                    "hlc": r[4],
                    "node": r[5],
                    "pos": None if r[6] is None else (r[6], r[7]),
                    "base": None if r[8] is None else (r[8], r[9]),
                }
            )
    for changes in by_row.values():
        deletes = [c for c in changes if "deleted_at" in c["fields"]]
        if not deletes:
            continue
        winner = max(deletes, key=lambda c: (c["hlc"], c["node"]))
        if winner["fields"]["deleted_at"][0] is None:
            continue
        latest: dict[str, dict[str, Any]] = {}
        for c in changes:
            if "deleted_at" in c["fields"] or (
                "created_at" in c["fields"] and c["fields"]["created_at"][1] is None
            ):
                continue
            if not set(c["fields"]) - BOOKKEEPING or saw(winner, c) or saw(c, winner):
                continue
            mine = latest.get(c["node"])
            if mine is None or (c["hlc"], c["id"]) > (mine["hlc"], mine["id"]):
                latest[c["node"]] = c
        expected.update(conflict_id(winner["id"], c["id"], "deleted_at") for c in latest.values())
    for (_entity, _row, field), changes in by_field.items():
        winner = max(changes, key=lambda c: (c["hlc"], c["node"]))
        for c in changes:
            head = not any(saw(d, c) for d in changes)
            if head and c is not winner and c["value"] != winner["value"] and not saw(c, winner):
                expected.add(conflict_id(winner["id"], c["id"], field))
    return expected


def run_operation(op: tuple[Any, ...], service: BoardService, db: Database) -> None:
    kind, _, *args = op
    visible = sorted(e.item.id for e in service.view().entries)
    try:
        if kind == "create":
            service.create_item(args[0])
        elif kind == "resolve":
            open_ones = list_conflicts(db)
            if open_ones:
                chosen = open_ones[args[0] % len(open_ones)]
                resolve_conflict(db, service.author, chosen.id, args[1])
        elif visible:
            item = visible[args[0] % len(visible)]
            if kind == "title":
                service.edit_item(item, title=args[1])
            elif kind == "likelihood":
                service.edit_item(item, likelihood=args[1])
            elif kind == "move":
                current = service.entry(item).item.status
                if not (current is Status.VERIFY and args[1] == "done"):
                    service.move(item, args[1])
            elif kind == "delete":
                service.delete(item)
    except BadInput:
        pass  # a rule refused it (e.g. done needs verification): as a person would see


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    skew=skews,
    operations=st.lists(operation, min_size=5, max_size=40),
    endings=st.lists(st.sampled_from(("keep", "take", "none")), min_size=5, max_size=5),
)
def test_replicas_converge(
    logins: Logins, skew: list[int], operations: list[tuple[Any, ...]], endings: list[str]
) -> None:
    dbname = logins.fresh_server()
    clock = Clock()
    with ExitStack() as stack, tempfile.TemporaryDirectory(prefix="conv-") as folder:
        stack.enter_context(mock.patch.object(hlc, "wall_millis", clock))
        applied = stack.enter_context(recording())
        replicas = []
        for n in range(len(skew)):
            db = open_database(Path(folder) / f"r{n}.sqlite", daily_backup=False)
            stack.callback(db.close)
            remote, password = logins.remote(dbname, n)
            replicas.append((db, BoardService(Session(db, logins.logins[n][0])), remote, password))

        def sync_replica(n: int) -> None:
            clock.skew = skew[n]
            db, _, remote, password = replicas[n]
            sync(db, remote, password, batch=7)

        # A shared start, so that edits meet: the people (each replica's member, with the
        # same name on the board, operational) and three items everybody has.
        clock.skew = skew[0]
        setter = replicas[0][1]
        for login, _ in logins.logins[: len(replicas)]:
            setter.add_person(login, "Security")
        for title in TITLES[:3]:
            run_operation(("create", 0, title), setter, replicas[0][0])
        for n in range(len(replicas)):
            sync_replica(n)
        for op in operations:
            n = op[1] % len(replicas)
            if op[0] == "sync":
                sync_replica(n)
                continue
            clock.skew = skew[n]
            db, service, _, _ = replicas[n]
            run_operation(op, service, db)
        # Everybody syncs twice; some resolve a conflict they now see; everybody syncs twice.
        for n in list(range(len(replicas))) * 2:
            sync_replica(n)
        for n, (db, service, _, _) in enumerate(replicas):
            if endings[n] != "none":
                clock.skew = skew[n]
                run_operation(("resolve", n, n, endings[n]), service, db)
        # A change the server refused (judged against its own state, which may differ from
        # the replica's, e.g. a move to done after someone else raised the likelihood) is
        # set aside on its replica; its person discards it, and the boards meet again.
        for db, _, _, _ in replicas:
            refused = refusals.discard_refused(db)
            event(f"refused: {'none' if not refused else 'some'}")
        for _ in range(2):
            for n in range(len(replicas)):
                sync_replica(n)

        dbs = [r[0] for r in replicas]
        first = dbs[0]
        for name in ("items", "people", "org_units"):
            rows_here = table(first, f"SELECT * FROM {name}")
            assert all(table(db, f"SELECT * FROM {name}") == rows_here for db in dbs), name
        ids = table(first, "SELECT id, hlc, pos_xid, pos_seq, pushed FROM changes")
        assert all(
            table(db, "SELECT id, hlc, pos_xid, pos_seq, pushed FROM changes") == ids for db in dbs
        )
        conflicts = table(first, "SELECT * FROM conflicts")
        assert all(table(db, "SELECT * FROM conflicts") == conflicts for db in dbs)
        derived = {c[0] for c in conflicts}
        resolved_by_change = {
            r[0]
            for r in table(first, "SELECT DISTINCT row_id FROM changes WHERE entity = 'conflict'")
        }
        expected = expected_conflicts(first)
        event(f"conflicts: {'none' if not conflicts else 'some'}")
        event(f"resolved: {'none' if not resolved_by_change else 'some'}")
        event(f"items: {'none' if not table(first, 'SELECT id FROM items') else 'some'}")
        assert expected <= derived
        assert derived - expected <= resolved_by_change
        before = [snapshot(db) for db in dbs]
        for db, batch, cursor in list(applied):
            merge.apply_remote(db, batch, cursor)
        assert [snapshot(db) for db in dbs] == before
