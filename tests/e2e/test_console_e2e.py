"""X5: the agent console in a browser, against a real relay: a visitor's widget in one browser
context and the console in another, the relay killed mid-chat, visitor text that tries to be
HTML, and no request to any origin but the relay's."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import pytest_asyncio
from playwright.async_api import Browser, expect

from tests.e2e.console_support import NARROW, ConsolePage, open_console
from tests.e2e.widget_support import TIMEOUT_MS, open_widget_page, wait_until
from tests.support.relay import RelayHandle, running_relay

# One browser for the module (each test has contexts of its own), so the tests share a loop.
pytestmark = [pytest.mark.browser, pytest.mark.asyncio(loop_scope="module")]


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def browser(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Browser]:
    """The conftest's headless Chromium, launched once for this module."""
    import os

    from playwright.async_api import async_playwright

    from tests.support.browser import chromium_available, launch_chromium

    if not chromium_available() and not os.environ.get("CI"):
        pytest.skip("chromium is not installed: run scripts/install-system-deps.sh")
    home = tmp_path_factory.mktemp("chromium-home")
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_CACHE_HOME": str(home / ".cache"),
    }
    async with async_playwright() as pw:
        b = await launch_chromium(pw, env=env)
        try:
            yield b
        finally:
            await b.close()


@pytest_asyncio.fixture(loop_scope="module")
async def relay(sqlite_url: str) -> AsyncIterator[RelayHandle]:
    """The relay of tests/conftest.py with the console on a port of its own."""
    async with running_relay(sqlite_url, console_port=0) as handle:
        yield handle


def only_the_relay(console: ConsolePage, relay: RelayHandle) -> None:
    """Every request the console made went to its own origin (the relay's console port)."""
    assert console.requests, "no request recorded"
    assert console.origins() == {urlsplit(relay.relay.console_url).netloc}, console.requests


async def test_x5_console_chat_loop_with_the_widget(
    relay: RelayHandle, browser: Browser, artifacts: Path
) -> None:
    """X5: the whole chat loop between the widget (one browser context) and the console
    (another), keyboard only on the console's side: sign in, the waiting chat counted in the tab
    title, accept, Enter sends, Shift+Enter is a new line, the visitor's answer shows. Every
    request of the console went to the relay; the token travelled in the first frame only."""
    console = await open_console(browser, relay.relay.console_url)
    keys = console.page.keyboard
    await expect(console.el("email")).to_be_focused()  # keyboard only from here on
    await keys.type(relay.admin_email)
    await keys.press("Tab")
    await keys.type(relay.admin_password)
    await keys.press("Enter")
    await expect(console.el("conn-state")).to_have_attribute("data-state", "connected")
    await expect(console.el("me")).to_have_text("Boss")
    first = console.sent[0]
    assert first["type"] == "sign_in" and first["email"] == relay.admin_email
    assert not any("token" in url or "password" in url for url in console.requests)
    assert await console.page.evaluate("document.cookie") == ""
    token = await console.page.evaluate("sessionStorage.getItem('jivo.console.token')")
    assert token and await console.page.evaluate("localStorage.length") == 0

    widget = await open_widget_page(browser, relay.demo_url)
    await widget.open()
    await widget.wait_ready()
    await widget.say("hola, ¿tienen envío?")

    row = console.page.locator("[data-testid=chat][data-state=offered]")
    await expect(row).to_have_count(1, timeout=TIMEOUT_MS)
    await expect(row.locator("[data-testid=chat-preview]")).to_have_text("hola, ¿tienen envío?")
    await expect(console.page).to_have_title("(1) Jivo agent console")
    await expect(console.el("waiting-count")).to_have_text("1")
    await console.page.screenshot(path=str(artifacts / "console-offered-en.png"))

    # Keyboard only: Tab to the offer's Accept button, Enter.
    accept = row.locator("[data-testid=accept]")
    for _ in range(40):
        if await accept.evaluate("b => b === document.activeElement"):
            break
        await console.page.keyboard.press("Tab")
    else:
        raise AssertionError("Tab never reached Accept")
    await console.page.keyboard.press("Enter")
    await expect(console.page.locator("[data-testid=chat][data-state=active]")).to_have_count(1)
    await expect(console.page).to_have_title("Jivo agent console")
    await expect(console.message("hola, ¿tienen envío?", "visitor")).to_have_count(1)
    composer = console.el("composer")
    await expect(composer).to_be_focused()
    await console.page.keyboard.type("Sí, a toda España.")
    await console.page.keyboard.press("Shift+Enter")
    await console.page.keyboard.type("¿Algo más?")
    await expect(composer).to_have_value("Sí, a toda España.\n¿Algo más?")
    await console.page.keyboard.press("Enter")
    await expect(composer).to_have_value("")

    mine = console.message("Sí, a toda España.", "agent")
    await expect(mine).to_have_count(1)
    await expect(mine).to_have_attribute("data-state", "sent")
    await widget.wait_text("¿Algo más?", author="agent")
    await widget.say("Gracias")
    await expect(console.message("Gracias", "visitor")).to_have_count(1)
    sends = console.sent_of("send_message")
    assert [s["text"] for s in sends] == ["Sí, a toda España.\n¿Algo más?"]
    assert sends[0]["client_msg_id"]
    assert await widget.texts() == ["hola, ¿tienen envío?", "Sí, a toda España.\n¿Algo más?",
                                    "Gracias"]  # fmt: skip
    await console.page.screenshot(path=str(artifacts / "console-chat-en.png"))

    only_the_relay(console, relay)
    assert console.errors == [] and widget.errors == []
    await widget.close()
    await console.close()


async def _stored(database_url: str, text: str) -> int:
    import sqlalchemy as sa
    from sqlalchemy.ext.asyncio import create_async_engine

    from server.store.schema import events

    engine = create_async_engine(database_url)
    try:
        async with engine.connect() as db:
            query = sa.select(sa.func.count()).where(events.c.text == text)
            return int((await db.execute(query)).scalar_one())
    finally:
        await engine.dispose()


async def test_x5_console_reconnects_after_the_relay_is_killed(
    browser: Browser, tmp_path: Path, artifacts: Path
) -> None:
    """X5: SIGKILL the relay mid-chat. The console shows it is offline and keeps the reply the
    agent types meanwhile in its outbox (IndexedDB); when the relay is back on the same ports
    the console reconnects by itself (authenticate with its cursor, no reload) and the reply
    is delivered exactly once: once in the database, once in the console, once in the widget."""
    from tests.support.relay import AGENT_EMAIL, AGENT_PASSWORD, RelayProcess, create_agent_cli

    db = f"sqlite+aiosqlite:///{tmp_path / 'relay.db'}"
    process = RelayProcess(db, tmp_path)
    process.console_port = 0
    await process.start_async()
    try:
        await create_agent_cli(db)
        console_url = f"http://127.0.0.1:{process.console_port}/agent"
        console = await open_console(browser, console_url)
        await console.sign_in(AGENT_EMAIL, AGENT_PASSWORD)
        widget = await open_widget_page(browser, f"{process.http_url}/demo")
        await widget.open()
        await widget.wait_ready()
        await widget.say("¿Siguen ahí?")
        await console.el("accept").click()
        await expect(console.message("¿Siguen ahí?", "visitor")).to_have_count(1)
        await console.el("composer").fill("Sí, un momento")
        await console.el("composer").press("Enter")
        await widget.wait_text("Sí, un momento", author="agent")

        process.kill()
        state = console.el("conn-state")
        await expect(state).not_to_have_attribute("data-state", "connected", timeout=TIMEOUT_MS)
        await expect(state).to_have_text("Offline: reconnecting…")
        await console.el("composer").fill("escrito sin conexión")
        await console.el("composer").press("Enter")
        waiting = console.message("escrito sin conexión", "agent")
        await expect(waiting).to_have_attribute("data-state", "pending")
        outbox = await console.page.evaluate(OUTBOX_TEXTS)
        assert outbox == ["escrito sin conexión"]
        await console.page.screenshot(path=str(artifacts / "console-offline-en.png"))

        await process.start_async()  # same database, same ports
        await expect(state).to_have_attribute("data-state", "connected", timeout=20_000)
        await expect(waiting).to_have_attribute("data-state", "sent", timeout=TIMEOUT_MS)
        await expect(console.message("escrito sin conexión")).to_have_count(1)
        assert await console.page.evaluate(OUTBOX_TEXTS) == []
        await widget.wait_text("escrito sin conexión", author="agent")
        assert (await widget.texts()).count("escrito sin conexión") == 1
        assert await _stored(db, "escrito sin conexión") == 1

        firsts = [f for f in console.sent if f["type"] in ("sign_in", "authenticate")]
        assert [f["type"] for f in firsts][:1] == ["sign_in"]
        resumes = [f for f in firsts if f["type"] == "authenticate"]
        assert resumes and resumes[-1]["cursor"] is not None and resumes[-1]["token"]
        assert len(console.sockets) >= 2  # it reconnected by itself: the page never reloaded
        assert not any(e for e in console.errors if "WebSocket" not in e), console.errors
        await widget.close()
        await console.close()
    finally:
        process.stop()


OUTBOX_TEXTS = """() => new Promise((resolve, reject) => {
  const open = indexedDB.open("jivo-console");
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const get = open.result.transaction("outbox").objectStore("outbox").getAll();
    get.onsuccess = () => resolve(get.result.map((item) => item.text));
  };
})"""


XSS = [
    '<img src=x onerror="window.__xss=1;alert(1)">',
    "<script>window.__xss=2</script><b>bold</b>",
    '"><svg onload="window.__xss=3">',
    "javascript:window.__xss=4//",
]


async def test_x5_console_shows_visitor_html_as_text(
    relay: RelayHandle, browser: Browser, artifacts: Path
) -> None:
    """X5: the XSS corpus as the visitor's name, messages, page URL and page title: the console
    shows each as the very text, runs none of it, opens no dialog, adds no element, requests
    nothing but its own files, and links a page URL only when it is http(s)."""
    from server import protocol as p
    from tests.support.visitor import Visitor

    console = await open_console(browser, relay.relay.console_url)
    await console.sign_in(relay.admin_email, relay.admin_password)
    visitor = Visitor(relay.ws_url, relay.site_key)
    title = "</title><script>window.__xss=5</script>"
    assert isinstance(await visitor.connect(page_url=XSS[3]), p.VisitorWelcome)
    assert visitor.ws is not None
    await visitor.ws.send(p.encode(p.PageView(url=XSS[3], title=title)))
    contact = visitor.send_frame(lambda rid: p.SetContact(id=rid, name=XSS[0]))
    await visitor.answer(contact)
    for text in XSS:
        await visitor.say(text)
    row = console.page.locator("[data-testid=chat][data-state=offered]")
    await expect(row.locator("[data-testid=chat-name]")).to_have_text(XSS[0], timeout=TIMEOUT_MS)
    await row.locator("[data-testid=accept]").click()
    bubbles = console.page.locator("[data-testid=message][data-author=visitor] [data-testid=text]")
    await expect(bubbles).to_have_text(XSS)
    who = console.page.locator("[data-testid=message][data-author=visitor] [data-testid=author]")
    await expect(who).to_have_text([XSS[0]] * len(XSS))
    await expect(console.el("conv-name")).to_have_text(XSS[0])
    await expect(console.el("page-url")).to_have_text(XSS[3])
    await expect(console.el("page-title")).to_have_text(title)
    assert await console.el("page-url").evaluate("n => n.tagName") == "SPAN"  # not a link
    await console.page.screenshot(path=str(artifacts / "console-xss-en.png"))
    await console.el("nav-visitors").click()
    row = console.el("visitor")
    await expect(row.locator("[data-testid=visitor-name]")).to_have_text(XSS[0])
    await expect(row.locator("[data-testid=visitor-title]")).to_have_text(title)
    await expect(row.locator("[data-testid=visitor-url]")).to_have_text(XSS[3])
    assert await row.locator("[data-testid=visitor-url]").evaluate("n => n.tagName") == "SPAN"

    assert await console.page.evaluate("window.__xss") is None
    assert console.dialogs == []
    injected = "[data-testid=page] img, [data-testid=page] svg, [data-testid=page] script, b"
    assert await console.page.locator(injected).count() == 0
    base = relay.relay.console_url.removesuffix("/agent")
    files = (Path(__file__).resolve().parents[2] / "server" / "console").iterdir()
    allowed = {f"{base}/agent", base.replace("http", "ws", 1) + "/ws"}
    allowed |= {f"{base}/agent/{f.name}" for f in files}
    assert set(console.requests) <= allowed, set(console.requests) - allowed
    only_the_relay(console, relay)
    assert console.errors == []
    await visitor.close()
    await console.close()


async def test_x5_console_and_desktop_app_colleagues_chat(
    qapp: Any, relay: RelayHandle, browser: Browser, tmp_path: Path, artifacts: Path, secrets: Any
) -> None:
    """X5 (T2, C9): an agent in the console and one in the desktop app. Equipo in the console
    lists the desktop agent online; a click opens the chat with her; what each writes reaches
    the other, once. Then a visitor's chat the desktop agent took is transferred to the console
    with a note, accepted there and answered to the widget."""
    from jivo_desktop.app import DesktopApp
    from tests.support.waiting import until

    ana = DesktopApp(qapp, tmp_path / "ana")
    ana.start()
    try:
        assert await ana.session.sign_in_async(
            relay.http_url, relay.agent_email, relay.agent_password, False
        )
        console = await open_console(browser, relay.relay.console_url)
        await console.sign_in(relay.admin_email, relay.admin_password)
        await console.el("nav-team").click()
        colleague = console.page.locator("[data-testid=colleague]", has_text="Ana")
        await expect(colleague.locator(".status")).to_have_text("Online")
        await console.page.screenshot(path=str(artifacts / "console-team-en.png"))
        await colleague.click()
        await expect(console.el("conv-name")).to_have_text("Ana")
        await console.el("composer").fill("Hola Ana, ¿cubres mi turno?")
        await console.el("composer").press("Enter")

        def direct_messages() -> list[str]:
            return [
                m.text
                for c in ana.chats.chats.values()
                if c.direct
                for m in c.messages
                if m.kind == "message"
            ]

        await until(lambda: any(c.direct for c in ana.chats.chats.values()))
        chat = next(c for c in ana.chats.chats.values() if c.direct)
        ana.chats.select(chat.id)
        await until(lambda: direct_messages() == ["Hola Ana, ¿cubres mi turno?"])
        ana.chats.send(chat.id, "Sí, desde las 15:00")
        answer = console.message("Sí, desde las 15:00", "agent")
        await expect(answer).to_have_count(1, timeout=TIMEOUT_MS)
        await expect(answer.locator("[data-testid=author]")).to_have_text("Ana")
        await expect(console.message("Hola Ana")).to_have_count(1)
        await until(
            lambda: direct_messages() == ["Hola Ana, ¿cubres mi turno?", "Sí, desde las 15:00"]
        )
        await console.page.screenshot(path=str(artifacts / "console-colleague-en.png"))

        # A visitor's chat taken in the desktop app, transferred to the console with a note.
        await relay.offer_to_everyone()
        widget = await open_widget_page(browser, relay.demo_url)
        await widget.open()
        await widget.wait_ready()
        await widget.say("Quiero cambiar mi pedido")
        await expect(console.el("accept")).to_have_count(1, timeout=TIMEOUT_MS)
        await until(lambda: any(c.offered for c in ana.chats.chats.values()))
        offered = next(c for c in ana.chats.chats.values() if c.offered)
        assert await ana.chats.accept_async(offered.id, show=False)
        await expect(console.el("accept")).to_have_count(0)  # taken by Ana: gone here
        boss_id = await console.page.evaluate("jivoConsole.welcome.agent.id")
        ana.actions.transfer(offered.id, boss_id, "Pedido 1234, cambio de talla")
        offer = console.el("colleague-offer")
        await expect(offer).to_contain_text("Ana offers you a chat", timeout=TIMEOUT_MS)
        await expect(offer.locator("[data-testid=offer-note]")).to_have_text(
            "Pedido 1234, cambio de talla"
        )
        await offer.locator("[data-testid=offer-accept]").click()
        await expect(console.message("Quiero cambiar mi pedido", "visitor")).to_have_count(1)
        await console.el("composer").fill("Soy Boss: ¿qué talla necesita?")
        await console.el("composer").press("Enter")
        await widget.wait_text("¿qué talla necesita?", author="agent")
        assert console.errors == [] and widget.errors == []
        await widget.close()
        await console.close()
    finally:
        await ana.shutdown()


WORDS = {
    "en": ("Sign in", "Chats", "Team", "Statistics is not in the browser console yet."),
    "es": ("Iniciar sesión", "Centro de Atención", "Equipo", "Estadísticas aún no está"),
    "pt": ("Entrar", "Chats", "Equipe", "Estatísticas ainda não está"),
    "ru": ("Вход", "Чаты", "Команда", "Раздела «Статистика» пока нет"),
}


async def test_x5_console_four_languages_narrow_and_remember_me(
    relay: RelayHandle, browser: Browser, artifacts: Path
) -> None:
    """X5: the console follows the browser's language (Spanish here) and the picker; each page
    in English, Spanish, Portuguese and Russian, at full and at a narrow width (screenshots
    console-<page>-<lang>[-narrow].png); pages it does not have point to the desktop app.
    "Remember me" keeps the token in localStorage, and a reload resumes without the form, the
    chat's unsent draft still in the composer."""
    from server import protocol as p
    from tests.support.visitor import Visitor

    console = await open_console(browser, relay.relay.console_url, locale="es-ES")
    page = console.page
    await expect(page.locator("h1")).to_have_text("Iniciar sesión")
    for lang, (sign_in, *_rest) in WORDS.items():
        await console.el("language").select_option(lang)
        await expect(page.locator("h1")).to_have_text(sign_in)
        await page.screenshot(path=str(artifacts / f"console-sign-in-{lang}.png"))
    await console.el("language").select_option("es")
    await console.sign_in(relay.admin_email, relay.admin_password, remember=True)
    assert await page.evaluate("sessionStorage.length") == 0
    assert await page.evaluate("localStorage.getItem('jivo.console.token')")

    visitor = Visitor(relay.ws_url, relay.site_key)
    assert isinstance(await visitor.connect(), p.VisitorWelcome)
    contact = visitor.send_frame(lambda rid: p.SetContact(id=rid, name="María López"))
    await visitor.answer(contact)
    await visitor.say("¿Hacen envíos a Sevilla? Necesito dos macetas grandes para el sábado.")
    await console.el("accept").click()
    await expect(console.message("Sevilla", "visitor")).to_have_count(1)
    await console.el("composer").fill("Claro, llegan el viernes.")
    await console.el("composer").press("Enter")
    await expect(console.message("llegan el viernes")).to_have_attribute("data-state", "sent")

    for width, suffix in ((None, ""), (NARROW, "-narrow")):
        if width:
            await page.set_viewport_size(width)
        for lang, (_sign_in, inbox, team, not_here) in WORDS.items():
            await console.el("language").select_option(lang)
            await console.el("nav-inbox").click()
            await expect(console.el("nav-inbox")).to_contain_text(inbox)
            await expect(console.el("conn-state")).to_have_attribute("data-state", "connected")
            await page.screenshot(path=str(artifacts / f"console-chats-{lang}{suffix}.png"))
            await console.el("nav-team").click()
            await expect(console.el("nav-team")).to_have_text(team)
            await page.screenshot(path=str(artifacts / f"console-team-{lang}{suffix}.png"))
            await console.el("nav-visitors").click()
            await expect(console.el("visitor")).to_have_count(1)
            await page.screenshot(path=str(artifacts / f"console-visitors-{lang}{suffix}.png"))
            await console.el("nav-statistics").click()
            await expect(console.el("not-here")).to_contain_text(not_here)
            await page.screenshot(path=str(artifacts / f"console-not-here-{lang}{suffix}.png"))

    await console.el("nav-inbox").click()
    await console.el("chat-open").click()
    await console.el("composer").fill("Borrador: el sábado también abrimos")  # not sent
    await page.reload()
    await expect(console.el("conn-state")).to_have_attribute("data-state", "connected")
    assert console.sent[-1]["type"] != "sign_in"
    assert [f["type"] for f in console.sent if f["type"] in ("sign_in", "authenticate")] == [
        "sign_in",
        "authenticate",
    ]
    await expect(console.el("chat-name")).to_have_text("María López")
    await console.el("chat-open").click()
    await expect(console.message("llegan el viernes")).to_have_count(1)
    await expect(console.el("composer")).to_have_value("Borrador: el sábado también abrimos")
    only_the_relay(console, relay)
    assert console.errors == []
    await visitor.close()
    await console.close()


async def test_x5_console_visitors_live_list_and_manual_invitation(
    relay: RelayHandle, browser: Browser, artifacts: Path
) -> None:
    """X5 (V1/V2): Visitantes in the console lists the widget's visitor live, with the page's
    title and URL; Invite sends the agent's message, the widget opens with it, and the
    visitor's reply is a chat for this agent."""
    console = await open_console(browser, relay.relay.console_url)
    await console.sign_in(relay.agent_email, relay.agent_password)
    await console.el("nav-visitors").click()
    await expect(console.el("visitors")).to_contain_text("Nobody is on the sites right now.")
    widget = await open_widget_page(browser, relay.demo_url)
    await widget.wait_ready()
    row = console.el("visitor")
    await expect(row).to_have_count(1, timeout=TIMEOUT_MS)
    await expect(row.locator("[data-testid=visitor-title]")).to_have_text(
        "Verde Home: plants and pots"
    )
    await expect(row.locator("[data-testid=visitor-url]")).to_have_text(relay.demo_url)
    await row.locator("[data-testid=invite]").click()
    await console.el("invite-text").fill("¡Hola! Las monsteras están en oferta hoy.")
    await console.page.screenshot(path=str(artifacts / "console-visitors-en.png"))
    await console.el("invite-text").press("Enter")
    await expect(console.el("invite-text")).to_have_count(0)
    sent = console.sent_of("invite_visitor")
    assert [s["text"] for s in sent] == ["¡Hola! Las monsteras están en oferta hoy."]
    await widget.el("invitation-text").wait_for(state="visible", timeout=TIMEOUT_MS)
    assert "monsteras" in (await widget.el("invitation-text").text_content() or "")
    assert await widget.el("invitation-agent").text_content() == "Ana"
    await widget.open()
    await widget.say("¿Cuánto cuesta la grande?")
    await console.el("nav-inbox").click()
    chat = console.page.locator("[data-testid=chat]", has_text="¿Cuánto cuesta la grande?")
    await expect(chat).to_have_count(1, timeout=TIMEOUT_MS)
    assert console.errors == [] and widget.errors == []
    await widget.close()
    await console.close()


NOTIFICATIONS = """async () => {
  const registration = await navigator.serviceWorker.getRegistration("/agent/");
  if (!registration) return null;
  const shown = await registration.getNotifications();
  return shown.map((n) => ({ title: n.title, body: n.body, tag: n.tag,
    actions: n.actions.map((a) => a.action), chat: n.data && n.data.chat_id }));
}"""


async def test_x5_console_announces_a_new_chat_and_ignores_it(
    relay: RelayHandle, browser: Browser
) -> None:
    """X5 (N1/N3): a new chat is announced with a browser notification with Accept and Ignore
    buttons (through the console's service worker) and counted in the tab title; Ignore sends
    ignore_chat and the chat comes back in the ladder's next round, announced again; Accept
    closes its notification."""
    console = await open_console(browser, relay.relay.console_url, permissions=["notifications"])
    await console.sign_in(relay.agent_email, relay.agent_password)
    await console.page.wait_for_function(
        "navigator.serviceWorker.getRegistration('/agent/').then((r) => !!(r && r.active))"
    )
    widget = await open_widget_page(browser, relay.demo_url)
    await widget.open()
    await widget.wait_ready()
    await widget.say("¿Hay alguien?")
    await expect(console.page).to_have_title("(1) Jivo agent console", timeout=TIMEOUT_MS)
    chat_id = int(await console.el("chat").get_attribute("data-chat-id") or 0)
    await wait_until(lambda: console.page.evaluate(NOTIFICATIONS))
    shown = await console.page.evaluate(NOTIFICATIONS)
    assert shown == [
        {
            "title": "A visitor is waiting for an answer.",
            "body": "Client 1: ¿Hay alguien?",
            "tag": f"chat-{chat_id}",
            "actions": ["accept", "ignore"],
            "chat": chat_id,
        }
    ]
    await console.el("ignore").click()
    assert [f["chat_id"] for f in console.sent_of("ignore_chat")] == [chat_id]
    # N3 (the guide): the ignored chat goes round the ladder and comes back to this agent, the
    # only one online, in a later round, announced again.
    again = console.page.locator(f"[data-testid=chat][data-chat-id='{chat_id}']")
    await expect(again).to_have_attribute("data-offer-round", re.compile("^[1-3]$"), timeout=20_000)
    await wait_until(lambda: console.page.evaluate(NOTIFICATIONS))
    assert [n["tag"] for n in await console.page.evaluate(NOTIFICATIONS)] == [f"chat-{chat_id}"]
    await again.locator("[data-testid=accept]").click()
    await expect(again).to_have_attribute("data-state", "active")
    await expect(console.page).to_have_title("Jivo agent console")
    await wait_until(_no_notifications(console))
    only_the_relay(console, relay)
    assert console.errors == [] and widget.errors == []
    await widget.close()
    await console.close()


def _no_notifications(console: ConsolePage) -> Any:
    async def check() -> bool:
        return await console.page.evaluate(NOTIFICATIONS) == []

    return check


async def test_x5_console_comment_phrase_transfer_with_note_and_block(
    relay: RelayHandle, browser: Browser, artifacts: Path
) -> None:
    """X5 (C10/C12/C7/C8) between two consoles: Boss inserts a quick phrase, writes an internal
    comment the widget never shows, and transfers the chat to Ana with a note; Ana's console
    offers it with the note, she accepts, answers (the widget shows it) and blocks the
    visitor, whose widget can no longer write."""
    from tests.e2e.widget_support import signed_in_agent

    async with signed_in_agent(relay) as admin:
        await admin.save_phrase("envio", "El envío es gratis desde 50 €.")
    boss = await open_console(browser, relay.relay.console_url)
    await boss.sign_in(relay.admin_email, relay.admin_password)
    widget = await open_widget_page(browser, relay.demo_url)
    await widget.open()
    await widget.wait_ready()
    await widget.say("¿Cuánto cuesta el envío?")
    await boss.el("accept").click()
    ana = await open_console(browser, relay.relay.console_url)
    await ana.sign_in(relay.agent_email, relay.agent_password)

    await boss.el("phrases").select_option(label="envio · El envío es gratis desde 50 €.")
    await expect(boss.el("composer")).to_have_value("El envío es gratis desde 50 €.")
    await boss.el("composer").press("Enter")
    await widget.wait_text("El envío es gratis desde 50 €.", author="agent")
    await boss.el("comment").check()
    await boss.el("composer").fill("Cliente habitual, tratar con cariño")
    await boss.el("composer").press("Enter")
    comment = boss.message("Cliente habitual")
    await expect(comment).to_have_attribute("data-state", "sent")
    await expect(comment.locator("[data-testid=note]")).to_have_text("Internal comment")
    assert boss.sent_of("send_message")[-1]["comment"] is True

    await boss.el("transfer").click()
    await boss.el("action-colleague").select_option(label="Ana")
    await boss.el("action-note").fill("Pregunta por envíos a Canarias")
    await boss.page.screenshot(path=str(artifacts / "console-transfer-en.png"))
    await boss.el("action-send").click()
    await expect(boss.el("notice")).to_have_text("Transfer offered: waiting for the answer.")
    offer = ana.el("colleague-offer")
    await expect(offer).to_contain_text("Boss offers you a chat", timeout=TIMEOUT_MS)
    await expect(offer.locator("[data-testid=offer-note]")).to_have_text(
        "Pregunta por envíos a Canarias"
    )
    await ana.page.screenshot(path=str(artifacts / "console-transfer-offer-en.png"))
    await offer.locator("[data-testid=offer-accept]").click()
    await expect(ana.el("conv-name")).to_have_text("Client 1")
    await expect(ana.message("Cliente habitual")).to_have_count(1)  # agents see comments
    await expect(boss.el("chat")).to_have_count(0)  # Boss left it with the transfer
    await expect(boss.el("notice")).to_have_count(0)
    await ana.el("composer").fill("Hola, soy Ana: a Canarias también.")
    await ana.el("composer").press("Enter")
    await widget.wait_text("a Canarias también", author="agent")
    assert "Cliente habitual, tratar con cariño" not in await widget.texts()

    await ana.el("block").click()
    await ana.el("action-note").fill("spam")
    await ana.el("action-send").click()
    await expect(ana.el("notice")).to_have_text("The visitor is blocked.")
    await wait_until(lambda: widget.el("input").is_disabled())
    assert [f["reason"] for f in ana.sent_of("block_client")] == ["spam"]
    assert boss.errors == [] and ana.errors == [] and widget.errors == []
    await widget.close()
    await ana.close()
    await boss.close()


async def test_x5_console_files_both_ways(
    relay: RelayHandle, browser: Browser, artifacts: Path
) -> None:
    """X5 (C14): the agent attaches a file in the console, the widget shows it; the visitor
    sends one named like HTML, the console shows the name as text and downloads the very bytes
    from its own origin (the console's port serves the granted /files/ link)."""
    console = await open_console(browser, relay.relay.console_url)
    await console.sign_in(relay.agent_email, relay.agent_password)
    widget = await open_widget_page(browser, relay.demo_url)
    await widget.open()
    await widget.wait_ready()
    await widget.say("Le mando la foto")
    await console.el("accept").click()
    await expect(console.message("Le mando la foto", "visitor")).to_have_count(1)

    price_list = "Maceta grande: 25 €\nMaceta pequeña: 12 €\n".encode()
    await console.el("file-input").set_input_files(
        files=[{"name": "precios.txt", "mimeType": "text/plain", "buffer": price_list}]
    )
    await expect(console.message("precios.txt", "agent")).to_have_count(1, timeout=TIMEOUT_MS)
    await expect(console.el("file-note")).to_have_text("")
    upload = console.sent_of("upload_file")[0]
    assert upload["size"] == len(price_list) and upload["name"] == "precios.txt"
    theirs = widget.page.locator("#jivo-chat-widget [data-testid=file][data-author=agent]")
    await expect(theirs).to_contain_text("precios.txt", timeout=TIMEOUT_MS)

    name = '<img src=x onerror="window.__xss=6">.txt'
    await widget.el("file-input").set_input_files(
        files=[{"name": name, "mimeType": "text/plain", "buffer": b"foto"}]
    )
    mine = console.message(name, "visitor")
    await expect(mine.locator("[data-testid=text]")).to_have_text(name, timeout=TIMEOUT_MS)
    async with console.page.expect_download() as download_info:
        await mine.locator("[data-testid=download]").click()
    download = await download_info.value
    assert download.url.startswith(relay.relay.console_url.removesuffix("/agent") + "/files/")
    assert Path(await download.path()).read_bytes() == b"foto"
    await console.page.screenshot(path=str(artifacts / "console-files-en.png"))
    assert await console.page.evaluate("window.__xss") is None
    only_the_relay(console, relay)
    assert console.errors == [] and widget.errors == []
    await widget.close()
    await console.close()


async def test_x5_console_quick_reply_and_the_away_switch(
    relay: RelayHandle, browser: Browser
) -> None:
    """X5 (N2, A1): a quick reply typed in the waiting chat's row takes the chat and answers in
    one go; the away switch tells the relay, and a colleague sees the agent away."""
    from server import protocol as p
    from tests.e2e.widget_support import signed_in_agent

    console = await open_console(browser, relay.relay.console_url)
    await console.sign_in(relay.agent_email, relay.agent_password)
    widget = await open_widget_page(browser, relay.demo_url)
    await widget.open()
    await widget.wait_ready()
    await widget.say("¿Abren el domingo?")
    quick = console.el("quick-reply")
    await quick.fill("No, de lunes a sábado.")
    await quick.press("Enter")
    await expect(console.page.locator("[data-testid=chat][data-state=active]")).to_have_count(1)
    await widget.wait_text("No, de lunes a sábado.", author="agent")
    await expect(console.message("No, de lunes a sábado.")).to_have_count(1)
    assert len(console.sent_of("accept_chat")) == 1

    async with signed_in_agent(relay) as boss:
        await console.el("status").select_option("away")
        presence = await boss.wait_for(
            lambda f: isinstance(f, p.AgentPresence) and f.agent.status == "away", timeout=10
        )
        assert presence.agent.email == relay.agent_email
    assert console.sent_of("set_status")[-1]["status"] == "away"
    assert console.errors == [] and widget.errors == []
    await widget.close()
    await console.close()


async def test_x5_console_invite_a_colleague_collision_and_sign_out(
    relay: RelayHandle, browser: Browser
) -> None:
    """X5 (C7, C18, K6): Boss invites Ana into his chat; she accepts from her list and both are
    in it; with the chat open on both consoles each sees the other has it open, and the
    visitor's typing shows; Ana leaves and Boss carries on, then he leaves too; signing out ends
    the session and forgets the token."""
    boss = await open_console(browser, relay.relay.console_url)
    await boss.sign_in(relay.admin_email, relay.admin_password)
    widget = await open_widget_page(browser, relay.demo_url)
    await widget.open()
    await widget.wait_ready()
    await widget.say("Necesito hablar con ventas")
    await boss.el("accept").click()
    ana = await open_console(browser, relay.relay.console_url)
    await ana.sign_in(relay.agent_email, relay.agent_password)

    await boss.el("invite-colleague").click()
    await boss.el("action-colleague").select_option(label="Ana")
    await boss.el("action-note").fill("Es de ventas")
    await boss.el("action-send").click()
    offer = ana.el("colleague-offer")
    await expect(offer).to_contain_text("Boss invites you into a chat", timeout=TIMEOUT_MS)
    await offer.locator("[data-testid=offer-accept]").click()
    await expect(ana.message("Necesito hablar con ventas", "visitor")).to_have_count(1)
    await expect(boss.el("viewers")).to_have_text("Also open by Ana", timeout=TIMEOUT_MS)
    await expect(ana.el("viewers")).to_have_text("Also open by Boss")
    await expect(boss.el("chat")).to_have_count(1)  # still his chat too

    await widget.el("input").press_sequentially("Hola", delay=20)
    await expect(boss.el("typing")).to_have_text("Client 1 is typing…", timeout=TIMEOUT_MS)

    await ana.el("leave").click()  # C3/C7: Boss carries on; the last one leaving closes it
    await expect(ana.el("chat")).to_have_count(0)
    await expect(boss.message("Ana left the chat")).to_have_count(0)
    await expect(
        boss.page.locator("[data-testid=system]", has_text="Ana left the chat")
    ).to_have_count(1)
    await boss.el("composer").fill("Sigo yo, dígame")
    await boss.el("composer").press("Enter")
    await widget.wait_text("Sigo yo, dígame", author="agent")
    await boss.el("leave").click()
    await expect(boss.el("chat")).to_have_count(0)

    await boss.el("sign-out").click()
    await expect(boss.el("sign-in-form")).to_be_visible()
    assert len(boss.sent_of("sign_out")) == 1
    assert await boss.page.evaluate("sessionStorage.length + localStorage.length") == 0
    assert boss.errors == [] and ana.errors == [] and widget.errors == []
    await widget.close()
    await ana.close()
    await boss.close()


async def test_x5_console_notices_a_link_that_died_silently(
    relay: RelayHandle, browser: Browser
) -> None:
    """X5: the relay's answers stop arriving while the socket looks open (Playwright's
    WebSocket routing drops them; the page's clock is moved on instead of waiting): the
    console's ping goes unanswered, it shows itself offline and reconnects by itself."""
    from playwright.async_api import WebSocketRoute

    console = await open_console(browser, "about:blank")
    await console.page.clock.install()
    cut = {"on": False}

    async def middle(route: WebSocketRoute) -> None:
        server = route.connect_to_server()
        server.on_message(lambda m: None if cut["on"] else route.send(m))
        route.on_message(lambda m: server.send(m))

    await console.page.route_web_socket("**/ws", middle)
    await console.page.goto(relay.relay.console_url)
    await console.sign_in(relay.agent_email, relay.agent_password)
    state = console.el("conn-state")
    cut["on"] = True
    await console.page.clock.fast_forward(26_000)  # the heartbeat's ping goes out
    await wait_until(lambda: any(f["type"] == "ping" for f in console.sent))
    await expect(state).to_have_attribute("data-state", "connected")  # not yet given up
    await console.page.clock.fast_forward(11_000)  # no pong within 10 s
    await expect(state).not_to_have_attribute("data-state", "connected")
    cut["on"] = False
    await console.page.clock.fast_forward(1_000)  # the first reconnect's pause
    await expect(state).to_have_attribute("data-state", "connected", timeout=TIMEOUT_MS)
    assert [f["type"] for f in console.sent if f["type"] in ("sign_in", "authenticate")] == [
        "sign_in",
        "authenticate",
    ]
    await console.close()


async def test_x5_console_outbox_survives_a_reload_while_the_relay_is_unreachable(
    relay: RelayHandle, browser: Browser
) -> None:
    """X5: the WebSocket is cut (Playwright's routing refuses it) while the page itself still
    loads; a reply typed then waits in IndexedDB through a reload of the tab, and once the
    socket is let through again it is delivered exactly once."""
    from playwright.async_api import WebSocketRoute

    console = await open_console(browser, "about:blank")
    cut = {"on": False}
    routes: list[WebSocketRoute] = []

    async def middle(route: WebSocketRoute) -> None:
        if cut["on"]:
            await route.close(code=4000, reason="cut")
            return
        routes.append(route)
        route.connect_to_server()

    await console.page.route_web_socket("**/ws", middle)
    await console.page.goto(relay.relay.console_url)
    await console.sign_in(relay.agent_email, relay.agent_password, remember=True)
    widget = await open_widget_page(browser, relay.demo_url)
    await widget.open()
    await widget.wait_ready()
    await widget.say("¿Me llaman mañana?")
    await console.el("accept").click()
    await expect(console.message("¿Me llaman mañana?", "visitor")).to_have_count(1)

    cut["on"] = True
    await routes[-1].close(code=4000, reason="cut")
    state = console.el("conn-state")
    await expect(state).not_to_have_attribute("data-state", "connected")
    await console.el("composer").fill("Sí, a las diez")
    await console.el("composer").press("Enter")
    await expect(console.message("Sí, a las diez")).to_have_attribute("data-state", "pending")
    await console.page.reload()
    await expect(state).not_to_have_attribute("data-state", "connected")
    assert await console.page.evaluate(OUTBOX_TEXTS) == ["Sí, a las diez"]

    cut["on"] = False
    await expect(state).to_have_attribute("data-state", "connected", timeout=TIMEOUT_MS)
    await widget.wait_text("Sí, a las diez", author="agent")
    assert (await widget.texts()).count("Sí, a las diez") == 1
    await console.el("chat-open").click()
    await expect(console.message("Sí, a las diez")).to_have_count(1)
    await expect(console.message("Sí, a las diez")).to_have_attribute("data-state", "sent")
    assert await console.page.evaluate(OUTBOX_TEXTS) == []
    await widget.close()
    await console.close()


async def test_x5_console_pages_back_through_a_long_chat(sqlite_url: str, browser: Browser) -> None:
    """X5 (issue 12 item 6): a chat longer than a history page shows its newest events and an
    "Earlier messages" button that brings the rest, in order, each once."""
    # The visitor writes 60 messages back to back: more than the per-connection burst.
    async with running_relay(sqlite_url, console_port=0, conn_burst=500.0, ip_burst=500.0) as relay:
        await _long_chat(relay, browser)


async def _long_chat(relay: RelayHandle, browser: Browser) -> None:
    from server import protocol as p
    from tests.support.visitor import Visitor

    console = await open_console(browser, relay.relay.console_url)
    await console.sign_in(relay.agent_email, relay.agent_password)
    visitor = Visitor(relay.ws_url, relay.site_key)
    assert isinstance(await visitor.connect(), p.VisitorWelcome)
    await visitor.say("m00")
    await console.el("accept").click()
    await expect(console.message("m00", "visitor")).to_have_count(1)
    for i in range(1, 60):
        assert isinstance(await visitor.say(f"m{i:02d}"), p.MessageAcked)
    await console.page.reload()  # the chat comes back from the history, one page of it
    await console.el("chat-open").click()
    bubbles = console.page.locator("[data-testid=message][data-author=visitor] [data-testid=text]")
    await expect(bubbles.last).to_have_text("m59")
    assert await bubbles.count() < 60
    await console.el("earlier").click()
    await expect(bubbles).to_have_count(60)
    assert await bubbles.all_text_contents() == [f"m{i:02d}" for i in range(60)]
    await expect(console.el("earlier")).to_have_count(0)
    await visitor.close()
    await console.close()


async def test_x5_console_refused_token_and_wrong_password(
    relay: RelayHandle, browser: Browser
) -> None:
    """X5: a saved token the relay refuses (revoked, expired) brings the sign-in form back with
    the reason and is forgotten; a wrong password is said so, and nothing is kept."""
    console = await open_console(browser, relay.relay.console_url)
    await console.page.evaluate("sessionStorage.setItem('jivo.console.token', 'revoked-token')")
    await console.page.reload()
    await expect(console.el("sign-in-error")).to_have_text("Your session ended. Sign in again.")
    assert console.sent_of("authenticate")[-1]["token"] == "revoked-token"
    assert await console.page.evaluate("sessionStorage.length") == 0
    await console.el("email").fill(relay.agent_email)
    await console.el("password").fill("not-the-password")
    await console.el("sign-in").click()
    await expect(console.el("sign-in-error")).to_have_text("Wrong e-mail or password.")
    assert await console.page.evaluate("sessionStorage.length + localStorage.length") == 0
    await console.close()
