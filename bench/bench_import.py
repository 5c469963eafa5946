"""CSV import of 100,000 rows against the floor of ``sqlite3 .import``.

The file: ``export_csv`` of the cached 100,000-item board (``make_board``; done and
confidential items included), rewritten with the ``id`` column blanked so every row
creates a new item (UTF-8 with BOM and CRLF kept; ``csv`` quoting). It is made once per
invocation, before any timing.

Measured: ``import_csv(BoardService(Session(db, "bench", "en")), FILE)`` into a FRESH, empty
database each run (created and migrated by ``open_database`` before the clock starts),
so the import creates the 40 units, the people, 50 chains, their links and 100,000 items,
with the change log, in one transaction.

Floor: the whole ``sqlite3`` process (started with ``subprocess``) importing the same file
into a fresh database file (absent before the run)::

    sqlite3 FRESH.db ".import --csv FILE items_floor"

Median of 3 runs each, interleaved. Row counts are checked after every run.

Run alone: ``python bench/bench_import.py [--profile]``.
"""

from __future__ import annotations

import csv
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from common import (
    EXPORT_IMPORT_ITEMS,
    Timing,
    machine_info,
    profile,
    profile_requested,
    runs,
    sqlite_cli,
)
from make_board import board_for

from kanban_sec.services.board import BoardService
from kanban_sec.services.csv_exchange import import_csv
from kanban_sec.services.csv_export import export_csv
from kanban_sec.services.governance import GovernanceService
from kanban_sec.services.session import Session
from kanban_sec.store.database import open_database

TARGET_RATIO = 10
RUNS = runs(3)


def make_import_file(board: Path, target: Path) -> int:
    """``export_csv`` of ``board`` with the ``id`` cells blanked; returns the row count."""
    exported = target.with_name(target.name + ".export")
    db = open_database(board, daily_backup=False)
    try:
        export_csv(db, exported, include_done=True, include_confidential=True)
    finally:
        db.close()
    count = 0
    with (
        exported.open(newline="", encoding="utf-8-sig") as source,
        target.open("w", newline="", encoding="utf-8-sig") as sink,
    ):
        reader = csv.reader(source)
        writer = csv.writer(sink, lineterminator="\r\n")
        header = next(reader)
        id_column = header.index("id")
        writer.writerow(header)
        for row in reader:
            row[id_column] = ""
            writer.writerow(row)
            count += 1
    exported.unlink()
    return count


def _items_in(path: Path, table: str) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


class _Runs:
    """Fresh databases in one folder, one per run."""

    def __init__(self, folder: Path, csv_file: Path, cli: str) -> None:
        self.folder, self.csv_file, self.cli = folder, csv_file, cli
        self.number = 0
        self.outcome: Any = None

    def fresh(self, kind: str) -> Path:
        self.number += 1
        return self.folder / f"{kind}-{self.number}.sqlite"

    def product(self) -> float:
        """One timed import into a fresh database; the database is set up untimed."""
        path = self.fresh("product")
        db = open_database(path, daily_backup=False)
        try:
            # The file carries done work nobody verified: a board whose policy asks for no
            # verification takes it (the rulebook holds an import to the policy).
            GovernanceService(Session(db, "bench", "en")).set_policy(None, [])
            start = time.perf_counter()
            self.outcome = import_csv(BoardService(Session(db, "bench", "en")), self.csv_file)
            took = time.perf_counter() - start
        finally:
            db.close()
        created = _items_in(path, "items")
        if created != EXPORT_IMPORT_ITEMS or self.outcome.counts["created"] != created:
            raise SystemExit(f"import created {created} items ({self.outcome.counts})")
        return took

    def floor(self) -> float:
        path = self.fresh("floor")
        start = time.perf_counter()
        subprocess.run(
            [self.cli, str(path), f".import --csv {self.csv_file} items_floor"], check=True
        )
        took = time.perf_counter() - start
        rows = _items_in(path, "items_floor")
        if rows != EXPORT_IMPORT_ITEMS:
            raise SystemExit(f"sqlite3 .import stored {rows} rows")
        return took


def run(*, show_profile: bool = False) -> dict[str, Any]:
    cli = sqlite_cli()
    board = board_for(EXPORT_IMPORT_ITEMS)
    with tempfile.TemporaryDirectory(prefix="kanban-bench-") as name:
        folder = Path(name)
        csv_file = folder / "import.csv"
        rows = make_import_file(board, csv_file)
        if rows != EXPORT_IMPORT_ITEMS:
            raise SystemExit(f"the import file holds {rows} rows")
        runs = _Runs(folder, csv_file, cli)
        product_runs: list[float] = []
        floor_runs: list[float] = []
        for _ in range(RUNS):
            product_runs.append(runs.product())
            floor_runs.append(runs.floor())
            # Each run's databases are deleted at once: the disk holds one at a time.
            for leftover in folder.glob("*.sqlite*"):
                leftover.unlink()
        product, floor = Timing(product_runs), Timing(floor_runs)
        ratio = product.median / floor.median
        counts = runs.outcome.counts
        report = {
            "what": f"import {EXPORT_IMPORT_ITEMS:,} rows (import_csv)",
            "measured": product.median,
            "floor": floor.median,
            "ratio": ratio,
            "floor_name": "sqlite3 .import",
            "target": f"<= {TARGET_RATIO}x",
            "ok": ratio <= TARGET_RATIO,
            "lines": [
                f"import: {product.median:.3f} s  floor sqlite3 .import: {floor.median:.3f} s"
                f"  ratio: {ratio:.2f} (target <= {TARGET_RATIO})"
                f"{'' if ratio <= TARGET_RATIO else '  OVER TARGET'}",
                f"  import {product.spread()}; created {counts['created']:,}, "
                f"{len(runs.outcome.changes) + len(runs.outcome.bulk_rows):,} change records, "
                f"{len(runs.outcome.warnings)} warnings",
                f"  floor  {floor.spread()}; file {csv_file.stat().st_size / 1e6:.1f} MB",
            ],
        }
        if show_profile:
            report["lines"].append("profile of one import_csv into a fresh database (cProfile):")
            path = runs.fresh("profile")
            db = open_database(path, daily_backup=False)
            try:
                report["lines"].append(
                    profile(
                        lambda: import_csv(BoardService(Session(db, "bench", "en")), csv_file),
                        name="import",
                    )
                )
            finally:
                db.close()
        return report


def main(argv: list[str]) -> None:
    print(machine_info(), flush=True)
    report = run(show_profile=profile_requested(argv))
    print("\n".join(report["lines"]))


if __name__ == "__main__":
    main(sys.argv)
