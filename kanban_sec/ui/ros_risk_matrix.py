"""The ROS matrix of risks: each risk in its current cell (the count, the titles in the
tooltip), its inherent cell marked with a hollow ring, and an arrow from the inherent to
the current cell for each risk that moved. The view (:mod:`kanban_sec.ui.ros_matrix`)
shows these or the items; this module is the risks' model, cell painter and arrows."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import (
    QComboBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from kanban_sec.domain.governance import Band
from kanban_sec.domain.ros import RegisterRow, RiskCell
from kanban_sec.ui.i18n import translate
from kanban_sec.ui.ros_words import band_name, scale_label

Index = QModelIndex | QPersistentModelIndex
SIDE = 5
#: The model's role for the cell's :class:`RiskCell`.
RISK_CELL_ROLE = Qt.ItemDataRole.UserRole + 2
_TITLES_SHOWN = 12

_COLOURS = {
    False: {"green": "#a5d6a7", "yellow": "#fff176", "red": "#ef9a9a"},
    True: {"green": "#2e7d32", "yellow": "#c79a00", "red": "#c62828"},
}


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def text_colour_on(background: QColor) -> QColor:
    """Black or white, whichever contrasts more with ``background`` (WCAG ratio)."""
    light = _luminance(background)
    on_black = (light + 0.05) / 0.05
    on_white = 1.05 / (light + 0.05)
    return QColor("#111111") if on_black >= on_white else QColor("#ffffff")


class RiskMatrixModel(QAbstractTableModel):
    """Five rows (likelihood 5 at the top) by five columns (consequence 1..5) of risks."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cells: dict[tuple[int, int], RiskCell] = {}
        self.titles: dict[str, str] = {}
        self.words: Mapping[str, Sequence[str]] = {}
        self.dark = False
        self.editing = False
        #: (inherent cell, current cell) → how many risks moved so.
        self.moves: Counter[tuple[tuple[int, int], tuple[int, int]]] = Counter()

    def set_risks(
        self,
        cells: Mapping[tuple[int, int], RiskCell],
        titles: Mapping[str, str],
        inherent_of: Mapping[str, tuple[int | None, int | None]],
        words: Mapping[str, Sequence[str]],
    ) -> None:
        """New cells; the shape never changes, so every cell just repaints."""
        self.cells = dict(cells)
        self.titles = dict(titles)
        self.words = words
        self.moves = Counter()
        for (lk, co), cell in self.cells.items():
            for risk_id in cell.current:
                start = inherent_of.get(risk_id, (None, None))
                if None not in start and start != (lk, co):
                    self.moves[((int(start[0] or 0), int(start[1] or 0)), (lk, co))] += 1
        self.repaint_all()

    def repaint_all(self) -> None:
        self.dataChanged.emit(self.index(0, 0), self.index(SIDE - 1, SIDE - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, SIDE - 1)
        self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, SIDE - 1)

    def index_of(self, likelihood: int, consequence: int) -> QModelIndex:
        return self.index(SIDE - likelihood, consequence - 1)

    def cell_at(self, index: Index) -> RiskCell | None:
        if not index.isValid():
            return None
        return self.cells.get((SIDE - index.row(), index.column() + 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else SIDE

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else SIDE

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def colour(self, cell: RiskCell) -> QColor:
        return QColor(_COLOURS[self.dark][cell.band.value])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        cell = self.cell_at(index)
        if cell is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return str(len(cell.current))
        if role == RISK_CELL_ROLE:
            return cell
        if role == Qt.ItemDataRole.BackgroundRole:
            return self.colour(cell)
        if role == Qt.ItemDataRole.ForegroundRole:
            return text_colour_on(self.colour(cell))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(cell)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.spoken(cell)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return band_name(cell.band)
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
            text = scale_label(self.words, "consequence", section + 1)
            title = translate("RosMatrix", "Consequence")
        else:
            text = scale_label(self.words, "likelihood", SIDE - section)
            title = translate("RosMatrix", "Likelihood")
        return text if role == Qt.ItemDataRole.DisplayRole else f"{title} {text}"

    # -- texts -------------------------------------------------------------------------
    def _titles(self, ids: Sequence[str]) -> list[str]:
        names = sorted((self.titles.get(i, i[-8:]) for i in ids), key=str.casefold)
        shown = [f"  • {name}" for name in names[:_TITLES_SHOWN]]
        if len(names) > _TITLES_SHOWN:
            shown.append(
                "  "
                + translate("RosMatrix", "… and %1 more").replace(
                    "%1", str(len(names) - _TITLES_SHOWN)
                )
            )
        return shown

    def tooltip(self, cell: RiskCell) -> str:
        lines = [
            f"{band_name(cell.band)} · {scale_label(self.words, 'likelihood', cell.likelihood)}"
            f" × {scale_label(self.words, 'consequence', cell.consequence)}",
            translate("RosMatrix", "Risks now here: %1").replace("%1", str(len(cell.current))),
            *self._titles(cell.current),
        ]
        if cell.inherent:
            lines.append(
                translate("RosMatrix", "◯ First assessed here (inherent risk): %1").replace(
                    "%1", str(len(cell.inherent))
                )
            )
            lines += self._titles(cell.inherent)
        lines.append(
            translate("RosMatrix", "Click to change the band")
            if self.editing
            else translate("RosMatrix", "Click to show these risks' measures on the board")
        )
        return "\n".join(lines)

    def spoken(self, cell: RiskCell) -> str:
        text = (
            translate("RosMatrix", "Likelihood %1, consequence %2: %3 risks")
            .replace("%1", scale_label(self.words, "likelihood", cell.likelihood))
            .replace("%2", scale_label(self.words, "consequence", cell.consequence))
            .replace("%3", str(len(cell.current)))
        )
        if cell.inherent:
            text += ", " + translate("RosMatrix", "%1 first assessed here").replace(
                "%1", str(len(cell.inherent))
            )
        return f"{text}. {band_name(cell.band)}"


class RiskCellDelegate(QStyledItemDelegate):
    """A cell of risks: its band colour, the count of risks now in it, and a hollow ring
    with the count of risks whose inherent risk was here."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        cell = index.data(RISK_CELL_ROLE)
        if not isinstance(cell, RiskCell):
            super().paint(painter, option, index)
            return
        rect: QRect = option.rect
        ink = QColor(index.data(Qt.ItemDataRole.ForegroundRole))
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(rect, QColor(index.data(Qt.ItemDataRole.BackgroundRole)))
        base = QFont(option.font)
        name = QFont(base)
        name.setPointSizeF(max(base.pointSizeF(), 8.0) * 0.85)
        painter.setFont(name)
        faint = QColor(ink)
        faint.setAlphaF(0.7)
        painter.setPen(faint)
        painter.drawText(
            rect.adjusted(6, 3, -6, -3),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            band_name(cell.band),
        )
        count = QFont(base)
        count.setBold(True)
        count.setPointSizeF(max(base.pointSizeF(), 8.0) * 1.6)
        if not cell.current:
            ink.setAlphaF(0.45)  # an empty cell stays quiet
        painter.setPen(ink)
        painter.setFont(count)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(len(cell.current)))
        if cell.inherent:
            self._ring(
                painter,
                rect,
                base,
                QColor(index.data(Qt.ItemDataRole.ForegroundRole)),
                len(cell.inherent),
            )
        if option.state & QStyle.StateFlag.State_HasFocus:
            pen = QPen(QColor(index.data(Qt.ItemDataRole.ForegroundRole)), 3)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(2, 2, -3, -3))
        painter.restore()

    @staticmethod
    def _ring(painter: QPainter, rect: QRect, font: QFont, ink: QColor, count: int) -> None:
        """The inherent mark: a hollow ring at the cell's bottom right with its count."""
        metrics = QFontMetrics(font)
        size = max(metrics.height() + 6, metrics.horizontalAdvance(str(count)) + 10)
        ring = QRectF(rect.right() - size - 6, rect.bottom() - size - 5, size, size)
        painter.setPen(QPen(ink, 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(ring)
        painter.setFont(font)
        painter.drawText(ring, Qt.AlignmentFlag.AlignCenter, str(count))

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        metrics = QFontMetrics(option.font)
        return QSize(metrics.horizontalAdvance("0") * 12, metrics.height() * 4)


class MoveArrows(QWidget):
    """Arrows over the grid, from each inherent cell to the current cell of the risks that
    moved there (thicker for more risks); transparent to the mouse."""

    def __init__(self, grid: QTableView, model: RiskMatrixModel) -> None:
        super().__init__(grid.viewport())
        self.setObjectName("ros-move-arrows")
        self.grid = grid
        self.model = model
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)

    def segments(self) -> list[tuple[QPointF, QPointF, int]]:
        """(from, to, how many risks) in viewport coordinates, one per move drawn."""
        out = []
        for (start, end), count in sorted(self.model.moves.items()):
            a = self.grid.visualRect(self.model.index_of(*start)).center()
            b = self.grid.visualRect(self.model.index_of(*end)).center()
            out.append((QPointF(a), QPointF(b), count))
        return out

    def paintEvent(self, event: QPaintEvent) -> None:
        self.setGeometry(self.grid.viewport().rect())
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = QColor("#0d47a1") if not self.model.dark else QColor("#bbdefb")
        cell = self.grid.visualRect(self.model.index(0, 0))
        inset = min(cell.width(), cell.height()) * 0.28
        for a, b, count in self.segments():
            dx, dy = b.x() - a.x(), b.y() - a.y()
            length = math.hypot(dx, dy)
            if length < 1:
                continue
            ux, uy = dx / length, dy / length
            start = QPointF(a.x() + ux * inset, a.y() + uy * inset)
            end = QPointF(b.x() - ux * inset, b.y() - uy * inset)
            width = 2.0 + min(count, 5)
            painter.setPen(QPen(colour, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.drawLine(start, end)
            head = 8.0 + width * 1.5
            left = QPointF(
                end.x() - ux * head - uy * head * 0.55, end.y() - uy * head + ux * head * 0.55
            )
            right = QPointF(
                end.x() - ux * head + uy * head * 0.55, end.y() - uy * head - ux * head * 0.55
            )
            painter.setBrush(colour)
            painter.drawPolygon(QPolygonF([end, left, right]))
        painter.end()


def risk_totals(model: RiskMatrixModel, unassessed: int) -> str:
    """The line under the matrix of risks: how many, how many red, moved, unassessed."""
    cells = model.cells.values()
    parts = [
        translate("RosMatrix", "Risks: %1").replace(
            "%1", str(sum(len(c.current) for c in cells) + unassessed)
        ),
        translate("RosMatrix", "In the red band: {count}").format(
            count=sum(len(c.current) for c in cells if c.band is Band.RED)
        ),
        translate("RosMatrix", "Moved since first assessed: %1").replace(
            "%1", str(sum(model.moves.values()))
        ),
    ]
    if unassessed:
        parts.append(
            translate("RosMatrix", "Not assessed yet (in no cell): {count}").format(
                count=unassessed
            )
        )
    return " · ".join(parts)


def fill_chain_choices(combo: QComboBox, rows: Sequence[RegisterRow]) -> None:
    """All chains, or one of the chains that have risks (the choice kept)."""
    keep = combo.currentData()
    chains = {r.chain.id: r.chain for r in rows}
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(translate("RosMatrix", "All chains"), None)
    for chain in sorted(chains.values(), key=lambda c: c.name.casefold()):
        combo.addItem(chain.name, chain.id)
    combo.setCurrentIndex(max(combo.findData(keep), 0))
    combo.blockSignals(False)
