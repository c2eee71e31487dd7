"""The wire protocol between the relay, the website widget and the desktop app.

Every frame is a JSON object with a ``type`` tag. This module is the one definition of every
frame: the relay decodes and validates with it, the desktop app imports it, and
``docs/protocol.md`` is generated from it (``python -m server.protocol``).

Rules (see DESIGN.md):

* A request carries an ``id`` chosen by the client; the response echoes it. Pushes have no ``id``.
* The first frame authenticates: ``sign_in`` or ``authenticate`` for agents, ``visitor_hello``
  for visitors. Tokens never travel in the URL.
* Every chat event gets a per-chat increasing ``seq`` and a global ``cursor``. A client that
  reconnects sends the last cursor it saw and receives everything after it, then ``sync_done``.
* Sends carry a client-made ``client_msg_id``; a retried send is acknowledged again, never stored
  twice.
* Limits are answered with an ``error`` frame (or a close with a readable reason), never a silent
  drop.
* Every bad input gets a typed answer (``malformed`` or ``invalid``): integers are bounded to
  what the database holds (``int[1..2147483647]`` for ids, ``int[0..9223372036854775807]`` for
  cursors), strings may not contain U+0000 (on any database), and lone UTF-16 surrogates are
  malformed JSON. Close reasons are at most 123 bytes.
* The relay never sends a frame its clients refuse (issue 12 item 6): ``history_page`` and
  ``archive_page`` are cut by size and say where the rest begins; ``welcome`` and every other
  answer with a growing list (``continued`` field) comes in parts of at most MAX_PAGE_BYTES,
  same type and ``id``, that the client joins; ``phrases_changed`` says ``reload`` when the
  list is too big to push.

This module imports nothing but msgspec so that the desktop app can use it without the relay's
dependencies.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Annotated, Any, Literal, TypeVar

import msgspec

PROTOCOL_VERSION = 1
"""Bumped on any incompatible change; the relay refuses a client of another version."""

MAX_FRAME_BYTES = 64 * 1024
"""The largest frame a client may send."""
MAX_CLIENT_FRAME_BYTES = 256 * 1024
"""The largest frame the desktop app accepts from the relay."""
MAX_PAGE_BYTES = 192 * 1024
"""Issue 12 item 6: ``history_page`` and ``archive_page`` are cut to this many bytes of
events or chats (well under MAX_CLIENT_FRAME_BYTES, with room for the frame around them), and
say where the rest begins."""
MAX_MESSAGE_CHARS = 5000
WELCOME_PREVIEW_CHARS = 300
"""Issue 12 item 6: a chat's ``preview`` in ``welcome`` is cut to this many characters (the
list shows one line of it; the chat's history has the whole text)."""
LOG_PART_BYTES = 32 * 1024
"""Bytes of a log bundle per ``upload_logs`` frame (base64 makes them 4/3 as many characters,
well under the frame limit)."""
MAX_LOG_BYTES = 8 * 1024 * 1024
AUTH_TIMEOUT_SECONDS = 5.0

# Close codes (4000-4999 are free for applications). Each close carries a readable reason too.
CLOSE_PROTOCOL_ERROR = 4400
CLOSE_UNAUTHENTICATED = 4401
CLOSE_FORBIDDEN = 4403
CLOSE_AUTH_TIMEOUT = 4408
CLOSE_VERSION_MISMATCH = 4426
CLOSE_RATE_LIMITED = 4429
CLOSE_SIGNED_OUT = 4410
CLOSE_TOO_SLOW = 1013
MAX_CLOSE_REASON_BYTES = 123
"""A WebSocket close reason fits in 123 bytes of UTF-8 (RFC 6455 5.5.1)."""


def close_reason(text: str) -> str:
    """``text`` cut to at most MAX_CLOSE_REASON_BYTES bytes of UTF-8, on a character boundary
    (issue 12 item 5: a longer reason made websockets raise, and the socket closed 1011)."""
    data = text.encode("utf-8", "replace")  # "replace": a lone surrogate cannot be sent
    return data[:MAX_CLOSE_REASON_BYTES].decode("utf-8", "ignore")


MAX_FILE_BYTES = 10 * 1024 * 1024
"""C14: the largest file, 10 MiB (10,485,760 bytes); larger ones are refused, never stored."""
FILE_CHUNK_BYTES = 60 * 1024
"""C14: the largest binary chunk frame of an upload (under MAX_FRAME_BYTES)."""

ErrorCode = Literal[
    "malformed",  # not JSON, or not a JSON object
    "unknown_type",  # the type tag names no frame
    "invalid",  # a known frame with wrong or missing fields
    "forbidden",  # a frame this role may not send (a visitor sending agent frames)
    "too_large",  # a frame over MAX_FRAME_BYTES
    "message_too_long",  # text over MAX_MESSAGE_CHARS
    "empty_message",
    "rate_limited",  # too many frames from this connection or this IP
    "bad_credentials",  # wrong e-mail or password
    "unauthenticated",  # the first frame did not authenticate, or the token is unknown
    "unknown_site",  # no site has that key
    "origin_not_allowed",  # the page's Origin is not one of the site's allowed origins
    "version_mismatch",  # the client speaks another protocol version
    "not_found",  # no such chat (or not one this client may see)
    "chat_taken",  # another agent accepted the chat first
    "chat_closed",  # the chat is closed or missed
    "not_in_chat",  # the agent is not a participant of the chat
    "no_agents_online",  # nobody can answer: show the offline form
    "internal",  # the relay failed; the request may be retried
    "blocked",  # C8: this visitor (or its IP) is blocked: it can no longer write
    "ip_blocked",  # B5: not this visitor but its network address was blocked (shared IP)
    "busy",  # the relay is saturated (e.g. password checks): retry after ``retry_after``
    "admin_only",  # the request needs the admin role
    "duplicate",  # C12: another quick phrase has that shortcut; C14: that client_msg_id was sent
    "mail_failed",  # the invitation e-mail could not be sent (the account exists; retry)
    "file_too_large",  # C14: a file over MAX_FILE_BYTES
    "empty_file",  # C14: a file of 0 bytes
    "bad_file_name",  # C14: a name with a path, control characters or a reserved device name
    "file_corrupt",  # C14: the bytes received do not match the announced size or SHA-256
    "quota_exceeded",  # C14: the chat's files, or the visitor's uploads today, reached their limit
    "storage_full",  # C14: the relay's disk is (nearly) full: no upload is accepted now
]

SignOutReason = Literal["signed_out", "session_expired", "password_changed", "account_disabled"]
"""Issue 13: the reason of a ``CLOSE_SIGNED_OUT`` close is one of these codes (the agent asked
to sign out; the session reached its lifetime; the password changed in another session; an
admin disabled the account), so the app says it in the agent's language."""

Role = Literal["visitor", "agent", "system"]
AgentStatus = Literal["online", "away", "offline"]
ChatState = Literal["offered", "active", "closed", "missed"]
ChatKind = Literal["visitor", "direct"]
EventKind = Literal[
    "message", "joined", "left", "closed", "file", "missed", "comment", "transfer", "requeued"
]
"""``missed``: nobody took the chat (N3); the widget shows the offline form. ``requeued`` (B6):
the chat's agent went offline and did not come back in time; the chat is offered to the others
again (``author_id`` and ``author_name`` are hers) and the widget says an agent will be with
the visitor shortly."""
RoutingRule = Literal["least_busy", "all"]
"""How a site's new chat is first offered (N3): ``least_busy`` (the default) to one agent, the
client's assigned agent or the least busy one, and to every online agent on its Ignore; ``all``
to every online agent at once."""
AGENT_ONLY_KINDS = frozenset({"comment", "transfer"})
"""C9/C10: events only agents see; the relay never sends them to a visitor."""
MAX_PHRASE_SHORTCUT = 32
MAX_PHRASE_LABEL = 60
VisitSource = Literal["", "direct", "search", "social", "referral", "campaign"]

INT32_MAX = 2**31 - 1
INT64_MAX = 2**63 - 1
# Issue 12 item 4: every integer a client sends fits the column it is compared with or stored
# in (PostgreSQL INTEGER ids and seq, BIGINT cursors), so an out-of-range number is answered
# ``invalid`` here instead of failing in the database.
DbId = Annotated[int, msgspec.Meta(ge=1, le=INT32_MAX)]
"""A row id (INTEGER columns)."""
Seq = Annotated[int, msgspec.Meta(ge=0, le=INT32_MAX)]
Cursor = Annotated[int, msgspec.Meta(ge=0, le=INT64_MAX)]
"""The global event cursor (a BIGINT column)."""
Int32 = Annotated[int, msgspec.Meta(ge=0, le=INT32_MAX)]
InvitationId = Annotated[int, msgspec.Meta(ge=-INT32_MAX, le=INT32_MAX)]
"""A rule's id, or minus the inviting agent's id (V2/V3)."""
ClientMsgId = Annotated[str, msgspec.Meta(min_length=1, max_length=64)]
ChatLimit = Annotated[int, msgspec.Meta(ge=0, le=1000)]
MAX_DEPARTMENTS = 100
IdList = Annotated[list[DbId], msgspec.Meta(max_length=MAX_DEPARTMENTS)]
RequestId = Annotated[int, msgspec.Meta(ge=0, le=INT64_MAX)]
Text = Annotated[str, msgspec.Meta(max_length=MAX_MESSAGE_CHARS * 4)]
Short = Annotated[str, msgspec.Meta(max_length=200)]
Url = Annotated[str, msgspec.Meta(max_length=2048)]
MAX_PHOTO_CHARS = 40_000


def _tag(class_name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", class_name).lower()


class Frame(msgspec.Struct, tag_field="type", tag=_tag, forbid_unknown_fields=True, kw_only=True):
    """Base of every frame; the tag is the class name in snake_case."""


class ListAnswer(Frame, kw_only=True):
    """Issue 12 item 6: an answer whose lists grow with the data (``welcome`` and every list
    answer). When it would pass MAX_PAGE_BYTES the relay sends it as several frames of the same
    type and ``id``, each with a run of the lists' items and the other fields repeated;
    ``continued`` is true on every part but the last. The client joins the parts (lists
    concatenated in order) before it treats the answer."""

    continued: bool = False


# ---------------------------------------------------------------- shared structures


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


class FileInfo(msgspec.Struct, kw_only=True):
    """C14: a file stored on the relay. ``content_type`` is what the sender declared (shown
    only); downloads are served with a type the relay decides from the bytes."""

    id: str
    name: str
    size: int
    content_type: str = ""
    sha256: str = ""


class LogInfo(msgspec.Struct, kw_only=True):
    """A log bundle an agent's app sent (G10)."""

    id: int
    agent_id: int
    agent_name: str
    agent_email: str
    name: str
    size: int
    created_at: float


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


class PageVisit(msgspec.Struct, kw_only=True):
    """One page of a visitor's navigation history (C4)."""

    url: str
    title: str = ""
    ts: float


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


class Invitation(msgspec.Struct, kw_only=True):
    """C7/C9: an agent asks a colleague to join a chat (``invite``) or to take it over
    (``transfer``, with a note only agents see). Pending until answered or ``expires_at``."""

    id: int
    kind: Literal["invite", "transfer"]
    chat: ChatInfo
    from_agent_id: int
    from_name: str
    to_agent_id: int
    note: str = ""
    expires_at: float = 0.0


class BlockedClient(msgspec.Struct, kw_only=True):
    """C8: a blocked visitor (and its IP at the time) on a site."""

    id: int
    site_id: int
    visitor_id: int | None
    ip: str
    visitor_name: str = ""
    reason: str = ""
    blocked_by: str = ""
    created_at: float
    spam: bool = False
    """Blocked with "Bloquear o Spam" (C8)."""
    by_ip: bool = False
    """B5: the block covers every visitor from ``ip``, not only this visitor."""


class Phrase(msgspec.Struct, kw_only=True):
    """C12: a quick phrase shared by the team; typing ``/shortcut`` offers it. ``label``
    (the guide's "etiqueta") names it in the list and the search."""

    id: int
    shortcut: str
    text: str
    label: str = ""


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


class PastChat(msgspec.Struct, kw_only=True):
    """The client panel's earlier chat of a returning client: the chat and the agents'
    comments in it ("en caso de que el mismo cliente le contacte más tarde")."""

    chat: ChatInfo
    comments: list[Event] = msgspec.field(default_factory=list)
    earlier_comments: bool = False
    """Issue 12 item 6: older comments were left out to keep the answer under the frame
    limit (the newest are kept; the chat's ``history`` has them all)."""


# ---------------------------------------------------------------- account administration (K1-K5)

Language = Literal["en", "es", "pt", "ru"]
WebhookEvent = Literal["chat_accepted", "chat_finished", "offline_message", "client_updated"]
Clock = Annotated[str, msgspec.Meta(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$")]


class SiteInfo(msgspec.Struct, kw_only=True):
    """K1: a website (channel). ``key`` goes in the widget snippet's ``data-site``. Routing:
    the rule, the open chats per agent before new ones skip it (0: no limit), how long an
    offer round lasts, sneak peek (C17), and the departments its chats go to first (T4)."""

    id: int
    key: str
    name: str
    language: Language = "en"
    origins: list[str] = msgspec.field(default_factory=list)
    enabled: bool = True
    routing_rule: RoutingRule = "least_busy"
    chat_limit: int = 0
    offer_timeout: float = 60.0
    sneak_peek: bool = False
    department_ids: list[int] = msgspec.field(default_factory=list)


class DepartmentInfo(msgspec.Struct, kw_only=True):
    """T4: a department and its agents."""

    id: int
    name: str
    agent_ids: list[int] = msgspec.field(default_factory=list)


class DepartmentRef(msgspec.Struct, kw_only=True):
    """T4: a department as a visitor sees it (its name only)."""

    id: int
    name: str


class TeammateInfo(msgspec.Struct, kw_only=True):
    """K2: an account as admins see it. ``invited``: the set-password link is not used yet."""

    id: int
    name: str
    email: str
    role: Literal["admin", "agent"]
    disabled: bool = False
    invited: bool = False
    chat_limit: int = 0
    """T3: the agent's own open-chat limit (0: the site's applies)."""
    department_ids: list[int] = msgspec.field(default_factory=list)


class WebhookInfo(msgspec.Struct, kw_only=True):
    """K3: an outgoing webhook; its secret is shown once, when it is made."""

    id: int
    url: str
    events: list[WebhookEvent]
    enabled: bool = True


class DeliveryInfo(msgspec.Struct, kw_only=True):
    """K3: one webhook delivery: pending (retried with backoff), delivered or failed."""

    id: int
    webhook_id: int
    event: str
    status: Literal["pending", "delivered", "failed"]
    attempts: int
    last_status: int = 0
    last_error: str = ""
    created_at: float = 0.0


class ApiTokenInfo(msgspec.Struct, kw_only=True):
    """K3: an API token for scripts (the token itself is shown once)."""

    id: int
    name: str
    created_at: float
    revoked: bool = False


class DayHours(msgspec.Struct, kw_only=True):
    open: bool = True
    start: Clock = "09:00"
    end: Clock = "18:00"


class WorkingHours(msgspec.Struct, kw_only=True):
    """K5: the account's working hours, Monday first, in ``timezone`` (IANA name). Outside
    them, when ``enabled``, the widget shows the offline form."""

    enabled: bool = False
    timezone: Short = "UTC"
    days: list[DayHours] = msgspec.field(default_factory=lambda: [DayHours() for _ in range(7)])


# ---------------------------------------------------------------- agent requests


class SignIn(Frame):
    """Agent, first frame: sign in with e-mail (any case) and password."""

    id: RequestId
    email: Short
    password: Annotated[str, msgspec.Meta(max_length=1024)]
    protocol: Int32 = PROTOCOL_VERSION
    cursor: Cursor | None = None
    status: Literal["online", "away"] = "online"


class Authenticate(Frame):
    """Agent, first frame: resume with the token ``welcome`` returned earlier."""

    id: RequestId
    token: Short
    protocol: Int32 = PROTOCOL_VERSION
    cursor: Cursor | None = None
    status: Literal["online", "away"] = "online"


class SignOut(Frame):
    """Agent: revoke this session's token; the relay answers ``ok`` and closes."""

    id: RequestId


class SetStatus(Frame):
    """Agent: online (green) takes new chats; away (yellow) keeps its chats but gets no new ones."""

    id: RequestId
    status: Literal["online", "away"]


class AcceptChat(Frame):
    """Agent: take an offered chat. The first agent wins; others get ``chat_taken``."""

    id: RequestId
    chat_id: DbId


class CloseChat(Frame):
    """Agent: leave and close the chat; a visitor writing after that starts a new chat."""

    id: RequestId
    chat_id: DbId


class OpenDirectChat(Frame):
    """Agent: open (or find) the chat with a colleague (T2); answered with ``chat_opened``."""

    id: RequestId
    agent_id: DbId


class UploadLogs(Frame):
    """Agent: one part of the app's log bundle (G10, a zip), ``data`` in base64 (at most
    ``LOG_PART_BYTES`` bytes). The parts of an ``upload`` come in order from ``part`` 0; each is
    answered ``ok``, the ``last`` one with ``logs_stored``. A new ``upload`` drops an unfinished
    one. Admins list the bundles with ``list_logs`` and download one with
    ``GET /logs/<id>`` and the header ``Authorization: Bearer <token>``."""

    id: RequestId
    upload: Annotated[str, msgspec.Meta(min_length=1, max_length=64)]
    part: Annotated[int, msgspec.Meta(ge=0, le=INT32_MAX)]
    data: Annotated[str, msgspec.Meta(max_length=(LOG_PART_BYTES + 2) // 3 * 4)]
    last: bool = False
    name: Short = ""


class ListLogs(Frame):
    """Admin: the log bundles the team's apps sent, newest first (agents are refused)."""

    id: RequestId


class History(Frame):
    """Agent: a page of a chat's events, newest last, before ``before_seq`` (or the latest)."""

    id: RequestId
    chat_id: DbId
    before_seq: Seq | None = None
    limit: Annotated[int, msgspec.Meta(ge=1, le=500)] = 100


class WatchVisitors(Frame):
    """Agent (V1): start (or stop) receiving ``visitors_delta`` pushes: first every visitor on
    the sites (``reset`` on the first chunk), then what changed, at most twice a second."""

    id: RequestId
    watch: bool = True


class GetVisitor(Frame):
    """Agent (C4): a visitor's details and navigation history; answered with
    ``visitor_details``."""

    id: RequestId
    visitor_id: DbId


class InviteVisitor(Frame):
    """Agent (V2): invite a visitor with a message; the widget opens with it, and the visitor's
    reply starts a chat already assigned to this agent."""

    id: RequestId
    visitor_id: DbId
    text: Annotated[str, msgspec.Meta(min_length=1, max_length=1000)]


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


# ---------------------------------------------------------------- agent requests: chat actions


class InviteColleague(Frame):
    """C7: invite a colleague into the chat without leaving it; answered with ``ok``. The
    colleague gets ``invitation_offered``; when it accepts, both are in the chat."""

    id: RequestId
    chat_id: DbId
    agent_id: DbId
    note: Short = ""


class TransferChat(Frame):
    """C9: offer the chat to a colleague with a note the visitor never sees. The chat moves
    only when the colleague accepts; the asking agent keeps it until then and is told the
    outcome (``invitation_answered``: accepted, declined or expired)."""

    id: RequestId
    chat_id: DbId
    agent_id: DbId
    note: Annotated[str, msgspec.Meta(max_length=1000)] = ""


class AnswerInvitation(Frame):
    """C7/C9: accept (answered with ``chat_opened``) or decline (``ok``) an invitation."""

    id: RequestId
    invitation_id: DbId
    accept: bool


class LeaveChat(Frame):
    """C3/C7: leave a chat; colleagues still in it carry on, the last one leaving closes it."""

    id: RequestId
    chat_id: DbId


# ---------------------------------------------------------------- account requests (A3, K1-K5)
# Every frame in ADMIN_FRAMES is refused by the relay unless the sender is an admin.


class ListSites(Frame):
    """Admin (K1): the websites; answered with ``sites_list``."""

    id: RequestId


class SaveSite(Frame):
    """Admin (K1): add a site (``site_id`` null) or rename, re-language, re-origin, disable
    one. Answered with ``site_saved``."""

    id: RequestId
    name: Short
    language: Language = "en"
    origins: list[Url] = msgspec.field(default_factory=list)
    enabled: bool = True
    site_id: DbId | None = None
    # K1 routing and T4 departments; None keeps what the site has.
    routing_rule: RoutingRule | None = None
    chat_limit: ChatLimit | None = None
    offer_timeout: Annotated[float, msgspec.Meta(gt=0, le=3600)] | None = None
    sneak_peek: bool | None = None
    department_ids: IdList | None = None


class ListTeammates(Frame):
    """Admin (K2): every account, disabled ones too; answered with ``teammates_list``."""

    id: RequestId


class InviteAgent(Frame):
    """Admin (K2, A2): add an account and e-mail it a set-password link and the app's
    download link. Inviting a still-invited e-mail again sends a new link. A relay without
    an SMTP server returns the link to the admin instead (``teammate_saved``)."""

    id: RequestId
    email: Short
    name: Short = ""
    role: Literal["admin", "agent"] = "agent"


class UpdateAgent(Frame):
    """Admin (K2, T3): change an account's role, its own chat limit (0: the site's) and its
    departments (T4), or disable it (signed out at once everywhere). None keeps a value."""

    id: RequestId
    agent_id: DbId
    role: Literal["admin", "agent"] | None = None
    disabled: bool | None = None
    chat_limit: ChatLimit | None = None
    department_ids: IdList | None = None


class SaveDepartment(Frame):
    """Admin (T4): add a department (``department_id`` null) or rename one. Answered with
    ``departments_list``; every agent gets ``departments_changed``."""

    id: RequestId
    name: Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
    department_id: DbId | None = None


class DeleteDepartment(Frame):
    """Admin (T4): remove a department (its agents and sites lose it)."""

    id: RequestId
    department_id: DbId


class ListWebhooks(Frame):
    """Admin (K3): webhooks and their latest deliveries; answered with ``webhooks_list``."""

    id: RequestId


class SaveWebhook(Frame):
    """Admin (K3): add (``webhook_id`` null; the answer carries the secret, once) or change."""

    id: RequestId
    url: Url
    events: list[WebhookEvent]
    enabled: bool = True
    webhook_id: DbId | None = None


class DeleteWebhook(Frame):
    id: RequestId
    webhook_id: DbId


class ListApiTokens(Frame):
    """Admin (K3): answered with ``api_tokens_list``."""

    id: RequestId


class CreateApiToken(Frame):
    """Admin (K3): a token for scripts, shown once in ``api_token_created``. A script sends it
    in ``authenticate`` and acts as the admin who made it (see docs/admin.md)."""

    id: RequestId
    name: Short


class RevokeApiToken(Frame):
    id: RequestId
    token_id: DbId


class SaveWorkingHours(Frame):
    """Admin (K5): the account's working hours; answered with ``my_account``."""

    id: RequestId
    hours: WorkingHours


class GetMyAccount(Frame):
    """Any agent (K5): answered with ``my_account``."""

    id: RequestId


class SaveMyAccount(Frame):
    """Any agent (K5): own name, e-mail and time zone; a new password needs the old one."""

    id: RequestId
    name: Short
    email: Short
    timezone: Short = ""
    old_password: Annotated[str, msgspec.Meta(max_length=1024)] = ""
    new_password: Annotated[str, msgspec.Meta(max_length=1024)] = ""


class SetPassword(Frame):
    """First frame of the relay's set-password page (A2): the one-time token from the
    invitation link and the new password. Answered with ``ok``, then the relay closes."""

    id: RequestId
    token: Short
    password: Annotated[str, msgspec.Meta(max_length=1024)]
    protocol: Int32 = PROTOCOL_VERSION


class IgnoreChat(Frame):
    """Agent: N3, ignore an offered chat. When every agent the round offered it to has ignored
    it (or the round's time runs out) it is offered again, and after the last round it is
    missed."""

    id: RequestId
    chat_id: DbId


class BlockClient(Frame):
    """C8: block the chat's visitor and close the chat. ``spam`` is the guide's "Bloquear o
    Spam" (kept as the block's kind). B5: ``by_ip`` also blocks every visitor of the site
    coming from the visitor's IP address (an office or a mobile carrier may share one: see
    ``block_preview``); without it only this visitor is blocked."""

    id: RequestId
    chat_id: DbId
    reason: Short = ""
    spam: bool = False
    by_ip: bool = False


class BlockPreview(Frame):
    """C8/B5: before blocking, what an IP block would reach: answered with ``block_preview_info``
    (the visitor's IP and how many other visitors on the site share it now)."""

    id: RequestId
    chat_id: DbId


class UnblockClient(Frame):
    """C8 (admins only): lift a block."""

    id: RequestId
    block_id: DbId


class ListBlocked(Frame):
    """C8 (admins only): the blocked clients; answered with ``blocked_list``."""

    id: RequestId


class ListPhrases(Frame):
    """C12: the team's quick phrases; answered with ``phrase_list``."""

    id: RequestId


class SavePhrase(Frame):
    """C12: add (no ``phrase_id``) or edit a quick phrase; answered with ``phrase_list``, and
    every agent gets ``phrases_changed``."""

    id: RequestId
    shortcut: Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_PHRASE_SHORTCUT)]
    text: Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_MESSAGE_CHARS)]
    phrase_id: DbId | None = None
    label: Annotated[str, msgspec.Meta(max_length=MAX_PHRASE_LABEL)] = ""


class DeletePhrase(Frame):
    """C12: delete a quick phrase; answered with ``phrase_list``."""

    id: RequestId
    phrase_id: DbId


class ListOfflineMessages(Frame):
    """V6: the offline messages, newest first (handled ones too when ``handled``); answered
    with ``offline_message_list``. Any agent."""

    id: RequestId
    handled: bool = False
    limit: Annotated[int, msgspec.Meta(ge=1, le=200)] = 100


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


class ClientHistory(Frame):
    """The earlier (closed or missed) chats of a visitor with their comments, newest first;
    answered with ``client_history_page``. Any agent."""

    id: RequestId
    visitor_id: DbId
    limit: Annotated[int, msgspec.Meta(ge=1, le=50)] = 20


class ViewChat(Frame):
    """C18: this agent has the chat open in front of it (or no longer). No response; the
    agents of the chat get ``chat_viewers``."""

    chat_id: DbId
    viewing: bool


class TeamLoad(Frame):
    """C9: how many open chats each agent has; answered with ``team_loads``."""

    id: RequestId


class SetAssignedAgent(Frame):
    """Agent: C5, bind a client to an agent (``agent_id`` null clears it)."""

    id: RequestId
    visitor_id: DbId
    agent_id: DbId | None = None


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


# ---------------------------------------------------------------- visitor requests


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


class PageView(Frame):
    """Visitor: the page changed (also single-page-app navigation)."""

    url: Url
    title: Short = ""
    referrer: Url = ""
    utm: Utm = msgspec.field(default_factory=Utm)


class SetContact(Frame):
    """Visitor: the optional contact form."""

    id: RequestId
    name: Short = ""
    email: Short = ""
    phone: Short = ""


class OfflineMessage(Frame):
    """Visitor: the offline form, used when no agent is online."""

    id: RequestId
    email: Short
    text: Text
    name: Short = ""


class PageHidden(Frame):
    """Visitor: the page went to a background tab (``hidden``) or came back. A closed page is
    seen by its socket closing."""

    hidden: bool


class InvitationClosed(Frame):
    """Visitor (V3): the visitor closed an invitation; it does not come back in this visit."""

    invitation_id: InvitationId


class ChooseDepartment(Frame):
    """Visitor (T4): the department the visitor picked (one of the welcome's ``departments``);
    the visitor's next new chat goes to its agents first. Answered with ``ok``."""

    id: RequestId
    department_id: DbId


# ---------------------------------------------------------------- requests of both roles


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


class Typing(Frame):
    """Typing indicator (no response). Agents name the chat."""

    active: bool
    chat_id: DbId | None = None


class Receipt(Frame):
    """C19: the sender has received (``read`` false) or shown (``read`` true) the other side's
    messages up to ``seq`` of the chat. Visitors leave out ``chat_id`` (their open chat). No
    response; the other side gets ``receipt_changed``."""

    seq: Seq
    read: bool = True
    chat_id: DbId | None = None


class Ping(Frame):
    """Application heartbeat; answered with ``pong``."""

    id: RequestId


# ---------------------------------------------------------------- responses


class Welcome(ListAnswer):
    """Response to ``sign_in``/``authenticate``. ``chats`` holds the offered chats (none when
    the agent signs in away: ``set_status`` online sends them) and the agent's own open chats
    (each ``preview`` cut to WELCOME_PREVIEW_CHARS); replayed ``event`` pushes follow, then
    ``sync_done``. Over MAX_PAGE_BYTES it comes in parts (see ``ListAnswer``: every part but
    the last has ``continued``)."""

    id: int
    token: str
    agent: AgentInfo
    agents: list[AgentInfo]
    chats: list[ChatInfo]
    protocol: int = PROTOCOL_VERSION
    server_version: str = ""
    departments: list[DepartmentInfo] = msgspec.field(default_factory=list)
    """T4: the departments and their agents (transfer lists colleagues by department)."""


class VisitorWelcome(Frame):
    """Response to ``visitor_hello``. Replayed ``event`` pushes follow, then ``sync_done``."""

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


class Ok(Frame):
    id: int


class Pong(Frame):
    id: int


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


class HistoryPage(Frame):
    """Response to ``history``: at most ``limit`` events, oldest first, and never more than
    MAX_PAGE_BYTES of them (the newest are kept). ``more``: older events remain before the
    first one; ask again with ``before_seq`` = its ``seq``."""

    id: int
    chat_id: int
    events: list[Event]
    more: bool = False


class ArchivePage(Frame):
    """Response to ``search_archive``: one page of chats and how many match in all. A page
    holds fewer than ``limit`` chats when they would pass MAX_PAGE_BYTES: the next page starts
    at ``offset`` + the number of chats received."""

    id: int
    chats: list[ChatInfo]
    total: int


class LogsStored(Frame):
    """The log bundle is stored on the relay (answer to the ``last`` ``upload_logs``)."""

    id: int
    log_id: int
    size: int


class LogList(ListAnswer):
    """Answer to ``list_logs``."""

    id: int
    logs: list[LogInfo]


class Error(Frame):
    """A refused frame. ``id`` echoes the request's when it had one."""

    code: ErrorCode
    message: str
    id: int | None = None
    retry_after: float | None = None
    """Seconds after which the same request may succeed (``rate_limited`` sign-ins, ``busy``)."""


# ---------------------------------------------------------------- pushes


class EventPush(Frame):
    """A chat event, live or replayed after a reconnect."""

    event: Event


class SyncDone(Frame):
    """The replay after (re)connecting is complete. ``cursor`` is where to resume from next
    time: everything up to it that this client may see has been sent (it may be newer than the
    last event sent, as other chats' events are not sent)."""

    cursor: int


class ChatOffered(Frame):
    """Agents: a chat waits for an answer (the toast)."""

    chat: ChatInfo


class ChatTaken(Frame):
    """Agents: an agent accepted the chat; every other agent's toast for it goes away."""

    chat_id: int
    agent_id: int
    agent_name: str


class ChatOpened(Frame):
    """Agents: a direct chat with a colleague; the answer to ``open_direct_chat`` (with its
    ``id``) and a push to the colleague (without)."""

    chat: ChatInfo
    id: int | None = None


class ReceiptChanged(Frame):
    """How far ``reader`` has received and read the other side's messages in a chat."""

    chat_id: int
    reader: Role
    delivered_seq: int
    read_seq: int


class ChatStateChanged(Frame):
    """Agents: the chat's state changed (closed, missed...)."""

    chat: ChatInfo


class TypingChanged(Frame):
    chat_id: int
    who: Role
    active: bool
    agent_id: int | None = None
    name: str = ""


class AgentPresence(Frame):
    """Agents: a colleague's status changed."""

    agent: AgentInfo


class AgentsAvailable(Frame):
    """Visitors: whether any agent is online (else the widget shows the offline form)."""

    online: bool


class InvitationOffered(Frame):
    """C7/C9: a colleague invites this agent into a chat or offers it a transfer."""

    invitation: Invitation


class InvitationAnswered(Frame):
    """C7/C9: the outcome of an invitation, to the agent who asked and to the one asked."""

    invitation_id: int
    chat_id: int
    kind: Literal["invite", "transfer"]
    agent_id: int
    agent_name: str
    outcome: Literal["accepted", "declined", "expired", "cancelled"]


class VisitorBlocked(Frame):
    """Visitors (C8): this visitor is blocked and can no longer write. B5: ``by_ip`` true means
    this visitor was not blocked itself: another visitor's block covers its network address."""

    by_ip: bool = False


class BlockPreviewInfo(Frame):
    """C8/B5: the answer to ``block_preview``."""

    id: int
    ip: str
    same_ip_visitors: int
    """Other visitors of the site on that IP now (live on this relay)."""


class BlockedList(ListAnswer):
    id: int
    clients: list[BlockedClient]


class PhraseList(ListAnswer):
    id: int
    phrases: list[Phrase]


class PhrasesChanged(Frame):
    """Agents (C12): the team's quick phrases changed; the whole list. ``reload`` (issue 12
    item 6): the list would pass MAX_PAGE_BYTES, so ``phrases`` is empty and the client asks
    ``list_phrases`` itself (its answer comes in parts)."""

    phrases: list[Phrase]
    reload: bool = False


class OfflineMessageList(ListAnswer):
    id: int
    messages: list[OfflineMessageInfo]


class OfflineMessageAdded(Frame):
    """Agents (V6): a visitor just left an offline message."""

    message: OfflineMessageInfo


class OfflineMessageChanged(Frame):
    """Agents (V6): an offline message was marked handled (or not) or answered."""

    message: OfflineMessageInfo


class ClientHistoryPage(ListAnswer):
    id: int
    visitor_id: int
    chats: list[PastChat]


class ChatViewers(Frame):
    """Agents (C18): who has this chat open now."""

    chat_id: int
    agent_ids: list[int]


class TeamLoads(Frame):
    """C9: agent id -> number of open chats."""

    id: int
    chats: dict[int, int]


class SitesList(ListAnswer):
    id: int
    sites: list[SiteInfo]


class SiteSaved(Frame):
    id: int
    site: SiteInfo


class TeammatesList(ListAnswer):
    id: int
    teammates: list[TeammateInfo]


class TeammateSaved(Frame):
    """An invitation's answer says what became of the e-mail in ``mail``: ``sent``, or
    ``smtp_not_set`` (the relay has no SMTP server, as in the demo): then
    ``set_password_link`` is the link for the admin to hand to the colleague. Empty for an
    ``update_agent`` answer."""

    id: int
    teammate: TeammateInfo
    mail: Literal["", "sent", "smtp_not_set"] = ""
    set_password_link: str = ""


class WebhooksList(ListAnswer):
    id: int
    webhooks: list[WebhookInfo]
    deliveries: list[DeliveryInfo]


class WebhookSaved(Frame):
    """``secret`` (for checking the ``X-Jivo-Signature`` header) only when it was made now."""

    id: int
    webhook: WebhookInfo
    secret: str = ""


class ApiTokensList(ListAnswer):
    id: int
    tokens: list[ApiTokenInfo]


class ApiTokenCreated(Frame):
    """The token, shown once: only its hash is stored."""

    id: int
    token: str
    info: ApiTokenInfo


class MyAccount(Frame):
    """The agent's own account (K5); ``hours`` only for admins."""

    id: int
    name: str
    email: str
    timezone: str
    hours: WorkingHours | None = None


class DepartmentsList(ListAnswer):
    """Answer to ``save_department`` / ``delete_department``: every department."""

    id: int
    departments: list[DepartmentInfo]


class DepartmentsChanged(Frame):
    """Agents (T4): the departments or their agents changed; the whole list."""

    departments: list[DepartmentInfo]


class AgentChanged(Frame):
    """Agents: an account was added, changed (name, role) or disabled (K2)."""

    agent: AgentInfo
    change: Literal["added", "changed", "disabled"]


# ---------------------------------------------------------------- files (C14), sneak peek (C17)

Sha256Hex = Annotated[str, msgspec.Meta(pattern="^[0-9a-f]{64}$")]
FileName = Annotated[str, msgspec.Meta(max_length=255)]


class UploadFile(Frame):
    """C14, both roles: announce a file for the chat (agents name it; visitors send to their
    open chat). The relay answers ``upload_ready``; the client then sends the bytes as
    **binary** WebSocket frames (raw bytes, no base64, each at most ``chunk_bytes``), in order,
    until ``size`` bytes have gone; the relay checks the size and SHA-256, stores the file and
    answers ``file_stored`` (same ``id``), then pushes an ``event`` of kind ``file`` to the chat.
    Refused (nothing stored): over 10 MiB (``file_too_large``), 0 bytes (``empty_file``), a name
    that is not a plain file name (``bad_file_name``: refused, not rewritten: ``/``, ``\\``,
    ``..``, NUL or control characters, a Windows device name such as ``CON`` or ``lpt1.txt``, a
    trailing dot or space); a ``client_msg_id`` already stored (``duplicate``); more file bytes
    than the connection's or the address's allowance (``rate_limited``: wait, then send again);
    the chat's or the visitor's daily file quota reached (``quota_exceeded``); the relay's disk
    (nearly) full (``storage_full``, also when a write fails mid-upload: the upload ends there,
    and its remaining chunks are dropped without answers). All but the last are answered
    instead of ``upload_ready``, before any byte is sent. Chunks must average a quarter of
    ``chunk_bytes`` at least (``invalid``). One upload at a time per connection; a connection
    that drops in the middle leaves nothing behind."""

    id: RequestId
    client_msg_id: ClientMsgId
    name: FileName
    size: Annotated[int, msgspec.Meta(ge=0, le=INT64_MAX)]
    sha256: Sha256Hex
    content_type: Short = ""
    chat_id: DbId | None = None


class FileLink(Frame):
    """C14, both roles: ask for a download link of a file of a chat this client may read;
    answered with ``file_link_granted``."""

    id: RequestId
    file_id: Short


class Draft(Frame):
    """C17, visitor: the text being typed (sneak peek), sent only when the site has sneak peek
    on (``visitor_welcome.sneak_peek``), at most every 300 ms; empty when the field is cleared
    or the message sent. No response. The relay drops drafts of sites where it is off."""

    text: Text


class SetSneakPeek(Frame):
    """C17, admins: turn sneak peek on or off for a site; answered with ``ok``."""

    id: RequestId
    site_id: DbId
    enabled: bool


class UploadReady(Frame):
    """C14: send the bytes now, as binary frames of at most ``chunk_bytes``."""

    id: int
    chunk_bytes: int


class FileStored(Frame):
    """C14: the file is stored and its event committed (``cursor``/``seq`` of that event)."""

    id: int
    client_msg_id: str
    chat_id: int
    file: FileInfo
    seq: int
    cursor: int


class FileLinkGranted(Frame):
    """C14: ``url`` (relative to the relay) downloads the file until ``expires_at`` (Unix time),
    for this client only (the token names it, and the relay checks again that it may still read
    the chat). Served as an attachment with ``X-Content-Type-Options: nosniff``; PNG, JPEG, GIF
    and WebP (recognised from the bytes) as their image type so that ``<img>`` can show them,
    everything else as ``application/octet-stream``."""

    id: int
    file_id: str
    url: str
    expires_at: float


class DraftChanged(Frame):
    """C17, agents of the chat: the visitor's draft (sneak peek); empty text: none."""

    chat_id: int
    text: str


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


class VisitorDetails(ListAnswer):
    """Response to ``get_visitor``: the visitor and this visit's pages, oldest first."""

    id: int
    visitor: VisitorInfo
    history: list[PageVisit]
    now: float = 0.0


class VisitorInvitation(Frame):
    """Visitors (V2/V3): an invitation to chat; the widget opens with it."""

    invitation_id: int
    text: str
    agent_name: str = ""
    agent_photo: str = ""
    rule_id: int | None = None


class InvitationRules(ListAnswer):
    """Response to the invitation rule requests: every rule, and the sites they may name."""

    id: int
    rules: list[InvitationRule]
    sites: list[SiteRef]


# ---------------------------------------------------------------- unions and codecs

AgentRequest = (
    SignIn
    | Authenticate
    | SignOut
    | SetStatus
    | AcceptChat
    | CloseChat
    | History
    | OpenDirectChat
    | SendMessage
    | Typing
    | Receipt
    | Ping
    | InviteColleague
    | TransferChat
    | AnswerInvitation
    | LeaveChat
    | BlockClient
    | BlockPreview
    | UnblockClient
    | ListBlocked
    | ListPhrases
    | SavePhrase
    | DeletePhrase
    | ViewChat
    | TeamLoad
    | ListSites
    | SaveSite
    | ListTeammates
    | InviteAgent
    | UpdateAgent
    | ListWebhooks
    | SaveWebhook
    | DeleteWebhook
    | ListApiTokens
    | CreateApiToken
    | RevokeApiToken
    | SaveWorkingHours
    | GetMyAccount
    | SaveMyAccount
    | SetPassword
    | IgnoreChat
    | SetAssignedAgent
    | SearchArchive
    | UploadFile
    | FileLink
    | SetSneakPeek
    | WatchVisitors
    | GetVisitor
    | InviteVisitor
    | ListInvitationRules
    | SaveInvitationRule
    | DeleteInvitationRule
    | UploadLogs
    | ListLogs
    | ListOfflineMessages
    | MarkOfflineHandled
    | ReplyOfflineMessage
    | ClientHistory
    | SaveDepartment
    | DeleteDepartment
)
VisitorRequest = (
    VisitorHello
    | PageView
    | SetContact
    | OfflineMessage
    | SendMessage
    | Typing
    | Receipt
    | Ping
    | UploadFile
    | FileLink
    | Draft
    | PageHidden
    | InvitationClosed
    | ChooseDepartment
)
ServerFrame = (
    Welcome
    | VisitorWelcome
    | Ok
    | Pong
    | MessageAcked
    | HistoryPage
    | Error
    | EventPush
    | SyncDone
    | ChatOffered
    | ChatTaken
    | ChatOpened
    | ReceiptChanged
    | ChatStateChanged
    | TypingChanged
    | AgentPresence
    | AgentsAvailable
    | InvitationOffered
    | InvitationAnswered
    | VisitorBlocked
    | BlockedList
    | BlockPreviewInfo
    | PhraseList
    | PhrasesChanged
    | ChatViewers
    | TeamLoads
    | SitesList
    | SiteSaved
    | TeammatesList
    | TeammateSaved
    | WebhooksList
    | WebhookSaved
    | ApiTokensList
    | ApiTokenCreated
    | MyAccount
    | AgentChanged
    | ArchivePage
    | UploadReady
    | FileStored
    | FileLinkGranted
    | DraftChanged
    | VisitorsDelta
    | VisitorDetails
    | VisitorInvitation
    | InvitationRules
    | LogsStored
    | LogList
    | OfflineMessageList
    | OfflineMessageAdded
    | OfflineMessageChanged
    | ClientHistoryPage
    | DepartmentsList
    | DepartmentsChanged
)

AGENT_FRAMES: tuple[type[Frame], ...] = AgentRequest.__args__
VISITOR_FRAMES: tuple[type[Frame], ...] = VisitorRequest.__args__
SERVER_FRAMES: tuple[type[Frame], ...] = ServerFrame.__args__
ADMIN_FRAMES: tuple[type[Frame], ...] = (
    ListSites,
    SaveSite,
    ListTeammates,
    InviteAgent,
    UpdateAgent,
    ListWebhooks,
    SaveWebhook,
    DeleteWebhook,
    ListApiTokens,
    CreateApiToken,
    RevokeApiToken,
    SaveWorkingHours,
    SetSneakPeek,
    SaveDepartment,
    DeleteDepartment,
)
"""A3: the relay refuses each of these unless the sender is an admin (one central check)."""


def tag_of(cls: type[Frame]) -> str:
    tag = cls.__struct_config__.tag
    assert isinstance(tag, str)
    return tag


CLIENT_TAGS = frozenset(tag_of(c) for c in AGENT_FRAMES + VISITOR_FRAMES)

_encoder = msgspec.json.Encoder()
agent_decoder: msgspec.json.Decoder[Any] = msgspec.json.Decoder(AgentRequest)
visitor_decoder: msgspec.json.Decoder[Any] = msgspec.json.Decoder(VisitorRequest)
server_decoder: msgspec.json.Decoder[Any] = msgspec.json.Decoder(ServerFrame)


def encode(frame: Frame) -> str:
    """A frame as JSON text (websockets sends ``str`` as a text frame)."""
    return _encoder.encode(frame).decode()


def fit_page(items: list[Any], max_bytes: int = MAX_PAGE_BYTES, *, keep_last: bool) -> int:
    """How many of ``items`` (structs of a page) fit in ``max_bytes`` of JSON: counted from the
    end when ``keep_last`` (history keeps the newest), else from the start. At least one, so
    a page always moves on (one event is at most a few tens of KiB)."""
    total = 0
    order = reversed(items) if keep_last else iter(items)
    for count, item in enumerate(order):
        total += len(_encoder.encode(item)) + 1
        if total > max_bytes and count > 0:
            return count
    return len(items)


T = TypeVar("T")
A = TypeVar("A", bound=ListAnswer)
F = TypeVar("F", bound=Frame)


def chunk_items(items: Sequence[T], max_bytes: int = MAX_PAGE_BYTES) -> list[list[T]]:
    """``items`` cut into consecutive runs of at most ``max_bytes`` of JSON each (an item and
    its comma), in order; at least one item a run, and one (empty) run for no items."""
    runs: list[list[T]] = [[]]
    size = 0
    for item in items:
        n = len(_encoder.encode(item)) + 1
        if runs[-1] and size + n > max_bytes:
            runs.append([])
            size = 0
        runs[-1].append(item)
        size += n
    return runs


def _list_fields(frame: Frame) -> list[str]:
    return [f for f in frame.__struct_fields__ if isinstance(getattr(frame, f), list)]


def split_answer(frame: F, max_bytes: int = MAX_PAGE_BYTES) -> list[F]:
    """Issue 12 item 6, the one place a frame's lists are cut by size: ``frame`` as parts of
    at most ``max_bytes`` of JSON each (unless a single item is bigger: every item is bounded
    far below the client's limit), its list fields' items shared out in order and its other
    fields repeated. On a :class:`ListAnswer` every part but the last has ``continued``. A
    frame that fits is returned whole."""
    if len(_encoder.encode(frame)) <= max_bytes:
        return [frame]
    fields = _list_fields(frame)
    more = {"continued": True} if isinstance(frame, ListAnswer) else {}
    bare = msgspec.structs.replace(frame, **more, **{f: [] for f in fields})
    tagged = [(f, item) for f in fields for item in getattr(frame, f)]
    runs = chunk_items([item for _, item in tagged], max_bytes - len(_encoder.encode(bare)))
    parts: list[F] = []
    start = 0
    for index, run in enumerate(runs):
        lists: dict[str, list[Any]] = {f: [] for f in fields}
        for field, item in tagged[start : start + len(run)]:
            lists[field].append(item)
        start += len(run)
        if more:
            lists["continued"] = index < len(runs) - 1  # type: ignore[assignment]
        parts.append(msgspec.structs.replace(frame, **lists))
    return parts


def encode_answer(frame: Frame) -> list[str]:
    """Every frame the relay sends goes through here: a list answer cut by
    :func:`split_answer`, anything else as one frame."""
    data = _encoder.encode(frame)
    if len(data) <= MAX_PAGE_BYTES or not isinstance(frame, ListAnswer):
        return [data.decode()]
    return [encode(part) for part in split_answer(frame, MAX_PAGE_BYTES)]


def join_parts(parts: Sequence[A]) -> A:
    """The client's side of :func:`split_answer`: one answer with every part's items."""
    first = parts[0]
    lists = {f: [item for part in parts for item in getattr(part, f)] for f in _list_fields(first)}
    return msgspec.structs.replace(first, continued=False, **lists)


class FrameRejected(Exception):
    """A frame that failed validation, with the error code the peer is told."""

    def __init__(self, code: ErrorCode, message: str, request_id: int | None = None):
        super().__init__(message)
        self.code: ErrorCode = code
        self.message = message
        self.request_id = request_id

    def to_frame(self) -> Error:
        return Error(code=self.code, message=self.message, id=self.request_id)


class _Head(msgspec.Struct):
    """What an error answer needs of a refused frame: its type and request id."""

    type: Any = None
    id: Any = None


_head_decoder = msgspec.json.Decoder(_Head)
_NUL_ESCAPE = re.compile(r"\\u0000")
_NUL_ESCAPE_BYTES = re.compile(rb"\\u0000")


def decode_client(data: str | bytes, decoder: msgspec.json.Decoder[Any]) -> Frame:
    """Decode a client frame with the role's decoder, or raise :class:`FrameRejected` with the
    precise reason (only the error path pays for the second parse).

    Every bad input is a typed refusal, never another exception (issue 12 item 8): deep
    nesting (msgspec raises ``RecursionError``, finding 14), out-of-range numbers (``invalid``,
    item 4), and U+0000 anywhere in a string (``invalid``, item 3: PostgreSQL cannot store it,
    so the rule is the same on every database). Lone UTF-16 surrogates never get this far:
    msgspec refuses them as malformed JSON, and WebSocket text frames are valid UTF-8."""
    try:
        frame: Frame = decoder.decode(data)
    except msgspec.ValidationError as exc:
        raise _refusal(data, str(exc)) from None
    except msgspec.DecodeError as exc:
        raise FrameRejected("malformed", f"malformed JSON: {exc}") from None
    except RecursionError:
        raise FrameRejected("malformed", "the frame is nested too deeply") from None
    if _has_nul_escape(data) and _has_nul(data):
        raise FrameRejected(
            "invalid",
            f"{tag_of(type(frame))}: text may not contain U+0000",
            getattr(frame, "id", None),
        )
    return frame


def _refusal(data: str | bytes, reason: str) -> FrameRejected:
    try:
        head = _head_decoder.decode(data)
    except (msgspec.ValidationError, msgspec.DecodeError):
        return FrameRejected("malformed", "a frame must be a JSON object")
    except RecursionError:
        return FrameRejected("malformed", "the frame is nested too deeply")
    # Echoed so the client can match it, even when out of range (but always encodable).
    request_id = head.id if type(head.id) is int and -(2**63) <= head.id < 2**64 else None
    tag = head.type
    if not isinstance(tag, str):
        return FrameRejected("invalid", "missing 'type'", request_id)
    if tag not in CLIENT_TAGS:
        return FrameRejected("unknown_type", f"unknown frame type {tag[:64]!r}", request_id)
    if "at `$.type`" in reason:
        return FrameRejected("forbidden", f"frame type {tag!r} is not allowed here", request_id)
    return FrameRejected("invalid", f"{tag}: {reason[:300]}", request_id)


def _has_nul_escape(data: str | bytes) -> bool:
    if isinstance(data, str):
        return _NUL_ESCAPE.search(data) is not None
    return _NUL_ESCAPE_BYTES.search(data) is not None


def _has_nul(data: str | bytes) -> bool:
    """Whether a decoded string (a key or a value) holds U+0000: an escaped backslash before
    ``u0000`` is only text, so the frame is parsed again to be sure (rare: only frames that
    show the escape pay for it)."""
    stack: list[Any] = [msgspec.json.decode(data)]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            if "\x00" in value:
                return True
        elif isinstance(value, dict):
            stack.extend(value.keys())
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return False


def decode_server(data: str | bytes) -> Frame:
    return server_decoder.decode(data)


# ---------------------------------------------------------------- documentation


def _type_name(tp: Any) -> str:
    text = repr(tp) if not isinstance(tp, type) else tp.__name__
    text = text.replace("typing.", "").replace("server.protocol.", "")
    # Integer bounds are part of the contract (issue 12 item 4): int[1..2147483647].
    text = re.sub(
        r"Annotated\[int, msgspec\.Meta\(ge=(-?\d+), le=(-?\d+)\)\]", r"int[\1..\2]", text
    )
    text = re.sub(r"Annotated\[([^,\[\]]+(?:\[[^\]]*\])?), msgspec\.Meta\([^)]*\)\]", r"\1", text)
    optional = re.fullmatch(r"Optional\[(.*)\]", text)
    return f"{optional[1]} | None" if optional else text


def _struct_section(cls: type[msgspec.Struct], tagged: bool) -> list[str]:
    title = f"`{tag_of(cls)}`" if tagged else f"`{cls.__name__}`"  # type: ignore[arg-type]
    lines = [f"### {title}", ""]
    doc = (cls.__doc__ or "").strip()
    if doc and not doc.startswith("Base of"):
        lines += [" ".join(doc.split()), ""]
    hints = msgspec.structs.fields(cls)
    lines += ["| field | type | default |", "| --- | --- | --- |"]
    if tagged:
        lines.append(f'| `type` | `"{tag_of(cls)}"` | |')  # type: ignore[arg-type]
    for f in hints:
        if f.default is not msgspec.NODEFAULT:
            default = f"`{f.default!r}`"
        elif f.default_factory is not msgspec.NODEFAULT:
            default = "`{}`"
        else:
            default = "required"
        type_text = _type_name(f.type).replace("|", "\\|")
        lines.append(f"| `{f.name}` | `{type_text}` | {default} |")
    return [*lines, ""]


def render_doc() -> str:
    """The text of docs/protocol.md."""
    out = [
        "# Wire protocol",
        "",
        "Generated from `server/protocol.py` by `python -m server.protocol > docs/protocol.md`;",
        "a test fails when this file is stale. Do not edit by hand.",
        "",
        (__doc__ or "").strip(),
        "",
        f"Protocol version: **{PROTOCOL_VERSION}**. Frame limit: {MAX_FRAME_BYTES} bytes. "
        f"Message limit: {MAX_MESSAGE_CHARS} characters. "
        f"File limit: {MAX_FILE_BYTES} bytes (10 MiB), in binary chunks of at most "
        f"{FILE_CHUNK_BYTES} bytes. "
        f"Authentication must arrive within {AUTH_TIMEOUT_SECONDS:g} s.",
        "",
        "Close codes: "
        + ", ".join(
            f"`{value}` {name.removeprefix('CLOSE_').lower().replace('_', ' ')}"
            for name, value in sorted(globals().items())
            if name.startswith("CLOSE_")
        ),
        "",
        "Error codes: " + ", ".join(f"`{c}`" for c in ErrorCode.__args__),  # type: ignore[attr-defined]
        "",
        "Sign-out reasons (the reason of a `4410` close): "
        + ", ".join(f"`{c}`" for c in SignOutReason.__args__),  # type: ignore[attr-defined]
        "",
    ]
    sections = [
        ("Agent requests", [c for c in AGENT_FRAMES if c not in VISITOR_FRAMES]),
        ("Visitor requests", [c for c in VISITOR_FRAMES if c not in AGENT_FRAMES]),
        ("Requests of both roles", [c for c in AGENT_FRAMES if c in VISITOR_FRAMES]),
        ("Server frames (responses and pushes)", list(SERVER_FRAMES)),
    ]
    for title, classes in sections:
        out += [f"## {title}", ""]
        for cls in classes:
            out += _struct_section(cls, tagged=True)
    out += ["## Structures", ""]
    for struct in (
        AgentInfo,
        VisitorInfo,
        ChatInfo,
        Event,
        Utm,
        FileInfo,
        Invitation,
        BlockedClient,
        Phrase,
        LogInfo,
        SiteInfo,
        TeammateInfo,
        WebhookInfo,
        DeliveryInfo,
        ApiTokenInfo,
        DayHours,
        WorkingHours,
        PageVisit,
        InvitationRule,
        SiteRef,
    ):
        out += _struct_section(struct, tagged=False)
    return "\n".join(out).rstrip() + "\n"


if __name__ == "__main__":
    # Render from the imported module, not __main__, so type names read the same either way.
    from server import protocol

    print(protocol.render_doc(), end="")
