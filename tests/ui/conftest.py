"""GUI tests drive the real window offscreen with pytest-qt."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.environ["QT_QPA_PLATFORM"] == "offscreen":
    # The offscreen screen as a laptop's 1280×720 (the smallest the window promises to
    # fit; Qt's own offscreen screen is 800×600): dialogs are fitted to it.
    os.environ["QT_QPA_PLATFORM"] = (
        f"offscreen:configfile={Path(__file__).with_name('screen-1280x720.json')}"
    )
os.environ.setdefault("KANBAN_SEC_LANG", "en")
os.environ.setdefault("KANBAN_SEC_USER", "tester")

import pytest

from kanban_sec.services.board import BoardService
from kanban_sec.services.demo import load_demo
from kanban_sec.services.live_board import LiveBoard
from kanban_sec.services.session import Session
from kanban_sec.store.database import open_database
from tests.qt_loop import _qasync_session_loop, qasync_loop  # noqa: F401 (fixtures)


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory):
    """The example board, built once; tests get copies."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    db = open_database(path, daily_backup=False)
    try:
        load_demo(BoardService(Session(db, "tester")))
    finally:
        db.close()
    return path


@pytest.fixture
def db_path(demo_file, tmp_path):
    path = tmp_path / "board.sqlite"
    shutil.copy(demo_file, path)
    return path


@pytest.fixture
def db(db_path):
    database = open_database(db_path, daily_backup=False)
    yield database
    database.close()


@pytest.fixture
def service(db):
    return BoardService(Session(db, "tester", "en"))


@pytest.fixture
def live(service):
    return LiveBoard(service)


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path, monkeypatch):
    """QSettings and user folders in the test's own folder."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("HOME", str(tmp_path))
    from PySide6.QtCore import QCoreApplication, QSettings

    QCoreApplication.setOrganizationName("kanban-sec-tests")
    QCoreApplication.setApplicationName("kanban-sec")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "config")
    )
    yield


@pytest.fixture(autouse=True)
def _background_on_the_loop(qasync_loop):  # noqa: F811 (the fixture, imported above)
    """The window's background work runs on qasync's loop, as in the application."""
    return qasync_loop


@pytest.fixture
def window_as(qtbot, db_path):
    """``window_as(name)``: the main window on the example board as that person (chosen
    under Who am I), 1400×900, shown; closed after the test."""
    import sqlite3

    from kanban_sec.app import create_main_window
    from kanban_sec.ui.whoami import remember_person

    windows = []

    def open_as(name: str):
        conn = sqlite3.connect(db_path)
        try:
            person = conn.execute("SELECT id FROM people WHERE name = ?", (name,)).fetchone()
        finally:
            conn.close()
        remember_person(db_path, person[0])
        window = create_main_window(db_path)
        qtbot.addWidget(window)
        window.resize(1400, 900)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield open_as
    for window in windows:
        window.close()


@pytest.fixture
def model_tester(request, qtlog):
    """``model_tester.check(model)``: Qt's own model tester (``QAbstractItemModelTester``)
    and pytest-qt's Python one watch ``model`` through every later change, one pair of
    testers per model. The Qt tester only warns ("FAIL! ..."), so its warnings fail the
    test here; the Python tester's failures do so by themselves."""
    import contextlib

    from pytestqt.modeltest import ModelTester

    testers: list[ModelTester] = []

    class Strict:
        def check(self, model) -> None:
            for force_py in (False, True):
                tester = ModelTester(request.config)
                tester.check(model, force_py=force_py)
                testers.append(tester)

    yield Strict()
    for tester in testers:
        # A model already gone has nothing left to disconnect.
        with contextlib.suppress(RuntimeError):
            tester._cleanup()
    failures = [r.message for r in qtlog.records if r.message.startswith("FAIL!")]
    assert not failures, failures
