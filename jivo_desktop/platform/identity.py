"""Who the app is to the OS: the same ID in the installers and at run time.

* Windows groups taskbar buttons and delivers toast notifications by AppUserModelID; the
  Start-menu shortcut of the ``.msi`` carries :data:`APP_ID`
  (installers/windows/jivo_desktop.wxs), and the process claims the same ID here before its
  first window, or Windows drops its toasts.
* macOS: :data:`APP_ID` is the bundle identifier of ``Jivo Live.app``
  (installers/jivo_desktop.spec).
* Linux: the desktop file name ties the windows to ``jivo-desktop.desktop`` (its icon, its name in
  the dock, Wayland's app id).
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtGui import QGuiApplication, QIcon

from jivo_desktop.paths import resource

log = logging.getLogger(__name__)

APP_ID = "org.jivolive.desktop"
DESKTOP_FILE = "jivo-desktop"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def app_icon() -> QIcon:
    icon = QIcon()
    for size in ICON_SIZES:
        path = resource("icons", f"jivo-desktop-{size}.png")
        if path.is_file():
            icon.addFile(str(path))
    return icon


def set_windows_app_id(app_id: str = APP_ID, platform: str | None = None) -> bool:
    """``SetCurrentProcessExplicitAppUserModelID`` (shell32, Windows 7+). False elsewhere or when
    the call fails: the app still runs, only toasts may not show."""
    if (platform or sys.platform) != "win32":
        return False
    try:
        import ctypes

        shell32 = ctypes.windll.shell32  # type: ignore[attr-defined]
        result = shell32.SetCurrentProcessExplicitAppUserModelID(ctypes.c_wchar_p(app_id))
    except Exception as exc:  # no shell32, an old Windows
        log.info("AppUserModelID not set: %s", exc)
        return False
    if result != 0:  # an HRESULT: S_OK is 0
        log.info("AppUserModelID not set: HRESULT %#x", result & 0xFFFFFFFF)
        return False
    return True


def apply(qapp: QGuiApplication) -> None:
    """Call once, before the first window is shown."""
    set_windows_app_id()
    qapp.setDesktopFileName(DESKTOP_FILE)
    icon = app_icon()
    if not icon.isNull():
        qapp.setWindowIcon(icon)
