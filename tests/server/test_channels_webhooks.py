"""C10/K1 (issue 21): the channels that arrive by webhook, each against a fake provider of our
own. WhatsApp (Cloud API): the verification handshake; a POST with a bad X-Hub-Signature-256
refused with nothing stored; a client's message POSTed twice (Meta retries) is one chat,
offered as widget chats are; the reply reaches the fake once; past the 24-hour window a reply
is refused at once, with a sentence saying a template would be needed, and the fake gets nothing.
SMS (Twilio): X-Twilio-Signature checked, a retried SMS is one message, a status callback
stores nothing, the reply reaches the fake once."""

from __future__ import annotations

import asyncio
import time
import urllib.parse
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from jivo_desktop.net.client import AgentClient
from jivo_desktop.net.errors import RelayError
from server import protocol as p
from server.channels import whatsapp
from server.channels.adapter import ChannelFailed
from server.store.db import read
from server.store.schema import channel_messages, channel_outbox, chats, events
from tests.support import fake_twilio as ft
from tests.support import fake_whatsapp as fw
from tests.support.fake_twilio import FakeTwilio, fake_twilio
from tests.support.fake_whatsapp import FakeWhatsApp, fake_whatsapp
from tests.support.relay import RelayHandle, running_relay


@pytest.fixture
async def relay(tmp_path: Path) -> AsyncIterator[RelayHandle]:
    url = f"sqlite+aiosqlite:///{tmp_path / 'relay.db'}"
    async with running_relay(url, channel_webhook_port=0) as handle:
        yield handle


async def _rows(relay: RelayHandle, table: Any) -> list[Any]:
    return list(await read(relay.relay.engine, lambda c: c.execute(sa.select(table)).all()))


async def _eventually(check: Any, timeout: float = 15.0) -> Any:
    async with asyncio.timeout(timeout):
        while True:
            value = await check()
            if value:
                return value
            await asyncio.sleep(0.05)  # an outbox row is a timer row: nothing else to await


async def test_c10_k1_whatsapp_webhooks_signed_once_and_the_24_hour_window(
    relay: RelayHandle,
) -> None:
    """C10/K1: handshake, signature, de-duplication, the reply once, the 24-hour window."""
    with fake_whatsapp() as fake:
        agent = AgentClient(relay.ws_url)
        await agent.sign_in(relay.admin_email, relay.admin_password)
        await agent.wait_synced()
        saved = await agent.request(
            lambda i: p.SaveChannel(
                id=i, kind="whatsapp", site_id=1, name="WhatsApp tienda",
                settings={"phone_number_id": fw.PHONE_ID, "access_token": fw.ACCESS_TOKEN,
                          "app_secret": fw.APP_SECRET, "verify_token": fw.VERIFY_TOKEN,
                          "api_base": fake.base},
            )
        )  # fmt: skip
        assert isinstance(saved, p.ChannelSaved)
        hook = saved.channel.webhook_url
        assert hook.endswith(f"/channels/{saved.channel.id}/webhook")
        assert saved.channel.secrets_set == ["access_token", "app_secret", "verify_token"]

        # Meta's subscription handshake: the challenge echoed only for the right token.
        query = {"hub.mode": "subscribe", "hub.verify_token": fw.VERIFY_TOKEN,
                 "hub.challenge": "1158201444"}  # fmt: skip
        ok = await asyncio.to_thread(FakeWhatsApp.get, f"{hook}?{urllib.parse.urlencode(query)}")
        assert ok == (200, "1158201444")
        query["hub.verify_token"] = "guess"
        wrong = await asyncio.to_thread(FakeWhatsApp.get, f"{hook}?{urllib.parse.urlencode(query)}")
        assert wrong[0] == 403

        body = FakeWhatsApp.message_body("5491155550000", "Lucía", "¿Hacen envíos?", "wamid.IN1")
        # A forged POST (another secret): refused, nothing stored.
        assert await asyncio.to_thread(FakeWhatsApp.post, hook, body, "not-the-secret") == 401
        assert await _rows(relay, channel_messages) == [] and await _rows(relay, chats) == []

        # Meta retries a delivery until it gets a 200: the same message twice is one.
        assert await asyncio.to_thread(FakeWhatsApp.post, hook, body) == 200
        offered = await agent.wait_for(
            lambda f: isinstance(f, p.ChatOffered) and f.chat.channel == "whatsapp"
        )
        assert await asyncio.to_thread(FakeWhatsApp.post, hook, body) == 200
        chat = offered.chat
        assert chat.visitor is not None and chat.visitor.name == "Lucía"
        assert chat.visitor.phone == "+5491155550000"
        lines = [e.text for e in await _rows(relay, events) if e.author == "visitor"]
        assert lines == ["¿Hacen envíos?"]

        await agent.accept(chat.id)
        await agent.send_message(chat.id, "Sí, a todo el país.")
        await _eventually(lambda: _sent(fake, 1))
        assert fake.sent == [{"to": "5491155550000", "text": "Sí, a todo el país."}]

        # 25 hours later (her message moved back in time): a reply fails at once, clearly.
        def age(conn: sa.Connection) -> None:
            conn.execute(
                sa.update(channel_messages)
                .where(channel_messages.c.direction == "in")
                .values(created_at=time.time() - 25 * 3600)
            )

        await relay.relay.writer.run(age)
        stored = len(await _rows(relay, events))
        with pytest.raises(RelayError) as refused:  # refused at once, nothing stored
            await agent.send_message(chat.id, "¿Algo más?")
        assert refused.value.code == "unreachable" and "24 hours" in refused.value.message
        assert "template" in refused.value.message
        assert len(await _rows(relay, events)) == stored
        rows = await _rows(relay, channel_outbox)
        assert [(r.status, r.attempts) for r in rows] == [("sent", 1)]
        # A reply queued within the window but sent after it fails at once, never retried.
        with pytest.raises(ChannelFailed) as late:
            whatsapp.WhatsAppAdapter().send(
                {"api_base": fake.base}, {"to": "1", "text": "x", "last_inbound_at": 1.0}, "k"
            )
        assert late.value.permanent and str(late.value) == whatsapp.OUTSIDE_WINDOW
        assert len(fake.sent) == 1
        await agent.close()


async def _sent(fake: FakeWhatsApp, n: int) -> bool:
    return len(fake.sent) >= n


async def test_c10_k1_sms_by_twilio_signed_once_and_replied_once(relay: RelayHandle) -> None:
    """C10/K1: Twilio's signed webhook, retries and status callbacks; the reply once."""
    with fake_twilio() as fake:
        agent = AgentClient(relay.ws_url)
        await agent.sign_in(relay.admin_email, relay.admin_password)
        await agent.wait_synced()
        saved = await agent.request(
            lambda i: p.SaveChannel(
                id=i, kind="sms", site_id=1, name="SMS",
                settings={"account_sid": ft.ACCOUNT_SID, "auth_token": ft.AUTH_TOKEN,
                          "from_number": ft.FROM_NUMBER, "api_base": fake.base},
            )
        )  # fmt: skip
        assert isinstance(saved, p.ChannelSaved)
        hook = saved.channel.webhook_url
        sms_in = {"MessageSid": "SM1", "AccountSid": ft.ACCOUNT_SID, "From": "+34600111222",
                  "To": ft.FROM_NUMBER, "Body": "¿Abren el sábado?"}  # fmt: skip
        # Signed with another token: refused, nothing stored.
        assert await asyncio.to_thread(FakeTwilio.post, hook, sms_in, "not-the-token") == 401
        assert await _rows(relay, channel_messages) == []
        # Twilio retries: the same MessageSid twice is one message.
        assert await asyncio.to_thread(FakeTwilio.post, hook, sms_in) == 200
        offered = await agent.wait_for(
            lambda f: isinstance(f, p.ChatOffered) and f.chat.channel == "sms"
        )
        assert await asyncio.to_thread(FakeTwilio.post, hook, sms_in) == 200
        status = {"MessageSid": "SM1", "MessageStatus": "delivered", "From": "+34600111222"}
        assert await asyncio.to_thread(FakeTwilio.post, hook, status) == 200
        lines = [e.text for e in await _rows(relay, events) if e.author == "visitor"]
        assert lines == ["¿Abren el sábado?"]
        assert offered.chat.visitor is not None
        assert offered.chat.visitor.phone == "+34600111222"

        await agent.accept(offered.chat.id)
        await agent.send_message(offered.chat.id, "Sí, de 10 a 14.")
        async with asyncio.timeout(15):
            while not fake.sent:  # noqa: ASYNC110 - the outbox row is a timer row
                await asyncio.sleep(0.05)
        assert fake.sent == [
            {"To": "+34600111222", "From": ft.FROM_NUMBER, "Body": "Sí, de 10 a 14."}
        ]
        (row,) = await _rows(relay, channel_outbox)
        assert row.status == "sent" and row.provider_id.startswith("SM")
        await agent.close()
