"""The account's sections of Ajustes in one widget (a list on the left, the section on the
right), until the Ajustes page takes each section into its own list: My account for everyone;
Channels, Teammates and Integrations for admins only (the relay refuses agents anyway, A3)."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QStackedWidget, QWidget

from jivo_desktop.services.account import AccountService
from jivo_desktop.ui.pages.settings.account_channels import AccountChannels
from jivo_desktop.ui.pages.settings.account_integrations import AccountIntegrations
from jivo_desktop.ui.pages.settings.account_profile import AccountProfile
from jivo_desktop.ui.pages.settings.account_team import AccountTeam


class AccountSettings(QWidget):
    def __init__(self, account: AccountService) -> None:
        super().__init__()
        self.account = account
        self.profile = AccountProfile(account)
        self.channels = AccountChannels(account)
        self.team = AccountTeam(account)
        self.integrations = AccountIntegrations(account)
        self.sections: list[tuple[str, QWidget, bool]] = [
            ("", self.profile, False),
            ("", self.channels, True),
            ("", self.team, True),
            ("", self.integrations, True),
        ]
        self.list = QListWidget()
        self.list.setFixedWidth(180)
        self.stack = QStackedWidget()
        for title, widget, _admin in self.sections:
            self.list.addItem(title)
            self.stack.addWidget(widget)
        self.list.currentRowChanged.connect(self.stack.setCurrentIndex)
        layout = QHBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(self.stack, 1)
        self.retranslate()
        account.admin_changed.connect(self._on_account_admin_changed)
        self._on_account_admin_changed(account.is_admin)
        self.list.setCurrentRow(0)

    def retranslate(self) -> None:
        """Set every text in the current language (at start and on a language switch, G6)."""
        titles = (self.tr("My account"), self.tr("Channels"), self.tr("Teammates"))
        for row, title in enumerate((*titles, self.tr("Integrations"))):
            self.list.item(row).setText(title)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _on_account_admin_changed(self, admin: bool) -> None:
        for row, (_title, _widget, admin_only) in enumerate(self.sections):
            self.list.item(row).setHidden(admin_only and not admin)
        if not admin and self.sections[self.list.currentRow()][2]:
            self.list.setCurrentRow(0)

    def show_section(self, widget: QWidget) -> None:
        self.list.setCurrentRow(self.stack.indexOf(widget))
