"""A chain map as Open Threat Model (OTM 0.2.0) JSON, both ways, checked against the
published schema (``resources/otm/otm_schema.json``) so other threat-modelling tools can
open it.

The mapping: the chain is the project; each side of the boundary a trust zone
(``municipality``, ``supplier``); links are components (type from their kind; country,
maturity, responsible unit and who runs it as attributes); data flows are dataflows (the
data as name, the number as an attribute); ROS risks are threats (likelihood and impact on
the board's 1–5 scales: an unassessed likelihood is ``null``, an unassessed impact ``0``)
referenced by their link's component; measures are mitigations; information values are
assets (C/I/A 1–5, ``0`` unset). Ids come from names, so the same chain always gives the
same file, on any board.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from kanban_sec.domain.errors import BadInput
from kanban_sec.domain.model import MATURITY_MAX, MATURITY_MIN, SCALE_MAX, SCALE_MIN, Chain, Link
from kanban_sec.domain.ros import DataFlow, InfoValue, RegisterRow
from kanban_sec.domain.text import t

OTM_VERSION = "0.2.0"
SIDES = ("municipality", "supplier")
#: How far each side is trusted (OTM's trustRating, 0–100).
_TRUST = {"municipality": 100, "supplier": 50}
SCALE = f"{SCALE_MIN}-{SCALE_MAX}"


def schema_path() -> Path:
    """The OTM schema: in a frozen bundle, beside the package, or where a wheel put it."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources" / "otm" / "otm_schema.json"
    beside = Path(__file__).resolve().parents[2] / "resources" / "otm" / "otm_schema.json"
    if beside.is_file():
        return beside
    return Path(sys.prefix) / "share" / "kanban-sec" / "resources" / "otm" / "otm_schema.json"


@cache
def schema() -> dict[str, Any]:
    return dict(json.loads(schema_path().read_text(encoding="utf-8")))


def json_path(parts: Sequence[str | int]) -> str:
    """``$.components[0].name`` from a path's parts."""
    out = "$"
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def first_error(document: object) -> tuple[str, str] | None:
    """Where (a JSON path) and why ``document`` breaks the OTM schema; ``None`` when valid.
    The first error is the one earliest in the document."""
    from jsonschema import Draft7Validator

    errors = list(Draft7Validator(schema()).iter_errors(document))
    if not errors:
        return None
    first = min(errors, key=lambda e: ([str(p) for p in e.absolute_path], len(e.message)))
    return json_path(list(first.absolute_path)), first.message


# -- writing ----------------------------------------------------------------------------------


def slug(name: str) -> str:
    """An id made of a name: lower case, runs of anything but letters and digits as ``-``."""
    return re.sub(r"[^\w]+", "-", name.casefold()).strip("-_") or "x"


def _unique_ids(prefix: str, names: Sequence[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for name in names:
        base = f"{prefix}-{slug(name)}"
        seen[base] = seen.get(base, 0) + 1
        out.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return out


def _fold(text: str) -> tuple[str, str]:
    return (text.casefold(), text)


def document(
    chain: Chain,
    links: Sequence[Link],
    flows: Sequence[DataFlow],
    rows: Sequence[RegisterRow],
    values: Sequence[InfoValue],
    units: Mapping[str, str],
    risk_owner: str,
    lang: str,
) -> dict[str, Any]:
    """The OTM document of one chain (plain JSON values, keys in a fixed order)."""
    links = sorted(links, key=lambda k: _fold(k.name))
    link_ids = dict(
        zip((k.id for k in links), _unique_ids("link", [k.name for k in links]), strict=True)
    )
    values = sorted(values, key=lambda v: _fold(v.name))
    value_ids = dict(
        zip((v.id for v in values), _unique_ids("value", [v.name for v in values]), strict=True)
    )
    link_name = {k.id: k.name for k in links}
    rows = sorted(
        rows,
        key=lambda r: (
            _fold(r.risk.title),
            _fold(link_name.get(r.risk.link_id or "", "")),
            r.risk.threat,
        ),
    )
    risk_ids = dict(
        zip(
            (r.risk.id for r in rows),
            _unique_ids("risk", [r.risk.title for r in rows]),
            strict=True,
        )
    )
    measures = sorted(
        {m.id: m for r in rows for m in r.measures}.values(), key=lambda m: (_fold(m.title), m.id)
    )
    measure_ids = dict(
        zip(
            (m.id for m in measures),
            _unique_ids("measure", [m.title for m in measures]),
            strict=True,
        )
    )
    threat_refs: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        if row.risk.link_id in link_ids:
            threat_refs.setdefault(row.risk.link_id or "", []).append(
                {
                    "threat": risk_ids[row.risk.id],
                    "state": "mitigated"
                    if row.measures and all(m.status.value == "done" for m in row.measures)
                    else "exposed",
                    "mitigations": [
                        {
                            "mitigation": measure_ids[m.id],
                            "state": "implemented" if m.status.value == "done" else "required",
                        }
                        for m in sorted(row.measures, key=lambda m: measure_ids[m.id])
                    ],
                }
            )
    return {
        "otmVersion": OTM_VERSION,
        "project": {
            "name": chain.name,
            "id": slug(chain.name),
            "description": chain.description or None,
            "owner": risk_owner or None,
            "attributes": {"target_maturity": chain.target_maturity, "scale": SCALE},
        },
        "assets": [
            {
                "name": v.name,
                "id": value_ids[v.id],
                "description": v.notes or None,
                "risk": {
                    "confidentiality": v.confidentiality or 0,
                    "integrity": v.integrity or 0,
                    "availability": v.availability or 0,
                },
                "attributes": {"scale": SCALE},
            }
            for v in values
        ],
        "trustZones": [
            {
                "id": side,
                "name": t(f"map.region.{side}", lang),
                "type": side,
                "risk": {"trustRating": _TRUST[side]},
                "attributes": {"run_by": side},
            }
            for side in SIDES
        ],
        "components": [
            {
                "id": link_ids[k.id],
                "name": k.name,
                "type": k.kind or "link",
                "parent": {"trustZone": k.run_by if k.run_by in SIDES else SIDES[0]},
                "threats": threat_refs.get(k.id, []),
                "attributes": {
                    "kind": k.kind,
                    "country": k.country,
                    "maturity": k.maturity,
                    "responsible_unit": units.get(k.responsible_unit_id or "", ""),
                    "run_by": k.run_by,
                },
            }
            for k in links
        ],
        "dataflows": [
            {
                "id": f"flow-{f.number}",
                "name": f.data,
                "description": f.notes or None,
                "source": link_ids[f.from_link_id],
                "destination": link_ids[f.to_link_id],
                "attributes": {"number": f.number},
            }
            for f in sorted(flows, key=lambda f: f.number)
            if f.from_link_id in link_ids and f.to_link_id in link_ids
        ],
        "threats": [_threat(r, risk_ids, link_ids, value_ids, measure_ids) for r in rows],
        "mitigations": [
            {
                "id": measure_ids[m.id],
                "name": m.title,
                "riskReduction": 0,
                "attributes": {"status": m.status.value},
            }
            for m in measures
        ],
    }


def _threat(
    row: RegisterRow,
    risk_ids: Mapping[str, str],
    link_ids: Mapping[str, str],
    value_ids: Mapping[str, str],
    measure_ids: Mapping[str, str],
) -> dict[str, Any]:
    risk = row.risk
    return {
        "id": risk_ids[risk.id],
        "name": risk.title,
        "description": risk.threat or None,
        "categories": ["ROS"],
        "risk": {
            "likelihood": risk.likelihood.value,
            "likelihoodComment": risk.likelihood.note,
            "impact": risk.consequence.value or 0,
            "impactComment": risk.consequence.note,
        },
        "attributes": {
            "scale": SCALE,
            "link": link_ids.get(risk.link_id or ""),
            "vulnerability": risk.vulnerability,
            "existing_measures": risk.existing_measures,
            "band": row.band.value if row.band is not None else None,
            "treatment": row.decision.value if row.decision is not None else None,
            "values": [value_ids[v] for v in risk.value_ids if v in value_ids],
            "mitigations": sorted(measure_ids[m.id] for m in row.measures),
        },
    }


# -- reading --------------------------------------------------------------------------------


@dataclass
class OtmLink:
    name: str
    kind: str = ""
    country: str = ""
    maturity: int | None = None
    responsible_unit: str = ""
    run_by: str = "municipality"


@dataclass
class OtmFlow:
    number: int
    source: str  # link names
    target: str
    data: str
    notes: str = ""


@dataclass
class OtmValue:
    name: str
    confidentiality: int | None = None
    integrity: int | None = None
    availability: int | None = None
    notes: str = ""


@dataclass
class OtmRisk:
    title: str
    link: str | None = None  # a link name; None: the chain as a whole
    threat: str = ""
    vulnerability: str = ""
    existing_measures: str = ""
    values: list[str] = field(default_factory=list)
    measures: list[str] = field(default_factory=list)  # measure titles


@dataclass
class OtmChain:
    """What an OTM file says of one chain, by names."""

    name: str
    description: str = ""
    target_maturity: int = MATURITY_MAX
    risk_owner: str = ""  # a unit path
    links: list[OtmLink] = field(default_factory=list)
    flows: list[OtmFlow] = field(default_factory=list)
    values: list[OtmValue] = field(default_factory=list)
    risks: list[OtmRisk] = field(default_factory=list)


def parse(text: str, path: str) -> dict[str, Any]:
    """The JSON of an OTM file, valid against the schema; else one line saying where not."""
    try:
        found = json.loads(text)
    except json.JSONDecodeError as error:
        raise BadInput(
            "otm.not_json", path=path, line=error.lineno, column=error.colno, reason=error.msg
        ) from None
    problem = first_error(found)
    if problem is not None:
        raise BadInput("otm.invalid", path=path, where=problem[0], reason=problem[1])
    return dict(found)


def read(document: Mapping[str, Any], path: str) -> OtmChain:
    """The chain a valid OTM document describes (references and numbers checked)."""
    project = document["project"]
    attrs = project.get("attributes") or {}
    zones = {z["id"]: z for z in document.get("trustZones") or []}
    components = document.get("components") or []
    by_id = {c["id"]: c for c in components}
    target = attrs.get("target_maturity")
    out = OtmChain(
        name=str(project["name"]).strip(),
        description=project.get("description") or "",
        risk_owner=str(project.get("owner") or "").strip(),
        target_maturity=_check_int(
            target, MATURITY_MIN, MATURITY_MAX, path, "$.project.attributes.target_maturity"
        )
        if target is not None
        else MATURITY_MAX,
    )
    seen: dict[str, str] = {}
    for index, component in enumerate(components):
        where = json_path(["components", index])
        a = component.get("attributes") or {}
        name = str(component["name"]).strip()
        if name.casefold() in seen:
            raise BadInput("otm.duplicate_name", path=path, name=name, where=where)
        seen[name.casefold()] = where
        maturity = a.get("maturity")
        if maturity is not None:
            _check_int(maturity, MATURITY_MIN, MATURITY_MAX, path, f"{where}.attributes.maturity")
        out.links.append(
            OtmLink(
                name=name,
                kind=str(a.get("kind", component.get("type", "")) or ""),
                country=str(a.get("country") or ""),
                maturity=maturity,
                responsible_unit=str(a.get("responsible_unit") or ""),
                run_by=_side(component, a, zones, by_id),
            )
        )
    names = {c["id"]: str(c["name"]).strip() for c in components}
    for index, flow in enumerate(document.get("dataflows") or []):
        where = json_path(["dataflows", index])
        for end in ("source", "destination"):
            if flow[end] not in names:
                raise BadInput(
                    "otm.bad_reference", path=path, where=f"{where}.{end}", ref=flow[end]
                )
        number = (flow.get("attributes") or {}).get("number", index + 1)
        _check_int(number, 1, 10**6, path, f"{where}.attributes.number")
        out.flows.append(
            OtmFlow(
                number,
                names[flow["source"]],
                names[flow["destination"]],
                str(flow["name"]),
                flow.get("description") or "",
            )
        )
    assets = {}
    for index, asset in enumerate(document.get("assets") or []):
        where = json_path(["assets", index, "risk"])
        risk = asset["risk"]
        cia: list[int | None] = []
        for what in ("confidentiality", "integrity", "availability"):
            value = risk[what]
            cia.append(None if value == 0 else _check_int(value, 1, 5, path, f"{where}.{what}"))
        assets[asset["id"]] = str(asset["name"])
        out.values.append(
            OtmValue(str(asset["name"]), cia[0], cia[1], cia[2], asset.get("description") or "")
        )
    mitigations = {m["id"]: str(m["name"]) for m in document.get("mitigations") or []}
    on_component: dict[str, tuple[str, list[str]]] = {}
    for component in components:
        for ref in component.get("threats") or []:
            refs = [m["mitigation"] for m in ref.get("mitigations") or [] if m and m["mitigation"]]
            on_component.setdefault(ref["threat"], (names[component["id"]], refs))
    for index, threat in enumerate(document.get("threats") or []):
        where = json_path(["threats", index])
        a = threat.get("attributes") or {}
        link_ref = a.get("link")
        link = names.get(link_ref) if link_ref else None
        if link_ref and link is None:
            raise BadInput(
                "otm.bad_reference", path=path, where=f"{where}.attributes.link", ref=link_ref
            )
        placed = on_component.get(threat["id"])
        if link is None and placed is not None:
            link = placed[0]
        refs = list(a.get("mitigations") or (placed[1] if placed else []))
        for ref in refs:
            if ref not in mitigations:
                raise BadInput("otm.bad_reference", path=path, where=where, ref=ref)
        for ref in a.get("values") or []:
            if ref not in assets:
                raise BadInput(
                    "otm.bad_reference", path=path, where=f"{where}.attributes.values", ref=ref
                )
        out.risks.append(
            OtmRisk(
                title=str(threat["name"]),
                link=link,
                threat=threat.get("description") or "",
                vulnerability=str(a.get("vulnerability") or ""),
                existing_measures=str(a.get("existing_measures") or ""),
                values=[assets[v] for v in a.get("values") or []],
                measures=[mitigations[m] for m in refs],
            )
        )
    return out


def _check_int(value: object, low: int, high: int, path: str, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int | float) or value != int(value):
        raise BadInput("otm.bad_number", path=path, where=where, low=low, high=high, value=value)
    if not low <= int(value) <= high:
        raise BadInput("otm.bad_number", path=path, where=where, low=low, high=high, value=value)
    return int(value)


def _side(
    component: Mapping[str, Any],
    attrs: Mapping[str, Any],
    zones: Mapping[str, Mapping[str, Any]],
    by_id: Mapping[str, Mapping[str, Any]],
) -> str:
    """Which side of the boundary a component is on: its own ``run_by``, else its trust
    zone's (through parent components), else the most trusted zone is the municipality's."""
    if attrs.get("run_by") in SIDES:
        return str(attrs["run_by"])
    parent = component.get("parent") or {}
    hops = 0
    while "component" in parent and parent["component"] in by_id and hops < 100:
        parent = by_id[parent["component"]].get("parent") or {}
        hops += 1
    zone = zones.get(parent.get("trustZone", ""))
    if zone is None:
        return SIDES[0]
    side = (zone.get("attributes") or {}).get("run_by") or zone["id"]
    if side in SIDES:
        return str(side)
    top = max((z["risk"]["trustRating"] for z in zones.values()), default=0)
    return SIDES[0] if zone["risk"]["trustRating"] >= top else SIDES[1]
