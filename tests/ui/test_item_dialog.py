"""The item dialog: edits reach the services as one call of only what changed, bad values
cannot be saved, refusals show as error dialogs, and the owner picker proposes the lowest
level."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTextBrowser,
    QTreeWidget,
)

from kanban_sec.domain.model import ChecklistEntry, Status
from kanban_sec.services.board import BoardService
from kanban_sec.services.live_board import LiveBoard
from kanban_sec.services.session import Session
from kanban_sec.ui.item_dialog import ItemDialog
from kanban_sec.ui.owner_picker import OwnerPicker

PATCHING = "Patcheregime for nettbrett i hjemmetjenesten"  # backlog, Team Klient, Ola Brekke
VENDOR_MFA = "MFA på leverandørens supportilgang"  # owned by Hjemmetjenesten (not a leaf)
HOUSEKEEPING = ("updated_at", "status_changed_at", "started_at", "done_at")


def lead(service: BoardService) -> BoardService:
    """The example board's governing member: WIP limits are theirs to set."""
    return BoardService(service.session.acting_as("Astrid Myklebust"))


def item_id(live, title):
    return next(i.id for i in live.items.values() if i.title == title)


def unit_id(live, path):
    return next(u for u in live.board.units if live.unit_path(u) == path)


def open_dialog(qtbot, service, live, item_id):
    dialog = ItemDialog(service, live, item_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def child(dialog, kind, name):
    widget = dialog.findChild(kind, name)
    assert widget is not None, name
    return widget


def ok_button(dialog):
    return dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)


def choose(combo: QComboBox, text: str) -> None:
    index = combo.findText(text)
    assert index >= 0, f"{text!r} not in {[combo.itemText(i) for i in range(combo.count())]}"
    combo.setCurrentIndex(index)


def written_fields(outcome):
    """The item fields a service call wrote, without the times every write sets."""
    return {
        name
        for change in outcome.changes
        if change.entity == "item"
        for name in change.fields
        if name not in HOUSEKEEPING
    }


def error_dialogs():
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "error-dialog" and w.isVisible()
    ]


def test_edits_are_written_in_one_call_of_only_what_changed(qtbot, service, live):
    target = item_id(live, PATCHING)
    before = len(service.history(target))
    original = live.items[target]
    dialog = open_dialog(qtbot, service, live, target)
    assert dialog.objectName() == "item-dialog"

    child(dialog, QLineEdit, "item-title").setText("Patcheregime for nettbrett (Æøå)")
    child(dialog, QSpinBox, "item-likelihood").setValue(5)
    child(dialog, QLineEdit, "item-tags").setText("patching, nettbrett ;  mdm")
    with qtbot.waitSignal(dialog.changed, timeout=1000) as signal:
        dialog.accept()

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert len(dialog.outcomes) == 1 and signal.args == [dialog.outcomes[0]]
    assert written_fields(dialog.outcomes[0]) == {"title", "likelihood", "tags"}
    history = service.history(target)
    assert len(history) == before + 1
    assert history[-1].author == "tester"
    live.apply(dialog.outcomes[0])
    item = live.items[target]
    assert item.title == "Patcheregime for nettbrett (Æøå)"
    assert item.likelihood == 5
    assert item.tags == ["patching", "nettbrett", "mdm"]
    assert (item.consequence, item.description, item.owner_person_id) == (
        original.consequence,
        original.description,
        original.owner_person_id,
    )


def test_accepting_without_changes_writes_nothing(qtbot, service, live):
    target = item_id(live, PATCHING)
    before = len(service.history(target))
    dialog = open_dialog(qtbot, service, live, target)
    with qtbot.assertNotEmitted(dialog.changed):
        dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.outcomes == []
    assert len(service.history(target)) == before


def test_an_empty_title_disables_ok_and_says_why(qtbot, service, live):
    target = item_id(live, PATCHING)
    before = len(service.history(target))
    dialog = open_dialog(qtbot, service, live, target)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    title = child(dialog, QLineEdit, "item-title")
    assert ok_button(dialog).isEnabled()

    title.setFocus()
    qtbot.keyClick(title, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(title, "   ")  # the title typed over with blanks
    assert not ok_button(dialog).isEnabled()
    problem = child(dialog, QLabel, "item-title-problem")
    assert problem.isVisible() and "title is required" in problem.text()
    assert "title is required" in title.toolTip()
    dialog.accept()  # even when called directly, nothing is saved
    assert dialog.isVisible() and dialog.outcomes == []
    assert len(service.history(target)) == before

    title.setText("Back again")
    assert ok_button(dialog).isEnabled() and not problem.isVisible()


def test_likelihood_and_consequence_are_one_to_five_or_not_assessed(qtbot, service, live):
    dialog = open_dialog(qtbot, service, live, item_id(live, PATCHING))
    for name in ("item-likelihood", "item-consequence"):
        box = child(dialog, QSpinBox, name)
        box.setValue(9)
        assert box.value() == 5
        box.setValue(-3)
        # Below 1 there is one step only: "not assessed", never a judged 0.
        assert box.text() == "not assessed"
        qtbot.keyClick(box, Qt.Key.Key_Up)
        assert box.value() == 1 and box.text() == "1"
    assert dialog.changes() == {"likelihood": 1, "consequence": 1}
    child(dialog, QSpinBox, "item-consequence").setValue(0)
    assert dialog.changes() == {"likelihood": 1, "consequence": None}
    dialog.accept()
    item = service.entry(item_id(live, PATCHING)).item
    assert (item.likelihood, item.consequence) == (1, None)


def test_link_choices_are_the_links_of_the_chosen_chain(qtbot, service, live):
    dialog = open_dialog(qtbot, service, live, item_id(live, PATCHING))
    chain, link = child(dialog, QComboBox, "item-chain"), child(dialog, QComboBox, "item-link")

    choose(chain, "TT-kort søknad")
    tt = next(c.id for c in live.board.chains.values() if c.name == "TT-kort søknad")
    expected = {lk.id for lk in live.board.links.values() if lk.chain_id == tt}
    offered = [link.itemData(i) for i in range(link.count())]
    assert offered[0] is None and link.itemText(0) == "(the whole chain)"
    assert set(offered[1:]) == expected
    assert link.currentData() is None  # the old link was in another chain

    choose(chain, "(no chain)")
    assert link.count() == 1 and not link.isEnabled()


def test_changing_the_chain_writes_chain_and_link(qtbot, db):
    # Risk ownership stays with the service: the chain's risk owner hands the item over.
    service = BoardService(Session(db, "Astrid Myklebust", "en"))
    live = LiveBoard(service)
    target = item_id(live, PATCHING)
    dialog = open_dialog(qtbot, service, live, target)
    choose(child(dialog, QComboBox, "item-chain"), "Infrastruktur")
    link = child(dialog, QComboBox, "item-link")
    link.setCurrentIndex(
        next(i for i in range(link.count()) if link.itemText(i).startswith("Active Directory"))
    )
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert written_fields(dialog.outcomes[0]) == {"chain_id", "link_id"}
    entry = service.entry(target)
    assert (entry.chain, entry.link) == ("Infrastruktur", "Active Directory")


def test_an_engineer_cannot_move_an_item_to_another_risk_owners_chain(
    qtbot, service, live, monkeypatch
):
    shown: list[str] = []
    monkeypatch.setattr(
        "kanban_sec.ui.item_dialog.show_error",
        lambda _parent, error, *_: shown.append(error.message("en")),
    )
    target = item_id(live, PATCHING)
    dialog = open_dialog(qtbot, service, live, target)
    choose(child(dialog, QComboBox, "item-chain"), "Infrastruktur")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted  # still open, nothing written
    assert shown and "risk ownership stays with the service" in shown[0]
    assert service.entry(target).chain == "Medisindispenser"


def test_a_new_item_is_created_with_its_fields(qtbot, service, live):
    dialog = open_dialog(qtbot, service, live, None)
    assert dialog.windowTitle() == "New item"
    assert not ok_button(dialog).isEnabled()  # no title yet

    child(dialog, QLineEdit, "item-title").setText("Kartlegge leverandørtilganger")
    choose(child(dialog, QComboBox, "item-chain"), "Medisindispenser")
    choose(child(dialog, QComboBox, "item-link"), "Meldingsformidler (maturity 2/3)")
    child(dialog, QSpinBox, "item-likelihood").setValue(4)
    child(dialog, QSpinBox, "item-consequence").setValue(5)
    choose(child(dialog, QComboBox, "item-effort"), "M")
    child(dialog, QCheckBox, "item-no-due-date").setChecked(False)
    child(dialog, QDateEdit, "item-due-date").setDate(QDate(2031, 5, 17))
    child(dialog, QPlainTextEdit, "item-description").setPlainText("Hvem har **tilgang**?")
    dialog.accept()

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert len(dialog.outcomes) == 1
    new_id = dialog.outcomes[0].row_id
    assert dialog.item_id == new_id
    entry = service.entry(new_id)
    item = entry.item
    assert item.title == "Kartlegge leverandørtilganger"
    assert (entry.chain, entry.link) == ("Medisindispenser", "Meldingsformidler")
    assert (item.likelihood, item.consequence, item.effort.value) == (4, 5, "M")
    assert item.due_date.isoformat() == "2031-05-17"
    assert item.description == "Hvem har **tilgang**?"
    assert item.status is Status.BACKLOG


def test_checklist_entry_and_comment_are_saved(qtbot, service, live):
    target = item_id(live, VENDOR_MFA)
    dialog = open_dialog(qtbot, service, live, target)
    checklist = child(dialog, QListWidget, "item-checklist")
    start = checklist.count()

    child(dialog, QLineEdit, "item-checklist-new").setText("Slå på MFA for  support-kontoen")
    qtbot.mouseClick(child(dialog, QPushButton, "item-checklist-add"), Qt.MouseButton.LeftButton)
    assert checklist.count() == start + 1
    checklist.item(start).setCheckState(Qt.CheckState.Checked)

    comments = child(dialog, QListWidget, "item-comments")
    shown = comments.count()
    child(dialog, QPlainTextEdit, "item-comment-new").setPlainText("Avtalt med MedRobot.")
    qtbot.mouseClick(child(dialog, QPushButton, "item-comment-add"), Qt.MouseButton.LeftButton)
    assert comments.count() == shown + 1
    assert "tester" in comments.item(shown).text()
    assert all(c.body != "Avtalt med MedRobot." for c in service.comments(target))

    with qtbot.waitSignal(dialog.changed, timeout=1000):
        dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    item = service.entry(target).item
    assert item.checklist[-1] == ChecklistEntry("Slå på MFA for support-kontoen", True)
    comment = service.comments(target)[-1]
    assert (comment.author, comment.body) == ("tester", "Avtalt med MedRobot.")
    # One call: the checklist and the comment are one outcome (one undo step).
    assert [o.row_id for o in dialog.outcomes] == [target]
    assert {c.entity for c in dialog.outcomes[0].changes} == {"item", "comment"}


def test_a_comment_typed_but_not_added_is_not_lost(qtbot, service, live):
    target = item_id(live, PATCHING)
    dialog = open_dialog(qtbot, service, live, target)
    child(dialog, QPlainTextEdit, "item-comment-new").setPlainText("Skrevet, ikke lagt til")
    dialog.accept()
    assert service.comments(target)[-1].body == "Skrevet, ikke lagt til"


def test_history_tab_shows_the_change_log_readably(qtbot, service, live):
    target = item_id(live, PATCHING)
    service.set_fields(target, {"likelihood": "2", "status": "next"})
    live.reload()
    dialog = open_dialog(qtbot, service, live, target)
    table = child(dialog, QTableWidget, "item-history")
    rows = [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]
    assert rows, "no history rows"
    fields = [row[2] for row in rows]
    assert "Title" in fields  # from the creation
    likelihood = next(row for row in rows if row[2] == "Likelihood")
    assert likelihood[1] == "tester" and likelihood[4] == "2"
    column = next(row for row in rows if row[2] == "Column")
    assert (column[3], column[4]) == ("Backlog", "Next")
    owner = next(row for row in rows if row[2] == "Owner unit")
    assert owner[4].endswith("Drift / Team Klient")  # a path, not an id
    assert not any("_id" in field or field == "updated_at" for field in fields)


def test_description_preview_renders_markdown(qtbot, service, live):
    dialog = open_dialog(qtbot, service, live, item_id(live, PATCHING))
    child(dialog, QPlainTextEdit, "item-description").setPlainText("# Plan\n\n- **én** ting")
    preview = child(dialog, QTextBrowser, "item-description-preview")
    qtbot.waitUntil(lambda: preview.toPlainText().startswith("Plan"), timeout=2000)
    assert "én ting" in preview.toPlainText()
    assert "**" not in preview.toPlainText()


def test_read_only_info_shows_rank_explanation_and_risk_owner(qtbot, service, live):
    target = item_id(live, VENDOR_MFA)
    dialog = open_dialog(qtbot, service, live, target)
    ranked = live.ranking[target]
    assert child(dialog, QLabel, "item-explanation").text() == ranked.explanation("en")
    assert f"Rank {ranked.rank} " in child(dialog, QLabel, "item-rank").text()
    risk_owner = live.risk_owner(live.items[target])
    assert risk_owner in child(dialog, QLabel, "item-risk-owner").text()


def test_owner_picker_shows_people_with_their_roles(qtbot, live):
    picker = OwnerPicker(live, item_id(live, PATCHING))
    qtbot.addWidget(picker)
    tree = picker.findChild(QTreeWidget, "owner-tree")
    rows = tree.findItems(
        "Astrid Myklebust", Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive
    )
    assert len(rows) == 1 and rows[0].text(1) == "governing"
    assert rows[0].parent().text(0) == "Hjemmetjenesten"
    person = live.items[item_id(live, PATCHING)].owner_person_id
    assert picker.selected() == (live.board.people[person].unit_id, person)


def test_owner_picker_proposes_the_lowest_level(qtbot, service, live):
    target = item_id(live, VENDOR_MFA)
    owner = live.items[target].owner_unit_id
    assert not live.tree.is_leaf(owner)
    suggestion = live.delegation(target)
    assert suggestion.can_be_delegated and len(suggestion.units) == 1
    team = suggestion.units[0]
    assert live.unit_path(team).endswith("Team Velferdsteknologi")

    dialog = open_dialog(qtbot, service, live, target)
    picker = dialog.findChild(OwnerPicker, "owner-picker")
    label = child(picker, QLabel, "owner-suggestion")
    assert label.text().startswith("Suggested (lowest level):")
    assert "Team Velferdsteknologi" in label.text()
    assert "Hjemmetjenesten" in child(picker, QLabel, "owner-risk-owner").text()
    assert picker.selected() == (owner, None)

    with qtbot.waitSignal(picker.selection_changed, timeout=1000) as signal:
        qtbot.mouseClick(
            child(picker, QPushButton, "owner-use-suggestion"), Qt.MouseButton.LeftButton
        )
    assert picker.selected() == (team, None)
    assert signal.args == [team, None]
    assert "Team Velferdsteknologi" in child(dialog, QLabel, "item-owner").text()

    dialog.accept()
    assert written_fields(dialog.outcomes[0]) == {"owner_unit_id"}
    live.apply(dialog.outcomes[0])
    assert live.items[target].owner_unit_id == team


def test_owner_picker_set_selected_chooses_a_person_in_their_unit(qtbot, live):
    picker = OwnerPicker(live, None)
    qtbot.addWidget(picker)
    assert picker.selected() == (None, None)
    person = next(p for p in live.board.people.values() if p.name == "Sunniva Lie")
    picker.set_selected(person.unit_id, person.id)
    assert picker.selected() == (person.unit_id, person.id)
    picker.set_selected(None, None)
    assert picker.selected() == (None, None)


def test_a_refused_move_shows_an_error_and_writes_nothing(qtbot, service, live):
    lead(service).set_wip_limit(Status.DOING, 1, hard=True)
    live.reload()
    target = item_id(live, PATCHING)
    before = len(service.history(target))
    dialog = open_dialog(qtbot, service, live, target)
    status = child(dialog, QComboBox, "item-status")
    status.setCurrentIndex(status.findData(Status.DOING.value))
    child(dialog, QSpinBox, "item-likelihood").setValue(1)

    with qtbot.assertNotEmitted(dialog.changed):
        dialog.accept()

    boxes = error_dialogs()
    assert len(boxes) == 1
    assert "Doing" in boxes[0].text() or "doing" in boxes[0].text().lower()
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.outcomes == []
    assert len(service.history(target)) == before
    assert service.entry(target).item.status is Status.BACKLOG
    # Every edit is still there to fix and save again.
    assert status.currentData() == Status.DOING.value
    assert child(dialog, QSpinBox, "item-likelihood").value() == 1
    boxes[0].close()

    status.setCurrentIndex(status.findData(Status.NEXT.value))
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert written_fields(dialog.outcomes[0]) == {"status", "likelihood"}


def test_blocked_pinned_and_due_date_are_saved(qtbot, service, live):
    target = item_id(live, PATCHING)
    dialog = open_dialog(qtbot, service, live, target)
    child(dialog, QLineEdit, "item-blocked-reason").setText("Venter på MDM-lisens")
    child(dialog, QLineEdit, "item-pin-reason").setText("Tilsyn neste uke")
    child(dialog, QCheckBox, "item-no-due-date").setChecked(False)
    child(dialog, QDateEdit, "item-due-date").setDate(QDate(2030, 1, 31))
    dialog.accept()
    assert len(dialog.outcomes) == 1
    item = service.entry(target).item
    assert item.blocked_reason == "Venter på MDM-lisens" and item.blocked_at is not None
    assert item.pin_reason == "Tilsyn neste uke" and item.pinned
    assert item.due_date.isoformat() == "2030-01-31"

    again = open_dialog(qtbot, service, live.__class__(service), target)
    child(again, QLineEdit, "item-blocked-reason").setText("")
    child(again, QLineEdit, "item-pin-reason").setText("")
    child(again, QCheckBox, "item-no-due-date").setChecked(True)
    again.accept()
    item = service.entry(target).item
    assert not item.blocked and not item.pinned and item.due_date is None


def test_a_pin_reason_that_reads_like_yes_is_kept_as_written(qtbot, service, live):
    target = item_id(live, PATCHING)
    dialog = open_dialog(qtbot, service, live, target)
    child(dialog, QLineEdit, "item-pin-reason").setText("Ja")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    item = service.entry(target).item
    assert item.pinned and item.pin_reason == "Ja"


def test_return_in_a_new_checklist_entry_adds_it_and_keeps_the_dialog_open(qtbot, service, live):
    dialog = open_dialog(qtbot, service, live, item_id(live, PATCHING))
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)  # Chec&klist
    entry = child(dialog, QLineEdit, "item-checklist-new")
    qtbot.waitUntil(entry.isVisible)
    entry.setFocus()
    qtbot.keyClicks(entry, "Test one dispenser")
    qtbot.keyClick(entry, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    checklist = child(dialog, QListWidget, "item-checklist")
    assert checklist.item(checklist.count() - 1).text() == "Test one dispenser"
    assert entry.text() == ""


def test_a_new_item_opens_without_an_error_and_says_a_missing_title_once(qtbot, service, live):
    dialog = open_dialog(qtbot, service, live, None)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    problem = child(dialog, QLabel, "item-title-problem")
    assert not problem.isVisible() and child(dialog, QLabel, "item-problems").text() == ""
    assert not ok_button(dialog).isEnabled()  # nothing to save yet
    title = child(dialog, QLineEdit, "item-title")
    qtbot.keyClicks(title, "X")
    qtbot.keyClick(title, Qt.Key.Key_Backspace)  # typed and emptied again
    assert problem.isVisible() and problem.text() == "A title is required."
    assert "title" not in child(dialog, QLabel, "item-problems").text()


def test_likelihood_and_consequence_use_the_ros_matrix_words(qtbot, service, live):
    from kanban_sec.ui.ros_matrix import consequence_label, likelihood_label

    dialog = open_dialog(qtbot, service, live, item_id(live, PATCHING))
    likelihood = child(dialog, QSpinBox, "item-likelihood")
    consequence = child(dialog, QSpinBox, "item-consequence")
    likelihood.setFocus()
    qtbot.keyClick(likelihood, Qt.Key.Key_Up)
    word = child(dialog, QLabel, "item-likelihood-word").text()
    assert word == likelihood_label(likelihood.value()).split(" ", 1)[1]
    assert (
        child(dialog, QLabel, "item-consequence-word").text()
        == consequence_label(consequence.value()).split(" ", 1)[1]
    )
    # The same words as the matrix's headers, at both ends of the tooltips.
    assert (
        likelihood_label(1) in likelihood.toolTip() and likelihood_label(5) in likelihood.toolTip()
    )
    assert "rare" not in likelihood.toolTip() and "almost certain" not in likelihood.toolTip()


def test_history_tab_says_when_an_item_came_to_need_verification(qtbot, service, live):
    target = item_id(live, PATCHING)
    service.set_fields(target, {"classification": "confidential"})  # the policy: verify it
    service.move(target, Status.VERIFY)
    live.reload()
    dialog = open_dialog(qtbot, service, live, target)
    table = child(dialog, QTableWidget, "item-history")
    rows = [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]
    flagged = [row for row in rows if row[2] == "Needs verification"]
    assert [row[3:] for row in flagged] == [["no", "yes"]]  # not at creation: nothing set
    assert rows.index(flagged[0]) < rows.index(next(r for r in rows if r[2] == "Title"))
