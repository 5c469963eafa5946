"""Weakest link first: the board's order, recomputed from the facts, never kept by hand.

For an open item ``score = likelihood x consequence x gap`` (an unassessed likelihood or
consequence counts as 3), where the gap is

- on a link: ``max(target(chain) - maturity(link), 0)``;
- in a chain but on no link (the service as a whole): ``max(target - weakest maturity
  among the chain's links, 0)``, 0 for a chain without links;
- in no chain: 1 (it strengthens no named chain and ranks by its own L x C).

A chain's weakest link is, among its links with open items, the one with the lowest
maturity (ties: the link whose best open item scores highest, then the name case-folded).
Only items on that link are flagged (unless it has reached the target); items on no link
or in no chain never are. Order:
pinned items (in pin order), then weakest-link items, then score descending, smaller
effort, older, id.
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
#: What an unassessed likelihood or consequence counts as in the score.
UNASSESSED = 3
#: The gap of an item in no chain.
NO_CHAIN_GAP = 1


def assessed(value: int | None) -> int:
    """The value the score uses: the judged one, or 3 for an unassessed one."""
    return UNASSESSED if value is None else value


class Weakest(NamedTuple):
    """A chain's least mature link, which sets the gap of work on the whole service."""

    name: str
    maturity: int


def weakest_links(links: Iterable[Link]) -> dict[str, Weakest]:
    """Per chain id, its least mature link (ties by name, case-folded); chains without
    links are absent."""
    found: dict[str, Weakest] = {}
    for link in links:
        known = found.get(link.chain_id)
        if known is None or (link.maturity, link.name.casefold()) < (
            known.maturity,
            known.name.casefold(),
        ):
            found[link.chain_id] = Weakest(link.name, link.maturity)
    return found


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
    #: The chain's weakest link among those with open items (``None`` without one).
    weakest_standing: _LinkStanding | None = None
    weakest: bool = False
    #: For work on a chain as a whole: the chain's least mature link (``None`` otherwise,
    #: or when the chain has no links).
    chain_weakest: Weakest | None = None


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
        parts.append(place_text(place, lang))
        parts.append(score_text(item.likelihood, item.consequence, place.gap, self.score, lang))
        if item.acceptance_void:
            parts.insert(0, acceptance_void_text(item.acceptance_void, lang))
        return " · ".join(parts)


def place_text(place: Place, lang: str) -> str:
    """Where the item stands and what that makes its gap, in a few words."""
    if place.chain is None:
        return t("why.no_chain", lang, gap=place.gap)
    if place.link is None:
        whole = place.chain_weakest
        if whole is None:
            return t("why.whole_chain_no_links", lang, chain=place.chain.name)
        return t(
            "why.whole_chain",
            lang,
            chain=place.chain.name,
            weakest=whole.name,
            maturity=whole.maturity,
            target=place.target,
        )
    if place.weakest:
        return t(
            "why.weakest",
            lang,
            chain=place.chain.name,
            maturity=place.maturity,
            target=place.target,
        )
    weakest = place.weakest_standing
    assert weakest is not None  # the item's own link has an open item
    return t(
        "why.not_weakest",
        lang,
        chain=place.chain.name,
        link=place.link.name,
        maturity=place.maturity,
        target=place.target,
        weakest=weakest.name,
        weakest_maturity=weakest.maturity,
    )


def judged_text(letter_key: str, value: int | None, lang: str) -> str:
    """ "S4", or "S ikke vurdert (3)" for a value nobody has judged."""
    letter = t(letter_key, lang)
    if value is None:
        return t("why.unassessed", lang, letter=letter, value=UNASSESSED)
    return f"{letter}{value}"


def score_text(
    likelihood: int | None, consequence: int | None, gap: int, score: int, lang: str
) -> str:
    """ "S4 × K5 × gap 3 = 60", saying which values are unassessed."""
    text = t(
        "why.score",
        lang,
        likelihood=judged_text("why.letter_l", likelihood, lang),
        consequence=judged_text("why.letter_c", consequence, lang),
        gap=gap,
        score=score,
    )
    if gap == 0:
        text += f" ({t('why.gap0', lang)})"
    return text


def acceptance_void_text(stored: str, lang: str) -> str:
    """ "Acceptance void: Henrik Dahl changed likelihood 2→4" from the item's stored note."""
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


def _place(
    chain_id: str | None,
    link_id: str | None,
    chains: Mapping[str, Chain],
    links: Mapping[str, Link],
    whole: Mapping[str, Weakest],
    standings: dict[str, dict[str, _LinkStanding]],
) -> Place:
    chain = chains.get(chain_id) if chain_id else None
    link = links.get(link_id) if link_id else None
    if link is not None and (chain is None or link.chain_id != chain.id):
        link = None  # a link outside the item's chain cannot weaken it
    if chain is None:
        return Place(None, None, MATURITY_MAX, MATURITY_MIN, NO_CHAIN_GAP, None)
    target = chain.target_maturity
    if link is None:
        chain_weakest = whole.get(chain.id)
        if chain_weakest is None:  # a chain without links: nothing to strengthen yet
            return Place(chain, None, target, target, 0, None)
        return Place(
            chain,
            None,
            target,
            chain_weakest.maturity,
            max(target - chain_weakest.maturity, 0),
            None,
            chain_weakest=chain_weakest,
        )
    chain_links = standings.setdefault(chain.id, {})
    standing = chain_links.get(link.id)
    if standing is None:
        standing = chain_links[link.id] = _LinkStanding(link.name, link.maturity, -1, link.id)
    return Place(chain, link, target, link.maturity, max(target - link.maturity, 0), standing)


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


def _rank(
    items: Iterable[Item], chains: Mapping[str, Chain], links: Mapping[str, Link]
) -> list[Ranked]:
    places: dict[tuple[str | None, str | None], Place] = {}
    standings: dict[str, dict[str, _LinkStanding]] = {}
    whole: dict[str, Weakest] | None = None
    facts = []
    done = Status.DONE
    for item in items:
        if item.status is done:
            continue
        where = (item.chain_id, item.link_id)
        place = places.get(where)
        if place is None:
            if whole is None:
                whole = weakest_links(links.values())
            place = places[where] = _place(
                item.chain_id, item.link_id, chains, links, whole, standings
            )
        likelihood, consequence = item.likelihood, item.consequence
        score = (
            (3 if likelihood is None else likelihood)
            * (3 if consequence is None else consequence)
            * place.gap
        )
        standing = place.standing
        if standing is not None and score > standing.best_score:
            standing.best_score = score
        facts.append((item, place, score))

    weakest_of = {
        chain_id: min(
            chain_links.values(),
            key=lambda s: (s.maturity, -s.best_score, s.name.casefold(), s.tie_id),
        )
        for chain_id, chain_links in standings.items()
    }
    for place in places.values():
        if place.chain is not None and place.chain.id in weakest_of:
            place.weakest_standing = weakest_of[place.chain.id]
            # A link at its target is nobody's weak point: its work is not flagged.
            place.weakest = place.weakest_standing is place.standing and place.gap > 0

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
            order = (
                (0 if place.weakest else 1000)
                + (100 - score) * 10
                + effort_position[id(item.effort)]
            )
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


def item_score(
    item: Item, chain: Chain | None, link: Link | None, chain_links: Iterable[Link] = ()
) -> int:
    """``likelihood × consequence × gap`` of an item on ``link`` in ``chain`` (0–75);
    ``chain_links`` are the chain's links (only needed for an item on no link)."""
    return (
        assessed(item.likelihood)
        * assessed(item.consequence)
        * score_parts(chain, link, chain_links)[2]
    )


def score_parts(
    chain: Chain | None, link: Link | None, chain_links: Iterable[Link] = ()
) -> tuple[int, int, int]:
    """``(maturity, target, gap)`` of an item on ``link`` in ``chain`` (open or done);
    ``chain_links`` are the chain's links (only needed for an item on no link)."""
    if link is not None and (chain is None or link.chain_id != chain.id):
        link = None
    if chain is None:
        return MATURITY_MIN, MATURITY_MAX, NO_CHAIN_GAP
    target = chain.target_maturity
    if link is None:
        weakest = weakest_links(x for x in chain_links if x.chain_id == chain.id).get(chain.id)
        if weakest is None:
            return target, target, 0
        return weakest.maturity, target, max(target - weakest.maturity, 0)
    return link.maturity, target, max(target - link.maturity, 0)
