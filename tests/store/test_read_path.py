"""Transactions run on plain ``sqlite3``: SQLAlchemy only migrates a file's schema."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest

from kanban_sec.services.board import BoardService
from kanban_sec.services.session import Session
from kanban_sec.store.database import open_database


def test_a_read_is_one_snapshot_and_the_next_read_sees_the_new_commit(tmp_path):
    path = tmp_path / "board.sqlite"
    db = open_database(path)
    service = BoardService(Session(db, "tester", "en"))
    service.create_item("Første")
    other = sqlite3.connect(path, isolation_level=None)
    try:
        with db.connect(write=False) as conn:
            before = conn.exec_driver_sql("SELECT count(*) FROM items").scalar_one()
            other.execute(
                "UPDATE items SET title = 'Endret utenfra' WHERE title = 'Første'"
            )  # committed by another program while this read is open
            still = conn.exec_driver_sql("SELECT title FROM items").scalar_one()
        after = [e.item.title for e in service.view().entries]  # a pooled connection, again
    finally:
        other.close()
        db.close()
    assert (before, still) == (1, "Første")
    assert after == ["Endret utenfra"]


def test_a_write_commits_whole_with_its_change_record(tmp_path):
    db = open_database(tmp_path / "board.sqlite")
    try:
        service = BoardService(Session(db, "tester", "en"))
        assert service.view().entries == []
        created = service.create_item("Ny oppgave")
        with db.connect(write=False) as conn:
            logged = conn.exec_driver_sql(
                "SELECT count(*) FROM changes WHERE row_id = ?", (created.row_id,)
            ).scalar_one()
        assert logged == 1  # the write went through the unit of work and its change log
    finally:
        db.close()


def test_a_write_that_fails_half_way_leaves_nothing(tmp_path):
    db = open_database(tmp_path / "board.sqlite")
    try:
        with pytest.raises(sqlite3.IntegrityError), db.connect(write=True) as conn:
            conn.exec_driver_sql(
                "INSERT INTO meta (key, value) VALUES (?, ?)", [("a", "1"), ("b", "2")]
            )
            conn.exec_driver_sql("INSERT INTO meta (key, value) VALUES ('a', 'again')")
        with db.connect(write=False) as conn:
            kept = conn.exec_driver_sql("SELECT count(*) FROM meta WHERE key IN ('a', 'b')")
            assert kept.scalar_one() == 0
    finally:
        db.close()


def test_commands_never_import_sqlalchemy_once_the_file_is_current(tmp_path):
    path = tmp_path / "board.sqlite"
    db = open_database(path)
    BoardService(Session(db, "tester", "en")).create_item("Les meg")
    db.close()
    probe = (
        "import sys\n"
        "from kanban_sec.cli import main\n"
        f"code = main(['--db', {str(path)!r}, 'add', 'Skriv meg'])\n"
        f"code += main(['--db', {str(path)!r}, 'list'])\n"
        "print('sqlalchemy' in sys.modules, code)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=False,
        env={"KANBAN_SEC_USER": "tester", "KANBAN_SEC_LANG": "en", "HOME": str(tmp_path)},
    )
    assert done.returncode == 0, done.stderr
    assert "Les meg" in done.stdout and "Skriv meg" in done.stdout
    assert done.stdout.strip().splitlines()[-1] == "False 0"


def test_a_cancelled_transaction_leaves_the_next_one_free_to_run(tmp_path):
    db = open_database(tmp_path / "board.sqlite")
    cancelled = [True]
    db.hooks.progress = (lambda: 1 if cancelled[0] else 0, 100)
    try:
        with (
            pytest.raises(sqlite3.OperationalError, match="interrupted"),
            db.connect(write=True) as conn,
        ):
            conn.exec_driver_sql(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
                " WHERE i < 100000) INSERT INTO meta (key, value) SELECT 'n:' || i, i FROM n"
            )
        cancelled[0] = False
        db.hooks.progress = None
        with db.connect(write=True) as conn:  # the same pooled connection, not interrupted
            conn.exec_driver_sql(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
                " WHERE i < 1000) INSERT INTO meta (key, value) SELECT 'n:' || i, i FROM n"
            )
        with db.connect(write=False) as conn:
            kept = conn.exec_driver_sql("SELECT count(*) FROM meta WHERE key LIKE 'n:%'")
            assert kept.scalar_one() == 1000  # none of the cancelled rows, all of the next
    finally:
        db.close()
