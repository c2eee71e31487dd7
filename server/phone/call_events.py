"""The ``call_event`` webhook (P2): a callback request was made, taken by an agent, or missed.
Written in the transaction of the step it reports (finding 21)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection

from server.crm import clients
from server.integrations import hooks


def enqueue(conn: Connection, chat: Any, kind: str, **more: Any) -> None:
    """``chat``: the chats row of a callback request; ``kind``: requested, taken, missed."""
    client_id = clients.client_of_visitor(conn, chat.visitor_id) if chat.visitor_id else None
    data = {
        "kind": kind, "chat_id": chat.id, "site_id": chat.site_id, "number": chat.callback_number,
        "time": chat.callback_time, "client_id": client_id, **more,
    }  # fmt: skip
    hooks.enqueue(conn, "call_event", data)
