"""The weekly standup: what changed since the last one, and what needs talking about.

Pure Python. The board at the last standup and the board now are each a
:data:`Snapshot` (rank, column, owner and blocked reason per item); the change records
between them add what a snapshot cannot say (an item is new, or who changed it when).
:func:`what_changed` reports the *net* change of each item once per kind: an item moved
doing → verify → doing in between has not moved.

A re-ranking is a change in an item's order relative to the other items on the board both
times. Finishing or adding an item shifts everything below it by one place; that is
reported as *done* or *new*, not as hundreds of re-rankings. When one item jumps ahead, the
items it passed keep their order among themselves: only the jumping item is reported (the
items kept are a longest run whose order did not change, so as few as possible are named).
"""

from __future__ import annotations

import json
from bisect import bisect_left
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any, NamedTuple

from kanban_sec.domain.model import Change, Column, Item, Link, Status
from kanban_sec.domain.ownership import Delegation, OrgTree, delegation
from kanban_sec.domain.ranking import Ranked

#: The columns a standup walks, right to left; ``backlog`` only when asked.
WALK_ORDER: tuple[Status, ...] = (Status.VERIFY, Status.DOING, Status.NEXT)
#: Days in a column after which an open item is *aging* (no entry: never).
DEFAULT_AGING_DAYS: Mapping[Status, int] = {Status.NEXT: 14, Status.DOING: 10, Status.VERIFY: 7}
SNAPSHOT_VERSION = 2
#: Status letters of a stored snapshot (version 2).
_STATUS_LETTER = {
    Status.BACKLOG: "b",
    Status.NEXT: "n",
    Status.DOING: "d",
    Status.VERIFY: "v",
    Status.DONE: "x",
}
_LETTER_STATUS = {letter: status for status, letter in _STATUS_LETTER.items()}
_STATUS_POSITION = {status: number for number, status in enumerate(Status)}


class NoteKind(StrEnum):
    """A standup note is a remark, or a decision the team took."""

    NOTE = "note"
    DECISION = "decision"


@dataclass(frozen=True)
class StandupNote:
    """A note or decision taken at a standup, optionally about one item."""

    id: str
    standup_id: str
    kind: NoteKind
    body: str
    author: str
    created_at: datetime
    item_id: str | None = None


@dataclass(frozen=True)
class Standup:
    """One standup: when, who was there, and the notes and decisions taken."""

    id: str
    held_on: date
    started_at: datetime
    ended_at: datetime | None
    facilitator: str
    attendees: tuple[str, ...] = ()
    notes: tuple[StandupNote, ...] = ()

    @property
    def ended(self) -> bool:
        return self.ended_at is not None


@dataclass(frozen=True)
class StandupSettings:
    """What counts as aging, and which columns a standup walks."""

    aging_days: Mapping[Status, int] = field(default_factory=lambda: dict(DEFAULT_AGING_DAYS))
    include_backlog: bool = False
    #: The period of a report when no standup has ended yet.
    first_period: timedelta = timedelta(days=7)

    @property
    def walked(self) -> tuple[Status, ...]:
        return (*WALK_ORDER, Status.BACKLOG) if self.include_backlog else WALK_ORDER


# -- snapshots ------------------------------------------------------------------------------


class Standing(NamedTuple):
    """Where an item stood: rank (``None`` when done), column, owner, blocked reason."""

    rank: int | None
    status: Status
    owner_unit_id: str | None
    owner_person_id: str | None
    blocked_reason: str = ""

    @property
    def blocked(self) -> bool:
        return bool(self.blocked_reason)


#: The board at one moment: item id → its standing.
Snapshot = dict[str, Standing]


def snapshot_of(ranked: Iterable[Ranked], done: Iterable[Item] = ()) -> Snapshot:
    """The standing of every ranked (open) item, plus ``done`` items without a rank."""
    out: Snapshot = {}
    for r in ranked:
        item = r.item
        out[r.item_id] = Standing(
            r.rank, item.status, item.owner_unit_id, item.owner_person_id, item.blocked_reason
        )
    for item in done:
        if item.status is Status.DONE:
            out[item.id] = Standing(
                None, item.status, item.owner_unit_id, item.owner_person_id, item.blocked_reason
            )
    return out


def snapshot_json(snapshot: Snapshot) -> str:
    """The open items of a snapshot as stored on a standup: rank order, rank implied.

    Compact (about 45 bytes an item, so a board of 10,000 open items fits the stored
    limit): ids without dashes, a letter for the status, owners as positions in lists of
    the units and people named once."""
    ranked = sorted(
        ((s.rank, item_id, s) for item_id, s in snapshot.items() if s.rank is not None),
        key=lambda row: row[0],
    )
    units: dict[str | None, int] = {None: -1}
    people: dict[str | None, int] = {None: -1}
    rows = []
    for _, item_id, s in ranked:
        unit = units.setdefault(s.owner_unit_id, len(units) - 1)
        person = people.setdefault(s.owner_person_id, len(people) - 1)
        row: list[Any] = [_undashed(item_id), _STATUS_LETTER[s.status], unit, person]
        if s.blocked_reason:
            row.append(s.blocked_reason)
        rows.append(row)
    return json.dumps(
        {
            "version": SNAPSHOT_VERSION,
            "units": [u for u in units if u is not None],
            "people": [p for p in people if p is not None],
            "items": rows,
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


def _undashed(item_id: str) -> str:
    """A UUID's 32 hex digits; any other id as it is, marked by a leading "=" when it
    could be read as 32 hex digits."""
    if len(item_id) == 36 and [i for i, c in enumerate(item_id) if c == "-"] == [8, 13, 18, 23]:
        return item_id.replace("-", "")
    return "=" + item_id if len(item_id) == 32 or item_id.startswith("=") else item_id


def stored_item_id(stored: str) -> str:
    """The item id a stored snapshot row names (either version)."""
    if stored.startswith("="):
        return stored[1:]
    if len(stored) != 32:
        return stored
    return f"{stored[:8]}-{stored[8:12]}-{stored[12:16]}-{stored[16:20]}-{stored[20:]}"


def snapshot_from_json(text: str) -> Snapshot:
    """A snapshot stored by :func:`snapshot_json` (``{}`` and unknown versions: empty);
    version 1, a row of full ids and names per item, is read too."""
    data: Any = json.loads(text or "{}")
    if not isinstance(data, dict):
        return {}
    if data.get("version") == 1:
        return {
            row[0]: Standing(rank, Status(row[1]), row[2], row[3], row[4])
            for rank, row in enumerate(data["items"], start=1)
        }
    if data.get("version") != SNAPSHOT_VERSION:
        return {}
    units, people = data["units"], data["people"]
    return {
        stored_item_id(row[0]): Standing(
            rank,
            _LETTER_STATUS[row[1]],
            units[row[2]] if row[2] >= 0 else None,
            people[row[3]] if row[3] >= 0 else None,
            row[4] if len(row) > 4 else "",
        )
        for rank, row in enumerate(data["items"], start=1)
    }


# -- what changed -----------------------------------------------------------------------------


class ChangeKind(StrEnum):
    """The kinds of change a standup talks about, in the order the report lists them."""

    NEW = "new"
    MOVED = "moved"
    DONE = "done"
    BLOCKED = "blocked"
    UNBLOCKED = "unblocked"
    RERANKED_UP = "reranked_up"
    RERANKED_DOWN = "reranked_down"
    OWNER = "owner"
    REMOVED = "removed"


@dataclass(frozen=True)
class BoardChange:
    """One item's change of one kind since the last standup.

    ``before`` and ``after`` are the item's standings then and now (``None``: not on the
    board, or done then). ``places`` is how far a re-ranked item moved relative to the
    others (positive: up). ``author`` and ``at`` are from the last change record that made
    the change (``None`` for a re-ranking, which nobody makes by hand).
    """

    kind: ChangeKind
    item_id: str
    before: Standing | None
    after: Standing | None
    places: int = 0
    author: str | None = None
    at: datetime | None = None


_KIND_ORDER = {kind: number for number, kind in enumerate(ChangeKind)}
#: Which stored fields make each kind of change (for who and when).
_FIELDS_OF: Mapping[ChangeKind, tuple[str, ...]] = {
    ChangeKind.MOVED: ("status",),
    ChangeKind.DONE: ("status",),
    ChangeKind.BLOCKED: ("blocked_reason",),
    ChangeKind.UNBLOCKED: ("blocked_reason",),
    ChangeKind.OWNER: ("owner_unit_id", "owner_person_id"),
    ChangeKind.REMOVED: ("deleted_at",),
}


def is_insert(change: Change) -> bool:
    """Whether a change record made its row (an insert sets ``created_at`` from nothing)."""
    stamp = change.fields.get("created_at")
    return stamp is not None and stamp[1] is None and stamp[0] is not None


def what_changed(before: Snapshot, after: Snapshot, changes: Iterable[Change]) -> list[BoardChange]:
    """Every item's net change between two snapshots, once per kind.

    ``before`` may hold open items only (as a standup stores it); ``after`` holds the
    board now, done items included (rank ``None``). ``changes`` are the change records in
    between (any entity; only items are looked at): they say which items are new and who
    made each change when. An item missing from ``before`` that was not made in between
    was done then, so if it is open now it moved out of ``done``.
    """
    created: set[str] = set()
    last: dict[tuple[str, str], Change] = {}
    for change in changes:
        if change.entity != "item":
            continue
        if is_insert(change):
            created.add(change.row_id)
            last[(change.row_id, "created_at")] = change
        for name in change.fields:
            last[(change.row_id, name)] = change

    def who(kind: ChangeKind, item_id: str) -> tuple[str | None, datetime | None]:
        names = _FIELDS_OF.get(kind, ("created_at",))
        found = [last[(item_id, n)] for n in names if (item_id, n) in last]
        if not found:
            return None, None
        newest = max(found, key=lambda c: (c.hlc, c.node_id))
        return newest.author, newest.at

    out: list[BoardChange] = []

    def add(
        kind: ChangeKind, item_id: str, was: Standing | None, now: Standing | None, places: int = 0
    ) -> None:
        author, at = (
            (None, None)
            if kind in (ChangeKind.RERANKED_UP, ChangeKind.RERANKED_DOWN)
            else who(kind, item_id)
        )
        out.append(BoardChange(kind, item_id, was, now, places, author, at))

    for item_id, now in after.items():
        was = before.get(item_id)
        done_now = now.status is Status.DONE
        if item_id in created and was is None:
            add(ChangeKind.NEW, item_id, None, now)
            if done_now:
                add(ChangeKind.DONE, item_id, None, now)
            elif now.blocked:
                add(ChangeKind.BLOCKED, item_id, None, now)
            continue
        if was is None or was.status is Status.DONE:
            if not done_now:  # done then (or not yet ranked): reopened
                add(ChangeKind.MOVED, item_id, was, now)
            continue
        if was.status is not now.status:
            add(ChangeKind.DONE if done_now else ChangeKind.MOVED, item_id, was, now)
        if not was.blocked and now.blocked and not done_now:
            add(ChangeKind.BLOCKED, item_id, was, now)
        elif was.blocked and not now.blocked:
            add(ChangeKind.UNBLOCKED, item_id, was, now)
        if (was.owner_unit_id, was.owner_person_id) != (now.owner_unit_id, now.owner_person_id):
            add(ChangeKind.OWNER, item_id, was, now)
    for item_id, was in before.items():
        if item_id not in after and was.status is not Status.DONE:
            add(ChangeKind.REMOVED, item_id, was, None)
    for item_id, places in reranked(before, after).items():
        kind = ChangeKind.RERANKED_UP if places > 0 else ChangeKind.RERANKED_DOWN
        add(kind, item_id, before[item_id], after[item_id], places)
    out.sort(key=_change_order)
    return out


def _change_order(change: BoardChange) -> tuple[int, int, int, str]:
    if change.kind in (ChangeKind.RERANKED_UP, ChangeKind.RERANKED_DOWN):
        return (_KIND_ORDER[change.kind], -abs(change.places), 0, change.item_id)
    rank = change.after.rank if change.after is not None and change.after.rank else 0
    if not rank and change.before is not None and change.before.rank:
        rank = change.before.rank
    return (_KIND_ORDER[change.kind], 0, rank or 1 << 30, change.item_id)


def reranked(before: Snapshot, after: Snapshot) -> dict[str, int]:
    """Items whose order relative to the others changed: item id → places up (or down).

    Only items ranked both times are compared, by their positions among those items. The
    items left out are a longest run that kept its order, so one card jumping ahead is one
    re-ranking, not one for every card it passed.
    """
    common = [
        (s.rank, item_id)
        for item_id, s in before.items()
        if s.rank is not None and item_id in after and after[item_id].rank is not None
    ]
    common.sort()
    then = [item_id for _, item_id in common]
    now_order = sorted(then, key=lambda item_id: after[item_id].rank or 0)
    position_now = {item_id: number for number, item_id in enumerate(now_order)}
    sequence = [position_now[item_id] for item_id in then]
    kept = _longest_increasing(sequence)
    moved: dict[str, int] = {}
    for position_then, item_id in enumerate(then):
        if position_then in kept:
            continue
        places = position_then - position_now[item_id]
        if places:
            moved[item_id] = places
    return moved


def _longest_increasing(values: Sequence[int]) -> set[int]:
    """Indexes of one longest strictly increasing subsequence (patience sorting)."""
    tails: list[int] = []  # value at the end of the best run of each length
    tail_index: list[int] = []  # its index in ``values``
    previous = [-1] * len(values)
    for index, value in enumerate(values):
        length = bisect_left(tails, value)
        if length == len(tails):
            tails.append(value)
            tail_index.append(index)
        else:
            tails[length] = value
            tail_index[length] = index
        previous[index] = tail_index[length - 1] if length else -1
    kept: set[int] = set()
    index = tail_index[-1] if tail_index else -1
    while index != -1:
        kept.add(index)
        index = previous[index]
    return kept


# -- what needs talking about -----------------------------------------------------------------


@dataclass(frozen=True)
class Aging:
    """An open item longer in its column than the column's threshold."""

    item_id: str
    status: Status
    entered: datetime
    age: timedelta
    threshold: timedelta


@dataclass(frozen=True)
class Blocked:
    """A blocked open item, with its reason and how long it has been blocked."""

    item_id: str
    status: Status
    reason: str
    since: datetime | None
    duration: timedelta | None


@dataclass(frozen=True)
class WipOver:
    """A column holding more open items than its WIP limit."""

    status: Status
    count: int
    limit: int
    hard: bool


@dataclass(frozen=True)
class Delegable:
    """An open item that could be owned lower down, with the suggested owners."""

    item_id: str
    status: Status
    delegation: Delegation


def aging(
    items: Iterable[Item], now: datetime, aging_days: Mapping[Status, int] = DEFAULT_AGING_DAYS
) -> list[Aging]:
    """Open items longer in their column than its threshold, oldest first.

    The time in a column counts from the last column change (``status_changed_at``):
    a comment or another edit does not make an item younger.
    """
    out = []
    for item in items:
        days = aging_days.get(item.status)
        if days is None or not item.is_open:
            continue
        entered = item.status_changed_at or item.created_at
        if entered is None:
            continue
        age, threshold = now - entered, timedelta(days=days)
        if age > threshold:
            out.append(Aging(item.id, item.status, entered, age, threshold))
    out.sort(key=lambda a: (-(a.age - a.threshold), a.item_id))
    return out


def blocked(items: Iterable[Item], now: datetime) -> list[Blocked]:
    """Blocked open items, longest blocked first (unknown start last)."""
    out = [
        Blocked(
            item.id,
            item.status,
            item.blocked_reason,
            item.blocked_at,
            now - item.blocked_at if item.blocked_at is not None else None,
        )
        for item in items
        if item.is_open and item.blocked
    ]
    out.sort(key=lambda b: (b.duration is None, -(b.duration or timedelta()), b.item_id))
    return out


def wip_over_limit(columns: Iterable[Column], items: Iterable[Item]) -> list[WipOver]:
    """Columns over their WIP limit, right to left."""
    counts = dict.fromkeys(Status, 0)
    for item in items:
        counts[item.status] += 1
    over = [
        WipOver(c.key, counts[c.key], c.wip_limit, c.wip_hard)
        for c in columns
        if c.wip_limit is not None and c.key is not Status.DONE and counts[c.key] > c.wip_limit
    ]
    over.sort(key=lambda w: -_STATUS_POSITION[w.status])
    return over


def delegable(
    ranked: Iterable[Ranked],
    tree: OrgTree,
    links: Mapping[str, Link],
    statuses: Collection[Status] = WALK_ORDER,
) -> list[Delegable]:
    """Open items in ``statuses`` that can be delegated, in walk order."""
    out = []
    for r in walk(ranked, statuses):
        item = r.item
        link = links.get(item.link_id) if item.link_id else None
        suggestion = delegation(item, tree, link)
        if suggestion.can_be_delegated:
            out.append(Delegable(item.id, item.status, suggestion))
    return out


def expiring_risk_decisions() -> list[Any]:
    """Risk decisions whose validity ends soon: always empty for now.

    Risk decisions (accept, reduce, share, avoid, valid until) arrive in a later issue;
    this hook keeps the report's section in place until then. It never returns made-up
    rows.
    """
    return []


def walk(
    ranked: Iterable[Ranked],
    statuses: Collection[Status] = WALK_ORDER,
    owner_units: Collection[str] | None = None,
) -> list[Ranked]:
    """The board right to left (verify, doing, next, then backlog if among ``statuses``),
    each column in rank order; only items owned by ``owner_units`` when given."""
    column_order = {s: n for n, s in enumerate(s for s in reversed(Status) if s in statuses)}
    chosen = [
        r
        for r in ranked
        if r.item.status in column_order
        and (owner_units is None or r.item.owner_unit_id in owner_units)
    ]
    chosen.sort(key=lambda r: (column_order[r.item.status], r.rank))
    return chosen
