"""Shared helpers for the benchmark scripts: machine info, timing, profiles, output paths.

Only the standard library; the scripts in this folder import it as ``common`` (they run as
``python bench/<script>.py``, which puts this folder first on ``sys.path``).
"""

from __future__ import annotations

import cProfile
import io
import json
import os
import platform
import pstats
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from smoke import SMOKE, runs, scaled  # noqa: F401 - the benchmarks take them from here

BENCH = Path(__file__).resolve().parent
OUT = BENCH / "out"
#: Items needed for a board with 100,000 open items when 20% of the items are done.
RANKING_BOARD_ITEMS = scaled(125_000)
EXPORT_IMPORT_ITEMS = scaled(100_000)


def sqlite_cli() -> str:
    """The ``sqlite3`` command-line tool (the floor of export and import)."""
    found = shutil.which("sqlite3")
    if found is None:
        sys.exit(
            "bench: the sqlite3 command-line tool is needed for the floors (apt install sqlite3)"
        )
    return found


def machine_info() -> str:
    """One block naming what the figures were measured on."""
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        usable = os.cpu_count() or 0
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cli = subprocess.run(
        [sqlite_cli(), "--version"], capture_output=True, text=True, check=True
    ).stdout.split()[0]
    try:
        import sqlalchemy

        sqla = sqlalchemy.__version__
    except ImportError:  # pragma: no cover - the project depends on it
        sqla = "?"
    return "\n".join(
        [
            f"machine: nproc {usable} (os.cpu_count {os.cpu_count()}), {cpu}, "
            f"{platform.system()} {platform.release()}",
            f"python {platform.python_version()} ({platform.python_implementation()}), "
            f"SQLAlchemy {sqla}",
            f"sqlite: library in python {sqlite3.sqlite_version}, command-line tool {cli}",
        ]
    )


@dataclass(frozen=True)
class Timing:
    """Wall-clock seconds of repeated runs."""

    runs: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    def spread(self) -> str:
        return f"min {min(self.runs):.3f} / max {max(self.runs):.3f} s over {len(self.runs)}"


def timed(repeat: int, body: Callable[[], Any], setup: Callable[[], Any] | None = None) -> Timing:
    """Run ``body`` ``repeat`` times (``setup`` untimed before each) and keep the times."""
    times = []
    for _ in range(repeat):
        if setup is not None:
            setup()
        start = time.perf_counter()
        body()
        times.append(time.perf_counter() - start)
    return Timing(times)


def profile(body: Callable[[], Any], *, top: int = 10, name: str | None = None) -> str:
    """Run ``body`` once under cProfile; the ``top`` entries by cumulative, then own time.

    With ``name`` the raw profile is also saved as ``bench/out/<name>.prof``
    (``python -m pstats`` or snakeviz can read it).
    """
    profiler = cProfile.Profile()
    profiler.enable()
    try:
        body()
    finally:
        profiler.disable()
    if name is not None:
        OUT.mkdir(exist_ok=True)
        profiler.dump_stats(OUT / f"{name}.prof")
    parts = []
    for order in ("cumulative", "tottime"):
        text = io.StringIO()
        stats = pstats.Stats(profiler, stream=text)
        stats.strip_dirs().sort_stats(order).print_stats(top)
        lines = text.getvalue().splitlines()
        # Drop pstats' preamble up to the column titles.
        start = next((i for i, line in enumerate(lines) if line.lstrip().startswith("ncalls")), 0)
        parts.append(f"  -- top {top} by {order} time --")
        parts.append("\n".join(lines[start:]).rstrip())
    return "\n".join(parts)


def profile_requested(argv: list[str]) -> bool:
    return "--profile" in argv


def csv_record_count(path: Path) -> int:
    """Data records (header excluded) in a CSV file, quoted line breaks counted once."""
    import csv

    with path.open(newline="", encoding="utf-8-sig") as handle:
        return sum(1 for _ in csv.reader(handle)) - 1


def cached_build(
    path: Path, build: Callable[[Path], Any], label: str, *, quiet: bool = False
) -> Path:
    """``path``, built once with ``build(temp)`` into a temporary file and renamed in place."""
    if path.exists():
        return path
    OUT.mkdir(exist_ok=True)
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    leftovers = (temp, Path(f"{temp}-wal"), Path(f"{temp}-shm"))
    for leftover in leftovers:
        leftover.unlink(missing_ok=True)
    if not quiet:
        print(f"building {path.name} ({label}) ...", flush=True)
    start = time.perf_counter()
    try:
        build(temp)
        os.replace(temp, path)
    finally:
        for leftover in leftovers:
            leftover.unlink(missing_ok=True)
    if not quiet:
        print(
            f"built in {time.perf_counter() - start:.1f} s ({path.stat().st_size / 1e6:.0f} MB)",
            flush=True,
        )
    return path


#: The floor of the change-log benchmarks: one SQL scan of the whole log.
CHANGE_LOG_SCAN = "SELECT count(*), sum(length(fields)) FROM changes"


def change_log_scan(path: Path) -> Callable[[], Any]:
    """The floor as a callable: one read-only scan of the change log in ``path``."""

    def scan() -> Any:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return conn.execute(CHANGE_LOG_SCAN).fetchone()
        finally:
            conn.close()

    return scan


def child_env(config: Path) -> dict[str, str]:
    """The environment of a window child: offscreen, its own (new) settings folder, acting
    as ``bench``, byte code cached beside the folder (as an installed app has it)."""
    config.mkdir(parents=True)
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(config),
        KANBAN_SEC_USER="bench",
        PYTHONPYCACHEPREFIX=str(config.parent / "pycache"),
    )
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def run_child(
    args: list[str], env: dict[str, str], *, mark: str, name: str, timeout: float = 900
) -> tuple[dict[str, Any], subprocess.CompletedProcess[str]]:
    """Run a benchmark's child process; the JSON it printed after ``mark`` (its last such
    line) and the finished process. A child that printed none stops the benchmark, with
    the end of its output."""
    done = subprocess.run(
        args, capture_output=True, text=True, env=env, timeout=timeout, check=False
    )
    found = [line for line in done.stdout.splitlines() if line.startswith(mark)]
    if not found:
        raise SystemExit(
            f"{name} failed (exit {done.returncode}):\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
        )
    return dict(json.loads(found[-1][len(mark) :])), done
