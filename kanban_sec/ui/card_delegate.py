"""Cards painted by a delegate: one QListView row per item, no widget per card."""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from kanban_sec.domain.ids import short_id
from kanban_sec.domain.text import ordinal
from kanban_sec.ui.board_model import CARD_ROLE, UNASSESSED_BAND, Card
from kanban_sec.ui.i18n import current_language, translate

Index = QModelIndex | QPersistentModelIndex

#: The score badge's colour by the ROS matrix band of the card's likelihood × consequence
#: cell (the matrix's own hues), dark enough for white text at WCAG AA (≥ 4.5:1).
BAND_COLOURS = {"green": "#2e7d32", "yellow": "#8d6e00", "red": "#c62828", "unassessed": "#616161"}
PADDING = 8
MARGIN = 4
#: The badge of a card changed elsewhere at the same time (an open sync conflict).
CONFLICT_COLOUR = "#bf360c"
#: Every colour white text is drawn on (pills and badges), for the contrast tests.
PINNED_COLOUR = "#6a1b9a"
BLOCKED_COLOUR = "#c62828"
ACCEPTED_COLOUR = "#2e7d32"
VERIFY_COLOUR = "#1565c0"
CLASSIFIED_COLOUR = "#455a64"
#: The due date's badge within a week of the day (amber), and past it, not done (a darker
#: red than a block's). Further off it is outlined in the text colour: no alarm.
DUE_SOON_COLOUR = "#a15c00"
OVERDUE_COLOUR = "#b71c1c"
DUE_COLOURS = {"soon": DUE_SOON_COLOUR, "overdue": OVERDUE_COLOUR}
#: Every colour white text is drawn on (score pills and badges), for the contrast tests.
BADGE_COLOURS = (
    *BAND_COLOURS.values(),
    CONFLICT_COLOUR,
    PINNED_COLOUR,
    BLOCKED_COLOUR,
    ACCEPTED_COLOUR,
    VERIFY_COLOUR,
    CLASSIFIED_COLOUR,
    *DUE_COLOURS.values(),
)
#: The focus ring's width at least, in pixels (it grows with the font).
FOCUS_RING = 2
#: Memory for pictures of cards: a few screens of cards at any scale.
PICTURE_BUDGET = 24 * 2**20


def _bytes(picture: QPixmap) -> int:
    return picture.width() * picture.height() * 4


def rank_label(rank: int) -> str:
    """A rank as the ordinal it is ("38." in Norwegian, "38th" in English), never "#38",
    which reads like an id though it changes as the board re-ranks."""
    return ordinal(rank, current_language())


def band_colour(band: str) -> QColor:
    """The score badge's colour for a ROS matrix band (green, yellow or red)."""
    return QColor(BAND_COLOURS.get(band, BAND_COLOURS["red"]))


class CardDelegate(QStyledItemDelegate):
    """Rank, ⚑, title, score (risk colour), chain › link, owner, badges, age."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Wrapped and elided texts per (card, width, font): a drag repaints a column's
        # visible cards, and text layout is most of a card's painting.
        self._texts: dict[tuple[Card, int, str], tuple[str, str, str, str]] = {}
        # Pictures of cards by how they look (card, size, state, font, palette, screen),
        # least recently drawn first, within PICTURE_BUDGET bytes.
        self._pictures: dict[tuple[object, ...], QPixmap] = {}
        self._picture_bytes = 0

    def _layout(
        self, key: tuple[Card, int, str], metrics: QFontMetrics, title_width: int
    ) -> tuple[str, str, str, str]:
        card, width, _font = key
        # The title's first line beside the rank and the score, its second under both.
        title = "\n".join(title_lines(card.title, metrics, title_width, width))
        where = (
            metrics.elidedText(card.where, Qt.TextElideMode.ElideMiddle, width)
            if card.where
            else ""
        )
        days = translate("Card", "%1 d").replace("%1", str(card.days_in_column))
        owner = card.owner or translate("Card", "no owner")
        if card.delegable:
            owner += "  ↓ " + translate("Card", "can be delegated")
        # The stable short key beside the days in the column (a rank is no name), where
        # the owner's name still fits whole: the owner comes first.
        keyed = short_id(card.item_id) + " · " + days
        room = width - metrics.horizontalAdvance(keyed) - 6
        # (Asked of elidedText itself: its sub-pixel widths can elide what
        # horizontalAdvance, rounded, says fits.)
        fits = metrics.elidedText(owner, Qt.TextElideMode.ElideRight, room) == owner
        age = keyed if fits else days
        owner = metrics.elidedText(
            owner, Qt.TextElideMode.ElideRight, width - metrics.horizontalAdvance(age) - 6
        )
        if len(self._texts) > 5000:
            self._texts.clear()
        texts = (title, where, owner, age)
        self._texts[key] = texts
        return texts

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        line = QFontMetrics(option.font).height()
        return QSize(max(option.rect.width(), 200), line * 5 + PADDING * 2 + MARGIN * 2)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """The card from a picture of it, drawn once per look: a move repaints every card
        below the one that arrived, and each is then one copy, not a layout of its texts."""
        card: Card | None = index.data(CARD_ROLE)
        if card is None:
            return
        ratio = painter.device().devicePixelRatioF()
        size = option.rect.size()
        key = (
            card,
            size.width(),
            size.height(),
            bool(option.state & QStyle.StateFlag.State_Selected),
            bool(option.state & QStyle.StateFlag.State_HasFocus),
            option.font.key(),
            option.palette.cacheKey(),
            ratio,
            current_language(),
        )
        picture = self._pictures.pop(key, None)
        if picture is None:
            picture = QPixmap(size * ratio)
            picture.setDevicePixelRatio(ratio)
            picture.fill(Qt.GlobalColor.transparent)
            local = QStyleOptionViewItem(option)
            local.rect = QRect(QPoint(0, 0), size)
            on_picture = QPainter(picture)
            try:
                self.paint_card(on_picture, local, card)
            finally:
                on_picture.end()
            self._picture_bytes += _bytes(picture)
            while self._picture_bytes > PICTURE_BUDGET and self._pictures:
                oldest = next(iter(self._pictures))
                self._picture_bytes -= _bytes(self._pictures.pop(oldest))
        self._pictures[key] = picture  # the most recently drawn last
        painter.drawPixmap(option.rect.topLeft(), picture)

    def paint_card(self, painter: QPainter, option: QStyleOptionViewItem, card: Card) -> None:
        """The card itself, drawn in ``option.rect``."""
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = option.palette
        rect = option.rect.adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        base = palette.color(QPalette.ColorRole.Base)
        background = (
            palette.color(QPalette.ColorRole.AlternateBase)
            if not selected
            else palette.color(QPalette.ColorRole.Highlight).lighter(
                170 if base.lightness() > 128 else 60
            )
        )
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        painter.setBrush(background)
        painter.drawRoundedRect(QRectF(rect), 6, 6)
        if card.weakest:  # a strip on the left marks the weakest link
            painter.fillRect(
                QRect(rect.left() + 1, rect.top() + 4, 4, rect.height() - 8), QColor("#c62828")
            )
        if focused or selected:
            # The keyboard focus gets a thicker ring than a mere selection; both in the
            # palette's Highlight, which both palettes keep visible against their cards.
            width = focus_ring_width(option.font) if focused else FOCUS_RING
            pen = QPen(palette.color(QPalette.ColorRole.Highlight), width)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            half = (width + 1) // 2
            painter.drawRoundedRect(QRectF(rect).adjusted(half, half, -half, -half), 6, 6)

        text = palette.color(QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        inner = rect.adjusted(PADDING + 4, PADDING, -PADDING, -PADDING)
        font = QFont(option.font)
        metrics = QFontMetrics(font)
        line = metrics.height()

        # Score pill, right, coloured by the ROS matrix band of its likelihood × consequence
        # cell (done cards have none).
        unassessed = card.band == UNASSESSED_BAND
        pill_w = metrics.horizontalAdvance("75?" if unassessed else "75") + 12
        bold = QFont(font)
        bold.setBold(True)
        if card.score is not None:
            pill = QRect(inner.right() - pill_w, inner.top(), pill_w, line + 2)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(band_colour(card.band))
            painter.drawRoundedRect(QRectF(pill), 8, 8)
            painter.setPen(QColor("white"))
            painter.setFont(bold)
            # A grey pill with "?": a score counting an unassessed value as 3, not a judgement.
            painter.drawText(
                pill,
                Qt.AlignmentFlag.AlignCenter,
                f"{card.score}?" if unassessed else str(card.score),
            )
        painter.setFont(bold)

        # Rank and ⚑, then the title over up to two lines.
        head = (
            rank_label(card.rank) if card.rank is not None else "≈" if card.accepted_until else "✓"
        )
        if card.weakest:
            head += " ⚑"
        painter.setPen(text)
        head_w = QFontMetrics(bold).horizontalAdvance(head + " ")
        painter.drawText(
            QRect(inner.left(), inner.top(), head_w, line + 2),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            head,
        )
        painter.setFont(font)
        first_rect = QRect(
            inner.left() + head_w, inner.top(), inner.width() - head_w - pill_w - 6, line + 2
        )
        key = (card, inner.width(), font.key())
        texts = self._texts.get(key)
        if texts is None:
            texts = self._layout(key, metrics, first_rect.width())
        title, where, owner, age = texts
        first, _, second = title.partition("\n")
        painter.drawText(
            first_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, first
        )
        painter.drawText(
            QRect(inner.left(), inner.top() + line + 2, inner.width(), line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            second,
        )

        y = inner.top() + line * 2 + 2
        painter.setPen(muted)
        if where:
            painter.drawText(
                QRect(inner.left(), y, inner.width(), line), Qt.AlignmentFlag.AlignLeft, where
            )
        y += line
        age_w = metrics.horizontalAdvance(age)
        painter.setPen(text)
        painter.drawText(
            QRect(inner.left(), y, inner.width() - age_w - 6, line),
            Qt.AlignmentFlag.AlignLeft,
            owner,
        )
        painter.setPen(muted)
        painter.drawText(
            QRect(inner.right() - age_w, y, age_w, line), Qt.AlignmentFlag.AlignRight, age
        )
        y += line

        badges = []
        if card.conflict:
            badges.append(("⚠ " + translate("Card", "conflict"), CONFLICT_COLOUR))
        if card.pinned:
            badges.append(("★ " + (card.pin_reason or translate("Card", "pinned")), PINNED_COLOUR))
        if card.blocked:
            badges.append(("✖ " + card.blocked, BLOCKED_COLOUR))
        if card.acceptance_void:
            badges.append(("⚠ " + translate("Card", "acceptance void"), CONFLICT_COLOUR))
        if card.accepted_until:
            badges.append(
                (
                    translate("Card", "accepted until %1").replace("%1", card.accepted_until),
                    ACCEPTED_COLOUR,
                )
            )
        if card.needs_verification:
            badges.append((translate("Card", "needs verification"), VERIFY_COLOUR))
        if card.classification != "open":
            label = (
                translate("Card", "confidential")
                if card.classification == "confidential"
                else translate("Card", "internal")
            )
            badges.append((label, CLASSIFIED_COLOUR))
        x = inner.left()
        small = QFont(font)
        small.setPointSizeF(max(font.pointSizeF() * 0.9, 7))
        small_metrics = QFontMetrics(small)
        painter.setFont(small)
        # The due date at the right end of the row, under the days in the column: always
        # whole; the other badges share what is left of the row.
        limit = inner.right()
        if card.due_label:
            due = due_badge_rect(card, small_metrics, inner, y, line)
            colour = DUE_COLOURS.get(card.due_state)
            if colour is not None:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(colour))
                painter.drawRoundedRect(QRectF(due), 4, 4)
                painter.setPen(QColor("white"))
            else:
                painter.setPen(QPen(muted, 1))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(QRectF(due).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
                painter.setPen(text)
            painter.drawText(due, Qt.AlignmentFlag.AlignCenter, card.due_label)
            limit = due.left() - 4
        for label, colour in badges:
            room = limit - x
            if room < 40:
                break
            shown = small_metrics.elidedText(
                label, Qt.TextElideMode.ElideRight, min(room - 10, inner.width() // 2 + 40)
            )
            width = small_metrics.horizontalAdvance(shown) + 10
            badge = QRect(x, y + 1, width, line - 1)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(colour))
            painter.drawRoundedRect(QRectF(badge), 4, 4)
            painter.setPen(QColor("white"))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, shown)
            x += width + 4
        painter.restore()


def due_badge_rect(
    card: Card, small_metrics: QFontMetrics, inner: QRect, y: int, line: int
) -> QRect:
    """Where a card's due date badge goes: the right end of its badge row."""
    width = small_metrics.horizontalAdvance(card.due_label) + 10
    return QRect(inner.right() - width + 1, y + 1, width, line - 1)


def focus_ring_width(font: QFont) -> int:
    """The focus ring: at least 3 px (≥ 2 px required), thicker with a larger font."""
    return max(FOCUS_RING + 1, QFontMetrics(font).height() // 8)


_VOWELS = frozenset("aeiouyæøåéèäöüAEIOUYÆØÅÉÈÄÖÜ")


def _hyphen_at(word: str, metrics: QFontMetrics, width: int) -> int:
    """Where to split a word too long for ``width`` with a hyphen: the last place that fits
    after a joining s (Overførings-vurdering), after -er (Databehandler-avtale), else
    between syllables (Leverandør-vurdering, Databe-handling), else the last that fits."""
    fits = len(word) - 1
    while fits > 1 and metrics.horizontalAdvance(word[:fits] + "-") > width:
        fits -= 1
    cuts = [cut for cut in range(fits, 3, -1) if len(word) - cut >= 3]
    vowel = [letter in _VOWELS for letter in word]
    rules = (
        lambda c: (
            word[c - 1] == "s"
            and word[c - 2] != "s"  # Hendelses-øvelse
            and c >= 5
            and len(word) - c >= 4
        ),
        lambda c: (
            word[c - 2 : c] == "er"
            and vowel[c]  # Databehandler-avtale
            and c >= 8
            and len(word) - c >= 5
        ),
        lambda c: vowel[c - 2] and not vowel[c - 1] and not vowel[c] and vowel[c + 1],
        lambda c: vowel[c - 1] and not vowel[c] and vowel[c + 1],  # Ide-en
    )
    for rule in rules:
        for cut in cuts:
            if rule(cut):
                return cut
    return fits


def title_lines(text: str, metrics: QFontMetrics, first: int, rest: int) -> list[str]:
    """A title on at most two lines: the first ``first`` pixels wide (beside the rank and
    the score), the second ``rest`` wide; broken between words, the second line elided
    ("…") when the title goes on. A word too long for the first line is split with a
    hyphen rather than cut."""
    words = text.split()
    line = ""
    while words:
        candidate = f"{line} {words[0]}".strip()
        if metrics.horizontalAdvance(candidate) > first:
            break
        line = candidate
        words.pop(0)
    if not line and words:  # one long word (Norwegian compounds): split it
        word = words.pop(0)
        cut = _hyphen_at(word, metrics, first)
        line, words = word[:cut] + "-", [word[cut:], *words]
    if not words:
        return [line]
    second = metrics.elidedText(" ".join(words), Qt.TextElideMode.ElideRight, rest)
    return [line, second]
