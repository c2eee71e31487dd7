"""GIFs (C16): "Podrá añadir GIFs a sus conversaciones directo desde la aplicación".

An admin sets the provider in Ajustes → Integraciones (Klipy, which serves Tenor's API, or
GIPHY; the key stays on the relay: ``key_set`` says there is one). Off when none is set:
``search_gifs`` is then answered ``gifs_off``; a provider that fails, ``gif_failed``.

The relay proxies everything, so no agent's address reaches the provider: ``search_gifs``
answers results whose ``preview`` is a path on the relay (``GET`` it from the relay's origin)
and whose ``token`` names the GIF for ``send_gif``. ``send_gif`` makes the relay fetch the GIF
and store it as a file of the chat (C14: the same limits, the same ``file`` event and
``file_stored`` answer), so the visitor's widget loads it from the relay and the archive keeps
it. Tokens are signed by the relay and expire (``GIF_TOKEN_SECONDS``).
"""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec

from .base import ClientMsgId, DbId, Frame, ListAnswer, RequestId, Short, Url

__all__ = [
    "GIF_TOKEN_SECONDS",
    "MAX_GIF_RESULTS",
    "GetGifProvider",
    "GifProviderInfo",
    "GifProviderName",
    "GifProviderSettings",
    "GifResult",
    "GifsFound",
    "SaveGifProvider",
    "SearchGifs",
    "SendGif",
]

MAX_GIF_RESULTS = 50
GIF_TOKEN_SECONDS = 3600
GifProviderName = Literal["", "klipy", "giphy"]


class GifProviderInfo(msgspec.Struct, kw_only=True):
    provider: GifProviderName = ""
    base_url: str = ""
    """Empty: the provider's own API address."""
    key_set: bool = False


class GetGifProvider(Frame):
    """Admin: the GIF provider; answered with ``gif_provider_settings``."""

    id: RequestId


class SaveGifProvider(Frame):
    """Admin: set the provider ("" turns GIFs off); ``api_key`` null keeps the stored one."""

    id: RequestId
    provider: GifProviderName
    api_key: Short | None = None
    base_url: Url = ""


class GifProviderSettings(Frame):
    id: int
    provider: GifProviderInfo


class SearchGifs(Frame):
    """Agent: GIFs for ``query`` ("" : what is trending); answered with ``gifs_found``."""

    id: RequestId
    query: Annotated[str, msgspec.Meta(max_length=100)] = ""
    limit: Annotated[int, msgspec.Meta(ge=1, le=MAX_GIF_RESULTS)] = 24
    language: Annotated[str, msgspec.Meta(max_length=8)] = "en"


class GifResult(msgspec.Struct, kw_only=True):
    title: str
    width: int = 0
    height: int = 0
    preview: str
    """A path on the relay (``/gifs/preview/...``) serving a small version."""
    token: str
    """Names this GIF in ``send_gif``."""


class GifsFound(ListAnswer):
    id: int
    gifs: list[GifResult]


class SendGif(Frame):
    """Agent: send the GIF of ``token`` to the chat: stored as a file of the chat (answered
    ``file_stored``, pushed as a ``file`` event)."""

    id: RequestId
    chat_id: DbId
    client_msg_id: ClientMsgId
    token: Annotated[str, msgspec.Meta(max_length=4096)]
