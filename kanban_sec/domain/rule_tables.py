"""The rulebook's declarations, as data shared with the sync server: the roles, the type,
range and size of every stored field (:data:`FIELD_SPECS`), which roles may create, change
or delete which field (:data:`WRITE_ROLES`) and which fields a rule reads
(:data:`STATE_FIELDS`). ``server init`` copies them into the server's tables; the rules
that read them are in :mod:`kanban_sec.domain.rules`."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

GOVERNING = "governing"
OPERATIONAL = "operational"
CONTROLLING = "controlling"
ALL_ROLES = frozenset({GOVERNING, OPERATIONAL, CONTROLLING})
GOV = frozenset({GOVERNING})
WORKERS = frozenset({GOVERNING, OPERATIONAL})
CONTROL = frozenset({CONTROLLING})

#: Pseudo-field names in :data:`WRITE_ROLES`: creating a row, the default for other fields.
CREATE = "+create"
DEFAULT = "*"
DELETE = "deleted_at"

#: Fields every row has that the store sets itself (never judged on their own).
BOOKKEEPING = frozenset(
    {"created_at", "updated_at", "status_changed_at", "started_at", "done_at", "blocked_at"}
)


# -- field declarations ----------------------------------------------------------------------


#: A standup's stored snapshot of the board may be larger than other texts (a line per
#: open item), within the one-megabyte limit of a whole change.
MAX_SNAPSHOT_BYTES = 960 * 1024


@dataclass(frozen=True)
class FieldSpec:
    """What a stored field may hold. ``kind``: text, int, enum, date, time, ref, json."""

    kind: str
    nullable: bool = True
    low: int | None = None
    high: int | None = None
    choices: tuple[str, ...] = ()
    ref: str | None = None
    #: The most UTF-8 bytes a text value may have (``None``: the common limit).
    max_bytes: int | None = None

    def as_json(self) -> dict[str, Any]:
        found: dict[str, Any] = {
            "kind": self.kind,
            "nullable": self.nullable,
            "low": self.low,
            "high": self.high,
            "choices": list(self.choices),
            "ref": self.ref,
        }
        if self.max_bytes is not None:
            found["max_bytes"] = self.max_bytes
        return found


def _text(nullable: bool = False) -> FieldSpec:
    return FieldSpec("text", nullable)


def _int(low: int | None, high: int | None, nullable: bool = False) -> FieldSpec:
    return FieldSpec("int", nullable, low, high)


def _enum(*choices: str, nullable: bool = False) -> FieldSpec:
    return FieldSpec("enum", nullable, choices=choices)


#: The most UTF-8 bytes a reference may have: ids are 36, keys a few dozen. (The server
#: indexes some; PostgreSQL's index entries hold about 2.7 KB.)
MAX_REF_BYTES = 1024


def _ref(entity: str, nullable: bool = True) -> FieldSpec:
    return FieldSpec("ref", nullable, ref=entity, max_bytes=MAX_REF_BYTES)


_TIME = FieldSpec("time")
_DAY = FieldSpec("date")
_STAMPS = {
    "created_at": FieldSpec("time", False),
    "updated_at": FieldSpec("time", False),
    "deleted_at": _TIME,
}
DECISIONS = ("accept", "reduce", "share", "avoid")
#: Who runs a link: the municipality itself or a supplier (the chain map's boundary).
RUN_BY = ("municipality", "supplier")
#: How well an estimate is founded (kunnskapsstyrke).
KNOWLEDGE = ("low", "medium", "high")

FIELD_SPECS: dict[str, dict[str, FieldSpec]] = {
    "unit": {"name": _text(), "parent_id": _ref("unit"), **_STAMPS},
    "person": {
        "name": _text(),
        "unit_id": _ref("unit"),
        "role": _enum(GOVERNING, OPERATIONAL, CONTROLLING),
        **_STAMPS,
    },
    "chain": {
        "name": _text(),
        "risk_owner_unit_id": _ref("unit"),
        "target_maturity": _int(0, 3),
        "description": _text(),
        **_STAMPS,
    },
    "link": {
        "chain_id": _ref("chain", False),
        "name": _text(),
        "kind": _text(),
        "country": _text(),
        "responsible_unit_id": _ref("unit"),
        "maturity": _int(0, 3),
        "run_by": _enum(*RUN_BY),
        **_STAMPS,
    },
    "column": {
        "key": _enum("backlog", "next", "doing", "verify", "done"),
        "name_nb": _text(),
        "name_en": _text(),
        "position": _int(0, 100),
        "wip_limit": _int(0, None, True),
        "wip_hard": _int(0, 1),
        **_STAMPS,
    },
    "item": {
        "title": _text(),
        "description": _text(),
        "status": _enum("backlog", "next", "doing", "verify", "done"),
        "chain_id": _ref("chain"),
        "link_id": _ref("link"),
        "likelihood": _int(1, 5, True),
        "consequence": _int(1, 5, True),
        "effort": _enum("XS", "S", "M", "L", "XL", nullable=True),
        "owner_unit_id": _ref("unit"),
        "owner_person_id": _ref("person"),
        "framework_ref": _text(),
        "classification": _enum("open", "internal", "confidential"),
        "tags": FieldSpec("json", False),
        "checklist": FieldSpec("json", False),
        "blocked_reason": _text(),
        "blocked_at": _TIME,
        "due_date": _DAY,
        "pinned_at": _TIME,
        "pin_reason": _text(),
        "status_changed_at": _TIME,
        "started_at": _TIME,
        "done_at": _TIME,
        "activity_id": _ref("activity"),
        "occurrence": _DAY,
        "needs_verification": _int(0, 1),
        "acceptance_void": _text(),
        "risk_id": _ref("ros_risk"),
        **_STAMPS,
    },
    "comment": {"item_id": _ref("item", False), "author": _text(), "body": _text(), **_STAMPS},
    "activity": {
        "title": _text(),
        "description": _text(),
        "rrule": _text(),
        "starts_on": FieldSpec("date", False),
        "lead_days": _int(0, 366),
        "overdue": _enum("create", "skip"),
        "owner_unit_id": _ref("unit"),
        "owner_person_id": _ref("person"),
        "chain_id": _ref("chain"),
        "link_id": _ref("link"),
        "likelihood": _int(1, 5),
        "consequence": _int(1, 5),
        "effort": _enum("XS", "S", "M", "L", "XL", nullable=True),
        "framework_ref": _text(),
        "tags": FieldSpec("json", False),
        "source_item_id": _ref("item"),
        "active": _int(0, 1),
        **_STAMPS,
    },
    "standup": {
        "held_on": FieldSpec("date", False),
        "started_at": FieldSpec("time", False),
        "ended_at": _TIME,
        "facilitator": _text(),
        "attendees": FieldSpec("json", False),
        "notes": _text(),
        "snapshot": FieldSpec("json", False, max_bytes=MAX_SNAPSHOT_BYTES),
        **_STAMPS,
    },
    "standup_note": {
        "standup_id": _ref("standup", False),
        "item_id": _ref("item"),
        "kind": _enum("note", "decision"),
        "body": _text(),
        "author": _text(),
        **_STAMPS,
    },
    "transfer": {
        "kind": _enum("export", "import", "report"),
        "path": _text(),
        "items": _int(0, None),
        "confidential": _int(0, 1),
        **_STAMPS,
    },
    "risk_decision": {
        "item_id": _ref("item"),
        "chain_id": _ref("chain"),
        "risk_id": _ref("ros_risk"),
        "recommendation": _enum(*DECISIONS, nullable=True),
        "recommended_by": _ref("person"),
        "recommendation_note": _text(),
        "decision": _enum(*DECISIONS, nullable=True),
        "decided_by": _ref("person"),
        "rationale": _text(),
        "valid_until": _DAY,
        "decided_at": _TIME,
        "covers": FieldSpec("json"),
        **_STAMPS,
    },
    "info_value": {
        "chain_id": _ref("chain", False),
        "name": _text(),
        "confidentiality": _int(1, 5, True),
        "integrity": _int(1, 5, True),
        "availability": _int(1, 5, True),
        "set_by": _ref("person"),
        "set_at": _TIME,
        "notes": _text(),
        **_STAMPS,
    },
    "ros_risk": {
        "chain_id": _ref("chain", False),
        "link_id": _ref("link"),
        "title": _text(),
        "threat": _text(),
        "vulnerability": _text(),
        "existing_measures": _text(),
        "value_ids": FieldSpec("json", False),
        **{
            f"{side}{suffix}": spec
            for side in ("likelihood", "consequence")
            for suffix, spec in (
                ("", _int(1, 5, True)),
                ("_by", _ref("person")),
                ("_at", _TIME),
                ("_note", _text()),
                ("_knowledge", _enum(*KNOWLEDGE, nullable=True)),
            )
        },
        "inherent_likelihood": _int(1, 5, True),
        "inherent_consequence": _int(1, 5, True),
        "target_likelihood": _int(1, 5, True),
        "target_consequence": _int(1, 5, True),
        **_STAMPS,
    },
    "data_flow": {
        "chain_id": _ref("chain", False),
        "number": _int(1, 999),
        "from_link_id": _ref("link", False),
        "to_link_id": _ref("link", False),
        "data": _text(),
        "notes": _text(),
        **_STAMPS,
    },
    "ros_analysis": {
        "chain_id": _ref("chain", False),
        "held_on": FieldSpec("date", False),
        "participants": FieldSpec("json", False),
        "risk_ids": FieldSpec("json", False),
        "decisions": _text(),
        "notes": _text(),
        "bands": _text(),
        "scales": FieldSpec("json", False),
        "activity_id": _ref("activity"),
        "occurrence": _DAY,
        **_STAMPS,
    },
    "verification": {
        "item_id": _ref("item", False),
        "verdict": _enum("approved", "rejected"),
        "verified_by": _ref("person", False),
        "evidence": _text(),
        **_STAMPS,
    },
    "setting": {"value": _text(), **_STAMPS},
    "conflict": {
        "entity": _text(),
        "row_id": _text(),
        "field": _text(),
        "winner_change": _text(),
        "loser_change": _text(),
        "winner_value": _text(True),
        "loser_value": _text(True),
        "loser_author": _text(),
        "loser_at": _TIME,
        "resolved_at": _TIME,
        "resolution": _enum(
            "kept_winner", "took_loser", "edited", "restored", "deleted", nullable=True
        ),
        "resolved_by": _text(True),
        **_STAMPS,
    },
}

#: The fields of a risk case that are the risk owner's decision (the rest is IT's advice).
DECISION_FIELDS = frozenset(
    {"decision", "decided_by", "rationale", "valid_until", "decided_at", "covers"}
)
RECOMMENDATION_FIELDS = frozenset({"recommendation", "recommended_by", "recommendation_note"})
#: A ROS risk's likelihood is IT's estimate; its consequence the risk-owner unit's judgement.
LIKELIHOOD_FIELDS = frozenset(
    {"likelihood", "likelihood_by", "likelihood_at", "likelihood_note", "likelihood_knowledge"}
)
CONSEQUENCE_FIELDS = frozenset(
    {"consequence", "consequence_by", "consequence_at", "consequence_note", "consequence_knowledge"}
)
#: What the treatment aims at: the risk owner's, with the decision.
TARGET_FIELDS = frozenset({"target_likelihood", "target_consequence"})
#: An information value (C, I, A) is the risk-owner unit's to set.
VALUE_FIELDS = frozenset({"confidentiality", "integrity", "availability", "set_by", "set_at"})
#: What an acceptance was decided on: changing any of these on an item voids it.
ACCEPTANCE_FIELDS = ("likelihood", "consequence", "chain_id", "link_id")

#: Which roles may write what: entity → field (or CREATE, DEFAULT) → roles.
WRITE_ROLES: dict[str, dict[str, frozenset[str]]] = {
    # The organisation, the chains, the columns and the policy are governed data.
    "unit": {DEFAULT: GOV},
    "person": {DEFAULT: GOV},  # joining a unit as operational: see _person
    "chain": {DEFAULT: GOV},
    "column": {DEFAULT: GOV},
    "setting": {DEFAULT: GOV},
    "link": {DEFAULT: WORKERS, "chain_id": GOV},
    # Work: governing and operational members; internal control checks it, not changes it.
    "item": {DEFAULT: WORKERS, "status": ALL_ROLES},  # control's status: see _item
    "activity": {DEFAULT: WORKERS},
    "standup": {DEFAULT: WORKERS},
    "standup_note": {DEFAULT: WORKERS},
    "comment": {DEFAULT: ALL_ROLES},
    "transfer": {DEFAULT: ALL_ROLES},
    "conflict": {DEFAULT: ALL_ROLES},
    # IT recommends; the risk owner decides (see _risk_decision for the unit).
    "risk_decision": {DEFAULT: WORKERS, **{f: GOV for f in sorted(DECISION_FIELDS)}},
    "verification": {DEFAULT: CONTROL},
    # ROS: IT estimates likelihood; the business (members of the
    # chain's risk-owner unit, see _ros_risk and _info_value) judges consequence and values
    # the information; the risk owner decides the treatment and what it aims at.
    # (Likelihood is IT's estimate: governing and operational members, as for IT's
    # recommendation; internal control assesses nothing.)
    "ros_risk": {DEFAULT: WORKERS, **{f: GOV for f in sorted(TARGET_FIELDS)}},
    "info_value": {DEFAULT: WORKERS},
    "data_flow": {DEFAULT: WORKERS},
    "ros_analysis": {DEFAULT: WORKERS},
}


#: The fields a rule reads of a stored row (besides whether it exists), per entity: all the
#: sync server keeps of a row in its own state (``kanban_sec.rows``), so a change that sets
#: none of them (a title, a description, a comment's body...) costs it no state write. A
#: field outside these is judged as changed whenever a change sets it (the server does not
#: know its value). Messages that name an item's title find it in the server's log.
STATE_FIELDS: dict[str, frozenset[str]] = {
    "unit": frozenset({"name", "parent_id", "deleted_at"}),
    "person": frozenset({"name", "unit_id", "role", "deleted_at"}),
    "chain": frozenset({"name", "risk_owner_unit_id", "target_maturity", "deleted_at"}),
    "link": frozenset({"chain_id", "maturity", "deleted_at"}),
    "column": frozenset({"deleted_at"}),
    "item": frozenset(
        {
            "status",
            "status_changed_at",
            "needs_verification",
            "blocked_reason",
            "chain_id",
            "link_id",
            "likelihood",
            "consequence",
            "classification",
            "risk_id",
            "deleted_at",
        }
    ),
    "comment": frozenset({"author", "deleted_at"}),
    "activity": frozenset({"deleted_at"}),
    "standup": frozenset({"deleted_at"}),
    "standup_note": frozenset({"author", "deleted_at"}),
    "transfer": frozenset({"deleted_at"}),
    "risk_decision": frozenset(
        {"item_id", "chain_id", "risk_id", "deleted_at"} | DECISION_FIELDS | RECOMMENDATION_FIELDS
    ),
    "verification": frozenset(
        {"item_id", "verdict", "verified_by", "evidence", "created_at", "deleted_at"}
    ),
    "setting": frozenset({"value", "deleted_at"}),
    "conflict": frozenset({"deleted_at"}),
    "ros_risk": frozenset(
        {"chain_id", "link_id", "inherent_likelihood", "inherent_consequence", "deleted_at"}
        | LIKELIHOOD_FIELDS
        | CONSEQUENCE_FIELDS
        | TARGET_FIELDS
    ),
    "info_value": frozenset({"chain_id", "deleted_at"} | VALUE_FIELDS),
    "data_flow": frozenset({"chain_id", "from_link_id", "to_link_id", "deleted_at"}),
    "ros_analysis": frozenset({"chain_id", "deleted_at"}),
}


#: Per entity, the fields whose roles differ from the entity's default (creating a row is
#: judged by :data:`CREATE`, and by these of the fields it sets).
SPECIAL_FIELDS: dict[str, frozenset[str]] = {
    entity: frozenset(
        n
        for n, roles in table.items()
        if n not in (DEFAULT, CREATE) and roles != table.get(DEFAULT)
    )
    for entity, table in WRITE_ROLES.items()
}


def roles_for(entity: str, name: str) -> frozenset[str]:
    """The roles that may set ``name`` (a field, :data:`CREATE` or :data:`DELETE`)."""
    table = WRITE_ROLES.get(entity, {})
    return table.get(name, table.get(DEFAULT, frozenset()))


def declarations() -> list[tuple[str, str, str]]:
    """``(entity, field, role)`` rows: :data:`WRITE_ROLES` as the server's table holds it."""
    return sorted(
        (entity, name, role)
        for entity, table in WRITE_ROLES.items()
        for name, roles in table.items()
        for role in roles
    )


def field_declarations() -> list[tuple[str, str, str]]:
    """``(entity, field, spec as JSON)`` rows: :data:`FIELD_SPECS` for the server."""
    return sorted(
        (entity, name, json.dumps(spec.as_json(), sort_keys=True))
        for entity, specs in FIELD_SPECS.items()
        for name, spec in specs.items()
    )


def state_declarations() -> list[tuple[str, str]]:
    """``(entity, field)`` rows: :data:`STATE_FIELDS` for the server."""
    return sorted((entity, name) for entity, names in STATE_FIELDS.items() for name in names)
