"""R1: the client list: search, filters, sort and keyset pages, each on an index.

Search: each word of a client's name, e-mail, phone, company and text custom fields is a row of
``crm_search`` (lower case; the phone's digits also as one word). A query word matches the terms
it begins, as a range of the ``(term, client_id)`` index, so a search costs the same over
100,000 clients as over 100 when it finds few (``bench/crm_search.py``). Pages are keyset pages
on ``(sort key, id)`` indexes: the ``next`` of a page is the last row's key.
"""

from __future__ import annotations

import json
import re
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from server import protocol as p
from server.crm import access
from server.store.schema import crm_client_tags, crm_clients, crm_deals, crm_search

MAX_TERMS = 200
FEW = 1000
"""A query word matching at most this many clients is looked up through the term index."""
TERM_CHARS = 100
_END = "\U0010ffff"
_WORD = re.compile(r"\w+", re.UNICODE)
_PHONE = re.compile(r"^[\d\s+().-]+$")


def words(text: str) -> list[str]:
    return [w[:TERM_CHARS] for w in _WORD.findall(text.casefold())]


def digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def terms(name: str, email: str, phone: str, company: str, custom: list[str]) -> set[str]:
    found = set(words(name)) | set(words(email)) | set(words(company))
    if email:
        found.add(email.casefold()[:TERM_CHARS])
    phone_digits = digits(phone)
    if phone_digits:
        found.add(phone_digits[:TERM_CHARS])
    found |= set(words(phone))
    for value in custom:
        found |= set(words(value))
    return set(sorted(found)[:MAX_TERMS])


def query_words(query: str) -> list[str]:
    query = query.strip()
    if _PHONE.match(query) and digits(query):
        return [digits(query)[:TERM_CHARS]]
    return words(query)[:8]


_SORT = {
    "name": crm_clients.c.sort_name,
    "created": crm_clients.c.created_at,
    "updated": crm_clients.c.updated_at,
}


def page(conn: Connection, agent: p.AgentInfo, frame: p.ListClients) -> tuple[list[int], str]:
    """The ids of one page of clients and the ``next`` cursor."""
    key = _SORT[frame.sort]
    query = sa.select(crm_clients.c.id, key.label("k"), crm_clients.c.merged_into)
    visible = access.clients_clause(conn, agent)
    if visible is not None:
        query = query.where(visible)
    narrowed: set[int] | None = None
    for word in query_words(frame.query):
        matching = sa.select(crm_search.c.client_id).where(
            crm_search.c.term >= word, crm_search.c.term < word + _END
        )
        # A rare word: its clients by the term index, then sorted (a few rows). A common one:
        # the sort index is read in order and each row checked, which finds a page soon.
        # (No DISTINCT: it would let the planner walk the primary key, every row of the table.)
        hits = list(conn.execute(matching.limit(FEW + 1)).scalars())
        found = set(hits)
        if len(hits) <= FEW:
            narrowed = found if narrowed is None else narrowed & found
        else:
            query = query.where(crm_clients.c.id.in_(matching))
    if narrowed is not None and not narrowed:
        return [], ""
    if frame.owner_id is not None:
        owner = crm_clients.c.owner_id
        query = query.where(owner.is_(None) if frame.owner_id == 0 else owner == frame.owner_id)
    if frame.tag:
        query = query.where(
            crm_clients.c.id.in_(
                sa.select(crm_client_tags.c.client_id).where(crm_client_tags.c.tag == frame.tag)
            )
        )
    if frame.stage_id is not None:
        query = query.where(
            crm_clients.c.id.in_(
                sa.select(crm_deals.c.client_id).where(crm_deals.c.stage_id == frame.stage_id)
            )
        )
    bound = _cursor(frame.after, frame.id) if frame.after else None
    if narrowed is not None:
        # At most FEW rows, read by id and ordered here: neither ORDER BY nor merged_into in
        # the SQL, so the planner cannot prefer walking the sort index.
        rows = sorted(
            (
                r
                for r in conn.execute(query.where(crm_clients.c.id.in_(sorted(narrowed))))
                if r.merged_into is None
            ),
            key=lambda r: (r.k, r.id),
            reverse=frame.descending,
        )
        if bound is not None:
            rows = [
                r for r in rows
                if ((r.k, r.id) < bound if frame.descending else (r.k, r.id) > bound)
            ]  # fmt: skip
        rows = rows[: frame.limit + 1]
    else:
        query = query.where(crm_clients.c.merged_into.is_(None))
        if bound is not None:
            pair, at = sa.tuple_(key, crm_clients.c.id), sa.tuple_(sa.literal(bound[0]), bound[1])
            query = query.where(pair < at if frame.descending else pair > at)
        if frame.descending:
            query = query.order_by(key.desc(), crm_clients.c.id.desc())
        else:
            query = query.order_by(key, crm_clients.c.id)
        rows = list(conn.execute(query.limit(frame.limit + 1)).all())
    more = len(rows) > frame.limit
    rows = rows[: frame.limit]
    after = json.dumps([rows[-1].k, rows[-1].id]) if more and rows else ""
    return [r.id for r in rows], after


def _cursor(text: str, request_id: int) -> tuple[Any, int]:
    try:
        value, last_id = json.loads(text)
        if not isinstance(last_id, int) or not isinstance(value, str | int | float):
            raise ValueError
    except (ValueError, TypeError):
        raise p.FrameRejected("invalid", "bad page cursor", request_id) from None
    return value, last_id
