"""Run every benchmark and print the figures as a Markdown table.

Run: ``python bench/run_all.py [--profile] [--smoke]`` (``--profile`` adds each
benchmark's cProfile top 10 by cumulative time; ``--smoke`` runs each on a board 50 times
smaller, once, as CI does: see ``smoke.py``). Each benchmark also runs alone, e.g.
``python bench/bench_export.py [--smoke]``. Boards are built once and cached in
``bench/out/``.
"""

from __future__ import annotations

import sys
import time
import traceback
from typing import Any

import bench_big
import bench_cli
import bench_export
import bench_flow
import bench_import
import bench_ranking
import bench_ros
import bench_standup
import bench_sync
import bench_window
from common import machine_info, profile_requested


def _seconds(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f} s"


def table(reports: list[dict[str, Any]]) -> str:
    lines = ["| what | measured | floor | ratio | target |", "|---|---|---|---|---|"]
    for r in reports:
        floor = r.get("floor_text") or (
            "—" if r.get("floor") is None else f"{r['floor']:.3f} s ({r['floor_name']})"
        )
        ratio = r.get("ratio_text") or ("—" if r.get("ratio") is None else f"{r['ratio']:.2f}×")
        verdict = "met" if r["ok"] else "**missed**"
        measured = r.get("measured_text") or _seconds(r["measured"])
        lines.append(
            f"| {r['what']} | {measured} | {floor} | {ratio} | {r['target']} ({verdict}) |"
        )
        if "load" in r:
            lines.append(
                f"| load 100,000 open items from SQLite (informational) | "
                f"{_seconds(r['load'])} | — | — | — |"
            )
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    show = profile_requested(argv)
    print(machine_info(), flush=True)
    reports = []
    failed = []
    for module in (
        bench_ranking,
        bench_export,
        bench_import,
        bench_window,
        bench_flow,
        bench_standup,
        bench_sync,
        bench_big,
        bench_ros,
        bench_cli,
    ):
        start = time.perf_counter()
        try:
            report = module.run(show_profile=show)
        except (Exception, SystemExit) as error:
            # One broken benchmark must not hide the others' figures; the run still fails.
            traceback.print_exc()
            failed.append(module.__name__)
            report = {
                "what": f"{module.__name__} (**failed**: {type(error).__name__}: "
                f"{str(error)[:200].replace('|', '/')})",
                "measured_text": "—",
                "target": "runs to the end",
                "ok": False,
                "lines": [],
            }
        print("\n".join(report["lines"]), flush=True)
        print(f"  ({module.__name__}: {time.perf_counter() - start:.0f} s in all)", flush=True)
        reports.append(report)
        reports += report.get("more", [])  # benchmarks with several rows (bench_window)
    print()
    print(table(reports))
    if not all(r["ok"] for r in reports):
        print("\nsome targets are missed (see the table)")
    if failed:
        sys.exit(f"failed: {', '.join(failed)}")


if __name__ == "__main__":
    main(sys.argv)
