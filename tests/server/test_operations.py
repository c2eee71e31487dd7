"""Issue 11, findings 16, 18, 19, 20 and 21 (/metrics): what an operator relies on. Real relays
(in-process, or ``jivo-relay serve`` as a child process), real SQLite, HTTP over 127.0.0.1."""

from __future__ import annotations

import asyncio
import os
import stat
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import sqlalchemy as sa
from websockets.asyncio.client import connect

from jivo_desktop.net.client import AgentClient
from server import protocol as p
from server.core.config import Settings
from tests.server.test_files import visitor_upload
from tests.server.test_upload_limits import relay_with, visitor_chat
from tests.support.relay import ROOT, RelayProcess, create_agent_cli
from tests.support.visitor import Visitor


def _get(url: str, headers: dict[str, str] | None = None) -> tuple[int, bytes]:
    try:
        request = urllib.request.Request(url, headers=headers or {})
        with urllib.request.urlopen(request, timeout=10) as r:
            return int(r.status), bytes(r.read())
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


async def get(url: str, headers: dict[str, str] | None = None) -> tuple[int, bytes]:
    return await asyncio.to_thread(_get, url, headers)


# ---------------------------------------------------------------- finding 16


async def test_healthz_is_unhealthy_while_writes_keep_failing(tmp_path: Path) -> None:
    """Finding 16: with the database full (SQLite's page limit reached: "database or disk is
    full", as on the review's full tmpfs), reads still work but ``/healthz`` answers 503 after
    ``health_write_failures`` failed writes in a row, and 200 again after the next write that
    succeeds (1ebce85 ran ``SELECT 1`` only and answered 200 throughout)."""
    async with (
        relay_with(tmp_path, health_write_failures=3) as relay,
        visitor_chat(relay) as (visitor, _agent),
    ):
        assert (await get(f"{relay.http_url}/healthz"))[0] == 200
        pages = await relay.relay.writer.run(
            lambda db: db.exec_driver_sql("PRAGMA page_count").scalar_one()
        )
        await relay.relay.writer.run(
            lambda db: db.exec_driver_sql(f"PRAGMA max_page_count = {pages}")
        )
        failed = 0
        for _ in range(20):
            answer = await visitor.say("x" * 4000)
            assert not isinstance(answer, p.MessageAcked) or failed == 0, answer
            if isinstance(answer, p.Error):
                assert answer.code == "internal"
                failed += 1
            if failed == 3:
                break
        assert failed == 3
        status, body = await get(f"{relay.http_url}/healthz")
        assert status == 503 and b"not writable" in body
        await relay.relay.writer.run(
            lambda db: db.exec_driver_sql("PRAGMA max_page_count = 1073741823")
        )
        assert isinstance(await visitor.say("back"), p.MessageAcked)
        assert (await get(f"{relay.http_url}/healthz"))[0] == 200


# ---------------------------------------------------------------- finding 18


@pytest.mark.parametrize("value", ["ssl", "STARTTLSS", "", "tls1"])
def test_unknown_smtp_security_is_refused(value: str) -> None:
    """Finding 18: any value but starttls/tls/plain (or none) is refused when the settings are
    made, with a message naming the setting and the values (1ebce85 took ``ssl`` or a typo as
    plaintext, and sent the SMTP password in clear)."""
    with pytest.raises(ValueError, match=r"JIVO_RELAY_SMTP_SECURITY.*starttls.*tls.*plain"):
        Settings(smtp_security=value)


@pytest.mark.parametrize(
    ("value", "means"),
    [("STARTTLS", "starttls"), ("TLS", "tls"), ("Plain", "plain"), ("none", "plain")],
)
def test_smtp_security_is_case_insensitive(value: str, means: str) -> None:
    """Finding 18: the three values in any case (and ``none``, as docs/admin.md had it)."""
    assert Settings(smtp_security=value).smtp_security == means


def test_serve_stops_at_start_with_an_unknown_smtp_security(tmp_path: Path) -> None:
    """Finding 18: ``jivo-relay serve`` with JIVO_RELAY_SMTP_SECURITY=ssl exits at once with
    one clear line, before listening."""
    env = {**os.environ, "JIVO_RELAY_SMTP_SECURITY": "ssl"}
    done = subprocess.run(
        [sys.executable, "-m", "server", "--db", f"sqlite+aiosqlite:///{tmp_path / 'r.db'}",
         "serve", "--port", "0"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert "JIVO_RELAY_SMTP_SECURITY is 'ssl'" in done.stderr
    assert "Traceback" not in done.stderr and not (tmp_path / "r.db").exists()


# ---------------------------------------------------------------- findings 19 and 20


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


async def test_serve_keeps_its_data_for_its_own_user(tmp_path: Path) -> None:
    """Finding 19: under a umask of 022, ``serve`` creates its data folder and files folder
    0700, and ``relay.db`` and an uploaded file 0600 (1ebce85: 0755 and 0644)."""
    data = tmp_path / "data"
    db_url = f"sqlite+aiosqlite:///{data / 'relay.db'}"
    old = os.umask(0o022)
    try:
        relay = RelayProcess(db_url, tmp_path)
        await relay.start_async()
    finally:
        os.umask(old)
    try:
        await create_agent_cli(db_url)
        async with relay_agent(relay.ws_url) as agent:
            visitor = Visitor(relay.ws_url, await demo_site_key(db_url))
            await visitor.connect()
            await visitor.say("hello")
            offer = await agent.wait_for_type(p.ChatOffered)
            await agent.accept(offer.chat.id)
            stored = await visitor_upload(visitor, "a.bin", os.urandom(1000))
            assert isinstance(stored, p.FileStored), stored
            await visitor.close()
    finally:
        relay.stop()
    files = tmp_path / "files"
    assert mode(data) == 0o700 and mode(files) == 0o700
    assert mode(data / "relay.db") == 0o600
    assert mode(files / stored.file.id) == 0o600


class relay_agent:
    """Ana signed in to a relay started as a child process (an async context manager)."""

    def __init__(self, ws_url: str) -> None:
        self.client = AgentClient(ws_url)

    async def __aenter__(self) -> AgentClient:
        await self.client.sign_in("ana@example.com", "agent-password-1")
        await self.client.wait_synced()
        return self.client

    async def __aexit__(self, *exc: object) -> None:
        await self.client.close()


async def demo_site_key(db_url: str) -> str:
    from sqlalchemy.ext.asyncio import create_async_engine

    engine = create_async_engine(db_url)
    try:
        async with engine.connect() as conn:
            query = sa.text("SELECT key FROM sites WHERE name = 'Demo site'")
            return str((await conn.execute(query)).scalar_one())
    finally:
        await engine.dispose()


async def test_verbose_logs_show_no_frames(tmp_path: Path) -> None:
    """Finding 20: ``serve -v`` logs debug lines of the relay but never websockets' frame dumps,
    so a password, a token or chat text never reaches the log (1ebce85 left websockets at
    DEBUG with -v: "< TEXT '{...secretpw\\",\\"protocol\\":1}' [..]")."""
    ready = tmp_path / "ready"
    log_path = tmp_path / "relay.log"
    argv = [sys.executable, "-m", "server", "-v", "--db"]
    argv += [f"sqlite+aiosqlite:///{tmp_path / 'relay.db'}", "serve", "--port", "0"]
    argv += ["--ready-file", str(ready)]
    env = {**os.environ, "JIVO_RELAY_FILES_DIR": str(tmp_path / "files")}
    with log_path.open("wb") as out:
        proc = await asyncio.create_subprocess_exec(
            *argv, cwd=ROOT, env=env, stdout=out, stderr=out
        )
    try:
        async with asyncio.timeout(60):
            while not ready.exists() or not ready.read_text():
                assert proc.returncode is None, log_path.read_text()
                await asyncio.sleep(0.05)
        url = f"ws://127.0.0.1:{int(ready.read_text())}/ws"
        secret = "secretpw-do-not-log-7f3a"
        async with connect(url) as ws:
            await ws.send(p.encode(p.SignIn(id=1, email="ana@example.com", password=secret)))
            answer = p.decode_server(await ws.recv())
            assert isinstance(answer, p.Error) and answer.code == "bad_credentials"
        async with connect(url) as ws:
            await ws.send(p.encode(p.Authenticate(id=1, token="tok-" + secret)))
            await ws.recv()
    finally:
        proc.terminate()
        await asyncio.wait_for(proc.wait(), 20)
    text = log_path.read_text()
    assert "DEBUG" in text or "INFO" in text  # -v took effect
    assert "secretpw" not in text and "< TEXT" not in text and "> TEXT" not in text


# ---------------------------------------------------------------- finding 21 (/metrics)


async def test_metrics_only_for_this_machine_or_the_token(tmp_path: Path) -> None:
    """Finding 21: without ``metrics_token``, ``/metrics`` answers clients on this machine that
    came through no proxy (X-Forwarded-For or Forwarded: 403); with a token, only its bearer
    (1ebce85 answered anyone)."""
    async with relay_with(tmp_path) as relay:
        url = f"{relay.http_url}/metrics"
        assert (await get(url))[0] == 200
        assert (await get(url, {"X-Forwarded-For": "203.0.113.9"}))[0] == 403
        assert (await get(url, {"Forwarded": "for=203.0.113.9"}))[0] == 403
    async with relay_with(tmp_path / "token", metrics_token="s3cret-metrics") as relay:
        url = f"{relay.http_url}/metrics"
        assert (await get(url))[0] == 403
        assert (await get(url, {"Authorization": "Bearer nope"}))[0] == 403
        status, body = await get(url, {"Authorization": "Bearer s3cret-metrics"})
        assert status == 200 and b"jivo_" in body
