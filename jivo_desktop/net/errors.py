"""The errors of the agent's connection: a refusal by the relay, a refusal that retrying cannot
fix, and a request cut off by a dropped connection."""

from __future__ import annotations


class RelayError(Exception):
    """The relay refused a request; ``code`` is one of :data:`server.protocol.ErrorCode`."""

    def __init__(self, code: str, message: str, retry_after: float | None = None) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.retry_after = retry_after
        """Seconds after which the relay may accept the same request (finding 4)."""


class AuthError(RelayError):
    """Signing in failed for a reason that retrying cannot fix."""


class ConnectionLost(Exception):
    """The connection dropped before the relay answered this request."""
