"""The annual wheel (årshjul): recurring activities, their occurrences, and which are due.

Occurrences are calendar days (``date``), computed from an RFC 5545 RRULE with the
activity's first day as DTSTART. Working in days, not times, keeps daylight-saving changes
out of it. The item of an occurrence has an id every replica computes alike, so an
occurrence yields one item however often, wherever and whenever it is generated.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from functools import lru_cache

from dateutil.rrule import rrule, rrulestr

from kanban_sec.domain.errors import BadInput, Message, msg
from kanban_sec.domain.fields import TEXT_MAX, TITLE_MAX
from kanban_sec.domain.ids import fixed_id
from kanban_sec.domain.model import SCALE_MAX, SCALE_MIN, Effort

#: How far ahead a rule must have an occurrence to be accepted (Feb 29 on a Monday: 28 years).
NEVER_YEARS = 100
#: What an occurrence without an item shows in the wheel (besides its item's column).
PLANNED, OVERDUE, SKIPPED = "planned", "overdue", "skipped"


class Overdue(StrEnum):
    """What a missed occurrence does: create its item late, or skip to the newest one."""

    CREATE = "create"
    SKIP = "skip"


@dataclass(slots=True, kw_only=True)
class Activity:
    """A recurring security or privacy duty; it puts an item in the backlog when due."""

    id: str
    title: str
    description: str = ""
    #: RFC 5545 recurrence rule, e.g. ``FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=1``.
    rrule: str
    #: DTSTART: no occurrence before this day.
    starts_on: date
    #: Days before an occurrence that its item appears in the backlog.
    lead_days: int = 14
    overdue: Overdue = Overdue.CREATE
    owner_unit_id: str | None = None
    owner_person_id: str | None = None
    chain_id: str | None = None
    link_id: str | None = None
    likelihood: int = 3
    consequence: int = 3
    effort: Effort | None = None
    framework_ref: str = ""
    tags: list[str] = field(default_factory=list)
    #: The item whose link reached its target and is now kept there.
    source_item_id: str | None = None
    active: bool = True


# -- rules ------------------------------------------------------------------------------

_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_FREQS = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
_SUBDAILY = ("HOURLY", "MINUTELY", "SECONDLY")
_TIME_PARTS = ("BYHOUR", "BYMINUTE", "BYSECOND")
_WEEKDAY = re.compile(r"^([+-]?([1-9]|[1-4]\d|5[0-3]))?(MO|TU|WE|TH|FR|SA|SU)$")
_UNTIL = re.compile(r"^(\d{8})(T\d{6}Z?)?$")
#: Allowed range of each numeric list part (zero is never allowed).
_NUMBER_LISTS = {
    "BYMONTH": (1, 12),
    "BYMONTHDAY": (-31, 31),
    "BYYEARDAY": (-366, 366),
    "BYWEEKNO": (-53, 53),
    "BYSETPOS": (-366, 366),
}
_KNOWN = ("FREQ", "UNTIL", "COUNT", "INTERVAL", "BYDAY", "WKST", *_NUMBER_LISTS, *_TIME_PARTS)
#: RFC 5545, 3.3.10: parts a frequency must not have.
_NOT_WITH = {
    "BYWEEKNO": ("DAILY", "WEEKLY", "MONTHLY"),
    "BYYEARDAY": ("DAILY", "WEEKLY", "MONTHLY"),
    "BYMONTHDAY": ("WEEKLY",),
}


def _bad(rule: str, problem: Message) -> BadInput:
    return BadInput("wheel.bad_rule", rule=rule, problem=problem)


def _parts(text: str) -> list[tuple[str, str]]:
    body = text.strip()
    if body.upper().startswith("RRULE:"):
        body = body[len("RRULE:") :]
    if not body.strip():
        raise _bad(text, msg("wheel.rule_empty"))
    if "\n" in body or "\r" in body:
        raise _bad(text, msg("wheel.rule_one_line"))
    parts: list[tuple[str, str]] = []
    for piece in body.strip().strip(";").split(";"):
        name, sep, value = piece.partition("=")
        name, value = name.strip().upper(), value.strip().upper()
        if not sep or not name or not value:
            raise _bad(text, msg("wheel.rule_part", part=piece.strip()))
        if name not in _KNOWN:
            raise _bad(text, msg("wheel.rule_unknown", part=name))
        if any(name == seen for seen, _ in parts):
            raise _bad(text, msg("wheel.rule_twice", part=name))
        parts.append((name, value))
    return parts


def _check_value(text: str, name: str, value: str) -> str:
    """The value as stored (``UNTIL`` becomes a day), or a problem with it."""
    bad = _bad(text, msg("wheel.rule_value", part=name, value=value))
    if name == "FREQ":
        return value
    if name in ("COUNT", "INTERVAL"):
        if not value.isdigit() or int(value) < 1:
            raise bad
        return str(int(value))
    if name == "UNTIL":
        # A day; a time (Outlook writes 20271231T225959Z) is cut to its (UTC) day, since
        # the wheel counts days and a DATE start needs a DATE end (RFC 5545, 3.3.10).
        match = _UNTIL.match(value)
        if match is None:
            raise bad
        try:
            datetime.strptime(match.group(1), "%Y%m%d")
        except ValueError:
            raise bad from None
        return match.group(1)
    if name == "BYDAY":
        if not all(_WEEKDAY.match(day) for day in value.split(",")):
            raise bad
        return value
    if name == "WKST":
        if value not in _DAYS:
            raise bad
        return value
    low, high = _NUMBER_LISTS[name]
    for number in value.split(","):
        try:
            n = int(number)
        except ValueError:
            raise bad from None
        if n == 0 or not low <= n <= high:
            raise bad
    return value


@lru_cache(maxsize=1024)
def normalise_rule(text: str) -> str:
    """The rule as stored (upper case, no ``RRULE:``, UNTIL a day), or :class:`BadInput`."""
    parts = _parts(text)
    named = dict(parts)
    freq = named.get("FREQ")
    if freq in _SUBDAILY or any(name in named for name in _TIME_PARTS):
        raise _bad(text, msg("wheel.rule_times"))
    if freq not in _FREQS:
        raise _bad(text, msg("wheel.rule_freq"))
    if "COUNT" in named and "UNTIL" in named:
        raise _bad(text, msg("wheel.rule_count_until"))
    for name, frequencies in _NOT_WITH.items():
        if name in named and freq in frequencies:
            raise _bad(text, msg("wheel.rule_not_with", part=name, freq=freq))
    return ";".join(f"{name}={_check_value(text, name, value)}" for name, value in parts)


def check_rule(text: str, starts_on: date) -> str:
    """The rule in its stored form if it ever falls on a day from ``starts_on`` on."""
    clean = normalise_rule(text)
    horizon = date(min(starts_on.year + NEVER_YEARS, 9998), 12, 31)
    # dateutil looks for a rule's next day up to the year 9999 whatever its UNTIL, which
    # takes seconds for a daily rule: the usual impossible day (30 February) is caught first.
    if _no_such_day(clean) or not occurrences(clean, starts_on, starts_on, horizon, limit=1):
        raise _bad(text, msg("wheel.rule_never", start=starts_on.isoformat(), years=NEVER_YEARS))
    return clean


_LONGEST_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _no_such_day(clean: str) -> bool:
    """Whether every BYMONTHDAY is past the end of every BYMONTH (e.g. 30 February)."""
    named = {name: value for name, _, value in (p.partition("=") for p in clean.split(";"))}
    if "BYMONTHDAY" not in named:
        return False
    months = (
        [int(m) for m in named["BYMONTH"].split(",")] if "BYMONTH" in named else list(range(1, 13))
    )
    longest = max(_LONGEST_MONTH[m - 1] for m in months)
    return all(abs(int(d)) > longest for d in named["BYMONTHDAY"].split(","))


@lru_cache(maxsize=1024)
def _parse(clean: str, starts_on: date) -> tuple[rrule, date | None, bool]:
    """The dateutil rule, its UNTIL day, and whether it has a COUNT."""
    named = {name: value for name, _, value in (p.partition("=") for p in clean.split(";"))}
    until = named.get("UNTIL")
    try:
        parsed = rrulestr(clean, dtstart=_midnight(starts_on))
    except (ValueError, TypeError):
        raise _bad(clean, msg("wheel.rule_not_understood")) from None
    assert isinstance(parsed, rrule)
    return (parsed, datetime.strptime(until, "%Y%m%d").date() if until else None, "COUNT" in named)


def _midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day)


def occurrences(
    rule_text: str, starts_on: date, first: date, last: date, *, limit: int | None = None
) -> list[date]:
    """The days the rule (from ``starts_on``) falls on, from ``first`` to ``last`` inclusive."""
    if last < first or last < starts_on:
        return []
    rule, until, counted = _parse(normalise_rule(rule_text), starts_on)
    if not counted:
        # Bounded, so a rule with no further occurrence does not run on to year 9999.
        rule = rule.replace(until=_midnight(min(until or last, last)))
    end = _midnight(last)
    found: list[date] = []
    for moment in rule.xafter(_midnight(max(first, starts_on)), inc=True):
        if moment > end:
            break
        found.append(moment.date())
        if limit is not None and len(found) >= limit:
            break
    return found


def activity_occurrences(activity: Activity, first: date, last: date) -> list[date]:
    """An activity's occurrences from ``first`` to ``last`` inclusive."""
    return occurrences(activity.rrule, activity.starts_on, first, last)


def last_occurrence(rule_text: str, starts_on: date) -> date | None:
    """The last day of a rule that ends (COUNT or UNTIL); ``None`` if it runs on."""
    rule, until, counted = _parse(normalise_rule(rule_text), starts_on)
    if until is not None:
        found = rule.before(_midnight(until), inc=True)
        return found.date() if found else None
    if not counted:
        return None
    days = list(rule)
    return days[-1].date() if days else None


#: An activity with one of these tags (any case) is its chain's ROS duty: each occurrence
#: whose item is generated opens a ROS analysis of the chain, dated the occurrence's day.
ROS_DUTY_TAGS = frozenset({"ros", "ros-analyse", "ros-analysis"})


def is_ros_duty(activity: Activity) -> bool:
    """Whether the activity is its chain's ROS duty (see :data:`ROS_DUTY_TAGS`)."""
    return any(tag.strip().casefold() in ROS_DUTY_TAGS for tag in activity.tags)


def analysis_id(activity_id: str, occurrence: date) -> str:
    """The id of the ROS analysis an occurrence of a ROS duty opens: the same on every
    replica, so it is opened once however often and wherever the item is generated."""
    return fixed_id(f"ros_analysis:{activity_id}:{occurrence.isoformat()}")


def item_id(activity_id: str, occurrence: date) -> str:
    """The id of an occurrence's item: the same on every replica, at every run."""
    return fixed_id(f"activity:{activity_id}:{occurrence.isoformat()}")


def due(activity: Activity, today: date, generated: Collection[date]) -> list[date]:
    """Occurrences whose item should exist by ``today`` and does not yet, oldest first.

    An item appears ``lead_days`` before its occurrence. A missed occurrence (before
    ``today``) gets its item late under ``create``; under ``skip`` only the newest due
    occurrence is kept, and older missed ones are passed over.
    """
    if not activity.active:
        return []
    horizon = today + timedelta(days=activity.lead_days)
    candidates = activity_occurrences(activity, activity.starts_on, horizon)
    if activity.overdue is Overdue.SKIP and candidates:
        newest = candidates[-1]
        candidates = [day for day in candidates if day >= today or day == newest]
    return [day for day in candidates if day not in generated]


def wheel_states(
    activity: Activity, year: int, today: date, items: Mapping[date, str | None]
) -> list[tuple[date, str]]:
    """Each occurrence in ``year`` with what the wheel shows for it.

    ``items`` maps an occurrence to its item's column, or to ``None`` if the item was
    deleted (the occurrence was dropped on purpose: *skipped*). Without an item an
    occurrence is *planned* until its day, then *overdue*, or *skipped* if the activity
    skips missed occurrences and a newer one is already due.
    """
    days = activity_occurrences(activity, date(year, 1, 1), date(year, 12, 31))
    newest_due: date | None = None
    if activity.overdue is Overdue.SKIP:
        horizon = today + timedelta(days=activity.lead_days)
        due_days = activity_occurrences(activity, activity.starts_on, horizon)
        newest_due = due_days[-1] if due_days else None
    states = []
    for day in days:
        if day in items:
            state = items[day] or SKIPPED
        elif day >= today:
            state = PLANNED
        elif newest_due is not None and newest_due > day:
            state = SKIPPED
        else:
            state = OVERDUE
        states.append((day, state))
    return states


def check_activity(activity: Activity) -> Activity:
    """The activity with its title and rule cleaned, or :class:`BadInput` naming a problem."""
    title = " ".join(activity.title.split())
    if not title:
        raise BadInput("title.required")
    if len(title) > TITLE_MAX or len(activity.description) > TEXT_MAX:
        raise BadInput("value.too_long", limit=TITLE_MAX if len(title) > TITLE_MAX else TEXT_MAX)
    if not isinstance(activity.lead_days, int) or not 0 <= activity.lead_days <= 366:
        raise BadInput("wheel.bad_lead", value=activity.lead_days)
    try:
        overdue = Overdue(activity.overdue)
    except ValueError:
        raise BadInput("wheel.bad_overdue", value=activity.overdue) from None
    for value in (activity.likelihood, activity.consequence):
        if not isinstance(value, int) or not SCALE_MIN <= value <= SCALE_MAX:
            raise BadInput("value.out_of_range", value=value, low=SCALE_MIN, high=SCALE_MAX)
    effort = Effort(activity.effort) if activity.effort is not None else None
    rule = check_rule(activity.rrule, activity.starts_on)
    return Activity(
        id=activity.id,
        title=title,
        description=activity.description,
        rrule=rule,
        starts_on=activity.starts_on,
        lead_days=activity.lead_days,
        overdue=overdue,
        owner_unit_id=activity.owner_unit_id,
        owner_person_id=activity.owner_person_id,
        chain_id=activity.chain_id,
        link_id=activity.link_id,
        likelihood=activity.likelihood,
        consequence=activity.consequence,
        effort=effort,
        framework_ref=activity.framework_ref.strip(),
        tags=list(dict.fromkeys(t.strip() for t in activity.tags if t.strip())),
        source_item_id=activity.source_item_id,
        active=bool(activity.active),
    )


def occurrence_title(activity: Activity, occurrence: date) -> str:
    """The title of an occurrence's item: the activity's, with the day."""
    suffix = f" ({occurrence.isoformat()})"
    return activity.title[: TITLE_MAX - len(suffix)] + suffix
