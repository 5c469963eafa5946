"""Refused changes and quarantined changes in the window (pytest-qt, offscreen), against
the real PostgreSQL test server: the list of refused changes with Discard and Redo, the
status indicator that says how many were refused, the conflicts dialog's "Quarantined"
section and a row deleted while somebody changed it (Restore / Confirm delete).

Screenshots of the dialogs go to ``/tmp/kanban-sec-*.png`` (for a person to look at)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("KANBAN_SEC_LANG", "en")
os.environ.setdefault("KANBAN_SEC_USER", "tester")

from pathlib import Path
from typing import Any

import psycopg
import pytest
import shiboken6
from psycopg import sql
from PySide6.QtCore import Qt

from kanban_sec.domain.ids import new_id
from kanban_sec.store.database import open_database
from kanban_sec.sync import merge, refusals
from kanban_sec.sync import settings as cfg
from kanban_sec.sync.server import KIND_ROLES
from kanban_sec.sync.settings import SyncSettings
from kanban_sec.ui import i18n

from . import test_refused
from .pg import SyncServer
from .test_refused import _insert_raw, _item_fields, governed
from .test_sync_ui import (  # noqa: F401 (autouse fixtures)
    _background_on_the_loop,
    _isolated_settings,
    _qasync_session_loop,
    child,
    memory_keyring,
    new_board,
    open_window,
    qasync_loop,
    status,
    sync_and_wait,
)

boards = test_refused.boards  # the fixture: boards synced by the test server's members
SHOTS = Path(os.environ.get("KANBAN_SEC_SHOTS", "/tmp"))


@pytest.fixture(autouse=True)
def _english_afterwards() -> Any:
    yield
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is not None:
        i18n.install("en")


def configure_as(path: Path, server: SyncServer, who: str) -> SyncSettings:
    """The board syncs as the test server's member ``who`` (password in the keyring)."""
    login, password = server.logins[who]
    settings = SyncSettings(
        remote_url=f"postgresql://{login}@{server.pg.host}:{server.pg.port}/{server.dbname}",
        ca_file=str(server.pg.ca_file),
    )
    db = open_database(path, daily_backup=False)
    try:
        cfg.save(db, settings)
    finally:
        db.close()
    cfg.store_password(settings, password)
    return settings


def click(qtbot: Any, button: Any) -> None:
    assert button.isVisible() and button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def shot(widget: Any, name: str) -> Path:
    widget.raise_()
    target = SHOTS / f"kanban-sec-{name}.png"
    assert widget.grab().save(str(target))
    return target


def refused_window(
    qtbot: Any, tmp_path: Path, sync_server: SyncServer, boards: Any
) -> tuple[Any, str]:
    """A window whose board syncs as a controlling member, who renamed an item: the server
    refuses the rename (only governing or operational members change titles). Returns
    (window, item id) after the sync that was refused."""
    g = governed(boards)
    item = g.service.create_item("Patch the firewall").row_id
    assert g.sync().refused == ()
    path = new_board(tmp_path / "control.sqlite")
    configure_as(path, sync_server, "controlling")
    window = open_window(qtbot, path)
    assert sync_and_wait(qtbot, window).property("sync_state") == "synced"
    assert window.live.items[item].title == "Patch the firewall"
    window.apply(window.service.set_fields(item, {"title": "Renamed by control"}))
    assert window.live.items[item].title == "Renamed by control"
    sync_and_wait(qtbot, window)
    return window, item


def refused_dialog(window: Any) -> Any:
    from PySide6.QtWidgets import QDialog

    return child(window, QDialog, "refused-dialog")


def test_a_refused_change_is_listed_and_discarded(
    qtbot: Any, tmp_path: Path, sync_server: SyncServer, boards: Any
) -> None:
    from PySide6.QtWidgets import QLabel, QPushButton, QTableWidget

    window, item = refused_window(qtbot, tmp_path, sync_server, boards)
    label = status(window)
    # Not a success: the indicator says how many were refused, in its text and tooltip.
    assert label.property("sync_state") == "refused"
    assert label.text().startswith("⚠ refused by the server: 1 · synced ")
    assert "Changes refused by the server: 1." in label.toolTip()

    # The sync that brought the refusal opened the list.
    dialog = refused_dialog(window)
    table = dialog.findChild(QTableWidget, "refused-table")
    assert table.rowCount() == 1
    assert table.item(0, 0).text() == "Item “Renamed by control”"
    assert table.item(0, 1).text() == "title=Renamed by control"
    assert table.item(0, 2).text()  # when
    reason = table.item(0, 3).text()
    assert reason.startswith("KS004: ") and "may not change item.title" in reason
    assert "Changes refused by the server: 1." in dialog.findChild(QLabel, "refused-status").text()
    dialog.resize(900, 380)
    qtbot.wait(50)
    shot(dialog, "refused-en")

    discard = dialog.findChild(QPushButton, "refused-discard")
    assert not discard.isEnabled()  # nothing selected yet
    table.selectRow(0)
    click(qtbot, discard)
    assert table.rowCount() == 0
    assert (
        dialog.findChild(QLabel, "refused-status").text()
        == "Discarded: 1. The board matches the server's again."
    )
    assert refusals.list_refused(window.service.db) == []
    # The board has the value back (read again), and the indicator is plain "synced".
    assert window.live.items[item].title == "Patch the firewall"
    assert label.property("sync_state") == "synced" and "refused" not in label.text()
    assert not dialog.findChild(QPushButton, "refused-discard-all").isEnabled()
    assert not dialog.findChild(QPushButton, "refused-redo-all").isEnabled()

    # The next sync has nothing to refuse, and does not open the list again.
    dialog.close()
    assert sync_and_wait(qtbot, window).property("sync_state") == "synced"
    assert not dialog.isVisible()


def test_redo_sends_it_again_and_a_click_on_the_indicator_lists_them(
    qtbot: Any, tmp_path: Path, sync_server: SyncServer, boards: Any
) -> None:
    from PySide6.QtWidgets import QLabel, QPushButton, QTableWidget

    window, item = refused_window(qtbot, tmp_path, sync_server, boards)
    dialog = refused_dialog(window)
    dialog.close()
    label = status(window)
    qtbot.mouseClick(label, Qt.MouseButton.LeftButton)
    dialog = refused_dialog(window)
    table = dialog.findChild(QTableWidget, "refused-table")
    assert table.rowCount() == 1
    [before] = refusals.list_refused(window.service.db)

    # Redo all while the rule still holds: sent again, refused again (a new time).
    click(qtbot, dialog.findChild(QPushButton, "refused-redo-all"))
    assert dialog.findChild(QLabel, "refused-status").text() == "To be sent again: 1. Syncing…"
    qtbot.waitUntil(lambda: not window.sync_controller.running, timeout=30_000)
    [again] = refusals.list_refused(window.service.db)
    assert again.change_id == before.change_id and again.refused_at > before.refused_at
    assert table.rowCount() == 1 and label.property("sync_state") == "refused"

    # The administrator makes the member governing; Redo (the selected one) lands it.
    login = sync_server.logins["controlling"][0]
    with psycopg.connect(sync_server.admin_url(), autocommit=True) as conn:
        conn.execute(
            sql.SQL("GRANT {} TO {}").format(
                sql.Identifier(KIND_ROLES["governing"]), sql.Identifier(login)
            )
        )
    table.selectRow(0)
    click(qtbot, dialog.findChild(QPushButton, "refused-redo"))
    # The mark is cleared at once; the sync it started sends the change.
    assert refusals.list_refused(window.service.db) == [] or window.sync_controller.running
    qtbot.waitUntil(lambda: not window.sync_controller.running, timeout=30_000)
    assert refusals.list_refused(window.service.db) == []
    assert table.rowCount() == 0
    assert (
        dialog.findChild(QLabel, "refused-status").text() == "No changes are refused by the server."
    )
    assert label.property("sync_state") == "synced" and "refused" not in label.text()
    assert window.live.items[item].title == "Renamed by control"
    g = boards("g2", "governing")
    g.sync()
    assert g.sql("SELECT title FROM items WHERE id = ?", (item,)) == [("Renamed by control",)]


def test_redo_without_a_server_clears_the_mark_for_the_next_sync(
    qtbot: Any, tmp_path: Path, sync_server: SyncServer, boards: Any
) -> None:
    from PySide6.QtWidgets import QLabel, QPushButton, QTableWidget

    window, _item = refused_window(qtbot, tmp_path, sync_server, boards)
    dialog = refused_dialog(window)
    window.sync_controller.use(SyncSettings())  # the server is forgotten meanwhile
    table = dialog.findChild(QTableWidget, "refused-table")
    table.selectRow(0)
    click(qtbot, dialog.findChild(QPushButton, "refused-redo"))
    assert not window.sync_controller.running
    assert refusals.list_refused(window.service.db) == []
    assert table.rowCount() == 0
    assert (
        dialog.findChild(QLabel, "refused-status").text()
        == "To be sent again: 1, with the next sync."
    )


def test_conflicts_dialog_lists_quarantined_and_restores_a_deleted_row(
    qtbot: Any, tmp_path: Path, sync_server: SyncServer, boards: Any
) -> None:
    from PySide6.QtWidgets import QDialog, QGroupBox, QLabel, QPushButton, QTableWidget

    _insert_raw(sync_server, "item", new_id(), _item_fields("Bad", likelihood="abc"))
    path = new_board(tmp_path / "w.sqlite", ("Shared",))
    configure_as(path, sync_server, "operational")
    window = open_window(qtbot, path)
    item = next(iter(window.live.items))
    assert sync_and_wait(qtbot, window).property("sync_state") == "synced"
    other = boards("b", "risk_owner")
    other.sync()
    window.apply(window.service.delete(item))  # neither has seen the other's change
    other.service.edit_item(item, title="Edited meanwhile", likelihood=5)
    other.sync()
    sync_and_wait(qtbot, window)
    assert item not in window.live.items

    window.conflicts_action.trigger()
    dialog = child(window, QDialog, "conflicts-dialog")
    table = dialog.findChild(QTableWidget, "conflicts-table")
    assert table.rowCount() == 1
    assert table.item(0, 1).text() == "deleted while changed"
    assert {table.item(0, 2).text(), table.item(0, 3).text()} == {
        "deleted",
        "changed: likelihood=5, title=Edited meanwhile",
    }
    detail = dialog.findChild(QLabel, "conflict-detail")
    assert detail.isVisible()
    assert detail.text() == (
        "“Edited meanwhile” was deleted by tester while Risk Owner "
        "changed likelihood=5, title=Edited meanwhile. Restore it with "
        "the change, or confirm the delete."
    )
    for name in ("conflict-keep-mine", "conflict-take-theirs", "conflict-edit"):
        assert not dialog.findChild(QPushButton, name).isVisible()

    section = dialog.findChild(QGroupBox, "quarantine-section")
    assert section.isVisible() and section.title() == "Quarantined (1)"
    held = dialog.findChild(QTableWidget, "quarantine-table")
    assert held.rowCount() == 1
    assert held.item(0, 0).text().startswith("item ")
    assert "likelihood" in held.item(0, 1).text()
    assert held.item(0, 2).text() == "Rogue"
    assert "title=Bad" in held.item(0, 4).text()
    dialog.resize(1000, 560)
    qtbot.wait(50)
    shot(dialog, "conflicts-en")

    click(qtbot, dialog.findChild(QPushButton, "conflict-restore"))
    assert table.rowCount() == 0 and not detail.isVisible()
    assert window.live.items[item].title == "Edited meanwhile"
    assert window.live.items[item].likelihood == 5
    [closed] = merge.list_conflicts(window.service.db, open_only=False)
    assert closed.resolution == "restored"
    assert section.isVisible()  # quarantined changes stay: read only, never applied


def test_confirm_delete_keeps_the_row_deleted(
    qtbot: Any, tmp_path: Path, sync_server: SyncServer, boards: Any
) -> None:
    from PySide6.QtWidgets import QDialog, QGroupBox, QPushButton, QTableWidget

    path = new_board(tmp_path / "w.sqlite", ("Shared",))
    configure_as(path, sync_server, "operational")
    window = open_window(qtbot, path)
    item = next(iter(window.live.items))
    sync_and_wait(qtbot, window)
    other = boards("b", "risk_owner")
    other.sync()
    other.service.delete(item)
    window.apply(window.service.set_fields(item, {"title": "Mine, meanwhile"}))
    other.sync()
    sync_and_wait(qtbot, window)

    window.conflicts_action.trigger()
    dialog = child(window, QDialog, "conflicts-dialog")
    assert not dialog.findChild(QGroupBox, "quarantine-section").isVisible()
    table = dialog.findChild(QTableWidget, "conflicts-table")
    assert table.rowCount() == 1
    # This board's edit is "mine"; the delete is theirs.
    assert table.item(0, 2).text() == "changed: title=Mine, meanwhile"
    assert table.item(0, 3).text() == "deleted"
    click(qtbot, dialog.findChild(QPushButton, "conflict-confirm-delete"))
    assert table.rowCount() == 0
    assert item not in window.live.items
    [closed] = merge.list_conflicts(window.service.db, open_only=False)
    assert closed.resolution == "deleted"


def test_the_dialogs_in_norwegian(
    qtbot: Any, tmp_path: Path, sync_server: SyncServer, boards: Any
) -> None:
    from PySide6.QtWidgets import QDialog, QGroupBox, QLabel, QPushButton

    _insert_raw(sync_server, "item", new_id(), _item_fields("Bad", likelihood="abc"))
    window, _item = refused_window(qtbot, tmp_path, sync_server, boards)
    window.set_language("nb")
    label = sync_and_wait(qtbot, window)  # the tooltip says what the last sync did
    assert label.text().startswith("⚠ avvist av serveren: 1 · synkronisert ")
    assert "Endringer avvist av serveren: 1." in label.toolTip()
    first = refused_dialog(window)
    first.deleteLater()  # made in English; the next one is made in Norwegian
    qtbot.waitUntil(lambda: not shiboken6.isValid(first))
    qtbot.mouseClick(label, Qt.MouseButton.LeftButton)
    fresh = refused_dialog(window)
    assert fresh.windowTitle() == "Endringer avvist av serveren"
    assert fresh.findChild(QPushButton, "refused-discard").text() == "Forkast"
    assert fresh.findChild(QPushButton, "refused-redo-all").text() == "Send alle på nytt"
    assert "Endringer avvist av serveren: 1." in fresh.findChild(QLabel, "refused-status").text()
    fresh.resize(900, 380)
    qtbot.wait(50)
    shot(fresh, "refused-nb")

    window.conflicts_action.trigger()
    conflicts = child(window, QDialog, "conflicts-dialog")
    section = conflicts.findChild(QGroupBox, "quarantine-section")
    assert section.title() == "I karantene (1)"
    conflicts.resize(1000, 560)
    qtbot.wait(50)
    shot(conflicts, "conflicts-nb")
