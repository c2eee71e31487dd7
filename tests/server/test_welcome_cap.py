"""Issue 12 item 6: the relay never sends a frame its clients refuse, the welcome included."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest
from websockets.asyncio.server import ServerConnection

from jivo_desktop.net.client import AgentClient
from server import protocol as p
from tests.support.relay import running_relay
from tests.support.visitor import Visitor

CHATS = 600


@pytest.fixture
def sent_sizes(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, int]]]:
    """The type and size in bytes of every text frame the relay's sockets send."""
    sizes: list[tuple[str, int]] = []
    send = ServerConnection.send

    async def recording(self: ServerConnection, message: Any, *args: Any, **kw: Any) -> None:
        if isinstance(message, str):
            kind = message[9 : message.find('"', 9)] if message.startswith('{"type":"') else ""
            sizes.append((kind, len(message.encode())))
        await send(self, message, *args, **kw)

    monkeypatch.setattr(ServerConnection, "send", recording)
    yield sizes


async def test_welcome_with_600_long_waiting_chats_reaches_the_agent(
    sqlite_url: str, sent_sizes: list[tuple[str, int]]
) -> None:
    """Issue 12 item 6: 600 waiting chats whose first messages have 5,000 characters made a
    welcome of megabytes, over the 256 KiB the agent library accepts: signing in failed on
    every attempt. Now the welcome comes in parts under MAX_PAGE_BYTES (previews cut), the
    real AgentClient joins them, sees all 600 chats and stays connected; no frame the relay
    sent passes the limit."""
    limits = {"conn_rate": 10**5, "conn_burst": 10**5, "ip_rate": 10**5, "ip_burst": 10**5}
    async with running_relay(sqlite_url, **limits) as relay:
        first = AgentClient(relay.ws_url, keep_frames=0)
        await first.sign_in(relay.agent_email, relay.agent_password)  # the chats are offered
        texts = [f"{n:03d} " + "ж" * (p.MAX_MESSAGE_CHARS - 4) for n in range(CHATS)]
        gate = asyncio.Semaphore(40)
        visitors: list[Visitor] = []

        async def chat(text: str) -> int:
            async with gate:
                visitor = Visitor(relay.ws_url, relay.site_key)
                visitors.append(visitor)
                assert isinstance(await visitor.connect(), p.VisitorWelcome)
                ack = await visitor.say(text)
                assert isinstance(ack, p.MessageAcked), ack
                return ack.chat_id

        chat_ids = await asyncio.gather(*(chat(t) for t in texts))

        agent = AgentClient(relay.ws_url, reconnect=False)
        states: list[str] = []
        agent.on_state = states.append
        welcome = await agent.sign_in(relay.agent_email, relay.agent_password)
        assert sorted(c.id for c in welcome.chats) == sorted(chat_ids)
        assert agent.welcome is welcome and not welcome.continued
        by_id = {c.id: c for c in welcome.chats}
        for chat_id, text in zip(chat_ids, texts, strict=True):
            preview = by_id[chat_id].preview
            assert 0 < len(preview) <= p.WELCOME_PREVIEW_CHARS and text.startswith(preview)
        await agent.wait_synced(timeout=60)
        await agent.ping()  # the same connection still answers
        assert agent.state == "connected" and "disconnected" not in states, states

        welcomes = [size for kind, size in sent_sizes if kind == "welcome"]
        assert len(welcomes) > 2  # the first agent's small welcome, then the parts
        assert max(welcomes) <= p.MAX_PAGE_BYTES
        assert max(size for _, size in sent_sizes) <= p.MAX_CLIENT_FRAME_BYTES
        await agent.close()
        await first.close()
        await asyncio.gather(*(v.close() for v in visitors))


async def test_list_answers_come_in_parts_the_agent_library_joins(
    sqlite_url: str, sent_sizes: list[tuple[str, int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 12 item 6: every list answer goes through the same cut (here the team list and
    the welcome's list of agents, with the budget shrunk to 1 KiB so a few accounts pass it):
    each part fits, and AgentClient.request returns the whole list, in order, once."""
    monkeypatch.setattr(p, "MAX_PAGE_BYTES", 1024)
    async with running_relay(sqlite_url) as relay:
        for n in range(20):
            await relay.add_agent(f"agent{n:02d}@example.com", "password-number-1", f"Agent {n}")
        admin = AgentClient(relay.ws_url, reconnect=False)
        welcome = await admin.sign_in(relay.admin_email, relay.admin_password)
        assert len(welcome.agents) == 22
        answer = await admin.request(lambda i: p.ListTeammates(id=i))
        assert isinstance(answer, p.TeammatesList) and not answer.continued
        emails = [t.email for t in answer.teammates]
        assert len(emails) == 22 and len(set(emails)) == 22
        assert {f"agent{n:02d}@example.com" for n in range(20)} <= set(emails)
        await admin.ping()

        parts = [size for kind, size in sent_sizes if kind == "teammates_list"]
        assert len(parts) > 1 and max(parts) <= 1024
        assert len([kind for kind, _ in sent_sizes if kind == "welcome"]) > 1
        await admin.close()


async def test_client_history_of_long_commented_chats_fits(
    sqlite_url: str, sent_sizes: list[tuple[str, int]]
) -> None:
    """Issue 12 item 6: ``client_history_page`` carried every comment of up to 50 past chats
    in one frame: three chats with 25 comments of 5,000 characters each passed the agent
    library's 256 KiB and dropped its connection. Now each past chat keeps its newest comments
    within half a page (``earlier_comments`` says some were left out) and the answer comes in
    parts the library joins."""
    limits = {"conn_rate": 10**5, "conn_burst": 10**5, "ip_rate": 10**5, "ip_burst": 10**5}
    async with running_relay(sqlite_url, **limits) as relay:
        ana = AgentClient(relay.ws_url, reconnect=False)
        await ana.sign_in(relay.agent_email, relay.agent_password)
        visitor = Visitor(relay.ws_url, relay.site_key)
        await visitor.connect()
        notes: dict[int, list[str]] = {}
        for round_ in range(3):
            since = len(ana.received)
            await visitor.say(f"visit {round_}")
            offer = await ana.wait_for(lambda f: isinstance(f, p.ChatOffered), since=since)
            await ana.accept(offer.chat.id)
            texts = [f"{round_}.{n:02d} " + "ж" * 4990 for n in range(25)]
            for text in texts:
                await ana.send_message(offer.chat.id, text, comment=True)
            await ana.close_chat(offer.chat.id)
            notes[offer.chat.id] = texts
        assert visitor.visitor_id is not None
        earlier = await ana.client_history(visitor.visitor_id)
        assert sorted(c.chat.id for c in earlier) == sorted(notes)
        for past in earlier:
            kept = [e.text for e in past.comments]
            assert past.earlier_comments and kept and kept == notes[past.chat.id][-len(kept) :]
        await ana.ping()
        assert ana.state == "connected"
        assert max(size for _, size in sent_sizes) <= p.MAX_CLIENT_FRAME_BYTES
        await visitor.close()
        await ana.close()
