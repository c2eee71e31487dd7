"""Desktop fixtures: a temporary data folder, local store and keychain per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from jivo_desktop.services.secrets import Secrets
from jivo_desktop.store import LocalStore
from tests.desktop.xvfb import other_app_focused, x11_session, xvfb_display  # noqa: F401
from tests.support.memory_keyring import MemoryKeyring


@pytest.fixture(autouse=True)
def _qt_deferred_deletes() -> Iterator[None]:
    """Run Qt's deferred deletions after each test, while everything they touch still exists."""
    yield
    from PySide6.QtCore import QCoreApplication, QEvent

    if QCoreApplication.instance() is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "desktop-data"
    monkeypatch.setenv("JIVO_DESKTOP_DATA", str(folder))
    return folder


@pytest.fixture
def local_store(data_dir: Path) -> Iterator[LocalStore]:
    store = LocalStore(data_dir / "local.db")
    yield store
    store.close()


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def secrets(memory_keyring: MemoryKeyring) -> Secrets:
    return Secrets()
