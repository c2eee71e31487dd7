"""C10/K1 (issue 21): IMAP IDLE where the server offers it (pymap does), against a real IMAP
server. The channel polls once an hour here, so only IDLE can bring the client's mail in
time: it opens its chat at once, twice in a row (the wait starts again after each fetch), and
no thread of the channels' pool is held while the mailbox waits."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
import sqlalchemy as sa

from jivo_desktop.net.client import AgentClient
from server import protocol as p
from server.core.executors import CHANNELS
from server.store.db import read
from server.store.schema import channels
from tests.server.test_channels_email import mail
from tests.support.imap import ImapServer, imap_server
from tests.support.relay import RelayHandle, running_relay


@pytest.fixture
async def relay(sqlite_url: str) -> AsyncIterator[RelayHandle]:
    async with running_relay(sqlite_url) as handle:
        yield handle


@pytest.fixture
def imap() -> Iterator[ImapServer]:
    with imap_server() as server:
        yield server


async def test_c10_k1_imap_idle_brings_mail_in_without_waiting_for_the_next_poll(
    relay: RelayHandle, imap: ImapServer
) -> None:
    """C10/K1: IMAP IDLE: a mail opens its chat at once though the next poll is an hour away."""
    agent = AgentClient(relay.ws_url)
    await agent.sign_in(relay.admin_email, relay.admin_password)
    await agent.wait_synced()
    try:
        saved = await agent.request(
            lambda i: p.SaveChannel(
                id=i, kind="email", site_id=1, name="Soporte",
                settings={"address": "support@shop.example", "imap_host": "127.0.0.1",
                          "imap_port": str(imap.port), "imap_security": "plain",
                          "imap_user": imap.user, "imap_password": imap.password,
                          "smtp_host": "127.0.0.1", "smtp_port": "1", "poll_seconds": "3600"},
            )
        )  # fmt: skip
        assert isinstance(saved, p.ChannelSaved)

        async def state() -> dict[str, Any]:
            def fetch(conn: sa.Connection) -> Any:
                return conn.execute(sa.select(channels.c.state)).scalar_one()

            return dict(json.loads(await read(relay.relay.engine, fetch)))

        async with asyncio.timeout(15):
            while "next_uid" not in await state():  # noqa: ASYNC110 - the first poll's row
                await asyncio.sleep(0.05)
        assert (await state())["idle"] is True  # pymap offers IDLE

        for n, text in enumerate(["¿Tienen macetas?", "¿Y tierra?"], start=1):
            imap.deliver(mail(f"<idle-{n}@example.com>", f"Pregunta {n}", text))
            offered = await agent.wait_for(
                lambda f, text=text: isinstance(f, p.ChatOffered) and f.chat.preview == text,
                timeout=15,
            )
            assert offered.chat.channel == "email"
        async with asyncio.timeout(15):  # waiting again, on this node, after the fetch
            while len(relay.relay.channels._idles) != 1:  # noqa: ASYNC110 - a node's own task
                await asyncio.sleep(0.05)
        assert CHANNELS.pending == 0  # the wait holds no thread of the pool
    finally:
        await agent.close()
