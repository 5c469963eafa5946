"""The board window's side panel: why the current card ranks where it does, and its facts."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kanban_sec.domain.due import DueState, due_state
from kanban_sec.domain.ids import short_id
from kanban_sec.services.live_board import LiveBoard
from kanban_sec.ui import i18n
from kanban_sec.ui.board_widget import status_name

#: The panel's maximum width when open (no limit) and the strip's when folded (the button).
_OPEN_WIDTH = 16_777_215


class DetailPanel(QWidget):
    """The card's explanation and facts (``text``) under a button (``toggle``) that folds
    the panel to a narrow strip and back; the window decides, on ``fold_requested``."""

    #: The person pressed the button: True to open the panel, False to fold it.
    fold_requested = Signal(bool)
    #: The card's chain was clicked: show its chain map (the chain's id).
    chain_map_requested = Signal(str)

    def __init__(self, live: LiveBoard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detail-pane")
        self.live = live
        #: The Markdown on show (set again only when it differs).
        self._shown: str | None = None
        self.text = QTextBrowser()
        self.text.setObjectName("detail-panel")
        # Links are ours to follow: the chain map's in the window, the web's in a browser.
        self.text.setOpenLinks(False)
        self.text.anchorClicked.connect(self._follow)
        self.toggle = QToolButton()
        self.toggle.setObjectName("detail-toggle")
        self.toggle.setAutoRaise(True)
        self.toggle.clicked.connect(lambda: self.fold_requested.emit(not self.is_open()))
        self.title = QLabel()
        self.title.setObjectName("detail-title")
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.toggle)
        top.addWidget(self.title, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.text, 1)
        layout.addStretch(0)  # folded: the button stays at the top of its strip
        #: The toggle's shortcut as the tooltip shows it (the window's View ▸ action).
        self.shortcut = ""

    def _follow(self, url: QUrl) -> None:
        if url.scheme() == "kanban-sec" and url.host() == "chain-map":
            self.chain_map_requested.emit(url.path().strip("/"))
        elif url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)

    def is_open(self) -> bool:
        return self.text.isVisibleTo(self)

    def set_open(self, shown: bool) -> None:
        """Show the text, or fold to the button's strip."""
        self.text.setVisible(shown)
        self.title.setVisible(shown)
        self.setMaximumWidth(_OPEN_WIDTH if shown else self.toggle.sizeHint().width())
        self.retranslate()

    def retranslate(self) -> None:
        """The button's arrow, tooltip and name, and the title (after a language switch)."""
        shown = self.is_open()
        self.toggle.setArrowType(Qt.ArrowType.RightArrow if shown else Qt.ArrowType.LeftArrow)
        tip = self.tr("Hide the side panel") if shown else self.tr("Show the side panel")
        self.toggle.setToolTip(f"{tip} ({self.shortcut})")
        self.toggle.setAccessibleName(tip)
        title = self.tr("Details")
        self.title.setText(f"<b>{title}</b>")

    def show_item(self, item_id: str) -> None:
        """Why ``item_id`` ranks where it does, and its facts (a hint without a card)."""
        live = self.live
        if not item_id or item_id not in live.items:
            self._show(self.tr("Select a card to see why it ranks where it does."))
            return
        item = live.items[item_id]
        ranked = live.ranking.get(item_id)
        lang = i18n.current_language()
        lines = [f"### {item.title}", ""]
        if ranked is not None:
            lines.append(
                self.tr("**Rank %1** · score %2")
                .replace("%1", str(ranked.rank))
                .replace("%2", str(ranked.score))
            )
            lines += ["", f"> {ranked.explanation(lang)}", ""]
        accepted = live.accepted(item_id)
        if accepted is not None:
            lines.append(
                self.tr("**Risk accepted** until %1 by %2: %3")
                .replace("%1", accepted.valid_until.isoformat() if accepted.valid_until else "—")
                .replace("%2", live.person_name(accepted.decided_by) or "—")
                .replace("%3", accepted.rationale)
            )
            lines.append("")
        where = live.chain_name(item)
        facts = [
            (self.tr("Column"), status_name(item.status)),
            (self.tr("Chain › link"), f"{where} › {live.link_name(item) or '—'}" if where else "—"),
            (self.tr("Owner"), live.owner_text(item) or "—"),
            (self.tr("Owner unit"), live.unit_path(item.owner_unit_id) or "—"),
            (self.tr("Risk owner"), live.risk_owner(item) or "—"),
            (self.tr("Framework"), item.framework_ref or "—"),
            (self.tr("Id"), short_id(item.id)),
        ]
        if item.due_date is not None:
            facts.insert(1, (self.tr("Due date"), self.due_text(item.due_date, item.is_open)))
        if item.risk_id:
            facts.insert(0, (self.tr("ROS risk"), self.risk_text(item.risk_id)))
        delegation = live.delegation(item_id)
        if item.is_open and delegation.can_be_delegated:
            to = [live.unit_path(u) for u in delegation.units] + [
                live.board.people[p].name for p in delegation.people if p in live.board.people
            ]
            facts.append((self.tr("Can be delegated to"), "; ".join(to) or "—"))
        if item.blocked_reason:
            facts.append((self.tr("Blocked"), item.blocked_reason))
        if item.pinned:
            facts.append((self.tr("Pinned"), item.pin_reason))
        if item.is_open and live.needs_verification(item_id):
            facts.append(
                (self.tr("Before done"), self.tr("a controlling member verifies it (board policy)"))
            )
        if item_id in live.conflicts:
            facts.insert(
                0,
                (
                    self.tr("⚠ Conflict"),
                    self.tr(
                        "%1 was changed elsewhere at the same time; decide which value stays under "
                        "Sync ▸ Conflicts…"
                    ).replace("%1", ", ".join(live.conflicts[item_id])),
                ),
            )
        lines += [f"- **{name}:** {value}" for name, value in facts]
        if item.chain_id:
            label = self.tr("Chain map of %1").replace("%1", where)
            lines.append(f"- [{label}](kanban-sec://chain-map/{item.chain_id})")
        if item.description:
            lines += ["", "---", "", item.description]
        self._show("\n".join(lines))

    def _show(self, markdown: str) -> None:
        # The same text again (a move selects the card it already showed): no new layout.
        if markdown != self._shown:
            self._shown = markdown
            self.text.setMarkdown(markdown)

    def risk_text(self, risk_id: str) -> str:
        """«title», a measure of which the item takes its likelihood × consequence."""
        from kanban_sec.domain.errors import KanbanError
        from kanban_sec.services.ros import RosService

        try:
            title = RosService(self.live.service.session).risk(risk_id).title
        except KanbanError:
            return "—"
        return self.tr("a measure of «%1» (its likelihood × consequence)").replace("%1", title)

    def due_text(self, day: date, is_open: bool) -> str:
        """A due date in full, and whether it has passed or is near (a badge, not a rank)."""
        when = QLocale().toString(
            QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat
        )
        state = due_state(day, date.today(), done=not is_open)
        if state is DueState.OVERDUE:
            return self.tr("%1 — **overdue**").replace("%1", when)
        if state is DueState.SOON:
            return self.tr("%1 — within a week").replace("%1", when)
        return when
