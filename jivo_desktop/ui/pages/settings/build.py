"""Fill Ajustes with the app's sections, from the services the composition root built."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from jivo_desktop.ui.pages.settings.about import AboutSection
from jivo_desktop.ui.pages.settings.audio import AudioSection
from jivo_desktop.ui.pages.settings.autostart import AutostartSetting
from jivo_desktop.ui.pages.settings.general import GeneralSection
from jivo_desktop.ui.pages.settings.hotkeys import HotkeysSection
from jivo_desktop.ui.pages.settings.sounds import SoundsSection

if TYPE_CHECKING:
    from jivo_desktop.app import DesktopApp


def build_settings_sections(app: DesktopApp) -> None:
    page = app.main_window.settings_page
    idle, keys = app.idle, app.global_accept
    page.add_section(
        "general",
        lambda: QCoreApplication.translate("SettingsPage", "General"),
        GeneralSection(
            app.settings,
            app.auto_away,
            app.notifications,
            lambda: "" if idle.available else str(idle.reason),
            startup=AutostartSetting(app.autostart),
        ),
    )
    page.add_section(
        "audio",
        lambda: QCoreApplication.translate("SettingsPage", "Audio"),
        AudioSection(app.audio),
    )
    page.add_section(
        "sounds",
        lambda: QCoreApplication.translate("SettingsPage", "Sounds"),
        SoundsSection(app.sounds),
    )
    page.add_section(
        "hotkeys",
        lambda: QCoreApplication.translate("SettingsPage", "Hotkeys"),
        HotkeysSection(app.hotkeys, lambda: "" if keys.available else keys.reason),
    )
    page.add_section(
        "about", lambda: QCoreApplication.translate("SettingsPage", "About"), AboutSection(app.logs)
    )
