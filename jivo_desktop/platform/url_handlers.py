"""P1: which program, if any, opens a URI scheme (``tel``, ``sip``, ``callto``) on this machine.

A call goes out through the agent's own softphone: the app opens the URI and the OS hands it to
the program registered for its scheme. Where none is registered the OS opens nothing (or a
browser that cannot dial), and the call would be silently lost; so the app asks first, here.

One backend per OS behind :class:`UrlHandlers`, each failing soft (an error means "cannot
tell", and the app then opens the URI anyway):

* Linux and the BSDs: ``xdg-mime query default x-scheme-handler/<scheme>`` (what ``xdg-open``
  itself follows), else ``gio mime``;
* Windows: ``AssocQueryStringW`` with ``ASSOCF_IS_PROTOCOL`` (the documented way to find a
  protocol's handler, what the shell's ``ShellExecute`` uses);
* macOS: ``LSCopyDefaultApplicationURLForURL`` (Launch Services).
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from dataclasses import dataclass

log = logging.getLogger(__name__)

FOUND, MISSING, UNKNOWN = "found", "missing", "unknown"


@dataclass(frozen=True)
class HandlerCheck:
    """``state``: FOUND (``app`` names it), MISSING (nothing opens this scheme) or UNKNOWN
    (the OS could not be asked)."""

    scheme: str
    state: str
    app: str = ""


class UrlHandlers:
    """Ask the OS which program opens a scheme. The base class cannot tell (UNKNOWN)."""

    platform = "other"

    def check(self, scheme: str) -> HandlerCheck:
        return HandlerCheck(scheme, UNKNOWN)


class XdgUrlHandlers(UrlHandlers):
    platform = "linux"

    def __init__(self, env: dict[str, str] | None = None, timeout: float = 5.0) -> None:
        self.env = env
        self.timeout = timeout

    def _run(self, command: list[str]) -> str | None:
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, timeout=self.timeout, env=self.env
            )
        except (OSError, subprocess.SubprocessError) as exc:
            log.info("%s failed: %s", command[0], exc)
            return None
        return done.stdout.strip() if done.returncode == 0 else ""

    def check(self, scheme: str) -> HandlerCheck:
        mime = f"x-scheme-handler/{scheme}"
        if shutil.which("xdg-mime"):
            found = self._run(["xdg-mime", "query", "default", mime])
            if found:
                return HandlerCheck(scheme, FOUND, found)
            if found == "":
                return HandlerCheck(scheme, MISSING)
        if shutil.which("gio"):
            found = self._run(["gio", "mime", mime])
            if found is not None:
                # "Default application for 'x-scheme-handler/tel': app.desktop" (or "No default
                # applications for ...").
                first = found.splitlines()[0] if found else ""
                if first.startswith("Default application") and ":" in first:
                    return HandlerCheck(scheme, FOUND, first.rsplit(":", 1)[1].strip())
                return HandlerCheck(scheme, MISSING)
        return HandlerCheck(scheme, UNKNOWN)


class WindowsUrlHandlers(UrlHandlers):
    platform = "windows"

    def check(self, scheme: str) -> HandlerCheck:
        try:
            import ctypes
            from ctypes import wintypes

            shlwapi = ctypes.WinDLL("shlwapi")  # type: ignore[attr-defined]
            query = shlwapi.AssocQueryStringW
            query.argtypes = [
                wintypes.DWORD, wintypes.DWORD, wintypes.LPCWSTR, wintypes.LPCWSTR,
                wintypes.LPWSTR, ctypes.POINTER(wintypes.DWORD),
            ]  # fmt: skip
            query.restype = ctypes.c_long
            assocf_is_protocol, assocstr_friendlyappname, assocstr_command = 0x1000, 4, 1
            for what in (assocstr_friendlyappname, assocstr_command):
                size = wintypes.DWORD(1024)
                buffer = ctypes.create_unicode_buffer(size.value)
                result = query(assocf_is_protocol, what, scheme, "open", buffer, ctypes.byref(size))
                if result == 0 and buffer.value:
                    return HandlerCheck(scheme, FOUND, buffer.value)
            return HandlerCheck(scheme, MISSING)
        except Exception as exc:  # any failure means "cannot tell"
            log.info("AssocQueryString failed: %s", exc)
            return HandlerCheck(scheme, UNKNOWN)


class MacUrlHandlers(UrlHandlers):
    platform = "macos"

    def check(self, scheme: str) -> HandlerCheck:
        try:
            import ctypes
            import ctypes.util

            cf = ctypes.cdll.LoadLibrary(ctypes.util.find_library("CoreFoundation") or "")
            cs = ctypes.cdll.LoadLibrary(ctypes.util.find_library("CoreServices") or "")
            cf.CFURLCreateWithBytes.restype = ctypes.c_void_p
            cf.CFURLCreateWithBytes.argtypes = [
                ctypes.c_void_p, ctypes.c_char_p, ctypes.c_long, ctypes.c_uint32, ctypes.c_void_p,
            ]  # fmt: skip
            cs.LSCopyDefaultApplicationURLForURL.restype = ctypes.c_void_p
            cs.LSCopyDefaultApplicationURLForURL.argtypes = [
                ctypes.c_void_p, ctypes.c_uint32, ctypes.c_void_p,
            ]  # fmt: skip
            cf.CFURLGetFileSystemRepresentation.argtypes = [
                ctypes.c_void_p, ctypes.c_bool, ctypes.c_char_p, ctypes.c_long,
            ]  # fmt: skip
            cf.CFRelease.argtypes = [ctypes.c_void_p]
            probe = f"{scheme}:+10000000000".encode()
            utf8, roles_all = 0x08000100, 0xFFFFFFFF
            url = cf.CFURLCreateWithBytes(None, probe, len(probe), utf8, None)
            if not url:
                return HandlerCheck(scheme, UNKNOWN)
            try:
                app = cs.LSCopyDefaultApplicationURLForURL(url, roles_all, None)
            finally:
                cf.CFRelease(url)
            if not app:
                return HandlerCheck(scheme, MISSING)
            path = ctypes.create_string_buffer(1024)
            cf.CFURLGetFileSystemRepresentation(app, True, path, len(path))
            cf.CFRelease(app)
            return HandlerCheck(scheme, FOUND, path.value.decode("utf-8", "replace"))
        except Exception as exc:  # any failure means "cannot tell"
            log.info("LSCopyDefaultApplicationURLForURL failed: %s", exc)
            return HandlerCheck(scheme, UNKNOWN)


def url_handlers_for_this_machine() -> UrlHandlers:
    if sys.platform.startswith("win"):
        return WindowsUrlHandlers()
    if sys.platform == "darwin":
        return MacUrlHandlers()
    return XdgUrlHandlers()
