"""The agent's connection to the relay, in plain asyncio (no Qt import here): the socket and
its reconnects (``connection``), the requests (``client``), and their errors (``errors``)."""

from jivo_desktop.net.client import AgentClient
from jivo_desktop.net.errors import AuthError, ConnectionLost, RelayError

__all__ = ["AgentClient", "AuthError", "ConnectionLost", "RelayError"]
