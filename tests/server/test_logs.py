"""G10 on the relay, on SQLite and PostgreSQL: log bundles stored in parts, listed and served
to admins only."""

from __future__ import annotations

import asyncio
import base64
import os
import urllib.error
import urllib.request

import pytest

from jivo_desktop.net.client import AgentClient
from jivo_desktop.net.errors import RelayError
from server import protocol as p
from tests.support.relay import RelayHandle


def _get(url: str, token: str) -> tuple[int, bytes]:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=10) as r:
            return int(r.status), bytes(r.read())
    except urllib.error.HTTPError as exc:
        return exc.code, b""


async def test_g10_log_bundle_in_parts_admins_only(relay_any_db: RelayHandle) -> None:
    """G10/A3: two parts make one bundle; the admin lists it and downloads the same bytes;
    the agent is refused both; an unknown id is 404."""
    relay = relay_any_db
    agent = AgentClient(relay.ws_url)
    admin = AgentClient(relay.ws_url)
    await agent.sign_in(relay.agent_email, relay.agent_password)
    await admin.sign_in(relay.admin_email, relay.admin_password)
    data = os.urandom(p.LOG_PART_BYTES + 1000)
    parts = [data[: p.LOG_PART_BYTES], data[p.LOG_PART_BYTES :]]
    answers = []
    for i, part in enumerate(parts):
        answers.append(
            await agent.request(
                lambda rid, i=i, part=part: p.UploadLogs(
                    id=rid,
                    upload="one",
                    part=i,
                    data=base64.b64encode(part).decode(),
                    last=i == 1,
                    name="app-logs.zip",
                )
            )
        )
    assert isinstance(answers[0], p.Ok)
    stored = answers[1]
    assert isinstance(stored, p.LogsStored) and stored.size == len(data)

    listed = await admin.request(lambda rid: p.ListLogs(id=rid))
    assert isinstance(listed, p.LogList)
    [info] = listed.logs
    assert (info.id, info.agent_email, info.name, info.size) == (
        stored.log_id,
        relay.agent_email,
        "app-logs.zip",
        len(data),
    )
    with pytest.raises(RelayError) as refused:
        await agent.request(lambda rid: p.ListLogs(id=rid))
    assert refused.value.code == "forbidden"

    url = f"{relay.http_url}/logs/{info.id}"
    assert admin.token and agent.token
    assert await asyncio.to_thread(_get, url, admin.token) == (200, data)
    assert (await asyncio.to_thread(_get, url, agent.token))[0] == 403
    assert (await asyncio.to_thread(_get, url, ""))[0] == 401
    assert (await asyncio.to_thread(_get, f"{relay.http_url}/logs/999", admin.token))[0] == 404
    assert (await asyncio.to_thread(_get, f"{relay.http_url}/logs/x", admin.token))[0] == 404
    await agent.close()
    await admin.close()
