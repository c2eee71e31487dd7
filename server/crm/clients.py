"""R1: clients: made from visitors (who chatted, left an offline message or gave contact
details) or by agents; read as :class:`~server.protocol.ClientInfo`; changed field by field.

Each write names only the fields it changes and writes each with its own UPDATE, after locking
the row (``FOR UPDATE`` on PostgreSQL; SQLite has one writer): two agents editing different
fields both keep theirs, the same field keeps the last write, and the log (``crm_client_log``)
keeps every value. A write to a client merged meanwhile goes to the client it was merged into.
A new e-mail or phone that another client has merges the two (:mod:`server.crm.merges`).
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from server import protocol as p
from server.crm import fields as fields_repo
from server.crm import search
from server.integrations import hooks
from server.store.schema import (
    crm_client_log,
    crm_client_tags,
    crm_client_visitors,
    crm_clients,
    crm_field_values,
    crm_search,
    visitors,
)

FIELDS = ("name", "email", "phone", "company", "notes")


def sort_name(row: Any) -> str:
    return (row["name"] or row["email"] or row["phone"] or row["company"]).casefold()[:200]


def norms(email: str, phone: str) -> dict[str, str]:
    return {"email_norm": email.strip().casefold(), "phone_norm": search.digits(phone)[:64]}


def live_id(conn: Connection, client_id: int, *, lock: bool = False) -> int | None:
    """The client ``client_id`` is now (itself, or the one it was merged into)."""
    seen = set()
    while client_id not in seen:
        seen.add(client_id)
        query = sa.select(crm_clients.c.merged_into).where(crm_clients.c.id == client_id)
        row = conn.execute(query.with_for_update() if lock else query).first()
        if row is None:
            return None
        if row.merged_into is None:
            return client_id
        client_id = int(row.merged_into)
    return None


def infos(conn: Connection, ids: list[int]) -> list[p.ClientInfo]:
    """The clients ``ids`` in that order (missing ones left out)."""
    if not ids:
        return []
    rows = {r.id: r for r in conn.execute(sa.select(crm_clients).where(crm_clients.c.id.in_(ids)))}
    tags: dict[int, list[str]] = defaultdict(list)
    for r in conn.execute(
        sa.select(crm_client_tags)
        .where(crm_client_tags.c.client_id.in_(ids))
        .order_by(crm_client_tags.c.tag)
    ):
        tags[r.client_id].append(r.tag)
    custom: dict[int, dict[int, str]] = defaultdict(dict)
    for r in conn.execute(sa.select(crm_field_values).where(crm_field_values.c.client_id.in_(ids))):
        custom[r.client_id][r.field_id] = r.value
    seen: dict[int, list[int]] = defaultdict(list)
    for r in conn.execute(
        sa.select(crm_client_visitors)
        .where(crm_client_visitors.c.client_id.in_(ids))
        .order_by(crm_client_visitors.c.visitor_id)
    ):
        seen[r.client_id].append(r.visitor_id)
    return [
        p.ClientInfo(
            id=c.id, name=c.name, email=c.email, phone=c.phone, company=c.company, notes=c.notes,
            owner_id=c.owner_id, tags=tags[c.id], custom=custom[c.id], visitor_ids=seen[c.id],
            created_at=c.created_at, updated_at=c.updated_at,
        )
        for i in ids
        if (c := rows.get(i)) is not None
    ]  # fmt: skip


def info(conn: Connection, client_id: int) -> p.ClientInfo:
    (found,) = infos(conn, [client_id])
    return found


def reindex(conn: Connection, client_id: int) -> None:
    """The client's search terms again (none once it is merged away)."""
    conn.execute(sa.delete(crm_search).where(crm_search.c.client_id == client_id))
    row = conn.execute(sa.select(crm_clients).where(crm_clients.c.id == client_id)).first()
    if row is None or row.merged_into is not None:
        return
    text_fields = {f.id for f in fields_repo.field_list(conn) if f.kind in ("text", "list")}
    custom = [
        v
        for fid, v in conn.execute(
            sa.select(crm_field_values.c.field_id, crm_field_values.c.value).where(
                crm_field_values.c.client_id == client_id
            )
        ).all()
        if fid in text_fields
    ]
    found = search.terms(row.name, row.email, row.phone, row.company, custom)
    if found:
        conn.execute(sa.insert(crm_search), [{"client_id": client_id, "term": t} for t in found])


def log(
    conn: Connection, client_id: int, kind: str, agent_id: int | None, field: str = "",
    old: str = "", new: str = "",
) -> None:  # fmt: skip
    conn.execute(
        sa.insert(crm_client_log).values(
            client_id=client_id, ts=time.time(), agent_id=agent_id, kind=kind, field=field,
            old=old, new=new,
        )
    )  # fmt: skip


def create(conn: Connection, values: dict[str, str], agent_id: int | None) -> int:
    now = time.time()
    row = {f: values.get(f, "") for f in FIELDS}
    client_id = int(
        conn.execute(
            sa.insert(crm_clients)
            .values(
                **row, **norms(row["email"], row["phone"]), sort_name=sort_name(row),
                field_times=json.dumps({f: now for f in FIELDS if row[f]}),
                created_at=now, updated_at=now,
            )
            .returning(crm_clients.c.id)
        ).scalar_one()
    )  # fmt: skip
    log(conn, client_id, "created", agent_id)
    return client_id


def update(
    conn: Connection,
    client_id: int,
    values: dict[str, str],
    agent_id: int | None,
    *,
    custom: dict[int, str] | None = None,
    tags: list[str] | None = None,
    owner: int | bool | None = False,
    request_id: int = 0,
    hook: bool = True,
) -> tuple[int, bool]:
    """Write the given fields of the client (of the one it was merged into); returns that
    client's id and whether its e-mail or phone changed (then
    :func:`server.crm.merges.merge_duplicates` runs). ``owner`` False: unchanged; None:
    nobody."""
    live = live_id(conn, client_id, lock=True)
    if live is None:
        raise p.FrameRejected("not_found", "no such client", request_id)
    row = conn.execute(sa.select(crm_clients).where(crm_clients.c.id == live)).mappings().one()
    now = time.time()
    times = json.loads(row["field_times"])
    changed: dict[str, Any] = {}
    for field, value in values.items():
        if value != row[field]:
            log(conn, live, "edit", agent_id, field, row[field], value)
            changed[field] = value
            times[field] = now
    if owner is not False and owner != row["owner_id"]:
        log(conn, live, "edit", agent_id, "owner", str(row["owner_id"] or ""), str(owner or ""))
        changed["owner_id"] = owner
        # C5: the client's visitors are routed to that agent first.
        conn.execute(
            sa.update(visitors)
            .where(
                visitors.c.id.in_(
                    sa.select(crm_client_visitors.c.visitor_id).where(
                        crm_client_visitors.c.client_id == live
                    )
                )
            )
            .values(assigned_agent_id=owner)
        )
    merged = {**row, **changed}
    if changed:
        if "email" in changed or "phone" in changed:
            changed.update(norms(merged["email"], merged["phone"]))
        changed["sort_name"] = sort_name(merged)
        changed["field_times"] = json.dumps(times)
    if custom:
        _write_custom(conn, live, custom, agent_id, now, request_id)
    if tags is not None:
        _write_tags(conn, live, tags, agent_id)
    if changed or custom or tags is not None:
        changed["updated_at"] = now
        conn.execute(sa.update(crm_clients).where(crm_clients.c.id == live).values(**changed))
        reindex(conn, live)
        if hook:  # not when the write that called already sends its own client_updated
            _client_updated_hook(conn, live)
    return live, "email_norm" in changed or "phone_norm" in changed


def _write_custom(
    conn: Connection, client_id: int, custom: dict[int, str], agent_id: int | None, now: float,
    request_id: int,
) -> None:  # fmt: skip
    defined = {f.id: f for f in fields_repo.field_list(conn)}
    for field_id, raw in custom.items():
        field = defined.get(field_id)
        if field is None:
            raise p.FrameRejected("invalid", f"no custom field {field_id}", request_id)
        value = fields_repo.checked(field, raw, request_id)
        where = (crm_field_values.c.client_id == client_id) & (
            crm_field_values.c.field_id == field_id
        )
        old = conn.execute(sa.select(crm_field_values.c.value).where(where)).scalar()
        if (old or "") == value:
            continue
        log(conn, client_id, "edit", agent_id, f"custom:{field_id}", old or "", value)
        if not value:
            conn.execute(sa.delete(crm_field_values).where(where))
        elif old is None:
            conn.execute(
                sa.insert(crm_field_values).values(
                    client_id=client_id, field_id=field_id, value=value, updated_at=now
                )
            )
        else:
            conn.execute(
                sa.update(crm_field_values).where(where).values(value=value, updated_at=now)
            )


def _write_tags(conn: Connection, client_id: int, tags: list[str], agent_id: int | None) -> None:
    old = sorted(
        conn.execute(
            sa.select(crm_client_tags.c.tag).where(crm_client_tags.c.client_id == client_id)
        ).scalars()
    )
    new = sorted({t.strip() for t in tags if t.strip()})
    if old == new:
        return
    log(conn, client_id, "edit", agent_id, "tags", ",".join(old), ",".join(new))
    conn.execute(sa.delete(crm_client_tags).where(crm_client_tags.c.client_id == client_id))
    if new:
        conn.execute(sa.insert(crm_client_tags), [{"client_id": client_id, "tag": t} for t in new])


def _client_updated_hook(conn: Connection, client_id: int) -> None:
    row = conn.execute(sa.select(crm_clients).where(crm_clients.c.id == client_id)).first()
    if row is None:
        return
    hooks.enqueue(
        conn,
        "client_updated",
        {"client_id": client_id, "name": row.name, "email": row.email, "phone": row.phone,
         "company": row.company},
        coalesce_key=f"client:{client_id}",
    )  # fmt: skip


def client_of_visitor(conn: Connection, visitor_id: int) -> int | None:
    found = conn.execute(
        sa.select(crm_client_visitors.c.client_id).where(
            crm_client_visitors.c.visitor_id == visitor_id
        )
    ).scalar()
    return None if found is None else live_id(conn, int(found))
