"""The chain map's exchange with other threat-modelling tools: a chain as Open Threat Model
JSON out, and an OTM file in — its links, data flows, information values, risks (as
unassessed ROS risks) and measures — in one transaction through the store's one write
path, so the rulebook judges every row, and a file that breaks the schema writes nothing."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kanban_sec.domain.errors import BadInput
from kanban_sec.domain.ids import new_id
from kanban_sec.domain.model import Item
from kanban_sec.domain.ros import RunBy
from kanban_sec.exchange import otm
from kanban_sec.services.access import actor
from kanban_sec.services.board import _insert_item
from kanban_sec.services.files import write_atomically
from kanban_sec.services.names import Names
from kanban_sec.services.outcome import Outcome
from kanban_sec.services.ros import RosService
from kanban_sec.services.session import Service
from kanban_sec.store import ros_reader
from kanban_sec.store.unit_of_work import UnitOfWork, writing


@dataclass(frozen=True)
class Imported:
    """What an OTM import did: the chain's name and how many of each it holds now."""

    chain: str
    links: int
    flows: int
    risks: int
    new_risks: int
    values: int


class ChainMapService(Service):
    """A chain map as OTM, both ways, for one person."""

    def otm(self, chain: str) -> dict[str, Any]:
        """The chain as an OTM document, valid against the published schema."""
        picture = RosService(self.session).picture(chain)
        document = otm.document(
            picture.chain,
            picture.links,
            picture.flows,
            picture.rows,
            picture.values,
            picture.units,
            picture.risk_owner,
            self.lang,
        )
        problem = otm.first_error(document)
        if problem is not None:  # our own mapping broke the schema: a bug, not the user's
            raise RuntimeError(f"OTM export invalid at {problem[0]}: {problem[1]}")
        return document

    def write_otm(self, chain: str, path: str | os.PathLike[str]) -> None:
        text = json.dumps(self.otm(chain), ensure_ascii=False, indent=2) + "\n"
        write_atomically(path, text.encode("utf-8"))

    def import_otm(
        self, path: str | os.PathLike[str], chain: str | None = None
    ) -> tuple[Outcome, Imported]:
        """Create or update a chain (``chain``, else the file's project name) from an OTM
        file: links by name, flows by number, values and risks by name, measures by title
        under their risk. Risks come in unassessed: their likelihood is IT's to estimate on
        this board, their consequence the risk owner's."""
        shown = str(path)
        try:
            text = Path(path).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            reason = error.strerror if isinstance(error, OSError) else str(error)
            raise BadInput("otm.unreadable", path=shown, reason=reason or error) from None
        parsed = otm.read(otm.parse(text, shown), shown)
        if chain is not None and chain.strip():
            parsed.name = chain.strip()
        with writing(self.db, self.author, self.person_id) as uow:
            names = Names(uow)
            owner = names.ensure_unit(uow, parsed.risk_owner) if parsed.risk_owner else None
            chain_id = names.find_chain(parsed.name) or names.ensure_chain(
                uow, parsed.name, owner, parsed.target_maturity, parsed.description
            )
            if owner is not None and names.chains[chain_id].risk_owner_unit_id is None:
                uow.update("chain", chain_id, {"risk_owner_unit_id": owner})
            for link in parsed.links:
                _put_link(uow, names, chain_id, link)
            _put_flows(uow, names, chain_id, parsed.flows)
            _put_values(uow, chain_id, parsed.values, self.author, self.person_id)
            new_risks = _put_risks(uow, names, chain_id, parsed.risks)
            summary = Imported(
                names.chains[chain_id].name,
                len(parsed.links),
                len(parsed.flows),
                len(parsed.risks),
                new_risks,
                len(parsed.values),
            )
            return Outcome(tuple(uow.changes), (), chain_id), summary


def _changed(now: Mapping[str, object], wanted: Mapping[str, object]) -> dict[str, object]:
    return {k: v for k, v in wanted.items() if now.get(k) != v}


def _put_link(uow: UnitOfWork, names: Names, chain_id: str, link: otm.OtmLink) -> None:
    unit_id = names.ensure_unit(uow, link.responsible_unit) if link.responsible_unit else None
    run_by = RunBy(link.run_by).value
    found = names.find_link(chain_id, link.name)
    if found is None:
        found = names.ensure_link(
            uow,
            chain_id,
            link.name,
            kind=link.kind.strip(),
            country=link.country.strip(),
            responsible_unit_id=unit_id,
            maturity=link.maturity or 0,
        )
        if run_by != RunBy.MUNICIPALITY.value:
            uow.update("link", found, {"run_by": run_by})
        return
    now = names.links[found]
    wanted: dict[str, object] = {
        "kind": link.kind.strip(),
        "country": link.country.strip(),
        "run_by": run_by,
    }
    if link.responsible_unit:
        wanted["responsible_unit_id"] = unit_id
    if link.maturity is not None:
        wanted["maturity"] = link.maturity
    current = {
        "kind": now.kind,
        "country": now.country,
        "run_by": now.run_by,
        "responsible_unit_id": now.responsible_unit_id,
        "maturity": now.maturity,
    }
    fields = _changed(current, wanted)
    if fields:
        uow.update("link", found, fields)


def _put_flows(uow: UnitOfWork, names: Names, chain_id: str, flows: list[otm.OtmFlow]) -> None:
    existing = {f.number: f for f in ros_reader.flows(uow, chain_id)}
    for flow in flows:
        source, target = names.link(chain_id, flow.source), names.link(chain_id, flow.target)
        if source == target:
            raise BadInput("ros.flow_same_link", link=flow.source)
        wanted: dict[str, object] = {
            "from_link_id": source,
            "to_link_id": target,
            "data": flow.data.strip(),
            "notes": flow.notes.strip(),
        }
        if not flow.data.strip():
            raise BadInput("ros.flow_data_needed")
        found = existing.get(flow.number)
        if found is None:
            uow.insert(
                "data_flow",
                {"id": new_id(), "chain_id": chain_id, "number": flow.number, **wanted},
            )
            continue
        current = {
            "from_link_id": found.from_link_id,
            "to_link_id": found.to_link_id,
            "data": found.data,
            "notes": found.notes,
        }
        fields = _changed(current, wanted)
        if fields:
            uow.update("data_flow", found.id, fields)


def _put_values(
    uow: UnitOfWork,
    chain_id: str,
    values: list[otm.OtmValue],
    author: str,
    person_id: str | None,
) -> None:
    existing = {v.name.casefold(): v for v in ros_reader.info_values(uow, chain_id)}
    person = actor(uow, author, person_id)
    for value in values:
        wanted: dict[str, object] = {
            "confidentiality": value.confidentiality,
            "integrity": value.integrity,
            "availability": value.availability,
            "notes": value.notes.strip(),
        }
        found = existing.get(value.name.strip().casefold())
        current: dict[str, object] = (
            {
                "confidentiality": found.confidentiality,
                "integrity": found.integrity,
                "availability": found.availability,
                "notes": found.notes,
            }
            if found is not None
            else {}
        )
        fields = _changed(current, wanted) if found is not None else wanted
        if not fields:
            continue
        if set(fields) - {"notes"}:
            fields.update(set_by=person.id if person else None, set_at=uow.now_text)
        if found is None:
            uow.insert(
                "info_value",
                {"id": new_id(), "chain_id": chain_id, "name": value.name.strip(), **fields},
            )
        else:
            uow.update("info_value", found.id, fields)


def _put_risks(uow: UnitOfWork, names: Names, chain_id: str, risks: list[otm.OtmRisk]) -> int:
    existing = {r.title.casefold(): r for r in ros_reader.risks(uow, chain_id)}
    created: dict[str, str] = {}
    values = {v.name.casefold(): v.id for v in ros_reader.info_values(uow, chain_id)}
    measures = ros_reader.measures(uow)
    new = 0
    for risk in risks:
        link_id = names.link(chain_id, risk.link) if risk.link else None
        wanted: dict[str, object] = {
            "title": risk.title.strip(),
            "link_id": link_id,
            "threat": risk.threat.strip(),
            "vulnerability": risk.vulnerability.strip(),
            "existing_measures": risk.existing_measures.strip(),
            "value_ids": json.dumps([values[v.casefold()] for v in risk.values]),
        }
        key = risk.title.strip().casefold()
        found = existing.get(key)
        if key in created:
            risk_id = created[key]
        elif found is None:
            risk_id = new_id()
            uow.insert("ros_risk", {"id": risk_id, "chain_id": chain_id, **wanted})
            created[key] = risk_id
            new += 1
        else:
            risk_id = found.id
            current = {
                "title": found.title,
                "link_id": found.link_id,
                "threat": found.threat,
                "vulnerability": found.vulnerability,
                "existing_measures": found.existing_measures,
                "value_ids": json.dumps(list(found.value_ids)),
            }
            fields = _changed(current, wanted)
            if fields:
                uow.update("ros_risk", risk_id, fields)
        have = {m.title.casefold() for m in measures.get(risk_id, [])}
        for title in risk.measures:
            if title.strip().casefold() in have:
                continue
            have.add(title.strip().casefold())
            _insert_item(
                uow,
                Item(
                    id=new_id(),
                    title=title.strip(),
                    chain_id=chain_id,
                    link_id=link_id,
                    risk_id=risk_id,
                ),
            )
    return new
