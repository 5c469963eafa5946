"""The chains and organisation dialogs on the example board: every edit is one logged
change that re-ranks the board at once; refusals show an error dialog and write nothing."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from kanban_sec.domain.model import Role
from kanban_sec.services.organisation import OrganisationService
from kanban_sec.services.session import Session
from kanban_sec.store.unit_of_work import reading
from kanban_sec.ui.chains_dialog import FLAG, NAME, OPEN, WEAKEST_MARK, ChainsDialog
from kanban_sec.ui.org_dialog import OrgDialog


@pytest.fixture
def org(db):
    # The example board's governing member: the organisation and the chains are theirs.
    return OrganisationService(Session(db, "Astrid Myklebust", "en"))


@pytest.fixture
def chains(qtbot, service, org, live):
    dialog = ChainsDialog(service, org, live)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


@pytest.fixture
def org_dialog(qtbot, org, live):
    dialog = OrgDialog(org, live)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _changes(db) -> int:
    conn = sqlite3.connect(db.path)
    try:
        return conn.execute("SELECT count(*) FROM changes").fetchone()[0]
    finally:
        conn.close()


def _chain(live, name):
    return next(c for c in live.board.chains.values() if c.name == name)


def _link(live, chain, name):
    return next(
        lk for lk in live.board.links.values() if lk.chain_id == chain.id and lk.name == name
    )


def _unit(live, name):
    return next(u for u in live.board.units.values() if u.name == name)


def _person(live, name):
    return next(p for p in live.board.people.values() if p.name == name)


def _open_on(live, link):
    return [i for i in live.items.values() if i.is_open and i.link_id == link.id]


def _boxes(dialog, name):
    """The visible message boxes called ``name`` that ``dialog`` opened."""
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox)
        and w.objectName() == name
        and w.isVisible()
        and w.parent() is dialog
    ]


def _flagged(dialog):
    """Names of the links table rows marked with ⚑."""
    return [
        dialog.links.item(row, NAME).text()
        for row in range(dialog.links.rowCount())
        if dialog.links.item(row, FLAG).text() == WEAKEST_MARK
    ]


# -- chains and links ----------------------------------------------------------------------
def test_raising_a_links_maturity_writes_a_change_and_re_ranks(qtbot, chains, live, service, db):
    chain = _chain(live, "Infrastruktur")
    link = _link(live, chain, "Active Directory")
    item_id = _open_on(live, link)[0].id
    before = live.ranking[item_id].explanation("en")
    assert "Weakest link in Infrastruktur (maturity 0/3)" in before
    chains.select_chain(chain.id)

    with qtbot.waitSignal(chains.changed) as signal:
        chains.maturity_picker(link.id).setCurrentIndex(3)

    outcome = signal.args[0]
    assert chains.outcomes == [outcome]
    assert [(c.entity, c.row_id, c.fields["maturity"]) for c in outcome.changes] == [
        ("link", link.id, (3, 0))
    ]
    with reading(db) as reader:
        assert reader.history("link", link.id)[-1].fields["maturity"] == (3, 0)
    after = live.ranking[item_id].explanation("en")
    assert after != before and "gap 0 = 0 (target reached)" in after
    assert "Weakest link in" not in after
    assert after == service.entry(item_id).explanation("en")  # the live board is current
    assert chains.maturity_picker(link.id).currentIndex() == 3


def test_the_weakest_mark_follows_the_weakest_link(chains, live):
    chain = _chain(live, "Infrastruktur")
    directory = _link(live, chain, "Active Directory")
    chains.select_chain(chain.id)
    assert _flagged(chains) == ["Active Directory"]
    assert chains.weakest_link_id(chain.id) == directory.id
    assert "Active Directory (maturity 0/3)" in chains.weakest_label.text()
    row = chains.link_row(directory.id)
    assert chains.links.item(row, OPEN).text() == str(len(_open_on(live, directory)))

    chains.maturity_picker(directory.id).setCurrentIndex(3)
    flagged = _flagged(chains)
    assert len(flagged) == 1 and flagged[0] != "Active Directory"
    new_weakest = live.board.links[chains.weakest_link_id(chain.id)]
    assert flagged == [new_weakest.name]
    assert new_weakest.maturity == min(
        lk.maturity
        for lk in live.board.links.values()
        if lk.chain_id == chain.id and _open_on(live, lk)
    )

    chains.maturity_picker(directory.id).setCurrentIndex(0)
    assert _flagged(chains) == ["Active Directory"]
    assert len(chains.outcomes) == 2


def test_deleting_a_link_in_use_shows_an_error_and_writes_nothing(qtbot, chains, live, db):
    chain = _chain(live, "Infrastruktur")
    link = _link(live, chain, "Active Directory")
    chains.select_chain(chain.id)
    chains.select_link(link.id)
    before = _changes(db)

    qtbot.mouseClick(chains.delete_link_button, Qt.MouseButton.LeftButton)

    errors = _boxes(chains, "error-dialog")
    assert len(errors) == 1
    assert "Active Directory" in errors[0].text() and "open items" in errors[0].text()
    assert _changes(db) == before and chains.outcomes == []
    assert link.id in live.board.links and chains.link_row(link.id) is not None
    errors[0].close()


def test_deleting_a_free_link_asks_first(qtbot, chains, live, db):
    chain = _chain(live, "Infrastruktur")
    link = _link(live, chain, "Brannmurer")
    assert not _open_on(live, link)
    chains.select_chain(chain.id)
    chains.select_link(link.id)

    qtbot.mouseClick(chains.delete_link_button, Qt.MouseButton.LeftButton)
    confirm = _boxes(chains, "confirm-dialog")
    assert len(confirm) == 1 and "Brannmurer" in confirm[0].text()
    confirm[0].button(QMessageBox.StandardButton.Yes).click()

    assert len(chains.outcomes) == 1
    assert chains.outcomes[0].changes[0].fields["deleted_at"][0]
    assert link.id not in live.board.links and chains.link_row(link.id) is None


def test_renaming_a_chain(qtbot, chains, live, db):
    chain = _chain(live, "TT-kort søknad")
    chains.select_chain(chain.id)
    chains.chain_name.selectAll()
    qtbot.keyClicks(chains.chain_name, "TT-kort (søknad og vedtak)")
    qtbot.keyClick(chains.chain_name, Qt.Key.Key_Return)

    assert len(chains.outcomes) == 1
    assert chains.outcomes[0].changes[0].fields["name"] == (
        "TT-kort (søknad og vedtak)",
        "TT-kort søknad",
    )
    assert live.board.chains[chain.id].name == "TT-kort (søknad og vedtak)"
    names = [
        chains.chains.topLevelItem(i).text(0) for i in range(chains.chains.topLevelItemCount())
    ]
    assert "TT-kort (søknad og vedtak)" in names and "TT-kort søknad" not in names
    assert chains.current_chain_id() == chain.id
    assert not _boxes(chains, "error-dialog")  # Return applied the name, and nothing else


def test_a_refused_chain_name_keeps_what_was_typed(qtbot, chains, live, db):
    chain = _chain(live, "TT-kort søknad")
    chains.select_chain(chain.id)
    before = _changes(db)
    chains.chain_name.setText("microsoft 365")
    chains.chain_name.editingFinished.emit()

    errors = _boxes(chains, "error-dialog")
    assert len(errors) == 1 and "Microsoft 365" in errors[0].text()
    assert _changes(db) == before and chains.outcomes == []
    assert chains.chain_name.text() == "microsoft 365"
    assert live.board.chains[chain.id].name == "TT-kort søknad"
    errors[0].close()


def test_adding_a_link_and_setting_its_fields(qtbot, chains, live):
    chain = _chain(live, "Medisindispenser")
    unit = _unit(live, "Team Velferdsteknologi")
    chains.select_chain(chain.id)
    qtbot.keyClicks(chains.new_link_name, "Nettbrett i hjemmetjenesten")
    qtbot.mouseClick(chains.add_link_button, Qt.MouseButton.LeftButton)

    link_id = chains.outcomes[-1].row_id
    assert chains.current_link_id() == link_id and chains.new_link_name.text() == ""
    chains.link_kind.setText("enhet")
    chains.link_kind.editingFinished.emit()
    chains.link_country.setText("NO")
    chains.link_country.editingFinished.emit()
    chains.link_unit.set_unit_id(unit.id)

    link = live.board.links[link_id]
    assert (link.name, link.kind, link.country, link.responsible_unit_id) == (
        "Nettbrett i hjemmetjenesten",
        "enhet",
        "NO",
        unit.id,
    )
    assert len(chains.outcomes) == 4
    assert chains.links.item(chains.link_row(link_id), OPEN).text() == "0"


def test_risk_owner_and_target_maturity_of_a_chain(chains, live):
    chain = _chain(live, "Microsoft 365")
    unit = _unit(live, "Internkontroll")
    chains.select_chain(chain.id)
    chains.risk_owner.set_unit_id(unit.id)
    chains.target.setCurrentIndex(2)
    assert live.board.chains[chain.id].risk_owner_unit_id == unit.id
    assert live.board.chains[chain.id].target_maturity == 2
    assert [c.fields.keys() - {"updated_at"} for o in chains.outcomes for c in o.changes] == [
        {"risk_owner_unit_id"},
        {"target_maturity"},
    ]


# -- organisation --------------------------------------------------------------------------
def test_adding_a_unit_and_a_person_with_a_role(qtbot, org_dialog, live, db):
    team = _unit(live, "Team Nettverk")
    org_dialog.select("unit", team.id)
    qtbot.keyClicks(org_dialog.new_unit_name, "Team Brannmur")
    qtbot.mouseClick(org_dialog.add_unit_button, Qt.MouseButton.LeftButton)

    unit_id = org_dialog.outcomes[-1].row_id
    assert live.board.units[unit_id].parent_id == team.id
    assert org_dialog.current() == ("unit", unit_id)

    qtbot.keyClicks(org_dialog.new_person_name, "Per Hansen")
    org_dialog.new_person_role.setCurrentIndex(
        org_dialog.new_person_role.findData(Role.CONTROLLING.value)
    )
    qtbot.mouseClick(org_dialog.add_person_button, Qt.MouseButton.LeftButton)

    person_id = org_dialog.outcomes[-1].row_id
    with reading(db) as reader:
        person = reader.people()[person_id]
    assert (person.name, person.unit_id, person.role) == ("Per Hansen", unit_id, Role.CONTROLLING)
    row = org_dialog.tree.currentItem()
    assert (row.text(0), row.text(1)) == ("Per Hansen", "Controlling")
    assert row.parent().text(0) == "Team Brannmur"
    assert len(org_dialog.outcomes) == 2


def test_roles_show_translated_and_change_in_place(org_dialog, live):
    person = _person(live, "Trude Fossum")
    org_dialog.select("person", person.id)
    assert org_dialog.tree.currentItem().text(1) == "Controlling"
    org_dialog.person_role.setCurrentIndex(org_dialog.person_role.findData(Role.GOVERNING.value))
    assert live.board.people[person.id].role is Role.GOVERNING
    assert org_dialog.tree.currentItem().text(1) == "Governing"
    assert org_dialog.outcomes[-1].changes[0].fields["role"] == ("governing", "controlling")


def test_renaming_and_moving_a_unit(qtbot, org_dialog, live):
    unit = _unit(live, "Personvernombudet")
    target = _unit(live, "Internkontroll")
    org_dialog.select("unit", unit.id)
    org_dialog.unit_name.setText("Personvernombud")
    org_dialog.unit_name.editingFinished.emit()
    org_dialog.unit_parent.set_unit_id(target.id)
    moved = live.board.units[unit.id]
    assert (moved.name, moved.parent_id) == ("Personvernombud", target.id)
    assert org_dialog.tree.currentItem().parent().text(0) == "Internkontroll"
    assert len(org_dialog.outcomes) == 2


def test_a_unit_cannot_be_moved_below_itself_in_the_picker(org_dialog, live):
    unit = _unit(live, "Helseetaten")
    below = _unit(live, "Hjemmetjenesten")
    org_dialog.select("unit", unit.id)
    picker = org_dialog.unit_parent
    model = picker.model()
    assert not model.item(picker.findData(below.id)).isEnabled()
    assert not model.item(picker.findData(unit.id)).isEnabled()


def test_deleting_a_unit_in_use_shows_every_reason_and_writes_nothing(qtbot, org_dialog, live, db):
    unit = _unit(live, "Team Nettverk")
    org_dialog.select("unit", unit.id)
    before = _changes(db)
    qtbot.mouseClick(org_dialog.delete_unit_button, Qt.MouseButton.LeftButton)

    errors = _boxes(org_dialog, "error-dialog")
    assert len(errors) == 1
    text = errors[0].text()
    assert "Kristian Vold" in text and "open items" in text
    assert _changes(db) == before and org_dialog.outcomes == []
    assert unit.id in live.board.units
    errors[0].close()


def test_deleting_an_empty_unit_asks_first(qtbot, org_dialog, live):
    parent = _unit(live, "Internkontroll")
    org_dialog.select("unit", parent.id)
    org_dialog.new_unit_name.setText("Midlertidig")
    org_dialog.add_unit_button.click()
    unit_id = org_dialog.outcomes[-1].row_id

    qtbot.mouseClick(org_dialog.delete_unit_button, Qt.MouseButton.LeftButton)
    _boxes(org_dialog, "confirm-dialog")[0].button(QMessageBox.StandardButton.Yes).click()

    assert unit_id not in live.board.units
    assert org_dialog.current() == ("unit", parent.id)
    assert len(org_dialog.outcomes) == 2


def test_a_person_owning_open_items_cannot_be_moved(qtbot, org_dialog, live, db):
    person = _person(live, "Kristian Vold")
    elsewhere = _unit(live, "Internkontroll")
    org_dialog.select("person", person.id)
    before = _changes(db)
    org_dialog.person_unit.set_unit_id(elsewhere.id)

    errors = _boxes(org_dialog, "error-dialog")
    assert len(errors) == 1 and "Kristian Vold" in errors[0].text()
    assert _changes(db) == before
    assert org_dialog.person_unit.unit_id() == person.unit_id  # the picker shows the truth
    errors[0].close()


def test_the_dialogs_offer_only_what_the_role_may_change(qtbot, db, service, live):
    engineer = OrganisationService(Session(db, "Henrik Dahl", "en"))
    dialog = OrgDialog(engineer, live)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.rights_label.isVisible() and not dialog.details.isEnabled()
    assert not dialog.add_box.isEnabled()

    chains = ChainsDialog(service, engineer, live)
    qtbot.addWidget(chains)
    chains.show()
    # Chains, their risk owners and targets are governance; links an engineer assesses.
    assert not chains.chain_name.isEnabled() and not chains.target.isEnabled()
    assert not chains.add_chain_button.isEnabled() and not chains.risk_owner.isEnabled()
    assert chains.links.isEnabled() and chains.add_link_button.isEnabled()

    control = ChainsDialog(service, OrganisationService(Session(db, "Trude Fossum", "en")), live)
    qtbot.addWidget(control)
    control.show()
    assert not control.links.isEnabled() and not control.add_link_button.isEnabled()
