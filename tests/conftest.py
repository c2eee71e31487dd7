"""Shared fixtures: relays on port 0, a throwaway PostgreSQL cluster, headless Chromium.

``db_url`` runs a server test twice, on SQLite and on PostgreSQL (a cluster this session
starts in a temporary folder). Under CI=true a missing PostgreSQL or Chromium fails the run,
and so does any skipped test not marked impossible on this OS (tests/support/ci_skips.py).
"""

from __future__ import annotations

import os
import sys
import uuid

# Qt must never try a real display unless a test starts its own Xvfb.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# G6: the app speaks the system's language; the tests expect English on any machine.
os.environ.setdefault("JIVO_DESKTOP_LANGUAGE", "en")
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import keyring
import pytest

from jivo_desktop.net.client import AgentClient
from jivo_desktop.services.secrets import Secrets
from jivo_desktop.store import LocalStore
from tests.support.memory_keyring import MemoryKeyring
from tests.support.postgres import PostgresCluster, skip_unless_postgres
from tests.support.relay import RelayHandle, running_relay

# Tests read what a client received (``client.received[mark:]``, ``wait_for(since=...)``): a
# bounded log, opted in here only. The app's own clients pass keep_frames=0 (finding 2).
AgentClient.default_keep_frames = 100_000

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"

# Under CI=true a skipped test fails the run unless it is impossible on this OS (os_only).
# pytester: tests/unit/test_ci_skips.py runs pytest on small test files.
pytest_plugins = ["tests.support.ci_skips", "pytester"]


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PostgresCluster]:
    skip_unless_postgres()
    cluster = PostgresCluster().start()
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite+aiosqlite:///{tmp_path / 'relay.db'}"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database: SQLite file, then PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite+aiosqlite:///{tmp_path / 'relay.db'}"
    cluster: PostgresCluster = request.getfixturevalue("pg_cluster")
    return cluster.create_database(f"t_{uuid.uuid4().hex[:12]}")


@pytest.fixture
async def relay(sqlite_url: str) -> AsyncIterator[RelayHandle]:
    """A relay on SQLite with the demo site, an admin (boss@) and an agent (ana@)."""
    async with running_relay(sqlite_url) as handle:
        yield handle


@pytest.fixture
async def relay_any_db(db_url: str) -> AsyncIterator[RelayHandle]:
    """The same relay, once on SQLite and once on PostgreSQL."""
    async with running_relay(db_url) as handle:
        yield handle


@pytest.fixture
def artifacts() -> Path:
    """tests/artifacts/ (git-ignored): screenshots for a person to look at."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture
async def browser(tmp_path: Path) -> AsyncIterator[object]:
    """Headless Debian Chromium through Playwright (never downloads a browser)."""
    from playwright.async_api import async_playwright

    from tests.support.browser import chromium_available, launch_chromium

    if not chromium_available() and not os.environ.get("CI"):
        pytest.skip("chromium is not installed: run scripts/install-system-deps.sh")
    home = tmp_path / "chromium-home"
    home.mkdir()
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_CACHE_HOME": str(home / ".cache"),
    }
    async with async_playwright() as pw:
        b = await launch_chromium(pw, env=env)
        try:
            yield b
        finally:
            await b.close()


# ---------------------------------------------------------------- desktop app


@pytest.fixture(autouse=True)
def _qt_deferred_deletes() -> Iterator[None]:
    """Run Qt's deferred deletions after each test, while everything they touch still exists."""
    yield
    if "PySide6.QtCore" not in sys.modules:
        return
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
