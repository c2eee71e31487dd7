"""P2 callback requests end to end (with P1: the dialer's call and its log): the visitor asks
for a call in the widget (Chromium); the agent's app (offscreen, a real relay) shows the toast
as a callback request with Call / Ignore; Ignore walks the ignore ladder (the offer comes back
in round 2); Call takes the chat and hands tel:+E.164 to a REAL softphone registered in a
temporary XDG folder (tests/desktop/test_phone); the log dialog opens and its outcome lands on
the client's CRM timeline. Screenshots callback-toast-LANG.png (the toast in four languages)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import Browser, expect
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox

from jivo_desktop import i18n
from jivo_desktop.net.client import AgentClient
from jivo_desktop.ui.phone.log_dialog import LogCallDialog
from server import protocol as p
from tests.desktop.test_i18n import cut_off, translations  # noqa: F401 - the fixture
from tests.desktop.test_phone import Softphone, softphone  # noqa: F401 - the fixture
from tests.desktop.test_windows import _signed_in_app
from tests.desktop.xvfb import xvfb_display  # noqa: F401 - the softphone's fixture
from tests.e2e.widget_support import open_widget_page
from tests.server.test_callbacks import enable_callbacks
from tests.server.test_routing import steps
from tests.support.relay import RelayHandle
from tests.support.waiting import until

pytestmark = pytest.mark.browser

HEADER = {"en": "CALLBACK REQUEST", "es": "SOLICITUD DE LLAMADA", "pt": "PEDIDO DE LIGAÇÃO",
          "ru": "ЗАКАЗ ЗВОНКА"}  # fmt: skip
WHEN = {"en": "when:", "es": "cuándo:", "pt": "quando:", "ru": "когда:"}


async def test_p2_callback_toast_ignore_ladder_call_and_log(
    qapp: Any, relay: RelayHandle, browser: Browser, data_dir: Path, secrets: Any,
    artifacts: Path, softphone: Softphone, translations: Path,  # noqa: F811
) -> None:  # fmt: skip
    boss = AgentClient(relay.ws_url)
    await boss.sign_in(relay.admin_email, relay.admin_password)
    await enable_callbacks(boss, "ES")
    await boss.close()  # offline: the offers go to Ana alone
    app = await _signed_in_app(qapp, relay, data_dir)
    app.calling.set_country("ES")
    wp = await open_widget_page(browser, relay.demo_url)
    try:
        await wp.open()
        await wp.wait_ready()
        await wp.el("callback-open").click()
        await wp.el("callback-number").fill("911 23 45 67")
        await wp.el("callback-time").fill("mañana <b>temprano</b>")
        await wp.el("callback-send").click()
        await expect(wp.el("callback-thanks")).to_be_visible()

        toasts = await until(lambda: app.toasts.visible_toasts(), timeout=15)
        toast = toasts[0]
        chat_id = toast.chat_id
        assert toast.callback and toast.quick_button.isHidden()
        assert toast.accept_button.text() == "Call"
        assert toast.header.text() == "CALLBACK REQUEST"
        assert "+34 911 23 45 67" in toast.message.text()
        shown = " ".join(toast.message.text().split())
        assert "when: mañana <b>temprano</b>" in shown  # plain text
        for language in ("en", "es", "pt", "ru"):
            i18n.apply_language(language)
            await until(lambda language=language: toast.header.text() == HEADER[language])
            await until(lambda language=language: WHEN[language] in toast.message.text())
            await until(lambda: not cut_off(toast))
            toast.grab().save(str(artifacts / f"callback-toast-{language}.png"))
        i18n.apply_language("en")

        # Ignore: the ladder moves on (round 1 has nobody else), and the offer comes back.
        QTest.mouseClick(toast.ignore_button, Qt.MouseButton.LeftButton)
        await until(lambda: chat_id not in app.toasts.toasts)
        back = await until(lambda: app.toasts.visible_toasts(), timeout=15)
        assert back[0].chat_id == chat_id and back[0].callback
        assert app.chats.chats[chat_id].info.offer_round == 2
        assert [s[:2] for s in await steps(relay, chat_id)] == [
            ("offered", 0), ("ignored", 0), ("offered", 1), ("offered", 2),
        ]  # fmt: skip

        # Call: the chat is Ana's, the softphone gets the number, the log dialog opens.
        QTest.mouseClick(back[0].accept_button, Qt.MouseButton.LeftButton)
        assert await softphone.next_call(0) == "tel:+34911234567"
        await until(lambda: app.log_dialog is not None and app.log_dialog.isVisible())
        dialog = app.log_dialog
        assert isinstance(dialog, LogCallDialog)
        assert app.chats.chats[chat_id].info.state == "active"
        assert dialog.call.client_id is not None
        # The client has no name yet: the call is named as its visitor ("Client 1").
        visitor_name = app.chats.display_name(app.chats.chats[chat_id])
        assert visitor_name.startswith("Client ")
        assert dialog.who.text() == f"{visitor_name} · 911 23 45 67"
        dialog.outcome.setCurrentIndex(dialog.outcome.findData("no_answer"))
        dialog.note.setPlainText("Buzón de voz")
        QTest.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
        )
        await until(lambda: not dialog.isVisible())

        boss = AgentClient(relay.ws_url)
        await boss.sign_in(relay.admin_email, relay.admin_password)
        card = await boss.request(lambda i: p.GetClient(id=i, client_id=dialog.call.client_id))
        assert isinstance(card, p.ClientCard)
        calls = [e.call for e in card.timeline if e.kind == "call" and e.call is not None]
        assert [(c.number, c.outcome, c.agent_name) for c in calls] == [
            ("+34911234567", "no_answer", "Ana")
        ]
        assert card.client.phone == "+34911234567"
        await boss.close()
        assert wp.errors == []
    finally:
        await app.shutdown()
        await wp.close()
