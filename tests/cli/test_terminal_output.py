"""The command line's tables and progress: fitted to a terminal (a real pseudo-terminal of
80 and 120 columns), plain and complete when piped; progress on a terminal's stderr only."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from cli_support import NEEDS_PTY, assert_ok, csv_bytes, in_terminal, short, visible_lines
from rich.cells import cell_len

_ITEM_LINE = re.compile(r"^\s*(\d+|≈|–)\s+([0-9a-f]{8})\s")
LONG_TITLE = (
    "Gjennomgå tilgangsstyringen for økonomisystemet, lønnssystemet og "
    "arkivløsningen på Ørsta rådhus før årsoppgjøret — særlig delte kontoer"
)


def columns_of(line: str, starts: list[int]) -> list[str]:
    """The cells of a plain table line cut at the header's column starts (in cells)."""
    cells, column, current, position = [], 0, "", 0
    for char in line:
        if column + 1 < len(starts) and position >= starts[column + 1]:
            cells.append(current.strip())
            current, column = "", column + 1
        current += char
        position += cell_len(char)
    cells.append(current.strip())
    return cells + [""] * (len(starts) - len(cells))


@pytest.fixture
def long_board(run, demo_db: Path) -> Path:
    """The example board with an item whose title is longer than any terminal line."""
    assert_ok(
        run(
            "--db",
            demo_db,
            "add",
            LONG_TITLE,
            "--likelihood",
            "5",
            "--consequence",
            "5",
            "--owner",
            "Eksempel kommune / Helseetaten / Hjemmetjenesten",
        )
    )
    return demo_db


def test_piped_list_is_plain_complete_and_one_row_per_line(run, long_board, cli_env):
    out, listed = (
        assert_ok(r)
        for r in run.many(("--db", long_board, "list"), ("--db", long_board, "list", "--json"))
    )
    narrow = assert_ok(run("--db", long_board, "list", env={**cli_env, "COLUMNS": "40"}))
    assert "\x1b" not in out
    assert narrow == out  # piped output never depends on a terminal's width
    items = json.loads(listed)
    lines = out.splitlines()
    header = lines[0]
    names = ["rank", "id", "⚑", "score", "status", "title", "chain › link", "owner"]
    starts = [cell_len(header[: header.index(name)]) for name in names]
    assert columns_of(header, starts) == names
    rows = [line for line in lines[1:] if _ITEM_LINE.match(line)]
    notes = [line for line in lines[1:] if not _ITEM_LINE.match(line)]
    assert len(rows) == len(items) and len(notes) == len(items)  # a row, its explanation
    for line, item in zip(rows, items, strict=True):
        flags = (
            ("⚑" if item["weakest_link"] else "")
            + ("📌" if item["pinned"] else "")
            + ("⛔" if item["blocked_reason"] else "")
        )
        where = f"{item['chain']} › {item['link'] or '(whole chain)'}" if item["chain"] else ""
        owner = item["owner_person"] or (item["owner_unit"] or "").rsplit(" / ", 1)[-1]
        status = {"backlog": "Backlog", "next": "Next", "doing": "Doing", "verify": "Verify"}[
            item["status"]
        ]
        assert columns_of(line, starts) == [
            str(item["rank"]) if item["rank"] else "≈",
            short(item["id"]),
            flags,
            str(item["score"]),
            status,
            item["title"],
            where,
            owner,
        ], line
    assert any(LONG_TITLE in line for line in rows)  # whole, on its row's line


@NEEDS_PTY
@pytest.mark.parametrize("width", [80, 120])
def test_list_on_a_terminal_fits_its_width_and_never_cuts_rank_or_key(
    long_board, cli_env, tmp_path, width
):
    shown, _ = in_terminal(
        ("--db", str(long_board), "--lang", "nb", "list"), cli_env, tmp_path, width
    )
    assert "\x1b[" in shown  # styled: it knows it is a terminal
    lines = visible_lines(shown)
    assert max(cell_len(line) for line in lines) <= width
    assert lines[0].split()[:5] == ["plass", "id", "⚑", "poeng", "kolonne"]
    piped = subprocess.run(
        [sys.executable, "-m", "kanban_sec", "--db", str(long_board), "list"],
        env=cli_env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    ).stdout
    expected = [m.groups() for m in map(_ITEM_LINE.match, piped.splitlines()) if m]
    assert [m.groups() for m in map(_ITEM_LINE.match, lines) if m] == expected
    # the long title wraps inside its column: every word is there, in order
    words = " ".join(lines).split()
    position = 0
    for word in LONG_TITLE.split():
        position = words.index(word, position) + 1
    assert "↳ ⚑ Svakeste ledd i " in "\n".join(lines)


def test_columns_and_force_color_make_a_terminal_of_a_pipe(run, demo, cli_env):
    forced = {**cli_env, "FORCE_COLOR": "1", "COLUMNS": "80"}
    result = run("--db", demo.path, "list", env=forced)
    out = assert_ok(result)
    assert "\x1b[" in out
    lines = visible_lines(out)
    assert max(cell_len(line) for line in lines) <= 80
    assert len([line for line in lines if _ITEM_LINE.match(line)]) == len(demo.open_items)


#: Each table's cells that must show whole on a terminal as when piped.
KEY_CELLS = {
    "wheel": re.compile(r"\b\d{4}-\d{2}-\d{2}\b"),  # the dates
    "risks": re.compile(r"\([0-9a-f]{8}\)|\b\d{4}-\d{2}-\d{2}\b"),  # short keys, until
    "people": re.compile(r"\b(?:governing|operational|controlling)\b"),  # the roles
    "activities": re.compile(r"^[0-9a-f]{8}\b|\b\d×\d\b", re.M),  # keys, L×C
}


@NEEDS_PTY
@pytest.mark.parametrize(
    "command", [("wheel", "--year", "2027"), ("risks",), ("people",), ("wheel", "activities")]
)
def test_other_tables_fit_a_terminal_and_stay_plain_when_piped(demo, cli_env, tmp_path, command):
    piped = assert_ok(demo.run(*command))
    assert "\x1b" not in piped and "─" not in piped
    pattern = KEY_CELLS[command[-1] if command[-1] == "activities" else command[0]]
    keys = pattern.findall(piped)
    assert keys
    for width in (80, 120):
        shown, _ = in_terminal(("--db", str(demo.path), *command), cli_env, tmp_path, width)
        lines = visible_lines(shown)
        table = lines[: lines.index("")] if command == ("risks",) else lines  # then prose
        assert max(cell_len(line) for line in table) <= width, (width, lines)
        assert "─" in shown  # the header's rule: a terminal's table
        assert sorted(pattern.findall("\n".join(lines))) == sorted(keys)


@NEEDS_PTY
def test_import_of_thousands_of_rows_shows_progress_on_a_terminal_only(run, cli_env, tmp_path):
    source = tmp_path / "mange.csv"
    source.write_bytes(
        csv_bytes(
            ["title,likelihood,consequence,owner_unit"]
            + [
                f"Oppgave nr. {n} på Ørsta,{n % 5 + 1},{n // 5 % 5 + 1},Kommune / Team {n % 7}"
                for n in range(3000)
            ]
        )
    )
    piped = run("--db", tmp_path / "piped.sqlite", "import", source)
    assert assert_ok(piped) == f"imported {source}: 3000 new, 0 changed, 0 unchanged\n"
    assert piped.stderr == ""  # nothing at all when stderr is not a terminal

    shown, out = in_terminal(
        ("--db", str(tmp_path / "tty.sqlite"), "import", str(source)),
        cli_env,
        tmp_path,
        100,
        stdout_too=False,
    )
    assert out == f"imported {source}: 3000 new, 0 changed, 0 unchanged\n"  # stdout clean
    assert "Importing lines" in shown and "3000/3000" in shown  # the bar, on stderr

    exported = tmp_path / "ut.csv"
    shown, out = in_terminal(
        ("--db", str(tmp_path / "tty.sqlite"), "export", str(exported)),
        cli_env,
        tmp_path,
        100,
        stdout_too=False,
    )
    assert out == f"wrote 3000 items to {exported}\n"
    assert "Exporting items" in shown and "3000/3000" in shown
    piped = run("--db", tmp_path / "tty.sqlite", "export", tmp_path / "ut2.csv")
    assert piped.stderr == "" and exported.read_bytes() == (tmp_path / "ut2.csv").read_bytes()
