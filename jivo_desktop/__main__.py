"""``jivo-desktop``: parse the command line, keep one instance per user, run the app."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import logging.handlers
import signal
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject

from jivo_desktop import __version__, paths


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="jivo-desktop", description="The Jivo Live agent app.")
    parser.add_argument("--version", action="version", version=f"jivo-desktop {__version__}")
    parser.add_argument(
        "--accept",
        action="store_true",
        help="tell the running app to accept the oldest waiting chat (bind this to a desktop "
        "shortcut where global hotkeys are not possible, as on Wayland)",
    )
    parser.add_argument(
        "--log-call",
        metavar="NUMBER",
        default="",
        help="tell the running app about a call (a softphone's hook on call start: MicroSIP, "
        "Linphone): it is logged and the log dialog opens",
    )
    parser.add_argument(
        "--direction", choices=("in", "out"), default="in", help="of --log-call (default: in)"
    )
    parser.add_argument("--instance", default="", help=argparse.SUPPRESS)  # tests
    # `make run`: sign in to the demo relay without typing (the password is read from a file).
    parser.add_argument("--relay", default="", help=argparse.SUPPRESS)
    parser.add_argument("--email", default="", help=argparse.SUPPRESS)
    parser.add_argument("--password-file", default="", help=argparse.SUPPRESS)
    return parser


class _QuitRequests(QObject):
    """Swallows Qt's Quit event and calls ``on_quit`` instead."""

    def __init__(self, on_quit: Callable[[], object]) -> None:
        super().__init__()
        self._on_quit = on_quit

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Quit:
            self._on_quit()
            return True
        return False


def _logging() -> None:
    handler = logging.handlers.RotatingFileHandler(
        paths.log_dir() / "jivo-desktop.log", maxBytes=1_000_000, backupCount=5, encoding="utf-8"
    )
    logging.basicConfig(
        level=logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        handlers=[handler, logging.StreamHandler()],
    )


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    _logging()
    from PySide6.QtWidgets import QApplication

    from jivo_desktop.platform.single_instance import SingleInstance

    qapp = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(qapp, QApplication)
    qapp.setApplicationName("Jivo Live")
    qapp.setOrganizationName("jivo-live")
    qapp.setQuitOnLastWindowClosed(False)
    from jivo_desktop.platform import identity

    identity.apply(qapp)  # before the first window: the AppUserModelID on Windows, the icon
    instance = SingleInstance()
    message = "accept" if args.accept else "activate"
    if args.log_call:  # the number as the softphone gives it (cut: the channel is bounded)
        message = f"log-call\t{args.direction}\t{' '.join(args.log_call.split())[:100]}"
    if not instance.claim(args.instance or None, message):
        return 0  # the running app got the message and comes forward
    import qasync

    from jivo_desktop.app import DesktopApp
    from jivo_desktop.platform.keychain import use_os_keychain

    # keyring gets this OS's keychain by name: its discovery of every backend cost the start
    # ~7 MiB (issue 15); PYTHON_KEYRING_BACKEND and keyring's config file still win.
    logging.getLogger(__name__).info("keychain: %s", use_os_keychain())

    password = ""
    if args.password_file:
        # The file's last line is the password (`jivo-relay serve --demo-credentials` writes
        # the e-mail above it).
        password = Path(args.password_file).read_text(encoding="utf-8").strip().splitlines()[-1]

    async def run() -> None:
        app = DesktopApp(qapp, paths.data_dir())
        instance.message_received.connect(app.handle_message)
        quit_event = asyncio.Event()
        # Qt's quit (tray's Quit, the last window closed) becomes a request: the app shuts down
        # first while the loop still runs, then qasync ends the loop with this coroutine.
        # Letting Qt quit first stopped the loop under shutdown() ("no running event loop").
        quit_guard = _QuitRequests(quit_event.set)
        qapp.installEventFilter(quit_guard)
        qapp.aboutToQuit.connect(quit_event.set)  # any other way out (QCoreApplication.exit)
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):  # a clean quit: the outbox is on disk
            with contextlib.suppress(NotImplementedError, RuntimeError):  # Windows
                loop.add_signal_handler(sig, quit_event.set)
        # B1: every way of starting goes through app.start() (tray, notifications, window).
        credentials = (args.relay, args.email, password)
        app.start(credentials if all(credentials) else None)
        if args.accept or args.log_call:
            app.handle_message(message)
        await quit_event.wait()
        await app.shutdown()
        qapp.removeEventFilter(quit_guard)

    qasync.run(run())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
