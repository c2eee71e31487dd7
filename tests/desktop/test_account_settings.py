"""The account's sections of Ajustes against a real relay (K1, K2, K3, K5, K6), offscreen,
with screenshots of each section under tests/artifacts/."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from jivo_desktop import i18n
from jivo_desktop.app import DesktopApp
from jivo_desktop.net.client import AgentClient
from jivo_desktop.net.errors import AuthError
from tests.desktop.test_i18n import translations  # noqa: F401 - the .qm files, built
from tests.support.relay import RelayHandle
from tests.support.smtp import smtp_server
from tests.support.waiting import until


async def _app(
    qapp: Any, relay: RelayHandle, data_dir: Path, email: str, password: str
) -> DesktopApp:
    app = DesktopApp(qapp, data_dir)
    app.start()
    window = app.sign_in_window
    window.relay.setText(relay.http_url)
    window.email.setText(email)
    window.password.setText(password)
    window.remember.setChecked(True)
    QTest.mouseClick(window.button, Qt.MouseButton.LeftButton)
    await until(lambda: app.main_window.isVisible())
    app.main_window.resize(1180, 740)
    app.main_window.nav.setCurrentRow(6)
    return app


async def test_account_sections_as_admin(
    qapp: Any, relay: RelayHandle, data_dir: Path, secrets: Any, artifacts: Path
) -> None:
    """K1: add a site from the Channels section, its snippet carries the key (no data-lang, B4) and
    is copied; P2: its callback requests are switched on; K2/A2: invite by e-mail (received
    over SMTP; colleagues' Team lists show the newcomer at once), disable a teammate from the
    list (the agent's own app is signed out at once); K3: add a webhook and make an API token
    (shown once); K5: the working hours.
    A screenshot of each section."""
    ana = await _app(qapp, relay, data_dir / "ana", relay.agent_email, relay.agent_password)
    app = await _app(qapp, relay, data_dir / "boss", relay.admin_email, relay.admin_password)
    settings = app.main_window.settings_page
    assert all(settings.is_section_visible(k) for k in ACCOUNT_SECTIONS)
    ana_settings = ana.main_window.settings_page
    await until(lambda: not ana_settings.is_section_visible("channels"))
    assert [ana_settings.is_section_visible(k) for k in ACCOUNT_SECTIONS] == [
        True,
        False,
        False,
        False,
    ]

    # ---- K5 my account and working hours
    settings.show_section("account")
    profile = settings.sections["account"]
    await until(lambda: profile.name.text() == "Boss" and profile.hours_box.isVisible())
    app.main_window.grab().save(str(artifacts / "account-my-account.png"))
    profile.hours_on.setChecked(True)
    profile.hours_zone.setCurrentIndex(profile.hours_zone.findData("Europe/Madrid"))
    profile.day_open[6].setChecked(False)
    profile.save_hours_button.click()
    await until(lambda: relay.relay.account.hours.enabled)
    assert relay.relay.account.hours.timezone == "Europe/Madrid"

    # ---- K1 channels
    settings.show_section("channels")
    channels = settings.sections["channels"]
    await until(lambda: channels.list.count() == 1)
    channels.new_button.click()
    channels.name.setText("Tienda")
    channels.language.setCurrentIndex(channels.language.findData("es"))
    channels.origins.setPlainText("https://tienda.example")
    channels.save_button.click()
    await until(lambda: channels.list.count() == 2 and "Tienda" in channels.name.text())
    snippet = channels.snippet.toPlainText()
    key = next(s.key for s in app.account.sites if s.name == "Tienda")
    # B4: no data-lang: the widget speaks the visitor's language, the site's only as fallback.
    assert f'data-site="{key}"' in snippet and "data-lang" not in snippet
    assert snippet.startswith(f'<script src="{relay.http_url}/widget.js"')
    channels.copy_button.click()
    assert QApplication.clipboard().text() == snippet
    # P2: the widget's callback requests, and the country of their numbers without +.
    channels.callbacks.setChecked(True)
    channels.phone_country.setCurrentIndex(channels.phone_country.findData("MX"))
    channels.save_button.click()
    await until(lambda: any(s.name == "Tienda" and s.callbacks and s.phone_country == "MX"
                            for s in app.account.sites))  # fmt: skip
    app.main_window.grab().save(str(artifacts / "account-channels.png"))

    # ---- K3 integrations
    settings.show_section("integrations")
    integrations = settings.sections["integrations"]
    integrations.url.setText("http://127.0.0.1:9/hooks")
    integrations.add_hook.click()
    await until(lambda: integrations.hooks.count() == 1 and integrations.secret.isVisible())
    integrations.token_name.setText("nightly export")
    integrations.create_token.click()
    await until(lambda: integrations.tokens.count() == 1)
    await until(lambda: integrations.secret.text().startswith("jvt_"))
    app.main_window.grab().save(str(artifacts / "account-integrations.png"))

    # ---- K2 teammates: disable Ana; her app goes back to the sign-in window
    settings.show_section("teammates")
    team = settings.sections["teammates"]
    await until(lambda: team.table.rowCount() == 2)
    with smtp_server() as (inbox, port):
        settings_ = relay.relay.settings
        settings_.smtp_host, settings_.smtp_port, settings_.smtp_security = (
            "127.0.0.1",
            port,
            "none",
        )
        team.email.setText("luis@shop.example")
        team.name.setText("Luis")
        team.invite_button.click()
        (message,) = await inbox.wait(1)
        assert message["To"] == "luis@shop.example" and "/set-password#token=" in str(
            message.get_content()
        )
    await until(lambda: team.table.rowCount() == 3)
    invited = next(r for r in range(3) if team.table.item(r, 1).text() == "luis@shop.example")
    assert team.table.item(invited, 3).text() == "Invited"
    await until(lambda: "Invitation sent" in team.status.text())
    await until(lambda: any(a.email == "luis@shop.example" for a in ana.team.agents.values()))
    app.main_window.grab().save(str(artifacts / "account-teammates.png"))
    row = next(r for r in range(3) if team.table.item(r, 1).text() == relay.agent_email)
    team.table.selectRow(row)
    assert team.disable_button.text() == "Disable"
    team.disable_button.click()
    await until(lambda: ana.sign_in_window.isVisible() and not ana.main_window.isVisible())
    assert "disabled" in ana.sign_in_window.error.text()
    await until(
        lambda: any(
            team.table.item(r, 3).text() == "Disabled" for r in range(team.table.rowCount())
        )
    )
    await until(lambda: all(a.email != relay.agent_email for a in app.team.agents.values()))
    await ana.shutdown()
    await app.shutdown()


async def test_sign_out_revokes_and_forgets(
    qapp: Any, relay: RelayHandle, data_dir: Path, secrets: Any, memory_keyring: Any
) -> None:
    """K6: Sign out in the sidebar revokes the token on the relay and forgets the remembered
    sign-in (the keychain entry and the remember flag)."""
    app = await _app(qapp, relay, data_dir, relay.agent_email, relay.agent_password)
    token = app.session.client.token if app.session.client else None
    assert token and app.session.last_account().get("remember")
    app.main_window.sign_out_button.click()
    await until(lambda: app.sign_in_window.isVisible())
    assert not app.session.last_account().get("remember")
    assert token not in memory_keyring.secrets.values()
    refused = AgentClient(relay.ws_url, reconnect=False)
    try:
        await refused.authenticate(token)
        raise AssertionError("the token still works")
    except AuthError:
        pass
    await app.shutdown()


async def test_a4_sign_out_on_other_devices_from_my_account(
    qapp: Any, relay: RelayHandle, data_dir: Path, secrets: Any
) -> None:
    """A4: Ajustes → Cuenta → "Sign out on other devices" ends the agent's session left open
    elsewhere (closed with ``signed_out_elsewhere``, its token refused); the app stays signed in
    and says so."""
    elsewhere = AgentClient(relay.ws_url, reconnect=False)
    await elsewhere.sign_in(relay.agent_email, relay.agent_password)
    token = elsewhere.token
    app = await _app(qapp, relay, data_dir, relay.agent_email, relay.agent_password)
    settings = app.main_window.settings_page
    settings.show_section("account")
    profile = settings.sections["account"]
    await until(lambda: profile.sign_out_others_button.isVisible())
    profile.sign_out_others_button.click()
    await until(lambda: elsewhere.ended_by_relay)
    assert elsewhere.ended_by_relay == "signed_out_elsewhere"
    await until(lambda: profile.status.text() == "Signed out on every other device.")
    assert app.main_window.isVisible() and app.session.client is not None
    refused = AgentClient(relay.ws_url, reconnect=False)
    with pytest.raises(AuthError):
        await refused.authenticate(token)
    await elsewhere.close()
    await app.shutdown()


async def test_sign_out_while_disconnected_still_revokes(
    qapp: Any, relay: RelayHandle, data_dir: Path, secrets: Any, memory_keyring: Any
) -> None:
    """K6: signing out while the connection is down revokes the token over a fresh
    connection, so a copied token is useless afterwards."""
    app = await _app(qapp, relay, data_dir, relay.agent_email, relay.agent_password)
    client = app.session.client
    assert client is not None and client.token
    token = client.token
    await client.drop_connection()
    app.main_window.sign_out_button.click()
    await until(lambda: app.sign_in_window.isVisible())
    refused = AgentClient(relay.ws_url, reconnect=False)
    try:
        await refused.authenticate(token)
        raise AssertionError("the token still works")
    except AuthError:
        pass
    assert token not in memory_keyring.secrets.values()
    await app.shutdown()


ACCOUNT_SECTIONS = ("account", "channels", "teammates", "integrations")
TITLES = {
    "en": ["My account", "Channels", "Teammates", "Integrations"],
    "es": ["Mi cuenta", "Canales", "Compañeros", "Integraciones"],
    "pt": ["Minha conta", "Canais", "Colegas", "Integrações"],
    "ru": ["Моя учётная запись", "Каналы", "Коллеги", "Интеграции"],
}


@pytest.mark.usefixtures("translations")
async def test_account_sections_in_four_languages(
    qapp: Any, relay: RelayHandle, data_dir: Path, secrets: Any, artifacts: Path
) -> None:
    """G6/K1-K5: the account sections switch language at once with the app; a screenshot of
    each section in English, Spanish, Portuguese and Russian."""
    app = await _app(qapp, relay, data_dir, relay.admin_email, relay.admin_password)
    settings = app.main_window.settings_page
    sections = settings.sections
    await until(
        lambda: sections["channels"].list.count() == 1 and sections["teammates"].table.rowCount()
    )
    rows = [settings._keys.index(k) for k in ACCOUNT_SECTIONS]
    for lang, titles in TITLES.items():
        i18n.apply_language(lang)
        await until(lambda t=titles: [settings.nav.item(r).text() for r in rows] == t)
        assert sections["channels"].title.text() == titles[1]
        assert sections["teammates"].title.text() == titles[2]
        for key in ACCOUNT_SECTIONS:
            settings.show_section(key)
            app.main_window.grab().save(str(artifacts / f"account-{key}-{lang}.png"))
    i18n.apply_language("en")
    await until(lambda: sections["account"].hours_on.text().startswith("Outside these hours"))
    await app.shutdown()


@pytest.mark.usefixtures("translations")
async def test_invite_without_smtp_shows_the_link_in_the_admins_language(
    qapp: Any, relay: RelayHandle, data_dir: Path, secrets: Any
) -> None:
    """Issue 13 (demo without SMTP), newcomer-1 stumbling block 2: the demo relay has no SMTP
    server; inviting a colleague from Ajustes → Compañeros says so in the admin's language
    (Spanish here, from the relay's typed ``mail`` code, not its English text), shows the
    set-password link to hand over with a Copy button, and that link sets her password."""
    app = await _app(qapp, relay, data_dir / "boss", relay.admin_email, relay.admin_password)
    i18n.set_language(app.store, "es")
    settings = app.main_window.settings_page
    settings.show_section("teammates")
    team = settings.sections["teammates"]
    await until(lambda: team.table.rowCount() == 2)
    assert not team.link.isVisible()
    team.email.setText("lucia@shop.example")
    team.name.setText("Lucía")
    team.invite_button.click()
    await until(lambda: team.link.isVisible())
    assert team.copy_link.isVisible() and team.copy_link.text() == "Copiar enlace"
    status = team.status.text()
    assert "SMTP" in status and "lucia@shop.example" in status
    assert status.startswith("No se envió ningún correo"), status
    link = team.link.text()
    assert link.startswith(relay.http_url.rstrip("/") + "/set-password#token="), link
    assert team.email.text() == "" and team.table.rowCount() == 3
    team.copy_link.click()
    assert QApplication.clipboard().text() == link
    # The link works: the colleague sets her password on the relay's page and signs in.
    from websockets.asyncio.client import connect

    from server import protocol as p

    async with connect(relay.ws_url) as page:
        token = link.split("#token=", 1)[1]
        await page.send(p.encode(p.SetPassword(id=1, token=token, password="lucia-password")))
        await page.recv()
    lucia = AgentClient(relay.ws_url, reconnect=False)
    await lucia.sign_in("lucia@shop.example", "lucia-password")
    await lucia.close()
    app.main_window.grab().save(str(data_dir / "invite-without-smtp.png"))
    await app.shutdown()
