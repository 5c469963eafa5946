"""How the example board's team kept its annual wheel: every passed occurrence of the
year done but the newest one or two, missed lately (see demo.wheel_kept)."""

from __future__ import annotations

from datetime import date

import pytest

from kanban_sec.domain import annual_wheel as wheel
from kanban_sec.domain.annual_wheel import Activity
from kanban_sec.exchange.example_board import read_example
from kanban_sec.services.demo import LATE_DAYS, LATE_OCCURRENCES, wheel_kept


def _passed(today: date) -> dict[str, list[date]]:
    """The example wheel's occurrences this year before ``today``, by activity."""
    out = {}
    for spec in read_example().activities:
        activity = Activity(
            id="x", title=spec["title"], rrule=spec["rrule"], starts_on=date(today.year, 1, 1)
        )
        out[spec["title"]] = wheel.activity_occurrences(
            activity, date(today.year, 1, 1), date(today.year, 12, 31)
        )
    return out


@pytest.mark.parametrize(
    "today",
    [
        date(2026, 1, 1),
        date(2026, 1, 6),
        date(2026, 1, 31),
        date(2026, 6, 15),
        date(2026, 12, 4),
        date(2026, 12, 31),
        date(2027, 3, 1),
    ],
)
def test_all_but_one_or_two_of_the_years_passed_occurrences_are_done(today):
    passed = _passed(today)
    done, late = wheel_kept(passed, today)
    before = {(title, day) for title, days in passed.items() for day in days if day < today}
    # Everything whose day has passed, once; nothing from today on.
    assert set(done) | set(late) == before and not set(done) & set(late)
    assert len(late) <= LATE_OCCURRENCES
    # The late ones: missed lately, two activities, each its newest passed occurrence.
    assert len({title for title, _ in late}) == len(late)
    for title, day in late:
        assert (today - day).days <= LATE_DAYS
        assert day == max(d for d in passed[title] if d < today)
    # They are the newest passed occurrences: none done is newer than a late one.
    if late:
        assert all(day <= max(d for _, d in late) for _, day in done)
    assert done == sorted(done, key=lambda pair: (pair[1], pair[0]))


def test_in_january_the_year_has_little_behind_it_and_in_december_most_of_it():
    assert wheel_kept(_passed(date(2026, 1, 1)), date(2026, 1, 1)) == ([], [])
    done, late = wheel_kept(_passed(date(2026, 1, 6)), date(2026, 1, 6))
    assert (done, late) == ([], [("Månedlig sårbarhetsskanning", date(2026, 1, 5))])
    done, late = wheel_kept(_passed(date(2026, 6, 15)), date(2026, 6, 15))
    assert late == [
        ("Månedlig patching av servere", date(2026, 6, 9)),
        ("Tilgangsgjennomgang: saksbehandlingssystem for TT", date(2026, 6, 10)),
    ]
    assert ("ROS-analyse: Medisindispenser", date(2026, 3, 1)) in done
    done, late = wheel_kept(_passed(date(2026, 12, 4)), date(2026, 12, 4))
    assert len(late) == 2 and len(done) >= 40
    assert ("ROS-analyse: Infrastruktur", date(2026, 1, 20)) in done


def test_nothing_is_late_when_nothing_was_missed_lately():
    passed = {"Årlig": [date(2026, 3, 1)], "Også årlig": [date(2026, 4, 1)]}
    assert wheel_kept(passed, date(2026, 9, 1)) == (
        [("Årlig", date(2026, 3, 1)), ("Også årlig", date(2026, 4, 1))],
        [],
    )
    # Last year's occurrences are not this year's work.
    assert wheel_kept({"Årlig": [date(2025, 12, 20)]}, date(2026, 1, 5)) == ([], [])
