"""C19 ticks from the providers: what WhatsApp's statuses and Twilio's status callbacks say
about a reply the outbox sent (sent, delivered, read, failed), applied to its outbox row and,
for delivered and read, to the chat's receipts, the same ``visitor_delivered_seq`` and
``visitor_read_seq`` the widget's receipts move, so the agents' ticks come the same way
(``receipt_changed``, through the bus). SMTP has no such report: a mail the server accepted
is ``sent`` and stays so.

A status finds its reply by our idempotency key when the provider echoes it (WhatsApp's
``biz_opaque_callback_data``, the ``key`` in the status callback URL we gave Twilio), else by
the provider's message id. The key matters after a crash: a relay killed between the provider
taking a reply and the relay storing the answer does not know the provider's id, and (no
provider key) does not send it again; the provider's report then says it arrived.

A status only moves a reply forward (a late "sent" after "read" changes nothing); "failed"
(Twilio's undelivered) only for a reply no report has said arrived, and it is told to the
chat's agents (:class:`Undelivered`, pushed as ``reply_undelivered``) with the provider's
reason, as is a reply the outbox gave up on."""

from __future__ import annotations

import time
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy import Connection

from server.chats.reads import participants
from server.chats.writes import ReceiptChange, _raise_to
from server.store.schema import channel_outbox, channels, chats, events
from server.store.writer import Write

RANK = {"pending": 0, "failed": 0, "sent": 1, "delivered": 2, "read": 3}
"""How far a reply has come; a status never moves it back."""
STATES = ("sent", "delivered", "read", "failed")


@dataclass
class Undelivered:
    """A reply that did not reach the client: what the chat's agents are told."""

    chat_id: int
    seq: int
    reason: str
    members: list[int]


@dataclass
class Status:
    """A provider's report on one message we sent."""

    state: str
    """One of :data:`STATES`."""
    provider_id: str = ""
    key: str = ""
    error: str = ""


def undelivered(conn: Connection, chat_id: int, event_id: int, reason: str) -> Undelivered | None:
    """What to tell the agents of ``chat_id`` of its reply ``event_id`` not delivered."""
    seq = conn.execute(sa.select(events.c.seq).where(events.c.id == event_id)).scalar()
    if seq is None:
        return None
    return Undelivered(chat_id, int(seq), reason, list(participants(conn, chat_id)))


def apply(channel_id: int, status: Status) -> Write[ReceiptChange | Undelivered | None]:
    """Move the reply's outbox row (and the chat's receipts); the receipts to push, or the
    reply not delivered to tell, if any."""

    def write(conn: Connection) -> ReceiptChange | Undelivered | None:
        query = sa.select(channel_outbox).where(channel_outbox.c.channel_id == channel_id)
        row = None
        if status.key:
            row = conn.execute(query.where(channel_outbox.c.key == status.key)).first()
        if row is None and status.provider_id:
            row = conn.execute(
                query.where(channel_outbox.c.provider_id == status.provider_id[:255])
            ).first()
        if row is None or status.state not in STATES:
            return None
        if status.state == "failed":  # undelivered, even after the provider took it
            if RANK.get(row.status, 0) <= RANK["sent"]:
                error = status.error or "the provider could not deliver this reply"
                conn.execute(
                    sa.update(channel_outbox)
                    .where(channel_outbox.c.id == row.id)
                    .values(status="failed", last_error=error[:500])
                )
                conn.execute(
                    sa.update(channels)
                    .where(channels.c.id == channel_id)
                    .values(last_error=error[:500], last_error_at=time.time())
                )
                return undelivered(conn, row.chat_id, row.event_id, error[:500])
            return None
        if RANK[status.state] <= RANK.get(row.status, 0):
            return None
        conn.execute(
            sa.update(channel_outbox)
            .where(channel_outbox.c.id == row.id)
            .values(
                status=status.state,
                last_error="",
                provider_id=row.provider_id or status.provider_id[:255],
                sent_at=row.sent_at or time.time(),
            )
        )
        if status.state == "sent":
            return None
        seq = conn.execute(sa.select(events.c.seq).where(events.c.id == row.event_id)).scalar()
        if seq is None:
            return None
        values = {"visitor_delivered_seq": _raise_to(chats.c.visitor_delivered_seq, seq)}
        if status.state == "read":
            values["visitor_read_seq"] = _raise_to(chats.c.visitor_read_seq, seq)
        moved = conn.execute(
            sa.update(chats)
            .where(chats.c.id == row.chat_id)
            .values(**values)
            .returning(chats.c.visitor_id, chats.c.visitor_delivered_seq, chats.c.visitor_read_seq)
        ).first()
        if moved is None:
            return None
        members = participants(conn, row.chat_id)
        return ReceiptChange(row.chat_id, moved[0], members, moved[1], moved[2])

    return write
