"""C10: where the agent's reply can reach a chat's client (the composer's top row): the relay's
``reply_channels`` for a chat, asked when the chat is shown and again when its client writes
(the channel they last wrote from is the row's default)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from jivo_desktop.net.errors import ConnectionLost, RelayError
from jivo_desktop.services.session import SessionService
from jivo_desktop.tasks import spawn
from server import protocol as p

log = logging.getLogger(__name__)


class ReplyChannelsService(QObject):
    """``changed(int)``: a chat's reply channels arrived (``ways(chat_id)``)."""

    changed = Signal(int)

    def __init__(self, session: SessionService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._ways: dict[int, p.ReplyChannels] = {}
        self._asking: set[int] = set()
        session.signed_out.connect(self._ways.clear)

    def ways(self, chat_id: int) -> p.ReplyChannels | None:
        """The last answer for this chat (None: not known yet)."""
        return self._ways.get(chat_id)

    def fetch(self, chat_id: int) -> None:
        if chat_id and chat_id not in self._asking:
            self._asking.add(chat_id)
            spawn(self._fetch(chat_id), f"reply-channels-{chat_id}")

    async def _fetch(self, chat_id: int) -> None:
        try:
            client = self.session.client
            if client is None:
                return
            answer = await client.request(lambda i: p.ListReplyChannels(id=i, chat_id=chat_id))
        except (RelayError, ConnectionLost, TimeoutError) as exc:
            log.info("reply channels of chat %s not read: %s", chat_id, exc)
            return
        finally:
            self._asking.discard(chat_id)
        if isinstance(answer, p.ReplyChannels):
            self._ways[chat_id] = answer
            self.changed.emit(chat_id)
