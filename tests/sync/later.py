"""Making a write later than the one before, by the clock stamps are made from."""

from __future__ import annotations

from kanban_sec.domain import hlc


def next_millisecond() -> None:
    """Wait for the wall clock's next millisecond: two boards' writes within one
    millisecond get equal stamps, which the node ids then decide (by design), and a write
    takes well under a millisecond."""
    started = hlc.wall_millis()
    while hlc.wall_millis() == started:
        pass
