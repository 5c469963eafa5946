"""Values people type in CSV cells and on the command line."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from kanban_sec.domain import fields as f
from kanban_sec.domain.errors import FieldProblem
from kanban_sec.domain.model import Classification, Effort, Role, Status


@pytest.mark.parametrize(
    "text,expected",
    [
        ("backlog", Status.BACKLOG),
        ("Neste", Status.NEXT),
        ("PÅGÅR", Status.DOING),
        ("doing", Status.DOING),
        ("Verifiseres", Status.VERIFY),
        ("Done", Status.DONE),
        (" ferdig ", Status.DONE),
    ],
)
def test_status_from_key_or_name_in_either_language(text, expected):
    assert f.parse_status(text) is expected


def test_unknown_status_lists_the_choices():
    with pytest.raises(FieldProblem) as caught:
        f.parse_status("parkert")
    assert "backlog, next, doing, verify, done" in caught.value.msg.render("en")


@pytest.mark.parametrize("text,expected", [("4", 4), ("4.0", 4), ("4,0", 4), (" 1 ", 1)])
def test_scale_accepts_what_excel_writes(text, expected):
    assert f.parse_scale(text) == expected


@pytest.mark.parametrize(
    "text,key",
    [
        ("7", "value.out_of_range"),
        ("0", "value.out_of_range"),
        ("høy", "value.not_integer"),
        ("3.5", "value.not_integer"),
        ("", "value.required"),
    ],
)
def test_scale_refuses_with_a_reason(text, key):
    with pytest.raises(FieldProblem) as caught:
        f.parse_scale(text)
    assert caught.value.msg.key == key


def test_dates_iso_and_norwegian():
    assert f.parse_date("2026-12-31") == date(2026, 12, 31)
    assert f.parse_date("31.12.2026") == date(2026, 12, 31)
    assert f.parse_date("") is None
    for bad in ("31/02/2026", "2026-02-30", "neste uke", "30.02.2026"):
        with pytest.raises(FieldProblem):
            f.parse_date(bad)


def test_datetimes_become_utc():
    assert f.parse_datetime("2026-06-01T12:00:00+02:00") == datetime(2026, 6, 1, 10, tzinfo=UTC)
    assert f.parse_datetime("2026-06-01T12:00:00") == datetime(2026, 6, 1, 12, tzinfo=UTC)


def test_effort_classification_role():
    assert f.parse_effort("xs") is Effort.XS and f.parse_effort(" ") is None
    assert f.parse_classification("Konfidensiell") is Classification.CONFIDENTIAL
    assert f.parse_classification("") is Classification.OPEN
    assert f.parse_role("kontrollerende") is Role.CONTROLLING
    for parser, bad in (
        (f.parse_effort, "XXL"),
        (f.parse_classification, "hemmelig"),
        (f.parse_role, "sjef"),
    ):
        with pytest.raises(FieldProblem):
            parser(bad)


def test_tags_split_on_semicolons_and_commas_without_repeats():
    assert f.parse_tags("personvern; leverandør;;personvern, logging") == [
        "personvern",
        "leverandør",
        "logging",
    ]


def test_tags_written_for_a_field_read_back_the_same():
    tags = ["personvern", "leverandør", "logging"]
    assert f.format_tags(tags) == "personvern; leverandør; logging"
    assert f.parse_tags(f.format_tags(tags)) == tags


def test_title_is_required_and_single_line():
    assert f.parse_title("  Krev  MFA\n for admin ") == "Krev MFA for admin"
    with pytest.raises(FieldProblem):
        f.parse_title("   ")


def test_booleans_in_both_languages():
    assert f.parse_bool("Ja") and f.parse_bool("yes") and not f.parse_bool("nei")
    with pytest.raises(FieldProblem):
        f.parse_bool("kanskje")


def test_norwegian_excel_datetimes():
    assert f.parse_datetime("28.11.2026 17:10") == datetime(2026, 11, 28, 17, 10, tzinfo=UTC)
    with pytest.raises(FieldProblem):
        f.parse_datetime("28.11.2026 kl 17")


def test_a_time_without_offset_is_wall_clock_time_in_the_zone_given():
    oslo = ZoneInfo("Europe/Oslo")
    # What Norwegian Excel saves (minutes, or a bare date), in winter and in summer time
    assert f.parse_datetime("04.12.2026 14:30", oslo) == datetime(2026, 12, 4, 13, 30, tzinfo=UTC)
    assert f.parse_datetime("4.7.2026 9.05", oslo) == datetime(2026, 7, 4, 7, 5, tzinfo=UTC)
    assert f.parse_datetime("04.12.2026", oslo) == datetime(2026, 12, 3, 23, tzinfo=UTC)
    assert f.parse_datetime("04.12.2026 14:30:15", oslo) == datetime(
        2026, 12, 4, 13, 30, 15, tzinfo=UTC
    )
    # What this app exports, and ISO with T
    assert f.parse_datetime("2026-12-04 14:30:00", oslo) == datetime(
        2026, 12, 4, 13, 30, tzinfo=UTC
    )
    assert f.parse_datetime("2026-12-04T14:30", oslo) == datetime(2026, 12, 4, 13, 30, tzinfo=UTC)
    # Z or an offset is that instant, whatever the zone (older exports wrote Z)
    assert f.parse_datetime("2026-12-04T14:30:00Z", oslo) == datetime(
        2026, 12, 4, 14, 30, tzinfo=UTC
    )
    assert f.parse_datetime("2026-10-25 02:30:00+01:00", oslo) == datetime(
        2026, 10, 25, 1, 30, tzinfo=UTC
    )
    for bad in ("31.02.2026 10:00", "04.12.2026 25:00", "2026-12-04 14:30 CET"):
        with pytest.raises(FieldProblem):
            f.parse_datetime(bad, oslo)
