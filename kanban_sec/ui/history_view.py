"""The History view: the change log as who changed which field from what to what, when;
filtered by item, person and date, and exportable to CSV."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QEvent,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kanban_sec.domain.errors import KanbanError
from kanban_sec.services.history import History, HistoryEntry
from kanban_sec.ui.i18n import Texts, current_language
from kanban_sec.ui.item_history import item_field_names
from kanban_sec.ui.notify import show_error

#: Entries the table shows at most (the newest); an export has them all.
SHOWN_MAX = 5000
_NO_DATE = QDate(2000, 1, 1)
_TEXT_MAX = 80

Index = QModelIndex | QPersistentModelIndex


class HistoryModel(QAbstractTableModel):
    """History entries as rows: when, who, what, name, field, old, new."""

    def __init__(self, tz: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tz = tz
        # Dates as the window's language writes them.
        self.locale = QLocale()
        self.entries: list[HistoryEntry] = []
        self.headers: list[str] = []
        self.entity_names: dict[str, str] = {}
        self.field_names: dict[str, str] = {}

    def set_entries(self, entries: list[HistoryEntry]) -> None:
        self.beginResetModel()
        self.entries = entries
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def text(self, row: int, column: int) -> str:
        e = self.entries[row]
        if column == 0:
            at = e.at.astimezone(self.tz)
            day = self.locale.toString(
                QDate(at.year, at.month, at.day), QLocale.FormatType.ShortFormat
            )
            return f"{day} {at:%H:%M}"
        if column == 1:
            return e.author
        if column == 2:
            return self.entity_names.get(e.entity, e.entity)
        if column == 3:
            return e.label
        if column == 4:
            return self.field_names.get(e.field, e.field.replace("_", " ").capitalize())
        value = e.old_text if column == 5 else e.new_text
        return value or "—"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            text = self.text(index.row(), index.column())
            one_line = " ".join(text.split())
            return one_line if len(one_line) <= _TEXT_MAX else one_line[: _TEXT_MAX - 1] + "…"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.text(index.row(), index.column())
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.headers)
        ):
            return self.headers[section]
        return None


class HistoryView(QDialog):
    """Every change on the record, newest first."""

    def __init__(
        self, history: History, parent: QWidget | None = None, tz: ZoneInfo | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("history-view")
        self.texts = Texts()
        self.texts.bind(self.setWindowTitle, lambda: self.tr("History"))
        self.history = history
        self.tz = tz or ZoneInfo("Europe/Oslo")
        self.resize(1000, 600)

        self.item_edit = QLineEdit()
        self.item_edit.setObjectName("history-item")
        self.texts.bind(self.item_edit.setPlaceholderText, lambda: self.tr("Item title contains…"))
        self.item_edit.setClearButtonEnabled(True)
        self.person_combo = QComboBox()
        self.person_combo.setObjectName("history-person")
        self.from_edit = self._date_edit("history-from")
        self.to_edit = self._date_edit("history-to")
        self.export_button = QPushButton()
        self.export_button.setObjectName("history-export")
        self.texts.bind(self.export_button.setText, lambda: self.tr("Export CSV…"))
        self.export_button.clicked.connect(self._ask_and_export)
        self.include_confidential = QCheckBox()
        self.include_confidential.setObjectName("history-include-confidential")
        self.texts.bind(
            self.include_confidential.setText, lambda: self.tr("With confidential details")
        )
        self.texts.bind(
            self.include_confidential.setToolTip,
            lambda: self.tr(
                "Without it the export names confidential items only by id and hides their "
                "values. Either way, the export and this choice are recorded."
            ),
        )

        self.model = HistoryModel(self.tz, self)
        self._model_texts()
        self.table = QTableView()
        self.table.setObjectName("history-table")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.status = QLabel()
        self.status.setObjectName("history-status")

        filters = QHBoxLayout()
        for label, widget in (
            (lambda: self.tr("&Item:"), self.item_edit),
            (lambda: self.tr("&Person:"), self.person_combo),
            (lambda: self.tr("&From:"), self.from_edit),
            (lambda: self.tr("&To:"), self.to_edit),
        ):
            caption = QLabel()
            self.texts.bind(caption.setText, label)
            caption.setBuddy(widget)
            filters.addWidget(caption)
            filters.addWidget(widget, 2 if widget is self.item_edit else 0)
        filters.addStretch(1)
        filters.addWidget(self.include_confidential)
        filters.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)

        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(200)
        self._typing.timeout.connect(self.refresh)
        self.item_edit.textChanged.connect(lambda _text: self._typing.start())
        self._fill_people()
        self.person_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.from_edit.dateChanged.connect(lambda _d: self.refresh())
        self.to_edit.dateChanged.connect(lambda _d: self.refresh())
        self.refresh()

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(QLocale().dateFormat(QLocale.FormatType.ShortFormat))
        edit.setMinimumDate(_NO_DATE)
        # The lowest date stands for "no bound".
        self.texts.bind(edit.setSpecialValueText, lambda: self.tr("No limit"))
        edit.setDate(_NO_DATE)
        return edit

    def retranslate(self) -> None:
        """Every text in the window's language, the changes listed again in it (after a
        switch): column names, names of fields and rows, values such as a column's name,
        dates."""
        self.history.session = self.history.session.speaking(current_language())
        self.setLocale(QLocale())
        for edit in (self.from_edit, self.to_edit):
            edit.setDisplayFormat(QLocale().dateFormat(QLocale.FormatType.ShortFormat))
        self.texts.again()
        self.person_combo.setItemText(0, self.tr("Everyone"))
        self._model_texts()
        self.model.headerDataChanged.emit(
            Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1
        )
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if (
            event.type() == QEvent.Type.LanguageChange
            and hasattr(self, "_typing")
            and self.texts.outdated()
        ):
            self.retranslate()
        super().changeEvent(event)

    def _model_texts(self) -> None:
        self.model.locale = QLocale()
        self.model.headers = [
            self.tr("When"),
            self.tr("Who"),
            self.tr("What"),
            self.tr("Name"),
            self.tr("Field"),
            self.tr("Old"),
            self.tr("New"),
        ]
        self.model.entity_names = self._entity_names()
        self.model.field_names = self._field_names()

    def _fill_people(self) -> None:
        self.person_combo.blockSignals(True)
        self.person_combo.clear()
        self.person_combo.addItem(self.tr("Everyone"), None)
        for author in self.history.authors():
            self.person_combo.addItem(author, author)
        self.person_combo.blockSignals(False)

    def _entity_names(self) -> dict[str, str]:
        return {
            "item": self.tr("Item"),
            "unit": self.tr("Unit"),
            "person": self.tr("Person"),
            "chain": self.tr("Chain"),
            "link": self.tr("Link"),
            "column": self.tr("Column"),
            "comment": self.tr("Comment"),
            "activity": self.tr("Activity"),
            "standup": self.tr("Standup"),
            "standup_note": self.tr("Standup note"),
            "transfer": self.tr("CSV export/import"),
            "risk_decision": self.tr("Risk decision"),
            "verification": self.tr("Verification"),
            "setting": self.tr("Setting"),
            "ros_risk": self.tr("ROS risk"),
            "info_value": self.tr("Information value"),
            "data_flow": self.tr("Data flow"),
            "ros_analysis": self.tr("ROS analysis"),
            "conflict": self.tr("Sync conflict"),
        }

    def _field_names(self) -> dict[str, str]:
        return {
            **item_field_names(),
            "name": self.tr("Name"),
            "body": self.tr("Text"),
            "author": self.tr("Author"),
            "kind": self.tr("Kind"),
            "path": self.tr("File"),
            "items": self.tr("Items"),
            "confidential": self.tr("With confidential details"),
            "item_id": self.tr("Item"),
            "unit_id": self.tr("Unit"),
            "parent_id": self.tr("Parent unit"),
            "role": self.tr("Role"),
            "country": self.tr("Country"),
            "maturity": self.tr("Maturity"),
            "responsible_unit_id": self.tr("Responsible unit"),
            "risk_owner_unit_id": self.tr("Risk owner"),
            "target_maturity": self.tr("Target maturity"),
            "acceptance_void": self.tr("Acceptance void"),
            "activity_id": self.tr("Activity"),
            "occurrence": self.tr("Occurrence"),
            "active": self.tr("In use"),
            "rrule": self.tr("Schedule (RRULE)"),
            "starts_on": self.tr("First day"),
            "lead_days": self.tr("Days before on the board"),
            "overdue": self.tr("If missed"),
            "source_item_id": self.tr("Made from item"),
            "held_on": self.tr("Date"),
            "facilitator": self.tr("Led by"),
            "attendees": self.tr("Attendees"),
            "snapshot": self.tr("Board at the start"),
            "ended_at": self.tr("Ended"),
            "decision": self.tr("Decision"),
            "rationale": self.tr("Rationale"),
            "valid_until": self.tr("Valid until"),
            "covers": self.tr("Covers"),
            "decided_by": self.tr("Decided by"),
            "decided_at": self.tr("Decided"),
            "recommendation": self.tr("Recommendation"),
            "recommendation_note": self.tr("Why recommended"),
            "recommended_by": self.tr("Recommended by"),
            "run_by": self.tr("Run by"),
            "threat": self.tr("Threat"),
            "vulnerability": self.tr("Vulnerability"),
            "existing_measures": self.tr("Existing measures"),
            "value_ids": self.tr("Information values at stake"),
            "likelihood_by": self.tr("Likelihood by"),
            "likelihood_at": self.tr("Likelihood assessed"),
            "likelihood_note": self.tr("Why this likelihood"),
            "likelihood_knowledge": self.tr("Strength of knowledge (likelihood)"),
            "consequence_by": self.tr("Consequence by"),
            "consequence_at": self.tr("Consequence assessed"),
            "consequence_note": self.tr("Why this consequence"),
            "consequence_knowledge": self.tr("Strength of knowledge (consequence)"),
            "inherent_likelihood": self.tr("Inherent likelihood"),
            "inherent_consequence": self.tr("Inherent consequence"),
            "target_likelihood": self.tr("Target likelihood"),
            "target_consequence": self.tr("Target consequence"),
            "confidentiality": self.tr("Confidentiality"),
            "integrity": self.tr("Integrity"),
            "availability": self.tr("Availability"),
            "set_by": self.tr("Valued by"),
            "set_at": self.tr("Valued"),
            "notes": self.tr("Notes"),
            "number": self.tr("Number"),
            "from_link_id": self.tr("From link"),
            "to_link_id": self.tr("To link"),
            "data": self.tr("Data"),
            "participants": self.tr("Participants"),
            "risk_ids": self.tr("Risks assessed"),
            "decisions": self.tr("Decisions"),
            "bands": self.tr("Matrix bands"),
            "scales": self.tr("Scale words"),
            "risk_id": self.tr("ROS risk"),
        }

    # -- filtering ---------------------------------------------------------------------
    def _day(self, edit: QDateEdit) -> date | None:
        chosen = edit.date()
        if chosen == _NO_DATE:
            return None
        return date(chosen.year(), chosen.month(), chosen.day())

    def filters(self) -> dict[str, Any]:
        """The filters as :meth:`History.entries` takes them (local days, whole days)."""
        found: dict[str, Any] = {}
        text = self.item_edit.text().strip()
        if text:
            found["item_id"] = self.history.items_matching(text)
        person = self.person_combo.currentData()
        if person:
            found["author"] = person
        start, end = self._day(self.from_edit), self._day(self.to_edit)
        if start is not None:
            found["since"] = datetime.combine(start, time(), self.tz)
        if end is not None:
            found["until"] = datetime.combine(end + timedelta(days=1), time(), self.tz)
        return found

    def refresh(self) -> None:
        self._typing.stop()
        entries = self.history.entries(**self.filters(), limit=SHOWN_MAX + 1)
        shown = entries[:SHOWN_MAX]
        self.model.set_entries(shown)
        if len(entries) > SHOWN_MAX:
            self.status.setText(
                self.tr("Showing the newest {count} changes; the export has them all.").format(
                    count=self.locale().toString(SHOWN_MAX)
                )
            )
        else:
            self.status.setText(
                self.tr("{count} changes").format(count=self.locale().toString(len(shown)))
            )
        self.table.resizeColumnsToContents()

    # -- exporting ---------------------------------------------------------------------
    def export_to(self, path: str | Path) -> int:
        """Write what the filters select (not only what is shown) as CSV."""
        return self.history.export_csv(
            path, include_confidential=self.include_confidential.isChecked(), **self.filters()
        )

    def _ask_and_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export history"), "history.csv", self.tr("CSV files (*.csv)")
        )
        if not path:
            return
        try:
            count = self.export_to(path)
        except KanbanError as error:
            show_error(self, error)
            return
        self.status.setText(
            self.tr("Exported {count} changes to {path}").format(count=count, path=path)
        )
