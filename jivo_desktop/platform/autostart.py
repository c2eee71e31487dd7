"""Start the app at login (Ajustes > General): one backend per OS, chosen at run time.

* Windows: a value in ``HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run`` (winreg);
* macOS: a LaunchAgent ``~/Library/LaunchAgents/org.jivolive.desktop.plist`` with RunAtLoad
  (launchd reads the folder at the next login; nothing to load now);
* Linux and the BSDs: an XDG autostart entry ``$XDG_CONFIG_HOME/autostart/jivo-desktop.desktop``.

Every backend fails soft: ``set_enabled`` returns False and sets ``reason`` instead of raising, so
the settings page can say what went wrong and leave the checkbox as it was::

    autostart = autostart_for_this_machine()
    if autostart.available and not autostart.set_enabled(True):
        show(autostart.reason)
"""

from __future__ import annotations

import logging
import os
import plistlib
import shutil
import subprocess
import sys
from abc import ABC, abstractmethod
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from jivo_desktop.platform.identity import APP_ID, DESKTOP_FILE

log = logging.getLogger(__name__)

RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
RUN_VALUE = "Jivo Live"


def launch_command() -> list[str]:
    """How to start this very app: the bundle's executable when frozen (PyInstaller), the
    ``jivo-desktop`` script when installed with pip, else ``python -m jivo_desktop``."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    script = shutil.which("jivo-desktop")
    if script:
        return [script]
    return [sys.executable, "-m", "jivo_desktop"]


class Autostart(ABC):
    """Whether the app starts at login. ``available``/``reason`` say whether this machine
    allows it and, after a failed ``set_enabled``, why it did not work."""

    available = True

    def __init__(self) -> None:
        self.reason = ""

    @abstractmethod
    def is_enabled(self) -> bool: ...

    @abstractmethod
    def _write(self, enabled: bool) -> None: ...

    def set_enabled(self, enabled: bool) -> bool:
        """True when the login item is now as asked; False (see ``reason``) otherwise."""
        try:
            self._write(enabled)
        except Exception as exc:  # a read-only profile, a locked registry, a policy
            self.reason = f"{type(exc).__name__}: {exc}"
            log.warning("autostart %s failed: %s", "on" if enabled else "off", self.reason)
            return False
        self.reason = ""
        log.info("autostart %s", "on" if enabled else "off")
        return True


class XdgAutostart(Autostart):
    """The XDG Autostart spec: a desktop entry in ``$XDG_CONFIG_HOME/autostart``."""

    def __init__(self, command: Sequence[str], config_home: Path | None = None) -> None:
        super().__init__()
        self.command = list(command)
        home = config_home or Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
        self.path = home / "autostart" / f"{DESKTOP_FILE}.desktop"

    def is_enabled(self) -> bool:
        try:
            text = self.path.read_text(encoding="utf-8")
        except OSError:
            return False
        lines = {line.strip().lower() for line in text.splitlines()}
        return "hidden=true" not in lines and "x-gnome-autostart-enabled=false" not in lines

    def _write(self, enabled: bool) -> None:
        if not enabled:
            self.path.unlink(missing_ok=True)
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        exec_line = " ".join(_desktop_quote(arg) for arg in self.command)
        self.path.write_text(
            "[Desktop Entry]\n"
            "Type=Application\n"
            "Name=Jivo Live\n"
            "Comment=Answer the visitors of your website\n"
            f"Exec={exec_line}\n"
            f"Icon={DESKTOP_FILE}\n"
            "Terminal=false\n"
            "X-GNOME-Autostart-enabled=true\n",
            encoding="utf-8",
        )


def _desktop_quote(arg: str) -> str:
    """Quote one Exec argument as the Desktop Entry spec asks (double quotes, with \\ " ` $
    escaped; a literal % doubled)."""
    arg = arg.replace("%", "%%")
    if arg and not any(c in arg for c in " \t\n\"'\\><~|&;$*?#()`"):
        return arg
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in arg)
    return f'"{escaped}"'


class WindowsRunKey(Autostart):
    """A value under HKCU's Run key. ``winreg`` is the standard library's (tests pass a fake)."""

    def __init__(self, command: Sequence[str], winreg: Any = None) -> None:
        super().__init__()
        if winreg is None:
            import winreg as _winreg  # Windows only

            winreg = _winreg
        self.winreg = winreg
        self.command = list(command)

    def is_enabled(self) -> bool:
        reg = self.winreg
        try:
            with reg.OpenKey(reg.HKEY_CURRENT_USER, RUN_KEY, 0, reg.KEY_READ) as key:
                value, _kind = reg.QueryValueEx(key, RUN_VALUE)
        except OSError:  # FileNotFoundError: no such value
            return False
        return bool(value)

    def _write(self, enabled: bool) -> None:
        reg = self.winreg
        with reg.CreateKeyEx(reg.HKEY_CURRENT_USER, RUN_KEY, 0, reg.KEY_SET_VALUE) as key:
            if enabled:
                reg.SetValueEx(key, RUN_VALUE, 0, reg.REG_SZ, subprocess.list2cmdline(self.command))
            else:
                try:
                    reg.DeleteValue(key, RUN_VALUE)
                except FileNotFoundError:
                    pass


class MacLaunchAgent(Autostart):
    """A per-user LaunchAgent that launchd runs at login (RunAtLoad)."""

    def __init__(self, command: Sequence[str], home: Path | None = None) -> None:
        super().__init__()
        self.command = list(command)
        self.path = (home or Path.home()) / "Library" / "LaunchAgents" / f"{APP_ID}.plist"

    def is_enabled(self) -> bool:
        try:
            with self.path.open("rb") as f:
                data = plistlib.load(f)
        except (OSError, plistlib.InvalidFileException):
            return False
        return bool(data.get("RunAtLoad")) and not data.get("Disabled", False)

    def _write(self, enabled: bool) -> None:
        if not enabled:
            self.path.unlink(missing_ok=True)
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        agent = {
            "Label": APP_ID,
            "ProgramArguments": self.command,
            "RunAtLoad": True,
            "ProcessType": "Interactive",
            # Quit from the tray means quit: launchd must not start it again.
            "KeepAlive": False,
        }
        with self.path.open("wb") as f:
            plistlib.dump(agent, f)


class NoAutostart(Autostart):
    """Where none of the above applies; the checkbox shows ``reason`` and stays off."""

    available = False

    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason

    def is_enabled(self) -> bool:
        return False

    def _write(self, enabled: bool) -> None:
        raise OSError(self.reason)


def autostart_for_this_machine(
    platform: str | None = None, command: Sequence[str] | None = None
) -> Autostart:
    """The backend for ``platform`` (default ``sys.platform``); never raises."""
    platform = platform or sys.platform
    command = list(command) if command is not None else launch_command()
    try:
        if platform in ("win32", "cygwin"):
            return WindowsRunKey(command)
        if platform == "darwin":
            return MacLaunchAgent(command)
        return XdgAutostart(command)
    except Exception as exc:  # winreg missing on a forced platform, no HOME
        return NoAutostart(f"start at login is not available here: {exc}")


__all__ = [
    "Autostart",
    "MacLaunchAgent",
    "NoAutostart",
    "WindowsRunKey",
    "XdgAutostart",
    "autostart_for_this_machine",
    "launch_command",
]
