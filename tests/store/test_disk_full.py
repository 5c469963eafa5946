"""A disk that fills up during a save: one clear message, and nothing half-written."""

from __future__ import annotations

import pytest

from kanban_sec.domain.errors import StoreFailure
from kanban_sec.services.board import BoardService
from kanban_sec.services.session import Session
from kanban_sec.store import plain_sql
from kanban_sec.store.unit_of_work import reading


def _counts(db) -> tuple[int, int]:
    with reading(db) as reader:
        items = reader.conn.exec_driver_sql("SELECT count(*) FROM items").scalar_one()
        changes = reader.conn.exec_driver_sql("SELECT count(*) FROM changes").scalar_one()
    return int(items), int(changes)


def _fill_the_disk(db, monkeypatch) -> None:
    """From now on the file may not grow: SQLite reports a full disk (SQLITE_FULL)."""
    configure = plain_sql.configure

    def capped(raw, **kwargs):
        configure(raw, **kwargs)
        pages = raw.execute("PRAGMA page_count").fetchone()[0]
        raw.execute(f"PRAGMA max_page_count = {pages}")

    db._pool.close()  # the connections open so far: made anew, capped
    monkeypatch.setattr(plain_sql, "configure", capped)


def test_a_full_disk_during_a_save_is_one_message_and_writes_nothing(db, monkeypatch):
    service = BoardService(Session(db, "Kari"))
    service.create_item("Før disken ble full")
    before = _counts(db)
    _fill_the_disk(db, monkeypatch)
    with pytest.raises(StoreFailure) as caught:
        service.create_item("Stor sak", description="x" * 60_000)
    text = caught.value.message("en")
    assert "cannot write to" in text and "full" in text and "nothing was changed" in text
    assert "ingenting er endret" in caught.value.message("nb")
    assert _counts(db) == before  # neither the item nor its change record landed
    monkeypatch.undo()  # room on the disk again: the board works on
    db._pool.close()
    service.create_item("Etter opprydding")
    assert _counts(db)[0] == before[0] + 1
