"""Opening the board's SQLite file safely: checks, pragmas, migrations, backups."""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, exc

from kanban_sec.domain.errors import BadInput, KanbanError, StoreFailure
from kanban_sec.domain.hlc import HybridLogicalClock
from kanban_sec.domain.ids import new_id
from kanban_sec.store import backup, migrate

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
    """An open board file: one engine, this replica's node id, and its clock."""

    def __init__(self, path: Path, engine: Engine, node_id: str, upgraded_backup: Path | None):
        self.path = path
        self.engine = engine
        self.node_id = node_id
        self.clock = HybridLogicalClock()
        #: The backup taken before this open upgraded an older schema, if any.
        self.upgraded_backup = upgraded_backup

    @contextmanager
    def connect(self, *, write: bool) -> Iterator[Connection]:
        """One transaction; a write one takes SQLite's write lock at its start."""
        try:
            with self.engine.connect() as conn:
                conn = conn.execution_options(kanban_write=write)
                with conn.begin():
                    yield conn
        except exc.DBAPIError as error:
            translated = translate_error(error, self.path)
            if translated is None:
                raise
            raise translated from error

    def close(self) -> None:
        self.engine.dispose()


def _install_pragmas(engine: Engine) -> None:
    timeout = busy_timeout_ms()

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite's own is too late).
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {timeout}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        # FULL: a committed change survives a power cut too, not only a killed process.
        cursor.execute("PRAGMA synchronous = FULL")
        # 64 MiB of page cache: bulk imports update several indexes at once.
        cursor.execute("PRAGMA cache_size = -65536")
        cursor.execute("PRAGMA temp_store = MEMORY")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        write = conn.get_execution_options().get("kanban_write", True)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


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


def open_database(path: str | os.PathLike[str], *, daily_backup: bool = True) -> Database:
    """Open (creating, upgrading or refusing) the board database at ``path``."""
    db_path = Path(path).expanduser().absolute()
    must_create = _check_file(db_path)
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
        translated = translate_error(error, db_path)
        raise translated or StoreFailure("db.unreadable", path=str(db_path),
                                         reason=str(error)) from error
    # A small pool keeps connections (and SQLite's page cache) between service calls; an
    # idle SQLite connection holds no lock, and close() releases them all.
    engine = create_engine(f"sqlite:///{db_path}", pool_size=2, max_overflow=4)
    _install_pragmas(engine)
    try:
        upgraded_backup = migrate.bring_up_to_date(engine, db_path, revision)
        node_id = _node_id(engine)
        if daily_backup and not must_create:
            backup.daily(db_path)
    except exc.DBAPIError as error:
        engine.dispose()
        translated = translate_error(error, db_path)
        if translated is None:
            raise
        raise translated from error
    except BaseException:
        engine.dispose()
        raise
    return Database(db_path, engine, node_id, upgraded_backup)


def _node_id(engine: Engine) -> str:
    """This replica's id, made once; reading it takes no write lock (others may be writing)."""
    with engine.connect() as conn:
        conn = conn.execution_options(kanban_write=False)
        with conn.begin():
            row = conn.exec_driver_sql("SELECT value FROM meta WHERE key = 'node_id'").first()
    if row is not None:
        return str(row[0])
    with engine.connect() as conn, conn.begin():
        row = conn.exec_driver_sql("SELECT value FROM meta WHERE key = 'node_id'").first()
        if row is not None:
            return str(row[0])
        node_id = new_id()
        conn.exec_driver_sql("INSERT INTO meta (key, value) VALUES ('node_id', ?)", (node_id,))
        return node_id
