"""The board window with 10,000 open items: start-up, moving cards, memory.

Targets (issue 3, floors from the same run):

- start to the first painted board: at most 3× the floor;
- moving a card (service + re-rank + view update): median under 16 ms;
- resident memory: at most the floor's + 150 MB.

The board is ``board_for(12_500)`` (``make_board``: exactly 20% done, so 10,000 open items
and 2,500 done ones). Every measurement runs in a fresh Python process with
``QT_QPA_PLATFORM=offscreen``, an empty Qt settings folder (``XDG_CONFIG_HOME``: no saved
geometry, filters or language) and ``KANBAN_SEC_USER=bench``, on a working copy of the
board in a temporary folder. Byte code is cached (``PYTHONPYCACHEPREFIX`` in that folder,
filled by the warm-up runs; ``PYTHONDONTWRITEBYTECODE`` is dropped), as an installed
application has it; only the child script itself is compiled at every start, in both. The
daily backup that ``open_database`` takes at the first open of a day is taken by the parent
beforehand, so no timed start pays for it.

Product process: ``create_main_window(db)``, ``.resize(1400, 900)``, ``.show()``, then
``QApplication.processEvents()`` until the viewport of the ``column-backlog`` view has
received a paint event (an event filter) and that ``processEvents`` call has returned, so
the whole first frame is painted. Floor process: the same with a bare ``QMainWindow`` whose
central widget is a ``QListView`` (default settings) with a ``QStyledItemDelegate`` over a
``QStringListModel`` of the 10,000 open items' titles, read with ``sqlite3`` from the same
file. Both clocks start at the child script's first statement (``time.perf_counter()``
before anything else is imported); the time from the parent's spawn (the same monotonic
clock) and the wall time of the whole process (exit included) are reported too. One untimed
warm-up each, then the median of 5 runs each, interleaved (the order alternates).

Memory: ``VmRSS`` from ``/proc/self/status`` right after the first paint, in the same runs
(median), product against floor.

Moves (one product process, after the first paint): WIP limits are lifted
(``service.set_wip_limit(status, None)`` for every column, then ``window.reload()``); then
50 different cards, each the top card not yet moved of its column, are moved in turn
backlog → next, next → doing, doing → verify, verify → backlog with
``window.move_items([id], status)`` followed by ``processEvents`` until a round paints
nothing more; each call plus its repaint is timed. Then 10 moves into ``done``, which
re-rank every open item, are timed the same way and reported apart: from doing and next
(out of verify, done is a verification), each the top card the rulebook lets a worker
finish under the policy a new board has (score under 30, not confidential, not blocked).
A second pass with timing wrappers on the window's instances splits moves into service,
board update, models, status bar, selection and repaint.

When a target is missed (or with ``--profile``) the missed part is examined in other fresh
processes: the start-up split by step (timing wrappers) and under cProfile (saved as
``bench/out/window-start.prof``), moves under cProfile (``window-move.prof``,
``window-move-done.prof``), and the start-up's memory under tracemalloc.

The moves process guards ``None``'s reference count (see :func:`_shield_none`): PySide6
6.12.0 on Python 3.11 loses references to ``None`` (the project holds PySide6 below 6.12
for that), which aborted the window after ~120 moves. The report shows the count per move
and per repaint, and any child that died on the way out; the start-up runs are unguarded.

Run alone: ``python bench/bench_window.py [--profile] [--smoke]``.
"""

from __future__ import annotations

import time

# A child's clock starts here, before anything heavy is imported.
_T0 = time.perf_counter()

# ruff: noqa: E402
import json
import math
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

from smoke import SMOKE, runs, scaled

BENCH = Path(__file__).resolve().parent
OUT = BENCH / "out"
BOARD_ITEMS = scaled(12_500)
OPEN_ITEMS = scaled(10_000)
RUNS = runs(5)
MOVES = 8 if SMOKE else 50
DONE_MOVES = 4 if SMOKE else 10
BREAKDOWN_MOVES = 4 if SMOKE else 20
BREAKDOWN_DONE_MOVES = 2 if SMOKE else 5
WIDTH, HEIGHT = 1400, 900
TARGET_START_RATIO = 3.0
TARGET_MOVE_MS = 16.0
TARGET_EXTRA_MB = 150.0
PAINT_TIMEOUT_S = 120.0
OPEN_CYCLE = (("backlog", "next"), ("next", "doing"), ("doing", "verify"), ("verify", "backlog"))
DONE_SOURCES = ("doing", "next")  # out of Verify, Done is a verification
TITLES_QUERY = (
    "SELECT title FROM items WHERE status != 'done' AND deleted_at IS NULL ORDER BY rowid"
)
RESULT_MARK = "BENCH-RESULT "


# == the child processes ===================================================================


def _memory() -> dict[str, float]:
    """Resident (VmRSS) and peak resident (VmHWM) memory of this process in MB."""
    out: dict[str, float] = {}
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(("VmRSS:", "VmHWM:")):
                out[line.split(":")[0]] = int(line.split()[1]) / 1024
    return out


def _none_refs() -> int:
    """References to ``None`` (see :func:`_shield_none`)."""
    return sys.getrefcount(None)


def _shield_none() -> int:
    """Keep ``None`` alive in this process whatever the bindings do; returns the amount.

    PySide6 6.12.0 on Python 3.11 drops one reference to ``None`` in every call of a
    wrapped C++ method returning ``void`` (``painter.save()``, ``setObjectName`` ...), so a
    window aborts with "Fatal Python error: none_dealloc" once the count reaches zero
    (Python 3.12 made ``None`` immortal). The moves process makes more than 100 moves, and
    would die part-way: it adds a large count to ``None`` first, as Python 3.12 does. This
    changes no timing; the start-up processes run without it, as users do. (The project
    holds PySide6 below 6.12; this keeps the benchmark running if such a release returns.)
    """
    if sys.version_info >= (3, 12):
        return 0
    import ctypes

    amount = 1 << 40
    ctypes.c_ssize_t.from_address(id(None)).value += amount
    return amount


def _paint_watch(viewport: Any, seen: list[float] | None = None) -> tuple[Any, list[float]]:
    """An event filter noting in ``seen`` when ``viewport`` receives a paint event."""
    from PySide6.QtCore import QEvent, QObject

    seen = [] if seen is None else seen

    class Watch(QObject):
        def eventFilter(self, watched: Any, event: Any) -> bool:
            if event.type() == QEvent.Type.Paint:
                seen.append(time.perf_counter())
            return False

    watch = Watch()
    viewport.installEventFilter(watch)
    return watch, seen


def _show_and_wait(app: Any, window: Any, viewport: Any, marks: dict[str, float]) -> Any:
    """Resize, show and process events until ``viewport`` has painted once."""
    watch, seen = _paint_watch(viewport)
    window.resize(WIDTH, HEIGHT)
    window.show()
    marks["shown"] = time.perf_counter()
    deadline = time.perf_counter() + PAINT_TIMEOUT_S
    while not seen:
        app.processEvents()
        if time.perf_counter() > deadline:
            raise SystemExit("no paint event on the first column")
    marks["painted"] = time.perf_counter()
    marks["paint_event"] = seen[0]
    return watch


def _child_floor(db: str, result: dict[str, Any]) -> None:
    from PySide6.QtCore import QStringListModel
    from PySide6.QtWidgets import QApplication, QListView, QMainWindow, QStyledItemDelegate

    marks = result["marks"]
    memory = result["memory"]
    marks["imports"] = time.perf_counter()
    memory["imports"] = _memory()
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        titles = [row[0] for row in conn.execute(TITLES_QUERY)]
    finally:
        conn.close()
    result["rows"] = len(titles)
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    view = QListView()
    model = QStringListModel(titles, view)
    view.setModel(model)
    view.setItemDelegate(QStyledItemDelegate(view))
    window.setCentralWidget(view)
    marks["created"] = time.perf_counter()
    memory["created"] = _memory()
    result["_keep"] = _show_and_wait(app, window, view.viewport(), marks)
    memory["painted"] = _memory()
    result["none_refs"] = {"painted": _none_refs()}
    result["_window"] = window


#: What the start-up split times: (module, class or None, function), inclusive times.
START_SPLIT = (
    ("kanban_sec.app", None, "ensure_app"),
    ("kanban_sec.app", None, "open_database"),
    ("kanban_sec.ui.i18n", None, "install"),
    ("kanban_sec.services.live_board", "LiveBoard", "reload"),
    ("kanban_sec.store.unit_of_work", "Reader", "board"),
    ("kanban_sec.store.unit_of_work", "Reader", "items"),
    ("kanban_sec.services.live_board", "LiveBoard", "_rerank"),
    ("kanban_sec.ui.main_window", "MainWindow", "__init__"),
    ("kanban_sec.ui.board_widget", "BoardWidget", "__init__"),
    ("kanban_sec.ui.board_widget", "BoardWidget", "refresh"),
    ("kanban_sec.ui.board_model", "ColumnModel", "set_ids"),
    ("kanban_sec.ui.board_widget", "BoardWidget", "refresh_headers"),
    ("kanban_sec.ui.main_window", "MainWindow", "_fill_filter_choices"),
    ("kanban_sec.ui.main_window", "MainWindow", "retranslate"),
    ("kanban_sec.ui.main_window", "MainWindow", "_restore_settings"),
    ("kanban_sec.ui.main_window", "MainWindow", "refresh_status"),
    ("kanban_sec.services.live_board", "LiveBoard", "lowest_level"),
)
#: Imported one after the other in the split, so each line is what it adds.
START_IMPORTS = ("PySide6.QtWidgets", "kanban_sec.store.database", "kanban_sec.app")


def _split_imports(result: dict[str, Any]) -> None:
    import importlib

    split = result.setdefault("split_imports", {})
    for name in START_IMPORTS:
        start = time.perf_counter()
        importlib.import_module(name)
        split[name] = time.perf_counter() - start


def _split_timers(result: dict[str, Any]) -> None:
    """Wrap the start-up's steps (in this process only) to time them, inclusive."""
    import importlib

    split: dict[str, list[float]] = result.setdefault("split", {})
    for module_name, class_name, name in START_SPLIT:
        module = importlib.import_module(module_name)
        owner = getattr(module, class_name) if class_name else module
        label = f"{class_name}.{name}" if class_name else f"{module_name}.{name}"
        original = getattr(owner, name)
        cell = split.setdefault(label, [0.0, 0])

        def timed(
            *args: Any, __original: Any = original, __cell: list[float] = cell, **kwargs: Any
        ) -> Any:
            start = time.perf_counter()
            try:
                return __original(*args, **kwargs)
            finally:
                __cell[0] += time.perf_counter() - start
                __cell[1] += 1

        setattr(owner, name, timed)


def _child_window(db: str, result: dict[str, Any]) -> tuple[Any, Any]:
    if result.get("splitting"):
        _split_imports(result)
        _split_timers(result)
    from PySide6.QtWidgets import QApplication, QListView

    from kanban_sec.app import create_main_window

    marks = result["marks"]
    memory = result["memory"]
    marks["imports"] = time.perf_counter()
    memory["imports"] = _memory()
    window = create_main_window(db)
    marks["created"] = time.perf_counter()
    memory["created"] = _memory()
    app = QApplication.instance()
    view = window.findChild(QListView, "column-backlog")
    if view is None:
        raise SystemExit("no QListView named column-backlog")
    result["_keep"] = _show_and_wait(app, window, view.viewport(), marks)
    memory["painted"] = _memory()
    result["none_refs"] = {"painted": _none_refs()}
    result["rows"] = sum(
        window.board.model(s).rowCount() for s in window.board.headers if s.value != "done"
    )
    from kanban_sec.ui import i18n

    result["language"] = i18n.current_language()
    return app, window


def _settle(app: Any, paints: list[float]) -> None:
    """Process events until a round paints nothing more (the view update is on screen)."""
    app.processEvents()
    for _ in range(20):
        before = len(paints)
        app.processEvents()
        if len(paints) == before:
            return


def _pick(window: Any, source: Any, used: set[str], *, to_done: bool = False) -> str:
    """The top card of ``source`` (what a user sees and drags) not moved before; into done,
    one the rulebook lets a worker finish: not blocked, and not one the board's policy
    sends to internal control first (its score or classification)."""
    for item_id in window.board.model(source).ids():
        if item_id in used or (
            to_done
            and (window.live.items[item_id].blocked or window.live.needs_verification(item_id))
        ):
            continue
        used.add(item_id)
        return item_id
    raise SystemExit(
        f"no card left in {source.value}" + (" that may go to done unverified" if to_done else "")
    )


def _moves(
    app: Any,
    window: Any,
    plan: list[tuple[str, str]],
    used: set[str],
    paints: list[float],
    on_move: Any = None,
) -> list[dict[str, float]]:
    """Move one card per (source, target) of ``plan``; time the call and the repaint."""
    from kanban_sec.domain.model import Status

    out = []
    for source_key, target_key in plan:
        source, target = Status(source_key), Status(target_key)
        item_id = _pick(window, source, used, to_done=target is Status.DONE)
        painted_before = len(paints)
        start = time.perf_counter()
        window.move_items([item_id], target)
        called = time.perf_counter()
        _settle(app, paints)
        end = time.perf_counter()
        if (
            window.live.items[item_id].status is not target
            or window.board.model(target).row_of(item_id) < 0
        ):
            raise SystemExit(f"card {item_id} did not arrive in {target_key}")
        out.append(
            {
                "total": end - start,
                "call": called - start,
                "repaint": end - called,
                "paints": len(paints) - painted_before,
            }
        )
        if on_move is not None:
            on_move()
    return out


def _open_plan(count: int) -> list[tuple[str, str]]:
    return [OPEN_CYCLE[i % len(OPEN_CYCLE)] for i in range(count)]


def _done_plan(count: int) -> list[tuple[str, str]]:
    return [(DONE_SOURCES[i % len(DONE_SOURCES)], "done") for i in range(count)]


class _Phases:
    """Timing wrappers on the instance methods a move goes through (no product change)."""

    NAMES = (
        ("service.move_many", "service", "move_many"),
        ("live.apply", "live", "apply"),
        ("board.refresh", "board", "refresh"),
        ("board.reset_cards", "board", "reset_cards"),
        ("window.refresh_status", "window", "refresh_status"),
        ("window._show_detail", "window", "_show_detail"),
        ("board.select_item", "board", "select_item"),
        ("undo_stack.push", "undo_stack", "push"),
    )

    def __init__(self, window: Any) -> None:
        self.current: dict[str, float] = {}
        self.moves: list[dict[str, float]] = []
        owners = {
            "service": window.service,
            "live": window.live,
            "board": window.board,
            "window": window,
            "undo_stack": window.undo_stack,
        }
        for label, owner, name in self.NAMES:
            self._wrap(owners[owner], name, label)

    def _wrap(self, owner: Any, name: str, label: str) -> None:
        original = getattr(owner, name)
        current = self.current

        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                current[label] = current.get(label, 0.0) + time.perf_counter() - start

        setattr(owner, name, timed)

    def next_move(self) -> None:
        self.moves.append(dict(self.current))
        self.current.clear()

    def medians(self, moves: list[dict[str, float]]) -> dict[str, float]:
        labels = [label for label, _, _ in self.NAMES]
        return {
            label: statistics.median(m.get(label, 0.0) for m in self.moves) * 1000
            for label in labels
        } | {
            "repaint": statistics.median(m["repaint"] for m in moves) * 1000,
            "total": statistics.median(m["total"] for m in moves) * 1000,
        }


def _child_moves(db: str, result: dict[str, Any], profile_to: str | None) -> None:
    app, window = _child_window(db, result)
    from kanban_sec.domain.governance import Policy
    from kanban_sec.domain.model import STATUS_ORDER, Role
    from kanban_sec.services.board import BoardService
    from kanban_sec.services.governance import GovernanceService

    # A governing member lifts the WIP limits, so every planned move is allowed, and sets
    # the verification policy a new board has (the generated board has none): each move
    # into done is judged by it, and takes a card it lets go to done unverified.
    lead = next(
        p.name
        for p in sorted(window.live.board.people.values(), key=lambda p: p.id)
        if p.role is Role.GOVERNING
    )
    board_lead = BoardService(window.session.acting_as(lead))
    for status in STATUS_ORDER:
        board_lead.set_wip_limit(status, None)
    default = Policy()
    GovernanceService(window.session.acting_as(lead)).set_policy(
        default.verify_min_score, default.verify_classifications
    )
    window.reload()
    paints: list[float] = []  # every column's paint events
    watches = [
        _paint_watch(window.board.view(status).viewport(), paints)[0] for status in STATUS_ORDER
    ]
    _settle(app, paints)
    shield = _shield_none()
    refs = result["none_refs"]
    refs["before_moves"] = _none_refs() - shield
    used: set[str] = set()
    result["open"] = _moves(app, window, _open_plan(MOVES), used, paints)
    refs["after_open_moves"] = _none_refs() - shield
    for _ in range(10):
        window.board.view(STATUS_ORDER[0]).viewport().update()
        _settle(app, paints)
    refs["after_10_repaints"] = _none_refs() - shield
    result["done"] = _moves(app, window, _done_plan(DONE_MOVES), used, paints)
    if profile_to is not None:
        import cProfile

        for name, plan in (
            ("window-move", _open_plan(BREAKDOWN_MOVES)),
            ("window-move-done", _done_plan(BREAKDOWN_DONE_MOVES)),
        ):
            profiler = cProfile.Profile()
            profiler.enable()
            _moves(app, window, plan, used, paints)
            profiler.disable()
            result.setdefault("profiles", {})[name] = _profile_text(
                profiler, Path(profile_to) / f"{name}.prof", f"{len(plan)} moves"
            )
    phases = _Phases(window)
    open_runs = _moves(app, window, _open_plan(BREAKDOWN_MOVES), used, paints, phases.next_move)
    result["open_phases"] = phases.medians(open_runs)
    phases.moves.clear()
    done_runs = _moves(
        app, window, _done_plan(BREAKDOWN_DONE_MOVES), used, paints, phases.next_move
    )
    result["done_phases"] = phases.medians(done_runs)
    result["memory"]["after_moves"] = _memory()
    result["_window"] = window
    result["_watches"] = watches


def _short(path: str) -> str:
    """A profile's file name relative to the project, site-packages or the stdlib."""
    import sysconfig

    roots = [
        (str(BENCH.parent) + os.sep, ""),
        (sysconfig.get_paths()["purelib"] + os.sep, "site-packages/"),
        (sysconfig.get_paths()["stdlib"] + os.sep, "<stdlib>/"),
    ]
    for root, label in roots:
        if path.startswith(root):
            return label + path[len(root) :]
    return path


def _profile_text(profiler: Any, target: Path, what: str, top: int = 30) -> str:
    """Top entries by cumulative and by own time, with file:line, saved as ``target``."""
    import io
    import pstats

    profiler.dump_stats(target)
    parts = [f"  cProfile of {what} (saved as bench/out/{target.name})"]
    for order, count in (("cumulative", top), ("tottime", top // 2)):
        text = io.StringIO()
        pstats.Stats(profiler, stream=text).sort_stats(order).print_stats(count)
        lines = text.getvalue().splitlines()
        start = next((i for i, line in enumerate(lines) if line.lstrip().startswith("ncalls")), 0)
        parts.append(f"  -- top {count} by {order} time --")
        for line in lines[start:]:
            if not line.strip():
                continue
            cells = line.split(None, 5)
            if len(cells) == 6 and ":" in cells[5]:
                file, _, rest = cells[5].rpartition(":")
                line = line[: line.index(cells[5])] + f"{_short(file)}:{rest}"
            parts.append("  " + line)
    return "\n".join(parts)


def _child_tracemalloc_report(top: int = 15) -> str:
    import tracemalloc

    snapshot = tracemalloc.take_snapshot().filter_traces(
        (tracemalloc.Filter(False, tracemalloc.__file__),)
    )
    total = sum(s.size for s in snapshot.statistics("filename"))
    lines = [
        f"  tracemalloc after the first paint: {total / 2**20:.1f} MB of Python "
        "allocations traced (Qt's own C++ heap is not traced)",
        f"  -- top {top} allocation sites (file:line) --",
    ]
    for stat in snapshot.statistics("lineno")[:top]:
        frame = stat.traceback[0]
        lines.append(
            f"  {stat.size / 2**20:7.2f} MB {stat.count:>8} blocks  "
            f"{_short(frame.filename)}:{frame.lineno}"
        )
    lines.append(f"  -- top {top // 2} by the project's innermost frame --")
    grouped: dict[str, list[int]] = {}
    for stat in snapshot.statistics("traceback"):
        # Frames run from the oldest to the newest: the last is the innermost.
        frames = [f for f in stat.traceback if "kanban_sec" in f.filename]
        key = (
            f"{_short(frames[-1].filename)}:{frames[-1].lineno}"
            if frames
            else "(outside kanban_sec: imports, Qt bindings, stdlib)"
        )
        size_count = grouped.setdefault(key, [0, 0])
        size_count[0] += stat.size
        size_count[1] += stat.count
    ranked = sorted(grouped.items(), key=lambda kv: kv[1][0], reverse=True)
    for key, (size, count) in ranked[: top // 2]:
        lines.append(f"  {size / 2**20:7.2f} MB {count:>8} blocks  {key}")
    return "\n".join(lines)


def child_main(argv: list[str]) -> None:
    """``--child floor|window|moves DB SPAWNED [--profile DIR] [--tracemalloc]``."""
    kind, db, spawned = argv[0], argv[1], float(argv[2])
    profile_to = argv[argv.index("--profile") + 1] if "--profile" in argv else None
    tracing = "--tracemalloc" in argv
    splitting = "--split" in argv
    if tracing:
        import tracemalloc

        tracemalloc.start(25)
    profiler = None
    if profile_to is not None and kind == "window":
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    result: dict[str, Any] = {
        "kind": kind,
        "marks": {"start": _T0},
        "memory": {},
        "splitting": splitting,
    }
    if kind == "floor":
        _child_floor(db, result)
    elif kind == "window":
        _child_window(db, result)
    elif kind == "moves":
        _child_moves(db, result, profile_to)
    else:
        raise SystemExit(f"unknown child {kind}")
    if profiler is not None:
        profiler.disable()
        assert profile_to is not None
        result["profiles"] = {
            "window-start": _profile_text(
                profiler,
                Path(profile_to) / "window-start.prof",
                "the start-up, first line to first paint (imports included)",
            )
        }
    if tracing:
        result["tracemalloc"] = _child_tracemalloc_report()
    marks = result["marks"]
    result["since_start"] = {k: v - _T0 for k, v in marks.items()}
    result["spawn_to_paint"] = marks["painted"] - spawned
    public = {k: v for k, v in result.items() if not k.startswith("_") and k != "marks"}
    print(RESULT_MARK + json.dumps(public), flush=True)


# == the parent =============================================================================


def _spawn(kind: str, db: Path, config: Path, *extra: str) -> dict[str, Any]:
    """Run one child in a fresh process; its result with the whole process's wall time."""
    from common import child_env, run_child

    env = child_env(config)
    spawned = time.perf_counter()
    args = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--child",
        kind,
        str(db),
        repr(spawned),
        *extra,
    ]
    result, done = run_child(args, env, mark=RESULT_MARK, name=f"bench_window: the {kind} child")
    wall = time.perf_counter() - spawned
    result["wall"] = wall
    # A child that printed its figures may still die on the way out (see _shield_none).
    result["exit"] = done.returncode
    result["fatal"] = next(
        (line for line in done.stderr.splitlines() if line.startswith("Fatal Python error")), ""
    )
    return result


def _working_copy(source: Path, folder: Path, name: str) -> Path:
    """A copy of the board with today's backup already taken (as after a first start)."""
    from kanban_sec.store import backup

    target = folder / name
    shutil.copyfile(source, target)
    backup.daily(target)
    return target


def _open_count(path: Path) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return int(
            conn.execute(
                "SELECT count(*) FROM items WHERE status != 'done' AND deleted_at IS NULL"
            ).fetchone()[0]
        )
    finally:
        conn.close()


def _median(runs: list[dict[str, Any]], get: Any) -> float:
    return statistics.median(get(r) for r in runs)


def _ms(values: list[float]) -> tuple[float, float]:
    """Median and 95th percentile (nearest rank) in milliseconds."""
    ordered = sorted(values)
    p95 = ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]
    return statistics.median(ordered) * 1000, p95 * 1000


def _exit_lines(children: list[dict[str, Any]], moves: dict[str, Any]) -> list[str]:
    """How the children ended, and what the window does to ``None``'s reference count."""
    out = []
    for kind in ("floor", "window", "moves"):
        mine = [c for c in children if c["kind"] == kind]
        bad = [c for c in mine if c["exit"] != 0]
        if bad:
            out.append(
                f"  WARNING: {len(bad)} of {len(mine)} {kind} processes died after "
                f"printing their figures (exit {bad[0]['exit']}): "
                f"{bad[0]['fatal'] or 'see stderr'}"
            )
    refs = moves["none_refs"]
    per_move = (refs["after_open_moves"] - refs["before_moves"]) / MOVES
    per_paint = (refs["after_10_repaints"] - refs["after_open_moves"]) / 10
    line = (
        f"  references to None in the window: {refs['painted']:,} after the first paint, "
        f"{per_move:+,.0f} per move, {per_paint:+,.0f} per repaint of the backlog column"
    )
    if per_move < -5:
        line += (
            f": LOST for good (a refcount bug in the Qt bindings); the window aborts "
            f"('none_dealloc') after about {refs['painted'] / -per_move:,.0f} moves"
        )
    out.append(line)
    return out


def _phase_line(phases: dict[str, float]) -> str:
    return ", ".join(f"{k} {v:.2f}" for k, v in phases.items() if v >= 0.005 or k == "total")


def run(*, show_profile: bool = False) -> dict[str, Any]:
    from make_board import board_for

    board = board_for(BOARD_ITEMS)
    if _open_count(board) != OPEN_ITEMS:
        raise SystemExit(f"expected {OPEN_ITEMS} open items in {board.name}")
    lines: list[str] = []
    with tempfile.TemporaryDirectory(prefix="bench-window-") as temp:
        folder = Path(temp)
        start_db = _working_copy(board, folder, "start.sqlite")
        runs: dict[str, list[dict[str, Any]]] = {"floor": [], "window": []}
        counter = iter(range(10_000))

        def one(kind: str, db: Path = start_db, *extra: str) -> dict[str, Any]:
            return _spawn(kind, db, folder / f"config-{next(counter)}", *extra)

        one("floor")  # warm-up: page cache, byte code
        one("window")
        for number in range(RUNS):
            order = ("floor", "window") if number % 2 == 0 else ("window", "floor")
            for kind in order:
                runs[kind].append(one(kind))
        for kind, expected in (("floor", OPEN_ITEMS), ("window", OPEN_ITEMS)):
            for r in runs[kind]:
                if r["rows"] != expected:
                    raise SystemExit(f"{kind}: {r['rows']} rows, expected {expected}")
        moves_db = _working_copy(board, folder, "moves.sqlite")
        moves = one("moves", moves_db)

        floor_s = _median(runs["floor"], lambda r: r["since_start"]["painted"])
        window_s = _median(runs["window"], lambda r: r["since_start"]["painted"])
        ratio = window_s / floor_s
        start_ok = ratio <= TARGET_START_RATIO
        floor_spawn = _median(runs["floor"], lambda r: r["spawn_to_paint"])
        window_spawn = _median(runs["window"], lambda r: r["spawn_to_paint"])
        floor_wall = _median(runs["floor"], lambda r: r["wall"])
        window_wall = _median(runs["window"], lambda r: r["wall"])
        move_median, move_p95 = _ms([m["total"] for m in moves["open"]])
        move_ok = move_median < TARGET_MOVE_MS
        done_median, done_p95 = _ms([m["total"] for m in moves["done"]])
        floor_mb = _median(runs["floor"], lambda r: r["memory"]["painted"]["VmRSS"])
        window_mb = _median(runs["window"], lambda r: r["memory"]["painted"]["VmRSS"])
        extra_mb = window_mb - floor_mb
        memory_ok = extra_mb <= TARGET_EXTRA_MB

        def spread(kind: str, get: Any) -> str:
            values = [get(r) for r in runs[kind]]
            return f"min {min(values):.3f} / max {max(values):.3f} s"

        def phases(kind: str) -> str:
            names = ("imports", "created", "shown", "paint_event", "painted")
            return ", ".join(
                f"{n} {_median(runs[kind], lambda r, n=n: r['since_start'][n]):.3f}" for n in names
            )

        def rss(kind: str) -> str:
            names = ("imports", "created", "painted")
            return ", ".join(
                f"{n} {_median(runs[kind], lambda r, n=n: r['memory'][n]['VmRSS']):.0f}"
                for n in names
            )

        open_calls = [m["call"] for m in moves["open"]]
        open_paints = [m["repaint"] for m in moves["open"]]
        lines += [
            f"window start: {window_s:.3f} s  floor: {floor_s:.3f} s  ratio: {ratio:.2f} "
            f"(target <= {TARGET_START_RATIO:g}) "
            f"({'OK' if start_ok else 'OVER TARGET'}; median of {RUNS} each, interleaved)",
            f"  from the script's first line to the first painted frame; window "
            f"{spread('window', lambda r: r['since_start']['painted'])}, floor "
            f"{spread('floor', lambda r: r['since_start']['painted'])}",
            f"  from spawn (interpreter start included): window {window_spawn:.3f} s, floor "
            f"{floor_spawn:.3f} s, ratio {window_spawn / floor_spawn:.2f}; whole process "
            f"wall (exit included): window {window_wall:.3f} s, floor {floor_wall:.3f} s",
            f"  window phases (s since first line, median): {phases('window')}",
            f"  floor phases  (s since first line, median): {phases('floor')}",
            f"  (window language: {runs['window'][0].get('language')}; rows shown: window "
            f"{runs['window'][0]['rows']:,} open cards in 4 columns + done, floor "
            f"{runs['floor'][0]['rows']:,} rows)",
            f"move: median {move_median:.1f} ms, p95 {move_p95:.1f} ms "
            f"(target median < {TARGET_MOVE_MS:g} ms) "
            f"({'OK' if move_ok else 'OVER TARGET'}; {len(moves['open'])} moves between open "
            f"columns)",
            f"  of which move_items() median {statistics.median(open_calls) * 1000:.1f} ms, "
            f"repaint (processEvents until idle) median "
            f"{statistics.median(open_paints) * 1000:.1f} ms; paint events per move median "
            f"{statistics.median(m['paints'] for m in moves['open']):.0f}",
            f"  split (ms, median of {BREAKDOWN_MOVES} more moves, disjoint steps): "
            f"{_phase_line(moves['open_phases'])}",
            f"move to done (re-rank): median {done_median:.1f} ms, p95 {done_p95:.1f} ms "
            f"({len(moves['done'])} moves from doing/next into done; "
            f"{'under' if done_median < TARGET_MOVE_MS else 'over'} the move target too)",
            f"  split (ms, median of {BREAKDOWN_DONE_MOVES} more): "
            f"{_phase_line(moves['done_phases'])}",
            f"memory: {window_mb:.0f} MB vs floor {floor_mb:.0f} MB: {extra_mb:+.0f} MB "
            f"(target <= +{TARGET_EXTRA_MB:g} MB) ({'OK' if memory_ok else 'OVER TARGET'}; "
            f"VmRSS after the first paint, median of {RUNS})",
            f"  VmRSS MB after imports / window built / painted: window {rss('window')}; "
            f"floor {rss('floor')}; window after {MOVES + DONE_MOVES + BREAKDOWN_MOVES} "
            f"moves {moves['memory']['after_moves']['VmRSS']:.0f} MB",
        ]

        lines += _exit_lines([*runs["floor"], *runs["window"], moves], moves)

        OUT.mkdir(exist_ok=True)
        if show_profile or not start_ok:
            split = one("window", start_db, "--split")
            lines.append(
                "split of one start-up (a separate fresh process, timing wrappers, "
                f"first paint at {split['since_start']['painted']:.3f} s):"
            )
            lines.append(
                "  imports, one after the other: "
                + ", ".join(f"{k} {v:.3f} s" for k, v in split["split_imports"].items())
            )
            lines.append(
                "  steps (inclusive, nested; calls): "
                + ", ".join(f"{k} {v[0]:.3f} s ({v[1]})" for k, v in split["split"].items())
            )
            profiled = one("window", start_db, "--profile", str(OUT))
            lines.append("profile of one start-up (a separate fresh process):")
            lines.append(profiled["profiles"]["window-start"])
        if show_profile or not move_ok or done_median >= TARGET_MOVE_MS:
            profiled = one(
                "moves", _working_copy(board, folder, "moves-profile.sqlite"), "--profile", str(OUT)
            )
            for name in ("window-move", "window-move-done"):
                lines.append(f"profile of moves ({name}, a separate fresh process):")
                lines.append(profiled["profiles"][name])
        if show_profile or not memory_ok:
            traced = one("window", start_db, "--tracemalloc")
            lines.append(
                "memory of one start-up under tracemalloc (a separate fresh "
                f"process; VmRSS there {traced['memory']['painted']['VmRSS']:.0f} MB):"
            )
            lines.append(traced["tracemalloc"])

    floor_name = "bare QListView"
    report: dict[str, Any] = {
        "what": f"window start to first paint, {OPEN_ITEMS:,} open items",
        "measured": window_s,
        "floor": floor_s,
        "floor_name": floor_name,
        "ratio": ratio,
        "target": f"≤ {TARGET_START_RATIO:g}× floor",
        "ok": start_ok,
        "lines": lines,
        "more": [
            {
                "what": f"move a card, {OPEN_ITEMS:,} open items (median of {MOVES})",
                "measured_text": f"{move_median:.1f} ms (p95 {move_p95:.1f})",
                "target": f"median < {TARGET_MOVE_MS:g} ms",
                "ok": move_ok,
            },
            {
                "what": f"move a card into done, re-ranks all (median of {DONE_MOVES})",
                "measured_text": f"{done_median:.1f} ms (p95 {done_p95:.1f})",
                "target": f"median < {TARGET_MOVE_MS:g} ms (a move too)",
                "ok": done_median < TARGET_MOVE_MS,
            },
            {
                "what": f"window memory (VmRSS), {OPEN_ITEMS:,} open items",
                "measured_text": f"{window_mb:.0f} MB",
                "floor_text": f"{floor_mb:.0f} MB ({floor_name})",
                "ratio_text": f"{extra_mb:+.0f} MB",
                "target": f"≤ floor + {TARGET_EXTRA_MB:g} MB",
                "ok": memory_ok,
            },
        ],
    }
    return report


def main(argv: list[str]) -> None:
    from common import machine_info, profile_requested

    print(machine_info(), flush=True)
    report = run(show_profile=profile_requested(argv))
    print("\n".join(report["lines"]))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child_main(sys.argv[2:])
    else:
        main(sys.argv)
