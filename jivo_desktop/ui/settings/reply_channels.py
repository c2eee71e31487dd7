"""Ajustes → Reply channels (C10/K1, admins): "Canales: Podrá añadir nuevos canales a su
cuenta". The account's e-mail, WhatsApp, SMS and Telegram channels: add one, change or switch
it off, send a test message, see its last error and the webhook address to give the provider.
Passwords and tokens are write-only (they stay on the relay)."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jivo_desktop.services.account import AccountService
from jivo_desktop.services.channels import ChannelAdmin
from jivo_desktop.ui.common.plain import PlainLabel
from jivo_desktop.ui.inbox.channel_names import ChannelNames
from server import protocol as p

KINDS: tuple[p.ChannelKind, ...] = ("email", "telegram", "whatsapp", "sms")
EMAIL_FIELDS = ("address", "imap_host", "imap_port", "smtp_host", "smtp_port", "user", "password")
FIELDS: dict[str, tuple[str, ...]] = {
    "email": EMAIL_FIELDS,
    "telegram": ("bot_token", "webhook_secret"),
    "whatsapp": ("phone_number_id", "access_token", "app_secret", "verify_token"),
    "sms": ("account_sid", "auth_token", "from_number"),
}
SECRETS = ("password", "bot_token", "webhook_secret", "access_token", "app_secret",
           "verify_token", "auth_token")  # fmt: skip


class ReplyChannelsSection(QWidget):
    def __init__(self, account: AccountService) -> None:
        super().__init__()
        self.account = account
        self.admin = ChannelAdmin(account.session, self)
        self.names = ChannelNames(self)
        self._channel: p.ChannelInfo | None = None
        self._adding = False
        self.title = PlainLabel()
        self.title.setObjectName("PageTitle")
        self.intro = PlainLabel()
        self.intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setMinimumWidth(180)
        self.list.currentItemChanged.connect(self._on_list_current_item_changed)
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self._on_new_button_clicked)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addWidget(self.new_button)

        self.kind = QComboBox()
        for kind in KINDS:
            self.kind.addItem("", kind)
        self.kind.currentIndexChanged.connect(self._on_kind_current_index_changed)
        self.name = QLineEdit()
        self.site = QComboBox()
        self.fields: dict[str, QLineEdit] = {}
        for key in dict.fromkeys(k for keys in FIELDS.values() for k in keys):
            edit = QLineEdit()
            if key in SECRETS:
                edit.setEchoMode(QLineEdit.EchoMode.Password)
            self.fields[key] = edit
        self.fields["imap_port"].setText("993")
        self.fields["smtp_port"].setText("465")
        self.enabled = QCheckBox()
        self.enabled.setChecked(True)
        self.save_button = QPushButton()
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.test_to = QLineEdit()
        self.test_button = QPushButton()
        self.test_button.clicked.connect(self._on_test_button_clicked)
        self.webhook_url = QLineEdit()
        self.webhook_url.setReadOnly(True)
        self.webhook_note = PlainLabel()
        self.webhook_note.setWordWrap(True)
        self.webhook_note.setObjectName("FieldLabel")
        self.last_error = PlainLabel()
        self.last_error.setWordWrap(True)
        self.status = PlainLabel()
        self.status.setWordWrap(True)

        self.form = form = QFormLayout()
        self.labels: dict[str, PlainLabel] = {}

        def row(key: str, widget: QWidget) -> None:
            label = self.labels[key] = PlainLabel()
            label.setWordWrap(True)
            form.addRow(label, widget)

        row("kind", self.kind)
        row("name", self.name)
        row("site", self.site)
        for key, edit in self.fields.items():
            row(key, edit)
        form.addRow("", self.enabled)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_to, 1)
        test_row.addWidget(self.test_button)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addLayout(buttons)
        right.addLayout(test_row)
        right.addWidget(self.webhook_note)
        right.addWidget(self.webhook_url)
        right.addWidget(self.last_error)
        right.addWidget(self.status)
        right.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addLayout(body, 1)

        self.admin.channels_changed.connect(self._on_admin_channels_changed)
        self.admin.saved.connect(self.status.setText)
        self.admin.problem.connect(self.status.setText)
        self.admin.tested.connect(self._on_admin_tested)
        account.sites_changed.connect(self._on_account_sites_changed)
        self._on_account_sites_changed(account.sites)
        self.retranslate()
        self._show(None)
        self.admin.load()

    def retranslate(self) -> None:
        """Every text in the current language (at start and on a language switch, G6)."""
        self.title.setText(self.tr("Reply channels"))
        self.intro.setText(
            self.tr(
                "Clients who write by e-mail, WhatsApp, SMS or Telegram get a chat like the "
                "website's visitors; your answer goes back the way they wrote."
            )
        )
        self.new_button.setText(self.tr("Add a channel"))
        for index, kind in enumerate(KINDS):
            self.kind.setItemText(index, self.names.label(kind))
        texts = {
            "kind": self.tr("Channel"),
            "name": self.tr("Name"),
            "site": self.tr("Website"),
            "address": self.tr("E-mail address"),
            "imap_host": self.tr("IMAP server (incoming)"),
            "imap_port": self.tr("IMAP port"),
            "smtp_host": self.tr("SMTP server (outgoing)"),
            "smtp_port": self.tr("SMTP port"),
            "user": self.tr("User name"),
            "password": self.tr("Password"),
            "bot_token": self.tr("Bot token"),
            "webhook_secret": self.tr("Webhook secret (optional)"),
            "phone_number_id": self.tr("Phone number ID"),
            "access_token": self.tr("Access token"),
            "app_secret": self.tr("App secret"),
            "verify_token": self.tr("Verify token"),
            "account_sid": self.tr("Account SID"),
            "auth_token": self.tr("Auth token"),
            "from_number": self.tr("Sending number"),
        }
        for key, text in texts.items():
            self.labels[key].setText(text)
        self.fields["address"].setPlaceholderText("support@shop.example")
        self.fields["bot_token"].setPlaceholderText(self.tr("From @BotFather"))
        self.enabled.setText(self.tr("Switched on"))
        self.save_button.setText(self.tr("Save"))
        self.test_to.setPlaceholderText(
            self.tr("An e-mail address, a phone number or a Telegram chat id")
        )
        self.test_button.setText(self.tr("Send a test message"))
        self._show_secret_hints()
        self._show_last_error()
        self._show_webhook()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "status"):
            self.retranslate()
        super().changeEvent(event)

    # -------------------------------------------------------------- showing

    def _on_account_sites_changed(self, sites: list[p.SiteInfo]) -> None:
        keep = self.site.currentData()
        self.site.clear()
        for site in sites:
            self.site.addItem(site.name, site.id)
        index = self.site.findData(keep)
        self.site.setCurrentIndex(max(0, index))

    def _on_admin_channels_changed(self, channels: list[p.ChannelInfo]) -> None:
        keep = self._channel.id if self._channel else None
        if self._adding and channels:  # just added: show the new one
            keep, self._adding = max(c.id for c in channels), False
        elif keep is None and channels:
            keep = channels[0].id
        self.list.blockSignals(True)
        self.list.clear()
        for channel in channels:
            text = f"{channel.name or channel.settings.get('address', '')} · "
            text += self.names.label(channel.kind)
            if not channel.enabled:
                text = self.tr("{0} (off)").format(text)
            if channel.last_error:
                text = "⚠ " + text
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, channel.id)
            self.list.addItem(item)
            if channel.id == keep:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        if keep is not None:
            self._show(next((c for c in channels if c.id == keep), None))

    def _on_list_current_item_changed(self, item: QListWidgetItem | None, _prev: object) -> None:
        channel_id = item.data(Qt.ItemDataRole.UserRole) if item else None
        self._show(next((c for c in self.admin.channels if c.id == channel_id), None))

    def _show(self, channel: p.ChannelInfo | None) -> None:
        self._channel = channel
        kind = channel.kind if channel else "email"
        self.kind.setCurrentIndex(KINDS.index(kind))
        self.kind.setEnabled(channel is None)
        self.name.setText(channel.name if channel else "")
        if channel is not None:
            self.site.setCurrentIndex(max(0, self.site.findData(channel.site_id)))
        settings = channel.settings if channel else {}
        for key, edit in self.fields.items():
            stored = key if key != "user" else "imap_user"
            default = {"imap_port": "993", "smtp_port": "465"}.get(key, "")
            edit.setText("" if key in SECRETS else settings.get(stored, default))
        self.enabled.setChecked(channel.enabled if channel else True)
        self.test_button.setEnabled(channel is not None)
        self._show_kind_rows()
        self._show_secret_hints()
        self._show_last_error()
        self._show_webhook()

    def _show_kind_rows(self) -> None:
        kind = str(self.kind.currentData())
        for key, edit in self.fields.items():
            self.form.setRowVisible(edit, key in FIELDS[kind])

    def _show_webhook(self) -> None:
        """Where the provider must send its webhooks (WhatsApp, SMS, Telegram with a secret);
        else say that the channel fetches its messages itself."""
        url = self._channel.webhook_url if self._channel else ""
        self.webhook_url.setText(url)
        self.webhook_url.setVisible(bool(url))
        if url:
            self.webhook_note.setText(self.tr("Give the provider this webhook address:"))
        elif self._channel is not None and self._channel.kind in ("whatsapp", "sms"):
            self.webhook_note.setText(
                self.tr("The relay's webhook endpoint is off: ask whoever runs the relay.")
            )
        else:
            self.webhook_note.setText(
                self.tr(
                    "This channel fetches its messages itself: there is no webhook address to "
                    "give the provider."
                )
            )

    def _show_secret_hints(self) -> None:
        stored = set(self._channel.secrets_set) if self._channel else set()
        keep = self.tr("Set: leave empty to keep it")
        for key in SECRETS:
            name = "imap_password" if key == "password" else key
            self.fields[key].setPlaceholderText(keep if name in stored else "")
        if "bot_token" not in stored:
            self.fields["bot_token"].setPlaceholderText(self.tr("From @BotFather"))

    def _show_last_error(self) -> None:
        channel = self._channel
        if channel is None or not channel.last_error:
            self.last_error.setText(self.tr("No error.") if channel else "")
            return
        when = time.strftime("%d.%m %H:%M", time.localtime(channel.last_error_at or 0))
        self.last_error.setText(self.tr("Last error ({0}): {1}").format(when, channel.last_error))

    # -------------------------------------------------------------- actions

    def _on_kind_current_index_changed(self, _index: int) -> None:
        self._show_kind_rows()

    def _on_new_button_clicked(self) -> None:
        self.list.clearSelection()
        self._show(None)
        self.name.setFocus()

    def settings(self) -> dict[str, str]:
        kind = str(self.kind.currentData())
        f = {key: edit.text().strip() for key, edit in self.fields.items()}
        if kind != "email":
            return {key: f[key] for key in FIELDS[kind]}
        # Never plain text from here: 993 and 465 are TLS from the start, others STARTTLS.
        imap_security = "tls" if f["imap_port"] in ("993", "") else "starttls"
        smtp_security = "tls" if f["smtp_port"] in ("465", "") else "starttls"
        return {
            "imap_security": imap_security, "smtp_security": smtp_security,
            "address": f["address"],
            "imap_host": f["imap_host"], "imap_port": f["imap_port"], "imap_user": f["user"],
            "imap_password": f["password"],
            "smtp_host": f["smtp_host"], "smtp_port": f["smtp_port"], "smtp_user": f["user"],
            "smtp_password": f["password"],
        }  # fmt: skip

    def _on_save_button_clicked(self) -> None:
        kind: p.ChannelKind = self.kind.currentData()
        site_id = self.site.currentData()
        if site_id is None:
            self.status.setText(self.tr("Add a website first (Settings → Channels)."))
            return
        self._adding = self._channel is None
        self.admin.save(
            self._channel.id if self._channel else None,
            kind,
            int(site_id),
            self.name.text().strip(),
            self.settings(),
            self.enabled.isChecked(),
        )

    def _on_test_button_clicked(self) -> None:
        if self._channel is not None and self.test_to.text().strip():
            self.status.setText("")
            self.admin.test(self._channel.id, self.test_to.text().strip())

    def _on_admin_tested(self, ok: bool, error: str) -> None:
        if ok:
            self.status.setText(self.tr("Test message sent."))
        else:
            self.status.setText(self.tr("The test message failed: {0}").format(error))
