"""The annual wheel on a real board file: activities, generated items, keep it there, iCal."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime, timedelta

import pytest
from icalendar import Calendar

from kanban_sec.domain import annual_wheel as wheel
from kanban_sec.domain.annual_wheel import Overdue
from kanban_sec.domain.errors import BadInput, NotFound, Refused
from kanban_sec.domain.model import Effort, Role, Status
from kanban_sec.services.annual_wheel import CALENDAR_NAME, AnnualWheel, insert_activity
from kanban_sec.services.board import BoardService
from kanban_sec.services.demo import load_demo
from kanban_sec.services.governance import GovernanceService
from kanban_sec.services.names import Names
from kanban_sec.services.session import Session
from kanban_sec.store.database import open_database
from kanban_sec.store.unit_of_work import reading, writing

ROS_RULE = "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=1"


@pytest.fixture
def board(service: BoardService) -> dict[str, str]:
    """A chain with a link, a leaf unit and a person in it."""
    unit = service.ensure_unit("Kommune / Helseetaten / Team Velferdsteknologi").row_id
    person = service.add_person(
        "Per Inge Rønning", "Kommune / Helseetaten / Team Velferdsteknologi"
    ).row_id
    chain = service.add_chain("Medisindispenser", "Kommune / Helseetaten").row_id
    link = service.add_link("Medisindispenser", "Dispenser i brukers hjem", maturity=1).row_id
    return {"unit": unit, "person": person, "chain": chain, "link": link}


@pytest.fixture
def annual(db) -> AnnualWheel:
    return AnnualWheel(Session(db, "tester", "en"))


def _add_ros(annual: AnnualWheel, board: dict[str, str], **extra) -> str:
    values = dict(
        description="Årlig gjennomgang.",
        lead_days=14,
        owner_person_id=board["person"],
        chain_id=board["chain"],
        likelihood=3,
        consequence=5,
        effort=Effort.M,
        framework_ref="ISO 27001 8.2",
        tags=["ROS"],
    )
    values.update(extra)
    return annual.add_activity(
        "ROS-analyse: Medisindispenser", ROS_RULE, date(2026, 1, 1), **values
    ).row_id


def _generated(db) -> list[tuple]:
    conn = sqlite3.connect(db.path)
    try:
        return conn.execute(
            "SELECT id, occurrence, deleted_at FROM items"
            " WHERE activity_id IS NOT NULL ORDER BY occurrence"
        ).fetchall()
    finally:
        conn.close()


# -- activities ----------------------------------------------------------------------------


def test_an_activity_is_stored_checked_and_logged(annual, board, service):
    activity_id = _add_ros(annual, board, tags=[" ROS ", "ROS"])
    activity = annual.activity(activity_id)
    assert activity.rrule == ROS_RULE and activity.starts_on == date(2026, 1, 1)
    # The person's unit becomes the owner unit.
    assert activity.owner_unit_id == board["unit"] and activity.tags == ["ROS"]
    with reading(annual.db) as reader:
        history = reader.history("activity", activity_id)
    assert len(history) == 1 and history[0].fields["rrule"] == (ROS_RULE, None)
    assert [a.id for a in annual.list_activities()] == [activity_id]


def test_a_bad_rule_is_refused_and_nothing_is_written(annual, board):
    with pytest.raises(BadInput) as caught:
        annual.add_activity("Feil", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", date(2026, 1, 1))
    assert caught.value.msg.key == "wheel.bad_rule"
    assert annual.list_activities() == []


def test_references_are_checked(annual, board):
    with pytest.raises(NotFound):
        annual.add_activity("X", ROS_RULE, date(2026, 1, 1), owner_unit_id="nowhere")
    with pytest.raises(BadInput, match="field"):
        annual.add_activity("X", ROS_RULE, date(2026, 1, 1), colour="red")


def test_edit_and_delete(annual, board):
    activity_id = _add_ros(annual, board)
    outcome = annual.edit_activity(
        activity_id, lead_days=30, rrule="freq=yearly;bymonth=4;bymonthday=1"
    )
    assert set(outcome.changes[0].fields) == {"lead_days", "rrule", "updated_at"}
    assert annual.activity(activity_id).rrule == "FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=1"
    with pytest.raises(BadInput):
        annual.edit_activity(activity_id, rrule="FREQ=SOMETIMES")
    annual.delete_activity(activity_id)
    assert annual.list_activities() == []
    with pytest.raises(NotFound):
        annual.activity(activity_id)
    assert annual.generate_due(date(2026, 3, 1)).counts["generated"] == 0


# -- generating items ----------------------------------------------------------------------


def test_generate_puts_the_occurrence_in_the_backlog_with_the_activity_fields(
    annual, board, service
):
    activity_id = _add_ros(annual, board)
    outcome = annual.generate_due(date(2027, 2, 20))
    assert outcome.counts["generated"] == 2  # 2026 missed (create), 2027 within lead time
    item = service.entry(wheel.item_id(activity_id, date(2027, 3, 1))).item
    assert item.title == "ROS-analyse: Medisindispenser (2027-03-01)"
    assert item.status is Status.BACKLOG
    assert item.description.startswith("Årlig gjennomgang.")
    assert "“ROS-analyse: Medisindispenser”, occurrence 2027-03-01" in item.description
    assert (item.owner_unit_id, item.owner_person_id) == (board["unit"], board["person"])
    assert (item.chain_id, item.likelihood, item.consequence, item.effort) == (
        board["chain"],
        3,
        5,
        Effort.M,
    )
    assert (item.framework_ref, item.tags) == ("ISO 27001 8.2", ["ROS"])
    assert item.due_date == date(2027, 3, 1)
    assert (item.activity_id, item.occurrence) == (activity_id, date(2027, 3, 1))
    assert outcome.item_ids == {wheel.item_id(activity_id, date(2026, 3, 1)), item.id}


def test_generate_twice_writes_nothing_the_second_time(annual, board, db):
    _add_ros(annual, board)
    assert annual.generate_due(date(2026, 2, 20)).counts["generated"] == 1
    conn = sqlite3.connect(db.path)
    before = conn.execute("SELECT count(*) FROM changes").fetchone()[0]
    again = annual.generate_due(date(2026, 2, 20))
    assert again.counts["generated"] == 0 and not again.changed
    assert conn.execute("SELECT count(*) FROM changes").fetchone()[0] == before
    conn.close()


def test_two_databases_generate_the_same_item_ids(tmp_path):
    made = []
    for name in ("a.sqlite", "b.sqlite"):
        db = open_database(tmp_path / name)
        try:
            service = BoardService(Session(db, "tester", "en"))
            service.ensure_unit("Kommune / Sikkerhet")
            # The activity row is the same on both (as after a sync): same id.
            with writing(db, "tester") as uow:
                insert_activity(
                    uow,
                    wheel.Activity(
                        id="01a2c3d4-0000-7000-8000-000000000001",
                        title="Tilgangsgjennomgang",
                        rrule="FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY=15",
                        starts_on=date(2026, 1, 1),
                        lead_days=14,
                    ),
                )
            AnnualWheel(Session(db, "tester", "en")).generate_due(date(2026, 7, 2))
            made.append(_generated(db))
        finally:
            db.close()
    assert made[0] == made[1] and len(made[0]) == 3
    assert made[0][0][0] == wheel.item_id("01a2c3d4-0000-7000-8000-000000000001", date(2026, 1, 15))


def test_a_deleted_generated_item_is_not_made_again(annual, board, service):
    activity_id = _add_ros(annual, board)
    annual.generate_due(date(2026, 2, 20))
    item_id = wheel.item_id(activity_id, date(2026, 3, 1))
    service.delete(item_id)
    assert annual.generate_due(date(2026, 3, 5)).counts["generated"] == 0
    assert [(row[0], row[2] is not None) for row in _generated(annual.db)] == [(item_id, True)]
    view = annual.year_view(2026, today=date(2026, 3, 5))
    assert [(e.occurrence, e.status, e.item_id) for e in view] == [
        (date(2026, 3, 1), "skipped", None)
    ]


def test_the_clock_moving_back_generates_nothing(annual, board):
    _add_ros(annual, board)
    assert annual.generate_due(date(2028, 2, 20)).counts["generated"] == 3
    assert annual.generate_due(date(2026, 2, 20)).counts["generated"] == 0
    assert annual.generate_due(date(2027, 6, 1)).counts["generated"] == 0
    assert annual.generate_due(date(2029, 2, 15)).counts["generated"] == 1
    assert len(_generated(annual.db)) == 4


def test_skip_makes_only_the_newest_missed_occurrence(annual, board):
    activity_id = annual.add_activity(
        "Sårbarhetsskanning",
        "FREQ=MONTHLY;BYMONTHDAY=5",
        date(2026, 1, 1),
        lead_days=7,
        overdue=Overdue.SKIP,
    ).row_id
    assert annual.generate_due(date(2026, 6, 10)).counts["generated"] == 1
    assert [r[1] for r in _generated(annual.db)] == ["2026-06-05"]
    states = {
        e.occurrence.month: e.status
        for e in annual.year_view(2026, date(2026, 6, 10))
        if e.activity.id == activity_id
    }
    assert states[1] == "skipped" and states[6] == "backlog" and states[7] == "planned"


def test_year_view_shows_item_columns_and_what_is_still_to_come(annual, board, service):
    activity_id = annual.add_activity(
        "Tilgangsgjennomgang",
        "FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY=15",
        date(2026, 1, 1),
        lead_days=0,
    ).row_id
    annual.generate_due(date(2026, 1, 20))
    service.move(wheel.item_id(activity_id, date(2026, 1, 15)), Status.DONE)
    view = annual.year_view(2026, today=date(2026, 5, 1))
    assert [(e.occurrence, e.status) for e in view] == [
        (date(2026, 1, 15), "done"),
        (date(2026, 4, 15), "overdue"),
        (date(2026, 7, 15), "planned"),
        (date(2026, 10, 15), "planned"),
    ]
    assert view[0].item_id == wheel.item_id(activity_id, date(2026, 1, 15))
    with pytest.raises(BadInput, match="year"):
        annual.year_view(12026)


def test_generate_is_cheap_when_nothing_is_due(annual, board, db, monkeypatch):
    _add_ros(annual, board)
    annual.generate_due(date(2026, 2, 20))

    def no_write(*args, **kwargs):
        raise AssertionError("nothing is due: no write transaction")

    monkeypatch.setattr("kanban_sec.services.annual_wheel.writing", no_write)
    assert annual.generate_due(date(2026, 2, 21)).counts["generated"] == 0


# -- keep it there ----------------------------------------------------------------------


def _done_item(service: BoardService) -> str:
    item_id = service.create_item(
        "Sikre dispenserne i brukers hjem",
        chain="Medisindispenser",
        link="Dispenser i brukers hjem",
        owner_person="Per Inge Rønning",
        likelihood="4",
        consequence="5",
        tags="IoT",
    ).row_id
    # Score 40: the board policy wants a controlling member's verification first.
    service.add_person("Kari Kontroll", "Kommune / Internkontroll", Role.CONTROLLING)
    service.move(item_id, Status.VERIFY)
    GovernanceService(Session(service.db, "Kari Kontroll")).verify(item_id, "Sjekket i fagsystemet")
    return item_id


def test_keep_it_there_refuses_below_the_target(annual, board, service):
    item_id = _done_item(service)
    with pytest.raises(Refused) as caught:
        annual.keep_it_there(item_id, "FREQ=YEARLY")
    text = caught.value.message("en")
    assert "maturity 1/3" in text and "Security is never done" in text
    assert "Sikkerhet blir aldri ferdig" in caught.value.message("nb")
    assert annual.list_activities() == []


def test_keep_it_there_refuses_an_item_not_done(annual, board, service):
    item_id = service.create_item(
        "Åpen", chain="Medisindispenser", link="Dispenser i brukers hjem"
    ).row_id
    service.set_link_maturity(board["link"], 3)
    with pytest.raises(Refused, match="not done"):
        annual.keep_it_there(item_id, "FREQ=YEARLY")


def test_keep_it_there_at_the_target_makes_a_recurring_activity(annual, board, service):
    item_id = _done_item(service)
    service.set_link_maturity(board["link"], 3)
    outcome = annual.keep_it_there(
        item_id, "FREQ=YEARLY", lead_days=21, starts_on=date(2026, 11, 28)
    )
    activity = annual.activity(outcome.row_id)
    assert activity.source_item_id == item_id and activity.rrule == "FREQ=YEARLY"
    assert (activity.chain_id, activity.link_id, activity.owner_person_id) == (
        board["chain"],
        board["link"],
        board["person"],
    )
    assert (activity.likelihood, activity.consequence, activity.tags) == (4, 5, ["IoT"])
    assert activity.lead_days == 21 and "Keeps Medisindispenser › Dispenser" in activity.description
    # The done item stands for the first occurrence: nothing is due until next year's.
    assert annual.generate_due(date(2026, 11, 28)).counts["generated"] == 0
    assert annual.generate_due(date(2027, 11, 7)).counts["generated"] == 1
    with pytest.raises(Refused, match="already kept there"):
        annual.keep_it_there(item_id, "FREQ=YEARLY")


# -- iCalendar ---------------------------------------------------------------------------


def test_ics_round_trip(annual, board, tmp_path):
    ros = _add_ros(annual, board)
    counted = annual.add_activity(
        "Backup-test", "FREQ=YEARLY;BYMONTH=5,11;BYMONTHDAY=12;COUNT=3", date(2026, 1, 1)
    ).row_id
    annual.add_activity("Gammel", "FREQ=YEARLY;UNTIL=20261231", date(2026, 1, 1))
    path = tmp_path / "wheel.ics"
    assert annual.export_ics(path, 2027) == 2  # the one that ended in 2026 is left out
    calendar = Calendar.from_ical(path.read_bytes())
    assert str(calendar["X-WR-CALNAME"]) == CALENDAR_NAME
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {f"{ros}@kanban-sec", f"{counted}@kanban-sec"}
    first = events[f"{ros}@kanban-sec"]
    assert first.decoded("DTSTART") == date(2027, 3, 1)  # a DATE, not a date-time
    assert first["DTSTART"].params.get("VALUE") == "DATE"
    assert first["RRULE"].to_ical().decode() in (ROS_RULE, "FREQ=YEARLY;BYMONTHDAY=1;BYMONTH=3")
    assert str(first["SUMMARY"]) == "ROS-analyse: Medisindispenser"
    assert "Årlig gjennomgang." in str(first["DESCRIPTION"])
    assert "Per Inge Rønning" in str(first["DESCRIPTION"])
    # COUNT counted from 2026: moved to 2027, the series ends where it did.
    backup = events[f"{counted}@kanban-sec"]
    assert backup.decoded("DTSTART") == date(2027, 5, 12)
    assert "COUNT" not in backup["RRULE"] and backup["RRULE"]["UNTIL"] == [date(2027, 5, 12)]
    # Exporting again gives the same series (UIDs stable per activity).
    again = Calendar.from_ical(annual.ics(2027)[0])
    assert {str(e["UID"]) for e in again.walk("VEVENT")} == set(events)


def test_ics_to_a_folder_that_does_not_exist_is_one_message(annual, board, tmp_path):
    _add_ros(annual, board)
    with pytest.raises(BadInput, match="cannot write"):
        annual.export_ics(tmp_path / "missing" / "wheel.ics", 2027)


# -- the example board -------------------------------------------------------------------


def test_the_example_has_a_wheel_and_generates_once(service, db):
    outcome = load_demo(service)
    annual = AnnualWheel(Session(db, "tester", "en"))
    activities = annual.list_activities()
    assert outcome.counts["activities"] == len(activities) >= 12
    with reading(db) as reader:
        names = Names(reader)
    for activity in activities:
        # Owners at the lowest level: a leaf unit and a person in it.
        assert names.tree.is_leaf(activity.owner_unit_id), activity.title
        assert activity.owner_person_id in names.people, activity.title
    titles = {a.title for a in activities}
    assert {
        "ROS-analyse: Medisindispenser",
        "ROS-analyse: TT-kort søknad",
        "ROS-analyse: Microsoft 365",
        "ROS-analyse: Infrastruktur",
    } <= titles
    refs = {a.framework_ref for a in activities}
    assert "ISO 27001 9.3" in refs
    # The year's passed occurrences kept (done, or late), and what is due now generated.
    assert len(_generated(db)) == outcome.counts["kept"] + outcome.counts["generated"]
    assert annual.generate_due(date.today()).counts["generated"] == 0


@pytest.mark.parametrize(
    "today",
    [
        date(2026, 1, 2),
        date(2026, 1, 10),
        date(2026, 2, 16),
        date(2026, 6, 15),
        date(2026, 12, 4),
        date(2026, 12, 31),
        date(2028, 2, 29),
    ],
)
def test_the_example_keeps_its_wheel_whatever_the_day_it_is_loaded(service, db, today):
    outcome = load_demo(service, today=today)
    entries = AnnualWheel(Session(db, "tester", "en")).year_view(today.year, today=today)
    passed = [e for e in entries if e.occurrence < today]
    late = [e for e in passed if e.late]
    # At most two occurrences overdue, each missed within the last month and still on the
    # board; every other passed occurrence this year is done.
    assert len(late) <= 2
    assert all((today - e.occurrence).days <= 31 and e.item_id for e in late)
    assert {e.status for e in passed if not e.late} <= {"done"}
    assert outcome.counts["kept"] == len(passed)
    if today.month == 12:
        assert len(passed) - len(late) >= 40  # by December most of the year is done
    conn = sqlite3.connect(db.path)
    try:
        for entry in passed:
            owner, done_at = conn.execute(
                "SELECT owner_person_id, done_at FROM items WHERE id = ?", (entry.item_id,)
            ).fetchone()
            # The activity's owner's work, done on its day (or, when its day came after
            # last week's standup, before that standup: the week since is another story).
            assert owner == entry.activity.owner_person_id
            if entry.late:
                assert done_at is None
                continue
            done_day = datetime.fromisoformat(done_at).astimezone().date()
            assert (
                done_day == entry.occurrence
                or entry.occurrence - timedelta(days=8) <= done_day < entry.occurrence
            )
            # Its history says so: moved to done on that day, written by the example's lead.
            moved = [
                (at, author)
                for at, author, fields in conn.execute(
                    "SELECT at, author, fields FROM changes WHERE entity = 'item' AND row_id = ?",
                    (entry.item_id,),
                )
                if json.loads(fields).get("status", [""])[0] == "done"
            ]
            assert len(moved) == 1
            at, author = moved[0]
            assert datetime.fromisoformat(at).astimezone().date() == done_day
            assert author == "Siri Lunde"
    finally:
        conn.close()
