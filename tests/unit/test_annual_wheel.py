"""The annual wheel's rules: occurrences as calendar days, what is due, and item ids."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from kanban_sec.domain import annual_wheel as wheel
from kanban_sec.domain.annual_wheel import Activity, Overdue
from kanban_sec.domain.errors import BadInput
from kanban_sec.domain.ids import fixed_id


def activity(
    rule: str,
    starts_on: date = date(2026, 1, 1),
    *,
    lead_days: int = 0,
    overdue: Overdue = Overdue.CREATE,
    title: str = "ROS-analyse: Medisindispenser",
    **extra: object,
) -> Activity:
    return Activity(
        id="a1",
        title=title,
        rrule=rule,
        starts_on=starts_on,
        lead_days=lead_days,
        overdue=overdue,
        **extra,
    )  # type: ignore[arg-type]


def days(*texts: str) -> list[date]:
    return [date.fromisoformat(text) for text in texts]


# -- occurrences -----------------------------------------------------------------------


def test_weekly_rule_is_one_day_a_week_through_both_daylight_saving_changes():
    # Norway: summer time from the last Sunday of March, back on the last Sunday of October.
    spring = wheel.occurrences(
        "FREQ=WEEKLY;BYDAY=SU", date(2026, 1, 1), date(2026, 3, 15), date(2026, 4, 12)
    )
    assert spring == days("2026-03-15", "2026-03-22", "2026-03-29", "2026-04-05", "2026-04-12")
    autumn = wheel.occurrences(
        "FREQ=WEEKLY;BYDAY=SU", date(2026, 1, 1), date(2026, 10, 18), date(2026, 11, 1)
    )
    assert autumn == days("2026-10-18", "2026-10-25", "2026-11-01")


def test_daily_rule_has_every_day_of_the_daylight_saving_weeks_once():
    for sunday in (date(2026, 3, 29), date(2026, 10, 25), date(2027, 3, 28)):
        week = wheel.occurrences(
            "FREQ=DAILY", date(2026, 1, 1), sunday - timedelta(days=3), sunday + timedelta(days=3)
        )
        assert week == [sunday + timedelta(days=n) for n in range(-3, 4)]


def test_last_sunday_of_march_and_october_are_the_days_the_clocks_change():
    march = wheel.occurrences(
        "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", date(2026, 1, 1), date(2026, 1, 1), date(2028, 12, 31)
    )
    assert march == days("2026-03-29", "2027-03-28", "2028-03-26")
    october = wheel.occurrences(
        "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", date(2026, 1, 1), date(2026, 1, 1), date(2027, 12, 31)
    )
    assert october == days("2026-10-25", "2027-10-31")


def test_until_written_as_a_utc_time_keeps_its_day():
    # Outlook writes UNTIL as a UTC time; on the night the clocks go back it is still the 25th.
    rule = wheel.normalise_rule("RRULE:freq=weekly;byday=su;until=20261025T010000Z")
    assert rule == "FREQ=WEEKLY;BYDAY=SU;UNTIL=20261025"
    assert wheel.occurrences(
        rule, date(2026, 10, 1), date(2026, 10, 1), date(2026, 12, 31)
    ) == days("2026-10-04", "2026-10-11", "2026-10-18", "2026-10-25")


def test_29_february_only_in_leap_years():
    rule = "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29"
    assert wheel.occurrences(rule, date(2025, 1, 1), date(2025, 1, 1), date(2033, 12, 31)) == days(
        "2028-02-29", "2032-02-29"
    )
    # Started on a 29 February, a plain yearly rule skips the years without one (RFC 5545).
    assert wheel.occurrences(
        "FREQ=YEARLY", date(2024, 2, 29), date(2024, 1, 1), date(2029, 1, 1)
    ) == days("2024-02-29", "2028-02-29")


def test_last_day_of_every_month():
    found = wheel.occurrences(
        "FREQ=MONTHLY;BYMONTHDAY=-1", date(2027, 1, 1), date(2027, 1, 1), date(2028, 4, 30)
    )
    assert found[:4] == days("2027-01-31", "2027-02-28", "2027-03-31", "2027-04-30")
    assert date(2028, 2, 29) in found and date(2028, 2, 28) not in found
    assert len(found) == 16


def test_occurrences_start_at_starts_on_and_stop_at_count_or_until():
    assert wheel.occurrences(
        "FREQ=MONTHLY;BYMONTHDAY=1", date(2026, 5, 2), date(2026, 1, 1), date(2026, 8, 31)
    ) == days("2026-06-01", "2026-07-01", "2026-08-01")
    assert wheel.occurrences(
        "FREQ=MONTHLY;BYMONTHDAY=1;COUNT=2", date(2026, 1, 1), date(2026, 1, 1), date(2030, 1, 1)
    ) == days("2026-01-01", "2026-02-01")
    assert wheel.last_occurrence("FREQ=MONTHLY;BYMONTHDAY=1;COUNT=2", date(2026, 1, 1)) == date(
        2026, 2, 1
    )
    assert wheel.last_occurrence("FREQ=YEARLY;UNTIL=20290301", date(2026, 3, 1)) == date(2029, 3, 1)
    assert wheel.last_occurrence("FREQ=YEARLY", date(2026, 3, 1)) is None


# -- bad rules ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rule", "problem"),
    [
        ("", "the rule is empty"),
        ("FREQ=FORTNIGHTLY", "FREQ is missing or unknown"),
        ("BYDAY=MO", "FREQ is missing or unknown"),
        ("FREQ=HOURLY", "the wheel counts days, not times of day"),
        ("FREQ=DAILY;BYHOUR=9", "the wheel counts days, not times of day"),
        ("FREQ=MONTHLY;BYMONTHDAY=0", "BYMONTHDAY=0 is not a valid value"),
        ("FREQ=YEARLY;BYMONTH=13", "BYMONTH=13 is not a valid value"),
        ("FREQ=WEEKLY;BYDAY=XX", "BYDAY=XX is not a valid value"),
        ("FREQ=DAILY;INTERVAL=0", "INTERVAL=0 is not a valid value"),
        ("FREQ=DAILY;UNTIL=2026-12-31", "UNTIL=2026-12-31 is not a valid value"),
        ("FREQ=DAILY;COUNT=3;UNTIL=20261231", "COUNT and UNTIL cannot be used together"),
        ("FREQ=WEEKLY;BYMONTHDAY=1", "BYMONTHDAY cannot be used with FREQ=WEEKLY"),
        ("FREQ=YEARLY;BYEASTER=0", "BYEASTER is not part of an RRULE"),
        ("FREQ=YEARLY;FREQ=MONTHLY", "FREQ is given twice"),
        ("FREQ=YEARLY;BYMONTH", "“BYMONTH” is not NAME=VALUE"),
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "it never falls on a day in the 100 years"),
    ],
)
def test_a_bad_rule_is_one_clear_message(rule, problem):
    with pytest.raises(BadInput) as caught:
        wheel.check_rule(rule, date(2026, 1, 1))
    assert caught.value.msg.key == "wheel.bad_rule"
    text = caught.value.message("en")
    assert text.startswith(f"“{rule}” is not a valid repeat rule: ")
    assert problem in text
    assert "e.g. FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=1" in text
    assert "er ikke en gyldig gjentakelsesregel" in caught.value.message("nb")


def test_a_good_rule_is_stored_in_one_form():
    assert (
        wheel.check_rule(" rrule:FREQ=monthly;bymonthday=-1; ", date(2026, 1, 1))
        == "FREQ=MONTHLY;BYMONTHDAY=-1"
    )


def test_an_activity_is_checked_whole():
    with pytest.raises(BadInput, match="lead time"):
        wheel.check_activity(activity("FREQ=YEARLY", lead_days=-1))
    with pytest.raises(BadInput, match="not a choice for missed"):
        wheel.check_activity(activity("FREQ=YEARLY", overdue="later"))  # type: ignore[arg-type]
    with pytest.raises(BadInput, match="title is missing"):
        wheel.check_activity(activity("FREQ=YEARLY", title="  "))
    with pytest.raises(BadInput, match="outside 1–5"):
        wheel.check_activity(activity("FREQ=YEARLY", likelihood=6))
    clean = wheel.check_activity(activity("freq=yearly", tags=[" ROS ", "ROS", ""]))
    assert clean.rrule == "FREQ=YEARLY" and clean.tags == ["ROS"]


# -- what is due -------------------------------------------------------------------------


def test_an_item_is_due_lead_days_before_its_occurrence():
    yearly = activity("FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=1", lead_days=14)
    assert wheel.due(yearly, date(2026, 2, 14), set()) == []
    assert wheel.due(yearly, date(2026, 2, 15), set()) == [date(2026, 3, 1)]
    assert wheel.due(yearly, date(2026, 2, 15), {date(2026, 3, 1)}) == []
    # No lead time: due on the day itself.
    same_day = activity("FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=1")
    assert wheel.due(same_day, date(2026, 2, 28), set()) == []
    assert wheel.due(same_day, date(2026, 3, 1), set()) == [date(2026, 3, 1)]


def test_create_makes_every_missed_occurrence_once():
    monthly = activity("FREQ=MONTHLY;BYMONTHDAY=1", lead_days=7)
    assert wheel.due(monthly, date(2026, 4, 10), set()) == days(
        "2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01"
    )
    made = set(wheel.due(monthly, date(2026, 4, 10), set()))
    assert wheel.due(monthly, date(2026, 4, 10), made) == []
    assert wheel.due(monthly, date(2026, 4, 24), made) == [date(2026, 5, 1)]


def test_skip_makes_only_the_newest_due_occurrence():
    monthly = activity("FREQ=MONTHLY;BYMONTHDAY=1", lead_days=7, overdue=Overdue.SKIP)
    assert wheel.due(monthly, date(2026, 4, 10), set()) == [date(2026, 4, 1)]
    assert wheel.due(monthly, date(2026, 4, 10), {date(2026, 4, 1)}) == []
    # Within the lead time of the next one, the missed one is passed over.
    assert wheel.due(monthly, date(2026, 4, 25), set()) == [date(2026, 5, 1)]


def test_skip_never_passes_over_an_occurrence_still_ahead():
    # A lead time longer than the interval makes two future occurrences due: both stay.
    monthly = activity("FREQ=MONTHLY;BYMONTHDAY=1", lead_days=45, overdue=Overdue.SKIP)
    assert wheel.due(monthly, date(2026, 3, 20), set()) == days("2026-04-01", "2026-05-01")


def test_the_clock_moving_back_makes_nothing_new_and_forward_makes_the_gap_once():
    monthly = activity("FREQ=MONTHLY;BYMONTHDAY=1", lead_days=0)
    made = set(wheel.due(monthly, date(2026, 6, 1), set()))
    assert wheel.due(monthly, date(2026, 2, 15), made) == []  # back in time
    ahead = wheel.due(monthly, date(2026, 9, 2), made)  # a jump forward
    assert ahead == days("2026-07-01", "2026-08-01", "2026-09-01")
    assert wheel.due(monthly, date(2026, 9, 2), made | set(ahead)) == []


def test_an_inactive_activity_has_nothing_due():
    paused = activity("FREQ=MONTHLY;BYMONTHDAY=1", active=False)
    assert wheel.due(paused, date(2026, 6, 1), set()) == []


def test_item_ids_are_the_same_everywhere_and_differ_per_occurrence():
    first = wheel.item_id("a1", date(2027, 3, 1))
    assert first == fixed_id("activity:a1:2027-03-01") == wheel.item_id("a1", date(2027, 3, 1))
    assert first != wheel.item_id("a1", date(2028, 3, 1))
    assert first != wheel.item_id("a2", date(2027, 3, 1))


def test_an_occurrence_item_title_names_the_day():
    assert (
        wheel.occurrence_title(activity("FREQ=YEARLY"), date(2027, 3, 1))
        == "ROS-analyse: Medisindispenser (2027-03-01)"
    )


# -- the wheel ---------------------------------------------------------------------------


def test_wheel_states_without_items():
    quarterly = activity("FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY=15", lead_days=14)
    today = date(2026, 7, 20)
    assert wheel.wheel_states(quarterly, 2026, today, {}) == [
        (date(2026, 1, 15), "overdue"),
        (date(2026, 4, 15), "overdue"),
        (date(2026, 7, 15), "overdue"),
        (date(2026, 10, 15), "planned"),
    ]
    skipping = activity(
        "FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY=15", lead_days=14, overdue=Overdue.SKIP
    )
    assert [s for _, s in wheel.wheel_states(skipping, 2026, today, {})] == [
        "skipped",
        "skipped",
        "overdue",
        "planned",
    ]


def test_wheel_states_show_the_item_or_its_deletion():
    quarterly = activity("FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY=15")
    states = wheel.wheel_states(
        quarterly, 2026, date(2026, 5, 1), {date(2026, 1, 15): "done", date(2026, 4, 15): None}
    )
    assert [s for _, s in states] == ["done", "skipped", "planned", "planned"]
