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

from . import account, actions, admin, base, chats, files, logs, structs, visitors
from .codec import AGENT_FRAMES, SERVER_FRAMES, VISITOR_FRAMES

__all__ = ["render_doc"]

DOMAINS: tuple[ModuleType, ...] = (base, account, chats, actions, visitors, files, logs, admin)
"""The domain modules in the page's order; ``structs`` (shared structures) comes after them."""

HOW_TO_ADD_A_FRAME = """\
## How to add a frame

1. **Define it in its domain's module** (`server/protocol/chats.py`, `actions.py`,
   `visitors.py`, `files.py`, `account.py`, `logs.py`, `admin.py`; a new domain is a new module,
   star-imported and added to `__all__` in `server/protocol/__init__.py` and listed in `DOMAINS`
   in `server/protocol/doc.py`). A request is `class YourFrame(Frame)` with `id: RequestId` when
   it is answered; its `type` tag is the class name in snake_case (`your_frame`). Bound every
   field a client sends with the types of `base.py` (`DbId`, `Cursor`, `Short`, `Text`, `Url`,
   or `Annotated[..., msgspec.Meta(...)]`): the relay answers `invalid` to anything outside them.
   The docstring says who sends it and what answers it; it is the frame's entry on this page.
   Define its answer next to it (or answer `ok`): a `ListAnswer` when it carries a list that
   grows with the data. Add the new names to the module's `__all__` so that `p.YourFrame` works.
2. **Add it to its role's union** in `server/protocol/codec.py`: `AgentRequest` and/or
   `VisitorRequest` for a request (the relay answers `unknown_type` to a frame in neither and
   `forbidden` to one of the other role's), `ServerFrame` for an answer or a push (the desktop
   app decodes with it). Append it; never rename a frame, nor change a field's type or default:
   released apps and widgets speak this version (an incompatible change bumps
   `PROTOCOL_VERSION`).
3. **Handle it**: declare the handler in the domain's service with
   `@serves(p.YourFrame, role="agent"|"admin")` (see `server/core/frames.py`).
4. **Test it**: in the domain's test under `tests/server/` (for example `test_chat_actions.py`),
   send the frame to a running relay (`tests/support/relay.py`) from a signed-in client and
   check the answer and the pushes. An admin frame also gets an example in `ADMIN_EXAMPLES` of
   `tests/server/test_account_admin.py` (an agent sending it must be refused);
   `tests/server/test_fuzz.py` mutates every frame of the unions by itself.
5. **Document it**: `make docs` regenerates this page; `tests/unit/test_protocol.py` fails while
   it is stale.
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
