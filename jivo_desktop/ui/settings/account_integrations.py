"""Ajustes → Integrations (K3): outgoing webhooks with their delivery log, and API tokens for
scripts. Secrets are shown once, right after they are made. And the translator (C11) and the
GIF service (C16)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jivo_desktop.services.account import WEBHOOK_EVENTS, AccountService
from jivo_desktop.services.gifs import GifService
from jivo_desktop.services.translator import TranslatorAdmin
from jivo_desktop.ui.common.plain import PlainLabel
from jivo_desktop.ui.settings.gif_provider import GifProviderBox
from jivo_desktop.ui.settings.translator import TranslatorBox
from server import protocol as p


class AccountIntegrations(QWidget):
    def __init__(self, account: AccountService) -> None:
        super().__init__()
        self.account = account
        self._event_names: dict[str, str] = {}
        self.title = title = PlainLabel()
        title.setObjectName("PageTitle")

        # ---- webhooks
        self.hooks_box = hooks_box = QGroupBox()
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://crm.example/hooks/chat")
        self.events: dict[str, QCheckBox] = {}
        events_row = QGridLayout()  # three a row: six do not fit the section's width
        for index, event in enumerate(WEBHOOK_EVENTS):
            box = QCheckBox()
            box.setChecked(True)
            self.events[event] = box
            events_row.addWidget(box, index // 3, index % 3)
        events_row.setColumnStretch(3, 1)
        self.add_hook = QPushButton()
        self.add_hook.clicked.connect(self._on_add_hook_clicked)
        url_row = QHBoxLayout()
        url_row.addWidget(self.url, 1)
        url_row.addWidget(self.add_hook)
        self.hooks = QListWidget()
        self.hooks.setMaximumHeight(80)
        self.delete_hook = QPushButton()
        self.delete_hook.clicked.connect(self._on_delete_hook_clicked)
        self.refresh_log = QPushButton()
        self.refresh_log.clicked.connect(account.refresh_webhooks)
        hook_buttons = QHBoxLayout()
        hook_buttons.addStretch(1)
        hook_buttons.addWidget(self.refresh_log)
        hook_buttons.addWidget(self.delete_hook)
        self.log = QTableWidget(0, 4)
        self.log.verticalHeader().hide()
        self.log.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.log.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        hooks_layout = QVBoxLayout(hooks_box)
        hooks_layout.addLayout(url_row)
        hooks_layout.addLayout(events_row)
        hooks_layout.addWidget(self.hooks)
        hooks_layout.addLayout(hook_buttons)
        self.log_label = PlainLabel()
        hooks_layout.addWidget(self.log_label)
        hooks_layout.addWidget(self.log, 1)

        # ---- API tokens
        self.tokens_box = tokens_box = QGroupBox()
        self.tokens_help = tokens_help = PlainLabel()
        tokens_help.setWordWrap(True)
        self.token_name = QLineEdit()
        self.create_token = QPushButton()
        self.create_token.clicked.connect(self._on_create_token_clicked)
        self.revoke_token = QPushButton()
        self.revoke_token.clicked.connect(self._on_revoke_token_clicked)
        token_row = QHBoxLayout()
        token_row.addWidget(self.token_name, 1)
        token_row.addWidget(self.create_token)
        token_row.addWidget(self.revoke_token)
        self.tokens = QListWidget()
        self.tokens.setMaximumHeight(70)
        tokens_layout = QVBoxLayout(tokens_box)
        tokens_layout.addWidget(tokens_help)
        tokens_layout.addLayout(token_row)
        tokens_layout.addWidget(self.tokens)

        self.secret = QLineEdit()
        self.secret.setReadOnly(True)
        self.secret.hide()
        self.secret_note = PlainLabel()
        self.secret_note.hide()
        self.status = PlainLabel()
        self.status.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(hooks_box, 3)
        layout.addWidget(tokens_box, 1)
        self.translator = TranslatorBox(TranslatorAdmin(account.session, self))  # C11
        layout.addWidget(self.translator)
        self.gif_provider = GifProviderBox(GifService(account.session, self))  # C16
        layout.addWidget(self.gif_provider)
        layout.addWidget(self.secret_note)
        layout.addWidget(self.secret)
        layout.addWidget(self.status)
        self.retranslate()
        account.webhooks_changed.connect(self._on_account_webhooks_changed)
        account.tokens_changed.connect(self._on_account_tokens_changed)
        account.secret_shown.connect(self._on_account_secret_shown)
        account.saved.connect(self._on_account_message)
        account.problem.connect(self._on_account_message)
        # What the account already has (Ajustes builds this section when it is first shown).
        self._on_account_webhooks_changed(account.webhooks, account.deliveries)
        self._on_account_tokens_changed(account.tokens)

    def retranslate(self) -> None:
        """Set every text in the current language (at start and on a language switch, G6)."""
        self._event_names = {
            "chat_accepted": self.tr("Chat accepted"),
            "chat_finished": self.tr("Chat finished"),
            "offline_message": self.tr("Offline message"),
            "client_updated": self.tr("Client updated"),
            "deal_changed": self.tr("Deal changed"),
            "task_due": self.tr("Task due"),
            "call_event": self.tr("Callback request"),
        }
        for event, box in self.events.items():
            box.setText(self._event_names[event])
        self.title.setText(self.tr("Integrations"))
        self.hooks_box.setTitle(self.tr("Webhooks"))
        self.add_hook.setText(self.tr("Add webhook"))
        self.delete_hook.setText(self.tr("Delete webhook"))
        self.refresh_log.setText(self.tr("Refresh log"))
        self.log.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("Event"), self.tr("State"), self.tr("Attempts")]
        )
        self.log_label.setText(self.tr("Delivery log"))
        self.tokens_box.setTitle(self.tr("API tokens"))
        self.tokens_help.setText(
            self.tr(
                "A script sends the token in an authenticate frame over the WebSocket and "
                "acts as you, an administrator."
            )
        )
        self.token_name.setPlaceholderText(self.tr("What uses it, e.g. nightly export"))
        self.create_token.setText(self.tr("Create token"))
        self.revoke_token.setText(self.tr("Revoke"))
        self.secret_note.setText(self.tr("Copy it now: it is not shown again."))
        self._on_account_webhooks_changed(self.account.webhooks, self.account.deliveries)
        self._on_account_tokens_changed(self.account.tokens)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _on_account_webhooks_changed(
        self, hooks: list[p.WebhookInfo], deliveries: list[p.DeliveryInfo]
    ) -> None:
        self.hooks.clear()
        for hook in hooks:
            names = ", ".join(self._event_names.get(e, e) for e in hook.events)
            item = QListWidgetItem(f"{hook.url}  ({names})")
            item.setData(Qt.ItemDataRole.UserRole, hook.id)
            self.hooks.addItem(item)
        states = {
            "pending": self.tr("Retrying"),
            "delivered": self.tr("Delivered"),
            "failed": self.tr("Failed"),
        }
        self.log.setRowCount(len(deliveries))
        for row, d in enumerate(deliveries):
            when = dt.datetime.fromtimestamp(d.created_at).strftime("%Y-%m-%d %H:%M:%S")
            state = states.get(d.status, d.status)
            if d.last_error:
                state = f"{state} ({d.last_error})"
            for column, text in enumerate(
                (when, self._event_names.get(d.event, d.event), state, str(d.attempts))
            ):
                self.log.setItem(row, column, QTableWidgetItem(text))

    def _on_account_tokens_changed(self, tokens: list[p.ApiTokenInfo]) -> None:
        self.tokens.clear()
        for token in tokens:
            when = dt.datetime.fromtimestamp(token.created_at).strftime("%Y-%m-%d")
            text = f"{token.name}  ·  {when}"
            if token.revoked:
                text += "  ·  " + self.tr("revoked")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, token.id)
            self.tokens.addItem(item)

    def _on_account_secret_shown(self, secret: str) -> None:
        self.secret.setText(secret)
        self.secret.show()
        self.secret_note.show()
        self.secret.selectAll()

    def _on_add_hook_clicked(self) -> None:
        events = [e for e, box in self.events.items() if box.isChecked()]
        self.account.save_webhook(self.url.text(), events)

    def _on_delete_hook_clicked(self) -> None:
        item = self.hooks.currentItem()
        if item is not None:
            self.account.delete_webhook(int(item.data(Qt.ItemDataRole.UserRole)))

    def _on_create_token_clicked(self) -> None:
        self.account.create_token(self.token_name.text())
        self.token_name.clear()

    def _on_revoke_token_clicked(self) -> None:
        item = self.tokens.currentItem()
        if item is not None:
            self.account.revoke_token(int(item.data(Qt.ItemDataRole.UserRole)))

    def _on_account_message(self, message: str) -> None:
        # The service serves every section: only the one in sight shows the outcome.
        if self.isVisible():
            self.status.setText(message)
