"""The smoke run (``--smoke`` or ``KANBAN_SEC_BENCH_SMOKE=1``, what CI runs): every
benchmark end to end on boards 50 times smaller, each measurement once, so none can
silently break. Its figures mean nothing. Only ``os`` and ``sys``: a child process's clock
sees no heavy import."""

from __future__ import annotations

import os
import sys

if "--smoke" in sys.argv:
    sys.argv.remove("--smoke")
    # The benchmarks' child processes read the environment, not the parent's arguments.
    os.environ["KANBAN_SEC_BENCH_SMOKE"] = "1"
SMOKE = os.environ.get("KANBAN_SEC_BENCH_SMOKE") == "1"
FACTOR = 50


def scaled(n: int) -> int:
    """A size of the benchmark: ``n``, or 1/50 of it in the smoke run."""
    return max(1, n // FACTOR) if SMOKE else n


def runs(n: int) -> int:
    """How many times a measurement is repeated: ``n``, or once in the smoke run."""
    return 1 if SMOKE else n
