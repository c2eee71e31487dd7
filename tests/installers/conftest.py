"""The desktop bundle and its Linux package, built ONCE per test session (about 25 s here).

PyInstaller runs on the checkout as ``make dist`` does, into the session's temporary folder; the
tests then unpack the ``.deb`` and run the installed app, and build the ``.msi`` over a staged
copy of the same bundle with wixl.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from installers.linux import build_deb
from tests.support.ci_skips import IMPOSSIBLE
from tests.support.relay import ROOT

SPEC = ROOT / "installers" / "jivo_desktop.spec"


def need(condition: bool, reason: str) -> None:
    """Missing tools fail the run under CI (``make test`` installs them) and skip elsewhere."""
    if condition:
        return
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


@dataclass
class Bundle:
    path: Path  # the one-folder bundle: jivo-desktop and _internal/
    build_seconds: float


def build_translations() -> None:
    """``make translations``: the .qm files the bundle carries (when a test runs alone)."""
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    for ts in sorted((ROOT / "resources" / "i18n").glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)


def build_bundle(out: Path) -> Bundle:
    build_translations()
    started = time.monotonic()
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(out / "dist"), "--workpath", str(out / "work"), str(SPEC)],
        cwd=ROOT, check=True, timeout=600,
        env={**os.environ, "PYINSTALLER_CONFIG_DIR": str(out / "pyinstaller-cache")},
    )  # fmt: skip
    return Bundle(out / "dist" / "jivo-desktop", time.monotonic() - started)


@pytest.fixture(scope="session")
def linux_bundle(tmp_path_factory: pytest.TempPathFactory) -> Bundle:
    if not sys.platform.startswith("linux"):
        pytest.skip(f"{IMPOSSIBLE} the Linux bundle is built on Linux")
    need(importlib.util.find_spec("PyInstaller") is not None, "PyInstaller is not installed")
    return build_bundle(tmp_path_factory.mktemp("bundle"))


@pytest.fixture(scope="session")
def deb_package(linux_bundle: Bundle, tmp_path_factory: pytest.TempPathFactory) -> Path:
    need(shutil.which("dpkg-deb") is not None, "dpkg-deb is not installed")
    out = tmp_path_factory.mktemp("deb")
    return build_deb.build(linux_bundle.path, out, "0.1.0", fast=True)


@pytest.fixture(scope="session")
def deb_root(deb_package: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package unpacked into an empty root, as dpkg would lay it out."""
    root = tmp_path_factory.mktemp("root")
    subprocess.run(["dpkg-deb", "-x", str(deb_package), str(root)], check=True)
    return root
