"""``kanban-sec standup``: the report of what changed since the last standup (or a date),
as Markdown, HTML or PDF."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any, TextIO

from kanban_sec.domain.errors import BadInput, KanbanError, msg
from kanban_sec.domain.text import t

EXIT_OK = 0


def parse_since(text: str) -> datetime:
    """``--since``: a date (local midnight) or an ISO 8601 time (local if no zone given)."""
    from kanban_sec.services.standup import aware

    value = text.strip()
    try:
        moment: date | datetime = (date.fromisoformat(value) if len(value) == 10
                                   else datetime.fromisoformat(value))
    except ValueError:
        raise BadInput("field.problem", field="--since",
                       problem=msg("value.bad_date", value=text)) from None
    return aware(moment)


def _headless() -> bool:
    """No desktop session for Qt to talk to (and no platform chosen)."""
    if sys.platform in ("win32", "darwin") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _write(path: Path, write: Any) -> None:
    """Write through a temporary file beside ``path``: a failed write leaves no half file."""
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        write(temp)
        os.replace(temp, path)
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise BadInput("standup.cannot_write", path=str(path),
                       reason=error.strerror or str(error)) from error


def _write_pdf(html: str, path: Path) -> None:
    if _headless():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    try:
        from kanban_sec.ui.report_pdf import write_pdf
    except ImportError as error:  # Qt's system libraries missing
        raise KanbanError("standup.pdf_unavailable", reason=str(error)) from error
    _write(path, lambda temp: write_pdf(html, temp))


def command(service: Any, args: argparse.Namespace, lang: str, out: TextIO) -> int:
    """Print or write the standup report; returns the exit status."""
    from kanban_sec.services.standup import StandupService, render_html, render_markdown

    if args.format == "pdf" and args.output in (None, "", "-"):
        raise BadInput("standup.pdf_needs_output")
    since = parse_since(args.since) if args.since is not None else None
    standups = StandupService(service.db, service.author, lang)
    report = standups.report(since)
    render = render_markdown if args.format == "md" else render_html
    text = render(report, lang)
    if not args.output or args.output == "-":
        out.write(text)
        return EXIT_OK
    path = Path(args.output)
    if args.format == "pdf":
        _write_pdf(text, path)
    else:
        _write(path, lambda temp: temp.write_text(text, encoding="utf-8"))
    print(t("standup.written", lang, path=str(path)), file=out)
    return EXIT_OK
