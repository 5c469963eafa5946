"""Sync facts as people read them: one short line per value, the sides of a conflict, a
time, the rule behind a refusal. Pure helpers shared by the command line and the window.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any, Literal

from kanban_sec.domain.errors import BadInput


def shown(value: Any) -> str:
    """A field's value as one short line."""
    if value is None or value == "":
        return "∅"
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    text = text.replace("\n", " ")
    return text if len(text) <= 40 else text[:39] + "…"


def changed_text(values: Any) -> str:
    """Values set by one change (``{field: value}``) as one short line: ``title=…, …``."""
    if not isinstance(values, dict):
        return shown(values)
    return ", ".join(f"{k}={shown(v)}" for k, v in values.items())


def sides(conflict: Any) -> tuple[Any, Any]:
    """(mine, theirs): the overwritten value is mine when this replica made it; else mine
    is the value the board has now."""
    if conflict.mine:
        return conflict.loser_value, conflict.winner_value
    return conflict.winner_value, conflict.loser_value


def resolution_for(conflict: Any, keep_mine: bool) -> Literal["keep", "take"]:
    """``keep`` or ``take`` for "keep mine" (``True``) or "take theirs" (``False``)."""
    return "take" if conflict.mine == keep_mine else "keep"


def when(moment: datetime | None) -> str:
    """A time in this computer's time zone, to the minute."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment is not None else ""


def edit_value(text: str, like: Any, label: str = "--value") -> Any:
    """A typed value as the field's kind of value (``like``: a value the field has had);
    ``label`` names where it was typed in an error."""
    from kanban_sec.domain.errors import FieldProblem, msg
    from kanban_sec.domain.fields import parse_bool

    try:
        if isinstance(like, bool):
            return parse_bool(text)
        if isinstance(like, int | float):
            try:
                return type(like)(text.strip())
            except ValueError:
                raise FieldProblem(msg("value.not_integer", value=text)) from None
    except FieldProblem as problem:
        raise BadInput("field.problem", field=label, problem=problem.msg) from None
    return text


def refusal_reason(reason: str) -> str:
    """The rule behind a refusal as stored (``primary (detail)``, the detail the server's
    JSON): the detail's ``reason`` when it has one, else the stored text."""
    start = reason.find(" ({")
    if start >= 0 and reason.endswith(")"):
        try:
            detail = json.loads(reason[start + 2 : -1])
        except ValueError:
            return reason
        if isinstance(detail, dict) and detail.get("reason"):
            return str(detail["reason"])
    return reason
