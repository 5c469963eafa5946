"""An item's due date as the board shows it: far off, soon, or overdue.

The due date is a badge and a standup topic, never a ranking field: nothing here is read
by :mod:`kanban_sec.domain.ranking`.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

#: A due date this many days away or nearer is "soon".
DUE_SOON_DAYS = 7


class DueState(StrEnum):
    """How urgent an item's due date is on ``today``."""

    #: More than :data:`DUE_SOON_DAYS` away, or the item is done.
    LATER = "later"
    #: Today or within :data:`DUE_SOON_DAYS` days.
    SOON = "soon"
    #: The day has passed and the item is not done.
    OVERDUE = "overdue"


def due_state(due: date | None, today: date, *, done: bool) -> DueState | None:
    """The state of a due date on ``today`` (``None``: the item has no due date).

    A done item's due date is history: never soon, never overdue.
    """
    if due is None:
        return None
    if done:
        return DueState.LATER
    if due < today:
        return DueState.OVERDUE
    if (due - today).days <= DUE_SOON_DAYS:
        return DueState.SOON
    return DueState.LATER
