"""The board policy dialog: which items a controlling member must verify before done.

An item needs verification when its score reaches the minimum (if that rule is on) or
when its classification is one of those ticked. Governing members change the policy; for
everybody else the dialog is read-only and says why. Saving is one
:meth:`GovernanceService.set_policy` call; its :class:`Outcome` is emitted with
``applied`` and the dialog closes.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kanban_sec.domain.errors import KanbanError
from kanban_sec.domain.governance import Action
from kanban_sec.domain.model import Classification, Status
from kanban_sec.services.governance import GovernanceService
from kanban_sec.services.outcome import Outcome
from kanban_sec.ui.board_widget import status_name as status_label
from kanban_sec.ui.i18n import translate
from kanban_sec.ui.notify import show_error

#: The highest score there is: likelihood 5 × consequence 5 × maturity gap 3.
SCORE_MAX = 75
_DEFAULT_MIN_SCORE = 30
_NOTE_STYLE = "color: #5f6368;"


def classification_label(classification: Classification) -> str:
    return {
        Classification.OPEN: translate("PolicyDialog", "Open"),
        Classification.INTERNAL: translate("PolicyDialog", "Internal"),
        Classification.CONFIDENTIAL: translate("PolicyDialog", "Confidential"),
    }[classification]


class PolicyDialog(QDialog):
    """Edit (or, without the right, read) the board's verification policy."""

    #: Emitted with the :class:`Outcome` of a saved policy (then the dialog closes).
    applied = Signal(object)

    def __init__(self, governance: GovernanceService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("policy-dialog")
        self.setWindowTitle(self.tr("Board policy"))
        self.governance = governance
        self.outcome: Outcome | None = None
        policy = governance.policy()

        intro = QLabel(
            self.tr(
                "Which finished items a controlling member (internal control) must verify before "
                "they are done. An item needs verification when any of the rules below holds."
            )
        )
        intro.setWordWrap(True)

        self.score_rule = QCheckBox(self.tr("Verification needed for score at least"))
        self.score_rule.setObjectName("score-rule")
        self.min_score = QSpinBox()
        self.min_score.setObjectName("min-score")
        self.min_score.setRange(0, SCORE_MAX)
        self.min_score.setValue(
            policy.verify_min_score if policy.verify_min_score is not None else _DEFAULT_MIN_SCORE
        )
        self.score_rule.setChecked(policy.verify_min_score is not None)
        self.score_rule.toggled.connect(self._on_score_rule)
        score_row = QHBoxLayout()
        score_row.addWidget(self.score_rule)
        score_row.addWidget(self.min_score)
        score_row.addStretch(1)
        score_hint = QLabel(self.tr("Score = likelihood × consequence × maturity gap (0–75)."))
        score_hint.setStyleSheet(_NOTE_STYLE)

        self.classes: dict[Classification, QCheckBox] = {}
        class_row = QHBoxLayout()
        for classification in Classification:
            box = QCheckBox(classification_label(classification))
            box.setObjectName(f"class-{classification.value}")
            box.setChecked(classification in policy.verify_classifications)
            self.classes[classification] = box
            class_row.addWidget(box)
        class_row.addStretch(1)

        rules = QGroupBox(self.tr("Verification before done"))
        form = QFormLayout(rules)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(score_row)
        form.addRow(score_hint)
        form.addRow(self.tr("Verification needed for classification:"), class_row)

        # WIP limits per column (0: no limit), soft (a warning) or hard (refused).
        self.wip: dict[Status, tuple[QSpinBox, QCheckBox]] = {}
        wip_box = QGroupBox(self.tr("Work-in-progress limits"))
        wip_form = QFormLayout(wip_box)
        for status, (limit, hard) in governance.wip_limits().items():
            if status is Status.DONE:
                continue
            spin = QSpinBox()
            spin.setObjectName(f"wip-{status.value}")
            spin.setRange(0, 999)
            spin.setSpecialValueText(self.tr("no limit"))
            spin.setValue(limit or 0)
            hard_box = QCheckBox(self.tr("hard (refuse, not only warn)"))
            hard_box.setObjectName(f"wip-hard-{status.value}")
            hard_box.setChecked(hard)
            row = QHBoxLayout()
            row.addWidget(spin)
            row.addWidget(hard_box)
            row.addStretch(1)
            wip_form.addRow(status_label(status), row)
            self.wip[status] = (spin, hard_box)

        self.rights = QLabel()
        self.rights.setObjectName("policy-rights")
        self.rights.setWordWrap(True)
        self.rights.setStyleSheet(_NOTE_STYLE)

        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("save-policy")
        self.save_button.clicked.connect(self.save)
        buttons = QDialogButtonBox()
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        may_edit = governance.can(Action.POLICY)
        buttons.addButton(
            QDialogButtonBox.StandardButton.Cancel
            if may_edit
            else QDialogButtonBox.StandardButton.Close
        )
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(rules)
        layout.addWidget(wip_box)
        layout.addWidget(self.rights)
        layout.addStretch(1)
        layout.addWidget(buttons)

        for widget in (
            self.score_rule,
            self.min_score,
            self.save_button,
            *self.classes.values(),
            *(w for pair in self.wip.values() for w in pair),
        ):
            widget.setEnabled(may_edit)
        self._may_edit = may_edit
        self._on_score_rule()
        if may_edit:
            self.rights.hide()
        else:
            self.rights.setText(
                self.tr(
                    "Only governing members change the board policy and the WIP limits; you "
                    "can read them here."
                )
            )
        self.resize(600, self.sizeHint().height())

    def _on_score_rule(self) -> None:
        self.min_score.setEnabled(self._may_edit and self.score_rule.isChecked())

    def save(self) -> Outcome | None:
        min_score = self.min_score.value() if self.score_rule.isChecked() else None
        chosen = [c for c, box in self.classes.items() if box.isChecked()]
        limits = {
            status: (spin.value() or None, hard.isChecked())
            for status, (spin, hard) in self.wip.items()
        }
        try:
            outcome = self.governance.set_board_policy(min_score, chosen, limits)
        except KanbanError as error:
            show_error(self, error, self.tr("Board policy"))
            return None
        self.outcome = outcome
        self.applied.emit(outcome)
        self.accept()
        return outcome
