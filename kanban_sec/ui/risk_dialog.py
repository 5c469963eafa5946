"""The risk dialog: IT's recommendation and the risk owner's decision for an item or a chain.

The subject (an item, or a whole chain) is shown with its risk owner and its place in the
risk matrix, then the decision in force and every risk case, newest first. IT (governing
and operational members) recommends; only the chain's risk owner decides. Each write is
one :class:`GovernanceService` call; its :class:`Outcome` is emitted with ``applied`` so
the main window re-ranks and can undo it. A refusal shows as an error dialog and leaves
what was typed in place.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kanban_sec.domain.errors import KanbanError
from kanban_sec.domain.governance import (
    CONSEQUENCE_LABELS,
    LIKELIHOOD_LABELS,
    Action,
    Band,
    Decision,
    RiskDecision,
)
from kanban_sec.domain.model import Person, Role, Status
from kanban_sec.services.governance import MAX_ACCEPTANCE_DAYS, GovernanceService
from kanban_sec.services.outcome import Outcome
from kanban_sec.ui.i18n import current_language, translate
from kanban_sec.ui.notify import show_error
from kanban_sec.ui.org_dialog import ask

#: Qt.UserRole payload of a case row: the risk decision's id.
CASE_ID_ROLE = Qt.ItemDataRole.UserRole
_CELL_TEXT_MAX = 60
_NOTE_STYLE = "color: #5f6368;"


def decision_label(decision: Decision | None) -> str:
    """A decision's name in the window's language (``—`` for none)."""
    if decision is None:
        return "—"
    return {
        Decision.ACCEPT: translate("RiskDialog", "Accept"),
        Decision.REDUCE: translate("RiskDialog", "Reduce"),
        Decision.SHARE: translate("RiskDialog", "Share"),
        Decision.AVOID: translate("RiskDialog", "Avoid"),
    }[decision]


def decision_hint(decision: Decision) -> str:
    return {
        Decision.ACCEPT: translate(
            "RiskDialog", "Live with the risk until a date; the work leaves the ranking until then"
        ),
        Decision.REDUCE: translate("RiskDialog", "Do the improvement work"),
        Decision.SHARE: translate(
            "RiskDialog", "Transfer part of the risk, e.g. by contract or insurance"
        ),
        Decision.AVOID: translate("RiskDialog", "Stop the activity that causes the risk"),
    }[decision]


def band_label(band: Band) -> str:
    return {
        Band.GREEN: translate("RiskDialog", "green band (acceptable)"),
        Band.YELLOW: translate("RiskDialog", "yellow band (acceptable with a rationale)"),
        Band.RED: translate("RiskDialog", "red band (cannot be accepted)"),
    }[band]


def local_day(day: date | None) -> str:
    """A date in the window's short date format (``—`` for none)."""
    if day is None:
        return "—"
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)


def local_time(moment: datetime | None) -> str:
    """A timestamp in local time, in the window's short format (``—`` for none)."""
    if moment is None:
        return "—"
    shown = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))
    return QLocale().toString(shown, QLocale.FormatType.ShortFormat)


def person_label(people: dict[str, Person], person_id: str | None) -> str:
    if not person_id:
        return "—"
    person = people.get(person_id)
    return person.name if person is not None else translate("RiskDialog", "(deleted person)")


def one_line(text: str, limit: int = _CELL_TEXT_MAX) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _in_a_year(today: date) -> date:
    try:
        return today.replace(year=today.year + 1)
    except ValueError:  # 29 February
        return today + timedelta(days=365)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class RiskDialog(QDialog):
    """Recommend, decide and withdraw risk decisions for one item or one whole chain."""

    #: Emitted with each :class:`Outcome` after a successful write.
    applied = Signal(object)

    def __init__(
        self,
        governance: GovernanceService,
        *,
        item_id: str | None = None,
        chain_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if (item_id is None) == (chain_id is None):
            raise ValueError("RiskDialog needs exactly one of item_id and chain_id")
        self.setObjectName("risk-dialog")
        self.governance = governance
        self.item_id = item_id
        self.chain_id = chain_id
        self.outcomes: list[Outcome] = []
        self.cases: list[RiskDecision] = []
        self._people: dict[str, Person] = {}
        self._subject = ""
        self._owner_path = ""

        self.setMinimumSize(860, 640)
        self.resize(1000, 720)
        self.setSizeGripEnabled(True)

        layout = QVBoxLayout(self)
        layout.addWidget(self._info_panel())
        layout.addWidget(self._cases_box(), 1)
        sides = QHBoxLayout()
        sides.addWidget(self._recommend_box(), 1)
        sides.addWidget(self._decide_box(), 1)
        layout.addLayout(sides)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)  # Return in a field must not press a button
            button.setDefault(False)

        self._load_subject()
        self.setWindowTitle(self.tr("Risk decision: %1").replace("%1", self._subject))
        self._set_rights()
        self.refresh()

    # -- building ----------------------------------------------------------------------
    def _info_panel(self) -> QWidget:
        frame = QFrame()
        frame.setObjectName("risk-subject")
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        self.subject_label = QLabel()
        self.subject_label.setObjectName("risk-subject-title")
        self.subject_label.setTextFormat(Qt.TextFormat.PlainText)
        self.subject_label.setWordWrap(True)
        bold = QFont(self.subject_label.font())
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.15)
        self.subject_label.setFont(bold)
        self.owner_label = QLabel()
        self.owner_label.setObjectName("risk-owner")
        self.owner_label.setTextFormat(Qt.TextFormat.PlainText)
        self.owner_label.setWordWrap(True)
        self.matrix_label = QLabel()
        self.matrix_label.setObjectName("risk-matrix-cell")
        self.matrix_label.setTextFormat(Qt.TextFormat.PlainText)
        self.matrix_label.setWordWrap(True)
        self.in_force_label = QLabel()
        self.in_force_label.setObjectName("risk-in-force")
        self.in_force_label.setTextFormat(Qt.TextFormat.PlainText)
        self.in_force_label.setWordWrap(True)
        bold_plain = QFont(self.in_force_label.font())
        bold_plain.setBold(True)
        self.in_force_label.setFont(bold_plain)
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(3)
        for label in (self.subject_label, self.owner_label, self.matrix_label, self.in_force_label):
            layout.addWidget(label)
        return frame

    def _cases_box(self) -> QWidget:
        box = QGroupBox(self.tr("Risk cases, newest first"))
        self.cases_table = QTableWidget(0, 6)
        self.cases_table.setObjectName("risk-cases")
        self.cases_table.setHorizontalHeaderLabels(
            [
                self.tr("Applies to"),
                self.tr("IT's recommendation"),
                self.tr("Decision"),
                self.tr("Rationale"),
                self.tr("Valid until"),
                self.tr("Decided"),
            ]
        )
        self.cases_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.cases_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.cases_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.cases_table.setAlternatingRowColors(True)
        self.cases_table.setWordWrap(False)
        self.cases_table.verticalHeader().hide()
        header = self.cases_table.horizontalHeader()
        for column in range(6):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.cases_table.itemSelectionChanged.connect(self._on_selection)
        self.case_detail = QLabel()
        self.case_detail.setObjectName("risk-case-detail")
        self.case_detail.setTextFormat(Qt.TextFormat.PlainText)
        self.case_detail.setWordWrap(True)
        self.case_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.case_detail.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.withdraw_button = QPushButton(self.tr("Withdraw"))
        self.withdraw_button.setObjectName("withdraw-button")
        self.withdraw_button.setToolTip(
            self.tr("Take the selected recommendation or decision back; it stays in the history")
        )
        self.withdraw_button.clicked.connect(self._ask_withdraw)
        below = QHBoxLayout()
        below.addWidget(self.case_detail, 1)
        below.addWidget(self.withdraw_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(box)
        layout.addWidget(self.cases_table, 1)
        layout.addLayout(below)
        return box

    def _decision_picker(self, name: str) -> QComboBox:
        picker = QComboBox()
        picker.setObjectName(name)
        for decision in Decision:
            picker.addItem(decision_label(decision), decision.value)
            picker.setItemData(
                picker.count() - 1, decision_hint(decision), Qt.ItemDataRole.ToolTipRole
            )
        return picker

    def _recommend_box(self) -> QWidget:
        box = QGroupBox(self.tr("IT's recommendation"))
        box.setObjectName("recommend-box")
        self.recommendation_choice = self._decision_picker("recommendation-choice")
        self.recommendation_choice.setCurrentIndex(list(Decision).index(Decision.REDUCE))
        self.recommendation_choice.setToolTip(
            self.tr("What IT advises the risk owner to do; the decision stays the risk owner's")
        )
        self.recommendation_note = QPlainTextEdit()
        self.recommendation_note.setObjectName("recommendation-note")
        self.recommendation_note.setPlaceholderText(
            self.tr("What IT sees: the weakness, what reducing it takes (optional)")
        )
        self.recommendation_note.setTabChangesFocus(True)
        self.recommendation_note.setMinimumHeight(60)
        self.recommendation_note.setMaximumHeight(110)
        self.recommend_button = QPushButton(self.tr("Recommend"))
        self.recommend_button.setObjectName("recommend-button")
        self.recommend_button.clicked.connect(self.recommend)
        self.recommend_note = QLabel()
        self.recommend_note.setObjectName("recommend-rights")
        self.recommend_note.setWordWrap(True)
        self.recommend_note.setStyleSheet(_NOTE_STYLE)
        form = QFormLayout()
        form.addRow(self.tr("Recommendation"), self.recommendation_choice)
        form.addRow(self.tr("Note"), self.recommendation_note)
        row = QHBoxLayout()
        row.addWidget(self.recommend_note, 1)
        row.addWidget(self.recommend_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(box)
        layout.addLayout(form, 1)
        layout.addLayout(row)
        return box

    def _decide_box(self) -> QWidget:
        box = QGroupBox(self.tr("Risk owner's decision"))
        box.setObjectName("decide-box")
        self.decision_choice = self._decision_picker("decision-choice")
        self.decision_choice.setCurrentIndex(list(Decision).index(Decision.REDUCE))
        self.decision_choice.currentIndexChanged.connect(self._on_decision_choice)
        self.rationale = QPlainTextEdit()
        self.rationale.setObjectName("rationale")
        self.rationale.setPlaceholderText(self.tr("Why this decision (required)"))
        self.rationale.setTabChangesFocus(True)
        self.rationale.setMinimumHeight(60)
        self.rationale.setMaximumHeight(110)
        today = self.governance.today()
        self.valid_until = QDateEdit()
        self.valid_until.setObjectName("valid-until")
        self.valid_until.setCalendarPopup(True)
        self.valid_until.setDisplayFormat(QLocale().dateFormat(QLocale.FormatType.ShortFormat))
        self.valid_until.setDateRange(
            _qdate(today), _qdate(today + timedelta(days=MAX_ACCEPTANCE_DAYS))
        )
        self.valid_until.setDate(_qdate(_in_a_year(today)))
        self.valid_until.setToolTip(
            self.tr("The last day the acceptance holds; the risk comes back on the board after it")
        )
        self.decide_button = QPushButton(self.tr("Decide"))
        self.decide_button.setObjectName("decide-button")
        self.decide_button.clicked.connect(self.decide)
        self.decide_note = QLabel()
        self.decide_note.setObjectName("decide-rights")
        self.decide_note.setWordWrap(True)
        self.decide_note.setStyleSheet(_NOTE_STYLE)
        form = QFormLayout()
        form.addRow(self.tr("Decision"), self.decision_choice)
        form.addRow(self.tr("Rationale"), self.rationale)
        form.addRow(self.tr("Valid until"), self.valid_until)
        row = QHBoxLayout()
        row.addWidget(self.decide_note, 1)
        row.addWidget(self.decide_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(box)
        layout.addLayout(form, 1)
        layout.addLayout(row)
        self._on_decision_choice()
        return box

    # -- loading -----------------------------------------------------------------------
    def _load_subject(self) -> None:
        """Title, risk owner and matrix cell of the item or chain (they do not change
        while the dialog is open)."""
        lang = current_language()
        bands = self.governance.bands()
        subject = self.governance.risk_subject(self.item_id, self.chain_id)
        item, chain, tree, people = subject.item, subject.chain, subject.tree, subject.people
        open_items = subject.open_items
        self._people = people
        owner_unit = chain.risk_owner_unit_id if chain is not None else None
        self._owner_path = tree.path(owner_unit) if owner_unit and owner_unit in tree.units else ""
        owner = self._owner_path or self.tr("no risk owner unit: a governing member decides")
        if item is not None:
            self._subject = item.title
            self.subject_label.setText(item.title)
            self.owner_label.setText(
                self.tr("Chain: %1 · risk owner: %2")
                .replace("%1", chain.name if chain is not None else self.tr("(no chain)"))
                .replace("%2", owner)
            )
            likely = LIKELIHOOD_LABELS.get(lang, LIKELIHOOD_LABELS["en"])
            serious = CONSEQUENCE_LABELS.get(lang, CONSEQUENCE_LABELS["en"])
            if item.likelihood is None or item.consequence is None:
                self.matrix_label.setText(
                    self.tr(
                        "Likelihood or consequence not assessed yet: assess both in the item "
                        "before the risk can be accepted."
                    )
                )
            else:
                self.matrix_label.setText(
                    self.tr("Likelihood %1 (%2) × consequence %3 (%4) = %5, %6")
                    .replace("%1", str(item.likelihood))
                    .replace("%2", likely[item.likelihood - 1])
                    .replace("%3", str(item.consequence))
                    .replace("%4", serious[item.consequence - 1])
                    .replace("%5", str(item.likelihood * item.consequence))
                    .replace("%6", band_label(bands.band(item.likelihood, item.consequence)))
                )
            if item.status is Status.DONE:
                self.matrix_label.setText(
                    self.matrix_label.text() + " · " + self.tr("the work is done")
                )
        else:
            assert chain is not None
            self._subject = chain.name
            self.subject_label.setText(self.tr("%1 (whole chain)").replace("%1", chain.name))
            self.owner_label.setText(self.tr("Risk owner: %1").replace("%1", owner))
            red = sum(
                1
                for i in open_items
                if i.likelihood is not None
                and i.consequence is not None
                and bands.band(i.likelihood, i.consequence) is Band.RED
            )
            self.matrix_label.setText(
                self.tr(
                    "A decision here covers all %1 open items of the chain; %2 of them "
                    "in the red band."
                )
                .replace("%1", str(len(open_items)))
                .replace("%2", str(red))
            )

    def _set_rights(self) -> None:
        """Enable what the acting person may do, and say why the rest is off."""
        me = self.governance.me()
        may_recommend = self.governance.can(Action.RECOMMEND)
        may_decide = self.governance.can_decide(item_id=self.item_id, chain_id=self.chain_id)
        for widget in (self.recommendation_choice, self.recommendation_note, self.recommend_button):
            widget.setEnabled(may_recommend)
        self.recommend_note.setText(
            ""
            if may_recommend
            else self.tr("Only governing and operational members (IT) give recommendations.")
        )
        for widget in (self.decision_choice, self.rationale, self.decide_button):
            widget.setEnabled(may_decide)
        self._on_decision_choice()
        if may_decide:
            self.decide_note.setText(self.tr("You decide as the risk owner."))
        elif me is not None and me.role is Role.CONTROLLING:
            self.decide_note.setText(
                self.tr("Controlling members check risk decisions; they do not make them.")
            )
        elif self._owner_path:
            self.decide_note.setText(
                self.tr("Only the risk owner decides: people in %1.").replace(
                    "%1", self._owner_path
                )
            )
        else:
            self.decide_note.setText(
                self.tr("Without a risk owner unit on the chain, a governing member decides.")
            )
        self._me = me
        self._may_recommend = may_recommend
        self._may_decide = may_decide

    def refresh(self) -> None:
        """Reload the cases and the decision in force."""
        selected = self.selected_case()
        keep = selected.id if selected is not None else None
        today = self.governance.today()
        self.cases = self.governance.decisions(item_id=self.item_id, chain_id=self.chain_id)
        self._people = self.governance.people()
        self._show_in_force(today)
        table = self.cases_table
        table.blockSignals(True)
        try:
            table.setRowCount(0)
            table.setRowCount(len(self.cases))
            for row, case in enumerate(self.cases):
                self._fill_row(row, case, today)
            table.clearSelection()
            for row, case in enumerate(self.cases):
                if case.id == keep:
                    table.selectRow(row)
        finally:
            table.blockSignals(False)
        self._on_selection()
        if not self.cases:
            self.case_detail.setText(self.tr("No risk cases yet."))
        pending = self.pending_case()
        if pending is not None and pending.recommendation is not None:
            self.decision_choice.setCurrentIndex(list(Decision).index(pending.recommendation))

    def pending_case(self) -> RiskDecision | None:
        """The newest case of this subject itself, when it awaits the risk owner."""
        own = next((c for c in self.cases if c.item_id == self.item_id), None)
        return own if own is not None and own.decision is None else None

    def _show_in_force(self, today: date) -> None:
        if self.item_id is not None:
            current = self.governance.current(self.item_id, today)
        else:
            current = next((c for c in self.cases if c.in_force(today)), None)
        if current is None:
            self.in_force_label.setText(self.tr("No decision in force."))
            return
        text = (
            self.tr("In force: %1 by %2")
            .replace("%1", decision_label(current.decision))
            .replace("%2", person_label(self._people, current.decided_by))
        )
        if current.valid_until is not None:
            text += ", " + self.tr("valid until %1").replace("%1", local_day(current.valid_until))
        if current.item_id is None and self.item_id is not None:
            text += " " + self.tr("(decided for the whole chain)")
        self.in_force_label.setText(text)

    def _fill_row(self, row: int, case: RiskDecision, today: date) -> None:
        scope = self.tr("Whole chain") if case.item_id is None else self.tr("This item")
        recommendation = decision_label(case.recommendation)
        if case.recommendation is not None:
            recommendation += " — " + person_label(self._people, case.recommended_by)
        if case.decision is None:
            decision = self.tr("(awaiting the risk owner)")
        else:
            decision = (
                decision_label(case.decision) + " — " + person_label(self._people, case.decided_by)
            )
            if not case.in_force(today):
                decision += " " + self.tr("(expired)")
        cells = [
            scope,
            recommendation,
            decision,
            one_line(case.rationale) or "—",
            local_day(case.valid_until),
            local_time(case.decided_at),
        ]
        for column, text in enumerate(cells):
            cell = QTableWidgetItem(text)
            cell.setData(CASE_ID_ROLE, case.id)
            if column == 1 and case.recommendation_note:
                cell.setToolTip(case.recommendation_note)
            elif column == 3 and case.rationale:
                cell.setToolTip(case.rationale)
            if case.decision is not None and not case.in_force(today):
                cell.setForeground(self.palette().placeholderText())
            self.cases_table.setItem(row, column, cell)

    # -- selection ---------------------------------------------------------------------
    def selected_case(self) -> RiskDecision | None:
        rows = {index.row() for index in self.cases_table.selectedIndexes()}
        if len(rows) != 1:
            return None
        row = rows.pop()
        return self.cases[row] if 0 <= row < len(self.cases) else None

    def _on_selection(self) -> None:
        case = self.selected_case()
        self.withdraw_button.setEnabled(case is not None and self._may_withdraw(case))
        if case is None:
            self.case_detail.setText(self.tr("Select a case to read it in full."))
            return
        lines = []
        if case.recommendation is not None:
            lines.append(
                self.tr("IT recommends %1 (%2): %3")
                .replace("%1", decision_label(case.recommendation))
                .replace("%2", person_label(self._people, case.recommended_by))
                .replace("%3", case.recommendation_note or "—")
            )
        if case.decision is not None:
            lines.append(
                self.tr("Decided %1 (%2): %3")
                .replace("%1", decision_label(case.decision))
                .replace("%2", person_label(self._people, case.decided_by))
                .replace("%3", case.rationale or "—")
            )
        self.case_detail.setText("\n".join(lines))

    def _may_withdraw(self, case: RiskDecision) -> bool:
        if case.decision is None:
            return self._may_recommend
        if case.item_id is None and self.item_id is not None:
            return self.governance.can_decide(chain_id=case.chain_id)
        return self._may_decide

    def _on_decision_choice(self) -> None:
        accepting = self.decision_choice.currentData() == Decision.ACCEPT.value
        self.valid_until.setEnabled(accepting and self.decision_choice.isEnabled())

    # -- writing -----------------------------------------------------------------------
    def recommend(self) -> Outcome | None:
        choice = Decision(self.recommendation_choice.currentData())
        outcome = self._run(
            lambda: self.governance.recommend(
                choice,
                self.recommendation_note.toPlainText(),
                item_id=self.item_id,
                chain_id=self.chain_id,
            )
        )
        if outcome is not None:
            self.recommendation_note.clear()
        return outcome

    def decide(self) -> Outcome | None:
        choice = Decision(self.decision_choice.currentData())
        rationale = self.rationale.toPlainText()
        if not rationale.strip():
            show_error(
                self,
                self.tr(
                    "Write the rationale for the decision: the risk owner's "
                    "reasons are what internal control checks."
                ),
                self.tr("Risk decision"),
            )
            self.rationale.setFocus()
            return None
        valid_until = self.valid_until.date().toPython() if choice is Decision.ACCEPT else None
        assert valid_until is None or isinstance(valid_until, date)
        outcome = self._run(
            lambda: self.governance.decide(
                choice,
                rationale,
                valid_until=valid_until,
                item_id=self.item_id,
                chain_id=self.chain_id,
            )
        )
        if outcome is not None:
            self.rationale.clear()
        return outcome

    def withdraw(self, decision_id: str) -> Outcome | None:
        return self._run(lambda: self.governance.withdraw(decision_id))

    def _ask_withdraw(self) -> None:
        case = self.selected_case()
        if case is None:
            return
        what = decision_label(case.decision if case.decision is not None else case.recommendation)
        text = (
            self.tr("Withdraw the decision “%1”? It stays in the history.")
            if case.decision is not None
            else self.tr("Withdraw the recommendation “%1”? It stays in the history.")
        )
        ask(self, text.replace("%1", what), self.tr("Withdraw"), lambda: self.withdraw(case.id))

    def _run(self, call: Callable[[], Outcome]) -> Outcome | None:
        try:
            outcome = call()
        except KanbanError as error:
            show_error(self, error, self.tr("Risk decision"))
            return None
        self.outcomes.append(outcome)
        self.refresh()
        self.applied.emit(outcome)
        return outcome
