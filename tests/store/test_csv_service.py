"""Import rules that need a database: history kept, contradictions and fixed owners refused."""

from __future__ import annotations

import pytest

from kanban_sec.domain.errors import ImportProblems
from kanban_sec.services.csv_exchange import import_csv


def _write(tmp_path, *lines):
    path = tmp_path / "in.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8-sig"))
    return path


def _problems(excinfo):
    return [(p.line, p.column, p.message.render("en")) for p in excinfo.value.problems]


def test_new_items_keep_the_creation_time_the_file_gives(service, tmp_path):
    path = _write(
        tmp_path,
        "title,created_at,status,done_at",
        "Gammel sak,2024-03-01T08:00:00Z,done,2024-04-01T10:00:00Z",
        "Norsk Excel,01.03.2024 09:30,backlog,",
    )
    import_csv(service, path)
    items = {e.item.title: e.item for e in service.view().entries}
    assert items["Gammel sak"].created_at.isoformat() == "2024-03-01T08:00:00+00:00"
    assert items["Gammel sak"].done_at.isoformat() == "2024-04-01T10:00:00+00:00"
    # Excel shows (and saves) Norwegian wall-clock time: 09:30 in March is 08:30 UTC
    assert items["Norsk Excel"].created_at.isoformat() == "2024-03-01T08:30:00+00:00"


def test_an_unreadable_creation_time_is_reported_not_guessed(service, tmp_path):
    path = _write(tmp_path, "title,created_at", "Sak,i fjor")
    with pytest.raises(ImportProblems) as caught:
        import_csv(service, path)
    assert _problems(caught) == [
        (2, "created_at", "“i fjor” is not a time (use YYYY-MM-DD HH:MM:SS or DD.MM.YYYY HH:MM)")
    ]
    assert service.view().entries == []


def test_a_file_contradicting_itself_about_a_link_is_refused(service, tmp_path):
    path = _write(
        tmp_path, "title,chain,link,link_maturity", "A,M365,Entra ID,1", "B,M365,Entra ID,2"
    )
    with pytest.raises(ImportProblems) as caught:
        import_csv(service, path)
    assert _problems(caught) == [(3, "link_maturity", "Entra ID is 2 here but 1 on line 2")]
    assert service.view().entries == []


def test_risk_ownership_of_a_chain_never_moves_through_an_import(service, tmp_path):
    service.add_chain("Medisindispenser", "Kommune / Helse")
    path = _write(tmp_path, "title,chain,risk_owner", "Sak,Medisindispenser,Kommune / IT")
    with pytest.raises(ImportProblems) as caught:
        import_csv(service, path)
    (problem,) = _problems(caught)
    assert problem[:2] == (2, "risk_owner") and "Kommune / Helse" in problem[2]


def test_a_pin_needs_a_reason(service, tmp_path):
    path = _write(tmp_path, "title,pinned", "Sak,yes", "Annen sak,Revisjonsfunn")
    with pytest.raises(ImportProblems) as caught:
        import_csv(service, path)
    assert [p[:2] for p in _problems(caught)] == [(2, "pinned")]


def test_dry_run_counts_and_writes_nothing(service, tmp_path):
    service.create_item("Finnes")
    path = _write(tmp_path, "title", "Ny sak")
    outcome = import_csv(service, path, dry_run=True)
    assert outcome.counts == {"created": 1, "updated": 0, "unchanged": 0}
    assert [e.item.title for e in service.view().entries] == ["Finnes"]
