"""Finding 16: ``/healthz`` sees a database that answers reads but refuses every write (a full
disk: the review's probe had every message fail while ``SELECT 1`` answered).

:func:`healthy` is the check ``/healthz`` runs."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from server.store.writer import GroupWriter, Write

log = logging.getLogger(__name__)

# What a failing database raises; refusals (FrameRejected), integrity errors and bugs in a
# write do not mean the database cannot write.
_DATABASE_FAILURES = (
    sa.exc.OperationalError,
    sa.exc.InterfaceError,
    sa.exc.InternalError,
    OSError,
    TimeoutError,
)


class WriterHealth:
    """Counts the writer's transactions that failed in a row."""

    def __init__(self, limit: int) -> None:
        self.limit = max(1, limit)
        self.failures = 0

    @property
    def healthy(self) -> bool:
        return self.failures < self.limit

    def succeeded(self) -> None:
        if self.failures >= self.limit:
            log.warning("database writes work again")
        self.failures = 0

    def failed(self, exc: BaseException) -> None:
        self.failures += 1
        if self.failures == self.limit:
            log.error("%d database writes failed in a row (%s): unhealthy", self.limit, exc)


class WatchedWriter(GroupWriter):
    """The group writer, telling :class:`WriterHealth` how each transaction went."""

    def __init__(self, *args: Any, health: WriterHealth, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.health = health

    async def _transaction(self, writes: list[Write[Any]]) -> list[Any]:
        try:
            results = await super()._transaction(writes)
        except asyncio.CancelledError:
            raise
        except _DATABASE_FAILURES as exc:
            self.health.failed(exc)
            raise
        except Exception:
            self.health.succeeded()  # the database answered: the write itself was refused
            raise
        self.health.succeeded()
        return results


async def healthy(engine: AsyncEngine, health: WriterHealth) -> bool:
    """The database answers a read, and the last writes did not all fail."""
    if not health.healthy:
        return False  # finding 16: reads may work while every write fails (a full disk)
    try:
        async with engine.connect() as conn:
            await conn.execute(sa.text("SELECT 1"))
        return True
    except Exception:
        log.exception("health check failed")
        return False
