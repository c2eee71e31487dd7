"""Build the per-user ``.msi`` from ``installers/windows/jivo_desktop.wxs`` over a staged bundle.

    python installers/windows/build_msi.py STAGED OUT.msi [--version 0.1.0] [--tool wixl|wix3]

``STAGED`` is PyInstaller's one-folder output on Windows (``jivo-desktop.exe`` and
``_internal``). On Linux the tests stage a tree of the same layout, so wixl checks the WiX source
on every run.

Steps:
1. ``bundle_files.wxs``: one ``<Directory>`` per folder of the bundle, one ``<Component>`` per
   folder holding its files, each keyed by an HKCU registry value and removing its folder on
   uninstall (what Windows Installer asks of per-user components: ICE38, ICE64). Component GUIDs
   are derived from the folder's path, so they stay the same from one build to the next and a
   major upgrade replaces the files cleanly.
2. ``--tool wixl``: wixl does not know ``<ShortcutProperty>``: it gets a copy of the source
   without them, and ``msibuild`` then adds the MsiShortcutProperty table from the source's own
   ``<ShortcutProperty>`` elements, so the AppUserModelID is written once, in the .wxs.
   ``--tool wix3``: candle and light (WiX Toolset 3.14, on the Windows runner) read the source
   as it is.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import uuid
import xml.etree.ElementTree as ET
from pathlib import Path
from xml.sax.saxutils import quoteattr

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SOURCE = HERE / "jivo_desktop.wxs"
WIX_NS = "{http://schemas.microsoft.com/wix/2006/wi}"
# Fixed: component GUIDs are uuid5(this, folder path); changing it breaks upgrades.
COMPONENT_NAMESPACE = uuid.UUID("8a4f0d52-6c3e-4b9a-a1f7-2d5e9c0b3f61")
REG_KEY = r"Software\Jivo Live\Installer\Files"


def _id(prefix: str, rel: str) -> str:
    return prefix + hashlib.sha1(rel.encode("utf-8")).hexdigest()[:20]


def bundle_fragment(staged: Path, source_var: str = "SourceDir") -> str:
    """The ``BundleFiles`` component group for every file under ``staged``."""
    components: list[str] = []

    def walk(folder: Path, indent: str) -> list[str]:
        rel = folder.relative_to(staged).as_posix()
        rel = "" if rel == "." else rel
        lines: list[str] = []
        files = sorted(p for p in folder.iterdir() if p.is_file())
        # Every folder gets a component, also one holding only folders: each must be removed
        # on uninstall (ICE64), and only a component can say so.
        comp = _id("c_", rel or ".")
        guid = str(uuid.uuid5(COMPONENT_NAMESPACE, rel or ".")).upper()
        components.append(comp)
        lines.append(f'{indent}<Component Id="{comp}" Guid="{guid}">')
        for f in files:
            frel = f.relative_to(staged).as_posix()
            src = f"$(var.{source_var})/{frel}"
            lines.append(
                f'{indent}  <File Id="{_id("f_", frel)}" Name={quoteattr(f.name)} '
                f"Source={quoteattr(src)}/>"
            )
        lines.append(f'{indent}  <RemoveFolder Id="{_id("r_", rel or ".")}" On="uninstall"/>')
        lines.append(
            f'{indent}  <RegistryValue Root="HKCU" Key="{REG_KEY}" '
            f'Name={quoteattr(rel or ".")} Type="integer" Value="1" KeyPath="yes"/>'
        )
        lines.append(f"{indent}</Component>")
        for sub in sorted(p for p in folder.iterdir() if p.is_dir()):
            srel = sub.relative_to(staged).as_posix()
            lines.append(f'{indent}<Directory Id="{_id("d_", srel)}" Name={quoteattr(sub.name)}>')
            lines.extend(walk(sub, indent + "  "))
            lines.append(f"{indent}</Directory>")
        return lines

    body = walk(staged, "      ")
    refs = "\n".join(f'      <ComponentRef Id="{c}"/>' for c in components)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">\n'
        "  <Fragment>\n"
        '    <DirectoryRef Id="INSTALLDIR">\n' + "\n".join(body) + "\n    </DirectoryRef>\n"
        '    <ComponentGroup Id="BundleFiles">\n' + refs + "\n    </ComponentGroup>\n"
        "  </Fragment>\n"
        "</Wix>\n"
    )


def shortcut_properties(source: Path) -> list[tuple[str, str, str]]:
    """(shortcut id, property key, value) of every ``<ShortcutProperty>`` in the source."""
    tree = ET.parse(source)
    found = []
    for shortcut in tree.iter(f"{WIX_NS}Shortcut"):
        for prop in shortcut.iter(f"{WIX_NS}ShortcutProperty"):
            found.append((shortcut.attrib["Id"], prop.attrib["Key"], prop.attrib["Value"]))
    return found


_SHORTCUT_PROPERTY = re.compile(r"\s*<ShortcutProperty\b[^>]*/>")


def build_wixl(source: Path, fragment: Path, defines: dict[str, str], out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        plain = Path(tmp) / source.name
        plain.write_text(_SHORTCUT_PROPERTY.sub("", source.read_text("utf-8")), "utf-8")
        shutil.copyfile(fragment, Path(tmp) / fragment.name)
        # wixl resolves File/@Source relative to the source's folder only: link the inputs there.
        defines = dict(defines)
        for name in ("SourceDir", "IconFile"):
            link = Path(tmp) / f"input-{name}"
            link.symlink_to(defines[name])
            defines[name] = link.name
        args = [a for k, v in defines.items() for a in ("-D", f"{k}={v}")]
        subprocess.run(
            ["wixl", *args, "-o", str(out), plain.name, fragment.name], check=True, cwd=tmp
        )
        props = shortcut_properties(source)
        if props:
            idt = Path(tmp) / "MsiShortcutProperty.idt"
            rows = [
                "MsiShortcutProperty\tShortcut_\tPropertyKey\tPropVariantValue",
                "s72\ts72\ts0\ts0",
                "MsiShortcutProperty\tMsiShortcutProperty",
            ]
            rows += [
                f"SP_{sid}_{i}\t{sid}\t{key}\t{value}" for i, (sid, key, value) in enumerate(props)
            ]
            idt.write_bytes(("\r\n".join(rows) + "\r\n").encode("utf-8"))
            subprocess.run(["msibuild", str(out), "-i", str(idt)], check=True)


def build_wix3(source: Path, fragment: Path, defines: dict[str, str], out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        args = [f"-d{k}={v}" for k, v in defines.items()]
        objs = []
        for wxs in (source, fragment):
            obj = Path(tmp) / (wxs.stem + ".wixobj")
            subprocess.run(
                ["candle", "-nologo", "-arch", "x64", *args, "-out", str(obj), str(wxs)], check=True
            )
            objs.append(str(obj))
        subprocess.run(["light", "-nologo", "-out", str(out), *objs], check=True)


def build(staged: Path, out: Path, version: str, tool: str = "wixl") -> Path:
    if not any((staged / name).is_file() for name in ("jivo-desktop.exe", "jivo-desktop")):
        raise SystemExit(f"build_msi: {staged} holds no jivo-desktop executable")
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        fragment = Path(tmp) / "bundle_files.wxs"
        fragment.write_text(bundle_fragment(staged), encoding="utf-8")
        defines = {
            "Version": version,
            "SourceDir": staged.as_posix(),
            "IconFile": (ROOT / "resources" / "icons" / "jivo-desktop.ico").as_posix(),
        }
        if tool == "wixl":
            build_wixl(SOURCE, fragment, defines, out)
        else:
            build_wix3(SOURCE, fragment, defines, out)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("staged", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--version", default=os.environ.get("JIVO_VERSION", "0.1.0"))
    default_tool = "wix3" if sys.platform == "win32" or not shutil.which("wixl") else "wixl"
    parser.add_argument("--tool", choices=("wixl", "wix3"), default=default_tool)
    args = parser.parse_args(argv)
    print(build(args.staged.resolve(), args.out.resolve(), args.version, args.tool))
    return 0


if __name__ == "__main__":
    sys.exit(main())
