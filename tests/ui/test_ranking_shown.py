"""What a team lead sees of the ranking: a value nobody has judged is shown as unassessed
(a grey "?" badge, "not assessed" in the dialog, "unassessed (counts 3)" in the reason), and
routine duties in no chain no longer crowd the top of the board."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialogButtonBox, QSpinBox

from kanban_sec.domain.model import Status
from kanban_sec.ui.board_model import CARD_ROLE, UNASSESSED_BAND, make_card
from kanban_sec.ui.item_dialog import ItemDialog


@pytest.fixture
def window(window_as):
    return window_as("Henrik Dahl")


def _click_ok(dialog, qtbot) -> None:
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def _open_dialog(window, qtbot) -> ItemDialog:
    def shown() -> list[ItemDialog]:
        return [d for d in window.findChildren(ItemDialog, "item-dialog") if d.isVisible()]

    qtbot.waitUntil(lambda: len(shown()) == 1)
    return shown()[0]


def test_a_new_item_is_unassessed_until_someone_judges_it(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = _open_dialog(window, qtbot)
    likelihood = dialog.findChild(QSpinBox, "item-likelihood")
    consequence = dialog.findChild(QSpinBox, "item-consequence")
    # Nothing judged yet: both boxes say so instead of a silent 3.
    assert likelihood.text() == consequence.text() == "not assessed"
    qtbot.keyClicks(dialog.findChild(object, "item-title"), "Gjennomgå loggoppbevaring")
    _click_ok(dialog, qtbot)
    item_id = next(
        i.id for i in window.live.items.values() if i.title == "Gjennomgå loggoppbevaring"
    )
    item = window.live.items[item_id]
    assert item.likelihood is None and item.consequence is None
    model = window.board.model(Status.BACKLOG)
    card = model.index(model.row_of(item_id), 0).data(CARD_ROLE)
    assert card.band == UNASSESSED_BAND and card.risk is None
    assert "not assessed" in card.accessible_text()
    # In no chain: gap 1, and the two unjudged values count as 3 each.
    assert card.score == 9
    assert "L unassessed (counts 3) × C unassessed (counts 3) × gap 1 = 9" in card.explanation

    # Judging it: the likelihood box takes a 4 from the keyboard; the badge gets its band.
    window.board.select_item(item_id)
    qtbot.keyClick(window.board.view(Status.BACKLOG), Qt.Key.Key_Return)
    dialog = _open_dialog(window, qtbot)
    likelihood = dialog.findChild(QSpinBox, "item-likelihood")
    likelihood.setFocus()
    for _ in range(4):
        qtbot.keyClick(likelihood, Qt.Key.Key_Up)
    consequence = dialog.findChild(QSpinBox, "item-consequence")
    for _ in range(2):
        qtbot.keyClick(consequence, Qt.Key.Key_Up)
    assert likelihood.value() == 4 and consequence.value() == 2
    _click_ok(dialog, qtbot)
    item = window.live.items[item_id]
    assert (item.likelihood, item.consequence) == (4, 2)
    card = make_card(window.live, item_id)
    assert card.band != UNASSESSED_BAND and card.score == 8
    assert "L4 × C2 × gap 1 = 8" in card.explanation


def test_the_example_boards_top_is_weak_link_work_not_chores(window):
    ranking = sorted(window.live.ranking.values(), key=lambda r: r.rank)
    top = ranking[:22]
    chores = [r for r in top if r.item.chain_id is None]
    assert len(chores) <= 3, [r.item.title for r in chores]
    assert not any(r.weakest for r in ranking if r.item.chain_id is None or r.item.link_id is None)


def test_the_export_action_is_named_for_checks(window):
    action = window.findChild(QAction, "action-export-csv")
    assert action is not None and action.isEnabled()
    assert action.shortcut().toString() == "Ctrl+E"
