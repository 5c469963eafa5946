"""The board on a laptop (1280×720): five columns without sideways scrolling, a side panel
and an accepted-risk lane that fold away (and stay folded), titles on two lines, and every
dialog inside the screen. (conftest makes the offscreen screen 1280×720.)"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QListView,
    QMenu,
    QScrollArea,
    QToolButton,
    QWidget,
)

from kanban_sec.app import create_main_window
from kanban_sec.domain.model import STATUS_ORDER, Status
from kanban_sec.ui.board_model import CARD_ROLE
from kanban_sec.ui.board_widget import ACCEPTED


def _settle(qtbot, window, width: int, height: int) -> None:
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.size().width() == width, timeout=3000)
    QApplication.processEvents()


def _in_window(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def test_the_laptop_screen_is_1280_by_720(qapp):
    screen = QGuiApplication.primaryScreen()
    assert screen.availableGeometry().size().toTuple() == (1280, 720)


@pytest.mark.parametrize("size", [(1280, 720), (1400, 900)])
def test_the_five_columns_fit_the_window_side_by_side(window_as, qtbot, size):
    window = window_as("Astrid Myklebust")
    _settle(qtbot, window, *size)
    widths = []
    for status in STATUS_ORDER:
        view = window.findChild(QListView, f"column-{status.value}")
        assert view is not None and view.isVisible()
        assert window.rect().contains(_in_window(view, window)), status
        widths.append(view.width())
    # The columns share the width (a scroll bar in one may take a few pixels).
    assert max(widths) - min(widths) <= 20, widths
    scroll = window.findChild(QScrollArea, "board-scroll")
    assert not scroll.horizontalScrollBar().isVisible()
    # The toolbar's filters all show, Clear filters included (none folded into »).
    clear = window.toolbar.widgetForAction(window.toolbar.clear_action)
    assert clear.isVisible()
    assert window.rect().contains(_in_window(clear, window))


def test_on_a_laptop_the_side_panel_and_the_accepted_lane_fold_by_themselves(window_as, qtbot):
    window = window_as("Astrid Myklebust")
    accepted = window.board.lanes[-1]
    assert accepted.key == ACCEPTED
    assert window.detail.isVisible()
    assert all(view.isVisible() for view in accepted.views.values())
    _settle(qtbot, window, 1280, 720)
    assert not window.detail.isVisible()
    assert not any(view.isVisible() for view in accepted.views.values())
    # Folded, each keeps its button, inside the window.
    for name in ("detail-toggle", "accepted-toggle"):
        button = window.findChild(QToolButton, name)
        assert button.isVisible() and window.rect().contains(_in_window(button, window))
    # Room again: both come back.
    _settle(qtbot, window, 1400, 900)
    assert window.detail.isVisible()
    assert all(view.isVisible() for view in accepted.views.values())


def _reopen(qtbot, db_path):
    window = create_main_window(db_path)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_side_panel_folded_by_its_button_stays_folded_after_a_restart(
    window_as, qtbot, db_path
):
    window = window_as("Astrid Myklebust")
    board_width = window.board.width()
    toggle = window.findChild(QToolButton, "detail-toggle")
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    assert not window.detail.isVisible()
    assert window.board.width() > board_width + 150  # the columns took its room
    assert not window.detail_action.isChecked()
    window.close()
    again = _reopen(qtbot, db_path)
    try:
        assert not again.detail.isVisible()
        # View ▸ Side panel (Ctrl+J) opens it again, and that is kept too.
        again.activateWindow()
        qtbot.waitUntil(again.isActiveWindow, timeout=3000)
        qtbot.keyClick(again, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
        assert again.detail.isVisible() and again.detail_action.isChecked()
    finally:
        again.close()
    third = _reopen(qtbot, db_path)
    try:
        assert third.detail.isVisible()
    finally:
        third.close()


def test_the_accepted_lane_folded_by_its_button_stays_folded_after_a_restart(
    window_as, qtbot, db_path
):
    window = window_as("Astrid Myklebust")
    ranked = window.board.view(Status.BACKLOG)
    height = ranked.height()
    button = window.findChild(QToolButton, "accepted-toggle")
    assert "(2)" in button.text()  # the example board's two accepted risks
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    accepted = window.board.lanes[-1]
    assert not any(view.isVisible() for view in accepted.views.values())
    assert ranked.height() > height + 100  # the ranked cards took its height
    window.close()
    again = _reopen(qtbot, db_path)
    try:
        lane = again.board.lanes[-1]
        assert lane.key == ACCEPTED
        assert not any(view.isVisible() for view in lane.views.values())
        again.activateWindow()
        qtbot.waitUntil(again.isActiveWindow, timeout=3000)
        qtbot.keyClick(
            again,
            Qt.Key.Key_A,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
        assert all(view.isVisible() for view in lane.views.values())
        assert again.accepted_action.isChecked()
    finally:
        again.close()


def test_a_long_title_shows_on_two_lines_cut_between_words(window_as, qtbot):
    window = window_as("Astrid Myklebust")
    _settle(qtbot, window, 1280, 720)
    title = (
        "Gjennomgang av tilgangsstyring for alle leverandører som drifter "
        "medisindispensere og pasientvarsling i hjemmetjenesten"
    )
    outcome = window.service.create_item(title)
    window.apply(outcome, "New item")
    item_id = outcome.row_id
    view = window.board.view(Status.BACKLOG)
    model = view.model()
    row = model.row_of(item_id)
    assert row >= 0
    view.scrollTo(model.index(row, 0))
    view.viewport().grab()  # paints the visible cards
    delegate = view.itemDelegate()
    painted = [
        texts for (card, _width, _font), texts in delegate._texts.items() if card.item_id == item_id
    ]
    assert painted, "the card was painted"
    lines = painted[-1][0].split("\n")
    assert len(lines) == 2
    assert lines[1].endswith("…")
    # Cut between words: the first line is whole words of the title, the second goes on
    # from the next word.
    words = title.split()
    first = lines[0].split()
    assert first == words[: len(first)] and len(first) >= 1
    assert words[len(first)].startswith(lines[1].split()[0].rstrip("…"))
    assert len(lines[0]) + len(lines[1]) > 30  # far more than ten characters
    # Room for both lines and the rest of the card (where, owner, badges) in its row.
    line = view.fontMetrics().height()
    assert view.visualRect(model.index(row, 0)).height() >= 5 * line
    card = model.index(row, 0).data(CARD_ROLE)
    assert card.score is not None and card.rank is not None


#: Menu actions that open no window (or only change the board), by object name.
NO_WINDOW = {
    "quit",
    "undo",
    "redo",
    "delete",
    "delegate",
    "load-example",
    "reload",
    "lanes-none",
    "lanes-chain",
    "lanes-unit",
    "language-nb",
    "language-en",
    "detail-panel-action",
    "accepted-lane-action",
    "sync-cancel",
    "clear-filters",
}


def _menu_actions(window) -> list:
    out = []

    def walk(menu: QMenu) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu())
            elif not action.isSeparator() and action.objectName() not in NO_WINDOW:
                out.append(action)

    for top in window.menuBar().actions():
        if top.menu() is not None:
            walk(top.menu())
    return out


def _windows(main: QWidget) -> set[QWidget]:
    return {
        w
        for w in QApplication.topLevelWidgets()
        if w.isVisible() and w is not main and isinstance(w, QDialog)
    }


@pytest.mark.parametrize("person", ["Astrid Myklebust", "Trude Fossum"])
def test_every_dialog_from_the_menus_opens_inside_the_laptop_screen(window_as, qtbot, person):
    window = window_as(person)
    _settle(qtbot, window, 1280, 720)
    screen = window.screen().availableGeometry()
    actions = [a for a in _menu_actions(window) if a.isVisible() and a.isEnabled()]
    assert len(actions) >= 15
    checked = []
    for action in actions:
        if action.objectName() in ("keep-it-there", "verify"):
            done_or_verify = (
                Status.DONE if action.objectName() == "keep-it-there" else Status.VERIFY
            )
            window.board.select_item(
                window.live.ordered(done_or_verify)[0]
                if window.live.ordered(done_or_verify)
                else next(iter(window.live.ranking))
            )
        else:  # pin and block ask why only of a card that is neither
            window.board.select_item(
                next(
                    i
                    for i in window.live.ranking
                    if not window.live.items[i].pinned and not window.live.items[i].blocked_reason
                )
            )
        before = _windows(window)
        seen: dict[QWidget, QRect] = {}

        def look(before=before, seen=seen) -> None:
            for opened in _windows(window) - before:
                if opened not in seen:
                    seen[opened] = opened.frameGeometry()
                    opened.reject()

        timer = QTimer()
        timer.setInterval(30)
        timer.timeout.connect(look)
        timer.start()  # also runs inside a modal dialog's own loop, and closes it
        try:
            action.trigger()
            qtbot.waitUntil(lambda seen=seen: bool(seen), timeout=5000)
        except qtbot.TimeoutError:
            pytest.fail(f"{action.objectName()} opened no dialog")
        finally:
            timer.stop()
        for opened, frame in seen.items():
            assert screen.contains(frame), (action.objectName(), opened.objectName(), frame)
            checked.append(action.objectName())
        QApplication.sendPostedEvents(None, 0)
    assert {
        "standup",
        "metrics",
        "ros-matrix",
        "risk-decision",
        "annual-wheel",
        "keyboard-shortcuts",
        "action-export-csv",
        "sync-settings",
    } <= set(checked)
    assert ("verify" in checked) == (person == "Trude Fossum")  # internal control verifies
    assert ("new-item" in checked) == (person != "Trude Fossum")  # and changes no work


def test_a_first_word_too_long_for_beside_the_rank_is_hyphenated_not_cut(qapp):
    from PySide6.QtGui import QFontMetrics

    from kanban_sec.ui.card_delegate import title_lines

    metrics = QFontMetrics(qapp.font())
    title = "Databehandleravtale med Reisekort Nordic AB"
    narrow = metrics.horizontalAdvance("Databehandler-")  # not the whole first word
    first, second = title_lines(title, metrics, narrow, 3 * narrow)
    assert first.endswith("-") and metrics.horizontalAdvance(first) <= narrow
    # Nothing lost: the two lines read as the title again.
    assert (first[:-1] + second).rstrip("…") == title[: len(first[:-1] + second.rstrip("…"))]
    assert first == "Databehandler-"  # after -er, where the compound's parts meet
