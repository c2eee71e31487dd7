"""Account administration on the relay (A2, A3, K1-K5): the admin requests, one's own
account, invitations with their set-password page, disabling (signed out at once everywhere),
and the working hours that decide whether visitors see the chat or the offline form.

A3: the admin requests are declared ``@serves(..., role="admin")``; the relay's dispatcher
(``server.core.frames``) first reads the sender's account from the database (so a role taken
away a moment ago counts), refuses anyone who is not an enabled admin, and leaves the row in
``session.account`` for the handler. No admin frame has another way in.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import msgspec
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from server import protocol as p
from server.account import agents as agents_repo
from server.account import auth, hours
from server.account import departments as departments_repo
from server.account import repo as account_repo
from server.account import sign_in as sign_in_repo
from server.account.mailer import Mailer, MailError
from server.core import bus as topics
from server.core.bus import Bus
from server.core.config import Settings
from server.core.executors import Saturated
from server.core.frames import serves
from server.store.db import read
from server.store.writer import GroupWriter

if TYPE_CHECKING:
    from server.core.connection import Conn
    from server.core.sessions import AgentSession

log = logging.getLogger(__name__)

MIN_PASSWORD = 8


def kick_topic(agent_id: int) -> str:
    """Publishing here closes every connection of the agent, on every node: ``""`` all of
    them, ``"keep:<session hash>"`` all but those of that session (a password change),
    ``"others:<session hash>"`` the same when the agent signs out everywhere else."""
    return f"kick:{agent_id}"


def normalise_origin(text: str) -> str | None:
    """``https://shop.example[:port]`` in a normal form, or None when ``text`` is not one."""
    parts = urlsplit(text.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        return None
    return f"{parts.scheme}://{parts.netloc.lower()}"


def _valid_email(email: str) -> bool:
    local, _, domain = email.partition("@")
    return bool(local) and "." in domain and " " not in email


class AccountService:
    def __init__(
        self,
        engine: AsyncEngine,
        writer: GroupWriter,
        bus: Bus,
        settings: Settings,
        *,
        status_of: Callable[[int], p.AgentStatus],
        base_url: Callable[[], str],
        on_open_changed: Callable[[], None],
    ) -> None:
        self.engine = engine
        self.writer = writer
        self.bus = bus
        self.settings = settings
        self.mailer = Mailer(settings)
        self._status_of = status_of
        self._base_url = base_url
        self._on_open_changed = on_open_changed
        self.hours = p.WorkingHours()
        self._open = True
        self._ticker: asyncio.Task[None] | None = None

    # -------------------------------------------------------------- lifecycle and hours

    async def start(self) -> None:
        self.hours = await read(self.engine, account_repo.working_hours)
        self._open = hours.is_open(self.hours)
        self._ticker = asyncio.create_task(self._tick(), name="working-hours")

    async def stop(self) -> None:
        if self._ticker is not None:
            self._ticker.cancel()
            try:
                await self._ticker
            except asyncio.CancelledError:
                pass

    def is_open(self) -> bool:
        """K5: inside the working hours (or none set)."""
        return self._open

    async def _tick(self) -> None:
        while True:
            await asyncio.sleep(self.settings.hours_check_interval)
            try:
                # Read again: an admin on another node may have changed them.
                self.hours = await read(self.engine, account_repo.working_hours)
            except Exception:
                log.exception("reading the working hours failed")
            self._recheck()

    async def prune(self) -> int:
        """Findings 4, 7: expired and revoked sessions and old sign-in failure counts are
        deleted (by the relay's retention run). Plain DELETEs: any number of nodes may run
        them."""
        s = self.settings
        gone = await self.writer.run(
            agents_repo.prune_sessions(s.session_max_age, s.session_idle_timeout)
        )
        await self.writer.run(sign_in_repo.prune(s.sign_in_window))
        if gone:
            log.info("pruned %s ended sessions", gone)
        return gone

    def _recheck(self) -> None:
        now_open = hours.is_open(self.hours)
        if now_open != self._open:
            self._open = now_open
            log.info("working hours: %s", "open" if now_open else "closed")
            self._on_open_changed()

    # -------------------------------------------------------------- kicks (finding 7)

    def watch(
        self, conn: Conn, agent_id: int, session_hash: str | None
    ) -> Callable[[str, int | None], None]:
        """Subscribe ``conn`` to its agent's kick topic; returns the handler to unsubscribe.
        ``session_hash``: the session the connection signed in with (None: an API token)."""

        def kick(text: str, _cursor: int | None) -> None:
            kind, _, keep = text.partition(":")
            if kind in ("keep", "others") and session_hash == keep:
                return  # the session that changed the password (or asked) stays signed in
            reason: p.SignOutReason = (
                "signed_out_elsewhere"
                if kind == "others"
                else "password_changed"
                if text
                else "account_disabled"
            )
            task = asyncio.get_running_loop().create_task(conn.close(p.CLOSE_SIGNED_OUT, reason))
            _background.add(task)
            task.add_done_callback(_background.discard)

        self.bus.subscribe(kick_topic(agent_id), kick)
        return kick

    def kick_others(self, agent_id: int, keep_hash: str) -> None:
        """A4: close the agent's connections of every session but ``keep_hash``, on every node."""
        self.bus.publish(kick_topic(agent_id), f"others:{keep_hash}")

    def unwatch(self, agent_id: int, kick: Callable[[str, int | None], None]) -> None:
        self.bus.unsubscribe(kick_topic(agent_id), kick)

    def _agent_info(self, row: Any) -> p.AgentInfo:
        return p.AgentInfo(
            id=row.id, name=row.name, email=row.email, role=row.role, status=self._status_of(row.id)
        )

    def _announce(self, row: Any, change: str) -> None:
        info = self._agent_info(row)
        if change == "disabled":
            info.status = "offline"
        self.bus.publish(topics.AGENTS, p.encode(p.AgentChanged(agent=info, change=change)))  # type: ignore[arg-type]

    # -------------------------------------------------------------- K1 channels

    @serves(p.ListSites, role="admin")
    async def list_sites(self, s: AgentSession, frame: p.ListSites) -> None:
        conn = s.conn
        conn.send(p.SitesList(id=frame.id, sites=await read(self.engine, account_repo.list_sites)))

    @serves(p.SaveSite, role="admin")
    async def save_site(self, s: AgentSession, frame: p.SaveSite) -> None:
        conn = s.conn
        if not frame.name.strip():
            raise p.FrameRejected("invalid", "the site needs a name")
        origins = []
        for text in frame.origins:
            origin = normalise_origin(text)
            if origin is None:
                raise p.FrameRejected("invalid", f"not an origin (https://host[:port]): {text}")
            origins.append(origin)
        frame.origins = list(dict.fromkeys(origins))
        site = await self.writer.run(account_repo.save_site(frame, auth.new_site_key()))
        conn.send(p.SiteSaved(id=frame.id, site=site))
        self.bus.publish(topics.SITE_SETTINGS, str(site.id))  # cached on every node (X4)

    # -------------------------------------------------------------- K2 teammates, A2

    @serves(p.ListTeammates, role="admin")
    async def list_teammates(self, s: AgentSession, frame: p.ListTeammates) -> None:
        conn = s.conn
        teammates = await read(self.engine, account_repo.list_teammates)
        conn.send(p.TeammatesList(id=frame.id, teammates=teammates))

    @serves(p.InviteAgent, role="admin")
    async def invite(self, s: AgentSession, frame: p.InviteAgent) -> None:
        conn, me = s.conn, s.account
        email = auth.normalise_email(frame.email)
        if not _valid_email(email):
            raise p.FrameRejected("invalid", f"not an e-mail address: {frame.email}")
        token = auth.new_token()
        unusable = await auth.hash_password_async(secrets.token_urlsafe(32))
        expires = time.time() + self.settings.invite_ttl_hours * 3600
        name = frame.name.strip() or email.split("@")[0]
        teammate, created = await self.writer.run(
            account_repo.invite_agent(
                email, name, frame.role, unusable, auth.token_hash(token), expires
            )
        )
        if created:
            row = await read(self.engine, account_repo.agent_by_id, teammate.id)
            self._announce(row, "added")
        # The token travels in the fragment: browsers never send it, so no log holds it.
        link = f"{self._base_url().rstrip('/')}/set-password#token={token}"
        if not self.mailer.configured:
            # The demo (no JIVO_RELAY_SMTP_HOST): the admin hands the link over instead. It
            # goes only to this admin's own connection, never to a log.
            log.info("invitation for %s: no SMTP server set, the link went to the admin", email)
            conn.send(
                p.TeammateSaved(
                    id=frame.id, teammate=teammate, mail="smtp_not_set", set_password_link=link
                )
            )
            return
        message = self.mailer.invitation(
            to=email,
            name=teammate.name,
            admin=me.name,
            role=teammate.role,
            link=link,
            relay_host=urlsplit(self._base_url()).hostname or "localhost",
        )
        try:
            await self.mailer.send(message)
        except MailError as exc:
            log.warning("invitation to %s not sent: %s", email, exc)
            raise p.FrameRejected(
                "mail_failed",
                f"the account exists but the e-mail was not sent ({exc}); invite again to retry",
            ) from None
        log.info("invitation sent to %s", email)
        conn.send(p.TeammateSaved(id=frame.id, teammate=teammate, mail="sent"))

    @serves(p.UpdateAgent, role="admin")
    async def update_agent(self, s: AgentSession, frame: p.UpdateAgent) -> None:
        conn, me = s.conn, s.account
        if frame.agent_id == me.id and (frame.disabled or frame.role == "agent"):
            raise p.FrameRejected("invalid", "you cannot disable yourself or drop your own role")
        before = await read(self.engine, account_repo.agent_by_id, frame.agent_id)
        if before is None:
            raise p.FrameRejected("not_found", "no such account")
        row = await self.writer.run(
            account_repo.update_agent(
                frame.agent_id, frame.role, frame.disabled, frame.chat_limit, frame.department_ids
            )
        )
        if frame.department_ids is not None:
            await self._announce_departments()
        if frame.disabled:
            self.bus.publish(kick_topic(row.id), "")
            self._announce(row, "disabled")
        elif before.disabled and frame.disabled is False:
            self._announce(row, "added")
        else:
            self._announce(row, "changed")
        teammate = await read(self.engine, account_repo.teammate_with_departments, row.id)
        conn.send(p.TeammateSaved(id=frame.id, teammate=teammate))

    # -------------------------------------------------------------- T4 departments

    @serves(p.SaveDepartment, role="admin")
    async def save_department(self, s: AgentSession, frame: p.SaveDepartment) -> None:
        conn = s.conn
        found = await self.writer.run(
            departments_repo.save_department(frame.department_id, frame.name)
        )
        conn.send(p.DepartmentsList(id=frame.id, departments=found))
        self.bus.publish(topics.AGENTS, p.encode(p.DepartmentsChanged(departments=found)))

    @serves(p.DeleteDepartment, role="admin")
    async def delete_department(self, s: AgentSession, frame: p.DeleteDepartment) -> None:
        conn = s.conn
        found = await self.writer.run(departments_repo.delete_department(frame.department_id))
        conn.send(p.DepartmentsList(id=frame.id, departments=found))
        self.bus.publish(topics.AGENTS, p.encode(p.DepartmentsChanged(departments=found)))

    async def _announce_departments(self) -> None:
        found = await read(self.engine, departments_repo.list_departments)
        self.bus.publish(topics.AGENTS, p.encode(p.DepartmentsChanged(departments=found)))

    async def set_password(self, conn: Conn, frame: p.SetPassword) -> None:
        """The set-password page's only frame (A2); the connection closes after the answer."""
        if len(frame.password) < MIN_PASSWORD:
            conn.error(
                p.FrameRejected("invalid", f"use at least {MIN_PASSWORD} characters", frame.id)
            )
            await conn.close(p.CLOSE_UNAUTHENTICATED, "password too short")
            return
        token_hash = auth.token_hash(frame.token)
        row = None
        # Look before hashing: a guessed token must not cost the relay an argon2 hash.
        if await read(self.engine, account_repo.password_token_usable, token_hash, time.time()):
            try:
                password_hash = await auth.hash_password_async(frame.password)
            except Saturated:
                conn.error(p.FrameRejected("busy", "the relay is busy: try again", frame.id))
                await conn.close(p.CLOSE_UNAUTHENTICATED, "busy")
                return
            row = await self.writer.run(
                account_repo.use_password_token(token_hash, password_hash, time.time())
            )
        if row is None:
            conn.error(
                p.FrameRejected(
                    "unauthenticated",
                    "this link has expired or was used already: ask your administrator for a "
                    "new invitation",
                    frame.id,
                )
            )
            await conn.close(p.CLOSE_UNAUTHENTICATED, "invalid link")
            return
        log.info("agent %s set a password", row.id)
        self.bus.publish(kick_topic(row.id), "")  # finding 7: its sessions were revoked too
        self._announce(row, "changed")
        conn.send(p.MyAccount(id=frame.id, name=row.name, email=row.email, timezone=row.timezone))
        await conn.close(1000, "password set")

    # -------------------------------------------------------------- K3 integrations

    @serves(p.ListWebhooks, role="admin")
    async def list_webhooks(self, s: AgentSession, frame: p.ListWebhooks) -> None:
        conn = s.conn
        hooks, deliveries = await read(self.engine, account_repo.list_webhooks)
        conn.send(p.WebhooksList(id=frame.id, webhooks=hooks, deliveries=deliveries))

    @serves(p.SaveWebhook, role="admin")
    async def save_webhook(self, s: AgentSession, frame: p.SaveWebhook) -> None:
        conn = s.conn
        parts = urlsplit(frame.url.strip())
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise p.FrameRejected("invalid", "the webhook needs an http(s) URL")
        if not frame.events:
            raise p.FrameRejected("invalid", "choose at least one event")
        secret = secrets.token_hex(24)
        hook = await self.writer.run(account_repo.save_webhook(frame, secret))
        shown = secret if frame.webhook_id is None else ""
        conn.send(p.WebhookSaved(id=frame.id, webhook=hook, secret=shown))

    @serves(p.DeleteWebhook, role="admin")
    async def delete_webhook(self, s: AgentSession, frame: p.DeleteWebhook) -> None:
        conn = s.conn
        await self.writer.run(account_repo.delete_webhook(frame.webhook_id))
        conn.send(p.Ok(id=frame.id))

    @serves(p.ListApiTokens, role="admin")
    async def list_tokens(self, s: AgentSession, frame: p.ListApiTokens) -> None:
        conn = s.conn
        tokens = await read(self.engine, account_repo.list_api_tokens)
        conn.send(p.ApiTokensList(id=frame.id, tokens=tokens))

    @serves(p.CreateApiToken, role="admin")
    async def create_token(self, s: AgentSession, frame: p.CreateApiToken) -> None:
        conn, me = s.conn, s.account
        if not frame.name.strip():
            raise p.FrameRejected("invalid", "name the token (what script uses it)")
        token = "jvt_" + auth.new_token()
        info = await self.writer.run(
            account_repo.create_api_token(me.id, frame.name.strip(), auth.token_hash(token))
        )
        conn.send(p.ApiTokenCreated(id=frame.id, token=token, info=info))

    @serves(p.RevokeApiToken, role="admin")
    async def revoke_token(self, s: AgentSession, frame: p.RevokeApiToken) -> None:
        conn = s.conn
        await self.writer.run(account_repo.revoke_api_token(frame.token_id))
        conn.send(p.Ok(id=frame.id))

    # -------------------------------------------------------------- K5 my account, hours

    def _my_account_frame(self, request_id: int, row: Any) -> p.MyAccount:
        return p.MyAccount(
            id=request_id,
            name=row.name,
            email=row.email,
            timezone=row.timezone,
            hours=self.hours if row.role == "admin" else None,
        )

    @serves(p.GetMyAccount, fresh_role=True)
    async def my_account(self, s: AgentSession, frame: p.GetMyAccount) -> None:
        conn, me = s.conn, s.account
        conn.send(self._my_account_frame(frame.id, me))

    @serves(p.SaveMyAccount, fresh_role=True)
    async def save_my_account(self, s: AgentSession, frame: p.SaveMyAccount) -> None:
        conn, me = s.conn, s.account
        name, email = frame.name.strip(), auth.normalise_email(frame.email)
        if not name:
            raise p.FrameRejected("invalid", "your name cannot be empty")
        if not _valid_email(email):
            raise p.FrameRejected("invalid", f"not an e-mail address: {frame.email}")
        if frame.timezone and not hours.valid_timezone(frame.timezone):
            raise p.FrameRejected("invalid", f"unknown time zone: {frame.timezone}")
        password_hash = None
        if frame.new_password:
            if not await auth.verify_password(me.password_hash, frame.old_password):
                raise p.FrameRejected("bad_credentials", "the current password is wrong")
            if len(frame.new_password) < MIN_PASSWORD:
                raise p.FrameRejected("invalid", f"use at least {MIN_PASSWORD} characters")
            password_hash = await auth.hash_password_async(frame.new_password)
        try:
            row = await self.writer.run(
                account_repo.save_profile(me.id, name, email, frame.timezone, password_hash)
            )
        except sa.exc.IntegrityError:
            raise p.FrameRejected("invalid", f"another account uses {email}") from None
        if password_hash is not None:
            # Finding 7: a new password ends every other session (a stolen token with it).
            keep = s.session_hash
            await self.writer.run(agents_repo.revoke_sessions(me.id, keep))
            self.bus.publish(kick_topic(me.id), f"keep:{keep or ''}")
        if (row.name, row.email) != (me.name, me.email):
            self._announce(row, "changed")
        conn.send(self._my_account_frame(frame.id, row))

    @serves(p.SaveWorkingHours, role="admin")
    async def save_hours(self, s: AgentSession, frame: p.SaveWorkingHours) -> None:
        conn, me = s.conn, s.account
        new = frame.hours
        if len(new.days) != 7:
            raise p.FrameRejected("invalid", "working hours need seven days, Monday first")
        if not hours.valid_timezone(new.timezone):
            raise p.FrameRejected("invalid", f"unknown time zone: {new.timezone}")
        await self.writer.run(account_repo.save_setting("working_hours", msgspec.to_builtins(new)))
        self.hours = new
        self._recheck()
        conn.send(self._my_account_frame(frame.id, me))


_background: set[asyncio.Task[None]] = set()
