"""One user intent is one call, one transaction and one undo step in the window: dropping
or moving several cards, and saving the item dialog."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QListView, QMessageBox, QPushButton

from kanban_sec.app import create_main_window
from kanban_sec.domain.model import Status
from kanban_sec.services.board import BoardService
from kanban_sec.ui.item_dialog import ItemDialog


@pytest.fixture
def window(qtbot, db_path):
    win = create_main_window(db_path)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def lead(window) -> BoardService:
    """The example board's governing member: WIP limits are theirs to set."""
    return BoardService(window.session.acting_as("Astrid Myklebust"))


def column(window, status: Status) -> QListView:
    view = window.findChild(QListView, f"column-{status.value}")
    assert view is not None, status
    return view


def ids_in(window, status: Status) -> list[str]:
    model = column(window, status).model()
    return [model.index(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(model.rowCount())]


def stored(db_path, sql: str, *params: object) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def statuses(db_path, ids: list[str]) -> list[str]:
    return [stored(db_path, "SELECT status FROM items WHERE id = ?", i)[0][0] for i in ids]


def error_boxes() -> list[QMessageBox]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "error-dialog" and w.isVisible()
    ]


def select_cards(qtbot, view: QListView, count: int) -> list[str]:
    """Click the first card and shift-click the ``count``-th, as a person selects them."""
    model = view.model()
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(model.index(0, 0)).center()
    )
    view.scrollTo(model.index(count - 1, 0))
    last = view.visualRect(model.index(count - 1, 0))
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, last.center()
    )
    chosen = sorted(view.selectionModel().selectedIndexes(), key=lambda i: i.row())
    assert len(chosen) == count
    return [i.data(Qt.ItemDataRole.UserRole) for i in chosen]


def drop(window, source: Status, target: Status) -> bool:
    """Drop the source column's selected cards on the target column (what the view does
    with the drag's MIME data)."""
    view = column(window, source)
    mime = view.model().mimeData(view.selectionModel().selectedIndexes())
    return (
        column(window, target)
        .model()
        .dropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, QModelIndex())
    )


def test_a_drop_the_hard_limit_has_room_for_only_in_part_moves_none(window, qtbot, db_path):
    doing = ids_in(window, Status.DOING)
    lead(window).set_wip_limit(Status.DOING, len(doing) + 1, hard=True)
    window.reload()
    cards = select_cards(qtbot, column(window, Status.NEXT), 3)
    board_before = {s: ids_in(window, s) for s in Status}
    changes_before = stored(db_path, "SELECT count(*) FROM changes")
    steps_before = window.undo_stack.count()

    drop(window, Status.NEXT, Status.DOING)

    boxes = error_boxes()
    assert len(boxes) == 1  # one message for the whole drop, not one per card
    assert "room for 1 more; none of the 3 cards was moved" in boxes[0].text()
    assert statuses(db_path, cards) == ["next"] * 3
    assert stored(db_path, "SELECT count(*) FROM changes") == changes_before
    assert {s: ids_in(window, s) for s in Status} == board_before
    assert window.undo_stack.count() == steps_before
    boxes[0].close()


def test_a_drop_of_several_cards_is_undone_by_one_ctrl_z(window, qtbot, db_path):
    lead(window).set_wip_limit(Status.NEXT, None)
    window.reload()
    cards = select_cards(qtbot, column(window, Status.BACKLOG), 3)
    steps = window.undo_stack.count()

    assert drop(window, Status.BACKLOG, Status.NEXT)
    assert statuses(db_path, cards) == ["next"] * 3
    assert set(cards) <= set(ids_in(window, Status.NEXT))
    assert window.undo_stack.count() == steps + 1

    view = column(window, Status.NEXT)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert statuses(db_path, cards) == ["backlog"] * 3
    assert set(cards) <= set(ids_in(window, Status.BACKLOG))
    assert not set(cards) & set(ids_in(window, Status.NEXT))


def test_ctrl_arrow_moves_the_selected_cards_in_one_step(window, qtbot, db_path):
    lead(window).set_wip_limit(Status.NEXT, None)
    window.reload()
    backlog = column(window, Status.BACKLOG)
    cards = select_cards(qtbot, backlog, 2)
    steps = window.undo_stack.count()
    qtbot.keyClick(backlog, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert statuses(db_path, cards) == ["next"] * 2
    assert window.undo_stack.count() == steps + 1
    window.undo_action.trigger()
    assert statuses(db_path, cards) == ["backlog"] * 2


def test_saving_the_item_dialog_is_one_undo_step(window, qtbot, db_path):
    view = column(window, Status.BACKLOG)
    item_id = ids_in(window, Status.BACKLOG)[0]
    item = window.live.items[item_id]
    assert not item.pinned
    window.board.select_item(item_id)
    view.selectionModel().setCurrentIndex(
        view.model().index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    qtbot.keyClick(view, Qt.Key.Key_Return)
    dialog = window.findChild(ItemDialog, "item-dialog")
    assert dialog is not None and dialog.isVisible()
    steps = window.undo_stack.count()

    dialog.findChild(QLineEdit, "item-title").setText("Ny tittel")
    dialog.findChild(QLineEdit, "item-checklist-new").setText("Nytt punkt")
    qtbot.mouseClick(dialog.findChild(QPushButton, "item-checklist-add"), Qt.MouseButton.LeftButton)
    dialog.findChild(QLineEdit, "item-pin-reason").setText("Tilsyn neste uke")
    with qtbot.waitSignal(dialog.changed, timeout=1000):
        qtbot.mouseClick(
            dialog._buttons.button(dialog._buttons.StandardButton.Ok), Qt.MouseButton.LeftButton
        )

    assert len(dialog.outcomes) == 1 and window.undo_stack.count() == steps + 1
    saved = window.live.items[item_id]
    assert saved.title == "Ny tittel" and saved.pinned
    assert saved.checklist[-1].text == "Nytt punkt"

    window.activateWindow()
    column(window, Status.BACKLOG).setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    ((title, pinned_at, checklist),) = stored(
        db_path, "SELECT title, pinned_at, checklist FROM items WHERE id = ?", item_id
    )
    assert (title, pinned_at) == (item.title, None)
    assert "Nytt punkt" not in (checklist or "")
    restored = window.live.items[item_id]
    assert (restored.title, restored.pinned, restored.checklist) == (
        item.title,
        False,
        item.checklist,
    )
