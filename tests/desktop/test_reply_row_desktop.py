"""C10 in the app (issue 21): the composer's top row as the guide has it (Chat / WhatsApp /
Correo electrónico / SMS / Comentario) for a widget chat whose visitor left an e-mail and a
phone: only the channels the client can be reached on are shown (no WhatsApp: the site has no
WhatsApp channel), Chat chosen (where the client wrote from); the agent picks SMS and the reply
reaches our fake Twilio once; a channel the relay then refuses (the SMS channel disabled since)
shows the reason, in each language. Screenshot desktop-<lang>-reply-row.png. A WhatsApp
chat past its 24 hours greys WhatsApp out; a WhatsApp reply's ticks follow WhatsApp's
statuses (C19)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from jivo_desktop import i18n
from jivo_desktop.store import LocalStore
from jivo_desktop.ui.inbox.reply_channel import ReplyChannel
from server import protocol as p
from server.channels import repo as channel_repo
from server.store.schema import channels, sites
from tests.desktop.test_i18n import _signed_in, cut_off, translations  # noqa: F401 - the fixture
from tests.support import fake_twilio as ft
from tests.support import fake_whatsapp as fw
from tests.support.fake_twilio import fake_twilio
from tests.support.fake_whatsapp import FakeWhatsApp, fake_whatsapp
from tests.support.relay import RelayHandle
from tests.support.smtp import smtp_server
from tests.support.visitor import Visitor
from tests.support.waiting import until

ROW = {
    "en": ["Chat", "E-mail", "SMS", "Comment"],
    "es": ["Chat", "Correo electrónico", "SMS", "Comentario"],
    "pt": ["Chat", "E-mail", "SMS", "Comentário"],
    "ru": ["Чат", "Эл. почта", "SMS", "Комментарий"],
}
REFUSED = {
    "en": "cannot be reached on that channel",
    "es": "No se puede contactar al cliente",
    "pt": "Não é possível contatar o cliente",
    "ru": "С клиентом нельзя связаться",
}


async def _channel(relay: RelayHandle, kind: Any, settings: dict[str, str]) -> int:
    def site_id(db: sa.Connection) -> int:
        return int(
            db.execute(sa.select(sites.c.id).where(sites.c.key == relay.site_key)).scalar_one()
        )

    async with relay.relay.engine.connect() as conn:
        sid = await conn.run_sync(site_id)
    frame = p.SaveChannel(id=1, kind=kind, site_id=sid, name=kind, settings=settings)
    row = await relay.relay.writer.run(channel_repo.save_channel(frame))
    return int(row.id)


def shown_row(conversation: Any) -> list[str]:
    row = conversation.reply_channel
    buttons = [*row.buttons.values(), row.comment_button]
    return [b.text() for b in buttons if b.isVisibleTo(row)]


@pytest.mark.parametrize("lang", ["en", "es", "pt", "ru"])
async def test_c10_composer_row_shows_reachable_channels_and_replies_by_sms(
    qapp: Any,
    relay: RelayHandle,
    data_dir: Path,
    secrets: Any,
    translations: Path,  # noqa: F811 - the fixture
    artifacts: Path,
    lang: str,
) -> None:
    """C10: the composer's row: reachable channels only, the last one chosen, SMS sent once,
    a refused channel's reason shown."""
    store = LocalStore(data_dir / "local.db")
    store.set(i18n.SETTING, lang)
    store.close()
    visitor = Visitor(relay.ws_url, relay.site_key)
    with smtp_server() as (_inbox, smtp_port), fake_twilio() as twilio:
        await _channel(relay, "email", {
            "address": "support@shop.example", "smtp_host": "127.0.0.1",
            "smtp_port": str(smtp_port), "smtp_security": "plain",
        })  # fmt: skip
        sms_id = await _channel(relay, "sms", {
            "account_sid": ft.ACCOUNT_SID, "auth_token": ft.AUTH_TOKEN,
            "from_number": ft.FROM_NUMBER, "api_base": twilio.base,
        })  # fmt: skip
        app = await _signed_in(qapp, relay, data_dir)
        try:
            window = app.main_window
            conversation = window.inbox.conversation
            await visitor.connect()
            contact = visitor.send_frame(
                lambda i: p.SetContact(id=i, name="Eva", email="eva@example.com",
                                       phone="+34 600 111 222")
            )  # fmt: skip
            await visitor.answer(contact)
            await visitor.say("¿Tienen la maceta en verde?")
            await until(lambda: len(app.chats.order) == 1)
            chat_id = app.chats.order[0]
            assert await app.chats.accept_async(chat_id)
            app.chats.select(chat_id)
            await until(lambda: conversation.composer.isEnabled())
            await until(lambda: shown_row(conversation) == ROW[lang])
            row = conversation.reply_channel
            assert row.buttons["chat"].isChecked()  # where she wrote from
            assert not row.buttons["whatsapp"].isVisibleTo(row)
            layout = window.centralWidget().layout()  # type: ignore[union-attr]
            layout.activate()
            assert cut_off(window) == []
            window.grab().save(str(artifacts / f"desktop-{lang}-reply-row.png"))

            QTest.mouseClick(row.buttons["sms"], Qt.MouseButton.LeftButton)
            assert row.via == "sms"
            QTest.keyClicks(conversation.composer, "Le escribo por SMS.")
            QTest.keyClick(conversation.composer, Qt.Key.Key_Return)
            await until(lambda: len(twilio.sent) == 1, timeout=15)
            assert twilio.sent[0]["To"] == "+34600111222"
            assert twilio.sent[0]["Body"] == "Le escribo por SMS."

            # The SMS channel disabled since the row was shown: the relay refuses, the app
            # says why, and the line is marked not sent.
            async def disable(conn: Any) -> None:
                await conn.execute(
                    sa.update(channels).where(channels.c.id == sms_id).values(enabled=False)
                )

            async with relay.relay.engine.begin() as conn:
                await disable(conn)
            QTest.keyClicks(conversation.composer, "Still there?")
            QTest.keyClick(conversation.composer, Qt.Key.Key_Return)
            await until(lambda: REFUSED[lang] in window.problem.text(), timeout=15)
            chat = app.chats.chat(chat_id)
            await until(lambda: chat.messages[-1].state == "failed")
            assert len(twilio.sent) == 1
        finally:
            await visitor.close()
            await app.shutdown()


def test_c10_a_whatsapp_chat_past_its_24_hours_greys_out_whatsapp_and_offers_sms(
    qapp: Any,
) -> None:
    """C10: the chat's own WhatsApp, no longer reachable, stays in sight greyed out with the
    reason; the reachable SMS is chosen; a comment goes back to SMS after (B10)."""
    row = ReplyChannel()
    row.set_channel("whatsapp", 5)
    assert row.via is None  # the relay has not said yet: the chat's own way
    row.set_ways(["sms"], "whatsapp")
    whatsapp, sms = row.buttons["whatsapp"], row.buttons["sms"]
    assert whatsapp.isVisibleTo(row) and not whatsapp.isEnabled()
    assert "24 hours" in whatsapp.toolTip()
    assert sms.isVisibleTo(row) and sms.isChecked() and row.via == "sms"
    assert not row.buttons["chat"].isVisibleTo(row)
    row.comment_button.setChecked(True)
    assert row.comment_mode and row.via is None
    row.reset()
    assert row.via == "sms"
    row.set_channel("whatsapp", 6)  # another chat: nothing of the first one's ways
    assert row.ways is None and whatsapp.isEnabled() and whatsapp.isChecked()
    row.deleteLater()


async def test_c19_c10_a_whatsapp_reply_shows_the_ticks_whatsapp_reports(
    qapp: Any,
    relay: RelayHandle,
    data_dir: Path,
    secrets: Any,
    translations: Path,  # noqa: F811 - the fixture
) -> None:
    """C19/C10: in the app, a reply typed in a WhatsApp chat turns delivered, then read, as
    WhatsApp's status webhooks (from our fake) say, through the widget's receipt frames."""
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
            body = FakeWhatsApp.message_body("5491155550000", "Lucía", "¿Envían?", "wamid.IN1")
            assert await asyncio.to_thread(FakeWhatsApp.post, hook, body) == 200
            await until(lambda: len(app.chats.order) == 1)
            chat_id = app.chats.order[0]
            assert await app.chats.accept_async(chat_id)
            app.chats.select(chat_id)
            await until(lambda: conversation.composer.isEnabled())
            row = conversation.reply_channel
            await until(lambda: row.ways == ["whatsapp"] and row.via == "whatsapp")
            QTest.keyClicks(conversation.composer, "Yes, everywhere.")
            QTest.keyClick(conversation.composer, Qt.Key.Key_Return)
            await until(lambda: len(fake.requests) == 1, timeout=15)
            chat = app.chats.chat(chat_id)
            mine = chat.messages[-1]
            await until(lambda: mine.state == "sent")
            request = fake.requests[0]
            for state in ("delivered", "read"):
                report = FakeWhatsApp.status_body(
                    request["wamid"], state, "5491155550000", request["biz_opaque_callback_data"]
                )
                assert await asyncio.to_thread(FakeWhatsApp.post, hook, report) == 200
                await until(lambda state=state: mine.state == state)
        finally:
            await app.shutdown()
