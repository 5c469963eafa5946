"""The standup report as values: what a standup looks at, names resolved, confidential
details left out. Built by :mod:`kanban_sec.services.standup`, written as Markdown or HTML
by :mod:`kanban_sec.exchange.standup_report`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from kanban_sec.domain.ids import short_id
from kanban_sec.domain.model import Status
from kanban_sec.domain.standup import ChangeKind, NoteKind, Standup


@dataclass(frozen=True)
class ItemRef:
    """An item as a report names it; ``title`` is ``None`` for a confidential item not shown."""

    id: str
    title: str | None
    rank: int | None
    status: Status | None

    @property
    def short(self) -> str:
        return short_id(self.id)


@dataclass(frozen=True)
class ChangeLine:
    """One item's change of one kind; which fields matter depends on ``kind``."""

    kind: ChangeKind
    item: ItemRef
    from_status: Status | None = None
    to_status: Status | None = None
    from_owner: str = ""
    to_owner: str = ""
    from_rank: int | None = None
    to_rank: int | None = None
    places: int = 0
    #: The blocked reason (now for *blocked*, before for *unblocked*); ``None``: hidden.
    reason: str | None = ""
    author: str = ""
    at: datetime | None = None


@dataclass(frozen=True)
class AgingLine:
    item: ItemRef
    status: Status
    entered: datetime
    days: int
    limit_days: int


@dataclass(frozen=True)
class BlockedLine:
    item: ItemRef
    status: Status
    reason: str | None
    since: datetime | None
    days: int | None


@dataclass(frozen=True)
class WipLine:
    status: Status
    count: int
    limit: int
    hard: bool


@dataclass(frozen=True)
class DelegableLine:
    item: ItemRef
    status: Status
    owner: str
    suggestions: tuple[str, ...]


@dataclass(frozen=True)
class NoteLine:
    kind: NoteKind
    item: ItemRef | None
    #: ``None`` when the note is about a confidential item not shown.
    body: str | None
    author: str
    at: datetime


@dataclass(frozen=True)
class RiskLine:
    """An acceptance in force that runs out soon: what it covers, until when, and who
    (the risk owner) decided it."""

    decision_id: str
    #: The item accepted (``None``: a whole chain's acceptance).
    item: ItemRef | None
    #: The chain's name (of a chain's acceptance, or of the item's chain).
    chain: str
    valid_until: date
    risk_owner: str
    #: Open items it holds out of the ranking.
    items: int


@dataclass(frozen=True)
class StandupReport:
    """Everything a standup looks at, names resolved, confidential details left out."""

    #: The standup reported on (``None``: a report of a period, e.g. ``--since DATE``).
    standup: Standup | None
    #: The earlier standup the board is compared with (``None``: compared with ``since``).
    baseline: Standup | None
    since: datetime
    until: datetime
    facilitator: str
    attendees: tuple[str, ...]
    changes: tuple[ChangeLine, ...]
    aging: tuple[AgingLine, ...]
    blocked: tuple[BlockedLine, ...]
    wip_over_limit: tuple[WipLine, ...]
    delegable: tuple[DelegableLine, ...]
    #: Risk acceptances in force that run out within 30 days, soonest first.
    risk_decisions_expiring: tuple[RiskLine, ...]
    notes: tuple[NoteLine, ...]
    lowest_level: int
    open_items: int
    include_confidential: bool = False

    def changes_of(self, kind: ChangeKind) -> list[ChangeLine]:
        return [c for c in self.changes if c.kind is kind]

    def item_ids(self) -> frozenset[str]:
        """Every item the report names (each once, whatever the section)."""
        refs: list[ItemRef | None] = [c.item for c in self.changes]
        refs += [a.item for a in self.aging] + [b.item for b in self.blocked]
        refs += [d.item for d in self.delegable] + [n.item for n in self.notes]
        refs += [r.item for r in self.risk_decisions_expiring]
        return frozenset(ref.id for ref in refs if ref is not None)
