"""Every rule holds on every write path: the services (what the window and the command
line call), CSV import, undo and redo, and a plain write through the store's one write
path (what a pulled change or any new code would do). Each hole here was open once."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from org_support import _item, as_, board_as

from kanban_sec.domain.errors import ImportProblems, Refused
from kanban_sec.domain.model import Status
from kanban_sec.domain.rules import RuleRefused
from kanban_sec.services.csv_exchange import import_csv
from kanban_sec.services.governance import GovernanceService
from kanban_sec.services.organisation import OrganisationService
from kanban_sec.services.session import Session
from kanban_sec.services.undo import reapply, revert
from kanban_sec.store.unit_of_work import reading, writing

UNTIL = date.today() + timedelta(days=60)


def _status(db, item_id: str) -> Status:
    with reading(db) as reader:
        found = reader.item(item_id)
        assert found is not None
        return found.status


def _everything(db) -> list[tuple[object, ...]]:
    """Every row of every table that holds board data, to prove a refusal wrote nothing."""
    with reading(db) as reader:
        out: list[tuple[object, ...]] = []
        for table in (
            "items",
            "chains",
            "links",
            "org_units",
            "people",
            "risk_decisions",
            "verifications",
            "settings",
            "conflicts",
            "changes",
        ):
            out.extend(reader.conn.exec_driver_sql(f"SELECT * FROM {table}").all())
        return out


def _csv(tmp_path: Path, header: str, *lines: str) -> Path:
    path = tmp_path / "in.csv"
    path.write_text("\r\n".join([header, *lines]) + "\r\n", encoding="utf-8-sig")
    return path


def _refused(action, code: str) -> RuleRefused:
    with pytest.raises(RuleRefused) as caught:
        action()
    assert caught.value.code == code, caught.value.message("en")
    return caught.value


# -- done only through verification --------------------------------------------------------


def _weighty(db) -> str:
    """An item the default policy wants verified (L4 × C4 × gap 2 = 32) in Doing."""
    item_id = _item(db, "Lock down the dispensers", likelihood=4, consequence=4)
    board_as(db, "Henrik Drift").move(item_id, Status.DOING)
    return item_id


@pytest.mark.parametrize("start", [Status.BACKLOG, Status.NEXT, Status.DOING])
def test_work_that_needs_verification_never_skips_verify(db, org, start):
    item_id = _item(db, "Lock down the dispensers", likelihood=4, consequence=4)
    engineer = board_as(db, "Henrik Drift")
    engineer.move(item_id, start)
    before = _everything(db)
    for attempt in (
        lambda: engineer.move(item_id, Status.DONE),
        lambda: engineer.set_fields(item_id, {"status": "done"}),
        lambda: board_as(db, "Guro Leder").move(item_id, Status.DONE),
    ):
        refusal = _refused(attempt, "KS002")
        assert "must be verified by a controlling member" in refusal.message("en")
    assert _everything(db) == before


def test_a_lower_score_does_not_lift_a_verification_once_asked_for(db, org):
    item_id = _weighty(db)
    engineer = board_as(db, "Henrik Drift")
    engineer.move(item_id, Status.VERIFY)  # the policy asks for verification now
    engineer.move(item_id, Status.DOING)  # ... and the item goes back
    board_as(db, "Guro Leder").set_link_maturity(org["weak"], 3)  # score 32 → 0
    assert (
        not _refused(lambda: engineer.move(item_id, Status.DONE), "KS002")
        .message("en")
        .startswith(
            "“Lock down the dispensers” must be verified by a controlling "
            "member before it is done (board policy"
        )
    )
    assert GovernanceService(Session(db, "Henrik Drift")).needs_verification(item_id)


def test_undo_cannot_lift_the_need_for_verification_either(db, org):
    item_id = _weighty(db)
    engineer = board_as(db, "Henrik Drift")
    moved = engineer.move(item_id, Status.VERIFY)
    revert(db, "Henrik Drift", moved.changes)  # back to Doing: the mark stays
    assert _status(db, item_id) is Status.DOING
    board_as(db, "Guro Leder").set_link_maturity(org["weak"], 3)
    _refused(lambda: engineer.move(item_id, Status.DONE), "KS002")


def test_out_of_verify_to_done_is_control_with_evidence_only(db, org):
    item_id = _weighty(db)
    board_as(db, "Henrik Drift").move(item_id, Status.VERIFY)
    for name in ("Henrik Drift", "Guro Leder"):
        _refused(lambda n=name: board_as(db, n).move(item_id, Status.DONE), "KS002")
    # Control does not move cards on the board; even through the store, a move without
    # the verification record is refused.
    _refused(lambda: board_as(db, "Trude Kontroll").move(item_id, Status.DONE), "KS004")
    with pytest.raises(RuleRefused) as caught, writing(db, "Trude Kontroll") as uow:
        uow.update("item", item_id, {"status": "done"})
    assert caught.value.code == "KS002"
    as_(db, "Trude Kontroll").verify(item_id, "https://intranett/revisjon/7")
    assert _status(db, item_id) is Status.DONE


def test_undoing_a_reopening_does_not_make_it_done_again_unverified(db, org):
    item_id = _weighty(db)
    board_as(db, "Henrik Drift").move(item_id, Status.VERIFY)
    as_(db, "Trude Kontroll").verify(item_id, "checked all 14 dispensers")
    reopened = board_as(db, "Henrik Drift").move(item_id, Status.DOING)
    _refused(lambda: revert(db, "Henrik Drift", reopened.changes), "KS002")
    assert _status(db, item_id) is Status.DOING


def test_control_undoes_its_own_verification_back_into_verify(db, org):
    item_id = _weighty(db)
    board_as(db, "Henrik Drift").move(item_id, Status.VERIFY)
    verified = as_(db, "Trude Kontroll").verify(item_id, "checked")
    revert(db, "Trude Kontroll", verified.changes)
    assert _status(db, item_id) is Status.VERIFY
    reapply(db, "Trude Kontroll", verified.changes)
    assert _status(db, item_id) is Status.DONE


def test_a_blocked_item_never_moves_to_done(db, org):
    item_id = _item(db, "Label the dispensers", likelihood=1, consequence=2)
    engineer = board_as(db, "Henrik Drift")
    engineer.block(item_id, "waiting for the supplier")
    refusal = _refused(lambda: engineer.move(item_id, Status.DONE), "KS008")
    assert "waiting for the supplier" in refusal.message("en")
    assert "blokkert" in refusal.message("nb")
    engineer.unblock(item_id)
    engineer.move(item_id, Status.DONE)


def test_a_csv_file_cannot_create_done_work_that_needs_verification(db, org, tmp_path):
    source = _csv(
        tmp_path,
        "title,status,chain,link,likelihood,consequence",
        "Label the dispensers,done,Medisindispenser,Dispenser,1,2",
        "Lock down the dispensers,done,Medisindispenser,Dispenser,4,4",
        "Stuck,done,Medisindispenser,Dispenser,1,1",
    )
    before = _everything(db)
    with pytest.raises(ImportProblems):
        import_csv(board_as(db, "Henrik Drift"), source)
    assert _everything(db) == before
    # One line per refusal, with its line number: the other lines were fine.
    source.write_text(
        source.read_text(encoding="utf-8-sig")
        .replace(",1,1", ",1,1")
        .replace("Stuck,done", "Stuck,doing"),
        encoding="utf-8-sig",
    )
    with pytest.raises(ImportProblems) as caught:
        import_csv(board_as(db, "Henrik Drift"), source)
    (problem,) = caught.value.problems
    assert (problem.line, problem.column) == (3, "status")


def test_a_csv_file_cannot_make_a_blocked_item_done(db, org, tmp_path):
    item_id = _item(db, "Label the dispensers", likelihood=1, consequence=2)
    board_as(db, "Henrik Drift").block(item_id, "no labels")
    source = _csv(tmp_path, "id,title,status", f"{item_id},Label the dispensers,done")
    with pytest.raises(ImportProblems) as caught:
        import_csv(board_as(db, "Henrik Drift"), source)
    assert "blocked" in caught.value.message("en")
    assert _status(db, item_id) is not Status.DONE


# -- the risk owner decides ------------------------------------------------------------------


def test_an_operational_member_of_the_risk_owner_unit_assesses_but_does_not_decide(db, org):
    item_id = _item(db, "Replace the radio module", likelihood=2, consequence=3)
    before = _everything(db)
    refusal = _refused(
        lambda: as_(db, "Nils Sone").decide(
            "accept", "we live with it", valid_until=UNTIL, item_id=item_id
        ),
        "KS003",
    )
    assert "Hjemmetjenesten" in refusal.message("en")
    # Not around the service either: the store's write path asks the same rulebook.
    with pytest.raises(RuleRefused), writing(db, "Nils Sone") as uow:
        uow.insert(
            "risk_decision",
            {
                "id": "01a00000-0000-7000-8000-00000000d001",
                "item_id": item_id,
                "chain_id": None,
                "decision": "accept",
                "decided_by": org["nurse"],
                "rationale": "x",
                "valid_until": UNTIL.isoformat(),
            },
        )
    assert _everything(db) == before


def test_a_governing_member_of_another_unit_does_not_decide_either(db, org):
    item_id = _item(db, "Replace the radio module", likelihood=2, consequence=3)
    _refused(
        lambda: as_(db, "Guro Leder").decide("accept", "fine", valid_until=UNTIL, item_id=item_id),
        "KS003",
    )
    as_(db, "Astrid Eier").decide("accept", "fine", valid_until=UNTIL, item_id=item_id)


def test_nobody_writes_a_decision_in_somebody_elses_name(db, org):
    item_id = _item(db, "Replace the radio module", likelihood=2, consequence=3)
    with pytest.raises(RuleRefused) as caught, writing(db, "Astrid Eier") as uow:
        uow.insert(
            "risk_decision",
            {
                "id": "01a00000-0000-7000-8000-00000000d002",
                "item_id": item_id,
                "chain_id": None,
                "decision": "reduce",
                "decided_by": org["lead"],
                "rationale": "x",
            },
        )
    assert caught.value.code == "KS007"


def test_moving_an_item_to_another_chain_does_not_make_anyone_its_risk_owner(db, org, tmp_path):
    item_id = _item(db, "Replace the radio module", likelihood=2, consequence=3)
    engineer = board_as(db, "Henrik Drift")
    refusal = _refused(lambda: engineer.set_fields(item_id, {"chain": "Skoleportal"}), "KS003")
    assert "Medisindispenser" in refusal.message("en")
    source = _csv(tmp_path, "id,title,chain,link", f"{item_id},Replace it,Skoleportal,Portal")
    with pytest.raises(ImportProblems) as caught:
        import_csv(engineer, source)
    assert caught.value.problems[0].line == 2
    # The risk owner of the chain the item is in may hand it over.
    board_as(db, "Astrid Eier").set_fields(item_id, {"chain": "Skoleportal"})


def test_nobody_imports_a_chain_to_become_its_risk_owner(db, org, tmp_path):
    source = _csv(
        tmp_path,
        "title,chain,link,risk_owner",
        "Replace the radio module,Min egen tjeneste,Portal,Kommune / IT / Drift",
    )
    before = _everything(db)
    with pytest.raises(ImportProblems) as caught:
        import_csv(board_as(db, "Henrik Drift"), source)
    assert "governing" in caught.value.message("en")
    assert _everything(db) == before


# -- an acceptance covers exactly what was decided ------------------------------------------


def _accepted(db, org) -> str:
    item_id = _item(db, "Replace the radio module", likelihood=2, consequence=3)
    as_(db, "Astrid Eier").decide("accept", "fine until spring", valid_until=UNTIL, item_id=item_id)
    assert item_id in GovernanceService(Session(db, "Henrik Drift")).acceptance().accepted
    return item_id


@pytest.mark.parametrize(
    "field,value", [("likelihood", "3"), ("consequence", "1"), ("link", "Fagsystem")]
)
def test_changing_what_was_accepted_voids_the_acceptance(db, org, field, value):
    item_id = _accepted(db, org)
    board_as(db, "Henrik Drift").set_fields(item_id, {field: value})
    acceptance = GovernanceService(Session(db, "Henrik Drift")).acceptance()
    assert item_id not in acceptance.accepted and item_id in acceptance.void
    entry = board_as(db, "Henrik Drift").entry(item_id)
    assert entry.ranked is not None  # back in the ranking
    void = json.loads(entry.item.acceptance_void)
    assert void["by"] == "Henrik Drift" and list(void["fields"]) == [
        {"link": "link_id"}.get(field, field)
    ]


def test_a_csv_update_voids_an_acceptance_too(db, org, tmp_path):
    item_id = _accepted(db, org)
    import_csv(
        board_as(db, "Henrik Drift"),
        _csv(tmp_path, "id,title,likelihood", f"{item_id},Replace the radio module,4"),
    )
    assert item_id not in GovernanceService(Session(db, "Henrik Drift")).acceptance().accepted


def test_undoing_the_change_restores_exactly_what_was_accepted(db, org):
    item_id = _accepted(db, org)
    changed = board_as(db, "Henrik Drift").set_fields(item_id, {"likelihood": "4"})
    revert(db, "Henrik Drift", changed.changes)
    assert item_id in GovernanceService(Session(db, "Henrik Drift")).acceptance().accepted


def test_a_chain_acceptance_does_not_cover_items_added_later(db, org):
    first = _item(db, "Replace the radio module", likelihood=2, consequence=3)
    as_(db, "Astrid Eier").decide(
        "accept", "the whole service, for now", valid_until=UNTIL, chain_id=org["chain"]
    )
    later = _item(db, "A new weakness", likelihood=2, consequence=2)
    accepted = GovernanceService(Session(db, "Henrik Drift")).acceptance().accepted
    assert first in accepted and later not in accepted


def test_a_chain_acceptance_is_refused_while_a_covered_item_is_red(db, org):
    _item(db, "Replace the radio module", likelihood=5, consequence=5)
    refusal = _refused(
        lambda: as_(db, "Astrid Eier").decide(
            "accept", "all of it", valid_until=UNTIL, chain_id=org["chain"]
        ),
        "KS009",
    )
    assert "red" in refusal.message("en")


# -- governed data ------------------------------------------------------------------------


def test_an_operational_member_changes_no_governed_data(db, org):
    item_id = _item(db, "Replace the radio module", likelihood=2, consequence=3)
    as_(db, "Astrid Eier").decide("accept", "fine", valid_until=UNTIL, item_id=item_id)
    (decision,) = as_(db, "Henrik Drift").decisions(item_id=item_id)
    with reading(db) as reader:
        units = {u.name: u.id for u in reader.units().values()}
    org_as_engineer = OrganisationService(Session(db, "Henrik Drift", "en"))
    attempts = [
        lambda: org_as_engineer.set_chain_risk_owner(org["chain"], units["Drift"]),
        lambda: org_as_engineer.set_target_maturity(org["chain"], 1),
        lambda: org_as_engineer.move_unit(units["Drift"], units["Helse"]),
        lambda: org_as_engineer.rename_person(org["lead"], "Guro Avsatt"),
        lambda: org_as_engineer.set_role(org["engineer"], "governing"),
        lambda: org_as_engineer.delete_person(org["control"]),
    ]
    before = _everything(db)
    for attempt in attempts:
        with pytest.raises(Refused):
            attempt()
    # The same writes through the store's one write path (as a pulled change or new code
    # would make them) meet the same rulebook.
    direct = [
        ("chain", org["chain"], {"risk_owner_unit_id": units["Drift"]}),
        ("chain", org["chain"], {"target_maturity": 1}),
        ("unit", units["Drift"], {"parent_id": units["Helse"]}),
        ("person", org["lead"], {"name": "Guro Avsatt"}),
        ("person", org["engineer"], {"role": "governing"}),
        ("person", org["control"], {"deleted_at": "2026-12-01T00:00:00.000000Z"}),
        ("risk_decision", decision.id, {"valid_until": "2029-12-31"}),
        ("risk_decision", decision.id, {"decided_by": org["engineer"]}),
    ]
    for entity, row_id, values in direct:
        with pytest.raises(RuleRefused) as caught, writing(db, "Henrik Drift") as uow:
            uow.update(entity, row_id, values)
        assert caught.value.code in ("KS003", "KS004", "KS007"), (entity, values)
    assert _everything(db) == before


def test_only_the_people_in_a_conflict_or_a_governing_member_close_it(db, org):
    now = "2026-12-01T00:00:00.000000Z"
    with writing(db, "Guro Leder") as uow:  # as the merge derives it on every replica
        uow.conn.exec_driver_sql(
            "INSERT INTO conflicts (id, entity, row_id, field, winner_change, loser_change,"
            " winner_value, loser_value, loser_author, created_at, updated_at)"
            " VALUES ('c1', 'item', 'x', 'title', 'w1', 'l1', '\"a\"', '\"b\"',"
            " 'Astrid Eier', ?, ?)",
            (now, now),
        )
    closing = {"resolved_at": now, "resolution": "kept_winner"}
    with pytest.raises(RuleRefused) as caught, writing(db, "Henrik Drift") as uow:
        uow.update("conflict", "c1", {**closing, "resolved_by": "Henrik Drift"})
    assert caught.value.code == "KS007"
    with pytest.raises(RuleRefused), writing(db, "Astrid Eier") as uow:
        uow.update("conflict", "c1", {**closing, "resolved_by": "Guro Leder"})
    with writing(db, "Astrid Eier") as uow:
        uow.update("conflict", "c1", {**closing, "resolved_by": "Astrid Eier"})


# -- values ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "values",
    [
        {"likelihood": 9},
        {"status": "nope"},
        {"description": "x" * 70_000},
        {"tags": "not json"},
        {"due_date": "31.12.2026"},
        {"likelihood": "4"},
    ],
)
def test_the_write_path_refuses_values_a_row_may_not_hold(db, org, values):
    item_id = _item(db, "Replace the radio module")
    with pytest.raises(RuleRefused) as caught, writing(db, "Henrik Drift") as uow:
        uow.update("item", item_id, values)
    assert caught.value.code == "KS006"


def test_the_ranking_says_why_an_acceptance_became_void(db, org):
    item_id = _accepted(db, org)
    board_as(db, "Henrik Drift").set_fields(item_id, {"likelihood": "3"})
    entry = board_as(db, "Henrik Drift").entry(item_id)
    assert entry.explanation("en").startswith(
        "Acceptance void: Henrik Drift changed likelihood 2→3 · "
    )
    assert entry.explanation("nb").startswith(
        "Aksept bortfalt: Henrik Drift endret sannsynlighet 2→3 · "
    )
    # A new acceptance of the item as it is now clears the note.
    as_(db, "Astrid Eier").decide("accept", "still fine", valid_until=UNTIL, item_id=item_id)
    assert board_as(db, "Henrik Drift").entry(item_id).item.acceptance_void == ""
