"""Due dates on the cards: a badge, amber within a week, red and "overdue" once passed and
not done, in the window's language; said to a screen reader and in the side panel; and
never a reason to rank an item differently."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, QSettings, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QCheckBox, QDateEdit

from kanban_sec.domain import annual_wheel as wheel
from kanban_sec.domain.model import Status
from kanban_sec.services.annual_wheel import AnnualWheel
from kanban_sec.services.session import Session
from kanban_sec.store.database import open_database
from kanban_sec.ui import i18n
from kanban_sec.ui.board_model import CARD_ROLE
from kanban_sec.ui.card_delegate import DUE_SOON_COLOUR, OVERDUE_COLOUR
from kanban_sec.ui.item_dialog import ItemDialog

MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTHS_NB = (
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
)


@pytest.fixture(autouse=True)
def _english_first():
    """Start in English; the language is process-wide, so leave the next test in English."""
    QSettings().setValue("language", "en")
    yield
    if QApplication.instance() is not None:
        i18n.install("en")


def _wheel_item_due(db_path, day: date, title: str) -> str:
    """A recurring duty on the annual wheel with an occurrence on ``day``, its item put in
    the backlog as the wheel does; returns the item's id."""
    db = open_database(db_path, daily_backup=False)
    try:
        annual = AnnualWheel(Session(db, "Siri Lunde", "en"))
        activity = annual.add_activity(
            title, f"FREQ=YEARLY;BYMONTH={day.month};BYMONTHDAY={day.day}", day, lead_days=14
        ).row_id
        assert annual.generate_due(date.today()).counts["generated"] == 1
    finally:
        db.close()
    return wheel.item_id(activity, day)


def _index(window, item_id: str):
    model = window.board.model(Status.BACKLOG)
    row = model.row_of(item_id)
    assert row >= 0, "the wheel's item is in the backlog"
    return model.index(row, 0)


def _painted(qtbot, window, index, colour: str) -> int:
    """How many pixels of the card in ``colour`` (a badge's fill), as painted on screen."""
    view = window.board.view(Status.BACKLOG)
    view.scrollTo(index)
    QApplication.processEvents()
    whole = view.visualRect(index)
    rect = whole.intersected(view.viewport().rect())
    assert rect.height() == whole.height(), "the whole card is in sight"
    image = view.viewport().grab(rect).toImage()
    wanted = QColor(colour).rgb()
    return sum(
        image.pixel(x, y) == wanted for y in range(image.height()) for x in range(image.width())
    )


def _short(day: date, months: tuple[str, ...], nb: bool) -> str:
    text = f"{day.day}.{day.month}." if nb else f"{day.day} {months[day.month - 1]}"
    if day.year != date.today().year:
        text += str(day.year) if nb else f" {day.year}"
    return text


def test_an_overdue_wheel_duty_shows_red_and_a_due_soon_one_amber(qtbot, window_as, db_path):
    today = date.today()
    late_day, soon_day = today - timedelta(days=1), today + timedelta(days=3)
    late = _wheel_item_due(db_path, late_day, "Brannvernrunde")
    soon = _wheel_item_due(db_path, soon_day, "Kontroll av nødstrøm")
    window = window_as("Siri Lunde")
    late_index, soon_index = _index(window, late), _index(window, soon)

    card = late_index.data(CARD_ROLE)
    assert card.due_state == "overdue"
    assert card.due_label == f"overdue {_short(late_day, MONTHS_EN, False)}"
    spoken = late_index.data(Qt.ItemDataRole.AccessibleTextRole)
    assert "overdue since " in spoken and spoken.endswith(card.title)
    assert _painted(qtbot, window, late_index, OVERDUE_COLOUR) > 150  # a red badge
    assert _painted(qtbot, window, late_index, DUE_SOON_COLOUR) == 0

    card = soon_index.data(CARD_ROLE)
    assert card.due_state == "soon"
    assert card.due_label == f"due {_short(soon_day, MONTHS_EN, False)}"
    assert _painted(qtbot, window, soon_index, DUE_SOON_COLOUR) > 150  # an amber badge
    assert _painted(qtbot, window, soon_index, OVERDUE_COLOUR) == 0

    # The side panel says it too.
    window.board.select_item(late)
    QApplication.processEvents()
    detail = window.detail.toPlainText()
    assert "Due date:" in detail and "overdue" in detail
    window.board.select_item(soon)
    QApplication.processEvents()
    assert "within a week" in window.detail.toPlainText()

    # In Norwegian: "forfalt" and "frist", the date as Norwegians write it.
    window.language_actions["nb"].trigger()
    qtbot.waitUntil(lambda: i18n.current_language() == "nb")
    QApplication.processEvents()
    card = _index(window, late).data(CARD_ROLE)
    assert card.due_label == f"forfalt {_short(late_day, MONTHS_NB, True)}"
    assert f"forfalt siden {late_day.day}. {MONTHS_NB[late_day.month - 1]}" in _index(
        window, late
    ).data(Qt.ItemDataRole.AccessibleTextRole)
    assert (
        _index(window, soon).data(CARD_ROLE).due_label
        == f"frist {_short(soon_day, MONTHS_NB, True)}"
    )
    window.board.select_item(late)
    QApplication.processEvents()
    detail = window.detail.toPlainText()
    assert "Frist:" in detail and "forfalt" in detail


def test_an_item_far_from_its_due_date_has_a_quiet_badge_and_done_work_is_never_late(window_as):
    window = window_as("Siri Lunde")
    cards = [
        window.board.model(status).card(row)
        for status in (Status.BACKLOG, Status.NEXT, Status.DOING, Status.VERIFY, Status.DONE)
        for row in range(window.board.model(status).rowCount())
    ]
    assert any(c.due_state == "later" and c.due_label.startswith("due ") for c in cards)
    done = [c for c in cards if c.rank is None and not c.accepted_until]
    # The example's wheel: this year's duties that came due are done, dated, never late.
    assert done and all(c.due_state in ("", "later") for c in done)


def test_a_due_date_set_in_the_past_marks_the_card_overdue_but_never_moves_it(qtbot, window_as):
    window = window_as("Astrid Myklebust")
    ranking = {i: r.rank for i, r in window.live.ranking.items()}
    model = window.board.model(Status.BACKLOG)
    # A ranked item below the top, with no due date.
    target = next(
        model.ids()[row]
        for row in range(3, model.rowCount())
        if window.live.items[model.ids()[row]].due_date is None
    )
    row = model.row_of(target)
    window.edit_item(target)
    dialog = next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, ItemDialog) and w.isVisible()
    )
    yesterday = date.today() - timedelta(days=1)
    dialog.findChild(QCheckBox, "item-no-due-date").setChecked(False)
    dialog.findChild(QDateEdit, "item-due-date").setDate(
        QDate(yesterday.year, yesterday.month, yesterday.day)
    )
    dialog.accept()
    qtbot.waitUntil(lambda: window.live.items[target].due_date == yesterday)
    QApplication.processEvents()
    assert model.index(model.row_of(target), 0).data(CARD_ROLE).due_state == "overdue"
    # Same place, same rank for every item: a due date is a badge, not a ranking field.
    assert model.row_of(target) == row
    assert {i: r.rank for i, r in window.live.ranking.items()} == ranking
