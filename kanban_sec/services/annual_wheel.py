"""The annual wheel's use cases: recurring activities, the items they put in the backlog
when due, the year's wheel, "keep it there", and the iCalendar export for Outlook.

Each call runs in one transaction and returns an :class:`Outcome`, like the board's.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any, NamedTuple

from kanban_sec.domain import annual_wheel as wheel
from kanban_sec.domain import fields as parse
from kanban_sec.domain.annual_wheel import Activity, Overdue
from kanban_sec.domain.errors import (
    BadInput,
    FieldProblem,
    KanbanError,
    Message,
    NotFound,
    Refused,
    msg,
)
from kanban_sec.domain.ids import new_id
from kanban_sec.domain.model import Effort, Item, Status
from kanban_sec.domain.ranking import assessed
from kanban_sec.domain.recurrence import to_rrule
from kanban_sec.domain.text import t
from kanban_sec.services.board import _insert_item
from kanban_sec.services.files import write_atomically
from kanban_sec.services.names import Names
from kanban_sec.services.outcome import Outcome
from kanban_sec.services.ros import insert_analysis
from kanban_sec.services.session import Service
from kanban_sec.store import ros_reader, rows
from kanban_sec.store.unit_of_work import Reader, UnitOfWork, reading, writing

#: Years the wheel can show (and the command line accepts).
YEAR_MIN, YEAR_MAX = 1900, 2999
CALENDAR_NAME = "kanban-sec årshjul"
#: Fields :meth:`AnnualWheel.edit_activity` may change.
EDITABLE = frozenset(Activity.__dataclass_fields__) - {"id"}


class WheelEntry(NamedTuple):
    """One occurrence on the wheel: its activity, its day, and what it shows.

    ``status`` is the column of its item (``backlog`` … ``done``), or ``planned``,
    ``overdue`` or ``skipped`` when there is no item (see :func:`wheel.wheel_states`).
    """

    activity: Activity
    occurrence: date
    status: str
    item_id: str | None
    #: Its day has passed and it is not done (no item yet, or its item still open).
    late: bool = False


class AnnualWheel(Service):
    """The annual wheel's use cases for one person (the author of every change)."""

    # -- activities --------------------------------------------------------------------
    def list_activities(self, *, include_inactive: bool = True) -> list[Activity]:
        """The activities (not deleted), by title."""
        with reading(self.db) as reader:
            found = reader.activities(active_only=not include_inactive)
        return sorted(found, key=lambda a: (a.title.casefold(), a.id))

    def activity(self, activity_id: str) -> Activity:
        with reading(self.db) as reader:
            return _must_activity(reader, activity_id)

    def resolve(self, reference: str) -> str:
        """The id of the activity ``reference`` names: its id, the start or end of its id
        (at least 4 characters, one activity only), or its title."""
        text = reference.strip()
        activities = self.list_activities()
        for activity in activities:
            if activity.id == text:
                return activity.id
        hex_text = text.replace("-", "").casefold()
        found = {
            a.id
            for a in activities
            if len(hex_text) >= 4
            and (
                a.id.replace("-", "").startswith(hex_text)
                or a.id.replace("-", "").endswith(hex_text)
            )
        }
        if not found:
            found = {
                a.id
                for a in activities
                if " ".join(a.title.split()).casefold() == " ".join(text.split()).casefold()
            }
        if len(found) == 1:
            return found.pop()
        if len(found) > 1:
            raise BadInput("wheel.ambiguous", id=reference, count=len(found))
        raise NotFound("wheel.not_found", id=reference)

    def add_activity(self, title: str, rrule: str, starts_on: date, **fields: Any) -> Outcome:
        """Add a recurring activity; ``rrule`` is an RRULE or plain words (nb or en), and
        ``fields`` are :class:`Activity` fields (domain values)."""
        unknown = set(fields) - EDITABLE
        if unknown:
            raise BadInput(
                "field.unknown", field=sorted(unknown)[0], choices=", ".join(sorted(EDITABLE))
            )
        activity = Activity(
            id=new_id(), title=title, rrule=to_rrule(rrule), starts_on=starts_on, **fields
        )
        with writing(self.db, self.author, self.person_id) as uow:
            insert_activity(uow, activity)
            return Outcome(tuple(uow.changes), (), activity.id)

    def edit_activity(self, activity_id: str, **changes: Any) -> Outcome:
        """Change fields (domain values); items already generated stay as they are."""
        unknown = set(changes) - EDITABLE
        if unknown:
            raise BadInput(
                "field.unknown", field=sorted(unknown)[0], choices=", ".join(sorted(EDITABLE))
            )
        if "rrule" in changes:
            changes["rrule"] = to_rrule(changes["rrule"])
        with writing(self.db, self.author, self.person_id) as uow:
            before = _must_activity(uow, activity_id)
            if (
                "chain_id" in changes
                and "link_id" not in changes
                and changes["chain_id"] != before.chain_id
            ):
                changes["link_id"] = None  # a link belongs to its chain
            after = _checked(uow, replace(before, **changes))
            if after == before:
                return Outcome((), (), activity_id)
            values = rows.activity_values(after)
            del values["id"]
            uow.update("activity", activity_id, values)
            return Outcome(tuple(uow.changes), (), activity_id)

    def add_from_text(self, title: str, values: Mapping[str, str]) -> Outcome:
        """:meth:`add_activity` from text as typed (see :data:`TEXT_FIELDS`); ``rule`` is
        required, ``starts`` defaults to today."""
        fields = self.fields_from_text(values, None)
        if "rrule" not in fields:
            raise BadInput("wheel.rule_required")
        rule = fields.pop("rrule")
        starts_on = fields.pop("starts_on", None) or date.today()
        return self.add_activity(title, rule, starts_on, **fields)

    def edit_from_text(self, activity_id: str, values: Mapping[str, str]) -> Outcome:
        """:meth:`edit_activity` from text as typed (see :data:`TEXT_FIELDS`)."""
        return self.edit_activity(
            activity_id, **self.fields_from_text(values, self.activity(activity_id))
        )

    def fields_from_text(
        self, values: Mapping[str, str], current: Activity | None
    ) -> dict[str, Any]:
        """Domain values for text values by field name; names of units, people, chains
        and links are looked up (an empty value clears an optional field)."""
        out: dict[str, Any] = {}
        named = {}
        for name, value in values.items():
            key = TEXT_FIELDS.get(name.strip().casefold().replace("-", "_"))
            if key is None:
                raise BadInput(
                    "field.unknown", field=name, choices=", ".join(sorted(set(TEXT_FIELDS)))
                )
            named[key] = (name, value)
        with reading(self.db) as reader:
            names = Names(reader)
            for key, (name, value) in named.items():
                try:
                    out[key] = _from_text(key, value, names)
                except FieldProblem as problem:
                    raise BadInput("field.problem", field=name, problem=problem.msg) from None
            if "link_id" in named and named["link_id"][1].strip():
                chain_id = out.get("chain_id", current.chain_id if current else None)
                if chain_id is None:
                    raise BadInput("wheel.link_needs_chain", link=named["link_id"][1])
                out["link_id"] = names.link(chain_id, named["link_id"][1])
            if "owner_person_id" in out and out["owner_person_id"] is not None:
                out["owner_person_id"] = names.person(
                    named["owner_person_id"][1], out.get("owner_unit_id")
                )
                if "owner_unit_id" not in out:
                    out["owner_unit_id"] = names.people[out["owner_person_id"]].unit_id
        return out

    def retire_activity(self, activity_id: str) -> Outcome:
        """Take an activity out of use: it makes no more items; it, its history and its
        items stay (bring it back with :meth:`reinstate_activity`)."""
        return self.edit_activity(activity_id, active=False)

    def reinstate_activity(self, activity_id: str) -> Outcome:
        """Put a retired activity back in use."""
        return self.edit_activity(activity_id, active=True)

    def delete_activity(self, activity_id: str) -> Outcome:
        """Take an activity off the wheel (a tombstone); its items stay on the board."""
        with writing(self.db, self.author, self.person_id) as uow:
            _must_activity(uow, activity_id)
            uow.tombstone("activity", activity_id)
            return Outcome(tuple(uow.changes), (), activity_id)

    # -- generating items --------------------------------------------------------------
    def generate_due(self, today: date | None = None) -> Outcome:
        """Put the items that are due by ``today`` in the backlog, each occurrence once.

        Cheap enough for every start: a read decides, and only when something is due is a
        write transaction opened (which decides again, so two processes cannot both
        write). ``counts["generated"]`` is how many items were made.
        """
        day = today or date.today()
        with reading(self.db) as reader:
            plan, warnings = due_plan(reader, day)
        if not plan:
            return Outcome(warnings=tuple(warnings), counts={"generated": 0})
        with writing(self.db, self.author, self.person_id) as uow:
            count, found = generate_in(uow, day, self.lang)
            return Outcome(tuple(uow.changes), tuple(found), None, {"generated": count})

    # -- the wheel ---------------------------------------------------------------------
    def year_view(self, year: int, today: date | None = None) -> list[WheelEntry]:
        """Every occurrence of the active activities in ``year``, by day then title."""
        check_year(year)
        day = today or date.today()
        with reading(self.db) as reader:
            activities = reader.activities(active_only=True)
            items = _items_of(reader, [a.id for a in activities])
        entries = []
        for activity in activities:
            known = items.get(activity.id, {})
            try:
                states = wheel.wheel_states(
                    activity,
                    year,
                    day,
                    {
                        occurrence: (None if deleted else status)
                        for occurrence, (_, status, deleted) in known.items()
                    },
                )
            except BadInput:
                continue  # a rule this version cannot read: generate_due reports it
            for occurrence, state in states:
                found = known.get(occurrence)
                late = occurrence < day and state not in ("done", wheel.SKIPPED)
                entries.append(
                    WheelEntry(
                        activity,
                        occurrence,
                        state,
                        found[0] if found and not found[2] else None,
                        late,
                    )
                )
        entries.sort(key=lambda e: (e.occurrence, e.activity.title.casefold(), e.activity.id))
        return entries

    # -- keep it there -----------------------------------------------------------------
    def keep_it_there(
        self,
        item_id: str,
        rrule: str,
        lead_days: int = 14,
        *,
        starts_on: date | None = None,
        overdue: Overdue = Overdue.CREATE,
    ) -> Outcome:
        """Make a done item whose link has reached its chain's target a recurring activity.

        Security is never done: what reached its target is checked again on a schedule.
        The activity starts ``starts_on`` (default today); if that day is an occurrence,
        the done item stands for it, so no item for it is generated again.
        """
        with writing(self.db, self.author, self.person_id) as uow:
            item = uow.item(item_id)
            if item is None:
                raise NotFound("item.not_found", id=item_id)
            if item.status is not Status.DONE:
                raise Refused("wheel.keep_not_done", title=item.title)
            names = Names(uow)
            chain = names.chains.get(item.chain_id) if item.chain_id else None
            link = names.links.get(item.link_id) if item.link_id else None
            if chain is None or link is None:
                raise Refused("wheel.keep_no_link", title=item.title)
            if link.maturity < chain.target_maturity:
                raise Refused(
                    "wheel.keep_below_target",
                    chain=chain.name,
                    link=link.name,
                    maturity=link.maturity,
                    target=chain.target_maturity,
                )
            for existing in uow.activities(active_only=False):
                if existing.source_item_id == item.id:
                    raise Refused("wheel.keep_exists", title=item.title, activity=existing.title)
            start = starts_on or date.today()
            note = t(
                "wheel.keep_note",
                self.lang,
                chain=chain.name,
                link=link.name,
                target=chain.target_maturity,
                title=item.title,
            )
            activity = insert_activity(
                uow,
                Activity(
                    id=new_id(),
                    title=item.title,
                    description=f"{item.description.rstrip()}\n\n{note}".lstrip(),
                    rrule=rrule,
                    starts_on=start,
                    lead_days=lead_days,
                    overdue=overdue,
                    owner_unit_id=item.owner_unit_id,
                    owner_person_id=item.owner_person_id,
                    chain_id=item.chain_id,
                    link_id=item.link_id,
                    likelihood=assessed(item.likelihood),
                    consequence=assessed(item.consequence),
                    effort=item.effort,
                    framework_ref=item.framework_ref,
                    tags=list(item.tags),
                    source_item_id=item.id,
                ),
            )
            if item.activity_id is None and wheel.activity_occurrences(activity, start, start):
                uow.update(
                    "item", item.id, {"activity_id": activity.id, "occurrence": start.isoformat()}
                )
            return Outcome(tuple(uow.changes), (), activity.id)

    # -- iCalendar ---------------------------------------------------------------------
    def export_ics(self, path: str | os.PathLike[str], year: int) -> int:
        """Write the wheel as an iCalendar file for Outlook; returns the number of series.

        One all-day VEVENT per active activity with its RRULE, starting at its first
        occurrence in ``year`` (or later), UID fixed per activity so that importing again
        updates the series instead of adding a second one.
        """
        data, count = self.ics(year)
        write_atomically(path, data)
        return count

    def ics(self, year: int) -> tuple[bytes, int]:
        """The iCalendar text of :meth:`export_ics`, and how many series it holds."""
        # Imported here: every start runs generate_due, and only an export needs icalendar.
        from icalendar import Calendar, Event, vRecur

        check_year(year)
        with reading(self.db) as reader:
            activities = reader.activities(active_only=True)
            names = Names(reader)
        calendar = Calendar()
        calendar.add("prodid", "-//kanban-sec//årshjul//NB")
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("method", "PUBLISH")
        calendar.add("x-wr-calname", CALENDAR_NAME)
        stamp = datetime.now(UTC).replace(microsecond=0)
        count = 0
        for activity in sorted(activities, key=lambda a: (a.title.casefold(), a.id)):
            try:
                first = wheel.occurrences(
                    activity.rrule,
                    activity.starts_on,
                    date(year, 1, 1),
                    date(9998, 12, 31),
                    limit=1,
                )
                last = wheel.last_occurrence(activity.rrule, activity.starts_on)
            except BadInput:
                continue
            if not first:
                continue
            recur = vRecur.from_ical(activity.rrule)
            if "COUNT" in recur:
                # COUNT counts from DTSTART, which may now be later: say where it ends.
                del recur["COUNT"]
                recur["UNTIL"] = [last]
            event = Event()
            event.add("uid", f"{activity.id}@kanban-sec")
            event.add("dtstamp", stamp)
            event.add("dtstart", first[0])
            event.add("dtend", first[0] + timedelta(days=1))
            event.add("rrule", recur)
            event.add("summary", activity.title)
            event.add("description", _event_text(activity, names, self.lang))
            if activity.tags:
                event.add("categories", activity.tags)
            event.add("transp", "TRANSPARENT")
            calendar.add_component(event)
            count += 1
        return calendar.to_ical(), count


#: Field names a person may type (command line) -> :class:`Activity` fields.
TEXT_FIELDS = {
    "title": "title",
    "description": "description",
    "rule": "rrule",
    "rrule": "rrule",
    "when": "rrule",
    "starts": "starts_on",
    "starts_on": "starts_on",
    "lead": "lead_days",
    "lead_days": "lead_days",
    "if_missed": "overdue",
    "overdue": "overdue",
    "owner": "owner_unit_id",
    "owner_unit": "owner_unit_id",
    "person": "owner_person_id",
    "owner_person": "owner_person_id",
    "chain": "chain_id",
    "link": "link_id",
    "likelihood": "likelihood",
    "consequence": "consequence",
    "effort": "effort",
    "framework_ref": "framework_ref",
    "tags": "tags",
    "active": "active",
}


def _from_text(key: str, value: str, names: Names) -> Any:
    """One field's domain value from text (a link and a person are looked up later)."""
    clean = value.strip()
    if key in ("title", "description", "rrule", "framework_ref"):
        return parse.parse_title(value) if key == "title" else parse.parse_text(value)
    if key == "starts_on":
        day = parse.parse_date(value)
        if day is None:
            raise FieldProblem(msg("value.required"))
        return day
    if key == "lead_days":
        return parse.parse_int(value, 0, 366)
    if key == "overdue":
        choices = {
            "create": Overdue.CREATE,
            "opprett": Overdue.CREATE,
            "skip": Overdue.SKIP,
            "hopp over": Overdue.SKIP,
            "hopp": Overdue.SKIP,
        }
        if clean.casefold() not in choices:
            raise FieldProblem(msg("wheel.bad_overdue", value=value))
        return choices[clean.casefold()]
    if key in ("likelihood", "consequence"):
        return parse.parse_scale(value)
    if key == "effort":
        return parse.parse_effort(value)
    if key == "tags":
        return parse.parse_tags(value)
    if key == "active":
        return parse.parse_bool(value)
    if not clean:
        return None
    if key == "owner_unit_id":
        return names.unit(clean)
    if key == "chain_id":
        return names.chain(clean)
    return clean  # link and person: looked up once the chain and the unit are known


# -- in a transaction (also used by the example board) -----------------------------------


def insert_activity(uow: UnitOfWork, activity: Activity) -> Activity:
    """Check an activity and its references, and add it; returns it as stored."""
    checked = _checked(uow, activity)
    uow.insert("activity", rows.activity_values(checked))
    return checked


def due_plan(reader: Reader, today: date) -> tuple[list[tuple[Activity, date]], list[Message]]:
    """The occurrences to generate by ``today``, and a warning per unreadable activity."""
    activities = reader.activities(active_only=True)
    items = _items_of(reader, [a.id for a in activities])
    plan: list[tuple[Activity, date]] = []
    warnings: list[Message] = []
    for activity in activities:
        try:
            days = wheel.due(activity, today, set(items.get(activity.id, {})))
        except KanbanError as error:
            warnings.append(msg("wheel.skipped_activity", title=activity.title, problem=error.msg))
            continue
        plan.extend((activity, day) for day in days)
    if plan:
        # An item made from an occurrence has a fixed id: one that exists (even deleted)
        # was made already, here or on a replica, whatever it says now.
        wanted = {wheel.item_id(a.id, day): (a, day) for a, day in plan}
        present = reader.item_ids_present(wanted)
        plan = [pair for key, pair in wanted.items() if key not in present]
    return plan, warnings


def generate_in(uow: UnitOfWork, today: date, lang: str) -> tuple[int, list[Message]]:
    """Put what is due by ``today`` in the backlog, within ``uow``; returns the count."""
    plan, warnings = due_plan(uow, today)
    if not plan:
        return 0, warnings
    names = Names(uow)
    for activity, day in plan:
        _insert_item(uow, occurrence_item(activity, day, names, lang))
        if wheel.is_ros_duty(activity):
            warnings += _open_ros_analysis(uow, activity, day, names, lang)
    return len(plan), warnings


def _open_ros_analysis(
    uow: UnitOfWork, activity: Activity, day: date, names: Names, lang: str
) -> list[Message]:
    """Open the analysis of a ROS duty's occurrence with its item (once: its id is fixed),
    dated the occurrence's day, the activity's person taking part."""
    if activity.chain_id not in names.chains:
        return [msg("rosreport.duty_no_chain", title=activity.title, occurrence=day.isoformat())]
    row_id = wheel.analysis_id(activity.id, day)
    if ros_reader.analysis_ids_present(uow, [row_id]):
        return []  # opened already, here or on a replica
    person = names.people.get(activity.owner_person_id or "")
    insert_analysis(
        uow,
        activity.chain_id,
        day,
        lang,
        [person.name] if person is not None else [],
        notes=t("wheel.item_note", lang, activity=activity.title, occurrence=day.isoformat()),
        activity_id=activity.id,
        occurrence=day,
        row_id=row_id,
    )
    return []


def occurrence_item(activity: Activity, day: date, names: Names, lang: str) -> Item:
    """The backlog item of one occurrence (references to deleted rows left out)."""
    note = t("wheel.item_note", lang, activity=activity.title, occurrence=day.isoformat())
    person = activity.owner_person_id if activity.owner_person_id in names.people else None
    link = activity.link_id if activity.link_id in names.links else None
    return Item(
        id=wheel.item_id(activity.id, day),
        title=wheel.occurrence_title(activity, day),
        status=Status.BACKLOG,
        description=f"{activity.description.rstrip()}\n\n{note}".lstrip(),
        chain_id=activity.chain_id if activity.chain_id in names.chains else None,
        link_id=link,
        likelihood=activity.likelihood,
        consequence=activity.consequence,
        effort=activity.effort,
        owner_unit_id=activity.owner_unit_id if activity.owner_unit_id in names.units else None,
        owner_person_id=person,
        framework_ref=activity.framework_ref,
        tags=list(activity.tags),
        due_date=day,
        activity_id=activity.id,
        occurrence=day,
    )


def add_activities_from_specs(
    uow: UnitOfWork, names: Names, specs: Iterable[Mapping[str, Any]], year: int
) -> int:
    """Add activities described by names (as in ``resources/demo/wheel.toml``); returns the
    count.

    Each first day is moved by whole years into ``year``: the example wheel starts the
    year it is loaded, so it never owes items for years before it existed.
    """
    count = 0
    for spec in specs:
        chain_id = names.chain(spec["chain"]) if spec.get("chain") else None
        link_id = names.link(chain_id, spec["link"]) if chain_id and spec.get("link") else None
        unit_id = names.unit(spec["owner_unit"])
        first = date.fromisoformat(spec["starts_on"])
        insert_activity(
            uow,
            Activity(
                id=new_id(),
                title=spec["title"],
                description=spec["description"],
                rrule=spec["rrule"],
                starts_on=_in_year(first, year),
                lead_days=spec["lead_days"],
                overdue=Overdue(spec["overdue"]),
                owner_unit_id=unit_id,
                owner_person_id=(
                    names.person(spec["owner_person"], unit_id)
                    if spec.get("owner_person")
                    else None
                ),
                chain_id=chain_id,
                link_id=link_id,
                likelihood=spec["likelihood"],
                consequence=spec["consequence"],
                effort=Effort(spec["effort"]) if spec.get("effort") else None,
                framework_ref=spec["framework_ref"],
                tags=list(spec["tags"]),
            ),
        )
        count += 1
    return count


def check_year(year: int) -> int:
    """A year the wheel can show, or :class:`BadInput`."""
    if not YEAR_MIN <= year <= YEAR_MAX:
        raise BadInput("wheel.bad_year", value=year, low=YEAR_MIN, high=YEAR_MAX)
    return year


# -- rows ------------------------------------------------------------------------------


def _must_activity(reader: Reader, activity_id: str) -> Activity:
    found = reader.activity(activity_id)
    if found is None:
        raise NotFound("wheel.not_found", id=activity_id)
    return found


def _items_of(
    reader: Reader, activity_ids: list[str]
) -> dict[str, dict[date, tuple[str, str, bool]]]:
    """Per activity, per occurrence: (item id, column, deleted) — deleted items included."""
    found: dict[str, dict[date, tuple[str, str, bool]]] = {}
    if not activity_ids:
        return found
    for activity_id, occurrence, item_id, status, deleted_at in reader.occurrence_items(
        activity_ids
    ):
        # Live items come last, so one wins over a deleted one for the same day.
        found.setdefault(activity_id, {})[date.fromisoformat(occurrence)] = (
            item_id,
            status,
            deleted_at is not None,
        )
    return found


def _checked(reader: Reader, activity: Activity) -> Activity:
    """The activity cleaned (see :func:`wheel.check_activity`), its references checked."""
    checked = wheel.check_activity(activity)
    names = Names(reader)
    unit_id, person_id = checked.owner_unit_id, checked.owner_person_id
    if person_id is not None:
        person = names.people.get(person_id)
        if person is None:
            raise NotFound("person.not_found", name=person_id)
        if unit_id is not None and person.unit_id != unit_id:
            raise BadInput("person.not_in_unit", person=person.name, unit=names.unit_path(unit_id))
        unit_id = person.unit_id
    if unit_id is not None and unit_id not in names.units:
        raise NotFound("unit.not_found", name=unit_id)
    chain_id, link_id = checked.chain_id, checked.link_id
    if link_id is not None:
        link = names.links.get(link_id)
        if link is None or (chain_id is not None and link.chain_id != chain_id):
            raise NotFound(
                "link.not_found",
                chain=names.chains[chain_id].name if chain_id in names.chains else "?",
                name=link_id,
            )
        chain_id = link.chain_id
    if chain_id is not None and chain_id not in names.chains:
        raise NotFound("chain.not_found", name=chain_id)
    return replace(checked, owner_unit_id=unit_id, chain_id=chain_id)


def _event_text(activity: Activity, names: Names, lang: str) -> str:
    lines = [activity.description.strip()] if activity.description.strip() else []
    person = names.people.get(activity.owner_person_id) if activity.owner_person_id else None
    unit = names.unit_path(activity.owner_unit_id)
    owner = " · ".join(part for part in (person.name if person else "", unit) if part)
    details = []
    if owner:
        details.append(t("wheel.ics_owner", lang, owner=owner))
    chain = names.chains.get(activity.chain_id) if activity.chain_id else None
    if chain is not None:
        link = names.links.get(activity.link_id) if activity.link_id else None
        details.append(
            t("wheel.ics_chain", lang, chain=f"{chain.name} › {link.name}" if link else chain.name)
        )
    if activity.framework_ref:
        details.append(t("wheel.ics_ref", lang, ref=activity.framework_ref))
    if details:
        lines.append("\n".join(details))
    return "\n\n".join(lines)


def _in_year(day: date, year: int) -> date:
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February
        return date(year, 2, 28)
