"""The History view lists changes made through the services, filters them and exports."""

from __future__ import annotations

import sqlite3
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QLocale, Qt

from kanban_sec.domain.model import Status
from kanban_sec.services.board import BoardService
from kanban_sec.services.history import History
from kanban_sec.services.session import Session
from kanban_sec.ui import i18n
from kanban_sec.ui.history_view import HistoryView


def _rows(view: HistoryView) -> list[tuple[str, ...]]:
    model = view.model
    return [
        tuple(model.text(r, c) for c in range(model.columnCount())) for r in range(model.rowCount())
    ]


def test_lists_filters_by_person_and_date_and_exports(qtbot, db, db_path, service, tmp_path):
    item = service.create_item("Rotate the Zyxel keys").row_id
    service.move(item, Status.NEXT)
    other = BoardService(Session(db, "ola", "en"))
    theirs = other.create_item("Review firewall rules").row_id
    conn = sqlite3.connect(db_path)
    try:
        conn.execute(
            "UPDATE changes SET at = '2003-03-10T10:00:00.000000Z'"
            " WHERE entity = 'item' AND row_id = ?",
            (theirs,),
        )
        conn.commit()
    finally:
        conn.close()

    # Internal control reads the whole history.
    view = HistoryView(History(Session(db, "Trude Fossum")), tz=ZoneInfo("Europe/Oslo"))
    qtbot.addWidget(view)
    view.show()
    assert view.objectName() == "history-view"
    rows = _rows(view)
    assert ("tester", "Item", "Rotate the Zyxel keys", "Column", "Backlog", "Next") in [
        r[1:] for r in rows
    ]

    view.person_combo.setCurrentIndex(view.person_combo.findData("ola"))
    rows = _rows(view)
    assert rows and {r[1] for r in rows} == {"ola"}
    assert {r[3] for r in rows} == {"Review firewall rules"}

    view.person_combo.setCurrentIndex(0)  # everyone
    view.from_edit.setDate(QDate(2003, 3, 10))
    view.to_edit.setDate(QDate(2003, 3, 10))
    rows = _rows(view)
    assert rows and {r[3] for r in rows} == {"Review firewall rules"}
    day = QLocale().toString(QDate(2003, 3, 10), QLocale.FormatType.ShortFormat)
    assert all(r[0] == f"{day} 11:00" for r in rows)  # Oslo time, in the language
    view.to_edit.setDate(QDate(2003, 3, 9))
    assert _rows(view) == []

    view.from_edit.setDate(view.from_edit.minimumDate())
    view.to_edit.setDate(view.to_edit.minimumDate())
    view.item_edit.setText("zYXel")
    qtbot.waitUntil(
        lambda: bool(_rows(view)) and {r[3] for r in _rows(view)} == {"Rotate the Zyxel keys"}
    )

    target = tmp_path / "history.csv"
    count = view.export_to(target)
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfat,author,entity,id,name,field,old,new\r\n")
    assert count == len(_rows(view)) and data.count(b"\r\n") == count + 1
    assert f",tester,item,{item},Rotate the Zyxel keys,status,Backlog,Next\r\n".encode() in data


def test_main_window_opens_the_history_view(qtbot, db_path):
    import sqlite3

    from kanban_sec.app import create_main_window
    from kanban_sec.ui.whoami import remember_person

    conn = sqlite3.connect(db_path)
    try:  # internal control reads the whole history
        (trude,) = conn.execute("SELECT id FROM people WHERE name = 'Trude Fossum'").fetchone()
    finally:
        conn.close()
    remember_person(db_path, trude)
    window = create_main_window(db_path)
    qtbot.addWidget(window)
    try:
        assert window.history_action in window.view_menu.actions()
        window.history_action.trigger()
        view = window.findChild(HistoryView, "history-view")
        assert view is not None and view.model.rowCount() > 0
    finally:
        window.close()


def test_the_history_model_stays_sound_while_a_controller_filters_it(
    window_as, qtbot, model_tester
):
    """Qt's model tester and pytest-qt's own watch the model through every filter and a
    language switch."""
    window = window_as("Trude Fossum")
    window.history_action.trigger()  # View ▸ History…
    view = window.findChild(HistoryView, "history-view")
    assert view is not None and view.isVisible()
    model = view.model
    model_tester.check(model)
    everything = model.rowCount()
    assert everything > 0

    title = next(model.text(r, 3) for r in range(everything) if model.text(r, 2) == "Item")
    word = max(title.split(), key=len)
    qtbot.keyClicks(view.item_edit, word)
    qtbot.waitUntil(lambda: 0 < model.rowCount() < everything)
    assert all(
        word.casefold() in model.text(r, 3).casefold()
        for r in range(model.rowCount())
        if model.text(r, 2) == "Item"
    )
    view.item_edit.clear()
    qtbot.waitUntil(lambda: model.rowCount() == everything)

    author = view.person_combo.itemData(1)
    view.person_combo.setCurrentIndex(1)
    assert 0 < model.rowCount() <= everything
    assert {model.text(r, 1) for r in range(model.rowCount())} == {author}
    view.person_combo.setCurrentIndex(0)
    view.to_edit.setDate(QDate(2001, 1, 1))  # before the example began: nothing
    assert model.rowCount() == 0
    view.to_edit.setDate(view.to_edit.minimumDate())

    window.set_language("nb")
    try:
        qtbot.waitUntil(lambda: model.headerData(0, Qt.Orientation.Horizontal) == "Når")
        assert model.rowCount() == everything
    finally:
        i18n.install("en")  # the language is process-wide
