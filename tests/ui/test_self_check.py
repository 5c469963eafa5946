"""`kanban-sec --self-check`: every check on a copy, never a change to the real board."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

CHECKS = ("versions", "database", "migrations", "translations", "window")


def _self_check(db: Path, home: Path) -> subprocess.CompletedProcess[str]:
    # A process of its own, as a user runs it: the check makes its own QApplication.
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".data"),
        "KANBAN_SEC_USER": "tester",
        "KANBAN_SEC_LANG": "en",
        "QT_QPA_PLATFORM": "offscreen",
    }
    return subprocess.run(
        [sys.executable, "-m", "kanban_sec", "--db", str(db), "--self-check"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_passes_on_a_demo_board_and_leaves_it_byte_identical(db_path, tmp_path):
    before, mtime = _digest(db_path), db_path.stat().st_mtime_ns
    result = _self_check(db_path, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    for name in CHECKS:
        assert any(line.startswith(f"OK   {name}:") for line in lines), result.stdout
    assert not any(line.startswith("FAIL") for line in lines)
    from kanban_sec.store.migrate import HEAD

    assert f"schema revision {HEAD}" in result.stdout
    assert lines[-1] == "self-check passed"
    assert _digest(db_path) == before and db_path.stat().st_mtime_ns == mtime
    # No backups, copies or new databases beside the real one.
    assert sorted(
        p.name
        for p in db_path.parent.iterdir()
        if p.name.startswith(db_path.name) and not p.name.endswith(("-wal", "-shm"))
    ) == [db_path.name]


def test_a_database_that_does_not_exist_yet_is_not_created(tmp_path):
    missing = tmp_path / "new.sqlite"
    result = _self_check(missing, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "OK   migrations: a new empty database migrated" in result.stdout
    assert not missing.exists()


def test_fails_clearly_on_a_file_that_is_not_a_kanban_sec_database(tmp_path):
    other = tmp_path / "other.sqlite"
    import sqlite3

    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()
    before = _digest(other)
    result = _self_check(other, tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "FAIL database:" in result.stdout
    assert "self-check failed" in result.stdout
    assert _digest(other) == before

    text = tmp_path / "notes.sqlite"
    text.write_text("not a database at all\n")
    result = _self_check(text, tmp_path)
    assert result.returncode == 1 and "FAIL database:" in result.stdout
    assert text.read_text() == "not a database at all\n"


def test_leaves_the_users_settings_alone_and_removes_its_temporary_folder(db_path, tmp_path):
    """The window the check opens saves its layout on close: that must go to INI files in
    the check's own folder (on every OS, not the registry or a plist), never over the
    user's settings; and the folder (with the board copy, closed first) is removed."""
    import re

    user_conf = tmp_path / ".config" / "kanban-sec" / "kanban-sec.conf"
    user_conf.parent.mkdir(parents=True)
    user_conf.write_text(
        "[General]\nlanguage=nb\n\n[filters]\ntext=brannmur\n\n[board]\nlanes=chain\n",
        encoding="utf-8",
    )
    before = user_conf.read_bytes()
    result = _self_check(db_path, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert user_conf.read_bytes() == before
    assert sorted(p.name for p in user_conf.parent.iterdir()) == ["kanban-sec.conf"]
    found = re.search(r"settings in (\S+)", result.stdout)
    assert found, result.stdout
    settings = Path(found.group(1))
    assert settings.name.endswith(".ini") and "kanban-sec-self-check-" in str(settings)
    work = next(p for p in settings.parents if p.name.startswith("kanban-sec-self-check-"))
    assert not work.exists()
    assert "could not be removed" not in result.stdout


def test_the_settings_are_isolated_for_the_native_format_too(tmp_path):
    """Windows' registry and macOS' plists ignore setPath: the default format must become
    INI, so a plain QSettings() lands in the folder whatever the platform's native is."""
    from PySide6.QtCore import QSettings

    from kanban_sec.app import ensure_app
    from kanban_sec.ui.self_check import isolate_settings

    ensure_app()
    before = QSettings.defaultFormat()
    try:
        used = isolate_settings(tmp_path / "settings")
        settings = QSettings()
        assert settings.format() == QSettings.Format.IniFormat
        settings.setValue("window/geometry", b"x")
        settings.sync()
        assert Path(used).is_file() and Path(used).is_relative_to(tmp_path)
    finally:
        QSettings.setDefaultFormat(before)
