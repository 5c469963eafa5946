"""The annual wheel edited in the window: add, change and retire activities with the rule in
plain words (the RRULE underneath), a phrase not understood said so, overdue marked."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QListWidget, QMessageBox

from kanban_sec.services.session import Session
from kanban_sec.ui.activity_dialog import ActivityDialog
from kanban_sec.ui.wheel_dialog import AnnualWheelDialog


def _open_wheel(qtbot, window) -> AnnualWheelDialog:
    """Ctrl+Shift+Y on the board, as a person opens the annual wheel."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    qtbot.keyClick(
        QApplication.focusWidget() or window,
        Qt.Key.Key_Y,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(
        lambda: any(
            isinstance(w, AnnualWheelDialog) and w.isVisible()
            for w in QApplication.topLevelWidgets()
        ),
        timeout=5000,
    )
    return next(
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, AnnualWheelDialog) and w.isVisible()
    )


def _form(qtbot, wheel: AnnualWheelDialog, button: str) -> ActivityDialog:
    qtbot.mouseClick(wheel.findChild(type(wheel.add_button), button), Qt.MouseButton.LeftButton)
    forms = [f for f in wheel.findChildren(ActivityDialog) if f.isVisible()]
    assert len(forms) == 1
    return forms[0]


def _choose(list_widget: QListWidget, title: str) -> None:
    for row in range(list_widget.count()):
        if list_widget.item(row).text().startswith(title):
            list_widget.setCurrentRow(row)
            return
    raise AssertionError(f"{title} is not in the list")


def _row(db_path, query, *params):
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(query, params).fetchall()
    finally:
        conn.close()


def _ok(form: ActivityDialog):
    return form.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_a_new_activity_in_plain_words_shows_the_rrule_and_lands_on_the_wheel(
    qtbot, window_as, db_path
):
    wheel = _open_wheel(qtbot, window_as("Mona Strand"))
    form = _form(qtbot, wheel, "wheel-add")
    assert not _ok(form).isEnabled()  # no title, no rule yet
    qtbot.keyClicks(form.title, "Phishingøvelse for driftsteamene")
    qtbot.keyClicks(form.when, "siste fredag i hver måned")
    assert form.words.text() == "Last Friday of every month"
    assert form.rrule.text() == "RRULE: FREQ=MONTHLY;BYDAY=-1FR"
    assert form.next_days.text().startswith("Next: ")
    assert not form.problem.isVisible() and _ok(form).isEnabled()
    assert form.starts_on() == date.today()  # from today unless told
    form.starts.setDate(QDate(date.today().year, 1, 1))
    form.chain.setCurrentIndex(form.chain.findText("Infrastruktur"))
    form.link.setCurrentIndex(
        form.link.findData(
            _row(db_path, "SELECT id FROM links WHERE name = 'Serverplattform'")[0][0]
        )
    )
    form.likelihood.setFocus()
    qtbot.keyClick(form.likelihood, Qt.Key.Key_Down)  # 3 -> 2
    form.consequence.setValue(4)
    qtbot.mouseClick(_ok(form), Qt.MouseButton.LeftButton)
    stored = _row(
        db_path,
        "SELECT a.rrule, l.name, a.likelihood, a.consequence, a.active"
        " FROM activities a JOIN links l ON l.id = a.link_id"
        " WHERE a.title = 'Phishingøvelse for driftsteamene'",
    )
    assert stored == [("FREQ=MONTHLY;BYDAY=-1FR", "Serverplattform", 2, 4, 1)]
    # The wheel shows it on its twelve days this year, and the list and detail name it.
    mine = [e for e in wheel.view.entries if e.title == "Phishingøvelse for driftsteamene"]
    assert len(mine) == 12 and all(e.day.weekday() == 4 for e in mine)
    assert wheel.activities.currentItem().text().startswith("Phishingøvelse for driftsteamene")
    detail = wheel.detail.toPlainText()
    assert "When: Last Friday of every month" in detail
    assert "RRULE: FREQ=MONTHLY;BYDAY=-1FR" in detail
    assert "Infrastruktur › Serverplattform" in detail


def test_a_phrase_not_understood_is_said_under_the_field_and_nothing_is_saved(
    qtbot, window_as, db_path
):
    wheel = _open_wheel(qtbot, window_as("Mona Strand"))
    form = _form(qtbot, wheel, "wheel-add")
    qtbot.keyClicks(form.title, "Noe")
    qtbot.keyClicks(form.when, "every banana")
    assert form.problem.isVisible()
    assert "“banana” does not fit here" in form.problem.text()
    assert "second Tuesday of every month" in form.problem.text()
    assert not form.words.isVisible() and not form.rrule.isVisible()
    assert not _ok(form).isEnabled()
    qtbot.keyClick(form.when, Qt.Key.Key_Return)  # Return does not save it either
    assert _row(db_path, "SELECT count(*) FROM activities WHERE title = 'Noe'") == [(0,)]
    # Mending the phrase mends the form; an RRULE is words too.
    form.when.clear()
    qtbot.keyClicks(form.when, "FREQ=YEARLY;BYMONTH=3;BYDAY=1MO")
    assert form.words.text() == "Every year on the first Monday in March"
    assert not form.problem.isVisible() and _ok(form).isEnabled()
    form.when.setText("every year on 30 February")
    assert "never falls" in form.problem.text() and not _ok(form).isEnabled()


def test_change_an_activity_by_its_words_and_defaults(qtbot, window_as, db_path):
    wheel = _open_wheel(qtbot, window_as("Mona Strand"))
    _choose(wheel.activities, "Månedlig patching av servere")
    form = _form(qtbot, wheel, "wheel-edit")
    assert form.when.text() == "Second Tuesday of every month"  # shown in words
    assert form.rrule.text() == "RRULE: FREQ=MONTHLY;BYDAY=2TU"
    assert form.link.currentText().startswith("Serverplattform")
    form.when.selectAll()
    qtbot.keyClicks(form.when, "hver virkedag")
    assert form.words.text() == "Every weekday"
    form.consequence.setValue(5)
    qtbot.mouseClick(_ok(form), Qt.MouseButton.LeftButton)
    assert _row(
        db_path,
        "SELECT rrule, consequence FROM activities WHERE title = 'Månedlig patching av servere'",
    ) == [("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", 5)]
    assert "When: Every weekday" in wheel.detail.toPlainText()
    # Cancel changes nothing.
    form = _form(qtbot, wheel, "wheel-edit")
    form.title.setText("Something else")
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert _row(db_path, "SELECT count(*) FROM activities WHERE title = 'Something else'") == [(0,)]


def test_retire_keeps_history_and_items_and_bring_back_undoes_it(qtbot, window_as, db_path):
    wheel = _open_wheel(qtbot, window_as("Mona Strand"))
    title = "Gjenopprettingstest av sikkerhetskopi"
    items = _row(
        db_path,
        "SELECT count(*) FROM items i JOIN activities a"
        " ON a.id = i.activity_id WHERE a.title = ? AND i.deleted_at IS NULL",
        title,
    )
    _choose(wheel.activities, title)
    assert wheel.retire_button.text() == "&Retire"
    qtbot.mouseClick(wheel.retire_button, Qt.MouseButton.LeftButton)
    assert _row(db_path, "SELECT active FROM activities WHERE title = ?", title) == [(0,)]
    assert not [e for e in wheel.view.entries if e.title == title]  # no more dates
    row = wheel.activities.currentItem()
    assert row.text() == f"{title} (retired)" and row.font().italic()
    assert wheel.activities.item(wheel.activities.count() - 1) is row  # after those in use
    assert "Retired: it makes no more items" in wheel.detail.toPlainText()
    assert wheel.retire_button.text() == "&Bring back"
    assert (
        _row(
            db_path,
            "SELECT count(*) FROM items i JOIN activities a"
            " ON a.id = i.activity_id WHERE a.title = ? AND i.deleted_at IS NULL",
            title,
        )
        == items
    )
    qtbot.mouseClick(wheel.retire_button, Qt.MouseButton.LeftButton)
    assert _row(db_path, "SELECT active FROM activities WHERE title = ?", title) == [(1,)]
    assert [e for e in wheel.view.entries if e.title == title]
    assert wheel.activities.currentItem().text().startswith(title)
    assert "(retired)" not in wheel.activities.currentItem().text()


def test_an_occurrence_past_its_day_with_its_item_still_open_shows_overdue(
    qtbot, db, live, db_path
):
    from kanban_sec.services.annual_wheel import AnnualWheel

    title, due = _row(
        db_path,
        "SELECT a.title, i.due_date FROM items i JOIN activities a"
        " ON a.id = i.activity_id WHERE i.status != 'done'"
        " AND i.deleted_at IS NULL ORDER BY i.due_date DESC LIMIT 1",
    )[0]
    day = date.fromisoformat(due)
    wheel = AnnualWheelDialog(
        AnnualWheel(Session(db, "Mona Strand")), live, today=day + timedelta(days=1)
    )
    qtbot.addWidget(wheel)
    wheel.year.setValue(day.year)
    entry = next(e for e in wheel.view.entries if e.title == title and e.day == day)
    assert entry.status == "overdue"
    _choose(wheel.activities, title)
    assert wheel.activities.currentItem().text() == f"{title} — overdue"
    assert "Overdue (On the board)" in wheel.detail.toPlainText()
    # The day before, it is simply on the board.
    wheel.today = day - timedelta(days=1)
    wheel.refresh()
    entry = next(e for e in wheel.view.entries if e.title == title and e.day == day)
    assert entry.status == "open"


def test_internal_control_cannot_change_the_wheel(qtbot, window_as, db_path):
    wheel = _open_wheel(qtbot, window_as("Trude Fossum"))
    _choose(wheel.activities, "Månedlig patching av servere")
    qtbot.mouseClick(wheel.retire_button, Qt.MouseButton.LeftButton)
    errors = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "error-dialog" and w.isVisible()
    ]
    assert errors and "controlling" in errors[-1].text()
    assert _row(
        db_path, "SELECT active FROM activities WHERE title = 'Månedlig patching av servere'"
    ) == [(1,)]
    for box in errors:
        box.close()
