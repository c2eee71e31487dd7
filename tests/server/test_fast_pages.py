"""Issue 15: page views stored many per statement (server.visitors.fast_pages) leave exactly
the rows the plain writes leave, keep each visitor's last page, and hand the first view of a
visit (it sets the visit's source) to the plain write."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
import sqlalchemy as sa

from server import protocol as p
from server.account import agents as agents_repo
from server.store.schema import page_views, visitors
from server.store.writer import PLAIN
from server.visitors import fast_pages
from server.visitors import repo as visitors_repo
from tests.support.batched import record_runner
from tests.support.relay import running_relay

IP = "203.0.113.7"


@pytest.fixture
def fast_answers(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """What the batched statement answered for each page view (a change, or PLAIN)."""
    return record_runner(monkeypatch, fast_pages.PageViewWrite, fast_pages.run_page_views)


def view(n: int) -> p.PageView:
    return p.PageView(
        url=f"https://shop.example/p/{n}",
        title=f"Page {n}",
        referrer="https://search.example/?q=plants",
        utm=p.Utm(source="news", medium="mail", campaign="winter", term="ficus", content="a"),
    )


def page_rows(conn: sa.Connection, visitor_id: int) -> list[tuple[Any, ...]]:
    columns = [c for c in page_views.c if c.name not in ("id", "visitor_id", "ts")]
    query = sa.select(*columns).where(page_views.c.visitor_id == visitor_id)
    return [tuple(r) for r in conn.execute(query.order_by(page_views.c.id))]


def visitor_state(conn: sa.Connection, visitor_id: int) -> tuple[Any, ...]:
    v = visitors.c
    query = sa.select(v.page_url, v.page_title, v.session_pages, v.source, v.utm_source)
    return tuple(conn.execute(query.where(v.id == visitor_id)).one())


async def test_fast_page_views_store_what_the_plain_writes_do(
    db_url: str, fast_answers: list[Any]
) -> None:
    async with running_relay(db_url) as handle:
        relay = handle.relay
        run = relay.writer.run
        async with relay.engine.connect() as db:
            site = await db.run_sync(agents_repo.site_by_key, handle.site_key)
        fast = await run(visitors_repo.create_visitor(site.id, "pages-fast", IP, "", ""))
        plain = await run(visitors_repo.create_visitor(site.id, "pages-plain", IP, "", ""))
        first: dict[str, Any] = {"session_pages": 1, "source": "search", "utm_source": "news"}

        # The first view of a visit sets its source: the runner leaves it to the plain write.
        await run(fast_pages.PageViewWrite(fast, view(1), first))
        await run(visitors_repo.record_visit_page(plain, view(1), first))
        assert fast_answers == [PLAIN]

        # The next ones, queued together so they share one batch and one executemany.
        fast_answers.clear()
        await asyncio.gather(
            *(run(fast_pages.PageViewWrite(fast, view(n), {"session_pages": n})) for n in (2, 3, 4))
        )
        for n in (2, 3, 4):
            await run(visitors_repo.record_visit_page(plain, view(n), {"session_pages": n}))
        assert fast_answers == [None, None, None]

        async with relay.engine.connect() as db:
            assert await db.run_sync(page_rows, fast) == await db.run_sync(page_rows, plain)
            assert len(await db.run_sync(page_rows, fast)) == 4
            state = await db.run_sync(visitor_state, fast)
            assert state == await db.run_sync(visitor_state, plain)
            assert state == ("https://shop.example/p/4", "Page 4", 4, "search", "news")


async def test_fast_page_view_of_a_visitor_the_tracker_lost_runs_plain(
    db_url: str, fast_answers: list[Any]
) -> None:
    """The tracker gives no visit values for a visitor it no longer holds: the page is still
    stored and the row's current page moves, its visit's page count does not."""
    async with running_relay(db_url) as handle:
        relay = handle.relay
        async with relay.engine.connect() as db:
            site = await db.run_sync(agents_repo.site_by_key, handle.site_key)
        vid = await relay.writer.run(visitors_repo.create_visitor(site.id, "lost", IP, "", ""))
        await relay.writer.run(fast_pages.PageViewWrite(vid, view(9), {}))
        assert fast_answers == [PLAIN]
        async with relay.engine.connect() as db:
            assert len(await db.run_sync(page_rows, vid)) == 1
            assert (await db.run_sync(visitor_state, vid))[:3] == (
                "https://shop.example/p/9",
                "Page 9",
                0,
            )
