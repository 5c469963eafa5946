"""Ownership at the lowest operational level: who may take an item, and the share owned there."""

from __future__ import annotations

from kanban_sec.domain.model import Item, Link, OrgUnit, Person, Status
from kanban_sec.domain.ownership import OrgTree, delegation, lowest_level_share

UNITS = [
    OrgUnit("k", "Kommune"),
    OrgUnit("it", "IT", "k"),
    OrgUnit("drift", "Drift", "it"),
    OrgUnit("nett", "Team Nettverk", "drift"),
    OrgUnit("klient", "Team Klient", "drift"),
    OrgUnit("helse", "Helse", "k"),
]
PEOPLE = [Person("kari", "Kari", "nett"), Person("ola", "Ola", "nett")]
TREE = OrgTree.of(UNITS, PEOPLE)


def test_paths_and_leaves():
    assert TREE.path("nett") == "Kommune / IT / Drift / Team Nettverk"
    assert TREE.is_leaf("klient") and not TREE.is_leaf("drift")
    assert set(TREE.leaves_under("it")) == {"nett", "klient"}
    assert TREE.is_below("nett", "it") and not TREE.is_below("it", "nett")


def test_item_owned_by_a_department_can_be_delegated_to_the_links_responsible_team():
    link = Link("l", "c", "Brannmur", responsible_unit_id="nett")
    result = delegation(Item("i", "t", owner_unit_id="it"), TREE, link)
    assert result.can_be_delegated and result.units == ("nett",)


def test_without_a_responsible_unit_below_the_suggestion_is_every_leaf_under_the_owner():
    link = Link("l", "c", "EPJ", responsible_unit_id="helse")  # not below Drift
    result = delegation(Item("i", "t", owner_unit_id="drift"), TREE, link)
    assert result.can_be_delegated and set(result.units) == {"nett", "klient"}


def test_leaf_team_with_members_but_no_person_suggests_the_members():
    result = delegation(Item("i", "t", owner_unit_id="nett"), TREE, None)
    assert result.can_be_delegated and set(result.people) == {"kari", "ola"}


def test_leaf_team_with_a_person_or_without_members_is_the_lowest_level():
    assert not delegation(
        Item("i", "t", owner_unit_id="nett", owner_person_id="kari"), TREE, None
    ).can_be_delegated
    assert not delegation(Item("i", "t", owner_unit_id="klient"), TREE, None).can_be_delegated


def test_unowned_item_is_suggested_to_the_links_responsible_unit():
    link = Link("l", "c", "Brannmur", responsible_unit_id="nett")
    result = delegation(Item("i", "t"), TREE, link)
    assert result.can_be_delegated and result.units == ("nett",)


def test_share_owned_at_lowest_level_counts_open_items_only():
    items = [
        Item("a", "t", owner_unit_id="nett", owner_person_id="kari"),
        Item("b", "t", owner_unit_id="klient"),
        Item("c", "t", owner_unit_id="it"),
        Item("d", "t", owner_unit_id="it", status=Status.DONE),
    ]
    assert lowest_level_share(items, TREE, {}) == (2, 3)


def test_a_cycle_in_the_tree_does_not_hang():
    tree = OrgTree.of([OrgUnit("a", "A", "b"), OrgUnit("b", "B", "a")], [])
    assert tree.ancestors("a") == ["b"]
