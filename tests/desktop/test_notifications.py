"""Notification type (N4, G4): own toast, native notification, or none, against a real relay.

The freedesktop backend is tested twice: with a stand-in for the bus connection (what goes
out, what comes back), and for real, on a private D-Bus session bus with dunst on Xvfb, where
dunst shows the notification and its Accept button (through dunst's context menu, answered by a
stand-in dmenu) takes the chat.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import tempfile
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
from jeepney import DBusAddress, HeaderFields, Message, Parser
from jeepney.wrappers import new_error, new_method_return, new_signal

from jivo_desktop.net.client import AgentClient
from jivo_desktop.platform.notify import (
    INTERFACE,
    PATH,
    FreedesktopNotifier,
    NativeNotifier,
    TrayMessageNotifier,
    create_notifier,
    notify_call,
)
from jivo_desktop.services.chats import ChatsService
from jivo_desktop.services.notifications import SETTING, NotificationService
from jivo_desktop.services.secrets import Secrets
from jivo_desktop.services.session import SessionService
from jivo_desktop.store import LocalStore
from jivo_desktop.ui.notifications.toast_manager import ToastManager
from tests.desktop.xvfb import Xvfb, require_x_tools
from tests.support.relay import RelayHandle
from tests.support.visitor import Visitor
from tests.support.waiting import until

# ------------------------------------------------------------------ helpers


class Agent:
    """One signed-in agent with a toast manager and the notification service."""

    def __init__(self, store: LocalStore, secrets: Secrets, notifier: NativeNotifier) -> None:
        self.session = SessionService(store, secrets)
        self.chats = ChatsService(self.session, store)
        self.accepted: list[int] = []
        self.toasts = ToastManager(self.chats, self._on_accept)
        self.service = NotificationService(self.chats, store, self.toasts, notifier)

    def _on_accept(self, chat_id: int) -> None:  # the app's: accept and show the chat
        self.accepted.append(chat_id)
        self.chats.accept(chat_id)

    async def sign_in(self, relay: RelayHandle) -> None:
        assert await self.session.sign_in_async(
            relay.http_url, relay.agent_email, relay.agent_password, False
        )

    async def stop(self) -> None:
        self.toasts.close()
        await self.service.notifier.close()
        await self.session.shutdown()


async def visitor_says(relay: RelayHandle, text: str, page: str = "https://shop.example/cart"):
    visitor = Visitor(relay.ws_url, relay.site_key)
    await visitor.connect(page_url=page)
    await visitor.say(text)
    return visitor


def member(message: Message) -> str:
    return str(message.header.fields[HeaderFields.member])


class FakeRouter:
    """Stands in for jeepney's DBusRouter: records what is sent (after checking that it
    marshals with its signature, as the real bus would), answers like a notification server,
    and lets the test send the server's signals."""

    def __init__(self, capabilities: tuple[str, ...] = ("actions", "body", "body-markup")):
        self.capabilities = capabilities
        self.sent: list[Message] = []
        self.queue: asyncio.Queue[Any] | None = None
        self.next_id = 40
        self.refuse = False

    def filter(self, rule: Any, *, queue: asyncio.Queue[Any]) -> Any:
        self.queue = queue
        return self

    def close(self) -> None:
        self.queue = None

    async def send_and_get_reply(self, message: Message) -> Message:
        parser = Parser()
        parser.add_data(message.serialise(serial=len(self.sent) + 1))
        self.sent.append(parser.get_next_message())
        name = member(message)
        if name == "GetCapabilities":
            return new_method_return(message, "as", (list(self.capabilities),))
        if name == "Notify":
            if self.refuse:
                return new_error(message, "org.freedesktop.DBus.Error.Failed", "s", ("full",))
            replaces = message.body[1]
            if not replaces:
                self.next_id += 1
            return new_method_return(message, "u", (replaces or self.next_id,))
        return new_method_return(message)

    def emit(self, name: str, signature: str, body: tuple[Any, ...]) -> None:
        assert self.queue is not None
        emitter = DBusAddress(PATH, bus_name="org.freedesktop.Notifications", interface=INTERFACE)
        self.queue.put_nowait(new_signal(emitter, name, signature, body))

    def calls(self, name: str) -> list[Message]:
        return [m for m in self.sent if member(m) == name]


# ------------------------------------------------------------------ the setting


async def test_type_none_shows_nothing(
    qapp: Any, relay: RelayHandle, local_store: LocalStore, secrets: Secrets
) -> None:
    """N4/G4: "none": a new chat shows neither a toast nor a native notification."""
    local_store.set(SETTING, "none")
    router = FakeRouter()
    notifier = FreedesktopNotifier()
    agent = Agent(local_store, secrets, notifier)
    assert await notifier.start(router)
    offers: list[object] = []
    agent.chats.offered.connect(offers.append)
    await agent.sign_in(relay)
    visitor = await visitor_says(relay, "hola")
    await until(lambda: offers)
    await asyncio.sleep(0.1)
    assert agent.toasts.toasts == {}
    assert router.calls("Notify") == [] and agent.service.native_chats == set()
    await agent.stop()
    await visitor.close()


async def test_native_without_a_notification_server_falls_back_to_the_toast(
    qapp: Any,
    relay: RelayHandle,
    local_store: LocalStore,
    secrets: Secrets,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """N4: "native" where the OS has no notification service (no session bus at all here):
    the start fails soft and every offer gets the own toast."""
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    local_store.set(SETTING, "native")
    notifier = create_notifier(platform="linux")
    assert isinstance(notifier, FreedesktopNotifier)
    agent = Agent(local_store, secrets, notifier)
    assert not await agent.service.start()
    assert not notifier.available
    assert notifier.notify(1, "t", "b", [("accept", "Accept")]) is False
    await agent.sign_in(relay)
    visitor = await visitor_says(relay, "hola")
    toast = await until(lambda: next(iter(agent.toasts.toasts.values()), None))
    assert toast.message.text() == "hola"
    assert agent.service.native_chats == set()
    await agent.stop()
    await visitor.close()


async def test_changing_the_type_applies_at_once(
    qapp: Any, relay: RelayHandle, local_store: LocalStore, secrets: Secrets
) -> None:
    """G4: the choice is stored, and moves what is on screen for the waiting offer at once:
    toast → none (gone) → native (a notification with buttons) → toast (back)."""
    router = FakeRouter()
    notifier = FreedesktopNotifier()
    agent = Agent(local_store, secrets, notifier)
    assert agent.service.kind == "toast"  # the default
    assert await notifier.start(router)
    await agent.sign_in(relay)
    visitor = await visitor_says(relay, "hola")
    chat_id = await until(lambda: next(iter(agent.toasts.toasts), 0))

    agent.service.set_type("none")
    assert agent.toasts.toasts == {} and local_store.get(SETTING) == "none"
    agent.service.set_type("native")
    assert agent.toasts.toasts == {}
    await until(lambda: router.calls("Notify"))
    assert agent.service.native_chats == {chat_id}
    agent.service.set_type("toast")
    await until(lambda: router.calls("CloseNotification"))
    assert list(agent.toasts.toasts) == [chat_id] and agent.service.native_chats == set()
    with pytest.raises(ValueError):
        agent.service.set_type("popup")
    other_toasts = ToastManager(agent.chats, print)
    assert NotificationService(agent.chats, local_store, other_toasts).kind == "toast"  # stored
    other_toasts.close()
    await agent.stop()
    await visitor.close()


# ------------------------------------------------------------------ freedesktop, stand-in bus


async def test_freedesktop_notification_buttons_take_or_ignore_the_chat(
    qapp: Any, relay: RelayHandle, local_store: LocalStore, secrets: Secrets
) -> None:
    """N4/N2/N7: "native" on Linux: Notify with Accept/Ignore, persistent, the visitor's text
    escaped for a markup-capable server; a newer message replaces it in place; Accept takes the
    chat through the app's accept and the notification is closed; Ignore ignores it; a refused
    notification falls back to the toast."""
    await relay.offer_to_everyone()  # written for the rule all
    local_store.set(SETTING, "native")
    router = FakeRouter()
    notifier = FreedesktopNotifier()
    agent = Agent(local_store, secrets, notifier)
    assert await notifier.start(router)
    assert notifier.actions_supported
    assert [member(m) for m in router.sent] == ["AddMatch", "GetCapabilities"]
    await agent.sign_in(relay)

    visitor = await visitor_says(relay, "hola", page="https://shop.example/cart")
    await until(lambda: len(router.calls("Notify")) == 1)
    chat_id = next(iter(agent.chats.chats))
    sent = router.calls("Notify")[0]
    assert sent.header.fields[HeaderFields.signature] == "susssasa{sv}i"
    app, replaces, _icon, title, body, actions, hints, timeout = sent.body
    assert (app, replaces) == ("Jivo Live", 0)
    assert title == f"New chat: Client {visitor.visitor_id}"
    assert body == "shop.example/cart\nhola"
    assert actions == ["accept", "Accept", "ignore", "Ignore"]
    assert hints["urgency"] == ("y", 2) and timeout == 0  # stays until taken (N7)
    assert agent.toasts.toasts == {}
    await until(lambda: agent.service.native_chats == {chat_id} and notifier._by_chat)
    notification_id = notifier._by_chat[chat_id]

    await visitor.say("<b>¿sigue ahí?</b>")
    await until(lambda: len(router.calls("Notify")) == 2)
    update = router.calls("Notify")[1]
    assert update.body[1] == notification_id  # replaced in place, not a second popup
    assert update.body[4] == "shop.example/cart\n&lt;b&gt;¿sigue ahí?&lt;/b&gt;"

    router.emit("ActionInvoked", "us", (notification_id, "accept"))
    await until(lambda: agent.accepted == [chat_id])
    await until(lambda: agent.chats.chats[chat_id].info.state == "active")
    await until(lambda: router.calls("CloseNotification"))
    assert router.calls("CloseNotification")[0].body == (notification_id,)
    assert agent.service.native_chats == set()

    # A colleague online keeps the ignored offer in its round (N3): it does not come back here.
    colleague = AgentClient(relay.ws_url)
    await colleague.sign_in(relay.admin_email, relay.admin_password)
    second = await visitor_says(relay, "otra pregunta")
    await until(lambda: len(router.calls("Notify")) == 3)
    await until(lambda: len(notifier._by_chat) == 1)
    (other_chat, other_id), *_ = notifier._by_chat.items()
    router.emit("ActionInvoked", "us", (other_id, "ignore"))
    await until(lambda: other_chat in agent.chats.ignored)
    await until(lambda: len(router.calls("CloseNotification")) == 2)
    router.emit("ActionInvoked", "us", (12345, "accept"))  # not ours: nothing happens
    await asyncio.sleep(0.05)
    assert agent.accepted == [chat_id]

    router.refuse = True
    third = await visitor_says(relay, "¿y ahora?")
    toast = await until(lambda: next(iter(agent.toasts.toasts.values()), None))
    assert toast.message.text() == "¿y ahora?"
    await agent.stop()
    await colleague.close()
    for v in (visitor, second, third):
        await v.close()


async def test_a_server_without_buttons_means_the_toast(
    qapp: Any, relay: RelayHandle, local_store: LocalStore, secrets: Secrets
) -> None:
    """N4: a notification server without the "actions" capability cannot offer Accept: the
    own toast shows the offer; plain information still goes to the OS."""
    local_store.set(SETTING, "native")
    router = FakeRouter(capabilities=("body",))
    notifier = FreedesktopNotifier()
    agent = Agent(local_store, secrets, notifier)
    assert await notifier.start(router)
    assert notifier.available and not notifier.actions_supported
    await agent.sign_in(relay)
    visitor = await visitor_says(relay, "hola")
    await until(lambda: agent.toasts.toasts)
    assert router.calls("Notify") == []
    assert agent.service.inform("Jivo Live", "<Connection back>")
    await until(lambda: router.calls("Notify"))
    info = router.calls("Notify")[0]
    assert info.body[4] == "<Connection back>"  # no markup capability: sent as is
    assert info.body[5] == [] and info.body[7] == -1
    await agent.stop()
    await visitor.close()


def test_notify_call_marshals_for_a_strict_server() -> None:
    """N4: the Notify body goes out with the exact signature servers check (uint32 id)."""
    message = notify_call(
        "Jivo Live", 7, "T", "a & b", [("accept", "Accept")], markup=True, persistent=False
    )
    raw = message.serialise(serial=1)
    parser = Parser()
    parser.add_data(raw)
    back = parser.get_next_message()
    assert back.header.fields[HeaderFields.signature] == "susssasa{sv}i"
    assert back.body[1] == 7 and back.body[4] == "a &amp; b" and back.body[7] == -1


async def test_other_oses_use_tray_messages_without_buttons(qapp: Any) -> None:
    """N4: Windows and macOS: QSystemTrayIcon messages have no buttons, so an offer is not
    sent there (the toast takes it); without a tray nothing is available; an unknown OS gets
    the "none" backend. Nothing raises."""
    for platform in ("win32", "darwin"):
        notifier = create_notifier(None, platform=platform)
        assert isinstance(notifier, TrayMessageNotifier)
        assert await notifier.start() is False
        assert notifier.notify(1, "t", "b", [("accept", "Accept")]) is False
        assert notifier.inform("t", "b") is False
        notifier.withdraw(1)
    plain = create_notifier(platform="sunos5")
    assert type(plain) is NativeNotifier and not await plain.start()


# ------------------------------------------------------------------ freedesktop, for real

BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path={socket}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""
# dunst's context menu (what `dunstctl action` opens for a notification with several buttons)
# runs dmenu with one line per action, like "#Accept (New chat: Client 1) [41,accept]"; this
# stand-in picks Accept, as a person would.
FAKE_DMENU = "#!/bin/sh\ngrep -m1 -F ',accept]'\n"


def require(*tools: str) -> None:
    missing = [tool for tool in tools if shutil.which(tool) is None]
    if not missing:
        return
    message = (
        f"{', '.join(missing)} not found: `apt-get install --no-install-recommends dbus dunst`"
    )
    if os.environ.get("CI"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@pytest.fixture
def private_bus() -> Iterator[str]:
    """A session bus of this test only (no service files: nothing starts by itself on it)."""
    require("dbus-daemon")
    folder = Path(tempfile.mkdtemp(prefix="jivo-bus-"))  # a short path: sockets have a limit
    config = folder / "session.conf"
    config.write_text(BUS_CONFIG.format(socket=folder / "bus"))
    daemon = subprocess.Popen(
        ["dbus-daemon", f"--config-file={config}", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,  # as root: "Failed to set fd limit", harmless
        text=True,
    )
    try:
        assert daemon.stdout is not None
        address = daemon.stdout.readline().strip()
        assert address.startswith("unix:"), address
        yield address
    finally:
        daemon.terminate()
        daemon.wait(timeout=10)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
async def dunst(private_bus: str, tmp_path: Path) -> AsyncIterator[str]:
    """dunst on an Xvfb display, serving org.freedesktop.Notifications on the private bus."""
    require("dunst", "dunstctl")
    require_x_tools()
    display = Xvfb()
    env = {
        **os.environ,
        "DISPLAY": display.start(),
        "DBUS_SESSION_BUS_ADDRESS": private_bus,
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / ".config"),
    }
    dmenu = tmp_path / "dmenu.sh"
    dmenu.write_text(FAKE_DMENU)
    dmenu.chmod(0o755)
    config = tmp_path / "dunstrc"
    config.write_text(f"[global]\n    dmenu = {dmenu}\n")
    proc = await asyncio.create_subprocess_exec(
        "dunst",
        "-config",
        str(config),
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        await until(lambda: _dunst_answers(private_bus), timeout=10)
        yield private_bus
    finally:
        proc.terminate()
        await asyncio.wait_for(proc.wait(), 10)
        display.stop()


def _dunst_answers(bus: str) -> bool:
    return dunstctl(bus, "count", "displayed") != ""


def dunstctl(bus: str, *args: str) -> str:
    done = subprocess.run(
        ["dunstctl", *args],
        env={**os.environ, "DBUS_SESSION_BUS_ADDRESS": bus},
        capture_output=True,
        text=True,
        timeout=10,
    )
    return done.stdout.strip() if done.returncode == 0 else ""


async def test_a_bus_without_a_notification_server_is_not_available(
    qapp: Any, private_bus: str
) -> None:
    """N4: a session bus but no notification server: not available, no exception."""
    notifier = FreedesktopNotifier(private_bus)
    assert await notifier.start() is False
    assert notifier.notify(1, "t", "b") is False
    await notifier.close()


async def test_dunst_shows_the_offer_and_its_accept_button_takes_the_chat(
    qapp: Any, relay: RelayHandle, local_store: LocalStore, secrets: Secrets, dunst: str
) -> None:
    """N4/N2/N7 on a real notification server: the offer is on screen with Accept/Ignore;
    choosing Accept takes the chat through the app; the notification then goes away."""
    local_store.set(SETTING, "native")
    notifier = FreedesktopNotifier(dunst)
    agent = Agent(local_store, secrets, notifier)
    assert await agent.service.start()
    assert notifier.actions_supported
    await agent.sign_in(relay)
    visitor = await visitor_says(relay, "hola")
    await until(lambda: notifier._by_chat)
    (chat_id,) = notifier._by_chat
    await until(lambda: dunstctl(dunst, "count", "displayed") == "1")
    assert agent.toasts.toasts == {}

    await asyncio.to_thread(dunstctl, dunst, "action", "0")  # the context menu picks Accept
    await until(lambda: agent.accepted == [chat_id])
    await until(lambda: agent.chats.chats[chat_id].info.state == "active")
    await until(lambda: dunstctl(dunst, "count", "displayed") == "0")
    await agent.stop()
    await visitor.close()
