"""The tray icon (N6): status colour, waiting-chat badge, tooltip and menu, against a real relay.
Offscreen there is no system tray: the controller is built all the same and says so."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QSystemTrayIcon

from jivo_desktop.services.chats import ChatsService
from jivo_desktop.services.secrets import Secrets
from jivo_desktop.services.session import SessionService
from jivo_desktop.store import LocalStore
from jivo_desktop.ui.common import style
from jivo_desktop.ui.notifications.tray import (
    BADGE,
    BADGE_PROBE,
    COLOUR_PROBE,
    TrayController,
    paint_tray_pixmap,
)
from tests.support.relay import RelayHandle
from tests.support.visitor import Visitor
from tests.support.waiting import until


def pixel(icon: QIcon, probe: tuple[float, float], size: int = 32) -> QColor:
    image = icon.pixmap(size).toImage()
    return image.pixelColor(round(probe[0] * size), round(probe[1] * size))


def close_to(colour: QColor, expected: str, tolerance: int = 12) -> bool:
    want = QColor(expected)
    return (
        abs(colour.red() - want.red()) <= tolerance
        and abs(colour.green() - want.green()) <= tolerance
        and abs(colour.blue() - want.blue()) <= tolerance
        and colour.alpha() > 240
    )


async def test_tray_shows_status_waiting_chats_and_a_menu(
    qapp: Any, relay: RelayHandle, local_store: LocalStore, secrets: Secrets
) -> None:
    """N6/G11: grey until connected, green online, yellow away; a red badge counts the waiting
    chats; the menu has Open, Online, Away, Sign out, Quit; Away sets the status; clicking the
    icon opens the window."""
    session = SessionService(local_store, secrets)
    chats = ChatsService(session, local_store)
    calls: list[str] = []
    tray = TrayController(
        session,
        chats,
        on_open=lambda: calls.append("open"),
        on_sign_out=lambda: calls.append("sign out"),
        on_quit=lambda: calls.append("quit"),
    )
    assert tray.available == QSystemTrayIcon.isSystemTrayAvailable()
    assert tray.state == "offline" and close_to(pixel(tray.icon(), COLOUR_PROBE), style.OFFLINE)
    assert [a.text() for a in tray.menu.actions() if not a.isSeparator()] == [
        "Open",
        "Online",
        "Away",
        "Sign out",
        "Quit",
    ]
    assert not tray.away_action.isEnabled()  # nothing to set before signing in

    await session.sign_in_async(relay.http_url, relay.agent_email, relay.agent_password, False)
    await until(lambda: tray.state == "online")
    assert close_to(pixel(tray.icon(), COLOUR_PROBE), style.ONLINE)
    assert tray.online_action.isChecked() and tray.away_action.isEnabled()
    assert tray.count == 0 and not close_to(pixel(tray.icon(), BADGE_PROBE), BADGE)
    assert tray.tray.toolTip() == "Jivo Live — Online"

    visitor = Visitor(relay.ws_url, relay.site_key)
    await visitor.connect()
    await visitor.say("hola")
    await until(lambda: tray.count == 1)
    assert close_to(pixel(tray.icon(), BADGE_PROBE), BADGE)
    assert close_to(pixel(tray.icon(), COLOUR_PROBE), style.ONLINE)
    assert tray.tray.toolTip() == "Jivo Live — Online · 1 chat(s) waiting"

    tray.away_action.trigger()
    assert session.status == "away" and tray.state == "away"
    assert close_to(pixel(tray.icon(), COLOUR_PROBE), style.AWAY)
    assert tray.away_action.isChecked() and not tray.online_action.isChecked()
    chat_id = chats.waiting()[0].id
    chats.ignore(chat_id)
    assert tray.count == 0 and not close_to(pixel(tray.icon(), BADGE_PROBE), BADGE)
    tray.online_action.trigger()
    assert session.status == "online"

    tray.open_action.trigger()
    tray.tray.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)
    tray.tray.activated.emit(QSystemTrayIcon.ActivationReason.Context)  # the menu, not open
    tray.sign_out_action.trigger()
    tray.quit_action.trigger()
    assert calls == ["open", "open", "sign out", "quit"]

    await session.shutdown()
    await until(lambda: tray.state == "offline")
    assert close_to(pixel(tray.icon(), COLOUR_PROBE), style.OFFLINE)
    tray.show()  # no tray here: does nothing, raises nothing
    assert tray.tray.isVisible() == tray.available
    tray.hide()
    await visitor.close()


def test_badge_caps_at_nine(qapp: Any) -> None:
    """N6: a badge stays readable with many waiting chats: above nine it says "9+"."""

    def red_pixels(count: int) -> int:
        image = paint_tray_pixmap("online", count, 32).toImage()
        return sum(close_to(image.pixelColor(x, y), BADGE) for x in range(32) for y in range(32))

    assert red_pixels(0) == 0
    assert all(red_pixels(count) > 40 for count in (1, 9, 10, 250))
    ten, many = (paint_tray_pixmap("online", n, 64).toImage() for n in (10, 250))
    assert ten == many and ten != paint_tray_pixmap("online", 9, 64).toImage()


def test_tray_icons_screenshot(qapp: Any, artifacts: Path) -> None:
    """N6: the three status icons side by side at 64 px (online with two waiting chats)."""
    picture = QPixmap(3 * 64 + 4 * 16, 64 + 2 * 16)
    picture.fill(QColor("#dfe5e2"))
    painter = QPainter(picture)
    for index, (state, count) in enumerate((("online", 2), ("away", 0), ("offline", 0))):
        painter.drawPixmap(16 + index * 80, 16, paint_tray_pixmap(state, count, 64))
    painter.end()
    assert picture.save(str(artifacts / "tray-icons.png"))
