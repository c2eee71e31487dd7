"""Ajustes → Reply channels (C10/K1, admins): the account's e-mail and Telegram channels, added,
changed, switched off and tested through the relay. Secrets are write-only: the relay says
which are set, never their values."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QObject, Signal

from jivo_desktop.net.client import AgentClient
from jivo_desktop.net.errors import ConnectionLost, RelayError
from jivo_desktop.services.relay_errors import failure_text
from jivo_desktop.services.session import SessionService
from jivo_desktop.tasks import spawn
from server import protocol as p


class ChannelAdmin(QObject):
    """Signals: ``channels_changed(list)`` (:class:`~server.protocol.ChannelInfo`s);
    ``saved(str)``; ``tested(bool, str)`` (it went; the provider's error); ``problem(str)``."""

    channels_changed = Signal(list)
    saved = Signal(str)
    tested = Signal(bool, str)
    problem = Signal(str)

    def __init__(self, session: SessionService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.channels: list[p.ChannelInfo] = []

    def load(self) -> None:
        async def run(client: AgentClient) -> None:
            self.channels = await client.list_channels()
            self.channels_changed.emit(self.channels)

        self._call(run)

    def save(
        self,
        channel_id: int | None,
        kind: p.ChannelKind,
        site_id: int,
        name: str,
        settings: dict[str, str],
        enabled: bool,
    ) -> None:
        """``settings``: a secret left empty keeps the stored one."""
        given = {k: v for k, v in settings.items() if v or k not in p.CHANNEL_SECRETS}

        async def run(client: AgentClient) -> None:
            await client.save_channel(
                lambda i: p.SaveChannel(
                    id=i, kind=kind, site_id=site_id, channel_id=channel_id, name=name,
                    settings=given, enabled=enabled,
                )
            )  # fmt: skip
            self.channels = await client.list_channels()
            self.channels_changed.emit(self.channels)
            self.saved.emit(self.tr("Channel saved."))

        self._call(run)

    def test(self, channel_id: int, to: str) -> None:
        async def run(client: AgentClient) -> None:
            result = await client.test_channel(channel_id, to)
            self.tested.emit(result.ok, result.error)
            self.channels = await client.list_channels()
            self.channels_changed.emit(self.channels)

        self._call(run)

    def _call(self, call: Callable[[AgentClient], Coroutine[Any, Any, None]]) -> None:
        client = self.session.client
        if client is None:
            self.problem.emit(self.tr("No connection to the relay: try again later."))
            return

        async def guarded() -> None:
            try:
                await call(client)
            except (RelayError, ConnectionLost, TimeoutError) as exc:
                self.problem.emit(failure_text(exc))  # issue 13: in the agent's language

        spawn(guarded(), "channels")
