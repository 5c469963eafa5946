"""The shared table of rulebook cases (``tests/rules_cases.py``) against ``rules.judge``.

The same table runs against a real sync server in ``tests/sync/test_attacks.py``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

from kanban_sec.domain import rules
from kanban_sec.domain.governance import Policy
from kanban_sec.domain.model import Chain, Item, Link
from kanban_sec.domain.ranking import item_score
from tests.rules_cases import CASES, Case, current_row, resolve, world_rows

TAG = "t"


class CaseWorld:
    """A board of a few rows, answering what the rulebook asks (as the server does:
    default policy, default matrix bands)."""

    def __init__(self, rows: list[tuple[str, str, dict[str, Any]]]) -> None:
        self.rows = {(entity, row_id): values for entity, row_id, values in rows}

    def row(self, entity: str, row_id: str | None) -> Mapping[str, Any] | None:
        found = self.rows.get((entity, row_id or ""))
        return None if found is None or found.get("deleted_at") else found

    def units_up(self, unit_id: str) -> list[str]:
        found: list[str] = []
        unit: str | None = unit_id
        while unit and unit not in found:
            found.append(unit)
            row = self.row("unit", unit)
            unit = row.get("parent_id") if row else None
        return found

    def approved_since(self, item_id: str, since: str | None) -> bool:
        return any(
            entity == "verification"
            and v.get("item_id") == item_id
            and v.get("verdict") == "approved"
            and not v.get("deleted_at")
            and (since is None or str(v.get("created_at") or "") >= since)
            for (entity, _), v in self.rows.items()
        )

    def needs_verification(self, item: Mapping[str, Any]) -> tuple[bool, int]:
        # The ranking's own score, so the table checks the server against it.
        def chain_of(row_id: str, v: Mapping[str, Any]) -> Chain:
            return Chain(
                row_id, v["name"], v.get("risk_owner_unit_id"), int(v.get("target_maturity", 3))
            )

        def link_of(row_id: str, v: Mapping[str, Any]) -> Link:
            return Link(row_id, v["chain_id"], v["name"], maturity=int(v.get("maturity", 0)))

        chain_row, link_row = (
            self.row("chain", item.get("chain_id")),
            self.row("link", item.get("link_id")),
        )
        # A measure of a ROS risk scores with the risk's likelihood and consequence.
        judged = self.row("ros_risk", item.get("risk_id")) or item
        links = [
            link_of(row_id, v)
            for (entity, row_id), v in self.rows.items()
            if entity == "link" and not v.get("deleted_at")
        ]
        score = item_score(
            Item(
                id="",
                title="",
                likelihood=judged.get("likelihood"),
                consequence=judged.get("consequence"),
            ),
            chain_of(str(item["chain_id"]), chain_row) if chain_row else None,
            link_of(str(item["link_id"]), link_row) if link_row else None,
            links,
        )
        return score >= 30 or item.get("classification") == "confidential", score

    def has_controller(self) -> bool:
        return True

    def policy(self) -> Policy:
        return Policy()

    def red_band(self, likelihood: int, consequence: int) -> bool:
        return likelihood * consequence > 10

    def chain_open_items(self, chain_id: str) -> list[Mapping[str, Any]]:
        return [
            {"id": row_id, **v}
            for (entity, row_id), v in self.rows.items()
            if entity == "item"
            and v.get("chain_id") == chain_id
            and v.get("status") != "done"
            and not v.get("deleted_at")
        ]

    def change_author(self, change_id: str) -> str | None:
        return None


def judge(case: Case) -> rules.Refusal | None:
    world = CaseWorld(world_rows(case, TAG))
    actor = rules.Actor(
        resolve("@actor", TAG),
        resolve("@actor", TAG),
        case.role,
        resolve(case.unit, TAG),
        setting_up=False,
    )
    change = rules.Proposed(
        case.entity,
        resolve(case.row_id, TAG),
        current_row(case, TAG),
        resolve(dict(case.fields), TAG),
    )
    return rules.judge(change, actor, world)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_the_rulebook_judges_the_case(case: Case) -> None:
    refusal = judge(case)
    assert (refusal.code if refusal else None) == case.expected, refusal


def test_the_table_covers_every_code_the_server_judges() -> None:
    assert {c.expected for c in CASES} >= {
        None,
        "KS002",
        "KS003",
        "KS004",
        "KS006",
        "KS007",
        "KS008",
        "KS009",
        "KS011",
    }
