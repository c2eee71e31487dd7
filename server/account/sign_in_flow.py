"""An agent's first frame: password sign-in or a session (or API) token, its refusals, and the
session's lifetime on an open connection (findings 4 and 7).

A refusal answers with an error frame and closes the connection; on success the caller gets
the account row and the token the connection goes on with (:class:`SignedIn`).
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy.ext.asyncio import AsyncEngine

from server import protocol as p
from server.account import agents as agents_repo
from server.account import auth
from server.account import repo as account_repo
from server.account import sign_in as sign_in_repo
from server.core.config import Settings
from server.core.executors import Saturated
from server.core.metrics import Metrics
from server.store.db import read
from server.store.writer import GroupWriter

if TYPE_CHECKING:
    from server.core.connection import Conn


@dataclass(frozen=True, slots=True)
class SignedIn:
    row: Any
    """The agent's account row."""
    token: str
    api_token: bool
    """K3: a script's API token, which acts as the admin who made it."""


class SignInFlow:
    def __init__(
        self, engine: AsyncEngine, writer: GroupWriter, settings: Settings, metrics: Metrics
    ) -> None:
        self.engine = engine
        self.writer = writer
        self.settings = settings
        self.metrics = metrics
        self.policy = sign_in_repo.Policy(
            free_email=settings.sign_in_free_failures,
            free_ip=settings.sign_in_free_failures_ip,
            max_delay=settings.sign_in_max_delay,
            base_delay=settings.sign_in_base_delay,
            window=settings.sign_in_window,
        )

    @property
    def session_lifetime(self) -> tuple[float, float]:
        """Finding 7: a session's (absolute, idle) lifetime in seconds."""
        return (self.settings.session_max_age, self.settings.session_idle_timeout)

    async def sign_in(self, conn: Conn, first: p.SignIn | p.Authenticate) -> SignedIn | None:
        """None when refused (the connection is closed then)."""
        if isinstance(first, p.SignIn):
            return await self._password(conn, first)
        hashed = auth.token_hash(first.token)
        api = False
        row = await read(self.engine, agents_repo.agent_by_token, hashed, self.session_lifetime)
        if row is None:  # K3: a script's API token acts as the admin who made it
            row = await read(self.engine, account_repo.agent_by_api_token, hashed)
            api = row is not None
        if row is None or row.disabled:
            conn.error(
                p.FrameRejected("unauthenticated", "the session expired: sign in again", first.id)
            )
            await conn.close(p.CLOSE_UNAUTHENTICATED, "unknown, expired or revoked token")
            return None
        if not api:
            await self.writer.run(
                agents_repo.touch_session(hashed)
            )  # finding 7: idle time restarts
        return SignedIn(row, first.token, api)

    def expire(self, conn: Conn, signed: SignedIn) -> asyncio.TimerHandle | None:
        """Finding 7: an open connection ends with its session's absolute lifetime too (an API
        token has none). Returns the timer to cancel when the connection closes first."""
        if signed.api_token:
            return None
        began = float(getattr(signed.row, "session_created_at", None) or time.time())
        left = max(0.0, began + self.settings.session_max_age - time.time())
        return asyncio.get_running_loop().call_later(
            left, lambda: _spawn(conn.close(p.CLOSE_SIGNED_OUT, "session_expired"))
        )

    async def _refuse(
        self, conn: Conn, code: p.ErrorCode, message: str, request_id: int, retry: float | None
    ) -> None:
        self.metrics.errors.labels(code).inc()
        retry_after = None if retry is None else round(max(retry, 0.1), 1)
        conn.send(p.Error(code=code, message=message, id=request_id, retry_after=retry_after))
        await conn.close(p.CLOSE_UNAUTHENTICATED, message[:100])

    async def _password(self, conn: Conn, first: p.SignIn) -> SignedIn | None:
        """Finding 4: the failure buckets are checked (and the attempt counted) before argon2;
        argon2 runs on its own bounded pool, and a full pool is a refusal, not a queue."""
        email = auth.normalise_email(first.email)
        wait = await self.writer.run(sign_in_repo.begin_attempt(conn.ip, email, self.policy))
        if wait > 0:
            await self._refuse(
                conn, "rate_limited",
                f"too many wrong passwords: try again in {max(1, round(wait))} s", first.id, wait,
            )  # fmt: skip
            return None
        row = await read(self.engine, agents_repo.agent_by_email, email)
        try:
            ok = await auth.verify_password(row.password_hash if row else None, first.password)
        except Saturated:
            await self._refuse(
                conn, "busy", "the relay is checking many passwords: try again", first.id, 1.0
            )
            return None
        if not ok or row is None or row.disabled:
            await self._refuse(conn, "bad_credentials", "wrong e-mail or password", first.id, None)
            return None
        token = auth.new_token()
        await self.writer.run(sign_in_repo.succeeded(conn.ip, email))
        await self.writer.run(agents_repo.create_session(row.id, auth.token_hash(token)))
        return SignedIn(row, token, False)


_background: set[asyncio.Task[Any]] = set()


def _spawn(coro: Any) -> None:
    task = asyncio.get_running_loop().create_task(coro)
    _background.add(task)
    task.add_done_callback(_background.discard)
