"""Sync of 10,000 changes between two clients through a PostgreSQL server on this machine,
against the floor of ``psql`` loading the same rows with COPY.

The server: a throwaway cluster started the way the sync tests start theirs
(``tests/sync/pg.py``: ``initdb``, TLS with its own CA, loopback only, fsync off), a fresh
database per run set up with ``init_server``, and two operational members.

The changes: client A's log, written by the product's unit of work as the services write
it: 2,500 new items (``rows.item_values`` plus ``status_times``, as ``create_item``) and
7,500 edits of them (40% moves with their status times, never verify -> done, 30%
titles, 30% likelihoods),
10,000 change records in all. Made once, copied for each run.

Measured: ``sync(A)`` (connect with verified TLS, version check, clock check, push of the
10,000 changes, and the pull that brings them back with their server positions) plus
``sync(B)`` into an empty replica (pull of the 10,000 changes: stored, 2,500 items built,
conflicts derived), each with a fresh connection, as a person would run them; reported as
changes per second end to end. Target: at least 5,000 changes/s.

Floor: the whole ``psql`` process (started with ``subprocess``, over the same verified
TLS) loading the same 10,000 rows into a plain table of the log's shape in another fresh
database: ``CREATE TABLE kanban_sec.floor_changes (LIKE kanban_sec.changes INCLUDING ALL)``
(its defaults and indexes, not the server's rulebook trigger), then ``\\copy ... FROM
FILE``. Also shown: the same ``\\copy`` into ``kanban_sec.changes`` itself, trigger and all
(the floor before the rulebook was enforced on the server). It runs as the administrator:
PostgreSQL refuses COPY into a table whose row-level security applies to the user, so
members push with INSERT. The floor only puts the rows on the server; the
product also reads them from SQLite, and pulls and writes them to SQLite at both ends.

Median of 3 runs each, interleaved, fresh databases every run. Row counts are checked.

Run alone: ``python bench/bench_sync.py [--profile]``.
"""

from __future__ import annotations

import csv
import os
import random
import secrets
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from common import Timing, machine_info, profile, profile_requested, runs, scaled

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests.sync.pg

from kanban_sec.domain.ids import new_id
from kanban_sec.domain.model import Item
from kanban_sec.services.board import status_times
from kanban_sec.store import rows
from kanban_sec.store.database import open_database
from kanban_sec.store.unit_of_work import writing
from kanban_sec.sync.client import Remote, sync
from kanban_sec.sync.server import add_member, init_server
from tests.sync.pg import PgCluster, start_cluster

ITEMS = scaled(2_500)
EDITS = scaled(7_500)
CHANGES = ITEMS + EDITS
TARGET = 5_000  # changes per second, end to end
RUNS = runs(3)
STATUSES = ("backlog", "next", "doing", "verify", "done")
COPY_COLUMNS = (
    "id",
    "entity",
    "row_id",
    "fields",
    "hlc",
    "node_id",
    "person",
    "base_xid",
    "base_seq",
    "at",
)


def make_log(path: Path) -> None:
    """Client A's board: 2,500 items and 7,500 edits, written by the unit of work."""
    db = open_database(path, daily_backup=False)
    rnd = random.Random(7)
    try:
        ids: list[str] = []
        for start in range(0, ITEMS, 500):
            with writing(db, "Ann") as uow:
                for n in range(start, min(start + 500, ITEMS)):
                    values = rows.item_values(Item(id=new_id(), title=f"Item {n}"))
                    values.update(status_times(values["status"], None, uow.now_text))
                    uow.insert("item", values)
                    ids.append(values["id"])
        for start in range(0, EDITS, 500):
            with writing(db, "Ann") as uow:
                for n in range(start, min(start + 500, EDITS)):
                    item = rnd.choice(ids)
                    current = uow.row("item", item)
                    assert current is not None
                    kind = rnd.random()
                    if kind < 0.4:
                        # Moves the rulebook allows Ann (verify -> done is internal
                        # control's; work the policy wants verified does not skip Verify).
                        moves = [
                            {"status": s, **status_times(s, current["started_at"], uow.now_text)}
                            for s in STATUSES
                            if s != current["status"]
                        ]
                        values = rnd.choice(
                            [m for m in moves if uow.refusal("item", item, current, m) is None]
                        )
                    elif kind < 0.7:
                        values = {"title": f"Item {n}, edited"}
                    else:
                        values = {
                            "likelihood": rnd.choice(
                                [v for v in range(1, 6) if v != current["likelihood"]]
                            )
                        }
                    uow.update("item", item, values, current)
    finally:
        db.close()
    with sqlite3.connect(path) as conn:
        count = conn.execute("SELECT count(*) FROM changes").fetchone()[0]
    if count != CHANGES:
        raise SystemExit(f"client A's log holds {count} changes, not {CHANGES}")


class Server:
    """A fresh set-up database on the cluster with two operational members."""

    def __init__(self, pg: PgCluster) -> None:
        self.pg = pg
        self.dbname = pg.new_database("bench")
        init_server(pg.admin_url(self.dbname))
        tag = secrets.token_hex(3)
        self.logins = {who: (f"{who}_{tag}", secrets.token_urlsafe(12)) for who in ("a", "b")}
        for login, password in self.logins.values():
            add_member(pg.admin_url(self.dbname), login, "operational", password)

    def remote(self, who: str) -> tuple[Remote, str]:
        login, password = self.logins[who]
        return Remote(self.pg.url(self.dbname, login, None), ca_file=str(self.pg.ca_file)), password

    def count(self, table: str = "kanban_sec.changes") -> int:
        import psycopg

        with psycopg.connect(self.pg.admin_url(self.dbname)) as conn:
            row = conn.execute(f"SELECT count(*) FROM {table}").fetchone()
            return int(row[0]) if row else 0


def copy_file(log: Path, target: Path) -> None:
    """The rows a push sends, as CSV for psql's ``\\copy``."""
    with sqlite3.connect(log) as conn, target.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        for row in conn.execute(
            "SELECT id, entity, row_id, fields, hlc, node_id, author,"
            " base_xid, base_seq, at FROM changes ORDER BY seq"
        ):
            writer.writerow(["" if v is None else v for v in row])


def psql(pg: PgCluster) -> str:
    found = pg.bindir / "psql"
    if found.is_file():
        return str(found)
    on_path = shutil.which("psql")
    if on_path is None:
        raise SystemExit("bench: psql is needed for the floor (it comes with PostgreSQL)")
    return on_path


FLOOR_TABLE = "kanban_sec.floor_changes"


def floor_run(pg: PgCluster, csv_file: Path, table: str = FLOOR_TABLE) -> float:
    """psql loading the rows with COPY into a fresh database; seconds, rows checked.

    ``table``: a plain table of the log's shape (the floor), or ``kanban_sec.changes``
    itself (with the server's trigger)."""
    server = Server(pg)
    if table == FLOOR_TABLE:
        import psycopg

        with psycopg.connect(pg.admin_url(server.dbname)) as conn:
            conn.execute(f"CREATE TABLE {FLOOR_TABLE} (LIKE kanban_sec.changes INCLUDING ALL)")
    # As the administrator: PostgreSQL has no COPY into a table with row-level security
    # for anybody it applies to (members push with INSERT).
    url = pg.url(server.dbname, pg.admin_user, None)
    password = pg.admin_password
    command = [
        psql(pg),
        url,
        "-v",
        "ON_ERROR_STOP=1",
        "-q",
        "-c",
        f"\\copy {table} ({', '.join(COPY_COLUMNS)}) FROM '{csv_file}' WITH (FORMAT csv)",
    ]
    env = {**os.environ, "PGPASSWORD": password}
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True)
    seconds = time.perf_counter() - start
    if server.count(table) != CHANGES:
        raise SystemExit("the floor did not load every row")
    return seconds


def product_run(
    pg: PgCluster, log: Path, folder: Path, show_profile: bool = False
) -> tuple[float, float, str]:
    """sync(A) then sync(B) on a fresh server database; (push s, pull s, profile)."""
    server = Server(pg)
    a_path, b_path = folder / f"a-{server.dbname}.sqlite", folder / f"b-{server.dbname}.sqlite"
    shutil.copy(log, a_path)
    a = open_database(a_path, daily_backup=False)
    b = open_database(b_path, daily_backup=False)
    try:
        remote_a, password_a = server.remote("a")
        remote_b, password_b = server.remote("b")
        start = time.perf_counter()
        pushed = sync(a, remote_a, password_a)
        middle = time.perf_counter()
        pulled = sync(b, remote_b, password_b)
        end = time.perf_counter()
        if (pushed.pushed, pulled.pulled) != (CHANGES, CHANGES):
            raise SystemExit(
                f"pushed {pushed.pushed} and pulled {pulled.pulled}, not {CHANGES} each"
            )
        with sqlite3.connect(a_path) as ca, sqlite3.connect(b_path) as cb:
            items = "SELECT * FROM items ORDER BY id"
            if ca.execute(items).fetchall() != cb.execute(items).fetchall():
                raise SystemExit("the replicas' items differ after the sync")
        text = ""
        if show_profile:  # one more pull into another empty replica, under cProfile
            c = open_database(folder / f"c-{server.dbname}.sqlite", daily_backup=False)
            try:
                text = profile(lambda: sync(c, remote_b, password_b), name="sync_pull")
            finally:
                c.close()
        return middle - start, end - middle, text
    finally:
        a.close()
        b.close()


def run(*, show_profile: bool = False) -> dict[str, Any]:
    pg = start_cluster()
    try:
        with tempfile.TemporaryDirectory(prefix="kanban-bench-sync-") as name:
            folder = Path(name)
            log = folder / "a-template.sqlite"
            make_log(log)
            csv_file = folder / "changes.csv"
            copy_file(log, csv_file)
            product_run(pg, log, folder)  # warm-up, untimed
            floor_run(pg, csv_file)
            pushes: list[float] = []
            pulls: list[float] = []
            floors: list[float] = []
            triggered: list[float] = []
            for _ in range(RUNS):
                push, pull, _ = product_run(pg, log, folder)
                pushes.append(push)
                pulls.append(pull)
                floors.append(floor_run(pg, csv_file))
                triggered.append(floor_run(pg, csv_file, "kanban_sec.changes"))
            with_trigger = Timing(triggered)
            totals = Timing([p + q for p, q in zip(pushes, pulls, strict=True)])
            floor = Timing(floors)
            rate = CHANGES / totals.median
            floor_rate = CHANGES / floor.median
            ratio = totals.median / floor.median
            lines = [
                f"sync {CHANGES:,} changes A -> server -> B: {totals.median:.3f} s = "
                f"{rate:,.0f} changes/s (target >= {TARGET:,}/s)"
                f"{'' if rate >= TARGET else '  UNDER TARGET'}",
                f"  sync(A) push + pull back {Timing(pushes).median:.3f} s; "
                f"sync(B) pull {Timing(pulls).median:.3f} s; total {totals.spread()}",
                f"  floor psql \\copy into a plain table of the log's shape: "
                f"{floor.median:.3f} s = {floor_rate:,.0f} rows/s ({floor.spread()}); "
                f"ratio {ratio:.2f}",
                f"  psql \\copy into kanban_sec.changes (the server's trigger): "
                f"{with_trigger.median:.3f} s = {CHANGES / with_trigger.median:,.0f} rows/s "
                f"({with_trigger.spread()})",
            ]
            if show_profile:
                lines.append("profile of one sync pulling the 10,000 changes (cProfile):")
                lines.append(product_run(pg, log, folder, show_profile=True)[2])
            return {
                "what": f"sync {CHANGES:,} changes, push + pull (client → server → client)",
                "measured": totals.median,
                "floor": floor.median,
                "ratio": ratio,
                "floor_name": "psql \\copy",
                "measured_text": f"{totals.median:.3f} s ({rate:,.0f} changes/s)",
                "target": f">= {TARGET:,} changes/s",
                "ok": rate >= TARGET,
                "lines": lines,
            }
    finally:
        pg.stop()


def main(argv: list[str]) -> None:
    print(machine_info(), flush=True)
    report = run(show_profile=profile_requested(argv))
    print("\n".join(report["lines"]))


if __name__ == "__main__":
    main(sys.argv)
