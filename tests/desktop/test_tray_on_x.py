"""N6 and B1 on a real X server: the app as `make run` starts it (signed in from the command
line), under Xvfb with `trayer` as the system tray host. Its tray icon is embedded in the tray;
closing the main window keeps the app running there; the tray menu's Quit ends it."""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import subprocess
import sys
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from server import protocol as p
from tests.desktop.xvfb import close_window, window_tree, xdotool, xvfb_display  # noqa: F401
from tests.support.relay import ROOT, RelayHandle
from tests.support.visitor import Visitor

LINE = re.compile(r"^(?P<indent>\s*)(?P<id>0x[0-9a-f]+) (?P<rest>.*)$")


def _tree(display: str) -> list[tuple[int, int, str]]:
    """(depth, window id, the rest of xwininfo's line) for every window."""
    rows = []
    for line in window_tree(display).splitlines():
        match = LINE.match(line)
        if match:
            rows.append((len(match["indent"]), int(match["id"], 16), match["rest"]))
    return rows


def _tray_icons(display: str) -> list[int]:
    """The client windows embedded in trayer's panel (the tray icons)."""
    rows = _tree(display)
    icons: list[int] = []
    for i, (depth, _, rest) in enumerate(rows):
        if '("panel" "trayer")' not in rest:
            continue
        for child_depth, child, child_rest in rows[i + 1 :]:
            if child_depth <= depth:
                break
            if "(has no name)" not in child_rest:
                icons.append(child)
    return icons


def _app_windows(display: str, pid: int) -> set[int]:
    found = subprocess.run(
        ["xdotool", "search", "--pid", str(pid)],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        timeout=10,
    )
    return {int(w) for w in found.stdout.split()}


def _viewable(display: str, window: int) -> bool:
    info = subprocess.run(
        ["xwininfo", "-id", str(window)],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        timeout=10,
    )
    return "Map State: IsViewable" in info.stdout


async def _until(condition: Callable[[], Any], what: str, log: Path, timeout: float = 60) -> Any:
    """Poll a blocking ``condition`` in a thread (the relay runs on this loop meanwhile)."""
    try:
        async with asyncio.timeout(timeout):
            while True:
                value = await asyncio.to_thread(condition)
                if value:
                    return value
                await asyncio.sleep(0.1)
    except TimeoutError:
        raise AssertionError(f"{what}: {log.read_text()[-3000:]}") from None


async def test_n6_b1_make_run_app_lives_in_the_tray_and_quits_from_its_menu(
    relay: RelayHandle,
    tmp_path: Path,
    xvfb_display: str,  # noqa: F811
) -> None:
    """N6 and B1: the app started as `make run` starts it (--relay/--email/--password-file)
    shows its tray icon in a real tray host (B1: that path skipped app.start(), so no icon);
    closing the main window hides it and the app keeps running with its icon in the tray
    (N6); tray menu → Quit ends the app."""
    for tool in ("trayer", "xwininfo"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed (scripts/install-system-deps.sh)")
    display = xvfb_display
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DBUS_SESSION_BUS_ADDRESS", "WAYLAND_DISPLAY")
    }
    home = tmp_path / "home"
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    env.update(
        DISPLAY=display,
        QT_QPA_PLATFORM="xcb",
        HOME=str(home),
        XDG_RUNTIME_DIR=str(runtime),
        XDG_CONFIG_HOME=str(home / ".config"),
        JIVO_DESKTOP_DATA=str(tmp_path / "app-data"),
        PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
    )
    trayer_log = (tmp_path / "trayer.log").open("wb")
    trayer = subprocess.Popen(  # noqa: ASYNC220 - stopped in finally
        ["trayer", "--edge", "top", "--align", "right", "--widthtype", "pixel", "--width",
         "200", "--heighttype", "pixel", "--height", "32"],
        env=env, stdout=trayer_log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    credentials = tmp_path / "demo-admin.txt"
    credentials.write_text(f"{relay.agent_email}\n{relay.agent_password}\n")
    log_path = tmp_path / "app.log"
    log = log_path.open("wb")
    app: subprocess.Popen[bytes] | None = None
    try:
        await _until(
            lambda: any('("panel" "trayer")' in r for _, _, r in _tree(display)),
            "trayer's panel never appeared",
            tmp_path / "trayer.log",
        )
        app = subprocess.Popen(  # noqa: ASYNC220 - stopped in finally
            [
                sys.executable, "-m", "jivo_desktop", "--instance", f"jivo-{uuid.uuid4().hex[:8]}",
                "--relay", relay.http_url, "--email", relay.agent_email,
                "--password-file", str(credentials),
            ],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        visitor = Visitor(relay.ws_url, relay.site_key)
        await visitor.connect()
        assert visitor.welcome is not None
        if not visitor.welcome.agents_online:
            await visitor.wait_for(lambda f: isinstance(f, p.AgentsAvailable) and f.online, 60)
        await visitor.close()
        pid = app.pid

        def icon_in_tray() -> list[int]:
            return sorted(set(_tray_icons(display)) & _app_windows(display, pid))

        icons = await _until(icon_in_tray, "B1: no tray icon in trayer", log_path)

        def main_window() -> int | None:
            found = subprocess.run(
                ["xdotool", "search", "--onlyvisible", "--name", "^Jivo Live$"],
                env=env, capture_output=True, text=True, timeout=10,
            )  # fmt: skip
            windows = [int(w) for w in found.stdout.split()]
            return windows[0] if windows else None

        window = await _until(main_window, "the main window never showed", log_path)
        await asyncio.to_thread(close_window, display, str(window))
        await _until(lambda: not _viewable(display, window), "N6: window still shown", log_path)
        assert app.poll() is None, log_path.read_text()[-3000:]
        assert await asyncio.to_thread(icon_in_tray) == icons  # N6: still in the tray
        assert all([await asyncio.to_thread(_viewable, display, icon) for icon in icons])

        # Tray menu → Quit: right-click the icon, then Up (the last entry, Quit) and Return.
        def shown() -> set[int]:
            return {w for w in _app_windows(display, pid) if _viewable(display, w)}

        before = await asyncio.to_thread(shown)
        await asyncio.to_thread(
            xdotool, display, "mousemove", "--window", str(icons[0]), "5", "5", "click", "3"
        )
        await _until(lambda: shown() - before, "the tray menu did not open", log_path)
        await asyncio.to_thread(xdotool, display, "key", "Up", "Return")
        await _until(lambda: app.poll() is not None, "tray menu → Quit did not quit", log_path)
        assert app.returncode == 0, log_path.read_text()[-3000:]
    finally:
        for proc in (app, trayer):
            if proc is not None and proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(10)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait(5)
        log.close()
        trayer_log.close()
