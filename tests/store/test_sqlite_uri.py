"""One helper builds every SQLite URI: POSIX, Windows drive and UNC paths, odd characters."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import PurePosixPath, PureWindowsPath

import pytest

from kanban_sec import cli
from kanban_sec.services.board import BoardService
from kanban_sec.services.session import Session
from kanban_sec.store import backup
from kanban_sec.store.database import open_database
from kanban_sec.store.recovery import newest_good_backup, restore_copy
from kanban_sec.store.sqlite_uri import sqlite_uri


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        (PurePosixPath("/home/kari/board.sqlite"), "file:///home/kari/board.sqlite"),
        (
            PurePosixPath("/srv/Sikkerhet #2/50% ferdig?/tavle æ.sqlite"),
            "file:///srv/Sikkerhet%20%232/50%25%20ferdig%3F/tavle%20%C3%A6.sqlite",
        ),
        (PureWindowsPath(r"C:\Users\kari\board.sqlite"), "file:///C:/Users/kari/board.sqlite"),
        (
            PureWindowsPath(r"D:\Delt mappe\#1 50%?\board.sqlite"),
            "file:///D:/Delt%20mappe/%231%2050%25%3F/board.sqlite",
        ),
        # UNC: the server goes into the path; SQLite refuses an authority ("file://server/").
        (
            PureWindowsPath(r"\\server\share\Sikkerhet #2\board.sqlite"),
            "file:////server/share/Sikkerhet%20%232/board.sqlite",
        ),
        (PureWindowsPath(r"\\?\C:\long\board.sqlite"), "file:///C:/long/board.sqlite"),
        (
            PureWindowsPath(r"\\?\UNC\server\share\board.sqlite"),
            "file:////server/share/board.sqlite",
        ),
    ],
)
def test_the_uri_sqlite_accepts_for_each_kind_of_path(path, uri):
    assert sqlite_uri(path) == uri
    assert sqlite_uri(path, read_only=True) == uri + "?mode=ro"


def test_a_relative_path_is_refused():
    with pytest.raises(ValueError):
        sqlite_uri(PureWindowsPath(r"board.sqlite"))
    with pytest.raises(ValueError):
        sqlite_uri(PurePosixPath("board.sqlite"))


def test_sqlite_refuses_as_uris_unc_form_and_reads_the_empty_authority_form(tmp_path):
    path = tmp_path / "board.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    # What Path.as_uri() gives for \\server\share\...: SQLite will not open it.
    with pytest.raises(sqlite3.OperationalError, match="authority"):
        sqlite3.connect("file://server/share/board.sqlite?mode=ro", uri=True)
    # The helper's UNC form: an empty authority and a path starting "//" (on POSIX, //tmp
    # is /tmp), so SQLite opens the very file.
    unc_like = sqlite_uri(PurePosixPath("/" + str(path)), read_only=True)
    assert unc_like.startswith("file:////")
    conn = sqlite3.connect(unc_like, uri=True)
    try:
        assert conn.execute("SELECT name FROM sqlite_master").fetchall() == [("t",)]
    finally:
        conn.close()


def _titles(path):
    db = open_database(path, daily_backup=False)
    try:
        return sorted(
            e.item.title for e in BoardService(Session(db, "tester", "en")).view().entries
        )
    finally:
        db.close()


def test_a_board_in_a_folder_named_with_hash_percent_question_mark_and_spaces(tmp_path):
    folder = tmp_path / "Sikkerhet #2 ?50% ferdig? %23 æø"
    folder.mkdir()
    path = folder / "tavle #1?.sqlite"
    assert cli.main(["--db", str(path), "--lang", "en", "add", "Kopier meg"]) == 0
    assert _titles(path) == ["Kopier meg"]

    # Back up: the copy holds the board (not an empty new file at a truncated name).
    taken = backup.take(path)
    assert taken.parent == folder / "tavle #1?-backups"
    assert _titles(taken) == ["Kopier meg"]
    # The daily backup at start (through the CLI) lands there too, and is sound.
    stamp = time.time() - 2 * backup.DAY
    os.utime(taken, (stamp, stamp))
    assert cli.main(["--db", str(path), "--lang", "en", "list"]) == 0
    assert len(backup.listed(path)) == 2 and backup.newest(path) != taken

    # Restore: the newest good backup passes SQLite's check and copies out whole.
    good = newest_good_backup(path)
    assert good is not None
    restored = restore_copy(path, good)
    assert restored.parent == folder and _titles(restored) == ["Kopier meg"]
    # Nothing was made at a name cut at "#" or "?" or with "%" decoded.
    assert [p.name for p in tmp_path.iterdir()] == [folder.name]
    assert {p.name for p in folder.iterdir() if not p.name.endswith(("-wal", "-shm"))} == {
        path.name,
        "tavle #1?-backups",
        restored.name,
    }
