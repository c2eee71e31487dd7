"""OS integration behind small interfaces, each with a working fallback.

The factories choose a backend at run time from ``sys.platform`` and, on Linux and the BSDs,
from the display server::

    idle = idle_source()          # IdleSource: X11 / Windows / macOS, or UnknownIdle
    keys = global_hotkeys("Ctrl+R", on_accept)   # GlobalHotkeys (maybe unavailable)
    if not keys.available:
        show(keys.reason)

Both accept ``platform=`` and ``display_server=`` to force a choice (tests, diagnostics); a
forced backend that cannot run here comes back unavailable with a reason, it never raises.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from typing import Literal

from PySide6.QtCore import QObject

from jivo_desktop.platform.hotkeys import DEFAULT_HOTKEY, WAYLAND_REASON, GlobalHotkeys
from jivo_desktop.platform.idle import (
    IdleSource,
    UnknownIdle,
    open_macos_idle,
    open_windows_idle,
    open_x11_idle,
)
from jivo_desktop.platform.reason import QT_TRANSLATE_NOOP, Reason
from jivo_desktop.platform.single_instance import SingleInstance, default_server_name

__all__ = [
    "DisplayServer",
    "GlobalHotkeys",
    "IdleSource",
    "SingleInstance",
    "default_server_name",
    "detect_display_server",
    "global_hotkeys",
    "idle_source",
]

DisplayServer = Literal["x11", "wayland", "none"]

WAYLAND_IDLE_REASON = QT_TRANSLATE_NOOP(
    "platform", "idle time is not available on Wayland; auto-away is off"
)
NO_SESSION_REASON = QT_TRANSLATE_NOOP(
    "platform", "no graphical session (neither DISPLAY nor WAYLAND_DISPLAY is set)"
)


def _qt_platform_name() -> str:
    # Only ask Qt when a QGuiApplication exists: creating one here would be wrong.
    try:
        from PySide6.QtGui import QGuiApplication

        if QGuiApplication.instance() is None:
            return ""
        return QGuiApplication.platformName()
    except Exception:
        return ""


def detect_display_server(
    qt_platform: str | None = None, env: Mapping[str, str] | None = None
) -> DisplayServer:
    """The display server of this session on Linux/BSD: "x11", "wayland" or "none".

    A Wayland session counts as Wayland even when Qt (or pynput) talks to XWayland through
    $DISPLAY: an X client there sees neither other apps' keys nor their input for idle time.
    Qt's "offscreen"/"minimal" platforms say nothing about the session, so the environment
    decides then.
    """
    env = os.environ if env is None else env
    qt_platform = _qt_platform_name() if qt_platform is None else qt_platform
    if (
        qt_platform.startswith("wayland")
        or env.get("WAYLAND_DISPLAY")
        or env.get("XDG_SESSION_TYPE") == "wayland"
    ):
        return "wayland"
    if qt_platform == "xcb" or env.get("DISPLAY"):
        return "x11"
    return "none"


def idle_source(
    platform: str | None = None, *, display_server: DisplayServer | None = None
) -> IdleSource:
    """The idle-time backend for this machine (never raises)."""
    platform = platform or sys.platform
    if platform in ("win32", "cygwin"):
        return open_windows_idle()
    if platform == "darwin":
        return open_macos_idle()
    session = display_server or detect_display_server()
    if session == "wayland":
        return UnknownIdle(Reason(WAYLAND_IDLE_REASON))
    if session == "x11":
        return open_x11_idle()
    return UnknownIdle(Reason(NO_SESSION_REASON))


def global_hotkeys(
    hotkey: str | None = DEFAULT_HOTKEY,
    callback: Callable[[], object] | None = None,
    *,
    platform: str | None = None,
    display_server: DisplayServer | None = None,
    parent: QObject | None = None,
) -> GlobalHotkeys:
    """A :class:`GlobalHotkeys` for this machine; unavailable (with a reason) where it cannot
    work. Not started: call ``start()``."""
    platform = platform or sys.platform
    unavailable: Reason | None = None
    if platform not in ("win32", "cygwin", "darwin"):
        session = display_server or detect_display_server()
        if session == "wayland":
            unavailable = Reason(WAYLAND_REASON)
        elif session == "none":
            unavailable = Reason(NO_SESSION_REASON)
    return GlobalHotkeys(
        hotkey, callback, platform=platform, unavailable=unavailable, parent=parent
    )
