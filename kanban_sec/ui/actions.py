"""The board window's actions and menus: what each does, its shortcut, where it sits and
its text (in the main window's translation context, as the window shows them)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from kanban_sec.ui import i18n

if TYPE_CHECKING:
    from kanban_sec.ui.main_window import MainWindow

#: Qt's translate, under the name pyside6-lupdate looks for outside classes.
translate = QCoreApplication.translate

Shortcut = QKeySequence | QKeySequence.StandardKey | str | None


class WindowActions:
    """The actions and menus :func:`build_actions` and :func:`build_menus` give the main
    window (declared here, where they are made)."""

    accepted_action: QAction
    block_action: QAction
    chains_action: QAction
    chain_map_action: QAction
    conflicts_action: QAction
    delegate_action: QAction
    delete_action: QAction
    demo_action: QAction
    detail_action: QAction
    edit_action: QAction
    export_action: QAction
    history_action: QAction
    import_action: QAction
    keep_action: QAction
    matrix_action: QAction
    metrics_action: QAction
    new_action: QAction
    org_action: QAction
    pin_action: QAction
    policy_action: QAction
    quit_action: QAction
    redo_action: QAction
    refresh_action: QAction
    refused_action: QAction
    register_action: QAction
    new_risk_action: QAction
    risk_action: QAction
    shortcuts_action: QAction
    standup_action: QAction
    switch_person_action: QAction
    sync_cancel_action: QAction
    sync_now_action: QAction
    sync_settings_action: QAction
    undo_action: QAction
    verify_action: QAction
    wheel_action: QAction
    edit_menu: QMenu
    file_menu: QMenu
    help_menu: QMenu
    lanes_menu: QMenu
    language_menu: QMenu
    risk_menu: QMenu
    sync_menu: QMenu
    view_menu: QMenu
    lane_group: QActionGroup
    lane_actions: dict[str, QAction]
    language_group: QActionGroup
    language_actions: dict[str, QAction]


def make_action(
    window: MainWindow, name: str, slot: Any, shortcut: Shortcut = None, checkable: bool = False
) -> QAction:
    """A window action: its object name (tests and the shortcuts overlay find it by it)."""
    made = QAction(window)
    made.setObjectName(name)
    if shortcut is not None:
        made.setShortcut(QKeySequence(shortcut))
    made.setCheckable(checkable)
    made.triggered.connect(slot)
    return made


def build_actions(window: MainWindow) -> None:
    """Every action of the File, Edit, View and Risk menus, as attributes of the window."""
    keys = QKeySequence.StandardKey
    window.new_action = make_action(window, "new-item", window.new_item, keys.New)
    window.edit_action = make_action(
        window, "edit-item", lambda: window.edit_item(window.board.current_item() or ""), "F2"
    )
    window.import_action = make_action(window, "import-csv", window.files.import_csv, "Ctrl+I")
    window.demo_action = make_action(window, "load-example", window.files.load_example)
    window.export_action = make_action(
        window, "action-export-csv", window.files.export_csv, "Ctrl+E"
    )
    window.switch_person_action = make_action(
        window, "action-switch-person", window.switch_person, "Ctrl+Shift+W"
    )
    window.quit_action = make_action(window, "quit", window.close, keys.Quit)
    # Own actions rather than QUndoStack's, so their texts follow a language switch.
    window.undo_action = make_action(window, "undo", window.undo_stack.undo, keys.Undo)
    window.redo_action = make_action(window, "redo", window.undo_stack.redo, keys.Redo)
    window.undo_stack.canUndoChanged.connect(window.undo_action.setEnabled)
    window.undo_stack.canRedoChanged.connect(window.redo_action.setEnabled)
    window.undo_stack.undoTextChanged.connect(window._undo_texts)
    window.undo_stack.redoTextChanged.connect(window._undo_texts)
    window.undo_action.setEnabled(False)
    window.redo_action.setEnabled(False)
    window.pin_action = make_action(window, "pin", window.toggle_pin, "Ctrl+P")
    window.block_action = make_action(window, "block", window.toggle_block, "Ctrl+B")
    window.delegate_action = make_action(window, "delegate", window.delegate_item, "Ctrl+D")
    window.delete_action = make_action(window, "delete", window.delete_item, keys.Delete)
    window.chains_action = make_action(window, "chains", window.open_chains, "Ctrl+L")
    window.org_action = make_action(window, "organisation", window.open_organisation, "Ctrl+O")
    window.chain_map_action = make_action(window, "chain-map", lambda: window.open_chain_map())
    window.refresh_action = make_action(window, "reload", window.reload, keys.Refresh)
    # Not Ctrl+M nor Ctrl+H: on macOS Qt's Ctrl is ⌘, and ⌘M minimises, ⌘H hides the app.
    window.metrics_action = make_action(window, "metrics", window.open_metrics, "Ctrl+Shift+F")
    window.history_action = make_action(window, "history", window.open_history, "Ctrl+Shift+H")
    window.wheel_action = make_action(window, "annual-wheel", window.open_wheel, "Ctrl+Shift+Y")
    window.standup_action = make_action(window, "standup", window.open_standup, "Ctrl+U")
    window.keep_action = make_action(window, "keep-it-there", window.keep_it_there)
    window.matrix_action = make_action(window, "ros-matrix", window.open_matrix, "Ctrl+Shift+M")
    window.register_action = make_action(
        window, "risk-register", window.ros_windows.open_register, "Ctrl+Shift+R"
    )
    window.new_risk_action = make_action(
        window, "new-ros-risk", lambda: window.ros_windows.new_risk(None)
    )
    window.risk_action = make_action(window, "risk-decision", window.open_risk_decision, "Ctrl+K")
    window.verify_action = make_action(window, "verify", window.open_verify, "Ctrl+Shift+V")
    window.policy_action = make_action(window, "board-policy", window.open_policy)
    window.detail_action = make_action(
        window,
        "detail-panel-action",
        lambda shown: window.panels.set_detail_shown(shown, by_user=True),
        "Ctrl+J",
        checkable=True,
    )
    window.accepted_action = make_action(
        window,
        "accepted-lane-action",
        lambda shown: window.board.set_accepted_collapsed(not shown, by_user=True),
        "Ctrl+Shift+A",
        checkable=True,
    )
    window.lane_group = QActionGroup(window)
    window.lane_actions = {}
    for mode in ("none", "chain", "unit"):
        lane = make_action(
            window, f"lanes-{mode}", lambda _=False, m=mode: window.set_lanes(m), checkable=True
        )
        window.lane_group.addAction(lane)
        window.lane_actions[mode] = lane
    window.lane_actions["none"].setChecked(True)
    window.language_group = QActionGroup(window)
    window.language_actions = {}
    for lang in ("nb", "en"):
        language = make_action(
            window,
            f"language-{lang}",
            lambda _=False, x=lang: window.set_language(x),
            checkable=True,
        )
        window.language_group.addAction(language)
        window.language_actions[lang] = language
    window.language_actions[i18n.current_language()].setChecked(True)


def build_menus(window: MainWindow) -> None:
    """File, Edit, View and Risk in the menu bar."""
    bar = window.menuBar()
    window.file_menu = bar.addMenu("")
    for action in (
        window.new_action,
        window.import_action,
        window.export_action,
        window.demo_action,
    ):
        window.file_menu.addAction(action)
    window.file_menu.addSeparator()
    window.file_menu.addAction(window.switch_person_action)
    window.file_menu.addSeparator()
    window.file_menu.addAction(window.quit_action)
    window.edit_menu = bar.addMenu("")
    for action in (window.undo_action, window.redo_action):
        window.edit_menu.addAction(action)
    window.edit_menu.addSeparator()
    for action in (
        window.edit_action,
        window.pin_action,
        window.block_action,
        window.delegate_action,
        window.keep_action,
        window.delete_action,
    ):
        window.edit_menu.addAction(action)
    window.view_menu = bar.addMenu("")
    window.lanes_menu = window.view_menu.addMenu("")
    for action in window.lane_actions.values():
        window.lanes_menu.addAction(action)
    window.language_menu = window.view_menu.addMenu("")
    for action in window.language_actions.values():
        window.language_menu.addAction(action)
    window.view_menu.addAction(window.detail_action)
    window.view_menu.addAction(window.accepted_action)
    window.risk_menu = bar.addMenu("")
    for action in (
        window.matrix_action,
        window.register_action,
        window.new_risk_action,
        window.risk_action,
        window.verify_action,
        window.policy_action,
    ):
        window.risk_menu.addAction(action)
    window.view_menu.addSeparator()
    for action in (
        window.standup_action,
        window.metrics_action,
        window.history_action,
        window.wheel_action,
        window.chains_action,
        window.chain_map_action,
        window.org_action,
        window.refresh_action,
    ):
        window.view_menu.addAction(action)


def build_sync_menu(window: MainWindow) -> None:
    """Sync ▸ Sync now, Cancel the sync, Conflicts, Refused changes and Sync settings."""
    controller = window.sync_controller
    window.sync_settings_action = make_action(window, "sync-settings", window.open_sync_settings)
    window.sync_now_action = make_action(window, "sync-now", window.sync_now, "F9")
    window.sync_cancel_action = make_action(window, "sync-cancel", controller.cancel)
    window.sync_cancel_action.setEnabled(False)
    window.conflicts_action = make_action(window, "conflicts", window.open_conflicts)
    window.refused_action = make_action(window, "refused", controller.show_refused)
    controller.board_changed.connect(
        lambda: window.conflicts_action.setText(window.conflicts_text())
    )
    window.sync_menu = window.menuBar().addMenu("")
    window.sync_menu.setObjectName("sync-menu")
    for action in (
        window.sync_now_action,
        window.sync_cancel_action,
        window.conflicts_action,
        window.refused_action,
    ):
        window.sync_menu.addAction(action)
    window.sync_menu.addSeparator()
    window.sync_menu.addAction(window.sync_settings_action)


def build_help_menu(window: MainWindow) -> None:
    """Help ▸ Keyboard shortcuts… (F1, and `?` outside text fields, which take it)."""
    window.shortcuts_action = make_action(window, "keyboard-shortcuts", window.show_shortcuts)
    window.shortcuts_action.setShortcuts(
        [QKeySequence(QKeySequence.StandardKey.HelpContents), QKeySequence("?")]
    )
    window.help_menu = window.menuBar().addMenu("")
    window.help_menu.setObjectName("help-menu")
    window.help_menu.addAction(window.shortcuts_action)


def retranslate_actions(window: MainWindow) -> None:
    """The menus' titles and the actions' texts in the current language."""
    window.file_menu.setTitle(translate("MainWindow", "&File"))
    window.edit_menu.setTitle(translate("MainWindow", "&Edit"))
    window.view_menu.setTitle(translate("MainWindow", "&View"))
    window.risk_menu.setTitle(translate("MainWindow", "&Risk"))
    window.sync_menu.setTitle(translate("MainWindow", "&Sync"))
    window.help_menu.setTitle(translate("MainWindow", "&Help"))
    window.lanes_menu.setTitle(translate("MainWindow", "Swimlanes"))
    window.language_menu.setTitle(translate("MainWindow", "Language"))
    texts = {
        window.new_action: translate("MainWindow", "&New item…"),
        window.edit_action: translate("MainWindow", "&Open item…"),
        window.import_action: translate("MainWindow", "&Import CSV…"),
        window.demo_action: translate("MainWindow", "Load the example board"),
        window.export_action: translate("MainWindow", "&Export CSV…"),
        window.quit_action: translate("MainWindow", "&Quit"),
        window.pin_action: translate("MainWindow", "Pin / unpin (expedite)…"),
        window.block_action: translate("MainWindow", "Block / unblock…"),
        window.delegate_action: translate("MainWindow", "Delegate to the lowest level"),
        window.delete_action: translate("MainWindow", "Delete item"),
        window.chains_action: translate("MainWindow", "Chains and links…"),
        window.chain_map_action: translate("MainWindow", "Chain map…"),
        window.org_action: translate("MainWindow", "Organisation…"),
        window.refresh_action: translate("MainWindow", "Reload board"),
        window.metrics_action: translate("MainWindow", "Flow metrics…"),
        window.history_action: translate("MainWindow", "History…"),
        window.wheel_action: translate("MainWindow", "Annual wheel (årshjul)…"),
        window.standup_action: translate("MainWindow", "Weekly standup…"),
        window.keep_action: translate("MainWindow", "Keep it there (make recurring)…"),
        window.matrix_action: translate("MainWindow", "ROS matrix…"),
        window.register_action: translate("MainWindow", "Risk register…"),
        window.new_risk_action: translate("MainWindow", "New ROS risk…"),
        window.risk_action: translate("MainWindow", "Risk decision…"),
        window.verify_action: translate("MainWindow", "Verify…"),
        window.policy_action: translate("MainWindow", "Board policy…"),
        window.lane_actions["none"]: translate("MainWindow", "No swimlanes"),
        window.lane_actions["chain"]: translate("MainWindow", "By chain"),
        window.lane_actions["unit"]: translate("MainWindow", "By owner unit"),
        window.language_actions["nb"]: "Norsk bokmål",
        window.language_actions["en"]: "English",
        window.sync_settings_action: translate("MainWindow", "Sync settings…"),
        window.sync_now_action: translate("MainWindow", "Sync now"),
        window.sync_cancel_action: translate("MainWindow", "Cancel the sync"),
        window.conflicts_action: window.conflicts_text(),
        window.switch_person_action: translate("MainWindow", "Who am I…"),
        window.refused_action: translate("MainWindow", "Changes the server refused…"),
        window.shortcuts_action: translate("MainWindow", "Keyboard shortcuts…"),
        window.detail_action: translate("MainWindow", "Side panel"),
        window.accepted_action: translate("MainWindow", "Accepted-risk lane"),
    }
    for action, text in texts.items():
        action.setText(text)
