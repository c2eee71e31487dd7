"""Translation backends (C11): the interface, a LibreTranslate-compatible HTTP adapter and an
optional Argos Translate one.

LibreTranslate's API (https://libretranslate.com/docs): ``POST /translate`` with JSON
``{"q", "source", "target", "format": "text", "api_key"}``; ``source`` may be ``"auto"``, and the
answer then carries ``detectedLanguage.language``. Errors are ``{"error": "..."}`` with a 4xx/5xx
status. The request goes through the relay's bounded ``translate`` pool with a time-out, so a
backend that hangs costs one thread for ``timeout`` seconds and the agent a clear message.

Argos Translate (``pip install argostranslate``, the ``translate-argos`` extra) runs models an
admin installed on the relay; nothing is downloaded at run time. It has no language detection:
``auto`` becomes the hint the caller gives (the site's widget language).
"""

from __future__ import annotations

import asyncio
import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any, Protocol

from server import __version__
from server.core.executors import TRANSLATE, Saturated

DEFAULT_TIMEOUT = 10.0


class TranslatorDown(Exception):
    """The backend failed, refused or did not answer in time; the message says which."""


@dataclass(frozen=True)
class Translation:
    text: str
    source: str
    """The language the text was in (detected when the caller said ``auto``)."""


class Backend(Protocol):
    name: str

    async def translate(self, text: str, source: str, target: str, hint: str = "") -> Translation:
        """``text`` from ``source`` (``"auto"``: detect; ``hint`` is the likely language) into
        ``target``. Raises :class:`TranslatorDown`."""
        ...


def _post_json(url: str, body: dict[str, Any], timeout: float) -> tuple[int, Any]:
    data = json.dumps(body).encode()
    request = urllib.request.Request(
        url,
        data=data,
        method="POST",
        headers={"Content-Type": "application/json", "User-Agent": f"jivo-relay/{__version__}"},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return int(response.status), json.loads(response.read(1_000_000) or b"null")
    except urllib.error.HTTPError as exc:
        try:
            payload = json.loads(exc.read(100_000) or b"null")
        except ValueError:
            payload = None
        return int(exc.code), payload


class LibreTranslate:
    """A LibreTranslate-compatible HTTP API at ``url`` (self-hosted LibreTranslate, or any
    service that speaks its ``/translate``)."""

    name = "libretranslate"

    def __init__(self, url: str, api_key: str = "", timeout: float = DEFAULT_TIMEOUT) -> None:
        self.url = url.rstrip("/")
        self.api_key = api_key
        self.timeout = timeout

    async def translate(self, text: str, source: str, target: str, hint: str = "") -> Translation:
        body: dict[str, Any] = {"q": text, "source": source, "target": target, "format": "text"}
        if self.api_key:
            body["api_key"] = self.api_key
        try:
            async with asyncio.timeout(self.timeout + 1):
                status, answer = await TRANSLATE.run(
                    _post_json, self.url + "/translate", body, self.timeout
                )
        except (TimeoutError, OSError) as exc:
            raise TranslatorDown(f"the translator did not answer ({type(exc).__name__})") from exc
        except Saturated as exc:
            raise TranslatorDown("the translator is busy: try again in a moment") from exc
        if status != 200 or not isinstance(answer, dict) or "translatedText" not in answer:
            error = answer.get("error") if isinstance(answer, dict) else None
            raise TranslatorDown(f"the translator refused: HTTP {status} {error or ''}".strip())
        detected = answer.get("detectedLanguage")
        found = detected.get("language") if isinstance(detected, dict) else None
        return Translation(
            text=str(answer["translatedText"]),
            source=str(found or (source if source != "auto" else hint)),
        )


def argos_installed() -> bool:
    try:
        import argostranslate.translate  # noqa: F401
    except ImportError:
        return False
    return True


class Argos:
    """Argos Translate models installed on the relay (the optional extra)."""

    name = "argos"

    def __init__(self, timeout: float = 30.0) -> None:
        self.timeout = timeout

    async def translate(self, text: str, source: str, target: str, hint: str = "") -> Translation:
        if not argos_installed():
            raise TranslatorDown("Argos Translate is not installed on the relay")
        source = hint if source == "auto" else source
        if not source:
            raise TranslatorDown("Argos Translate cannot detect the language")
        if source == target:
            return Translation(text=text, source=source)
        try:
            async with asyncio.timeout(self.timeout):
                out = await TRANSLATE.run(_argos_translate, text, source, target)
        except TimeoutError as exc:
            raise TranslatorDown("the translator did not answer in time") from exc
        except Saturated as exc:
            raise TranslatorDown("the translator is busy: try again in a moment") from exc
        except Exception as exc:  # no model for the pair, a broken model
            raise TranslatorDown(f"Argos Translate failed: {exc}") from exc
        return Translation(text=out, source=source)


def _argos_translate(text: str, source: str, target: str) -> str:
    import argostranslate.translate

    return str(argostranslate.translate.translate(text, source, target))
