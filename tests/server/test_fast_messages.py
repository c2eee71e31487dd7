"""Issue 15: messages stored by prepared statements (server.chats.fast_messages) store and
answer exactly what the plain SQLAlchemy writes do, and hand every unusual case (a duplicate,
a new chat, a refusal) to them."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
import sqlalchemy as sa

from server import protocol as p
from server.account import agents as agents_repo
from server.actions import blocks
from server.actions.blocks import unless_blocked
from server.chats import fast_messages
from server.chats import reads as chat_reads
from server.chats import writes as chat_writes
from server.store.schema import chats, events
from server.store.writer import PLAIN
from server.visitors import repo as visitors_repo
from tests.support.batched import record_runner
from tests.support.relay import running_relay

IP = "203.0.113.9"


def visitor_says(visitor_id: int, site_id: int, cmid: str, text: str) -> Any:
    plain = unless_blocked(
        site_id, visitor_id, IP, chat_writes.visitor_message(visitor_id, site_id, cmid, text, True)
    )
    return fast_messages.VisitorMessage(
        plain=plain, client_msg_id=cmid, text=text, visitor_id=visitor_id, site_id=site_id, ip=IP
    )


def agent_says(agent: p.AgentInfo, chat_id: int, cmid: str, text: str) -> Any:
    return fast_messages.AgentMessage(
        plain=chat_writes.agent_message(agent.id, agent.name, chat_id, cmid, text),
        client_msg_id=cmid,
        text=text,
        agent_id=agent.id,
        agent_name=agent.name,
        chat_id=chat_id,
    )


@pytest.fixture
def fast_answers(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """What the prepared statements answered for each message (a change, or PLAIN)."""
    return record_runner(monkeypatch, fast_messages._Message, fast_messages.run_messages)


async def test_fast_messages_store_what_the_plain_writes_do(
    db_url: str, fast_answers: list[Any]
) -> None:
    async with running_relay(db_url) as handle:
        relay = handle.relay
        run = relay.writer.run
        agent_id = await relay.create_agent("fast@example.com", "Fast", "fast-pass-123")
        agent = member(agent_id, "Fast")
        async with relay.engine.connect() as db:
            site = await db.run_sync(agents_repo.site_by_key, handle.site_key)
        visitor = await run(new_visitor(site.id, "a"))
        # A new chat: the plain way (the statements find no open chat).
        first = await run(visitor_says(visitor, site.id, "v1", "hello"))
        assert fast_answers == [PLAIN] and first.new_chat
        chat_id = first.event.chat_id
        await run(chat_writes.accept_chat(agent.id, agent.name, chat_id))

        fast_answers.clear()
        said = await run(visitor_says(visitor, site.id, "v2", "where is my order?"))
        reply = await run(agent_says(agent, chat_id, "a1", "on its way"))
        assert PLAIN not in fast_answers
        assert (said.event.seq, reply.event.seq) == (3, 4)  # hello, joined, then these
        assert said.participants == reply.participants == [agent.id]
        assert said.event.author == "visitor" and said.event.author_id == visitor
        assert reply.event.author_name == "Fast" and reply.event.kind == "message"

        async with relay.engine.connect() as db:
            stored = await db.run_sync(chat_reads.history, chat_id, None, 10)
            row = (await db.execute(sa.select(chats).where(chats.c.id == chat_id))).one()
        assert stored[-2:] == [said.event, reply.event]  # the pushed event is the stored one
        assert tuple(reply.chat) == tuple(row)  # the chat as it is after the write
        assert row.last_seq == 4 and row.preview == "where is my order?"  # B9: visitor's text

        # A retried send: the statement stores nothing, the plain way answers the first copy.
        fast_answers.clear()
        again = await run(visitor_says(visitor, site.id, "v2", "where is my order?"))
        assert fast_answers == [PLAIN]
        assert again.duplicate and again.event == said.event
        again = await run(agent_says(agent, chat_id, "a1", "on its way"))
        assert again.duplicate and again.event.cursor == reply.event.cursor

        # Refusals come from the plain way, in a batch of good messages that still commits.
        stranger = member(agent.id + 1000, "X")
        results = await asyncio.gather(
            *(run(visitor_says(visitor, site.id, f"b{i}", f"line {i}")) for i in range(10)),
            run(agent_says(stranger, chat_id, "s1", "let me in")),
            return_exceptions=True,
        )
        refused = results.pop()
        assert isinstance(refused, p.FrameRejected) and refused.code == "not_in_chat"
        assert [r.event.seq for r in results] == list(range(5, 15))

        # Visitor B from the same address is blocked by address: A's open chat stays open,
        # and A's next message is refused as the plain way refuses it (B5).
        other = await run(new_visitor(site.id, "b"))
        other_chat = (await run(visitor_says(other, site.id, "o1", "hi"))).event.chat_id
        await run(chat_writes.accept_chat(agent.id, agent.name, other_chat))
        await run(blocks.block_client(agent, other_chat, "spam", by_ip=True))
        with pytest.raises(p.FrameRejected) as blocked:
            await run(visitor_says(visitor, site.id, "v3", "still there?"))
        assert blocked.value.code == "ip_blocked"

        # A closed chat refuses the agent's message.
        await run(chat_writes.close_chat(agent.id, agent.name, chat_id))
        with pytest.raises(p.FrameRejected) as closed:
            await run(agent_says(agent, chat_id, "a2", "anything else?"))
        assert closed.value.code == "chat_closed"
        async with relay.engine.connect() as db:
            query = sa.select(sa.func.count()).where(events.c.chat_id == chat_id)
            count = (await db.execute(query)).scalar()
        assert count == 15  # 14 above and the closing event: nothing refused was stored


async def test_fast_agent_message_is_a_colleague_chats_preview(
    db_url: str, fast_answers: list[Any]
) -> None:
    """B9: in a colleague chat (T2) the agent's message is the chat's preview."""
    async with running_relay(db_url) as handle:
        relay = handle.relay
        ids = [
            await relay.create_agent(f"c{i}@example.com", f"C{i}", "colleague-pass-1")
            for i in range(2)
        ]
        me = member(ids[0], "C0")
        chat_id, _made = await relay.writer.run(chat_writes.open_direct_chat(ids[0], ids[1]))
        change = await relay.writer.run(agent_says(me, chat_id, "d1", "lunch?"))
        assert fast_answers and PLAIN not in fast_answers
        assert change.chat.preview == "lunch?" and change.chat.kind == "direct"
        assert sorted(change.participants) == sorted(ids)


def new_visitor(site_id: int, tag: str) -> Any:
    return visitors_repo.create_visitor(site_id, f"fast-{tag}", IP, "", "")


def member(agent_id: int, name: str) -> p.AgentInfo:
    return p.AgentInfo(
        id=agent_id, name=name, email=f"{name}@example.com", role="agent", status="online"
    )
