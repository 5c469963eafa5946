"""``kanban-sec map``: a chain map as PNG, SVG or Open Threat Model JSON, and an OTM file
read into a chain (``map import FILE [--chain NAME]``)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from kanban_sec.domain.errors import BadInput
from kanban_sec.domain.text import t

EXIT_OK = 0


def add_parser(sub: Any) -> None:
    """``map CHAIN --format png|svg|otm -o FILE`` and ``map import FILE [--chain NAME]``."""
    p = sub.add_parser(
        "map",
        help="a chain map as PNG, SVG or Open Threat Model (OTM) JSON; "
        "`map import FILE.json [--chain NAME]` reads an OTM file into a chain",
    )
    p.add_argument("chain", metavar="CHAIN", help="the chain to draw (or `import`)")
    p.add_argument("file", metavar="FILE", nargs="?", help="with `import`: the OTM file to read")
    p.add_argument("--format", choices=("png", "svg", "otm"), default="png")
    p.add_argument("-o", "--output", help="the file to write")
    p.add_argument("--chain", dest="into", metavar="NAME", help="with `import`: the chain to fill")


def command(service: Any, args: argparse.Namespace, lang: str, out: TextIO) -> int:
    """Write the chain map, or import an OTM file; returns the exit status."""
    from kanban_sec.services.chain_map import ChainMapService
    from kanban_sec.services.files import write_atomically
    from kanban_sec.services.ros import RosService

    session = service.session
    if args.chain == "import" and args.file:
        _, done = ChainMapService(session).import_otm(args.file, args.into)
        values = t("map.imported_values", lang, count=done.values) if done.values else ""
        print(
            t(
                "map.imported",
                lang,
                chain=done.chain,
                links=done.links,
                flows=done.flows,
                risks=done.risks,
                new_risks=done.new_risks,
                values=values,
            ),
            file=out,
        )
        return EXIT_OK
    if args.chain == "import":
        raise BadInput("map.import_needs_file")
    if not args.output or args.output == "-":
        raise BadInput("map.needs_output", format=args.format)
    path = Path(args.output)
    if args.format == "otm":
        ChainMapService(session).write_otm(args.chain, path)
        name = RosService(session).picture(args.chain).chain.name
    else:
        from kanban_sec.cli.window import map_writer  # Qt, and only for a picture

        picture = RosService(session).picture(args.chain)
        name = picture.chain.name
        map_writer()(picture, lang, args.format, path, write_atomically)
    print(t("map.written", lang, chain=name, path=str(path)), file=out)
    return EXIT_OK
