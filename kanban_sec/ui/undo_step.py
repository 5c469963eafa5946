"""The window's undo steps: one change made in the window, undone and redone through the
change log."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from kanban_sec.services import undo
from kanban_sec.services.outcome import Outcome

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
