"""The installed desktop app: bundle and package size, build time, and start time against the
same app run from the checkout, measured in the same run.

    python bench/installers.py            # prints Markdown and writes it into docs/performance.md

Builds the PyInstaller bundle and the .deb (zstd -9, as ``make dist``) in a temporary folder,
unpacks the .deb into an empty root, and starts the installed app offscreen ROUNDS times against
an in-process relay; a scripted visitor waits until the relay reports an agent online. "Start
to online" is from starting the process to that moment: the bundle's own unpacking, Python,
Qt, the windows, the sign-in and the socket, all included. The baseline is
``python -m jivo_desktop`` from this checkout, each round run right after the bundle's. No
pass/fail: the test suite checks size against a budget and takes no time (a shared 2-core
machine is too noisy for that).
"""

from __future__ import annotations

import asyncio
import os
import platform
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import write_section  # noqa: E402

ROUNDS = 5
MARK_START = "<!-- bench:installers:start -->"
MARK_END = "<!-- bench:installers:end -->"


def tree_bytes(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def build(tmp: Path) -> dict:
    from installers.linux import build_deb
    from tests.installers.conftest import build_bundle

    bundle = build_bundle(tmp / "bundle")
    started = time.monotonic()
    deb = build_deb.build(bundle.path, tmp / "deb", "0.1.0")
    deb_s = time.monotonic() - started
    root = tmp / "root"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    internal = bundle.path / "_internal"
    biggest = sorted(
        ((f.stat().st_size, f.relative_to(internal).as_posix()) for f in internal.rglob("*")
         if f.is_file() and not f.is_symlink()),
        reverse=True,
    )[:5]  # fmt: skip
    return {
        "bundle_mb": tree_bytes(bundle.path) / 1e6,
        "files": sum(1 for f in bundle.path.rglob("*") if f.is_file()),
        "deb_mb": deb.stat().st_size / 1e6,
        "bundle_s": bundle.build_seconds,
        "deb_s": deb_s,
        "exe": root / "usr" / "bin" / "jivo-desktop",
        "biggest": [(size / 1e6, name) for size, name in biggest],
    }


async def start_to_online(argv: list[str], relay, tmp: Path, name: str) -> tuple[float, float]:
    """(seconds from spawn to the relay seeing the agent online, seconds to quit on SIGTERM)."""
    from server import protocol as p
    from tests.support.visitor import Visitor

    creds = tmp / "credentials.txt"
    creds.write_text(f"{relay.agent_email}\n{relay.agent_password}\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHONPATH")}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        JIVO_DESKTOP_DATA=str(tmp / f"data-{name}"),
        PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
    )
    visitor = Visitor(relay.ws_url, relay.site_key)
    await visitor.connect()
    assert visitor.welcome is not None and not visitor.welcome.agents_online
    started = time.monotonic()
    app = await asyncio.create_subprocess_exec(
        *argv, "--instance", f"bench-{name}", "--relay", relay.http_url,
        "--email", relay.agent_email, "--password-file", str(creds),
        cwd=str(ROOT), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        await visitor.wait_for(lambda f: isinstance(f, p.AgentsAvailable) and f.online, 120)
        online = time.monotonic() - started
        stopping = time.monotonic()
        app.send_signal(signal.SIGTERM)
        code = await asyncio.wait_for(app.wait(), 60)
        assert code == 0, f"{name} exited with {code}"
        return online, time.monotonic() - stopping
    finally:
        await visitor.close()
        if app.returncode is None:
            app.kill()
            await app.wait()


async def measure_starts(exe: Path, tmp: Path) -> dict:
    from tests.support.relay import running_relay

    bundle_runs: list[tuple[float, float]] = []
    checkout_runs: list[tuple[float, float]] = []
    async with running_relay(f"sqlite+aiosqlite:///{tmp / 'relay.db'}") as relay:
        for i in range(ROUNDS):
            bundle_runs.append(await start_to_online([str(exe)], relay, tmp, f"deb-{i}"))
            checkout_runs.append(
                await start_to_online(
                    [sys.executable, "-m", "jivo_desktop"], relay, tmp, f"checkout-{i}"
                )
            )
    return {
        "deb_online_s": statistics.median(r[0] for r in bundle_runs),
        "deb_quit_s": statistics.median(r[1] for r in bundle_runs),
        "checkout_online_s": statistics.median(r[0] for r in checkout_runs),
        "checkout_quit_s": statistics.median(r[1] for r in checkout_runs),
        "deb_all": [round(r[0], 2) for r in bundle_runs],
    }


def report(m: dict) -> str:
    ratio = m["deb_online_s"] / max(m["checkout_online_s"], 1e-6)
    biggest = ", ".join(f"`{name}` {mb:.0f} MB" for mb, name in m["biggest"])
    return "\n".join(
        [
            MARK_START,
            "## Installed desktop app (issue 7)",
            "",
            f"Measured {time.strftime('%Y-%m-%d')} with `python bench/installers.py` "
            f"({os.cpu_count()} cores, Python {platform.python_version()}, PyInstaller "
            f"{m['pyinstaller']}, offscreen Qt); start times are the median of {ROUNDS} rounds, "
            "each from starting the process until the relay reports the agent online "
            "(sign-in included), the app installed from the .deb against the same app run "
            "from the checkout.",
            "",
            "| measure | value |",
            "| --- | --- |",
            f"| bundle (`build/dist/jivo-desktop`, one folder) | {m['bundle_mb']:.0f} MB in "
            f"{m['files']} files |",
            f"| `.deb` (zstd -9) | {m['deb_mb']:.0f} MB |",
            f"| build: PyInstaller / .deb | {m['bundle_s']:.0f} s / {m['deb_s']:.0f} s |",
            f"| start to online, installed .deb | {m['deb_online_s']:.2f} s "
            f"(rounds: {', '.join(f'{x:.2f}' for x in m['deb_all'])}) |",
            f"| start to online, `python -m jivo_desktop` | {m['checkout_online_s']:.2f} s |",
            f"| ratio installed / checkout | {ratio:.2f}x |",
            f"| quit on SIGTERM (sign-off, outbox on disk), installed / checkout | "
            f"{m['deb_quit_s']:.2f} s / {m['checkout_quit_s']:.2f} s |",
            "",
            f"Largest files in the bundle: {biggest}. Left out by the spec: QtWebEngine, Qt3D, "
            "QtPdf, the virtual keyboard, the GTK3 theme plugin (with GTK, cairo and pango), "
            "the embedded-Linux platforms, and Qt's translations other than es/pt/ru. QtQuick "
            "and QtQml stay: the FFmpeg multimedia plugin links them.",
            MARK_END,
        ]
    )


def main() -> None:
    import PyInstaller

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        m = build(tmp)
        m.update(asyncio.run(measure_starts(m["exe"], tmp)))
        m["pyinstaller"] = PyInstaller.__version__
    text = report(m)
    print(text)
    write_section(text, MARK_START, MARK_END)


if __name__ == "__main__":
    main()
