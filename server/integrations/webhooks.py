"""Outgoing webhooks (K3): chat accepted, chat finished, offline message, client updated.

Each event becomes one row per interested webhook (``webhook_deliveries``), written in the
transaction of the action it reports (:mod:`server.integrations.hooks`), so a delivery survives a
restart and a crash cannot lose it. A dispatcher task POSTs the due rows (stdlib ``urllib`` on
the relay's own webhook pool, :data:`server.core.executors.WEBHOOKS`: no HTTP client dependency
for a few requests a minute), at most ``webhook_concurrency`` at once per webhook, so a hung
receiver holds two threads, not the relay's (finding 5). Each POST is signed with HMAC-SHA256
over the body under the webhook's secret; a failure (network error or non-2xx answer) is
retried after ``webhook_backoff`` seconds, doubling each time, up to ``webhook_max_attempts``.

Receivers check ``X-Jivo-Signature: sha256=<hex of HMAC-SHA256(secret, raw body)>``.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
import time
import urllib.error
import urllib.request
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine

from server import __version__
from server.account import repo as account_repo
from server.core.config import Settings
from server.core.executors import WEBHOOKS
from server.store.db import read
from server.store.writer import GroupWriter

log = logging.getLogger(__name__)

SIGNATURE_HEADER = "X-Jivo-Signature"
EVENT_HEADER = "X-Jivo-Event"
IDLE_RECHECK = 60.0
"""Seconds between looks at the table when nothing is due (another node may have added rows)."""


def sign(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def _post(url: str, body: bytes, headers: dict[str, str], timeout: float) -> int:
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)


class Webhooks:
    def __init__(self, engine: AsyncEngine, writer: GroupWriter, settings: Settings) -> None:
        self.engine = engine
        self.writer = writer
        self.settings = settings
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self.attempts = 0
        self._in_flight: dict[int, int] = {}
        """Webhook id -> POSTs of this node running for it now."""
        self._sending: set[asyncio.Task[None]] = set()

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="webhooks")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                pass
            self._task = None
        # A POST in flight keeps its thread until its time-out; its row's lease expires and
        # the next start (or another node) sends it again.
        for task in list(self._sending):
            task.cancel()
        await asyncio.gather(*self._sending, return_exceptions=True)

    def wake(self) -> None:
        """A delivery row was just committed: send it now rather than at the next recheck."""
        self._wake.set()

    async def _run(self) -> None:
        while True:
            # Cleared before the pass, not after: an event queued while it runs keeps the
            # wake-up set, so the next pass starts at once instead of after the idle recheck.
            self._wake.clear()
            try:
                delay = await self._deliver_due()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("webhook dispatcher failed; retrying")
                delay = self.settings.webhook_backoff
            try:
                async with asyncio.timeout(delay):
                    await self._wake.wait()
            except TimeoutError:
                pass

    async def _deliver_due(self) -> float:
        """Send what is due; returns how long to sleep before the next due delivery."""
        now = time.time()
        limit = max(1, self.settings.webhook_concurrency)
        full = [hook for hook, n in self._in_flight.items() if n >= limit]
        rows = await read(self.engine, account_repo.due_deliveries, now, 20, full)
        busy = False
        for row in rows:
            hook_id = int(row.webhook_id)
            if self._in_flight.get(hook_id, 0) >= limit:
                busy = True  # left unclaimed: sent when one of this webhook's POSTs ends
                continue
            if WEBHOOKS.pending >= WEBHOOKS.limit:
                busy = True
                break
            lease = now + self.settings.webhook_timeout * 3
            if await self.writer.run(account_repo.claim_delivery(row.id, row.next_at, lease)):
                self._in_flight[hook_id] = self._in_flight.get(hook_id, 0) + 1
                task = asyncio.create_task(self._deliver_then_free(hook_id, row))
                self._sending.add(task)
                task.add_done_callback(self._sending.discard)
        if busy:
            return IDLE_RECHECK  # a finishing POST wakes the dispatcher
        next_at = await read(self.engine, account_repo.next_delivery_at)
        if next_at is None:
            return IDLE_RECHECK
        return min(IDLE_RECHECK, max(0.0, next_at - time.time()))

    async def _deliver_then_free(self, hook_id: int, row: Any) -> None:
        try:
            await self._deliver(row)
        finally:
            left = self._in_flight.get(hook_id, 1) - 1
            if left > 0:
                self._in_flight[hook_id] = left
            else:
                self._in_flight.pop(hook_id, None)
            self._wake.set()

    async def _deliver(self, row: Any) -> None:
        body = row.body.encode()
        headers = {
            "Content-Type": "application/json; charset=utf-8",
            "User-Agent": f"jivo-relay/{__version__}",
            EVENT_HEADER: row.event,
            "X-Jivo-Delivery": str(row.id),
            SIGNATURE_HEADER: sign(row.secret, body),
        }
        code, error = 0, ""
        try:
            code = await WEBHOOKS.run(_post, row.url, body, headers, self.settings.webhook_timeout)
            if not 200 <= code < 300:
                error = f"HTTP {code}"
        except Exception as exc:  # unreachable, refused, timed out, bad URL
            error = f"{type(exc).__name__}: {exc}"
        self.attempts += 1
        attempts = row.attempts + 1
        if not error:
            status, next_at = "delivered", time.time()
        elif attempts >= self.settings.webhook_max_attempts:
            status, next_at = "failed", time.time()
        else:
            status = "pending"
            next_at = time.time() + self.settings.webhook_backoff * 2 ** (attempts - 1)
        log.info("webhook %s delivery %s: %s", row.event, row.id, error or code)
        await self.writer.run(
            account_repo.delivery_result(row.id, status, attempts, next_at, code, error)
        )
