"""The first-run choices and 'Who am I' (picked or new, remembered per board)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QWidget

from kanban_sec.domain.errors import ImportProblems
from kanban_sec.domain.model import Role
from kanban_sec.services.board import BoardService
from kanban_sec.services.session import Session
from kanban_sec.store.database import open_database
from kanban_sec.store.unit_of_work import reading
from kanban_sec.ui.first_run import FirstRunDialog, apply_first_run
from kanban_sec.ui.whoami import (
    WhoAmIDialog,
    ask_who_am_i,
    forget_person,
    remember_person,
    remembered_person,
)


@pytest.fixture
def empty_service(tmp_path):
    db = open_database(tmp_path / "new.sqlite", daily_backup=False)
    yield BoardService(Session(db, "tester", "en"))
    db.close()


def _people(service):
    with reading(service.db) as reader:
        return reader.people()


def _item_count(service):
    return len(service.view().entries)


# -- first run -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("button", "choice"), [("first-run-demo", "demo"), ("first-run-empty", "empty")]
)
def test_first_run_buttons_choose(qtbot, button, choice):
    dialog = FirstRunDialog(db_path="/tmp/board.sqlite")
    qtbot.addWidget(dialog)
    dialog.open()
    assert dialog.objectName() == "first-run"
    with qtbot.waitSignal(dialog.accepted):
        dialog.findChild(type(dialog.demo_button), button).click()
    assert dialog.choice() == choice
    assert dialog.import_path() is None


def test_first_run_import_asks_for_a_file_then_chooses_it(qtbot, tmp_path):
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.import_button.click()
    files = dialog.file_dialog
    assert isinstance(files, QFileDialog) and files.isVisible()
    path = tmp_path / "backlog.csv"
    path.write_text("title\nSak\n", encoding="utf-8")
    with qtbot.waitSignal(dialog.accepted):
        files.fileSelected.emit(str(path))
    assert dialog.choice() == "import"
    assert dialog.import_path() == path


def test_closing_the_first_run_dialog_chooses_nothing(qtbot):
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.reject()
    assert dialog.choice() is None


def test_apply_first_run_demo_fills_an_empty_board(empty_service):
    assert _item_count(empty_service) == 0
    outcome = apply_first_run("demo", empty_service)
    assert outcome is not None and outcome.counts["items"] > 0
    assert _item_count(empty_service) == outcome.counts["items"]
    assert _people(empty_service)


def test_apply_first_run_empty_does_nothing(empty_service):
    assert apply_first_run("empty", empty_service) is None
    assert apply_first_run(None, empty_service) is None
    assert _item_count(empty_service) == 0


def test_apply_first_run_import(empty_service, tmp_path):
    path = tmp_path / "start.csv"
    path.write_bytes("title,owner_unit\r\nFørste sak,Kommune / IT\r\n".encode("utf-8-sig"))
    outcome = apply_first_run("import", empty_service, path)
    assert outcome is not None and outcome.counts["created"] == 1
    assert [e.item.title for e in empty_service.view().entries] == ["Første sak"]
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"title,likelihood\r\nA,9\r\n")
    with pytest.raises(ImportProblems):
        apply_first_run("import", empty_service, bad)
    assert _item_count(empty_service) == 1
    with pytest.raises(ValueError):
        apply_first_run("import", empty_service)


# -- who am I ------------------------------------------------------------------------------


def test_pick_an_existing_person(qtbot, service):
    people = _people(service)
    me = sorted(people.values(), key=lambda p: p.name)[1]
    dialog = WhoAmIDialog(service)
    qtbot.addWidget(dialog)
    dialog.open()
    assert dialog.objectName() == "who-am-i"
    assert dialog.model.rowCount() == len(people)
    assert not dialog.ok_button.isEnabled()
    dialog.search.setText(me.name.split()[0].upper())  # case-insensitive search
    assert 1 <= dialog.proxy.rowCount() < len(people)
    shown = [dialog.proxy.index(r, 0).data() for r in range(dialog.proxy.rowCount())]
    assert me.name in shown
    assert dialog.select_person(me.id)
    assert dialog.ok_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted):
        dialog.ok_button.click()
    assert dialog.person_id() == me.id
    assert remembered_person(service.db.path) == me.id


def test_search_matches_unit_and_role_too(qtbot, service):
    dialog = WhoAmIDialog(service)
    qtbot.addWidget(dialog)
    dialog.search.setText("controlling")
    controllers = [p for p in _people(service).values() if p.role is Role.CONTROLLING]
    assert dialog.proxy.rowCount() == len(controllers)
    some_unit = dialog.model.index(0, dialog.UNIT).data().split(" / ")[-1]
    dialog.search.setText(some_unit)
    assert dialog.proxy.rowCount() >= 1


def test_create_a_new_person(qtbot, empty_service):
    # A board nobody governs yet: the first person may take any role and make units.
    service = empty_service
    before = _people(service)
    dialog = WhoAmIDialog(service)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.fill_new_person("Kari  Nordmann", "Oslo kommune / Ny enhet / Team Test", "controlling")
    assert dialog.ok_button.isEnabled()
    assert "new unit" in dialog.unit_hint.text()
    with qtbot.waitSignal(dialog.accepted):
        dialog.ok_button.click()
    person_id = dialog.person_id()
    people = _people(service)
    assert person_id not in before and person_id in people
    person = people[person_id]
    assert person.name == "Kari Nordmann"
    assert person.role is Role.CONTROLLING
    with reading(service.db) as reader:
        units = reader.units()
    assert units[person.unit_id].name == "Team Test"
    assert remembered_person(service.db.path, service) == person_id


def test_a_new_person_in_an_existing_unit_chosen_from_the_list(qtbot, service):
    dialog = WhoAmIDialog(service)
    qtbot.addWidget(dialog)
    dialog.tabs.setCurrentIndex(dialog.CREATE)
    dialog.unit_box.setCurrentIndex(2)
    unit_id = dialog.unit_box.currentData()
    dialog.name_edit.setText("Ola Testesen")
    assert dialog.unit_hint.text() == ""  # an existing unit: nothing to warn about
    dialog.role_box.setCurrentIndex(dialog.role_box.findData("operational"))
    dialog.accept()
    person = _people(service)[dialog.person_id()]
    assert (person.unit_id, person.role) == (unit_id, Role.OPERATIONAL)


def test_on_a_governed_board_a_newcomer_cannot_give_themselves_a_governing_role(qtbot, service):
    before = _people(service)
    dialog = WhoAmIDialog(service)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.tabs.setCurrentIndex(dialog.CREATE)
    dialog.unit_box.setCurrentIndex(2)
    dialog.name_edit.setText("Ola Testesen")
    dialog.role_box.setCurrentIndex(dialog.role_box.findData("controlling"))
    dialog.ok_button.click()
    assert dialog.isVisible() and dialog.person_id() is None
    assert (
        "may not change the organisation and the chains: that takes the governing role"
        in dialog.error_box.text()
    )
    assert _people(service) == before
    dialog.error_box.close()


def test_a_typed_tail_of_a_path_is_flagged_before_it_makes_a_new_unit(qtbot, service):
    dialog = WhoAmIDialog(service)
    qtbot.addWidget(dialog)
    full = dialog.unit_box.itemText(dialog.unit_box.count() - 1)
    tail = full.split(" / ")[-1]
    dialog.fill_new_person("Per", tail.lower(), Role.OPERATIONAL)
    if tail.casefold() != full.casefold():
        assert "did you mean" in dialog.unit_hint.text()
        assert full in dialog.unit_hint.text()


def test_an_empty_board_opens_on_adding_yourself(qtbot, empty_service):
    dialog = WhoAmIDialog(empty_service)
    qtbot.addWidget(dialog)
    assert dialog.tabs.currentIndex() == dialog.CREATE
    assert dialog.nobody.isVisibleTo(dialog.tabs.widget(dialog.PICK))
    assert not dialog.ok_button.isEnabled()
    dialog.fill_new_person("Eva", "Kommune / IT", "operational")
    dialog.accept()
    assert _people(empty_service)[dialog.person_id()].role is Role.OPERATIONAL


def test_a_bad_new_person_is_a_message_and_the_dialog_stays(qtbot, service, monkeypatch):
    from kanban_sec.domain.errors import BadInput

    def refuse(*_args, **_kwargs):
        raise BadInput("value.required")

    monkeypatch.setattr(service, "add_person", refuse)
    dialog = WhoAmIDialog(service)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.fill_new_person("Ny", "Kommune", "operational")
    dialog.ok_button.click()
    assert dialog.isVisible() and dialog.person_id() is None
    assert isinstance(dialog.error_box, QMessageBox)
    assert dialog.error_box.text() == "a value is required"


def test_the_choice_round_trips_through_qsettings(tmp_path):
    db_path = tmp_path / "board.sqlite"
    assert remembered_person(db_path) is None
    remember_person(db_path, "0190-abc")
    assert remembered_person(db_path) == "0190-abc"
    assert remembered_person(str(db_path)) == "0190-abc"
    assert QSettings().value(f"whoami/{db_path}") == "0190-abc"
    assert remembered_person(tmp_path / "other.sqlite") is None
    forget_person(db_path)
    assert remembered_person(db_path) is None


def test_ask_again_when_the_remembered_person_is_gone(qtbot, service):
    chosen = []
    remember_person(service.db.path, "no-such-person")
    assert remembered_person(service.db.path) == "no-such-person"
    assert remembered_person(service.db.path, service) is None
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    dialog = ask_who_am_i(window, service, chosen.append)
    assert isinstance(dialog, WhoAmIDialog) and dialog.isVisible()
    me = next(iter(_people(service)))
    dialog.select_person(me)
    dialog.ok_button.click()
    assert chosen == [me]
    # Known now: no dialog the next time.
    assert ask_who_am_i(window, service, chosen.append) is None
    assert chosen == [me, me]


def test_the_user_named_by_kanban_sec_user_acts_without_being_asked(qtbot, db_path, monkeypatch):
    """Nobody chosen under Who am I yet: the person named as the user is the one acting,
    shown in the status bar with their role, as the command line finds them."""
    from PySide6.QtWidgets import QLabel

    from kanban_sec.app import create_main_window

    monkeypatch.setenv("KANBAN_SEC_USER", "astrid myklebust")
    window = create_main_window(db_path)
    qtbot.addWidget(window)
    assert window.findChild(QLabel, "status-person").text() == "Astrid Myklebust (governing)"
    assert window.service.person_id is not None
    window.close()


def test_first_run_says_what_protects_the_board(qtbot):
    from kanban_sec import runtime
    from kanban_sec.domain.text import t
    from kanban_sec.ui import i18n

    dialog = FirstRunDialog(db_path="/tmp/board.sqlite")
    qtbot.addWidget(dialog)
    label = dialog.findChild(QLabel, "first-run-protection")
    assert label is not None
    assert label.text() == t(runtime.protection_key(), i18n.current_language()) + "."
    assert "0600" in label.text()
