"""Reading field values typed by people (CSV cells, command-line ``FIELD=VALUE``)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, tzinfo

from kanban_sec.domain.errors import FieldProblem, msg
from kanban_sec.domain.governance import Decision
from kanban_sec.domain.model import (
    MATURITY_MAX,
    MATURITY_MIN,
    SCALE_MAX,
    SCALE_MIN,
    Classification,
    Effort,
    Role,
    Status,
)
from kanban_sec.domain.text import LANGUAGES, t

TITLE_MAX = 500
TEXT_MAX = 100_000

_STATUS_NAMES: dict[str, Status] = {}
for _status in Status:
    _STATUS_NAMES[_status.value] = _status
    for _lang in LANGUAGES:
        _STATUS_NAMES[t(f"status.{_status.value}", _lang).casefold()] = _status

_CLASSIFICATION_NAMES = {
    "open": Classification.OPEN,
    "åpen": Classification.OPEN,
    "apen": Classification.OPEN,
    "internal": Classification.INTERNAL,
    "intern": Classification.INTERNAL,
    "confidential": Classification.CONFIDENTIAL,
    "konfidensiell": Classification.CONFIDENTIAL,
    "fortrolig": Classification.CONFIDENTIAL,
}
_ROLE_NAMES = {
    "governing": Role.GOVERNING,
    "styrende": Role.GOVERNING,
    "operational": Role.OPERATIONAL,
    "operativ": Role.OPERATIONAL,
    "controlling": Role.CONTROLLING,
    "kontrollerende": Role.CONTROLLING,
}
_TRUE = {"1", "true", "yes", "ja", "y", "j", "x", "sann"}
_FALSE = {"0", "false", "no", "nei", "n", "usann", ""}
_NORWEGIAN_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
# What Norwegian Excel shows and saves: 04.12.2026, 04.12.2026 14:30, ... 14:30:00 (also
# with the older "14.30" time separator).
_NORWEGIAN_MOMENT = re.compile(
    r"^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ T]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?$"
)


def parse_status(text: str) -> Status:
    """A column from its key or its name in either language, case-insensitively."""
    status = _STATUS_NAMES.get(text.strip().casefold())
    if status is None:
        raise FieldProblem(
            msg("value.bad_status", value=text, choices=", ".join(s.value for s in Status))
        )
    return status


def parse_int(text: str, low: int, high: int) -> int:
    """A whole number within ``low..high`` (``4``, ``4.0`` and ``4,0`` all mean 4)."""
    cleaned = text.strip()
    if not cleaned:
        raise FieldProblem(msg("value.required"))
    number = cleaned.replace(",", ".")
    try:
        value = float(number) if "." in number else int(number)
    except ValueError:
        raise FieldProblem(msg("value.not_integer", value=text)) from None
    if isinstance(value, float):
        if not value.is_integer():
            raise FieldProblem(msg("value.not_integer", value=text))
        value = int(value)
    if not low <= value <= high:
        raise FieldProblem(msg("value.out_of_range", value=text, low=low, high=high))
    return value


def parse_scale(text: str) -> int:
    """Likelihood or consequence: 1–5."""
    return parse_int(text, SCALE_MIN, SCALE_MAX)


#: What may stand for a likelihood or consequence nobody has assessed (besides empty).
UNASSESSED_WORDS = frozenset(("?", "-", "ikke vurdert", "uvurdert", "unassessed", "not assessed"))


def parse_assessment(text: str) -> int | None:
    """Likelihood or consequence as judged (1–5), or ``None`` for unassessed: empty, "?",
    "ikke vurdert" or "unassessed"."""
    cleaned = " ".join(text.split()).casefold()
    if not cleaned or cleaned in UNASSESSED_WORDS:
        return None
    return parse_scale(text)


def parse_maturity(text: str) -> int:
    """Link maturity or target maturity: 0–3."""
    return parse_int(text, MATURITY_MIN, MATURITY_MAX)


def parse_effort(text: str) -> Effort | None:
    """XS, S, M, L or XL; empty means not estimated."""
    cleaned = text.strip().upper()
    if not cleaned:
        return None
    try:
        return Effort(cleaned)
    except ValueError:
        raise FieldProblem(
            msg("value.bad_effort", value=text, choices=", ".join(e.value for e in Effort))
        ) from None


def parse_classification(text: str) -> Classification:
    """open, internal or confidential (Norwegian names too); empty means open."""
    cleaned = text.strip().casefold()
    if not cleaned:
        return Classification.OPEN
    value = _CLASSIFICATION_NAMES.get(cleaned)
    if value is None:
        raise FieldProblem(
            msg(
                "value.bad_classification",
                value=text,
                choices=", ".join(c.value for c in Classification),
            )
        )
    return value


def parse_role(text: str) -> Role:
    """governing, operational or controlling (Norwegian names too)."""
    value = _ROLE_NAMES.get(text.strip().casefold())
    if value is None:
        raise FieldProblem(
            msg("value.bad_role", value=text, choices=", ".join(r.value for r in Role))
        )
    return value


_DECISION_NAMES = {
    **{d.value: d for d in Decision},
    "aksepter": Decision.ACCEPT,
    "akseptere": Decision.ACCEPT,
    "reduser": Decision.REDUCE,
    "redusere": Decision.REDUCE,
    "del": Decision.SHARE,
    "dele": Decision.SHARE,
    "overfør": Decision.SHARE,
    "unngå": Decision.AVOID,
    "unngaa": Decision.AVOID,
}


def parse_decision(text: str) -> Decision:
    """accept, reduce, share or avoid (Norwegian names too: aksepter, reduser, del, unngå)."""
    value = _DECISION_NAMES.get(text.strip().casefold())
    if value is None:
        raise FieldProblem(
            msg("value.bad_decision", value=text, choices=", ".join(d.value for d in Decision))
        )
    return value


def parse_date(text: str) -> date | None:
    """An ISO date (``2026-12-31``) or a Norwegian one (``31.12.2026``); empty is none."""
    cleaned = text.strip()
    if not cleaned:
        return None
    match = _NORWEGIAN_DATE.match(cleaned)
    try:
        if match:
            day, month, year = (int(g) for g in match.groups())
            return date(year, month, day)
        if len(cleaned) == 10:
            return date.fromisoformat(cleaned)
        return datetime.fromisoformat(cleaned).date()
    except ValueError:
        raise FieldProblem(msg("value.bad_date", value=text)) from None


def parse_datetime(text: str, zone: tzinfo = UTC) -> datetime | None:
    """An ISO 8601 time (``T`` or a space between date and time) or Norwegian Excel's
    ``04.12.2026 14:30`` / ``04.12.2026``, in UTC. A time without ``Z`` or an offset is a
    wall-clock time in ``zone``; in the hour a clock change repeats, the first one."""
    cleaned = text.strip()
    if not cleaned:
        return None
    try:
        match = _NORWEGIAN_MOMENT.match(cleaned)
        if match:
            day, month, year, hour, minute, second = (int(g or 0) for g in match.groups())
            value = datetime(year, month, day, hour, minute, second)
        else:
            value = datetime.fromisoformat(cleaned)
    except ValueError:
        raise FieldProblem(msg("value.bad_datetime", value=text)) from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=zone)
    return value.astimezone(UTC)


def parse_bool(text: str) -> bool:
    """yes/no in either language, 1/0, true/false, x/empty."""
    cleaned = text.strip().casefold()
    if cleaned in _TRUE:
        return True
    if cleaned in _FALSE:
        return False
    raise FieldProblem(msg("value.bad_bool", value=text))


def parse_title(text: str) -> str:
    """A required one-line title."""
    cleaned = " ".join(text.split())
    if not cleaned:
        raise FieldProblem(msg("title.required"))
    if len(cleaned) > TITLE_MAX:
        raise FieldProblem(msg("value.too_long", limit=TITLE_MAX))
    return cleaned


def parse_text(text: str) -> str:
    """Free text (description, reasons, references)."""
    if len(text) > TEXT_MAX:
        raise FieldProblem(msg("value.too_long", limit=TEXT_MAX))
    return text


def parse_tags(text: str) -> list[str]:
    """Tags separated by ``;`` (commas too); blanks dropped, order kept, no repeats."""
    seen: dict[str, None] = {}
    for part in re.split(r"[;,]", text):
        tag = part.strip()
        if tag:
            seen.setdefault(tag, None)
    return list(seen)


def format_tags(tags: list[str]) -> str:
    """Tags as a field shows them for editing (``parse_tags`` reads it back)."""
    return "; ".join(tags)
