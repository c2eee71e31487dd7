"""X4: several relay nodes on one PostgreSQL behind a real HAProxy. Files with
``--files-store database`` are reachable from every node; sockets through the balancer spread
over the nodes (round-robin, no sticky sessions), and a killed node's clients reconnect to
another. Real ``jivo-relay serve`` subprocesses (tests/support/cluster.py) and the Debian
``haproxy`` (tests/support/haproxy.py)."""

from __future__ import annotations

import asyncio
import hashlib
import os
import re
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from jivo_desktop.net.client import AgentClient
from server import protocol as p
from tests.server.test_files import http_get, visitor_upload
from tests.support.cluster import Cluster, running_cluster
from tests.support.haproxy import NODE_HEADER, HAProxy, running_haproxy, skip_unless_haproxy
from tests.support.postgres import PostgresCluster
from tests.support.visitor import Visitor

pytestmark = [pytest.mark.postgres, pytest.mark.timeout(180)]

FILE_ID = re.compile(r"^[0-9a-f]{32}$")


@pytest.fixture
async def balanced(
    pg_cluster: PostgresCluster, tmp_path: Path
) -> AsyncIterator[tuple[Cluster, HAProxy]]:
    """Three nodes with the database files store, HAProxy in front."""
    skip_unless_haproxy()
    url = pg_cluster.create_database(f"t_{uuid.uuid4().hex[:12]}")
    env = {"JIVO_RELAY_FILES_STORE": "database"}
    async with (
        running_cluster(url, tmp_path, nodes=3, env=env) as cluster,
        running_haproxy([(n.name, n.port) for n in cluster.nodes]) as proxy,
    ):
        yield cluster, proxy
        assert cluster.errors() == {}


def node_of(visitor: Visitor) -> str:
    assert visitor.ws is not None and visitor.ws.response is not None
    return str(visitor.ws.response.headers[NODE_HEADER])


async def test_x4_a_file_uploaded_through_node_1_downloads_through_node_2_and_the_balancer(
    balanced: tuple[Cluster, HAProxy],
) -> None:
    """X4: with ``--files-store database`` a 10 MiB file a visitor uploads through node 1
    downloads byte for byte through node 2 (the link node 1 signed works there: one key for
    all nodes), and through HAProxy from each node in turn; a file Ana uploads through node 2
    downloads through node 1. No node keeps the bytes in its own folder."""
    cluster, proxy = balanced
    node1, node2, _node3 = cluster.nodes
    ana = AgentClient(node1.ws_url)
    await ana.sign_in(cluster.agent_email, cluster.agent_password)
    await ana.wait_synced()
    visitor = Visitor(node1.ws_url, cluster.site_key)
    await visitor.connect()
    await visitor.say("hello")
    offer = await ana.wait_for_type(p.ChatOffered)
    await ana.accept(offer.chat.id)
    ana_on_2 = AgentClient(node2.ws_url)
    try:
        data = os.urandom(p.MAX_FILE_BYTES)
        stored = await visitor_upload(visitor, "report.bin", data)
        assert isinstance(stored, p.FileStored), stored
        granted = await visitor.answer(
            visitor.send_frame(lambda i: p.FileLink(id=i, file_id=stored.file.id))
        )
        assert isinstance(granted, p.FileLinkGranted)

        status, _, body = await asyncio.to_thread(http_get, node2.http_url + granted.url)
        assert status == 200 and hashlib.sha256(body).digest() == hashlib.sha256(data).digest()
        served_by = set()
        for _ in cluster.nodes:  # round-robin: each node serves one of these
            status, headers, body = await asyncio.to_thread(http_get, proxy.http_url + granted.url)
            assert status == 200 and body == data
            # HAProxy sends header names in lower case; http_get's dict is case-sensitive.
            served_by.add({k.lower(): v for k, v in headers.items()}[NODE_HEADER.lower()])
        assert served_by == {n.name for n in cluster.nodes}

        await ana_on_2.sign_in(cluster.agent_email, cluster.agent_password)
        assert await ana_on_2.download_file(stored.file.id) == data  # link and bytes: node 2
        answer = os.urandom(300_000)
        done = await ana_on_2.upload_file(offer.chat.id, "answer.bin", answer)
        granted = await visitor.answer(
            visitor.send_frame(lambda i: p.FileLink(id=i, file_id=done.file.id))
        )
        assert isinstance(granted, p.FileLinkGranted)
        status, _, body = await asyncio.to_thread(http_get, node1.http_url + granted.url)
        assert status == 200 and body == answer

        kept = [f.name for n in cluster.nodes for f in (n.workdir / "files").rglob("*")]
        assert not [name for name in kept if FILE_ID.match(name)], kept
    finally:
        await ana_on_2.close()
        await ana.close()
        await visitor.close()


async def test_x4_sockets_spread_over_the_nodes_and_a_killed_nodes_clients_reconnect_elsewhere(
    balanced: tuple[Cluster, HAProxy],
) -> None:
    """X4: six visitors through HAProxy land on all three nodes (round-robin, no sticky
    sessions). ``kill -9`` of node 1: the balancer closes its visitors' sockets, and each
    reconnects through the balancer, with its token, to another node, as the same visitor."""
    cluster, proxy = balanced
    visitors = [Visitor(proxy.ws_url, cluster.site_key) for _ in range(6)]
    try:
        for visitor in visitors:
            assert isinstance(await visitor.connect(), p.VisitorWelcome)
        nodes = [node_of(v) for v in visitors]
        assert set(nodes) == {n.name for n in cluster.nodes}, nodes

        victim = cluster.nodes[0]
        await asyncio.to_thread(victim.kill)
        cut = [v for v, name in zip(visitors, nodes, strict=True) if name == victim.name]
        assert cut
        for visitor in cut:
            await visitor.closed(timeout=30)
        for visitor in cut:
            again = Visitor(proxy.ws_url, cluster.site_key)
            again.token = visitor.token
            welcome = await again.connect()
            visitors.append(again)
            assert isinstance(welcome, p.VisitorWelcome), welcome
            assert welcome.visitor_id == visitor.visitor_id
            assert node_of(again) != victim.name
        others = [v for v, name in zip(visitors, nodes, strict=False) if name != victim.name]
        for visitor in others:  # the other nodes' sockets were not touched
            assert isinstance(
                await visitor.answer(visitor.send_frame(lambda i: p.Ping(id=i))), p.Pong
            )
    finally:
        for visitor in visitors:
            await visitor.close()


def test_x4_the_haproxy_configuration_of_deploy_md_is_valid(tmp_path: Path) -> None:
    """X4: docs/deploy.md's HAProxy configuration passes ``haproxy -c`` (the TLS ``bind``,
    whose certificate this machine lacks, left out)."""
    import subprocess

    skip_unless_haproxy()
    text = (Path(__file__).resolve().parents[2] / "docs" / "deploy.md").read_text()
    block = re.search(r"```haproxy\n(.*?)```", text, re.DOTALL)
    assert block is not None, "docs/deploy.md has no haproxy block"
    config = "\n".join(line for line in block.group(1).splitlines() if " ssl crt " not in line)
    (tmp_path / "haproxy.cfg").write_text(config + "\n")
    checked = subprocess.run(
        ["haproxy", "-c", "-f", str(tmp_path / "haproxy.cfg")],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
