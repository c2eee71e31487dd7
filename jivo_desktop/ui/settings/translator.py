"""Ajustes → Integraciones → Translator (C11, admins): the relay's translation backend, a
LibreTranslate-compatible server (URL and key) or Argos Translate models installed on the relay.
The key field is write-only: the relay keeps the key and says only whether there is one."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLineEdit, QPushButton

from jivo_desktop.services.translator import TranslatorAdmin
from jivo_desktop.ui.common.plain import PlainLabel
from server import protocol as p

BACKENDS: tuple[p.TranslatorBackend, ...] = ("", "libretranslate", "argos")


class TranslatorBox(QGroupBox):
    def __init__(self, admin: TranslatorAdmin) -> None:
        super().__init__()
        self.admin = admin
        self.backend = QComboBox()
        self.backend.addItems(["", "", ""])
        self.backend.currentIndexChanged.connect(self._on_backend_current_index_changed)
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://translate.example.com")
        self.key = QLineEdit()
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.save = QPushButton()
        self.save.clicked.connect(self._on_save_clicked)
        self.help = PlainLabel()
        self.help.setWordWrap(True)
        self.status = PlainLabel()
        self.status.setObjectName("TranslatorStatus")
        self.status.setWordWrap(True)
        form = QFormLayout(self)
        self.backend_label, self.url_label, self.key_label = (
            PlainLabel(),
            PlainLabel(),
            PlainLabel(),
        )
        form.addRow(self.backend_label, self.backend)
        form.addRow(self.url_label, self.url)
        form.addRow(self.key_label, self.key)
        form.addRow(self.help)
        form.addRow(self.save)
        form.addRow(self.status)
        admin.changed.connect(self._on_admin_changed)
        admin.message.connect(self.status.setText)
        self.retranslate()
        self._on_admin_changed(admin.info)
        admin.load()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Translator"))
        self.backend.setItemText(0, self.tr("Off"))
        self.backend.setItemText(1, self.tr("LibreTranslate-compatible server"))
        argos = self.tr("Argos Translate on the relay")
        if not self.admin.info.argos_installed:
            argos = self.tr("{0} (not installed)").format(argos)
        self.backend.setItemText(2, argos)
        self.backend_label.setText(self.tr("Backend"))
        self.url_label.setText(self.tr("Server URL"))
        self.key_label.setText(self.tr("API key"))
        self.help.setText(
            self.tr(
                "Agents switch the translator on per chat. The key stays on the relay: the "
                "apps never receive it."
            )
        )
        self.save.setText(self.tr("Save translator"))
        self._show_key_hint()
        layout = self.layout()
        if layout is not None:  # new words, new widths: lay out now, not at the next event
            layout.invalidate()
            layout.activate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "save"):
            self.retranslate()
        super().changeEvent(event)

    def _show_key_hint(self) -> None:
        if self.admin.info.key_set:
            self.key.setPlaceholderText(self.tr("A key is set: leave empty to keep it"))
        else:
            self.key.setPlaceholderText(self.tr("If the server needs one"))

    def _on_admin_changed(self, info: p.TranslatorInfo) -> None:
        self.backend.setCurrentIndex(BACKENDS.index(info.backend))
        self.url.setText(info.url)
        self.key.clear()
        self.retranslate()
        self._on_backend_current_index_changed(self.backend.currentIndex())

    def _on_backend_current_index_changed(self, index: int) -> None:
        http = BACKENDS[index] == "libretranslate"
        self.url.setEnabled(http)
        self.key.setEnabled(http)

    def _on_save_clicked(self) -> None:
        backend = BACKENDS[self.backend.currentIndex()]
        key = self.key.text().strip() or None
        self.admin.save(backend, self.url.text().strip(), key)
