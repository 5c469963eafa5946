"""File ▸ Import CSV runs as an asyncio task on the qasync loop: the window keeps working,
the progress dialog counts the lines, and Cancel leaves the board as it was."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLineEdit

ROWS = 30_000


def _choose(qtbot, window, path):
    """File ▸ Import CSV…, type the file's name, Return."""
    window.import_action.trigger()
    qtbot.waitUntil(lambda: window.findChild(QFileDialog, "import-file") is not None)
    dialog = window.findChild(QFileDialog, "import-file")
    qtbot.waitUntil(dialog.isVisible)
    name = dialog.findChild(QLineEdit, "fileNameEdit")
    name.setText(str(path))
    qtbot.keyClick(name, Qt.Key.Key_Return)


def _titles(window):
    return {item.title for item in window.live.items.values()}


def test_an_import_shows_its_progress_and_cancel_leaves_the_board_unchanged(
    window_as, qtbot, tmp_path, qasync_loop
):
    window = window_as("Astrid Myklebust")
    path = tmp_path / "mange.csv"
    path.write_bytes(("title\r\n" + "".join(f"Sak {n}\r\n" for n in range(ROWS))).encode())
    before = _titles(window)
    _choose(qtbot, window, path)
    qtbot.waitUntil(
        lambda: window.files.importer is not None and window.files.importer.running, timeout=10_000
    )
    importer = window.files.importer
    # The work is an asyncio task on the loop the application runs (qasync's).
    assert importer.call.task in asyncio.all_tasks(qasync_loop)
    progress = importer.progress
    qtbot.waitUntil(lambda: progress.isVisible() and progress.value() > 0, timeout=20_000)
    assert progress.maximum() == ROWS  # it counts the file's lines
    progress.grab().save(str(tmp_path / "import-progress.png"))

    with qtbot.waitSignal(importer.cancelled, timeout=30_000):
        qtbot.mouseClick(progress.cancel_button, Qt.MouseButton.LeftButton)
    assert importer.note == "Import cancelled: nothing was written."
    assert not importer.running
    assert _titles(window) == before
    window.reload()  # what the database holds, read again
    assert _titles(window) == before


def test_an_import_on_the_loop_lands_on_the_board_and_undoes(window_as, qtbot, tmp_path):
    window = window_as("Astrid Myklebust")
    path = tmp_path / "noen.csv"
    path.write_bytes(("title\r\n" + "".join(f"Ny sak {n}\r\n" for n in range(3000))).encode())
    before = _titles(window)
    _choose(qtbot, window, path)
    qtbot.waitUntil(lambda: len(_titles(window) - before) == 3000, timeout=30_000)
    assert not window.files.importer.running
    window.undo_action.trigger()
    assert _titles(window) == before
