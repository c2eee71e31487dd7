"""C10/C19 in the app (issue 21): a reply WhatsApp reports it could not deliver (a ``failed``
status from our fake, with Meta's error title) shows under its line as not delivered, with
WhatsApp's reason, in each language; a later receipt does not turn it delivered. Screenshot
desktop-<lang>-reply-undelivered.png."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from jivo_desktop import i18n
from jivo_desktop.store import LocalStore
from server import protocol as p
from tests.desktop.test_i18n import _signed_in, translations  # noqa: F401 - the fixture
from tests.desktop.test_reply_row_desktop import _channel
from tests.support import fake_whatsapp as fw
from tests.support.fake_whatsapp import FakeWhatsApp, fake_whatsapp
from tests.support.relay import RelayHandle
from tests.support.waiting import until

PHONE = "5491155550000"
NOT_DELIVERED = {
    "en": "not delivered: ",
    "es": "no entregado: ",
    "pt": "não entregue: ",
    "ru": "не доставлено: ",
}


@pytest.mark.parametrize("lang", ["en", "es", "pt", "ru"])
async def test_c19_c10_a_reply_whatsapp_could_not_deliver_says_so_and_why(
    qapp: Any,
    relay: RelayHandle,
    data_dir: Path,
    secrets: Any,
    translations: Path,  # noqa: F811 - the fixture
    artifacts: Path,
    lang: str,
) -> None:
    """C19/C10: WhatsApp's ``failed`` status reaches the app (``reply_undelivered`` through
    the bus): the reply's line says not delivered and WhatsApp's reason, translated."""
    store = LocalStore(data_dir / "local.db")
    store.set(i18n.SETTING, lang)
    store.close()
    relay.relay.settings.channel_webhook_port = 0
    await relay.relay.channel_webhooks.start()
    with fake_whatsapp() as fake:
        channel_id = await _channel(relay, "whatsapp", {
            "phone_number_id": fw.PHONE_ID, "access_token": fw.ACCESS_TOKEN,
            "app_secret": fw.APP_SECRET, "verify_token": fw.VERIFY_TOKEN, "api_base": fake.base,
        })  # fmt: skip
        hook = f"{relay.relay.channel_webhook_url}/channels/{channel_id}/webhook"
        app = await _signed_in(qapp, relay, data_dir)
        try:
            conversation = app.main_window.inbox.conversation
            body = FakeWhatsApp.message_body(PHONE, "Lucía", "¿Envían a Salta?", "wamid.IN1")
            assert await asyncio.to_thread(FakeWhatsApp.post, hook, body) == 200
            await until(lambda: len(app.chats.order) == 1)
            chat_id = app.chats.order[0]
            assert await app.chats.accept_async(chat_id)
            app.chats.select(chat_id)
            await until(lambda: conversation.composer.isEnabled())
            row = conversation.reply_channel
            await until(lambda: row.via == "whatsapp")
            QTest.keyClicks(conversation.composer, "Yes, in 3 days.")
            QTest.keyClick(conversation.composer, Qt.Key.Key_Return)
            await until(lambda: len(fake.requests) == 1, timeout=15)
            mine = app.chats.chat(chat_id).messages[-1]
            await until(lambda: mine.state == "sent")
            request = fake.requests[0]
            failed = FakeWhatsApp.status_body(
                request["wamid"], "failed", PHONE, request["biz_opaque_callback_data"]
            )
            assert await asyncio.to_thread(FakeWhatsApp.post, hook, failed) == 200
            await until(lambda: mine.state == "undelivered")
            assert mine.undelivered_reason == "WhatsApp: Message undeliverable"
            line = conversation.delegate._meta(mine)
            assert NOT_DELIVERED[lang] + "WhatsApp: Message undeliverable" in line
            # A receipt after it (the chat's, cumulative) does not turn it delivered.
            assert mine.seq is not None
            app.chats._receipt(
                p.ReceiptChanged(
                    chat_id=chat_id, reader="visitor", delivered_seq=mine.seq, read_seq=0
                )
            )
            assert mine.state == "undelivered"
            # The conversation loaded again (the app restarted): the relay's history says so.
            chat = app.chats.chat(chat_id)
            chat.loaded = False
            app.chats._start_history(chat)
            await until(lambda: chat.loaded and chat.messages[-1] is not mine)
            again = chat.messages[-1]
            assert (
                again.state == "undelivered" and again.undelivered_reason == mine.undelivered_reason
            )
            app.main_window.grab().save(str(artifacts / f"desktop-{lang}-reply-undelivered.png"))
        finally:
            await app.shutdown()
