"""Issue 13: the app shows the relay's refusals in the agent's language, never the relay's raw
English: an upload refused with ``quota_exceeded`` and a sign-out by the relay, in Spanish (the
app offscreen, a real relay, a scripted visitor)."""

from __future__ import annotations

import http.server
import os
import threading
from pathlib import Path
from typing import Any

from jivo_desktop import i18n
from jivo_desktop.net.client import AgentClient
from jivo_desktop.services.secrets import Secrets
from jivo_desktop.services.session import SessionService
from jivo_desktop.store import LocalStore
from server import protocol as p
from tests.desktop.test_files_ui import _chat_with_visitor
from tests.desktop.test_i18n import translations  # noqa: F401 (fixture)
from tests.desktop.test_windows import _signed_in_app
from tests.support.relay import running_relay
from tests.support.waiting import until


async def test_issue13_quota_and_relay_sign_out_read_in_spanish(
    qapp: Any,
    translations: Path,  # noqa: F811
    sqlite_url: str,
    data_dir: Path,
    secrets: Any,
    artifacts: Path,
    tmp_path: Path,
) -> None:
    """Issue 13: in Spanish, a file the relay refuses with ``quota_exceeded`` (the chat's files
    are capped at 1 KB here) shows "… no se envió" and the Spanish reason; an admin disabling
    the account signs the app out with a Spanish sentence in the sign-in window. Neither shows
    the relay's English message nor its code."""
    async with running_relay(sqlite_url, chat_files_max_bytes=1024) as relay:
        app = await _signed_in_app(qapp, relay, data_dir)
        assert i18n.apply_language("es") == "es"
        window = app.main_window
        window.resize(1180, 760)
        visitor, _chat_id = await _chat_with_visitor(app, relay)

        catalogue = tmp_path / "catalogo.pdf"
        catalogue.write_bytes(os.urandom(4096))
        window.inbox.conversation._on_files_dropped([str(catalogue)])
        await until(lambda: window.problem.isVisible() and "catalogo.pdf" in window.problem.text())
        shown = window.problem.text()
        assert shown == (
            "catalogo.pdf no se envió: El chat alcanzó su límite de archivos. Envíe un enlace "
            "al archivo en su lugar."
        )
        assert "quota_exceeded" not in shown and "MB of files" not in shown
        assert relay.relay.files.stored_files() == []
        window.grab().save(str(artifacts / "desktop-quota-es.png"))

        ana = app.session.welcome.agent.id  # type: ignore[union-attr]
        admin = AgentClient(relay.ws_url, reconnect=False)
        await admin.sign_in(relay.admin_email, relay.admin_password)
        saved = await admin.request(lambda i: p.UpdateAgent(id=i, agent_id=ana, disabled=True))
        assert isinstance(saved, p.TeammateSaved)
        sign_in = app.sign_in_window
        await until(lambda: sign_in.isVisible() and sign_in.error.isVisible())
        said = sign_in.error.text()
        assert said == (
            "Se cerró su sesión: Un administrador desactivó su cuenta. Pida a un administrador "
            "que la active."
        )
        assert "signed out" not in said and "disabled" not in said
        sign_in.grab().save(str(artifacts / "desktop-signed-out-es.png"))
        await admin.close()
        await visitor.close()
        await app.shutdown()


async def test_issue13_an_address_that_is_no_relay_is_said_in_words(
    qapp: Any, local_store: LocalStore, secrets: Secrets
) -> None:
    """Issue 13 (sign-in): an address that answers HTTP but is no relay (a web server's 404)
    and one that is no address at all each get a sentence of the app's, not the websockets
    library's English ("server rejected WebSocket connection: HTTP 404")."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        session = SessionService(local_store, secrets)
        messages: list[str] = []
        session.sign_in_failed.connect(messages.append)
        address = f"http://127.0.0.1:{server.server_address[1]}"
        assert not await session.sign_in_async(address, "ana@example.com", "x", False)
        assert not await session.sign_in_async("ws://[::1", "ana@example.com", "x", False)
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
    assert messages[0] == (
        f"The address {address} answered, but not as a relay. Check the address, or ask an "
        "administrator."
    )
    assert messages[1] == "ws://[::1 is not a relay address. It looks like wss://chat.example.com."
