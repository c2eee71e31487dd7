"""Package the PyInstaller bundle as a Debian package (``make dist`` runs this).

    python installers/linux/build_deb.py build/dist/jivo-desktop dist/ [--version 0.1.0]

The package installs the bundle under ``/opt/jivo-desktop``, a ``/usr/bin/jivo-desktop`` symlink,
a ``.desktop`` entry (with an "accept the oldest chat" action, the Wayland stand-in for the
global hotkey) and the icon in the hicolor theme at every size of ``resources/icons``. The
desktop database and the icon cache are refreshed by the triggers of desktop-file-utils and
hicolor-icon-theme, so the package needs no maintainer scripts.

``Depends`` lists the system libraries the bundle links but does not carry (PyInstaller leaves
out libc, libGL/libEGL, libxcb and the like on purpose): every ELF file of the bundle goes
through ``ldd`` with the bundle's own folders first, and each library found outside the bundle is
mapped to its package with ``dpkg -S``. A library that is found nowhere fails the build: the
package would not start on a machine like this one.

It also depends on a colour emoji font (C13): no library links one, but without it the emoji
picker and the emoji in messages show in black and white, or as boxes.

No root is needed: ``dpkg-deb --root-owner-group`` writes root-owned entries.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "jivo-desktop"
PREFIX = Path("opt") / PACKAGE
# C13: packages the bundle needs that no ldd finds (a font fontconfig hands to Qt at run time).
FONT_DEPENDS = ["fonts-noto-color-emoji"]
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)

DESKTOP_ENTRY = """\
[Desktop Entry]
Type=Application
Version=1.4
Name=Jivo Live
GenericName=Live chat for agents
Comment=Answer the visitors of your website
Exec=jivo-desktop
Icon=jivo-desktop
Terminal=false
Categories=Network;Chat;InstantMessaging;
Keywords=chat;support;helpdesk;
StartupNotify=true
Actions=accept;

[Desktop Action accept]
Name=Accept the oldest waiting chat
Exec=jivo-desktop --accept
"""

COPYRIGHT = """\
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: jivo-live
License: MIT

Files: *
Copyright: the jivo-live authors
License: MIT
 The bundle under /opt/jivo-desktop also carries Python, Qt (LGPLv3) through PySide6
 (LGPLv3) and the Python packages listed in its _internal folder, each under its own license.
"""


def is_elf(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(4) == b"\x7fELF"
    except OSError:
        return False


def elf_files(bundle: Path) -> list[Path]:
    return sorted(p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink() and is_elf(p))


_LDD_LINE = re.compile(r"^\s*(\S+)\s+=>\s+(not found|\S+)")


def outside_libraries(bundle: Path) -> tuple[set[str], dict[str, set[str]]]:
    """(libraries resolved outside the bundle, {missing soname: files that need it})."""
    internal = bundle / "_internal"
    # The bootloader puts _internal on the library path; Qt's own libraries use RUNPATH.
    env = {**os.environ, "LD_LIBRARY_PATH": f"{internal}:{internal / 'PySide6' / 'Qt' / 'lib'}"}
    outside: set[str] = set()
    missing: dict[str, set[str]] = {}
    for path in elf_files(bundle):
        result = subprocess.run(["ldd", str(path)], env=env, capture_output=True, text=True)
        for line in result.stdout.splitlines():
            m = _LDD_LINE.match(line)
            if not m:
                continue
            soname, where = m.groups()
            if where == "not found":
                missing.setdefault(soname, set()).add(str(path.relative_to(bundle)))
            elif not Path(where).resolve().is_relative_to(bundle.resolve()):
                outside.add(where)
    return outside, missing


def owning_packages(libraries: set[str]) -> set[str]:
    """``dpkg -S`` on each library (its path as ldd printed it, or the resolved path)."""
    packages: set[str] = set()
    for lib in sorted(libraries):
        candidates = [lib, str(Path(lib).resolve())]
        candidates += [c.removeprefix("/usr") for c in candidates if c.startswith("/usr/")]
        candidates += ["/usr" + c for c in candidates if not c.startswith("/usr/")]
        for candidate in dict.fromkeys(candidates):
            result = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
            if result.returncode == 0:
                # "libgl1:amd64: /usr/lib/x86_64-linux-gnu/libGL.so.1"
                name = result.stdout.split(":", 1)[0].split(",")[0].strip()
                packages.add(name)
                break
        else:
            raise SystemExit(f"build_deb: no package owns {lib}: cannot name it in Depends")
    return packages


def with_versions(packages: set[str]) -> list[str]:
    """libc6 at least the build machine's: the bundled Python and Qt were linked against it."""
    out = []
    for name in sorted(packages):
        if name == "libc6":
            version = subprocess.run(
                ["dpkg-query", "-W", "-f=${Version}", "libc6"], capture_output=True, text=True
            ).stdout.strip()
            upstream = re.match(r"(\d+\.\d+)", version)
            if upstream:
                name = f"libc6 (>= {upstream.group(1)})"
        out.append(name)
    return out


def architecture() -> str:
    return subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()


def stage(bundle: Path, root: Path, version: str, depends: list[str]) -> None:
    target = root / PREFIX
    shutil.copytree(bundle, target, symlinks=True)
    for path in target.rglob("*"):  # predictable modes whatever the build machine's umask
        if path.is_symlink():
            continue
        executable = path.is_dir() or os.access(path, os.X_OK)
        path.chmod(0o755 if executable else 0o644)
    (root / "usr" / "bin").mkdir(parents=True)
    # Relative, so it also works in a root unpacked anywhere (dpkg-deb -x, the tests).
    (root / "usr" / "bin" / PACKAGE).symlink_to(Path("..", "..", PREFIX, PACKAGE))
    apps = root / "usr" / "share" / "applications"
    apps.mkdir(parents=True)
    (apps / f"{PACKAGE}.desktop").write_text(DESKTOP_ENTRY, encoding="utf-8")
    for size in ICON_SIZES:
        folder = root / "usr" / "share" / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True)
        shutil.copyfile(
            ROOT / "resources" / "icons" / f"{PACKAGE}-{size}.png", folder / f"{PACKAGE}.png"
        )
    doc = root / "usr" / "share" / "doc" / PACKAGE
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(COPYRIGHT, encoding="utf-8")
    for path in (root / "usr").rglob("*"):
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() else 0o644)

    size_kib = sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink())
    control = root / "DEBIAN" / "control"
    control.parent.mkdir()
    control.write_text(
        f"Package: {PACKAGE}\n"
        f"Version: {version}\n"
        f"Architecture: {architecture()}\n"
        "Maintainer: jivo-live developers <dev@jivo-live.invalid>\n"
        f"Installed-Size: {size_kib // 1024 + 1}\n"
        f"Depends: {', '.join(depends)}\n"
        "Recommends: hicolor-icon-theme, desktop-file-utils\n"
        "Section: net\n"
        "Priority: optional\n"
        "Description: Jivo Live agent app\n"
        " The desktop app of the open-source live chat: agents answer the visitors of\n"
        " their website from here. It connects to a jivo-relay server.\n",
        encoding="utf-8",
    )


def build(bundle: Path, out: Path, version: str, fast: bool = False) -> Path:
    if not (bundle / PACKAGE).is_file():
        raise SystemExit(f"build_deb: {bundle / PACKAGE} missing: run PyInstaller first")
    outside, missing = outside_libraries(bundle)
    if missing:
        lines = [f"  {so} (needed by {', '.join(sorted(who)[:3])})" for so, who in missing.items()]
        raise SystemExit("build_deb: libraries found neither in the bundle nor on this system:\n"
                         + "\n".join(lines))  # fmt: skip
    depends = with_versions(owning_packages(outside)) + FONT_DEPENDS
    out.mkdir(parents=True, exist_ok=True)
    deb = out / f"{PACKAGE}_{version}_{architecture()}.deb"
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "root"
        stage(bundle, root, version, depends)
        # zstd: xz -6 took 4.5 minutes here for 10% less; dpkg reads zstd since Debian 12 and
        # Ubuntu 21.10 (and the bundle needs Debian 12's glibc anyway).
        compression = ["-Zzstd", "-z1" if fast else "-z9"]
        subprocess.run(
            ["dpkg-deb", "--root-owner-group", *compression, "--build", str(root), str(deb)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return deb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path, help="PyInstaller's one-folder output")
    parser.add_argument("out", type=Path, help="folder for the .deb")
    parser.add_argument("--version", default=os.environ.get("JIVO_VERSION", "0.1.0"))
    parser.add_argument("--fast", action="store_true", help="zstd -1 instead of -9 (tests)")
    args = parser.parse_args(argv)
    deb = build(args.bundle.resolve(), args.out.resolve(), args.version, args.fast)
    print(deb)
    return 0


if __name__ == "__main__":
    sys.exit(main())
