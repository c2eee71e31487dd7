"""Named, bounded thread pools for the relay's blocking work (finding 4).

Each kind of blocking work has a pool of its own, so none waits behind another: argon2
(password hashing and checks, CPU-bound and deliberately slow), file sealing, SMTP, and
webhook POSTs. asyncio's default executor is shared and its queue unbounded: a burst of
wrong passwords or a hung webhook receiver there made every other kind wait.

A pool refuses work (:class:`Saturated`) when ``workers + queue`` calls are already waiting
or running, so a flood costs a refusal, never an ever-growing queue.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


class Saturated(RuntimeError):
    """The pool's workers and queue are all taken: refuse the request (retry later)."""

    def __init__(self, name: str) -> None:
        super().__init__(f"the {name} pool is full")
        self.name = name


class BoundedExecutor:
    """``await pool.run(fn, *args)`` runs ``fn`` in one of ``workers`` threads; at most
    ``queue`` more calls wait for a thread, and any call beyond that raises :class:`Saturated`."""

    def __init__(self, name: str, workers: int, queue: int) -> None:
        self.name = name
        self.workers = workers
        self.limit = workers + queue
        self._pool: ThreadPoolExecutor | None = None
        self._lock = threading.Lock()
        self.pending = 0
        """Calls running or waiting now."""
        self.calls = 0
        """Calls accepted so far (tests count them)."""
        self.refused = 0
        self.peak = 0

    def _executor(self) -> ThreadPoolExecutor:
        with self._lock:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(self.workers, thread_name_prefix=self.name)
            return self._pool

    def try_reserve(self) -> bool:
        with self._lock:
            if self.pending >= self.limit:
                self.refused += 1
                return False
            self.pending += 1
            self.calls += 1
            self.peak = max(self.peak, self.pending)
            return True

    def _release(self) -> None:
        with self._lock:
            self.pending -= 1

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        if not self.try_reserve():
            raise Saturated(self.name)
        try:
            return await asyncio.get_running_loop().run_in_executor(self._executor(), fn, *args)
        finally:
            self._release()


ARGON2 = BoundedExecutor("argon2", workers=2, queue=14)
"""Password hashes and checks: two at a time (argon2's default cost is ~50 ms of one core and
64 MiB each); sign-ins beyond the queue are answered ``busy``."""
FILES = BoundedExecutor("files", workers=4, queue=64)
"""Sealing uploaded files (fsync, rename) and other file-system work."""
SMTP = BoundedExecutor("smtp", workers=2, queue=32)
"""Invitation and reply e-mails (each may wait for its SMTP server's time-out)."""
WEBHOOKS = BoundedExecutor("webhooks", workers=4, queue=64)
"""Webhook POSTs; each webhook has at most ``Settings.webhook_concurrency`` of them at once."""
TRANSLATE = BoundedExecutor("translate", workers=4, queue=64)
"""C11: requests to the translator (LibreTranslate over HTTP, or Argos models in-process)."""
GIFS = BoundedExecutor("gifs", workers=4, queue=64)
"""C16: searches and GIF bodies fetched from the GIF provider for the agents."""
CHANNELS = BoundedExecutor("channels", workers=4, queue=64)
"""C10/K1: IMAP polls and SMTP sends of the reply channels (each may wait for a time-out)."""
