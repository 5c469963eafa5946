"""Risk governance use cases: risk decisions, the ROS matrix, the board policy and
verification, with each role's rights checked here (the window only offers what passes).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date

from kanban_sec.domain.errors import BadInput, FieldProblem, Message, NotFound, Refused, msg
from kanban_sec.domain.fields import parse_decision
from kanban_sec.domain.governance import BANDS as BANDS_KEY
from kanban_sec.domain.governance import (
    Acceptance,
    Action,
    Band,
    Bands,
    Decision,
    MatrixCell,
    Policy,
    RiskDecision,
    Verdict,
    Verification,
    bands_from,
    expiring,
    matrix_counts,
    may,
    may_decide,
    policy_from,
    policy_settings,
    unassessed_count,
)
from kanban_sec.domain.ids import new_id
from kanban_sec.domain.model import (
    SCALE_MAX,
    SCALE_MIN,
    Chain,
    Classification,
    Column,
    Item,
    Person,
    Status,
)
from kanban_sec.domain.ownership import OrgTree
from kanban_sec.domain.rules import Refusal, covers_json
from kanban_sec.services.access import actor, actor_in, item_score, require, who
from kanban_sec.services.board import _must_item, _update_item
from kanban_sec.services.outcome import Outcome
from kanban_sec.services.session import Service
from kanban_sec.store.unit_of_work import Reader, UnitOfWork, reading, writing

#: How far ahead an acceptance may hold (ROS reviews are at least every third year).
MAX_ACCEPTANCE_DAYS = 3 * 366
#: The standup lists acceptances running out within this many days.
EXPIRY_WARNING_DAYS = 30


@dataclass(frozen=True)
class Expiring:
    """An acceptance in force that runs out soon, with what it covers."""

    decision: RiskDecision
    subject: str  # the item's title, or the chain's name
    decided_by: str  # the risk owner's name
    items: int  # open items it holds out of the ranking


@dataclass(frozen=True)
class VerificationSubject:
    """An item to verify as the verify dialog shows it."""

    item: Item
    score: int
    column: Column
    verify_column: Column
    people: dict[str, Person]


@dataclass(frozen=True)
class RiskSubject:
    """What a risk case is about: an item (and its chain) or a chain with its open items."""

    item: Item | None
    chain: Chain | None
    tree: OrgTree
    people: dict[str, Person]
    open_items: list[Item]


class GovernanceService(Service):
    """Risk decisions, matrix, policy and verification for one person."""

    # -- who may do what ---------------------------------------------------------------
    def me(self) -> Person | None:
        with reading(self.db) as reader:
            return actor(reader, self.author, self.person_id)

    def whoami(self) -> Message:
        """Who acts, as one line: "Henrik Dahl (operational), Kommune / IT / Drift", or
        that the name is not in the organisation (and counts as operational)."""
        with reading(self.db) as reader:
            person = actor(reader, self.author, self.person_id)
            if person is None:
                return who(None, self.author)
            tree = OrgTree(reader.units(), reader.people())
            unit_id = person.unit_id
            unit = tree.path(unit_id) if unit_id is not None and unit_id in tree.units else "—"
            return msg("whoami.person", who=who(person, self.author), unit=unit)

    def can(self, action: Action) -> bool:
        with reading(self.db) as reader:
            people = reader.people()
            return may(actor_in(people, self.author, self.person_id), action, people)

    def can_decide(self, *, item_id: str | None = None, chain_id: str | None = None) -> bool:
        with reading(self.db) as reader:
            try:
                self._check_decider(reader, item_id, chain_id)
            except BadInput:
                return False
        return True

    # -- reading -----------------------------------------------------------------------
    def policy(self) -> Policy:
        with reading(self.db) as reader:
            return policy_from(reader.settings())

    def bands(self) -> Bands:
        with reading(self.db) as reader:
            return bands_from(reader.settings())

    def decisions(
        self, *, item_id: str | None = None, chain_id: str | None = None
    ) -> list[RiskDecision]:
        """Risk cases, newest first: an item's own and its chain's, or a chain's."""
        with reading(self.db) as reader:
            found = reader.risk_decisions()
            if item_id is not None:
                item = reader.item(item_id)
                chain_id = item.chain_id if item is not None else None
                found = [
                    d
                    for d in found
                    if d.item_id == item_id
                    or (d.item_id is None and chain_id is not None and d.chain_id == chain_id)
                ]
            elif chain_id is not None:
                found = [d for d in found if d.chain_id == chain_id and d.item_id is None]
        found.reverse()
        return found

    def current(self, item_id: str, today: date | None = None) -> RiskDecision | None:
        """The decision in force for the item today (its own or its chain's)."""
        with reading(self.db) as reader:
            board = reader.board()
        acceptance = Acceptance(board.items, board.decisions, today or self.today())
        return acceptance.in_force.get(item_id)

    def acceptance(self, today: date | None = None) -> Acceptance:
        with reading(self.db) as reader:
            board = reader.board(include_done=False)
        return Acceptance(board.items, board.decisions, today or self.today())

    def expiring(
        self, today: date | None = None, within_days: int = EXPIRY_WARNING_DAYS
    ) -> list[Expiring]:
        """Acceptances in force that run out within ``within_days`` (standup list)."""
        day = today or self.today()
        with reading(self.db) as reader:
            board = reader.board(include_done=False)
        acceptance = Acceptance(board.items, board.decisions, day)
        titles = {item.id: item.title for item in board.items}
        out = []
        for decision in expiring(board.decisions, day, within_days):
            held = sum(1 for d in acceptance.accepted.values() if d.id == decision.id)
            if decision.item_id:
                if decision.item_id not in titles:
                    continue  # the item is done or deleted: nothing comes back
                subject = titles[decision.item_id]
            else:
                chain = board.chains.get(decision.chain_id or "")
                if chain is None:
                    continue
                subject = chain.name
            person = board.people.get(decision.decided_by or "")
            out.append(Expiring(decision, subject, person.name if person else "", held))
        return out

    def matrix(self, today: date | None = None) -> dict[tuple[int, int], MatrixCell]:
        """Open items per likelihood × consequence cell, with each cell's band."""
        with reading(self.db) as reader:
            board = reader.board(include_done=False)
        acceptance = Acceptance(board.items, board.decisions, today or self.today())
        return matrix_counts(board.items, bands_from(board.settings), acceptance)

    def unassessed(self) -> int:
        """Open items whose likelihood or consequence nobody has assessed (in no cell)."""
        with reading(self.db) as reader:
            return unassessed_count(reader.board(include_done=False).items)

    def verifications(self, item_id: str) -> list[Verification]:
        with reading(self.db) as reader:
            return reader.verifications(item_id)

    def needs_verification(self, item_id: str) -> bool:
        with reading(self.db) as reader:
            item = reader.item(item_id)
            if item is None:
                raise NotFound("item.not_found", id=item_id)
            # Once it entered Verify when the policy asked for it, it stays so.
            return item.needs_verification or policy_from(reader.settings()).needs_verification(
                item, item_score(reader, item)
            )

    def people(self) -> dict[str, Person]:
        """The people of the organisation, by id."""
        with reading(self.db) as reader:
            return reader.people()

    def verification_subject(self, item_id: str) -> VerificationSubject:
        """What the verify dialog shows of an item: its score, its column and Verify's, and
        the people (to name them)."""
        with reading(self.db) as reader:
            item = reader.item(item_id)
            if item is None:
                raise NotFound("item.not_found", id=item_id)
            return VerificationSubject(
                item,
                item_score(reader, item),
                reader.column(item.status),
                reader.column(Status.VERIFY),
                reader.people(),
            )

    def risk_subject(self, item_id: str | None, chain_id: str | None) -> RiskSubject:
        """The item (``item_id``) or chain (``chain_id``) a risk case is about, its chain,
        the organisation, and for a chain its open items."""
        with reading(self.db) as reader:
            people = reader.people()
            chains = reader.chains()
            tree = OrgTree(reader.units(), people)
            item = reader.item(item_id) if item_id is not None else None
            if item_id is not None and item is None:
                raise NotFound("item.not_found", id=item_id)
            wanted = item.chain_id if item is not None else chain_id
            chain = chains.get(wanted) if wanted else None
            if chain_id is not None and chain is None:
                raise NotFound("chain.not_found", name=chain_id)
            open_items = (
                [i for i in reader.items(include_done=False) if i.chain_id == chain.id]
                if chain_id and chain
                else []
            )
        return RiskSubject(item, chain, tree, people, open_items)

    # -- governing: policy and bands ---------------------------------------------------
    def set_policy(
        self, min_score: int | None, classifications: Iterable[Classification | str]
    ) -> Outcome:
        """Which items need verification before done (governing members)."""
        if min_score is not None and not 0 <= min_score <= 75:
            raise BadInput("value.out_of_range", value=min_score, low=0, high=75)
        classes = frozenset(Classification(c) for c in classifications)
        with writing(self.db, self.author, self.person_id) as uow:
            require(uow, self.author, self.person_id, Action.POLICY)
            store_settings(uow, policy_settings(Policy(min_score, classes)))
            return Outcome(tuple(uow.changes))

    def set_board_policy(
        self,
        min_score: int | None,
        classifications: Iterable[Classification | str],
        wip_limits: dict[Status, tuple[int | None, bool]],
    ) -> Outcome:
        """The verification policy and the columns' WIP limits (limit or ``None``, hard),
        in one transaction (governing members)."""
        if min_score is not None and not 0 <= min_score <= 75:
            raise BadInput("value.out_of_range", value=min_score, low=0, high=75)
        for limit, _hard in wip_limits.values():
            if limit is not None and limit < 0:
                raise BadInput("value.out_of_range", value=limit, low=0, high="∞")
        classes = frozenset(Classification(c) for c in classifications)
        with writing(self.db, self.author, self.person_id) as uow:
            require(uow, self.author, self.person_id, Action.POLICY)
            require(uow, self.author, self.person_id, Action.WIP_LIMITS)
            store_settings(uow, policy_settings(Policy(min_score, classes)))
            for status, (limit, hard) in wip_limits.items():
                column = uow.column(status)
                uow.update("column", column.id, {"wip_limit": limit, "wip_hard": int(hard)})
            return Outcome(tuple(uow.changes))

    def wip_limits(self) -> dict[Status, tuple[int | None, bool]]:
        with reading(self.db) as reader:
            return {c.key: (c.wip_limit, c.wip_hard) for c in reader.columns()}

    def set_bands(self, bands: Bands) -> Outcome:
        """The acceptance band of every matrix cell (governing members)."""
        with writing(self.db, self.author, self.person_id) as uow:
            require(uow, self.author, self.person_id, Action.BANDS)
            store_settings(uow, {BANDS_KEY: bands.text()})
            return Outcome(tuple(uow.changes))

    def set_band(self, likelihood: int, consequence: int, band: Band | str) -> Outcome:
        for value in (likelihood, consequence):
            if not SCALE_MIN <= value <= SCALE_MAX:
                raise BadInput("value.out_of_range", value=value, low=SCALE_MIN, high=SCALE_MAX)
        return self.set_bands(self.bands().with_band(likelihood, consequence, Band(band)))

    # -- risk decisions -----------------------------------------------------------------
    def recommend(
        self,
        recommendation: Decision | str,
        note: str = "",
        *,
        item_id: str | None = None,
        chain_id: str | None = None,
    ) -> Outcome:
        """IT's recommendation to the risk owner; the decision stays theirs."""
        choice = _decision(recommendation)
        with writing(self.db, self.author, self.person_id) as uow:
            person = require(uow, self.author, self.person_id, Action.RECOMMEND)
            item_id, chain_id = _target(uow, item_id, chain_id)
            values = {
                "recommendation": choice.value,
                "recommended_by": person.id if person else None,
                "recommendation_note": note.strip(),
            }
            row_id = _write_case(uow, item_id, chain_id, values)
            return Outcome(tuple(uow.changes), (), row_id)

    def decide(
        self,
        decision: Decision | str,
        rationale: str,
        *,
        valid_until: date | None = None,
        item_id: str | None = None,
        chain_id: str | None = None,
    ) -> Outcome:
        """The risk owner decides: accept (until a date), reduce, share or avoid.

        An acceptance takes the item (or every open item of the chain) out of the ranking
        until ``valid_until`` has passed; a cell in the red band cannot be accepted.
        """
        choice = self.checked_decision(decision, rationale, valid_until)
        with writing(self.db, self.author, self.person_id) as uow:
            item_id, chain_id = _target(uow, item_id, chain_id)
            person = self._check_decider(uow, item_id, chain_id)
            covered = _covered(uow, item_id, chain_id)
            values = {
                "decision": choice.value,
                "decided_by": person.id,
                "rationale": rationale.strip(),
                "valid_until": valid_until.isoformat() if valid_until else None,
                "decided_at": uow.now_text,
                "covers": covers_json(covered),
            }
            row_id = _write_case(uow, item_id, chain_id, values)
            if choice is Decision.ACCEPT:
                # A fresh acceptance covers the items as they are now: no longer void.
                for row in covered:
                    if row.get("acceptance_void"):
                        uow.update("item", str(row["id"]), {"acceptance_void": ""})
            return Outcome(tuple(uow.changes), (), row_id)

    def checked_decision(
        self, decision: Decision | str, rationale: str, valid_until: date | None
    ) -> Decision:
        """The decision, once its rationale and (for an acceptance) its valid-until date
        hold: given, not past, at most three years ahead."""
        choice = _decision(decision)
        if not rationale.strip():
            raise BadInput("risk.rationale_needed")
        today = self.today()
        if choice is Decision.ACCEPT:
            if valid_until is None:
                raise BadInput("risk.valid_until_needed")
            if valid_until < today:
                raise BadInput("risk.valid_until_past", day=valid_until.isoformat())
            if (valid_until - today).days > MAX_ACCEPTANCE_DAYS:
                raise BadInput(
                    "risk.valid_until_far",
                    day=valid_until.isoformat(),
                    years=MAX_ACCEPTANCE_DAYS // 366,
                )
        return choice

    def check_decider_of_chain(self, reader: Reader, chain_id: str) -> Person:
        """The acting person, when they decide risk for ``chain_id``; refused otherwise."""
        return self._check_decider(reader, None, chain_id)

    def withdraw(self, decision_id: str) -> Outcome:
        """Take a decision (or a recommendation) back; it stays in the history."""
        with writing(self.db, self.author, self.person_id) as uow:
            found = next((d for d in uow.risk_decisions() if d.id == decision_id), None)
            if found is None:
                raise NotFound("risk.not_found", id=decision_id)
            if found.decision is not None:
                self._check_decider(uow, found.item_id, found.chain_id)
            else:
                require(uow, self.author, self.person_id, Action.RECOMMEND)
            uow.tombstone("risk_decision", decision_id)
            return Outcome(tuple(uow.changes), (), decision_id)

    def _check_decider(self, reader: Reader, item_id: str | None, chain_id: str | None) -> Person:
        people = reader.people()
        person = actor_in(people, self.author, self.person_id)
        chain: Chain | None = None
        if item_id is not None:
            item = reader.item(item_id)
            chain_id = item.chain_id if item is not None else None
        if chain_id is not None:
            chain = reader.chains().get(chain_id)
        tree = OrgTree(reader.units(), people)
        if person is None or not may_decide(person, chain, tree, people):
            owner_unit = chain.risk_owner_unit_id if chain is not None else None
            owner = tree.path(owner_unit) if owner_unit and owner_unit in tree.units else ""
            if owner:
                raise Refusal(
                    "KS003",
                    "risk.not_owner",
                    {
                        "who": who(person, self.author),
                        "chain": chain.name if chain else "",
                        "unit": owner,
                    },
                ).error()
            raise Refusal("KS003", "risk.not_governing", {"who": who(person, self.author)}).error()
        return person

    # -- verification ------------------------------------------------------------------
    def verify(self, item_id: str, evidence: str) -> Outcome:
        """A controlling member approves finished work: recorded with the evidence, and the
        item moves from ``verify`` to ``done``."""
        if not evidence.strip():
            raise BadInput("verify.evidence_needed")
        with writing(self.db, self.author, self.person_id) as uow:
            person = require(uow, self.author, self.person_id, Action.VERIFY)
            assert person is not None  # only a person can hold the controlling role
            item = _must_item(uow, item_id)
            _in_verify(uow, item, self.lang)
            uow.insert(
                "verification",
                {
                    "id": new_id(),
                    "item_id": item_id,
                    "verdict": Verdict.APPROVED.value,
                    "verified_by": person.id,
                    "evidence": evidence.strip(),
                },
            )
            _update_item(uow, replace(item, status=Status.DONE), moved=True)
            return Outcome(tuple(uow.changes), (), item_id)

    def reject(self, item_id: str, reason: str) -> Outcome:
        """A controlling member sends the work back to ``doing`` with the reason."""
        if not reason.strip():
            raise BadInput("verify.reason_needed")
        with writing(self.db, self.author, self.person_id) as uow:
            person = require(uow, self.author, self.person_id, Action.VERIFY)
            assert person is not None
            item = _must_item(uow, item_id)
            _in_verify(uow, item, self.lang)
            uow.insert(
                "verification",
                {
                    "id": new_id(),
                    "item_id": item_id,
                    "verdict": Verdict.REJECTED.value,
                    "verified_by": person.id,
                    "evidence": reason.strip(),
                },
            )
            _update_item(uow, replace(item, status=Status.DOING), moved=True)
            return Outcome(tuple(uow.changes), (), item_id)


def _decision(value: Decision | str) -> Decision:
    if isinstance(value, Decision):
        return value
    try:
        return parse_decision(value)
    except FieldProblem as problem:
        raise BadInput("field.problem", field="decision", problem=problem.msg) from None


def _target(
    reader: Reader, item_id: str | None, chain_id: str | None
) -> tuple[str | None, str | None]:
    """(item, chain) a decision is about: an item (its chain noted), or a whole chain."""
    if (item_id is None) == (chain_id is None):
        raise BadInput("risk.target_needed")
    if item_id is not None:
        item = reader.item(item_id)
        if item is None:
            raise NotFound("item.not_found", id=item_id)
        return item_id, None
    if chain_id not in reader.chains():
        raise NotFound("chain.not_found", name=chain_id)
    return None, chain_id


def _covered(
    uow: UnitOfWork, item_id: str | None, chain_id: str | None
) -> list[Mapping[str, object]]:
    """The items a decision is taken on: the item, or the chain's open items now (items
    that come into the chain later are not covered)."""
    if item_id is not None:
        found = uow.world.row("item", item_id)
        return [found] if found is not None else []
    return [
        uow.world.row("item", str(i["id"])) or i for i in uow.world.chain_open_items(chain_id or "")
    ]


def _pending(reader: Reader, item_id: str | None, chain_id: str | None) -> RiskDecision | None:
    """The newest case for the target that has a recommendation and no decision yet."""
    for decision in reversed(reader.risk_decisions()):
        if decision.item_id == item_id and (item_id is not None or decision.chain_id == chain_id):
            return decision if decision.decision is None else None
    return None


def _write_case(
    uow: UnitOfWork, item_id: str | None, chain_id: str | None, values: Mapping[str, object]
) -> str:
    """Fill in the target's case awaiting its decision, or open a new one; its id."""
    pending = _pending(uow, item_id, chain_id)
    if pending is not None:
        uow.update("risk_decision", pending.id, dict(values))
        return pending.id
    row_id = new_id()
    uow.insert("risk_decision", {"id": row_id, "item_id": item_id, "chain_id": chain_id, **values})
    return row_id


def _in_verify(reader: Reader, item: Item, lang: str) -> None:
    if item.status is not Status.VERIFY:
        raise Refused(
            "verify.not_in_verify",
            title=item.title,
            column=reader.column(item.status).name(lang),
            verify=reader.column(Status.VERIFY).name(lang),
        )


def store_settings(uow: UnitOfWork, values: dict[str, str]) -> None:
    """Write board settings (one row each), bringing back one that was deleted."""
    current = uow.settings()
    for key, value in values.items():
        if key in current:
            uow.update("setting", key, {"value": value})
        elif uow.row("setting", key) is not None:  # once deleted: bring it back
            uow.update("setting", key, {"value": value, "deleted_at": None})
        else:
            uow.insert("setting", {"id": key, "value": value})
