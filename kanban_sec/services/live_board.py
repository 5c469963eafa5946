"""The board a window keeps in memory: loaded once, kept current from each call's changes.

A window shows thousands of cards and re-ranks at once after every change; reloading the
whole board from SQLite for each drag would cost more than a frame. This holds the board,
its ranking and the filters, applies an :class:`Outcome`'s change records to the rows it
holds, and re-ranks only when the ranking can have changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from typing import Any

from kanban_sec.domain.governance import (
    Acceptance,
    Band,
    Bands,
    RiskDecision,
    bands_from,
    policy_from,
)
from kanban_sec.domain.model import Classification, Item, Status
from kanban_sec.domain.ownership import Delegation, OrgTree, delegation, lowest_level_share
from kanban_sec.domain.ranking import Ranked, item_score, rank
from kanban_sec.services.board import BoardService
from kanban_sec.services.outcome import Outcome
from kanban_sec.store import rows
from kanban_sec.store.conflicts import open_fields
from kanban_sec.store.unit_of_work import Board, Reader, reading

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
#: Fields of an item whose change can change who owns it at the lowest level.
_OWNERSHIP_FIELDS = frozenset({"owner_unit_id", "owner_person_id", "link_id", "deleted_at"})
#: Fields of an item whose change can move it in the ranking.
_RANKING_FIELDS = frozenset(
    {
        "status",
        "chain_id",
        "link_id",
        "likelihood",
        "consequence",
        "effort",
        "pinned_at",
        "created_at",
        "deleted_at",
    }
)


@dataclass(frozen=True)
class BoardFilter:
    """What the toolbar narrows the board to; empty fields filter nothing."""

    text: str = ""
    mine: bool = False
    unit_id: str | None = None
    chain_id: str | None = None
    link_id: str | None = None
    weakest_only: bool = False
    blocked_only: bool = False
    tag: str = ""
    classification: Classification | None = None
    #: A ROS matrix cell: (likelihood, consequence).
    cell: tuple[int, int] | None = None
    #: The measures of these ROS risks (items whose ``risk_id`` is one of them).
    risk_ids: frozenset[str] | None = None

    @property
    def active(self) -> bool:
        return self != BoardFilter()


@dataclass
class LiveBoard:
    """The board in memory for one person; ``me`` is their person id (for *mine*)."""

    service: BoardService
    me: str | None = None
    board: Board = field(init=False)
    ranking: dict[str, Ranked] = field(init=False, default_factory=dict)
    #: Whether the last apply() re-ranked (when not, every other card kept its rank).
    reranked: bool = field(init=False, default=True)
    items: dict[str, Item] = field(init=False, default_factory=dict)
    tree: OrgTree = field(init=False)
    #: Today's date (a test sets its own): acceptances run out by it.
    today: Callable[[], date] = date.today
    #: Open items an acceptance in force takes out of the ranking, as of :attr:`day`.
    acceptance: Acceptance = field(init=False)
    day: date = field(init=False)
    #: Items with open sync conflicts: item id -> the fields in conflict.
    conflicts: dict[str, tuple[str, ...]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.reload()

    # -- loading -----------------------------------------------------------------------
    def reload(self) -> None:
        """Read everything again (after an import, a sync, or another window's writes)."""
        self._bands: tuple[dict[str, str], Bands] | None = None
        self._haystacks: dict[str, str] = {}
        self._ordered: dict[Status, list[str]] = {}
        self._match_cache: tuple[BoardFilter, set[str]] | None = None
        with reading(self.service.db) as reader:
            self.board = reader.board()
            self.conflicts = open_conflicts(reader)
        self.items = {item.id: item for item in self.board.items}
        self._counts: dict[Status, int] | None = None
        self.tree = OrgTree(self.board.units, self.board.people)
        self._subtrees: dict[str, frozenset[str]] = {}
        self._rerank()

    def _rerank(self) -> None:
        #: Counts the rankings made: a view that caches what it shows of a card (its rank,
        #: score, explanation) starts afresh when this changes.
        self.generation = getattr(self, "generation", 0) + 1
        self._ordered = {}
        self._match_cache = None
        self.day = self.today()
        self.acceptance = Acceptance(self.items.values(), self.board.decisions, self.day)
        accepted = self.acceptance.accepted
        ranked_items = (
            self.items.values()
            if not accepted
            else [i for i in self.items.values() if i.id not in accepted]
        )
        self.ranking = {
            r.item_id: r for r in rank(ranked_items, self.board.chains, self.board.links)
        }
        self._lowest: tuple[int, int] | None = None

    def new_day(self) -> bool:
        """Re-rank when the date has changed since the last ranking (acceptances run out
        at midnight); whether it did."""
        if self.today() == self.day:
            return False
        self._rerank()
        return True

    def accepted(self, item_id: str) -> RiskDecision | None:
        """The acceptance in force that holds the item out of the ranking, if any."""
        return self.acceptance.accepted.get(item_id)

    def person_name(self, person_id: str | None) -> str:
        person = self.board.people.get(person_id) if person_id else None
        return person.name if person else ""

    def band(self, item: Item) -> Band | None:
        """The ROS matrix band of the item's likelihood × consequence cell (the board's
        acceptance bands): the colour its score badge takes; ``None`` while either is
        unassessed (the item sits in no cell yet)."""
        if item.likelihood is None or item.consequence is None:
            return None
        if self._bands is None or self._bands[0] is not self.board.settings:
            self._bands = (self.board.settings, bands_from(self.board.settings))
        return self._bands[1].band(item.likelihood, item.consequence)

    def needs_verification(self, item_id: str) -> bool:
        """Whether the board policy wants a controlling member to verify the item."""
        item = self.items[item_id]
        if item.needs_verification:  # asked for when it entered Verify: it stays so
            return True
        ranked = self.ranking.get(item_id)
        if ranked is not None:
            score = ranked.score
        else:
            chain = self.board.chains.get(item.chain_id) if item.chain_id else None
            link = self.board.links.get(item.link_id) if item.link_id else None
            score = item_score(item, chain, link, self.board.links.values())
        return policy_from(self.board.settings).needs_verification(item, score)

    def accepted_in(self, status: Status) -> list[str]:
        """Accepted open items in the column, the soonest to come back first."""
        found = [
            (d.valid_until or self.day, self.items[i].title.casefold(), i)
            for i, d in self.acceptance.accepted.items()
            if i in self.items and self.items[i].status is status
        ]
        found.sort()
        return [i for _, _, i in found]

    def apply(self, outcome: Outcome) -> set[str]:
        """Bring the board up to date with a service call's outcome; returns touched ids."""
        self.reranked = True
        self._ordered = {}
        self._match_cache = None
        if outcome.bulk_rows or any(c.entity not in ("item", "comment") for c in outcome.changes):
            self.reload()  # an import, or a chain, link, unit or column changed
            return set(self.items)
        touched: set[str] = set()
        rerank = False
        for change in outcome.changes:
            if change.entity != "item":
                continue
            touched.add(change.row_id)
            self._haystacks.pop(change.row_id, None)
            new = {name: value for name, (value, _old) in change.fields.items()}
            if change.row_id in self.items and new.get("deleted_at"):
                self._recount(self.items.pop(change.row_id), None)
                rerank = True
                continue
            current = self.items.get(change.row_id)
            if current is None or "risk_id" in new:
                # On or off a risk, an item takes the risk's L × C or its own again: as read.
                self.items[change.row_id] = self._fetch(change.row_id)
                self._recount(current, self.items[change.row_id])
                rerank = True
                continue
            self.items[change.row_id] = _patched(current, new)
            self._recount(current, self.items[change.row_id])
            if _RANKING_FIELDS & new.keys():
                rerank = rerank or _ranking_may_change(current, new)
            if _OWNERSHIP_FIELDS & new.keys() or (
                "status" in new and Status.DONE.value in (new["status"], current.status.value)
            ):
                self._lowest = None
        self.reranked = rerank
        if rerank:
            self._rerank()
        else:
            for item_id in touched:
                ranked = self.ranking.get(item_id)
                if ranked is not None:  # the row cache holds the new item
                    self.ranking[item_id] = ranked._replace(item=self.items[item_id])
        return touched

    def _fetch(self, item_id: str) -> Item:
        with reading(self.service.db) as reader:
            item = reader.item(item_id)
        assert item is not None
        return item

    # -- what the window shows ---------------------------------------------------------
    def ordered(self, status: Status) -> list[str]:
        """The column's item ids: open columns in rank order, ``done`` newest first (kept
        until the board changes: a filter asks for every column on every keystroke)."""
        cached = self._ordered.get(status)
        if cached is None:
            cached = self._ordered[status] = self._order(status)
        return list(cached)

    def _order(self, status: Status) -> list[str]:
        if status is Status.DONE:
            done = [i for i in self.items.values() if i.status is Status.DONE]
            done.sort(
                key=lambda i: (i.done_at or i.updated_at or i.created_at or _EPOCH, i.id),
                reverse=True,
            )
            return [i.id for i in done]
        ranked = [r for r in self.ranking.values() if r.item.status is status]
        ranked.sort(key=lambda r: r.rank)
        return [r.item_id for r in ranked]

    def matches(self, item_id: str, flt: BoardFilter) -> bool:
        """Whether the item passes the toolbar's filters."""
        item = self.items[item_id]
        if flt.mine and (self.me is None or item.owner_person_id != self.me):
            return False
        if flt.unit_id is not None and (
            item.owner_unit_id is None or item.owner_unit_id not in self._subtree(flt.unit_id)
        ):
            return False
        if flt.chain_id is not None and item.chain_id != flt.chain_id:
            return False
        if flt.link_id is not None and item.link_id != flt.link_id:
            return False
        if flt.weakest_only:
            ranked = self.ranking.get(item_id)
            if ranked is None or not ranked.weakest:
                return False
        if flt.blocked_only and not item.blocked_reason:
            return False
        if flt.tag and flt.tag.casefold() not in (t.casefold() for t in item.tags):
            return False
        if flt.classification is not None and item.classification is not flt.classification:
            return False
        if flt.cell is not None and (item.likelihood, item.consequence) != flt.cell:
            return False
        if flt.risk_ids is not None and item.risk_id not in flt.risk_ids:
            return False
        if flt.text:
            needle = flt.text.casefold()
            if needle not in self._haystack(item) and not item.id.replace("-", "").endswith(needle):
                return False
        return True

    def _haystack(self, item: Item) -> str:
        """What the search box looks in, casefolded (kept until the item changes)."""
        haystack = self._haystacks.get(item.id)
        if haystack is None:
            haystack = self._haystacks[item.id] = " ".join(
                (
                    item.title,
                    item.framework_ref,
                    " ".join(item.tags),
                    self.chain_name(item),
                    self.link_name(item),
                )
            ).casefold()
        return haystack

    def matching(self, flt: BoardFilter) -> set[str]:
        """The ids of every item :meth:`matches` lets through, worked out a filter at a time
        over the whole board (a refresh of 50,000 cards asks once, not per card)."""
        if self._match_cache is not None and self._match_cache[0] == flt:
            return self._match_cache[1]
        items = list(self.items.values())
        if flt.chain_id is not None:
            items = [i for i in items if i.chain_id == flt.chain_id]
        if flt.link_id is not None:
            items = [i for i in items if i.link_id == flt.link_id]
        if flt.cell is not None:
            items = [i for i in items if (i.likelihood, i.consequence) == flt.cell]
        if flt.risk_ids is not None:
            risks = flt.risk_ids
            items = [i for i in items if i.risk_id in risks]
        if flt.classification is not None:
            items = [i for i in items if i.classification is flt.classification]
        if flt.blocked_only:
            items = [i for i in items if i.blocked_reason]
        if flt.mine:
            items = [i for i in items if self.me is not None and i.owner_person_id == self.me]
        if flt.unit_id is not None:
            subtree = self._subtree(flt.unit_id)
            items = [i for i in items if i.owner_unit_id is not None and i.owner_unit_id in subtree]
        if flt.weakest_only:
            ranking = self.ranking
            items = [i for i in items if (r := ranking.get(i.id)) is not None and r.weakest]
        if flt.tag:
            tag = flt.tag.casefold()
            items = [i for i in items if tag in (t.casefold() for t in i.tags)]
        if flt.text:
            needle, haystack = flt.text.casefold(), self._haystack
            items = [
                i for i in items if needle in haystack(i) or i.id.replace("-", "").endswith(needle)
            ]
        found = {i.id for i in items}
        self._match_cache = (flt, found)
        return found

    def _subtree(self, unit_id: str) -> frozenset[str]:
        if unit_id not in self._subtrees:
            self._subtrees[unit_id] = frozenset(self.tree.subtree(unit_id))
        return self._subtrees[unit_id]

    def chain_name(self, item: Item) -> str:
        chain = self.board.chains.get(item.chain_id) if item.chain_id else None
        return chain.name if chain else ""

    def link_name(self, item: Item) -> str:
        link = self.board.links.get(item.link_id) if item.link_id else None
        return link.name if link else ""

    def owner_text(self, item: Item) -> str:
        """The person, else the unit's own name."""
        person = self.board.people.get(item.owner_person_id) if item.owner_person_id else None
        if person is not None:
            return person.name
        unit = self.board.units.get(item.owner_unit_id) if item.owner_unit_id else None
        return unit.name if unit else ""

    def unit_path(self, unit_id: str | None) -> str:
        return self.tree.path(unit_id) if unit_id in self.board.units else ""

    def risk_owner(self, item: Item) -> str:
        chain = self.board.chains.get(item.chain_id) if item.chain_id else None
        return self.unit_path(chain.risk_owner_unit_id) if chain else ""

    def delegation(self, item_id: str) -> Delegation:
        item = self.items[item_id]
        link = self.board.links.get(item.link_id) if item.link_id else None
        return delegation(item, self.tree, link)

    def lowest_level(self) -> tuple[int, int]:
        """(owned at the lowest level, open items); kept until ownership can have changed."""
        if self._lowest is None:
            self._lowest = lowest_level_share(self.items.values(), self.tree, self.board.links)
        return self._lowest

    def counts(self) -> dict[Status, int]:
        """Items per column; counted on a reload, then kept up to date by :meth:`apply`."""
        if self._counts is None:
            self._counts = dict.fromkeys(Status, 0)
            for item in self.items.values():
                self._counts[item.status] += 1
        return dict(self._counts)

    def _recount(self, before: Item | None, after: Item | None) -> None:
        if self._counts is not None:
            if before is not None:
                self._counts[before.status] -= 1
            if after is not None:
                self._counts[after.status] += 1

    def column(self, status: Status) -> Any:
        return next(c for c in self.board.columns if c.key is status)


def open_conflicts(reader: Reader) -> dict[str, tuple[str, ...]]:
    """Items with open sync conflicts, and the fields in conflict (sorted)."""
    found: dict[str, set[str]] = {}
    for row_id, name in open_fields(reader, "item"):
        found.setdefault(row_id, set()).add(name)
    return {row_id: tuple(sorted(names)) for row_id, names in found.items()}


def _ranking_may_change(current: Item, new: dict[str, Any]) -> bool:
    """False when only the column changed between two open columns: ranks stay as they are."""
    if set(new) - {"status", "status_changed_at", "started_at", "done_at", "updated_at"}:
        return True
    return Status.DONE.value in (new.get("status"), current.status.value)


def _patched(item: Item, new: dict[str, Any]) -> Item:
    """The item with stored column values from a change record applied."""
    values = rows.item_values(item)
    values.update({k: v for k, v in new.items() if k in values})
    row = [values.get(name) for name in _ITEM_ORDER]
    patched = rows.item_from(row)
    return replace(
        patched,
        created_at=item.created_at if "created_at" not in new else rows.parse_ts(new["created_at"]),
        updated_at=rows.parse_ts(new.get("updated_at")) or item.updated_at,
    )


_ITEM_ORDER = [name.strip() for name in rows.ITEM_COLUMNS.split(",")]
