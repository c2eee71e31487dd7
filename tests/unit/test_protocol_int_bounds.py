"""Issue 12 item 4: every integer a client may send is bounded to what its column holds.

The seeded fuzz test found frames added after item 4 was fixed (block preview, offline
messages, a client's history, departments) whose ids were plain ``int``: 2**64 then reached
the database and came back as ``internal`` with a traceback. This walks every client request
type, so a new frame with an unbounded integer fails here, before any fuzzing."""

from __future__ import annotations

import typing

import msgspec.inspect as mi

from server import protocol as p


def _unbounded(t: mi.Type, path: str, out: list[str], seen: set[type]) -> None:
    if isinstance(t, mi.IntType):
        has_low = t.ge is not None or t.gt is not None
        has_high = t.le is not None or t.lt is not None
        if not (has_low and has_high):
            out.append(path)
    elif isinstance(t, mi.StructType):
        if t.cls in seen:
            return
        seen.add(t.cls)
        for field in t.fields:
            _unbounded(field.type, f"{t.cls.__name__}.{field.name}", out, seen)
    elif isinstance(t, mi.UnionType):
        for member in t.types:
            _unbounded(member, path, out, seen)
    elif isinstance(t, mi.ListType | mi.SetType | mi.FrozenSetType | mi.VarTupleType):
        _unbounded(t.item_type, f"{path}[]", out, seen)
    elif isinstance(t, mi.DictType):
        _unbounded(t.key_type, f"{path}{{key}}", out, seen)
        _unbounded(t.value_type, f"{path}{{value}}", out, seen)


def test_every_integer_a_client_sends_is_bounded() -> None:
    """Issue 12 item 4: no client frame field is an unbounded integer."""
    offenders: list[str] = []
    for union in (p.AgentRequest, p.VisitorRequest):
        for cls in typing.get_args(union):
            _unbounded(mi.type_info(cls), cls.__name__, offenders, set())
    assert sorted(set(offenders)) == []
