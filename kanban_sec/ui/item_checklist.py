"""The item dialog's Checklist tab: entries to tick, add, edit, reorder and remove.

Nothing is written here: the dialog reads :meth:`ChecklistEditor.entries` on OK and saves
the checklist when it differs from what was loaded.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kanban_sec.domain.model import ChecklistEntry


class ChecklistEditor(QWidget):
    """An item's checklist as the person edits it, with "n of m done" under it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._list = QListWidget()
        self._list.setObjectName("item-checklist")
        self._list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self._list.itemChanged.connect(self._progress)
        self._list.currentRowChanged.connect(self._buttons)
        self.new_entry = QLineEdit()
        self.new_entry.setObjectName("item-checklist-new")
        self.new_entry.setPlaceholderText(self.tr("New checklist entry"))
        self.new_entry.returnPressed.connect(self.add_entry)
        add = QPushButton(self.tr("Add"))
        add.setObjectName("item-checklist-add")
        add.clicked.connect(self.add_entry)
        self._edit = QPushButton(self.tr("Edit"))
        self._edit.setObjectName("item-checklist-edit")
        self._edit.clicked.connect(self._edit_entry)
        self._remove = QPushButton(self.tr("Remove"))
        self._remove.setObjectName("item-checklist-remove")
        self._remove.clicked.connect(self._remove_entry)
        self._up = QPushButton(self.tr("Move up"))
        self._up.clicked.connect(lambda: self._move_entry(-1))
        self._down = QPushButton(self.tr("Move down"))
        self._down.clicked.connect(lambda: self._move_entry(1))
        self._done = QLabel()
        self._done.setObjectName("item-checklist-progress")

        add_row = QHBoxLayout()
        add_row.addWidget(self.new_entry, 1)
        add_row.addWidget(add)
        buttons = QHBoxLayout()
        buttons.addWidget(self._done, 1)
        for button in (self._edit, self._up, self._down, self._remove):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self._list, 1)
        layout.addLayout(buttons)
        layout.addLayout(add_row)
        self._progress()
        self._buttons()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Return in the new entry adds it (``returnPressed``) and stays in the checklist;
        it does not reach the dialog, where it would be OK."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.new_entry.hasFocus():
            event.accept()
            return
        super().keyPressEvent(event)

    def set_entries(self, entries: list[ChecklistEntry]) -> None:
        """Show ``entries`` (the saved checklist) in place of what the list holds."""
        self._list.clear()
        for entry in entries:
            self._list.addItem(_row(entry.text, entry.done))
        self._progress()
        self._buttons()

    def entries(self) -> list[ChecklistEntry]:
        """The checklist as it stands (blank entries dropped)."""
        entries = []
        for number in range(self._list.count()):
            row = self._list.item(number)
            text = " ".join(row.text().split())
            if text:
                entries.append(ChecklistEntry(text, row.checkState() == Qt.CheckState.Checked))
        return entries

    def add_entry(self, text: str | None = None) -> None:
        """Add an entry (from the entry box when ``text`` is not given)."""
        if not isinstance(text, str):
            text = self.new_entry.text()
        text = " ".join(text.split())
        if not text:
            return
        self._list.addItem(_row(text, False))
        self._list.setCurrentRow(self._list.count() - 1)
        self.new_entry.clear()
        self._progress()

    def _edit_entry(self) -> None:
        row = self._list.currentItem()
        if row is not None:
            self._list.editItem(row)

    def _remove_entry(self) -> None:
        number = self._list.currentRow()
        if number >= 0:
            self._list.takeItem(number)
            self._progress()
            self._buttons()

    def _move_entry(self, step: int) -> None:
        number = self._list.currentRow()
        target = number + step
        if number < 0 or not 0 <= target < self._list.count():
            return
        row = self._list.takeItem(number)
        self._list.insertItem(target, row)
        self._list.setCurrentRow(target)

    def _buttons(self, *_: object) -> None:
        chosen = self._list.currentRow() >= 0
        for button in (self._edit, self._remove, self._up, self._down):
            button.setEnabled(chosen)

    def _progress(self, *_: object) -> None:
        entries = self.entries()
        done = sum(entry.done for entry in entries)
        locale = QLocale()
        self._done.setText(
            self.tr("{done} of {count} done").format(
                done=locale.toString(done), count=locale.toString(len(entries))
            )
            if entries
            else self.tr("No checklist yet")
        )


def _row(text: str, done: bool) -> QListWidgetItem:
    row = QListWidgetItem(text)
    row.setFlags(
        Qt.ItemFlag.ItemIsEnabled
        | Qt.ItemFlag.ItemIsSelectable
        | Qt.ItemFlag.ItemIsUserCheckable
        | Qt.ItemFlag.ItemIsEditable
    )
    row.setCheckState(Qt.CheckState.Checked if done else Qt.CheckState.Unchecked)
    return row
