"""The board: a header per column (WIP count and limit), a list view per column and lane."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QListView,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kanban_sec.domain.model import STATUS_ORDER, Status
from kanban_sec.domain.text import t
from kanban_sec.services.live_board import BoardFilter, LiveBoard
from kanban_sec.ui.board_model import ColumnModel
from kanban_sec.ui.card_delegate import CardDelegate
from kanban_sec.ui.flat_scrollbar import flat_scroll_style
from kanban_sec.ui.i18n import current_language, translate

LANE_MODES = ("none", "chain", "unit")
EXPEDITE = "__expedite__"
NO_LANE = "__none__"
#: Items a risk owner accepted: out of the ranking until the acceptance runs out.
ACCEPTED = "__accepted__"


def status_name(status: Status) -> str:
    """A column's name in the window's language: the catalogue's, as the CLI says it."""
    return t(f"status.{status.value}", current_language())


class ColumnHeader(QLabel):
    """A column's name with its WIP count and limit; amber at the limit, red over it."""

    def __init__(self, status: Status, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = status
        self.setObjectName(f"header-{status.value}")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMargin(6)
        # A new count must not change the header's width: that would resize every column
        # and lay out every list view again (one Python call per row in Qt's layout).
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.wip_state = "ok"
        self._shown: tuple[object, ...] = ()
        self._height = 0

    def show_counts(self, count: int, limit: int | None, hard: bool) -> None:
        shown = (count, limit, hard, status_name(self.status))
        if shown == self._shown:
            return  # a style sheet change re-lays the header out: only when needed
        self._shown = shown
        name = status_name(self.status)
        if limit is None:
            self.setText(f"<b>{name}</b>  {count}")
            state = "ok"
        else:
            kind = translate("Board", "hard limit") if hard else translate("Board", "limit")
            self.setText(f"<b>{name}</b>  {count} / {limit} <small>({kind})</small>")
            state = "over" if count > limit else "at" if count == limit else "ok"
        colours = {
            "ok": "",
            "at": "background:#f6c343; color:#222;",
            "over": "background:#d32f2f; color:white;",
        }
        if state != self.wip_state or not self.styleSheet():
            self.setStyleSheet(f"QLabel {{ border-radius:4px; {colours[state]} }}")
        self.wip_state = state
        tip = {
            "ok": "",
            "at": translate("Board", "At the WIP limit"),
            "over": translate("Board", "Over the WIP limit: finish something before starting more"),
        }
        self.setToolTip(tip[state])
        plain = (
            self.text()
            .replace("<b>", "")
            .replace("</b>", "")
            .replace("<small>", "")
            .replace("</small>", "")
        )
        self.setAccessibleName(plain)
        self.setAccessibleDescription(
            tip[state] or translate("Board", "Column header: the number of cards and the WIP limit")
        )
        height = self.sizeHint().height()
        slot = self.parentWidget()
        if height != self._height and slot is not None:
            self._height = height
            slot.updateGeometry()  # only a new height lays the column out again (HeaderSlot)

    def changeEvent(self, event: Any) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._height = 0  # measured again at the next count


class HeaderSlot(QWidget):
    """Holds a column header outside any layout. A label's new text asks its parent's
    layout to lay out again, and from a column that request reaches the splitter, which
    lays out every column on each move. Here it ends at this slot; the header fills it."""

    def __init__(self, header: ColumnHeader) -> None:
        super().__init__()
        header.setParent(self)
        self.header = header
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return self.header.sizeHint()

    def minimumSizeHint(self) -> QSize:
        return self.header.minimumSizeHint()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.header.setGeometry(self.rect())


class LaneTitle(QLabel):
    """A lane's name in bold, elided to the column's width (the whole name as tooltip)."""

    def __init__(
        self,
        title: str,
        elide: Qt.TextElideMode = Qt.TextElideMode.ElideRight,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, parent)
        self.elide = elide
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        font = self.font()
        font.setBold(True)
        self.setFont(font)
        self.setToolTip(title)
        self.setAccessibleName(title)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        text = self.fontMetrics().elidedText(self.text(), self.elide, self.contentsRect().width())
        painter.drawText(
            self.contentsRect(), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text
        )


@dataclass
class Lane:
    key: str
    title: str
    views: dict[Status, QListView]
    models: dict[Status, ColumnModel]


class BoardWidget(QWidget):
    """Every column as a list view of painted cards; optional swimlanes with an expedite lane."""

    move_requested = Signal(list, object)
    item_activated = Signal(str)
    current_changed = Signal(str)
    #: A card's context menu was asked for (right click or the menu key): where, global.
    menu_requested = Signal(object)
    #: The person folded (False) or unfolded (True) the accepted-risk lane.
    accepted_toggled = Signal(bool)

    def __init__(self, live: LiveBoard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.live = live
        self.filter = BoardFilter()
        self.lane_mode = "none"
        #: The accepted-risk lane shows its title only (its cards stay in its models).
        self.accepted_collapsed = False
        self.accepted_button: QToolButton | None = None
        self.delegate = CardDelegate(self)
        self.headers = {s: ColumnHeader(s) for s in STATUS_ORDER}
        # One splitter holds the columns (header above its lanes' views), so headers and
        # cards always line up and one saved state keeps every column's width.
        self.header_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.header_splitter.setObjectName("board-columns")
        self.header_splitter.setChildrenCollapsible(False)
        self._columns: dict[Status, QWidget] = {}
        for position, status in enumerate(STATUS_ORDER):
            column = QWidget()
            column.setObjectName(f"board-column-{status.value}")
            column_layout = QVBoxLayout(column)
            column_layout.setContentsMargins(2, 0, 2, 0)
            column_layout.setSpacing(4)
            column_layout.addWidget(HeaderSlot(self.headers[status]))
            self._columns[status] = column
            self.header_splitter.addWidget(column)
            self.header_splitter.setStretchFactor(position, 1)
        self.lanes: list[Lane] = []
        self._scroll = QScrollArea()
        self._scroll.setObjectName("board-scroll")
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setWidget(self.header_splitter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._scroll, 1)
        self._build_lanes()

    # -- lanes and views ---------------------------------------------------------------
    def set_lane_mode(self, mode: str) -> None:
        if mode not in LANE_MODES or mode == self.lane_mode:
            return
        current = self.current_item()
        self.lane_mode = mode
        self._build_lanes()
        if current:
            self.select_item(current)

    def rebuild(self) -> None:
        """Lay the lanes out again (after a language switch), keeping the selection."""
        current = self.current_item()
        self._build_lanes()
        if current:
            self.select_item(current)

    def _lane_keys(self) -> list[tuple[str, str]]:
        accepted = (
            [(ACCEPTED, translate("Board", "Accepted risk (out of the ranking until it expires)"))]
            if self.live.acceptance.accepted
            else []
        )
        if self.lane_mode == "none":
            return [(NO_LANE, translate("Board", "Ranked") if accepted else ""), *accepted]
        keys: dict[str, str] = {}
        for item in self.live.items.values():
            if item.pinned or item.id in self.live.acceptance.accepted:
                continue
            if self.lane_mode == "chain":
                key = item.chain_id or NO_LANE
                keys[key] = self.live.chain_name(item) or translate("Board", "No chain")
            else:
                key = item.owner_unit_id or NO_LANE
                keys[key] = self.live.unit_path(item.owner_unit_id) or translate(
                    "Board", "No owner"
                )
        ordered = sorted(keys.items(), key=lambda kv: (kv[0] == NO_LANE, kv[1].casefold()))
        return [(EXPEDITE, translate("Board", "Expedite (pinned)")), *ordered, *accepted]

    def _column_layout(self, status: Status) -> QVBoxLayout:
        layout = self._columns[status].layout()
        assert isinstance(layout, QVBoxLayout)
        return layout

    def _build_lanes(self) -> None:
        for status in STATUS_ORDER:
            layout = self._column_layout(status)
            while layout.count() > 1:  # keep the header
                item = layout.takeAt(1)
                widget = item.widget() if item is not None else None
                if widget is not None:
                    if isinstance(widget, QListView):
                        widget.setModel(None)
                    widget.setObjectName("")  # gone for findChild before it is deleted
                    widget.hide()
                    widget.deleteLater()
        self.lanes = []
        self.accepted_button = None
        keys = self._lane_keys()
        single = len(keys) == 1
        for number, (key, title) in enumerate(keys):
            views, models = {}, {}
            for status in STATUS_ORDER:
                layout = self._column_layout(status)
                if not single:
                    # The lane's name in the first column; the others keep the same height.
                    label = (
                        self._lane_title(key, title) if status is STATUS_ORDER[0] else QLabel(" ")
                    )
                    if not label.objectName():
                        label.setObjectName(f"lane-{number}-{status.value}")
                    label.setFixedHeight(self._lane_title_height())
                    layout.addWidget(label)
                model = ColumnModel(self.live, status, self)
                model.move_requested.connect(self.move_requested)
                view = self._make_view(
                    status,
                    model,
                    f"column-{status.value}"
                    if single or self._stretches(key)
                    else f"column-{status.value}-{number}",
                )
                layout.addWidget(view, 1 if single or self._stretches(key) else 0)
                views[status], models[status] = view, model
            self.lanes.append(Lane(key, title, views, models))
        if not single and self.lane_mode != "none":
            for status in STATUS_ORDER:
                self._column_layout(status).addStretch(1)
        self.refresh()

    def _lane_title_height(self) -> int:
        return max(QToolButton().sizeHint().height(), self.fontMetrics().height() + 4)

    def _lane_title(self, key: str, title: str) -> QWidget:
        """A lane's name, elided to its column (it never widens the first column); the
        accepted-risk lane's is the button that folds the lane away and back."""
        if key != ACCEPTED:
            # A unit's path says most at its end (the team), a chain's name at its start.
            return LaneTitle(
                title,
                Qt.TextElideMode.ElideLeft
                if self.lane_mode == "unit"
                else Qt.TextElideMode.ElideRight,
            )
        button = QToolButton()
        button.setObjectName("accepted-toggle")
        button.setAutoRaise(True)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        font = button.font()
        font.setBold(True)
        button.setFont(font)
        button.clicked.connect(
            lambda: self.set_accepted_collapsed(not self.accepted_collapsed, by_user=True)
        )
        self.accepted_button = button
        return button

    def set_accepted_collapsed(self, collapsed: bool, *, by_user: bool = False) -> None:
        """Fold the accepted-risk lane to its title (the ranked lane takes its height), or
        unfold it; ``by_user``: the person asked, and :attr:`accepted_toggled` says so."""
        changed = collapsed != self.accepted_collapsed
        self.accepted_collapsed = collapsed
        self._show_accepted()
        if by_user and changed:
            self.accepted_toggled.emit(not collapsed)

    def _show_accepted(self) -> None:
        for lane in self.lanes:
            if lane.key == ACCEPTED:
                for view in lane.views.values():
                    view.setVisible(not self.accepted_collapsed)
                self._title_accepted(lane)

    def _title_accepted(self, lane: Lane) -> None:
        button = self.accepted_button
        if button is None or not shiboken6.isValid(button):
            return
        count = sum(model.rowCount() for model in lane.models.values())
        button.setArrowType(
            Qt.ArrowType.RightArrow if self.accepted_collapsed else Qt.ArrowType.DownArrow
        )
        button.setText(translate("Board", "Accepted risk (%1)").replace("%1", str(count)))
        tip = (
            translate("Board", "Show the accepted risks")
            if self.accepted_collapsed
            else translate("Board", "Hide the accepted risks")
        )
        button.setToolTip(f"{lane.title}\n{tip}")
        button.setAccessibleName(button.text())
        button.setAccessibleDescription(tip)

    def _stretches(self, key: str) -> bool:
        """Without swimlanes the ranked lane takes the height the accepted one leaves."""
        return self.lane_mode == "none" and key == NO_LANE

    def _make_view(self, status: Status, model: ColumnModel, name: str) -> QListView:
        view = QListView()
        view.setObjectName(name)
        view.setModel(model)
        view.setItemDelegate(self.delegate)
        view.setUniformItemSizes(True)
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        view.setDefaultDropAction(Qt.DropAction.MoveAction)
        view.setDragEnabled(True)
        view.setAcceptDrops(True)
        view.setDropIndicatorShown(True)
        view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.verticalScrollBar().setStyle(flat_scroll_style())  # painted in 0.1 ms, not 2
        view.setMinimumWidth(180)
        view.setAccessibleName(status_name(status))
        view.setAccessibleDescription(
            translate(
                "Board", "Cards in rank order; Ctrl+Left and Ctrl+Right move the selected card"
            )
        )
        view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        view.installEventFilter(self)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(lambda point, v=view: self._menu_at(v, point))
        view.doubleClicked.connect(
            lambda index: self.item_activated.emit(index.data(Qt.ItemDataRole.UserRole))
        )
        view.selectionModel().currentChanged.connect(
            lambda current, _previous: self.current_changed.emit(
                current.data(Qt.ItemDataRole.UserRole) or ""
            )
        )
        return view

    def _menu_at(self, view: QListView, point: QPoint) -> None:
        index = view.indexAt(point)
        if index.isValid():
            view.setCurrentIndex(index)
            self.menu_requested.emit(view.viewport().mapToGlobal(point))

    def menu_for_current(self, view: QListView) -> bool:
        """The card menu from the keyboard (Menu key, Shift+F10): at the current card."""
        index = view.currentIndex()
        if not index.isValid():
            return False
        if not view.selectionModel().isSelected(index):
            view.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        rect = view.visualRect(index)
        self.menu_requested.emit(view.viewport().mapToGlobal(rect.center()))
        return True

    def view(self, status: Status, lane: int = 0) -> QListView:
        return self.lanes[lane].views[status]

    def model(self, status: Status, lane: int = 0) -> ColumnModel:
        return self.lanes[lane].models[status]

    # -- contents ----------------------------------------------------------------------
    def set_filter(self, flt: BoardFilter) -> None:
        self.filter = flt
        self.refresh()

    def refresh(self, touched: set[str] | None = None, *, rebuild_lanes: bool = False) -> None:
        """Put every card where it belongs now (rank order, filters, lanes), with row signals."""
        if rebuild_lanes and [k for k, _ in self._lane_keys()] != [lane.key for lane in self.lanes]:
            self._build_lanes()
            return
        flt = self.filter
        lane_of = self._lane_of
        for status in STATUS_ORDER:
            ordered = self.live.ordered(status)
            if self.live.acceptance.accepted and status is not Status.DONE:
                ordered = ordered + self.live.accepted_in(status)
            if flt.active:
                keep = self.live.matching(flt)
                ordered = [i for i in ordered if i in keep]
            per_lane: dict[str, list[str]] = {lane.key: [] for lane in self.lanes}
            for item_id in ordered:
                per_lane.setdefault(lane_of(item_id), []).append(item_id)
            for lane in self.lanes:
                lane.models[status].set_ids(per_lane.get(lane.key, []), touched)
        self.refresh_headers()
        if len(self.lanes) > 1:
            self._fit_lane_heights()

    def relocate(self, item_ids: set[str]) -> bool:
        """Put changed cards in place when no other card's rank moved (a column change).

        Touches two rows instead of rebuilding five columns; ``False`` when a full
        :meth:`refresh` is needed (a new lane, or a card the board does not know).
        """
        lane_index = {lane.key: n for n, lane in enumerate(self.lanes)}
        for item_id in item_ids:
            item = self.live.items.get(item_id)
            if item is None or item.status is Status.DONE:
                return False
            target_lane = lane_index.get(self._lane_of(item_id))
            if target_lane is None:
                return False
            target = self.lanes[target_lane].models[item.status]
            source = next(
                (m for lane in self.lanes for m in lane.models.values() if m.row_of(item_id) >= 0),
                None,
            )
            visible = not self.filter.active or self.live.matches(item_id, self.filter)
            if source is target:
                if visible:
                    target.changed(item_id)
                else:
                    target.remove_id(item_id)
                continue
            if source is not None:
                source.remove_id(item_id)
            if visible:
                target.insert_ranked(item_id)
        self.refresh_headers()
        return True

    def _lane_of(self, item_id: str) -> str:
        if item_id in self.live.acceptance.accepted:
            return ACCEPTED
        if self.lane_mode == "none":
            return NO_LANE
        item = self.live.items[item_id]
        if item.pinned:
            return EXPEDITE
        key = item.chain_id if self.lane_mode == "chain" else item.owner_unit_id
        return key or NO_LANE

    def _fit_lane_heights(self) -> None:
        for lane in self.lanes:
            if self._stretches(lane.key):
                continue
            rows = max((m.rowCount() for m in lane.models.values()), default=0)
            view = lane.views[Status.BACKLOG]
            hint = self.delegate.sizeHint(_options(view), view.model().index(0, 0)).height()
            for lane_view in lane.views.values():
                lane_view.setFixedHeight(max(1, min(rows, 4)) * hint + 8)

    def refresh_headers(self) -> None:
        counts = self.live.counts()
        for status, header in self.headers.items():
            column = self.live.column(status)
            header.show_counts(counts[status], column.wip_limit, column.wip_hard)
        self._show_accepted()

    def reset_cards(self) -> None:
        """Names, ranks or maturities changed: repaint every card from fresh data."""
        for lane in self.lanes:
            for model in lane.models.values():
                model.refresh_all()

    # -- selection and keyboard --------------------------------------------------------
    def current_item(self) -> str | None:
        focused = self.focusWidget()
        views = [v for lane in self.lanes for v in lane.views.values()]
        ordered = ([focused] if focused in views else []) + views
        for view in ordered:
            assert isinstance(view, QListView)
            index = view.currentIndex()
            if index.isValid() and view.selectionModel().isSelected(index):
                return str(index.data(Qt.ItemDataRole.UserRole))
        return None

    def select_item(self, item_id: str) -> bool:
        """Select and focus the card, wherever it is (its own column is looked at first)."""
        item = self.live.items.get(item_id)
        status = item.status if item is not None else None
        views = [v for lane in self.lanes for s, v in lane.views.items() if s is status] + [
            v for lane in self.lanes for s, v in lane.views.items() if s is not status
        ]
        for view in views:
            model = view.model()
            assert isinstance(model, ColumnModel)
            row = model.row_of(item_id)
            if row >= 0:
                if view.isHidden() and self.accepted_collapsed:  # asked for: show it
                    self.set_accepted_collapsed(False, by_user=True)
                index = model.index(row)
                self._clear_other_selections(view)
                view.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                )
                view.scrollTo(index)
                view.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return False

    def _clear_other_selections(self, keep: QListView) -> None:
        for lane in self.lanes:
            for view in lane.views.values():
                if view is not keep and view.selectionModel().hasSelection():
                    view.selectionModel().clearSelection()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(watched, QListView):
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
                step = -1 if key == Qt.Key.Key_Left else 1
                if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                    self._move_selected(watched, step)
                else:
                    self._focus_neighbour(watched, step)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                index = watched.currentIndex()
                if index.isValid():
                    self.item_activated.emit(index.data(Qt.ItemDataRole.UserRole))
                return True
            if key == Qt.Key.Key_Menu or (
                key == Qt.Key.Key_F10 and event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            ):
                self.menu_for_current(watched)
                return True
        return super().eventFilter(watched, event)

    def _position(self, view: QListView) -> tuple[int, Status]:
        for number, lane in enumerate(self.lanes):
            for status, candidate in lane.views.items():
                if candidate is view:
                    return number, status
        raise LookupError(view.objectName())

    def _neighbour(self, status: Status, step: int) -> Status | None:
        position = STATUS_ORDER.index(status) + step
        return STATUS_ORDER[position] if 0 <= position < len(STATUS_ORDER) else None

    def _focus_neighbour(self, view: QListView, step: int) -> None:
        lane, status = self._position(view)
        target_status = self._neighbour(status, step)
        if target_status is None:
            return
        target = self.lanes[lane].views[target_status]
        model = target.model()
        row = min(view.currentIndex().row(), model.rowCount() - 1)
        self._clear_other_selections(target)
        if row >= 0:
            target.selectionModel().setCurrentIndex(
                model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        target.setFocus(Qt.FocusReason.TabFocusReason)

    def _move_selected(self, view: QListView, step: int) -> None:
        _, status = self._position(view)
        target = self._neighbour(status, step)
        ids = [
            str(i.data(Qt.ItemDataRole.UserRole)) for i in view.selectionModel().selectedIndexes()
        ]
        if target is not None and ids:
            self.move_requested.emit(ids, target)


def _options(view: QListView) -> QStyleOptionViewItem:
    option = QStyleOptionViewItem()
    option.initFrom(view)
    return option
