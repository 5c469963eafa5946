"""The ROS matrix (risiko- og sårbarhetsanalyse): where the ROS risks sit by likelihood ×
consequence (or, toggled, the open items), coloured by each cell's acceptance band.

A cell chosen (click or Enter) asks the board to show that cell's risks' measures (or its
items); governing members can switch to editing the bands, where a click cycles a cell
green → yellow → red.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kanban_sec.domain.errors import KanbanError
from kanban_sec.domain.governance import (
    CONSEQUENCE_LABELS,
    LIKELIHOOD_LABELS,
    Action,
    Band,
    Bands,
    MatrixCell,
)
from kanban_sec.domain.ros import RegisterFilter, RiskCell, risk_matrix
from kanban_sec.services.governance import GovernanceService
from kanban_sec.services.ros import RosService
from kanban_sec.ui.i18n import current_language, translate
from kanban_sec.ui.notify import show_error
from kanban_sec.ui.ros_risk_matrix import (
    MoveArrows,
    RiskCellDelegate,
    RiskMatrixModel,
    fill_chain_choices,
    risk_totals,
    text_colour_on,
)
from kanban_sec.ui.ros_words import band_name

Index = QModelIndex | QPersistentModelIndex

SIDE = 5
#: The highest maturity gap: an item's score is risk × gap, so a cell's scores run 0..3 × risk.
GAP_MAX = 3
#: The model's role for the cell's :class:`MatrixCell`.
CELL_ROLE = Qt.ItemDataRole.UserRole + 1

#: Band colours on a light and on a dark window; the text colour is chosen for contrast.
_COLOURS = {
    False: {Band.GREEN: "#a5d6a7", Band.YELLOW: "#fff176", Band.RED: "#ef9a9a"},
    True: {Band.GREEN: "#2e7d32", Band.YELLOW: "#c79a00", Band.RED: "#c62828"},
}
#: A mark per band, so the band reads without telling colours apart.
SYMBOLS = {Band.GREEN: "✓", Band.YELLOW: "!", Band.RED: "✕"}
_NEXT_BAND = {Band.GREEN: Band.YELLOW, Band.YELLOW: Band.RED, Band.RED: Band.GREEN}


def band_meaning(band: Band) -> str:
    """What a band means for a risk in it, in the window's language."""
    if band is Band.GREEN:
        return translate("RosMatrix", "Acceptable")
    if band is Band.YELLOW:
        return translate("RosMatrix", "Acceptable with a rationale")
    return translate("RosMatrix", "Not acceptable: reduce, share or avoid")


def likelihood_label(likelihood: int) -> str:
    """``5 Svært sannsynlig``: the number and its scale label."""
    labels = LIKELIHOOD_LABELS.get(current_language(), LIKELIHOOD_LABELS["en"])
    return f"{likelihood} {labels[likelihood - 1]}"


def consequence_label(consequence: int) -> str:
    labels = CONSEQUENCE_LABELS.get(current_language(), CONSEQUENCE_LABELS["en"])
    return f"{consequence} {labels[consequence - 1]}"


def band_colour(band: Band, dark: bool) -> QColor:
    return QColor(_COLOURS[dark][band])


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


class RosMatrixModel(QAbstractTableModel):
    """Five rows (likelihood 5 at the top down to 1) by five columns (consequence 1..5)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cells: dict[tuple[int, int], MatrixCell] = {}
        self.dark = False
        self.editing = False

    # -- positions ---------------------------------------------------------------------
    @staticmethod
    def likelihood_at(row: int) -> int:
        return SIDE - row

    @staticmethod
    def consequence_at(column: int) -> int:
        return column + 1

    def index_of(self, likelihood: int, consequence: int) -> QModelIndex:
        return self.index(SIDE - likelihood, consequence - 1)

    def cell_at(self, index: Index) -> MatrixCell | None:
        if not index.isValid():
            return None
        return self.cells.get(
            (self.likelihood_at(index.row()), self.consequence_at(index.column()))
        )

    # -- contents ----------------------------------------------------------------------
    def set_cells(self, cells: dict[tuple[int, int], MatrixCell]) -> None:
        """New counts and bands; the shape never changes, so every cell just repaints."""
        self.cells = dict(cells)
        self.repaint_all()

    def repaint_all(self) -> None:
        self.dataChanged.emit(self.index(0, 0), self.index(SIDE - 1, SIDE - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else SIDE

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else SIDE

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        cell = self.cell_at(index)
        if cell is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return str(cell.open_items)
        if role == CELL_ROLE:
            return cell
        if role == Qt.ItemDataRole.BackgroundRole:
            return band_colour(cell.band, self.dark)
        if role == Qt.ItemDataRole.ForegroundRole:
            return text_colour_on(band_colour(cell.band, self.dark))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(cell)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.spoken(cell)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return band_meaning(cell.band)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not 0 <= section < SIDE or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return None
        if orientation == Qt.Orientation.Horizontal:
            text = consequence_label(self.consequence_at(section))
            title = translate("RosMatrix", "Consequence")
        else:
            text = likelihood_label(self.likelihood_at(section))
            title = translate("RosMatrix", "Likelihood")
        return text if role == Qt.ItemDataRole.DisplayRole else f"{title} {text}"

    # -- texts -------------------------------------------------------------------------
    @staticmethod
    def accepted_text(count: int) -> str:
        return translate("RosMatrix", "{count} accepted").format(count=count)

    def tooltip(self, cell: MatrixCell) -> str:
        risk = cell.likelihood * cell.consequence
        lines = [
            f"{SYMBOLS[cell.band]} {band_meaning(cell.band)}",
            translate(
                "RosMatrix", "Likelihood {likelihood} × consequence {consequence} = risk {risk}"
            ).format(
                likelihood=likelihood_label(cell.likelihood),
                consequence=consequence_label(cell.consequence),
                risk=risk,
            ),
            translate("RosMatrix", "Item scores here: 0–{top} (risk × maturity gap 0–3)").format(
                top=risk * GAP_MAX
            ),
            translate("RosMatrix", "Open items: {count}").format(count=cell.open_items),
        ]
        if cell.accepted:
            lines.append(self.accepted_text(cell.accepted))
        lines.append(
            translate("RosMatrix", "Click to change the band")
            if self.editing
            else translate("RosMatrix", "Click to show these items on the board")
        )
        return "\n".join(lines)

    def spoken(self, cell: MatrixCell) -> str:
        text = translate(
            "RosMatrix", "Likelihood {likelihood}, consequence {consequence}: {count} open items"
        ).format(
            likelihood=likelihood_label(cell.likelihood),
            consequence=consequence_label(cell.consequence),
            count=cell.open_items,
        )
        if cell.accepted:
            text += ", " + self.accepted_text(cell.accepted)
        return f"{text}. {band_meaning(cell.band)}"


class CellDelegate(QStyledItemDelegate):
    """A cell: its band colour, the count large, the accepted ones below, the band mark."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        cell = index.data(CELL_ROLE)
        if not isinstance(cell, MatrixCell):
            super().paint(painter, option, index)
            return
        rect: QRect = option.rect
        background = QColor(index.data(Qt.ItemDataRole.BackgroundRole))
        ink = QColor(index.data(Qt.ItemDataRole.ForegroundRole))
        painter.save()
        painter.fillRect(rect, background)
        base = QFont(option.font)
        mark = QFont(base)
        mark.setBold(True)
        painter.setFont(mark)
        painter.setPen(ink)
        painter.drawText(
            rect.adjusted(6, 4, -6, -4),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            SYMBOLS[cell.band],
        )
        count = QFont(base)
        count.setBold(True)
        count.setPointSizeF(max(base.pointSizeF(), 8.0) * 1.6)
        count_height = QFontMetrics(count).height()
        small_height = QFontMetrics(base).height() if cell.accepted else 0
        top = rect.top() + (rect.height() - count_height - small_height) // 2
        if cell.open_items == 0:
            # An empty cell stays quiet so the eye goes to where the work is.
            ink.setAlphaF(0.55)
        painter.setPen(ink)
        painter.setFont(count)
        painter.drawText(
            QRect(rect.left(), top, rect.width(), count_height),
            Qt.AlignmentFlag.AlignCenter,
            str(cell.open_items),
        )
        if cell.accepted:
            painter.setFont(base)
            painter.drawText(
                QRect(rect.left() + 2, top + count_height, rect.width() - 4, small_height),
                Qt.AlignmentFlag.AlignCenter,
                RosMatrixModel.accepted_text(cell.accepted),
            )
        state = option.state
        if state & QStyle.StateFlag.State_HasFocus:
            pen = painter.pen()
            pen.setColor(QColor(index.data(Qt.ItemDataRole.ForegroundRole)))
            pen.setWidth(3)
            painter.setPen(pen)
            painter.drawRect(rect.adjusted(2, 2, -3, -3))
        elif state & QStyle.StateFlag.State_MouseOver:
            pen = painter.pen()
            pen.setColor(QColor(index.data(Qt.ItemDataRole.ForegroundRole)))
            pen.setWidth(1)
            painter.setPen(pen)
            painter.drawRect(rect.adjusted(2, 2, -3, -3))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        metrics = QFontMetrics(option.font)
        return QSize(metrics.horizontalAdvance("0") * 12, metrics.height() * 4)


class RosGrid(QTableView):
    """The table: arrows move between cells; Enter, Return or Space chooses one."""

    cell_activated = Signal(QModelIndex)
    #: The risks' move arrows, kept over the whole viewport.
    overlay: QWidget | None = None

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if self.overlay is not None:
            self.overlay.setGeometry(self.viewport().rect())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        keys = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)
        if event.key() in keys and self.currentIndex().isValid():
            event.accept()
            self.cell_activated.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class VerticalTitle(QWidget):
    """An axis title read bottom to top, beside the likelihood scale."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self.set_text(text)

    def text(self) -> str:
        return self._text

    def set_text(self, text: str) -> None:
        self._text = text
        self.setAccessibleName(text)
        self.updateGeometry()
        self.update()

    def _font(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def sizeHint(self) -> QSize:
        metrics = QFontMetrics(self._font())
        return QSize(metrics.height() + 6, metrics.horizontalAdvance(self._text) + 12)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setFont(self._font())
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        painter.translate(0, self.height())
        painter.rotate(-90)
        painter.drawText(
            QRect(0, 0, self.height(), self.width()), Qt.AlignmentFlag.AlignCenter, self._text
        )


class RosMatrixView(QDialog):
    """The 5×5 ROS matrix of the risks (or of the open items), with its acceptance bands."""

    #: A cell was chosen (likelihood, consequence): the board shows that cell's items.
    cell_chosen = Signal(int, int)
    #: A cell of risks was chosen (risk ids, likelihood, consequence): the board shows
    #: those risks' measures.
    risks_chosen = Signal(frozenset, int, int)
    #: A governing member changed the bands (ranking and acceptances may read them).
    bands_changed = Signal()

    def __init__(
        self,
        governance: GovernanceService,
        parent: QWidget | None = None,
        ros: RosService | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ros-matrix")
        self.governance = governance
        self.ros = ros if ros is not None else RosService(governance.session)
        #: "risks" (the ROS risks, the default) or "items" (the open work items).
        self.mode = "risks"
        self.unassessed_risks = 0
        self.may_edit = False
        self.bands = Bands.default()
        self.reset_box: QMessageBox | None = None

        self.model = RosMatrixModel(self)
        self.risk_model = RiskMatrixModel(self)
        self.grid = RosGrid()
        self.grid.setObjectName("ros-grid")
        self.grid.setModel(self.risk_model)
        self.item_delegate = CellDelegate(self.grid)
        self.risk_delegate = RiskCellDelegate(self.grid)
        self.grid.setItemDelegate(self.risk_delegate)
        self.arrows = MoveArrows(self.grid, self.risk_model)
        self.grid.overlay = self.arrows
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.grid.setTabKeyNavigation(False)
        self.grid.setCornerButtonEnabled(False)
        self.grid.setMouseTracking(True)
        self.grid.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.grid.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for header in (self.grid.horizontalHeader(), self.grid.verticalHeader()):
            header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            header.setSectionsClickable(False)
            header.setHighlightSections(False)
        self.grid.horizontalHeader().setMinimumSectionSize(110)
        self.grid.verticalHeader().setMinimumSectionSize(56)
        self.grid.verticalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        self.grid.setMinimumSize(760, 360)
        self.grid.clicked.connect(self._on_cell)
        self.grid.cell_activated.connect(self._on_cell)

        self.consequence_title = QLabel()
        self.consequence_title.setObjectName("ros-consequence-title")
        self.consequence_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.likelihood_title = VerticalTitle()
        self.likelihood_title.setObjectName("ros-likelihood-title")
        font = self.consequence_title.font()
        font.setBold(True)
        self.consequence_title.setFont(font)

        self.hint = QLabel()
        self.hint.setObjectName("ros-hint")
        self.hint.setWordWrap(True)

        # Risks or items, and (for risks) one chain or all.
        self.risks_button = QPushButton()
        self.risks_button.setObjectName("ros-mode-risks")
        self.items_button = QPushButton()
        self.items_button.setObjectName("ros-mode-items")
        self.mode_group = QButtonGroup(self)
        for button in (self.risks_button, self.items_button):
            button.setCheckable(True)
            button.setAutoDefault(False)
            self.mode_group.addButton(button)
        self.risks_button.setChecked(True)
        self.risks_button.clicked.connect(lambda: self.set_mode("risks"))
        self.items_button.clicked.connect(lambda: self.set_mode("items"))
        self.chain_combo = QComboBox()
        self.chain_combo.setObjectName("ros-matrix-chain")
        self.chain_combo.currentIndexChanged.connect(lambda _=0: self.refresh())
        self.moves_legend = QLabel()
        self.moves_legend.setObjectName("ros-moves-legend")
        top = QHBoxLayout()
        top.addWidget(self.risks_button)
        top.addWidget(self.items_button)
        top.addSpacing(12)
        top.addWidget(self.chain_combo)
        top.addWidget(self.moves_legend, 1)

        self.swatches: dict[Band, QLabel] = {}
        self.legend_texts: dict[Band, QLabel] = {}
        legend = QHBoxLayout()
        for band in Band:
            swatch = QLabel(SYMBOLS[band])
            swatch.setObjectName(f"ros-legend-{band.value}")
            swatch.setAlignment(Qt.AlignmentFlag.AlignCenter)
            swatch.setFixedSize(26, 22)
            text = QLabel()
            text.setBuddy(swatch)
            self.swatches[band] = swatch
            self.legend_texts[band] = text
            legend.addWidget(swatch)
            legend.addWidget(text)
            legend.addSpacing(14)
        legend.addStretch(1)
        self.unassessed = 0
        self.total = QLabel()
        self.total.setObjectName("ros-total")
        legend.addWidget(self.total)

        self.edit_button = QPushButton()
        self.edit_button.setObjectName("edit-bands")
        self.edit_button.setCheckable(True)
        self.edit_button.toggled.connect(self._on_edit_toggled)
        self.reset_button = QPushButton()
        self.reset_button.setObjectName("reset-bands")
        self.reset_button.clicked.connect(self._ask_reset)
        self.reset_button.hide()
        self.not_governing = QLabel()
        self.not_governing.setObjectName("ros-bands-governing-only")
        self.not_governing.setWordWrap(True)
        for button in (self.edit_button, self.reset_button):
            button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.reset_button)
        buttons.addWidget(self.not_governing, 1)
        buttons.addStretch(1)

        matrix = QGridLayout()
        matrix.addWidget(self.consequence_title, 0, 1)
        matrix.addWidget(self.likelihood_title, 1, 0)
        matrix.addWidget(self.grid, 1, 1)
        matrix.setColumnStretch(1, 1)
        matrix.setRowStretch(1, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.hint)
        layout.addLayout(matrix, 1)
        layout.addLayout(legend)
        layout.addLayout(buttons)

        self._apply_colours()
        self.retranslate()
        self.refresh()
        self.grid.setCurrentIndex(self.risk_model.index(0, 0))
        self.grid.setFocus()
        self.resize(960, 620)

    # -- data --------------------------------------------------------------------------
    def set_mode(self, mode: str) -> None:
        """Show the ROS risks (``"risks"``) or the open items (``"items"``)."""
        self.mode = mode
        (self.risks_button if mode == "risks" else self.items_button).setChecked(True)
        current = self.grid.currentIndex()
        risks = mode == "risks"
        self.grid.setModel(self.risk_model if risks else self.model)
        self.grid.setItemDelegate(self.risk_delegate if risks else self.item_delegate)
        self.arrows.setVisible(risks)
        self.chain_combo.setVisible(risks)
        self.moves_legend.setVisible(risks)
        self.grid.setCurrentIndex(self.grid.model().index(current.row(), current.column()))
        self.refresh()
        self._show_hint()
        self._show_legend()

    def refresh(self) -> None:
        """Read the counts, the bands and the right to change them again."""
        self.bands = self.governance.bands()
        if self.mode == "items":  # (each mode reads only what it shows: the items are many)
            self.model.set_cells(self.governance.matrix())
            self.unassessed = self.governance.unassessed()
        self._rows = self.ros.register()
        fill_chain_choices(self.chain_combo, self._rows)
        chain_id = self.chain_combo.currentData()
        shown = [r for r in self._rows if RegisterFilter(chain_id=chain_id).matches(r)]
        cells, self.unassessed_risks = risk_matrix(shown, self.bands)
        self.risk_model.set_risks(
            cells,
            {r.risk.id: r.risk.title for r in shown},
            {r.risk.id: r.risk.inherent for r in shown},
            self.ros.scales(),
        )
        self.arrows.update()
        self.may_edit = self.governance.can(Action.BANDS)
        if not self.may_edit and self.edit_button.isChecked():
            self.edit_button.setChecked(False)
        self.edit_button.setVisible(self.may_edit)
        self.edit_button.setEnabled(self.may_edit)
        self.not_governing.setVisible(not self.may_edit)
        self.reset_button.setVisible(self.editing())
        self.reset_button.setEnabled(self.editing() and self.bands != Bands.default())
        self._show_totals()

    def editing(self) -> bool:
        """Whether a click changes a band (instead of choosing the cell)."""
        return self.may_edit and self.edit_button.isChecked()

    def cell(self, likelihood: int, consequence: int) -> MatrixCell:
        """The items' cell (its counts and band)."""
        return self.model.cells[(likelihood, consequence)]

    def risk_cell(self, likelihood: int, consequence: int) -> RiskCell:
        """The risks' cell: the risks now in it and those first assessed in it."""
        return self.risk_model.cells[(likelihood, consequence)]

    def index_of(self, likelihood: int, consequence: int) -> QModelIndex:
        """The cell's index in the model shown."""
        return self.grid.model().index(SIDE - likelihood, consequence - 1)

    def _show_totals(self) -> None:
        if self.mode == "risks":
            self.total.setText(risk_totals(self.risk_model, self.unassessed_risks))
            return
        cells = self.model.cells.values()
        total = sum(c.open_items for c in cells)
        red = sum(c.open_items for c in cells if c.band is Band.RED)
        accepted = sum(c.accepted for c in cells)
        parts = [
            translate("RosMatrix", "Open items: {count}").format(count=total),
            translate("RosMatrix", "In the red band: {count}").format(count=red),
            translate("RosMatrix", "Accepted: {count}").format(count=accepted),
        ]
        if self.unassessed:
            parts.append(
                translate("RosMatrix", "Not assessed yet (in no cell): {count}").format(
                    count=self.unassessed
                )
            )
        self.total.setText(" · ".join(parts))

    # -- choosing and editing ----------------------------------------------------------
    def _on_cell(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        likelihood = self.model.likelihood_at(index.row())
        consequence = self.model.consequence_at(index.column())
        if self.editing():
            self.cycle_band(likelihood, consequence)
        elif self.mode == "risks":
            risks = self.risk_cell(likelihood, consequence).current
            self.risks_chosen.emit(frozenset(risks), likelihood, consequence)
        else:
            self.cell_chosen.emit(likelihood, consequence)

    def cycle_band(self, likelihood: int, consequence: int) -> None:
        """Green → yellow → red → green for one cell, written at once."""
        band = _NEXT_BAND[self.bands.band(likelihood, consequence)]
        try:
            self.governance.set_band(likelihood, consequence, band)
        except KanbanError as error:
            show_error(self, error)
            self.refresh()
            return
        self.refresh()
        self.bands_changed.emit()

    def reset_bands(self) -> None:
        """Every cell back to the default bands (risk up to 4 green, up to 10 yellow)."""
        try:
            self.governance.set_bands(Bands.default())
        except KanbanError as error:
            show_error(self, error)
            self.refresh()
            return
        self.refresh()
        self.bands_changed.emit()

    def _ask_reset(self) -> None:
        # One box, kept: the user may ask again, and it goes with the window.
        if self.reset_box is None:
            self.reset_box = QMessageBox(self)
            self.reset_box.setObjectName("confirm-reset-bands")
            self.reset_box.setIcon(QMessageBox.Icon.Question)
            self.reset_box.setStandardButtons(
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel
            )
            self.reset_box.setDefaultButton(QMessageBox.StandardButton.Cancel)
            self.reset_box.finished.connect(self._reset_answered)
        box = self.reset_box
        box.setWindowTitle(translate("RosMatrix", "Reset the acceptance bands"))
        box.setText(
            translate(
                "RosMatrix",
                "Set every cell back to the default bands? The bands "
                "chosen for this board are replaced (the history keeps them).",
            )
        )
        box.button(QMessageBox.StandardButton.Yes).setText(
            translate("RosMatrix", "Reset to default")
        )
        box.open()

    def _reset_answered(self, button: int) -> None:
        if button == QMessageBox.StandardButton.Yes:
            self.reset_bands()

    def _on_edit_toggled(self, _checked: bool) -> None:
        self.model.editing = self.risk_model.editing = self.editing()
        self.reset_button.setVisible(self.editing())
        self.reset_button.setEnabled(self.editing() and self.bands != Bands.default())
        self._show_hint()
        self.model.repaint_all()
        self.risk_model.repaint_all()

    # -- texts and colours -------------------------------------------------------------
    def retranslate(self) -> None:
        """Every visible string again (after a language switch)."""
        # Its refusals and warnings too.
        self.governance.session = self.governance.session.speaking(current_language())
        self.ros.session = self.ros.session.speaking(current_language())
        self.setWindowTitle(translate("RosMatrix", "ROS matrix"))
        self.consequence_title.setText(translate("RosMatrix", "Consequence"))
        self.likelihood_title.set_text(translate("RosMatrix", "Likelihood"))
        self.grid.setAccessibleName(translate("RosMatrix", "ROS matrix: likelihood × consequence"))
        self._show_legend()
        self.risks_button.setText(translate("RosMatrix", "Risks"))
        self.risks_button.setToolTip(translate("RosMatrix", "The ROS risks of the chains"))
        self.items_button.setText(translate("RosMatrix", "Items"))
        self.items_button.setToolTip(translate("RosMatrix", "The open work items on the board"))
        self.chain_combo.setAccessibleName(translate("RosMatrix", "Chain"))
        self.moves_legend.setText(
            translate("RosMatrix", "◯ first assessed here (inherent risk) · ➜ moved since")
        )
        self.edit_button.setText(translate("RosMatrix", "Edit acceptance bands"))
        self.edit_button.setToolTip(
            translate("RosMatrix", "Click a cell to change its band: green → yellow → red")
        )
        self.reset_button.setText(translate("RosMatrix", "Reset to default"))
        self.not_governing.setText(
            translate("RosMatrix", "Only governing members change the acceptance bands.")
        )
        self._show_hint()
        self._show_totals()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, SIDE - 1)
        self.model.headerDataChanged.emit(Qt.Orientation.Vertical, 0, SIDE - 1)
        self.model.repaint_all()
        if hasattr(self, "_rows"):
            self.refresh()  # the scale words in the new language

    def _show_legend(self) -> None:
        for band, text in self.legend_texts.items():
            meaning = band_meaning(band)
            shown = band_name(band).capitalize() if self.mode == "risks" else meaning
            text.setText(shown)
            self.swatches[band].setAccessibleName(shown)
            self.swatches[band].setToolTip(meaning)

    def _show_hint(self) -> None:
        font = self.hint.font()
        font.setBold(self.editing())  # the mode a click is in must be plain to see
        self.hint.setFont(font)
        if self.editing():
            self.hint.setText(
                translate(
                    "RosMatrix",
                    "Editing the bands: click a cell (or press Enter) to change it "
                    "from green to yellow to red. Each change is saved at once.",
                )
            )
        elif self.mode == "risks":
            self.hint.setText(
                translate(
                    "RosMatrix",
                    "ROS risks by likelihood and consequence, each in its current cell. "
                    "Click a cell (or press Enter) to show its risks' measures on the board.",
                )
            )
        else:
            self.hint.setText(
                translate(
                    "RosMatrix",
                    "Open items by likelihood and consequence. Click a cell (or "
                    "press Enter) to show its items on the board.",
                )
            )

    def _apply_colours(self) -> None:
        dark = is_dark(self.palette())
        self.model.dark = self.risk_model.dark = dark
        for band, swatch in self.swatches.items():
            background = band_colour(band, dark)
            swatch.setStyleSheet(
                f"QLabel {{ background: {background.name()}; "
                f"color: {text_colour_on(background).name()}; font-weight: bold; "
                f"border: 1px solid {background.darker(140).name()}; border-radius: 3px; }}"
            )
        self.model.repaint_all()

    def changeEvent(self, event: QEvent) -> None:
        if not hasattr(self, "swatches"):  # still being built
            pass
        elif event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            self._apply_colours()
        super().changeEvent(event)
