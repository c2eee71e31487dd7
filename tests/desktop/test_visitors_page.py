"""Visitantes page (V1, V2, N5) and the client panel (C4) offscreen, against a real relay with
protocol-level visitors behind a trusted proxy header (their addresses are set by the test)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from jivo_desktop.app import DesktopApp
from jivo_desktop.services.sounds import SOUNDS
from jivo_desktop.ui.visitors.model import CHAT, LOCATION, NAME, PAGE, SOURCE, TIME, VISITS
from server import protocol as p
from tests.desktop.test_i18n import translations  # noqa: F401 - the fixture
from tests.support.geo import LONDON_IP, SAO_PAULO_IP, build_city_db
from tests.support.relay import RelayHandle, running_relay
from tests.support.visitor import Visitor
from tests.support.waiting import until


class FakePlayer:
    def __init__(self) -> None:
        self.plays = 0

    def setVolume(self, volume: float) -> None:
        pass

    def play(self) -> None:
        self.plays += 1


@pytest.fixture
async def geo_relay(tmp_path: Path, sqlite_url: str) -> AsyncIterator[RelayHandle]:
    async with running_relay(
        sqlite_url,
        trusted_proxies="127.0.0.1",
        geoip_city_db=str(build_city_db(tmp_path / "cities.mmdb")),
        visitor_linger=0.3,
    ) as handle:
        yield handle


async def signed_in(qapp: Any, relay: RelayHandle, folder: Path) -> DesktopApp:
    app = DesktopApp(qapp, folder)
    app.start()
    assert await app.session.sign_in_async(
        relay.http_url, relay.agent_email, relay.agent_password, False
    )
    return app


async def browse(relay: RelayHandle, ip: str, pages: list[tuple[str, str, str]]) -> Visitor:
    v = Visitor(relay.ws_url, relay.site_key)
    await v.connect(pages[0][0], additional_headers={"X-Forwarded-For": ip})
    assert v.ws is not None
    for url, title, referrer in pages:
        await v.ws.send(p.encode(p.PageView(url=url, title=title, referrer=referrer)))
    return v


async def test_v1_visitors_page_live_sort_filter_invite_and_sound(
    qapp: Any, geo_relay: RelayHandle, tmp_path: Path, secrets: Any, artifacts: Path
) -> None:
    """V1: the table shows everyone on the site with page, time, visits, source, place and chat
    state, within a second, sortable and filterable; N5: a new visitor plays the sound when the
    setting is on; V2: Invite sends the message to the selected visitor."""
    app = await signed_in(qapp, geo_relay, tmp_path / "app")
    player = FakePlayer()
    app.sounds._effects = {name: player for name in SOUNDS}
    app.sounds._audio_available = lambda: True
    app.sounds.set_event_enabled("new_visitor", False)  # N5: off by default; turned on below
    window = app.main_window
    window.resize(1180, 640)
    window.nav.setCurrentRow(window.PAGES.index("visitors"))
    page = window.visitors_page
    assert window.pages.currentWidget() is page

    london = await browse(
        geo_relay,
        LONDON_IP,
        [
            ("https://shop.example/", "Home", "https://www.google.com/search?q=plants"),
            ("https://shop.example/plants", "Plants", "https://shop.example/"),
        ],
    )
    await until(lambda: page.cell(london.visitor_id or 0, PAGE) == "Plants")
    assert player.plays == 0  # the setting is off
    app.sounds.set_event_enabled("new_visitor", True)
    brazil = await browse(
        geo_relay, SAO_PAULO_IP, [("https://shop.example/sale", "Sale", "https://t.co/x")]
    )
    lid, bid = london.visitor_id or 0, brazil.visitor_id or 0
    await until(lambda: page.cell(lid, PAGE) == "Plants" and page.cell(bid, PAGE) == "Sale")
    assert page.cell(lid, NAME) == f"London {lid}"
    assert page.cell(bid, NAME) == f"São Paulo {bid}"
    assert page.cell(lid, SOURCE) == "Search: Google"
    assert page.cell(bid, SOURCE) == "Social: Twitter"
    assert page.cell(lid, LOCATION) == "London, United Kingdom"
    assert page.cell(lid, VISITS) == "1"
    assert page.cell(lid, TIME).startswith("0:0")
    assert page.page_column_tooltip(lid) == "https://shop.example/plants"
    assert page.count.text() == "2 on the site"
    await until(lambda: player.plays == 1)  # N5: the visitor who came with the setting on

    # Sorting and filtering.
    page.table.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
    assert page.row_of(lid) == 0 and page.row_of(bid) == 1
    page.table.sortByColumn(NAME, Qt.SortOrder.DescendingOrder)
    assert page.row_of(bid) == 0
    page.filter.setText("twitter")
    assert page.row_of(lid) == -1 and page.row_of(bid) == 0
    page.filter.setText("")
    assert page.row_of(lid) >= 0

    # V2: invite the London visitor; the chat state shows in the list after the reply.
    page.select_visitor(lid)
    assert page.invite_button.isEnabled()
    page.invite_text.setText("Can I help with the plants?")
    QTest.mouseClick(page.invite_button, Qt.MouseButton.LeftButton)
    invitation = await london.wait_for(lambda f: isinstance(f, p.VisitorInvitation))
    assert invitation.text == "Can I help with the plants?" and invitation.agent_name == "Ana"
    await until(lambda: "Invitation sent" in page.note.text())
    await london.say("Yes please")
    await until(lambda: page.cell(lid, CHAT) == "Chatting with Ana")
    window.grab().save(str(artifacts / "visitors-page.png"))

    # Leaving: the row goes after the linger time.
    await brazil.close()
    await until(lambda: page.row_of(bid) == -1)
    assert page.count.text() == "1 on the site"
    await london.close()
    await app.shutdown()


async def test_c4_client_panel_shows_visit_and_history(
    qapp: Any, geo_relay: RelayHandle, tmp_path: Path, secrets: Any, artifacts: Path
) -> None:
    """C4: name, e-mail, phone; source; site; time on site; current page title (URL on hover,
    history on click); visits and pages this visit; country, city, ISP, IP."""
    app = await signed_in(qapp, geo_relay, tmp_path / "app")
    window = app.main_window
    window.resize(1280, 720)
    v = await browse(
        geo_relay,
        LONDON_IP,
        [
            ("https://shop.example/?utm_source=news", "Home", ""),
            ("https://shop.example/ficus", "Ficus", "https://shop.example/"),
            ("https://shop.example/cart", "Your cart", "https://shop.example/ficus"),
        ],
    )
    assert v.ws is not None
    await v.ws.send(p.encode(p.PageView(url="https://shop.example/?utm_source=news",
                                         title="Home", utm=p.Utm(source="news"))))  # fmt: skip
    request_id = v.send_frame(
        lambda rid: p.SetContact(id=rid, name="Marta", email="marta@example.com", phone="+44 1")
    )
    await v.answer(request_id)
    await v.say("Is the ficus in stock?")
    await until(lambda: app.chats.waiting())
    chat = app.chats.waiting()[0]
    app.chats.accept(chat.id)
    await until(lambda: app.chats.current == chat.id)
    panel = window.inbox.client_panel
    f = panel.fields
    await until(lambda: f["page"].toolTip() == "https://shop.example/?utm_source=news")
    await until(lambda: f["visits"].text() == "1 · 4 pages this visit")
    assert f["name"].text() == "Marta"
    assert f["email"].text() == "marta@example.com" and f["phone"].text() == "+44 1"
    assert f["source"].text() == "Direct"  # the first page had no referrer and no UTM
    assert f["site"].text() == "Demo site"
    assert "Home" in f["page"].text()
    assert (f["country"].text(), f["city"].text()) == ("United Kingdom", "London")
    assert f["isp"].text() == "Andrews & Arnold Ltd" and f["ip"].text() == LONDON_IP
    assert f["time"].text().startswith("0:0")

    panel._on_page_link_activated("history")
    await until(lambda: panel.history.isVisible())
    titles = [panel.history.list.item(i).text().split("  ", 1)[1] for i in range(4)]
    assert titles == ["Home", "Your cart", "Ficus", "Home"]  # newest first
    assert panel.history.list.item(1).toolTip() == "https://shop.example/cart"
    window.grab().save(str(artifacts / "client-panel.png"))
    panel.history.grab().save(str(artifacts / "client-panel-history.png"))
    panel.history.hide()
    await v.close()
    await app.shutdown()


async def test_city_names_in_the_agents_language(
    qapp: Any,
    geo_relay: RelayHandle,
    tmp_path: Path,
    secrets: Any,
    translations: Path,  # noqa: F811
) -> None:
    """N1/C4 ("Nueva York 40"): the city in the agent's interface language where the city
    database has it, in the toast, the chat list, Visitantes and the client panel; in
    Russian the same visitor is "Нью-Йорк"."""
    from tests.support.geo import NEW_YORK_IP

    app = await signed_in(qapp, geo_relay, tmp_path / "app")
    app.settings.set_language("es")
    v = await browse(geo_relay, NEW_YORK_IP, [("https://shop.example/", "Inicio", "")])
    try:
        await v.say("Hola")
        await until(lambda: app.chats.waiting())
        chat = app.chats.waiting()[0]
        expected = f"Nueva York {v.visitor_id}"
        assert app.chats.display_name(chat) == expected  # the chat list and the toast
        toast = await until(lambda: app.toasts.toast(chat.id))
        assert toast.name.text() == expected
        model = app.main_window.visitors_page.model
        await until(lambda: model.rowCount() == 1)
        assert model.index(0, LOCATION).data().startswith("Nueva York")
        app.chats.accept(chat.id)
        await until(lambda: app.chats.current == chat.id)
        fields = app.main_window.inbox.client_panel.fields
        await until(lambda: fields["city"].text() == "Nueva York")
        app.settings.set_language("ru")
        await until(lambda: fields["city"].text() == "Нью-Йорк")
        assert app.chats.display_name(chat) == f"Нью-Йорк {v.visitor_id}"
    finally:
        await v.close()
        await app.shutdown()
