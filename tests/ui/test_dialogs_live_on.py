"""Every dialog opens, closes and opens again, whatever was open before it: a dialog Qt
deleted on closing (File ▸ Export CSV's options, the shortcuts) never takes the others down
with it. (It did: the window asked a deleted export dialog whether it was visible.)"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget

#: The keys a person presses for each dialog (the card dialog: Enter on a selected card).
KEYS = {
    "export": (Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier),
    "card": (Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier),
    "risk decision": (Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier),
    "standup": (Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier),
    "metrics": (
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    ),
    "chains": (Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier),
    "organisation": (Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier),
    "history": (
        Qt.Key.Key_H,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    ),
    "annual wheel": (
        Qt.Key.Key_Y,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    ),
    "ROS matrix": (
        Qt.Key.Key_M,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    ),
}


@pytest.fixture
def window(window_as):
    return window_as("Astrid Myklebust")


def _open_windows(main: QWidget) -> set[QWidget]:
    return {w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not main}


def _open_and_close(qtbot, window, name: str) -> None:
    """Press the keys for ``name``, see a new window open, close it as a person does."""
    window.activateWindow()  # back to the board, as after closing a dialog
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    window.board.select_item(
        window.live.ordered(window.live.items[next(iter(window.live.ranking))].status)[0]
    )
    before = _open_windows(window)
    key, modifiers = KEYS[name]
    qtbot.keyClick(QApplication.focusWidget() or window, key, modifiers)
    qtbot.waitUntil(lambda: len(_open_windows(window) - before) == 1, timeout=5000)
    (opened,) = _open_windows(window) - before
    if isinstance(opened, QDialog):
        opened.reject()
    else:
        opened.close()
    QApplication.sendPostedEvents(None, 0)  # deleteLater: Qt deletes what it owns
    qtbot.wait(10)
    assert opened not in _open_windows(window), name


def test_every_dialog_opens_twice_and_after_every_other(qtbot, window):
    names = list(KEYS)
    for name in names:  # each once, then each again after every other, the export first
        for other in ["export", *names]:
            _open_and_close(qtbot, window, other)
            _open_and_close(qtbot, window, name)
