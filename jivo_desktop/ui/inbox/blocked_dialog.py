"""Blocked clients (C8, admins only): who is blocked, how ("Bloquear al cliente" or "Bloquear o
Spam", the IP address too or not: B5), why, by whom, and Unblock. The same list is the chat
toolbar's dialog and Ajustes → Blocked clients."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jivo_desktop.services.actions import ChatActionsService
from jivo_desktop.ui.common.plain import PlainLabel
from server import protocol as p


class BlockedClientsList(QWidget):
    """The list with its Unblock button; refreshed from the relay whenever it is shown."""

    def __init__(self, actions: ChatActionsService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chat_actions = actions
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget()
        # B8: a long row wraps onto a second line instead of scrolling sideways.
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self.list, 1)
        self.empty = PlainLabel()
        self.empty.setObjectName("FieldLabel")
        layout.addWidget(self.empty)
        self.buttons = QHBoxLayout()
        self.unblock_button = QPushButton()
        self.unblock_button.clicked.connect(self._on_unblock_clicked)
        self.buttons.addWidget(self.unblock_button)
        self.buttons.addStretch(1)
        layout.addLayout(self.buttons)
        self._clients: list[p.BlockedClient] = []
        actions.blocked_ready.connect(self._on_actions_blocked_ready)
        self.retranslate()

    def retranslate(self) -> None:
        """Every text in the current language (Ajustes keeps this list across a switch, G6)."""
        self.empty.setText(self.tr("Nobody is blocked."))
        self.unblock_button.setText(self.tr("Unblock"))
        self._on_actions_blocked_ready(self._clients)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.chat_actions.refresh_blocked()

    def _on_actions_blocked_ready(self, clients: list[p.BlockedClient]) -> None:
        self._clients = list(clients)
        self.list.clear()
        for client in clients:
            item = QListWidgetItem(self.describe(client))
            item.setData(Qt.ItemDataRole.UserRole, client.id)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.empty.setVisible(self.list.count() == 0)
        self.unblock_button.setEnabled(self.list.count() > 0)

    def describe(self, client: p.BlockedClient) -> str:
        """Two plain lines: who, which action and why; the address and who blocked, when."""
        who = client.visitor_name or self.tr("Client {0}").format(client.visitor_id)
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(client.created_at))
        kind = self.tr("Spam") if client.spam else self.tr("Blocked")
        reason = client.reason or self.tr("no reason given")
        if client.by_ip and client.ip:
            scope = self.tr("the IP address {0} is blocked too").format(client.ip)
        else:
            scope = self.tr("IP {0} (not blocked)").format(client.ip or "—")
        return self.tr("{0} · {1}: {2}\n{3} · blocked by {4}, {5}").format(
            who, kind, reason, scope, client.blocked_by or "—", when
        )

    def _on_unblock_clicked(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.chat_actions.unblock(int(item.data(Qt.ItemDataRole.UserRole)))


class BlockedDialog(QDialog):
    def __init__(self, actions: ChatActionsService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Blocked clients"))
        self.resize(520, 340)
        layout = QVBoxLayout(self)
        self.clients = BlockedClientsList(actions)
        layout.addWidget(self.clients, 1)
        self.list, self.empty = self.clients.list, self.clients.empty
        self.unblock_button = self.clients.unblock_button
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        self.clients.buttons.addWidget(close)
