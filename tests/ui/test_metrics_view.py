"""The Metrics view draws what the flow metrics compute, and saves charts as PNG."""

from __future__ import annotations

import sqlite3
from datetime import date

from PySide6.QtCharts import QAreaSeries, QBarSeries, QScatterSeries
from PySide6.QtGui import QImage

from kanban_sec.domain.model import Status
from kanban_sec.services.flow_metrics import FlowMetrics
from kanban_sec.services.session import Session
from kanban_sec.ui.metrics_view import MetricsView


def _dated(db_path, item_id: str, moments: list[str]) -> None:
    """Give the item's change records these times, oldest first (a history in the past)."""
    conn = sqlite3.connect(db_path)
    try:
        seqs = [
            r[0]
            for r in conn.execute(
                "SELECT seq FROM changes WHERE entity = 'item' AND row_id = ? ORDER BY seq",
                (item_id,),
            )
        ]
        for seq, moment in zip(seqs, moments, strict=False):
            conn.execute("UPDATE changes SET at = ? WHERE seq = ?", (moment, seq))
        conn.commit()
    finally:
        conn.close()


def test_charts_follow_the_range_and_filters_and_save_as_png(
    qtbot, service, live, db, db_path, tmp_path
):
    chain = next(iter(live.board.chains.values()))
    done = service.create_item("Ferdig i november", chain=chain.name).row_id
    service.move(done, Status.DOING)
    service.move(done, Status.DONE)
    _dated(
        db_path,
        done,
        [
            "2026-11-02T08:00:00.000000Z",
            "2026-11-04T08:00:00.000000Z",
            "2026-11-09T08:00:00.000000Z",
        ],
    )
    other = service.create_item("Uten kjede").row_id
    service.move(other, Status.DOING)
    service.move(other, Status.DONE)
    _dated(
        db_path,
        other,
        [
            "2026-11-01T08:00:00.000000Z",
            "2026-11-10T08:00:00.000000Z",
            "2026-11-20T08:00:00.000000Z",
        ],
    )
    live.reload()
    view = MetricsView(FlowMetrics(Session(db, "tester")), live, today=date(2026, 11, 28))
    qtbot.addWidget(view)
    view.show()
    report = view.report
    lead = {s.item_id: s.days for s in report.lead_time.samples}
    assert (lead[done], lead[other]) == (7.0, 19.0)
    finished = sum(week.count for week in report.throughput)
    assert finished >= 2 and f"{finished} done in the period" in view.summary.text()
    cfd = view.views["cfd"].chart()
    assert len([s for s in cfd.series() if isinstance(s, QAreaSeries)]) == 5
    assert any(isinstance(s, QBarSeries) for s in view.views["throughput"].chart().series())
    assert any(isinstance(s, QScatterSeries) for s in view.views["aging"].chart().series())

    view.chain_combo.setCurrentIndex(view.chain_combo.findData(chain.id))
    in_chain = {s.item_id for s in view.report.lead_time.samples}
    assert done in in_chain and other not in in_chain
    assert all(live.items[i].chain_id == chain.id for i in in_chain)

    target = tmp_path / "lead.png"
    assert view.save_png("lead", target)
    image = QImage(str(target))
    assert not image.isNull() and image.width() > 200
