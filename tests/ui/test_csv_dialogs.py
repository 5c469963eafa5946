"""CSV import (off the UI thread, all or nothing, cancellable) and export from the window."""

from __future__ import annotations

import csv
import io

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from kanban_sec.domain.errors import ImportProblems
from kanban_sec.services.board import BoardService
from kanban_sec.services.session import Session
from kanban_sec.store.unit_of_work import reading
from kanban_sec.ui import csv_dialogs
from kanban_sec.ui.csv_dialogs import (
    CsvImporter,
    ExportOptionsDialog,
    ImportErrorsDialog,
    ask_and_export,
    export_board,
    import_summary,
)

BAD_LINES = [
    "title,likelihood,consequence,status,due_date",
    "A,9,3,backlog,",
    "B,2,x,backlog,",
    ",3,3,backlog,",
    "D,3,3,nowhere,soon",
]
BAD_PROBLEMS = [
    (2, "likelihood", "“9” is outside 1–5"),
    (3, "consequence", "“x” is not a whole number"),
    (4, "title", "the title is missing"),
    (5, "due_date", "“soon” is not a date (use YYYY-MM-DD)"),
    (5, "status", "“nowhere” is not a column (use backlog, next, doing, verify, done)"),
]


def _write(tmp_path, *lines, name="in.csv"):
    path = tmp_path / name
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8-sig"))
    return path


def _count(service):
    with reading(service.db) as reader:
        return reader.conn.exec_driver_sql(
            "SELECT count(*) FROM items WHERE deleted_at IS NULL"
        ).scalar_one()


def _titles(service):
    return {entry.item.title for entry in service.view().entries}


@pytest.fixture
def window(qtbot):
    widget = QWidget()
    widget.resize(900, 600)
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def importer(window):
    importer = CsvImporter(window)
    yield importer
    importer.cancel()
    assert importer.wait(30)


def _big_file(tmp_path, rows=50_000):
    path = tmp_path / "big.csv"
    path.write_bytes(("title\r\n" + "".join(f"Item {n}\r\n" for n in range(rows))).encode())
    return path


# -- import ------------------------------------------------------------------------------


def test_a_good_file_is_imported_off_the_ui_thread_and_reported(
    qtbot, window, importer, db, live, tmp_path
):
    # New chains and units are governed data: a governing member imports this file.
    service = BoardService(Session(db, "Siri Lunde", "en"))
    before = _count(service)
    path = _write(
        tmp_path,
        "title,chain,link,likelihood,consequence,owner_unit",
        "Tofaktor for VPN,Fjernaksess,VPN,4,5,Kommune / IT / Nett",
        "Logg innlogginger,Fjernaksess,VPN,3,4,Kommune / IT / Nett",
    )
    with qtbot.waitSignal(importer.finished, timeout=20_000) as finished:
        assert importer.start(window, service, path)
        assert importer.running
        assert not importer.start(window, service, path)  # one import at a time
    outcome = finished.args[0]
    assert outcome.counts == {"created": 2, "updated": 0, "unchanged": 0}
    assert not importer.running
    assert _count(service) == before + 2
    assert {"Tofaktor for VPN", "Logg innlogginger"} <= _titles(service)
    live.apply(outcome)  # the window's board takes the outcome like any other call
    assert {"Tofaktor for VPN", "Logg innlogginger"} <= {i.title for i in live.items.values()}
    assert import_summary(outcome, path) == "imported in.csv: 2 new, 0 changed, 0 unchanged"
    assert (
        window.findChild(QWidget, "csv-progress") is None
        or not window.findChild(QWidget, "csv-progress").isVisible()
    )


def test_a_dry_run_counts_and_writes_nothing(qtbot, window, importer, service, tmp_path):
    before = _count(service)
    path = _write(tmp_path, "title", "Ny sak", "Annen sak")
    with qtbot.waitSignal(importer.finished, timeout=20_000) as finished:
        importer.start(window, service, path, dry_run=True)
    assert finished.args[0].counts == {"created": 2, "updated": 0, "unchanged": 0}
    assert _count(service) == before


def test_a_bad_file_shows_every_problem_in_a_table_and_writes_nothing(
    qtbot, window, importer, service, tmp_path
):
    before = _count(service)
    path = _write(tmp_path, *BAD_LINES)
    with qtbot.waitSignal(importer.failed, timeout=20_000) as failed:
        importer.start(window, service, path)
    assert isinstance(failed.args[0], ImportProblems)
    dialog = window.findChild(ImportErrorsDialog, "import-errors")
    assert dialog is importer.dialog
    assert dialog.isVisible()
    assert dialog.model.rowCount() == len(BAD_PROBLEMS)
    assert dialog.rows() == BAD_PROBLEMS
    assert dialog.header.text() == (
        "Nothing was imported. Fix these 5 problems in in.csv and import again."
    )
    assert _count(service) == before


def test_the_report_sorts_and_copies_as_text(qtbot, tmp_path):
    problems = _problems_of(tmp_path)
    dialog = ImportErrorsDialog(problems)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.table.sortByColumn(dialog.COLUMN, csv_dialogs.Qt.SortOrder.AscendingOrder)
    assert [column for _, column, _ in dialog.rows()] == sorted(
        column for _, column, _ in BAD_PROBLEMS
    )
    dialog.table.sortByColumn(dialog.LINE, csv_dialogs.Qt.SortOrder.DescendingOrder)
    assert [line for line, _, _ in dialog.rows()] == [5, 5, 4, 3, 2]
    dialog.copy_button.click()
    text = QGuiApplication.clipboard().text()
    assert text.startswith("Nothing was imported. Fix these 5 problems in in.csv")
    assert "Line\tColumn\tProblem" in text
    assert "2\tlikelihood\t“9” is outside 1–5" in text


def test_one_problem_reads_as_one(qtbot, tmp_path):
    path = _write(tmp_path, "title,likelihood", "A,7")
    with pytest.raises(ImportProblems) as caught:
        _import_directly(path, tmp_path)
    dialog = ImportErrorsDialog(caught.value)
    qtbot.addWidget(dialog)
    assert dialog.sentence == "Nothing was imported. Fix this problem in in.csv and import again."
    assert dialog.rows() == [(2, "likelihood", "“7” is outside 1–5")]


def _import_directly(path, tmp_path):
    from kanban_sec.services.board import BoardService
    from kanban_sec.services.csv_exchange import import_csv
    from kanban_sec.store.database import open_database

    db = open_database(tmp_path / "direct.sqlite", daily_backup=False)
    try:
        return import_csv(BoardService(Session(db, "tester")), path)
    finally:
        db.close()


def _problems_of(tmp_path):
    path = _write(tmp_path, *BAD_LINES)
    with pytest.raises(ImportProblems) as caught:
        _import_directly(path, tmp_path)
    return caught.value


def test_the_report_speaks_norwegian_when_the_window_does(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(csv_dialogs, "current_language", lambda: "nb")
    dialog = ImportErrorsDialog(_problems_of(tmp_path))
    qtbot.addWidget(dialog)
    assert dialog.rows()[0] == (2, "likelihood", "«9» er utenfor 1–5")


def test_other_errors_are_a_message_in_the_users_language(
    qtbot, window, importer, service, tmp_path
):
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    with qtbot.waitSignal(importer.failed, timeout=20_000):
        importer.start(window, service, path)
    box = importer.dialog
    assert isinstance(box, QMessageBox) and box.objectName() == "error-dialog"
    assert box.isVisible()
    assert "empty.csv is empty" in box.text()


def test_unknown_columns_can_be_left_out_after_asking(qtbot, window, importer, service, tmp_path):
    before = _count(service)
    path = _write(tmp_path, "title,Kommentar fra Excel", "Sak fra regneark,husk dette")
    importer.start(window, service, path)
    qtbot.waitUntil(lambda: isinstance(importer.dialog, QMessageBox), timeout=20_000)
    box = importer.dialog
    assert box.objectName() == "import-unknown-columns"
    assert "Kommentar fra Excel" in box.text()
    assert _count(service) == before
    with qtbot.waitSignal(importer.finished, timeout=20_000):
        box.button(QMessageBox.StandardButton.Yes).click()
    assert _count(service) == before + 1


def test_unknown_columns_refused_write_nothing(qtbot, window, importer, service, tmp_path):
    before = _count(service)
    path = _write(tmp_path, "title,extra", "Sak,x")
    importer.start(window, service, path)
    qtbot.waitUntil(lambda: isinstance(importer.dialog, QMessageBox), timeout=20_000)
    with qtbot.waitSignal(importer.failed, timeout=5_000):
        importer.dialog.button(QMessageBox.StandardButton.Cancel).click()
    assert _count(service) == before


# -- a big file: the window stays responsive, Cancel really cancels ------------------------


def test_the_window_stays_responsive_during_a_big_import(
    qtbot, window, importer, service, tmp_path
):
    before = _count(service)
    path = _big_file(tmp_path)
    ticks = {"during": 0}
    timer = QTimer()
    timer.setInterval(10)

    def tick():
        if importer.running:
            ticks["during"] += 1

    timer.timeout.connect(tick)
    timer.start()
    try:
        with qtbot.waitSignal(importer.finished, timeout=120_000) as finished:
            importer.start(window, service, path)
            qtbot.waitUntil(
                lambda: importer.progress is not None and importer.progress.isVisible(),
                timeout=10_000,
            )
            progress = window.findChild(QWidget, "csv-progress")
            assert progress is importer.progress
    finally:
        timer.stop()
    assert ticks["during"] >= 5, ticks  # the event loop ran timers while the import worked
    assert finished.args[0].counts["created"] == 50_000
    assert _count(service) == before + 50_000


def test_cancel_stops_a_big_import_and_writes_nothing(qtbot, window, importer, service, tmp_path):
    before = _count(service)
    path = _big_file(tmp_path)
    finished = []
    importer.finished.connect(finished.append)
    with qtbot.waitSignal(importer.cancelled, timeout=60_000):
        importer.start(window, service, path)
        qtbot.waitUntil(
            lambda: importer.progress is not None and importer.progress.isVisible(), timeout=10_000
        )
        importer.progress.cancel_button.click()
        # The dialog stays up, saying so, until the worker has rolled back.
        assert importer.progress is None or (
            importer.progress.isVisible() and importer.progress.labelText().startswith("Cancelling")
        )
    assert not finished
    assert not importer.running
    assert importer.note == "Import cancelled: nothing was written."
    assert _count(service) == before


def test_escape_on_the_progress_dialog_cancels_too(qtbot, window, importer, service, tmp_path):
    path = _big_file(tmp_path)
    with qtbot.waitSignal(importer.cancelled, timeout=60_000):
        importer.start(window, service, path)
        qtbot.waitUntil(
            lambda: importer.progress is not None and importer.progress.isVisible(), timeout=10_000
        )
        importer.progress.reject()


def test_cancel_interrupts_a_long_statement(
    qtbot, window, importer, service, tmp_path, monkeypatch
):
    """Cancel while SQLite works inside one long statement: the progress handler stops it."""
    from kanban_sec.store.unit_of_work import writing

    def slow_import(worker_service, path, **_kwargs):
        with writing(worker_service.db, worker_service.author) as uow:
            uow.conn.exec_driver_sql("UPDATE items SET title = 'overwritten'")
            uow.conn.exec_driver_sql(  # seconds of work in one statement
                "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c"
                " WHERE x < 2000000000) SELECT count(*) FROM c"
            ).scalar_one()
        raise AssertionError("not interrupted")

    monkeypatch.setattr(csv_dialogs, "import_csv", slow_import)
    before = _titles(service)
    with qtbot.waitSignal(importer.cancelled, timeout=30_000):
        importer.start(window, service, _write(tmp_path, "title", "x"))
        qtbot.waitUntil(
            lambda: importer.progress is not None and importer.progress.isVisible(), timeout=10_000
        )
        importer.cancel()
    assert _titles(service) == before


def test_a_cancel_at_the_commit_gate_rolls_back(
    qtbot, window, importer, service, tmp_path, monkeypatch
):
    """Cancel pressed while the import commits: the commit gate rolls the transaction back."""
    before = _count(service)
    real_open = csv_dialogs.open_database

    def opened(*args, **kwargs):
        db = real_open(*args, **kwargs)
        # Runs just before the importer's own commit gate: as if Cancel came right then.
        db.hooks.before_commit.append(importer.call.cancel)
        return db

    monkeypatch.setattr(csv_dialogs, "open_database", opened)
    path = _write(tmp_path, "title", "Nesten importert")
    with qtbot.waitSignal(importer.cancelled, timeout=20_000):
        importer.start(window, service, path)
    assert _count(service) == before
    assert "Nesten importert" not in _titles(service)


def test_a_cancel_after_the_commit_keeps_the_import_and_says_so(
    qtbot, window, importer, service, tmp_path, monkeypatch
):
    real_import = csv_dialogs.import_csv

    def committed_then_cancelled(*args, **kwargs):
        outcome = real_import(*args, **kwargs)
        importer.call.cancel()  # Cancel pressed after COMMIT: too late to undo
        return outcome

    monkeypatch.setattr(csv_dialogs, "import_csv", committed_then_cancelled)
    path = _write(tmp_path, "title", "Allerede lagret")
    with qtbot.waitSignal(importer.finished, timeout=20_000):
        importer.start(window, service, path)
    assert "Allerede lagret" in _titles(service)
    assert importer.note.startswith("The import had already been saved")


# -- export ------------------------------------------------------------------------------


def _read_export(path):
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    return data[3:].decode("utf-8")


def _confidential_titles(service):
    return {
        e.item.title
        for e in service.view().entries
        if e.item.classification.value == "confidential" and e.item.status.value != "done"
    }


def test_export_writes_bom_and_the_chosen_delimiter_without_confidential_items(
    qtbot, window, service, tmp_path
):
    secret = _confidential_titles(service)
    assert secret, "the example board has confidential items"
    path = tmp_path / "out.csv"
    count = export_board(window, service, path, delimiter=";")
    assert count > 0
    assert QApplication.overrideCursor() is None
    text = _read_export(path)
    assert text.splitlines()[0].startswith("id;title;description;status;")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert len(rows) == count
    titles = {row["title"] for row in rows}
    assert not titles & secret
    assert {row["status"] for row in rows} <= {"backlog", "next", "doing", "verify"}


def test_export_includes_confidential_and_done_items_when_asked(qtbot, window, service, tmp_path):
    path = tmp_path / "all.tsv"
    count = export_board(
        window, service, path, delimiter="tab", include_done=True, include_confidential=True
    )
    text = _read_export(path)
    assert text.splitlines()[0].startswith("id\ttitle\t")
    rows = list(csv.DictReader(io.StringIO(text), delimiter="\t"))
    assert len(rows) == count == len(service.view().entries)
    titles = {row["title"] for row in rows}
    assert _confidential_titles(service) <= titles
    assert "done" in {row["status"] for row in rows}


def test_a_failed_export_is_a_message_not_a_traceback(qtbot, window, service, tmp_path):
    count = export_board(window, service, tmp_path / "missing-folder" / "out.csv")
    assert count == -1
    assert QApplication.overrideCursor() is None
    box = window.findChild(QMessageBox, "error-dialog")
    assert box is not None and box.isVisible()
    assert "cannot write" in box.text()


def test_the_export_options_dialog(qtbot, window, service, tmp_path):
    done = []
    dialog = ask_and_export(
        window, service, on_done=lambda count, path, left: done.append((count, path, left))
    )
    assert dialog.objectName() == "export-options"
    assert dialog.isVisible()
    assert not dialog.ok_button.isEnabled()  # no file yet
    assert dialog.delimiter.currentData() == ","  # English locale: comma
    path = tmp_path / "options.csv"
    dialog.path_edit.setText(str(path))
    dialog.delimiter.setCurrentIndex(dialog.delimiter.findData(";"))
    dialog.include_confidential.setChecked(True)
    assert dialog.warning.isVisibleTo(dialog)
    assert dialog.options() == csv_dialogs.ExportOptions(str(path), ";", False, True)
    dialog.ok_button.click()
    assert done and done[0][0] > 0 and done[0][1] == str(path)
    assert done[0][2] == 0  # confidential items were included: nothing left out
    rows = list(csv.DictReader(io.StringIO(_read_export(path)), delimiter=";"))
    assert _confidential_titles(service) <= {row["title"] for row in rows}
    # The choices are remembered for the next export.
    again = ExportOptionsDialog(window)
    qtbot.addWidget(again)
    assert again.delimiter.currentData() == ";"
