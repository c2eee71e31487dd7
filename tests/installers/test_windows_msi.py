"""X1 on Windows, checked here: wixl builds the per-user .msi from installers/windows/
jivo_desktop.wxs over a staged tree of the bundle's layout, and msiinfo reads back its files,
its two shortcuts and the Start-menu shortcut's AppUserModelID (Windows drops toast
notifications of an app whose shortcut lacks it)."""

from __future__ import annotations

import ctypes
import shutil
import subprocess
from pathlib import Path

import pytest

from installers.windows import build_msi
from jivo_desktop.platform import identity
from tests.installers.conftest import need

pytestmark = [pytest.mark.installers]


def msi_table(msi: Path, table: str) -> list[dict[str, str]]:
    """Rows of one table, through ``msiinfo export`` (IDT: names, types, key line, rows)."""
    out = subprocess.run(
        ["msiinfo", "export", str(msi), table], capture_output=True, text=True, check=True
    ).stdout
    lines = out.replace("\r\n", "\n").rstrip("\n").split("\n")
    names = lines[0].split("\t")
    return [dict(zip(names, line.split("\t"), strict=False)) for line in lines[3:]]


@pytest.fixture(scope="module")
def staged(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tree laid out as PyInstaller's Windows bundle: the .exe, _internal/ with nested
    folders, names with spaces; small files, so wixl's cabinet takes a moment."""
    root = tmp_path_factory.mktemp("staged") / "jivo-desktop"
    files = [
        "jivo-desktop.exe",
        "_internal/python311.dll",
        "_internal/base_library.zip",
        "_internal/PySide6/Qt6Core.dll",
        "_internal/PySide6/plugins/platforms/qwindows.dll",
        "_internal/resources/sounds/new_chat.wav",
        "_internal/resources/icons/jivo-desktop-256.png",
        "_internal/keyring-25.7.0.dist-info/entry points.txt",
    ]
    for rel in files:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(rel.encode() * 8)
    return root


@pytest.fixture(scope="module")
def msi(staged: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    need(bool(shutil.which("wixl") and shutil.which("msibuild")), "wixl (msitools) is missing")
    out = tmp_path_factory.mktemp("msi") / "jivo-desktop.msi"
    return build_msi.build(staged, out, "0.1.0", tool="wixl")


def test_msi_holds_every_staged_file(msi: Path, staged: Path) -> None:
    """X1: every file of the bundle is in the File table, each folder under INSTALLDIR
    (%LOCALAPPDATA%\\Programs\\Jivo Live)."""
    files = msi_table(msi, "File")
    staged_names = sorted(p.name for p in staged.rglob("*") if p.is_file())
    assert sorted(row["FileName"].split("|")[-1] for row in files) == staged_names
    dirs = {row["Directory"]: row for row in msi_table(msi, "Directory")}
    assert dirs["INSTALLDIR"]["Directory_Parent"] == "UserPrograms"
    assert dirs["UserPrograms"]["Directory_Parent"] == "LocalAppDataFolder"
    assert dirs["INSTALLDIR"]["DefaultDir"] == "Jivo Live"


def test_msi_is_per_user(msi: Path) -> None:
    """X1: installs without administrator rights (no ALLUSERS, the "no elevation" bit)."""
    props = {row["Property"]: row["Value"] for row in msi_table(msi, "Property")}
    assert "ALLUSERS" not in props
    assert props["ProductName"] == "Jivo Live" and props["ProductVersion"] == "0.1.0"
    info = subprocess.run(["msiinfo", "suminfo", str(msi)], capture_output=True, text=True)
    source = next(line for line in info.stdout.splitlines() if line.startswith("Source:"))
    word_count = int(source.split()[1])
    assert word_count & 8, source  # elevated privileges are not required
    components = msi_table(msi, "Component")
    assert all(row["KeyPath"] for row in components)  # registry key paths, per-user style
    registry = {row["Registry"] for row in msi_table(msi, "Registry")}
    assert all(row["KeyPath"] in registry for row in components)  # ICE38
    # ICE64: every folder made under the user's profile is removed on uninstall, including
    # folders that hold only folders (_internal/PySide6/plugins here).
    dirs = msi_table(msi, "Directory")
    ours = {"UserPrograms", "INSTALLDIR"} | {
        r["Directory"] for r in dirs if r["Directory"][:2] == "d_"
    }
    removed = {row["DirProperty"] for row in msi_table(msi, "RemoveFile")}
    assert ours <= removed, ours - removed


def test_msi_shortcuts_carry_the_app_user_model_id(msi: Path) -> None:
    """X1/N1: a Start-menu and a desktop shortcut to the app; the Start-menu one carries
    System.AppUserModel.ID equal to the ID the app claims at start."""
    shortcuts = {row["Shortcut"]: row for row in msi_table(msi, "Shortcut")}
    start = shortcuts["StartMenuJivo"]
    desktop = shortcuts["DesktopJivo"]
    assert start["Directory_"] == "ProgramMenuFolder"
    assert desktop["Directory_"] == "DesktopFolder"
    for row in (start, desktop):
        assert row["Target"] == "[INSTALLDIR]jivo-desktop.exe"
        assert row["Name"].split("|")[-1] == "Jivo Live"
    props = msi_table(msi, "MsiShortcutProperty")
    assert [(r["Shortcut_"], r["PropertyKey"], r["PropVariantValue"]) for r in props] == [
        ("StartMenuJivo", "System.AppUserModel.ID", identity.APP_ID)
    ]


def test_component_guids_are_stable(staged: Path) -> None:
    """Upgrades need the same component GUID for the same folder in every build."""
    assert build_msi.bundle_fragment(staged) == build_msi.bundle_fragment(staged)
    assert 'Guid="*"' not in build_msi.bundle_fragment(staged)


class FakeShell32:
    """Stands in for ``ctypes.windll.shell32`` (a fake: this is Linux)."""

    def __init__(self, result: int = 0) -> None:
        self.result = result
        self.calls: list[str] = []

    def SetCurrentProcessExplicitAppUserModelID(self, app_id: ctypes.c_wchar_p) -> int:
        self.calls.append(str(app_id.value))
        return self.result


class FakeWindll:
    def __init__(self, shell32: FakeShell32) -> None:
        self.shell32 = shell32


def test_app_claims_its_app_user_model_id_on_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    """N1 on Windows: the app calls SetCurrentProcessExplicitAppUserModelID with the shortcut's
    ID; a failing call (an HRESULT) or another OS leaves the app running."""
    shell32 = FakeShell32()
    monkeypatch.setattr(ctypes, "windll", FakeWindll(shell32), raising=False)
    assert identity.set_windows_app_id(platform="win32") is True
    assert shell32.calls == ["org.jivolive.desktop"]
    shell32.result = -2147024809  # E_INVALIDARG
    assert identity.set_windows_app_id(platform="win32") is False
    assert identity.set_windows_app_id(platform="linux") is False
    assert len(shell32.calls) == 2
