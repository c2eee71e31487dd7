"""Chat actions: what an agent does to a chat besides writing in it.

Inviting a colleague (C7) and transfers (C9), leaving a chat (C3), blocking the visitor (C8,
B5), the team's quick phrases (C12), who has a chat open (C18) and the team's load (C9).
"""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec

from .base import MAX_MESSAGE_CHARS, DbId, Frame, ListAnswer, RequestId, Short
from .structs import ChatInfo

__all__ = [
    "MAX_PHRASE_LABEL",
    "MAX_PHRASE_SHORTCUT",
    "AnswerInvitation",
    "BlockClient",
    "BlockPreview",
    "BlockPreviewInfo",
    "BlockedClient",
    "BlockedList",
    "ChatViewers",
    "DeletePhrase",
    "Invitation",
    "InvitationAnswered",
    "InvitationOffered",
    "InviteColleague",
    "LeaveChat",
    "ListBlocked",
    "ListPhrases",
    "Phrase",
    "PhraseList",
    "PhrasesChanged",
    "SavePhrase",
    "TeamLoad",
    "TeamLoads",
    "TransferChat",
    "UnblockClient",
    "ViewChat",
    "VisitorBlocked",
]


# ----------------------------------------------------- inviting a colleague and transfers (C7, C9)


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


class LeaveChat(Frame):
    """C3/C7: leave a chat; colleagues still in it carry on, the last one leaving closes it."""

    id: RequestId
    chat_id: DbId


# ---------------------------------------------------------------- blocking (C8, B5)


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


class BlockPreviewInfo(Frame):
    """C8/B5: the answer to ``block_preview``."""

    id: int
    ip: str
    same_ip_visitors: int
    """Other visitors of the site on that IP now (live on this relay)."""


class VisitorBlocked(Frame):
    """Visitors (C8): this visitor is blocked and can no longer write. B5: ``by_ip`` true means
    this visitor was not blocked itself: another visitor's block covers its network address."""

    by_ip: bool = False


class UnblockClient(Frame):
    """C8 (admins only): lift a block."""

    id: RequestId
    block_id: DbId


class ListBlocked(Frame):
    """C8 (admins only): the blocked clients; answered with ``blocked_list``."""

    id: RequestId


class BlockedList(ListAnswer):
    id: int
    clients: list[BlockedClient]


# ---------------------------------------------------------------- quick phrases (C12)


MAX_PHRASE_SHORTCUT = 32
MAX_PHRASE_LABEL = 60


class Phrase(msgspec.Struct, kw_only=True):
    """C12: a quick phrase shared by the team; typing ``/shortcut`` offers it. ``label``
    (the guide's "etiqueta") names it in the list and the search."""

    id: int
    shortcut: str
    text: str
    label: str = ""


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


class PhraseList(ListAnswer):
    id: int
    phrases: list[Phrase]


class PhrasesChanged(Frame):
    """Agents (C12): the team's quick phrases changed; the whole list. ``reload`` (issue 12
    item 6): the list would pass MAX_PAGE_BYTES, so ``phrases`` is empty and the client asks
    ``list_phrases`` itself (its answer comes in parts)."""

    phrases: list[Phrase]
    reload: bool = False


# ---------------------------------------------------- who views a chat (C18), the team's load (C9)


class ViewChat(Frame):
    """C18: this agent has the chat open in front of it (or no longer). No response; the
    agents of the chat get ``chat_viewers``."""

    chat_id: DbId
    viewing: bool


class ChatViewers(Frame):
    """Agents (C18): who has this chat open now."""

    chat_id: int
    agent_ids: list[int]


class TeamLoad(Frame):
    """C9: how many open chats each agent has; answered with ``team_loads``."""

    id: RequestId


class TeamLoads(Frame):
    """C9: agent id -> number of open chats."""

    id: int
    chats: dict[int, int]
