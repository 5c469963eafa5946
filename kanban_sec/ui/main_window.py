"""The main window: the board, the toolbar's search and filters, menus, status bar, undo."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QByteArray, QLocale, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QWidget,
)

from kanban_sec.domain.errors import KanbanError
from kanban_sec.domain.governance import Action, may
from kanban_sec.domain.model import Status
from kanban_sec.services.board import BoardService
from kanban_sec.services.governance import GovernanceService
from kanban_sec.services.live_board import BoardFilter, LiveBoard
from kanban_sec.services.outcome import Outcome
from kanban_sec.services.session import Session
from kanban_sec.ui import i18n
from kanban_sec.ui.actions import (
    WindowActions,
    build_actions,
    build_help_menu,
    build_menus,
    build_sync_menu,
    retranslate_actions,
)
from kanban_sec.ui.board_widget import BoardWidget, status_name
from kanban_sec.ui.detail_panel import DetailPanel
from kanban_sec.ui.file_actions import FileActions
from kanban_sec.ui.filter_bar import FilterBar
from kanban_sec.ui.notify import show_error
from kanban_sec.ui.panel_folding import PanelFolding
from kanban_sec.ui.ros_windows import RosWindows
from kanban_sec.ui.screen_fit import fit_to_screen
from kanban_sec.ui.undo_step import ChangeCommand, UndoOffer


class MainWindow(QMainWindow, WindowActions):
    """kanban-sec's board window."""

    language_changed = Signal(str)

    def __init__(self, service: BoardService, live: LiveBoard, db_path: Path) -> None:
        super().__init__()
        self.setObjectName("main-window")
        self.service = service
        self.live = live
        self.db_path = db_path
        self.undo_stack = QUndoStack(self)
        #: While a write's outcome is put on the board, the details wait for its end.
        self._holding_detail = False
        self.board = BoardWidget(live)
        self.board.move_requested.connect(self.move_items)
        self.board.item_activated.connect(self.edit_item)
        self.board.current_changed.connect(self._show_detail)
        self.board.menu_requested.connect(self.card_menu)
        self.detail_pane = DetailPanel(live)
        self.detail_pane.chain_map_requested.connect(self.open_chain_map)
        self.detail = self.detail_pane.text
        #: The board beside the side panel, and both folded as the room and person want.
        self.panels = PanelFolding(self)
        self.splitter = self.panels.splitter
        self.setCentralWidget(self.splitter)
        self._dialogs: list[QWidget] = []
        #: The status bar's Undo button after a delete (Qt deletes it when it expires).
        self.undo_offer = UndoOffer(self, self.undo_stack)
        self._matrix: Any = None
        self.files = FileActions(self)
        self.ros_windows = RosWindows(self)
        build_actions(self)
        build_menus(self)
        self._build_toolbar()
        self._build_status_bar()
        self._build_sync()
        build_help_menu(self)
        self._shortcuts_dialog: Any = None
        self.retranslate()
        self._restore_settings()
        self.refresh_status()
        self.apply_roles()
        self._day_timer = QTimer(self)
        self._day_timer.setInterval(60_000)
        self._day_timer.timeout.connect(self._check_day)
        self._day_timer.start()
        self._writes_prepared = False

    def paintEvent(self, event: Any) -> None:
        super().paintEvent(event)
        if not self._writes_prepared:  # after the first paint, in the event loop's next turn
            self._writes_prepared = True
            QTimer.singleShot(0, self.service.prepare_writes)

    @property
    def session(self) -> Session:
        """Who acts at this window, on which board, in which language."""
        return self.service.session

    def set_session(self, session: Session) -> None:
        """The one place a person or language switch reaches the services: the board
        service takes the new session, and every other service is made from it when used."""
        self.service.session = session

    # -- building ----------------------------------------------------------------------
    def _build_toolbar(self) -> None:
        self.toolbar = FilterBar(self.live)
        self.toolbar.changed.connect(self._filters_changed)
        self.addToolBar(self.toolbar)

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
        """The Sync menu, the status-bar indicator and the automatic sync (in the background)."""
        from kanban_sec.ui.sync_dialog import SyncController

        self.sync_controller = SyncController(self.service.db, self)
        self.sync_controller.finished.connect(self._synced)
        self.sync_controller.running_changed.connect(self._sync_running)
        build_sync_menu(self)
        self.statusBar().addPermanentWidget(self.sync_controller.label)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.panels.fit()

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

    # -- texts -------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Every visible string again (after a language switch)."""
        self.setWindowTitle(self.tr("kanban-sec — %1").replace("%1", self.db_path.name))
        retranslate_actions(self)
        self._undo_texts()
        self.panels.retranslate()
        self.sync_controller.show_state()
        self.toolbar.retranslate()
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
        self.undo_action.setText(
            self.tr("&Undo %1").replace("%1", undo_text).strip() if undo_text else self.tr("&Undo")
        )
        self.redo_action.setText(
            self.tr("&Redo %1").replace("%1", redo_text).strip() if redo_text else self.tr("&Redo")
        )

    def _fill_filter_choices(self) -> None:
        self.toolbar.fill_choices()

    # -- filters -----------------------------------------------------------------------
    def current_filter(self) -> BoardFilter:
        return self.toolbar.current()

    def filter_cell(self, likelihood: int, consequence: int) -> None:
        """Show only the open items in one ROS matrix cell (chosen in the matrix)."""
        self.toolbar.show_cell(likelihood, consequence)
        self.raise_()
        self.activateWindow()

    def _filters_changed(self) -> None:
        self.board.set_filter(self.toolbar.current())
        self.refresh_status()

    def clear_filters(self) -> None:
        self.toolbar.clear()

    # -- status bar and detail panel -----------------------------------------------------
    def refresh_status(self, warnings: list[str] | None = None) -> None:
        shown = sum(m.rowCount() for lane in self.board.lanes for m in lane.models.values())
        total = len(self.live.items)
        lowest, open_items = self.live.lowest_level()
        share = lowest / open_items if open_items else 1.0
        locale = QLocale()  # the default follows the language chosen in the menu
        self.setLocale(locale)
        self.count_label.setText(
            self.tr("%1 items").replace("%1", locale.toString(total))
            if shown == total
            else self.tr("%1 of %2 items shown")
            .replace("%1", locale.toString(shown))
            .replace("%2", locale.toString(total))
        )
        self.share_label.setText(
            self.tr("%1 % owned at the lowest level").replace(
                "%1", locale.toString(round(share * 100))
            )
        )
        over = [status_name(h.status) for h in self.board.headers.values() if h.wip_state == "over"]
        text = " · ".join(warnings or [])
        if over and not text:
            text = self.tr("Over the WIP limit: %1").replace("%1", ", ".join(over))
        self.wip_label.setText(text)
        style = "color:#c62828; font-weight:bold;" if text else ""
        if self.wip_label.styleSheet() != style:  # a style sheet set again polishes again
            self.wip_label.setStyleSheet(style)
        person = self.live.board.people.get(self.session.person_id or "")
        role = {
            "governing": self.tr("governing"),
            "operational": self.tr("operational"),
            "controlling": self.tr("controlling"),
        }
        self.person_label.setText(
            f"{person.name} ({role[person.role.value]})"
            if person is not None
            else self.tr("%1 (not in the organisation)").replace("%1", self.session.actor)
        )
        self.person_label.setToolTip(self.tr("Who acts: File ▸ Who am I… to switch"))

    def _show_detail(self, item_id: str) -> None:
        if not self._holding_detail:
            self.detail_pane.show_item(item_id)

    # -- changing the board --------------------------------------------------------------
    def apply(
        self,
        outcome: Outcome,
        text: str | None = None,
        *,
        live_applied: bool = False,
        select: str | None = None,
    ) -> None:
        """Show a service call's changes at once and make it undoable.

        ``live_applied``: the caller (a dialog that shows the board itself) already
        brought the live board up to date. ``select``: the card to select afterwards (its
        details are then the ones shown; the card selected before is not shown first).
        """
        if not outcome.changed:
            if select is not None:
                self.board.select_item(select)
            return
        self._after_write(outcome, live_applied=live_applied, select=select)
        if text is not None:
            self.undo_stack.push(ChangeCommand(self, outcome, text))
        warnings = [w.render(i18n.current_language()) for w in outcome.warnings]
        self.refresh_status(warnings)

    def _after_write(
        self, outcome: Outcome, *, live_applied: bool = False, select: str | None = None
    ) -> None:
        structural = bool(outcome.bulk_rows) or any(
            c.entity not in ("item", "comment") for c in outcome.changes
        )
        # Rows leaving a column and the new selection each change a current card: the
        # details are laid out once, for the card current at the end.
        self._holding_detail = True
        try:
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
            if select is not None:
                self.board.select_item(select)
        finally:
            self._holding_detail = False
        self._show_detail(self.board.current_item() or "")

    def run_quietly(self, call: Any) -> None:
        """Run a write for undo/redo: apply its outcome without pushing a new command."""
        try:
            outcome = call()
        except KanbanError as error:
            show_error(self, error)
            return
        self._after_write(outcome)
        self.refresh_status()
        self.ros_windows.refresh()

    def move_items(self, ids: list[str], status: Status) -> None:
        """Move cards (a drop or Ctrl+arrow) in one call: all of them or, when a hard WIP
        limit or a rule refuses any, none, with one message.

        A controlling member who drops a card from Verify on Done verifies it (the
        verification asks for the evidence) rather than moving it: out of Verify, Done is
        reached only through a verification.
        """
        if (
            status is Status.DONE
            and len(ids) == 1
            and ids[0] in self.live.items
            and self.live.items[ids[0]].status is Status.VERIFY
            and self.can(Action.VERIFY)
        ):
            self.open_verify(ids[0])
            return
        try:  # all the cards or none, one undo step
            outcome = self.service.move_many(ids, status)
        except KanbanError as error:
            show_error(self, error)
            return
        self.apply(
            outcome,
            self.tr("Move to %1").replace("%1", status_name(status)),
            select=ids[0] if ids else None,
        )

    def card_menu(self, where: Any) -> QMenu:
        """The selected card's actions, as the person's role allows them."""
        menu = QMenu(self)
        menu.setObjectName("card-menu")
        for action in (
            self.edit_action,
            None,
            self.risk_action,
            self.verify_action,
            None,
            self.pin_action,
            self.block_action,
            self.delegate_action,
            self.keep_action,
            None,
            self.delete_action,
        ):
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

        reason, ok = QInputDialog.getText(
            self, self.tr("Pin first"), self.tr("Why must this go first?")
        )
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

        reason, ok = QInputDialog.getText(
            self, self.tr("Blocked"), self.tr("What is it waiting for?")
        )
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
            self.set_session(self.session.acting_as(person.name, person.id))
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
        self.undo_offer.offer(self.tr("Deleted “%1”.").replace("%1", title))

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

        org = OrganisationService(self.session)
        dialog = ChainsDialog(self.service, org, self.live, self)
        dialog.changed.connect(
            lambda outcome: self.apply(outcome, self.tr("Edit chains"), live_applied=True)
        )
        self._keep(dialog)
        dialog.open()

    def open_chain_map(self, chain_id: str | None = None) -> Any:
        """The chain map (of ``chain_id``, else the chain shown last); a click on a link
        filters the board to it."""
        from kanban_sec.ui.chain_map import ChainMapWindow

        found = next((d for d in self._dialogs if isinstance(d, ChainMapWindow)), None)
        if found is not None and shiboken6.isValid(found) and found.isVisible():
            found.fill_chains(chain_id)
        else:
            found = ChainMapWindow(self.session, chain_id, self)
            found.link_chosen.connect(self.toolbar.show_link)
            self._keep(found)
        found.show()
        found.raise_()
        return found

    def open_organisation(self) -> None:
        from kanban_sec.services.organisation import OrganisationService
        from kanban_sec.ui.org_dialog import OrgDialog

        org = OrganisationService(self.session)
        dialog = OrgDialog(org, self.live, self)
        dialog.changed.connect(
            lambda outcome: self.apply(outcome, self.tr("Edit organisation"), live_applied=True)
        )
        self._keep(dialog)
        dialog.open()

    # -- risk governance -----------------------------------------------------------------
    def governance(self) -> GovernanceService:
        return GovernanceService(replace(self.session, today=self.live.today))

    def can(self, action: Action) -> bool:
        """Whether the person at this window may take ``action`` (the services check too)."""
        from kanban_sec.services.access import actor_in

        people = self.live.board.people
        return may(actor_in(people, self.session.actor, self.session.person_id), action, people)

    def apply_roles(self) -> None:
        """Offer only what the current person may do (after who-am-I or an org change)."""
        work = self.can(Action.WORK)
        for action in (
            self.new_action,
            self.new_risk_action,
            self.import_action,
            self.pin_action,
            self.block_action,
            self.delegate_action,
            self.delete_action,
            self.keep_action,
            self.demo_action,
        ):
            action.setEnabled(work)
        self.verify_action.setVisible(self.can(Action.VERIFY))
        self.history_action.setVisible(self.can(Action.AUDIT))
        self.risk_action.setEnabled(True)  # everyone may read; the dialog offers the rest

    def _after_governance(self, outcome: Outcome, text: str) -> None:
        self.apply(outcome, text)
        self.ros_windows.refresh()

    def open_matrix(self) -> None:
        from kanban_sec.ui.ros_matrix import RosMatrixView

        if self._matrix is not None and shiboken6.isValid(self._matrix):
            self._matrix.refresh()
            self._matrix.show()
            self._matrix.raise_()
            return
        view = RosMatrixView(self.governance(), self)
        view.cell_chosen.connect(self.filter_cell)
        view.risks_chosen.connect(lambda ids, lk, co: self.ros_windows.show_measures(ids, (lk, co)))
        self._matrix = view
        self._keep(view)
        view.show()

    def open_risk_decision(self, item_id: str | None = None) -> None:
        from kanban_sec.ui.risk_dialog import RiskDialog

        item_id = item_id or self.board.current_item()
        if not item_id:
            return
        dialog = RiskDialog(self.governance(), item_id=item_id, parent=self)
        dialog.applied.connect(
            lambda outcome: self._after_governance(outcome, self.tr("Risk decision"))
        )
        self._keep(dialog)
        dialog.open()

    def open_verify(self, item_id: str | None = None) -> None:
        from kanban_sec.ui.verify_dialog import VerifyDialog

        item_id = item_id or self.board.current_item()
        if not item_id:
            return
        dialog = VerifyDialog(self.governance(), item_id, self)
        dialog.applied.connect(lambda outcome: self._after_governance(outcome, self.tr("Verify")))
        self._keep(dialog)
        dialog.open()

    def open_policy(self) -> None:
        from kanban_sec.ui.policy_dialog import PolicyDialog

        dialog = PolicyDialog(self.governance(), self)
        dialog.applied.connect(
            lambda outcome: self._after_governance(outcome, self.tr("Board policy"))
        )
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

        dialog = MetricsView(FlowMetrics(self.session, tz=oslo()), self.live, self)
        self._keep(dialog)
        dialog.show()

    def open_history(self) -> None:
        from kanban_sec.services.history import History
        from kanban_sec.ui.history_view import HistoryView

        dialog = HistoryView(History(self.session), self)
        self._keep(dialog)
        dialog.show()

    def _wheel(self) -> Any:
        from kanban_sec.services.annual_wheel import AnnualWheel

        return AnnualWheel(self.session)

    def open_wheel(self) -> None:
        from kanban_sec.ui.wheel_dialog import AnnualWheelDialog

        dialog = AnnualWheelDialog(self._wheel(), self.live, self)
        dialog.changed.connect(lambda outcome: self.apply(outcome, self.tr("Annual wheel")))
        self._keep(dialog)
        dialog.show()

    def open_standup(self) -> None:
        from kanban_sec.services.standup import StandupService
        from kanban_sec.ui.standup_window import StandupWindow

        window = StandupWindow(StandupService(self.session), self.live, self)
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

        rules = {
            self.tr("Every month"): "FREQ=MONTHLY",
            self.tr("Every quarter"): "FREQ=MONTHLY;INTERVAL=3",
            self.tr("Every half year"): "FREQ=MONTHLY;INTERVAL=6",
            self.tr("Every year"): "FREQ=YEARLY",
        }
        choice, ok = QInputDialog.getItem(
            self,
            self.tr("Keep it there"),
            self.tr("How often must it be checked again?"),
            list(rules),
            3,
            False,
        )
        if ok:
            self._write(
                lambda: self._wheel().keep_it_there(item_id, rules[choice]),
                self.tr("Keep it there"),
            )

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
        return (
            self.tr("Conflicts (%1)…").replace("%1", str(count)) if count else self.tr("Conflicts…")
        )

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
        self.set_session(self.session.speaking(lang))
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
        for key, splitter in (
            ("window/splitter", self.splitter),
            ("window/columns", self.board.header_splitter),
        ):
            state = settings.value(key)
            if isinstance(state, QByteArray):
                splitter.restoreState(state)
        self.set_lanes(str(settings.value("board/lanes", "none")))
        self.panels.restore(settings)
        self.toolbar.restore(settings)

    def save_settings(self) -> None:
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        self.panels.save(settings)
        settings.setValue("window/columns", self.board.header_splitter.saveState())
        settings.setValue("board/lanes", self.board.lane_mode)
        self.toolbar.save(settings)
        settings.sync()

    def closeEvent(self, event: Any) -> None:
        self.sync_controller.wait()
        self.save_settings()
        super().closeEvent(event)
