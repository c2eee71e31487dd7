"""C14 files both ways and C17 sneak peek, at the protocol level (a scripted visitor and the
desktop app's AgentClient against a real relay). The file tests run on both files stores
(X4: ``local``, the folder, and ``database``, the chunks every node reads)."""

from __future__ import annotations

import asyncio
import hashlib
import os
import urllib.error
import urllib.request
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from jivo_desktop.net.client import AgentClient
from jivo_desktop.net.errors import RelayError
from server import protocol as p
from server.files.names import check_file_name, sniff_image
from tests.support.relay import RelayHandle, running_relay
from tests.support.visitor import Visitor

MB = 1024 * 1024
PNG_1PX = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201a5f4a1a30000000049454e44ae426082"
)


@dataclass
class Chat:
    relay: RelayHandle
    visitor: Visitor
    agent: AgentClient
    chat_id: int


FILES_STORES = ["local", "database"]


@pytest.fixture(params=FILES_STORES)
async def store_relay(
    request: pytest.FixtureRequest, sqlite_url: str
) -> AsyncIterator[RelayHandle]:
    """The relay on SQLite with each files store (X4; the database store on PostgreSQL in
    ``test_files_on_sqlite_and_postgresql`` and tests/server/test_multi_node_files.py)."""
    async with running_relay(sqlite_url, files_store=request.param) as handle:
        yield handle


@pytest.fixture
async def chat(store_relay: RelayHandle) -> AsyncIterator[Chat]:
    """An active chat between a scripted visitor and Ana."""
    relay = store_relay
    agent = AgentClient(relay.ws_url)
    await agent.sign_in(relay.agent_email, relay.agent_password)
    await agent.wait_synced()
    visitor = Visitor(relay.ws_url, relay.site_key)
    await visitor.connect()
    await visitor.say("hello")
    offer = await agent.wait_for_type(p.ChatOffered)
    await agent.accept(offer.chat.id)
    try:
        yield Chat(relay, visitor, agent, offer.chat.id)
    finally:
        await agent.close()
        await visitor.close()


async def visitor_upload(
    visitor: Visitor, name: str, data: bytes, *, announce: int | None = None
) -> p.Frame:
    """What the widget does: upload_file, then binary chunks, then the relay's answer."""
    assert visitor.ws is not None
    request_id = visitor.send_frame(
        lambda i: p.UploadFile(
            id=i,
            client_msg_id=uuid.uuid4().hex,
            name=name,
            size=len(data) if announce is None else announce,
            sha256=hashlib.sha256(data).hexdigest(),
            content_type="application/octet-stream",
        )
    )
    ready = await visitor.answer(request_id)
    if not isinstance(ready, p.UploadReady):
        return ready
    since = len(visitor.frames)
    for offset in range(0, len(data), ready.chunk_bytes):
        await visitor.ws.send(data[offset : offset + ready.chunk_bytes])
    return await visitor.wait_for(lambda f: getattr(f, "id", None) == request_id, since=since)


def http_get(url: str) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def stored(relay: RelayHandle) -> list[Path]:
    return relay.relay.files.stored_files()


async def file_rows(relay: RelayHandle) -> int:
    import sqlalchemy as sa

    async with relay.relay.engine.connect() as conn:
        return (await conn.execute(sa.text("SELECT count(*) FROM files"))).scalar_one()


async def test_files_both_ways_9_9_mb_checked_by_hash(chat: Chat) -> None:
    """C14: a 9.9 MB file visitor→agent and another agent→visitor arrive intact (SHA-256 of
    the download), each as a ``file`` event after the upload is committed."""
    up = os.urandom(int(9.9 * MB))
    stored_frame = await visitor_upload(chat.visitor, "report.bin", up)
    assert isinstance(stored_frame, p.FileStored), stored_frame
    push = await chat.agent.wait_for(
        lambda f: isinstance(f, p.EventPush) and f.event.kind == "file"
    )
    assert push.event.file is not None and push.event.file.size == len(up)
    assert push.event.text == "report.bin" and push.event.author == "visitor"
    got = await chat.agent.download_file(push.event.file.id)
    assert hashlib.sha256(got).digest() == hashlib.sha256(up).digest()

    down = os.urandom(int(9.9 * MB))
    progress: list[int] = []
    done = await chat.agent.upload_file(
        chat.chat_id, "answer.bin", down, on_progress=lambda n, _t: progress.append(n)
    )
    assert progress[-1] == len(down) and len(progress) > 100
    event = await chat.visitor.wait_for(
        lambda f: isinstance(f, p.EventPush) and f.event.cursor == done.cursor
    )
    assert event.event.file.name == "answer.bin"
    link = chat.visitor.send_frame(lambda i: p.FileLink(id=i, file_id=done.file.id))
    granted = await chat.visitor.answer(link)
    assert isinstance(granted, p.FileLinkGranted)
    status, _headers, body = await asyncio.to_thread(http_get, chat.relay.http_url + granted.url)
    assert status == 200 and hashlib.sha256(body).digest() == hashlib.sha256(down).digest()
    # History replays carry the file too (the text column holds its metadata).
    history = await chat.agent.history(chat.chat_id)
    assert [e.file.name for e in history if e.kind == "file"] == ["report.bin", "answer.bin"]


async def test_too_large_and_empty_files_are_refused_with_nothing_stored(chat: Chat) -> None:
    """C14: 10.1 MB and 0 bytes are refused with a clear message; no row, no bytes on disk.
    The limit is 10 MiB = 10,485,760 bytes: exactly that passes the check, one more does not."""
    big = await visitor_upload(chat.visitor, "big.bin", b"", announce=int(10.1 * MB))
    assert isinstance(big, p.Error) and big.code == "file_too_large" and "10 MB" in big.message
    with pytest.raises(RelayError) as refused:
        await chat.agent.upload_file(chat.chat_id, "big.bin", bytes(int(10.1 * MB)))
    assert refused.value.code == "file_too_large"
    empty = await visitor_upload(chat.visitor, "empty.txt", b"")
    assert isinstance(empty, p.Error) and empty.code == "empty_file"
    one_over = await visitor_upload(chat.visitor, "x.bin", b"", announce=p.MAX_FILE_BYTES + 1)
    assert isinstance(one_over, p.Error) and one_over.code == "file_too_large"
    assert stored(chat.relay) == [] and await file_rows(chat.relay) == 0
    assert not [e for e in chat.visitor.events() if e.kind == "file"]


@pytest.mark.parametrize(
    "name",
    [
        "../../etc/passwd",
        "/etc/passwd",
        "..\\boot.ini",
        "C:evil.exe",
        "a\x00b.txt",
        "line\nbreak.txt",
        "CON",
        "nul.txt",
        "LPT1.log",
        "..",
        "trailing.",
        "x" * 300,
    ],
)
def test_path_trick_names_are_refused(name: str) -> None:
    """C14: names with path tricks are refused (not rewritten)."""
    with pytest.raises(p.FrameRejected) as refused:
        check_file_name(name)
    assert refused.value.code == "bad_file_name"


def test_plain_names_pass() -> None:
    for name in ("informe final.pdf", "фото.jpg", "a.b.c", "console.log", ".bashrc"):
        assert check_file_name(name) == name


async def test_path_trick_name_refused_over_the_wire(chat: Chat) -> None:
    """C14: the relay answers bad_file_name before any byte is sent; nothing stored."""
    answer = await visitor_upload(chat.visitor, "../../secret.txt", b"data")
    assert isinstance(answer, p.Error) and answer.code == "bad_file_name"
    with pytest.raises(RelayError) as refused:
        await chat.agent.upload_file(chat.chat_id, "CON.txt", b"data")
    assert refused.value.code == "bad_file_name"
    assert stored(chat.relay) == [] and await file_rows(chat.relay) == 0


async def test_download_only_for_participants_with_a_valid_token(chat: Chat) -> None:
    """C14: no token, a forged token, another file's token, and a colleague not in the chat
    are all refused; the participant gets it as an attachment with nosniff; an image is served
    as its sniffed type, anything else as application/octet-stream, never text/html."""
    relay = chat.relay
    html = b"<html><script>alert(1)</script></html>"
    stored_html = await visitor_upload(chat.visitor, "page.html", html)
    assert isinstance(stored_html, p.FileStored)
    image = await chat.agent.upload_file(chat.chat_id, "dot.png", PNG_1PX, "image/svg+xml")
    base = relay.http_url

    status, _, body = await asyncio.to_thread(http_get, f"{base}/files/{stored_html.file.id}")
    assert status == 403 and b"link" in body
    link = await chat.agent.file_link(stored_html.file.id)
    status, headers, body = await asyncio.to_thread(http_get, base + link.url)
    assert status == 200 and body == html
    assert headers["Content-Type"] == "application/octet-stream"
    assert headers["Content-Disposition"].startswith('attachment; filename="page.html"')
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in headers["Content-Security-Policy"]

    link_png = await chat.agent.file_link(image.file.id)
    status, headers, body = await asyncio.to_thread(http_get, base + link_png.url)
    assert status == 200 and headers["Content-Type"] == "image/png"  # declared svg: ignored
    assert headers["Content-Disposition"].startswith("attachment")

    token = link.url.split("?t=")[1]
    forged = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    for url in (
        f"/files/{stored_html.file.id}?t={forged}",
        f"/files/{image.file.id}?t={token}",  # another file's token
    ):
        status, _, _ = await asyncio.to_thread(http_get, base + url)
        assert status == 403, url

    # A colleague who is not in the chat gets no link (the chat is active, not offered).
    await relay.add_agent("eve@example.com", "eve-password-1", "Eve")
    eve = AgentClient(relay.ws_url)
    await eve.sign_in("eve@example.com", "eve-password-1")
    try:
        with pytest.raises(RelayError) as refused:
            await eve.file_link(stored_html.file.id)
        assert refused.value.code == "not_found"
    finally:
        await eve.close()
    # Another visitor neither.
    stranger = Visitor(relay.ws_url, relay.site_key)
    await stranger.connect()
    answer = await stranger.answer(
        stranger.send_frame(lambda i: p.FileLink(id=i, file_id=stored_html.file.id))
    )
    assert isinstance(answer, p.Error) and answer.code == "not_found"
    await stranger.close()


async def test_interrupted_upload_leaves_nothing_and_hash_is_checked(chat: Chat) -> None:
    """C14: a visitor who disconnects mid-upload leaves no partial file; a wrong hash is
    refused (file_corrupt) and nothing is stored."""
    visitor = chat.visitor
    assert visitor.ws is not None
    data = os.urandom(500_000)
    request_id = visitor.send_frame(
        lambda i: p.UploadFile(
            id=i,
            client_msg_id="half",
            name="half.bin",
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
        )
    )
    ready = await visitor.answer(request_id)
    assert isinstance(ready, p.UploadReady)
    await visitor.ws.send(data[: ready.chunk_bytes])
    await visitor.ws.send(data[ready.chunk_bytes : 2 * ready.chunk_bytes])
    relay = chat.relay.relay
    assert any(f.parent.name == "partial" for f in relay.files.stored_files())
    await visitor.close()
    for _ in range(200):
        if not relay.files.stored_files():
            break
        await asyncio.sleep(0.01)
    assert relay.files.stored_files() == []

    again = Visitor(chat.relay.ws_url, chat.relay.site_key)
    again.token = visitor.token
    await again.connect()
    wrong = await visitor_upload(again, "bad.bin", data, announce=None)
    assert isinstance(wrong, p.FileStored)  # sanity: a normal upload works on the new socket
    request_id = again.send_frame(
        lambda i: p.UploadFile(
            id=i, client_msg_id="corrupt", name="c.bin", size=10, sha256="0" * 64
        )
    )
    assert isinstance(await again.answer(request_id), p.UploadReady)
    since = len(again.frames)
    await again.ws.send(b"0123456789")
    corrupt = await again.wait_for(lambda f: getattr(f, "id", None) == request_id, since=since)
    assert isinstance(corrupt, p.Error) and corrupt.code == "file_corrupt"
    assert len(relay.files.stored_files()) == 1 and await file_rows(chat.relay) == 1
    await again.close()


async def test_partial_files_are_cleaned_when_the_relay_starts(tmp_path: Path) -> None:
    """C14: partial files left by a crash are deleted on start."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'relay.db'}"
    leftover = tmp_path / "files" / "partial" / "dead.part"
    leftover.parent.mkdir(parents=True)
    leftover.write_bytes(b"half a file")
    async with running_relay(url) as handle:
        assert handle.relay.files.stored_files() == []
    assert not leftover.exists()


async def test_x4_database_store_sweeps_only_dead_partials_at_start(db_url: str) -> None:
    """X4, the database store: at start a node deletes the partial files (blob and chunks) that
    nobody touched for ``PARTIAL_STALE_SECONDS`` (their node died mid-upload), not a partial
    another node is receiving right now (touched a moment ago)."""
    import time

    import sqlalchemy as sa

    from server.files import db_store
    from server.store.db import create_engine, migrate
    from server.store.schema import file_blobs, file_chunks

    engine = create_engine(db_url)
    try:
        await migrate(engine)
        stale = time.time() - 2 * db_store.PARTIAL_STALE_SECONDS
        async with engine.begin() as conn:
            for blob_id, touched in (("d" * 32, stale), ("l" * 32, time.time())):
                await conn.execute(
                    sa.insert(file_blobs).values(id=blob_id, size=3, touched_at=touched)
                )
                await conn.execute(
                    sa.insert(file_chunks).values(blob_id=blob_id, seq=0, data=b"abc")
                )
    finally:
        await engine.dispose()
    async with running_relay(db_url, files_store="database") as again:
        async with again.relay.engine.connect() as conn:
            blobs = (await conn.execute(sa.select(file_blobs.c.id))).scalars().all()
            chunks = (await conn.execute(sa.select(file_chunks.c.blob_id))).scalars().all()
        assert blobs == ["l" * 32] and chunks == ["l" * 32]
        assert [f.parent.name for f in again.relay.files.stored_files()] == ["partial"]


def test_sniffing_recognises_only_real_images() -> None:
    assert sniff_image(PNG_1PX) == "image/png"
    assert sniff_image(b"\xff\xd8\xff\xe0rest") == "image/jpeg"
    assert sniff_image(b"GIF89a...") == "image/gif"
    assert sniff_image(b"RIFF\x00\x00\x00\x00WEBPVP8 ") == "image/webp"
    assert sniff_image(b"<svg xmlns='http://www.w3.org/2000/svg'/>") is None
    assert sniff_image(b"<html>") is None


async def test_sneak_peek_on_and_off_and_admin_only(chat: Chat) -> None:
    """C17: with sneak peek off the relay forwards no draft; an agent may not turn it on; an
    admin may; then the widget is told (visitor_welcome.sneak_peek) and drafts reach the agent."""
    relay = chat.relay
    offer = next(f for f in chat.agent.received if isinstance(f, p.ChatOffered))
    site_id = offer.chat.site_id
    assert site_id is not None
    assert chat.visitor.welcome is not None and chat.visitor.welcome.sneak_peek is False

    await chat.visitor.send_raw(p.encode(p.Draft(text="secret draft")))
    await chat.visitor.say("sent")  # ordered after the draft on the same socket
    await chat.agent.wait_for(lambda f: isinstance(f, p.EventPush) and f.event.text == "sent")
    assert not [f for f in chat.agent.received if isinstance(f, p.DraftChanged)]

    with pytest.raises(RelayError) as refused:
        await chat.agent.set_sneak_peek(site_id, True)
    assert refused.value.code == "forbidden"

    admin = AgentClient(relay.ws_url)
    await admin.sign_in(relay.admin_email, relay.admin_password)
    try:
        await admin.set_sneak_peek(site_id, True)
    finally:
        await admin.close()
    again = Visitor(relay.ws_url, relay.site_key)
    again.token = chat.visitor.token
    welcome = await again.connect()
    assert isinstance(welcome, p.VisitorWelcome) and welcome.sneak_peek is True
    await again.send_raw(p.encode(p.Draft(text="I want the red o")))
    draft = await chat.agent.wait_for_type(p.DraftChanged)
    assert draft.chat_id == chat.chat_id and draft.text == "I want the red o"
    await again.close()


async def test_sneak_peek_cli_turns_it_on_and_off(tmp_path: Path) -> None:
    """C17: `jivo-relay sneak-peek SITE_KEY on|off` (the admin's way until the admin pages)."""
    import subprocess
    import sys

    import sqlalchemy as sa
    from sqlalchemy.ext.asyncio import create_async_engine

    from server.store.schema import sites

    root = Path(__file__).resolve().parents[2]
    url = f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "server", "--db", url, *args],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=60,
        )

    made = run("add-site", "Shop", "--origin", "https://shop.example")
    assert made.returncode == 0, made.stderr
    key = made.stdout.split("with key ")[1].split()[0]
    engine = create_async_engine(url)
    try:
        for state, expected in (("on", True), ("off", False)):
            result = run("sneak-peek", key, state)
            assert result.returncode == 0 and f"sneak peek is {state}" in result.stdout
            async with engine.connect() as db:
                assert (await db.execute(sa.select(sites.c.sneak_peek))).scalar_one() is expected
    finally:
        await engine.dispose()
    wrong = run("sneak-peek", "no-such-key", "on")
    assert wrong.returncode == 2 and "no site has the key" in wrong.stderr


@pytest.mark.parametrize("files_store", FILES_STORES)
async def test_files_on_sqlite_and_postgresql(
    db_url: str, tmp_path: Path, files_store: str
) -> None:
    """C14: the files table, its file event and the history replay on both databases, with
    both files stores (X4)."""
    async with running_relay(
        db_url, files_dir=str(tmp_path / "files"), files_store=files_store
    ) as relay:
        agent = AgentClient(relay.ws_url)
        await agent.sign_in(relay.agent_email, relay.agent_password)
        visitor = Visitor(relay.ws_url, relay.site_key)
        await visitor.connect()
        await visitor.say("hi")
        offer = await agent.wait_for_type(p.ChatOffered)
        await agent.accept(offer.chat.id)
        data = os.urandom(300_000)
        assert isinstance(await visitor_upload(visitor, "a.bin", data), p.FileStored)
        done = await agent.upload_file(offer.chat.id, "b.png", PNG_1PX, "image/png")
        assert done.file.size == len(PNG_1PX)
        history = await agent.history(offer.chat.id)
        files = [e.file for e in history if e.kind == "file"]
        assert [f.name for f in files if f] == ["a.bin", "b.png"]
        assert files[0] is not None and sha_hex(await agent.download_file(files[0].id)) == (
            sha_hex(data)
        )
        assert await file_rows(relay) == 2
        assert len(relay.relay.files.stored_files()) == 2
        await agent.close()
        await visitor.close()


def sha_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
