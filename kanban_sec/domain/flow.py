"""Lean flow metrics from the items' status histories: cumulative flow, lead and cycle
time, throughput per week, WIP over time and aging WIP.

The rules, as the Metrics view shows them:

- An item's history is its status transitions in the order they were written; its
  creation enters its first column. A time earlier than the one before it (a clock set
  back) counts as that earlier time, so no item leaves a column before entering it.
- Days are calendar days in a time zone (UTC unless told). "At the end of a day" is the
  midnight that ends it: a move at 23:59 counts for that day, one at 00:00 for the next.
- Completion, and reopened items: an item is complete while it is in ``done`` now, and
  its completion is its *last* entry into done. Reopening forgets the earlier completion:
  the item counts again only when it is done again, then once, at the new time. So
  throughput summed over all weeks equals the items done now, and lead and cycle time end
  at the final completion. An item that entered the board already done (created in done,
  e.g. imported finished work) never flowed: it has no completion unless it is reopened
  and done again. The CFD and WIP are the board as it was on each day, so they do show
  the days a reopened item spent in done.
- Lead time runs from creation to completion. Cycle time runs from the first entry into
  ``doing``; an item never in doing starts at its first entry into ``verify``; an item in
  neither has no cycle time. Both are in days (floats), over items completed in the range.
- Percentiles use the nearest-rank method, as Kanban tools do: the p-th percentile of n
  values is the value at rank ceil(p/100 * n) of the sorted values, so it is always one
  of the measured durations: "85% of the items took this long or less".
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import NamedTuple

from kanban_sec.domain.model import STATUS_ORDER, Status

#: The columns counted as work in progress (WIP over time, aging WIP).
IN_PROGRESS: tuple[Status, ...] = (Status.NEXT, Status.DOING, Status.VERIFY)
#: The percentiles the Metrics view shows.
PERCENTILES: tuple[int, ...] = (50, 85, 95)
_DAY_SECONDS = 86_400.0


class Transition(NamedTuple):
    """An item entering a column at a moment (timezone-aware)."""

    item_id: str
    at: datetime
    status: Status


class Step(NamedTuple):
    """One entry into a column within an item's history."""

    at: datetime
    status: Status


@dataclass(frozen=True, slots=True)
class ItemFacts:
    """What the filters look at: an item's current chain and owner unit."""

    chain_id: str | None = None
    owner_unit_id: str | None = None


@dataclass(frozen=True, slots=True)
class Scope:
    """Which items count. ``None`` admits any value; a set admits its members, and
    ``None`` inside the set admits items without a chain (or without an owner unit).
    For an owner and its sub-units, pass the whole subtree (e.g. ``OrgTree.subtree``)."""

    chain_ids: frozenset[str | None] | None = None
    owner_unit_ids: frozenset[str | None] | None = None

    @classmethod
    def of(
        cls,
        chain_ids: Collection[str | None] | None = None,
        owner_unit_ids: Collection[str | None] | None = None,
    ) -> Scope:
        """A scope from any collections of ids."""
        return cls(
            None if chain_ids is None else frozenset(chain_ids),
            None if owner_unit_ids is None else frozenset(owner_unit_ids),
        )

    @property
    def everything(self) -> bool:
        return self.chain_ids is None and self.owner_unit_ids is None

    def admits(self, facts: ItemFacts) -> bool:
        return (self.chain_ids is None or facts.chain_id in self.chain_ids) and (
            self.owner_unit_ids is None or facts.owner_unit_id in self.owner_unit_ids
        )


EVERYTHING = Scope()


@dataclass(frozen=True, slots=True)
class ItemHistory:
    """One item's entries into columns, oldest first, times never decreasing."""

    item_id: str
    steps: tuple[Step, ...]

    @property
    def created(self) -> datetime:
        return self.steps[0].at

    @property
    def status(self) -> Status:
        """The column the item is in now (after its last transition)."""
        return self.steps[-1].status

    @property
    def completed(self) -> datetime | None:
        """The last entry into done if the item is done now and ever was elsewhere."""
        steps = self.steps
        if steps[-1].status is not Status.DONE:
            return None
        k = len(steps) - 1
        while k > 0 and steps[k - 1].status is Status.DONE:
            k -= 1  # a repeated "done" (a merge from another replica) is no new entry
        return steps[k].at if k > 0 else None

    @property
    def started(self) -> datetime | None:
        """The first entry into doing, else into verify, else ``None``."""
        verify = None
        for at, status in self.steps:
            if status is Status.DOING:
                return at
            if status is Status.VERIFY and verify is None:
                verify = at
        return verify

    @property
    def entered(self) -> datetime:
        """When the item entered its current column (its last change of column)."""
        steps = self.steps
        k = len(steps) - 1
        while k > 0 and steps[k - 1].status is steps[k].status:
            k -= 1
        return steps[k].at

    def as_of(self, moment: datetime) -> ItemHistory | None:
        """The history as known at ``moment``; ``None`` if the item did not exist yet."""
        steps = self.steps
        if steps[-1].at <= moment:
            return self
        known = tuple(s for s in steps if s.at <= moment)
        return ItemHistory(self.item_id, known) if known else None


def histories(
    transitions: Iterable[Transition],
    facts: Mapping[str, ItemFacts] | None = None,
    scope: Scope = EVERYTHING,
) -> list[ItemHistory]:
    """Each item's history from its transitions (in writing order), for the items in scope.

    With ``facts`` only the items it names count (the store leaves deleted ones out of it);
    without, every item counts and a filtering ``scope`` sees no chain and no owner.
    """
    grouped: dict[str, list[Step]] = {}
    for item_id, at, status in transitions:
        if at.tzinfo is None:
            raise ValueError(f"transition of {item_id} at {at} has no time zone")
        steps = grouped.get(item_id)
        if steps is None:
            grouped[item_id] = [Step(at, status)]
        else:
            last = steps[-1].at
            steps.append(Step(at if at >= last else last, status))
    out = []
    unknown = ItemFacts()
    for item_id, steps in grouped.items():
        if facts is not None:
            known = facts.get(item_id)
            if known is None or not scope.admits(known):
                continue
        elif not scope.everything and not scope.admits(unknown):
            continue
        out.append(ItemHistory(item_id, tuple(steps)))
    return out


# -- days and weeks ---------------------------------------------------------------------------


def days_between(start: date, end: date) -> list[date]:
    """Every day from ``start`` to ``end``, both included (none if ``end`` is before)."""
    return [start + timedelta(days=n) for n in range((end - start).days + 1)]


def end_of_day(day: date, tz: tzinfo = UTC) -> datetime:
    """The midnight that ends ``day`` in ``tz``."""
    return datetime.combine(day + timedelta(days=1), time(0), tzinfo=tz)


def day_of(moment: datetime, tz: tzinfo = UTC) -> date:
    return moment.astimezone(tz).date()


def _in_range(moment: datetime, start: date, end: date, tz: tzinfo) -> bool:
    return start <= day_of(moment, tz) <= end


def _days(delta: timedelta) -> float:
    return delta.total_seconds() / _DAY_SECONDS


# -- cumulative flow and WIP ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CfdDay:
    """How many items were in each column at the end of ``day`` (every column present)."""

    day: date
    counts: dict[Status, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True, slots=True)
class WipDay:
    """Open items in next, doing and verify at the end of ``day``."""

    day: date
    count: int


def cfd(items: Iterable[ItemHistory], start: date, end: date, *, tz: tzinfo = UTC) -> list[CfdDay]:
    """The cumulative flow diagram: column counts at the end of each day of the range."""
    days = days_between(start, end)
    n = len(days)
    if not n:
        return []
    ends = [end_of_day(day, tz) for day in days]
    # Per column, +1 on the first day an item is in it and -1 on the first day it is not:
    # a running sum then gives the counts, in time linear in transitions plus days.
    delta = {status: [0] * (n + 1) for status in STATUS_ORDER}
    for history in items:
        steps = history.steps
        first = bisect_right(ends, steps[0].at)
        for k in range(len(steps)):
            # In this column at the end of day i when it entered before that day's end
            # and had not yet left: i in [first, last).
            last = bisect_right(ends, steps[k + 1].at) if k + 1 < len(steps) else n
            if first < last:
                column = delta[steps[k].status]
                column[first] += 1
                column[last] -= 1
            first = last
    running = dict.fromkeys(STATUS_ORDER, 0)
    out = []
    for i, day in enumerate(days):
        for status in STATUS_ORDER:
            running[status] += delta[status][i]
        out.append(CfdDay(day, dict(running)))
    return out


def wip_from_cfd(days: Iterable[CfdDay]) -> list[WipDay]:
    """WIP per day from a cumulative flow diagram already computed."""
    return [WipDay(d.day, sum(d.counts[s] for s in IN_PROGRESS)) for d in days]


def wip(items: Iterable[ItemHistory], start: date, end: date, *, tz: tzinfo = UTC) -> list[WipDay]:
    """Work in progress (next + doing + verify) at the end of each day of the range."""
    return wip_from_cfd(cfd(items, start, end, tz=tz))


# -- lead time, cycle time, percentiles -------------------------------------------------------


def percentile(values: Sequence[float], p: int) -> float | None:
    """Nearest rank: the value at rank ceil(p/100 * n) of the sorted values (``None`` if
    there are none). ``p`` is a whole percent, 1 to 100."""
    if not 0 < p <= 100:
        raise ValueError(f"percentile {p} is not in 1..100")
    if not values:
        return None
    ordered = sorted(values)
    rank = -(-p * len(ordered) // 100)  # exact ceiling, no float rounding
    return ordered[rank - 1]


class Sample(NamedTuple):
    """One completed item's duration."""

    item_id: str
    completed: datetime
    days: float


@dataclass(frozen=True, slots=True)
class TimeDistribution:
    """Durations in days of the items completed in a range, with their percentiles."""

    samples: tuple[Sample, ...]
    #: The durations, shortest first.
    days: tuple[float, ...]
    p50: float | None
    p85: float | None
    p95: float | None

    @classmethod
    def of(cls, samples: Iterable[Sample]) -> TimeDistribution:
        ordered = tuple(sorted(samples, key=lambda s: (s.completed, s.item_id)))
        days = tuple(sorted(s.days for s in ordered))
        p50, p85, p95 = (percentile(days, p) for p in PERCENTILES)
        return cls(ordered, days, p50, p85, p95)

    @property
    def count(self) -> int:
        return len(self.days)


def lead_times(
    items: Iterable[ItemHistory], start: date, end: date, *, tz: tzinfo = UTC
) -> TimeDistribution:
    """Creation to completion, for the items completed in the range."""
    samples = []
    for history in items:
        done = history.completed
        if done is not None and _in_range(done, start, end, tz):
            samples.append(Sample(history.item_id, done, _days(done - history.created)))
    return TimeDistribution.of(samples)


def cycle_times(
    items: Iterable[ItemHistory], start: date, end: date, *, tz: tzinfo = UTC
) -> TimeDistribution:
    """First doing (else first verify) to completion, for the items completed in the range."""
    samples = []
    for history in items:
        done = history.completed
        if done is None or not _in_range(done, start, end, tz):
            continue
        started = history.started
        if started is not None:
            samples.append(Sample(history.item_id, done, _days(done - started)))
    return TimeDistribution.of(samples)


# -- throughput -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class WeekCount:
    """Items completed in one ISO week (within the range: ``days`` of it are inside)."""

    year: int
    week: int
    monday: date
    count: int
    days: int


def throughput(
    items: Iterable[ItemHistory], start: date, end: date, *, tz: tzinfo = UTC
) -> list[WeekCount]:
    """Completions per ISO week over the range, weeks without any included.

    The first and last week may be partly outside the range; only completions inside it
    count, and ``days`` says how many of the week's days were.
    """
    if end < start:
        return []
    first_monday = start - timedelta(days=start.weekday())
    counts = [0] * ((end - first_monday).days // 7 + 1)
    for history in items:
        done = history.completed
        if done is None:
            continue
        day = day_of(done, tz)
        if start <= day <= end:
            counts[(day - first_monday).days // 7] += 1
    out = []
    for n, count in enumerate(counts):
        monday = first_monday + timedelta(weeks=n)
        inside = (min(monday + timedelta(days=6), end) - max(monday, start)).days + 1
        iso = monday.isocalendar()
        out.append(WeekCount(iso.year, iso.week, monday, count, inside))
    return out


# -- aging WIP ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AgingItem:
    """An open item in next, doing or verify, and how long it has been there."""

    item_id: str
    status: Status
    #: When it entered its current column (its last change of column, not its last edit).
    entered: datetime
    in_column_days: float
    #: First entry into doing (else verify); ``None`` if it has not started.
    started: datetime | None
    since_start_days: float | None


def aging(items: Iterable[ItemHistory], now: datetime) -> list[AgingItem]:
    """Aging WIP at ``now``: per column (left to right), oldest in its column first."""
    out = []
    for history in items:
        known = history.as_of(now)
        if known is None or known.status not in IN_PROGRESS:
            continue
        entered, started = known.entered, known.started
        out.append(
            AgingItem(
                known.item_id,
                known.status,
                entered,
                _days(now - entered),
                started,
                None if started is None else _days(now - started),
            )
        )
    position = {status: n for n, status in enumerate(STATUS_ORDER)}
    out.sort(key=lambda a: (position[a.status], -a.in_column_days, a.item_id))
    return out
