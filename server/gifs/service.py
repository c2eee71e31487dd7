"""GIFs on the relay (C16): the provider's settings (admins), search proxied for the agents,
previews proxied over HTTP (``GET /gifs/preview/<token>``), and the chosen GIF fetched and
stored as a file of the chat through the C14 path (:meth:`FileService.store_bytes`).

Tokens are signed with the relay's file-link key (the same on every node) and carry what the
relay needs (the URL, the title, an expiry), so nothing is kept per node between a search and a
send, and a client cannot make the relay fetch a URL it did not get from the provider.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import re
import time
from http import HTTPStatus
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from sqlalchemy.ext.asyncio import AsyncEngine
from websockets.asyncio.server import ServerConnection
from websockets.http11 import Request, Response

from server import protocol as p
from server.account import repo as account_repo
from server.core.frames import serves
from server.core.http import respond
from server.files.service import FileService
from server.gifs import providers
from server.store.db import read
from server.store.writer import GroupWriter

if TYPE_CHECKING:
    from server.core.sessions import AgentSession

log = logging.getLogger(__name__)

SETTING = "gifs"
PREVIEW_PATH = "/gifs/preview/"
MAX_PREVIEW_BYTES = 2_000_000
OFF = "no GIF provider is set on the relay: an admin sets one in Settings → Integrations"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def file_name(title: str) -> str:
    """A plain file name from the GIF's title ("Happy Dance" -> "Happy Dance.gif")."""
    words = re.sub(r"[^\w \-]+", " ", title, flags=re.UNICODE)
    name = " ".join(words.split())[:80].strip(" .") or "GIF"
    return f"{name}.gif"


class GifService:
    def __init__(
        self, engine: AsyncEngine, writer: GroupWriter, files: FileService, timeout: float = 10.0
    ) -> None:
        self.engine = engine
        self.writer = writer
        self.files = files
        self.timeout = timeout

    # -------------------------------------------------------------- settings

    async def _config(self) -> dict[str, str]:
        raw = await read(self.engine, account_repo.setting, SETTING)
        raw = raw if isinstance(raw, dict) else {}
        return {k: str(raw.get(k, "")) for k in ("provider", "api_key", "base_url")}

    @staticmethod
    def _info(config: dict[str, str]) -> p.GifProviderInfo:
        return p.GifProviderInfo(
            provider=config["provider"],  # type: ignore[arg-type]
            base_url=config["base_url"],
            key_set=bool(config["api_key"]),
        )

    @serves(p.GetGifProvider, role="admin")
    async def get_provider(self, s: AgentSession, frame: p.GetGifProvider) -> None:
        info = self._info(await self._config())
        s.conn.send(p.GifProviderSettings(id=frame.id, provider=info))

    @serves(p.SaveGifProvider, role="admin")
    async def save_provider(self, s: AgentSession, frame: p.SaveGifProvider) -> None:
        old = await self._config()
        base = frame.base_url.strip()
        if base:
            parts = urlsplit(base)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise p.FrameRejected("invalid", "the API address must be an http(s) URL", frame.id)
        key = old["api_key"] if frame.api_key is None else frame.api_key.strip()
        if frame.provider and not key:
            raise p.FrameRejected("invalid", "the provider needs an API key", frame.id)
        config = {"provider": frame.provider, "api_key": key, "base_url": base}
        await self.writer.run(account_repo.save_setting(SETTING, config))
        s.conn.send(p.GifProviderSettings(id=frame.id, provider=self._info(config)))

    async def _provider(self, request_id: int) -> providers.Provider:
        config = await self._config()
        made = providers.make(
            config["provider"], config["api_key"], config["base_url"], self.timeout
        )
        if made is None:
            raise p.FrameRejected("gifs_off", OFF, request_id)
        return made

    # -------------------------------------------------------------- tokens

    async def _sign(self, claims: dict[str, Any]) -> str:
        body = _b64(json.dumps(claims, separators=(",", ":")).encode())
        key = await self.files.storage.link_key()
        mac = hmac.new(key, body.encode(), hashlib.sha256).digest()
        return f"{body}.{_b64(mac)}"

    async def _verify(self, token: str, kind: str) -> dict[str, Any] | None:
        body, _, mac = token.partition(".")
        key = await self.files.storage.link_key()
        try:
            good = hmac.compare_digest(
                _unb64(mac), hmac.new(key, body.encode(), hashlib.sha256).digest()
            )
            claims = json.loads(_unb64(body)) if good else None
        except ValueError:
            return None
        if not isinstance(claims, dict) or claims.get("k") != kind:
            return None
        if float(claims.get("e", 0)) < time.time():
            return None
        return claims

    # -------------------------------------------------------------- search and send

    @serves(p.SearchGifs)
    async def search(self, s: AgentSession, frame: p.SearchGifs) -> None:
        provider = await self._provider(frame.id)
        language = frame.language[:2] or "en"
        try:
            if frame.query.strip():
                gifs = await provider.search(frame.query.strip(), frame.limit, language)
            else:
                gifs = await provider.trending(frame.limit, language)
        except providers.ProviderDown as exc:
            raise p.FrameRejected("gif_failed", str(exc), frame.id) from exc
        expires = time.time() + p.GIF_TOKEN_SECONDS
        results = []
        for gif in gifs[: frame.limit]:
            preview = await self._sign({"k": "preview", "u": gif.preview_url, "e": expires})
            send = await self._sign({"k": "send", "u": gif.url, "t": gif.title, "e": expires})
            results.append(
                p.GifResult(
                    title=gif.title, width=gif.width, height=gif.height,
                    preview=PREVIEW_PATH + preview, token=send,
                )
            )  # fmt: skip
        s.conn.send(p.GifsFound(id=frame.id, gifs=results))

    @serves(p.SendGif)
    async def send(self, s: AgentSession, frame: p.SendGif) -> None:
        claims = await self._verify(frame.token, "send")
        if claims is None:
            raise p.FrameRejected("invalid", "this GIF is unknown or its search expired", frame.id)
        try:
            data, _kind = await providers.fetch(str(claims["u"]), self.timeout, p.MAX_FILE_BYTES)
        except providers.TooLarge as exc:
            raise p.FrameRejected(
                "file_too_large", "the GIF is larger than 10 MB: choose another", frame.id
            ) from exc
        except providers.ProviderDown as exc:
            raise p.FrameRejected("gif_failed", str(exc), frame.id) from exc
        if not data.startswith((b"GIF87a", b"GIF89a")):
            raise p.FrameRejected("gif_failed", "the GIF service sent something else", frame.id)
        upload = p.UploadFile(
            id=frame.id,
            client_msg_id=frame.client_msg_id,
            name=file_name(str(claims.get("t", ""))),
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            content_type="image/gif",
            chat_id=frame.chat_id,
        )
        await self.files.store_bytes(s.conn, upload, s.agent, data)

    # -------------------------------------------------------------- previews over HTTP

    async def serve_preview(self, connection: ServerConnection, request: Request) -> Response:
        """``GET /gifs/preview/<token>``: the small GIF, fetched by the relay."""
        token = urlsplit(request.path).path.removeprefix(PREVIEW_PATH)
        claims = await self._verify(token, "preview")
        if claims is None:
            return respond(connection, HTTPStatus.NOT_FOUND, "no such preview\n")
        try:
            data, _kind = await providers.fetch(str(claims["u"]), self.timeout, MAX_PREVIEW_BYTES)
        except (providers.ProviderDown, providers.TooLarge):
            return respond(connection, HTTPStatus.BAD_GATEWAY, "the GIF service failed\n")
        if not data.startswith((b"GIF87a", b"GIF89a")):
            return respond(connection, HTTPStatus.BAD_GATEWAY, "not a GIF\n")
        return respond(
            connection, HTTPStatus.OK, data, "image/gif", {"Cache-Control": "private, max-age=3600"}
        )
