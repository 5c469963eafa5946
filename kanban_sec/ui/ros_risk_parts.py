"""Parts of the ROS risk dialog: an assessment (value, note, strength of knowledge and who
set it when), and the chain's information values as a small editable table."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from kanban_sec.domain.model import SCALE_MAX, SCALE_MIN
from kanban_sec.domain.ros import Assessment, InfoValue, Knowledge
from kanban_sec.ui.i18n import translate
from kanban_sec.ui.item_history import local_time
from kanban_sec.ui.ros_words import knowledge_name, scale_label


class NoteEdit(QPlainTextEdit):
    """A few lines of why (an assessment's note is a sentence or two, read whole)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        lines = self.fontMetrics().lineSpacing()
        self.setFixedHeight(lines * 4 + 2 * self.frameWidth() + 8)

    def setText(self, text: str) -> None:
        self.setPlainText(text)

    def text(self) -> str:
        return self.toPlainText()


class AssessmentBox(QGroupBox):
    """One side of a risk's assessment (likelihood or consequence): the value on the
    board's scale, a note and the strength of knowledge, with who assessed it and when."""

    def __init__(self, side: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.side = side
        self.setObjectName(f"ros-{side}-box")
        self.value = QComboBox()
        self.value.setObjectName(f"ros-{side}")
        self.note = NoteEdit()
        self.note.setObjectName(f"ros-{side}-note")
        self.knowledge = QComboBox()
        self.knowledge.setObjectName(f"ros-{side}-knowledge")
        self.who = QLabel()
        self.who.setObjectName(f"ros-{side}-by")
        self.who.setWordWrap(True)
        self.who.setEnabled(False)  # muted: a fact, not a field
        self.why_not = QLabel()
        self.why_not.setObjectName(f"ros-{side}-why-not")
        self.why_not.setWordWrap(True)
        self.why_not.setStyleSheet("color: #5f6368;")
        self.form = QFormLayout(self)
        self.label_value, self.label_note, self.label_knowledge = QLabel(), QLabel(), QLabel()
        self.label_value.setBuddy(self.value)
        self.label_note.setBuddy(self.note)
        self.label_knowledge.setBuddy(self.knowledge)
        self.form.addRow(self.label_value, self.value)
        self.form.addRow(self.label_note, self.note)
        self.form.addRow(self.label_knowledge, self.knowledge)
        self.form.addRow(self.who)
        self.form.addRow(self.why_not)
        self._loaded: tuple[int | None, str, str | None] = (None, "", None)

    def fill(self, words: Mapping[str, Sequence[str]]) -> None:
        """The choices in the window's language, the chosen ones kept."""
        value, knowledge = self.value.currentData(), self.knowledge.currentData()
        self.value.clear()
        self.value.addItem(translate("RosRiskDialog", "not assessed"), None)
        for number in range(SCALE_MIN, SCALE_MAX + 1):
            self.value.addItem(scale_label(words, self.side, number), number)
        self.value.setCurrentIndex(max(self.value.findData(value), 0))
        self.knowledge.clear()
        self.knowledge.addItem("—", None)
        for strength in Knowledge:
            self.knowledge.addItem(knowledge_name(strength), strength.value)
        self.knowledge.setCurrentIndex(max(self.knowledge.findData(knowledge), 0))
        if self.side == "likelihood":
            self.setTitle(translate("RosRiskDialog", "Likelihood (IT's estimate)"))
            self.label_value.setText(translate("RosRiskDialog", "L&ikelihood:"))
        else:
            self.setTitle(translate("RosRiskDialog", "Consequence (the business's judgement)"))
            self.label_value.setText(translate("RosRiskDialog", "Co&nsequence:"))
        self.label_note.setText(translate("RosRiskDialog", "Why:"))
        self.label_knowledge.setText(translate("RosRiskDialog", "Strength of knowledge:"))

    def load(self, found: Assessment, by_name: str) -> None:
        self.value.setCurrentIndex(max(self.value.findData(found.value), 0))
        self.note.setText(found.note)
        strength = found.knowledge.value if found.knowledge else None
        self.knowledge.setCurrentIndex(max(self.knowledge.findData(strength), 0))
        self._loaded = self.current()
        if found.at is None:
            self.who.setText(translate("RosRiskDialog", "Not assessed yet."))
        else:
            self.who.setText(
                translate("RosRiskDialog", "Assessed by %1, %2")
                .replace("%1", by_name or "—")
                .replace("%2", local_time(found.at))
            )

    def current(self) -> tuple[int | None, str, str | None]:
        """(value, note, strength of knowledge) as chosen."""
        return (self.value.currentData(), self.note.text().strip(), self.knowledge.currentData())

    def changed(self) -> bool:
        return self.current() != self._loaded

    def offer(self, allowed: bool, why_not: str) -> None:
        """Enable the fields only for those the rulebook lets set them; say why not."""
        for widget in (self.value, self.note, self.knowledge):
            widget.setEnabled(allowed)
        self.why_not.setText("" if allowed else why_not)
        self.why_not.setVisible(not allowed)


class ValuesTable(QTableWidget):
    """The chain's information values: name, confidentiality, integrity, availability (1–5,
    0 for not set) and notes; a last empty row adds a value."""

    SIDES = ("confidentiality", "integrity", "availability")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.setObjectName("ros-values")
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self._loaded: list[tuple[str, int, int, int, str]] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels(
            [
                translate("RosRiskDialog", "Information"),
                translate("RosRiskDialog", "C"),
                translate("RosRiskDialog", "I"),
                translate("RosRiskDialog", "A"),
                translate("RosRiskDialog", "Notes"),
            ]
        )
        for number, tip in enumerate(
            (
                translate("RosRiskDialog", "The kind of information the service handles"),
                translate("RosRiskDialog", "Confidentiality 1–5"),
                translate("RosRiskDialog", "Integrity 1–5"),
                translate("RosRiskDialog", "Availability 1–5"),
                "",
            )
        ):
            header = self.horizontalHeaderItem(number)
            if header is not None:
                header.setToolTip(tip)

    def load(self, values: Sequence[InfoValue]) -> None:
        self.setRowCount(0)
        for value in values:
            self._add_row(
                value.name,
                (value.confidentiality, value.integrity, value.availability),
                value.notes,
                known=True,
            )
        self._add_row("", (None, None, None), "", known=False)
        self._loaded = self.rows()

    def _add_row(
        self, name: str, numbers: tuple[int | None, ...], notes: str, *, known: bool
    ) -> None:
        row = self.rowCount()
        self.insertRow(row)
        cell = QTableWidgetItem(name)
        if known:  # a value is found by its name: renaming is adding another
            cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
        else:
            cell.setToolTip(translate("RosRiskDialog", "Type a name to add a value"))
        self.setItem(row, 0, cell)
        for column, number in enumerate(numbers, start=1):
            box = QSpinBox()
            box.setRange(0, SCALE_MAX)
            box.setSpecialValueText("—")
            box.setValue(number or 0)
            box.setObjectName(f"ros-value-{row}-{self.SIDES[column - 1]}")
            self.setCellWidget(row, column, box)
        self.setItem(row, 4, QTableWidgetItem(notes))

    def rows(self) -> list[tuple[str, int, int, int, str]]:
        """(name, C, I, A, notes) per row, 0 for not set; rows without a name left out."""
        out = []
        for row in range(self.rowCount()):
            name = self.item(row, 0)
            notes = self.item(row, 4)
            numbers = []
            for column in (1, 2, 3):
                box = self.cellWidget(row, column)
                numbers.append(box.value() if isinstance(box, QSpinBox) else 0)
            text = name.text().strip() if name is not None else ""
            if text:
                out.append(
                    (text, numbers[0], numbers[1], numbers[2], notes.text() if notes else "")
                )
        return out

    def changed_rows(self) -> list[tuple[str, int, int, int, str]]:
        """The rows that differ from what was loaded (new names too)."""
        return [r for r in self.rows() if r not in self._loaded]

    def set_row(self, row: int, name: str, numbers: tuple[int, int, int], notes: str = "") -> None:
        """Fill a row (the last, empty one adds a value); for tests and keyboard users."""
        item = self.item(row, 0)
        if item is not None and not item.text():
            item.setText(name)
        for column, number in enumerate(numbers, start=1):
            box = self.cellWidget(row, column)
            if isinstance(box, QSpinBox):
                box.setValue(number)
        cell = self.item(row, 4)
        if cell is not None:
            cell.setText(notes)

    def offer(self, allowed: bool) -> None:
        self.setEnabled(allowed)
