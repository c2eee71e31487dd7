"""The whole app on a real X server (Xvfb): global Ctrl+R and auto-away (G9, G3)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jivo_desktop.app import DesktopApp
from jivo_desktop.platform.idle import open_x11_idle
from server import protocol as p
from tests.desktop.xvfb import xdotool
from tests.support.relay import RelayHandle
from tests.support.visitor import Visitor
from tests.support.waiting import until


async def _app(qapp: Any, relay: RelayHandle, data_dir: Path, display: str) -> DesktopApp:
    app = DesktopApp(qapp, data_dir, idle=open_x11_idle(display))
    assert await app.session.sign_in_async(
        relay.http_url, relay.agent_email, relay.agent_password, False
    )
    return app


async def test_global_ctrl_r_accepts_while_another_app_has_focus(
    qapp: Any,
    relay: RelayHandle,
    data_dir: Path,
    secrets: Any,
    x11_session: str,
    other_app_focused: str,
) -> None:
    """G9: with another application focused, Ctrl+R (sent with xdotool) accepts the waiting
    chat and brings the window forward on it."""
    app = await _app(qapp, relay, data_dir, x11_session)
    try:
        assert app.global_accept.running, app.global_accept.reason
        visitor = Visitor(relay.ws_url, relay.site_key)
        await visitor.connect()
        await visitor.say("¿Alguien?")
        chat_id = await until(lambda: app.chats.waiting() and app.chats.waiting()[0].id)
        # The offscreen Qt app reads as active here; a real one is inactive while another
        # window has the focus, which is the state the global hotkey is for.
        app.app_in_front = lambda: False  # type: ignore[method-assign]
        xdotool(x11_session, "key", "ctrl+r")
        await until(lambda: app.chats.current == chat_id)
        joined = await visitor.wait_for(
            lambda f: isinstance(f, p.EventPush) and f.event.kind == "joined"
        )
        assert joined.event.chat_id == chat_id
        await visitor.close()
    finally:
        await app.shutdown()


async def test_auto_away_after_idle_and_back_on_activity(
    qapp: Any, relay: RelayHandle, data_dir: Path, secrets: Any, x11_session: str
) -> None:
    """G3: no input for the idle period makes the agent away (colleagues see it); moving the
    mouse brings them online again because auto-away set it; a status chosen by hand stays."""
    from jivo_desktop.net.client import AgentClient

    app = await _app(qapp, relay, data_dir, x11_session)
    boss = AgentClient(relay.ws_url)
    await boss.sign_in(relay.admin_email, relay.admin_password)
    try:
        app.auto_away.set_minutes(1 / 60)  # one second, for the test
        app.auto_away.timer.setInterval(50)
        assert app.auto_away.timer.isActive()
        await until(lambda: app.session.status == "away", timeout=15)
        await until(
            lambda: any(
                isinstance(f, p.AgentPresence)
                and f.agent.email == relay.agent_email
                and f.agent.status == "away"
                for f in boss.received
            )
        )
        xdotool(x11_session, "mousemove", "--sync", "200", "210")
        await until(lambda: app.session.status == "online")
        # Away chosen by hand is not undone by activity.
        app.session.set_status("away")
        xdotool(x11_session, "mousemove", "--sync", "220", "230")
        app.auto_away.check()
        assert app.session.status == "away"
    finally:
        await boss.close()
        await app.shutdown()
