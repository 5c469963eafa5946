"""Hybrid logical clock: timestamps that order changes across machines with skewed clocks.

A timestamp is one integer: wall-clock milliseconds shifted left 16 bits, plus a counter.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

COUNTER_BITS = 16
_COUNTER_MASK = (1 << COUNTER_BITS) - 1


def pack(millis: int, counter: int) -> int:
    return (millis << COUNTER_BITS) | counter


def millis(stamp: int) -> int:
    """The wall-clock part of a timestamp, in milliseconds since the epoch."""
    return stamp >> COUNTER_BITS


def wall_millis() -> int:
    return time.time_ns() // 1_000_000


@dataclass
class HybridLogicalClock:
    """A node's clock; ``last`` is the newest timestamp it issued or saw."""

    last: int = 0

    def now(self, wall: int | None = None) -> int:
        """A timestamp greater than every one issued or observed so far."""
        physical = wall_millis() if wall is None else wall
        last_ms, counter = self.last >> COUNTER_BITS, self.last & _COUNTER_MASK
        if physical > last_ms:
            self.last = pack(physical, 0)
        elif counter < _COUNTER_MASK:
            self.last = pack(last_ms, counter + 1)
        else:  # counter exhausted within one millisecond: borrow the next one
            self.last = pack(last_ms + 1, 0)
        return self.last

    def observe(self, remote: int, wall: int | None = None) -> int:
        """Take in a remote timestamp so later local ones order after it."""
        self.last = max(self.last, remote)
        return self.now(wall)
