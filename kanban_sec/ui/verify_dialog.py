"""The verify dialog: a controlling member checks finished work before it is done.

It shows the item, whether the board policy requires verification, and the earlier
verifications. With evidence (a link or a note on what was checked) the controller
approves (the item moves to done) or sends the work back to doing with the text as the
reason. The :class:`Outcome` is emitted with ``applied`` and the dialog closes; a refusal
shows as an error dialog and leaves the text in place.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
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
from kanban_sec.domain.governance import Action, Verdict, policy_text
from kanban_sec.domain.model import Status
from kanban_sec.services.governance import GovernanceService
from kanban_sec.services.outcome import Outcome
from kanban_sec.ui.i18n import current_language, translate
from kanban_sec.ui.notify import show_error
from kanban_sec.ui.risk_dialog import local_time, one_line, person_label

_NOTE_STYLE = "color: #5f6368;"
_APPROVED_COLOUR = "#2e7d32"
_REJECTED_COLOUR = "#c62828"


def verdict_label(verdict: Verdict) -> str:
    return {
        Verdict.APPROVED: translate("VerifyDialog", "Approved"),
        Verdict.REJECTED: translate("VerifyDialog", "Sent back"),
    }[verdict]


class VerifyDialog(QDialog):
    """Approve finished work with evidence, or send it back to doing."""

    #: Emitted with the :class:`Outcome` of the verification (then the dialog closes).
    applied = Signal(object)

    def __init__(
        self, governance: GovernanceService, item_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("verify-dialog")
        self.governance = governance
        self.item_id = item_id
        self.outcome: Outcome | None = None
        lang = current_language()
        subject = governance.verification_subject(item_id)
        item, score, people = subject.item, subject.score, subject.people
        column = subject.column.name(lang)
        verify_column = subject.verify_column.name(lang)
        policy = governance.policy()
        needed = policy.needs_verification(item, score)
        self.title = item.title
        self.setWindowTitle(self.tr("Verify: %1").replace("%1", item.title))
        self.setMinimumSize(640, 520)
        self.resize(760, 600)
        self.setSizeGripEnabled(True)

        # -- the item and the policy ---------------------------------------------------
        frame = QFrame()
        frame.setObjectName("verify-item")
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        title = QLabel(item.title)
        title.setObjectName("verify-title")
        title.setTextFormat(Qt.TextFormat.PlainText)
        title.setWordWrap(True)
        bold = QFont(title.font())
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.15)
        title.setFont(bold)
        where = QLabel(
            self.tr("Column: %1 · score %2").replace("%1", column).replace("%2", str(score))
        )
        where.setObjectName("verify-where")
        where.setTextFormat(Qt.TextFormat.PlainText)
        self.policy_label = QLabel(
            (
                self.tr("The board policy requires verification: %1.")
                if needed
                else self.tr(
                    "The board policy does not require verification of this item (%1); "
                    "a check is still welcome."
                )
            ).replace("%1", policy_text(policy).render(lang))
        )
        self.policy_label.setObjectName("verify-policy")
        self.policy_label.setTextFormat(Qt.TextFormat.PlainText)
        self.policy_label.setWordWrap(True)
        info = QVBoxLayout(frame)
        info.setContentsMargins(8, 6, 8, 6)
        info.setSpacing(3)
        info.addWidget(title)
        info.addWidget(where)
        info.addWidget(self.policy_label)

        # -- earlier verifications -------------------------------------------------------
        earlier = QGroupBox(self.tr("Earlier verifications"))
        self.history = QTableWidget(0, 4)
        self.history.setObjectName("verify-history")
        self.history.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Who"), self.tr("Verdict"), self.tr("Evidence")]
        )
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.setWordWrap(False)
        self.history.verticalHeader().hide()
        header = self.history.horizontalHeader()
        for column_no in range(3):
            header.setSectionResizeMode(column_no, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        found = sorted(governance.verifications(item_id), key=lambda v: v.verified_at, reverse=True)
        self.history.setRowCount(len(found))
        for row, verification in enumerate(found):
            cells = [
                local_time(verification.verified_at),
                person_label(people, verification.verified_by),
                verdict_label(verification.verdict),
                one_line(verification.evidence, 120),
            ]
            for column_no, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(verification.evidence)
                if column_no == 2:
                    cell.setForeground(
                        QBrush(
                            QColor(
                                _APPROVED_COLOUR
                                if verification.verdict is Verdict.APPROVED
                                else _REJECTED_COLOUR
                            )
                        )
                    )
                self.history.setItem(row, column_no, cell)
        self.no_history = QLabel(self.tr("None yet."))
        self.no_history.setStyleSheet(_NOTE_STYLE)
        self.history.setVisible(bool(found))
        self.no_history.setVisible(not found)
        earlier_layout = QVBoxLayout(earlier)
        earlier_layout.addWidget(self.history)
        earlier_layout.addWidget(self.no_history)

        # -- the verdict -------------------------------------------------------------------
        verdict_box = QGroupBox(self.tr("Your verification"))
        self.evidence = QPlainTextEdit()
        self.evidence.setObjectName("evidence")
        self.evidence.setPlaceholderText(
            self.tr(
                "Evidence (required): a link to it, or a note on what you checked and found. "
                "When you send the work back, write what is missing."
            )
        )
        self.evidence.setTabChangesFocus(True)
        self.evidence.setMinimumHeight(70)
        self.approve_button = QPushButton(self.tr("Approve and mark done"))
        self.approve_button.setObjectName("approve-button")
        self.approve_button.setStyleSheet(f"QPushButton:enabled {{ color: {_APPROVED_COLOUR}; }}")
        self.approve_button.clicked.connect(self.approve)
        self.reject_button = QPushButton(self.tr("Send back to Doing"))
        self.reject_button.setObjectName("reject-button")
        self.reject_button.setStyleSheet(f"QPushButton:enabled {{ color: {_REJECTED_COLOUR}; }}")
        self.reject_button.clicked.connect(self.send_back)
        self.rights = QLabel()
        self.rights.setObjectName("verify-rights")
        self.rights.setWordWrap(True)
        self.rights.setStyleSheet(_NOTE_STYLE)
        row_layout = QHBoxLayout()
        row_layout.addWidget(self.rights, 1)
        row_layout.addWidget(self.reject_button, 0, Qt.AlignmentFlag.AlignTop)
        row_layout.addWidget(self.approve_button, 0, Qt.AlignmentFlag.AlignTop)
        verdict_layout = QVBoxLayout(verdict_box)
        verdict_layout.addWidget(self.evidence, 1)
        verdict_layout.addLayout(row_layout)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(frame)
        layout.addWidget(earlier, 1 if found else 0)
        layout.addWidget(verdict_box, 1)
        layout.addWidget(buttons)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)

        may_verify = governance.can(Action.VERIFY)
        in_verify = item.status is Status.VERIFY
        usable = may_verify and in_verify
        for widget in (self.evidence, self.approve_button, self.reject_button):
            widget.setEnabled(usable)
        if not may_verify:
            self.rights.setText(
                self.tr("Only controlling members (internal control) verify finished work.")
            )
        elif not in_verify:
            self.rights.setText(
                self.tr("The item is in %1; only items in %2 can be approved or sent back.")
                .replace("%1", column)
                .replace("%2", verify_column)
            )
        else:
            self.rights.setText(
                self.tr(
                    "Approving moves the item to done; sending it back "
                    "moves it to doing with your text as the reason."
                )
            )
        if usable:
            self.evidence.setFocus()

    # -- writing -----------------------------------------------------------------------
    def approve(self) -> Outcome | None:
        return self._run(
            self.governance.verify,
            self.tr("Write the evidence: a link to it, or a note on what you checked."),
        )

    def send_back(self) -> Outcome | None:
        return self._run(
            self.governance.reject,
            self.tr("Write why the work is sent back: what is missing or wrong."),
        )

    def _run(self, call: Callable[[str, str], Outcome], empty: str) -> Outcome | None:
        text = self.evidence.toPlainText()
        if not text.strip():
            show_error(self, empty, self.tr("Verify"))
            self.evidence.setFocus()
            return None
        try:
            outcome = call(self.item_id, text)
        except KanbanError as error:
            show_error(self, error, self.tr("Verify"))
            return None
        self.outcome = outcome
        self.applied.emit(outcome)
        self.accept()
        return outcome
