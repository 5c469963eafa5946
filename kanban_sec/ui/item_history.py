"""The item dialog's History tab: who changed which field of one item, when, from what.

The rows come from the change log (``BoardService.history``), newest change first, and
say values as the user knows them: names instead of ids, local times, ``—`` for empty.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from kanban_sec.domain import fields as parse
from kanban_sec.services.board import BoardService
from kanban_sec.services.live_board import LiveBoard

#: Change-log fields the history leaves out: bookkeeping the other fields already tell.
_HIDDEN = frozenset(
    {
        "id",
        "created_at",
        "updated_at",
        "status_changed_at",
        "started_at",
        "done_at",
        "blocked_at",
        "hlc",
        "node_id",
    }
)
_TIME_FIELDS = frozenset({"pinned_at", "blocked_at", "deleted_at", "started_at", "done_at"})
#: Stored as 0 or 1, said as no or yes.
_FLAGS = frozenset({"needs_verification"})
_TEXT_MAX = 80
#: The fields in the order the item form shows them (others follow by name).
_FIELD_ORDER = (
    "title",
    "status",
    "chain_id",
    "link_id",
    "likelihood",
    "consequence",
    "effort",
    "owner_unit_id",
    "owner_person_id",
    "framework_ref",
    "classification",
    "tags",
    "due_date",
    "blocked_reason",
    "pinned_at",
    "pin_reason",
    "checklist",
    "description",
    "needs_verification",
    "deleted_at",
)

#: Qt's translate, under the name pyside6-lupdate looks for outside classes.
translate = QCoreApplication.translate


class ItemHistory(QTableWidget):
    """One item's field changes as a read-only table (When, Who, Field, Old, New value).

    ``enum_names`` holds, per enum field (``status``, ``classification``), the translated
    name of each member, as the dialog's own choices say them.
    """

    def __init__(
        self,
        service: BoardService,
        live: LiveBoard,
        enum_names: dict[str, dict[Any, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(0, 5, parent)
        self.setObjectName("item-history")
        self.service = service
        self.live = live
        self._enum_names = enum_names
        self.setHorizontalHeaderLabels(
            [
                self.tr("When"),
                self.tr("Who"),
                self.tr("Field"),
                self.tr("Old value"),
                self.tr("New value"),
            ]
        )
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)

    def load(self, item_id: str | None) -> None:
        """List the changes of ``item_id`` (none for an item not saved yet)."""
        self.setRowCount(0)
        if item_id is None:
            return
        names = item_field_names()
        rows: list[tuple[str, str, str, str, str]] = []
        # Newest change first (what changed lately matters most in an edit); the fields of
        # one change in the order the form shows them.
        for change in reversed(self.service.history(item_id)):
            when = local_time(change.at)
            creating = all(old is None for _new, old in change.fields.values())
            for name in _history_order(change.fields):
                if name in _HIDDEN:
                    continue
                new, old = change.fields[name]
                if creating and (new in (None, "", "[]") or (name in _FLAGS and not new)):
                    continue  # a new item's empty fields and unset flags say nothing
                if new == old:
                    continue
                label = names.get(name, name.replace("_", " ").capitalize())
                rows.append(
                    (when, change.author, label, self._value(name, old), self._value(name, new))
                )
        self.setRowCount(len(rows))
        for number, values in enumerate(rows):
            for column, text in enumerate(values):
                cell = QTableWidgetItem(_one_line(text))
                cell.setToolTip(text)
                self.setItem(number, column, cell)

    def _value(self, name: str, value: Any) -> str:
        """A stored value as the user knows it: names, not ids; local times; ``—``."""
        if value is None or value == "":
            return "—"
        board = self.live.board
        if name in self._enum_names:
            return _enum_name(self._enum_names[name], value)
        if name in _FLAGS:
            return self.tr("yes") if value in (1, True, "1") else self.tr("no")
        if name == "chain_id":
            chain = board.chains.get(value)
            return chain.name if chain else str(value)
        if name == "link_id":
            link = board.links.get(value)
            return link.name if link else str(value)
        if name == "owner_unit_id":
            return self.live.unit_path(value) or str(value)
        if name == "owner_person_id":
            person = board.people.get(value)
            return person.name if person else str(value)
        if name == "tags":
            return parse.format_tags([str(tag) for tag in _json_list(value)]) or "—"
        if name == "checklist":
            entries = _json_list(value)
            return "; ".join(("☑ " if done else "☐ ") + str(text) for text, done in entries) or "—"
        if name == "due_date":
            try:
                day = date.fromisoformat(str(value))
            except ValueError:
                return str(value)
            return QLocale().toString(
                QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat
            )
        if name in _TIME_FIELDS:
            try:
                return local_time(datetime.fromisoformat(str(value)))
            except ValueError:
                return str(value)
        if isinstance(value, int) and not isinstance(value, bool):
            return QLocale().toString(value)
        return str(value)


def local_time(moment: datetime) -> str:
    """A stored (UTC) time in the user's time zone and locale."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    local = QDateTime.fromMSecsSinceEpoch(int(moment.timestamp() * 1000))
    return QLocale().toString(local, QLocale.FormatType.ShortFormat)


def _enum_name(names: dict[Any, str], value: Any) -> str:
    """The translated name of a stored enum value (``names`` is keyed by StrEnum members)."""
    return next((name for member, name in names.items() if member == value), str(value))


def _json_list(value: Any) -> list[Any]:
    if isinstance(value, list):
        return value
    try:
        loaded = json.loads(str(value))
    except ValueError:
        return [value]
    return loaded if isinstance(loaded, list) else [loaded]


def _one_line(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= _TEXT_MAX else line[: _TEXT_MAX - 1] + "…"


def _history_order(fields: dict[str, Any]) -> list[str]:
    """The fields of one change in the order the form shows them."""
    known = [name for name in _FIELD_ORDER if name in fields]
    return known + sorted(name for name in fields if name not in _FIELD_ORDER)


def item_field_names() -> dict[str, str]:
    """An item's fields as the history lists them, in the window's language (the item's
    History tab and the History window say the same words)."""
    return {
        "title": translate("ItemFields", "Title"),
        "status": translate("ItemFields", "Column"),
        "description": translate("ItemFields", "Description"),
        "chain_id": translate("ItemFields", "Chain"),
        "link_id": translate("ItemFields", "Link"),
        "likelihood": translate("ItemFields", "Likelihood"),
        "consequence": translate("ItemFields", "Consequence"),
        "effort": translate("ItemFields", "Effort"),
        "owner_unit_id": translate("ItemFields", "Owner unit"),
        "owner_person_id": translate("ItemFields", "Owner person"),
        "framework_ref": translate("ItemFields", "Framework reference"),
        "classification": translate("ItemFields", "Classification"),
        "tags": translate("ItemFields", "Tags"),
        "checklist": translate("ItemFields", "Checklist"),
        "blocked_reason": translate("ItemFields", "Blocked because"),
        "due_date": translate("ItemFields", "Due date"),
        "pinned_at": translate("ItemFields", "Pinned"),
        "pin_reason": translate("ItemFields", "Pinned because"),
        "deleted_at": translate("ItemFields", "Deleted"),
        "needs_verification": translate("ItemFields", "Needs verification"),
        "risk_id": translate("ItemFields", "ROS risk"),
    }
