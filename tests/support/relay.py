"""Relays for tests: in-process on the test's loop, or a real subprocess that a test may kill."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from server.core.config import Settings
from server.core.relay import Relay

ROOT = Path(__file__).resolve().parents[2]
ADMIN_EMAIL = "admin@example.com"
ADMIN_PASSWORD = "admin-password-1"
AGENT_EMAIL = "ana@example.com"
AGENT_PASSWORD = "agent-password-1"


@dataclass
class RelayHandle:
    relay: Relay
    site_key: str
    admin_email: str = ADMIN_EMAIL
    admin_password: str = ADMIN_PASSWORD
    agent_email: str = AGENT_EMAIL
    agent_password: str = AGENT_PASSWORD

    @property
    def http_url(self) -> str:
        return self.relay.http_url

    @property
    def ws_url(self) -> str:
        return self.relay.ws_url

    @property
    def demo_url(self) -> str:
        return f"{self.relay.http_url}/demo"

    async def add_site(self, name: str, origins: list[str], language: str = "en") -> str:
        return await self.relay.add_site(name, origins, language)

    async def add_agent(self, email: str, password: str, name: str, role: str = "agent") -> int:
        return await self.relay.create_agent(email, name, password, role)

    async def offer_to_everyone(self) -> None:
        """The demo site's routing rule ``all``: a new chat is offered to every online agent at
        once, for tests written for that (the default, N3, offers it to one agent first)."""
        import sqlalchemy as sa

        from server.chats import ladder
        from server.store.schema import sites

        def site_id(db: sa.Connection) -> int:
            query = sa.select(sites.c.id).where(sites.c.key == self.site_key)
            return int(db.execute(query).scalar_one())

        async with self.relay.engine.connect() as conn:
            sid = await conn.run_sync(site_id)
        await self.relay.writer.run(ladder.update_site(sid, rule="all"))


@contextlib.asynccontextmanager
async def running_relay(database_url: str, **overrides: Any) -> AsyncIterator[RelayHandle]:
    """A relay on 127.0.0.1, port 0, with a demo site, an admin and an agent."""
    if "files_dir" not in overrides and not database_url.startswith("sqlite"):
        # C14: files go beside a SQLite database; never into the real user's data folder.
        overrides["files_dir"] = tempfile.mkdtemp(prefix="relay-files-")
    # Finding 10's per-IP limits on first frames and new visitors would count every test's
    # connections (all from 127.0.0.1) as one client: tests of those limits set them.
    overrides.setdefault("first_frame_burst", 100_000.0)
    overrides.setdefault("new_visitors_per_hour", 100_000.0)
    settings = Settings(host="127.0.0.1", port=0, database_url=database_url, **overrides)
    async with Relay(settings) as relay:
        await relay.create_agent(ADMIN_EMAIL, "Boss", ADMIN_PASSWORD, "admin")
        await relay.create_agent(AGENT_EMAIL, "Ana", AGENT_PASSWORD, "agent")
        await relay.bootstrap_demo()  # agents exist, so only the demo site is made
        assert relay.demo_site_key is not None
        yield RelayHandle(relay, relay.demo_site_key)


class RelayProcess:
    """``jivo-relay serve`` in a child process, for tests that SIGKILL it and start it again on
    the same database and port."""

    def __init__(self, database_url: str, workdir: Path, env: dict[str, str] | None = None):
        self.database_url = database_url
        self.workdir = workdir
        self.port = 0
        self.console_port: int | None = None
        """X5: set to 0 to serve the agent console too (its port is kept across restarts)."""
        self.proc: subprocess.Popen[bytes] | None = None
        self.env = {
            "JIVO_RELAY_FILES_DIR": str(workdir / "files"),
            "JIVO_RELAY_FIRST_FRAME_BURST": "100000",  # see running_relay
            "JIVO_RELAY_NEW_VISITORS_PER_HOUR": "100000",
            **os.environ,
            **(env or {}),
        }
        self.log = workdir / "relay.log"

    def start(self, timeout: float = 30.0) -> None:
        ready = self.workdir / "ready"
        ready.unlink(missing_ok=True)
        argv = [
            sys.executable,
            "-m",
            "server",
            "--db",
            self.database_url,
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--demo",
            "--ready-file",
            str(ready),
        ]
        if self.console_port is not None:
            argv += ["--console-port", str(self.console_port)]
        with self.log.open("ab") as log:
            self.proc = subprocess.Popen(argv, cwd=ROOT, env=self.env, stdout=log, stderr=log)
        deadline = time.monotonic() + timeout
        while not ready.exists() or not ready.read_text():
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"relay did not start:\n{self.log.read_text()[-3000:]}")
            time.sleep(0.05)
        self.port = int(ready.read_text())
        if self.console_port is not None:
            self.console_port = int(ready.with_suffix(".console").read_text())

    async def start_async(self, timeout: float = 30.0) -> None:
        await asyncio.to_thread(self.start, timeout)

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/ws"

    @property
    def http_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def kill(self) -> None:
        """SIGKILL: no shutdown code runs, as in a crash."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)


async def create_agent_cli(
    database_url: str,
    email: str = AGENT_EMAIL,
    password: str = AGENT_PASSWORD,
    name: str = "Ana",
    role: str = "agent",
) -> None:
    """Add an account through the real `jivo-relay create-admin`, as an admin would."""
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "server", "--db", database_url, "create-admin", email,
        "--name", name, "--password", password, "--role", role,
        cwd=str(ROOT), stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
    )  # fmt: skip
    out, _ = await proc.communicate()
    assert proc.returncode == 0, out.decode()


async def site_settings_cli(database_url: str, site: str = "Demo site", *args: str) -> str:
    """Change a site's routing settings through the real `jivo-relay site-settings`."""
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "server", "--db", database_url, "site-settings", site, *args,
        cwd=str(ROOT), stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
    )  # fmt: skip
    out, _ = await proc.communicate()
    assert proc.returncode == 0, out.decode()
    return out.decode()
