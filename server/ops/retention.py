"""Retention jobs (security review finding 10): page views, visitors never seen again, finished
webhook deliveries. Every node runs them every ``retention_interval`` seconds (the deletes are
safe to run on several nodes at once, see :mod:`server.ops.retention_repo`); each table is
emptied of old rows in batches of ``retention_batch``, one group-writer write each, so a large
backlog never holds the writer for long. The same run calls the other domains' own pruning
(``also``: ended sessions and old sign-in failures, findings 4 and 7; old log bundles and
their files, finding 11), so the relay has one periodic clean-up, not one loop per domain."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable, Sequence

from server.channels import retention as channel_retention
from server.core.config import Settings
from server.ops import retention_repo as retention
from server.store.writer import GroupWriter, Write

log = logging.getLogger(__name__)

DAY = 86400.0
MAX_BATCHES_PER_RUN = 50
"""At most this many batches a table per run; the rest waits for the next run."""


class Retention:
    def __init__(
        self,
        writer: GroupWriter,
        settings: Settings,
        also: Sequence[Callable[[], Awaitable[object]]] = (),
    ) -> None:
        self.writer = writer
        self.settings = settings
        self.also = list(also)
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        if self.settings.retention_interval > 0:
            self._task = asyncio.create_task(self._loop(), name="retention")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _loop(self) -> None:
        while True:
            try:
                await self.run_once()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("retention run failed; next try in %s s", self.interval)
            await asyncio.sleep(self.interval)

    @property
    def interval(self) -> float:
        return self.settings.retention_interval

    async def run_once(self, now: float | None = None) -> dict[str, int]:
        """Delete what is past its retention now; returns the rows deleted per table."""
        now = time.time() if now is None else now
        s = self.settings
        jobs: dict[str, tuple[float, Callable[[float, int], Write[int]]]] = {
            "page_views": (s.page_view_days, retention.delete_page_views),
            "visitors": (s.idle_visitor_days, retention.delete_idle_visitors),
            "webhook_deliveries": (s.webhook_delivery_days, retention.delete_webhook_deliveries),
            "report_log": (s.report_log_days, retention.delete_report_rows),
            "channel_messages": (  # C10/K1: never under the providers' retries
                channel_retention.window_days(s.channel_message_days),
                channel_retention.delete_messages,
            ),
            "channel_outbox": (
                channel_retention.window_days(s.channel_outbox_days),
                channel_retention.delete_outbox,
            ),
        }
        deleted: dict[str, int] = {}
        for table, (days, job) in jobs.items():
            deleted[table] = 0
            if days <= 0:
                continue  # 0 keeps the rows for ever
            for _ in range(MAX_BATCHES_PER_RUN):
                count = await self.writer.run(job(now - days * DAY, s.retention_batch))
                deleted[table] += count
                if count < s.retention_batch:
                    break
        if any(deleted.values()):
            log.info("retention deleted %s", deleted)
        for prune in self.also:  # one failing does not keep the others from running
            try:
                await prune()
            except Exception:
                log.exception("pruning with %s failed", getattr(prune, "__qualname__", prune))
        return deleted
