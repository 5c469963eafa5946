"""ROS analysis files on the command line: the report of a chain (``ros report CHAIN
--format md|html|pdf|csv -o FILE``) and a chain's data flows as CSV (``flow export CHAIN
-o FILE``, ``flow import CHAIN FILE``).

The parsers are added to the ``ros`` and ``flow`` commands' sub-parsers
(:mod:`kanban_sec.cli.ros`) by :func:`add_report_parser` and :func:`add_flow_csv_parsers`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from kanban_sec.domain.errors import BadInput
from kanban_sec.domain.text import t

EXIT_OK = 0


def add_report_parser(sub: Any, name: str = "report") -> None:
    """``report CHAIN [--format md|html|pdf|csv] [-o FILE] [--analysis ID]``."""
    p = sub.add_parser(
        name,
        help="the ROS analysis report of a chain (Markdown, HTML, PDF) or its risks as CSV",
    )
    p.set_defaults(ros_files_action="report")
    p.add_argument("chain", help="the chain (service) the report is of")
    p.add_argument("--format", choices=("md", "html", "pdf", "csv"), default="md")
    p.add_argument(
        "-o", "--output", help="the file to write (default: standard output; pdf needs a file)"
    )
    p.add_argument("--analysis", metavar="ID", help="report on this analysis (default: the newest)")
    p.add_argument(
        "--delimiter",
        choices=(",", ";", "tab"),
        default=",",
        help="the CSV delimiter (csv only; Norwegian Excel opens ; directly)",
    )


def add_flow_csv_parsers(sub: Any) -> None:
    """``export CHAIN -o FILE`` and ``import CHAIN FILE`` of the ``flow`` command."""
    p = sub.add_parser(
        "export", help="write a chain's data flows to CSV (number, from, to, data, notes)"
    )
    p.set_defaults(ros_files_action="flow-export")
    p.add_argument("chain")
    p.add_argument(
        "-o", "--output", required=True, help="the CSV file to write (- for standard output)"
    )
    p.add_argument("--delimiter", choices=(",", ";", "tab"), default=",")
    p = sub.add_parser(
        "import",
        help="read a chain's data flows from CSV, all or nothing: a known number changes "
        "that flow, other rows are added",
    )
    p.set_defaults(ros_files_action="flow-import")
    p.add_argument("chain")
    p.add_argument("file")
    p.add_argument("--dry-run", action="store_true", help="report what would change")


def _files(service: Any) -> Any:
    from kanban_sec.services.ros_files import RosFiles

    return RosFiles(service.session)


def run_report(service: Any, args: argparse.Namespace, lang: str, out: TextIO) -> int:
    """Print or write the report of a chain; a file written is on the record."""
    files = _files(service)
    to_stdout = args.output in (None, "", "-")
    if args.format == "pdf" and to_stdout:
        raise BadInput("rosreport.pdf_needs_output")
    if to_stdout:
        data = files.render(
            files.report(args.chain, args.analysis), args.format, delimiter=_sep(args)
        )
        text = data.decode("utf-8").lstrip("\ufeff") if isinstance(data, bytes) else data
        out.write(text)
        out.flush()
        return EXIT_OK
    writer = None
    if args.format == "pdf":
        from kanban_sec.cli.window import pdf_writer  # Qt, and only for a PDF

        writer = pdf_writer()
    path = Path(args.output)
    files.write_report(
        args.chain,
        path,
        args.format,
        analysis=args.analysis,
        delimiter=_sep(args),
        pdf_writer=writer,
    )
    print(t("rosreport.written", lang, path=str(path)), file=out)
    return EXIT_OK


def run_flow_csv(service: Any, args: argparse.Namespace, lang: str, out: TextIO) -> int:
    """``flow export`` or ``flow import``."""
    files = _files(service)
    if args.ros_files_action == "flow-export":
        if args.output == "-":
            from kanban_sec.exchange.ros_csv import flows_csv

            links = {k.id: k for k in files.picture(args.chain).links}
            data = flows_csv(files.flows(args.chain), links, _sep(args))
            out.write(data.decode("utf-8").lstrip("\ufeff"))
            out.flush()
            return EXIT_OK
        count = files.export_flows(args.chain, args.output, delimiter=_sep(args))
        print(t("rosreport.flows_exported", lang, count=count, path=args.output), file=out)
        return EXIT_OK
    outcome = files.import_flows(args.chain, args.file, dry_run=args.dry_run)
    key = "rosreport.flows_dry_run" if args.dry_run else "rosreport.flows_imported"
    print(t(key, lang, path=args.file, **outcome.counts), file=out)
    return EXIT_OK


def _sep(args: argparse.Namespace) -> str:
    return str(getattr(args, "delimiter", ","))
