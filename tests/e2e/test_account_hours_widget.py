"""K5: working hours switch the widget to the offline form in Chromium, with an agent online,
and back to the chat the moment they open; K1: a disabled site's widget says it is
unavailable."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.async_api import Browser, expect

from server import protocol as p
from tests.e2e.widget_support import open_widget_page, signed_in_agent, wait_until
from tests.support.relay import RelayHandle

pytestmark = pytest.mark.browser

CLOSED = p.WorkingHours(enabled=True, timezone="UTC", days=[p.DayHours(open=False)] * 7)
ALWAYS = p.WorkingHours(
    enabled=True, timezone="UTC", days=[p.DayHours(start="00:00", end="24:00")] * 7
)


async def test_working_hours_show_the_offline_form(
    relay: RelayHandle, browser: Browser, artifacts: Path
) -> None:
    """K5: outside the working hours the widget shows the offline form although an agent is
    online (on load and live, pushed by the relay); when the hours open it shows the chat."""
    async with signed_in_agent(relay) as admin:
        await admin.request(lambda i: p.SaveWorkingHours(id=i, hours=CLOSED))
        wp = await open_widget_page(browser, relay.demo_url)
        await wp.open()
        await wp.wait_ready()
        await expect(wp.el("offline-form")).to_be_visible()
        await wp.shot(artifacts / "account-hours-widget-offline.png")

        await admin.request(lambda i: p.SaveWorkingHours(id=i, hours=ALWAYS))
        await expect(wp.el("offline-form")).to_be_hidden()
        await expect(wp.el("status")).to_have_text("Online")

        await admin.request(lambda i: p.SaveWorkingHours(id=i, hours=CLOSED))
        await expect(wp.el("offline-form")).to_be_visible()
        assert wp.errors == []
        await wp.close()


async def test_disabled_site_widget_is_refused(relay: RelayHandle, browser: Browser) -> None:
    """K1, issue 12 item 2: disabling the site stops its widget without retrying: the relay
    refuses the site, so the widget leaves the page (no launcher that could never work) and
    tells the site's owner in the console."""
    async with signed_in_agent(relay) as admin:
        sites = await admin.request(lambda i: p.ListSites(id=i))
        assert isinstance(sites, p.SitesList)
        demo = sites.sites[0]
        await admin.request(
            lambda i: p.SaveSite(id=i, site_id=demo.id, name=demo.name, enabled=False)
        )
        context = await browser.new_context()
        warnings: list[str] = []
        context.on("console", lambda m: warnings.append(m.text) if m.type == "warning" else None)
        wp = await open_widget_page(browser, relay.demo_url, context=context, wait_launcher=False)
        await wait_until(lambda: warnings)
        assert "switched off" in warnings[0]
        await expect(wp.page.locator("#jivo-chat-widget")).to_have_count(0)
        assert len(wp.sockets) == 1
        await wp.close()
