"""The window's undo steps: one change made in the window, undone and redone through the
change log; and the status bar's offer to undo what was just done."""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMainWindow, QPushButton

from kanban_sec.services import undo
from kanban_sec.services.outcome import Outcome
from kanban_sec.ui.i18n import translate

if TYPE_CHECKING:
    from kanban_sec.ui.main_window import MainWindow


class ChangeCommand(QUndoCommand):
    """One change made in the window; undo and redo write through the change log."""

    def __init__(self, window: MainWindow, outcome: Outcome, text: str) -> None:
        super().__init__(text)
        self.window = window
        self.changes = outcome.changes
        self.bulk_rows = outcome.bulk_rows
        self._done = True  # the change already happened when the command is pushed

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self.window.run_quietly(
            lambda: undo.reapply(
                self.window.session.db, self.window.session.actor, self.changes, self.bulk_rows
            )
        )

    def undo(self) -> None:
        self.window.run_quietly(
            lambda: undo.revert(
                self.window.session.db, self.window.session.actor, self.changes, self.bulk_rows
            )
        )


class UndoOffer:
    """What was just done, said in the status bar with a button that undoes it: for a while,
    and only while it is still the last thing done."""

    def __init__(self, window: QMainWindow, stack: QUndoStack) -> None:
        self.window = window
        self.stack = stack
        self.button: QPushButton | None = None

    def offer(self, text: str, seconds: int = 15) -> QPushButton:
        bar = self.window.statusBar()
        old = self.button
        if old is not None and shiboken6.isValid(old):
            old.deleteLater()
        button = QPushButton(translate("MainWindow", "Undo"), bar)
        button.setObjectName("undo-offer")
        position = self.stack.index()

        def undo() -> None:
            if self.stack.index() == position:
                self.stack.undo()
            bar.clearMessage()
            button.deleteLater()

        def expire() -> None:
            if shiboken6.isValid(button):
                button.deleteLater()

        button.clicked.connect(undo)
        bar.insertPermanentWidget(0, button)
        bar.showMessage(text, seconds * 1000)
        QTimer.singleShot(seconds * 1000, expire)
        self.button = button
        return button
