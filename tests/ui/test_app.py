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
    boxes = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox)
        and w.objectName() == "error-dialog"
        and w.isVisible()
        and "kaputt" in w.text()
    ]
    assert len(boxes) == 1
    assert str(log) in boxes[0].text() and "kaputt" in boxes[0].text()
    boxes[0].close()


def test_dark_palette_keeps_card_text_readable(qtbot, db_path):
    from PySide6.QtGui import QPalette

    from kanban_sec.app import _follow_system_palette, create_main_window

    app = ensure_app()
    before = app.palette()
    try:
        _follow_system_palette(app, dark=True)
        palette = app.palette()
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        assert base.lightness() < 60 and text.lightness() > 180  # light text on dark
        window = create_main_window(db_path)
        qtbot.addWidget(window)
        window.resize(1000, 700)
        window.show()
        from kanban_sec.domain.model import Status

        view = window.board.view(Status.VERIFY)
        image = view.viewport().grab().toImage()
        rect = view.visualRect(view.model().index(0, 0))
        # A spot inside the first card, right of the text: the card is painted dark.
        spot = image.pixelColor(rect.right() - 20, rect.bottom() - 12)
        assert spot.lightness() < 100, spot.name()
        window.close()
    finally:
        app.setPalette(before)


def test_the_window_starts_and_moves_a_card_without_sqlalchemy(db_path, tmp_path):
    import subprocess

    probe = (
        "import sys\n"
        "from kanban_sec.app import create_main_window, ensure_app\n"
        "from kanban_sec.domain.model import Status\n"
        "app = ensure_app()\n"
        f"window = create_main_window({str(db_path)!r})\n"
        "window.show()\n"
        "app.processEvents()\n"
        "item_id = window.board.model(Status.BACKLOG).ids()[0]\n"
        "window.move_items([item_id], Status.NEXT)\n"
        "print(window.live.items[item_id].status.value, 'sqlalchemy' in sys.modules)\n"
    )
    env = {
        "QT_QPA_PLATFORM": "offscreen",
        "KANBAN_SEC_USER": "Siri Lunde",
        "KANBAN_SEC_LANG": "en",
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split()[-2:] == ["next", "False"]
