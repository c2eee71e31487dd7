"""Issue 12 item 6 (desktop side): a conversation whose history cannot be loaded shows an
error with a Retry, not an empty chat."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from websockets.asyncio.client import connect
from websockets.asyncio.server import ServerConnection, serve
from websockets.exceptions import ConnectionClosed

from jivo_desktop.app import DesktopApp
from tests.support.relay import RelayHandle
from tests.support.visitor import Visitor
from tests.support.waiting import until


@dataclass
class Breaker:
    """What the proxy does to the app's ``history`` requests."""

    oversize: bool = False
    answered: int = 0


@contextlib.asynccontextmanager
async def history_proxy(relay_ws: str, breaker: Breaker) -> AsyncIterator[str]:
    """A WebSocket proxy between the app and the relay. While ``breaker.oversize`` is on, it
    answers a ``history`` request with a 300 KiB frame, as a relay without a page size cap did
    for a long chat (issue 12 item 6): the agent library refuses it and the connection drops."""

    async def forward(ws: ServerConnection) -> None:
        async with connect(relay_ws, compression=None, max_size=None) as upstream:

            async def up() -> None:
                with contextlib.suppress(ConnectionClosed):
                    async for message in ws:
                        if (
                            breaker.oversize
                            and isinstance(message, str)
                            and message.startswith('{"type":"history"')
                        ):
                            breaker.answered += 1
                            await ws.send('{"type":"history_page","events":[' + " " * 300_000)
                            continue
                        await upstream.send(message)

            async def down() -> None:
                with contextlib.suppress(ConnectionClosed):
                    async for message in upstream:
                        await ws.send(message)

            tasks = {asyncio.create_task(up()), asyncio.create_task(down())}
            await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

    async with serve(forward, "127.0.0.1", 0, compression=None, max_size=None) as server:
        port = next(iter(server.sockets)).getsockname()[1]
        yield f"http://127.0.0.1:{port}"


async def test_a_dropped_history_request_shows_an_error_and_retry_loads_it(
    qapp: Any, relay: RelayHandle, data_dir: Path, secrets: Any, artifacts: Path
) -> None:
    """Issue 12 item 6: the history of an accepted chat comes back larger than the agent
    library accepts, so the connection drops: the conversation shows "could not be loaded"
    with Retry (on 1ebce85: an empty chat, no error). Retry, once it can, shows it all."""
    breaker = Breaker()
    async with history_proxy(relay.ws_url, breaker) as proxy_url:
        app = DesktopApp(qapp, data_dir)
        app.start()
        assert await app.session.sign_in_async(
            proxy_url, relay.agent_email, relay.agent_password, False
        )
        app.main_window.show()
        app.main_window.resize(1180, 760)
        inbox = app.main_window.inbox
        visitor = Visitor(relay.ws_url, relay.site_key)
        await visitor.connect()
        await visitor.say("hola, ¿me ayudan?")
        chat_id = await until(lambda: app.chats.waiting() and app.chats.waiting()[0].id)

        breaker.oversize = True
        assert await app.chats.accept_async(chat_id)
        await until(lambda: inbox.conversation.history_bar.isVisible())
        assert breaker.answered == 1
        assert "could not be loaded" in inbox.conversation.history_problem.text()
        assert "connection dropped" in inbox.conversation.history_problem.text()
        assert inbox.conversation.messages_model.rowCount() == 0
        app.main_window.grab().save(str(artifacts / "desktop-history-error.png"))

        # Selecting another chat and back does not hide the problem behind an empty chat.
        app.chats.select(0)
        app.chats.select(chat_id)
        assert inbox.conversation.history_bar.isVisible()

        breaker.oversize = False
        await until(
            lambda: app.session.client is not None and app.session.client.state == "connected"
        )
        QTest.mouseClick(inbox.conversation.history_retry, Qt.MouseButton.LeftButton)
        await until(
            lambda: (
                not inbox.conversation.history_bar.isVisible()
                and inbox.conversation.messages_model.rowCount() >= 1
            )
        )
        chat = app.chats.chat(chat_id)
        assert chat is not None and chat.loaded
        assert any(m.text == "hola, ¿me ayudan?" for m in chat.messages)
        await visitor.close()
        await app.shutdown()


async def test_the_archive_shows_a_failed_conversation_with_retry(
    qapp: Any, relay: RelayHandle, data_dir: Path, secrets: Any, artifacts: Path
) -> None:
    """Issue 12 item 6: an archived conversation whose history drops the connection shows
    the problem with Retry in the archive (on 1ebce85 the error went nowhere: an empty
    conversation); Retry loads it."""
    breaker = Breaker()
    async with history_proxy(relay.ws_url, breaker) as proxy_url:
        app = DesktopApp(qapp, data_dir)
        app.start()
        assert await app.session.sign_in_async(
            proxy_url, relay.agent_email, relay.agent_password, False
        )
        app.main_window.show()
        app.main_window.resize(1180, 760)
        inbox = app.main_window.inbox
        panel = inbox.archive_panel
        visitor = Visitor(relay.ws_url, relay.site_key)
        await visitor.connect()
        await visitor.say("una pregunta para el archivo")
        chat_id = await until(lambda: app.chats.waiting() and app.chats.waiting()[0].id)
        assert await app.chats.accept_async(chat_id)
        app.chats.close_chat(chat_id)
        await until(lambda: chat_id not in app.chats.chats)
        inbox.show_archive.setChecked(True)
        inbox.archive.search()
        await until(lambda: any(c.id == chat_id for c in inbox.archive.results))

        breaker.oversize = True
        inbox.archive.open(chat_id)
        await until(lambda: panel.problem_bar.isVisible())
        assert "could not be loaded" in panel.problem.text()
        assert panel.messages_model.rowCount() == 0
        app.main_window.grab().save(str(artifacts / "desktop-archive-history-error.png"))

        breaker.oversize = False
        await until(
            lambda: app.session.client is not None and app.session.client.state == "connected"
        )
        QTest.mouseClick(panel.retry, Qt.MouseButton.LeftButton)
        await until(lambda: not panel.problem_bar.isVisible() and panel.messages_model.rowCount())
        assert any(m.text == "una pregunta para el archivo" for m in inbox.archive.messages)
        await visitor.close()
        await app.shutdown()
