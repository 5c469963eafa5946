"""The chain map window (View ▸ Chain map, and from a chain anywhere): one chain at a time,
chosen at the top, drawn as :mod:`kanban_sec.ui.chain_map_scene` draws it. Boxes are laid
out automatically and can be dragged; where they were put is remembered per chain and
link until "Lay out again". A click on a link filters the board to that link's items; a
double-click lists its risks. The File menu writes the map as PNG, SVG or Open Threat
Model JSON."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCursor, QKeySequence, QPainter, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QGraphicsView,
    QLabel,
    QMenuBar,
    QToolBar,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from kanban_sec.domain.errors import KanbanError
from kanban_sec.services.chain_map import ChainMapService
from kanban_sec.services.files import write_atomically
from kanban_sec.services.ros import RosService
from kanban_sec.services.session import Session
from kanban_sec.ui.chain_map_scene import ChainScene, image_bytes, risk_lines
from kanban_sec.ui.i18n import current_language
from kanban_sec.ui.notify import show_error

#: QSettings group of the positions boxes were dragged to: chain_map/<chain id>/<link id>.
SETTINGS_GROUP = "chain_map"


def saved_positions(chain_id: str) -> dict[str, tuple[float, float]]:
    """Where boxes of the chain were dragged to (link id → top-left corner)."""
    settings = QSettings()
    settings.beginGroup(f"{SETTINGS_GROUP}/{chain_id}")
    out = {}
    for link_id in settings.childKeys():
        value = settings.value(link_id)
        try:
            x, y = (float(v) for v in str(value).split(","))
        except ValueError:
            continue
        out[link_id] = (x, y)
    settings.endGroup()
    return out


def remember_position(chain_id: str, link_id: str, where: QPointF) -> None:
    QSettings().setValue(f"{SETTINGS_GROUP}/{chain_id}/{link_id}", f"{where.x()},{where.y()}")


def forget_positions(chain_id: str) -> None:
    QSettings().remove(f"{SETTINGS_GROUP}/{chain_id}")


class MapView(QGraphicsView):
    """The scene, fitted to the window while that keeps the text readable."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chain-map-view")
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)

    def fit(self) -> None:
        """Scale the whole map into view, but never so small the text cannot be read."""
        scene = self.scene()
        if scene is None:
            return
        rect = scene.sceneRect()
        room = self.viewport().rect()
        if rect.isEmpty() or room.isEmpty():
            return
        scale = min(room.width() / rect.width(), room.height() / rect.height(), 1.0)
        scale = max(scale, 0.75)
        self.resetTransform()
        self.scale(scale, scale)
        self.centerOn(rect.center() if scale * rect.width() <= room.width() else rect.topLeft())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()


class ChainMapWindow(QDialog):
    """One chain's map (a window of its own, not modal); ``link_chosen`` (link id) when a
    link is clicked."""

    link_chosen = Signal(str)

    def __init__(
        self, session: Session, chain_id: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("chain-map")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint)
        self.setModal(False)
        self.session = session
        self.scene_: ChainScene | None = None
        self.view = MapView(self)
        self.status = QLabel()
        self.status.setObjectName("map-status")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.menu_bar = QMenuBar(self)
        layout.setMenuBar(self.menu_bar)
        self._build_toolbar()
        layout.addWidget(self.toolbar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        self._build_menus()
        self.retranslate()
        self.resize(1280, 800)
        self.fill_chains(chain_id)

    # -- building --------------------------------------------------------------------------
    def _build_toolbar(self) -> None:
        bar = QToolBar(self)
        bar.setObjectName("chain-map-toolbar")
        bar.setMovable(False)
        self.chain_label = QLabel()
        bar.addWidget(self.chain_label)
        self.chain_combo = QComboBox()
        self.chain_combo.setObjectName("map-chain")
        self.chain_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.chain_combo.currentIndexChanged.connect(lambda _=0: self.redraw())
        self.chain_label.setBuddy(self.chain_combo)
        bar.addWidget(self.chain_combo)
        self.relayout_action = QAction(self)
        self.relayout_action.setObjectName("map-relayout")
        self.relayout_action.triggered.connect(self.lay_out_again)
        self.fit_action = QAction(self)
        self.fit_action.setObjectName("map-fit")
        self.fit_action.setShortcut(QKeySequence("Ctrl+0"))
        self.fit_action.triggered.connect(self.view.fit)
        bar.addAction(self.relayout_action)
        bar.addAction(self.fit_action)
        self.hint = QLabel()
        self.hint.setObjectName("map-hint")
        bar.addSeparator()
        bar.addWidget(self.hint)
        self.toolbar = bar

    def _build_menus(self) -> None:
        self.png_action = QAction(self)
        self.png_action.setObjectName("map-export-png")
        self.png_action.triggered.connect(lambda: self.export_dialog("png"))
        self.svg_action = QAction(self)
        self.svg_action.setObjectName("map-export-svg")
        self.svg_action.triggered.connect(lambda: self.export_dialog("svg"))
        self.otm_action = QAction(self)
        self.otm_action.setObjectName("map-export-otm")
        self.otm_action.triggered.connect(lambda: self.export_dialog("otm"))
        self.close_action = QAction(self)
        self.close_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Close))
        self.close_action.triggered.connect(self.close)
        self.file_menu = self.menu_bar.addMenu("")
        for action in (self.png_action, self.svg_action, self.otm_action):
            self.file_menu.addAction(action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.close_action)
        self.view_menu = self.menu_bar.addMenu("")
        self.view_menu.addAction(self.relayout_action)
        self.view_menu.addAction(self.fit_action)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Chain map"))
        self.chain_label.setText(self.tr("&Chain:"))
        self.chain_combo.setAccessibleName(self.tr("Chain to show"))
        self.relayout_action.setText(self.tr("Lay out again"))
        self.relayout_action.setToolTip(
            self.tr("Forget where boxes were dragged and lay the chain out automatically")
        )
        self.fit_action.setText(self.tr("Fit to window"))
        self.hint.setText(
            self.tr("Click a link to show its items on the board · double-click for its risks")
        )
        self.file_menu.setTitle(self.tr("&File"))
        self.view_menu.setTitle(self.tr("&View"))
        self.png_action.setText(self.tr("Export as PNG…"))
        self.svg_action.setText(self.tr("Export as SVG…"))
        self.otm_action.setText(self.tr("Export as Open Threat Model (OTM)…"))
        self.close_action.setText(self.tr("Close"))

    # -- the chain shown -------------------------------------------------------------------
    def fill_chains(self, chosen: str | None = None) -> None:
        """The board's chains in the chooser; ``chosen`` (a chain id) shown, else the one
        shown before, else the first."""
        from kanban_sec.services.board import BoardService

        keep = chosen or self.chain_combo.currentData()
        chains = sorted(
            BoardService(self.session).chains().values(), key=lambda c: c.name.casefold()
        )
        self.chain_combo.blockSignals(True)
        self.chain_combo.clear()
        for chain in chains:
            self.chain_combo.addItem(chain.name, chain.id)
        found = self.chain_combo.findData(keep)
        self.chain_combo.setCurrentIndex(found if found >= 0 else 0)
        self.chain_combo.blockSignals(False)
        self.redraw()

    def chain_id(self) -> str | None:
        data = self.chain_combo.currentData()
        return str(data) if data else None

    def show_chain(self, chain_id: str) -> None:
        found = self.chain_combo.findData(chain_id)
        if found >= 0:
            self.chain_combo.setCurrentIndex(found)

    def redraw(self) -> None:
        """Draw the chosen chain again from the board (after a change or another choice)."""
        chain_id = self.chain_id()
        old = self.scene_
        if chain_id is None:
            self.scene_ = None
            self.view.setScene(None)  # type: ignore[arg-type]
        else:
            picture = RosService(self.session).picture(self.chain_combo.currentText())
            scene = ChainScene(picture, current_language(), saved_positions(chain_id), self)
            scene.link_clicked.connect(self.link_chosen)
            scene.link_double_clicked.connect(self.show_risks)
            scene.link_dropped.connect(
                lambda link_id, where: remember_position(chain_id, link_id, where)
            )
            self.scene_ = scene
            self.view.setScene(scene)
            self.view.fit()
        if old is not None:
            old.deleteLater()

    def lay_out_again(self) -> None:
        chain_id = self.chain_id()
        if chain_id is not None:
            forget_positions(chain_id)
            self.redraw()

    def show_risks(self, link_id: str) -> str:
        """The link's risks, beside the pointer (the register opens from the Risk menu)."""
        if self.scene_ is None or link_id not in self.scene_.boxes:
            return ""
        box = self.scene_.boxes[link_id]
        lines = risk_lines(box.rows) or [self.tr("No risks on this link yet.")]
        text = "<b>" + box.link.name + "</b><br>" + "<br>".join(lines)
        QToolTip.showText(QCursor.pos(), text, self.view)
        return text

    # -- files ----------------------------------------------------------------------------
    def export_dialog(self, fmt: str) -> None:
        if self.scene_ is None:
            return
        filters = {
            "png": self.tr("PNG image (*.png)"),
            "svg": self.tr("SVG drawing (*.svg)"),
            "otm": self.tr("Open Threat Model (*.otm.json *.json)"),
        }
        suffix = ".otm.json" if fmt == "otm" else f".{fmt}"
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the chain map"),
            self.scene_.picture.chain.name + suffix,
            filters[fmt],
        )
        if path:
            self.export(fmt, path)

    def export(self, fmt: str, path: str) -> None:
        """Write the map as shown (PNG, SVG) or as OTM JSON to ``path``."""
        if self.scene_ is None:
            return
        try:
            if fmt == "otm":
                ChainMapService(self.session).write_otm(self.scene_.picture.chain.name, path)
            else:
                write_atomically(path, image_bytes(self.scene_, fmt))
        except KanbanError as error:
            show_error(self, error)
            return
        self.status.setText(self.tr("Written: %1").replace("%1", path))

    def changeEvent(self, event: Any) -> None:
        if event.type() == event.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
