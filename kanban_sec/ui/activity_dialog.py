"""One recurring activity of the annual wheel, new or changed: when it falls in plain words
(with the RRULE underneath and its next dates), its chain and link, and its items' defaults."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kanban_sec.domain import annual_wheel as wheel
from kanban_sec.domain.annual_wheel import Activity, Overdue
from kanban_sec.domain.errors import BadInput
from kanban_sec.domain.fields import format_tags, parse_tags
from kanban_sec.domain.model import SCALE_MAX, SCALE_MIN, Effort
from kanban_sec.domain.recurrence import to_rrule
from kanban_sec.domain.recurrence_words import describe
from kanban_sec.services.live_board import LiveBoard
from kanban_sec.ui.i18n import current_language
from kanban_sec.ui.link_choices import fill_link_choices
from kanban_sec.ui.ros_matrix import consequence_label, likelihood_label
from kanban_sec.ui.screen_fit import fit_to_screen, scrolling

#: How many of the next dates the rule preview lists.
NEXT_DATES = 4


@dataclass(frozen=True)
class RuleReading:
    """What the typed rule means: the stored RRULE, its words and next dates, or why not."""

    rrule: str | None
    words: str
    next_days: tuple[date, ...]
    problem: str


def read_rule(text: str, starts_on: date, today: date, lang: str) -> RuleReading:
    """The typed rule (words or RRULE) read for the preview, never raising."""
    if not text.strip():
        return RuleReading(None, "", (), "")
    try:
        rule = wheel.check_rule(to_rrule(text), starts_on)
    except BadInput as error:
        return RuleReading(None, "", (), error.message(lang))
    first = max(today, starts_on)
    days = wheel.occurrences(
        rule, starts_on, first, date(min(first.year + 30, 9998), 12, 31), limit=NEXT_DATES
    )
    return RuleReading(rule, describe(rule, lang) or "", tuple(days), "")


class ActivityDialog(QDialog):
    """Add or change an activity; :meth:`values` holds the fields for the service."""

    def __init__(
        self,
        live: LiveBoard,
        activity: Activity | None = None,
        parent: QWidget | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("activity-dialog")
        self.live = live
        self.activity = activity
        self.today = today or date.today()
        self.setWindowTitle(
            self.tr("New recurring activity")
            if activity is None
            else self.tr("Change recurring activity")
        )
        board = live.board

        self.title = QLineEdit()
        self.title.setObjectName("activity-title")
        self.title.setPlaceholderText(self.tr("e.g. Restore test of the backups"))
        self.when = QLineEdit()
        self.when.setObjectName("activity-when")
        self.when.setPlaceholderText(
            self.tr("In words, e.g. “second Tuesday of every month”, or an RRULE")
        )
        self.when.setToolTip(
            self.tr(
                "Write how often in Norwegian or English — “andre tirsdag i hver måned”, "
                "“last Friday of every month”, “every weekday”, “hvert kvartal”, “every year "
                "on 1 March”, “first Monday in March” — or an RFC 5545 RRULE such as "
                "FREQ=MONTHLY;BYDAY=2TU."
            )
        )
        self.words = QLabel()
        self.words.setObjectName("activity-words")
        self.words.setWordWrap(True)
        bold = QFont(self.words.font())
        bold.setBold(True)
        self.words.setFont(bold)
        self.rrule = QLabel()
        self.rrule.setObjectName("activity-rrule")
        self.rrule.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.rrule.setFont(mono)
        self.rrule.setEnabled(False)  # the palette's muted colour: the words come first
        self.next_days = QLabel()
        self.next_days.setObjectName("activity-next")
        self.next_days.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setObjectName("activity-problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #c62828;")
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        when_box = QWidget()
        when_layout = QVBoxLayout(when_box)
        when_layout.setContentsMargins(0, 0, 0, 0)
        when_layout.setSpacing(2)
        for widget in (self.when, self.words, self.rrule, self.next_days, self.problem):
            when_layout.addWidget(widget)

        self.starts = QDateEdit()
        self.starts.setObjectName("activity-starts")
        self.starts.setCalendarPopup(True)
        self.starts.setDisplayFormat(QLocale().dateFormat(QLocale.FormatType.ShortFormat))
        self.lead = QSpinBox()
        self.lead.setObjectName("activity-lead")
        self.lead.setRange(0, 366)
        self.lead.setSuffix(self.tr(" days before"))
        self.overdue = QComboBox()
        self.overdue.setObjectName("activity-overdue")
        self.overdue.addItem(self.tr("Create its item late"), Overdue.CREATE.value)
        self.overdue.addItem(self.tr("Skip to the next date"), Overdue.SKIP.value)

        self.chain = QComboBox()
        self.chain.setObjectName("activity-chain")
        self.chain.addItem(self.tr("(no chain)"), None)
        for chain in sorted(board.chains.values(), key=lambda c: c.name.casefold()):
            self.chain.addItem(chain.name, chain.id)
        self.link = QComboBox()
        self.link.setObjectName("activity-link")
        self.chain.currentIndexChanged.connect(lambda _: self._fill_links(None))
        self.likelihood = self._scale("activity-likelihood")
        self.consequence = self._scale("activity-consequence")
        self.likelihood_word = QLabel()
        self.consequence_word = QLabel()
        for label in (self.likelihood_word, self.consequence_word):
            label.setEnabled(False)
        self.likelihood.valueChanged.connect(self._scale_words)
        self.consequence.valueChanged.connect(self._scale_words)

        self.owner = QComboBox()
        self.owner.setObjectName("activity-owner")
        self.owner.addItem(self.tr("(no owner)"), None)
        for person in sorted(board.people.values(), key=lambda p: p.name.casefold()):
            unit = live.unit_path(person.unit_id).rsplit(" / ", 1)[-1]
            self.owner.addItem(
                f"{person.name} · {unit}" if unit else person.name, f"person:{person.id}"
            )
        for unit_id in sorted(board.units, key=lambda u: live.unit_path(u).casefold()):
            self.owner.addItem(live.unit_path(unit_id), f"unit:{unit_id}")
        self.effort = QComboBox()
        self.effort.setObjectName("activity-effort")
        self.effort.addItem(self.tr("(not estimated)"), None)
        for effort in Effort:
            self.effort.addItem(effort.value, effort.value)
        self.framework_ref = QLineEdit()
        self.framework_ref.setObjectName("activity-framework-ref")
        self.framework_ref.setPlaceholderText(self.tr("e.g. ISO 27001 8.2"))
        self.tags = QLineEdit()
        self.tags.setObjectName("activity-tags")
        self.tags.setPlaceholderText(self.tr("Separate tags with ; or ,"))
        self.tags.setToolTip(
            self.tr(
                "The tag ROS (or ros-analyse, ros-analysis) makes this activity its chain's ROS "
                "duty: when an occurrence's item is put on the board, a ROS analysis of the "
                "chain is opened for that occurrence, dated its day, once."
            )
        )
        self.description = QPlainTextEdit()
        self.description.setObjectName("activity-description")
        self.description.setPlaceholderText(self.tr("What to do, and who takes part"))
        self.description.setMinimumHeight(90)

        for combo in (self.chain, self.link, self.owner, self.overdue, self.effort):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(20)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        rows: list[tuple[str, QWidget, QWidget]] = [
            (self.tr("&Title:"), self.title, self.title),
            (self.tr("&When:"), when_box, self.when),
            (self.tr("&First day:"), self.starts, self.starts),
            (self.tr("On the &board:"), self.lead, self.lead),
            (self.tr("If &missed:"), self.overdue, self.overdue),
            (self.tr("C&hain:"), self.chain, self.chain),
            (self.tr("&Link:"), self.link, self.link),
            (
                self.tr("L&ikelihood:"),
                self._beside(self.likelihood, self.likelihood_word),
                self.likelihood,
            ),
            (
                self.tr("Co&nsequence:"),
                self._beside(self.consequence, self.consequence_word),
                self.consequence,
            ),
            (self.tr("&Owner:"), self.owner, self.owner),
            (self.tr("E&ffort:"), self.effort, self.effort),
            (self.tr("F&ramework ref.:"), self.framework_ref, self.framework_ref),
            (self.tr("Ta&gs:"), self.tags, self.tags),
            (self.tr("&Description:"), self.description, self.description),
        ]
        for text, field, buddy in rows:
            label = QLabel(text)
            label.setBuddy(buddy)
            form.addRow(label, field)
        form_box = QWidget()
        form_box.setLayout(form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(form_box, "activity-form"), 1)
        layout.addWidget(self.buttons)

        self._load(activity)
        self.title.textChanged.connect(self._validate)
        self.when.textChanged.connect(self._validate)
        self.starts.dateChanged.connect(self._validate)
        self._validate()
        self.resize(640, 760)
        fit_to_screen(self)

    # -- building ----------------------------------------------------------------------
    def _scale(self, name: str) -> QSpinBox:
        box = QSpinBox()
        box.setObjectName(name)
        box.setRange(SCALE_MIN, SCALE_MAX)
        return box

    @staticmethod
    def _beside(box: QWidget, label: QLabel) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(box)
        layout.addWidget(label, 1)
        return row

    def _load(self, activity: Activity | None) -> None:
        start = activity.starts_on if activity else self.today
        self.starts.setDate(QDate(start.year, start.month, start.day))
        if activity is None:
            self.lead.setValue(14)
            self.likelihood.setValue(3)
            self.consequence.setValue(3)
            self._fill_links(None)
            self._scale_words()
            return
        self.title.setText(activity.title)
        words = describe(activity.rrule, current_language())
        self.when.setText(words or activity.rrule)
        self.lead.setValue(activity.lead_days)
        self.overdue.setCurrentIndex(max(self.overdue.findData(activity.overdue.value), 0))
        self.chain.setCurrentIndex(max(self.chain.findData(activity.chain_id), 0))
        self._fill_links(activity.link_id)
        self.likelihood.setValue(activity.likelihood)
        self.consequence.setValue(activity.consequence)
        owner = (
            f"person:{activity.owner_person_id}"
            if activity.owner_person_id
            else f"unit:{activity.owner_unit_id}"
            if activity.owner_unit_id
            else None
        )
        self.owner.setCurrentIndex(max(self.owner.findData(owner), 0))
        self.effort.setCurrentIndex(
            max(self.effort.findData(activity.effort.value if activity.effort else None), 0)
        )
        self.framework_ref.setText(activity.framework_ref)
        self.tags.setText(format_tags(activity.tags))
        self.description.setPlainText(activity.description)
        self._scale_words()

    def _fill_links(self, keep: str | None) -> None:
        """Only the chosen chain's links; "(whole chain)" is the chain's duty as a whole."""
        chain_id = self.chain.currentData()
        keep = keep or self.link.currentData()
        fill_link_choices(self.link, self.live, chain_id, keep)

    def _scale_words(self) -> None:
        self.likelihood_word.setText(likelihood_label(self.likelihood.value()).split(" ", 1)[1])
        self.consequence_word.setText(consequence_label(self.consequence.value()).split(" ", 1)[1])

    # -- the rule preview --------------------------------------------------------------
    def starts_on(self) -> date:
        qdate = self.starts.date()
        return date(qdate.year(), qdate.month(), qdate.day())

    def reading(self) -> RuleReading:
        return read_rule(self.when.text(), self.starts_on(), self.today, current_language())

    def _validate(self) -> None:
        found = self.reading()
        self.words.setText(
            found.words or (self.tr("(no plain words for this rule)") if found.rrule else "")
        )
        self.rrule.setText(f"RRULE: {found.rrule}" if found.rrule else "")
        locale = self.locale()
        self.next_days.setText(
            self.tr("Next: %1").replace(
                "%1",
                ", ".join(
                    locale.toString(QDate(d.year, d.month, d.day), QLocale.FormatType.ShortFormat)
                    for d in found.next_days
                ),
            )
            if found.next_days
            else ""
        )
        if not self.when.text().strip():
            self.problem.setText(self.tr("Say how often, in words or as an RRULE."))
        else:
            self.problem.setText(found.problem)
        for widget in (self.words, self.rrule, self.next_days):
            widget.setVisible(bool(widget.text()))
        self.problem.setVisible(bool(self.problem.text()))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(found.rrule is not None and bool(self.title.text().strip()))

    # -- the result --------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        """The activity's fields as the service takes them (domain values)."""
        kind, _, owner_id = (self.owner.currentData() or "").partition(":")
        effort = self.effort.currentData()
        found = self.reading()
        return {
            "title": self.title.text(),
            "rrule": found.rrule or self.when.text(),
            "starts_on": self.starts_on(),
            "lead_days": self.lead.value(),
            "overdue": Overdue(self.overdue.currentData()),
            "chain_id": self.chain.currentData(),
            "link_id": self.link.currentData() if self.chain.currentData() else None,
            "likelihood": self.likelihood.value(),
            "consequence": self.consequence.value(),
            "owner_unit_id": owner_id if kind == "unit" else None,
            "owner_person_id": owner_id if kind == "person" else None,
            "effort": Effort(effort) if effort else None,
            "framework_ref": self.framework_ref.text(),
            "tags": parse_tags(self.tags.text()),
            "description": self.description.toPlainText(),
        }
