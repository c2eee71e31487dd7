"""Chats: offering, taking and closing chats, messages, typing, receipts and history.

A new chat is offered to agents and taken by one (N3 ignore ladder), colleagues open direct
chats (T2); both roles send messages, typing and receipts (C19); agents page back through a
chat's history, search the archive and read a client's earlier chats. Every chat event reaches
clients as an ``event_push``, and ``sync_done`` ends the replay after a (re)connect.
"""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec

from .base import INT32_MAX, ClientMsgId, DbId, Frame, ListAnswer, RequestId, Seq, Short, Text
from .channels import ReplyVia
from .structs import ChatInfo, Event, Role

__all__ = [
    "AcceptChat",
    "ArchivePage",
    "ChatOffered",
    "ChatOpened",
    "ChatStateChanged",
    "ChatTaken",
    "ClientHistory",
    "ClientHistoryPage",
    "CloseChat",
    "EventPush",
    "History",
    "HistoryPage",
    "IgnoreChat",
    "MessageAcked",
    "OpenDirectChat",
    "PastChat",
    "Receipt",
    "ReceiptChanged",
    "SearchArchive",
    "SendMessage",
    "SyncDone",
    "Typing",
    "TypingChanged",
]


# ------------------------------------------------- offers, taking and closing a chat, direct chats


class ChatOffered(Frame):
    """Agents: a chat waits for an answer (the toast)."""

    chat: ChatInfo


class AcceptChat(Frame):
    """Agent: take an offered chat. The first agent wins; others get ``chat_taken``."""

    id: RequestId
    chat_id: DbId


class ChatTaken(Frame):
    """Agents: an agent accepted the chat; every other agent's toast for it goes away."""

    chat_id: int
    agent_id: int
    agent_name: str


class IgnoreChat(Frame):
    """Agent: N3, ignore an offered chat. When every agent the round offered it to has ignored
    it (or the round's time runs out) it is offered again, and after the last round it is
    missed."""

    id: RequestId
    chat_id: DbId


class CloseChat(Frame):
    """Agent: leave and close the chat; a visitor writing after that starts a new chat."""

    id: RequestId
    chat_id: DbId


class ChatStateChanged(Frame):
    """Agents: the chat's state changed (closed, missed...)."""

    chat: ChatInfo


class OpenDirectChat(Frame):
    """Agent: open (or find) the chat with a colleague (T2); answered with ``chat_opened``."""

    id: RequestId
    agent_id: DbId


class ChatOpened(Frame):
    """Agents: a direct chat with a colleague; the answer to ``open_direct_chat`` (with its
    ``id``) and a push to the colleague (without)."""

    chat: ChatInfo
    id: int | None = None


# ---------------------------------------------------------------- messages, typing and receipts


class SendMessage(Frame):
    """Send a chat message. Agents name the chat; a visitor writes to the open chat, and a
    message with no open chat starts one. ``client_msg_id`` makes a retry safe."""

    id: RequestId
    client_msg_id: ClientMsgId
    text: Text
    chat_id: DbId | None = None
    comment: bool = False
    """C10 (agents only): an internal comment that only agents see, stored as a ``comment``
    event that never reaches the visitor."""
    via: ReplyVia | None = None
    """C10 (agents only): the reply channel (``reply_channels``); null: where the chat came
    from. One the client cannot be reached on is refused ``unreachable``, nothing stored; a
    reply by a channel goes through the relay's durable outbox, sent once."""


class MessageAcked(Frame):
    """The message is committed. ``duplicate`` is true when this ``client_msg_id`` was stored
    before (a retry): the same ``seq`` and ``cursor`` are returned."""

    id: int
    client_msg_id: str
    chat_id: int
    seq: int
    cursor: int
    ts: float
    duplicate: bool = False


class EventPush(Frame):
    """A chat event, live or replayed after a reconnect."""

    event: Event


class SyncDone(Frame):
    """The replay after (re)connecting is complete. ``cursor`` is where to resume from next
    time: everything up to it that this client may see has been sent (it may be newer than the
    last event sent, as other chats' events are not sent)."""

    cursor: int


class Typing(Frame):
    """Typing indicator (no response). Agents name the chat."""

    active: bool
    chat_id: DbId | None = None


class TypingChanged(Frame):
    chat_id: int
    who: Role
    active: bool
    agent_id: int | None = None
    name: str = ""


class Receipt(Frame):
    """C19: the sender has received (``read`` false) or shown (``read`` true) the other side's
    messages up to ``seq`` of the chat. Visitors leave out ``chat_id`` (their open chat). No
    response; the other side gets ``receipt_changed``."""

    seq: Seq
    read: bool = True
    chat_id: DbId | None = None


class ReceiptChanged(Frame):
    """How far ``reader`` has received and read the other side's messages in a chat."""

    chat_id: int
    reader: Role
    delivered_seq: int
    read_seq: int


# --------------------------------------------------- history, archive and a client's earlier chats


class History(Frame):
    """Agent: a page of a chat's events, newest last, before ``before_seq`` (or the latest)."""

    id: RequestId
    chat_id: DbId
    before_seq: Seq | None = None
    limit: Annotated[int, msgspec.Meta(ge=1, le=500)] = 100


class HistoryPage(Frame):
    """Response to ``history``: at most ``limit`` events, oldest first, and never more than
    MAX_PAGE_BYTES of them (the newest are kept). ``more``: older events remain before the
    first one; ask again with ``before_seq`` = its ``seq``."""

    id: int
    chat_id: int
    events: list[Event]
    more: bool = False


class SearchArchive(Frame):
    """Agent: closed and missed chats, newest first, answered with ``archive_page``. Every filter
    is optional: ``text`` in the messages (its words, in order, next to each other, the last one
    as the start of a word; any case), ``visitor`` (name, e-mail, phone or id), ``agent_id``,
    ``since``/``until`` (epoch seconds of the chat's start), ``state`` (closed or missed)."""

    id: RequestId
    text: Short = ""
    visitor: Short = ""
    agent_id: DbId | None = None
    since: float | None = None
    until: float | None = None
    state: Literal["", "closed", "missed"] = ""
    offset: Annotated[int, msgspec.Meta(ge=0, le=INT32_MAX)] = 0
    limit: Annotated[int, msgspec.Meta(ge=1, le=200)] = 50


class ArchivePage(Frame):
    """Response to ``search_archive``: one page of chats and how many match in all. A page
    holds fewer than ``limit`` chats when they would pass MAX_PAGE_BYTES: the next page starts
    at ``offset`` + the number of chats received."""

    id: int
    chats: list[ChatInfo]
    total: int


class PastChat(msgspec.Struct, kw_only=True):
    """The client panel's earlier chat of a returning client: the chat and the agents'
    comments in it ("en caso de que el mismo cliente le contacte más tarde")."""

    chat: ChatInfo
    comments: list[Event] = msgspec.field(default_factory=list)
    earlier_comments: bool = False
    """Issue 12 item 6: older comments were left out to keep the answer under the frame
    limit (the newest are kept; the chat's ``history`` has them all)."""


class ClientHistory(Frame):
    """The earlier (closed or missed) chats of a visitor with their comments, newest first;
    answered with ``client_history_page``. Any agent."""

    id: RequestId
    visitor_id: DbId
    limit: Annotated[int, msgspec.Meta(ge=1, le=50)] = 20


class ClientHistoryPage(ListAnswer):
    id: int
    visitor_id: int
    chats: list[PastChat]
