"""The chat-request toast against a real relay (N1, N2, N7): what it shows, Accept, Quick reply,
Ignore, two agents, and a stack of offers. Screenshots go to tests/artifacts/."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPainter, QPixmap
from PySide6.QtTest import QTest

from jivo_desktop.net.client import AgentClient
from jivo_desktop.services.chats import ChatsService
from jivo_desktop.services.secrets import Secrets
from jivo_desktop.services.session import SessionService
from jivo_desktop.store import LocalStore
from jivo_desktop.ui.notifications.chat_toast import ChatToast, elide_lines
from jivo_desktop.ui.notifications.toast_manager import ToastManager
from server import protocol as p
from tests.support.relay import RelayHandle
from tests.support.visitor import Visitor
from tests.support.waiting import until

LONG_URL = (
    "https://shop.example/catalogue/kitchen/coffee-machines/espresso-pro-3000"
    "?utm_source=newsletter&utm_campaign=spring-sale"
)


@pytest.fixture
def managers() -> Iterator[list[ToastManager]]:
    """Every ToastManager a test makes is closed at its end (no stray top-level windows)."""
    made: list[ToastManager] = []
    yield made
    for manager in made:
        manager.close()


async def signed_in(
    relay: RelayHandle, store: LocalStore, secrets: Secrets, *, admin: bool = False
) -> tuple[SessionService, ChatsService]:
    session = SessionService(store, secrets)
    chats = ChatsService(session, store)
    email, password = (
        (relay.admin_email, relay.admin_password)
        if admin
        else (relay.agent_email, relay.agent_password)
    )
    assert await session.sign_in_async(relay.http_url, email, password, False)
    return session, chats


def only_toast(manager: ToastManager) -> ChatToast | None:
    return next(iter(manager.toasts.values()), None)


async def test_toast_shows_the_request_and_accept_opens_the_chat(
    qapp: Any,
    relay: RelayHandle,
    local_store: LocalStore,
    secrets: Secrets,
    managers: list[ToastManager],
    artifacts: Path,
) -> None:
    """N1/N2/N7: a visitor writes; a toast at the bottom-right shows "Client <id>", the page and
    the text, and follows what the visitor writes next; Accept hands the chat id to the app,
    which accepts; the toast goes."""
    session, chats = await signed_in(relay, local_store, secrets)
    accepted: list[int] = []

    def on_accept(chat_id: int) -> None:  # what the app does: accept, show the chat
        accepted.append(chat_id)
        chats.accept(chat_id)

    toasts = ToastManager(chats, on_accept)
    managers.append(toasts)
    visitor = Visitor(relay.ws_url, relay.site_key)
    await visitor.connect(page_url=LONG_URL)
    await visitor.say("hola")
    toast = await until(lambda: only_toast(toasts))
    chat_id = toast.chat_id
    assert toast.isVisible()
    assert toast.name.text() == f"Client {visitor.visitor_id}"
    assert toast.url.toolTip() == LONG_URL
    assert toast.url.text().startswith("shop.example/catalogue/")
    assert "…" in toast.url.text()  # elided, not cut off
    assert toast.message.text() == "hola"
    assert toast.header.text() == "NEW CHAT"
    assert [b.text() for b in (toast.accept_button, toast.quick_button, toast.ignore_button)] == [
        "Accept",
        "Quick reply",
        "Ignore",
    ]

    # A frameless card on top that never takes the focus from the agent's current window.
    flags = toast.windowFlags()
    for flag in (
        Qt.WindowType.Tool,
        Qt.WindowType.FramelessWindowHint,
        Qt.WindowType.WindowStaysOnTopHint,
        Qt.WindowType.WindowDoesNotAcceptFocus,
    ):
        assert flags & flag
    assert toast.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    area = QGuiApplication.primaryScreen().availableGeometry()
    assert area.contains(toast.geometry())
    assert area.right() - toast.geometry().right() < 20
    assert area.bottom() - toast.geometry().bottom() < 20

    # The visitor writes again: the toast shows the latest words (N7: it stays, no timeout).
    await visitor.say("Hola, ¿tienen envío gratis a Valencia para la cafetera Espresso Pro?")
    await until(lambda: "Valencia" in toast.message.text())
    assert toast.message.text().count("\n") == 1  # two lines, word-wrapped by the toast
    toast.grab().save(str(artifacts / "toast.png"))

    QTest.mouseClick(toast.accept_button, Qt.MouseButton.LeftButton)
    assert accepted == [chat_id]
    assert toast.busy  # no second click while the relay answers
    await until(lambda: chat_id not in toasts.toasts)
    assert not toast.isVisible()
    assert chats.chats[chat_id].info.state == "active"
    # The relay pushes the taken chat before it answers the accept; the chat is shown on the answer.
    await until(lambda: chats.current == chat_id)
    await session.shutdown()
    await visitor.close()


async def test_quick_reply_answers_from_the_toast(
    qapp: Any,
    relay: RelayHandle,
    local_store: LocalStore,
    secrets: Secrets,
    managers: list[ToastManager],
    artifacts: Path,
) -> None:
    """N2: Quick reply opens a field in the toast; Esc closes it; Enter sends: the visitor gets
    the text, the chat is this agent's, the toast is gone, and no window was opened on it."""
    session, chats = await signed_in(relay, local_store, secrets)
    toasts = ToastManager(chats, lambda chat_id: pytest.fail("Accept was not clicked"))
    managers.append(toasts)
    visitor = Visitor(relay.ws_url, relay.site_key)
    await visitor.connect(page_url="https://shop.example/cart")
    await visitor.say("¿Hacen factura?")
    toast = await until(lambda: only_toast(toasts))
    chat_id = toast.chat_id
    height = toast.height()

    QTest.mouseClick(toast.quick_button, Qt.MouseButton.LeftButton)
    assert toast.replying and toast.reply_edit.isVisible()
    assert not toast.windowFlags() & Qt.WindowType.WindowDoesNotAcceptFocus  # typing needs it
    QTest.keyClicks(toast.reply_edit, "never mind")
    QTest.keyClick(toast.reply_edit, Qt.Key.Key_Escape)
    assert not toast.replying and toast.reply_edit.text() == ""
    assert toast.windowFlags() & Qt.WindowType.WindowDoesNotAcceptFocus
    assert toast.height() == height

    answer = "Yes! We send the invoice by e-mail."  # keyClicks types ASCII only
    QTest.mouseClick(toast.quick_button, Qt.MouseButton.LeftButton)
    QTest.keyClicks(toast.reply_edit, answer)
    toast.grab().save(str(artifacts / "toast-quick-reply.png"))
    QTest.keyClick(toast.reply_edit, Qt.Key.Key_Return)
    await visitor.wait_for(lambda f: isinstance(f, p.EventPush) and f.event.text == answer)
    await until(lambda: chat_id not in toasts.toasts)
    assert chats.chats[chat_id].info.state == "active"
    assert chats.chats[chat_id].info.agent_id == session.agent.id  # type: ignore[union-attr]
    assert chats.current == 0  # the window was never opened on it
    await session.shutdown()
    await visitor.close()


async def test_the_toast_goes_on_every_screen_when_one_agent_accepts(
    qapp: Any,
    relay: RelayHandle,
    local_store: LocalStore,
    secrets: Secrets,
    managers: list[ToastManager],
    tmp_path: Path,
) -> None:
    """N7: two agents both get the toast; one accepts; the other's toast disappears at once."""
    await relay.offer_to_everyone()  # written for the rule all
    ana, ana_chats = await signed_in(relay, local_store, secrets)
    boss_store = LocalStore(tmp_path / "boss.db")
    boss, boss_chats = await signed_in(relay, boss_store, secrets, admin=True)
    ana_toasts = ToastManager(ana_chats, lambda chat_id: ana_chats.accept(chat_id))
    boss_toasts = ToastManager(boss_chats, lambda chat_id: boss_chats.accept(chat_id))
    managers += [ana_toasts, boss_toasts]
    visitor = Visitor(relay.ws_url, relay.site_key)
    await visitor.connect()
    await visitor.say("¿hay alguien?")
    boss_toast = await until(lambda: only_toast(boss_toasts))
    ana_toast = await until(lambda: only_toast(ana_toasts))
    assert ana_toast.chat_id == boss_toast.chat_id
    chat_id = ana_toast.chat_id

    QTest.mouseClick(ana_toast.accept_button, Qt.MouseButton.LeftButton)
    await until(lambda: chat_id not in boss_toasts.toasts)
    assert not boss_toast.isVisible()
    await until(lambda: chat_id not in ana_toasts.toasts)
    assert ana_chats.chats[chat_id].info.state == "active"
    await ana.shutdown()
    await boss.shutdown()
    boss_store.close()
    await visitor.close()


async def test_ignore_hides_the_toast_until_the_ladder_brings_it_back(
    qapp: Any,
    relay: RelayHandle,
    local_store: LocalStore,
    secrets: Secrets,
    managers: list[ToastManager],
) -> None:
    """N1/N3: Ignore takes this agent's toast down and tells the relay; while a colleague still
    has the offer, the visitor writing again does not bring it back; once the colleague ignores
    it too, the relay offers it again (round 2) and the toast returns."""
    await relay.offer_to_everyone()  # written for the rule all
    session, chats = await signed_in(relay, local_store, secrets)
    boss = AgentClient(relay.ws_url)
    await boss.sign_in(relay.admin_email, relay.admin_password)
    toasts = ToastManager(chats, lambda chat_id: pytest.fail("Accept was not clicked"))
    managers.append(toasts)
    visitor = Visitor(relay.ws_url, relay.site_key)
    await visitor.connect()
    await visitor.say("hola")
    toast = await until(lambda: only_toast(toasts))
    chat_id = toast.chat_id

    QTest.mouseClick(toast.ignore_button, Qt.MouseButton.LeftButton)
    assert chat_id not in toasts.toasts and not toast.isVisible()
    assert chat_id in chats.ignored
    await visitor.say("¿sigue ahí?")
    await until(lambda: chats.chats[chat_id].info.preview == "¿sigue ahí?")
    assert toasts.toasts == {}
    assert toasts.show_offer(chats.chats[chat_id].info) is None  # not even when asked to

    await boss.request(lambda i: p.IgnoreChat(id=i, chat_id=chat_id))
    back = await until(lambda: only_toast(toasts))
    assert back.chat_id == chat_id and back.isVisible()
    assert chats.chats[chat_id].info.offer_round == 2 and chat_id not in chats.ignored
    await boss.close()
    await session.shutdown()
    await visitor.close()


async def test_offers_stack_upward_with_a_more_line(
    qapp: Any,
    relay: RelayHandle,
    local_store: LocalStore,
    secrets: Secrets,
    managers: list[ToastManager],
    artifacts: Path,
) -> None:
    """N1/N7: several offers stack upward from the corner, oldest nearest it; beyond the visible
    limit a "+N more" line counts the rest; when one goes, the next one moves in."""
    session, chats = await signed_in(relay, local_store, secrets)
    toasts = ToastManager(chats, lambda chat_id: chats.accept(chat_id), max_visible=3)
    managers.append(toasts)
    visitors = []
    texts = [
        "Hola, ¿el envío a Canarias tiene coste?",
        "Do you ship to Portugal? And is there a warranty on the grinder?",
        "<b>not bold</b> & no markup",
        "¿Tienen la talla 42?",
    ]
    for index, text in enumerate(texts):
        visitor = Visitor(relay.ws_url, relay.site_key)
        await visitor.connect(page_url=f"https://shop.example/product/{index + 1}")
        await visitor.say(text)
        await until(lambda n=index + 1: len(toasts.toasts) == n)
        visitors.append(visitor)

    shown = toasts.visible_toasts()
    assert len(shown) == 3 and toasts.hidden_count == 1
    assert toasts.more.isVisible() and toasts.more.text() == "+1 more waiting"
    ys = [t.y() for t in shown]
    assert ys == sorted(ys, reverse=True)  # the first offer is nearest the corner
    for lower, upper in itertools.pairwise(shown):
        assert not lower.geometry().intersects(upper.geometry())
    assert toasts.more.geometry().bottom() < shown[-1].geometry().top() + 8
    assert shown[2].message.text() == "<b>not bold</b> & no markup"  # shown as typed
    assert shown[2].message.textFormat() == Qt.TextFormat.PlainText
    save_stack(toasts, artifacts / "toast-stack.png")

    first = shown[0].chat_id
    QTest.mouseClick(shown[0].accept_button, Qt.MouseButton.LeftButton)
    await until(lambda: first not in toasts.toasts)
    assert len(toasts.visible_toasts()) == 3 and toasts.hidden_count == 0
    assert not toasts.more.isVisible()
    await session.shutdown()
    for visitor in visitors:
        await visitor.close()


def save_stack(toasts: ToastManager, path: Path) -> None:
    """The visible toasts and the "+N more" line as they sit on the screen, in one picture."""
    widgets = [*toasts.visible_toasts(), *([toasts.more] if toasts.more.isVisible() else [])]
    bounds = QRect()
    for widget in widgets:
        bounds = bounds.united(widget.geometry())
    bounds.adjust(-12, -12, 12, 12)
    picture = QPixmap(bounds.size())
    picture.fill(QColor("#e9eeec"))  # a light desktop behind the cards
    painter = QPainter(picture)
    for widget in widgets:
        painter.drawPixmap(widget.geometry().topLeft() - bounds.topLeft(), widget.grab())
    painter.end()
    picture.save(str(path))


def test_elide_lines_keeps_whole_lines_and_elides_the_last(qapp: Any) -> None:
    """N1: the message is cut to a few lines, the last one ending in "…"; folded whitespace."""
    font = QFont()
    font.setPixelSize(13)
    text = "palabra " * 200
    lines = elide_lines(text, font, 200, 3).split("\n")
    assert len(lines) == 3 and lines[-1].endswith("…")
    assert elide_lines("uno\n\n  dos", font, 200, 3) == "uno dos"
    assert elide_lines("x" * 500, font, 200, 2).count("\n") == 1  # one long word still wraps
