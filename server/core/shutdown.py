"""A relay stop that always ends: every step bounded, a stuck step named in the log.

A connection handler blocked on something other than its socket (a write that never resolves,
a future nobody sets) would keep ``Server.wait_closed()`` waiting forever, and with it the
process manager's restart or a test's teardown. Each step gets a time limit; when one runs
out, the log says which step and where each stuck task was waiting, and the stop goes on."""

from __future__ import annotations

import asyncio
import io
import logging
from collections.abc import Awaitable, Iterable

log = logging.getLogger(__name__)

STEP_SECONDS = 10.0


def where(tasks: Iterable[asyncio.Task[object]]) -> str:
    """The stack of each task, as asyncio prints it: what a stuck stop was waiting for."""
    out = io.StringIO()
    for task in tasks:
        task.print_stack(limit=8, file=out)
    return out.getvalue()


async def bounded(name: str, step: Awaitable[object], seconds: float = STEP_SECONDS) -> bool:
    """Await one stop step for at most ``seconds``; False (and a logged warning) if it ran out."""
    try:
        async with asyncio.timeout(seconds):
            await step
        return True
    except TimeoutError:
        log.warning("relay stop: %s did not finish in %.0f s; going on", name, seconds)
        return False


async def close_handlers(
    wait_closed: Awaitable[object], handlers: set[asyncio.Task[None]], seconds: float = STEP_SECONDS
) -> None:
    """Wait for the connection handlers to end after the server closed their sockets; cancel
    the ones still running after ``seconds``, logging where each was stuck."""
    waiting = asyncio.ensure_future(wait_closed)
    if await bounded("closing connections", asyncio.shield(waiting), seconds):
        return
    stuck = [t for t in handlers if not t.done()]
    log.warning("relay stop: %d connection handler(s) stuck:\n%s", len(stuck), where(stuck))
    for task in stuck:
        task.cancel()
    if not await bounded("cancelled connection handlers", waiting, seconds):
        waiting.cancel()
