"""Fill Ajustes with the app's sections, from the services the composition root built.

The composition root (``jivo_desktop/app.py``) hands over a :class:`SettingsServices`: the
sections get the services they change and nothing else, and this module never imports the app.
Each section's module is imported when the section is built (first shown), not at start.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from jivo_desktop.platform.autostart import Autostart
from jivo_desktop.platform.hotkeys import GlobalHotkeys
from jivo_desktop.platform.idle import IdleSource
from jivo_desktop.services.account import AccountService
from jivo_desktop.services.actions import ChatActionsService
from jivo_desktop.services.app_settings import AppSettings
from jivo_desktop.services.audio import AudioSettings
from jivo_desktop.services.auto_away import AutoAwayService
from jivo_desktop.services.calling import CallingService
from jivo_desktop.services.crm import CrmService
from jivo_desktop.services.hotkeys import HotkeyService
from jivo_desktop.services.logs import LogService
from jivo_desktop.services.notifications import NotificationService
from jivo_desktop.services.sounds import SoundService
from jivo_desktop.services.visitors import VisitorsService
from jivo_desktop.ui.inbox.blocked_dialog import BlockedClientsList
from jivo_desktop.ui.settings.page import SettingsPage

if TYPE_CHECKING:
    from jivo_desktop.ui.settings.general import GeneralSection
    from jivo_desktop.ui.settings.invitations import InvitationsSection

ADMIN_SECTIONS = (
    "channels",
    "reply_channels",
    "teammates",
    "integrations",
    "invitations",
    "blocked",
    "crm",
)


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
    crm: CrmService | None = None
    calling: CallingService | None = None


def build_settings_sections(page: SettingsPage, services: SettingsServices) -> None:
    """Add every section to Ajustes. Each but Blocked clients is given as a function that
    builds it: a section is built (and its module imported) when it is first shown or asked
    for, not at the app's start (issue 15)."""
    idle, keys, account = services.idle, services.global_accept, services.account

    def general() -> GeneralSection:
        from jivo_desktop.ui.settings.autostart import AutostartSetting
        from jivo_desktop.ui.settings.general import GeneralSection

        return GeneralSection(
            services.settings,
            services.auto_away,
            services.notifications,
            lambda: "" if idle.available else str(idle.reason),
            startup=AutostartSetting(services.autostart),
        )

    def audio() -> QWidget:
        from jivo_desktop.ui.settings.audio import AudioSection

        return AudioSection(services.audio)

    def sounds() -> QWidget:
        from jivo_desktop.ui.settings.sounds import SoundsSection

        return SoundsSection(services.sounds)

    def hotkeys() -> QWidget:
        from jivo_desktop.ui.settings.hotkeys import HotkeysSection

        return HotkeysSection(services.hotkeys, lambda: "" if keys.available else keys.reason)

    page.add_section(
        "general", lambda: QCoreApplication.translate("SettingsPage", "General"), general
    )
    page.add_section("audio", lambda: QCoreApplication.translate("SettingsPage", "Audio"), audio)
    page.add_section("sounds", lambda: QCoreApplication.translate("SettingsPage", "Sounds"), sounds)
    page.add_section(
        "hotkeys", lambda: QCoreApplication.translate("SettingsPage", "Hotkeys"), hotkeys
    )

    # P1: how calls leave the app (tel:, a sip: template, callto:) and the default country.
    def calls() -> QWidget:
        from jivo_desktop.ui.settings.calls import CallsSection

        return CallsSection(services.calling) if services.calling is not None else QWidget()

    page.add_section("calls", lambda: QCoreApplication.translate("SettingsPage", "Calls"), calls)

    # The account (K1-K5): My account for everyone; the rest for admins only (the relay refuses
    # agents anyway, A3). The page's heading names each section, so their own titles hide.
    def account_section(module: str, name: str) -> Callable[[], QWidget]:
        def build() -> QWidget:
            make = getattr(importlib.import_module(f"jivo_desktop.ui.settings.{module}"), name)
            widget: QWidget = make(account)
            widget.title.hide()  # type: ignore[attr-defined]
            return widget

        return build

    sections = {
        "account": (
            lambda: QCoreApplication.translate("SettingsPage", "My account"),
            ("account_profile", "AccountProfile"),
        ),
        "channels": (
            lambda: QCoreApplication.translate("SettingsPage", "Channels"),
            ("account_channels", "AccountChannels"),
        ),
        "reply_channels": (  # C10/K1: e-mail, Telegram
            lambda: QCoreApplication.translate("SettingsPage", "Reply channels"),
            ("reply_channels", "ReplyChannelsSection"),
        ),
        "teammates": (
            lambda: QCoreApplication.translate("SettingsPage", "Teammates"),
            ("account_team", "AccountTeam"),
        ),
        "integrations": (
            lambda: QCoreApplication.translate("SettingsPage", "Integrations"),
            ("account_integrations", "AccountIntegrations"),
        ),
    }
    for key, (title, (module, name)) in sections.items():
        page.add_section(key, title, account_section(module, name))

    # V3: the automatic invitations of the sites (admins).
    def invitations() -> InvitationsSection:
        from jivo_desktop.ui.settings.invitations import InvitationsSection

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

    # C8: Clientes bloqueados (admins), the same list as the chat toolbar's dialog. Built at
    # once, unlike the others: it is the window's list of blocks (refreshed when shown) and
    # costs little.
    page.add_section(
        "blocked",
        lambda: QCoreApplication.translate("SettingsPage", "Blocked clients"),
        BlockedClientsList(services.actions),
    )

    # K4: Configurar CRM (admins): funnels, stages, custom fields, who sees what.
    def crm_settings() -> QWidget:
        from jivo_desktop.ui.settings.crm_settings import CrmSettingsSection

        crm = services.crm
        if crm is None:
            return QWidget()
        return CrmSettingsSection(crm)

    page.add_section(
        "crm", lambda: QCoreApplication.translate("SettingsPage", "CRM settings"), crm_settings
    )

    def show_admin_sections(admin: bool) -> None:
        for key in ADMIN_SECTIONS:
            page.set_section_visible(key, admin)

    account.admin_changed.connect(show_admin_sections)
    show_admin_sections(account.is_admin)

    def about() -> QWidget:
        from jivo_desktop.ui.settings.about import AboutSection

        return AboutSection(services.logs)

    page.add_section("about", lambda: QCoreApplication.translate("SettingsPage", "About"), about)
