"""The archive in Centro de Atención: closed and missed chats, searched on the relay, read-only.

Signals:

* ``results_changed()``: a search answered (``results``, ``total``, ``offset``);
* ``conversation_loaded(int)``: the messages of an archived chat (``messages``) arrived;
* ``problem(str)``: a search or a conversation could not be loaded;
* ``cleared()``: signed out: nothing of the account is left (A4).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from jivo_desktop.net.errors import ConnectionLost, RelayError
from jivo_desktop.services.conversations import Message
from jivo_desktop.services.relay_errors import failure_text
from jivo_desktop.services.session import SessionService
from jivo_desktop.tasks import spawn
from server import protocol as p

log = logging.getLogger(__name__)

PAGE = 50


@dataclass
class ArchiveFilters:
    text: str = ""
    visitor: str = ""
    agent_id: int | None = None
    since: float | None = None
    until: float | None = None
    state: str = ""  # "" | closed | missed


class ArchiveService(QObject):
    results_changed = Signal()
    conversation_loaded = Signal(int)
    problem = Signal(str)
    cleared = Signal()

    def __init__(self, session: SessionService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.filters = ArchiveFilters()
        self.results: list[p.ChatInfo] = []
        self.total = 0
        self.offset = 0
        self.chat_id = 0
        self.messages: list[Message] = []
        self._search_serial = 0
        self._retry: Callable[[], None] | None = None
        """What failed last (a search or opening a conversation), for :meth:`retry`."""
        session.signed_out.connect(self._on_session_signed_out)

    def _on_session_signed_out(self) -> None:
        """A4: the next account on this computer sees none of this one's archive."""
        self._search_serial += 1
        self.filters = ArchiveFilters()
        self.results, self.total, self.offset = [], 0, 0
        self.chat_id, self.messages = 0, []
        self.cleared.emit()
        self.results_changed.emit()
        self.conversation_loaded.emit(0)

    @property
    def me(self) -> int | None:
        agent = self.session.agent
        return agent.id if agent else None

    def search(self, filters: ArchiveFilters | None = None, offset: int = 0) -> None:
        """Ask the relay; a newer search wins over an older one still on its way."""
        if filters is not None:
            self.filters = filters
        self._search_serial += 1
        spawn(self._search(self._search_serial, self.filters, offset), "archive-search")

    def next_page(self) -> None:
        # A page may hold fewer than PAGE chats when they would not fit in one frame.
        following = self.offset + max(len(self.results), 1)
        if following < self.total:
            self.search(offset=following)

    def previous_page(self) -> None:
        if self.offset > 0:
            self.search(offset=max(0, self.offset - PAGE))

    async def _search(self, serial: int, f: ArchiveFilters, offset: int) -> None:
        client = self.session.client
        if client is None:
            return
        state = f.state if f.state in ("closed", "missed") else ""
        try:
            page = await client.request(
                lambda i: p.SearchArchive(
                    id=i,
                    text=f.text.strip(),
                    visitor=f.visitor.strip(),
                    agent_id=f.agent_id,
                    since=f.since,
                    until=f.until,
                    state=state,  # type: ignore[arg-type]
                    offset=offset,
                    limit=PAGE,
                )
            )
        except (RelayError, ConnectionLost, TimeoutError) as exc:
            self._retry = lambda: self.search(f, offset)
            self.problem.emit(
                self.tr("The archive could not be searched: {0}").format(failure_text(exc))
            )
            return
        if serial != self._search_serial or not isinstance(page, p.ArchivePage):
            return
        self.results, self.total, self.offset = page.chats, page.total, offset
        self.results_changed.emit()

    def retry(self) -> None:
        """Run again what failed last (the panel's Retry)."""
        again, self._retry = self._retry, None
        if again is not None:
            again()

    def open_info(self, info: p.ChatInfo) -> None:
        """Open an archived chat known from elsewhere (a client's earlier chat): it is listed
        as the only result, then loaded."""
        self._search_serial += 1  # a search still on its way does not replace it
        self.results, self.total, self.offset = [info], 1, 0
        self.results_changed.emit()
        self.open(info.id)

    def open(self, chat_id: int) -> None:
        """Load an archived conversation (read-only)."""
        self.chat_id = chat_id
        self.messages = []
        self.conversation_loaded.emit(chat_id)
        spawn(self._open(chat_id), f"archive-{chat_id}")

    async def _open(self, chat_id: int) -> None:
        client = self.session.client
        if client is None:
            return
        try:
            events = await client.history(chat_id, limit=500)
        except (RelayError, ConnectionLost, TimeoutError) as exc:
            # Issue 12 item 6: the panel shows this with a Retry, not an empty conversation.
            if chat_id == self.chat_id:
                self._retry = lambda: self.open(chat_id)
                self.problem.emit(
                    self.tr("The conversation could not be loaded: {0}").format(failure_text(exc))
                )
            return
        if chat_id != self.chat_id:
            return
        me = self.me
        self.messages = [
            Message(
                kind=e.kind,
                author=e.author,
                author_name=e.author_name,
                text=e.text,
                ts=e.ts,
                mine=e.author == "agent" and e.author_id == me,
                client_msg_id=e.client_msg_id,
                cursor=e.cursor,
                seq=e.seq,
            )
            for e in events
        ]
        self.conversation_loaded.emit(chat_id)
