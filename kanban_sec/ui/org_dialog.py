"""The organisation dialog: the unit tree with its people and their roles.

Every edit is one call to :class:`OrganisationService`, applied at once; its outcome is
kept in ``outcomes`` and emitted with ``changed`` so the window re-ranks and can undo it.
A refusal is shown as an error dialog and leaves what was typed in place.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QFont, QPainter, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kanban_sec.domain.errors import KanbanError
from kanban_sec.domain.governance import Action
from kanban_sec.domain.model import Role
from kanban_sec.domain.ownership import OrgTree
from kanban_sec.services.live_board import LiveBoard
from kanban_sec.services.organisation import OrganisationService
from kanban_sec.services.outcome import Outcome
from kanban_sec.ui import notify

#: Qt.UserRole payload of a tree row: ("unit", unit id) or ("person", person id).
KEY_ROLE = Qt.ItemDataRole.UserRole
#: How deep a unit lies in the tree, for the picker's indentation.
_DEPTH_ROLE = Qt.ItemDataRole.UserRole + 1
_INDENT = 14
ROLES = (Role.GOVERNING, Role.OPERATIONAL, Role.CONTROLLING)

Index = QModelIndex | QPersistentModelIndex


class _IndentDelegate(QStyledItemDelegate):
    """Indents a unit picker's rows by their depth, so the popup reads as a tree."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        indented = QStyleOptionViewItem(option)
        indented.rect = option.rect.adjusted(_depth(index) * _INDENT, 0, 0, 0)
        super().paint(painter, indented, index)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + _depth(index) * _INDENT, size.height())


def _depth(index: Index) -> int:
    return int(index.data(_DEPTH_ROLE) or 0)


def ask(parent: QWidget, text: str, title: str, on_yes: Callable[[], object]) -> QMessageBox:
    """A yes/no question (objectName ``confirm-dialog``); ``on_yes`` runs on *Yes*.

    Opened with ``open()``, so the event loop (and a test) goes on while it shows.
    """
    box = QMessageBox(
        QMessageBox.Icon.Question,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setObjectName("confirm-dialog")
    box.setDefaultButton(QMessageBox.StandardButton.No)

    def answered(button: QAbstractButton) -> None:
        if box.standardButton(button) == QMessageBox.StandardButton.Yes:
            on_yes()

    box.buttonClicked.connect(answered)
    box.open()
    return box


class UnitPicker(QComboBox):
    """Chooses a unit from the tree: units in tree order, indented, full path as tooltip."""

    def __init__(self, none_text: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._none_text = none_text
        self.setItemDelegate(_IndentDelegate(self))
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(16)
        self.currentIndexChanged.connect(self._show_path)

    def fill(
        self, tree: OrgTree, selected: str | None, disabled: frozenset[str] = frozenset()
    ) -> None:
        """List every unit (``disabled`` ones greyed out) and select ``selected``."""
        blocked = self.blockSignals(True)
        try:
            self.clear()
            if self._none_text is not None:
                self.addItem(self._none_text, None)
            model = self.model()
            assert isinstance(model, QStandardItemModel)
            for unit_id, depth in _walk(tree):
                self.addItem(tree.units[unit_id].name, unit_id)
                row = self.count() - 1
                self.setItemData(row, depth, _DEPTH_ROLE)
                self.setItemData(row, tree.path(unit_id), Qt.ItemDataRole.ToolTipRole)
                if unit_id in disabled:
                    entry = model.item(row)
                    entry.setEnabled(False)
            self.setCurrentIndex(max(self.findData(selected), 0))
            popup_width = self.view().sizeHintForColumn(0) + 2 * _INDENT
            self.view().setMinimumWidth(popup_width)
        finally:
            self.blockSignals(blocked)
        self._show_path()

    def unit_id(self) -> str | None:
        data = self.currentData()
        return str(data) if data else None

    def set_unit_id(self, unit_id: str | None) -> None:
        self.setCurrentIndex(max(self.findData(unit_id), 0))

    def _show_path(self) -> None:
        self.setToolTip(str(self.currentData(Qt.ItemDataRole.ToolTipRole) or ""))


def _walk(tree: OrgTree) -> list[tuple[str, int]]:
    """Every unit with its depth, depth first, siblings by name."""
    out: list[tuple[str, int]] = []
    stack = [(root, 0) for root in reversed(tree.roots())]
    seen: set[str] = set()
    while stack:
        unit_id, depth = stack.pop()
        if unit_id in seen:
            continue
        seen.add(unit_id)
        out.append((unit_id, depth))
        stack.extend((child, depth + 1) for child in reversed(tree.children(unit_id)))
    return out


def run_edit(
    dialog: Any, title: str, call: Callable[..., Outcome], *args: Any, keep: QLineEdit | None = None
) -> Outcome | None:
    """One service call from an editing dialog: apply and announce its outcome (to the
    live board, ``dialog.outcomes`` and ``dialog.changed``), or show why it was refused,
    keeping what was typed in ``keep``."""
    try:
        outcome = call(*args)
    except KanbanError as error:
        typed = keep.text() if keep is not None else None
        notify.show_error(dialog, error, title)
        dialog.refresh()
        if keep is not None and typed is not None:
            keep.setText(typed)  # what was typed stays, to be corrected
        return None
    if outcome.changed:
        dialog.live.apply(outcome)
        dialog.outcomes.append(outcome)
        dialog.changed.emit(outcome)
    dialog.refresh()
    return outcome


def two_panes(dialog: QDialog, left: QWidget, right: QWidget, sizes: tuple[int, int]) -> None:
    """Lay a dialog out as two panes side by side over a Close button (1000×650)."""
    splitter = QSplitter()
    splitter.addWidget(left)
    splitter.addWidget(right)
    splitter.setStretchFactor(0, sizes[0])
    splitter.setStretchFactor(1, sizes[1])
    splitter.setChildrenCollapsible(False)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(splitter, 1)
    layout.addWidget(buttons)
    dialog.resize(1000, 650)
    splitter.setSizes(list(sizes))
    for button in dialog.findChildren(QPushButton):
        button.setAutoDefault(False)  # Return in a field applies it; it must not click
        button.setDefault(False)


class OrgDialog(QDialog):
    """Units, people and roles: add, rename, move, change role, delete."""

    #: Emitted with each :class:`Outcome` after it was applied to the live board.
    changed = Signal(object)

    def __init__(
        self, org: OrganisationService, live: LiveBoard, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("org-dialog")
        self.setWindowTitle(self.tr("Organisation"))
        self.org = org
        self.live = live
        self.outcomes: list[Outcome] = []
        self._rows: dict[tuple[str, str], QTreeWidgetItem] = {}
        self._collapsed: set[str] = set()
        self._filling = False

        self.tree = QTreeWidget()
        self.tree.setObjectName("org-tree")
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels(
            [self.tr("Unit / person"), self.tr("Role"), self.tr("Open items")]
        )
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.headerItem().setToolTip(
            2, self.tr("Open items owned by the unit (its people's included) or the person")
        )
        self.tree.setUniformRowHeights(True)
        self.tree.itemSelectionChanged.connect(self._on_selection)
        self.tree.itemCollapsed.connect(lambda row: self._collapsed.add(row.data(0, KEY_ROLE)[1]))
        self.tree.itemExpanded.connect(
            lambda row: self._collapsed.discard(row.data(0, KEY_ROLE)[1])
        )

        self.details = QStackedWidget()
        self.details.addWidget(self._build_nothing_page())
        self.details.addWidget(self._build_unit_page())
        self.details.addWidget(self._build_person_page())
        selected = QGroupBox(self.tr("Selected"))
        QVBoxLayout(selected).addWidget(self.details)

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        # Only governing members change the organisation; others may look.
        self.may_edit = org.can(Action.ORGANISATION)
        self.rights_label = QLabel(
            self.tr("Only governing members change units, people and roles; you can look.")
        )
        self.rights_label.setObjectName("org-rights")
        self.rights_label.setWordWrap(True)
        self.rights_label.setVisible(not self.may_edit)
        side_layout.addWidget(self.rights_label)
        side_layout.addWidget(selected)
        self.add_box = self._build_add_box()
        side_layout.addWidget(self.add_box)
        side_layout.addStretch(1)
        self.details.setEnabled(self.may_edit)
        self.add_box.setEnabled(self.may_edit)

        two_panes(self, self.tree, side, (580, 420))
        self.refresh()
        first = self.tree.topLevelItem(0)
        if first is not None:
            self.tree.setCurrentItem(first)

    # -- building ----------------------------------------------------------------------
    def _build_nothing_page(self) -> QWidget:
        label = QLabel(self.tr("Select a unit or a person to change it."))
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignTop)
        return label

    def _build_unit_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.unit_name = QLineEdit()
        self.unit_name.setObjectName("unit-name")
        self.unit_name.editingFinished.connect(self._rename_unit)
        self.unit_parent = UnitPicker(self.tr("(top level)"))
        self.unit_parent.setObjectName("unit-parent")
        self.unit_parent.setToolTip(self.tr("Move the unit, with everything under it"))
        self.unit_parent.currentIndexChanged.connect(self._move_unit)
        self.delete_unit_button = QPushButton(self.tr("Delete unit"))
        self.delete_unit_button.setObjectName("delete-unit")
        self.delete_unit_button.clicked.connect(self._delete_unit)
        form.addRow(self.tr("Name"), self.unit_name)
        form.addRow(self.tr("Part of"), self.unit_parent)
        form.addRow("", self.delete_unit_button)
        return page

    def _build_person_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.person_name = QLineEdit()
        self.person_name.setObjectName("person-name")
        self.person_name.editingFinished.connect(self._rename_person)
        self.person_unit = UnitPicker()
        self.person_unit.setObjectName("person-unit")
        self.person_unit.setToolTip(self.tr("Move the person to another unit"))
        self.person_unit.currentIndexChanged.connect(self._move_person)
        self.person_role = self._role_picker("person-role")
        self.person_role.currentIndexChanged.connect(self._set_role)
        self.delete_person_button = QPushButton(self.tr("Delete person"))
        self.delete_person_button.setObjectName("delete-person")
        self.delete_person_button.clicked.connect(self._delete_person)
        form.addRow(self.tr("Name"), self.person_name)
        form.addRow(self.tr("Unit"), self.person_unit)
        form.addRow(self.tr("Role"), self.person_role)
        form.addRow("", self.delete_person_button)
        return page

    def _build_add_box(self) -> QWidget:
        box = QGroupBox(self.tr("Add"))
        outer = QVBoxLayout(box)
        form = QFormLayout()
        self.where_label = QLabel()
        self.where_label.setObjectName("add-where")
        self.where_label.setWordWrap(True)
        self.new_unit_name = QLineEdit()
        self.new_unit_name.setObjectName("new-unit-name")
        self.new_unit_name.setPlaceholderText(self.tr("Name of the new unit"))
        self.new_unit_name.returnPressed.connect(self._add_unit)
        self.add_unit_button = QPushButton(self.tr("Add unit"))
        self.add_unit_button.setObjectName("add-unit")
        self.add_unit_button.clicked.connect(self._add_unit)
        unit_row = QHBoxLayout()
        unit_row.addWidget(self.new_unit_name, 1)
        unit_row.addWidget(self.add_unit_button)

        self.new_person_name = QLineEdit()
        self.new_person_name.setObjectName("new-person-name")
        self.new_person_name.setPlaceholderText(self.tr("Name of the new person"))
        self.new_person_name.returnPressed.connect(self._add_person)
        self.new_person_role = self._role_picker("new-person-role")
        self.new_person_role.setCurrentIndex(ROLES.index(Role.OPERATIONAL))
        self.add_person_button = QPushButton(self.tr("Add person"))
        self.add_person_button.setObjectName("add-person")
        self.add_person_button.clicked.connect(self._add_person)
        role_row = QHBoxLayout()
        role_row.addWidget(self.new_person_role, 1)
        role_row.addWidget(self.add_person_button)

        form.addRow(self.tr("Unit"), unit_row)
        form.addRow(self.tr("Person"), self.new_person_name)
        form.addRow(self.tr("Role"), role_row)
        outer.addWidget(self.where_label)
        outer.addLayout(form)
        return box

    def _role_picker(self, name: str) -> QComboBox:
        picker = QComboBox()
        picker.setObjectName(name)
        for role in ROLES:
            picker.addItem(self.role_text(role), role.value)
        return picker

    def role_text(self, role: Role) -> str:
        """The role as people read it."""
        return {
            Role.GOVERNING: self.tr("Governing"),
            Role.OPERATIONAL: self.tr("Operational"),
            Role.CONTROLLING: self.tr("Controlling"),
        }[role]

    # -- showing -----------------------------------------------------------------------
    def refresh(self) -> None:
        """Show the organisation as the live board has it now, keeping the selection."""
        current = self.current()
        self._filling = True
        try:
            self._fill_tree()
            if current is not None and current in self._rows:
                self.tree.setCurrentItem(self._rows[current])
        finally:
            self._filling = False
        self._on_selection()

    def _fill_tree(self) -> None:
        board, tree = self.live.board, self.live.tree
        owned_by_unit: dict[str, int] = {}
        owned_by_person: dict[str, int] = {}
        for item in self.live.items.values():
            if item.is_open:
                if item.owner_person_id:
                    owned_by_person[item.owner_person_id] = (
                        owned_by_person.get(item.owner_person_id, 0) + 1
                    )
                if item.owner_unit_id:
                    owned_by_unit[item.owner_unit_id] = owned_by_unit.get(item.owner_unit_id, 0) + 1
        self.tree.clear()
        self._rows = {}
        bold = QFont(self.tree.font())
        bold.setBold(True)
        unit_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_DirIcon)

        def add_unit(unit_id: str, parent: QTreeWidgetItem | None) -> None:
            row = QTreeWidgetItem(
                [board.units[unit_id].name, "", _count(owned_by_unit.get(unit_id, 0))]
            )
            row.setData(0, KEY_ROLE, ("unit", unit_id))
            row.setIcon(0, unit_icon)
            row.setFont(0, bold)
            row.setToolTip(0, tree.path(unit_id))
            row.setTextAlignment(2, Qt.AlignmentFlag.AlignCenter)
            if parent is None:
                self.tree.addTopLevelItem(row)
            else:
                parent.addChild(row)
            self._rows[("unit", unit_id)] = row
            people = sorted(
                (board.people[p] for p in tree.members(unit_id)), key=lambda p: p.name.casefold()
            )
            for person in people:
                member = QTreeWidgetItem(
                    [
                        person.name,
                        self.role_text(person.role),
                        _count(owned_by_person.get(person.id, 0)),
                    ]
                )
                member.setData(0, KEY_ROLE, ("person", person.id))
                member.setTextAlignment(2, Qt.AlignmentFlag.AlignCenter)
                row.addChild(member)
                self._rows[("person", person.id)] = member
            for child in tree.children(unit_id):
                add_unit(child, row)

        for root in tree.roots():
            add_unit(root, None)
        self.tree.expandAll()
        for unit_id in self._collapsed:
            found = self._rows.get(("unit", unit_id))
            if found is not None:
                found.setExpanded(False)

    def current(self) -> tuple[str, str] | None:
        """``("unit", id)`` or ``("person", id)`` of the selected row, or ``None``."""
        row = self.tree.currentItem()
        if row is None or not row.isSelected():
            return None
        kind, row_id = row.data(0, KEY_ROLE)
        return str(kind), str(row_id)

    def select(self, kind: str, row_id: str) -> None:
        """Select a unit or person row."""
        self.tree.setCurrentItem(self._rows[(kind, row_id)])

    def _target_unit(self) -> str | None:
        """The unit new units and people go in: the selected unit, or the person's unit."""
        current = self.current()
        if current is None:
            return None
        kind, row_id = current
        if kind == "unit":
            return row_id
        return self.live.board.people[row_id].unit_id

    def _on_selection(self) -> None:
        if self._filling:
            return
        self._filling = True
        try:
            self._show_details()
        finally:
            self._filling = False

    def _show_details(self) -> None:
        board, tree = self.live.board, self.live.tree
        current = self.current()
        if current is None:
            self.details.setCurrentIndex(0)
        elif current[0] == "unit":
            unit = board.units[current[1]]
            self.unit_name.setText(unit.name)
            self.unit_parent.fill(tree, unit.parent_id, frozenset(tree.subtree(unit.id)))
            self.details.setCurrentIndex(1)
        else:
            person = board.people[current[1]]
            self.person_name.setText(person.name)
            self.person_unit.fill(tree, person.unit_id)
            self.person_role.setCurrentIndex(ROLES.index(person.role))
            self.details.setCurrentIndex(2)
        target = self._target_unit()
        if target is None:
            self.where_label.setText(
                self.tr("New units go at the top level. Select a unit to add people to it.")
            )
        else:
            self.where_label.setText(
                self.tr("New units and people go in %1.").replace("%1", tree.units[target].name)
            )
        self.where_label.setToolTip(tree.path(target) if target is not None else "")
        self.add_person_button.setEnabled(target is not None)
        self.new_person_name.setEnabled(target is not None)
        self.new_person_role.setEnabled(target is not None)

    # -- editing -----------------------------------------------------------------------
    def _run(
        self, call: Callable[..., Outcome], *args: Any, keep: QLineEdit | None = None
    ) -> Outcome | None:
        return run_edit(self, self.tr("Organisation"), call, *args, keep=keep)

    def _selected_id(self, kind: str) -> str | None:
        current = self.current()
        return current[1] if current is not None and current[0] == kind else None

    def _rename_unit(self) -> None:
        unit_id = self._selected_id("unit")
        if unit_id is None or self._filling:
            return
        if self.unit_name.text() != self.live.board.units[unit_id].name:
            self._run(self.org.rename_unit, unit_id, self.unit_name.text(), keep=self.unit_name)

    def _move_unit(self) -> None:
        unit_id = self._selected_id("unit")
        if unit_id is None or self._filling:
            return
        parent = self.unit_parent.unit_id()
        if parent != self.live.board.units[unit_id].parent_id:
            self._run(self.org.move_unit, unit_id, parent)

    def _delete_unit(self) -> None:
        unit_id = self._selected_id("unit")
        if unit_id is None:
            return
        unit = self.live.board.units[unit_id]

        def delete() -> None:
            if self._run(self.org.delete_unit, unit_id) is not None and unit.parent_id:
                self.select("unit", unit.parent_id)

        if self._unit_in_use(unit_id):  # the service refuses, and its message says why
            delete()
        else:
            ask(
                self,
                self.tr("Delete the unit %1?").replace("%1", self.live.unit_path(unit_id)),
                self.tr("Delete unit"),
                delete,
            )

    def _unit_in_use(self, unit_id: str) -> bool:
        board, tree = self.live.board, self.live.tree
        return bool(
            tree.children(unit_id)
            or tree.members(unit_id)
            or any(i.is_open and i.owner_unit_id == unit_id for i in self.live.items.values())
            or any(c.risk_owner_unit_id == unit_id for c in board.chains.values())
            or any(lk.responsible_unit_id == unit_id for lk in board.links.values())
        )

    def _rename_person(self) -> None:
        person_id = self._selected_id("person")
        if person_id is None or self._filling:
            return
        if self.person_name.text() != self.live.board.people[person_id].name:
            self._run(
                self.org.rename_person, person_id, self.person_name.text(), keep=self.person_name
            )

    def _move_person(self) -> None:
        person_id = self._selected_id("person")
        if person_id is None or self._filling:
            return
        unit_id = self.person_unit.unit_id()
        if unit_id is not None and unit_id != self.live.board.people[person_id].unit_id:
            self._run(self.org.move_person, person_id, unit_id)

    def _set_role(self) -> None:
        person_id = self._selected_id("person")
        if person_id is None or self._filling:
            return
        role = ROLES[self.person_role.currentIndex()]
        if role is not self.live.board.people[person_id].role:
            self._run(self.org.set_role, person_id, role)

    def _delete_person(self) -> None:
        person_id = self._selected_id("person")
        if person_id is None:
            return
        person = self.live.board.people[person_id]

        def delete() -> None:
            if self._run(self.org.delete_person, person_id) is not None and person.unit_id:
                self.select("unit", person.unit_id)

        if any(i.is_open and i.owner_person_id == person_id for i in self.live.items.values()):
            delete()  # the service refuses, and its message says why
        else:
            ask(
                self,
                self.tr("Delete %1 from the organisation?").replace("%1", person.name),
                self.tr("Delete person"),
                delete,
            )

    def _add_unit(self) -> None:
        outcome = self._run(
            self.org.add_unit,
            self._target_unit(),
            self.new_unit_name.text(),
            keep=self.new_unit_name,
        )
        if outcome is not None and outcome.row_id is not None:
            self.new_unit_name.clear()
            self.select("unit", outcome.row_id)

    def _add_person(self) -> None:
        unit_id = self._target_unit()
        if unit_id is None:
            return
        role = ROLES[self.new_person_role.currentIndex()]
        outcome = self._run(
            self.org.add_person,
            self.new_person_name.text(),
            unit_id,
            role,
            keep=self.new_person_name,
        )
        if outcome is not None and outcome.row_id is not None:
            self.new_person_name.clear()
            self.select("person", outcome.row_id)


def _count(value: int) -> str:
    return str(value) if value else ""
