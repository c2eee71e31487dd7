"""The chat toolbar's block dialog (C8, B5): the guide's two actions, "Bloquear al cliente" and
"Bloquear o Spam", a reason kept in the blocked list, and blocking the IP address only when the
agent ticks it, told how many live visitors share that address."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jivo_desktop.services.actions import ChatActionsService
from jivo_desktop.ui.common.plain import PlainLabel
from server import protocol as p


class BlockDialog(QDialog):
    """Blocks through the actions service when one of the two block buttons is clicked.

    Signals: ``chosen(str, bool, bool)``: reason, spam, by IP (sent to the relay; the dialog
    then closes)."""

    chosen = Signal(str, bool, bool)

    def __init__(
        self,
        actions: ChatActionsService,
        chat_id: int,
        name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.chat_actions = actions
        self.chat_id = chat_id
        self.setWindowTitle(self.tr("Block the client"))
        layout = QVBoxLayout(self)
        self.question = _plain(
            self.tr(
                "Block {0}? They will not be able to write again from this browser. The chat "
                "is closed. An admin can unblock them."
            ).format(name)
        )
        layout.addWidget(self.question)
        self.reason = QLineEdit()
        self.reason.setMaxLength(200)
        self.reason.setPlaceholderText(self.tr("Reason (shown in the blocked clients list)"))
        layout.addWidget(self.reason)
        self.by_ip = QCheckBox(self.tr("Also block the IP address"))
        self.by_ip.setEnabled(False)  # until the relay says which address it is
        layout.addWidget(self.by_ip)
        self.ip_note = _plain(self.tr("Looking up the client's IP address…"))
        self.ip_note.setObjectName("FieldLabel")
        layout.addWidget(self.ip_note)
        row = QHBoxLayout()
        row.addStretch(1)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        row.addWidget(self.cancel_button)
        self.spam_button = QPushButton(self.tr("Block as spam"))
        self.spam_button.clicked.connect(lambda: self._choose(spam=True))
        row.addWidget(self.spam_button)
        self.block_button = QPushButton(self.tr("Block the client"))
        self.block_button.setDefault(True)
        self.block_button.clicked.connect(lambda: self._choose(spam=False))
        row.addWidget(self.block_button)
        layout.addLayout(row)
        self.setMinimumWidth(440)
        actions.block_preview_ready.connect(self._on_actions_block_preview_ready)
        actions.preview_block(chat_id)

    def _on_actions_block_preview_ready(self, chat_id: int, info: p.BlockPreviewInfo) -> None:
        if chat_id != self.chat_id:
            return
        if not info.ip:
            self.ip_note.setText(self.tr("The client's IP address is not known."))
            return
        self.by_ip.setEnabled(True)
        self.by_ip.setText(self.tr("Also block the IP address {0}").format(info.ip))
        if info.same_ip_visitors:
            self.ip_note.setText(
                self.tr(
                    "%n other visitor(s) on the site share this address now (an office or a "
                    "mobile network): blocking the address blocks them too.",
                    "",
                    info.same_ip_visitors,
                )
            )
        else:
            self.ip_note.setText(self.tr("No other visitor on the site shares this address now."))

    def _choose(self, *, spam: bool) -> None:
        reason, by_ip = self.reason.text().strip(), self.by_ip.isChecked()
        self.chat_actions.block(self.chat_id, reason, spam=spam, by_ip=by_ip)
        self.chosen.emit(reason, spam, by_ip)
        self.accept()


def _plain(text: str) -> PlainLabel:
    label = PlainLabel(text)  # a visitor's name is never markup
    label.setWordWrap(True)
    return label
