"""Issue 11, findings 11 and 15: what agents can store as log bundles is bounded, bundles are
files written as they arrive, and ``/logs/<id>`` never answers 500. Real relays, the desktop
app's AgentClient, HTTP over 127.0.0.1."""

from __future__ import annotations

import asyncio
import base64
import logging
import os
from pathlib import Path

import pytest
import sqlalchemy as sa

from jivo_desktop.net.client import AgentClient
from server import protocol as p
from server.store.schema import log_bundles
from tests.server.test_logs import _get
from tests.server.test_upload_limits import relay_with
from tests.support.relay import RelayHandle
from tests.support.waiting import until

KB = 1024


async def send_bundle(agent: AgentClient, data: bytes, upload: str) -> p.Frame:
    parts = [data[i : i + p.LOG_PART_BYTES] for i in range(0, len(data), p.LOG_PART_BYTES)]
    answer: p.Frame | None = None
    for i, part in enumerate(parts):
        answer = await agent.request(
            lambda rid, i=i, part=part: p.UploadLogs(
                id=rid,
                upload=upload,
                part=i,
                data=base64.b64encode(part).decode(),
                last=i == len(parts) - 1,
                name=f"{upload}.zip",
            )
        )
    assert answer is not None
    return answer


async def signed_in(relay: RelayHandle, email: str, password: str) -> AgentClient:
    client = AgentClient(relay.ws_url)
    await client.sign_in(email, password)
    return client


async def listed(admin: AgentClient) -> list[tuple[str, str]]:
    answer = await admin.request(lambda rid: p.ListLogs(id=rid))
    assert isinstance(answer, p.LogList)
    return [(info.agent_email, info.name) for info in answer.logs]


def bundle_files(relay: RelayHandle) -> list[Path]:
    return sorted(f for f in relay.relay.logs.root.iterdir() if f.is_file())


async def blobs(relay: RelayHandle) -> int:
    async with relay.relay.engine.connect() as conn:
        query = sa.select(sa.func.count()).where(log_bundles.c.data.is_not(None))
        return int((await conn.execute(query)).scalar_one())


async def test_log_bundles_are_capped_per_agent_and_in_total(tmp_path: Path) -> None:
    """Finding 11: each agent keeps its newest ``logs_per_agent`` bundles, all agents together
    at most ``logs_max_total_bytes`` (the oldest go first); bundles are files, not BLOBs in
    the database (1ebce85 kept every bundle, as a BLOB)."""
    async with relay_with(tmp_path, logs_per_agent=2, logs_max_total_bytes=250 * KB) as relay:
        agent = await signed_in(relay, relay.agent_email, relay.agent_password)
        admin = await signed_in(relay, relay.admin_email, relay.admin_password)
        try:
            for name in ("a1", "a2", "a3"):
                stored = await send_bundle(agent, os.urandom(100 * KB), name)
                assert isinstance(stored, p.LogsStored), stored
            assert await listed(admin) == [
                (relay.agent_email, "a3.zip"),
                (relay.agent_email, "a2.zip"),
            ]
            assert len(bundle_files(relay)) == 2 and await blobs(relay) == 0
            # The admin's bundle makes 300 KB: the oldest of all (Ana's a2) goes.
            stored = await send_bundle(admin, os.urandom(100 * KB), "b1")
            assert isinstance(stored, p.LogsStored)
            assert await listed(admin) == [
                (relay.admin_email, "b1.zip"),
                (relay.agent_email, "a3.zip"),
            ]
            assert len(bundle_files(relay)) == 2
            url = f"{relay.http_url}/logs/{stored.log_id}"
            assert admin.token is not None
            status, body = await asyncio.to_thread(_get, url, admin.token)
            assert status == 200 and len(body) == 100 * KB
        finally:
            await agent.close()
            await admin.close()


async def test_old_log_bundles_are_deleted(tmp_path: Path) -> None:
    """Finding 11 (retention): a bundle older than ``logs_retention_days`` is deleted, its
    file too, when the relay next prunes (at start, every hour, and with each new bundle)."""
    async with relay_with(tmp_path, logs_retention_days=7.0) as relay:
        agent = await signed_in(relay, relay.agent_email, relay.agent_password)
        admin = await signed_in(relay, relay.admin_email, relay.admin_password)
        try:
            old = await send_bundle(agent, os.urandom(10 * KB), "old")
            assert isinstance(old, p.LogsStored)
            await relay.relay.writer.run(
                lambda db: db.execute(
                    sa.update(log_bundles)
                    .where(log_bundles.c.id == old.log_id)
                    .values(created_at=log_bundles.c.created_at - 8 * 86400)
                )
            )
            new = await send_bundle(agent, os.urandom(10 * KB), "new")
            assert isinstance(new, p.LogsStored)
            assert await listed(admin) == [(relay.agent_email, "new.zip")]
            assert len(bundle_files(relay)) == 1
        finally:
            await agent.close()
            await admin.close()


async def test_a_log_bundle_is_written_as_it_arrives_not_kept_in_memory(tmp_path: Path) -> None:
    """Finding 11: each part goes to a file at once (1ebce85 kept up to 8 MiB per connection
    in memory until the last part); a connection that goes away leaves no file behind."""
    async with relay_with(tmp_path) as relay:
        agent = await signed_in(relay, relay.agent_email, relay.agent_password)
        data = os.urandom(p.LOG_PART_BYTES)
        answer = await agent.request(
            lambda rid: p.UploadLogs(
                id=rid, upload="u", part=0, data=base64.b64encode(data).decode(), last=False
            )
        )
        assert isinstance(answer, p.Ok)
        partial = relay.relay.logs.root / "partial"
        [part] = list(partial.iterdir())
        assert part.read_bytes() == data
        await agent.close()
        await until(lambda: not any(partial.iterdir()))


async def test_logs_urls_with_huge_ids_never_answer_500(
    relay: RelayHandle, caplog: pytest.LogCaptureFixture
) -> None:
    """Finding 15: ``/logs/`` + 5,000 digits without a token is 401 (authentication first), + 20
    digits or a non-ASCII digit with an admin token is 404; no traceback is logged (1ebce85:
    500 for both, "Exceeds the limit (4300 digits)" and "OverflowError")."""
    admin = await signed_in(relay, relay.admin_email, relay.admin_password)
    assert admin.token is not None
    caplog.set_level(logging.ERROR)
    try:
        base = f"{relay.http_url}/logs/"
        assert (await asyncio.to_thread(_get, base + "9" * 5000, ""))[0] == 401
        assert (await asyncio.to_thread(_get, base + "9" * 5000, "nope"))[0] == 401
        assert (await asyncio.to_thread(_get, base + "9" * 20, admin.token))[0] == 404
        assert (await asyncio.to_thread(_get, base + "%C2%B2", admin.token))[0] == 404
        assert (await asyncio.to_thread(_get, base + "9" * 18, admin.token))[0] == 404
    finally:
        await admin.close()
    assert not [r for r in caplog.records if r.exc_info], caplog.text
