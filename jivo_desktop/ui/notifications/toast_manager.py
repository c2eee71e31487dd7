"""The stack of chat-request toasts (N1, N7): :class:`ToastManager` keeps one
:class:`~jivo_desktop.ui.notifications.chat_toast.ChatToast` per offered chat, stacks them
upward from the corner of the screen, and takes a card down the moment its chat is taken by
anyone, ignored here, or gone (N7: no timeout); a "+N more" line counts the rest.

The manager only shows state and calls the chats service; nothing here talks to the network.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPaintEvent, QScreen

from jivo_desktop.services import phone_numbers
from jivo_desktop.services.chats import ChatsService, visitor_name
from jivo_desktop.ui.common.plain import PlainLabel
from jivo_desktop.ui.notifications.chat_toast import SCREEN_MARGIN, SHADOW, TOAST_FLAGS, ChatToast
from server import protocol as p

MORE_STYLE = """
QLabel#ToastMore { color: white; padding: 5px 14px; font-size: 12px; font-weight: 600; }
"""


class _MoreLabel(PlainLabel):
    """ "+N more": offers beyond the visible stack."""

    def __init__(self) -> None:
        super().__init__(None, TOAST_FLAGS)
        self.setObjectName("ToastMore")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setAttribute(Qt.WidgetAttribute.WA_TranslucentBackground)
        self.setStyleSheet(MORE_STYLE)
        self.setTextFormat(Qt.TextFormat.PlainText)

    def paintEvent(self, event: QPaintEvent) -> None:
        # A translucent top-level window gets no style-sheet background: paint the pill here.
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(23, 32, 29, 220))
        radius = self.height() / 2
        painter.drawRoundedRect(QRectF(self.rect()), radius, radius)
        painter.end()
        super().paintEvent(event)


class ToastManager(QObject):
    """One :class:`ChatToast` per offered chat, stacked upward from the bottom-right corner of
    the available screen area, oldest nearest the corner; at most ``max_visible``, then a
    "+N more" line. A toast stays until its chat is taken (by anyone), ignored here, or gone.

    ``on_accept(chat_id)`` is the app's: accept and bring the main window up on that chat.
    ``on_call(chat_id)`` (P2), for a callback request's Call: accept, dial, log the call.
    With ``auto`` (the default) every offer of ``chats`` gets a toast; the notification service
    turns it off for the "native" and "none" types and calls :meth:`show_offer` itself.

    Signals: ``toasts_changed()`` when a toast came, went or moved."""

    toasts_changed = Signal()

    def __init__(
        self,
        chats: ChatsService,
        on_accept: Callable[[int], None],
        *,
        on_call: Callable[[int], None] | None = None,
        auto: bool = True,
        max_visible: int = 4,
        screen: QScreen | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.chats = chats
        self.on_accept = on_accept
        self.on_call = on_call
        """P2: Call on a callback request's toast (accept, dial, log); None: Accept."""
        self.auto = auto
        self.max_visible = max_visible
        self.screen = screen
        self.toasts: dict[int, ChatToast] = {}
        self.more = _MoreLabel()
        # G6: "+N more" follows a language switch (the label gets Qt's LanguageChange).
        self.more.installEventFilter(self)
        chats.offered.connect(self._on_chats_offered)
        chats.offer_gone.connect(self._on_chats_offer_gone)
        chats.chat_changed.connect(self._on_chats_chat_changed)
        chats.chats_changed.connect(self._on_chats_chats_changed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.more and event.type() == QEvent.Type.LanguageChange:
            # After the toasts re-fitted their texts; dropped if the label is gone by then.
            QTimer.singleShot(0, self.more, self._retranslate)
        return super().eventFilter(watched, event)

    def _retranslate(self) -> None:
        """The cards' own words (P2: a callback's "when:") follow the language too."""
        for chat_id, toast in self.toasts.items():
            chat = self.chats.chat(chat_id)
            # Only a callback's card has words of ours in its text; refilling a chat's card
            # here re-wrapped its message at the old width (clipped in Russian, test_clipping).
            if chat is not None and toast.callback:
                self._fill(toast, chat.info)
        self._relayout()

    # ---------------------------------------------------------------- queries

    def toast(self, chat_id: int) -> ChatToast | None:
        return self.toasts.get(chat_id)

    def visible_toasts(self) -> list[ChatToast]:
        return [t for t in self.toasts.values() if t.isVisible()]

    @property
    def hidden_count(self) -> int:
        return max(0, len(self.toasts) - self.max_visible)

    # ---------------------------------------------------------------- actions

    def show_offer(self, info: p.ChatInfo) -> ChatToast | None:
        """A toast for this offer (or the existing one, refreshed)."""
        if info.id in self.chats.ignored:
            return None
        toast = self.toasts.get(info.id)
        if toast is None:
            toast = ChatToast(info.id)
            toast.accept_clicked.connect(self._on_toast_accept_clicked)
            toast.reply_sent.connect(self._on_toast_reply_sent)
            toast.ignore_clicked.connect(self._on_toast_ignore_clicked)
            toast.relayout_requested.connect(self._relayout)
            self.toasts[info.id] = toast
        self._fill(toast, info)
        self._relayout()
        return toast

    def dismiss(self, chat_id: int) -> None:
        toast = self.toasts.pop(chat_id, None)
        if toast is None:
            return
        toast.relayout_requested.disconnect(self._relayout)
        toast.hide()
        toast.deleteLater()
        self._relayout()

    def clear(self) -> None:
        for chat_id in list(self.toasts):
            self.dismiss(chat_id)

    def close(self) -> None:
        """Take every toast down for good (the app is quitting)."""
        self.clear()
        self.more.removeEventFilter(self)
        self.more.hide()
        self.more.deleteLater()

    def accept(self, chat_id: int) -> None:
        """Accept from outside a toast (a native notification's button): the same path; a
        callback request's is Call (P2)."""
        chat = self.chats.chat(chat_id)
        if chat is not None and chat.info.callback_number and self.on_call is not None:
            self.on_call(chat_id)
            return
        self.on_accept(chat_id)

    # ---------------------------------------------------------------- from the toasts

    def _on_toast_accept_clicked(self, chat_id: int) -> None:
        toast = self.toasts.get(chat_id)
        if toast is not None and toast.callback and self.on_call is not None:
            toast.set_busy(self.tr("Calling…"))
            self.on_call(chat_id)
            return
        if toast is not None:
            toast.set_busy(self.tr("Opening the chat…"))
        self.on_accept(chat_id)

    def _on_toast_reply_sent(self, chat_id: int, text: str) -> None:
        toast = self.toasts.get(chat_id)
        if toast is not None:
            toast.set_busy(self.tr("Sending…"))
        self.chats.quick_reply(chat_id, text)

    def _on_toast_ignore_clicked(self, chat_id: int) -> None:
        self.chats.ignore(chat_id)  # emits offer_gone: the toast goes
        self.dismiss(chat_id)

    # ---------------------------------------------------------------- from the chats

    def _on_chats_offered(self, info: p.ChatInfo) -> None:
        if self.auto:
            self.show_offer(info)

    def _on_chats_offer_gone(self, chat_id: int) -> None:
        self.dismiss(chat_id)

    def _on_chats_chat_changed(self, chat_id: int) -> None:
        toast = self.toasts.get(chat_id)
        chat = self.chats.chat(chat_id)
        if toast is None:
            return
        if chat is None or not chat.offered:
            self.dismiss(chat_id)
            return
        self._fill(toast, chat.info)

    def _on_chats_chats_changed(self) -> None:
        # Signing out or a reconnect's snapshot can drop chats without an offer_gone each.
        for chat_id in list(self.toasts):
            chat = self.chats.chat(chat_id)
            if chat is None or not chat.offered or chat_id in self.chats.ignored:
                self.dismiss(chat_id)

    # ---------------------------------------------------------------- internals

    def _fill(self, toast: ChatToast, info: p.ChatInfo) -> None:
        chat = self.chats.chat(info.id)
        name = (
            self.chats.display_name(chat)
            if chat is not None
            else visitor_name(info.visitor, QCoreApplication.translate("ChatsService", "Client"))
            if info.visitor is not None
            else ""
        )
        url = info.visitor.page_url if info.visitor is not None else ""
        preview = info.preview
        toast.set_callback(bool(info.callback_number))
        if info.callback_number:  # P2: the number as people write it, and the visitor's time
            number = phone_numbers.check(info.callback_number, "ZZ").international
            preview = number or info.callback_number
            if info.callback_time:
                preview += " · " + self.tr("when: {0}").format(info.callback_time)
        toast.set_info(name, url, preview, info.site_name)

    def _relayout(self) -> None:
        screen = self.screen or QGuiApplication.primaryScreen()
        if screen is None:
            return
        area = screen.availableGeometry()
        right = area.x() + area.width() - SCREEN_MARGIN + SHADOW
        bottom = area.y() + area.height() - SCREEN_MARGIN + SHADOW
        shown = list(self.toasts.values())[: self.max_visible]
        for toast in shown:
            bottom -= toast.height()
            toast.move(right - toast.width(), bottom)
            if not toast.isVisible():
                toast.show()
        for toast in list(self.toasts.values())[self.max_visible :]:
            toast.hide()
        hidden = self.hidden_count
        if hidden:
            self.more.setText(self.tr("+%n more waiting", "", hidden))
            self.more.adjustSize()
            self.more.move(right - SHADOW - self.more.width(), bottom - self.more.height() - 2)
            self.more.show()
        else:
            self.more.hide()
        self.toasts_changed.emit()
