"""Chats between colleagues (T2) and delivered/read receipts (C19) on the relay."""

from __future__ import annotations

import pytest

from jivo_desktop.net.client import AgentClient
from jivo_desktop.net.errors import RelayError
from server import protocol as p
from tests.support.relay import RelayHandle
from tests.support.visitor import Visitor


async def test_direct_chat_between_colleagues(relay_any_db: RelayHandle) -> None:
    """T2: an agent opens a chat with a colleague; both write; it is the same chat when opened
    again; a visitor never sees it; a third agent cannot read it."""
    relay = relay_any_db
    ana = AgentClient(relay.ws_url)
    boss = AgentClient(relay.ws_url)
    welcome = await ana.sign_in(relay.agent_email, relay.agent_password)
    boss_welcome = await boss.sign_in(relay.admin_email, relay.admin_password)
    chat = await ana.open_direct(boss_welcome.agent.id)
    assert chat.kind == "direct" and chat.visitor is None and chat.state == "active"
    assert sorted(chat.members) == sorted([welcome.agent.id, boss_welcome.agent.id])
    pushed = await boss.wait_for_type(p.ChatOpened)
    assert pushed.chat.id == chat.id
    await ana.send_message(chat.id, "¿Puedes mirar el chat de Marta?")
    got = await boss.wait_for(lambda f: isinstance(f, p.EventPush) and f.event.chat_id == chat.id)
    assert got.event.author_name == "Ana"
    await boss.send_message(chat.id, "Voy")
    await ana.wait_for(lambda f: isinstance(f, p.EventPush) and f.event.text == "Voy")
    assert (await ana.open_direct(boss_welcome.agent.id)).id == chat.id
    with pytest.raises(RelayError) as info:
        await ana.open_direct(welcome.agent.id)
    assert info.value.code == "not_found"

    eve_id = await relay.add_agent("eve@example.com", "eve-password-1", "Eve")
    assert eve_id
    eve = AgentClient(relay.ws_url)
    eve_welcome = await eve.sign_in("eve@example.com", "eve-password-1")
    assert all(c.id != chat.id for c in eve_welcome.chats)
    with pytest.raises(RelayError) as info:
        await eve.history(chat.id)
    assert info.value.code == "not_in_chat"
    # After a reconnect the direct chat is in the snapshot.
    ana2 = AgentClient(relay.ws_url)
    snapshot = await ana2.sign_in(relay.agent_email, relay.agent_password)
    assert any(c.id == chat.id and c.kind == "direct" for c in snapshot.chats)
    for client in (ana, boss, eve, ana2):
        await client.close()


async def test_receipts_both_ways(relay: RelayHandle) -> None:
    """C19: the widget reports delivered and read; the agent sees both; the agent's read
    receipt reaches the visitor. Receipts never go backwards."""
    agent = AgentClient(relay.ws_url)
    await agent.sign_in(relay.agent_email, relay.agent_password)
    visitor = Visitor(relay.ws_url, relay.site_key)
    await visitor.connect()
    await visitor.say("hola")
    offer = await agent.wait_for_type(p.ChatOffered)
    await agent.accept(offer.chat.id)
    ack = await agent.send_message(offer.chat.id, "¿Qué tal?")
    visitor.send_frame(lambda _i: p.Receipt(seq=ack.seq, read=False))
    delivered = await agent.wait_for(lambda f: isinstance(f, p.ReceiptChanged))
    assert (delivered.reader, delivered.delivered_seq, delivered.read_seq) == ("visitor", 3, 0)
    mark = len(agent.received)
    visitor.send_frame(lambda _i: p.Receipt(seq=ack.seq, read=True))
    read = await agent.wait_for(lambda f: isinstance(f, p.ReceiptChanged), since=mark)
    assert (read.delivered_seq, read.read_seq) == (3, 3)
    mark = len(agent.received)
    visitor.send_frame(lambda _i: p.Receipt(seq=1, read=True))  # late and lower: ignored
    again = await agent.wait_for(lambda f: isinstance(f, p.ReceiptChanged), since=mark)
    assert (again.delivered_seq, again.read_seq) == (3, 3)

    await agent.receipt(offer.chat.id, 1)
    seen = await visitor.wait_for(lambda f: isinstance(f, p.ReceiptChanged))
    assert (seen.reader, seen.read_seq) == ("agent", 1)
    snapshot = AgentClient(relay.ws_url)
    welcome = await snapshot.sign_in(relay.agent_email, relay.agent_password)
    chat = next(c for c in welcome.chats if c.id == offer.chat.id)
    assert (chat.visitor_delivered_seq, chat.visitor_read_seq, chat.agent_read_seq) == (3, 3, 1)
    await agent.close()
    await snapshot.close()
    await visitor.close()


async def test_b9_colleague_chat_keeps_its_preview_after_a_restart(relay: RelayHandle) -> None:
    """B9: the last line of a colleague chat is its preview in the next sign-in's snapshot
    (it was empty: only visitors' lines set a chat's preview)."""
    ana = AgentClient(relay.ws_url)
    boss = AgentClient(relay.ws_url)
    try:
        await ana.sign_in(relay.agent_email, relay.agent_password)
        boss_welcome = await boss.sign_in(relay.admin_email, relay.admin_password)
        chat = await ana.open_direct(boss_welcome.agent.id)
        await ana.send_message(chat.id, "¿Comemos a las dos?")
        await boss.close()
        again = AgentClient(relay.ws_url)
        welcome = await again.sign_in(relay.admin_email, relay.admin_password)
        shown = next(c for c in welcome.chats if c.id == chat.id)
        assert shown.preview == "¿Comemos a las dos?"
        await again.close()
    finally:
        await ana.close()
        await boss.close()
