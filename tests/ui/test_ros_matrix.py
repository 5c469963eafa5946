"""The ROS matrix view in its Items mode: counts per cell, scale labels, choosing a cell and
editing bands (the risks are in test_ros_risks_matrix.py)."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from kanban_sec.domain.errors import Refused
from kanban_sec.domain.governance import Band, Bands, bands_from
from kanban_sec.domain.model import Status
from kanban_sec.services.board import BoardService
from kanban_sec.services.governance import GovernanceService
from kanban_sec.services.session import Session
from kanban_sec.store.unit_of_work import reading
from kanban_sec.ui import i18n
from kanban_sec.ui.ros_matrix import RosMatrixView

GOVERNING = "Astrid Myklebust"
OPERATIONAL = "Henrik Dahl"
CONTROLLING = "Trude Fossum"
DISPLAY = Qt.ItemDataRole.DisplayRole


@pytest.fixture
def open_view(qtbot, db):
    def opener(author: str = GOVERNING, lang: str = "en") -> RosMatrixView:
        view = RosMatrixView(GovernanceService(Session(db, author, lang)))
        view.set_mode("items")  # these tests are about the items' matrix (the toggle)
        qtbot.addWidget(view)
        view.show()
        qtbot.waitExposed(view)
        return view

    return opener


@pytest.fixture
def norwegian():
    i18n.install("nb")
    yield
    i18n.install("en")


def stored_bands(db) -> Bands:
    with reading(db) as reader:
        return bands_from(reader.settings())


def open_counts(db) -> Counter[tuple[int, int]]:
    with reading(db) as reader:
        return Counter(
            (item.likelihood, item.consequence)
            for item in reader.items()
            if item.status is not Status.DONE
        )


def click_cell(qtbot, view: RosMatrixView, likelihood: int, consequence: int) -> None:
    index = view.index_of(likelihood, consequence)
    qtbot.mouseClick(
        view.grid.viewport(), Qt.MouseButton.LeftButton, pos=view.grid.visualRect(index).center()
    )


def error_boxes() -> list[QMessageBox]:
    return [
        w
        for w in QApplication.topLevelWidgets() + QApplication.allWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "error-dialog" and w.isVisible()
    ]


def test_cells_count_the_open_items_where_they_sit(open_view, db, model_tester):
    expected = open_counts(db)
    assert sum(expected.values()) > 10  # the example board has work in several cells
    view = open_view()
    assert view.objectName() == "ros-matrix" and view.grid.objectName() == "ros-grid"
    model = view.grid.model()
    model_tester.check(model)
    assert (model.rowCount(), model.columnCount()) == (5, 5)
    for row in range(5):
        for column in range(5):
            likelihood, consequence = 5 - row, column + 1
            text = model.index(row, column).data(DISPLAY)
            assert text == str(expected[(likelihood, consequence)]), (likelihood, consequence)
    # Items nobody has assessed sit in no cell; the totals say how many there are.
    unassessed = sum(n for (lk, co), n in expected.items() if lk is None or co is None)
    total = sum(expected.values()) - unassessed
    assert unassessed > 0
    assert f"Open items: {total}" in view.total.text()
    assert f"Not assessed yet (in no cell): {unassessed}" in view.total.text()
    # Rows run from likelihood 5 at the top down to 1; columns from consequence 1 to 5.
    assert model.headerData(0, Qt.Orientation.Vertical, DISPLAY) == "5 Very likely"
    assert model.headerData(4, Qt.Orientation.Vertical, DISPLAY) == "1 Very unlikely"
    assert model.headerData(0, Qt.Orientation.Horizontal, DISPLAY) == "1 Insignificant"
    assert model.headerData(4, Qt.Orientation.Horizontal, DISPLAY) == "5 Critical"
    assert view.consequence_title.text() == "Consequence"
    assert view.likelihood_title.text() == "Likelihood"


def test_bands_colour_the_cells_and_the_tooltip_says_what_they_mean(open_view):
    view = open_view()
    model = view.grid.model()
    red = model.index(0, 4)  # likelihood 5 × consequence 5
    green = model.index(4, 0)  # likelihood 1 × consequence 1
    tip = red.data(Qt.ItemDataRole.ToolTipRole)
    assert "Not acceptable: reduce, share or avoid" in tip
    assert "risk 25" in tip and "0–75" in tip
    assert "Acceptable" in green.data(Qt.ItemDataRole.ToolTipRole)
    assert "0–3" in green.data(Qt.ItemDataRole.ToolTipRole)
    assert (
        model.index(3, 2)
        .data(Qt.ItemDataRole.ToolTipRole)
        .startswith("! Acceptable with a rationale")
    )  # 2 × 3 = 6 is yellow by default
    assert red.data(Qt.ItemDataRole.BackgroundRole) != green.data(Qt.ItemDataRole.BackgroundRole)
    for index in (red, green):
        assert index.data(Qt.ItemDataRole.AccessibleTextRole).startswith("Likelihood ")
    assert view.grid.accessibleName()
    legend = {text.text() for text in view.legend_texts.values()}
    assert legend == {
        "Acceptable",
        "Acceptable with a rationale",
        "Not acceptable: reduce, share or avoid",
    }


def test_accepted_items_are_counted_in_their_cell_and_apart(open_view, db):
    item = (
        BoardService(Session(db, GOVERNING, "en"))
        .create_item("Accept the printer risk", likelihood="2", consequence="3")
        .row_id
    )
    before = open_counts(db)[(2, 3)]
    governance = GovernanceService(Session(db, GOVERNING, "en"))
    accepted_here = governance.matrix()[(2, 3)].accepted
    accepted_all = sum(cell.accepted for cell in governance.matrix().values())
    governance.decide(
        "accept", "Low value target", valid_until=date.today() + timedelta(days=60), item_id=item
    )
    view = open_view()
    cell = view.cell(2, 3)
    assert (cell.open_items, cell.accepted) == (before, accepted_here + 1)
    assert f"{accepted_here + 1} accepted" in view.index_of(2, 3).data(Qt.ItemDataRole.ToolTipRole)
    assert f"Accepted: {accepted_all + 1}" in view.total.text()


def test_refresh_reads_the_board_again(open_view, db):
    view = open_view()
    before = view.cell(5, 1).open_items
    BoardService(Session(db, GOVERNING, "en")).create_item(
        "Patch the kiosk", likelihood="5", consequence="1"
    )
    assert view.cell(5, 1).open_items == before
    view.refresh()
    assert view.cell(5, 1).open_items == before + 1
    assert view.index_of(5, 1).data(DISPLAY) == str(before + 1)


def test_scale_labels_speak_norwegian(open_view, norwegian):
    view = open_view(lang="nb")
    model = view.grid.model()
    rows = [model.headerData(r, Qt.Orientation.Vertical, DISPLAY) for r in range(5)]
    columns = [model.headerData(c, Qt.Orientation.Horizontal, DISPLAY) for c in range(5)]
    assert rows == [
        "5 Svært sannsynlig",
        "4 Sannsynlig",
        "3 Moderat sannsynlig",
        "2 Lite sannsynlig",
        "1 Svært lite sannsynlig",
    ]
    assert columns == [
        "1 Ubetydelig",
        "2 Mindre alvorlig",
        "3 Alvorlig",
        "4 Svært alvorlig",
        "5 Kritisk",
    ]
    assert "Svært sannsynlig" in model.index(0, 4).data(Qt.ItemDataRole.ToolTipRole)


def test_clicking_or_pressing_enter_on_a_cell_chooses_it(open_view, qtbot):
    view = open_view(OPERATIONAL)
    with qtbot.waitSignal(view.cell_chosen, timeout=1000) as blocker:
        click_cell(qtbot, view, 4, 5)
    assert blocker.args == [4, 5]
    view.grid.setFocus()
    view.grid.setCurrentIndex(view.index_of(2, 3))
    with qtbot.waitSignal(view.cell_chosen, timeout=1000) as blocker:
        qtbot.keyClick(view.grid, Qt.Key.Key_Return)
    assert blocker.args == [2, 3]
    # Arrow keys move between cells: up is a higher likelihood.
    with qtbot.waitSignal(view.cell_chosen, timeout=1000) as blocker:
        qtbot.keyClick(view.grid, Qt.Key.Key_Up)
        qtbot.keyClick(view.grid, Qt.Key.Key_Right)
        qtbot.keyClick(view.grid, Qt.Key.Key_Enter)
    assert blocker.args == [3, 4]


def test_a_governing_member_cycles_a_band_and_resets_them(open_view, db, qtbot):
    view = open_view(GOVERNING)
    edit = view.edit_button
    assert edit.objectName() == "edit-bands"
    assert edit.isVisible() and edit.isEnabled() and edit.isCheckable()
    assert not view.not_governing.isVisible()
    assert not view.reset_button.isVisible()
    assert stored_bands(db).band(1, 1) is Band.GREEN

    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
    assert edit.isChecked() and view.editing()
    assert view.reset_button.isVisible() and view.reset_button.objectName() == "reset-bands"
    assert not view.reset_button.isEnabled()  # the bands are the default already
    with (
        qtbot.assertNotEmitted(view.cell_chosen),
        qtbot.waitSignal(view.bands_changed, timeout=1000),
    ):
        click_cell(qtbot, view, 1, 1)
    assert stored_bands(db).band(1, 1) is Band.YELLOW
    assert view.cell(1, 1).band is Band.YELLOW
    assert "rationale" in view.index_of(1, 1).data(Qt.ItemDataRole.ToolTipRole)
    click_cell(qtbot, view, 1, 1)
    assert stored_bands(db).band(1, 1) is Band.RED
    click_cell(qtbot, view, 1, 1)
    assert stored_bands(db).band(1, 1) is Band.GREEN
    view.grid.setFocus()
    view.grid.setCurrentIndex(view.index_of(5, 5))
    qtbot.keyClick(view.grid, Qt.Key.Key_Return)
    changed = stored_bands(db)
    assert changed.band(5, 5) is Band.GREEN
    assert changed == Bands.default().with_band(5, 5, Band.GREEN)  # nothing else changed

    assert view.reset_button.isEnabled()
    qtbot.mouseClick(view.reset_button, Qt.MouseButton.LeftButton)
    box = view.findChild(QMessageBox, "confirm-reset-bands")
    assert box is not None and box.isVisible()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: stored_bands(db) == Bands.default())
    assert view.cell(5, 5).band is Band.RED and not view.reset_button.isEnabled()

    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
    assert not view.editing() and not view.reset_button.isVisible()
    with qtbot.waitSignal(view.cell_chosen, timeout=1000) as blocker:
        click_cell(qtbot, view, 1, 1)
    assert blocker.args == [1, 1]
    assert stored_bands(db) == Bands.default()


@pytest.mark.parametrize("author", [OPERATIONAL, CONTROLLING])
def test_only_governing_members_are_offered_band_editing(open_view, db, qtbot, author):
    view = open_view(author)
    assert not view.edit_button.isVisible() and not view.edit_button.isEnabled()
    assert not view.reset_button.isVisible()
    assert view.not_governing.isVisible()
    assert "governing" in view.not_governing.text()
    with qtbot.waitSignal(view.cell_chosen, timeout=1000):
        click_cell(qtbot, view, 1, 1)
    assert stored_bands(db) == Bands.default()


def test_a_refused_change_is_shown_and_changes_nothing(open_view, db, qtbot, monkeypatch):
    view = open_view(GOVERNING)
    view.edit_button.setChecked(True)

    def refuse(*_args: object) -> None:
        raise Refused("risk.not_governing", who=GOVERNING)

    monkeypatch.setattr(view.governance, "set_band", refuse)
    with qtbot.assertNotEmitted(view.bands_changed):
        click_cell(qtbot, view, 3, 3)
    qtbot.waitUntil(lambda: bool(error_boxes()))
    for box in error_boxes():
        box.close()
    assert stored_bands(db) == Bands.default()
    assert view.cell(3, 3).band is Band.YELLOW
