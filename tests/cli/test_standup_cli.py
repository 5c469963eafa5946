"""`kanban-sec standup` end to end: the report of what changed since the last standup (or a
date) as Markdown, HTML and PDF, and clear errors for what cannot be done."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from cli_support import assert_error, assert_ok, short
from pypdf import PdfReader

from kanban_sec.services.session import Session
from kanban_sec.services.standup import StandupService
from kanban_sec.store.database import open_database

NORWEGIAN = re.compile("[æøåÆØÅ]")


def _hold_standup(path: Path) -> str:
    """A standup held (started and ended) on the board, in this process."""
    db = open_database(path, daily_backup=False)
    try:
        standups = StandupService(Session(db, "tester", "en"))
        standup_id = standups.start([]).row_id
        standups.end(standup_id)
        return standup_id
    finally:
        db.close()


def _norwegian_item(demo, status: str = "doing") -> dict:
    """An open, non-confidential item of the example whose title has æ, ø or å."""
    return next(
        i
        for i in demo.items
        if i["status"] == status
        and i["classification"] != "confidential"
        and NORWEGIAN.search(i["title"])
    )


def _words(text: str) -> str:
    """PDF text as one line of words (the layout's line breaks and tabs become spaces)."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def test_markdown_lists_what_changed_since_the_last_standup(run, demo, demo_db):
    _hold_standup(demo_db)
    item = _norwegian_item(demo)
    assert_ok(run("--db", demo_db, "move", item["id"], "verify"), quiet=False)
    out = assert_ok(run("--db", demo_db, "standup"))
    assert out.startswith("# Standup report\n")
    assert "## Changed since the last standup" in out
    assert "### Moved (1)" in out
    row = next(
        line
        for line in out.splitlines()
        if short(item["id"]) in line and "| Doing | Verify |" in line
    )
    assert item["title"].split()[0] in row
    for heading in (
        "Aging in their column",
        "Blocked items",
        "Over the WIP limit",
        "Can be delegated",
        "Risk decisions expiring soon",
        "Notes and decisions",
    ):
        assert re.search(rf"^## {heading} \(\d+\)$", out, re.M), heading
    # nothing else changed since that standup
    assert re.findall(r"^### .*$", out, re.M) == ["### Moved (1)"]


def test_html_report_since_a_date_is_written_to_a_file(run, demo, demo_db, tmp_path):
    target = tmp_path / "standup.html"
    out = assert_ok(
        run(
            "--db",
            demo_db,
            "--lang",
            "nb",
            "standup",
            "--since",
            "2000-01-01",
            "--format",
            "html",
            "-o",
            target,
        )
    )
    assert out == f"skrev standuprapporten til {target}\n"
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    assert "<h1>Standuprapport</h1>" in page and "<table" in page
    # every item of the example was added since then, confidential ones by id only
    open_items = [i for i in demo.items if i["status"] != "done"]
    assert f"<h3>Nye ({len(demo.items)})</h3>" in page
    for item in open_items:
        assert short(item["id"]) in page
        if item["classification"] == "confidential":
            assert item["title"] not in page
    title = _norwegian_item(demo)["title"]
    assert title.replace("&", "&amp;") in page
    secret = next(i for i in open_items if i["classification"] == "confidential")
    assert f"Konfidensiell oppgave …{short(secret['id'])}" in page


def test_html_to_standard_output(run, demo_db):
    out = assert_ok(
        run("--db", demo_db, "standup", "--since", "2000-01-01T00:00", "--format", "html")
    )
    assert out.startswith("<!DOCTYPE html>") and out.rstrip().endswith("</html>")


def test_pdf_report_has_its_heading_and_titles_with_norwegian_letters(run, demo, demo_db, tmp_path):
    _hold_standup(demo_db)
    item = _norwegian_item(demo)
    assert_ok(run("--db", demo_db, "move", item["id"], "verify"), quiet=False)
    target = tmp_path / "rapport.pdf"
    out = assert_ok(
        run("--db", demo_db, "--lang", "nb", "standup", "--format", "pdf", "-o", target)
    )
    assert out == f"skrev standuprapporten til {target}\n"
    assert target.read_bytes().startswith(b"%PDF")
    reader = PdfReader(target)
    text = _words("\n".join(page.extract_text() for page in reader.pages))
    assert text.startswith("Standuprapport")
    assert "Endret siden forrige standup" in text and "Flyttet (1)" in text
    assert _words(item["title"]) in text
    assert "Står lenge i kolonnen" in text and "Blokkerte oppgaver" in text
    assert reader.metadata is not None and reader.metadata.title == "Standuprapport"


def test_pdf_needs_a_file(run, demo_db):
    assert_error(run("--db", demo_db, "standup", "--format", "pdf"), 2, "-o FILE")


@pytest.mark.parametrize("since", ["last week", "2026-02-30", "30.11.2026", ""])
def test_a_bad_date_is_refused_with_a_clear_message(run, demo_db, since):
    assert_error(
        run("--db", demo_db, "standup", "--since", since), 2, "--since", f"“{since}” is not a date"
    )


def test_an_unwritable_file_is_a_clear_error(run, demo_db, tmp_path):
    target = tmp_path / "no-such-folder" / "standup.md"
    assert_error(run("--db", demo_db, "standup", "-o", target), 2, "cannot write", str(target))
