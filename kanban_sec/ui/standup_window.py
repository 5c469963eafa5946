"""Standup mode: the team lead walks the board right to left with a timer, sees exactly what
changed since the last standup, records notes and decisions, and ends with a report."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from PySide6.QtCore import QDate, QElapsedTimer, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kanban_sec.domain.errors import KanbanError
from kanban_sec.domain.model import Status
from kanban_sec.services.live_board import LiveBoard
from kanban_sec.services.outcome import Outcome
from kanban_sec.services.standup import StandupService, render_html
from kanban_sec.ui.board_widget import status_name
from kanban_sec.ui.i18n import current_language
from kanban_sec.ui.notify import show_error

_EVERYONE = "__everyone__"


class StandupWindow(QDialog):
    """Set up (date, attendees, whose items), then walk, record, end and report."""

    changed = Signal(object)

    def __init__(self, standups: StandupService, live: LiveBoard,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("standup-window")
        self.setWindowTitle(self.tr("Weekly standup"))
        self.standups = standups
        self.live = live
        self.standup_id: str | None = None
        self.order: list[str] = []
        self.position = 0
        self.clock = QElapsedTimer()
        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self._tick)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._setup_page())
        self.pages.addWidget(self._walk_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.resize(1200, 780)
        running = standups.running()
        if running is not None:  # a standup left open (e.g. the window was closed)
            self._begin(running.id)

    # -- set-up --------------------------------------------------------------------------
    def _setup_page(self) -> QWidget:
        page = QWidget()
        self.held_on = QDateEdit()
        self.held_on.setObjectName("standup-date")
        self.held_on.setCalendarPopup(True)
        today = date.today()
        self.held_on.setDate(QDate(today.year, today.month, today.day))
        self.attendees = QListWidget()
        self.attendees.setObjectName("standup-attendees")
        for person in sorted(self.live.board.people.values(), key=lambda p: p.name.casefold()):
            row = QListWidgetItem(f"{person.name} — {self.live.unit_path(person.unit_id)}")
            row.setData(Qt.ItemDataRole.UserRole, person.id)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Checked if person.id == self.live.me
                              else Qt.CheckState.Unchecked)
            self.attendees.addItem(row)
        self.owner = QComboBox()
        self.owner.setObjectName("standup-owner")
        self.owner.addItem(self.tr("Everyone's items"), _EVERYONE)
        for unit_id in sorted(self.live.board.units,
                              key=lambda u: self.live.unit_path(u).casefold()):
            self.owner.addItem(self.live.unit_path(unit_id), unit_id)
        self.with_backlog = QCheckBox(self.tr("Walk the backlog too"))
        self.with_backlog.setObjectName("standup-backlog")
        self.by_column = QCheckBox(self.tr("A column at a time (else a card at a time)"))
        self.by_column.setObjectName("standup-by-column")
        start = QPushButton(self.tr("Start the standup"))
        start.setObjectName("standup-start")
        start.clicked.connect(self.start)
        layout = QVBoxLayout(page)
        title = QLabel(self.tr("<h2>Weekly standup</h2><p>The board is walked from right to "
                               "left: what is nearly done first.</p>"))
        layout.addWidget(title)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Date")))
        row.addWidget(self.held_on)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(QLabel(self.tr("Who is here")))
        layout.addWidget(self.attendees, 1)
        layout.addWidget(QLabel(self.tr("Whose items")))
        layout.addWidget(self.owner)
        layout.addWidget(self.with_backlog)
        layout.addWidget(self.by_column)
        layout.addWidget(start, 0, Qt.AlignmentFlag.AlignRight)
        return page

    def chosen_attendees(self) -> list[str]:
        return [self.attendees.item(r).data(Qt.ItemDataRole.UserRole)
                for r in range(self.attendees.count())
                if self.attendees.item(r).checkState() == Qt.CheckState.Checked]

    def start(self) -> None:
        held_on = self.held_on.date().toPython()
        try:
            outcome = self.standups.start(self.chosen_attendees(), held_on)
        except KanbanError as error:
            show_error(self, error)
            return
        self.changed.emit(outcome)
        assert outcome.row_id is not None
        self._begin(outcome.row_id)

    def _begin(self, standup_id: str) -> None:
        self.standup_id = standup_id
        owner = self.owner.currentData()
        self.order = self.standups.walk_order(
            None if owner in (None, _EVERYONE) else owner,
            include_backlog=self.with_backlog.isChecked())
        self.position = 0
        self.clock.start()
        self.ticker.start()
        self._tick()
        self.pages.setCurrentIndex(1)
        self.refresh_report()
        self.show_position()

    # -- the walk ------------------------------------------------------------------------
    def _walk_page(self) -> QWidget:
        page = QWidget()
        self.timer_label = QLabel("00:00")
        self.timer_label.setObjectName("standup-timer")
        font = self.timer_label.font()
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        self.timer_label.setFont(font)
        self.where = QLabel()
        self.where.setObjectName("standup-position")
        self.card = QTextBrowser()
        self.card.setObjectName("standup-card")
        previous = QPushButton(self.tr("◀ Previous"))
        previous.setObjectName("standup-previous")
        previous.clicked.connect(lambda: self.step(-1))
        following = QPushButton(self.tr("Next ▶"))
        following.setObjectName("standup-next")
        following.clicked.connect(lambda: self.step(1))
        self.note = QLineEdit()
        self.note.setObjectName("standup-note")
        self.note.setPlaceholderText(self.tr("A note or a decision…"))
        self.about_card = QCheckBox(self.tr("About this card"))
        self.about_card.setChecked(True)
        note_button = QPushButton(self.tr("Add note"))
        note_button.setObjectName("standup-add-note")
        note_button.clicked.connect(lambda: self.record(decision=False))
        decision_button = QPushButton(self.tr("Record decision"))
        decision_button.setObjectName("standup-add-decision")
        decision_button.clicked.connect(lambda: self.record(decision=True))
        end = QPushButton(self.tr("End the standup"))
        end.setObjectName("standup-end")
        end.clicked.connect(self.end)
        self.save_button = QPushButton(self.tr("Save report…"))
        self.save_button.setObjectName("standup-save")
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self._offer_save)
        self.include_confidential = QCheckBox(self.tr("Confidential details"))
        self.include_confidential.setObjectName("standup-include-confidential")
        self.include_confidential.setToolTip(self.tr(
            "Show and save confidential items' titles and notes. Without it they appear as "
            "“Confidential item …id”. A saved report records this choice."))
        self.include_confidential.toggled.connect(lambda _on: self.refresh_report())
        self.report_view = QTextBrowser()
        self.report_view.setObjectName("standup-report")

        top = QHBoxLayout()
        top.addWidget(self.timer_label)
        top.addSpacing(20)
        top.addWidget(self.where, 1)
        top.addWidget(end)
        top.addWidget(self.include_confidential)
        top.addWidget(self.save_button)
        walk = QWidget()
        walk_layout = QVBoxLayout(walk)
        walk_layout.addWidget(self.card, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(previous)
        buttons.addWidget(following)
        buttons.addStretch(1)
        walk_layout.addLayout(buttons)
        note_row = QHBoxLayout()
        note_row.addWidget(self.note, 1)
        note_row.addWidget(self.about_card)
        note_row.addWidget(note_button)
        note_row.addWidget(decision_button)
        walk_layout.addLayout(note_row)
        splitter = QSplitter()
        splitter.addWidget(walk)
        splitter.addWidget(self.report_view)
        splitter.setSizes([620, 560])
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        return page

    def _tick(self) -> None:
        seconds = self.clock.elapsed() // 1000 if self.clock.isValid() else 0
        self.timer_label.setText(f"{seconds // 60:02d}:{seconds % 60:02d}")

    def current_item(self) -> str | None:
        return self.order[self.position] if 0 <= self.position < len(self.order) else None

    def step(self, direction: int) -> None:
        """A card (or, column at a time, a column) forward or back."""
        if not self.order:
            return
        if self.by_column.isChecked():
            column = self._status(self.current_item())
            position = self.position
            while 0 <= position + direction < len(self.order) and \
                    self._status(self.order[position]) == column:
                position += direction
            if direction < 0:  # to the first card of the previous column
                target = self._status(self.order[position])
                while position > 0 and self._status(self.order[position - 1]) == target:
                    position -= 1
            self.position = position
        else:
            self.position = max(0, min(len(self.order) - 1, self.position + direction))
        self.show_position()

    def _status(self, item_id: str | None) -> Status | None:
        item = self.live.items.get(item_id or "")
        return item.status if item is not None else None

    def show_position(self) -> None:
        item_id = self.current_item()
        if item_id is None or item_id not in self.live.items:
            self.where.setText(self.tr("Nothing to walk"))
            self.card.setMarkdown("")
            return
        item = self.live.items[item_id]
        column = [i for i in self.order if self._status(i) is item.status]
        self.where.setText(self.tr("%1 · card %2 of %3 · %4 in all").replace(
            "%1", status_name(item.status)).replace(
            "%2", str(column.index(item_id) + 1)).replace("%3", str(len(column))).replace(
            "%4", str(len(self.order))))
        ranked = self.live.ranking.get(item_id)
        entered = item.status_changed_at or item.created_at
        days = (datetime.now(UTC) - entered).days if entered else 0
        lines = [f"## {item.title}", ""]
        if ranked is not None:
            lines += [f"> {ranked.explanation(current_language())}", ""]
        lines += ["- " + self.tr("**Owner:** %1").replace(
                      "%1", self.live.owner_text(item) or "—"),
                  "- " + self.tr("**In this column:** %1").replace(
                      "%1", self.tr("%1 days").replace("%1", str(days)))]
        if item.blocked_reason:
            lines.append("- " + self.tr("**Blocked:** %1").replace("%1", item.blocked_reason))
        if self.live.delegation(item_id).can_be_delegated:
            lines.append("- **" + self.tr("Can be delegated") + "**")
        if self.by_column.isChecked():
            lines += ["", f"**{status_name(item.status)}**", ""]
            lines += [f"{n}. {self.live.items[i].title}" for n, i in enumerate(column, 1)]
        self.card.setMarkdown("\n".join(lines))

    def record(self, *, decision: bool) -> Outcome | None:
        """Store a note or decision on the standup (and in the card's history)."""
        body = self.note.text().strip()
        if not body or self.standup_id is None:
            return None
        item_id = self.current_item() if self.about_card.isChecked() else None
        try:
            outcome = self.standups.add_note(self.standup_id, body, item_id, decision=decision)
        except KanbanError as error:
            show_error(self, error)
            return None
        self.note.clear()
        self.changed.emit(outcome)
        self.refresh_report()
        return outcome

    def refresh_report(self) -> None:
        if self.standup_id is None:
            return
        box = getattr(self, "include_confidential", None)
        report = self.standups.report(self.standup_id, include_confidential=bool(
            box is not None and box.isChecked()))
        self.report_view.setHtml(render_html(report, current_language()))

    # -- the end -------------------------------------------------------------------------
    def end(self) -> Outcome | None:
        if self.standup_id is None:
            return None
        try:
            outcome = self.standups.end(self.standup_id)
        except KanbanError as error:
            show_error(self, error)
            return None
        self.ticker.stop()
        self.changed.emit(outcome)
        self.refresh_report()
        self.where.setText(self.tr("Ended: save the report (PDF, HTML or Markdown)."))
        self.save_button.setEnabled(True)
        return outcome

    def save_report(self, path: str | Path) -> Path:
        """Write the standup's report as Markdown, HTML or PDF, by the file's ending; the
        service records it (with whether confidential details are in it)."""
        assert self.standup_id is not None
        from kanban_sec.ui.report_pdf import write_pdf

        target = Path(path)
        self.standups.lang = current_language()
        self.standups.write_report(target, self.standup_id,
                                   include_confidential=self.include_confidential.isChecked(),
                                   pdf_writer=write_pdf)
        return target

    def _offer_save(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the standup report"), "standup.pdf",
            self.tr("PDF (*.pdf);;HTML (*.html);;Markdown (*.md)"))
        if path:
            try:
                self.save_report(path)
            except (KanbanError, OSError) as error:
                show_error(self, error if isinstance(error, KanbanError) else str(error))

    def closeEvent(self, event: object) -> None:
        self.ticker.stop()
        super().closeEvent(event)  # type: ignore[arg-type]

