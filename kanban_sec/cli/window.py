"""Where the command line reaches Qt, and only when called: it starts the window, checks
that the window can start here (``--self-check``), lends Qt's PDF writer to ``standup
--format pdf`` and the chain map's drawing to ``map``. No other module of ``cli/`` imports
``app`` or ``ui/`` (an import-linter contract says so)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from kanban_sec.domain.errors import KanbanError


def start(db_path: Path | None) -> int:
    """Open the board window on ``db_path`` (``None``: the default board, first run
    offered) and run it until it closes; returns the exit status."""
    from kanban_sec.desktop import missing_packages

    missing = missing_packages()
    if missing:  # Qt would abort the process with a message only a developer reads
        raise KanbanError("desktop.missing", packages=" ".join(missing))
    from kanban_sec.app import run_window  # Qt loads here

    return run_window(db_path)


def self_check(db_path: Path, out: TextIO) -> int:
    """``--self-check``: the installation's checks, the window offscreen; 0 when all pass."""
    try:
        from kanban_sec.app import self_check as run  # Qt loads here
    except ImportError as error:  # Qt cannot load: the first check (versions) fails
        print(f"FAIL versions: {error}", file=out)
        print("self-check failed", file=out)
        return 1
    return run(db_path, out)


def pdf_writer() -> Callable[[str, str | os.PathLike[str]], None]:
    """Qt's PDF writer (HTML in, PDF file out), offscreen when there is no desktop session."""
    if not has_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    try:
        from kanban_sec.ui.report_pdf import write_pdf
    except ImportError as error:  # Qt's system libraries missing
        raise KanbanError("standup.pdf_unavailable", reason=str(error)) from error
    return write_pdf


def map_writer() -> Callable[..., None]:
    """The chain map's PNG/SVG writer (Qt draws it), offscreen without a desktop session;
    positions dragged in the window are not used: the file shows the automatic layout."""
    if not has_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    try:
        from kanban_sec.ui.chain_map_scene import write_map
    except ImportError as error:  # Qt's system libraries missing
        raise KanbanError("map.unavailable", reason=str(error)) from error
    return write_map


def has_display() -> bool:
    """Whether a window can open here (see :func:`kanban_sec.desktop.has_display`)."""
    from kanban_sec import desktop

    return desktop.has_display()
