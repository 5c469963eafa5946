"""The rulebook: who may write what, and which values a row may hold. Pure Python.

Every write path of the board asks :func:`judge` before it writes a row: the services, CSV
import, undo and redo, the example loader and the merge of pulled changes all write
through the store's one write path (``store/unit_of_work.py``), which asks here. The sync
server enforces the same rules in its trigger, reading the declarations below from a table
that ``server init`` fills (``sync/server.py``), and one table of cases
(``tests/rules_cases.py``) runs against both.

A judgement looks at the proposed change (entity, the row as it is now, the fields to set),
the actor (their role and unit) and a :class:`World` that answers the few questions a rule
needs about the rest of the board. It returns ``None`` (allowed) or a :class:`Refusal` with
a stable code (``KS002``...) and a message key of the catalogue.

Declared as data (and so shared with the server):
- :data:`FIELD_SPECS`: the type, allowed values, range and size of every known field;
- :data:`WRITE_ROLES`: which roles may create, change or delete which field of which entity.
Rules that need more than a role (verification before done, the risk owner's unit, writing
as oneself, acceptances) are the functions below, mirrored in the server's trigger.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from kanban_sec.domain.errors import Message, msg, role_choice
from kanban_sec.domain.governance import Policy, policy_text
from kanban_sec.domain.rule_tables import (
    ACCEPTANCE_FIELDS,
    ALL_ROLES,
    BOOKKEEPING,
    CONSEQUENCE_FIELDS,
    CONTROLLING,
    CREATE,
    DECISION_FIELDS,
    DECISIONS,
    DEFAULT,
    DELETE,
    FIELD_SPECS,
    GOV,
    GOVERNING,
    OPERATIONAL,
    RECOMMENDATION_FIELDS,
    SPECIAL_FIELDS,
    STATE_FIELDS,
    TARGET_FIELDS,
    VALUE_FIELDS,
    WORKERS,
    WRITE_ROLES,
    FieldSpec,
    declarations,
    field_declarations,
    roles_for,
    state_declarations,
)
from kanban_sec.domain.rule_values import (
    CODES,
    MAX_CHANGE_BYTES,
    MAX_TEXT_BYTES,
    Refusal,
    RuleRefused,
    check_value,
    validate,
    validate_rows,
)
from kanban_sec.domain.text import has

# -- the actor and the rest of the board -------------------------------------------------------


@dataclass(frozen=True)
class Actor:
    """Who writes: their name, person id (``None``: not in the organisation), role, unit.

    ``setting_up`` is true while the board has no governing member: then anyone may do the
    governing work of setting it up (otherwise a new board never gets its first one).
    """

    name: str
    person_id: str | None = None
    role: str = OPERATIONAL
    unit_id: str | None = None
    setting_up: bool = False

    def has(self, roles: Iterable[str]) -> bool:
        return self.role in roles

    def shown(self) -> Message:
        """ "Henrik Dahl (operational)", in the reader's language."""
        return msg("role.who", name=self.name, role=msg(f"role.{self.role}"))


class World(Protocol):
    """What a rule may ask about the rest of the board (the store and the server answer)."""

    def row(self, entity: str, row_id: str) -> Mapping[str, Any] | None:
        """A live (not deleted) row as stored, or ``None``."""

    def units_up(self, unit_id: str) -> list[str]:
        """``unit_id`` and the units above it, nearest first."""

    def approved_since(self, item_id: str, since: str | None) -> bool:
        """Whether a controlling member approved the item at or after ``since``."""

    def needs_verification(self, item: Mapping[str, Any]) -> tuple[bool, int]:
        """Whether the board policy asks for a verification of ``item``; and its score."""

    def has_controller(self) -> bool:
        """Whether the board has a controlling member (who could verify)."""

    def policy(self) -> Policy:
        """The board policy: which items need verification."""

    def red_band(self, likelihood: int, consequence: int) -> bool:
        """Whether the cell is in the ROS matrix's red band (not acceptable)."""

    def chain_open_items(self, chain_id: str) -> list[Mapping[str, Any]]:
        """The open items of a chain (what a chain-level acceptance covers)."""

    def change_author(self, change_id: str) -> str | None:
        """The author's name of a change in the log."""


@dataclass(frozen=True)
class Proposed:
    """A write: ``current`` is the row as it is (``None``: a new row), ``new`` the fields
    set. A delete sets ``deleted_at``."""

    entity: str
    row_id: str
    current: Mapping[str, Any] | None
    new: Mapping[str, Any]

    @property
    def creating(self) -> bool:
        return self.current is None

    @property
    def deleting(self) -> bool:
        return bool(self.new.get("deleted_at")) and not (
            self.current is not None and self.current.get("deleted_at")
        )

    @property
    def restoring(self) -> bool:
        """Bringing a deleted row back (judged like creating it)."""
        return (
            self.current is not None
            and bool(self.current.get("deleted_at"))
            and "deleted_at" in self.new
            and self.new["deleted_at"] is None
        )

    def after(self, name: str) -> Any:
        if name in self.new:
            return self.new[name]
        return self.current.get(name) if self.current is not None else None

    def before(self, name: str) -> Any:
        return self.current.get(name) if self.current is not None else None

    def changed(self, name: str) -> bool:
        return name in self.new and (
            self.current is None or self.current.get(name) != self.new[name]
        )


# -- judging -----------------------------------------------------------------------------------


def judge(
    change: Proposed, actor: Actor, world: World, *, validated: bool = False
) -> Refusal | None:
    """Whether ``actor`` may write ``change``; the refusal when not. (``validated``: the
    values were checked already, e.g. by :func:`validate_rows`.)"""
    if not validated:
        refusal = validate(change.entity, change.new)
        if refusal is not None:
            return refusal
    refusal = _roles(change, actor)
    if refusal is not None:
        return refusal
    special = _SPECIAL.get(change.entity)
    return special(change, actor, world) if special is not None else None


def _role_refusal(change: Proposed, name: str, actor: Actor, roles: frozenset[str]) -> Refusal:
    code = (
        "KS003"
        if change.entity == "risk_decision" and name in DECISION_FIELDS
        else ("KS002" if change.entity == "verification" else "KS004")
    )
    what = msg(
        "rule.what_create"
        if name == CREATE
        else "rule.what_delete"
        if name == DELETE
        else "rule.what_change",
        entity=msg(f"entity.{change.entity}"),
        field=msg(f"field.{name}") if has(f"field.{name}") else name,
    )
    return Refusal(
        code,
        "rule.role",
        {
            "who": actor.shown(),
            "what": what,
            "roles": role_choice(sorted(roles)),
            "entity": change.entity,
            "field": name,
        },
    )


def _roles(change: Proposed, actor: Actor) -> Refusal | None:
    names: list[str] = []
    if change.creating:
        # A new row: creating it, and any field set that takes other roles than creating.
        names.append(CREATE)
        special = SPECIAL_FIELDS.get(change.entity, frozenset())
        names.extend(n for n in special if change.new.get(n) is not None)
    else:
        if change.restoring:
            names.append(CREATE)
        elif change.deleting:
            names.append(DELETE)
        names.extend(
            n for n in change.new if n not in BOOKKEEPING and n != DELETE and change.changed(n)
        )
    for name in names:
        roles = roles_for(change.entity, name)
        if actor.has(roles):
            continue
        if GOVERNING in roles and actor.setting_up and actor.role != CONTROLLING:
            continue
        if change.entity == "person" and _joins_as_operational(change, actor):
            continue
        return _role_refusal(change, name, actor, roles)
    return None


def _joins_as_operational(change: Proposed, actor: Actor) -> bool:
    """Anyone may add a person as an operational member of an existing unit: that gives no
    more rights than not being in the organisation (a CSV import names new owners so)."""
    return change.creating and change.after("role") in (None, OPERATIONAL)


def _self(change: Proposed, name: str, actor: Actor, expected: str | None) -> Refusal | None:
    """A field naming who did something must name the actor."""
    if not change.changed(name) or change.new[name] is None:
        return None
    if change.new[name] == expected:
        return None
    return Refusal(
        "KS007",
        "rule.as_somebody_else",
        {"who": actor.shown(), "field": f"{change.entity}.{name}", "value": str(change.new[name])},
    )


def _person(change: Proposed, actor: Actor, world: World) -> Refusal | None:
    if _joins_as_operational(change, actor) and not actor.has(GOV) and not actor.setting_up:
        unit = change.after("unit_id")
        if unit is not None and world.row("unit", unit) is None:
            return Refusal(
                "KS004",
                "rule.role",
                {
                    "who": actor.shown(),
                    "what": msg("rule.what_create", entity=msg("entity.unit")),
                    "roles": role_choice([GOVERNING]),
                    "entity": "unit",
                    "field": CREATE,
                },
            )
    return None


def _item(change: Proposed, actor: Actor, world: World) -> Refusal | None:
    status = change.after("status")
    if actor.role == CONTROLLING:
        # Internal control moves work only out of its own queue: verified to done (with
        # the record) or sent back; it changes nothing else of the work it checks.
        other = [
            n
            for n in change.new
            if n not in BOOKKEEPING
            and n not in ("status", "needs_verification")
            and change.changed(n)
        ]
        # (Into Verify too: undoing their own verification puts the item back there.)
        if (
            change.creating
            or other
            or (
                change.changed("status")
                and "verify" not in (change.before("status"), change.after("status"))
            )
        ):
            return _role_refusal(change, other[0] if other else "status", actor, WORKERS)
    if (
        status == "done"
        and change.before("status") != "done"
        and (change.changed("status") or change.creating)
    ):
        refusal = _done(change, actor, world)
        if refusal is not None:
            return refusal
    if change.changed("chain_id") and not change.creating and change.before("chain_id"):
        return _chain_move(change, actor, world)
    return None


def _done(change: Proposed, actor: Actor, world: World) -> Refusal | None:
    title = str(change.after("title") or "")
    if change.after("blocked_reason"):
        return Refusal(
            "KS008", "rule.blocked_done", {"title": title, "reason": change.after("blocked_reason")}
        )
    if change.before("status") == "verify":
        # Verify is internal control's queue: leaving it for done is a verification, by a
        # controlling member, recorded with evidence before the move.
        if actor.role != CONTROLLING or not world.approved_since(
            change.row_id, change.before("status_changed_at")
        ):
            return Refusal(
                "KS002", "verify.only_by_control", {"title": title, "verify": msg("status.verify")}
            )
        return None
    needed, score = world.needs_verification(_merged(change))
    if needed:
        key = "verify.needed" if world.has_controller() else "verify.needed_no_controller"
        return Refusal(
            "KS002",
            key,
            {
                "title": title,
                "score": score,
                "rule": policy_text(world.policy()),
                "verify": msg("status.verify"),
            },
        )
    if change.after("needs_verification"):
        return Refusal("KS002", "rule.verify_first", {"title": title, "score": score})
    return None


def _merged(change: Proposed) -> dict[str, Any]:
    row = dict(change.current or {})
    row.update(change.new)
    row["id"] = change.row_id
    return row


def deciders(chain: Mapping[str, Any] | None, world: World) -> tuple[str | None, set[str]]:
    """The risk-owner unit of ``chain`` and the units whose governing members decide for
    it (the unit and those above it); no unit: ``(None, set())``, governing members decide."""
    unit = chain.get("risk_owner_unit_id") if chain is not None else None
    if not unit or world.row("unit", unit) is None:
        return None, set()
    return unit, set(world.units_up(unit))


def may_decide(actor: Actor, chain: Mapping[str, Any] | None, world: World) -> bool:
    """Only a governing member of the chain's risk-owner unit (or a unit above it) decides
    its risk; without a risk-owner unit, any governing member."""
    if actor.role != GOVERNING:
        return False
    unit, units = deciders(chain, world)
    return unit is None or (actor.unit_id is not None and actor.unit_id in units)


def _chain_of(change: Proposed, world: World) -> Mapping[str, Any] | None:
    item_id = change.after("item_id")
    chain_id = change.after("chain_id")
    risk_id = change.after("risk_id")
    if risk_id:
        risk = world.row("ros_risk", risk_id)
        chain_id = risk.get("chain_id") if risk is not None else None
    elif item_id:
        item = world.row("item", item_id)
        chain_id = item.get("chain_id") if item is not None else None
    return world.row("chain", chain_id) if chain_id else None


def _not_decider(actor: Actor, chain: Mapping[str, Any] | None, world: World) -> Refusal:
    unit, _ = deciders(chain, world)
    found = world.row("unit", unit) if unit else None
    return Refusal(
        "KS003",
        "rule.not_decider",
        {
            "who": actor.shown(),
            "chain": str(chain.get("name", "")) if chain else "—",
            "unit": str(found.get("name", unit)) if found is not None else "—",
        },
    )


def _chain_move(change: Proposed, actor: Actor, world: World) -> Refusal | None:
    """Risk ownership stays with the service: moving an item to a chain with another risk
    owner is the current risk owner's call, not a way to become the risk owner."""
    old = world.row("chain", change.before("chain_id"))
    new_id = change.after("chain_id")
    new = world.row("chain", new_id) if new_id else None
    old_owner = old.get("risk_owner_unit_id") if old is not None else None
    new_owner = new.get("risk_owner_unit_id") if new is not None else None
    if old is None or old_owner == new_owner or may_decide(actor, old, world):
        return None
    return Refusal(
        "KS003",
        "rule.chain_move",
        {
            "who": actor.shown(),
            "title": str(change.after("title") or ""),
            "chain": str(old.get("name", "")),
        },
    )


def _risk_decision(change: Proposed, actor: Actor, world: World) -> Refusal | None:
    touched = {n for n in change.new if change.changed(n)}
    deciding = bool(touched & DECISION_FIELDS) or (
        change.deleting and change.before("decision") is not None
    )
    if deciding:
        chain = _chain_of(change, world)
        if not may_decide(actor, chain, world):
            return _not_decider(actor, chain, world)
        refusal = _self(change, "decided_by", actor, actor.person_id)
        if refusal is not None:
            return refusal
    refusal = _self(change, "recommended_by", actor, actor.person_id)
    if refusal is not None:
        return refusal
    if change.after("decision") == "accept" and not change.deleting and (touched & DECISION_FIELDS):
        return _acceptance(change, world)
    return None


def _acceptance(change: Proposed, world: World) -> Refusal | None:
    if not str(change.after("rationale") or "").strip():
        return Refusal("KS009", "risk.rationale_needed", {})
    if not change.after("valid_until"):
        return Refusal("KS009", "risk.valid_until_needed", {})
    item_id = change.after("item_id")
    risk_id = change.after("risk_id")
    if risk_id:
        found = world.row("ros_risk", risk_id)
        covered = [found] if found is not None else []
    elif item_id:
        found = world.row("item", item_id)
        covered = [found] if found is not None else []
    else:
        covered = world.chain_open_items(str(change.after("chain_id") or ""))
    unjudged = [i for i in covered if i.get("likelihood") is None or i.get("consequence") is None]
    if unjudged:
        return Refusal(
            "KS009",
            "risk.unassessed",
            {"title": unjudged[0].get("title", ""), "more": len(unjudged) - 1},
        )
    red = [i for i in covered if world.red_band(int(i["likelihood"]), int(i["consequence"]))]
    if red:
        first = red[0]
        return Refusal(
            "KS009",
            "risk.red_band",
            {
                "title": first.get("title", ""),
                "likelihood": first["likelihood"],
                "consequence": first["consequence"],
                "more": len(red) - 1,
            },
        )
    return None


def _verification(change: Proposed, actor: Actor, world: World) -> Refusal | None:
    refusal = _self(change, "verified_by", actor, actor.person_id)
    if refusal is not None:
        return refusal
    if change.creating:
        if not str(change.after("evidence") or "").strip():
            return Refusal("KS002", "verify.evidence_needed", {})
        item = world.row("item", str(change.after("item_id")))
        if item is None or item.get("status") != "verify":
            return Refusal(
                "KS002",
                "rule.verify_not_in_verify",
                {"title": str(item.get("title", "")) if item else str(change.after("item_id"))},
            )
    return None


def _comment(change: Proposed, actor: Actor, world: World) -> Refusal | None:
    if change.creating:
        return _self(change, "author", actor, actor.name)
    if change.before("author") != actor.name and actor.role != GOVERNING:
        return Refusal("KS007", "rule.others_comment", {"who": actor.shown()})
    return None


def _standup_note(change: Proposed, actor: Actor, world: World) -> Refusal | None:
    return _self(change, "author", actor, actor.name) if change.creating else None


def _conflict(change: Proposed, actor: Actor, world: World) -> Refusal | None:
    if change.creating or not change.changed("resolved_at") or not change.new["resolved_at"]:
        return None
    refusal = _self(change, "resolved_by", actor, actor.name)
    if refusal is not None:
        return refusal
    involved = {
        change.before("loser_author"),
        world.change_author(str(change.before("winner_change") or "")),
    }
    if actor.name in involved or actor.role == GOVERNING or actor.setting_up:
        return None
    return Refusal(
        "KS007",
        "rule.others_conflict",
        {"who": actor.shown(), "names": " / ".join(sorted(n for n in involved if n))},
    )


def in_business(actor: Actor, chain: Mapping[str, Any] | None, world: World) -> bool:
    """Whether ``actor`` speaks for the business that owns ``chain``: a member (not internal
    control) of its risk-owner unit or a unit under it, or one who decides its risk; with
    no risk-owner unit, the governing members (anyone while the board is being set up)."""
    if actor.role == CONTROLLING:
        return False
    unit, _ = deciders(chain, world)
    if unit is None:
        return actor.role == GOVERNING or actor.setting_up
    if actor.unit_id is not None and unit in world.units_up(actor.unit_id):
        return True
    return may_decide(actor, chain, world)


def _not_business(actor: Actor, chain: Mapping[str, Any] | None, world: World) -> Refusal:
    unit, _ = deciders(chain, world)
    found = world.row("unit", unit) if unit else None
    return Refusal(
        "KS011",
        "rule.not_business",
        {
            "who": actor.shown(),
            "chain": str(chain.get("name", "")) if chain else "—",
            "unit": str(found.get("name", unit)) if found is not None else "—",
        },
    )


def _touched(change: Proposed, names: Iterable[str]) -> bool:
    return any(
        change.changed(n) and (change.new[n] is not None or not change.creating) for n in names
    )


def _ros_risk(change: Proposed, actor: Actor, world: World) -> Refusal | None:
    """IT estimates likelihood (the role table); the business judges consequence; the risk
    owner sets what the treatment aims at; the inherent risk is the first full assessment
    and never changes after; a risk stays in its chain unless its risk owner moves it."""
    chain = world.row("chain", change.after("chain_id"))
    for name in ("likelihood_by", "consequence_by"):
        refusal = _self(change, name, actor, actor.person_id)
        if refusal is not None:
            return refusal
    if _touched(change, CONSEQUENCE_FIELDS) and not in_business(actor, chain, world):
        return _not_business(actor, chain, world)
    if _touched(change, TARGET_FIELDS) and not may_decide(actor, chain, world):
        return _not_decider(actor, chain, world)
    if _touched(change, ("inherent_likelihood", "inherent_consequence")):
        before = (change.before("inherent_likelihood"), change.before("inherent_consequence"))
        after = (change.after("inherent_likelihood"), change.after("inherent_consequence"))
        now = (change.after("likelihood"), change.after("consequence"))
        first = before == (None, None) and after == now and None not in now
        undone = after == (None, None) and None in now  # back to unassessed (undo)
        if not (first or undone):
            return Refusal("KS006", "rule.inherent_fixed", {"title": str(change.after("title"))})
    if change.changed("chain_id") and not change.creating:
        old = world.row("chain", change.before("chain_id"))
        if not may_decide(actor, old, world):
            return _not_decider(actor, old, world)
    return None


def _info_value(change: Proposed, actor: Actor, world: World) -> Refusal | None:
    """The business values its information (C, I, A), as itself."""
    chain = world.row("chain", change.after("chain_id"))
    refusal = _self(change, "set_by", actor, actor.person_id)
    if refusal is not None:
        return refusal
    if (change.creating or _touched(change, VALUE_FIELDS) or change.deleting) and not in_business(
        actor, chain, world
    ):
        return _not_business(actor, chain, world)
    return None


_SPECIAL = {
    "person": _person,
    "ros_risk": _ros_risk,
    "info_value": _info_value,
    "item": _item,
    "risk_decision": _risk_decision,
    "verification": _verification,
    "comment": _comment,
    "standup_note": _standup_note,
    "conflict": _conflict,
}


# -- acceptances -------------------------------------------------------------------------------


def acceptance_snapshot(item: Mapping[str, Any]) -> list[Any]:
    """What an acceptance of ``item`` was decided on: its L, C, chain and link."""
    return [item.get(name) for name in ACCEPTANCE_FIELDS]


def covers_json(items: Iterable[Mapping[str, Any]]) -> str:
    """The ``covers`` of a risk case: each item it covers with what it was decided on."""
    return json.dumps({str(i["id"]): acceptance_snapshot(i) for i in items}, sort_keys=True)


def voided_by(change: Proposed) -> list[str]:
    """The fields of an item change that void an acceptance covering it."""
    return [n for n in ACCEPTANCE_FIELDS if change.changed(n)] if not change.creating else []


def refused(refusal: Refusal | None) -> None:
    """Raise the refusal, if any, as an error for the user."""
    if refusal is not None:
        raise refusal.error()


__all__ = [
    "ACCEPTANCE_FIELDS",
    "ALL_ROLES",
    "BOOKKEEPING",
    "CODES",
    "CONTROLLING",
    "CREATE",
    "DECISIONS",
    "DECISION_FIELDS",
    "DEFAULT",
    "DELETE",
    "FIELD_SPECS",
    "GOVERNING",
    "MAX_CHANGE_BYTES",
    "MAX_TEXT_BYTES",
    "OPERATIONAL",
    "RECOMMENDATION_FIELDS",
    "STATE_FIELDS",
    "WRITE_ROLES",
    "Actor",
    "FieldSpec",
    "Proposed",
    "Refusal",
    "RuleRefused",
    "World",
    "check_value",
    "declarations",
    "field_declarations",
    "judge",
    "msg",
    "roles_for",
    "state_declarations",
    "validate",
    "validate_rows",
]
