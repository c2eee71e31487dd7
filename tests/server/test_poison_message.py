"""Issue 12 item 3: a poison message loops for ever no more."""

from __future__ import annotations

from typing import Any

import pytest
import sqlalchemy as sa

from jivo_desktop.net.client import AgentClient
from jivo_desktop.net.errors import RelayError
from server import protocol as p
from server.store.schema import events
from tests.support.relay import RelayHandle
from tests.support.visitor import Visitor


async def _open_chat(relay: RelayHandle, agent: AgentClient) -> int:
    visitor = Visitor(relay.ws_url, relay.site_key)
    await visitor.connect()
    await visitor.say("hello")
    offer = await agent.wait_for_type(p.ChatOffered)
    await agent.accept(offer.chat.id)
    await visitor.close()
    return offer.chat.id


def _count_sends(client: AgentClient) -> list[str]:
    sent: list[str] = []
    original = client._send_outgoing

    def counted(cmid: str, out: Any) -> None:
        sent.append(cmid)
        original(cmid, out)

    client._send_outgoing = counted  # type: ignore[method-assign]
    return sent


async def test_nul_message_gets_a_typed_error_and_is_sent_once(relay_any_db: RelayHandle) -> None:
    """Issue 12 item 3: a text with U+0000 was stored on SQLite but failed on PostgreSQL with
    `internal` (and a traceback), and the agent library resent it about once a second for
    ever. Now the protocol refuses it with `invalid` on both databases, it is sent once, and
    nothing is stored; a visitor's NUL message is refused the same way."""
    relay = relay_any_db
    agent = AgentClient(relay.ws_url)
    await agent.sign_in(relay.agent_email, relay.agent_password)
    chat_id = await _open_chat(relay, agent)
    sent = _count_sends(agent)
    with pytest.raises(RelayError) as refused:
        await agent.send_message(chat_id, "poison\x00text")
    assert refused.value.code == "invalid" and "U+0000" in refused.value.message
    assert len(sent) == 1 and agent.outbox() == []  # nothing left to resend
    visitor = Visitor(relay.ws_url, relay.site_key)
    await visitor.connect()
    answer = await visitor.say("nul\x00here")
    assert isinstance(answer, p.Error) and answer.code == "invalid"
    async with relay.relay.engine.connect() as db:
        texts = (await db.execute(sa.select(events.c.text))).scalars().all()
    assert not any("\x00" in t for t in texts)
    assert (await agent.send_message(chat_id, "still fine")).chat_id == chat_id
    await visitor.close()
    await agent.close()


async def test_internal_answers_are_retried_a_bounded_number_of_times(relay: RelayHandle) -> None:
    """Issue 12 item 3: the agent library resent a message answered `internal` once a second
    without end; now it resends it at most MAX_SEND_RETRIES times with a doubling delay and
    then fails it (the app shows it as not sent, with a manual retry)."""
    agent = AgentClient(relay.ws_url, retry_delay=0.01)
    await agent.sign_in(relay.agent_email, relay.agent_password)
    chat_id = await _open_chat(relay, agent)

    async def broken(*_args: Any, **_kw: Any) -> None:
        raise RuntimeError("the database is on fire")

    relay.relay.chats.agent_message = broken  # type: ignore[method-assign]
    sent = _count_sends(agent)
    with pytest.raises(RelayError) as failed:
        await agent.send_message(chat_id, "will not go")
    assert failed.value.code == "internal"
    assert len(sent) == 1 + agent.max_retries == 6
    assert agent.outbox() == []
    await agent.close()


async def test_a_request_dropped_for_the_frame_budget_is_sent_again(sqlite_url: str) -> None:
    """Issue 13 / CI: an agent clicking quickly through pages sent more requests than the
    connection's burst; the relay dropped the extra frames unread with ``rate_limited`` and the
    page showed "you are doing this too often". The agent library now sends such a request again
    after a pause: every one of a burst of reads is answered."""
    import asyncio

    from tests.support.relay import running_relay

    async with running_relay(sqlite_url, conn_rate=20.0, conn_burst=3.0) as relay:
        agent = AgentClient(relay.ws_url)
        await agent.sign_in(relay.agent_email, relay.agent_password)
        answers = await asyncio.gather(*(agent.phrases() for _ in range(12)))
        assert len(answers) == 12 and all(isinstance(a, list) for a in answers)
        assert relay.relay.metrics.errors.labels("rate_limited")._value.get() > 0
        await agent.close()
