"""Ajustes → Channels (K1): the websites, each with its language, allowed origins and the
widget snippet to paste (with a copy button); add, rename, disable."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jivo_desktop.services.account import LANGUAGES, AccountService
from jivo_desktop.ui.plain import PlainLabel
from server import protocol as p


class AccountChannels(QWidget):
    def __init__(self, account: AccountService) -> None:
        super().__init__()
        self.account = account
        self._site_id: int | None = None
        self.title = title = PlainLabel()
        title.setObjectName("PageTitle")
        self.intro = intro = PlainLabel()
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setMinimumWidth(200)
        self.list.currentItemChanged.connect(self._on_list_current_item_changed)
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self._on_new_button_clicked)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addWidget(self.new_button)

        self.name = QLineEdit()
        self.language = QComboBox()
        for code in LANGUAGES:
            self.language.addItem(code, code)
        self.origins = QPlainTextEdit()
        self.origins.setPlaceholderText("https://shop.example")
        self.origins.setFixedHeight(70)
        self.enabled = QCheckBox()
        self.enabled.setChecked(True)
        self.snippet = QPlainTextEdit()
        self.snippet.setReadOnly(True)
        self.snippet.setFixedHeight(70)
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        self.save_button = QPushButton()
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.status = PlainLabel()
        self.status.setWordWrap(True)
        self.labels = [PlainLabel() for _ in range(4)]
        form = QFormLayout()
        form.addRow(self.labels[0], self.name)
        form.addRow(self.labels[1], self.language)
        form.addRow(self.labels[2], self.origins)
        form.addRow("", self.enabled)
        form.addRow(self.labels[3], self.snippet)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addLayout(buttons)
        right.addWidget(self.status)
        right.addStretch(1)

        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(body, 1)

        self.retranslate()
        account.sites_changed.connect(self._on_account_sites_changed)
        account.saved.connect(self._on_account_message)
        account.problem.connect(self._on_account_message)
        self._on_account_sites_changed(account.sites)

    def retranslate(self) -> None:
        """Set every text in the current language (at start and on a language switch, G6)."""
        self.title.setText(self.tr("Channels"))
        self.intro.setText(self.tr("Your websites. Paste a site's snippet into every page of it."))
        self.new_button.setText(self.tr("Add a website"))
        self.name.setPlaceholderText(self.tr("My shop"))
        names = (self.tr("English"), self.tr("Spanish"), self.tr("Portuguese"), self.tr("Russian"))
        for index, name in enumerate(names):
            self.language.setItemText(index, name)
        self.enabled.setText(self.tr("Chat switched on for this site"))
        self.copy_button.setText(self.tr("Copy snippet"))
        self.save_button.setText(self.tr("Save"))
        texts = (
            self.tr("Name"),
            self.tr("Widget language"),
            self.tr("Allowed origins\n(one a line)"),
            self.tr("Snippet"),
        )
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self._on_account_sites_changed(self.account.sites)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _on_account_sites_changed(self, sites: list[p.SiteInfo]) -> None:
        keep = self._site_id
        self.list.blockSignals(True)
        self.list.clear()
        for site in sites:
            text = site.name if site.enabled else self.tr("{0} (off)").format(site.name)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, site.id)
            self.list.addItem(item)
            if site.id == keep:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        if keep is None and sites:
            self.list.setCurrentRow(0)
        elif keep is not None:
            self._show(next((s for s in sites if s.id == keep), None))

    def _on_list_current_item_changed(self, item: QListWidgetItem | None, _prev: object) -> None:
        site_id = item.data(Qt.ItemDataRole.UserRole) if item else None
        self._show(next((s for s in self.account.sites if s.id == site_id), None))

    def _show(self, site: p.SiteInfo | None) -> None:
        self._site_id = site.id if site else None
        self.name.setText(site.name if site else "")
        self.language.setCurrentIndex(LANGUAGES.index(site.language) if site else 0)
        self.origins.setPlainText("\n".join(site.origins) if site else "")
        self.enabled.setChecked(site.enabled if site else True)
        self.snippet.setPlainText(self.account.snippet(site) if site else "")
        self.copy_button.setEnabled(site is not None)

    def _on_new_button_clicked(self) -> None:
        self.list.clearSelection()
        self._show(None)
        self.name.setFocus()

    def _on_save_button_clicked(self) -> None:
        origins = [o.strip() for o in self.origins.toPlainText().splitlines() if o.strip()]
        self.account.save_site(
            self._site_id,
            self.name.text(),
            str(self.language.currentData()),
            origins,
            self.enabled.isChecked(),
        )
        if self._site_id is None:
            self._site_id = -1  # select the new one when it arrives
            self.account.sites_changed.connect(
                self._select_newest, Qt.ConnectionType.SingleShotConnection
            )

    def _select_newest(self, sites: list[p.SiteInfo]) -> None:
        if sites:
            self._site_id = max(s.id for s in sites)
            self._on_account_sites_changed(sites)

    def _on_copy_button_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.snippet.toPlainText())
        self.status.setText(self.tr("Snippet copied."))

    def _on_account_message(self, message: str) -> None:
        # The service serves every section: only the one in sight shows the outcome.
        if self.isVisible():
            self.status.setText(message)
