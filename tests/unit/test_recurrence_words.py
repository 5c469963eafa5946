"""Recurrence in plain words, both ways: Norwegian and English phrases ⇄ RRULE."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kanban_sec.domain import annual_wheel as wheel
from kanban_sec.domain.errors import BadInput
from kanban_sec.domain.recurrence import (
    DAYS,
    NTH,
    Recurrence,
    canonical,
    from_rrule,
    sayable,
    to_rrule,
)
from kanban_sec.domain.recurrence_words import describe, say

PHRASES = [
    # (what a person writes, the rule it means)
    ("every day", "FREQ=DAILY"),
    ("every 3 days", "FREQ=DAILY;INTERVAL=3"),
    ("every week", "FREQ=WEEKLY"),
    ("every 2 weeks", "FREQ=WEEKLY;INTERVAL=2"),
    ("every other week", "FREQ=WEEKLY;INTERVAL=2"),
    ("every month", "FREQ=MONTHLY"),
    ("every 4 months", "FREQ=MONTHLY;INTERVAL=4"),
    ("every quarter", "FREQ=MONTHLY;INTERVAL=3"),
    ("quarterly", "FREQ=MONTHLY;INTERVAL=3"),
    ("every half year", "FREQ=MONTHLY;INTERVAL=6"),
    ("every year", "FREQ=YEARLY"),
    ("annually", "FREQ=YEARLY"),
    ("second Tuesday of every month", "FREQ=MONTHLY;BYDAY=2TU"),
    ("every second Tuesday of the month", "FREQ=MONTHLY;BYDAY=2TU"),
    ("2nd Tuesday of each month", "FREQ=MONTHLY;BYDAY=2TU"),
    ("last Friday of every month", "FREQ=MONTHLY;BYDAY=-1FR"),
    ("first and third Monday of every month", "FREQ=MONTHLY;BYDAY=1MO,3MO"),
    ("every weekday", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"),
    ("every Tuesday and Thursday", "FREQ=WEEKLY;BYDAY=TU,TH"),
    ("every other Tuesday", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU"),
    ("every 2 weeks on Monday and Wednesday", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE"),
    ("first Monday in March", "FREQ=YEARLY;BYMONTH=3;BYDAY=1MO"),
    ("15th of every month", "FREQ=MONTHLY;BYMONTHDAY=15"),
    ("the last day of every month", "FREQ=MONTHLY;BYMONTHDAY=-1"),
    ("1st of every quarter", "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=1"),
    ("every year on 1 March", "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=1"),
    ("every March 1st", "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=1"),
    ("1st of March every year", "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=1"),
    (
        "every year on 15 January, April, July and October",
        "FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY=15",
    ),
    ("every year in March and September", "FREQ=YEARLY;BYMONTH=3,9"),
    ("every month until 31 December 2027", "FREQ=MONTHLY;UNTIL=20271231"),
    ("every week, 10 times", "FREQ=WEEKLY;COUNT=10"),
    # Norwegian
    ("hver dag", "FREQ=DAILY"),
    ("hver uke", "FREQ=WEEKLY"),
    ("annenhver uke", "FREQ=WEEKLY;INTERVAL=2"),
    ("hver 2. uke", "FREQ=WEEKLY;INTERVAL=2"),
    ("hver tredje måned", "FREQ=MONTHLY;INTERVAL=3"),
    ("hver måned", "FREQ=MONTHLY"),
    ("månedlig", "FREQ=MONTHLY"),
    ("hvert kvartal", "FREQ=MONTHLY;INTERVAL=3"),
    ("hvert halvår", "FREQ=MONTHLY;INTERVAL=6"),
    ("hvert år", "FREQ=YEARLY"),
    ("årlig", "FREQ=YEARLY"),
    ("annethvert år", "FREQ=YEARLY;INTERVAL=2"),
    ("andre tirsdag i hver måned", "FREQ=MONTHLY;BYDAY=2TU"),
    ("siste fredag i hver måned", "FREQ=MONTHLY;BYDAY=-1FR"),
    ("nest siste fredag i hver måned", "FREQ=MONTHLY;BYDAY=-2FR"),
    ("første mandag i hvert kvartal", "FREQ=MONTHLY;INTERVAL=3;BYDAY=1MO"),
    ("hver virkedag", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"),
    ("hver tirsdag og torsdag", "FREQ=WEEKLY;BYDAY=TU,TH"),
    ("annenhver uke på mandag", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO"),
    ("første mandag i mars", "FREQ=YEARLY;BYMONTH=3;BYDAY=1MO"),
    ("den 15. i hver måned", "FREQ=MONTHLY;BYMONTHDAY=15"),
    ("siste dag i hver måned", "FREQ=MONTHLY;BYMONTHDAY=-1"),
    ("hver 1. mars", "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=1"),
    ("1.mars hvert år", "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=1"),
    ("hvert år 15. januar, april, juli og oktober", "FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY=15"),
    ("hver måned til og med 31.12.2027", "FREQ=MONTHLY;UNTIL=20271231"),
    ("hver uke, 10 ganger", "FREQ=WEEKLY;COUNT=10"),
    # an RRULE is taken as it is
    ("RRULE:FREQ=MONTHLY;BYDAY=2TU", "FREQ=MONTHLY;BYDAY=2TU"),
    ("freq=yearly;bymonth=3;bymonthday=1", "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=1"),
]


@pytest.mark.parametrize(("phrase", "rule"), PHRASES)
def test_plain_words_become_the_rule_they_mean(phrase, rule):
    assert to_rrule(phrase) == rule
    assert to_rrule(phrase.upper() if "=" not in phrase else phrase) == rule


@pytest.mark.parametrize(
    ("rule", "en", "nb"),
    [
        ("FREQ=MONTHLY;BYDAY=2TU", "Second Tuesday of every month", "Andre tirsdag i hver måned"),
        ("FREQ=MONTHLY;BYDAY=-1FR", "Last Friday of every month", "Siste fredag i hver måned"),
        ("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "Every weekday", "Hver virkedag"),
        (
            "FREQ=YEARLY;BYMONTH=3;BYDAY=1MO",
            "Every year on the first Monday in March",
            "Hvert år første mandag i mars",
        ),
        ("FREQ=MONTHLY;INTERVAL=3", "Every quarter", "Hvert kvartal"),
        ("FREQ=MONTHLY;BYMONTHDAY=15", "15th of every month", "Den 15. i hver måned"),
        ("FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=1", "Every year on 1 March", "Hvert år 1. mars"),
        (
            "FREQ=YEARLY;BYMONTH=5,11;BYMONTHDAY=12",
            "Every year on 12 May and November",
            "Hvert år 12. mai og november",
        ),
        (
            "FREQ=MONTHLY;BYDAY=1MO,3MO",
            "First and third Monday of every month",
            "Første og tredje mandag i hver måned",
        ),
        ("FREQ=WEEKLY;INTERVAL=2", "Every 2 weeks", "Annenhver uke"),
        ("FREQ=DAILY;INTERVAL=5", "Every 5 days", "Hver 5. dag"),
        (
            "FREQ=MONTHLY;UNTIL=20271231",
            "Every month, until 31 December 2027",
            "Hver måned, til og med 31. desember 2027",
        ),
    ],
)
def test_a_rule_is_said_in_plain_words_in_both_languages(rule, en, nb):
    assert describe(rule, "en") == en
    assert describe(rule, "nb") == nb


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=-1",  # the last working day: no words for it
        "FREQ=WEEKLY;WKST=SU;BYDAY=MO",
        "FREQ=YEARLY;BYWEEKNO=20",
        "not a rule",
    ],
)
def test_a_rule_outside_the_family_has_no_words(rule):
    assert describe(rule, "en") is None and describe(rule, "nb") is None


@pytest.mark.parametrize(
    ("phrase", "says"),
    [
        ("every banana", "“banana” does not fit here"),
        ("second Tuesday every week", "cannot make one rule together"),
        ("every month every week", "says twice how often"),
        ("1 March and 15 September", "do not share a day of the month"),
        ("second Tuesday and every Monday", "mixes numbered weekdays"),
        ("on the", "does not say how often"),
        ("32nd of every month", "not a day of the month"),
        ("every month until 31 December", "has no year"),
        ("", "it is empty"),
    ],
)
def test_a_phrase_not_understood_says_why_and_how_to_write_it(phrase, says):
    with pytest.raises(BadInput) as raised:
        to_rrule(phrase)
    text = raised.value.message("en")
    assert says in text and "second Tuesday of every month" in text
    assert "andre tirsdag i hver måned" in raised.value.message("nb")


def test_every_example_words_give_occurrences_on_the_right_days():
    rule = to_rrule("andre tirsdag i hver måned")
    found = wheel.occurrences(rule, date(2026, 1, 1), date(2026, 1, 1), date(2026, 4, 30))
    assert found == [date(2026, 1, 13), date(2026, 2, 10), date(2026, 3, 10), date(2026, 4, 14)]
    last = wheel.occurrences(
        to_rrule("last Friday of every month"),
        date(2026, 1, 1),
        date(2026, 1, 1),
        date(2026, 3, 31),
    )
    assert last == [date(2026, 1, 30), date(2026, 2, 27), date(2026, 3, 27)]


# -- the round trip ----------------------------------------------------------------------

_months = st.lists(st.integers(1, 12), min_size=1, max_size=4, unique=True)
_nth = st.lists(
    st.tuples(st.sampled_from(NTH), st.sampled_from(DAYS)), min_size=1, max_size=3, unique=True
)
_plain = st.lists(st.sampled_from(DAYS), min_size=1, max_size=7, unique=True)
_monthdays = st.lists(
    st.one_of(st.integers(1, 31), st.just(-1)), min_size=1, max_size=3, unique=True
)
_end = st.one_of(
    st.just({}),
    st.builds(lambda n: {"count": n}, st.integers(1, 999)),
    st.builds(
        lambda d: {"until": d}, st.dates(min_value=date(2000, 1, 1), max_value=date(2999, 12, 31))
    ),
)
_interval = st.integers(1, 24)


def _rules() -> st.SearchStrategy[Recurrence]:
    plain_days = _plain.map(lambda days: [(0, d) for d in days])
    return st.one_of(
        st.builds(
            lambda f, n, e: canonical(f, n, **e),
            st.sampled_from(("DAILY", "WEEKLY", "MONTHLY", "YEARLY")),
            _interval,
            _end,
        ),
        st.builds(lambda n, d, e: canonical("WEEKLY", n, days=d, **e), _interval, plain_days, _end),
        st.builds(
            lambda n, m, e: canonical("MONTHLY", n, monthdays=m, **e), _interval, _monthdays, _end
        ),
        st.builds(lambda n, d, e: canonical("MONTHLY", n, days=d, **e), _interval, _nth, _end),
        st.builds(
            lambda n, m, d, e: canonical("YEARLY", n, m, [d], **e),
            _interval,
            _months,
            st.one_of(st.integers(1, 31), st.just(-1)),
            _end,
        ),
        st.builds(
            lambda n, m, d, e: canonical("YEARLY", n, m, days=d, **e),
            _interval,
            _months,
            _nth,
            _end,
        ),
        st.builds(
            lambda m, d, e: canonical("YEARLY", 1, m, days=d, **e), _months, plain_days, _end
        ),
        st.builds(lambda n, m, e: canonical("YEARLY", n, m, **e), _interval, _months, _end),
    )


@given(_rules(), st.sampled_from(("nb", "en")))
def test_words_read_back_to_the_same_rule(rule, lang):
    assert sayable(rule)
    assert from_rrule(rule.rrule()) == rule
    words = describe(rule.rrule(), lang)
    assert words == say(rule, lang)
    assert to_rrule(words) == rule.rrule(), words
