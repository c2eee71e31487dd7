"""C10/K1 (issue 21): what anonymous callers of the channels' webhook port may cost. Requests
are counted per client address over every relay node (the shared per-IP limiter the WebSocket
port uses); past the allowance a request is answered 429 with Retry-After before its body is
read, and nothing is stored; a body over the cap is 413 unread. And a reply the outbox gives
up on is told to the chat's agents (C19)."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import urllib.parse
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from jivo_desktop.net.client import AgentClient
from server import protocol as p
from server.channels import repo as channel_repo
from server.channels import service as channel_service
from server.channels.webhook_http import MAX_BODY
from server.store.db import read
from server.store.schema import channel_messages, channel_outbox, chats
from tests.support import fake_whatsapp as fw
from tests.support.fake_whatsapp import FakeWhatsApp
from tests.support.local_cluster import cluster
from tests.support.relay import ADMIN_EMAIL, ADMIN_PASSWORD, running_relay

pytestmark = pytest.mark.timeout(60)


async def _http(
    port: int, method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None,
    send_body: bool = True,
) -> tuple[int, dict[str, str], str]:  # fmt: skip
    """One HTTP/1.1 request on 127.0.0.1: (status, headers lower-cased, body)."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    head = [f"{method} {path} HTTP/1.1", f"Host: 127.0.0.1:{port}"]
    fields = {"Content-Length": str(len(body)), **(headers or {})}
    head += [f"{k}: {v}" for k, v in fields.items()]
    writer.write(("\r\n".join(head) + "\r\n\r\n").encode() + (body if send_body else b""))
    await writer.drain()
    raw = await reader.read()  # the relay closes after one answer
    writer.close()
    top, _, text = raw.partition(b"\r\n\r\n")
    lines = top.decode("latin-1").split("\r\n")
    answer = {k.strip().lower(): v.strip() for k, _, v in (x.partition(":") for x in lines[1:])}
    return int(lines[0].split(" ")[1]), answer, text.decode()


async def _count(engine: Any, table: Any) -> int:
    query = sa.select(sa.func.count()).select_from(table)
    return int(await read(engine, lambda c: c.execute(query).scalar()))


async def test_c10_k1_webhook_port_bounded_per_address_over_nodes(tmp_path: Path) -> None:
    """C10/K1: a flood of webhook requests from one address is refused with 429 + Retry-After
    on every node once its allowance is used on any; an oversized body is 413; nothing stored."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'relay.db'}"
    async with cluster(
        url, 2, channel_webhook_port=0, channel_webhook_rate=0.001, channel_webhook_burst=4
    ) as (one, two):
        agent = AgentClient(one.ws_url)
        await agent.sign_in(ADMIN_EMAIL, ADMIN_PASSWORD)
        await agent.wait_synced()
        saved = await agent.request(
            lambda i: p.SaveChannel(
                id=i, kind="whatsapp", site_id=1, name="WhatsApp",
                settings={"phone_number_id": fw.PHONE_ID, "access_token": fw.ACCESS_TOKEN,
                          "app_secret": fw.APP_SECRET, "verify_token": fw.VERIFY_TOKEN,
                          "api_base": "http://127.0.0.1:9"},
            )
        )  # fmt: skip
        assert isinstance(saved, p.ChannelSaved)
        path = f"/channels/{saved.channel.id}/webhook"
        await agent.close()

        # A body over the cap: 413, without the relay waiting for (or reading) it.
        status, _, _ = await _http(
            one.channel_webhooks.port, "POST", path,
            headers={"Content-Length": str(MAX_BODY + 1)}, send_body=False,
        )  # fmt: skip
        assert status == 413
        query = urllib.parse.urlencode(
            {"hub.mode": "subscribe", "hub.verify_token": fw.VERIFY_TOKEN, "hub.challenge": "7"}
        )
        for _ in range(3):  # the rest of this address's allowance, on node one
            status, _, text = await _http(one.channel_webhooks.port, "GET", f"{path}?{query}")
            assert (status, text) == (200, "7")
        refused, answer, text = await _http(one.channel_webhooks.port, "GET", f"{path}?{query}")
        assert refused == 429 and answer["retry-after"] == "1000" and "retry later" in text

        # Node one tells the others (once a second; here at once): node two refuses it too,
        # a correctly signed message included, and stores nothing of it.
        one.channel_webhook_limiter.report()
        body = FakeWhatsApp.message_body("5491155550000", "Lucía", "Hola", "wamid.FLOOD")
        signature = "sha256=" + hmac.new(fw.APP_SECRET.encode(), body, hashlib.sha256).hexdigest()
        status, answer, _ = await _http(
            two.channel_webhooks.port, "POST", path, body,
            {"Content-Type": "application/json", "X-Hub-Signature-256": signature},
        )  # fmt: skip
        assert status == 429 and int(answer["retry-after"]) >= 1
        assert two.channel_webhooks.refused == 1
        assert await _count(one.engine, channel_messages) == 0
        assert await _count(one.engine, chats) == 0


async def test_c10_c19_a_reply_the_outbox_gives_up_on_is_told_to_the_agent(tmp_path: Path) -> None:
    """C10/C19: a reply whose provider cannot be reached is retried with backoff, and when the
    outbox gives up the chat's agents get ``reply_undelivered`` with the reason (what the
    app shows under the line)."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'relay.db'}"
    async with running_relay(url, channel_backoff=0.001) as handle:
        relay = handle.relay
        frame = p.SaveChannel(
            id=1, kind="telegram", site_id=1, name="Bot",
            settings={"bot_token": "123:abc", "api_base": "http://127.0.0.1:1",
                      "poll_seconds": "3600"},
        )  # fmt: skip
        channel = int((await relay.writer.run(channel_repo.save_channel(frame))).id)
        agent = AgentClient(handle.ws_url)
        await agent.sign_in(handle.admin_email, handle.admin_password)
        await agent.wait_synced()
        inbound = channel_repo.Inbound(provider_id="update:1", address="4242", text="Hola")
        assert await relay.channels.receive(channel, inbound)
        offered = await agent.wait_for(lambda f: isinstance(f, p.ChatOffered))
        await agent.accept(offered.chat.id)
        ack = await agent.send_message(offered.chat.id, "Buenas, ¿en qué le ayudo?")
        told = await agent.wait_for(lambda f: isinstance(f, p.ReplyUndelivered), timeout=30)
        assert (told.chat_id, told.seq) == (offered.chat.id, ack.seq)
        assert told.reason.startswith("Telegram:")
        (row,) = await read(relay.engine, lambda c: c.execute(sa.select(channel_outbox)).all())
        assert row.status == "failed" and row.attempts == channel_service.MAX_ATTEMPTS
        # Durable: the agent's history (after a restart, a reconnect) says it too.
        history = await agent.history(offered.chat.id)
        assert [e.undelivered for e in history if e.cursor == ack.cursor] == [told.reason]
        assert all(not e.undelivered for e in history if e.cursor != ack.cursor)
        await agent.close()
