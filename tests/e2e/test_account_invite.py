"""A2/K2: an admin invites an agent; the relay e-mails a real SMTP server (aiosmtpd, started
here); the agent follows the link in Chromium, sets a password on the relay's page, and signs
in with the desktop app's client."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.async_api import Browser, expect

from jivo_desktop.net.client import AgentClient
from jivo_desktop.net.errors import AuthError, RelayError
from server import protocol as p
from tests.support.relay import running_relay
from tests.support.smtp import smtp_server

pytestmark = pytest.mark.browser


async def test_invitation_email_link_password_sign_in(
    sqlite_url: str, browser: Browser, artifacts: Path
) -> None:
    """A2: invitation e-mail received over SMTP with the set-password link and the download
    link; the page sets the password (never in a URL); the agent then signs in; connected
    colleagues see the new agent at once (K2); the link works only once."""
    with smtp_server() as (inbox, port):
        async with running_relay(
            sqlite_url,
            smtp_host="127.0.0.1",
            smtp_port=port,
            smtp_security="none",
            smtp_from="team@shop.example",
            app_download_url="https://downloads.shop.example/jivo-desktop",
        ) as relay:
            admin = AgentClient(relay.ws_url)
            await admin.sign_in(relay.admin_email, relay.admin_password)
            colleague = AgentClient(relay.ws_url)
            await colleague.sign_in(relay.agent_email, relay.agent_password)
            await colleague.wait_synced()
            mark = len(colleague.received)
            saved = await admin.request(
                lambda i: p.InviteAgent(id=i, email="Luis@Shop.Example", name="Luis")
            )
            assert isinstance(saved, p.TeammateSaved) and saved.teammate.invited
            added = await colleague.wait_for(
                lambda f: isinstance(f, p.AgentChanged) and f.agent.email == "luis@shop.example",
                since=mark,
            )
            assert added.change == "added"

            (message,) = await inbox.wait(1)
            assert inbox.envelopes[0] == ("team@shop.example", ["luis@shop.example"])
            body = message.get_content()
            assert "https://downloads.shop.example/jivo-desktop" in body
            link = re.search(r"(http://\S+/set-password#token=\S+)", body)
            assert link is not None, body

            # Invited, no password yet: signing in is refused.
            with pytest.raises(AuthError):
                await AgentClient(relay.ws_url, reconnect=False).sign_in(
                    "luis@shop.example", "anything-at-all"
                )

            context = await browser.new_context(viewport={"width": 900, "height": 700})
            page = await context.new_page()
            requested: list[str] = []
            page.on("request", lambda r: requested.append(r.url))
            await page.goto(link.group(1))
            assert "token" not in page.url  # the page drops it from the address bar
            await page.fill("#password", "luis-new-password")
            await page.fill("#again", "luis-new-password")
            await page.screenshot(path=str(artifacts / "account-set-password.png"))
            await page.click("#submit")
            await expect(page.locator("#done")).to_be_visible(timeout=10_000)
            await expect(page.locator("#email")).to_have_text("luis@shop.example")
            await page.screenshot(path=str(artifacts / "account-set-password-done.png"))
            assert all("token" not in url for url in requested)  # the token never left
            await context.close()

            luis = AgentClient(relay.ws_url, reconnect=False)
            welcome = await luis.sign_in("LUIS@shop.example", "luis-new-password")
            assert welcome.agent.name == "Luis" and welcome.agent.role == "agent"
            await luis.close()

            # The link was used: a second try is refused.
            context = await browser.new_context()
            page = await context.new_page()
            await page.goto(link.group(1))
            await page.fill("#password", "another-password")
            await page.fill("#again", "another-password")
            await page.click("#submit")
            await expect(page.locator("#error")).to_contain_text("expired or was used")
            await context.close()

            team = await admin.request(lambda i: p.ListTeammates(id=i))
            assert isinstance(team, p.TeammatesList)
            assert [t.invited for t in team.teammates if t.email == "luis@shop.example"] == [False]
            # The e-mail is taken now: a second invitation is refused.
            with pytest.raises(RelayError, match="exists already"):
                await admin.request(lambda i: p.InviteAgent(id=i, email="luis@shop.example"))
            await admin.close()
            await colleague.close()
