"""`kanban-sec wheel` end to end: the year's wheel by month, the iCalendar file, generating."""

from __future__ import annotations

import re
from datetime import date, datetime

from cli_support import assert_error, assert_ok, count_items, execute, sql
from icalendar import Calendar

from kanban_sec.services.demo import LATE_OCCURRENCES

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
STATUSES = {"planned", "overdue", "skipped", "Backlog", "Next", "Doing", "Verify", "Done"}
_ROW = re.compile(
    r"^  (\d{4}-\d{2}-\d{2})  (.+?)  +(\S.*?)  +(planned|overdue|skipped|Backlog|"
    r"Next|Doing|Verify|Done)(?:  +([0-9a-f]{8}))?$"
)


def test_wheel_prints_the_year_by_month(demo):
    out = assert_ok(demo.run("wheel", "--year", "2027"))
    lines = out.splitlines()
    assert lines[0] == "Annual wheel 2027"
    assert lines[1].split() == ["date", "activity", "owner", "status", "item"]
    month, seen_months, rows = None, [], []
    for line in lines[2:]:
        if line in MONTHS:
            month = MONTHS.index(line) + 1
            seen_months.append(line)
            continue
        match = _ROW.match(line)
        if match:
            day = date.fromisoformat(match.group(1))
            assert (day.year, day.month) == (2027, month), line
            rows.append(match.groups())
    assert seen_months == list(MONTHS)  # the example has something every month
    titles = {row[1].strip() for row in rows}
    for chain in ("Medisindispenser", "TT-kort søknad", "Microsoft 365", "Infrastruktur"):
        assert f"ROS-analyse: {chain}" in titles
    assert ("2027-03-01", "ROS-analyse: Medisindispenser") in {(r[0], r[1].strip()) for r in rows}
    assert {row[3] for row in rows} <= STATUSES
    assert "Elise Moen" in {row[2].strip() for row in rows}
    assert re.search(rf"^{len(rows)} occurrences in 2027 · \d+ overdue$", lines[-1])
    assert [d for d, *_ in rows] == sorted(d for d, *_ in rows)


def test_wheel_defaults_to_this_year_and_speaks_norwegian(demo):
    out = assert_ok(demo.run("--lang", "nb", "wheel"))
    assert out.splitlines()[0] == f"Årshjul {date.today().year}"
    assert "Desember" in out.splitlines() and "forekomster i" in out


def test_wheel_ics_writes_a_calendar_outlook_can_read(demo, tmp_path):
    target = tmp_path / "årshjul.ics"
    out = assert_ok(demo.run("wheel", "--year", "2027", "--ics", str(target)))
    activities = sql(demo.path, "SELECT count(*) FROM activities WHERE deleted_at IS NULL")[0][0]
    assert out == f"wrote {activities} recurring activities from 2027 on to {target}\n"
    calendar = Calendar.from_ical(target.read_bytes())
    assert str(calendar["X-WR-CALNAME"]) == "kanban-sec årshjul"
    events = calendar.walk("VEVENT")
    assert len(events) == activities
    assert len({str(e["UID"]) for e in events}) == activities
    for event in events:
        start = event.decoded("DTSTART")
        assert isinstance(start, date) and not isinstance(start, datetime)
        assert start.year == 2027
        assert event["RRULE"]["FREQ"][0] in ("MONTHLY", "YEARLY")
        assert str(event["SUMMARY"])
    by_title = {str(e["SUMMARY"]): e for e in events}
    management = by_title["Ledelsens gjennomgang av informasjonssikkerheten"]
    assert "ISO 27001 9.3" in str(management["DESCRIPTION"])
    assert by_title["ROS-analyse: Medisindispenser"].decoded("DTSTART") == date(2027, 3, 1)


def test_wheel_generate_twice_creates_nothing_the_second_time(run, demo_db):
    # Make the example's open generated items as if they had never been made (the done
    # ones are the year's history: those occurrences stay done).
    made = sql(
        demo_db, "SELECT count(*) FROM items WHERE activity_id IS NOT NULL AND status != 'done'"
    )[0][0]
    assert made > 0
    execute(demo_db, "DELETE FROM items WHERE activity_id IS NOT NULL AND status != 'done'")
    before = count_items(demo_db)
    first = assert_ok(run("--db", demo_db, "wheel", "--generate"))
    match = re.fullmatch(r"created (\d+) items from the annual wheel \(due as of (.+)\)\n", first)
    assert match, first
    created = int(match.group(1))
    # (More if the day changed since the example was loaded; a late occurrence of an
    # activity that skips missed ones gives way to its next if that is due already.)
    assert created >= made - LATE_OCCURRENCES
    assert count_items(demo_db) == before + created
    second = assert_ok(run("--db", demo_db, "wheel", "--generate"))
    assert second == f"created 0 items from the annual wheel (due as of {match.group(2)})\n"
    assert count_items(demo_db) == before + created


def test_a_deleted_generated_item_stays_deleted(run, demo_db):
    item_id = sql(demo_db, "SELECT id FROM items WHERE activity_id IS NOT NULL LIMIT 1")[0][0]
    assert_ok(run("--db", demo_db, "delete", item_id))
    assert "created 0 items" in assert_ok(run("--db", demo_db, "wheel", "--generate"))
    assert sql(demo_db, "SELECT deleted_at IS NOT NULL FROM items WHERE id = ?", item_id) == [(1,)]


def test_a_bad_year_is_one_clear_message(run, demo_db):
    assert_error(run("--db", demo_db, "wheel", "--year", "0"), 2, "“0”", "1900–2999")
    assert_error(run("--db", demo_db, "wheel", "--year", "20277", "--ics", "x.ics"), 2, "“20277”")
    result = run("--db", demo_db, "wheel", "--year", "next")
    assert result.returncode == 2 and "--year" in result.stderr and result.stdout == ""


def test_an_empty_board_has_an_empty_wheel(run, tmp_path):
    out = assert_ok(run("--db", tmp_path / "empty.sqlite", "wheel", "--year", "2027"))
    assert out == "Annual wheel 2027\nThe annual wheel has no activities in 2027.\n"
