"""C19 with C10/K1 (issue 21): the ticks of replies by a channel come from the provider's own
reports, against our fake providers: WhatsApp's signed status webhooks (found by the key we
gave as ``biz_opaque_callback_data``) and Twilio's signed status callbacks (to the URL we gave
with the message) move the chat's receipts, pushed to the agent as the widget's receipts are
(``receipt_changed``); a late report never moves a tick back; an undelivered SMS is marked
failed with the reason, and a forged report is refused with nothing changed."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from jivo_desktop.net.client import AgentClient
from server import protocol as p
from server.store.schema import channel_outbox, channels
from tests.server.test_channels_webhooks import _eventually, _rows
from tests.support import fake_twilio as ft
from tests.support import fake_whatsapp as fw
from tests.support.fake_twilio import FakeTwilio, fake_twilio
from tests.support.fake_whatsapp import FakeWhatsApp, fake_whatsapp
from tests.support.relay import RelayHandle, running_relay

PHONE = "5491155550000"


@pytest.fixture
async def relay(db_url: str) -> AsyncIterator[RelayHandle]:
    """SQLite and PostgreSQL."""
    async with running_relay(db_url, channel_webhook_port=0) as handle:
        yield handle


@pytest.fixture
async def agent(relay: RelayHandle) -> AsyncIterator[AgentClient]:
    client = AgentClient(relay.ws_url)
    await client.sign_in(relay.admin_email, relay.admin_password)
    await client.wait_synced()
    yield client
    await client.close()


async def _receipt(agent: AgentClient, chat_id: int, delivered: int, read: int) -> None:
    await agent.wait_for(
        lambda f: (
            isinstance(f, p.ReceiptChanged)
            and f.chat_id == chat_id
            and f.reader == "visitor"
            and (f.delivered_seq, f.read_seq) == (delivered, read)
        ),
        timeout=15,
    )


async def test_c19_c10_whatsapp_statuses_move_the_ticks_of_a_reply(
    relay: RelayHandle, agent: AgentClient
) -> None:
    """C19/C10: WhatsApp's delivered and read statuses become the agent's ticks."""
    with fake_whatsapp() as fake:
        saved = await agent.request(
            lambda i: p.SaveChannel(
                id=i, kind="whatsapp", site_id=1, name="WhatsApp",
                settings={"phone_number_id": fw.PHONE_ID, "access_token": fw.ACCESS_TOKEN,
                          "app_secret": fw.APP_SECRET, "verify_token": fw.VERIFY_TOKEN,
                          "api_base": fake.base},
            )
        )  # fmt: skip
        assert isinstance(saved, p.ChannelSaved)
        hook = saved.channel.webhook_url
        body = FakeWhatsApp.message_body(PHONE, "Lucía", "¿Hacen envíos?", "wamid.IN1")
        assert await asyncio.to_thread(FakeWhatsApp.post, hook, body) == 200
        offered = await agent.wait_for(lambda f: isinstance(f, p.ChatOffered))
        chat_id = offered.chat.id
        await agent.accept(chat_id)
        acked = await agent.send_message(chat_id, "Sí, a todo el país.")
        await _eventually(lambda: _has(fake.requests))
        (request,) = fake.requests
        key = request["biz_opaque_callback_data"]
        assert key.startswith("jivo-")  # our idempotency key, echoed in its statuses

        # A forged status (another secret): refused, nothing moves.
        read = FakeWhatsApp.status_body(request["wamid"], "read", PHONE, key)
        assert await asyncio.to_thread(FakeWhatsApp.post, hook, read, "guess") == 401
        delivered = FakeWhatsApp.status_body(request["wamid"], "delivered", PHONE, key)
        assert await asyncio.to_thread(FakeWhatsApp.post, hook, delivered) == 200
        await _receipt(agent, chat_id, acked.seq, 0)
        assert await asyncio.to_thread(FakeWhatsApp.post, hook, read) == 200
        await _receipt(agent, chat_id, acked.seq, acked.seq)
        # Meta's late "sent" (statuses may come out of order) changes nothing.
        late = FakeWhatsApp.status_body(request["wamid"], "sent", PHONE, key)
        assert await asyncio.to_thread(FakeWhatsApp.post, hook, late) == 200
        (row,) = await _rows(relay, channel_outbox)
        assert row.status == "read" and row.provider_id == request["wamid"]
        history = await agent.history(chat_id)
        assert [e.text for e in history if e.kind == "message"][-1] == "Sí, a todo el país."
        assert len(fake.sent) == 1


async def test_c19_c10_twilio_status_callbacks_move_the_ticks_or_say_why_it_failed(
    relay: RelayHandle, agent: AgentClient
) -> None:
    """C19/C10: Twilio's status callbacks: delivered is the agent's ticks; undelivered fails,
    and the chat's agents get ``reply_undelivered`` with Twilio's reason."""
    with fake_twilio() as fake:
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
        assert await asyncio.to_thread(FakeTwilio.post, hook, sms_in) == 200
        offered = await agent.wait_for(lambda f: isinstance(f, p.ChatOffered))
        chat_id = offered.chat.id
        await agent.accept(chat_id)
        first = await agent.send_message(chat_id, "Sí, de 10 a 14.")
        second = await agent.send_message(chat_id, "Y el domingo no.")
        await _eventually(lambda: _has(fake.callbacks, 2))
        (sid1, url1), (sid2, url2) = fake.callbacks
        assert url1.startswith(hook + "?key=jivo-")  # Twilio reports there, signed over it

        report = {"MessageSid": sid1, "MessageStatus": "delivered", "AccountSid": ft.ACCOUNT_SID}
        assert await asyncio.to_thread(FakeTwilio.post, url1, report, "not-the-token") == 401
        assert await asyncio.to_thread(FakeTwilio.post, url1, report) == 200
        await _receipt(agent, chat_id, first.seq, 0)
        # The second never arrived: failed, with Twilio's error code as the reason.
        failed = {"MessageSid": sid2, "MessageStatus": "undelivered", "ErrorCode": "30003",
                  "AccountSid": ft.ACCOUNT_SID}  # fmt: skip
        assert await asyncio.to_thread(FakeTwilio.post, url2, failed) == 200

        async def settled() -> list[object]:
            rows = await _rows(relay, channel_outbox)
            return rows if [r.status for r in rows] == ["delivered", "failed"] else []

        # The agents of the chat are told, through the bus, which reply and why (C19).
        told = await agent.wait_for(lambda f: isinstance(f, p.ReplyUndelivered))
        assert (told.chat_id, told.seq) == (chat_id, second.seq) and "30003" in told.reason
        rows = await _eventually(settled)
        assert "30003" in rows[1].last_error  # type: ignore[attr-defined]
        (channel,) = await _rows(relay, channels)
        assert "30003" in channel.last_error  # Ajustes → Canales shows it
        assert len(fake.sent) == 2


async def _has(items: list[object], n: int = 1) -> bool:
    return len(items) >= n
