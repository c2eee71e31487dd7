"""K4: custom client fields defined by admins, and the check of a value against its field's
type (text, number, date, list, checkbox, link). Values are stored as text."""

from __future__ import annotations

import datetime
import json
import re

import sqlalchemy as sa
from sqlalchemy import Connection

from server import protocol as p
from server.store.schema import crm_field_values, crm_fields

_NUMBER = re.compile(r"^-?\d{1,15}(\.\d{1,6})?$")


def field_list(conn: Connection) -> list[p.CustomField]:
    rows = conn.execute(sa.select(crm_fields).order_by(crm_fields.c.position, crm_fields.c.id))
    return [
        p.CustomField(
            id=r.id, label=r.label, kind=r.kind, options=json.loads(r.options), position=r.position
        )
        for r in rows
    ]


def save_field(conn: Connection, frame: p.SaveCustomField) -> None:
    if frame.kind == "list" and not frame.options:
        raise p.FrameRejected("invalid", "a list field needs its options", frame.id)
    values = {"label": frame.label, "kind": frame.kind, "options": json.dumps(frame.options)}
    if frame.field_id is None:
        count = conn.execute(sa.select(sa.func.count()).select_from(crm_fields)).scalar() or 0
        if count >= p.MAX_CUSTOM_FIELDS:
            raise p.FrameRejected("invalid", "too many custom fields", frame.id)
        conn.execute(sa.insert(crm_fields).values(position=count, **values))
        return
    done = conn.execute(
        sa.update(crm_fields).where(crm_fields.c.id == frame.field_id).values(**values)
    )
    if not done.rowcount:
        raise p.FrameRejected("not_found", "no such field", frame.id)


def delete_field(conn: Connection, field_id: int, request_id: int) -> None:
    conn.execute(sa.delete(crm_field_values).where(crm_field_values.c.field_id == field_id))
    done = conn.execute(sa.delete(crm_fields).where(crm_fields.c.id == field_id))
    if not done.rowcount:
        raise p.FrameRejected("not_found", "no such field", request_id)


def checked(field: p.CustomField, value: str, request_id: int) -> str:
    """``value`` as stored for ``field``, or ``invalid``. Empty clears the field."""
    value = value.strip()
    if not value:
        return ""
    ok = True
    if field.kind == "number":
        ok = bool(_NUMBER.match(value))
    elif field.kind == "date":
        try:
            datetime.date.fromisoformat(value)
        except ValueError:
            ok = False
        ok = ok and len(value) == 10
    elif field.kind == "list":
        ok = value in field.options
    elif field.kind == "checkbox":
        ok = value == "1"
    elif field.kind == "link":
        ok = re.match(r"^https?://[^\s]+$", value) is not None
    if not ok:
        raise p.FrameRejected(
            "invalid", f"not a valid {field.kind} for {field.label!r}", request_id
        )
    return value
