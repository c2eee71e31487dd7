"""Ajustes → Automatic invitations (V3, admins): rules per site with the message and the agent's
name and photo shown in the widget.

A section of the settings page (``jivo_desktop/ui/settings/build.py`` adds it, for admins);
the Visitantes page's "Automatic invitations…" button shows it. The rules load when the section
is shown (and at once if the app is already connected).
"""

from __future__ import annotations

import base64
import mimetypes
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, Qt
from PySide6.QtGui import QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from jivo_desktop.services.visitors import VisitorsService
from jivo_desktop.ui.common.plain import PlainLabel, plain_tooltip
from server import protocol as p


def photo_data_url(path: Path) -> str | None:
    """A small image file as a data: URL (the widget requests nothing but the relay)."""
    kind = mimetypes.guess_type(path.name)[0] or ""
    if kind not in ("image/png", "image/jpeg", "image/gif", "image/webp"):
        return None
    url = f"data:{kind};base64,{base64.b64encode(path.read_bytes()).decode()}"
    return url if len(url) <= p.MAX_PHOTO_CHARS else None


class InvitationsSection(QWidget):
    def __init__(self, visitors: VisitorsService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.visitors = visitors
        self.rules: list[p.InvitationRule] = []
        self.photo = ""
        self.heading = heading = PlainLabel()
        heading.setStyleSheet("font-size: 18px; font-weight: 600;")
        self.intro = intro = PlainLabel()
        intro.setWordWrap(True)
        intro.setObjectName("FieldLabel")
        self.list = QListWidget()
        self.list.currentRowChanged.connect(self._on_list_current_row_changed)

        self.site = QComboBox()
        self.message = QLineEdit()
        self.message.setMaxLength(1000)
        self.agent_name = QLineEdit()
        self.agent_name.setMaxLength(200)
        self.photo_preview = PlainLabel()
        self.photo_preview.setFixedSize(36, 36)
        self.photo_button = QPushButton()
        self.photo_button.clicked.connect(self._on_photo_clicked)
        self.seconds = QSpinBox()
        self.seconds.setRange(0, 86400)
        self.url = QLineEdit()
        self.min_visits = QSpinBox()
        self.min_visits.setRange(0, 100000)
        self.referrer = QLineEdit()
        self.utm_source = QLineEdit()
        self.utm_campaign = QLineEdit()
        self.enabled = QCheckBox()
        self.enabled.setChecked(True)
        photo_row = QHBoxLayout()
        photo_row.addWidget(self.photo_preview)
        photo_row.addWidget(self.photo_button)
        photo_row.addStretch(1)
        form = self.form = QFormLayout()
        self.captions: dict[str, QLabel] = {}
        for key, field in (
            ("site", self.site),
            ("message", self.message),
            ("agent", self.agent_name),
            ("photo", photo_row),
            ("seconds", self.seconds),
            ("url", self.url),
            ("visits", self.min_visits),
            ("referrer", self.referrer),
            ("utm_source", self.utm_source),
            ("utm_campaign", self.utm_campaign),
        ):
            self.captions[key] = PlainLabel()
            form.addRow(self.captions[key], field)
        form.addRow("", self.enabled)

        self.new_button = QPushButton()
        self.new_button.clicked.connect(self._on_new_clicked)
        self.save_button = QPushButton()
        self.save_button.setObjectName("Primary")
        self.save_button.clicked.connect(self._on_save_clicked)
        self.delete_button = QPushButton()
        self.delete_button.clicked.connect(self._on_delete_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.save_button)
        self.note = PlainLabel()
        self.note.setObjectName("FieldLabel")
        self.note.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.note)
        self._editing = 0
        visitors.rules_changed.connect(self._on_visitors_rules_changed)
        visitors.rules_problem.connect(self._on_visitors_rules_problem)
        self._set_editable(False)
        self.retranslate()
        if visitors.session.client is not None:
            visitors.load_rules()

    def retranslate(self) -> None:
        """Every text in the current language (at start and on a language switch, G6)."""
        self.heading.setText(self.tr("Automatic invitations"))
        self.intro.setText(
            self.tr(
                "The widget invites a visitor to chat when every condition of a rule holds. "
                "An invitation the visitor closed does not come back in the same visit."
            )
        )
        self.message.setPlaceholderText(self.tr("Hello! Can I help you find something?"))
        self.photo_button.setText(self.tr("Choose photo…"))
        self.seconds.setSuffix(self.tr(" s"))
        self.url.setPlaceholderText(self.tr("e.g. */pricing* (empty: any page)"))
        self.referrer.setPlaceholderText(self.tr("e.g. google (empty: any)"))
        self.enabled.setText(self.tr("Active"))
        captions = {
            "site": self.tr("Website"),
            "message": self.tr("Message"),
            "agent": self.tr("Agent name shown"),
            "photo": self.tr("Agent photo"),
            "seconds": self.tr("Time on the page"),
            "url": self.tr("Page URL"),
            "visits": self.tr("At least visits"),
            "referrer": self.tr("Referrer contains"),
            "utm_source": self.tr("UTM source"),
            "utm_campaign": self.tr("UTM campaign"),
        }
        for key, text in captions.items():
            self.captions[key].setText(text)
        self.new_button.setText(self.tr("New rule"))
        self.save_button.setText(self.tr("Save rule"))
        self.delete_button.setText(self.tr("Delete rule"))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.visitors.session.client is not None:
            self.visitors.load_rules()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "captions"):
            self.retranslate()
        super().changeEvent(event)

    # -------------------------------------------------------------- reactions

    def _set_editable(self, on: bool) -> None:
        for widget in (self.save_button, self.new_button, self.photo_button, self.site):
            widget.setEnabled(on)
        self.delete_button.setEnabled(on and bool(self._editing))

    def _on_visitors_rules_changed(self, answer: p.InvitationRules) -> None:
        self.rules = answer.rules
        current = self.site.currentData()
        self.site.clear()
        for site in answer.sites:
            self.site.addItem(site.name, site.id)
        if current is not None:
            self.site.setCurrentIndex(max(0, self.site.findData(current)))
        names = {s.id: s.name for s in answer.sites}
        self.list.blockSignals(True)
        self.list.clear()
        for rule in self.rules:
            item = QListWidgetItem(f"{names.get(rule.site_id, '?')} · {rule.message}")
            item.setData(Qt.ItemDataRole.UserRole, rule.id)
            item.setToolTip(plain_tooltip(self.conditions_text(rule)))
            if not rule.enabled:
                item.setForeground(Qt.GlobalColor.gray)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self._on_new_clicked()
        self._set_editable(True)

    def _on_visitors_rules_problem(self, message: str) -> None:
        self.note.setText(message)

    def _on_list_current_row_changed(self, row: int) -> None:
        if not 0 <= row < len(self.rules):
            return
        rule = self.rules[row]
        self._editing = rule.id
        self.site.setCurrentIndex(max(0, self.site.findData(rule.site_id)))
        self.message.setText(rule.message)
        self.agent_name.setText(rule.agent_name)
        self._set_photo(rule.agent_photo)
        self.seconds.setValue(rule.min_seconds_on_page)
        self.url.setText(rule.url_pattern)
        self.min_visits.setValue(rule.min_visits)
        self.referrer.setText(rule.referrer_pattern)
        self.utm_source.setText(rule.utm_source)
        self.utm_campaign.setText(rule.utm_campaign)
        self.enabled.setChecked(rule.enabled)
        self.delete_button.setEnabled(True)

    def _on_new_clicked(self) -> None:
        self._editing = 0
        self.list.clearSelection()
        for field in (self.message, self.agent_name, self.url, self.referrer):
            field.clear()
        self.utm_source.clear()
        self.utm_campaign.clear()
        self.seconds.setValue(0)
        self.min_visits.setValue(0)
        self.enabled.setChecked(True)
        self._set_photo("")
        self.delete_button.setEnabled(False)

    def rule_from_form(self) -> p.InvitationRule:
        return p.InvitationRule(
            id=self._editing,
            site_id=int(self.site.currentData() or 0),
            message=self.message.text().strip(),
            agent_name=self.agent_name.text().strip(),
            agent_photo=self.photo,
            min_seconds_on_page=self.seconds.value(),
            url_pattern=self.url.text().strip(),
            min_visits=self.min_visits.value(),
            referrer_pattern=self.referrer.text().strip(),
            utm_source=self.utm_source.text().strip(),
            utm_campaign=self.utm_campaign.text().strip(),
            enabled=self.enabled.isChecked(),
        )

    def _on_save_clicked(self) -> None:
        if not self.message.text().strip():
            self.note.setText(self.tr("Write the invitation's message."))
            return
        if self.site.currentData() is None:
            self.note.setText(self.tr("Choose a website."))
            return
        self.note.clear()
        self.visitors.save_rule(self.rule_from_form())

    def _on_delete_clicked(self) -> None:
        if self._editing:
            self.visitors.delete_rule(self._editing)

    def _on_photo_clicked(self) -> None:
        dialog = QFileDialog(self, self.tr("Agent photo"))
        dialog.setNameFilter(self.tr("Images (*.png *.jpg *.jpeg *.gif *.webp)"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.choose_photo)
        dialog.open()

    def choose_photo(self, path: str) -> None:
        url = photo_data_url(Path(path))
        if url is None:
            self.note.setText(self.tr("Choose a PNG, JPEG, GIF or WebP image of at most 28 KB."))
            return
        self._set_photo(url)

    def _set_photo(self, url: str) -> None:
        self.photo = url
        pixmap = QPixmap()
        if url.startswith("data:image/"):
            pixmap.loadFromData(QByteArray(base64.b64decode(url.split(",", 1)[1])))
        self.photo_preview.setPixmap(
            pixmap.scaled(36, 36, Qt.AspectRatioMode.KeepAspectRatio)
            if not pixmap.isNull()
            else pixmap
        )

    def conditions_text(self, rule: p.InvitationRule) -> str:
        parts = []
        if rule.min_seconds_on_page:
            parts.append(self.tr("after {0} s on the page").format(rule.min_seconds_on_page))
        if rule.url_pattern:
            parts.append(self.tr("page {0}").format(rule.url_pattern))
        if rule.min_visits:
            parts.append(self.tr("from visit {0}").format(rule.min_visits))
        if rule.referrer_pattern:
            parts.append(self.tr("from {0}").format(rule.referrer_pattern))
        if rule.utm_source or rule.utm_campaign:
            parts.append(f"utm {rule.utm_source} {rule.utm_campaign}".strip())
        return ", ".join(parts) or self.tr("every visitor, at once")
