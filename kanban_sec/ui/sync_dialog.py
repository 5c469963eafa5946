"""Sync in the window: the settings dialog, and the controller that syncs in the background.

:class:`SyncController` runs :func:`kanban_sec.sync.client.sync` as background work on the
qasync loop (:class:`~kanban_sec.ui.background.BackgroundCall`: the window never waits on
the network; Cancel stops it at its next batch); it keeps the status-bar indicator
(``sync-status``) and the automatic sync timer. :class:`SyncSettingsDialog` edits the
board's sync settings; the password goes to the OS keyring only. The list of refused
changes the indicator opens is :mod:`kanban_sec.ui.refused_dialog`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import shiboken6
from PySide6.QtCore import QDate, QEvent, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kanban_sec.domain.errors import KanbanError
from kanban_sec.store.database import Database
from kanban_sec.sync import merge, refusals
from kanban_sec.sync import settings as cfg
from kanban_sec.sync.settings import SyncSettings
from kanban_sec.ui.background import BackgroundCall, Cancelled, Progress
from kanban_sec.ui.i18n import current_language, translate
from kanban_sec.ui.refused_dialog import RefusedChangesDialog, refused_ids, refused_text
from kanban_sec.ui.screen_fit import fit_to_screen

_MAX_INTERVAL = 24 * 60
_ERROR_STYLE = "color: #c62828;"
_OK_STYLE = "color: #2e7d32;"
_WARN_STYLE = "color: #c62828; font-weight: bold;"


def error_text(error: BaseException) -> str:
    """What to tell the person about a failed sync (an unexpected error is logged)."""
    if isinstance(error, KanbanError):
        return error.message(current_language())
    if isinstance(error, Cancelled):
        return translate(
            "Sync", "The sync was cancelled; nothing is lost, the next sync goes on from there."
        )
    from kanban_sec import runtime

    # The log must not hold the password a failed connection may show (its URL, the server's
    # words); nor may the message.
    where = runtime.log_failure(error, crash_report=False).log
    return (
        translate("Sync", "Something went wrong that should not have: %1 (details in %2)")
        .replace("%1", runtime.scrub(str(error)))
        .replace("%2", str(where))
    )


def password_for(settings: SyncSettings) -> str:
    """The stored password (keyring), or a readable error saying how to store one."""
    password = cfg.get_password(settings)
    if not password:
        raise _NoPassword(cfg.address_of(settings).account)
    return password


class _NoPassword(KanbanError):
    def __init__(self, account: str) -> None:
        Exception.__init__(self, account)
        self.account = account

    def message(self, lang: str) -> str:
        return translate(
            "Sync", "No password is stored for %1: enter it under Sync ▸ Sync settings…"
        ).replace("%1", self.account)


# -- the controller ---------------------------------------------------------------------------


class SyncController(QObject):
    """Syncs the window's board: on request, every N minutes, and at start if asked.

    ``label`` is the status-bar indicator: offline, syncing…, synced HH:MM, or an error
    (the message in its tooltip). ``pulled`` is emitted on the UI thread after a sync that
    brought changes or conflicts, so the window reloads.

    Changes the server refused are counted in the indicator (in red, ``sync_state``
    ``refused``); a click on it, or a sync that brings new refusals, opens
    :class:`RefusedChangesDialog`. ``board_changed`` is emitted after refused changes were
    discarded (the board's values changed): a parent window's ``reload`` is connected.
    """

    #: A sync finished: the :class:`~kanban_sec.sync.client.SyncResult`.
    finished = Signal(object)
    #: A sync failed: the message shown.
    failed = Signal(str)
    #: Running or not (actions enable accordingly).
    running_changed = Signal(bool)
    #: Refused changes were discarded here: the board's rows changed (read them again).
    board_changed = Signal()

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.label = QLabel()
        self.label.setObjectName("sync-status")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.timer = QTimer(self)
        self.timer.setObjectName("sync-timer")
        self.timer.timeout.connect(self.sync_now)
        self.settings = cfg.load(db)
        self.state = "offline"
        self.message = ""
        self.last: datetime | None = cfg.last_synced(db)
        self.open_conflicts = merge.count_open_conflicts(db)
        #: This board's changes the server refused (ids), as of the last look.
        self.refused: list[str] = refused_ids(db)
        self._refused_dialog: RefusedChangesDialog | None = None
        self.label.installEventFilter(self)
        reload = getattr(parent, "reload", None)
        if callable(reload):
            self.board_changed.connect(reload)
        self._call: BackgroundCall | None = None
        self._progress = ""
        self.use(self.settings)

    # -- settings ------------------------------------------------------------------------
    def use(self, settings: SyncSettings) -> None:
        """Sync with these settings from now on (restarts the automatic sync)."""
        self.settings = settings
        self.timer.stop()
        if settings.configured and settings.interval_minutes > 0:
            self.timer.start(settings.interval_minutes * 60_000)
        if not self.running and self.state != "error":
            self.state = "synced" if settings.configured and self.last else "offline"
        self.show_state()

    def recount(self) -> None:
        """Count the open conflicts and the refused changes again and show it."""
        self.open_conflicts = merge.count_open_conflicts(self.db)
        self.refused = refused_ids(self.db)
        self.show_state()

    @property
    def running(self) -> bool:
        return self._call is not None

    # -- syncing -------------------------------------------------------------------------
    def at_start(self) -> None:
        """Sync once soon after the window opens, when the settings ask for it."""
        if self.settings.configured and self.settings.sync_at_start:
            QTimer.singleShot(0, self.sync_now)

    def sync_now(self) -> bool:
        """Start a sync in the background; ``False`` when one runs or none is set up."""
        if self.running:
            return False
        if not self.settings.configured:
            self._set(
                "offline",
                translate("Sync", "Sync is off: choose a server under Sync ▸ Sync settings…"),
            )
            return False
        settings = self.settings
        db = self.db

        def work(progress: Progress) -> Any:
            from kanban_sec.sync.client import sync

            password = password_for(settings)
            remote = cfg.remote_of(settings)
            progress.check()
            return sync(db, remote, password, on_progress=progress)

        self._progress = ""
        self._set("syncing", "")
        call = BackgroundCall(work, self)
        call.progressed.connect(self._on_progress)
        call.finished.connect(self._done)
        call.failed.connect(self._failed)
        self._call = call
        call.start()
        self.running_changed.emit(True)
        return True

    def cancel(self) -> None:
        """Stop the running sync at its next step (what was applied stays applied)."""
        if self._call is not None:
            self._call.cancel()

    def _on_progress(self, values: tuple[str, int, Any]) -> None:
        if not self.running:
            return
        stage, done, total = values
        if stage == "push":
            self._progress = (
                translate("Sync", "sending %1 of %2")
                .replace("%1", QLocale().toString(done))
                .replace("%2", QLocale().toString(total or 0))
            )
        else:
            self._progress = translate("Sync", "receiving %1").replace(
                "%1", QLocale().toString(done)
            )
        self.show_state()

    def _let_go(self) -> None:
        call, self._call = self._call, None
        if call is not None:
            call.deleteLater()

    def _done(self, result: Any) -> None:
        self._let_go()
        self.last = result.at
        self.open_conflicts = int(result.conflicts)
        before = set(self.refused)
        self.refused = [r.change_id for r in result.refused]
        message = (
            translate("Sync", "Pushed %1, pulled %2; open conflicts: %3")
            .replace("%1", str(result.pushed))
            .replace("%2", str(result.pulled))
            .replace("%3", str(result.conflicts))
        )
        if self.refused:
            message += "\n" + refused_text(len(self.refused))
        self._set("synced", message)
        self.running_changed.emit(False)
        self.finished.emit(result)
        if set(self.refused) - before:
            self.show_refused()

    def _failed(self, error: BaseException) -> None:
        self._let_go()
        text = error_text(error)
        self._set("error", text)
        self.running_changed.emit(False)
        self.failed.emit(text)

    def wait(self, timeout: float = 10.0) -> None:
        """Let a running sync finish (the window is closing); gives up after ``timeout``."""
        call = self._call
        self.timer.stop()
        if call is not None:
            call.cancel()
            call.wait(timeout)

    # -- the indicator -------------------------------------------------------------------
    def _set(self, state: str, message: str) -> None:
        self.state = state
        self.message = message
        self.show_state()

    def show_state(self) -> None:
        """The indicator's text, tooltip and colour for the current state (and language)."""
        label = self.label
        if not shiboken6.isValid(label):
            return
        label.setProperty("sync_state", self.state)
        style = ""
        if self.state == "syncing":
            text = translate("Sync", "syncing…")
            if self._progress:
                text += " " + self._progress
            tip = translate("Sync", "Syncing with %1").replace("%1", self._server())
        elif self.state == "synced":
            text = translate("Sync", "synced %1").replace("%1", self._when())
            if self.open_conflicts:
                text += " · " + translate("Sync", "⚠ conflicts: %1").replace(
                    "%1", str(self.open_conflicts)
                )
                style = "color: #e65100; font-weight: bold;"
            tip = self.message or translate("Sync", "Synced with %1").replace("%1", self._server())
            if self.refused:
                label.setProperty("sync_state", "refused")
                text = (
                    translate("Sync", "⚠ refused by the server: %1").replace(
                        "%1", str(len(self.refused))
                    )
                    + " · "
                    + text
                )
                style = _WARN_STYLE
                if not self.message:
                    tip = refused_text(len(self.refused))
                tip += "\n" + translate("Sync", "Click to see them, and discard or redo them.")
        elif self.state == "error":
            text = translate("Sync", "sync error")
            tip = self.message
            style = _ERROR_STYLE + " font-weight: bold;"
        else:
            text = translate("Sync", "offline")
            tip = self.message or (
                translate("Sync", "Not synced yet: Sync ▸ Sync now (F9)")
                if self.settings.configured
                else translate("Sync", "Sync is off: choose a server under Sync ▸ Sync settings…")
            )
        label.setText(text)
        label.setToolTip(tip)
        label.setAccessibleName(translate("Sync", "Sync status"))
        label.setAccessibleDescription(tip)
        label.setStyleSheet(style)
        if self.refused and self.state == "synced":
            label.setCursor(QCursor(Qt.CursorShape.PointingHandCursor))
        else:
            label.unsetCursor()

    # -- refused changes -----------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.label
            and event.type() == QEvent.Type.MouseButtonRelease
            and self.refused
        ):
            self.show_refused()
            return True
        return super().eventFilter(watched, event)

    def show_refused(self) -> RefusedChangesDialog:
        """Open (or bring up to date and raise) the list of refused changes."""
        dialog = self._refused_dialog
        if dialog is not None and shiboken6.isValid(dialog):
            dialog.refresh()
        else:
            parent = self.parent()
            dialog = RefusedChangesDialog(self, parent if isinstance(parent, QWidget) else None)
            self._refused_dialog = dialog
            fit_to_screen(dialog)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def discard_refused(self, ids: list[str]) -> list[Any]:
        """Discard these refused changes (undone here: the board matches the server's);
        returns the changes discarded."""
        gone = refusals.discard_refused(self.db, ids)
        self.recount()
        if gone:
            self.board_changed.emit()
        return gone

    def redo_refused(self, ids: list[str]) -> tuple[int, bool]:
        """Send these refused changes again: (how many, whether a sync started for them)."""
        count = refusals.redo_refused(self.db, ids)
        self.recount()
        return count, bool(count) and self.sync_now()

    def _server(self) -> str:
        try:
            return cfg.address_of(self.settings).server
        except KanbanError:
            return ""

    def _when(self) -> str:
        if self.last is None:
            return ""
        local = self.last.astimezone()
        locale = QLocale()
        clock = f"{local:%H:%M}"
        if local.date() == datetime.now().astimezone().date():
            return clock
        day = QDate(local.year, local.month, local.day)
        return locale.toString(day, QLocale.FormatType.ShortFormat) + " " + clock


# -- the settings dialog ----------------------------------------------------------------------


class SyncSettingsDialog(QDialog):
    """The board's sync settings; the password is stored in the OS keyring on save."""

    #: Emitted with the saved :class:`SyncSettings` (then the dialog closes).
    saved = Signal(object)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sync-settings-dialog")
        self.setWindowTitle(self.tr("Sync settings"))
        self.db = db
        current = cfg.load(db)
        self._test_call: BackgroundCall | None = None

        intro = QLabel(
            self.tr(
                "Sync shares this board through a PostgreSQL server. The connection is encrypted "
                "(TLS) and the server's certificate is checked; the password is kept in your "
                "system's keyring, never in a file."
            )
        )
        intro.setWordWrap(True)

        self.remote_edit = QLineEdit(current.remote_url)
        self.remote_edit.setObjectName("sync-remote")
        self.remote_edit.setPlaceholderText("postgresql://user@server.example.org:5432/kanban")
        self.user_edit = QLineEdit(current.user)
        self.user_edit.setObjectName("sync-user")
        self.user_edit.setPlaceholderText(self.tr("the user in the address"))
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("sync-password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("empty: keep the stored password"))
        self.forget_button = QPushButton(self.tr("Forget the stored password"))
        self.forget_button.setObjectName("sync-forget-password")
        self.forget_button.clicked.connect(self.forget_password)
        password_row = QHBoxLayout()
        password_row.addWidget(self.password_edit, 1)
        password_row.addWidget(self.forget_button)

        self.ca_edit = QLineEdit(current.ca_file)
        self.ca_edit.setObjectName("sync-ca-file")
        self.ca_edit.setPlaceholderText(self.tr("empty: the system's trusted certificates"))
        self.ca_button = QPushButton(self.tr("Choose…"))
        self.ca_button.setObjectName("sync-ca-browse")
        self.ca_button.clicked.connect(self.browse_ca)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_edit, 1)
        ca_row.addWidget(self.ca_button)

        self.plain_box = QCheckBox(
            self.tr("Allow an unencrypted connection to a server on this computer")
        )
        self.plain_box.setObjectName("sync-allow-plain")
        self.plain_box.setChecked(current.allow_plain_loopback)
        self.interval_spin = QSpinBox()
        self.interval_spin.setObjectName("sync-interval")
        self.interval_spin.setRange(0, _MAX_INTERVAL)
        self.interval_spin.setSuffix(self.tr(" min"))
        self.interval_spin.setSpecialValueText(self.tr("off"))
        self.interval_spin.setValue(current.interval_minutes)
        self.start_box = QCheckBox(self.tr("Sync when the board opens"))
        self.start_box.setObjectName("sync-at-start")
        self.start_box.setChecked(current.sync_at_start)

        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.setObjectName("sync-test")
        self.test_button.clicked.connect(self.test_connection)
        self.result_label = QLabel()
        self.result_label.setObjectName("sync-test-result")
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.result_label, 1)

        form = QFormLayout()
        form.addRow(self.tr("Server address"), self.remote_edit)
        form.addRow(self.tr("User"), self.user_edit)
        form.addRow(self.tr("Password"), password_row)
        form.addRow(self.tr("CA certificate"), ca_row)
        form.addRow("", self.plain_box)
        form.addRow(self.tr("Sync automatically every"), self.interval_spin)
        form.addRow("", self.start_box)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("sync-save")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(test_row)
        layout.addWidget(buttons)
        self.resize(620, self.sizeHint().height())

    def chosen(self) -> SyncSettings:
        """The settings as the form shows them."""
        return SyncSettings(
            remote_url=self.remote_edit.text().strip(),
            user=self.user_edit.text().strip(),
            ca_file=self.ca_edit.text().strip(),
            allow_plain_loopback=self.plain_box.isChecked(),
            interval_minutes=self.interval_spin.value(),
            sync_at_start=self.start_box.isChecked(),
        )

    def _say(self, text: str, ok: bool) -> None:
        self.result_label.setText(text)
        self.result_label.setStyleSheet(_OK_STYLE if ok else _ERROR_STYLE)

    def save(self) -> None:
        """Check the address, store the password (keyring) and the settings (board)."""
        settings = self.chosen()
        password = self.password_edit.text()
        try:
            if settings.configured:
                cfg.address_of(settings)
                cfg.check_ca_file(settings.ca_file)
            elif password:
                raise KanbanError("sync.settings.no_remote")
            if password:
                cfg.store_password(settings, password)
            cfg.save(self.db, settings)
        except KanbanError as error:
            self._say(error.message(current_language()), ok=False)
            return
        self.password_edit.clear()
        self.saved.emit(settings)
        self.accept()

    def forget_password(self) -> None:
        settings = self.chosen()
        try:
            had = cfg.forget_password(settings)
        except KanbanError as error:
            self._say(error.message(current_language()), ok=False)
            return
        self._say(
            self.tr("The stored password is removed.")
            if had
            else self.tr("No password was stored for this account."),
            ok=True,
        )

    def browse_ca(self) -> QFileDialog:
        dialog = QFileDialog(self, self.tr("The CA certificate that signed the server's"))
        dialog.setObjectName("sync-ca-chooser")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters(
            [self.tr("Certificates (*.crt *.pem *.cer)"), self.tr("All files (*)")]
        )
        if self.ca_edit.text().strip():
            dialog.selectFile(self.ca_edit.text().strip())
        dialog.fileSelected.connect(self.ca_edit.setText)
        dialog.open()
        return dialog

    def test_connection(self) -> None:
        """Connect and check the server's schema, in the background; say how it went."""
        if self._test_call is not None:
            return
        settings = self.chosen()
        typed = self.password_edit.text()

        def work(_progress: Progress) -> None:
            from kanban_sec.sync.client import connect
            from kanban_sec.sync.server import check_version

            remote = cfg.remote_of(settings)
            password = typed or password_for(settings)
            conn = connect(remote, password)
            try:
                check_version(conn)
            finally:
                conn.close()

        def done(_result: Any) -> None:
            self._test_call = None
            if shiboken6.isValid(self):
                self.test_button.setEnabled(True)
                self._say(self.tr("Connected: the server is ready for this board."), ok=True)

        def failed(error: BaseException) -> None:
            self._test_call = None
            if shiboken6.isValid(self):
                self.test_button.setEnabled(True)
                self._say(error_text(error), ok=False)

        self.test_button.setEnabled(False)
        self._say(self.tr("Connecting…"), ok=True)
        call = BackgroundCall(work, self)
        call.finished.connect(done)
        call.failed.connect(failed)
        self._test_call = call
        call.start()
