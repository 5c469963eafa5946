"""Opening the board file: safe set-up, refusing what is not ours, schema versions, backups."""

from __future__ import annotations

import shutil
import sqlite3
import stat
import sys

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine

from kanban_sec.domain.errors import BadInput, StoreFailure
from kanban_sec.services.session import Session
from kanban_sec.store import backup, migrate
from kanban_sec.store.database import open_database
from kanban_sec.store.schema import metadata

#: Windows has no POSIX file modes (the user's profile folder's ACL keeps the file theirs).
POSIX_MODES = sys.platform != "win32"


def _sql(path, query, *params):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(query, params).fetchall()
    finally:
        conn.close()


def test_new_database_is_private_in_wal_mode_with_the_five_columns(tmp_path):
    path = tmp_path / "board.sqlite"
    db = open_database(path)
    db.close()
    if POSIX_MODES:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert _sql(path, "PRAGMA journal_mode") == [("wal",)]
    assert [r[0] for r in _sql(path, "SELECT key FROM board_columns ORDER BY position")] == [
        "backlog",
        "next",
        "doing",
        "verify",
        "done",
    ]


def test_connections_enforce_foreign_keys_and_wait_for_writers(db):
    with db.connect(write=False) as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000


def test_migrated_schema_matches_the_tables_the_code_uses(tmp_path):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    open_database(tmp_path / "board.sqlite").close()
    engine = create_engine(f"sqlite:///{tmp_path / 'board.sqlite'}")
    try:
        with engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), metadata)
    finally:
        engine.dispose()

    def fk(entry):
        constraint = entry[1]
        return (
            constraint.table.name,
            tuple(c.name for c in constraint.columns),
            constraint.referred_table.name,
        )

    # A reference added by ALTER TABLE ... ADD COLUMN reflects without its DEFERRABLE
    # clause, so it shows as removed and added again: the same reference, kept.
    removed = {fk(e) for e in diff if e[0] == "remove_fk"}
    added = {fk(e) for e in diff if e[0] == "add_fk"}
    rest = [e for e in diff if e[0] not in ("remove_fk", "add_fk")]
    assert rest == [] and removed == added == {
        ("items", ("activity_id",), "activities"),
        ("items", ("risk_id",), "ros_risks"),
    }


def test_known_revisions_are_exactly_the_migration_scripts():
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrate.MIGRATIONS))
    script = ScriptDirectory.from_config(config)
    chain = [rev.revision for rev in script.walk_revisions()]
    assert tuple(reversed(chain)) == migrate.REVISIONS
    assert script.get_current_head() == migrate.HEAD


def test_missing_folder_is_refused_and_not_created(tmp_path):
    with pytest.raises(BadInput) as caught:
        open_database(tmp_path / "nope" / "board.sqlite")
    assert "does not exist" in caught.value.message("en")
    assert not (tmp_path / "nope").exists()


def test_a_file_that_is_not_sqlite_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"Handleliste: melk, egg\n")
    with pytest.raises(BadInput) as caught:
        open_database(path)
    assert "not SQLite" in caught.value.message("en")
    assert path.read_bytes() == b"Handleliste: melk, egg\n"


def test_another_programs_sqlite_database_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "other.sqlite"
    _sql(path, "CREATE TABLE foo (x)")
    before = path.read_bytes()
    with pytest.raises(BadInput):
        open_database(path)
    assert path.read_bytes() == before


def test_a_database_from_a_newer_version_is_refused_clearly(tmp_path):
    path = tmp_path / "board.sqlite"
    open_database(path).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    with pytest.raises(BadInput) as caught:
        open_database(path)
    message = caught.value.message("nb")
    assert "nyere kanban-sec" in message and "9999" in message


def test_an_older_database_is_backed_up_then_upgraded(tmp_path, monkeypatch):
    """A second revision (added for the test) upgrades a file made at the first one."""
    path = tmp_path / "board.sqlite"
    db = open_database(path, daily_backup=False)
    from kanban_sec.services.board import BoardService

    BoardService(Session(db, "tester")).create_item("Behold meg", likelihood="4")
    db.close()

    migrations = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS, migrations)
    (migrations / "versions" / "9001_test.py").write_text(
        f'revision = "9001"\ndown_revision = "{migrate.HEAD}"\nbranch_labels = None\n'
        "depends_on = None\n"
        "import sqlalchemy as sa\nfrom alembic import op\n\n"
        "def upgrade():\n    op.add_column('items', sa.Column('extra', sa.Text))\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(migrate, "MIGRATIONS", migrations)
    old_head = migrate.HEAD
    monkeypatch.setattr(migrate, "REVISIONS", (*migrate.REVISIONS, "9001"))
    monkeypatch.setattr(migrate, "HEAD", "9001")

    db = open_database(path, daily_backup=False)
    db.close()
    assert db.upgraded_backup is not None
    assert f"before-upgrade-{old_head}" in db.upgraded_backup.name
    assert _sql(db.upgraded_backup, "SELECT version_num FROM alembic_version") == [(old_head,)]
    assert _sql(db.upgraded_backup, "SELECT title FROM items") == [("Behold meg",)]
    assert _sql(path, "SELECT version_num FROM alembic_version") == [("9001",)]
    assert _sql(path, "SELECT title, extra FROM items") == [("Behold meg", None)]


def test_daily_backup_is_a_consistent_copy_and_old_ones_are_pruned(tmp_path, monkeypatch):
    path = tmp_path / "board.sqlite"
    db = open_database(path)
    from kanban_sec.services.board import BoardService

    BoardService(Session(db, "tester")).create_item("Sikkerhetskopier meg")
    monkeypatch.setattr(backup, "KEEP", 3)
    taken = [backup.take(path) for _ in range(5)]
    db.close()
    kept = sorted(backup.folder_for(path).glob("*-daily.sqlite"))
    assert len(kept) == 3 and taken[-1] in kept
    assert _sql(taken[-1], "SELECT title FROM items") == [("Sikkerhetskopier meg",)]
    assert _sql(taken[-1], "PRAGMA integrity_check") == [("ok",)]
    if POSIX_MODES:
        assert stat.S_IMODE(taken[-1].stat().st_mode) == 0o600


def test_a_board_in_a_folder_named_with_hash_and_percent_is_backed_up(tmp_path):
    folder = tmp_path / "Sikkerhet #2 (50% ferdig) åø"
    folder.mkdir()
    path = folder / "board.sqlite"
    db = open_database(path)
    from kanban_sec.services.board import BoardService

    BoardService(Session(db, "tester")).create_item("Kopier meg")
    db.close()
    taken = backup.take(path)
    assert taken.parent == folder / "board-backups"
    assert _sql(taken, "SELECT title FROM items") == [("Kopier meg",)]
    assert backup.newest(path) == taken


def test_a_locked_database_waits_then_says_so(tmp_path, monkeypatch):
    path = tmp_path / "board.sqlite"
    open_database(path).close()
    monkeypatch.setenv("KANBAN_SEC_BUSY_TIMEOUT_MS", "200")
    db = open_database(path)
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        from kanban_sec.services.board import BoardService

        with pytest.raises(StoreFailure) as caught:
            BoardService(Session(db, "tester")).create_item("Vent")
        assert "locked by another program" in caught.value.message("en")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        db.close()
    assert _sql(path, "SELECT count(*) FROM items") == [(0,)]


def test_empty_file_is_set_up_as_a_new_board(tmp_path):
    path = tmp_path / "empty.sqlite"
    path.touch()
    open_database(path).close()
    assert _sql(path, "SELECT count(*) FROM board_columns") == [(5,)]


def test_engine_url_never_loses_a_file_with_odd_characters(tmp_path):
    folder = tmp_path / "Mappe med æøå og #"
    folder.mkdir()
    db = open_database(folder / "tavle?.sqlite")
    db.close()
    assert (folder / "tavle?.sqlite").exists()
    create_engine("sqlite://").dispose()


def test_reading_works_while_another_program_writes(tmp_path, monkeypatch):
    path = tmp_path / "board.sqlite"
    db = open_database(path)
    from kanban_sec.services.board import BoardService

    BoardService(Session(db, "tester")).create_item("Les meg")
    db.close()
    monkeypatch.setenv("KANBAN_SEC_BUSY_TIMEOUT_MS", "200")
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        holder.execute("UPDATE items SET title = 'Under arbeid'")
        db = open_database(path)
        try:
            titles = [e.item.title for e in BoardService(Session(db, "tester")).view().entries]
        finally:
            db.close()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert titles == ["Les meg"]  # the committed state, not the writer's unfinished change


def test_two_programs_starting_at_once_do_not_fail_on_the_daily_backup(tmp_path, monkeypatch):
    db_path = tmp_path / "board.sqlite"
    open_database(db_path, daily_backup=False).close()

    def raced(*_args, **_kwargs):
        raise FileExistsError("the other program made this backup file first")

    monkeypatch.setattr(backup, "take", raced)
    assert backup.daily(db_path) is None


def test_the_stores_table_names_and_columns_are_the_schemas(tmp_path):
    from kanban_sec.store.entities import TABLE_OF, columns_of
    from kanban_sec.store.schema import TABLES

    assert {entity: table.name for entity, table in TABLES.items()} == TABLE_OF
    open_database(tmp_path / "board.sqlite").close()
    raw = sqlite3.connect(tmp_path / "board.sqlite")
    try:
        for table in TABLES.values():
            names, required = columns_of(raw, table.name)
            assert names == {c.name for c in table.columns}, table.name
            assert required == {
                c.name
                for c in table.columns
                if not c.nullable and c.server_default is None and c.name != "id"
            }, table.name
    finally:
        raw.close()
