"""Between database rows (text, integers, JSON) and domain objects."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

from kanban_sec.domain.annual_wheel import Activity, Overdue
from kanban_sec.domain.governance import Decision, RiskDecision, Verdict, Verification
from kanban_sec.domain.model import (
    Chain,
    ChecklistEntry,
    Classification,
    Column,
    Comment,
    Effort,
    Item,
    Link,
    OrgUnit,
    Person,
    Role,
    Status,
)


def ts(moment: datetime) -> str:
    """A time as stored: UTC, ISO 8601, microseconds, ``Z`` (sorts as text)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_ts(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def parse_day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def checklist_json(entries: Sequence[ChecklistEntry]) -> str:
    return json.dumps([[e.text, e.done] for e in entries], ensure_ascii=False)


def parse_checklist(text: str | None) -> list[ChecklistEntry]:
    return [ChecklistEntry(str(t), bool(d)) for t, d in json.loads(text or "[]")]


def tags_json(tags: Sequence[str]) -> str:
    return json.dumps(list(tags), ensure_ascii=False)


UNIT_COLUMNS = "id, name, parent_id"
PERSON_COLUMNS = "id, name, unit_id, role"
CHAIN_COLUMNS = "id, name, risk_owner_unit_id, target_maturity, description"
LINK_COLUMNS = "id, chain_id, name, kind, country, responsible_unit_id, maturity, run_by"
COLUMN_COLUMNS = "id, key, name_nb, name_en, position, wip_limit, wip_hard"
ITEM_COLUMNS = (
    "id, title, status, description, chain_id, link_id, likelihood, consequence, effort,"
    " owner_unit_id, owner_person_id, framework_ref, classification, tags, checklist,"
    " blocked_reason, blocked_at, due_date, pinned_at, pin_reason, created_at, updated_at,"
    " status_changed_at, started_at, done_at, activity_id, occurrence, needs_verification,"
    " acceptance_void, risk_id"
)
COMMENT_COLUMNS = "id, item_id, author, body, created_at"


def unit_from(row: Sequence[Any]) -> OrgUnit:
    return OrgUnit(row[0], row[1], row[2])


def person_from(row: Sequence[Any]) -> Person:
    return Person(row[0], row[1], row[2], Role(row[3]))


def chain_from(row: Sequence[Any]) -> Chain:
    return Chain(row[0], row[1], row[2], row[3], row[4])


def link_from(row: Sequence[Any]) -> Link:
    return Link(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7])


def column_from(row: Sequence[Any]) -> Column:
    return Column(row[0], Status(row[1]), row[2], row[3], row[4], row[5], bool(row[6]))


def comment_from(row: Sequence[Any]) -> Comment:
    return Comment(row[0], row[1], row[2], row[3], datetime.fromisoformat(row[4]))


_STATUS = {s.value: s for s in Status}
_EFFORT = {e.value: e for e in Effort}
_CLASS = {c.value: c for c in Classification}


def item_from(row: Sequence[Any]) -> Item:
    """An item from a row selected with :data:`ITEM_COLUMNS` (hot path: 100,000 rows)."""
    return Item(
        row[0],
        row[1],
        _STATUS[row[2]],
        row[3],
        row[4],
        row[5],
        row[6],
        row[7],
        _EFFORT[row[8]] if row[8] else None,
        row[9],
        row[10],
        row[11],
        _CLASS[row[12]],
        json.loads(row[13]) if row[13] != "[]" else [],
        parse_checklist(row[14]) if row[14] != "[]" else [],
        row[15],
        parse_ts(row[16]),
        parse_day(row[17]),
        parse_ts(row[18]),
        row[19],
        parse_ts(row[20]),
        parse_ts(row[21]),
        parse_ts(row[22]),
        parse_ts(row[23]),
        parse_ts(row[24]),
        row[25],
        parse_day(row[26]),
        bool(row[27]),
        row[28],
        row[29],
    )


def item_values(item: Item) -> dict[str, Any]:
    """The stored values of an item (timestamps excepted: the unit of work sets those)."""
    return {
        "id": item.id,
        "title": item.title,
        "status": item.status.value,
        "description": item.description,
        "chain_id": item.chain_id,
        "link_id": item.link_id,
        "likelihood": item.likelihood,
        "consequence": item.consequence,
        "effort": item.effort.value if item.effort else None,
        "owner_unit_id": item.owner_unit_id,
        "owner_person_id": item.owner_person_id,
        "framework_ref": item.framework_ref,
        "classification": item.classification.value,
        "tags": tags_json(item.tags),
        "checklist": checklist_json(item.checklist),
        "blocked_reason": item.blocked_reason,
        "blocked_at": ts(item.blocked_at) if item.blocked_at else None,
        "due_date": item.due_date.isoformat() if item.due_date else None,
        "pinned_at": ts(item.pinned_at) if item.pinned_at else None,
        "pin_reason": item.pin_reason,
        "status_changed_at": ts(item.status_changed_at) if item.status_changed_at else None,
        "started_at": ts(item.started_at) if item.started_at else None,
        "done_at": ts(item.done_at) if item.done_at else None,
        "activity_id": item.activity_id,
        "occurrence": item.occurrence.isoformat() if item.occurrence else None,
        "needs_verification": int(item.needs_verification),
        "acceptance_void": item.acceptance_void,
        "risk_id": item.risk_id,
    }


RISK_DECISION_COLUMNS = (
    "id, item_id, chain_id, recommendation, recommended_by, recommendation_note, decision,"
    " decided_by, rationale, valid_until, decided_at, created_at, covers, risk_id"
)
VERIFICATION_COLUMNS = "id, item_id, verdict, verified_by, evidence, created_at"


def risk_decision_from(row: Sequence[Any]) -> RiskDecision:
    return RiskDecision(
        row[0],
        row[1],
        row[2],
        Decision(row[3]) if row[3] else None,
        row[4],
        row[5],
        Decision(row[6]) if row[6] else None,
        row[7],
        row[8],
        parse_day(row[9]),
        parse_ts(row[10]),
        parse_ts(row[11]),
        _covers(row[12]),
        row[13],
    )


def _covers(text: str | None) -> dict[str, tuple[Any, ...]] | None:
    """What a decision covers: item id → (likelihood, consequence, chain, link)."""
    if not text:
        return None
    return {item_id: tuple(values) for item_id, values in json.loads(text).items()}


def verification_from(row: Sequence[Any]) -> Verification:
    return Verification(
        row[0], row[1], Verdict(row[2]), row[3], row[4], datetime.fromisoformat(row[5])
    )


ACTIVITY_COLUMNS = (
    "id, title, description, rrule, starts_on, lead_days, overdue, owner_unit_id,"
    " owner_person_id, chain_id, link_id, likelihood, consequence, effort, framework_ref, tags,"
    " source_item_id, active"
)


def activity_from(row: Sequence[Any]) -> Activity:
    """An activity from a row selected with :data:`ACTIVITY_COLUMNS`."""
    return Activity(
        id=row[0],
        title=row[1],
        description=row[2],
        rrule=row[3],
        starts_on=date.fromisoformat(row[4]),
        lead_days=row[5],
        overdue=Overdue(row[6]),
        owner_unit_id=row[7],
        owner_person_id=row[8],
        chain_id=row[9],
        link_id=row[10],
        likelihood=row[11],
        consequence=row[12],
        effort=Effort(row[13]) if row[13] else None,
        framework_ref=row[14],
        tags=json.loads(row[15]),
        source_item_id=row[16],
        active=bool(row[17]),
    )


def activity_values(activity: Activity) -> dict[str, Any]:
    """The stored values of an activity (timestamps excepted: the unit of work sets those)."""
    return {
        "id": activity.id,
        "title": activity.title,
        "description": activity.description,
        "rrule": activity.rrule,
        "starts_on": activity.starts_on.isoformat(),
        "lead_days": activity.lead_days,
        "overdue": activity.overdue.value,
        "owner_unit_id": activity.owner_unit_id,
        "owner_person_id": activity.owner_person_id,
        "chain_id": activity.chain_id,
        "link_id": activity.link_id,
        "likelihood": activity.likelihood,
        "consequence": activity.consequence,
        "effort": activity.effort.value if activity.effort else None,
        "framework_ref": activity.framework_ref,
        "tags": json.dumps(list(activity.tags), ensure_ascii=False),
        "source_item_id": activity.source_item_id,
        "active": int(activity.active),
    }
