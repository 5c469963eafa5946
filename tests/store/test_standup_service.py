"""The weekly standup on a real (temporary) board: the snapshot it starts from, notes and
decisions in the card's history, the walk order, and a report of exactly what changed."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest

from kanban_sec.domain.errors import BadInput, NotFound, Refused
from kanban_sec.domain.ids import short_id
from kanban_sec.domain.model import Status
from kanban_sec.domain.standup import ChangeKind, NoteKind, StandupSettings
from kanban_sec.exchange.standup_report import render_html, render_markdown
from kanban_sec.services.session import Session
from kanban_sec.services.standup import StandupService
from kanban_sec.store import rows

NETT = "Kommune / IT / Drift / Team Nettverk"
KLIENT = "Kommune / IT / Drift / Team Klient"
DRIFT = "Kommune / IT / Drift"


@pytest.fixture
def board(service):
    """Six items without chains (score = likelihood × consequence × 3), each in its column.

    Rank order: b1 (75), d1 (36), d2 (27), v1 (18), n1 (9), c1 (3, confidential).
    """
    service.add_person("Kari Nordmann", NETT)
    service.add_person("Ola Ødegård", KLIENT)
    service.ensure_unit(DRIFT)

    def add(title, status, lk, ck="3", **more):
        return service.create_item(
            title, status=status, likelihood=lk, consequence=ck, **more
        ).row_id

    ids = {
        "b1": add("Skriv ROS-analyse for nettbrett", "backlog", "5", "5", owner_unit=NETT),
        "d1": add(
            "Innfør MFA på leverandørsky",
            "doing",
            "4",
            owner_unit=NETT,
            owner_person="Kari Nordmann",
        ),
        "d2": add(
            "Herd nettbrett i hjemmetjenesten",
            "doing",
            "3",
            owner_unit=KLIENT,
            owner_person="Ola Ødegård",
        ),
        "v1": add(
            "Verifiser logging på brannmur",
            "verify",
            "2",
            owner_unit=NETT,
            owner_person="Kari Nordmann",
        ),
        "n1": add("Kartlegg dataflyt for TT-kort", "next", "1", owner_unit=DRIFT),
        "c1": add(
            "Hemmelig sårbarhet i SCADA",
            "doing",
            "1",
            "1",
            owner_unit=NETT,
            owner_person="Kari Nordmann",
            classification="confidential",
        ),
    }
    return ids


@pytest.fixture
def standups(db):
    return StandupService(Session(db, "tester", "en"))


def _all_people(service):
    from kanban_sec.store.unit_of_work import reading

    with reading(service.db) as reader:
        return list(reader.people().values())


def _held(standups, attendees=()):
    """A standup started and ended now: the baseline for what follows."""
    time.sleep(0.005)  # nothing else in the millisecond it starts
    standup_id = standups.start(list(attendees)).row_id
    standups.end(standup_id)
    return standup_id


def _lines(report):
    return {(c.kind, c.item.id) for c in report.changes}


def test_starting_stores_who_came_and_the_board_as_it_was(service, standups, board):
    people = [p.id for p in _all_people(service)]
    outcome = standups.start(people)
    standup = standups.get(outcome.row_id)
    assert standup.attendees == tuple(people) and standup.facilitator == "tester"
    assert not standup.ended and standups.running() == standup
    assert [c.entity for c in outcome.changes] == ["standup"]  # a change record: it syncs
    snapshot = standups.snapshot(standup.id)
    assert [item_id for item_id, _ in sorted(snapshot.items(), key=lambda kv: kv[1].rank)] == [
        board[k] for k in ("b1", "d1", "d2", "v1", "n1", "c1")
    ]
    assert snapshot[board["d2"]].status is Status.DOING
    assert snapshot[board["d1"]].owner_person_id is not None
    standups.end(standup.id)
    assert standups.get(standup.id).ended and standups.running() is None
    assert standups.last_ended() == standups.last() == standups.get(standup.id)


def test_a_second_standup_waits_for_the_first_to_end_and_attendees_must_exist(standups, board):
    standup_id = standups.start([]).row_id
    with pytest.raises(Refused):
        standups.start([])
    standups.end(standup_id)
    standups.end(standup_id)  # ending twice changes nothing
    with pytest.raises(NotFound):
        standups.start(["no-such-person"])
    with pytest.raises(NotFound):
        standups.get("no-such-standup")


def test_the_report_lists_exactly_what_changed_since_the_last_standup(service, standups, board):
    _held(standups)
    service.move(board["d2"], "verify")
    service.edit_item(board["n1"], likelihood=5)  # 9 → 45: second
    service.add_comment(board["b1"], "Snakket med leverandøren")
    service.set_fields(board["v1"], {"description": "Nye detaljer"})
    new = service.create_item(
        "Ny oppgave: gjennomgå tilganger", likelihood="1", consequence="1"
    ).row_id
    report = standups.report()
    assert _lines(report) == {
        (ChangeKind.MOVED, board["d2"]),
        (ChangeKind.RERANKED_UP, board["n1"]),
        (ChangeKind.NEW, new),
    }
    moved = report.changes_of(ChangeKind.MOVED)[0]
    assert (moved.from_status, moved.to_status, moved.author) == (
        Status.DOING,
        Status.VERIFY,
        "tester",
    )
    up = report.changes_of(ChangeKind.RERANKED_UP)[0]
    assert (up.from_rank, up.to_rank, up.places) == (5, 2, 3)


def test_every_kind_once_in_a_standup_report_against_the_previous_standup(service, standups, board):
    _held(standups)
    service.move(board["d2"], "done")
    service.block(board["d1"], "Venter på leverandør")
    service.assign(board["v1"], None, _person(service, "Ola Ødegård"))
    service.edit_item(board["b1"], likelihood=1)  # 75 → 15: behind d1 and v1
    service.delete(board["n1"])
    standup_id = standups.start([]).row_id
    report = standups.report(standup_id)
    kinds = [(c.kind, c.item.id) for c in report.changes]
    assert len(kinds) == len(set(kinds))
    assert set(kinds) >= {
        (ChangeKind.DONE, board["d2"]),
        (ChangeKind.BLOCKED, board["d1"]),
        (ChangeKind.OWNER, board["v1"]),
        (ChangeKind.RERANKED_DOWN, board["b1"]),
        (ChangeKind.REMOVED, board["n1"]),
    }
    assert report.baseline is not None and report.standup.id == standup_id
    owner = report.changes_of(ChangeKind.OWNER)[0]
    assert owner.from_owner.startswith("Kari Nordmann") and owner.to_owner.startswith("Ola")
    assert report.changes_of(ChangeKind.BLOCKED)[0].reason == "Venter på leverandør"
    assert report.changes_of(ChangeKind.REMOVED)[0].item.title == "Kartlegg dataflyt for TT-kort"


def _person(service, name):
    return next(p.id for p in _all_people(service) if p.name == name)


def test_a_finished_standups_report_stops_at_its_end(service, standups, board):
    _held(standups)
    standup_id = standups.start([]).row_id
    service.move(board["d1"], "verify")
    standups.end(standup_id)
    service.move(board["d2"], "verify")  # after the standup: not in its report
    report = standups.report(standup_id)
    assert _lines(report) == {(ChangeKind.MOVED, board["d1"])}
    # since the start of that (last ended) standup: both moves
    assert {c.item.id for c in standups.report().changes_of(ChangeKind.MOVED)} == {
        board["d1"],
        board["d2"],
    }


def test_a_report_since_a_moment_rebuilds_the_board_from_the_log_exactly(service, standups, board):
    standup_id = _held(standups)
    moment = standups.get(standup_id).started_at
    service.move(board["d2"], "verify")
    service.edit_item(board["n1"], likelihood=5)
    service.edit_item(board["b1"], likelihood=1)
    service.block(board["v1"], "Mangler tilgang")
    service.delete(board["c1"])
    service.create_item("Ny etter standupen")
    from_snapshot = standups.report()
    rebuilt = standups.report(moment)
    assert from_snapshot.baseline is not None and rebuilt.baseline is None
    assert [(c.kind, c.item.id, c.places, c.from_rank, c.to_rank) for c in rebuilt.changes] == [
        (c.kind, c.item.id, c.places, c.from_rank, c.to_rank) for c in from_snapshot.changes
    ]


def test_changes_since_defaults_to_the_start_of_the_last_ended_standup(service, standups, board):
    first = _held(standups)
    service.move(board["d1"], "verify")
    running = standups.start([]).row_id
    service.move(board["d2"], "verify")

    def moved(changes):
        return [c.row_id for c in changes if c.entity == "item"]

    since_first = standups.changes_since()
    assert moved(since_first) == [board["d1"], board["d2"]]
    first_hlc = _insert_hlc(standups, first)
    assert all(c.hlc > first_hlc for c in since_first)
    standups.end(running)
    assert moved(standups.changes_since()) == [board["d2"]]
    everything = standups.changes_since(datetime.now(UTC) - timedelta(days=1))
    assert {c.entity for c in everything} >= {"item", "person", "unit", "standup"}


def _insert_hlc(standups, standup_id):
    from kanban_sec.store.unit_of_work import reading

    with reading(standups.db) as reader:
        return min(c.hlc for c in reader.history("standup", standup_id))


def test_without_any_standup_the_report_covers_the_first_period(service, db, board):
    report = StandupService(Session(db, "tester", "en")).report()
    assert report.baseline is None
    assert {c.kind for c in report.changes} == {ChangeKind.NEW}
    assert timedelta(days=6) < report.until - report.since <= timedelta(days=7, seconds=1)
    quiet = StandupService(Session(db, "tester", "en"), StandupSettings(first_period=timedelta(0)))
    assert quiet.report().changes == ()


def test_notes_and_decisions_are_kept_on_the_standup_and_in_the_cards_history(
    service, standups, board
):
    standup_id = standups.start([]).row_id
    held_on = standups.get(standup_id).held_on.isoformat()
    decision = standups.add_note(
        standup_id, "Vi prioriterer MFA før sommeren", item_id=board["d1"], decision=True
    )
    standups.add_note(standup_id, "Neste uke: gjennomgang av årshjulet")
    assert {c.entity for c in decision.changes} == {"standup_note", "comment"}
    notes = standups.get(standup_id).notes
    assert [(n.kind, n.item_id, n.body) for n in notes] == [
        (NoteKind.DECISION, board["d1"], "Vi prioriterer MFA før sommeren"),
        (NoteKind.NOTE, None, "Neste uke: gjennomgang av årshjulet"),
    ]
    comments = service.comments(board["d1"])
    assert [c.body for c in comments] == [
        f"Decision at the standup {held_on}: Vi prioriterer MFA før sommeren"
    ]
    assert all(not service.comments(item_id) for key, item_id in board.items() if key != "d1")
    nb = StandupService(Session(standups.db, "tester", "nb"))
    nb.add_note(standup_id, "Ola tar denne", item_id=board["d2"])
    assert service.comments(board["d2"])[0].body == f"Notat fra standup {held_on}: Ola tar denne"
    report = standups.report(standup_id)
    assert [(n.kind, n.body) for n in report.notes] == [
        (NoteKind.DECISION, "Vi prioriterer MFA før sommeren"),
        (NoteKind.NOTE, "Neste uke: gjennomgang av årshjulet"),
        (NoteKind.NOTE, "Ola tar denne"),
    ]
    with pytest.raises(BadInput):
        standups.add_note(standup_id, "   ")
    with pytest.raises(NotFound):
        standups.add_note(standup_id, "x", item_id="no-such-item")
    standups.end(standup_id)
    with pytest.raises(Refused):
        standups.add_note(standup_id, "for sent")


def test_the_walk_goes_right_to_left_in_rank_order_and_per_owner(service, standups, board, db):
    assert standups.walk_order() == [board[k] for k in ("v1", "d1", "d2", "c1", "n1")]
    with_backlog = standups.walk_order(include_backlog=True)
    assert with_backlog == [board[k] for k in ("v1", "d1", "d2", "c1", "n1", "b1")]
    units = {u.name: u.id for u in _units(db)}
    assert standups.walk_order(units["Team Nettverk"]) == [board[k] for k in ("v1", "d1", "c1")]
    # a unit walks its sub-units' items too
    assert standups.walk_order(units["Drift"]) == standups.walk_order()
    with pytest.raises(NotFound):
        standups.walk_order("no-such-unit")


def _units(db):
    from kanban_sec.store.unit_of_work import reading

    with reading(db) as reader:
        return list(reader.units().values())


def test_aging_counts_from_entering_the_column_comments_and_edits_do_not_reset_it(
    service, standups, board, db
):
    twelve_days_ago = rows.ts(datetime.now(UTC) - timedelta(days=12))
    with db.connect(write=True) as conn:
        conn.exec_driver_sql(
            "UPDATE items SET status_changed_at = ? WHERE id = ?", (twelve_days_ago, board["d1"])
        )
    service.add_comment(board["d1"], "Fortsatt i arbeid")
    service.set_fields(board["d1"], {"title": "Innfør MFA på leverandørskyen"})
    report = standups.report()
    aging = {a.item.id: a for a in report.aging}
    assert set(aging) == {board["d1"]}
    assert (aging[board["d1"]].days, aging[board["d1"]].limit_days) == (12, 10)
    service.move(board["d1"], "verify")
    assert standups.report().aging == ()


def test_blocked_wip_and_delegable_sections(service, standups, board):
    service.block(board["d2"], "Venter på leverandør")
    service.set_wip_limit(Status.DOING, 2)
    report = standups.report()
    assert [(b.item.id, b.reason, b.days) for b in report.blocked] == [
        (board["d2"], "Venter på leverandør", 0)
    ]
    assert [(w.status, w.count, w.limit) for w in report.wip_over_limit] == [(Status.DOING, 3, 2)]
    delegable = {d.item.id: d for d in report.delegable}
    assert set(delegable) == {board["n1"]}  # owned by Drift, not a team; backlog not walked
    assert delegable[board["n1"]].suggestions == (KLIENT, NETT)
    assert report.risk_decisions_expiring == ()
    assert (report.lowest_level, report.open_items) == (4, 6)


def test_confidential_items_show_their_id_only_unless_asked(service, standups, board):
    _held(standups)
    service.block(board["c1"], "Leverandøren har ikke patchet CVE-2026-1234")
    standup_id = standups.start([]).row_id
    standups.add_note(standup_id, "Eskaleres til CISO", item_id=board["c1"], decision=True)
    report = standups.report(standup_id)
    blocked = report.changes_of(ChangeKind.BLOCKED)[0]
    assert blocked.item.title is None and blocked.reason is None
    for lang in ("en", "nb"):
        for text in (render_markdown(report, lang), render_html(report, lang)):
            assert "SCADA" not in text and "CVE-2026-1234" not in text
            assert "Eskaleres" not in text
            assert short_id(board["c1"]) in text
    assert f"Confidential item …{short_id(board['c1'])}" in render_markdown(report, "en")
    assert f"Konfidensiell oppgave …{short_id(board['c1'])}" in render_html(report, "nb")
    shown = standups.report(standup_id, include_confidential=True)
    text = render_markdown(shown, "en")
    assert "Hemmelig sårbarhet i SCADA" in text and "CVE-2026-1234" in text
    assert "Eskaleres til CISO" in text


def test_markdown_and_html_are_escaped_and_keep_norwegian_letters(service, standups, board):
    _held(standups)
    title = 'Fjern <script>alert("x")</script> & sjekk | tabeller «æøå ÆØÅ»'
    service.create_item(title)
    report = standups.report()
    page = render_html(report, "nb")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="nb">' in page
    assert '<meta charset="utf-8">' in page and "<style>" in page and "<table" in page
    assert "<script>" not in page
    assert "Fjern &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; sjekk" in page
    assert "«æøå ÆØÅ»" in page
    assert "<h2>Endret siden forrige standup</h2>" in page
    markdown = render_markdown(report, "nb")
    row = next(line for line in markdown.splitlines() if "Fjern" in line)
    assert "\\<script\\>" in row and "\\| tabeller" in row and "«æøå ÆØÅ»" in row
    assert row.count(" | ") == 4  # five cells: the title's pipe does not split the row
    assert markdown.startswith("# Standuprapport\n")
    assert "## Endret siden forrige standup" in markdown
    assert "### Nye (1)" in markdown
