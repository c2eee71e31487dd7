"""An event that arrives while its chat's history is being fetched is shown (T2, C1): the page
may have been read before the event was stored. Found as a flaky test_click_a_colleague_to_chat;
here the history answer is held back so the race happens every time."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from jivo_desktop.net.client import AgentClient
from server import protocol as p
from tests.desktop.test_windows import _signed_in_app
from tests.support.relay import RelayHandle
from tests.support.waiting import until


async def test_a_message_during_the_history_fetch_is_shown(
    qapp: Any,
    relay: RelayHandle,
    data_dir: Path,
    secrets: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = await _signed_in_app(qapp, relay, data_dir)
    boss = AgentClient(relay.ws_url)
    await boss.sign_in(relay.admin_email, relay.admin_password)
    me = app.session.agent
    assert me is not None
    info = await boss.open_direct(me.id)
    await boss.send_message(info.id, "first, in the history")
    await until(lambda: info.id in app.chats.chats)

    fetched = asyncio.Event()
    answer = asyncio.Event()
    fetch = app.chats._fetch_history

    async def held(chat: Any) -> Any:
        page = await fetch(chat)  # read now: without the second message
        fetched.set()
        await answer.wait()
        return page

    monkeypatch.setattr(app.chats, "_fetch_history", held)
    arrived: list[str] = []
    show = app.chats._show_event

    def seen(chat: Any, event: p.Event) -> None:
        arrived.append(event.text)
        show(chat, event)

    monkeypatch.setattr(app.chats, "_show_event", seen)
    app.chats.select(info.id)
    await asyncio.wait_for(fetched.wait(), 10)
    await boss.send_message(info.id, "second, while the history loads")
    await boss.wait_for(lambda f: isinstance(f, p.EventPush) and f.event.text.startswith("second"))
    # The app got the push while its page is held back; then the old page comes.
    await until(lambda: "second, while the history loads" in arrived)
    answer.set()
    model = app.main_window.inbox.conversation.messages_model
    await until(lambda: model.rowCount() == 2)
    texts = [m.text for m in app.chats.chat(info.id).messages]
    assert texts == ["first, in the history", "second, while the history loads"]
    await boss.close()
    await app.shutdown()
