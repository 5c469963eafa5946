"""Flow metrics read from a real change log: items created, moved, reopened, commented,
edited and deleted through the board service, each call's records then dated by hand
(the metrics read the records' ``at``), give the domain's numbers for the same history."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from kanban_sec.domain import flow
from kanban_sec.domain.flow import Scope, Transition
from kanban_sec.domain.model import Role, Status
from kanban_sec.domain.ownership import OrgTree
from kanban_sec.services.flow_metrics import FlowMetrics
from kanban_sec.services.governance import GovernanceService
from kanban_sec.services.session import Session
from kanban_sec.store import rows
from kanban_sec.store.unit_of_work import reading

BACKLOG, NEXT, DOING, VERIFY, DONE = Status


def at(day: int, hour: int = 0) -> datetime:
    return datetime(2024, 1, day, hour, tzinfo=UTC)


def jan(day: int) -> date:
    return date(2024, 1, day)


class History:
    """Drives the service and keeps the transitions it should have logged."""

    def __init__(self, service, db):
        self.service, self.db = service, db
        self.ids: dict[str, str] = {}
        self.expected: list[Transition] = []

    def _date(self, outcome, moment):
        conn = sqlite3.connect(self.db.path)
        try:
            with conn:
                conn.executemany(
                    "UPDATE changes SET at = ? WHERE id = ?",
                    [(rows.ts(moment), c.id) for c in outcome.changes],
                )
        finally:
            conn.close()

    def create(self, key, moment, status=BACKLOG, **values):
        outcome = self.service.create_item(key, status=status.value, **values)
        self._date(outcome, moment)
        self.ids[key] = outcome.row_id
        self.expected.append(Transition(outcome.row_id, moment, status))

    def move(self, key, moment, status):
        item_id = self.ids[key]
        with reading(self.db) as reader:
            in_verify = reader.item(item_id).status is VERIFY
        if status is DONE and in_verify:  # from Verify, internal control verifies it
            control = GovernanceService(Session(self.db, "Kari Kontroll"))
            outcome = control.verify(item_id, "Sjekket")
        else:
            outcome = self.service.move(item_id, status)
        self._date(outcome, moment)
        self.expected.append(Transition(self.ids[key], moment, status))

    def other(self, outcome, moment):
        """A call that changes no column (a comment, an edit, a block)."""
        self._date(outcome, moment)


@pytest.fixture
def board(service, db):
    """A: plain flow; B skips next and verify; C starts in next and never enters doing;
    D is open with later comments and edits; E is reopened and done again; X is deleted."""
    service.ensure_unit("Kommune / IT / Team Nettverk")
    service.ensure_unit("Kommune / Helse")
    service.add_person("Kari Kontroll", "Kommune / Internkontroll", Role.CONTROLLING)
    service.add_chain("Medisindispenser")
    service.add_chain("TT-kort")
    h = History(service, db)
    net = {"owner_unit": "Team Nettverk"}
    h.create("A", at(1, 9), chain="Medisindispenser", **net)
    h.create("B", at(1, 12), chain="TT-kort", owner_unit="IT")
    h.create("E", at(1), chain="Medisindispenser", **net)
    h.create("X", at(1, 15), chain="Medisindispenser", **net)
    h.create("C", at(2, 6), NEXT, owner_unit="Helse")
    h.create("D", at(3), **net)
    h.move("A", at(2, 9), NEXT)
    h.move("B", at(2, 12), DOING)
    h.move("E", at(2), DOING)
    h.move("X", at(2), DONE)
    h.move("A", at(3, 9), DOING)
    h.move("E", at(3), DONE)
    h.move("C", at(3, 18), VERIFY)
    h.move("B", at(4, 12), DONE)
    h.move("C", at(4, 6), DONE)
    h.move("D", at(4), NEXT)
    h.move("E", at(4), DOING)
    h.move("A", at(5, 9), VERIFY)
    h.move("D", at(5, 12), DOING)
    h.move("A", at(6, 9), DONE)
    h.move("E", at(10), VERIFY)
    h.move("E", at(12), DONE)
    d = h.ids["D"]
    h.other(service.add_comment(d, "Venter på leverandøren"), at(7))
    h.other(service.edit_item(d, likelihood=5), at(7, 6))
    h.other(service.block(d, "Venter på endringsvindu"), at(7, 8))
    h.other(service.delete(h.ids["X"]), at(3))
    return h


def by_item(transitions):
    grouped = defaultdict(list)
    for t in transitions:
        grouped[t.item_id].append((t.at, t.status))
    return dict(grouped)


def domain(board):
    """The domain's histories of the expected transitions, X (deleted) left out."""
    return flow.histories(t for t in board.expected if t.item_id != board.ids["X"])


def test_transitions_come_from_the_log_with_their_times_deleted_items_left_out(board, db):
    read = FlowMetrics(Session(db, "tester")).transitions()
    expected = [t for t in board.expected if t.item_id != board.ids["X"]]
    assert by_item(read) == by_item(expected)
    assert len(read) == 20  # 5 creations and 15 moves; comment, edit, block add none


def test_every_metric_equals_the_domain_computation(board, db):
    metrics = FlowMetrics(Session(db, "tester"), clock=lambda: at(8, 12))
    items = domain(board)
    start, end = jan(1), jan(21)
    assert metrics.cfd(start, end) == flow.cfd(items, start, end)
    assert metrics.wip(start, end) == flow.wip(items, start, end)
    assert metrics.lead_time(start, end) == flow.lead_times(items, start, end)
    assert metrics.cycle_time(start, end) == flow.cycle_times(items, start, end)
    assert metrics.throughput(start, end) == flow.throughput(items, start, end)
    assert metrics.aging() == flow.aging(items, at(8, 12))


def test_the_numbers_a_team_lead_would_work_out(board, db):
    metrics = FlowMetrics(Session(db, "tester"))
    ids = {v: k for k, v in board.ids.items()}
    assert metrics.cfd(jan(3), jan(3))[0].counts == {
        BACKLOG: 1,
        NEXT: 0,
        DOING: 2,
        VERIFY: 1,
        DONE: 1,
    }  # D | A B | C | E (X deleted)
    lead = metrics.lead_time(jan(1), jan(21))
    assert {ids[s.item_id]: s.days for s in lead.samples} == {
        "A": 5.0,
        "B": 3.0,
        "C": 2.0,
        "E": 11.0,
    }
    assert (lead.p50, lead.p85, lead.p95) == (3.0, 11.0, 11.0)
    cycle = metrics.cycle_time(jan(1), jan(21))
    assert {ids[s.item_id]: s.days for s in cycle.samples} == {
        "A": 3.0,
        "B": 2.0,
        "C": 0.5,
        "E": 10.0,
    }
    assert [w.count for w in metrics.throughput(jan(1), jan(21))] == [3, 1, 0]


def test_aging_counts_from_the_last_move_not_from_comments_or_edits(board, db):
    aging = FlowMetrics(Session(db, "tester")).aging(now=at(8, 12))
    ids = {v: k for k, v in board.ids.items()}
    assert [(ids[a.item_id], a.status, a.in_column_days, a.since_start_days) for a in aging] == [
        ("E", DOING, 4.5, 6.5),
        ("D", DOING, 3.0, 3.0),
    ]


def test_filters_by_chain_and_by_an_owner_with_its_sub_units(board, db):
    with reading(db) as reader:
        tree = OrgTree.of(reader.units().values(), reader.people().values())
        it = next(u.id for u in reader.units().values() if u.name == "IT")
        medisin = next(c.id for c in reader.chains().values() if c.name == "Medisindispenser")
    metrics = FlowMetrics(Session(db, "tester"))
    ids = {v: k for k, v in board.ids.items()}

    def keys(scope):
        return sorted(ids[h.item_id] for h in metrics.histories(scope))

    assert keys(Scope.of(chain_ids={medisin})) == ["A", "E"]
    assert keys(Scope.of(chain_ids={None})) == ["C", "D"]
    assert keys(Scope.of(owner_unit_ids=tree.subtree(it))) == ["A", "B", "D", "E"]
    chain_scope = Scope.of(chain_ids={medisin})
    assert [w.count for w in metrics.throughput(jan(1), jan(21), chain_scope)] == [1, 1, 0]
    assert {t.item_id for t in metrics.transitions(chain_scope)} == {board.ids[k] for k in "AE"}


def test_the_report_holds_every_metric_from_one_read(board, db):
    metrics = FlowMetrics(Session(db, "tester"), clock=lambda: at(8, 12))
    report = metrics.report(jan(1), jan(7))
    items = domain(board)
    assert report.cfd == flow.cfd(items, jan(1), jan(7))
    assert report.wip == flow.wip(items, jan(1), jan(7))
    assert report.lead_time == flow.lead_times(items, jan(1), jan(7))
    assert report.throughput == flow.throughput(items, jan(1), jan(7))
    # Aging as of the range's end (midnight after the 7th), not of "now" (the 8th).
    assert report.aging_at == at(8)
    assert report.aging == flow.aging(items, at(8))


def test_days_follow_the_time_zone_of_the_metrics(service, db):
    h = History(service, db)
    h.create("Late", datetime(2024, 1, 1, 23, 30, tzinfo=UTC))
    utc = FlowMetrics(Session(db, "tester")).cfd(jan(1), jan(2))
    oslo = FlowMetrics(Session(db, "tester"), tz=ZoneInfo("Europe/Oslo")).cfd(jan(1), jan(2))
    assert [d.total for d in utc] == [1, 1]
    assert [d.total for d in oslo] == [0, 1]
