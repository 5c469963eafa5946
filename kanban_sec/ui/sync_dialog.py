"""Sync in the window: the settings dialog, and the controller that syncs in the background.

:class:`SyncController` runs :func:`kanban_sec.sync.client.sync` as background work on the
qasync loop (:class:`~kanban_sec.ui.background.BackgroundCall`: the window never waits on
the network; Cancel stops it at its next batch); it keeps the status-bar indicator
(``sync-status``) and the automatic sync timer. :class:`SyncSettingsDialog` edits the
board's sync settings; the password goes to the OS keyring only.
:class:`RefusedChangesDialog` lists this board's changes the server refused (set aside, not
sent again) and discards or redoes them through
:func:`kanban_sec.sync.merge.discard_refused` and :func:`~kanban_sec.sync.merge.redo_refused`,
as ``kanban-sec sync --discard-refused`` / ``--redo-refused`` do.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import shiboken6
from PySide6.QtCore import QDate, QEvent, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kanban_sec.domain.errors import KanbanError
from kanban_sec.store.database import Database
from kanban_sec.sync import merge
from kanban_sec.sync import settings as cfg
from kanban_sec.sync.present import changed_text, refusal_reason, when
from kanban_sec.sync.settings import SyncSettings
from kanban_sec.ui.background import BackgroundCall, Cancelled, Progress
from kanban_sec.ui.i18n import Texts, current_language, translate
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


def refused_ids(db: Database) -> list[str]:
    """The ids of this board's changes the server refused (set aside)."""
    return [r.change_id for r in merge.list_refused(db)]


def refused_text(count: int) -> str:
    """How many changes the server refused, and that they wait for the person."""
    return translate(
        "Sync",
        "Changes refused by the server: %1. They are not sent again "
        "until you redo them; discard them to make the board match the "
        "server's.",
    ).replace("%1", str(count))


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
        gone = merge.discard_refused(self.db, ids)
        self.recount()
        if gone:
            self.board_changed.emit()
        return gone

    def redo_refused(self, ids: list[str]) -> tuple[int, bool]:
        """Send these refused changes again: (how many, whether a sync started for them)."""
        count = merge.redo_refused(self.db, ids)
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


# -- the refused changes ------------------------------------------------------------------------

_ID_ROLE = Qt.ItemDataRole.UserRole


class RefusedChangesDialog(QDialog):
    """This board's changes the server refused: what, why and when; discard or redo the
    selected ones (or all). Works through the :class:`SyncController` (which calls
    :mod:`kanban_sec.sync.merge` and starts the sync a redo needs)."""

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("refused-dialog")
        self.texts = Texts()
        self.texts.bind(self.setWindowTitle, lambda: self.tr("Changes refused by the server"))
        self.controller = controller
        self.changes: list[Any] = []

        intro = QLabel()
        self.texts.bind(
            intro.setText,
            lambda: self.tr(
                "The sync server refused these changes made on this board. They stay here but "
                "are not sent again. Discard a change to undo it here, so the board matches the "
                "server's; or redo it to send it again (for instance after an administrator "
                "changed your role)."
            ),
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("refused-table")
        self._headers()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._enable)

        self.status_label = QLabel()
        self.status_label.setObjectName("refused-status")
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)

        self.discard_button = QPushButton()
        self.discard_button.setObjectName("refused-discard")
        self.texts.bind(self.discard_button.setText, lambda: self.tr("Discard"))
        self.texts.bind(
            self.discard_button.setToolTip,
            lambda: self.tr(
                "Undo the selected changes here; the board gets the server's values back"
            ),
        )
        self.discard_button.clicked.connect(lambda: self.discard(self.selected_ids()))
        self.redo_button = QPushButton()
        self.redo_button.setObjectName("refused-redo")
        self.texts.bind(self.redo_button.setText, lambda: self.tr("Redo"))
        self.texts.bind(
            self.redo_button.setToolTip, lambda: self.tr("Send the selected changes again, now")
        )
        self.redo_button.clicked.connect(lambda: self.redo(self.selected_ids()))
        self.discard_all_button = QPushButton()
        self.discard_all_button.setObjectName("refused-discard-all")
        self.texts.bind(self.discard_all_button.setText, lambda: self.tr("Discard all"))
        self.discard_all_button.clicked.connect(lambda: self.discard(self.all_ids()))
        self.redo_all_button = QPushButton()
        self.redo_all_button.setObjectName("refused-redo-all")
        self.texts.bind(self.redo_all_button.setText, lambda: self.tr("Redo all"))
        self.redo_all_button.clicked.connect(lambda: self.redo(self.all_ids()))
        actions = QHBoxLayout()
        for button in (self.discard_button, self.redo_button):
            actions.addWidget(button)
        actions.addStretch(1)
        for button in (self.discard_all_button, self.redo_all_button):
            actions.addWidget(button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status_label)
        layout.addLayout(actions)
        layout.addWidget(close)
        self.resize(860, 380)

        controller.finished.connect(self._synced)
        controller.failed.connect(self._sync_failed)
        controller.running_changed.connect(lambda _running: self._enable())
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if (
            event.type() == QEvent.Type.LanguageChange
            and hasattr(self, "redo_all_button")
            and self.texts.outdated()
        ):
            self.texts.again()  # a language switch: every text, the list too
            self._headers()
            self.refresh()
        super().changeEvent(event)

    def _headers(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Change"), self.tr("Refused"), self.tr("The server's reason")]
        )

    # -- contents ------------------------------------------------------------------------
    def refresh(self, message: str | None = None) -> None:
        """Read the refused changes again; ``message`` (else their count) in the status."""
        self.changes = merge.list_refused(self.controller.db)
        self.table.setRowCount(len(self.changes))
        for row, change in enumerate(self.changes):
            reason = refusal_reason(change.reason)
            cells = (
                self.tr("%1 “%2”")
                .replace("%1", self._kind(change.entity))
                .replace("%2", change.title),
                changed_text(change.values) or "∅",
                when(change.refused_at),
                f"{change.code}: {reason}",
            )
            tips = (
                f"{change.entity} {change.row_id}",
                changed_text(change.values),
                "",
                f"{change.code}: {change.reason}",
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(_ID_ROLE, change.change_id)
                cell.setToolTip(tips[column] or text)
                self.table.setItem(row, column, cell)
        self.table.resizeColumnsToContents()
        for column, widest in ((0, 260), (1, 220)):
            if self.table.columnWidth(column) > widest:
                self.table.setColumnWidth(column, widest)
        if message is None:
            message = (
                refused_text(len(self.changes))
                if self.changes
                else self.tr("No changes are refused by the server.")
            )
        self.status_label.setText(message)
        self._enable()

    def _kind(self, entity: str) -> str:
        names = {
            "item": self.tr("Item"),
            "setting": self.tr("Setting"),
            "comment": self.tr("Comment"),
            "person": self.tr("Person"),
            "unit": self.tr("Unit"),
            "column": self.tr("Column"),
        }
        return names.get(entity, entity)

    def selected_ids(self) -> list[str]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.changes[r].change_id for r in rows if r < len(self.changes)]

    def all_ids(self) -> list[str]:
        return [c.change_id for c in self.changes]

    def _enable(self) -> None:
        idle = not self.controller.running
        chosen = bool(self.table.selectionModel().selectedRows())
        self.discard_button.setEnabled(idle and chosen)
        self.redo_button.setEnabled(idle and chosen)
        self.discard_all_button.setEnabled(idle and bool(self.changes))
        self.redo_all_button.setEnabled(idle and bool(self.changes))

    # -- acting ----------------------------------------------------------------------------
    def discard(self, ids: list[str]) -> int:
        """Discard these changes (undone here); returns how many."""
        if not ids or self.controller.running:
            return 0
        try:
            gone = self.controller.discard_refused(ids)
        except KanbanError as error:
            self.refresh(error.message(current_language()))
            return 0
        self.refresh(
            self.tr("Discarded: %1. The board matches the server's again.").replace(
                "%1", str(len(gone))
            )
        )
        return len(gone)

    def redo(self, ids: list[str]) -> int:
        """Send these changes again (a sync starts when one can); returns how many."""
        if not ids or self.controller.running:
            return 0
        try:
            count, syncing = self.controller.redo_refused(ids)
        except KanbanError as error:
            self.refresh(error.message(current_language()))
            return 0
        text = (
            self.tr("To be sent again: %1. Syncing…")
            if syncing
            else self.tr("To be sent again: %1, with the next sync.")
        )
        self.refresh(text.replace("%1", str(count)))
        return count

    def _synced(self, _result: Any) -> None:
        if shiboken6.isValid(self):
            self.refresh()

    def _sync_failed(self, text: str) -> None:
        if shiboken6.isValid(self):
            self.refresh(text)
