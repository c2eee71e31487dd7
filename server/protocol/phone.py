"""Teléfono (P1): the call log. Calls go out (and come in) through the agent's own softphone,
not through the relay; the app logs each one it starts, and the agent (or a softphone hook,
``jivo-desktop --log-call``) logs the others, with the outcome, the duration and a note.

Who sees what is decided on the relay: an agent lists and edits its own calls; an admin lists
everyone's (``agent_id`` to choose one agent) and edits any. A call about a CRM client is on
that client's card timeline (kind ``call``), for whoever may see the client.

Callback requests (P2, a site with ``callbacks`` on): the widget's phone button sends
``request_callback`` with a number and an optional time. The relay reads the number in the
site's country and refuses premium-rate and emergency numbers (``number_refused``) and numbers
that do not read (``invalid_number``); a visitor and an address may ask a few times an hour
(``rate_limited``). The request becomes a chat whose ``callback_number`` is set, offered like
any chat (the toast, the ignore ladder, the archive); taking it means calling the number. A
callback nobody takes becomes a CRM task for the client; its ``missed`` event has the text
``callback`` (the widget then says the call will come instead of showing the offline form).
Webhook ``call_event``:
``{"kind": "requested" | "missed" | "taken", "chat_id", "number", "time", ...}``.
"""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec

from .base import DbId, Frame, ListAnswer, RequestId

__all__ = [
    "CALL_LIST_MAX",
    "MAX_CALLBACK_NUMBER",
    "MAX_CALLBACK_TIME",
    "MAX_CALL_NOTE",
    "MAX_CALL_SECONDS",
    "CallChanged",
    "CallDirection",
    "CallInfo",
    "CallList",
    "CallLogged",
    "CallOutcome",
    "CallVisitor",
    "CallbackRequested",
    "ListCalls",
    "LogCall",
    "RequestCallback",
]

MAX_CALL_NOTE = 2000
MAX_CALL_SECONDS = 24 * 3600
CALL_LIST_MAX = 200
MAX_CALLBACK_NUMBER = 40
"""Characters of a number a visitor types (spaces, dashes, brackets; as the dialer)."""
MAX_CALLBACK_TIME = 80

CallDirection = Literal["out", "in"]
CallOutcome = Literal["", "answered", "no_answer", "busy", "wrong_number"]
"""``""``: not told yet (a call the app just started, before the agent logs how it went)."""

_Number = Annotated[str, msgspec.Meta(min_length=3, max_length=32, pattern=r"^\+?[0-9]{3,20}$")]
"""E.164 (``+34911234567``) or, for a number that did not read as one, its digits."""
_Note = Annotated[str, msgspec.Meta(max_length=MAX_CALL_NOTE)]
_Seconds = Annotated[int, msgspec.Meta(ge=0, le=MAX_CALL_SECONDS)]
_When = Annotated[float, msgspec.Meta(ge=0, le=32503680000)]  # before the year 3000


class CallVisitor(msgspec.Struct, kw_only=True):
    """The newest visitor of a call's client that has no name: the app names the call as it
    names that visitor (its contact name, else "<city> <id>", else "Client <id>")."""

    id: int
    name: str = ""
    city: str = ""
    city_names: dict[str, str] = msgspec.field(default_factory=dict)


class CallInfo(msgspec.Struct, kw_only=True):
    id: int
    number: str
    direction: CallDirection
    outcome: CallOutcome = ""
    duration: int = 0
    """Seconds."""
    note: str = ""
    agent_id: int
    agent_name: str = ""
    client_id: int | None = None
    client_name: str = ""
    visitor: CallVisitor | None = None
    """Set when the client has no name (see :class:`CallVisitor`)."""
    started_at: float
    updated_at: float


class LogCall(Frame, kw_only=True):
    """Agent: log a call (no ``call_id``) or change a logged one (its agent, or an admin);
    answered with ``call_logged``. ``client_id``: the CRM client it was with (the sender must
    be allowed to see it). ``started_at`` defaults to now."""

    id: RequestId
    call_id: DbId | None = None
    number: _Number
    direction: CallDirection = "out"
    outcome: CallOutcome = ""
    duration: _Seconds = 0
    note: _Note = ""
    client_id: DbId | None = None
    started_at: _When | None = None


class CallLogged(Frame):
    id: int
    call: CallInfo


class CallChanged(Frame):
    """Agents: a call was logged or changed (on another device, or by an admin): pushed to
    its agent's devices and to every admin, whose call logs hold it."""

    call: CallInfo


class ListCalls(Frame, kw_only=True):
    """Agent: the newest calls first, at most ``limit``; an agent gets its own, an admin
    everyone's or ``agent_id``'s; ``client_id``: only that client's. Answered with
    ``call_list``."""

    id: RequestId
    agent_id: DbId | None = None
    client_id: DbId | None = None
    limit: Annotated[int, msgspec.Meta(ge=1, le=CALL_LIST_MAX)] = 50


class CallList(ListAnswer):
    id: int
    calls: list[CallInfo]


class RequestCallback(Frame):
    """Visitor (P2): call me back at ``number`` (read in the site's country unless it starts
    with ``+``), ``time`` when it suits me (free text, may be empty). Answered with
    ``callback_requested``; refused with ``callbacks_off``, ``invalid_number``,
    ``number_refused`` (premium rate, emergency), ``chat_open`` (ask in the open chat),
    ``rate_limited``."""

    id: RequestId
    number: Annotated[str, msgspec.Meta(max_length=MAX_CALLBACK_NUMBER)]
    time: Annotated[str, msgspec.Meta(max_length=MAX_CALLBACK_TIME)] = ""


class CallbackRequested(Frame):
    """The request is stored and offered to the agents: ``number`` as the relay read it."""

    id: int
    chat_id: int
    number: str
