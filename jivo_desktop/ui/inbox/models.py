"""Qt item models over the services' state: the chat list and one conversation."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from jivo_desktop.services.chats import ChatsService
from jivo_desktop.services.conversations import Chat, Message
from jivo_desktop.ui.common.plain import plain_tooltip

ChatRole = Qt.ItemDataRole.UserRole + 1
MessageRole = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


class ChatListModel(QAbstractListModel):
    """Rows are ``chats.ordered()``; ``ChatRole`` gives the :class:`Chat`."""

    def __init__(self, chats: ChatsService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.chats = chats
        self._rows: list[int] = list(chats.order)
        chats.chats_changed.connect(self._on_chats_changed)
        chats.chat_changed.connect(self._on_chats_chat_changed)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        chat = self.chats.chat(self._rows[index.row()])
        if chat is None:
            return None
        if role == ChatRole:
            return chat
        if role == Qt.ItemDataRole.DisplayRole:
            return self.chats.display_name(chat)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self.chats.page_url(chat))
        return None

    def row_of(self, chat_id: int) -> int:
        return self._rows.index(chat_id) if chat_id in self._rows else -1

    def chat_id(self, row: int) -> int:
        return self._rows[row] if 0 <= row < len(self._rows) else 0

    def _on_chats_changed(self) -> None:
        self.beginResetModel()
        self._rows = list(self.chats.order)
        self.endResetModel()

    def _on_chats_chat_changed(self, chat_id: int) -> None:
        row = self.row_of(chat_id)
        if row >= 0:
            index = self.index(row)
            self.dataChanged.emit(index, index)


class MessagesModel(QAbstractListModel):
    """The messages of the chat shown in the centre; ``MessageRole`` gives the Message."""

    def __init__(self, chats: ChatsService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.chats = chats
        self.chat_id = 0
        self._chat: Chat | None = None
        # The service appends before it signals; the model keeps its own count so that Qt sees
        # the old count until endInsertRows, as the model contract requires.
        self._count = 0
        chats.messages_reset.connect(self._on_chats_messages_reset)
        chats.messages_appended.connect(self._on_chats_messages_appended)
        chats.message_changed.connect(self._on_chats_message_changed)

    def show_chat(self, chat_id: int) -> None:
        self.beginResetModel()
        self.chat_id = chat_id
        self._chat = self.chats.chat(chat_id)
        self._count = len(self._chat.messages) if self._chat is not None else 0
        self.endResetModel()

    def _messages(self) -> list[Message]:
        return self._chat.messages if self._chat is not None else []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        messages = self._messages()
        if not index.isValid() or index.row() >= min(self._count, len(messages)):
            return None
        message = messages[index.row()]
        if role == MessageRole:
            return message
        if role == Qt.ItemDataRole.DisplayRole:
            return message.text
        return None

    def _on_chats_messages_reset(self, chat_id: int) -> None:
        if chat_id == self.chat_id:
            self.show_chat(chat_id)

    def _on_chats_messages_appended(self, chat_id: int, first: int, count: int) -> None:
        if chat_id != self.chat_id or self._chat is None:
            return
        self.beginInsertRows(QModelIndex(), first, first + count - 1)
        self._count = first + count
        self.endInsertRows()

    def _on_chats_message_changed(self, chat_id: int, row: int) -> None:
        if chat_id == self.chat_id:
            index = self.index(row)
            self.dataChanged.emit(index, index)
