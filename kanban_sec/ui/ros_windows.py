"""The board window's ROS windows: the risk register, the ROS risk dialog, and the board
filtered to the measures of risks (chosen in the matrix or the register)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject

from kanban_sec.services.outcome import Outcome
from kanban_sec.services.ros import RosService

if TYPE_CHECKING:
    from kanban_sec.ui.main_window import MainWindow


class RosWindows(QObject):
    """Opens the register and risk dialogs for the window; every write lands on its board
    (and can be undone there), and the open matrix and register read again."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.register: Any = None

    def service(self) -> RosService:
        return RosService(self.window.governance().session)

    def open_register(self) -> None:
        """View ▸ Risk register (one window, raised when open)."""
        from kanban_sec.ui.risk_register import RiskRegisterView

        if self.register is not None and shiboken6.isValid(self.register):
            self.register.refresh()
            self.register.show()
            self.register.raise_()
            return
        view = RiskRegisterView(self.service(), self.window)
        view.open_risk.connect(self.open_risk)
        view.new_risk.connect(self.new_risk)
        view.show_measures.connect(lambda ids: self.show_measures(ids))
        self.register = view
        self.window._keep(view)
        view.show()

    def new_risk(self, chain_id: str | None = None) -> Any:
        """Risk ▸ New ROS risk…: the dialog for a new risk (of ``chain_id`` if given)."""
        if not isinstance(chain_id, str):
            chain_id = self.window.toolbar.current().chain_id
        return self._dialog(None, chain_id)

    def open_risk(self, risk_id: str) -> Any:
        return self._dialog(risk_id, None)

    def _dialog(self, risk_id: str | None, chain_id: str | None) -> Any:
        from kanban_sec.ui.ros_risk_dialog import RosRiskDialog

        window = self.window
        dialog = RosRiskDialog(
            self.service(), window.service, window.live, risk_id, chain_id, window
        )
        dialog.changed.connect(self.wrote)
        window._keep(dialog)
        dialog.open()
        return dialog

    def wrote(self, outcome: Outcome, text: str) -> None:
        """A write of a ROS window: on the board, undoable; the ROS views read again."""
        self.window.apply(outcome, text)
        self.refresh()

    def refresh(self) -> None:
        """The open register and matrix read again (after a write or an undo)."""
        for view in (self.register, self.window._matrix):
            if view is not None and shiboken6.isValid(view):
                view.refresh()

    def show_measures(self, risk_ids: frozenset[str], cell: tuple[int, int] | None = None) -> None:
        """The board shows only the measures of ``risk_ids``, with a chip saying so."""
        window = self.window
        window.toolbar.show_measures(frozenset(risk_ids), cell)
        window.raise_()
        window.activateWindow()
