"""All three parts together: the widget in headless Chromium, the relay, and the desktop app
with its toast (N1, N2, N7, C1, V5)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import Browser
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from jivo_desktop.app import DesktopApp
from tests.e2e.widget_support import open_widget_page
from tests.support.relay import RelayHandle
from tests.support.waiting import until

pytestmark = pytest.mark.browser


async def _app(qapp: Any, relay: RelayHandle, folder: Path, email: str, password: str):  # type: ignore[no-untyped-def]
    app = DesktopApp(qapp, folder)
    app.start()
    assert await app.session.sign_in_async(relay.http_url, email, password, False)
    return app


async def _toast_for(app: DesktopApp) -> Any:
    await until(lambda: app.toasts.visible_toasts())
    return app.toasts.visible_toasts()[0]


async def test_visitor_writes_toast_accept_answer(
    qapp: Any, relay: RelayHandle, browser: Browser, tmp_path: Path, artifacts: Path, secrets: Any
) -> None:
    """N1/N2/N7: the visitor writes in the widget; the toast shows the visitor's name, URL and
    text; Accept opens the app on the chat; the agent answers; the visitor sees it. A second
    agent's toast for the same chat disappears the moment the first accepts."""
    await relay.offer_to_everyone()  # written for the rule all
    ana = await _app(qapp, relay, tmp_path / "ana", relay.agent_email, relay.agent_password)
    boss = await _app(qapp, relay, tmp_path / "boss", relay.admin_email, relay.admin_password)
    wp = await open_widget_page(browser, relay.demo_url + "?page=2")
    try:
        await wp.open()
        await wp.wait_ready()
        await wp.say("Hola, ¿tienen la monstera grande?")
        toast = await _toast_for(ana)
        other = await _toast_for(boss)
        chat_id = toast.chat_id
        assert toast.name.text().startswith("Client ")
        assert "/demo?page=2" in toast.url.text() or "/demo?page=2" in toast.url.toolTip()
        assert "monstera" in toast.message.text()
        toast.grab().save(str(artifacts / "e2e-toast.png"))

        QTest.mouseClick(toast.accept_button, Qt.MouseButton.LeftButton)
        await until(lambda: ana.chats.current == chat_id and ana.main_window.isVisible())
        await until(lambda: chat_id not in boss.toasts.toasts)  # N7: gone everywhere
        assert not other.isVisible()
        inbox = ana.main_window.inbox
        await until(lambda: inbox.conversation.composer.isEnabled())
        inbox.conversation.composer.insertPlainText("¡Sí! Quedan tres.")
        QTest.keyClick(inbox.conversation.composer, Qt.Key.Key_Return)
        await wp.wait_text("¡Sí! Quedan tres.", author="agent")
        await until(lambda: inbox.conversation.messages_model.rowCount() >= 3)
        ana.main_window.resize(1180, 740)
        ana.main_window.grab().save(str(artifacts / "e2e-main-window.png"))
        await wp.shot(artifacts / "e2e-widget.png")
    finally:
        await wp.close()
        await ana.shutdown()
        await boss.shutdown()


async def test_quick_reply_from_the_toast_reaches_the_widget(
    qapp: Any, relay: RelayHandle, browser: Browser, tmp_path: Path, secrets: Any
) -> None:
    """N2: Quick reply answers from the toast itself and takes the chat; the main window is not
    opened; the visitor sees the answer."""
    ana = await _app(qapp, relay, tmp_path / "ana", relay.agent_email, relay.agent_password)
    ana.main_window.hide()  # the agent works elsewhere; the app sits in the tray
    wp = await open_widget_page(browser, relay.demo_url)
    try:
        await wp.open()
        await wp.wait_ready()
        await wp.say("¿Envían a Sevilla?")
        toast = await _toast_for(ana)
        QTest.mouseClick(toast.quick_button, Qt.MouseButton.LeftButton)
        await until(lambda: toast.reply_edit.isVisible())
        toast.reply_edit.setText("Sí, en 48 horas.")
        QTest.keyClick(toast.reply_edit, Qt.Key.Key_Return)
        await wp.wait_text("Sí, en 48 horas.", author="agent")
        await until(lambda: not ana.toasts.toasts)
        assert ana.chats.current == 0 and not ana.main_window.isVisible()
        chat = ana.chats.chat(toast.chat_id)
        assert chat is not None and chat.info.state == "active"
    finally:
        await wp.close()
        await ana.shutdown()
