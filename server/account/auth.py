"""Passwords (argon2) and tokens (random, stored only as their SHA-256)."""

from __future__ import annotations

import hashlib
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from server.core.executors import ARGON2

_hasher = PasswordHasher()

# Verified against when the e-mail is unknown, so that a wrong e-mail costs as long as a wrong
# password and does not reveal which accounts exist.
_DUMMY_HASH = _hasher.hash("not a real password")


def normalise_email(email: str) -> str:
    """E-mail is case-insensitive (A1): stored and compared in lower case, never refused."""
    return email.strip().lower()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def _verify(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


async def verify_password(password_hash: str | None, password: str) -> bool:
    """argon2 is deliberately slow: verify on the argon2 pool so the loop keeps serving (and
    nothing else waits behind it). Raises ``executors.Saturated`` when that pool is full."""
    return await ARGON2.run(_verify, password_hash, password)


async def hash_password_async(password: str) -> str:
    """``hash_password`` on the argon2 pool (may raise ``executors.Saturated``)."""
    return await ARGON2.run(hash_password, password)


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _typeable(nbytes: int) -> str:
    """A random URL-safe string that does not start with ``-`` or ``_``: an admin pastes site
    keys and passwords into shell commands, where a leading ``-`` reads as an option
    (``jivo-relay sneak-peek -Abc on`` failed one test run in 30)."""
    while True:
        text = secrets.token_urlsafe(nbytes)
        if text[0].isalnum():
            return text


def new_site_key() -> str:
    return _typeable(12)


def new_password() -> str:
    return _typeable(12)
