"""Choosing an item's owner from the organisation tree, with the lowest level proposed.

Responsibility belongs at the lowest operational level: the picker shows the delegation
suggestion for the ownership being chosen (and a button to take it), and the chain's risk
owner, which is shown only: risk ownership stays with the service, whoever does the work.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
    QVBoxLayout,
    QWidget,
)

from kanban_sec.domain.model import Item, Role
from kanban_sec.domain.ownership import Delegation, delegation
from kanban_sec.services.live_board import LiveBoard

#: Qt.UserRole payload of a tree row: ("unit", unit id) or ("person", person id).
_KEY = Qt.ItemDataRole.UserRole
_MAX_NAMED_SUGGESTIONS = 4


class OwnerPicker(QWidget):
    """The org tree (units, people under their unit with their role) and the suggestion."""

    #: Emitted with ``(unit_id, person_id)`` whenever the chosen owner changes.
    selection_changed = Signal(object, object)

    def __init__(
        self, live: LiveBoard, item_id: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("owner-picker")
        self._live = live
        self._item_id = item_id
        item = live.items.get(item_id) if item_id else None
        self._chain_id = item.chain_id if item else None
        self._link_id = item.link_id if item else None
        self._rows: dict[tuple[str, str], QTreeWidgetItem] = {}
        self._suggestion: Delegation = Delegation(False)

        self._filter = QLineEdit()
        self._filter.setObjectName("owner-filter")
        self._filter.setPlaceholderText(self.tr("Find a unit or person…"))
        self._filter.setClearButtonEnabled(True)
        self._filter.textChanged.connect(self._apply_filter)

        self._tree = QTreeWidget()
        self._tree.setObjectName("owner-tree")
        self._tree.setColumnCount(2)
        self._tree.setHeaderLabels([self.tr("Unit / person"), self.tr("Role")])
        self._tree.header().setStretchLastSection(False)
        self._tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self._tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self._tree.setUniformRowHeights(True)
        self._tree.itemSelectionChanged.connect(self._on_selection)

        self._clear = QPushButton(self.tr("No owner"))
        self._clear.setObjectName("owner-clear")
        self._clear.setToolTip(self.tr("Leave the item without an owner"))
        self._clear.clicked.connect(lambda: self.set_selected(None, None))

        self._suggestion_label = QLabel()
        self._suggestion_label.setObjectName("owner-suggestion")
        self._suggestion_label.setWordWrap(True)
        self._suggestion_label.setTextFormat(Qt.TextFormat.PlainText)
        self._use = QPushButton(self.tr("Use suggestion"))
        self._use.setObjectName("owner-use-suggestion")
        self._use.clicked.connect(self.use_suggestion)

        self._risk_owner = QLabel()
        self._risk_owner.setObjectName("owner-risk-owner")
        self._risk_owner.setWordWrap(True)
        self._risk_owner.setTextFormat(Qt.TextFormat.PlainText)
        self._risk_owner.setToolTip(
            self.tr(
                "The risk owner is the chain's business unit; it does not change with the item's "
                "owner."
            )
        )

        top = QHBoxLayout()
        top.addWidget(self._filter, 1)
        top.addWidget(self._clear)
        suggestion = QHBoxLayout()
        suggestion.addWidget(self._suggestion_label, 1)
        suggestion.addWidget(self._use, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self._tree, 1)
        layout.addLayout(suggestion)
        layout.addWidget(self._risk_owner)

        self._fill()
        if item is not None:
            self.set_selected(item.owner_unit_id, item.owner_person_id)
        self._refresh_context()

    # -- public API --------------------------------------------------------------------
    def selected(self) -> tuple[str | None, str | None]:
        """``(unit_id, person_id)`` of the chosen owner; ``(None, None)`` for none."""
        rows = self._tree.selectedItems()
        if not rows:
            return None, None
        kind, row_id = rows[0].data(0, _KEY)
        if kind == "person":
            return self._live.board.people[row_id].unit_id, row_id
        return row_id, None

    def set_selected(self, unit_id: str | None, person_id: str | None) -> None:
        """Choose a unit, or a person (in their unit); ``None, None`` clears."""
        row = None
        if person_id is not None:
            row = self._rows.get(("person", person_id))
        if row is None and unit_id is not None:
            row = self._rows.get(("unit", unit_id))
        if row is None:
            self._tree.clearSelection()
            self._tree.setCurrentIndex(QModelIndex())
            return
        node: QTreeWidgetItem | None = row
        while node is not None:
            node.setHidden(False)
            if node is not row:
                node.setExpanded(True)
            node = node.parent()
        self._tree.setCurrentItem(row)
        row.setSelected(True)
        self._tree.scrollToItem(row)

    def set_context(self, chain_id: str | None, link_id: str | None) -> None:
        """The chain and link chosen in the item (for the risk owner and the suggestion)."""
        self._chain_id, self._link_id = chain_id, link_id
        self._refresh_context()

    def suggestion(self) -> Delegation:
        """The delegation suggestion for the owner chosen now."""
        return self._suggestion

    def use_suggestion(self) -> None:
        """Select the first suggested unit or person."""
        choices = [("unit", u) for u in self._suggestion.units] + [
            ("person", p) for p in self._suggestion.people
        ]
        if not choices:
            return
        kind, row_id = choices[0]
        if kind == "person":
            self.set_selected(self._live.board.people[row_id].unit_id, row_id)
        else:
            self.set_selected(row_id, None)

    def owner_text(self) -> str:
        """The chosen owner as one line: unit path, and the person after a dash."""
        unit_id, person_id = self.selected()
        if unit_id is None and person_id is None:
            return self.tr("(no owner)")
        text = self._live.unit_path(unit_id)
        if person_id is not None:
            name = self._live.board.people[person_id].name
            text = f"{name} — {text}" if text else name
        return text

    # -- building ----------------------------------------------------------------------
    def _fill(self) -> None:
        tree = self._live.tree
        unit_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_DirIcon)
        person_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        roles = self._role_names()

        def add_people(parent: QTreeWidgetItem | QTreeWidget, people: list[str]) -> None:
            members = sorted(people, key=lambda p: self._live.board.people[p].name.casefold())
            for person_id in members:
                person = self._live.board.people[person_id]
                row = QTreeWidgetItem(parent, [person.name, roles.get(person.role, "")])
                row.setData(0, _KEY, ("person", person_id))
                row.setIcon(0, person_icon)
                row.setToolTip(0, f"{person.name} — {self._live.unit_path(person.unit_id)}")
                self._rows[("person", person_id)] = row

        def add_unit(parent: QTreeWidgetItem | QTreeWidget, unit_id: str) -> None:
            unit = self._live.board.units[unit_id]
            row = QTreeWidgetItem(parent, [unit.name, ""])
            row.setData(0, _KEY, ("unit", unit_id))
            row.setIcon(0, unit_icon)
            row.setToolTip(0, self._live.unit_path(unit_id))
            self._rows[("unit", unit_id)] = row
            add_people(row, tree.members(unit_id))
            for child in tree.children(unit_id):
                add_unit(row, child)

        for root in tree.roots():
            add_unit(self._tree, root)
        homeless = [
            p.id
            for p in self._live.board.people.values()
            if p.unit_id is None or p.unit_id not in self._live.board.units
        ]
        if homeless:
            group = QTreeWidgetItem(self._tree, [self.tr("People without a unit"), ""])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            add_people(group, homeless)
        # Open the top levels: the tree is a municipality, three levels say enough.
        for row in self._rows.values():
            depth, parent = 0, row.parent()
            while parent is not None:
                depth, parent = depth + 1, parent.parent()
            if row.data(0, _KEY)[0] == "unit" and depth < 2:
                row.setExpanded(True)

    def _role_names(self) -> dict[Role, str]:
        return {
            Role.GOVERNING: self.tr("governing"),
            Role.OPERATIONAL: self.tr("operational"),
            Role.CONTROLLING: self.tr("controlling"),
        }

    # -- reacting ----------------------------------------------------------------------
    def _on_selection(self) -> None:
        self._refresh_suggestion()
        self.selection_changed.emit(*self.selected())

    def _refresh_context(self) -> None:
        chain = self._live.board.chains.get(self._chain_id) if self._chain_id else None
        if chain is None:
            self._risk_owner.setText(self.tr("Risk owner: none (the item is in no chain)"))
        else:
            owner = self._live.unit_path(chain.risk_owner_unit_id) or self.tr("not set")
            self._risk_owner.setText(
                self.tr("Risk owner (chain {chain}): {owner}").format(chain=chain.name, owner=owner)
            )
        self._refresh_suggestion()

    def _refresh_suggestion(self) -> None:
        unit_id, person_id = self.selected()
        base = self._live.items.get(self._item_id) if self._item_id else None
        item = replace(
            base or Item(id="", title=""),
            owner_unit_id=unit_id,
            owner_person_id=person_id,
            chain_id=self._chain_id,
            link_id=self._link_id,
        )
        link = self._live.board.links.get(self._link_id) if self._link_id else None
        self._suggestion = delegation(item, self._live.tree, link)
        self._mark_suggested()
        names = [self._short_path(u) for u in self._suggestion.units]
        names += [self._live.board.people[p].name for p in self._suggestion.people]
        if not self._suggestion.can_be_delegated:
            self._suggestion_label.setText(self.tr("Owned at the lowest level."))
        elif not names:
            self._suggestion_label.setText(
                self.tr("Suggested (lowest level): none; choose a unit or a person.")
            )
        else:
            shown = "; ".join(names[:_MAX_NAMED_SUGGESTIONS])
            more = len(names) - _MAX_NAMED_SUGGESTIONS
            if more > 0:
                shown += " " + self.tr("(and {count} more)").format(count=more)
            self._suggestion_label.setText(
                self.tr("Suggested (lowest level): {names}").format(names=shown)
            )
        self._suggestion_label.setToolTip(
            "\n".join(
                [self._live.unit_path(u) for u in self._suggestion.units]
                + [self._live.board.people[p].name for p in self._suggestion.people]
            )
        )
        self._use.setEnabled(bool(names))

    def _short_path(self, unit_id: str) -> str:
        """The unit with its parent (``Drift / Team Nettverk``): enough to tell it apart."""
        parts = self._live.unit_path(unit_id).split(" / ")
        return " / ".join(parts[-2:])

    def _mark_suggested(self) -> None:
        suggested = {("unit", u) for u in self._suggestion.units} | {
            ("person", p) for p in self._suggestion.people
        }
        for key, row in self._rows.items():
            font = row.font(0)
            if font.bold() != (key in suggested):
                font = QFont(font)
                font.setBold(key in suggested)
                row.setFont(0, font)
            if key in suggested:  # the way down to a suggestion is open
                parent = row.parent()
                while parent is not None:
                    parent.setExpanded(True)
                    parent = parent.parent()

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().casefold()
        iterator = QTreeWidgetItemIterator(self._tree)
        rows = []
        while iterator.value():
            rows.append(iterator.value())
            iterator += 1
        if not needle:
            for row in rows:
                row.setHidden(False)
            return
        visible: set[int] = set()
        for row in rows:
            if needle not in row.text(0).casefold():
                continue
            node: QTreeWidgetItem | None = row
            while node is not None:  # a match shows the way down to it...
                visible.add(id(node))
                node.setExpanded(True)
                node = node.parent()
            below = QTreeWidgetItemIterator(row)  # ...and what lies under it
            while below.value():
                child = below.value()
                if child is not row and not _is_under(child, row):
                    break
                visible.add(id(child))
                below += 1
        for row in rows:
            row.setHidden(id(row) not in visible)


def _is_under(row: QTreeWidgetItem, ancestor: QTreeWidgetItem) -> bool:
    node = row.parent()
    while node is not None:
        if node is ancestor:
            return True
        node = node.parent()
    return False
