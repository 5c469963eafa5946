"""Weakest link first: the board's order, recomputed from the facts, never kept by hand.

For an open item, ``gap = max(target(chain) - maturity(link), 0)`` and
``score = likelihood x consequence x gap``. A chain's weakest link is, among its links
with open items, the one with the lowest maturity (ties: the link whose best open item
scores highest, then the name case-folded). Order: pinned items (in pin order), then
weakest-link items, then score descending, smaller effort, older, id.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, NamedTuple

from kanban_sec.domain.bulk import collector_paused
from kanban_sec.domain.model import (
    EFFORT_UNKNOWN_ORDER,
    MATURITY_MAX,
    MATURITY_MIN,
    Chain,
    Effort,
    Item,
    Link,
    Status,
)
from kanban_sec.domain.text import t

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
#: The key under which an item in a chain but without a link is grouped.
UNNAMED_LINK = ""


@dataclass(eq=False, slots=True)
class _LinkStanding:
    name: str
    maturity: int
    best_score: int
    tie_id: str


@dataclass(eq=False, slots=True)
class Place:
    """Where items stand: one per (chain, link) pair, shared by every item there."""

    chain: Chain | None
    link: Link | None
    target: int
    maturity: int
    gap: int
    standing: _LinkStanding | None
    #: The chain's weakest link (``None`` for an item without a chain).
    weakest_standing: _LinkStanding | None = None
    weakest: bool = True


class Ranked(NamedTuple):
    """An open item's place on the board and why it is there."""

    item_id: str
    rank: int
    score: int
    item: Item
    place: Place

    @property
    def weakest(self) -> bool:
        return self.place.weakest

    @property
    def gap(self) -> int:
        return self.place.gap

    @property
    def maturity(self) -> int:
        return self.place.maturity

    @property
    def target(self) -> int:
        return self.place.target

    @property
    def pinned(self) -> bool:
        return self.item.pinned_at is not None

    @property
    def chain_name(self) -> str | None:
        return self.place.chain.name if self.place.chain is not None else None

    @property
    def link_name(self) -> str | None:
        return self.place.link.name if self.place.link is not None else None

    def explanation(self, lang: str) -> str:
        """One line telling why the item stands where it does."""
        item, place = self.item, self.place
        parts = []
        if item.pinned_at is not None:
            parts.append(
                t("why.pinned", lang, reason=item.pin_reason)
                if item.pin_reason
                else t("why.pinned_no_reason", lang)
            )
        if place.chain is None:
            parts.append(t("why.no_chain", lang, maturity=place.maturity, target=place.target))
        elif place.weakest:
            parts.append(t("why.weakest", lang, chain=place.chain.name,
                           maturity=place.maturity, target=place.target))
        else:
            weakest = place.weakest_standing
            assert weakest is not None
            parts.append(t(
                "why.not_weakest", lang, chain=place.chain.name,
                link=self.link_name or t("link.unnamed", lang), maturity=place.maturity,
                target=place.target, weakest=weakest.name or t("link.unnamed", lang),
                weakest_maturity=weakest.maturity,
            ))
        score = t("why.score", lang, likelihood=item.likelihood,
                  consequence=item.consequence, gap=place.gap, score=self.score)
        if place.gap == 0:
            score += f" ({t('why.gap0', lang)})"
        parts.append(score)
        if item.acceptance_void:
            parts.insert(0, acceptance_void_text(item.acceptance_void, lang))
        return " · ".join(parts)


def acceptance_void_text(stored: str, lang: str) -> str:
    """"Acceptance void: Henrik Dahl changed likelihood 2→4" from the item's stored note."""
    try:
        note = json.loads(stored)
        fields = note["fields"]
    except (ValueError, KeyError, TypeError):
        return t("why.acceptance_void", lang, who="?", fields="?")
    shown = []
    for name, pair in fields.items():
        label = t(f"void.{name}", lang) if name in _VOID_FIELDS else name
        if name in ("likelihood", "consequence") and isinstance(pair, list) and len(pair) == 2:
            label += f" {pair[0]}→{pair[1]}"
        shown.append(label)
    return t("why.acceptance_void", lang, who=note.get("by") or "?", fields=", ".join(shown))


_VOID_FIELDS = ("likelihood", "consequence", "chain_id", "link_id")


def _place(chain_id: str | None, link_id: str | None, chains: Mapping[str, Chain],
           links: Mapping[str, Link],
           standings: dict[str, dict[str, _LinkStanding]]) -> Place:
    chain = chains.get(chain_id) if chain_id else None
    link = links.get(link_id) if link_id else None
    if link is not None and (chain is None or link.chain_id != chain.id):
        link = None  # a link outside the item's chain cannot weaken it
    target = chain.target_maturity if chain is not None else MATURITY_MAX
    maturity = link.maturity if link is not None else MATURITY_MIN
    standing = None
    if chain is not None:
        link_key = link.id if link is not None else UNNAMED_LINK
        chain_links = standings.setdefault(chain.id, {})
        standing = chain_links.get(link_key)
        if standing is None:
            standing = chain_links[link_key] = _LinkStanding(
                link.name if link is not None else "", maturity, -1, link_key)
    return Place(chain, link, target, maturity, max(target - maturity, 0), standing)


# Sort position by effort, looked up by identity: enum hashing is slow in a hot loop.
_EFFORT_POSITION = {id(effort): effort.order for effort in Effort}
_EFFORT_POSITION[id(None)] = EFFORT_UNKNOWN_ORDER


def rank(
    items: Iterable[Item],
    chains: Mapping[str, Chain],
    links: Mapping[str, Link],
) -> list[Ranked]:
    """Rank the open items (status not ``done``) 1..N, weakest link first."""
    with collector_paused():
        return _rank(items, chains, links)


def _rank(items: Iterable[Item], chains: Mapping[str, Chain],
          links: Mapping[str, Link]) -> list[Ranked]:
    places: dict[tuple[str | None, str | None], Place] = {}
    standings: dict[str, dict[str, _LinkStanding]] = {}
    facts = []
    done = Status.DONE
    for item in items:
        if item.status is done:
            continue
        where = (item.chain_id, item.link_id)
        place = places.get(where)
        if place is None:
            place = places[where] = _place(item.chain_id, item.link_id, chains, links,
                                           standings)
        score = item.likelihood * item.consequence * place.gap
        standing = place.standing
        if standing is not None and score > standing.best_score:
            standing.best_score = score
        facts.append((item, place, score))

    weakest_of = {
        chain_id: min(chain_links.values(),
                      key=lambda s: (s.maturity, -s.best_score, s.name.casefold(), s.tie_id))
        for chain_id, chain_links in standings.items()
    }
    for place in places.values():
        if place.chain is not None:
            place.weakest_standing = weakest_of[place.chain.id]
            place.weakest = place.weakest_standing is place.standing

    # Pinned items keep their pin order; the rest sort on one integer (weakest flag, score,
    # effort), then age, then id: cheap comparisons for 100,000 items.
    effort_position = _EFFORT_POSITION
    pinned: list[tuple[Any, tuple[Item, Place, int]]] = []
    others: list[tuple[Any, tuple[Item, Place, int]]] = []
    for fact in facts:
        item, place, score = fact
        if item.pinned_at is not None:
            pinned.append(((item.pinned_at, item.id), fact))
        else:
            order = (0 if place.weakest else 1000) + (100 - score) * 10 + \
                effort_position[id(item.effort)]
            others.append(((order, item.created_at or _EPOCH, item.id), fact))
    pinned.sort(key=_first)
    others.sort(key=_first)

    new = tuple.__new__
    return [
        new(Ranked, (item.id, position, score, item, place))
        for position, (_, (item, place, score)) in enumerate(pinned + others, start=1)
    ]


def _first(row: tuple[Any, Any]) -> Any:
    return row[0]


def item_score(item: Item, chain: Chain | None, link: Link | None) -> int:
    """``likelihood × consequence × gap`` of an item on ``link`` in ``chain`` (0–75)."""
    return item.likelihood * item.consequence * score_parts(chain, link)[2]


def score_parts(chain: Chain | None, link: Link | None) -> tuple[int, int, int]:
    """``(maturity, target, gap)`` of an item on ``link`` in ``chain`` (open or done)."""
    target = chain.target_maturity if chain is not None else MATURITY_MAX
    maturity = link.maturity if link is not None else MATURITY_MIN
    return maturity, target, max(target - maturity, 0)
