"""C3: "Leave chat" (button or Ctrl+W) asks first. The guide warns against closing a chat while
the visitor is still on the site: a visitor who writes after that starts a new chat."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from jivo_desktop.services.chats import ChatsService
from jivo_desktop.ui.common.plain import isolate, plain_message_box


def confirm_leave(
    parent: QWidget,
    chats: ChatsService,
    chat_id: int,
    leave: Callable[[int], None] | None = None,
) -> QMessageBox | None:
    """Open (not exec) the question; Leave closes the chat on the relay (or runs ``leave``: the
    chat actions leave it to colleagues still in it), Cancel does nothing.
    Returns the dialog (None when there is no such chat)."""
    chat = chats.chat(chat_id)
    if chat is None:
        return None
    name = chats.display_name(chat)
    box = QMessageBox(parent)
    box.setObjectName("LeaveConfirm")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("LeaveConfirm", "Leave the chat?"))
    plain_message_box(box)  # before the visitor's name goes in
    box.setText(
        QCoreApplication.translate("LeaveConfirm", "Leave the chat with {0}?").format(isolate(name))
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "LeaveConfirm",
            "Better wait until the visitor has left the site: they may have more questions. "
            "If they write again after you leave, it starts a new chat.",
        )
    )
    plain_message_box(box)  # the informative label too
    leave_button = box.addButton(
        QCoreApplication.translate("LeaveConfirm", "Leave chat"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)

    def on_finished(_result: int) -> None:
        if box.clickedButton() is leave_button:
            (leave or chats.close_chat)(chat_id)
        box.deleteLater()

    box.finished.connect(on_finished)
    box.open()
    return box
