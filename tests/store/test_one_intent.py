"""One intent, one call: moving several cards and saving the item dialog are one
transaction each, all of it or none of it, and one outcome that undo reverts whole."""

from __future__ import annotations

import pytest
from org_support import _item, board_as

from kanban_sec.domain.errors import BadInput, Refused
from kanban_sec.domain.model import ChecklistEntry, Status
from kanban_sec.services.item_edit import ItemEdit
from kanban_sec.services.undo import revert
from kanban_sec.store.unit_of_work import reading


def _rows(db) -> list[tuple[object, ...]]:
    """Every item, comment and change record: a refusal must leave them all as they were."""
    with reading(db) as reader:
        return [
            row
            for table in ("items", "comments", "changes")
            for row in reader.conn.exec_driver_sql(f"SELECT * FROM {table}").all()
        ]


def _statuses(db, ids: list[str]) -> list[Status]:
    with reading(db) as reader:
        return [reader.item(i).status for i in ids]


@pytest.fixture
def cards(db, org) -> list[str]:
    """Three cards in Next and a hard limit of two in Doing, where one already is."""
    ids = [_item(db, f"Card {n}") for n in range(4)]
    engineer = board_as(db, "Henrik Drift")
    engineer.move(ids[0], Status.DOING)
    engineer.move_many(ids[1:], Status.NEXT)
    board_as(db, "Guro Leder").set_wip_limit(Status.DOING, 2, hard=True)
    return ids[1:]


def test_a_hard_limit_with_room_for_some_moves_none(db, cards):
    before = _rows(db)
    with pytest.raises(Refused) as caught:
        board_as(db, "Henrik Drift").move_many(cards, Status.DOING)
    assert caught.value.message("en") == (
        "“Doing” has a hard limit of 2 items and room for 1 more; none of the 3 cards was moved"
    )
    assert "ingen av de 3 kortene ble flyttet" in caught.value.message("nb")
    assert _rows(db) == before and _statuses(db, cards) == [Status.NEXT] * 3


def test_the_rulebook_refusing_one_card_refuses_the_whole_move(db, cards):
    engineer = board_as(db, "Henrik Drift")
    engineer.block(cards[1], "waiting for the supplier")
    before = _rows(db)
    with pytest.raises(Refused) as caught:
        engineer.move_many(cards, Status.DONE)
    text = caught.value.message("en")
    assert text.startswith("no card was moved: “Card 2”: ") and "waiting for the supplier" in text
    assert _rows(db) == before and _statuses(db, cards) == [Status.NEXT] * 3


def test_a_move_of_several_cards_is_one_outcome_undone_whole(db, cards):
    engineer = board_as(db, "Henrik Drift")
    outcome = engineer.move_many(cards, Status.BACKLOG)
    assert outcome.item_ids == frozenset(cards) and len(outcome.changes) == 3
    assert _statuses(db, cards) == [Status.BACKLOG] * 3
    revert(db, "Henrik Drift", outcome.changes)
    assert _statuses(db, cards) == [Status.NEXT] * 3


def test_saving_an_edit_is_one_outcome_and_one_revert(db, org):
    item_id = _item(db, "Patch the dispensers")
    engineer = board_as(db, "Henrik Drift")
    before = engineer.entry(item_id).item
    outcome = engineer.save_item(
        item_id,
        ItemEdit(
            title="Patch every dispenser",
            likelihood=5,
            tags=("patch", "iot"),
            checklist=(ChecklistEntry("List them"), ChecklistEntry("Patch them", True)),
            pin_reason="The supervisory visit is next week",
            comments=("Agreed with the vendor.",),
        ),
    )
    after = engineer.entry(item_id).item
    assert (after.title, after.likelihood, after.tags) == (
        "Patch every dispenser",
        5,
        ["patch", "iot"],
    )
    assert after.checklist[1] == ChecklistEntry("Patch them", True) and after.pinned
    assert [c.body for c in engineer.comments(item_id)] == ["Agreed with the vendor."]
    assert outcome.row_id == item_id and {c.entity for c in outcome.changes} == {"item", "comment"}
    revert(db, "Henrik Drift", outcome.changes)
    again = engineer.entry(item_id).item
    assert (again.title, again.likelihood, again.tags, again.checklist, again.pinned) == (
        before.title,
        before.likelihood,
        before.tags,
        before.checklist,
        False,
    )
    assert engineer.comments(item_id) == []


def test_a_refused_part_of_an_edit_writes_none_of_it(db, org):
    item_id = _item(db, "Patch the dispensers")
    engineer = board_as(db, "Henrik Drift")
    before = _rows(db)
    with pytest.raises(BadInput):  # the link is in another chain
        engineer.save_item(
            item_id,
            ItemEdit(
                title="Renamed",
                checklist=(ChecklistEntry("Step"),),
                link_id=org["portal"],
                comments=("Lost with the rest",),
            ),
        )
    assert _rows(db) == before
    board_as(db, "Guro Leder").set_wip_limit(Status.DOING, 0, hard=True)
    before = _rows(db)
    with pytest.raises(Refused):  # a hard WIP limit
        engineer.save_item(
            item_id,
            ItemEdit(status=Status.DOING, pin_reason="Urgent", comments=("Lost with the rest",)),
        )
    assert _rows(db) == before


def test_a_new_item_with_its_comment_is_one_outcome(db, org):
    engineer = board_as(db, "Henrik Drift")
    outcome = engineer.save_item(
        None,
        ItemEdit(
            title="Inventory the dispensers",
            chain_id=org["chain"],
            link_id=org["weak"],
            comments=("First note",),
        ),
    )
    entry = engineer.entry(outcome.row_id)
    assert (entry.item.title, entry.chain, entry.link) == (
        "Inventory the dispensers",
        "Medisindispenser",
        "Dispenser",
    )
    assert [c.body for c in engineer.comments(outcome.row_id)] == ["First note"]
    with pytest.raises(BadInput):
        engineer.save_item(None, ItemEdit(comments=("No title",)))


def test_the_text_path_builds_the_same_edit(db, org):
    """``set`` takes names and words; it ends in the same edit as the dialog's values."""
    engineer = board_as(db, "Henrik Drift")
    typed = engineer.create_item("Typed", likelihood="4").row_id
    dialog = engineer.create_item("Picked", likelihood="4").row_id
    engineer.set_fields(
        typed,
        {
            "chain": "Medisindispenser",
            "link": "Fagsystem",
            "likelihood": "?",
            "owner_person": "Henrik Drift",
            "pinned": "Tilsyn",
        },
    )
    engineer.save_item(
        dialog,
        ItemEdit(
            chain_id=org["chain"],
            link_id=org["strong"],
            likelihood=None,
            owner_person_id=org["engineer"],
            pin_reason="Tilsyn",
        ),
    )
    for entry in (engineer.entry(typed), engineer.entry(dialog)):
        assert (entry.chain, entry.link, entry.item.likelihood) == (
            "Medisindispenser",
            "Fagsystem",
            None,
        )
        assert (entry.owner_unit, entry.owner_person) == ("Kommune / IT / Drift", "Henrik Drift")
        assert entry.item.pin_reason == "Tilsyn" and entry.item.pinned
