"""The keyboard shortcuts overlay (`?`, F1, Help ▸ Keyboard shortcuts…).

Everything listed comes from the window's own actions and menus, so the list cannot go
stale: an action with a shortcut shows up under its menu, with the shortcut as the
platform writes it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMainWindow,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kanban_sec.ui.i18n import translate


def plain(text: str) -> str:
    """A menu text without its mnemonic marker ("&Open item…" → "Open item…")."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def keys_text(action: QAction) -> str:
    """The action's shortcuts as the platform writes them, comma separated."""
    return ", ".join(
        sequence.toString(QKeySequence.SequenceFormat.NativeText)
        for sequence in action.shortcuts()
        if not sequence.isEmpty()
    )


def _menu_actions(menu: QMenu, path: str) -> list[tuple[str, QAction]]:
    out: list[tuple[str, QAction]] = []
    for action in menu.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            out += _menu_actions(sub, f"{path} ▸ {plain(sub.title())}")
        elif not action.isSeparator():
            out.append((path, action))
    return out


def shortcut_groups(window: QMainWindow) -> list[tuple[str, list[tuple[str, str]]]]:
    """(group, [(action text, keys)]) for every window action that has a shortcut.

    Actions in the menu bar are grouped by menu; actions with a shortcut that are in no
    menu (the toolbar's, say) come under "Other".
    """
    groups: dict[str, list[tuple[str, str]]] = {}
    seen: set[int] = set()
    for top in window.menuBar().actions():
        menu = top.menu()
        if not isinstance(menu, QMenu):
            continue
        for path, action in _menu_actions(menu, plain(menu.title())):
            seen.add(id(action))
            keys = keys_text(action)
            if keys and action.isVisible():
                groups.setdefault(path, []).append((plain(action.text()), keys))
    other = translate("Shortcuts", "Other")
    for action in window.findChildren(QAction):
        if id(action) in seen or not action.isVisible():
            continue
        keys = keys_text(action)
        if keys and action.text():
            groups.setdefault(other, []).append((plain(action.text()), keys))
    return list(groups.items())


def _native(text: str) -> str:
    return QKeySequence(text).toString(QKeySequence.SequenceFormat.NativeText)


def board_keys() -> list[tuple[str, str]]:
    """Keys the board itself handles (in board_widget's event filter), not QActions."""
    return [
        (
            translate("Shortcuts", "Move focus between cards and columns"),
            translate("Shortcuts", "Arrow keys"),
        ),
        (
            translate("Shortcuts", "Move the selected card to the previous / next column"),
            f"{_native('Ctrl+Left')}, {_native('Ctrl+Right')}",
        ),
        (translate("Shortcuts", "Open the card"), f"{_native('Return')}, {_native('F2')}"),
        (translate("Shortcuts", "The card's menu"), f"{_native('Menu')}, {_native('Shift+F10')}"),
        (translate("Shortcuts", "Close a dialog or this list"), _native("Esc")),
    ]


class ShortcutsDialog(QDialog):
    """Every shortcut of the window, by menu, plus the board's own keys; Esc closes it."""

    def __init__(self, window: QMainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent if parent is not None else window)
        self.setObjectName("shortcuts-dialog")
        self.setWindowTitle(translate("Shortcuts", "Keyboard shortcuts"))
        self.tree = QTreeWidget()
        self.tree.setObjectName("shortcuts-list")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(
            [translate("Shortcuts", "Action"), translate("Shortcuts", "Keys")]
        )
        self.tree.setAccessibleName(translate("Shortcuts", "Keyboard shortcuts"))
        self.tree.setRootIsDecorated(False)
        groups = [*shortcut_groups(window), (translate("Shortcuts", "Board"), board_keys())]
        for title, rows in groups:
            group = QTreeWidgetItem(self.tree, [title])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setFirstColumnSpanned(True)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for text, keys in rows:
                QTreeWidgetItem(group, [text, keys])
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.resize(560, 520)
        self.tree.setFocus()

    def rows(self) -> list[tuple[str, str, str]]:
        """(group, action text, keys) as listed."""
        out = []
        for number in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(number)
            if group is None:
                continue
            for child in range(group.childCount()):
                item = group.child(child)
                if item is not None:
                    out.append((group.text(0), item.text(0), item.text(1)))
        return out
