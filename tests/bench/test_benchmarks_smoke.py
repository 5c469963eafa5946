"""Every benchmark runs end to end in its smoke mode (boards 50 times smaller, each
measurement once), so that none can silently break. The figures are the benchmarks'
business (see README, Benchmarks), not this test's."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BENCHMARKS = ("bench_ranking", "bench_export", "bench_import", "bench_window", "bench_flow",
              "bench_standup", "bench_sync", "bench_big")


def test_every_benchmark_runs_in_its_smoke_mode():
    env = {**os.environ, "KANBAN_SEC_BENCH_SMOKE": "1", "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "run_all.py")], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=900, check=False)
    assert done.returncode == 0, (done.stdout[-3000:], done.stderr[-3000:])
    for name in BENCHMARKS:
        assert f"({name}: " in done.stdout, name
    table = [line for line in done.stdout.splitlines() if line.startswith("| ")]
    assert len(table) >= 2 + len(BENCHMARKS)  # header, rule, a row (or more) each
