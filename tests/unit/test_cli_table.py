"""The command line's table module: plain lines aligned in terminal cells, and terminal
tables that fit any width with their key cells whole."""

from __future__ import annotations

import io
import re
import unicodedata

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from kanban_sec.cli.table import Column, Table

ESCAPE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def on_terminal(table: Table, width: int) -> list[str]:
    """What a terminal ``width`` cells wide shows, without escape codes."""
    out = io.StringIO()
    with pytest.MonkeyPatch.context() as env:
        env.setenv("TTY_COMPATIBLE", "1")
        env.setenv("COLUMNS", str(width))
        env.delenv("FORCE_COLOR", raising=False)
        table.print(out)
    return [line.rstrip() for line in ESCAPE.sub("", out.getvalue()).splitlines()]


def test_plain_lines_line_up_wide_and_norwegian_characters():
    table = Table(
        [
            Column("rank", key=True, right=True),
            Column("⚑", key=True),
            Column("title", main=True),
            Column("owner"),
        ]
    )
    table.add_row("1", "⚑📌⛔", "Brannmur på Ørsta", "Åse", note="↳ why")
    table.add_row("12", "", unicodedata.normalize("NFD", "Årlig øvelse"), "Per Inge Rønning")
    table.add_row("3", "⚑", "Multi\nline\ttitle", "x")
    out = io.StringIO()
    table.print(out)  # a StringIO is no terminal: plain
    lines = out.getvalue().splitlines()
    assert "\x1b" not in out.getvalue()
    assert lines == [line.rstrip() for line in lines]
    starts = [
        cell_len(line[: line.index(text)])
        for line, text in (
            (lines[0], "title"),
            (lines[1], "Brannmur"),
            (lines[3], "A"),
            (lines[4], "Multi"),
        )
    ]
    assert len(set(starts)) == 1, lines
    assert lines[2] == " " * (cell_len("rank") + 2) + "↳ why"
    assert lines[4].startswith("   3  ⚑    ") and "Multi line title" in lines[4]


def test_a_heading_stands_alone_over_its_rows():
    table = Table([Column("date", key=True), Column("activity", main=True)], indent=2)
    table.add_heading("Januar")
    table.add_row("2027-01-05", "Skanning")
    out = io.StringIO()
    table.print(out)
    assert out.getvalue() == "  date        activity\n\nJanuar\n  2027-01-05  Skanning\n"


words = st.text(alphabet="abcæøåÆØÅ📌⚑-", min_size=1, max_size=6)
cells = st.lists(words, min_size=1, max_size=8).map(" ".join)
keys = st.text(alphabet="0123456789abcdef≈–", min_size=1, max_size=8)


@settings(max_examples=40, deadline=None)
# Once cut a key: a one-letter title left the others more room than there was.
@example(
    width=70,
    rows=[("0", "00000000", "a", "a a a a aa aa aaa aaaaa", "a a aaaa aaaaaa aaaaa📌", False)],
)
@given(
    width=st.integers(70, 200),
    rows=st.lists(
        st.tuples(keys, keys, cells, cells, cells, st.booleans()), min_size=1, max_size=6
    ),
)
def test_a_terminal_table_fits_and_keeps_key_cells_whole(width, rows):
    table = Table(
        [
            Column("rank", key=True, right=True),
            Column("id", key=True),
            Column("title", main=True),
            Column("where", optional=True),
            Column("owner"),
        ]
    )
    for rank, key, title, where, owner, noted in rows:
        table.add_row(rank, key, title, where, owner, note="↳ " + title if noted else "")
    lines = on_terminal(table, width)
    assert max(cell_len(line) for line in lines) <= width
    rank_width = max(cell_len(r[0]) for r in [("rank",), *rows])
    starts = [line for line in lines[2:] if line[:rank_width].strip()]  # under the rule
    assert [line.split()[:2] for line in starts] == [[r[0], r[1]] for r in rows]
    shown = " ".join(lines).split()
    for title in {r[2] for r in rows}:  # the main column wraps, never loses a word
        for word in title.split():
            assert any(word in part for part in shown), word
