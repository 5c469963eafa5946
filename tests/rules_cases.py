"""One table of rulebook cases, run against both the Python rulebook and a real sync server.

Each :class:`Case` is a proposed change (entity, the row as it is now, the fields set), the
actor (their role and unit) and what the rulebook says: allowed (``None``) or a refusal
code. ``tests/unit/test_rules_cases.py`` judges every case with ``rules.judge`` and a small
in-memory world; ``tests/sync/test_attacks.py`` builds the same world on a server with
changes of a governing (and a controlling) member, then pushes the case's change as a
member of the actor's kind and expects the same answer (the SQLSTATE is the code).

Ids and names written ``@name`` are placeholders: :func:`resolve` makes them unique per run
(the server test keeps every case in one database).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

BIG_TEXT = "x" * (64 * 1024 + 1)
HUGE_TEXT = "y" * (1024 * 1024 + 10)


@dataclass(frozen=True)
class Case:
    name: str
    entity: str
    row_id: str
    #: The row as it is (``None``: a new row).
    current: Mapping[str, Any] | None
    #: The fields the change sets.
    fields: Mapping[str, Any]
    role: str
    unit: str | None
    #: ``None``: allowed; else the refusal code.
    expected: str | None
    #: More rows of the board beyond :data:`BASE_WORLD`: (entity, id, values).
    world: tuple[tuple[str, str, Mapping[str, Any]], ...] = field(default_factory=tuple)


#: The board every case starts from: a unit tree, two chains with different risk owners,
#: a link at full maturity (items on it score 0) and the actor's person (added per case).
BASE_WORLD: tuple[tuple[str, str, Mapping[str, Any]], ...] = (
    ("unit", "@top", {"name": "Top"}),
    ("unit", "@owner", {"name": "Owner", "parent_id": "@top"}),
    ("unit", "@other", {"name": "Other", "parent_id": "@top"}),
    ("unit", "@it", {"name": "IT", "parent_id": "@top"}),
    (
        "chain",
        "@chain_a",
        {"name": "Chain A", "risk_owner_unit_id": "@owner", "target_maturity": 3},
    ),
    (
        "chain",
        "@chain_b",
        {"name": "Chain B", "risk_owner_unit_id": "@other", "target_maturity": 3},
    ),
    ("link", "@link_a", {"chain_id": "@chain_a", "name": "Device", "maturity": 3}),
    ("link", "@link_b", {"chain_id": "@chain_b", "name": "Cloud", "maturity": 0}),
)


def item(
    status: str = "doing", likelihood: int | None = 1, consequence: int | None = 1, **more: Any
) -> dict[str, Any]:
    return {
        "title": "Patch",
        "status": status,
        "likelihood": likelihood,
        "consequence": consequence,
        **more,
    }


def accept(**more: Any) -> dict[str, Any]:
    return {
        "item_id": "@item",
        "decision": "accept",
        "rationale": "low impact",
        "valid_until": "2031-01-01",
        **more,
    }


LOW_ITEM = ("item", "@item", item("doing", 2, 2, chain_id="@chain_a"))
RED_ITEM = ("item", "@item", item("doing", 5, 5, chain_id="@chain_a"))
APPROVAL = (
    "verification",
    "@approval",
    {"item_id": "@case", "verdict": "approved", "evidence": "screenshot"},
)
DECIDED = {
    "item_id": "@item",
    "decision": "accept",
    "rationale": "low impact",
    "valid_until": "2031-01-01",
}

CASES: tuple[Case, ...] = (
    # -- done needs a verification ------------------------------------------------------
    Case(
        "doing->done needs verification (score 75)",
        "item",
        "@case",
        item("doing", 5, 5, chain_id="@chain_b", link_id="@link_b"),
        {"status": "done"},
        "operational",
        "@it",
        "KS002",
    ),
    Case(
        "doing->done on a chain as a whole: its weakest link's gap (score 75)",
        "item",
        "@case",
        item("doing", 5, 5, chain_id="@chain_b"),
        {"status": "done"},
        "operational",
        "@it",
        "KS002",
    ),
    Case(
        "doing->done in no chain: gap 1 (score 25)",
        "item",
        "@case",
        item("doing", 5, 5),
        {"status": "done"},
        "operational",
        "@it",
        None,
    ),
    Case(
        "doing->done unassessed counts 3 (score 3 x 5 x 3 = 45)",
        "item",
        "@case",
        item("doing", None, 5, chain_id="@chain_b", link_id="@link_b"),
        {"status": "done"},
        "operational",
        "@it",
        "KS002",
    ),
    Case(
        "doing->done low score",
        "item",
        "@case",
        item("doing", 1, 1),
        {"status": "done"},
        "operational",
        "@it",
        None,
    ),
    Case(
        "doing->done confidential",
        "item",
        "@case",
        item("doing", classification="confidential"),
        {"status": "done"},
        "operational",
        "@it",
        "KS002",
    ),
    Case(
        "doing->done stored needs_verification",
        "item",
        "@case",
        item("doing", needs_verification=1),
        {"status": "done"},
        "operational",
        "@it",
        "KS002",
    ),
    Case(
        "verify->done by operational",
        "item",
        "@case",
        item("verify"),
        {"status": "done"},
        "operational",
        "@it",
        "KS002",
    ),
    Case(
        "verify->done by governing",
        "item",
        "@case",
        item("verify"),
        {"status": "done"},
        "governing",
        "@top",
        "KS002",
    ),
    Case(
        "verify->done by controlling without approval",
        "item",
        "@case",
        item("verify"),
        {"status": "done"},
        "controlling",
        "@it",
        "KS002",
    ),
    Case(
        "verify->done by controlling with approval",
        "item",
        "@case",
        item("verify"),
        {"status": "done"},
        "controlling",
        "@it",
        None,
        (APPROVAL,),
    ),
    Case(
        "verify->doing by controlling (sent back)",
        "item",
        "@case",
        item("verify"),
        {"status": "doing"},
        "controlling",
        "@it",
        None,
    ),
    Case(
        "blocked->done",
        "item",
        "@case",
        item("doing", blocked_reason="waiting"),
        {"status": "done"},
        "operational",
        "@it",
        "KS008",
    ),
    Case(
        "created in done with a high score",
        "item",
        "@case",
        None,
        item("done", 5, 5, chain_id="@chain_b", link_id="@link_b"),
        "operational",
        "@it",
        "KS002",
    ),
    Case(
        "created in done on a mature link (score 0)",
        "item",
        "@case",
        None,
        item("done", 5, 5, chain_id="@chain_a", link_id="@link_a"),
        "operational",
        "@it",
        None,
    ),
    Case(
        "controlling creates an item",
        "item",
        "@case",
        None,
        item("backlog"),
        "controlling",
        "@it",
        "KS004",
    ),
    Case(
        "controlling edits a title",
        "item",
        "@case",
        item("verify"),
        {"title": "Mine now"},
        "controlling",
        "@it",
        "KS004",
    ),
    Case(
        "controlling moves work out of doing",
        "item",
        "@case",
        item("doing"),
        {"status": "backlog"},
        "controlling",
        "@it",
        "KS004",
    ),
    Case(
        "controlling puts work back into verify",
        "item",
        "@case",
        item("doing"),
        {"status": "verify"},
        "controlling",
        "@it",
        None,
    ),
    # -- moving an item to another risk owner -------------------------------------------
    Case(
        "item to another risk owner's chain by operational",
        "item",
        "@case",
        item("doing", chain_id="@chain_a"),
        {"chain_id": "@chain_b"},
        "operational",
        "@owner",
        "KS003",
    ),
    Case(
        "item to another risk owner's chain by the risk owner",
        "item",
        "@case",
        item("doing", chain_id="@chain_a"),
        {"chain_id": "@chain_b"},
        "governing",
        "@owner",
        None,
    ),
    Case(
        "item to another risk owner's chain by another unit's governing",
        "item",
        "@case",
        item("doing", chain_id="@chain_a"),
        {"chain_id": "@chain_b"},
        "governing",
        "@other",
        "KS003",
    ),
    # -- governed data ------------------------------------------------------------------
    Case(
        "operational changes a chain's risk owner",
        "chain",
        "@chain_a",
        None,
        {"risk_owner_unit_id": "@it"},
        "operational",
        "@it",
        "KS004",
    ),
    Case(
        "operational changes a chain's target maturity",
        "chain",
        "@chain_a",
        None,
        {"target_maturity": 1},
        "operational",
        "@it",
        "KS004",
    ),
    Case(
        "governing changes a chain's target maturity",
        "chain",
        "@chain_a",
        None,
        {"target_maturity": 2},
        "governing",
        "@top",
        None,
    ),
    Case(
        "operational creates a chain",
        "chain",
        "@case",
        None,
        {"name": "Mine", "target_maturity": 3},
        "operational",
        "@it",
        "KS004",
    ),
    Case(
        "operational moves a unit",
        "unit",
        "@it",
        None,
        {"parent_id": "@owner"},
        "operational",
        "@it",
        "KS004",
    ),
    Case(
        "governing moves a unit",
        "unit",
        "@it",
        None,
        {"parent_id": "@owner"},
        "governing",
        "@top",
        None,
    ),
    Case(
        "operational renames a person",
        "person",
        "@case",
        {"name": "Per", "unit_id": "@it", "role": "operational"},
        {"name": "Pål"},
        "operational",
        "@it",
        "KS004",
    ),
    Case(
        "operational promotes a person",
        "person",
        "@case",
        {"name": "Per", "unit_id": "@it", "role": "operational"},
        {"role": "governing"},
        "operational",
        "@it",
        "KS004",
    ),
    Case(
        "operational removes a person",
        "person",
        "@case",
        {"name": "Per", "unit_id": "@it", "role": "operational"},
        {"deleted_at": "2030-01-01T00:00:00+00:00"},
        "operational",
        "@it",
        "KS004",
    ),
    Case(
        "governing removes a person",
        "person",
        "@case",
        {"name": "Per", "unit_id": "@it", "role": "operational"},
        {"deleted_at": "2030-01-01T00:00:00+00:00"},
        "governing",
        "@top",
        None,
    ),
    Case(
        "operational adds an operational person",
        "person",
        "@case",
        None,
        {"name": "Nina", "unit_id": "@it", "role": "operational"},
        "operational",
        "@it",
        None,
    ),
    Case(
        "operational adds a governing person",
        "person",
        "@case",
        None,
        {"name": "Nina", "unit_id": "@it", "role": "governing"},
        "operational",
        "@it",
        "KS004",
    ),
    Case(
        "operational changes the policy",
        "setting",
        "policy.case_probe",
        None,
        {"value": "0"},
        "operational",
        "@it",
        "KS004",
    ),
    # -- risk decisions -----------------------------------------------------------------
    Case(
        "accept by operational of the risk-owner unit",
        "risk_decision",
        "@case",
        None,
        accept(),
        "operational",
        "@owner",
        "KS003",
        (LOW_ITEM,),
    ),
    Case(
        "accept by governing of the risk-owner unit",
        "risk_decision",
        "@case",
        None,
        accept(),
        "governing",
        "@owner",
        None,
        (LOW_ITEM,),
    ),
    Case(
        "accept by governing of a unit above",
        "risk_decision",
        "@case",
        None,
        accept(),
        "governing",
        "@top",
        None,
        (LOW_ITEM,),
    ),
    Case(
        "accept by governing of another unit",
        "risk_decision",
        "@case",
        None,
        accept(),
        "governing",
        "@other",
        "KS003",
        (LOW_ITEM,),
    ),
    Case(
        "recommendation by operational",
        "risk_decision",
        "@case",
        None,
        {"item_id": "@item", "recommendation": "accept"},
        "operational",
        "@it",
        None,
        (LOW_ITEM,),
    ),
    Case(
        "valid_until changed by operational",
        "risk_decision",
        "@case",
        DECIDED,
        {"valid_until": "2040-01-01"},
        "operational",
        "@owner",
        "KS003",
        (LOW_ITEM,),
    ),
    Case(
        "accept in the red band",
        "risk_decision",
        "@case",
        None,
        accept(),
        "governing",
        "@owner",
        "KS009",
        (RED_ITEM,),
    ),
    Case(
        "accept an item nobody has assessed",
        "risk_decision",
        "@case",
        None,
        accept(),
        "governing",
        "@owner",
        "KS009",
        (("item", "@item", item("doing", None, 2, chain_id="@chain_a")),),
    ),
    Case(
        "accept without a rationale",
        "risk_decision",
        "@case",
        None,
        accept(rationale=""),
        "governing",
        "@owner",
        "KS009",
        (LOW_ITEM,),
    ),
    Case(
        "accept without valid-until",
        "risk_decision",
        "@case",
        None,
        accept(valid_until=None),
        "governing",
        "@owner",
        "KS009",
        (LOW_ITEM,),
    ),
    # -- verification -------------------------------------------------------------------
    Case(
        "verification by controlling",
        "verification",
        "@case",
        None,
        {"item_id": "@item", "verdict": "approved", "evidence": "logs", "verified_by": "@actor"},
        "controlling",
        "@it",
        None,
        (("item", "@item", item("verify")),),
    ),
    Case(
        "verification by operational",
        "verification",
        "@case",
        None,
        {"item_id": "@item", "verdict": "approved", "evidence": "logs"},
        "operational",
        "@it",
        "KS002",
        (("item", "@item", item("verify")),),
    ),
    Case(
        "verification without evidence",
        "verification",
        "@case",
        None,
        {"item_id": "@item", "verdict": "approved", "evidence": "", "verified_by": "@actor"},
        "controlling",
        "@it",
        "KS002",
        (("item", "@item", item("verify")),),
    ),
    Case(
        "verification of an item not in verify",
        "verification",
        "@case",
        None,
        {"item_id": "@item", "verdict": "approved", "evidence": "logs", "verified_by": "@actor"},
        "controlling",
        "@it",
        "KS002",
        (("item", "@item", item("doing")),),
    ),
    Case(
        "verification in somebody else's name",
        "verification",
        "@case",
        None,
        {
            "item_id": "@item",
            "verdict": "approved",
            "evidence": "logs",
            "verified_by": "@other_person",
        },
        "controlling",
        "@it",
        "KS007",
        (("item", "@item", item("verify")),),
    ),
    # -- values -------------------------------------------------------------------------
    Case(
        "likelihood 9",
        "item",
        "@case",
        item("doing"),
        {"likelihood": 9},
        "operational",
        "@it",
        "KS006",
    ),
    Case(
        "status nope",
        "item",
        "@case",
        item("doing"),
        {"status": "nope"},
        "operational",
        "@it",
        "KS006",
    ),
    Case(
        "likelihood as text",
        "item",
        "@case",
        item("doing"),
        {"likelihood": "3"},
        "operational",
        "@it",
        "KS006",
    ),
    Case(
        "a title over 64 KiB",
        "item",
        "@case",
        item("doing"),
        {"title": BIG_TEXT},
        "operational",
        "@it",
        "KS006",
    ),
    Case(
        "a reference over 1 KiB",
        "item",
        "@case",
        item("doing"),
        {"link_id": "l" * 1100},
        "operational",
        "@it",
        "KS006",
    ),
    Case(
        "a new item whose reference is over 1 KiB",
        "item",
        "@case",
        None,
        {"title": "Long link", "status": "backlog", "link_id": "l" * 3000},
        "operational",
        "@it",
        "KS006",
    ),
    Case(
        "a change over 1 MiB",
        "item",
        "@case",
        item("doing"),
        {"description": HUGE_TEXT},
        "operational",
        "@it",
        "KS006",
    ),
    Case(
        "an unknown field",
        "item",
        "@case",
        item("doing"),
        {"owner_password": "x"},
        "operational",
        "@it",
        "KS006",
    ),
    Case(
        "an unknown entity", "spaceship", "@case", None, {"name": "x"}, "governing", "@top", "KS006"
    ),
    Case(
        "a bad date",
        "item",
        "@case",
        item("doing"),
        {"due_date": "2030-02-30"},
        "operational",
        "@it",
        "KS006",
    ),
    Case(
        "an empty title",
        "item",
        "@case",
        item("doing"),
        {"title": None},
        "operational",
        "@it",
        "KS006",
    ),
)


# -- ROS: IT's likelihood, the business's consequence and values, the risk owner's call ----

#: A unit under the risk owner of chain A (its members are the business too) and a chain
#: without a risk-owner unit (its governing members judge and decide).
OWNER_TEAM = ("unit", "@owner_team", {"name": "Owner team", "parent_id": "@owner"})
FREE_CHAIN = ("chain", "@chain_free", {"name": "Free chain", "target_maturity": 3})


def risk(chain: str = "@chain_a", **more: Any) -> dict[str, Any]:
    return {"chain_id": chain, "title": "Leak of health data", "value_ids": "[]", **more}


def value(chain: str = "@chain_a", **more: Any) -> dict[str, Any]:
    return {"chain_id": chain, "name": "Health data", **more}


ASSESSED = risk(likelihood=3, consequence=4, inherent_likelihood=3, inherent_consequence=4)
LOW_RISK = ("ros_risk", "@risk", risk(likelihood=2, consequence=2))
RED_RISK = ("ros_risk", "@risk", risk(likelihood=5, consequence=5))
SET_AT = "2030-01-01T10:00:00+00:00"


def consequence(n: int = 4, by: str = "@actor") -> dict[str, Any]:
    return {"consequence": n, "consequence_by": by, "consequence_at": SET_AT}


def risk_case(
    name: str,
    fields: Mapping[str, Any],
    role: str,
    unit: str,
    expected: str | None,
    current: Mapping[str, Any] | None = None,
    world: tuple[tuple[str, str, Mapping[str, Any]], ...] = (),
) -> Case:
    return Case(
        name,
        "ros_risk",
        "@risk",
        risk() if current is None else current,
        fields,
        role,
        unit,
        expected,
        (OWNER_TEAM, FREE_CHAIN, *world),
    )


def value_case(
    name: str,
    fields: Mapping[str, Any],
    role: str,
    unit: str,
    expected: str | None,
    current: Mapping[str, Any] | None = None,
) -> Case:
    return Case(
        name,
        "info_value",
        "@value",
        current,
        fields,
        role,
        unit,
        expected,
        (OWNER_TEAM, FREE_CHAIN),
    )


def accept_risk(**more: Any) -> dict[str, Any]:
    return {
        "risk_id": "@risk",
        "decision": "accept",
        "rationale": "low impact",
        "valid_until": "2031-01-01",
        **more,
    }


LIKELIHOOD = {"likelihood": 4, "likelihood_by": "@actor", "likelihood_at": SET_AT}

ROS_CASES: tuple[Case, ...] = (
    # likelihood: IT's estimate (governing and operational members), as oneself
    risk_case("risk likelihood by operational IT", LIKELIHOOD, "operational", "@it", None),
    risk_case("risk likelihood by governing", LIKELIHOOD, "governing", "@top", None),
    risk_case("risk likelihood by controlling", LIKELIHOOD, "controlling", "@it", "KS004"),
    risk_case(
        "risk likelihood recorded as somebody else",
        {**LIKELIHOOD, "likelihood_by": "@other_person"},
        "operational",
        "@it",
        "KS007",
    ),
    # consequence: the business's (the risk-owner unit or below, or a decider): KS011
    risk_case(
        "risk consequence by the risk-owner unit", consequence(), "operational", "@owner", None
    ),
    risk_case(
        "risk consequence by a unit under the risk owner",
        consequence(),
        "operational",
        "@owner_team",
        None,
    ),
    risk_case(
        "risk consequence by governing of the risk-owner unit",
        consequence(),
        "governing",
        "@owner",
        None,
    ),
    risk_case("risk consequence by governing above", consequence(), "governing", "@top", None),
    risk_case("risk consequence by operational IT", consequence(), "operational", "@it", "KS011"),
    risk_case(
        "risk consequence by governing of another unit",
        consequence(),
        "governing",
        "@other",
        "KS011",
    ),
    risk_case(
        "risk consequence by controlling of the risk-owner unit",
        consequence(),
        "controlling",
        "@owner",
        "KS004",
    ),
    risk_case(
        "risk consequence note by IT",
        {"consequence_note": "IT thinks it is bad"},
        "operational",
        "@it",
        "KS011",
    ),
    risk_case(
        "risk consequence recorded as somebody else",
        consequence(by="@other_person"),
        "operational",
        "@owner",
        "KS007",
    ),
    risk_case(
        "risk consequence on a chain without risk owner by operational",
        consequence(),
        "operational",
        "@owner",
        "KS011",
        risk("@chain_free"),
    ),
    risk_case(
        "risk consequence on a chain without risk owner by governing",
        consequence(),
        "governing",
        "@other",
        None,
        risk("@chain_free"),
    ),
    Case(
        "new risk with a consequence by IT",
        "ros_risk",
        "@risk",
        None,
        {**risk(), **consequence()},
        "operational",
        "@it",
        "KS011",
    ),
    Case("new risk by IT", "ros_risk", "@risk", None, risk(), "operational", "@it", None),
    Case(
        "new risk by controlling", "ros_risk", "@risk", None, risk(), "controlling", "@it", "KS004"
    ),
    # the target: the risk owner's decision
    risk_case(
        "risk target by the risk owner",
        {"target_likelihood": 2, "target_consequence": 3},
        "governing",
        "@owner",
        None,
    ),
    risk_case(
        "risk target by operational of the risk-owner unit",
        {"target_likelihood": 2},
        "operational",
        "@owner",
        "KS004",
    ),
    risk_case(
        "risk target by governing of another unit",
        {"target_consequence": 2},
        "governing",
        "@other",
        "KS003",
    ),
    # the inherent risk: the first full assessment, set once
    risk_case(
        "risk consequence completing the first assessment sets the inherent risk",
        {**consequence(4), "inherent_likelihood": 3, "inherent_consequence": 4},
        "operational",
        "@owner",
        None,
        risk(likelihood=3),
    ),
    risk_case(
        "risk inherent other than the assessment",
        {"inherent_likelihood": 5, "inherent_consequence": 5},
        "operational",
        "@it",
        "KS006",
        risk(likelihood=3, consequence=4),
    ),
    risk_case(
        "risk inherent changed after it was set",
        {"likelihood": 2, "inherent_likelihood": 2},
        "operational",
        "@it",
        "KS006",
        ASSESSED,
    ),
    risk_case(
        "risk likelihood undone with its inherent risk",
        {"likelihood": None, "inherent_likelihood": None, "inherent_consequence": None},
        "operational",
        "@it",
        None,
        ASSESSED,
    ),
    # moving a risk to another chain: its risk owner's decision
    risk_case(
        "risk to another chain by operational",
        {"chain_id": "@chain_b"},
        "operational",
        "@owner",
        "KS003",
    ),
    risk_case(
        "risk to another chain by its risk owner",
        {"chain_id": "@chain_b"},
        "governing",
        "@owner",
        None,
    ),
    risk_case(
        "risk to another chain by governing of another unit",
        {"chain_id": "@chain_b"},
        "governing",
        "@other",
        "KS003",
    ),
    # information values: the business's, as itself
    value_case(
        "value created by the risk-owner unit",
        {**value(), "confidentiality": 4, "set_by": "@actor", "set_at": SET_AT},
        "operational",
        "@owner",
        None,
    ),
    value_case(
        "value created by IT", {**value(), "confidentiality": 4}, "operational", "@it", "KS011"
    ),
    value_case("value created by controlling", value(), "controlling", "@owner", "KS004"),
    value_case(
        "value created on a chain without risk owner by operational",
        value("@chain_free"),
        "operational",
        "@owner",
        "KS011",
    ),
    value_case(
        "value C changed by IT", {"confidentiality": 5}, "operational", "@it", "KS011", value()
    ),
    value_case(
        "value I changed by governing above", {"integrity": 2}, "governing", "@top", None, value()
    ),
    value_case(
        "value notes by IT", {"notes": "kept 10 years"}, "operational", "@it", None, value()
    ),
    value_case(
        "value recorded as somebody else",
        {"availability": 3, "set_by": "@other_person"},
        "operational",
        "@owner_team",
        "KS007",
        value(),
    ),
    value_case(
        "value deleted by IT", {"deleted_at": SET_AT}, "operational", "@it", "KS011", value()
    ),
    value_case(
        "value deleted by the risk-owner unit",
        {"deleted_at": SET_AT},
        "operational",
        "@owner",
        None,
        value(),
    ),
    # decisions on a ROS risk: the risk owner of the RISK's chain; acceptances hold
    Case(
        "accept a risk by its risk owner",
        "risk_decision",
        "@case",
        None,
        accept_risk(),
        "governing",
        "@owner",
        None,
        (LOW_RISK,),
    ),
    Case(
        "accept a risk by operational of the risk-owner unit",
        "risk_decision",
        "@case",
        None,
        accept_risk(),
        "operational",
        "@owner",
        "KS003",
        (LOW_RISK,),
    ),
    Case(
        "accept a risk by governing of another unit",
        "risk_decision",
        "@case",
        None,
        accept_risk(),
        "governing",
        "@other",
        "KS003",
        (LOW_RISK,),
    ),
    Case(
        "accept a risk naming another chain by that chain's risk owner",
        "risk_decision",
        "@case",
        None,
        accept_risk(chain_id="@chain_b"),
        "governing",
        "@other",
        "KS003",
        (LOW_RISK,),
    ),
    Case(
        "accept a risk in the red band",
        "risk_decision",
        "@case",
        None,
        accept_risk(),
        "governing",
        "@owner",
        "KS009",
        (RED_RISK,),
    ),
    Case(
        "accept a risk waiting for the business's consequence",
        "risk_decision",
        "@case",
        None,
        accept_risk(),
        "governing",
        "@owner",
        "KS009",
        (("ros_risk", "@risk", risk(likelihood=2)),),
    ),
    Case(
        "reduce a risk in the red band",
        "risk_decision",
        "@case",
        None,
        accept_risk(decision="reduce", valid_until=None),
        "governing",
        "@owner",
        None,
        (RED_RISK,),
    ),
    Case(
        "recommendation on a risk by IT",
        "risk_decision",
        "@case",
        None,
        {"risk_id": "@risk", "recommendation": "reduce", "recommended_by": "@actor"},
        "operational",
        "@it",
        None,
        (LOW_RISK,),
    ),
    # a measure of a risk scores with the risk's likelihood and consequence
    Case(
        "doing->done a measure of a red risk (risk 5 x 5 x gap 3 = 75)",
        "item",
        "@case",
        item("doing", 1, 1, chain_id="@chain_b", link_id="@link_b", risk_id="@risk"),
        {"status": "done"},
        "operational",
        "@it",
        "KS002",
        (("ros_risk", "@risk", risk("@chain_b", likelihood=5, consequence=5)),),
    ),
    Case(
        "doing->done a measure of a low risk (risk 1 x 2 x gap 3 = 6)",
        "item",
        "@case",
        item("doing", 5, 5, chain_id="@chain_b", link_id="@link_b", risk_id="@risk"),
        {"status": "done"},
        "operational",
        "@it",
        None,
        (("ros_risk", "@risk", risk("@chain_b", likelihood=1, consequence=2)),),
    ),
)
CASES = CASES + ROS_CASES


def resolve(value: Any, tag: str) -> Any:
    """``value`` with every ``@name`` placeholder made unique with ``tag``."""
    if isinstance(value, str) and value.startswith("@"):
        return f"{value[1:]}-{tag}"
    if isinstance(value, Mapping):
        return {k: resolve(v, tag) for k, v in value.items()}
    if isinstance(value, tuple | list):
        return type(value)(resolve(v, tag) for v in value)
    return value


def current_row(case: Case, tag: str) -> dict[str, Any] | None:
    """The case's row as it is now: its ``current``, else the base row it names, if any."""
    if case.current is not None:
        return resolve(dict(case.current), tag)
    for entity, row_id, values in BASE_WORLD:
        if (entity, row_id) == (case.entity, case.row_id):
            return resolve(dict(values), tag)
    return None


def world_rows(case: Case, tag: str) -> list[tuple[str, str, dict[str, Any]]]:
    """The board before the case's change, in an order a server accepts it: the base, the
    actor's person, the case's extra rows, and the row as it is now (verifications after
    the items they verify)."""
    actor = ("person", "@actor", {"name": "@actor", "unit_id": case.unit, "role": case.role})
    rows = [*BASE_WORLD, actor, *case.world]
    if case.current is not None:
        rows.append((case.entity, case.row_id, dict(case.current)))
    rows.sort(key=lambda r: r[0] == "verification")
    return [
        (entity, resolve(row_id, tag), resolve(dict(values), tag))
        for entity, row_id, values in rows
    ]


__all__ = ["BASE_WORLD", "CASES", "ROS_CASES", "Case", "current_row", "resolve", "world_rows"]
