"""C10: the composer's top row as the guide has it (Chat / WhatsApp / Correo electrónico /
SMS / Comentario): where the composer's text goes. Only the channels the client can be reached
on are shown (the relay's ``reply_channels``), the one the client last wrote from chosen; until
the relay has answered, the chat's own channel. Comment is a note only agents see."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QPushButton, QWidget

from jivo_desktop.ui.common import style
from jivo_desktop.ui.common.fit import fit_bold_button
from jivo_desktop.ui.inbox.channel_names import ChannelNames
from server import protocol as p

STYLE = (
    "QPushButton { padding: 2px 10px; border-radius: 10px; color: #5f6f6a; }"
    f"QPushButton:checked {{ background: #e3efe9; color: {style.BRAND}; font-weight: 600; }}"
)


class ReplyChannel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chat_id = 0
        self.channel = ""
        """The channel the shown chat came in on ("" the website's widget)."""
        self.ways: list[str] | None = None
        """The reachable ways (``p.REPLY_VIAS``), None until the relay said."""
        self.last = ""
        self.channel_names = ChannelNames(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 4, 12, 0)
        layout.setSpacing(4)
        self.buttons: dict[str, QPushButton] = {via: QPushButton() for via in p.REPLY_VIAS}
        self.comment_button = QPushButton()
        self.group = QButtonGroup(self)
        for button in (*self.buttons.values(), self.comment_button):
            button.setCheckable(True)
            button.setFlat(True)
            button.setStyleSheet(STYLE)
            self.group.addButton(button)
            layout.addWidget(button)
        layout.addStretch(1)
        self._show_ways()
        self.chat_button.setChecked(True)
        self.retranslate()

    @property
    def chat_button(self) -> QPushButton:
        """The button of the chat's own way (the widget's Chat, or its channel)."""
        return self.buttons[self.channel or "chat"]

    def set_channel(self, kind: str, chat_id: int = 0) -> None:
        """The shown chat and the channel it came in on: until the relay says more, the only
        way."""
        if kind != self.channel or chat_id != self.chat_id:
            self.channel = kind
            self.chat_id = chat_id
            self.ways = None
            self.last = ""
            self._show_ways()
            self.chat_button.setChecked(True)

    def set_ways(self, ways: list[str], last: str) -> None:
        """The relay's answer for the shown chat: show those ways; choose ``last`` when it is
        new (the client wrote from another channel), else keep the agent's choice."""
        self.ways = [w for w in ways if w in self.buttons]
        self._show_ways()
        selected = self.group.checkedButton()
        usable = selected is not None and selected.isVisibleTo(self) and selected.isEnabled()
        if last != self.last or not usable:
            if last in self.ways and not self.comment_mode:
                self.buttons[last].setChecked(True)
            elif not usable:
                self._first_shown().setChecked(True)
        self.last = last

    def _shown(self) -> list[str]:
        own = self.channel or "chat"
        if self.ways is None:
            return [own]
        return self.ways if own in self.ways else [own, *self.ways]

    def _first_shown(self) -> QPushButton:
        enabled = [v for v in self._shown() if self.buttons[v].isEnabled()]
        return self.buttons[(enabled or self._shown())[0]]

    def _show_ways(self) -> None:
        """The reachable ways; the chat's own one stays in sight, greyed out with the reason,
        when the client can no longer be reached there (WhatsApp's 24 hours)."""
        shown = set(self._shown())
        own = self.channel or "chat"
        for via, button in self.buttons.items():
            button.setVisible(via in shown)
            button.setEnabled(self.ways is None or via in self.ways)
        if self.ways is not None and own not in self.ways:
            self.buttons[own].setToolTip(self._unreachable(own))
        else:
            self.retranslate()

    def _unreachable(self, via: str) -> str:
        if via == "whatsapp":
            return self.tr(
                "More than 24 hours since the client's last WhatsApp message: WhatsApp only "
                "allows an approved template now. Answer by another channel."
            )
        return self.tr("The client cannot be reached on this channel now.")

    def retranslate(self) -> None:
        for via, button in self.buttons.items():
            kind = "" if via == "chat" else via
            button.setText(self.channel_names.label(kind))
            button.setToolTip(self.channel_names.reply_hint(kind))
        self.comment_button.setText(self.tr("Comment"))
        self.comment_button.setToolTip(self.tr("An internal note: only agents see it"))
        for button in (*self.buttons.values(), self.comment_button):
            fit_bold_button(button)  # B8: bold when active, never cut off
        own = self.channel or "chat"
        if self.ways is not None and own not in self.ways:
            self.buttons[own].setToolTip(self._unreachable(own))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "comment_button"):
            self.retranslate()
        super().changeEvent(event)

    @property
    def comment_mode(self) -> bool:
        return self.comment_button.isChecked()

    @property
    def via(self) -> str | None:
        """The chosen way for ``send_message``; None: the chat's own (the relay's default)."""
        if self.comment_mode or self.ways is None:
            return None
        for via, button in self.buttons.items():
            if button.isChecked():
                return via
        return None

    def reset(self) -> None:
        """After a comment (B10): the next line goes to the client again, by the default way."""
        if self.ways and self.last in self.ways:
            self.buttons[self.last].setChecked(True)
        else:
            self._first_shown().setChecked(True)
