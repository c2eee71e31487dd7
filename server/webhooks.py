"""Outgoing webhooks (K3): chat accepted, chat finished, offline message, client updated.

Each event becomes one row per interested webhook (``webhook_deliveries``) in the same group
commit as any other write, so a delivery survives a restart. A dispatcher task POSTs the due
rows (stdlib ``urllib`` in a thread: no HTTP client dependency for a few requests a minute),
signed with HMAC-SHA256 over the body under the webhook's secret, and retries a failure
(network error or non-2xx answer) after ``webhook_backoff`` seconds, doubling each time, up to
``webhook_max_attempts``.

Receivers check ``X-Jivo-Signature: sha256=<hex of HMAC-SHA256(secret, raw body)>``.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
import time
import urllib.error
import urllib.request
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine

from server import __version__
from server.config import Settings
from server.store import account_repo
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

    async def emit(self, event: str, data: dict[str, Any]) -> None:
        """Queue ``event`` for every webhook that wants it (never raises: a webhook problem
        must not fail the chat action that caused it)."""
        body = json.dumps({"event": event, "ts": time.time(), "data": data}, ensure_ascii=False)
        try:
            if await self.writer.run(account_repo.enqueue_deliveries(event, body)):
                self._wake.set()
        except Exception:
            log.exception("webhook event %s not queued", event)

    def emit_soon(self, event: str, data: dict[str, Any]) -> None:
        task = asyncio.get_running_loop().create_task(self.emit(event, data))
        _background.add(task)
        task.add_done_callback(_background.discard)

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
        rows = await read(self.engine, account_repo.due_deliveries, now)
        sends = []
        for row in rows:
            lease = now + self.settings.webhook_timeout * 3
            if await self.writer.run(account_repo.claim_delivery(row.id, row.next_at, lease)):
                sends.append(self._deliver(row))
        if sends:
            await asyncio.gather(*sends)
        next_at = await read(self.engine, account_repo.next_delivery_at)
        if next_at is None:
            return IDLE_RECHECK
        return min(IDLE_RECHECK, max(0.0, next_at - time.time()))

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
            code = await asyncio.to_thread(
                _post, row.url, body, headers, self.settings.webhook_timeout
            )
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


_background: set[asyncio.Task[None]] = set()
