"""The board window driven as a user would: drag, keys, limits, undo, filters, lanes."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QListView, QMessageBox

from kanban_sec.app import create_main_window
from kanban_sec.domain.model import Status
from kanban_sec.services.board import BoardService
from kanban_sec.ui.board_model import CARD_ROLE, ColumnModel
from kanban_sec.ui.board_widget import ACCEPTED, NO_LANE


def lead(service: BoardService) -> BoardService:
    """The example board's governing member: WIP limits are theirs to set."""
    return BoardService(service.session.acting_as("Astrid Myklebust"))


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


def ids_in(window, status: Status) -> list[str]:
    model = column(window, status).model()
    return [model.index(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(model.rowCount())]


def all_ids(window, status: Status) -> list[str]:
    """The column's cards in every lane (the accepted risks' lane included)."""
    return [i for lane in window.board.lanes for i in lane.models[status].ids()]


def status_in_db(db_path, item_id) -> str:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute("SELECT status FROM items WHERE id = ?", (item_id,)).fetchone()[0]
    finally:
        conn.close()


def change_count(db_path) -> int:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute("SELECT count(*) FROM changes").fetchone()[0]
    finally:
        conn.close()


def error_boxes() -> list[QMessageBox]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "error-dialog" and w.isVisible()
    ]


def test_columns_show_every_item_in_rank_order(window):
    live = window.live
    for status in (Status.BACKLOG, Status.NEXT, Status.DOING, Status.VERIFY):
        shown = ids_in(window, status)
        ranks = [live.ranking[i].rank for i in shown]
        assert ranks == sorted(ranks) and len(shown) == sum(
            1
            for i in live.items.values()
            if i.status is status and i.id not in live.acceptance.accepted
        )
    model = column(window, Status.DOING).model()
    first = model.index(0, 0)
    item = live.items[first.data(Qt.ItemDataRole.UserRole)]
    assert first.data(Qt.ItemDataRole.DisplayRole) == item.title
    assert "Weakest link" in first.data(
        Qt.ItemDataRole.ToolTipRole
    ) or "weakest link is" in first.data(Qt.ItemDataRole.ToolTipRole)
    assert first.data(Qt.ItemDataRole.AccessibleTextRole).startswith("rank ")


def test_every_column_model_passes_the_model_tester(window, qtbot, model_tester):
    for status in Status:
        model_tester.check(column(window, status).model())
    # The testers watch the row signals of a move by keyboard, its undo and its redo.
    lead(window.service).set_wip_limit(Status.NEXT, None)
    window.reload()
    item_id = ids_in(window, Status.BACKLOG)[0]
    assert window.board.select_item(item_id)
    qtbot.keyClick(
        column(window, Status.BACKLOG), Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier
    )
    assert item_id in ids_in(window, Status.NEXT)
    window.undo_action.trigger()
    assert item_id in ids_in(window, Status.BACKLOG)
    window.redo_action.trigger()
    assert item_id in ids_in(window, Status.NEXT)


def test_dropping_a_card_moves_it_through_the_service(window, db_path):
    backlog = column(window, Status.BACKLOG).model()
    item_id = backlog.index(0, 0).data(Qt.ItemDataRole.UserRole)
    mime = backlog.mimeData([backlog.index(0, 0)])
    target = column(window, Status.NEXT).model()
    lead(window.service).set_wip_limit(Status.NEXT, None)
    window.reload()
    assert target.dropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, QModelIndex())
    assert status_in_db(db_path, item_id) == "next"
    assert item_id in ids_in(window, Status.NEXT) and item_id not in ids_in(window, Status.BACKLOG)
    ranks = [window.live.ranking[i].rank for i in ids_in(window, Status.NEXT)]
    assert ranks == sorted(ranks)  # the card lands at its rank, not where it was dropped


def test_after_a_drop_the_details_show_the_moved_card_laid_out_once(window, monkeypatch):
    # The card a user drags is the selected one; moving it changes the current card of its
    # old column and then of its new one. The details end on the moved card, in its new
    # column, and are laid out once (a layout of the rich text is the costly part).
    lead(window.service).set_wip_limit(Status.NEXT, None)
    window.reload()
    backlog = column(window, Status.BACKLOG).model()
    item_id = ids_in(window, Status.BACKLOG)[0]
    assert window.board.select_item(item_id)
    layouts: list[str] = []
    text = window.detail_pane.text
    set_markdown = text.setMarkdown
    monkeypatch.setattr(text, "setMarkdown", lambda md: (layouts.append(md), set_markdown(md)))
    mime = backlog.mimeData([backlog.index(0, 0)])
    target = column(window, Status.NEXT).model()
    assert target.dropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, QModelIndex())
    assert window.board.current_item() == item_id
    shown = window.detail_pane.text.toPlainText()
    title = window.live.items[item_id].title
    assert shown.startswith(title) and "Column: Next" in shown
    assert len(layouts) == 1


def test_keyboard_moves_selection_and_cards(window, qtbot, db_path):
    lead(window.service).set_wip_limit(Status.NEXT, None)
    window.reload()
    backlog = column(window, Status.BACKLOG)
    item_id = ids_in(window, Status.BACKLOG)[1]
    assert window.board.select_item(item_id)
    qtbot.keyClick(backlog, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert status_in_db(db_path, item_id) == "next"
    assert window.board.current_item() == item_id  # the selection follows the card
    next_view = column(window, Status.NEXT)
    assert next_view.hasFocus() or QApplication.focusWidget() is next_view
    qtbot.keyClick(next_view, Qt.Key.Key_Right)  # plain arrow: focus moves, card stays
    assert status_in_db(db_path, item_id) == "next"
    assert QApplication.focusWidget() is column(window, Status.DOING)


def test_a_hard_wip_limit_refuses_with_a_message_and_writes_nothing(window, db_path):
    lead(window.service).set_wip_limit(Status.DOING, len(ids_in(window, Status.DOING)), hard=True)
    window.reload()
    before = change_count(db_path)
    item_id = ids_in(window, Status.NEXT)[0]
    window.move_items([item_id], Status.DOING)
    boxes = error_boxes()
    assert boxes and "hard limit" in boxes[0].text()
    assert status_in_db(db_path, item_id) == "next" and change_count(db_path) == before
    for box in boxes:
        box.close()


def test_a_soft_wip_limit_warns_in_the_window_without_a_dialog(window, db_path):
    doing = len(ids_in(window, Status.DOING))
    lead(window.service).set_wip_limit(Status.DOING, doing, hard=False)
    window.reload()
    assert window.board.headers[Status.DOING].wip_state == "at"
    item_id = ids_in(window, Status.NEXT)[0]
    window.move_items([item_id], Status.DOING)
    assert status_in_db(db_path, item_id) == "doing"
    assert window.board.headers[Status.DOING].wip_state == "over"
    assert "over its limit" in window.wip_label.text()
    assert not error_boxes()


def test_undo_and_redo_a_move(window, db_path):
    lead(window.service).set_wip_limit(Status.NEXT, None)
    window.reload()
    item_id = ids_in(window, Status.BACKLOG)[0]
    window.move_items([item_id], Status.NEXT)
    assert status_in_db(db_path, item_id) == "next"
    window.undo_action.trigger()
    assert status_in_db(db_path, item_id) == "backlog"
    assert item_id in ids_in(window, Status.BACKLOG)
    window.redo_action.trigger()
    assert status_in_db(db_path, item_id) == "next"
    assert item_id in ids_in(window, Status.NEXT)


def test_raising_a_link_re_ranks_the_board_at_once(window):
    live = window.live
    weakest = next(
        r for r in live.ranking.values() if r.weakest and r.item.link_id and not r.item.pinned
    )
    link_id = weakest.item.link_id
    outcome = window.service.set_link_maturity(link_id, 3)
    window.apply(outcome, "raise")
    after = live.ranking[weakest.item_id]
    assert after.score == 0 and not after.weakest
    assert after.rank > weakest.rank
    shown = ids_in(window, after.item.status)
    assert [live.ranking[i].rank for i in shown] == sorted(live.ranking[i].rank for i in shown)


def test_filters_narrow_the_board_and_clear(window):
    total = sum(len(ids_in(window, s)) for s in Status)
    window.toolbar.search.setText("MFA")
    shown = [i for s in Status for i in ids_in(window, s)]
    assert shown and all(
        "mfa"
        in (
            window.live.items[i].title
            + " ".join(window.live.items[i].tags)
            + window.live.items[i].framework_ref
        ).casefold()
        or "mfa" in window.live.chain_name(window.live.items[i]).casefold()
        for i in shown
    )
    assert "of" in window.count_label.text()
    window.clear_filters()
    window.toolbar.weakest_box.setChecked(True)
    shown = [i for s in Status for i in ids_in(window, s)]
    assert shown and all(window.live.ranking[i].weakest for i in shown)
    window.clear_filters()
    window.toolbar.blocked_box.setChecked(True)
    shown = [i for s in Status for i in ids_in(window, s)]
    assert shown and all(window.live.items[i].blocked_reason for i in shown)
    window.clear_filters()
    assert sum(len(ids_in(window, s)) for s in Status) == total


def test_owner_unit_filter_includes_sub_units(window):
    live = window.live
    parent = next(
        u
        for u in live.board.units.values()
        if live.tree.children(u.id)
        and live.tree.children(u.id)[0] in {i.owner_unit_id for i in live.items.values()}
    )
    combo = window.toolbar.unit_combo
    combo.setCurrentIndex(combo.findData(parent.id))
    shown = [i for s in Status for i in ids_in(window, s)]
    inside = set(live.tree.subtree(parent.id))
    assert shown and all(live.items[i].owner_unit_id in inside for i in shown)
    assert any(live.items[i].owner_unit_id != parent.id for i in shown)


def test_swimlanes_by_chain_put_pinned_items_in_the_expedite_lane(window):
    window.set_lanes("chain")
    board = window.board
    assert board.lanes[0].key == "__expedite__"
    pinned = {i.id for i in window.live.items.values() if i.pinned}
    in_expedite = {mid for m in board.lanes[0].models.values() for mid in m.ids()}
    assert in_expedite == pinned
    # Accepted risks sit in their own lane at the bottom, out of the ranking.
    assert board.lanes[-1].key == ACCEPTED
    in_accepted = {mid for m in board.lanes[-1].models.values() for mid in m.ids()}
    assert in_accepted == set(window.live.acceptance.accepted) and in_accepted
    for lane in board.lanes[1:-1]:
        for model in lane.models.values():
            assert all(window.live.items[i].chain_id in (lane.key, None) for i in model.ids())
    window.set_lanes("none")
    assert [lane.key for lane in board.lanes] == [NO_LANE, ACCEPTED]
    assert {mid for m in board.lanes[1].models.values() for mid in m.ids()} == in_accepted


def test_lanes_filters_and_columns_persist(qtbot, db_path):
    first = create_main_window(db_path)
    qtbot.addWidget(first)
    first.show()
    first.set_lanes("unit")
    first.toolbar.search.setText("Patch")
    first.close()
    second = create_main_window(db_path)
    qtbot.addWidget(second)
    assert second.board.lane_mode == "unit"
    assert second.toolbar.search.text() == "Patch"
    second.close()


def test_status_bar_shows_count_share_and_path(window, db_path):
    # The example's 39 items, plus what its annual wheel has made due by today.
    assert f"{len(window.live.items)} items" in window.count_label.text()
    assert sum(1 for i in window.live.items.values() if i.activity_id is None) == 39
    assert "owned at the lowest level" in window.share_label.text()
    assert window.path_label.text() == str(db_path)


def test_cards_carry_what_the_delegate_paints(window):
    model: ColumnModel = column(window, Status.DOING).model()
    cards = [model.index(r, 0).data(CARD_ROLE) for r in range(model.rowCount())]
    assert any(c.pinned and c.pin_reason for c in cards)
    assert any(c.blocked for c in cards)
    assert all(c.rank is not None and c.score is not None for c in cards)
    done = column(window, Status.DONE).model()
    assert done.index(0, 0).data(CARD_ROLE).rank is None


def test_enter_opens_the_item_dialog_and_its_edit_shows_on_the_board(window, qtbot):
    from kanban_sec.ui.item_dialog import ItemDialog

    view = column(window, Status.BACKLOG)
    item_id = ids_in(window, Status.BACKLOG)[0]
    window.board.select_item(item_id)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    dialog = window.findChild(ItemDialog, "item-dialog")
    assert dialog is not None and dialog.isVisible()
    dialog.findChild(object, "item-title").setText("Ny tittel fra dialogen")
    dialog.accept()
    assert window.live.items[item_id].title == "Ny tittel fra dialogen"
    model = column(window, Status.BACKLOG).model()
    assert model.index(model.row_of(item_id), 0).data() == "Ny tittel fra dialogen"
    window.undo_action.trigger()
    assert window.live.items[item_id].title != "Ny tittel fra dialogen"


def test_import_from_the_file_menu_shows_at_once_and_can_be_undone(window, qtbot, tmp_path):
    source = tmp_path / "nye.csv"
    rows = ["title;chain;link;likelihood;consequence"] + [
        f"Importert sak {n};Microsoft 365;Entra ID;4;5" for n in range(300)
    ]
    source.write_bytes(("\r\n".join(rows) + "\r\n").encode("cp1252"))
    before = len(window.live.items)
    window.files.import_file(source)
    qtbot.waitUntil(lambda: len(window.live.items) == before + 300, timeout=20000)
    assert sum(len(all_ids(window, s)) for s in Status) == before + 300
    window.undo_action.trigger()
    assert len(window.live.items) == before
    assert sum(len(all_ids(window, s)) for s in Status) == before


def test_who_am_i_makes_mine_and_comment_authors_follow_the_person(qtbot, db_path):
    from kanban_sec.ui.whoami import remember_person

    win = create_main_window(db_path)
    qtbot.addWidget(win)
    person = next(
        p
        for p in win.live.board.people.values()
        if any(i.owner_person_id == p.id for i in win.live.items.values())
    )
    win.close()
    remember_person(db_path, person.id)
    win = create_main_window(db_path)
    qtbot.addWidget(win)
    assert win.service.author == person.name and win.live.me == person.id
    win.toolbar.mine_box.setChecked(True)
    shown = [i for s in Status for i in ids_in(win, s)]
    assert shown and all(win.live.items[i].owner_person_id == person.id for i in shown)
    win.close()


def test_the_window_opens_no_dialog_by_itself(qtbot, db_path):
    before = {w for w in QApplication.topLevelWidgets() if w.isVisible()}
    win = create_main_window(db_path)
    qtbot.addWidget(win)
    opened = {w for w in QApplication.topLevelWidgets() if w.isVisible()} - before
    assert opened == set() and not win.isVisible()
    win.close()


def test_raising_a_maturity_in_the_chains_dialog_re_ranks_the_board(window):
    from kanban_sec.ui.chains_dialog import ChainsDialog

    window.open_chains()
    dialog = window.findChild(ChainsDialog, "chains-dialog")
    assert dialog is not None and dialog.isVisible()
    weakest = next(
        r
        for r in window.live.ranking.values()
        if r.weakest and r.item.link_id and not r.item.pinned
    )
    outcome = dialog.org.set_link_maturity(weakest.item.link_id, 3)
    window.live.apply(outcome)
    dialog.changed.emit(outcome)
    card = column(window, weakest.item.status).model()
    row = card.row_of(weakest.item_id)
    assert card.index(row, 0).data(CARD_ROLE).score == 0
    window.undo_action.trigger()
    assert window.live.ranking[weakest.item_id].score == weakest.score
    dialog.close()


def test_the_metrics_view_opens_from_the_view_menu(window):
    from kanban_sec.ui.metrics_view import MetricsView

    window.metrics_action.trigger()
    view = window.findChild(MetricsView, "metrics-view")
    assert view is not None and view.isVisible() and view.report is not None
    view.close()


def test_the_example_loads_from_the_file_menu_into_an_empty_board_only(qtbot, tmp_path, window):
    empty = create_main_window(tmp_path / "empty.sqlite")
    qtbot.addWidget(empty)
    empty.demo_action.trigger()
    assert sum(1 for i in empty.live.items.values() if i.activity_id is None) == 39
    assert sum(len(all_ids(empty, s)) for s in Status) == len(empty.live.items)
    empty.close()
    before = len(window.live.items)
    window.demo_action.trigger()  # the board is not empty: refused, nothing written
    assert error_boxes() and "already holds" in error_boxes()[0].text()
    assert len(window.live.items) == before
    for box in error_boxes():
        box.close()


def test_the_sync_menu_opens_the_changes_the_server_refused(qtbot, window):
    from kanban_sec.ui.refused_dialog import RefusedChangesDialog

    assert window.refused_action in window.sync_menu.actions()
    assert window.refused_action.text() == "Changes the server refused…"
    window.refused_action.trigger()
    dialog = window.findChild(RefusedChangesDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.close()


def test_del_deletes_the_card_and_offers_to_bring_it_back(qtbot, window):
    from PySide6.QtWidgets import QPushButton

    item_id = window.live.ordered(Status.BACKLOG)[0]
    title = window.live.items[item_id].title
    window.board.select_item(item_id)
    qtbot.keyClick(window.board.view(Status.BACKLOG), Qt.Key.Key_Delete)
    assert item_id not in window.live.items
    assert window.statusBar().currentMessage() == f"Deleted “{title}”."
    offer = window.statusBar().findChild(QPushButton, "undo-offer")
    assert offer is not None and offer.isVisible()
    qtbot.mouseClick(offer, Qt.MouseButton.LeftButton)
    assert item_id in window.live.items  # back where it was
    assert window.statusBar().currentMessage() == ""


def test_a_card_shows_its_rank_as_an_ordinal_and_its_stable_key(qtbot, window):
    from kanban_sec.domain.ids import short_id
    from kanban_sec.ui import i18n
    from kanban_sec.ui.card_delegate import CardDelegate, rank_label

    assert [rank_label(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 43)] == [
        "1st",
        "2nd",
        "3rd",
        "4th",
        "11th",
        "12th",
        "13th",
        "21st",
        "43rd",
    ]
    i18n.install("nb")
    try:
        assert rank_label(43) == "43."  # Norwegian writes an ordinal with a full stop
    finally:
        i18n.install("en")
    # The key that stays the same when the board re-ranks, beside the days in the column.
    item_id = window.live.ordered(Status.BACKLOG)[0]
    card = window.board.model(Status.BACKLOG).index(0, 0).data(Qt.ItemDataRole.UserRole + 1)
    view = window.board.view(Status.BACKLOG)
    delegate = view.itemDelegate()
    assert isinstance(delegate, CardDelegate)
    metrics = view.fontMetrics()
    _title, _where, _owner, age = delegate._layout((card, 600, view.font().key()), metrics, 400)
    assert age.startswith(short_id(item_id) + " · ")


def test_column_headers_count_right_after_moves_deletes_undo_and_new_cards(qtbot, window, db_path):
    lead(window.service).set_wip_limit(Status.NEXT, None)
    window.reload()

    def shown() -> dict[Status, str]:
        return {s: window.board.headers[s].text().split("</b>")[1].split()[0] for s in Status}

    def stored() -> dict[Status, str]:
        conn = sqlite3.connect(db_path)
        try:
            found = dict(
                conn.execute(
                    "SELECT status, count(*) FROM items WHERE deleted_at IS NULL GROUP BY status"
                ).fetchall()
            )
        finally:
            conn.close()
        return {s: str(found.get(s.value, 0)) for s in Status}

    first, second = ids_in(window, Status.BACKLOG)[:2]
    window.move_items([first, second], Status.NEXT)
    assert shown() == stored()
    window.board.select_item(first)
    qtbot.keyClick(window.board.view(Status.NEXT), Qt.Key.Key_Delete)
    assert shown() == stored()
    window.undo_action.trigger()  # the delete
    window.undo_action.trigger()  # the move
    assert shown() == stored()
    window.service.create_item("Ny kolonneteller")
    window.reload()
    assert shown() == stored()
