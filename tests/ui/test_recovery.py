"""A damaged board file at start: the window offers a copy of the newest good backup."""

from __future__ import annotations

import os
import sqlite3
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from kanban_sec import app as app_module
from kanban_sec.app import create_main_window
from kanban_sec.store import backup
from kanban_sec.store.recovery import DamagedDatabase, backup_date
from kanban_sec.ui.recovery_dialog import RecoveryDialog


def _damage(path, with_backup=True):
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    good = None
    if with_backup:
        good = backup.take(path)
        stamp = time.time() - 7200
        os.utime(good, (stamp, stamp))
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return good


def test_the_dialog_says_what_is_wrong_and_opens_a_copy_of_the_backup(qtbot, db_path):
    good = _damage(db_path)
    before = db_path.read_bytes()
    with pytest.raises(DamagedDatabase) as caught:
        create_main_window(db_path)
    dialog = RecoveryDialog(caught.value, "en")
    qtbot.addWidget(dialog)
    text = dialog.text.text()
    assert "damaged" in text and str(db_path) in text and backup_date(good) in text
    assert dialog.open_copy is not None and dialog.open_copy.text() == "Open a copy of the backup"
    qtbot.mouseClick(dialog.open_copy, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    restored = dialog.restored()
    assert restored is not None and restored.parent == db_path.parent
    assert str(restored) in dialog.restored_message()
    assert str(db_path) in dialog.restored_message()
    window = create_main_window(restored)
    qtbot.addWidget(window)
    assert window.live.board.items
    assert db_path.read_bytes() == before


def test_the_start_opens_the_copy_and_says_where_both_files_are(qtbot, db_path, monkeypatch):
    _damage(db_path)
    before = db_path.read_bytes()

    def click_open_copy(dialog):
        dialog.accept()
        return 1

    monkeypatch.setattr(RecoveryDialog, "exec", click_open_copy)
    with pytest.raises(DamagedDatabase) as caught:
        create_main_window(db_path)
    window = app_module._open_restored(caught.value)
    assert window is not None
    qtbot.addWidget(window)
    assert window.db_path != db_path and window.db_path.name.startswith("board-restored-")
    boxes = [
        w
        for w in QApplication.topLevelWidgets() + window.findChildren(QMessageBox)
        if isinstance(w, QMessageBox) and w.objectName() == "info-dialog"
    ]
    assert any(str(db_path) in b.text() and str(window.db_path) in b.text() for b in boxes)
    for box in boxes:
        box.close()
    assert db_path.read_bytes() == before


def test_without_a_good_backup_only_close_is_offered(qtbot, db_path, monkeypatch):
    _damage(db_path, with_backup=False)
    with pytest.raises(DamagedDatabase) as caught:
        create_main_window(db_path)
    dialog = RecoveryDialog(caught.value, "nb")
    qtbot.addWidget(dialog)
    assert dialog.open_copy is None
    assert "ingen god sikkerhetskopi" in dialog.text.text()
    monkeypatch.setattr(RecoveryDialog, "exec", lambda self: 0)
    assert app_module._open_restored(caught.value) is None


def test_a_second_window_on_a_held_file_says_who_holds_it(qtbot, db_path):
    import json
    import socket
    import subprocess
    import sys

    from kanban_sec.store.database import lock_path

    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        lock_path(db_path).write_text(
            json.dumps(
                {
                    "user": "kari",
                    "host": socket.gethostname(),
                    "pid": other.pid,
                    "since": "2026-01-02 08:15",
                }
            ),
            encoding="utf-8",
        )
        window = create_main_window(db_path)
        qtbot.addWidget(window)
        held = window.service.db.held_error()
        assert held is not None
        assert "kari" in held.message("en") and "only read" in held.message("en")
        assert "bare lese" in held.message("nb")
    finally:
        other.kill()
        other.wait()
