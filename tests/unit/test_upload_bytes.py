"""Finding 3 and finding 21 (IPv6): the upload byte buckets of a connection and an address."""

from __future__ import annotations

from server.core.byte_limits import UploadBytes


def test_an_ipv6_64_shares_one_upload_byte_bucket() -> None:
    """Finding 21: a client that spreads its uploads over the addresses of its IPv6 /64 gets
    one address bucket, as it gets one frame bucket; another /64 has its own."""
    limits = UploadBytes(conn_rate=0, conn_burst=10_000, ip_rate=0, ip_burst=1_000)
    assert limits.take("conn-1", "2001:db8::1", 800)
    assert not limits.take("conn-2", "2001:db8::2:1", 800)  # same /64: 200 bytes left
    assert limits.take("conn-3", "2001:db8:0:1::1", 800)  # another /64
    assert len(limits) == 2


def test_an_upload_takes_from_both_buckets_or_neither() -> None:
    """Finding 3: a refused upload costs neither the connection nor the address anything."""
    limits = UploadBytes(conn_rate=0, conn_burst=1_000, ip_rate=0, ip_burst=2_000)
    assert limits.take("conn", "192.0.2.7", 900)
    assert not limits.take("conn", "192.0.2.7", 200)  # the connection has 100 left
    assert limits.take("other", "192.0.2.7", 1_000)  # so the address still had 1,100
    assert not limits.take("third", "192.0.2.7", 200)  # and now 100
