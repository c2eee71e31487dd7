"""X3 (desktop side): messages typed while the relay is down survive the app being killed."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from pathlib import Path

from server import protocol as p
from tests.support.relay import (
    AGENT_EMAIL,
    AGENT_PASSWORD,
    ROOT,
    RelayProcess,
    create_agent_cli,
)
from tests.support.visitor import Visitor


def _child(args: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("ab") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "tests.desktop.app_child", *args],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=out,
        )


async def _file(path: Path, proc: subprocess.Popen[bytes], log: Path, timeout: float = 30) -> str:
    async with asyncio.timeout(timeout):
        while not path.exists():
            assert proc.poll() is None, log.read_text()[-3000:]
            await asyncio.sleep(0.05)
    return path.read_text()


async def test_outbox_survives_app_kill_while_relay_is_down(tmp_path: Path) -> None:
    """X3: relay down, the agent sends 3 messages, the app is killed (SIGKILL) and restarted,
    the relay comes back: the visitor receives the 3 messages exactly once, in order."""
    db_url = f"sqlite+aiosqlite:///{tmp_path / 'relay.db'}"
    relay = RelayProcess(db_url, tmp_path)
    await relay.start_async()
    await create_agent_cli(db_url)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "JIVO_DESKTOP_DATA": str(tmp_path / "app-data"),
        "PYTHON_KEYRING_BACKEND": "tests.support.file_keyring.FileKeyring",
        "JIVO_TEST_KEYRING": str(tmp_path / "keyring.json"),
    }
    log = tmp_path / "app.log"
    out = tmp_path / "out"
    out.mkdir()
    import sqlalchemy as sa
    from sqlalchemy.ext.asyncio import create_async_engine

    from server.store.schema import sites

    engine = create_async_engine(db_url)
    async with engine.connect() as db:
        site_key = (await db.execute(sa.select(sites.c.key))).scalar_one()
    await engine.dispose()

    app = _child(["sign-in", relay.http_url, AGENT_EMAIL, AGENT_PASSWORD, str(out)], env, log)
    again = None
    try:
        visitor = Visitor(relay.ws_url, site_key)
        await visitor.connect()
        assert visitor.welcome is not None
        if not visitor.welcome.agents_online:  # the app is still signing in
            await visitor.wait_for(lambda f: isinstance(f, p.AgentsAvailable) and f.online, 30)
        assert isinstance(await visitor.say("hola"), p.MessageAcked)
        chat_id = int(await _file(out / "ready", app, log))
        await visitor.wait_for(lambda f: isinstance(f, p.EventPush) and f.event.kind == "joined")
        await visitor.close()

        relay.kill()
        (out / "relay-down").write_text("1")
        await _file(out / "sent", app, log)
        app.send_signal(signal.SIGKILL)
        app.wait(10)

        await relay.start_async()  # same database, same port
        again = _child(["restore"], env, log)
        back = Visitor(relay.ws_url, site_key)
        back.token, back.cursor = visitor.token, visitor.cursor
        await back.connect()
        for i in range(3):
            await back.wait_for(
                lambda f, i=i: isinstance(f, p.EventPush) and f.event.text == f"offline {i}",
                timeout=30,
            )
        texts = [e.text for e in back.events() if e.chat_id == chat_id and e.kind == "message"]
        assert texts == ["offline 0", "offline 1", "offline 2"]
        await back.close()
    finally:
        for proc in (app, again):
            if proc is not None and proc.poll() is None:
                proc.kill()
                proc.wait(10)
        relay.stop()
