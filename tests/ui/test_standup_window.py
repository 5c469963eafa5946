"""Standup mode: walked right to left, decisions recorded, a report in three formats."""

from __future__ import annotations

from pypdf import PdfReader

from kanban_sec.domain.model import Status
from kanban_sec.services.session import Session
from kanban_sec.services.standup import StandupService
from kanban_sec.ui.standup_window import StandupWindow

ORDER = [Status.VERIFY, Status.DOING, Status.NEXT]


def test_a_standup_walks_right_to_left_records_and_reports(qtbot, db, service, live, tmp_path):
    standups = StandupService(Session(db, "tester"))
    window = StandupWindow(standups, live)
    qtbot.addWidget(window)
    window.show()
    window.attendees.item(0).setCheckState(window.attendees.item(0).checkState().Checked)
    window.start()
    assert window.pages.currentIndex() == 1 and window.standup_id is not None
    seen = []
    for _ in range(len(window.order)):
        seen.append(live.items[window.current_item()].status)
        window.step(1)
    assert seen == sorted(seen, key=ORDER.index)  # verify, then doing, then next
    assert seen[0] is Status.VERIFY and Status.BACKLOG not in seen

    window.position = 0
    window.show_position()
    first = window.current_item()
    window.note.setText("Vi godkjenner risikoen til neste uke; Åse følger opp")
    window.record(decision=True)
    notes = standups.get(window.standup_id).notes
    assert [(n.kind.value, n.item_id) for n in notes] == [("decision", first)]
    assert any("Åse følger opp" in c.body for c in service.comments(first))

    window.end()
    assert standups.get(window.standup_id).ended_at is not None
    title = live.items[first].title
    for suffix in (".md", ".html", ".pdf"):
        path = window.save_report(tmp_path / f"standup{suffix}")
        assert path.exists() and path.stat().st_size > 0
    assert "Åse følger opp" in (tmp_path / "standup.md").read_text(encoding="utf-8")
    assert "Åse følger opp" in (tmp_path / "standup.html").read_text(encoding="utf-8")
    pdf = PdfReader(tmp_path / "standup.pdf")
    words = " ".join(" ".join(page.extract_text().split()) for page in pdf.pages)
    assert "Åse følger opp" in words and " ".join(title.split()[:2]) in words


def test_column_at_a_time_jumps_whole_columns(qtbot, db, live):
    window = StandupWindow(StandupService(Session(db, "tester")), live)
    qtbot.addWidget(window)
    window.by_column.setChecked(True)
    window.start()
    statuses = []
    for _ in range(3):
        statuses.append(live.items[window.current_item()].status)
        window.step(1)
    assert statuses == ORDER


def test_confidential_items_are_masked_unless_included_and_the_choice_is_recorded(
    qtbot, db, service, live, tmp_path
):
    from kanban_sec.store.unit_of_work import reading

    secret = next(
        i
        for i in live.items.values()
        if i.classification.value == "confidential" and i.status is Status.NEXT
    )
    BoardService = type(service)
    BoardService(Session(db, "Henrik Dahl", "en")).move(secret.id, Status.DOING)
    live.reload()
    window = StandupWindow(StandupService(Session(db, "tester")), live)
    qtbot.addWidget(window)
    window.show()
    window.start()
    window.end()
    shown = window.report_view.toPlainText()
    assert secret.title not in shown and "Confidential item …" in shown
    masked = window.save_report(tmp_path / "masked.md").read_text(encoding="utf-8")
    assert secret.title not in masked
    window.include_confidential.setChecked(True)
    assert secret.title in window.report_view.toPlainText()
    full = window.save_report(tmp_path / "full.md").read_text(encoding="utf-8")
    assert secret.title in full
    with reading(db) as reader:
        recorded = reader.conn.exec_driver_sql(
            "SELECT path, confidential FROM transfers WHERE kind = 'report' ORDER BY created_at"
        ).all()
    assert [(p.rsplit("/", 1)[-1], c) for p, c in recorded] == [("masked.md", 0), ("full.md", 1)]
