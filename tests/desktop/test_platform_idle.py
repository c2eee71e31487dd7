"""Idle time for auto-away (G3): the X11 backend against a real Xvfb, the others soft-failing.

The Windows and macOS backends cannot run on this machine: their factories must come back
unavailable without raising, and their arithmetic is tested with fake OS functions.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterator

import pytest

from jivo_desktop import platform
from jivo_desktop.platform.idle import (
    K_CG_ANY_INPUT_EVENT_TYPE,
    K_CG_EVENT_SOURCE_STATE_HID_SYSTEM_STATE,
    IdleSource,
    MacIdle,
    UnknownIdle,
    WindowsIdle,
    X11Idle,
    idle_ms_from_ticks,
    open_x11_idle,
)
from tests.desktop.xvfb import xdotool


@pytest.fixture
def x11_idle(x11_session: str) -> Iterator[IdleSource]:
    idle = platform.idle_source()
    try:
        yield idle
    finally:
        idle.close()  # before the module's Xvfb goes away


def _idle(source: IdleSource) -> float:
    value = source.idle_seconds()
    assert value is not None
    return value


# ------------------------------------------------------------------------------ X11 (Xvfb)


def test_factory_picks_x11_when_display_points_to_xvfb(
    x11_idle: IdleSource, x11_session: str
) -> None:
    """G3: DISPLAY set, no Wayland: the XScreenSaver backend, on that display."""
    assert isinstance(x11_idle, X11Idle)
    assert x11_idle.available, x11_idle.reason
    assert x11_idle.reason == ""
    assert x11_idle.display == x11_session


def test_x11_idle_grows_then_drops_after_mouse_and_key(
    x11_idle: IdleSource, x11_session: str
) -> None:
    """G3: idle time is wall-clock time without input; a mouse move or a key press resets it."""
    first = _idle(x11_idle)
    time.sleep(1.2)  # idle time IS wall-clock time: a real wait is the test
    second = _idle(x11_idle)
    assert second >= first + 1.0, (first, second)

    xdotool(x11_session, "mousemove", "123", "45")
    assert _idle(x11_idle) < 0.5

    time.sleep(0.6)
    before_key = _idle(x11_idle)
    assert before_key >= 0.5
    xdotool(x11_session, "key", "shift")
    after_key = _idle(x11_idle)
    assert after_key < 0.5
    assert after_key < before_key


def test_x11_idle_closed_returns_none(x11_session: str) -> None:
    """G3: after close() the connection is gone and the answer is 'unknown'."""
    idle = open_x11_idle(x11_session)
    assert isinstance(idle, X11Idle)
    idle.close()
    idle.close()  # twice is fine
    assert idle.idle_seconds() is None
    assert not idle.available


def test_x11_idle_unreachable_display_is_soft() -> None:
    """G3: a display nobody serves gives the fallback with a reason, not an exception."""
    idle = open_x11_idle(":4242")
    assert isinstance(idle, UnknownIdle)
    assert not idle.available
    assert ":4242" in idle.reason
    assert idle.idle_seconds() is None


# ------------------------------------------------------------------------ choice and fallback


def test_unknown_idle_returns_none() -> None:
    """G3: unknown idle time is None, which the app treats as never idle."""
    idle = UnknownIdle("because")
    assert idle.idle_seconds() is None
    assert not idle.available
    assert idle.reason == "because"
    idle.close()


def test_wayland_session_gives_unknown_idle(monkeypatch: pytest.MonkeyPatch) -> None:
    """G3: on Wayland there is no idle query; the reason says so."""
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    monkeypatch.setenv("DISPLAY", ":0")  # XWayland's DISPLAY does not make it an X11 session
    idle = platform.idle_source("linux")
    assert isinstance(idle, UnknownIdle)
    assert "Wayland" in idle.reason


def test_no_session_gives_unknown_idle() -> None:
    idle = platform.idle_source("linux", display_server="none")
    assert isinstance(idle, UnknownIdle)
    assert idle.reason


@pytest.mark.parametrize(
    ("qt_platform", "env", "expected"),
    [
        ("", {"DISPLAY": ":0"}, "x11"),
        ("offscreen", {"DISPLAY": ":5"}, "x11"),
        ("xcb", {}, "x11"),
        ("", {"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, "wayland"),
        ("xcb", {"DISPLAY": ":0", "XDG_SESSION_TYPE": "wayland"}, "wayland"),
        ("wayland", {}, "wayland"),
        ("offscreen", {}, "none"),
    ],
)
def test_detect_display_server(qt_platform: str, env: dict[str, str], expected: str) -> None:
    assert platform.detect_display_server(qt_platform, env) == expected


@pytest.mark.parametrize("forced", ["win32", "darwin"])
def test_foreign_backends_are_soft_unavailable_here(forced: str) -> None:
    """G3: forcing the Windows or macOS backend on Linux: unavailable with a reason, no raise."""
    idle = platform.idle_source(forced)
    assert isinstance(idle, UnknownIdle)
    assert not idle.available
    assert idle.reason
    assert idle.idle_seconds() is None


# ---------------------------------------------------------- Windows/macOS arithmetic (no OS)


@pytest.mark.parametrize(
    ("now", "last", "expected_ms"),
    [
        (10_000, 4_000, 6_000),
        (10_000, 10_000, 0),
        # GetTickCount64 past 2**32 (49.7 days of uptime); dwTime is its low 32 bits.
        (2**32 + 5_000, 3_000, 2_000),
        # The 32-bit dwTime was taken just before the wrap, now is just after it.
        (2**32 + 500, 2**32 - 1_500, 2_000),
        (2 * 2**32 + 7, 2**32 - 3, 10),
    ],
)
def test_windows_tick_arithmetic(now: int, last: int, expected_ms: int) -> None:
    """G3: GetLastInputInfo's 32-bit tick against GetTickCount64, across the 49.7-day wrap."""
    assert idle_ms_from_ticks(now, last & 0xFFFFFFFF) == expected_ms


def test_windows_backend_with_fake_api() -> None:
    """G3: the struct handed to GetLastInputInfo (cbSize set) and the seconds it gives."""
    seen_sizes: list[int] = []

    def get_last_input_info(ref: object) -> int:
        info = ref._obj  # type: ignore[attr-defined]  # the structure behind byref()
        seen_sizes.append(info.cbSize)
        info.dwTime = 2**32 - 1_000  # last input just before the 32-bit wrap
        return 1

    idle = WindowsIdle.__new__(WindowsIdle)
    idle._get_last_input_info = get_last_input_info
    idle._get_tick_count64 = lambda: 2**32 + 2_500
    idle._closed = False
    assert idle.idle_seconds() == pytest.approx(3.5)
    assert seen_sizes == [8]  # sizeof(LASTINPUTINFO): UINT + DWORD

    idle._get_last_input_info = lambda ref: 0  # the call failed
    assert idle.idle_seconds() is None


def test_macos_backend_with_fake_api() -> None:
    """G3: CGEventSourceSecondsSinceLastEventType(HIDSystemState, AnyInputEventType)."""
    calls: list[tuple[int, int]] = []
    answer = [12.5]

    def seconds_since(state: int, event_type: int) -> float:
        calls.append((state, event_type))
        return answer[0]

    idle = MacIdle.__new__(MacIdle)
    idle._seconds_since = seconds_since
    idle._closed = False
    assert idle.idle_seconds() == 12.5
    assert calls == [(K_CG_EVENT_SOURCE_STATE_HID_SYSTEM_STATE, K_CG_ANY_INPUT_EVENT_TYPE)]
    assert calls[0] == (1, 0xFFFFFFFF)
    for bad in (-1.0, math.nan, math.inf):
        answer[0] = bad
        assert idle.idle_seconds() is None
    idle.close()
    assert idle.idle_seconds() is None


def test_macos_framework_missing_is_soft() -> None:
    from jivo_desktop.platform.idle import IdleUnavailable

    with pytest.raises(IdleUnavailable, match="CoreGraphics"):
        MacIdle(frameworks=("/nonexistent/CoreGraphics",))
