"""The ROS matrix of risks, the risk register and the ROS risk dialog in the real window on a
real board: counts against the database, the inherent mark and move arrow, a cell
filtering the board to its risks' measures, sorting and filtering, refusals per role."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from kanban_sec.domain.model import Status
from kanban_sec.ui.risk_register import COLUMNS, RiskRegisterView
from kanban_sec.ui.ros_matrix import RosMatrixView
from kanban_sec.ui.ros_risk_dialog import RosRiskDialog
from tests.ui import ros_world
from tests.ui.ros_world import BUSINESS, CONTROL, IT

DISPLAY = Qt.ItemDataRole.DisplayRole


@pytest.fixture
def world(db_path):
    return ros_world.build(db_path)


def board_ids(window) -> set[str]:
    return {i for lane in window.board.lanes for m in lane.models.values() for i in m.ids()}


def open_matrix(window, qtbot) -> RosMatrixView:
    window.matrix_action.trigger()
    matrix = window.findChild(RosMatrixView, "ros-matrix")
    assert matrix is not None
    qtbot.waitExposed(matrix)
    return matrix


def open_register(window, qtbot) -> RiskRegisterView:
    window.register_action.trigger()
    register = window.findChild(RiskRegisterView, "risk-register")
    assert register is not None
    qtbot.waitExposed(register)
    return register


def test_matrix_counts_risks_as_the_database_has_them(
    window_as, qtbot, world, db_path, model_tester
):
    window = window_as(BUSINESS)
    matrix = open_matrix(window, qtbot)
    assert matrix.mode == "risks" and matrix.risks_button.isChecked()
    model = matrix.grid.model()
    assert model is matrix.risk_model
    model_tester.check(model)
    expected, unassessed = ros_world.cell_counts(db_path)
    assert sum(expected.values()) == 3 and unassessed == 1
    for row in range(5):
        for column in range(5):
            cell = (5 - row, column + 1)
            assert model.index(row, column).data(DISPLAY) == str(expected[cell]), cell
    assert "Risks: 4" in matrix.total.text()
    assert "Not assessed yet (in no cell): 1" in matrix.total.text()
    # The board's scale words (the guidance's) on the axes; titles in the cell's tooltip.
    assert model.headerData(0, Qt.Orientation.Vertical, DISPLAY) == "5 Almost certain"
    assert model.headerData(4, Qt.Orientation.Horizontal, DISPLAY) == "5 Catastrophic"
    tip = matrix.index_of(3, 3).data(Qt.ItemDataRole.ToolTipRole)
    assert "SMS alerts lost" in tip and "Risks now here: 1" in tip
    # One chain only: the TT risk leaves the matrix.
    matrix.chain_combo.setCurrentIndex(matrix.chain_combo.findText(ros_world.TT))
    assert model.index(5 - 2, 3 - 1).data(DISPLAY) == "1"
    assert model.index(5 - 3, 3 - 1).data(DISPLAY) == "0"
    # The toggle keeps today's matrix of items.
    matrix.items_button.click()
    assert matrix.grid.model() is matrix.model and matrix.mode == "items"
    assert "Open items:" in matrix.total.text()


def test_a_moved_risk_has_its_inherent_cell_ringed_and_an_arrow(window_as, qtbot, world):
    window = window_as(BUSINESS)
    matrix = open_matrix(window, qtbot)
    start, now = matrix.risk_cell(4, 5), matrix.risk_cell(2, 5)
    assert world.moved in start.inherent and world.moved not in start.current
    assert world.moved in now.current
    assert "First assessed here (inherent risk): 1" in matrix.index_of(4, 5).data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert "Moved since first assessed: 1" in matrix.total.text()
    [(a, b, count)] = matrix.arrows.segments()
    grid = matrix.grid
    assert count == 1
    assert a.toPoint() == grid.visualRect(matrix.index_of(4, 5)).center()
    assert b.toPoint() == grid.visualRect(matrix.index_of(2, 5)).center()
    # The arrow is painted: the cell between them (3 × 5) shows the arrow's blue.
    image = grid.viewport().grab().toImage()
    middle = grid.visualRect(matrix.index_of(3, 5)).center()
    assert QColor(image.pixel(middle)).name() == "#0d47a1"
    # The ring's outline is drawn in the inherent cell's ink near its bottom right corner.
    corner = grid.visualRect(matrix.index_of(4, 5))
    inks = {
        QColor(image.pixel(QPoint(x, y))).name()
        for x in range(corner.right() - 40, corner.right() - 4)
        for y in range(corner.bottom() - 40, corner.bottom() - 4)
    }
    assert "#111111" in inks
    # The unmoved risk has no arrow of its own.
    assert world.steady in matrix.risk_cell(3, 3).current
    assert world.steady in matrix.risk_cell(3, 3).inherent


def test_clicking_a_cell_shows_exactly_its_risks_measures(window_as, qtbot, world, db_path):
    window = window_as(IT)
    matrix = open_matrix(window, qtbot)
    everything = board_ids(window)
    index = matrix.index_of(2, 5)
    qtbot.mouseClick(
        matrix.grid.viewport(),
        Qt.MouseButton.LeftButton,
        pos=matrix.grid.visualRect(index).center(),
    )
    expected = ros_world.measures_of(db_path, {world.moved})
    assert expected == set(world.moved_measures)
    assert board_ids(window) == expected
    chip = window.toolbar.risks_label
    assert window.toolbar.risks_label_action.isVisible()
    assert chip.text() == "Measures of 1 ROS risk(s) in likelihood 2 × consequence 5"
    window.clear_filters()
    assert board_ids(window) == everything
    assert not window.toolbar.risks_label_action.isVisible()
    # A cell without risks shows an empty board, said on the chip.
    empty = matrix.index_of(1, 1)
    qtbot.mouseClick(
        matrix.grid.viewport(),
        Qt.MouseButton.LeftButton,
        pos=matrix.grid.visualRect(empty).center(),
    )
    assert board_ids(window) == set()
    assert "Measures of 0 ROS risk(s)" in chip.text()


def test_the_register_sorts_and_filters(window_as, qtbot, world, db_path, model_tester):
    window = window_as(BUSINESS)
    register = open_register(window, qtbot)
    model_tester.check(register.model)
    model_tester.check(register.proxy)
    proxy = register.proxy
    assert set(register.shown_ids()) == {world.moved, world.steady, world.waiting, world.tt}

    def column(name: str) -> list[str]:
        number = COLUMNS.index(name)
        return [proxy.index(r, number).data(DISPLAY) for r in range(proxy.rowCount())]

    register.table.sortByColumn(COLUMNS.index("title"), Qt.SortOrder.AscendingOrder)
    assert column("title") == sorted(column("title"), key=str.casefold)
    register.table.sortByColumn(COLUMNS.index("likelihood"), Qt.SortOrder.DescendingOrder)
    assert register.shown_ids()[0] == world.steady  # 3 is the highest likelihood now
    assert column("likelihood")[0] == f"3 ({IT})"
    register.table.sortByColumn(COLUMNS.index("band"), Qt.SortOrder.DescendingOrder)
    assert register.shown_ids()[0] == world.moved  # 2 × 5 = 10: consider measures
    assert column("measures")[0] == "0/2"
    assert column("inherent")[0] == "4 × 5"

    register.chain.setCurrentIndex(register.chain.findText(ros_world.TT))
    assert register.shown_ids() == [world.tt]
    register.chain.setCurrentIndex(0)
    register.unassessed.setChecked(True)
    assert register.shown_ids() == [world.waiting]
    assert "not assessed" in column("flags")[0]
    register.unassessed.setChecked(False)
    register.band.setCurrentIndex(register.band.findData("yellow"))
    yellow = {r: (lk, co) for r, (lk, co) in _current(db_path).items() if 5 <= lk * co <= 10}
    assert set(register.shown_ids()) == set(yellow)
    register.band.setCurrentIndex(0)
    register.treatment.setCurrentIndex(register.treatment.findData("none"))
    assert len(register.shown_ids()) == 4
    # A measure finished after the last assessment: the risk asks to be assessed again.
    register.treatment.setCurrentIndex(0)
    register.reassess.setChecked(True)
    assert register.shown_ids() == []
    window.service.move_many([world.steady_measures[0]], Status.DONE)
    window.reload()
    window.ros_windows.refresh()
    assert register.shown_ids() == [world.steady]
    assert "re-assess" in column("flags")[0]
    assert register.count.text() == "1 of 4 risks"


def _current(db_path) -> dict[str, tuple[int, int]]:
    import sqlite3

    conn = sqlite3.connect(db_path)
    try:
        rows = conn.execute(
            "SELECT id, likelihood, consequence FROM ros_risks WHERE deleted_at IS NULL"
            " AND likelihood IS NOT NULL AND consequence IS NOT NULL"
        ).fetchall()
    finally:
        conn.close()
    return {r[0]: (r[1], r[2]) for r in rows}


def test_double_click_in_the_register_opens_the_risk(window_as, qtbot, world):
    window = window_as(BUSINESS)
    register = open_register(window, qtbot)
    row = register.shown_ids().index(world.moved)
    index = register.proxy.index(row, COLUMNS.index("title"))
    register.table.doubleClicked.emit(index)
    dialog = window.findChild(RosRiskDialog, "ros-risk-dialog")
    assert dialog is not None and dialog.risk_id == world.moved
    assert dialog.title.text() == "Dispenser firmware tampered"
    assert "Inherent: 4 × 5 (not acceptable)" in dialog.cells.text()
    assert "Current: 2 × 5 (consider measures)" in dialog.cells.text()
    assert dialog.likelihood.who.text().startswith(f"Assessed by {IT}")
    assert dialog.consequence.who.text().startswith(f"Assessed by {BUSINESS}")
    assert dialog.measures.count() == 2


def test_it_may_not_set_consequence_through_the_window(window_as, qtbot, world, db_path):
    window = window_as(IT)
    dialog = window.ros_windows.open_risk(world.steady)
    qtbot.waitExposed(dialog)
    # Offered: the scenario and the likelihood; not the consequence, not the decision.
    assert dialog.likelihood.value.isEnabled()
    assert not dialog.consequence.value.isEnabled()
    assert not dialog.consequence.why_not.isHidden()
    assert "risk-owner unit" in dialog.consequence.why_not.text()
    assert not dialog.decide_button.isEnabled()
    assert not dialog.save_values.isEnabled()
    # Offered or not, the rulebook judges: forced, the write is refused in one line.
    before, logged = ros_world.risk_row(db_path, world.steady), ros_world.changes_count(db_path)
    dialog.consequence.value.setEnabled(True)
    dialog.consequence.value.setCurrentIndex(dialog.consequence.value.findData(5))
    dialog.title.setText("SMS alerts lost for hours")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.isVisible()
    assert "may not judge consequence" in dialog.message.text()
    assert "\n" not in dialog.message.text()
    assert ros_world.risk_row(db_path, world.steady) == before  # not even the title
    assert ros_world.changes_count(db_path) == logged
    # What IT may do goes through, in one undo step.
    dialog.consequence.value.setCurrentIndex(dialog.consequence.value.findData(3))
    dialog.likelihood.value.setCurrentIndex(dialog.likelihood.value.findData(4))
    dialog.likelihood.note.setText("seen twice this year")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert not dialog.isVisible()
    saved = ros_world.risk_row(db_path, world.steady)
    assert (saved["title"], saved["likelihood"], saved["consequence"]) == (
        "SMS alerts lost for hours",
        4,
        3,
    )
    assert saved["likelihood_note"] == "seen twice this year"
    window.undo_stack.undo()
    assert ros_world.risk_row(db_path, world.steady)["likelihood"] == 3


def test_control_is_offered_nothing_and_the_business_decides(window_as, qtbot, world, db_path):
    control = window_as(CONTROL)
    dialog = control.ros_windows.open_risk(world.steady)
    assert not dialog.likelihood.value.isEnabled() and not dialog.consequence.value.isEnabled()
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    assert not control.new_risk_action.isEnabled()
    dialog.close()
    control.close()
    window = window_as(BUSINESS)
    dialog = window.ros_windows.open_risk(world.steady)
    assert dialog.decide_button.isEnabled()
    dialog.decision.setCurrentIndex(dialog.decision.findData("accept"))
    assert dialog.valid_until.isEnabled()
    dialog.rationale.setPlainText("Two providers is enough")
    dialog.target_l.setValue(2)
    dialog.target_c.setValue(3)
    dialog.decide_button.click()
    assert dialog.message.text() == ""
    assert "Treatment: accept, decided by Astrid Myklebust" in dialog.treatment_now.text()
    saved = ros_world.risk_row(db_path, world.steady)
    assert (saved["target_likelihood"], saved["target_consequence"]) == (2, 3)
    # Accepting a risk in the red band is refused by the rulebook, in one line.
    moved = window.ros_windows.open_risk(world.moved)
    moved.consequence.value.setCurrentIndex(moved.consequence.value.findData(5))
    moved.likelihood.value.setCurrentIndex(moved.likelihood.value.findData(5))
    moved.buttons.button(moved.buttons.StandardButton.Ok).click()
    again = window.ros_windows.open_risk(world.moved)
    again.decision.setCurrentIndex(again.decision.findData("accept"))
    again.rationale.setPlainText("We live with it")
    logged = ros_world.changes_count(db_path)
    again.decide_button.click()
    assert again.message.text() and "\n" not in again.message.text()
    assert ros_world.changes_count(db_path) == logged


def test_a_new_risk_from_the_menu_and_its_values(window_as, qtbot, world, db_path):
    window = window_as(BUSINESS)
    window.new_risk_action.trigger()
    dialog = window.findChild(RosRiskDialog, "ros-risk-dialog")
    dialog.chain.setCurrentIndex(dialog.chain.findText(ros_world.DISPENSER))
    dialog.title.setText("Pharmacy gets the wrong dose list")
    dialog.threat.setPlainText("Integration error")
    dialog.consequence.value.setCurrentIndex(dialog.consequence.value.findData(4))
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert not dialog.isVisible(), dialog.message.text()
    made = ros_world.risk_row(db_path, dialog.risk_id)
    assert (made["title"], made["consequence"], made["likelihood"]) == (
        "Pharmacy gets the wrong dose list",
        4,
        None,
    )
    # The chain's information values, by the business, in the same dialog.
    again = window.ros_windows.open_risk(dialog.risk_id)
    table = again.values
    table.set_row(table.rowCount() - 1, "helseopplysninger", (5, 4, 3))
    again.save_values.click()
    assert again.message.text() == ""
    assert [
        (v.name, v.confidentiality, v.integrity, v.availability)
        for v in again.ros.values(ros_world.DISPENSER)
    ] == [("helseopplysninger", 5, 4, 3)]
    assert again.at_stake.count() == 1
    # IT may not value information: the table is not offered.
    it_dialog = window_as(IT).ros_windows.open_risk(dialog.risk_id)
    assert not it_dialog.values.isEnabled()


def test_the_item_dialog_chooses_a_risk_and_shows_its_assessment(window_as, qtbot, world, db_path):
    from kanban_sec.ui.item_dialog import ItemDialog

    window = window_as(IT)
    window.edit_item(world.moved_measures[0])
    dialog = window.findChild(ItemDialog, "item-dialog")
    risk = dialog._risk
    assert risk.currentData() == world.moved
    assert not dialog._likelihood.isEnabled() and not dialog._consequence.isEnabled()
    assert (dialog._likelihood.value(), dialog._consequence.value()) == (2, 5)
    word = dialog.findChild(type(dialog._problems), "item-likelihood-word")
    assert word.text() == "from the risk «Dispenser firmware tampered»"
    # Onto another risk of the chain: it takes that risk's L × C.
    risk.choose(world.steady)
    assert (dialog._likelihood.value(), dialog._consequence.value()) == (3, 3)
    dialog.accept()
    assert ros_world.measures_of(db_path, {world.steady}) >= {world.moved_measures[0]}
    assert window.live.items[world.moved_measures[0]].likelihood == 3
    # Off the risk: the item's own values are its again, and editable.
    window.edit_item(world.moved_measures[0])
    dialog = [d for d in window.findChildren(ItemDialog) if d.isVisible()][-1]
    dialog._risk.choose(None)
    assert dialog._likelihood.isEnabled()
    dialog.accept()
    assert world.moved_measures[0] not in ros_world.measures_of(db_path, {world.steady})


def test_the_detail_panel_names_the_risk(window_as, qtbot, world):
    window = window_as(IT)
    window.board.select_item(world.moved_measures[0])
    window.detail_pane.show_item(world.moved_measures[0])
    assert "a measure of «Dispenser firmware tampered»" in window.detail.toPlainText()


def test_ros_windows_fit_a_laptop_screen_and_follow_the_language(window_as, qtbot, world):
    window = window_as(BUSINESS)
    register = open_register(window, qtbot)
    dialog = window.ros_windows.open_risk(world.moved)
    matrix = open_matrix(window, qtbot)
    screen = QApplication.primaryScreen().availableGeometry()
    assert (screen.width(), screen.height()) == (1280, 720)
    for shown in (register, dialog, matrix):
        frame = shown.frameGeometry()
        assert frame.width() <= 1280 and frame.height() <= 720, shown.objectName()
    band = COLUMNS.index("band")
    row = register.shown_ids().index(world.moved)
    assert register.proxy.index(row, band).data(DISPLAY) == "consider measures"
    window.set_language("nb")
    QApplication.processEvents()  # the language change reaches every window
    try:
        assert register.proxy.index(row, band).data(DISPLAY) == "tiltak vurderes"
        assert matrix.risk_model.headerData(0, Qt.Orientation.Vertical, DISPLAY) == (
            "5 Svært sannsynlig"
        )
        assert matrix.legend_texts[next(iter(matrix.legend_texts))].text() in (
            "Akseptabel",
            "Tiltak vurderes",
            "Uakseptabel",
        )
        assert "tiltak vurderes" in dialog.cells.text()
    finally:
        window.set_language("en")


def test_shortcut_opens_the_register(window_as, qtbot, world):
    window = window_as(BUSINESS)
    assert window.register_action.shortcut().toString() == "Ctrl+Shift+R"
    others = [
        a.objectName()
        for a in window.findChildren(type(window.register_action))
        if a is not window.register_action
        and any(s.toString() == "Ctrl+Shift+R" for s in a.shortcuts())
    ]
    assert others == []
    assert window.register_action in window.risk_menu.actions()
    assert window.new_risk_action in window.risk_menu.actions()
