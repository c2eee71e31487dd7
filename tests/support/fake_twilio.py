"""A fake Twilio (ours, for the tests), the documented subset the relay uses: it receives
``POST /2010-04-01/Accounts/<sid>/Messages.json`` (Basic auth: the account sid and auth
token) and answers a message sid; and it plays Twilio's side of the webhook: form-encoded
POSTs signed with ``X-Twilio-Signature`` (an incoming SMS, a status callback), retried when
the answer is not a 2xx."""

from __future__ import annotations

import base64
import contextlib
import json
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from server.channels.sms import signature

ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef"
AUTH_TOKEN = "twilio-auth-token"
FROM_NUMBER = "+15005550006"


class FakeTwilio:
    def __init__(self) -> None:
        self.sent: list[dict[str, str]] = []
        self.callbacks: list[tuple[str, str]] = []
        """(message sid, StatusCallback URL) of each message that asked for status reports."""
        self.lock = threading.Lock()
        self.port = 0

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @staticmethod
    def post(url: str, params: dict[str, str], token: str = AUTH_TOKEN) -> int:
        body = urllib.parse.urlencode(params).encode()
        request = urllib.request.Request(
            url, data=body, method="POST",
            headers={"Content-Type": "application/x-www-form-urlencoded",
                     "X-Twilio-Signature": signature(token, url, params)},
        )  # fmt: skip
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return int(response.status)
        except urllib.error.HTTPError as exc:
            return int(exc.code)


@contextlib.contextmanager
def fake_twilio() -> Iterator[FakeTwilio]:
    fake = FakeTwilio()
    auth = "Basic " + base64.b64encode(f"{ACCOUNT_SID}:{AUTH_TOKEN}".encode()).decode()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            form = dict(urllib.parse.parse_qsl(self.rfile.read(length).decode()))
            if self.headers.get("Authorization") != auth:
                self._answer(401, {"code": 20003, "message": "Authenticate"})
                return
            if self.path != f"/2010-04-01/Accounts/{ACCOUNT_SID}/Messages.json":
                self._answer(404, {"code": 20404, "message": "Not found"})
                return
            with fake.lock:
                fake.sent.append({"To": form["To"], "From": form["From"], "Body": form["Body"]})
                sid = f"SM{len(fake.sent):032d}"
                if form.get("StatusCallback"):
                    fake.callbacks.append((sid, form["StatusCallback"]))
            self._answer(201, {"sid": sid, "status": "queued"})

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
