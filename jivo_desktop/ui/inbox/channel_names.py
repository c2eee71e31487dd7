"""C10/K1: the names of the reply channels as the guide has them (Chat, WhatsApp, Correo
electrónico, SMS), for the chat list, the header and the composer's channel row."""

from __future__ import annotations

from PySide6.QtCore import QObject


class ChannelNames(QObject):
    def label(self, kind: str) -> str:
        """The channel a chat came in on; "" (the website widget) is "Chat"."""
        names = {
            "email": self.tr("E-mail"),
            "whatsapp": self.tr("WhatsApp"),
            "sms": self.tr("SMS"),
            "telegram": self.tr("Telegram"),
        }
        return names.get(kind, self.tr("Chat"))

    def reply_hint(self, kind: str) -> str:
        """The tooltip of the composer's channel button."""
        if kind == "email":
            return self.tr("You can answer the client's e-mail: your reply goes to their inbox")
        if kind == "whatsapp":  # the guide: "puede continuar la conversación ... vía WhatsApp"
            return self.tr("You can continue the conversation with the client on WhatsApp")
        if kind == "sms":
            return self.tr("You can answer the client by SMS")
        if kind:
            return self.tr("Your reply goes to the client on {0}").format(self.label(kind))
        return self.tr("A message the visitor sees")
