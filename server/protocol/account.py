"""Account and session: signing in, the session, the agent's status and own account.

The first frame of an agent (``sign_in`` or ``authenticate``) and its ``welcome``, the status
(online, away) and colleagues' presence, signing out, the set-password page's frame (A2), and
the agent's own account with the account's working hours (K5).
"""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec

from .base import PROTOCOL_VERSION, Cursor, Frame, Int32, ListAnswer, RequestId, Short
from .structs import AgentInfo, ChatInfo, DepartmentInfo

__all__ = [
    "WELCOME_PREVIEW_CHARS",
    "AgentPresence",
    "Authenticate",
    "Clock",
    "DayHours",
    "GetMyAccount",
    "MyAccount",
    "SaveMyAccount",
    "SaveWorkingHours",
    "SetPassword",
    "SetStatus",
    "SignIn",
    "SignOut",
    "SignOutOthers",
    "Welcome",
    "WorkingHours",
]


WELCOME_PREVIEW_CHARS = 300
"""Issue 12 item 6: a chat's ``preview`` in ``welcome`` is cut to this many characters (the
list shows one line of it; the chat's history has the whole text)."""


# ---------------------------------------------------------------- sign-in and session


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


class Welcome(ListAnswer):
    """Response to ``sign_in``/``authenticate``. ``chats`` holds the offered chats (none when
    the agent signs in away: ``set_status`` online sends them) and the agent's own open chats
    (each ``preview`` cut to WELCOME_PREVIEW_CHARS); replayed ``event_push`` frames follow, then
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


class SetStatus(Frame):
    """Agent: online (green) takes new chats; away (yellow) keeps its chats but gets no new ones."""

    id: RequestId
    status: Literal["online", "away"]


class AgentPresence(Frame):
    """Agents: a colleague's status changed."""

    agent: AgentInfo


class SignOut(Frame):
    """Agent: revoke this session's token; the relay answers ``ok`` and closes."""

    id: RequestId


class SignOutOthers(Frame):
    """Agent (A4): sign out everywhere else — another computer, a browser left signed in. The
    relay revokes every other session of the agent and closes their connections on every node
    (reason ``signed_out_elsewhere``); this one stays signed in. Answered ``ok``; refused
    ``invalid`` on an API-token connection, which is not a session."""

    id: RequestId


class SetPassword(Frame):
    """First frame of the relay's set-password page (A2): the one-time token from the
    invitation link and the new password. Answered with ``ok``, then the relay closes."""

    id: RequestId
    token: Short
    password: Annotated[str, msgspec.Meta(max_length=1024)]
    protocol: Int32 = PROTOCOL_VERSION


# ---------------------------------------------------------------- the agent's own account (K5)


Clock = Annotated[str, msgspec.Meta(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$")]


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


class SaveWorkingHours(Frame):
    """Admin (K5): the account's working hours; answered with ``my_account``."""

    id: RequestId
    hours: WorkingHours


class MyAccount(Frame):
    """The agent's own account (K5); ``hours`` only for admins."""

    id: int
    name: str
    email: str
    timezone: str
    hours: WorkingHours | None = None
