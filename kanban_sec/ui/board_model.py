"""One list model per board column (and swimlane): item ids plus a small row cache.

Models change with row signals (insert, remove, move), never a full reset, so a board of
10,000 cards keeps its scroll position and selection while cards move.
"""

from __future__ import annotations

import json
from bisect import bisect_left
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QDate,
    QLocale,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
    Signal,
)

from kanban_sec.domain.due import DueState, due_state
from kanban_sec.domain.ids import short_id
from kanban_sec.domain.model import Status
from kanban_sec.domain.text import t
from kanban_sec.services.live_board import LiveBoard
from kanban_sec.ui.i18n import current_language, translate

ITEM_MIME = "application/x-kanban-sec-item-ids"
#: The card's painted data (a :class:`Card`).
CARD_ROLE = Qt.ItemDataRole.UserRole + 1
#: The status key of the model's column.
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


#: The band of a card whose likelihood or consequence nobody has assessed (a grey badge).
UNASSESSED_BAND = "unassessed"


@dataclass(frozen=True, slots=True)
class Card:
    """What a card shows; built from the live board when first painted."""

    item_id: str
    rank: int | None
    title: str
    score: int | None
    #: Likelihood × consequence; ``None`` while either is unassessed.
    risk: int | None
    weakest: bool
    where: str
    owner: str
    delegable: bool
    blocked: str
    pinned: bool
    pin_reason: str
    days_in_column: int
    classification: str
    explanation: str
    #: The day an accepted risk comes back into the ranking after ("" when not accepted).
    accepted_until: str = ""
    #: In ``verify`` and the board policy wants a controlling member's verification.
    needs_verification: bool = False
    #: Changed elsewhere at the same time (sync): a person resolves it (Sync ▸ Conflicts).
    conflict: bool = False
    #: An acceptance covered it until someone changed what was decided on: ranked again.
    acceptance_void: bool = False
    #: The ROS matrix band of its likelihood × consequence cell: green, yellow or red;
    #: "unassessed" while nobody has judged its likelihood or consequence.
    band: str = "green"
    #: How urgent its due date is ("later", "soon", "overdue"; "" without a due date).
    due_state: str = ""
    #: The due date's badge, e.g. "due 15 Dec" or "overdue 1 Dec" ("" without one).
    due_label: str = ""
    #: The due date as a screen reader says it, e.g. "overdue since 1 December".
    due_spoken: str = ""

    def accessible_text(self) -> str:
        """What a screen reader says: "rank 3, weakest link, Require MFA for ..."."""
        parts = []
        if self.rank is not None:
            parts.append(translate("Card", "rank %1").replace("%1", str(self.rank)))
        if self.weakest:
            parts.append(translate("Card", "weakest link"))
        if self.pinned:
            parts.append(translate("Card", "pinned"))
        if self.blocked:
            parts.append(translate("Card", "blocked"))
        if self.accepted_until:
            parts.append(
                translate("Card", "risk accepted until %1").replace("%1", self.accepted_until)
            )
        if self.classification == "confidential":
            parts.append(translate("Card", "confidential"))
        if self.conflict:
            parts.append(translate("Card", "sync conflict"))
        if self.acceptance_void:
            parts.append(translate("Card", "acceptance void"))
        if self.band == UNASSESSED_BAND:
            parts.append(translate("Card", "likelihood or consequence not assessed"))
        if self.due_spoken:
            parts.append(self.due_spoken)
        parts.append(self.title)
        return ", ".join(parts)


def make_card(live: LiveBoard, item_id: str, now: datetime | None = None) -> Card:
    item = live.items[item_id]
    ranked = live.ranking.get(item_id)
    chain, link = live.chain_name(item), live.link_name(item)
    where = chain + " › " + (link or translate("Card", "(whole chain)")) if chain else ""
    entered = item.status_changed_at or item.created_at
    moment = now or datetime.now(UTC)
    days = max(0, (moment - entered).days) if entered else 0
    lang = current_language()
    accepted = live.accepted(item_id)
    explanation = ranked.explanation(lang) if ranked else translate("Card", "Done: not ranked")
    # The due date is a badge, never a ranking field (DESIGN, Ranking).
    today = moment.astimezone().date()
    state = due_state(item.due_date, today, done=not item.is_open)
    label, spoken = (
        due_texts(item.due_date, state, today)
        if item.due_date is not None and state is not None
        else ("", "")
    )
    if accepted is not None:
        explanation = t(
            "why.accepted",
            lang,
            day=_day(accepted.valid_until),
            owner=live.person_name(accepted.decided_by),
        )
    return Card(
        item_id=item_id,
        rank=ranked.rank if ranked else None,
        title=item.title,
        score=ranked.score if ranked else None,
        risk=None
        if item.likelihood is None or item.consequence is None
        else item.likelihood * item.consequence,
        weakest=bool(ranked and ranked.weakest),
        where=where,
        owner=live.owner_text(item),
        delegable=live.delegation(item_id).can_be_delegated if item.is_open else False,
        blocked=item.blocked_reason,
        pinned=item.pinned,
        pin_reason=item.pin_reason,
        days_in_column=days,
        classification=item.classification.value,
        explanation=explanation,
        accepted_until=_day(accepted.valid_until) if accepted is not None else "",
        needs_verification=item.status is Status.VERIFY and live.needs_verification(item_id),
        conflict=item_id in live.conflicts,
        acceptance_void=bool(item.acceptance_void) and accepted is None and item.is_open,
        band=band.value if (band := live.band(item)) is not None else UNASSESSED_BAND,
        due_state=state.value if state is not None else "",
        due_label=label,
        due_spoken=spoken,
    )


def due_dates(day: date, today: date) -> tuple[str, str]:
    """A due date short (a badge: "15 Dec", "15.12.") and long ("15 December",
    "15. desember") in the window's language; with the year when it is not this year's."""
    this_year = day.year == today.year
    # Qt date formats, translated: each language writes a day and month its own way.
    short = translate("Card", "d MMM") if this_year else translate("Card", "d MMM yyyy")
    long = translate("Card", "d MMMM") if this_year else translate("Card", "d MMMM yyyy")
    when, locale = QDate(day.year, day.month, day.day), QLocale()
    return locale.toString(when, short), locale.toString(when, long)


def due_texts(day: date, state: DueState, today: date) -> tuple[str, str]:
    """The due date's badge ("due 15 Dec", "overdue 1 Dec") and what a screen reader
    says ("due 15 December", "overdue since 1 December")."""
    short, long = due_dates(day, today)
    if state is DueState.OVERDUE:
        return (
            translate("Card", "overdue %1").replace("%1", short),
            translate("Card", "overdue since %1").replace("%1", long),
        )
    return (
        translate("Card", "due %1").replace("%1", short),
        translate("Card", "due %1").replace("%1", long),
    )


def _day(day: date | None) -> str:
    return day.isoformat() if day is not None else ""


class ColumnModel(QStringListModel):
    """The cards of one column (in one swimlane), in rank order.

    The row list lives in C++ (a QStringListModel of item ids) so that Qt's list layout,
    which asks the model for every row's index, never calls into Python per row; a Python
    mirror of the ids serves lookups. Rows change only through the methods below, with row
    signals; views cannot remove or edit rows themselves.
    """

    #: Cards dropped here: (item ids, status) — the window calls the move service.
    move_requested = Signal(list, object)

    def __init__(self, live: LiveBoard, status: Status, parent: Any = None) -> None:
        super().__init__(parent)
        self.live = live
        self.status = status
        self._ids: list[str] = []
        self._cards: dict[str, Card] = {}
        self._generation = live.generation
        #: The day the cached cards were made for (a due date becomes overdue at midnight).
        self._day = date.today()
        self._changing = False

    # -- contents ----------------------------------------------------------------------
    def ids(self) -> list[str]:
        return list(self._ids)

    def row_of(self, item_id: str) -> int:
        try:
            return self._ids.index(item_id)
        except ValueError:
            return -1

    def _insert(self, row: int, item_ids: list[str]) -> None:
        self._changing = True
        try:
            QStringListModel.insertRows(self, row, len(item_ids), QModelIndex())
            for offset, item_id in enumerate(item_ids):
                QStringListModel.setData(
                    self, self.index(row + offset, 0), item_id, Qt.ItemDataRole.EditRole
                )
        finally:
            self._changing = False
        self._ids[row:row] = item_ids

    def _remove(self, row: int, count: int) -> None:
        self._changing = True
        try:
            QStringListModel.removeRows(self, row, count, QModelIndex())
        finally:
            self._changing = False
        for gone in self._ids[row : row + count]:
            self._cards.pop(gone, None)
        del self._ids[row : row + count]

    def _move(self, source: int, target: int) -> None:
        self._changing = True
        try:
            QStringListModel.moveRows(self, QModelIndex(), source, 1, QModelIndex(), target)
        finally:
            self._changing = False
        self._ids.insert(target, self._ids.pop(source))

    def set_ids(self, new_ids: list[str], touched: set[str] | None = None) -> None:
        """Become ``new_ids`` with row signals: removals, moves, then insertions."""
        for item_id in touched or ():
            self._cards.pop(item_id, None)
        if not self._ids and new_ids:
            # The first fill of an empty column: one list handed to C++.
            self.setStringList(list(new_ids))
            self._ids = list(new_ids)
            return
        wanted = set(new_ids)
        # Remove rows that leave, last first, in contiguous runs.
        row = len(self._ids) - 1
        while row >= 0:
            if self._ids[row] in wanted:
                row -= 1
                continue
            end = row
            while row >= 0 and self._ids[row] not in wanted:
                row -= 1
            self._remove(row + 1, end - row)
        # Move rows that stay into the new relative order.
        present = set(self._ids)
        staying = [i for i in new_ids if i in present]
        for target, item_id in enumerate(staying):
            source = self._ids.index(item_id, target)
            if source != target:
                self._move(source, target)
        # Insert the newcomers where they belong, a contiguous run at a time (a filter that
        # widens again brings back thousands of rows: one signal per run, not per row).
        present = set(self._ids)
        target, count = 0, len(new_ids)
        while target < count:
            if new_ids[target] in present:
                target += 1
                continue
            end = target
            while end < count and new_ids[end] not in present:
                end += 1
            self._insert(target, new_ids[target:end])
            target = end
        if touched:
            changed = [self._ids.index(i) for i in touched if i in wanted]
            if changed:
                self.dataChanged.emit(self.index(min(changed), 0), self.index(max(changed), 0))

    def ranks_changed(self) -> None:
        """Every card may show another rank now (a re-rank): one signal for the column."""
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, 0))

    def remove_id(self, item_id: str) -> bool:
        row = self.row_of(item_id)
        if row < 0:
            return False
        self._remove(row, 1)
        return True

    def insert_ranked(self, item_id: str) -> int:
        """Insert a card where its rank puts it (the column is in rank order)."""
        ranking = self.live.ranking
        row = bisect_left(self._ids, ranking[item_id].rank, key=lambda i: ranking[i].rank)
        self._insert(row, [item_id])
        return row

    def changed(self, item_id: str) -> None:
        """The card's data changed (not its place): repaint it from fresh data."""
        self._cards.pop(item_id, None)
        row = self.row_of(item_id)
        if row >= 0:
            index = self.index(row, 0)
            self.dataChanged.emit(index, index)

    def refresh_all(self) -> None:
        """Drop the row cache (ranks or names may have changed everywhere)."""
        self._cards.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, 0))

    # -- rows change only through the methods above ----------------------------------------
    def insertRows(self, row: int, count: int, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return self._changing and super().insertRows(row, count, parent)

    def removeRows(self, row: int, count: int, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        # A view that dragged cards away asks to remove them; the move service decides.
        return self._changing and super().removeRows(row, count, parent)

    def moveRows(
        self,
        source_parent: Index,
        source_row: int,
        count: int,
        destination_parent: Index,
        destination_child: int,
    ) -> bool:
        return self._changing and super().moveRows(
            source_parent, source_row, count, destination_parent, destination_child
        )

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        return False

    def card(self, row: int) -> Card:
        return self._card(self._ids[row])

    def _card(self, item_id: str) -> Card:
        if self._generation != self.live.generation:
            # Re-ranked since these cards were made: every card's rank may have moved.
            self._cards.clear()
            self._generation = self.live.generation
        if self._day != (today := date.today()):
            self._cards.clear()
            self._day = today
        card = self._cards.get(item_id)
        if card is None:
            card = self._cards[item_id] = make_card(self.live, item_id)
        return card

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        # The id from the C++ row list: right even while a row signal is on its way.
        item_id = QStringListModel.data(self, index, Qt.ItemDataRole.DisplayRole)
        if not item_id or item_id not in self.live.items:
            return None
        if role == Qt.ItemDataRole.UserRole:
            return item_id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._card(item_id).title
        if role == CARD_ROLE:
            return self._card(item_id)
        if role == Qt.ItemDataRole.ToolTipRole:
            card = self._card(item_id)
            return f"{card.title}\n{card.explanation}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._card(item_id).accessible_text()
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return self._card(item_id).explanation
        if role == STATUS_ROLE:
            return self.status.value
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [ITEM_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        ids = [self._ids[i.row()] for i in sorted(indexes, key=lambda i: i.row()) if i.isValid()]
        mime = QMimeData()
        mime.setData(ITEM_MIME, QByteArray(json.dumps(ids).encode("utf-8")))
        mime.setText("\n".join(short_id(i) for i in ids))
        return mime

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return data.hasFormat(ITEM_MIME) and action in (
            Qt.DropAction.MoveAction,
            Qt.DropAction.CopyAction,
        )

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """A drop asks the window to move the cards here; the rows follow the ranking."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        try:
            ids = json.loads(bytes(data.data(ITEM_MIME).data()).decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            return False
        ids = [
            i
            for i in ids
            if isinstance(i, str)
            and i in self.live.items
            and self.live.items[i].status is not self.status
        ]
        if ids:
            self.move_requested.emit(ids, self.status)
        # The window updates every model from the service's outcome; the dragging view
        # must not remove rows itself (removeRows is not supported, so it cannot).
        return bool(ids)
