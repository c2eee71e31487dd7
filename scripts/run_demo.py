"""`make run`: the relay with a demo site, and the desktop app signed in to the demo account.

Starts `jivo-relay serve --demo` (SQLite in the user data folder), then `jivo-desktop` signed in
as the demo admin, and stops the relay when the app quits. Without a display (a server, an SSH
session) only the relay runs, and the demo page's address is printed for a browser elsewhere.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import platformdirs

BIN = Path(sys.executable).parent
DATA = Path(platformdirs.user_data_dir("jivo-relay", appauthor=False))
CREDENTIALS = DATA / "demo-admin.txt"


def has_display() -> bool:
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def main() -> int:
    extra = sys.argv[1:]
    desktop = (BIN / "jivo-desktop").exists() and has_display()
    if not desktop:
        if not has_display():
            print("No display here: running the relay only (the desktop app needs a screen).")
        # The credentials are kept also here, so that a later `make run` with a screen signs in.
        relay = [str(BIN / "jivo-relay"), "serve", "--demo", "--demo-credentials", str(CREDENTIALS)]
        os.execv(relay[0], [*relay, *extra])
    with tempfile.TemporaryDirectory() as tmp:
        ready = Path(tmp) / "port"
        relay = subprocess.Popen(
            [
                str(BIN / "jivo-relay"),
                "serve",
                "--demo",
                "--ready-file",
                str(ready),
                "--demo-credentials",
                str(CREDENTIALS),
                *extra,
            ]
        )
        try:
            deadline = time.monotonic() + 60
            while not (ready.exists() and ready.read_text()):
                if relay.poll() is not None or time.monotonic() > deadline:
                    print("the relay did not start", file=sys.stderr)
                    return 1
                time.sleep(0.1)
            port = ready.read_text().strip()
            if not CREDENTIALS.exists():
                print(f"No demo credentials in {CREDENTIALS}: sign in by hand in the app.")
                app = [str(BIN / "jivo-desktop")]
            else:
                email = CREDENTIALS.read_text(encoding="utf-8").split()[0]
                app = [
                    str(BIN / "jivo-desktop"),
                    "--relay",
                    f"http://127.0.0.1:{port}",
                    "--email",
                    email,
                    "--password-file",
                    str(CREDENTIALS),
                ]
            return subprocess.call(app)
        finally:
            relay.send_signal(signal.SIGINT)
            try:
                relay.wait(10)
            except subprocess.TimeoutExpired:
                relay.kill()


if __name__ == "__main__":
    raise SystemExit(main())
