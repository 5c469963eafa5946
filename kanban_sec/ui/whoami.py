"""'Who am I': the person at this computer, from the organisation or new, remembered per board.

The choice decides which items are *mine* and signs comments. It is kept in QSettings under
``whoami/<database path>`` (:func:`remember_person`, :func:`remembered_person`); when the
person stored there no longer exists, :func:`ask_who_am_i` asks again.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kanban_sec.domain.errors import KanbanError
from kanban_sec.domain.model import Person, Role
from kanban_sec.services.board import BoardService
from kanban_sec.ui import notify
from kanban_sec.ui.screen_fit import fit_to_screen

PERSON_ID_ROLE = Qt.ItemDataRole.UserRole

#: Qt's translate, under the name pyside6-lupdate looks for outside classes.
translate = QCoreApplication.translate


def role_label(role: Role) -> str:
    """A role's name in the window's language."""
    return {
        Role.GOVERNING: translate("WhoAmI", "Governing"),
        Role.OPERATIONAL: translate("WhoAmI", "Operational"),
        Role.CONTROLLING: translate("WhoAmI", "Controlling"),
    }[role]


def role_description(role: Role) -> str:
    return {
        Role.GOVERNING: translate("WhoAmI", "Leads; sets targets and accepts risk"),
        Role.OPERATIONAL: translate("WhoAmI", "Does the improvement work"),
        Role.CONTROLLING: translate("WhoAmI", "Internal control: verifies finished work"),
    }[role]


# -- remembering the choice ----------------------------------------------------------------


def _key(db_path: str | os.PathLike[str]) -> str:
    return f"whoami/{Path(db_path).expanduser().absolute()}"


def remember_person(db_path: str | os.PathLike[str], person_id: str) -> None:
    QSettings().setValue(_key(db_path), person_id)


def forget_person(db_path: str | os.PathLike[str]) -> None:
    QSettings().remove(_key(db_path))


def remembered_person(
    db_path: str | os.PathLike[str], service: BoardService | None = None
) -> str | None:
    """The person chosen for this database; with ``service``, only if they still exist."""
    value = QSettings().value(_key(db_path), None)
    person_id = str(value) if value else None
    if person_id is not None and service is not None and person_id not in _people(service):
        return None
    return person_id


def _people(service: BoardService) -> dict[str, Person]:
    return service.people()


def ask_who_am_i(
    parent: QWidget | None, service: BoardService, on_chosen: Callable[[str], None]
) -> WhoAmIDialog | None:
    """Call ``on_chosen(person_id)`` at once if this board remembers a person who still
    exists; otherwise open :class:`WhoAmIDialog` (non-blocking) and call it on OK."""
    known = remembered_person(service.db.path, service)
    if known is not None:
        on_chosen(known)
        return None
    dialog = WhoAmIDialog(service, parent)
    dialog.accepted.connect(lambda: on_chosen(dialog.person_id() or ""))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    fit_to_screen(dialog)
    dialog.open()
    return dialog


# -- the dialog ----------------------------------------------------------------------------


class WhoAmIDialog(QDialog):
    """Pick yourself from the organisation, or add yourself; :meth:`person_id` is the result.

    On OK the choice is remembered for the service's database.
    """

    PICK, CREATE = 0, 1
    NAME, UNIT, ROLE = range(3)

    def __init__(
        self, service: BoardService, parent: QWidget | None = None, current: str | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("who-am-i")
        self.setWindowTitle(self.tr("Who am I?"))
        self.service = service
        self._person_id: str | None = None
        self.error_box: QWidget | None = None
        self.tree = service.organisation()
        people = self.tree.people

        intro = QLabel(
            self.tr(
                "Choose who you are on this board. It decides which items are <i>mine</i> and "
                "signs your comments, and is remembered for this board on this computer."
            )
        )
        intro.setWordWrap(True)

        # Pick from the organisation.
        self.search = QLineEdit()
        self.search.setObjectName("who-am-i-search")
        self.search.setPlaceholderText(self.tr("Search by name, unit or role"))
        self.search.setClearButtonEnabled(True)
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Unit"), self.tr("Role")])
        for person in sorted(people.values(), key=lambda p: (p.name.casefold(), p.id)):
            name = QStandardItem(person.name)
            name.setData(person.id, PERSON_ID_ROLE)
            unit = QStandardItem(self._path(person.unit_id))
            unit.setToolTip(unit.text())
            role = QStandardItem(role_label(person.role))
            role.setToolTip(role_description(person.role))
            for cell in (name, unit, role):
                cell.setEditable(False)
            self.model.appendRow([name, unit, role])
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)

        self.people_view = QTableView()
        self.people_view.setObjectName("who-am-i-people")
        self.people_view.setModel(self.proxy)
        self.people_view.setSortingEnabled(True)
        self.people_view.sortByColumn(self.NAME, Qt.SortOrder.AscendingOrder)
        self.people_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.people_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.people_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.people_view.setAlternatingRowColors(True)
        # Long unit paths: one line each, the leaf end kept (the full path is the tooltip).
        self.people_view.setWordWrap(False)
        self.people_view.setTextElideMode(Qt.TextElideMode.ElideLeft)
        self.people_view.verticalHeader().setVisible(False)
        self.people_view.verticalHeader().setDefaultSectionSize(
            self.people_view.fontMetrics().height() + 10
        )
        header = self.people_view.horizontalHeader()
        header.setSectionResizeMode(self.NAME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.UNIT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(self.ROLE, QHeaderView.ResizeMode.ResizeToContents)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.people_view.selectionModel().selectionChanged.connect(self._update)
        self.people_view.doubleClicked.connect(self.accept)
        self.search.returnPressed.connect(self._select_first)
        self.proxy.modelReset.connect(self._update)
        self.proxy.layoutChanged.connect(self._update)

        pick = QWidget()
        pick_layout = QVBoxLayout(pick)
        pick_layout.addWidget(self.search)
        pick_layout.addWidget(self.people_view, 1)
        self.nobody = QLabel(
            self.tr("Nobody is in the organisation yet: add yourself under “I am not in the list”.")
        )
        self.nobody.setWordWrap(True)
        self.nobody.setVisible(not people)
        pick_layout.addWidget(self.nobody)

        # Add a new person.
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("who-am-i-name")
        self.name_edit.setPlaceholderText(self.tr("Your full name"))
        self.unit_box = QComboBox()
        self.unit_box.setObjectName("who-am-i-unit")
        self.unit_box.setEditable(True)
        self.unit_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for unit_id in self._units_in_tree_order():
            self.unit_box.addItem(self._path(unit_id), unit_id)
        self.unit_box.setCurrentIndex(-1)
        unit_line = self.unit_box.lineEdit()
        assert unit_line is not None  # the box is editable
        unit_line.setPlaceholderText(
            self.tr("Choose a unit, or type a path such as Kommune / IT / Drift")
        )
        completer = self.unit_box.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.role_box = QComboBox()
        self.role_box.setObjectName("who-am-i-role")
        for choice in Role:
            self.role_box.addItem(
                f"{role_label(choice)} — {role_description(choice)}", choice.value
            )
        self.role_box.setCurrentIndex(self.role_box.findData(Role.OPERATIONAL.value))
        self.unit_hint = hint = QLabel()
        hint.setObjectName("who-am-i-unit-hint")
        hint.setWordWrap(True)
        self._paths = {self._key(self._path(u)): self._path(u) for u in self.tree.units}

        create = QWidget()
        form = QFormLayout(create)
        form.addRow(self.tr("Name:"), self.name_edit)
        form.addRow(self.tr("Unit:"), self.unit_box)
        form.addRow("", hint)
        form.addRow(self.tr("Role:"), self.role_box)
        self.name_edit.textChanged.connect(self._update)
        self.unit_box.editTextChanged.connect(self._update)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("who-am-i-tabs")
        self.tabs.addTab(pick, self.tr("Pick yourself"))
        self.tabs.addTab(create, self.tr("I am not in the list"))
        self.tabs.currentChanged.connect(self._update)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("This is me"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self.resize(760, 460)

        if not people:
            self.tabs.setCurrentIndex(self.CREATE)
        elif current is not None:
            self.select_person(current)
        self._update()
        (self.search if people else self.name_edit).setFocus()

    # -- helpers -------------------------------------------------------------------------
    def _path(self, unit_id: str | None) -> str:
        return self.tree.path(unit_id) if unit_id is not None and unit_id in self.tree.units else ""

    def _units_in_tree_order(self) -> list[str]:
        out: list[str] = []

        def walk(unit_id: str) -> None:
            out.append(unit_id)
            for child in self.tree.children(unit_id):
                walk(child)

        for root in self.tree.roots():
            walk(root)
        return out

    def _selected(self) -> str | None:
        rows = self.people_view.selectionModel().selectedRows(self.NAME)
        return str(rows[0].data(PERSON_ID_ROLE)) if rows else None

    def _select_first(self) -> None:
        if self.proxy.rowCount():
            self.people_view.selectRow(0)
            self.accept()

    @staticmethod
    def _key(path: str) -> tuple[str, ...]:
        return tuple(part.strip().casefold() for part in path.split("/") if part.strip())

    def _unit_hint_text(self) -> str:
        typed = self._key(self.unit_box.currentText())
        if not typed or typed in self._paths:
            return ""
        tails = sorted(path for key, path in self._paths.items() if key[-len(typed) :] == typed)
        if tails:
            return self.tr(
                "No unit has this full path; did you mean %1? Otherwise a new unit is created."
            ).replace("%1", " · ".join(tails[:3]))
        return self.tr("A new unit is created (with the missing units along its path).")

    def _update(self, *_args: object) -> None:
        if self.tabs.currentIndex() == self.PICK:
            ok = self._selected() is not None
        else:
            ok = bool(self.name_edit.text().strip() and self.unit_box.currentText().strip())
        hint = self._unit_hint_text()
        self.unit_hint.setText(hint)
        self.unit_hint.setVisible(bool(hint))
        self.ok_button.setEnabled(ok)

    # -- choosing ------------------------------------------------------------------------
    def select_person(self, person_id: str) -> bool:
        """Select a person in the list (and show that tab); ``False`` if not listed."""
        matches = self.model.match(
            self.model.index(0, self.NAME), PERSON_ID_ROLE, person_id, 1, Qt.MatchFlag.MatchExactly
        )
        if not matches:
            return False
        row = self.proxy.mapFromSource(matches[0])
        if not row.isValid():
            self.search.clear()
            row = self.proxy.mapFromSource(matches[0])
        self.tabs.setCurrentIndex(self.PICK)
        self.people_view.selectRow(row.row())
        self.people_view.scrollTo(row)
        return True

    def fill_new_person(self, name: str, unit_path: str, role: Role | str) -> None:
        """Fill in the "not in the list" tab (and show it)."""
        self.tabs.setCurrentIndex(self.CREATE)
        self.name_edit.setText(name)
        self.unit_box.setEditText(unit_path)
        self.role_box.setCurrentIndex(self.role_box.findData(Role(role).value))

    def person_id(self) -> str | None:
        """The chosen person's id, after OK."""
        return self._person_id

    def accept(self) -> None:
        if self.tabs.currentIndex() == self.PICK:
            person_id = self._selected()
            if person_id is None:
                return
        else:
            name = " ".join(self.name_edit.text().split())
            unit = self.unit_box.currentText().strip()
            if not name or not unit:
                return
            try:
                outcome = self.service.add_person(name, unit, Role(self.role_box.currentData()))
            except KanbanError as error:
                self.error_box = notify.show_error(self, error, self.tr("Who am I?"))
                return
            assert outcome.row_id is not None
            person_id = outcome.row_id
        self._person_id = person_id
        remember_person(self.service.db.path, person_id)
        super().accept()
