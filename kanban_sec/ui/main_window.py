"""The main window: the board, the toolbar's search and filters, menus, status bar, undo."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QByteArray, QDate, QLocale, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTextBrowser,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kanban_sec.domain.due import DueState, due_state
from kanban_sec.domain.errors import KanbanError
from kanban_sec.domain.governance import Action, may
from kanban_sec.domain.ids import short_id
from kanban_sec.domain.model import Classification, Status
from kanban_sec.services import undo
from kanban_sec.services.board import BoardService
from kanban_sec.services.governance import GovernanceService
from kanban_sec.services.live_board import BoardFilter, LiveBoard
from kanban_sec.services.outcome import Outcome
from kanban_sec.ui import i18n
from kanban_sec.ui.board_widget import BoardWidget, status_name
from kanban_sec.ui.notify import show_error
from kanban_sec.ui.screen_fit import fit_to_screen

_ANY = "__any__"
#: The side panel's width when it opens.
DETAIL_WIDTH = 280
#: Below this window width the side panel folds away by itself (five columns of some
#: 220 px and the panel need it); below this height the accepted-risk lane does.
ROOMY_WIDTH = 1360
ROOMY_HEIGHT = 800


class ChangeCommand(QUndoCommand):
    """One change made in the window; undo and redo write through the change log."""

    def __init__(self, window: MainWindow, outcome: Outcome, text: str) -> None:
        super().__init__(text)
        self.window = window
        self.changes = outcome.changes
        self.bulk_rows = outcome.bulk_rows
        self._done = True  # the change already happened when the command is pushed

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self.window.run_quietly(lambda: undo.reapply(
            self.window.service.db, self.window.service.author, self.changes, self.bulk_rows))

    def undo(self) -> None:
        self.window.run_quietly(lambda: undo.revert(
            self.window.service.db, self.window.service.author, self.changes, self.bulk_rows))


class MainWindow(QMainWindow):
    """kanban-sec's board window."""

    language_changed = Signal(str)

    def __init__(self, service: BoardService, live: LiveBoard, db_path: Path) -> None:
        super().__init__()
        self.setObjectName("main-window")
        self.service = service
        self.live = live
        self.db_path = db_path
        self.undo_stack = QUndoStack(self)
        self.board = BoardWidget(live)
        self.board.move_requested.connect(self.move_items)
        self.board.item_activated.connect(self.edit_item)
        self.board.current_changed.connect(self._show_detail)
        self.board.menu_requested.connect(self.card_menu)
        self.board.accepted_toggled.connect(self._accepted_toggled)
        self.detail = QTextBrowser()
        self.detail.setObjectName("detail-panel")
        self.detail.setOpenExternalLinks(True)
        self._build_detail_pane()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.board)
        self.splitter.addWidget(self.detail_pane)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(1, False)  # folded by its button, never dragged away
        self.splitter.setSizes([1120, DETAIL_WIDTH])
        self.setCentralWidget(self.splitter)
        #: The person's own choice to show (True) or hide (False) the side panel and the
        #: accepted-risk lane; None: as the room allows.
        self.panel_choice: dict[str, bool | None] = {"detail": None, "accepted": None}
        self._roomy: tuple[bool, bool] | None = None
        self._dialogs: list[QWidget] = []
        #: The status bar's Undo button after a delete (Qt deletes it when it expires).
        self._undo_offer: QPushButton | None = None
        self._matrix: Any = None
        self._build_actions()
        self._build_toolbar()
        self._build_status_bar()
        self._build_sync()
        self._build_help()
        self.retranslate()
        self._restore_settings()
        self.refresh_status()
        self.apply_roles()
        self._day_timer = QTimer(self)
        self._day_timer.setInterval(60_000)
        self._day_timer.timeout.connect(self._check_day)
        self._day_timer.start()

    # -- building ----------------------------------------------------------------------
    def _action(self, name: str, slot: Any,
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
                checkable: bool = False) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.new_action = self._action("new-item", self.new_item, QKeySequence.StandardKey.New)
        self.edit_action = self._action("edit-item", lambda: self.edit_item(
            self.board.current_item() or ""), "F2")
        self.import_action = self._action("import-csv", self.import_csv, "Ctrl+I")
        self.demo_action = self._action("load-example", self.load_example)
        self.export_action = self._action("action-export-csv", self.export_csv, "Ctrl+E")
        self.switch_person_action = self._action("action-switch-person", self.switch_person,
                                                 "Ctrl+Shift+W")
        self.quit_action = self._action("quit", self.close, QKeySequence.StandardKey.Quit)
        # Own actions rather than QUndoStack's, so their texts follow a language switch.
        self.undo_action = self._action("undo", self.undo_stack.undo,
                                        QKeySequence.StandardKey.Undo)
        self.redo_action = self._action("redo", self.undo_stack.redo,
                                        QKeySequence.StandardKey.Redo)
        self.undo_stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self.undo_stack.undoTextChanged.connect(self._undo_texts)
        self.undo_stack.redoTextChanged.connect(self._undo_texts)
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self.pin_action = self._action("pin", self.toggle_pin, "Ctrl+P")
        self.block_action = self._action("block", self.toggle_block, "Ctrl+B")
        self.delegate_action = self._action("delegate", self.delegate_item, "Ctrl+D")
        self.delete_action = self._action("delete", self.delete_item,
                                          QKeySequence.StandardKey.Delete)
        self.chains_action = self._action("chains", self.open_chains, "Ctrl+L")
        self.org_action = self._action("organisation", self.open_organisation, "Ctrl+O")
        self.refresh_action = self._action("reload", self.reload, QKeySequence.StandardKey.Refresh)
        self.metrics_action = self._action("metrics", self.open_metrics, "Ctrl+M")
        self.history_action = self._action("history", self.open_history, "Ctrl+Shift+H")
        self.wheel_action = self._action("annual-wheel", self.open_wheel, "Ctrl+H")
        self.standup_action = self._action("standup", self.open_standup, "Ctrl+U")
        self.keep_action = self._action("keep-it-there", self.keep_it_there)
        self.matrix_action = self._action("ros-matrix", self.open_matrix, "Ctrl+Shift+M")
        self.risk_action = self._action("risk-decision", self.open_risk_decision, "Ctrl+K")
        self.verify_action = self._action("verify", self.open_verify, "Ctrl+Shift+V")
        self.policy_action = self._action("board-policy", self.open_policy)
        self.detail_action = self._action(
            "detail-panel-action", lambda shown: self.set_detail_shown(shown, by_user=True),
            "Ctrl+J", checkable=True)
        self.accepted_action = self._action(
            "accepted-lane-action", lambda shown: self.board.set_accepted_collapsed(
                not shown, by_user=True), "Ctrl+Shift+A", checkable=True)
        self.lane_group = QActionGroup(self)
        self.lane_actions = {}
        for mode in ("none", "chain", "unit"):
            action = self._action(f"lanes-{mode}", lambda _=False, m=mode: self.set_lanes(m),
                                  checkable=True)
            self.lane_group.addAction(action)
            self.lane_actions[mode] = action
        self.lane_actions["none"].setChecked(True)
        self.language_group = QActionGroup(self)
        self.language_actions = {}
        for lang in ("nb", "en"):
            action = self._action(f"language-{lang}", lambda _=False, x=lang:
                                  self.set_language(x), checkable=True)
            self.language_group.addAction(action)
            self.language_actions[lang] = action
        self.language_actions[i18n.current_language()].setChecked(True)

        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        for action in (self.new_action, self.import_action, self.export_action,
                       self.demo_action):
            self.file_menu.addAction(action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.switch_person_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = bar.addMenu("")
        for action in (self.undo_action, self.redo_action):
            self.edit_menu.addAction(action)
        self.edit_menu.addSeparator()
        for action in (self.edit_action, self.pin_action, self.block_action,
                       self.delegate_action, self.keep_action, self.delete_action):
            self.edit_menu.addAction(action)
        self.view_menu = bar.addMenu("")
        self.lanes_menu = self.view_menu.addMenu("")
        for action in self.lane_actions.values():
            self.lanes_menu.addAction(action)
        self.language_menu = self.view_menu.addMenu("")
        for action in self.language_actions.values():
            self.language_menu.addAction(action)
        self.view_menu.addAction(self.detail_action)
        self.view_menu.addAction(self.accepted_action)
        self.risk_menu = bar.addMenu("")
        for action in (self.matrix_action, self.risk_action, self.verify_action,
                       self.policy_action):
            self.risk_menu.addAction(action)
        self.view_menu.addSeparator()
        for action in (self.standup_action, self.metrics_action, self.history_action,
                       self.wheel_action, self.chains_action,
                       self.org_action, self.refresh_action):
            self.view_menu.addAction(action)

    def _build_toolbar(self) -> None:
        bar = QToolBar()
        bar.setObjectName("filters")
        bar.setMovable(False)
        self.addToolBar(bar)
        self.toolbar = bar
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        # Narrow enough that every filter and Clear filters fit a 1280 px wide window; it
        # takes what room there is beyond that.
        self.search.setMinimumWidth(160)
        self.search.setMaximumWidth(360)
        self.search.textChanged.connect(self._filters_changed)
        bar.addWidget(self.search)
        self.mine_box = QCheckBox()
        self.mine_box.setObjectName("filter-mine")
        self.weakest_box = QCheckBox()
        self.weakest_box.setObjectName("filter-weakest")
        self.blocked_box = QCheckBox()
        self.blocked_box.setObjectName("filter-blocked")
        for box in (self.mine_box, self.weakest_box, self.blocked_box):
            box.toggled.connect(self._filters_changed)
            bar.addWidget(box)
        self.unit_combo = self._combo("filter-unit")
        self.chain_combo = self._combo("filter-chain")
        self.chain_combo.currentIndexChanged.connect(self._fill_links)
        self.link_combo = self._combo("filter-link")
        self.tag_combo = self._combo("filter-tag")
        self.class_combo = self._combo("filter-classification")
        for combo in (self.unit_combo, self.chain_combo, self.link_combo, self.tag_combo,
                      self.class_combo):
            bar.addWidget(combo)
        self.cell_filter: tuple[int, int] | None = None
        self.cell_label = QLabel()
        self.cell_label.setObjectName("filter-cell")
        self.cell_label.setVisible(False)
        self.cell_label.setStyleSheet("QLabel { padding: 2px 6px; border-radius: 4px;"
                                      " background: #1565c0; color: white; }")
        self.cell_label_action = bar.addWidget(self.cell_label)
        self.cell_label_action.setVisible(False)
        self.clear_filters_action = self._action("clear-filters", self.clear_filters)
        bar.addAction(self.clear_filters_action)

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.setMaximumWidth(180)  # the list itself opens as wide as its longest entry
        combo.currentIndexChanged.connect(self._filters_changed)
        return combo

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.count_label = QLabel()
        self.count_label.setObjectName("status-count")
        self.share_label = QLabel()
        self.share_label.setObjectName("status-lowest-level")
        self.wip_label = QLabel()
        self.wip_label.setObjectName("status-wip")
        self.path_label = QLabel(str(self.db_path))
        self.path_label.setObjectName("status-path")
        #: Who acts: every change is in their name and judged by their role.
        self.person_label = QLabel()
        self.person_label.setObjectName("status-person")
        for label in (self.count_label, self.share_label, self.wip_label):
            status.addWidget(label)
        status.addPermanentWidget(self.person_label)
        status.addPermanentWidget(self.path_label)

    def _build_sync(self) -> None:
        """The Sync menu, the status-bar indicator and the automatic sync (off the UI thread)."""
        from kanban_sec.ui.sync_dialog import SyncController

        self.sync_controller = SyncController(self.service.db, self)
        self.sync_controller.finished.connect(self._synced)
        self.sync_controller.running_changed.connect(self._sync_running)
        self.sync_settings_action = self._action("sync-settings", self.open_sync_settings)
        self.sync_now_action = self._action("sync-now", self.sync_now, "F9")
        self.sync_cancel_action = self._action("sync-cancel", self.sync_controller.cancel)
        self.sync_cancel_action.setEnabled(False)
        self.conflicts_action = self._action("conflicts", self.open_conflicts)
        self.refused_action = self._action("refused", self.sync_controller.show_refused)
        self.sync_controller.board_changed.connect(
            lambda: self.conflicts_action.setText(self.conflicts_text()))
        self.sync_menu = self.menuBar().addMenu("")
        self.sync_menu.setObjectName("sync-menu")
        for action in (self.sync_now_action, self.sync_cancel_action, self.conflicts_action,
                       self.refused_action):
            self.sync_menu.addAction(action)
        self.sync_menu.addSeparator()
        self.sync_menu.addAction(self.sync_settings_action)
        self.statusBar().addPermanentWidget(self.sync_controller.label)

    def _build_help(self) -> None:
        """Help ▸ Keyboard shortcuts… (F1, and `?` outside text fields, which take it)."""
        self.shortcuts_action = self._action("keyboard-shortcuts", self.show_shortcuts)
        self.shortcuts_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.HelpContents),
                                            QKeySequence("?")])
        self.help_menu = self.menuBar().addMenu("")
        self.help_menu.setObjectName("help-menu")
        self.help_menu.addAction(self.shortcuts_action)
        self._shortcuts_dialog: Any = None

    def _build_detail_pane(self) -> None:
        """The side panel (why the card ranks where it does) under a button that folds it
        to a narrow strip, and back."""
        self.detail_pane = QWidget()
        self.detail_pane.setObjectName("detail-pane")
        self.detail_toggle = QToolButton()
        self.detail_toggle.setObjectName("detail-toggle")
        self.detail_toggle.setAutoRaise(True)
        self.detail_toggle.clicked.connect(
            lambda: self.set_detail_shown(not self.detail.isVisibleTo(self.detail_pane),
                                          by_user=True))
        self.detail_title = QLabel()
        self.detail_title.setObjectName("detail-title")
        self.detail_title.setSizePolicy(QSizePolicy.Policy.Ignored,
                                        QSizePolicy.Policy.Preferred)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.detail_toggle)
        top.addWidget(self.detail_title, 1)
        layout = QVBoxLayout(self.detail_pane)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.detail, 1)
        layout.addStretch(0)  # folded: the button stays at the top of its strip
        self._detail_width = DETAIL_WIDTH

    def set_detail_shown(self, shown: bool, *, by_user: bool = False) -> None:
        """Open or fold the side panel; ``by_user``: the person chose, and it is kept."""
        if by_user:
            self.panel_choice["detail"] = shown
            QSettings().setValue("window/detail-panel", "shown" if shown else "hidden")
        was = self.detail.isVisibleTo(self.detail_pane)
        if was and not shown:
            self._detail_width = max(self.splitter.sizes()[1], 160)
        self.detail.setVisible(shown)
        self.detail_title.setVisible(shown)
        strip = self.detail_toggle.sizeHint().width()
        self.detail_pane.setMaximumWidth(16_777_215 if shown else strip)
        if shown and not was:
            total = self.splitter.width() if self.splitter.isVisible() else self.width()
            self.splitter.setSizes([max(total - self._detail_width, 0), self._detail_width])
        self.detail_action.setChecked(shown)
        self._detail_texts()

    def _detail_texts(self) -> None:
        shown = self.detail.isVisibleTo(self.detail_pane)
        self.detail_toggle.setArrowType(Qt.ArrowType.RightArrow if shown
                                        else Qt.ArrowType.LeftArrow)
        tip = self.tr("Hide the side panel") if shown else self.tr("Show the side panel")
        keys = self.detail_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        self.detail_toggle.setToolTip(f"{tip} ({keys})")
        self.detail_toggle.setAccessibleName(tip)
        title = self.tr("Details")
        self.detail_title.setText(f"<b>{title}</b>")

    def _accepted_toggled(self, shown: bool) -> None:
        self.panel_choice["accepted"] = shown
        QSettings().setValue("board/accepted-lane", "shown" if shown else "hidden")
        self.accepted_action.setChecked(shown)

    def _fit_panels(self) -> None:
        """Fold the side panel and the accepted-risk lane when the window gets too small
        for them (and bring them back when it grows), unless the person chose otherwise at
        start."""
        roomy = (self.width() >= ROOMY_WIDTH, self.height() >= ROOMY_HEIGHT)
        if roomy == self._roomy:
            return
        first = self._roomy is None
        self._roomy = roomy
        for panel, room in zip(("detail", "accepted"), roomy, strict=True):
            choice = self.panel_choice[panel]
            # At start the person's choice stands; later the room decides, and a panel the
            # person hid stays hidden when the room comes back.
            shown = choice if first and choice is not None else room and choice is not False
            if panel == "detail":
                self.set_detail_shown(shown)
            else:
                self.board.set_accepted_collapsed(not shown)
                self.accepted_action.setChecked(shown)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._fit_panels()

    def show_shortcuts(self) -> Any:
        """The overlay listing every shortcut, built from this window's actions."""
        from kanban_sec.ui.shortcuts import ShortcutsDialog

        if self._shortcuts_dialog is not None and shiboken6.isValid(self._shortcuts_dialog):
            self._shortcuts_dialog.close()
            self._shortcuts_dialog.deleteLater()
        dialog = ShortcutsDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._shortcuts_dialog = dialog
        fit_to_screen(dialog)
        dialog.open()
        return dialog

    def _name_toolbar(self) -> None:
        """Accessible names for every toolbar control (read by screen readers)."""
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
        }
        for widget, name in names.items():
            widget.setAccessibleName(name)
        self.search.setAccessibleDescription(self.search.placeholderText())
        for action in self.toolbar.actions():  # tool buttons: named as their action
            widget = self.toolbar.widgetForAction(action)
            if widget is not None and widget not in names and action.text():
                widget.setAccessibleName(action.text().replace("&", ""))

    # -- texts -------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Every visible string again (after a language switch)."""
        self.setWindowTitle(self.tr("kanban-sec — %1").replace("%1", self.db_path.name))
        self.file_menu.setTitle(self.tr("&File"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.risk_menu.setTitle(self.tr("&Risk"))
        self.sync_menu.setTitle(self.tr("&Sync"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.lanes_menu.setTitle(self.tr("Swimlanes"))
        self.language_menu.setTitle(self.tr("Language"))
        texts = {
            self.new_action: self.tr("&New item…"),
            self.edit_action: self.tr("&Open item…"),
            self.import_action: self.tr("&Import CSV…"),
            self.demo_action: self.tr("Load the example board"),
            self.export_action: self.tr("&Export CSV…"),
            self.quit_action: self.tr("&Quit"),
            self.pin_action: self.tr("Pin / unpin (expedite)…"),
            self.block_action: self.tr("Block / unblock…"),
            self.delegate_action: self.tr("Delegate to the lowest level"),
            self.delete_action: self.tr("Delete item"),
            self.chains_action: self.tr("Chains and links…"),
            self.org_action: self.tr("Organisation…"),
            self.refresh_action: self.tr("Reload board"),
            self.metrics_action: self.tr("Flow metrics…"),
            self.history_action: self.tr("History…"),
            self.wheel_action: self.tr("Annual wheel (årshjul)…"),
            self.standup_action: self.tr("Weekly standup…"),
            self.keep_action: self.tr("Keep it there (make recurring)…"),
            self.matrix_action: self.tr("ROS matrix…"),
            self.risk_action: self.tr("Risk decision…"),
            self.verify_action: self.tr("Verify…"),
            self.policy_action: self.tr("Board policy…"),
            self.lane_actions["none"]: self.tr("No swimlanes"),
            self.lane_actions["chain"]: self.tr("By chain"),
            self.lane_actions["unit"]: self.tr("By owner unit"),
            self.language_actions["nb"]: "Norsk bokmål",
            self.language_actions["en"]: "English",
            self.clear_filters_action: self.tr("Clear filters"),
            self.sync_settings_action: self.tr("Sync settings…"),
            self.sync_now_action: self.tr("Sync now"),
            self.sync_cancel_action: self.tr("Cancel the sync"),
            self.conflicts_action: self.conflicts_text(),
            self.switch_person_action: self.tr("Who am I…"),
            self.refused_action: self.tr("Changes the server refused…"),
            self.shortcuts_action: self.tr("Keyboard shortcuts…"),
            self.detail_action: self.tr("Side panel"),
            self.accepted_action: self.tr("Accepted-risk lane"),
        }
        for action, text in texts.items():
            action.setText(text)
        self._undo_texts()
        self._detail_texts()
        self.sync_controller.show_state()
        self.search.setPlaceholderText(self.tr("Search title, tag, reference, chain…"))
        self.mine_box.setText(self.tr("Mine"))
        self.weakest_box.setText(self.tr("⚑ Weakest link only"))
        self.blocked_box.setText(self.tr("Blocked"))
        self._name_toolbar()
        self._fill_filter_choices()
        # Lane titles are texts too, also without swimlanes (Ranked / Accepted risk).
        self.board.rebuild()
        self.board.refresh_headers()
        self.board.reset_cards()
        self.refresh_status()
        self._show_detail(self.board.current_item() or "")

    def _undo_texts(self, *_: object) -> None:
        if not shiboken6.isValid(self.undo_stack):  # the window is closing
            return
        undo_text, redo_text = self.undo_stack.undoText(), self.undo_stack.redoText()
        self.undo_action.setText(self.tr("&Undo %1").replace("%1", undo_text).strip()
                                 if undo_text else self.tr("&Undo"))
        self.redo_action.setText(self.tr("&Redo %1").replace("%1", redo_text).strip()
                                 if redo_text else self.tr("&Redo"))

    def _fill_filter_choices(self) -> None:
        def fill(combo: QComboBox, any_text: str, choices: list[tuple[str, Any]]) -> None:
            keep = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(any_text, _ANY)
            for text, data in choices:
                combo.addItem(text, data)
            found = combo.findData(keep)
            combo.setCurrentIndex(found if found >= 0 else 0)
            combo.blockSignals(False)

        live = self.live
        units = sorted(((live.unit_path(u), u) for u in live.board.units),
                       key=lambda pair: pair[0].casefold())
        fill(self.unit_combo, self.tr("Any owner unit"), units)
        chains = sorted(((c.name, c.id) for c in live.board.chains.values()),
                        key=lambda pair: pair[0].casefold())
        fill(self.chain_combo, self.tr("Any chain"), chains)
        self._fill_links()
        tags = sorted({t for i in live.items.values() for t in i.tags}, key=str.casefold)
        fill(self.tag_combo, self.tr("Any tag"), [(t, t) for t in tags])
        names = {Classification.OPEN: self.tr("Open"),
                 Classification.INTERNAL: self.tr("Internal"),
                 Classification.CONFIDENTIAL: self.tr("Confidential")}
        fill(self.class_combo, self.tr("Any classification"),
             [(names[c], c.value) for c in Classification])

    def _fill_links(self) -> None:
        chain = self.chain_combo.currentData()
        keep = self.link_combo.currentData()
        self.link_combo.blockSignals(True)
        self.link_combo.clear()
        self.link_combo.addItem(self.tr("Any link"), _ANY)
        if chain not in (None, _ANY):
            for link in sorted((lk for lk in self.live.board.links.values()
                                if lk.chain_id == chain), key=lambda lk: lk.name.casefold()):
                self.link_combo.addItem(f"{link.name} ({link.maturity}/3)", link.id)
        found = self.link_combo.findData(keep)
        self.link_combo.setCurrentIndex(found if found >= 0 else 0)
        self.link_combo.setEnabled(chain not in (None, _ANY))
        self.link_combo.blockSignals(False)

    # -- filters -----------------------------------------------------------------------
    def current_filter(self) -> BoardFilter:
        def data(combo: QComboBox) -> Any:
            value = combo.currentData()
            return None if value in (None, _ANY) else value

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
            cell=self.cell_filter,
        )

    def filter_cell(self, likelihood: int, consequence: int) -> None:
        """Show only the open items in one ROS matrix cell (chosen in the matrix)."""
        self.cell_filter = (likelihood, consequence)
        self.cell_label.setText(self.tr("Matrix cell: likelihood %1 × consequence %2")
                                .replace("%1", str(likelihood))
                                .replace("%2", str(consequence)))
        self.cell_label_action.setVisible(True)
        self._filters_changed()
        self.raise_()
        self.activateWindow()

    def _filters_changed(self, *_: object) -> None:
        self.board.set_filter(self.current_filter())
        self.refresh_status()

    def clear_filters(self) -> None:
        for widget in (self.search, self.mine_box, self.weakest_box, self.blocked_box,
                       self.unit_combo, self.chain_combo, self.link_combo, self.tag_combo,
                       self.class_combo):
            widget.blockSignals(True)
        self.search.clear()
        for box in (self.mine_box, self.weakest_box, self.blocked_box):
            box.setChecked(False)
        for combo in (self.unit_combo, self.chain_combo, self.link_combo, self.tag_combo,
                      self.class_combo):
            combo.setCurrentIndex(0)
        for widget in (self.search, self.mine_box, self.weakest_box, self.blocked_box,
                       self.unit_combo, self.chain_combo, self.link_combo, self.tag_combo,
                       self.class_combo):
            widget.blockSignals(False)
        self.cell_filter = None
        self.cell_label_action.setVisible(False)
        self._fill_links()
        self._filters_changed()

    # -- status bar and detail panel -----------------------------------------------------
    def refresh_status(self, warnings: list[str] | None = None) -> None:
        shown = sum(m.rowCount() for lane in self.board.lanes for m in lane.models.values())
        total = len(self.live.items)
        lowest, open_items = self.live.lowest_level()
        share = lowest / open_items if open_items else 1.0
        locale = QLocale()  # the default follows the language chosen in the menu
        self.setLocale(locale)
        self.count_label.setText(
            self.tr("%1 items").replace("%1", locale.toString(total)) if shown == total else
            self.tr("%1 of %2 items shown").replace("%1", locale.toString(shown))
            .replace("%2", locale.toString(total)))
        self.share_label.setText(self.tr("%1 % owned at the lowest level").replace(
            "%1", locale.toString(round(share * 100))))
        over = [status_name(h.status) for h in self.board.headers.values()
                if h.wip_state == "over"]
        text = " · ".join(warnings or [])
        if over and not text:
            text = self.tr("Over the WIP limit: %1").replace("%1", ", ".join(over))
        self.wip_label.setText(text)
        self.wip_label.setStyleSheet("color:#c62828; font-weight:bold;" if text else "")
        person = self.live.board.people.get(self.service.person_id or "")
        role = {"governing": self.tr("governing"), "operational": self.tr("operational"),
                "controlling": self.tr("controlling")}
        self.person_label.setText(
            f"{person.name} ({role[person.role.value]})" if person is not None else
            self.tr("%1 (not in the organisation)").replace("%1", self.service.author))
        self.person_label.setToolTip(self.tr("Who acts: File ▸ Who am I… to switch"))

    def _show_detail(self, item_id: str) -> None:
        if not item_id or item_id not in self.live.items:
            self.detail.setMarkdown(self.tr("Select a card to see why it ranks where it does."))
            return
        item = self.live.items[item_id]
        ranked = self.live.ranking.get(item_id)
        lang = i18n.current_language()
        lines = [f"### {item.title}", ""]
        if ranked is not None:
            lines.append(self.tr("**Rank %1** · score %2").replace("%1", str(ranked.rank))
                         .replace("%2", str(ranked.score)))
            lines += ["", f"> {ranked.explanation(lang)}", ""]
        accepted = self.live.accepted(item_id)
        if accepted is not None:
            lines.append(self.tr("**Risk accepted** until %1 by %2: %3")
                         .replace("%1", accepted.valid_until.isoformat()
                                  if accepted.valid_until else "—")
                         .replace("%2", self.live.person_name(accepted.decided_by) or "—")
                         .replace("%3", accepted.rationale))
            lines.append("")
        where = self.live.chain_name(item)
        facts = [
            (self.tr("Column"), status_name(item.status)),
            (self.tr("Chain › link"), f"{where} › {self.live.link_name(item) or '—'}"
             if where else "—"),
            (self.tr("Owner"), self.live.owner_text(item) or "—"),
            (self.tr("Owner unit"), self.live.unit_path(item.owner_unit_id) or "—"),
            (self.tr("Risk owner"), self.live.risk_owner(item) or "—"),
            (self.tr("Framework"), item.framework_ref or "—"),
            (self.tr("Id"), short_id(item.id)),
        ]
        if item.due_date is not None:
            facts.insert(1, (self.tr("Due date"), self._due_text(item.due_date, item.is_open)))
        delegation = self.live.delegation(item_id)
        if item.is_open and delegation.can_be_delegated:
            to = [self.live.unit_path(u) for u in delegation.units] + [
                self.live.board.people[p].name for p in delegation.people
                if p in self.live.board.people]
            facts.append((self.tr("Can be delegated to"), "; ".join(to) or "—"))
        if item.blocked_reason:
            facts.append((self.tr("Blocked"), item.blocked_reason))
        if item.pinned:
            facts.append((self.tr("Pinned"), item.pin_reason))
        if item.is_open and self.live.needs_verification(item_id):
            facts.append((self.tr("Before done"),
                          self.tr("a controlling member verifies it (board policy)")))
        if item_id in self.live.conflicts:
            facts.insert(0, (self.tr("⚠ Conflict"), self.tr(
                "%1 was changed elsewhere at the same time; decide which value stays under "
                "Sync ▸ Conflicts…").replace("%1", ", ".join(self.live.conflicts[item_id]))))
        lines += [f"- **{name}:** {value}" for name, value in facts]
        if item.description:
            lines += ["", "---", "", item.description]
        self.detail.setMarkdown("\n".join(lines))

    def _due_text(self, day: date, is_open: bool) -> str:
        """A due date in full, and whether it has passed or is near (a badge, not a rank)."""
        when = QLocale().toString(QDate(day.year, day.month, day.day),
                                  QLocale.FormatType.LongFormat)
        state = due_state(day, date.today(), done=not is_open)
        if state is DueState.OVERDUE:
            return self.tr("%1 — **overdue**").replace("%1", when)
        if state is DueState.SOON:
            return self.tr("%1 — within a week").replace("%1", when)
        return when

    # -- changing the board --------------------------------------------------------------
    def apply(self, outcome: Outcome, text: str | None = None, *,
              live_applied: bool = False) -> None:
        """Show a service call's changes at once and make it undoable.

        ``live_applied``: the caller (a dialog that shows the board itself) already
        brought the live board up to date.
        """
        if not outcome.changed:
            return
        self._after_write(outcome, live_applied=live_applied)
        if text is not None:
            self.undo_stack.push(ChangeCommand(self, outcome, text))
        warnings = [w.render(i18n.current_language()) for w in outcome.warnings]
        self.refresh_status(warnings)

    def _after_write(self, outcome: Outcome, *, live_applied: bool = False) -> None:
        structural = bool(outcome.bulk_rows) or any(
            c.entity not in ("item", "comment") for c in outcome.changes)
        touched = set(self.live.items) if live_applied else self.live.apply(outcome)
        if structural:
            self._fill_filter_choices()
            self.board.reset_cards()
            self.apply_roles()
        if structural or self.live.reranked or not self.board.relocate(touched):
            self.board.refresh(touched, rebuild_lanes=True)
        if self.live.reranked:  # every card may show another rank: repaint them all
            for lane in self.board.lanes:
                for model in lane.models.values():
                    model.ranks_changed()
        current = self.board.current_item()
        if current:
            self._show_detail(current)

    def run_quietly(self, call: Any) -> None:
        """Run a write for undo/redo: apply its outcome without pushing a new command."""
        try:
            outcome = call()
        except KanbanError as error:
            show_error(self, error)
            return
        self._after_write(outcome)
        self.refresh_status()

    def move_items(self, ids: list[str], status: Status) -> None:
        """Move cards (a drop or Ctrl+arrow); a hard WIP limit refuses with a message.

        A controlling member who drops a card from Verify on Done verifies it (the
        verification asks for the evidence) rather than moving it: out of Verify, Done is
        reached only through a verification.
        """
        if status is Status.DONE and len(ids) == 1 and ids[0] in self.live.items and \
                self.live.items[ids[0]].status is Status.VERIFY and \
                self.can(Action.VERIFY):
            self.open_verify(ids[0])
            return
        for item_id in ids:
            try:
                outcome = self.service.move(item_id, status)
            except KanbanError as error:
                show_error(self, error)
                return
            self.apply(outcome, self.tr("Move to %1").replace("%1", status_name(status)))
        if ids:
            self.board.select_item(ids[0])

    def card_menu(self, where: Any) -> QMenu:
        """The selected card's actions, as the person's role allows them."""
        menu = QMenu(self)
        menu.setObjectName("card-menu")
        for action in (self.edit_action, None, self.risk_action, self.verify_action, None,
                       self.pin_action, self.block_action, self.delegate_action,
                       self.keep_action, None, self.delete_action):
            if action is None:
                menu.addSeparator()
            elif action.isVisible():
                menu.addAction(action)
        menu.popup(where)
        return menu

    def new_item(self) -> None:
        self._open_item_dialog(None)

    def edit_item(self, item_id: str) -> None:
        if item_id and item_id in self.live.items:
            self._open_item_dialog(item_id)

    def _open_item_dialog(self, item_id: str | None) -> None:
        from kanban_sec.ui.item_dialog import ItemDialog

        dialog = ItemDialog(self.service, self.live, item_id, self)
        dialog.changed.connect(lambda outcome: self.apply(outcome, self.tr("Edit item")))
        self._keep(dialog)
        dialog.open()

    def _keep(self, dialog: QWidget) -> None:
        """Hold a modeless dialog while it is open. Qt deletes a closed dialog that has
        WA_DeleteOnClose, so a held one is asked nothing (not even ``isVisible``) once its
        C++ side is gone: it is only let go."""
        self._dialogs = [d for d in self._dialogs if shiboken6.isValid(d) and d.isVisible()]
        self._dialogs.append(dialog)
        fit_to_screen(dialog)  # every dialog of the window fits the screen it opens on

    def toggle_pin(self) -> None:
        item_id = self.board.current_item()
        if not item_id:
            return
        item = self.live.items[item_id]
        if item.pinned:
            self._write(lambda: self.service.unpin(item_id), self.tr("Unpin"))
            return
        from PySide6.QtWidgets import QInputDialog

        reason, ok = QInputDialog.getText(self, self.tr("Pin first"),
                                          self.tr("Why must this go first?"))
        if ok:
            self._write(lambda: self.service.pin(item_id, reason), self.tr("Pin"))

    def toggle_block(self) -> None:
        item_id = self.board.current_item()
        if not item_id:
            return
        item = self.live.items[item_id]
        if item.blocked:
            self._write(lambda: self.service.unblock(item_id), self.tr("Unblock"))
            return
        from PySide6.QtWidgets import QInputDialog

        reason, ok = QInputDialog.getText(self, self.tr("Blocked"),
                                          self.tr("What is it waiting for?"))
        if ok:
            self._write(lambda: self.service.block(item_id, reason), self.tr("Block"))

    def delegate_item(self) -> None:
        item_id = self.board.current_item()
        if item_id:
            self._write(lambda: self.service.delegate(item_id), self.tr("Delegate"))

    def switch_person(self) -> None:
        """File ▸ Who am I: choose the person at this computer (any time); the board then
        acts, offers and shows as them."""
        from kanban_sec.ui.whoami import WhoAmIDialog, remember_person

        dialog = WhoAmIDialog(self.service, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def chosen() -> None:
            person_id = dialog.person_id()
            if not person_id:
                return
            remember_person(self.db_path, person_id)
            self.live.reload()  # the person may be new
            person = self.live.board.people.get(person_id)
            if person is None:
                return
            self.service.author, self.service.person_id = person.name, person.id
            self.live.me = person_id
            self.reload()

        dialog.accepted.connect(chosen)
        self._keep(dialog)
        dialog.open()

    def delete_item(self) -> None:
        """Delete the selected card at once, with an Undo offer in the status bar."""
        item_id = self.board.current_item()
        if not item_id:
            return
        title = self.live.items[item_id].title
        try:
            outcome = self.service.delete(item_id)
        except KanbanError as error:
            show_error(self, error)
            return
        self.apply(outcome, self.tr("Delete item"))
        self._offer_undo(self.tr("Deleted “%1”.").replace("%1", title))

    def _offer_undo(self, text: str, seconds: int = 15) -> QPushButton:
        """Say what was just done in the status bar, with a button that undoes it (for a
        while, and only while it is still the last thing done)."""
        bar = self.statusBar()
        old = self._undo_offer
        if old is not None and shiboken6.isValid(old):
            old.deleteLater()
        button = QPushButton(self.tr("Undo"), bar)
        button.setObjectName("undo-offer")
        position = self.undo_stack.index()

        def undo() -> None:
            if self.undo_stack.index() == position:
                self.undo_stack.undo()
            bar.clearMessage()
            button.deleteLater()

        def expire() -> None:
            if shiboken6.isValid(button):
                button.deleteLater()

        button.clicked.connect(undo)
        bar.insertPermanentWidget(0, button)
        bar.showMessage(text, seconds * 1000)
        QTimer.singleShot(seconds * 1000, expire)
        self._undo_offer = button
        return button

    def _write(self, call: Any, text: str) -> None:
        try:
            outcome = call()
        except KanbanError as error:
            show_error(self, error)
            return
        self.apply(outcome, text)

    def open_chains(self) -> None:
        from kanban_sec.services.organisation import OrganisationService
        from kanban_sec.ui.chains_dialog import ChainsDialog

        org = OrganisationService(self.service.db, self.service.author,
                                  i18n.current_language(), self.service.person_id)
        dialog = ChainsDialog(self.service, org, self.live, self)
        dialog.changed.connect(lambda outcome: self.apply(outcome, self.tr("Edit chains"),
                                                          live_applied=True))
        self._keep(dialog)
        dialog.open()

    def open_organisation(self) -> None:
        from kanban_sec.services.organisation import OrganisationService
        from kanban_sec.ui.org_dialog import OrgDialog

        org = OrganisationService(self.service.db, self.service.author,
                                  i18n.current_language(), self.service.person_id)
        dialog = OrgDialog(org, self.live, self)
        dialog.changed.connect(lambda outcome: self.apply(
            outcome, self.tr("Edit organisation"), live_applied=True))
        self._keep(dialog)
        dialog.open()

    # -- risk governance -----------------------------------------------------------------
    def governance(self) -> GovernanceService:
        return GovernanceService(self.service.db, self.service.author,
                                 i18n.current_language(), self.service.person_id,
                                 today=self.live.today)

    def can(self, action: Action) -> bool:
        """Whether the person at this window may take ``action`` (the services check too)."""
        from kanban_sec.services.access import actor_in

        people = self.live.board.people
        return may(actor_in(people, self.service.author, self.service.person_id), action,
                   people)

    def apply_roles(self) -> None:
        """Offer only what the current person may do (after who-am-I or an org change)."""
        work = self.can(Action.WORK)
        for action in (self.new_action, self.import_action, self.pin_action,
                       self.block_action, self.delegate_action, self.delete_action,
                       self.keep_action, self.demo_action):
            action.setEnabled(work)
        self.verify_action.setVisible(self.can(Action.VERIFY))
        self.history_action.setVisible(self.can(Action.AUDIT))
        self.risk_action.setEnabled(True)  # everyone may read; the dialog offers the rest

    def _after_governance(self, outcome: Outcome, text: str) -> None:
        self.apply(outcome, text)
        if self._matrix is not None and shiboken6.isValid(self._matrix):
            self._matrix.refresh()

    def open_matrix(self) -> None:
        from kanban_sec.ui.ros_matrix import RosMatrixView

        if self._matrix is not None and shiboken6.isValid(self._matrix):
            self._matrix.refresh()
            self._matrix.show()
            self._matrix.raise_()
            return
        view = RosMatrixView(self.governance(), self)
        view.cell_chosen.connect(self.filter_cell)
        self._matrix = view
        self._keep(view)
        view.show()

    def open_risk_decision(self, item_id: str | None = None) -> None:
        from kanban_sec.ui.risk_dialog import RiskDialog

        item_id = item_id or self.board.current_item()
        if not item_id:
            return
        dialog = RiskDialog(self.governance(), item_id=item_id, parent=self)
        dialog.applied.connect(lambda outcome: self._after_governance(
            outcome, self.tr("Risk decision")))
        self._keep(dialog)
        dialog.open()

    def open_verify(self, item_id: str | None = None) -> None:
        from kanban_sec.ui.verify_dialog import VerifyDialog

        item_id = item_id or self.board.current_item()
        if not item_id:
            return
        dialog = VerifyDialog(self.governance(), item_id, self)
        dialog.applied.connect(lambda outcome: self._after_governance(
            outcome, self.tr("Verify")))
        self._keep(dialog)
        dialog.open()

    def open_policy(self) -> None:
        from kanban_sec.ui.policy_dialog import PolicyDialog

        dialog = PolicyDialog(self.governance(), self)
        dialog.applied.connect(lambda outcome: self._after_governance(
            outcome, self.tr("Board policy")))
        self._keep(dialog)
        dialog.open()

    def _check_day(self) -> None:
        """At midnight accepted risks that ran out come back into the ranking."""
        if self.live.new_day():
            self.board.reset_cards()
            self.board.refresh(set(self.live.items), rebuild_lanes=True)
            self.refresh_status()
            if self._matrix is not None and shiboken6.isValid(self._matrix):
                self._matrix.refresh()

    def open_metrics(self) -> None:
        from kanban_sec.services.flow_metrics import FlowMetrics
        from kanban_sec.ui.metrics_view import MetricsView, oslo

        dialog = MetricsView(FlowMetrics(self.service.db, tz=oslo()), self.live, self)
        self._keep(dialog)
        dialog.show()

    def open_history(self) -> None:
        from kanban_sec.services.history import History
        from kanban_sec.ui.history_view import HistoryView

        dialog = HistoryView(History(self.service.db, i18n.current_language(),
                                     author=self.service.author,
                                     person_id=self.service.person_id), self)
        self._keep(dialog)
        dialog.show()

    def _wheel(self) -> Any:
        from kanban_sec.services.annual_wheel import AnnualWheel

        return AnnualWheel(self.service.db, self.service.author, i18n.current_language(),
                           self.service.person_id)

    def open_wheel(self) -> None:
        from kanban_sec.ui.wheel_dialog import AnnualWheelDialog

        dialog = AnnualWheelDialog(self._wheel(), self.live, self)
        dialog.changed.connect(lambda outcome: self.apply(outcome, self.tr("Annual wheel")))
        self._keep(dialog)
        dialog.show()

    def open_standup(self) -> None:
        from kanban_sec.services.standup import StandupService
        from kanban_sec.ui.standup_window import StandupWindow

        window = StandupWindow(StandupService(self.service.db, self.service.author,
                                              i18n.current_language()), self.live, self)
        # Notes and decisions also land in cards' history: show them; not undone here.
        window.changed.connect(lambda outcome: self.apply(outcome))
        # What is done to a card in the standup shows on the board and can be undone.
        window.acted.connect(lambda outcome, text: self.apply(outcome, text, live_applied=True))
        self._keep(window)
        window.show()

    def keep_it_there(self) -> None:
        """A done item whose link reached its target becomes a recurring activity."""
        item_id = self.board.current_item()
        if not item_id:
            return
        from PySide6.QtWidgets import QInputDialog

        rules = {self.tr("Every month"): "FREQ=MONTHLY",
                 self.tr("Every quarter"): "FREQ=MONTHLY;INTERVAL=3",
                 self.tr("Every half year"): "FREQ=MONTHLY;INTERVAL=6",
                 self.tr("Every year"): "FREQ=YEARLY"}
        choice, ok = QInputDialog.getItem(self, self.tr("Keep it there"),
                                          self.tr("How often must it be checked again?"),
                                          list(rules), 3, False)
        if ok:
            self._write(lambda: self._wheel().keep_it_there(item_id, rules[choice]),
                        self.tr("Keep it there"))

    def load_example(self) -> None:
        """The example board, into an empty board (the service refuses any other)."""
        from kanban_sec.services.demo import load_demo

        self._write(lambda: load_demo(self.service), self.tr("Load the example board"))

    def import_csv(self) -> None:
        from kanban_sec.ui.csv_dialogs import choose_import_file

        choose_import_file(self, lambda path: self.import_file(Path(path)))

    def import_file(self, path: Path) -> None:
        from kanban_sec.ui.csv_dialogs import CsvImporter

        importer = CsvImporter(self)
        importer.finished.connect(lambda outcome: self._imported(outcome, importer))
        importer.start(self, self.service, path)
        self._importer = importer

    def _imported(self, outcome: Outcome, importer: Any) -> None:
        self.apply(outcome, self.tr("Import CSV"))
        if importer.note:
            self.statusBar().showMessage(importer.note, 8000)

    def export_csv(self) -> None:
        from kanban_sec.ui.csv_dialogs import ask_and_export

        def done(count: int, path: Path, left_out: int = 0) -> None:
            if count >= 0:
                text = self.tr("Wrote %1 items to %2").replace("%1", str(count)) \
                    .replace("%2", str(path))
                if left_out:
                    text += " · " + self.tr("%1 confidential items not included").replace(
                        "%1", str(left_out))
                self.statusBar().showMessage(text, 8000)

        self._keep(ask_and_export(self, self.service, done))

    def reload(self) -> None:
        self.live.reload()
        self.apply_roles()
        self._fill_filter_choices()
        self.board.reset_cards()
        self.board.refresh(set(self.live.items), rebuild_lanes=True)
        self.refresh_status()

    # -- sync ----------------------------------------------------------------------------
    def open_sync_settings(self) -> None:
        from kanban_sec.ui.sync_dialog import SyncSettingsDialog

        dialog = SyncSettingsDialog(self.service.db, self)
        dialog.saved.connect(self.sync_controller.use)
        self._keep(dialog)
        dialog.open()

    def sync_now(self) -> None:
        """Sync in the background; without a server set up, open the settings."""
        if not self.sync_controller.settings.configured:
            self.open_sync_settings()
            return
        self.sync_controller.sync_now()

    def _sync_running(self, running: bool) -> None:
        self.sync_now_action.setEnabled(not running)
        self.sync_cancel_action.setEnabled(running)

    def _synced(self, result: Any) -> None:
        """Show what the sync brought (the board is read again only when it brought some:
        conflicts, too, come only with pulled changes)."""
        if result.pulled:
            self.reload()
            self._show_detail(self.board.current_item() or "")
        self.conflicts_action.setText(self.conflicts_text())

    def conflicts_text(self) -> str:
        count = self.sync_controller.open_conflicts
        return self.tr("Conflicts (%1)…").replace("%1", str(count)) if count else \
            self.tr("Conflicts…")

    def open_conflicts(self) -> None:
        from kanban_sec.ui.conflicts_dialog import ConflictsDialog

        dialog = ConflictsDialog(self.service, self)
        dialog.resolved.connect(self._conflict_resolved)
        dialog.show_item.connect(self.board.select_item)
        self._keep(dialog)
        dialog.open()

    def _conflict_resolved(self, outcome: Outcome) -> None:
        self.apply(outcome)  # written like any edit, and synced; not undone from here
        self.sync_controller.recount()
        self.conflicts_action.setText(self.conflicts_text())

    def set_lanes(self, mode: str) -> None:
        self.board.set_lane_mode(mode)
        self.lane_actions[mode].setChecked(True)
        self.refresh_status()

    def set_language(self, lang: str) -> None:
        i18n.install(lang)
        self.service.lang = lang
        QSettings().setValue("language", lang)
        self.language_actions[lang].setChecked(True)
        self.retranslate()
        self.language_changed.emit(lang)

    # -- settings ----------------------------------------------------------------------
    def _restore_settings(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 900)
        fit_to_screen(self)  # a laptop's 1280×720, or a smaller screen than last time
        for key, splitter in (("window/splitter", self.splitter),
                              ("window/columns", self.board.header_splitter)):
            state = settings.value(key)
            if isinstance(state, QByteArray):
                splitter.restoreState(state)
        self.set_lanes(str(settings.value("board/lanes", "none")))
        for panel, key in (("detail", "window/detail-panel"),
                           ("accepted", "board/accepted-lane")):
            value = settings.value(key, "")
            self.panel_choice[panel] = {"shown": True, "hidden": False}.get(str(value))
        width = settings.value("window/detail-width", DETAIL_WIDTH, type=int)
        self._detail_width = max(width if isinstance(width, int) else DETAIL_WIDTH, 160)
        self.detail.setVisible(False)  # opened below at its width, if it opens
        self._roomy = None
        self._fit_panels()
        self.search.setText(str(settings.value("filters/text", "")))
        for key, box in (("filters/mine", self.mine_box), ("filters/weakest", self.weakest_box),
                         ("filters/blocked", self.blocked_box)):
            box.setChecked(bool(settings.value(key, False, type=bool)))
        for key, combo in (("filters/unit", self.unit_combo), ("filters/chain", self.chain_combo),
                           ("filters/tag", self.tag_combo),
                           ("filters/classification", self.class_combo),
                           ("filters/link", self.link_combo)):
            found = combo.findData(settings.value(key, _ANY))
            if found >= 0:
                combo.setCurrentIndex(found)

    def save_settings(self) -> None:
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/splitter", self.splitter.saveState())
        if self.detail.isVisibleTo(self.detail_pane):
            self._detail_width = self.splitter.sizes()[1]
        settings.setValue("window/detail-width", self._detail_width)
        settings.setValue("window/columns", self.board.header_splitter.saveState())
        settings.setValue("board/lanes", self.board.lane_mode)
        settings.setValue("filters/text", self.search.text())
        settings.setValue("filters/mine", self.mine_box.isChecked())
        settings.setValue("filters/weakest", self.weakest_box.isChecked())
        settings.setValue("filters/blocked", self.blocked_box.isChecked())
        for key, combo in (("filters/unit", self.unit_combo), ("filters/chain", self.chain_combo),
                           ("filters/link", self.link_combo), ("filters/tag", self.tag_combo),
                           ("filters/classification", self.class_combo)):
            settings.setValue(key, combo.currentData())
        settings.sync()

    def closeEvent(self, event: Any) -> None:
        self.sync_controller.wait()
        self.save_settings()
        super().closeEvent(event)
