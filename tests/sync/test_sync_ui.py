"""Sync in the window (pytest-qt, offscreen), against the real PostgreSQL test server:
the settings dialog, "Sync now" off the UI thread, the status indicator, conflict badges
and resolving conflicts from the dialog. Also the settings module on its own."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("KANBAN_SEC_LANG", "en")
os.environ.setdefault("KANBAN_SEC_USER", "tester")

import secrets
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import keyring
import keyring.backend
import pytest

from kanban_sec.domain.errors import BadInput, KanbanError
from kanban_sec.services.board import BoardService
from kanban_sec.services.session import Session
from kanban_sec.store.database import Database, open_database
from kanban_sec.sync import settings as cfg
from kanban_sec.sync.client import Remote, sync
from kanban_sec.sync.server import add_member, init_server
from kanban_sec.sync.settings import SyncSettings
from tests.qt_loop import _qasync_session_loop, qasync_loop  # noqa: F401 (fixtures)

from .pg import PgCluster

PASSWORDS = {"kari": "kari-Secret-71", "ola": "ola-Secret-42"}


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring that lives in this process only (tests never touch a real one)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        from keyring.errors import PasswordDeleteError

        if self.store.pop((service, username), None) is None:
            raise PasswordDeleteError("not stored")


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(before)


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """QSettings and user folders in the test's own folder."""
    for name, sub in (
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_STATE_HOME", "state"),
    ):
        monkeypatch.setenv(name, str(tmp_path / sub))
    monkeypatch.setenv("HOME", str(tmp_path))
    from PySide6.QtCore import QCoreApplication, QSettings

    QCoreApplication.setOrganizationName("kanban-sec-tests")
    QCoreApplication.setApplicationName("kanban-sec")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "config")
    )


@pytest.fixture(autouse=True)
def _background_on_the_loop(qasync_loop: Any) -> Any:  # noqa: F811 (the fixture, imported above)
    """The window's sync runs on qasync's loop, as in the application."""
    return qasync_loop


@dataclass(frozen=True)
class SyncDb:
    """A set-up sync database and its members' logins (roles are the cluster's: unique)."""

    name: str
    logins: dict[str, str]


@pytest.fixture
def server(pg: PgCluster, pg_db: str) -> SyncDb:
    """A set-up sync database with kari (governing) and ola (operational)."""
    suffix = secrets.token_hex(3)
    logins = {"kari": f"kari_{suffix}", "ola": f"ola_{suffix}"}
    init_server(pg.admin_url(pg_db))
    add_member(pg.admin_url(pg_db), logins["kari"], "governing", PASSWORDS["kari"])
    add_member(pg.admin_url(pg_db), logins["ola"], "operational", PASSWORDS["ola"])
    return SyncDb(pg_db, logins)


def member_url(pg: PgCluster, server: SyncDb, who: str) -> str:
    return f"postgresql://{server.logins[who]}@{pg.host}:{pg.port}/{server.name}"


def new_board(path: Path, titles: tuple[str, ...] = ()) -> Path:
    db = open_database(path, daily_backup=False)
    try:
        service = BoardService(Session(db, "tester"))
        for title in titles:
            service.create_item(title, likelihood="3", consequence="4")
    finally:
        db.close()
    return path


def configure(
    path: Path, pg: PgCluster, server: SyncDb, login: str, password: str | None = None, **extra: Any
) -> SyncSettings:
    """Sync settings saved in the board and the password in the (memory) keyring."""
    settings = SyncSettings(
        remote_url=member_url(pg, server, login), ca_file=str(pg.ca_file), **extra
    )
    db = open_database(path, daily_backup=False)
    try:
        cfg.save(db, settings)
    finally:
        db.close()
    cfg.store_password(settings, PASSWORDS[login] if password is None else password)
    return settings


def open_window(qtbot: Any, path: Path) -> Any:
    from kanban_sec.app import create_main_window

    window = create_main_window(path)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    return window


def child(window: Any, kind: Any, name: str) -> Any:
    from PySide6.QtWidgets import QApplication

    for widget in [window, *QApplication.topLevelWidgets()]:
        found = (
            widget
            if widget.objectName() == name and isinstance(widget, kind)
            else widget.findChild(kind, name)
        )
        if found is not None and found.isVisible():
            return found
    raise AssertionError(f"no visible {name}")


def status(window: Any) -> Any:
    from PySide6.QtWidgets import QLabel

    return window.statusBar().findChild(QLabel, "sync-status")


def sync_and_wait(qtbot: Any, window: Any, timeout: int = 30_000) -> Any:
    window.findChild(type(window.sync_now_action), "sync-now").trigger()
    qtbot.waitUntil(lambda: not window.sync_controller.running, timeout=timeout)
    return status(window)


# -- settings, without a window -------------------------------------------------------------


def test_settings_round_trip_through_the_board(tmp_path: Path) -> None:
    db = open_database(new_board(tmp_path / "b.sqlite"), daily_backup=False)
    try:
        assert cfg.load(db) == SyncSettings()
        chosen = SyncSettings(
            "postgresql://kari@db.example.org:6543/kanban", "", "/ca.pem", False, 15, True
        )
        cfg.save(db, chosen)
        assert cfg.load(db) == chosen
        with db.connect(write=False) as conn:
            keys = {
                r[0] for r in conn.exec_driver_sql("SELECT key FROM meta WHERE key LIKE 'sync_%'")
            }
        assert {
            "sync_remote",
            "sync_user",
            "sync_ca_file",
            "sync_allow_plain_loopback",
            "sync_interval_minutes",
            "sync_at_start",
        } <= keys
        with pytest.raises(BadInput, match="contains a password"):
            cfg.save(
                db,
                chosen.with_changes(remote_url="postgresql://kari:hunter2@db.example.org/kanban"),
            )
        assert cfg.load(db) == chosen
    finally:
        db.close()


def test_url_parsing() -> None:
    address = cfg.parse_url("postgresql://kari@db.example.org:6543/kanban?sslmode=verify-full")
    assert address.account == "kari@db.example.org:6543/kanban"
    assert (
        cfg.parse_url("postgres://db.example.org/kanban", "ola").account
        == "ola@db.example.org:5432/kanban"
    )
    for bad in (
        "db.example.org/kanban",
        "http://kari@db.example.org/kanban",
        "postgresql://",
        "postgresql://kari@db.example.org:notaport/kanban",
    ):
        with pytest.raises(BadInput, match="not a server address"):
            cfg.parse_url(bad)
    for secret in (
        "postgresql://kari:hunter2@db.example.org/kanban",
        "postgresql://kari@db.example.org/kanban?password=hunter2",
    ):
        with pytest.raises(BadInput) as caught:
            cfg.parse_url(secret)
        assert "hunter2" not in caught.value.message("en")
        assert "hunter2" not in caught.value.message("nb")
    assert (
        cfg.with_user("postgresql://kari@h:1/d?sslmode=require", "ola")
        == "postgresql://ola@h:1/d?sslmode=require"
    )


def test_password_in_the_keyring(memory_keyring: MemoryKeyring) -> None:
    settings = SyncSettings("postgresql://db.example.org/kanban", user="kari")
    assert cfg.get_password(settings) is None
    cfg.store_password(settings, "pw-1")
    assert memory_keyring.store == {("kanban-sec", "kari@db.example.org:5432/kanban"): "pw-1"}
    assert cfg.get_password(settings) == "pw-1"
    assert cfg.forget_password(settings) is True
    assert cfg.forget_password(settings) is False
    assert cfg.get_password(settings) is None


def test_no_keyring_is_a_clear_error() -> None:
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())
    settings = SyncSettings("postgresql://kari@db.example.org/kanban")
    assert not cfg.keyring_usable()
    for call in (lambda: cfg.store_password(settings, "pw"), lambda: cfg.get_password(settings)):
        with pytest.raises(KanbanError) as caught:
            call()
        text = caught.value.message("en")
        assert "no usable keyring" in text and "KANBAN_SEC_SYNC_PASSWORD" in text


# -- the window -----------------------------------------------------------------------------


def test_settings_dialog_saves_to_the_board_and_the_keyring(
    qtbot: Any, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    from PySide6.QtWidgets import QCheckBox, QDialog, QLabel, QLineEdit, QPushButton, QSpinBox

    path = new_board(tmp_path / "board.sqlite", ("Patch the firewall",))
    window = open_window(qtbot, path)
    assert status(window).text() == "offline"
    window.sync_settings_action.trigger()
    dialog = child(window, QDialog, "sync-settings-dialog")
    url = "postgresql://kari@db.example.org:6543/kanban"

    # A password in the address is refused, and nothing is saved.
    dialog.findChild(QLineEdit, "sync-remote").setText(
        "postgresql://kari:hunter2@db.example.org/kanban"
    )
    dialog.findChild(QPushButton, "sync-save").click()
    result = dialog.findChild(QLabel, "sync-test-result").text()
    assert "contains a password" in result and "hunter2" not in result
    assert dialog.isVisible() and not memory_keyring.store

    dialog.findChild(QLineEdit, "sync-remote").setText(url)
    dialog.findChild(QLineEdit, "sync-ca-file").setText(str(tmp_path / "missing.crt"))
    dialog.findChild(QPushButton, "sync-save").click()
    assert "missing.crt does not exist" in dialog.findChild(QLabel, "sync-test-result").text()
    assert dialog.isVisible()
    (tmp_path / "ca.crt").write_text("-----BEGIN CERTIFICATE-----\n", encoding="ascii")
    dialog.findChild(QLineEdit, "sync-password").setText("Typed-Secret-9")
    dialog.findChild(QLineEdit, "sync-ca-file").setText(str(tmp_path / "ca.crt"))
    dialog.findChild(QCheckBox, "sync-allow-plain").setChecked(False)
    dialog.findChild(QSpinBox, "sync-interval").setValue(10)
    dialog.findChild(QCheckBox, "sync-at-start").setChecked(True)
    dialog.findChild(QPushButton, "sync-save").click()
    qtbot.waitUntil(lambda: not dialog.isVisible())

    assert cfg.load(window.service.db) == SyncSettings(
        url, "", str(tmp_path / "ca.crt"), False, 10, True
    )
    assert memory_keyring.store == {
        ("kanban-sec", "kari@db.example.org:6543/kanban"): "Typed-Secret-9"
    }
    # The password is in no file: not in the board, its WAL or the Qt settings.
    for file in tmp_path.rglob("*"):
        if file.is_file():
            assert b"Typed-Secret-9" not in file.read_bytes(), file
    controller = window.sync_controller
    assert controller.timer.isActive() and controller.timer.interval() == 10 * 60_000
    assert status(window).text() == "offline"
    assert "Not synced yet" in status(window).toolTip()

    # Opened again, the dialog shows what is saved (and never the password).
    window.sync_settings_action.trigger()
    again = child(window, QDialog, "sync-settings-dialog")
    assert again.findChild(QLineEdit, "sync-remote").text() == url
    assert again.findChild(QLineEdit, "sync-password").text() == ""
    assert again.findChild(QSpinBox, "sync-interval").value() == 10
    again.reject()


def test_test_connection_button(qtbot: Any, tmp_path: Path, pg: PgCluster, server: SyncDb) -> None:
    from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QPushButton

    path = new_board(tmp_path / "board.sqlite")
    window = open_window(qtbot, path)
    window.sync_settings_action.trigger()
    dialog = child(window, QDialog, "sync-settings-dialog")
    dialog.findChild(QLineEdit, "sync-remote").setText(member_url(pg, server, "kari"))
    dialog.findChild(QLineEdit, "sync-ca-file").setText(str(pg.ca_file))
    dialog.findChild(QLineEdit, "sync-password").setText("wrong-Password-5")
    label = dialog.findChild(QLabel, "sync-test-result")
    button = dialog.findChild(QPushButton, "sync-test")
    button.click()
    qtbot.waitUntil(lambda: button.isEnabled(), timeout=30_000)
    assert "wrong user name or password" in label.text()
    assert "wrong-Password-5" not in label.text()
    dialog.findChild(QLineEdit, "sync-password").setText(PASSWORDS["kari"])
    button.click()
    qtbot.waitUntil(lambda: button.isEnabled(), timeout=30_000)
    assert label.text() == "Connected: the server is ready for this board."
    dialog.reject()


def test_sync_now_runs_in_the_background_and_shows_synced(
    qtbot: Any, tmp_path: Path, pg: PgCluster, server: SyncDb, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kanban_sec.sync import client

    path = new_board(tmp_path / "a.sqlite", ("Patch the firewall", "Turn on MFA"))
    configure(path, pg, server, "kari")
    threads: list[threading.Thread] = []
    real_sync = client.sync

    def watched(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread())
        return real_sync(*args, **kwargs)

    monkeypatch.setattr(client, "sync", watched)
    window = open_window(qtbot, path)
    label = status(window)
    assert label.text() == "offline"

    window.sync_now_action.trigger()
    # The trigger returned at once: the sync goes on while the window handles events.
    assert window.sync_controller.running
    assert label.text().startswith("syncing…")
    assert not window.sync_now_action.isEnabled()
    qtbot.waitUntil(lambda: not window.sync_controller.running, timeout=30_000)
    assert threads and threads[0] is not threading.main_thread()
    assert label.property("sync_state") == "synced", label.toolTip()
    assert label.text().startswith("synced ") and ":" in label.text()
    assert "Pushed " in label.toolTip() and "pulled 0" in label.toolTip()
    assert window.sync_now_action.isEnabled()

    # A second board pulls both items through the window.
    other = new_board(tmp_path / "b.sqlite")
    configure(other, pg, server, "ola")
    second = open_window(qtbot, other)
    assert not second.live.items
    assert sync_and_wait(qtbot, second).property("sync_state") == "synced"
    assert {i.title for i in second.live.items.values()} == {"Patch the firewall", "Turn on MFA"}


def test_a_failed_sync_shows_the_error_in_the_tooltip(
    qtbot: Any, tmp_path: Path, pg: PgCluster, server: SyncDb
) -> None:
    path = new_board(tmp_path / "a.sqlite", ("Patch the firewall",))
    settings = configure(path, pg, server, "kari", password="Wrong-Password-3")
    window = open_window(qtbot, path)
    label = sync_and_wait(qtbot, window)
    assert label.text() == "sync error"
    assert "wrong user name or password" in label.toolTip()
    assert "Wrong-Password-3" not in label.toolTip()
    assert window.findChildren(type(label), "sync-status") == [label]

    cfg.forget_password(settings)
    label = sync_and_wait(qtbot, window)
    assert label.property("sync_state") == "error"
    assert "No password is stored for kari_" in label.toolTip()


def test_sync_at_start_when_configured(
    qtbot: Any, tmp_path: Path, pg: PgCluster, server: SyncDb
) -> None:
    path = new_board(tmp_path / "a.sqlite", ("Patch the firewall",))
    configure(path, pg, server, "kari", sync_at_start=True)
    window = open_window(qtbot, path)
    window.sync_controller.at_start()
    qtbot.waitUntil(lambda: status(window).property("sync_state") == "synced", timeout=30_000)


def conflicting_boards(
    qtbot: Any, tmp_path: Path, pg: PgCluster, server: SyncDb
) -> tuple[Any, Database, str]:
    """Board A (in a window) and board B changed the same item's title and description at
    the same time; A has pulled B's changes. Returns (window A, B's database, item id)."""
    path = new_board(tmp_path / "a.sqlite", ("Patch the firewall",))
    configure(path, pg, server, "kari")
    window = open_window(qtbot, path)
    assert sync_and_wait(qtbot, window).property("sync_state") == "synced"
    item_id = next(iter(window.live.items))

    db_b = open_database(new_board(tmp_path / "b.sqlite"), daily_backup=False)
    remote_b = Remote(member_url(pg, server, "ola"), ca_file=str(pg.ca_file))
    sync(db_b, remote_b, PASSWORDS["ola"])
    # One change per field (conflict ids come from the pair of changes).
    for field, value in (("title", "Title from A"), ("description", "Text from A")):
        window.apply(window.service.set_fields(item_id, {field: value}))
    for field, value in (("title", "Title from B"), ("description", "Text from B")):
        BoardService(Session(db_b, "ola")).set_fields(item_id, {field: value})
    sync(db_b, remote_b, PASSWORDS["ola"])
    label = sync_and_wait(qtbot, window)
    assert label.property("sync_state") == "synced", label.toolTip()
    return window, db_b, item_id


def card_of(window: Any, item_id: str) -> Any:
    from kanban_sec.ui.board_model import CARD_ROLE

    for lane in window.board.lanes:
        for model in lane.models.values():
            row = model.row_of(item_id)
            if row >= 0:
                return model.index(row, 0).data(CARD_ROLE)
    raise AssertionError("no card")


def test_a_conflict_shows_its_badge_and_is_resolved_from_the_dialog(
    qtbot: Any, tmp_path: Path, pg: PgCluster, server: SyncDb
) -> None:
    from PySide6.QtWidgets import QDialog, QInputDialog, QPushButton, QTableWidget

    window, db_b, item_id = conflicting_boards(qtbot, tmp_path, pg, server)
    try:
        assert window.live.conflicts == {item_id: ("description", "title")}
        card = card_of(window, item_id)
        assert card.conflict and "sync conflict" in card.accessible_text()
        assert status(window).text().endswith("⚠ conflicts: 2")
        assert window.conflicts_action.text() == "Conflicts (2)…"
        window.board.select_item(item_id)
        assert "changed elsewhere at the same time" in window.detail.toPlainText()
        assert "description, title" in window.detail.toPlainText()

        window.conflicts_action.trigger()
        dialog = child(window, QDialog, "conflicts-dialog")
        table = dialog.findChild(QTableWidget, "conflicts-table")
        assert table.rowCount() == 2
        rows = {table.item(r, 1).text(): r for r in range(table.rowCount())}
        title_row = rows["title"]
        mine, theirs = table.item(title_row, 2).text(), table.item(title_row, 3).text()
        assert {mine, theirs} == {"Title from A", "Title from B"}
        assert mine == "Title from A"  # this board's value is "mine"

        table.selectRow(title_row)
        dialog.findChild(QPushButton, "conflict-take-theirs").click()
        assert table.rowCount() == 1
        assert window.live.items[item_id].title == "Title from B"
        assert window.live.conflicts == {item_id: ("description",)}

        table.selectRow(0)
        dialog.findChild(QPushButton, "conflict-edit").click()
        editor = child(window, QInputDialog, "conflict-value")
        editor.setTextValue("Both texts, merged by hand")
        editor.accept()
        qtbot.waitUntil(lambda: table.rowCount() == 0)
        assert dialog.findChild(type(dialog.empty_label), "conflicts-empty").isVisible()
        assert window.live.items[item_id].description == "Both texts, merged by hand"
        assert window.live.conflicts == {}
        assert not card_of(window, item_id).conflict
        assert "conflicts" not in status(window).text()
        assert window.conflicts_action.text() == "Conflicts…"
        dialog.reject()

        # The resolutions sync: board B closes the conflicts too.
        assert sync_and_wait(qtbot, window).property("sync_state") == "synced"
        sync(db_b, Remote(member_url(pg, server, "ola"), ca_file=str(pg.ca_file)), PASSWORDS["ola"])
        from kanban_sec.sync.merge import list_conflicts

        assert list_conflicts(db_b, open_only=True) == []
        item = BoardService(Session(db_b, "ola")).entry(item_id).item
        assert (item.title, item.description) == ("Title from B", "Both texts, merged by hand")
    finally:
        db_b.close()


def test_a_sync_can_be_cancelled_and_goes_on_later(
    qtbot: Any, tmp_path: Path, pg: PgCluster, server: SyncDb
) -> None:
    import psycopg

    path = new_board(tmp_path / "a.sqlite", ("Patch the firewall", "Turn on MFA"))
    configure(path, pg, server, "kari")
    window = open_window(qtbot, path)
    window.sync_now_action.trigger()
    assert window.sync_cancel_action.isEnabled()
    window.sync_cancel_action.trigger()
    qtbot.waitUntil(lambda: not window.sync_controller.running, timeout=30_000)
    label = status(window)
    assert label.text() == "sync error" and "cancelled" in label.toolTip()
    assert not window.sync_cancel_action.isEnabled()
    with psycopg.connect(pg.admin_url(server.name)) as conn:
        assert conn.execute("SELECT count(*) FROM kanban_sec.changes").fetchone() == (0,)

    assert sync_and_wait(qtbot, window).property("sync_state") == "synced"
    with psycopg.connect(pg.admin_url(server.name)) as conn:
        row = conn.execute("SELECT count(*) FROM kanban_sec.changes").fetchone()
        assert row is not None and row[0] > 0
