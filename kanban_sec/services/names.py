"""Finding (and, where asked, creating) units, people, chains and links by the names
people type: unit paths joined with `` / ``, chain and link names, person names."""

from __future__ import annotations

from kanban_sec.domain.errors import NotFound
from kanban_sec.domain.ids import new_id
from kanban_sec.domain.model import MATURITY_MAX, MATURITY_MIN, Chain, Link, OrgUnit, Person, Role
from kanban_sec.domain.ownership import OrgTree
from kanban_sec.store.database import Database
from kanban_sec.store.unit_of_work import Reader, UnitOfWork, reading

PATH_SEPARATOR = " / "


def split_path(path: str) -> list[str]:
    return [part.strip() for part in path.split("/") if part.strip()]


def names_of(db: Database) -> Names:
    """Name lookups (units, people, chains, links) as the board is now."""
    with reading(db) as reader:
        return Names(reader)


class Names:
    """Name lookups over one transaction, kept in memory while a call runs."""

    def __init__(self, reader: Reader) -> None:
        self.reader = reader
        self.units = reader.units()
        self.people = reader.people()
        self.chains = reader.chains()
        self.links = reader.links()
        self._tree: OrgTree | None = None
        # Case-folded name indexes: an import looks names up once per row.
        self._chain_by_name: dict[str, str] = {}
        for chain in sorted(self.chains.values(), key=lambda c: c.id, reverse=True):
            self._chain_by_name[chain.name.casefold()] = chain.id
        self._link_by_name: dict[tuple[str, str], str] = {}
        for link in sorted(self.links.values(), key=lambda lk: lk.id, reverse=True):
            self._link_by_name[(link.chain_id, link.name.casefold())] = link.id
        self._people_by_name: dict[str, list[str]] = {}
        for person in self.people.values():
            self._people_by_name.setdefault(person.name.casefold(), []).append(person.id)

    @property
    def tree(self) -> OrgTree:
        if self._tree is None:
            self._tree = OrgTree(self.units, self.people)
        return self._tree

    def _invalidate(self) -> None:
        self._tree = None

    # -- units -------------------------------------------------------------------------
    def unit_path(self, unit_id: str | None) -> str:
        return self.tree.path(unit_id, PATH_SEPARATOR) if unit_id in self.units else ""

    def find_unit(self, text: str) -> str | None:
        """A unit by full path, by a path's tail, or by a unique name; ``None`` if absent."""
        parts = split_path(text)
        if not parts:
            return None
        wanted = [p.casefold() for p in parts]
        matches = []
        for unit_id in self.units:
            names = [n.casefold() for n in split_path(self.unit_path(unit_id))]
            if names == wanted:
                return unit_id
            if names[-len(wanted) :] == wanted:
                matches.append(unit_id)
        if len(matches) > 1:
            raise NotFound(
                "unit.ambiguous",
                name=text,
                matches="; ".join(sorted(self.unit_path(m) for m in matches)),
            )
        return matches[0] if matches else None

    def unit(self, text: str) -> str:
        found = self.find_unit(text)
        if found is None:
            raise NotFound("unit.not_found", name=text)
        return found

    def ensure_unit(self, uow: UnitOfWork, path: str) -> str:
        """The unit at ``path``, creating the missing units along it."""
        parts = split_path(path)
        if not parts:
            raise NotFound("unit.not_found", name=path)
        parent: str | None = None
        for part in parts:
            child = next(
                (
                    u.id
                    for u in self.units.values()
                    if u.parent_id == parent and u.name.casefold() == part.casefold()
                ),
                None,
            )
            if child is None:
                child = new_id()
                uow.insert("unit", {"id": child, "name": part, "parent_id": parent})
                self.units[child] = OrgUnit(child, part, parent)
                self._invalidate()
            parent = child
        assert parent is not None
        return parent

    # -- people ------------------------------------------------------------------------
    def find_person(self, name: str, unit_id: str | None = None) -> str | None:
        matches = list(self._people_by_name.get(" ".join(name.split()).casefold(), ()))
        if unit_id is not None:
            in_unit = [pid for pid in matches if self.people[pid].unit_id == unit_id]
            if in_unit:
                matches = in_unit
        if len(matches) > 1:
            raise NotFound(
                "person.ambiguous",
                name=name,
                matches="; ".join(
                    f"{self.people[m].name} ({self.unit_path(self.people[m].unit_id)})"
                    for m in matches
                ),
            )
        return matches[0] if matches else None

    def person(self, name: str, unit_id: str | None = None) -> str:
        found = self.find_person(name, unit_id)
        if found is None:
            raise NotFound("person.not_found", name=name)
        return found

    def ensure_person(
        self, uow: UnitOfWork, name: str, unit_id: str | None, role: Role = Role.OPERATIONAL
    ) -> str:
        found = self.find_person(name, unit_id)
        if found is not None and (unit_id is None or self.people[found].unit_id == unit_id):
            return found
        person_id = new_id()
        clean = " ".join(name.split())
        uow.insert(
            "person", {"id": person_id, "name": clean, "unit_id": unit_id, "role": role.value}
        )
        self.people[person_id] = Person(person_id, clean, unit_id, role)
        self._people_by_name.setdefault(clean.casefold(), []).append(person_id)
        self._invalidate()
        return person_id

    # -- chains and links --------------------------------------------------------------
    def find_chain(self, name: str) -> str | None:
        return self._chain_by_name.get(name.strip().casefold())

    def chain(self, name: str) -> str:
        found = self.find_chain(name)
        if found is None:
            raise NotFound("chain.not_found", name=name)
        return found

    def ensure_chain(
        self,
        uow: UnitOfWork,
        name: str,
        risk_owner_unit_id: str | None = None,
        target_maturity: int = MATURITY_MAX,
        description: str = "",
    ) -> str:
        found = self.find_chain(name)
        if found is not None:
            return found
        chain_id = new_id()
        clean = name.strip()
        uow.insert(
            "chain",
            {
                "id": chain_id,
                "name": clean,
                "risk_owner_unit_id": risk_owner_unit_id,
                "target_maturity": target_maturity,
                "description": description,
            },
        )
        self.chains[chain_id] = Chain(
            chain_id, clean, risk_owner_unit_id, target_maturity, description
        )
        self._chain_by_name[clean.casefold()] = chain_id
        return chain_id

    def find_link(self, chain_id: str, name: str) -> str | None:
        return self._link_by_name.get((chain_id, name.strip().casefold()))

    def link(self, chain_id: str, name: str) -> str:
        found = self.find_link(chain_id, name)
        if found is None:
            raise NotFound("link.not_found", chain=self.chains[chain_id].name, name=name)
        return found

    def ensure_link(
        self,
        uow: UnitOfWork,
        chain_id: str,
        name: str,
        *,
        kind: str = "",
        country: str = "",
        responsible_unit_id: str | None = None,
        maturity: int = MATURITY_MIN,
        run_by: str = "municipality",
    ) -> str:
        found = self.find_link(chain_id, name)
        if found is not None:
            return found
        link_id = new_id()
        clean = name.strip()
        uow.insert(
            "link",
            {
                "id": link_id,
                "chain_id": chain_id,
                "name": clean,
                "kind": kind,
                "country": country,
                "responsible_unit_id": responsible_unit_id,
                "maturity": maturity,
                "run_by": run_by,
            },
        )
        self.links[link_id] = Link(
            link_id, chain_id, clean, kind, country, responsible_unit_id, maturity, run_by
        )
        self._link_by_name[(chain_id, clean.casefold())] = link_id
        return link_id
