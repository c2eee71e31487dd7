"""GIFs in the app (C16): search through the relay (the agent's address never reaches the
provider), previews fetched from the relay, and the chosen GIF sent: the relay stores it as a
file of the chat. Also the provider's settings for admins (Ajustes → Integraciones)."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QObject, Signal

from jivo_desktop import i18n
from jivo_desktop.net.client import AgentClient
from jivo_desktop.net.errors import ConnectionLost, RelayError
from jivo_desktop.services.session import SessionService
from jivo_desktop.tasks import spawn
from server import protocol as p


class GifService(QObject):
    """Signals: ``results(str, list)`` (the query, its :class:`~server.protocol.GifResult`s);
    ``preview_ready(str, bytes)`` (a result's token, the small GIF); ``sent(int)`` (chat id);
    ``problem(str)``; ``provider_changed(object)`` (admins: the
    :class:`~server.protocol.GifProviderInfo`); ``saved(str)``."""

    results = Signal(str, list)
    preview_ready = Signal(str, bytes)
    sent = Signal(int)
    problem = Signal(str)
    provider_changed = Signal(object)
    saved = Signal(str)

    def __init__(self, session: SessionService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.provider = p.GifProviderInfo()
        self.provider_loaded = False

    def search(self, query: str) -> None:
        language = i18n.current_language()

        async def run(client: AgentClient) -> None:
            found = await client.search_gifs(query.strip(), language)
            self.results.emit(query, found)
            for gif in found:
                try:
                    data = await client.gif_preview(gif.preview)
                except (OSError, RelayError):
                    continue  # that one stays a blank square
                self.preview_ready.emit(gif.token, data)

        self._call(run)

    def send(self, chat_id: int, token: str) -> None:
        async def run(client: AgentClient) -> None:
            await client.send_gif(chat_id, token)
            self.sent.emit(chat_id)

        self._call(run)

    # -------------------------------------------------------------- admins

    def load_provider(self) -> None:
        async def run(client: AgentClient) -> None:
            self.provider = await client.gif_provider()
            self.provider_loaded = True
            self.provider_changed.emit(self.provider)

        self._call(run)

    def save_provider(self, provider: p.GifProviderName, key: str | None, base_url: str) -> None:
        async def run(client: AgentClient) -> None:
            self.provider = await client.save_gif_provider(provider, key, base_url)
            self.provider_changed.emit(self.provider)
            self.saved.emit(self.tr("GIF provider saved."))

        self._call(run)

    def _call(self, call: Callable[[AgentClient], Coroutine[Any, Any, None]]) -> None:
        client = self.session.client
        if client is None:
            self.problem.emit(self.tr("No connection to the relay: try again later."))
            return

        async def guarded() -> None:
            try:
                await call(client)
            except RelayError as exc:
                self.problem.emit(self.error_text(exc.code, exc.message))
            except (ConnectionLost, TimeoutError):
                self.problem.emit(self.tr("No connection to the relay: try again later."))

        spawn(guarded(), "gifs")

    def error_text(self, code: str, message: str) -> str:
        if code == "gifs_off":
            return self.tr(
                "GIFs are off. An administrator can choose a GIF service in "
                "Settings → Integrations."
            )
        if code == "file_too_large":
            return self.tr("This GIF is larger than 10 MB: choose another.")
        return self.tr("The GIF service failed: {0}").format(message or code)
