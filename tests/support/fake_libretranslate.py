"""A fake LibreTranslate server (C11 tests): it speaks the API subset the relay uses
(``POST /translate`` with ``q``, ``source`` (or ``auto``), ``target``, ``api_key``; errors as
``{"error": ...}``), on 127.0.0.1 port 0. The real engine needs model downloads this machine
cannot make, so the "translation" is a small phrase book, with a marked fallback
(``[es] text``) for anything else. ``mode``: "ok", "down" (HTTP 500) or "hang" (answers after
``hang_seconds``)."""

from __future__ import annotations

import contextlib
import http.server
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

PHRASES = {
    ("es", "en"): {"Hola, ¿tienen envío a Sevilla?": "Hello, do you ship to Seville?"},
    ("en", "es"): {"Yes, in two days.": "Sí, en dos días.", "Thank you!": "¡Gracias!"},
    ("pt", "en"): {"Olá, vocês entregam em Lisboa?": "Hello, do you deliver to Lisbon?"},
}
WORDS = {"es": ("hola", "tienen", "envío", "sí"), "pt": ("olá", "vocês", "obrigado")}


def detect(text: str) -> str:
    lowered = text.lower()
    for language, words in WORDS.items():
        if any(w in lowered for w in words):
            return language
    return "en"


@dataclass
class FakeLibreTranslate:
    url: str = ""
    api_key: str = "fake-key"
    mode: str = "ok"
    hang_seconds: float = 5.0
    calls: list[dict[str, Any]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def answer(self, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        with self.lock:
            self.calls.append(body)
        if self.mode == "down":
            return 500, {"error": "the fake translator is down"}
        if self.mode == "hang":
            time.sleep(self.hang_seconds)
        if self.api_key and body.get("api_key") != self.api_key:
            return 403, {"error": "Invalid API key"}
        text, source, target = str(body["q"]), str(body["source"]), str(body["target"])
        detected = detect(text) if source == "auto" else source
        if detected == target:
            out = text
        else:
            out = PHRASES.get((detected, target), {}).get(text, f"[{target}] {text}")
        answer: dict[str, Any] = {"translatedText": out}
        if source == "auto":
            answer["detectedLanguage"] = {"confidence": 90.0, "language": detected}
        return 200, answer


@contextlib.contextmanager
def fake_libretranslate(api_key: str = "fake-key") -> Iterator[FakeLibreTranslate]:
    state = FakeLibreTranslate(api_key=api_key)

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            raw = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            if self.path != "/translate":
                code, payload = 404, {"error": "Not Found"}
            else:
                code, payload = state.answer(json.loads(raw))
            data = json.dumps(payload).encode()
            try:
                self.send_response(code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except OSError:
                pass  # "hang": the relay gave up and closed the connection

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield state
    finally:
        state.mode = "ok"
        server.shutdown()
        server.server_close()
        thread.join(5)
