"""System-wide hotkeys (G9): "accept the offered chat" from any application.

The backend is pynput's ``GlobalHotKeys`` (X11 via the RECORD extension, a low-level keyboard hook
on Windows, a Quartz event tap on macOS). pynput is imported only when a :class:`GlobalHotkeys` is
made: a missing or unusable pynput makes the object unavailable with a reason, it never breaks the
import of this module. On Wayland a client cannot see other applications' keys at all; the factory
in ``jivo_desktop.platform`` then builds an unavailable object whose reason tells the user to bind
a desktop shortcut to ``jivo-desktop --accept`` (delivered through the single-instance channel).

pynput calls back in its own listener thread. The callback is handed to the Qt thread of the
:class:`GlobalHotkeys` object (normally the main thread) through a queued signal connection, so
callbacks and the ``triggered`` signal always run there.

Hotkey strings: pynput's own form (``"<ctrl>+<shift>+r"``) or Qt's (``"Ctrl+Shift+R"``, as a
``QKeySequence`` prints it); :func:`to_pynput_hotkey` converts. Qt's names are taken literally:
"Ctrl" is the Control key on macOS too (Qt itself maps "Ctrl" to Command there), because the
settings page shows the names as the user typed them.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot

from jivo_desktop.platform.reason import QT_TRANSLATE_NOOP, Reason, as_reason, joined

log = logging.getLogger(__name__)

__all__ = [
    "DEFAULT_HOTKEY",
    "MACOS_PERMISSION_HINT",
    "WAYLAND_REASON",
    "GlobalHotkeys",
    "to_pynput_hotkey",
]

DEFAULT_HOTKEY = "<ctrl>+r"

WAYLAND_REASON = QT_TRANSLATE_NOOP(
    "platform",
    "global hotkeys are not possible on Wayland; "
    "bind a desktop shortcut to `jivo-desktop --accept`",
)
MACOS_PERMISSION_HINT = QT_TRANSLATE_NOOP(
    "platform",
    "allow this app under System Settings > Privacy & Security > Accessibility "
    "(and Input Monitoring), then restart it",
)

_READY_TIMEOUT_S = 3.0
_STOP_TIMEOUT_S = 2.0

# Qt / common names -> pynput names. Modifiers are listed in the order they are printed.
_MODIFIERS = {
    "ctrl": "ctrl",
    "control": "ctrl",
    "shift": "shift",
    "alt": "alt",
    "option": "alt",
    "meta": "cmd",
    "cmd": "cmd",
    "command": "cmd",
    "super": "cmd",
    "win": "cmd",
    "windows": "cmd",
}
_MODIFIER_ORDER = ("ctrl", "shift", "alt", "cmd")
_KEYS = {
    "space": "space",
    "tab": "tab",
    "enter": "enter",
    "return": "enter",
    "esc": "esc",
    "escape": "esc",
    "backspace": "backspace",
    "del": "delete",
    "delete": "delete",
    "ins": "insert",
    "insert": "insert",
    "home": "home",
    "end": "end",
    "pgup": "page_up",
    "pageup": "page_up",
    "page_up": "page_up",
    "pgdown": "page_down",
    "pagedown": "page_down",
    "page_down": "page_down",
    "up": "up",
    "down": "down",
    "left": "left",
    "right": "right",
    "print": "print_screen",
    "printscreen": "print_screen",
    "print_screen": "print_screen",
    "pause": "pause",
    "menu": "menu",
    **{f"f{n}": f"f{n}" for n in range(1, 21)},
}


def _split(text: str) -> list[str]:
    """Split on "+", keeping a "+" key: "Ctrl++" -> ["Ctrl", "+"]."""
    parts: list[str] = []
    start = 0
    for i, c in enumerate(text):
        if c == "+" and i != start:
            parts.append(text[start:i])
            start = i + 1
    if start >= len(text):
        raise ValueError(f"hotkey {text!r} ends without a key")
    parts.append(text[start:])
    return parts


def to_pynput_hotkey(text: str) -> str:
    """Canonical pynput form of a hotkey given in Qt's or pynput's notation.

    ``"Ctrl+R"``, ``"ctrl+r"`` and ``"<ctrl>+r"`` all give ``"<ctrl>+r"``; modifiers come first in
    a fixed order (ctrl, shift, alt, cmd). Exactly one non-modifier key is required, so a hotkey
    cannot fire on ordinary typing. Raises :class:`ValueError` for anything else.
    """
    text = "".join(text.split())  # "Ctrl + R" is what people type
    if not text:
        raise ValueError("empty hotkey")
    modifiers: set[str] = set()
    keys: list[str] = []
    for raw in _split(text):
        part = raw.lower()
        if len(part) > 2 and part[0] == "<" and part[-1] == ">":
            part = part[1:-1]
        if part.endswith(("_l", "_r")) and part[:-2] in _MODIFIERS:
            # pynput reports left and right modifiers as the generic one (canonical()).
            part = part[:-2]
        if part in _MODIFIERS:
            name = _MODIFIERS[part]
            if name in modifiers:
                raise ValueError(f"hotkey {text!r} repeats {raw!r}")
            modifiers.add(name)
        elif len(part) == 1:
            keys.append(part)
        elif part in _KEYS:
            keys.append(f"<{_KEYS[part]}>")
        else:
            raise ValueError(f"unknown key {raw!r} in hotkey {text!r}")
    if len(keys) != 1:
        raise ValueError(f"hotkey {text!r} needs exactly one non-modifier key, got {len(keys)}")
    ordered = [f"<{m}>" for m in _MODIFIER_ORDER if m in modifiers]
    return "+".join([*ordered, keys[0]])


def _os_family(platform: str) -> str:
    if platform in ("win32", "cygwin"):
        return "windows"
    if platform == "darwin":
        return "macos"
    return "x11"


def _macos_accessibility_trusted() -> bool | None:
    """``AXIsProcessTrusted()``; None when it cannot be asked."""
    import ctypes

    try:
        lib = ctypes.CDLL(
            "/System/Library/Frameworks/ApplicationServices.framework/ApplicationServices"
        )
        fn = lib.AXIsProcessTrusted
    except (OSError, AttributeError):
        return None
    fn.argtypes = []
    fn.restype = ctypes.c_bool
    return bool(fn())


class GlobalHotkeys(QObject):
    """Global key combinations calling back in this object's Qt thread.

    Signals:
        triggered(str): a registered hotkey (canonical pynput form) was pressed; emitted in the
            Qt thread after its callback ran.

    ``available``/``reason`` say whether hotkeys can work here and, if not, why (for the UI).
    ``start()`` returns False (and sets ``reason``) when the listener cannot start.
    """

    triggered = Signal(str)
    # Emitted from pynput's listener thread; connected with a queued connection.
    _fired = Signal(str)

    def __init__(
        self,
        hotkey: str | None = DEFAULT_HOTKEY,
        callback: Callable[[], object] | None = None,
        *,
        platform: str | None = None,
        unavailable: str | Reason | None = None,
        parent: QObject | None = None,
    ) -> None:
        """``unavailable``: a reason that rules hotkeys out up front (the factory passes the
        Wayland reason). ``platform`` defaults to ``sys.platform``."""
        super().__init__(parent)
        self._platform = platform or sys.platform
        self._callbacks: dict[str, list[Callable[[], object]]] = {}
        self._listener: Any = None
        self._x_display: str | None = None
        self._reason: Reason | None = None
        self._available = True
        # Explicitly queued: the slot must run in this object's thread even if Qt cannot tell
        # which thread emitted (pynput threads are plain Python threads).
        self._fired.connect(self._on_listener_fired, Qt.ConnectionType.QueuedConnection)
        if unavailable:
            self._set_unavailable(unavailable)
        else:
            self._check_backend()
        if hotkey is not None:
            self.register(hotkey, callback)

    # ------------------------------------------------------------------ state

    @property
    def available(self) -> bool:
        return self._available

    @property
    def reason(self) -> str:
        """Why hotkeys do not work here, in the interface language; empty while available."""
        return str(self._reason) if self._reason is not None else ""

    @property
    def running(self) -> bool:
        return self._listener is not None

    @property
    def hotkeys(self) -> list[str]:
        """Registered hotkeys in canonical pynput form."""
        return list(self._callbacks)

    def _set_unavailable(self, reason: str | Reason) -> None:
        self._available = False
        self._reason = as_reason(reason)
        log.info("global hotkeys unavailable: %s", self._reason.english)

    def _check_backend(self) -> None:
        if self._platform == "darwin" and _macos_accessibility_trusted() is False:
            self._set_unavailable(
                Reason(
                    QT_TRANSLATE_NOOP(
                        "platform", "global hotkeys need the Accessibility permission: {0}"
                    ),
                    Reason(MACOS_PERMISSION_HINT),
                )
            )
            return
        try:
            self._keyboard()
        except Exception as exc:  # ImportError, or pynput's own "no X connection" at import
            detail = (str(exc).splitlines() or [""])[0]
            reason = Reason(QT_TRANSLATE_NOOP("platform", "pynput is not usable here: {0}"), detail)
            if self._platform == "darwin":
                reason = joined(reason, MACOS_PERMISSION_HINT)
            self._set_unavailable(reason)
            return
        if _os_family(self._platform) != _os_family(sys.platform):
            # A forced platform (tests, diagnostics): pynput only has this machine's backend.
            self._set_unavailable(
                Reason(
                    QT_TRANSLATE_NOOP("platform", "pynput's backend for {0} cannot run on {1}"),
                    self._platform,
                    sys.platform,
                )
            )

    @staticmethod
    def _keyboard() -> Any:
        # Lazy: importing pynput on X11 connects to $DISPLAY, and it may not be installed.
        from pynput import keyboard

        return keyboard

    # ------------------------------------------------------------------ registration

    def register(self, hotkey: str, callback: Callable[[], object] | None = None) -> str:
        """Add ``hotkey`` (Qt or pynput notation) with an optional callback; returns the
        canonical form. Raises ValueError for a malformed hotkey. Takes effect at the next
        ``start()`` (a running listener is restarted)."""
        key = to_pynput_hotkey(hotkey)
        if self._available:
            self._keyboard().HotKey.parse(key)  # the backend's own check, e.g. keys it lacks
        callbacks = self._callbacks.setdefault(key, [])
        if callback is not None:
            callbacks.append(callback)
        if self.running:
            self.stop()
            self.start()
        return key

    def unregister(self, hotkey: str) -> None:
        self._callbacks.pop(to_pynput_hotkey(hotkey), None)
        if self.running:
            self.stop()
            if self._callbacks:
                self.start()

    # ------------------------------------------------------------------ lifecycle

    def start(self) -> bool:
        """Start listening. True when the listener runs; False (see ``reason``) otherwise."""
        if self.running:
            return True
        if not self._available:
            return False
        if not self._callbacks:
            return False
        try:
            keyboard = self._keyboard()
            listener = keyboard.GlobalHotKeys(
                {key: partial(self._fired.emit, key) for key in self._callbacks}
            )
            self._x_display = os.environ.get("DISPLAY") if self._is_x11() else None
            listener.start()
        except Exception as exc:
            self._set_unavailable(
                Reason(
                    QT_TRANSLATE_NOOP("platform", "the keyboard listener could not start: {0}"),
                    exc,
                )
            )
            return False
        if not self._wait_ready(listener):
            reason = Reason(QT_TRANSLATE_NOOP("platform", "the keyboard listener did not start"))
            if self._platform == "darwin":
                reason = joined(reason, MACOS_PERMISSION_HINT)
            elif self._platform != "win32":
                reason = Reason(
                    QT_TRANSLATE_NOOP(
                        "platform",
                        "the keyboard listener did not start "
                        "(does the X server have the RECORD extension?)",
                    )
                )
            self._set_unavailable(reason)
            # Not stopped: pynput's stop() waits without a timeout for a listener that never
            # became ready. It is a daemon thread, and its presses are ignored (no _listener).
            return False
        self._listener = listener
        log.info("global hotkeys listening: %s", ", ".join(self._callbacks))
        return True

    @staticmethod
    def _wait_ready(listener: Any, timeout: float = _READY_TIMEOUT_S) -> bool:
        # listener.wait() has no timeout and blocks forever when the listener thread died
        # before it was ready; wait for it in a helper thread instead.
        waiter = threading.Thread(target=listener.wait, name="hotkeys-ready", daemon=True)
        waiter.start()
        deadline = time.monotonic() + timeout
        while waiter.is_alive() and listener.is_alive() and time.monotonic() < deadline:
            waiter.join(0.02)
        return not waiter.is_alive() and listener.is_alive()

    def stop(self, timeout: float = _STOP_TIMEOUT_S) -> bool:
        """Stop listening and join the listener thread (at most ``timeout`` seconds).

        Returns True when the thread ended. Safe to call when not running.
        """
        listener, self._listener = self._listener, None
        if listener is None:
            return True
        try:
            listener.stop()
        except Exception:
            log.warning("stopping the hotkey listener failed", exc_info=True)
        if self._x_display is not None:
            self._wake_x11_listener(listener, self._x_display)
        listener_join = getattr(listener, "join", None)
        try:
            if listener_join is not None:
                listener_join(timeout)
        except Exception:
            # pynput re-raises an exception of its thread in join(); it is over either way.
            log.warning("the hotkey listener ended with an error", exc_info=True)
        alive = bool(listener.is_alive())
        if alive:
            log.warning("the hotkey listener thread did not end within %.1f s", timeout)
        return not alive

    def _is_x11(self) -> bool:
        return _os_family(self._platform) == "x11"

    @staticmethod
    def _wake_x11_listener(listener: Any, display: str) -> None:
        """End pynput's X11 listener now instead of at the next key event.

        pynput's stop() queues RecordDisableContext on the connection its thread is blocked
        reading, so it is only sent when the next key event wakes that thread. Sending the same
        request over a connection of our own makes the server end the recording at once.
        """
        context = getattr(listener, "_context", None)
        if context is None:
            return
        try:
            import Xlib.display  # python-xlib, a dependency of pynput on X11

            conn = Xlib.display.Display(display)
            try:
                conn.record_disable_context(context)
                conn.sync()
            finally:
                conn.close()
        except Exception:
            # The context may already be gone (the thread ended first): nothing to wake.
            log.debug("waking the X11 hotkey listener failed", exc_info=True)

    # ------------------------------------------------------------------ delivery

    @Slot(str)
    def _on_listener_fired(self, key: str) -> None:
        if self._listener is None:
            return  # a press that raced with stop()
        for callback in list(self._callbacks.get(key, ())):
            try:
                callback()
            except Exception:
                log.exception("hotkey callback for %s failed", key)
        self.triggered.emit(key)
