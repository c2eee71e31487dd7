"""Several relay nodes in one test process (X4): ``Relay`` objects on one database sharing one
``LocalBus`` (a bus between nodes that never drops anything). Each node draws its own node id.

A node "dies" with :func:`die`: its heartbeats and timers stop without its shutdown (no goodbye,
no drop-out rows, its sockets stay open), as when its process is killed; the others must notice
by themselves.
"""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import AsyncIterator
from typing import Any

import sqlalchemy as sa

from server.core.bus import LocalBus
from server.core.config import Settings
from server.core.relay import Relay
from server.store.db import read
from tests.support.relay import ADMIN_EMAIL, ADMIN_PASSWORD, AGENT_EMAIL, AGENT_PASSWORD

BEA_EMAIL, BEA_PASSWORD = "bea@example.com", "agent-password-2"

HEARTBEAT = 0.1
EXPIRY = 0.8
"""Short presence times for tests (the defaults are 10 s and 30 s)."""


@contextlib.asynccontextmanager
async def cluster(database_url: str, nodes: int, **overrides: Any) -> AsyncIterator[list[Relay]]:
    """``nodes`` relays on 127.0.0.1, port 0, one database, one bus; the first one made the
    demo site and the accounts Boss (admin), Ana and Bea."""
    bus = LocalBus()
    overrides.setdefault("first_frame_burst", 100_000.0)
    overrides.setdefault("new_visitors_per_hour", 100_000.0)
    overrides.setdefault("presence_heartbeat", HEARTBEAT)
    overrides.setdefault("presence_expiry", EXPIRY)
    files = tempfile.mkdtemp(prefix="relay-files-")  # C14: one shared folder, as a shared disk
    relays: list[Relay] = []
    try:
        for n in range(nodes):
            settings = Settings(
                host="127.0.0.1", port=0, database_url=database_url, files_dir=files, **overrides
            )
            relay = Relay(settings, bus=bus)
            await relay.start()
            relays.append(relay)
            if n == 0:
                await relay.create_agent(ADMIN_EMAIL, "Boss", ADMIN_PASSWORD, "admin")
                await relay.create_agent(AGENT_EMAIL, "Ana", AGENT_PASSWORD, "agent")
                await relay.create_agent(BEA_EMAIL, "Bea", BEA_PASSWORD, "agent")
                await relay.bootstrap_demo()
        for relay in relays[1:]:
            relay.demo_site_key = relays[0].demo_site_key
        yield relays
    finally:
        for relay in reversed(relays):
            await relay.stop()


async def die(relay: Relay) -> None:
    """The node stops heartbeating and firing timers, without its shutdown."""
    await relay.presence.stop(bye=False)
    await relay.router.stop()
    await relay.actions.stop()
    await relay.webhooks.stop()


async def rows(relay: Relay, query: Any) -> list[Any]:
    def run(conn: sa.Connection) -> list[Any]:
        return list(conn.execute(query).all())

    return await read(relay.engine, run)


def site_key(relays: list[Relay]) -> str:
    key = relays[0].demo_site_key
    assert key is not None
    return key
