"""Fill Ajustes with the app's sections, from the services the composition root built."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from jivo_desktop.ui.pages.settings.about import AboutSection
from jivo_desktop.ui.pages.settings.audio import AudioSection
from jivo_desktop.ui.pages.settings.general import GeneralSection
from jivo_desktop.ui.pages.settings.hotkeys import HotkeysSection
from jivo_desktop.ui.pages.settings.sounds import SoundsSection

if TYPE_CHECKING:
    from jivo_desktop.app import DesktopApp


def tr(text: str) -> str:
    return QCoreApplication.translate("SettingsPage", text)


def build_settings_sections(app: DesktopApp) -> None:
    page = app.main_window.settings_page
    page.add_section(
        "general",
        tr("General"),
        GeneralSection(app.settings, app.auto_away, app.notifications),
    )
    page.add_section("audio", tr("Audio"), AudioSection(app.audio))
    page.add_section("sounds", tr("Sounds"), SoundsSection(app.sounds))
    keys = app.global_accept
    page.add_section(
        "hotkeys",
        tr("Hotkeys"),
        HotkeysSection(app.hotkeys, "" if keys.available else keys.reason),
    )
    page.add_section("about", tr("About"), AboutSection(app.logs))
