"""X1 on Linux: the PyInstaller bundle and its ``.deb``, installed (unpacked into an empty root)
and run offscreen against a relay the test starts: it signs in, takes a visitor's chat, and quits
cleanly. Slow (the bundle is built once per session, see conftest.py)."""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import subprocess
import uuid
from pathlib import Path

import pytest

from server import protocol as p
from tests.installers.conftest import Bundle
from tests.support.relay import RelayHandle
from tests.support.visitor import Visitor

pytestmark = [pytest.mark.installers, pytest.mark.slow]

# The bundle measured 234 MB (docs/performance.md); this catches a module that drags in
# QtWebEngine (+278 MB) or similar, not a few megabytes of drift.
SIZE_BUDGET_MB = 300
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def tree_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def test_bundle_has_resources_and_stays_small(linux_bundle: Bundle) -> None:
    """X1: the bundle carries the app's resources where jivo_desktop.paths looks for them
    (sys._MEIPASS), and leaves out the Qt modules the app does not use."""
    internal = linux_bundle.path / "_internal"
    sounds = Path(__file__).parents[2] / "resources" / "sounds"
    for wav in sorted(sounds.glob("*.wav")):  # every sound Ajustes offers (G8)
        assert (internal / "resources" / "sounds" / wav.name).is_file(), wav.name
    for lang in ("en", "es", "pt", "ru"):  # the spell checker's dictionaries (G5)
        assert (internal / "spellchecker" / "resources" / f"{lang}.json.gz").is_file(), lang
    for size in ICON_SIZES:
        assert (internal / "resources" / "icons" / f"jivo-desktop-{size}.png").is_file()
    resources = Path(__file__).parents[2] / "resources"
    for qm in sorted(resources.glob("*/*.qm")):  # translations, once built (make translations)
        assert (internal / qm.relative_to(resources.parent)).is_file(), qm
    names = {f.name for f in internal.rglob("*")}
    assert not {n for n in names if "WebEngine" in n or "Qt63D" in n or "VirtualKeyboard" in n}
    assert "libqpdf.so" not in names and "libqgtk3.so" not in names
    size_mb = tree_size(linux_bundle.path) / 1e6
    assert size_mb < SIZE_BUDGET_MB, f"bundle is {size_mb:.0f} MB"


def test_deb_layout_and_depends(deb_package: Path, deb_root: Path) -> None:
    """X1: /opt/jivo-desktop, the /usr/bin/jivo-desktop link, a valid .desktop entry, the icon in
    the hicolor theme at every size, and Depends on the system libraries the bundle links."""
    info = subprocess.run(
        ["dpkg-deb", "-f", str(deb_package)], capture_output=True, text=True, check=True
    ).stdout
    fields = dict(line.split(": ", 1) for line in info.splitlines() if ": " in line)
    assert fields["Package"] == "jivo-desktop"
    depends = {d.strip().split(" ")[0] for d in fields["Depends"].split(",")}
    # libc and GL are never bundled (PyInstaller leaves them to the system); libxcb neither.
    assert {"libc6", "libgl1", "libegl1", "libxcb1"} <= depends, depends
    assert fields["Depends"].startswith("libc6 (>= 2.")
    assert "fonts-noto-color-emoji" in depends  # C13: emoji in colour on every Linux desktop

    exe = deb_root / "opt" / "jivo-desktop" / "jivo-desktop"
    assert exe.is_file() and os.access(exe, os.X_OK)
    link = deb_root / "usr" / "bin" / "jivo-desktop"
    assert link.is_symlink() and link.resolve() == exe.resolve()
    desktop = deb_root / "usr" / "share" / "applications" / "jivo-desktop.desktop"
    entry = desktop.read_text()
    assert "Exec=jivo-desktop\n" in entry and "Icon=jivo-desktop\n" in entry
    assert "Exec=jivo-desktop --accept\n" in entry  # the Wayland stand-in for Ctrl+R
    if shutil.which("desktop-file-validate"):
        result = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True)
        assert result.returncode == 0, result.stdout + result.stderr
    for size in ICON_SIZES:
        icon = deb_root / f"usr/share/icons/hicolor/{size}x{size}/apps/jivo-desktop.png"
        assert icon.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    listing = subprocess.run(
        ["dpkg-deb", "-c", str(deb_package)], capture_output=True, text=True, check=True
    ).stdout
    assert all(" root/root " in line for line in listing.splitlines())


def _installed_env(tmp_path: Path) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))
    }  # the bundle must not lean on the checkout's Python
    env.update(
        QT_QPA_PLATFORM="offscreen",
        JIVO_DESKTOP_DATA=str(tmp_path / "app-data"),
        PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
        JIVO_DESKTOP_LANGUAGE="es",  # the bundle's own .qm must load (G6)
    )
    return env


async def test_installed_app_signs_in_and_takes_a_chat(
    deb_root: Path, relay: RelayHandle, tmp_path: Path
) -> None:
    """X1: the app installed from the .deb starts (through /usr/bin/jivo-desktop) offscreen,
    in Spanish (its own .qm), signs in to the relay, receives a visitor's chat and takes it (a
    second launch with --accept, through the single-instance channel), then quits cleanly on
    SIGTERM."""
    exe = deb_root / "usr" / "bin" / "jivo-desktop"
    credentials = tmp_path / "credentials.txt"
    credentials.write_text(f"{relay.agent_email}\n{relay.agent_password}\n")
    instance = f"jivo-deb-{uuid.uuid4().hex[:8]}"
    env = _installed_env(tmp_path)
    log_path = tmp_path / "app.log"
    with log_path.open("wb") as log:
        app = await asyncio.create_subprocess_exec(
            str(exe), "--instance", instance, "--relay", relay.http_url,
            "--email", relay.agent_email, "--password-file", str(credentials),
            cwd=str(tmp_path), env=env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
    visitor = Visitor(relay.ws_url, relay.site_key)
    try:
        await visitor.connect()
        assert visitor.welcome is not None
        if not visitor.welcome.agents_online:
            await visitor.wait_for(lambda f: isinstance(f, p.AgentsAvailable) and f.online, 60)
        assert isinstance(await visitor.say("Hola, ¿está el pedido?"), p.MessageAcked)
        for _ in range(10):  # the offer may still be on its way to the app: try again
            second = await asyncio.create_subprocess_exec(
                str(exe), "--instance", instance, "--accept", cwd=str(tmp_path), env=env
            )
            assert await asyncio.wait_for(second.wait(), 60) == 0
            try:
                joined = await visitor.wait_for(
                    lambda f: isinstance(f, p.EventPush) and f.event.kind == "joined", 3
                )
                break
            except TimeoutError:
                continue
        else:
            raise AssertionError(log_path.read_text(errors="replace")[-3000:])
        assert joined.event.author_name == "Ana"
        assert app.returncode is None  # still the first app that runs

        app.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(app.wait(), 30) == 0, log_path.read_text()[-3000:]
        output = log_path.read_text(errors="replace")
        assert "Traceback" not in output, output[-3000:]
        assert "interface language: es" in output, output[-3000:]
    finally:
        await visitor.close()
        if app.returncode is None:
            app.kill()
            await app.wait()
