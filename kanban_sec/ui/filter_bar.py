"""The board window's toolbar: search and filters, and the ROS matrix cell being shown."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QToolBar,
    QToolButton,
    QWidget,
)

from kanban_sec.domain.model import Classification
from kanban_sec.services.live_board import BoardFilter, LiveBoard

#: A combo box's "any …" entry.
ANY = "__any__"


class FilterBar(QToolBar):
    """What the board shows: a search, three check boxes, five choices and the matrix cell
    (chosen in the ROS matrix); ``changed`` after each change, and the choices are kept."""

    changed = Signal()

    def __init__(self, live: LiveBoard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filters")
        self.setMovable(False)
        self.live = live
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        # Narrow enough that every filter and Clear filters fit a 1280 px wide window; it
        # takes what room there is beyond that.
        self.search.setMinimumWidth(160)
        self.search.setMaximumWidth(360)
        self.search.textChanged.connect(self._changed)
        self.addWidget(self.search)
        self.mine_box = QCheckBox()
        self.mine_box.setObjectName("filter-mine")
        self.weakest_box = QCheckBox()
        self.weakest_box.setObjectName("filter-weakest")
        self.blocked_box = QCheckBox()
        self.blocked_box.setObjectName("filter-blocked")
        for box in self.boxes():
            box.toggled.connect(self._changed)
            self.addWidget(box)
        self.unit_combo = self._combo("filter-unit")
        self.chain_combo = self._combo("filter-chain")
        self.chain_combo.currentIndexChanged.connect(self._fill_links)
        self.link_combo = self._combo("filter-link")
        self.tag_combo = self._combo("filter-tag")
        self.class_combo = self._combo("filter-classification")
        for combo in self.combos():
            self.addWidget(combo)
        #: The ROS matrix cell shown alone: (likelihood, consequence), or None.
        self.cell: tuple[int, int] | None = None
        self.cell_label = QLabel()
        self.cell_label.setObjectName("filter-cell")
        self.cell_label.setVisible(False)
        self.cell_label.setStyleSheet(
            "QLabel { padding: 2px 6px; border-radius: 4px; background: #1565c0; color: white; }"
        )
        self.cell_label_action = self.addWidget(self.cell_label)
        self.cell_label_action.setVisible(False)
        #: The measures of these ROS risks shown alone (chosen in the ROS matrix), or None.
        self.risk_ids: frozenset[str] | None = None
        self._risk_cell: tuple[int, int] | None = None
        self.risks_label = QLabel()
        self.risks_label.setObjectName("filter-risks")
        self.risks_label.setStyleSheet(self.cell_label.styleSheet())
        self.risks_label_action = self.addWidget(self.risks_label)
        self.risks_label_action.setVisible(False)
        #: The link chosen on the chain map, shown as a chip that clears it when clicked.
        self.link_chip = QToolButton()
        self.link_chip.setObjectName("filter-link-chip")
        self.link_chip.setStyleSheet(
            "QToolButton { padding: 2px 6px; border-radius: 4px; background: #1565c0;"
            " color: white; }"
        )
        self.link_chip.clicked.connect(self.clear)
        self.link_chip_action = self.addWidget(self.link_chip)
        self.link_chip_action.setVisible(False)
        self.link_combo.currentIndexChanged.connect(self._link_chip_still_true)
        self.clear_action = QAction(self)
        self.clear_action.setObjectName("clear-filters")
        self.clear_action.triggered.connect(self.clear)
        self.addAction(self.clear_action)

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.setMaximumWidth(180)  # the list itself opens as wide as its longest entry
        combo.currentIndexChanged.connect(self._changed)
        return combo

    def boxes(self) -> tuple[QCheckBox, ...]:
        return (self.mine_box, self.weakest_box, self.blocked_box)

    def combos(self) -> tuple[QComboBox, ...]:
        return (
            self.unit_combo,
            self.chain_combo,
            self.link_combo,
            self.tag_combo,
            self.class_combo,
        )

    def _changed(self, *_: object) -> None:
        self.changed.emit()

    # -- texts ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Every text of the bar again (after a language switch); then :meth:`fill_choices`."""
        self.clear_action.setText(self.tr("Clear filters"))
        self.search.setPlaceholderText(self.tr("Search title, tag, reference, chain…"))
        self.mine_box.setText(self.tr("Mine"))
        self.weakest_box.setText(self.tr("⚑ Weakest link only"))
        self.blocked_box.setText(self.tr("Blocked"))
        self._show_risks_chip()
        self._name_controls()

    def _name_controls(self) -> None:
        """Accessible names for every control (read by screen readers)."""
        names = {
            self.search: self.tr("Search"),
            self.mine_box: self.tr("Show only my items"),
            self.weakest_box: self.tr("Show only weakest links"),
            self.blocked_box: self.tr("Show only blocked items"),
            self.unit_combo: self.tr("Filter by owner unit"),
            self.chain_combo: self.tr("Filter by chain"),
            self.link_combo: self.tr("Filter by link"),
            self.tag_combo: self.tr("Filter by tag"),
            self.class_combo: self.tr("Filter by classification"),
            self.cell_label: self.tr("ROS matrix cell filter"),
            self.risks_label: self.tr("ROS risk measures filter"),
            self.link_chip: self.tr("Chain map link filter: click to clear"),
        }
        for widget, name in names.items():
            widget.setAccessibleName(name)
        self.search.setAccessibleDescription(self.search.placeholderText())
        for action in self.actions():  # tool buttons: named as their action
            widget = self.widgetForAction(action)
            if widget is not None and widget not in names and action.text():
                widget.setAccessibleName(action.text().replace("&", ""))

    def fill_choices(self) -> None:
        """The units, chains, links, tags and classifications the board has now."""

        def fill(combo: QComboBox, any_text: str, choices: list[tuple[str, Any]]) -> None:
            keep = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(any_text, ANY)
            for text, data in choices:
                combo.addItem(text, data)
            found = combo.findData(keep)
            combo.setCurrentIndex(found if found >= 0 else 0)
            combo.blockSignals(False)

        live = self.live
        units = sorted(
            ((live.unit_path(u), u) for u in live.board.units), key=lambda pair: pair[0].casefold()
        )
        fill(self.unit_combo, self.tr("Any owner unit"), units)
        chains = sorted(
            ((c.name, c.id) for c in live.board.chains.values()),
            key=lambda pair: pair[0].casefold(),
        )
        fill(self.chain_combo, self.tr("Any chain"), chains)
        self._fill_links()
        tags = sorted({t for i in live.items.values() for t in i.tags}, key=str.casefold)
        fill(self.tag_combo, self.tr("Any tag"), [(t, t) for t in tags])
        names = {
            Classification.OPEN: self.tr("Open"),
            Classification.INTERNAL: self.tr("Internal"),
            Classification.CONFIDENTIAL: self.tr("Confidential"),
        }
        fill(
            self.class_combo,
            self.tr("Any classification"),
            [(names[c], c.value) for c in Classification],
        )

    def _fill_links(self) -> None:
        chain = self.chain_combo.currentData()
        keep = self.link_combo.currentData()
        self.link_combo.blockSignals(True)
        self.link_combo.clear()
        self.link_combo.addItem(self.tr("Any link"), ANY)
        if chain not in (None, ANY):
            for link in sorted(
                (lk for lk in self.live.board.links.values() if lk.chain_id == chain),
                key=lambda lk: lk.name.casefold(),
            ):
                self.link_combo.addItem(f"{link.name} ({link.maturity}/3)", link.id)
        found = self.link_combo.findData(keep)
        self.link_combo.setCurrentIndex(found if found >= 0 else 0)
        self.link_combo.setEnabled(chain not in (None, ANY))
        self.link_combo.blockSignals(False)

    # -- the filter ----------------------------------------------------------------------
    def current(self) -> BoardFilter:
        """The filter as the bar shows it."""

        def data(combo: QComboBox) -> Any:
            value = combo.currentData()
            return None if value in (None, ANY) else value

        classification = data(self.class_combo)
        return BoardFilter(
            text=self.search.text().strip(),
            mine=self.mine_box.isChecked(),
            unit_id=data(self.unit_combo),
            chain_id=data(self.chain_combo),
            link_id=data(self.link_combo),
            weakest_only=self.weakest_box.isChecked(),
            blocked_only=self.blocked_box.isChecked(),
            tag=data(self.tag_combo) or "",
            classification=Classification(classification) if classification else None,
            cell=self.cell,
            risk_ids=self.risk_ids,
        )

    def show_cell(self, likelihood: int, consequence: int) -> None:
        """Show only the open items in one ROS matrix cell."""
        self.risk_ids = None
        self.risks_label_action.setVisible(False)
        self.cell = (likelihood, consequence)
        self.cell_label.setText(
            self.tr("Matrix cell: likelihood %1 × consequence %2")
            .replace("%1", str(likelihood))
            .replace("%2", str(consequence))
        )
        self.cell_label_action.setVisible(True)
        self.changed.emit()

    def show_measures(self, risk_ids: frozenset[str], cell: tuple[int, int] | None = None) -> None:
        """Show only the measures (items on a risk) of ``risk_ids``: the risks of a ROS
        matrix ``cell`` (likelihood, consequence) or of the register, said on a chip."""
        self.cell = None
        self.cell_label_action.setVisible(False)
        self.risk_ids = frozenset(risk_ids)
        self._risk_cell = cell
        self._show_risks_chip()
        self.risks_label_action.setVisible(True)
        self.changed.emit()

    def _show_risks_chip(self) -> None:
        if self.risk_ids is None:
            return
        count = str(len(self.risk_ids))
        if self._risk_cell is None:
            text = self.tr("Measures of %1 ROS risk(s)").replace("%1", count)
        else:
            text = (
                self.tr("Measures of %1 ROS risk(s) in likelihood %2 × consequence %3")
                .replace("%1", count)
                .replace("%2", str(self._risk_cell[0]))
                .replace("%3", str(self._risk_cell[1]))
            )
        self.risks_label.setText(text)
        self.risks_label.setToolTip(self.tr("Clear filters shows the whole board again"))

    def show_link(self, link_id: str) -> None:
        """Show exactly the items on one link (chosen on the chain map): every other filter
        off, the link's chain and link chosen, and a chip naming it that clears it."""
        link = self.live.board.links.get(link_id)
        if link is None:
            return
        self.clear(quiet=True)
        self.chain_combo.blockSignals(True)
        self.chain_combo.setCurrentIndex(max(self.chain_combo.findData(link.chain_id), 0))
        self.chain_combo.blockSignals(False)
        self._fill_links()
        self.link_combo.blockSignals(True)
        self.link_combo.setCurrentIndex(max(self.link_combo.findData(link_id), 0))
        self.link_combo.blockSignals(False)
        chain = self.live.board.chains.get(link.chain_id)
        self.link_chip.setText(
            self.tr("Link: %1 ▸ %2  ✕")
            .replace("%1", chain.name if chain else "")
            .replace("%2", link.name)
        )
        self.link_chip.setToolTip(self.tr("Show the whole board again"))
        self.link_chip_action.setVisible(True)
        self.changed.emit()

    def _link_chip_still_true(self, *_: object) -> None:
        if self.link_chip_action.isVisible() and self.link_combo.currentData() in (None, ANY):
            self.link_chip_action.setVisible(False)

    def clear(self, quiet: bool = False) -> None:
        """Every filter off: the whole board."""
        controls = (self.search, *self.boxes(), *self.combos())
        for widget in controls:
            widget.blockSignals(True)
        self.search.clear()
        for box in self.boxes():
            box.setChecked(False)
        for combo in self.combos():
            combo.setCurrentIndex(0)
        for widget in controls:
            widget.blockSignals(False)
        self.cell = None
        self.cell_label_action.setVisible(False)
        self.risk_ids = None
        self.risks_label_action.setVisible(False)
        self.link_chip_action.setVisible(False)
        self._fill_links()
        if not quiet:
            self.changed.emit()

    # -- kept between sessions -------------------------------------------------------------
    def _keys(self) -> tuple[tuple[str, QComboBox], ...]:
        # The link after the chain: choosing the chain fills the links.
        return (
            ("filters/unit", self.unit_combo),
            ("filters/chain", self.chain_combo),
            ("filters/tag", self.tag_combo),
            ("filters/classification", self.class_combo),
            ("filters/link", self.link_combo),
        )

    def restore(self, settings: QSettings) -> None:
        """The filters as they were when the window last closed."""
        self.search.setText(str(settings.value("filters/text", "")))
        for key, box in zip(
            ("filters/mine", "filters/weakest", "filters/blocked"), self.boxes(), strict=True
        ):
            box.setChecked(bool(settings.value(key, False, type=bool)))
        for key, combo in self._keys():
            found = combo.findData(settings.value(key, ANY))
            if found >= 0:
                combo.setCurrentIndex(found)

    def save(self, settings: QSettings) -> None:
        settings.setValue("filters/text", self.search.text())
        for key, box in zip(
            ("filters/mine", "filters/weakest", "filters/blocked"), self.boxes(), strict=True
        ):
            settings.setValue(key, box.isChecked())
        for key, combo in self._keys():
            settings.setValue(key, combo.currentData())
