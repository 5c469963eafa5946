"""``kanban-sec standup``: the report of what changed since the last standup (or a date),
as Markdown, HTML or PDF."""

from __future__ import annotations

import argparse
from datetime import date, datetime
from pathlib import Path
from typing import Any, TextIO

from kanban_sec.domain.errors import BadInput, msg
from kanban_sec.domain.text import t

EXIT_OK = 0


def add_parser(sub: Any) -> None:
    """``standup [--since DATE] [--format md|html|pdf] [-o FILE]``."""
    p = sub.add_parser(
        "standup", help="the weekly standup report: what changed, what ages, what is blocked"
    )
    p.add_argument("--since", help="changes since this date (default: the last standup)")
    p.add_argument("--format", choices=("md", "html", "pdf"), default="md")
    p.add_argument(
        "-o", "--output", help="the file to write (default: standard output; pdf needs a file)"
    )
    p.add_argument(
        "--include-confidential",
        action="store_true",
        help="show confidential items' titles and texts (the choice is recorded)",
    )


def parse_since(text: str) -> datetime:
    """``--since``: a date (local midnight) or an ISO 8601 time (local if no zone given)."""
    from kanban_sec.services.standup import aware

    value = text.strip()
    try:
        moment: date | datetime = (
            date.fromisoformat(value) if len(value) == 10 else datetime.fromisoformat(value)
        )
    except ValueError:
        raise BadInput(
            "field.problem", field="--since", problem=msg("value.bad_date", value=text)
        ) from None
    return aware(moment)


def command(service: Any, args: argparse.Namespace, lang: str, out: TextIO) -> int:
    """Print or write the standup report; returns the exit status.

    Confidential items appear by id only unless ``--include-confidential``; a report
    written to a file is recorded (kind ``report``), and so is one printed with
    confidential details.
    """
    from kanban_sec.cli.window import pdf_writer  # Qt, and only for a PDF
    from kanban_sec.exchange.standup_report import render_html, render_markdown
    from kanban_sec.services.standup import StandupService

    if args.format == "pdf" and args.output in (None, "", "-"):
        raise BadInput("standup.pdf_needs_output")
    since = parse_since(args.since) if args.since is not None else None
    include = bool(getattr(args, "include_confidential", False))
    standups = StandupService(service.session)
    if not args.output or args.output == "-":
        report = standups.report(since, include_confidential=include)
        render = render_markdown if args.format == "md" else render_html
        out.write(render(report, lang))
        out.flush()
        if include:
            standups.record_report(report, "-")
        return EXIT_OK
    path = Path(args.output)
    standups.write_report(
        path,
        since,
        format=args.format,
        include_confidential=include,
        pdf_writer=pdf_writer() if args.format == "pdf" else None,
    )
    print(t("standup.written", lang, path=str(path)), file=out)
    return EXIT_OK
