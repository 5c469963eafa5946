"""CSV bytes <-> rows of text cells: encoding, delimiter, quoting and formula neutralising.

This layer knows nothing about items: it turns a file into a header and rows of strings
(with the physical line each row starts on, for error messages) and formats rows of
strings as RFC 4180 records. Mapping cells to fields is the caller's job.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

from kanban_sec.domain.errors import BadInput, ImportProblems, Problem, msg

HEADER: tuple[str, ...] = (
    "id",
    "title",
    "description",
    "status",
    "chain",
    "link",
    "likelihood",
    "consequence",
    "link_maturity",
    "target_maturity",
    "score",
    "weakest_link",
    "rank",
    "effort",
    "owner_unit",
    "owner_person",
    "risk_owner",
    "framework_ref",
    "classification",
    "tags",
    "blocked_reason",
    "due_date",
    "pinned",
    "created_at",
    "updated_at",
    "done_at",
)

# Written on export, ignored on import.
COMPUTED: frozenset[str] = frozenset(
    {"score", "weakest_link", "rank", "created_at", "updated_at", "done_at"}
)

# Option name -> the character itself; "tab" because a literal tab is awkward on a command line.
DELIMITERS: dict[str, str] = {",": ",", ";": ";", "tab": "\t"}
_DELIMITER_CHARS: dict[str, str] = {**DELIMITERS, "\t": "\t"}

#: Times in a file are wall-clock times where the boards' teams work (Norway), written
#: ``2026-12-04 15:30:00``: the form Excel in every locale reads as a date and time.
CSV_ZONE = ZoneInfo("Europe/Oslo")

# Characters that make Excel and LibreOffice read a cell as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# C0 controls that never occur in text a person typed (tab, LF, VT, FF and CR may).
_BINARY_CONTROLS = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
_NOT_BINARY_CONTROLS = bytes(b for b in range(256) if b not in _BINARY_CONTROLS)
# Share of such controls above which a NUL-free file is still taken for binary; the floor
# keeps a short file with a stray control character (pasted from a terminal) text.
_BINARY_RATIO = 0.10
_BINARY_FLOOR = 32

_LINE_BREAK = re.compile(rb"\r\n|\r|\n")
_TEXT_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def neutralise(cell: str) -> str:
    """The cell with a leading ``'`` if a spreadsheet could take it for a formula."""
    # Quotes already in front are skipped so that text which really begins with "'=" gets
    # one more quote: unneutralise then removes exactly one and the round trip is lossless.
    if cell.lstrip("'").startswith(_FORMULA_START):
        return "'" + cell
    return cell


def unneutralise(cell: str) -> str:
    """The exact inverse of :func:`neutralise`: drop the ``'`` it would have added."""
    if cell.startswith("'") and cell.lstrip("'").startswith(_FORMULA_START):
        return cell[1:]
    return cell


def format_moment(stamp: str | None) -> str:
    """A stored UTC time (``2026-12-04T14:30:00.123456Z``) as a cell: Norwegian wall-clock
    time to the second, ``2026-12-04 15:30:00``. In the hour the autumn clock change
    repeats, the offset follows (``2026-10-25 02:30:00+01:00``) so the instant stays exact."""
    if not stamp:
        return ""
    head, tail = wall_clock_hour(stamp[:13])
    return head + stamp[13:19] + tail


@lru_cache(maxsize=65536)
def wall_clock_hour(utc_hour: str) -> tuple[str, str]:
    """A UTC hour (``2026-12-04T14``) as Norwegian wall-clock text (``2026-12-04 15``) and
    the offset to add after the seconds (empty but in the repeated autumn hour)."""
    # Norway's offsets are whole hours and its clock changes fall on whole UTC hours, so
    # minutes and seconds carry over: one answer per hour, and an export repeats hours.
    moment = datetime.fromisoformat(utc_hour + ":00:00+00:00").astimezone(CSV_ZONE)
    repeated = moment.replace(fold=1 - moment.fold).utcoffset() != moment.utcoffset()
    return moment.strftime("%Y-%m-%d %H"), moment.isoformat()[-6:] if repeated else ""


def format_row(cells: list[str], delimiter: str) -> str:
    """One RFC 4180 record ending in CRLF; ``delimiter`` is ``,``, ``;``, a tab or ``tab``."""
    d = _DELIMITER_CHARS.get(delimiter)
    if d is None:
        raise ValueError(f"unsupported CSV delimiter {delimiter!r}")
    line = d.join(cells)
    # Fast path, a handful of C-speed scans over the whole record: it proves that no cell
    # needs quotes. A cell beginning or ending with a space is either at an end of the line
    # or next to a delimiter; a cell holding the delimiter adds one to the count. False
    # alarms only cost the slow path, which decides cell by cell.
    if (
        '"' not in line
        and "\n" not in line
        and "\r" not in line
        and line.count(d) == len(cells) - 1
        and not line.startswith(" ")
        and not line.endswith(" ")
        and d + " " not in line
        and " " + d not in line
    ):
        return line + "\r\n"
    return (
        d.join(
            [
                '"' + c.replace('"', '""') + '"'
                if (
                    d in c
                    or '"' in c
                    or "\n" in c
                    or "\r" in c
                    or c.startswith(" ")
                    or c.endswith(" ")
                )
                else c
                for c in cells
            ]
        )
        + "\r\n"
    )


def cell_writer(delimiter: str, *, neutralising: bool = True) -> Callable[[str], str]:
    """A function giving a cell as :func:`format_row` writes it (after :func:`neutralise`
    when ``neutralising``): for rows built as one string, a cell at a time. A few C-speed
    tests tell the usual cell, which needs nothing, from the rest."""
    d = _DELIMITER_CHARS.get(delimiter)
    if d is None:
        raise ValueError(f"unsupported CSV delimiter {delimiter!r}")
    # First characters after which the cell may need quotes or a neutralising "'".
    first = frozenset(" '" + "".join(_FORMULA_START) if neutralising else " ")

    def write(cell: str) -> str:
        if not cell:
            return cell
        if (
            cell[0] in first
            or cell[-1] == " "
            or d in cell
            or '"' in cell
            or "\n" in cell
            or "\r" in cell
        ):
            if neutralising:
                cell = neutralise(cell)
            return format_row([cell], d)[:-2]
        return cell

    return write


@dataclass
class CsvTable:
    """A parsed CSV file: lower-cased header and rows tagged with their first line."""

    path: str
    header: list[str]
    rows: list[tuple[int, list[str]]]
    encoding: str
    delimiter: str
    #: The header as written in the file (for messages).
    names: list[str] = field(default_factory=list)


def read_csv(path: str | os.PathLike[str]) -> CsvTable:
    """Read and parse a CSV file as Excel or this app writes it; raise on any problem."""
    name = os.fspath(path)
    try:
        data = Path(name).read_bytes()
    except OSError as error:
        raise BadInput("csv.unreadable", path=name, reason=error.strerror or str(error)) from error

    text, encoding = _decode(name, data)
    delimiter = _detect_delimiter(text)
    if delimiter is None:
        raise BadInput("csv.empty", path=name)

    header: list[str] | None = None
    names: list[str] = []
    width = 0
    rows: list[tuple[int, list[str]]] = []
    problems: list[Problem] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    # line_num counts the physical lines read so far, so a record starts on the line after
    # the one the previous record ended on, even when that one spanned several lines.
    last = 0
    while True:
        try:
            for record in reader:
                start, last = last + 1, reader.line_num
                if header is None:
                    if not any(cell.strip() for cell in record):
                        continue
                    names = [cell.strip() for cell in record]
                    header = [cell.lower() for cell in names]
                    # Excel's trailing delimiters give the header empty names at its end;
                    # data rows then carry empty extra fields, which are dropped below.
                    while header and not header[-1]:
                        header.pop()
                        names.pop()
                    width = len(header)
                    continue
                # Blankness is judged on the text the cells stand for, so "'" + tab (a
                # neutralised tab) is as blank as a tab. Joined once, the cells are checked
                # at C speed: most rows hold no "'" at all.
                joined = "".join(record)
                if "'" in joined:
                    cells = [unneutralise(cell) for cell in record]
                    joined = "".join(cells)
                else:
                    cells = record
                if not joined or joined.isspace():
                    continue
                if len(cells) > width and not any(record[width:]):
                    del cells[width:]
                if len(cells) != width:
                    problems.append(
                        Problem(
                            start, "*", msg("csv.too_many_fields", count=len(cells), header=width)
                        )
                    )
                    continue
                rows.append((start, cells))
            break
        except csv.Error as error:
            # The reader drops the rest of the bad line and goes on with the next, so every
            # such line is reported rather than only the first.
            start, last = last + 1, reader.line_num
            problems.append(Problem(start, "*", msg("csv.bad_quoting", reason=str(error))))
            if header is None:
                # Without a header no later line can be checked: report this one alone.
                raise ImportProblems(name, problems) from error

    if problems:
        raise ImportProblems(name, problems)
    if header is None:
        raise BadInput("csv.empty", path=name)
    return CsvTable(
        path=name, header=header, rows=rows, encoding=encoding, delimiter=delimiter, names=names
    )


def _decode(name: str, data: bytes) -> tuple[str, str]:
    """The file's text and the encoding it was read with; raise if empty or binary."""
    # Excel's "Unicode text" is UTF-16 with a BOM (and tabs): NUL bytes there are text.
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as error:
                raise BadInput("csv.binary", path=name) from error
            if not text.strip():
                raise BadInput("csv.empty", path=name)
            if "\0" in text:
                raise BadInput("csv.binary", path=name)
            return text, "utf-16"
    has_bom = data.startswith(codecs.BOM_UTF8)
    body = data[len(codecs.BOM_UTF8) :] if has_bom else data
    if not body.strip():
        raise BadInput("csv.empty", path=name)
    if b"\0" in body or _looks_binary(body):
        raise BadInput("csv.binary", path=name)
    if has_bom:
        try:
            return body.decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as error:
            # The BOM says UTF-8, so guessing another encoding would only hide the damage.
            line = len(_LINE_BREAK.findall(body, 0, error.start)) + 1
            reason = f"invalid UTF-8 byte 0x{body[error.start]:02x}"
            raise ImportProblems(
                name, [Problem(line, "*", msg("csv.bad_quoting", reason=reason))]
            ) from error
    try:
        return body.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Norwegian Excel's "CSV (semikolonseparert)" is Windows-1252 and Mac Excel's "CSV
    # (Comma delimited)" is MacRoman: æøå as single bytes, different ones.
    encoding = _single_byte_encoding(body)
    if encoding is None:
        raise BadInput("csv.unknown_encoding", path=name)
    return body.decode(encoding), encoding


def _single_byte_weights() -> dict[str, tuple[int, ...]]:
    """Per encoding, a weight for each byte 0x80-0xFF by how likely the character it
    stands for is in a Norwegian backlog: 3 for æøå, 1 for letters and punctuation seen in
    names and typed text, else -2; None where the two encodings read the same character."""
    nordic, plausible = set("æøåÆØÅ"), set("éèêóôüöäÄÖÜáà“”‘’«»–—…€§°½·•\u00a0")
    tables: dict[str, tuple[int, ...]] = {}
    for encoding in _SINGLE_BYTE:
        weights = []
        for byte in range(0x80, 0x100):
            char = bytes([byte]).decode(encoding, errors="replace")
            weights.append(3 if char in nordic else 1 if char in plausible else -2)
        tables[encoding] = tuple(weights)
    return tables


_SINGLE_BYTE = ("cp1252", "mac_roman")
#: The bytes both encodings read as the same character: they tell nothing.
_SAME = bytes(
    b
    for b in range(0x80, 0x100)
    if len({bytes([b]).decode(e, "replace") for e in _SINGLE_BYTE}) == 1
)
_WEIGHTS = _single_byte_weights()
_NOT_TELLING = bytes(range(0x80)) + _SAME


def _single_byte_encoding(body: bytes) -> str | None:
    """``cp1252`` or ``mac_roman``, whichever reads ``body``'s non-ASCII bytes as the more
    likely text; None when neither clearly does. Windows-1252 leaves 0x81, 0x8D, 0x8F,
    0x90 and 0x9D undefined (MacRoman reads Å ç è ê ù): a file holding one is MacRoman."""
    telling = body.translate(None, _NOT_TELLING)
    if not telling:
        return "cp1252"  # both read the same text
    counts = [(byte - 0x80, telling.count(byte)) for byte in set(telling)]
    scores: dict[str, int] = {}
    for encoding, weights in _WEIGHTS.items():
        try:
            telling.decode(encoding)
        except UnicodeDecodeError:
            continue
        scores[encoding] = sum(weights[i] * n for i, n in counts)
    if len(scores) == 1:
        return next(iter(scores))  # MacRoman defines every byte
    ranked = sorted(scores.items(), key=lambda pair: pair[1], reverse=True)
    if ranked[0][1] <= 0 or ranked[1][1] == ranked[0][1]:
        return None
    return ranked[0][0]


def _looks_binary(data: bytes) -> bool:
    """Whether too many bytes are control characters no text file holds."""
    controls = len(data.translate(None, _NOT_BINARY_CONTROLS))
    return controls >= _BINARY_FLOOR and controls > _BINARY_RATIO * len(data)


def _detect_delimiter(text: str) -> str | None:
    """The delimiter that splits the header line into most fields (ties: comma)."""
    # Walk the physical lines by hand: wrapping a large file in a StringIO just to read its
    # first line would cost as much as parsing it.
    pos = 0
    while True:
        match = _TEXT_LINE_BREAK.search(text, pos)
        end = match.start() if match else len(text)
        line = text[pos:end]
        # A line of only delimiters (Excel's empty row) says nothing, and is skipped as a
        # record too.
        if line.strip(" \t,;"):
            break
        if match is None:
            return None
        pos = match.end()
    best, best_count = ",", 0
    for candidate in (",", ";", "\t"):
        try:
            count = len(next(csv.reader([line], delimiter=candidate)))
        except csv.Error:
            # A header cell with a quoted line break: a plain count is good enough here.
            count = line.count(candidate) + 1
        if count > best_count:
            best, best_count = candidate, count
    if best_count == 1:
        # A one-column header (a plain list of titles) names no delimiter; take the first
        # under which no record splits, since a ";" file does not quote its commas.
        for candidate in (",", ";", "\t"):
            if _splits_nowhere(text, candidate):
                return candidate
    return best


def _splits_nowhere(text: str, delimiter: str) -> bool:
    """Whether every record of ``text`` parses into at most one field with ``delimiter``."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        return all(len(record) <= 1 for record in reader)
    except csv.Error:
        return False
