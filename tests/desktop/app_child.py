"""The desktop app in a child process, for the crash test (run with ``python -m``).

``sign-in RELAY EMAIL PASSWORD DIR``: sign in (remembered), accept the first chat offered,
write DIR/ready; when DIR/relay-down appears, send three messages (the relay is down, so they
wait in the outbox), write DIR/sent, and wait to be killed.
``restore DIR``: start as after a reboot (the remembered session), and run until killed.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import qasync
from PySide6.QtWidgets import QApplication

from jivo_desktop.app import DesktopApp
from jivo_desktop.paths import data_dir


async def _wait_file(path: Path) -> None:
    while not path.exists():  # noqa: ASYNC110 - another process makes the file
        await asyncio.sleep(0.02)


async def sign_in(app: DesktopApp, relay: str, email: str, password: str, out: Path) -> None:
    assert await app.session.sign_in_async(relay, email, password, True)
    while not app.chats.waiting():  # noqa: ASYNC110 - Qt state, see tests/support/waiting.py
        await asyncio.sleep(0.02)
    chat_id = app.chats.waiting()[0].id
    assert await app.chats.accept_async(chat_id)
    (out / "ready").write_text(str(chat_id))
    await _wait_file(out / "relay-down")
    while app.session.connection == "connected":  # noqa: ASYNC110 - the client notices the drop
        await asyncio.sleep(0.02)
    for i in range(3):
        app.chats.send(chat_id, f"offline {i}")
    (out / "sent").write_text("3")
    await asyncio.Event().wait()


async def restore(app: DesktopApp) -> None:
    app.start()
    await asyncio.Event().wait()


def main() -> None:
    qapp = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(qapp, QApplication)
    app = DesktopApp(qapp, data_dir())
    mode = sys.argv[1]
    if mode == "sign-in":
        relay, email, password, out = sys.argv[2:6]
        qasync.run(sign_in(app, relay, email, password, Path(out)))
    else:
        qasync.run(restore(app))


if __name__ == "__main__":
    main()
