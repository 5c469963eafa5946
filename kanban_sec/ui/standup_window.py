"""Standup mode: the team lead picks a team, walks the board right to left with a timer,
sees exactly what changed since the last standup, acts on the card in front of everyone
(move, block, owner, comment: the board's own services, under the rulebook), records notes
and decisions, and ends with a report saved under the standup's date."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

from PySide6.QtCore import (
    QDate,
    QElapsedTimer,
    QEvent,
    QLocale,
    QSettings,
    QStandardPaths,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeySequence, QTextOption
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
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
from kanban_sec.domain.model import Item, Status
from kanban_sec.exchange.standup_report import render_html
from kanban_sec.services.live_board import LiveBoard
from kanban_sec.services.outcome import Outcome
from kanban_sec.services.standup import StandupService
from kanban_sec.ui.board_widget import status_name
from kanban_sec.ui.i18n import Texts, current_language
from kanban_sec.ui.notify import show_error
from kanban_sec.ui.owner_picker import OwnerPicker
from kanban_sec.ui.screen_fit import fit_to_screen, scrolling

_EVERYONE = "__everyone__"
#: Where the last standup report was saved (the next one is offered there).
_FOLDER_KEY = "standup/report_folder"
#: How many of a card's newest comments the standup shows under it.
_COMMENTS_SHOWN = 3
_MARKDOWN_SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\`*_[]<>#|"})


def _plain(text: str) -> str:
    """User text shown as itself inside Markdown (one line, specials escaped)."""
    return " ".join(text.split()).translate(_MARKDOWN_SPECIAL)


class StandupWindow(QDialog):
    """Set up (date, attendees, whose items), then walk, record, end and report."""

    changed = Signal(object)
    #: ``(outcome, what was done)`` after an act on a card, the live board already brought
    #: up to date: the board shows it and can undo it.
    acted = Signal(object, str)

    def __init__(
        self, standups: StandupService, live: LiveBoard, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("standup-window")
        self.texts = Texts()
        self.texts.bind(self.setWindowTitle, lambda: self.tr("Weekly standup"))
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
        fit_to_screen(self)
        running = standups.running()
        if running is not None:  # a standup left open (e.g. the window was closed)
            self._begin(running.id)

    def retranslate(self) -> None:
        """Every text in the window's language (after a switch): the form, the card in
        front, the report, and what the service writes (a note's comment on a card)."""
        self.standups.session = self.standups.session.speaking(current_language())
        self.setLocale(QLocale())
        self.held_on.setDisplayFormat(QLocale().dateFormat(QLocale.FormatType.ShortFormat))
        self.texts.again()
        self._team_texts()
        for row in range(self.move_to.count()):
            self.move_to.setItemText(row, status_name(Status(self.move_to.itemData(row))))
        self.block_button.setText(self.tr("Block"))  # the card in front may say Unblock
        if self.standup_id is not None:
            ended = self.save_button.isEnabled()
            self.show_position()
            self.refresh_report()
            if ended:
                self.where.setText(self.tr("Ended: save the report (PDF, HTML or Markdown)."))

    def changeEvent(self, event: QEvent) -> None:
        if (
            event.type() == QEvent.Type.LanguageChange
            and hasattr(self, "actions_box")
            and self.texts.outdated()
        ):
            self.retranslate()
        super().changeEvent(event)

    # -- set-up --------------------------------------------------------------------------
    def _setup_page(self) -> QWidget:
        page = QWidget()
        self.held_on = QDateEdit()
        self.held_on.setObjectName("standup-date")
        self.held_on.setCalendarPopup(True)
        self.held_on.setDisplayFormat(QLocale().dateFormat(QLocale.FormatType.ShortFormat))
        today = date.today()
        self.held_on.setDate(QDate(today.year, today.month, today.day))
        self.team = QComboBox()
        self.team.setObjectName("standup-team")
        self.team.addItem("", None)
        for unit_id, _members in self._teams():
            self.team.addItem("", unit_id)
        self.texts.bind(
            self.team.setToolTip,
            lambda: self.tr(
                "Ticks the team's members (its sub-units' too) and shows the team's items; adjust "
                "the ticks by hand after."
            ),
        )
        self.team.activated.connect(lambda _row: self.pick_team(self.team.currentData()))
        self.attendees = QListWidget()
        self.attendees.setObjectName("standup-attendees")
        for person in sorted(self.live.board.people.values(), key=lambda p: p.name.casefold()):
            row = QListWidgetItem(f"{person.name} — {self.live.unit_path(person.unit_id)}")
            row.setData(Qt.ItemDataRole.UserRole, person.id)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(
                Qt.CheckState.Checked if person.id == self.live.me else Qt.CheckState.Unchecked
            )
            self.attendees.addItem(row)
        self.owner = QComboBox()
        self.owner.setObjectName("standup-owner")
        self.owner.addItem("", _EVERYONE)
        for unit_id in sorted(
            self.live.board.units, key=lambda u: self.live.unit_path(u).casefold()
        ):
            self.owner.addItem(self.live.unit_path(unit_id), unit_id)
        self.with_backlog = QCheckBox()
        self.with_backlog.setObjectName("standup-backlog")
        self.texts.bind(self.with_backlog.setText, lambda: self.tr("Walk the backlog too"))
        self.by_column = QCheckBox()
        self.by_column.setObjectName("standup-by-column")
        self.texts.bind(
            self.by_column.setText, lambda: self.tr("A column at a time (else a card at a time)")
        )
        start = QPushButton()
        start.setObjectName("standup-start")
        self.texts.bind(start.setText, lambda: self.tr("Start the standup"))
        start.clicked.connect(self.start)
        self.attendees.setMinimumHeight(120)
        form = QWidget()
        layout = QVBoxLayout(form)
        title = QLabel()
        self.texts.bind(
            title.setText,
            lambda: self.tr(
                "<h2>Weekly standup</h2><p>The board is walked from right to left: what is "
                "nearly done first.</p>"
            ),
        )
        layout.addWidget(title)
        grid = QGridLayout()
        date_label = self._label(lambda: self.tr("&Date"))
        date_label.setBuddy(self.held_on)
        grid.addWidget(date_label, 0, 0)
        grid.addWidget(self.held_on, 0, 1, Qt.AlignmentFlag.AlignLeft)
        team_label = self._label(lambda: self.tr("&Team"))
        team_label.setBuddy(self.team)
        grid.addWidget(team_label, 1, 0)
        grid.addWidget(self.team, 1, 1)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        here = self._label(lambda: self.tr("&Who is here"))
        here.setBuddy(self.attendees)
        layout.addWidget(here)
        layout.addWidget(self.attendees, 1)
        whose = self._label(lambda: self.tr("Whose &items"))
        whose.setBuddy(self.owner)
        layout.addWidget(whose)
        layout.addWidget(self.owner)
        layout.addWidget(self.with_backlog)
        layout.addWidget(self.by_column)
        # The form scrolls on a small screen; Start stays below it, always in sight.
        outer = QVBoxLayout(page)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolling(form, "standup-setup-scroll"), 1)
        outer.addWidget(start, 0, Qt.AlignmentFlag.AlignRight)
        self._team_texts()
        return page

    def _label(self, text: Callable[[], str]) -> QLabel:
        """A label whose text follows the language."""
        label = QLabel()
        self.texts.bind(label.setText, text)
        return label

    def _team_texts(self) -> None:
        """The team and whose-items choices' words (unit paths stay as they are)."""
        self.team.setItemText(0, self.tr("Choose a team…"))
        for row, (unit_id, members) in enumerate(self._teams(), 1):
            if self.team.itemData(row) == unit_id:
                self.team.setItemText(
                    row,
                    self.tr("%1 (%2 people)")
                    .replace("%1", self.live.unit_path(unit_id))
                    .replace("%2", self.locale().toString(members)),
                )
        self.owner.setItemText(0, self.tr("Everyone's items"))

    def _teams(self) -> list[tuple[str, int]]:
        """Units with people in them or below them, by path: (unit id, how many people)."""
        tree = self.live.tree
        out = []
        for unit_id in sorted(
            self.live.board.units, key=lambda u: self.live.unit_path(u).casefold()
        ):
            units = set(tree.subtree(unit_id))
            members = sum(1 for p in self.live.board.people.values() if p.unit_id in units)
            if members:
                out.append((unit_id, members))
        return out

    def pick_team(self, unit_id: str | None) -> None:
        """Tick the team's members (those of its sub-units too) and whoever runs the
        standup, untick the rest, and walk the team's items."""
        if unit_id is None:
            return
        units = set(self.live.tree.subtree(unit_id))
        for row in range(self.attendees.count()):
            entry = self.attendees.item(row)
            person = self.live.board.people.get(entry.data(Qt.ItemDataRole.UserRole))
            ticked = person is not None and (person.unit_id in units or person.id == self.live.me)
            entry.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        found = self.owner.findData(unit_id)
        if found >= 0:
            self.owner.setCurrentIndex(found)

    def chosen_attendees(self) -> list[str]:
        return [
            self.attendees.item(r).data(Qt.ItemDataRole.UserRole)
            for r in range(self.attendees.count())
            if self.attendees.item(r).checkState() == Qt.CheckState.Checked
        ]

    def start(self) -> None:
        held_on: date = self.held_on.date().toPython()  # type: ignore[assignment]
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
            include_backlog=self.with_backlog.isChecked(),
        )
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
        previous = QPushButton()
        previous.setObjectName("standup-previous")
        self.texts.bind(previous.setText, lambda: self.tr("◀ Previous"))
        previous.clicked.connect(lambda: self.step(-1))
        previous.setShortcut(QKeySequence("Alt+Left"))
        self.texts.bind(previous.setToolTip, lambda: self.tr("The card before (Alt+Left)"))
        following = QPushButton()
        following.setObjectName("standup-next")
        self.texts.bind(following.setText, lambda: self.tr("Next ▶"))
        following.clicked.connect(lambda: self.step(1))
        following.setShortcut(QKeySequence("Alt+Right"))
        self.texts.bind(following.setToolTip, lambda: self.tr("The next card (Alt+Right)"))
        self.note = QLineEdit()
        self.note.setObjectName("standup-note")
        self.texts.bind(self.note.setPlaceholderText, lambda: self.tr("A note or a decision…"))
        self.about_card = QCheckBox()
        self.texts.bind(self.about_card.setText, lambda: self.tr("About this card"))
        self.about_card.setChecked(True)
        note_button = QPushButton()
        note_button.setObjectName("standup-add-note")
        self.texts.bind(note_button.setText, lambda: self.tr("Add note"))
        note_button.clicked.connect(lambda: self.record(decision=False))
        decision_button = QPushButton()
        decision_button.setObjectName("standup-add-decision")
        self.texts.bind(decision_button.setText, lambda: self.tr("Record decision"))
        decision_button.clicked.connect(lambda: self.record(decision=True))
        end = QPushButton()
        end.setObjectName("standup-end")
        self.texts.bind(end.setText, lambda: self.tr("End the standup"))
        end.clicked.connect(self.end)
        self.save_button = QPushButton()
        self.save_button.setObjectName("standup-save")
        self.texts.bind(self.save_button.setText, lambda: self.tr("Save report…"))
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self._offer_save)
        self.include_confidential = QCheckBox()
        self.include_confidential.setObjectName("standup-include-confidential")
        self.texts.bind(self.include_confidential.setText, lambda: self.tr("Confidential details"))
        self.texts.bind(
            self.include_confidential.setToolTip,
            lambda: self.tr(
                "Show and save confidential items' titles and notes. Without it they appear as "
                "“Confidential item …id”. A saved report records this choice."
            ),
        )
        self.include_confidential.toggled.connect(lambda _on: self.refresh_report())
        self.report_view = QTextBrowser()
        self.report_view.setObjectName("standup-report")
        # Between words only: a long word widens its column (scrolling sideways if need
        # be) rather than being cut in two.
        self.report_view.setWordWrapMode(QTextOption.WrapMode.WordWrap)

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
        walk_layout.addWidget(self._card_actions())
        walk_layout.addWidget(self.note)  # a line of its own: room to write on a laptop
        note_row = QHBoxLayout()
        note_row.addWidget(self.about_card)
        note_row.addStretch(1)
        note_row.addWidget(note_button)
        note_row.addWidget(decision_button)
        walk_layout.addLayout(note_row)
        splitter = QSplitter()
        splitter.addWidget(walk)
        splitter.addWidget(self.report_view)
        splitter.setSizes([470, 730])  # the report's tables need the room
        self.status = QLabel()
        self.status.setObjectName("standup-status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        return page

    def _card_actions(self) -> QGroupBox:
        """Move, block or unblock, give to another owner, comment: the card in front."""
        box = QGroupBox()
        box.setObjectName("standup-card-actions")
        self.texts.bind(box.setTitle, lambda: self.tr("On this card"))
        self.actions_box = box
        self.move_to = QComboBox()
        self.move_to.setObjectName("standup-move")
        for status in Status:
            self.move_to.addItem(status_name(status), status.value)
        self.move_to.activated.connect(
            lambda _row: self.move_card(Status(self.move_to.currentData()))
        )
        self.card_owner = QLabel()
        self.card_owner.setObjectName("standup-card-owner")
        self.card_owner.setWordWrap(True)
        assign = QPushButton()
        assign.setObjectName("standup-assign")
        self.texts.bind(assign.setText, lambda: self.tr("Change &owner…"))
        assign.clicked.connect(self.choose_owner)
        self.block_reason = QLineEdit()
        self.block_reason.setObjectName("standup-block-reason")
        self.texts.bind(
            self.block_reason.setPlaceholderText, lambda: self.tr("What is it waiting for?")
        )
        self.block_reason.returnPressed.connect(self.toggle_block)
        self.block_button = QPushButton(self.tr("Block"))
        self.block_button.setObjectName("standup-block")
        self.block_button.clicked.connect(self.toggle_block)
        self.comment = QLineEdit()
        self.comment.setObjectName("standup-comment")
        self.texts.bind(
            self.comment.setPlaceholderText, lambda: self.tr("A comment on the card, for everyone…")
        )
        self.comment.returnPressed.connect(self.add_comment)
        comment_button = QPushButton()
        comment_button.setObjectName("standup-add-comment")
        self.texts.bind(comment_button.setText, lambda: self.tr("Comment"))
        comment_button.clicked.connect(self.add_comment)
        grid = QGridLayout(box)
        column_label = self._label(lambda: self.tr("&Column"))
        column_label.setBuddy(self.move_to)
        grid.addWidget(column_label, 0, 0)
        grid.addWidget(self.move_to, 0, 1)
        grid.addWidget(self._label(lambda: self.tr("Owner")), 0, 2)
        grid.addWidget(self.card_owner, 0, 3)
        grid.addWidget(assign, 0, 4)
        blocked_label = self._label(lambda: self.tr("B&locked because"))
        blocked_label.setBuddy(self.block_reason)
        grid.addWidget(blocked_label, 1, 0)
        grid.addWidget(self.block_reason, 1, 1, 1, 3)
        grid.addWidget(self.block_button, 1, 4)
        comment_label = self._label(lambda: self.tr("Co&mment"))
        comment_label.setBuddy(self.comment)
        grid.addWidget(comment_label, 2, 0)
        grid.addWidget(self.comment, 2, 1, 1, 3)
        grid.addWidget(comment_button, 2, 4)
        grid.setColumnStretch(3, 1)
        return box

    # -- acting on the card --------------------------------------------------------------
    def _act(self, call: Callable[[str], Outcome], text: str) -> Outcome | None:
        """Run one board service call on the card in front; a refusal is one message and
        nothing is written. The live board, the card and the report show it at once."""
        item_id = self.current_item()
        if item_id is None:
            return None
        try:
            outcome = call(item_id)
        except KanbanError as error:
            show_error(self, error)
            self.show_position()  # back to how the card stands
            return None
        self.live.apply(outcome)
        self.acted.emit(outcome, text)
        self.show_position()
        self.refresh_report()
        warnings = [w.render(current_language()) for w in outcome.warnings]
        self.status.setText(" ".join(warnings))
        return outcome

    def move_card(self, status: Status) -> Outcome | None:
        """Move the card in front to another column."""
        item = self.live.items.get(self.current_item() or "")
        if item is None or item.status is status:
            return None
        return self._act(lambda i: self.live.service.move(i, status), self.tr("Move"))

    def toggle_block(self) -> Outcome | None:
        """Block the card with the reason typed, or unblock a blocked one."""
        item = self.live.items.get(self.current_item() or "")
        if item is None:
            return None
        if item.blocked:
            return self._act(self.live.service.unblock, self.tr("Unblock"))
        reason = self.block_reason.text()
        return self._act(lambda i: self.live.service.block(i, reason), self.tr("Block"))

    def add_comment(self) -> Outcome | None:
        """Comment on the card in front (it shows in the card's history)."""
        body = self.comment.text()
        outcome = self._act(lambda i: self.live.service.add_comment(i, body), self.tr("Comment"))
        if outcome is not None:
            self.comment.clear()
        return outcome

    def choose_owner(self) -> QDialog | None:
        """The owner picker for the card in front; OK gives the card to the one chosen."""
        item_id = self.current_item()
        item = self.live.items.get(item_id or "")
        if item is None:
            return None
        dialog = QDialog(self)
        dialog.setObjectName("standup-owner-dialog")
        dialog.setWindowTitle(self.tr("Owner of “%1”").replace("%1", item.title))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        picker = OwnerPicker(self.live, item_id, dialog)
        picker.set_selected(item.owner_unit_id, item.owner_person_id)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(picker, 1)
        layout.addWidget(buttons)
        dialog.resize(640, 560)
        fit_to_screen(dialog)

        def chosen() -> None:
            unit_id, person_id = picker.selected()
            self._act(
                lambda i: self.live.service.assign(i, unit_id, person_id), self.tr("Change owner")
            )

        dialog.accepted.connect(chosen)
        self.owner_dialog = dialog
        dialog.open()
        return dialog

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
            while (
                0 <= position + direction < len(self.order)
                and self._status(self.order[position]) == column
            ):
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
            self.actions_box.setEnabled(False)
            return
        item = self.live.items[item_id]
        self._show_actions(item)
        column = [i for i in self.order if self._status(i) is item.status]
        self.where.setText(
            self.tr("%1 · card %2 of %3 · %4 in all")
            .replace("%1", status_name(item.status))
            .replace("%2", str(column.index(item_id) + 1))
            .replace("%3", str(len(column)))
            .replace("%4", str(len(self.order)))
        )
        ranked = self.live.ranking.get(item_id)
        entered = item.status_changed_at or item.created_at
        days = (datetime.now(UTC) - entered).days if entered else 0
        lines = [f"## {item.title}", ""]
        if ranked is not None:
            lines += [f"> {ranked.explanation(current_language())}", ""]
        lines += [
            "- " + self.tr("**Owner:** %1").replace("%1", self.live.owner_text(item) or "—"),
            "- "
            + self.tr("**In this column:** %1").replace(
                "%1", self.tr("%1 days").replace("%1", str(days))
            ),
        ]
        if item.blocked_reason:
            lines.append("- " + self.tr("**Blocked:** %1").replace("%1", item.blocked_reason))
        if self.live.delegation(item_id).can_be_delegated:
            lines.append("- **" + self.tr("Can be delegated") + "**")
        if self.by_column.isChecked():
            lines += ["", f"**{status_name(item.status)}**", ""]
            lines += [f"{n}. {self.live.items[i].title}" for n, i in enumerate(column, 1)]
        comments = self.live.service.comments(item_id)[-_COMMENTS_SHOWN:]
        if comments:
            lines += ["", "**" + self.tr("Latest comments") + "**", ""]
            lines += [f"- {_plain(c.body)} — *{_plain(c.author)}*" for c in comments]
        self.card.setMarkdown("\n".join(lines))

    def _show_actions(self, item: Item) -> None:
        """The action row as the card stands: its column, owner, block."""
        self.actions_box.setEnabled(True)
        self.move_to.setCurrentIndex(self.move_to.findData(item.status.value))
        self.card_owner.setText(self.live.owner_text(item) or self.tr("(no owner)"))
        self.block_reason.setText(item.blocked_reason)
        self.block_reason.setCursorPosition(0)  # the reason's start, not its end
        self.block_reason.setReadOnly(item.blocked)
        self.block_button.setText(self.tr("Unblock") if item.blocked else self.tr("Block"))

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
        report = self.standups.report(
            self.standup_id, include_confidential=bool(box is not None and box.isChecked())
        )
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
        self.standups.session = self.standups.session.speaking(current_language())
        self.standups.write_report(
            target,
            self.standup_id,
            include_confidential=self.include_confidential.isChecked(),
            pdf_writer=write_pdf,
        )
        return target

    def default_report_name(self, suffix: str = ".pdf") -> str:
        """``standup-YYYY-MM-DD.pdf``: the standup's own date."""
        if self.standup_id:
            held_on = self.standups.get(self.standup_id).held_on
        else:
            held_on = self.held_on.date().toPython()  # type: ignore[assignment]
        return f"standup-{held_on.isoformat()}{suffix}"

    def _offer_save(self) -> QFileDialog:
        """Ask where, under the standup's dated name in the folder used last time."""
        settings = QSettings()
        folder = (
            str(settings.value(_FOLDER_KEY, "") or "")
            or QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            or str(Path.home())
        )
        dialog = QFileDialog(
            self, self.tr("Save the standup report"), str(Path(folder) / self.default_report_name())
        )
        dialog.setObjectName("standup-save-dialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        filters = {
            self.tr("PDF (*.pdf)"): ".pdf",
            self.tr("HTML (*.html)"): ".html",
            self.tr("Markdown (*.md)"): ".md",
        }
        dialog.setNameFilters(list(filters))
        dialog.setDefaultSuffix("pdf")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # Another format: the name keeps its date and takes that format's ending.
        dialog.filterSelected.connect(
            lambda name: dialog.selectFile(self.default_report_name(filters.get(name, ".pdf")))
        )
        dialog.fileSelected.connect(self._save_chosen)
        fit_to_screen(dialog)
        self.save_dialog = dialog
        dialog.open()
        return dialog

    def _save_chosen(self, path: str) -> None:
        try:
            target = self.save_report(path)
        except (KanbanError, OSError) as error:
            show_error(self, error if isinstance(error, KanbanError) else str(error))
            return
        QSettings().setValue(_FOLDER_KEY, str(target.parent))
        self.status.setText(self.tr("Report saved to %1").replace("%1", str(target)))

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        fit_to_screen(self)  # on the screen it opened on, wholly

    def closeEvent(self, event: object) -> None:
        self.ticker.stop()
        super().closeEvent(event)  # type: ignore[arg-type]
