"""The annual wheel window: the year's duties on the wheel, export for Outlook, due items."""

from __future__ import annotations

from datetime import date

import icalendar
from PySide6.QtCore import Qt

from kanban_sec.services.annual_wheel import AnnualWheel
from kanban_sec.services.session import Session
from kanban_sec.ui.wheel_dialog import AnnualWheelDialog


def test_the_wheel_shows_the_years_duties_and_exports_them(qtbot, db, live, tmp_path):
    wheel = AnnualWheel(Session(db, "tester"))
    dialog = AnnualWheelDialog(wheel, live, today=date(2026, 11, 28))
    qtbot.addWidget(dialog)
    dialog.show()
    entries = dialog.view.entries
    assert entries and {e.day.year for e in entries} == {2026}
    assert {e.status for e in entries} <= {"done", "open", "overdue", "planned", "skipped"}
    monthly = [e for e in entries if "sårbarhet" in e.title.casefold()]
    assert len({e.day.month for e in monthly}) == 12
    # Clicking a dot opens its activity.
    qtbot.waitExposed(dialog)
    dialog.view.grab()  # paints, placing the dots
    target = dialog.view._dots[-1]
    qtbot.mouseClick(dialog.view, Qt.MouseButton.LeftButton, pos=target[0].toPoint())
    assert target[1].title in dialog.detail.toPlainText()
    path = tmp_path / "arshjul.ics"
    assert dialog.export(path) == len(wheel.list_activities())
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    events = [c for c in calendar.walk() if c.name == "VEVENT"]
    assert len(events) == len(wheel.list_activities()) and all("RRULE" in e for e in events)
    dialog.year.setValue(2027)
    assert {e.day.year for e in dialog.view.entries} == {2027}
