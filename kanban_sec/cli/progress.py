"""Progress of long command-line work (CSV import and export, sync) on stderr: a `rich`
bar while it runs when stderr is a terminal, and nothing at all when it is piped.

The services know nothing of this: they take a plain ``on_progress`` callback.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING

from kanban_sec.cli.output import plainly_piped

if TYPE_CHECKING:  # rich loads only when stderr may be a terminal
    from rich.progress import TaskID

#: ``report(stage, done, total)``; ``total`` is None while unknown.
Report = Callable[[str, int, int | None], None]


@contextmanager
def progress(labels: Mapping[str, str]) -> Iterator[Report | None]:
    """A reporter for the stages named in ``labels`` (stage → what the bar says), or
    None when stderr is not a terminal (then nothing is shown: the work is quiet)."""
    if plainly_piped(sys.stderr):
        yield None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    console = Console(file=sys.stderr, highlight=False)
    if not console.is_terminal or console.is_dumb_terminal:
        yield None
        return
    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    )
    tasks: dict[str, TaskID] = {}

    def report(stage: str, done: int, total: int | None) -> None:
        if stage not in tasks:
            tasks[stage] = bar.add_task(labels.get(stage, stage), total=total)
        bar.update(tasks[stage], completed=done, total=total)

    with bar:
        yield report


def rows(report: Report | None, stage: str) -> Callable[[int, int], None] | None:
    """A service's ``on_progress(done, total)`` that reports as ``stage``."""
    if report is None:
        return None
    return lambda done, total: report(stage, done, total)
