"""CRM: clients (R1), tasks with reminders (R2, C6), deals in sales funnels (R3, C6) and the
CRM settings (K4).

Who sees what is decided on the relay, in one place (``server.crm.access``): admins see
everything; an agent sees the clients it owns and the clients nobody owns, or every client when
the account's ``clients_visibility`` is ``all``; the deals of a funnel whose ``visibility`` is
``own`` only when it owns them, else all of the funnel's; and the tasks assigned to it or made
by it. A request for something the agent may not see is refused ``not_found`` (the relay does
not say it exists). Every change is pushed to every agent who may see it.

Money is never a float: ``value_minor`` is the amount in the currency's minor units (cents)
and ``currency`` an ISO 4217 code. Times are seconds since the epoch (UTC); ``expected_close``
is a calendar date ``YYYY-MM-DD``.
"""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec

from .base import INT64_MAX, DbId, Frame, ListAnswer, RequestId, Short
from .phone import CallInfo

__all__ = [
    "MAX_CLIENT_NOTES",
    "MAX_CUSTOM_FIELDS",
    "MAX_FUNNELS",
    "MAX_STAGES",
    "MAX_TAGS",
    "ClientCard",
    "ClientChanged",
    "ClientForVisitor",
    "ClientInfo",
    "ClientPage",
    "ClientSaved",
    "ClientSort",
    "CompleteTask",
    "CrmSettings",
    "CrmSettingsChanged",
    "CustomField",
    "CustomFieldKind",
    "DealChanged",
    "DealInfo",
    "DealList",
    "DealRemoved",
    "DealSaved",
    "DeleteCustomField",
    "DeleteDeal",
    "DeleteFunnel",
    "DeleteTask",
    "DismissReminder",
    "FunnelInfo",
    "GetClient",
    "GetCrmSettings",
    "ListClients",
    "ListDeals",
    "ListTasks",
    "MergeClients",
    "MoveDeal",
    "SaveClient",
    "SaveCustomField",
    "SaveDeal",
    "SaveFunnel",
    "SaveTask",
    "SetCrmVisibility",
    "SnoozeTask",
    "StageEdit",
    "StageInfo",
    "StageKind",
    "TaskChanged",
    "TaskDue",
    "TaskInfo",
    "TaskList",
    "TaskRemoved",
    "TaskSaved",
    "TimelineItem",
    "UnmergeClient",
    "Visibility",
]

MAX_CUSTOM_FIELDS = 50
MAX_FUNNELS = 20
MAX_STAGES = 20
"""Open stages of one funnel (the fixed ``won`` and ``lost`` ends come on top)."""
MAX_TAGS = 20
MAX_CLIENT_NOTES = 5000

Visibility = Literal["all", "own"]
"""K4: ``own``: an agent sees only its own (clients, or a funnel's deals); ``all``: every one."""
CustomFieldKind = Literal["text", "number", "date", "list", "checkbox", "link"]
StageKind = Literal["open", "won", "lost"]
ClientSort = Literal["name", "created", "updated"]

_Currency = Annotated[str, msgspec.Meta(pattern="^[A-Z]{3}$")]
"""ISO 4217, e.g. ``EUR``."""
_Money = Annotated[int, msgspec.Meta(ge=0, le=INT64_MAX)]
"""An amount in minor units (cents)."""
_Day = Annotated[str, msgspec.Meta(pattern=r"^(\d{4}-\d{2}-\d{2})?$")]
"""A calendar date ``YYYY-MM-DD`` (empty: none)."""
_Epoch = Annotated[float, msgspec.Meta(ge=0, le=32503680000)]
"""Seconds since the epoch, before the year 3000."""
_FieldValue = Annotated[str, msgspec.Meta(max_length=2000)]
_Tag = Annotated[str, msgspec.Meta(min_length=1, max_length=40)]
_Title = Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
_Note = Annotated[str, msgspec.Meta(max_length=MAX_CLIENT_NOTES)]
_PageSize = Annotated[int, msgspec.Meta(ge=1, le=200)]
_Query = Annotated[str, msgspec.Meta(max_length=200)]
_PageCursor = Annotated[str, msgspec.Meta(max_length=500)]
_Minutes = Annotated[int, msgspec.Meta(ge=1, le=60 * 24 * 30)]


# ---------------------------------------------------------------- clients (R1)


class ClientInfo(msgspec.Struct, kw_only=True):
    """R1: a client: a visitor who chatted, left an offline message or gave contact details
    (several visitors when merged on the same e-mail or phone), or one an agent added.
    ``custom`` maps a custom field's id to its value (as text: see ``CustomField``);
    ``owner_id`` is the assigned agent (C5), None when nobody owns it."""

    id: int
    name: str = ""
    email: str = ""
    phone: str = ""
    company: str = ""
    notes: str = ""
    owner_id: int | None = None
    tags: list[str] = msgspec.field(default_factory=list)
    custom: dict[int, str] = msgspec.field(default_factory=dict)
    visitor_ids: list[int] = msgspec.field(default_factory=list)
    created_at: float
    updated_at: float


class ListClients(Frame):
    """R1: a page of clients, answered with ``client_page``. ``query`` finds clients by the
    start of any word of the name, e-mail, phone (digits), company or a text custom field;
    several words must all match. Filters: ``owner_id`` (0: nobody's), ``tag``, ``stage_id``
    (clients with a deal in that stage). ``after``: the ``next`` of the previous page."""

    id: RequestId
    query: _Query = ""
    sort: ClientSort = "name"
    descending: bool = False
    owner_id: Annotated[int, msgspec.Meta(ge=0, le=2**31 - 1)] | None = None
    tag: Annotated[str, msgspec.Meta(max_length=40)] = ""
    stage_id: DbId | None = None
    after: _PageCursor = ""
    limit: _PageSize = 50


class ClientPage(ListAnswer):
    id: int
    clients: list[ClientInfo]
    next: str = ""
    """Where the next page begins (empty: this is the last)."""


class TimelineItem(msgspec.Struct, kw_only=True):
    """R1: one entry of a client's card timeline, newest first. ``ref_id`` is the chat (open
    it in the archive), offline message, task, deal, log entry or call (P1: ``call`` holds
    it)."""

    kind: Literal["chat", "comment", "offline", "task", "deal", "log", "call"]
    ref_id: int
    ts: float
    text: str = ""
    chat_id: int | None = None
    author: str = ""
    action: Literal["", "created", "edit", "merge", "unmerge"] = ""
    """A ``log`` entry's change; ``field`` names the field (``name`` ... ``notes``,
    ``owner``, ``tags``, ``custom:<field id>``), ``text`` is "old → new"."""
    field: str = ""
    call: CallInfo | None = None


class GetClient(Frame):
    """R1: a client's card; answered with ``client_card``."""

    id: RequestId
    client_id: DbId


class ClientCard(ListAnswer):
    id: int
    client: ClientInfo
    timeline: list[TimelineItem]


class ClientForVisitor(Frame):
    """C6: the client of a chat's visitor (made now if it was none yet); answered with
    ``client_saved``. Any agent who may see the client."""

    id: RequestId
    visitor_id: DbId


class SaveClient(Frame, kw_only=True):
    """R1: add a client (no ``client_id``) or change the given fields of one, each field on its
    own (two agents editing different fields both keep theirs; the same field: the last write
    wins and the log keeps both). ``custom``: field id -> value ("" clears it).
    ``owner_id`` 0 clears the owner; an agent may only take a client or let it go, an admin
    assigns anyone (the owner is the assigned agent of C5). Answered with ``client_saved``."""

    id: RequestId
    client_id: DbId | None = None
    name: Short | None = None
    email: Short | None = None
    phone: Short | None = None
    company: Short | None = None
    notes: _Note | None = None
    owner_id: Annotated[int, msgspec.Meta(ge=0, le=2**31 - 1)] | None = None
    tags: Annotated[list[_Tag], msgspec.Meta(max_length=MAX_TAGS)] | None = None
    custom: Annotated[dict[DbId, _FieldValue], msgspec.Meta(max_length=MAX_CUSTOM_FIELDS)] = (
        msgspec.field(default_factory=dict)
    )


class ClientSaved(Frame):
    id: int
    client: ClientInfo


class ClientChanged(Frame):
    """Agents (R1): a client they may see was added or changed. ``merged_into``: it was
    merged into that client and is gone from the list."""

    client: ClientInfo
    merged_into: int | None = None


class MergeClients(Frame):
    """R1: merge ``from_id`` into ``into_id`` (per field the value written last wins; both are
    kept in the log); answered with ``client_saved``. Undone with ``unmerge_client``."""

    id: RequestId
    into_id: DbId
    from_id: DbId


class UnmergeClient(Frame):
    """R1: undo the latest merge into ``client_id`` (the merged client comes back with its
    visitors, tasks and deals; fields edited since stay); answered with ``client_saved`` (the
    client that came back)."""

    id: RequestId
    client_id: DbId


# ---------------------------------------------------------------- tasks (R2, C6)


class TaskInfo(msgspec.Struct, kw_only=True):
    """R2: a task: due at ``due_at``, for ``assignee_id``; with ``notify`` the assignee's app
    shows a reminder then (``task_due``). Linked to a client, a deal and/or a chat."""

    id: int
    title: str
    note: str = ""
    due_at: float
    assignee_id: int
    created_by: int
    notify: bool = True
    client_id: int | None = None
    deal_id: int | None = None
    chat_id: int | None = None
    done: bool = False
    client_name: str = ""
    created_at: float


class ListTasks(Frame):
    """R2: tasks, by due time; answered with ``task_list``. Admins see every task, agents
    their own (assigned to them or made by them). ``client_id`` narrows to one client."""

    id: RequestId
    client_id: DbId | None = None
    include_done: bool = False
    limit: _PageSize = 200


class TaskList(ListAnswer):
    id: int
    tasks: list[TaskInfo]


class SaveTask(Frame, kw_only=True):
    """R2/C6: add (no ``task_id``) or change a task; answered with ``task_saved``. A due time
    in the past is refused ``due_in_past`` unless ``allow_past`` (the app asks first).
    ``assignee_id`` None: the sender."""

    id: RequestId
    task_id: DbId | None = None
    title: _Title
    due_at: _Epoch
    assignee_id: DbId | None = None
    note: _Note = ""
    notify: bool = True
    client_id: DbId | None = None
    deal_id: DbId | None = None
    chat_id: DbId | None = None
    allow_past: bool = False


class TaskSaved(Frame):
    id: int
    task: TaskInfo


class CompleteTask(Frame):
    """R2: mark a task done (or open again); answered with ``task_saved``."""

    id: RequestId
    task_id: DbId
    done: bool = True


class SnoozeTask(Frame):
    """R2: the reminder's Snooze: remind again in ``minutes``; answered with ``task_saved``."""

    id: RequestId
    task_id: DbId
    minutes: _Minutes = 10


class DismissReminder(Frame):
    """R2: the reminder was seen (Open or closed); it is not shown again at the next sign-in.
    Answered with ``ok``."""

    id: RequestId
    task_id: DbId


class DeleteTask(Frame):
    id: RequestId
    task_id: DbId


class TaskChanged(Frame):
    """Agents (R2): a task they may see was added or changed."""

    task: TaskInfo


class TaskRemoved(Frame):
    task_id: int


class TaskDue(Frame):
    """The assignee (R2): a task's reminder is due; the app shows a toast with Open, Snooze
    and Done. Sent once when it fires, and again at sign-in until it is dismissed, snoozed or
    done."""

    task: TaskInfo


# ---------------------------------------------------------------- deals and funnels (R3, C6)


class StageInfo(msgspec.Struct, kw_only=True):
    """R3: a stage of a funnel; every funnel ends with one ``won`` and one ``lost`` stage.
    ``time_limit_hours`` (0: none): a deal in the stage longer than that is ``stale``."""

    id: int
    name: str
    kind: StageKind = "open"
    position: int = 0
    time_limit_hours: int = 0


class FunnelInfo(msgspec.Struct, kw_only=True):
    """R3/K4: a sales funnel ("Embudo de ventas"): its stages in order."""

    id: int
    name: str
    visibility: Visibility = "all"
    stages: list[StageInfo] = msgspec.field(default_factory=list)


class DealInfo(msgspec.Struct, kw_only=True):
    """R3: a deal ("Trato")."""

    id: int
    title: str
    client_id: int | None = None
    client_name: str = ""
    value_minor: int = 0
    currency: str = "EUR"
    owner_id: int | None = None
    funnel_id: int
    stage_id: int
    expected_close: str = ""
    lost_reason: str = ""
    stage_since: float
    """When it entered its stage."""
    stale: bool = False
    """It has been in its stage longer than the stage's time limit."""
    created_at: float
    updated_at: float


class CustomField(msgspec.Struct, kw_only=True):
    """K4: a client field defined by an admin. Values travel as text: ``number`` a decimal
    (``-12.5``), ``date`` ``YYYY-MM-DD``, ``list`` one of ``options``, ``checkbox`` ``1`` or
    empty, ``link`` an http(s) address."""

    id: int
    label: str
    kind: CustomFieldKind = "text"
    options: list[str] = msgspec.field(default_factory=list)
    position: int = 0


class GetCrmSettings(Frame):
    """R3/K4: funnels, custom fields and visibility; answered with ``crm_settings``. Every
    agent gets every funnel (its deals are filtered by the funnel's visibility)."""

    id: RequestId


class CrmSettings(ListAnswer):
    id: int
    funnels: list[FunnelInfo]
    fields: list[CustomField]
    clients_visibility: Visibility = "all"


class CrmSettingsChanged(Frame):
    """Agents (K4): an admin changed the CRM settings; the app asks ``get_crm_settings``
    (the settings are a list answer, which may come in parts)."""

    clients_visibility: Visibility = "all"


class StageEdit(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """K4: an open stage as an admin edits it (no ``stage_id``: a new stage)."""

    name: _Title
    stage_id: DbId | None = None
    time_limit_hours: Annotated[int, msgspec.Meta(ge=0, le=24 * 366)] = 0


class SaveFunnel(Frame, kw_only=True):
    """K4 (admins): add or change a funnel. ``stages``: its open stages in order (added,
    renamed, reordered); an open stage left out is deleted, refused ``in_use`` while deals
    are in it. ``won_name``/``lost_name`` rename the fixed ends. Answered with
    ``crm_settings``."""

    id: RequestId
    funnel_id: DbId | None = None
    name: _Title
    visibility: Visibility = "all"
    stages: Annotated[list[StageEdit], msgspec.Meta(min_length=1, max_length=MAX_STAGES)]
    won_name: Annotated[str, msgspec.Meta(max_length=200)] = ""
    lost_name: Annotated[str, msgspec.Meta(max_length=200)] = ""


class DeleteFunnel(Frame):
    """K4 (admins): delete a funnel; while it has deals, ``move_to_stage_id`` (a stage of
    another funnel) must say where they go, else it is refused ``in_use``. Answered with
    ``crm_settings``."""

    id: RequestId
    funnel_id: DbId
    move_to_stage_id: DbId | None = None


class SaveCustomField(Frame, kw_only=True):
    """K4 (admins): add or change a custom client field; answered with ``crm_settings``."""

    id: RequestId
    field_id: DbId | None = None
    label: _Title
    kind: CustomFieldKind = "text"
    options: Annotated[
        list[Annotated[str, msgspec.Meta(min_length=1, max_length=100)]],
        msgspec.Meta(max_length=50),
    ] = msgspec.field(default_factory=list)


class DeleteCustomField(Frame):
    """K4 (admins): delete a custom field and its values; answered with ``crm_settings``."""

    id: RequestId
    field_id: DbId


class SetCrmVisibility(Frame):
    """K4 (admins): whether agents see every client or only their own (and nobody's);
    answered with ``crm_settings``."""

    id: RequestId
    clients_visibility: Visibility


class ListDeals(Frame):
    """R3: the deals of a funnel the agent may see (a board or a list), by stage then
    newest first; answered with ``deal_list``. ``client_id`` narrows to one client (then
    ``funnel_id`` may be omitted)."""

    id: RequestId
    funnel_id: DbId | None = None
    client_id: DbId | None = None
    limit: Annotated[int, msgspec.Meta(ge=1, le=2000)] = 1000


class DealList(ListAnswer):
    id: int
    deals: list[DealInfo]


class SaveDeal(Frame, kw_only=True):
    """R3/C6: add (no ``deal_id``) or change a deal; answered with ``deal_saved``. A new deal
    without ``stage_id`` starts in the funnel's first stage; without ``owner_id`` it is the
    sender's."""

    id: RequestId
    deal_id: DbId | None = None
    title: _Title
    funnel_id: DbId
    stage_id: DbId | None = None
    client_id: DbId | None = None
    value_minor: _Money = 0
    currency: _Currency = "EUR"
    owner_id: DbId | None = None
    expected_close: _Day = ""
    lost_reason: Annotated[str, msgspec.Meta(max_length=500)] = ""


class MoveDeal(Frame):
    """R3: move a deal to another stage of its funnel (the board's drag); answered with
    ``deal_saved``."""

    id: RequestId
    deal_id: DbId
    stage_id: DbId
    lost_reason: Annotated[str, msgspec.Meta(max_length=500)] = ""


class DeleteDeal(Frame):
    id: RequestId
    deal_id: DbId


class DealSaved(Frame):
    id: int
    deal: DealInfo


class DealChanged(Frame):
    """Agents (R3): a deal they may see was added, changed or moved."""

    deal: DealInfo


class DealRemoved(Frame):
    deal_id: int
    funnel_id: int
