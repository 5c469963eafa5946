"""Flat scroll bars for the board's columns.

Fusion paints a scroll bar with gradients in 1.3–2.2 ms, and a card moved between two
columns changes both columns' ranges: two scroll bars repainted were a third of a move's
time. These are drawn flat (a groove, a rounded handle, two arrows) in Fusion's geometry,
so they behave exactly as before: same size, same click and drag areas.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOptionComplex,
    QStyleOptionSlider,
    QWidget,
)

_SUB = QStyle.SubControl
_STATE = QStyle.StateFlag


_SHARED: list[FlatScrollStyle] = []


def flat_scroll_style() -> FlatScrollStyle:
    """The one style of the columns' scroll bars, owned by the application (a widget does
    not own the style it is given: this one outlives every scroll bar)."""
    if not _SHARED:
        _SHARED.append(FlatScrollStyle(QApplication.instance()))
    return _SHARED[0]


class FlatScrollStyle(QProxyStyle):
    """Fusion, but with flat scroll bars (for the board's column views)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(QStyleFactory.create("Fusion"))
        if parent is not None:
            self.setParent(parent)

    def drawComplexControl(
        self,
        control: QStyle.ComplexControl,
        option: QStyleOptionComplex,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if control != QStyle.ComplexControl.CC_ScrollBar or not isinstance(
            option, QStyleOptionSlider
        ):
            super().drawComplexControl(control, option, painter, widget)
            return
        palette = option.palette
        groove = palette.color(QPalette.ColorRole.Window)
        painter.save()
        painter.fillRect(option.rect, groove)
        # (Qt takes no widget here too; the stubs say one is needed)
        slider = self.subControlRect(control, option, _SUB.SC_ScrollBarSlider, widget)  # type: ignore[arg-type]
        if slider.isValid() and option.maximum > option.minimum:
            pressed = option.activeSubControls & _SUB.SC_ScrollBarSlider and (
                option.state & _STATE.State_Sunken
            )
            hovered = option.activeSubControls & _SUB.SC_ScrollBarSlider and (
                option.state & _STATE.State_MouseOver
            )
            # Between the groove and the text colour: it stands out (≥ 3:1 against the
            # groove) in a light palette and a dark one alike; darker while held or hovered.
            colour = _mix(groove, palette.color(QPalette.ColorRole.Text), HANDLE)
            if pressed or hovered:
                colour = _mix(groove, palette.color(QPalette.ColorRole.Text), HANDLE_ACTIVE)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            radius = min(slider.width(), slider.height()) / 2 - 2
            painter.drawRoundedRect(QRectF(slider).adjusted(2, 2, -2, -2), radius, radius)
        arrows = (
            (_SUB.SC_ScrollBarSubLine, _vertical(option, up=True)),
            (_SUB.SC_ScrollBarAddLine, _vertical(option, up=False)),
        )
        for sub, primitive in arrows:
            rect = self.subControlRect(control, option, sub, widget)  # type: ignore[arg-type]
            if rect.isValid():
                arrow = QStyleOptionSlider(option)
                arrow.rect = rect.adjusted(3, 3, -3, -3)
                self.baseStyle().drawPrimitive(primitive, arrow, painter, widget)
        painter.restore()


#: How far from the groove's colour toward the text's the handle is (at rest, in use).
HANDLE = 0.5
HANDLE_ACTIVE = 0.7


def _mix(a: QColor, b: QColor, share: float) -> QColor:
    """``share`` of the way from ``a`` to ``b``."""
    return QColor(
        round(a.red() + (b.red() - a.red()) * share),
        round(a.green() + (b.green() - a.green()) * share),
        round(a.blue() + (b.blue() - a.blue()) * share),
    )


def _vertical(option: QStyleOptionSlider, *, up: bool) -> QStyle.PrimitiveElement:
    element = QStyle.PrimitiveElement
    if option.orientation == Qt.Orientation.Vertical:
        return element.PE_IndicatorArrowUp if up else element.PE_IndicatorArrowDown
    return element.PE_IndicatorArrowLeft if up else element.PE_IndicatorArrowRight
