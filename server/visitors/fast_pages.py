"""Page views stored the fast way: many per statement (issue 15).

10,000 browsing visitors send a page view every 30 s each: 333 a second, more than every chat
message of the headline scenario together. One at a time, a page view was two SQLAlchemy Core
statements built and compiled on each call, 1.8 ms of the group writer's time under load and
half of its window (docs/performance.md, headline). Here a run of them next to each other in
a batch is two ``executemany`` calls of statements built once: the rows into ``page_views`` and
the visitors rows' current page, last seen time and pages of the visit.

A page view that also sets the visit's source (the first of a visit) runs the plain way
(:func:`server.visitors.repo.record_visit_page`); its runner hands it back as ``PLAIN``.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from server import protocol as p
from server.store.schema import page_views, visitors
from server.store.writer import PLAIN, Batched
from server.visitors import repo as visitors_repo

_INSERT = sa.insert(page_views).values(
    visitor_id=sa.bindparam("vid"),
    url=sa.bindparam("url"),
    title=sa.bindparam("title"),
    referrer=sa.bindparam("referrer"),
    utm_source=sa.bindparam("utm_source"),
    utm_medium=sa.bindparam("utm_medium"),
    utm_campaign=sa.bindparam("utm_campaign"),
    utm_term=sa.bindparam("utm_term"),
    utm_content=sa.bindparam("utm_content"),
    ts=sa.bindparam("ts"),
)
_UPDATE = (
    sa.update(visitors)
    .where(visitors.c.id == sa.bindparam("vid"))
    .values(
        page_url=sa.bindparam("url"),
        page_title=sa.bindparam("title"),
        last_seen_at=sa.bindparam("ts"),
        session_pages=sa.bindparam("pages"),
    )
)
_FAST_KEYS = frozenset({"session_pages"})


@dataclass(slots=True)
class PageViewWrite(Batched):
    """A page view with what it changed of the visit (``VisitorTracker.page_view``)."""

    visitor_id: int
    view: p.PageView
    visit: dict[str, Any]

    def __call__(self, conn: Connection) -> None:
        visitors_repo.record_visit_page(self.visitor_id, self.view, self.visit)(conn)


def run_page_views(conn: Connection, writes: Sequence[Any]) -> list[Any]:
    """The group writer's runner for :class:`PageViewWrite`: in order, each visitor's last
    view of the run is the one its row keeps."""
    out: list[Any] = []
    rows: list[dict[str, Any]] = []
    bumps: list[dict[str, Any]] = []
    for w in writes:
        if w.visit.keys() != _FAST_KEYS:
            # The visit's source to set too, or a visitor the tracker no longer holds.
            out.append(PLAIN)
            continue
        view, utm, ts = w.view, w.view.utm, time.time()
        rows.append(
            {
                "vid": w.visitor_id,
                "url": view.url,
                "title": view.title,
                "referrer": view.referrer,
                "utm_source": utm.source,
                "utm_medium": utm.medium,
                "utm_campaign": utm.campaign,
                "utm_term": utm.term,
                "utm_content": utm.content,
                "ts": ts,
            }
        )
        bumps.append(
            {
                "vid": w.visitor_id,
                "url": view.url,
                "title": view.title,
                "ts": ts,
                "pages": w.visit["session_pages"],
            }
        )
        out.append(None)
    if rows:
        conn.execute(_INSERT, rows)
        conn.execute(_UPDATE, bumps)
    return out


PageViewWrite.runner = run_page_views
