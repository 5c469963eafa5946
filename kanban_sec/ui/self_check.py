"""``kanban-sec --self-check``: can this installation (or frozen bundle) run here?

One line per check; exit 0 when all pass, 1 at the first failure (naming it). The real
database is only ever opened read-only: migrations and the window run on a temporary copy.
``kanban_sec.app.self_check`` runs it with the application and the window it builds (this
module is below ``app`` and does not import it).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from kanban_sec import desktop, runtime
from kanban_sec.domain.errors import KanbanError

EXIT_OK, EXIT_FAILURE = 0, 1


@dataclass(frozen=True)
class Window:
    """What the checks need of ``app``: its QApplication, and its main window on a file."""

    ensure_app: Callable[[], object]
    open: Callable[[Path], Any]


def _versions(_db: Path, _work: Path, _app: Window) -> str:
    import PySide6
    from PySide6.QtCore import qVersion

    frozen = " (frozen)" if getattr(sys, "frozen", False) else ""
    return (
        f"Python {sys.version.split()[0]}{frozen}, PySide6 {PySide6.__version__}, Qt {qVersion()}"
    )


def _database(db: Path, _work: Path, _app: Window) -> str:
    from kanban_sec.store import migrate
    from kanban_sec.store.database import read_schema

    if not db.exists():
        return f"{db} does not exist yet (a new one would be created)"
    revision = migrate.revision_of(db)  # read-only; refuses foreign or newer files
    read_schema(db)
    return f"{db} opened read-only, schema revision {revision or 'none (blank)'}"


def _copy_path(work: Path) -> Path:
    return work / "board.sqlite"


def _migrations(db: Path, work: Path, _app: Window) -> str:
    from kanban_sec.store import migrate
    from kanban_sec.store.database import open_database
    from kanban_sec.store.sqlite_uri import sqlite_uri

    copy = _copy_path(work)
    if db.exists():
        # SQLite's backup API from a read-only connection: the copy includes anything still
        # in the write-ahead log, and the original is not written to.
        src = sqlite3.connect(sqlite_uri(db.absolute(), read_only=True), uri=True)
        dst = sqlite3.connect(copy)
        try:
            src.backup(dst)
        finally:
            dst.close()
            src.close()
        source = "a copy"
    else:
        source = "a new empty database"
    before = migrate.revision_of(copy) if copy.exists() else None
    opened = open_database(copy, daily_backup=False)
    opened.close()
    after = migrate.revision_of(copy)
    if after != migrate.HEAD:
        raise RuntimeError(f"the copy is at revision {after}, not {migrate.HEAD}")
    return f"{source} migrated from {before or 'blank'} to head {after}"


def _app(app: Window) -> object:
    if not desktop.has_display():  # no display, or a Mac reached over SSH
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return app.ensure_app()


def _translations(_db: Path, _work: Path, app: Window) -> str:
    from PySide6.QtCore import QCoreApplication

    from kanban_sec.ui import i18n

    _app(app)
    qm = i18n.translations_folder() / "kanban_sec_nb.qm"
    if not qm.is_file():
        raise RuntimeError(f"{qm} is missing")
    try:
        i18n.install("nb")
        text = QCoreApplication.translate("MainWindow", "&File")
        if text != "&Fil":
            raise RuntimeError(f"'&File' translates to {text!r}, not '&Fil'")
    finally:
        i18n.install("en")
    return f"nb loaded from {qm.parent}, '&File' -> '&Fil'"


def isolate_settings(folder: Path) -> str:
    """Point every ``QSettings()`` of this process at INI files in ``folder``.

    ``setPath`` alone is not enough: on Windows the native format is the registry and on
    macOS a plist, which ignore it, so the default format becomes INI too (for the user's
    and the system's scope). Returns the file a plain ``QSettings()`` now uses.
    """
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            QSettings.setPath(fmt, scope, str(folder))
    used = QSettings().fileName()
    if not Path(used).is_relative_to(folder):
        raise RuntimeError(f"settings would go to {used}, not the temporary folder")
    return used


def _window(_db: Path, work: Path, app: Window) -> str:
    from PySide6.QtWidgets import QApplication

    _app(app)
    # The window reads and writes the user's settings (language, layout, who am I): keep
    # it off the real ones, on every OS.
    settings = isolate_settings(work / "settings")
    window = app.open(_copy_path(work))
    try:
        window.show()
        QApplication.processEvents()
        frame = window.grab()
        if frame.isNull() or frame.width() == 0:
            raise RuntimeError("the window painted no frame")
        size = f"{frame.width()}x{frame.height()}"
    finally:
        window.close()
        # The board copy must be closed before its folder is removed (Windows cannot
        # remove an open file); deleteLater alone may not run before then.
        db = getattr(getattr(window, "service", None), "db", None)
        if db is not None:
            db.close()
        window.deleteLater()
        QApplication.processEvents()
    platform = QApplication.platformName()
    return (
        f"main window created, shown and grabbed ({size}, platform {platform}); "
        f"settings in {settings}"
    )


def remove_folder(folder: Path, *, tries: int = 10, pause: float = 0.2) -> bool:
    """Remove ``folder``; on Windows a file a closing handle still holds makes a try fail,
    so it is retried, then left (``False``) rather than failing the check."""
    for _ in range(tries):
        shutil.rmtree(folder, ignore_errors=True)
        if not folder.exists():
            return True
        time.sleep(pause)
    return not folder.exists()


CHECKS: tuple[tuple[str, Callable[[Path, Path, Window], str]], ...] = (
    ("versions", _versions),
    ("database", _database),
    ("migrations", _migrations),
    ("translations", _translations),
    ("window", _window),
)


def run(db_path: Path, app: Window, out: TextIO | None = None) -> int:
    """Run every check against ``db_path`` (never changed); 0 when all pass, else 1."""
    out = out or sys.stdout
    db = Path(db_path).expanduser().absolute()
    work = Path(tempfile.mkdtemp(prefix="kanban-sec-self-check-"))
    try:
        for name, check in CHECKS:
            try:
                detail = check(db, work, app)
            except Exception as error:  # report the failing check, then stop
                reason = str(error) or type(error).__name__
                if isinstance(error, KanbanError):  # the user's message, not the key
                    reason = error.message("en")
                print(f"FAIL {name}: {runtime.scrub(reason)}", file=out)  # no password
                if os.environ.get("KANBAN_SEC_DEBUG"):
                    print(runtime.scrub(traceback.format_exc()), file=sys.stderr)
                print("self-check failed", file=out)
                out.flush()
                return EXIT_FAILURE
            print(f"OK   {name}: {detail}", file=out)
            out.flush()
    finally:
        if not remove_folder(work):
            print(f"(the temporary folder {work} could not be removed)", file=out)
    print("self-check passed", file=out)
    return EXIT_OK
