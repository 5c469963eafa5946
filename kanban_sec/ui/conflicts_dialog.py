"""The open sync conflicts: values changed elsewhere at the same time, for a person to settle.

Each row is one field of one row (mostly an item) where two people set different values
without seeing each other's change. The board shows one of them (the winner, the same on
every replica); the other is kept here. "Keep mine", "Take theirs" or "Edit…" resolves it
through :func:`kanban_sec.services.conflicts.resolve_conflict`; the :class:`Outcome` is emitted
with ``resolved`` for the window to show, and the resolution syncs to everybody.

A row deleted while somebody changed it is a conflict too: "Restore" brings the row back
with the change, "Confirm delete" keeps it deleted. Below the conflicts, the changes pulled
from the server that this board cannot apply (quarantined, never applied) are listed with
their reason (read only: :func:`kanban_sec.sync.merge.list_quarantined`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
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
from kanban_sec.domain.ids import short_id
from kanban_sec.sync.present import changed_text, edit_value, resolution_for, shown, sides, when
from kanban_sec.ui.i18n import current_language
from kanban_sec.ui.notify import show_error

if TYPE_CHECKING:
    from kanban_sec.sync.merge import Resolution

_ID_ROLE = Qt.ItemDataRole.UserRole


def value_text(value: Any) -> str:
    """A conflicting value as the table shows it."""
    return shown(value)


def _table(name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    return table


class ConflictsDialog(QDialog):
    """List the open conflicts and resolve them one at a time; list the quarantined
    changes."""

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
        self.quarantined: list[Any] = []
        self._editor: QInputDialog | None = None

        intro = QLabel(
            self.tr(
                "These values were changed on two computers at the same time. The board shows "
                "one of them everywhere; the other is kept here until somebody decides. Your "
                "choice syncs to everybody."
            )
        )
        intro.setWordWrap(True)
        self.table = _table(
            "conflicts-table",
            [
                self.tr("Item"),
                self.tr("Field"),
                self.tr("Mine"),
                self.tr("Theirs"),
                self.tr("Overwritten value by"),
                self.tr("When"),
            ],
        )
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.cellDoubleClicked.connect(self._show_item)
        self.empty_label = QLabel(self.tr("No open conflicts."))
        self.empty_label.setObjectName("conflicts-empty")
        self.detail_label = QLabel()
        self.detail_label.setObjectName("conflict-detail")
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextFormat(Qt.TextFormat.PlainText)

        self.keep_button = QPushButton(self.tr("Keep mine"))
        self.keep_button.setObjectName("conflict-keep-mine")
        self.keep_button.clicked.connect(lambda: self.resolve_current("mine"))
        self.take_button = QPushButton(self.tr("Take theirs"))
        self.take_button.setObjectName("conflict-take-theirs")
        self.take_button.clicked.connect(lambda: self.resolve_current("theirs"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setObjectName("conflict-edit")
        self.edit_button.clicked.connect(self.edit_current)
        self.restore_button = QPushButton(self.tr("Restore with the change"))
        self.restore_button.setObjectName("conflict-restore")
        self.restore_button.setToolTip(
            self.tr("Bring the deleted row back, with the change made meanwhile")
        )
        self.restore_button.clicked.connect(lambda: self.resolve_deleted("restore"))
        self.delete_button = QPushButton(self.tr("Confirm delete"))
        self.delete_button.setObjectName("conflict-confirm-delete")
        self.delete_button.setToolTip(
            self.tr("Keep the row deleted; the change made meanwhile is dropped")
        )
        self.delete_button.clicked.connect(lambda: self.resolve_deleted("delete"))
        actions = QHBoxLayout()
        for button in (
            self.keep_button,
            self.take_button,
            self.edit_button,
            self.restore_button,
            self.delete_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)

        self.quarantine_box = QGroupBox(self.tr("Quarantined"))
        self.quarantine_box.setObjectName("quarantine-section")
        held_intro = QLabel(
            self.tr(
                "Changes from the server this board cannot apply. They are kept here and never "
                "applied; the rest of the board syncs as usual. Tell whoever made them, or your "
                "administrator."
            )
        )
        held_intro.setWordWrap(True)
        self.quarantine_table = _table(
            "quarantine-table",
            [
                self.tr("Row"),
                self.tr("Why it cannot be applied"),
                self.tr("By"),
                self.tr("When"),
                self.tr("Fields"),
            ],
        )
        held_layout = QVBoxLayout(self.quarantine_box)
        held_layout.addWidget(held_intro)
        held_layout.addWidget(self.quarantine_table)

        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.detail_label)
        layout.addLayout(actions)
        layout.addWidget(self.quarantine_box, 1)
        layout.addWidget(close)
        self.resize(900, 420)
        self.refresh()

    # -- contents ------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the open conflicts and the quarantined changes again."""
        from kanban_sec.sync.merge import list_conflicts

        self.conflicts = list_conflicts(self.service.db, open_only=True)
        self.table.setRowCount(len(self.conflicts))
        for row, conflict in enumerate(self.conflicts):
            mine, theirs = sides(conflict)
            if conflict.deleted_while_changed:
                field = self.tr("deleted while changed")
                texts = [self._side_text(conflict, v) for v in (mine, theirs)]
            else:
                field = conflict.field
                texts = [value_text(mine), value_text(theirs)]
            cells = (
                conflict.title,
                field,
                texts[0],
                texts[1],
                conflict.loser_author,
                when(conflict.loser_at),
            )
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
        self._fill_quarantine()

    def _side_text(self, conflict: Any, value: Any) -> str:
        """One side of a deleted-while-changed conflict: the delete, or the change."""
        if value is conflict.loser_value:
            return self.tr("changed: %1").replace("%1", changed_text(value))
        return self.tr("deleted")

    def _fill_quarantine(self) -> None:
        from kanban_sec.sync.merge import list_quarantined

        lang = current_language()
        self.quarantined = list_quarantined(self.service.db)
        table = self.quarantine_table
        table.setRowCount(len(self.quarantined))
        for row, held in enumerate(self.quarantined):
            fields = held.fields
            values = (
                changed_text({k: v[0] for k, v in fields.items() if isinstance(v, list) and v})
                if isinstance(fields, dict)
                and all(isinstance(v, list) and v for v in fields.values())
                else shown(fields)
            )
            where = f"{held.entity} {short_id(held.row_id)}" if held.row_id else held.entity
            reason = held.why(lang)
            cells = (where, reason, held.author, when(held.at), values)
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(_ID_ROLE, held.change_id)
                cell.setToolTip(text if column != 4 else str(fields))
                table.setItem(row, column, cell)
        table.resizeColumnsToContents()
        for column, widest in ((0, 200), (1, 420), (2, 160)):
            if table.columnWidth(column) > widest:
                table.setColumnWidth(column, widest)
        self.quarantine_box.setTitle(
            self.tr("Quarantined (%1)").replace("%1", str(len(self.quarantined)))
        )
        self.quarantine_box.setVisible(bool(self.quarantined))

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
        conflict = self.current()
        deleted = conflict is not None and conflict.deleted_while_changed
        for button in (self.keep_button, self.take_button, self.edit_button):
            button.setEnabled(conflict is not None)
            button.setVisible(not deleted)
        for button in (self.restore_button, self.delete_button):
            button.setEnabled(deleted)
            button.setVisible(deleted)
        if deleted:
            self.detail_label.setText(
                self.tr(
                    "“%1” was deleted by %2 while %3 changed %4. Restore it with the change, "
                    "or confirm the delete."
                )
                .replace("%1", conflict.title)
                .replace("%2", conflict.winner_author or "?")
                .replace("%3", conflict.loser_author or "?")
                .replace("%4", changed_text(conflict.loser_value))
            )
        self.detail_label.setVisible(deleted)

    def _show_item(self, row: int, _column: int) -> None:
        if 0 <= row < len(self.conflicts) and self.conflicts[row].entity == "item":
            self.show_item.emit(self.conflicts[row].row_id)

    # -- resolving -------------------------------------------------------------------------
    def resolve_current(self, side: str) -> bool:
        """Keep "mine" or take "theirs" for the selected conflict."""
        conflict = self.current()
        if conflict is None:
            return False
        return self._resolve(conflict, resolution_for(conflict, side == "mine"))

    def resolve_deleted(self, resolution: Resolution) -> bool:
        """``restore`` the selected deleted-while-changed row, or confirm its ``delete``."""
        conflict = self.current()
        if conflict is None or not conflict.deleted_while_changed:
            return False
        return self._resolve(conflict, resolution)

    def edit_current(self) -> QInputDialog | None:
        """Ask for a new value (non-blocking); resolving follows when it is given."""
        conflict = self.current()
        if conflict is None or conflict.deleted_while_changed:
            return None
        dialog = QInputDialog(self)
        dialog.setObjectName("conflict-value")
        dialog.setWindowTitle(self.tr("Edit the value"))
        dialog.setLabelText(
            self.tr("New value for %1 of “%2”:")
            .replace("%1", conflict.field)
            .replace("%2", conflict.title)
        )
        mine, _theirs = sides(conflict)
        dialog.setTextValue("" if mine is None else str(mine))
        dialog.textValueSelected.connect(lambda text: self.resolve_with(conflict, text))
        self._editor = dialog
        dialog.open()
        return dialog

    def resolve_with(self, conflict: Any, text: str) -> bool:
        """Resolve ``conflict`` with ``text`` as the new value (as the field's kind)."""
        like = conflict.winner_value if conflict.winner_value is not None else conflict.loser_value
        try:
            value = edit_value(text, like, conflict.field)
        except KanbanError as error:
            show_error(self, error)
            return False
        return self._resolve(conflict, "edit", value)

    def _resolve(self, conflict: Any, resolution: Resolution, value: Any = None) -> bool:
        from kanban_sec.services.conflicts import resolve_conflict

        service = self.service
        try:
            outcome = resolve_conflict(
                service.db,
                service.author,
                conflict.id,
                resolution,
                value,
                person_id=service.person_id,
                lang=current_language(),
            )
        except KanbanError as error:
            show_error(self, error)
            return False
        self.resolved.emit(outcome)
        self.refresh()
        return True
