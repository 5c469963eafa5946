"""Risk governance in the main window: what each role is offered, the accepted risks' lane,
the ROS matrix filtering the board, verification from the board."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListView,
    QMenu,
    QPlainTextEdit,
    QPushButton,
)

from kanban_sec.domain.model import Status
from kanban_sec.services.board import BoardService
from kanban_sec.store.unit_of_work import reading
from kanban_sec.ui.board_widget import ACCEPTED
from kanban_sec.ui.ros_matrix import RosMatrixView
from kanban_sec.ui.verify_dialog import VerifyDialog


def _person_id(db_path, name: str) -> str:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute("SELECT id FROM people WHERE name = ?", (name,)).fetchone()[0]
    finally:
        conn.close()


def test_a_controlling_member_is_offered_verify_and_the_history(window_as):
    window = window_as("Trude Fossum")
    assert window.verify_action.isVisible() and window.verify_action.isEnabled()
    assert window.history_action.isVisible()
    assert window.verify_action in window.risk_menu.actions()
    # Internal control checks the work; it does not change it.
    assert not window.new_action.isEnabled() and not window.pin_action.isEnabled()


def test_an_operational_member_is_not_offered_verify_nor_the_whole_history(window_as):
    window = window_as("Henrik Dahl")
    assert not window.verify_action.isVisible()
    assert not window.history_action.isVisible()
    assert window.new_action.isEnabled() and window.pin_action.isEnabled()


def test_accepted_risks_sit_in_their_own_lane_with_their_expiry(window_as):
    window = window_as("Henrik Dahl")
    live = window.live
    accepted = set(live.acceptance.accepted)
    assert accepted, "the example board carries accepted risks"
    lane = window.board.lanes[-1]
    assert lane.key == ACCEPTED
    shown = {i for model in lane.models.values() for i in model.ids()}
    assert shown == accepted
    for item_id in accepted:
        assert item_id not in live.ranking
        model = next(m for m in lane.models.values() if item_id in m.ids())
        card = model.card(model.row_of(item_id))
        assert card.accepted_until == live.accepted(item_id).valid_until.isoformat()
        assert "Accepted until" in card.explanation


def test_a_matrix_cell_filters_the_board_and_clear_filters_shows_all(window_as, qtbot):
    window = window_as("Henrik Dahl")
    window.open_matrix()
    matrix = window.findChild(RosMatrixView, "ros-matrix")
    assert matrix is not None and matrix.isVisible()
    target = next(
        i
        for i in window.live.items.values()
        if i.status is Status.BACKLOG and i.id in window.live.ranking
    )
    cell = (target.likelihood, target.consequence)
    matrix.cell_chosen.emit(*cell)
    shown = [i for lane in window.board.lanes for m in lane.models.values() for i in m.ids()]
    assert target.id in shown
    assert all(
        (window.live.items[i].likelihood, window.live.items[i].consequence) == cell for i in shown
    )
    assert window.toolbar.cell_label_action.isVisible()
    assert f"likelihood {cell[0]} × consequence {cell[1]}" in window.toolbar.cell_label.text()
    window.clear_filters()
    shown = [i for lane in window.board.lanes for m in lane.models.values() for i in m.ids()]
    assert len(shown) == len(window.live.items)
    assert not window.toolbar.cell_label_action.isVisible()


def test_dropping_a_card_on_done_opens_verification_for_a_controller(window_as, db_path, qtbot):
    window = window_as("Trude Fossum")
    verify_ids = [
        i for i in window.live.ordered(Status.VERIFY) if window.live.needs_verification(i)
    ]
    assert verify_ids, "the example board has work waiting for verification"
    item_id = verify_ids[0]
    window.move_items([item_id], Status.DONE)
    dialog = window.findChild(VerifyDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.findChild(QPlainTextEdit, "evidence").setPlainText("Stikkprøve av 5 enheter: OK")
    dialog.findChild(QPushButton, "approve-button").click()
    with reading(window.service.db) as reader:
        assert reader.item(item_id).status is Status.DONE
        (verification,) = reader.verifications(item_id)
    assert verification.evidence == "Stikkprøve av 5 enheter: OK"
    assert verification.verified_by == _person_id(db_path, "Trude Fossum")
    assert item_id in window.live.items and window.live.items[item_id].status is Status.DONE


def test_an_operational_move_to_done_is_refused_with_the_reason(window_as, monkeypatch):
    window = window_as("Henrik Dahl")
    shown: list[str] = []
    monkeypatch.setattr(
        "kanban_sec.ui.main_window.show_error",
        lambda _parent, error, *_: shown.append(error.message("en")),
    )
    item_id = next(
        i for i in window.live.ordered(Status.VERIFY) if window.live.needs_verification(i)
    )
    window.move_items([item_id], Status.DONE)
    assert shown and "from there to done is a verification" in shown[0]
    assert window.live.items[item_id].status is Status.VERIFY


def test_an_acceptance_recorded_elsewhere_moves_the_card_to_the_accepted_lane(window_as):
    window = window_as("Camilla Berg")
    item_id = next(
        i
        for i in window.live.ordered(Status.BACKLOG)
        if window.live.chain_name(window.live.items[i]) == "TT-kort søknad"
        and window.live.items[i].likelihood is not None
        and window.live.items[i].consequence is not None
        and window.live.items[i].likelihood * window.live.items[i].consequence <= 10
    )
    from datetime import date, timedelta

    outcome = window.governance().decide(
        "accept",
        "Lever med det til nytt skjema",
        valid_until=date.today() + timedelta(days=30),
        item_id=item_id,
    )
    window.apply(outcome, "Risk decision")
    assert item_id not in window.live.ranking
    lane = window.board.lanes[-1]
    assert item_id in {i for m in lane.models.values() for i in m.ids()}
    window.undo_action.trigger()
    assert item_id in window.live.ranking


def test_the_verify_column_marks_work_that_needs_verification(window_as):
    window = window_as("Henrik Dahl")
    view = window.findChild(QListView, "column-verify")
    model = view.model()
    cards = [model.index(r, 0).data(Qt.ItemDataRole.UserRole + 1) for r in range(model.rowCount())]
    assert any(c.needs_verification for c in cards)
    QApplication.processEvents()


def test_services_behind_the_window_keep_the_person_chosen(window_as):
    window = window_as("Trude Fossum")
    assert window.service.person_id == _person_id(window.db_path, "Trude Fossum")
    assert isinstance(window.service, BoardService)


@pytest.mark.parametrize(
    ("name", "verify_offered"), [("Trude Fossum", True), ("Henrik Dahl", False)]
)
def test_the_card_menu_offers_verify_only_to_a_controller(window_as, name, verify_offered):
    window = window_as(name)
    view = window.findChild(QListView, "column-verify")
    rect = view.visualRect(view.model().index(0, 0))
    view.customContextMenuRequested.emit(rect.center())
    menu = window.findChild(QMenu, "card-menu")
    assert menu is not None
    assert (window.verify_action in menu.actions()) is verify_offered
    assert window.risk_action in menu.actions() and window.edit_action in menu.actions()
    assert window.board.current_item() == view.model().index(0, 0).data(Qt.ItemDataRole.UserRole)
    menu.close()


def test_undo_in_the_window_does_not_lift_a_verification_once_asked_for(
    qtbot, window_as, monkeypatch
):
    window = window_as("Henrik Dahl")
    shown: list[str] = []
    monkeypatch.setattr(
        "kanban_sec.ui.main_window.show_error",
        lambda _parent, error, *_: shown.append(error.message("en")),
    )
    item_id = next(
        i
        for i in window.live.ordered(Status.DOING)
        if window.live.needs_verification(i) and not window.live.items[i].blocked
    )
    window.move_items([item_id], Status.VERIFY)
    assert window.live.items[item_id].status is Status.VERIFY
    window.undo_action.trigger()  # back to Doing ...
    assert window.live.items[item_id].status is Status.DOING
    assert window.live.needs_verification(item_id)  # ... still to be verified
    window.move_items([item_id], Status.DONE)
    assert shown and "must be verified by a controlling member" in shown[-1]
    assert window.live.items[item_id].status is Status.DOING


def test_editing_an_accepted_item_in_the_window_voids_its_acceptance(window_as):
    window = window_as("Henrik Dahl")
    accepted = next(iter(window.live.acceptance.accepted))
    item = window.live.items[accepted]
    outcome = window.service.edit_item(accepted, likelihood=1 if item.likelihood > 1 else 2)
    window.apply(outcome, "Edit")
    assert accepted in window.live.ranking  # ranked again, and says why
    assert (
        window.live.ranking[accepted]
        .explanation("en")
        .startswith("Acceptance void: Henrik Dahl changed likelihood")
    )
    from kanban_sec.ui.board_model import make_card

    card = make_card(window.live, accepted)
    assert card.acceptance_void and "acceptance void" in card.accessible_text()


def test_internal_control_opens_the_board_when_wheel_duties_are_due(window_as, db_path):
    # Due duties become items at start-up; control may not make items, so its window
    # opens without them (the next start by someone who may, makes them).
    conn = sqlite3.connect(db_path)
    try:
        conn.execute("UPDATE activities SET lead_days = 366")
        conn.commit()
    finally:
        conn.close()
    window = window_as("Trude Fossum")
    assert window.isVisible() and window.live.items


def test_who_am_i_switches_the_person_at_any_time(qtbot, window_as):
    from kanban_sec.ui.whoami import WhoAmIDialog

    window = window_as("Henrik Dahl")
    person = window.statusBar().findChild(QLabel, "status-person")
    assert person.text() == "Henrik Dahl (operational)"
    from kanban_sec.domain.governance import Action

    assert not window.can(Action.POLICY)
    switch = window.findChild(QAction, "action-switch-person")
    assert switch in window.file_menu.actions()
    switch.trigger()
    dialog = window.findChild(WhoAmIDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.search, "Astrid")
    assert dialog.select_person(_person_id(window.db_path, "Astrid Myklebust"))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert person.text() == "Astrid Myklebust (governing)"
    assert window.service.author == "Astrid Myklebust"
    assert window.can(Action.POLICY)  # a governing member's window now


def test_the_score_badge_takes_the_colour_of_its_ros_matrix_band(window_as):
    from kanban_sec.domain.governance import Band, bands_from
    from kanban_sec.ui.board_model import make_card
    from kanban_sec.ui.card_delegate import BAND_COLOURS, band_colour

    window = window_as("Astrid Myklebust")
    bands = bands_from(window.live.board.settings)
    seen = set()
    unassessed = []
    for item_id in window.live.ranking:
        item = window.live.items[item_id]
        card = make_card(window.live, item_id)
        if item.likelihood is None or item.consequence is None:
            # No cell yet: a grey badge, not a band nobody judged.
            assert card.band == "unassessed"
            assert band_colour(card.band).name() == BAND_COLOURS["unassessed"]
            unassessed.append(item_id)
            continue
        expected = bands.band(item.likelihood, item.consequence)
        assert card.band == expected.value
        assert band_colour(card.band).name() == BAND_COLOURS[expected.value]
        seen.add(expected)
    assert {Band.YELLOW, Band.RED} <= seen and unassessed
    # Whatever the score: a cell in the red band is red even when its gap makes it 0.
    red_zero = [
        i
        for i, r in window.live.ranking.items()
        if r.score == 0
        and i not in unassessed
        and bands.band(window.live.items[i].likelihood, window.live.items[i].consequence)
        is Band.RED
    ]
    for item_id in red_zero:
        assert make_card(window.live, item_id).band == "red"
