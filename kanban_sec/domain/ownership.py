"""Ownership at the lowest operational level: who could own an item, and who does."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from kanban_sec.domain.model import Item, Link, OrgUnit, Person


@dataclass(frozen=True)
class OrgTree:
    """The unit tree and its members, with the lookups ownership needs."""

    units: Mapping[str, OrgUnit]
    people: Mapping[str, Person]
    _children: dict[str, list[str]] = field(init=False, repr=False)
    _members: dict[str, list[str]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        children: dict[str, list[str]] = {}
        for unit in self.units.values():
            if unit.parent_id is not None:
                children.setdefault(unit.parent_id, []).append(unit.id)
        for kids in children.values():
            kids.sort(key=lambda uid: self.units[uid].name.casefold())
        members: dict[str, list[str]] = {}
        for person in self.people.values():
            if person.unit_id is not None:
                members.setdefault(person.unit_id, []).append(person.id)
        object.__setattr__(self, "_children", children)
        object.__setattr__(self, "_members", members)

    @classmethod
    def of(cls, units: Iterable[OrgUnit], people: Iterable[Person]) -> OrgTree:
        return cls({u.id: u for u in units}, {p.id: p for p in people})

    def children(self, unit_id: str) -> list[str]:
        return self._children.get(unit_id, [])

    def members(self, unit_id: str) -> list[str]:
        return self._members.get(unit_id, [])

    def is_leaf(self, unit_id: str) -> bool:
        return not self._children.get(unit_id)

    def roots(self) -> list[str]:
        return sorted(
            (u.id for u in self.units.values() if u.parent_id is None),
            key=lambda uid: self.units[uid].name.casefold(),
        )

    def ancestors(self, unit_id: str) -> list[str]:
        """From the unit's parent up to the root (cycles are cut)."""
        seen = {unit_id}
        chain = []
        parent = self.units[unit_id].parent_id if unit_id in self.units else None
        while parent is not None and parent not in seen and parent in self.units:
            chain.append(parent)
            seen.add(parent)
            parent = self.units[parent].parent_id
        return chain

    def is_below(self, unit_id: str, ancestor_id: str) -> bool:
        """Whether ``unit_id`` lies strictly below ``ancestor_id``."""
        return ancestor_id in self.ancestors(unit_id)

    def subtree(self, unit_id: str) -> list[str]:
        """The unit and every unit below it."""
        out, stack, seen = [], [unit_id], set()
        while stack:
            uid = stack.pop()
            if uid in seen:
                continue
            seen.add(uid)
            out.append(uid)
            stack.extend(reversed(self.children(uid)))
        return out

    def leaves_under(self, unit_id: str) -> list[str]:
        return [uid for uid in self.subtree(unit_id) if uid != unit_id and self.is_leaf(uid)]

    def path(self, unit_id: str, sep: str = " / ") -> str:
        """The unit's full name from the root, e.g. ``Oslo kommune / Origo / Drift``."""
        names = [self.units[uid].name for uid in reversed(self.ancestors(unit_id))]
        return sep.join([*names, self.units[unit_id].name])


@dataclass(frozen=True)
class Delegation:
    """Whether an item can be owned lower down, and by whom."""

    can_be_delegated: bool
    units: tuple[str, ...] = ()
    people: tuple[str, ...] = ()


NOT_DELEGABLE = Delegation(False)


def delegation(item: Item, tree: OrgTree, link: Link | None) -> Delegation:
    """The *can be delegated* flag and the suggested lower owners for ``item``.

    An item owned by a non-leaf unit, or by a leaf unit with members but no person, can
    be delegated: to the link's responsible unit when it lies below the owner, else to the
    leaf units under the owner (or, for a leaf, to its members). An item with no owner at
    all goes to the link's responsible unit when there is one.
    """
    owner = item.owner_unit_id
    responsible = link.responsible_unit_id if link is not None else None
    if owner is None or owner not in tree.units:
        if responsible is not None and responsible in tree.units:
            return Delegation(True, (responsible,))
        return Delegation(True)
    if not tree.is_leaf(owner):
        if responsible is not None and tree.is_below(responsible, owner):
            return Delegation(True, (responsible,))
        return Delegation(True, tuple(tree.leaves_under(owner)))
    members = tree.members(owner)
    if members and item.owner_person_id is None:
        return Delegation(True, (), tuple(members))
    return NOT_DELEGABLE


def lowest_level_share(
    items: Iterable[Item], tree: OrgTree, links: Mapping[str, Link]
) -> tuple[int, int]:
    """``(owned at the lowest level, open items)`` over the open items."""
    lowest = total = 0
    for item in items:
        if not item.is_open:
            continue
        total += 1
        link = links.get(item.link_id) if item.link_id else None
        if not delegation(item, tree, link).can_be_delegated:
            lowest += 1
    return lowest, total
