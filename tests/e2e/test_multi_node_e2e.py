"""X4 end to end across three relay nodes: three ``jivo-relay serve`` subprocesses on one real
PostgreSQL and one real Redis (``--redis-url``, ``--files-store database``), the Debian HAProxy
in front (round-robin, no sticky sessions), the real widget in headless Chromium and the desktop
app offscreen, both through the balancer, and a second agent (Bea, a scripted AgentClient)
through it as well.

Round-robin decides where a socket lands, so each party is put on its node honestly: the
visitor's node is read from its WebSocket handshake's ``X-Jivo-Node`` header (Chromium's
DevTools protocol), the app's from its own socket's; while the app sits on the visitor's node
its socket is broken and it reconnects through the balancer by itself (the next server in the
rotation); Bea signs in again until she lands on the node neither of them is on. Every test
asserts the three nodes differ.

Three tests, each on its own cluster: the whole chat loop (X4); collision control across nodes
(C18: viewers shared between nodes); the Visitantes list, an invitation and the client panel for
a visitor held by another node (V1/V2). The last two need the live state across nodes (viewers,
visitor tracker) that the ``xnode-state`` branch adds; without it they fail, saying why.

Screenshots go to tests/artifacts/ (``xnode-*.png``).
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import re
import urllib.request
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import Browser, expect
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from jivo_desktop.app import DesktopApp
from jivo_desktop.net.client import AgentClient
from jivo_desktop.ui.inbox.colleague_dialog import ColleagueDialog
from server import protocol as p
from tests.e2e.widget_support import WidgetPage, wait_until
from tests.support.cluster import Cluster, running_cluster
from tests.support.haproxy import NODE_HEADER, HAProxy, running_haproxy, skip_unless_haproxy
from tests.support.postgres import PostgresCluster
from tests.support.redis_server import RedisServer, skip_unless_redis
from tests.support.relay import AGENT_EMAIL, AGENT_PASSWORD, create_agent_cli
from tests.support.waiting import until

pytestmark = [pytest.mark.postgres, pytest.mark.browser, pytest.mark.timeout(150)]

BEA_EMAIL = "bea@example.com"
BEA_PASSWORD = "bea-password-1"
LANDING_TRIES = 8
"""Connections tried to land a party on a chosen node (round-robin: two are enough unless
other traffic slips in between)."""


@dataclass
class ThreeNodes:
    cluster: Cluster
    proxy: HAProxy
    redis: RedisServer


@pytest.fixture
async def three_nodes(pg_cluster: PostgresCluster, tmp_path: Path) -> AsyncIterator[ThreeNodes]:
    """Three relay nodes on PostgreSQL + Redis with the database files store, HAProxy in
    front, and a second agent account (Bea) made with ``jivo-relay create-admin``."""
    skip_unless_haproxy()
    skip_unless_redis()
    url = pg_cluster.create_database(f"t_{uuid.uuid4().hex[:12]}")
    with RedisServer() as redis:
        env = {"JIVO_RELAY_REDIS_URL": redis.url, "JIVO_RELAY_FILES_STORE": "database"}
        async with (
            running_cluster(url, tmp_path / "nodes", nodes=3, env=env) as cluster,
            running_haproxy([(n.name, n.port) for n in cluster.nodes]) as proxy,
        ):
            await create_agent_cli(url, BEA_EMAIL, BEA_PASSWORD, "Bea")
            # Ephemeral signals (typing, viewers) cross nodes over pub/sub only: wait until
            # every node's bus is up (it connects in the background after the start).
            await until(
                lambda: all("Redis bus connected" in n.log_text() for n in cluster.nodes),
                timeout=20,
            )
            yield ThreeNodes(cluster, proxy, redis)
            assert cluster.errors() == {}


def header(headers: Any, name: str = NODE_HEADER) -> str:
    """A response header by name, in any case (HAProxy sends names in lower case)."""
    return str({str(k).lower(): v for k, v in dict(headers).items()}[name.lower()])


def node_of(client: AgentClient) -> str:
    """The node an agent's socket landed on, from the balancer's handshake answer."""
    ws = client._ws  # its current socket: tests only
    assert ws is not None and ws.response is not None
    return header(ws.response.headers)


@dataclass
class Visitor:
    """The widget in Chromium, and the node of each WebSocket it opened (in order)."""

    page: WidgetPage
    nodes: list[str] = field(default_factory=list)

    @property
    def node(self) -> str:
        assert self.nodes, "the widget opened no WebSocket"
        assert len(set(self.nodes)) == 1, f"the widget moved between nodes: {self.nodes}"
        return self.nodes[0]


async def open_visitor(browser: Browser, proxy: HAProxy) -> Visitor:
    """The demo page through the balancer; the node its socket landed on is read from the
    handshake's answer through Chromium's DevTools protocol (Playwright shows no headers of a
    WebSocket)."""
    context = await browser.new_context(viewport={"width": 1100, "height": 720})
    page = await context.new_page()
    visitor = Visitor(WidgetPage(context, page))
    cdp = await context.new_cdp_session(page)
    cdp.on(
        "Network.webSocketHandshakeResponseReceived",
        lambda event: visitor.nodes.append(header(event["response"]["headers"])),
    )
    await cdp.send("Network.enable")
    await page.goto(proxy.http_url + "/demo")
    await visitor.page.open()
    await visitor.page.wait_ready()
    await wait_until(lambda: visitor.nodes)
    return visitor


async def reconnect(client: AgentClient) -> None:
    """Break the client's socket as a network failure would; returns once it has connected
    again by itself."""
    before = client.reconnects
    await client.drop_connection()
    await until(lambda: client.reconnects > before and client.state == "connected")


async def sign_in_app(qapp: Any, proxy: HAProxy, folder: Path, away_from: set[str]) -> DesktopApp:
    """Ana's desktop app signed in through the balancer, its socket on a node not in
    ``away_from``: while it is not, its socket is broken and the app reconnects through the
    balancer by itself."""
    app = DesktopApp(qapp, folder)
    app.start()
    assert await app.session.sign_in_async(proxy.http_url, AGENT_EMAIL, AGENT_PASSWORD, False)
    client = app.session.client
    assert client is not None
    for _ in range(LANDING_TRIES):
        if node_of(client) not in away_from:
            return app
        await reconnect(client)
    raise AssertionError(f"the app never left {away_from}")


async def sign_in_bea(proxy: HAProxy, away_from: set[str]) -> AgentClient:
    """Bea through the balancer, on a node not in ``away_from`` (signed in again until so)."""
    for _ in range(LANDING_TRIES):
        bea = AgentClient(proxy.ws_url)
        await bea.sign_in(BEA_EMAIL, BEA_PASSWORD)
        if node_of(bea) not in away_from:
            await bea.wait_synced()
            return bea
        await bea.close()
    raise AssertionError(f"Bea never left {away_from}")


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=30) as answer:
        data: bytes = answer.read()
    return data


async def toast_for(app: DesktopApp) -> Any:
    await until(lambda: app.toasts.visible_toasts())
    return app.toasts.visible_toasts()[0]


async def agent_got(
    agent: AgentClient, predicate: Callable[[p.Frame], bool], since: int = 0
) -> p.Frame:
    frame: p.Frame = await agent.wait_for(predicate, timeout=10, since=since)
    return frame


async def shut(*closers: Callable[[], Awaitable[Any]]) -> None:
    for close in closers:
        await close()


async def test_x4_the_whole_chat_loop_across_three_nodes_through_haproxy(
    qapp: Any,
    three_nodes: ThreeNodes,
    browser: Browser,
    tmp_path: Path,
    artifacts: Path,
    secrets: Any,
) -> None:
    """X4 (with N1, N2, C1, C14, C17, C9): the visitor in Chromium on one node, Ana's desktop
    app on another, Bea on the third, all through HAProxy. The visitor writes; the toast shows
    in the app; Accept; messages both ways; the visitor sends a file that the app saves intact,
    the app sends one that the widget shows and serves intact; typing shows both ways; Ana
    transfers the chat (Ctrl+T) to Bea, who accepts and answers; the visitor sees the answer."""
    proxy = three_nodes.proxy
    names = {n.name for n in three_nodes.cluster.nodes}
    visitor = await open_visitor(browser, proxy)
    wp = visitor.page
    app = await sign_in_app(qapp, proxy, tmp_path / "ana", {visitor.node})
    client = app.session.client
    assert client is not None
    app_node = node_of(client)
    bea: AgentClient | None = None
    try:
        # Ana is online on another node: the widget on its node is told (presence, X4).
        await wait_until(
            lambda: any(f.get("type") == "agents_available" and f["online"] for f in wp.received)
        )
        await wp.say("Hola, ¿tienen la monstera grande? X4")
        toast = await toast_for(app)
        chat_id = toast.chat_id
        assert "monstera" in toast.message.text()
        assert toast.name.text().startswith("Client ")
        toast.grab().save(str(artifacts / "xnode-toast.png"))

        # Accept in the toast; answer; the visitor writes again.
        QTest.mouseClick(toast.accept_button, Qt.MouseButton.LeftButton)
        window = app.main_window
        window.resize(1180, 740)
        inbox = window.inbox
        composer = inbox.conversation.composer
        await until(lambda: app.chats.current == chat_id and composer.isEnabled())
        composer.insertPlainText("¡Sí! Quedan tres.")
        QTest.keyClick(composer, Qt.Key.Key_Return)
        await wp.wait_text("¡Sí! Quedan tres.", author="agent")
        await wp.say("Perfecto, la quiero.")
        chat = app.chats.chat(chat_id)
        assert chat is not None
        await until(lambda: any(m.text == "Perfecto, la quiero." for m in chat.messages))

        # Files both ways (C14), each stored through one node and read through the balancer.
        sent = tmp_path / "plano.pdf"
        sent.write_bytes(os.urandom(300_000))
        await wp.el("file-input").set_input_files(str(sent))
        file_message = await until(
            lambda: next(
                (m for m in chat.messages if m.kind == "file" and m.author == "visitor"), None
            )
        )
        assert file_message.file is not None and file_message.file.name == "plano.pdf"
        saved = tmp_path / "saved-plano.pdf"
        outcome: list[str] = []  # the path saved, or why not
        app.files.saved.connect(outcome.append)
        app.files.problem.connect(outcome.append)
        app.files.save_file(file_message.file, saved)
        await until(lambda: outcome)
        assert outcome == [str(saved)]
        assert sha(saved.read_bytes()) == sha(sent.read_bytes())

        answer = tmp_path / "care guide.txt"
        answer.write_bytes(os.urandom(200_000))
        assert app.files.send_file(chat_id, answer)
        card = wp.page.locator("#jivo-chat-widget [data-testid=file][data-author=agent]")
        await expect(card).to_contain_text("care guide.txt")
        # The link arrives after the card (a file_link answer): wait for it, do not race it.
        download = card.first.locator("[data-testid=file-download]")
        await expect(download).to_have_attribute("href", re.compile(r"/files/[0-9a-f]{32}\?t="))
        href = await download.get_attribute("href")
        assert href is not None and href.startswith(proxy.http_url + "/files/")
        assert sha(await asyncio.to_thread(fetch, href)) == sha(answer.read_bytes())

        # Typing both ways (C17): the visitor's shows in the app, Ana's in the widget.
        await wp.el("input").press_sequentially("una pregunta más", delay=20)
        await until(lambda: "is typing" in inbox.conversation.typing_label.text())
        composer.setFocus()
        QTest.keyClicks(composer, "Un momento")
        await expect(wp.el("typing")).to_have_text("Ana is typing…")
        window.grab().save(str(artifacts / "xnode-main-window.png"))
        composer.clear()
        await expect(wp.el("typing")).to_be_hidden(timeout=15_000)
        await wp.el("input").fill("")

        # Transfer (C9) with Ctrl+T to Bea on the third node, who accepts and answers.
        bea = await sign_in_bea(proxy, {visitor.node, app_node})
        bea_id = bea.welcome.agent.id  # type: ignore[union-attr]
        nodes = [visitor.node, app_node, node_of(bea)]
        assert len(set(nodes)) == 3 and set(nodes) == names, nodes
        window.shortcuts["transfer"].activated.emit()
        dialog = inbox.conversation.chat_actions_bar.dialog
        assert isinstance(dialog, ColleagueDialog) and dialog.mode == "transfer"
        await until(lambda: dialog.list.count() == 1)  # Bea, online on her node
        assert "Bea" in dialog.list.item(0).text()
        dialog.select_agent(bea_id)
        dialog.note.setPlainText("Quiere la monstera grande")
        QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        offer = await agent_got(
            bea, lambda f: isinstance(f, p.InvitationOffered) and f.invitation.kind == "transfer"
        )
        assert isinstance(offer, p.InvitationOffered) and offer.invitation.chat.id == chat_id
        assert offer.invitation.note == "Quiere la monstera grande"
        await bea.answer_invitation(offer.invitation.id, True)
        await until(lambda: chat_id not in app.chats.chats)  # moved to Bea
        await bea.send_message(chat_id, "Hola, soy Bea: se la envío hoy.")
        await wp.wait_text("Hola, soy Bea: se la envío hoy.", author="agent")
        await wp.say("¡Gracias, Bea!")
        await agent_got(
            bea, lambda f: isinstance(f, p.EventPush) and f.event.text == "¡Gracias, Bea!"
        )
        await wp.shot(artifacts / "xnode-widget.png")

        assert visitor.node and node_of(client) == app_node  # nobody moved meanwhile
        assert wp.errors == []
    finally:
        await shut(wp.close, app.shutdown, *([bea.close] if bea else []))


async def test_c18_collision_between_agents_on_different_nodes(
    qapp: Any,
    three_nodes: ThreeNodes,
    browser: Browser,
    tmp_path: Path,
    artifacts: Path,
    secrets: Any,
) -> None:
    """C18 across nodes (X4): Ana (desktop app) and Bea (another node) are both in a visitor's
    chat (the visitor on the third node) and both have it open: Ana's app shows "Bea is
    viewing", then "Bea is typing…"; Bea is told Ana views the chat and that Ana types."""
    proxy = three_nodes.proxy
    visitor = await open_visitor(browser, proxy)
    wp = visitor.page
    app = await sign_in_app(qapp, proxy, tmp_path / "ana", {visitor.node})
    client = app.session.client
    assert client is not None and app.session.agent is not None
    ana_id = app.session.agent.id
    app_node = node_of(client)
    bea = await sign_in_bea(proxy, {visitor.node, app_node})
    try:
        bea_id = bea.welcome.agent.id  # type: ignore[union-attr]
        assert len({visitor.node, app_node, node_of(bea)}) == 3
        await wait_until(
            lambda: any(f.get("type") == "agents_available" and f["online"] for f in wp.received)
        )
        await wp.say("Hola, una consulta C18")
        toast = await toast_for(app)
        chat_id = toast.chat_id
        QTest.mouseClick(toast.accept_button, Qt.MouseButton.LeftButton)
        window = app.main_window
        window.resize(1180, 740)
        inbox = window.inbox
        bar = inbox.conversation.chat_actions_bar
        await until(lambda: app.chats.current == chat_id and bar.buttons["invite"].isEnabled())

        # Ana invites Bea (C7) from the toolbar; Bea joins and opens the chat.
        bar.open_invite()
        dialog = bar.dialog
        assert isinstance(dialog, ColleagueDialog)
        await until(lambda: dialog.list.count() == 1)
        dialog.select_agent(bea_id)
        QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        invitation = await agent_got(bea, lambda f: isinstance(f, p.InvitationOffered))
        assert isinstance(invitation, p.InvitationOffered)
        await bea.answer_invitation(invitation.invitation.id, True)
        chat = app.chats.chat(chat_id)
        assert chat is not None
        await until(lambda: len(chat.info.members) == 2)
        await bea.view_chat(chat_id, True)

        collision = inbox.conversation.collision
        await until(lambda: "Bea is viewing" in collision.text())

        def bea_sees_viewers() -> list[int]:
            last = [
                f for f in bea.received if isinstance(f, p.ChatViewers) and f.chat_id == chat_id
            ]
            return last[-1].agent_ids if last else []

        try:
            await until(lambda: {ana_id, bea_id} <= set(bea_sees_viewers()))
        except TimeoutError:
            raise AssertionError(
                f"Bea (node {node_of(bea)}) was told the viewers are {bea_sees_viewers()}, "
                f"not Ana ({ana_id}, node {app_node}) and Bea ({bea_id}): viewers are not "
                "shared between nodes"
            ) from None

        await bea.typing(chat_id, True)
        await until(lambda: "Bea is typing" in collision.text())
        composer = inbox.conversation.composer
        composer.setFocus()
        QTest.keyClicks(composer, "Lo miro yo")
        await agent_got(
            bea,
            lambda f: (
                isinstance(f, p.TypingChanged)
                and f.chat_id == chat_id
                and f.agent_id == ana_id
                and f.active
            ),
        )
        window.grab().save(str(artifacts / "xnode-collision.png"))
        await bea.typing(chat_id, False)
        await until(lambda: "Bea is viewing" in collision.text())
        assert wp.errors == []
    finally:
        await shut(wp.close, app.shutdown, bea.close)


async def test_x4_v1_v2_the_app_sees_and_invites_a_visitor_on_another_node(
    qapp: Any,
    three_nodes: ThreeNodes,
    browser: Browser,
    tmp_path: Path,
    artifacts: Path,
    secrets: Any,
) -> None:
    """X4 with V1/V2/C4: a visitor on one node, Ana's app on another. The Visitantes page
    lists the visitor; Ana invites them from it and the widget shows the invitation; the
    visitor's reply is Ana's chat, and its client panel counts the time on site (not "left
    the site", which is what a node that knows only its own visitors shows)."""
    proxy = three_nodes.proxy
    visitor = await open_visitor(browser, proxy)
    wp = visitor.page
    welcome = next(f for f in wp.received if f.get("type") == "visitor_welcome")
    visitor_id = int(welcome["visitor_id"])
    app = await sign_in_app(qapp, proxy, tmp_path / "ana", {visitor.node})
    client = app.session.client
    assert client is not None
    try:
        assert node_of(client) != visitor.node
        window = app.main_window
        window.resize(1280, 720)
        window.nav.setCurrentRow(window.PAGES.index("visitors"))
        page = window.visitors_page
        try:
            await until(lambda: app.visitors.get(visitor_id))
        except TimeoutError:
            raise AssertionError(
                f"the app on {node_of(client)} does not list the visitor on {visitor.node}"
            ) from None
        window.grab().save(str(artifacts / "xnode-visitors-page.png"))

        page.select_visitor(visitor_id)
        page.invite_text.setText("¡Hola! Hoy las monsteras tienen descuento.")
        QTest.mouseClick(page.invite_button, Qt.MouseButton.LeftButton)
        await wp.el("invitation-text").wait_for(state="visible", timeout=10_000)
        assert await wp.el("invitation-agent").text_content() == "Ana"
        await wp.say("¿Cuánto cuesta?")
        chat = await until(
            lambda: next((c for c in app.chats.chats.values() if c.info.state == "active"), None)
        )
        assert chat.info.agent_id == app.chats.me and not app.toasts.visible_toasts()

        app.chats.select(chat.id)
        window.nav.setCurrentRow(0)
        await until(lambda: any(m.text == "¿Cuánto cuesta?" for m in chat.messages))
        time_on_site = window.inbox.client_panel.fields["time"]
        await until(lambda: time_on_site.text() not in ("", "—"))
        assert time_on_site.text() != "left the site"
        window.grab().save(str(artifacts / "xnode-client-panel.png"))
        assert wp.errors == []
    finally:
        await shut(wp.close, app.shutdown)
