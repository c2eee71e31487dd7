"""GIF providers (C16): the interface and two adapters. Tenor's own API closed on 2026-06-30;
Klipy serves the same API (v2: ``/v2/search``, ``/v2/featured``, results with
``media_formats``), and GIPHY has its own (``/v1/gifs/search``, ``/v1/gifs/trending``).

Only the relay talks to a provider (the agents' addresses stay private): through the bounded
``gifs`` pool, with a time-out, reading at most ``max_bytes`` of an answer.
"""

from __future__ import annotations

import asyncio
import json
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any, Protocol

from server import __version__
from server.core.executors import GIFS, Saturated

DEFAULT_BASE = {"klipy": "https://api.klipy.com", "giphy": "https://api.giphy.com"}
MAX_ANSWER_BYTES = 2_000_000


class ProviderDown(Exception):
    """The provider failed, refused (a wrong key) or did not answer in time."""


class TooLarge(Exception):
    """The body is larger than the caller allows."""


@dataclass(frozen=True)
class Gif:
    id: str
    title: str
    url: str
    """The GIF itself."""
    preview_url: str
    """A small version for the search grid."""
    width: int = 0
    height: int = 0


def _get(url: str, timeout: float, max_bytes: int) -> tuple[int, bytes, str]:
    request = urllib.request.Request(url, headers={"User-Agent": f"jivo-relay/{__version__}"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = response.read(max_bytes + 1)
            if len(data) > max_bytes:
                raise TooLarge(url)
            return int(response.status), data, str(response.headers.get("Content-Type", ""))
    except urllib.error.HTTPError as exc:
        return int(exc.code), exc.read(10_000), ""


async def fetch(url: str, timeout: float, max_bytes: int) -> tuple[bytes, str]:
    """GET ``url`` (http/https only) on the ``gifs`` pool: (body, content type)."""
    if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
        raise ProviderDown("not an http(s) URL")
    try:
        async with asyncio.timeout(timeout + 1):
            status, data, kind = await GIFS.run(_get, url, timeout, max_bytes)
    except (TimeoutError, OSError) as exc:
        raise ProviderDown(f"the GIF service did not answer ({type(exc).__name__})") from exc
    except Saturated as exc:
        raise ProviderDown("the GIF service is busy: try again in a moment") from exc
    if status != 200:
        raise ProviderDown(f"the GIF service refused: HTTP {status}")
    return data, kind


async def _get_json(url: str, timeout: float) -> Any:
    data, _kind = await fetch(url, timeout, MAX_ANSWER_BYTES)
    try:
        return json.loads(data)
    except ValueError as exc:
        raise ProviderDown("the GIF service answered something that is not JSON") from exc


class Provider(Protocol):
    name: str

    async def search(self, query: str, limit: int, language: str) -> list[Gif]: ...

    async def trending(self, limit: int, language: str) -> list[Gif]: ...


class Klipy:
    """Klipy's Tenor-compatible API (v2)."""

    name = "klipy"

    def __init__(self, api_key: str, base_url: str = "", timeout: float = 10.0) -> None:
        self.key = api_key
        self.base = (base_url or DEFAULT_BASE["klipy"]).rstrip("/")
        self.timeout = timeout

    def _url(self, path: str, **params: Any) -> str:
        params.update(key=self.key, media_filter="gif,tinygif", contentfilter="medium")
        return f"{self.base}{path}?{urllib.parse.urlencode(params)}"

    async def search(self, query: str, limit: int, language: str) -> list[Gif]:
        url = self._url("/v2/search", q=query, limit=limit, locale=language)
        return self._gifs(await _get_json(url, self.timeout))

    async def trending(self, limit: int, language: str) -> list[Gif]:
        url = self._url("/v2/featured", limit=limit, locale=language)
        return self._gifs(await _get_json(url, self.timeout))

    @staticmethod
    def _gifs(answer: Any) -> list[Gif]:
        found: list[Gif] = []
        for item in answer.get("results", []) if isinstance(answer, dict) else []:
            formats = item.get("media_formats") or {}
            gif, tiny = formats.get("gif") or {}, formats.get("tinygif") or formats.get("gif") or {}
            if not gif.get("url"):
                continue
            dims = gif.get("dims") or [0, 0]
            found.append(
                Gif(
                    id=str(item.get("id", "")),
                    title=str(item.get("content_description") or item.get("title") or "GIF"),
                    url=str(gif["url"]),
                    preview_url=str(tiny.get("url") or gif["url"]),
                    width=int(dims[0]) if dims else 0,
                    height=int(dims[1]) if len(dims) > 1 else 0,
                )
            )
        return found


class Giphy:
    """GIPHY's API (v1)."""

    name = "giphy"

    def __init__(self, api_key: str, base_url: str = "", timeout: float = 10.0) -> None:
        self.key = api_key
        self.base = (base_url or DEFAULT_BASE["giphy"]).rstrip("/")
        self.timeout = timeout

    def _url(self, path: str, **params: Any) -> str:
        params.update(api_key=self.key, rating="g")
        return f"{self.base}{path}?{urllib.parse.urlencode(params)}"

    async def search(self, query: str, limit: int, language: str) -> list[Gif]:
        url = self._url("/v1/gifs/search", q=query, limit=limit, lang=language)
        return self._gifs(await _get_json(url, self.timeout))

    async def trending(self, limit: int, language: str) -> list[Gif]:
        return self._gifs(
            await _get_json(self._url("/v1/gifs/trending", limit=limit), self.timeout)
        )

    @staticmethod
    def _gifs(answer: Any) -> list[Gif]:
        found: list[Gif] = []
        for item in answer.get("data", []) if isinstance(answer, dict) else []:
            images = item.get("images") or {}
            original = images.get("original") or {}
            small = images.get("fixed_width_small") or images.get("fixed_width") or original
            if not original.get("url"):
                continue
            found.append(
                Gif(
                    id=str(item.get("id", "")),
                    title=str(item.get("title") or "GIF"),
                    url=str(original["url"]),
                    preview_url=str(small.get("url") or original["url"]),
                    width=int(original.get("width") or 0),
                    height=int(original.get("height") or 0),
                )
            )
        return found


def make(provider: str, api_key: str, base_url: str, timeout: float) -> Provider | None:
    if provider == "klipy":
        return Klipy(api_key, base_url, timeout)
    if provider == "giphy":
        return Giphy(api_key, base_url, timeout)
    return None
