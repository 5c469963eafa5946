"""Reading ROS analysis rows: information values, risks, data flows, analyses, and the
board items that are measures of a risk. Written through the unit of work like every row."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from kanban_sec.domain.governance import Bands
from kanban_sec.domain.model import Status
from kanban_sec.domain.ros import (
    Assessment,
    DataFlow,
    InfoValue,
    Knowledge,
    Measure,
    RosAnalysis,
    RosRisk,
)
from kanban_sec.store.rows import parse_day, parse_ts
from kanban_sec.store.unit_of_work import Reader

_VALUE_COLUMNS = (
    "id, chain_id, name, confidentiality, integrity, availability, set_by, set_at, notes"
)
_SIDES = ("likelihood", "consequence")
_RISK_COLUMNS = ", ".join(
    [
        "id, chain_id, title, link_id, threat, vulnerability, existing_measures, value_ids",
        *(f"{s}, {s}_by, {s}_at, {s}_note, {s}_knowledge" for s in _SIDES),
        "inherent_likelihood, inherent_consequence, target_likelihood, target_consequence",
        "created_at",
    ]
)
_FLOW_COLUMNS = "id, chain_id, number, from_link_id, to_link_id, data, notes"
_ANALYSIS_COLUMNS = (
    "id, chain_id, held_on, participants, risk_ids, decisions, notes, bands, scales,"
    " activity_id, occurrence, created_at"
)


def _where(chain_id: str | None) -> tuple[str, tuple[Any, ...]]:
    if chain_id is None:
        return " WHERE deleted_at IS NULL", ()
    return " WHERE deleted_at IS NULL AND chain_id = ?", (chain_id,)


def info_values(reader: Reader, chain_id: str | None = None) -> list[InfoValue]:
    where, params = _where(chain_id)
    return [
        InfoValue(r[0], r[1], r[2], r[3], r[4], r[5], r[6], parse_ts(r[7]), r[8])
        for r in reader.conn.exec_driver_sql(
            f"SELECT {_VALUE_COLUMNS} FROM info_values{where} ORDER BY name, id", params
        )
    ]


_KNOWLEDGE = {k.value: k for k in Knowledge}
_STATUS = {s.value: s for s in Status}


def _assessment(row: Sequence[Any], at: int) -> Assessment:
    return Assessment(
        row[at],
        row[at + 1],
        parse_ts(row[at + 2]),
        row[at + 3],
        _KNOWLEDGE[row[at + 4]] if row[at + 4] else None,
    )


def risk_from(row: Sequence[Any]) -> RosRisk:
    return RosRisk(
        row[0],
        row[1],
        row[2],
        row[3],
        row[4],
        row[5],
        row[6],
        tuple(json.loads(row[7])) if row[7] and row[7] != "[]" else (),
        _assessment(row, 8),
        _assessment(row, 13),
        (row[18], row[19]),
        (row[20], row[21]),
        parse_ts(row[22]),
    )


def risks(reader: Reader, chain_id: str | None = None) -> list[RosRisk]:
    where, params = _where(chain_id)
    found = reader.conn.exec_driver_sql(
        f"SELECT {_RISK_COLUMNS} FROM ros_risks{where} ORDER BY created_at, id", params
    ).all()
    return [risk_from(r) for r in found]


def risk(reader: Reader, risk_id: str) -> RosRisk | None:
    found = reader.conn.exec_driver_sql(
        f"SELECT {_RISK_COLUMNS} FROM ros_risks WHERE deleted_at IS NULL AND id = ?", (risk_id,)
    ).first()
    return risk_from(found) if found is not None else None


def risk_ids_matching(reader: Reader, fragment: str) -> list[str]:
    """Risks whose id is ``fragment``, starts or ends with it (a short key)."""
    return [
        r[0]
        for r in reader.conn.exec_driver_sql(
            "SELECT id FROM ros_risks WHERE deleted_at IS NULL"
            " AND (id = ? OR id LIKE ? || '%' OR id LIKE '%' || ?) LIMIT 10",
            (fragment, fragment, fragment),
        )
    ]


def risk_ids_titled(reader: Reader, title: str, chain_id: str | None = None) -> list[str]:
    """Risks with exactly this title (case-insensitive), in the chain if given."""
    where, params = _where(chain_id)
    return [
        r[0]
        for r in reader.conn.exec_driver_sql(f"SELECT id, title FROM ros_risks{where}", params)
        if r[1].casefold() == title.casefold()
    ]


def flows(reader: Reader, chain_id: str | None = None) -> list[DataFlow]:
    where, params = _where(chain_id)
    return [
        DataFlow(r[0], r[1], r[2], r[3], r[4], r[5], r[6])
        for r in reader.conn.exec_driver_sql(
            f"SELECT {_FLOW_COLUMNS} FROM data_flows{where} ORDER BY chain_id, number, id", params
        )
    ]


def analyses(reader: Reader, chain_id: str | None = None) -> list[RosAnalysis]:
    """A chain's analyses (or all), oldest first."""
    where, params = _where(chain_id)
    out = []
    for r in reader.conn.exec_driver_sql(
        f"SELECT {_ANALYSIS_COLUMNS} FROM ros_analyses{where} ORDER BY held_on, created_at, id",
        params,
    ):
        try:
            bands = Bands.parse(r[7]) if r[7] else Bands.default()
        except ValueError:
            bands = Bands.default()
        held = parse_day(r[2])
        assert held is not None
        out.append(
            RosAnalysis(
                r[0],
                r[1],
                held,
                tuple(json.loads(r[3] or "[]")),
                tuple(json.loads(r[4] or "[]")),
                r[5],
                r[6],
                bands,
                json.loads(r[8] or "{}"),
                r[9],
                parse_day(r[10]),
                parse_ts(r[11]),
            )
        )
    return out


def analysis_ids_present(reader: Reader, ids: Sequence[str]) -> set[str]:
    """Which of ``ids`` have an analysis row (deleted ones too)."""
    wanted = list(ids)
    if not wanted:
        return set()
    marks = ", ".join("?" for _ in wanted)
    return {
        r[0]
        for r in reader.conn.exec_driver_sql(
            f"SELECT id FROM ros_analyses WHERE id IN ({marks})", tuple(wanted)
        )
    }


def measures(reader: Reader) -> dict[str, list[Measure]]:
    """The board items that are measures of a risk, by risk id."""
    out: dict[str, list[Measure]] = {}
    for r in reader.conn.exec_driver_sql(
        "SELECT risk_id, id, title, status, done_at FROM items"
        " WHERE deleted_at IS NULL AND risk_id IS NOT NULL ORDER BY created_at, id"
    ).all():
        out.setdefault(r[0], []).append(Measure(r[1], r[2], _STATUS[r[3]], parse_ts(r[4])))
    return out
