"""CSV export of 100,000 items against the floor of the ``sqlite3`` command-line tool.

Measured: ``export_csv(db, <temp file>, include_done=True, include_confidential=True)``
on the cached 100,000-item board (``make_board``), so the row count equals the table's.
That includes everything the product does: reading, ranking, building the 26 cells,
quoting, encoding and writing the file (to a temporary name, fsync, rename).

Floor: the whole ``sqlite3`` process (started with ``subprocess``, stdout to a file)::

    sqlite3 -csv -header DB "<FLOOR_QUERY>" > FILE

``FLOOR_QUERY`` (below) reads every column of ``items`` (all but ``deleted_at``) for the
same rows (``deleted_at IS NULL``, done and confidential included), with the same joins the
export needs: chain and link names and maturities, the owner person's name, and the owner
unit and risk owner as full unit paths (a recursive CTE over ``org_units``), plus the score
computed in SQL. It does not rank (no ``rank``/``weakest_link`` columns, no ORDER BY) and
does no formula neutralising: those are the product's own work on top of the floor.

Both: one untimed warm-up run each (so both read from a warm page cache), then the median
of 5 runs each, interleaved. Row counts are checked after the runs.

Run alone: ``python bench/bench_export.py [--profile]``.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from common import (
    EXPORT_IMPORT_ITEMS,
    Timing,
    csv_record_count,
    machine_info,
    profile,
    profile_requested,
    runs,
    sqlite_cli,
    timed,
)
from make_board import board_for

from kanban_sec.services.csv_export import export_csv
from kanban_sec.store.database import open_database

TARGET_RATIO = 5
RUNS = runs(5)

FLOOR_QUERY = """\
WITH RECURSIVE unit_path(id, path) AS (
  SELECT id, name FROM org_units WHERE parent_id IS NULL AND deleted_at IS NULL
  UNION ALL
  SELECT u.id, p.path || ' / ' || u.name
  FROM org_units u JOIN unit_path p ON u.parent_id = p.id
  WHERE u.deleted_at IS NULL
)
SELECT i.id, i.title, i.description, i.status,
       c.name AS chain, l.name AS link, i.likelihood, i.consequence,
       l.maturity AS link_maturity, c.target_maturity,
       i.likelihood * i.consequence
         * max(coalesce(c.target_maturity, 3) - coalesce(l.maturity, 0), 0) AS score,
       i.effort, ou.path AS owner_unit, pe.name AS owner_person, ro.path AS risk_owner,
       i.framework_ref, i.classification, i.tags, i.checklist,
       i.blocked_reason, i.blocked_at, i.due_date, i.pinned_at, i.pin_reason,
       i.status_changed_at, i.started_at, i.created_at, i.updated_at, i.done_at
FROM items i
LEFT JOIN chains c ON c.id = i.chain_id
LEFT JOIN links l ON l.id = i.link_id
LEFT JOIN people pe ON pe.id = i.owner_person_id
LEFT JOIN unit_path ou ON ou.id = i.owner_unit_id
LEFT JOIN unit_path ro ON ro.id = c.risk_owner_unit_id
WHERE i.deleted_at IS NULL"""


def _floor(cli: str, db_path: Path, target: Path) -> None:
    with target.open("wb") as out:
        subprocess.run([cli, "-csv", "-header", str(db_path), FLOOR_QUERY], stdout=out, check=True)


def run(*, show_profile: bool = False) -> dict[str, Any]:
    cli = sqlite_cli()
    path = board_for(EXPORT_IMPORT_ITEMS)
    db = open_database(path, daily_backup=False)
    try:
        with tempfile.TemporaryDirectory(prefix="kanban-bench-") as folder:
            product_file = Path(folder) / "export.csv"
            floor_file = Path(folder) / "floor.csv"
            counts: list[int] = []

            def export() -> None:
                counts.append(
                    export_csv(db, product_file, include_done=True, include_confidential=True)
                )

            export()
            _floor(cli, path, floor_file)  # warm-up, untimed
            product_runs: list[float] = []
            floor_runs: list[float] = []
            for _ in range(RUNS):
                product_runs += timed(1, export).runs
                floor_runs += timed(1, lambda: _floor(cli, path, floor_file)).runs
            product, floor = Timing(product_runs), Timing(floor_runs)
            floor_rows = csv_record_count(floor_file)
            product_rows = csv_record_count(product_file)
            if not counts[-1] == product_rows == floor_rows == EXPORT_IMPORT_ITEMS:
                raise SystemExit(
                    f"row counts differ: export_csv returned {counts[-1]}, its "
                    f"file holds {product_rows}, the floor's {floor_rows}"
                )
            sizes = (product_file.stat().st_size, floor_file.stat().st_size)
            ratio = product.median / floor.median
            report = {
                "what": f"export {EXPORT_IMPORT_ITEMS:,} items (export_csv)",
                "measured": product.median,
                "floor": floor.median,
                "ratio": ratio,
                "floor_name": "sqlite3 -csv",
                "target": f"<= {TARGET_RATIO}x",
                "ok": ratio <= TARGET_RATIO,
                "lines": [
                    f"export: {product.median:.3f} s  floor sqlite3 -csv: {floor.median:.3f} s"
                    f"  ratio: {ratio:.2f} (target <= {TARGET_RATIO})"
                    f"{'' if ratio <= TARGET_RATIO else '  OVER TARGET'}",
                    f"  export {product.spread()}; {sizes[0] / 1e6:.1f} MB",
                    f"  floor  {floor.spread()}; {sizes[1] / 1e6:.1f} MB; {floor_rows:,} rows each",
                ],
            }
            if show_profile:
                report["lines"].append("profile of one export_csv (cProfile):")
                report["lines"].append(profile(export, name="export"))
            return report
    finally:
        db.close()


def main(argv: list[str]) -> None:
    print(machine_info(), flush=True)
    report = run(show_profile=profile_requested(argv))
    print("\n".join(report["lines"]))


if __name__ == "__main__":
    main(sys.argv)
