"""X3: no message lost or duplicated across disconnects, retries and a relay crash."""

from __future__ import annotations

import asyncio
import uuid
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import create_async_engine

from jivo_desktop.net.client import AgentClient
from server import protocol as p
from server.store.schema import events
from tests.support.relay import (
    AGENT_EMAIL,
    AGENT_PASSWORD,
    RelayHandle,
    RelayProcess,
    create_agent_cli,
)
from tests.support.visitor import Visitor


def _texts(frames: list[p.Frame], kind: str = "message") -> list[str]:
    return [f.event.text for f in frames if isinstance(f, p.EventPush) and f.event.kind == kind]


async def _open_chat(relay_ws: str, site_key: str, agent: AgentClient) -> tuple[Visitor, int]:
    visitor = Visitor(relay_ws, site_key)
    await visitor.connect()
    await visitor.say("v0")
    offer = await agent.wait_for_type(p.ChatOffered)
    await agent.accept(offer.chat.id)
    return visitor, offer.chat.id


async def test_retried_send_is_stored_once(relay: RelayHandle) -> None:
    """X3: a send retried with the same client_msg_id is acknowledged with the same seq and
    cursor, marked duplicate, stored once and pushed once."""
    agent = AgentClient(relay.ws_url)
    await agent.sign_in(relay.agent_email, relay.agent_password)
    visitor, chat_id = await _open_chat(relay.ws_url, relay.site_key, agent)
    first = await visitor.say("only once", client_msg_id="retry-1")
    second = await visitor.say("only once", client_msg_id="retry-1")
    assert isinstance(first, p.MessageAcked) and isinstance(second, p.MessageAcked)
    assert (second.seq, second.cursor, second.duplicate) == (first.seq, first.cursor, True)
    ack1 = await agent.send_message(chat_id, "reply", client_msg_id="agent-retry")
    ack2 = await agent.send_message(chat_id, "reply", client_msg_id="agent-retry")
    assert ack1.cursor == ack2.cursor
    await agent.ping()
    assert _texts(agent.received).count("only once") == 1
    async with relay.relay.engine.connect() as db:
        texts = (await db.execute(sa.select(events.c.text).order_by(events.c.id))).scalars().all()
    assert texts.count("only once") == 1 and texts.count("reply") == 1
    await agent.close()
    await visitor.close()


async def test_agent_resumes_from_cursor_after_a_drop(relay: RelayHandle) -> None:
    """X3: while the agent's connection is down the visitor keeps writing; the client
    reconnects by itself and gets exactly the missed events, in order, once."""
    agent = AgentClient(relay.ws_url, min_backoff=0.05)
    await agent.sign_in(relay.agent_email, relay.agent_password)
    visitor, _chat = await _open_chat(relay.ws_url, relay.site_key, agent)
    await visitor.say("before")
    await agent.wait_for(lambda f: isinstance(f, p.EventPush) and f.event.text == "before")
    await agent.drop_connection()
    for i in range(20):
        assert isinstance(await visitor.say(f"gap {i}"), p.MessageAcked)
    await agent.wait_for(lambda f: isinstance(f, p.EventPush) and f.event.text == "gap 19")
    assert agent.reconnects >= 1
    texts = _texts(agent.received)
    assert texts == ["v0", "before", *[f"gap {i}" for i in range(20)]]
    cursors = [f.event.cursor for f in agent.received if isinstance(f, p.EventPush)]
    assert cursors == sorted(set(cursors))
    await agent.close()
    await visitor.close()


async def test_visitor_resumes_from_cursor(relay: RelayHandle) -> None:
    """X3/V5: a visitor that reconnects with its token and cursor gets what it missed, and
    keeps its numeric id (V4)."""
    agent = AgentClient(relay.ws_url)
    await agent.sign_in(relay.agent_email, relay.agent_password)
    visitor, chat_id = await _open_chat(relay.ws_url, relay.site_key, agent)
    await agent.send_message(chat_id, "seen live")
    await visitor.wait_for(lambda f: isinstance(f, p.EventPush) and f.event.text == "seen live")
    first_id = visitor.visitor_id
    await visitor.close()
    for i in range(5):
        await agent.send_message(chat_id, f"missed {i}")
    again = Visitor(relay.ws_url, relay.site_key)
    again.token, again.cursor = visitor.token, visitor.cursor
    hello = await again.connect()
    assert isinstance(hello, p.VisitorWelcome) and hello.visitor_id == first_id
    assert hello.chat is not None and hello.chat.id == chat_id
    await again.wait_for(lambda f: isinstance(f, p.SyncDone))
    assert _texts(again.frames) == [f"missed {i}" for i in range(5)]
    fresh = Visitor(relay.ws_url, relay.site_key)
    fresh.token = visitor.token  # same browser, history cleared: the open chat comes whole
    await fresh.connect()
    await fresh.wait_for(lambda f: isinstance(f, p.SyncDone))
    assert _texts(fresh.frames) == ["v0", "seen live", *[f"missed {i}" for i in range(5)]]
    await agent.close()
    await again.close()
    await fresh.close()


async def _stored_messages(database_url: str) -> list[tuple[str, str]]:
    engine = create_async_engine(database_url)
    try:
        async with engine.connect() as db:
            rows = await db.execute(
                sa.select(events.c.author, events.c.text)
                .where(events.c.kind == "message")
                .order_by(events.c.id)
            )
            return [(r.author, r.text) for r in rows]
    finally:
        await engine.dispose()


async def test_relay_sigkill_mid_conversation_loses_nothing(db_url: str, tmp_path: Path) -> None:
    """X3: SIGKILL the relay mid-conversation, restart it on the same database: the agent
    client reconnects by itself, the visitor reconnects with its cursor and resends what was
    not acknowledged; every acknowledged message is there exactly once, in order, on both
    sides. Runs on SQLite and on PostgreSQL."""
    process = RelayProcess(db_url, tmp_path)
    await process.start_async()
    try:
        await create_agent_cli(process.database_url)
        agent = AgentClient(process.ws_url, min_backoff=0.05, max_backoff=0.5)
        await agent.sign_in(AGENT_EMAIL, AGENT_PASSWORD)
        site_key = await _demo_key(db_url)
        visitor, chat_id = await _open_chat(process.ws_url, site_key, agent)

        acked_visitor: list[str] = ["v0"]
        acked_agent: list[str] = []
        for i in range(10):
            assert isinstance(await visitor.say(f"v{i + 1}"), p.MessageAcked)
            acked_visitor.append(f"v{i + 1}")
            acked_agent.append((await agent.send_message(chat_id, f"a{i}")).client_msg_id)
        # In flight when the relay dies: sent, maybe stored, not yet acknowledged.
        in_flight = {f"v-late-{i}": uuid.uuid4().hex for i in range(5)}
        for text, cmid in in_flight.items():
            visitor.send_frame(
                lambda rid, text=text, cmid=cmid: p.SendMessage(
                    id=rid, client_msg_id=cmid, text=text
                )
            )
        agent_sends = [
            asyncio.create_task(agent.send_message(chat_id, f"a-late-{i}")) for i in range(5)
        ]
        process.kill()
        await visitor.close()
        await process.start_async()  # same database, same port

        again = Visitor(process.ws_url, site_key)
        again.token, again.cursor = visitor.token, visitor.cursor
        assert isinstance(await again.connect(), p.VisitorWelcome)
        for text, cmid in in_flight.items():  # the widget's outbox does exactly this
            answer = await again.say(text, client_msg_id=cmid)
            assert isinstance(answer, p.MessageAcked), answer
        late_acks = await asyncio.wait_for(asyncio.gather(*agent_sends), 30)
        assert [a.chat_id for a in late_acks] == [chat_id] * 5
        await agent.ping()
        assert agent.reconnects >= 1

        stored = await _stored_messages(db_url)
        expected_visitor = acked_visitor + list(in_flight)
        expected_agent = [f"a{i}" for i in range(10)] + [f"a-late-{i}" for i in range(5)]
        assert [t for a, t in stored if a == "visitor"] == expected_visitor
        assert [t for a, t in stored if a == "agent"] == expected_agent
        # The agent saw every visitor message exactly once, in the stored order.
        seen = _texts(agent.received)
        assert [t for t in seen if t.startswith("v")] == expected_visitor
        # The visitor saw every agent message once, across both connections.
        seen_by_visitor = _texts(visitor.frames) + _texts(again.frames)
        assert [t for t in seen_by_visitor if t.startswith("a")] == expected_agent
        await agent.close()
        await again.close()
    finally:
        process.stop()


async def _demo_key(db_url: str) -> str:
    engine = create_async_engine(db_url)
    try:
        async with engine.connect() as db:
            from server.store.schema import sites

            return (await db.execute(sa.select(sites.c.key))).scalar_one()
    finally:
        await engine.dispose()


async def test_a_burst_of_messages_is_stored_and_delivered_in_order(relay: RelayHandle) -> None:
    """X3: messages sent back to back without waiting for acks (pipelined on the relay) are
    acknowledged, stored and pushed in the order they were sent, with consecutive seq."""
    agent = AgentClient(relay.ws_url)
    await agent.sign_in(relay.agent_email, relay.agent_password)
    visitor, chat_id = await _open_chat(relay.ws_url, relay.site_key, agent)
    ids = [
        visitor.send_frame(
            lambda rid, i=i: p.SendMessage(id=rid, client_msg_id=f"burst-{i}", text=f"b{i}")
        )
        for i in range(30)
    ]
    acks = [await visitor.answer(rid) for rid in ids]
    assert all(isinstance(a, p.MessageAcked) for a in acks)
    seqs = [a.seq for a in acks]  # type: ignore[attr-defined]
    assert seqs == list(range(seqs[0], seqs[0] + 30))
    await agent.wait_for(lambda f: isinstance(f, p.EventPush) and f.event.text == "b29")
    texts = [t for t in _texts(agent.received) if t.startswith("b")]
    assert texts == [f"b{i}" for i in range(30)]
    assert chat_id
    await agent.close()
    await visitor.close()
