"""Editing units, people, chains and links: every write is logged, every refusal writes
nothing and says what to do next in both languages."""

from __future__ import annotations

import sqlite3

import pytest

from kanban_sec.domain.errors import BadInput, KanbanError, NotFound, Refused
from kanban_sec.domain.model import Role, Status
from kanban_sec.services.organisation import InUse, OrganisationService
from kanban_sec.services.session import Session
from kanban_sec.store.unit_of_work import reading


@pytest.fixture
def org(db):
    return OrganisationService(Session(db, "tester", "en"))


@pytest.fixture
def board(service, org):
    """A small organisation with one chain of two links and one open item on a link."""
    ids = {}
    ids["root"] = org.add_unit(None, "Kommune").row_id
    ids["it"] = org.add_unit(ids["root"], "IT").row_id
    ids["net"] = org.add_unit(ids["it"], "Team Nettverk").row_id
    ids["health"] = org.add_unit(ids["root"], "Helse").row_id
    ids["kari"] = org.add_person("Kari Nordmann", ids["net"], Role.OPERATIONAL).row_id
    ids["chain"] = org.add_chain("Medisindispenser", ids["health"]).row_id
    ids["device"] = org.add_link(
        ids["chain"],
        "Dispenser",
        kind="enhet",
        country="NO",
        responsible_unit_id=ids["net"],
        maturity=1,
    ).row_id
    ids["cloud"] = org.add_link(ids["chain"], "Sky", maturity=2).row_id
    ids["item"] = service.create_item(
        "Patch dispenser",
        chain="Medisindispenser",
        link="Dispenser",
        owner_unit="Team Nettverk",
        owner_person="Kari Nordmann",
    ).row_id
    return ids


def _changes(db) -> int:
    conn = sqlite3.connect(db.path)
    try:
        return conn.execute("SELECT count(*) FROM changes").fetchone()[0]
    finally:
        conn.close()


def _history(db, entity, row_id):
    with reading(db) as reader:
        return reader.history(entity, row_id)


def _refused(db, error_type, call, *args, **kwargs) -> KanbanError:
    """Run a call that must be refused; check it wrote nothing and speaks both languages."""
    before = _changes(db)
    with pytest.raises(error_type) as caught:
        call(*args, **kwargs)
    assert _changes(db) == before
    error = caught.value
    assert error.message("en") and error.message("nb")
    assert error.message("en") != error.message("nb")
    return error


# -- chains ------------------------------------------------------------------------------
def test_adding_a_chain_logs_its_fields(org, db, board):
    outcome = org.add_chain("  TT-kort   søknad ", board["health"], 2)
    assert outcome.changed and outcome.changes[0].entity == "chain"
    fields = _history(db, "chain", outcome.row_id)[0].fields
    assert fields["name"] == ("TT-kort søknad", None)
    assert fields["risk_owner_unit_id"] == (board["health"], None)
    assert fields["target_maturity"] == (2, None)


def test_renaming_a_chain_records_old_and_new_name(org, db, board):
    outcome = org.rename_chain(board["chain"], " Medisinrobot ")
    assert outcome.changes[0].fields["name"] == ("Medisinrobot", "Medisindispenser")
    assert _history(db, "chain", board["chain"])[-1].fields["name"][0] == "Medisinrobot"


def test_a_chain_name_is_required_and_unique_case_insensitively(org, db, board):
    org.add_chain("TT-kort")
    _refused(db, BadInput, org.rename_chain, board["chain"], "   ")
    _refused(db, BadInput, org.add_chain, "")
    error = _refused(db, Refused, org.rename_chain, board["chain"], "tt-KORT")
    assert "“TT-kort”" in error.message("en") and "«TT-kort»" in error.message("nb")
    _refused(db, Refused, org.add_chain, "medisindispenser")


def test_renaming_a_chain_to_its_own_name_in_other_case_is_allowed(org, board):
    outcome = org.rename_chain(board["chain"], "MEDISINDISPENSER")
    assert outcome.changes[0].fields["name"] == ("MEDISINDISPENSER", "Medisindispenser")


def test_changing_the_risk_owner_is_recorded(org, db, board):
    outcome = org.set_chain_risk_owner(board["chain"], board["it"])
    assert outcome.changes[0].fields["risk_owner_unit_id"] == (board["it"], board["health"])
    assert org.set_chain_risk_owner(board["chain"], None).changed
    _refused(db, NotFound, org.set_chain_risk_owner, board["chain"], "no-such-unit")


def test_target_maturity_is_0_to_3(org, db, board):
    outcome = org.set_target_maturity(board["chain"], 2)
    assert outcome.changes[0].fields["target_maturity"] == (2, 3)
    _refused(db, BadInput, org.set_target_maturity, board["chain"], 4)
    _refused(db, BadInput, org.set_target_maturity, board["chain"], -1)
    _refused(db, NotFound, org.set_target_maturity, "no-such-chain", 2)


def test_a_chain_in_use_by_open_items_cannot_be_deleted(org, db, board):
    error = _refused(db, InUse, org.delete_chain, board["chain"])
    assert "Medisindispenser" in error.message("en") and "open items (1)" in error.message("en")


def test_deleting_a_chain_tombstones_it_and_its_links(org, service, db, board):
    service.move(board["item"], Status.DONE)  # done items do not hold a chain
    outcome = org.delete_chain(board["chain"])
    tombstoned = {(c.entity, c.row_id) for c in outcome.changes if "deleted_at" in c.fields}
    assert tombstoned == {
        ("chain", board["chain"]),
        ("link", board["device"]),
        ("link", board["cloud"]),
    }
    with reading(db) as reader:
        assert board["chain"] not in reader.chains()
        assert not any(lk.chain_id == board["chain"] for lk in reader.links().values())


# -- links -------------------------------------------------------------------------------
def test_adding_a_link_logs_its_fields(org, db, board):
    outcome = org.add_link(
        board["chain"],
        " Mobilnett ",
        kind=" nettverk ",
        country="NO",
        responsible_unit_id=board["net"],
        maturity=2,
    )
    fields = _history(db, "link", outcome.row_id)[0].fields
    assert fields["name"] == ("Mobilnett", None)
    assert fields["kind"] == ("nettverk", None)
    assert fields["maturity"] == (2, None)
    assert fields["chain_id"] == (board["chain"], None)


def test_link_names_are_required_and_unique_within_their_chain(org, db, board):
    _refused(db, BadInput, org.add_link, board["chain"], " ")
    _refused(db, Refused, org.add_link, board["chain"], "SKY")
    _refused(db, Refused, org.rename_link, board["device"], "sky")
    other = org.add_chain("TT-kort").row_id
    assert org.add_link(other, "Sky").changed  # another chain may use the name


def test_renaming_a_link_is_recorded(org, board):
    outcome = org.rename_link(board["device"], "Dispenser i hjemmet")
    assert outcome.changes[0].fields["name"] == ("Dispenser i hjemmet", "Dispenser")


def test_link_fields_write_only_what_differs(org, db, board):
    outcome = org.set_link_fields(board["device"], "enhet", " SE ", None)
    assert set(outcome.changes[0].fields) == {"country", "responsible_unit_id", "updated_at"}
    assert outcome.changes[0].fields["country"] == ("SE", "NO")
    before = _changes(db)
    assert not org.set_link_fields(board["device"], "enhet", "SE", None).changed
    assert _changes(db) == before
    _refused(db, NotFound, org.set_link_fields, board["device"], "", "", "no-such-unit")


def test_link_maturity_is_0_to_3_and_recorded(org, db, board):
    outcome = org.set_link_maturity(board["device"], 3)
    assert outcome.changes[0].fields["maturity"] == (3, 1)
    _refused(db, BadInput, org.set_link_maturity, board["device"], 4)
    _refused(db, BadInput, org.add_link, board["chain"], "Ny", maturity=-1)
    _refused(db, NotFound, org.set_link_maturity, "no-such-link", 2)


def test_raising_a_links_maturity_re_ranks_the_board(org, service, board):
    before = service.entry(board["item"]).explanation("en")
    org.set_link_maturity(board["device"], 3)
    after = service.entry(board["item"]).explanation("en")
    assert "gap 2" in before and "gap 0" in after


def test_a_link_with_open_items_cannot_be_deleted(org, db, board):
    error = _refused(db, InUse, org.delete_link, board["device"])
    assert "Dispenser" in error.message("en")


def test_a_free_link_is_deleted_as_a_tombstone(org, service, db, board):
    outcome = org.delete_link(board["cloud"])
    assert outcome.changes[0].fields["deleted_at"][0]
    service.move(board["item"], Status.DONE)
    assert org.delete_link(board["device"]).changed  # done items do not hold a link


# -- units -------------------------------------------------------------------------------
def test_adding_a_unit_logs_its_name_and_parent(org, db, board):
    outcome = org.add_unit(board["it"], " Team  Klient ")
    fields = _history(db, "unit", outcome.row_id)[0].fields
    assert fields["name"] == ("Team Klient", None)
    assert fields["parent_id"] == (board["it"], None)


def test_unit_names_are_required_unique_among_siblings_and_slash_free(org, db, board):
    _refused(db, BadInput, org.add_unit, board["it"], "")
    error = _refused(db, Refused, org.add_unit, board["it"], "team nettverk")
    assert "IT" in error.message("en")
    top = _refused(db, Refused, org.add_unit, None, "KOMMUNE")
    assert "at the top level" in top.message("en") and "på øverste nivå" in top.message("nb")
    _refused(db, BadInput, org.add_unit, board["it"], "Drift / Nett")
    _refused(db, Refused, org.rename_unit, board["health"], "it")
    assert org.add_unit(board["health"], "Team Nettverk").changed  # another parent


def test_renaming_a_unit_is_recorded(org, board):
    outcome = org.rename_unit(board["net"], "Team Nett")
    assert outcome.changes[0].fields["name"] == ("Team Nett", "Team Nettverk")


def test_moving_a_unit_records_its_new_parent(org, board):
    outcome = org.move_unit(board["net"], board["health"])
    assert outcome.changes[0].fields["parent_id"] == (board["health"], board["it"])
    assert org.move_unit(board["net"], None).changed


def test_a_unit_cannot_move_below_itself(org, db, board):
    _refused(db, Refused, org.move_unit, board["it"], board["it"])
    error = _refused(db, Refused, org.move_unit, board["it"], board["net"])
    assert "Kommune / IT / Team Nettverk" in error.message("en")


def test_a_move_into_a_parent_with_a_namesake_is_refused(org, db, board):
    org.add_unit(board["health"], "team nettverk")
    _refused(db, Refused, org.move_unit, board["net"], board["health"])


def test_a_unit_in_use_says_every_reason(org, service, db, board):
    error = _refused(db, InUse, org.delete_unit, board["net"])
    text = error.message("en")
    assert "Kari Nordmann" in text and "open items (1)" in text and "Dispenser" in text
    assert len(error.reasons) == 3
    assert "IT" in _refused(db, InUse, org.delete_unit, board["it"]).message("en")
    owner = _refused(db, InUse, org.delete_unit, board["health"])
    assert "Medisindispenser" in owner.message("en")


def test_an_empty_unit_is_deleted_as_a_tombstone(org, db, board):
    unit = org.add_unit(board["it"], "Tom").row_id
    outcome = org.delete_unit(unit)
    assert outcome.changes[0].entity == "unit" and outcome.changes[0].fields["deleted_at"][0]
    with reading(db) as reader:
        assert unit not in reader.units()


# -- people ------------------------------------------------------------------------------
def test_adding_a_person_logs_name_unit_and_role(org, db, board):
    outcome = org.add_person("  Ola  Nordmann ", board["it"], "controlling")
    fields = _history(db, "person", outcome.row_id)[0].fields
    assert fields["name"] == ("Ola Nordmann", None)
    assert fields["unit_id"] == (board["it"], None)
    assert fields["role"] == ("controlling", None)


def test_person_names_are_required_and_unique_within_their_unit(org, db, board):
    _refused(db, BadInput, org.add_person, " ", board["net"])
    _refused(db, Refused, org.add_person, "kari nordmann", board["net"])
    ola = org.add_person("Ola", board["net"]).row_id
    _refused(db, Refused, org.rename_person, ola, "KARI NORDMANN")
    assert org.add_person("Kari Nordmann", board["it"]).changed  # another unit
    _refused(db, NotFound, org.add_person, "Per", "no-such-unit")


def test_roles_are_checked_and_changes_recorded(org, db, board):
    _refused(db, BadInput, org.add_person, "Per", board["net"], "boss")
    _refused(db, BadInput, org.set_role, board["kari"], "boss")
    outcome = org.set_role(board["kari"], Role.GOVERNING)  # nobody governs yet: anyone may
    assert outcome.changes[0].fields["role"] == ("governing", "operational")
    # Now Kari governs: roles are hers to give, not tester's.
    error = _refused(db, Refused, org.set_role, board["kari"], "kontrollerende")
    assert "may not change the organisation" in error.message("en")
    kari = OrganisationService(Session(db, "Kari Nordmann", "en"))
    assert (
        kari.set_role(board["kari"], "kontrollerende").changes[0].fields["role"][0] == "controlling"
    )


def test_renaming_a_person_is_recorded(org, board):
    outcome = org.rename_person(board["kari"], "Kari N. Nordmann")
    assert outcome.changes[0].fields["name"] == ("Kari N. Nordmann", "Kari Nordmann")


def test_a_person_owning_open_items_cannot_move_or_be_deleted(org, db, board):
    _refused(db, InUse, org.move_person, board["kari"], board["it"])
    error = _refused(db, InUse, org.delete_person, board["kari"])
    assert "Kari Nordmann" in error.message("en") and "open items (1)" in error.message("en")


def test_a_free_person_moves_and_is_deleted(org, service, db, board):
    service.move(board["item"], Status.DONE)
    outcome = org.move_person(board["kari"], board["it"])
    assert outcome.changes[0].fields["unit_id"] == (board["it"], board["net"])
    org.add_person("Kari Nordmann", board["net"])
    _refused(db, Refused, org.move_person, board["kari"], board["net"])  # namesake there
    assert org.delete_person(board["kari"]).changes[0].fields["deleted_at"][0]
    with reading(db) as reader:
        assert board["kari"] not in reader.people()


def test_moving_a_person_to_their_own_unit_writes_nothing(org, db, board):
    before = _changes(db)
    assert not org.move_person(board["kari"], board["net"]).changed
    assert _changes(db) == before


def test_every_write_is_authored(org, db, board):
    with reading(db) as reader:
        authors = {c.author for c in reader.changes_since(0)}
    assert authors == {"tester"}
