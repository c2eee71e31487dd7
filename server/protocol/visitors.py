"""Visitors: the widget's session and what agents see and do about visitors.

The visitor's first frame (``visitor_hello``) and its ``visitor_welcome``, the page views and
contact form, the visitor list agents watch (V1, C4) and the client's assigned agent (C5),
invitations to chat and their automatic rules (V2, V3), sneak peek (C17), and the offline
messages visitors leave when nobody can answer (V6).
"""

from __future__ import annotations

from typing import Annotated

import msgspec

from .base import (
    INT32_MAX,
    MAX_MESSAGE_CHARS,
    PROTOCOL_VERSION,
    Cursor,
    DbId,
    Frame,
    Int32,
    InvitationId,
    ListAnswer,
    RequestId,
    Short,
    Text,
    Url,
)
from .structs import ChatInfo, DepartmentRef, Utm, VisitorInfo

__all__ = [
    "MAX_PHOTO_CHARS",
    "AgentsAvailable",
    "ChooseDepartment",
    "DeleteInvitationRule",
    "Draft",
    "DraftChanged",
    "GetVisitor",
    "InvitationClosed",
    "InvitationRule",
    "InvitationRules",
    "InviteVisitor",
    "ListInvitationRules",
    "ListOfflineMessages",
    "MarkOfflineHandled",
    "OfflineMessage",
    "OfflineMessageAdded",
    "OfflineMessageChanged",
    "OfflineMessageInfo",
    "OfflineMessageList",
    "PageHidden",
    "PageView",
    "PageVisit",
    "ReplyOfflineMessage",
    "SaveInvitationRule",
    "SetAssignedAgent",
    "SetContact",
    "SetSneakPeek",
    "SiteRef",
    "VisitorDetails",
    "VisitorHello",
    "VisitorInvitation",
    "VisitorWelcome",
    "VisitorsDelta",
    "WatchVisitors",
]


# ---------------------------------------------------------------- the visitor's session


class VisitorHello(Frame):
    """Visitor, first frame: the site key from the script tag and the visitor token kept in
    localStorage (none on a first visit)."""

    id: RequestId
    site_key: Short
    visitor_token: Short | None = None
    protocol: Int32 = PROTOCOL_VERSION
    cursor: Cursor | None = None
    page_url: Url = ""
    page_title: Short = ""


class VisitorWelcome(Frame):
    """Response to ``visitor_hello``. Replayed ``event_push`` frames follow, then ``sync_done``."""

    id: int
    visitor_token: str
    visitor_id: int
    agents_online: bool
    chat: ChatInfo | None = None
    site_name: str = ""
    protocol: int = PROTOCOL_VERSION
    language: str = ""
    """The site's language (K1): the widget's texts follow it unless the snippet says."""
    sneak_peek: bool = False
    """C17: the site's agents see the visitor's draft; the widget says so and sends ``draft``."""
    departments: list[DepartmentRef] = msgspec.field(default_factory=list)
    """T4: the site's departments when it has several: the widget may ask the visitor to pick
    one (``choose_department``) before the first message."""
    department_id: int | None = None
    """T4: the department the visitor picked earlier."""
    callbacks: bool = False
    """P2: the site takes callback requests: the widget shows its phone button."""


class AgentsAvailable(Frame):
    """Visitors: whether any agent is online (else the widget shows the offline form)."""

    online: bool


class PageView(Frame):
    """Visitor: the page changed (also single-page-app navigation)."""

    url: Url
    title: Short = ""
    referrer: Url = ""
    utm: Utm = msgspec.field(default_factory=Utm)


class PageHidden(Frame):
    """Visitor: the page went to a background tab (``hidden``) or came back. A closed page is
    seen by its socket closing."""

    hidden: bool


class SetContact(Frame):
    """Visitor: the optional contact form."""

    id: RequestId
    name: Short = ""
    email: Short = ""
    phone: Short = ""


class ChooseDepartment(Frame):
    """Visitor (T4): the department the visitor picked (one of the welcome's ``departments``);
    the visitor's next new chat goes to its agents first. Answered with ``ok``."""

    id: RequestId
    department_id: DbId


# ---------------------------------------------------------------- the visitor list (V1, C4)


class PageVisit(msgspec.Struct, kw_only=True):
    """One page of a visitor's navigation history (C4)."""

    url: str
    title: str = ""
    ts: float


class WatchVisitors(Frame):
    """Agent (V1): start (or stop) receiving ``visitors_delta`` pushes: first every visitor on
    the sites (``reset`` on the first chunk), then what changed, at most twice a second."""

    id: RequestId
    watch: bool = True


class VisitorsDelta(Frame):
    """Agents watching visitors (V1): visitors that came or changed (whole rows) and those that
    left. ``reset``: the first chunk after ``watch_visitors``; forget what was known before.
    ``now`` is the relay's clock, to show time on site without clock skew."""

    updated: list[VisitorInfo] = msgspec.field(default_factory=list)
    gone: list[int] = msgspec.field(default_factory=list)
    now: float = 0.0
    reset: bool = False
    snapshot: bool = False
    """Part of the snapshot after ``watch_visitors``: nobody in it just arrived."""


class GetVisitor(Frame):
    """Agent (C4): a visitor's details and navigation history; answered with
    ``visitor_details``."""

    id: RequestId
    visitor_id: DbId


class VisitorDetails(ListAnswer):
    """Response to ``get_visitor``: the visitor and this visit's pages, oldest first."""

    id: int
    visitor: VisitorInfo
    history: list[PageVisit]
    now: float = 0.0


class SetAssignedAgent(Frame):
    """Agent: C5, bind a client to an agent (``agent_id`` null clears it)."""

    id: RequestId
    visitor_id: DbId
    agent_id: DbId | None = None


# ---------------------------------------------------------------- invitations (V2, V3)


MAX_PHOTO_CHARS = 40_000


class InvitationRule(msgspec.Struct, kw_only=True):
    """V3: an automatic invitation of a site. Every condition set must hold: at least
    ``min_seconds_on_page`` on one page, the page URL matching ``url_pattern`` (``*`` wildcards),
    at least ``min_visits`` visits, the visit's referrer containing ``referrer_pattern``, the
    visit's UTM source/campaign equal to ``utm_source``/``utm_campaign``."""

    id: Annotated[int, msgspec.Meta(ge=0, le=INT32_MAX)] = 0
    site_id: DbId
    message: Annotated[str, msgspec.Meta(min_length=1, max_length=1000)]
    agent_name: Short = ""
    agent_photo: Annotated[str, msgspec.Meta(max_length=MAX_PHOTO_CHARS)] = ""
    """A ``data:image/...`` URL (the widget requests nothing but the relay)."""
    min_seconds_on_page: Annotated[int, msgspec.Meta(ge=0, le=86400)] = 0
    url_pattern: Url = ""
    min_visits: Annotated[int, msgspec.Meta(ge=0, le=100000)] = 0
    referrer_pattern: Short = ""
    utm_source: Short = ""
    utm_campaign: Short = ""
    enabled: bool = True


class SiteRef(msgspec.Struct, kw_only=True):
    id: int
    name: str


class InviteVisitor(Frame):
    """Agent (V2): invite a visitor with a message; the widget opens with it, and the visitor's
    reply starts a chat already assigned to this agent."""

    id: RequestId
    visitor_id: DbId
    text: Annotated[str, msgspec.Meta(min_length=1, max_length=1000)]


class VisitorInvitation(Frame):
    """Visitors (V2/V3): an invitation to chat; the widget opens with it."""

    invitation_id: int
    text: str
    agent_name: str = ""
    agent_photo: str = ""
    rule_id: int | None = None


class InvitationClosed(Frame):
    """Visitor (V3): the visitor closed an invitation; it does not come back in this visit."""

    invitation_id: InvitationId


class ListInvitationRules(Frame):
    """Admin (V3): the automatic invitation rules; answered with ``invitation_rules``."""

    id: RequestId


class SaveInvitationRule(Frame):
    """Admin (V3): add (``rule.id`` 0) or change a rule; answered with ``invitation_rules``."""

    id: RequestId
    rule: InvitationRule


class DeleteInvitationRule(Frame):
    """Admin (V3): remove a rule; answered with ``invitation_rules``."""

    id: RequestId
    rule_id: DbId


class InvitationRules(ListAnswer):
    """Response to the invitation rule requests: every rule, and the sites they may name."""

    id: int
    rules: list[InvitationRule]
    sites: list[SiteRef]


# ---------------------------------------------------------------- sneak peek (C17)


class SetSneakPeek(Frame):
    """C17, admins: turn sneak peek on or off for a site; answered with ``ok``."""

    id: RequestId
    site_id: DbId
    enabled: bool


class Draft(Frame):
    """C17, visitor: the text being typed (sneak peek), sent only when the site has sneak peek
    on (``visitor_welcome.sneak_peek``), at most every 300 ms; empty when the field is cleared
    or the message sent. No response. The relay drops drafts of sites where it is off."""

    text: Text


class DraftChanged(Frame):
    """C17, agents of the chat: the visitor's draft (sneak peek); empty text: none."""

    chat_id: int
    text: str


# ---------------------------------------------------------------- offline messages (V6)


class OfflineMessageInfo(msgspec.Struct, kw_only=True):
    """V6: what a visitor left in the offline form, for agents. ``visitor``: the visitor's
    details as last seen (None when the visitor row is gone). ``handled_by``: the agent who
    marked it handled (or answered it); ``replied_at``: when an agent answered by e-mail."""

    id: int
    site_id: int
    site_name: str = ""
    visitor_id: int | None = None
    name: str = ""
    email: str
    text: str
    created_at: float
    handled: bool = False
    handled_by: str = ""
    handled_at: float | None = None
    replied_at: float | None = None
    visitor: VisitorInfo | None = None


class OfflineMessage(Frame):
    """Visitor: the offline form, used when no agent is online."""

    id: RequestId
    email: Short
    text: Text
    name: Short = ""


class OfflineMessageAdded(Frame):
    """Agents (V6): a visitor just left an offline message."""

    message: OfflineMessageInfo


class ListOfflineMessages(Frame):
    """V6: the offline messages, newest first (handled ones too when ``handled``); answered
    with ``offline_message_list``. Any agent."""

    id: RequestId
    handled: bool = False
    limit: Annotated[int, msgspec.Meta(ge=1, le=200)] = 100


class OfflineMessageList(ListAnswer):
    id: int
    messages: list[OfflineMessageInfo]


class MarkOfflineHandled(Frame):
    """V6: mark an offline message handled (or not again); answered with ``ok``, and every
    agent gets ``offline_message_changed``."""

    id: RequestId
    message_id: DbId
    handled: bool = True


class ReplyOfflineMessage(Frame):
    """V6: answer an offline message by e-mail through the relay's mailer (to the address the
    visitor left); answered with ``ok`` once the SMTP server took it (else ``mail_failed``),
    then it is handled and every agent gets ``offline_message_changed``."""

    id: RequestId
    message_id: DbId
    text: Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_MESSAGE_CHARS)]


class OfflineMessageChanged(Frame):
    """Agents (V6): an offline message was marked handled (or not) or answered."""

    message: OfflineMessageInfo
