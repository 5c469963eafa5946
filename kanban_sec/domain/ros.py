"""ROS analysis (risiko- og sårbarhetsanalyse) of a service, as plain values: information
values, ROS risks with IT's likelihood and the business's consequence, data flows between
a chain's links, dated analyses; the risk register and the ROS matrix of risks. Pure Python.

Who may set what is the rulebook's (:mod:`kanban_sec.domain.rules`): IT (operational
members) estimates likelihood; the risk-owner unit judges consequence and values the
information; a governing member of the risk-owner unit decides the treatment.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from kanban_sec.domain.governance import Band, Bands, Decision, RiskDecision
from kanban_sec.domain.model import SCALE_MAX, SCALE_MIN, Chain, Link, Person, Status


class Knowledge(StrEnum):
    """How well an estimate is founded (kunnskapsstyrke)."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class RunBy(StrEnum):
    """Which side of the chain map's boundary a link is on."""

    MUNICIPALITY = "municipality"
    SUPPLIER = "supplier"


@dataclass(frozen=True, slots=True)
class Assessment:
    """A judged value (1–5, ``None`` while unassessed) with who (a person id), when, why
    and how well founded."""

    value: int | None = None
    by: str | None = None
    at: datetime | None = None
    note: str = ""
    knowledge: Knowledge | None = None


@dataclass(frozen=True, slots=True)
class InfoValue:
    """A kind of information a service handles, valued by its risk-owner unit."""

    id: str
    chain_id: str
    name: str
    confidentiality: int | None = None
    integrity: int | None = None
    availability: int | None = None
    set_by: str | None = None
    set_at: datetime | None = None
    notes: str = ""

    @property
    def highest(self) -> int | None:
        """The highest of C, I and A (``None`` when none is set)."""
        found = [v for v in (self.confidentiality, self.integrity, self.availability) if v]
        return max(found) if found else None


@dataclass(frozen=True, slots=True)
class RosRisk:
    """A risk scenario of a chain, optionally on one of its links."""

    id: str
    chain_id: str
    title: str
    link_id: str | None = None
    threat: str = ""
    vulnerability: str = ""
    existing_measures: str = ""
    value_ids: tuple[str, ...] = ()
    likelihood: Assessment = field(default_factory=Assessment)
    consequence: Assessment = field(default_factory=Assessment)
    #: The first full assessment (L, C), never changed after.
    inherent: tuple[int | None, int | None] = (None, None)
    #: What the chosen treatment aims at (L, C), set by the risk owner.
    target: tuple[int | None, int | None] = (None, None)
    created_at: datetime | None = None

    @property
    def current(self) -> tuple[int | None, int | None]:
        return (self.likelihood.value, self.consequence.value)

    @property
    def assessed(self) -> bool:
        return None not in self.current

    @property
    def last_assessed(self) -> datetime | None:
        moments = [m for m in (self.likelihood.at, self.consequence.at) if m is not None]
        return max(moments) if moments else None


def snapshot(risk: RosRisk) -> list[object]:
    """What a decision on ``risk`` is taken on: its L, C, chain and link."""
    return [risk.likelihood.value, risk.consequence.value, risk.chain_id, risk.link_id]


def covers_json(risk: RosRisk) -> str:
    """The ``covers`` of a decision on ``risk`` (as the rulebook's item decisions)."""
    return json.dumps({risk.id: snapshot(risk)}, sort_keys=True)


@dataclass(frozen=True, slots=True)
class DataFlow:
    """Data flowing from one link of a chain to another, numbered on the chain map."""

    id: str
    chain_id: str
    number: int
    from_link_id: str
    to_link_id: str
    data: str
    notes: str = ""


@dataclass(frozen=True, slots=True)
class RosAnalysis:
    """A dated ROS analysis of a chain: who took part, the risks it assessed, what was
    decided, and the matrix (bands and scale words) it used, frozen."""

    id: str
    chain_id: str
    held_on: date
    participants: tuple[str, ...] = ()
    risk_ids: tuple[str, ...] = ()
    decisions: str = ""
    notes: str = ""
    bands: Bands = field(default_factory=Bands.default)
    scales: Mapping[str, Sequence[str]] = field(default_factory=dict)
    activity_id: str | None = None
    occurrence: date | None = None
    created_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Measure:
    """A board item that is a measure of a risk."""

    id: str
    title: str
    status: Status
    done_at: datetime | None = None


# -- scales and bands --------------------------------------------------------------------------

#: The scales as Norwegian public guidance words them (the default; editable per board).
LIKELIHOOD_WORDS: dict[str, tuple[str, ...]] = {
    "nb": (
        "Lite sannsynlig",
        "Mindre sannsynlig",
        "Sannsynlig",
        "Meget sannsynlig",
        "Svært sannsynlig",
    ),
    "en": ("Unlikely", "Less likely", "Likely", "Very likely", "Almost certain"),
}
CONSEQUENCE_WORDS: dict[str, tuple[str, ...]] = {
    "nb": ("Ubetydelig", "Mindre alvorlig", "Alvorlig", "Kritisk", "Katastrofalt"),
    "en": ("Insignificant", "Minor", "Serious", "Critical", "Catastrophic"),
}
#: Board settings holding a board's own words ("w1|w2|w3|w4|w5", in its own language).
LIKELIHOOD_KEY = "matrix.likelihood_words"
CONSEQUENCE_KEY = "matrix.consequence_words"
_SCALE = range(SCALE_MIN, SCALE_MAX + 1)
_BAND_ORDER = {Band.RED: 0, Band.YELLOW: 1, Band.GREEN: 2}


def parse_words(text: str) -> tuple[str, ...]:
    """Five words of a scale from ``"a|b|c|d|e"``; ``ValueError`` otherwise."""
    words = tuple(w.strip() for w in text.split("|"))
    if len(words) != SCALE_MAX or not all(words):
        raise ValueError(f"a scale has five words separated by |: {text!r}")
    return words


def scale_words(settings: Mapping[str, str], lang: str) -> dict[str, tuple[str, ...]]:
    """``{"likelihood": (...), "consequence": (...)}``: the board's own words where it has
    set them, else the guidance's in ``lang``."""
    out = {}
    for side, key, default in (
        ("likelihood", LIKELIHOOD_KEY, LIKELIHOOD_WORDS),
        ("consequence", CONSEQUENCE_KEY, CONSEQUENCE_WORDS),
    ):
        try:
            out[side] = parse_words(settings[key]) if settings.get(key) else default[lang]
        except ValueError:
            out[side] = default[lang]
    return out


def band_of(bands: Bands, likelihood: int | None, consequence: int | None) -> Band | None:
    if likelihood is None or consequence is None:
        return None
    return bands.band(likelihood, consequence)


# -- the register --------------------------------------------------------------------------------


@dataclass(frozen=True)
class RegisterRow:
    """A risk as the register shows it, with what it needs to be understood."""

    risk: RosRisk
    chain: Chain
    link: Link | None
    #: The newest decision on the risk (``None``: not decided).
    treatment: RiskDecision | None
    #: The risk changed after the decision (an acceptance no longer holds).
    stale: bool
    #: An acceptance past its valid-until date.
    expired: bool
    measures: tuple[Measure, ...]
    #: A measure was finished after the last assessment: assess again.
    reassess: bool
    band: Band | None
    inherent_band: Band | None
    likelihood_by: str  # the person's name, or ""
    consequence_by: str

    @property
    def decision(self) -> Decision | None:
        return self.treatment.decision if self.treatment is not None else None


def treatment_of(
    risk: RosRisk, decisions: Iterable[RiskDecision]
) -> tuple[RiskDecision | None, bool]:
    """The newest decision taken on ``risk`` (among ``decisions``, which may be all of the
    board's or only the risk's own), and whether the risk has changed since."""
    taken = [d for d in decisions if d.risk_id == risk.id and d.decision is not None]
    if not taken:
        return None, False
    newest = max(taken, key=lambda d: (d.decided_at or d.created_at or datetime.min, d.id))
    covered = (newest.covers or {}).get(risk.id)
    stale = covered is not None and list(covered) != snapshot(risk)
    return newest, stale


def needs_reassessment(risk: RosRisk, measures: Iterable[Measure]) -> bool:
    """Whether a measure of the risk was finished after its last assessment."""
    last = risk.last_assessed
    return any(
        m.status is Status.DONE and m.done_at is not None and (last is None or m.done_at > last)
        for m in measures
    )


def register(
    risks: Iterable[RosRisk],
    chains: Mapping[str, Chain],
    links: Mapping[str, Link],
    decisions: Sequence[RiskDecision],
    measures: Mapping[str, Sequence[Measure]],
    bands: Bands,
    people: Mapping[str, Person],
    today: date,
) -> list[RegisterRow]:
    """Every risk of a known chain, worst first: by band (red first, unassessed last),
    then current L × C, then title."""

    def name(person_id: str | None) -> str:
        found = people.get(person_id or "")
        return found.name if found is not None else ""

    by_risk: dict[str, list[RiskDecision]] = {}
    for decision in decisions:
        if decision.risk_id is not None:
            by_risk.setdefault(decision.risk_id, []).append(decision)
    out = []
    for risk in risks:
        chain = chains.get(risk.chain_id)
        if chain is None:
            continue
        treatment, stale = treatment_of(risk, by_risk.get(risk.id, ()))
        expired = bool(
            treatment is not None
            and treatment.decision is Decision.ACCEPT
            and treatment.valid_until is not None
            and treatment.valid_until < today
        )
        own = tuple(measures.get(risk.id, ()))
        out.append(
            RegisterRow(
                risk,
                chain,
                links.get(risk.link_id or ""),
                treatment,
                stale,
                expired,
                own,
                needs_reassessment(risk, own),
                band_of(bands, *risk.current),
                band_of(bands, *risk.inherent),
                name(risk.likelihood.by),
                name(risk.consequence.by),
            )
        )
    out.sort(key=_worst_first)
    return out


def _worst_first(row: RegisterRow) -> tuple[int, int, str, str]:
    lk, co = row.risk.current
    band = _BAND_ORDER[row.band] if row.band is not None else 3
    return (band, -((lk or 0) * (co or 0)), row.risk.title.casefold(), row.risk.id)


@dataclass(frozen=True)
class RegisterFilter:
    """What the register shows (every criterion given must hold)."""

    chain_id: str | None = None
    link_id: str | None = None
    band: Band | None = None
    #: A decision, or ``"none"`` for risks not decided.
    treatment: str | None = None
    unassessed: bool = False
    #: Risks to assess again (a measure done since) or whose decision went stale or expired.
    reassess: bool = False

    def matches(self, row: RegisterRow) -> bool:
        if self.chain_id is not None and row.risk.chain_id != self.chain_id:
            return False
        if self.link_id is not None and row.risk.link_id != self.link_id:
            return False
        if self.band is not None and row.band is not self.band:
            return False
        if self.treatment is not None:
            shown = row.decision.value if row.decision is not None else "none"
            if shown != self.treatment:
                return False
        if self.unassessed and row.risk.assessed:
            return False
        return not self.reassess or row.reassess or row.stale or row.expired


# -- the ROS matrix of risks ---------------------------------------------------------------------


@dataclass(frozen=True)
class RiskCell:
    """One cell of the ROS matrix: the risks now in it, and those that started in it."""

    likelihood: int
    consequence: int
    band: Band
    current: tuple[str, ...]
    inherent: tuple[str, ...]


def risk_matrix(
    rows: Iterable[RegisterRow], bands: Bands
) -> tuple[dict[tuple[int, int], RiskCell], int]:
    """The cells (risk ids now in each, and whose inherent risk was there) and how many
    risks are not fully assessed (in no cell)."""
    current: dict[tuple[int, int], list[str]] = {}
    inherent: dict[tuple[int, int], list[str]] = {}
    unassessed = 0
    for row in rows:
        lk, co = row.risk.current
        if lk is None or co is None:
            unassessed += 1
        else:
            current.setdefault((lk, co), []).append(row.risk.id)
        ilk, ico = row.risk.inherent
        if ilk is not None and ico is not None:
            inherent.setdefault((ilk, ico), []).append(row.risk.id)
    cells = {
        (lk, co): RiskCell(
            lk,
            co,
            bands.band(lk, co),
            tuple(current.get((lk, co), ())),
            tuple(inherent.get((lk, co), ())),
        )
        for lk in _SCALE
        for co in _SCALE
    }
    return cells, unassessed
