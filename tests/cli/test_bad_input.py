"""Bad input: a clear message naming what and where, the right exit status, nothing written.

Each case runs on its own copy of the example board; the cases of a table run at once
(each in its own process) to keep the suite fast, and each test then checks one case.
"""

from __future__ import annotations

import sqlite3
import subprocess
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from cli_support import (
    DemoBoard,
    assert_error,
    assert_import_problems,
    count_items,
    csv_bytes,
    execute,
    make_env,
    run_parallel,
    short,
    snapshot,
)


@dataclass
class Outcome:
    result: subprocess.CompletedProcess[str]
    before: dict[str, list[Any]]
    after: dict[str, list[Any]]

    def assert_nothing_written(self) -> None:
        assert self.after == self.before


def _run_cases(
    demo: DemoBoard, home: Path, cases: dict[str, tuple[str, ...]]
) -> dict[str, Outcome]:
    """Run every case on its own copy of the demo board, all at once."""
    env = make_env(home)
    dbs = {name: demo.copy_to(home, f"{name}.sqlite") for name in cases}
    before = {name: snapshot(db) for name, db in dbs.items()}
    results = run_parallel(
        [("--db", str(dbs[name]), *args) for name, args in cases.items()], env=env, cwd=home
    )
    return {
        name: Outcome(result, before[name], snapshot(dbs[name]))
        for name, result in zip(cases, results, strict=True)
    }


# -- CSV files ------------------------------------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"

SEVERAL_BAD = csv_bytes(
    [
        "title,description,likelihood,consequence,status,due_date",
        'Grei oppgave,"to\r\nlinjer",3,3,backlog,',  # lines 2-3: fine
        "Feil 1,,9,3,backlog,",  # line 4
        "Feil 2,,3,0,Pågår,31/02/2026",  # line 5
        "Feil 3,,høy,3,Parkert,next week",  # line 6
        "Også grei,,1,1,done,2026-12-31",  # line 7: fine
    ]
)
SEVERAL_BAD_CELLS = [
    (4, "likelihood"),
    (5, "consequence"),
    (5, "due_date"),
    (6, "likelihood"),
    (6, "status"),
    (6, "due_date"),
]


def _csv_files(demo: DemoBoard) -> dict[str, bytes]:
    existing = demo.open_items[0]["id"]
    fresh = str(uuid.UUID(int=0x1234_5678_9ABC_7DEF_8123_4567_89AB_CDEF))
    return {
        "likelihood_7": csv_bytes(["title,likelihood", "Ny oppgave,7"]),
        "consequence_0": csv_bytes(["title,consequence", "Ny oppgave,0"]),
        "likelihood_hoy": csv_bytes(["title,likelihood", "Ny oppgave,høy"]),
        "unknown_status": csv_bytes(["title,status", "Ny oppgave,Parkert"]),
        "due_31_02": csv_bytes(["title,due_date", "Ny oppgave,31/02/2026"]),
        "due_next_week": csv_bytes(["title,due_date", "Ny oppgave,next week"]),
        "duplicate_existing_id": csv_bytes(
            ["id,title", f"{existing},Første", f"{fresh},Annen", f"{existing},Tredje"]
        ),
        "duplicate_new_id": csv_bytes(["id,title", f"{fresh},Første", f"{fresh},Annen"]),
        "binary": PNG,
        "empty": b"",
        "bom_only": b"\xef\xbb\xbf\r\n",
        "no_title_column": csv_bytes(["status,likelihood", "backlog,3"]),
        "several_bad_cells": SEVERAL_BAD,
    }


@pytest.fixture(scope="module")
def imports(demo: DemoBoard, tmp_path_factory) -> dict[str, tuple[Path, Outcome]]:
    home = tmp_path_factory.mktemp("bad-csv")
    files = {}
    for name, data in _csv_files(demo).items():
        files[name] = home / f"{name}.csv"
        files[name].write_bytes(data)
    outcomes = _run_cases(demo, home, {name: ("import", str(path)) for name, path in files.items()})
    return {name: (files[name], outcomes[name]) for name in files}


@pytest.mark.parametrize(
    ("case", "column", "problem"),
    [
        ("likelihood_7", "likelihood", "“7” is outside 1–5"),
        ("consequence_0", "consequence", "“0” is outside 1–5"),
        ("likelihood_hoy", "likelihood", "“høy” is not a whole number"),
        ("unknown_status", "status", "“Parkert” is not a column"),
        ("due_31_02", "due_date", "“31/02/2026” is not a date"),
        ("due_next_week", "due_date", "“next week” is not a date"),
    ],
)
def test_bad_cell_is_reported_with_line_and_column(imports, case, column, problem):
    path, outcome = imports[case]
    lines = assert_import_problems(outcome.result, (2, column))
    assert str(path) in lines[0]
    assert lines[1:] == [f"  line 2, column {column}: " + lines[1].split(": ", 1)[1]]
    assert problem in lines[1]
    outcome.assert_nothing_written()


@pytest.mark.parametrize(
    ("case", "first", "second"),
    [
        ("duplicate_existing_id", 2, 4),
        ("duplicate_new_id", 2, 3),
    ],
)
def test_duplicate_ids_in_one_file_name_both_lines(imports, case, first, second):
    _, outcome = imports[case]
    lines = assert_import_problems(outcome.result, (second, "id"))
    (problem,) = lines[1:]
    assert f"also appears on line {first}" in problem
    outcome.assert_nothing_written()


@pytest.mark.parametrize(
    ("case", "says"),
    [
        ("binary", "is not a CSV file"),
        ("empty", "is empty"),
        ("bom_only", "is empty"),
        ("no_title_column", "has no “title” column"),
    ],
)
def test_file_level_problems(imports, case, says):
    path, outcome = imports[case]
    assert_error(outcome.result, 2, str(path), says)
    outcome.assert_nothing_written()


def test_every_bad_cell_of_a_file_is_reported(imports):
    _, outcome = imports["several_bad_cells"]
    lines = assert_import_problems(outcome.result, *SEVERAL_BAD_CELLS)
    assert "problems found: 6" in lines[0]
    assert len(lines) == 1 + len(SEVERAL_BAD_CELLS)
    for fine in (2, 3, 7):
        assert f"line {fine}," not in outcome.result.stderr
    outcome.assert_nothing_written()


# -- command arguments ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def commands(demo: DemoBoard, tmp_path_factory) -> dict[str, Outcome]:
    home = tmp_path_factory.mktemp("bad-args")
    item = short(next(i["id"] for i in demo.open_items if not i["pinned"]))
    linked = next(i for i in demo.open_items if i["chain"] and i["link"])
    return _run_cases(
        demo,
        home,
        {
            "set_likelihood_7": ("set", item, "likelihood=7"),
            "set_consequence_0": ("set", item, "consequence=0"),
            "set_likelihood_hoy": ("set", item, "likelihood=høy"),
            "set_status": ("set", item, "status=parkert"),
            "set_due_31_02": ("set", item, "due_date=31/02/2026"),
            "set_due_next_week": ("set", item, "due_date=next week"),
            "set_two_one_bad": ("set", item, "likelihood=1", "consequence=6"),
            "set_unknown_field": ("set", item, "colour=red"),
            "set_without_equals": ("set", item, "likelihood"),
            "add_likelihood_7": ("add", "Ny", "--likelihood", "7"),
            "add_unknown_chain": ("add", "Ny", "--chain", "Finnes ikke"),
            "add_link_without_chain": ("add", "Ny", "--link", linked["link"]),
            "add_empty_title": ("add", "  "),
            "move_status": ("move", item, "parkert"),
            "list_status": ("list", "--status", "parkert"),
            "pin_without_reason": ("pin", item, " "),
            "delegate_unknown_unit": ("delegate", item, "--to", "Finnes ikke"),
            "maturity_unknown_link": ("maturity", linked["chain"], "Finnes ikke", "2"),
            "maturity_out_of_range": ("maturity", linked["chain"], linked["link"], "5"),
        },
    )


@pytest.mark.parametrize(
    ("case", "needles"),
    [
        ("set_likelihood_7", ("likelihood", "“7” is outside 1–5")),
        ("set_consequence_0", ("consequence", "“0” is outside 1–5")),
        ("set_likelihood_hoy", ("likelihood", "“høy” is not a whole number")),
        ("set_status", ("status", "“parkert” is not a column")),
        ("set_due_31_02", ("due_date", "“31/02/2026” is not a date")),
        ("set_due_next_week", ("due_date", "“next week” is not a date")),
        ("set_two_one_bad", ("consequence", "“6” is outside 1–5")),
        ("set_unknown_field", ("unknown field “colour”", "likelihood")),
        ("set_without_equals", ("“likelihood” is not FIELD=VALUE",)),
        ("add_likelihood_7", ("likelihood", "“7” is outside 1–5")),
        ("add_unknown_chain", ("no chain is called “Finnes ikke”",)),
        ("add_link_without_chain", ("give the chain too",)),
        ("add_empty_title", ("title is missing",)),
        ("move_status", ("“parkert” is not a column", "backlog, next, doing, verify, done")),
        ("list_status", ("--status", "“parkert” is not a column")),
        ("pin_without_reason", ("say why the item is pinned",)),
        ("delegate_unknown_unit", ("no unit is called “Finnes ikke”",)),
        ("maturity_unknown_link", ("has no link “Finnes ikke”",)),
    ],
)
def test_bad_command_argument(commands, case, needles):
    outcome = commands[case]
    assert_error(outcome.result, 2, *needles)
    outcome.assert_nothing_written()


def test_argument_the_parser_rejects(commands):
    # argparse's own errors: exit 2 and a message naming the argument (its second line is a
    # pointer to --help; see the report).
    outcome = commands["maturity_out_of_range"]
    assert outcome.result.returncode == 2
    first = outcome.result.stderr.splitlines()[0]
    assert "argument maturity" in first and "5" in first and "0, 1, 2, 3" in first
    assert outcome.result.stdout == ""
    outcome.assert_nothing_written()


# -- the database file ------------------------------------------------------------------------


def _siblings(path: Path) -> set[str]:
    return {p.name for p in path.parent.iterdir()} - {path.name}


@pytest.fixture(scope="module")
def refusals(demo: DemoBoard, tmp_path_factory) -> dict[str, Any]:
    """Commands on files that are no board of ours, all at once; each file's bytes before."""
    home = tmp_path_factory.mktemp("bad-db")
    missing = home / "missing" / "deeper" / "board.sqlite"
    text = home / "text" / "notes.txt"
    text.parent.mkdir()
    text.write_bytes(b"id,title\r\nthis is not a database\r\n")
    other = home / "other" / "other.sqlite"
    other.parent.mkdir()
    conn = sqlite3.connect(other)
    try:
        with conn:
            conn.execute("CREATE TABLE foo (x TEXT)")
            conn.execute("INSERT INTO foo VALUES ('keep me')")
    finally:
        conn.close()
    newer = home / "newer" / "board.sqlite"
    newer.parent.mkdir()
    demo.copy_to(newer.parent, newer.name)
    execute(newer, "UPDATE alembic_version SET version_num = '9999'")
    files = {"text": text, "other": other, "newer": newer}
    original = {name: path.read_bytes() for name, path in files.items()}
    cases = {
        "missing_list": (missing, "list"),
        "missing_add": (missing, "add", "Ny"),
        "text_add": (text, "add", "Ny"),
        "text_import": (text, "import", str(text)),
        "other_list": (other, "list"),
        "other_demo": (other, "demo"),
        "newer_add": (newer, "add", "Ny"),
    }
    results = run_parallel(
        [("--db", str(db), *args) for db, *args in cases.values()], env=make_env(home), cwd=home
    )
    return {
        "home": home,
        "missing": missing,
        "files": files,
        "original": original,
        "results": dict(zip(cases, results, strict=True)),
    }


def _siblings(path: Path) -> set[str]:
    return {p.name for p in path.parent.iterdir()} - {path.name}


def test_db_in_a_missing_folder(refusals):
    missing = refusals["missing"]
    for case in ("missing_list", "missing_add"):
        assert_error(refusals["results"][case], 2, str(missing.parent), "does not exist")
    assert not (refusals["home"] / "missing").exists()


def test_db_that_is_a_text_file_is_refused_and_untouched(refusals):
    text = refusals["files"]["text"]
    for case in ("text_add", "text_import"):
        assert_error(refusals["results"][case], 2, str(text), "not a kanban-sec database")
    assert text.read_bytes() == refusals["original"]["text"]
    assert _siblings(text) == set()


def test_db_of_another_program_is_refused_and_untouched(refusals):
    other = refusals["files"]["other"]
    for case in ("other_list", "other_demo"):
        assert_error(refusals["results"][case], 2, str(other), "not a kanban-sec one")
    assert other.read_bytes() == refusals["original"]["other"]
    assert _siblings(other) == set()


def test_db_from_a_newer_version_is_refused_and_untouched(refusals):
    newer = refusals["files"]["newer"]
    assert_error(refusals["results"]["newer_add"], 2, str(newer), "newer kanban-sec", "9999")
    assert newer.read_bytes() == refusals["original"]["newer"]


def test_db_locked_by_another_writer(demo, run, tmp_path, cli_env):
    target = demo.copy_to(tmp_path)
    source = tmp_path / "one.csv"
    source.write_bytes(csv_bytes(["title", "Ny fra fil"]))
    before = snapshot(target)
    env = {**cli_env, "KANBAN_SEC_BUSY_TIMEOUT_MS": "300"}
    holder = sqlite3.connect(target, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        started = time.monotonic()
        added, imported = run.many(
            ("--db", target, "add", "Ny mens låst"), ("--db", target, "import", source), env=env
        )
        waited = time.monotonic() - started
        holder.execute("ROLLBACK")
    finally:
        holder.close()
    for result in (added, imported):
        assert_error(result, 1, str(target), "is locked by another program")
    assert waited >= 0.3  # it waited for the other writer before giving up
    assert count_items(target) == len(demo.items)
    assert snapshot(target) == before
    # once the other writer is done, the same command goes through
    assert run("--db", target, "add", "Ny etterpå", env=env).returncode == 0
    assert count_items(target) == len(demo.items) + 1
