"""`import` of what Excel really writes, `--dry-run`, and unknown columns."""

from __future__ import annotations

import json

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
    "Kommune / Oppvekst / Team Øst;\"første linje\r\nandre linje: æøå ÆØÅ\";\"ø;å\"",
    "Øve på gjenoppretting;neste;Skolenett;Brannmur ØST;2;3;Kommune / Oppvekst;;",
    "Årlig ROS-analyse;VERIFISERES;;;3;3;Kommune;;",
    "Fjerne gamle kontoer;Ferdig;Skolenett;Brannmur ØST;1;1;Kommune / Oppvekst;;",
]


def test_windows_1252_semicolon_file_from_norwegian_excel(run, tmp_path):
    source = tmp_path / "fra-excel.csv"
    source.write_bytes(csv_bytes(EXCEL_NB_LINES, encoding="cp1252"))
    assert "æ".encode("cp1252") in source.read_bytes()  # really not UTF-8
    db = tmp_path / "board.sqlite"

    out = assert_ok(run("--db", db, "import", source, "--dry-run"))
    assert out == (f"dry run of {source}: 4 new, 0 would change, 0 unchanged; "
                   "nothing was written\n")
    empty = snapshot(db)
    assert all(not empty[t] for t in ("items", "changes", "org_units", "chains", "links"))

    out = assert_ok(run("--db", db, "import", source))
    assert out == f"imported {source}: 4 new, 0 changed, 0 unchanged\n"
    items = {i["title"]: i for i in list_json(run, db, "--all")}
    assert set(items) == {"Ærlig gjennomgang av åpne porter", "Øve på gjenoppretting",
                          "Årlig ROS-analyse", "Fjerne gamle kontoer"}
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
    assert description in ("første linje\r\nandre linje: æøå ÆØÅ",
                           "første linje\nandre linje: æøå ÆØÅ")
    assert [i["rank"] for i in list_json(run, db)] == [1, 2, 3]


def test_utf8_with_bom_and_semicolons(run, tmp_path):
    source = tmp_path / "utf8.csv"
    source.write_bytes(csv_bytes([
        "Title;Status;Likelihood;Consequence;Owner_Unit;Classification",
        "Personvernerklæring på nett;Backlog;2;4;Kommune / Kommunikasjon;Intern",
        "Kryptert e-post til NAV;pågår;5;5;Kommune / Kommunikasjon;åpen",
    ], bom=True))
    db = tmp_path / "board.sqlite"
    out = assert_ok(run("--db", db, "import", source))
    assert out == f"imported {source}: 2 new, 0 changed, 0 unchanged\n"
    items = list_json(run, db)
    assert [(i["title"], i["status"], i["score"], i["rank"]) for i in items] == [
        ("Kryptert e-post til NAV", "doing", 75, 1),
        ("Personvernerklæring på nett", "backlog", 24, 2),
    ]
    assert all(i["owner_unit"] == "Kommune / Kommunikasjon" for i in items)
    assert sql(db, "SELECT classification FROM items ORDER BY title") == [
        ("open",), ("internal",)]


def test_dry_run_of_updates_reports_and_writes_nothing(demo, run, demo_db, tmp_path):
    target = demo.open_items[0]
    source = tmp_path / "update.csv"
    source.write_bytes(csv_bytes([
        "id,title,likelihood",
        f"{target['id']},{target['title']},{6 - target['likelihood']}",
        ",Helt ny oppgave,2",
    ]))
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
    assert_error(run("--db", demo_db, "import", source), 2, "unknown columns", "Farge",
                 "--ignore-unknown-columns")
    assert snapshot(demo_db) == before

    out = assert_ok(run("--db", demo_db, "import", source, "--ignore-unknown-columns"))
    assert out == f"imported {source}: 1 new, 0 changed, 0 unchanged\n"
    (item,) = [i for i in json.loads(assert_ok(run("--db", demo_db, "list", "--json")))
               if i["title"] == "Merke skap"]
    assert item["likelihood"] == 2
