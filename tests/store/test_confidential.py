"""Confidential details stay out of what leaves the board (CSV export, history export,
standup report) unless the person includes them, and that choice is on the record; the
standup lists risk acceptances running out within 30 days."""

from __future__ import annotations

import csv
import io
import sqlite3
from datetime import date, timedelta

import pytest

from kanban_sec.domain.errors import BadInput
from kanban_sec.domain.ids import short_id
from kanban_sec.domain.model import Role, Status
from kanban_sec.exchange.standup_report import render_markdown
from kanban_sec.services.board import BoardService
from kanban_sec.services.csv_export import export_csv
from kanban_sec.services.governance import GovernanceService
from kanban_sec.services.history import History, record_transfer
from kanban_sec.services.names import Names
from kanban_sec.services.session import Session
from kanban_sec.services.standup import StandupService
from kanban_sec.store.unit_of_work import reading

TODAY = date(2026, 11, 28)
SECRET = "Hemmelig sårbarhet i SCADA"
REASON = "Leverandøren har ikke patchet CVE-2026-1234"


def _transfers(db) -> list[tuple[str, str, int, int]]:
    """(kind, path, items, confidential) of every transfer, oldest first."""
    conn = sqlite3.connect(db.path)
    try:
        return conn.execute(
            "SELECT kind, path, items, confidential FROM transfers ORDER BY created_at, id"
        ).fetchall()
    finally:
        conn.close()


@pytest.fixture
def items(service) -> dict[str, str]:
    return {
        "open": service.create_item("Patch brannmuren", likelihood="4").row_id,
        "internal": service.create_item("Rydd tjenestekontoer", classification="internal").row_id,
        "secret": service.create_item(
            SECRET,
            description="Detaljer om SCADA-hullet",
            status="doing",
            classification="confidential",
        ).row_id,
    }


# -- CSV export ----------------------------------------------------------------------------


def test_export_leaves_confidential_items_out_unless_asked_and_records_the_choice(
    db, items, tmp_path
):
    default, everything = tmp_path / "board.csv", tmp_path / "all.csv"
    assert export_csv(db, default, author="kari") == 2
    text = default.read_text(encoding="utf-8-sig")
    assert SECRET not in text and items["secret"] not in text
    assert "Patch brannmuren" in text and "Rydd tjenestekontoer" in text
    assert export_csv(db, everything, include_confidential=True, author="kari") == 3
    rows = list(csv.DictReader(io.StringIO(everything.read_text(encoding="utf-8-sig"))))
    assert {r["id"]: r["classification"] for r in rows}[items["secret"]] == "confidential"
    assert _transfers(db) == [
        ("export", str(default.resolve()), 2, 0),
        ("export", str(everything.resolve()), 3, 1),
    ]
    recorded = History(Session(db, "tester")).transfers()
    assert [(r["kind"], r["confidential"], r["author"]) for r in recorded] == [
        ("export", True, "kari"),
        ("export", False, "kari"),
    ]


def test_an_export_to_a_stream_is_recorded_when_it_includes_confidential_items(db, items):
    export_csv(db, io.BytesIO())
    assert _transfers(db) == []
    stream = io.BytesIO()
    assert export_csv(db, stream, include_confidential=True, author="kari") == 3
    assert SECRET.encode() in stream.getvalue()
    assert _transfers(db) == [("export", "-", 3, 1)]


def test_record_transfer_takes_the_flag_and_reports(db, tmp_path):
    record_transfer(db, "per", "report", tmp_path / "standup.md", 4, confidential=True)
    record_transfer(db, "per", "import", tmp_path / "in.csv", 2)
    assert _transfers(db) == [
        ("report", str((tmp_path / "standup.md").resolve()), 4, 1),
        ("import", str((tmp_path / "in.csv").resolve()), 2, 0),
    ]
    with pytest.raises(ValueError):
        record_transfer(db, "per", "print", "x", 1)


# -- the standup report --------------------------------------------------------------------


def test_standup_report_masks_confidential_items_unless_included_and_is_recorded(
    db, service, items, tmp_path
):
    service.block(items["secret"], REASON)
    standups = StandupService(Session(db, "kari", "en", today=lambda: TODAY))
    standup_id = standups.start([]).row_id
    standups.add_note(standup_id, "Eskaleres til CISO", item_id=items["secret"], decision=True)
    masked = tmp_path / "standup.md"
    report = standups.write_report(masked, standup_id)
    text = masked.read_text(encoding="utf-8")
    assert SECRET not in text and "CVE-2026-1234" not in text and "Eskaleres" not in text
    assert f"Confidential item …{short_id(items['secret'])}" in text
    assert "Patch brannmuren" in text
    nb = render_markdown(report, "nb")
    assert f"Konfidensiell oppgave …{short_id(items['secret'])}" in nb and SECRET not in nb
    assert report.item_ids() >= set(items.values())

    shown = tmp_path / "standup.html"
    standups.write_report(shown, standup_id, include_confidential=True)
    page = shown.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert SECRET in page and "CVE-2026-1234" in page and "Eskaleres til CISO" in page
    count = len(report.item_ids())
    assert _transfers(db) == [
        ("report", str(masked.resolve()), count, 0),
        ("report", str(shown.resolve()), count, 1),
    ]
    # a report shown on screen is not a report handed out: nothing recorded
    standups.report(standup_id, include_confidential=True)
    assert len(_transfers(db)) == 2
    standups.record_report(standups.report(standup_id, include_confidential=True), "-")
    assert _transfers(db)[-1] == ("report", "-", count, 1)


def test_a_failed_report_write_leaves_no_file_and_no_record(db, items, tmp_path):
    standups = StandupService(Session(db, "kari", "en"))
    with pytest.raises(BadInput):
        standups.write_report(tmp_path / "missing" / "standup.md")
    assert _transfers(db) == []
    assert not list(tmp_path.rglob("*.tmp"))


# -- the history export --------------------------------------------------------------------


def test_history_export_masks_confidential_items_unless_included(db, service, items, tmp_path):
    service.add_comment(items["secret"], "Passordet er Sommer2026")
    service.block(items["secret"], REASON)
    StandupService(Session(db, "kari", "en")).start([])  # its snapshot holds the blocked reason
    history = History(Session(db, "kari", "en"))
    masked, shown = tmp_path / "history.csv", tmp_path / "history-all.csv"
    count = history.export_csv(masked)
    text = masked.read_text(encoding="utf-8-sig")
    for secret in (SECRET, "SCADA", "Sommer2026", "CVE-2026-1234"):
        assert secret not in text, secret
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == count
    label = f"Confidential item …{short_id(items['secret'])}"
    about = [r for r in rows if r["id"] == items["secret"]]
    assert about and all(r["name"] == label for r in about)
    title = next(r for r in about if r["field"] == "title")
    assert (title["old"], title["new"]) == ("", "(hidden)")
    status = next(r for r in about if r["field"] == "status")
    assert status["new"] == "Doing"  # where it stands is not a detail
    comment = next(r for r in rows if r["entity"] == "comment" and r["field"] == "body")
    assert (comment["name"], comment["new"]) == (label, "(hidden)")
    open_title = next(r for r in rows if r["id"] == items["open"] and r["field"] == "title")
    assert open_title["new"] == "Patch brannmuren"

    # the same entries, and those of the first export's own record
    recorded = len(history.entries(entity="transfer"))
    assert recorded and history.export_csv(shown, include_confidential=True) == count + recorded
    everything = shown.read_text(encoding="utf-8-sig")
    for secret in (SECRET, "Sommer2026", "CVE-2026-1234"):
        assert secret in everything, secret
    assert _transfers(db) == [
        ("export", str(masked.resolve()), count, 0),
        ("export", str(shown.resolve()), count + recorded, 1),
    ]
    assert [t["author"] for t in history.transfers()] == ["kari", "kari"]


def test_history_export_in_norwegian_names_the_item_in_norwegian(db, items, tmp_path):
    path = tmp_path / "historikk.csv"
    History(Session(db, "tester", "nb")).export_csv(path, item_id=items["secret"])
    text = path.read_text(encoding="utf-8-sig")
    assert f"Konfidensiell oppgave …{short_id(items['secret'])}" in text
    assert "(skjult)" in text and SECRET not in text


# -- risk acceptances running out --------------------------------------------------------


@pytest.fixture
def org(db) -> dict[str, str]:
    setup = BoardService(Session(db, "Guro Leder"))
    setup.add_person("Guro Leder", "Kommune / Sikkerhet", Role.GOVERNING)
    setup.add_person("Astrid Eier", "Kommune / Helse / Hjemmetjenesten", Role.GOVERNING)
    setup.add_person("Henrik Drift", "Kommune / IT / Drift", Role.OPERATIONAL)
    setup.add_chain("Medisindispenser", "Kommune / Helse / Hjemmetjenesten")
    setup.add_link("Medisindispenser", "Dispenser", maturity=1)
    engineer = BoardService(Session(db, "Henrik Drift"))

    def item(title: str, **extra: str) -> str:
        return engineer.create_item(
            title,
            chain="Medisindispenser",
            link="Dispenser",
            likelihood="2",
            consequence="3",
            **extra,
        ).row_id

    return {
        "soon": item("Firmwarerutine for dispensere"),
        "later": item("Nettverkssone for dispensere"),
        "secret": item(SECRET, classification="confidential"),
    }


def test_expiring_lists_an_acceptance_within_30_days_and_the_report_shows_it(db, org):
    owner = GovernanceService(Session(db, "Astrid Eier", "en", today=lambda: TODAY))
    owner.decide(
        "accept", "Ny firmware kommer", valid_until=TODAY + timedelta(days=20), item_id=org["soon"]
    )
    owner.decide(
        "accept",
        "Sonen bygges neste år",
        valid_until=TODAY + timedelta(days=40),
        item_id=org["later"],
    )
    owner.decide(
        "accept", "Lav sannsynlighet", valid_until=TODAY + timedelta(days=10), item_id=org["secret"]
    )
    found = owner.expiring()
    assert [e.decision.item_id for e in found] == [org["secret"], org["soon"]]
    soon = next(e for e in found if e.decision.item_id == org["soon"])
    assert (soon.decision.valid_until, soon.decided_by, soon.items) == (
        TODAY + timedelta(days=20),
        "Astrid Eier",
        1,
    )

    standups = StandupService(Session(db, "kari", "en", today=lambda: TODAY))
    assert [e.decision.item_id for e in standups.expiring_risk_decisions()] == [
        org["secret"],
        org["soon"],
    ]
    report = standups.report()
    lines = {(r.item.id if r.item else None): r for r in report.risk_decisions_expiring}
    assert set(lines) == {org["soon"], org["secret"]}
    assert lines[org["soon"]].risk_owner == "Astrid Eier"
    assert lines[org["soon"]].chain == "Medisindispenser"
    assert lines[org["secret"]].item is not None and lines[org["secret"]].item.title is None
    text = render_markdown(report, "en")
    section = text.split("## Risk decisions expiring soon (2)", 1)[1].split("\n## ", 1)[0]
    assert "| Item | Valid until | Risk owner |" in section
    assert (
        f"Firmwarerutine for dispensere ({short_id(org['soon'])}) | "
        f"{(TODAY + timedelta(days=20)).isoformat()} | Astrid Eier |" in section
    )
    assert f"Confidential item …{short_id(org['secret'])}" in section
    assert SECRET not in text and "Nettverkssone" not in section
    nb = render_markdown(report, "nb")
    assert "| Oppgave | Gyldig til | Risikoeier |" in nb
    shown = render_markdown(standups.report(include_confidential=True), "en")
    assert SECRET in shown.split("## Risk decisions expiring soon", 1)[1]
    # 21 days on, only the acceptance of 40 days is still in force, 19 days from then
    later = StandupService(Session(db, "kari", "en", today=lambda: TODAY + timedelta(days=21)))
    assert [r.item.id for r in later.report().risk_decisions_expiring if r.item is not None] == [
        org["later"]
    ]


def test_a_whole_chain_acceptance_is_listed_by_chain(db, org):
    owner = GovernanceService(Session(db, "Astrid Eier", "en", today=lambda: TODAY))
    with reading(db) as reader:
        chain_id = Names(reader).chain("Medisindispenser")
    owner.decide(
        "accept", "Hele kjeden vurdert", valid_until=TODAY + timedelta(days=5), chain_id=chain_id
    )
    report = StandupService(Session(db, "kari", "en", today=lambda: TODAY)).report()
    (line,) = report.risk_decisions_expiring
    assert line.item is None and line.items == 3
    text = render_markdown(report, "en")
    assert "Whole chain Medisindispenser (3 items)" in text
    assert "Hele kjeden Medisindispenser (3 oppgaver)" in render_markdown(report, "nb")


def test_no_acceptances_no_rows(db, service, items):
    report = StandupService(Session(db, "kari", "en", today=lambda: TODAY)).report()
    assert report.risk_decisions_expiring == ()
    assert Status.DOING in {c.to_status for c in report.changes}
