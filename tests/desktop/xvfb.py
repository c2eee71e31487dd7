"""A real X server for desktop tests: Xvfb on a free display number, stopped at the end.

Usage in a test module::

    from tests.desktop.xvfb import xvfb_display  # noqa: F401  (a pytest fixture)

    def test_something(xvfb_display: str) -> None:  # ":93"
        ...

or, outside pytest, ``with Xvfb() as display: ...``.

Xvfb listens on a Unix socket only (``-nolisten tcp``). ``-noreset`` keeps the server (and its
idle counter) as it is when its last client disconnects, instead of regenerating it.

Tests that need Xvfb or xdotool must fail, not skip, under CI (``CI=true``); locally they skip
with a clear reason. :func:`require_x_tools` does that.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType

import pytest

INSTALL_HINT = (
    "Xvfb and xdotool are needed for the X11 desktop tests: run "
    "`sudo scripts/install-system-deps.sh` (Debian packages xvfb xauth xdotool libxss1)"
)

_DISPLAY_NUMBERS = range(90, 200)
_START_TIMEOUT_S = 10.0
_SOCKET_DIR = Path("/tmp/.X11-unix")


class XvfbError(RuntimeError):
    """Xvfb could not be started on any display number."""


def require_x_tools() -> None:
    """Skip (locally) or fail (under CI) when Xvfb or xdotool is missing."""
    missing = [tool for tool in ("Xvfb", "xdotool") if shutil.which(tool) is None]
    if not missing:
        return
    message = f"{', '.join(missing)} not found. {INSTALL_HINT}"
    if os.environ.get("CI"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def xdotool(display: str, *args: str, timeout: float = 10.0) -> subprocess.CompletedProcess[str]:
    """Run xdotool against ``display``; raise on failure."""
    return subprocess.run(
        ["xdotool", *args],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=True,
    )


def _in_use(number: int) -> bool:
    return Path(f"/tmp/.X{number}-lock").exists() or (_SOCKET_DIR / f"X{number}").exists()


class Xvfb:
    """One Xvfb process. ``start()`` returns the DISPLAY string (":N"); ``stop()`` kills it."""

    def __init__(self, size: str = "1280x800x24") -> None:
        self.size = size
        self.display: str | None = None
        self._proc: subprocess.Popen[bytes] | None = None

    def start(self) -> str:
        for number in _DISPLAY_NUMBERS:
            if _in_use(number):
                continue
            if self._try_start(number):
                self.display = f":{number}"
                return self.display
        raise XvfbError(f"no free display number in :{_DISPLAY_NUMBERS[0]}-:{_DISPLAY_NUMBERS[-1]}")

    def _try_start(self, number: int) -> bool:
        proc = subprocess.Popen(
            ["Xvfb", f":{number}", "-screen", "0", self.size, "-nolisten", "tcp", "-noreset"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + _START_TIMEOUT_S
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                # Another process took this number between our check and Xvfb's own lock.
                return False
            if (_SOCKET_DIR / f"X{number}").exists() and self._accepts(f":{number}"):
                self._proc = proc
                return True
            time.sleep(0.05)
        proc.kill()
        proc.wait(timeout=5)
        stderr = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
        raise XvfbError(f"Xvfb :{number} did not accept connections in time: {stderr[-500:]}")

    @staticmethod
    def _accepts(display: str) -> bool:
        try:
            xdotool(display, "getmouselocation", timeout=5)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired):
            return False
        return True

    def stop(self) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            return
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)
        if proc.stderr:
            proc.stderr.close()

    def __enter__(self) -> str:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


@pytest.fixture(scope="module")
def xvfb_display() -> Iterator[str]:
    """DISPLAY string of an Xvfb this module starts (and stops after its last test)."""
    require_x_tools()
    server = Xvfb()
    display = server.start()
    try:
        yield display
    finally:
        server.stop()


_OTHER_APP = """
import sys
from PySide6.QtWidgets import QApplication, QLineEdit
app = QApplication(sys.argv)
edit = QLineEdit()
edit.setWindowTitle(sys.argv[1])
edit.show()
edit.activateWindow()
print("shown", flush=True)
app.exec()
"""


@pytest.fixture
def x11_session(xvfb_display: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("DISPLAY", xvfb_display)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("XDG_SESSION_TYPE", raising=False)
    return xvfb_display


@pytest.fixture
def other_app_focused(x11_session: str) -> Iterator[str]:
    """Another X client's window, holding the keyboard focus on the Xvfb."""
    title = f"other-app-{os.getpid()}"
    proc = subprocess.Popen(
        [sys.executable, "-c", _OTHER_APP, title],
        env={**os.environ, "DISPLAY": x11_session, "QT_QPA_PLATFORM": "xcb"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        window = xdotool(x11_session, "search", "--sync", "--name", title).stdout.split()[0]
        xdotool(x11_session, "windowfocus", "--sync", window)
        assert xdotool(x11_session, "getwindowfocus").stdout.strip() == window
        yield window
    finally:
        proc.terminate()
        try:
            proc.communicate(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate(timeout=5)


def close_window(display: str, window: str) -> None:
    """Ask ``window`` to close as a window manager's close button does: a WM_DELETE_WINDOW
    client message (``xdotool windowclose`` would destroy the window instead, which no user
    can do; Xvfb has no window manager to click)."""
    import ctypes
    import ctypes.util

    class ClientMessage(ctypes.Structure):
        _fields_ = [
            ("type", ctypes.c_int),
            ("serial", ctypes.c_ulong),
            ("send_event", ctypes.c_int),
            ("display", ctypes.c_void_p),
            ("window", ctypes.c_ulong),
            ("message_type", ctypes.c_ulong),
            ("format", ctypes.c_int),
            ("data", ctypes.c_long * 5),
        ]

    class XEvent(ctypes.Union):
        _fields_ = [("xclient", ClientMessage), ("pad", ctypes.c_long * 24)]

    name = ctypes.util.find_library("X11") or "libX11.so.6"
    x11 = ctypes.CDLL(name)
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x11.XInternAtom.restype = ctypes.c_ulong
    x11.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    x11.XSendEvent.argtypes = [
        ctypes.c_void_p,
        ctypes.c_ulong,
        ctypes.c_int,
        ctypes.c_long,
        ctypes.POINTER(XEvent),
    ]
    x11.XFlush.argtypes = [ctypes.c_void_p]
    x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
    connection = x11.XOpenDisplay(display.encode())
    if not connection:
        raise XvfbError(f"cannot open display {display}")
    try:
        event = XEvent()
        message = event.xclient
        message.type = 33  # ClientMessage
        message.window = int(window)
        message.message_type = x11.XInternAtom(connection, b"WM_PROTOCOLS", 0)
        message.format = 32
        message.data[0] = x11.XInternAtom(connection, b"WM_DELETE_WINDOW", 0)
        message.data[1] = 0  # CurrentTime
        x11.XSendEvent(connection, int(window), 0, 0, ctypes.byref(event))
        x11.XFlush(connection)
    finally:
        x11.XCloseDisplay(connection)


def window_tree(display: str) -> str:
    """``xwininfo -root -tree``: every window, children indented below their parent."""
    return subprocess.run(
        ["xwininfo", "-root", "-tree"],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        timeout=10,
        check=True,
    ).stdout
