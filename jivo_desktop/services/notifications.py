"""How a new chat is announced (N4, G4): the app's own toast, the OS's native notification, or
nothing, by the setting ``notifications.type`` (``toast`` | ``native`` | ``none``).

Native notifications carry Accept and Ignore where the OS has buttons; where it has none (or no
notification server at all, or the server refused one) the offer falls back to the own toast,
which also has Quick reply. Changing the setting applies at once to the offers already waiting.
"""

from __future__ import annotations

import logging
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, Signal

from jivo_desktop.platform.notify import NativeNotifier
from jivo_desktop.services.chats import ChatsService, visitor_name
from jivo_desktop.store import LocalStore
from server import protocol as p

log = logging.getLogger(__name__)

SETTING = "notifications.type"
KINDS = ("toast", "native", "none")
DEFAULT_KIND = "toast"


class Toasts(Protocol):
    """What this service needs of the toasts' ``ToastManager``
    (``jivo_desktop/ui/notifications/toast_manager.py``; kept as a protocol so that services
    import no widget module)."""

    auto: bool

    def show_offer(self, info: p.ChatInfo) -> object: ...

    def dismiss(self, chat_id: int) -> None: ...

    def clear(self) -> None: ...

    def accept(self, chat_id: int) -> None: ...


def _display_url(url: str) -> str:
    for prefix in ("https://", "http://"):
        if url.startswith(prefix):
            return url[len(prefix) :]
    return url


class NotificationService(QObject):
    """Signals: ``type_changed(str)``; ``open_requested(int)`` when a native notification
    itself (not one of its buttons) was clicked: the app brings its window forward."""

    type_changed = Signal(str)
    open_requested = Signal(int)

    def __init__(
        self,
        chats: ChatsService,
        store: LocalStore,
        toasts: Toasts,
        notifier: NativeNotifier | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.chats = chats
        self.store = store
        self.toasts = toasts
        self.notifier = notifier or NativeNotifier(self)
        kind = store.get(SETTING, DEFAULT_KIND)
        self.kind = kind if kind in KINDS else DEFAULT_KIND
        self.toasts.auto = self.kind == "toast"
        self._native: dict[int, str] = {}  # chat id -> the body shown, to update on change
        chats.offered.connect(self._on_chats_offered)
        chats.offer_gone.connect(self._on_chats_offer_gone)
        chats.chat_changed.connect(self._on_chats_chat_changed)
        chats.chats_changed.connect(self._on_chats_chats_changed)
        self.notifier.action_invoked.connect(self._on_notifier_action_invoked)
        self.notifier.failed.connect(self._on_notifier_failed)
        self.notifier.closed.connect(self._on_notifier_closed)

    async def start(self) -> bool:
        """Ask the OS whether it can notify (D-Bus on Linux); until then offers use the toast."""
        return await self.notifier.start()

    @property
    def native_chats(self) -> set[int]:
        """The chats announced by a native notification right now."""
        return set(self._native)

    # -------------------------------------------------------------- settings (G4)

    def set_type(self, kind: str) -> None:
        """Store the choice and apply it now: what is on screen for the waiting offers moves to
        the new kind (or goes, for ``none``)."""
        if kind not in KINDS:
            raise ValueError(f"notification type must be one of {KINDS}, not {kind!r}")
        self.store.set(SETTING, kind)
        if kind == self.kind:
            return
        for chat_id in list(self._native):
            self.notifier.withdraw(chat_id)
        self._native.clear()
        self.toasts.clear()
        self.kind = kind
        self.toasts.auto = kind == "toast"
        for chat in self.chats.waiting():
            self._present(chat.info)
        self.type_changed.emit(kind)

    def inform(self, title: str, body: str) -> bool:
        """Plain information (no buttons) through the OS, when native notifications are on and
        the OS can show them. False: not shown; the caller shows it in the window."""
        return self.kind == "native" and self.notifier.inform(title, body)

    # -------------------------------------------------------------- presenting

    def _present(self, info: p.ChatInfo) -> None:
        if self.kind == "toast":
            self.toasts.show_offer(info)
        elif self.kind == "native":
            self._present_native(info)

    def _present_native(self, info: p.ChatInfo) -> None:
        title, body = self._texts(info)
        # P2: a callback request's first button calls (the toast manager's on_call).
        accept = self.tr("Call") if info.callback_number else self.tr("Accept")
        actions = [("accept", accept), ("ignore", self.tr("Ignore"))]
        if self.notifier.notify(info.id, title, body, actions):
            self._native[info.id] = body
        else:
            self.toasts.show_offer(info)  # no buttons, no server: the own toast (N4)

    def _texts(self, info: p.ChatInfo) -> tuple[str, str]:
        chat = self.chats.chat(info.id)
        name = (
            self.chats.display_name(chat)
            if chat is not None
            else visitor_name(info.visitor, QCoreApplication.translate("ChatsService", "Client"))
            if info.visitor is not None
            else ""
        )
        if info.callback_number:
            title = self.tr("Callback request: {0}").format(name)
        else:
            title = self.tr("New chat: {0}").format(name)
        url = info.visitor.page_url if info.visitor is not None else ""
        lines = [_display_url(url), " ".join(info.preview.split())]
        return title, "\n".join(line for line in lines if line)

    def _waiting(self, chat_id: int) -> p.ChatInfo | None:
        chat = self.chats.chat(chat_id)
        if chat is None or not chat.offered or chat_id in self.chats.ignored:
            return None
        return chat.info

    # -------------------------------------------------------------- from the chats

    def _on_chats_offered(self, info: p.ChatInfo) -> None:
        if self.kind == "native":
            self._present_native(info)
        # "toast": the toast manager shows it by itself (auto); "none": nothing.

    def _on_chats_offer_gone(self, chat_id: int) -> None:
        if self._native.pop(chat_id, None) is not None:
            self.notifier.withdraw(chat_id)

    def _on_chats_chat_changed(self, chat_id: int) -> None:
        if chat_id not in self._native:
            return
        info = self._waiting(chat_id)
        if info is None:
            self._on_chats_offer_gone(chat_id)
            return
        _title, body = self._texts(info)
        if body != self._native[chat_id]:  # the visitor wrote again: show the new text
            self._present_native(info)

    def _on_chats_chats_changed(self) -> None:
        for chat_id in list(self._native):
            if self._waiting(chat_id) is None:
                self._on_chats_offer_gone(chat_id)

    # -------------------------------------------------------------- from the OS

    def _on_notifier_action_invoked(self, chat_id: int, action: str) -> None:
        if action == "accept":
            if self._waiting(chat_id) is not None:
                self.toasts.accept(chat_id)
        elif action == "ignore":
            if self._waiting(chat_id) is not None:
                self.chats.ignore(chat_id)
        else:
            self.open_requested.emit(chat_id)

    def _on_notifier_failed(self, chat_id: int) -> None:
        self._native.pop(chat_id, None)
        info = self._waiting(chat_id)
        if info is not None and self.kind == "native":
            log.info("chat %s: native notification failed, showing the own toast", chat_id)
            self.toasts.show_offer(info)

    def _on_notifier_closed(self, chat_id: int) -> None:
        # Dismissed on the OS side: the offer still waits in the chat list and the tray count.
        self._native.pop(chat_id, None)
