"""The risk register: every ROS risk in a sortable, filterable table (View ▸ Risk register).

The model holds the register's rows by risk id and patches rows in place (inserted,
removed, changed) when read again; a :class:`QSortFilterProxyModel` sorts by every column
and filters with the domain's :class:`RegisterFilter` (chain, link, band, treatment,
unassessed, re-assessment due). A double-click opens the risk.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QEvent,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kanban_sec.domain.governance import Band, Decision
from kanban_sec.domain.model import Status
from kanban_sec.domain.ros import RegisterFilter, RegisterRow
from kanban_sec.services.ros import RosService
from kanban_sec.ui.i18n import current_language, translate
from kanban_sec.ui.ros_words import band_name, flags_of, scale_label, treatment_name

Index = QModelIndex | QPersistentModelIndex
#: The value a column sorts by (numbers as numbers, empty last).
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
#: The row's risk id.
RISK_ID_ROLE = Qt.ItemDataRole.UserRole + 2
COLUMNS = (
    "key",
    "title",
    "chain",
    "link",
    "likelihood",
    "consequence",
    "band",
    "inherent",
    "target",
    "treatment",
    "valid_until",
    "measures",
    "flags",
)
_BAND_RANK = {Band.RED: 3, Band.YELLOW: 2, Band.GREEN: 1}
_BAND_INK = {Band.RED: "#c62828", Band.YELLOW: "#8d6e00", Band.GREEN: "#2e7d32"}


def column_title(name: str) -> str:
    return {
        "key": translate("RiskRegister", "Key"),
        "title": translate("RiskRegister", "Risk"),
        "chain": translate("RiskRegister", "Chain"),
        "link": translate("RiskRegister", "Link"),
        "likelihood": translate("RiskRegister", "Likelihood (by)"),
        "consequence": translate("RiskRegister", "Consequence (by)"),
        "band": translate("RiskRegister", "Current band"),
        "inherent": translate("RiskRegister", "Inherent"),
        "target": translate("RiskRegister", "Target"),
        "treatment": translate("RiskRegister", "Treatment"),
        "valid_until": translate("RiskRegister", "Valid until"),
        "measures": translate("RiskRegister", "Measures done"),
        "flags": translate("RiskRegister", "Asks for"),
    }[name]


def _pair(pair: tuple[int | None, int | None]) -> str:
    return "—" if None in pair else f"{pair[0]} × {pair[1]}"


class RegisterModel(QAbstractTableModel):
    """The register's rows (one per risk), kept by id and patched in place."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[RegisterRow] = []
        #: The rows as the register gives them (worst first): the order of ties.
        self.register_order: list[RegisterRow] = []
        self._sorted: tuple[int, Qt.SortOrder] | None = None
        self.words: Mapping[str, Sequence[str]] = {}

    def set_rows(self, rows: Sequence[RegisterRow], words: Mapping[str, Sequence[str]]) -> None:
        """The register as read now: gone rows removed, new ones added, the rest updated."""
        self.words = words
        self.register_order = list(rows)
        new = {r.risk.id: r for r in rows}
        for number in range(len(self.rows) - 1, -1, -1):
            if self.rows[number].risk.id not in new:
                self.beginRemoveRows(QModelIndex(), number, number)
                del self.rows[number]
                self.endRemoveRows()
        known = {r.risk.id for r in self.rows}
        for number, row in enumerate(self.rows):
            self.rows[number] = new[row.risk.id]
        if self.rows:
            last = self.index(len(self.rows) - 1, len(COLUMNS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)
        added = [r for r in rows if r.risk.id not in known]
        if added:
            start = len(self.rows)
            self.beginInsertRows(QModelIndex(), start, start + len(added) - 1)
            self.rows.extend(added)
            self.endInsertRows()

        if self._sorted is not None:
            self.sort(*self._sorted)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows by a column's own key (ties: worst first), in Python: one key per
        row, where a proxy would call back for every comparison."""
        if not 0 <= column < len(COLUMNS):
            return
        self._sorted = (column, order)
        name = COLUMNS[column]
        self.layoutAboutToBeChanged.emit()
        kept = self.persistentIndexList()
        kept_ids = [self.rows[i.row()].risk.id for i in kept]
        rank = {r.risk.id: n for n, r in enumerate(self.register_order)}
        self.rows.sort(key=lambda r: rank.get(r.risk.id, 0))
        self.rows.sort(
            key=lambda r: self.sort_key(r, name),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        where = {r.risk.id: n for n, r in enumerate(self.rows)}
        self.changePersistentIndexList(
            kept, [self.index(where[i], k.column()) for i, k in zip(kept_ids, kept, strict=True)]
        )
        self.layoutChanged.emit()

    def row_of(self, risk_id: str) -> int:
        return next((n for n, r in enumerate(self.rows) if r.risk.id == risk_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and 0 <= section < len(COLUMNS) and role == Qt.ItemDataRole.DisplayRole:
            return column_title(COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        name = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, name)
        if role == SORT_ROLE:
            return self.sort_key(row, name)
        if role == RISK_ID_ROLE:
            return row.risk.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, name)
        if role == Qt.ItemDataRole.ForegroundRole and name == "band" and row.band is not None:
            return QColor(_BAND_INK[row.band])
        if role == Qt.ItemDataRole.ForegroundRole and name == "flags" and flags_of(row):
            return QColor("#c62828")
        return None

    def text(self, row: RegisterRow, name: str) -> str:
        risk = row.risk
        if name == "key":
            return risk.id[-8:]
        if name == "title":
            return risk.title
        if name == "chain":
            return row.chain.name
        if name == "link":
            return row.link.name if row.link is not None else ""
        if name in ("likelihood", "consequence"):
            found = risk.likelihood if name == "likelihood" else risk.consequence
            by = row.likelihood_by if name == "likelihood" else row.consequence_by
            shown = str(found.value) if found.value is not None else "—"
            return f"{shown} ({by})" if by else shown
        if name == "band":
            return band_name(row.band)
        if name == "inherent":
            return _pair(risk.inherent)
        if name == "target":
            return _pair(risk.target)
        if name == "treatment":
            return treatment_name(row.decision.value if row.decision else None)
        if name == "valid_until":
            until = row.treatment.valid_until if row.treatment is not None else None
            return (
                QLocale().toString(
                    QDate(until.year, until.month, until.day), QLocale.FormatType.ShortFormat
                )
                if until
                else ""
            )
        if name == "measures":
            done = sum(1 for m in row.measures if m.status is Status.DONE)
            return f"{done}/{len(row.measures)}"
        return ", ".join(flags_of(row))

    def sort_key(self, row: RegisterRow, name: str) -> Any:
        risk = row.risk
        if name in ("likelihood", "consequence"):
            value = (risk.likelihood if name == "likelihood" else risk.consequence).value
            return value if value is not None else 0
        if name == "band":
            lk, co = risk.current
            return _BAND_RANK[row.band] * 100 + (lk or 0) * (co or 0) if row.band else 0
        if name in ("inherent", "target"):
            lk, co = risk.inherent if name == "inherent" else risk.target
            return (lk or 0) * (co or 0) * 10 + (lk or 0)
        if name == "valid_until":
            until = row.treatment.valid_until if row.treatment is not None else None
            return (until or date.max).isoformat()
        if name == "measures":
            done = sum(1 for m in row.measures if m.status is Status.DONE)
            return len(row.measures) * 1000 + done
        if name == "flags":
            return len(flags_of(row))
        return self.text(row, name).casefold()

    def tooltip(self, row: RegisterRow, name: str) -> str:
        if name in ("likelihood", "consequence"):
            return scale_label(self.words, name, getattr(row.risk, name).value)
        if name == "title":
            parts = [row.risk.title, row.risk.threat, row.risk.vulnerability]
            return "\n".join(p for p in parts if p)
        if name == "measures":
            return "\n".join(f"• {m.title}" for m in row.measures)
        return self.text(row, name)


class RegisterProxy(QSortFilterProxyModel):
    """Sorts by each column's own key and shows the rows the filter matches."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.where = RegisterFilter()
        self.setSortRole(SORT_ROLE)

    def set_filter(self, where: RegisterFilter) -> None:
        self.beginFilterChange()
        self.where = where
        self.endFilterChange()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The source model sorts (see :meth:`RegisterModel.sort`); this one only filters."""
        model = self.sourceModel()
        assert isinstance(model, RegisterModel)
        model.sort(column, order)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, RegisterModel)
        if not 0 <= source_row < len(model.rows):
            return False
        return self.where.matches(model.rows[source_row])


class RiskRegisterView(QDialog):
    """The risk register window; asks the main window to open, add or show a risk."""

    #: Open the risk dialog for this risk id.
    open_risk = Signal(str)
    #: Open the risk dialog for a new risk (of this chain id, or any).
    new_risk = Signal(object)
    #: Show these risks' measures on the board.
    show_measures = Signal(frozenset)

    def __init__(self, ros: RosService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("risk-register")
        self.ros = ros
        self.model = RegisterModel(self)
        self.proxy = RegisterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("risk-register-table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(self._open_index)

        self.chain = QComboBox()
        self.chain.setObjectName("register-chain")
        self.link = QComboBox()
        self.link.setObjectName("register-link")
        self.band = QComboBox()
        self.band.setObjectName("register-band")
        self.treatment = QComboBox()
        self.treatment.setObjectName("register-treatment")
        self.unassessed = QCheckBox()
        self.unassessed.setObjectName("register-unassessed")
        self.reassess = QCheckBox()
        self.reassess.setObjectName("register-reassess")
        self.count = QLabel()
        self.count.setObjectName("register-count")
        for combo in (self.chain, self.link, self.band, self.treatment):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(self._filter_changed)
        self.chain.currentIndexChanged.connect(self._fill_links)
        for box in (self.unassessed, self.reassess):
            box.toggled.connect(self._filter_changed)
        filters = QHBoxLayout()
        for widget in (self.chain, self.link, self.band, self.treatment):
            filters.addWidget(widget)
        filters.addWidget(self.unassessed)
        filters.addWidget(self.reassess)
        filters.addStretch(1)
        filters.addWidget(self.count)

        self.new_button = QPushButton()
        self.new_button.setObjectName("register-new")
        self.new_button.clicked.connect(lambda: self.new_risk.emit(self.chain.currentData()))
        self.open_button = QPushButton()
        self.open_button.setObjectName("register-open")
        self.open_button.clicked.connect(lambda: self._open_index(self.table.currentIndex()))
        self.measures_button = QPushButton()
        self.measures_button.setObjectName("register-show-measures")
        self.measures_button.clicked.connect(self._show_measures)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.open_button, self.measures_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.resize(1180, 600)
        self.retranslate()
        # Worst first; set before the rows come, so they are sorted once, as they arrive.
        self.table.sortByColumn(COLUMNS.index("band"), Qt.SortOrder.DescendingOrder)
        self.refresh()

    # -- data --------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the register again (after a change anywhere)."""
        rows = self.ros.register()
        self.model.set_rows(rows, self.ros.scales())
        self._fill_chains(rows)
        self._show_count()
        # Sized from the first rows (every row of a long register would take a second).
        self.table.horizontalHeader().setResizeContentsPrecision(40)
        self.table.resizeColumnsToContents()
        for column in ("title", "likelihood", "consequence"):
            number = COLUMNS.index(column)
            self.table.setColumnWidth(number, min(self.table.columnWidth(number), 260))

    def current_filter(self) -> RegisterFilter:
        band = self.band.currentData()
        return RegisterFilter(
            chain_id=self.chain.currentData(),
            link_id=self.link.currentData(),
            band=Band(band) if band else None,
            treatment=self.treatment.currentData(),
            unassessed=self.unassessed.isChecked(),
            reassess=self.reassess.isChecked(),
        )

    def shown_ids(self) -> list[str]:
        """The risk ids as the table shows them, top to bottom."""
        return [
            str(self.proxy.index(n, 0).data(RISK_ID_ROLE)) for n in range(self.proxy.rowCount())
        ]

    def _filter_changed(self, *_: object) -> None:
        self.proxy.set_filter(self.current_filter())
        self._show_count()

    def _show_count(self) -> None:
        self.count.setText(
            translate("RiskRegister", "%1 of %2 risks")
            .replace("%1", str(self.proxy.rowCount()))
            .replace("%2", str(self.model.rowCount()))
        )

    def _fill_chains(self, rows: Sequence[RegisterRow]) -> None:
        keep = self.chain.currentData()
        self.chain.blockSignals(True)
        self.chain.clear()
        self.chain.addItem(translate("RiskRegister", "Any chain"), None)
        chains = {r.chain.id: r.chain for r in rows}
        for chain in sorted(chains.values(), key=lambda c: c.name.casefold()):
            self.chain.addItem(chain.name, chain.id)
        self.chain.setCurrentIndex(max(self.chain.findData(keep), 0))
        self.chain.blockSignals(False)
        self._fill_links()

    def _fill_links(self, *_: object) -> None:
        keep = self.link.currentData()
        chain_id = self.chain.currentData()
        links = {r.link.id: r.link for r in self.model.rows if r.link and r.chain.id == chain_id}
        self.link.blockSignals(True)
        self.link.clear()
        self.link.addItem(translate("RiskRegister", "Any link"), None)
        for link in sorted(links.values(), key=lambda k: k.name.casefold()):
            self.link.addItem(link.name, link.id)
        self.link.setCurrentIndex(max(self.link.findData(keep), 0))
        self.link.setEnabled(chain_id is not None)
        self.link.blockSignals(False)
        self._filter_changed()

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_risk.emit(str(index.data(RISK_ID_ROLE)))

    def _show_measures(self) -> None:
        chosen = {
            str(i.data(RISK_ID_ROLE)) for i in self.table.selectionModel().selectedRows()
        } or set(self.shown_ids())
        self.show_measures.emit(frozenset(chosen))

    # -- texts -------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Every visible string again (after a language switch)."""
        self.ros.session = self.ros.session.speaking(current_language())
        self.setWindowTitle(translate("RiskRegister", "Risk register"))
        self.table.setAccessibleName(translate("RiskRegister", "Risk register"))
        self.chain.setAccessibleName(translate("RiskRegister", "Filter by chain"))
        self.link.setAccessibleName(translate("RiskRegister", "Filter by link"))
        self.band.setAccessibleName(translate("RiskRegister", "Filter by band"))
        self.treatment.setAccessibleName(translate("RiskRegister", "Filter by treatment"))

        def fill(combo: QComboBox, choices: list[tuple[str, Any]]) -> None:
            keep = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for text, data in choices:
                combo.addItem(text, data)
            combo.setCurrentIndex(max(combo.findData(keep), 0))
            combo.blockSignals(False)

        fill(
            self.band,
            [(translate("RiskRegister", "Any band"), None)]
            + [(band_name(b), b.value) for b in (Band.RED, Band.YELLOW, Band.GREEN)],
        )
        fill(
            self.treatment,
            [(translate("RiskRegister", "Any treatment"), None), (treatment_name(None), "none")]
            + [(treatment_name(d.value), d.value) for d in Decision],
        )
        self.unassessed.setText(translate("RiskRegister", "Not assessed"))
        self.reassess.setText(translate("RiskRegister", "Re-assessment due"))
        self.reassess.setToolTip(
            translate(
                "RiskRegister",
                "A measure was finished after the last assessment, or the decision is stale "
                "or has run out",
            )
        )
        self.new_button.setText(translate("RiskRegister", "New risk…"))
        self.open_button.setText(translate("RiskRegister", "Open…"))
        self.measures_button.setText(translate("RiskRegister", "Show measures on the board"))
        self.close_button.setText(translate("RiskRegister", "Close"))
        if self.model.rows:
            self.refresh()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "close_button"):
            self.retranslate()
        super().changeEvent(event)
