"""R1: visitors become clients: one who chatted, left an offline message or gave contact
details. Called inside the transaction of that write (the chat's first message, the offline
message, the contact form), so a client exists exactly when its visitor's data does."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy import Connection

from server.crm import clients, merges
from server.store.schema import crm_client_visitors, crm_clients, visitors


def ensure_for_visitor(
    conn: Connection,
    visitor_id: int,
    *,
    name: str = "",
    email: str = "",
    phone: str = "",
    hook: bool = True,
) -> int | None:
    """R1: the visitor's client, made now if it had none; the contact details the visitor gave
    fill the client's empty fields (an agent's edits are kept), and a known e-mail or phone
    merges it with the client that has it. Called in the transaction of the chat's first
    message, the offline message and the contact form. ``name``, ``email``, ``phone``: what
    the offline form gave (else the visitor's contact). ``hook`` False: the calling write sends
    its own ``client_updated`` (the contact form), so the client's fill sends none. None for an
    unknown visitor."""
    v = conn.execute(
        sa.select(visitors.c.name, visitors.c.email, visitors.c.phone, visitors.c.assigned_agent_id)
        .where(visitors.c.id == visitor_id)
    ).first()  # fmt: skip
    if v is None:
        return None
    given = {"name": name or v.name, "email": email or v.email, "phone": phone or v.phone}
    client_id = clients.client_of_visitor(conn, visitor_id)
    if client_id is None:
        client_id = clients.create(conn, given, None)
        conn.execute(
            sa.insert(crm_client_visitors).values(visitor_id=visitor_id, client_id=client_id)
        )
        if v.assigned_agent_id is not None:
            conn.execute(
                sa.update(crm_clients)
                .where(crm_clients.c.id == client_id)
                .values(owner_id=v.assigned_agent_id)
            )
        clients.reindex(conn, client_id)
        return merges.merge_duplicates(conn, client_id, None)
    row = conn.execute(sa.select(crm_clients).where(crm_clients.c.id == client_id)).mappings().one()
    fill = {f: value for f, value in given.items() if value and not row[f]}
    if not fill:
        return client_id
    return merges.save(conn, client_id, fill, None, hook=hook)


def assigned(conn: Connection, visitor_id: int, agent_id: int | None) -> None:
    """C5 and R1 are one thing: the agent a visitor is bound to owns its client (and the
    client's other visitors are bound to it too)."""
    client_id = ensure_for_visitor(conn, visitor_id)
    if client_id is not None:
        merges.save(conn, client_id, {}, agent_id, owner=agent_id)
