"""The account's administration from the app (K1, K2, K3, K5): requests to the relay, which
checks the role itself (A3); the widgets only show what this service reports."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from jivo_desktop.net.errors import ConnectionLost, RelayError
from jivo_desktop.services.relay_errors import failure_text
from jivo_desktop.services.session import SessionService
from jivo_desktop.tasks import spawn
from server import protocol as p

log = logging.getLogger(__name__)

LANGUAGES = ("en", "es", "pt", "ru")
WEBHOOK_EVENTS = (
    "chat_accepted",
    "chat_finished",
    "offline_message",
    "client_updated",
    "deal_changed",
    "task_due",
    "call_event",
)


def http_base(relay_ws_url: str) -> str:
    """ws://host:port/ws -> http://host:port (where browsers fetch widget.js)."""
    base = relay_ws_url.removesuffix("/ws")
    for ws, http in (("wss://", "https://"), ("ws://", "http://")):
        if base.startswith(ws):
            return http + base[len(ws) :]
    return base


def snippet(base: str, site: p.SiteInfo) -> str:
    """K1: the tag a website pastes. No ``data-lang`` (B4): the widget speaks the visitor's
    browser language when it can, and the site's language (carried by the relay's welcome)
    only otherwise; ``data-lang`` would force one language on every visitor."""
    return f'<script src="{base}/widget.js" data-site="{site.key}" async></script>'


class AccountService(QObject):
    """Signals: ``sites_changed(list)``, ``team_changed(list)``,
    ``webhooks_changed(list, list)`` (webhooks, deliveries), ``tokens_changed(list)``,
    ``my_account_changed(object)`` (a MyAccount), ``secret_shown(str)`` (a webhook secret or
    API token, shown once), ``saved(str)`` and ``problem(str)`` (messages for the person),
    ``admin_changed(bool)``, ``invited(str, str)`` (the e-mail, and the set-password link
    when the relay could not e-mail it: no SMTP server), ``departments_changed(list)`` (T4)."""

    sites_changed = Signal(list)
    team_changed = Signal(list)
    webhooks_changed = Signal(list, list)
    tokens_changed = Signal(list)
    my_account_changed = Signal(object)
    secret_shown = Signal(str)
    saved = Signal(str)
    problem = Signal(str)
    admin_changed = Signal(bool)
    invited = Signal(str, str)
    departments_changed = Signal(list)

    def __init__(self, session: SessionService) -> None:
        super().__init__()
        self.session = session
        self.sites: list[p.SiteInfo] = []
        self.team: list[p.TeammateInfo] = []
        self.webhooks: list[p.WebhookInfo] = []
        self.deliveries: list[p.DeliveryInfo] = []
        self.tokens: list[p.ApiTokenInfo] = []
        self.me: p.MyAccount | None = None
        self.departments: list[p.DepartmentInfo] = []
        session.signed_in.connect(self._on_session_signed_in)
        session.frame_received.connect(self._on_session_frame_received)

    @property
    def is_admin(self) -> bool:
        agent = self.session.agent
        return agent is not None and agent.role == "admin"

    def widget_base(self) -> str:
        client = self.session.client
        return http_base(client.url) if client is not None else ""

    def snippet(self, site: p.SiteInfo) -> str:
        return snippet(self.widget_base(), site)

    # -------------------------------------------------------------- requests

    def _request(
        self,
        make: Callable[[int], p.Frame],
        then: Callable[[Any], None],
        what: str,
    ) -> None:
        spawn(self._run(make, then, what), what)

    async def _run(
        self, make: Callable[[int], p.Frame], then: Callable[[Any], None], what: str
    ) -> None:
        client = self.session.client
        if client is None:
            self.problem.emit(self.tr("Not connected to the relay."))
            return
        try:
            answer = await client.request(make)
        except RelayError as exc:
            self.problem.emit(self._relay_problem(exc))
            return
        except (ConnectionLost, TimeoutError):
            self.problem.emit(self.tr("The relay did not answer. Try again."))
            return
        then(answer)

    def _relay_problem(self, exc: RelayError) -> str:
        """The relay's refusal in the agent's language where its code says enough."""
        if exc.code == "mail_failed":
            return self.tr(
                "The account exists, but the invitation e-mail could not be sent. Check the "
                "relay's SMTP settings, then invite again to send a new link."
            )
        return failure_text(exc)

    def refresh(self) -> None:
        """Everything this agent may see: the own account, and for admins the rest."""
        self._request(lambda i: p.GetMyAccount(id=i), self._got_my_account, "my-account")
        if not self.is_admin:
            return
        self._request(lambda i: p.ListSites(id=i), self._got_sites, "list-sites")
        self._request(lambda i: p.ListTeammates(id=i), self._got_team, "list-team")
        self._request(lambda i: p.ListWebhooks(id=i), self._got_webhooks, "list-webhooks")
        self._request(lambda i: p.ListApiTokens(id=i), self._got_tokens, "list-tokens")

    def save_site(
        self,
        site_id: int | None,
        name: str,
        language: str,
        origins: list[str],
        enabled: bool = True,
        *,
        routing: dict[str, Any] | None = None,
    ) -> None:
        """``routing`` (K1, T4, P2): any of routing_rule, chat_limit, offer_timeout,
        sneak_peek, department_ids, callbacks, phone_country; what it leaves out the site
        keeps."""

        def done(answer: p.SiteSaved) -> None:
            self.sites = [s for s in self.sites if s.id != answer.site.id] + [answer.site]
            self.sites.sort(key=lambda s: s.id)
            self.sites_changed.emit(self.sites)
            self.saved.emit(self.tr("Site saved."))

        self._request(
            lambda i: p.SaveSite(
                id=i, site_id=site_id, name=name, language=language,  # type: ignore[arg-type]
                origins=origins, enabled=enabled, **(routing or {}),
            ),
            done,
            "save-site",
        )  # fmt: skip

    def invite(self, email: str, name: str, role: str) -> None:
        def done(answer: p.TeammateSaved) -> None:
            self._upsert_teammate(answer.teammate)
            if answer.mail == "smtp_not_set":
                # The demo: no e-mail went out; the admin hands the link over.
                self.saved.emit(
                    self.tr(
                        "No e-mail was sent: the relay has no SMTP server set "
                        "(JIVO_RELAY_SMTP_HOST). Give {0} this link to set a password; "
                        "it works once."
                    ).format(answer.teammate.email)
                )
            else:
                self.saved.emit(self.tr("Invitation sent to {0}.").format(answer.teammate.email))
            self.invited.emit(answer.teammate.email, answer.set_password_link)

        self._request(
            lambda i: p.InviteAgent(id=i, email=email, name=name, role=role),  # type: ignore[arg-type]
            done,
            "invite",
        )

    def update_agent(
        self,
        agent_id: int,
        *,
        role: str | None = None,
        disabled: bool | None = None,
        chat_limit: int | None = None,
        department_ids: list[int] | None = None,
    ) -> None:
        """K2, T3: role, disabling, the agent's own chat limit and departments (T4)."""

        def done(answer: p.TeammateSaved) -> None:
            self._upsert_teammate(answer.teammate)
            self.saved.emit(self.tr("Saved."))

        self._request(
            lambda i: p.UpdateAgent(
                id=i, agent_id=agent_id, role=role, disabled=disabled,  # type: ignore[arg-type]
                chat_limit=chat_limit, department_ids=department_ids,
            ),
            done,
            "update-agent",
        )  # fmt: skip

    def delete_department(self, department_id: int) -> None:
        """T4: remove a department (its agents and sites lose it)."""

        def done(_answer: p.DepartmentsList) -> None:
            self.saved.emit(self.tr("Department removed."))

        self._request(
            lambda i: p.DeleteDepartment(id=i, department_id=department_id),
            done,
            "delete-department",
        )

    def save_department(self, name: str, department_id: int | None = None) -> None:
        """T4: add (or rename) a department; every app gets the new list."""

        def done(_answer: p.DepartmentsList) -> None:
            self.saved.emit(self.tr("Department saved."))

        self._request(
            lambda i: p.SaveDepartment(id=i, name=name, department_id=department_id),
            done,
            "save-department",
        )

    def save_webhook(self, url: str, events: list[str], webhook_id: int | None = None) -> None:
        def done(answer: p.WebhookSaved) -> None:
            if answer.secret:
                self.secret_shown.emit(answer.secret)
            self._request(lambda i: p.ListWebhooks(id=i), self._got_webhooks, "list-webhooks")

        self._request(
            lambda i: p.SaveWebhook(id=i, url=url, events=events, webhook_id=webhook_id),  # type: ignore[arg-type]
            done,
            "save-webhook",
        )

    def delete_webhook(self, webhook_id: int) -> None:
        self._request(
            lambda i: p.DeleteWebhook(id=i, webhook_id=webhook_id),
            lambda _a: self._request(
                lambda i: p.ListWebhooks(id=i), self._got_webhooks, "list-webhooks"
            ),
            "delete-webhook",
        )

    def refresh_webhooks(self) -> None:
        self._request(lambda i: p.ListWebhooks(id=i), self._got_webhooks, "list-webhooks")

    def create_token(self, name: str) -> None:
        def done(answer: p.ApiTokenCreated) -> None:
            self.tokens.append(answer.info)
            self.tokens_changed.emit(self.tokens)
            self.secret_shown.emit(answer.token)

        self._request(lambda i: p.CreateApiToken(id=i, name=name), done, "create-token")

    def revoke_token(self, token_id: int) -> None:
        self._request(
            lambda i: p.RevokeApiToken(id=i, token_id=token_id),
            lambda _a: self._request(
                lambda i: p.ListApiTokens(id=i), self._got_tokens, "list-tokens"
            ),
            "revoke-token",
        )

    def save_my_account(
        self, name: str, email: str, timezone: str, old_password: str = "", new_password: str = ""
    ) -> None:
        def done(answer: p.MyAccount) -> None:
            self._got_my_account(answer)
            self.saved.emit(
                self.tr("Password changed.") if new_password else self.tr("Account saved.")
            )

        self._request(
            lambda i: p.SaveMyAccount(
                id=i, name=name, email=email, timezone=timezone,
                old_password=old_password, new_password=new_password,
            ),
            done,
            "save-my-account",
        )  # fmt: skip

    def sign_out_others(self) -> None:
        """A4: end every other session of this agent (another computer, a browser left open)."""
        self._request(
            lambda i: p.SignOutOthers(id=i),
            lambda _ok: self.saved.emit(self.tr("Signed out on every other device.")),
            "sign-out-others",
        )

    def save_hours(self, hours: p.WorkingHours) -> None:
        def done(answer: p.MyAccount) -> None:
            self._got_my_account(answer)
            self.saved.emit(self.tr("Working hours saved."))

        self._request(lambda i: p.SaveWorkingHours(id=i, hours=hours), done, "save-hours")

    # -------------------------------------------------------------- answers and pushes

    def _got_sites(self, answer: p.SitesList) -> None:
        self.sites = answer.sites
        self.sites_changed.emit(self.sites)

    def _got_team(self, answer: p.TeammatesList) -> None:
        self.team = answer.teammates
        self.team_changed.emit(self.team)

    def _got_webhooks(self, answer: p.WebhooksList) -> None:
        self.webhooks, self.deliveries = answer.webhooks, answer.deliveries
        self.webhooks_changed.emit(self.webhooks, self.deliveries)

    def _got_tokens(self, answer: p.ApiTokensList) -> None:
        self.tokens = answer.tokens
        self.tokens_changed.emit(self.tokens)

    def _got_my_account(self, answer: p.MyAccount) -> None:
        self.me = answer
        self.my_account_changed.emit(answer)

    def _upsert_teammate(self, mate: p.TeammateInfo) -> None:
        self.team = [t for t in self.team if t.id != mate.id] + [mate]
        self.team.sort(key=lambda t: (t.disabled, t.name.lower()))
        self.team_changed.emit(self.team)

    def _on_session_signed_in(self, welcome: object) -> None:
        if isinstance(welcome, p.Welcome):
            self.departments = list(welcome.departments)
            self.departments_changed.emit(self.departments)
        self.admin_changed.emit(self.is_admin)
        self.refresh()

    def _on_session_frame_received(self, frame: p.Frame) -> None:
        if isinstance(frame, p.DepartmentsChanged):
            self.departments = list(frame.departments)
            self.departments_changed.emit(self.departments)
            return
        if not isinstance(frame, p.AgentChanged):
            return
        me = self.session.agent
        if me is not None and frame.agent.id == me.id:
            was_admin = self.is_admin
            me.role, me.name, me.email = frame.agent.role, frame.agent.name, frame.agent.email
            if was_admin != self.is_admin:
                self.admin_changed.emit(self.is_admin)
                self.refresh()
        if self.is_admin:
            self._request(lambda i: p.ListTeammates(id=i), self._got_team, "list-team")
