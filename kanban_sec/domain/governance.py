"""Risk governance: risk decisions, the ROS matrix and its acceptance bands, the board
policy for verification, and what each role may do.

In a ROS analysis (risiko- og sårbarhetsanalyse) IT estimates likelihood; the business
unit that owns the service assesses consequence and decides whether a risk is acceptable.
Governing members set guidelines, operational members carry them out, controlling members
(internal control) verify. Plain Python: the services enforce these rules, the window only
offers what they allow.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import StrEnum

from kanban_sec.domain.errors import Message, msg
from kanban_sec.domain.model import (
    SCALE_MAX,
    SCALE_MIN,
    Chain,
    Classification,
    Item,
    Person,
    Role,
    Status,
)
from kanban_sec.domain.ownership import OrgTree
from kanban_sec.domain.text import t

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

# -- risk decisions ------------------------------------------------------------------------


class Decision(StrEnum):
    """What the risk owner decides about a risk."""

    ACCEPT = "accept"
    REDUCE = "reduce"
    SHARE = "share"
    AVOID = "avoid"


@dataclass(frozen=True, slots=True)
class RiskDecision:
    """A risk case for one item or a whole chain.

    IT's recommendation and the risk owner's decision are separate fields: IT (operational
    or governing members) may recommend first, and the decision stays empty until the risk
    owner decides. ``recommended_by`` and ``decided_by`` are person ids.
    """

    id: str
    item_id: str | None
    chain_id: str | None
    recommendation: Decision | None = None
    recommended_by: str | None = None
    recommendation_note: str = ""
    decision: Decision | None = None
    decided_by: str | None = None
    rationale: str = ""
    valid_until: date | None = None
    decided_at: datetime | None = None
    created_at: datetime | None = None
    #: What it was decided on: item id → (likelihood, consequence, chain, link). An item
    #: not in it, or whose values differ now, is not covered (``None``: taken before this
    #: was kept; covers what it names).
    covers: Mapping[str, tuple[object, ...]] | None = None
    #: Or a decision on a ROS risk (``item_id`` and ``chain_id`` empty): its treatment.
    risk_id: str | None = None

    def covers_item(self, item: Item) -> bool:
        """Whether the decision was taken on ``item`` as it is now."""
        if self.covers is None or self.decision is not Decision.ACCEPT:
            return True
        if self.risk_id is not None:  # a measure: the risk's L × C it was accepted at
            taken = self.covers.get(self.risk_id)
            return taken is not None and tuple(taken[:2]) == (item.likelihood, item.consequence)
        snapshot = self.covers.get(item.id)
        return snapshot is not None and tuple(snapshot) == (
            item.likelihood,
            item.consequence,
            item.chain_id,
            item.link_id,
        )

    def in_force(self, today: date) -> bool:
        """Decided, and not past its valid-until date (the last day it holds)."""
        return self.decision is not None and (self.valid_until is None or today <= self.valid_until)

    def accepts(self, today: date) -> bool:
        return self.decision is Decision.ACCEPT and self.in_force(today)


def decision_for(item: Item, decisions: Iterable[RiskDecision], today: date) -> RiskDecision | None:
    """The decision in force for ``item``: the newest one on the item or on its chain."""
    best: RiskDecision | None = None
    for decision in decisions:
        applies = (
            decision.item_id == item.id
            if decision.item_id
            else (decision.risk_id == item.risk_id)
            if decision.risk_id
            else (decision.chain_id is not None and decision.chain_id == item.chain_id)
        )
        if not applies or not decision.in_force(today):
            continue
        if best is None or _decided_key(decision) > _decided_key(best):
            best = decision
    return best


def _decided_key(decision: RiskDecision) -> tuple[datetime, str]:
    return (decision.decided_at or decision.created_at or _EPOCH, decision.id)


class Acceptance:
    """Which open items an acceptance in force takes out of the ranking, on one day."""

    def __init__(
        self, items: Iterable[Item], decisions: Iterable[RiskDecision], today: date
    ) -> None:
        by_item: dict[str, list[RiskDecision]] = {}
        by_chain: dict[str, list[RiskDecision]] = {}
        by_risk: dict[str, list[RiskDecision]] = {}
        for decision in decisions:
            if decision.decision is None:
                continue
            if decision.item_id:
                by_item.setdefault(decision.item_id, []).append(decision)
            elif decision.risk_id:  # a ROS risk's treatment holds for its measures
                by_risk.setdefault(decision.risk_id, []).append(decision)
            elif decision.chain_id:
                by_chain.setdefault(decision.chain_id, []).append(decision)
        self.today = today
        #: Item id → the acceptance in force that holds it out of the ranking.
        self.accepted: dict[str, RiskDecision] = {}
        #: Item id → the decision in force (any kind), for cards and explanations.
        self.in_force: dict[str, RiskDecision] = {}
        #: Item id → an acceptance in force that no longer covers it (the item changed, or
        #: came into the chain after the decision): the item is ranked again.
        self.void: dict[str, RiskDecision] = {}
        if not by_item and not by_chain and not by_risk:
            return
        for item in items:
            if item.status is Status.DONE:
                continue
            candidates = (
                by_item.get(item.id, [])
                + (by_chain.get(item.chain_id, []) if item.chain_id else [])
                + (by_risk.get(item.risk_id, []) if item.risk_id else [])
            )
            if not candidates:
                continue
            covering = [d for d in candidates if d.covers_item(item)]
            current = decision_for(item, covering, today)
            dropped = decision_for(item, candidates, today)
            if (
                dropped is not None
                and dropped is not current
                and dropped.decision is Decision.ACCEPT
            ):
                self.void[item.id] = dropped
            if current is None:
                continue
            self.in_force[item.id] = current
            if current.decision is Decision.ACCEPT:
                self.accepted[item.id] = current

    def __contains__(self, item_id: object) -> bool:
        return item_id in self.accepted


def expiring(
    decisions: Iterable[RiskDecision], today: date, within_days: int = 30
) -> list[RiskDecision]:
    """Acceptances in force whose valid-until falls within ``within_days`` of ``today``."""
    out = [
        d
        for d in decisions
        if d.accepts(today)
        and d.valid_until is not None
        and (d.valid_until - today).days <= within_days
    ]
    out.sort(key=lambda d: (d.valid_until or today, d.id))
    return out


# -- the ROS matrix --------------------------------------------------------------------------


class Band(StrEnum):
    """Acceptance band of a cell in the risk matrix."""

    GREEN = "green"  # acceptable
    YELLOW = "yellow"  # acceptable with a rationale; reduce when reasonable
    RED = "red"  # not acceptable: reduce, share or avoid

    @property
    def letter(self) -> str:
        return self.value[0].upper()


#: Likelihood and consequence scale labels (1–5), Norwegian and English.
LIKELIHOOD_LABELS: dict[str, tuple[str, ...]] = {
    "nb": (
        "Svært lite sannsynlig",
        "Lite sannsynlig",
        "Moderat sannsynlig",
        "Sannsynlig",
        "Svært sannsynlig",
    ),
    "en": ("Very unlikely", "Unlikely", "Possible", "Likely", "Very likely"),
}
CONSEQUENCE_LABELS: dict[str, tuple[str, ...]] = {
    "nb": ("Ubetydelig", "Mindre alvorlig", "Alvorlig", "Svært alvorlig", "Kritisk"),
    "en": ("Insignificant", "Minor", "Serious", "Very serious", "Critical"),
}

_SCALE = range(SCALE_MIN, SCALE_MAX + 1)


@dataclass(frozen=True, slots=True)
class Bands:
    """The acceptance band of every cell: ``cells[likelihood - 1][consequence - 1]``."""

    cells: tuple[tuple[Band, ...], ...]

    @classmethod
    def default(cls) -> Bands:
        """Risk (likelihood × consequence) up to 4 green, up to 10 yellow, above red."""
        return cls(
            tuple(
                tuple(
                    Band.GREEN if lk * co <= 4 else Band.YELLOW if lk * co <= 10 else Band.RED
                    for co in _SCALE
                )
                for lk in _SCALE
            )
        )

    def band(self, likelihood: int, consequence: int) -> Band:
        return self.cells[likelihood - 1][consequence - 1]

    def with_band(self, likelihood: int, consequence: int, band: Band) -> Bands:
        rows = [list(row) for row in self.cells]
        rows[likelihood - 1][consequence - 1] = band
        return Bands(tuple(tuple(row) for row in rows))

    def text(self) -> str:
        """Stored form: five rows (likelihood 1..5) of five letters, joined by ``/``."""
        return "/".join("".join(b.letter for b in row) for row in self.cells)

    @classmethod
    def parse(cls, text: str) -> Bands:
        """The stored form back; raises ``ValueError`` when it is not 5×5 of G, Y, R."""
        letters = {"G": Band.GREEN, "Y": Band.YELLOW, "R": Band.RED}
        rows = [row.strip().upper() for row in text.split("/")]
        if (
            len(rows) != SCALE_MAX
            or any(len(row) != SCALE_MAX for row in rows)
            or any(ch not in letters for row in rows for ch in row)
        ):
            raise ValueError(f"not a 5×5 band matrix: {text!r}")
        return cls(tuple(tuple(letters[ch] for ch in row) for row in rows))


@dataclass(frozen=True)
class MatrixCell:
    likelihood: int
    consequence: int
    open_items: int
    accepted: int
    band: Band


def matrix_counts(
    items: Iterable[Item], bands: Bands, accepted: Acceptance | None = None
) -> dict[tuple[int, int], MatrixCell]:
    """Where the open items sit, per (likelihood, consequence) cell; accepted ones counted
    in the cell too, and separately."""
    counts = {(lk, co): [0, 0] for lk in _SCALE for co in _SCALE}
    for item in items:
        if item.status is Status.DONE or item.likelihood is None or item.consequence is None:
            continue  # an unassessed item sits in no cell (see unassessed_count)
        cell = counts[(item.likelihood, item.consequence)]
        cell[0] += 1
        if accepted is not None and item.id in accepted:
            cell[1] += 1
    return {
        key: MatrixCell(key[0], key[1], n, a, bands.band(*key)) for key, (n, a) in counts.items()
    }


def unassessed_count(items: Iterable[Item]) -> int:
    """Open items whose likelihood or consequence nobody has assessed (in no cell)."""
    return sum(
        1
        for item in items
        if item.status is not Status.DONE and (item.likelihood is None or item.consequence is None)
    )


# -- the board policy --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Policy:
    """Which items need verification by a controlling member before ``done``."""

    #: Items scoring at least this need verification (``None``: score never requires it).
    verify_min_score: int | None = 30
    #: Items of these classifications need verification.
    verify_classifications: frozenset[Classification] = field(
        default_factory=lambda: frozenset({Classification.CONFIDENTIAL})
    )

    def needs_verification(self, item: Item, score: int) -> bool:
        if self.verify_min_score is not None and score >= self.verify_min_score:
            return True
        return item.classification in self.verify_classifications


def policy_text(policy: object) -> Message:
    """The policy as one phrase: "score ≥ 30 or classification confidential"."""
    return _PolicyText("", {"policy": policy})


class _PolicyText(Message):
    def render(self, lang: str) -> str:
        policy = self.params["policy"]
        parts = []
        if policy.verify_min_score is not None:
            parts.append(msg("policy.score", score=policy.verify_min_score).render(lang))
        for c in sorted(policy.verify_classifications, key=lambda c: c.value):
            parts.append(
                msg("policy.class", classification=msg(f"classification.{c.value}")).render(lang)
            )
        if not parts:
            return msg("policy.none").render(lang)
        return t("text.or", lang).join(parts)


# -- verification ------------------------------------------------------------------------------


class Verdict(StrEnum):
    APPROVED = "approved"
    REJECTED = "rejected"


@dataclass(frozen=True, slots=True)
class Verification:
    """A controlling member's check of finished work: who, when, and the evidence."""

    id: str
    item_id: str
    verdict: Verdict
    verified_by: str
    evidence: str
    verified_at: datetime


# -- roles ---------------------------------------------------------------------------------


class Action(StrEnum):
    """Things the board lets some roles do and not others."""

    WORK = "work"  # create, edit, move, import items
    COMMENT = "comment"
    MATURITY = "maturity"  # assess a link's maturity
    TARGETS = "targets"  # a chain's target maturity
    WIP_LIMITS = "wip_limits"
    POLICY = "policy"  # the verification policy
    BANDS = "bands"  # the ROS matrix's acceptance bands
    ORGANISATION = "organisation"  # units, people, roles, chains and their risk owners
    RECOMMEND = "recommend"  # IT's risk recommendation
    VERIFY = "verify"
    AUDIT = "audit"  # read every history (the History view)


_ALLOWED: dict[Action, frozenset[Role]] = {
    Action.WORK: frozenset({Role.GOVERNING, Role.OPERATIONAL}),
    Action.COMMENT: frozenset(Role),
    Action.MATURITY: frozenset({Role.GOVERNING, Role.OPERATIONAL}),
    Action.TARGETS: frozenset({Role.GOVERNING}),
    Action.WIP_LIMITS: frozenset({Role.GOVERNING}),
    Action.POLICY: frozenset({Role.GOVERNING}),
    Action.BANDS: frozenset({Role.GOVERNING}),
    Action.ORGANISATION: frozenset({Role.GOVERNING}),
    Action.RECOMMEND: frozenset({Role.GOVERNING, Role.OPERATIONAL}),
    Action.VERIFY: frozenset({Role.CONTROLLING}),
    Action.AUDIT: frozenset({Role.GOVERNING, Role.CONTROLLING}),
}
#: Governing actions anyone may take while the board has no governing member yet, so a
#: new board can be set up (its first governing member then takes over).
_BOOTSTRAP = frozenset(
    {
        Action.TARGETS,
        Action.WIP_LIMITS,
        Action.POLICY,
        Action.BANDS,
        Action.ORGANISATION,
        Action.AUDIT,
    }
)


def roles_for(action: Action) -> frozenset[Role]:
    return _ALLOWED[action]


def may(person: Person | None, action: Action, people: Mapping[str, Person]) -> bool:
    """Whether ``person`` (``None``: somebody not in the organisation, who counts as
    operational) may take ``action`` on a board whose people are ``people``."""
    role = person.role if person is not None else Role.OPERATIONAL
    if role in _ALLOWED[action]:
        return True
    return action in _BOOTSTRAP and not any(p.role is Role.GOVERNING for p in people.values())


def may_decide(
    person: Person | None, chain: Chain | None, tree: OrgTree, people: Mapping[str, Person]
) -> bool:
    """Whether ``person`` may decide the risk of items in ``chain`` (the rulebook's rule,
    :func:`kanban_sec.domain.rules.may_decide`, over an organisation tree).

    Only a governing member of the chain's risk-owner unit, or of a unit above it, decides;
    operational members in the business assess consequence and IT recommends, controlling
    members check. Work without a chain, or a chain without a risk-owner unit, is decided
    by governing members.
    """
    if person is None or person.role is not Role.GOVERNING:
        return False
    owner_unit = chain.risk_owner_unit_id if chain is not None else None
    if owner_unit is None or owner_unit not in tree.units:
        return True
    return person.unit_id is not None and (
        person.unit_id == owner_unit or person.unit_id in tree.ancestors(owner_unit)
    )


# -- stored settings -------------------------------------------------------------------------

#: Setting keys (rows of the ``settings`` table).
POLICY_MIN_SCORE = "policy.verify_min_score"
POLICY_CLASSIFICATIONS = "policy.verify_classifications"
BANDS = "matrix.bands"


def policy_from(settings: Mapping[str, str]) -> Policy:
    """The board policy from stored settings (the default where none is stored)."""
    default = Policy()
    score_text = settings.get(POLICY_MIN_SCORE)
    classes_text = settings.get(POLICY_CLASSIFICATIONS)
    score = (
        default.verify_min_score
        if score_text is None
        else (int(score_text) if score_text.strip() else None)
    )
    classes = (
        default.verify_classifications
        if classes_text is None
        else frozenset(Classification(c) for c in classes_text.split(",") if c.strip())
    )
    return Policy(score, classes)


def policy_settings(policy: Policy) -> dict[str, str]:
    return {
        POLICY_MIN_SCORE: "" if policy.verify_min_score is None else str(policy.verify_min_score),
        POLICY_CLASSIFICATIONS: ",".join(sorted(c.value for c in policy.verify_classifications)),
    }


def bands_from(settings: Mapping[str, str]) -> Bands:
    text = settings.get(BANDS)
    if not text:
        return Bands.default()
    try:
        return Bands.parse(text)
    except ValueError:
        return Bands.default()
