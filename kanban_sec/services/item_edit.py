"""An edit of one item: the values a person changed, as domain values.

The item dialog builds one from its widgets; ``set ID FIELD=VALUE`` and ``add`` build one
from typed text (:func:`edit_from_texts`). Either way :func:`apply_edit` makes the new item,
so both keep the same rules: a new chain forgets the old link, a person brings their unit,
a pin or a block is stamped when it starts.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields, replace
from datetime import date, datetime
from enum import Enum
from typing import Any, Final, TypeVar

from kanban_sec.domain import fields as parse
from kanban_sec.domain.errors import BadInput, FieldProblem, NotFound, msg
from kanban_sec.domain.model import (
    SCALE_MAX,
    SCALE_MIN,
    ChecklistEntry,
    Classification,
    Effort,
    Item,
    Status,
)
from kanban_sec.services.names import Names
from kanban_sec.services.risk_refs import measure_place, risk_id
from kanban_sec.store import ros_reader

T = TypeVar("T")


class Keep(Enum):
    """The value of a field the edit leaves as it is."""

    KEEP = "keep"


KEEP: Final = Keep.KEEP


@dataclass(frozen=True)
class ItemEdit:
    """What to change in an item; every field left at :data:`KEEP` stays as it is.

    An empty ``pin_reason`` unpins and an empty ``blocked_reason`` unblocks; ``comments``
    are added, in order.
    """

    title: str | Keep = KEEP
    description: str | Keep = KEEP
    status: Status | Keep = KEEP
    chain_id: str | Keep | None = KEEP
    link_id: str | Keep | None = KEEP
    likelihood: int | Keep | None = KEEP
    consequence: int | Keep | None = KEEP
    effort: Effort | Keep | None = KEEP
    owner_unit_id: str | Keep | None = KEEP
    owner_person_id: str | Keep | None = KEEP
    framework_ref: str | Keep = KEEP
    classification: Classification | Keep = KEEP
    tags: tuple[str, ...] | Keep = KEEP
    due_date: date | Keep | None = KEEP
    blocked_reason: str | Keep = KEEP
    pin_reason: str | Keep = KEEP
    checklist: tuple[ChecklistEntry, ...] | Keep = KEEP
    #: The ROS risk the item becomes a measure of (``None``: of no risk): it moves into
    #: the risk's chain (and onto its link) and takes the risk's likelihood and consequence.
    risk_id: str | Keep | None = KEEP
    comments: tuple[str, ...] = ()

    def changed(self) -> dict[str, Any]:
        """The fields the edit sets (comments aside), by name."""
        return {
            f.name: getattr(self, f.name)
            for f in fields(self)
            if f.name != "comments" and getattr(self, f.name) is not KEEP
        }

    @property
    def empty(self) -> bool:
        return not self.changed() and not self.comments


#: Fields ``set`` and ``add`` accept, with the parser for their text.
EDITABLE_FIELDS = (
    "title",
    "description",
    "status",
    "chain",
    "link",
    "likelihood",
    "consequence",
    "effort",
    "owner_unit",
    "owner_person",
    "framework_ref",
    "classification",
    "tags",
    "due_date",
    "blocked_reason",
    "pinned",
    "risk",
)


def parsed(name: str, parser: Callable[[str], T], text: str) -> T:
    """``parser(text)``, its problem reported as a bad value of field ``name``."""
    try:
        return parser(text)
    except FieldProblem as problem:
        raise BadInput("field.problem", field=name, problem=problem.msg) from None


def apply_edit(names: Names, item: Item, edit: ItemEdit, now: datetime) -> Item:
    """The item after ``edit``; a value no item may hold, or names that do not fit
    together (a link of another chain, a person of another unit), is :class:`BadInput`."""
    changes: dict[str, Any] = {}
    for name in ("title", "description", "framework_ref"):
        value = getattr(edit, name)
        if value is not KEEP:
            changes[name] = parsed(name, _TEXT_CHECKS[name], value)
    for name in ("likelihood", "consequence"):
        value = getattr(edit, name)
        if value is not KEEP:
            if value is not None and not SCALE_MIN <= value <= SCALE_MAX:
                raise BadInput(
                    "field.problem",
                    field=name,
                    problem=msg("value.out_of_range", value=value, low=SCALE_MIN, high=SCALE_MAX),
                )
            changes[name] = value
    for name in ("status", "effort", "classification", "due_date"):
        if getattr(edit, name) is not KEEP:
            changes[name] = getattr(edit, name)
    if edit.tags is not KEEP:
        changes["tags"] = list(dict.fromkeys(t.strip() for t in edit.tags if t.strip()))
    if edit.checklist is not KEEP:
        changes["checklist"] = list(edit.checklist)
    if edit.pin_reason is not KEEP:
        reason = parsed("pinned", parse.parse_text, edit.pin_reason.strip())
        changes["pin_reason"] = reason
        changes["pinned_at"] = (item.pinned_at or now) if reason else None
    if edit.blocked_reason is not KEEP:
        reason = parsed("blocked_reason", parse.parse_text, edit.blocked_reason.strip())
        changes["blocked_reason"] = reason
        changes["blocked_at"] = (item.blocked_at or now) if reason else None
    changes["chain_id"], changes["link_id"] = _chain_and_link(names, item, edit)
    changes["risk_id"], changes["chain_id"], changes["link_id"] = _measure(
        names, item, edit, changes["chain_id"], changes["link_id"]
    )
    changes["owner_unit_id"], changes["owner_person_id"] = _owner(names, item, edit)
    return replace(item, **changes)


def _chain_and_link(names: Names, item: Item, edit: ItemEdit) -> tuple[str | None, str | None]:
    chain_id = item.chain_id if edit.chain_id is KEEP else edit.chain_id
    if chain_id is not None and chain_id not in names.chains:
        raise NotFound("chain.not_found", name=chain_id)
    # Another chain: the old link is not one of its links.
    link_id = item.link_id if chain_id == item.chain_id else None
    if edit.link_id is not KEEP:
        link_id = edit.link_id
    if link_id is None:
        return chain_id, None
    if chain_id is None:
        raise BadInput("link.needs_chain")
    link = names.links.get(link_id)
    if link is None or link.chain_id != chain_id:
        raise NotFound(
            "link.not_found", chain=names.chains[chain_id].name, name=link.name if link else link_id
        )
    return chain_id, link_id


def _measure(
    names: Names, item: Item, edit: ItemEdit, chain_id: str | None, link_id: str | None
) -> tuple[str | None, str | None, str | None]:
    """(risk, chain, link) after the edit: a new risk brings the item into its chain (and
    onto its link); a measure stays in its risk's chain."""
    wanted = item.risk_id if edit.risk_id is KEEP else edit.risk_id
    if wanted is None:
        return None, chain_id, link_id
    risk = ros_reader.risk(names.reader, wanted)
    if risk is None:
        if wanted == item.risk_id:  # its risk went away elsewhere (a pull): leave it be
            return wanted, chain_id, link_id
        raise NotFound("ros.risk_not_found", id=wanted)
    if wanted != item.risk_id and (edit.chain_id is KEEP or chain_id == risk.chain_id):
        chain_id, link_id = measure_place(risk, chain_id, link_id, edit.link_id is not KEEP)
    if chain_id != risk.chain_id:
        chain = names.chains.get(chain_id or "")
        risk_chain = names.chains.get(risk.chain_id)
        raise BadInput(
            "ros.measure_other_chain",
            title=edit.title if isinstance(edit.title, str) else item.title,
            chain=chain.name if chain is not None else "—",
            risk=risk.title,
            risk_chain=risk_chain.name if risk_chain is not None else "—",
        )
    return wanted, chain_id, link_id


def _owner(names: Names, item: Item, edit: ItemEdit) -> tuple[str | None, str | None]:
    unit_id = item.owner_unit_id if edit.owner_unit_id is KEEP else edit.owner_unit_id
    person_id = item.owner_person_id
    if edit.owner_unit_id is not KEEP and person_id is not None:
        person = names.people.get(person_id)
        if person is None or person.unit_id != unit_id:  # the person stays in their unit
            person_id = None
    if edit.owner_person_id is not KEEP:
        person_id = edit.owner_person_id
    if person_id is not None and edit.owner_person_id is not KEEP:
        person = names.people.get(person_id)
        if person is None:
            raise NotFound("person.not_found", name=person_id)
        if edit.owner_unit_id is not KEEP and unit_id is not None and person.unit_id != unit_id:
            raise BadInput("person.not_in_unit", person=person.name, unit=names.unit_path(unit_id))
        unit_id = person.unit_id
    if unit_id is not None and unit_id not in names.units:
        raise NotFound("unit.not_found", name=unit_id)
    return unit_id, person_id


def edit_from_texts(names: Names, item: Item, values: Mapping[str, str]) -> ItemEdit:
    """The edit that field texts as typed ask for (``set ID FIELD=VALUE``, ``add``):
    names become ids (a link within its chain, a person within the unit)."""
    unknown = [name for name in values if name not in EDITABLE_FIELDS]
    if unknown:
        raise BadInput("field.unknown", field=unknown[0], choices=", ".join(EDITABLE_FIELDS))
    given: dict[str, Any] = {}
    for name, text in values.items():
        if name in _TEXT_PARSERS:
            given[name] = parsed(name, _TEXT_PARSERS[name], text)
    if "tags" in given:
        given["tags"] = tuple(given["tags"])
    if "pinned" in values:
        given["pin_reason"] = _pin_reason(item, values["pinned"])
    chain_id = item.chain_id
    if "chain" in values:
        chain_text = values["chain"].strip()
        chain_id = given["chain_id"] = names.chain(chain_text) if chain_text else None
    if "link" in values:
        link_text = values["link"].strip()
        if link_text and chain_id is None:
            raise BadInput("link.needs_chain")
        given["link_id"] = names.link(chain_id, link_text) if link_text and chain_id else None
    unit_id = item.owner_unit_id
    if "owner_unit" in values:
        unit_text = values["owner_unit"].strip()
        unit_id = given["owner_unit_id"] = names.unit(unit_text) if unit_text else None
    if "owner_person" in values:
        person_text = values["owner_person"].strip()
        given["owner_person_id"] = names.person(person_text, unit_id) if person_text else None
    if "risk" in values:
        risk_text = values["risk"].strip()
        given["risk_id"] = risk_id(names.reader, risk_text) if risk_text else None
    return ItemEdit(**given)


def _pin_reason(item: Item, text: str) -> str:
    """``pinned=yes`` keeps the reason the item has, ``no`` unpins, other text is the reason."""
    reason = text.strip()
    try:
        pinned = parse.parse_bool(reason)
    except FieldProblem:
        return reason
    reason = item.pin_reason if pinned else ""
    if pinned and not reason:
        raise BadInput("field.problem", field="pinned", problem=msg("pin.reason_required"))
    return reason


def _parse_effort(text: str) -> Effort | None:
    return parse.parse_effort(text)


def _parse_classification(text: str) -> Classification:
    return parse.parse_classification(text)


def _parse_due(text: str) -> date | None:
    return parse.parse_date(text)


def _stripped_text(text: str) -> str:
    return parse.parse_text(text.strip())


#: How a typed value of an edit is checked.
_TEXT_CHECKS: dict[str, Callable[[str], str]] = {
    "title": parse.parse_title,
    "description": parse.parse_text,
    "framework_ref": _stripped_text,
}

#: The fields whose text parses to their value by itself (no names to resolve).
_TEXT_PARSERS: dict[str, Callable[[str], Any]] = {
    "title": parse.parse_title,
    "description": parse.parse_text,
    "status": parse.parse_status,
    "likelihood": parse.parse_assessment,
    "consequence": parse.parse_assessment,
    "effort": _parse_effort,
    "framework_ref": _stripped_text,
    "classification": _parse_classification,
    "tags": parse.parse_tags,
    "due_date": _parse_due,
    "blocked_reason": _stripped_text,
}
