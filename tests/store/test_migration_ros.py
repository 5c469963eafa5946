"""Schema 0009 (ROS analysis) on a board made before it: it opens (foreign keys enforced,
as the app opens every file), nothing is lost, and an item nobody ever assessed — still
the old default 3 × 3 it was made with, never set again, no decision taken on it, not made
by the annual wheel — becomes unassessed."""

from __future__ import annotations

import sqlite3

from alembic import command
from sqlalchemy import create_engine

from kanban_sec.services.board import BoardService
from kanban_sec.services.governance import GovernanceService
from kanban_sec.services.organisation import OrganisationService
from kanban_sec.services.session import Session
from kanban_sec.store import migrate
from kanban_sec.store.database import open_database


def _values(path):
    with sqlite3.connect(path) as conn:
        return {
            title: (likelihood, consequence)
            for title, likelihood, consequence in conn.execute(
                "SELECT title, likelihood, consequence FROM items"
            )
        }


def test_old_defaults_become_unassessed_and_judged_values_stay(tmp_path):
    path = tmp_path / "board.sqlite"
    db = open_database(path, daily_backup=False)
    try:
        board = BoardService(Session(db, "Kari", "en"))
        chain = OrganisationService(Session(db, "Kari", "en")).add_chain("Tjeneste").row_id
        OrganisationService(Session(db, "Kari", "en")).add_link(chain or "", "Ledd")
        board.create_item("Never assessed", likelihood="3", consequence="3")
        changed = board.create_item("Assessed again", likelihood="3", consequence="3").row_id
        board.set_fields(changed or "", {"likelihood": "4"})
        board.set_fields(changed or "", {"likelihood": "3"})
        decided = board.create_item("Decided on", likelihood="3", consequence="3").row_id
        GovernanceService(Session(db, "Kari", "en")).recommend("reduce", item_id=decided)
        board.create_item("Judged otherwise", likelihood="3", consequence="5")
        board.create_item("On a link", chain="Tjeneste", link="Ledd", likelihood="2")
        before = _values(path)
    finally:
        db.close()
    # The board as a version before ROS left it (a plain connection: the downgrade rebuilds
    # parent tables, which SQLite only allows with foreign keys off).
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        command.downgrade(migrate.alembic_config(conn), "0008")
        conn.commit()
    engine.dispose()
    assert migrate.revision_of(path) == "0008"
    open_database(path, daily_backup=False).close()  # upgraded on opening
    assert migrate.revision_of(path) == migrate.HEAD
    after = _values(path)
    assert set(after) == set(before)
    assert after["Never assessed"] == (None, None)
    assert after["Assessed again"] == (3, 3)  # its likelihood was set again: judged
    assert after["Decided on"] == (3, 3)
    assert after["Judged otherwise"] == (3, 5)
    assert after["On a link"] == before["On a link"]


def test_a_board_of_an_older_version_with_comments_upgrades(tmp_path):
    """Upgrades rebuild tables other rows refer to (0008 rebuilt items, which comments
    refer to): they run with foreign keys off and checked after, as SQLite asks."""
    path = tmp_path / "old.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    now = "2026-01-01T08:00:00.000000Z"
    with engine.connect() as conn:
        command.upgrade(migrate.alembic_config(conn), "0007")
        conn.exec_driver_sql(
            "INSERT INTO items (id, title, likelihood, consequence, created_at, updated_at)"
            " VALUES ('i1', 'Gammel oppgave', 4, 2, ?, ?)",
            (now, now),
        )
        conn.exec_driver_sql(
            "INSERT INTO comments (id, item_id, author, body, created_at, updated_at)"
            " VALUES ('c1', 'i1', 'Kari', 'Første kommentar', ?, ?)",
            (now, now),
        )
        conn.commit()
    engine.dispose()
    open_database(path, daily_backup=False).close()
    assert migrate.revision_of(path) == migrate.HEAD
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT body FROM comments").fetchall() == [("Første kommentar",)]
        assert _values(path) == {"Gammel oppgave": (4, 2)}
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
