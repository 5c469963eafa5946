"""A damaged board file: find the newest good backup and open a copy of it, never the file."""

from __future__ import annotations

import os
import platform
import sqlite3
import stat
import sys
import traceback
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from pathlib import Path

from kanban_sec.domain.errors import StoreFailure
from kanban_sec.store import backup
from kanban_sec.store.sqlite_uri import sqlite_uri

SQLITE_MAGIC = b"SQLite format 3\x00"


class DamagedDatabase(StoreFailure):
    """The board file exists but SQLite cannot read it; a good backup may be offered."""

    def __init__(self, path: Path, reason: str, good_backup: Path | None) -> None:
        self.path = path
        self.reason = reason
        self.good_backup = good_backup
        if good_backup is None:
            super().__init__(
                "db.damaged_no_backup",
                path=str(path),
                reason=reason,
                folder=str(backup.folder_for(path)),
            )
        else:
            super().__init__(
                "db.damaged",
                path=str(path),
                reason=reason,
                backup=str(good_backup),
                date=backup_date(good_backup),
            )


def passes_check(path: Path) -> bool:
    """Whether SQLite reads ``path`` as a sound database (``PRAGMA quick_check``), read-only."""
    try:
        with path.open("rb") as handle:
            if handle.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
                return False
        conn = sqlite3.connect(sqlite_uri(path.absolute(), read_only=True), uri=True)
    except (OSError, sqlite3.Error):
        return False
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
        tables = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
    except sqlite3.Error:
        return False
    finally:
        conn.close()
    return rows == [("ok",)] and "alembic_version" in tables


def has_backups(db_path: Path) -> bool:
    """Whether the backup folder holds any backup of ``db_path`` (it was once a board)."""
    folder = backup.folder_for(db_path)
    return folder.is_dir() and any(folder.glob(f"{db_path.stem}-*.sqlite"))


def newest_good_backup(db_path: Path) -> Path | None:
    """The newest backup of ``db_path`` that passes SQLite's quick check, if any."""
    return next((path for path in backup.listed(db_path) if passes_check(path)), None)


def backup_date(path: Path) -> str:
    """When a backup was taken, as ``YYYY-MM-DD HH:MM`` (UTC)."""
    try:
        stamp = path.stat().st_mtime
    except OSError:
        return "?"
    return datetime.fromtimestamp(stamp, UTC).strftime("%Y-%m-%d %H:%M UTC")


def is_damaged(db_path: Path, reason: str) -> bool:
    """Whether an open failure (``reason``) means the file itself is damaged."""
    text = reason.lower()
    return "malformed" in text or "not a database" in text or "corrupt" in text


def damaged(db_path: Path, reason: str) -> DamagedDatabase:
    """The error to raise for a damaged ``db_path``, naming its newest good backup."""
    return DamagedDatabase(db_path, reason, newest_good_backup(db_path))


def restore_copy(db_path: Path, good_backup: Path) -> Path:
    """Copy ``good_backup`` to a new file beside ``db_path`` and return it.

    The damaged file is not read, moved or written; the copy never replaces an existing
    file (``<name>-restored-<date>.sqlite``, with a counter if that name is taken).
    """
    stamp = datetime.fromtimestamp(good_backup.stat().st_mtime, UTC).strftime("%Y%m%d-%H%M%S")
    for count in range(1000):
        suffix = "" if count == 0 else f"-{count}"
        target = db_path.with_name(f"{db_path.stem}-restored-{stamp}{suffix}.sqlite")
        try:
            backup.copy_database(good_backup, target)
        except FileExistsError:
            continue
        except (OSError, sqlite3.Error) as error:
            raise StoreFailure("db.readonly", path=str(target), reason=str(error)) from error
        return target
    raise StoreFailure(  # pragma: no cover - a thousand restored copies of one second
        "db.readonly", path=str(db_path), reason="too many restored copies"
    )


# -- crash reports ---------------------------------------------------------------------

#: Environment variables whose values never appear in a crash report (nor any whose name
#: says it holds a password, secret or token).
SECRET_VARIABLES = ("KANBAN_SEC_SYNC_PASSWORD", "KANBAN_SEC_SERVER_PASSWORD")
_SECRET_WORDS = ("PASSWORD", "SECRET", "TOKEN", "PASSWD")


def environment_secrets(environ: Mapping[str, str] | None = None) -> list[str]:
    """The values of the environment's secret variables (to be removed from reports)."""
    env = os.environ if environ is None else environ
    names = set(SECRET_VARIABLES) | {n for n in env if any(w in n.upper() for w in _SECRET_WORDS)}
    return [env[n] for n in names if env.get(n)]


def _versions() -> list[str]:
    import kanban_sec

    lines = [
        f"kanban-sec {kanban_sec.__version__}",
        f"Python {sys.version.split()[0]} ({platform.python_implementation()})",
        f"Platform {platform.platform()}",
        f"SQLite {sqlite3.sqlite_version}",
    ]
    for name in ("PySide6", "sqlalchemy", "psycopg"):
        module = sys.modules.get(name)
        version = getattr(module, "__version__", None) if module is not None else None
        if version:
            lines.append(f"{name} {version}")
    return lines


def write_crash_report(
    folder: Path, error: BaseException, scrub: Callable[[str], str]
) -> Path | None:
    """A crash report (traceback, versions, platform) in ``folder``, passed through ``scrub``.

    ``scrub`` removes the secrets (``kanban_sec.runtime.scrub``: the sync layer's ``redact``
    with the environment's secrets; the store may not import the sync layer itself).
    Returns the file, or ``None`` when it could not be written (a report must never
    become a second failure).
    """
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    body = "\n".join(
        [
            f"kanban-sec crash report {stamp}",
            *_versions(),
            "",
            "".join(traceback.format_exception(error)),
        ]
    )
    text = scrub(body)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"crash-{stamp}.txt"
        fd = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, stat.S_IRUSR | stat.S_IWUSR)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
    except OSError:
        return None
    return target
