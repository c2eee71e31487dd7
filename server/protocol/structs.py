"""Shared structures: what several domains' frames carry.

An agent, a visitor, a chat, a chat event and its file, a department; and the literal types of
their fields (roles, statuses, chat states, event kinds). A structure only one domain uses
lives in that domain's module.
"""

from __future__ import annotations

from typing import Literal

import msgspec

from .base import Short

__all__ = [
    "AGENT_ONLY_KINDS",
    "AgentInfo",
    "AgentStatus",
    "ChatInfo",
    "ChatKind",
    "ChatState",
    "DepartmentInfo",
    "DepartmentRef",
    "Event",
    "EventKind",
    "FileInfo",
    "Role",
    "Utm",
    "VisitSource",
    "VisitorInfo",
]


Role = Literal["visitor", "agent", "system"]
AgentStatus = Literal["online", "away", "offline"]
ChatState = Literal["offered", "active", "closed", "missed"]
ChatKind = Literal["visitor", "direct"]
EventKind = Literal[
    "message",
    "joined",
    "left",
    "closed",
    "file",
    "missed",
    "comment",
    "transfer",
    "requeued",
    "pointer",  # C15: ``text`` is JSON {"comment", "selector", "url"}
]
"""``missed``: nobody took the chat (N3); the widget shows the offline form. ``requeued`` (B6):
the chat's agent went offline and did not come back in time; the chat is offered to the others
again (``author_id`` and ``author_name`` are hers) and the widget says an agent will be with
the visitor shortly."""

AGENT_ONLY_KINDS = frozenset({"comment", "transfer"})
"""C9/C10: events only agents see; the relay never sends them to a visitor."""

VisitSource = Literal["", "direct", "search", "social", "referral", "campaign"]


# ---------------------------------------------------------------- structures


class Utm(msgspec.Struct, omit_defaults=True, forbid_unknown_fields=True):
    source: Short = ""
    medium: Short = ""
    campaign: Short = ""
    term: Short = ""
    content: Short = ""


class AgentInfo(msgspec.Struct, kw_only=True):
    id: int
    name: str
    email: str
    role: Literal["admin", "agent"]
    status: AgentStatus


class VisitorInfo(msgspec.Struct, kw_only=True):
    """What the relay knows of a visitor. ``name`` is the contact name, empty when not given;
    clients show "<city> <id>" or "Client <id>" then."""

    id: int
    name: str = ""
    email: str = ""
    phone: str = ""
    city: str = ""
    city_names: dict[str, str] = msgspec.field(default_factory=dict)
    """The city in each language the city database has it in ("es", "pt", "ru", "en"); an
    agent's app shows the name in its interface language, else ``city``."""
    country: str = ""
    page_url: str = ""
    page_title: str = ""
    # V1/C4: what the relay tracks of the visit (defaults keep older frames valid).
    site_id: int = 0
    site_name: str = ""
    visits: int = 0
    """Visits to the site so far, this one included (a visit ends after 30 idle minutes)."""
    session_pages: int = 0
    """Pages viewed in this visit."""
    session_started: float = 0.0
    """Relay time the visit began; time on site is ``now - session_started``."""
    source: VisitSource = ""
    source_detail: str = ""
    """The search engine or network's name, the referring host, or the UTM campaign."""
    referrer: str = ""
    utm: Utm | None = None
    browser: str = ""
    os: str = ""
    ip: str = ""
    isp: str = ""
    country_code: str = ""
    online: bool = False
    """On the site now (a socket open, or left less than the linger time ago)."""
    hidden: bool = False
    """The page is in a background tab."""
    chat_state: str = ""
    """The open chat's state ("offered", "active") or empty."""
    chat_agent: str = ""
    assigned_agent_id: int | None = None
    """C5: new chats of this client go first to this agent while the agent is online."""


class ChatInfo(msgspec.Struct, kw_only=True):
    """A chat. ``kind`` "direct" is a chat between colleagues (no site, no visitor);
    ``members`` are the agents in the chat. The ``*_seq`` fields are the receipts (C19)."""

    id: int
    state: ChatState
    kind: ChatKind = "visitor"
    site_id: int | None = None
    site_name: str = ""
    visitor: VisitorInfo | None = None
    members: list[int] = msgspec.field(default_factory=list)
    agent_id: int | None = None
    agent_name: str = ""
    last_seq: int = 0
    last_cursor: int = 0
    preview: str = ""
    """The latest visitor message, for the toast and the chat list."""
    created_at: float = 0.0
    visitor_delivered_seq: int = 0
    visitor_read_seq: int = 0
    agent_read_seq: int = 0
    offer_round: int = 0
    """N3: the chat's place in the ignore ladder while offered: 0 the first offer (assigned or
    least busy agent), 1 every online agent, 2 and 3 the two returns; then it is missed."""
    closed_at: float | None = None
    channel: str = ""
    """C10/K1: the channel the chat came in on ("email", "telegram", "whatsapp", "sms"); empty:
    the website widget."""
    channel_name: str = ""
    callback_number: str = ""
    """P2: a callback request (E.164): the visitor asked to be called, not to chat; taking
    it means calling this number."""
    callback_time: str = ""
    """P2: when the visitor would like the call, in its own words (may be empty)."""


class FileInfo(msgspec.Struct, kw_only=True):
    """C14: a file stored on the relay. ``content_type`` is what the sender declared (shown
    only); downloads are served with a type the relay decides from the bytes."""

    id: str
    name: str
    size: int
    content_type: str = ""
    sha256: str = ""


class Event(msgspec.Struct, kw_only=True):
    """One chat event as stored: ``cursor`` is global, ``seq`` counts within the chat."""

    cursor: int
    chat_id: int
    seq: int
    kind: EventKind
    author: Role
    author_id: int | None = None
    author_name: str = ""
    text: str = ""
    client_msg_id: str | None = None
    ts: float
    file: FileInfo | None = None
    """Set on events of kind ``file`` (C14); ``text`` is then the file's name."""
    undelivered: str = ""
    """C10/C19, in an agent's ``history_page`` only: an agent's reply by a channel that did
    not reach the client, and why (as ``reply_undelivered`` said when it happened)."""


class DepartmentInfo(msgspec.Struct, kw_only=True):
    """T4: a department and its agents."""

    id: int
    name: str
    agent_ids: list[int] = msgspec.field(default_factory=list)


class DepartmentRef(msgspec.Struct, kw_only=True):
    """T4: a department as a visitor sees it (its name only)."""

    id: int
    name: str
