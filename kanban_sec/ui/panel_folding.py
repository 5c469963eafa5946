"""The board window's side panel and accepted-risk lane: the splitter that holds the board
beside the side panel, folding the panel and the lane away when the window gets too small for
them (and back when it grows), the person's own choice to show or hide them, and the panel's
width kept between runs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QSplitter

if TYPE_CHECKING:
    from kanban_sec.ui.main_window import MainWindow

#: The side panel's width when it opens.
DETAIL_WIDTH = 280
#: Below this window width the side panel folds away by itself (five columns of some
#: 220 px and the panel need it); below this height the accepted-risk lane does.
ROOMY_WIDTH = 1360
ROOMY_HEIGHT = 800


class PanelFolding:
    """Shows and folds the window's side panel and accepted-risk lane, by the room the
    window has and by the person's choice."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        #: The person's own choice to show (True) or hide (False) the side panel and the
        #: accepted-risk lane; None: as the room allows.
        self.choice: dict[str, bool | None] = {"detail": None, "accepted": None}
        self.detail_width = DETAIL_WIDTH
        #: Whether the window had room for the panel and for the lane when last fitted.
        self.roomy: tuple[bool, bool] | None = None
        window.board.accepted_toggled.connect(self._accepted_toggled)
        window.detail_pane.fold_requested.connect(
            lambda shown: self.set_detail_shown(shown, by_user=True)
        )
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(window.board)
        self.splitter.addWidget(window.detail_pane)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(1, False)  # folded by its button, never dragged away
        self.splitter.setSizes([1120, DETAIL_WIDTH])

    def set_detail_shown(self, shown: bool, *, by_user: bool = False) -> None:
        """Open or fold the side panel; ``by_user``: the person chose, and it is kept."""
        window = self.window
        if by_user:
            self.choice["detail"] = shown
            QSettings().setValue("window/detail-panel", "shown" if shown else "hidden")
        was = window.detail_pane.is_open()
        if was and not shown:
            self.detail_width = max(self.splitter.sizes()[1], 160)
        window.detail_pane.set_open(shown)
        if shown and not was:
            total = self.splitter.width() if self.splitter.isVisible() else window.width()
            self.splitter.setSizes([max(total - self.detail_width, 0), self.detail_width])
        window.detail_action.setChecked(shown)

    def retranslate(self) -> None:
        """The side panel's texts again, its fold button naming the action's shortcut."""
        self.window.detail_pane.shortcut = self.window.detail_action.shortcut().toString(
            QKeySequence.SequenceFormat.NativeText
        )
        self.window.detail_pane.retranslate()

    def _accepted_toggled(self, shown: bool) -> None:
        self.choice["accepted"] = shown
        QSettings().setValue("board/accepted-lane", "shown" if shown else "hidden")
        self.window.accepted_action.setChecked(shown)

    def fit(self) -> None:
        """Fold the side panel and the accepted-risk lane when the window gets too small
        for them (and bring them back when it grows), unless the person chose otherwise at
        start."""
        window = self.window
        roomy = (window.width() >= ROOMY_WIDTH, window.height() >= ROOMY_HEIGHT)
        if roomy == self.roomy:
            return
        first = self.roomy is None
        self.roomy = roomy
        for panel, room in zip(("detail", "accepted"), roomy, strict=True):
            choice = self.choice[panel]
            # At start the person's choice stands; later the room decides, and a panel the
            # person hid stays hidden when the room comes back.
            shown = choice if first and choice is not None else room and choice is not False
            if panel == "detail":
                self.set_detail_shown(shown)
            else:
                window.board.set_accepted_collapsed(not shown)
                window.accepted_action.setChecked(shown)

    def restore(self, settings: QSettings) -> None:
        """The person's choices and the panel's width from last time, then fitted to the
        window as it is now."""
        for panel, key in (("detail", "window/detail-panel"), ("accepted", "board/accepted-lane")):
            value = settings.value(key, "")
            self.choice[panel] = {"shown": True, "hidden": False}.get(str(value))
        width = settings.value("window/detail-width", DETAIL_WIDTH, type=int)
        self.detail_width = max(width if isinstance(width, int) else DETAIL_WIDTH, 160)
        self.window.detail.setVisible(False)  # opened below at its width, if it opens
        self.roomy = None
        self.fit()

    def save(self, settings: QSettings) -> None:
        """The splitter and the side panel's width, for next time."""
        settings.setValue("window/splitter", self.splitter.saveState())
        if self.window.detail_pane.is_open():
            self.detail_width = self.splitter.sizes()[1]
        settings.setValue("window/detail-width", self.detail_width)
