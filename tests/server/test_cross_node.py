"""X4: two relay nodes (two ``Relay`` objects in this process) on one PostgreSQL, each with its
own RedisBus on one real redis-server: a chat across the nodes, messages sent while Redis is
down, and cursors when both nodes write at once.

Presence across nodes is not part of these tests (another part of issue 16): the agent is
signed in on every node a visitor writes to, so each node's own routing finds her online; the
connection under test is her other one, on the other node.

Every client here records the cursors of the event pushes as they came off the wire, before
the client's own dedupe: a duplicate or an event pushed after a newer one fails the test (a
client resuming from the highest cursor it saw would skip the older one for good).
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from websockets.asyncio.client import ClientConnection
from websockets.exceptions import ConnectionClosed

from jivo_desktop.net.client import AgentClient
from server import protocol as p
from server.account.presence import PRESENCE_TOPIC
from server.core.config import Settings
from server.core.relay import Relay
from server.store.schema import agent_dropouts, events
from tests.support.postgres import PostgresCluster
from tests.support.redis_server import RedisServer, skip_unless_redis
from tests.support.relay import AGENT_EMAIL, AGENT_PASSWORD, RelayHandle, running_relay
from tests.support.visitor import Visitor
from tests.support.waiting import until

pytestmark = [pytest.mark.postgres, pytest.mark.timeout(120)]


class WireAgent(AgentClient):
    def __init__(self, url: str) -> None:
        super().__init__(url, min_backoff=0.05, max_backoff=0.2)
        self.wire: list[int] = []

    def _on_frame(self, frame: p.Frame) -> None:
        if isinstance(frame, p.EventPush):
            self.wire.append(frame.event.cursor)
        super()._on_frame(frame)

    def texts(self, chat_id: int) -> list[str]:
        return [
            f.event.text
            for f in self.received
            if isinstance(f, p.EventPush)
            and f.event.chat_id == chat_id
            and f.event.kind == "message"
        ]


class WireVisitor(Visitor):
    def __init__(self, ws_url: str, site_key: str) -> None:
        super().__init__(ws_url, site_key)
        self.wire: list[int] = []

    async def _read(self, ws: ClientConnection) -> None:
        """Visitor._read, recording each event's cursor before the dedupe."""
        try:
            async for raw in ws:
                frame = p.decode_server(raw)
                if isinstance(frame, p.EventPush):
                    self.wire.append(frame.event.cursor)
                    if self.cursor is not None and frame.event.cursor <= self.cursor:
                        continue
                    self.cursor = frame.event.cursor
                self.frames.append(frame)
                self._arrived.set()
        except ConnectionClosed as exc:
            self.close_code = exc.rcvd.code if exc.rcvd else None


def in_order_once(cursors: list[int]) -> bool:
    return all(a < b for a, b in itertools.pairwise(cursors))


@pytest.fixture
def redis_server() -> Iterator[RedisServer]:
    skip_unless_redis()
    with RedisServer() as server:
        yield server


@contextlib.asynccontextmanager
async def two_nodes(
    pg: PostgresCluster, redis_url: str, tmp_path: Path
) -> AsyncIterator[tuple[RelayHandle, Relay]]:
    url = pg.create_database(f"x4_{uuid.uuid4().hex[:12]}")
    files = str(tmp_path / "files")
    async with (
        running_relay(url, redis_url=redis_url, node_id="node-1", files_dir=files) as one,
        Relay(second_node(url, redis_url, files)) as two,
    ):
        buses = (one.relay.redis_bus, two.redis_bus)
        assert buses[0] is not None and buses[1] is not None
        await until(lambda: buses[0].connected and buses[1].connected)  # type: ignore[union-attr]
        yield one, two


def second_node(database_url: str, redis_url: str, files_dir: str) -> Settings:
    """Node 2's settings, beside node 1 of ``running_relay``."""
    return Settings(
        host="127.0.0.1",
        port=0,
        database_url=database_url,
        redis_url=redis_url,
        node_id="node-2",
        files_dir=files_dir,
        first_frame_burst=100_000.0,
        new_visitors_per_hour=100_000.0,
    )


async def signed_in(url: str) -> WireAgent:
    agent = WireAgent(url)
    await agent.sign_in(AGENT_EMAIL, AGENT_PASSWORD)
    await agent.wait_synced()
    return agent


async def open_chat(visitor: WireVisitor, taker: WireAgent, text: str) -> int:
    """The visitor's first message, offered (over the bus) to ``taker``, who accepts it."""
    hello = await visitor.connect()
    assert isinstance(hello, p.VisitorWelcome) and hello.agents_online
    ack = await visitor.say(text)
    assert isinstance(ack, p.MessageAcked), ack
    offer = await taker.wait_for(
        lambda f: isinstance(f, p.ChatOffered) and f.chat.visitor.id == hello.visitor_id
    )
    await taker.accept(offer.chat.id)
    await visitor.wait_for(lambda f: isinstance(f, p.EventPush) and f.event.kind == "joined")
    return int(offer.chat.id)


async def test_x4_visitor_on_node_1_chats_with_agent_on_node_2(
    pg_cluster: PostgresCluster, redis_server: RedisServer, tmp_path: Path
) -> None:
    """X4: a visitor on node 1 writes; the agent's connection on node 2 gets the offer and the
    message over Redis, accepts and answers there (written by node 2); the visitor gets the
    answer; every push once, in cursor order, on both sides."""
    async with two_nodes(pg_cluster, redis_server.url, tmp_path) as (one, two):
        ana_on_1 = await signed_in(one.ws_url)  # node 1's routing finds her online
        ana = await signed_in(two.ws_url)
        visitor = WireVisitor(one.ws_url, one.site_key)
        chat_id = await open_chat(visitor, ana, "hola")

        reply = await ana.send_message(chat_id, "¿En qué puedo ayudarle?")
        assert reply.seq == 3
        got = await visitor.wait_for(
            lambda f: isinstance(f, p.EventPush) and f.event.text == "¿En qué puedo ayudarle?"
        )
        assert got.event.author == "agent"
        await visitor.say("quiero zapatos")
        await ana.wait_for(
            lambda f: isinstance(f, p.EventPush) and f.event.text == "quiero zapatos"
        )
        await ana_on_1.wait_for(
            lambda f: isinstance(f, p.EventPush) and f.event.text == "quiero zapatos"
        )
        assert ana.texts(chat_id)[-2:] == ["¿En qué puedo ayudarle?", "quiero zapatos"]
        assert ana.texts(chat_id).count("quiero zapatos") == 1
        for wire in (ana.wire, ana_on_1.wire, visitor.wire):
            assert wire and in_order_once(wire), wire
        for client in (ana, ana_on_1, visitor):
            await client.close()


async def test_x4_messages_sent_while_redis_is_down_arrive_once_in_order(
    pg_cluster: PostgresCluster, redis_server: RedisServer, tmp_path: Path
) -> None:
    """X4: Redis dies mid-chat. The visitor on node 1 goes on writing (node 1 stores and acks
    each message) and the agent on node 2 answers (node 2 stores it); nothing can cross. When
    Redis is back each node fills its clients' gaps from the database: the agent gets every
    visitor message, the visitor the answer, each once and in order, and the chat goes on
    live."""
    async with two_nodes(pg_cluster, redis_server.url, tmp_path) as (one, two):
        ana_on_1 = await signed_in(one.ws_url)
        ana = await signed_in(two.ws_url)
        visitor = WireVisitor(one.ws_url, one.site_key)
        chat_id = await open_chat(visitor, ana, "hola")
        await ana.send_message(chat_id, "dígame")
        await visitor.wait_for(lambda f: isinstance(f, p.EventPush) and f.event.text == "dígame")

        bus_1, bus_2 = one.relay.redis_bus, two.redis_bus
        assert bus_1 is not None and bus_2 is not None
        redis_server.stop()
        await until(lambda: not bus_1.connected and not bus_2.connected, timeout=20)
        texts = [f"mensaje {n}" for n in range(20)]
        for text in texts:
            assert isinstance(await visitor.say(text), p.MessageAcked)
        await ana.send_message(chat_id, "durante")
        # Node 1's own clients still get node 1's messages while Redis is down.
        await ana_on_1.wait_for(lambda f: isinstance(f, p.EventPush) and f.event.text == texts[-1])
        assert "mensaje 0" not in ana.texts(chat_id)

        await asyncio.to_thread(redis_server.start)
        await ana.wait_for(
            lambda f: isinstance(f, p.EventPush) and f.event.text == texts[-1], timeout=30
        )
        await visitor.wait_for(
            lambda f: isinstance(f, p.EventPush) and f.event.text == "durante", timeout=30
        )
        expected = await chat_texts(one.relay, chat_id)
        assert expected == ["hola", "dígame", *texts, "durante"]
        assert [t for t in ana.texts(chat_id) if t != "hola"] == expected[1:]
        answers = [e.text for e in visitor.events() if e.kind == "message" and e.author == "agent"]
        assert answers == ["dígame", "durante"]

        await visitor.say("otra vez en vivo")
        await ana.wait_for(
            lambda f: isinstance(f, p.EventPush) and f.event.text == "otra vez en vivo"
        )
        for wire in (ana.wire, ana_on_1.wire, visitor.wire):
            assert in_order_once(wire), wire
        for client in (ana, ana_on_1, visitor):
            await client.close()


async def chat_texts(relay: Relay, chat_id: int) -> list[str]:
    async with relay.engine.connect() as db:
        rows = await db.execute(
            sa.select(events.c.text)
            .where(events.c.chat_id == chat_id, events.c.kind == "message")
            .order_by(events.c.id)
        )
        return [r.text for r in rows]


async def test_x4_two_nodes_writing_at_once_never_let_a_client_skip_an_event(
    pg_cluster: PostgresCluster, redis_server: RedisServer, tmp_path: Path
) -> None:
    """X4: both nodes write events of both chats at once (each visitor on its node, the agent
    answering each chat through the other node). Ids are handed out at INSERT and become
    visible at COMMIT; the writer's advisory lock makes commit order cursor order, and each
    node pushes in cursor order. So every watching connection (one per node, and one that
    drops and resumes from its cursor midway) sees every event of the two chats exactly once,
    in cursor order: resuming from any cursor it saw skips nothing."""
    async with two_nodes(pg_cluster, redis_server.url, tmp_path) as (one, two):
        ana_1 = await signed_in(one.ws_url)
        ana_2 = await signed_in(two.ws_url)
        v1 = WireVisitor(one.ws_url, one.site_key)
        v2 = WireVisitor(two.ws_url, one.site_key)
        chat_1 = await open_chat(v1, ana_1, "uno")
        chat_2 = await open_chat(v2, ana_2, "dos")
        watchers = [await signed_in(one.ws_url), await signed_in(two.ws_url)]
        resumer = await signed_in(two.ws_url)
        start = max(w.cursor or 0 for w in [*watchers, resumer])

        async def visitor_writes(visitor: WireVisitor, tag: str) -> None:
            for n in range(30):
                assert isinstance(await visitor.say(f"{tag} {n}"), p.MessageAcked)

        async def agent_writes(agent: WireAgent, chat_id: int, tag: str) -> None:
            await asyncio.gather(*(agent.send_message(chat_id, f"{tag} {n}") for n in range(30)))

        async def drop_midway() -> None:
            await until(lambda: len(resumer.wire) >= 40, timeout=30)
            await resumer.drop_connection()

        await asyncio.gather(
            visitor_writes(v1, "v1"),
            visitor_writes(v2, "v2"),
            agent_writes(ana_2, chat_1, "a2"),  # node 2 writes in node 1's visitor's chat
            agent_writes(ana_1, chat_2, "a1"),
            drop_midway(),
        )
        async with one.relay.engine.connect() as db:
            rows = await db.execute(
                sa.select(events.c.id)
                .where(events.c.chat_id.in_([chat_1, chat_2]), events.c.id > start)
                .order_by(events.c.id)
            )
            expected = [int(r.id) for r in rows]
        assert len(expected) >= 120
        for watcher in [*watchers, resumer]:
            await until(lambda w=watcher: (w.cursor or 0) >= expected[-1], timeout=30)
            seen = [c for c in watcher.wire if c > start]
            assert in_order_once(seen), seen
            assert [c for c in seen if c in set(expected)] == expected
        assert resumer.reconnects >= 1
        for client in (ana_1, ana_2, v1, v2, *watchers, resumer):
            await client.close()


async def test_x4_invite_transfer_and_close_across_nodes_push_no_event_late(
    pg_cluster: PostgresCluster, redis_server: RedisServer, tmp_path: Path
) -> None:
    """X4 (C7, C9): chat actions whose events are pushed after other awaits (an invitation
    answered, a transfer taken, a chat closed) across two nodes: every event reaches the
    other node's clients once and in cursor order, and no node pushed one after the commit
    span that orders it (``late``: a client that saw a newer event would skip it for good)."""
    async with two_nodes(pg_cluster, redis_server.url, tmp_path) as (one, two):
        beto_id = await one.relay.create_agent("beto@example.com", "Beto", "beto-pass-123")
        ana_on_1 = await signed_in(one.ws_url)
        ana = await signed_in(two.ws_url)
        beto = WireAgent(two.ws_url)
        await beto.sign_in("beto@example.com", "beto-pass-123")
        await beto.wait_synced()
        beto_on_1 = WireAgent(one.ws_url)
        await beto_on_1.sign_in("beto@example.com", "beto-pass-123")
        await beto_on_1.wait_synced()
        visitor = WireVisitor(one.ws_url, one.site_key)
        chat_id = await open_chat(visitor, ana_on_1, "hola")

        def offered(f: p.Frame) -> bool:
            return isinstance(f, p.InvitationOffered) and f.invitation.chat.id == chat_id

        await ana_on_1.invite(chat_id, beto_id, "ayuda")  # node 1 writes, Beto's node 2 answers
        invitation = await beto.wait_for(offered)
        assert await beto.answer_invitation(invitation.invitation.id, True) is not None
        await ana_on_1.wait_for(
            lambda f: isinstance(f, p.InvitationAnswered) and f.outcome == "accepted"
        )
        await beto.send_message(chat_id, "Beto aquí")
        await visitor.wait_for(lambda f: isinstance(f, p.EventPush) and f.event.text == "Beto aquí")
        await ana.leave_chat(chat_id)  # through node 2: Ana leaves, Beto keeps the chat
        await beto_on_1.close_chat(chat_id)  # through node 1
        await visitor.wait_for(lambda f: isinstance(f, p.EventPush) and f.event.kind == "closed")
        async with one.relay.engine.connect() as db:
            rows = await db.execute(
                sa.select(events.c.id).where(events.c.chat_id == chat_id).order_by(events.c.id)
            )
            expected = [int(r.id) for r in rows]
        for client in (beto, beto_on_1, visitor):  # in the chat to its end (Ana left)
            await until(lambda c=client: (c.cursor or 0) >= expected[-1], timeout=30)
        for client in (ana, ana_on_1, beto, beto_on_1, visitor):
            assert in_order_once(client.wire), client.wire
        # Beto's two connections, on two nodes, saw the same events from his joining on.
        assert [c for c in beto.wire if c in set(expected)] == [
            c for c in beto_on_1.wire if c in set(expected)
        ]
        for bus in (one.relay.redis_bus, two.redis_bus):
            assert bus is not None and bus.order.late == 0, bus.order.late
        for client in (ana, ana_on_1, beto, beto_on_1, visitor):
            await client.close()


async def test_x4_a_starting_node_waits_for_the_others_presence_before_requeueing_chats(
    pg_cluster: PostgresCluster, redis_server: RedisServer, tmp_path: Path
) -> None:
    """X4 (B6): a node that starts while an agent holds an open chat through another node must
    not take her for gone. Its start-up check (a drop-out row, so the chat is requeued, for
    every agent with an open chat connected to no node) waits for the other nodes' presence
    answers, bounded by ``presence.SETTLE``: here node 1 is busy and answers 0.3 s late."""
    url = pg_cluster.create_database(f"x4_{uuid.uuid4().hex[:12]}")
    files = str(tmp_path / "files")
    async with running_relay(
        url, redis_url=redis_server.url, node_id="node-1", files_dir=files
    ) as one:
        ana = await signed_in(one.ws_url)
        assert ana.welcome is not None
        visitor = WireVisitor(one.ws_url, one.site_key)
        await open_chat(visitor, ana, "hola")
        presence, bus = one.relay.presence, one.relay.bus
        loop = asyncio.get_running_loop()

        def busy(text: str, cursor: int | None) -> None:
            loop.call_later(0.3, presence._received, text, cursor)

        bus.unsubscribe(PRESENCE_TOPIC, presence._received)
        bus.subscribe(PRESENCE_TOPIC, busy)
        async with Relay(second_node(url, redis_server.url, files)) as two:
            await until(lambda: two.router._recovered, timeout=10)
            async with two.engine.connect() as db:
                held = (await db.execute(sa.select(agent_dropouts.c.agent_id))).all()
            assert held == []
            assert two.presence.status(ana.welcome.agent.id) == "online"
        for client in (ana, visitor):
            await client.close()
