"""A writer killed mid-write (SIGKILL; on Windows TerminateProcess, as abrupt) leaves an
intact file with every committed change."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from kanban_sec.store.database import open_database

WRITER = r"""
import sys
from kanban_sec.services.board import BoardService
from kanban_sec.store.database import open_database
from kanban_sec.services.session import Session

db = open_database(sys.argv[1], daily_backup=False)
service = BoardService(Session(db, "writer"))
n = 0
while True:
    n += 1
    outcome = service.create_item(f"Sak {n}", likelihood=str(n % 5 + 1),
                                  description="x" * 20000)
    # Printed only after the commit returned: the test may rely on every printed id.
    print(outcome.row_id, flush=True)
"""


def test_sigkill_during_writes_loses_no_committed_change(tmp_path):
    path = tmp_path / "board.sqlite"
    open_database(path).close()
    committed: list[str] = []
    for round_ in range(3):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path)],
            stdout=subprocess.PIPE,
            text=True,
            cwd=Path(__file__).resolve().parents[2],
        )
        assert proc.stdout is not None
        deadline = time.monotonic() + 30
        seen = 0
        while seen < 20 + 7 * round_ and time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            committed.append(line.strip())
            seen += 1
        proc.kill()  # SIGKILL, or TerminateProcess on Windows: no clean-up runs
        rest, _ = proc.communicate()
        committed += [line for line in rest.split() if line]
        assert seen > 0, "the writer never committed"

    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        items = {r[0] for r in conn.execute("SELECT id FROM items")}
        logged = {r[0] for r in conn.execute("SELECT row_id FROM changes WHERE entity = 'item'")}
    finally:
        conn.close()
    assert set(committed) <= items
    # Each item has its change record, and no change record lacks its item.
    assert items == logged
