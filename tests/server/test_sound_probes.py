"""Issue 11, "Checked and found sound" (security review 1): the probes the review found sound,
kept as tests so they stay sound. They pass on 1ebce85 by design: they guard, not fix. Real
relay on 127.0.0.1, scripted visitors, the desktop app's AgentClient, raw HTTP requests."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from server import protocol as p
from tests.server.test_files import visitor_upload
from tests.server.test_upload_limits import relay_with, visitor_chat
from tests.support.relay import RelayHandle
from tests.support.visitor import Visitor


async def raw_get(relay: RelayHandle, target: str) -> tuple[int, bytes]:
    """A GET with the request target exactly as given (no client-side normalisation)."""
    reader, writer = await asyncio.open_connection("127.0.0.1", relay.relay.port)
    try:
        writer.write(f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
        head = await reader.readuntil(b"\r\n\r\n")
        length = next(
            int(line.split(b":", 1)[1])
            for line in head.split(b"\r\n")
            if line.lower().startswith(b"content-length:")
        )
        return int(head.split(b" ", 2)[1]), await reader.readexactly(length)
    finally:
        writer.close()


async def events_of_chat(relay: RelayHandle, chat_id: int) -> int:
    async with relay.relay.engine.connect() as conn:
        query = sa.text("SELECT count(*) FROM events WHERE chat_id = :c")
        return int((await conn.execute(query, {"c": chat_id})).scalar_one())


async def test_visitors_cannot_name_a_chat(tmp_path: Path) -> None:
    """Sound (cross-site): a visitor's ``send_message``, ``receipt`` and ``upload_file`` naming a
    chat (here another visitor's) are refused ``forbidden``, and nothing reaches that chat."""
    async with relay_with(tmp_path) as relay, visitor_chat(relay) as (victim, _agent):
        async with relay.relay.engine.connect() as conn:
            query = sa.text("SELECT id FROM chats WHERE visitor_id = :v")
            target = int((await conn.execute(query, {"v": victim.visitor_id})).scalar_one())
        before = await events_of_chat(relay, target)
        other_site = await relay.add_site("Site B", ["https://b.example"])
        attacker = Visitor(relay.ws_url, other_site)
        await attacker.connect()
        try:
            frames = [
                lambda i: p.SendMessage(id=i, client_msg_id="x1", text="hi", chat_id=target),
                lambda i: p.UploadFile(
                    id=i, client_msg_id="x2", name="a.bin", size=1, sha256="0" * 64,
                    chat_id=target,
                ),
            ]  # fmt: skip
            for make in frames:
                answer = await attacker.answer(attacker.send_frame(make))
                assert isinstance(answer, p.Error) and answer.code == "forbidden", answer
            since = len(attacker.frames)  # a receipt has no id: its error has none either
            await attacker.send_raw(p.encode(p.Receipt(seq=1, chat_id=target)))
            refused = await attacker.wait_for(lambda f: isinstance(f, p.Error), since=since)
            assert refused.code == "forbidden", refused
        finally:
            await attacker.close()
        assert await events_of_chat(relay, target) == before


async def test_a_visitor_of_another_site_gets_no_link_to_a_file(tmp_path: Path) -> None:
    """Sound (cross-site): a site-B visitor asking for a site-A visitor's file gets
    ``not_found``; a site-A visitor token presented with site B's key is a new visitor."""
    async with relay_with(tmp_path) as relay, visitor_chat(relay) as (visitor, _agent):
        stored = await visitor_upload(visitor, "a.bin", b"site A only")
        assert isinstance(stored, p.FileStored)
        other_site = await relay.add_site("Site B", ["https://b.example"])
        stranger = Visitor(relay.ws_url, other_site)
        stranger.token = visitor.token  # a token of site A, sent with site B's key
        await stranger.connect()
        try:
            assert stranger.visitor_id != visitor.visitor_id
            answer = await stranger.answer(
                stranger.send_frame(lambda i: p.FileLink(id=i, file_id=stored.file.id))
            )
            assert isinstance(answer, p.Error) and answer.code == "not_found"
        finally:
            await stranger.close()


async def test_tampered_download_tokens_are_refused(tmp_path: Path) -> None:
    """Sound (download links): a token whose claim was edited (visitor made agent, another id,
    a later expiry), a truncated one, and a correctly signed but expired one are all 403; the
    real one is 200."""
    async with relay_with(tmp_path) as relay, visitor_chat(relay) as (visitor, _agent):
        stored = await visitor_upload(visitor, "a.bin", b"secret bytes")
        assert isinstance(stored, p.FileStored)
        granted = await visitor.answer(
            visitor.send_frame(lambda i: p.FileLink(id=i, file_id=stored.file.id))
        )
        assert isinstance(granted, p.FileLinkGranted)
        path, token = granted.url.split("?t=")
        claim, expires, mac = token.split(".")
        assert claim[0] == "v"
        files = relay.relay.files
        expired = files._sign(stored.file.id, "visitor", int(claim[1:]), int(time.time()) - 1)
        tampered = [
            f"a{claim[1:]}.{expires}.{mac}",  # the visitor's token made an agent's
            f"v{int(claim[1:]) + 1}.{expires}.{mac}",  # another visitor
            f"{claim}.{int(expires) + 86400}.{mac}",  # a later expiry
            f"{claim}.{expires}.{mac[:-1]}",  # truncated
            f"{claim}.{expires}.{mac}=",  # padded
            expired,
        ]
        for bad in tampered:
            status, _ = await raw_get(relay, f"{path}?t={bad}")
            assert status == 403, bad
        assert await raw_get(relay, granted.url) == (200, b"secret bytes")


@pytest.mark.parametrize(
    "target",
    [
        "/files/../relay.db",
        "/files/..%2frelay.db",
        "/files/%2e%2e%2frelay.db",
        "/files/../files/link.key",
        "/widget/../http.py",
        "/widget/%2e%2e%2fhttp.py",
        "/widget/..%2f..%2fserver%2fhttp.py",
        "/widget/mod/../../http.py",
        "/widget.js/../relay.db",
    ],
)
async def test_path_tricks_in_widget_and_files_find_nothing(
    relay: RelayHandle, target: str
) -> None:
    """Sound (paths): ``..`` and percent-encoded ``..`` under ``/files/`` and ``/widget/`` are
    404 (modules come from a fixed dict, file ids must be 32 hex digits): no byte of the
    database, the link key or the relay's source comes back."""
    status, body = await raw_get(relay, target)
    assert status == 404, (target, status)
    assert b"SQLite" not in body and b"import" not in body and len(body) < 200
