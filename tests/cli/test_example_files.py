"""The example board is data files (resources/demo/): its items are a CSV in the board's own
export format, and what the files say is what `demo` loads."""

from __future__ import annotations

import csv
import json
import shutil
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest
from cli_support import HEADER, DemoBoard, assert_ok

from kanban_sec.exchange.example_board import example_folder, read_example
from kanban_sec.services.board import BoardService
from kanban_sec.services.demo import load_demo
from kanban_sec.services.session import Session
from kanban_sec.store.database import open_database

FOLDER = example_folder()


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as file:
        return list(csv.DictReader(file))


def test_the_items_file_is_what_the_export_writes_for_those_items(demo: DemoBoard, tmp_path, run):
    out = tmp_path / "export.csv"
    # An export is recorded on the board: on a copy, not the shared example.
    board = demo.copy_to(tmp_path)
    assert_ok(run("--db", board, "export", out, "--include-done", "--include-confidential"))
    exported = {row["title"]: row for row in _rows(out)}
    ours = _rows(FOLDER / "items.csv")
    assert ours and set(ours[0]) <= set(HEADER)
    # The file was exported at a moment; loaded later, its dates all move by the same days.
    shifts = set()
    for row in ours:
        written = exported[row["title"]]
        for column, cell in row.items():
            if column == "created_at":
                continue
            if column == "due_date" and cell:
                shifts.add(date.fromisoformat(written[column]) - date.fromisoformat(cell))
            else:
                assert written[column] == cell, (row["title"], column)
    assert len(shifts) == 1


def test_what_the_files_say_is_what_the_example_loads(tmp_path, run):
    folder = tmp_path / "demo"
    shutil.copytree(FOLDER, folder)
    # A newcomer adds an item (in the export's format) and fixes a link's maturity.
    items = folder / "items.csv"
    with items.open("a", encoding="utf-8", newline="") as file:
        header = _rows(items)[0].keys()
        row = {column: "" for column in header}
        row.update(
            title="Loggføring av innlogging på skrivere",
            status="next",
            chain="Infrastruktur",
            link="Skrivere og IoT",
            likelihood="4",
            consequence="3",
            effort="S",
            owner_unit="Eksempel kommune / Utviklings- og kompetanseetaten / Drift / Team Klient",
            owner_person="Ola Brekke",
            classification="internal",
            tags="logg;skriver",
            created_at="2026-11-27 10:00:00",
        )
        csv.DictWriter(file, header, lineterminator="\r\n").writerow(row)
    chains = folder / "chains.toml"
    text = chains.read_text(encoding="utf-8")
    block = text[text.index('name = "Skrivere og IoT"') :]
    block = block[: block.index("maturity = 1") + len("maturity = 1")]
    chains.write_text(
        text.replace(block, block.replace("maturity = 1", "maturity = 2")), encoding="utf-8"
    )
    db_path = tmp_path / "board.sqlite"
    db = open_database(db_path, daily_backup=False)
    try:
        outcome = load_demo(BoardService(Session(db, "tester")), folder=folder)
    finally:
        db.close()
    assert (
        outcome.counts["items"]
        == len(read_example().items) + 1 + outcome.counts["kept"] + outcome.counts["generated"]
    )
    listed = json.loads(assert_ok(run("--db", db_path, "list", "--json")))
    added = next(i for i in listed if i["title"] == "Loggføring av innlogging på skrivere")
    assert (added["status"], added["chain"], added["link"], added["owner_person"]) == (
        "next",
        "Infrastruktur",
        "Skrivere og IoT",
        "Ola Brekke",
    )
    assert (added["likelihood"], added["consequence"], added["link_maturity"]) == (4, 3, 2)
    # Target 3, maturity 2 (not the 1 the example had): gap 1, score 4 × 3 × 1.
    assert (added["gap"], added["score"]) == (1, 12) and added["rank"] >= 1


def test_a_bad_cell_in_the_files_names_its_line(tmp_path):
    folder = tmp_path / "demo"
    shutil.copytree(FOLDER, folder)
    items = folder / "items.csv"
    rows = _rows(items)
    rows[2]["status"] = "somewhere"
    with items.open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.DictWriter(file, rows[0].keys(), lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)
    with pytest.raises(ValueError, match=r"items\.csv, line \d+: status = 'somewhere'"):
        read_example(folder)


def test_the_example_moves_with_the_day_it_is_loaded(tmp_path):
    db = open_database(tmp_path / "board.sqlite", daily_backup=False)
    try:
        load_demo(BoardService(Session(db, "tester")), today=date(2027, 3, 10))
    finally:
        db.close()
    with sqlite3.connect(tmp_path / "board.sqlite") as conn:
        due = dict(
            conn.execute(
                "SELECT title, due_date FROM items WHERE due_date IS NOT NULL"
                " AND activity_id IS NULL"
            ).fetchall()
        )
    example = {item["title"]: item for item in read_example().items}
    assert due and all(
        date.fromisoformat(day) == date(2027, 3, 10) + timedelta(days=example[title]["due_in_days"])
        for title, day in due.items()
    )
