"""Rate limits: token buckets per connection and per client IP.

An IPv6 client usually holds a whole /64, so per-IP limits (and IP blocks, see
``store/blocks_repo.py``) count a /64 as one client (security review finding 21)."""

from __future__ import annotations

import ipaddress
import itertools
import time
from functools import lru_cache


@lru_cache(maxsize=4096)  # every frame is counted by its client's key
def client_key(ip: str) -> str:
    """The address limits and blocks count by: an IPv4 address as it is (an IPv4-mapped IPv6
    address as its IPv4 one), an IPv6 address as its /64 network; anything else unchanged."""
    try:
        address = ipaddress.ip_address(ip.split("%", 1)[0])
    except ValueError:
        return ip
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network((address, 64), strict=False))
    return str(address)


class TokenBucket:
    """``rate`` tokens a second, at most ``burst`` saved. A frame costs one token
    (:meth:`take`); an upload costs its size in bytes (:meth:`can_take` + :meth:`take_n`)."""

    __slots__ = ("burst", "rate", "stamp", "tokens")

    def __init__(self, rate: float, burst: float) -> None:
        self.rate = rate
        self.burst = burst
        self.tokens = burst
        self.stamp = time.monotonic()

    def level(self, now: float) -> float:
        return min(self.burst, self.tokens + (now - self.stamp) * self.rate)

    def take(self, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        if self.can_take(1, now):
            self.take_n(1, now)
            return True
        self.tokens, self.stamp = self.level(now), now
        return False

    def can_take(self, n: float, now: float) -> bool:
        return self.level(now) >= n

    def take_n(self, n: float, now: float) -> None:
        self.tokens = self.level(now) - n
        self.stamp = now


class IpLimiter:
    """One bucket per client (IP, or IPv6 /64), shared by all of its connections; forgets idle
    clients, and never holds more than ``max_ips`` buckets."""

    def __init__(self, rate: float, burst: float, max_ips: int = 100_000) -> None:
        self.rate = rate
        self.burst = burst
        self.max_ips = max_ips
        self._buckets: dict[str, TokenBucket] = {}

    def __len__(self) -> int:
        return len(self._buckets)

    def take(self, ip: str) -> bool:
        key = client_key(ip)
        bucket = self._buckets.get(key)
        if bucket is None:
            if len(self._buckets) >= self.max_ips:
                self._forget_full()
            bucket = self._buckets[key] = TokenBucket(self.rate, self.burst)
        return bucket.take()

    def _forget_full(self) -> None:
        """Drop the buckets that refilled (they hold nothing a new bucket would not); if that
        frees too little, drop the oldest used ones too, down to three quarters of
        ``max_ips``, so the dict stays bounded whatever the clients do. Dicts keep insertion
        order, so the first entries are the longest known."""
        now = time.monotonic()
        full = [
            ip for ip, b in self._buckets.items() if b.tokens + (now - b.stamp) * b.rate >= b.burst
        ]
        for ip in full:
            del self._buckets[ip]
        excess = len(self._buckets) - self.max_ips * 3 // 4
        if excess > 0:
            for ip in list(itertools.islice(self._buckets, excess)):
                del self._buckets[ip]
