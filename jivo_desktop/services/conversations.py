"""What is in the agent's chats: the :class:`Chat` and :class:`Message` records, and
:class:`Conversations`, which fills each chat's messages and sends the agent's.

Everything the agent types goes to the local outbox first (so a crash loses nothing), then to the
relay; the outbox row is deleted only when the relay's acknowledgement arrives. A chat's history
is loaded the first time it is shown (issue 12 item 6: a failure is kept, with a Retry); the
visitor's receipts mark the agent's messages delivered and read (C19).

Which chats there are (offers, accept, ignore, leave, their order) is
:class:`~jivo_desktop.services.chats.ChatsService`, built on this class.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from jivo_desktop.net.errors import ConnectionLost, RelayError
from jivo_desktop.services.relay_errors import failure_text
from jivo_desktop.services.session import SessionService
from jivo_desktop.store import LocalStore, OutboxItem
from jivo_desktop.tasks import spawn
from server import protocol as p

log = logging.getLogger(__name__)

HISTORY_PAGE = 200
TAIL = 200
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
    state: str = "sent"  # sending | sent | delivered | read | failed | undelivered
    file: p.FileInfo | None = None
    """C14: set when ``kind`` is "file" (``text`` is then the file's name)."""
    via: str = ""
    """C10: the reply channel the agent chose for it ("" the chat's own)."""
    undelivered_reason: str = ""
    """C10/C19: why the provider could not deliver it (state "undelivered")."""


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
        state="undelivered" if event.undelivered else "sent",
        undelivered_reason=event.undelivered,
    )


class Conversations(QObject):
    """The messages of ``chats`` (the chat records, by id, that the subclass keeps).

    Signals:

    * ``chat_changed(int)``: a chat's row changed (unread, preview, state, typing, history);
    * ``messages_reset(int)``: a chat's messages were (re)loaded;
    * ``messages_appended(int, int, int)``: chat id, first index, count;
    * ``message_changed(int, int)``: chat id, index (its state changed);
    * ``problem(str)``: something the agent should read (a message not sent...);
    * ``message_sent(int, str)``: the agent sent this text in a chat (the typing hints learn).
    """

    chat_changed = Signal(int)
    messages_reset = Signal(int)
    messages_appended = Signal(int, int, int)
    message_changed = Signal(int, int)
    problem = Signal(str)
    message_sent = Signal(int, str)

    def __init__(self, session: SessionService, store: LocalStore) -> None:
        super().__init__()
        self.session = session
        self.store = store
        self.chats: dict[int, Chat] = {}
        self._history_loading: set[int] = set()
        self._early: dict[int, list[p.Event]] = {}
        """Events that arrived while their chat's history was being fetched: the page may have
        been read before they were stored, so they are merged into it when it comes."""
        self._drafts: dict[tuple[str, int], str] = {}  # what the store holds, once read
        session.signed_in.connect(self._on_session_signed_in)

    @property
    def me(self) -> int | None:
        agent = self.session.agent
        return agent.id if agent else None

    # -------------------------------------------------------------- the agent's messages

    def draft(self, chat_id: int) -> str:
        account = self.session.account
        if not account:
            return ""
        key = (account, chat_id)
        if key not in self._drafts:
            self._drafts[key] = self.store.draft(account, chat_id)
        return self._drafts[key]

    def save_draft(self, chat_id: int, text: str) -> None:
        """Stored only when it changed: leaving a chat writes (and syncs to disk) nothing if
        its draft is what it was (issue 15: every chat switch did a synced write)."""
        account = self.session.account
        if account and chat_id and self._drafts.get((account, chat_id)) != text:
            self.store.save_draft(account, chat_id, text)
            self._drafts[(account, chat_id)] = text

    def send(self, chat_id: int, text: str, via: str = "") -> None:
        """Queue in the local outbox, show as "sending", deliver (across reconnects). ``via``:
        C10, the reply channel chosen in the composer ("" where the chat came from)."""
        text = text.strip()
        chat = self.chats.get(chat_id)
        if not text or chat is None or not self.session.account:
            return
        cmid = uuid.uuid4().hex
        item = self.store.queue(self.session.account, cmid, chat_id, text, via)
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
                    via=via,
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
        item = self.store.queue(
            self.session.account, client_msg_id, chat_id, message.text, message.via
        )
        self._set_state(chat_id, client_msg_id, "sending")
        spawn(self._deliver(item), f"send-{client_msg_id}")

    async def _deliver(self, item: OutboxItem) -> None:
        client = self.session.client
        if client is None:
            return  # sent again from the outbox after the next sign-in
        try:
            via = item.via if item.via in p.REPLY_VIAS else None
            ack = await client.send_message(
                item.chat_id,
                item.text,
                item.client_msg_id,
                via=via,  # type: ignore[arg-type]
            )
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

    def _on_session_signed_in(self, welcome: p.Welcome) -> None:
        # After a restart the outbox may still hold messages: they go out now, exactly once.
        for item in self.store.pending(self.session.account):
            spawn(self._deliver(item), f"resend-{item.client_msg_id}")

    # -------------------------------------------------------------- what the relay says

    def _show_event(self, chat: Chat, event: p.Event) -> None:
        """An event of a chat whose history is shown: my pending copy turns "sent", anything
        not shown yet is appended."""
        if not chat.loaded:
            if chat.id in self._history_loading:
                self._early.setdefault(chat.id, []).append(event)
            return
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

    def _receipt(self, frame: p.ReceiptChanged) -> None:
        chat = self.chats.get(frame.chat_id)
        if chat is None or frame.reader != "visitor":
            return
        chat.info.visitor_delivered_seq = max(chat.info.visitor_delivered_seq, frame.delivered_seq)
        chat.info.visitor_read_seq = max(chat.info.visitor_read_seq, frame.read_seq)
        self._apply_receipts(chat)

    def _undelivered(self, frame: p.ReplyUndelivered) -> None:
        """C10/C19: a reply by a channel did not reach the client: its line says so, and why
        (the provider's words). Later receipts of the chat do not move it back."""
        chat = self.chats.get(frame.chat_id)
        if chat is None:
            return
        for index in range(len(chat.messages) - 1, -1, -1):
            message = chat.messages[index]
            if message.author == "agent" and message.seq == frame.seq:
                message.undelivered_reason = frame.reason
                self._mark(chat, index, "undelivered", None, None)
                return

    def _apply_receipts(self, chat: Chat) -> None:
        """My messages up to the visitor's receipts show delivered / read (C19)."""
        for index, message in enumerate(chat.messages):
            if not message.mine or message.seq is None:
                continue
            if message.seq <= chat.info.visitor_read_seq:
                self._mark(chat, index, "read", None, None)
            elif message.seq <= chat.info.visitor_delivered_seq:
                self._mark(chat, index, "delivered", None, None)

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
            early = self._early.pop(chat.id, [])
        if events is not None and early:
            by_cursor = {e.cursor: e for e in early}
            by_cursor.update((e.cursor, e) for e in events)
            events = sorted(by_cursor.values(), key=lambda e: e.cursor)
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
                        via=item.via,
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
        order = ["failed", "sending", "sent", "delivered", "read", "undelivered"]
        if state != "failed" and order.index(state) <= order.index(message.state):
            return
        message.state = state
        message.cursor = cursor if cursor is not None else message.cursor
        message.seq = seq if seq is not None else message.seq
        self.message_changed.emit(chat.id, index)
