"""Ajustes → Integraciones → GIFs (C16, admins): the GIF service (Klipy, which serves Tenor's
API, or GIPHY), its key (write-only: it stays on the relay) and, for a self-hosted or test
service, its API address."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLineEdit, QPushButton

from jivo_desktop.services.gifs import GifService
from jivo_desktop.ui.common.plain import PlainLabel
from server import protocol as p

PROVIDERS: tuple[p.GifProviderName, ...] = ("", "klipy", "giphy")


class GifProviderBox(QGroupBox):
    def __init__(self, gifs: GifService) -> None:
        super().__init__()
        self.gifs = gifs
        self.provider = QComboBox()
        self.provider.addItems(["", "Klipy (Tenor API)", "GIPHY"])
        self.key = QLineEdit()
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.base_url = QLineEdit()
        self.save = QPushButton()
        self.save.clicked.connect(self._on_save_clicked)
        self.status = PlainLabel()
        self.status.setWordWrap(True)
        self.provider_label, self.key_label, self.url_label = (
            PlainLabel(),
            PlainLabel(),
            PlainLabel(),
        )
        form = QFormLayout(self)
        form.addRow(self.provider_label, self.provider)
        form.addRow(self.key_label, self.key)
        form.addRow(self.url_label, self.base_url)
        form.addRow(self.save)
        form.addRow(self.status)
        gifs.provider_changed.connect(self._on_gifs_provider_changed)
        gifs.saved.connect(self.status.setText)
        gifs.problem.connect(self._on_gifs_problem)
        self.retranslate()
        gifs.load_provider()

    def retranslate(self) -> None:
        self.setTitle(self.tr("GIFs"))
        self.provider.setItemText(0, self.tr("Off"))
        self.provider_label.setText(self.tr("GIF service"))
        self.key_label.setText(self.tr("API key"))
        self.url_label.setText(self.tr("API address"))
        self.base_url.setPlaceholderText(self.tr("The service's own (leave empty)"))
        self.save.setText(self.tr("Save GIF service"))
        self._show_key_hint()
        layout = self.layout()
        if layout is not None:
            layout.invalidate()
            layout.activate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "save"):
            self.retranslate()
        super().changeEvent(event)

    def _show_key_hint(self) -> None:
        if self.gifs.provider.key_set:
            self.key.setPlaceholderText(self.tr("A key is set: leave empty to keep it"))
        else:
            self.key.setPlaceholderText(self.tr("From the service's developer dashboard"))

    def _on_gifs_provider_changed(self, info: p.GifProviderInfo) -> None:
        self.provider.setCurrentIndex(PROVIDERS.index(info.provider))
        self.base_url.setText(info.base_url)
        self.key.clear()
        self._show_key_hint()

    def _on_gifs_problem(self, text: str) -> None:
        if self.isVisible():
            self.status.setText(text)

    def _on_save_clicked(self) -> None:
        key = self.key.text().strip() or None
        self.gifs.save_provider(
            PROVIDERS[self.provider.currentIndex()], key, self.base_url.text().strip()
        )
