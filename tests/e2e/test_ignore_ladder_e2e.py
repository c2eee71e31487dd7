"""N3 end to end: the widget in Chromium, the relay, the desktop app and a scripted colleague.
The whole ignore ladder to a missed chat: the visitor ends on the offline form, and the chat
is in the app's archive (Centro de Atención), read-only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import Browser
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from jivo_desktop.app import DesktopApp
from jivo_desktop.net.client import AgentClient
from jivo_desktop.net.errors import RelayError
from server import protocol as p
from tests.e2e.widget_support import open_widget_page
from tests.server.test_routing import offer_of
from tests.support.relay import RelayHandle
from tests.support.waiting import until

pytestmark = pytest.mark.browser


async def test_ignore_ladder_to_a_missed_chat_in_the_archive(
    qapp: Any, relay: RelayHandle, browser: Browser, tmp_path: Path, artifacts: Path, secrets: Any
) -> None:
    """N3: the visitor writes; Ana (the app) and the boss (scripted) both ignore it; it comes
    back on Ana's screen two more times; ignored each time, it is missed: the widget shows
    the offline form, nobody can take it, and Ana finds it in the archive by its text and
    reads it (read-only)."""
    await relay.offer_to_everyone()  # written for the rule all
    ana = DesktopApp(qapp, tmp_path / "ana")
    ana.start()
    assert await ana.session.sign_in_async(
        relay.http_url, relay.agent_email, relay.agent_password, False
    )
    boss = AgentClient(relay.ws_url)
    await boss.sign_in(relay.admin_email, relay.admin_password)
    wp = await open_widget_page(browser, relay.demo_url)
    try:
        await wp.open()
        await wp.wait_ready()
        await wp.say("¿Alguien puede ayudarme con un pedido?")
        chat_id = 0
        for round_ in (1, 2, 3):
            toast = await until(lambda: ana.toasts.visible_toasts(), timeout=15)
            toast = toast[0]
            chat_id = toast.chat_id
            assert ana.chats.chats[chat_id].info.offer_round == round_
            await boss.wait_for(offer_of(chat_id, round_))
            QTest.mouseClick(toast.ignore_button, Qt.MouseButton.LeftButton)
            await until(lambda: not ana.toasts.visible_toasts())
            await boss.request(lambda i, c=chat_id: p.IgnoreChat(id=i, chat_id=c))

        # Missed: the visitor is offered the offline form, the app forgets the chat.
        await wp.el("offline-form").wait_for(state="visible", timeout=15_000)
        assert "nobody could answer" in await wp.el("offline-intro").inner_text()
        await until(lambda: chat_id not in ana.chats.chats)
        assert not ana.toasts.toasts
        with pytest.raises(RelayError) as refused:
            await boss.accept(chat_id)
        assert refused.value.code == "chat_closed"
        await wp.shot(artifacts / "e2e-missed-offline-form.png")

        # The archive in Centro de Atención.
        window = ana.main_window
        window.show()
        window.resize(1180, 740)
        inbox = window.inbox
        QTest.mouseClick(inbox.show_archive, Qt.MouseButton.LeftButton)
        panel = inbox.archive_panel
        await until(lambda: panel.isVisible() and panel.results_model.rowCount() == 1)
        panel.text.setText("pedido")
        panel.state.setCurrentIndex(panel.state.findData("missed"))
        panel.search()
        await until(lambda: [c.id for c in inbox.archive.results] == [chat_id])
        first = panel.results_model.index(0, 0)
        assert "Missed" in str(first.data())
        panel.results.clicked.emit(first)
        await until(lambda: panel.messages_model.rowCount() >= 2)
        kinds = [m.kind for m in inbox.archive.messages]
        assert kinds[0] == "message" and kinds[-1] == "missed"
        assert not hasattr(panel, "composer")  # read-only: nothing to write with
        panel.text.setText("no such words")
        panel.search()
        await until(lambda: panel.results_model.rowCount() == 0)
        panel.text.setText("pedido")
        panel.search()
        await until(lambda: panel.results_model.rowCount() == 1)
        panel.results.clicked.emit(panel.results_model.index(0, 0))
        await until(lambda: panel.messages_model.rowCount() >= 2)
        window.grab().save(str(artifacts / "archive.png"))
    finally:
        await wp.close()
        await boss.close()
        await ana.shutdown()
