"""Standup "changes since" and the report's data on a board with 10,000 items and 200,000
change records (target: under 1 s), beside the floor of one SQL scan of the same log.

The board is bench_flow's: make_board's organisation and items, and two years of history
replayed in time order through the real unit of work (see bench_flow.py), here with two
weekly standups held in that history (started with the product's ``start_standup`` inside
the replay, so their snapshots and change records sit where a live standup puts them,
and ended 30 minutes later). The history's last standup starts 7 days before its end.
The plan is bench_flow's with 4 fewer edits, so the log holds exactly 200,000 records.
Cached as ``bench/out/standup-n10000-c200000-seed1-gen<G>-flow<F>-rev<R>.sqlite``.

Measured, median of 5 runs after one warm-up, each a fresh ``StandupService`` call:

- ``changes_since()``: the change records since the last ended standup (the default);
- ``report()``: the report's data since the last ended standup (its stored snapshot
  against the board now);
- ``report(standup_id)``: the last standup's own report (the board as it was when that
  standup ended, rebuilt by undoing the week after it);
- ``report(since)`` 30 days back: no snapshot, so the board as it was is rebuilt from the
  log;
- worst case: ``changes_since`` and ``report`` since before the first record (all
  200,000 records read and decoded).

Floor: ``SELECT count(*), sum(length(fields)) FROM changes`` through ``sqlite3`` in the
same process (every record's JSON read once), same repetitions.

Run alone: ``python bench/bench_standup.py [--profile]``.
"""

from __future__ import annotations

import random
import sqlite3
import sys
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import bench_flow
from bench_flow import CHUNK, FLOOR_SQL, N_CHANGES, N_ITEMS, SEED, _at, _plan, _Replay
from common import (
    OUT,
    Timing,
    cached_build,
    change_log_scan,
    machine_info,
    profile,
    profile_requested,
    runs,
    timed,
)
from make_board import REFERENCE, _checkpoint, _items, _organisation

from kanban_sec.services.session import Session
from kanban_sec.services.standup import StandupService, end_standup, start_standup
from kanban_sec.store import migrate
from kanban_sec.store.database import open_database
from kanban_sec.store.unit_of_work import writing

#: Bump when the standups added to the history change, so the cached file is rebuilt.
GENERATOR_VERSION = 2
TARGET_S = 1.0
RUNS = runs(5)
#: When the history's standups start (days before its end), and how long they last.
STANDUPS_DAYS_BACK = (14, 7)
STANDUP_LENGTH = timedelta(minutes=30)
#: Change records the standups write (one insert and one end each).
STANDUP_RECORDS = 2 * len(STANDUPS_DAYS_BACK)
SINCE_DAYS = 30


def cached_path() -> Path:
    return OUT / (
        f"standup-n{N_ITEMS}-c{N_CHANGES}-seed{SEED}-gen{GENERATOR_VERSION}"
        f"-flow{bench_flow.GENERATOR_VERSION}-rev{migrate.HEAD}.sqlite"
    )


def make_standup_board(path: Path) -> Path:
    """bench_flow's board and history, with the standups held on their days."""
    rng = random.Random(SEED)
    units, people, chains, links, levels = _organisation(rng, REFERENCE)
    items = _items(N_ITEMS, rng, units, people, chains, links, levels)
    fixed = len(units) + len(people) + len(chains) + len(links) + STANDUP_RECORDS
    events = _plan(rng, items, fixed)
    # People who work items (the rulebook judges every write as its author).
    authors = [p["name"] for p in people if p["role"] != "controlling"][:40]
    attendees = [p["id"] for p in people[35:41]]
    for number, days in enumerate(STANDUPS_DAYS_BACK):
        start = REFERENCE - timedelta(days=days)
        events.append((start, -2 - 2 * number, "standup", number, None))
        events.append((start + STANDUP_LENGTH, -1 - 2 * number, "standup_end", number, None))
    events.sort(key=lambda e: (e[0], e[1]))
    replay = _Replay(rng, items, people)
    standups: dict[int, str] = {}
    db = open_database(path, daily_backup=False)
    try:
        with writing(db, "bench") as uow:
            _at(uow, REFERENCE - timedelta(days=900), authors[0])
            # Work moves to done unverified in this history: a policy that asks for none.
            uow.insert_many(
                "setting",
                [
                    {"id": "policy.verify_min_score", "value": ""},
                    {"id": "policy.verify_classifications", "value": ""},
                ],
            )
            uow.insert_many("unit", units)
            uow.insert_many("person", people)
            uow.insert_many("chain", chains)
            uow.insert_many("link", links)
        for first in range(0, len(events), CHUNK):
            with writing(db, "bench") as uow:
                for moment, _, kind, i, detail in events[first : first + CHUNK]:
                    _at(
                        uow,
                        moment,
                        authors[0] if kind.startswith("standup") else rng.choice(authors),
                    )
                    if kind == "standup":
                        standups[i] = start_standup(uow, attendees, moment.date())
                        continue
                    if kind == "standup_end":
                        end_standup(uow, standups[i])
                        continue
                    item_id = items[i]["id"]
                    if kind == "create":
                        replay.create(uow, items[i], detail)
                    elif kind == "move":
                        replay.move(uow, item_id, detail)
                    elif kind == "delete":
                        uow.tombstone("item", item_id)
                    else:
                        replay.edit(uow, item_id, kind)
    finally:
        db.close()
    _checkpoint(path)
    written = _scalar(path, "SELECT count(*) FROM changes")
    if written != N_CHANGES + 2 + replay.extra:  # see bench_flow.make_flow_board
        raise SystemExit(
            f"the history wrote {written:,} change records, not {N_CHANGES:,}"
            f" + 2 + {replay.extra:,}"
        )
    return path


def standup_board(*, quiet: bool = False) -> Path:
    """The cached board file, built first if missing."""
    return cached_build(
        cached_path(),
        make_standup_board,
        f"{N_ITEMS:,} items, {N_CHANGES:,} changes, {len(STANDUPS_DAYS_BACK)} standups",
        quiet=quiet,
    )


def _scalar(path: Path, sql: str) -> Any:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def run(*, show_profile: bool = False) -> dict[str, Any]:
    path = standup_board()
    db = open_database(path, daily_backup=False)
    try:
        service = StandupService(Session(db, "bench", "nb"))
        last = service.last_ended()
        if last is None or last.held_on != (REFERENCE - timedelta(days=7)).date():
            raise SystemExit(
                f"expected the last standup 7 days before the history's end, found {last}"
            )
        first_at = _scalar(path, "SELECT at FROM changes ORDER BY seq LIMIT 1")
        before_all = date.fromisoformat(first_at[:10]) - timedelta(days=1)
        since = (REFERENCE - timedelta(days=SINCE_DAYS)).date()
        bodies: list[tuple[str, Callable[[], Any], bool]] = [
            (
                "changes since the last standup (changes_since())",
                lambda: service.changes_since(),
                True,
            ),
            ("report data since the last standup (report())", lambda: service.report(), True),
            (
                "report data of the last standup (report(standup_id))",
                lambda: service.report(last.id),
                True,
            ),
            (
                f"report data since a date {SINCE_DAYS} days back (report(since), rebuilt board)",
                lambda: service.report(since),
                True,
            ),
            (
                "worst case: changes since before the first record (all 200,000)",
                lambda: service.changes_since(before_all),
                False,
            ),
            (
                "worst case: report data since before the first record",
                lambda: service.report(before_all),
                False,
            ),
        ]
        floor_body = change_log_scan(path)
        count, size = floor_body()  # also the warm-up
        floor = timed(RUNS, floor_body)
        lines = [
            f"standup board: {count:,} change records ({size / 1e6:.1f} MB of JSON); "
            f"last standup {last.held_on}",
            f"floor (sqlite3, {FLOOR_SQL}): {floor.median:.3f} s ({floor.spread()})",
        ]
        reports = []
        for what, body, typical in bodies:
            result = body()  # warm-up
            size_note = _size(result)
            timing: Timing = timed(RUNS, body)
            ok = timing.median < TARGET_S
            lines.append(
                f"{what}: {timing.median:.3f} s (floor {floor.median:.3f} s, "
                f"target < {TARGET_S:g} s){'' if ok else '  OVER TARGET'}; "
                f"{timing.spread()}; {size_note}"
            )
            reports.append(
                {
                    "what": f"standup: {what}, {N_ITEMS:,} items / {N_CHANGES:,} changes"
                    + ("" if typical else " (informational)"),
                    "measured": timing.median,
                    "floor": floor.median,
                    "floor_name": "one scan of the log",
                    "ratio": timing.median / floor.median,
                    "target": f"< {TARGET_S:g} s",
                    "ok": ok,
                }
            )
        if show_profile:
            lines.append("profile of report() since the last standup (cProfile):")
            lines.append(profile(lambda: service.report(), name="standup-report"))
            lines.append("profile of the worst-case report (cProfile):")
            lines.append(profile(lambda: service.report(before_all), name="standup-report-all"))
        first, *more = reports
        return {**first, "lines": lines, "more": more}
    finally:
        db.close()


def _size(result: Any) -> str:
    if isinstance(result, list):
        return f"{len(result):,} records"
    return (
        f"{len(result.changes):,} changes listed, {len(result.aging):,} aging, "
        f"{len(result.blocked):,} blocked, {len(result.delegable):,} delegable"
    )


def main(argv: list[str]) -> None:
    print(machine_info(), flush=True)
    report = run(show_profile=profile_requested(argv))
    print("\n".join(report["lines"]))


if __name__ == "__main__":
    main(sys.argv)
