"""The chats the agent sees: offers, active chats, their messages, drafts and the outbox.

Everything the agent types goes to the local outbox first (so a crash loses nothing), then to the
relay; the outbox row is deleted only when the relay's acknowledgement arrives.
"""

from __future__ import annotations

import logging
import time
import uuid
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from jivo_desktop import i18n
from jivo_desktop.net.errors import ConnectionLost, RelayError
from jivo_desktop.services.relay_errors import failure_text
from jivo_desktop.services.session import SessionService
from jivo_desktop.services.team import TeamService
from jivo_desktop.store import LocalStore, OutboxItem
from jivo_desktop.tasks import spawn
from server import protocol as p

log = logging.getLogger(__name__)

HISTORY_PAGE = 200
TAIL = 200
SPOKEN = ("message", "file")
"""Event kinds a person sent: they count as unread and make the chat's preview."""
"""How far back an arriving event is matched against what is shown (pending copies, repeats)."""


@dataclass
class Message:
    """One line of a conversation as the app shows it."""

    kind: str  # message | joined | left | closed | file | comment | transfer
    author: str  # visitor | agent | system
    author_name: str
    text: str
    ts: float
    mine: bool
    client_msg_id: str | None = None
    cursor: int | None = None
    seq: int | None = None
    state: str = "sent"  # sending | sent | delivered | read | failed
    file: p.FileInfo | None = None
    """C14: set when ``kind`` is "file" (``text`` is then the file's name)."""


@dataclass
class Chat:
    info: p.ChatInfo
    messages: list[Message] = field(default_factory=list)
    loaded: bool = False
    history_error: str = ""
    """Issue 12 item 6: why the conversation could not be loaded (empty: no error); the
    inbox shows it with a Retry instead of an empty chat."""
    unread: int = 0
    last_activity: float = 0.0
    typing: str = ""

    @property
    def id(self) -> int:
        return self.info.id

    @property
    def offered(self) -> bool:
        return self.info.state == "offered"

    @property
    def direct(self) -> bool:
        return self.info.kind == "direct"


def visitor_name(visitor: p.VisitorInfo, client_word: str) -> str:
    """N1: contact name, else "<City> <id>", else "Client <id>" (``client_word`` translated)."""
    if visitor.name.strip():
        return visitor.name.strip()
    city = i18n.city_name(visitor.city, visitor.city_names)  # "Nueva York 40"
    if city:
        return f"{city} {visitor.id}"
    return f"{client_word} {visitor.id}"


def _message(event: p.Event, me: int | None) -> Message:
    mine = event.author == "agent" and event.author_id == me
    return Message(
        kind=event.kind,
        author=event.author,
        author_name=event.author_name,
        text=event.text,
        ts=event.ts,
        mine=mine,
        client_msg_id=event.client_msg_id,
        cursor=event.cursor,
        seq=event.seq,
        file=event.file,
    )


class ChatsService(QObject):
    """Signals:

    * ``chats_changed()``: chats came or went, or the order changed;
    * ``chat_changed(int)``: a chat's row changed (unread, preview, state, typing);
    * ``messages_reset(int)``: a chat's messages were (re)loaded;
    * ``messages_appended(int, int, int)``: chat id, first index, count;
    * ``message_changed(int, int)``: chat id, index (its state changed);
    * ``offered(object)``: a new offer (ChatInfo) for the toast;
    * ``offer_gone(int)``: the offer was taken, ignored, closed or missed;
    * ``current_changed(int)``: the chat shown in the centre (0: none);
    * ``visitor_message(int)``: a visitor wrote in one of my chats (for the sound);
    * ``problem(str)``: something the agent should read (a refused accept...);
    * ``message_sent(int, str)``: the agent sent this text in a chat (the typing hints learn).
    """

    chats_changed = Signal()
    chat_changed = Signal(int)
    messages_reset = Signal(int)
    messages_appended = Signal(int, int, int)
    message_changed = Signal(int, int)
    offered = Signal(object)
    offer_gone = Signal(int)
    current_changed = Signal(int)
    visitor_message = Signal(int)
    problem = Signal(str)
    message_sent = Signal(int, str)

    def __init__(
        self, session: SessionService, store: LocalStore, team: TeamService | None = None
    ) -> None:
        super().__init__()
        self.session = session
        self.store = store
        self.team = team or TeamService(session)
        self.chats: dict[int, Chat] = {}
        self.order: list[int] = []
        self.current = 0
        self.ignored: set[int] = set()
        self._history_loading: set[int] = set()
        self.window_active = True
        session.frame_received.connect(self._on_session_frame_received)
        session.signed_in.connect(self._on_session_signed_in)
        session.signed_out.connect(self._on_session_signed_out)

    # -------------------------------------------------------------- queries

    @property
    def me(self) -> int | None:
        agent = self.session.agent
        return agent.id if agent else None

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

    def draft(self, chat_id: int) -> str:
        return self.store.draft(self.session.account, chat_id) if self.session.account else ""

    def save_draft(self, chat_id: int, text: str) -> None:
        if self.session.account and chat_id:
            self.store.save_draft(self.session.account, chat_id, text)

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

    def send(self, chat_id: int, text: str) -> None:
        """Queue in the local outbox, show as "sending", deliver (across reconnects)."""
        text = text.strip()
        chat = self.chats.get(chat_id)
        if not text or chat is None or not self.session.account:
            return
        cmid = uuid.uuid4().hex
        item = self.store.queue(self.session.account, cmid, chat_id, text)
        agent = self.session.agent
        self._append(
            chat,
            [
                Message(
                    kind="message",
                    author="agent",
                    author_name=agent.name if agent else "",
                    text=text,
                    ts=item.created_at,
                    mine=True,
                    client_msg_id=cmid,
                    state="sending",
                )
            ],
        )
        self.save_draft(chat_id, "")
        spawn(self._deliver(item), f"send-{cmid}")
        self.message_sent.emit(chat_id, text)

    def retry(self, chat_id: int, client_msg_id: str) -> None:
        """Send a message shown as not sent again (issue 12 item 3: the agent library gives up
        after a few resends; the agent decides to try once more). Its client_msg_id is kept,
        so if the relay did store it after all, it is not stored twice."""
        chat = self.chats.get(chat_id)
        if chat is None or not self.session.account:
            return
        message = next(
            (m for m in chat.messages if m.client_msg_id == client_msg_id and m.mine), None
        )
        if message is None or message.state != "failed":
            return
        item = self.store.queue(self.session.account, client_msg_id, chat_id, message.text)
        self._set_state(chat_id, client_msg_id, "sending")
        spawn(self._deliver(item), f"send-{client_msg_id}")

    async def _deliver(self, item: OutboxItem) -> None:
        client = self.session.client
        if client is None:
            return  # sent again from the outbox after the next sign-in
        try:
            ack = await client.send_message(item.chat_id, item.text, item.client_msg_id)
        except RelayError as exc:
            self.store.unqueue(item.client_msg_id)
            self._set_state(item.chat_id, item.client_msg_id, "failed")
            self.problem.emit(self.tr("A message was not sent: {0}").format(failure_text(exc)))
            return
        self.store.unqueue(item.client_msg_id)
        self._set_state(item.chat_id, item.client_msg_id, "sent", ack.cursor, ack.seq)

    def typing(self, chat_id: int, active: bool) -> None:
        client = self.session.client
        chat = self.chats.get(chat_id)
        if client is not None and chat is not None and chat.info.state == "active":
            spawn(client.typing(chat_id, active), "typing")

    # -------------------------------------------------------------- relay frames

    def _on_session_signed_in(self, welcome: p.Welcome) -> None:
        # After a restart the outbox may still hold messages: they go out now, exactly once.
        for item in self.store.pending(self.session.account):
            spawn(self._deliver(item), f"resend-{item.client_msg_id}")

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

    def _receipt(self, frame: p.ReceiptChanged) -> None:
        chat = self.chats.get(frame.chat_id)
        if chat is None or frame.reader != "visitor":
            return
        chat.info.visitor_delivered_seq = max(chat.info.visitor_delivered_seq, frame.delivered_seq)
        chat.info.visitor_read_seq = max(chat.info.visitor_read_seq, frame.read_seq)
        self._apply_receipts(chat)

    def _apply_receipts(self, chat: Chat) -> None:
        """My messages up to the visitor's receipts show delivered / read (C19)."""
        for index, message in enumerate(chat.messages):
            if not message.mine or message.seq is None:
                continue
            if message.seq <= chat.info.visitor_read_seq:
                self._mark(chat, index, "read", None, None)
            elif message.seq <= chat.info.visitor_delivered_seq:
                self._mark(chat, index, "delivered", None, None)

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
        if chat.loaded:
            # Only the tail can hold my pending copy or an event already shown: never scan a
            # long conversation on every event.
            tail_start = max(0, len(chat.messages) - TAIL)
            tail = range(len(chat.messages) - 1, tail_start - 1, -1)
            mine = next(
                (
                    i
                    for i in tail
                    if event.client_msg_id
                    and chat.messages[i].mine
                    and chat.messages[i].client_msg_id == event.client_msg_id
                ),
                None,
            )
            if mine is not None:
                self._mark(chat, mine, "sent", event.cursor, event.seq)
            elif not any(m.cursor == event.cursor for m in chat.messages[tail_start:]):
                self._append(chat, [_message(event, self.me)])
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

    def retry_history(self, chat_id: int) -> None:
        """Issue 12 item 6: load a conversation again after its history failed."""
        chat = self.chats.get(chat_id)
        if chat is None or chat.loaded:
            return
        chat.history_error = ""
        self.chat_changed.emit(chat_id)
        self._start_history(chat)

    def _start_history(self, chat: Chat) -> None:
        if chat.id in self._history_loading:
            return
        self._history_loading.add(chat.id)
        spawn(self._load_history(chat), f"history-{chat.id}")

    async def _load_history(self, chat: Chat) -> None:
        try:
            events = await self._fetch_history(chat)
        finally:
            self._history_loading.discard(chat.id)
        if events is None:
            if chat.id in self.chats:
                self.chat_changed.emit(chat.id)  # the inbox shows history_error
            return
        if chat.id not in self.chats:
            return
        chat.history_error = ""
        pending = [m for m in chat.messages if m.state == "sending"]
        stored = {e.client_msg_id for e in events if e.client_msg_id}
        chat.messages = [_message(e, self.me) for e in events] + [
            m for m in pending if m.client_msg_id not in stored
        ]
        for item in self.store.pending(self.session.account):
            if item.chat_id == chat.id and not any(
                m.client_msg_id == item.client_msg_id for m in chat.messages
            ):
                agent = self.session.agent
                chat.messages.append(
                    Message(
                        "message",
                        "agent",
                        agent.name if agent else "",
                        item.text,
                        item.created_at,
                        True,
                        item.client_msg_id,
                        state="sending",
                    )
                )
        chat.loaded = True
        for message in chat.messages:
            if message.mine and message.state == "sent" and message.seq is not None:
                if message.seq <= chat.info.visitor_read_seq:
                    message.state = "read"
                elif message.seq <= chat.info.visitor_delivered_seq:
                    message.state = "delivered"
        self.messages_reset.emit(chat.id)

    async def _fetch_history(self, chat: Chat) -> list[p.Event] | None:
        """The chat's last page, or None with ``chat.history_error`` set (a refusal, a timeout,
        or the connection dropping during the request, as an over-large page makes it)."""
        client = self.session.client
        if client is None:
            chat.history_error = self.tr("Not connected to the relay.")
            return None
        try:
            return await client.history(chat.id, limit=HISTORY_PAGE)
        except ConnectionLost as exc:
            log.info("history of chat %s not loaded: %s", chat.id, exc)
            chat.history_error = self.tr("The connection dropped while loading the conversation.")
        except TimeoutError:
            log.info("history of chat %s not loaded: timeout", chat.id)
            chat.history_error = self.tr("The relay did not answer in time.")
        except RelayError as exc:
            log.info("history of chat %s not loaded: %s", chat.id, exc)
            chat.history_error = self.tr("The relay refused: {0}").format(failure_text(exc))
        return None

    # -------------------------------------------------------------- helpers

    def _append(self, chat: Chat, messages: list[Message]) -> None:
        first = len(chat.messages)
        chat.messages.extend(messages)
        self.messages_appended.emit(chat.id, first, len(messages))

    def _set_state(
        self, chat_id: int, cmid: str, state: str, cursor: int | None = None, seq: int | None = None
    ) -> None:
        chat = self.chats.get(chat_id)
        if chat is None:
            return
        for index in range(len(chat.messages) - 1, -1, -1):
            if chat.messages[index].client_msg_id == cmid:
                self._mark(chat, index, state, cursor, seq)
                return

    def _mark(
        self, chat: Chat, index: int, state: str, cursor: int | None, seq: int | None
    ) -> None:
        message = chat.messages[index]
        order = ["failed", "sending", "sent", "delivered", "read"]
        if state != "failed" and order.index(state) <= order.index(message.state):
            return
        message.state = state
        message.cursor = cursor if cursor is not None else message.cursor
        message.seq = seq if seq is not None else message.seq
        self.message_changed.emit(chat.id, index)

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
