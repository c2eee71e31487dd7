"""Visitors: their tokens, page views, visits (V1, C4), contact details, the offline form's
messages as stored, and the automatic invitation rules (V3).

Synchronous functions on a ``Connection``; writes are returned as a ``Write`` for the group
writer.
"""

from __future__ import annotations

import time
from typing import Any

import msgspec
import sqlalchemy as sa
from sqlalchemy import Connection

from server import protocol as p
from server.crm import intake
from server.integrations import hooks
from server.stats import log as stats_log
from server.store.schema import (
    invitation_rules,
    offline_messages,
    page_views,
    sites,
    visitors,
)
from server.store.writer import Write
from server.visitors.geo import city_names_of


def visitor_by_token(conn: Connection, site_id: int, token_hash: str) -> Any:
    query = sa.select(visitors).where(
        visitors.c.token_hash == token_hash, visitors.c.site_id == site_id
    )
    return (conn.execute(query)).first()


# ---------------------------------------------------------------- writes: visitors


def create_visitor(site_id: int, token_hash: str, ip: str, url: str, title: str) -> Write[int]:
    def write(conn: Connection) -> int:
        now = time.time()
        values = dict(
            site_id=site_id,
            token_hash=token_hash,
            ip=ip,
            page_url=url,
            page_title=title,
            created_at=now,
            last_seen_at=now,
        )
        result = conn.execute(sa.insert(visitors).values(**values).returning(visitors.c.id))
        return int(result.scalar_one())

    return write


def touch_visitor(visitor_id: int, ip: str, url: str, title: str) -> Write[None]:
    def write(conn: Connection) -> None:
        values: dict[str, Any] = dict(ip=ip, last_seen_at=time.time())
        if url:
            values.update(page_url=url, page_title=title)
        conn.execute(sa.update(visitors).where(visitors.c.id == visitor_id).values(**values))

    return write


def record_page_view(visitor_id: int, view: p.PageView) -> Write[None]:
    def write(conn: Connection) -> None:
        now = time.time()
        conn.execute(
            sa.insert(page_views).values(
                visitor_id=visitor_id,
                url=view.url,
                title=view.title,
                referrer=view.referrer,
                utm_source=view.utm.source,
                utm_medium=view.utm.medium,
                utm_campaign=view.utm.campaign,
                utm_term=view.utm.term,
                utm_content=view.utm.content,
                ts=now,
            )
        )
        conn.execute(
            sa.update(visitors)
            .where(visitors.c.id == visitor_id)
            .values(page_url=view.url, page_title=view.title, last_seen_at=now)
        )

    return write


def set_contact(visitor_id: int, site_id: int, name: str, email: str, phone: str) -> Write[None]:
    """The contact, and its ``client_updated`` webhook in the same commit (finding 21),
    coalesced per visitor (finding 5)."""

    def write(conn: Connection) -> None:
        conn.execute(
            sa.update(visitors)
            .where(visitors.c.id == visitor_id)
            .values(name=name, email=email, phone=phone)
        )
        # R1: it gave its contact: a client. One client_updated for the change (this one).
        client_id = intake.ensure_for_visitor(conn, visitor_id, hook=False)
        hooks.enqueue(
            conn,
            "client_updated",
            {"visitor_id": visitor_id, "site_id": site_id, "name": name, "email": email,
             "phone": phone, "client_id": client_id},
            coalesce_key=f"visitor:{visitor_id}",
        )  # fmt: skip

    return write


def store_offline_message(
    site_id: int, visitor_id: int, name: str, email: str, text: str, limit: int = 0
) -> Write[int]:
    """``limit``: how many unhandled messages one visitor may have (0: no limit)."""

    def write(conn: Connection) -> int:
        if limit:
            waiting = conn.execute(
                sa.select(sa.func.count())
                .select_from(offline_messages)
                .where(
                    offline_messages.c.visitor_id == visitor_id,
                    offline_messages.c.handled_at.is_(None),
                )
            ).scalar()
            if (waiting or 0) >= limit:
                raise p.FrameRejected(
                    "rate_limited", "your earlier messages are still waiting for an answer"
                )
        result = conn.execute(
            sa.insert(offline_messages)
            .values(
                site_id=site_id,
                visitor_id=visitor_id,
                name=name,
                email=email,
                text=text,
                created_at=time.time(),
            )
            .returning(offline_messages.c.id)
        )
        intake.ensure_for_visitor(conn, visitor_id, name=name, email=email)  # R1
        hooks.enqueue(
            conn,
            "offline_message",
            {"visitor_id": visitor_id, "site_id": site_id, "name": name, "email": email,
             "text": text},
        )  # fmt: skip
        stats_log.record(conn, "offline_message", site_id=site_id)  # S1
        return int(result.scalar_one())

    return write


# ---------------------------------------------------------------- visitors on the site (V1, C4)


def visitor_row(conn: Connection, visitor_id: int) -> Any:
    return conn.execute(sa.select(visitors).where(visitors.c.id == visitor_id)).first()


def start_visit(visitor_id: int, values: dict[str, Any]) -> Write[None]:
    """A visitor's socket said hello: address, browser, place and (new visit) the counters."""

    def write(conn: Connection) -> None:
        conn.execute(sa.update(visitors).where(visitors.c.id == visitor_id).values(**values))

    return write


def record_visit_page(visitor_id: int, view: p.PageView, visit: dict[str, Any]) -> Write[None]:
    """A page view with what it changed of the visit (pages this visit, the visit's source)."""

    def write(conn: Connection) -> None:
        record_page_view(visitor_id, view)(conn)
        if visit:
            conn.execute(sa.update(visitors).where(visitors.c.id == visitor_id).values(**visit))

    return write


def visitor_left(visitor_id: int) -> Write[None]:
    def write(conn: Connection) -> None:
        conn.execute(
            sa.update(visitors).where(visitors.c.id == visitor_id).values(last_seen_at=time.time())
        )

    return write


HISTORY_PAGES = 200


def visitor_details(conn: Connection, visitor_id: int) -> tuple[Any, str, list[p.PageVisit]]:
    """The visitors row, its site's name, and the pages of its latest visit (oldest first)."""
    row = visitor_row(conn, visitor_id)
    if row is None:
        return None, "", []
    site_name = conn.execute(sa.select(sites.c.name).where(sites.c.id == row.site_id)).scalar()
    query = (
        sa.select(page_views.c.url, page_views.c.title, page_views.c.ts)
        .where(
            page_views.c.visitor_id == visitor_id,
            page_views.c.ts >= (row.session_started_at or 0) - 1,
        )
        .order_by(page_views.c.id.desc())
        .limit(HISTORY_PAGES)
    )
    pages = [p.PageVisit(url=r.url, title=r.title, ts=r.ts) for r in conn.execute(query)]
    return row, site_name or "", list(reversed(pages))


def visitor_info_from_row(row: Any, site_name: str) -> p.VisitorInfo:
    utm = None
    if row.utm_source or row.utm_medium or row.utm_campaign:
        utm = p.Utm(source=row.utm_source, medium=row.utm_medium, campaign=row.utm_campaign)
    return p.VisitorInfo(
        id=row.id,
        name=row.name,
        email=row.email,
        phone=row.phone,
        city=row.city,
        city_names=city_names_of(row.city_names),
        country=row.country,
        page_url=row.page_url,
        page_title=row.page_title,
        site_id=row.site_id,
        site_name=site_name,
        visits=row.visits,
        session_pages=row.session_pages,
        session_started=row.session_started_at,
        source=row.source,
        source_detail=row.source_detail,
        referrer=row.referrer,
        utm=utm,
        browser=row.browser,
        os=row.os,
        ip=row.ip,
        isp=row.isp,
        country_code=row.country_code,
    )


# ---------------------------------------------------------------- invitation rules (V3)


def _rule(row: Any) -> p.InvitationRule:
    return p.InvitationRule(
        id=row.id,
        site_id=row.site_id,
        message=row.message,
        agent_name=row.agent_name,
        agent_photo=row.agent_photo,
        min_seconds_on_page=row.min_seconds_on_page,
        url_pattern=row.url_pattern,
        min_visits=row.min_visits,
        referrer_pattern=row.referrer_pattern,
        utm_source=row.utm_source,
        utm_campaign=row.utm_campaign,
        enabled=row.enabled,
    )


def invitation_rules_and_sites(conn: Connection) -> tuple[list[p.InvitationRule], list[p.SiteRef]]:
    rules = [_rule(r) for r in conn.execute(sa.select(invitation_rules).order_by("id"))]
    found = conn.execute(sa.select(sites.c.id, sites.c.name).order_by(sites.c.id))
    return rules, [p.SiteRef(id=r.id, name=r.name) for r in found]


def enabled_rules(conn: Connection) -> list[p.InvitationRule]:
    query = sa.select(invitation_rules).where(invitation_rules.c.enabled.is_(True)).order_by("id")
    return [_rule(r) for r in conn.execute(query)]


def save_invitation_rule(rule: p.InvitationRule) -> Write[int]:
    def write(conn: Connection) -> int:
        if conn.execute(sa.select(sites.c.id).where(sites.c.id == rule.site_id)).first() is None:
            raise p.FrameRejected("not_found", "no such site")
        values = msgspec.structs.asdict(rule)
        del values["id"]
        if rule.id:
            done = conn.execute(
                sa.update(invitation_rules).where(invitation_rules.c.id == rule.id).values(**values)
            )
            if done.rowcount == 0:
                raise p.FrameRejected("not_found", "no such rule")
            return rule.id
        inserted = conn.execute(
            sa.insert(invitation_rules)
            .values(**values, created_at=time.time())
            .returning(invitation_rules.c.id)
        )
        return int(inserted.scalar_one())

    return write


def delete_invitation_rule(rule_id: int) -> Write[None]:
    def write(conn: Connection) -> None:
        conn.execute(sa.delete(invitation_rules).where(invitation_rules.c.id == rule_id))

    return write
