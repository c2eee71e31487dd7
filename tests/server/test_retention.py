"""Finding 10 (security review 1): retention of what anonymous clients leave behind."""

from __future__ import annotations

import asyncio

import sqlalchemy as sa

from server.store.schema import (
    chats,
    offline_messages,
    page_views,
    visitors,
    webhook_deliveries,
    webhooks,
)
from tests.support.relay import running_relay

DAY = 86400.0
NOW = 2_000_000_000.0


async def test_retention_deletes_old_page_views_idle_visitors_and_finished_deliveries(
    db_url: str,
) -> None:
    """Finding 10: no table was ever pruned. The retention job (run here once, as every node
    does each retention_interval) deletes page views past page_view_days, visitors not seen
    for idle_visitor_days who never chatted or left a message, and delivered or failed
    webhook deliveries past webhook_delivery_days, in batches; it keeps everything else. Two
    nodes running it at once delete nothing twice."""
    settings = {"page_view_days": 90, "idle_visitor_days": 30, "webhook_delivery_days": 14}
    async with running_relay(db_url, retention_batch=7, **settings) as relay:
        site_id = 1
        async with relay.relay.engine.begin() as db:
            site_id = (await db.execute(sa.text("SELECT min(id) FROM sites"))).scalar_one()

            async def visitor(token: str, last_seen_days: float) -> int:
                seen = NOW - last_seen_days * DAY
                return (
                    await db.execute(
                        sa.insert(visitors)
                        .values(site_id=site_id, token_hash=token, created_at=seen,
                                last_seen_at=seen)
                        .returning(visitors.c.id)
                    )
                ).scalar_one()  # fmt: skip

            idle = [await visitor(f"idle{n}", 40) for n in range(20)]
            recent = await visitor("recent", 3)
            chatted = await visitor("chatted", 400)
            wrote = await visitor("wrote", 400)
            await db.execute(
                sa.insert(chats).values(
                    site_id=site_id, visitor_id=chatted, state="closed", created_at=0.0
                )
            )
            await db.execute(
                sa.insert(offline_messages).values(
                    site_id=site_id, visitor_id=wrote, email="a@b.c", text="hi", created_at=0.0
                )
            )
            for n in range(30):  # 25 old views of the recent visitor, 5 new ones
                days = 100 if n < 25 else 1
                await db.execute(
                    sa.insert(page_views).values(
                        visitor_id=recent, url=f"https://shop.example/{n}", ts=NOW - days * DAY
                    )
                )
            await db.execute(sa.insert(page_views).values(visitor_id=idle[0], url="x", ts=NOW))
            hook = (
                await db.execute(
                    sa.insert(webhooks)
                    .values(url="https://hooks.example/", secret="s", created_at=0.0)
                    .returning(webhooks.c.id)
                )
            ).scalar_one()
            for n, status in enumerate(["delivered", "failed", "pending"] * 10):
                days = 20 if n < 27 else 1
                await db.execute(
                    sa.insert(webhook_deliveries).values(
                        webhook_id=hook, event="chat_finished", body="{}", status=status,
                        next_at=0.0, created_at=NOW - days * DAY,
                    )
                )  # fmt: skip

        job = relay.relay.retention
        first, second = await asyncio.gather(job.run_once(NOW), job.run_once(NOW))
        again = await job.run_once(NOW)
        for table in ("page_views", "visitors", "webhook_deliveries"):
            assert first[table] + second[table] == {"page_views": 25, "visitors": 20,
                                                    "webhook_deliveries": 18}[table]  # fmt: skip
            assert again[table] == 0

        async with relay.relay.engine.connect() as db:
            left = set((await db.execute(sa.select(visitors.c.id))).scalars())
            views = (await db.execute(sa.select(sa.func.count()).select_from(page_views))).scalar()
            kept = (
                await db.execute(
                    sa.select(webhook_deliveries.c.status, webhook_deliveries.c.created_at)
                )
            ).all()
        assert {recent, chatted, wrote} <= left and not (set(idle) & left)
        assert views == 5
        assert all(s == "pending" or ts > NOW - 14 * DAY for s, ts in kept) and len(kept) == 12
        assert relay.relay.retention._task is not None  # the periodic job runs on every node
