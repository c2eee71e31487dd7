"""Estadísticas (S1): the figures of a date range per channel and per agent, computed on the
relay (docs/statistics.md). Summary cards with each figure's definition as a tooltip, charts
per period and the weekday x hour heatmap, a per-agent table, a per-chat table whose rows open
the chat in the archive, and CSV exports (one row per chat; one row per period of the chart
shown). Admins see everything; an agent sees the team totals and their own figures."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from jivo_desktop.services.statistics import StatisticsService, StatsQuery, chart_csv, chats_csv
from jivo_desktop.services.team import TeamService
from jivo_desktop.ui.common.plain import PlainLabel
from jivo_desktop.ui.statistics.charts import ChatsChart, Heatmap, OnlineChart, TimesChart
from server import protocol as p

GROUPS = ("hour", "day", "week", "month")
CARDS = (
    "chats", "answered", "missed", "offline", "transfers",
    "first_response", "reaction", "duration", "invitations", "online",
)  # fmt: skip
CHART_TABS = ("chats", "times", "time_online", "heatmap")


def local_text(ts: float, zone: str) -> str:
    """A time in the account's time zone, as the figures count it."""
    try:
        tz = ZoneInfo(zone)
    except (ValueError, KeyError):
        tz = ZoneInfo("UTC")
    return dt.datetime.fromtimestamp(ts, tz).strftime("%Y-%m-%d %H:%M")


def duration_text(seconds: float | None, units: tuple[str, str, str] | None = None) -> str:
    """Seconds as "42 s", "3 min 05 s", "2 h 07 min"; ``units``: those three patterns in the
    app's language (StatisticsPage.units)."""
    if seconds is None:
        return "–"
    sec, minutes, hours = units or ("{0} s", "{0} min {1} s", "{0} h {1} min")
    seconds = round(seconds)
    if seconds < 60:
        return sec.format(seconds)
    if seconds < 3600:
        return minutes.format(seconds // 60, f"{seconds % 60:02d}")
    return hours.format(seconds // 3600, f"{seconds % 3600 // 60:02d}")


class Card(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StatsCard")
        self.setStyleSheet(
            "QFrame#StatsCard { background: #f6f8f7; border: 1px solid #e3e8e6;"
            " border-radius: 8px; }"
        )
        self.title = PlainLabel()
        self.title.setObjectName("FieldLabel")
        self.title.setWordWrap(True)
        self.value = PlainLabel()
        self.value.setStyleSheet("font-size: 20px; font-weight: 600;")
        self.detail = PlainLabel()
        self.detail.setObjectName("FieldLabel")
        self.detail.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)
        layout.addStretch(1)


class StatisticsPage(QWidget):
    """Signals: ``chat_requested(int)``: open this chat in the archive."""

    chat_requested = Signal(int)

    def __init__(
        self, stats: StatisticsService, team: TeamService | None = None,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.stats = stats
        self.team = team
        self._loaded = False
        self.heading = PlainLabel()
        self.heading.setStyleSheet("font-size: 20px; font-weight: 600;")
        self.zone = PlainLabel()
        self.zone.setObjectName("FieldLabel")
        self.date_from = QDateEdit()
        self.date_to = QDateEdit()
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        today = QDate.currentDate()
        self.date_from.setDate(today.addDays(-29))
        self.date_to.setDate(today)
        self.from_label, self.to_label = PlainLabel(), PlainLabel()
        self.group = QComboBox()
        self.group.addItems(["", "", "", ""])
        self.group.setCurrentIndex(GROUPS.index("day"))
        self.working = QCheckBox()
        self.agent = QComboBox()
        self.site = QComboBox()
        self.department = QComboBox()
        for combo in (self.group, self.agent, self.site, self.department):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.show_button = QPushButton()
        self.show_button.setObjectName("Primary")
        self.show_button.clicked.connect(self._on_show_button_clicked)
        self.export_chats_button = QPushButton()
        self.export_chats_button.clicked.connect(self._on_export_chats_button_clicked)
        self.export_chart_button = QPushButton()
        self.export_chart_button.clicked.connect(self._on_export_chart_button_clicked)
        self.problem = PlainLabel()
        self.problem.setObjectName("Problem")
        self.problem.setWordWrap(True)
        self.problem.hide()

        filters = QHBoxLayout()
        for widget in (self.from_label, self.date_from, self.to_label, self.date_to, self.group,
                       self.agent, self.working):  # fmt: skip
            filters.addWidget(widget)
        filters.addStretch(1)
        actions = QHBoxLayout()
        actions.addWidget(self.show_button)
        actions.addWidget(self.site)
        actions.addWidget(self.department)
        actions.addStretch(1)
        actions.addWidget(self.export_chats_button)
        actions.addWidget(self.export_chart_button)

        self.cards = {name: Card() for name in CARDS}
        grid = QGridLayout()
        grid.setSpacing(8)
        for n, name in enumerate(CARDS):
            grid.addWidget(self.cards[name], n // 5, n % 5)

        self.chats_chart, self.times_chart = ChatsChart(), TimesChart()
        self.online_chart, self.heatmap = OnlineChart(), Heatmap()
        self.agents_table = QTableWidget(0, 8)
        self.chats_table = QTableWidget(0, 9)
        for table in (self.agents_table, self.chats_table):
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
            table.verticalHeader().hide()
            table.horizontalHeader().setStretchLastSection(True)
        self.chats_table.cellDoubleClicked.connect(self._on_chats_table_cell_double_clicked)
        self.tabs = QTabWidget()
        shown: tuple[QWidget, ...] = (
            self.chats_chart, self.times_chart, self.online_chart, self.heatmap,
            self.agents_table, self.chats_table,
        )  # fmt: skip
        for tab in shown:
            self.tabs.addTab(tab, "")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(8)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.zone)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(self.problem)
        layout.addLayout(grid)
        layout.addWidget(self.tabs, 1)

        stats.report_changed.connect(self._on_stats_report_changed)
        stats.problem.connect(self._on_stats_problem)
        if team is not None:
            team.changed.connect(self._fill_agents)
        self.retranslate()

    # -------------------------------------------------------------- texts (G6)

    def definitions(self) -> dict[str, str]:
        """Each card's definition (docs/statistics.md), shown as its tooltip."""
        return {
            "chats": self.tr("Chats started in the range (by the visitor's first message)."),
            "answered": self.tr("Chats an agent accepted."),
            "missed": self.tr(
                "Chats nobody took after the full ignore ladder: the visitor got the offline form."
            ),
            "offline": self.tr("Messages visitors left in the offline form."),
            "transfers": self.tr("Transfers a colleague accepted."),
            "first_response": self.tr(
                "First agent message minus the visitor's first message, credited to the agent "
                "who sent it. Median; mean and p90 (90% of chats were answered faster) below."
            ),
            "reaction": self.tr("From the offer to the agent's Accept. Median; mean and p90."),
            "duration": self.tr(
                "From the visitor's first message to the close, for answered chats that closed."
            ),
            "invitations": self.tr("Invitations answered / sent (conversion)."),
            "online": self.tr("Time agents were online; away time below."),
        }

    def titles(self) -> dict[str, str]:
        return {
            "chats": self.tr("Chats"),
            "answered": self.tr("Answered"),
            "missed": self.tr("Missed"),
            "offline": self.tr("Offline messages"),
            "transfers": self.tr("Transfers"),
            "first_response": self.tr("First response"),
            "reaction": self.tr("Reaction time"),
            "duration": self.tr("Chat duration"),
            "invitations": self.tr("Invitations"),
            "online": self.tr("Online time"),
        }

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Statistics"))
        self.from_label.setText(self.tr("From"))
        self.to_label.setText(self.tr("to"))
        for n, text in enumerate(
            (self.tr("By hour"), self.tr("By day"), self.tr("By week"), self.tr("By month"))
        ):
            self.group.setItemText(n, text)
        self.working.setText(self.tr("Working hours only"))
        self.show_button.setText(self.tr("Show"))
        self.export_chats_button.setText(self.tr("Export chats (CSV)"))
        self.export_chart_button.setText(self.tr("Export chart (CSV)"))
        titles, definitions = self.titles(), self.definitions()
        for name, card in self.cards.items():
            card.title.setText(titles[name])
            card.setToolTip(definitions[name])
        for n, text in enumerate(
            (self.tr("Chats"), self.tr("Response times"), self.tr("Agents' time"),
             self.tr("Busiest hours"), self.tr("Agents"), self.tr("Chats list"))
        ):  # fmt: skip
            self.tabs.setTabText(n, text)
        self.agents_table.setHorizontalHeaderLabels(
            [self.tr("Agent"), self.tr("Chats"), self.tr("First response"),
             self.tr("Reaction time"), self.tr("Transfers"), self.tr("Ignored"),
             self.tr("Online"), self.tr("Away")]
        )  # fmt: skip
        self.chats_table.setHorizontalHeaderLabels(
            [self.tr("Chat"), self.tr("Started"), self.tr("Outcome"), self.tr("Agent"),
             self.tr("First response"), self.tr("Reaction time"), self.tr("Duration"),
             self.tr("Messages"), self.tr("Transfers")]
        )  # fmt: skip
        self._fill_agents()
        self._fill_filters(self.stats.report)
        self._show(self.stats.report)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def duration(self, seconds: float | None) -> str:
        return duration_text(
            seconds, (self.tr("{0} s"), self.tr("{0} min {1} s"), self.tr("{0} h {1} min"))
        )

    def outcome_text(self, outcome: str) -> str:
        return {
            "answered": self.tr("answered"),
            "missed": self.tr("missed"),
            "unanswered": self.tr("unanswered"),
            "waiting": self.tr("waiting"),
        }.get(outcome, outcome)

    # -------------------------------------------------------------- filling

    def _fill_agents(self) -> None:
        chosen = self.agent.currentData()
        self.agent.blockSignals(True)
        self.agent.clear()
        if self.stats.is_admin:
            self.agent.addItem(self.tr("All agents"), None)
            agents = self.team.ordered() if self.team is not None else []
            for agent in sorted(agents, key=lambda a: a.name.lower()):
                self.agent.addItem(agent.name, agent.id)
        else:
            me = self.stats.session.agent
            self.agent.addItem(self.tr("Team totals"), None)
            if me is not None:
                self.agent.addItem(self.tr("Only me"), me.id)
        found = self.agent.findData(chosen)
        self.agent.setCurrentIndex(max(0, found))
        self.agent.blockSignals(False)

    def _fill_filters(self, report: p.StatsReport | None) -> None:
        """Channels and departments as the relay listed them with the last report."""
        for combo, everything, refs in (
            (self.site, self.tr("All channels"), report.sites if report else []),
            (self.department, self.tr("All departments"), report.departments if report else []),
        ):
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for ref in refs:
                combo.addItem(ref.name, ref.id)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.blockSignals(False)
        self.department.setVisible(bool(report and report.departments))

    def query(self) -> StatsQuery:
        return StatsQuery(
            date_from=self.date_from.date().toString("yyyy-MM-dd"),
            date_to=self.date_to.date().toString("yyyy-MM-dd"),
            group=GROUPS[self.group.currentIndex()],
            working_hours=self.working.isChecked(),
            agent_id=self.agent.currentData(),
            site_id=self.site.currentData(),
            department_id=self.department.currentData(),
        )

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        if not self._loaded:
            self._loaded = True
            self._fill_agents()
            self.stats.load(self.query())

    def _show(self, report: p.StatsReport | None) -> None:
        names = {a.agent_id: a.name for a in report.agents} if report else {}
        if self.team is not None:
            names = {**{a.id: a.name for a in self.team.agents.values()}, **names}
        s = report.summary if report is not None else p.Figures()
        self.zone.setText(
            self.tr("Time zone: {0}").format(report.timezone) if report is not None else ""
        )
        values = {
            "chats": (str(s.chats), ""),
            "answered": (str(s.answered), ""),
            "missed": (str(s.missed), ""),
            "offline": (str(s.offline_messages), ""),
            "transfers": (str(s.transfers), ""),
            "invitations": (
                "–" if s.conversion is None else f"{s.conversion:.0%}",
                self.tr("{0} answered of {1}").format(s.invitations_answered, s.invitations_sent),
            ),
            "online": (
                self.duration(s.online_seconds),
                self.tr("away {0}").format(self.duration(s.away_seconds)),
            ),
        }
        for name, figure in (
            ("first_response", s.first_response),
            ("reaction", s.reaction),
            ("duration", s.duration),
        ):
            values[name] = (
                self.duration(figure.median),
                self.tr("mean {0} · p90 {1}").format(
                    self.duration(figure.mean), self.duration(figure.p90)
                ),
            )
        for name, (value, detail) in values.items():
            self.cards[name].value.setText(value)
            self.cards[name].detail.setText(detail)
        for chart in (self.chats_chart, self.times_chart, self.online_chart, self.heatmap):
            chart.show_report(report)
        self._fill_tables(report, names)

    def _fill_tables(self, report: p.StatsReport | None, names: dict[int, str]) -> None:
        agents = report.agents if report is not None else []
        self.agents_table.setRowCount(len(agents))
        for row, a in enumerate(agents):
            f = a.figures
            cells = [
                a.name or names.get(a.agent_id, str(a.agent_id)),
                str(f.chats),
                self.duration(f.first_response.median),
                self.duration(f.reaction.median),
                str(f.transfers),
                str(f.ignores),
                self.duration(f.online_seconds),
                self.duration(f.away_seconds),
            ]
            for col, text in enumerate(cells):
                self.agents_table.setItem(row, col, QTableWidgetItem(text))
        chats = list(reversed(report.chats)) if report is not None else []
        self.chats_table.setRowCount(len(chats))
        for row, c in enumerate(chats):
            started = local_text(c.started_at, report.timezone if report else "UTC")
            cells = [
                str(c.chat_id),
                started,
                self.outcome_text(c.outcome),
                names.get(c.agent_id, "") if c.agent_id else "",
                self.duration(c.first_response),
                self.duration(c.reaction),
                self.duration(c.duration),
                "" if c.messages is None else str(c.messages),
                str(c.transfers),
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, c.chat_id)
                self.chats_table.setItem(row, col, item)
        self.agents_table.resizeColumnsToContents()
        self.chats_table.resizeColumnsToContents()

    # -------------------------------------------------------------- exports

    def current_chart(self) -> str:
        index = self.tabs.currentIndex()
        return CHART_TABS[index] if index < len(CHART_TABS) else "chats"

    def export_chats_to(self, path: str | Path) -> None:
        if self.stats.report is not None:
            Path(path).write_text(chats_csv(self.stats.report), encoding="utf-8")

    def export_chart_to(self, path: str | Path, chart: str | None = None) -> None:
        if self.stats.report is not None:
            text = chart_csv(self.stats.report, chart or self.current_chart())
            Path(path).write_text(text, encoding="utf-8")

    def _ask_path(self, name: str, done: Callable[[str], None]) -> None:
        dialog = QFileDialog(self, self.tr("Export as CSV"), name, "CSV (*.csv)")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("csv")
        dialog.fileSelected.connect(done)
        dialog.open()

    # -------------------------------------------------------------- reactions

    def _on_show_button_clicked(self) -> None:
        self.problem.hide()
        self.stats.load(self.query())

    def _on_export_chats_button_clicked(self) -> None:
        self._ask_path("chats.csv", self.export_chats_to)

    def _on_export_chart_button_clicked(self) -> None:
        chart = self.current_chart()
        self._ask_path(f"{chart}.csv", lambda path: self.export_chart_to(path, chart))

    def _on_stats_report_changed(self) -> None:
        self.problem.hide()
        self._fill_filters(self.stats.report)
        self._show(self.stats.report)

    def _on_stats_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()

    def _on_chats_table_cell_double_clicked(self, row: int, _column: int) -> None:
        item = self.chats_table.item(row, 0)
        if item is not None:
            self.chat_requested.emit(int(item.data(Qt.ItemDataRole.UserRole)))
