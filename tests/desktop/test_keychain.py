"""Issue 15: the app names this OS's keychain to keyring instead of letting it discover every
backend; what the environment or keyring's config chose wins, and a backend that cannot run
here leaves keyring to discover as before."""

from __future__ import annotations

import keyring
import pytest

from jivo_desktop.platform import keychain
from jivo_desktop.services.secrets import Secrets
from tests.support.memory_keyring import MemoryKeyring


def test_each_os_has_its_backend() -> None:
    assert keychain.os_backend("linux") == "keyring.backends.SecretService.Keyring"
    assert keychain.os_backend("freebsd14") == "keyring.backends.SecretService.Keyring"
    assert keychain.os_backend("darwin") == "keyring.backends.macOS.Keyring"
    assert keychain.os_backend("win32") == "keyring.backends.Windows.WinVaultKeyring"
    assert keychain.os_backend("emscripten") is None


def test_the_environment_wins(
    memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    assert keychain.use_os_keychain("linux") == "environment"
    assert keyring.get_keyring() is memory_keyring  # nothing was set


def test_the_os_backend_is_set_when_usable(
    memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    name = "tests.support.memory_keyring.MemoryKeyring"
    monkeypatch.setitem(keychain.OS_BACKENDS, "darwin", name)
    assert keychain.use_os_keychain("darwin") == name
    chosen = keyring.get_keyring()
    assert isinstance(chosen, MemoryKeyring) and chosen is not memory_keyring
    assert Secrets().available


def test_an_unusable_backend_leaves_discovery(
    memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    monkeypatch.setitem(keychain.OS_BACKENDS, "darwin", "keyring.backends.fail.Keyring")
    assert keychain.use_os_keychain("darwin") == "discovery"  # priority 0: stores nothing
    monkeypatch.setitem(keychain.OS_BACKENDS, "darwin", "no.such.module.Keyring")
    assert keychain.use_os_keychain("darwin") == "discovery"
    # The test run has no session bus (make pytest unsets it): no Secret Service either.
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    assert keychain.use_os_keychain("linux") == "discovery"
    assert keyring.get_keyring() is memory_keyring


def test_keyrings_config_file_wins(
    memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    configured = MemoryKeyring()
    monkeypatch.setattr(keyring.core, "load_config", lambda: configured)
    assert keychain.use_os_keychain("linux") == "config"
    assert keyring.get_keyring() is configured
