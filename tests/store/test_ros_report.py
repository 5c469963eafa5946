"""The ROS analysis report of a chain, built from a real board: its Markdown tables parse,
its HTML is well-formed and escaped, the matrix puts each risk where its assessment is and
draws with the bands the analysis froze."""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser

import pytest

from kanban_sec.domain.errors import NotFound
from kanban_sec.domain.governance import Band, Bands
from kanban_sec.exchange.ros_report import BAND_COLOURS
from kanban_sec.services.governance import GovernanceService
from kanban_sec.services.ros_files import RosFiles
from kanban_sec.services.session import Session
from kanban_sec.store.database import open_database
from tests.ros_board import CHAIN, LEAD, OWNER, TRICKY, build


@pytest.fixture
def board(tmp_path):
    ids = build(tmp_path / "board.sqlite")
    db = open_database(tmp_path / "board.sqlite")
    yield db, ids
    db.close()


def files(db, lang: str = "en", who: str = "tester") -> RosFiles:
    return RosFiles(Session(db, who, lang))


# -- Markdown ----------------------------------------------------------------------------------


def md_cells(line: str) -> list[str]:
    """A pipe-table row's cells (escaped pipes stay inside a cell)."""
    assert line.startswith("| ") and line.endswith(" |"), line
    return [c.strip() for c in re.split(r"(?<!\\)\|", line[1:-1])]


def md_tables(text: str) -> list[list[list[str]]]:
    """Every pipe table of a Markdown text, as rows of cells (separator row checked)."""
    tables = []
    for block in text.split("\n\n"):
        lines = block.strip().splitlines()
        if not lines or not lines[0].startswith("|"):
            continue
        header = md_cells(lines[0])
        assert lines[1] == "|" + "---|" * len(header), block
        rows = [md_cells(line) for line in lines[2:]]
        assert all(len(row) == len(header) for row in rows), block
        tables.append([header, *rows])
    return tables


def test_markdown_has_every_section_as_tables_that_parse(board):
    db, _ = board
    service = files(db)
    text = service.render(service.report(CHAIN), "md")
    assert text.startswith(f"# ROS analysis: {CHAIN}\n")
    for heading in (
        "## The analysis",
        "## The ROS matrix",
        "## Risk register (4)",
        "## Information values (2)",
        "## Links (3)",
        "## Data flows (2)",
    ):
        assert f"\n{heading}\n" in text, heading
    tables = md_tables(text)
    analysis = next(t for t in tables if ["Participants", f"{OWNER}, Henrik Drift"] in t)
    assert ["Date", "2026-03-02"] in analysis
    assert ["Decisions", "Skyplattform: krev reserve"] in analysis
    matrix = next(t for t in tables if t[0][0].startswith("Likelihood"))
    assert len(matrix) == 6 and all(len(row) == 6 for row in matrix)
    assert [row[0] for row in matrix[1:]] == [
        "5 Almost certain",
        "4 Very likely",
        "3 Likely",
        "2 Less likely",
        "1 Unlikely",
    ]
    # R1 was 3 × 5 and is now 4 × 5: bold where it is, in brackets where it started.
    assert matrix[2][5] == "**R1** *not acceptable*"
    assert matrix[3][5] == "(R1) *not acceptable*"
    assert matrix[4][2] == "**R3** *acceptable*"
    assert matrix[4][3] == "*consider measures*"
    register = next(t for t in tables if t[0][:2] == ["No.", "Risk"])
    assert [row[0] for row in register[1:]] == ["R1", "R2", "R3", "R4"]
    assert register[1][1] == "Skyplattformen nede"
    assert register[2][5].replace("\u00a0", " ") == "1 × 4 = 4"  # the target
    assert register[3][7] == "accept"
    flows = next(t for t in tables if t[0][:2] == ["No.", "What data"])
    assert flows[2][1] == "Avvik, " + TRICKY.replace("<", "\\<").replace(">", "\\>").replace(
        "|", "\\|"
    ).replace("*", "\\*")
    # Text a person typed never becomes markup: no raw tag, no live emphasis or pipe.
    assert "<script>" not in text


def test_each_risk_is_told_in_full_with_who_when_and_knowledge(board):
    db, _ = board
    service = files(db)
    tables = md_tables(service.render(service.report(CHAIN), "md"))
    r1 = next(t for t in tables if ["Threat", "Driftsavbrudd hos leverandør"] in t)
    facts = dict((row[0], row[1]) for row in r1[1:])
    assert facts["Likelihood (IT)"].startswith("4 Very likely · Henrik Drift, ")
    assert "strength of knowledge low" in facts["Likelihood (IT)"]
    assert "“Ny underleverandør”" in facts["Likelihood (IT)"]
    assert facts["Consequence (the business)"].startswith("5 Catastrophic · Nils Sone, ")
    assert facts["Values at stake"] == "Helseopplysninger"
    assert facts["Treatment"] == "not decided"
    r2 = next(t for t in tables if ["Link", "EPJ Gerica"] in t)
    facts = dict((row[0], row[1]) for row in r2[1:])
    assert facts["Treatment"].startswith(f"reduce · {OWNER}, ")
    assert facts["Treatment"].endswith("rationale: Innfør tofaktor")
    assert facts["Measures"] == "Tofaktor i EPJ (Backlog)"
    r3 = next(t for t in tables if ["Link", "Dispenser i hjemmet"] in t)
    assert "valid until " in dict((row[0], row[1]) for row in r3[1:])["Treatment"]


def test_norwegian_report_speaks_norwegian(board):
    db, _ = board
    service = files(db, "nb")
    text = service.render(service.report(CHAIN), "md")
    assert text.startswith(f"# ROS-analyse: {CHAIN}\n")
    assert "## Risikoregister (4)" in text
    # The analysis froze the guidance's words: they are shown in the reader's language.
    assert "| 5 Svært sannsynlig |" in text
    assert "5 Katastrofalt" in text
    assert "*uakseptabel*" in text
    assert "1/3 ⚑ svakeste ledd" in text
    assert "| Driftes av |" in text and "| leverandør |" in text


# -- HTML --------------------------------------------------------------------------------------

VOID = {"meta", "br", "hr", "img", "col"}


class _Checker(HTMLParser):
    """Checks that every element is closed in order; collects text and matrix cells."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[str] = []
        self.text: list[str] = []
        self.cells: list[tuple[str | None, str]] = []
        self._cell: tuple[str | None, list[str]] | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag not in VOID:
            self.stack.append(tag)
        if tag == "td":
            self._cell = (dict(attrs).get("bgcolor"), [])

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, (self.stack, tag)
        self.stack.pop()
        if tag == "td" and self._cell is not None:
            self.cells.append((self._cell[0], " ".join(self._cell[1])))
            self._cell = None

    def handle_data(self, data):
        self.text.append(data)
        if self._cell is not None:
            self._cell[1].append(data.strip())


def test_html_is_one_well_formed_escaped_page(board):
    db, _ = board
    service = files(db, "nb")
    page = service.render(service.report(CHAIN), "html")
    assert page.startswith('<!DOCTYPE html>\n<html lang="nb">')
    checker = _Checker()
    checker.feed(page)
    checker.close()
    assert checker.stack == []
    # Self-contained: inline CSS, no script, no link to anything outside.
    assert "style" in checker.tags and "script" not in checker.tags
    assert not {"link", "img", "iframe"} & set(checker.tags)
    text = "".join(checker.text)
    assert TRICKY in text  # shown as typed
    assert "Innbrudd" in text and "med to linjer" in text
    assert "Åse Øvrebø" in text
    # The matrix: each risk's cell painted in its band's colour.
    red = BAND_COLOURS[Band.RED]
    assert (red, "R1 uakseptabel") in checker.cells
    assert (red, "(R1) uakseptabel") in checker.cells
    assert (BAND_COLOURS[Band.GREEN], "R3 akseptabel") in checker.cells
    assert sum(1 for colour, _ in checker.cells if colour is not None) == 25
    assert "@media print" in page


# -- the frozen matrix and the analysis chosen --------------------------------------------------


def test_the_analysis_frozen_bands_draw_its_report(board):
    db, _ = board
    # After the analysis the board's bands change: every cell is red now.
    all_red = Bands(tuple(tuple(Band.RED for _ in range(5)) for _ in range(5)))
    GovernanceService(Session(db, LEAD, "en")).set_bands(all_red)
    service = files(db)
    report = service.report(CHAIN)
    assert report.analysis is not None and report.bands == Bands.default()
    tables = md_tables(service.render(report, "md"))
    matrix = next(t for t in tables if t[0][0].startswith("Likelihood"))
    assert matrix[5][1] == "*acceptable*"  # 1 × 1 under the frozen bands
    register = next(t for t in tables if t[0][:2] == ["No.", "Risk"])
    assert register[3][6] == "acceptable"  # R3, 2 × 2
    # A later analysis freezes the new bands, and the report follows the newest.
    newer = files(db, who=OWNER).open_analysis(CHAIN, held_on=date(2026, 9, 1)).row_id
    report = service.report(CHAIN)
    assert report.analysis is not None and report.analysis.id == newer
    assert report.bands == all_red and report.analysis_count == 2
    text = service.render(report, "md")
    assert "*acceptable*" not in text
    # The first one can still be reported on by its id.
    first = service.report(CHAIN, board[1]["analysis"][-8:])
    assert first.analysis is not None and first.bands == Bands.default()


def test_a_chain_without_analysis_uses_the_board_matrix_and_says_so(board):
    db, _ = board
    service = files(db)
    report = service.report("Skoleportal")
    assert report.analysis is None and report.rows == []
    text = service.render(report, "md")
    assert "The chain has no recorded ROS analysis yet" in text
    assert "## Risk register (0)\n\n*None.*" in text
    matrix = next(t for t in md_tables(text) if t[0][0].startswith("Likelihood"))
    assert matrix[1][5] == "*not acceptable*"


def test_an_unknown_analysis_is_refused_by_name(board):
    db, _ = board
    with pytest.raises(NotFound) as error:
        files(db).report(CHAIN, "ffff0000")
    assert "has no ROS analysis “ffff0000”" in error.value.message("en")
