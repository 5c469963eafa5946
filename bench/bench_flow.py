"""Flow metrics of a board with 10,000 items and 200,000 change records: each metric, end
to end from the database, against a target of 1 s and beside the floor of one SQL scan of
the same change log.

The board is built once and cached as ``bench/out/flow-n10000-c200000-seed1-gen<G>-rev<R>
.sqlite``. Its organisation, chains, links and the items' contents come from make_board's
generator (same seed, same board), but not make_board's rows: make_board writes each item
straight into its final column, so its log holds no moves. Here two years of history are
replayed in time order through the real unit of work: ``uow.insert`` for a new item (the
values ``create_item`` writes: ``rows.item_values`` plus ``status_times``) and for
comments, ``uow.update`` with exactly the values ``move`` and the edit services pass
(status and ``status_times``; likelihood, consequence, description, checklist, tags,
owner person, blocked reason and time, title, due date) and ``uow.tombstone`` for deletes.
The product's own code therefore writes every record: same JSON (``{field: [new, old]}``,
only the fields that changed plus ``updated_at``), change ids, node id and HLC. One thing differs
from a live session: a unit of work stamps one time per transaction, so the history's
events run in a few large transactions and each event sets the unit of work's time
(``uow.now``, ``now_text`` and the HLC's wall clock) and writes its record at once.

The history: items start in backlog (5% of those passing through next start there) and
move right, with detours: of those reaching doing 15% skip next and 8% of the others go
back from doing to next once; 10% of those reaching verify return to doing once; of the
done, 10% skip verify, 3% go next -> done (never doing nor verify: no cycle time) and 5%
are reopened and done again; 10% of the backlog visit next and come back; 1% of the items
are deleted.
The rest of the 200,000 records are comments and edits, spread over the items' lifetimes.
Final columns follow make_board's shares (45% backlog, 15% next, 12% doing, 8% verify,
20% done).

Measured: each metric of ``FlowMetrics`` (CFD over a year, WIP over a year, lead time,
cycle time, throughput per week, aging WIP at the history's end, and the whole report
from one scan), median of 5 runs after one warm-up. Floor:
``SELECT count(*), sum(length(fields)) FROM changes`` through ``sqlite3`` in the same
process (every record's JSON read once), same repetitions.

Run alone: ``python bench/bench_flow.py [--profile]``.
"""

from __future__ import annotations

import json
import random
import sqlite3
import sys
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from common import (
    CHANGE_LOG_SCAN,
    OUT,
    Timing,
    cached_build,
    change_log_scan,
    machine_info,
    profile,
    profile_requested,
    runs,
    scaled,
    timed,
)
from make_board import REFERENCE, TAGS, _checkpoint, _ids, _items, _organisation

from kanban_sec.domain.model import ChecklistEntry, Item
from kanban_sec.services.board import status_times
from kanban_sec.services.flow_metrics import FlowMetrics
from kanban_sec.services.session import Session
from kanban_sec.store import migrate, rows
from kanban_sec.store.database import open_database
from kanban_sec.store.unit_of_work import UnitOfWork, writing

N_ITEMS = scaled(10_000)
N_CHANGES = scaled(200_000)
SEED = 1
#: Bump when the generated history changes, so the cached file is rebuilt.
GENERATOR_VERSION = 2
TARGET_S = 1.0
RUNS = runs(5)
#: Events per transaction while building.
CHUNK = 20_000
DELETED_SHARE = 0.01
EDITS = (
    ("comment", 40),
    ("checklist", 15),
    ("block", 10),
    ("description", 8),
    ("likelihood", 6),
    ("consequence", 6),
    ("tags", 6),
    ("assign", 5),
    ("title", 2),
    ("due", 2),
)
COMMENTS = [
    "Snakket med leverandøren, venter på svar.",
    "Tiltaket er testet i test-miljøet.",
    "Risikoeier er orientert, se referat fra møtet.",
    "Oppdatert etter revisjonen.",
    "Trenger tilgang til produksjon for å verifisere.",
    "Ferdig fra vår side, sendt til kontroll.",
    'Se også NSM-rådet om dette, "punkt 3".',
]
CHECKLIST = [
    "Kartlegg dagens oppsett",
    "Vurder tiltak",
    "Oppdater ROS",
    "Informer risikoeier",
    "Test tiltaket",
    "Dokumenter",
]
BLOCKS = ["Venter på leverandør", "Venter på endringsvindu", "Mangler tilgang"]
#: The order of an item's stored values, as the services pass them to the unit of work.
ITEM_KEYS = tuple(rows.item_values(Item(id="x", title="x")))


def cached_path() -> Path:
    return OUT / (
        f"flow-n{N_ITEMS}-c{N_CHANGES}-seed{SEED}-gen{GENERATOR_VERSION}-rev{migrate.HEAD}.sqlite"
    )


# -- the history ------------------------------------------------------------------------------


def _path(final: str, rng: random.Random) -> list[str]:
    """The columns an item passes through, its first (creation) included."""
    if final == "backlog":
        return ["backlog", "next", "backlog"] if rng.random() < 0.10 else ["backlog"]
    if final == "done" and rng.random() < 0.03:
        return ["backlog", "next", "done"]
    order = ["backlog", "next", "doing", "verify", "done"]
    path = order[: order.index(final) + 1]
    if final in ("doing", "verify", "done"):
        if rng.random() < 0.15:
            path.remove("next")
        elif rng.random() < 0.08:
            at = path.index("doing") + 1
            path[at:at] = ["next", "doing"]
    if final in ("verify", "done") and rng.random() < 0.10:
        at = path.index("verify") + 1
        path[at:at] = ["doing", "verify"]
    if final == "done":
        if rng.random() < 0.10:
            path = [s for s in path if s != "verify"]
            path = [s for n, s in enumerate(path) if n == 0 or s != path[n - 1]]
        if rng.random() < 0.05:
            path += ["doing", "verify", "done"]
    if path[0] == "backlog" and path[1] == "next" and rng.random() < 0.05:
        path = path[1:]  # created straight into next
    return path


def _plan(rng: random.Random, items: list[dict[str, Any]], fixed: int) -> list[tuple[Any, ...]]:
    """Every event of the history as ``(moment, seq, kind, item index, detail)``."""
    events: list[tuple[Any, ...]] = []
    spans: list[tuple[datetime, datetime]] = []
    deleted = set(rng.sample(range(len(items)), round(len(items) * DELETED_SHARE)))
    for i, item in enumerate(items):
        created = datetime.fromisoformat(item["created_at"])
        path = _path(item["status"], rng)
        life = REFERENCE - created
        last = created + life * (rng.random() ** 2 if path[-1] == "done" else rng.random())
        moves = len(path) - 1
        times = sorted(created + (last - created) * rng.random() for _ in range(moves - 1))
        events.append((created, len(events), "create", i, path[0]))
        for moment, status in zip([*times, last] if moves else [], path[1:], strict=True):
            events.append((moment, len(events), "move", i, status))
        end = REFERENCE if path[-1] != "done" else min(REFERENCE, last + timedelta(days=30))
        if i in deleted:
            end = last + (REFERENCE - last) * rng.random()
            events.append((end, len(events), "delete", i, None))
        spans.append((created, end))
    edits = N_CHANGES - fixed - len(events)
    weights = [(end - start).total_seconds() + 1 for start, end in spans]
    kinds = rng.choices([k for k, _ in EDITS], [w for _, w in EDITS], k=edits)
    for i, kind in zip(rng.choices(range(len(items)), weights, k=edits), kinds, strict=True):
        start, end = spans[i]
        # Strictly inside the span: after the creation and before a delete.
        moment = start + (end - start) * (0.001 + 0.998 * rng.random())
        events.append((moment, len(events), kind, i, None))
    events.sort(key=lambda e: (e[0], e[1]))
    return events


def _at(uow: UnitOfWork, moment: datetime, author: str) -> None:
    """Make the unit of work act at ``moment`` (the history is replayed, not lived)."""
    uow._write_pending()  # the records so far keep their own time
    uow.now = moment
    uow.now_text = rows.ts(moment)
    uow._wall = int(moment.timestamp() * 1000)
    uow.author = author
    uow.person_id = None
    uow._actor = None  # judged as this author from now on


class _Replay:
    """Applies the planned events with the values the services would write."""

    def __init__(
        self, rng: random.Random, items: list[dict[str, Any]], people: list[dict[str, Any]]
    ) -> None:
        self.rng = rng
        self.items = items
        self.current: dict[str, dict[str, Any]] = {}
        self.members: dict[str, list[str]] = {}
        for person in people:
            self.members.setdefault(person["unit_id"], []).append(person["id"])
        #: Internal control, who verifies work out of Verify (one record more each time).
        self.controller = next(p for p in people if p["role"] == "controlling")
        self.extra = 0

    def create(self, uow: UnitOfWork, item: dict[str, Any], status: str) -> None:
        values = {key: item.get(key) for key in ITEM_KEYS}
        values.update(
            status=status,
            blocked_reason="",
            blocked_at=None,
            pinned_at=None,
            pin_reason="",
            checklist="[]",
        )
        values.update(status_times(status, None, uow.now_text))
        uow.insert("item", values)
        self.current[item["id"]] = {
            **values,
            "created_at": uow.now_text,
            "updated_at": uow.now_text,
        }

    def update(self, uow: UnitOfWork, item_id: str, values: dict[str, Any]) -> None:
        current = self.current[item_id]
        if uow.update("item", item_id, values, current) is None:
            raise AssertionError(f"an edit of {item_id} changed nothing: {values}")
        current.update(values)
        current["updated_at"] = uow.now_text

    def move(self, uow: UnitOfWork, item_id: str, status: str) -> None:
        started = self.current[item_id]["started_at"]
        author = uow.author
        if status == "done" and self.current[item_id]["blocked_reason"]:
            # A blocked item never moves to done: it is unblocked first (one record more).
            self.update(uow, item_id, {"blocked_reason": "", "blocked_at": None})
            self.extra += 1
        if status == "done" and self.current[item_id]["status"] == "verify":
            # Out of Verify, done is internal control's verification, recorded first.
            _at(uow, uow.now, self.controller["name"])
            uow.insert(
                "verification",
                {
                    "id": _ids(self.rng, uow.now),
                    "item_id": item_id,
                    "verdict": "approved",
                    "verified_by": self.controller["id"],
                    "evidence": "Kontrollert mot sjekklisten",
                },
            )
            self.extra += 1
        self.update(uow, item_id, {"status": status, **status_times(status, started, uow.now_text)})
        if uow.author != author:
            _at(uow, uow.now, author)

    def edit(self, uow: UnitOfWork, item_id: str, kind: str) -> None:
        rng, row = self.rng, self.current[item_id]
        if kind == "comment":
            uow.insert(
                "comment",
                {
                    "id": _ids(rng, uow.now),
                    "item_id": item_id,
                    "author": uow.author,
                    "body": rng.choice(COMMENTS),
                },
            )
        elif kind == "checklist":
            entries = rows.parse_checklist(row["checklist"])
            open_entries = [e for e in entries if not e.done]
            if open_entries and rng.random() < 0.6:
                rng.choice(open_entries).done = True
            else:
                entries.append(ChecklistEntry(rng.choice(CHECKLIST)))
            self.update(uow, item_id, {"checklist": rows.checklist_json(entries)})
        elif kind == "block":
            blocked = bool(row["blocked_reason"])
            self.update(
                uow,
                item_id,
                {
                    "blocked_reason": "" if blocked else rng.choice(BLOCKS),
                    "blocked_at": None if blocked else uow.now_text,
                },
            )
        elif kind == "description":
            self.update(
                uow,
                item_id,
                {"description": row["description"] + f"\n\nOppdatert {uow.now:%d.%m.%Y}."},
            )
        elif kind in ("likelihood", "consequence"):
            value = rng.choice([v for v in range(1, 6) if v != row[kind]])
            self.update(uow, item_id, {kind: value})
        elif kind == "tags":
            present = json.loads(row["tags"])
            missing = [t for t in TAGS if t not in present]
            if present and (not missing or rng.random() < 0.4):
                present.remove(rng.choice(present))
            else:
                present.append(rng.choice(missing))
            self.update(uow, item_id, {"tags": rows.tags_json(present)})
        elif kind == "assign":
            others = [
                p for p in self.members.get(row["owner_unit_id"], []) if p != row["owner_person_id"]
            ]
            if others:
                self.update(uow, item_id, {"owner_person_id": rng.choice(others)})
            else:
                self.edit(uow, item_id, "likelihood")
        elif kind == "title":
            self.update(uow, item_id, {"title": row["title"] + " (revidert)"})
        elif kind == "due":
            due = (uow.now + timedelta(days=rng.randint(14, 120))).date().isoformat()
            self.update(uow, item_id, {"due_date": due if due != row["due_date"] else None})


def make_flow_board(path: Path) -> Path:
    """Fill a new database at ``path`` with the board and its replayed history."""
    rng = random.Random(SEED)
    units, people, chains, links, levels = _organisation(rng, REFERENCE)
    items = _items(N_ITEMS, rng, units, people, chains, links, levels)
    fixed = len(units) + len(people) + len(chains) + len(links)
    events = _plan(rng, items, fixed)
    # The history's authors are people who work items (the rulebook judges every write as
    # its author: internal control does not make or move work).
    authors = [p["name"] for p in people if p["role"] != "controlling"][:40]
    replay = _Replay(rng, items, people)
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
        for start in range(0, len(events), CHUNK):
            with writing(db, "bench") as uow:
                for moment, _, kind, i, detail in events[start : start + CHUNK]:
                    _at(uow, moment, rng.choice(authors))
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
    conn = sqlite3.connect(path)
    try:
        written = conn.execute("SELECT count(*) FROM changes").fetchone()[0]
    finally:
        conn.close()
    # The plan's records, the policy's two settings, and what the rulebook asks for before
    # done (internal control's verifications, unblocking).
    if written != N_CHANGES + 2 + replay.extra:
        raise SystemExit(
            f"the history wrote {written:,} change records, not {N_CHANGES:,}"
            f" + 2 + {replay.extra:,}"
        )
    return path


def flow_board(*, quiet: bool = False) -> Path:
    """The cached board file, built first if missing."""
    return cached_build(
        cached_path(), make_flow_board, f"{N_ITEMS:,} items, {N_CHANGES:,} changes", quiet=quiet
    )


# -- the measurement --------------------------------------------------------------------------

FLOOR_SQL = CHANGE_LOG_SCAN


def run(*, show_profile: bool = False) -> dict[str, Any]:
    path = flow_board()
    db = open_database(path, daily_backup=False)
    try:
        metrics = FlowMetrics(Session(db, "bench"), clock=lambda: REFERENCE)
        end = REFERENCE.date()
        start = end - timedelta(days=364)
        bodies: list[tuple[str, Callable[[], Any]]] = [
            ("CFD over a year", lambda: metrics.cfd(start, end)),
            ("WIP over a year", lambda: metrics.wip(start, end)),
            ("lead time (distribution, p50/85/95)", lambda: metrics.lead_time(start, end)),
            ("cycle time (distribution, p50/85/95)", lambda: metrics.cycle_time(start, end)),
            ("throughput per ISO week", lambda: metrics.throughput(start, end)),
            ("aging WIP", lambda: metrics.aging()),
            ("all metrics from one scan (report)", lambda: metrics.report(start, end)),
        ]
        floor_body = change_log_scan(path)
        count, size = floor_body()  # also the warm-up
        floor = timed(RUNS, floor_body)
        lines = [
            f"flow board: {count:,} change records ({size / 1e6:.1f} MB of JSON), "
            f"range {start} .. {end}",
            f"floor (sqlite3, {FLOOR_SQL}): {floor.median:.3f} s ({floor.spread()})",
        ]
        rows_out = []
        for what, body in bodies:
            body()  # warm-up
            timing: Timing = timed(RUNS, body)
            ok = timing.median < TARGET_S
            lines.append(
                f"{what}: {timing.median:.3f} s (floor {floor.median:.3f} s, "
                f"target < {TARGET_S:g} s){'' if ok else '  OVER TARGET'}; "
                f"{timing.spread()}"
            )
            rows_out.append(
                {
                    "what": f"flow: {what}, {N_ITEMS:,} items / {N_CHANGES:,} changes",
                    "measured": timing.median,
                    "floor": floor.median,
                    "floor_name": "one scan of the log",
                    "ratio": timing.median / floor.median,
                    "target": f"< {TARGET_S:g} s",
                    "ok": ok,
                }
            )
        report = metrics.report(start, end)
        last = report.cfd[-1]
        _check(path, last.counts)
        lines.append(
            f"  figures: end of range {last.day}: "
            + ", ".join(f"{s.value} {n:,}" for s, n in last.counts.items())
            + f"; WIP {report.wip[-1].count:,}; lead p50/85/95 "
            + "/".join(f"{v:.1f}" for v in _pcts(report.lead_time))
            + " d over "
            + f"{report.lead_time.count:,}; cycle p50/85/95 "
            + "/".join(f"{v:.1f}" for v in _pcts(report.cycle_time))
            + " d over "
            + f"{report.cycle_time.count:,}; throughput {len(report.throughput)} weeks, "
            + f"{sum(w.count for w in report.throughput):,} items; aging {len(report.aging):,}"
        )
        if show_profile:
            lines.append("profile of one report (cProfile):")
            lines.append(profile(lambda: metrics.report(start, end), name="flow-report"))
        first, *more = rows_out
        return {**first, "lines": lines, "more": more}
    finally:
        db.close()


def _check(path: Path, counts: dict[Any, int]) -> None:
    """The CFD's last day (the history's end) must be the board the items table holds."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        stored = dict(
            conn.execute(
                "SELECT status, count(*) FROM items WHERE deleted_at IS NULL GROUP BY status"
            ).fetchall()
        )
    finally:
        conn.close()
    if stored != {s.value: n for s, n in counts.items() if n}:
        raise SystemExit(f"the CFD's last day {counts} is not the stored board {stored}")


def _pcts(distribution: Any) -> list[float]:
    return [
        v if v is not None else float("nan")
        for v in (distribution.p50, distribution.p85, distribution.p95)
    ]


def main(argv: list[str]) -> None:
    print(machine_info(), flush=True)
    report = run(show_profile=profile_requested(argv))
    print("\n".join(report["lines"]))


if __name__ == "__main__":
    main(sys.argv)
