"""The open sync conflicts: values changed elsewhere at the same time, for a person to settle.

Each row is one field of one row (mostly an item) where two people set different values
without seeing each other's change. The board shows one of them (the winner, the same on
every replica); the other is kept here. "Keep mine", "Take theirs" or "Edit…" resolves it
through :func:`kanban_sec.sync.merge.resolve_conflict`; the :class:`Outcome` is emitted with
``resolved`` for the window to show, and the resolution syncs to everybody.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kanban_sec.domain.errors import KanbanError
from kanban_sec.ui.i18n import current_language
from kanban_sec.ui.notify import show_error

if TYPE_CHECKING:
    from kanban_sec.sync.merge import Resolution

_ID_ROLE = Qt.ItemDataRole.UserRole


def value_text(value: Any) -> str:
    """A conflicting value as the table shows it."""
    from kanban_sec.cli_sync import shown

    return shown(value)


class ConflictsDialog(QDialog):
    """List the open conflicts and resolve them one at a time."""

    #: Emitted with the :class:`Outcome` of each resolution.
    resolved = Signal(object)
    #: The person wants to see the item of a conflict on the board (its id).
    show_item = Signal(str)

    def __init__(self, service: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflicts-dialog")
        self.setWindowTitle(self.tr("Sync conflicts"))
        self.service = service
        self.conflicts: list[Any] = []
        self._editor: QInputDialog | None = None

        intro = QLabel(self.tr(
            "These values were changed on two computers at the same time. The board shows "
            "one of them everywhere; the other is kept here until somebody decides. Your "
            "choice syncs to everybody."))
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("conflicts-table")
        self.table.setHorizontalHeaderLabels([
            self.tr("Item"), self.tr("Field"), self.tr("Mine"), self.tr("Theirs"),
            self.tr("Overwritten value by"), self.tr("When")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.cellDoubleClicked.connect(self._show_item)
        self.empty_label = QLabel(self.tr("No open conflicts."))
        self.empty_label.setObjectName("conflicts-empty")

        self.keep_button = QPushButton(self.tr("Keep mine"))
        self.keep_button.setObjectName("conflict-keep-mine")
        self.keep_button.clicked.connect(lambda: self.resolve_current("mine"))
        self.take_button = QPushButton(self.tr("Take theirs"))
        self.take_button.setObjectName("conflict-take-theirs")
        self.take_button.clicked.connect(lambda: self.resolve_current("theirs"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setObjectName("conflict-edit")
        self.edit_button.clicked.connect(self.edit_current)
        actions = QHBoxLayout()
        for button in (self.keep_button, self.take_button, self.edit_button):
            actions.addWidget(button)
        actions.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(actions)
        layout.addWidget(close)
        self.resize(900, 420)
        self.refresh()

    # -- contents ------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the open conflicts again."""
        from kanban_sec.cli_sync import sides, when
        from kanban_sec.sync.merge import list_conflicts

        self.conflicts = list_conflicts(self.service.db, open_only=True)
        self.table.setRowCount(len(self.conflicts))
        for row, conflict in enumerate(self.conflicts):
            mine, theirs = sides(conflict)
            cells = (conflict.title, conflict.field, value_text(mine), value_text(theirs),
                     conflict.loser_author, when(conflict.loser_at))
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(_ID_ROLE, conflict.id)
                if column in (2, 3):
                    full = mine if column == 2 else theirs
                    cell.setToolTip("" if full is None else str(full))
                self.table.setItem(row, column, cell)
        self.table.resizeColumnsToContents()
        self.empty_label.setVisible(not self.conflicts)
        if self.conflicts:
            self.table.selectRow(0)
        self._selection_changed()

    def current(self) -> Any:
        """The selected conflict, if any."""
        row = self.table.currentRow()
        selected = self.table.selectionModel().selectedRows()
        if selected:
            row = selected[0].row()
        return self.conflicts[row] if 0 <= row < len(self.conflicts) else None

    def select(self, conflict_id: str) -> None:
        for row, conflict in enumerate(self.conflicts):
            if conflict.id == conflict_id:
                self.table.selectRow(row)
                return

    def _selection_changed(self) -> None:
        chosen = self.current() is not None
        for button in (self.keep_button, self.take_button, self.edit_button):
            button.setEnabled(chosen)

    def _show_item(self, row: int, _column: int) -> None:
        if 0 <= row < len(self.conflicts) and self.conflicts[row].entity == "item":
            self.show_item.emit(self.conflicts[row].row_id)

    # -- resolving -------------------------------------------------------------------------
    def resolve_current(self, side: str) -> bool:
        """Keep "mine" or take "theirs" for the selected conflict."""
        from kanban_sec.cli_sync import resolution_for

        conflict = self.current()
        if conflict is None:
            return False
        return self._resolve(conflict, resolution_for(conflict, side == "mine"))

    def edit_current(self) -> QInputDialog | None:
        """Ask for a new value (non-blocking); resolving follows when it is given."""
        from kanban_sec.cli_sync import sides

        conflict = self.current()
        if conflict is None:
            return None
        dialog = QInputDialog(self)
        dialog.setObjectName("conflict-value")
        dialog.setWindowTitle(self.tr("Edit the value"))
        dialog.setLabelText(self.tr("New value for %1 of “%2”:").replace(
            "%1", conflict.field).replace("%2", conflict.title))
        mine, _theirs = sides(conflict)
        dialog.setTextValue("" if mine is None else str(mine))
        dialog.textValueSelected.connect(lambda text: self.resolve_with(conflict, text))
        self._editor = dialog
        dialog.open()
        return dialog

    def resolve_with(self, conflict: Any, text: str) -> bool:
        """Resolve ``conflict`` with ``text`` as the new value (as the field's kind)."""
        from kanban_sec.cli_sync import edit_value

        like = conflict.winner_value if conflict.winner_value is not None \
            else conflict.loser_value
        try:
            value = edit_value(text, like)
        except KanbanError as error:
            show_error(self, error)
            return False
        return self._resolve(conflict, "edit", value)

    def _resolve(self, conflict: Any, resolution: Resolution, value: Any = None) -> bool:
        from kanban_sec.sync.merge import resolve_conflict

        service = self.service
        try:
            outcome = resolve_conflict(service.db, service.author, conflict.id, resolution,
                                       value, person_id=service.person_id,
                                       lang=current_language())
        except KanbanError as error:
            show_error(self, error)
            return False
        self.resolved.emit(outcome)
        self.refresh()
        return True
