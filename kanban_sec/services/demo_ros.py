"""The example board's ROS analyses (``resources/demo/ros.toml``): information values,
data flows, risks with their assessments over time, their measures on the board, the
treatments decided and the analyses held — written as the example's lead records them,
each dated when it happened, through the store's one write path (the rulebook judges it)."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from typing import Any

from kanban_sec.domain.governance import bands_from
from kanban_sec.domain.ids import new_id
from kanban_sec.domain.ros import covers_json, scale_words
from kanban_sec.services.names import Names
from kanban_sec.store import ros_reader, rows
from kanban_sec.store.unit_of_work import UnitOfWork


@contextmanager
def dated(uow: UnitOfWork, moment: datetime) -> Iterator[None]:
    """Write as of ``moment`` (the example's past), then as of now again."""
    real_now, real_text = uow.now, uow.now_text
    uow.now, uow.now_text = moment, rows.ts(moment)
    try:
        yield
    finally:
        uow.now, uow.now_text = real_now, real_text


def ros_analyses(
    uow: UnitOfWork,
    names: Names,
    ros: Mapping[str, Sequence[Mapping[str, Any]]],
    by_title: Mapping[str, str],
    today: date,
) -> None:
    """Write the example's ROS analyses (see the module's text)."""
    me = uow.actor.person_id
    oldest = max([a["days_ago"] for a in ros.get("analysis", [])], default=0)
    value_ids: dict[tuple[str, str], str] = {}
    with dated(uow, uow.now - timedelta(days=oldest + 1)):
        for spec in ros.get("value", []):
            chain_id = names.chain(spec["chain"])
            row_id = new_id()
            judged = {
                k: spec[k] for k in ("confidentiality", "integrity", "availability") if k in spec
            }
            if judged:
                judged.update(set_by=me, set_at=uow.now_text)
            uow.insert(
                "info_value",
                {
                    "id": row_id,
                    "chain_id": chain_id,
                    "name": spec["name"],
                    "notes": spec.get("notes", ""),
                    **judged,
                },
            )
            value_ids[(spec["chain"], spec["name"])] = row_id
        numbers: dict[str, int] = {}
        for spec in ros.get("flow", []):
            chain_id = names.chain(spec["chain"])
            numbers[chain_id] = numbers.get(chain_id, 0) + 1
            uow.insert(
                "data_flow",
                {
                    "id": new_id(),
                    "chain_id": chain_id,
                    "number": numbers[chain_id],
                    "from_link_id": names.link(chain_id, spec["from"]),
                    "to_link_id": names.link(chain_id, spec["to"]),
                    "data": spec["data"],
                    "notes": spec.get("notes", ""),
                },
            )
    for spec in ros.get("risk", []):
        _risk(uow, names, spec, value_ids, by_title, today, me)
    for spec in ros.get("analysis", []):
        chain_id = names.chain(spec["chain"])
        with dated(uow, uow.now - timedelta(days=spec["days_ago"])):
            settings = uow.settings()
            uow.insert(
                "ros_analysis",
                {
                    "id": new_id(),
                    "chain_id": chain_id,
                    "held_on": uow.now.astimezone().date().isoformat(),
                    "participants": json.dumps(spec["participants"], ensure_ascii=False),
                    "risk_ids": json.dumps([r.id for r in ros_reader.risks(uow, chain_id)]),
                    "decisions": spec.get("decisions", ""),
                    "notes": spec.get("notes", ""),
                    "bands": bands_from(settings).text(),
                    "scales": json.dumps(scale_words(settings, "nb"), ensure_ascii=False),
                },
            )


def _risk(
    uow: UnitOfWork,
    names: Names,
    spec: Mapping[str, Any],
    value_ids: Mapping[tuple[str, str], str],
    by_title: Mapping[str, str],
    today: date,
    me: str | None,
) -> None:
    """One risk: made, assessed (first, then again), its measures, its treatment."""
    chain_id = names.chain(spec["chain"])
    row_id = new_id()
    days = [
        spec.get(k, 0) for k in ("first_days_ago", "likelihood_days_ago", "consequence_days_ago")
    ]
    with dated(uow, uow.now - timedelta(days=max(days) + 1)):
        uow.insert(
            "ros_risk",
            {
                "id": row_id,
                "chain_id": chain_id,
                "link_id": names.link(chain_id, spec["link"]) if spec.get("link") else None,
                "title": spec["title"],
                "threat": spec.get("threat", ""),
                "vulnerability": spec.get("vulnerability", ""),
                "existing_measures": spec.get("existing_measures", ""),
                "value_ids": json.dumps(
                    [value_ids[(spec["chain"], name)] for name in spec.get("values", [])]
                ),
            },
        )
    events: list[tuple[int, str]] = []
    if "first" in spec:
        events.append((spec["first_days_ago"], "first"))
    for side in ("likelihood", "consequence"):
        if side in spec:
            events.append((spec[f"{side}_days_ago"], side))
    if "decision" in spec:
        events.append((spec["decided_days_ago"], "decision"))
    current: dict[str, int | None] = {"likelihood": None, "consequence": None}
    # In the order they happened: a decision is taken on the risk as it stood that day.
    for days_ago, kind in sorted(events, key=lambda e: -e[0]):
        if kind == "decision":
            _decide(uow, spec, row_id, today, me)
            continue
        with dated(uow, uow.now - timedelta(days=days_ago)):
            if kind == "first":
                values: dict[str, Any] = {}
                for side, value in zip(("likelihood", "consequence"), spec["first"], strict=True):
                    values.update({side: value, f"{side}_by": me, f"{side}_at": uow.now_text})
                    current[side] = value
            else:
                current[kind] = spec[kind]
                values = {
                    kind: spec[kind],
                    f"{kind}_by": me,
                    f"{kind}_at": uow.now_text,
                    f"{kind}_note": spec.get(f"{kind}_note", ""),
                    f"{kind}_knowledge": spec.get(f"{kind}_knowledge"),
                }
            found = uow.row("ros_risk", row_id)
            assert found is not None
            if found["inherent_likelihood"] is None and None not in current.values():
                values.update(
                    inherent_likelihood=current["likelihood"],
                    inherent_consequence=current["consequence"],
                )
            uow.update("ros_risk", row_id, values)
    for title in spec.get("measures", []):
        item = uow.row("item", by_title[title])
        assert item is not None
        fields: dict[str, Any] = {"risk_id": row_id}
        if item["chain_id"] != chain_id:
            fields.update(chain_id=chain_id, link_id=None)
        uow.update("item", by_title[title], fields)
    if "target" in spec:
        target_l, target_c = spec["target"]
        uow.update(
            "ros_risk", row_id, {"target_likelihood": target_l, "target_consequence": target_c}
        )


def _decide(
    uow: UnitOfWork, spec: Mapping[str, Any], row_id: str, today: date, me: str | None
) -> None:
    """The risk owner's treatment, recorded on the risk as it stood when decided."""
    with dated(uow, uow.now - timedelta(days=spec["decided_days_ago"])):
        risk = ros_reader.risk(uow, row_id)
        assert risk is not None
        uow.insert(
            "risk_decision",
            {
                "id": new_id(),
                "item_id": None,
                "chain_id": None,
                "risk_id": row_id,
                "decision": spec["decision"],
                "decided_by": me,
                "rationale": spec["rationale"],
                "valid_until": (today + timedelta(days=spec["valid_days"])).isoformat()
                if "valid_days" in spec
                else None,
                "decided_at": uow.now_text,
                "covers": covers_json(risk),
            },
        )
