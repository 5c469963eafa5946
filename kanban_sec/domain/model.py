"""The entities of the board: organisation, chains and links, items, columns, changes.

Plain Python only: the store maps these, the services use them, the UI shows them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any


class Role(StrEnum):
    """What a person does for security work (governance, operations, internal control)."""

    GOVERNING = "governing"
    OPERATIONAL = "operational"
    CONTROLLING = "controlling"


class Classification(StrEnum):
    """How sensitive an item's details are."""

    OPEN = "open"
    INTERNAL = "internal"
    CONFIDENTIAL = "confidential"


class Effort(StrEnum):
    """T-shirt size of the work; smaller effort ranks first among equals."""

    XS = "XS"
    S = "S"
    M = "M"
    L = "L"
    XL = "XL"

    @property
    def order(self) -> int:
        return _EFFORT_ORDER[self]


_EFFORT_ORDER = {Effort.XS: 0, Effort.S: 1, Effort.M: 2, Effort.L: 3, Effort.XL: 4}
#: Sort position of an item whose effort is not estimated: after every estimated one.
EFFORT_UNKNOWN_ORDER = 5


class Status(StrEnum):
    """The board's columns, left to right."""

    BACKLOG = "backlog"
    NEXT = "next"
    DOING = "doing"
    VERIFY = "verify"
    DONE = "done"


STATUS_ORDER: tuple[Status, ...] = tuple(Status)

MATURITY_MIN = 0
MATURITY_MAX = 3
SCALE_MIN = 1
SCALE_MAX = 5


@dataclass(slots=True)
class OrgUnit:
    """A unit in the organisation tree, e.g. ``Oslo kommune / Origo / Drift``."""

    id: str
    name: str
    parent_id: str | None = None


@dataclass(slots=True)
class Person:
    """Somebody who works on, decides about or controls items."""

    id: str
    name: str
    unit_id: str | None
    role: Role = Role.OPERATIONAL


@dataclass(slots=True)
class Chain:
    """A service's value chain; only as strong as its weakest link."""

    id: str
    name: str
    risk_owner_unit_id: str | None = None
    target_maturity: int = MATURITY_MAX
    description: str = ""


@dataclass(slots=True)
class Link:
    """One component of a chain (device, network, vendor, cloud, integration...)."""

    id: str
    chain_id: str
    name: str
    kind: str = ""
    country: str = ""
    responsible_unit_id: str | None = None
    maturity: int = MATURITY_MIN
    #: ``municipality`` or ``supplier``: which side of the chain map's boundary it is on.
    run_by: str = "municipality"


@dataclass(slots=True)
class ChecklistEntry:
    """One line of an item's checklist."""

    text: str
    done: bool = False


@dataclass(slots=True)
class Comment:
    """A remark on an item, with its author and time."""

    id: str
    item_id: str
    author: str
    body: str
    created_at: datetime


@dataclass(slots=True)
class Item:
    """An improvement on the board."""

    id: str
    title: str
    status: Status = Status.BACKLOG
    description: str = ""
    chain_id: str | None = None
    link_id: str | None = None
    #: ``None``: nobody has judged it yet (shown as unassessed, counts 3 in the score).
    likelihood: int | None = None
    consequence: int | None = None
    effort: Effort | None = None
    owner_unit_id: str | None = None
    owner_person_id: str | None = None
    framework_ref: str = ""
    classification: Classification = Classification.OPEN
    tags: list[str] = field(default_factory=list)
    checklist: list[ChecklistEntry] = field(default_factory=list)
    blocked_reason: str = ""
    blocked_at: datetime | None = None
    due_date: date | None = None
    pinned_at: datetime | None = None
    pin_reason: str = ""
    created_at: datetime | None = None
    updated_at: datetime | None = None
    status_changed_at: datetime | None = None
    started_at: datetime | None = None
    done_at: datetime | None = None
    #: The annual wheel's activity that generated this item, and the occurrence's date.
    activity_id: str | None = None
    occurrence: date | None = None
    #: A controlling member must verify it before done (fixed when it entered Verify).
    needs_verification: bool = False
    #: Why an acceptance that covered it no longer does (JSON: who changed what), or "".
    acceptance_void: str = ""
    #: The ROS risk this item is a measure of: it then takes the risk's likelihood and
    #: consequence (its own are kept for when it leaves the risk).
    risk_id: str | None = None

    @property
    def is_open(self) -> bool:
        return self.status is not Status.DONE

    @property
    def pinned(self) -> bool:
        return self.pinned_at is not None

    @property
    def blocked(self) -> bool:
        return bool(self.blocked_reason)


@dataclass(slots=True)
class Column:
    """A board column with its work-in-progress limit (``None``: no limit)."""

    id: str
    key: Status
    name_nb: str
    name_en: str
    position: int
    wip_limit: int | None = None
    wip_hard: bool = False

    def name(self, lang: str) -> str:
        return self.name_nb if lang == "nb" else self.name_en


@dataclass(frozen=True, slots=True)
class Change:
    """One row written: which fields it set, with new and old values.

    The change log is at once the audit history, the undo source and the sync outbox.
    ``fields`` maps a field name to ``(new, old)``; values are JSON-ready.
    """

    id: str
    entity: str
    row_id: str
    fields: dict[str, tuple[Any, Any]]
    hlc: int
    node_id: str
    author: str
    at: datetime
