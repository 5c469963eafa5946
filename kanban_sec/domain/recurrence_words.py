"""A recurrence rule said in plain words, Norwegian or English: "second Tuesday of every month".

:func:`describe` says a stored RRULE in words (``None`` for a rule outside the family words
say, see :func:`kanban_sec.domain.recurrence.sayable`); :func:`say` says a
:class:`~kanban_sec.domain.recurrence.Recurrence`. Reading words back into a rule is
:func:`kanban_sec.domain.recurrence.to_rrule`.
"""

from __future__ import annotations

from kanban_sec.domain.recurrence import DAY_NAMES, DAYS, MONTH_NAMES, Recurrence, from_rrule

WORKDAYS = DAYS[:5]
_NTH_NAMES = {
    "en": {
        1: "first",
        2: "second",
        3: "third",
        4: "fourth",
        5: "fifth",
        -1: "last",
        -2: "second-last",
    },
    "nb": {
        1: "første",
        2: "andre",
        3: "tredje",
        4: "fjerde",
        5: "femte",
        -1: "siste",
        -2: "nest siste",
    },
}


def describe(text: str, lang: str) -> str | None:
    """The rule in plain words in ``lang`` (``nb`` or ``en``), or ``None`` if it has none."""
    rule = from_rrule(text)
    return None if rule is None else say(rule, lang)


def say(rule: Recurrence, lang: str) -> str:
    """Plain words for a rule of the family (see :func:`sayable`)."""
    words = _say_nb(rule) if lang == "nb" else _say_en(rule)
    return words[:1].upper() + words[1:]


def _join(parts: list[str], lang: str) -> str:
    if len(parts) < 2:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} {'og' if lang == 'nb' else 'and'} {parts[-1]}"


def _numbered_days(rule: Recurrence, lang: str) -> list[str]:
    """ "second Tuesday", or "first and third Monday" when they share the weekday."""
    nth = [(n, day) for n, day in rule.days if n]
    names = _NTH_NAMES[lang]
    if len(nth) > 1 and len({day for _, day in nth}) == 1:
        return [
            f"{_join([names[n] for n, _ in nth], lang)} {DAY_NAMES[lang][DAYS.index(nth[0][1])]}"
        ]
    return [f"{names[n]} {DAY_NAMES[lang][DAYS.index(day)]}" for n, day in nth]


def _en_number(day: int) -> str:
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def _period_en(freq: str, n: int) -> str:
    unit = {"DAILY": "day", "WEEKLY": "week", "MONTHLY": "month", "YEARLY": "year"}[freq]
    if freq == "MONTHLY" and n in (3, 6):
        return "every quarter" if n == 3 else "every half year"
    return f"every {unit}" if n == 1 else f"every {n} {unit}s"


def _period_nb(freq: str, n: int) -> str:
    if freq == "MONTHLY" and n in (3, 6):
        return "hvert kvartal" if n == 3 else "hvert halvår"
    unit = {"DAILY": "dag", "WEEKLY": "uke", "MONTHLY": "måned", "YEARLY": "år"}[freq]
    every = "hvert" if freq == "YEARLY" else "hver"
    if n == 1:
        return f"{every} {unit}"
    if n == 2:
        return f"{'annethvert' if freq == 'YEARLY' else 'annenhver'} {unit}"
    return f"{every} {n}. {unit}"


def _say_en(rule: Recurrence) -> str:
    period = _period_en(rule.freq, rule.interval)
    days = [DAY_NAMES["en"][DAYS.index(day)] for _, day in rule.days]
    nth = _numbered_days(rule, "en")
    months = _join([MONTH_NAMES["en"][m - 1] for m in rule.months], "en")
    monthdays = [("last day" if d == -1 else _en_number(d)) for d in rule.monthdays]
    if rule.freq == "WEEKLY" and rule.days:
        if rule.interval == 1:
            text = (
                "every weekday"
                if tuple(d for _, d in rule.days) == WORKDAYS
                else f"every {_join(days, 'en')}"
            )
        else:
            text = f"{period} on {_join(days, 'en')}"
    elif rule.freq == "MONTHLY" and rule.monthdays:
        text = f"{_join(monthdays, 'en')} of {period}"
    elif rule.freq == "MONTHLY" and nth:
        text = f"{_join(nth, 'en')} of {period}"
    elif rule.freq == "YEARLY" and rule.months:
        if rule.monthdays:
            day = rule.monthdays[0]
            text = (
                f"{period} on the last day of {months}"
                if day == -1
                else f"{period} on {day} {months}"
            )
        elif nth:
            text = f"{period} on the {_join(nth, 'en')} in {months}"
        elif days:
            text = f"every {_join(days, 'en')} in {months}"
        else:
            text = f"{period} in {months}"
    else:
        text = period
    return text + _end_en(rule)


def _say_nb(rule: Recurrence) -> str:
    period = _period_nb(rule.freq, rule.interval)
    days = [DAY_NAMES["nb"][DAYS.index(day)] for _, day in rule.days]
    nth = _numbered_days(rule, "nb")
    months = _join([MONTH_NAMES["nb"][m - 1] for m in rule.months], "nb")
    if rule.freq == "WEEKLY" and rule.days:
        if rule.interval == 1:
            text = (
                "hver virkedag"
                if tuple(d for _, d in rule.days) == WORKDAYS
                else f"hver {_join(days, 'nb')}"
            )
        else:
            text = f"{period} på {_join(days, 'nb')}"
    elif rule.freq == "MONTHLY" and rule.monthdays:
        numbered = [f"{d}." for d in rule.monthdays if d > 0]
        last = "siste dag" if -1 in rule.monthdays else ""
        said = _join(numbered + ([last] if last else []), "nb")
        text = f"{'den ' if numbered else ''}{said} i {period}"
    elif rule.freq == "MONTHLY" and nth:
        text = f"{_join(nth, 'nb')} i {period}"
    elif rule.freq == "YEARLY" and rule.months:
        if rule.monthdays:
            day = rule.monthdays[0]
            text = f"{period} siste dag i {months}" if day == -1 else f"{period} {day}. {months}"
        elif nth:
            text = f"{period} {_join(nth, 'nb')} i {months}"
        elif days:
            text = f"hver {_join(days, 'nb')} i {months}"
        else:
            text = f"{period} i {months}"
    else:
        text = period
    return text + _end_nb(rule)


def _end_en(rule: Recurrence) -> str:
    if rule.until is not None:
        day = rule.until
        return f", until {day.day} {MONTH_NAMES['en'][day.month - 1]} {day.year}"
    if rule.count is not None:
        return ", once" if rule.count == 1 else f", {rule.count} times"
    return ""


def _end_nb(rule: Recurrence) -> str:
    if rule.until is not None:
        day = rule.until
        return f", til og med {day.day}. {MONTH_NAMES['nb'][day.month - 1]} {day.year}"
    if rule.count is not None:
        return f", {rule.count} {'gang' if rule.count == 1 else 'ganger'}"
    return ""
