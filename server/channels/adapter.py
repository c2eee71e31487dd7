"""The channel adapter interface: what the channels' service asks of each provider.

An adapter is stateless: the channel's settings (``config``, secrets included, read on the
relay) and its poll bookmark (``state``) are passed in, so any node can run any channel. Every
call is blocking network I/O and runs in the relay's channels pool. Inbound is ``fetch``
(polled: IMAP, Telegram's getUpdates); ``send`` takes the outbox row's body and its
idempotency key; ``retry_safe`` says whether a send whose outcome is unknown (the relay
stopped, or the connection broke after the request went) may be sent again: true where the
key makes a resend harmless (e-mail: the same Message-ID), false where the provider has no
such key (Telegram), so a reply never reaches the client twice: it is then marked failed with
the reason, for the agent to check."""

from __future__ import annotations

from typing import Any, Protocol

from server.channels.repo import Inbound


class ChannelFailed(Exception):
    """The provider could not be reached or refused; the message says why. ``sent`` None:
    unknown whether the request reached the provider (a time-out after it was written).
    ``permanent``: retrying cannot help."""

    def __init__(self, message: str, *, sent: bool | None = False, permanent: bool = False):
        super().__init__(message)
        self.sent = sent
        self.permanent = permanent
        """Retrying cannot help (WhatsApp's 24-hour window): failed at once."""


class Adapter(Protocol):
    retry_safe: bool

    def fetch(
        self, config: dict[str, Any], state: dict[str, Any]
    ) -> tuple[list[Inbound], dict[str, Any]]:
        """New inbound messages after ``state``'s bookmark, and the bookmark after them."""
        ...

    def send(self, config: dict[str, Any], body: dict[str, Any], key: str) -> str:
        """Send a reply; returns the provider's id of what was sent."""
        ...

    def test(self, config: dict[str, Any], to: str) -> None:
        """Send a test message to ``to``."""
        ...
