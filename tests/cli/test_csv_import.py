"""`import` of what Excel really writes, `--dry-run`, and unknown columns."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from datetime import UTC, date, datetime

import pytest
from cli_support import (
    assert_error,
    assert_ok,
    by_id,
    count_items,
    csv_bytes,
    list_json,
    snapshot,
    sql,
)

# Norwegian Excel, "CSV (semikolonseparert)": Windows-1252, ";", CRLF, a quoted cell with an
# embedded CRLF, status by the Norwegian column names.
EXCEL_NB_LINES = [
    "title;status;chain;link;likelihood;consequence;owner_unit;description;tags",
    "Ærlig gjennomgang av åpne porter;Pågår;Skolenett;Brannmur ØST;4;5;"
    'Kommune / Oppvekst / Team Øst;"første linje\r\nandre linje: æøå ÆØÅ";"ø;å"',
    "Øve på gjenoppretting;neste;Skolenett;Brannmur ØST;2;3;Kommune / Oppvekst;;",
    "Årlig ROS-analyse;VERIFISERES;;;3;3;Kommune;;",
    "Fjerne gamle kontoer;Ferdig;Skolenett;Brannmur ØST;1;1;Kommune / Oppvekst;;",
]


def saved_by_norwegian_excel(data: bytes, *, utf8: bool) -> bytes:
    """Our export as Norwegian Excel saves it after opening it with a double-click: each
    time and date it read as one written back as it shows it (``04.12.2026 14:30``,
    ``31.12.2026``), ``;`` and CRLF; "CSV UTF-8" with a BOM, else "CSV (semikolondelt)" in
    Windows-1252 without one."""
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    header = rows[0]
    times = [header.index(c) for c in ("created_at", "updated_at", "done_at")]
    due = header.index("due_date")
    for row in rows[1:]:
        for i in times:
            if re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", row[i]):  # not with offset
                row[i] = datetime.fromisoformat(row[i]).strftime("%d.%m.%Y %H:%M")
        if row[due]:
            row[due] = date.fromisoformat(row[due]).strftime("%d.%m.%Y")
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
    return b"\xef\xbb\xbf" + out.getvalue().encode() if utf8 else out.getvalue().encode("cp1252")


@pytest.mark.parametrize("utf8", [False, True], ids=["cp1252", "utf8-bom"])
def test_a_file_norwegian_excel_saved_back_imports_losslessly(demo, run, demo_db, tmp_path, utf8):
    flags = ("--delimiter", ";", "--include-done", "--include-confidential")
    first, edited, second = (tmp_path / n for n in ("first.csv", "excel.csv", "second.csv"))
    assert_ok(run("--db", demo_db, "export", first, *flags))
    edited.write_bytes(saved_by_norwegian_excel(first.read_bytes(), utf8=utf8))
    data = edited.read_bytes()
    assert re.search(rb";\d\d\.\d\d\.\d{4} \d\d:\d\d;", data)  # Excel's own form
    assert re.search(rb";\d\d\.\d\d\.\d{4};", data), "the demo has due dates"
    assert b"\r\n" in data and (data.startswith(b"\xef\xbb\xbf") == utf8)
    count = len(demo.items)

    # into the same board: every due date read as the same day, nothing changes ...
    out = assert_ok(run("--db", demo_db, "import", edited))
    assert out == f"imported {edited}: 0 new, 0 changed, {count} unchanged\n"
    # ... and the next export is byte for byte the first
    assert_ok(run("--db", demo_db, "export", second, *flags))
    assert second.read_bytes() == first.read_bytes()

    # into a new board: the items keep their history, to the minute Excel shows
    fresh = tmp_path / "fresh.sqlite"
    out = assert_ok(run("--db", fresh, "import", edited))
    assert out == f"imported {edited}: {count} new, 0 changed, 0 unchanged\n"
    copied = {i: (c, d) for i, c, d in sql(fresh, "SELECT id, created_at, done_at FROM items")}

    def minute(stamp: str | None) -> datetime | None:
        return datetime.fromisoformat(stamp).replace(second=0, microsecond=0) if stamp else None

    for item_id, created, done in sql(demo_db, "SELECT id, created_at, done_at FROM items"):
        got_created, got_done = copied[item_id]
        assert datetime.fromisoformat(got_created) == minute(created), item_id
        assert (datetime.fromisoformat(got_done) if got_done else None) == minute(done)
    assert any(done for _, done in copied.values())
    assert datetime.fromisoformat(next(iter(copied.values()))[0]).tzinfo == UTC


def test_windows_1252_semicolon_file_from_norwegian_excel(run, tmp_path):
    source = tmp_path / "fra-excel.csv"
    source.write_bytes(csv_bytes(EXCEL_NB_LINES, encoding="cp1252"))
    assert "æ".encode("cp1252") in source.read_bytes()  # really not UTF-8
    db = tmp_path / "board.sqlite"

    out = assert_ok(run("--db", db, "import", source, "--dry-run"))
    assert out == (
        f"dry run of {source}: 4 new, 0 would change, 0 unchanged; nothing was written\n"
    )
    empty = snapshot(db)
    assert all(not empty[t] for t in ("items", "changes", "org_units", "chains", "links"))

    out = assert_ok(run("--db", db, "import", source))
    assert out == f"imported {source}: 4 new, 0 changed, 0 unchanged\n"
    items = {i["title"]: i for i in list_json(run, db, "--all")}
    assert set(items) == {
        "Ærlig gjennomgang av åpne porter",
        "Øve på gjenoppretting",
        "Årlig ROS-analyse",
        "Fjerne gamle kontoer",
    }
    first = items["Ærlig gjennomgang av åpne porter"]
    assert first["status"] == "doing"
    assert (first["chain"], first["link"]) == ("Skolenett", "Brannmur ØST")
    assert first["owner_unit"] == "Kommune / Oppvekst / Team Øst"
    assert (first["likelihood"], first["consequence"], first["score"]) == (4, 5, 60)
    assert first["tags"] == ["ø", "å"]
    assert items["Øve på gjenoppretting"]["status"] == "next"
    assert items["Årlig ROS-analyse"]["status"] == "verify"
    assert items["Årlig ROS-analyse"]["chain"] is None
    assert items["Fjerne gamle kontoer"]["status"] == "done"
    assert items["Fjerne gamle kontoer"]["rank"] is None
    (description,) = sql(db, "SELECT description FROM items WHERE id = ?", first["id"])[0]
    assert description in (
        "første linje\r\nandre linje: æøå ÆØÅ",
        "første linje\nandre linje: æøå ÆØÅ",
    )
    assert [i["rank"] for i in list_json(run, db)] == [1, 2, 3]


def test_utf8_with_bom_and_semicolons(run, tmp_path):
    source = tmp_path / "utf8.csv"
    source.write_bytes(
        csv_bytes(
            [
                "Title;Status;Likelihood;Consequence;Owner_Unit;Classification",
                "Personvernerklæring på nett;Backlog;2;4;Kommune / Kommunikasjon;Intern",
                "Kryptert e-post til NAV;pågår;5;5;Kommune / Kommunikasjon;åpen",
            ],
            bom=True,
        )
    )
    db = tmp_path / "board.sqlite"
    out = assert_ok(run("--db", db, "import", source))
    assert out == f"imported {source}: 2 new, 0 changed, 0 unchanged\n"
    items = list_json(run, db)
    assert [(i["title"], i["status"], i["score"], i["rank"]) for i in items] == [
        # In no chain: gap 1, so the score is likelihood × consequence.
        ("Kryptert e-post til NAV", "doing", 25, 1),
        ("Personvernerklæring på nett", "backlog", 8, 2),
    ]
    assert all(i["owner_unit"] == "Kommune / Kommunikasjon" for i in items)
    assert sql(db, "SELECT classification FROM items ORDER BY title") == [("open",), ("internal",)]


def test_dry_run_of_updates_reports_and_writes_nothing(demo, run, demo_db, tmp_path):
    # (Not a measure of a ROS risk: those take the risk's likelihood; see below.)
    with sqlite3.connect(demo_db) as conn:
        measures = {r[0] for r in conn.execute("SELECT id FROM items WHERE risk_id IS NOT NULL")}
    target = next(i for i in demo.open_items if i["id"] not in measures)
    source = tmp_path / "update.csv"
    source.write_bytes(
        csv_bytes(
            [
                "id,title,likelihood",
                f"{target['id']},{target['title']},{6 - target['likelihood']}",
                ",Helt ny oppgave,2",
            ]
        )
    )
    before = snapshot(demo_db)
    out = assert_ok(run("--db", demo_db, "import", source, "--dry-run"))
    assert out == f"dry run of {source}: 1 new, 1 would change, 0 unchanged; nothing was written\n"
    assert snapshot(demo_db) == before
    out = assert_ok(run("--db", demo_db, "import", source))
    assert out == f"imported {source}: 1 new, 1 changed, 0 unchanged\n"
    after = by_id(list_json(run, demo_db))
    assert after[target["id"]]["likelihood"] == 6 - target["likelihood"]
    assert count_items(demo_db) == len(demo.items) + 1


def test_unknown_columns_are_refused_unless_ignored(demo, run, demo_db, tmp_path):
    source = tmp_path / "extra.csv"
    source.write_bytes(csv_bytes(["title,Farge,likelihood", "Merke skap,rød,2"]))
    before = snapshot(demo_db)
    assert_error(
        run("--db", demo_db, "import", source),
        2,
        "unknown columns",
        "Farge",
        "--ignore-unknown-columns",
    )
    assert snapshot(demo_db) == before

    out = assert_ok(run("--db", demo_db, "import", source, "--ignore-unknown-columns"))
    assert out == f"imported {source}: 1 new, 0 changed, 0 unchanged\n"
    (item,) = [
        i
        for i in json.loads(assert_ok(run("--db", demo_db, "list", "--json")))
        if i["title"] == "Merke skap"
    ]
    assert item["likelihood"] == 2


def test_a_measure_takes_its_risks_likelihood_and_import_says_so(demo, run, demo_db, tmp_path):
    """An item that is a measure of a ROS risk shows the risk's likelihood and consequence:
    importing them back unchanged is fine, another value is refused with where to change it."""
    with sqlite3.connect(demo_db) as conn:
        item_id, title, risk_likelihood, risk = conn.execute(
            "SELECT i.id, i.title, r.likelihood, r.title FROM items i"
            " JOIN ros_risks r ON r.id = i.risk_id WHERE r.likelihood IS NOT NULL LIMIT 1"
        ).fetchone()
    same, other = tmp_path / "same.csv", tmp_path / "other.csv"
    same.write_bytes(csv_bytes(["id,title,likelihood", f"{item_id},{title},{risk_likelihood}"]))
    other.write_bytes(
        csv_bytes(["id,title,likelihood", f"{item_id},{title},{risk_likelihood % 5 + 1}"])
    )
    before = snapshot(demo_db)
    out = assert_ok(run("--db", demo_db, "import", same, "--dry-run"))
    assert out == f"dry run of {same}: 0 new, 0 would change, 1 unchanged; nothing was written\n"
    refused = run("--db", demo_db, "import", other)
    assert refused.returncode == 2
    assert f"“{title}” is a measure of the ROS risk “{risk}”" in refused.stderr
    assert snapshot(demo_db) == before
