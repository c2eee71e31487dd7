"""The visitor's address: the peer's, or behind a trusted reverse proxy ``X-Forwarded-For``.

``X-Forwarded-For`` is believed only when the peer is listed in ``trusted_proxies`` (addresses
or networks, comma-separated); then the address is the right-most one in the header that is not
itself a trusted proxy (what a chain of own proxies appended), never a value the client wrote.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from websockets.asyncio.server import ServerConnection

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_trusted(text: str | Iterable[str]) -> tuple[Network, ...]:
    items = text.replace(";", ",").split(",") if isinstance(text, str) else list(text)
    return tuple(ipaddress.ip_network(i.strip(), strict=False) for i in items if i.strip())


def _trusted(ip: str, trusted: tuple[Network, ...]) -> bool:
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return False
    return any(address in net for net in trusted)


def client_ip(peer: str, forwarded_for: str | None, trusted: tuple[Network, ...]) -> str:
    if not trusted or not forwarded_for or not _trusted(peer, trusted):
        return peer
    hops = [h.strip() for h in forwarded_for.split(",") if h.strip()]
    for hop in reversed(hops):
        try:
            ipaddress.ip_address(hop)
        except ValueError:
            return peer  # a malformed chain: trust nothing in it
        if not _trusted(hop, trusted):
            return hop
    return hops[0] if hops else peer


def connection_ip(ws: ServerConnection, trusted: tuple[Network, ...]) -> str:
    """The client's address of a WebSocket (or HTTP) connection."""
    forwarded = ws.request.headers.get("X-Forwarded-For") if ws.request else None
    peer = str(ws.remote_address[0]) if ws.remote_address else ""
    return client_ip(peer, forwarded, trusted)
