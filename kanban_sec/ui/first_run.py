"""The first start on a new database: the example board, an empty board, or a CSV import."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from kanban_sec import runtime
from kanban_sec.domain.text import t
from kanban_sec.services.board import BoardService
from kanban_sec.services.csv_exchange import import_csv
from kanban_sec.services.demo import load_demo
from kanban_sec.services.outcome import Outcome
from kanban_sec.ui import i18n
from kanban_sec.ui.csv_dialogs import choose_import_file

DEMO, EMPTY, IMPORT = "demo", "empty", "import"


class FirstRunDialog(QDialog):
    """Three big choices; :meth:`choice` is ``"demo"``, ``"empty"``, ``"import"`` or ``None``
    (closed without choosing: the caller starts empty), :meth:`import_path` the CSV file."""

    def __init__(self, parent: QWidget | None = None, db_path: str | os.PathLike[str] = "") -> None:
        super().__init__(parent)
        self.setObjectName("first-run")
        self.setWindowTitle(self.tr("Welcome to kanban-sec"))
        self._choice: str | None = None
        self._path: Path | None = None
        self.file_dialog: QFileDialog | None = None

        title = QLabel(self.tr("Welcome to kanban-sec"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(
            self.tr(
                "The board is empty. How would you like to start? You can import a CSV file "
                "or load the example later from the File menu as well."
            )
        )
        intro.setWordWrap(True)

        self.demo_button = self._button(
            "first-run-demo",
            self.tr("Start with the example board"),
            self.tr(
                "A municipality's services, organisation and improvement items: "
                "a good way to see how the weakest link is ranked first."
            ),
        )
        self.empty_button = self._button(
            "first-run-empty",
            self.tr("Start with an empty board"),
            self.tr("Add your own chains, links and items."),
        )
        self.import_button = self._button(
            "first-run-import",
            self.tr("Import a CSV file…"),
            self.tr(
                "Items exported from kanban-sec, Excel or another tool. Nothing is "
                "imported unless the whole file is correct."
            ),
        )
        self.demo_button.clicked.connect(lambda: self.choose(DEMO))
        self.empty_button.clicked.connect(lambda: self.choose(EMPTY))
        self.import_button.clicked.connect(self.ask_for_file)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addSpacing(6)
        for button in (self.demo_button, self.empty_button, self.import_button):
            layout.addWidget(button)
        layout.addStretch(1)
        if db_path:
            where = QLabel(self.tr("Database: %1").replace("%1", os.fspath(db_path)))
            where.setWordWrap(True)
            where.setEnabled(False)
            where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addSpacing(6)
            layout.addWidget(where)
            # What keeps the board private here (on Windows not the file mode).
            self.protection = QLabel(t(runtime.protection_key(), i18n.current_language()) + ".")
            self.protection.setObjectName("first-run-protection")
            self.protection.setWordWrap(True)
            self.protection.setEnabled(False)
            layout.addWidget(self.protection)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        # The buttons' descriptions wrap: size for the width we have, not the narrowest one.
        width = max(560, self.sizeHint().width())
        self.resize(width, layout.totalHeightForWidth(width))
        self.demo_button.setFocus()

    def _button(self, name: str, text: str, description: str) -> QCommandLinkButton:
        button = QCommandLinkButton(text, description)
        button.setObjectName(name)
        return button

    def choice(self) -> str | None:
        return self._choice

    def import_path(self) -> Path | None:
        """The CSV file chosen with ``"import"``."""
        return self._path

    def choose(self, choice: str, path: str | os.PathLike[str] | None = None) -> None:
        """Take a choice and close (tests call this to skip the file dialog)."""
        if choice not in (DEMO, EMPTY, IMPORT):
            raise ValueError(choice)
        if choice == IMPORT and path is None:
            raise ValueError("an import needs a file")
        self._choice = choice
        self._path = Path(path) if path is not None else None
        self.accept()

    def ask_for_file(self) -> QFileDialog:
        self.file_dialog = choose_import_file(self, lambda path: self.choose(IMPORT, path))
        return self.file_dialog


def apply_first_run(
    choice: str | None, service: BoardService, path: str | os.PathLike[str] | None = None
) -> Outcome | None:
    """Do what the first-run dialog chose; ``None`` for an empty board (or no choice).

    The import runs in this thread (a first import is usually small); it raises
    :class:`~kanban_sec.domain.errors.ImportProblems` (show it with
    :class:`~kanban_sec.ui.csv_dialogs.ImportErrorsDialog`) or another
    :class:`~kanban_sec.domain.errors.KanbanError`, and then nothing was written.
    """
    if choice == DEMO:
        return load_demo(service)
    if choice == IMPORT:
        if path is None:
            raise ValueError("an import needs a file")
        return import_csv(service, path)
    if choice in (EMPTY, None):
        return None
    raise ValueError(choice)
