"""The annual wheel window: the year's recurring duties round a wheel, and each activity."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QBrush, QFont, QPalette
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

from kanban_sec.domain.annual_wheel import Activity
from kanban_sec.domain.errors import KanbanError
from kanban_sec.domain.recurrence_words import describe
from kanban_sec.services.annual_wheel import AnnualWheel
from kanban_sec.services.annual_wheel import WheelEntry as AnnualWheelEntry
from kanban_sec.services.live_board import LiveBoard
from kanban_sec.services.outcome import Outcome
from kanban_sec.ui.activity_dialog import ActivityDialog
from kanban_sec.ui.i18n import Texts, current_language
from kanban_sec.ui.notify import show_error, show_info
from kanban_sec.ui.wheel_view import AnnualWheelView, WheelEntry, status_name


def wheel_status(status: str, late: bool = False) -> str:
    """The wheel's colours from an occurrence's state (its item's column, or none); an
    occurrence whose day has passed with its work not done is overdue, item or not."""
    if status == "done":
        return "done"
    if late:
        return "overdue"
    if status in ("backlog", "next", "doing", "verify"):
        return "open"
    if status in ("overdue", "skipped"):
        return status
    return "planned"


class AnnualWheelDialog(QDialog):
    """Year, wheel, activities (add, change, retire); export to Outlook; create what is due
    now."""

    changed = Signal(object)

    def __init__(
        self,
        wheel: AnnualWheel,
        live: LiveBoard,
        parent: QWidget | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("wheel-dialog")
        self.texts = Texts()
        self.texts.bind(self.setWindowTitle, lambda: self.tr("Annual wheel (årshjul)"))
        self.wheel = wheel
        # The activity whose details show (drawn again after a language switch).
        self.shown_activity: str | None = None
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
            lambda current, _previous: (
                self.show_activity(current.data(Qt.ItemDataRole.UserRole))
                if current is not None
                else None
            )
        )
        self.detail = QTextBrowser()
        self.detail.setObjectName("wheel-detail")
        export = QPushButton()
        export.setObjectName("wheel-export")
        self.texts.bind(export.setText, lambda: self.tr("Export to calendar (.ics)…"))
        export.clicked.connect(self._ask_export)
        generate = QPushButton()
        generate.setObjectName("wheel-generate")
        self.texts.bind(generate.setText, lambda: self.tr("Create what is due now"))
        generate.clicked.connect(self.generate_due)
        close = QPushButton()
        self.texts.bind(close.setText, lambda: self.tr("Close"))
        close.clicked.connect(self.reject)
        self.add_button = QPushButton()
        self.add_button.setObjectName("wheel-add")
        self.texts.bind(self.add_button.setText, lambda: self.tr("&New activity…"))
        self.add_button.clicked.connect(lambda: self.add_activity())
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("wheel-edit")
        self.texts.bind(self.edit_button.setText, lambda: self.tr("&Change…"))
        self.edit_button.clicked.connect(lambda: self.edit_activity())
        self.retire_button = QPushButton(self.tr("&Retire"))
        self.retire_button.setObjectName("wheel-retire")
        self.retire_button.clicked.connect(lambda: self.retire_or_reinstate())
        self.activities.itemActivated.connect(lambda _item: self.edit_activity())
        actions = QHBoxLayout()
        actions.addWidget(self.add_button)
        actions.addWidget(self.edit_button)
        actions.addWidget(self.retire_button)
        actions.addStretch(1)

        side = QWidget()
        side_layout = QVBoxLayout(side)
        activities_label = QLabel()
        self.texts.bind(activities_label.setText, lambda: self.tr("Activities"))
        side_layout.addWidget(activities_label)
        side_layout.addWidget(self.activities, 2)
        side_layout.addLayout(actions)
        side_layout.addWidget(self.detail, 3)
        splitter = QSplitter()
        splitter.addWidget(self.view)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([700, 480])
        self.activities.setWordWrap(True)
        top = QHBoxLayout()
        year_label = QLabel()
        self.texts.bind(year_label.setText, lambda: self.tr("Year"))
        top.addWidget(year_label)
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

    def retranslate(self) -> None:
        """Every text in the window's language (after a switch): the wheel's months and
        legend, the list, the activity shown, and what the service writes (new items'
        notes, the calendar export)."""
        self.wheel.session = self.wheel.session.speaking(current_language())
        self.setLocale(QLocale())
        self.texts.again()
        self.view.retranslate()
        self.refresh()
        if self.shown_activity is not None:
            self.show_activity(self.shown_activity)

    def changeEvent(self, event: QEvent) -> None:
        if (
            event.type() == QEvent.Type.LanguageChange
            and hasattr(self, "entries")
            and self.texts.outdated()
        ):
            self.retranslate()
        super().changeEvent(event)

    def refresh(self, *_: object) -> None:
        year = self.year.value()
        self.entries = self.wheel.year_view(year, self.today)
        self.view.set_entries(
            year,
            [
                WheelEntry(
                    e.activity.id, e.activity.title, e.occurrence, wheel_status(e.status, e.late)
                )
                for e in self.entries
            ],
            self.today,
        )
        current = self.activities.currentItem()
        keep = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        self.activities.blockSignals(True)
        self.activities.clear()
        late = {e.activity.id for e in self.entries if e.late}
        muted = self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        # In use first, by title; retired ones after them, greyed and marked.
        for activity in sorted(
            self.wheel.list_activities(), key=lambda a: (not a.active, a.title.casefold())
        ):
            text = activity.title
            if not activity.active:
                text = self.tr("%1 (retired)").replace("%1", text)
            elif activity.id in late:
                text = self.tr("%1 — overdue").replace("%1", text)
            row = QListWidgetItem(text)
            row.setData(Qt.ItemDataRole.UserRole, activity.id)
            if not activity.active:
                font = QFont(row.font())
                font.setItalic(True)
                row.setFont(font)
                row.setForeground(QBrush(muted))
            self.activities.addItem(row)
            if activity.id == keep:
                self.activities.setCurrentItem(row)
        self.activities.blockSignals(False)
        self._buttons()

    def current_activity(self) -> Activity | None:
        """The activity chosen in the list, if any."""
        row = self.activities.currentItem()
        if row is None:
            return None
        try:
            return self.wheel.activity(row.data(Qt.ItemDataRole.UserRole))
        except KanbanError:
            return None

    def _buttons(self) -> None:
        activity = self.current_activity()
        self.edit_button.setEnabled(activity is not None)
        self.retire_button.setEnabled(activity is not None)
        self.retire_button.setText(
            self.tr("&Bring back")
            if activity is not None and not activity.active
            else self.tr("&Retire")
        )

    # -- changing the activities -------------------------------------------------------
    def add_activity(self) -> ActivityDialog:
        """Open the form for a new activity; OK adds it."""
        return self._open_form(None)

    def edit_activity(self) -> ActivityDialog | None:
        """Open the form for the chosen activity; OK saves what changed."""
        activity = self.current_activity()
        return self._open_form(activity) if activity is not None else None

    def _open_form(self, activity: Activity | None) -> ActivityDialog:
        form = ActivityDialog(self.live, activity, self, self.today)
        form.accepted.connect(lambda: self._save(form))
        form.open()
        return form

    def _save(self, form: ActivityDialog) -> None:
        values = form.values()
        try:
            if form.activity is None:
                outcome = self.wheel.add_activity(
                    values.pop("title"), values.pop("rrule"), values.pop("starts_on"), **values
                )
            else:
                outcome = self.wheel.edit_activity(form.activity.id, **values)
        except KanbanError as error:
            show_error(self, error)
            return
        self._changed(outcome)
        self.select(outcome.row_id)

    def retire_or_reinstate(self) -> Outcome | None:
        """Retire the chosen activity (it makes no more items; history and items stay),
        or bring a retired one back."""
        activity = self.current_activity()
        if activity is None:
            return None
        try:
            outcome = (
                self.wheel.retire_activity(activity.id)
                if activity.active
                else self.wheel.reinstate_activity(activity.id)
            )
        except KanbanError as error:
            show_error(self, error)
            return None
        self._changed(outcome)
        self.select(activity.id)
        return outcome

    def _changed(self, outcome: Outcome) -> None:
        if outcome.changed:
            self.changed.emit(outcome)
        self.refresh()

    def select(self, activity_id: str | None) -> None:
        """Choose an activity in the list and show it."""
        if activity_id:
            self.show_activity(activity_id)

    def show_activity(self, activity_id: str) -> None:
        activity = self.wheel.activity(activity_id)
        self.shown_activity = activity_id
        mine = [e for e in self.entries if e.activity.id == activity_id]
        locale = self.locale()
        owner = self.live.unit_path(activity.owner_unit_id)
        person = self.live.board.people.get(activity.owner_person_id or "")
        lead = self.tr("%1 days before each date").replace("%1", str(activity.lead_days))
        words = describe(activity.rrule, current_language())
        chain = self.live.board.chains.get(activity.chain_id or "")
        link = self.live.board.links.get(activity.link_id or "")
        where = (
            f"{chain.name} › {link.name}"
            if chain and link
            else self.tr("%1 (the whole chain)").replace("%1", chain.name)
            if chain
            else self.tr("no chain")
        )
        title = (
            activity.title
            if activity.active
            else self.tr("%1 (retired)").replace("%1", activity.title)
        )
        lines = [f"### {title}", ""]
        if not activity.active:
            lines += [
                "*"
                + self.tr(
                    "Retired: it makes no more items. Its history and its "
                    "items stay; Bring back puts it in use again."
                )
                + "*",
                "",
            ]
        lines += [
            activity.description,
            "",
            "- "
            + self.tr("**When:** %1").replace("%1", words or "—")
            + "  \n  `RRULE: "
            + activity.rrule
            + "`",
            "- " + self.tr("**Chain:** %1").replace("%1", where),
            "- "
            + self.tr("**Its items:** likelihood %1 × consequence %2")
            .replace("%1", str(activity.likelihood))
            .replace("%2", str(activity.consequence)),
            "- " + self.tr("**Owner:** %1").replace("%1", person.name if person else owner or "—"),
            "- " + self.tr("**On the board:** %1").replace("%1", lead),
            "- " + self.tr("**Framework:** %1").replace("%1", activity.framework_ref or "—"),
            "",
            "**" + self.tr("This year") + "**",
            "",
        ]
        lines += [
            f"- {locale.toString(QDate(*e.occurrence.timetuple()[:3]))}: "
            + (f"**{status_name('overdue')}**" if e.late else status_name(wheel_status(e.status)))
            + (f" ({status_name('open')})" if e.late and e.item_id else "")
            for e in mine
        ] or ["- —"]
        self.detail.setMarkdown("\n".join(lines))
        for row in range(self.activities.count()):
            item = self.activities.item(row)
            if (
                item.data(Qt.ItemDataRole.UserRole) == activity_id
                and self.activities.currentItem() is not item
            ):
                self.activities.blockSignals(True)
                self.activities.setCurrentItem(item)
                self.activities.blockSignals(False)
        self._buttons()

    def generate_due(self) -> Outcome | None:
        try:
            outcome = self.wheel.generate_due(self.today)
        except KanbanError as error:
            show_error(self, error)
            return None
        if outcome.changed:
            self.changed.emit(outcome)
        show_info(
            self,
            self.tr("%1 items put on the board.").replace(
                "%1", str(outcome.counts.get("generated", 0))
            ),
        )
        self.refresh()
        return outcome

    def export(self, path: str | Path) -> int:
        """Write the year's activities as an iCalendar file for Outlook."""
        return self.wheel.export_ics(path, self.year.value())

    def _ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export to calendar"),
            f"arshjul-{self.year.value()}.ics",
            self.tr("iCalendar files (*.ics)"),
        )
        if path:
            try:
                count = self.export(path)
            except (KanbanError, OSError) as error:
                show_error(self, error if isinstance(error, KanbanError) else str(error))
                return
            show_info(
                self,
                self.tr("%1 activities written to %2")
                .replace("%1", str(count))
                .replace("%2", path),
            )
