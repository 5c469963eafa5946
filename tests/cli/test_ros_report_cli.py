"""`ros report` and `flow export|import` as a person runs them: files written and opened again — the
PDF's pages counted, its text read and its first page rendered; the risks CSV re-read by
Python's csv module and by the board's own reader; data flows exported and imported as
Excel writes them, all or nothing, under the rulebook."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from pathlib import Path

import pytest
from cli_support import assert_error, assert_ok, sql
from pypdf import PdfReader

from kanban_sec.exchange.csv_codec import read_csv
from kanban_sec.exchange.ros_csv import FLOW_HEADER, RISK_HEADER
from kanban_sec.exchange.ros_report import BAND_COLOURS
from kanban_sec.services.ros import RosService
from kanban_sec.services.session import Session
from kanban_sec.store.database import open_database
from tests.ros_board import CHAIN, CONTROL, ENGINEER, OWNER, TRICKY, build

FORMULA = '=HYPERLINK("http://x")'


@pytest.fixture
def board(tmp_path: Path) -> Path:
    path = tmp_path / "ros.sqlite"
    build(path)
    db = open_database(path)
    try:  # a title a spreadsheet would run as a formula
        RosService(Session(db, ENGINEER, "en")).add_risk(CHAIN, FORMULA)
    finally:
        db.close()
    return path


def flows(path: Path) -> list[tuple[int, str, str, str, str]]:
    """The chain's flows as (number, from, to, data, notes), read by SQL."""
    return [
        tuple(r)
        for r in sql(
            path,
            "SELECT f.number, a.name, b.name, f.data, f.notes FROM data_flows f"
            " JOIN links a ON a.id = f.from_link_id JOIN links b ON b.id = f.to_link_id"
            " WHERE f.deleted_at IS NULL ORDER BY f.number",
        )
    ]


# -- the report --------------------------------------------------------------------------------


def test_markdown_and_html_files(run, board, tmp_path):
    md, page = tmp_path / "ros.md", tmp_path / "ros.html"
    out = assert_ok(run("--db", board, "ros", "report", CHAIN, "-o", md))
    assert out == f"wrote {md}\n"
    text = md.read_text(encoding="utf-8")
    assert text.startswith(f"# ROS analysis: {CHAIN}\n") and "| **R1** *not acceptable* |" in text
    assert_ok(
        run("--db", board, "--lang", "nb", "ros", "report", CHAIN, "--format", "html", "-o", page)
    )
    html = page.read_text(encoding="utf-8")
    assert '<html lang="nb">' in html and "ROS-analyse: Medisindispenser" in html
    assert "Dør &lt;script&gt;" in html and "<script>" not in html
    # Written reports are on the record.
    assert sql(board, "SELECT kind, path, items FROM transfers ORDER BY created_at") == [
        ("report", str(md.resolve()), 5),
        ("report", str(page.resolve()), 5),
    ]
    # Without -o the report goes to standard output.
    printed = assert_ok(run("--db", board, "ros", "report", CHAIN))
    assert printed.splitlines()[:5] == text.splitlines()[:5]
    assert "| **R1** *not acceptable* |" in printed
    assert len(sql(board, "SELECT * FROM transfers")) == 2  # nothing filed, nothing recorded


def test_the_pdf_is_a4_paged_searchable_and_drawn(run, board, tmp_path):
    pdf = tmp_path / "ros.pdf"
    assert_ok(
        run("--db", board, "--lang", "nb", "ros", "report", CHAIN, "--format", "pdf", "-o", pdf)
    )
    reader = PdfReader(pdf)
    pages = len(reader.pages)
    assert pages >= 2
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 in points
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    for needle in (
        "ROS-analyse: Medisindispenser",
        "ROS-matrisen",
        "Åse Øvrebø",  # æøå as letters, not boxes
        "Skyplattformen nede",
        "uakseptabel",
        "Svært sannsynlig",
        "Katastrofalt",
        "Uautorisert tilgang til EPJ",
        f"1 / {pages}",
        f"{pages} / {pages}",
    ):
        assert needle in text, needle
    # The widest table's last column is on the page, not clipped: every risk's treatment.
    for word in ("ikke besluttet", "redusere", "akseptere"):
        assert word in " ".join((reader.pages[0].extract_text() or "").split()), word

    width, height, pixels = render_first_page(pdf, tmp_path)
    assert width in (413, 414) and height == 585  # A4 at 50 dpi
    dark = sum(1 for i in range(0, len(pixels), 3) if sum(pixels[i : i + 3]) < 200)
    assert dark > 2000  # text, not a blank page
    # The matrix is drawn in the bands' colours.
    for colour in BAND_COLOURS.values():
        rgb = bytes.fromhex(colour[1:])
        assert pixels.count(rgb) > 500, colour


def render_first_page(pdf: Path, tmp_path: Path) -> tuple[int, int, bytes]:
    """The first page as RGB pixels (pdftoppm of poppler-utils)."""
    tool = shutil.which("pdftoppm")
    assert tool, "pdftoppm is missing: install poppler-utils (as .ci/run does)"
    stem = tmp_path / "page"
    subprocess.run(
        [tool, "-r", "50", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(stem)],
        check=True,
        timeout=60,
    )
    data = (tmp_path / "page.ppm").read_bytes()
    magic, width, height, depth, body = data.split(maxsplit=4)
    assert magic == b"P6" and depth == b"255"
    return int(width), int(height), body


def test_the_risks_as_csv_for_excel(run, board, tmp_path):
    target = tmp_path / "risks.csv"
    assert_ok(run("--db", board, "ros", "report", CHAIN, "--format", "csv", "-o", target))
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and data.count(b"\r\n") >= 6
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert tuple(rows[0]) == RISK_HEADER
    by_title = {row[3]: dict(zip(RISK_HEADER, row, strict=True)) for row in rows[1:]}
    assert len(by_title) == 5
    red = by_title["Skyplattformen nede"]
    assert (red["chain"], red["link"], red["likelihood"], red["consequence"]) == (
        CHAIN,
        "MedRobot skyplattform",
        "4",
        "5",
    )
    assert (red["likelihood_by"], red["likelihood_knowledge"], red["consequence_by"]) == (
        ENGINEER,
        "low",
        "Nils Sone",
    )
    assert (red["inherent_likelihood"], red["inherent_consequence"], red["band"]) == (
        "3",
        "5",
        "red",
    )
    assert red["values"] == "Helseopplysninger" and red["existing_measures"] == "SLA 99,5 %"
    assert len(red["likelihood_at"]) == 19  # Oslo wall-clock time, to the second
    reduced = by_title["Uautorisert tilgang til EPJ"]
    assert (reduced["treatment"], reduced["decided_by"], reduced["stale"]) == (
        "reduce",
        OWNER,
        "no",
    )
    assert (reduced["target_likelihood"], reduced["target_consequence"]) == ("1", "4")
    assert reduced["measures"] == "Tofaktor i EPJ [backlog]"
    accepted = by_title["Feil tid på dispenser"]
    assert accepted["treatment"] == "accept" and accepted["valid_until"]
    waiting = by_title[TRICKY]
    assert (waiting["consequence"], waiting["band"], waiting["threat"]) == (
        "",
        "",
        "Innbrudd\nmed to linjer",
    )
    assert f"'{FORMULA}" in by_title  # neutralised for Excel

    # The board's own reader takes it back, the formula guard undone.
    table = read_csv(target)
    assert tuple(table.header) == RISK_HEADER and len(table.rows) == 5
    assert FORMULA in [cells[3] for _, cells in table.rows]

    semicolon = tmp_path / "risks-nb.csv"
    assert_ok(
        run(
            "--db",
            board,
            "ros",
            "report",
            CHAIN,
            "--format",
            "csv",
            "--delimiter",
            ";",
            "-o",
            semicolon,
        )
    )
    assert read_csv(semicolon).delimiter == ";"
    assert semicolon.read_bytes().splitlines()[0].count(b";") == len(RISK_HEADER) - 1


def test_report_mistakes_are_one_line_and_write_nothing(run, board, tmp_path):
    assert_error(
        run("--db", board, "ros", "report", CHAIN, "--format", "pdf"),
        2,
        "a PDF must be written to a file",
    )
    target = tmp_path / "x.md"
    assert_error(run("--db", board, "ros", "report", "Ingen slik", "-o", target), 2, "Ingen slik")
    assert_error(
        run("--db", board, "ros", "report", CHAIN, "--analysis", "ffff9999", "-o", target),
        2,
        "has no ROS analysis “ffff9999”",
    )
    assert not target.exists()
    assert sql(board, "SELECT count(*) FROM transfers") == [(0,)]


# -- data flows as CSV ---------------------------------------------------------------------------


def test_flows_export_and_import_round_trip(run, board, tmp_path):
    target = tmp_path / "flows.csv"
    assert assert_ok(run("--db", board, "flow", "export", CHAIN, "-o", target)) == (
        f"wrote 2 data flows to {target}\n"
    )
    rows = list(csv.reader(io.StringIO(target.read_bytes().decode("utf-8-sig"), newline="")))
    assert tuple(rows[0]) == FLOW_HEADER
    assert rows[1] == [
        "1",
        "Dispenser i hjemmet",
        "MedRobot skyplattform",
        "Doseringslogg, alarmer",
        "",
    ]
    assert rows[2][3] == "Avvik, " + TRICKY
    before = flows(board)
    out = assert_ok(run("--db", board, "flow", "import", CHAIN, target))
    assert out == f"read {target}: 0 new, 0 changed, 2 unchanged data flows\n"
    assert flows(board) == before


def test_an_excel_file_imports(run, board, tmp_path):
    """Norwegian Excel: Windows-1252, semicolons, CRLF, a quoted line break, no BOM."""
    excel = tmp_path / "dataflyt.csv"
    excel.write_bytes(
        (
            "Number;From;To;Data;Notes\r\n"
            "2;MedRobot skyplattform;EPJ Gerica;Avvik og dosering;Endret i møte\r\n"
            ";EPJ Gerica;Dispenser i hjemmet;Legemiddelliste;"
            '"Via meldingsformidler,\r\nkryptert"\r\n'
            ";;;;\r\n"
        ).encode("cp1252")
    )
    dry = assert_ok(run("--db", board, "flow", "import", CHAIN, excel, "--dry-run"))
    assert "nothing saved" in dry and "1 new, 1 changed, 0 unchanged" in dry
    assert len(flows(board)) == 2
    assert_ok(run("--db", board, "--as", ENGINEER, "flow", "import", CHAIN, excel))
    assert flows(board) == [
        (1, "Dispenser i hjemmet", "MedRobot skyplattform", "Doseringslogg, alarmer", ""),
        (2, "MedRobot skyplattform", "EPJ Gerica", "Avvik og dosering", "Endret i møte"),
        (
            3,
            "EPJ Gerica",
            "Dispenser i hjemmet",
            "Legemiddelliste",
            "Via meldingsformidler,\nkryptert",
        ),
    ]
    # Each row is in the change log under the person who imported it.
    assert sql(
        board, "SELECT count(*) FROM changes WHERE entity = 'data_flow' AND author = ?", ENGINEER
    ) == [(4,)]  # the two flows of the board's making, one changed, one new


def test_a_bad_flows_file_names_every_bad_cell_and_writes_nothing(run, board, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_bytes(
        "\ufeffnumber,from,to,data,notes\r\n"
        "1,Dispenser i hjemmet,Månen,Logg,\r\n"
        "x,EPJ Gerica,EPJ Gerica,,\r\n"
        "1,EPJ Gerica,Dispenser i hjemmet,Liste,\r\n".encode()
    )
    before = flows(board)
    result = run("--db", board, "flow", "import", CHAIN, bad)
    assert result.returncode == 2 and result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0] == f"kanban-sec: {bad}: nothing was imported; problems found: 5"
    for wanted in (
        "line 2, column to: the chain has no link “Månen”",
        "line 3, column number: the number must be a whole number from 1 to 999, not “x”",
        "line 3, column to: a data flow runs between two different links",
        "line 3, column data: the data flow needs a description",
        "line 4, column number: number 1 is also on line 2",
    ):
        assert any(wanted in line for line in lines[1:]), (wanted, lines)
    assert flows(board) == before

    unknown = tmp_path / "unknown.csv"
    unknown.write_text("number,fra,to,data\r\n1,a,b,c\r\n", encoding="utf-8")
    assert_error(
        run("--db", board, "flow", "import", CHAIN, unknown),
        2,
        "unknown columns: fra; missing: from",
    )


def test_internal_control_may_not_import_flows(run, board, tmp_path):
    target = tmp_path / "flows.csv"
    assert_ok(run("--db", board, "flow", "export", CHAIN, "-o", target))
    target.write_bytes(target.read_bytes() + b"3,EPJ Gerica,Dispenser i hjemmet,Ny,\r\n")
    result = run("--db", board, "--as", CONTROL, "flow", "import", CHAIN, target)
    assert result.returncode == 2 and CONTROL in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert len(flows(board)) == 2
