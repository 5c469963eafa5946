"""Backups never stop a board from opening, and their folder can be chosen."""

from __future__ import annotations

import errno
import os
import time
from pathlib import Path

import pytest

from kanban_sec import cli, runtime
from kanban_sec.services.board import BoardService
from kanban_sec.services.session import Session
from kanban_sec.store import backup
from kanban_sec.store.database import open_database

HELD = "The process cannot access the file because it is being used by another process"


@pytest.fixture
def logs(tmp_path, monkeypatch):
    """The log file, in the test's own folder (platformdirs follows XDG_STATE_HOME)."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.delenv(backup.FOLDER_VARIABLE, raising=False)
    runtime.route_warnings_to_log()  # as the command line and the window do
    return runtime.log_path()


def _board(path):
    db = open_database(path, daily_backup=False)
    try:
        BoardService(Session(db, "tester", "en")).create_item("Behold meg")
    finally:
        db.close()
    return path


def _age_all(db_path, days=2):
    for offset, path in enumerate(sorted(backup.listed(db_path))):
        stamp = time.time() - days * backup.DAY - 60 + offset
        os.utime(path, (stamp, stamp))


def test_an_old_backup_held_open_is_kept_and_the_board_still_opens(tmp_path, logs, monkeypatch):
    path = _board(tmp_path / "board.sqlite")
    monkeypatch.setattr(backup, "KEEP", 2)
    oldest = backup.take(path)
    backup.take(path)
    _age_all(path)
    real_unlink = Path.unlink

    def held_open(self, missing_ok=False):
        if self == oldest:  # as Windows says it while an antivirus scan holds the file
            raise PermissionError(errno.EACCES, HELD, str(self))
        real_unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", held_open)
    db = open_database(path)  # takes today's backup and prunes the oldest: refused
    try:
        titles = [e.item.title for e in BoardService(Session(db, "tester", "en")).view().entries]
    finally:
        db.close()
    assert titles == ["Behold meg"]
    assert oldest.exists() and len(backup.listed(path)) == 3
    lines = [line for line in logs.read_text(encoding="utf-8").splitlines() if "backup" in line]
    assert len(lines) == 1 and str(oldest) in lines[0] and HELD in lines[0]
    assert "kept" in lines[0]
    # Taking a backup itself does not fail on it either: the new one is there.
    assert backup.take(path).exists() and oldest.exists()

    # Once it is let go, the next prune removes it.
    monkeypatch.setattr(Path, "unlink", real_unlink)
    backup.take(path)
    assert not oldest.exists() and len(backup.listed(path)) == 2


def test_an_old_backup_that_cannot_be_deleted_for_real_does_not_stop_the_cli(
    tmp_path, logs, monkeypatch
):
    """No patching: the oldest "backup" is a folder, which unlink refuses (IsADirectoryError)."""
    path = _board(tmp_path / "board.sqlite")
    monkeypatch.setattr(backup, "KEEP", 1)
    folder = backup.folder_for(path)
    folder.mkdir()
    stuck = folder / "board-20000101T000000000000Z-daily.sqlite"
    stuck.mkdir()
    stamp = time.time() - 3 * backup.DAY
    os.utime(stuck, (stamp, stamp))
    assert cli.main(["--db", str(path), "--lang", "en", "list"]) == 0
    assert stuck.is_dir()
    assert len(list(folder.glob("board-*-daily.sqlite"))) == 2  # today's, and the stuck one
    assert str(stuck) in logs.read_text(encoding="utf-8")


def test_a_backup_folder_that_cannot_be_written_does_not_stop_the_board(
    tmp_path, logs, monkeypatch
):
    path = _board(tmp_path / "board.sqlite")
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the chosen backup folder should be")
    # A folder inside a file: NotADirectoryError, for real (as an offline network drive fails).
    monkeypatch.setenv(backup.FOLDER_VARIABLE, str(blocked / "backups"))
    assert cli.main(["--db", str(path), "--lang", "en", "list"]) == 0
    assert "no daily backup" in logs.read_text(encoding="utf-8")


def test_backups_land_in_the_chosen_folder(tmp_path, logs, monkeypatch):
    path = _board(tmp_path / "board.sqlite")
    chosen = tmp_path / "Roaming" / "kanban backups"  # made when missing
    monkeypatch.setenv(backup.FOLDER_VARIABLE, str(chosen))
    assert cli.main(["--db", str(path), "--lang", "en", "list"]) == 0
    taken = backup.listed(path)
    assert len(taken) == 1 and taken[0].parent == chosen / "board-backups"
    assert not (tmp_path / "board-backups").exists()
    # The recovery path looks there too.
    from kanban_sec.store.recovery import has_backups, newest_good_backup

    assert has_backups(path) and newest_good_backup(path) == taken[0]


def test_by_default_backups_stay_beside_the_board(tmp_path, logs):
    path = _board(tmp_path / "board.sqlite")
    assert cli.main(["--db", str(path), "--lang", "en", "list"]) == 0
    assert [p.parent for p in backup.listed(path)] == [tmp_path / "board-backups"]


def test_backup_dir_option_chooses_the_folder(tmp_path, logs, monkeypatch):
    path = _board(tmp_path / "board.sqlite")
    chosen = tmp_path / "H" / "kanban"
    monkeypatch.setattr(os, "environ", dict(os.environ))  # the option sets the variable
    assert cli.main(["--db", str(path), "--backup-dir", str(chosen), "list"]) == 0
    assert [p.parent for p in backup.listed(path)] == [chosen / "board-backups"]


def test_an_empty_backup_dir_is_refused_in_one_line(tmp_path, logs, capsys):
    path = _board(tmp_path / "board.sqlite")
    assert cli.main(["--db", str(path), "--lang", "nb", "--backup-dir", " ", "list"]) == 2
    assert capsys.readouterr().err == "kanban-sec: --backup-dir er tom; oppgi en mappe\n"
    assert not (tmp_path / "board-backups").exists()
