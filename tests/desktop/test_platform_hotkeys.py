"""Global hotkeys (G9): pynput's listener on a real Xvfb, delivered in the Qt main thread.

While the hotkey is pressed, another application's window (a separate process on the Xvfb) has
the keyboard focus, as in real use: the agent is in a browser when a chat comes in.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from jivo_desktop import platform
from jivo_desktop.platform import hotkeys as hotkeys_module
from jivo_desktop.platform.hotkeys import WAYLAND_REASON, GlobalHotkeys, to_pynput_hotkey
from tests.desktop.xvfb import xdotool


@pytest.fixture
def hotkeys_on_x(x11_session: str) -> Iterator[list[GlobalHotkeys]]:
    """Every GlobalHotkeys made in the test is stopped before the module's Xvfb goes away."""
    made: list[GlobalHotkeys] = []
    yield made
    for keys in made:
        keys.stop()


# ------------------------------------------------------------------------------ X11 (Xvfb)


def test_hotkey_runs_callback_in_qt_main_thread(
    qtbot: QtBot,
    qapp: QApplication,
    x11_session: str,
    other_app_focused: str,
    hotkeys_on_x: list[GlobalHotkeys],
) -> None:
    """G9: Ctrl+R pressed while another app has focus calls back in the Qt main thread."""
    calls: list[tuple[bool, bool]] = []

    def on_accept() -> None:
        calls.append(
            (
                QThread.currentThread() == qapp.thread(),
                threading.current_thread() is threading.main_thread(),
            )
        )

    keys = GlobalHotkeys("Ctrl+R", on_accept)
    hotkeys_on_x.append(keys)
    assert keys.available, keys.reason
    assert keys.hotkeys == ["<ctrl>+r"]
    assert keys.start()
    assert keys.running

    xdotool(x11_session, "key", "ctrl+t")  # not ours
    with qtbot.waitSignal(keys.triggered, timeout=5000) as fired:
        xdotool(x11_session, "key", "ctrl+r")
    assert fired.args == ["<ctrl>+r"]
    assert calls == [(True, True)]

    started = time.monotonic()
    assert keys.stop() is True
    assert time.monotonic() - started < 1.5
    assert not keys.running

    # Stopped means stopped: the same keys do nothing now.
    xdotool(x11_session, "key", "ctrl+r")
    qtbot.wait(300)
    assert len(calls) == 1


def test_stop_without_any_key_event_returns_promptly(
    x11_session: str, hotkeys_on_x: list[GlobalHotkeys]
) -> None:
    """G9: stop() ends pynput's X11 listener at once, not at the next key event."""
    keys = GlobalHotkeys("<ctrl>+<shift>+<f5>", lambda: None)
    hotkeys_on_x.append(keys)
    assert keys.start(), keys.reason
    started = time.monotonic()
    assert keys.stop(timeout=5) is True
    assert time.monotonic() - started < 1.0
    assert keys.stop() is True  # twice is fine


def test_factory_on_x11_gives_working_hotkeys(
    qtbot: QtBot, x11_session: str, hotkeys_on_x: list[GlobalHotkeys]
) -> None:
    """G9: the factory's object, with a Qt-style combination, fires on an X11 session."""
    keys = platform.global_hotkeys("Ctrl+Shift+F5")
    hotkeys_on_x.append(keys)
    assert keys.available, keys.reason
    assert keys.start()
    with qtbot.waitSignal(keys.triggered, timeout=5000) as fired:
        xdotool(x11_session, "key", "ctrl+shift+F5")
    assert fired.args == ["<ctrl>+<shift>+<f5>"]


# ------------------------------------------------------------------------ unavailable cases


def test_wayland_is_unavailable_with_the_desktop_shortcut_hint(qapp: QApplication) -> None:
    """G9: no global hotkeys on Wayland; the reason points to `jivo-desktop --accept`."""
    keys = platform.global_hotkeys("Ctrl+R", lambda: None, display_server="wayland")
    assert not keys.available
    assert keys.reason == WAYLAND_REASON
    assert "jivo-desktop --accept" in keys.reason
    assert keys.start() is False
    assert keys.stop() is True


def test_missing_pynput_is_unavailable(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    """G9: without pynput the object says why instead of raising."""
    monkeypatch.setitem(sys.modules, "pynput", None)  # makes `import pynput` fail
    keys = GlobalHotkeys("Ctrl+R", lambda: None, platform="linux")
    assert not keys.available
    assert "pynput" in keys.reason
    assert keys.start() is False


def test_macos_reasons_mention_accessibility(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    """G9: on macOS a refused or failing listener asks for the Accessibility permission."""
    monkeypatch.setattr(hotkeys_module, "_macos_accessibility_trusted", lambda: False)
    keys = GlobalHotkeys("Ctrl+R", lambda: None, platform="darwin")
    assert not keys.available
    assert "Accessibility" in keys.reason

    monkeypatch.setattr(hotkeys_module, "_macos_accessibility_trusted", lambda: None)
    monkeypatch.setitem(sys.modules, "pynput", None)
    keys = GlobalHotkeys("Ctrl+R", lambda: None, platform="darwin")
    assert not keys.available
    assert "Accessibility" in keys.reason


@pytest.mark.parametrize("forced", ["win32", "darwin"])
def test_foreign_platform_is_soft_unavailable(
    qapp: QApplication, x11_session: str, forced: str
) -> None:
    """G9: forcing another OS's backend on Linux: unavailable with a reason, no exception."""
    keys = platform.global_hotkeys("Ctrl+R", lambda: None, platform=forced)
    assert not keys.available
    assert keys.reason
    assert keys.start() is False


def test_no_graphical_session_is_unavailable(qapp: QApplication) -> None:
    keys = platform.global_hotkeys(display_server="none")
    assert not keys.available
    assert "DISPLAY" in keys.reason


# ---------------------------------------------------------------------------- hotkey strings


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ctrl+R", "<ctrl>+r"),
        ("ctrl+r", "<ctrl>+r"),
        ("<ctrl>+r", "<ctrl>+r"),
        ("<CTRL>+R", "<ctrl>+r"),
        ("Ctrl + R", "<ctrl>+r"),
        ("Shift+Ctrl+R", "<ctrl>+<shift>+r"),
        ("Ctrl+Shift+F5", "<ctrl>+<shift>+<f5>"),
        ("Alt+Space", "<alt>+<space>"),
        ("Meta+A", "<cmd>+a"),
        ("<cmd>+<alt>+k", "<alt>+<cmd>+k"),
        ("<ctrl_l>+<alt_r>+x", "<ctrl>+<alt>+x"),
        ("Ctrl+PgUp", "<ctrl>+<page_up>"),
        ("Ctrl+Return", "<ctrl>+<enter>"),
        ("Ctrl+Esc", "<ctrl>+<esc>"),
        ("Ctrl++", "<ctrl>++"),
        ("Ctrl+1", "<ctrl>+1"),
        ("F12", "<f12>"),
    ],
)
def test_hotkey_strings_convert_to_pynput(text: str, expected: str) -> None:
    """G9: Qt-style and pynput-style strings give one canonical pynput string."""
    assert to_pynput_hotkey(text) == expected


@pytest.mark.parametrize(
    "text", ["", "   ", "Ctrl", "Ctrl+Shift", "Ctrl+R+T", "Ctrl+Bogus", "Ctrl+Ctrl+R", "Ctrl+"]
)
def test_bad_hotkey_strings_are_rejected(text: str) -> None:
    with pytest.raises(ValueError):
        to_pynput_hotkey(text)


def test_register_rejects_bad_hotkey(qapp: QApplication) -> None:
    keys = GlobalHotkeys(None, unavailable="no backend needed to check strings")
    with pytest.raises(ValueError):
        keys.register("Ctrl+Bogus")
    assert keys.hotkeys == []
    assert keys.start() is False  # nothing to listen for
