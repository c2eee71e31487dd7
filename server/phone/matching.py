"""P1: the CRM client a logged call was with, found by its number when the app did not say
(an incoming call a softphone's hook reported: ``jivo-desktop --log-call NUMBER``).

The app sends E.164 (``+34600111222``); a client's phone is stored as it was typed
(``600 11 12 22``, ``0034 600...``). Each client's phone is read in its own country (the
site of its newest visitor, else the account's: the first site's) and compared in E.164.
The lookup goes through the ``phone_norm`` index (a phone's digits): only the few ways the
number can be written are looked up, then each candidate is read properly.
"""

from __future__ import annotations

import phonenumbers
import sqlalchemy as sa
from phonenumbers import PhoneNumberFormat
from sqlalchemy import Connection

from server import protocol as p
from server.crm import access
from server.phone import callbacks, numbers
from server.store.schema import crm_client_visitors, crm_clients, sites, visitors

MAX_CANDIDATES = 20
"""Clients read per lookup (the same number on more clients than this is not a match)."""


def account_country(conn: Connection) -> str:
    """The country of the account's first site (its ``phone_country``, else its language's)."""
    site = conn.execute(
        sa.select(sites.c.phone_country, sites.c.language).order_by(sites.c.id).limit(1)
    ).first()
    return "US" if site is None else callbacks.country_of(site)


def written_forms(e164: str) -> list[str]:
    """The digits of the ways ``e164`` is usually written: with its country code (``34...``,
    ``0034...``, ``011 34...``, ``810 34...``), nationally (``600...``, with the country's
    trunk prefix: ``020 7946...``, ``8 912...``)."""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return []
    full = f"{number.country_code}{number.national_number}"
    national = str(number.national_number)
    trunk = "".join(
        c for c in phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL) if c.isdigit()
    )
    forms = [full, "00" + full, "011" + full, "810" + full, national, "0" + national, trunk]
    return list(dict.fromkeys(f for f in forms if len(f) >= 6))


def _country_of_client(conn: Connection, client_id: int, default: str) -> str:
    site = conn.execute(
        sa.select(sites.c.phone_country, sites.c.language)
        .select_from(
            crm_client_visitors.join(
                visitors, visitors.c.id == crm_client_visitors.c.visitor_id
            ).join(sites, sites.c.id == visitors.c.site_id)
        )
        .where(crm_client_visitors.c.client_id == client_id)
        .order_by(visitors.c.last_seen_at.desc())
        .limit(1)
    ).first()
    return default if site is None else callbacks.country_of(site)


def client_for_number(conn: Connection, agent: p.AgentInfo, number: str) -> int | None:
    """The live client whose phone is ``number`` (E.164) and that ``agent`` may see: the one
    changed last when several are; None when none is (or ``number`` is not E.164)."""
    if not number.startswith("+"):
        return None
    forms = written_forms(number)
    if not forms:
        return None
    query = (
        sa.select(crm_clients.c.id, crm_clients.c.phone)
        .where(crm_clients.c.phone_norm.in_(forms), crm_clients.c.merged_into.is_(None))
        .order_by(crm_clients.c.updated_at.desc(), crm_clients.c.id.desc())
        .limit(MAX_CANDIDATES)
    )
    visible = access.clients_clause(conn, agent)
    if visible is not None:
        query = query.where(visible)
    default = account_country(conn)
    for row in conn.execute(query).all():
        country = _country_of_client(conn, int(row.id), default)
        if numbers.check(str(row.phone), country).e164 == number:
            return int(row.id)
    return None
