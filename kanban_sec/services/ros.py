"""ROS analysis use cases: information values, risks and their assessments, treatment
decisions, measures on the board, data flows, analyses; the register and the ROS matrix of
risks. Each write is one transaction through the store's one write path, so the rulebook
judges it (IT's likelihood, the business's consequence and values, the risk owner's
decision) whether it comes from the window, the command line, an import, undo or a pull."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from kanban_sec.domain import rules
from kanban_sec.domain.errors import BadInput, NotFound
from kanban_sec.domain.governance import Bands, Decision, RiskDecision, bands_from
from kanban_sec.domain.ids import new_id
from kanban_sec.domain.model import SCALE_MAX, SCALE_MIN, Chain, Link
from kanban_sec.domain.ros import (
    CONSEQUENCE_KEY,
    LIKELIHOOD_KEY,
    DataFlow,
    InfoValue,
    Knowledge,
    RegisterFilter,
    RegisterRow,
    RiskCell,
    RosAnalysis,
    RosRisk,
    RunBy,
    covers_json,
    parse_words,
    register,
    risk_matrix,
    scale_words,
)
from kanban_sec.domain.rule_tables import (
    CONSEQUENCE_FIELDS,
    DEFAULT,
    LIKELIHOOD_FIELDS,
    WRITE_ROLES,
)
from kanban_sec.services.access import actor
from kanban_sec.services.board import BoardService
from kanban_sec.services.governance import GovernanceService, store_settings
from kanban_sec.services.item_edit import ItemEdit
from kanban_sec.services.names import Names
from kanban_sec.services.outcome import Outcome
from kanban_sec.services.risk_refs import must_risk
from kanban_sec.services.risk_refs import risk_id as find_risk_id
from kanban_sec.services.session import Service
from kanban_sec.store import ros_reader
from kanban_sec.store.unit_of_work import Reader, UnitOfWork, reading, writing
from kanban_sec.store.world import StoreWorld


@dataclass(frozen=True)
class RosRights:
    """What the acting person may set on a chain's risks, as the rulebook judges it (so a
    window offers only what would pass; the rulebook still judges every write)."""

    #: Add and describe risks, estimate likelihood (IT: governing and operational members).
    likelihood: bool
    #: Judge consequence and value the information (the risk-owner unit's business).
    consequence: bool
    #: Decide the treatment and its target (a governing member of the risk-owner unit).
    decide: bool


_EPOCH = datetime.min.replace(tzinfo=UTC)


@dataclass(frozen=True)
class ChainPicture:
    """What the chain map and the analysis report draw of one chain."""

    chain: Chain
    links: list[Link]
    flows: list[DataFlow]
    rows: list[RegisterRow]
    values: list[InfoValue]
    #: The weakest link (lowest maturity; ties by name), ``None`` for a chain without links.
    weakest: str | None
    risk_owner: str  # the risk-owner unit's path, or ""
    units: dict[str, str]  # unit id → path


#: The fields of one side of an assessment (likelihood or consequence).
_SIDE_FIELDS = {"likelihood": LIKELIHOOD_FIELDS, "consequence": CONSEQUENCE_FIELDS}


def _scale(what: str, value: int | None) -> int | None:
    if value is not None and not SCALE_MIN <= value <= SCALE_MAX:
        raise BadInput("ros.scale", what=what, value=value)
    return value


def _knowledge(value: Knowledge | str | None) -> str | None:
    if value is None or value == "":
        return None
    aliases = {"lav": "low", "middels": "medium", "høy": "high", "hoy": "high"}
    text = str(value).strip().lower()
    try:
        return Knowledge(aliases.get(text, text)).value
    except ValueError:
        raise BadInput("ros.knowledge", value=value) from None


class RosService(Service):
    """ROS analysis for one person."""

    # -- finding ----------------------------------------------------------------------
    def find_risk(self, reference: str, chain: str | None = None) -> str:
        """A risk id from its id, a short key (start or end of the id) or its title."""
        with reading(self.db) as reader:
            return _risk_id(reader, reference, chain)

    def risk(self, reference: str) -> RosRisk:
        with reading(self.db) as reader:
            found = ros_reader.risk(reader, _risk_id(reader, reference))
        assert found is not None
        return found

    # -- information values --------------------------------------------------------------
    def set_value(
        self,
        chain: str,
        name: str,
        *,
        confidentiality: int | None = None,
        integrity: int | None = None,
        availability: int | None = None,
        notes: str | None = None,
    ) -> Outcome:
        """Value a kind of information of ``chain`` (added when new): the risk-owner unit's."""
        if not name.strip():
            raise BadInput("ros.value_name_needed")
        values: dict[str, object] = {}
        for what, value in (
            ("confidentiality", confidentiality),
            ("integrity", integrity),
            ("availability", availability),
        ):
            if value is not None:
                values[what] = _scale(what, value)
        if notes is not None:
            values["notes"] = notes.strip()
        with writing(self.db, self.author, self.person_id) as uow:
            chain_id = Names(uow).chain(chain)
            person = actor(uow, self.author, self.person_id)
            if set(values) - {"notes"}:
                values.update(set_by=person.id if person else None, set_at=uow.now_text)
            found = next(
                (
                    v
                    for v in ros_reader.info_values(uow, chain_id)
                    if v.name.casefold() == name.strip().casefold()
                ),
                None,
            )
            if found is None:
                row_id = new_id()
                uow.insert(
                    "info_value",
                    {"id": row_id, "chain_id": chain_id, "name": name.strip(), **values},
                )
            else:
                row_id = found.id
                uow.update("info_value", row_id, values)
            return Outcome(tuple(uow.changes), (), row_id)

    def values(self, chain: str | None = None) -> list[InfoValue]:
        with reading(self.db) as reader:
            chain_id = Names(reader).chain(chain) if chain else None
            return ros_reader.info_values(reader, chain_id)

    # -- risks --------------------------------------------------------------------------
    def add_risk(
        self,
        chain: str,
        title: str,
        *,
        link: str | None = None,
        threat: str = "",
        vulnerability: str = "",
        existing_measures: str = "",
        values: Sequence[str] = (),
    ) -> Outcome:
        """A new risk of ``chain`` (on ``link`` if given), unassessed; its id in row_id."""
        with writing(self.db, self.author, self.person_id) as uow:
            row_id = _add_risk(
                uow, chain, title, link, threat, vulnerability, existing_measures, values
            )
            return Outcome(tuple(uow.changes), (), row_id)

    def edit_risk(
        self,
        reference: str,
        *,
        title: str | None = None,
        link: str | None = None,
        threat: str | None = None,
        vulnerability: str | None = None,
        existing_measures: str | None = None,
        values: Sequence[str] | None = None,
    ) -> Outcome:
        """Change what a risk says (``link=""``: the chain as a whole)."""
        with writing(self.db, self.author, self.person_id) as uow:
            risk = _must_risk(uow, reference)
            _edit_risk(
                uow,
                risk,
                {
                    "title": title,
                    "link": link,
                    "threat": threat,
                    "vulnerability": vulnerability,
                    "existing_measures": existing_measures,
                },
                values,
            )
            return Outcome(tuple(uow.changes), (), risk.id)

    def save_risk(
        self,
        reference: str | None,
        chain: str,
        texts: dict[str, str],
        values: Sequence[str] | None = None,
        assessments: dict[str, tuple[int | None, str, Knowledge | str | None]] | None = None,
    ) -> Outcome:
        """A risk dialog's OK in one transaction (all or nothing, one undo step): a new
        risk of ``chain`` (``reference`` None) or the changed ``texts`` (title, link,
        threat, vulnerability, existing_measures) of one, and each side's assessment in
        ``assessments`` ("likelihood"/"consequence" → value, note, strength of knowledge)."""
        checked = {
            side: (_scale(side, value), note, _knowledge(knowledge))
            for side, (value, note, knowledge) in (assessments or {}).items()
        }
        with writing(self.db, self.author, self.person_id) as uow:
            if reference is None:
                row_id = _add_risk(
                    uow,
                    chain,
                    texts.get("title", ""),
                    texts.get("link") or None,
                    texts.get("threat", ""),
                    texts.get("vulnerability", ""),
                    texts.get("existing_measures", ""),
                    values or (),
                )
            else:
                risk = _must_risk(uow, reference)
                _edit_risk(uow, risk, dict(texts), values)
                row_id = risk.id
            for side in ("likelihood", "consequence"):
                if side in checked:
                    risk = _must_risk(uow, row_id)
                    _assess_in(uow, self.author, self.person_id, side, risk, *checked[side])
            return Outcome(tuple(uow.changes), (), row_id)

    def remove_risk(self, reference: str) -> Outcome:
        """Delete a risk (its measures stay on the board, no longer on it)."""
        with writing(self.db, self.author, self.person_id) as uow:
            risk = _must_risk(uow, reference)
            for measure in ros_reader.measures(uow).get(risk.id, []):
                uow.update("item", measure.id, {"risk_id": None})
            uow.tombstone("ros_risk", risk.id)
            return Outcome(tuple(uow.changes), (), risk.id)

    def assess_likelihood(
        self,
        reference: str,
        value: int | None,
        note: str = "",
        knowledge: Knowledge | str | None = None,
    ) -> Outcome:
        """IT's estimate of how likely the risk is (operational members)."""
        return self._assess("likelihood", reference, _scale("likelihood", value), note, knowledge)

    def assess_consequence(
        self,
        reference: str,
        value: int | None,
        note: str = "",
        knowledge: Knowledge | str | None = None,
    ) -> Outcome:
        """The business's judgement of what it would mean (the risk-owner unit)."""
        return self._assess("consequence", reference, _scale("consequence", value), note, knowledge)

    def _assess(
        self,
        side: str,
        reference: str,
        value: int | None,
        note: str,
        knowledge: Knowledge | str | None,
    ) -> Outcome:
        strength = _knowledge(knowledge)
        with writing(self.db, self.author, self.person_id) as uow:
            risk = _must_risk(uow, reference)
            _assess_in(uow, self.author, self.person_id, side, risk, value, note, strength)
            return Outcome(tuple(uow.changes), (), risk.id)

    def decide(
        self,
        reference: str,
        decision: Decision | str,
        rationale: str,
        *,
        valid_until: date | None = None,
        target: tuple[int, int] | None = None,
    ) -> Outcome:
        """The risk owner's treatment of a risk: accept (until a date, not in the red band,
        once assessed), reduce, share or avoid; with the L × C the treatment aims at."""
        checks = GovernanceService(self.session)
        choice = checks.checked_decision(decision, rationale, valid_until)
        if target is not None:
            target = (_scale("likelihood", target[0]) or 0, _scale("consequence", target[1]) or 0)
        with writing(self.db, self.author, self.person_id) as uow:
            risk = _must_risk(uow, reference)
            person = checks.check_decider_of_chain(uow, risk.chain_id)
            row_id = new_id()
            uow.insert(
                "risk_decision",
                {
                    "id": row_id,
                    "item_id": None,
                    "chain_id": None,
                    "risk_id": risk.id,
                    "decision": choice.value,
                    "decided_by": person.id,
                    "rationale": rationale.strip(),
                    "valid_until": valid_until.isoformat() if valid_until else None,
                    "decided_at": uow.now_text,
                    "covers": covers_json(risk),
                },
            )
            if target is not None:
                uow.update(
                    "ros_risk",
                    risk.id,
                    {"target_likelihood": target[0], "target_consequence": target[1]},
                )
            return Outcome(tuple(uow.changes), (), row_id)

    # -- measures ----------------------------------------------------------------------------
    def link_measure(self, item_id: str, reference: str | None) -> Outcome:
        """Make an item a measure of a risk (``None``: of no risk). It moves into the
        risk's chain (and onto its link) and takes the risk's likelihood and consequence:
        the item edit's one way (``set ID risk=RISK`` and the item dialog go the same)."""
        found = None if reference is None else self.find_risk(reference)
        return BoardService(self.session).save_item(item_id, ItemEdit(risk_id=found))

    # -- data flows ----------------------------------------------------------------------
    def add_flow(
        self, chain: str, from_link: str, to_link: str, data: str, notes: str = ""
    ) -> Outcome:
        """A numbered data flow between two links of ``chain`` (the next free number)."""
        if not data.strip():
            raise BadInput("ros.flow_data_needed")
        with writing(self.db, self.author, self.person_id) as uow:
            names = Names(uow)
            chain_id = names.chain(chain)
            source, target = names.link(chain_id, from_link), names.link(chain_id, to_link)
            if source == target:
                raise BadInput("ros.flow_same_link", link=from_link)
            numbers = [f.number for f in ros_reader.flows(uow, chain_id)]
            row_id = new_id()
            uow.insert(
                "data_flow",
                {
                    "id": row_id,
                    "chain_id": chain_id,
                    "number": max(numbers, default=0) + 1,
                    "from_link_id": source,
                    "to_link_id": target,
                    "data": data.strip(),
                    "notes": notes.strip(),
                },
            )
            return Outcome(tuple(uow.changes), (), row_id)

    def remove_flow(self, chain: str, number: int) -> Outcome:
        with writing(self.db, self.author, self.person_id) as uow:
            chain_id = Names(uow).chain(chain)
            found = next((f for f in ros_reader.flows(uow, chain_id) if f.number == number), None)
            if found is None:
                raise NotFound("ros.flow_not_found", chain=chain, number=number)
            uow.tombstone("data_flow", found.id)
            return Outcome(tuple(uow.changes), (), found.id)

    def flows(self, chain: str | None = None) -> list[DataFlow]:
        with reading(self.db) as reader:
            chain_id = Names(reader).chain(chain) if chain else None
            return ros_reader.flows(reader, chain_id)

    def set_run_by(self, chain: str, link: str, run_by: RunBy | str) -> Outcome:
        """Which side of the boundary a link is on: the municipality's or a supplier's."""
        side = run_by_of(run_by)
        with writing(self.db, self.author, self.person_id) as uow:
            names = Names(uow)
            link_id = names.link(names.chain(chain), link)
            uow.update("link", link_id, {"run_by": side})
            return Outcome(tuple(uow.changes), (), link_id)

    # -- analyses --------------------------------------------------------------------------
    def open_analysis(
        self,
        chain: str,
        participants: Iterable[str] = (),
        *,
        held_on: date | None = None,
        decisions: str = "",
        notes: str = "",
        activity_id: str | None = None,
        occurrence: date | None = None,
    ) -> Outcome:
        """A dated analysis of ``chain``: its participants (people of the organisation),
        the chain's risks as they stand, and the matrix (bands, scale words) frozen."""
        with writing(self.db, self.author, self.person_id) as uow:
            names = Names(uow)
            chain_id = names.chain(chain)
            people = []
            for name in participants:
                found = names.find_person(name)
                if found is None:
                    raise NotFound("ros.participant_unknown", name=name)
                people.append(names.people[found].name)
            row_id = insert_analysis(
                uow,
                chain_id,
                held_on or self.today(),
                self.lang,
                people,
                decisions=decisions,
                notes=notes,
                activity_id=activity_id,
                occurrence=occurrence,
            )
            return Outcome(tuple(uow.changes), (), row_id)

    def analyses(self, chain: str | None = None) -> list[RosAnalysis]:
        with reading(self.db) as reader:
            chain_id = Names(reader).chain(chain) if chain else None
            return ros_reader.analyses(reader, chain_id)

    # -- the scales' words --------------------------------------------------------------
    def set_scale(self, side: str, words: str) -> Outcome:
        """The board's own five words of a scale, ``"w1|w2|w3|w4|w5"`` (empty: the
        guidance's again), governing members only, like the matrix's bands."""
        key = SCALE_KEYS[scale_side(side)]
        text = ""
        if words.strip():
            try:
                text = "|".join(parse_words(words))
            except ValueError:
                raise BadInput("roscli.scale_words", value=words) from None
        with writing(self.db, self.author, self.person_id) as uow:
            store_settings(uow, {key: text})  # the rulebook: governing members only
            return Outcome(tuple(uow.changes))

    def custom_scales(self) -> set[str]:
        """The scales (``likelihood``, ``consequence``) this board words itself."""
        with reading(self.db) as reader:
            settings = reader.settings()
        out = set()
        for side, key in SCALE_KEYS.items():
            try:
                if settings.get(key):
                    parse_words(settings[key])
                    out.add(side)
            except ValueError:
                continue
        return out

    # -- one risk -----------------------------------------------------------------------
    def titles(self) -> dict[str, str]:
        """Every risk's title, by id."""
        with reading(self.db) as reader:
            return {r.id: r.title for r in ros_reader.risks(reader)}

    def row(self, reference: str) -> RegisterRow:
        """One risk as the register shows it."""
        with reading(self.db) as reader:
            found = _risk_id(reader, reference)
            rows = _register(reader, self.today())
        return next(r for r in rows if r.risk.id == found)

    def decisions(self, reference: str) -> list[RiskDecision]:
        """The decisions taken on a risk, oldest first (the newest is its treatment)."""
        with reading(self.db) as reader:
            found = _risk_id(reader, reference)
            taken = [d for d in reader.risk_decisions() if d.risk_id == found]
        return sorted(taken, key=lambda d: (d.decided_at or d.created_at or _EPOCH, d.id))

    # -- reading: the register, the matrix, the chain map --------------------------------------
    def register(self, where: RegisterFilter | None = None) -> list[RegisterRow]:
        """The risks, worst first, filtered by ``where``."""
        with reading(self.db) as reader:
            rows = _register(reader, self.today())
        return [r for r in rows if where is None or where.matches(r)]

    def matrix(
        self, where: RegisterFilter | None = None
    ) -> tuple[dict[tuple[int, int], RiskCell], int, Bands]:
        """The ROS matrix of risks: cells, how many are not assessed, and the bands."""
        with reading(self.db) as reader:
            rows = _register(reader, self.today())
            bands = bands_from(reader.settings())
        cells, unassessed = risk_matrix(
            [r for r in rows if where is None or where.matches(r)], bands
        )
        return cells, unassessed, bands

    def rights(self, chain: str) -> RosRights:
        """What the acting person may set on the risks of ``chain`` (a name or an id)."""
        with reading(self.db) as reader:
            chain_id = Names(reader).chain(chain)
            world = StoreWorld(reader)
            who = world.actor(self.author, self.person_id)
            row = world.row("chain", chain_id)
            return RosRights(
                likelihood=who.has(WRITE_ROLES["ros_risk"][DEFAULT]) or who.setting_up,
                consequence=rules.in_business(who, row, world),
                decide=rules.may_decide(who, row, world),
            )

    def scales(self) -> dict[str, tuple[str, ...]]:
        with reading(self.db) as reader:
            return scale_words(reader.settings(), self.lang)

    def picture(self, chain: str) -> ChainPicture:
        """Everything the chain map and the analysis report show of ``chain``."""
        with reading(self.db) as reader:
            names = Names(reader)
            chain_id = names.chain(chain)
            found = reader.chains()[chain_id]
            links = sorted(
                (k for k in reader.links().values() if k.chain_id == chain_id),
                key=lambda k: (k.name.casefold(), k.id),
            )
            rows = _register(reader, self.today(), chain_id)
            weakest = min(links, key=lambda k: (k.maturity, k.name.casefold()), default=None)
            units = {u: names.unit_path(u) for u in names.tree.units}
            return ChainPicture(
                found,
                links,
                ros_reader.flows(reader, chain_id),
                rows,
                ros_reader.info_values(reader, chain_id),
                weakest.id if weakest is not None else None,
                units.get(found.risk_owner_unit_id or "", ""),
                units,
            )


def insert_analysis(
    uow: UnitOfWork,
    chain_id: str,
    held_on: date,
    lang: str,
    participants: Sequence[str] = (),
    *,
    decisions: str = "",
    notes: str = "",
    activity_id: str | None = None,
    occurrence: date | None = None,
    row_id: str | None = None,
) -> str:
    """Add an analysis of a chain within ``uow`` (see :meth:`RosService.open_analysis`;
    the annual wheel opens its ROS duty's analysis with the occurrence's item, under a
    ``row_id`` every replica computes alike); returns its id."""
    settings = uow.settings()
    row_id = row_id or new_id()
    uow.insert(
        "ros_analysis",
        {
            "id": row_id,
            "chain_id": chain_id,
            "held_on": held_on.isoformat(),
            "participants": json.dumps(list(participants), ensure_ascii=False),
            "risk_ids": json.dumps([r.id for r in ros_reader.risks(uow, chain_id)]),
            "decisions": decisions.strip(),
            "notes": notes.strip(),
            "bands": bands_from(settings).text(),
            "scales": json.dumps(scale_words(settings, lang), ensure_ascii=False),
            "activity_id": activity_id,
            "occurrence": occurrence.isoformat() if occurrence else None,
        },
    )
    return row_id


def _add_risk(
    uow: UnitOfWork,
    chain: str,
    title: str,
    link: str | None,
    threat: str,
    vulnerability: str,
    existing_measures: str,
    values: Sequence[str],
) -> str:
    if not title.strip():
        raise BadInput("ros.title_needed")
    names = Names(uow)
    chain_id = names.chain(chain)
    row_id = new_id()
    uow.insert(
        "ros_risk",
        {
            "id": row_id,
            "chain_id": chain_id,
            "link_id": names.link(chain_id, link) if link else None,
            "title": title.strip(),
            "threat": threat.strip(),
            "vulnerability": vulnerability.strip(),
            "existing_measures": existing_measures.strip(),
            "value_ids": json.dumps(_value_ids(uow, chain_id, values)),
        },
    )
    return row_id


def _edit_risk(
    uow: UnitOfWork,
    risk: RosRisk,
    texts: dict[str, str | None],
    values: Sequence[str] | None,
) -> None:
    fields: dict[str, object] = {}
    title, link = texts.pop("title", None), texts.pop("link", None)
    if title is not None:
        if not title.strip():
            raise BadInput("ros.title_needed")
        fields["title"] = title.strip()
    if link is not None:
        fields["link_id"] = Names(uow).link(risk.chain_id, link) if link.strip() else None
    for name in ("threat", "vulnerability", "existing_measures"):
        text = texts.get(name)
        if text is not None:
            fields[name] = text.strip()
    if values is not None:
        fields["value_ids"] = json.dumps(_value_ids(uow, risk.chain_id, values))
    if fields:
        uow.update("ros_risk", risk.id, fields)


def _assess_in(
    uow: UnitOfWork,
    author: str,
    person_id: str | None,
    side: str,
    risk: RosRisk,
    value: int | None,
    note: str,
    strength: str | None,
) -> None:
    person = actor(uow, author, person_id)
    fields: dict[str, object] = {
        side: value,
        f"{side}_by": person.id if person else None,
        f"{side}_at": uow.now_text,
        f"{side}_note": note.strip(),
        f"{side}_knowledge": strength,
    }
    after = dict(zip(("likelihood", "consequence"), risk.current, strict=True))
    after[side] = value
    if risk.inherent == (None, None) and None not in after.values():
        fields["inherent_likelihood"] = after["likelihood"]
        fields["inherent_consequence"] = after["consequence"]
    # An assessment travels whole (value, who, when, why, how well founded): a concurrent
    # one on another board then conflicts field by field, and taking it back restores who
    # made it.
    uow.update("ros_risk", risk.id, fields, carry=tuple(sorted(_SIDE_FIELDS[side])))


def _register(reader: Reader, today: date, chain_id: str | None = None) -> list[RegisterRow]:
    return register(
        ros_reader.risks(reader, chain_id),
        reader.chains(),
        reader.links(),
        reader.risk_decisions(),
        ros_reader.measures(reader),
        bands_from(reader.settings()),
        reader.people(),
        today,
    )


def _risk_id(reader: Reader, reference: str, chain: str | None = None) -> str:
    return find_risk_id(reader, reference, Names(reader).chain(chain) if chain else None)


def _must_risk(uow: UnitOfWork, reference: str) -> RosRisk:
    return must_risk(uow, reference)


#: What may name each side of the chain map's boundary (English and Norwegian).
_RUN_BY_WORDS = {
    "municipality": RunBy.MUNICIPALITY,
    "kommune": RunBy.MUNICIPALITY,
    "kommunen": RunBy.MUNICIPALITY,
    "supplier": RunBy.SUPPLIER,
    "vendor": RunBy.SUPPLIER,
    "leverandør": RunBy.SUPPLIER,
    "leverandor": RunBy.SUPPLIER,
}


def run_by_of(value: RunBy | str) -> str:
    """``municipality`` or ``supplier`` from either word (Norwegian too)."""
    found = _RUN_BY_WORDS.get(str(value).strip().casefold())
    if found is None:
        raise BadInput("roscli.run_by", value=value)
    return found.value


#: The board settings of each scale's words.
SCALE_KEYS = {"likelihood": LIKELIHOOD_KEY, "consequence": CONSEQUENCE_KEY}
_SCALE_SIDES = {
    "likelihood": "likelihood",
    "sannsynlighet": "likelihood",
    "consequence": "consequence",
    "konsekvens": "consequence",
}


def scale_side(text: str) -> str:
    """``likelihood`` or ``consequence`` from either word (Norwegian too)."""
    found = _SCALE_SIDES.get(text.strip().casefold())
    if found is None:
        raise BadInput("roscli.scale_side", value=text)
    return found


def _value_ids(reader: Reader, chain_id: str, names: Sequence[str]) -> list[str]:
    known = {v.name.casefold(): v.id for v in ros_reader.info_values(reader, chain_id)}
    out = []
    for name in names:
        found = known.get(name.strip().casefold())
        if found is None:
            chain = reader.chains()[chain_id].name
            raise NotFound("ros.unknown_value", chain=chain, name=name)
        out.append(found)
    return out
