"""The board's flow metrics, read from the change log: one scan per call, then
:mod:`kanban_sec.domain.flow` does the arithmetic.

A status transition is an item change record whose fields hold ``status`` (its new value
is the column entered, an insert's included); its time is the record's ``at``, its order
the log's (HLC, node). Deleted items are left out; the chain and owner filters look at the
items' current chain and owner unit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo

from kanban_sec.domain import flow
from kanban_sec.domain.bulk import collector_paused
from kanban_sec.domain.flow import (
    EVERYTHING,
    AgingItem,
    CfdDay,
    ItemFacts,
    ItemHistory,
    Scope,
    TimeDistribution,
    Transition,
    WeekCount,
    WipDay,
)
from kanban_sec.domain.model import Status
from kanban_sec.services.session import Session
from kanban_sec.store import change_log
from kanban_sec.store.unit_of_work import reading

_STATUS = {s.value: s for s in Status}
_parse_at = datetime.fromisoformat


@dataclass(frozen=True)
class FlowReport:
    """Every metric of the Metrics view for one range and scope, from one read."""

    start: date
    end: date
    cfd: list[CfdDay]
    wip: list[WipDay]
    lead_time: TimeDistribution
    cycle_time: TimeDistribution
    throughput: list[WeekCount]
    #: Aging WIP as of the range's end, or now if that is earlier.
    aging: list[AgingItem]
    aging_at: datetime


class FlowMetrics:
    """Flow metrics of one board; days are calendar days in ``tz``."""

    def __init__(
        self, session: Session, *, tz: tzinfo = UTC, clock: Callable[[], datetime] | None = None
    ) -> None:
        self.db = session.db
        self.tz = tz
        self._clock = clock or (lambda: datetime.now(UTC))

    # -- reading -------------------------------------------------------------------------
    def scan(self) -> tuple[list[Transition], dict[str, ItemFacts]]:
        """Every item status transition in the log, and the facts of the items not deleted."""
        with reading(self.db) as reader, collector_paused():
            facts = {row[0]: ItemFacts(row[1], row[2]) for row in reader.item_scopes()}
            status = _STATUS.get
            transitions = []
            for item_id, at, value in change_log.status_changes(reader):
                entered = status(value)
                if entered is not None:  # a value no column has (a newer replica's) is skipped
                    transitions.append(Transition(item_id, _parse_at(at), entered))
        return transitions, facts

    def transitions(self, scope: Scope = EVERYTHING) -> list[Transition]:
        """The status transitions of the items in ``scope`` that are not deleted."""
        transitions, facts = self.scan()
        admitted = {item_id for item_id, known in facts.items() if scope.admits(known)}
        return [t for t in transitions if t.item_id in admitted]

    def histories(self, scope: Scope = EVERYTHING) -> list[ItemHistory]:
        """Each item's status history, for the items in ``scope`` that are not deleted."""
        transitions, facts = self.scan()
        with collector_paused():
            return flow.histories(transitions, facts, scope)

    # -- metrics -------------------------------------------------------------------------
    def cfd(self, start: date, end: date, scope: Scope = EVERYTHING) -> list[CfdDay]:
        """Cumulative flow: column counts at the end of each day."""
        return flow.cfd(self.histories(scope), start, end, tz=self.tz)

    def wip(self, start: date, end: date, scope: Scope = EVERYTHING) -> list[WipDay]:
        """Work in progress (next + doing + verify) at the end of each day."""
        return flow.wip(self.histories(scope), start, end, tz=self.tz)

    def lead_time(self, start: date, end: date, scope: Scope = EVERYTHING) -> TimeDistribution:
        """Creation to completion, for items completed in the range."""
        return flow.lead_times(self.histories(scope), start, end, tz=self.tz)

    def cycle_time(self, start: date, end: date, scope: Scope = EVERYTHING) -> TimeDistribution:
        """First doing (else verify) to completion, for items completed in the range."""
        return flow.cycle_times(self.histories(scope), start, end, tz=self.tz)

    def throughput(self, start: date, end: date, scope: Scope = EVERYTHING) -> list[WeekCount]:
        """Completions per ISO week, weeks without any included."""
        return flow.throughput(self.histories(scope), start, end, tz=self.tz)

    def aging(self, scope: Scope = EVERYTHING, now: datetime | None = None) -> list[AgingItem]:
        """Open items in next, doing and verify with their age in column and since start."""
        return flow.aging(self.histories(scope), now or self._clock())

    def report(
        self, start: date, end: date, scope: Scope = EVERYTHING, now: datetime | None = None
    ) -> FlowReport:
        """All the metrics from one scan (what the Metrics view draws)."""
        items = self.histories(scope)
        days = flow.cfd(items, start, end, tz=self.tz)
        aging_at = min(now or self._clock(), flow.end_of_day(end, self.tz))
        return FlowReport(
            start,
            end,
            days,
            flow.wip_from_cfd(days),
            flow.lead_times(items, start, end, tz=self.tz),
            flow.cycle_times(items, start, end, tz=self.tz),
            flow.throughput(items, start, end, tz=self.tz),
            flow.aging(items, aging_at),
            aging_at,
        )
