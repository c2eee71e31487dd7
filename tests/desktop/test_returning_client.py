"""Comments "en caso de que el mismo cliente le contacte más tarde" (the guide): when a client
comes back, the client panel lists their earlier chats with the comments left in them, and one
click opens the chat in the archive. A real relay and a scripted visitor."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.desktop.test_windows import _signed_in_app
from tests.support.relay import RelayHandle
from tests.support.visitor import Visitor
from tests.support.waiting import until

COMMENT = "Quiere la maceta en verde; llamar por la tarde"


async def test_returning_client_shows_earlier_chats_with_comments(
    qapp: Any, relay: RelayHandle, data_dir: Path, secrets: Any, artifacts: Path
) -> None:
    """The guide's comments: the returning client's panel lists the earlier chat with its
    comment; clicking it opens that chat in the archive, read-only, with its messages."""
    app = await _signed_in_app(qapp, relay, data_dir)
    window = app.main_window
    window.resize(1180, 740)
    inbox = window.inbox
    panel = inbox.client_panel
    visitor = Visitor(relay.ws_url, relay.site_key)
    await visitor.connect()
    try:
        await visitor.say("¿Tienen macetas grandes?")
        await until(lambda: app.chats.order)
        first = app.chats.order[0]
        assert await app.chats.accept_async(first)
        assert app.session.client is not None
        await app.session.client.send_message(first, COMMENT, comment=True)
        await app.session.client.close_chat(first)
        await until(
            lambda: first not in app.chats.order or app.chats.chat(first).info.state == "closed"
        )  # type: ignore[union-attr]

        await visitor.say("Hola de nuevo")
        await until(lambda: any(c != first for c in app.chats.order))
        second = next(c for c in app.chats.order if c != first)
        assert await app.chats.accept_async(second)
        app.chats.select(second)
        await until(lambda: panel.past.count() == 1)
        assert panel.past.isVisibleTo(panel)
        assert COMMENT in panel.past.item(0).text()
        assert panel.past_title.text() == "Earlier chats (1)"
        qapp.processEvents()
        window.grab().save(str(artifacts / "client-panel-earlier-chats.png"))

        panel._on_past_item_clicked(panel.past.item(0))  # what a click on the row does
        assert inbox.show_archive.isChecked()
        archive = inbox.archive
        await until(lambda: archive.chat_id == first and archive.messages)
        assert any(m.text == COMMENT and m.kind == "comment" for m in archive.messages)
        assert inbox.archive_panel.header.text().startswith("Client")
    finally:
        await visitor.close()
        await app.shutdown()
