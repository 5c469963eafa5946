"""The item dialog: every field of one item, its checklist, comments and history.

The dialog collects edits and writes them on OK in one call, ``save_item``, with what
changed as domain values (an :class:`ItemEdit`): fields, checklist, pin, block and new
comments in one transaction, one :class:`Outcome` and one undo step. The outcome is kept in
``outcomes`` and emitted with ``changed``, so the main window updates its board and undo
stack. A refused change (a hard WIP limit, a name that does not
resolve) shows as an error dialog and leaves the dialog open with every edit in place.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kanban_sec.domain import fields as parse
from kanban_sec.domain.errors import KanbanError, NotFound
from kanban_sec.domain.model import (
    SCALE_MAX,
    SCALE_MIN,
    Classification,
    Effort,
    Item,
    Status,
)
from kanban_sec.domain.ranking import assessed, score_parts, score_text
from kanban_sec.services.board import BoardService
from kanban_sec.services.item_edit import ItemEdit
from kanban_sec.services.live_board import LiveBoard
from kanban_sec.services.outcome import Outcome
from kanban_sec.services.ros import RosService
from kanban_sec.ui.board_widget import status_name
from kanban_sec.ui.i18n import current_language
from kanban_sec.ui.item_checklist import ChecklistEditor
from kanban_sec.ui.item_history import ItemHistory, local_time
from kanban_sec.ui.item_risk import RiskChoice
from kanban_sec.ui.link_choices import fill_link_choices
from kanban_sec.ui.notify import show_error
from kanban_sec.ui.owner_picker import OwnerPicker
from kanban_sec.ui.ros_matrix import consequence_label, likelihood_label

_PREVIEW_DELAY_MS = 150


class ItemDialog(QDialog):
    """Edit one item (or create one when ``item_id`` is ``None``)."""

    #: Emitted with each :class:`Outcome` a service call of this dialog returned.
    changed = Signal(object)

    def __init__(
        self,
        service: BoardService,
        live: LiveBoard,
        item_id: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("item-dialog")
        self.service = service
        self.live = live
        self.item_id = item_id
        self.outcomes: list[Outcome] = []
        item = live.items.get(item_id) if item_id else None
        if item_id is not None and item is None:
            raise NotFound("item.not_found", id=item_id)
        self._item = item or Item(id="", title="")
        self._pending_comments: list[str] = []
        self._shown = False
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(_PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self._render_preview)

        self.setWindowTitle(
            self.tr("New item")
            if item is None
            else self.tr("Item: {title}").format(title=item.title)
        )
        self.setMinimumSize(900, 650)
        self.resize(1000, 700)
        self.setSizeGripEnabled(True)
        self.setStyleSheet(
            'QLineEdit[invalid="true"] { border: 2px solid #c62828; border-radius: 3px; }'
        )

        self._tabs = QTabWidget()
        self._tabs.setObjectName("item-tabs")
        self._tabs.addTab(self._details_tab(), self.tr("&Details"))
        self._tabs.addTab(self._description_tab(), self.tr("D&escription"))
        self._checklist = ChecklistEditor()
        self._tabs.addTab(self._checklist, self.tr("Chec&klist"))
        self._tabs.addTab(self._comments_tab(), self.tr("&Comments"))
        self._tabs.addTab(self._history_tab(), self.tr("&History"))

        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)
        self._problems = QLabel()
        self._problems.setObjectName("item-problems")
        self._problems.setWordWrap(True)
        self._problems.setStyleSheet("color: #c62828;")
        bottom = QHBoxLayout()
        bottom.addWidget(self._problems, 1)
        bottom.addWidget(self._buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(self._info_panel())
        layout.addWidget(self._tabs, 1)
        layout.addLayout(bottom)

        self._load()
        #: What is saved (None for a new item: every value is sent).
        self._baseline: dict[str, Any] | None = self._values() if item is not None else None
        self._scale_words()
        self._validate()

    # -- building the tabs -------------------------------------------------------------
    def _info_panel(self) -> QWidget:
        """Read-only facts: rank and score, why, and the risk owner."""
        frame = QFrame()
        frame.setObjectName("item-info")
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        self._rank = QLabel()
        self._rank.setObjectName("item-rank")
        bold = QFont(self._rank.font())
        bold.setBold(True)
        self._rank.setFont(bold)
        self._explanation = QLabel()
        self._explanation.setObjectName("item-explanation")
        self._explanation.setWordWrap(True)
        self._explanation.setTextFormat(Qt.TextFormat.PlainText)
        self._explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._risk_owner = QLabel()
        self._risk_owner.setObjectName("item-risk-owner")
        self._risk_owner.setWordWrap(True)
        self._risk_owner.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(2)
        layout.addWidget(self._rank)
        layout.addWidget(self._explanation)
        layout.addWidget(self._risk_owner)
        return frame

    def _details_tab(self) -> QWidget:
        self._title = QLineEdit()
        self._title.setObjectName("item-title")
        self._title.setMaxLength(parse.TITLE_MAX)
        self._title.setPlaceholderText(self.tr("What is to be improved (required)"))
        self._title_problem = QLabel()
        self._title_problem.setObjectName("item-title-problem")
        self._title_problem.setStyleSheet("color: #c62828;")
        self._title_problem.hide()
        #: Whether the person has typed in (or emptied) the title: only then is a missing
        #: title said, once, under the field (a new item does not open with an error).
        self._title_touched = False
        self._title.textEdited.connect(self._touch_title)
        title_box = QWidget()
        title_layout = QVBoxLayout(title_box)
        title_layout.setContentsMargins(0, 0, 0, 0)
        title_layout.setSpacing(2)
        title_layout.addWidget(self._title)
        title_layout.addWidget(self._title_problem)

        self._status = QComboBox()
        self._status.setObjectName("item-status")
        for status, name in self._status_names().items():
            self._status.addItem(name, status.value)

        self._chain = QComboBox()
        self._chain.setObjectName("item-chain")
        self._chain.addItem(self.tr("(no chain)"), None)
        for chain in sorted(self.live.board.chains.values(), key=lambda c: c.name.casefold()):
            self._chain.addItem(chain.name, chain.id)
        self._link = QComboBox()
        self._link.setObjectName("item-link")
        self._risk = RiskChoice(RosService(self.service.session))
        self._risk.setToolTip(
            self.tr("A measure of a ROS risk takes the risk's likelihood and consequence")
        )

        # One likelihood scale and one consequence scale, with the ROS matrix's words.
        self._likelihood = self._scale_box(
            "item-likelihood",
            self.tr("How likely the weakness is exploited or fails: %1 to %2. Estimated by IT.")
            .replace("%1", likelihood_label(SCALE_MIN))
            .replace("%2", likelihood_label(SCALE_MAX)),
        )
        self._consequence = self._scale_box(
            "item-consequence",
            self.tr("How bad it is when it happens: %1 to %2. Assessed by the risk owner.")
            .replace("%1", consequence_label(SCALE_MIN))
            .replace("%2", consequence_label(SCALE_MAX)),
        )
        likelihood_row = self._with_hint(self._likelihood, "", "item-likelihood-word")
        consequence_row = self._with_hint(self._consequence, "", "item-consequence-word")
        self._likelihood.valueChanged.connect(self._scale_words)
        self._consequence.valueChanged.connect(self._scale_words)
        self._score_preview = QLabel()
        self._score_preview.setObjectName("item-score-preview")

        self._effort = QComboBox()
        self._effort.setObjectName("item-effort")
        self._effort.addItem(self.tr("(not estimated)"), "")
        for effort in Effort:
            self._effort.addItem(effort.value, effort.value)

        self._owner = QLabel()
        self._owner.setObjectName("item-owner")
        self._owner.setWordWrap(True)
        self._owner.setTextFormat(Qt.TextFormat.PlainText)

        self._framework_ref = QLineEdit()
        self._framework_ref.setObjectName("item-framework-ref")
        self._framework_ref.setPlaceholderText(self.tr("e.g. NSM 2.6.7 or CIS 15.5"))

        self._classification = QComboBox()
        self._classification.setObjectName("item-classification")
        for value, name in self._classification_names().items():
            self._classification.addItem(name, value.value)

        self._tags = QLineEdit()
        self._tags.setObjectName("item-tags")
        self._tags.setPlaceholderText(self.tr("Separate tags with ; or ,"))

        self._due = QDateEdit()
        self._due.setObjectName("item-due-date")
        self._due.setCalendarPopup(True)
        self._due.setDisplayFormat(QLocale().dateFormat(QLocale.FormatType.ShortFormat))
        self._due.setDate(QDate.currentDate())
        self._no_due = QCheckBox(self.tr("No due date"))
        self._no_due.setObjectName("item-no-due-date")
        self._no_due.toggled.connect(lambda off: self._due.setEnabled(not off))
        due_row = QHBoxLayout()
        due_row.addWidget(self._due)
        due_row.addWidget(self._no_due)
        due_row.addStretch(1)

        self._blocked = QLineEdit()
        self._blocked.setObjectName("item-blocked-reason")
        self._blocked.setPlaceholderText(self.tr("Not blocked; write what it waits for"))
        self._pin = QLineEdit()
        self._pin.setObjectName("item-pin-reason")
        self._pin.setPlaceholderText(self.tr("Not pinned; a reason puts the item first"))

        for combo in (self._status, self._chain, self._link, self._effort, self._classification):
            # Long chain and link names must not push the owner tree off the dialog.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(16)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        title_label = QLabel(self.tr("&Title:"))
        title_label.setBuddy(self._title)
        form.addRow(title_label, title_box)
        form.addRow(self.tr("C&olumn:"), self._status)
        form.addRow(self.tr("C&hain:"), self._chain)
        form.addRow(self.tr("&Link:"), self._link)
        form.addRow(self.tr("ROS &risk:"), self._risk)
        for text, row, box in (
            (self.tr("L&ikelihood:"), likelihood_row, self._likelihood),
            (self.tr("Co&nsequence:"), consequence_row, self._consequence),
        ):
            label = QLabel(text)
            label.setBuddy(box)
            form.addRow(label, row)
        form.addRow(self.tr("Score:"), self._score_preview)
        form.addRow(self.tr("E&ffort:"), self._effort)
        form.addRow(self.tr("Owner:"), self._owner)
        form.addRow(self.tr("F&ramework ref.:"), self._framework_ref)
        form.addRow(self.tr("Cl&assification:"), self._classification)
        form.addRow(self.tr("Ta&gs:"), self._tags)
        due_label = QLabel(self.tr("D&ue date:"))
        due_label.setBuddy(self._due)
        form.addRow(due_label, due_row)
        form.addRow(self.tr("&Blocked because:"), self._blocked)
        form.addRow(self.tr("&Pinned because:"), self._pin)

        self._picker = OwnerPicker(self.live, self.item_id)
        owner_box = QGroupBox(self.tr("Owner (lowest operational level)"))
        owner_layout = QVBoxLayout(owner_box)
        owner_layout.addWidget(self._picker)

        tab = QWidget()
        left = QWidget()
        left.setLayout(form)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(owner_box)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        self._details_splitter = splitter
        layout = QHBoxLayout(tab)
        layout.addWidget(splitter)

        self._title.textChanged.connect(self._validate)
        self._chain.currentIndexChanged.connect(self._chain_chosen)
        self._link.currentIndexChanged.connect(self._context_changed)
        self._risk.currentIndexChanged.connect(self._risk_chosen)
        self._likelihood.valueChanged.connect(self._update_score)
        self._consequence.valueChanged.connect(self._update_score)
        self._picker.selection_changed.connect(self._owner_chosen)
        return tab

    def showEvent(self, event: QShowEvent) -> None:
        """On first show, give the form and the owner tree half the width each."""
        super().showEvent(event)
        if not self._shown:
            self._shown = True
            half = max(self._details_splitter.width() // 2, 1)
            self._details_splitter.setSizes([half, half])

    def _scale_box(self, name: str, tip: str) -> QSpinBox:
        # One step below 1 reads "not assessed": nobody has judged it yet (counts 3).
        box = QSpinBox()
        box.setObjectName(name)
        box.setRange(SCALE_MIN - 1, SCALE_MAX)
        box.setSpecialValueText(self.tr("not assessed"))
        box.setToolTip(tip)
        box.setMinimumWidth(
            max(
                box.fontMetrics().horizontalAdvance("0") * 6,
                box.fontMetrics().horizontalAdvance(box.specialValueText()),
            )
            + 32
        )
        return box

    def _scale_words(self) -> None:
        """The words of the chosen likelihood and consequence, as the ROS matrix says them."""
        for box, name, word in (
            (self._likelihood, "item-likelihood-word", likelihood_label),
            (self._consequence, "item-consequence-word", consequence_label),
        ):
            label = self.findChild(QLabel, name)
            risk = self._risk.chosen()
            if label is not None and risk is not None:
                label.setText(self.tr("from the risk «%1»").replace("%1", risk.title))
            elif label is not None:
                label.setText(
                    word(box.value()).split(" ", 1)[1]
                    if box.value() >= SCALE_MIN
                    else self.tr("counts as 3 in the score until assessed")
                )

    def _with_hint(self, box: QWidget, hint: str, name: str = "") -> QWidget:
        """A field with a short grey explanation after it."""
        label = QLabel(hint)
        label.setObjectName(name)
        label.setEnabled(False)  # drawn in the palette's muted text colour
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(box)
        layout.addWidget(label, 1)
        return row

    def _description_tab(self) -> QWidget:
        self._description = QPlainTextEdit()
        self._description.setObjectName("item-description")
        self._description.setPlaceholderText(self.tr("Markdown: **bold**, - lists, [links](…)"))
        self._description.textChanged.connect(self._preview_timer.start)
        self._description.textChanged.connect(self._validate)
        self._preview = QTextBrowser()
        self._preview.setObjectName("item-description-preview")
        self._preview.setOpenExternalLinks(True)

        def labelled(label: str, widget: QWidget) -> QWidget:
            box = QWidget()
            layout = QVBoxLayout(box)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.addWidget(QLabel(label))
            layout.addWidget(widget, 1)
            return box

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(labelled(self.tr("Markdown"), self._description))
        splitter.addWidget(labelled(self.tr("Preview"), self._preview))
        splitter.setChildrenCollapsible(False)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(splitter)
        return tab

    def _comments_tab(self) -> QWidget:
        self._comments = QListWidget()
        self._comments.setObjectName("item-comments")
        self._comments.setWordWrap(True)
        self._comments.setSpacing(3)
        self._comments.setAlternatingRowColors(True)
        self._comments.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self._comments.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self._comment_new = QPlainTextEdit()
        self._comment_new.setObjectName("item-comment-new")
        self._comment_new.setPlaceholderText(
            self.tr("Write a comment; it is saved with the item when you press OK")
        )
        self._comment_new.setMaximumHeight(90)
        add = QPushButton(self.tr("Add comment"))
        add.setObjectName("item-comment-add")
        add.clicked.connect(self.add_comment)
        row = QHBoxLayout()
        row.addWidget(self._comment_new, 1)
        row.addWidget(add, 0, Qt.AlignmentFlag.AlignBottom)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(self._comments, 1)
        layout.addLayout(row)
        return tab

    def _history_tab(self) -> QWidget:
        self._history = ItemHistory(
            self.service,
            self.live,
            {"status": self._status_names(), "classification": self._classification_names()},
        )
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(self._history)
        return tab

    # -- names the user reads ----------------------------------------------------------
    def _status_names(self) -> dict[Status, str]:
        return {status: status_name(status) for status in Status}

    def _classification_names(self) -> dict[Classification, str]:
        return {
            Classification.OPEN: self.tr("Open"),
            Classification.INTERNAL: self.tr("Internal"),
            Classification.CONFIDENTIAL: self.tr("Confidential"),
        }

    # -- loading -----------------------------------------------------------------------
    def _load(self) -> None:
        item = self._item
        self._title.setText(item.title)
        self._status.setCurrentIndex(max(self._status.findData(item.status.value), 0))
        self._chain.setCurrentIndex(max(self._chain.findData(item.chain_id), 0))
        self._fill_links(item.chain_id, item.link_id)
        self._risk.fill(item.chain_id, item.risk_id)
        self._risk_chosen()
        self._likelihood.setValue(_box_value(item.likelihood))
        self._consequence.setValue(_box_value(item.consequence))
        self._effort.setCurrentIndex(
            max(self._effort.findData(item.effort.value if item.effort else ""), 0)
        )
        self._framework_ref.setText(item.framework_ref)
        self._classification.setCurrentIndex(
            max(self._classification.findData(item.classification.value), 0)
        )
        self._tags.setText(parse.format_tags(item.tags))
        if item.due_date is not None:
            self._due.setDate(QDate(item.due_date.year, item.due_date.month, item.due_date.day))
        self._no_due.setChecked(item.due_date is None)
        self._due.setEnabled(item.due_date is not None)
        self._blocked.setText(item.blocked_reason)
        self._pin.setText(item.pin_reason)
        for edit in (self._title, self._framework_ref, self._tags, self._blocked, self._pin):
            edit.setCursorPosition(0)  # long texts show their start, not their end
        self._description.setPlainText(item.description)
        self._render_preview()
        self._checklist.set_entries(item.checklist)
        self._load_comments()
        self._history.load(self.item_id)
        self._context_changed()
        self._owner_chosen()
        self._show_info()

    def _show_info(self) -> None:
        locale = QLocale()
        ranked = self.live.ranking.get(self.item_id) if self.item_id else None
        if self.item_id is None:
            self._rank.setText(self.tr("New item: ranked when it is saved"))
            self._explanation.setText("")
            self._explanation.hide()
        elif ranked is None:
            self._rank.setText(self.tr("Done: not ranked"))
            self._explanation.hide()
        else:
            self._rank.setText(
                self.tr("Rank {rank} of {count} · score {score}").format(
                    rank=locale.toString(ranked.rank),
                    count=locale.toString(len(self.live.ranking)),
                    score=locale.toString(ranked.score),
                )
            )
            self._explanation.setText(ranked.explanation(current_language()))
            self._explanation.setToolTip(self._explanation.text())

    def _load_comments(self) -> None:
        self._comments.clear()
        if self.item_id is not None:
            for comment in self.service.comments(self.item_id):
                self._add_comment_row(
                    comment.author, local_time(comment.created_at), comment.body, pending=False
                )
        for body in self._pending_comments:
            self._add_comment_row(self.service.author, self.tr("not saved yet"), body, pending=True)
        if self._comments.count():
            self._comments.scrollToBottom()

    def _add_comment_row(self, author: str, when: str, body: str, *, pending: bool) -> None:
        row = QListWidgetItem(f"{author} · {when}\n{body}")
        if pending:
            font = QFont(row.font())
            font.setItalic(True)
            row.setFont(font)
            row.setToolTip(self.tr("Saved with the item when you press OK"))
        self._comments.addItem(row)

    # -- reacting to edits -------------------------------------------------------------
    def _fill_links(self, chain_id: str | None, keep: str | None) -> None:
        """Only the chosen chain's links can be chosen."""
        self._link.blockSignals(True)
        fill_link_choices(self._link, self.live, chain_id, keep)
        self._link.blockSignals(False)

    def _chain_chosen(self) -> None:
        self._fill_links(self._chain.currentData(), self._link.currentData())
        self._risk.fill(self._chain.currentData(), self._risk.currentData())
        self._risk_chosen()
        self._context_changed()

    def _risk_chosen(self, *_: object) -> None:
        """On a risk, the item shows the risk's likelihood and consequence, read-only."""
        risk = self._risk.chosen()
        for box in (self._likelihood, self._consequence):
            box.setEnabled(risk is None)
        if risk is not None:
            self._likelihood.setValue(_box_value(risk.likelihood.value))
            self._consequence.setValue(_box_value(risk.consequence.value))
        self._scale_words()

    def _context_changed(self) -> None:
        chain_id, link_id = self._chain.currentData(), self._link.currentData()
        self._picker.set_context(chain_id, link_id)
        chain = self.live.board.chains.get(chain_id) if chain_id else None
        if chain is None:
            self._risk_owner.setText(self.tr("Risk owner: none (the item is in no chain)"))
        else:
            self._risk_owner.setText(
                self.tr("Risk owner: {owner}").format(
                    owner=self.live.unit_path(chain.risk_owner_unit_id) or self.tr("not set")
                )
            )
        self._update_score()

    def _update_score(self) -> None:
        chain_id, link_id = self._chain.currentData(), self._link.currentData()
        chain = self.live.board.chains.get(chain_id) if chain_id else None
        link = self.live.board.links.get(link_id) if link_id else None
        gap = score_parts(chain, link, self.live.board.links.values())[2]
        likelihood = _assessment(self._likelihood.value())
        consequence = _assessment(self._consequence.value())
        score = assessed(likelihood) * assessed(consequence) * gap
        self._score_preview.setText(
            score_text(likelihood, consequence, gap, score, current_language())
        )

    def _owner_chosen(self, *_: object) -> None:
        self._owner.setText(self._picker.owner_text())

    def _render_preview(self) -> None:
        self._preview.setMarkdown(self._description.toPlainText())

    def _validate(self) -> None:
        """Disable OK while a value cannot be saved, and say why."""
        problems = []
        title_ok = bool(self._title.text().strip())
        self._title.setProperty("invalid", not title_ok)
        self._title.style().unpolish(self._title)
        self._title.style().polish(self._title)
        if title_ok or not self._title_touched:
            self._title.setToolTip("")
            self._title_problem.hide()
        else:
            why = self.tr("A title is required.")
            self._title.setToolTip(why)
            self._title_problem.setText(why)
            self._title_problem.show()
        if len(self._description.toPlainText()) > parse.TEXT_MAX:
            problems.append(
                self.tr("The description is longer than {limit} characters.").format(
                    limit=QLocale().toString(parse.TEXT_MAX)
                )
            )
        self._problems.setText(" ".join(problems))
        self._buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            title_ok and not problems
        )

    def _touch_title(self) -> None:
        self._title_touched = True
        self._validate()

    def is_valid(self) -> bool:
        """Whether OK would try to save (no value the dialog knows to be bad)."""
        return self._buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()

    # -- comments ----------------------------------------------------------------------
    def add_comment(self, body: str | None = None) -> None:
        """Queue a comment (from the comment box when ``body`` is not given); OK saves it."""
        if not isinstance(body, str):
            body = self._comment_new.toPlainText()
        if not body.strip():
            return
        self._pending_comments.append(body.strip())
        self._comment_new.clear()
        self._load_comments()

    # -- saving ------------------------------------------------------------------------
    def _values(self) -> dict[str, Any]:
        """The dialog's values as the item holds them, by :class:`ItemEdit` field."""
        unit_id, person_id = self._picker.selected()
        effort = self._effort.currentData()
        due = self._due.date()
        return {
            "title": " ".join(self._title.text().split()),
            "status": Status(self._status.currentData()),
            "chain_id": self._chain.currentData(),
            "link_id": self._link.currentData(),
            "likelihood": _assessment(self._likelihood.value()),
            "consequence": _assessment(self._consequence.value()),
            "effort": Effort(effort) if effort else None,
            "owner_unit_id": unit_id,
            "owner_person_id": person_id,
            "framework_ref": self._framework_ref.text().strip(),
            "classification": Classification(self._classification.currentData()),
            "tags": tuple(parse.parse_tags(self._tags.text())),
            "due_date": None
            if self._no_due.isChecked()
            else date(due.year(), due.month(), due.day()),
            "blocked_reason": self._blocked.text().strip(),
            "pin_reason": self._pin.text().strip(),
            "description": self._description.toPlainText(),
            "checklist": tuple(self._checklist.entries()),
        }

    def changes(self) -> dict[str, Any]:
        """The values that differ from what is saved (what OK would send)."""
        values, base = self._values(), self._baseline
        if base is None:
            return values
        changed = {name: value for name, value in values.items() if value != base[name]}
        if self._risk.chosen() is not None:  # the risk's, not the item's to set
            changed.pop("likelihood", None)
            changed.pop("consequence", None)
        if "chain_id" in changed:  # a link is chosen within its chain
            changed["link_id"] = values["link_id"]
        if "owner_unit_id" in changed or "owner_person_id" in changed:
            changed["owner_unit_id"] = values["owner_unit_id"]
            changed["owner_person_id"] = values["owner_person_id"]
        return changed

    def edit(self) -> ItemEdit:
        """What OK saves: the changed values and the comments not yet saved."""
        typed = self._comment_new.toPlainText().strip()
        comments = (*self._pending_comments, typed) if typed else tuple(self._pending_comments)
        return ItemEdit(**self.changes(), comments=comments)

    def accept(self) -> None:
        """Save what changed; on a refusal show why and stay open with the edits kept."""
        self._title_touched = True
        self._validate()
        if not self.is_valid():
            return
        try:
            self._save()
        except KanbanError as error:
            show_error(self, error, self.tr("The item was not saved"))
            return
        super().accept()

    def _save(self) -> None:
        edit = self.edit()
        risk_id = self._risk.currentData()
        onto = risk_id != self._item.risk_id and not (self.item_id is None and risk_id is None)
        if edit.empty and not onto:
            return
        ros = self._risk.ros
        first = (
            ros.link_measure(self.item_id, None) if onto and self.item_id and not risk_id else None
        )
        outcome = self.service.save_item(self.item_id, edit) if not edit.empty else Outcome()
        if first is not None:
            outcome = Outcome(first.changes + outcome.changes, outcome.warnings, self.item_id)
        if onto and risk_id:
            item_id = self.item_id or outcome.row_id or ""
            linked = ros.link_measure(item_id, risk_id)
            outcome = Outcome(outcome.changes + linked.changes, outcome.warnings, item_id)
        self._item = replace(self._item, risk_id=risk_id)
        if self.item_id is None:
            self.item_id = outcome.row_id
            self.setWindowTitle(self.tr("Item: {title}").format(title=self._values()["title"]))
        self._baseline = self._values()
        self._pending_comments.clear()
        self._comment_new.clear()
        self._record(outcome)

    def _record(self, outcome: Outcome) -> None:
        self.outcomes.append(outcome)
        self.changed.emit(outcome)


def _box_value(value: int | None) -> int:
    """A likelihood or consequence as its spin box holds it (one below 1: unassessed)."""
    return SCALE_MIN - 1 if value is None else value


def _assessment(box_value: int) -> int | None:
    return None if box_value < SCALE_MIN else box_value
