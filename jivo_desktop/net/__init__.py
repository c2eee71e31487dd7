"""The agent's connection to the relay, in plain asyncio (no Qt import here)."""

from jivo_desktop.net.client import AgentClient, AuthError, ConnectionLost, RelayError

__all__ = ["AgentClient", "AuthError", "ConnectionLost", "RelayError"]
