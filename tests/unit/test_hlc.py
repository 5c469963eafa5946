"""The hybrid logical clock orders changes even when wall clocks disagree."""

from __future__ import annotations

from kanban_sec.domain.hlc import HybridLogicalClock, millis, pack


def test_timestamps_strictly_increase_even_if_the_wall_clock_goes_back():
    clock = HybridLogicalClock()
    stamps = [clock.now(1000), clock.now(1000), clock.now(999), clock.now(1001)]
    assert stamps == sorted(stamps) and len(set(stamps)) == 4
    assert millis(stamps[-1]) == 1001


def test_observing_a_future_remote_stamp_moves_the_clock_past_it():
    clock = HybridLogicalClock()
    clock.now(1000)
    remote = pack(5000, 7)
    assert clock.observe(remote, wall=1000) > remote


def test_counter_overflow_borrows_the_next_millisecond():
    clock = HybridLogicalClock(pack(10, (1 << 16) - 1))
    assert clock.now(10) == pack(11, 0)
