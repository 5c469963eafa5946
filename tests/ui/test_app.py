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


def test_the_window_paints_before_loading_the_write_path_then_loads_it(qtbot, db_path):
    from kanban_sec.app import create_main_window
    from kanban_sec.domain.model import Status

    ensure_app()
    window = create_main_window(db_path)
    qtbot.addWidget(window)
    db = window.service.db
    assert db._engine is None  # building the board only read: no SQLAlchemy engine yet
    window.show()
    qtbot.waitUntil(lambda: db._engine is not None, timeout=5000)  # loaded once painted
    item_id = window.board.model(Status.BACKLOG).ids()[0]
    window.move_items([item_id], Status.NEXT)
    assert window.live.items[item_id].status is Status.NEXT
