"""Where a visitor is, from offline IP databases only (never an online service).

* Country and ISP/organisation: ``geoip2fast``, which ships its own data (country + ASN).
* City: a MaxMind-format ``.mmdb`` (GeoLite2-City or similar) an admin points the relay at
  (``geoip_city_db``), read with ``maxminddb``. Without one, no city.

Lookups are cached per address; loading the data (about 0.1 s) happens once, in a thread.
"""

from __future__ import annotations

import ipaddress
import json
import logging
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Location:
    country_code: str = ""
    country: str = ""
    city: str = ""
    isp: str = ""
    city_names: dict[str, str] = field(default_factory=dict)
    """The city in each app language the database has it in ("es", "pt", "ru", "en")."""


NOWHERE = Location()

# The apps' languages and the GeoLite2 name keys that carry them.
NAME_KEYS = {"en": "en", "es": "es", "pt": "pt-BR", "ru": "ru"}


class GeoLocator:
    def __init__(self, city_db: str = "", language: str = "en") -> None:
        self.city_db = city_db
        self.language = language
        self._fast: Any = None
        self._city: Any = None
        self._loaded = False
        self.lookup = lru_cache(maxsize=8192)(self._lookup)

    def load(self) -> None:
        """Open the databases (blocking: call it from a thread)."""
        if self._loaded:
            return
        self._loaded = True
        try:
            from geoip2fast import GeoIP2Fast

            # The ASN file carries the countries too.
            self._fast = GeoIP2Fast(geoip2fast_data_file="geoip2fast-asn.dat.gz", verbose=False)
        except Exception:
            log.exception("geoip2fast could not load: no country or ISP for visitors")
        if self.city_db:
            try:
                import maxminddb

                self._city = maxminddb.open_database(self.city_db)
            except Exception:
                log.exception("the city database %s could not be opened", self.city_db)

    def close(self) -> None:
        if self._city is not None:
            self._city.close()
            self._city = None

    def _lookup(self, ip: str) -> Location:
        try:
            address = ipaddress.ip_address(ip)
        except ValueError:
            return NOWHERE
        if not self._loaded:
            self.load()
        country_code = country = city = isp = ""
        city_names: dict[str, str] = {}
        if self._city is not None:
            try:
                record = self._city.get(ip)
            except Exception:
                record = None
            if isinstance(record, dict):
                city = _name(record.get("city"), self.language)
                city_names = _names(record.get("city"))
                country = _name(record.get("country"), self.language)
                country_code = str((record.get("country") or {}).get("iso_code") or "")
        if self._fast is not None and address.is_global:
            try:
                found = self._fast.lookup(ip)
                if not country_code and len(found.country_code) == 2:
                    country_code, country = found.country_code, found.country_name
                isp = found.asn_name or ""
            except Exception:
                log.debug("geoip2fast lookup of %s failed", ip, exc_info=True)
        return Location(country_code, country, city, isp, city_names)


def _name(entry: Any, language: str) -> str:
    if not isinstance(entry, dict):
        return ""
    names = entry.get("names") or {}
    return str(names.get(language) or names.get("en") or "")


def _names(entry: Any) -> dict[str, str]:
    """The entry's name in each app language the database has (Nueva York, Nova York...)."""
    names = (entry.get("names") or {}) if isinstance(entry, dict) else {}
    found = {lang: names.get(key) for lang, key in NAME_KEYS.items()}
    return {lang: str(name) for lang, name in found.items() if name}


def city_names_of(stored: str | None) -> dict[str, str]:
    """The visitors row's ``city_names`` (JSON) as a dict; {} when empty or not JSON."""
    if not stored:
        return {}
    try:
        value = json.loads(stored)
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}
