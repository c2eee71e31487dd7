"""R1: merging clients that turn out to be one person (the same e-mail or phone from another
visitor, or an agent's merge), reversibly and logged.

A merge locks both rows (lower id first), then keeps per standard field the value written last
(``field_times``; a field only one of them has is kept as is), per custom field the value
updated last, and every tag; the losing values are in the log (``crm_client_log``, kind
``merge``: ``old`` lost, ``new`` kept). The merged client's row stays, with ``merged_into`` set
and its own values untouched, and ``crm_merges`` records what moved (visitors, tasks, deals,
custom values, tags) and the target's values before: :func:`unmerge` puts them back, except
what was edited since. A write to a merged client goes to its target (``clients.update``
follows ``merged_into`` after locking), so an edit racing a merge loses nothing.
"""

from __future__ import annotations

import json
import time
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from server import protocol as p
from server.crm import clients
from server.store.schema import (
    crm_client_tags,
    crm_client_visitors,
    crm_clients,
    crm_deals,
    crm_field_values,
    crm_merges,
    crm_tasks,
)


def save(conn: Connection, client_id: int, values: dict[str, str], agent_id: int | None,
         **more: Any) -> int:  # fmt: skip
    """:func:`clients.update`, then the merge its new e-mail or phone calls for; returns the
    client the fields are on now."""
    live, keys_changed = clients.update(conn, client_id, values, agent_id, **more)
    return merge_duplicates(conn, live, agent_id) if keys_changed else live


def merge_duplicates(conn: Connection, client_id: int, agent_id: int | None) -> int:
    """Merge ``client_id`` with the (oldest) other client of the same e-mail or phone: into
    the older of the two. Returns the client that remains."""
    row = conn.execute(sa.select(crm_clients).where(crm_clients.c.id == client_id)).first()
    if row is None:
        return client_id
    keys = []
    if row.email_norm:
        keys.append(crm_clients.c.email_norm == row.email_norm)
    if row.phone_norm and len(row.phone_norm) >= 6:
        keys.append(crm_clients.c.phone_norm == row.phone_norm)
    if not keys:
        return client_id
    other = conn.execute(
        sa.select(crm_clients.c.id)
        .where(sa.or_(*keys), crm_clients.c.id != client_id, crm_clients.c.merged_into.is_(None))
        .order_by(crm_clients.c.id)
        .limit(1)
    ).scalar()
    if other is None:
        return client_id
    into, source = sorted((int(other), client_id))
    merge(conn, into, source, agent_id)
    return into


def _lock(conn: Connection, client_id: int) -> dict[str, Any]:
    row = (
        conn.execute(sa.select(crm_clients).where(crm_clients.c.id == client_id).with_for_update())
        .mappings()
        .first()
    )
    if row is None or row["merged_into"] is not None:
        raise p.FrameRejected("not_found", f"no such client {client_id}")
    return dict(row)


def merge(conn: Connection, into_id: int, from_id: int, agent_id: int | None) -> int:
    """Merge ``from_id`` into ``into_id``; returns the merge's id."""
    if into_id == from_id:
        raise p.FrameRejected("invalid", "a client cannot be merged with itself")
    first, second = sorted((into_id, from_id))
    rows = {first: _lock(conn, first), second: _lock(conn, second)}
    into, source = rows[into_id], rows[from_id]
    into_times, from_times = json.loads(into["field_times"]), json.loads(source["field_times"])
    times_before = dict(into_times)
    now = time.time()
    result: dict[str, str] = {}
    for field in clients.FIELDS:
        mine, theirs = into[field], source[field]
        if not theirs or mine == theirs:
            continue
        if not mine or from_times.get(field, 0.0) > into_times.get(field, 0.0):
            result[field] = theirs
            into_times[field] = from_times.get(field, now)
            if mine:
                clients.log(conn, into_id, "merge", agent_id, field, mine, theirs)
        else:
            clients.log(conn, into_id, "merge", agent_id, field, theirs, mine)
    owner = into["owner_id"] if into["owner_id"] is not None else source["owner_id"]
    custom_moved, custom_before = _merge_custom(conn, into_id, from_id, agent_id)
    tags_added = _merge_tags(conn, into_id, from_id)
    moved_visitors = [
        int(v)
        for v in conn.execute(
            sa.select(crm_client_visitors.c.visitor_id).where(
                crm_client_visitors.c.client_id == from_id
            )
        ).scalars()
    ]
    moved_tasks = _move(conn, crm_tasks, from_id, into_id)
    moved_deals = _move(conn, crm_deals, from_id, into_id)
    conn.execute(
        sa.update(crm_client_visitors)
        .where(crm_client_visitors.c.client_id == from_id)
        .values(client_id=into_id)
    )
    merged = {**into, **result}
    conn.execute(
        sa.update(crm_clients)
        .where(crm_clients.c.id == into_id)
        .values(
            **result, **clients.norms(merged["email"], merged["phone"]),
            owner_id=owner, sort_name=clients.sort_name(merged),
            field_times=json.dumps(into_times), updated_at=now,
        )
    )  # fmt: skip
    conn.execute(
        sa.update(crm_clients)
        .where(crm_clients.c.id == from_id)
        .values(merged_into=into_id, updated_at=now)
    )
    snapshot = {
        "into": {f: into[f] for f in clients.FIELDS},
        "into_owner": into["owner_id"],
        "into_times": times_before,
        "result": {f: merged[f] for f in clients.FIELDS},
        "visitors": moved_visitors,
        "tasks": moved_tasks,
        "deals": moved_deals,
        "custom_moved": custom_moved,
        "custom_before": custom_before,
        "tags_added": tags_added,
    }
    merge_id = int(
        conn.execute(
            sa.insert(crm_merges)
            .values(into_id=into_id, from_id=from_id, agent_id=agent_id, ts=now,
                    snapshot=json.dumps(snapshot))
            .returning(crm_merges.c.id)
        ).scalar_one()
    )  # fmt: skip
    conn.info.setdefault("crm_merged", []).append(from_id)  # for the pushes (crm.service)
    clients.log(conn, into_id, "merge", agent_id, "", "", f"#{from_id}")
    clients.log(conn, from_id, "merge", agent_id, "", "", f"→#{into_id}")
    clients.reindex(conn, into_id)
    clients.reindex(conn, from_id)
    return merge_id


def _move(conn: Connection, table: sa.Table, from_id: int, into_id: int) -> list[int]:
    ids = [int(i) for i in conn.execute(
        sa.select(table.c.id).where(table.c.client_id == from_id)
    ).scalars()]  # fmt: skip
    if ids:
        conn.execute(sa.update(table).where(table.c.id.in_(ids)).values(client_id=into_id))
    return ids


def _merge_custom(
    conn: Connection, into_id: int, from_id: int, agent_id: int | None
) -> tuple[dict[str, str], dict[str, str]]:
    """Custom values: the one updated last wins. Returns what the target got (field -> value)
    and what it had before for those fields."""

    def values(client_id: int) -> dict[int, Any]:
        return {
            r.field_id: r
            for r in conn.execute(
                sa.select(crm_field_values).where(crm_field_values.c.client_id == client_id)
            )
        }

    mine, theirs = values(into_id), values(from_id)
    moved: dict[str, str] = {}
    before: dict[str, str] = {}
    for field_id, row in theirs.items():
        have = mine.get(field_id)
        if have is not None and (have.value == row.value or have.updated_at >= row.updated_at):
            if have.value != row.value:
                clients.log(conn, into_id, "merge", agent_id, f"custom:{field_id}", row.value,
                            have.value)  # fmt: skip
            continue
        where = (crm_field_values.c.client_id == into_id) & (
            crm_field_values.c.field_id == field_id
        )
        if have is None:
            conn.execute(
                sa.insert(crm_field_values).values(
                    client_id=into_id, field_id=field_id, value=row.value,
                    updated_at=row.updated_at,
                )
            )  # fmt: skip
        else:
            before[str(field_id)] = have.value
            clients.log(conn, into_id, "merge", agent_id, f"custom:{field_id}", have.value,
                        row.value)  # fmt: skip
            conn.execute(
                sa.update(crm_field_values)
                .where(where)
                .values(value=row.value, updated_at=row.updated_at)
            )
        moved[str(field_id)] = row.value
    return moved, before


def _merge_tags(conn: Connection, into_id: int, from_id: int) -> list[str]:
    def tags(client_id: int) -> set[str]:
        return set(
            conn.execute(
                sa.select(crm_client_tags.c.tag).where(crm_client_tags.c.client_id == client_id)
            ).scalars()
        )

    added = sorted(tags(from_id) - tags(into_id))
    if added:
        conn.execute(sa.insert(crm_client_tags), [{"client_id": into_id, "tag": t} for t in added])
    return added


def unmerge(conn: Connection, client_id: int, agent_id: int | None, request_id: int) -> int:
    """Undo the latest merge into ``client_id``; returns the client that came back."""
    merge_row = conn.execute(
        sa.select(crm_merges)
        .where(crm_merges.c.into_id == client_id, crm_merges.c.undone_at.is_(None))
        .order_by(crm_merges.c.id.desc())
        .limit(1)
    ).first()
    if merge_row is None:
        raise p.FrameRejected("not_found", "nothing was merged into this client", request_id)
    into = _lock(conn, client_id)
    snap = json.loads(merge_row.snapshot)
    from_id = int(merge_row.from_id)
    now = time.time()
    restore = {
        f: snap["into"][f]
        for f in clients.FIELDS
        if into[f] == snap["result"][f] and snap["into"][f] != into[f]
    }  # fields edited since the merge keep their new value
    restored = {**into, **restore}
    times = json.loads(into["field_times"])
    for field in restore:  # a restored value is as old as it was
        if field in snap.get("into_times", {}):
            times[field] = snap["into_times"][field]
        else:
            times.pop(field, None)
    conn.execute(
        sa.update(crm_clients)
        .where(crm_clients.c.id == client_id)
        .values(
            **restore, **clients.norms(restored["email"], restored["phone"]),
            sort_name=clients.sort_name(restored), field_times=json.dumps(times),
            updated_at=now,
        )
    )  # fmt: skip
    # The merged client comes back; its e-mail or phone may equal the target's, which is why
    # it was merged: its keys are kept but no automatic merge runs again until they change.
    conn.execute(
        sa.update(crm_clients)
        .where(crm_clients.c.id == from_id)
        .values(merged_into=None, updated_at=now)
    )
    for table, key in ((crm_tasks, "tasks"), (crm_deals, "deals")):
        if snap[key]:
            conn.execute(
                sa.update(table)
                .where(table.c.id.in_(snap[key]), table.c.client_id == client_id)
                .values(client_id=from_id)
            )
    if snap["visitors"]:
        conn.execute(
            sa.update(crm_client_visitors)
            .where(
                crm_client_visitors.c.visitor_id.in_(snap["visitors"]),
                crm_client_visitors.c.client_id == client_id,
            )
            .values(client_id=from_id)
        )
    for field_id, value in snap["custom_moved"].items():
        where = (crm_field_values.c.client_id == client_id) & (
            crm_field_values.c.field_id == int(field_id)
        )
        if conn.execute(sa.select(crm_field_values.c.value).where(where)).scalar() != value:
            continue  # edited since
        if field_id in snap["custom_before"]:
            conn.execute(
                sa.update(crm_field_values)
                .where(where)
                .values(value=snap["custom_before"][field_id])
            )
        else:
            conn.execute(sa.delete(crm_field_values).where(where))
    if snap["tags_added"]:
        conn.execute(
            sa.delete(crm_client_tags).where(
                crm_client_tags.c.client_id == client_id,
                crm_client_tags.c.tag.in_(snap["tags_added"]),
            )
        )
    conn.execute(sa.update(crm_merges).where(crm_merges.c.id == merge_row.id).values(undone_at=now))
    clients.log(conn, client_id, "unmerge", agent_id, "", f"#{from_id}", "")
    clients.log(conn, from_id, "unmerge", agent_id, "", f"#{client_id}", "")
    clients.reindex(conn, client_id)
    clients.reindex(conn, from_id)
    return from_id
