"""The real `jivo-desktop` entry point in child processes: sign-in from `make run`'s options,
one instance per user, and `--accept` handed to the running instance (G9 on Wayland)."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import uuid
from pathlib import Path

from server import protocol as p
from tests.support.relay import ROOT, RelayHandle
from tests.support.visitor import Visitor


def _env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "JIVO_DESKTOP_DATA": str(tmp_path / "app-data"),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
    }


def test_version() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "jivo_desktop", "--version"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0 and result.stdout.startswith("jivo-desktop ")


async def test_second_launch_with_accept_takes_the_oldest_chat(
    relay: RelayHandle, tmp_path: Path
) -> None:
    """X1/G9: the app signs in from the command line (as `make run` does); a second launch
    with --accept does not start another app but makes the running one accept the oldest
    waiting chat."""
    credentials = tmp_path / "demo-admin.txt"
    credentials.write_text(f"{relay.agent_email}\n{relay.agent_password}\n")
    instance = f"jivo-test-{uuid.uuid4().hex[:8]}"
    env = _env(tmp_path)
    log = (tmp_path / "app.log").open("wb")
    app = subprocess.Popen(  # noqa: ASYNC220 - killed from finally, never awaited
        [
            sys.executable, "-m", "jivo_desktop", "--instance", instance,
            "--relay", relay.http_url, "--email", relay.agent_email,
            "--password-file", str(credentials),
        ],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        visitor = Visitor(relay.ws_url, relay.site_key)
        await visitor.connect()
        assert visitor.welcome is not None
        if not visitor.welcome.agents_online:
            await visitor.wait_for(lambda f: isinstance(f, p.AgentsAvailable) and f.online, 60)
        assert isinstance(await visitor.say("¿Hola?"), p.MessageAcked)
        for _ in range(10):  # the offer may still be on its way to the app: try again
            second = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "jivo_desktop", "--instance", instance, "--accept",
                cwd=str(ROOT), env=env,
            )  # fmt: skip
            assert await asyncio.wait_for(second.wait(), 60) == 0
            try:
                joined = await visitor.wait_for(
                    lambda f: isinstance(f, p.EventPush) and f.event.kind == "joined", 2
                )
                break
            except TimeoutError:
                continue
        else:
            raise AssertionError((tmp_path / "app.log").read_text()[-3000:])
        assert joined.event.author_name == "Ana"
        assert app.poll() is None  # the first app is still the one running
        await visitor.close()
    finally:
        app.terminate()
        try:
            app.wait(10)
        except subprocess.TimeoutExpired:
            app.kill()
        log.close()
