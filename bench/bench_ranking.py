"""Ranking 100,000 open items, weakest link first (target: under 0.5 s on this machine).

The board (``make_board``, 125,000 items of which exactly 20% done, so 100,000 open) is
loaded once with ``reading(db).items(include_done=False)``, ``.chains()`` and ``.links()``;
then ``kanban_sec.domain.ranking.rank(items, chains, links)`` is timed: median of 5 runs.
The load itself (SQLite rows -> ``Item`` objects, via the real reader) is reported too,
for information: median of 3 runs.

Run alone: ``python bench/bench_ranking.py [--profile]``.
"""

from __future__ import annotations

import sys
from typing import Any

from common import (
    RANKING_BOARD_ITEMS,
    machine_info,
    profile,
    profile_requested,
    runs,
    scaled,
    timed,
)
from make_board import board_for

from kanban_sec.domain.ranking import rank
from kanban_sec.store.database import open_database
from kanban_sec.store.unit_of_work import reading

TARGET_S = 0.5
OPEN_ITEMS = scaled(100_000)
RUNS = runs(5)
LOAD_RUNS = runs(3)


def _load(db: Any) -> tuple[list[Any], dict[str, Any], dict[str, Any]]:
    with reading(db) as reader:
        return reader.items(include_done=False), reader.chains(), reader.links()


def run(*, show_profile: bool = False) -> dict[str, Any]:
    path = board_for(RANKING_BOARD_ITEMS)
    db = open_database(path, daily_backup=False)
    try:
        items, chains, links = _load(db)
        if len(items) != OPEN_ITEMS:
            raise SystemExit(f"expected {OPEN_ITEMS} open items, the board has {len(items)}")
        load = timed(LOAD_RUNS, lambda: _load(db))
        result: list[Any] = []
        ranking = timed(RUNS, lambda: result.append(rank(items, chains, links)))
        if len(result[-1]) != OPEN_ITEMS:
            raise SystemExit(f"rank returned {len(result[-1])} rows, not {OPEN_ITEMS}")
        report = {
            "what": f"ranking {OPEN_ITEMS:,} open items",
            "measured": ranking.median,
            "floor": None,
            "ratio": None,
            "target": f"< {TARGET_S} s",
            "ok": ranking.median < TARGET_S,
            "load": load.median,
            "lines": [
                f"ranking: {ranking.median:.3f} s  target: < {TARGET_S} s  "
                f"({'OK' if ranking.median < TARGET_S else 'OVER TARGET'}; "
                f"{ranking.spread()})",
                f"  load {OPEN_ITEMS:,} open items from SQLite (reading(db).items, "
                f"informational): {load.median:.3f} s ({load.spread()}); "
                f"{len(chains)} chains, {len(links)} links",
            ],
        }
        if show_profile:
            report["lines"].append("profile of one rank() call (cProfile):")
            report["lines"].append(profile(lambda: rank(items, chains, links), name="ranking"))
            report["lines"].append("profile of one load (cProfile):")
            report["lines"].append(profile(lambda: _load(db), name="ranking-load"))
        return report
    finally:
        db.close()


def main(argv: list[str]) -> None:
    print(machine_info(), flush=True)
    report = run(show_profile=profile_requested(argv))
    print("\n".join(report["lines"]))


if __name__ == "__main__":
    main(sys.argv)
