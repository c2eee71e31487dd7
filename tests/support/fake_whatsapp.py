"""A fake WhatsApp Cloud API (ours, for the tests), the documented subset the relay uses: it
receives ``POST /<version>/<phone number id>/messages`` (Bearer token checked) and answers a
``wamid``; and it plays Meta's side of the webhook: the verification GET, and signed POSTs
(``X-Hub-Signature-256``) of a client's message, which Meta retries until it gets a 200."""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

PHONE_ID = "1098765"
ACCESS_TOKEN = "EAAG-test-access"
APP_SECRET = "meta-app-secret"
VERIFY_TOKEN = "verify-me"


class FakeWhatsApp:
    def __init__(self) -> None:
        self.sent: list[dict[str, Any]] = []
        self.requests: list[dict[str, Any]] = []
        """Every message request as sent, with its wamid (``biz_opaque_callback_data``...)."""
        self.hold: threading.Event | None = None
        """Set: each send is taken (in ``sent``) and answered only once this is set, so a
        test can kill the relay between the provider taking a reply and the relay hearing."""
        self.lock = threading.Lock()
        self.port = 0
        self._n = 0

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @staticmethod
    def message_body(phone: str, name: str, text: str, wamid: str) -> bytes:
        value = {
            "messaging_product": "whatsapp",
            "metadata": {"phone_number_id": PHONE_ID},
            "contacts": [{"profile": {"name": name}, "wa_id": phone}],
            "messages": [{"from": phone, "id": wamid, "timestamp": "1796400000",
                          "type": "text", "text": {"body": text}}],
        }  # fmt: skip
        entry = {"id": "WABA", "changes": [{"field": "messages", "value": value}]}
        return json.dumps({"object": "whatsapp_business_account", "entry": [entry]}).encode()

    @staticmethod
    def status_body(wamid: str, status: str, phone: str, key: str = "") -> bytes:
        """A webhook POST of one status (sent, delivered, read, failed), as Meta sends it;
        ``key`` the message's ``biz_opaque_callback_data``."""
        report: dict[str, Any] = {"id": wamid, "status": status, "timestamp": "1796400100",
                                  "recipient_id": phone}  # fmt: skip
        if key:
            report["biz_opaque_callback_data"] = key
        if status == "failed":
            report["errors"] = [{"code": 131026, "title": "Message undeliverable"}]
        value = {"messaging_product": "whatsapp", "metadata": {"phone_number_id": PHONE_ID},
                 "statuses": [report]}  # fmt: skip
        entry = {"id": "WABA", "changes": [{"field": "messages", "value": value}]}
        return json.dumps({"object": "whatsapp_business_account", "entry": [entry]}).encode()

    @staticmethod
    def post(url: str, body: bytes, secret: str = APP_SECRET) -> int:
        """One webhook POST as Meta signs it; the HTTP status the relay answered."""
        signature = "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
        request = urllib.request.Request(
            url, data=body, method="POST",
            headers={"Content-Type": "application/json", "X-Hub-Signature-256": signature},
        )  # fmt: skip
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return int(response.status)
        except urllib.error.HTTPError as exc:
            return int(exc.code)

    @staticmethod
    def get(url: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return int(response.status), response.read().decode()
        except urllib.error.HTTPError as exc:
            return int(exc.code), ""


@contextlib.contextmanager
def fake_whatsapp() -> Iterator[FakeWhatsApp]:
    fake = FakeWhatsApp()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            payload = json.loads(self.rfile.read(length) or b"{}")
            if self.headers.get("Authorization") != f"Bearer {ACCESS_TOKEN}":
                self._answer(401, {"error": {"message": "Invalid OAuth access token"}})
                return
            if not self.path.endswith(f"/{PHONE_ID}/messages"):
                self._answer(404, {"error": {"message": "Unknown path"}})
                return
            with fake.lock:
                fake._n += 1
                fake.sent.append({"to": payload["to"], "text": payload["text"]["body"]})
                wamid = f"wamid.OUT{fake._n}"
                fake.requests.append({**payload, "wamid": wamid})
                hold = fake.hold
            if hold is not None and not hold.wait(30):
                return
            self._answer(200, {"messaging_product": "whatsapp", "messages": [{"id": wamid}]})

        def _answer(self, code: int, answer: dict[str, Any]) -> None:
            body = json.dumps(answer).encode()
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    fake.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
