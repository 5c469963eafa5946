"""A board on a network drive gets SQLite's DELETE journal, not WAL (the decision for each
operating system's facts, tested here on Linux); the window's lock records host, PID and
process start, a stale one is cleared, and the command line respects a live one."""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
import time

import pytest

from kanban_sec.store import database as database_module
from kanban_sec.store import journal
from kanban_sec.store.database import lock_is_stale, lock_path, open_database, process_start
from kanban_sec.store.journal import DRIVE_REMOTE, PathFacts, journal_mode

# -- the journal mode, from facts -------------------------------------------------------


@pytest.mark.parametrize(
    ("facts", "mode"),
    [
        (PathFacts("win32", r"C:\Users\kari\AppData\board.sqlite", drive_type=3), "WAL"),
        (PathFacts("win32", r"H:\kanban\board.sqlite", drive_type=DRIVE_REMOTE), "DELETE"),
        (PathFacts("win32", r"\\fil01\hjemme$\kari\board.sqlite", drive_type=None), "DELETE"),
        (PathFacts("win32", "//fil01/felles/board.sqlite", drive_type=1), "DELETE"),
        (PathFacts("win32", r"E:\board.sqlite", drive_type=2), "WAL"),  # a USB stick
        (PathFacts("linux", "/home/kari/board.sqlite", fstype="ext4"), "WAL"),
        (PathFacts("linux", "/mnt/h/board.sqlite", fstype="cifs"), "DELETE"),
        (PathFacts("linux", "/mnt/h/board.sqlite", fstype="smb3"), "DELETE"),
        (PathFacts("linux", "/net/board.sqlite", fstype="nfs4"), "DELETE"),
        (PathFacts("linux", "/mnt/s/board.sqlite", fstype="fuse.sshfs"), "DELETE"),
        (PathFacts("linux", "/x/board.sqlite", fstype=None), "WAL"),
        (PathFacts("darwin", "/Users/kari/board.sqlite", fstype="apfs"), "WAL"),
        (PathFacts("darwin", "/Volumes/felles/board.sqlite", fstype="smbfs"), "DELETE"),
        (PathFacts("darwin", "/Volumes/nfs/board.sqlite", fstype="nfs"), "DELETE"),
        (PathFacts("darwin", "/Volumes/old/board.sqlite", fstype="afpfs"), "DELETE"),
    ],
)
def test_the_journal_mode_follows_the_drive(facts, mode):
    assert journal_mode(facts) == mode


PROC_MOUNTS = """\
/dev/nvme0n1p2 / ext4 rw,relatime 0 0
//fil01/hjemme /mnt/h cifs rw,vers=3.1.1 0 0
/dev/sdb1 /mnt/h/local\\040stick vfat rw 0 0
kari@srv:/data /home/kari/remote fuse.sshfs rw 0 0
"""


def test_linux_mounts_give_the_filesystem_of_the_deepest_mount():
    assert journal.fstype_from_proc_mounts(PROC_MOUNTS, "/mnt/h/kanban") == "cifs"
    assert journal.fstype_from_proc_mounts(PROC_MOUNTS, "/mnt/h/local stick/x") == "vfat"
    assert journal.fstype_from_proc_mounts(PROC_MOUNTS, "/mnt/hx") == "ext4"
    assert journal.fstype_from_proc_mounts(PROC_MOUNTS, "/home/kari/remote/b") == "fuse.sshfs"


MAC_MOUNT = """\
/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)
/dev/disk3s5 on /System/Volumes/Data (apfs, local, journaled, nobrowse)
//kari@fil01.kommune.no/felles on /Volumes/felles (smbfs, nodev, nosuid, mounted by kari)
fil02:/export on /Volumes/nfs share (nfs, asynchronous)
"""


def test_mac_mount_output_gives_the_filesystem_of_the_deepest_mount():
    assert journal.fstype_from_mount_output(MAC_MOUNT, "/Volumes/felles/kanban") == "smbfs"
    assert journal.fstype_from_mount_output(MAC_MOUNT, "/Volumes/nfs share") == "nfs"
    assert journal.fstype_from_mount_output(MAC_MOUNT, "/Users/kari") == "apfs"


def test_a_board_on_a_network_drive_opens_without_wal_and_says_so(tmp_path, monkeypatch):
    from kanban_sec.domain.text import t

    path = tmp_path / "board.sqlite"
    monkeypatch.setattr(journal, "path_facts", lambda p: PathFacts("linux", str(p), fstype="cifs"))
    db = open_database(path, daily_backup=False)
    try:
        assert db.on_network
        with db.connect(write=False) as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "delete"
    finally:
        db.close()
    assert not path.with_name("board.sqlite-wal").exists()
    assert "network drive" in t("db.network", "en")
    assert "nettverksstasjon" in t("db.network", "nb")


def test_a_local_board_keeps_wal(tmp_path):
    db = open_database(tmp_path / "board.sqlite", daily_backup=False)
    try:
        assert not db.on_network
        with db.connect(write=False) as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    finally:
        db.close()
    with sqlite3.connect(tmp_path / "board.sqlite") as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


# -- the window's lock ------------------------------------------------------------------

HOST = "pc-17"


def test_a_lock_of_another_host_is_never_stale():
    holder = {"host": "pc-99", "pid": 4, "started": "a", "at": 0.0}
    assert not lock_is_stale(holder, host=HOST, alive=False, started_now=None, now=1e9)


def test_a_lock_of_a_process_that_is_gone_is_stale():
    holder = {"host": HOST, "pid": 4, "started": "a", "at": time.time()}
    assert lock_is_stale(holder, host=HOST, alive=False, started_now=None, now=time.time())


def test_a_reused_pid_is_told_by_its_start_time():
    holder = {"host": HOST, "pid": 4, "started": "boot:100", "at": time.time()}
    now = time.time()
    assert lock_is_stale(holder, host=HOST, alive=True, started_now="boot:555", now=now)
    assert not lock_is_stale(holder, host=HOST, alive=True, started_now="boot:100", now=now)


def test_an_unknown_start_time_counts_as_held_until_the_timeout():
    holder = {"host": HOST, "pid": 4, "started": None, "at": 1000.0}
    young, old = 1000.0 + 3600, 1000.0 + 13 * 3600
    assert not lock_is_stale(holder, host=HOST, alive=True, started_now=None, now=young)
    assert lock_is_stale(holder, host=HOST, alive=True, started_now=None, now=old)


def test_the_lock_records_host_pid_and_process_start(tmp_path):
    path = tmp_path / "board.sqlite"
    db = open_database(path, daily_backup=False, hold=True)
    try:
        holder = json.loads(lock_path(path).read_text(encoding="utf-8"))
        assert holder["host"] == socket.gethostname() and holder["pid"] == os.getpid()
        assert holder["started"] == process_start(os.getpid()) is not None
        assert isinstance(holder["at"], float)
    finally:
        db.close()


def _lock(path, **fields):
    holder = {"user": "kari", "host": socket.gethostname(), "since": "2026-01-02 08:15"}
    holder.update(fields)
    lock_path(path).write_text(json.dumps(holder), encoding="utf-8")


@pytest.fixture
def other_process():
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    time.sleep(0.1)
    yield other
    other.kill()
    other.wait()


def test_a_lock_whose_pid_now_runs_another_process_is_cleared(tmp_path, other_process):
    path = tmp_path / "board.sqlite"
    open_database(path, daily_backup=False).close()
    _lock(path, pid=other_process.pid, started="an-earlier-boot:1", at=time.time())
    db = open_database(path, daily_backup=False, hold=True)
    try:
        assert db.held_by is None
        assert json.loads(lock_path(path).read_text(encoding="utf-8"))["pid"] == os.getpid()
    finally:
        db.close()


def test_a_live_window_lock_is_honoured(tmp_path, other_process):
    path = tmp_path / "board.sqlite"
    open_database(path, daily_backup=False).close()
    started = process_start(other_process.pid)
    _lock(path, pid=other_process.pid, started=started, at=time.time())
    db = open_database(path, daily_backup=False, hold=True)
    try:
        assert db.held_by is not None and db.held_by["pid"] == other_process.pid
    finally:
        db.close()


def test_an_old_lock_without_a_start_time_is_cleared_after_the_timeout(
    tmp_path, other_process, monkeypatch
):
    path = tmp_path / "board.sqlite"
    open_database(path, daily_backup=False).close()
    monkeypatch.setattr(database_module, "process_start", lambda pid: None)
    _lock(path, pid=other_process.pid, at=time.time() - 20 * 3600)
    assert database_module.window_holder(path) is None
    assert not lock_path(path).exists()
    _lock(path, pid=other_process.pid, at=time.time() - 60)
    assert database_module.window_holder(path) is not None


def test_without_proc_the_start_time_comes_from_ps(other_process, monkeypatch):
    """macOS has no /proc: ``ps -o lstart=`` tells a reused PID from the process that
    wrote the lock (ps here is the same command, with Linux's procps behind it)."""
    monkeypatch.setattr(database_module.sys, "platform", "darwin")
    first = process_start(other_process.pid)
    assert first is not None and first == process_start(other_process.pid)
    time.sleep(1.1)  # ps gives the second
    later = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        assert process_start(later.pid) not in (None, first)
    finally:
        later.kill()
        later.wait()
    other_process.kill()
    other_process.wait()
    assert process_start(other_process.pid) is None  # gone: the lock is left behind
