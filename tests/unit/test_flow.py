"""Flow metrics against a small board whose numbers were worked out by hand.

The board (times UTC, January 2024; the 1st is a Monday, so ISO week 1 is the 1st-7th):

    A  1st 09:00 backlog · 2nd 09:00 next · 3rd 09:00 doing · 5th 09:00 verify · 6th 09:00 done
    B  1st 12:00 backlog · 2nd 12:00 doing · 4th 12:00 done          (skips next and verify)
    C  2nd 06:00 next · 3rd 18:00 verify · 4th 06:00 done            (never in doing)
    D  3rd 00:00 backlog · 4th 00:00 next · 5th 12:00 doing           (open)
    E  1st 00:00 backlog · 2nd 00:00 doing · 3rd 00:00 done · 4th 00:00 doing (reopened)
       · 10th 00:00 verify · 12th 00:00 done
    F  2nd 12:00 done                                                  (entered already done)
    G  5th 12:00 backlog · 6th 00:00 next                              (open, not started)
    H  2nd 08:00 backlog · 3rd 12:00 doing · 4th 12:00 verify          (open)
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kanban_sec.domain.flow import (
    EVERYTHING,
    ItemFacts,
    Scope,
    Transition,
    aging,
    cfd,
    cycle_times,
    histories,
    lead_times,
    percentile,
    throughput,
    wip,
)
from kanban_sec.domain.model import Status

BACKLOG, NEXT, DOING, VERIFY, DONE = Status


def at(day: int, hour: int = 0) -> datetime:
    return datetime(2024, 1, day, hour, tzinfo=UTC)


def jan(day: int) -> date:
    return date(2024, 1, day)


BOARD = {
    "A": [
        (at(1, 9), BACKLOG),
        (at(2, 9), NEXT),
        (at(3, 9), DOING),
        (at(5, 9), VERIFY),
        (at(6, 9), DONE),
    ],
    "B": [(at(1, 12), BACKLOG), (at(2, 12), DOING), (at(4, 12), DONE)],
    "C": [(at(2, 6), NEXT), (at(3, 18), VERIFY), (at(4, 6), DONE)],
    "D": [(at(3), BACKLOG), (at(4), NEXT), (at(5, 12), DOING)],
    "E": [
        (at(1), BACKLOG),
        (at(2), DOING),
        (at(3), DONE),
        (at(4), DOING),
        (at(10), VERIFY),
        (at(12), DONE),
    ],
    "F": [(at(2, 12), DONE)],
    "G": [(at(5, 12), BACKLOG), (at(6), NEXT)],
    "H": [(at(2, 8), BACKLOG), (at(3, 12), DOING), (at(4, 12), VERIFY)],
}


def transitions(board=BOARD):
    return [
        Transition(item_id, moment, status)
        for item_id, steps in board.items()
        for moment, status in steps
    ]


def items(board=BOARD, facts=None, scope=EVERYTHING):
    return histories(transitions(board), facts, scope)


def counts(backlog=0, next_=0, doing=0, verify=0, done=0):
    return {BACKLOG: backlog, NEXT: next_, DOING: doing, VERIFY: verify, DONE: done}


# -- cumulative flow ----------------------------------------------------------------------------


def test_cfd_counts_each_column_at_the_end_of_each_day():
    days = cfd(items(), jan(1), jan(7))
    assert [d.day for d in days] == [jan(n) for n in range(1, 8)]
    assert [d.counts for d in days] == [
        counts(backlog=3),  # A B E; E's doing is at 2nd 00:00
        counts(backlog=1, next_=2, doing=2, done=1),  # H | A C | B E | F
        counts(backlog=1, doing=3, verify=1, done=2),  # D | A B H | C | E F
        counts(next_=1, doing=2, verify=1, done=3),  # D | A E | H | B C F
        counts(backlog=1, doing=2, verify=2, done=3),  # G | D E | A H | B C F
        counts(next_=1, doing=2, verify=1, done=4),  # G | D E | H | A B C F
        counts(next_=1, doing=2, verify=1, done=4),
    ]
    assert [d.total for d in days] == [3, 6, 7, 7, 8, 8, 8]


def test_cfd_shows_the_days_a_reopened_item_spent_in_done():
    e_only = items({"E": BOARD["E"]})
    assert [d.counts[DONE] for d in cfd(e_only, jan(1), jan(13))] == [
        0,
        0,
        1,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        1,
        1,
    ]


def test_cfd_days_follow_the_time_zone_given():
    late = items({"X": [(datetime(2024, 1, 1, 23, 30, tzinfo=UTC), BACKLOG)]})
    assert [d.total for d in cfd(late, jan(1), jan(2))] == [1, 1]
    oslo = cfd(late, jan(1), jan(2), tz=ZoneInfo("Europe/Oslo"))  # 00:30 on the 2nd there
    assert [d.total for d in oslo] == [0, 1]


def test_cfd_of_an_empty_range_or_board():
    assert cfd(items(), jan(5), jan(4)) == []
    assert [d.total for d in cfd([], jan(1), jan(2))] == [0, 0]


def test_wip_counts_next_doing_and_verify_per_day():
    days = wip(items(), jan(1), jan(12))
    assert [d.day for d in days] == [jan(n) for n in range(1, 13)]
    assert [d.count for d in days] == [0, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 3]


# -- lead and cycle time --------------------------------------------------------------------------


def test_lead_time_runs_from_creation_to_the_final_completion():
    lead = lead_times(items(), jan(1), jan(21))
    by_item = {s.item_id: s.days for s in lead.samples}
    # E counts from its creation to its second done; F entered done and never flowed.
    assert by_item == {"A": 5.0, "B": 3.0, "C": 2.0, "E": 11.0}
    assert lead.days == (2.0, 3.0, 5.0, 11.0)
    assert (lead.p50, lead.p85, lead.p95) == (3.0, 11.0, 11.0)
    assert [s.item_id for s in lead.samples] == ["C", "B", "A", "E"]  # by completion


def test_cycle_time_starts_at_first_doing_else_first_verify():
    cycle = cycle_times(items(), jan(1), jan(21))
    # C was never in doing: from verify (3rd 18:00) to done (4th 06:00).
    # E: from its first doing (2nd), not from the reopening (4th).
    assert {s.item_id: s.days for s in cycle.samples} == {"A": 3.0, "B": 2.0, "C": 0.5, "E": 10.0}
    assert (cycle.p50, cycle.p85, cycle.p95) == (2.0, 10.0, 10.0)


def test_an_item_done_without_doing_or_verify_has_a_lead_but_no_cycle_time():
    board = {"Q": [(at(1), BACKLOG), (at(2), NEXT), (at(4), DONE)]}
    assert lead_times(items(board), jan(1), jan(7)).days == (3.0,)
    cycle = cycle_times(items(board), jan(1), jan(7))
    assert cycle.days == () and cycle.p50 is None and cycle.count == 0


def test_only_completions_within_the_range_count():
    first_week = lead_times(items(), jan(1), jan(7))
    # E's first done (3rd) was undone by the reopening: it is not in the first week.
    assert [s.item_id for s in first_week.samples] == ["C", "B", "A"]
    assert (first_week.p50, first_week.p85, first_week.p95) == (3.0, 5.0, 5.0)
    assert lead_times(items(), jan(13), jan(31)).count == 0


def test_a_reopened_item_that_is_not_done_again_does_not_count():
    board = {"R": [(at(1), BACKLOG), (at(2), DOING), (at(3), DONE), (at(5), DOING)]}
    assert lead_times(items(board), jan(1), jan(31)).count == 0
    assert sum(w.count for w in throughput(items(board), jan(1), jan(31))) == 0


# -- percentiles ----------------------------------------------------------------------------------


def test_percentiles_are_nearest_rank():
    twenty = [float(n) for n in range(20, 0, -1)]  # unsorted on purpose
    assert [percentile(twenty, p) for p in (50, 85, 95, 100)] == [10.0, 17.0, 19.0, 20.0]
    assert [percentile([4.0, 1.0, 3.0, 2.0], p) for p in (50, 85, 95)] == [2.0, 4.0, 4.0]


def test_percentiles_with_ties_and_a_single_value():
    ties = [1.0, 2.0, 2.0, 2.0, 9.0]
    assert [percentile(ties, p) for p in (50, 85, 95)] == [2.0, 9.0, 9.0]
    assert [percentile([2.5, 2.5, 2.5], p) for p in (50, 85, 95)] == [2.5, 2.5, 2.5]
    assert [percentile([7.0], p) for p in (1, 50, 85, 95, 100)] == [7.0] * 5
    assert percentile([], 50) is None


def test_percentile_rank_is_exact_where_floating_point_is_not():
    # 0.07 * 100 is 7.000000000000001 in floating point: a float ceiling would say rank 8.
    assert percentile([float(n) for n in range(1, 101)], 7) == 7.0


@pytest.mark.parametrize("p", [0, -5, 101])
def test_a_percentile_outside_1_to_100_is_refused(p):
    with pytest.raises(ValueError):
        percentile([1.0], p)


# -- throughput -----------------------------------------------------------------------------------


def test_throughput_per_iso_week_includes_empty_weeks():
    weeks = throughput(items(), jan(1), jan(21))
    assert [(w.year, w.week, w.monday, w.count, w.days) for w in weeks] == [
        (2024, 1, jan(1), 3, 7),  # B and C on the 4th, A on the 6th (not E's first done)
        (2024, 2, jan(8), 1, 7),  # E, done again on the 12th
        (2024, 3, jan(15), 0, 7),
    ]


def test_throughput_of_a_range_cut_mid_week_counts_only_days_inside():
    weeks = throughput(items(), jan(5), jan(10))
    assert [(w.week, w.monday, w.count, w.days) for w in weeks] == [
        (1, jan(1), 1, 3),  # only A (6th); B and C were done on the 4th, before the range
        (2, jan(8), 0, 3),
    ]


def test_throughput_over_all_time_counts_each_done_item_once():
    weeks = throughput(items(), date(2023, 12, 1), date(2024, 2, 29))
    assert sum(w.count for w in weeks) == 4  # A B C E; F entered done, E counts once
    assert weeks[0].year == 2023 and weeks[0].week == 48


# -- aging WIP ------------------------------------------------------------------------------------


def test_aging_counts_from_the_last_column_change_and_from_the_start():
    now = at(8, 12)
    rows = [
        (a.item_id, a.status, a.in_column_days, a.since_start_days) for a in aging(items(), now)
    ]
    assert rows == [
        ("G", NEXT, 2.5, None),  # in next since the 6th, never started
        ("E", DOING, 4.5, 6.5),  # in doing since the reopening on the 4th; started the 2nd
        ("D", DOING, 3.0, 3.0),
        ("H", VERIFY, 4.0, 5.0),
    ]


def test_aging_at_a_past_moment_uses_the_board_as_it_was():
    rows = {a.item_id: (a.status, a.in_column_days) for a in aging(items(), at(4, 12))}
    # B and C are done by then, G does not exist yet, H enters verify at that moment.
    assert rows == {"A": (DOING, 1.125), "D": (NEXT, 0.5), "E": (DOING, 0.5), "H": (VERIFY, 0.0)}


# -- history rules ----------------------------------------------------------------------------


def test_a_clock_set_back_never_makes_an_item_leave_a_column_before_entering_it():
    board = {"K": [(at(5), BACKLOG), (at(3), DOING), (at(6), DONE)]}
    [history] = items(board)
    assert [s.at for s in history.steps] == [at(5), at(5), at(6)]
    assert cycle_times([history], jan(1), jan(31)).days == (1.0,)


def test_a_repeated_done_from_a_merge_is_no_new_completion():
    board = {"M": [(at(1), BACKLOG), (at(2), DOING), (at(3), DONE), (at(4), DONE)]}
    assert lead_times(items(board), jan(1), jan(31)).days == (2.0,)


def test_a_time_without_zone_is_refused():
    with pytest.raises(ValueError):
        histories([Transition("N", datetime(2024, 1, 1), BACKLOG)])


# -- filters --------------------------------------------------------------------------------------

FACTS = {
    "A": ItemFacts("chain-1", "team"),
    "B": ItemFacts("chain-1", "department"),
    "C": ItemFacts("chain-2", "team"),
    "D": ItemFacts(None, None),
    "E": ItemFacts("chain-1", "elsewhere"),
    "F": ItemFacts(None, "team"),
    "G": ItemFacts("chain-2", "elsewhere"),
    "H": ItemFacts(None, "department"),
}


def ids(history_list):
    return sorted(h.item_id for h in history_list)


def test_filter_by_chain_and_by_owner_units_given_by_the_caller():
    assert ids(items(facts=FACTS, scope=Scope.of(chain_ids={"chain-1"}))) == ["A", "B", "E"]
    assert ids(items(facts=FACTS, scope=Scope.of(chain_ids={None}))) == ["D", "F", "H"]
    department_and_below = Scope.of(owner_unit_ids={"department", "team"})
    assert ids(items(facts=FACTS, scope=department_and_below)) == ["A", "B", "C", "F", "H"]
    both = Scope.of(chain_ids={"chain-1", "chain-2"}, owner_unit_ids={"team"})
    assert ids(items(facts=FACTS, scope=both)) == ["A", "C"]


def test_metrics_over_a_filtered_board():
    chain_1 = items(facts=FACTS, scope=Scope.of(chain_ids={"chain-1"}))
    assert lead_times(chain_1, jan(1), jan(21)).days == (3.0, 5.0, 11.0)
    assert [w.count for w in throughput(chain_1, jan(1), jan(21))] == [2, 1, 0]
    assert cfd(chain_1, jan(3), jan(3))[0].counts == counts(doing=2, done=1)


def test_items_the_facts_do_not_name_are_left_out():
    without_e = {k: v for k, v in FACTS.items() if k != "E"}  # e.g. deleted
    assert "E" not in ids(items(facts=without_e))
    assert len(items(facts=without_e)) == 7


# -- properties -----------------------------------------------------------------------------------

T0 = datetime(2024, 3, 1, tzinfo=UTC)
moments = st.integers(0, 40 * 24 * 60).map(lambda m: T0 + timedelta(minutes=m))
steps = st.lists(st.tuples(moments, st.sampled_from(list(Status))), min_size=1, max_size=8)
boards = st.dictionaries(st.sampled_from("ABCDEFGHIJKL"), steps, max_size=12)
range_days = st.integers(0, 45).map(lambda n: T0.date() - timedelta(days=2) + timedelta(days=n))


@settings(max_examples=200, deadline=None)
@given(boards, range_days, range_days)
def test_cfd_counts_sum_to_the_items_existing_each_day(board, a, b):
    start, end = min(a, b), max(a, b)
    histories_ = items(board)
    for day in cfd(histories_, start, end):
        midnight = datetime.combine(day.day + timedelta(days=1), datetime.min.time(), UTC)
        assert day.total == sum(1 for h in histories_ if h.created < midnight)
        assert all(n >= 0 for n in day.counts.values())


@settings(max_examples=200, deadline=None)
@given(st.lists(st.floats(0, 1e4, allow_nan=False), min_size=1, max_size=60))
def test_percentiles_are_monotonic_and_values_of_the_distribution(values):
    p50, p85, p95 = (percentile(values, p) for p in (50, 85, 95))
    assert p50 is not None and p85 is not None and p95 is not None
    assert p50 <= p85 <= p95
    assert {p50, p85, p95} <= set(values)
    # Nearest rank: at least p% of the values lie at or below the p-th percentile.
    for p, value in ((50, p50), (85, p85), (95, p95)):
        assert sum(v <= value for v in values) * 100 >= p * len(values)


@settings(max_examples=200, deadline=None)
@given(boards)
def test_each_item_done_now_counts_once_and_cycle_never_exceeds_lead(board):
    histories_ = items(board)
    start, end = T0.date() - timedelta(days=1), T0.date() + timedelta(days=41)
    weeks = throughput(histories_, start, end)
    assert sum(w.count for w in weeks) == sum(1 for h in histories_ if h.completed)
    assert sum(w.count for w in weeks) <= sum(1 for h in histories_ if h.status is DONE)
    lead = {s.item_id: s.days for s in lead_times(histories_, start, end).samples}
    cycle = {s.item_id: s.days for s in cycle_times(histories_, start, end).samples}
    assert set(cycle) <= set(lead)
    assert all(0 <= cycle[i] <= lead[i] for i in cycle)
    for distribution in (lead_times(histories_, start, end), cycle_times(histories_, start, end)):
        if distribution.count:
            assert distribution.p50 <= distribution.p85 <= distribution.p95
            assert {distribution.p50, distribution.p85, distribution.p95} <= set(distribution.days)
