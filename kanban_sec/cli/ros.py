"""ROS analysis on the command line: ``ros`` (information values, risks and their
assessments, the register, analyses, the scales' words) and ``flow`` (a chain's numbered
data flows), over the same :class:`RosService` the window uses.

IT estimates likelihood, the risk-owner unit judges consequence and values information,
and a governing member of the risk-owner unit decides (``decide --risk``): the rulebook
refuses anyone else with one line and exit status 2.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import Any, TextIO

from kanban_sec.cli.output import ascii_json
from kanban_sec.cli.ros_view import (
    TREATMENTS,
    assessed_text,
    print_flows,
    print_register,
    print_risk,
    risk_json,
    scale_text,
)
from kanban_sec.domain.errors import BadInput, FieldProblem
from kanban_sec.domain.ids import short_id
from kanban_sec.domain.text import t

EXIT_OK = 0

_KNOWLEDGE = "strength of knowledge: low, medium or high (lav, middels, høy)"


def add_parsers(sub: Any) -> None:
    """The ``ros`` and ``flow`` commands."""
    ros = sub.add_parser(
        "ros",
        help="ROS analysis: information values, risks, likelihood (IT), consequence and "
        "values (the risk-owner unit), the risk register, analyses, the scales' words",
    )
    acts = _actions(ros)
    from kanban_sec.cli import ros_report

    ros_report.add_report_parser(acts)
    p = acts.add_parser(
        "value", help="value a kind of information of a chain, C/I/A 1-5 (the risk-owner unit)"
    )
    p.add_argument("chain", metavar="CHAIN")
    p.add_argument("name", metavar="NAME", help="the kind of information, e.g. helseopplysninger")
    for side in ("confidentiality", "integrity", "availability"):
        p.add_argument(f"--{side}", metavar="N", help=f"{side} 1-5")
    p.add_argument("--notes", metavar="TEXT", help="why it is worth this")

    p = acts.add_parser("values", help="the information values of a chain (or of all chains)")
    p.add_argument("chain", metavar="CHAIN", nargs="?")
    p.add_argument("--json", action="store_true", help="print a JSON array")

    p = acts.add_parser("add", help="a new risk of a chain, unassessed; prints its id")
    p.add_argument("chain", metavar="CHAIN")
    p.add_argument("title", metavar="TITLE")
    _risk_text_options(p)

    for side, who in (
        ("likelihood", "IT's estimate (governing or operational members)"),
        ("consequence", "the business's judgement (members of the risk-owner unit)"),
    ):
        p = acts.add_parser(side, help=f"a risk's {side} 1-5: {who}")
        p.add_argument("risk", metavar="RISK", help="its id, short key (6+ characters) or title")
        p.add_argument("value", metavar="N", help="1-5 (? or unassessed: not assessed)")
        p.add_argument("--note", default="", help="why (kept with the value)")
        p.add_argument("--knowledge", metavar="LEVEL", help=_KNOWLEDGE)

    p = acts.add_parser(
        "list", help="the risk register, worst first: assessments, who and when, treatment"
    )
    p.add_argument("chain", metavar="CHAIN", nargs="?", help="only this chain's risks")
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.add_argument("--band", help="only risks in this band: green, yellow or red")
    p.add_argument("--treatment", help="only risks so decided: " + ", ".join(TREATMENTS))
    p.add_argument("--unassessed", action="store_true", help="only risks not fully assessed")
    p.add_argument(
        "--reassess",
        action="store_true",
        help="only risks to assess again (a measure done since) or whose decision went "
        "stale or expired",
    )
    p.add_argument("--link", help="only risks on this link (give CHAIN if names repeat)")

    p = acts.add_parser("show", help="one risk in full, with its history of decisions")
    p.add_argument("risk", metavar="RISK")
    p.add_argument("--json", action="store_true", help="print a JSON object")

    p = acts.add_parser("edit", help="change what a risk says (--link '' for the whole chain)")
    p.add_argument("risk", metavar="RISK")
    p.add_argument("--title")
    _risk_text_options(p)
    p.add_argument(
        "--no-values", action="store_true", help="the risk puts no information value at stake"
    )

    p = acts.add_parser("remove", help="delete a risk (its measures stay on the board)")
    p.add_argument("risk", metavar="RISK")

    p = acts.add_parser(
        "analysis", help="record a ROS analysis of a chain as it stands today; prints its id"
    )
    p.add_argument("chain", metavar="CHAIN")
    p.add_argument(
        "--participant", action="append", default=[], metavar="NAME", help="repeat for each"
    )
    p.add_argument("--date", metavar="DATE", help="when it was held (default: today)")
    p.add_argument("--decisions", default="", metavar="TEXT", help="what was decided")
    p.add_argument("--notes", default="", metavar="TEXT")

    p = acts.add_parser("analyses", help="the ROS analyses held, of a chain or of all")
    p.add_argument("chain", metavar="CHAIN", nargs="?")
    p.add_argument("--json", action="store_true", help="print a JSON array")

    p = acts.add_parser(
        "scale",
        help="the words of the likelihood and consequence scales (no arguments: print "
        "them; setting them takes a governing member)",
    )
    p.add_argument(
        "side",
        metavar="SCALE",
        nargs="?",
        help="likelihood or consequence (sannsynlighet, konsekvens)",
    )
    p.add_argument(
        "words",
        metavar="WORDS",
        nargs="?",
        help='five words from 1 to 5, "w1|w2|w3|w4|w5" ("" for the guidance\'s again)',
    )

    flow = sub.add_parser("flow", help="a chain's numbered data flows between its links")
    acts = _actions(flow)
    p = acts.add_parser("add", help="data flowing from one link to another; prints its number")
    p.add_argument("chain", metavar="CHAIN")
    p.add_argument("--from", dest="source", required=True, metavar="LINK")
    p.add_argument("--to", dest="target", required=True, metavar="LINK")
    p.add_argument("--data", required=True, metavar="TEXT", help="what data flows")
    p.add_argument("--notes", default="", metavar="TEXT")
    p = acts.add_parser("list", help="a chain's data flows in number order")
    p.add_argument("chain", metavar="CHAIN")
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p = acts.add_parser("remove", help="remove a data flow by its number")
    p.add_argument("chain", metavar="CHAIN")
    p.add_argument("number", metavar="NUMBER")
    ros_report.add_flow_csv_parsers(acts)


def _actions(parser: Any) -> Any:
    return parser.add_subparsers(
        dest="action", metavar="ACTION", required=True, parser_class=type(parser)
    )


def _risk_text_options(p: Any) -> None:
    p.add_argument("--link", help="the link it is on (default: the chain as a whole)")
    p.add_argument("--threat", help="who or what could cause it")
    p.add_argument("--vulnerability", help="the weakness it exploits")
    p.add_argument("--existing-measures", metavar="TEXT", help="what protects against it now")
    p.add_argument(
        "--value",
        action="append",
        dest="values",
        metavar="NAME",
        help="an information value at stake (repeat for each)",
    )


def _ros(service: Any) -> Any:
    from kanban_sec.services.ros import RosService

    return RosService(service.session)


def _parsed(option: str, parser: Any, text: str) -> Any:
    try:
        return parser(text)
    except FieldProblem as problem:
        raise BadInput("field.problem", field=option, problem=problem.msg) from None


def _scale(option: str, text: str | None) -> int | None:
    from kanban_sec.domain.fields import parse_scale

    return None if text is None else _parsed(option, parse_scale, text)


def _day(option: str, text: str | None) -> date | None:
    from kanban_sec.domain.fields import parse_date

    return None if text is None else _parsed(option, parse_date, text)


def _json(data: Any, out: TextIO) -> int:
    json.dump(data, out, ensure_ascii=ascii_json(out), indent=2)
    out.write("\n")
    return EXIT_OK


def _subject(risk: Any) -> str:
    return f"“{risk.title}” ({short_id(risk.id)})"


# -- ros -----------------------------------------------------------------------------------


def ros(service: Any, args: argparse.Namespace, lang: str, out: TextIO) -> int:
    if args.action == "report":
        from kanban_sec.cli import ros_report

        return ros_report.run_report(service, args, lang, out)
    return int(_ROS[args.action](service, args, lang, out))


def _value(service: Any, args: argparse.Namespace, lang: str, out: TextIO) -> int:
    levels = {
        side: _scale(f"--{side}", getattr(args, side))
        for side in ("confidentiality", "integrity", "availability")
    }
    ros_service = _ros(service)
    ros_service.set_value(args.chain, args.name, notes=args.notes, **levels)
    chain_id = service.names().chain(args.chain)
    value = next(
        v
        for v in ros_service.values()
        if v.chain_id == chain_id and v.name.casefold() == args.name.strip().casefold()
    )
    print(t("roscli.valued", lang, name=value.name, cia=_cia(value)), file=out)
    return EXIT_OK


def _cia(value: Any) -> str:
    return " ".join(
        f"{letter}{'?' if level is None else level}"
        for letter, level in zip(
            "CIA", (value.confidentiality, value.integrity, value.availability), strict=True
        )
    )


def _values(service: Any, args: argparse.Namespace, lang: str, out: TextIO) -> int:
    found = _ros(service).values(args.chain)
    names = service.names()
    rows = [
        {
            "id": v.id,
            "chain": names.chains[v.chain_id].name if v.chain_id in names.chains else None,
            "name": v.name,
            "confidentiality": v.confidentiality,
            "integrity": v.integrity,
            "availability": v.availability,
            "set_by": names.people[v.set_by].name if v.set_by in names.people else None,
            "set_at": v.set_at.isoformat(timespec="seconds") if v.set_at else None,
            "notes": v.notes or None,
        }
        for v in found
    ]
    if args.json:
        return _json(rows, out)
    if not rows:
        print(t("roscli.no_values", lang), file=out)
        return EXIT_OK
    from kanban_sec.cli.table import Column, Table

    table = Table(
        [
            Column(t("roscli.col.chain", lang), optional=True),
            Column(t("roscli.col.value", lang), main=True),
            Column("C", key=True, right=True),
            Column("I", key=True, right=True),
            Column("A", key=True, right=True),
            Column(t("roscli.col.set_by", lang), optional=True),
        ]
    )
    for row in rows:
        table.add_row(
            row["chain"] or "",
            row["name"],
            *(
                "?" if row[side] is None else str(row[side])
                for side in ("confidentiality", "integrity", "availability")
            ),
            row["set_by"] or "",
            note=row["notes"] or "",
        )
    table.print(out)
    return EXIT_OK


def _add(service: Any, args: argparse.Namespace, lang: str, out: TextIO) -> int:
    outcome = _ros(service).add_risk(
        args.chain,
        args.title,
        link=args.link,
        threat=args.threat or "",
        vulnerability=args.vulnerability or "",
        existing_measures=args.existing_measures or "",
        values=args.values or (),
    )
    print(outcome.row_id, file=out)  # the whole id alone, for scripts to capture
    return EXIT_OK


def _assess(service: Any, args: argparse.Namespace, lang: str, out: TextIO) -> int:
    from kanban_sec.domain.fields import parse_assessment

    value = _parsed(t(f"roscli.{args.action}", lang), parse_assessment, args.value)
    ros_service = _ros(service)
    method = (
        ros_service.assess_likelihood
        if args.action == "likelihood"
        else ros_service.assess_consequence
    )
    outcome = method(args.risk, value, args.note, args.knowledge)
    row = ros_service.row(outcome.row_id)
    words = ros_service.scales()[args.action]
    print(
        t(
            "roscli.assessed",
            lang,
            subject=_subject(row.risk),
            what=t(f"roscli.{args.action}", lang),
            value=assessed_text(value, words, lang),
            now=scale_text(row, lang),
        ),
        file=out,
    )
    return EXIT_OK


def _filter(service: Any, args: argparse.Namespace) -> Any:
    from kanban_sec.cli.ros_view import parse_band, parse_treatment
    from kanban_sec.domain.ros import RegisterFilter

    names = service.names()
    chain_id = names.chain(args.chain) if args.chain else None
    link_id = None
    if args.link:
        link_id = _find_link(names, chain_id, args.link)
    return RegisterFilter(
        chain_id=chain_id,
        link_id=link_id,
        band=parse_band(args.band) if args.band else None,
        treatment=parse_treatment(args.treatment) if args.treatment else None,
        unassessed=args.unassessed,
        reassess=args.reassess,
    )


def _find_link(names: Any, chain_id: str | None, text: str) -> str:
    from kanban_sec.domain.errors import NotFound

    if chain_id is not None:
        return str(names.link(chain_id, text))
    wanted = " ".join(text.split()).casefold()
    found = [k for k in names.links.values() if k.name.casefold() == wanted]
    if not found:
        raise NotFound("roscli.link_unknown", name=text)
    if len(found) > 1:
        raise BadInput(
            "roscli.link_ambiguous",
            name=text,
            chains=", ".join(sorted(names.chains[k.chain_id].name for k in found)),
        )
    return str(found[0].id)


def _list(service: Any, args: argparse.Namespace, lang: str, out: TextIO) -> int:
    ros_service = _ros(service)
    rows = ros_service.register(_filter(service, args))
    names = service.names()
    values = {v.id: v for v in ros_service.values()}
    if args.json:
        return _json([risk_json(r, names, values) for r in rows], out)
    if not rows:
        print(t("roscli.no_risks", lang), file=out)
        return EXIT_OK
    print_register(rows, ros_service.scales(), lang, out)
    return EXIT_OK


def _show(service: Any, args: argparse.Namespace, lang: str, out: TextIO) -> int:
    ros_service = _ros(service)
    row = ros_service.row(args.risk)
    names = service.names()
    values = {v.id: v for v in ros_service.values()}
    data = risk_json(row, names, values)
    decisions = ros_service.decisions(row.risk.id)
    data["decisions"] = [_decision_json(d, names) for d in decisions]
    if args.json:
        return _json(data, out)
    print_risk(row, data, ros_service.scales(), lang, out)
    return EXIT_OK


def _decision_json(decision: Any, names: Any) -> dict[str, Any]:
    person = names.people.get(decision.decided_by or "")
    covered = (decision.covers or {}).get(decision.risk_id) or [None, None, None, None]
    return {
        "id": decision.id,
        "decision": decision.decision.value if decision.decision else None,
        "decided_by": person.name if person else None,
        "decided_at": decision.decided_at.isoformat(timespec="seconds")
        if decision.decided_at
        else None,
        "rationale": decision.rationale or None,
        "valid_until": decision.valid_until.isoformat() if decision.valid_until else None,
        "likelihood": covered[0],
        "consequence": covered[1],
    }


def _edit(service: Any, args: argparse.Namespace, lang: str, out: TextIO) -> int:
    values = [] if args.no_values else args.values
    outcome = _ros(service).edit_risk(
        args.risk,
        title=args.title,
        link=args.link,
        threat=args.threat,
        vulnerability=args.vulnerability,
        existing_measures=args.existing_measures,
        values=values,
    )
    risk = _ros(service).risk(outcome.row_id)
    print(t("roscli.changed", lang, subject=_subject(risk)), file=out)
    return EXIT_OK


def _remove(service: Any, args: argparse.Namespace, lang: str, out: TextIO) -> int:
    ros_service = _ros(service)
    row = ros_service.row(args.risk)
    ros_service.remove_risk(row.risk.id)
    print(
        t("roscli.removed", lang, subject=_subject(row.risk), measures=len(row.measures)),
        file=out,
    )
    return EXIT_OK


def _analysis(service: Any, args: argparse.Namespace, lang: str, out: TextIO) -> int:
    outcome = _ros(service).open_analysis(
        args.chain,
        args.participant,
        held_on=_day("--date", args.date),
        decisions=args.decisions,
        notes=args.notes,
    )
    print(outcome.row_id, file=out)
    return EXIT_OK


def _analyses(service: Any, args: argparse.Namespace, lang: str, out: TextIO) -> int:
    found = _ros(service).analyses(args.chain)
    names = service.names()
    rows = [
        {
            "id": a.id,
            "chain": names.chains[a.chain_id].name if a.chain_id in names.chains else None,
            "held_on": a.held_on.isoformat(),
            "participants": list(a.participants),
            "risk_ids": list(a.risk_ids),
            "risks": len(a.risk_ids),
            "decisions": a.decisions or None,
            "notes": a.notes or None,
            "bands": a.bands.text(),
            "scales": {side: list(words) for side, words in a.scales.items()},
            "created_at": a.created_at.isoformat(timespec="seconds") if a.created_at else None,
        }
        for a in found
    ]
    if args.json:
        return _json(rows, out)
    if not rows:
        print(t("roscli.no_analyses", lang), file=out)
        return EXIT_OK
    from kanban_sec.cli.table import Column, Table

    table = Table(
        [
            Column(t("list.col.id", lang), key=True, style="cyan"),
            Column(t("roscli.col.held_on", lang), key=True),
            Column(t("roscli.col.chain", lang)),
            Column(t("roscli.col.risks", lang), key=True, right=True),
            Column(t("roscli.col.participants", lang), main=True),
        ]
    )
    for row in rows:
        table.add_row(
            short_id(row["id"]),
            row["held_on"],
            row["chain"] or "",
            str(row["risks"]),
            ", ".join(row["participants"]),
            note=row["decisions"] or "",
        )
    table.print(out)
    return EXIT_OK


def _scale_words(service: Any, args: argparse.Namespace, lang: str, out: TextIO) -> int:
    ros_service = _ros(service)
    from kanban_sec.services.ros import scale_side

    sides: tuple[str, ...] = ("likelihood", "consequence")
    if args.side is not None:
        sides = (scale_side(args.side),)
        if args.words is not None:
            ros_service.set_scale(args.side, args.words)
    own = ros_service.custom_scales()
    for side, words in ros_service.scales().items():
        if side not in sides:
            continue
        origin = t("roscli.scale_own" if side in own else "roscli.scale_guidance", lang)
        print(f"{t(f'roscli.{side}', lang).capitalize()} ({origin}):", file=out)
        for number, word in enumerate(words, start=1):
            print(f"  {number} {word}", file=out)
    return EXIT_OK


_ROS = {
    "value": _value,
    "values": _values,
    "add": _add,
    "likelihood": _assess,
    "consequence": _assess,
    "list": _list,
    "show": _show,
    "edit": _edit,
    "remove": _remove,
    "analysis": _analysis,
    "analyses": _analyses,
    "scale": _scale_words,
}


# -- flow ----------------------------------------------------------------------------------


def flow(service: Any, args: argparse.Namespace, lang: str, out: TextIO) -> int:
    if args.action in ("export", "import"):
        from kanban_sec.cli import ros_report

        return ros_report.run_flow_csv(service, args, lang, out)
    ros_service = _ros(service)
    if args.action == "add":
        outcome = ros_service.add_flow(args.chain, args.source, args.target, args.data, args.notes)
        number = next(f.number for f in ros_service.flows(args.chain) if f.id == outcome.row_id)
        print(number, file=out)
        return EXIT_OK
    if args.action == "remove":
        from kanban_sec.domain.fields import parse_int

        number = _parsed("NUMBER", lambda text: parse_int(text, 1, 1_000_000), args.number)
        ros_service.remove_flow(args.chain, number)
        print(t("roscli.flow_removed", lang, number=number, chain=args.chain), file=out)
        return EXIT_OK
    names = service.names()
    flows = ros_service.flows(args.chain)

    def link(link_id: str) -> Any:
        return names.links.get(link_id)

    rows = [
        {
            "id": f.id,
            "number": f.number,
            "from": link(f.from_link_id).name if link(f.from_link_id) else None,
            "to": link(f.to_link_id).name if link(f.to_link_id) else None,
            "data": f.data,
            "notes": f.notes or None,
            "from_run_by": link(f.from_link_id).run_by if link(f.from_link_id) else None,
            "to_run_by": link(f.to_link_id).run_by if link(f.to_link_id) else None,
        }
        for f in flows
    ]
    if args.json:
        return _json(rows, out)
    if not rows:
        print(t("roscli.no_flows", lang, chain=args.chain), file=out)
        return EXIT_OK
    print_flows(rows, lang, out)
    return EXIT_OK


# -- the ROS matrix of risks ---------------------------------------------------------------


def matrix(service: Any, args: argparse.Namespace, lang: str, out: TextIO) -> int:
    """The 5×5 ROS matrix of risks: each risk in its current cell, the cells where risks
    started (their inherent risk) marked, and the risks not yet assessed counted apart."""
    from kanban_sec.cli.ros_view import print_matrix
    from kanban_sec.domain.model import SCALE_MAX, SCALE_MIN
    from kanban_sec.domain.ros import RegisterFilter

    ros_service = _ros(service)
    where = RegisterFilter(chain_id=service.names().chain(args.chain)) if args.chain else None
    cells, unassessed, _bands = ros_service.matrix(where)
    words = ros_service.scales()
    scale = range(SCALE_MIN, SCALE_MAX + 1)
    if args.json:
        return _json(
            {
                "likelihood_labels": {str(n): words["likelihood"][n - 1] for n in scale},
                "consequence_labels": {str(n): words["consequence"][n - 1] for n in scale},
                "cells": [
                    {
                        "likelihood": lk,
                        "consequence": co,
                        "band": cells[(lk, co)].band.value,
                        "risks": len(cells[(lk, co)].current),
                        "risk_ids": list(cells[(lk, co)].current),
                        "inherent": len(cells[(lk, co)].inherent),
                        "inherent_ids": list(cells[(lk, co)].inherent),
                    }
                    for lk in reversed(scale)
                    for co in scale
                ],
                "assessed": sum(len(c.current) for c in cells.values()),
                "unassessed": unassessed,
            },
            out,
        )
    print_matrix(cells, unassessed, words, lang, out)
    return EXIT_OK


COMMANDS = {"ros": ros, "flow": flow}
