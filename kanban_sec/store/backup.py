"""Rolling backups with SQLite's online backup API (consistent even while others write)."""

from __future__ import annotations

import logging
import os
import sqlite3
import stat
import time
from datetime import UTC, datetime
from pathlib import Path

from kanban_sec.store.sqlite_uri import sqlite_uri

KEEP = 10
DAY = 24 * 3600
#: The folder the backups go to instead of beside the database (e.g. a roaming or
#: network folder on Windows, where the default board sits in non-roaming local app data).
FOLDER_VARIABLE = "KANBAN_SEC_BACKUP_DIR"

#: One line per backup left undone (the command line and the window send it to the log).
_log = logging.getLogger(__name__)


def folder_for(db_path: Path) -> Path:
    """Backups live in ``<name>-backups/``: beside the database, or in the folder
    ``KANBAN_SEC_BACKUP_DIR`` names."""
    chosen = os.environ.get(FOLDER_VARIABLE)
    if chosen:
        return Path(chosen).expanduser().absolute() / f"{db_path.stem}-backups"
    return db_path.with_name(f"{db_path.stem}-backups")


def take(db_path: Path, reason: str = "daily") -> Path:
    """Copy the database into its backup folder; keeps the newest :data:`KEEP` of a kind."""
    folder = folder_for(db_path)
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.mkdir(mode=0o700, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"{db_path.stem}-{stamp}-{reason}.sqlite"
    copy_database(db_path, target)
    _prune(folder, db_path.stem, reason)
    return target


def copy_database(source: Path, target: Path) -> None:
    """Copy the database ``source`` (opened read-only) into the new file ``target``.

    ``target`` is created readable by its owner only and must not exist
    (``FileExistsError``); a failed copy removes it, so no half-written copy is left.
    """
    fd = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, stat.S_IRUSR | stat.S_IWUSR)
    os.close(fd)
    try:
        reader = sqlite3.connect(sqlite_uri(source.absolute(), read_only=True), uri=True)
        try:
            writer = sqlite3.connect(target)
            try:
                reader.backup(writer)
            finally:
                writer.close()
        finally:
            reader.close()
    except BaseException:
        target.unlink(missing_ok=True)
        raise


def _prune(folder: Path, stem: str, reason: str) -> None:
    kind = sorted(folder.glob(f"{stem}-*-{reason}.sqlite"))
    for old in kind[:-KEEP]:
        try:
            old.unlink(missing_ok=True)
        except OSError as error:
            # Held open (an antivirus scan on Windows) or not ours to delete: it is pruned
            # another time; a backup never stops the board from opening.
            _log.warning("old backup kept for now, not deleted: %s (%s)", old, error)


def listed(db_path: Path) -> list[Path]:
    """The backups of the database, newest first."""
    folder = folder_for(db_path)
    if not folder.is_dir():
        return []
    dated = []
    for path in folder.glob(f"{db_path.stem}-*.sqlite"):
        try:  # another program starting on the same file may be pruning its backups
            dated.append((path.stat().st_mtime, path))
        except FileNotFoundError:
            continue
    return [path for _mtime, path in sorted(dated, reverse=True)]


def newest(db_path: Path) -> Path | None:
    """The newest backup of the database, if any."""
    return next(iter(listed(db_path)), None)


def daily(db_path: Path) -> Path | None:
    """Take a backup unless one was taken in the last 24 hours."""
    latest = newest(db_path)
    try:
        if latest is not None and time.time() - latest.stat().st_mtime < DAY:
            return None
        taken = take(db_path)
    except (FileExistsError, FileNotFoundError):
        return None  # two programs started on the file at once: the other one takes it
    except sqlite3.DatabaseError:
        return None  # a damaged page: no backup today, and the older good ones are kept
    except OSError as error:
        # The backup folder cannot be written (a chosen network folder offline, no room):
        # the board still opens; the next start tries again.
        _log.warning("no daily backup of %s today: %s", db_path, error)
        return None
    if not _sound(taken):
        # A damaged page copied faithfully is no backup: it must never push a good one out.
        taken.unlink(missing_ok=True)
        return None
    return taken


def _sound(path: Path) -> bool:
    """Whether SQLite's quick check finds ``path`` sound (read-only)."""
    try:
        conn = sqlite3.connect(sqlite_uri(path.absolute(), read_only=True), uri=True)
    except sqlite3.Error:
        return False
    try:
        return conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    except sqlite3.Error:
        return False
    finally:
        conn.close()
