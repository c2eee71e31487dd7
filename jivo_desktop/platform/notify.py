"""Native OS notifications (N4), one backend per OS behind :class:`NativeNotifier`.

* Linux (and the BSDs): the freedesktop ``org.freedesktop.Notifications`` service on the session
  bus, with Accept/Ignore buttons where the server has the ``actions`` capability.
* Windows and macOS: ``QSystemTrayIcon.showMessage``, which needs no extra compiled dependency
  but has no buttons: ``actions_supported`` is False, so an offer falls back to the app's own
  toast (N4: "fall back to the own toast where it has none"); plain information still goes
  through it.

Every backend fails soft: no bus, no notification server, no tray means ``available`` is False
and :meth:`NativeNotifier.notify` returns False, never an exception. Nothing here raises at import
on another OS: the D-Bus library is imported only when the Linux backend starts.

Why the Linux backend speaks D-Bus through ``jeepney`` (pure Python, on asyncio, already installed
on Linux as a dependency of ``keyring``) and not through ``PySide6.QtDBus``: ``Notify`` takes
``replaces_id`` as a D-Bus ``uint32`` (signature ``susssasa{sv}i``), and PySide6 has no way to
produce one. A Python int becomes ``int32`` in a ``QDBusMessage`` argument list and ``uint16``
through ``QDBusArgument <<`` (the only integer overload it exposes); ``QDBusInterface`` marshals
``uint`` only for methods whose every argument has a known Qt type, and ``a{sv}`` (the hints) has
none. Servers check the signature strictly: dunst answers "Type of message “(sisssasa{sv}i)” does
not match expected type “(susssasa{sv}i)”" (checked with PySide6 6.12 and dunst 1.9). The signals
(``ActionInvoked``, ``NotificationClosed``) are sent to the connection that created the
notification, so sending and listening must share one connection: jeepney does both.
"""

from __future__ import annotations

import asyncio
import html
import logging
import sys
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QSystemTrayIcon

from jivo_desktop.bidi import isolate
from jivo_desktop.tasks import spawn

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
INTERFACE = "org.freedesktop.Notifications"
NOTIFY_SIGNATURE = "susssasa{sv}i"
CALL_TIMEOUT_S = 5.0
CLOSED_BY_CALL = 3  # NotificationClosed reason: closed by a call to CloseNotification

Action = tuple[str, str]  # (key, label): ("accept", "Accept")


class NativeNotifier(QObject):
    """What the notification service needs from the OS. This base class is also the "none"
    backend: never available.

    Signals:

    * ``action_invoked(int, str)``: chat id and action key (``accept``, ``ignore``, or
      ``default`` when the notification itself was clicked);
    * ``closed(int)``: the OS or the person dismissed a chat's notification;
    * ``failed(int)``: a notification that :meth:`notify` accepted could not be shown after all
      (the server refused it, the bus went away): the caller falls back to its own toast.
    """

    action_invoked = Signal(int, str)
    closed = Signal(int)
    failed = Signal(int)

    name = "none"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.available = False
        self.actions_supported = False

    async def start(self) -> bool:
        """Find out whether the OS can show notifications; True when it can."""
        return self.available

    def notify(self, chat_id: int, title: str, body: str, actions: Sequence[Action] = ()) -> bool:
        """Show (or update) the notification of ``chat_id``. False: the OS cannot, or cannot
        with these buttons; the caller shows its own toast instead."""
        return False

    def withdraw(self, chat_id: int) -> None:
        """Take the chat's notification off the screen (it was taken, ignored or missed)."""

    def inform(self, title: str, body: str) -> bool:
        """Plain information, no buttons, not tied to a chat. False: not shown."""
        return False

    async def close(self) -> None:
        """Release what :meth:`start` opened."""


# ------------------------------------------------------------------ freedesktop (Linux, BSD)


def notify_call(
    app_name: str,
    replaces_id: int,
    title: str,
    body: str,
    actions: Sequence[Action],
    *,
    markup: bool,
    persistent: bool,
) -> Any:
    """The ``Notify`` method call (a jeepney ``Message``).

    ``markup``: the server renders a subset of HTML in the body (capability ``body-markup``), so
    the body, which carries text a visitor typed, is escaped. ``persistent``: an offer stays
    until the chat is taken or gone (N7): no expiry, critical urgency (which servers do not
    time out either)."""
    from jeepney import DBusAddress, new_method_call

    flat: list[str] = []
    for key, label in actions:
        flat += [key, label]
    hints: dict[str, tuple[str, Any]] = {
        "urgency": ("y", 2 if persistent else 1),
        "category": ("s", "im.received"),
        "desktop-entry": ("s", "jivo-desktop"),
    }
    address = DBusAddress(PATH, bus_name=SERVICE, interface=INTERFACE)
    return new_method_call(
        address,
        "Notify",
        NOTIFY_SIGNATURE,
        (
            app_name,
            replaces_id,
            "",
            plain_summary(title),
            html.escape(body, quote=False) if markup else body,
            flat,
            hints,
            0 if persistent else -1,
        ),
    )


# The summary carries a visitor's name. The spec defines markup for the body only, and servers
# differ: dunst and GNOME Shell show the summary as plain text (so "&lt;" would show as such),
# others may render it. Characters that markup needs are swapped for look-alikes, so the summary
# reads the same and is plain on every server (finding 21).
_SUMMARY_LOOKALIKES = str.maketrans({"<": "\u2039", ">": "\u203a", "&": "\uff06"})


def plain_summary(title: str) -> str:
    """A notification summary that no server can read as markup: ``<``, ``>`` and ``&``
    become ``‹``, ``›`` and ``＆``; line breaks become spaces; bidi controls are isolated."""
    return isolate(" ".join(title.split()).translate(_SUMMARY_LOOKALIKES))


def close_call(notification_id: int) -> Any:
    from jeepney import DBusAddress, new_method_call

    address = DBusAddress(PATH, bus_name=SERVICE, interface=INTERFACE)
    return new_method_call(address, "CloseNotification", "u", (notification_id,))


class FreedesktopNotifier(NativeNotifier):
    """``org.freedesktop.Notifications`` on the session bus (``bus``: ``"SESSION"`` or a D-Bus
    address such as ``unix:path=/tmp/bus``, as the tests use).

    ``start()`` connects, asks the server for its capabilities (which also starts a
    D-Bus-activatable server) and subscribes to its signals. Until it has succeeded,
    ``available`` is False and offers go to the own toast."""

    name = "freedesktop"

    def __init__(
        self, bus: str = "SESSION", app_name: str = "Jivo Live", parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.bus = bus
        self.app_name = app_name
        self.capabilities: list[str] = []
        self._router: Any = None
        self._router_cm: Any = None
        self._filter: Any = None
        self._reader: asyncio.Task[None] | None = None
        self._by_chat: dict[int, int] = {}  # chat id -> notification id
        self._by_id: dict[int, int] = {}  # notification id -> chat id
        self._wanted: set[int] = set()  # chats whose notification should be on screen
        self._sending: dict[int, asyncio.Task[None]] = {}

    async def start(self, router: Any = None) -> bool:
        """``router``: an already open jeepney ``DBusRouter`` (or a stand-in in unit tests)."""
        if self.available:
            return True
        try:
            if router is None:
                from jeepney.io.asyncio import open_dbus_router

                cm = open_dbus_router(self.bus)
                router = await asyncio.wait_for(cm.__aenter__(), CALL_TIMEOUT_S)
                self._router_cm = cm  # only once open: close() exits what was entered
            self._router = router
            await self._subscribe(router)
            reply = await self._call(_method("GetCapabilities"))
        except Exception as exc:  # no bus address, no bus, no server, no jeepney: fail soft
            log.info("native notifications unavailable (%s: %s)", type(exc).__name__, exc)
            await self.close()
            return False
        self.capabilities = [str(c) for c in reply[0]]
        self.actions_supported = "actions" in self.capabilities
        self.available = True
        log.info("native notifications through D-Bus; server capabilities %s", self.capabilities)
        return True

    async def _subscribe(self, router: Any) -> None:
        from jeepney import MatchRule, message_bus

        rule = MatchRule(type="signal", interface=INTERFACE, path=PATH)
        queue: asyncio.Queue[Any] = asyncio.Queue()
        self._filter = router.filter(rule, queue=queue)
        reply = await asyncio.wait_for(
            router.send_and_get_reply(message_bus.AddMatch(rule)), CALL_TIMEOUT_S
        )
        _body(reply)
        self._reader = spawn(self._read(queue), "notify-signals")

    async def _read(self, queue: asyncio.Queue[Any]) -> None:
        while True:
            self.handle_signal(await queue.get())

    def handle_signal(self, message: Any) -> None:
        """A signal of the server: an action on one of our notifications, or its closing."""
        from jeepney import HeaderFields

        member = message.header.fields.get(HeaderFields.member)
        if member == "ActionInvoked":
            notification_id, key = message.body
            chat_id = self._by_id.get(notification_id)
            if chat_id is not None:
                self.action_invoked.emit(chat_id, str(key))
        elif member == "NotificationClosed":
            notification_id, reason = message.body
            chat_id = self._by_id.pop(notification_id, None)
            if chat_id is None:
                return
            if self._by_chat.get(chat_id) == notification_id:
                del self._by_chat[chat_id]
            self._wanted.discard(chat_id)
            if reason != CLOSED_BY_CALL:
                self.closed.emit(chat_id)

    def notify(self, chat_id: int, title: str, body: str, actions: Sequence[Action] = ()) -> bool:
        if not self.available or (actions and not self.actions_supported):
            return False
        self._wanted.add(chat_id)
        previous = self._sending.get(chat_id)
        task = spawn(self._notify(chat_id, title, body, tuple(actions), previous), "notify")
        self._sending[chat_id] = task
        return True

    async def _notify(
        self,
        chat_id: int,
        title: str,
        body: str,
        actions: tuple[Action, ...],
        previous: asyncio.Task[None] | None,
    ) -> None:
        if previous is not None:  # an update waits for the first one's id, then replaces it
            await asyncio.gather(previous, return_exceptions=True)
        message = notify_call(
            self.app_name,
            self._by_chat.get(chat_id, 0),
            title,
            body,
            actions,
            markup="body-markup" in self.capabilities,
            persistent=bool(actions),
        )
        try:
            (notification_id,) = await self._call(message)
        except Exception as exc:
            log.warning("native notification of chat %s refused: %s", chat_id, exc)
            self._done_sending(chat_id)
            if chat_id in self._wanted:
                self._wanted.discard(chat_id)
                self.failed.emit(chat_id)
            return
        self._done_sending(chat_id)
        if chat_id not in self._wanted:  # withdrawn while the server was answering
            await self._close_id(notification_id)
            return
        self._by_chat[chat_id] = notification_id
        self._by_id[notification_id] = chat_id

    def _done_sending(self, chat_id: int) -> None:
        if self._sending.get(chat_id) is asyncio.current_task():
            del self._sending[chat_id]

    def withdraw(self, chat_id: int) -> None:
        self._wanted.discard(chat_id)
        notification_id = self._by_chat.pop(chat_id, None)
        if notification_id is not None:
            self._by_id.pop(notification_id, None)
            spawn(self._close_id(notification_id), "notify-close")

    async def _close_id(self, notification_id: int) -> None:
        try:
            await self._call(close_call(notification_id))
        except Exception as exc:  # already gone, or the bus went away: nothing to take down
            log.info("notification %s not closed: %s", notification_id, exc)

    def inform(self, title: str, body: str) -> bool:
        if not self.available:
            return False
        message = notify_call(
            self.app_name,
            0,
            title,
            body,
            (),
            markup="body-markup" in self.capabilities,
            persistent=False,
        )
        spawn(self._inform(message), "notify-inform")
        return True

    async def _inform(self, message: Any) -> None:
        try:
            await self._call(message)
        except Exception as exc:
            log.info("information not shown natively: %s", exc)

    async def _call(self, message: Any) -> Any:
        if self._router is None:
            raise ConnectionError("not connected to the session bus")
        reply = await asyncio.wait_for(self._router.send_and_get_reply(message), CALL_TIMEOUT_S)
        return _body(reply)

    async def close(self) -> None:
        self.available = False
        for task in [self._reader, *self._sending.values()]:
            if task is not None:
                task.cancel()
        self._reader = None
        self._sending.clear()
        if self._filter is not None:
            self._filter.close()
            self._filter = None
        cm, self._router_cm, self._router = self._router_cm, None, None
        if cm is not None:
            try:
                await cm.__aexit__(None, None, None)
            except Exception as exc:
                log.info("session bus connection closed with %s", exc)


def _method(name: str, signature: str | None = None, body: tuple[Any, ...] = ()) -> Any:
    from jeepney import DBusAddress, new_method_call

    address = DBusAddress(PATH, bus_name=SERVICE, interface=INTERFACE)
    return new_method_call(address, name, signature, body)


def _body(reply: Any) -> Any:
    from jeepney.wrappers import unwrap_msg

    return unwrap_msg(reply)  # raises DBusErrorResponse for an error reply


# ------------------------------------------------------------------ Windows, macOS


class TrayMessageNotifier(NativeNotifier):
    """``QSystemTrayIcon.showMessage``: a Windows toast / macOS notification through the tray
    icon. No buttons and no way to take a message back, so offers go to the own toast
    (``notify`` with actions returns False) and only plain information goes here."""

    name = "tray"

    def __init__(self, tray: QSystemTrayIcon | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tray = tray
        self._last_chat = 0
        if tray is not None:
            tray.messageClicked.connect(self._on_tray_message_clicked)

    async def start(self) -> bool:
        self.available = bool(
            self.tray is not None
            and QSystemTrayIcon.isSystemTrayAvailable()
            and QSystemTrayIcon.supportsMessages()
        )
        return self.available

    def notify(self, chat_id: int, title: str, body: str, actions: Sequence[Action] = ()) -> bool:
        if actions or not self._show(title, body):
            return False
        self._last_chat = chat_id
        return True

    def inform(self, title: str, body: str) -> bool:
        if self._show(title, body):
            self._last_chat = 0
            return True
        return False

    def _show(self, title: str, body: str) -> bool:
        if not self.available or self.tray is None or not self.tray.isVisible():
            return False
        self.tray.showMessage(title, body, QSystemTrayIcon.MessageIcon.Information, 8000)
        return True

    def _on_tray_message_clicked(self) -> None:
        if self._last_chat:
            self.action_invoked.emit(self._last_chat, "default")


def create_notifier(
    tray: QSystemTrayIcon | None = None,
    *,
    bus: str = "SESSION",
    platform: str = sys.platform,
    parent: QObject | None = None,
) -> NativeNotifier:
    """The backend for this OS (not started: ``await notifier.start()``)."""
    if platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return FreedesktopNotifier(bus, parent=parent)
    if platform in ("win32", "darwin"):
        return TrayMessageNotifier(tray, parent=parent)
    return NativeNotifier(parent)
