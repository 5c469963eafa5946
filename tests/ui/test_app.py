"""The application shell: unexpected errors are logged whole and shown once."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from kanban_sec.app import ensure_app, install_exception_hook


def test_an_unexpected_error_is_logged_and_shown_once(qtbot, tmp_path, monkeypatch):
    ensure_app()
    log = tmp_path / "logs" / "kanban-sec.log"
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_exception_hook(log)
    for _ in range(2):
        try:
            raise RuntimeError("kaputt")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())
    text = log.read_text(encoding="utf-8")
    assert text.count("RuntimeError: kaputt") == 2 and "Traceback" in text
    boxes = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, QMessageBox) and w.objectName() == "error-dialog"
             and w.isVisible()]
    assert len(boxes) == 1
    assert str(log) in boxes[0].text() and "kaputt" in boxes[0].text()
    boxes[0].close()
