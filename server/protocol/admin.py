"""Account administration: sites, teammates, departments, webhooks and API tokens (K1-K4).

Admins manage the account's websites and their routing (K1), the teammates (K2, T3), the
departments (T4), outgoing webhooks and API tokens for scripts (K3). Which of these only
admins may send is declared by the relay's handlers (``@serves(..., role="admin")``, A3).
"""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec

from .base import ChatLimit, DbId, Frame, IdList, ListAnswer, RequestId, Short, Url
from .structs import AgentInfo, DepartmentInfo

__all__ = [
    "AgentChanged",
    "ApiTokenCreated",
    "ApiTokenInfo",
    "ApiTokensList",
    "CreateApiToken",
    "DeleteDepartment",
    "DeleteWebhook",
    "DeliveryInfo",
    "DepartmentsChanged",
    "DepartmentsList",
    "InviteAgent",
    "Language",
    "ListApiTokens",
    "ListSites",
    "ListTeammates",
    "ListWebhooks",
    "RevokeApiToken",
    "RoutingRule",
    "SaveDepartment",
    "SaveSite",
    "SaveWebhook",
    "SiteInfo",
    "SiteSaved",
    "SitesList",
    "TeammateInfo",
    "TeammateSaved",
    "TeammatesList",
    "UpdateAgent",
    "WebhookEvent",
    "WebhookInfo",
    "WebhookSaved",
    "WebhooksList",
]


Language = Literal["en", "es", "pt", "ru"]
WebhookEvent = Literal[
    "chat_accepted",
    "chat_finished",
    "offline_message",
    "client_updated",
    "deal_changed",
    "task_due",
    "call_event",
]
RoutingRule = Literal["least_busy", "all"]
"""How a site's new chat is first offered (N3): ``least_busy`` (the default) to one agent, the
client's assigned agent or the least busy one, and to every online agent on its Ignore; ``all``
to every online agent at once."""


# ---------------------------------------------------------------- sites (K1)


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
    callbacks: bool = False
    """P2: the widget offers a callback form (a phone button)."""
    phone_country: str = ""
    """P2: the ISO country a callback number without ``+`` is read in (empty: from the
    site's language: es ES, pt BR, ru RU, en US)."""


class ListSites(Frame):
    """Admin (K1): the websites; answered with ``sites_list``."""

    id: RequestId


class SitesList(ListAnswer):
    id: int
    sites: list[SiteInfo]


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
    callbacks: bool | None = None
    phone_country: Annotated[str, msgspec.Meta(pattern=r"^([A-Z]{2})?$")] | None = None


class SiteSaved(Frame):
    id: int
    site: SiteInfo


# ---------------------------------------------------------------- teammates (K2)


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


class ListTeammates(Frame):
    """Admin (K2): every account, disabled ones too; answered with ``teammates_list``."""

    id: RequestId


class TeammatesList(ListAnswer):
    id: int
    teammates: list[TeammateInfo]


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


class TeammateSaved(Frame):
    """An invitation's answer says what became of the e-mail in ``mail``: ``sent``, or
    ``smtp_not_set`` (the relay has no SMTP server, as in the demo): then
    ``set_password_link`` is the link for the admin to hand to the colleague. Empty for an
    ``update_agent`` answer."""

    id: int
    teammate: TeammateInfo
    mail: Literal["", "sent", "smtp_not_set"] = ""
    set_password_link: str = ""


class AgentChanged(Frame):
    """Agents: an account was added, changed (name, role) or disabled (K2)."""

    agent: AgentInfo
    change: Literal["added", "changed", "disabled"]


# ---------------------------------------------------------------- departments (T4)


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


class DepartmentsList(ListAnswer):
    """Answer to ``save_department`` / ``delete_department``: every department."""

    id: int
    departments: list[DepartmentInfo]


class DepartmentsChanged(Frame):
    """Agents (T4): the departments or their agents changed; the whole list."""

    departments: list[DepartmentInfo]


# ---------------------------------------------------------------- webhooks (K3)


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


class ListWebhooks(Frame):
    """Admin (K3): webhooks and their latest deliveries; answered with ``webhooks_list``."""

    id: RequestId


class WebhooksList(ListAnswer):
    id: int
    webhooks: list[WebhookInfo]
    deliveries: list[DeliveryInfo]


class SaveWebhook(Frame):
    """Admin (K3): add (``webhook_id`` null; the answer carries the secret, once) or change."""

    id: RequestId
    url: Url
    events: list[WebhookEvent]
    enabled: bool = True
    webhook_id: DbId | None = None


class WebhookSaved(Frame):
    """``secret`` (for checking the ``X-Jivo-Signature`` header) only when it was made now."""

    id: int
    webhook: WebhookInfo
    secret: str = ""


class DeleteWebhook(Frame):
    id: RequestId
    webhook_id: DbId


# ---------------------------------------------------------------- API tokens (K3)


class ApiTokenInfo(msgspec.Struct, kw_only=True):
    """K3: an API token for scripts (the token itself is shown once)."""

    id: int
    name: str
    created_at: float
    revoked: bool = False


class ListApiTokens(Frame):
    """Admin (K3): answered with ``api_tokens_list``."""

    id: RequestId


class ApiTokensList(ListAnswer):
    id: int
    tokens: list[ApiTokenInfo]


class CreateApiToken(Frame):
    """Admin (K3): a token for scripts, shown once in ``api_token_created``. A script sends it
    in ``authenticate`` and acts as the admin who made it (see docs/admin.md)."""

    id: RequestId
    name: Short


class ApiTokenCreated(Frame):
    """The token, shown once: only its hash is stored."""

    id: int
    token: str
    info: ApiTokenInfo


class RevokeApiToken(Frame):
    id: RequestId
    token_id: DbId
