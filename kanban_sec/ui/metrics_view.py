"""The Metrics view: does work flow? Cumulative flow, lead and cycle time, throughput, WIP
and aging WIP, drawn with QtCharts; each chart can be saved as PNG."""

from __future__ import annotations

import math
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCharts import (
    QAreaSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QDateTimeAxis,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, QDateTime, QEvent, QLocale, QMargins, Qt, QTime
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kanban_sec.domain.flow import Scope, TimeDistribution
from kanban_sec.domain.model import Status
from kanban_sec.services.flow_metrics import FlowMetrics, FlowReport
from kanban_sec.services.live_board import LiveBoard
from kanban_sec.ui.board_widget import status_name

STATUS_COLOURS = {
    Status.BACKLOG: "#90a4ae",
    Status.NEXT: "#64b5f6",
    Status.DOING: "#ffb74d",
    Status.VERIFY: "#ba68c8",
    Status.DONE: "#81c784",
}
_ANY = "__any__"


def _msecs(day: date) -> float:
    return float(QDateTime(QDate(day.year, day.month, day.day), QTime(12, 0)).toMSecsSinceEpoch())


class MetricsView(QDialog):
    """Flow metrics for a date range, optionally for one chain or one owner unit."""

    def __init__(
        self,
        metrics: FlowMetrics,
        live: LiveBoard,
        parent: QWidget | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("metrics-view")
        self.metrics = metrics
        self.live = live
        self.today = today or datetime.now(UTC).date()
        self.report: FlowReport | None = None

        self.start_edit = QDateEdit()
        self.start_edit.setObjectName("metrics-start")
        self.end_edit = QDateEdit()
        self.end_edit.setObjectName("metrics-end")
        for edit in (self.start_edit, self.end_edit):
            edit.setCalendarPopup(True)
        start = self.today - timedelta(days=90)
        self.start_edit.setDate(QDate(start.year, start.month, start.day))
        self.end_edit.setDate(QDate(self.today.year, self.today.month, self.today.day))
        self.chain_combo = QComboBox()
        self.chain_combo.setObjectName("metrics-chain")
        self.chain_combo.addItem("", _ANY)
        for chain in sorted(live.board.chains.values(), key=lambda c: c.name.casefold()):
            self.chain_combo.addItem(chain.name, chain.id)
        self.unit_combo = QComboBox()
        self.unit_combo.setObjectName("metrics-unit")
        self.unit_combo.addItem("", _ANY)
        for unit_id in sorted(live.board.units, key=lambda u: live.unit_path(u).casefold()):
            self.unit_combo.addItem(live.unit_path(unit_id), unit_id)
        self.unit_combo.setMaximumWidth(320)
        for widget in (self.start_edit, self.end_edit):
            widget.dateChanged.connect(self.refresh)
        for combo in (self.chain_combo, self.unit_combo):
            combo.currentIndexChanged.connect(self.refresh)

        bar = QHBoxLayout()
        self.labels = [QLabel() for _ in range(4)]
        for label, field in zip(
            self.labels,
            (self.start_edit, self.end_edit, self.chain_combo, self.unit_combo),
            strict=True,
        ):
            bar.addWidget(label)
            bar.addWidget(field)
        bar.addStretch(1)

        self.views: dict[str, QChartView] = {}
        self.tabs = QTabWidget()
        self.saves: list[QPushButton] = []
        for key in ("cfd", "lead", "cycle", "throughput", "wip", "aging"):
            view = QChartView()
            view.setObjectName(f"chart-{key}")
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            self.views[key] = view
            page = QWidget()
            layout = QVBoxLayout(page)
            layout.addWidget(view, 1)
            save = QPushButton()
            save.setObjectName(f"save-{key}")
            self.saves.append(save)
            save.clicked.connect(lambda _=False, k=key: self._ask_and_save(k))
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(save)
            layout.addLayout(row)
            self.tabs.addTab(page, "")
        self.summary = QLabel()
        self.summary.setObjectName("metrics-summary")
        self.summary.setWordWrap(True)

        grid = QGridLayout(self)
        grid.addLayout(bar, 0, 0)
        grid.addWidget(self.summary, 1, 0)
        grid.addWidget(self.tabs, 2, 0)
        grid.setRowStretch(2, 1)
        self.resize(1100, 720)
        self.retranslate()

    def retranslate(self) -> None:
        """Every text in the window's language, the charts drawn again (also after a switch)."""
        self.setLocale(QLocale())  # dates and decimals as the language writes them
        for edit in (self.start_edit, self.end_edit):
            edit.setDisplayFormat(QLocale().dateFormat(QLocale.FormatType.ShortFormat))
        self.setWindowTitle(self.tr("Flow metrics"))
        self.chain_combo.setItemText(0, self.tr("All chains"))
        self.unit_combo.setItemText(0, self.tr("All owner units"))
        for label, text in zip(
            self.labels,
            (self.tr("From"), self.tr("to"), self.tr("Chain"), self.tr("Owner unit")),
            strict=True,
        ):
            label.setText(text)
        for index, title in enumerate(
            (
                self.tr("Cumulative flow"),
                self.tr("Lead time"),
                self.tr("Cycle time"),
                self.tr("Throughput"),
                self.tr("WIP"),
                self.tr("Aging WIP"),
            )
        ):
            self.tabs.setTabText(index, title)
        for save in self.saves:
            save.setText(self.tr("Save as PNG…"))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- data --------------------------------------------------------------------------
    def scope(self) -> Scope:
        chain = self.chain_combo.currentData()
        unit = self.unit_combo.currentData()
        units = None if unit in (None, _ANY) else set(self.live.tree.subtree(unit))
        return Scope.of(chain_ids=None if chain in (None, _ANY) else {chain}, owner_unit_ids=units)

    def refresh(self, *_: object) -> None:
        start: date = self.start_edit.date().toPython()  # type: ignore[assignment]
        end: date = self.end_edit.date().toPython()  # type: ignore[assignment]
        if end < start:
            start, end = end, start
        self.report = self.metrics.report(start, end, self.scope())
        report = self.report
        self.views["cfd"].setChart(self._cfd_chart(report))
        self.views["lead"].setChart(
            self._distribution_chart(report.lead_time, self.tr("Lead time (days)"))
        )
        self.views["cycle"].setChart(
            self._distribution_chart(report.cycle_time, self.tr("Cycle time (days)"))
        )
        self.views["throughput"].setChart(self._throughput_chart(report))
        self.views["wip"].setChart(self._wip_chart(report))
        self.views["aging"].setChart(self._aging_chart(report))
        locale = self.locale()

        def days(value: float | None) -> str:
            return "–" if value is None else locale.toString(value, "f", 1)

        lead, cycle = report.lead_time, report.cycle_time
        done = sum(week.count for week in report.throughput)
        self.summary.setText(
            self.tr(
                "%1 done in the period · lead time p50/p85/p95: %2 / %3 / %4 days · cycle time "
                "p50/p85/p95: %5 / %6 / %7 days · %8 items in progress now"
            )
            .replace("%1", str(done))
            .replace("%2", days(lead.p50))
            .replace("%3", days(lead.p85))
            .replace("%4", days(lead.p95))
            .replace("%5", days(cycle.p50))
            .replace("%6", days(cycle.p85))
            .replace("%7", days(cycle.p95))
            .replace("%8", str(len(report.aging)))
        )

    # -- charts ------------------------------------------------------------------------
    def _chart(self, title: str) -> QChart:
        chart = QChart()
        chart.setTitle(title)
        chart.setMargins(QMargins(6, 6, 6, 6))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        return chart

    def _date_axis(self, chart: QChart) -> QDateTimeAxis:
        axis = QDateTimeAxis()
        axis.setFormat(self.locale().dateFormat(self.locale().FormatType.ShortFormat))
        axis.setTickCount(7)
        chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
        return axis

    def _value_axis(self, chart: QChart, title: str, top: float) -> QValueAxis:
        """A count axis: whole numbers only, at a readable step."""
        axis = QValueAxis()
        axis.setTitleText(title)
        step = max(1, math.ceil(max(top, 1) / 6))
        axis.setRange(0, step * math.ceil(max(top, 1) / step))
        axis.setTickType(QValueAxis.TickType.TicksDynamic)
        axis.setTickAnchor(0)
        axis.setTickInterval(step)
        axis.setLabelFormat("%d")
        chart.addAxis(axis, Qt.AlignmentFlag.AlignLeft)
        return axis

    def _cfd_chart(self, report: FlowReport) -> QChart:
        chart = self._chart(self.tr("Cumulative flow"))
        x_axis = self._date_axis(chart)
        lower = None
        top = 0
        # An area series only points at its boundary lines: they must outlive the chart.
        self._boundaries: list[QLineSeries] = []
        # Stacked from done at the bottom up to backlog, as flow diagrams are read.
        for status in reversed(list(Status)):
            upper = QLineSeries()
            for day in report.cfd:
                below = sum(
                    day.counts[s]
                    for s in Status
                    if list(Status).index(s) > list(Status).index(status)
                )
                value = below + day.counts[status]
                top = max(top, value)
                upper.append(_msecs(day.day), value)
            self._boundaries.append(upper)
            area = QAreaSeries(upper, lower) if lower is not None else QAreaSeries(upper)
            area.setName(status_name(status))
            area.setColor(QColor(STATUS_COLOURS[status]))
            area.setBorderColor(QColor(STATUS_COLOURS[status]).darker(130))
            chart.addSeries(area)
            area.attachAxis(x_axis)
            lower = upper
        y_axis = self._value_axis(chart, self.tr("Items"), top)
        for shown in chart.series():
            shown.attachAxis(y_axis)
        return chart

    def _distribution_chart(self, distribution: TimeDistribution, title: str) -> QChart:
        chart = self._chart(title)
        # About a dozen bins of whole days, so a long tail stays readable.
        longest = max(distribution.days, default=0.0)
        size = max(1, math.ceil((longest + 1) / 12))
        width = int(longest // size) + 1
        counts = [0] * width
        for value in distribution.days:
            counts[int(value // size)] += 1
        bars = QBarSet(self.tr("Items"))
        bars.append([float(c) for c in counts])
        bars.setColor(QColor("#64b5f6"))
        series = QBarSeries()
        series.append(bars)
        series.setBarWidth(0.9)
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append(
            [
                str(n * size) if size == 1 else f"{n * size}–{(n + 1) * size - 1}"
                for n in range(width)
            ]
        )
        categories.setTitleText(self.tr("Days"))
        chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(categories)
        y_axis = self._value_axis(chart, self.tr("Items"), max(counts, default=0))
        series.attachAxis(y_axis)
        for p, mark in (
            ("50", distribution.p50),
            ("85", distribution.p85),
            ("95", distribution.p95),
        ):
            if mark is None:
                continue
            marker = QLineSeries()
            marker.setName(f"p{p}: {self.locale().toString(mark, 'f', 1)}")
            marker.append(mark / size - 0.5 + 0.5 / size, 0)
            marker.append(mark / size - 0.5 + 0.5 / size, max(counts, default=1))
            chart.addSeries(marker)
            marker.attachAxis(y_axis)
            hidden_x = QValueAxis()
            hidden_x.setRange(-0.5, width - 0.5)
            hidden_x.setVisible(False)
            chart.addAxis(hidden_x, Qt.AlignmentFlag.AlignBottom)
            marker.attachAxis(hidden_x)
        return chart

    def _throughput_chart(self, report: FlowReport) -> QChart:
        chart = self._chart(self.tr("Throughput per week"))
        bars = QBarSet(self.tr("Done"))
        bars.append([float(week.count) for week in report.throughput])
        bars.setColor(QColor(STATUS_COLOURS[Status.DONE]))
        series = QBarSeries()
        series.append(bars)
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append(
            [self.tr("w%1").replace("%1", str(week.week)) for week in report.throughput] or ["–"]
        )
        chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(categories)
        y_axis = self._value_axis(
            chart, self.tr("Items"), max((w.count for w in report.throughput), default=0)
        )
        series.attachAxis(y_axis)
        return chart

    def _wip_chart(self, report: FlowReport) -> QChart:
        chart = self._chart(self.tr("Work in progress (next, doing, verify)"))
        series = QLineSeries()
        series.setName(self.tr("In progress"))
        for day in report.wip:
            series.append(_msecs(day.day), day.count)
        chart.addSeries(series)
        series.attachAxis(self._date_axis(chart))
        series.attachAxis(
            self._value_axis(chart, self.tr("Items"), max((d.count for d in report.wip), default=0))
        )
        return chart

    def _aging_chart(self, report: FlowReport) -> QChart:
        chart = self._chart(self.tr("Aging WIP: days in the current column"))
        columns = [Status.NEXT, Status.DOING, Status.VERIFY]
        top = 0.0
        x_axis = QValueAxis()
        x_axis.setRange(-0.5, len(columns) - 0.5)
        x_axis.setTickCount(len(columns) + 1)
        x_axis.setLabelsVisible(False)
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        for position, status in enumerate(columns):
            series = QScatterSeries()
            series.setName(status_name(status))
            series.setColor(QColor(STATUS_COLOURS[status]))
            series.setMarkerSize(9)
            ages = [a for a in report.aging if a.status is status]
            for number, item in enumerate(ages):
                # Spread equal ages sideways a little, so each item shows.
                offset = ((number % 7) - 3) * 0.05
                series.append(position + offset, item.in_column_days)
                top = max(top, item.in_column_days)
            chart.addSeries(series)
            series.attachAxis(x_axis)
        y_axis = self._value_axis(chart, self.tr("Days in column"), top)
        for shown in chart.series():
            shown.attachAxis(y_axis)
        return chart

    # -- saving ------------------------------------------------------------------------
    def save_png(self, key: str, path: str | Path) -> bool:
        """Save one chart as a PNG file."""
        return bool(self.views[key].grab().save(str(path), "PNG"))

    def _ask_and_save(self, key: str) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save chart"), f"{key}.png", self.tr("PNG images (*.png)")
        )
        if path:
            self.save_png(key, path)


def oslo() -> ZoneInfo:
    """Days end at midnight where the team works."""
    return ZoneInfo("Europe/Oslo")
