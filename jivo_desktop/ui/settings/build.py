"""Fill Ajustes with the app's sections, from the services the composition root built.

The composition root (``jivo_desktop/app.py``) hands over a :class:`SettingsServices`: the
sections get the services they change and nothing else, and this module never imports the app.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from jivo_desktop.platform.autostart import Autostart
from jivo_desktop.platform.hotkeys import GlobalHotkeys
from jivo_desktop.platform.idle import IdleSource
from jivo_desktop.services.account import AccountService
from jivo_desktop.services.actions import ChatActionsService
from jivo_desktop.services.app_settings import AppSettings
from jivo_desktop.services.audio import AudioSettings
from jivo_desktop.services.auto_away import AutoAwayService
from jivo_desktop.services.hotkeys import HotkeyService
from jivo_desktop.services.logs import LogService
from jivo_desktop.services.notifications import NotificationService
from jivo_desktop.services.sounds import SoundService
from jivo_desktop.services.visitors import VisitorsService
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
from jivo_desktop.ui.settings.page import SettingsPage
from jivo_desktop.ui.settings.sounds import SoundsSection

ADMIN_SECTIONS = ("channels", "teammates", "integrations", "invitations", "blocked")


@dataclass(frozen=True)
class SettingsServices:
    """What Ajustes changes: the app's settings and the services behind each section, and the
    machine's idle source and global hotkeys (their sections say why one is unavailable)."""

    settings: AppSettings
    auto_away: AutoAwayService
    notifications: NotificationService
    autostart: Autostart
    idle: IdleSource
    audio: AudioSettings
    sounds: SoundService
    hotkeys: HotkeyService
    global_accept: GlobalHotkeys
    account: AccountService
    visitors: VisitorsService
    actions: ChatActionsService
    logs: LogService


def build_settings_sections(page: SettingsPage, services: SettingsServices) -> None:
    """Add every section to Ajustes. Each is given as a function that builds it: a section is
    built when it is first shown or asked for, not at the app's start (issue 15)."""
    idle, keys, account = services.idle, services.global_accept, services.account

    def general() -> GeneralSection:
        return GeneralSection(
            services.settings,
            services.auto_away,
            services.notifications,
            lambda: "" if idle.available else str(idle.reason),
            startup=AutostartSetting(services.autostart),
        )

    page.add_section(
        "general", lambda: QCoreApplication.translate("SettingsPage", "General"), general
    )
    page.add_section(
        "audio",
        lambda: QCoreApplication.translate("SettingsPage", "Audio"),
        lambda: AudioSection(services.audio),
    )
    page.add_section(
        "sounds",
        lambda: QCoreApplication.translate("SettingsPage", "Sounds"),
        lambda: SoundsSection(services.sounds),
    )
    page.add_section(
        "hotkeys",
        lambda: QCoreApplication.translate("SettingsPage", "Hotkeys"),
        lambda: HotkeysSection(services.hotkeys, lambda: "" if keys.available else keys.reason),
    )
    # The account (K1-K5): My account for everyone; the rest for admins only (the relay refuses
    # agents anyway, A3). The page's heading names each section, so their own titles hide.
    AccountSection = AccountProfile | AccountChannels | AccountTeam | AccountIntegrations
    sections: dict[str, tuple[Callable[[], str], Callable[[AccountService], AccountSection]]] = {
        "account": (
            lambda: QCoreApplication.translate("SettingsPage", "My account"),
            AccountProfile,
        ),
        "channels": (
            lambda: QCoreApplication.translate("SettingsPage", "Channels"),
            AccountChannels,
        ),
        "teammates": (
            lambda: QCoreApplication.translate("SettingsPage", "Teammates"),
            AccountTeam,
        ),
        "integrations": (
            lambda: QCoreApplication.translate("SettingsPage", "Integrations"),
            AccountIntegrations,
        ),
    }

    def account_section(
        make: Callable[[AccountService], AccountSection],
    ) -> Callable[[], AccountSection]:
        def build() -> AccountSection:
            widget = make(account)
            widget.title.hide()
            return widget

        return build

    for key, (title, make) in sections.items():
        page.add_section(key, title, account_section(make))

    # V3: the automatic invitations of the sites (admins).
    def invitations() -> InvitationsSection:
        section = InvitationsSection(services.visitors)
        section.heading.hide()
        section_layout = section.layout()
        if section_layout is not None:
            section_layout.setContentsMargins(0, 0, 0, 0)
        return section

    page.add_section(
        "invitations",
        lambda: QCoreApplication.translate("SettingsPage", "Invitations"),
        invitations,
    )

    # C8: Clientes bloqueados (admins), the same list as the chat toolbar's dialog.
    page.add_section(
        "blocked",
        lambda: QCoreApplication.translate("SettingsPage", "Blocked clients"),
        lambda: BlockedClientsList(services.actions),
    )

    def show_admin_sections(admin: bool) -> None:
        for key in ADMIN_SECTIONS:
            page.set_section_visible(key, admin)

    account.admin_changed.connect(show_admin_sections)
    show_admin_sections(account.is_admin)
    page.add_section(
        "about",
        lambda: QCoreApplication.translate("SettingsPage", "About"),
        lambda: AboutSection(services.logs),
    )
