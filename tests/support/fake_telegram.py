"""A fake Telegram Bot API (ours, for the tests): the documented subset the relay uses,
``getUpdates`` (with ``offset`` confirming earlier updates) and ``sendMessage``, over real
HTTP on 127.0.0.1. A wrong bot token is answered 401 as Telegram does. ``client_writes`` adds
an update (``twice``: the same update delivered again, as a provider retry does);
``stall_sends``: the next sendMessage is recorded, then its answer never comes (the
connection is closed once the test releases it), as when the relay is killed between send
and acknowledgement."""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

TOKEN = "123456:TEST-token"


class FakeTelegram:
    def __init__(self, token: str = TOKEN) -> None:
        self.token = token
        self.updates: list[dict[str, Any]] = []
        self.sent: list[dict[str, Any]] = []
        self.calls: list[str] = []
        self._next_update = 5000
        self._next_message = 1
        self.lock = threading.Lock()
        self.stall_sends = False
        self.release = threading.Event()
        self.port = 0

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def client_writes(
        self, chat_id: int, text: str, first_name: str = "Eva", *, twice: bool = False
    ) -> int:
        with self.lock:
            self._next_update += 1
            update = {
                "update_id": self._next_update,
                "message": {
                    "message_id": self._next_update,
                    "date": 1796400000,
                    "from": {"id": chat_id, "is_bot": False, "first_name": first_name},
                    "chat": {"id": chat_id, "type": "private", "first_name": first_name},
                    "text": text,
                },
            }
            self.updates.append(update)
            if twice:
                self.updates.append(json.loads(json.dumps(update)))
            return self._next_update

    def handle(self, method: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        with self.lock:
            self.calls.append(method)
            if method == "getUpdates":
                offset = int(params.get("offset", 0))
                if offset:
                    self.updates = [u for u in self.updates if u["update_id"] >= offset]
                limit = int(params.get("limit", 100))
                return 200, {"ok": True, "result": self.updates[:limit]}
            if method == "sendMessage":
                if not params.get("text"):
                    return 400, {"ok": False, "error_code": 400, "description": "Bad Request"}
                self.sent.append({"chat_id": params["chat_id"], "text": params["text"]})
                self._next_message += 1
                return 200, {"ok": True, "result": {"message_id": self._next_message}}
        return 404, {"ok": False, "error_code": 404, "description": "Not Found"}


@contextlib.contextmanager
def fake_telegram() -> Iterator[FakeTelegram]:
    fake = FakeTelegram()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            params = json.loads(self.rfile.read(length) or b"{}")
            _, bot, method = self.path.split("/", 2)
            if bot != f"bot{fake.token}":
                self._answer(401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
                return
            stall = method == "sendMessage" and fake.stall_sends
            code, answer = fake.handle(method, params)
            if stall:
                fake.release.wait(30)
                self.close_connection = True
                return  # recorded, never acknowledged
            self._answer(code, answer)

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
        fake.release.set()
        server.shutdown()
        server.server_close()
        thread.join(5)
