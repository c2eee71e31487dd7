"""S1 end to end: real chats from the widget in Chromium through the relay and the desktop
app, then the app's Estadísticas page shows them, and the chats CSV exported from the page has
one row per chat with the page's numbers."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import Browser
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from jivo_desktop.app import DesktopApp
from jivo_desktop.ui.statistics.page import duration_text
from tests.e2e.widget_support import open_widget_page
from tests.support.relay import RelayHandle
from tests.support.waiting import until

pytestmark = pytest.mark.browser


async def test_s1_widget_chats_show_on_the_statistics_page_and_in_its_csv(
    qapp: Any, relay: RelayHandle, browser: Browser, tmp_path: Path, artifacts: Path, secrets: Any
) -> None:
    """S1: two visitors write in the widget; the admin accepts each from the toast and answers
    in the app, and closes the first chat; the statistics page counts both chats as answered,
    credits the first responses to the admin, and its chats CSV has one row per chat whose
    numbers are the page's."""
    app = DesktopApp(qapp, tmp_path / "boss")
    app.start()
    assert await app.session.sign_in_async(
        relay.http_url, relay.admin_email, relay.admin_password, False
    )
    window = app.main_window
    inbox = window.inbox
    pages = [await open_widget_page(browser, relay.demo_url) for _ in range(2)]
    chat_ids = []
    try:
        for n, wp in enumerate(pages):
            await wp.open()
            await wp.wait_ready()
            await wp.say(f"Pregunta {n}")
            await until(lambda: app.toasts.visible_toasts())
            toast = app.toasts.visible_toasts()[0]
            chat_ids.append(toast.chat_id)
            QTest.mouseClick(toast.accept_button, Qt.MouseButton.LeftButton)
            await until(lambda c=toast.chat_id: app.chats.current == c)
            await until(lambda: inbox.conversation.composer.isEnabled())
            inbox.conversation.composer.insertPlainText(f"Respuesta {n}")
            QTest.keyClick(inbox.conversation.composer, Qt.Key.Key_Return)
            await wp.wait_text(f"Respuesta {n}", author="agent")
        app.chats.close_chat(chat_ids[0])
        await until(lambda: (c := app.chats.chat(chat_ids[0])) is None or c.info.state == "closed")

        window.nav.setCurrentRow(window.PAGES.index("statistics"))
        page = window.statistics_page
        stats = window.statistics
        QTest.mouseClick(page.show_button, Qt.MouseButton.LeftButton)
        await until(
            lambda: (
                stats.report is not None
                and stats.report.summary.chats == 2
                and any(c.duration is not None for c in stats.report.chats)
            )
        )
        report = stats.report
        assert report is not None
        assert page.cards["answered"].value.text() == "2"
        assert report.summary.first_response.count == 2
        page.tabs.setCurrentIndex(5)
        window.grab().save(str(artifacts / "e2e-statistics-chats.png"))
        table = page.chats_table
        on_page = {
            int(table.item(r, 0).text()): [table.item(r, c).text() for c in range(9)]
            for r in range(table.rowCount())
        }
        assert sorted(on_page) == sorted(chat_ids)

        page.export_chats_to(tmp_path / "chats.csv")
        rows = list(csv.DictReader(io.StringIO((tmp_path / "chats.csv").read_text())))
        assert len(rows) == 2
        for row in rows:
            shown = on_page[int(row["chat_id"])]
            assert row["agent"] == "Boss" == shown[3]
            assert row["first_response_agent"] == "Boss"
            assert duration_text(float(row["first_response_s"])) == shown[4]
            assert duration_text(float(row["reaction_s"])) == shown[5]
            assert row["messages"] == shown[7]
        closed = next(r for r in rows if int(r["chat_id"]) == chat_ids[0])
        assert closed["messages"] == "2" and closed["outcome"] == "answered"
        assert float(closed["duration_s"]) >= float(closed["first_response_s"]) > 0
    finally:
        for wp in pages:
            await wp.close()
        await app.shutdown()
