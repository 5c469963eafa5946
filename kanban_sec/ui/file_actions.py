"""File ▸ Import CSV, Export CSV and Load the example board, for the board window."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from kanban_sec.services.outcome import Outcome

if TYPE_CHECKING:
    from kanban_sec.ui.csv_dialogs import CsvImporter
    from kanban_sec.ui.main_window import MainWindow


class FileActions(QObject):
    """What the File menu does with files; every write lands on the window's board and can
    be undone there."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        #: The last import started (it runs in the background).
        self.importer: CsvImporter | None = None

    def load_example(self) -> None:
        """The example board, into an empty board (the service refuses any other)."""
        from kanban_sec.services.demo import load_demo

        window = self.window
        window._write(lambda: load_demo(window.service), self.tr("Load the example board"))

    def import_csv(self) -> None:
        """Ask for a CSV file, then import it."""
        from kanban_sec.ui.csv_dialogs import choose_import_file

        choose_import_file(self.window, lambda path: self.import_file(Path(path)))

    def import_file(self, path: Path) -> None:
        """Import ``path`` in the background (progress, Cancel); the board shows it after."""
        from kanban_sec.ui.csv_dialogs import CsvImporter

        importer = CsvImporter(self.window)
        importer.finished.connect(lambda outcome: self._imported(outcome, importer))
        importer.start(self.window, self.window.service, path)
        self.importer = importer

    def _imported(self, outcome: Outcome, importer: CsvImporter) -> None:
        self.window.apply(outcome, self.tr("Import CSV"))
        if importer.note:
            self.window.statusBar().showMessage(importer.note, 8000)

    def export_csv(self) -> None:
        """Ask where and what, then write the file; the status bar says what was written."""
        from kanban_sec.ui.csv_dialogs import ask_and_export

        window = self.window

        def done(count: int, path: Path, left_out: int = 0) -> None:
            if count >= 0:
                text = (
                    self.tr("Wrote %1 items to %2")
                    .replace("%1", str(count))
                    .replace("%2", str(path))
                )
                if left_out:
                    text += " · " + self.tr("%1 confidential items not included").replace(
                        "%1", str(left_out)
                    )
                window.statusBar().showMessage(text, 8000)

        window._keep(ask_and_export(window, window.service, done))
