"""Fuzzing the CSV import: it succeeds or says why (a KanbanError), and a refusal writes nothing."""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from kanban_sec.domain.errors import KanbanError
from kanban_sec.exchange.csv_codec import HEADER
from kanban_sec.services.board import BoardService
from kanban_sec.services.csv_exchange import import_csv
from kanban_sec.services.demo import load_demo
from kanban_sec.services.session import Session
from kanban_sec.store.database import open_database

_JUNK_COLUMNS = [
    "",
    " ",
    "Title",
    "TITLE ",
    "tittel",
    "x",
    "id;title",
    '"title"',
    "\ufefftitle",
    "status\n",
    "=cmd",
    "ÆØÅ",
    "title\x00",
]

_CELL_BITS = [
    "",
    " ",
    "backlog",
    "doing",
    "done",
    "ready",
    "blocked",
    "todo",
    "0",
    "1",
    "5",
    "6",
    "-1",
    "99999999999999999999999999999999",
    "1e308",
    "NaN",
    "inf",
    "3.5",
    "2024-03-01",
    "01.03.2024 09:30",
    "2024-02-30",
    "31.02.2024",
    "0000-00-00",
    "9999-12-31T23:59:59Z",
    "2024-03-01T08:00:00Z",
    "yesterday",
    "=1+1",
    "+SUM(A1)",
    "-2+3",
    "@cmd",
    "'=x",
    '"',
    '""',
    '"quoted, cell"',
    "a\nb",
    "a\r\nb",
    "\r",
    ";",
    ",",
    "\t",
    "\ufeff",
    "\x00",
    "æøå ÆØÅ",
    "€",
    "\u2028",
    "😀",
    "S",
    "M",
    "L",
    "XL",
    "public",
    "internal",
    "restricted",
    "confidential",
    "tag1, tag2",
    '["a"]',
    "{}",
    "yes",
    "no",
    "true",
    "ISO 27001 A.5.1",
    "00000000-0000-0000-0000-000000000000",
    "not-an-id",
    "x" * 300,
]

_cells = st.one_of(
    st.sampled_from(_CELL_BITS),
    st.text(max_size=12),
    st.lists(st.sampled_from(_CELL_BITS), max_size=3).map(" ".join),
)
_columns = st.one_of(st.sampled_from(HEADER), st.sampled_from(_JUNK_COLUMNS))


@st.composite
def csv_bytes(draw: st.DrawFn) -> bytes:
    # Half the files are nearly right (known columns, once each), so imports get far too.
    clean = draw(st.booleans())
    delimiter = draw(st.sampled_from([",", ";", "\t", "|"]))
    if clean:
        header = draw(
            st.lists(st.sampled_from([c for c in HEADER if c != "title"]), max_size=5, unique=True)
        )
        header.insert(draw(st.integers(0, len(header))), "title")
    else:
        header = draw(st.lists(_columns, min_size=0, max_size=7))
        if draw(st.booleans()):
            header = ["title", *header]
    width = st.integers(len(header), len(header)) if clean else st.integers(0, len(header) + 2)
    rows = draw(
        st.lists(width.flatmap(lambda n: st.lists(_cells, min_size=n, max_size=n)), max_size=5)
    )
    lines = []
    for record in [header, *rows]:
        if draw(st.booleans()):  # quoted as a writer would, or raw as a person types
            record = ['"' + cell.replace('"', '""') + '"' for cell in record]
        lines.append(delimiter.join(record))
    newline = draw(st.sampled_from(["\r\n", "\n", "\r"]))
    text = newline.join(lines) + draw(st.sampled_from(["", newline]))
    encoding = draw(
        st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16", "utf-16-le", "latin-1"])
    )
    data = text.encode(encoding, errors="replace")
    if not clean and draw(st.booleans()):  # damage: a byte or a few inserted, or the file cut short
        position = draw(st.integers(0, len(data)))
        junk = draw(
            st.sampled_from(
                [
                    b"\xef\xbb\xbf",
                    b"\xff\xfe",
                    b"\x00",
                    b"\x81\x8d",
                    b"\xe6\xf8\xe5",
                    b"\x80",
                    b"\xc3",
                    b"\r",
                ]
            )
        )
        data = data[:position] + junk + data[position:]
    if not clean and draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    return data


def _dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table (the change log too), in a stable order."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        dump = {}
        for table in tables:
            rows = conn.execute(f'SELECT * FROM "{table}"').fetchall()
            dump[table] = sorted(rows, key=repr)
        return dump
    finally:
        conn.close()


@pytest.fixture(scope="module")
def template() -> Iterator[Path]:
    """A small example board, made once; each example imports into a copy of it."""
    folder = Path(tempfile.mkdtemp(prefix="csv-fuzz-"))
    path = folder / "template.sqlite"
    db = open_database(path, daily_backup=False)
    try:
        load_demo(BoardService(Session(db, "tester", "en")))
    finally:
        db.close()
    conn = sqlite3.connect(path)  # one file, no WAL beside it, so a copy is complete
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    yield path
    shutil.rmtree(folder, ignore_errors=True)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
@given(data=csv_bytes(), dry_run=st.booleans())
def test_import_succeeds_or_refuses_and_a_refusal_writes_nothing(template, data, dry_run):
    with tempfile.TemporaryDirectory(prefix="csv-fuzz-") as scratch:
        board = Path(scratch) / "board.sqlite"
        shutil.copyfile(template, board)
        source = Path(scratch) / "in.csv"
        source.write_bytes(data)
        before = _dump(board)
        db = open_database(board, daily_backup=False)
        try:
            service = BoardService(Session(db, "tester", "en"))
            try:
                import_csv(service, source, dry_run=dry_run)
            except KanbanError as error:
                error.message("en")  # the refusal can be told to the user
                event(f"refused: {type(error).__name__}")
                failed = True
            else:
                event("imported")
                failed = dry_run
        finally:
            db.close()
        if failed:
            assert _dump(board) == before
