"""Hardening: a damaged board file offers its newest good backup; crash reports hold no secret."""

from __future__ import annotations

import os
import sqlite3
import time

import pytest

from kanban_sec import cli, runtime
from kanban_sec.services.board import BoardService
from kanban_sec.services.demo import load_demo
from kanban_sec.services.session import Session
from kanban_sec.store import backup
from kanban_sec.store.database import open_database
from kanban_sec.store.recovery import (
    DamagedDatabase,
    newest_good_backup,
    restore_copy,
    write_crash_report,
)


def _board(path):
    db = open_database(path, daily_backup=False)
    try:
        load_demo(BoardService(Session(db, "tester", "en")))
    finally:
        db.close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path


def _titles(path):
    db = open_database(path, daily_backup=False)
    try:
        view = BoardService(Session(db, "tester", "en")).view()
        return sorted(e.item.title for e in view.entries)
    finally:
        db.close()


def _aged(path, seconds_ago):
    stamp = time.time() - seconds_ago
    os.utime(path, (stamp, stamp))
    return path


@pytest.fixture
def damaged_board(tmp_path):
    """A board with a good backup, then cut in half (as a full disk or a bad copy leaves it)."""
    path = _board(tmp_path / "board.sqlite")
    good = _aged(backup.take(path), 3600)
    titles = _titles(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path, good, titles


def test_a_truncated_file_names_its_newest_good_backup_and_stays_untouched(damaged_board):
    path, good, titles = damaged_board
    before = path.read_bytes()
    with pytest.raises(DamagedDatabase) as caught:
        open_database(path)
    error = caught.value
    assert error.good_backup == good
    text = error.message("en")
    assert str(path) in text and str(good) in text and "damaged" in text
    assert "untouched" in text
    assert "skadet" in error.message("nb")
    assert path.read_bytes() == before

    restored = restore_copy(path, good)
    assert restored.parent == path.parent and restored.name.startswith("board-restored-")
    assert _titles(restored) == titles
    assert path.read_bytes() == before
    # A second copy never overwrites the first.
    assert restore_copy(path, good) != restored


def test_a_garbled_start_of_a_board_with_backups_counts_as_damaged(tmp_path):
    path = _board(tmp_path / "board.sqlite")
    backup.take(path)
    data = bytearray(path.read_bytes())
    data[:100] = b"\x00garbage" * 12 + b"\x00" * 4
    path.write_bytes(bytes(data))
    with pytest.raises(DamagedDatabase) as caught:
        open_database(path)
    assert caught.value.good_backup is not None
    assert path.read_bytes() == bytes(data)


def test_a_damaged_newest_backup_is_passed_over(damaged_board):
    path, good, _ = damaged_board
    folder = backup.folder_for(path)
    bad = folder / "board-29990101T000000000000Z-daily.sqlite"
    bad.write_bytes(good.read_bytes()[:5000])
    assert newest_good_backup(path) == good


def test_without_a_good_backup_the_message_says_so(tmp_path):
    path = _board(tmp_path / "board.sqlite")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    with pytest.raises(DamagedDatabase) as caught:
        open_database(path)
    assert caught.value.good_backup is None
    assert "no good backup" in caught.value.message("en")


def test_the_cli_gives_the_advice_in_one_line_and_exits_1(damaged_board, capsys):
    path, good, _ = damaged_board
    before = path.read_bytes()
    assert cli.main(["--db", str(path), "--lang", "en", "list"]) == 1
    err = capsys.readouterr().err.strip()
    assert "\n" not in err
    assert str(path) in err and str(good) in err
    assert path.read_bytes() == before


def test_a_damaged_page_never_becomes_the_daily_backup(tmp_path, monkeypatch):
    path = _board(tmp_path / "board.sqlite")
    monkeypatch.setattr(
        backup,
        "take",
        lambda _p: (_ for _ in ()).throw(sqlite3.DatabaseError("database disk image is malformed")),
    )
    assert backup.daily(path) is None


# -- crash reports ---------------------------------------------------------------------

SECRET = "hunter2-Very-Secret"
ENV = {"KANBAN_SEC_SYNC_PASSWORD": "sync-Pass-123", "KANBAN_SEC_SERVER_PASSWORD": "srv-Pass-456"}


def _crash():
    try:
        raise RuntimeError(
            f"cannot reach postgresql://alice:{SECRET}@db.example/board "
            f"(host=db password={SECRET}) with sync-Pass-123 and srv-Pass-456"
        )
    except RuntimeError as error:
        return error


def test_a_crash_report_holds_the_traceback_and_versions_but_no_secret(tmp_path):
    report = write_crash_report(tmp_path / "logs", _crash(), lambda text: runtime.scrub(text, ENV))
    assert report is not None
    text = report.read_text(encoding="utf-8")
    assert "Traceback" in text and "RuntimeError" in text and "Python" in text
    assert "kanban-sec" in text and "Platform" in text
    for secret in (SECRET, *ENV.values()):
        assert secret not in text
    assert "postgresql://alice:***@db.example" in text


def test_scrub_reads_the_secrets_from_the_environment(monkeypatch):
    for name, value in ENV.items():
        monkeypatch.setenv(name, value)
    assert "sync-Pass-123" not in runtime.scrub("password is sync-Pass-123")


def test_the_cli_crash_path_writes_a_report_without_secrets(tmp_path, monkeypatch, capsys):
    for name, value in ENV.items():
        monkeypatch.setenv(name, value)
    log = tmp_path / "log" / "kanban-sec.log"
    monkeypatch.setattr(runtime, "log_path", lambda: log)

    def boom(*_args, **_kwargs):
        raise _crash()

    monkeypatch.setattr(cli, "_run", boom)
    assert cli.main(["list"]) == 1
    reports = list(log.parent.glob("crash-*.txt"))
    assert len(reports) == 1
    assert str(reports[0]) in capsys.readouterr().err
    for text in (reports[0].read_text(encoding="utf-8"), log.read_text(encoding="utf-8")):
        assert "RuntimeError" in text
        for secret in (SECRET, *ENV.values()):
            assert secret not in text


# -- two windows on one file -----------------------------------------------------------


def _foreign_lock(path, pid, host=None):
    import json
    import socket

    from kanban_sec.store.database import lock_path

    lock = lock_path(path)
    lock.write_text(
        json.dumps(
            {
                "user": "kari",
                "host": host or socket.gethostname(),
                "pid": pid,
                "since": "2026-01-02 08:15",
            }
        ),
        encoding="utf-8",
    )
    return lock


def test_a_window_holds_the_file_with_who_and_since_and_lets_go_on_close(tmp_path):
    import json

    from kanban_sec.store.database import lock_path

    path = _board(tmp_path / "board.sqlite")
    db = open_database(path, hold=True)
    holder = json.loads(lock_path(path).read_text(encoding="utf-8"))
    assert holder["pid"] == os.getpid() and holder["user"] and holder["host"]
    assert holder["since"]
    assert db.held_by is None
    BoardService(Session(db, "tester", "en")).create_item("Written while holding it")
    db.close()
    assert not lock_path(path).exists()


def test_a_second_window_only_reads_and_says_who_holds_the_file(tmp_path):
    import subprocess
    import sys

    from kanban_sec.domain.errors import StoreFailure

    path = _board(tmp_path / "board.sqlite")
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        lock = _foreign_lock(path, other.pid)
        before = lock.read_bytes()
        db = open_database(path, hold=True)
        try:
            assert db.held_by is not None and db.held_by["user"] == "kari"
            service = BoardService(Session(db, "tester", "en"))
            assert service.view().entries  # reading works
            with pytest.raises(StoreFailure) as caught:
                service.create_item("Not written")
            text = caught.value.message("en")
            assert "kari" in text and str(other.pid) in text and "2026-01-02 08:15" in text
            assert "open in another window" in text
            assert "Not written" not in _titles(path)
        finally:
            db.close()
        assert lock.read_bytes() == before  # the other window's lock stays
    finally:
        other.kill()
        other.wait()


def test_a_lock_left_by_a_crash_is_taken_over(tmp_path):
    import subprocess
    import sys

    path = _board(tmp_path / "board.sqlite")
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    _foreign_lock(path, int(gone.stdout))
    db = open_database(path, hold=True)
    try:
        assert db.held_by is None
    finally:
        db.close()


def test_a_lock_from_another_machine_is_respected(tmp_path):
    path = _board(tmp_path / "board.sqlite")
    _foreign_lock(path, 1, host="another-machine.example")
    db = open_database(path, hold=True)
    try:
        assert db.held_by is not None and db.held_by["host"] == "another-machine.example"
    finally:
        db.close()


def test_the_cli_and_a_plain_open_take_no_lock(tmp_path):
    from kanban_sec.store.database import lock_path

    path = _board(tmp_path / "board.sqlite")
    _foreign_lock(path, 1, host="another-machine.example")
    db = open_database(path)
    try:
        assert db.held_by is None
        BoardService(Session(db, "tester", "en")).create_item("Written by the CLI")
    finally:
        db.close()
    assert lock_path(path).exists()
