"""How long the user has not touched keyboard or mouse: the input for auto-away (G3).

One backend per OS behind :class:`IdleSource`; each is opened through an ``open_*`` function
that never raises. When the library, the extension or the OS itself is missing, it returns an
:class:`UnknownIdle` whose ``reason`` says why (the settings page shows it). ``None`` from
:meth:`IdleSource.idle_seconds` means "unknown", which the app treats as "not idle": auto-away
must never put a working agent away because we could not measure.

- X11: the XScreenSaver extension (``libXss``) over one long-lived Xlib connection. On Xvfb a
  new X client can reset the idle counter, and opening a connection per poll is wasteful anyway.
- Windows: ``GetLastInputInfo`` (32-bit tick of the last input in this session) against
  ``GetTickCount64``.
- macOS: ``CGEventSourceSecondsSinceLastEventType`` on the combined HID state, any input type.
- Wayland has no portable idle query for ordinary clients; :func:`idle_source` in
  ``jivo_desktop.platform`` returns :class:`UnknownIdle` there.

Only ctypes and the standard library are imported at module level, so this module imports on
every OS.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import math
import os
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable

from jivo_desktop.platform.reason import QT_TRANSLATE_NOOP, Reason, as_reason

log = logging.getLogger(__name__)

__all__ = [
    "IdleSource",
    "IdleUnavailable",
    "MacIdle",
    "UnknownIdle",
    "WindowsIdle",
    "X11Idle",
    "idle_ms_from_ticks",
    "open_macos_idle",
    "open_windows_idle",
    "open_x11_idle",
]


DEFAULT_REASON = QT_TRANSLATE_NOOP("platform", "idle time is not available on this system")


class IdleUnavailable(RuntimeError):
    """A backend cannot work here; the message is the reason shown to the user (a
    :class:`Reason`, translated when shown)."""

    def __init__(self, reason: Reason) -> None:
        super().__init__(reason.english)
        self.reason = reason


class IdleSource(ABC):
    """Seconds since the last keyboard/mouse input, or ``None`` when unknown."""

    #: Short backend name for logs and the diagnostics page ("x11", "windows", "macos", "unknown").
    name: str = "unknown"

    @property
    def available(self) -> bool:
        return True

    @property
    def reason(self) -> str:
        """Why the backend is unavailable; empty when it works."""
        return ""

    @abstractmethod
    def idle_seconds(self) -> float | None:
        """Seconds without user input; ``None`` = unknown (treated as not idle)."""

    def close(self) -> None:  # noqa: B027 - most backends hold nothing to release
        """Release OS resources. Safe to call twice; afterwards ``idle_seconds()`` is ``None``."""

    def __repr__(self) -> str:
        state = "available" if self.available else f"unavailable: {self.reason}"
        return f"<{type(self).__name__} {state}>"


class UnknownIdle(IdleSource):
    """The fallback: idle time cannot be measured here."""

    name = "unknown"

    def __init__(self, reason: str | Reason = DEFAULT_REASON) -> None:
        self._reason = as_reason(reason)

    @property
    def available(self) -> bool:
        return False

    @property
    def reason(self) -> str:
        return str(self._reason)  # in the interface language (G6)

    def idle_seconds(self) -> float | None:
        return None


def _sane_seconds(value: float) -> float | None:
    """Reject what an OS call must never return (negative, NaN, infinite)."""
    if math.isnan(value) or math.isinf(value) or value < 0:
        return None
    return float(value)


# --------------------------------------------------------------------------------------- X11


class _XScreenSaverInfo(ctypes.Structure):
    # <X11/extensions/scrnsaver.h>
    _fields_ = [
        ("window", ctypes.c_ulong),
        ("state", ctypes.c_int),
        ("kind", ctypes.c_int),
        ("til_or_since", ctypes.c_ulong),
        ("idle", ctypes.c_ulong),  # milliseconds
        ("event_mask", ctypes.c_ulong),
    ]


def _load(soname: str, fallback: str) -> ctypes.CDLL:
    try:
        return ctypes.CDLL(soname)
    except OSError:
        found = ctypes.util.find_library(fallback)
        if not found:
            raise
        return ctypes.CDLL(found)


class X11Idle(IdleSource):
    """XScreenSaver idle time over one Xlib connection, opened here and closed in ``close()``.

    There is deliberately no ``__del__``: closing a connection whose server has gone makes Xlib's
    default I/O error handler exit the process, which must not happen from the garbage collector.

    Raises :class:`IdleUnavailable` from the constructor; use :func:`open_x11_idle`.
    """

    name = "x11"

    def __init__(self, display: str | None = None) -> None:
        display = display if display is not None else os.environ.get("DISPLAY", "")
        if not display:
            raise IdleUnavailable(
                Reason(QT_TRANSLATE_NOOP("platform", "no X display (DISPLAY is not set)"))
            )
        try:
            self._x11 = _load("libX11.so.6", "X11")
        except OSError as exc:
            raise IdleUnavailable(
                Reason(QT_TRANSLATE_NOOP("platform", "libX11 is not installed ({0})"), exc)
            ) from exc
        try:
            self._xss = _load("libXss.so.1", "Xss")
        except OSError as exc:
            raise IdleUnavailable(
                Reason(
                    QT_TRANSLATE_NOOP(
                        "platform", "libXss (XScreenSaver) is not installed ({0}); install libxss1"
                    ),
                    exc,
                )
            ) from exc

        x11, xss = self._x11, self._xss
        x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
        x11.XOpenDisplay.restype = ctypes.c_void_p
        x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
        x11.XCloseDisplay.restype = ctypes.c_int
        x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        x11.XDefaultRootWindow.restype = ctypes.c_ulong
        xss.XScreenSaverQueryExtension.argtypes = [
            ctypes.c_void_p,
            ctypes.POINTER(ctypes.c_int),
            ctypes.POINTER(ctypes.c_int),
        ]
        xss.XScreenSaverQueryExtension.restype = ctypes.c_int
        xss.XScreenSaverQueryInfo.argtypes = [
            ctypes.c_void_p,
            ctypes.c_ulong,
            ctypes.POINTER(_XScreenSaverInfo),
        ]
        xss.XScreenSaverQueryInfo.restype = ctypes.c_int

        self._lock = threading.Lock()
        self._display_name = display
        self._dpy: int | None = x11.XOpenDisplay(display.encode())
        if not self._dpy:
            self._dpy = None
            raise IdleUnavailable(
                Reason(QT_TRANSLATE_NOOP("platform", "cannot open X display {0}"), repr(display))
            )
        event_base, error_base = ctypes.c_int(), ctypes.c_int()
        if not xss.XScreenSaverQueryExtension(
            self._dpy, ctypes.byref(event_base), ctypes.byref(error_base)
        ):
            self.close()
            raise IdleUnavailable(
                Reason(
                    QT_TRANSLATE_NOOP(
                        "platform", "the X server at {0} has no MIT-SCREEN-SAVER extension"
                    ),
                    repr(display),
                )
            )
        self._root = x11.XDefaultRootWindow(self._dpy)
        self._info = _XScreenSaverInfo()

    @property
    def display(self) -> str:
        return self._display_name

    @property
    def available(self) -> bool:
        return self._dpy is not None

    @property
    def reason(self) -> str:
        return "" if self._dpy is not None else "closed"

    def idle_seconds(self) -> float | None:
        # Xlib connections are not thread-safe; the lock makes this one safe to poll from anywhere.
        with self._lock:
            if self._dpy is None:
                return None
            if not self._xss.XScreenSaverQueryInfo(self._dpy, self._root, ctypes.byref(self._info)):
                return None
            return self._info.idle / 1000.0

    def close(self) -> None:
        with self._lock:
            dpy, self._dpy = self._dpy, None
            if dpy is not None:
                self._x11.XCloseDisplay(dpy)


def _open_soft(make: Callable[[], IdleSource], system: str) -> IdleSource:
    """``make()``, or :class:`UnknownIdle` with the reason: idle time never stops the app."""
    try:
        return make()
    except IdleUnavailable as exc:
        log.info("%s idle time unavailable: %s", system, exc)
        return UnknownIdle(exc.reason)
    except Exception as exc:  # a broken library must not stop the app from starting
        log.warning("%s idle time unavailable", system, exc_info=True)
        return UnknownIdle(
            Reason(QT_TRANSLATE_NOOP("platform", "{0} idle time failed: {1}"), system, exc)
        )


def open_x11_idle(display: str | None = None) -> IdleSource:
    """The X11 backend for ``display`` (default ``$DISPLAY``), or :class:`UnknownIdle`."""
    return _open_soft(lambda: X11Idle(display), "X11")


# ----------------------------------------------------------------------------------- Windows

_TICK_MASK = 0xFFFFFFFF


def idle_ms_from_ticks(now_ticks: int, last_input_ticks: int) -> int:
    """Milliseconds between the last input and now, from Windows tick counts.

    ``LASTINPUTINFO.dwTime`` is a 32-bit ``GetTickCount()`` value, which wraps every ~49.7 days;
    ``GetTickCount64()`` does not. Comparing the low 32 bits modulo 2**32 gives the right answer
    across a wrap, as long as the user has been idle for less than 49.7 days.
    """
    return ((now_ticks & _TICK_MASK) - (last_input_ticks & _TICK_MASK)) & _TICK_MASK


class _LastInputInfo(ctypes.Structure):
    # LASTINPUTINFO: UINT cbSize; DWORD dwTime;
    _fields_ = [("cbSize", ctypes.c_uint32), ("dwTime", ctypes.c_uint32)]


class WindowsIdle(IdleSource):
    """``GetLastInputInfo`` + ``GetTickCount64`` (user32/kernel32)."""

    name = "windows"

    def __init__(self) -> None:
        win_dll = getattr(ctypes, "WinDLL", None)
        if win_dll is None:
            raise IdleUnavailable(
                Reason(
                    QT_TRANSLATE_NOOP(
                        "platform", "GetLastInputInfo needs Windows (ctypes.WinDLL is missing)"
                    )
                )
            )
        try:
            user32 = win_dll("user32", use_last_error=True)
            kernel32 = win_dll("kernel32", use_last_error=True)
            self._get_last_input_info = user32.GetLastInputInfo
            self._get_tick_count64 = kernel32.GetTickCount64
        except (OSError, AttributeError) as exc:
            raise IdleUnavailable(
                Reason(
                    QT_TRANSLATE_NOOP("platform", "GetLastInputInfo is not available ({0})"), exc
                )
            ) from exc
        self._get_last_input_info.argtypes = [ctypes.POINTER(_LastInputInfo)]
        self._get_last_input_info.restype = ctypes.c_int  # BOOL
        self._get_tick_count64.argtypes = []
        self._get_tick_count64.restype = ctypes.c_uint64
        self._closed = False

    @property
    def available(self) -> bool:
        return not self._closed

    @property
    def reason(self) -> str:
        return "closed" if self._closed else ""

    def idle_seconds(self) -> float | None:
        if self._closed:
            return None
        info = _LastInputInfo(cbSize=ctypes.sizeof(_LastInputInfo), dwTime=0)
        if not self._get_last_input_info(ctypes.byref(info)):
            return None
        now = int(self._get_tick_count64())
        return idle_ms_from_ticks(now, info.dwTime) / 1000.0

    def close(self) -> None:
        self._closed = True


def open_windows_idle() -> IdleSource:
    """The Windows backend, or :class:`UnknownIdle` (on any other OS, for example)."""
    return _open_soft(WindowsIdle, "Windows")


# ------------------------------------------------------------------------------------- macOS

# CGEventSourceStateID / CGEventType values from <CoreGraphics/CGEventTypes.h>.
K_CG_EVENT_SOURCE_STATE_HID_SYSTEM_STATE = 1
K_CG_ANY_INPUT_EVENT_TYPE = 0xFFFFFFFF

_MAC_FRAMEWORKS = (
    "/System/Library/Frameworks/CoreGraphics.framework/CoreGraphics",
    "/System/Library/Frameworks/ApplicationServices.framework/ApplicationServices",
)


class MacIdle(IdleSource):
    """``CGEventSourceSecondsSinceLastEventType(HIDSystemState, AnyInputEventType)``.

    Reading the HID system state needs no permission (unlike listening to key events).
    """

    name = "macos"

    def __init__(self, frameworks: tuple[str, ...] = _MAC_FRAMEWORKS) -> None:
        errors = []
        for path in frameworks:
            # Since macOS 11 the frameworks live in the dyld shared cache, not on disk: dlopen
            # by full path still works, so do not test for the file first.
            try:
                lib = ctypes.CDLL(path)
                fn = lib.CGEventSourceSecondsSinceLastEventType
            except (OSError, AttributeError) as exc:
                errors.append(str(exc))
                continue
            fn.argtypes = [ctypes.c_int32, ctypes.c_uint32]
            fn.restype = ctypes.c_double
            self._seconds_since = fn
            self._closed = False
            return
        raise IdleUnavailable(
            Reason(
                QT_TRANSLATE_NOOP("platform", "CoreGraphics is not available (macOS only): {0}"),
                "; ".join(errors or ["no framework"]),
            )
        )

    @property
    def available(self) -> bool:
        return not self._closed

    @property
    def reason(self) -> str:
        return "closed" if self._closed else ""

    def idle_seconds(self) -> float | None:
        if self._closed:
            return None
        value = self._seconds_since(
            K_CG_EVENT_SOURCE_STATE_HID_SYSTEM_STATE, K_CG_ANY_INPUT_EVENT_TYPE
        )
        return _sane_seconds(value)

    def close(self) -> None:
        self._closed = True


def open_macos_idle() -> IdleSource:
    """The macOS backend, or :class:`UnknownIdle`."""
    return _open_soft(MacIdle, "macOS")
