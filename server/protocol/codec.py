"""The codec: each role's union of frames, and encoding and decoding them.

``AgentRequest`` and ``VisitorRequest`` are the frames each role may send (a frame outside its
role's union is refused ``forbidden``), ``ServerFrame`` every frame the relay sends. A client
frame is decoded with :func:`decode_client` (every bad input becomes a typed
:class:`~server.protocol.base.FrameRejected`), a relay frame with :func:`decode_server`; a list
answer is cut into parts of at most MAX_PAGE_BYTES by :func:`split_answer` and joined again by
:func:`join_parts` (issue 12 item 6).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from typing import Any, TypeVar

import msgspec

from . import (
    account,
    actions,
    admin,
    channels,
    chats,
    crm,
    files,
    gifs,
    logs,
    phone,
    pointer,
    stats,
    translate,
    visitors,
)
from .base import MAX_PAGE_BYTES, Error, Frame, FrameRejected, ListAnswer, Ok, Ping, Pong, tag_of

__all__ = [
    "AGENT_FRAMES",
    "CLIENT_TAGS",
    "SERVER_FRAMES",
    "VISITOR_FRAMES",
    "AgentRequest",
    "ServerFrame",
    "VisitorRequest",
    "agent_decoder",
    "chunk_items",
    "decode_client",
    "decode_server",
    "encode",
    "encode_answer",
    "fit_page",
    "join_parts",
    "server_decoder",
    "split_answer",
    "visitor_decoder",
]


AgentRequest = (
    account.SignIn
    | account.Authenticate
    | account.SignOut
    | account.SignOutOthers
    | account.SetStatus
    | chats.AcceptChat
    | chats.CloseChat
    | chats.History
    | chats.OpenDirectChat
    | chats.SendMessage
    | chats.Typing
    | chats.Receipt
    | Ping
    | actions.InviteColleague
    | actions.TransferChat
    | actions.AnswerInvitation
    | actions.LeaveChat
    | actions.BlockClient
    | actions.BlockPreview
    | actions.UnblockClient
    | actions.ListBlocked
    | actions.ListPhrases
    | actions.SavePhrase
    | actions.DeletePhrase
    | actions.ViewChat
    | actions.TeamLoad
    | admin.ListSites
    | admin.SaveSite
    | admin.ListTeammates
    | admin.InviteAgent
    | admin.UpdateAgent
    | admin.ListWebhooks
    | admin.SaveWebhook
    | admin.DeleteWebhook
    | admin.ListApiTokens
    | admin.CreateApiToken
    | admin.RevokeApiToken
    | account.SaveWorkingHours
    | account.GetMyAccount
    | account.SaveMyAccount
    | account.SetPassword
    | chats.IgnoreChat
    | visitors.SetAssignedAgent
    | chats.SearchArchive
    | files.UploadFile
    | files.FileLink
    | visitors.SetSneakPeek
    | visitors.WatchVisitors
    | visitors.GetVisitor
    | visitors.InviteVisitor
    | visitors.ListInvitationRules
    | visitors.SaveInvitationRule
    | visitors.DeleteInvitationRule
    | logs.UploadLogs
    | logs.ListLogs
    | visitors.ListOfflineMessages
    | visitors.MarkOfflineHandled
    | visitors.ReplyOfflineMessage
    | chats.ClientHistory
    | admin.SaveDepartment
    | admin.DeleteDepartment
    | stats.GetStats
    | translate.GetTranslator
    | translate.SaveTranslator
    | translate.TranslateMessages
    | translate.TranslateText
    | translate.SendTranslated
    | gifs.GetGifProvider
    | gifs.SaveGifProvider
    | gifs.SearchGifs
    | gifs.SendGif
    | channels.ListChannels
    | channels.SaveChannel
    | channels.TestChannel
    | channels.ListReplyChannels
    | pointer.CreatePointer
    | crm.ListClients
    | crm.GetClient
    | crm.ClientForVisitor
    | crm.SaveClient
    | crm.MergeClients
    | crm.UnmergeClient
    | crm.ListTasks
    | crm.SaveTask
    | crm.CompleteTask
    | crm.SnoozeTask
    | crm.DismissReminder
    | crm.DeleteTask
    | crm.GetCrmSettings
    | crm.SaveFunnel
    | crm.DeleteFunnel
    | crm.SaveCustomField
    | crm.DeleteCustomField
    | crm.SetCrmVisibility
    | crm.ListDeals
    | crm.SaveDeal
    | crm.MoveDeal
    | crm.DeleteDeal
    | phone.LogCall
    | phone.ListCalls
)

VisitorRequest = (
    visitors.VisitorHello
    | visitors.PageView
    | visitors.SetContact
    | visitors.OfflineMessage
    | chats.SendMessage
    | chats.Typing
    | chats.Receipt
    | Ping
    | files.UploadFile
    | files.FileLink
    | visitors.Draft
    | visitors.PageHidden
    | visitors.InvitationClosed
    | visitors.ChooseDepartment
    | pointer.PointerPick
    | phone.RequestCallback
)

ServerFrame = (
    account.Welcome
    | visitors.VisitorWelcome
    | Ok
    | Pong
    | chats.MessageAcked
    | chats.HistoryPage
    | Error
    | chats.EventPush
    | chats.SyncDone
    | chats.ChatOffered
    | chats.ChatTaken
    | chats.ChatOpened
    | chats.ReceiptChanged
    | chats.ChatStateChanged
    | chats.TypingChanged
    | account.AgentPresence
    | visitors.AgentsAvailable
    | actions.InvitationOffered
    | actions.InvitationAnswered
    | actions.VisitorBlocked
    | actions.BlockedList
    | actions.BlockPreviewInfo
    | actions.PhraseList
    | actions.PhrasesChanged
    | actions.ChatViewers
    | actions.TeamLoads
    | admin.SitesList
    | admin.SiteSaved
    | admin.TeammatesList
    | admin.TeammateSaved
    | admin.WebhooksList
    | admin.WebhookSaved
    | admin.ApiTokensList
    | admin.ApiTokenCreated
    | account.MyAccount
    | admin.AgentChanged
    | chats.ArchivePage
    | files.UploadReady
    | files.FileStored
    | files.FileLinkGranted
    | visitors.DraftChanged
    | visitors.VisitorsDelta
    | visitors.VisitorDetails
    | visitors.VisitorInvitation
    | visitors.InvitationRules
    | logs.LogsStored
    | logs.LogList
    | visitors.OfflineMessageList
    | visitors.OfflineMessageAdded
    | visitors.OfflineMessageChanged
    | chats.ClientHistoryPage
    | admin.DepartmentsList
    | admin.DepartmentsChanged
    | stats.StatsReport
    | translate.TranslatorSettings
    | translate.MessagesTranslated
    | translate.TextTranslated
    | gifs.GifProviderSettings
    | gifs.GifsFound
    | channels.ChannelsList
    | channels.ChannelSaved
    | channels.ChannelTested
    | channels.ReplyChannels
    | channels.ReplyUndelivered
    | pointer.PointerCreated
    | crm.ClientPage
    | crm.ClientCard
    | crm.ClientSaved
    | crm.ClientChanged
    | crm.TaskList
    | crm.TaskSaved
    | crm.TaskChanged
    | crm.TaskRemoved
    | crm.TaskDue
    | crm.CrmSettings
    | crm.CrmSettingsChanged
    | crm.DealList
    | crm.DealSaved
    | crm.DealChanged
    | crm.DealRemoved
    | phone.CallLogged
    | phone.CallChanged
    | phone.CallList
    | phone.CallbackRequested
)

AGENT_FRAMES: tuple[type[Frame], ...] = AgentRequest.__args__
VISITOR_FRAMES: tuple[type[Frame], ...] = VisitorRequest.__args__
SERVER_FRAMES: tuple[type[Frame], ...] = ServerFrame.__args__
CLIENT_TAGS = frozenset(tag_of(c) for c in AGENT_FRAMES + VISITOR_FRAMES)

# ---------------------------------------------------------------- encoding and decoding

_encoder = msgspec.json.Encoder()
agent_decoder: msgspec.json.Decoder[Any] = msgspec.json.Decoder(AgentRequest)
visitor_decoder: msgspec.json.Decoder[Any] = msgspec.json.Decoder(VisitorRequest)
server_decoder: msgspec.json.Decoder[Any] = msgspec.json.Decoder(ServerFrame)


def encode(frame: Frame) -> str:
    """A frame as JSON text (websockets sends ``str`` as a text frame)."""
    return _encoder.encode(frame).decode()


def decode_server(data: str | bytes) -> Frame:
    return server_decoder.decode(data)


# ------------------------------------------------------ list answers cut by size (issue 12 item 6)


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


_package = sys.modules[__name__.rpartition(".")[0]]
"""``server.protocol`` itself (being imported now), whose ``MAX_PAGE_BYTES`` is the setting
the relay reads (``p.MAX_PAGE_BYTES``) and a test may shrink."""


def encode_answer(frame: Frame) -> list[str]:
    """Every frame the relay sends goes through here: a list answer cut by
    :func:`split_answer`, anything else as one frame. The budget is the package's
    ``MAX_PAGE_BYTES`` at the time of the call, as when the protocol was one module."""
    max_bytes: int = _package.MAX_PAGE_BYTES
    data = _encoder.encode(frame)
    if len(data) <= max_bytes or not isinstance(frame, ListAnswer):
        return [data.decode()]
    return [encode(part) for part in split_answer(frame, max_bytes)]


def join_parts(parts: Sequence[A]) -> A:
    """The client's side of :func:`split_answer`: one answer with every part's items."""
    first = parts[0]
    lists = {f: [item for part in parts for item in getattr(part, f)] for f in _list_fields(first)}
    return msgspec.structs.replace(first, continued=False, **lists)


# ---------------------------------------------------------------- decoding client frames


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
