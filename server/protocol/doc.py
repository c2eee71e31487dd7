"""The renderer of docs/protocol.md: one page, a section per domain module.

``python -m server.protocol > docs/protocol.md`` (``make docs``) writes it, and
``tests/unit/test_protocol.py`` fails when the page is stale. Each module's docstring opens its
section (``Title: lead sentence.`` then the rest), and its frames and structures follow in the
order the module defines them.
"""

from __future__ import annotations

import re
from types import ModuleType
from typing import Any

import msgspec

from . import (
    account,
    actions,
    admin,
    base,
    channels,
    chats,
    crm,
    files,
    gifs,
    logs,
    phone,
    pointer,
    stats,
    structs,
    translate,
    visitors,
)  # fmt: skip
from .codec import AGENT_FRAMES, SERVER_FRAMES, VISITOR_FRAMES

__all__ = ["render_doc"]

DOMAINS: tuple[ModuleType, ...] = (
    base,
    account,
    chats,
    actions,
    visitors,
    files,
    logs,
    admin,
    crm,
    phone,
    stats,
    translate,
    gifs,
    pointer,
    channels,
)
"""The domain modules in the page's order; ``structs`` (shared structures) comes after them."""

HOW_TO_ADD_A_FRAME = """\
## How to add a frame

The steps (the structs here, the union, the handler with its role, the test, this page) are in
[CONTRIBUTING.md](../CONTRIBUTING.md#how-to-add-a-frame).
"""


def _type_name(tp: Any) -> str:
    text = repr(tp) if not isinstance(tp, type) else tp.__name__
    text = re.sub(r"server\.protocol\.(?:\w+\.)?", "", text.replace("typing.", ""))
    # Integer bounds are part of the contract (issue 12 item 4): int[1..2147483647].
    text = re.sub(
        r"Annotated\[int, msgspec\.Meta\(ge=(-?\d+), le=(-?\d+)\)\]", r"int[\1..\2]", text
    )
    text = re.sub(r"Annotated\[([^,\[\]]+(?:\[[^\]]*\])?), msgspec\.Meta\([^)]*\)\]", r"\1", text)
    optional = re.fullmatch(r"Optional\[(.*)\]", text)
    return f"{optional[1]} | None" if optional else text


def _sender(cls: type[msgspec.Struct]) -> str:
    if cls in AGENT_FRAMES and cls in VISITOR_FRAMES:
        return "agents and visitors"
    if cls in AGENT_FRAMES:
        return "agents"
    if cls in VISITOR_FRAMES:
        return "visitors"
    return "the relay"


def _struct_section(cls: type[msgspec.Struct], tagged: bool) -> list[str]:
    title = f"`{base.tag_of(cls)}`" if tagged else f"`{cls.__name__}`"  # type: ignore[arg-type]
    lines = [f"### {title}", ""]
    if tagged:
        lines += [f"*Sent by {_sender(cls)}.*", ""]
    doc = (cls.__doc__ or "").strip()
    if doc:
        lines += [" ".join(doc.split()), ""]
    lines += ["| field | type | default |", "| --- | --- | --- |"]
    if tagged:
        lines.append(f'| `type` | `"{base.tag_of(cls)}"` | |')  # type: ignore[arg-type]
    for f in msgspec.structs.fields(cls):
        if f.default is not msgspec.NODEFAULT:
            default = f"`{f.default!r}`"
        elif f.default_factory is not msgspec.NODEFAULT:
            default = "`{}`"
        else:
            default = "required"
        type_text = _type_name(f.type).replace("|", "\\|")
        lines.append(f"| `{f.name}` | `{type_text}` | {default} |")
    return [*lines, ""]


def _title(module: ModuleType) -> tuple[str, str]:
    """A module's section title and its introduction, from its docstring."""
    first, _, rest = (module.__doc__ or "").strip().partition("\n")
    title, _, lead = first.partition(":")
    return title.strip(), " ".join(f"{lead} {rest}".split())


def _module_section(module: ModuleType) -> list[str]:
    title, intro = _title(module)
    path = f"server/protocol/{module.__name__.rsplit('.', 1)[-1]}.py"
    out = [f"## {title}", "", f"`{path}`: {intro}", ""]
    frames = {*AGENT_FRAMES, *VISITOR_FRAMES, *SERVER_FRAMES}
    for value in vars(module).values():
        if not (
            isinstance(value, type)
            and issubclass(value, msgspec.Struct)
            and value.__module__ == module.__name__
            and not value.__name__.startswith("_")
        ):
            continue
        if value in frames:
            out += _struct_section(value, tagged=True)
        elif not issubclass(value, base.Frame):  # not the bases Frame and ListAnswer
            out += _struct_section(value, tagged=False)
    return out


def render_doc() -> str:
    """The text of docs/protocol.md."""
    from server import protocol  # the package's docstring holds the rules

    sections = (*DOMAINS, structs)
    out = [
        "# Wire protocol",
        "",
        "Generated from `server/protocol/` by `python -m server.protocol > docs/protocol.md`;",
        "a test fails when this file is stale. Do not edit by hand.",
        "",
        (protocol.__doc__ or "").strip(),
        "",
        f"Protocol version: **{base.PROTOCOL_VERSION}**. "
        f"Frame limit: {base.MAX_FRAME_BYTES} bytes. "
        f"Message limit: {base.MAX_MESSAGE_CHARS} characters. "
        f"File limit: {files.MAX_FILE_BYTES} bytes (10 MiB), in binary chunks of at most "
        f"{files.FILE_CHUNK_BYTES} bytes. "
        f"Authentication must arrive within {base.AUTH_TIMEOUT_SECONDS:g} s.",
        "",
        "Close codes: "
        + ", ".join(
            f"`{value}` {name.removeprefix('CLOSE_').lower().replace('_', ' ')}"
            for name, value in sorted(vars(base).items())
            if name.startswith("CLOSE_")
        ),
        "",
        "Error codes: " + ", ".join(f"`{c}`" for c in base.ErrorCode.__args__),  # type: ignore[attr-defined]
        "",
        "Sign-out reasons (the reason of a `4410` close): "
        + ", ".join(f"`{c}`" for c in base.SignOutReason.__args__),  # type: ignore[attr-defined]
        "",
        "Domains: "
        + ", ".join(
            f"[{title}](#{title.lower().replace(' ', '-')})" for title, _ in map(_title, sections)
        )
        + ", and [how to add a frame](#how-to-add-a-frame).",
        "",
    ]
    for module in sections:
        out += _module_section(module)
    out.append(HOW_TO_ADD_A_FRAME)
    return "\n".join(out).rstrip() + "\n"
