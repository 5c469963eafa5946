"""The ROS risk dialog (new or edit): the scenario, IT's likelihood and the business's
consequence (each with why, strength of knowledge, who and when), the risk owner's
treatment, the measures on the board and the chain's information values.

The dialog offers only what the rulebook would let the person set (RosService.rights());
the rulebook still judges every write, and any refusal shows as one line in the dialog,
with nothing written. OK saves the scenario and both assessments in one transaction; a
decision and the information values are written by their own buttons. Each write's
outcome goes out with ``changed`` so the main window shows it and can undo it.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kanban_sec.domain.errors import KanbanError
from kanban_sec.domain.governance import Decision
from kanban_sec.domain.model import SCALE_MAX, SCALE_MIN, Status
from kanban_sec.domain.ros import RegisterRow, band_of
from kanban_sec.services.board import BoardService
from kanban_sec.services.live_board import LiveBoard
from kanban_sec.services.outcome import Outcome
from kanban_sec.services.ros import RosRights, RosService
from kanban_sec.ui.board_widget import status_name
from kanban_sec.ui.i18n import current_language, translate
from kanban_sec.ui.link_choices import fill_link_choices
from kanban_sec.ui.ros_risk_parts import AssessmentBox, ValuesTable
from kanban_sec.ui.ros_words import band_name, flags_of, treatment_name


class RosRiskDialog(QDialog):
    """Add a ROS risk to a chain (``risk_id`` None) or look at and edit one."""

    #: (outcome, undo text) of each write.
    changed = Signal(object, str)

    def __init__(
        self,
        ros: RosService,
        board: BoardService,
        live: LiveBoard,
        risk_id: str | None = None,
        chain_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ros-risk-dialog")
        self.ros = ros
        self.board = board
        self.live = live
        self.risk_id = risk_id
        self.row: RegisterRow | None = None
        self.rights = RosRights(False, False, False)
        self.setSizeGripEnabled(True)
        self.setMinimumSize(760, 560)
        self.resize(940, 660)

        # -- the scenario --------------------------------------------------------------
        self.title = QLineEdit()
        self.title.setObjectName("ros-title")
        self.chain = QComboBox()
        self.chain.setObjectName("ros-chain")
        for chain in sorted(live.board.chains.values(), key=lambda c: c.name.casefold()):
            self.chain.addItem(chain.name, chain.id)
        self.link = QComboBox()
        self.link.setObjectName("ros-link")
        self.threat = QPlainTextEdit()
        self.threat.setObjectName("ros-threat")
        self.vulnerability = QPlainTextEdit()
        self.vulnerability.setObjectName("ros-vulnerability")
        self.existing = QPlainTextEdit()
        self.existing.setObjectName("ros-existing-measures")
        for text in (self.threat, self.vulnerability, self.existing):
            text.setTabChangesFocus(True)
            text.setMaximumHeight(70)
        self.at_stake = QListWidget()
        self.at_stake.setObjectName("ros-values-at-stake")
        self.at_stake.setMaximumHeight(90)
        self.scenario_form = QFormLayout()
        self.scenario_labels = [QLabel() for _ in range(7)]
        for label, field in zip(
            self.scenario_labels,
            (
                self.title,
                self.chain,
                self.link,
                self.threat,
                self.vulnerability,
                self.existing,
                self.at_stake,
            ),
            strict=True,
        ):
            label.setBuddy(field)
            self.scenario_form.addRow(label, field)
        scenario = QWidget()
        scenario.setLayout(self.scenario_form)

        # -- the assessment ------------------------------------------------------------
        self.likelihood = AssessmentBox("likelihood")
        self.consequence = AssessmentBox("consequence")
        assessment = QWidget()
        sides = QHBoxLayout(assessment)
        sides.addWidget(self.likelihood)
        sides.addWidget(self.consequence)

        # -- the treatment ---------------------------------------------------------------
        self.treatment_now = QLabel()
        self.treatment_now.setObjectName("ros-treatment-now")
        self.treatment_now.setWordWrap(True)
        self.decision = QComboBox()
        self.decision.setObjectName("ros-decision")
        self.decision.currentIndexChanged.connect(self._decision_chosen)
        self.valid_until = QDateEdit()
        self.valid_until.setObjectName("ros-valid-until")
        self.valid_until.setCalendarPopup(True)
        self.valid_until.setDate(QDate.currentDate().addMonths(12))
        self.rationale = QPlainTextEdit()
        self.rationale.setObjectName("ros-rationale")
        self.rationale.setTabChangesFocus(True)
        self.rationale.setMaximumHeight(80)
        self.target_l = QSpinBox()
        self.target_l.setObjectName("ros-target-likelihood")
        self.target_c = QSpinBox()
        self.target_c.setObjectName("ros-target-consequence")
        for box in (self.target_l, self.target_c):
            box.setRange(SCALE_MIN - 1, SCALE_MAX)
            box.setSpecialValueText("—")
        target = QHBoxLayout()
        target.addWidget(self.target_l)
        target.addWidget(QLabel("×"))
        target.addWidget(self.target_c)
        target.addStretch(1)
        self.decide_button = QPushButton()
        self.decide_button.setObjectName("ros-decide")
        self.decide_button.setAutoDefault(False)
        self.decide_button.clicked.connect(self.decide)
        self.decide_why_not = QLabel()
        self.decide_why_not.setObjectName("ros-decide-why-not")
        self.decide_why_not.setWordWrap(True)
        self.decide_why_not.setStyleSheet("color: #5f6368;")
        self.treatment_form = QFormLayout()
        self.treatment_labels = [QLabel() for _ in range(4)]
        self.treatment_form.addRow(self.treatment_now)
        for label, widget in zip(
            self.treatment_labels[:3],
            (self.decision, self.valid_until, self.rationale),
            strict=True,
        ):
            self.treatment_form.addRow(label, widget)
        self.treatment_form.addRow(self.treatment_labels[3], target)
        self.treatment_labels[0].setBuddy(self.decision)
        self.treatment_labels[1].setBuddy(self.valid_until)
        self.treatment_labels[2].setBuddy(self.rationale)
        self.treatment_labels[3].setBuddy(self.target_l)
        self.treatment_form.addRow(self.decide_why_not)
        self.treatment_form.addRow(self.decide_button)
        treatment = QWidget()
        treatment_column = QVBoxLayout(treatment)
        treatment_column.addLayout(self.treatment_form)
        treatment_column.addStretch(1)  # the form at the top, its rows their own height

        # -- the measures ------------------------------------------------------------------
        self.measures = QListWidget()
        self.measures.setObjectName("ros-measures")
        self.new_measure = QPushButton()
        self.new_measure.setObjectName("ros-new-measure")
        self.new_measure.clicked.connect(self.add_new_measure)
        self.link_measure = QPushButton()
        self.link_measure.setObjectName("ros-link-measure")
        self.link_measure.clicked.connect(self.link_existing_measure)
        for button in (self.new_measure, self.link_measure):
            button.setAutoDefault(False)
        measure_buttons = QHBoxLayout()
        measure_buttons.addWidget(self.new_measure)
        measure_buttons.addWidget(self.link_measure)
        measure_buttons.addStretch(1)
        measures = QWidget()
        measures_layout = QVBoxLayout(measures)
        measures_layout.addWidget(self.measures, 1)
        measures_layout.addLayout(measure_buttons)

        # -- the chain's information values ---------------------------------------------------
        self.values = ValuesTable()
        self.values_hint = QLabel()
        self.values_hint.setWordWrap(True)
        self.save_values = QPushButton()
        self.save_values.setObjectName("ros-save-values")
        self.save_values.setAutoDefault(False)
        self.save_values.clicked.connect(self.write_values)
        values = QWidget()
        values_layout = QVBoxLayout(values)
        values_layout.addWidget(self.values_hint)
        values_layout.addWidget(self.values, 1)
        values_layout.addWidget(self.save_values, 0, Qt.AlignmentFlag.AlignRight)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("ros-risk-tabs")
        for page in (scenario, assessment, treatment, measures, values):
            self.tabs.addTab(page, "")

        # -- the cells, the flags, the message -------------------------------------------------
        self.cells = QLabel()
        self.cells.setObjectName("ros-cells")
        self.cells.setTextFormat(Qt.TextFormat.PlainText)
        self.flags = QLabel()
        self.flags.setObjectName("ros-flags")
        self.flags.setStyleSheet("color: #c62828; font-weight: bold;")
        self.message = QLabel()
        self.message.setObjectName("ros-risk-message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.cells)
        layout.addWidget(self.flags)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)

        self.chain.currentIndexChanged.connect(self._chain_chosen)
        if chain_id is not None:
            self.chain.setCurrentIndex(max(self.chain.findData(chain_id), 0))
        self.retranslate()
        self.load()

    # -- loading -------------------------------------------------------------------------
    def load(self) -> None:
        """Read the risk (and the chain's values and rights) again."""
        words = self.ros.scales()
        self.likelihood.fill(words)
        self.consequence.fill(words)
        self.row = None
        if self.risk_id is not None:
            found = [r for r in self.ros.register() if r.risk.id == self.risk_id]
            self.row = found[0] if found else None
        row = self.row
        if row is not None:
            risk = row.risk
            self.chain.blockSignals(True)
            self.chain.setCurrentIndex(max(self.chain.findData(risk.chain_id), 0))
            self.chain.blockSignals(False)
            self.title.setText(risk.title)
            self.threat.setPlainText(risk.threat)
            self.vulnerability.setPlainText(risk.vulnerability)
            self.existing.setPlainText(risk.existing_measures)
            self.likelihood.load(risk.likelihood, row.likelihood_by)
            self.consequence.load(risk.consequence, row.consequence_by)
            self.setWindowTitle(
                translate("RosRiskDialog", "ROS risk: %1").replace("%1", risk.title)
            )
        else:
            self.setWindowTitle(translate("RosRiskDialog", "New ROS risk"))
        self.chain.setEnabled(row is None)  # a risk stays in its chain
        self._chain_chosen()
        self._show_cells()
        self._show_treatment()
        self._show_measures()

    def _chain_chosen(self, *_: object) -> None:
        chain_id = self.chain.currentData()
        keep = self.row.risk.link_id if self.row is not None else self.link.currentData()
        fill_link_choices(self.link, self.live, chain_id, keep)
        at_stake = set(self.row.risk.value_ids) if self.row is not None else set()
        chain_values = self.ros.values(self._chain_name()) if chain_id else []
        self.at_stake.clear()
        for value in chain_values:
            entry = QListWidgetItem(value.name)
            entry.setData(Qt.ItemDataRole.UserRole, value.name)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(
                Qt.CheckState.Checked if value.id in at_stake else Qt.CheckState.Unchecked
            )
            self.at_stake.addItem(entry)
        self._loaded_stake = self.chosen_values()
        self.values.load(chain_values)
        self.rights = (
            self.ros.rights(self._chain_name()) if chain_id else RosRights(False, False, False)
        )
        self._offer()

    def _offer(self) -> None:
        """Offer only what the rulebook lets this person set."""
        rights, saved = self.rights, self.row is not None
        for field in (self.title, self.link, self.threat, self.vulnerability, self.existing):
            field.setEnabled(rights.likelihood)
        self.at_stake.setEnabled(rights.likelihood)
        self.likelihood.offer(
            rights.likelihood,
            translate("RosRiskDialog", "Likelihood is IT's estimate (governing and operational)."),
        )
        self.consequence.offer(
            rights.consequence,
            translate(
                "RosRiskDialog",
                "Consequence is judged by the risk-owner unit of the chain (the business).",
            ),
        )
        for widget in (self.decision, self.rationale, self.target_l, self.target_c):
            widget.setEnabled(rights.decide and saved)
        self.decide_button.setEnabled(rights.decide and saved)
        self._decision_chosen()
        self.decide_why_not.setVisible(not (rights.decide and saved))
        self.decide_why_not.setText(
            translate("RosRiskDialog", "Save the risk first.")
            if not saved
            else translate(
                "RosRiskDialog", "Only a governing member of the chain's risk-owner unit decides."
            )
        )
        self.new_measure.setEnabled(saved and rights.likelihood)
        self.link_measure.setEnabled(saved and rights.likelihood)
        self.values.offer(rights.consequence)
        self.save_values.setEnabled(rights.consequence)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            rights.likelihood or rights.consequence
        )

    def _show_cells(self) -> None:
        row = self.row
        if row is None:
            self.cells.setText(translate("RosRiskDialog", "Not assessed yet."))
            self.flags.setText("")
            return
        bands = self.ros.matrix()[2]

        def cell(pair: tuple[int | None, int | None]) -> str:
            if None in pair:
                return "—"
            return f"{pair[0]} × {pair[1]} ({band_name(band_of(bands, pair[0], pair[1]))})"

        self.cells.setText(
            translate("RosRiskDialog", "Inherent: %1 · Current: %2 · Target: %3")
            .replace("%1", cell(row.risk.inherent))
            .replace("%2", cell(row.risk.current))
            .replace("%3", cell(row.risk.target))
        )
        self.flags.setText(" · ".join(flags_of(row)))
        self.flags.setVisible(bool(self.flags.text()))

    def _show_treatment(self) -> None:
        self.decision.blockSignals(True)
        self.decision.clear()
        for decision in Decision:
            self.decision.addItem(treatment_name(decision.value), decision.value)
        self.decision.blockSignals(False)
        row = self.row
        if row is None or row.treatment is None:
            self.treatment_now.setText(translate("RosRiskDialog", "Treatment: not decided."))
        else:
            found = row.treatment
            text = (
                translate("RosRiskDialog", "Treatment: %1, decided by %2 on %3.")
                .replace("%1", treatment_name(found.decision.value if found.decision else None))
                .replace("%2", self._person(found.decided_by))
                .replace("%3", _day(found.decided_at.date() if found.decided_at else None))
            )
            if found.valid_until is not None:
                text += " " + translate("RosRiskDialog", "Valid until %1.").replace(
                    "%1", _day(found.valid_until)
                )
            if found.rationale:
                text += " " + translate("RosRiskDialog", "Rationale: %1").replace(
                    "%1", found.rationale
                )
            if row.stale:
                text += " " + translate(
                    "RosRiskDialog", "Stale: the risk changed after the decision."
                )
            self.treatment_now.setText(text)
            if found.decision is not None:
                self.decision.setCurrentIndex(self.decision.findData(found.decision.value))
        if row is not None:
            self.target_l.setValue(row.risk.target[0] or 0)
            self.target_c.setValue(row.risk.target[1] or 0)
        self._decision_chosen()

    def _show_measures(self) -> None:
        self.measures.clear()
        for measure in self.row.measures if self.row is not None else ():
            done = "✓ " if measure.status is Status.DONE else ""
            entry = QListWidgetItem(f"{done}{measure.title} — {status_name(measure.status)}")
            entry.setData(Qt.ItemDataRole.UserRole, measure.id)
            self.measures.addItem(entry)

    def _chain_name(self) -> str:
        found = self.live.board.chains.get(self.chain.currentData() or "")
        return found.name if found is not None else ""

    def _link_name(self, link_id: str | None) -> str:
        found = self.live.board.links.get(link_id or "")
        return found.name if found is not None else ""

    def _person(self, person_id: str | None) -> str:
        found = self.live.board.people.get(person_id or "")
        return found.name if found is not None else "—"

    def _decision_chosen(self, *_: object) -> None:
        accept = self.decision.currentData() == Decision.ACCEPT.value
        self.valid_until.setEnabled(accept and self.decide_button.isEnabled())

    # -- what the dialog would write -----------------------------------------------------
    def chosen_values(self) -> list[str]:
        return [
            str(self.at_stake.item(n).data(Qt.ItemDataRole.UserRole))
            for n in range(self.at_stake.count())
            if self.at_stake.item(n).checkState() == Qt.CheckState.Checked
        ]

    def texts(self) -> dict[str, str]:
        """The scenario's texts that differ from the risk's (all of them for a new risk)."""
        now = {
            "title": self.title.text().strip(),
            "link": self._link_name(self.link.currentData()),
            "threat": self.threat.toPlainText().strip(),
            "vulnerability": self.vulnerability.toPlainText().strip(),
            "existing_measures": self.existing.toPlainText().strip(),
        }
        if self.row is None:
            return now
        risk = self.row.risk
        was = {
            "title": risk.title,
            "link": self._link_name(risk.link_id),
            "threat": risk.threat,
            "vulnerability": risk.vulnerability,
            "existing_measures": risk.existing_measures,
        }
        return {name: text for name, text in now.items() if text != was[name]}

    def _fail(self, error: KanbanError) -> None:
        self.message.setText(error.message(current_language()))

    def _wrote(self, outcome: Outcome, text: str) -> None:
        self.message.setText("")
        self.changed.emit(outcome, text)

    def accept(self) -> None:
        """Save the scenario and the assessments (one transaction); on a refusal say why
        in one line and stay open with everything typed kept."""
        stake = self.chosen_values()
        assessments = {
            box.side: box.current()
            for box in (self.likelihood, self.consequence)
            if box.changed() and (self.row is not None or box.current()[0] is not None)
        }
        texts = self.texts()
        values = stake if self.row is None or stake != self._loaded_stake else None
        if self.row is not None and not (texts or assessments or values is not None):
            super().accept()
            return
        try:
            outcome = self.ros.save_risk(
                self.risk_id, self._chain_name(), texts, values, assessments
            )
        except KanbanError as error:
            self._fail(error)
            return
        self._wrote(
            outcome,
            translate("RosRiskDialog", "New ROS risk")
            if self.row is None
            else translate("RosRiskDialog", "Edit ROS risk"),
        )
        self.risk_id = outcome.row_id
        super().accept()

    def decide(self) -> None:
        """The risk owner's treatment, written at once."""
        if self.risk_id is None:
            return
        until = self.valid_until.date()
        choice = str(self.decision.currentData())
        target = (self.target_l.value(), self.target_c.value())
        try:
            outcome = self.ros.decide(
                self.risk_id,
                choice,
                self.rationale.toPlainText(),
                valid_until=date(until.year(), until.month(), until.day())
                if choice == Decision.ACCEPT.value
                else None,
                target=target if min(target) >= SCALE_MIN else None,
            )
        except KanbanError as error:
            self._fail(error)
            return
        self._wrote(outcome, translate("RosRiskDialog", "ROS risk decision"))
        self.load()

    def write_values(self) -> None:
        """Write the chain's information values that changed (the business's)."""
        chain = self._chain_name()
        for name, conf, integ, avail, notes in self.values.changed_rows():
            try:
                outcome = self.ros.set_value(
                    chain,
                    name,
                    confidentiality=conf or None,
                    integrity=integ or None,
                    availability=avail or None,
                    notes=notes,
                )
            except KanbanError as error:
                self._fail(error)
                return
            self._wrote(outcome, translate("RosRiskDialog", "Information value"))
        self._chain_chosen()

    def add_new_measure(self) -> None:
        """A new board item as a measure of this risk."""
        title, ok = QInputDialog.getText(
            self,
            translate("RosRiskDialog", "New measure"),
            translate("RosRiskDialog", "What is to be done (a new item on the board):"),
        )
        if not ok or not title.strip() or self.risk_id is None:
            return
        try:
            made = self.board.create_item(title.strip(), chain=self._chain_name())
            item_id = made.row_id or ""
            linked = self.ros.link_measure(item_id, self.risk_id)
        except KanbanError as error:
            self._fail(error)
            return
        self._wrote(
            Outcome(made.changes + linked.changes, (), item_id),
            translate("RosRiskDialog", "New measure"),
        )
        self.load()

    def link_existing_measure(self) -> None:
        """An item already on the board (of this chain or of none) as a measure."""
        if self.risk_id is None:
            return
        chain_id = self.chain.currentData()
        choices = {
            f"{item.title} ({status_name(item.status)})": item.id
            for item in sorted(self.live.items.values(), key=lambda i: i.title.casefold())
            if item.risk_id != self.risk_id and item.chain_id in (chain_id, None)
        }
        if not choices:
            return
        chosen, ok = QInputDialog.getItem(
            self,
            translate("RosRiskDialog", "Link a measure"),
            translate("RosRiskDialog", "The item that is a measure:"),
            list(choices),
            0,
        )
        if not ok or chosen not in choices:
            return
        self.link_item(choices[chosen])

    def link_item(self, item_id: str) -> None:
        try:
            outcome = self.ros.link_measure(item_id, self.risk_id)
        except KanbanError as error:
            self._fail(error)
            return
        self._wrote(outcome, translate("RosRiskDialog", "Link a measure"))
        self.load()

    # -- texts ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Every visible string again (after a language switch)."""
        self.ros.session = self.ros.session.speaking(current_language())
        for number, text in enumerate(
            (
                translate("RosRiskDialog", "&Scenario"),
                translate("RosRiskDialog", "&Assessment"),
                translate("RosRiskDialog", "Tr&eatment"),
                translate("RosRiskDialog", "&Measures"),
                translate("RosRiskDialog", "Information &values"),
            )
        ):
            self.tabs.setTabText(number, text)
        for label, text in zip(
            self.scenario_labels,
            (
                translate("RosRiskDialog", "&Title:"),
                translate("RosRiskDialog", "C&hain:"),
                translate("RosRiskDialog", "&Link:"),
                translate("RosRiskDialog", "Th&reat:"),
                translate("RosRiskDialog", "V&ulnerability:"),
                translate("RosRiskDialog", "E&xisting measures:"),
                translate("RosRiskDialog", "Information at stake:"),
            ),
            strict=True,
        ):
            label.setText(text)
        for label, text in zip(
            self.treatment_labels,
            (
                translate("RosRiskDialog", "De&cision:"),
                translate("RosRiskDialog", "Vali&d until:"),
                translate("RosRiskDialog", "Rati&onale:"),
                translate("RosRiskDialog", "Tar&get L × C:"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.title.setPlaceholderText(translate("RosRiskDialog", "What could happen (required)"))
        self.decide_button.setText(translate("RosRiskDialog", "Record the decision"))
        self.new_measure.setText(translate("RosRiskDialog", "New item as a measure…"))
        self.link_measure.setText(translate("RosRiskDialog", "Link an existing item…"))
        self.values_hint.setText(
            translate(
                "RosRiskDialog",
                "What the information of this chain is worth: confidentiality, integrity "
                "and availability 1–5, set by the chain's risk-owner unit.",
            )
        )
        self.save_values.setText(translate("RosRiskDialog", "Save the values"))
        self.values.retranslate()
        if hasattr(self, "_loaded_stake"):  # built: the words of the scales and cells too
            words = self.ros.scales()
            self.likelihood.fill(words)
            self.consequence.fill(words)
            self._show_cells()
            self._show_treatment()
            self._show_measures()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "_loaded_stake"):
            self.retranslate()
        super().changeEvent(event)


def _day(day: date | None) -> str:
    if day is None:
        return "—"
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)
