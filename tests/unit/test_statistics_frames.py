"""S1: a big stats_report (a month by hour, the most chats a report lists) crosses the wire in
parts that the client joins back to the same report; the CSV exports have one row per chat,
one per period of each chart, one per weekday and hour of the heatmap."""

from __future__ import annotations

import csv
import io

from jivo_desktop.services.statistics import CHARTS, chart_csv, chats_csv
from server import protocol as p


def big_report() -> p.StatsReport:
    figures = p.Figures(
        chats=3, answered=2, missed=1, first_response=p.TimeFigure(count=2, mean=1.5, p90=2.0)
    )
    periods = [
        p.PeriodFigures(start=3600.0 * n, label=f"2026-03-{n // 24 + 1:02d} {n % 24:02d}:00+01:00",
                        figures=figures)
        for n in range(31 * 24)
    ]  # fmt: skip
    chats = [
        p.ChatFigures(chat_id=n + 1, started_at=1000.0 + n, outcome="answered", agent_id=1,
                      reply_agent_id=1, first_response=12.5, messages=4)
        for n in range(p.MAX_STATS_CHATS)
    ]  # fmt: skip
    return p.StatsReport(
        id=9,
        timezone="Europe/Madrid",
        start=0.0,
        end=31 * 86400.0,
        summary=figures,
        periods=periods,
        heatmap=[[n] * 24 for n in range(7)],
        agents=[p.AgentFigures(agent_id=1, name='Ana, "la jefa"', figures=figures)],
        chats=chats,
        chats_total=p.MAX_STATS_CHATS,
        sites=[p.SiteRef(id=1, name="Tienda")],
    )


def test_s1_a_big_report_is_sent_in_parts_and_joined_back() -> None:
    report = big_report()
    texts = p.encode_answer(report)
    assert len(texts) > 1  # over MAX_PAGE_BYTES: cut
    assert all(len(t.encode()) <= p.MAX_PAGE_BYTES for t in texts)
    parts = [p.decode_server(t) for t in texts]
    assert all(isinstance(x, p.StatsReport) for x in parts)
    joined = p.join_parts(parts)  # type: ignore[arg-type]
    assert joined == report


def test_s1_csv_rows_per_chat_per_period_and_heatmap_cell() -> None:
    report = big_report()
    rows = list(csv.DictReader(io.StringIO(chats_csv(report))))
    assert len(rows) == p.MAX_STATS_CHATS
    assert rows[0]["agent"] == 'Ana, "la jefa"'  # quoted, not split
    assert rows[0]["first_response_s"] == "12.5"
    assert rows[0]["started_at"] == "1970-01-01T01:16:40+01:00"  # the account's zone
    for chart in CHARTS:
        lines = list(csv.reader(io.StringIO(chart_csv(report, chart))))
        expected = 7 * 24 if chart == "heatmap" else len(report.periods)
        assert len(lines) == 1 + expected, chart
