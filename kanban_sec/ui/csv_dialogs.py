"""CSV import and export from the File menu: the same services as the command line.

Import runs :func:`~kanban_sec.services.csv_exchange.import_csv` in the background
(:class:`~kanban_sec.ui.background.BackgroundCall`: an asyncio task on the qasync loop, the
blocking call in a worker thread) with a progress dialog that counts the lines checked; an
all-or-nothing refusal is shown as a table of every problem (:class:`ImportErrorsDialog`).
Export is fast enough to run in the UI thread (about two seconds for 100,000 items) under a
busy cursor.

Cancelling an import really cancels it, and says so only when it is true:

* the worker opens its own :class:`~kanban_sec.store.database.Database` on the board's file
  (SQLite connections are made and used on the worker thread only, and the window's
  connections are never shared between threads); the import's clock stays exact, because every write
  transaction starts from the clock stored in the database;
* the import's progress callback raises :class:`~kanban_sec.ui.background.Cancelled` once
  Cancel was pressed; on the private database three gates (its ``hooks``) look at the same
  flag: before each SQL statement, SQLite's progress handler inside long statements (the
  bulk insert), and before ``COMMIT`` is sent. Any of them aborts the one
  transaction the import runs in, so SQLite rolls it back: nothing is written;
* once the commit gate has been passed the import is kept. A cancel that comes that late
  cannot undo it, so the importer reports the import as finished (with a note), never as
  cancelled. "Cancelled" therefore always means "nothing was written".

While the worker runs, the progress dialog is window-modal: the window keeps painting and
its timers run, but nobody can start a second write that would wait for the import's write
lock. After Cancel the dialog stays up ("Cancelling…") until the worker has rolled back.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import (
    SIGNAL,
    SLOT,
    QCoreApplication,
    QLocale,
    QObject,
    QSettings,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QGuiApplication, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kanban_sec.domain.errors import BadInput, ImportProblems, KanbanError
from kanban_sec.domain.text import t
from kanban_sec.services.board import BoardService
from kanban_sec.services.csv_exchange import import_csv
from kanban_sec.services.csv_export import confidential_left_out, export_csv
from kanban_sec.services.outcome import Outcome
from kanban_sec.services.session import Session
from kanban_sec.store.database import Database, open_database
from kanban_sec.ui import notify
from kanban_sec.ui.background import BackgroundCall, Cancelled, Progress
from kanban_sec.ui.i18n import current_language
from kanban_sec.ui.screen_fit import fit_to_screen

#: How long an import may take before its progress dialog appears (short ones never flash).
PROGRESS_DELAY_MS = 300
#: SQLite virtual-machine steps between two looks at the cancel flag inside one statement.
_PROGRESS_STEPS = 50_000

#: Qt's translate, under the name pyside6-lupdate looks for outside classes.
translate = QCoreApplication.translate


# -- the all-or-nothing report -----------------------------------------------------------


class _LineItem(QStandardItem):
    """A cell that sorts by its number (line numbers), not by its text."""

    def __init__(self, number: int) -> None:
        super().__init__()
        self.setData(number, Qt.ItemDataRole.DisplayRole)
        self.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)


class ImportErrorsDialog(QDialog):
    """Every problem an import found, one row each: line, column, problem; nothing imported."""

    LINE, COLUMN, PROBLEM = range(3)

    def __init__(self, error: ImportProblems, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import-errors")
        self.setWindowTitle(self.tr("Import refused"))
        self.error = error
        self.path = str(error.msg.params.get("path", ""))
        lang = current_language()
        count = len(error.problems)
        name = Path(self.path).name or self.path
        if count == 1:
            sentence = self.tr("Nothing was imported. Fix this problem in %1 and import again.")
        else:
            sentence = self.tr(
                "Nothing was imported. Fix these %n problems in %1 and import again.", "", count
            )
        self.sentence = sentence.replace("%1", name)

        self.header = QLabel(self.sentence)
        self.header.setObjectName("import-errors-header")
        self.header.setWordWrap(True)
        self.header.setToolTip(self.path)
        font = self.header.font()
        font.setBold(True)
        self.header.setFont(font)
        where = QLabel(self.path)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setWordWrap(True)
        where.setEnabled(False)  # greyed: context, not the message

        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels(
            [self.tr("Line"), self.tr("Column"), self.tr("Problem")]
        )
        for problem in error.problems:
            column = QStandardItem(problem.column or "—")
            column.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            text = QStandardItem(problem.message.render(lang))
            text.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            row = [_LineItem(problem.line), column, text]
            for cell in row:
                cell.setEditable(False)
            self.model.appendRow(row)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self.table = QTableView()
        self.table.setObjectName("import-errors-table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(self.LINE, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.LINE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.PROBLEM, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setObjectName("import-errors-copy")
        self.copy_button.setToolTip(self.tr("Copy the report to the clipboard as text"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(where)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(780, 420)

    def rows(self) -> list[tuple[int, str, str]]:
        """The table as shown (current sort order): (line, column, problem)."""
        out = []
        for row in range(self.proxy.rowCount()):
            line, column, problem = (self.proxy.index(row, c).data() for c in range(3))
            out.append((int(line), str(column), str(problem)))
        return out

    def report_text(self) -> str:
        """The report as plain text: the sentence, the file, then a tab-separated table."""
        lines = [
            self.sentence,
            self.path,
            "",
            "\t".join([self.tr("Line"), self.tr("Column"), self.tr("Problem")]),
        ]
        lines += [f"{line}\t{column}\t{problem}" for line, column, problem in self.rows()]
        return "\n".join(lines) + "\n"

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.report_text())


# -- import ------------------------------------------------------------------------------


class _ImportProgress(QProgressDialog):
    """A progress dialog that stays up after Cancel until the worker has really stopped."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("csv-progress")
        # Cancel must not hide the dialog: it only asks the worker to stop.
        QObject.disconnect(self, SIGNAL("canceled()"), self, SLOT("cancel()"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("csv-progress-cancel")
        self.setCancelButton(self.cancel_button)
        self.setRange(0, 0)  # indeterminate until the import says how many lines it has
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(420)

    def show_progress(self, done: int, total: int) -> None:
        """Lines checked of all the file's lines."""
        if total > 0:
            self.setRange(0, total)
            self.setValue(min(done, total))

    def reject(self) -> None:  # Escape, or the window's close button
        self.canceled.emit()

    def closeEvent(self, event: Any) -> None:  # Qt's name
        event.ignore()
        self.canceled.emit()


class CsvImporter(QObject):
    """Imports a CSV file in the background; one import at a time.

    Signals: ``finished(Outcome)`` after a successful import (or dry run),
    ``failed(KanbanError)`` after the user has been shown why nothing was imported,
    ``cancelled()`` when a cancel took effect (nothing was written).
    """

    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        #: The running import's background call (``None`` when none runs).
        self.call: BackgroundCall | None = None
        self._parent: QWidget | None = None
        self._service: BoardService | None = None
        self._path = ""
        self._dry_run = False
        self.progress: _ImportProgress | None = None
        self._dialog: QWidget | None = None
        #: A note for the status bar after the last import, e.g. "cancelled too late".
        self.note = ""
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.cancel)

    @property
    def running(self) -> bool:
        return self.call is not None

    def start(
        self,
        parent: QWidget | None,
        service: BoardService,
        path: str | os.PathLike[str],
        dry_run: bool = False,
        *,
        ignore_unknown_columns: bool = False,
    ) -> bool:
        """Start importing ``path`` into the service's database; ``False`` if one is running."""
        if self.call is not None:
            return False
        self._parent, self._service = parent, service
        self._path, self._dry_run = os.fspath(path), dry_run
        self.note = ""
        self.progress = _ImportProgress(parent)
        self.progress.setWindowTitle(self.tr("Import CSV"))
        label = self.tr("Checking %1…") if dry_run else self.tr("Importing %1…")
        self.progress.setLabelText(label.replace("%1", Path(self._path).name))
        self.progress.canceled.connect(self.cancel)
        QTimer.singleShot(PROGRESS_DELAY_MS, self._show_progress)
        call = BackgroundCall(
            _import_work(service.session, self._path, dry_run, ignore_unknown_columns), self
        )
        call.progressed.connect(self._on_progress)
        call.finished.connect(lambda outcome: self._on_done(outcome, None))
        call.failed.connect(lambda error: self._on_done(None, error))
        self.call = call
        call.start()
        return True

    @property
    def dialog(self) -> QWidget | None:
        """The last dialog the importer opened (error table, error box or question), while
        Qt has not deleted it (they delete themselves on closing)."""
        found = self._dialog
        return found if found is not None and shiboken6.isValid(found) else None

    @dialog.setter
    def dialog(self, dialog: QWidget | None) -> None:
        self._dialog = dialog

    def cancel(self) -> None:
        """Ask the running import to stop; it rolls back unless it has already committed."""
        if self.call is None or self.call.cancelling:
            return
        self.call.cancel()
        if self.progress is not None:
            self.progress.setLabelText(self.tr("Cancelling… nothing will be written."))
            self.progress.cancel_button.setEnabled(False)

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the worker has stopped (for shutdown and tests); ``True`` if it has."""
        return True if self.call is None else self.call.wait(timeout)

    def _show_progress(self) -> None:
        if self.call is not None and self.progress is not None:
            self.progress.show()

    def _on_progress(self, values: tuple[int, int]) -> None:
        if self.progress is not None and self.call is not None and not self.call.cancelling:
            self.progress.show_progress(*values)

    def _on_done(self, outcome: Outcome | None, error: BaseException | None) -> None:
        call, self.call = self.call, None
        was_cancelled = call is not None and call.cancelling
        if call is not None:
            call.deleteLater()
        if self.progress is not None:
            self.progress.hide()
            self.progress.deleteLater()
            self.progress = None
        parent = self._parent
        if was_cancelled and (isinstance(error, KanbanError) or _interrupted(error)):
            # Stopped (a refused file, a locked database, SQLite's progress handler...)
            # after the user had cancelled: nothing was written, which is what Cancel
            # promised; no report on top of it.
            error = Cancelled()
        if error is None:
            assert outcome is not None
            if was_cancelled:
                self.note = self.tr(
                    "The import had already been saved when Cancel was pressed; it was kept."
                )
            self.finished.emit(outcome)
        elif isinstance(error, Cancelled):
            self.note = self.tr("Import cancelled: nothing was written.")
            self.cancelled.emit()
        elif isinstance(error, ImportProblems):
            dialog = ImportErrorsDialog(error, parent)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.dialog = dialog
            fit_to_screen(dialog)
            dialog.open()
            self.failed.emit(error)
        elif isinstance(error, BadInput) and error.msg.key == "csv.unknown_columns":
            self._ask_about_unknown_columns(error)
        elif isinstance(error, KanbanError):
            self.dialog = notify.show_error(parent, error, self.tr("Import CSV"))
            self.failed.emit(error)
        else:
            raise error  # a bug: the application's exception hook logs and shows it

    def _ask_about_unknown_columns(self, error: BadInput) -> None:
        columns = str(error.msg.params.get("columns", ""))
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Import CSV"),
            self.tr(
                "The file has columns kanban-sec does not know: %1.\n\n"
                "Import the other columns and leave these out?"
            ).replace("%1", columns),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self._parent,
        )
        box.setObjectName("import-unknown-columns")
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Leave them out"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        parent, service, path, dry_run = self._parent, self._service, self._path, self._dry_run

        def answered(button: int) -> None:
            if button == QMessageBox.StandardButton.Yes and service is not None:
                self.start(parent, service, path, dry_run, ignore_unknown_columns=True)
            else:
                self.failed.emit(error)

        box.finished.connect(answered)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = box
        box.open()


def _import_work(
    session: Session, path: str, dry_run: bool, ignore_unknown: bool
) -> Callable[[Progress], Outcome]:
    """The import as the worker thread runs it, on its own database connection."""

    def work(progress: Progress) -> Outcome:
        progress.check()
        db = open_database(session.db.path, daily_backup=False)
        try:
            _install_cancel_gates(db, progress)
            return import_csv(
                BoardService(replace(session, db=db)),
                path,
                dry_run=dry_run,
                ignore_unknown_columns=ignore_unknown,
                on_progress=progress,
            )
        finally:
            db.close()

    return work


def _interrupted(error: BaseException | None) -> bool:
    """SQLite's progress handler stopped a statement (the cancel gate inside statements)."""
    return isinstance(error, sqlite3.OperationalError) and "interrupted" in str(error)


def _install_cancel_gates(db: Database, progress: Progress) -> None:
    """Make the worker's private database abort its transaction once Cancel was pressed:
    before each statement, before COMMIT (which is then not sent: all is rolled back), and
    inside a running statement (a long bulk insert), where SQLite's progress handler
    interrupts it."""
    db.hooks.before_statement.append(progress.check)
    db.hooks.before_commit.append(progress.check)
    db.hooks.progress = (lambda: 1 if progress.cancelled else 0, _PROGRESS_STEPS)


def import_summary(outcome: Outcome, path: str | os.PathLike[str], dry_run: bool = False) -> str:
    """One line for the status bar: what an import did (or a dry run would do)."""
    counts = {"created": 0, "updated": 0, "unchanged": 0, **outcome.counts}
    return t(
        "import.dry_run" if dry_run else "import.done",
        current_language(),
        path=Path(path).name,
        **counts,
    )


def choose_import_file(parent: QWidget | None, on_chosen: Any) -> QFileDialog:
    """Open a file dialog (non-blocking) and call ``on_chosen(path)`` with the chosen CSV."""
    dialog = QFileDialog(parent, translate("CsvDialogs", "Import CSV"))
    dialog.setObjectName("import-file")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setNameFilters(
        [
            translate("CsvDialogs", "CSV files (*.csv *.txt)"),
            translate("CsvDialogs", "All files (*)"),
        ]
    )
    folder = QSettings().value("csv/folder", "")
    if folder:
        dialog.setDirectory(str(folder))

    def chosen(path: str) -> None:
        QSettings().setValue("csv/folder", str(Path(path).parent))
        on_chosen(path)

    dialog.fileSelected.connect(chosen)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


# -- export ------------------------------------------------------------------------------


def export_board(
    parent: QWidget | None,
    service: BoardService,
    path: str | os.PathLike[str],
    delimiter: str = ",",
    include_done: bool = False,
    include_confidential: bool = False,
) -> int:
    """Export the board to ``path``; the number of items written, or -1 after showing why not.

    Runs in the UI thread under a busy cursor: 100,000 items take about two seconds, and
    the file is written to a temporary name and renamed, so it is never half written.
    """
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        count = export_csv(
            service.db,
            path,
            delimiter=delimiter,
            include_done=include_done,
            include_confidential=include_confidential,
            lang=current_language(),
            author=service.author,
        )
    except KanbanError as error:
        QApplication.restoreOverrideCursor()
        notify.show_error(parent, error, translate("CsvDialogs", "Export CSV"))
        return -1
    except BaseException:
        QApplication.restoreOverrideCursor()
        raise
    QApplication.restoreOverrideCursor()
    return count


@dataclass(frozen=True)
class ExportOptions:
    path: str
    delimiter: str  # ",", ";" or "tab" (kanban_sec.exchange.csv_codec.DELIMITERS)
    include_done: bool
    include_confidential: bool


def default_delimiter() -> str:
    """``;`` where numbers use a decimal comma (Norwegian Excel splits on it), else ``,``."""
    return ";" if QLocale().decimalPoint() == "," else ","


class ExportOptionsDialog(QDialog):
    """File, delimiter, and whether done and confidential items go in; choices remembered."""

    def __init__(self, parent: QWidget | None = None, path: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("export-options")
        self.setWindowTitle(self.tr("Export CSV"))
        settings = QSettings()

        self.path_edit = QLineEdit(path)
        self.path_edit.setObjectName("export-path")
        self.path_edit.setPlaceholderText(self.tr("Choose where to save the file"))
        self.path_edit.setMinimumWidth(320)
        browse = QPushButton(self.tr("Choose…"))
        browse.setObjectName("export-browse")
        browse.clicked.connect(self.browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(browse)

        self.delimiter = QComboBox()
        self.delimiter.setObjectName("export-delimiter")
        self.delimiter.addItem(self.tr("Comma (,)"), ",")
        self.delimiter.addItem(self.tr("Semicolon (;) — Excel with Norwegian settings"), ";")
        self.delimiter.addItem(self.tr("Tab"), "tab")
        wanted = str(settings.value("export/delimiter", default_delimiter()))
        self.delimiter.setCurrentIndex(max(0, self.delimiter.findData(wanted)))

        self.include_done = QCheckBox(self.tr("Include done items"))
        self.include_done.setObjectName("export-include-done")
        self.include_done.setChecked(bool(settings.value("export/include_done", False, type=bool)))
        self.include_confidential = QCheckBox(self.tr("Include confidential items"))
        self.include_confidential.setObjectName("export-include-confidential")
        self.include_confidential.setToolTip(
            self.tr("Confidential items are left out of an export unless you tick this.")
        )
        self.include_confidential.toggled.connect(self._confidential_warning)
        self.warning = QLabel(
            self.tr("The file will hold confidential items: store and share it accordingly.")
        )
        self.warning.setWordWrap(True)
        self.warning.setVisible(False)

        form = QFormLayout()
        form.addRow(self.tr("File:"), file_row)
        form.addRow(self.tr("Separator:"), self.delimiter)
        form.addRow("", self.include_done)
        form.addRow("", self.include_confidential)
        form.addRow("", self.warning)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Export"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.path_edit.textChanged.connect(self._update)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._update()

    def _confidential_warning(self, on: bool) -> None:
        self.warning.setVisible(on)

    def _update(self) -> None:
        self.ok_button.setEnabled(bool(self.path_edit.text().strip()))

    def browse(self) -> QFileDialog:
        dialog = QFileDialog(self, self.tr("Export CSV"))
        dialog.setObjectName("export-file")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilters([self.tr("CSV files (*.csv)"), self.tr("All files (*)")])
        dialog.setDefaultSuffix("csv")
        current = self.path_edit.text().strip()
        if current:
            dialog.selectFile(current)
        else:
            folder = QSettings().value("csv/folder", "")
            if folder:
                dialog.setDirectory(str(folder))
            dialog.selectFile("kanban-sec.csv")
        dialog.fileSelected.connect(self.path_edit.setText)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def options(self) -> ExportOptions:
        return ExportOptions(
            self.path_edit.text().strip(),
            str(self.delimiter.currentData()),
            self.include_done.isChecked(),
            self.include_confidential.isChecked(),
        )

    def accept(self) -> None:
        options = self.options()
        if not options.path:
            return
        settings = QSettings()
        settings.setValue("export/delimiter", options.delimiter)
        settings.setValue("export/include_done", options.include_done)
        settings.setValue("csv/folder", str(Path(options.path).parent))
        super().accept()


def ask_and_export(
    parent: QWidget | None, service: BoardService, on_done: Any = None
) -> ExportOptionsDialog:
    """File ▸ Export: open the options dialog; on Export write the file and call
    ``on_done(count, path, left_out)`` (count -1 when it failed and the user was told why;
    ``left_out``: the confidential items the file does not hold)."""
    dialog = ExportOptionsDialog(parent)

    def accepted() -> None:
        options = dialog.options()
        count = export_board(
            parent,
            service,
            options.path,
            options.delimiter,
            options.include_done,
            options.include_confidential,
        )
        left_out = (
            0
            if options.include_confidential or count < 0
            else confidential_left_out(service.db, include_done=options.include_done)
        )
        if on_done is not None:
            on_done(count, options.path, left_out)

    dialog.accepted.connect(accepted)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
