"""Byte buckets for uploads (finding 3): what a connection and a client address may upload.

The frame buckets of :mod:`server.core.limits` count frames, and an upload's binary chunks are not
frames a client could slow down one by one (a 10 MiB file is 171 of them). So the bytes an
upload announces are taken from a connection's and its address's byte buckets when it begins,
before any byte is received: a refused upload costs the relay nothing. The buckets are the
frame limiter's :class:`~server.core.limits.TokenBucket`, counting bytes.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Hashable

from server.core.limits import TokenBucket, client_key


class UploadBytes:
    """One byte bucket per connection and one per client address; an upload takes its size
    from both or from neither."""

    def __init__(
        self,
        conn_rate: float,
        conn_burst: float,
        ip_rate: float,
        ip_burst: float,
        max_ips: int = 100_000,
    ) -> None:
        self.conn_rate, self.conn_burst = conn_rate, conn_burst
        self.ip_rate, self.ip_burst = ip_rate, ip_burst
        self.max_ips = max_ips
        self._conns: dict[Hashable, TokenBucket] = {}
        self._ips: OrderedDict[str, TokenBucket] = OrderedDict()

    def take(self, conn: Hashable, ip: str, n: int) -> bool:
        now = time.monotonic()
        mine = self._conns.get(conn)
        if mine is None:
            mine = self._conns[conn] = TokenBucket(self.conn_rate, self.conn_burst)
        ip = client_key(ip)  # an IPv6 /64 is one client, as for the frame buckets
        theirs = self._ips.get(ip)
        if theirs is None:
            self._make_room(now)
            theirs = self._ips[ip] = TokenBucket(self.ip_rate, self.ip_burst)
        self._ips.move_to_end(ip)
        if not (mine.can_take(n, now) and theirs.can_take(n, now)):
            return False
        mine.take_n(n, now)
        theirs.take_n(n, now)
        return True

    def forget(self, conn: Hashable) -> None:
        """The connection closed (its address's bucket stays until it is full again)."""
        self._conns.pop(conn, None)

    def _make_room(self, now: float) -> None:
        if len(self._ips) < self.max_ips:
            return
        for ip in [ip for ip, b in self._ips.items() if b.level(now) >= b.burst]:
            del self._ips[ip]
        while len(self._ips) >= self.max_ips:  # still full: the least recently used go
            self._ips.popitem(last=False)

    def __len__(self) -> int:
        return len(self._ips)
