"""Opening the board's SQLite file safely: checks, pragmas, migrations, backups."""

from __future__ import annotations

import getpass
import json
import os
import socket
import sqlite3
import stat
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kanban_sec.domain.errors import BadInput, KanbanError, StoreFailure
from kanban_sec.domain.hlc import HybridLogicalClock
from kanban_sec.domain.ids import new_id
from kanban_sec.store import backup, journal, migrate, recovery
from kanban_sec.store.plain_sql import Hooks, PlainConnection, Pool, configure
from kanban_sec.store.sqlite_uri import sqlite_uri

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine

SQLITE_MAGIC = b"SQLite format 3\x00"
DEFAULT_BUSY_TIMEOUT_MS = 5000


def busy_timeout_ms() -> int:
    """How long a write waits for another writer (``KANBAN_SEC_BUSY_TIMEOUT_MS``)."""
    try:
        return max(0, int(os.environ.get("KANBAN_SEC_BUSY_TIMEOUT_MS", DEFAULT_BUSY_TIMEOUT_MS)))
    except ValueError:
        return DEFAULT_BUSY_TIMEOUT_MS


def translate_error(error: BaseException, path: Path) -> KanbanError | None:
    """A SQLite failure as a message a user can act on, or ``None`` if it is a bug."""
    reason = str(getattr(error, "orig", error))
    text = reason.lower()
    if "locked" in text or "busy" in text:
        return StoreFailure("db.locked", path=str(path))
    if "readonly" in text or "read-only" in text or "full" in text or "disk i/o" in text:
        return StoreFailure("db.readonly", path=str(path), reason=reason)
    if "not a database" in text or "malformed" in text or "unable to open" in text:
        return StoreFailure("db.unreadable", path=str(path), reason=reason)
    return None


class Database:
    """An open board file: its connections, this replica's node id, and its clock."""

    def __init__(
        self,
        path: Path,
        node_id: str,
        upgraded_backup: Path | None,
        *,
        journal_mode: str = "WAL",
    ):
        self.path = path
        self.node_id = node_id
        self.clock = HybridLogicalClock()
        #: The backup taken before this open upgraded an older schema, if any.
        self.upgraded_backup = upgraded_backup
        #: Who else has the file open in a window (from its lock file): then this one is
        #: read-only, and every write says who holds it.
        self.held_by: dict[str, Any] | None = None
        #: The message key a write gets while held: a window's, or the command line's.
        self.held_key = "db.held"
        #: The file lies on a network drive: it uses SQLite's DELETE journal, not WAL.
        self.on_network = journal_mode != "WAL"
        self._journal_mode = journal_mode
        self._pool = Pool(sqlite_uri(path), busy_timeout_ms=busy_timeout_ms(), journal=journal_mode)
        self._lock: Path | None = None

    def held_error(self) -> StoreFailure | None:
        """The message a write gets while another window holds the file, else ``None``."""
        if self.held_by is None:
            return None
        holder = self.held_by
        return StoreFailure(
            self.held_key,
            path=str(self.path),
            user=holder.get("user", "?"),
            host=holder.get("host", "?"),
            pid=holder.get("pid", "?"),
            since=holder.get("since", "?"),
        )

    @property
    def hooks(self) -> Hooks:
        """Checks every transaction from now on runs (an import's Cancel); see
        :class:`plain_sql.Hooks`."""
        return self._pool.hooks

    @contextmanager
    def connect(self, *, write: bool) -> Iterator[PlainConnection]:
        """One transaction; a write one takes SQLite's write lock at its start and commits
        whole or not at all."""
        if write:
            held = self.held_error()
            if held is not None:
                raise held
        try:
            with self._pool.transaction(write=write) as conn:
                yield conn
        except sqlite3.Error as error:
            translated = translate_error(error, self.path)
            if translated is None:
                raise
            raise translated from error

    def close(self) -> None:
        self._pool.close()
        if self._lock is not None:
            release_lock(self._lock)
            self._lock = None


# -- who has the file open in a window ---------------------------------------------------


def lock_path(db_path: Path) -> Path:
    """The lock file beside the database: who holds it (user, host, pid, since)."""
    return db_path.with_name(db_path.name + ".lock")


#: How long a lock whose process start time cannot be compared (a PID that runs again,
#: on a system that does not tell when it started) counts as held (``KANBAN_SEC_LOCK_HOURS``).
DEFAULT_LOCK_HOURS = 12.0


def _lock_hours() -> float:
    try:
        return float(os.environ.get("KANBAN_SEC_LOCK_HOURS", DEFAULT_LOCK_HOURS))
    except ValueError:
        return DEFAULT_LOCK_HOURS


def process_start(pid: int) -> str | None:
    """When process ``pid`` started, as a token that differs for a reused PID (``None``
    when this system does not say)."""
    if sys.platform.startswith("linux"):
        try:
            stat_line = Path(f"/proc/{pid}/stat").read_text(encoding="ascii")
            boot = Path("/proc/sys/kernel/random/boot_id").read_text(encoding="ascii").strip()
        except OSError:
            return None
        # The name (field 2) may hold spaces and parentheses: count after its last ")".
        fields = stat_line.rsplit(")", 1)[-1].split()
        return f"{boot}:{fields[19]}" if len(fields) > 19 else None
    if sys.platform == "win32":
        return _windows_process_start(pid)
    return ps_process_start(pid)


def ps_process_start(pid: int) -> str | None:
    """The start time ``ps`` reports for ``pid`` (macOS and the BSDs have no /proc), to
    the second: a reused PID started at another time reads differently."""
    import subprocess

    try:
        done = subprocess.run(
            ["ps", "-o", "lstart=", "-p", str(pid)],
            capture_output=True,
            text=True,
            timeout=2,
            check=False,
            env={**os.environ, "LC_ALL": "C"},  # the same words whoever asks
        )
    except (OSError, subprocess.SubprocessError):
        return None
    started = " ".join(done.stdout.split())
    return started if done.returncode == 0 and started else None


def _windows_process_start(pid: int) -> str | None:
    if sys.platform != "win32":
        return None
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.windll.kernel32
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return None
    try:
        times = [wintypes.FILETIME() for _ in range(4)]
        if not kernel32.GetProcessTimes(handle, *(ctypes.byref(t) for t in times)):
            return None
        created = times[0]
        return str((created.dwHighDateTime << 32) | created.dwLowDateTime)
    finally:
        kernel32.CloseHandle(handle)


def _me() -> dict[str, Any]:
    return {
        "user": os.environ.get("KANBAN_SEC_USER") or getpass.getuser(),
        "host": socket.gethostname(),
        "pid": os.getpid(),
        "started": process_start(os.getpid()),
        "since": datetime.now(UTC).astimezone().strftime("%Y-%m-%d %H:%M"),
        "at": time.time(),
    }


def lock_is_stale(
    holder: dict[str, Any],
    *,
    host: str,
    alive: bool,
    started_now: str | None,
    now: float,
    hours: float = DEFAULT_LOCK_HOURS,
) -> bool:
    """Whether a lock file's holder is gone, so the lock may be cleared.

    Another machine's lock is never stale (its processes cannot be seen from here: it is
    honoured and shown with who and where). On this machine: the process no longer runs,
    or the PID now belongs to a process that started at another time (a reused PID); when
    the start time cannot be compared, a lock older than ``hours`` counts as left behind.
    """
    if holder.get("host") != host:
        return False
    if not alive:
        return True
    recorded = holder.get("started")
    if recorded is not None and started_now is not None:
        return bool(recorded != started_now)
    at = holder.get("at")
    if not isinstance(at, int | float):
        return True  # an old lock without a time: nothing says it is still meant
    return now - at > hours * 3600


def _alive(pid: int) -> bool:
    """Whether process ``pid`` runs on this machine."""
    if pid <= 0:
        return False
    if sys.platform == "win32":  # os.kill would end the process there
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)
        if not handle:
            return False
        ctypes.windll.kernel32.CloseHandle(handle)
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process: alive
    return True


def _read_lock(lock: Path) -> dict[str, Any] | None:
    try:
        holder = json.loads(lock.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return holder if isinstance(holder, dict) else None


def _stale(holder: dict[str, Any], lock: Path) -> bool:
    if not isinstance(holder.get("at"), int | float):  # written by an older version
        with suppress(OSError):
            holder = {**holder, "at": lock.stat().st_mtime}
    pid = holder.get("pid")
    if not isinstance(pid, int):
        return holder.get("host") == socket.gethostname()
    alive = _alive(pid)
    return lock_is_stale(
        holder,
        host=socket.gethostname(),
        alive=alive,
        started_now=process_start(pid) if alive else None,
        now=time.time(),
        hours=_lock_hours(),
    )


def window_holder(db_path: Path) -> dict[str, Any] | None:
    """Who holds ``db_path`` in a window now (a stale lock is cleared), else ``None``;
    this process's own lock is no other holder."""
    lock = lock_path(db_path)
    holder = _read_lock(lock)
    if holder is None:
        return None
    if holder.get("host") == socket.gethostname() and holder.get("pid") == os.getpid():
        return None
    if _stale(holder, lock):
        lock.unlink(missing_ok=True)
        return None
    return holder


def acquire_lock(db_path: Path) -> tuple[dict[str, Any] | None, Path | None]:
    """Take the lock file: ``(None, lock)`` when ours, ``(holder, None)`` when another's.

    A lock left by a process that no longer runs on this machine (a crash), or by a PID
    now reused by another process, is taken over; another window of this same process
    shares the file.
    """
    lock = lock_path(db_path)
    me = _me()
    for attempt in range(4):
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, stat.S_IRUSR | stat.S_IWUSR)
        except FileExistsError:
            holder = _read_lock(lock)
            if holder is None:  # being written this instant, or garbage: look again
                if attempt < 2:
                    continue
                lock.unlink(missing_ok=True)
                continue
            if holder.get("host") == me["host"] and holder.get("pid") == me["pid"]:
                return None, None
            if _stale(holder, lock):
                lock.unlink(missing_ok=True)  # left by a crash, or its PID reused
                continue
            return holder, None
        except OSError:
            return None, None  # a read-only folder: the writes themselves will say so
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(me, handle)
        return None, lock
    return None, None


def release_lock(lock: Path) -> None:
    """Remove our lock file (only if it is still ours)."""
    holder = _read_lock(lock)
    if (
        holder is not None
        and holder.get("pid") == os.getpid()
        and holder.get("host") == socket.gethostname()
    ):
        lock.unlink(missing_ok=True)


def _make_engine(db_path: Path, journal_mode: str) -> Engine:
    """SQLAlchemy's engine on the file, for Alembic's migrations: every connection with
    :func:`plain_sql.configure`'s pragmas, a transaction beginning with ``BEGIN IMMEDIATE``."""
    from sqlalchemy import URL, create_engine, event

    # A small pool keeps connections (and SQLite's page cache) between service calls; an
    # idle SQLite connection holds no lock, and close() releases them all.
    # The file as a SQLite URI (the path never parsed as a URL: ``#`` or ``?`` in it is kept).
    url = URL.create("sqlite", database=sqlite_uri(db_path), query={"uri": "true"})
    engine = create_engine(url, pool_size=2, max_overflow=4)
    timeout = busy_timeout_ms()

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite's own is too late).
        configure(dbapi_conn, busy_timeout_ms=timeout, journal=journal_mode)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        write = conn.get_execution_options().get("kanban_write", True)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def read_schema(path: Path) -> None:
    """Open ``path`` read-only and read its schema, writing nothing (``sqlite3.Error`` if
    it cannot be read)."""
    conn = sqlite3.connect(sqlite_uri(path.absolute(), read_only=True), uri=True)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        conn.close()


def _check_file(path: Path) -> bool:
    """Refuse a path that cannot hold our database; ``True`` when it must be created."""
    folder = path.parent
    if not folder.is_dir():
        raise BadInput("db.folder_missing", folder=str(folder))
    if not path.exists():
        return True
    if path.is_dir():
        raise BadInput("db.is_folder", path=str(path))
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError as error:
        raise StoreFailure("db.unreadable", path=str(path), reason=error.strerror) from error
    if not head:
        return False  # an empty file is an empty SQLite database: safe to set up
    if head != SQLITE_MAGIC:
        raise BadInput("db.not_sqlite", path=str(path))
    return False


def _create_private(path: Path) -> None:
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, stat.S_IRUSR | stat.S_IWUSR)
    os.close(fd)


def open_database(
    path: str | os.PathLike[str],
    *,
    daily_backup: bool = True,
    hold: bool = False,
    respect_hold: bool = False,
) -> Database:
    """Open (creating, upgrading or refusing) the board database at ``path``.

    ``hold`` (a window): take the lock file beside it; when another window holds it, the
    database opens read-only and :attr:`Database.held_by` says who. ``respect_hold`` (the
    command line): take no lock, but while a window holds the file every write is refused
    naming who holds it (reads still work).
    """
    db_path = Path(path).expanduser().absolute()
    try:
        must_create = _check_file(db_path)
    except BadInput as error:
        # Not SQLite, yet it has backups: a board file whose start was overwritten.
        if error.msg.key == "db.not_sqlite" and recovery.has_backups(db_path):
            raise recovery.damaged(db_path, "file is not a database") from error
        raise
    if must_create:
        try:
            _create_private(db_path)
        except FileExistsError:
            pass  # another process created it between our check and now
        except OSError as error:
            raise StoreFailure("db.readonly", path=str(db_path), reason=error.strerror) from error
    try:
        revision = migrate.revision_of(db_path)
    except sqlite3.DatabaseError as error:
        if recovery.is_damaged(db_path, str(error)):
            raise recovery.damaged(db_path, str(error)) from error
        translated = translate_error(error, db_path)
        raise translated or StoreFailure(
            "db.unreadable", path=str(db_path), reason=str(error)
        ) from error
    mode = journal.journal_mode(journal.path_facts(db_path))
    database = Database(db_path, "", None, journal_mode=mode)
    try:
        if revision != migrate.HEAD:  # SQLAlchemy and Alembic only for this
            engine = _make_engine(db_path, mode)
            try:
                database.upgraded_backup = migrate.bring_up_to_date(engine, db_path, revision)
            finally:
                engine.dispose()
        database.node_id = _node_id(database)
        if daily_backup and not must_create:
            backup.daily(db_path)
    except BaseException as error:
        database.close()
        sqlite_error = _sqlite_error(error)
        if sqlite_error is None:
            raise
        if recovery.is_damaged(db_path, str(sqlite_error)):
            raise recovery.damaged(db_path, str(sqlite_error)) from error
        if isinstance(error, KanbanError):
            raise
        translated = translate_error(error, db_path)
        if translated is None:
            raise
        raise translated from error
    if hold:
        database.held_by, database._lock = acquire_lock(db_path)
    elif respect_hold:
        database.held_by = window_holder(db_path)
        database.held_key = "db.held_cli"
    return database


def _sqlite_error(error: BaseException) -> sqlite3.Error | None:
    """The SQLite failure behind ``error`` (itself, SQLAlchemy's wrapped one, or the cause
    of a translated message), else ``None``."""
    for candidate in (error, error.__cause__):
        for inner in (candidate, getattr(candidate, "orig", None)):
            if isinstance(inner, sqlite3.Error):
                return inner
    return None


def _node_id(database: Database) -> str:
    """This replica's id, made once; reading it takes no write lock (others may be writing)."""
    with database.connect(write=False) as conn:
        row = conn.exec_driver_sql("SELECT value FROM meta WHERE key = 'node_id'").first()
    if row is not None:
        return str(row[0])
    with database.connect(write=True) as conn:
        row = conn.exec_driver_sql("SELECT value FROM meta WHERE key = 'node_id'").first()
        if row is not None:
            return str(row[0])
        node_id = new_id()
        conn.exec_driver_sql("INSERT INTO meta (key, value) VALUES ('node_id', ?)", (node_id,))
        return node_id
