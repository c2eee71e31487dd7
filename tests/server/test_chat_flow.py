"""The basic chat on the relay, on SQLite and PostgreSQL (feature IDs in each docstring)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from websockets.asyncio.client import connect

from jivo_desktop.net.client import AgentClient
from server import protocol as p
from tests.support.relay import RelayHandle, running_relay
from tests.support.visitor import Visitor


async def test_visitor_chat_with_agent_round_trip(relay_any_db: RelayHandle) -> None:
    """V5/N1/C1: a visitor's first message is offered to the online agent, who accepts and
    answers; both sides see every message in order with increasing seq."""
    relay = relay_any_db
    agent = AgentClient(relay.ws_url)
    welcome = await agent.sign_in(relay.agent_email.upper(), relay.agent_password)
    assert welcome.agent.email == relay.agent_email
    await agent.wait_synced()

    visitor = Visitor(relay.ws_url, relay.site_key)
    hello = await visitor.connect(page_url="https://shop.example/shoes")
    assert isinstance(hello, p.VisitorWelcome) and hello.agents_online

    ack = await visitor.say("hola")
    assert isinstance(ack, p.MessageAcked) and ack.seq == 1
    offer = await agent.wait_for_type(p.ChatOffered)
    assert offer.chat.preview == "hola"
    assert offer.chat.visitor.id == hello.visitor_id
    assert offer.chat.visitor.page_url == "https://shop.example/shoes"
    chat_id = offer.chat.id

    await agent.accept(chat_id)
    joined = await visitor.wait_for(
        lambda f: isinstance(f, p.EventPush) and f.event.kind == "joined"
    )
    assert joined.event.author_name == "Ana"

    reply = await agent.send_message(chat_id, "¿En qué puedo ayudarle?")
    assert reply.seq == 3
    got = await visitor.wait_for(
        lambda f: isinstance(f, p.EventPush) and f.event.text == "¿En qué puedo ayudarle?"
    )
    assert got.event.author == "agent" and got.event.seq == 3

    await visitor.say("quiero zapatos")
    await agent.wait_for(lambda f: isinstance(f, p.EventPush) and f.event.text == "quiero zapatos")
    seqs = [e.seq for e in visitor.events()]
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)

    await agent.close()
    await visitor.close()


async def test_first_agent_to_accept_wins_and_others_see_it_taken(relay: RelayHandle) -> None:
    """N7: the offer reaches every online agent; the first accept wins, the other gets
    chat_taken, and every agent is told the chat was taken (their toast goes away)."""
    await relay.offer_to_everyone()
    ana = AgentClient(relay.ws_url)
    boss = AgentClient(relay.ws_url)
    await ana.sign_in(relay.agent_email, relay.agent_password)
    await boss.sign_in(relay.admin_email, relay.admin_password)
    visitor = Visitor(relay.ws_url, relay.site_key)
    await visitor.connect()
    await visitor.say("hello?")
    offer_a = await ana.wait_for_type(p.ChatOffered)
    offer_b = await boss.wait_for_type(p.ChatOffered)
    assert offer_a.chat.id == offer_b.chat.id

    results = await asyncio.gather(
        ana.accept(offer_a.chat.id), boss.accept(offer_a.chat.id), return_exceptions=True
    )
    errors = [r for r in results if isinstance(r, Exception)]
    assert len(errors) == 1 and getattr(errors[0], "code", None) == "chat_taken"
    for client in (ana, boss):
        taken = await client.wait_for_type(p.ChatTaken)
        assert taken.chat_id == offer_a.chat.id
    await ana.close()
    await boss.close()
    await visitor.close()


async def test_closed_chat_then_new_message_starts_new_chat(relay: RelayHandle) -> None:
    """C3: after the agent leaves the chat, the visitor's next message opens a new chat."""
    agent = AgentClient(relay.ws_url)
    await agent.sign_in(relay.agent_email, relay.agent_password)
    visitor = Visitor(relay.ws_url, relay.site_key)
    await visitor.connect()
    await visitor.say("first question")
    first = await agent.wait_for_type(p.ChatOffered)
    await agent.accept(first.chat.id)
    await agent.close_chat(first.chat.id)
    await visitor.wait_for(lambda f: isinstance(f, p.EventPush) and f.event.kind == "closed")
    with_closed = len(agent.received)
    ack = await visitor.say("one more thing")
    assert isinstance(ack, p.MessageAcked)
    assert ack.chat_id != first.chat.id and ack.seq == 1
    second = await agent.wait_for_type(p.ChatOffered, since=with_closed)
    assert second.chat.id == ack.chat_id
    await agent.close()
    await visitor.close()


async def test_typing_both_ways(relay: RelayHandle) -> None:
    """C17: typing indicators travel visitor -> agent and agent -> visitor."""
    agent = AgentClient(relay.ws_url)
    await agent.sign_in(relay.agent_email, relay.agent_password)
    visitor = Visitor(relay.ws_url, relay.site_key)
    await visitor.connect()
    await visitor.say("hi")
    offer = await agent.wait_for_type(p.ChatOffered)
    await agent.accept(offer.chat.id)
    visitor.send_frame(lambda _i: p.Typing(active=True))
    typing = await agent.wait_for(lambda f: isinstance(f, p.TypingChanged) and f.who == "visitor")
    assert typing.active and typing.chat_id == offer.chat.id
    await agent.typing(offer.chat.id, True)
    seen = await visitor.wait_for(lambda f: isinstance(f, p.TypingChanged))
    assert seen.who == "agent" and seen.name == "Ana" and seen.active
    await agent.close()
    await visitor.close()


async def test_no_agent_online_offline_form_is_stored(relay: RelayHandle) -> None:
    """V5: with nobody online the visitor is told so, a message is refused with
    no_agents_online (nothing half-stored), and the offline form is stored."""
    visitor = Visitor(relay.ws_url, relay.site_key)
    hello = await visitor.connect()
    assert isinstance(hello, p.VisitorWelcome) and not hello.agents_online
    refused = await visitor.say("anyone?")
    assert isinstance(refused, p.Error) and refused.code == "no_agents_online"
    request_id = visitor.send_frame(
        lambda i: p.OfflineMessage(id=i, name="Eva", email="eva@example.com", text="call me")
    )
    assert isinstance(await visitor.answer(request_id), p.Ok)
    import sqlalchemy as sa

    from server.store.schema import chats, offline_messages

    async with relay.relay.engine.connect() as db:
        stored = (await db.execute(sa.select(offline_messages))).all()
        assert [(r.name, r.email, r.text) for r in stored] == [
            ("Eva", "eva@example.com", "call me")
        ]
        assert (await db.execute(sa.select(sa.func.count()).select_from(chats))).scalar() == 0
    await visitor.close()


async def test_presence_and_availability(relay: RelayHandle) -> None:
    """G11/T1: away agents get no offers and visitors see nobody available; back online, the
    waiting chats are offered. Colleagues see the status change."""
    await relay.offer_to_everyone()
    boss = AgentClient(relay.ws_url)
    await boss.sign_in(relay.admin_email, relay.admin_password)
    ana = AgentClient(relay.ws_url)
    await ana.sign_in(relay.agent_email, relay.agent_password)
    presence = await boss.wait_for(
        lambda f: isinstance(f, p.AgentPresence) and f.agent.email == relay.agent_email
    )
    assert presence.agent.status == "online"
    visitor = Visitor(relay.ws_url, relay.site_key)
    await visitor.connect()
    await boss.set_status("away")
    await ana.set_status("away")
    unavailable = await visitor.wait_for(lambda f: isinstance(f, p.AgentsAvailable))
    assert unavailable.online is False
    await boss.wait_for(
        lambda f: (
            isinstance(f, p.AgentPresence)
            and f.agent.status == "away"
            and f.agent.email == relay.agent_email
        )
    )
    mark = len(visitor.frames)
    await ana.set_status("online")
    available = await visitor.wait_for(lambda f: isinstance(f, p.AgentsAvailable), since=mark)
    assert available.online is True
    await visitor.say("hola")
    await ana.wait_for_type(p.ChatOffered)
    await boss.ping()  # pushes queued before the answer arrive before it: no offer there
    assert not any(isinstance(f, p.ChatOffered) for f in boss.received)
    await boss.set_status("online")
    late = await boss.wait_for_type(p.ChatOffered)
    assert late.chat.preview == "hola"
    await ana.close()
    offline = await boss.wait_for(
        lambda f: isinstance(f, p.AgentPresence) and f.agent.status == "offline"
    )
    assert offline.agent.email == relay.agent_email
    await boss.close()
    await visitor.close()


async def test_silent_agent_goes_offline_after_heartbeat_timeout(tmp_path: Path) -> None:
    """T1/G11: an agent whose app stops answering (frozen, network gone without a close) is
    dropped by the heartbeat time-out and shown offline to colleagues; visitors are told that
    nobody is available."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'r.db'}"
    async with running_relay(url, ping_interval=0.2, ping_timeout=0.3, close_timeout=0.3) as relay:
        boss = AgentClient(relay.ws_url)
        await boss.sign_in(relay.admin_email, relay.admin_password)
        await boss.set_status("away")
        visitor = Visitor(relay.ws_url, relay.site_key)
        async with connect(relay.ws_url) as ws:
            await ws.send(
                p.encode(p.SignIn(id=1, email=relay.agent_email, password=relay.agent_password))
            )
            assert isinstance(p.decode_server(await ws.recv()), p.Welcome)
            await visitor.connect()
            assert visitor.welcome is not None and visitor.welcome.agents_online
            ws.transport.pause_reading()  # the app freezes: no pong goes back
            offline = await boss.wait_for(
                lambda f: (
                    isinstance(f, p.AgentPresence)
                    and f.agent.email == relay.agent_email
                    and f.agent.status == "offline"
                )
            )
            assert offline.agent.status == "offline"
            gone = await visitor.wait_for(lambda f: isinstance(f, p.AgentsAvailable))
            assert gone.online is False
            ws.transport.resume_reading()
        await boss.close()
        await visitor.close()
