"""The Estadísticas page's charts (S1): chats per period (stacked bars), response times per
period (lines), online time per period (bars), and the weekday x hour heatmap (painted: QtCharts
has no heatmap). Each shows what a report holds; the page hands them the report."""

from __future__ import annotations

import math

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from server import protocol as p

ANSWERED, MISSED, UNANSWERED = "#2fb36d", "#d9534f", "#9aa3a0"
MEDIAN, MEAN, P90 = "#1f7a5c", "#5b8def", "#e07b28"
MAX_CATEGORY_LABELS = 12


def _categories(report: p.StatsReport) -> list[str]:
    """Period labels: the day (or hour) part that differs, so they stay short."""
    hourly = any(len(x.label) > 10 for x in report.periods)
    return [x.label[5:16] if hourly else x.label for x in report.periods]


def _x_axis(report: p.StatsReport, title: str) -> QBarCategoryAxis:
    """Labels under each period when they fit; with many periods the axis title names the
    first and the last (a category axis would cut every label to "...")."""
    x = QBarCategoryAxis()
    labels = _categories(report)
    x.append(labels)
    few = len(labels) <= MAX_CATEGORY_LABELS
    x.setLabelsVisible(few)
    x.setTitleText(title if few or not labels else f"{title}: {labels[0]} – {labels[-1]}")
    return x


def _y_axis(top: float, title: str) -> QValueAxis:
    """Whole-number ticks from 0 (counts, seconds, hours)."""
    y = QValueAxis()
    high = max(1, math.ceil(top * 1.1))
    step = max(1, math.ceil(high / 5))
    y.setRange(0, step * math.ceil(high / step))
    y.setTickType(QValueAxis.TickType.TicksDynamic)
    y.setTickAnchor(0)
    y.setTickInterval(step)
    y.setLabelFormat("%d")
    y.setTitleText(title)
    return y


class _Chart(QChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(260)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._report: p.StatsReport | None = None
        self.setChart(QChart())

    def show_report(self, report: p.StatsReport | None) -> None:
        self._report = report
        chart = QChart()
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        if report is not None:
            self.fill(chart, report)
        old = self.chart()
        self.setChart(chart)
        if old is not None:
            old.deleteLater()

    def fill(self, chart: QChart, report: p.StatsReport) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.show_report(self._report)
        super().changeEvent(event)

    def _axes(
        self, chart: QChart, series: QBarSeries | QLineSeries | QStackedBarSeries,
        report: p.StatsReport, period: str, title: str, top: float,
    ) -> None:  # fmt: skip
        """``period``, ``title``: translated by the subclass (Qt's context is its class)."""
        x = _x_axis(report, period)
        y = _y_axis(top, title)
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x)
        series.attachAxis(y)


class ChatsChart(_Chart):
    """Chats per period: answered, missed, unanswered, stacked."""

    def fill(self, chart: QChart, report: p.StatsReport) -> None:
        chart.setTitle(self.tr("Chats per period"))
        series = QStackedBarSeries()
        top = 0.0
        for name, colour, get in (
            (self.tr("Answered"), ANSWERED, lambda f: f.answered),
            (self.tr("Missed"), MISSED, lambda f: f.missed),
            (self.tr("Unanswered"), UNANSWERED, lambda f: f.unanswered),
        ):
            bars = QBarSet(name)
            bars.setColor(QColor(colour))
            for period in report.periods:
                bars.append(get(period.figures))
            series.append(bars)
        for period in report.periods:
            top = max(top, float(period.figures.chats))
        chart.addSeries(series)
        self._axes(chart, series, report, self.tr("Period"), self.tr("Chats"), top)


class TimesChart(_Chart):
    """First response time per period: median, mean and p90, in seconds."""

    def fill(self, chart: QChart, report: p.StatsReport) -> None:
        chart.setTitle(self.tr("First response time per period"))
        top = 0.0
        lines = []
        for name, colour, get in (
            (self.tr("Median"), MEDIAN, lambda t: t.median),
            (self.tr("Mean"), MEAN, lambda t: t.mean),
            (self.tr("p90"), P90, lambda t: t.p90),
        ):
            line = QLineSeries()
            line.setName(name)
            line.setColor(QColor(colour))
            line.setPointsVisible(True)
            for n, period in enumerate(report.periods):
                value = get(period.figures.first_response)
                if value is not None:
                    line.append(n, value)
                    top = max(top, value)
            chart.addSeries(line)
            lines.append(line)
        x = _x_axis(report, self.tr("Period"))
        y = _y_axis(top, self.tr("Seconds"))
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        for line in lines:
            line.attachAxis(x)
            line.attachAxis(y)


class OnlineChart(_Chart):
    """Agents' online and away time per period, in hours."""

    def fill(self, chart: QChart, report: p.StatsReport) -> None:
        chart.setTitle(self.tr("Agents' time per period"))
        series = QBarSeries()
        top = 0.0
        for name, colour, get in (
            (self.tr("Online"), ANSWERED, lambda f: f.online_seconds),
            (self.tr("Away"), "#f2c230", lambda f: f.away_seconds),
        ):
            bars = QBarSet(name)
            bars.setColor(QColor(colour))
            for period in report.periods:
                hours = get(period.figures) / 3600
                bars.append(hours)
                top = max(top, hours)
            series.append(bars)
        chart.addSeries(series)
        self._axes(chart, series, report, self.tr("Period"), self.tr("Hours"), top)


class Heatmap(QWidget):
    """Chats started per weekday (rows, Monday first) and hour (columns), local time."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counts: list[list[int]] = [[0] * 24 for _ in range(7)]
        self.setMinimumSize(560, 240)

    def show_report(self, report: p.StatsReport | None) -> None:
        self.counts = report.heatmap if report is not None else [[0] * 24 for _ in range(7)]
        self.update()

    def day_names(self) -> list[str]:
        return [
            self.tr("Mon"),
            self.tr("Tue"),
            self.tr("Wed"),
            self.tr("Thu"),
            self.tr("Fri"),
            self.tr("Sat"),
            self.tr("Sun"),
        ]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        metrics = painter.fontMetrics()
        names = self.day_names()
        left = max(metrics.horizontalAdvance(n) for n in names) + 10
        top = metrics.height() * 2 + 6
        title = self.tr("Busiest hours: chats started per weekday and hour")
        painter.drawText(QRectF(0, 0, self.width(), metrics.height() + 2), title)
        width = (self.width() - left - 4) / 24
        height = (self.height() - top - 4) / 7
        peak = max((max(row) for row in self.counts), default=0) or 1
        for hour in range(24):
            if hour % 2 == 0:
                rect = QRectF(
                    left + hour * width, metrics.height() + 4, width * 2, metrics.height()
                )
                painter.drawText(rect, Qt.AlignmentFlag.AlignLeft, f"{hour:02d}")
        for day in range(7):
            rect = QRectF(0, top + day * height, left - 6, height)
            painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                             names[day])  # fmt: skip
            for hour in range(24):
                n = self.counts[day][hour] if day < len(self.counts) else 0
                shade = QColor(ANSWERED)
                shade.setAlphaF(0.08 + 0.92 * n / peak if n else 0.04)
                cell = QRectF(left + hour * width + 1, top + day * height + 1, width - 2,
                              height - 2)  # fmt: skip
                painter.fillRect(cell, shade)
                if n:
                    painter.drawText(cell, Qt.AlignmentFlag.AlignCenter, str(n))
        painter.end()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.update()
        super().changeEvent(event)
