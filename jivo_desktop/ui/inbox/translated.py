"""A bubble with its stored translation (C11), the same in the live conversation and in the
archive: the message in the agent's language with the original one click away, and a reply
the agent sent translated as their words with what the visitor read. The translations come
from :class:`~jivo_desktop.services.translator.TranslatorService` (the relay stores them)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from jivo_desktop.services.conversations import Message
from jivo_desktop.services.translator import TranslatorService
from jivo_desktop.ui.common.plain import isolate
from jivo_desktop.ui.inbox.delegates import MessageDelegate


class TranslatedDelegate(MessageDelegate):
    """``switch``: translations only with the chat's translator switch on (the live
    conversation); the archive shows whatever is stored. Subclasses say which chat is shown."""

    def __init__(self, parent: QWidget, translator: TranslatorService, switch: bool) -> None:
        super().__init__(parent)
        self.translator = translator
        self.switch = switch

    def translated_chat(self) -> int:
        """The chat whose messages this delegate draws (overridden)."""
        return 0

    def shown_text(self, message: Message) -> str:
        chat_id = self.translated_chat()
        found = self.translator.translation(chat_id, message.seq, switch=self.switch)
        if found is None or message.kind != "message":
            return super().shown_text(message)
        if found.original:
            return f"{isolate(found.text)}\n→ {isolate(message.text)}"
        if found.text == message.text:
            return super().shown_text(message)
        # One context, "ConversationPane", wherever the conversation is drawn.
        if (chat_id, message.seq) in self.translator.showing_original:
            note = QCoreApplication.translate(
                "ConversationPane", "Original · click for the translation"
            )
            return f"{isolate(message.text)}\n{note}"
        note = QCoreApplication.translate(
            "ConversationPane", "Translated from {0} · click for the original"
        ).format(found.source or "?")
        return f"{isolate(found.text)}\n{note}"

    def flip(self, message: Message | None) -> bool:
        """A click on a translated message: its original, or the translation again (False:
        nothing to flip, the click is for something else)."""
        if message is None or message.kind != "message":
            return False
        return self.translator.flip(
            self.translated_chat(), message.seq, message.text, switch=self.switch
        )
