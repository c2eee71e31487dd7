"""Log rows for changes that commit nothing else (S1): an agent's status (presence is
ephemeral, DESIGN.md) and an invitation sent to a visitor. Each is its own write through the
group writer; the caller does not wait for it (the change it records already happened)."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from sqlalchemy import Connection

from server.stats import log as stats_log
from server.store.writer import GroupWriter, WriterClosed

log = logging.getLogger(__name__)


class Recorder:
    def __init__(self, writer: GroupWriter) -> None:
        self.writer = writer
        self._tasks: set[asyncio.Task[None]] = set()

    def record(self, kind: str, **values: Any) -> None:
        """A row stamped now (when the change happened, not when the write runs)."""
        ts = stats_log.now()

        def write(conn: Connection) -> None:
            stats_log.record(conn, kind, ts=ts, **values)

        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return
        task = loop.create_task(self._run(write, kind))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _run(self, write: Any, kind: str) -> None:
        try:
            await self.writer.run(write)
        except WriterClosed:
            log.info("the reporting log lost a %s row: the relay is stopping", kind)
        except Exception:
            log.warning("the reporting log lost a %s row", kind, exc_info=True)

    def status(self, agent_id: int, status: str) -> None:
        self.record("status", agent_id=agent_id, detail=status)

    async def flush(self) -> None:
        """Wait for the rows recorded so far (tests; shutdown)."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    async def stop(self) -> None:
        await self.flush()
