"""The example board: a municipality's chains, organisation, people and items, written
with their history from the data files in ``resources/demo/``
(:mod:`kanban_sec.exchange.example_board`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from kanban_sec.domain import annual_wheel as wheel
from kanban_sec.domain.errors import Refused
from kanban_sec.domain.ids import new_id
from kanban_sec.domain.model import (
    ChecklistEntry,
    Classification,
    Effort,
    Item,
    Role,
    Status,
)
from kanban_sec.domain.rules import covers_json
from kanban_sec.exchange.example_board import Example, read_example
from kanban_sec.services import annual_wheel
from kanban_sec.services.board import BoardService
from kanban_sec.services.demo_ros import dated as _dated
from kanban_sec.services.demo_ros import ros_analyses
from kanban_sec.services.names import Names
from kanban_sec.services.outcome import Outcome
from kanban_sec.services.standup import end_standup, start_standup
from kanban_sec.store import rows
from kanban_sec.store.unit_of_work import UnitOfWork, writing

#: Last week's standup of the example was held this many days before it is loaded.
STANDUP_DAYS_AGO = 7
#: The example's wheel leaves the newest occurrence of this many activities late (overdue)
#: when it was missed within this many days; every other passed occurrence is done.
LATE_OCCURRENCES = 2
LATE_DAYS = 31
_PROGRESS = {Status.BACKLOG: 0, Status.NEXT: 1, Status.DOING: 2, Status.VERIFY: 3, Status.DONE: 4}


def load_demo(
    service: BoardService, today: date | None = None, folder: Path | None = None
) -> Outcome:
    """Fill an empty board with the example; refuses a board that already has items.

    The example is set up by its governing member at the top of the organisation (its
    ``lead``): after the organisation, every record is written in her name
    and passes the rulebook as hers — so she can push the whole board to a fresh sync
    server without a refusal. What others said is quoted with their names.

    ``today``: load it as if it were that day (at this time of day), e.g. to see the
    example's annual wheel in another month; every date of the example follows it.
    ``folder``: the example's data files (default: ``resources/demo/``).
    """
    example = read_example(folder)
    with writing(service.db, service.author, service.person_id) as uow:
        existing = uow.count_items()
        if existing:
            raise Refused("demo.not_empty", count=existing, path=str(service.db.path))
        if today is None:
            return _load(uow, service, date.today(), example)
        with _dated(uow, datetime.combine(today, datetime.now().time()).astimezone()):
            return _load(uow, service, today, example)


def _load(uow: UnitOfWork, service: BoardService, today: date, example: Example) -> Outcome:
    """Write the example within ``uow``, as of ``uow.now`` (on ``today``)."""
    names = Names(uow)
    for path in example.units:
        names.ensure_unit(uow, path)
    for person in example.people:
        names.ensure_person(uow, person["name"], names.unit(person["unit"]), Role(person["role"]))
    uow.act_as(names.person(example.lead))
    for chain in example.chains:
        names.ensure_chain(
            uow,
            chain["name"],
            names.unit(chain["risk_owner"]),
            chain["target_maturity"],
            chain["description"],
        )
    for link in example.links:
        names.ensure_link(
            uow,
            names.chain(link["chain"]),
            link["name"],
            kind=link["kind"],
            country=link["country"],
            responsible_unit_id=names.unit(link["responsible_unit"]),
            maturity=link["maturity"],
            run_by=link.get("run_by", "municipality"),
        )
    # The items as they stood at last week's standup; what happened since comes after it.
    then = uow.now - timedelta(days=STANDUP_DAYS_AGO)
    week = {entry["item"]: entry for entry in example.last_week}
    by_title: dict[str, str] = {}
    since: list[tuple[int, dict[str, Any]]] = []
    for number, spec in enumerate(example.items):
        if spec["age"] < timedelta(days=STANDUP_DAYS_AGO):
            since.append((number, spec))
            continue
        entry = week.get(spec["title"])
        stood = {**spec, **entry["was"]} if entry else spec
        by_title[spec["title"]] = _write_item(uow, names, stood, number, then if entry else uow.now)
    _risk_cases(uow, example.risk_cases, by_title, today)
    # The annual wheel as a team keeps it: what came due this year is done (a late one
    # or two aside), and the items it has due on the day the example is loaded (in the
    # backlog by last week's standup already: the standup is about the work).
    activities = annual_wheel.add_activities_from_specs(uow, names, example.activities, today.year)
    kept = _keep_wheel(uow, names, today, then, service.lang)
    with _dated(uow, then):
        generated, _ = annual_wheel.generate_in(uow, today, service.lang)
    # Last week's standup, held on the board as it stood then: the next standup shows
    # what changed since (moves, a block lifted and one new, a hand-down, a re-rank, new
    # items), not the whole example as new.
    attendees = sorted(names.people, key=lambda pid: names.people[pid].name)[:4]
    with _dated(uow, then):
        standup_id = start_standup(uow, attendees, then.astimezone().date())
    with _dated(uow, then + timedelta(minutes=20)):
        end_standup(uow, standup_id)
    specs = {spec["title"]: spec for spec in example.items}
    for entry in example.last_week:
        _changed_since(uow, names, by_title[entry["item"]], specs[entry["item"]], entry)
    for number, spec in since:
        by_title[spec["title"]] = _write_item(uow, names, spec, number, uow.now)
    ros_analyses(uow, names, example.ros, by_title, today)
    count = len(by_title) + kept
    return Outcome(
        tuple(uow.changes),
        (),
        None,
        {
            "items": count + generated,
            "activities": activities,
            "generated": generated,
            "kept": kept,
        },
    )


def wheel_kept(
    passed: Mapping[str, Sequence[date]], today: date
) -> tuple[list[tuple[str, date]], list[tuple[str, date]]]:
    """How the example's team kept its wheel this year: of the occurrences (by activity)
    whose day has passed, ``(done, late)`` as (activity, day) pairs, oldest first.

    All are done but the newest occurrence of up to :data:`LATE_OCCURRENCES` activities
    missed within :data:`LATE_DAYS` days: the example shows what overdue looks like, on a
    team that is not months behind whatever the day it is loaded.
    """
    days = sorted(
        (
            (day, key)
            for key, found in passed.items()
            for day in found
            if date(today.year, 1, 1) <= day < today
        ),
        reverse=True,
    )
    late: list[tuple[date, str]] = []
    for day, key in days:
        if len(late) == LATE_OCCURRENCES or (today - day).days > LATE_DAYS:
            break
        if all(key != other for _, other in late):
            late.append((day, key))
    return (
        [(key, day) for day, key in reversed(days) if (day, key) not in late],
        [(key, day) for day, key in reversed(late)],
    )


def _keep_wheel(uow: UnitOfWork, names: Names, today: date, then: datetime, lang: str) -> int:
    """This year's occurrences whose day has passed, as the team kept them (see
    :func:`wheel_kept`); returns how many items that wrote.

    Each item is its activity's owner's, made ``lead_days`` before its day. A done one was
    done on its day, or before last week's standup if its day came since (the week since
    is the story of ``resources/demo/last_week.toml``); a late one still waits in the backlog.
    """
    activities = {a.title: a for a in uow.activities(active_only=True)}
    passed = {
        title: wheel.activity_occurrences(
            activity, date(today.year, 1, 1), today - timedelta(days=1)
        )
        for title, activity in activities.items()
    }
    done, late = wheel_kept(passed, today)
    for (title, day), status in [
        *((pair, Status.DONE) for pair in done),
        *((pair, Status.BACKLOG) for pair in late),
    ]:
        activity = activities[title]
        item = annual_wheel.occurrence_item(activity, day, names, lang)
        finished = min(_at(day, 13), then - timedelta(hours=1))
        # (A day before it was done at the latest, whatever the lead time.)
        made = min(_at(day - timedelta(days=activity.lead_days), 8), finished - timedelta(days=1))
        if status is not Status.DONE:
            finished = made
        values = rows.item_values(item)
        values["created_at"] = rows.ts(made)
        _write_with_history(uow, values, made, finished, status)
    return len(done) + len(late)


def _at(day: date, hour: int) -> datetime:
    """``hour`` o'clock on ``day``, local time."""
    return datetime(day.year, day.month, day.day, hour).astimezone()


def _item_of(
    uow: UnitOfWork, names: Names, spec: dict[str, Any], number: int, now: datetime
) -> tuple[Item, datetime]:
    """An example item as it stands at ``now``, and when it entered its column (``number``:
    its place in the file, which orders the pins)."""
    created = uow.now - spec["age"]
    status = Status(spec["status"])
    # Work moves right over its life: later columns entered more recently.
    entered = created + (now - created) * (_PROGRESS[status] / 5)
    chain_id = names.chain(spec["chain"]) if spec["chain"] else None
    link_id = names.link(chain_id, spec["link"]) if chain_id and spec["link"] else None
    unit_id = names.unit(spec["owner_unit"])
    return Item(
        id=new_id(),
        title=spec["title"],
        status=status,
        description=spec["description"],
        chain_id=chain_id,
        link_id=link_id,
        likelihood=spec["likelihood"],
        consequence=spec["consequence"],
        effort=Effort(spec["effort"]) if spec["effort"] else None,
        owner_unit_id=unit_id,
        owner_person_id=(
            names.person(spec["owner_person"], unit_id) if spec["owner_person"] else None
        ),
        framework_ref=spec["framework_ref"],
        classification=Classification(spec["classification"]),
        tags=list(spec["tags"]),
        checklist=[ChecklistEntry(text, done) for text, done in spec["checklist"]],
        blocked_reason=spec["blocked_reason"],
        blocked_at=entered if spec["blocked_reason"] else None,
        due_date=(uow.now + timedelta(days=spec["due_in_days"])).date()
        if spec["due_in_days"] is not None
        else None,
        pinned_at=uow.now - timedelta(days=2, minutes=-number) if spec["pin_reason"] else None,
        pin_reason=spec["pin_reason"],
        created_at=created,
        status_changed_at=entered,
        started_at=entered if _PROGRESS[status] >= 2 else None,
        done_at=entered if status is Status.DONE else None,
    ), entered


def _write_item(
    uow: UnitOfWork, names: Names, spec: dict[str, Any], number: int, now: datetime
) -> str:
    """Write an example item as it stands at ``now`` (with its history and comments);
    returns its id."""
    item, entered = _item_of(uow, names, spec, number, now)
    assert item.created_at is not None
    values = rows.item_values(item)
    values["created_at"] = rows.ts(item.created_at)
    _write_with_history(uow, values, item.created_at, entered, item.status)
    for author, body in spec["comments"]:
        uow.insert(
            "comment",
            {
                "id": new_id(),
                "item_id": item.id,
                "author": uow.author,
                "body": _quoted(author, body, uow.author),
                "created_at": rows.ts(entered),
            },
        )
    return item.id


#: What changes an item in the week since last week's standup (``last_week.toml``).
_WEEK_FIELDS = (
    "status",
    "blocked_reason",
    "owner_unit_id",
    "owner_person_id",
    "likelihood",
    "consequence",
)


def _changed_since(
    uow: UnitOfWork, names: Names, item_id: str, spec: dict[str, Any], entry: dict[str, Any]
) -> None:
    """Bring an item from how it stood at last week's standup to how it stands now, on the
    day it happened, with what was said about it."""
    moment = uow.now - timedelta(days=entry["days_ago"])
    current = uow.row("item", item_id)
    assert current is not None
    now, _ = _item_of(uow, names, spec, 0, uow.now)
    wanted = rows.item_values(now)
    values = {name: wanted[name] for name in _WEEK_FIELDS if wanted[name] != current[name]}
    status = Status(wanted["status"])
    if "status" in values:
        values["status_changed_at"] = rows.ts(moment)
        if _PROGRESS[status] >= 2 and not current["started_at"]:
            values["started_at"] = rows.ts(moment)
        values["done_at"] = rows.ts(moment) if status is Status.DONE else None
    if "blocked_reason" in values:
        values["blocked_at"] = rows.ts(moment) if wanted["blocked_reason"] else None
    with _dated(uow, moment):
        uow.update("item", item_id, values)
        uow.insert(
            "comment",
            {
                "id": new_id(),
                "item_id": item_id,
                "author": uow.author,
                "body": _quoted(entry["said_by"], entry["said"], uow.author),
            },
        )


def _quoted(person: str, text: str, writer: str) -> str:
    """What ``person`` said, as ``writer`` records it."""
    return text if person == writer else f"{person}: {text}"


def _risk_cases(
    uow: UnitOfWork, cases: Sequence[Mapping[str, Any]], by_title: dict[str, str], today: date
) -> None:
    """IT's recommendations and the risk owners' decisions of the example, as its lead
    records them: two accepted risks (one running out within the month) and one
    recommendation awaiting its owner."""
    for case in cases:
        row_id = new_id()
        item_id = by_title[case["item"]]
        values: dict[str, Any] = {}
        if case.get("recommendation"):
            values.update(
                recommendation=case["recommendation"],
                recommended_by=uow.actor.person_id,
                recommendation_note=_quoted(
                    case["recommended_by"], case["recommendation_note"], uow.author
                ),
            )
        if case.get("decision"):
            item = uow.world.row("item", item_id)
            values.update(
                decision=case["decision"],
                decided_by=uow.actor.person_id,
                rationale=_quoted(case["decided_by"], case["rationale"], uow.author),
                valid_until=(today + timedelta(days=case["valid_days"])).isoformat(),
                decided_at=rows.ts(uow.now - timedelta(days=case["decided_days_ago"])),
                covers=covers_json([item] if item else []),
            )
        uow.insert("risk_decision", {"id": row_id, "item_id": item_id, "chain_id": None, **values})


def _write_with_history(
    uow: UnitOfWork, values: dict[str, Any], created: datetime, entered: datetime, status: Status
) -> None:
    """Write an example item as its life went: made in the backlog, then moved right column
    by column until it entered its column at ``entered``, each change dated when it happened
    (so the flow metrics and the standup have a history to show)."""
    real_now, real_text = uow.now, uow.now_text
    # Work that needs no verification goes from Doing straight to Done (the rulebook lets
    # only a controlling member with evidence take it out of Verify).
    path = [
        s
        for s in Status
        if _PROGRESS[s] <= _PROGRESS[status] and not (status is Status.DONE and s is Status.VERIFY)
    ]
    steps = len(path) - 1
    moments = [
        created + (entered - created) * (k / steps) if steps else created for k in range(len(path))
    ]
    try:
        uow.now, uow.now_text = created, rows.ts(created)
        uow.insert(
            "item",
            {
                **values,
                "status": Status.BACKLOG.value,
                "status_changed_at": rows.ts(created),
                "started_at": None,
                "done_at": None,
            },
        )
        started: datetime | None = None
        for column, moment in zip(path[1:], moments[1:], strict=True):
            uow.now, uow.now_text = moment, rows.ts(moment)
            if started is None and _PROGRESS[column] >= _PROGRESS[Status.DOING]:
                started = moment
            uow.update(
                "item",
                values["id"],
                {
                    "status": column.value,
                    "status_changed_at": rows.ts(moment),
                    "started_at": rows.ts(started) if started else None,
                    "done_at": rows.ts(moment) if column is Status.DONE else None,
                },
            )
    finally:
        uow.now, uow.now_text = real_now, real_text
