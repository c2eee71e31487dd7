"""Account administration on the relay (A3, K1, K2, K3, K5): admins only, channels, roles,
disabling, API tokens, one's own account."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Callable

import pytest

from jivo_desktop.net.client import AgentClient
from jivo_desktop.net.errors import AuthError, RelayError
from server import protocol as p
from server.account import hours
from server.core.relay import ADMIN_FRAMES
from tests.support.relay import RelayHandle, running_relay
from tests.support.visitor import Visitor

# One valid example of each admin request: a new admin frame without one fails the A3 test.
ADMIN_EXAMPLES: dict[type[p.Frame], Callable[[int], p.Frame]] = {
    p.ListSites: lambda i: p.ListSites(id=i),
    p.SaveSite: lambda i: p.SaveSite(id=i, name="Shop", origins=["https://shop.example"]),
    p.ListTeammates: lambda i: p.ListTeammates(id=i),
    p.InviteAgent: lambda i: p.InviteAgent(id=i, email="new@example.com"),
    p.UpdateAgent: lambda i: p.UpdateAgent(id=i, agent_id=1, role="agent"),
    p.ListWebhooks: lambda i: p.ListWebhooks(id=i),
    p.SaveWebhook: lambda i: p.SaveWebhook(
        id=i, url="http://127.0.0.1:9/hook", events=["chat_accepted"]
    ),
    p.DeleteWebhook: lambda i: p.DeleteWebhook(id=i, webhook_id=1),
    p.ListApiTokens: lambda i: p.ListApiTokens(id=i),
    p.CreateApiToken: lambda i: p.CreateApiToken(id=i, name="script"),
    p.RevokeApiToken: lambda i: p.RevokeApiToken(id=i, token_id=1),
    p.SaveWorkingHours: lambda i: p.SaveWorkingHours(id=i, hours=p.WorkingHours(enabled=True)),
    p.SetSneakPeek: lambda i: p.SetSneakPeek(id=i, site_id=1, enabled=True),
    p.SaveDepartment: lambda i: p.SaveDepartment(id=i, name="Ventas"),  # T4
    p.DeleteDepartment: lambda i: p.DeleteDepartment(id=i, department_id=1),
    p.SaveFunnel: lambda i: p.SaveFunnel(  # K4
        id=i, name="Ventas", stages=[p.StageEdit(name="Nuevo")]
    ),
    p.DeleteFunnel: lambda i: p.DeleteFunnel(id=i, funnel_id=1),
    p.SaveCustomField: lambda i: p.SaveCustomField(id=i, label="Plan"),
    p.DeleteCustomField: lambda i: p.DeleteCustomField(id=i, field_id=1),
    p.SetCrmVisibility: lambda i: p.SetCrmVisibility(id=i, clients_visibility="own"),
    p.GetTranslator: lambda i: p.GetTranslator(id=i),  # C11
    p.SaveTranslator: lambda i: p.SaveTranslator(id=i, backend=""),
    p.GetGifProvider: lambda i: p.GetGifProvider(id=i),  # C16
    p.SaveGifProvider: lambda i: p.SaveGifProvider(id=i, provider=""),
    p.ListChannels: lambda i: p.ListChannels(id=i),  # C10/K1
    p.SaveChannel: lambda i: p.SaveChannel(id=i, kind="email", site_id=1),
    p.TestChannel: lambda i: p.TestChannel(id=i, channel_id=1, to="eva@example.com"),
}


@pytest.fixture
async def signed(relay: RelayHandle) -> AsyncIterator[Callable[..., object]]:
    clients: list[AgentClient] = []

    async def sign_in(email: str, password: str) -> AgentClient:
        client = AgentClient(relay.ws_url, reconnect=True, min_backoff=0.05)
        await client.sign_in(email, password)
        await client.wait_synced()
        clients.append(client)
        return client

    yield sign_in
    for client in clients:
        await client.close()


def test_every_admin_frame_has_an_example() -> None:
    assert set(ADMIN_EXAMPLES) == set(ADMIN_FRAMES)


async def test_agent_is_refused_each_admin_request(relay: RelayHandle, signed: object) -> None:
    """A3: an agent sending EACH admin request gets ``forbidden`` from the relay, and nothing
    changes; an agent promoted to admin a moment ago is let through (the check reads the
    database, not the connection's snapshot)."""
    agent: AgentClient = await signed(relay.agent_email, relay.agent_password)  # type: ignore[operator]
    admin: AgentClient = await signed(relay.admin_email, relay.admin_password)  # type: ignore[operator]
    for kind, make in ADMIN_EXAMPLES.items():
        with pytest.raises(RelayError) as refused:
            await agent.request(make)
        assert refused.value.code == "forbidden", kind.__name__
    sites = await admin.request(lambda i: p.ListSites(id=i))
    assert isinstance(sites, p.SitesList)
    assert [s.name for s in sites.sites] == ["Demo site"]  # the refused SaveSite stored nothing
    # The agent may still read and change its own account.
    mine = await agent.request(lambda i: p.GetMyAccount(id=i))
    assert isinstance(mine, p.MyAccount) and mine.hours is None
    ana = agent.welcome.agent.id  # type: ignore[union-attr]
    await admin.request(lambda i: p.UpdateAgent(id=i, agent_id=ana, role="admin"))
    promoted = await agent.request(lambda i: p.ListSites(id=i))
    assert isinstance(promoted, p.SitesList)


async def test_channels_add_rename_disable(relay: RelayHandle, signed: object) -> None:
    """K1: add a site with its language and origins, rename it, disable it: a disabled site's
    widget is refused with a clear reason."""
    admin: AgentClient = await signed(relay.admin_email, relay.admin_password)  # type: ignore[operator]
    saved = await admin.request(
        lambda i: p.SaveSite(
            id=i,
            name="Tienda",
            language="es",
            origins=["HTTPS://Shop.Example/", "http://x.io:8080"],
        )
    )
    assert isinstance(saved, p.SiteSaved)
    site = saved.site
    assert site.language == "es" and site.origins == ["https://shop.example", "http://x.io:8080"]
    with pytest.raises(RelayError, match="not an origin"):
        await admin.request(lambda i: p.SaveSite(id=i, name="Bad", origins=["shop.example/path"]))
    renamed = await admin.request(
        lambda i: p.SaveSite(id=i, site_id=site.id, name="Tienda Sevilla", language="es")
    )
    assert isinstance(renamed, p.SiteSaved) and renamed.site.key == site.key
    visitor = Visitor(relay.ws_url, site.key)
    welcome = await visitor.connect()
    assert isinstance(welcome, p.VisitorWelcome)
    assert welcome.language == "es" and welcome.site_name == "Tienda Sevilla"
    await visitor.close()
    await admin.request(
        lambda i: p.SaveSite(id=i, site_id=site.id, name="Tienda Sevilla", enabled=False)
    )
    refused = await Visitor(relay.ws_url, site.key).connect()
    assert isinstance(refused, p.Error) and "switched off" in refused.message


async def test_disabling_signs_the_agent_out_at_once(relay: RelayHandle, signed: object) -> None:
    """K2: disabling an agent closes its connections at once (the client stops, it does not
    reconnect), its token and password stop working, and colleagues see it gone."""
    agent: AgentClient = await signed(relay.agent_email, relay.agent_password)  # type: ignore[operator]
    admin: AgentClient = await signed(relay.admin_email, relay.admin_password)  # type: ignore[operator]
    token = agent.token
    ana = agent.welcome.agent.id  # type: ignore[union-attr]
    mark = len(admin.received)
    saved = await admin.request(lambda i: p.UpdateAgent(id=i, agent_id=ana, disabled=True))
    assert isinstance(saved, p.TeammateSaved) and saved.teammate.disabled
    await _until(lambda: agent.state == "closed")
    assert agent.ended_by_relay == "account_disabled"  # issue 13: a SignOutReason code
    changed = await admin.wait_for(
        lambda f: isinstance(f, p.AgentChanged) and f.agent.id == ana, since=mark
    )
    assert changed.change == "disabled"
    again = AgentClient(relay.ws_url, reconnect=False)
    with pytest.raises(AuthError):
        await again.authenticate(token or "")
    with pytest.raises(AuthError):
        await again.sign_in(relay.agent_email, relay.agent_password)
    team = await admin.request(lambda i: p.ListTeammates(id=i))
    assert isinstance(team, p.TeammatesList)
    assert [t.disabled for t in team.teammates if t.id == ana] == [True]


async def test_api_token_for_scripts(relay: RelayHandle, signed: object) -> None:
    """K3: an API token is shown once, authenticates a script as its admin, and stops working
    when revoked."""
    admin: AgentClient = await signed(relay.admin_email, relay.admin_password)  # type: ignore[operator]
    created = await admin.request(lambda i: p.CreateApiToken(id=i, name="nightly export"))
    assert isinstance(created, p.ApiTokenCreated) and created.token.startswith("jvt_")
    script = AgentClient(relay.ws_url, reconnect=False)
    await script.authenticate(created.token, status="away")
    sites = await script.request(lambda i: p.ListSites(id=i))
    assert isinstance(sites, p.SitesList)
    await script.close()
    listed = await admin.request(lambda i: p.ListApiTokens(id=i))
    assert isinstance(listed, p.ApiTokensList)
    assert created.token not in repr(listed)  # only the hash is kept
    await admin.request(lambda i: p.RevokeApiToken(id=i, token_id=created.info.id))
    with pytest.raises(AuthError):
        await AgentClient(relay.ws_url, reconnect=False).authenticate(created.token)


async def test_my_account_needs_the_old_password(relay: RelayHandle, signed: object) -> None:
    """K5: name, e-mail (any case) and time zone change; a new password needs the old one."""
    agent: AgentClient = await signed(relay.agent_email, relay.agent_password)  # type: ignore[operator]

    def save(old: str, new: str, tz: str = "Europe/Madrid") -> Callable[[int], p.Frame]:
        return lambda i: p.SaveMyAccount(
            id=i, name="Ana María", email="ANA.M@Example.com", timezone=tz,
            old_password=old, new_password=new,
        )  # fmt: skip

    with pytest.raises(RelayError) as wrong:
        await agent.request(save("not-my-password", "brand-new-pass"))
    assert wrong.value.code == "bad_credentials"
    with pytest.raises(RelayError, match="time zone"):
        await agent.request(save("", "", tz="Mars/Olympus"))
    mine = await agent.request(save(relay.agent_password, "brand-new-pass"))
    assert isinstance(mine, p.MyAccount)
    assert (mine.name, mine.email, mine.timezone) == (
        "Ana María",
        "ana.m@example.com",
        "Europe/Madrid",
    )
    fresh = AgentClient(relay.ws_url, reconnect=False)
    await fresh.sign_in("ana.m@example.com", "brand-new-pass")
    await fresh.close()


def test_working_hours_spans() -> None:
    """K5: open inside the day's span in the hours' time zone, closed outside, spans past
    midnight count for the next morning, and switched-off hours are always open."""
    days = [p.DayHours(open=True, start="09:00", end="18:00") for _ in range(5)]
    days += [p.DayHours(open=True, start="22:00", end="02:00"), p.DayHours(open=False)]
    wh = p.WorkingHours(enabled=True, timezone="Europe/Madrid", days=days)
    madrid = dt.timezone(dt.timedelta(hours=1))  # November: CET
    at = lambda d, h, m=0: dt.datetime(2026, 11, d, h, m, tzinfo=madrid)  # noqa: E731
    assert hours.is_open(wh, at(23, 9))  # Monday 09:00
    assert not hours.is_open(wh, at(23, 18))
    assert not hours.is_open(wh, at(23, 8, 59))
    assert hours.is_open(wh, at(28, 23))  # Saturday 23:00
    assert hours.is_open(wh, at(29, 1, 30))  # Sunday 01:30, Saturday's span
    assert not hours.is_open(wh, at(29, 12))
    assert hours.is_open(p.WorkingHours(enabled=False), at(29, 12))


async def test_working_hours_close_the_chat_for_visitors(
    relay: RelayHandle, signed: object
) -> None:
    """K5: outside the working hours visitors are told no agent is available (offline form),
    though an agent is online, and told again the moment the hours open."""
    admin: AgentClient = await signed(relay.admin_email, relay.admin_password)  # type: ignore[operator]
    visitor = Visitor(relay.ws_url, relay.site_key)
    welcome = await visitor.connect()
    assert isinstance(welcome, p.VisitorWelcome) and welcome.agents_online
    closed = p.WorkingHours(enabled=True, timezone="UTC", days=[p.DayHours(open=False)] * 7)
    await admin.request(lambda i: p.SaveWorkingHours(id=i, hours=closed))
    pushed = await visitor.wait_for(lambda f: isinstance(f, p.AgentsAvailable))
    assert pushed.online is False
    late = Visitor(relay.ws_url, relay.site_key)
    late_welcome = await late.connect()
    assert isinstance(late_welcome, p.VisitorWelcome) and late_welcome.agents_online is False
    answer = await late.say("hello?")
    assert isinstance(answer, p.Error) and answer.code == "no_agents_online"
    mark = len(visitor.frames)
    always = p.WorkingHours(
        enabled=True, timezone="UTC", days=[p.DayHours(start="00:00", end="24:00")] * 7
    )
    await admin.request(lambda i: p.SaveWorkingHours(id=i, hours=always))
    pushed = await visitor.wait_for(lambda f: isinstance(f, p.AgentsAvailable), since=mark)
    assert pushed.online is True
    await visitor.close()
    await late.close()


async def test_invitation_without_smtp_returns_the_link_to_the_admin(sqlite_url: str) -> None:
    """Issue 13 (demo without SMTP): with no SMTP server set, inviting still creates the
    account and answers the admin with ``mail="smtp_not_set"`` (a typed code the app
    translates) and the set-password link to hand over; the link sets the colleague's
    password once, and she signs in."""
    import json
    from urllib.parse import urlsplit

    from websockets.asyncio.client import connect

    async with running_relay(sqlite_url) as relay:
        admin = AgentClient(relay.ws_url)
        await admin.sign_in(relay.admin_email, relay.admin_password)
        saved = await admin.request(lambda i: p.InviteAgent(id=i, email="Luis@Example.com"))
        assert isinstance(saved, p.TeammateSaved), saved
        assert saved.mail == "smtp_not_set" and saved.teammate.invited
        assert saved.teammate.email == "luis@example.com"
        link = urlsplit(saved.set_password_link)
        assert f"{link.scheme}://{link.netloc}" == relay.http_url.rstrip("/")
        assert link.path == "/set-password" and link.fragment.startswith("token=")
        token = link.fragment.removeprefix("token=")
        async with connect(relay.ws_url) as page:
            await page.send(
                p.encode(p.SetPassword(id=1, token=token, password="luis-new-password"))
            )
            answer = json.loads(await page.recv())
        assert answer["type"] != "error" and answer["email"] == "luis@example.com", answer
        luis = AgentClient(relay.ws_url, reconnect=False)
        welcome = await luis.sign_in("luis@example.com", "luis-new-password")
        assert welcome.agent.role == "agent"
        await luis.close()
        await admin.close()


async def _until(condition: Callable[[], object], timeout: float = 10.0) -> None:
    from tests.support.waiting import until

    await until(condition, timeout)


async def test_admin_requests_on_sqlite_and_postgres(relay_any_db: RelayHandle) -> None:
    """A3/K1-K5: every admin request works for an admin on both databases (no ``internal``
    error): the refusals of the A3 test are the role check, not a broken request."""
    admin = AgentClient(relay_any_db.ws_url)
    await admin.sign_in(relay_any_db.admin_email, relay_any_db.admin_password)
    outcomes: dict[str, str] = {}
    for kind, make in ADMIN_EXAMPLES.items():
        try:
            answer = await admin.request(make)
            outcomes[kind.__name__] = p.tag_of(type(answer))
        except RelayError as exc:
            outcomes[kind.__name__] = exc.code
    assert outcomes == {
        "ListSites": "sites_list",
        "SaveSite": "site_saved",
        "ListTeammates": "teammates_list",
        "InviteAgent": "teammate_saved",  # no SMTP server: the link goes to the admin
        "UpdateAgent": "invalid",  # the example drops the admin's own role: refused
        "ListWebhooks": "webhooks_list",
        "SaveWebhook": "webhook_saved",
        "DeleteWebhook": "ok",
        "ListApiTokens": "api_tokens_list",
        "CreateApiToken": "api_token_created",
        "RevokeApiToken": "ok",
        "SaveWorkingHours": "my_account",
        "SetSneakPeek": "ok",
        "SaveDepartment": "departments_list",
        "DeleteDepartment": "departments_list",
        "SaveFunnel": "crm_settings",  # K4
        "DeleteFunnel": "crm_settings",  # the one just saved, without deals
        "SaveCustomField": "crm_settings",
        "DeleteCustomField": "crm_settings",
        "SetCrmVisibility": "crm_settings",
        "GetTranslator": "translator_settings",  # C11
        "SaveTranslator": "translator_settings",
        "GetGifProvider": "gif_provider_settings",  # C16
        "SaveGifProvider": "gif_provider_settings",
        "ListChannels": "channels_list",
        "SaveChannel": "channel_saved",
        "TestChannel": "channel_tested",  # no SMTP server set: tested, with its error
    }
    await admin.close()
