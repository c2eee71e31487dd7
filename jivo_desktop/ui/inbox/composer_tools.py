"""The tool row under the composer (the guide's "parte inferior"): Translator (C11), Quick
phrases (C12), Emoji (C13), Pointer (C15) and GIF (C16), each with a tooltip and a keyboard way
in (a shortcut in the conversation's scope; "/" for quick phrases). Only tools that exist are
here. The pickers open above the row; what a tool does with the chat is the pane's business."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QWidget

from jivo_desktop.services.emoji import EmojiService
from jivo_desktop.services.gifs import GifService
from jivo_desktop.ui.inbox.emoji_picker import EmojiPicker
from jivo_desktop.ui.inbox.gif_picker import GifPicker

TRANSLATOR_SHORTCUT = "Ctrl+Shift+L"
EMOJI_SHORTCUT = "Ctrl+E"
POINTER_SHORTCUT = "Ctrl+Shift+P"
GIF_SHORTCUT = "Ctrl+G"


class ComposerTools(QWidget):
    """Signals: ``translator_toggled(bool)``, ``phrases_requested()``, ``emoji_picked(str)``,
    ``pointer_requested()``, ``gif_picked(str)`` (a search result's token).

    ``scope`` is the widget whose children the shortcuts work in (the conversation);
    ``can_open()`` says whether the pickers may open now (a chat shown, the composer usable)."""

    translator_toggled = Signal(bool)
    phrases_requested = Signal()
    emoji_picked = Signal(str)
    pointer_requested = Signal()
    gif_picked = Signal(str)

    def __init__(
        self, emoji: EmojiService, gifs: GifService, scope: QWidget, can_open: Callable[[], bool]
    ) -> None:
        super().__init__()
        self.setObjectName("ComposerTools")
        self.can_open = can_open
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 0, 12, 6)
        layout.setSpacing(2)

        # Tool buttons: no push button's minimum width (~80 px each), so five tools fit under
        # the composer at the window's default size (B8) in every language.
        def tool(slot: Callable[[], None] | None, shortcut: str = "") -> QToolButton:
            button = QToolButton()
            button.setObjectName("ComposerTool")
            button.setAutoRaise(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            if slot is not None:
                button.clicked.connect(slot)
            if shortcut:
                keys = QShortcut(QKeySequence(shortcut), scope)
                keys.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                keys.activated.connect(button.click)
            layout.addWidget(button)
            return button

        self.translator_button = tool(None, TRANSLATOR_SHORTCUT)
        self.translator_button.setCheckable(True)
        self.translator_button.toggled.connect(self.translator_toggled)
        self.phrases_button = tool(self.phrases_requested.emit)
        self.emoji_button = tool(self.open_emoji_picker, EMOJI_SHORTCUT)
        self.pointer_button = tool(self.pointer_requested.emit, POINTER_SHORTCUT)
        self.gif_button = tool(self.open_gif_picker, GIF_SHORTCUT)
        layout.addStretch(1)
        self.emoji_picker = EmojiPicker(emoji, scope)
        self.emoji_picker.picked.connect(self.emoji_picked)
        self.gif_picker = GifPicker(gifs, scope)
        self.gif_picker.picked.connect(self.gif_picked)
        self.retranslate()

    def retranslate(self) -> None:
        self.translator_button.setText("⇄ " + self.tr("Translator"))
        self.translator_button.setToolTip(
            self.tr(
                "Translate this chat: the visitor's messages into your language, your replies "
                "into theirs ({0})"
            ).format(TRANSLATOR_SHORTCUT)
        )
        self.phrases_button.setText("≡ " + self.tr("Quick phrases"))
        self.phrases_button.setToolTip(self.tr("Search the team's quick phrases (or type /)"))
        self.emoji_button.setText("☺ " + self.tr("Emoji"))
        self.emoji_button.setToolTip(self.tr("Insert an emoji ({0})").format(EMOJI_SHORTCUT))
        self.pointer_button.setText("➚ " + self.tr("Pointer"))
        self.pointer_button.setToolTip(
            self.tr(
                "Open the visitor's page in your browser, pick an element and send it with a "
                "comment ({0}). It does not work on pages behind a sign-in."
            ).format(POINTER_SHORTCUT)
        )
        self.gif_button.setText("GIF")
        self.gif_button.setToolTip(self.tr("Search a GIF and send it ({0})").format(GIF_SHORTCUT))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "gif_button"):
            self.retranslate()
        super().changeEvent(event)

    def show_for(self, *, direct: bool, translating: bool) -> None:
        """A chat between colleagues has no visitor to translate for, point at or send GIFs."""
        for button in (self.translator_button, self.pointer_button, self.gif_button):
            button.setVisible(not direct)
        self.translator_button.blockSignals(True)
        self.translator_button.setChecked(translating)
        self.translator_button.blockSignals(False)

    def open_emoji_picker(self) -> None:
        """C13: the picker above the row."""
        if self.isVisible() and self.can_open():
            self.emoji_picker.open_above(self)

    def open_gif_picker(self) -> None:
        """C16: the GIF search above the row."""
        if self.isVisible() and self.can_open():
            self.gif_picker.open_above(self)
