"""`import` of CSV saved by Excel on a Mac (MacRoman, CR or CRLF), of Windows-1252 from
Norwegian Excel on Windows beside it, and of a file whose encoding cannot be told."""

from __future__ import annotations

import pytest
from cli_support import assert_error, assert_ok, list_json, snapshot

TITLE = "Sårbarhet i økonomisystemet; Æbleskiver Øst Ålesund"
# Mac Excel "CSV (Comma delimited)": å=8C ø=BF Æ=AE Ø=AF Å=81 (Windows-1252: Œ ¿ ® ¯ and
# a byte it does not define).
MAC_TITLE = b"S\x8crbarhet i \xbfkonomisystemet; \xaebleskiver \xafst \x81lesund"
MAC_UNIT = b"Kommune / \xafkonomi"  # Kommune / Økonomi
MAC_TAGS = b"\x8crlig"  # årlig


def mac_excel_file(delimiter: bytes, newline: bytes, *, title: bytes = MAC_TITLE) -> bytes:
    """Rows as Mac Excel writes them: a cell holding the delimiter quoted, nothing else."""

    def cell(value: bytes) -> bytes:
        return b'"' + value + b'"' if delimiter in value else value

    rows = [
        [b"title", b"status", b"likelihood", b"consequence", b"owner_unit", b"tags"],
        [title, b"P\x8cg\x8cr", b"4", b"5", MAC_UNIT, MAC_TAGS],  # Pågår
        [b"Oppdatere brannmur", b"backlog", b"2", b"3", MAC_UNIT, b""],
    ]
    return b"".join(delimiter.join(cell(c) for c in row) + newline for row in rows)


@pytest.mark.parametrize("newline", [b"\r", b"\r\n"], ids=["cr-old-mac-excel", "crlf"])
@pytest.mark.parametrize("delimiter", [b",", b";"], ids=["comma", "semicolon"])
def test_mac_excel_file_imports_with_its_norwegian_letters(run, tmp_path, delimiter, newline):
    source = tmp_path / "fra-mac.csv"
    source.write_bytes(mac_excel_file(delimiter, newline))
    assert (
        b"\r\n" in source.read_bytes() if newline == b"\r\n" else b"\n" not in source.read_bytes()
    )
    db = tmp_path / "board.sqlite"

    out = assert_ok(run("--db", db, "import", source))
    assert out == f"imported {source}: 2 new, 0 changed, 0 unchanged\n"
    items = {i["title"]: i for i in list_json(run, db, "--all")}
    assert set(items) == {TITLE, "Oppdatere brannmur"}
    first = items[TITLE]
    assert (first["status"], first["owner_unit"], first["tags"]) == (
        "doing",
        "Kommune / Økonomi",
        ["årlig"],
    )


def test_mac_file_with_only_bytes_windows_1252_also_defines(run, tmp_path):
    # Without Å every byte reads in Windows-1252 too (as "S­Œrbarhet i ¿konomisystemet");
    # the Norwegian letters MacRoman gives win.
    title = MAC_TITLE.replace(b"\x81", b"A")
    source = tmp_path / "fra-mac.csv"
    source.write_bytes(mac_excel_file(b";", b"\r", title=title))
    source.read_bytes().decode("cp1252")  # would decode
    db = tmp_path / "board.sqlite"
    assert_ok(run("--db", db, "import", source))
    titles = {i["title"] for i in list_json(run, db, "--all")}
    assert titles == {TITLE.replace("Å", "A"), "Oppdatere brannmur"}


@pytest.mark.parametrize("newline", [b"\r\n", b"\r"], ids=["crlf", "cr"])
def test_windows_1252_files_are_still_read_as_windows_1252(run, tmp_path, newline):
    text = mac_excel_file(b";", newline).decode("mac_roman")
    source = tmp_path / "fra-windows.csv"
    source.write_bytes(text.encode("cp1252"))
    assert "ø".encode("cp1252") in source.read_bytes()
    db = tmp_path / "board.sqlite"
    assert_ok(run("--db", db, "import", source))
    items = {i["title"]: i for i in list_json(run, db, "--all")}
    assert set(items) == {TITLE, "Oppdatere brannmur"}
    assert items[TITLE]["owner_unit"] == "Kommune / Økonomi"


def test_a_file_it_cannot_tell_is_refused_in_both_languages(run, tmp_path, cli_env):
    # "…" on Windows (0x85) is "Ö" on a Mac: both are likely, so neither is guessed.
    source = tmp_path / "uklar.csv"
    source.write_bytes(b"title,status\r\nMer kommer\x85,backlog\r\n")
    db = tmp_path / "board.sqlite"
    assert_ok(run("--db", db, "list"))
    before = snapshot(db)
    assert_error(
        run("--db", db, "import", source),
        2,
        str(source),
        "cannot tell whether",
        "save it from Excel as “CSV UTF-8”",
    )
    assert_error(
        run("--db", db, "import", source, env={**cli_env, "KANBAN_SEC_LANG": "nb"}),
        2,
        str(source),
        "lagre den i Excel som «CSV UTF-8»",
    )
    assert snapshot(db) == before
