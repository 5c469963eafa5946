"""The chain map's picture of one chain, as a QGraphicsScene: links as boxes (kind, country,
responsible unit, maturity as colour, the weakest marked ⚑), numbered data flows as arrows,
the two regions of what the municipality and suppliers run, the risks on each link as a
badge, and a legend of the flows and the chain's own risks. Also its PNG and SVG files,
for the window and for ``kanban-sec map`` (offscreen)."""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QObject,
    QPointF,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsObject,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QGraphicsSimpleTextItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from kanban_sec.domain.chain_layout import SIDES, Geometry, Layout, Node, layout
from kanban_sec.domain.governance import Band
from kanban_sec.domain.model import MATURITY_MAX
from kanban_sec.domain.ros import RegisterRow
from kanban_sec.domain.text import t
from kanban_sec.domain.text_ros_map import country_name
from kanban_sec.ui.i18n import translate

GEOMETRY = Geometry()
#: Maturity 0..3 as colour (fill), dark to light enough for black text.
MATURITY_COLOURS = ("#ef9a9a", "#ffcc80", "#fff59d", "#a5d6a7")
BAND_COLOURS = {Band.RED: "#c62828", Band.YELLOW: "#b58900", Band.GREEN: "#2e7d32"}
UNASSESSED_COLOUR = "#616161"
REGION_COLOURS = {"municipality": "#e3f2fd", "supplier": "#f3e5f5"}
_BAND_ORDER = {Band.RED: 0, Band.YELLOW: 1, Band.GREEN: 2}


def worst_band(rows: list[RegisterRow]) -> Band | None:
    """The worst band among assessed risks (``None``: none assessed)."""
    bands = [r.band for r in rows if r.band is not None]
    return min(bands, key=_BAND_ORDER.__getitem__) if bands else None


def country_text(code: str, lang: str) -> str:
    """``NO – Norge``; the code alone when the catalogue has no name for it."""
    name = country_name(code, lang) if code else ""
    return f"{code} – {name}" if name else code


def risk_lines(rows: list[RegisterRow]) -> list[str]:
    """One line per risk: title, current L × C (or unassessed) and band."""
    out = []
    for row in rows:
        lk, co = row.risk.current
        if lk is None or co is None:
            judged = translate("ChainMap", "unassessed")
        else:
            judged = (
                translate("ChainMap", "L%1 × C%2").replace("%1", str(lk)).replace("%2", str(co))
            )
        out.append(f"• {row.risk.title} ({judged})")
    return out


class LinkBox(QGraphicsObject):
    """A link of the chain: a box that can be dragged, clicked and double-clicked."""

    moved = Signal(str)
    dropped = Signal(str, QPointF)
    clicked = Signal(str)
    double_clicked = Signal(str)

    def __init__(
        self,
        link: Any,
        unit_path: str,
        rows: list[RegisterRow],
        weakest: bool,
        lang: str,
    ) -> None:
        super().__init__()
        self.link = link
        self.link_id: str = link.id
        self.rows = rows
        self.weakest = weakest
        self.unit_path = unit_path
        self.lang = lang
        self.setObjectName(f"map-link-{link.id}")
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setAcceptHoverEvents(True)
        self.setZValue(2)
        self.band = worst_band(rows)
        self._press: QPointF | None = None
        tip = [f"<b>{link.name}</b>", self.detail_lines()[0], self.detail_lines()[1]]
        if unit_path:
            tip.append(unit_path)
        if weakest:
            tip.append(translate("ChainMap", "⚑ Weakest link of the chain"))
        if rows:
            tip.append(translate("ChainMap", "Risks on this link:"))
            tip += risk_lines(rows)
        self.setToolTip("<br>".join(tip))

    # -- what it shows ------------------------------------------------------------------
    def detail_lines(self) -> list[str]:
        kind = self.link.kind or translate("ChainMap", "(no kind)")
        country = country_text(self.link.country, self.lang) if self.link.country else "–"
        unit = (
            self.unit_path.rsplit(" / ", 1)[-1]
            if self.unit_path
            else translate("ChainMap", "(no unit)")
        )
        maturity = (
            translate("ChainMap", "Maturity %1/%2")
            .replace("%1", str(self.link.maturity))
            .replace("%2", str(MATURITY_MAX))
        )
        return [f"{kind} · {country}", unit, maturity]

    def title(self) -> str:
        return ("⚑ " if self.weakest else "") + self.link.name

    def boundingRect(self) -> QRectF:
        return QRectF(-6, -14, GEOMETRY.box_width + 20, GEOMETRY.box_height + 20)

    def box(self) -> QRectF:
        return QRectF(0, 0, GEOMETRY.box_width, GEOMETRY.box_height)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        rect = self.box()
        level = max(0, min(self.link.maturity, len(MATURITY_COLOURS) - 1))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        outline = QColor("#b71c1c") if self.weakest else QColor("#37474f")
        pen = QPen(outline, 4.0 if self.weakest else 1.5)
        if self.isSelected():
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(QColor(MATURITY_COLOURS[level]))
        painter.drawRoundedRect(rect, 8, 8)
        painter.setPen(QColor("#111111"))
        bold = QFont(painter.font())
        bold.setPointSizeF(10.0)
        bold.setBold(True)
        painter.setFont(bold)
        metrics = QFontMetricsF(bold)
        inner = rect.adjusted(10, 8, -10, -8)
        title_rect = QRectF(inner.left(), inner.top(), inner.width(), metrics.height() * 2 + 2)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        painter.drawText(title_rect, int(flags), self.title())
        plain = QFont(painter.font())
        plain.setBold(False)
        plain.setPointSizeF(8.5)
        painter.setFont(plain)
        small = QFontMetricsF(plain)
        y = title_rect.bottom() + 2
        for line in self.detail_lines():
            text = small.elidedText(line, Qt.TextElideMode.ElideRight, inner.width())
            painter.drawText(QPointF(inner.left(), y + small.ascent()), text)
            y += small.height()
        if self.rows:
            self._paint_badge(painter, rect, plain)

    def _paint_badge(self, painter: QPainter, rect: QRectF, font: QFont) -> None:
        colour = QColor(BAND_COLOURS[self.band] if self.band else UNASSESSED_COLOUR)
        badge = QRectF(rect.right() - 14, rect.top() - 12, 26, 26)
        painter.setPen(QPen(QColor("white"), 2))
        painter.setBrush(colour)
        painter.drawEllipse(badge)
        bold = QFont(font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(QColor("white"))
        painter.drawText(badge, int(Qt.AlignmentFlag.AlignCenter), str(len(self.rows)))

    # -- moving and clicking ---------------------------------------------------------------
    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            self.moved.emit(self.link_id)
        return super().itemChange(change, value)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self._press = self.pos()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        start, self._press = self._press, None
        if start is not None and (self.pos() - start).manhattanLength() > 2:
            self.dropped.emit(self.link_id, self.pos())
        elif event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.link_id)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.double_clicked.emit(self.link_id)
        event.accept()


class FlowArrow(QGraphicsPathItem):
    """A numbered data flow from one box to another; it follows the boxes when they move."""

    def __init__(self, flow: Any, source: LinkBox, target: LinkBox, lane: int) -> None:
        super().__init__()
        self.flow = flow
        self.number: int = flow.number
        self.source, self.target, self.lane = source, target, lane
        self.setZValue(1)
        self.setPen(QPen(QColor("#263238"), 1.8))
        self.setToolTip(f"{flow.number}. {flow.data}")
        self.label = QGraphicsSimpleTextItem(str(flow.number), self)
        font = QFont()
        font.setPointSizeF(8.5)
        font.setBold(True)
        self.label.setFont(font)
        self.label.setBrush(QColor("white"))
        self.label.setZValue(4)
        self.disc = QGraphicsPathItem(self)
        self.disc.setBrush(QColor("#1565c0"))
        self.disc.setPen(QPen(QColor("white"), 1.5))
        self.disc.setZValue(3)
        self.head = QGraphicsPathItem(self)
        self.head.setBrush(QColor("#263238"))
        self.head.setPen(QPen(Qt.PenStyle.NoPen))
        self.update_path()

    def update_path(self) -> None:
        a = self.source.sceneBoundingRect().center() + QPointF(0, 3)
        b = self.target.sceneBoundingRect().center() + QPointF(0, 3)
        dx, dy = b.x() - a.x(), b.y() - a.y()
        length = math.hypot(dx, dy) or 1.0
        normal = QPointF(-dy / length, dx / length) * (self.lane * 14.0)
        start = _edge_point(self.source, a + normal, b + normal)
        end = _edge_point(self.target, b + normal, a + normal)
        path = QPainterPath(start)
        path.lineTo(end)
        self.setPath(path)
        ux, uy = (end.x() - start.x()), (end.y() - start.y())
        size = math.hypot(ux, uy) or 1.0
        ux, uy = ux / size, uy / size
        tip = end
        left = QPointF(tip.x() - 12 * ux + 5 * uy, tip.y() - 12 * uy - 5 * ux)
        right = QPointF(tip.x() - 12 * ux - 5 * uy, tip.y() - 12 * uy + 5 * ux)
        head = QPainterPath()
        head.addPolygon(QPolygonF([tip, left, right, tip]))
        self.head.setPath(head)
        middle = QPointF((start.x() + end.x()) / 2, (start.y() + end.y()) / 2)
        disc = QPainterPath()
        disc.addEllipse(middle, 11, 11)
        self.disc.setPath(disc)
        text = self.label.boundingRect()
        self.label.setPos(middle - QPointF(text.width() / 2, text.height() / 2))


def _edge_point(box: LinkBox, inside: QPointF, outside: QPointF) -> QPointF:
    """Where the line from ``inside`` (in the box) towards ``outside`` leaves the box."""
    rect = box.box().translated(box.pos())
    dx, dy = outside.x() - inside.x(), outside.y() - inside.y()
    factors = []
    if dx:
        factors += [(rect.left() - inside.x()) / dx, (rect.right() - inside.x()) / dx]
    if dy:
        factors += [(rect.top() - inside.y()) / dy, (rect.bottom() - inside.y()) / dy]
    positive = [f for f in factors if f > 0]
    step = min(positive) if positive else 0.0
    return QPointF(inside.x() + dx * step, inside.y() + dy * step)


class Region(QGraphicsRectItem):
    """One side of the boundary: a labelled rectangle around its boxes."""

    def __init__(self, side: str, lang: str) -> None:
        super().__init__()
        self.side = side
        self.setZValue(0)
        self.setBrush(QColor(REGION_COLOURS[side]))
        pen = QPen(QColor("#546e7a"), 1.5)
        pen.setStyle(Qt.PenStyle.DashLine if side == "supplier" else Qt.PenStyle.SolidLine)
        self.setPen(pen)
        self.title = QGraphicsSimpleTextItem(t(f"map.region.{side}", lang), self)
        font = QFont()
        font.setPointSizeF(11)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setBrush(QColor("#263238"))

    def place(self, rect: QRectF) -> None:
        self.setRect(rect)
        self.title.setPos(rect.left() + 10, rect.top() + 6)


class ChainScene(QGraphicsScene):
    """The map of one chain (see the module's description)."""

    link_clicked = Signal(str)
    link_double_clicked = Signal(str)
    link_dropped = Signal(str, QPointF)

    def __init__(
        self,
        picture: Any,
        lang: str,
        saved: Mapping[str, tuple[float, float]] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.picture = picture
        self.lang = lang
        self.setBackgroundBrush(QColor("white"))
        rows_by_link: dict[str, list[RegisterRow]] = {}
        self.chain_rows: list[RegisterRow] = []
        for row in picture.rows:
            if row.risk.link_id:
                rows_by_link.setdefault(row.risk.link_id, []).append(row)
            else:
                self.chain_rows.append(row)
        self.auto: Layout = auto_layout(picture)
        self.boxes: dict[str, LinkBox] = {}
        for link in picture.links:
            box = LinkBox(
                link,
                picture.units.get(link.responsible_unit_id or "", ""),
                rows_by_link.get(link.id, []),
                link.id == picture.weakest,
                lang,
            )
            x, y = (saved or {}).get(link.id, self.auto.positions[link.id])
            box.setPos(x, y)
            box.moved.connect(self._box_moved)
            box.clicked.connect(self.link_clicked)
            box.double_clicked.connect(self.link_double_clicked)
            box.dropped.connect(self.link_dropped)
            self.addItem(box)
            self.boxes[link.id] = box
        self.regions = {side: Region(side, lang) for side in SIDES}
        for region in self.regions.values():
            self.addItem(region)
        self.arrows: list[FlowArrow] = []
        pairs: dict[frozenset[str], int] = {}
        for flow in picture.flows:
            if flow.from_link_id not in self.boxes or flow.to_link_id not in self.boxes:
                continue
            key = frozenset((flow.from_link_id, flow.to_link_id))
            count = pairs.get(key, 0)
            pairs[key] = count + 1
            lane = 0 if count == 0 else (count + 1) // 2 * (1 if count % 2 else -1)
            arrow = FlowArrow(
                flow, self.boxes[flow.from_link_id], self.boxes[flow.to_link_id], lane
            )
            self.addItem(arrow)
            self.arrows.append(arrow)
        self.legend = QGraphicsSimpleTextItem()
        font = QFont()
        font.setPointSizeF(9.5)
        self.legend.setFont(font)
        self.addItem(self.legend)
        self._place_regions()

    def _box_moved(self, link_id: str) -> None:
        for arrow in self.arrows:
            if link_id in (arrow.source.link_id, arrow.target.link_id):
                arrow.update_path()
        self._place_regions()

    def _place_regions(self) -> None:
        """Each region around its boxes (at least where the layout put it), the legend below."""
        g = GEOMETRY
        bottom = 0.0
        right = 0.0
        for side, region in self.regions.items():
            x, y, w, h = self.auto.regions[side]
            rect = QRectF(x, y, w, h)
            for box in self.boxes.values():
                if (box.link.run_by if box.link.run_by in SIDES else SIDES[0]) == side:
                    area = box.box().translated(box.pos())
                    rect = rect.united(
                        area.adjusted(-g.region_margin, -g.region_top, g.region_margin, 20)
                    )
            region.place(rect)
            bottom = max(bottom, rect.bottom())
            right = max(right, rect.right())
        self.legend.setText("\n".join(self.legend_lines()))
        self.legend.setPos(0, bottom + 24)
        self.setSceneRect(self.itemsBoundingRect().adjusted(-20, -20, 20, 20))

    def legend_lines(self) -> list[str]:
        names = {k.id: k.name for k in self.picture.links}
        lines = [translate("ChainMap", "Data flows")]
        for flow in self.picture.flows:
            lines.append(
                f"{flow.number}. {flow.data}: {names.get(flow.from_link_id, '?')} → "
                f"{names.get(flow.to_link_id, '?')}"
            )
        if not self.picture.flows:
            lines.append(translate("ChainMap", "(no data flows yet)"))
        lines.append("")
        lines.append(
            translate("ChainMap", "Risks on the chain as a whole (%1)").replace(
                "%1", str(len(self.chain_rows))
            )
        )
        lines += risk_lines(self.chain_rows) or [translate("ChainMap", "(none)")]
        lines.append("")
        lines.append(
            translate(
                "ChainMap", "Colour: maturity 0 (red) to %1 (green) · ⚑ weakest link"
            ).replace("%1", str(MATURITY_MAX))
        )
        lines.append(translate("ChainMap", "Badge: the link's risks, coloured by the worst band"))
        return lines

    def positions(self) -> dict[str, tuple[float, float]]:
        return {link_id: (box.pos().x(), box.pos().y()) for link_id, box in self.boxes.items()}

    def place(self, positions: Mapping[str, tuple[float, float]]) -> None:
        for link_id, (x, y) in positions.items():
            if link_id in self.boxes:
                self.boxes[link_id].setPos(x, y)


def auto_layout(picture: Any) -> Layout:
    nodes = [Node(k.id, k.run_by, k.name) for k in picture.links]
    edges = [(f.from_link_id, f.to_link_id) for f in picture.flows]
    return layout(nodes, edges, GEOMETRY)


# -- files ----------------------------------------------------------------------------------


def png_bytes(scene: QGraphicsScene, scale: float = 2.0) -> bytes:
    """The scene as a PNG image (``scale``: pixels per scene unit, for print)."""
    rect = scene.sceneRect()
    image = QImage(
        QSize(max(1, math.ceil(rect.width() * scale)), max(1, math.ceil(rect.height() * scale))),
        QImage.Format.Format_ARGB32,
    )
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, QRectF(image.rect()), rect)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes
    buffer.close()
    return bytes(data.data())


def svg_bytes(scene: QGraphicsScene, title: str) -> bytes:
    """The scene as SVG (vector: text stays text)."""
    from PySide6.QtSvg import QSvgGenerator

    rect = scene.sceneRect()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(QSize(math.ceil(rect.width()), math.ceil(rect.height())))
    generator.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
    generator.setTitle(title)
    generator.setDescription("kanban-sec chain map")
    painter = QPainter(generator)
    scene.render(painter, QRectF(0, 0, rect.width(), rect.height()), rect)
    painter.end()
    buffer.close()
    return bytes(data.data())


def image_bytes(scene: ChainScene, fmt: str) -> bytes:
    return svg_bytes(scene, scene.picture.chain.name) if fmt == "svg" else png_bytes(scene)


_app: Any = None


def write_map(
    picture: Any,
    lang: str,
    fmt: str,
    path: str | os.PathLike[str],
    write: Callable[[str | os.PathLike[str], bytes], None],
    saved: Mapping[str, tuple[float, float]] | None = None,
) -> None:
    """Draw ``picture`` (offscreen when there is no window) and write it as PNG or SVG."""
    global _app
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        _app = QApplication([])  # kept: Qt cannot make a second one in a process
        from kanban_sec.ui import i18n

        i18n.install(lang)
    scene = ChainScene(picture, lang, saved)
    write(Path(path), image_bytes(scene, fmt))
