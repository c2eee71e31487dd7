"""C10/K1 (issue 21): the reply channels' tables are pruned by the relay's retention job, and
never below what providers' retries need (WhatsApp retries a webhook for up to 7 days)."""

from __future__ import annotations

import time
from typing import Any

import sqlalchemy as sa

from server.channels.repo import Inbound
from server.store.schema import channel_messages, channel_outbox, channels, chats
from tests.support.relay import running_relay

DAY = 86400.0


async def _ids(relay: Any, column: Any) -> set[str]:
    async with relay.engine.connect() as db:
        return set((await db.execute(sa.select(column))).scalars())


async def test_c10_k1_channel_retention_keeps_the_retry_window(db_url: str) -> None:
    """C10/K1: provider ids older than channel_message_days (never under 8 days) and finished
    replies older than channel_outbox_days are deleted in batches; pending replies stay; a
    WhatsApp message retried 7 days on is still recognised (one message); a mail written
    before the window (a mailbox read again) is skipped rather than imported a second time."""
    now = time.time()
    settings = {"channel_message_days": 2, "channel_outbox_days": 30, "retention_batch": 3,
                "retention_interval": 0}  # fmt: skip  # no loop: the test runs the job itself
    async with running_relay(db_url, **settings) as handle:
        relay = handle.relay
        async with relay.engine.begin() as db:
            channel = (
                await db.execute(
                    sa.insert(channels)
                    .values(kind="whatsapp", name="WhatsApp", site_id=1, created_at=now)
                    .returning(channels.c.id)
                )
            ).scalar_one()
            for n, age in enumerate([10, 10, 9, 9, 9, 7, 1]):  # days
                direction = "out" if n == 0 else "in"
                await db.execute(
                    sa.insert(channel_messages).values(
                        channel_id=channel, direction=direction, provider_id=f"wamid.{age}.{n}",
                        created_at=now - age * DAY,
                    )
                )  # fmt: skip
            for n, (status, age) in enumerate(
                [("sent", 40), ("read", 40), ("failed", 31), ("pending", 40), ("sent", 3)]
            ):
                await db.execute(
                    sa.insert(channel_outbox).values(
                        channel_id=channel, chat_id=1, event_id=n + 1, key=f"k{n}", body="{}",
                        status=status, next_at=now, created_at=now - age * DAY,
                    )
                )  # fmt: skip

        deleted = await relay.retention.run_once(now)
        assert deleted["channel_messages"] == 5 and deleted["channel_outbox"] == 3
        # 2 days asked, 8 kept: the 7-day-old id is WhatsApp's last retry.
        assert await _ids(relay, channel_messages.c.provider_id) == {"wamid.7.5", "wamid.1.6"}
        assert await _ids(relay, channel_outbox.c.key) == {"k3", "k4"}
        assert (await relay.retention.run_once(now))["channel_messages"] == 0

        service = relay.channels
        retried = Inbound(provider_id="wamid.7.5", address="5491155550000", text="Hola")
        assert await service.receive(channel, retried) is False
        old_mail = Inbound(
            provider_id="<old@mail.example>", address="eva@example.com", text="Hola",
            email="eva@example.com", written_at=now - 9 * DAY,
        )  # fmt: skip
        assert await service.receive(channel, old_mail) is False
        async with relay.engine.connect() as db:
            assert (await db.execute(sa.select(sa.func.count()).select_from(chats))).scalar() == 0
        new_mail = Inbound(
            provider_id="<new@mail.example>", address="eva@example.com", text="Hola",
            email="eva@example.com", written_at=now - 60,
        )  # fmt: skip
        assert await service.receive(channel, new_mail) is True
        assert "<new@mail.example>" in await _ids(relay, channel_messages.c.provider_id)
