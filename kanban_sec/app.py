"""Builds the QApplication and the qasync loop, and wires the services into the window."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from types import TracebackType
from typing import TextIO

# isort: off
from kanban_sec import runtime

# The services and store before PySide6: PySide6's import hook reads the source of every
# module imported after it, which costs start-up time and memory. (SQLAlchemy is not among
# them: reading the board needs none; the window loads it once painted, prepare_writes.)
from kanban_sec.domain.errors import KanbanError
from kanban_sec.services.board import BoardService
from kanban_sec.services.live_board import LiveBoard
from kanban_sec.services.session import Session
from kanban_sec.store.database import open_database
from kanban_sec.store.recovery import DamagedDatabase

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from kanban_sec.ui import i18n

# isort: on
from kanban_sec.ui.main_window import MainWindow
from kanban_sec.ui.screen_fit import fit_to_screen

APP_NAME = runtime.APP_NAME


def ensure_app() -> QApplication:
    """The one QApplication (made on first use), with names, style and palette set."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    if not QCoreApplication.organizationName():
        QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    if app.property("kanban_sec_ready") is None:
        app.setProperty("kanban_sec_ready", True)
        app.setStyle("Fusion")
        _follow_system_palette(app)
        # The palette follows the system when the user switches light/dark while we run.
        QGuiApplication.styleHints().colorSchemeChanged.connect(
            lambda _scheme: _follow_system_palette(app)
        )
    return app


def _follow_system_palette(app: QApplication, dark: bool | None = None) -> None:
    """Light or dark, as the system says (Fusion draws both well)."""
    if dark is None:
        dark = QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark
    palette = app.style().standardPalette()
    if dark:
        role = QPalette.ColorRole
        for name, colour in (
            (role.Window, "#202124"),
            (role.WindowText, "#e8eaed"),
            (role.Base, "#17181a"),
            (role.AlternateBase, "#2a2b2e"),
            (role.Text, "#e8eaed"),
            (role.Button, "#2a2b2e"),
            (role.ButtonText, "#e8eaed"),
            (role.Highlight, "#8ab4f8"),
            (role.HighlightedText, "#202124"),
            (role.Mid, "#5f6368"),
            (role.PlaceholderText, "#a0a4a8"),
            (role.ToolTipBase, "#2a2b2e"),
            (role.ToolTipText, "#e8eaed"),
        ):
            palette.setColor(name, QColor(colour))
    else:
        palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#f7f8fa"))
        # Fusion's light highlight (#308cc6) gives white text only 3.7:1; this one 5.3:1.
        palette.setColor(QPalette.ColorRole.Highlight, QColor("#1f6fb2"))
        palette.setColor(QPalette.ColorRole.PlaceholderText, QColor("#5f6368"))
    app.setPalette(palette)


def acting_session(db_path: Path, session: Session) -> Session:
    """``session`` acting as the person chosen under "Who am I" for this database if still
    there, else as the one person named as the user (``KANBAN_SEC_USER`` or the login), as
    the command line finds them; unchanged when neither is a person of the board."""
    from kanban_sec.services.access import actor_in
    from kanban_sec.ui.whoami import remembered_person

    stored = remembered_person(db_path)
    people = BoardService(session).people()
    person = people.get(stored) if stored else None
    if person is None:
        person = actor_in(people, session.actor, None)
    return session if person is None else session.acting_as(person.name, person.id)


def create_main_window(db_path: str | Path) -> MainWindow:
    """The main window on ``db_path``, ready to show; no event loop, no modal dialog."""
    ensure_app()
    i18n.install(i18n.preferred_language())
    path = Path(db_path)
    db = open_database(path, hold=True)  # another window holding it: this one only reads
    session = acting_session(path, Session(db, runtime.current_user(), i18n.current_language()))
    _generate_due(session)
    service = BoardService(session)
    live = LiveBoard(service, session.person_id)
    window = MainWindow(service, live, path)
    if db.on_network:  # the status bar says so, beside the path
        from kanban_sec.domain.text import t

        notice = t("db.network", i18n.current_language())
        window.path_label.setText(f"{path} — {notice}")
        window.path_label.setToolTip(notice)
    window.destroyed.connect(lambda *_: db.close())
    return window


def _generate_due(session: Session) -> None:
    """The annual wheel's duties that are due now go on the board (cheap when none are)."""
    from kanban_sec.domain.errors import StoreFailure
    from kanban_sec.domain.rules import RuleRefused
    from kanban_sec.services.annual_wheel import AnnualWheel

    # When another program holds the file, the next start (or the wheel window) does it;
    # so does the next start of somebody whose role makes items, when this person's (say,
    # internal control's) does not.
    with contextlib.suppress(StoreFailure, RuleRefused):
        AnnualWheel(session).generate_due()


def install_exception_hook(log_file: Path) -> None:
    """An unexpected error is logged in full and shown once, with where the log is."""
    shown: list[bool] = []

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if error.__traceback__ is None and trace is not None:
            error = error.with_traceback(trace)
        # Neither the log nor the crash report (beside it) may hold a password.
        details = runtime.log_failure(error, log_file).where()
        if not shown and QApplication.instance() is not None:
            shown.append(True)
            from kanban_sec.ui.notify import show_error

            show_error(
                None,
                i18n.translate(
                    "App",
                    "Something went wrong that should not have: %1\n\nThe details are in "
                    "%2. The board is saved; you can go on working.",
                )
                .replace("%1", runtime.scrub(str(error)))
                .replace("%2", details),
            )

    sys.excepthook = hook


def self_check(db_path: Path, out: TextIO) -> int:
    """``kanban-sec --self-check``: the checks of ``ui.self_check``, with this module's
    QApplication and main window (offscreen on a copy of the board)."""
    from kanban_sec.ui.self_check import Window, run

    return run(db_path, Window(ensure_app, create_main_window), out)


def run_window(db_path: Path | None) -> int:
    """Open the board window (the first run offers the example, empty or a CSV import)."""
    ensure_app()
    i18n.install(i18n.preferred_language())
    install_exception_hook(runtime.log_path())
    runtime.route_warnings_to_log()
    path = db_path or runtime.default_db_path()
    first_run = db_path is None and not path.exists()
    if db_path is None:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        window: MainWindow | None
        try:
            window = create_main_window(path)
        except DamagedDatabase as damaged:
            # Never the damaged file: offer a copy of the newest good backup beside it.
            window = _open_restored(damaged)
        if window is None:
            return 1
    except KanbanError as error:  # locked, unreadable, not ours, too new: say so, in a window
        _start_error(error)
        return error.exit_code
    if first_run:
        _offer_first_run(window)
    if window.live.me is None and window.live.board.people:
        _ask_who_am_i(window)
    window.show()
    held = window.service.db.held_error()
    if held is not None:  # says who holds the file; every change says so too
        from kanban_sec.ui.notify import show_error

        show_error(window, held)
    else:
        window.sync_controller.at_start()  # in the background, once the loop runs
    return _run_loop(window)


def _start_error(error: KanbanError) -> None:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, error.message(i18n.current_language()))
    box.setObjectName("start-error")
    box.exec()


def _open_restored(damaged: DamagedDatabase) -> MainWindow | None:
    """The recovery dialog; the window on a copy of the backup, or ``None`` if declined."""
    from kanban_sec.ui.recovery_dialog import RecoveryDialog

    dialog = RecoveryDialog(damaged, i18n.current_language())
    fit_to_screen(dialog)
    if not dialog.exec() or dialog.restored() is None:
        return None
    restored = dialog.restored()
    assert restored is not None
    window = create_main_window(restored)
    from kanban_sec.ui.notify import show_info

    show_info(window, dialog.restored_message())
    return window


def _run_loop(window: MainWindow) -> int:
    """Run Qt's event loop under asyncio (qasync) until the window closes."""
    import asyncio

    import qasync

    app = ensure_app()
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    closing = asyncio.Event()
    app.aboutToQuit.connect(closing.set)
    with loop:
        loop.run_until_complete(closing.wait())
    return 0


def _offer_first_run(window: MainWindow) -> None:
    from kanban_sec.ui.first_run import FirstRunDialog, apply_first_run

    dialog = FirstRunDialog(window, window.db_path)
    fit_to_screen(dialog)
    if dialog.exec():
        choice = dialog.choice()
        path = getattr(dialog, "import_path", lambda: None)()
        try:
            apply_first_run(choice, window.service, path)
        except Exception as error:  # shown, and the empty board stays usable
            from kanban_sec.domain.errors import KanbanError
            from kanban_sec.ui.notify import show_error

            if not isinstance(error, KanbanError):
                raise
            show_error(window, error)
        window.reload()


def _ask_who_am_i(window: MainWindow) -> None:
    from kanban_sec.ui.whoami import WhoAmIDialog, remember_person

    dialog = WhoAmIDialog(window.service, window)
    fit_to_screen(dialog)
    person_id = dialog.person_id() if dialog.exec() else None
    if person_id:
        remember_person(window.db_path, person_id)
        window.set_session(acting_session(window.db_path, window.session))
        window.live.me = person_id
        window.reload()  # the person may be new; the window offers what their role may do
