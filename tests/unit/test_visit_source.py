"""Source of a visit, browser/OS, the trusted-proxy address rule and the offline locator."""

from __future__ import annotations

from pathlib import Path

import pytest

from server import protocol as p
from server.core.clientip import client_ip, parse_trusted
from server.visitors.geo import GeoLocator
from server.visitors.visit_source import browser_and_os, classify
from tests.support.geo import GOOGLE_DNS_IP, LONDON_IP, SAO_PAULO_IP, build_city_db

PAGE = "https://shop.example/a"


@pytest.mark.parametrize(
    ("referrer", "utm", "expected"),
    [
        ("", None, ("direct", "")),
        ("https://www.google.com.br/search?q=x", None, ("search", "Google")),
        ("https://duckduckgo.com/", None, ("search", "DuckDuckGo")),
        ("https://m.facebook.com/", None, ("social", "Facebook")),
        ("https://t.co/abc", None, ("social", "Twitter")),
        ("https://blog.example.org/post", None, ("referral", "blog.example.org")),
        ("https://google-fans.org/", None, ("referral", "google-fans.org")),
        ("https://shop.example/", None, None),
        (
            "https://www.google.com/",
            p.Utm(source="mail", campaign="may"),
            ("campaign", "mail / may"),
        ),
    ],
)
def test_classify(referrer: str, utm: p.Utm | None, expected: object) -> None:
    assert classify(PAGE, referrer, utm) == expected


def test_browser_and_os_from_user_agents() -> None:
    iphone = (
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 "
        "(KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1"
    )
    assert browser_and_os(iphone) == ("Mobile Safari 17", "iOS 17")
    assert browser_and_os("") == ("", "")
    assert browser_and_os("curl/8.0") == ("curl 8", "")


def test_forwarded_for_only_from_trusted_proxies() -> None:
    trusted = parse_trusted("10.0.0.0/8, 127.0.0.1")
    assert client_ip("127.0.0.1", "1.2.3.4", trusted) == "1.2.3.4"
    # The client wrote a first hop itself; the proxies appended the real one.
    assert client_ip("10.0.0.5", "6.6.6.6, 1.2.3.4, 10.0.0.7", trusted) == "1.2.3.4"
    assert client_ip("192.0.2.9", "1.2.3.4", trusted) == "192.0.2.9"
    assert client_ip("127.0.0.1", "not-an-ip", trusted) == "127.0.0.1"
    assert client_ip("127.0.0.1", "1.2.3.4", ()) == "127.0.0.1"


def test_locator_country_isp_offline_and_city_from_mmdb(tmp_path: Path) -> None:
    geo = GeoLocator(str(build_city_db(tmp_path / "c.mmdb")))
    geo.load()
    london = geo.lookup(LONDON_IP)
    assert (london.city, london.country_code, london.country) == ("London", "GB", "United Kingdom")
    assert london.isp == "Andrews & Arnold Ltd"
    assert geo.lookup(SAO_PAULO_IP).city == "São Paulo"
    google = geo.lookup(GOOGLE_DNS_IP)
    assert (google.city, google.country_code, google.isp) == ("", "US", "GOOGLE")
    assert geo.lookup("127.0.0.1").country_code == ""
    assert geo.lookup("nonsense").country == ""
    geo.close()
    no_city = GeoLocator()
    assert no_city.lookup(LONDON_IP).city == "" and no_city.lookup(LONDON_IP).country_code == "GB"
