"""Editing the organisation and the chains: units, people, chains and links by id.

The dialogs that keep the unit tree and the value chains call these. Each call runs in one
transaction, writes its change records in it and returns an :class:`Outcome`; a refusal
raises a :class:`KanbanError` before anything is written. Names are trimmed and required,
and two siblings may not share a name (case-insensitively): a unit among its parent's
children, a person in their unit, a link in its chain, a chain among all chains.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kanban_sec.domain.errors import BadInput, FieldProblem, Message, NotFound, Refused, msg
from kanban_sec.domain.fields import TITLE_MAX, parse_role
from kanban_sec.domain.governance import Action
from kanban_sec.domain.ids import new_id
from kanban_sec.domain.model import MATURITY_MAX, MATURITY_MIN, Chain, Link, OrgUnit, Person, Role
from kanban_sec.domain.ownership import OrgTree
from kanban_sec.services.access import require
from kanban_sec.services.names import Names
from kanban_sec.services.outcome import Outcome
from kanban_sec.services.session import Service
from kanban_sec.store.unit_of_work import Reader, UnitOfWork, reading, writing

#: How many names a refusal lists before it says "…".
_NAMES_SHOWN = 5


@dataclass(frozen=True)
class Listing(Message):
    """Several messages shown as one, joined with ``; `` in the reader's language."""

    parts: tuple[Message, ...] = ()

    def render(self, lang: str) -> str:
        return "; ".join(part.render(lang) for part in self.parts)


class InUse(Refused):
    """A row cannot be deleted (or moved) while other rows still depend on it."""

    def __init__(self, key: str, reasons: tuple[Message, ...] = (), **params: object) -> None:
        self.reasons = reasons
        if reasons:
            params["reasons"] = Listing("", {}, reasons)
        super().__init__(key, **params)


class OrganisationService(Service):
    """Use cases of the organisation and chains dialogs for one person (the author)."""

    def can(self, action: Action) -> bool:
        """Whether the acting person's role allows ``action`` (what the dialogs offer)."""
        from kanban_sec.domain.governance import may
        from kanban_sec.services.access import actor_in
        from kanban_sec.store.unit_of_work import reading

        with reading(self.db) as reader:
            people = reader.people()
        return may(actor_in(people, self.author, self.person_id), action, people)

    # -- by name (the command line) -----------------------------------------------------
    def find_person_id(self, name: str) -> str:
        """The person of that name (case-insensitive); :class:`NotFound` otherwise."""
        with reading(self.db) as reader:
            return Names(reader).person(name)

    def find_unit_id(self, path: str) -> str:
        """The unit at ``path`` ("Kommune / IT", or a unique last part); NotFound else."""
        with reading(self.db) as reader:
            return Names(reader).unit(path)

    def find_chain_id(self, name: str) -> str:
        with reading(self.db) as reader:
            return Names(reader).chain(name)

    def people(self) -> list[tuple[str, str, str]]:
        """Everybody as (name, unit path, role), by name."""
        with reading(self.db) as reader:
            names = Names(reader)
            return sorted(
                (
                    (p.name, names.unit_path(p.unit_id), p.role.value)
                    for p in reader.people().values()
                ),
                key=lambda row: (row[0].casefold(), row[1]),
            )

    def ensure_unit(self, path: str) -> Outcome:
        """The unit at ``path``, made with the units above it that are missing."""
        with writing(self.db, self.author, self.person_id) as uow:
            require(uow, self.author, self.person_id, Action.ORGANISATION)
            unit_id = Names(uow).ensure_unit(uow, path)
            return Outcome(tuple(uow.changes), (), unit_id)

    # -- chains --------------------------------------------------------------------------
    def add_chain(
        self, name: str, risk_owner_unit_id: str | None = None, target_maturity: int = MATURITY_MAX
    ) -> Outcome:
        """A new value chain; its name must be new among the chains."""
        clean = _name(name)
        _check_maturity(target_maturity)
        with writing(self.db, self.author, self.person_id) as uow:
            require(uow, self.author, self.person_id, Action.ORGANISATION)
            _check_chain_name(uow, clean, None)
            if risk_owner_unit_id is not None:
                _must_unit(uow, risk_owner_unit_id)
            chain_id = new_id()
            uow.insert(
                "chain",
                {
                    "id": chain_id,
                    "name": clean,
                    "risk_owner_unit_id": risk_owner_unit_id,
                    "target_maturity": target_maturity,
                    "description": "",
                },
            )
            return Outcome(tuple(uow.changes), (), chain_id)

    def rename_chain(self, chain_id: str, name: str) -> Outcome:
        clean = _name(name)
        with writing(self.db, self.author, self.person_id) as uow:
            require(uow, self.author, self.person_id, Action.ORGANISATION)
            _must_chain(uow, chain_id)
            _check_chain_name(uow, clean, chain_id)
            uow.update("chain", chain_id, {"name": clean})
            return Outcome(tuple(uow.changes), (), chain_id)

    def set_chain_risk_owner(self, chain_id: str, unit_id: str | None) -> Outcome:
        """Hand the chain's risk to another unit: a governance decision, kept in the log."""
        with writing(self.db, self.author, self.person_id) as uow:
            require(uow, self.author, self.person_id, Action.ORGANISATION)
            _must_chain(uow, chain_id)
            if unit_id is not None:
                _must_unit(uow, unit_id)
            uow.update("chain", chain_id, {"risk_owner_unit_id": unit_id})
            return Outcome(tuple(uow.changes), (), chain_id)

    def set_target_maturity(self, chain_id: str, target: int) -> Outcome:
        """The maturity the chain's links should reach (0–3); re-ranks every item on it."""
        _check_maturity(target)
        with writing(self.db, self.author, self.person_id) as uow:
            require(uow, self.author, self.person_id, Action.TARGETS)
            _must_chain(uow, chain_id)
            uow.update("chain", chain_id, {"target_maturity": target})
            return Outcome(tuple(uow.changes), (), chain_id)

    def delete_chain(self, chain_id: str) -> Outcome:
        """Remove a chain and its links (tombstones); refused while open items use it."""
        with writing(self.db, self.author, self.person_id) as uow:
            require(uow, self.author, self.person_id, Action.ORGANISATION)
            chain = _must_chain(uow, chain_id)
            count = _open_items(uow, "chain_id", chain_id)
            if count:
                raise InUse("chain.in_use", chain=chain.name, count=count)
            for link in sorted(uow.links().values(), key=lambda lk: lk.id):
                if link.chain_id == chain_id:
                    uow.tombstone("link", link.id)
            uow.tombstone("chain", chain_id)
            return Outcome(tuple(uow.changes), (), chain_id)

    # -- links ---------------------------------------------------------------------------
    def add_link(
        self,
        chain_id: str,
        name: str,
        *,
        kind: str = "",
        country: str = "",
        responsible_unit_id: str | None = None,
        maturity: int = MATURITY_MIN,
        run_by: str | None = None,
    ) -> Outcome:
        """A new link in the chain; its name must be new within the chain (``run_by``:
        ``municipality``, the default, or ``supplier``)."""
        clean = _name(name)
        _check_maturity(maturity)
        with writing(self.db, self.author, self.person_id) as uow:
            require(uow, self.author, self.person_id, Action.MATURITY)
            chain = _must_chain(uow, chain_id)
            _check_link_name(uow, chain, clean, None)
            if responsible_unit_id is not None:
                _must_unit(uow, responsible_unit_id)
            link_id = new_id()
            uow.insert(
                "link",
                {
                    "id": link_id,
                    "chain_id": chain_id,
                    "name": clean,
                    "kind": kind.strip(),
                    "country": country.strip(),
                    "responsible_unit_id": responsible_unit_id,
                    "maturity": maturity,
                    **({"run_by": run_by} if run_by is not None else {}),
                },
            )
            return Outcome(tuple(uow.changes), (), link_id)

    def rename_link(self, link_id: str, name: str) -> Outcome:
        clean = _name(name)
        with writing(self.db, self.author, self.person_id) as uow:
            require(uow, self.author, self.person_id, Action.MATURITY)
            link = _must_link(uow, link_id)
            _check_link_name(uow, _must_chain(uow, link.chain_id), clean, link_id)
            uow.update("link", link_id, {"name": clean})
            return Outcome(tuple(uow.changes), (), link_id)

    def set_link_fields(
        self, link_id: str, kind: str, country: str, responsible_unit_id: str | None
    ) -> Outcome:
        """Kind, country and responsible unit; only the fields that differ are written."""
        with writing(self.db, self.author, self.person_id) as uow:
            require(uow, self.author, self.person_id, Action.MATURITY)
            _must_link(uow, link_id)
            if responsible_unit_id is not None:
                _must_unit(uow, responsible_unit_id)
            uow.update(
                "link",
                link_id,
                {
                    "kind": kind.strip(),
                    "country": country.strip(),
                    "responsible_unit_id": responsible_unit_id,
                },
            )
            return Outcome(tuple(uow.changes), (), link_id)

    def set_link_maturity(self, link_id: str, maturity: int) -> Outcome:
        """Assess a link (0–3); the whole board re-ranks on the next read."""
        _check_maturity(maturity)
        with writing(self.db, self.author, self.person_id) as uow:
            require(uow, self.author, self.person_id, Action.MATURITY)
            _must_link(uow, link_id)
            uow.update("link", link_id, {"maturity": maturity})
            return Outcome(tuple(uow.changes), (), link_id)

    def delete_link(self, link_id: str) -> Outcome:
        """Remove a link (a tombstone); refused while open items stand on it."""
        with writing(self.db, self.author, self.person_id) as uow:
            require(uow, self.author, self.person_id, Action.MATURITY)
            link = _must_link(uow, link_id)
            count = _open_items(uow, "link_id", link_id)
            if count:
                raise InUse("link.in_use", link=link.name, count=count)
            uow.tombstone("link", link_id)
            return Outcome(tuple(uow.changes), (), link_id)

    # -- units ---------------------------------------------------------------------------
    def add_unit(self, parent_id: str | None, name: str) -> Outcome:
        """A new unit under ``parent_id`` (``None``: a new top-level unit)."""
        clean = _unit_name(name)
        with writing(self.db, self.author, self.person_id) as uow:
            require(uow, self.author, self.person_id, Action.ORGANISATION)
            units = uow.units()
            if parent_id is not None:
                _must_unit(uow, parent_id, units)
            _check_unit_name(units, parent_id, clean, None)
            unit_id = new_id()
            uow.insert("unit", {"id": unit_id, "name": clean, "parent_id": parent_id})
            return Outcome(tuple(uow.changes), (), unit_id)

    def rename_unit(self, unit_id: str, name: str) -> Outcome:
        clean = _unit_name(name)
        with writing(self.db, self.author, self.person_id) as uow:
            require(uow, self.author, self.person_id, Action.ORGANISATION)
            units = uow.units()
            unit = _must_unit(uow, unit_id, units)
            _check_unit_name(units, unit.parent_id, clean, unit_id)
            uow.update("unit", unit_id, {"name": clean})
            return Outcome(tuple(uow.changes), (), unit_id)

    def move_unit(self, unit_id: str, new_parent_id: str | None) -> Outcome:
        """Put a unit (with everything under it) below another unit, or at the top."""
        with writing(self.db, self.author, self.person_id) as uow:
            require(uow, self.author, self.person_id, Action.ORGANISATION)
            units = uow.units()
            unit = _must_unit(uow, unit_id, units)
            if new_parent_id is not None:
                _must_unit(uow, new_parent_id, units)
                tree = OrgTree(units, {})
                if new_parent_id in tree.subtree(unit_id):
                    raise Refused(
                        "unit.cycle", unit=tree.path(unit_id), parent=tree.path(new_parent_id)
                    )
            _check_unit_name(units, new_parent_id, unit.name, unit_id)
            uow.update("unit", unit_id, {"parent_id": new_parent_id})
            return Outcome(tuple(uow.changes), (), unit_id)

    def delete_unit(self, unit_id: str) -> Outcome:
        """Remove an empty unit; refused, with every reason, while anything depends on it."""
        with writing(self.db, self.author, self.person_id) as uow:
            require(uow, self.author, self.person_id, Action.ORGANISATION)
            units = uow.units()
            unit = _must_unit(uow, unit_id, units)
            reasons: list[Message] = []
            children = [u.name for u in units.values() if u.parent_id == unit_id]
            if children:
                reasons.append(msg("unit.has_children", names=_names(children)))
            people = [p.name for p in uow.people().values() if p.unit_id == unit_id]
            if people:
                reasons.append(msg("unit.has_people", names=_names(people)))
            count = _open_items(uow, "owner_unit_id", unit_id)
            if count:
                reasons.append(msg("unit.owns_items", count=count))
            chains = [c.name for c in uow.chains().values() if c.risk_owner_unit_id == unit_id]
            if chains:
                reasons.append(msg("unit.risk_owner_of", names=_names(chains)))
            links = [lk.name for lk in uow.links().values() if lk.responsible_unit_id == unit_id]
            if links:
                reasons.append(msg("unit.responsible_for", names=_names(links)))
            if reasons:
                raise InUse("unit.in_use", tuple(reasons), unit=unit.name)
            uow.tombstone("unit", unit_id)
            return Outcome(tuple(uow.changes), (), unit_id)

    # -- people --------------------------------------------------------------------------
    def add_person(self, name: str, unit_id: str, role: Role | str = Role.OPERATIONAL) -> Outcome:
        """A new person in a unit, with their role for security work."""
        clean = _name(name)
        chosen = _role(role)
        with writing(self.db, self.author, self.person_id) as uow:
            require(uow, self.author, self.person_id, Action.ORGANISATION)
            unit = _must_unit(uow, unit_id)
            _check_person_name(uow, unit, clean, None)
            person_id = new_id()
            uow.insert(
                "person", {"id": person_id, "name": clean, "unit_id": unit_id, "role": chosen.value}
            )
            return Outcome(tuple(uow.changes), (), person_id)

    def rename_person(self, person_id: str, name: str) -> Outcome:
        clean = _name(name)
        with writing(self.db, self.author, self.person_id) as uow:
            require(uow, self.author, self.person_id, Action.ORGANISATION)
            person = _must_person(uow, person_id)
            if person.unit_id is not None:
                _check_person_name(uow, _must_unit(uow, person.unit_id), clean, person_id)
            uow.update("person", person_id, {"name": clean})
            return Outcome(tuple(uow.changes), (), person_id)

    def set_role(self, person_id: str, role: Role | str) -> Outcome:
        chosen = _role(role)
        with writing(self.db, self.author, self.person_id) as uow:
            require(uow, self.author, self.person_id, Action.ORGANISATION)
            _must_person(uow, person_id)
            uow.update("person", person_id, {"role": chosen.value})
            return Outcome(tuple(uow.changes), (), person_id)

    def move_person(self, person_id: str, unit_id: str) -> Outcome:
        """Put a person in another unit; refused while they own open items in the old one.

        An item is owned by a unit and a person in it: moving the person alone would leave
        their items owned by somebody outside the owning unit.
        """
        with writing(self.db, self.author, self.person_id) as uow:
            require(uow, self.author, self.person_id, Action.ORGANISATION)
            person = _must_person(uow, person_id)
            unit = _must_unit(uow, unit_id)
            if person.unit_id == unit_id:
                return Outcome(row_id=person_id)
            _check_person_name(uow, unit, person.name, person_id)
            count = _open_items(uow, "owner_person_id", person_id)
            if count:
                raise InUse("person.move_owns", person=person.name, count=count)
            uow.update("person", person_id, {"unit_id": unit_id})
            return Outcome(tuple(uow.changes), (), person_id)

    def delete_person(self, person_id: str) -> Outcome:
        """Remove a person (a tombstone); refused while they own open items."""
        with writing(self.db, self.author, self.person_id) as uow:
            require(uow, self.author, self.person_id, Action.ORGANISATION)
            person = _must_person(uow, person_id)
            count = _open_items(uow, "owner_person_id", person_id)
            if count:
                raise InUse("person.in_use", person=person.name, count=count)
            uow.tombstone("person", person_id)
            return Outcome(tuple(uow.changes), (), person_id)


# -- validation ----------------------------------------------------------------------------
def _name(text: str) -> str:
    """A required one-line name, inner whitespace collapsed."""
    clean = " ".join(text.split())
    if not clean:
        raise BadInput("name.required")
    if len(clean) > TITLE_MAX:
        raise BadInput("value.too_long", limit=TITLE_MAX)
    return clean


def _unit_name(text: str) -> str:
    clean = _name(text)
    if "/" in clean:  # a unit path joins names with " / ": a slash in a name breaks it
        raise BadInput("unit.name_slash", name=clean)
    return clean


def _role(role: Role | str) -> Role:
    if isinstance(role, Role):
        return role
    try:
        return parse_role(role)
    except FieldProblem as problem:
        raise BadInput(problem.msg.key, **problem.msg.params) from None


def _check_maturity(value: int) -> None:
    if not MATURITY_MIN <= value <= MATURITY_MAX:
        raise BadInput("value.out_of_range", value=value, low=MATURITY_MIN, high=MATURITY_MAX)


def _same(a: str, b: str) -> bool:
    return a.casefold() == b.casefold()


def _check_chain_name(reader: Reader, name: str, chain_id: str | None) -> None:
    for chain in reader.chains().values():
        if chain.id != chain_id and _same(chain.name, name):
            raise Refused("chain.name_taken", name=chain.name)


def _check_link_name(reader: Reader, chain: Chain, name: str, link_id: str | None) -> None:
    for link in reader.links().values():
        if link.chain_id == chain.id and link.id != link_id and _same(link.name, name):
            raise Refused("link.name_taken", chain=chain.name, name=link.name)


def _check_unit_name(
    units: dict[str, OrgUnit], parent_id: str | None, name: str, unit_id: str | None
) -> None:
    for unit in units.values():
        if unit.parent_id == parent_id and unit.id != unit_id and _same(unit.name, name):
            where = (
                msg("unit.at_top")
                if parent_id is None
                else msg("unit.in_parent", parent=units[parent_id].name)
            )
            raise Refused("unit.name_taken", where=where, name=unit.name)


def _check_person_name(reader: Reader, unit: OrgUnit, name: str, person_id: str | None) -> None:
    for person in reader.people().values():
        if person.unit_id == unit.id and person.id != person_id and _same(person.name, name):
            raise Refused("person.name_taken", unit=unit.name, name=person.name)


def _names(names: Iterable[str]) -> str:
    ordered = sorted(names, key=str.casefold)
    shown = ", ".join(ordered[:_NAMES_SHOWN])
    return shown + (", …" if len(ordered) > _NAMES_SHOWN else "")


# -- lookups -------------------------------------------------------------------------------
def _open_items(uow: UnitOfWork, column: str, row_id: str) -> int:
    """How many open (not done, not deleted) items have ``column`` = ``row_id``."""
    return uow.count_open_with(column, row_id)


def _must_chain(reader: Reader, chain_id: str) -> Chain:
    chain = reader.chains().get(chain_id)
    if chain is None:
        raise NotFound("chain.gone")
    return chain


def _must_link(reader: Reader, link_id: str) -> Link:
    link = reader.links().get(link_id)
    if link is None:
        raise NotFound("link.gone")
    return link


def _must_unit(reader: Reader, unit_id: str, units: dict[str, OrgUnit] | None = None) -> OrgUnit:
    unit = (units if units is not None else reader.units()).get(unit_id)
    if unit is None:
        raise NotFound("unit.gone")
    return unit


def _must_person(reader: Reader, person_id: str) -> Person:
    person = reader.people().get(person_id)
    if person is None:
        raise NotFound("person.gone")
    return person
