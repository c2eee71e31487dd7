"""Queries and writes of account administration (A2, A3, K1-K5) (rules: :mod:`server.store`):
synchronous functions of a ``Connection``; writes return a ``Write`` for the group writer."""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from typing import Any

import msgspec
import sqlalchemy as sa
from sqlalchemy import Connection

from server import protocol as p
from server.account import departments as departments_repo
from server.integrations import hooks
from server.store.schema import (
    account_settings,
    agent_sessions,
    agents,
    api_tokens,
    password_tokens,
    sites,
    webhook_deliveries,
    webhooks,
)
from server.store.writer import Write

DELIVERY_LOG = 50
"""Deliveries shown in the app's log."""


# ---------------------------------------------------------------- conversions


def site_info(row: Any) -> p.SiteInfo:
    origins = [o for o in str(row.allowed_origins).split("\n") if o.strip()]
    language = row.language if row.language in ("en", "es", "pt", "ru") else "en"
    return p.SiteInfo(
        id=row.id,
        key=row.key,
        name=row.name,
        language=language,  # type: ignore[arg-type]
        origins=origins,
        enabled=bool(row.enabled),
        routing_rule=row.routing_rule
        if row.routing_rule in ("all", "least_busy")
        else "least_busy",
        chat_limit=int(row.chat_limit),
        offer_timeout=float(row.offer_timeout),
        sneak_peek=bool(row.sneak_peek),
        callbacks=bool(row.callbacks),
        phone_country=str(row.phone_country or ""),
    )


def teammate_info(row: Any) -> p.TeammateInfo:
    return p.TeammateInfo(
        id=row.id,
        name=row.name,
        email=row.email,
        role=row.role,
        disabled=bool(row.disabled),
        invited=bool(row.invited),
        chat_limit=int(row.chat_limit or 0),
    )


def webhook_info(row: Any) -> p.WebhookInfo:
    events = [e for e in str(row.events).split(",") if e]
    return p.WebhookInfo(id=row.id, url=row.url, events=events, enabled=bool(row.enabled))  # type: ignore[arg-type]


def delivery_info(row: Any) -> p.DeliveryInfo:
    return p.DeliveryInfo(
        id=row.id,
        webhook_id=row.webhook_id,
        event=row.event,
        status=row.status,
        attempts=row.attempts,
        last_status=row.last_status,
        last_error=row.last_error,
        created_at=row.created_at,
    )


# ---------------------------------------------------------------- reads


def agent_by_id(conn: Connection, agent_id: int) -> Any:
    return conn.execute(sa.select(agents).where(agents.c.id == agent_id)).first()


def agent_by_api_token(conn: Connection, token_hash: str) -> Any:
    """K3: the admin a script's token acts as (None when revoked or no longer an admin)."""
    query = (
        sa.select(agents)
        .join(api_tokens, api_tokens.c.agent_id == agents.c.id)
        .where(
            api_tokens.c.token_hash == token_hash,
            api_tokens.c.revoked.is_(False),
            agents.c.role == "admin",
        )
    )
    return conn.execute(query).first()


def password_token_usable(conn: Connection, token_hash: str, now: float) -> bool:
    query = sa.select(password_tokens.c.id).where(
        password_tokens.c.token_hash == token_hash,
        password_tokens.c.used.is_(False),
        password_tokens.c.expires_at >= now,
    )
    return conn.execute(query).first() is not None


def list_sites(conn: Connection) -> list[p.SiteInfo]:
    found = [site_info(r) for r in conn.execute(sa.select(sites).order_by(sites.c.id))]
    for site in found:
        site.department_ids = departments_repo.site_department_ids(conn, site.id)  # T4
    return found


def list_teammates(conn: Connection) -> list[p.TeammateInfo]:
    query = sa.select(agents).order_by(agents.c.disabled, sa.func.lower(agents.c.name))
    found = [teammate_info(r) for r in conn.execute(query)]
    for mate in found:
        mate.department_ids = departments_repo.agent_department_ids(conn, mate.id)  # T4
    return found


def teammate_with_departments(conn: Connection, agent_id: int) -> p.TeammateInfo:
    mate = teammate_info(agent_by_id(conn, agent_id))
    mate.department_ids = departments_repo.agent_department_ids(conn, agent_id)
    return mate


def list_webhooks(conn: Connection) -> tuple[list[p.WebhookInfo], list[p.DeliveryInfo]]:
    hooks = [webhook_info(r) for r in conn.execute(sa.select(webhooks).order_by(webhooks.c.id))]
    query = sa.select(webhook_deliveries).order_by(webhook_deliveries.c.id.desc())
    deliveries = [delivery_info(r) for r in conn.execute(query.limit(DELIVERY_LOG))]
    return hooks, deliveries


webhooks_for = hooks.webhooks_for


def list_api_tokens(conn: Connection) -> list[p.ApiTokenInfo]:
    query = sa.select(api_tokens).order_by(api_tokens.c.id)
    return [
        p.ApiTokenInfo(id=r.id, name=r.name, created_at=r.created_at, revoked=bool(r.revoked))
        for r in conn.execute(query)
    ]


def setting(conn: Connection, key: str) -> Any:
    value = conn.execute(
        sa.select(account_settings.c.value).where(account_settings.c.key == key)
    ).scalar()
    return json.loads(value) if value is not None else None


def working_hours(conn: Connection) -> p.WorkingHours:
    raw = setting(conn, "working_hours")
    if raw is None:
        return p.WorkingHours()
    try:
        return msgspec.convert(raw, p.WorkingHours)
    except msgspec.ValidationError:
        return p.WorkingHours()


def due_deliveries(
    conn: Connection, now: float, limit: int = 20, skip_webhooks: Sequence[int] = ()
) -> Sequence[Any]:
    """Due rows, leaving out the webhooks whose POSTs are all taken (finding 5)."""
    query = (
        sa.select(webhook_deliveries, webhooks.c.url, webhooks.c.secret)
        .join(webhooks, webhooks.c.id == webhook_deliveries.c.webhook_id)
        .where(
            webhook_deliveries.c.status == "pending",
            webhook_deliveries.c.next_at <= now,
            webhook_deliveries.c.webhook_id.not_in(list(skip_webhooks)),
        )
        .order_by(webhook_deliveries.c.next_at)
        .limit(limit)
    )
    return conn.execute(query).all()


def next_delivery_at(conn: Connection) -> float | None:
    query = sa.select(sa.func.min(webhook_deliveries.c.next_at)).where(
        webhook_deliveries.c.status == "pending"
    )
    value = conn.execute(query).scalar()
    return float(value) if value is not None else None


# ---------------------------------------------------------------- writes: sites and agents


def save_site(frame: p.SaveSite, new_key: str) -> Write[p.SiteInfo]:
    def write(conn: Connection) -> p.SiteInfo:
        values: dict[str, Any] = dict(
            name=frame.name.strip(),
            language=frame.language,
            allowed_origins="\n".join(frame.origins),
            enabled=frame.enabled,
        )
        # K1: the routing settings, kept when the frame leaves them out.
        if frame.routing_rule is not None:
            values["routing_rule"] = frame.routing_rule
        if frame.chat_limit is not None:
            values["chat_limit"] = frame.chat_limit
        if frame.offer_timeout is not None:
            values["offer_timeout"] = frame.offer_timeout
        if frame.sneak_peek is not None:
            values["sneak_peek"] = frame.sneak_peek
        if frame.callbacks is not None:  # P2
            values["callbacks"] = frame.callbacks
        if frame.phone_country is not None:
            values["phone_country"] = frame.phone_country
        if frame.site_id is None:
            values.update(key=new_key, created_at=time.time())
            site_id = conn.execute(sa.insert(sites).values(**values).returning(sites.c.id)).scalar()
        else:
            site_id = conn.execute(
                sa.update(sites).where(sites.c.id == frame.site_id).values(**values)
                .returning(sites.c.id)
            ).scalar()  # fmt: skip
            if site_id is None:
                raise p.FrameRejected("not_found", "no such site")
        assert site_id is not None
        if frame.department_ids is not None:
            departments_repo.set_site_departments(conn, int(site_id), frame.department_ids)
        row = conn.execute(sa.select(sites).where(sites.c.id == site_id)).one()
        site = site_info(row)
        site.department_ids = departments_repo.site_department_ids(conn, site.id)
        return site

    return write


def invite_agent(
    email: str, name: str, role: str, unusable_hash: str, token_hash: str, expires_at: float
) -> Write[tuple[p.TeammateInfo, bool]]:
    """Create an invited account with a one-time token, or give a still-invited one a new
    token. Returns the teammate and whether it is new."""

    def write(conn: Connection) -> tuple[p.TeammateInfo, bool]:
        now = time.time()
        row = conn.execute(sa.select(agents).where(agents.c.email == email)).first()
        created = row is None
        if row is None:
            agent_id = conn.execute(
                sa.insert(agents)
                .values(email=email, name=name, password_hash=unusable_hash, role=role,
                        invited=True, created_at=now)
                .returning(agents.c.id)
            ).scalar_one()  # fmt: skip
        elif row.invited and not row.disabled:
            agent_id = row.id
            conn.execute(
                sa.update(password_tokens)
                .where(password_tokens.c.agent_id == agent_id)
                .values(used=True)
            )
        else:
            raise p.FrameRejected("invalid", f"an account with the e-mail {email} exists already")
        conn.execute(
            sa.insert(password_tokens).values(
                agent_id=agent_id, token_hash=token_hash, expires_at=expires_at, created_at=now
            )
        )
        return teammate_info(agent_by_id(conn, agent_id)), created

    return write


def use_password_token(token_hash: str, password_hash: str, now: float) -> Write[Any]:
    """A2: set the password with a one-time token; returns the agent row, or None when the
    token is unknown, used, expired, or its account disabled."""

    def write(conn: Connection) -> Any:
        token = conn.execute(
            sa.select(password_tokens).where(password_tokens.c.token_hash == token_hash)
        ).first()
        if token is None or token.used or token.expires_at < now:
            return None
        agent = agent_by_id(conn, token.agent_id)
        if agent is None or agent.disabled:
            return None
        conn.execute(
            sa.update(password_tokens).where(password_tokens.c.id == token.id).values(used=True)
        )
        conn.execute(
            sa.update(agents)
            .where(agents.c.id == agent.id)
            .values(password_hash=password_hash, invited=False)
        )
        # Finding 7: a password set from a link ends every session of the account.
        conn.execute(
            sa.update(agent_sessions)
            .where(agent_sessions.c.agent_id == agent.id)
            .values(revoked=True)
        )
        return agent_by_id(conn, agent.id)

    return write


def update_agent(
    agent_id: int,
    role: str | None,
    disabled: bool | None,
    chat_limit: int | None = None,
    department_ids: Sequence[int] | None = None,
) -> Write[Any]:
    """K2: role and disabling. Disabling revokes every session and API token at once. T3: the
    agent's own chat limit and (T4) departments."""

    def write(conn: Connection) -> Any:
        values: dict[str, Any] = {}
        if role is not None:
            values["role"] = role
        if disabled is not None:
            values["disabled"] = disabled
        if chat_limit is not None:
            values["chat_limit"] = chat_limit
        if department_ids is not None:
            departments_repo.set_agent_departments(conn, agent_id, department_ids)
        if values:
            conn.execute(sa.update(agents).where(agents.c.id == agent_id).values(**values))
        if disabled:
            conn.execute(
                sa.update(agent_sessions)
                .where(agent_sessions.c.agent_id == agent_id)
                .values(revoked=True)
            )
        if disabled or role == "agent":
            conn.execute(
                sa.update(api_tokens).where(api_tokens.c.agent_id == agent_id).values(revoked=True)
            )
        return agent_by_id(conn, agent_id)

    return write


def save_profile(
    agent_id: int, name: str, email: str, timezone: str, password_hash: str | None
) -> Write[Any]:
    def write(conn: Connection) -> Any:
        values: dict[str, Any] = dict(name=name, email=email, timezone=timezone)
        if password_hash is not None:
            values["password_hash"] = password_hash
        conn.execute(sa.update(agents).where(agents.c.id == agent_id).values(**values))
        return agent_by_id(conn, agent_id)

    return write


# ---------------------------------------------------------------- writes: integrations


def save_webhook(frame: p.SaveWebhook, secret: str) -> Write[p.WebhookInfo]:
    def write(conn: Connection) -> p.WebhookInfo:
        values: dict[str, Any] = dict(
            url=frame.url.strip(), events=",".join(dict.fromkeys(frame.events)),
            enabled=frame.enabled,
        )  # fmt: skip
        if frame.webhook_id is None:
            values.update(secret=secret, created_at=time.time())
            hook_id = conn.execute(
                sa.insert(webhooks).values(**values).returning(webhooks.c.id)
            ).scalar()
        else:
            hook_id = conn.execute(
                sa.update(webhooks).where(webhooks.c.id == frame.webhook_id).values(**values)
                .returning(webhooks.c.id)
            ).scalar()  # fmt: skip
            if hook_id is None:
                raise p.FrameRejected("not_found", "no such webhook")
        return webhook_info(conn.execute(sa.select(webhooks).where(webhooks.c.id == hook_id)).one())

    return write


def delete_webhook(webhook_id: int) -> Write[None]:
    def write(conn: Connection) -> None:
        conn.execute(
            sa.delete(webhook_deliveries).where(webhook_deliveries.c.webhook_id == webhook_id)
        )
        if conn.execute(sa.delete(webhooks).where(webhooks.c.id == webhook_id)).rowcount == 0:
            raise p.FrameRejected("not_found", "no such webhook")

    return write


def claim_delivery(delivery_id: int, seen_next_at: float, lease_until: float) -> Write[bool]:
    """Take a due delivery for this node (another node that read it too gets False)."""

    def write(conn: Connection) -> bool:
        result = conn.execute(
            sa.update(webhook_deliveries)
            .where(
                webhook_deliveries.c.id == delivery_id,
                webhook_deliveries.c.status == "pending",
                webhook_deliveries.c.next_at == seen_next_at,
            )
            .values(next_at=lease_until)
        )
        return result.rowcount == 1

    return write


def delivery_result(
    delivery_id: int, status: str, attempts: int, next_at: float, code: int, error: str
) -> Write[None]:
    def write(conn: Connection) -> None:
        conn.execute(
            sa.update(webhook_deliveries)
            .where(webhook_deliveries.c.id == delivery_id)
            .values(
                status=status,
                attempts=attempts,
                next_at=next_at,
                last_status=code,
                last_error=error[:500],
            )
        )

    return write


def create_api_token(agent_id: int, name: str, token_hash: str) -> Write[p.ApiTokenInfo]:
    def write(conn: Connection) -> p.ApiTokenInfo:
        now = time.time()
        token_id = conn.execute(
            sa.insert(api_tokens)
            .values(agent_id=agent_id, name=name, token_hash=token_hash, created_at=now)
            .returning(api_tokens.c.id)
        ).scalar_one()
        return p.ApiTokenInfo(id=token_id, name=name, created_at=now)

    return write


def revoke_api_token(token_id: int) -> Write[None]:
    def write(conn: Connection) -> None:
        result = conn.execute(
            sa.update(api_tokens).where(api_tokens.c.id == token_id).values(revoked=True)
        )
        if result.rowcount == 0:
            raise p.FrameRejected("not_found", "no such token")

    return write


def save_setting(key: str, value: Any) -> Write[None]:
    def write(conn: Connection) -> None:
        text = json.dumps(value)
        updated = conn.execute(
            sa.update(account_settings).where(account_settings.c.key == key).values(value=text)
        )
        if updated.rowcount == 0:
            conn.execute(sa.insert(account_settings).values(key=key, value=text))

    return write
