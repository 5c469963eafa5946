"""The first start of the app: choose the example board, then who you are."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from kanban_sec import app as app_module


def _when_shown(name: str, act) -> None:
    """Act on the dialog called ``name`` as soon as it is up (it runs its own loop)."""

    def poll() -> None:
        for widget in QApplication.topLevelWidgets():
            if widget.objectName() == name and widget.isVisible():
                act(widget)
                return
        QTimer.singleShot(20, poll)

    QTimer.singleShot(20, poll)


def test_first_start_offers_the_example_and_asks_who_i_am(qtbot, tmp_path, monkeypatch):
    default = tmp_path / "data" / "kanban-sec.sqlite"
    monkeypatch.setattr("kanban_sec.runtime.default_db_path", lambda: default)
    monkeypatch.setattr("kanban_sec.runtime.log_path", lambda: tmp_path / "log" / "k.log")
    shown = {}

    def started(window) -> None:  # instead of entering the event loop
        shown["window"] = window
        return 0

    _when_shown("first-run", lambda dialog: dialog.choose("demo"))
    monkeypatch.setattr(app_module, "_run_loop", started)
    _when_shown("who-am-i", lambda dialog: _pick(dialog))
    assert app_module.run_window(None) == 0
    window = shown["window"]
    qtbot.addWidget(window)
    assert default.exists()
    assert sum(1 for i in window.live.items.values() if i.activity_id is None) == 39
    assert window.live.me is not None
    assert window.service.author == window.live.board.people[window.live.me].name
    window.close()


def _pick(dialog) -> None:
    dialog.people_view.selectRow(0)
    dialog.accept()


def test_a_database_that_cannot_open_is_a_message_not_a_traceback(qtbot, tmp_path, monkeypatch):
    notes = tmp_path / "notater.sqlite"
    notes.write_text("ikke en database", encoding="utf-8")
    monkeypatch.setattr("kanban_sec.runtime.log_path", lambda: tmp_path / "log" / "k.log")
    seen = []

    def read_and_close(box) -> None:
        seen.append(box.text())
        box.close()

    _when_shown("start-error", read_and_close)
    assert app_module.run_window(notes) == 2
    assert seen and "not SQLite" in seen[0] and str(notes) in seen[0]
    assert notes.read_text(encoding="utf-8") == "ikke en database"
