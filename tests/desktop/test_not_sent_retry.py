"""Issue 12 item 3 (app side): a message the relay could not store shows "not sent · Retry"."""

from __future__ import annotations

from typing import Any

from jivo_desktop.services.chats import ChatsService
from jivo_desktop.services.secrets import Secrets
from jivo_desktop.services.session import SessionService
from jivo_desktop.store import LocalStore
from jivo_desktop.ui.inbox.delegates import MessageDelegate
from server import protocol as p
from tests.support.relay import RelayHandle
from tests.support.visitor import Visitor
from tests.support.waiting import until


async def test_message_the_relay_keeps_failing_shows_not_sent_and_retries(
    qapp: Any, relay: RelayHandle, local_store: LocalStore, secrets: Secrets
) -> None:
    """Issue 12 item 3: after the agent library's bounded resends, the message is marked not
    sent ("not sent · Retry" under it, nothing left in the outbox); the manual retry sends it
    with the same client_msg_id once the relay works again, and it is stored once."""
    session = SessionService(local_store, secrets)
    chats = ChatsService(session, local_store)
    offers: list[p.ChatInfo] = []
    chats.offered.connect(offers.append)
    await session.sign_in_async(relay.http_url, relay.agent_email, relay.agent_password, False)
    assert session.client is not None
    session.client.retry_delay = 0.01
    visitor = Visitor(relay.ws_url, relay.site_key)
    await visitor.connect()
    await visitor.say("hola")
    await until(lambda: offers)
    chat_id = offers[0].id
    assert await chats.accept_async(chat_id)
    await until(lambda: chats.chats[chat_id].loaded)

    working = relay.relay.chats.agent_message

    async def broken(*_args: Any, **_kw: Any) -> None:
        raise RuntimeError("the database is on fire")

    relay.relay.chats.agent_message = broken  # type: ignore[method-assign]
    chats.send(chat_id, "are you there?")
    mine = chats.chats[chat_id].messages[-1]
    await until(lambda: mine.state == "failed")
    assert not local_store.pending(session.account)
    assert MessageDelegate()._meta(mine).endswith("! not sent · Retry")

    relay.relay.chats.agent_message = working  # type: ignore[method-assign]
    chats.retry(chat_id, mine.client_msg_id or "")
    await until(lambda: mine.state in ("sent", "delivered", "read"))
    got = await visitor.wait_for(
        lambda f: isinstance(f, p.EventPush) and f.event.text == "are you there?"
    )
    assert got.event.client_msg_id == mine.client_msg_id
    await session.shutdown()
    await visitor.close()
