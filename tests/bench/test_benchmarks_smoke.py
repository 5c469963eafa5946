"""Every benchmark runs end to end in its smoke mode (``--smoke``: boards 50 times smaller,
each measurement once), so that none can silently break. The figures are the benchmarks'
business (see README, Benchmarks), not this test's."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BENCHMARKS = (
    "bench_ranking",
    "bench_export",
    "bench_import",
    "bench_window",
    "bench_flow",
    "bench_standup",
    "bench_sync",
    "bench_big",
    "bench_ros",
    "bench_cli",
)


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    # The flag alone asks for the smoke run: the environment does not.
    env = {k: v for k, v in os.environ.items() if k != "KANBAN_SEC_BENCH_SMOKE"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


def test_every_benchmark_runs_in_its_smoke_mode():
    done = _run(str(ROOT / "bench" / "run_all.py"), "--smoke")
    assert done.returncode == 0, (done.stdout[-3000:], done.stderr[-3000:])
    for name in BENCHMARKS:
        assert f"({name}: " in done.stdout, name
    table = [line for line in done.stdout.splitlines() if line.startswith("| ")]
    assert len(table) >= 2 + len(BENCHMARKS)  # header, rule, a row (or more) each
    # the small boards, not the 10,000-item window board of the full run
    assert "window start to first paint, 200 open items" in done.stdout


def test_the_board_maker_takes_the_smoke_flag_too():
    done = _run(str(ROOT / "bench" / "make_board.py"), "--smoke")
    assert done.returncode == 0, done.stderr[-3000:]
    assert "board-n2000-" in done.stdout  # 100,000 / 50
