"""The pointer (C15): "resaltar un elemento en su sitio web y enviarlo al visitante".

The agent asks for a pointer (``create_pointer``): the relay answers the visitor's current page
with a one-time token in the URL fragment (``#jivo-pointer=TOKEN``), which the app opens in the
agent's own browser. The widget on that page sees the token and lets the agent pick an element
and write a comment; it sends them with ``pointer_pick`` (over its own socket, whoever it is
for the relay). The token works once, for that agent and that chat, until it expires
(``POINTER_SECONDS``); it grants nothing else. The visitor then gets an event of kind
``pointer`` whose ``text`` is JSON ``{"comment", "selector", "url"}``: the widget shows the
comment with a View button that scrolls to the element and highlights it (or says it is on
another page). It cannot work on pages behind a sign-in: the agent's browser is not signed in
as the visitor.
"""

from __future__ import annotations

from typing import Annotated

import msgspec

from .base import DbId, Frame, RequestId, Url

__all__ = [
    "MAX_POINTER_COMMENT",
    "MAX_POINTER_SELECTOR",
    "POINTER_SECONDS",
    "CreatePointer",
    "PointerCreated",
    "PointerPick",
]

POINTER_SECONDS = 600
MAX_POINTER_SELECTOR = 1000
MAX_POINTER_COMMENT = 2000


class CreatePointer(Frame):
    """Agent: a pointer for this chat's visitor page; answered with ``pointer_created``."""

    id: RequestId
    chat_id: DbId


class PointerCreated(Frame):
    """``url``: the visitor's current page with the token in its fragment."""

    id: int
    chat_id: int
    url: str
    expires_at: float


class PointerPick(Frame):
    """Sent by the widget in pick mode: the element (a CSS selector) and the comment for the
    token's chat. Answered ``ok``; a token that is unknown, used or expired is ``not_found``."""

    id: RequestId
    token: Annotated[str, msgspec.Meta(max_length=100)]
    selector: Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_POINTER_SELECTOR)]
    comment: Annotated[str, msgspec.Meta(max_length=MAX_POINTER_COMMENT)] = ""
    page_url: Url = ""
