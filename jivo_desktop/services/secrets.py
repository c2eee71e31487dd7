"""The OS keychain (keyring), for "remember me". Never a file: with no usable keychain the app
says so and does not remember."""

from __future__ import annotations

import asyncio
import logging

import keyring
import keyring.errors
from keyring.backend import KeyringBackend
from PySide6.QtCore import QCoreApplication

log = logging.getLogger(__name__)

SERVICE = "jivo-desktop"


def _usable(backend: KeyringBackend) -> bool:
    # keyring's "fail" and "null" backends store nothing; priority below 1 marks those.
    name = type(backend).__module__ + "." + type(backend).__name__
    if name.startswith(("keyring.backends.fail", "keyring.backends.null")):
        return False
    try:
        return float(backend.priority) > 0
    except Exception:
        return True


class Secrets:
    """Async wrappers: the keychain may block (a D-Bus round trip, an unlock prompt), so every
    call runs in a thread."""

    def __init__(self) -> None:
        self.backend = keyring.get_keyring()
        self.available = _usable(self.backend)

    @property
    def unavailable_reason(self) -> str:
        if self.available:
            return ""
        return QCoreApplication.translate("Secrets", "no system keychain")  # G6

    async def load(self, account: str) -> str | None:
        if not self.available:
            return None
        try:
            return await asyncio.to_thread(keyring.get_password, SERVICE, account)
        except keyring.errors.KeyringError:
            log.exception("reading the keychain failed")
            return None

    async def save(self, account: str, secret: str) -> bool:
        if not self.available:
            return False
        try:
            await asyncio.to_thread(keyring.set_password, SERVICE, account, secret)
            return True
        except keyring.errors.KeyringError:
            log.exception("writing the keychain failed")
            return False

    async def forget(self, account: str) -> None:
        if not self.available:
            return
        try:
            await asyncio.to_thread(keyring.delete_password, SERVICE, account)
        except keyring.errors.PasswordDeleteError:
            pass
        except keyring.errors.KeyringError:
            log.exception("deleting from the keychain failed")
