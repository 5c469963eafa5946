"""Schema versions: new files are set up, older ones backed up and upgraded, newer refused."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from kanban_sec.domain.errors import BadInput
from kanban_sec.store import backup
from kanban_sec.store.sqlite_uri import sqlite_uri

#: Every schema revision this version knows, oldest first; the last one is current.
#: (A test checks this against the migration scripts, so opening a file stays cheap.)
REVISIONS: tuple[str, ...] = (
    "0001",
    "0002",
    "0003",
    "0004",
    "0005",
    "0006",
    "0007",
    "0008",
    "0009",
)
HEAD = REVISIONS[-1]
MIGRATIONS = Path(__file__).with_name("migrations")


if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Connection, Engine


def alembic_config(conn: Connection) -> Config:
    # Alembic is imported only when a file needs migrating: opening is the common case.
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = conn
    return config


def revision_of(path: Path) -> str | None:
    """The file's schema revision, read without changing a byte of it.

    ``None`` for a blank file; a newer or foreign database is refused here, before any
    pragma (such as WAL mode) could alter it.
    """
    conn = sqlite3.connect(sqlite_uri(path.absolute(), read_only=True), uri=True)
    try:
        tables = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        if "alembic_version" not in tables:
            if tables - {"sqlite_sequence"}:
                raise BadInput("db.not_ours", path=str(path))
            return None
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    finally:
        conn.close()
    revision = None if row is None else str(row[0])
    if revision is not None and revision not in REVISIONS:
        raise BadInput("db.too_new", path=str(path), revision=revision)
    return revision


def bring_up_to_date(engine: Engine, path: Path, revision: str | None) -> Path | None:
    """Migrate the file to :data:`HEAD`; returns the backup taken before an upgrade."""
    if revision == HEAD:
        return None
    taken = None
    if revision is not None:
        taken = backup.take(path, reason=f"before-upgrade-{revision}")
    from alembic import command

    with engine.connect() as conn:
        # SQLite's way to change a table's shape: foreign keys off while tables are rebuilt
        # (dropping a parent table would otherwise count every child row as a violation),
        # then checked whole before they are on again.
        # (On the driver's connection: outside a transaction, where the pragma takes effect.)
        raw = conn.connection.driver_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys = OFF")
        try:
            command.upgrade(alembic_config(conn), "head")
            conn.commit()
            broken = raw.execute("PRAGMA foreign_key_check").fetchall()
        finally:
            raw.execute("PRAGMA foreign_keys = ON")
        if broken:
            table, row, parent, _ = broken[0]
            raise RuntimeError(
                f"the upgrade left {len(broken)} broken reference(s), e.g. {table} row {row}"
                f" to a missing {parent}"
            )
        if revision is None:
            _seed(conn)
            conn.commit()
    return taken


def _seed(conn: Connection) -> None:
    """The five columns every board has, with the same ids on every replica."""
    from kanban_sec.domain.ids import fixed_id
    from kanban_sec.domain.model import Status
    from kanban_sec.domain.text import t

    limits = {"next": 10, "doing": 5, "verify": 5}
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    for position, status in enumerate(Status):
        conn.exec_driver_sql(
            "INSERT INTO board_columns (id, key, name_nb, name_en, position, wip_limit,"
            " wip_hard, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)",
            (
                fixed_id(f"column:{status.value}"),
                status.value,
                t(f"status.{status.value}", "nb"),
                t(f"status.{status.value}", "en"),
                position,
                limits.get(status.value),
                now,
                now,
            ),
        )
