"""Weakest link first: the board's order, recomputed from the facts, never kept by hand.

For an open item, ``gap = max(target(chain) - maturity(link), 0)`` and
``score = likelihood x consequence x gap``. A chain's weakest link is, among its links
with open items, the one with the lowest maturity (ties: the link whose best open item
scores highest, then the name case-folded). Order: pinned items (in pin order), then
weakest-link items, then score descending, smaller effort, older, id.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from kanban_sec.domain.model import (
    EFFORT_UNKNOWN_ORDER,
    MATURITY_MAX,
    MATURITY_MIN,
    Chain,
    Item,
    Link,
    Status,
)
from kanban_sec.domain.text import t

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
#: The key under which an item in a chain but without a link is grouped.
UNNAMED_LINK = ""


@dataclass(frozen=True, slots=True)
class Ranked:
    """An open item's place on the board and why it is there."""

    item_id: str
    rank: int
    score: int
    gap: int
    maturity: int
    target: int
    weakest: bool
    pinned: bool
    pin_reason: str
    likelihood: int
    consequence: int
    chain_name: str | None
    link_name: str | None
    weakest_link_name: str | None
    weakest_maturity: int | None

    def explanation(self, lang: str) -> str:
        """One line telling why the item stands where it does."""
        parts = []
        if self.pinned:
            parts.append(
                t("why.pinned", lang, reason=self.pin_reason)
                if self.pin_reason
                else t("why.pinned_no_reason", lang)
            )
        if self.chain_name is None:
            parts.append(t("why.no_chain", lang, maturity=self.maturity, target=self.target))
        elif self.weakest:
            parts.append(t("why.weakest", lang, chain=self.chain_name,
                           maturity=self.maturity, target=self.target))
        else:
            parts.append(t(
                "why.not_weakest", lang, chain=self.chain_name,
                link=self.link_name or t("link.unnamed", lang), maturity=self.maturity,
                target=self.target, weakest=self.weakest_link_name or t("link.unnamed", lang),
                weakest_maturity=self.weakest_maturity,
            ))
        score = t("why.score", lang, likelihood=self.likelihood,
                  consequence=self.consequence, gap=self.gap, score=self.score)
        if self.gap == 0:
            score += f" ({t('why.gap0', lang)})"
        parts.append(score)
        return " · ".join(parts)


@dataclass(slots=True)
class _LinkStanding:
    name: str
    maturity: int
    best_score: int
    tie_id: str


def _effort_order(item: Item) -> int:
    return item.effort.order if item.effort is not None else EFFORT_UNKNOWN_ORDER


def rank(
    items: Iterable[Item],
    chains: Mapping[str, Chain],
    links: Mapping[str, Link],
) -> list[Ranked]:
    """Rank the open items (status not ``done``) 1..N, weakest link first."""
    facts = []
    standings: dict[str, dict[str, _LinkStanding]] = {}
    for item in items:
        if item.status is Status.DONE:
            continue
        chain = chains.get(item.chain_id) if item.chain_id else None
        link = links.get(item.link_id) if item.link_id else None
        if link is not None and (chain is None or link.chain_id != chain.id):
            link = None  # a link outside the item's chain cannot weaken it
        target = chain.target_maturity if chain is not None else MATURITY_MAX
        maturity = link.maturity if link is not None else MATURITY_MIN
        gap = target - maturity if target > maturity else 0
        score = item.likelihood * item.consequence * gap
        link_key = link.id if link is not None else UNNAMED_LINK
        facts.append((item, chain, link, link_key, target, maturity, gap, score))
        if chain is not None:
            chain_links = standings.setdefault(chain.id, {})
            standing = chain_links.get(link_key)
            if standing is None:
                chain_links[link_key] = _LinkStanding(
                    link.name if link is not None else "", maturity, score, link_key)
            elif score > standing.best_score:
                standing.best_score = score

    weakest_of: dict[str, _LinkStanding] = {
        chain_id: min(
            chain_links.values(),
            key=lambda s: (s.maturity, -s.best_score, s.name.casefold(), s.tie_id),
        )
        for chain_id, chain_links in standings.items()
    }

    keyed = []
    for item, chain, link, link_key, target, maturity, gap, score in facts:
        weakest_standing = weakest_of.get(chain.id) if chain is not None else None
        weakest = weakest_standing is None or weakest_standing.tie_id == link_key
        pinned_at = item.pinned_at
        key = (
            0 if pinned_at is not None else 1,
            pinned_at or _EPOCH,
            0 if weakest else 1,
            -score,
            _effort_order(item),
            item.created_at or _EPOCH,
            item.id,
        )
        keyed.append((key, item, chain, link, target, maturity, gap, score, weakest,
                      weakest_standing))
    keyed.sort(key=lambda row: row[0])

    ranked = []
    for position, row in enumerate(keyed, start=1):
        _, item, chain, link, target, maturity, gap, score, weakest, standing = row
        ranked.append(Ranked(
            item_id=item.id,
            rank=position,
            score=score,
            gap=gap,
            maturity=maturity,
            target=target,
            weakest=weakest,
            pinned=item.pinned_at is not None,
            pin_reason=item.pin_reason,
            likelihood=item.likelihood,
            consequence=item.consequence,
            chain_name=chain.name if chain is not None else None,
            link_name=link.name if link is not None else None,
            weakest_link_name=standing.name if standing is not None else None,
            weakest_maturity=standing.maturity if standing is not None else None,
        ))
    return ranked


def score_parts(chain: Chain | None, link: Link | None) -> tuple[int, int, int]:
    """``(maturity, target, gap)`` of an item on ``link`` in ``chain`` (open or done)."""
    target = chain.target_maturity if chain is not None else MATURITY_MAX
    maturity = link.maturity if link is not None else MATURITY_MIN
    return maturity, target, max(target - maturity, 0)
