"""The chains dialog: each service's value chain, its links and how mature each link is.

Raising a link's maturity is how the board's order changes for the better, so the dialog
shows, for every link, how many open items stand on it and which link is the chain's
weakest (⚑) right now. Every edit is one service call, applied at once; its outcome is
kept in ``outcomes`` and emitted with ``changed`` so the window re-ranks and can undo it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kanban_sec.domain.governance import Action
from kanban_sec.domain.model import MATURITY_MAX, MATURITY_MIN, Chain, Link
from kanban_sec.services.board import BoardService
from kanban_sec.services.live_board import LiveBoard
from kanban_sec.services.organisation import OrganisationService
from kanban_sec.services.outcome import Outcome
from kanban_sec.ui.org_dialog import UnitPicker, ask, run_edit, two_panes

#: Qt.UserRole payload of a chain row or a link row: its id.
ID_ROLE = Qt.ItemDataRole.UserRole
WEAKEST_MARK = "⚑"
#: The links table's columns.
FLAG, NAME, KIND, COUNTRY, RESPONSIBLE, MATURITY, OPEN = range(7)


class ChainsDialog(QDialog):
    """Chains (name, risk owner, target maturity) and their links, edited in place."""

    #: Emitted with each :class:`Outcome` after it was applied to the live board.
    changed = Signal(object)

    def __init__(
        self,
        service: BoardService,
        org: OrganisationService,
        live: LiveBoard,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("chains-dialog")
        self.setWindowTitle(self.tr("Chains and links"))
        self.service = service
        self.org = org
        self.live = live
        self.outcomes: list[Outcome] = []
        self._filling = False

        #: Chains, their risk owners and targets are the governing members' to change;
        #: links (and their maturity) anyone who works items may assess.
        self.may_govern = org.can(Action.ORGANISATION)
        self.may_target = org.can(Action.TARGETS)
        self.may_assess = org.can(Action.MATURITY)
        two_panes(self, self._build_chain_list(), self._build_chain_side(), (290, 710))
        self.refresh()
        first = self.chains.topLevelItem(0)
        if first is not None:
            self.chains.setCurrentItem(first)

    def _limit_to_rights(self) -> None:
        """Disable what the person's role may not change (the services refuse it too)."""
        for widget in (
            self.chain_name,
            self.risk_owner,
            self.delete_chain_button,
            self.new_chain_name,
            self.add_chain_button,
        ):
            if not self.may_govern:
                widget.setEnabled(False)
        if not self.may_target:
            self.target.setEnabled(False)
        if not self.may_assess:
            for part in (self.links, self.new_link_name, self.add_link_button, self.link_box):
                part.setEnabled(False)

    # -- building ----------------------------------------------------------------------
    def _build_chain_list(self) -> QWidget:
        self.chains = QTreeWidget()
        self.chains.setObjectName("chains-list")
        self.chains.setColumnCount(3)
        self.chains.setHeaderLabels([self.tr("Chain"), self.tr("Risk owner"), self.tr("Target")])
        self.chains.setRootIsDecorated(False)
        self.chains.setUniformRowHeights(True)
        header = self.chains.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.chains.itemSelectionChanged.connect(self._on_chain_selected)

        self.new_chain_name = QLineEdit()
        self.new_chain_name.setObjectName("new-chain-name")
        self.new_chain_name.setPlaceholderText(self.tr("Name of a new chain"))
        self.new_chain_name.returnPressed.connect(self._add_chain)
        self.add_chain_button = QPushButton(self.tr("Add chain"))
        self.add_chain_button.setObjectName("add-chain")
        self.add_chain_button.clicked.connect(self._add_chain)
        self.delete_chain_button = QPushButton(self.tr("Delete chain"))
        self.delete_chain_button.setObjectName("delete-chain")
        self.delete_chain_button.clicked.connect(self._delete_chain)
        self.map_button = QPushButton(self.tr("Chain map…"))
        self.map_button.setObjectName("chain-map-button")
        self.map_button.setToolTip(
            self.tr("Draw the chosen chain: its links, data flows and risks")
        )
        self.map_button.clicked.connect(self._open_map)

        add_row = QHBoxLayout()
        add_row.addWidget(self.new_chain_name, 1)
        add_row.addWidget(self.add_chain_button)
        side = QWidget()
        layout = QVBoxLayout(side)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.chains, 1)
        layout.addLayout(add_row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.delete_chain_button)
        buttons.addStretch(1)
        buttons.addWidget(self.map_button)
        layout.addLayout(buttons)
        return side

    def _open_map(self) -> None:
        """The chain map of the chosen chain (the board window opens it)."""
        opener = getattr(self.parent(), "open_chain_map", None)
        if opener is not None:
            opener(self.current_chain_id())

    def _build_chain_side(self) -> QWidget:
        chain_box = QGroupBox(self.tr("Chain"))
        form = QFormLayout(chain_box)
        self.chain_name = QLineEdit()
        self.chain_name.setObjectName("chain-name")
        self.chain_name.editingFinished.connect(self._rename_chain)
        self.risk_owner = UnitPicker(self.tr("(no risk owner)"))
        self.risk_owner.setObjectName("risk-owner")
        self.risk_owner.currentIndexChanged.connect(self._set_risk_owner)
        self.target = self._maturity_picker()
        self.target.setObjectName("target-maturity")
        self.target.currentIndexChanged.connect(self._set_target)
        form.addRow(self.tr("Name"), self.chain_name)
        form.addRow(self.tr("Risk owner"), self.risk_owner)
        form.addRow(self.tr("Target maturity"), self.target)

        links_box = QGroupBox(self.tr("Links"))
        self.links = QTableWidget(0, 7)
        self.links.setObjectName("links-table")
        self.links.setHorizontalHeaderLabels(
            [
                WEAKEST_MARK,
                self.tr("Link"),
                self.tr("Kind"),
                self.tr("Country"),
                self.tr("Responsible unit"),
                self.tr("Maturity"),
                self.tr("Open items"),
            ]
        )
        flag_header = QTableWidgetItem(WEAKEST_MARK)
        flag_header.setToolTip(self.tr("The chain's weakest link: its items come first"))
        self.links.setHorizontalHeaderItem(FLAG, flag_header)
        self.links.verticalHeader().setVisible(False)
        self.links.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.links.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.links.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.links.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(RESPONSIBLE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(RESPONSIBLE, 150)
        self.links.itemSelectionChanged.connect(self._on_link_selected)

        self.weakest_label = QLabel()
        self.weakest_label.setObjectName("weakest-link")
        self.weakest_label.setWordWrap(True)
        self.weakest_label.setTextFormat(Qt.TextFormat.PlainText)

        self.new_link_name = QLineEdit()
        self.new_link_name.setObjectName("new-link-name")
        self.new_link_name.setPlaceholderText(self.tr("Name of a new link"))
        self.new_link_name.returnPressed.connect(self._add_link)
        self.add_link_button = QPushButton(self.tr("Add link"))
        self.add_link_button.setObjectName("add-link")
        self.add_link_button.clicked.connect(self._add_link)
        self.rename_link_button = QPushButton(self.tr("Rename link"))
        self.rename_link_button.setObjectName("rename-link")
        self.rename_link_button.clicked.connect(self._start_rename_link)
        self.delete_link_button = QPushButton(self.tr("Delete link"))
        self.delete_link_button.setObjectName("delete-link")
        self.delete_link_button.clicked.connect(self._delete_link)
        link_buttons = QHBoxLayout()
        link_buttons.addWidget(self.new_link_name, 1)
        link_buttons.addWidget(self.add_link_button)
        link_buttons.addSpacing(12)
        link_buttons.addWidget(self.rename_link_button)
        link_buttons.addWidget(self.delete_link_button)

        self.link_box = QGroupBox(self.tr("Selected link"))
        link_form = QFormLayout(self.link_box)
        self.link_name = QLineEdit()
        self.link_name.setObjectName("link-name")
        self.link_name.editingFinished.connect(self._rename_link)
        self.link_kind = QLineEdit()
        self.link_kind.setObjectName("link-kind")
        self.link_kind.setPlaceholderText(self.tr("device, network, cloud service, vendor…"))
        self.link_kind.editingFinished.connect(self._set_link_fields)
        self.link_country = QLineEdit()
        self.link_country.setObjectName("link-country")
        self.link_country.setPlaceholderText(self.tr("e.g. NO"))
        self.link_country.setToolTip(self.tr("Where the link runs or is operated from"))
        self.link_country.editingFinished.connect(self._set_link_fields)
        self.link_unit = UnitPicker(self.tr("(no responsible unit)"))
        self.link_unit.setObjectName("link-responsible")
        self.link_unit.currentIndexChanged.connect(self._set_link_fields)
        name_row = QHBoxLayout()
        name_row.addWidget(self.link_name, 3)
        name_row.addWidget(QLabel(self.tr("Kind")))
        name_row.addWidget(self.link_kind, 2)
        name_row.addWidget(QLabel(self.tr("Country")))
        name_row.addWidget(self.link_country, 1)
        link_form.addRow(self.tr("Name"), name_row)
        link_form.addRow(self.tr("Responsible unit"), self.link_unit)

        links_layout = QVBoxLayout(links_box)
        links_layout.addWidget(self.links, 1)
        links_layout.addWidget(self.weakest_label)
        links_layout.addLayout(link_buttons)
        links_layout.addWidget(self.link_box)

        side = QWidget()
        layout = QVBoxLayout(side)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(chain_box)
        layout.addWidget(links_box, 1)
        return side

    def _maturity_picker(self) -> QComboBox:
        picker = QComboBox()
        for level in range(MATURITY_MIN, MATURITY_MAX + 1):
            picker.addItem(self.maturity_text(level), level)
        return picker

    def maturity_text(self, level: int) -> str:
        """A maturity level with its meaning, e.g. ``2 – defined``."""
        meaning = {
            0: self.tr("none"),
            1: self.tr("ad hoc"),
            2: self.tr("defined"),
            3: self.tr("measured"),
        }[level]
        return f"{level} – {meaning}"

    # -- showing -----------------------------------------------------------------------
    def refresh(self) -> None:
        """Show the chains as the live board has them now, keeping the selection."""
        chain_id, link_id = self.current_chain_id(), self.current_link_id()
        self._filling = True
        try:
            self._fill_chains(chain_id)
            self._fill_chain(link_id)
        finally:
            self._filling = False

    def _fill_chains(self, selected: str | None) -> None:
        board = self.live.board
        self.chains.clear()
        for chain in sorted(board.chains.values(), key=lambda c: (c.name.casefold(), c.id)):
            owner = board.units.get(chain.risk_owner_unit_id or "")
            row = QTreeWidgetItem(
                [chain.name, owner.name if owner else "", str(chain.target_maturity)]
            )
            row.setData(0, ID_ROLE, chain.id)
            row.setToolTip(0, chain.name)
            row.setToolTip(1, self.live.unit_path(chain.risk_owner_unit_id))
            row.setToolTip(2, self.maturity_text(chain.target_maturity))
            row.setTextAlignment(2, Qt.AlignmentFlag.AlignCenter)
            self.chains.addTopLevelItem(row)
            if chain.id == selected:
                self.chains.setCurrentItem(row)

    def _fill_chain(self, selected_link: str | None) -> None:
        """The selected chain's fields and links."""
        chain = self._chain()
        for widget in (
            self.chain_name,
            self.risk_owner,
            self.target,
            self.links,
            self.new_link_name,
            self.add_link_button,
            self.delete_chain_button,
        ):
            widget.setEnabled(chain is not None)
        self._limit_to_rights()
        tree = self.live.tree
        if chain is None:
            self.chain_name.clear()
            self.risk_owner.fill(tree, None)
            self.target.setCurrentIndex(MATURITY_MAX)
            self.links.setRowCount(0)
            self.weakest_label.setText(self.tr("Add a chain or select one."))
            self._fill_link(None)
            return
        self.chain_name.setText(chain.name)
        self.risk_owner.fill(tree, chain.risk_owner_unit_id)
        self.target.setCurrentIndex(chain.target_maturity)
        self._fill_links(chain, selected_link)

    def _fill_links(self, chain: Chain, selected: str | None) -> None:
        board = self.live.board
        links = sorted(
            (lk for lk in board.links.values() if lk.chain_id == chain.id),
            key=lambda lk: (lk.name.casefold(), lk.id),
        )
        on_link, unlinked = self._open_counts(chain.id)
        weakest = self.weakest_link_id(chain.id)
        self.links.clearSelection()
        # The same links in the same order are updated in place: a maturity picker must not
        # be destroyed while its own signal is being handled.
        rebuild = [self._row_link_id(row) for row in range(self.links.rowCount())] != [
            link.id for link in links
        ]
        if rebuild:
            self.links.setRowCount(0)
            self.links.setRowCount(len(links))
        for row, link in enumerate(links):
            unit = board.units.get(link.responsible_unit_id or "")
            cells = {
                FLAG: WEAKEST_MARK if link.id == weakest else "",
                NAME: link.name,
                KIND: link.kind,
                COUNTRY: link.country,
                RESPONSIBLE: unit.name if unit else "",
                OPEN: str(on_link.get(link.id, 0)),
            }
            for column, text in cells.items():
                cell = self.links.item(row, column)
                if cell is None:
                    cell = QTableWidgetItem()
                    cell.setData(ID_ROLE, link.id)
                    if column in (FLAG, OPEN):
                        cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                    self.links.setItem(row, column, cell)
                cell.setText(text)
            responsible = self.live.unit_path(link.responsible_unit_id)
            self._cell(row, RESPONSIBLE).setToolTip(responsible)
            self._cell(row, FLAG).setToolTip(
                self.tr("Weakest link: fix this first") if link.id == weakest else ""
            )
            picker = self.links.cellWidget(row, MATURITY)
            if not isinstance(picker, QComboBox):
                picker = self._link_maturity_picker(link.id)
                self.links.setCellWidget(row, MATURITY, picker)
            picker.setCurrentIndex(link.maturity)
            picker.setToolTip(
                self.tr("How mature %1 is: raise it when the link is improved").replace(
                    "%1", link.name
                )
            )
        self.links.resizeColumnToContents(MATURITY)
        self.weakest_label.setText(self._weakest_text(chain, weakest, on_link, unlinked))
        selected_row = self.link_row(selected) if selected else None
        if selected_row is not None:
            self.links.selectRow(selected_row)
        self._fill_link(self._link())

    def _cell(self, row: int, column: int) -> QTableWidgetItem:
        cell = self.links.item(row, column)
        assert cell is not None
        return cell

    def _row_link_id(self, row: int) -> str | None:
        cell = self.links.item(row, NAME)
        return str(cell.data(ID_ROLE)) if cell is not None else None

    def _link_maturity_picker(self, link_id: str) -> QComboBox:
        picker = self._maturity_picker()
        picker.setObjectName(f"maturity-{link_id}")
        picker.setProperty("link_id", link_id)
        picker.currentIndexChanged.connect(self._on_maturity_picked)
        return picker

    def _fill_link(self, link: Link | None) -> None:
        for widget in (self.link_box, self.rename_link_button, self.delete_link_button):
            widget.setEnabled(link is not None)
        board = self.live.board
        self.link_name.setText(link.name if link else "")
        self.link_kind.setText(link.kind if link else "")
        self.link_country.setText(link.country if link else "")
        self.link_unit.fill(self.live.tree, link.responsible_unit_id if link else None)
        kinds = sorted({lk.kind for lk in board.links.values() if lk.kind}, key=str.casefold)
        countries = sorted({lk.country for lk in board.links.values() if lk.country})
        self.link_kind.setCompleter(QCompleter(kinds, self.link_kind))
        self.link_country.setCompleter(QCompleter(countries, self.link_country))

    def _weakest_text(
        self, chain: Chain, weakest: str | None, on_link: dict[str, int], unlinked: int
    ) -> str:
        if not on_link and not unlinked:
            return self.tr("No open items stand on this chain, so it has no weakest link now.")
        if weakest is None:
            text = self.tr("No link with open work is below the target, so no item is flagged.")
        else:
            link = self.live.board.links[weakest]
            text = self.tr("%1 Weakest link: %2 (maturity %3/%4): its items come first.")
            text = text.replace("%1", WEAKEST_MARK).replace("%2", link.name)
            text = text.replace("%3", str(link.maturity)).replace("%4", str(chain.target_maturity))
        if unlinked:
            text += " " + self.tr(
                "%1 open items are on the chain as a whole (no link): "
                "their gap is the weakest link's."
            ).replace("%1", str(unlinked))
        return text

    def _open_counts(self, chain_id: str) -> tuple[dict[str, int], int]:
        """Open items per link of the chain, and those in the chain without a link."""
        per_link: dict[str, int] = {}
        unlinked = 0
        for item in self.live.items.values():
            if item.is_open and item.chain_id == chain_id:
                if item.link_id:
                    per_link[item.link_id] = per_link.get(item.link_id, 0) + 1
                else:
                    unlinked += 1
        return per_link, unlinked

    def weakest_link_id(self, chain_id: str) -> str | None:
        """The chain's weakest link by the board's ranking (``None``: none, or unnamed)."""
        for ranked in self.live.ranking.values():
            if ranked.item.chain_id == chain_id and ranked.weakest:
                link = ranked.place.link
                return link.id if link is not None else None
        return None

    # -- selection ---------------------------------------------------------------------
    def current_chain_id(self) -> str | None:
        row = self.chains.currentItem()
        if row is None or not row.isSelected():
            return None
        chain_id = row.data(0, ID_ROLE)
        return str(chain_id) if chain_id in self.live.board.chains else None

    def current_link_id(self) -> str | None:
        rows = self.links.selectionModel().selectedRows() if self.links.selectionModel() else []
        if not rows:
            return None
        link_id = rows[0].data(ID_ROLE)
        return str(link_id) if link_id in self.live.board.links else None

    def select_chain(self, chain_id: str) -> None:
        for index in range(self.chains.topLevelItemCount()):
            row = self.chains.topLevelItem(index)
            if row is not None and row.data(0, ID_ROLE) == chain_id:
                self.chains.setCurrentItem(row)
                return
        raise KeyError(chain_id)

    def select_link(self, link_id: str) -> None:
        row = self.link_row(link_id)
        if row is None:
            raise KeyError(link_id)
        self.links.selectRow(row)

    def link_row(self, link_id: str) -> int | None:
        """The table row showing ``link_id``, if the selected chain has it."""
        for row in range(self.links.rowCount()):
            if self._row_link_id(row) == link_id:
                return row
        return None

    def maturity_picker(self, link_id: str) -> QComboBox:
        """The in-place maturity editor of a link's row."""
        row = self.link_row(link_id)
        assert row is not None
        picker = self.links.cellWidget(row, MATURITY)
        assert isinstance(picker, QComboBox)
        return picker

    def _chain(self) -> Chain | None:
        chain_id = self.current_chain_id()
        return self.live.board.chains[chain_id] if chain_id else None

    def _link(self) -> Link | None:
        link_id = self.current_link_id()
        return self.live.board.links[link_id] if link_id else None

    def _on_chain_selected(self) -> None:
        if self._filling:
            return
        self._filling = True
        try:
            self._fill_chain(None)
        finally:
            self._filling = False

    def _on_link_selected(self) -> None:
        if self._filling:
            return
        self._filling = True
        try:
            self._fill_link(self._link())
        finally:
            self._filling = False

    # -- editing -----------------------------------------------------------------------
    def _run(
        self, call: Callable[..., Outcome], *args: Any, keep: QLineEdit | None = None
    ) -> Outcome | None:
        return run_edit(self, self.tr("Chains and links"), call, *args, keep=keep)

    def _add_chain(self) -> None:
        outcome = self._run(
            self.org.add_chain, self.new_chain_name.text(), keep=self.new_chain_name
        )
        if outcome is not None and outcome.row_id is not None:
            self.new_chain_name.clear()
            self.select_chain(outcome.row_id)
            self.chain_name.setFocus()

    def _rename_chain(self) -> None:
        chain = self._chain()
        if chain is not None and not self._filling and self.chain_name.text() != chain.name:
            self._run(self.org.rename_chain, chain.id, self.chain_name.text(), keep=self.chain_name)

    def _set_risk_owner(self) -> None:
        chain = self._chain()
        if chain is None or self._filling:
            return
        unit_id = self.risk_owner.unit_id()
        if unit_id != chain.risk_owner_unit_id:
            self._run(self.org.set_chain_risk_owner, chain.id, unit_id)

    def _set_target(self, level: int) -> None:
        chain = self._chain()
        if chain is not None and not self._filling and level != chain.target_maturity:
            self._run(self.org.set_target_maturity, chain.id, level)

    def _delete_chain(self) -> None:
        chain = self._chain()
        if chain is None:
            return
        on_link, unlinked = self._open_counts(chain.id)
        if on_link or unlinked:  # the service refuses, and its message says why
            self._run(self.org.delete_chain, chain.id)
            return
        count = sum(1 for lk in self.live.board.links.values() if lk.chain_id == chain.id)
        ask(
            self,
            self.tr("Delete the chain %1 and its %2 links?")
            .replace("%1", chain.name)
            .replace("%2", str(count)),
            self.tr("Delete chain"),
            lambda: self._run(self.org.delete_chain, chain.id),
        )

    def _add_link(self) -> None:
        chain = self._chain()
        if chain is None:
            return
        outcome = self._run(
            self.org.add_link, chain.id, self.new_link_name.text(), keep=self.new_link_name
        )
        if outcome is not None and outcome.row_id is not None:
            self.new_link_name.clear()
            self.select_link(outcome.row_id)

    def _start_rename_link(self) -> None:
        self.link_name.setFocus()
        self.link_name.selectAll()

    def _rename_link(self) -> None:
        link = self._link()
        if link is not None and not self._filling and self.link_name.text() != link.name:
            self._run(self.org.rename_link, link.id, self.link_name.text(), keep=self.link_name)

    def _set_link_fields(self) -> None:
        link = self._link()
        if link is None or self._filling:
            return
        kind, country = self.link_kind.text().strip(), self.link_country.text().strip()
        unit_id = self.link_unit.unit_id()
        if (kind, country, unit_id) != (link.kind, link.country, link.responsible_unit_id):
            self._run(self.org.set_link_fields, link.id, kind, country, unit_id)

    def _on_maturity_picked(self, level: int) -> None:
        picker = self.sender()
        if isinstance(picker, QComboBox):
            self._set_maturity(str(picker.property("link_id")), level)

    def _set_maturity(self, link_id: str, level: int) -> None:
        link = self.live.board.links.get(link_id)
        if link is not None and not self._filling and level != link.maturity:
            self.select_link(link_id)
            self._run(self.org.set_link_maturity, link_id, level)

    def _delete_link(self) -> None:
        link = self._link()
        if link is None:
            return
        on_link, _ = self._open_counts(link.chain_id)
        if on_link.get(link.id):  # the service refuses, and its message says why
            self._run(self.org.delete_link, link.id)
            return
        ask(
            self,
            self.tr("Delete the link %1?").replace("%1", link.name),
            self.tr("Delete link"),
            lambda: self._run(self.org.delete_link, link.id),
        )
