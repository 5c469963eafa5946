"""Random sequences of operations, through every local path a person has (the services the
window and the command line call, CSV import, undo and redo), never reach a state the
rulebook forbids."""

from __future__ import annotations

import shutil
import tempfile
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from kanban_sec.domain.errors import KanbanError
from kanban_sec.domain.governance import Acceptance
from kanban_sec.domain.model import Role, Status
from kanban_sec.domain.ownership import OrgTree
from kanban_sec.services.board import BoardService
from kanban_sec.services.csv_exchange import import_csv
from kanban_sec.services.governance import GovernanceService
from kanban_sec.services.session import Session
from kanban_sec.services.undo import reapply, revert
from kanban_sec.store.database import open_database
from kanban_sec.store.unit_of_work import reading

PEOPLE = ["Guro Leder", "Astrid Eier", "Nils Sone", "Henrik Drift", "Trude Kontroll"]
UNTIL = date.today() + timedelta(days=30)
people = st.sampled_from(PEOPLE)
statuses = st.sampled_from(list(Status))


class Board(RuleBasedStateMachine):
    """One board, operated on by five people with different roles."""

    @initialize()
    def set_up(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="kanban-rules-"))
        self.db = open_database(self.folder / "board.sqlite", daily_backup=False)
        lead = BoardService(Session(self.db, "Guro Leder", "en"))
        for name, unit, role in [
            ("Guro Leder", "Kommune / Sikkerhet", Role.GOVERNING),
            ("Astrid Eier", "Kommune / Helse", Role.GOVERNING),
            ("Nils Sone", "Kommune / Helse / Sone Nord", Role.OPERATIONAL),
            ("Henrik Drift", "Kommune / IT", Role.OPERATIONAL),
            ("Trude Kontroll", "Kommune / Internkontroll", Role.CONTROLLING),
        ]:
            lead.add_person(name, unit, role)
        lead.add_chain("Medisindispenser", "Kommune / Helse")
        self.link = lead.add_link("Medisindispenser", "Dispenser", maturity=1).row_id
        self.items = [
            BoardService(Session(self.db, "Henrik Drift", "en"))
            .create_item(
                title,
                chain="Medisindispenser",
                link="Dispenser",
                likelihood=str(lk),
                consequence=str(co),
            )
            .row_id
            for title, lk, co in [("A", 4, 4), ("B", 2, 3), ("C", 5, 5), ("D", 1, 2)]
        ]
        self.undo: list[tuple[str, object]] = []
        self.done_before = self._done()

    def teardown(self) -> None:
        if hasattr(self, "db"):
            self.db.close()
            shutil.rmtree(self.folder, ignore_errors=True)

    # -- what people do -----------------------------------------------------------------
    def _try(self, name: str, action) -> None:
        try:
            outcome = action()
        except KanbanError:
            return  # refused: the invariants below check that nothing half-happened
        if getattr(outcome, "changes", ()):
            self.undo.append((name, outcome))

    @rule(who=people, index=st.integers(0, 3), status=statuses)
    def move(self, who, index, status):
        board = BoardService(Session(self.db, who, "en"))
        self._try(who, lambda: board.move(self.items[index], status))

    @rule(who=people, index=st.integers(0, 3), status=statuses, likelihood=st.integers(1, 5))
    def import_a_line(self, who, index, status, likelihood):
        path = self.folder / "line.csv"
        path.write_text(
            f"id,title,status,likelihood\r\n{self.items[index]},Item,"
            f"{status.value},{likelihood}\r\n",
            encoding="utf-8",
        )
        self._try(who, lambda: import_csv(BoardService(Session(self.db, who, "en")), path))

    @rule(who=people, index=st.integers(0, 3), approve=st.booleans())
    def verify(self, who, index, approve):
        control = GovernanceService(Session(self.db, who, "en"))
        self._try(
            who,
            lambda: (
                control.verify(self.items[index], "checked")
                if approve
                else control.reject(self.items[index], "not yet")
            ),
        )

    @rule(who=people, maturity=st.integers(0, 3))
    def assess_the_link(self, who, maturity):
        self._try(
            who,
            lambda: BoardService(Session(self.db, who, "en")).set_link_maturity(
                self.link, maturity
            ),
        )

    @rule(who=people, index=st.integers(0, 3), whole_chain=st.booleans())
    def accept(self, who, index, whole_chain):
        owner = GovernanceService(Session(self.db, who, "en"))
        target = {"chain_id": self._chain()} if whole_chain else {"item_id": self.items[index]}
        self._try(who, lambda: owner.decide("accept", "for now", valid_until=UNTIL, **target))

    @rule(who=people, index=st.integers(0, 3), likelihood=st.integers(1, 5))
    def assess_likelihood(self, who, index, likelihood):
        self._try(
            who,
            lambda: BoardService(Session(self.db, who, "en")).set_fields(
                self.items[index], {"likelihood": str(likelihood)}
            ),
        )

    @rule(who=people, index=st.integers(0, 3), blocked=st.booleans())
    def block(self, who, index, blocked):
        board = BoardService(Session(self.db, who, "en"))
        self._try(
            who,
            lambda: (
                board.block(self.items[index], "waiting")
                if blocked
                else board.unblock(self.items[index])
            ),
        )

    @rule(redo=st.booleans(), as_someone_else=st.one_of(st.none(), people))
    def undo_the_last(self, redo, as_someone_else):
        if not self.undo:
            return
        name, outcome = self.undo.pop()
        who = as_someone_else or name
        self._try(
            who,
            lambda: (reapply if redo else revert)(self.db, who, outcome.changes, outcome.bulk_rows),
        )

    # -- what must always hold ----------------------------------------------------------
    def _chain(self) -> str:
        with reading(self.db) as reader:
            return next(iter(reader.chains()))

    def _done(self) -> set[str]:
        with reading(self.db) as reader:
            return {i.id for i in reader.items() if i.status is Status.DONE}

    @invariant()
    def done_work_was_verified_when_it_had_to_be(self):
        if not hasattr(self, "db"):
            return
        control = GovernanceService(Session(self.db, "Guro Leder", "en"))
        with reading(self.db) as reader:
            for item in reader.items():
                if item.status is not Status.DONE:
                    continue
                approved = any(v.verdict.value == "approved" for v in reader.verifications(item.id))
                if item.needs_verification:
                    assert approved, f"{item.title} is done without its verification"
                if item.id not in self.done_before:  # became done in this step
                    assert not item.blocked, f"{item.title} became done while blocked"
                    assert approved or not control.needs_verification(item.id), item.title
        self.done_before = self._done()

    @invariant()
    def only_the_risk_owner_accepts_and_only_what_was_decided(self):
        if not hasattr(self, "db"):
            return
        with reading(self.db) as reader:
            board = reader.board()
            tree = OrgTree(board.units, board.people)
            acceptance = Acceptance(board.items, board.decisions, date.today())
            for item_id, decision in acceptance.accepted.items():
                decider = board.people[decision.decided_by or ""]
                assert decider.role is Role.GOVERNING
                chain = board.chains[
                    decision.chain_id or next(i.chain_id for i in board.items if i.id == item_id)
                ]
                owner = chain.risk_owner_unit_id
                assert decider.unit_id == owner or decider.unit_id in tree.ancestors(owner)
                item = next(i for i in board.items if i.id == item_id)
                assert decision.covers is not None and tuple(decision.covers[item_id]) == (
                    item.likelihood,
                    item.consequence,
                    item.chain_id,
                    item.link_id,
                )


Board.TestCase.settings = settings(
    max_examples=12,
    stateful_step_count=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
test_no_sequence_of_operations_breaks_a_rule = Board.TestCase
