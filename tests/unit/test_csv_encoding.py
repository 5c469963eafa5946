"""read_csv on single-byte files: Windows-1252 from Norwegian Excel on Windows, MacRoman
from Excel on a Mac, and the files it cannot tell apart (refused, asking for CSV UTF-8)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kanban_sec.domain.errors import BadInput
from kanban_sec.exchange.csv_codec import CsvTable, read_csv

TEXT = "Sårbarhet i økonomisystemet; Æbleskiver Øst Ålesund"
# What Mac Excel's "CSV (Comma delimited)" writes for TEXT: å=8C ø=BF Æ=AE Ø=AF Å=81.
MAC_TEXT = b"S\x8crbarhet i \xbfkonomisystemet; \xaebleskiver \xafst \x81lesund"
# The same text as Norwegian Excel on Windows writes it: å=E5 ø=F8 Æ=C6 Ø=D8 Å=C5.
WINDOWS_TEXT = b"S\xe5rbarhet i \xf8konomisystemet; \xc6bleskiver \xd8st \xc5lesund"


def read(tmp_path: Path, data: bytes) -> CsvTable:
    path = tmp_path / "excel.csv"
    path.write_bytes(data)
    return read_csv(path)


def test_the_bytes_are_what_each_excel_writes() -> None:
    assert TEXT.encode("mac_roman") == MAC_TEXT
    assert TEXT.encode("cp1252") == WINDOWS_TEXT


@pytest.mark.parametrize("newline", [b"\r", b"\r\n"], ids=["cr", "crlf"])
@pytest.mark.parametrize("delimiter", [b",", b";"])
def test_mac_excel_file_is_read_as_macroman(tmp_path: Path, newline: bytes, delimiter: bytes):
    cell = b'"' + MAC_TEXT + b'"' if delimiter == b";" else MAC_TEXT
    lines = [b"title" + delimiter + b"owner_unit", cell + delimiter + b"Kommune / \xafst"]
    table = read(tmp_path, newline.join(lines) + newline)
    assert table.encoding == "mac_roman"
    assert table.delimiter == delimiter.decode()
    assert table.rows == [(2, [TEXT, "Kommune / Øst"])]


def test_mac_file_without_a_byte_windows_leaves_undefined(tmp_path: Path) -> None:
    # No Å (0x81): every byte is defined in Windows-1252 too, as ¿ Œ ® ¯; the letters win.
    data = b"title\r" + MAC_TEXT.replace(b"\x81", b"A") + b"\r"
    assert data.decode("cp1252")  # decodes, to nonsense
    table = read(tmp_path, data)
    assert table.encoding == "mac_roman"
    assert table.rows[0][1] == [TEXT.replace("Å", "A")]


@pytest.mark.parametrize("byte", [b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d"])
def test_a_byte_windows_1252_leaves_undefined_means_macroman(tmp_path: Path, byte: bytes):
    table = read(tmp_path, b"id,title\r\n1,a" + byte + b"b\r\n")
    assert table.encoding == "mac_roman"
    assert table.rows[0][1][1] == "a" + byte.decode("mac_roman") + "b"


@pytest.mark.parametrize(
    "text",
    [
        TEXT,
        "Blåbærsyltetøy; Æ Ø Å",
        "“smart” – quotes € and a kafé",
        "Øst",
        "© 2026 Kommune",  # the same byte in both: nothing to tell, and nothing lost
    ],
)
def test_windows_1252_files_stay_windows_1252(tmp_path: Path, text: str) -> None:
    table = read(tmp_path, b'title\r\n"' + text.encode("cp1252") + b'"\r\n')
    assert table.encoding == "cp1252"
    assert table.rows == [(2, [text])]


@pytest.mark.parametrize(
    "data",
    [
        b"id,title\r\n1,Mer kommer\x85\r\n",  # … on Windows, Ö on a Mac
        b"id,title\r\n1,\xae\xc6\r\n",  # ®Æ on Windows, Æ∆ on a Mac
        b"id,title\r\n1,\xa4\xa7\xb6\r\n",  # ¤§¶ on Windows, §ß¶ on a Mac
    ],
    ids=["one-ellipsis", "balanced", "symbols"],
)
def test_a_file_it_cannot_tell_is_refused_asking_for_csv_utf8(tmp_path: Path, data: bytes):
    with pytest.raises(BadInput) as caught:
        read(tmp_path, data)
    error = caught.value
    assert error.msg.key == "csv.unknown_encoding"
    path = str(tmp_path / "excel.csv")
    assert error.message("en") == (
        f"cannot tell whether {path} was saved on Windows or on a Mac (its character "
        "encoding); save it from Excel as “CSV UTF-8” and import it again"
    )
    assert "«CSV UTF-8»" in error.message("nb") and path in error.message("nb")
