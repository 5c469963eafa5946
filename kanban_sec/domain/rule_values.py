"""The rulebook's refusals and its checks of values: every stored field's type, range,
choices and size (:data:`kanban_sec.domain.rule_tables.FIELD_SPECS`). Pure Python; the
rules that judge who may write what are in :mod:`kanban_sec.domain.rules`."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from kanban_sec.domain.errors import Message, Refused
from kanban_sec.domain.rule_tables import FIELD_SPECS

# -- codes -----------------------------------------------------------------------------------

#: Stable refusal codes (also the SQLSTATE the sync server raises), and what each means.
CODES: dict[str, str] = {
    "KS001": "time stamp far ahead of the server clock",
    "KS002": "done needs a verification by a controlling member",
    "KS003": "risk decisions are the risk owner's",
    "KS004": "the role may not change this",
    "KS005": "malformed change",
    "KS006": "a value of the wrong type, out of range, unknown or too large",
    "KS007": "writing as somebody else",
    "KS008": "a blocked item cannot be done",
    "KS009": "an acceptance must hold: rationale, valid-until, not in the red band",
    "KS010": "a login without TLS",
    "KS011": "consequence and information values are the risk-owner unit's to judge",
}

MAX_CHANGE_BYTES = 1024 * 1024
MAX_TEXT_BYTES = 64 * 1024


@dataclass(frozen=True)
class Refusal:
    """Why a change may not be written: a stable code and a catalogue message."""

    code: str
    key: str
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def message(self) -> Message:
        return Message(self.key, self.params)

    def error(self) -> RuleRefused:
        return RuleRefused(self)


class RuleRefused(Refused):
    """A rule of the rulebook refused a write; nothing was written (exit status 2)."""

    def __init__(self, refusal: Refusal) -> None:
        super().__init__(refusal.key, **refusal.params)
        self.refusal = refusal
        self.code = refusal.code


# -- validation ------------------------------------------------------------------------------


def _bad(entity: str, name: str, value: Any, why: str) -> Refusal:
    shown = repr(value)
    if len(shown) > 80:
        shown = shown[:77] + "…"
    return Refusal(
        "KS006", "rule.bad_value", {"entity": entity, "field": name, "value": shown, "why": why}
    )


def check_value(entity: str, name: str, value: Any) -> Refusal | None:
    """Whether ``value`` may be stored in ``entity.name`` (type, choices, range, size)."""
    spec = FIELD_SPECS.get(entity, {}).get(name)
    if spec is None:
        return _bad(entity, name, value, "unknown field")
    if value is None:
        return None if spec.nullable else _bad(entity, name, value, "may not be empty")
    kind = spec.kind
    if kind == "int":
        if type(value) is not int:
            return _bad(entity, name, value, "not a whole number")
        if (spec.low is not None and value < spec.low) or (
            spec.high is not None and value > spec.high
        ):
            return _bad(entity, name, value, f"outside {spec.low}–{spec.high or '∞'}")
        return None
    if type(value) is not str:
        return _bad(entity, name, value, "not text")
    # Four bytes a character at most: only a long text needs encoding to be measured.
    limit = spec.max_bytes or MAX_TEXT_BYTES
    if len(value) * 4 > limit and len(value.encode("utf-8", "surrogatepass")) > limit:
        return _bad(entity, name, value, f"over {limit // 1024} KiB")
    if "\x00" in value:
        return _bad(entity, name, value, "holds a NUL character")
    if kind == "text":
        return None
    if kind == "enum":
        return (
            None
            if value in spec.choices
            else _bad(entity, name, value, "not one of " + ", ".join(spec.choices))
        )
    if kind == "date":
        return None if _is_day(value) else _bad(entity, name, value, "not a date (YYYY-MM-DD)")
    if kind == "time":
        return None if _is_time(value) else _bad(entity, name, value, "not a time (ISO 8601)")
    if kind == "json":
        if value in ("[]", "{}"):
            return None
        try:
            json.loads(value)
        except ValueError:
            return _bad(entity, name, value, "not JSON")
        return None
    if kind == "ref" and not value.strip():
        return _bad(entity, name, value, "an empty reference")
    return None


def _is_day(text: str) -> bool:
    from datetime import date

    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


def _is_time(text: str) -> bool:
    from datetime import datetime

    try:
        datetime.fromisoformat(text)
    except ValueError:
        return False
    return True


def validate(entity: str, values: Mapping[str, Any]) -> Refusal | None:
    """The first value in ``values`` that ``entity`` may not hold; ``None`` when all may."""
    specs = FIELD_SPECS.get(entity)
    if specs is None:
        return Refusal("KS006", "rule.unknown_entity", {"entity": entity})
    for name, value in values.items():
        if name == "id":
            continue
        spec = specs.get(name)
        # The common cases without a call (a write of many rows judges each of them).
        if spec is not None:
            if value is None:
                if spec.nullable:
                    continue
            elif spec.kind == "text":
                if type(value) is str and len(value) * 4 <= MAX_TEXT_BYTES and "\x00" not in value:
                    continue
            elif spec.kind == "int":
                if (
                    type(value) is int
                    and (spec.low is None or value >= spec.low)
                    and (spec.high is None or value <= spec.high)
                ):
                    continue
            elif spec.kind == "enum" and value in spec.choices:
                continue
        refusal = check_value(entity, name, value)
        if refusal is not None:
            return refusal
    return None


def validate_rows(entity: str, many: list[dict[str, Any]]) -> tuple[int, Refusal] | None:
    """:func:`validate` of many rows with the same fields, column by column (each distinct
    value checked once): the index of the first bad row and why, or ``None``."""
    if not many:
        return None
    if entity not in FIELD_SPECS:
        return 0, Refusal("KS006", "rule.unknown_entity", {"entity": entity})
    specs = FIELD_SPECS[entity]
    for name in many[0]:
        if name == "id":
            continue
        spec = specs.get(name)
        column = [row[name] for row in many]
        if spec is not None and spec.kind == "text" and _plain_texts(column, spec.nullable):
            continue
        for value in dict.fromkeys(column):
            refusal = check_value(entity, name, value)
            if refusal is not None:
                return column.index(value), refusal
    return None


def _plain_texts(column: list[Any], nullable: bool) -> bool:
    """Whether every value is a text short enough and without NUL (or an allowed None)."""
    texts = [v for v in column if v is not None] if nullable else column
    if any(type(v) is not str for v in texts):
        return False
    return not texts or (
        max(map(len, texts)) * 4 <= MAX_TEXT_BYTES and not any("\x00" in v for v in texts)
    )
