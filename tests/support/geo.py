"""A small MaxMind-format city database for the visitor tests (built with mmdb-writer), so the
city path is the real ``maxminddb`` reader on a real file."""

from __future__ import annotations

from pathlib import Path

# Public addresses (geoip2fast's bundled data knows their country and network):
LONDON_IP = "81.2.69.160"  # GB, Andrews & Arnold
SAO_PAULO_IP = "200.160.2.3"  # BR, NIC.br
GOOGLE_DNS_IP = "8.8.8.8"  # US, no city in the test database
NEW_YORK_IP = "63.116.0.10"  # a city with its names in the four app languages
CITIES = {
    "81.2.69.0/24": ("London", "GB", "United Kingdom"),
    "200.160.0.0/20": ("São Paulo", "BR", "Brazil"),
    "63.116.0.0/24": ("New York", "US", "United States"),
}
CITY_NAMES = {  # as GeoLite2 carries them (its name keys; pt-BR for Portuguese)
    "New York": {"en": "New York", "es": "Nueva York", "pt-BR": "Nova Iorque", "ru": "Нью-Йорк"},
}


def build_city_db(path: Path) -> Path:
    from mmdb_writer import MMDBWriter
    from netaddr import IPSet

    writer = MMDBWriter(
        ip_version=6,
        ipv4_compatible=True,
        database_type="GeoLite2-City",
        languages=["en", "es", "pt-BR", "ru"],
    )
    for network, (city, code, country) in CITIES.items():
        writer.insert_network(
            IPSet([network]),
            {
                "city": {"names": CITY_NAMES.get(city, {"en": city})},
                "country": {"iso_code": code, "names": {"en": country}},
            },
        )
    writer.to_db_file(str(path))
    return path
