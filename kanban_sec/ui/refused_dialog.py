"""The list of this board's changes the sync server refused, in the window.

:class:`RefusedChangesDialog` shows what each refused change set, when and why the server
refused it (set aside, not sent again), and discards or redoes the selected ones (or all)
through the :class:`~kanban_sec.ui.sync_dialog.SyncController`, which calls
:func:`kanban_sec.sync.refusals.discard_refused` and
:func:`~kanban_sec.sync.refusals.redo_refused` as ``kanban-sec sync --discard-refused`` /
``--redo-refused`` do, and starts the sync a redo needs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kanban_sec.domain.errors import KanbanError
from kanban_sec.store.database import Database
from kanban_sec.sync import refusals
from kanban_sec.sync.present import changed_text, refusal_reason, when
from kanban_sec.ui.i18n import Texts, current_language, translate

if TYPE_CHECKING:
    from kanban_sec.ui.sync_dialog import SyncController


def refused_ids(db: Database) -> list[str]:
    """The ids of this board's changes the server refused (set aside)."""
    return [r.change_id for r in refusals.list_refused(db)]


def refused_text(count: int) -> str:
    """How many changes the server refused, and that they wait for the person."""
    return translate(
        "Sync",
        "Changes refused by the server: %1. They are not sent again "
        "until you redo them; discard them to make the board match the "
        "server's.",
    ).replace("%1", str(count))


_ID_ROLE = Qt.ItemDataRole.UserRole


class RefusedChangesDialog(QDialog):
    """This board's changes the server refused: what, why and when; discard or redo the
    selected ones (or all). Works through the :class:`SyncController` (which calls
    :mod:`kanban_sec.sync.refusals` and starts the sync a redo needs)."""

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("refused-dialog")
        self.texts = Texts()
        self.texts.bind(self.setWindowTitle, lambda: self.tr("Changes refused by the server"))
        self.controller = controller
        self.changes: list[Any] = []

        intro = QLabel()
        self.texts.bind(
            intro.setText,
            lambda: self.tr(
                "The sync server refused these changes made on this board. They stay here but "
                "are not sent again. Discard a change to undo it here, so the board matches the "
                "server's; or redo it to send it again (for instance after an administrator "
                "changed your role)."
            ),
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("refused-table")
        self._headers()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._enable)

        self.status_label = QLabel()
        self.status_label.setObjectName("refused-status")
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)

        self.discard_button = QPushButton()
        self.discard_button.setObjectName("refused-discard")
        self.texts.bind(self.discard_button.setText, lambda: self.tr("Discard"))
        self.texts.bind(
            self.discard_button.setToolTip,
            lambda: self.tr(
                "Undo the selected changes here; the board gets the server's values back"
            ),
        )
        self.discard_button.clicked.connect(lambda: self.discard(self.selected_ids()))
        self.redo_button = QPushButton()
        self.redo_button.setObjectName("refused-redo")
        self.texts.bind(self.redo_button.setText, lambda: self.tr("Redo"))
        self.texts.bind(
            self.redo_button.setToolTip, lambda: self.tr("Send the selected changes again, now")
        )
        self.redo_button.clicked.connect(lambda: self.redo(self.selected_ids()))
        self.discard_all_button = QPushButton()
        self.discard_all_button.setObjectName("refused-discard-all")
        self.texts.bind(self.discard_all_button.setText, lambda: self.tr("Discard all"))
        self.discard_all_button.clicked.connect(lambda: self.discard(self.all_ids()))
        self.redo_all_button = QPushButton()
        self.redo_all_button.setObjectName("refused-redo-all")
        self.texts.bind(self.redo_all_button.setText, lambda: self.tr("Redo all"))
        self.redo_all_button.clicked.connect(lambda: self.redo(self.all_ids()))
        actions = QHBoxLayout()
        for button in (self.discard_button, self.redo_button):
            actions.addWidget(button)
        actions.addStretch(1)
        for button in (self.discard_all_button, self.redo_all_button):
            actions.addWidget(button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status_label)
        layout.addLayout(actions)
        layout.addWidget(close)
        self.resize(860, 380)

        controller.finished.connect(self._synced)
        controller.failed.connect(self._sync_failed)
        controller.running_changed.connect(lambda _running: self._enable())
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if (
            event.type() == QEvent.Type.LanguageChange
            and hasattr(self, "redo_all_button")
            and self.texts.outdated()
        ):
            self.texts.again()  # a language switch: every text, the list too
            self._headers()
            self.refresh()
        super().changeEvent(event)

    def _headers(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Change"), self.tr("Refused"), self.tr("The server's reason")]
        )

    # -- contents ------------------------------------------------------------------------
    def refresh(self, message: str | None = None) -> None:
        """Read the refused changes again; ``message`` (else their count) in the status."""
        self.changes = refusals.list_refused(self.controller.db)
        self.table.setRowCount(len(self.changes))
        for row, change in enumerate(self.changes):
            reason = refusal_reason(change.reason)
            cells = (
                self.tr("%1 “%2”")
                .replace("%1", self._kind(change.entity))
                .replace("%2", change.title),
                changed_text(change.values) or "∅",
                when(change.refused_at),
                f"{change.code}: {reason}",
            )
            tips = (
                f"{change.entity} {change.row_id}",
                changed_text(change.values),
                "",
                f"{change.code}: {change.reason}",
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(_ID_ROLE, change.change_id)
                cell.setToolTip(tips[column] or text)
                self.table.setItem(row, column, cell)
        self.table.resizeColumnsToContents()
        for column, widest in ((0, 260), (1, 220)):
            if self.table.columnWidth(column) > widest:
                self.table.setColumnWidth(column, widest)
        if message is None:
            message = (
                refused_text(len(self.changes))
                if self.changes
                else self.tr("No changes are refused by the server.")
            )
        self.status_label.setText(message)
        self._enable()

    def _kind(self, entity: str) -> str:
        names = {
            "item": self.tr("Item"),
            "setting": self.tr("Setting"),
            "comment": self.tr("Comment"),
            "person": self.tr("Person"),
            "unit": self.tr("Unit"),
            "column": self.tr("Column"),
        }
        return names.get(entity, entity)

    def selected_ids(self) -> list[str]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.changes[r].change_id for r in rows if r < len(self.changes)]

    def all_ids(self) -> list[str]:
        return [c.change_id for c in self.changes]

    def _enable(self) -> None:
        idle = not self.controller.running
        chosen = bool(self.table.selectionModel().selectedRows())
        self.discard_button.setEnabled(idle and chosen)
        self.redo_button.setEnabled(idle and chosen)
        self.discard_all_button.setEnabled(idle and bool(self.changes))
        self.redo_all_button.setEnabled(idle and bool(self.changes))

    # -- acting ----------------------------------------------------------------------------
    def discard(self, ids: list[str]) -> int:
        """Discard these changes (undone here); returns how many."""
        if not ids or self.controller.running:
            return 0
        try:
            gone = self.controller.discard_refused(ids)
        except KanbanError as error:
            self.refresh(error.message(current_language()))
            return 0
        self.refresh(
            self.tr("Discarded: %1. The board matches the server's again.").replace(
                "%1", str(len(gone))
            )
        )
        return len(gone)

    def redo(self, ids: list[str]) -> int:
        """Send these changes again (a sync starts when one can); returns how many."""
        if not ids or self.controller.running:
            return 0
        try:
            count, syncing = self.controller.redo_refused(ids)
        except KanbanError as error:
            self.refresh(error.message(current_language()))
            return 0
        text = (
            self.tr("To be sent again: %1. Syncing…")
            if syncing
            else self.tr("To be sent again: %1, with the next sync.")
        )
        self.refresh(text.replace("%1", str(count)))
        return count

    def _synced(self, _result: Any) -> None:
        if shiboken6.isValid(self):
            self.refresh()

    def _sync_failed(self, text: str) -> None:
        if shiboken6.isValid(self):
            self.refresh(text)
