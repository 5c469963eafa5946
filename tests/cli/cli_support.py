"""Helpers for the command-line tests (the fixtures live in conftest.py).

Every command runs in a subprocess with a private environment: HOME and the XDG folders
(on Windows platformdirs' overrides of LOCAL_APPDATA and APPDATA, the same folders)
inside the test's temporary directory, English messages, a fixed author.
"""

from __future__ import annotations

import json
import os
import re
import select
import shutil
import sqlite3
import struct
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

#: The export header, exactly as DESIGN.md ("CSV") spells it.
HEADER_LINE = (
    "id,title,description,status,chain,link,likelihood,consequence,link_maturity,"
    "target_maturity,score,weakest_link,rank,effort,owner_unit,owner_person,risk_owner,"
    "framework_ref,classification,tags,blocked_reason,due_date,pinned,created_at,updated_at,"
    "done_at"
)
HEADER = HEADER_LINE.split(",")

#: What `list --json` promises for every object (DESIGN.md, "Command line").
JSON_KEYS = (
    "id",
    "rank",
    "title",
    "status",
    "chain",
    "link",
    "likelihood",
    "consequence",
    "link_maturity",
    "target_maturity",
    "gap",
    "score",
    "weakest_link",
    "owner_unit",
    "owner_person",
    "explanation",
)

_INHERITED_NOISE = (
    "KANBAN_SEC_",
    "LANGUAGE",
    "LC_ALL",
    "LC_MESSAGES",
    "LANG",
    "QT_QPA_PLATFORM",
    "DISPLAY",
    "WAYLAND_DISPLAY",
    # what makes a pipe pass for a terminal, or sets its width or colours
    "FORCE_COLOR",
    "TTY_COMPATIBLE",
    "TTY_INTERACTIVE",
    "NO_COLOR",
    "COLUMNS",
    "LINES",
)

Runner = Callable[..., "subprocess.CompletedProcess[str]"]


def make_env(home: Path, **extra: str) -> dict[str, str]:
    """A clean environment whose user folders all lie under ``home``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(_INHERITED_NOISE)}
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / "xdg-data"),
        XDG_STATE_HOME=str(home / "xdg-state"),
        XDG_CONFIG_HOME=str(home / "xdg-config"),
        XDG_CACHE_HOME=str(home / "xdg-cache"),
        # Windows: platformdirs reads no XDG variable but these (the user data folder is
        # LOCAL_APPDATA, the log folder inside it); other systems ignore them.
        WIN_PD_OVERRIDE_LOCAL_APPDATA=str(home / "xdg-data"),
        WIN_PD_OVERRIDE_APPDATA=str(home / "xdg-config"),
        KANBAN_SEC_LANG="en",
        KANBAN_SEC_USER="tester",
        # UTF-8 pipes, as on Linux; a Windows pipe's code page (cp1252) is the case of
        # test_windows_output.py, which sets PYTHONIOENCODING=cp1252 and decodes with it
        PYTHONIOENCODING="utf-8",
    )
    env.update(extra)
    return env


def run_cli(
    args: tuple[str, ...],
    *,
    env: dict[str, str],
    cwd: Path,
    input: str | None = None,
    encoding: str = "utf-8",
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m kanban_sec ARGS`` and check that it did not crash; its output is
    read in ``encoding`` (strictly: a byte that is not is an error)."""
    result = subprocess.run(
        [sys.executable, "-m", "kanban_sec", *args],
        env=env,
        cwd=cwd,
        input=input,
        capture_output=True,
        text=True,
        encoding=encoding,
        timeout=60,
        check=False,
    )
    # Never a traceback, never the catch-all for bugs, whatever the exit status.
    for stream in (result.stdout, result.stderr):
        assert "Traceback" not in stream, stream
        assert "unexpected error" not in stream, stream
    return result


def run_parallel(
    jobs: list[tuple[str, ...]], *, env: dict[str, str], cwd: Path, workers: int = 3
) -> list[subprocess.CompletedProcess[str]]:
    """Independent commands at once (each its own process), results in the jobs' order."""
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(lambda args: run_cli(tuple(map(str, args)), env=env, cwd=cwd), jobs))


# -- on a terminal ------------------------------------------------------------------------

ESCAPE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")

#: For the tests that run a command on a pseudo-terminal (:func:`in_terminal`).
NEEDS_PTY = pytest.mark.skipif(
    sys.platform == "win32", reason="a pseudo-terminal (pty, termios) is POSIX: Windows has none"
)


def in_terminal(
    args: tuple[str, ...], env: dict[str, str], cwd: Path, columns: int, *, stdout_too: bool = True
) -> tuple[str, str]:
    """Run the command with stderr (and stdout, unless told) on a pseudo-terminal that is
    ``columns`` wide; returns (what the terminal showed, what went to the stdout pipe).
    POSIX only (mark the test :data:`NEEDS_PTY`)."""
    import fcntl
    import pty
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
    env = {k: v for k, v in env.items() if k not in ("COLUMNS", "LINES")}
    env["TERM"] = "xterm-256color"
    process = subprocess.Popen(
        [sys.executable, "-m", "kanban_sec", *args],
        env=env,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        stdout=slave if stdout_too else subprocess.PIPE,
        stderr=slave,
    )
    os.close(slave)
    shown = b""
    piped = b""
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.2)
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:  # the other end closed
                    break
                if not chunk:
                    break
                shown += chunk
            elif process.poll() is not None:
                break
        if not stdout_too:
            assert process.stdout is not None
            piped = process.stdout.read()
        assert process.wait(timeout=60) == 0, (shown, piped)
    finally:
        os.close(master)
        if process.poll() is None:  # hung: never leave it behind
            process.kill()
        if process.stdout is not None:
            process.stdout.close()
    text = shown.decode("utf-8").replace("\r\n", "\n")
    assert "Traceback" not in text, text
    return text, piped.decode("utf-8")


def visible_lines(text: str) -> list[str]:
    """What the terminal shows, line by line, without escape codes or trailing spaces."""
    return [line.rstrip() for line in ESCAPE.sub("", text).replace("\r", "").splitlines()]


# -- assertions ---------------------------------------------------------------------------


def assert_ok(result: subprocess.CompletedProcess[str], *, quiet: bool = True) -> str:
    """Exit status 0 (and, unless told otherwise, nothing on stderr); returns stdout."""
    assert result.returncode == 0, (result.returncode, result.stdout, result.stderr)
    if quiet:
        assert result.stderr == "", result.stderr
    return result.stdout


def assert_error(result: subprocess.CompletedProcess[str], code: int, *needles: str) -> str:
    """The command failed with ``code`` and ONE clear line on stderr naming ``needles``."""
    assert result.returncode == code, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    line = lines[0]
    assert line.startswith("kanban-sec: "), line
    for needle in needles:
        assert needle in line, (needle, line)
    assert result.stdout == "", result.stdout
    return line


def assert_import_problems(
    result: subprocess.CompletedProcess[str], *cells: tuple[int, str]
) -> list[str]:
    """A refused import: exit 2, a summary line, then one line per bad cell."""
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert lines[0].startswith("kanban-sec: "), lines
    assert "nothing was imported" in lines[0], lines[0]
    for line_no, column in cells:
        wanted = f"line {line_no}, column {column}:"
        assert any(wanted in line for line in lines[1:]), (wanted, result.stderr)
    assert result.stdout == "", result.stdout
    return lines


# -- reading the database directly -------------------------------------------------------


def sql(path: Path, query: str, *params: Any) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(query, params).fetchall()
    finally:
        conn.close()


def execute(path: Path, statement: str, *params: Any) -> None:
    conn = sqlite3.connect(path)
    try:
        with conn:
            conn.execute(statement, params)
    finally:
        conn.close()


def snapshot(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, to prove that a refused command wrote nothing."""
    conn = sqlite3.connect(path)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        return {
            t: sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables
        }
    finally:
        conn.close()


def count_changes(path: Path) -> int:
    return sql(path, "SELECT count(*) FROM changes")[0][0]


def count_items(path: Path) -> int:
    return sql(path, "SELECT count(*) FROM items")[0][0]


def copy_db(source: Path, target: Path) -> Path:
    """Copy a closed board file (with its WAL file, should one have been left)."""
    shutil.copy(source, target)
    for suffix in ("-wal", "-shm"):
        extra = Path(f"{source}{suffix}")
        if extra.exists():
            shutil.copy(extra, Path(f"{target}{suffix}"))
    return target


def list_json(run: Runner, db: Path, *args: str) -> list[dict[str, Any]]:
    data = json.loads(assert_ok(run("--db", db, "list", "--json", *args)))
    assert isinstance(data, list)
    return data


def by_id(items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {i["id"]: i for i in items}


def short(item_id: str) -> str:
    """The short id `list` shows: the last eight hex digits."""
    return item_id.replace("-", "")[-8:]


def expected_score(item: dict[str, Any]) -> int:
    """DESIGN.md: likelihood × consequence × gap, an unassessed value counting 3; the gap is
    max(target − maturity, 0) in a chain (for work on no link, the chain's weakest link's
    maturity, which ``list`` reports) and 1 in no chain."""
    likelihood = 3 if item["likelihood"] is None else item["likelihood"]
    consequence = 3 if item["consequence"] is None else item["consequence"]
    gap = 1 if item["chain"] is None else max(item["target_maturity"] - item["link_maturity"], 0)
    assert gap == item["gap"], item
    return likelihood * consequence * gap


_ROW = re.compile(r"^\s*(\d+|–|≈)\s+([0-9a-f]{8})\s")


def ranked_only(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The items in the ranking (an accepted risk is listed, unranked, after them)."""
    return [i for i in items if i["rank"] is not None]


def table_rows(text: str) -> list[tuple[str, str]]:
    """(rank, short id) of each item line of `list`'s table."""
    return [(m.group(1), m.group(2)) for m in map(_ROW.match, text.splitlines()) if m]


# -- a demo board, built once per module --------------------------------------------------


class DemoBoard:
    """The example board of one module: its file and its `list --json --all`."""

    def __init__(
        self, path: Path, items: list[dict[str, Any]], env: dict[str, str], home: Path
    ) -> None:
        self.path = path
        self.items = items
        self.env = env
        self.home = home

    @property
    def open_items(self) -> list[dict[str, Any]]:
        return [i for i in self.items if i["status"] != "done"]

    def copy_to(self, folder: Path, name: str = "board.sqlite") -> Path:
        return copy_db(self.path, folder / name)

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        """A command on the shared file itself: only for commands that must not write."""
        return run_cli(("--db", str(self.path), *args), env=self.env, cwd=self.home)

    def run_many(self, *jobs: tuple[str, ...]) -> list[subprocess.CompletedProcess[str]]:
        """Read-only commands on the shared file, run at once."""
        return run_parallel(
            [("--db", str(self.path), *job) for job in jobs], env=self.env, cwd=self.home
        )


def build_demo(home: Path) -> DemoBoard:
    env = make_env(home)
    path = home / "demo.sqlite"
    assert_ok(run_cli(("--db", str(path), "demo"), env=env, cwd=home))
    listed = assert_ok(run_cli(("--db", str(path), "list", "--json", "--all"), env=env, cwd=home))
    return DemoBoard(path, json.loads(listed), env, home)


def csv_bytes(
    lines: list[str], *, encoding: str = "utf-8", bom: bool = False, newline: str = "\r\n"
) -> bytes:
    data = newline.join(lines) + newline
    return (b"\xef\xbb\xbf" if bom else b"") + data.encode(encoding)


_FIELD = re.compile(r"^([a-z_]+)(?: {2,}(.*))?$")


def show_fields(text: str) -> dict[str, str]:
    """The ``name  value`` lines at the top of `show`'s output (first occurrence wins)."""
    block = text.split("\n\n", 1)[0]
    fields: dict[str, str] = {}
    for line in block.splitlines():
        match = _FIELD.match(line)
        if match and match.group(1) not in fields:
            fields[match.group(1)] = match.group(2) or ""
    return fields
