"""Estadísticas (S1): the relay's figures for a date range, and their CSV exports.

The figures are computed on the relay (``get_stats``, docs/statistics.md); this service asks
for them and keeps the last report. Signals:

* ``report_changed()``: a report arrived (``report``);
* ``problem(str)``: the report could not be loaded;
* ``cleared()``: signed out, nothing of the account is left (A4).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, Signal

from jivo_desktop.net.errors import ConnectionLost, RelayError
from jivo_desktop.services.relay_errors import failure_text
from jivo_desktop.services.session import SessionService
from jivo_desktop.tasks import spawn
from server import protocol as p

CHARTS = ("chats", "times", "time_online", "heatmap")
"""The page's charts, each exported as its own CSV (one row per period; the heatmap one row
per weekday and hour)."""


def _today() -> str:
    return dt.date.today().isoformat()


def _month_ago() -> str:
    return (dt.date.today() - dt.timedelta(days=29)).isoformat()


@dataclass
class StatsQuery:
    date_from: str = field(default_factory=_month_ago)
    date_to: str = field(default_factory=_today)
    group: str = "day"
    working_hours: bool = False
    agent_id: int | None = None
    site_id: int | None = None
    department_id: int | None = None


class StatisticsService(QObject):
    report_changed = Signal()
    problem = Signal(str)
    cleared = Signal()

    def __init__(self, session: SessionService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.query = StatsQuery()
        self.report: p.StatsReport | None = None
        self._serial = 0
        session.signed_out.connect(self._on_session_signed_out)

    @property
    def is_admin(self) -> bool:
        agent = self.session.agent
        return agent is not None and agent.role == "admin"

    def load(self, query: StatsQuery | None = None) -> None:
        """Ask the relay; a newer request wins over an older one still on its way."""
        if query is not None:
            self.query = query
        self._serial += 1
        spawn(self._load(self._serial, self.query), "statistics")

    async def _load(self, serial: int, q: StatsQuery) -> None:
        client = self.session.client
        if client is None:
            return
        try:
            answer = await client.request(
                lambda i: p.GetStats(
                    id=i,
                    date_from=q.date_from,
                    date_to=q.date_to,
                    group=q.group,  # type: ignore[arg-type]
                    working_hours=q.working_hours,
                    agent_id=q.agent_id,
                    site_id=q.site_id,
                    department_id=q.department_id,
                )
            )
        except (RelayError, ConnectionLost, TimeoutError) as exc:
            if serial == self._serial:
                self.problem.emit(
                    self.tr("The statistics could not be loaded: {0}").format(failure_text(exc))
                )
            return
        if serial != self._serial or not isinstance(answer, p.StatsReport):
            return
        self.report = answer
        self.report_changed.emit()

    def _on_session_signed_out(self) -> None:
        self._serial += 1
        self.report = None
        self.query = StatsQuery()
        self.cleared.emit()
        self.report_changed.emit()


# ---------------------------------------------------------------- CSV


def _local(ts: float, zone: str) -> str:
    try:
        tz = ZoneInfo(zone)
    except (ValueError, KeyError):
        tz = ZoneInfo("UTC")
    return dt.datetime.fromtimestamp(ts, tz).isoformat(timespec="seconds")


def _num(value: float | int | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.3f}".rstrip("0").rstrip(".")
    return str(value)


def _write(rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerows(rows)
    return out.getvalue()


CHAT_COLUMNS = [
    "chat_id",
    "started_at",
    "site_id",
    "department_id",
    "outcome",
    "agent_id",
    "agent",
    "first_response_agent_id",
    "first_response_agent",
    "first_response_s",
    "reaction_s",
    "duration_s",
    "messages",
    "transfers",
    "ladder_round",
    "in_working_hours",
]


def chats_csv(report: p.StatsReport) -> str:
    """One row per chat of the report (its ``chats``), times in seconds, the start in the
    account's time zone."""
    names = {a.agent_id: a.name for a in report.agents}
    rows = [CHAT_COLUMNS]
    for c in report.chats:
        rows.append(
            [
                str(c.chat_id),
                _local(c.started_at, report.timezone),
                _num(c.site_id),
                _num(c.department_id),
                c.outcome,
                _num(c.agent_id),
                names.get(c.agent_id, "") if c.agent_id else "",
                _num(c.reply_agent_id),
                names.get(c.reply_agent_id, "") if c.reply_agent_id else "",
                _num(c.first_response),
                _num(c.reaction),
                _num(c.duration),
                _num(c.messages),
                str(c.transfers),
                _num(c.round),
                "1" if c.in_working_hours else "0",
            ]
        )
    return _write(rows)


def _time_columns(prefix: str, f: p.TimeFigure) -> list[str]:
    return [str(f.count), _num(f.mean), _num(f.median), _num(f.p90)]


def chart_csv(report: p.StatsReport, chart: str) -> str:
    """One row per period of ``chart`` (``CHARTS``); the heatmap one row per weekday x hour."""
    if chart == "heatmap":
        rows = [["weekday", "hour", "chats"]]
        for day, counts in enumerate(report.heatmap):
            for hour, n in enumerate(counts):
                rows.append([str(day + 1), str(hour), str(n)])
        return _write(rows)
    head = ["period_start", "period"]
    if chart == "chats":
        head += ["chats", "answered", "missed", "unanswered", "offline_messages"]
    elif chart == "times":
        head += [
            f"{what}_{stat}"
            for what in ("first_response", "reaction", "duration")
            for stat in ("count", "mean_s", "median_s", "p90_s")
        ]
    elif chart == "time_online":
        head += ["online_s", "away_s"]
    else:
        raise ValueError(f"no chart {chart!r}")
    rows = [head]
    for period in report.periods:
        f = period.figures
        row = [_local(period.start, report.timezone), period.label]
        if chart == "chats":
            row += [str(f.chats), str(f.answered), str(f.missed), str(f.unanswered)]
            row += [str(f.offline_messages)]
        elif chart == "times":
            for what, figure in (
                ("first_response", f.first_response),
                ("reaction", f.reaction),
                ("duration", f.duration),
            ):
                row += _time_columns(what, figure)
        else:
            row += [_num(f.online_seconds), _num(f.away_seconds)]
        rows.append(row)
    return _write(rows)
