"""Finding 21 (ws_url): only this computer gets a plain ws:// connection."""

from __future__ import annotations

import pytest

from jivo_desktop.services.session import ws_url


@pytest.mark.parametrize(
    "typed",
    ["localhost", "localhost:8765", "127.0.0.1:8765", "127.1.2.3", "[::1]:8765", "[::1]"],
)
def test_local_hosts_get_plain_ws(typed: str) -> None:
    """Finding 21: localhost, 127.0.0.0/8 and ::1 are local (exact checks)."""
    assert ws_url(typed) == f"ws://{typed}/ws"


@pytest.mark.parametrize(
    "typed",
    [
        "localhost.example.com",
        "localhost.example.com:8765",
        "localhostx",
        "127.example.com",
        "127.0.0.1.nip.io",
        "[::2]:8765",
        "chat.example.com",
    ],
)
def test_hosts_that_only_look_local_get_tls(typed: str) -> None:
    """Finding 21: a host that merely starts with "localhost" or "127." is remote: wss://."""
    assert ws_url(typed) == f"wss://{typed}/ws"
