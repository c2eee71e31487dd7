"""``--demo`` on relay nodes started at once (X4): one demo site and one demo admin, and every
node starts (each used to look, find nothing, and make its own; all but one then crashed on the
admin's e-mail already taken)."""

from __future__ import annotations

import asyncio

import pytest
import sqlalchemy as sa

from server.core.bus import LocalBus
from server.core.config import Settings
from server.core.relay import Relay
from server.store.db import read
from server.store.schema import agents, sites
from tests.support.postgres import PostgresCluster

pytestmark = [pytest.mark.postgres, pytest.mark.timeout(120)]


async def test_x4_nodes_started_at_once_with_demo_make_one_site_and_one_admin(
    pg_cluster: PostgresCluster,
) -> None:
    """X4: three nodes on one empty PostgreSQL database run the demo set-up at the same moment:
    exactly one of them prints a demo admin, all three know the same demo site, and the
    database holds one of each. Fails with the check and the inserts in separate writes."""
    url = pg_cluster.create_database("demo_race")
    bus = LocalBus()
    nodes = [Relay(Settings(host="127.0.0.1", port=0, database_url=url), bus=bus) for _ in range(3)]
    try:
        for node in nodes:
            await node.start()
        created = await asyncio.gather(*(node.bootstrap_demo() for node in nodes))
        assert sum(c is not None for c in created) == 1
        keys = {node.demo_site_key for node in nodes}
        assert len(keys) == 1 and None not in keys

        def count(conn: sa.Connection) -> tuple[int, int]:
            demo = conn.execute(
                sa.select(sa.func.count()).select_from(sites).where(sites.c.name == "Demo site")
            ).scalar_one()
            admins = conn.execute(sa.select(sa.func.count()).select_from(agents)).scalar_one()
            return demo, admins

        assert await read(nodes[0].engine, count) == (1, 1)
        assert await nodes[1].bootstrap_demo() is None  # a restart finds both
    finally:
        for node in reversed(nodes):
            await node.stop()
