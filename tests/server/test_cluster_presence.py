"""X4: presence across relay nodes (several ``Relay`` objects on one database and one bus).

An agent is online while any of her connections on any node is; "agents available" is the same
on every node; a node that dies (stops heartbeating, no shutdown) takes its agents offline on
every other node within the presence expiry, and each colleague is told once."""

from __future__ import annotations

import asyncio
import dataclasses
import time
from collections.abc import Awaitable, Callable

import sqlalchemy as sa

from jivo_desktop.net.client import AgentClient
from server import protocol as p
from server.core.relay import Relay
from server.store.schema import agent_dropouts, chat_participants, chats
from tests.support.local_cluster import (
    BEA_EMAIL,
    BEA_PASSWORD,
    EXPIRY,
    cluster,
    die,
    rows,
    site_key,
)
from tests.support.relay import ADMIN_EMAIL, ADMIN_PASSWORD, AGENT_EMAIL, AGENT_PASSWORD
from tests.support.visitor import Visitor
from tests.support.waiting import until


async def eventually(check: Callable[[], Awaitable[bool]], timeout: float = 10.0) -> None:
    """Poll an async condition (a database query) until it holds."""
    async with asyncio.timeout(timeout):
        while True:
            if await check():
                return
            await asyncio.sleep(0.02)


async def signed_in(relay: Relay, email: str, password: str, status: str = "online") -> AgentClient:
    client = AgentClient(relay.ws_url)
    await client.sign_in(email, password, status=status)  # type: ignore[arg-type]
    await client.wait_synced()
    return client


def me(client: AgentClient) -> int:
    assert client.welcome is not None
    return client.welcome.agent.id


def presence_of(agent_id: int, status: str) -> Callable[[object], bool]:
    return lambda f: (
        isinstance(f, p.AgentPresence) and f.agent.id == agent_id and f.agent.status == status
    )


async def test_x4_agent_on_node_2_is_online_on_node_1_until_node_2_dies(db_url: str) -> None:
    """X4: Ana signs in on node 2: the widget on node 1 sees agents available, and a chat from
    a visitor on node 1 is offered to her. Node 2 dies (stops heartbeating): within the expiry
    she is offline on nodes 1 and 3, Boss (node 1) and Bea (node 3) are each told once, the
    widget shows the offline form, and her open chat goes back to routing after the grace
    period (the drop-out row her dead node never wrote)."""
    async with cluster(db_url, 3, orphan_grace=0.5) as (one, two, three):
        visitor = Visitor(one.ws_url, site_key([one]))
        welcome = await visitor.connect()
        assert isinstance(welcome, p.VisitorWelcome) and not welcome.agents_online
        boss = await signed_in(one, ADMIN_EMAIL, ADMIN_PASSWORD, "away")  # takes no chats
        bea = await signed_in(three, BEA_EMAIL, BEA_PASSWORD, "away")
        ana = await signed_in(two, AGENT_EMAIL, AGENT_PASSWORD)
        ana_id = me(ana)
        await visitor.wait_for(lambda f: isinstance(f, p.AgentsAvailable) and f.online)
        for node in (one, two, three):
            assert node.presence.status(ana_id) == "online"
            assert node.presence.online_agents() == (ana_id,)
            assert node.presence.status(me(boss)) == "away"
        await boss.wait_for(presence_of(ana_id, "online"))
        await bea.wait_for(presence_of(ana_id, "online"))
        late = Visitor(one.ws_url, site_key([one]))
        assert (await late.connect()).agents_online  # type: ignore[attr-defined]
        await late.close()

        ack = await visitor.say("hola, ¿hay alguien?")
        assert isinstance(ack, p.MessageAcked)
        chat_id = ack.chat_id
        await ana.wait_for(lambda f: isinstance(f, p.ChatOffered) and f.chat.id == chat_id)
        await ana.accept(chat_id)

        marks = len(boss.received), len(bea.received)
        seen = len(visitor.frames)
        await die(two)
        died = time.monotonic()
        await until(
            lambda: one.presence.status(ana_id) == three.presence.status(ana_id) == "offline",
            timeout=EXPIRY + 5,
        )
        assert time.monotonic() - died < EXPIRY + 2.0  # the expiry, and a loaded machine
        assert one.presence.online_count() == three.presence.online_count() == 0
        await boss.wait_for(presence_of(ana_id, "offline"), since=marks[0])
        await bea.wait_for(presence_of(ana_id, "offline"), since=marks[1])
        await visitor.wait_for(
            lambda f: isinstance(f, p.AgentsAvailable) and not f.online, since=seen
        )
        # B6 with a dead node: the surviving leader wrote her drop-out row; her chat is requeued.
        told = await visitor.wait_for(
            lambda f: isinstance(f, p.EventPush) and f.event.kind == "requeued", since=seen
        )
        assert told.event.author_name == "Ana"
        assert one.router.requeued + three.router.requeued == 1
        for client, mark in zip((boss, bea), marks, strict=True):
            offline = [f for f in client.received[mark:] if presence_of(ana_id, "offline")(f)]
            assert len(offline) == 1, offline  # one node pushed it, not each survivor
        availability = [
            f for f in visitor.frames[seen:] if isinstance(f, p.AgentsAvailable) and not f.online
        ]
        assert len(availability) == 1
        for client in (ana, boss, bea):
            await client.close()
        await visitor.close()


async def test_x4_an_agent_on_two_nodes_stays_online_when_one_connection_closes(
    db_url: str,
) -> None:
    """X4: Ana is connected to nodes 1 and 2 and holds a chat. Her node-1 app quits: she is
    still online everywhere, nobody is told she went offline, and the drop-out row node 1 wrote
    is dropped at its time (she is connected to node 2) instead of requeueing her chat. A third
    node starting meanwhile learns at once that she is online and writes her no row."""
    async with cluster(db_url, 2, orphan_grace=1.0) as (one, two):
        ana1 = await signed_in(one, AGENT_EMAIL, AGENT_PASSWORD)
        ana2 = await signed_in(two, AGENT_EMAIL, AGENT_PASSWORD)
        boss = await signed_in(two, ADMIN_EMAIL, ADMIN_PASSWORD, "away")
        ana_id = me(ana1)
        visitor = Visitor(one.ws_url, site_key([one]))
        await visitor.connect()
        ack = await visitor.say("hola")
        assert isinstance(ack, p.MessageAcked)
        chat_id = ack.chat_id
        await ana1.wait_for(lambda f: isinstance(f, p.ChatOffered) and f.chat.id == chat_id)
        await ana1.accept(chat_id)

        third = Relay(dataclasses.replace(one.settings, node_id=""), bus=one.bus)
        await third.start()
        try:
            assert third.presence.status(ana_id) == "online"  # the others answered its ask
            await until(lambda: third.router._recovered)
            assert await rows(third, sa.select(agent_dropouts)) == []
        finally:
            await third.stop()

        mark, seen = len(boss.received), len(visitor.frames)
        await ana1.close()

        async def noted() -> bool:
            return len(await rows(one, sa.select(agent_dropouts))) == 1

        async def dropped() -> bool:
            return await rows(one, sa.select(agent_dropouts)) == []

        await eventually(noted)  # node 1 lost her last connection there
        await eventually(dropped)  # ... and its timer found her on node 2 when it was due
        for node in (one, two):
            assert node.presence.status(ana_id) == "online"
        assert one.router.requeued == two.router.requeued == 0
        chat = (await rows(one, sa.select(chats.c.state).where(chats.c.id == chat_id)))[0]
        assert chat.state == "active"
        members = await rows(
            one,
            sa.select(chat_participants.c.agent_id).where(
                chat_participants.c.chat_id == chat_id, chat_participants.c.left_at.is_(None)
            ),
        )
        assert [m.agent_id for m in members] == [ana_id]
        await ana2.send_message(chat_id, "sigo aquí")
        await visitor.wait_for(
            lambda f: isinstance(f, p.EventPush) and f.event.text == "sigo aquí", since=seen
        )
        assert not any(presence_of(ana_id, "offline")(f) for f in boss.received[mark:])
        assert not any(
            isinstance(f, p.EventPush) and f.event.kind == "requeued" for f in visitor.frames[seen:]
        )
        for client in (ana2, boss):
            await client.close()
        await visitor.close()
