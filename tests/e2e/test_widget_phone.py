"""The widget on a phone-size viewport (390×844), in each of the four languages: the
department picker (T4), the conversation and the missed-chat form (N3) stay inside the screen
and nothing in the window scrolls sideways. Screenshots widget-phone-LANG-*.png."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.async_api import Browser

from server import protocol as p
from tests.e2e.test_widget_departments import _departments
from tests.e2e.test_widget_missed import miss_the_chat
from tests.e2e.widget_support import WidgetPage, open_widget_page, signed_in_agent
from tests.support.relay import RelayHandle

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
LOCALES = ["en-US", "es-ES", "pt-BR", "ru-RU"]


async def _fits(wp: WidgetPage) -> list[str]:
    """What sticks out of the screen or makes the chat window scroll sideways."""
    return list(
        await wp.page.evaluate(
            """() => {
              const root = document.querySelector('#jivo-chat-widget');
              const host = root.shadowRoot || root;
              const win = host.querySelector('[data-testid=window]');
              const out = [];
              const w = window.innerWidth, h = window.innerHeight;
              for (const el of host.querySelectorAll('*')) {
                const r = el.getBoundingClientRect();
                if (!r.width || !r.height || getComputedStyle(el).visibility === 'hidden') continue;
                if (r.left < -0.5 || r.right > w + 0.5 || r.bottom > h + 0.5)
                  out.push(`${el.dataset.testid || el.tagName}: ${r.left},${r.right},${r.bottom}`);
                const overflow = getComputedStyle(el).overflowX;
                if (el.scrollWidth > el.clientWidth + 1 && overflow !== 'visible'
                    && el.clientWidth > 0)
                  out.push(`${el.dataset.testid || el.tagName} scrolls sideways`);
              }
              if (!win) out.push('no window');
              return out;
            }"""
        )
    )


@pytest.mark.parametrize("locale", LOCALES)
async def test_widget_department_picker_on_a_phone(
    relay: RelayHandle, browser: Browser, artifacts: Path, locale: str
) -> None:
    """T4 on a phone: the picker with a long department name, then the conversation, fit the
    screen."""
    async with signed_in_agent(relay) as boss:
        ids = await _departments(boss, "Ventas", "Atención al cliente y devoluciones")
        sites = await boss.request(lambda i: p.ListSites(id=i))
        assert isinstance(sites, p.SitesList)
        site = sites.sites[0]
        await boss.request(
            lambda i: p.SaveSite(id=i, site_id=site.id, name=site.name, department_ids=ids)
        )
        context = await browser.new_context(locale=locale, viewport=PHONE, is_mobile=True)
        wp = await open_widget_page(browser, relay.demo_url, context=context)
        lang = locale[:2]
        await wp.open()
        await wp.wait_ready()
        await wp.el("departments").wait_for(state="visible")
        await wp.shot(artifacts / f"widget-phone-{lang}-departments.png")
        assert await _fits(wp) == []
        await wp.page.locator(
            "#jivo-chat-widget [data-testid=department]", has_text="Ventas"
        ).click()
        await wp.say("¿Alguien puede ayudarme con un pedido de tres macetas grandes?")
        await wp.shot(artifacts / f"widget-phone-{lang}-chat.png")
        assert await _fits(wp) == []
        assert wp.errors == []
        await wp.close()


@pytest.mark.parametrize("locale", LOCALES)
async def test_widget_missed_chat_form_on_a_phone(
    relay: RelayHandle, browser: Browser, artifacts: Path, locale: str
) -> None:
    """N3 and B8 on a phone: the missed-chat form and its way back fit the screen."""
    async with signed_in_agent(relay) as boss:
        context = await browser.new_context(locale=locale, viewport=PHONE, is_mobile=True)
        wp = await open_widget_page(browser, relay.demo_url, context=context)
        await wp.open()
        await wp.wait_ready()
        await wp.say("¿Alguien puede ayudarme con un pedido?")
        await miss_the_chat(boss)
        await wp.el("offline-form").wait_for(state="visible", timeout=15_000)
        await wp.shot(artifacts / f"widget-phone-{locale[:2]}-missed.png")
        assert await _fits(wp) == []
        assert wp.errors == []
        await wp.close()
