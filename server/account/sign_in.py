"""Finding 4: failure buckets for password sign-in, per client IP and per e-mail, kept in the
database (every relay node counts the same attempts) and checked before argon2 runs.

An attempt counts as a failure from the moment it is let through, so that a burst of
concurrent attempts is counted at once rather than after each slow argon2 check; a success
gives the attempt back. After ``free`` failures of a key, each further attempt must wait
``base_delay * 2 ** (failures - free)`` (at most ``max_delay``) since the last one; sooner, it is
refused without touching argon2. Failures older than ``window`` are forgotten and pruned."""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy import Connection

from server.store.schema import sign_in_failures
from server.store.writer import Write


@dataclass(frozen=True)
class Policy:
    free_email: int = 5
    free_ip: int = 20
    max_delay: float = 900.0
    window: float = 3600.0
    base_delay: float = 1.0


def keys(ip: str, email: str) -> tuple[str, str]:
    """The rows of an attempt: the IP's and the e-mail's (hashed: no address kept here)."""
    return (
        hashlib.sha256(f"ip:{ip}".encode()).hexdigest(),
        hashlib.sha256(f"email:{email}".encode()).hexdigest(),
    )


def _delay(failures: int, free: int, max_delay: float, base: float = 1.0) -> float:
    if failures < free:
        return 0.0
    return min(max_delay, base * 2.0 ** min(failures - free, 30))


def begin_attempt(ip: str, email: str, policy: Policy) -> Write[float]:
    """Returns 0 when the attempt may go on to argon2 (and counts it), else the seconds the
    client must wait first (nothing counted)."""

    def write(conn: Connection) -> float:
        now = time.time()
        found = {
            r.key: r
            for r in conn.execute(
                sa.select(sign_in_failures).where(sign_in_failures.c.key.in_(keys(ip, email)))
            )
        }
        wait = 0.0
        for key, free in zip(keys(ip, email), (policy.free_ip, policy.free_email), strict=True):
            row = found.get(key)
            if row is None or row.last_at < now - policy.window:
                continue
            due = row.last_at + _delay(int(row.failures), free, policy.max_delay, policy.base_delay)
            wait = max(wait, due - now)
        if wait > 0:
            return wait
        for key in keys(ip, email):
            row = found.get(key)
            if row is None:
                conn.execute(sa.insert(sign_in_failures).values(key=key, failures=1, last_at=now))
            else:
                stale = row.last_at < now - policy.window
                conn.execute(
                    sa.update(sign_in_failures)
                    .where(sign_in_failures.c.key == key)
                    .values(failures=1 if stale else sign_in_failures.c.failures + 1, last_at=now)
                )
        return 0.0

    return write


def succeeded(ip: str, email: str) -> Write[None]:
    """The password was right: the e-mail's count starts again, the IP gets its attempt back."""

    def write(conn: Connection) -> None:
        ip_key, email_key = keys(ip, email)
        conn.execute(sa.delete(sign_in_failures).where(sign_in_failures.c.key == email_key))
        conn.execute(
            sa.update(sign_in_failures)
            .where(sign_in_failures.c.key == ip_key, sign_in_failures.c.failures > 0)
            .values(failures=sign_in_failures.c.failures - 1)
        )

    return write


def prune(window: float) -> Write[int]:
    def write(conn: Connection) -> int:
        result = conn.execute(
            sa.delete(sign_in_failures).where(sign_in_failures.c.last_at < time.time() - window)
        )
        return int(result.rowcount or 0)

    return write
