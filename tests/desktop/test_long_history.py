"""Issue 12 item 6 (relay side): a long chat opens in the app and in the archive."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from jivo_desktop.services.archive import ArchiveService
from jivo_desktop.services.chats import ChatsService
from jivo_desktop.services.conversations import HISTORY_PAGE
from jivo_desktop.services.secrets import Secrets
from jivo_desktop.services.session import SessionService
from jivo_desktop.store import LocalStore
from server import protocol as p
from tests.support.relay import running_relay
from tests.support.visitor import Visitor
from tests.support.waiting import until

MESSAGES = 300


async def test_chat_of_300_messages_at_the_limit_opens_in_the_app_and_the_archive(
    qapp: Any, sqlite_url: str, local_store: LocalStore, secrets: Secrets, data_dir: Path
) -> None:
    """Issue 12 item 6: `history` answered in one frame with no size cap, over the 256 KiB
    the app accepts, so opening a chat of 300 messages of 5,000 characters dropped the app's
    connection every time. Now pages are cut by size (with `more`) and the app fetches the
    rest: the chat opens with its newest HISTORY_PAGE messages, the archive with all 300,
    and the connection stays up."""
    limits = {"conn_rate": 10**5, "conn_burst": 10**5, "ip_rate": 10**5, "ip_burst": 10**5}
    async with running_relay(sqlite_url, **limits) as relay:
        session = SessionService(local_store, secrets)
        chats = ChatsService(session, local_store)
        offers: list[p.ChatInfo] = []
        chats.offered.connect(offers.append)
        await session.sign_in_async(relay.http_url, relay.agent_email, relay.agent_password, False)
        visitor = Visitor(relay.ws_url, relay.site_key)
        await visitor.connect()
        texts = [f"{n:03d} " + "ж" * (p.MAX_MESSAGE_CHARS - 4) for n in range(MESSAGES)]
        assert isinstance(await visitor.say(texts[0]), p.MessageAcked)
        await until(lambda: offers)
        chat_id = offers[0].id
        assert await chats.accept_async(chat_id)
        acks = await asyncio.gather(*(visitor.say(t) for t in texts[1:]))
        assert all(isinstance(a, p.MessageAcked) for a in acks)
        await session.shutdown()

        # The app again (as after a restart): the chat is in its list; opening it loads it.
        again = SessionService(local_store, secrets)
        chats = ChatsService(again, local_store)
        states: list[str] = []
        again.connection_changed.connect(states.append)
        await again.sign_in_async(relay.http_url, relay.agent_email, relay.agent_password, False)
        await until(lambda: chat_id in chats.chats)
        chats.select(chat_id)
        await until(lambda: chats.chats[chat_id].loaded, timeout=30)
        shown = [m.text for m in chats.chats[chat_id].messages if m.kind == "message"]
        assert shown == texts[-HISTORY_PAGE:]
        assert again.client is not None
        await again.client.ping()  # the same connection still answers

        archive = ArchiveService(again)
        loaded: list[int] = []
        archive.conversation_loaded.connect(loaded.append)
        archive.open(chat_id)
        await until(lambda: archive.messages, timeout=30)
        assert [m.text for m in archive.messages if m.kind == "message"] == texts
        assert "disconnected" not in states, states  # never dropped
        await again.shutdown()
        await visitor.close()
