"""`kanban-sec wheel`: the year's annual wheel as a table by month, its iCalendar export,
generating the items that are due, and the activities: list, add, edit, retire, reinstate.

Every change goes through the annual wheel service under the rulebook; a role that may not
is refused with one line, exit 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Any, TextIO

from kanban_sec.cli.output import ascii_json
from kanban_sec.domain.errors import BadInput
from kanban_sec.domain.ids import short_id
from kanban_sec.domain.text import t

EXIT_OK = 0
_NO_ITEM = ("planned", "overdue", "skipped")
#: ``wheel add`` options, named as the fields of ``wheel edit`` (and the service).
_ADD_OPTIONS = (
    "rule",
    "starts",
    "lead",
    "if_missed",
    "chain",
    "link",
    "likelihood",
    "consequence",
    "owner",
    "person",
    "effort",
    "framework_ref",
    "tags",
    "description",
)


def add_parser(sub: Any) -> None:
    """The ``wheel`` command and its ACTION sub-commands."""
    p = sub.add_parser(
        "wheel",
        help="the annual wheel (årshjul): the year by month (no "
        "ACTION), or list, add, edit, retire its recurring activities",
    )
    p.add_argument("--year", type=int, help="the year to show (default: this year)")
    p.add_argument("--ics", help="write the year's occurrences as an iCalendar file")
    p.add_argument(
        "--generate",
        action="store_true",
        help="create the items that are due now (also done at every start)",
    )
    acts = p.add_subparsers(dest="action", metavar="ACTION", parser_class=type(p))
    q = acts.add_parser(
        "activities",
        help="every activity: id, title, when, chain › link, "
        "likelihood × consequence, owner, in use or retired",
    )
    q.add_argument("--json", action="store_true", help="print a JSON array")
    q = acts.add_parser("add", help="a new recurring activity")
    q.add_argument("title")
    q.add_argument(
        "--rule",
        required=True,
        metavar="WHEN",
        help="how often, in words ('second Tuesday of every month', 'hvert år "
        "1. mars') or as an RRULE (FREQ=MONTHLY;BYDAY=2TU)",
    )
    q.add_argument(
        "--starts", metavar="DATE", help="no occurrence before this day (default: today)"
    )
    q.add_argument(
        "--lead",
        metavar="DAYS",
        help="days before each date that its item goes on the board (default 14)",
    )
    q.add_argument(
        "--if-missed",
        metavar="create|skip",
        help="a missed date: create its item late (default) or skip to the next",
    )
    q.add_argument("--chain", help="the chain the duty belongs to")
    q.add_argument("--link", help="the link of that chain")
    q.add_argument("--likelihood", metavar="N", help="its items' likelihood, 1-5 (default 3)")
    q.add_argument("--consequence", metavar="N", help="its items' consequence, 1-5 (default 3)")
    q.add_argument("--owner", metavar="UNIT", help="the unit that does it")
    q.add_argument("--person", metavar="NAME", help="the person who does it")
    q.add_argument("--effort", metavar="XS|S|M|L|XL")
    q.add_argument("--framework-ref", metavar="REF", help="e.g. ISO 27001 8.2")
    q.add_argument(
        "--tags",
        help="separated by ; (the tag ROS, ros-analyse or ros-analysis makes it the chain's "
        "ROS duty: each date's item opens a ROS analysis of the chain, dated that day)",
    )
    q.add_argument("--description")
    q = acts.add_parser(
        "edit",
        help="change FIELD=VALUE ... ("
        + ", ".join(("title", *_ADD_OPTIONS))
        + "; an empty VALUE clears an optional field)",
    )
    q.add_argument("id", metavar="ID", help="the activity's id (or its start or end) or title")
    q.add_argument("values", nargs="+", metavar="FIELD=VALUE")
    for name, text in (
        ("retire", "take an activity out of use: no more items; its history and items stay"),
        ("reinstate", "put a retired activity back in use"),
    ):
        q = acts.add_parser(name, help=text)
        q.add_argument("id", metavar="ID", help="the activity's id (or its start or end) or title")


def command(service: Any, args: argparse.Namespace, lang: str, out: TextIO) -> int:
    """Run `wheel`: an ACTION, else ``--year``, ``--ics FILE`` and ``--generate``."""
    from kanban_sec.services.annual_wheel import AnnualWheel, check_year

    wheel = AnnualWheel(service.session)
    if getattr(args, "action", None):
        return int(_ACTIONS[args.action](wheel, args, lang, out))
    today = date.today()
    year = check_year(args.year if args.year is not None else today.year)
    if args.generate:
        outcome = wheel.generate_due(today)
        for warning in outcome.warnings:
            print(f"kanban-sec: {warning.render(lang)}", file=sys.stderr)
        print(
            t("wheel.generated", lang, count=outcome.counts["generated"], today=today.isoformat()),
            file=out,
        )
    if args.ics:
        count = wheel.export_ics(args.ics, year)
        print(t("wheel.ics_written", lang, count=count, year=year, path=args.ics), file=out)
    if not args.generate and not args.ics:
        _print_wheel(service, wheel.year_view(year, today), year, lang, out)
    return EXIT_OK


def _activities(wheel: Any, args: argparse.Namespace, lang: str, out: TextIO) -> int:
    from kanban_sec.domain.recurrence_words import describe
    from kanban_sec.services.names import names_of

    activities = wheel.list_activities()
    names = names_of(wheel.db)
    rows = []
    for a in activities:
        chain = names.chains.get(a.chain_id) if a.chain_id else None
        link = names.links.get(a.link_id) if a.link_id else None
        person = names.people.get(a.owner_person_id) if a.owner_person_id else None
        rows.append(
            {
                "id": a.id,
                "title": a.title,
                "when": describe(a.rrule, lang) or a.rrule,
                "rrule": a.rrule,
                "starts_on": a.starts_on.isoformat(),
                "lead_days": a.lead_days,
                "chain": chain.name if chain else None,
                "link": link.name if link else None,
                "likelihood": a.likelihood,
                "consequence": a.consequence,
                "owner_unit": names.unit_path(a.owner_unit_id) or None,
                "owner_person": person.name if person else None,
                "active": a.active,
            }
        )
    if args.json:
        json.dump(rows, out, ensure_ascii=ascii_json(out), indent=2)
        out.write("\n")
        return EXIT_OK
    from kanban_sec.cli.table import Column, Table

    table = Table(
        [
            Column(
                t(f"wheel.col_{name}", lang),
                key=name in ("id", "lc", "state"),
                main=name == "activity",
                optional=name == "chain",
                style="cyan" if name == "id" else "",
            )
            for name in ("id", "activity", "when", "chain", "lc", "owner", "state")
        ]
    )
    for r in rows:
        table.add_row(
            short_id(r["id"]),
            r["title"],
            r["when"],
            f"{r['chain']} › {r['link'] or t('link.unnamed', lang)}" if r["chain"] else "",
            f"{r['likelihood']}×{r['consequence']}",
            r["owner_person"] or (r["owner_unit"] or "").rsplit(" / ", 1)[-1],
            t("wheel.state_in_use" if r["active"] else "wheel.state_retired", lang),
        )
    table.print(out)
    return EXIT_OK


def _add(wheel: Any, args: argparse.Namespace, lang: str, out: TextIO) -> int:
    values = {name: getattr(args, name) for name in _ADD_OPTIONS if getattr(args, name) is not None}
    outcome = wheel.add_from_text(args.title, values)
    return _said(wheel, outcome.row_id, "wheel.added", lang, out)


def _edit(wheel: Any, args: argparse.Namespace, lang: str, out: TextIO) -> int:
    activity_id = wheel.resolve(args.id)
    values: dict[str, str] = {}
    for text in args.values:
        name, sep, value = text.partition("=")
        if not sep or not name.strip():
            raise BadInput("field.assignment", value=text)
        values[name.strip()] = value
    outcome = wheel.edit_from_text(activity_id, values)
    return _said(
        wheel, activity_id, "wheel.edited" if outcome.changed else "wheel.unchanged", lang, out
    )


def _retire(wheel: Any, args: argparse.Namespace, lang: str, out: TextIO) -> int:
    activity_id = wheel.resolve(args.id)
    if args.action == "retire":
        wheel.retire_activity(activity_id)
    else:
        wheel.reinstate_activity(activity_id)
    return _said(wheel, activity_id, f"wheel.{args.action}d", lang, out)


def _said(wheel: Any, activity_id: str, key: str, lang: str, out: TextIO) -> int:
    """One line: what happened to which activity, and when it falls (words and RRULE)."""
    from kanban_sec.domain.recurrence_words import describe

    activity = wheel.activity(activity_id)
    words = describe(activity.rrule, lang)
    when = f"{words} ({activity.rrule})" if words else activity.rrule
    print(t(key, lang, id=short_id(activity.id), title=activity.title, when=when), file=out)
    return EXIT_OK


_ACTIONS = {
    "activities": _activities,
    "add": _add,
    "edit": _edit,
    "retire": _retire,
    "reinstate": _retire,
}


def _print_wheel(service: Any, entries: list[Any], year: int, lang: str, out: TextIO) -> None:
    print(t("wheel.heading", lang, year=year), file=out)
    if not entries:
        print(t("wheel.empty", lang, year=year), file=out)
        return
    names = service.names()
    from kanban_sec.cli.table import Column, Table

    table = Table(
        [
            Column(
                t(f"wheel.col_{name}", lang),
                key=name in ("date", "status", "item"),
                main=name == "activity",
                style="cyan" if name == "item" else "",
            )
            for name in ("date", "activity", "owner", "status", "item")
        ],
        indent=2,
    )
    month = 0
    for entry in entries:
        activity = entry.activity
        person = names.people.get(activity.owner_person_id) if activity.owner_person_id else None
        unit = names.unit_path(activity.owner_unit_id).rsplit(" / ", 1)[-1]
        owner = person.name if person else unit
        status = (
            t(f"wheel.{entry.status}", lang)
            if entry.status in _NO_ITEM
            else t(f"status.{entry.status}", lang)
        )
        if entry.late and entry.status != "overdue":  # its item is still open after its day
            status += f" · {t('wheel.overdue', lang)}"
        if entry.occurrence.month != month:
            month = entry.occurrence.month
            table.add_heading(t(f"wheel.month.{month}", lang))
        table.add_row(
            entry.occurrence.isoformat(),
            activity.title,
            owner,
            status,
            short_id(entry.item_id) if entry.item_id else "",
        )
    table.print(out)
    overdue = sum(1 for e in entries if e.late)
    print("\n" + t("wheel.summary", lang, count=len(entries), year=year, overdue=overdue), file=out)
