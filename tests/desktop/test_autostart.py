"""Start at login (issue 7, with X1's installers; Ajustes > General): the XDG backend for real in
a temporary XDG_CONFIG_HOME, the Windows Run key and the macOS LaunchAgent against fakes (a fake
winreg module; a temporary HOME, where launchd is simply not looking), and the checkbox."""

from __future__ import annotations

import plistlib
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from jivo_desktop.platform import autostart as a
from jivo_desktop.ui.settings.autostart import AutostartSetting

COMMAND = ["/opt/jivo-desktop/jivo-desktop"]


def test_xdg_autostart_entry_written_and_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """X1 autostart, Linux: an XDG autostart entry in $XDG_CONFIG_HOME/autostart that runs the
    app; switching off removes it; an entry the desktop marked Hidden counts as off."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    backend = a.autostart_for_this_machine("linux", ["/opt/Jivo Live/jivo-desktop", "--x=50%"])
    assert isinstance(backend, a.XdgAutostart) and not backend.is_enabled()
    assert backend.set_enabled(True) and backend.is_enabled()
    entry = tmp_path / "config" / "autostart" / "jivo-desktop.desktop"
    text = entry.read_text()
    assert 'Exec="/opt/Jivo Live/jivo-desktop" --x=50%%\n' in text
    assert shlex.split(text.split("Exec=")[1].splitlines()[0].replace("%%", "%")) == [
        "/opt/Jivo Live/jivo-desktop",
        "--x=50%",
    ]
    if (validate := Path("/usr/bin/desktop-file-validate")).exists():
        result = subprocess.run([str(validate), str(entry)], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout
    entry.write_text(text + "Hidden=true\n")
    assert not backend.is_enabled()
    assert backend.set_enabled(False) and not entry.exists() and not backend.is_enabled()
    assert backend.set_enabled(False)  # already off: still fine


def test_xdg_autostart_fails_soft(tmp_path: Path) -> None:
    """A folder that cannot be written: False and a reason, no exception."""
    blocker = tmp_path / "config"
    blocker.write_text("a file where the folder should be")
    backend = a.XdgAutostart(COMMAND, config_home=blocker)
    assert backend.set_enabled(True) is False
    assert "autostart" in backend.reason or "Error" in backend.reason
    assert not backend.is_enabled()


class FakeKey:
    def __init__(self, values: dict[str, Any]) -> None:
        self.values = values

    def __enter__(self) -> FakeKey:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


class FakeWinreg:
    """A fake of the ``winreg`` module's calls the backend makes (this is not Windows): keys as
    dicts, and the same errors winreg raises (FileNotFoundError for a missing value)."""

    HKEY_CURRENT_USER = "HKCU"
    KEY_READ = 1
    KEY_SET_VALUE = 2
    REG_SZ = 1

    def __init__(self, *, read_only: bool = False) -> None:
        self.keys: dict[tuple[str, str], dict[str, Any]] = {}
        self.read_only = read_only

    def OpenKey(self, root: str, path: str, reserved: int, access: int) -> FakeKey:
        if (root, path) not in self.keys:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        return FakeKey(self.keys[(root, path)])

    def CreateKeyEx(self, root: str, path: str, reserved: int, access: int) -> FakeKey:
        if self.read_only:
            raise PermissionError(5, "Access is denied")
        return FakeKey(self.keys.setdefault((root, path), {}))

    def QueryValueEx(self, key: FakeKey, name: str) -> tuple[Any, int]:
        if name not in key.values:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        return key.values[name]

    def SetValueEx(self, key: FakeKey, name: str, reserved: int, kind: int, value: str) -> None:
        key.values[name] = (value, kind)

    def DeleteValue(self, key: FakeKey, name: str) -> None:
        if name not in key.values:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        del key.values[name]


def test_windows_run_key(tmp_path: Path) -> None:
    """X1 autostart, Windows: a REG_SZ value "Jivo Live" under HKCU's Run key with the quoted
    command line; off deletes it (also when it is already gone)."""
    reg = FakeWinreg()
    exe = r"C:\Users\ana\AppData\Local\Programs\Jivo Live\jivo-desktop.exe"
    backend = a.WindowsRunKey([exe], winreg=reg)
    assert not backend.is_enabled()
    assert backend.set_enabled(True) and backend.is_enabled()
    run = reg.keys[("HKCU", r"Software\Microsoft\Windows\CurrentVersion\Run")]
    assert run["Jivo Live"] == (f'"{exe}"', reg.REG_SZ)
    assert backend.set_enabled(False) and not backend.is_enabled()
    assert backend.set_enabled(False)
    locked = a.WindowsRunKey([exe], winreg=FakeWinreg(read_only=True))
    assert locked.set_enabled(True) is False and "Access is denied" in locked.reason


def test_macos_launch_agent(tmp_path: Path) -> None:
    """X1 autostart, macOS: ~/Library/LaunchAgents/org.jivolive.desktop.plist with the app's
    command and RunAtLoad (launchd reads it at the next login)."""
    exe = "/Applications/Jivo Live.app/Contents/MacOS/jivo-desktop"
    backend = a.MacLaunchAgent([exe], tmp_path)
    assert not backend.is_enabled()
    assert backend.set_enabled(True) and backend.is_enabled()
    plist = tmp_path / "Library" / "LaunchAgents" / "org.jivolive.desktop.plist"
    data = plistlib.loads(plist.read_bytes())
    assert data["Label"] == "org.jivolive.desktop" and data["RunAtLoad"] is True
    assert data["ProgramArguments"] == [exe]
    assert backend.set_enabled(False) and not plist.exists()


def test_backend_chosen_by_platform(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert isinstance(a.autostart_for_this_machine("darwin", COMMAND), a.MacLaunchAgent)
    assert isinstance(a.autostart_for_this_machine("linux", COMMAND), a.XdgAutostart)
    forced = a.autostart_for_this_machine("win32", COMMAND)
    if sys.platform == "win32":
        assert isinstance(forced, a.WindowsRunKey)
    else:  # no winreg: a forced Windows backend is unavailable, not an exception
        assert isinstance(forced, a.NoAutostart) and not forced.available and forced.reason


def test_launch_command_is_the_bundle_when_frozen(monkeypatch: pytest.MonkeyPatch) -> None:
    """Installed from an installer, login starts the bundle's executable; from a checkout,
    the same Python with ``-m jivo_desktop`` (or pip's ``jivo-desktop`` script)."""
    monkeypatch.setattr(a.shutil, "which", lambda name: None)
    assert a.launch_command() == [a.sys.executable, "-m", "jivo_desktop"]
    monkeypatch.setattr(a.sys, "frozen", True, raising=False)
    assert a.launch_command() == [a.sys.executable]


def test_checkbox_turns_autostart_on_and_off(qtbot: Any, tmp_path: Path, artifacts: Path) -> None:
    """X1 autostart: the Ajustes > General checkbox writes the login entry and reflects it."""
    backend = a.XdgAutostart(COMMAND, config_home=tmp_path)
    widget = AutostartSetting(backend)
    qtbot.addWidget(widget)
    widget.show()
    assert not widget.checkbox.isChecked() and widget.checkbox.isEnabled()
    with qtbot.waitSignal(widget.changed) as blocker:
        widget.checkbox.click()
    assert blocker.args == [True] and backend.path.exists()
    assert widget.grab().save(str(artifacts / "settings-autostart.png"))
    widget.checkbox.click()
    assert not backend.path.exists() and not widget.checkbox.isChecked()


def test_checkbox_reverts_and_explains_when_the_os_refuses(qtbot: Any) -> None:
    locked = a.WindowsRunKey(COMMAND, winreg=FakeWinreg(read_only=True))
    widget = AutostartSetting(locked)
    qtbot.addWidget(widget)
    widget.show()
    widget.checkbox.click()
    assert not widget.checkbox.isChecked()
    assert widget.problem.isVisible() and "Access is denied" in widget.problem.text()

    unavailable = AutostartSetting(a.NoAutostart("no session"))
    qtbot.addWidget(unavailable)
    unavailable.show()
    assert not unavailable.checkbox.isEnabled()
    assert "no session" in unavailable.problem.text()
