"""Risk governance on the command line: `recommend`, `decide`, `risks`, `verify`,
`reject`, `policy` and `matrix`, over the same :class:`GovernanceService` the window uses.

The acting person is the author (``KANBAN_SEC_USER`` or the login name) matched to a person
by name; the service refuses by role (exit status 2 with one line saying who may).
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import Any, TextIO

from kanban_sec.cli.output import ascii_json
from kanban_sec.cli.table import print_matrix_grid
from kanban_sec.domain.errors import BadInput, FieldProblem
from kanban_sec.domain.ids import short_id
from kanban_sec.domain.text import t

EXIT_OK = 0


def add_parsers(sub: Any) -> None:
    """Risk governance: recommendations, decisions, verification, policy, the ROS matrix."""
    decisions = "accept, reduce, share or avoid (aksepter, reduser, del, unngå)"
    p = sub.add_parser("recommend", help="IT's risk recommendation for an item or a chain")
    p.add_argument("item", nargs="?", metavar="ITEM", help="the item (or give --chain)")
    p.add_argument("decision", metavar="DECISION", help=decisions)
    p.add_argument("--chain", help="the whole chain, by name")
    p.add_argument("--note", help="why IT recommends it")

    p = sub.add_parser(
        "decide", help="the risk owner's decision for a ROS risk, an item or a chain"
    )
    p.add_argument("item", nargs="?", metavar="ITEM", help="the item (or give --risk or --chain)")
    p.add_argument("decision", metavar="DECISION", help=decisions)
    p.add_argument(
        "--risk", help="a ROS risk: its id, short key (6+ characters) or title; its treatment"
    )
    p.add_argument("--chain", help="the whole chain, by name")
    p.add_argument("--rationale", required=True, help="why (recorded with the decision)")
    p.add_argument(
        "--valid-until",
        "--until",
        dest="valid_until",
        metavar="DATE",
        help="the last day an acceptance holds (YYYY-MM-DD or dd.mm.yyyy)",
    )
    p.add_argument(
        "--target",
        metavar="L,C",
        help="with --risk: the likelihood and consequence the treatment aims at, e.g. 2,3",
    )

    p = sub.add_parser("risks", help="risk cases: recommendation, decision, who, valid until")
    p.add_argument(
        "item", nargs="?", metavar="ITEM", help="only this item's cases (and its chain's)"
    )
    p.add_argument("--json", action="store_true", help="print a JSON array")

    p = sub.add_parser(
        "verify", help="approve finished work in Verify: it moves to Done (controlling members)"
    )
    p.add_argument("item", metavar="ITEM")
    p.add_argument("--evidence", required=True, help="a link or a note on what was checked")

    p = sub.add_parser("reject", help="send work in Verify back to Doing (controlling members)")
    p.add_argument("item", metavar="ITEM")
    p.add_argument("--reason", required=True, help="why the work goes back")

    p = sub.add_parser(
        "policy",
        help="which items need verification before done (no "
        "options: print it; changing it takes a governing member)",
    )
    score = p.add_mutually_exclusive_group()
    score.add_argument(
        "--min-score",
        type=int,
        metavar="N",
        help="items scoring at least N need verification (0-75)",
    )
    score.add_argument(
        "--no-score", action="store_true", help="the score never requires verification"
    )
    p.add_argument(
        "--classifications",
        metavar="LIST",
        help="classifications that need verification, e.g. internal,confidential (empty: none)",
    )

    p = sub.add_parser(
        "wip",
        help="the columns' work-in-progress limits (no arguments: "
        "print them; setting one takes a governing member)",
    )
    p.add_argument("column", metavar="COLUMN", nargs="?", help="column key or name")
    p.add_argument("limit", metavar="LIMIT", nargs="?", help="a number, or none")
    p.add_argument(
        "--hard", action="store_true", help="refuse moves over the limit (default: warn)"
    )

    p = sub.add_parser(
        "matrix",
        help="the 5×5 ROS matrix: ROS risks per likelihood × consequence (current cell, "
        "inherent cells marked), with each cell's acceptance band",
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--items", action="store_true", help="count open items instead of ROS risks")
    p.add_argument("--chain", help="only this chain's risks")


def _governance(service: Any, lang: str) -> Any:
    from kanban_sec.services.governance import GovernanceService

    return GovernanceService(service.session)


def _chain_id(service: Any, name: str) -> str:
    return service.names().chain(name)


def _target(service: Any, args: argparse.Namespace) -> tuple[str | None, str | None]:
    """(item id, chain id) from ITEM or ``--chain CHAIN``: exactly one of them."""
    if getattr(args, "risk", None) is not None:
        raise BadInput("roscli.decide_one")
    if (args.item is None) == (args.chain is None):
        raise BadInput("risk.target_needed")
    if args.item is not None:
        return service.resolve(args.item), None
    return None, _chain_id(service, args.chain)


def _subject(service: Any, item_id: str | None, chain_id: str | None, lang: str) -> str:
    if item_id is not None:
        item = service.item(item_id)
        title = item.title if item is not None else ""
        return f"{title} ({short_id(item_id)})"
    chain = service.chains().get(chain_id or "")
    return t("gov.chain_subject", lang, chain=chain.name if chain else "")


def _decision_text(value: Any, lang: str) -> str:
    return t(f"decision.{value.value}", lang) if value is not None else ""


def _parse_day(text: str | None, option: str) -> date | None:
    from kanban_sec.domain.fields import parse_date

    if text is None:
        return None
    try:
        return parse_date(text)
    except FieldProblem as problem:
        raise BadInput("field.problem", field=option, problem=problem.msg) from None


# -- recommend and decide ------------------------------------------------------------------


def recommend(service: Any, args: argparse.Namespace, lang: str, out: TextIO) -> int:
    item_id, chain_id = _target(service, args)
    governance = _governance(service, lang)
    outcome = governance.recommend(
        args.decision, args.note or "", item_id=item_id, chain_id=chain_id
    )
    decision = next(
        d
        for d in governance.decisions(item_id=item_id, chain_id=chain_id)
        if d.id == outcome.row_id
    )
    print(
        t(
            "gov.recommended",
            lang,
            subject=_subject(service, item_id, chain_id, lang),
            decision=_decision_text(decision.recommendation, lang),
        ),
        file=out,
    )
    return EXIT_OK


def decide(service: Any, args: argparse.Namespace, lang: str, out: TextIO) -> int:
    valid_until = _parse_day(args.valid_until, "--valid-until")
    if args.risk is not None:
        if args.item is not None or args.chain is not None:
            raise BadInput("roscli.decide_one")
        return _decide_risk(service, args, valid_until, lang, out)
    if args.target is not None:
        raise BadInput("roscli.target_risk_only")
    item_id, chain_id = _target(service, args)
    governance = _governance(service, lang)
    outcome = governance.decide(
        args.decision, args.rationale, valid_until=valid_until, item_id=item_id, chain_id=chain_id
    )
    decision = next(
        d
        for d in governance.decisions(item_id=item_id, chain_id=chain_id)
        if d.id == outcome.row_id
    )
    subject = _subject(service, item_id, chain_id, lang)
    text = _decision_text(decision.decision, lang)
    if decision.valid_until is not None:
        print(
            t(
                "gov.decided_until",
                lang,
                subject=subject,
                decision=text,
                day=decision.valid_until.isoformat(),
            ),
            file=out,
        )
    else:
        print(t("gov.decided", lang, subject=subject, decision=text), file=out)
    return EXIT_OK


def _decide_risk(
    service: Any, args: argparse.Namespace, valid_until: date | None, lang: str, out: TextIO
) -> int:
    """The treatment of a ROS risk (``decide --risk``), with the target it aims at."""
    from kanban_sec.services.ros import RosService

    ros = RosService(service.session)
    target = _parse_target(args.target) if args.target is not None else None
    outcome = ros.decide(
        args.risk, args.decision, args.rationale, valid_until=valid_until, target=target
    )
    decision = next(d for d in ros.decisions(args.risk) if d.id == outcome.row_id)
    risk = ros.risk(decision.risk_id or "")
    subject = f"{risk.title} ({short_id(risk.id)})"
    text = _decision_text(decision.decision, lang)
    if decision.valid_until is not None:
        line = t(
            "gov.decided_until",
            lang,
            subject=subject,
            decision=text,
            day=decision.valid_until.isoformat(),
        )
    else:
        line = t("gov.decided", lang, subject=subject, decision=text)
    if target is not None:
        line += " · " + t("roscli.target", lang, likelihood=target[0], consequence=target[1])
    print(line, file=out)
    return EXIT_OK


def _parse_target(text: str) -> tuple[int, int]:
    """``2,3`` (or ``2x3``, ``2×3``, ``2 3``): the target likelihood and consequence."""
    from kanban_sec.domain.fields import parse_scale

    parts = text.replace("×", ",").replace("x", ",").replace("X", ",").replace(" ", ",")
    found = [p for p in parts.split(",") if p.strip()]
    if len(found) != 2:
        raise BadInput("roscli.bad_target", value=text)
    try:
        return parse_scale(found[0]), parse_scale(found[1])
    except FieldProblem as problem:
        raise BadInput("field.problem", field="--target", problem=problem.msg) from None


# -- risks ---------------------------------------------------------------------------------


def risks(service: Any, args: argparse.Namespace, lang: str, out: TextIO) -> int:
    """Risk cases, newest first: all of them, or an item's own and its chain's."""
    item_id = service.resolve(args.item) if args.item else None
    governance = _governance(service, lang)
    found = governance.decisions(item_id=item_id)
    today = governance.today()
    names = service.names()
    titles = service.titles({d.item_id for d in found if d.item_id})
    people = names.people

    def person(person_id: str | None) -> str:
        found_person = people.get(person_id) if person_id else None
        return found_person.name if found_person else ""

    def state(decision: Any) -> str:
        if decision.decision is None:
            return "pending"
        return "in_force" if decision.in_force(today) else "expired"

    cases = []
    for d in found:
        chain = names.chains.get(d.chain_id) if d.chain_id else None
        cases.append(
            {
                "id": d.id,
                "item_id": d.item_id,
                "item": titles.get(d.item_id) if d.item_id else None,
                "chain_id": d.chain_id,
                "chain": chain.name if chain else None,
                "recommendation": d.recommendation.value if d.recommendation else None,
                "recommended_by": person(d.recommended_by) or None,
                "recommendation_note": d.recommendation_note or None,
                "decision": d.decision.value if d.decision else None,
                "decided_by": person(d.decided_by) or None,
                "rationale": d.rationale or None,
                "valid_until": d.valid_until.isoformat() if d.valid_until else None,
                "decided_at": d.decided_at.isoformat(timespec="seconds") if d.decided_at else None,
                "state": state(d),
            }
        )
    if args.json:
        json.dump(cases, out, ensure_ascii=ascii_json(out), indent=2)
        out.write("\n")
        return EXIT_OK
    if not cases:
        print(t("gov.no_risks", lang), file=out)
        return EXIT_OK
    from kanban_sec.cli.table import Column, Table

    table = Table(
        [
            Column(
                t(f"gov.col.{key}", lang),
                main=key == "subject",
                key=key in ("recommendation", "decision", "until", "state"),
                optional=key in ("recommended_by", "decided_by"),
            )
            for key in (
                "subject",
                "recommendation",
                "recommended_by",
                "decision",
                "decided_by",
                "until",
                "state",
            )
        ]
    )
    for case in cases:
        subject = (
            f"{case['item'] or ''} ({short_id(case['item_id'])})"
            if case["item_id"]
            else t("gov.chain_subject", lang, chain=case["chain"] or "")
        )
        table.add_row(
            subject,
            t(f"decision.{case['recommendation']}", lang) if case["recommendation"] else "",
            case["recommended_by"] or "",
            t(f"decision.{case['decision']}", lang) if case["decision"] else "",
            case["decided_by"] or "",
            case["valid_until"] or "",
            t(f"gov.state.{case['state']}", lang),
        )
    table.print(out)
    explained = [c for c in cases if c["rationale"] or c["recommendation_note"]]
    if explained:
        print("", file=out)
    for case in explained:
        subject = short_id(case["item_id"]) if case["item_id"] else case["chain"] or ""
        if case["recommendation_note"]:
            print(
                f"  {subject} · {t('gov.col.recommendation', lang)}: {case['recommendation_note']}",
                file=out,
            )
        if case["rationale"]:
            print(f"  {subject} · {t('gov.col.decision', lang)}: {case['rationale']}", file=out)
    return EXIT_OK


# -- verification --------------------------------------------------------------------------


def verify(service: Any, args: argparse.Namespace, lang: str, out: TextIO) -> int:
    item_id = service.resolve(args.item)
    _governance(service, lang).verify(item_id, args.evidence)
    return _moved(service, item_id, "gov.verified", lang, out)


def reject(service: Any, args: argparse.Namespace, lang: str, out: TextIO) -> int:
    item_id = service.resolve(args.item)
    _governance(service, lang).reject(item_id, args.reason)
    return _moved(service, item_id, "gov.rejected", lang, out)


def _moved(service: Any, item_id: str, key: str, lang: str, out: TextIO) -> int:
    item = service.item(item_id)
    column = (
        next(c for c in service.columns() if c.key is item.status).name(lang)
        if item is not None
        else ""
    )
    print(t(key, lang, id=short_id(item_id), column=column), file=out)
    return EXIT_OK


# -- policy --------------------------------------------------------------------------------


def policy(service: Any, args: argparse.Namespace, lang: str, out: TextIO) -> int:
    """Print the board policy; with options, change it (governing members) and print it."""
    from kanban_sec.domain.fields import parse_classification

    governance = _governance(service, lang)
    changing = args.min_score is not None or args.no_score or args.classifications is not None
    if changing:
        current = governance.policy()
        min_score = (
            None
            if args.no_score
            else (args.min_score if args.min_score is not None else current.verify_min_score)
        )
        classes = current.verify_classifications
        if args.classifications is not None:
            try:
                classes = frozenset(
                    parse_classification(part)
                    for part in args.classifications.split(",")
                    if part.strip()
                )
            except FieldProblem as problem:
                raise BadInput(
                    "field.problem", field="--classifications", problem=problem.msg
                ) from None
        governance.set_policy(min_score, classes)
        print(t("gov.policy_saved", lang), file=out)
    _print_policy(governance.policy(), lang, out)
    return EXIT_OK


def _print_policy(current: Any, lang: str, out: TextIO) -> None:
    from kanban_sec.domain.governance import policy_text

    print(t("gov.policy_rule", lang, rule=policy_text(current).render(lang)), file=out)
    if current.verify_min_score is None:
        print(t("gov.policy_no_score", lang), file=out)
    else:
        print(t("gov.policy_score", lang, score=current.verify_min_score), file=out)
    from kanban_sec.domain.model import Classification

    classes = [c.value for c in Classification if c in current.verify_classifications]
    print(
        t(
            "gov.policy_classes",
            lang,
            classes=", ".join(t(f"classification.{c}", lang) for c in classes)
            or t("gov.none", lang),
        ),
        file=out,
    )


# -- the ROS matrix ------------------------------------------------------------------------


def matrix(service: Any, args: argparse.Namespace, lang: str, out: TextIO) -> int:
    """The 5×5 ROS matrix of ROS risks (:func:`kanban_sec.cli.ros.matrix`); with
    ``--items``, open items per likelihood (rows, 5 at the top) × consequence, each cell
    with its acceptance band (G, Y, R)."""
    from kanban_sec.domain.governance import CONSEQUENCE_LABELS, LIKELIHOOD_LABELS
    from kanban_sec.domain.model import SCALE_MAX, SCALE_MIN

    if not args.items:
        from kanban_sec.cli import ros

        return ros.matrix(service, args, lang, out)
    if args.chain is not None:
        raise BadInput("roscli.items_chain")
    governance = _governance(service, lang)
    cells = governance.matrix()
    unassessed = governance.unassessed()
    scale = range(SCALE_MIN, SCALE_MAX + 1)
    likelihood_labels = LIKELIHOOD_LABELS.get(lang, LIKELIHOOD_LABELS["en"])
    consequence_labels = CONSEQUENCE_LABELS.get(lang, CONSEQUENCE_LABELS["en"])
    if args.json:
        json.dump(
            {
                "likelihood_labels": {str(n): likelihood_labels[n - 1] for n in scale},
                "consequence_labels": {str(n): consequence_labels[n - 1] for n in scale},
                "cells": [
                    {
                        "likelihood": lk,
                        "consequence": co,
                        "open_items": cells[(lk, co)].open_items,
                        "accepted": cells[(lk, co)].accepted,
                        "band": cells[(lk, co)].band.value,
                    }
                    for lk in reversed(scale)
                    for co in scale
                ],
                "unassessed": unassessed,
            },
            out,
            ensure_ascii=ascii_json(out),
            indent=2,
        )
        out.write("\n")
        return EXIT_OK
    print(t("gov.matrix_title", lang), file=out)
    print("", file=out)

    def cell_text(lk: int, co: int) -> str:
        cell = cells[(lk, co)]
        accepted = f" ({cell.accepted})" if cell.accepted else ""
        return f"{cell.open_items}{accepted} {cell.band.letter}"

    print_matrix_grid(cell_text, likelihood_labels, consequence_labels, lang, out)
    accepted = sum(cell.accepted for cell in cells.values())
    if accepted:
        print(t("gov.matrix_accepted", lang, count=accepted), file=out)
    if unassessed:
        print(t("gov.matrix_unassessed", lang, count=unassessed), file=out)
    return EXIT_OK


def wip(service: Any, args: argparse.Namespace, lang: str, out: TextIO) -> int:
    """Print the columns' WIP limits; with COLUMN LIMIT, set one (governing members)."""
    from kanban_sec.domain.fields import parse_status

    if args.column is not None:
        try:
            status = parse_status(args.column)
        except FieldProblem as problem:
            raise BadInput("field.problem", field="COLUMN", problem=problem.msg) from None
        text = (args.limit or "").strip().casefold()
        if text in ("none", "ingen", "-", ""):
            limit = None
        elif text.isdigit():
            limit = int(text)
        else:
            raise BadInput("gov.bad_limit", value=args.limit)
        service.set_wip_limit(status, limit, hard=args.hard)
    for column in service.columns():
        if column.wip_limit is None:
            shown = t("gov.wip_none", lang)
        else:
            shown = t(
                "gov.wip_hard" if column.wip_hard else "gov.wip_soft", lang, limit=column.wip_limit
            )
        print(f"{column.name(lang)}: {shown}", file=out)
    return EXIT_OK


COMMANDS = {
    "wip": wip,
    "recommend": recommend,
    "decide": decide,
    "risks": risks,
    "verify": verify,
    "reject": reject,
    "policy": policy,
    "matrix": matrix,
}
