"""C10/K1 (issue 21): a reply reaches the provider once even when the relay is killed between
sending it and hearing the provider's answer. The relay runs as ``jivo-relay serve`` in a child
process; our fake WhatsApp takes the reply and holds its answer while the test SIGKILLs the
relay, then the relay starts again on the same database. The outbox row is still "sending"
when its lease ends: WhatsApp has no idempotency key, so the relay does not send it again (the
reply is marked failed, "not sent again"); then WhatsApp's status webhook, which echoes our key
(``biz_opaque_callback_data``), says it was delivered, and the row and the chat's ticks (C19)
say so. The fake got the reply once."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import create_async_engine

from jivo_desktop.net.client import AgentClient
from server import protocol as p
from server.channels import service as channel_service
from server.store.schema import channel_outbox, chats
from tests.support import fake_whatsapp as fw
from tests.support.fake_whatsapp import FakeWhatsApp, fake_whatsapp
from tests.support.relay import RelayProcess, create_agent_cli

ADMIN, PASSWORD = "boss@shop.example", "boss-password-1"
PHONE = "5491155550000"


async def _webhook(agent: AgentClient) -> str:
    listed = await agent.request(lambda i: p.ListChannels(id=i))
    assert isinstance(listed, p.ChannelsList)
    return listed.channels[0].webhook_url


async def _signed_in(relay: RelayProcess) -> AgentClient:
    agent = AgentClient(relay.ws_url)
    await agent.sign_in(ADMIN, PASSWORD)
    await agent.wait_synced()
    return agent


async def test_c10_k1_reply_reaches_whatsapp_once_when_the_relay_is_killed_mid_send(
    tmp_path: Path,
) -> None:
    """C10/K1: killed between send and acknowledgement, restarted: the fake got it once."""
    db_url = f"sqlite+aiosqlite:///{tmp_path / 'relay.db'}"
    relay = RelayProcess(
        db_url,
        tmp_path,
        env={"JIVO_RELAY_CHANNEL_LEASE": "2", "JIVO_RELAY_CHANNEL_WEBHOOK_PORT": "0"},
    )
    engine = create_async_engine(db_url)

    async def outbox() -> list[Any]:
        async with engine.connect() as conn:
            return list((await conn.execute(sa.select(channel_outbox))).all())

    await relay.start_async()
    agent = None
    try:
        await create_agent_cli(db_url, ADMIN, PASSWORD, "Boss", "admin")
        with fake_whatsapp() as fake:
            agent = await _signed_in(relay)
            saved = await agent.request(
                lambda i: p.SaveChannel(
                    id=i, kind="whatsapp", site_id=1, name="WhatsApp",
                    settings={"phone_number_id": fw.PHONE_ID, "access_token": fw.ACCESS_TOKEN,
                              "app_secret": fw.APP_SECRET, "verify_token": fw.VERIFY_TOKEN,
                              "api_base": fake.base},
                )
            )  # fmt: skip
            assert isinstance(saved, p.ChannelSaved)
            body = FakeWhatsApp.message_body(PHONE, "Lucía", "¿Hacen envíos?", "wamid.IN1")
            hook = saved.channel.webhook_url
            assert await asyncio.to_thread(FakeWhatsApp.post, hook, body) == 200
            offered = await agent.wait_for(lambda f: isinstance(f, p.ChatOffered), timeout=15)
            chat_id = offered.chat.id
            await agent.accept(chat_id)

            fake.hold = threading.Event()  # the fake takes the reply and keeps its answer
            acked = await agent.send_message(chat_id, "Sí, a todo el país.")
            async with asyncio.timeout(15):
                while not fake.sent:  # noqa: ASYNC110 - the outbox row is a timer row
                    await asyncio.sleep(0.02)
            relay.kill()  # the provider has it; the relay never hears so
            fake.hold.set()
            await agent.close()
            agent = None
            (row,) = await outbox()
            assert row.status == "pending" and row.provider_id == ""

            await relay.start_async()  # the same database
            agent = await _signed_in(relay)

            async def settled() -> Any:
                rows = await outbox()
                return rows[0] if rows[0].status != "pending" else None

            async with asyncio.timeout(20):
                while (row := await settled()) is None:  # noqa: ASYNC110 - a timer row
                    await asyncio.sleep(0.05)  # its lease ends: nothing to await
            assert row.status == "failed" and row.last_error == channel_service.UNKNOWN_OUTCOME
            assert len(fake.sent) == 1  # not sent again

            # WhatsApp reports it delivered, with our key: the row and the ticks say so.
            (request,) = fake.requests
            assert request["biz_opaque_callback_data"] == row.key
            status = FakeWhatsApp.status_body(request["wamid"], "delivered", PHONE, row.key)
            assert await asyncio.to_thread(FakeWhatsApp.post, await _webhook(agent), status) == 200
            (row,) = await outbox()
            assert row.status == "delivered" and row.provider_id == request["wamid"]
            async with engine.connect() as conn:
                chat = (await conn.execute(sa.select(chats).where(chats.c.id == chat_id))).one()
            assert chat.visitor_delivered_seq == acked.seq
            assert len(fake.sent) == 1
    finally:
        if agent is not None:
            await agent.close()
        relay.stop()
        await engine.dispose()
