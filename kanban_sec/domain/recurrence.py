"""Recurrence in plain words, both ways: "second Tuesday of every month" ⇄ FREQ=MONTHLY;BYDAY=2TU.

People write the annual wheel's schedules in their own words, in Norwegian or English; the
wheel stores an RFC 5545 RRULE (what Outlook and dateutil read). :func:`to_rrule` reads
either; :func:`kanban_sec.domain.recurrence_words.describe` says a rule in words. Every rule
it says, :func:`to_rrule` reads back to the same rule; a rule outside that family (BYSETPOS,
WKST, BYWEEKNO...) is shown as its RRULE only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from kanban_sec.domain.annual_wheel import normalise_rule
from kanban_sec.domain.errors import BadInput, Message, msg

DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
FREQS = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
#: The numbered weekdays words can say: first to fifth, last and second-last.
NTH = (1, 2, 3, 4, 5, -1, -2)
COUNT_MAX = 999

DAY_NAMES = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "nb": ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"),
}
MONTH_NAMES = {
    "en": (
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
    ),
    "nb": (
        "januar",
        "februar",
        "mars",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "desember",
    ),
}


@dataclass(frozen=True)
class Recurrence:
    """A rule of the family words can say, in one canonical form."""

    freq: str
    interval: int = 1
    months: tuple[int, ...] = ()
    monthdays: tuple[int, ...] = ()
    #: ``(n, "MO")``: the n-th Monday of the month (n < 0 from its end); n = 0: every Monday.
    days: tuple[tuple[int, str], ...] = ()
    count: int | None = None
    until: date | None = None

    def rrule(self) -> str:
        """The rule as stored: FREQ, INTERVAL, BYMONTH, BYMONTHDAY, BYDAY, COUNT, UNTIL."""
        parts = [f"FREQ={self.freq}"]
        if self.interval != 1:
            parts.append(f"INTERVAL={self.interval}")
        if self.months:
            parts.append("BYMONTH=" + ",".join(map(str, self.months)))
        if self.monthdays:
            parts.append("BYMONTHDAY=" + ",".join(map(str, self.monthdays)))
        if self.days:
            parts.append("BYDAY=" + ",".join(f"{n or ''}{day}" for n, day in self.days))
        if self.count is not None:
            parts.append(f"COUNT={self.count}")
        if self.until is not None:
            parts.append(f"UNTIL={self.until:%Y%m%d}")
        return ";".join(parts)


def canonical(
    freq: str,
    interval: int = 1,
    months: list[int] | tuple[int, ...] = (),
    monthdays: list[int] | tuple[int, ...] = (),
    days: list[tuple[int, str]] | tuple[tuple[int, str], ...] = (),
    count: int | None = None,
    until: date | None = None,
) -> Recurrence:
    """A :class:`Recurrence` with its lists in order and without repeats."""
    return Recurrence(
        freq,
        interval,
        tuple(sorted(set(months))),
        tuple(sorted(set(monthdays), key=lambda d: (d < 0, abs(d) if d < 0 else d))),
        tuple(sorted(set(days), key=lambda p: (p[0] < 0, abs(p[0]), DAYS.index(p[1])))),
        count,
        until,
    )


# -- RRULE -> Recurrence -----------------------------------------------------------------


def from_rrule(text: str) -> Recurrence | None:
    """The rule as a :class:`Recurrence`, or ``None`` when it is outside what words say."""
    try:
        clean = normalise_rule(text)
    except BadInput:
        return None
    named = dict(part.split("=", 1) for part in clean.split(";"))
    if set(named) - {"FREQ", "INTERVAL", "BYMONTH", "BYMONTHDAY", "BYDAY", "COUNT", "UNTIL"}:
        return None
    days: list[tuple[int, str]] = []
    for day in named.get("BYDAY", "").split(",") if "BYDAY" in named else []:
        days.append((int(day[:-2] or 0), day[-2:]))
    until = None
    if "UNTIL" in named:
        until = date(int(named["UNTIL"][:4]), int(named["UNTIL"][4:6]), int(named["UNTIL"][6:]))
    rule = canonical(
        named["FREQ"],
        int(named.get("INTERVAL", 1)),
        [int(m) for m in named["BYMONTH"].split(",")] if "BYMONTH" in named else [],
        [int(d) for d in named["BYMONTHDAY"].split(",")] if "BYMONTHDAY" in named else [],
        days,
        int(named["COUNT"]) if "COUNT" in named else None,
        until,
    )
    return rule if sayable(rule) else None


def sayable(rule: Recurrence) -> bool:
    """Whether :func:`describe` has words for ``rule`` (and :func:`to_rrule` reads them)."""
    nth = [n for n, _ in rule.days if n]
    plain = [n for n, _ in rule.days if not n]
    if rule.interval < 1 or (nth and plain) or any(n not in NTH for n in nth):
        return False
    if any(not (1 <= d <= 31 or d == -1) for d in rule.monthdays):
        return False
    if rule.count is not None and not 1 <= rule.count <= COUNT_MAX:
        return False
    if rule.count is not None and rule.until is not None:
        return False
    if rule.freq == "DAILY":
        return not (rule.months or rule.monthdays or rule.days)
    if rule.freq == "WEEKLY":
        return not (rule.months or rule.monthdays or nth)
    if rule.freq == "MONTHLY":
        return not (rule.months or plain or (rule.monthdays and nth))
    if rule.freq != "YEARLY":
        return False
    if not rule.months:
        return not (rule.monthdays or rule.days)
    if rule.monthdays:
        return len(rule.monthdays) == 1 and not rule.days
    return not plain or rule.interval == 1


# -- words -> RRULE ----------------------------------------------------------------------


def _names(*tables: tuple[str, ...]) -> dict[str, int]:
    """Every name (and its 3-letter short form and plural) -> its 0-based position."""
    found: dict[str, int] = {}
    for table in tables:
        for position, name in enumerate(table):
            low = name.lower()
            for form in (low, low[:3], low + "s", low + "er", low + "en"):
                found.setdefault(form, position)
    return found


_WEEKDAY = _names(DAY_NAMES["en"], DAY_NAMES["nb"]) | {
    "tues": 1,
    "weds": 2,
    "thur": 3,
    "thurs": 3,
    "tor": 3,
    "fre": 4,
    "lor": 5,
    "sat": 5,
}
_MONTH = _names(MONTH_NAMES["en"], MONTH_NAMES["nb"]) | {"sept": 8, "des": 11}
_EVERY = {"every", "each", "hver", "hvert", "hvar", "kvar", "kvart"}
_OTHER = {"annenhver", "annethvert", "annahver", "annakvar", "annankvar"}
_UNITS = {
    **dict.fromkeys(("day", "days", "dag", "dager", "dagen", "døgn"), ("DAILY", 1)),
    **dict.fromkeys(("week", "weeks", "uke", "uker", "uka", "uken", "veke"), ("WEEKLY", 1)),
    **dict.fromkeys(
        ("month", "months", "måned", "måneder", "måneden", "maned", "mnd", "månad"), ("MONTHLY", 1)
    ),
    **dict.fromkeys(("quarter", "quarters", "kvartal", "kvartaler", "kvartalet"), ("MONTHLY", 3)),
    **dict.fromkeys(("halvår", "halvåret", "half-year", "halfyear"), ("MONTHLY", 6)),
    **dict.fromkeys(("year", "years", "år", "året", "aar"), ("YEARLY", 1)),
}
_ADVERBS = {
    **dict.fromkeys(("daily", "daglig", "dagleg"), ("DAILY", 1)),
    **dict.fromkeys(("weekly", "ukentlig", "vekentleg"), ("WEEKLY", 1)),
    **dict.fromkeys(("fortnightly", "biweekly"), ("WEEKLY", 2)),
    **dict.fromkeys(("monthly", "månedlig", "månadleg"), ("MONTHLY", 1)),
    **dict.fromkeys(("quarterly", "kvartalsvis", "kvartalsvise"), ("MONTHLY", 3)),
    **dict.fromkeys(
        ("halvårlig", "halvårleg", "semiannually", "half-yearly", "biannually"), ("MONTHLY", 6)
    ),
    **dict.fromkeys(("yearly", "annually", "årlig", "årleg"), ("YEARLY", 1)),
}
_ORDINAL = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "last": -1,
    "second-last": -2,
    "next-to-last": -2,
    "penultimate": -2,
    "første": 1,
    "fyrste": 1,
    "andre": 2,
    "annen": 2,
    "annet": 2,
    "tredje": 3,
    "fjerde": 4,
    "femte": 5,
    "siste": -1,
    "sjette": 6,
    "sjuende": 7,
    "syvende": 7,
    "åttende": 8,
    "niende": 9,
    "tiende": 10,
    "ellevte": 11,
    "tolvte": 12,
    "other": 2,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
}
_CARDINAL = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "tre": 3,
    "fire": 4,
    "fem": 5,
    "seks": 6,
}
_WORKDAY_WORDS = {
    "weekday",
    "weekdays",
    "workday",
    "workdays",
    "virkedag",
    "virkedager",
    "hverdag",
    "hverdager",
    "arbeidsdag",
    "arbeidsdager",
    "ukedag",
    "ukedager",
}
_WEEKEND_WORDS = {"weekend", "weekends", "helg", "helgen", "helger"}
_TIMES = {"times", "time", "ganger", "gang", "gonger", "gong"}
_UNTIL = {"until", "till", "through", "thru", "til", "t.o.m", "tom", "inntil"}
_SEPARATORS = {",", "and", "&", "og", "+"}
_FILLERS = {
    "of",
    "in",
    "on",
    "the",
    "at",
    "i",
    "på",
    "den",
    "om",
    "av",
    "repeat",
    "repeats",
    "gjentas",
}
_NUMBER = re.compile(r"^(\d{1,4})(st|nd|rd|th|\.)?$")
_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_DOTTED_DAY = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_RRULE_HINT = re.compile(r"(^\s*rrule:)|(\bfreq\s*=)", re.IGNORECASE)


def looks_like_rrule(text: str) -> bool:
    """Whether ``text`` is written as an RRULE (``FREQ=...``) rather than in words."""
    return bool(_RRULE_HINT.search(text))


def to_rrule(text: str) -> str:
    """The stored RRULE for plain words (nb or en) or an RRULE, or :class:`BadInput`."""
    if looks_like_rrule(text):
        return normalise_rule(text)
    return normalise_rule(read_words(text).rrule())


def read_words(text: str) -> Recurrence:
    """The rule plain words say, or :class:`BadInput` naming what is not understood."""
    return _Reader(text).read()


def _bad(phrase: str, problem: Message) -> BadInput:
    return BadInput("wheel.bad_words", phrase=" ".join(phrase.split()), problem=problem)


def _tokens(text: str) -> list[str]:
    low = text.strip().lower().replace("’", "'").replace("–", "-")
    low = re.sub(r"(\d)\.(?=[^\d\s.])", r"\1. ", low)  # "1.mars" -> "1. mars"
    low = re.sub(r"([,;()])", r" \1 ", low)
    words = []
    for word in low.split():
        if word in ("(", ")", ";"):
            continue
        if not (_NUMBER.match(word) or _DOTTED_DAY.match(word)):
            word = word.rstrip(".:!?") or word
        if word.endswith("'s"):
            word = word[:-2]
        words.append(word)
    return words


class _Reader:
    """Reads plain words left to right; each word must mean something or be a filler."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.words = _tokens(text)
        self.at = 0
        self.period: tuple[str, int] | None = None
        self.days: list[tuple[int, str]] = []
        self.monthdays: list[int] = []
        self.months: list[int] = []
        self.dated: set[int] = set()  # days of the month said with a month ("1 March")
        self.waiting: list[int] = []  # "first and third" waiting for their weekday
        self.count: int | None = None
        self.until: date | None = None

    # -- looking at words ------------------------------------------------------------
    def word(self, ahead: int = 0) -> str:
        place = self.at + ahead
        return self.words[place] if place < len(self.words) else ""

    def number(self, ahead: int = 0) -> int | None:
        word = self.word(ahead)
        match = _NUMBER.match(word)
        return int(match.group(1)) if match else None

    def unit(self, ahead: int = 0) -> tuple[tuple[str, int], int] | None:
        """A unit of time at ``ahead`` and how many words it takes."""
        word = self.word(ahead)
        if word == "half" and self.word(ahead + 1) in ("year", "a-year", "years"):
            return ("MONTHLY", 6), 2
        if word == "half" and self.word(ahead + 1) == "a" and self.word(ahead + 2) == "year":
            return ("MONTHLY", 6), 3
        return (_UNITS[word], 1) if word in _UNITS else None

    def ordinal(self, ahead: int = 0) -> tuple[int, int] | None:
        """A numbered place (first, 2nd, siste, nest siste) and how many words it takes."""
        word, after = self.word(ahead), self.word(ahead + 1)
        if word in ("nest", "second", "next") and after in ("siste", "last", "to-last"):
            return -2, 2
        if word == "next" and after == "to" and self.word(ahead + 2) == "last":
            return -2, 3
        if word in _ORDINAL and word != "other":
            return _ORDINAL[word], 1
        match = _NUMBER.match(word)
        if match and match.group(2):
            return int(match.group(1)), 1
        return None

    def fail(self, problem: Message) -> BadInput:
        return _bad(self.text, problem)

    # -- reading ---------------------------------------------------------------------
    def read(self) -> Recurrence:
        if not self.words:
            raise self.fail(msg("wheel.words_empty"))
        while self.at < len(self.words):
            if not self.step():
                raise self.fail(msg("wheel.words_unknown", word=self.word()))
        if self.waiting:
            raise self.fail(msg("wheel.words_unknown", word=self.words[-1]))
        return self.assemble()

    def set_period(self, period: tuple[str, int], times: int = 1) -> None:
        freq, length = period
        if self.period is not None:
            raise self.fail(msg("wheel.words_twice"))
        if times < 1:
            raise self.fail(msg("wheel.words_unknown", word=self.word()))
        self.period = (freq, length * times)

    def add_day(self, n: int, position: int) -> None:
        for place in [*self.waiting, n]:
            if place not in (0, *NTH):
                raise self.fail(msg("wheel.words_nth", word=self.word()))
            self.days.append((place, DAYS[position]))
        self.waiting = []

    def step(self) -> bool:
        """Read the meaning at the current word; ``False`` if it has none."""
        word = self.word()
        if word in _SEPARATORS or word in _FILLERS:
            self.at += 1
            return True
        if word in _EVERY:
            return self.every()
        if word in _OTHER:
            return self.every_other()
        if word in _ADVERBS:
            self.set_period(_ADVERBS[word])
            self.at += 1
            return True
        if word in _WORKDAY_WORDS or word in _WEEKEND_WORDS:
            for position in range(5) if word in _WORKDAY_WORDS else (5, 6):
                self.days.append((0, DAYS[position]))
            self.at += 1
            return True
        if word in _WEEKDAY:
            self.add_day(0, _WEEKDAY[word])
            self.at += 1
            return True
        if word in _UNTIL:
            return self.read_until()
        if word in ("once", "én", "ein") and (word == "once" or self.word(1) in _TIMES):
            self.count = 1
            self.at += 1 if word == "once" else 2
            return True
        found = self.unit()
        if found is not None:  # "second Tuesday of the month": the month says how often
            self.set_period(found[0])
            self.at += found[1]
            return True
        if word in _MONTH:
            return self.month()
        number = self.number()
        ordinal = self.ordinal()
        if number is not None and self.word(1) in _TIMES:
            self.count = number
            self.at += 2
            return True
        if ordinal is not None or number is not None:
            return self.numbered(number, ordinal)
        return False

    def every(self) -> bool:
        """ "every 2 weeks", "every other Tuesday", "every month" or "every" + a day."""
        number = self.number(1)
        word = self.word(1)
        times = number if number is not None else _CARDINAL.get(word, _ORDINAL.get(word))
        if times is not None and times > 0:
            found = self.unit(2)
            if found is not None:
                self.set_period(found[0], times)
                self.at += 2 + found[1]
                return True
            if (
                self.word(2) in _WEEKDAY
                and times >= 2
                and not self.month_later()
                and (number is None or self.word(1).endswith(("nd", "rd", "th", ".")))
            ):
                # "every other Tuesday", "hver andre tirsdag": a Tuesday every 2 weeks.
                self.set_period(("WEEKLY", 1), times)
                self.days.append((0, DAYS[_WEEKDAY[self.word(2)]]))
                self.at += 3
                return True
        found = self.unit(1)
        if found is not None:
            self.set_period(found[0])
            self.at += 1 + found[1]
            return True
        self.at += 1  # "every Monday", "hver 1. mars": the rest says it
        return True

    def month_later(self) -> bool:
        """Whether a later word says month, quarter or year: then "every second Tuesday of
        the month" means the second Tuesday, not every other one."""
        return any(
            _UNITS.get(word, ("",))[0] in ("MONTHLY", "YEARLY") or word in _MONTH
            for word in self.words[self.at + 3 :]
        )

    def every_other(self) -> bool:
        found = self.unit(1)
        if found is not None:
            self.set_period(found[0], 2)
            self.at += 1 + found[1]
            return True
        if self.word(1) in _WEEKDAY:
            self.set_period(("WEEKLY", 2))
            self.days.append((0, DAYS[_WEEKDAY[self.word(1)]]))
            self.at += 2
            return True
        return False

    def numbered(self, number: int | None, ordinal: tuple[int, int] | None) -> bool:
        """ "second Tuesday", "2. tirsdag", "15th", "1. mars", "1st of March", "last day"."""
        size = ordinal[1] if ordinal else 1
        value = ordinal[0] if ordinal else number
        assert value is not None
        after = self.word(size)
        if after in _WEEKDAY:
            self.add_day(value, _WEEKDAY[after])
            self.at += size + 1
            return True
        if after in ("day", "dag", "dagen"):
            if value not in (-1, *range(1, 32)):
                raise self.fail(msg("wheel.words_monthday", word=self.word()))
            self.monthdays.append(value)
            self.at += size + 1
            return True
        if (
            ordinal is not None
            and number is None
            and after in _SEPARATORS
            and self.word(size + 1) not in _MONTH
        ):
            self.waiting.append(value)  # "first and third Monday"
            self.at += size
            return True
        if (
            number is None
            and ordinal is not None
            and value > 0
            and self.word(size + (after == "of")) in _MONTH
        ):
            number = value  # "first of March"
        if number is None:
            return False
        if not 1 <= number <= 31:
            raise self.fail(msg("wheel.words_monthday", word=self.word()))
        month_at = size + (1 if after == "of" else 0)
        if self.word(month_at) in _MONTH:
            self.dated.add(number)
            self.monthdays.append(number)
            self.months.append(_MONTH[self.word(month_at)] + 1)
            self.at += month_at + 1
            return True
        self.monthdays.append(number)
        self.at += size
        return True

    def month(self) -> bool:
        """ "March", "March 1st"."""
        month = _MONTH[self.word()] + 1
        day = self.number(1)
        if (
            day is not None
            and 1 <= day <= 31
            and self.word(2) not in _TIMES
            and self.word(2) not in _MONTH
        ):
            self.dated.add(day)
            self.monthdays.append(day)
            self.at += 2
        else:
            self.at += 1
        self.months.append(month)
        return True

    def read_until(self) -> bool:
        """ "until 31 December 2027", "til og med 31.12.2027", "through 2027-12-31"."""
        self.at += 1
        while self.word() in ("og", "med", "and", "including", "with", "the", "den"):
            self.at += 1
        word = self.word()
        found: date | None = None
        used = 0
        try:
            iso, dotted = _ISO_DAY.match(word), _DOTTED_DAY.match(word)
            if iso:
                found, used = date(*map(int, iso.groups())), 1
            elif dotted:
                found, used = (
                    date(int(dotted.group(3)), int(dotted.group(2)), int(dotted.group(1))),
                    1,
                )
            elif self.number() is not None and self.word(1) in _MONTH:
                year = self.number(2) if self.word(2) != "," else self.number(3)
                if year is not None:
                    found = date(year, _MONTH[self.word(1)] + 1, self.number() or 0)
                    used = 3 if self.word(2) != "," else 4
            elif word in _MONTH and self.number(1) is not None:
                year_at = 3 if self.word(2) == "," else 2
                year = self.number(year_at)
                if year is not None:
                    found = date(year, _MONTH[word] + 1, self.number(1) or 0)
                    used = year_at + 1
        except ValueError:
            found = None
        if found is None:
            raise self.fail(msg("wheel.words_until"))
        if self.until is not None or self.count is not None:
            raise self.fail(msg("wheel.words_end_twice"))
        self.until = found
        self.at += used
        return True

    def assemble(self) -> Recurrence:
        nth = [day for day in self.days if day[0]]
        plain = [day for day in self.days if not day[0]]
        if nth and plain:
            raise self.fail(msg("wheel.words_mixed"))
        if len(self.dated) > 1:
            raise self.fail(msg("wheel.words_dates"))
        if self.count is not None and self.until is not None:
            raise self.fail(msg("wheel.words_end_twice"))
        if self.count is not None and not 1 <= self.count <= COUNT_MAX:
            raise self.fail(msg("wheel.words_count", high=COUNT_MAX))
        if self.period is not None:
            freq, interval = self.period
        elif self.months:
            freq, interval = "YEARLY", 1
        elif nth or self.monthdays:
            freq, interval = "MONTHLY", 1
        elif plain:
            freq, interval = "WEEKLY", 1
        else:
            raise self.fail(msg("wheel.words_no_often"))
        rule = canonical(
            freq, interval, self.months, self.monthdays, self.days, self.count, self.until
        )
        if not sayable(rule):
            raise self.fail(msg("wheel.words_together"))
        return rule
