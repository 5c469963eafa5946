"""The organisation from the command line, under the rulebook: people, units, chains and
links for administrators and scripts. Every change goes through the organisation service
(the same as the window's dialogs); a role that may not is refused with one line, exit 2."""

from __future__ import annotations

import argparse
import json
from typing import Any, TextIO

from kanban_sec.cli.output import ascii_json
from kanban_sec.domain.errors import BadInput
from kanban_sec.domain.text import t

EXIT_OK = 0


def add_parsers(sub: Any) -> None:
    """The ``people``, ``person``, ``unit``, ``chain`` and ``link`` commands."""
    p = sub.add_parser("people", help="everybody in the organisation: name, unit, role")
    p.add_argument("--json", action="store_true", help="print a JSON array")

    person = sub.add_parser("person", help="add, change or remove a person (governing)")
    acts = _actions(person)
    p = acts.add_parser("add", help="a new person in a unit")
    p.add_argument("name")
    p.add_argument("--unit", required=True, help="the unit path, e.g. 'Kommune / IT'")
    p.add_argument(
        "--role", default="operational", help="governing, operational (default) or controlling"
    )
    p = acts.add_parser("set", help="change role=R, unit=U or name=N")
    p.add_argument("name")
    p.add_argument("values", nargs="+", metavar="FIELD=VALUE")
    p = acts.add_parser("remove", help="remove a person (the history keeps them)")
    p.add_argument("name")

    unit = sub.add_parser("unit", help="add or move a unit (governing)")
    acts = _actions(unit)
    p = acts.add_parser("add", help="a unit at PATH (and the units above it that are missing)")
    p.add_argument("path")
    p = acts.add_parser("move", help="put a unit under another")
    p.add_argument("path")
    p.add_argument(
        "--to", required=True, metavar="PARENT", help="the new parent unit's path ('' for the top)"
    )

    chain = sub.add_parser("chain", help="add or change a service's chain (governing)")
    acts = _actions(chain)
    p = acts.add_parser("add", help="a new chain with its risk owner unit")
    p.add_argument("name")
    p.add_argument("--risk-owner", required=True, metavar="UNIT")
    p.add_argument("--target", type=int, default=3, help="target maturity 0-3 (default 3)")
    p = acts.add_parser("set", help="change risk_owner=UNIT or target=N")
    p.add_argument("name")
    p.add_argument("values", nargs="+", metavar="FIELD=VALUE")

    link = sub.add_parser(
        "link", help="add a link to a chain, or say who runs it (the municipality or a supplier)"
    )
    acts = _actions(link)
    p = acts.add_parser("add", help="a new link (component) of a chain")
    p.add_argument("chain")
    p.add_argument("name")
    p.add_argument("--kind", default="")
    p.add_argument("--country", default="")
    p.add_argument("--responsible", metavar="UNIT", help="the unit responsible for it")
    p.add_argument("--maturity", type=int, default=0, help="0-3 (default 0)")
    p.add_argument(
        "--run-by",
        metavar="SIDE",
        help="municipality (default) or supplier: its side of the chain map's boundary",
    )
    p = acts.add_parser(
        "run-by",
        help="which side of the chain map's boundary a link is on: municipality or supplier",
    )
    p.add_argument("chain")
    p.add_argument("name", metavar="LINK")
    p.add_argument("side", metavar="SIDE", help="municipality or supplier (kommunen, leverandør)")


def _actions(parser: Any) -> Any:
    """The ACTION sub-commands of ``parser`` (one-line errors, like every command)."""
    return parser.add_subparsers(
        dest="action", metavar="ACTION", required=True, parser_class=type(parser)
    )


def _org(service: Any, lang: str) -> Any:
    from kanban_sec.services.organisation import OrganisationService

    return OrganisationService(service.session)


def _assignments(values: list[str], allowed: tuple[str, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for text in values:
        name, sep, value = text.partition("=")
        name = name.strip().lower()
        if not sep:
            raise BadInput("field.assignment", value=text)
        if name not in allowed:
            raise BadInput("field.unknown", field=name, choices=", ".join(allowed))
        out[name] = value.strip()
    return out


def people(service: Any, args: argparse.Namespace, lang: str, out: TextIO) -> int:
    found = _org(service, lang).people()
    if args.json:
        print(
            json.dumps(
                [{"name": n, "unit": u, "role": r} for n, u, r in found],
                ensure_ascii=ascii_json(out),
                indent=2,
            ),
            file=out,
        )
        return EXIT_OK
    from kanban_sec.cli.table import Column, Table

    table = Table(
        [
            Column(t("org.col.name", lang)),
            Column(t("org.col.role", lang), key=True),
            Column(t("org.col.unit", lang), main=True),
        ]
    )
    for name, unit, role in found:
        table.add_row(name, t(f"role.{role}", lang), unit)
    table.print(out)
    return EXIT_OK


def person(service: Any, args: argparse.Namespace, lang: str, out: TextIO) -> int:
    org = _org(service, lang)
    if args.action == "add":
        org.add_person(args.name, org.find_unit_id(args.unit), args.role)
        print(
            t(
                "org.person_added",
                lang,
                name=args.name,
                unit=args.unit,
                role=t(f"role.{args.role}", lang)
                if args.role in ("governing", "operational", "controlling")
                else args.role,
            ),
            file=out,
        )
        return EXIT_OK
    person_id = org.find_person_id(args.name)
    if args.action == "remove":
        org.delete_person(person_id)
        print(t("org.person_removed", lang, name=args.name), file=out)
        return EXIT_OK
    values = _assignments(args.values, ("role", "unit", "name"))
    if "unit" in values:
        org.move_person(person_id, org.find_unit_id(values["unit"]))
    if "role" in values:
        org.set_role(person_id, values["role"])
    if "name" in values:
        org.rename_person(person_id, values["name"])
    print(t("org.changed", lang, name=args.name), file=out)
    return EXIT_OK


def unit(service: Any, args: argparse.Namespace, lang: str, out: TextIO) -> int:
    org = _org(service, lang)
    if args.action == "add":
        org.ensure_unit(args.path)
        print(t("org.unit_added", lang, path=args.path), file=out)
        return EXIT_OK
    parent = org.find_unit_id(args.to) if args.to.strip() else None
    org.move_unit(org.find_unit_id(args.path), parent)
    print(t("org.unit_moved", lang, path=args.path, parent=args.to.strip() or "—"), file=out)
    return EXIT_OK


def chain(service: Any, args: argparse.Namespace, lang: str, out: TextIO) -> int:
    org = _org(service, lang)
    if args.action == "add":
        org.add_chain(args.name, org.find_unit_id(args.risk_owner), args.target)
        print(t("org.chain_added", lang, name=args.name, unit=args.risk_owner), file=out)
        return EXIT_OK
    chain_id = org.find_chain_id(args.name)
    values = _assignments(args.values, ("risk_owner", "target"))
    if "risk_owner" in values:
        org.set_chain_risk_owner(
            chain_id, org.find_unit_id(values["risk_owner"]) if values["risk_owner"] else None
        )
    if "target" in values:
        try:
            target = int(values["target"])
        except ValueError:
            raise BadInput("value.out_of_range", value=values["target"], low=0, high=3) from None
        org.set_target_maturity(chain_id, target)
    print(t("org.changed", lang, name=args.name), file=out)
    return EXIT_OK


def link(service: Any, args: argparse.Namespace, lang: str, out: TextIO) -> int:
    from kanban_sec.services.ros import run_by_of

    org = _org(service, lang)
    if args.action == "run-by":
        from kanban_sec.services.ros import RosService

        side = run_by_of(args.side)
        RosService(service.session).set_run_by(args.chain, args.name, side)
        print(
            t(
                "roscli.run_by_set",
                lang,
                chain=args.chain,
                link=args.name,
                side=t(f"ros.run_by.{side}", lang),
            ),
            file=out,
        )
        return EXIT_OK
    run_by = run_by_of(args.run_by) if args.run_by is not None else None
    responsible = org.find_unit_id(args.responsible) if args.responsible else None
    org.add_link(
        org.find_chain_id(args.chain),
        args.name,
        kind=args.kind,
        country=args.country,
        responsible_unit_id=responsible,
        maturity=args.maturity,
        run_by=run_by,
    )
    print(t("org.link_added", lang, name=args.name, chain=args.chain), file=out)
    return EXIT_OK


COMMANDS = {"people": people, "person": person, "unit": unit, "chain": chain, "link": link}
