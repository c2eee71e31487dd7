"""A fake GIF provider (C16 tests) on 127.0.0.1 port 0, speaking the documented subset of both
APIs the relay uses, since the real services cannot be reached here: Klipy's Tenor-compatible v2
(``/v2/search``, ``/v2/featured``: ``results[].media_formats.gif|tinygif``) and GIPHY's v1
(``/v1/gifs/search``, ``/v1/gifs/trending``: ``data[].images.original|fixed_width_small``), and
the GIF bodies (``/media/NAME.gif``; ``huge.gif`` is over 10 MB). A wrong key is HTTP 403;
``down`` makes every answer a 500. ``requests`` logs every path asked for."""

from __future__ import annotations

import contextlib
import http.server
import json
import threading
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

# A 1x1 GIF whose only colour is red (drawn scaled up in the app and the widget).
RED_GIF = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\x00\x00\x00\x00\x00"
    b",\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)
HUGE = 10 * 1024 * 1024 + 10
CATALOGUE = [("happy", "Happy dance"), ("thanks", "Thank you"), ("huge", "Huge one")]


@dataclass
class FakeGifs:
    url: str = ""
    key: str = "gif-key"
    down: bool = False
    requests: list[str] = field(default_factory=list)

    def media(self, name: str) -> str:
        return f"{self.url}/media/{name}.gif"

    def answer(self, path: str, query: dict[str, str]) -> tuple[int, bytes, str]:
        if self.down:
            return 500, b'{"error": "down"}', "application/json"
        if path.startswith("/media/"):
            if path == "/media/huge.gif":
                return 200, RED_GIF[:-1] + b"\x00" * HUGE + b";", "image/gif"
            return 200, RED_GIF, "image/gif"
        given = query.get("key") or query.get("api_key")
        if given != self.key:
            return 403, b'{"error": "invalid key"}', "application/json"
        q = query.get("q", "")
        items = [(n, t) for n, t in CATALOGUE if not q or q.lower() in t.lower()]
        limit = int(query.get("limit", "24"))
        if path in ("/v2/search", "/v2/featured"):
            results = [
                {
                    "id": n, "content_description": t,
                    "media_formats": {
                        "gif": {"url": self.media(n), "dims": [480, 270], "size": 1},
                        "tinygif": {"url": self.media(n), "dims": [220, 124], "size": 1},
                    },
                }
                for n, t in items[:limit]
            ]  # fmt: skip
            return 200, json.dumps({"results": results, "next": ""}).encode(), "application/json"
        if path in ("/v1/gifs/search", "/v1/gifs/trending"):
            data = [
                {
                    "id": n, "title": t,
                    "images": {
                        "original": {"url": self.media(n), "width": "480", "height": "270"},
                        "fixed_width_small": {"url": self.media(n), "width": "100"},
                    },
                }
                for n, t in items[:limit]
            ]  # fmt: skip
            body = {"data": data, "meta": {"status": 200, "msg": "OK"}}
            return 200, json.dumps(body).encode(), "application/json"
        return 404, b'{"error": "not found"}', "application/json"


@contextlib.contextmanager
def fake_gifs() -> Iterator[FakeGifs]:
    state = FakeGifs()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            parts = urllib.parse.urlsplit(self.path)
            query = dict(urllib.parse.parse_qsl(parts.query))
            state.requests.append(self.path)
            code, body, kind = state.answer(parts.path, query)
            try:
                self.send_response(code)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except OSError:
                pass  # the relay stopped reading (a GIF over its limit)

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
