"""K3: outgoing webhooks, received by a real HTTP server started here: signed with
HMAC-SHA256 over the body, retried with backoff when the receiver fails, kept in the database
across a restart, and logged for the app."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import http.server
import json
import threading
from collections.abc import Iterator
from typing import Any

from jivo_desktop.net.client import AgentClient
from server import protocol as p
from tests.server.test_routing import site_settings
from tests.support.relay import running_relay
from tests.support.visitor import Visitor
from tests.support.waiting import until


class Receiver:
    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.calls: list[tuple[int, dict[str, str], bytes]] = []
        self.lock = threading.Lock()

    def delivered(self) -> list[tuple[dict[str, str], bytes]]:
        return [(h, b) for code, h, b in self.calls if code == 200]


@contextlib.contextmanager
def receiver(failures: int) -> Iterator[tuple[Receiver, str]]:
    """An HTTP server on 127.0.0.1, port 0, answering 500 ``failures`` times, then 200."""
    state = Receiver(failures)

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            with state.lock:
                code = 500 if state.failures > 0 else 200
                state.failures -= 1
                state.calls.append((code, dict(self.headers.items()), body))
            self.send_response(code)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state, f"http://127.0.0.1:{server.server_address[1]}/hooks/jivo"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def _valid(headers: dict[str, str], body: bytes, secret: str) -> bool:
    expected = "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(headers.get("X-Jivo-Signature", ""), expected)


async def _admin(ws_url: str, email: str, password: str) -> AgentClient:
    client = AgentClient(ws_url)
    await client.sign_in(email, password)
    return client


async def test_webhooks_signed_retried_and_logged(sqlite_url: str) -> None:
    """K3: an offline message and a contact update reach the receiver with a valid
    signature; a 500 answer is retried with backoff until it is delivered; the delivery log
    shows the attempts; a webhook only gets the events it asked for."""
    with receiver(failures=2) as (got, url):
        async with running_relay(sqlite_url, webhook_backoff=0.1) as relay:
            admin = await _admin(relay.ws_url, relay.admin_email, relay.admin_password)
            saved = await admin.request(
                lambda i: p.SaveWebhook(id=i, url=url, events=["offline_message", "client_updated"])
            )
            assert isinstance(saved, p.WebhookSaved) and len(saved.secret) >= 32
            visitor = Visitor(relay.ws_url, relay.site_key)
            await visitor.connect()
            rid = visitor.send_frame(
                lambda i: p.OfflineMessage(
                    id=i, email="m@example.com", text="¿Abren hoy?", name="M"
                )
            )
            assert isinstance(await visitor.answer(rid), p.Ok)
            await until(lambda: len(got.delivered()) == 1, timeout=15)
            assert [code for code, _, _ in got.calls] == [500, 500, 200]
            headers, body = got.delivered()[0]
            assert _valid(headers, body, saved.secret)
            assert not _valid(headers, body, "another secret")
            payload = json.loads(body)
            assert payload["event"] == "offline_message"
            assert payload["data"]["text"] == "¿Abren hoy?"
            assert headers["X-Jivo-Event"] == "offline_message"

            rid = visitor.send_frame(lambda i: p.SetContact(id=i, name="Marta"))
            await visitor.answer(rid)
            await until(lambda: len(got.delivered()) == 2, timeout=15)
            headers, body = got.delivered()[1]
            assert _valid(headers, body, saved.secret)
            assert json.loads(body)["data"]["name"] == "Marta"

            # The receiver has answered; the relay records the outcome right after.
            by_event: dict[str, p.DeliveryInfo] = {}

            async def logged() -> bool:
                log = await admin.request(lambda i: p.ListWebhooks(id=i))
                assert isinstance(log, p.WebhooksList)
                by_event.update({d.event: d for d in log.deliveries})
                return all(d.status == "delivered" for d in log.deliveries)

            await _until_async(logged)
            assert by_event["offline_message"].status == "delivered"
            assert by_event["offline_message"].attempts == 3
            assert by_event["offline_message"].last_status == 200
            assert by_event["client_updated"].attempts == 1
            await visitor.close()
            await admin.close()


async def test_webhook_retries_survive_a_restart(sqlite_url: str) -> None:
    """K3: a delivery that failed is stored with its next attempt; a relay started again on
    the same database delivers it."""
    with receiver(failures=1) as (got, url):
        async with running_relay(sqlite_url, webhook_backoff=0.5) as relay:
            admin = await _admin(relay.ws_url, relay.admin_email, relay.admin_password)
            saved = await admin.request(
                lambda i: p.SaveWebhook(id=i, url=url, events=["offline_message"])
            )
            assert isinstance(saved, p.WebhookSaved)
            visitor = Visitor(relay.ws_url, relay.site_key)
            await visitor.connect()
            rid = visitor.send_frame(lambda i: p.OfflineMessage(id=i, email="a@b.co", text="hi"))
            await visitor.answer(rid)
            await until(lambda: len(got.calls) == 1, timeout=10)
            await visitor.close()
            await admin.close()
        assert got.delivered() == []
        async with _restarted(sqlite_url) as _:
            await until(lambda: len(got.delivered()) == 1, timeout=15)
        headers, body = got.delivered()[0]
        assert _valid(headers, body, saved.secret)


@contextlib.asynccontextmanager
async def _restarted(sqlite_url: str) -> Any:
    from server.core.config import Settings
    from server.core.relay import Relay

    settings = Settings(host="127.0.0.1", port=0, database_url=sqlite_url, webhook_backoff=0.5)
    async with Relay(settings) as relay:
        yield relay


async def test_chat_accepted_and_finished_hooks(sqlite_url: str) -> None:
    """K3: accepting and finishing a chat each POST their event, with the chat and agent."""
    with receiver(failures=0) as (got, url):
        async with running_relay(sqlite_url) as relay:
            admin = await _admin(relay.ws_url, relay.admin_email, relay.admin_password)
            saved = await admin.request(
                lambda i: p.SaveWebhook(id=i, url=url, events=["chat_accepted", "chat_finished"])
            )
            assert isinstance(saved, p.WebhookSaved)
            visitor = Visitor(relay.ws_url, relay.site_key)
            await visitor.connect()
            acked = await visitor.say("hola")
            assert isinstance(acked, p.MessageAcked)
            await admin.accept(acked.chat_id)
            await admin.close_chat(acked.chat_id)
            await until(lambda: len(got.delivered()) == 2, timeout=10)
            events = sorted(json.loads(b)["event"] for _, b in got.delivered())
            assert events == ["chat_accepted", "chat_finished"]
            for headers, body in got.delivered():
                assert _valid(headers, body, saved.secret)
                data = json.loads(body)["data"]
                assert data["chat_id"] == acked.chat_id and data["agent"]["name"] == "Boss"
            await visitor.close()
            await admin.close()


async def _until_async(check: Any, timeout: float = 10.0) -> None:
    async with asyncio.timeout(timeout):
        while not await check():  # noqa: ASYNC110 - polls the relay over the WebSocket
            await asyncio.sleep(0.02)


async def test_missed_chat_is_a_finished_chat(sqlite_url: str) -> None:
    """K3 with N3: a chat the ignore ladder ends as missed POSTs ``chat_finished`` too, marked
    missed and with no agent (nobody took it)."""
    with receiver(failures=0) as (got, url):
        async with running_relay(sqlite_url) as relay:
            admin = await _admin(relay.ws_url, relay.admin_email, relay.admin_password)
            saved = await admin.request(
                lambda i: p.SaveWebhook(id=i, url=url, events=["chat_finished"])
            )
            assert isinstance(saved, p.WebhookSaved)
            await site_settings(relay, timeout=0.2)  # short offer rounds: missed within a second
            visitor = Visitor(relay.ws_url, relay.site_key)
            await visitor.connect()
            acked = await visitor.say("hola")
            assert isinstance(acked, p.MessageAcked)
            await visitor.wait_for(
                lambda f: isinstance(f, p.EventPush) and f.event.kind == "missed", timeout=10
            )
            await until(lambda: len(got.delivered()) == 1, timeout=10)
            headers, body = got.delivered()[0]
            assert _valid(headers, body, saved.secret)
            sent = json.loads(body)
            assert sent["event"] == "chat_finished"
            assert sent["data"] == {"chat_id": acked.chat_id, "agent": None, "missed": True}
            await visitor.close()
            await admin.close()


async def test_block_and_last_leave_finish_the_chat(sqlite_url: str) -> None:
    """K3 with C8 and C3: a chat closed by blocking its client, or by its last agent leaving,
    POSTs ``chat_finished`` like one closed by the button."""
    with receiver(failures=0) as (got, url):
        async with running_relay(sqlite_url) as relay:
            admin = await _admin(relay.ws_url, relay.admin_email, relay.admin_password)
            saved = await admin.request(
                lambda i: p.SaveWebhook(id=i, url=url, events=["chat_finished"])
            )
            assert isinstance(saved, p.WebhookSaved)
            chat_ids = []
            for close in ("leave", "block"):
                visitor = Visitor(relay.ws_url, relay.site_key)
                await visitor.connect()
                acked = await visitor.say("hola")
                assert isinstance(acked, p.MessageAcked)
                await admin.accept(acked.chat_id)
                if close == "leave":
                    await admin.leave_chat(acked.chat_id)
                else:
                    await admin.request(lambda i, c=acked.chat_id: p.BlockClient(id=i, chat_id=c))
                chat_ids.append(acked.chat_id)
                await visitor.close()
            await until(lambda: len(got.delivered()) == 2, timeout=10)
            finished = sorted(json.loads(b)["data"]["chat_id"] for _, b in got.delivered())
            assert finished == sorted(chat_ids)
            assert all(_valid(h, b, saved.secret) for h, b in got.delivered())
            await admin.close()
