"""Several relay nodes for tests (issue 16, X4): N ``jivo-relay serve`` SUBPROCESSES on one
database, each on its own free port with its own files folder, sharing an admin, an agent and
the demo site set up once before they start (so no node races another to create them).

Usage::

    async with running_cluster(pg.create_database("x"), tmp_path, nodes=3) as cluster:
        cluster.nodes[0].ws_url ...; cluster.nodes[1].kill()

A node is a :class:`tests.support.relay.RelayProcess` (kill it with SIGKILL, start it again on
the same port). Put HAProxy in front with :func:`tests.support.haproxy.running_haproxy`.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

from server.account import bootstrap
from server.store.db import create_engine, create_writer_engine, migrate
from server.store.writer import GroupWriter
from tests.support.relay import (
    ADMIN_EMAIL,
    ADMIN_PASSWORD,
    AGENT_EMAIL,
    AGENT_PASSWORD,
    ROOT,
    RelayProcess,
)

ERROR_LINE = re.compile(r"^.*\b(ERROR|CRITICAL|Traceback)\b.*$", re.MULTILINE)


class ClusterNode(RelayProcess):
    """One node: ``jivo-relay serve`` with the node's own folder, log and (after the first
    start) port; ``demo=False`` leaves out ``--demo`` (nodes starting on an empty database)."""

    def __init__(
        self,
        name: str,
        database_url: str,
        workdir: Path,
        env: dict[str, str] | None = None,
        *,
        demo: bool = True,
    ) -> None:
        workdir.mkdir(parents=True, exist_ok=True)
        super().__init__(database_url, workdir, env)
        self.name = name
        self.demo = demo

    def start(self, timeout: float = 60.0) -> None:
        ready = self.workdir / "ready"
        ready.unlink(missing_ok=True)
        argv = [
            sys.executable, "-m", "server", "--db", self.database_url, "serve",
            "--host", "127.0.0.1", "--port", str(self.port), "--ready-file", str(ready),
            *(["--demo"] if self.demo else []),
        ]  # fmt: skip
        with self.log.open("ab") as log:
            self.proc = subprocess.Popen(argv, cwd=ROOT, env=self.env, stdout=log, stderr=log)
        deadline = time.monotonic() + timeout
        while not ready.exists() or not ready.read_text():
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"{self.name} did not start:\n{self.log_text()[-3000:]}")
            time.sleep(0.05)
        self.port = int(ready.read_text())

    @property
    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def log_text(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def errors(self) -> list[str]:
        """The lines of its log that report an error (there should be none)."""
        return [m.group(0) for m in ERROR_LINE.finditer(self.log_text())]


@dataclass
class Cluster:
    database_url: str
    nodes: list[ClusterNode]
    site_key: str = ""
    admin_email: str = ADMIN_EMAIL
    admin_password: str = ADMIN_PASSWORD
    agent_email: str = AGENT_EMAIL
    agent_password: str = AGENT_PASSWORD

    def node_on_port(self, port: int) -> ClusterNode:
        return next(n for n in self.nodes if n.port == port)

    def errors(self) -> dict[str, list[str]]:
        return {n.name: e for n in self.nodes if (e := n.errors())}


async def set_up_accounts(database_url: str) -> str:
    """Migrate, then the admin, the agent Ana and the demo site, once for every node (what
    an admin does with ``jivo-relay migrate``, ``create-admin`` and ``add-site``). Returns the
    demo site's key."""
    engine = create_engine(database_url)
    writer = GroupWriter(engine, sync_engine=create_writer_engine(database_url))
    try:
        await migrate(engine)
        writer.start()
        await bootstrap.create_agent(writer, ADMIN_EMAIL, "Boss", ADMIN_PASSWORD, "admin")
        await bootstrap.create_agent(writer, AGENT_EMAIL, "Ana", AGENT_PASSWORD, "agent")
        return await bootstrap.add_site(writer, bootstrap.DEMO_SITE_NAME)
    finally:
        await writer.close()
        await engine.dispose()


@contextlib.asynccontextmanager
async def running_cluster(
    database_url: str,
    workdir: Path,
    nodes: int = 3,
    env: dict[str, str] | None = None,
    *,
    set_up: bool = True,
) -> AsyncIterator[Cluster]:
    """``nodes`` relay subprocesses on ``database_url``, started at once and stopped at the end
    (a node the test killed is left dead). ``set_up=False``: an empty database, nodes without
    ``--demo`` (the migration lock's test)."""
    site_key = await set_up_accounts(database_url) if set_up else ""
    cluster = Cluster(
        database_url,
        [
            ClusterNode(f"node{i + 1}", database_url, workdir / f"node{i + 1}", env, demo=set_up)
            for i in range(nodes)
        ],
        site_key,
    )
    try:
        # Every start finishes (or fails) before any failure is raised: no node is left running.
        started = await asyncio.gather(
            *(asyncio.to_thread(n.start) for n in cluster.nodes), return_exceptions=True
        )
        for outcome in started:
            if isinstance(outcome, BaseException):
                raise outcome
        yield cluster
    finally:
        await asyncio.gather(*(asyncio.to_thread(n.stop) for n in cluster.nodes))
