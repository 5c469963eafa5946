from __future__ import annotations

import pytest

from kanban_sec.services.board import BoardService
from kanban_sec.store.database import open_database


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "board.sqlite")
    yield database
    database.close()


@pytest.fixture
def service(db):
    return BoardService(db, "tester", "en")
