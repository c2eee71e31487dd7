"""C13 end to end: an emoji chosen in the app's picker reaches the widget in Chromium, and one
chosen in the widget's small picker (a module loaded on first use, from the relay) reaches the
app."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import Browser, expect
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from jivo_desktop.app import DesktopApp
from tests.e2e.widget_support import open_widget_page
from tests.support.relay import RelayHandle
from tests.support.waiting import until

pytestmark = pytest.mark.browser


async def test_c13_emoji_from_the_app_to_the_widget_and_back(
    qapp: Any, relay: RelayHandle, browser: Browser, tmp_path: Path, artifacts: Path, secrets: Any
) -> None:
    """C13: the agent picks 🍕 by name in the app's picker and sends it; the visitor sees it in
    the widget; the widget's emoji button loads mod/emoji.js from the relay only when clicked,
    the visitor picks 😀 from it, it lands at the cursor in the input, is sent, and the app shows
    it. Screenshots of the widget's picker and the app."""
    app = DesktopApp(qapp, tmp_path / "ana")
    app.start()
    assert await app.session.sign_in_async(
        relay.http_url, relay.agent_email, relay.agent_password, False
    )
    wp = await open_widget_page(browser, relay.demo_url)
    scripts: list[str] = []
    wp.page.on("request", lambda r: scripts.append(r.url) if r.resource_type == "script" else None)
    try:
        await wp.open()
        await wp.wait_ready()
        await wp.say("Hola")
        await until(lambda: app.chats.waiting())
        chat_id = app.chats.waiting()[0].id
        app.chats.accept(chat_id)
        pane = app.main_window.inbox.conversation
        await until(lambda: app.chats.current == chat_id and pane.composer.isEnabled())

        pane.open_emoji_picker()
        await until(lambda: pane.emoji_picker.isVisible())
        pane.emoji_picker.search.insert("pizza")
        assert pane.emoji_picker.shown_emojis()[0] == "🍕"
        QTest.keyClick(pane.emoji_picker.search, Qt.Key.Key_Return)
        await until(lambda: pane.composer.toPlainText() == "🍕")
        QTest.keyClick(pane.composer, Qt.Key.Key_Return)
        await wp.wait_text("🍕", author="agent")

        assert not any("/widget/emoji.js" in url for url in scripts)  # lazily: not yet
        await wp.el("input").fill("Gracias ")
        await wp.el("emoji-open").click()
        await expect(wp.el("emoji-picker")).to_be_visible()
        emoji_scripts = [url for url in scripts if "/widget/emoji.js" in url]
        assert emoji_scripts == [relay.http_url.rstrip("/") + "/widget/emoji.js"], scripts
        await wp.shot(artifacts / "widget-emoji-picker.png")
        await wp.el("emoji-grid").locator("[data-emoji='😀']").click()
        await expect(wp.el("emoji-picker")).to_be_hidden()
        await expect(wp.el("input")).to_have_value("Gracias 😀")
        await wp.el("input").press("Enter")
        chat = app.chats.chat(chat_id)
        assert chat is not None
        await until(lambda: any(m.text == "Gracias 😀" and not m.mine for m in chat.messages))
        app.main_window.resize(1180, 740)
        await until(lambda: pane.messages_model.rowCount() >= 4)
        app.main_window.grab().save(str(artifacts / "e2e-emoji-app.png"))
        await wp.shot(artifacts / "e2e-emoji-widget.png")
        assert wp.errors == []
    finally:
        await wp.close()
        await app.shutdown()
