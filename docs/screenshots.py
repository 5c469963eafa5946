"""Take the README's screenshots of the example board, as a person sees them.

Run under a real X server (``xvfb-run -a .venv/bin/python docs/screenshots.py``): it loads
the example board into a temporary folder, opens the window as the example's team lead in
Norwegian, and saves the board at 1400×900 and 1280×720, the standup, the annual wheel, the
ROS matrix of risks, the risk register and the medication dispenser's chain map into
``docs/screenshots/``.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import tempfile
from pathlib import Path

from kanban_sec.services.session import Session

OUT = Path(__file__).resolve().parent / "screenshots"
PERSON = "Astrid Myklebust"


def main() -> int:
    os.environ.setdefault("KANBAN_SEC_LANG", "nb")
    os.environ["KANBAN_SEC_USER"] = PERSON
    with tempfile.TemporaryDirectory() as folder:
        os.environ["XDG_CONFIG_HOME"] = str(Path(folder) / "config")
        os.environ["XDG_DATA_HOME"] = str(Path(folder) / "data")
        from PySide6.QtWidgets import QApplication

        from kanban_sec.app import create_main_window, ensure_app
        from kanban_sec.services.board import BoardService
        from kanban_sec.services.demo import load_demo
        from kanban_sec.store.database import open_database
        from kanban_sec.ui.whoami import remember_person

        path = Path(folder) / "eksempel.sqlite"
        db = open_database(path, daily_backup=False)
        try:
            load_demo(BoardService(Session(db, PERSON)))
        finally:
            db.close()
        conn = sqlite3.connect(path)
        try:
            (person,) = conn.execute("SELECT id FROM people WHERE name = ?", (PERSON,)).fetchone()
        finally:
            conn.close()
        ensure_app()  # the person is remembered in the application's own settings
        remember_person(path, person)
        window = create_main_window(path)
        app = QApplication.instance()
        assert app is not None
        OUT.mkdir(exist_ok=True)
        top = min(window.live.ranking.values(), key=lambda r: r.rank)
        window.board.select_item(top.item_id)  # the side panel says why it is first
        for width, height in ((1400, 900), (1280, 720)):
            window.showNormal()
            window.resize(width, height)
            window.show()
            for _ in range(20):
                app.processEvents()
            window.grab().save(str(OUT / f"board-{width}x{height}.png"))
        window.open_standup()
        for _ in range(20):
            app.processEvents()
        for widget in app.topLevelWidgets():
            if widget.isVisible() and widget.objectName() in ("standup-window", "wheel-window"):
                widget.grab().save(str(OUT / f"{widget.objectName()}.png"))
                widget.close()
        window.open_wheel()
        for _ in range(20):
            app.processEvents()
        for widget in app.topLevelWidgets():
            if widget.isVisible() and widget is not window:
                widget.grab().save(str(OUT / "wheel-window.png"))
                widget.close()
        _ros_windows(app, window, conn_path=path)
        window.close()
    return 0


def _ros_windows(app, window, conn_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The ROS matrix of risks, the risk register and the dispenser's chain map."""

    def settle() -> None:
        for _ in range(30):
            app.processEvents()

    conn = sqlite3.connect(conn_path)
    try:
        (dispenser,) = conn.execute(
            "SELECT id FROM chains WHERE name = 'Medisindispenser'"
        ).fetchone()
    finally:
        conn.close()
    shots = (
        ("ros-matrix", window.matrix_action.trigger, (1000, 700)),
        ("risk-register", window.register_action.trigger, (1400, 700)),
        ("chain-map", lambda: window.open_chain_map(dispenser), (1400, 900)),
    )
    for name, opener, (width, height) in shots:
        before = {w for w in app.topLevelWidgets() if w.isVisible()}
        opener()
        settle()
        opened = [w for w in app.topLevelWidgets() if w.isVisible() and w not in before]
        for widget in opened:
            widget.resize(width, height)
            settle()
            widget.grab().save(str(OUT / f"{name}.png"))
            widget.close()


if __name__ == "__main__":
    sys.exit(main())
