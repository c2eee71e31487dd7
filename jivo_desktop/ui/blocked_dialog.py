"""Blocked clients (C8, admins only): who is blocked, by whom, and Unblock."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jivo_desktop.services.actions import ChatActionsService
from server import protocol as p


class BlockedDialog(QDialog):
    def __init__(self, actions: ChatActionsService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chat_actions = actions
        self.setWindowTitle(self.tr("Blocked clients"))
        self.resize(460, 320)
        layout = QVBoxLayout(self)
        self.list = QListWidget()
        # B8: a long row wraps onto a second line instead of scrolling sideways.
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self.list, 1)
        self.empty = QLabel(self.tr("Nobody is blocked."))
        self.empty.setObjectName("FieldLabel")
        layout.addWidget(self.empty)
        row = QHBoxLayout()
        self.unblock_button = QPushButton(self.tr("Unblock"))
        self.unblock_button.clicked.connect(self._on_unblock_clicked)
        row.addWidget(self.unblock_button)
        row.addStretch(1)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        row.addWidget(close)
        layout.addLayout(row)
        actions.blocked_ready.connect(self._on_actions_blocked_ready)
        self._on_actions_blocked_ready([])
        actions.refresh_blocked()

    def _on_actions_blocked_ready(self, clients: list[p.BlockedClient]) -> None:
        self.list.clear()
        for client in clients:
            who = client.visitor_name or self.tr("Client {0}").format(client.visitor_id)
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(client.created_at))
            text = self.tr("{0} · IP {1} · blocked by {2}, {3}").format(
                who, client.ip or "—", client.blocked_by or "—", when
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, client.id)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.empty.setVisible(self.list.count() == 0)
        self.unblock_button.setEnabled(self.list.count() > 0)

    def _on_unblock_clicked(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.chat_actions.unblock(int(item.data(Qt.ItemDataRole.UserRole)))
