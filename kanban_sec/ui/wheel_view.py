"""The annual wheel (årshjul) drawn as a wheel: twelve months, activities on their dates."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QToolTip, QWidget

from kanban_sec.ui.i18n import translate

#: Status of an occurrence -> colour of its dot.
STATUS_COLOURS = {
    "done": "#2e7d32",
    "open": "#1565c0",
    "overdue": "#c62828",
    "planned": "#9e9e9e",
    "skipped": "#e0e0e0",
}
DOT = 7.0


@dataclass(frozen=True)
class WheelEntry:
    """One occurrence of a recurring activity in the year."""

    activity_id: str
    title: str
    day: date
    status: str  # done | open | overdue | planned | skipped


def status_name(status: str) -> str:
    names = {
        "done": translate("Wheel", "Done"),
        "open": translate("Wheel", "On the board"),
        "overdue": translate("Wheel", "Overdue"),
        "planned": translate("Wheel", "Planned"),
        "skipped": translate("Wheel", "Skipped"),
    }
    return names.get(status, status)


class AnnualWheelView(QWidget):
    """Twelve months round a circle; each occurrence a dot, coloured by its status.

    Several activities in a month stand on rings of their own, so dots do not hide each
    other; today is a hand from the centre. Clicking a dot opens its activity.
    """

    activity_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annual-wheel")
        self.setMouseTracking(True)
        self.setMinimumSize(420, 420)
        self.year = date.today().year
        self.today: date | None = date.today()
        self.entries: list[WheelEntry] = []
        self._rings: dict[str, int] = {}
        self._dots: list[tuple[QPointF, WheelEntry]] = []
        self.retranslate()

    def retranslate(self) -> None:
        """Name and description in the window's language; months, legend and the hub's
        word are painted in it (after a switch too)."""
        self.setAccessibleName(translate("Wheel", "Annual wheel"))
        self.set_entries(self.year, self.entries, self.today)

    def sizeHint(self) -> QSize:
        return QSize(720, 720)

    def set_entries(self, year: int, entries: list[WheelEntry], today: date | None) -> None:
        """Show ``year`` with its occurrences; ``today`` is marked when it falls in it."""
        self.year = year
        self.today = today if today is not None and today.year == year else None
        self.entries = sorted(entries, key=lambda e: (e.day, e.title))
        # One ring per activity, in order of its first date: an activity keeps its ring.
        self._rings = {}
        for entry in self.entries:
            self._rings.setdefault(entry.activity_id, len(self._rings))
        summary = ", ".join(
            f"{e.day:%d.%m} {e.title} ({status_name(e.status)})" for e in self.entries[:40]
        )
        self.setAccessibleDescription(summary)
        self.update()

    # -- geometry ----------------------------------------------------------------------
    def _angle(self, day: date) -> float:
        """Radians, January at the top, clockwise."""
        start = date(self.year, 1, 1)
        length = (date(self.year + 1, 1, 1) - start).days
        fraction = ((day - start).days + 0.5) / length
        return -math.pi / 2 + fraction * 2 * math.pi

    def _geometry(self) -> tuple[QPointF, float, float, float]:
        side = min(self.width(), self.height()) - 20
        centre = QPointF(self.width() / 2, self.height() / 2)
        outer = side / 2
        label_band = QFontMetrics(self.font()).height() * 2.2
        ring_outer = outer - label_band
        ring_inner = ring_outer * 0.35
        return centre, outer, ring_outer, ring_inner

    def _ring_radius(self, ring: int, inner: float, outer: float) -> float:
        count = max(len(self._rings), 1)
        step = (outer - inner) / count
        return outer - step * (ring + 0.5)

    # -- painting ----------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        centre, outer, ring_outer, ring_inner = self._geometry()

        # Month sectors: alternate shading, names outside the rings.
        month_font = QFont(self.font())
        month_font.setBold(True)
        painter.setFont(month_font)
        locale = self.locale()
        base = palette.color(QPalette.ColorRole.Base)
        alternate = palette.color(QPalette.ColorRole.AlternateBase)
        for month in range(1, 13):
            first = date(self.year, month, 1)
            last = date(self.year + (month == 12), month % 12 + 1, 1)
            a0, a1 = self._angle(first), self._angle(last)
            path = QPainterPath()
            path.moveTo(centre)
            rect = QRectF(
                centre.x() - ring_outer, centre.y() - ring_outer, ring_outer * 2, ring_outer * 2
            )
            path.arcTo(rect, -math.degrees(a0), -math.degrees(a1 - a0))
            path.closeSubpath()
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
            painter.setBrush(alternate if month % 2 else base)
            painter.drawPath(path)
            middle = (a0 + a1) / 2
            label_r = ring_outer + (outer - ring_outer) / 2
            name = locale.monthName(month, locale.FormatType.ShortFormat)
            point = QPointF(
                centre.x() + label_r * math.cos(middle), centre.y() + label_r * math.sin(middle)
            )
            box = QRectF(point.x() - 40, point.y() - 12, 80, 24)
            painter.setPen(text)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, name)

        # The hub: the year.
        painter.setBrush(base)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        painter.drawEllipse(centre, ring_inner, ring_inner)
        year_font = QFont(self.font())
        year_font.setPointSizeF(self.font().pointSizeF() * 1.8)
        year_font.setBold(True)
        painter.setFont(year_font)
        painter.setPen(text)
        painter.drawText(
            QRectF(
                centre.x() - ring_inner, centre.y() - ring_inner, ring_inner * 2, ring_inner * 2
            ),
            Qt.AlignmentFlag.AlignCenter,
            f"{self.year}\n" + translate("Wheel", "årshjul"),
        )

        # Today's hand.
        if self.today is not None:
            angle = self._angle(self.today)
            painter.setPen(QPen(QColor("#c62828"), 2, Qt.PenStyle.DashLine))
            painter.drawLine(
                QPointF(
                    centre.x() + ring_inner * math.cos(angle),
                    centre.y() + ring_inner * math.sin(angle),
                ),
                QPointF(
                    centre.x() + ring_outer * math.cos(angle),
                    centre.y() + ring_outer * math.sin(angle),
                ),
            )

        # The occurrences.
        self._dots = []
        painter.setFont(self.font())
        for entry in self.entries:
            ring = self._rings[entry.activity_id]
            radius = self._ring_radius(ring, ring_inner, ring_outer)
            angle = self._angle(entry.day)
            point = QPointF(
                centre.x() + radius * math.cos(angle), centre.y() + radius * math.sin(angle)
            )
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Base), 1.5))
            painter.setBrush(QColor(STATUS_COLOURS.get(entry.status, "#9e9e9e")))
            painter.drawEllipse(point, DOT, DOT)
            self._dots.append((point, entry))

        # Legend, bottom left.
        painter.setPen(muted)
        metrics = QFontMetrics(self.font())
        y = self.height() - 8 - metrics.height() * len(STATUS_COLOURS)
        for status, colour in STATUS_COLOURS.items():
            painter.setBrush(QColor(colour))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(QPointF(14, y + metrics.height() / 2), 5, 5)
            painter.setPen(text)
            painter.drawText(QPointF(24, y + metrics.ascent()), status_name(status))
            y += metrics.height()
        painter.end()

    # -- interaction -------------------------------------------------------------------
    def entry_at(self, point: QPointF) -> WheelEntry | None:
        best = None
        for dot, entry in self._dots:
            distance = math.hypot(dot.x() - point.x(), dot.y() - point.y())
            if distance <= DOT + 3 and (best is None or distance < best[0]):
                best = (distance, entry)
        return best[1] if best else None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        entry = self.entry_at(event.position())
        if entry is None:
            QToolTip.hideText()
            return
        day = self.locale().toString(QDate(entry.day.year, entry.day.month, entry.day.day))
        QToolTip.showText(
            event.globalPosition().toPoint(),
            f"{entry.title}\n{day} · {status_name(entry.status)}",
            self,
        )

    def mousePressEvent(self, event: QMouseEvent) -> None:
        entry = self.entry_at(event.position())
        if entry is not None and event.button() == Qt.MouseButton.LeftButton:
            self.activity_clicked.emit(entry.activity_id)
