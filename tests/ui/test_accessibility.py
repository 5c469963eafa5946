"""Keyboard and accessibility: shortcuts overlay, screen-reader texts, focus, contrast, fonts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QFont, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QListView, QMenu, QStyleOptionViewItem

from kanban_sec.app import _follow_system_palette, create_main_window
from kanban_sec.domain.model import Status
from kanban_sec.ui.board_model import CARD_ROLE
from kanban_sec.ui.card_delegate import BADGE_COLOURS, focus_ring_width
from kanban_sec.ui.shortcuts import ShortcutsDialog, keys_text, plain


@pytest.fixture
def window(qtbot, db_path):
    win = create_main_window(db_path)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def column(window, status: Status) -> QListView:
    view = window.findChild(QListView, f"column-{status.value}")
    assert view is not None, status
    return view


def shortcuts_dialog(window) -> ShortcutsDialog | None:
    found = [d for d in window.findChildren(ShortcutsDialog) if d.isVisible()]
    return found[0] if found else None


# -- the shortcuts overlay ---------------------------------------------------------------
def test_the_overlay_lists_every_action_with_a_shortcut(window):
    dialog = window.show_shortcuts()
    listed = {(text, keys) for _group, text, keys in dialog.rows()}
    expected = {
        (plain(a.text()), keys_text(a))
        for a in window.findChildren(QAction)
        if keys_text(a) and a.isVisible() and a.text()
    }
    assert expected, "the window has shortcuts"
    assert expected <= listed
    # Grouped by menu: the undo action sits under Edit, with the platform's key text.
    rows = dialog.rows()
    undo = [r for r in rows if r[1] == plain(window.undo_action.text())]
    assert undo and undo[0][0] == plain(window.edit_menu.title())
    assert QKeySequence("Ctrl+Z").toString(QKeySequence.SequenceFormat.NativeText) in undo[0][2]
    # Board keys (handled by the board, not QActions) are there too.
    assert any(group == "Board" and "Shift+F10" in keys for group, _t, keys in rows)
    assert not any("&" in text for _g, text, _k in rows if "&&" not in text)


def test_question_mark_opens_the_overlay_and_escape_closes_it(window, qtbot):
    view = column(window, Status.BACKLOG)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Question)
    dialog = shortcuts_dialog(window)
    assert dialog is not None
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Escape)
    assert shortcuts_dialog(window) is None


def test_f1_and_the_help_menu_open_the_overlay(window, qtbot):
    assert window.shortcuts_action in window.help_menu.actions()
    view = column(window, Status.BACKLOG)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F1)
    assert shortcuts_dialog(window) is not None


def test_typing_a_question_mark_in_the_search_field_does_not_open_it(window, qtbot):
    window.toolbar.search.setFocus()
    qtbot.keyClicks(window.toolbar.search, "why?")
    assert window.toolbar.search.text() == "why?"
    assert shortcuts_dialog(window) is None


# -- screen-reader texts -----------------------------------------------------------------
def test_a_weakest_link_card_reads_rank_weakest_link_and_title(window):
    found = None
    for status in (Status.BACKLOG, Status.NEXT, Status.DOING, Status.VERIFY):
        model = column(window, status).model()
        for row in range(model.rowCount()):
            card = model.index(row, 0).data(CARD_ROLE)
            if card.weakest and card.rank is not None:
                found = model.index(row, 0)
                break
        if found is not None:
            break
    assert found is not None, "the example board has a weakest link"
    card = found.data(CARD_ROLE)
    spoken = found.data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken.startswith(f"rank {card.rank}, weakest link, ")
    assert spoken.endswith(card.title)
    assert found.data(Qt.ItemDataRole.AccessibleDescriptionRole) == card.explanation


def test_views_and_headers_have_accessible_names_and_descriptions(window):
    for status in Status:
        view = column(window, status)
        assert view.accessibleName() and view.accessibleDescription()
        header = window.board.headers[status]
        assert header.accessibleName() and header.accessibleDescription()
        assert "<" not in header.accessibleName()


def test_every_toolbar_control_has_an_accessible_name(window):
    widgets = [window.toolbar.widgetForAction(a) for a in window.toolbar.actions()]
    widgets = [w for w in widgets if w is not None]
    assert len(widgets) >= 10
    assert all(w.accessibleName().strip() for w in widgets), [
        w.objectName() for w in widgets if not w.accessibleName().strip()
    ]


def test_the_menu_key_and_shift_f10_open_the_current_cards_menu(window, qtbot):
    view = column(window, Status.BACKLOG)
    item_id = view.model().index(0, 0).data(Qt.ItemDataRole.UserRole)
    window.board.select_item(item_id)
    for key, modifier in (
        (Qt.Key.Key_Menu, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier),
    ):
        shown: list[object] = []
        window.board.menu_requested.connect(shown.append)
        qtbot.keyClick(view, key, modifier)
        window.board.menu_requested.disconnect(shown.append)
        assert len(shown) == 1
        menu = window.findChild(QMenu, "card-menu")
        assert menu is not None and window.edit_action in menu.actions()
        menu.close()
        menu.setObjectName("")
        menu.deleteLater()
    assert window.board.current_item() == item_id


# -- contrast and focus --------------------------------------------------------------------
def _luminance(colour: QColor) -> float:
    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.red())
        + 0.7152 * channel(colour.green())
        + 0.0722 * channel(colour.blue())
    )


def contrast(a: QColor, b: QColor) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


ROLE = QPalette.ColorRole
PAIRS = [
    (ROLE.Text, ROLE.Base),
    (ROLE.WindowText, ROLE.Window),
    (ROLE.ButtonText, ROLE.Button),
    (ROLE.HighlightedText, ROLE.Highlight),
]


@pytest.fixture
def restore_palette(qapp):
    palette = QPalette(qapp.palette())
    yield qapp
    qapp.setPalette(palette)


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
@pytest.mark.parametrize("pair", PAIRS, ids=[f"{f.name}-{b.name}" for f, b in PAIRS])
def test_palette_text_contrast_is_at_least_4_5(restore_palette, dark, pair):
    app = restore_palette
    app.setStyle("Fusion")
    _follow_system_palette(app, dark=dark)
    palette = app.palette()
    foreground, background = pair
    assert contrast(palette.color(foreground), palette.color(background)) >= 4.5


@pytest.mark.parametrize("colour", BADGE_COLOURS)
def test_white_text_on_badges_and_score_pills_has_contrast(colour):
    assert contrast(QColor("white"), QColor(colour)) >= 4.5


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_the_focus_ring_is_visible_on_cards_in_both_palettes(restore_palette, dark):
    app = restore_palette
    _follow_system_palette(app, dark=dark)
    palette = app.palette()
    assert focus_ring_width(app.font()) >= 2
    ring = palette.color(ROLE.Highlight)
    # The ring stands out from the card (AlternateBase) and the view behind it (Base).
    for behind in (ROLE.AlternateBase, ROLE.Base):
        assert contrast(ring, palette.color(behind)) >= 3.0


def _card_hint(window) -> int:
    view = column(window, Status.BACKLOG)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    index = view.model().index(0, 0)
    return view.itemDelegate().sizeHint(option, index).height()


def test_cards_grow_with_the_application_font(window, qapp):
    original = QFont(qapp.font())
    before = _card_hint(window)
    try:
        bigger = QFont(original)
        bigger.setPointSizeF(16)
        QApplication.setFont(bigger)
        QApplication.processEvents()
        after = _card_hint(window)
        assert after > before
        assert focus_ring_width(bigger) >= focus_ring_width(original)
    finally:
        QApplication.setFont(original)


def test_toolbar_names_follow_a_language_switch(window):
    button = window.toolbar.widgetForAction(window.toolbar.clear_action)
    english = button.accessibleName()
    window.set_language("nb")
    try:
        assert button.accessibleName() == window.toolbar.clear_action.text().replace("&", "")
        assert window.toolbar.search.accessibleName()
    finally:
        window.set_language("en")
    assert button.accessibleName() == english


def test_no_shortcut_is_one_macos_keeps_for_itself(window):
    """Qt's Ctrl is ⌘ on macOS, where ⌘H hides the app and ⌘M minimises its window; ⌘Q
    quits and ⌘, opens the settings, so only those actions may have them."""
    reserved = {"Ctrl+H": None, "Ctrl+M": None, "Ctrl+Q": "quit", "Ctrl+,": "preferences"}
    actions = window.findChildren(QAction)
    taken = [
        (action.objectName(), sequence.toString())
        for action in actions
        for sequence in action.shortcuts()
        if sequence.toString() in reserved and reserved[sequence.toString()] != action.objectName()
    ]
    assert taken == []
    assert len([a for a in actions if a.shortcuts()]) > 20  # the window's actions, found
    # The two that had ⌘H and ⌘M have keys of their own, unreserved on all three systems.
    assert window.wheel_action.shortcut().toString() == "Ctrl+Shift+Y"
    assert window.metrics_action.shortcut().toString() == "Ctrl+Shift+F"


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_the_columns_scroll_bars_show_their_handle_in_both_palettes(restore_palette, dark, window):
    from kanban_sec.ui.flat_scrollbar import FlatScrollStyle

    app = restore_palette
    _follow_system_palette(app, dark=dark)
    bar = column(window, Status.BACKLOG).verticalScrollBar()
    assert isinstance(bar.style(), FlatScrollStyle)
    bar.setRange(0, 1000)
    bar.setPageStep(100)
    bar.resize(16, 400)
    image = bar.grab().toImage()
    ratio = image.devicePixelRatio()
    groove = image.pixelColor(int(8 * ratio), int(395 * ratio) - 30)  # above the down arrow
    handle = image.pixelColor(int(8 * ratio), int(40 * ratio))  # inside the handle at the top
    assert contrast(handle, groove) >= 3  # a user interface part against what is next to it


def test_the_columns_scroll_bars_scroll_by_arrow_and_by_page(qtbot, window):
    from PySide6.QtWidgets import QStyle, QStyleOptionSlider

    view = column(window, Status.BACKLOG)
    bar = view.verticalScrollBar()
    bar.setRange(0, 1000)
    bar.setValue(0)
    option = QStyleOptionSlider()
    bar.initStyleOption(option)
    down = bar.style().subControlRect(
        QStyle.ComplexControl.CC_ScrollBar, option, QStyle.SubControl.SC_ScrollBarAddLine, bar
    )
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=down.center())
    assert bar.value() == bar.singleStep()
    page = bar.style().subControlRect(
        QStyle.ComplexControl.CC_ScrollBar, option, QStyle.SubControl.SC_ScrollBarAddPage, bar
    )
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=page.center())
    assert bar.value() > bar.singleStep()
