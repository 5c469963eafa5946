"""The annual wheel window: the year's recurring duties round a wheel, and each activity."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kanban_sec.domain.errors import KanbanError
from kanban_sec.services.annual_wheel import AnnualWheel
from kanban_sec.services.annual_wheel import WheelEntry as AnnualWheelEntry
from kanban_sec.services.live_board import LiveBoard
from kanban_sec.services.outcome import Outcome
from kanban_sec.ui.notify import show_error, show_info
from kanban_sec.ui.wheel_view import AnnualWheelView, WheelEntry, status_name


def wheel_status(status: str) -> str:
    """The wheel's four colours from an occurrence's state (its item's column, or none)."""
    if status == "done":
        return "done"
    if status in ("backlog", "next", "doing", "verify"):
        return "open"
    if status in ("overdue", "skipped"):
        return status
    return "planned"


class AnnualWheelDialog(QDialog):
    """Year, wheel, activities; export to Outlook; create what is due now."""

    changed = Signal(object)

    def __init__(self, wheel: AnnualWheel, live: LiveBoard, parent: QWidget | None = None,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wheel-dialog")
        self.setWindowTitle(self.tr("Annual wheel (årshjul)"))
        self.wheel = wheel
        self.live = live
        self.today = today or date.today()
        self.year = QSpinBox()
        self.year.setObjectName("wheel-year")
        self.year.setRange(2000, 2100)
        self.year.setValue(self.today.year)
        self.year.valueChanged.connect(self.refresh)
        self.view = AnnualWheelView()
        self.view.activity_clicked.connect(self.show_activity)
        self.activities = QListWidget()
        self.activities.setObjectName("wheel-activities")
        self.activities.currentItemChanged.connect(
            lambda current, _previous: self.show_activity(current.data(Qt.ItemDataRole.UserRole))
            if current is not None else None)
        self.detail = QTextBrowser()
        self.detail.setObjectName("wheel-detail")
        export = QPushButton(self.tr("Export to calendar (.ics)…"))
        export.setObjectName("wheel-export")
        export.clicked.connect(self._ask_export)
        generate = QPushButton(self.tr("Create what is due now"))
        generate.setObjectName("wheel-generate")
        generate.clicked.connect(self.generate_due)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(QLabel(self.tr("Activities")))
        side_layout.addWidget(self.activities, 2)
        side_layout.addWidget(self.detail, 3)
        splitter = QSplitter()
        splitter.addWidget(self.view)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([700, 480])
        self.activities.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year")))
        top.addWidget(self.year)
        top.addStretch(1)
        top.addWidget(generate)
        top.addWidget(export)
        top.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.resize(1200, 780)
        self.entries: list[AnnualWheelEntry] = []
        self.refresh()

    def refresh(self, *_: object) -> None:
        year = self.year.value()
        self.entries = self.wheel.year_view(year, self.today)
        self.view.set_entries(year, [
            WheelEntry(e.activity.id, e.activity.title, e.occurrence, wheel_status(e.status))
            for e in self.entries], self.today)
        current = self.activities.currentItem()
        keep = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        self.activities.blockSignals(True)
        self.activities.clear()
        for activity in sorted(self.wheel.list_activities(), key=lambda a: a.title.casefold()):
            row = QListWidgetItem(activity.title)
            row.setData(Qt.ItemDataRole.UserRole, activity.id)
            self.activities.addItem(row)
            if activity.id == keep:
                self.activities.setCurrentItem(row)
        self.activities.blockSignals(False)

    def show_activity(self, activity_id: str) -> None:
        activity = self.wheel.activity(activity_id)
        mine = [e for e in self.entries if e.activity.id == activity_id]
        locale = self.locale()
        owner = self.live.unit_path(activity.owner_unit_id)
        person = self.live.board.people.get(activity.owner_person_id or "")
        lead = self.tr("%1 days before each date").replace("%1", str(activity.lead_days))
        lines = [f"### {activity.title}", "", activity.description, "",
                 "- " + self.tr("**Rule:** %1").replace("%1", f"`{activity.rrule}`"),
                 "- " + self.tr("**Owner:** %1").replace(
                     "%1", person.name if person else owner or "—"),
                 "- " + self.tr("**On the board:** %1").replace("%1", lead),
                 "- " + self.tr("**Framework:** %1").replace(
                     "%1", activity.framework_ref or "—"), "",
                 "**" + self.tr("This year") + "**", ""]
        lines += [f"- {locale.toString(e.occurrence)}: {status_name(wheel_status(e.status))}"
                  for e in mine] or ["- —"]
        self.detail.setMarkdown("\n".join(lines))
        for row in range(self.activities.count()):
            item = self.activities.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == activity_id and \
                    self.activities.currentItem() is not item:
                self.activities.blockSignals(True)
                self.activities.setCurrentItem(item)
                self.activities.blockSignals(False)

    def generate_due(self) -> Outcome | None:
        try:
            outcome = self.wheel.generate_due(self.today)
        except KanbanError as error:
            show_error(self, error)
            return None
        if outcome.changed:
            self.changed.emit(outcome)
        show_info(self, self.tr("%1 items put on the board.").replace(
            "%1", str(outcome.counts.get("generated", 0))))
        self.refresh()
        return outcome

    def export(self, path: str | Path) -> int:
        """Write the year's activities as an iCalendar file for Outlook."""
        return self.wheel.export_ics(path, self.year.value())

    def _ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export to calendar"), f"arshjul-{self.year.value()}.ics",
            self.tr("iCalendar files (*.ics)"))
        if path:
            try:
                count = self.export(path)
            except (KanbanError, OSError) as error:
                show_error(self, error if isinstance(error, KanbanError) else str(error))
                return
            show_info(self, self.tr("%1 activities written to %2").replace(
                "%1", str(count)).replace("%2", path))
