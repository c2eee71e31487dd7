"""S1: the Estadísticas page offscreen against a real relay: summary cards with their
definitions, charts, the per-agent and per-chat tables (a row opens the chat in the archive),
the CSV exports, and screenshots in four languages (tests/artifacts/statistics-*.png)."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest

from jivo_desktop import i18n
from jivo_desktop.app import DesktopApp
from jivo_desktop.net.client import AgentClient
from server import protocol as p
from tests.desktop.clipping import clipped
from tests.desktop.test_i18n import translations  # noqa: F401 - the fixture
from tests.support.relay import RelayHandle
from tests.support.visitor import Visitor
from tests.support.waiting import until

HEADINGS = {"en": "Statistics", "es": "Estadísticas", "pt": "Estatísticas", "ru": "Статистика"}


async def ana_answers(relay: RelayHandle, ana: AgentClient, text: str, close: bool) -> int:
    visitor = Visitor(relay.ws_url, relay.site_key)
    await visitor.connect()
    ack = await visitor.say(text)
    assert isinstance(ack, p.MessageAcked)
    await ana.wait_for(lambda f: isinstance(f, p.ChatOffered) and f.chat.id == ack.chat_id)
    await ana.accept(ack.chat_id)
    await ana.send_message(ack.chat_id, "hello, " + text)
    if close:
        await ana.close_chat(ack.chat_id)
    await visitor.close()
    return ack.chat_id


@pytest.mark.usefixtures("translations")
async def test_s1_statistics_page_cards_tables_csv_archive_and_languages(
    qapp: Any, relay: RelayHandle, tmp_path: Path, secrets: Any, artifacts: Path
) -> None:
    """S1: two chats Ana answered show on the admin's page: cards (with a definition as the
    tooltip), the agents' and chats' tables; the chats CSV has one row per chat with the
    page's numbers; the chart CSV one row per day; a chats row opens the chat in the archive;
    every text in English, Spanish, Portuguese and Russian, nothing cut off."""
    await relay.offer_to_everyone()
    ana = AgentClient(relay.ws_url)
    await ana.sign_in(relay.agent_email, relay.agent_password)
    first = await ana_answers(relay, ana, "precio", close=True)
    second = await ana_answers(relay, ana, "envío", close=False)
    await ana.close()

    app = DesktopApp(qapp, tmp_path / "app")
    app.start()
    assert await app.session.sign_in_async(
        relay.http_url, relay.admin_email, relay.admin_password, False
    )
    window = app.main_window
    window.nav.setCurrentRow(window.PAGES.index("statistics"))
    page = window.statistics_page
    assert window.pages.currentWidget() is page
    stats = app.main_window.statistics
    await until(lambda: stats.report is not None and stats.report.summary.chats == 2)
    report = stats.report
    assert report is not None
    assert page.cards["chats"].value.text() == "2"
    assert page.cards["answered"].value.text() == "2"
    assert page.cards["missed"].value.text() == "0"
    assert "credited to the agent" in page.cards["first_response"].toolTip()
    table = page.agents_table
    chats_of = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert chats_of == {"Ana": "2", "Boss": "0"}  # the admin is listed: her online time
    assert page.chats_table.rowCount() == 2
    shown = {page.chats_table.item(r, 0).text() for r in range(2)}
    assert shown == {str(first), str(second)}

    page.export_chats_to(tmp_path / "chats.csv")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "chats.csv").read_text())))
    assert sorted(int(r["chat_id"]) for r in rows) == sorted([first, second])
    by_id = {c.chat_id: c for c in report.chats}
    for r in rows:
        chat = by_id[int(r["chat_id"])]
        assert r["agent"] == "Ana" and r["first_response_agent"] == "Ana"
        assert float(r["first_response_s"]) == pytest.approx(chat.first_response, abs=1e-3)
        assert r["outcome"] == "answered"
    closed = next(r for r in rows if int(r["chat_id"]) == first)
    assert closed["messages"] == "2" and float(closed["duration_s"]) > 0
    page.export_chart_to(tmp_path / "chats-by-day.csv", "chats")
    days = list(csv.DictReader(io.StringIO((tmp_path / "chats-by-day.csv").read_text())))
    assert len(days) == len(report.periods) == 30
    assert sum(int(d["chats"]) for d in days) == 2
    page.export_chart_to(tmp_path / "heatmap.csv", "heatmap")
    assert len((tmp_path / "heatmap.csv").read_text().splitlines()) == 1 + 7 * 24

    for lang, heading in HEADINGS.items():
        i18n.apply_language(lang)
        await until(lambda h=heading: page.heading.text() == h)
        for tab in range(page.tabs.count()):
            page.tabs.setCurrentIndex(tab)
            await until(lambda: True)
            window.grab().save(str(artifacts / f"statistics-{tab}-{lang}.png"))
            assert clipped(window) == [], (lang, tab)
    i18n.apply_language("en")
    await until(lambda: page.heading.text() == "Statistics")

    page.tabs.setCurrentIndex(5)
    row = next(r for r in range(2) if page.chats_table.item(r, 0).text() == str(first))
    page.chats_table.cellDoubleClicked.emit(row, 1)
    assert window.pages.currentWidget() is window.inbox
    archive = window.inbox.archive
    await until(lambda: archive.chat_id == first and len(archive.messages) >= 2)
    await app.shutdown()


async def test_s1_an_agent_sees_team_totals_and_only_her_own_figures(
    qapp: Any, relay: RelayHandle, tmp_path: Path, secrets: Any
) -> None:
    """S1: on an agent's page the summary is the team's (Ana's chat and Boss's), the agents'
    and chats' tables hold only hers, the agent filter offers "Team totals" and "Only me"
    (no colleague), and "Only me" shows her own figures."""
    await relay.offer_to_everyone()
    boss = AgentClient(relay.ws_url)
    await boss.sign_in(relay.admin_email, relay.admin_password)
    theirs = await ana_answers(relay, boss, "al por mayor", close=True)
    await boss.close()
    app = DesktopApp(qapp, tmp_path / "ana")
    app.start()
    assert await app.session.sign_in_async(
        relay.http_url, relay.agent_email, relay.agent_password, False
    )
    me = app.session.agent
    assert me is not None
    ana = AgentClient(relay.ws_url)
    await ana.sign_in(relay.agent_email, relay.agent_password)
    mine = await ana_answers(relay, ana, "precio", close=True)
    await ana.close()

    window = app.main_window
    window.nav.setCurrentRow(window.PAGES.index("statistics"))
    page, stats = window.statistics_page, window.statistics
    page.stats.load(page.query())
    await until(lambda: stats.report is not None and stats.report.summary.chats == 2)
    assert [page.agent.itemText(i) for i in range(page.agent.count())] == [
        "Team totals",
        "Only me",
    ]
    assert [page.agents_table.item(r, 0).text() for r in range(page.agents_table.rowCount())] == [
        "Ana"
    ]
    assert [
        int(page.chats_table.item(r, 0).text()) for r in range(page.chats_table.rowCount())
    ] == [mine]
    assert theirs != mine
    page.agent.setCurrentIndex(1)
    page.show_button.click()
    await until(lambda: stats.report is not None and stats.report.summary.chats == 1)
    assert page.cards["chats"].value.text() == "1"
    await app.shutdown()
