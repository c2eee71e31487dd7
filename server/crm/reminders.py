"""R2: the task reminder timer of one node. Each node waits for the earliest ``remind_at`` in
the database and claims the due rows one by one (:func:`server.crm.tasks.claim`, a
compare-and-set: one node wins each). A new or changed reminder wakes the other nodes through
:data:`TASK_TIMERS`; a lost hint only delays a reminder to the next check (``MAX_WAIT``)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable

from sqlalchemy.ext.asyncio import AsyncEngine

from server import protocol as p
from server.core.bus import Bus
from server.crm import tasks
from server.store.db import read
from server.store.writer import GroupWriter, WriterClosed

log = logging.getLogger(__name__)

TASK_TIMERS = "timers:crm-tasks"
"""Bus topic, node to node: a task's reminder time was written."""
MAX_WAIT = 30.0


class Reminders:
    """``on_due(task)`` runs on the node that fired the reminder (after its commit)."""

    def __init__(
        self, engine: AsyncEngine, writer: GroupWriter, bus: Bus,
        on_due: Callable[[p.TaskInfo], None],
    ) -> None:  # fmt: skip
        self.engine = engine
        self.writer = writer
        self.bus = bus
        self.on_due = on_due
        self.fired = 0
        """Reminders this node fired (tests: each fires once over every node)."""
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self.bus.subscribe(TASK_TIMERS, self._hinted)
        self.bus.on_reconnect(self._wake.set)
        self._task = asyncio.create_task(self._run(), name="crm-reminders")

    async def stop(self) -> None:
        self.bus.unsubscribe(TASK_TIMERS, self._hinted)
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    def changed(self) -> None:
        """A reminder time was committed: this node's timer and the others' look again."""
        self._wake.set()
        self.bus.publish(TASK_TIMERS, "")

    def _hinted(self, _text: str, _cursor: int | None) -> None:
        self._wake.set()

    async def _run(self) -> None:
        while True:
            self._wake.clear()
            try:
                wait = await self._fire_due()
            except asyncio.CancelledError:
                raise
            except WriterClosed:
                return
            except Exception:
                log.exception("reminder timer failed; retrying")
                wait = 1.0
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), wait)

    async def _fire_due(self) -> float:
        for task_id in await read(self.engine, tasks.due_ids, time.time()):
            info = await self.writer.run(tasks.claim(task_id))
            if info is not None:
                self.fired += 1
                self.on_due(info)
        deadline = await read(self.engine, tasks.next_due)
        if deadline is None:
            return MAX_WAIT
        return min(MAX_WAIT, max(0.0, deadline - time.time()))
