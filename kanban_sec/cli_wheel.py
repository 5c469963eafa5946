"""`kanban-sec wheel`: the year's annual wheel as a table by month, its iCalendar export,
and generating the items that are due."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import Any, TextIO

from kanban_sec.domain.ids import short_id
from kanban_sec.domain.text import t

EXIT_OK = 0
_NO_ITEM = ("planned", "overdue", "skipped")


def command(service: Any, args: argparse.Namespace, lang: str, out: TextIO) -> int:
    """Run `wheel` with ``--year``, ``--ics FILE`` and ``--generate``; returns the exit status."""
    from kanban_sec.services.annual_wheel import AnnualWheel, check_year

    wheel = AnnualWheel(service.db, service.author, lang)
    today = date.today()
    year = check_year(args.year if args.year is not None else today.year)
    if args.generate:
        outcome = wheel.generate_due(today)
        for warning in outcome.warnings:
            print(f"kanban-sec: {warning.render(lang)}", file=sys.stderr)
        print(t("wheel.generated", lang, count=outcome.counts["generated"],
                today=today.isoformat()), file=out)
    if args.ics:
        count = wheel.export_ics(args.ics, year)
        print(t("wheel.ics_written", lang, count=count, year=year, path=args.ics), file=out)
    if not args.generate and not args.ics:
        _print_wheel(service, wheel.year_view(year, today), year, lang, out)
    return EXIT_OK


def _print_wheel(service: Any, entries: list[Any], year: int, lang: str, out: TextIO) -> None:
    from kanban_sec.services.names import Names
    from kanban_sec.store.unit_of_work import reading

    print(t("wheel.heading", lang, year=year), file=out)
    if not entries:
        print(t("wheel.empty", lang, year=year), file=out)
        return
    with reading(service.db) as reader:
        names = Names(reader)
    header = tuple(t(f"wheel.col_{name}", lang)
                   for name in ("date", "activity", "owner", "status", "item"))
    rows: list[tuple[int, tuple[str, ...]]] = []
    for entry in entries:
        activity = entry.activity
        person = names.people.get(activity.owner_person_id) if activity.owner_person_id else None
        unit = names.unit_path(activity.owner_unit_id).rsplit(" / ", 1)[-1]
        owner = person.name if person else unit
        status = (t(f"wheel.{entry.status}", lang) if entry.status in _NO_ITEM
                  else t(f"status.{entry.status}", lang))
        rows.append((entry.occurrence.month, (
            entry.occurrence.isoformat(), _cut(activity.title, 56), _cut(owner, 28), status,
            short_id(entry.item_id) if entry.item_id else "")))
    widths = [max(len(cells[i]) for cells in [header, *(r for _, r in rows)])
              for i in range(len(header))]

    def line(cells: tuple[str, ...]) -> str:
        return ("  " + "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True))).rstrip()

    print(line(header), file=out)
    month = 0
    for number, cells in rows:
        if number != month:
            month = number
            print(f"\n{t(f'wheel.month.{month}', lang)}", file=out)
        print(line(cells), file=out)
    overdue = sum(1 for e in entries if e.status == "overdue")
    print("\n" + t("wheel.summary", lang, count=len(entries), year=year, overdue=overdue),
          file=out)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
