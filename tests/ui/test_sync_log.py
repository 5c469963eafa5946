"""A sync that fails unexpectedly is logged in full, but the log holds no password."""

from __future__ import annotations

import psycopg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from kanban_sec import runtime

PASSWORD = "kari-Secret-71"


def test_a_failed_connection_test_logs_its_traceback_without_the_password(
    window_as, qtbot, tmp_path, monkeypatch
):
    log = tmp_path / "log" / "kanban-sec.log"
    monkeypatch.setattr(runtime, "log_path", lambda: log)

    def unreachable(conninfo, **options):  # the driver fails and repeats the conninfo
        raise OSError(
            f"cannot reach postgresql://kari:{options['password']}@db.example/board"
            f" (host=db.example password={options['password']})"
        )

    monkeypatch.setattr(psycopg, "connect", unreachable)
    window = window_as("Astrid Myklebust")
    window.sync_settings_action.trigger()
    dialog = window.findChild(QDialog, "sync-settings-dialog")
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.remote_edit, "postgresql://kari@db.example/board")
    qtbot.keyClicks(dialog.password_edit, PASSWORD)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: "went wrong" in dialog.result_label.text(), timeout=5000)
    said = dialog.result_label.text()
    assert str(log) in said and PASSWORD not in said
    text = log.read_text(encoding="utf-8")
    assert "Traceback" in text and "OSError: cannot reach" in text
    assert "postgresql://kari:***@db.example/board" in text
    assert PASSWORD not in text
    dialog.close()
