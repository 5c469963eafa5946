"""Every write leaves its change record in the same transaction; failures leave nothing."""

from __future__ import annotations

import json
import sqlite3

import pytest

from kanban_sec.domain.errors import BadInput, Refused
from kanban_sec.domain.model import Status
from kanban_sec.store.unit_of_work import reading, writing


def _count(db, table):
    conn = sqlite3.connect(db.path)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def test_creating_an_item_records_every_field_it_set(service):
    outcome = service.create_item("Krev MFA", likelihood="4", consequence="5", tags="mfa;iam")
    history = service.history(outcome.row_id)
    assert len(history) == 1
    fields = history[0].fields
    assert fields["title"] == ("Krev MFA", None)
    assert fields["likelihood"] == (4, None)
    assert json.loads(fields["tags"][0]) == ["mfa", "iam"]
    assert history[0].author == "tester" and history[0].entity == "item"


def test_an_edit_records_only_the_changed_fields_with_old_and_new_values(service):
    item_id = service.create_item("Krev MFA", likelihood="2").row_id
    service.set_fields(item_id, {"likelihood": "5", "title": "Krev MFA"})
    change = service.history(item_id)[-1]
    assert set(change.fields) == {"likelihood", "updated_at"}
    assert change.fields["likelihood"] == (5, 2)


def test_an_edit_that_changes_nothing_writes_nothing(service, db):
    item_id = service.create_item("Uendret", likelihood="3").row_id
    before = _count(db, "changes")
    outcome = service.set_fields(item_id, {"likelihood": "3"})
    assert not outcome.changed and _count(db, "changes") == before


def test_a_move_records_status_and_its_times(service):
    item_id = service.create_item("Flytt meg").row_id
    outcome = service.move(item_id, Status.DOING)
    fields = outcome.changes[0].fields
    assert fields["status"] == ("doing", "backlog")
    assert fields["started_at"][1] is None and fields["started_at"][0]


def test_delete_is_a_tombstone_in_the_log(service, db):
    item_id = service.create_item("Slett meg").row_id
    service.delete(item_id)
    change = service.history(item_id)[-1]
    assert change.fields["deleted_at"][1] is None and change.fields["deleted_at"][0]
    assert all(e.item.id != item_id for e in service.view().entries)
    assert _count(db, "items") == 1  # the row stays so replicas learn of the delete


def test_each_change_has_a_unique_id_and_increasing_clock(service):
    ids = [service.create_item(f"Sak {n}").row_id for n in range(5)]
    with reading(service.db) as reader:
        changes = reader.changes_since(0)
    assert len({c.id for c in changes}) == len(changes) == 5
    assert [c.hlc for c in changes] == sorted(c.hlc for c in changes)
    assert [c.row_id for c in changes] == ids


def test_a_failure_inside_a_transaction_leaves_neither_rows_nor_change_records(service, db):
    before_items, before_changes = _count(db, "items"), _count(db, "changes")
    with pytest.raises(RuntimeError), writing(db, "tester") as uow:
        uow.insert("unit", {"id": "u1", "name": "Halvveis", "parent_id": None})
        raise RuntimeError("power cut")
    assert (_count(db, "items"), _count(db, "changes")) == (before_items, before_changes)
    assert _count(db, "org_units") == 0


def test_a_refused_move_writes_nothing(service, db):
    service.set_wip_limit(Status.DOING, 1, hard=True)
    first = service.create_item("En").row_id
    second = service.create_item("To").row_id
    service.move(first, "doing")
    before = _count(db, "changes")
    with pytest.raises(Refused) as caught:
        service.move(second, "doing")
    assert "hard limit of 1" in caught.value.message("en")
    assert _count(db, "changes") == before
    assert service.entry(second).item.status is Status.BACKLOG


def test_a_soft_limit_warns_but_moves(service):
    service.set_wip_limit(Status.DOING, 1, hard=False)
    service.move(service.create_item("En").row_id, "doing")
    outcome = service.move(service.create_item("To").row_id, "doing")
    assert outcome.changed
    assert "over its limit of 1" in outcome.warnings[0].render("en")


def test_bad_input_in_a_service_call_writes_nothing(service, db):
    before = _count(db, "changes")
    with pytest.raises(BadInput):
        service.create_item("Ny", chain="Finnes ikke")
    with pytest.raises(BadInput):
        service.create_item("Ny", likelihood="9")
    assert _count(db, "changes") == before


def test_raising_a_link_re_ranks_the_board(service):
    service.add_chain("Medisindispenser", "Kommune / Helse")
    weak = service.add_link("Medisindispenser", "Dispenser", 0).row_id
    service.add_link("Medisindispenser", "Sky", 1)
    a = service.create_item(
        "Segmentering", chain="Medisindispenser", link="Dispenser", likelihood="2", consequence="2"
    ).row_id
    b = service.create_item(
        "MFA", chain="Medisindispenser", link="Sky", likelihood="5", consequence="5"
    ).row_id
    assert [e.item.id for e in service.view().entries] == [a, b]
    service.set_link_maturity(weak, 3)
    entries = service.view().entries
    assert [e.item.id for e in entries] == [b, a]
    assert entries[0].ranked.weakest and entries[1].ranked.score == 0


def test_pin_block_assign_and_delegate(service):
    service.ensure_unit("Kommune / IT / Drift / Team Nett")
    service.add_person("Kari Nordmann", "Kommune / IT / Drift / Team Nett")
    item_id = service.create_item("Brannmurregler", owner_unit="Kommune / IT").row_id
    entry = service.entry(item_id)
    assert entry.delegation.can_be_delegated
    service.delegate(item_id)  # only one leaf under IT: Team Nett
    assert service.entry(item_id).owner_unit.endswith("Team Nett")
    service.delegate(item_id)  # the team has one member
    assert service.entry(item_id).owner_person == "Kari Nordmann"
    with pytest.raises(Refused):
        service.delegate(item_id)
    with pytest.raises(BadInput):
        service.pin(item_id, "  ")
    service.pin(item_id, "Revisjonsfunn")
    service.block(item_id, "Venter på leverandør")
    entry = service.entry(item_id)
    assert entry.item.pinned and entry.ranked.rank == 1 and entry.item.blocked
    service.unpin(item_id)
    service.unblock(item_id)
    entry = service.entry(item_id)
    assert not entry.item.pinned and not entry.item.blocked and entry.item.blocked_at is None


def test_rows_written_in_bulk_get_the_same_change_records(db):
    from kanban_sec.store import unit_of_work

    rows = [
        {"id": f"00000000-0000-7000-8000-{n:012d}", "name": f"Team {n} «æøå»", "parent_id": None}
        for n in range(unit_of_work.BULK + 5)
    ]
    with writing(db, "importer") as uow:
        uow.insert("unit", {"id": "solo", "name": "Alene", "parent_id": None})
        assert uow.insert_many("unit", rows) == []
    with reading(db) as reader:
        changes = reader.changes_since(0)
        first, solo = reader.history("unit", rows[0]["id"])[0], reader.history("unit", "solo")[0]
    assert len(changes) == len(rows) + 1
    assert changes[0].row_id == "solo"  # written before the bulk rows, in clock order
    assert [c.hlc for c in changes] == sorted(c.hlc for c in changes)
    assert len({c.id for c in changes}) == len(changes)
    assert first.fields["name"] == ("Team 0 «æøå»", None)
    assert first.fields["parent_id"] == (None, None)
    assert set(first.fields) == set(solo.fields) and first.author == "importer"


def test_undo_writes_old_values_back_and_redo_writes_them_again(service, db):
    from kanban_sec.services.undo import reapply, revert

    item_id = service.create_item("Angre meg", likelihood="2").row_id
    edit = service.set_fields(item_id, {"likelihood": "5", "title": "Endret"})
    revert(db, "tester", edit.changes)
    item = service.entry(item_id).item
    assert (item.title, item.likelihood) == ("Angre meg", 2)
    reapply(db, "tester", edit.changes)
    item = service.entry(item_id).item
    assert (item.title, item.likelihood) == ("Endret", 5)
    # Undo is a write of its own: the log only grows.
    assert len(service.history(item_id)) == 4


def test_undoing_a_creation_removes_the_item_and_redo_brings_it_back(service):
    from kanban_sec.services.undo import reapply, revert

    created = service.create_item("Ny")
    revert(service.db, "tester", created.changes)
    assert service.view().entries == []
    reapply(service.db, "tester", created.changes)
    assert [e.item.title for e in service.view().entries] == ["Ny"]
