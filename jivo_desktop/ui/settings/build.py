"""Fill Ajustes with the app's sections, from the services the composition root built."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from jivo_desktop.ui.inbox.blocked_dialog import BlockedClientsList
from jivo_desktop.ui.settings.about import AboutSection
from jivo_desktop.ui.settings.account_channels import AccountChannels
from jivo_desktop.ui.settings.account_integrations import AccountIntegrations
from jivo_desktop.ui.settings.account_profile import AccountProfile
from jivo_desktop.ui.settings.account_team import AccountTeam
from jivo_desktop.ui.settings.audio import AudioSection
from jivo_desktop.ui.settings.autostart import AutostartSetting
from jivo_desktop.ui.settings.general import GeneralSection
from jivo_desktop.ui.settings.hotkeys import HotkeysSection
from jivo_desktop.ui.settings.invitations import InvitationsSection
from jivo_desktop.ui.settings.sounds import SoundsSection

if TYPE_CHECKING:
    from jivo_desktop.app import DesktopApp


ADMIN_SECTIONS = ("channels", "teammates", "integrations", "invitations", "blocked")


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
    # The account (K1-K5): My account for everyone; the rest for admins only (the relay refuses
    # agents anyway, A3). The page's heading names each section, so their own titles hide.
    account = app.account
    sections: dict[
        str,
        tuple[
            Callable[[], str], AccountProfile | AccountChannels | AccountTeam | AccountIntegrations
        ],
    ] = {
        "account": (
            lambda: QCoreApplication.translate("SettingsPage", "My account"),
            AccountProfile(account),
        ),
        "channels": (
            lambda: QCoreApplication.translate("SettingsPage", "Channels"),
            AccountChannels(account),
        ),
        "teammates": (
            lambda: QCoreApplication.translate("SettingsPage", "Teammates"),
            AccountTeam(account),
        ),
        "integrations": (
            lambda: QCoreApplication.translate("SettingsPage", "Integrations"),
            AccountIntegrations(account),
        ),
    }
    for key, (title, widget) in sections.items():
        widget.title.hide()
        page.add_section(key, title, widget)
    # V3: the automatic invitations of the sites (admins).
    invitations = InvitationsSection(app.visitors)
    invitations.heading.hide()
    section_layout = invitations.layout()
    if section_layout is not None:
        section_layout.setContentsMargins(0, 0, 0, 0)
    page.add_section(
        "invitations",
        lambda: QCoreApplication.translate("SettingsPage", "Invitations"),
        invitations,
    )

    # C8: Clientes bloqueados (admins), the same list as the chat toolbar's dialog.
    page.add_section(
        "blocked",
        lambda: QCoreApplication.translate("SettingsPage", "Blocked clients"),
        BlockedClientsList(app.actions),
    )

    def show_admin_sections(admin: bool) -> None:
        for key in ADMIN_SECTIONS:
            page.set_section_visible(key, admin)

    account.admin_changed.connect(show_admin_sections)
    show_admin_sections(account.is_admin)
    page.add_section(
        "about", lambda: QCoreApplication.translate("SettingsPage", "About"), AboutSection(app.logs)
    )
