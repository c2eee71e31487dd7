"""The chats the agent sees: offers, active chats and chats with colleagues, which one is shown,
and their order in the list (offers first). What is inside each chat (its messages, the outbox,
the history) is :class:`~jivo_desktop.services.conversations.Conversations`, the base class.
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import Signal

from jivo_desktop import i18n
from jivo_desktop.net.errors import ConnectionLost, RelayError
from jivo_desktop.services.conversations import Chat, Conversations
from jivo_desktop.services.relay_errors import failure_text
from jivo_desktop.services.session import SessionService
from jivo_desktop.services.team import TeamService
from jivo_desktop.store import LocalStore
from jivo_desktop.tasks import spawn
from server import protocol as p

log = logging.getLogger(__name__)

SPOKEN = ("message", "file")
"""Event kinds a person sent: they count as unread and make the chat's preview."""


def visitor_name(visitor: p.VisitorInfo, client_word: str) -> str:
    """N1: contact name, else "<City> <id>", else "Client <id>" (``client_word`` translated)."""
    if visitor.name.strip():
        return visitor.name.strip()
    city = i18n.city_name(visitor.city, visitor.city_names)  # "Nueva York 40"
    if city:
        return f"{city} {visitor.id}"
    return f"{client_word} {visitor.id}"


class ChatsService(Conversations):
    """Signals (besides those of :class:`Conversations`: ``chat_changed``, ``messages_reset``,
    ``messages_appended``, ``message_changed``, ``problem``, ``message_sent``):

    * ``chats_changed()``: chats came or went, or the order changed;
    * ``offered(object)``: a new offer (ChatInfo) for the toast;
    * ``offer_gone(int)``: the offer was taken, ignored, closed or missed;
    * ``current_changed(int)``: the chat shown in the centre (0: none);
    * ``visitor_message(int)``: a visitor wrote in one of my chats (for the sound).
    """

    chats_changed = Signal()
    offered = Signal(object)
    offer_gone = Signal(int)
    current_changed = Signal(int)
    visitor_message = Signal(int)

    def __init__(
        self, session: SessionService, store: LocalStore, team: TeamService | None = None
    ) -> None:
        super().__init__(session, store)
        self.team = team or TeamService(session)
        self.order: list[int] = []
        self.current = 0
        self.ignored: set[int] = set()
        self.window_active = True
        session.frame_received.connect(self._on_session_frame_received)
        session.signed_out.connect(self._on_session_signed_out)

    # -------------------------------------------------------------- queries

    def chat(self, chat_id: int) -> Chat | None:
        return self.chats.get(chat_id)

    def ordered(self) -> list[Chat]:
        return [self.chats[i] for i in self.order]

    def waiting(self) -> list[Chat]:
        """Offers not ignored, oldest first (what Ctrl+R accepts)."""
        offers = [c for c in self.chats.values() if c.offered and c.id not in self.ignored]
        return sorted(offers, key=lambda c: c.info.created_at)

    def display_name(self, chat: Chat) -> str:
        if chat.info.visitor is None:  # a colleague (T2)
            peers = [m for m in chat.info.members if m != self.me]
            name = self.team.name_of(peers[0]) if peers else ""
            return name or self.tr("Colleague")
        return visitor_name(chat.info.visitor, self.tr("Client"))

    def page_url(self, chat: Chat) -> str:
        return chat.info.visitor.page_url if chat.info.visitor else ""

    # -------------------------------------------------------------- actions

    def select(self, chat_id: int) -> None:
        """C1/C2: show a chat in the centre (its draft comes back with it)."""
        if chat_id == self.current:
            return
        self.current = chat_id
        chat = self.chats.get(chat_id)
        if chat is not None:
            if chat.unread:
                chat.unread = 0
                self.chat_changed.emit(chat_id)
            if not chat.loaded and not chat.history_error:
                self._start_history(chat)
            self._mark_read(chat)
        self.current_changed.emit(chat_id)

    def set_window_active(self, active: bool) -> None:
        self.window_active = active
        chat = self.chats.get(self.current)
        if active and chat is not None:
            if chat.unread:
                chat.unread = 0
                self.chat_changed.emit(chat.id)
            self._mark_read(chat)

    def _mark_read(self, chat: Chat) -> None:
        """C19: the visitor sees "read" once the agent has the chat in front of them."""
        client = self.session.client
        if (
            client is None
            or not self.window_active
            or chat.info.kind != "visitor"
            or chat.info.state != "active"
            or chat.info.agent_read_seq >= chat.info.last_seq
        ):
            return
        chat.info.agent_read_seq = chat.info.last_seq
        spawn(client.receipt(chat.id, chat.info.last_seq), "receipt")

    def open_direct(self, agent_id: int) -> None:
        """T2: open the chat with a colleague and show it."""
        spawn(self._open_direct(agent_id), f"direct-{agent_id}")

    async def _open_direct(self, agent_id: int) -> None:
        client = self.session.client
        if client is None:
            return
        try:
            info = await client.open_direct(agent_id)
        except (RelayError, ConnectionLost, TimeoutError) as exc:
            self.problem.emit(
                self.tr("The chat with your colleague could not be opened: {0}").format(
                    failure_text(exc)
                )
            )
            return
        self._add_direct(info)
        self.select(info.id)

    def select_next(self, step: int) -> None:
        """Ctrl+Down / Ctrl+Up: the next or previous chat in the list."""
        if not self.order:
            return
        if self.current in self.order:
            index = (self.order.index(self.current) + step) % len(self.order)
        else:
            index = 0 if step > 0 else len(self.order) - 1
        self.select(self.order[index])

    def accept(self, chat_id: int, *, show: bool = True) -> None:
        spawn(self.accept_async(chat_id, show=show), f"accept-{chat_id}")

    async def accept_async(self, chat_id: int, *, show: bool = True) -> bool:
        client = self.session.client
        chat = self.chats.get(chat_id)
        if client is None or chat is None:
            return False
        try:
            await client.accept(chat_id)
        except RelayError as exc:
            if exc.code == "chat_taken":
                self.problem.emit(self.tr("Another agent has already accepted this chat."))
            else:
                self.problem.emit(
                    self.tr("The chat could not be accepted: {0}").format(failure_text(exc))
                )
            self._forget_offer(chat_id)
            return False
        except (ConnectionLost, TimeoutError):
            self.problem.emit(self.tr("No connection to the relay: try again in a moment."))
            return False
        self._taken_by_me(chat_id)
        if show:
            self.select(chat_id)
        return True

    def accept_oldest(self) -> int:
        """Ctrl+R and ``jivo-desktop --accept``: accept the longest-waiting chat, ignored ones
        included (Ignore hides a toast; pressing Ctrl+R is asking for a chat)."""
        offers = sorted(
            (c for c in self.chats.values() if c.offered), key=lambda c: c.info.created_at
        )
        if not offers:
            return 0
        self.accept(offers[0].id)
        return offers[0].id

    def quick_reply(self, chat_id: int, text: str) -> None:
        """N2: take the chat and answer it without opening the window."""
        spawn(self._quick_reply(chat_id, text), f"quick-reply-{chat_id}")

    async def _quick_reply(self, chat_id: int, text: str) -> None:
        if await self.accept_async(chat_id, show=False):
            self.send(chat_id, text)

    def ignore(self, chat_id: int) -> None:
        """N3: hide the offer here and tell the relay, which offers it to every online agent
        and, when all of them ignore it, brings it back (a new ``chat_offered``) twice before
        the chat is missed."""
        self.ignored.add(chat_id)
        self.offer_gone.emit(chat_id)
        self._reorder()
        client = self.session.client
        if client is not None:
            spawn(self._ignore(chat_id), f"ignore-{chat_id}")

    async def _ignore(self, chat_id: int) -> None:
        client = self.session.client
        if client is None:
            return
        try:
            await client.request(lambda i: p.IgnoreChat(id=i, chat_id=chat_id))
        except RelayError as exc:
            log.info("ignore of chat %s refused: %s", chat_id, exc)
        except (ConnectionLost, TimeoutError) as exc:
            log.info("ignore of chat %s not sent: %s", chat_id, exc)

    def set_assigned_agent(self, visitor_id: int, agent_id: int | None) -> None:
        """C5: bind the client to an agent (None: nobody) on the relay."""
        spawn(self._set_assigned_agent(visitor_id, agent_id), f"assign-{visitor_id}")

    async def _set_assigned_agent(self, visitor_id: int, agent_id: int | None) -> None:
        client = self.session.client
        if client is None:
            return
        try:
            await client.request(
                lambda i: p.SetAssignedAgent(id=i, visitor_id=visitor_id, agent_id=agent_id)
            )
        except (RelayError, ConnectionLost, TimeoutError) as exc:
            self.problem.emit(
                self.tr("The agent could not be assigned: {0}").format(failure_text(exc))
            )
            return
        for chat in self.chats.values():
            if chat.info.visitor is not None and chat.info.visitor.id == visitor_id:
                chat.info.visitor.assigned_agent_id = agent_id
                self.chat_changed.emit(chat.id)

    def close_chat(self, chat_id: int) -> None:
        """C3: leave the chat; a visitor who writes again starts a new one."""
        spawn(self._close(chat_id), f"close-{chat_id}")

    async def _close(self, chat_id: int) -> None:
        client = self.session.client
        if client is None:
            return
        try:
            await client.close_chat(chat_id)
        except RelayError as exc:
            if exc.code not in ("chat_closed", "not_in_chat"):
                self.problem.emit(
                    self.tr("The chat could not be closed: {0}").format(failure_text(exc))
                )
                return
        except (ConnectionLost, TimeoutError):
            self.problem.emit(self.tr("No connection to the relay: try again in a moment."))
            return
        self._remove(chat_id)

    # -------------------------------------------------------------- relay frames

    def _on_session_signed_out(self) -> None:
        self.chats.clear()
        self.order.clear()
        self.ignored.clear()
        self.current = 0
        self.chats_changed.emit()
        self.current_changed.emit(0)

    def _on_session_frame_received(self, frame: p.Frame) -> None:
        match frame:
            case p.Welcome():
                self._snapshot(frame.chats)
            case p.EventPush():
                self._event(frame.event)
            case p.ChatOffered():
                self._offer(frame.chat)
            case p.ChatTaken():
                if frame.agent_id == self.me:
                    self._taken_by_me(frame.chat_id)
                else:
                    self._forget_offer(frame.chat_id)
            case p.ChatStateChanged():
                self._state_changed(frame.chat)
            case p.TypingChanged():
                chat = self.chats.get(frame.chat_id)
                if chat is not None and frame.who == "visitor":
                    chat.typing = self.tr("typing…") if frame.active else ""
                    self.chat_changed.emit(chat.id)
            case p.ChatOpened():
                self._add_direct(frame.chat)
            case p.ReceiptChanged():
                self._receipt(frame)
            case p.ReplyUndelivered():
                self._undelivered(frame)

    def _snapshot(self, infos: list[p.ChatInfo]) -> None:
        """The chats the relay says are ours or waiting; after a reconnect, what went away
        meanwhile goes away here too (replayed events bring what changed inside kept chats)."""
        seen = set()
        for info in infos:
            seen.add(info.id)
            chat = self.chats.get(info.id)
            if chat is None:
                chat = self.chats[info.id] = Chat(info, last_activity=info.created_at)
                if info.state == "offered" and info.id not in self.ignored:
                    self.offered.emit(info)
            elif self._returns(chat, info):
                self._offer(info)
            else:
                chat.info = info
        for chat_id in [c for c in self.chats if c not in seen]:
            self._remove(chat_id)
        self._reorder()

    def _add_direct(self, info: p.ChatInfo) -> None:
        if info.id not in self.chats:
            self.chats[info.id] = Chat(info, last_activity=info.created_at)
            self._reorder()

    @staticmethod
    def _returns(chat: Chat, info: p.ChatInfo) -> bool:
        """N3: an offer in a later round of the ladder: the toast comes back."""
        return info.state == "offered" and info.offer_round > chat.info.offer_round

    def _offer(self, info: p.ChatInfo) -> None:
        chat = self.chats.get(info.id)
        if chat is not None:
            back = self._returns(chat, info) and info.id in self.ignored
            chat.info = info
            self.chat_changed.emit(info.id)
            if back:
                self.ignored.discard(info.id)
                self._reorder()
                self.offered.emit(info)
            return
        self.chats[info.id] = Chat(info, last_activity=time.time())
        self._reorder()
        if info.id not in self.ignored:
            self.offered.emit(info)

    def _taken_by_me(self, chat_id: int) -> None:
        chat = self.chats.get(chat_id)
        if chat is None or chat.info.state == "active":
            return
        agent = self.session.agent
        chat.info.state = "active"
        chat.info.agent_id = self.me
        chat.info.agent_name = agent.name if agent else ""
        self.offer_gone.emit(chat_id)
        self.chat_changed.emit(chat_id)
        self._reorder()

    def _forget_offer(self, chat_id: int) -> None:
        chat = self.chats.get(chat_id)
        if chat is not None and chat.info.agent_id != self.me:
            self._remove(chat_id)

    def _state_changed(self, info: p.ChatInfo) -> None:
        chat = self.chats.get(info.id)
        if chat is None:
            return
        if info.state in ("closed", "missed"):
            self._remove(info.id)
            return
        chat.info = info
        self.chat_changed.emit(info.id)

    def _remove(self, chat_id: int) -> None:
        chat = self.chats.pop(chat_id, None)
        if chat is None:
            return
        self.ignored.discard(chat_id)
        self.offer_gone.emit(chat_id)
        if self.current == chat_id:
            self.current = 0
            self.current_changed.emit(0)
        self._reorder()

    def _event(self, event: p.Event) -> None:
        chat = self.chats.get(event.chat_id)
        if chat is None:
            return
        chat.last_activity = event.ts
        chat.info.last_seq = max(chat.info.last_seq, event.seq)
        if event.kind in SPOKEN and (event.author == "visitor" or chat.direct):
            text = self.tr("File: {0}").format(event.text) if event.kind == "file" else event.text
            chat.info.preview = text[:200]
            chat.typing = ""
        if (
            event.kind in ("closed", "missed")
            or (event.kind == "left" and event.author == "agent" and event.author_id == self.me)
            or (event.kind == "requeued" and event.author_id == self.me and not chat.offered)
        ):  # C3/C9: closed, or I left it (a transfer accepted, or from another device); B6:
            # I was offline too long and it went back to the queue
            self._remove(chat.id)
            return
        self._show_event(chat, event)
        if (
            event.kind in SPOKEN
            and event.author != "system"
            and not (event.author == "agent" and event.author_id == self.me)
        ):
            if self.current != chat.id or not self.window_active:
                chat.unread += 1
            else:
                self._mark_read(chat)
            if chat.info.state == "active":
                self.visitor_message.emit(chat.id)
        self.chat_changed.emit(chat.id)
        self._reorder()

    def _reorder(self) -> None:
        """Offers first (oldest first: they are waiting), then the rest by newest activity."""
        offers = sorted(
            (c for c in self.chats.values() if c.offered and c.id not in self.ignored),
            key=lambda c: c.info.created_at,
        )
        rest = sorted(
            (c for c in self.chats.values() if not (c.offered and c.id not in self.ignored)),
            key=lambda c: -c.last_activity,
        )
        order = [c.id for c in offers + rest]
        if order != self.order:
            self.order = order
            self.chats_changed.emit()
