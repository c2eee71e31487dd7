"""Messages stored the fast way: prepared DB-API statements, many messages per batch.

Every message is one row in ``events`` and one bump of its chat's ``last_seq``. Through
SQLAlchemy's statement pipeline (five Core statements and a savepoint) that cost about 0.13 ms
of Python per message against 0.02 ms of SQLite's own work, and the group writer ran out of
time before the disk did (issue 15). Here the common case, a message in an open chat its
author may write in, is plain SQL that the group writer (:mod:`server.store.writer`) runs for
a whole run of messages:

* SQLite, per message, in the writer's thread: one ``INSERT ... SELECT`` that finds the open
  chat, checks the author may write there (not blocked; a member), allocates the ``seq`` and
  dedupes by ``client_msg_id`` through the unique constraint (``ON CONFLICT DO NOTHING``, not
  a select first); one ``UPDATE ... RETURNING`` of the chat, with its members. (Each needs
  its rows back, so not ``executemany``; a statement is a few microseconds in the thread.)
* PostgreSQL: the same as one statement per message (data-modifying CTEs), and all the
  messages of a run in one pipelined round trip (asyncpg ``fetchmany``, an ``executemany``
  that returns rows).

Nothing is cached across batches: the open chat and its members are read by the statement that
writes, in the transaction that commits, so no write of another node (issue 16) nor of this
one can make them stale. Folded into the writing statements those reads cost SQLite
microseconds; a cache would save little and would have to be invalidated by every write of a
chat's state or members on any node.

A message the statements do not store (a duplicate, a new chat, a blocked visitor, an agent not
in the chat, a closed chat, an agent's reply in a channel chat, whose outbox row the plain write
adds) is handed back as ``PLAIN`` and runs as :mod:`server.chats.writes`
says, which decides what it is; nothing was written for it.

SQLAlchemy stays for the schema, the migrations and every write that is not per message.
"""

from __future__ import annotations

import collections
import sqlite3
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

import sqlalchemy as sa
from sqlalchemy import Connection
from sqlalchemy.util import await_

from server import protocol as p
from server.chats.writes import ChatChange
from server.core.limits import client_key
from server.stats import log as stats_log
from server.store.schema import chats
from server.store.writer import PLAIN, Batched, Write

CHAT_COLUMNS = tuple(c.name for c in chats.c)
ChatRow = collections.namedtuple("ChatRow", CHAT_COLUMNS)  # type: ignore[misc]
"""A chats row, as the plain writes return it (attribute access)."""

_RETURNING = ", ".join(CHAT_COLUMNS)
_OPEN = "('offered', 'active')"  # chat_reads.OPEN_STATES
_EVENT_COLUMNS = (
    "chat_id, seq, kind, author, author_id, author_name, text, client_msg_id, "
    "visible_to_visitor, ts"
)


@dataclass(slots=True)
class _Message(Batched):
    plain: Write[ChatChange]
    """The same message the plain way (server.chats.writes), for what this module does not do."""
    client_msg_id: str
    text: str

    author: ClassVar[p.Role]

    def __call__(self, conn: Connection) -> ChatChange:
        return self.plain(conn)

    @property
    def author_id(self) -> int:
        raise NotImplementedError

    @property
    def author_name(self) -> str:
        return ""

    def event(self, cursor: int, chat_id: int, seq: int, ts: float) -> p.Event:
        return p.Event(
            cursor=cursor,
            chat_id=chat_id,
            seq=seq,
            kind="message",
            author=self.author,
            author_id=self.author_id,
            author_name=self.author_name,
            text=self.text,
            client_msg_id=self.client_msg_id,
            ts=ts,
        )


@dataclass(slots=True)
class VisitorMessage(_Message):
    visitor_id: int
    site_id: int
    ip: str

    author: ClassVar[p.Role] = "visitor"

    @property
    def author_id(self) -> int:
        return self.visitor_id


@dataclass(slots=True)
class AgentMessage(_Message):
    agent_id: int
    agent_name: str
    chat_id: int

    author: ClassVar[p.Role] = "agent"

    @property
    def author_id(self) -> int:
        return self.agent_id

    @property
    def author_name(self) -> str:
        return self.agent_name


Message = VisitorMessage | AgentMessage


def _ips(ip: str) -> tuple[str, str]:
    """As ``actions.blocks.block_kind``: an IPv6 address is blocked by its /64 too."""
    return ip, client_key(ip)


# ---------------------------------------------------------------- SQLite

# The block lookups are actions.blocks' two indexed ones (by visitor; by site and address).
_SQLITE_VISITOR_INSERT = f"""
INSERT INTO events ({_EVENT_COLUMNS})
SELECT c.id, c.last_seq + 1, 'message', 'visitor', :author_id, '', :text, :cmid, 1, :ts
FROM chats AS c
WHERE c.id = (
        SELECT o.id FROM chats AS o
        WHERE o.visitor_id = :author_id AND o.state IN {_OPEN}
        ORDER BY o.id DESC LIMIT 1)
    AND NOT EXISTS (
        SELECT 1 FROM blocked_clients AS b
        WHERE b.visitor_id = :author_id AND b.unblocked_at IS NULL)
    AND NOT EXISTS (
        SELECT 1 FROM blocked_clients AS b
        WHERE b.site_id = :site_id AND b.ip IN (:ip, :ip_key) AND b.ip != ''
            AND b.by_ip = 1 AND b.unblocked_at IS NULL)
ON CONFLICT (author, author_id, client_msg_id) DO NOTHING
RETURNING id, chat_id, seq
"""
_SQLITE_AGENT_INSERT = f"""
INSERT INTO events ({_EVENT_COLUMNS})
SELECT c.id, c.last_seq + 1, 'message', 'agent', :author_id, :name, :text, :cmid, 1, :ts
FROM chats AS c
WHERE c.id = :chat_id AND c.state IN {_OPEN} AND c.channel_id IS NULL
    AND EXISTS (
        SELECT 1 FROM chat_participants AS m
        WHERE m.chat_id = c.id AND m.agent_id = :author_id AND m.left_at IS NULL)
ON CONFLICT (author, author_id, client_msg_id) DO NOTHING
RETURNING id, chat_id, seq
"""
# A visitor's message is its chat's preview; an agent's only in a colleague chat (B9). The
# chat's members come back with the chat.
_SQLITE_MEMBERS = (
    "(SELECT group_concat(m.agent_id) FROM chat_participants AS m "
    "WHERE m.chat_id = chats.id AND m.left_at IS NULL)"
)
_SQLITE_VISITOR_BUMP = (
    "UPDATE chats SET last_seq = :seq, preview = :preview WHERE id = :chat_id "
    f"RETURNING {_SQLITE_MEMBERS}, {_RETURNING}"
)
_SQLITE_AGENT_BUMP = (
    "UPDATE chats SET last_seq = :seq, "
    "preview = CASE WHEN kind = 'direct' THEN :preview ELSE preview END "
    f"WHERE id = :chat_id RETURNING {_SQLITE_MEMBERS}, {_RETURNING}"
)


def _sqlite(conn: Connection, writes: Sequence[Message]) -> list[Any]:
    db: sqlite3.Connection = conn.connection.driver_connection  # type: ignore[assignment]
    out: list[Any] = []
    sql = ""
    try:
        for w in writes:
            ts = time.time()
            params: dict[str, Any] = {
                "text": w.text,
                "cmid": w.client_msg_id,
                "ts": ts,
                "preview": w.text[:200],
            }
            if isinstance(w, VisitorMessage):
                sql, bump = _SQLITE_VISITOR_INSERT, _SQLITE_VISITOR_BUMP
                params.update(author_id=w.visitor_id, site_id=w.site_id)
                params["ip"], params["ip_key"] = _ips(w.ip)
            else:
                sql, bump = _SQLITE_AGENT_INSERT, _SQLITE_AGENT_BUMP
                params.update(author_id=w.agent_id, name=w.agent_name, chat_id=w.chat_id)
            stored = db.execute(sql, params).fetchone()
            if stored is None:
                out.append(PLAIN)
                continue
            cursor, chat_id, seq = stored
            params.update(seq=seq, chat_id=chat_id)
            sql = bump
            members, *chat_values = db.execute(bump, params).fetchone()
            chat: Any = ChatRow(*chat_values)
            members = [int(m) for m in members.split(",")] if members else []
            if isinstance(w, AgentMessage) and chat.kind == "visitor":
                sql = stats_log.FIRST_REPLY_SQL  # S1: the chat's first reply, once
                reply = {"ts": ts, "chat_id": chat_id, "site_id": chat.site_id,
                         "agent_id": w.agent_id}  # fmt: skip
                if db.execute(sql, reply).rowcount == 1:
                    sql = stats_log.ROLL_REPLY_SQL
                    db.execute(sql, reply)
            event = w.event(cursor, chat_id, seq, ts)
            out.append(ChatChange(event, chat, members))
    except sqlite3.Error as exc:
        raise sa.exc.DBAPIError.instance(sql, None, exc, sqlite3.Error) from exc
    return out


# ---------------------------------------------------------------- PostgreSQL

_PG_MEMBERS = (
    "ARRAY(SELECT m.agent_id FROM chat_participants AS m "
    "WHERE m.chat_id = ins.chat_id AND m.left_at IS NULL) AS members"
)
_PG_BUMPED = ", ".join(f"chats.{name}" for name in CHAT_COLUMNS)
_PG_VISITOR = f"""
WITH ins AS (
    INSERT INTO events ({_EVENT_COLUMNS})
    SELECT c.id, c.last_seq + 1, 'message', 'visitor', $2::int, '', $4::text, $5::varchar,
        true, $6::float8
    FROM chats AS c
    WHERE c.id = (
            SELECT o.id FROM chats AS o
            WHERE o.visitor_id = $2::int AND o.state IN {_OPEN}
            ORDER BY o.id DESC LIMIT 1)
        AND NOT EXISTS (
            SELECT 1 FROM blocked_clients AS b
            WHERE b.visitor_id = $2::int AND b.unblocked_at IS NULL)
        AND NOT EXISTS (
            SELECT 1 FROM blocked_clients AS b
            WHERE b.site_id = $3::int AND b.ip IN ($8::varchar, $9::varchar) AND b.ip <> ''
                AND b.by_ip AND b.unblocked_at IS NULL)
    ON CONFLICT (author, author_id, client_msg_id) DO NOTHING
    RETURNING id, chat_id, seq
), bumped AS (
    UPDATE chats SET last_seq = ins.seq, preview = $7::text
    FROM ins WHERE chats.id = ins.chat_id
    RETURNING {_PG_BUMPED}
)
SELECT $1::int AS n, ins.id AS cursor, ins.seq AS seq, {_PG_MEMBERS}, bumped.*
FROM ins JOIN bumped ON bumped.id = ins.chat_id
"""
_PG_AGENT = f"""
WITH ins AS (
    INSERT INTO events ({_EVENT_COLUMNS})
    SELECT c.id, c.last_seq + 1, 'message', 'agent', $2::int, $3::varchar, $4::text,
        $5::varchar, true, $6::float8
    FROM chats AS c
    WHERE c.id = $8::int AND c.state IN {_OPEN} AND c.channel_id IS NULL
        AND EXISTS (
            SELECT 1 FROM chat_participants AS m
            WHERE m.chat_id = c.id AND m.agent_id = $2::int AND m.left_at IS NULL)
    ON CONFLICT (author, author_id, client_msg_id) DO NOTHING
    RETURNING id, chat_id, seq
), bumped AS (
    UPDATE chats SET last_seq = ins.seq,
        preview = CASE WHEN chats.kind = 'direct' THEN $7::text ELSE chats.preview END
    FROM ins WHERE chats.id = ins.chat_id
    RETURNING {_PG_BUMPED}
)
SELECT $1::int AS n, ins.id AS cursor, ins.seq AS seq, {_PG_MEMBERS}, bumped.*
FROM ins JOIN bumped ON bumped.id = ins.chat_id
"""


def _postgres(conn: Connection, writes: Sequence[Message]) -> list[Any]:
    """Each kind's messages in one pipelined round trip. Writes of one batch are concurrent
    (no client waits for one before sending another: each connection has at most one message
    in the writer), so storing the visitors' before the agents' changes nothing observable."""
    driver = conn.connection.driver_connection
    assert driver is not None
    out: list[Any] = [PLAIN] * len(writes)
    stamps: dict[int, float] = {}
    visitor_args: list[tuple[Any, ...]] = []
    agent_args: list[tuple[Any, ...]] = []
    for n, w in enumerate(writes):
        ts = stamps[n] = time.time()
        if isinstance(w, VisitorMessage):
            visitor_args.append(
                (n, w.visitor_id, w.site_id, w.text, w.client_msg_id, ts, w.text[:200], *_ips(w.ip))
            )
        else:
            agent_args.append(
                (n, w.agent_id, w.agent_name, w.text, w.client_msg_id, ts, w.text[:200], w.chat_id)
            )
    replies: list[tuple[Any, ...]] = []
    for sql, args in ((_PG_VISITOR, visitor_args), (_PG_AGENT, agent_args)):
        if not args:
            continue
        try:
            rows = await_(driver.fetchmany(sql, args))
        except Exception as exc:
            raise _postgres_error(conn, sql, exc) from exc
        for row in rows:
            n = row["n"]
            chat: Any = ChatRow(*(row[name] for name in CHAT_COLUMNS))
            w = writes[n]
            event = w.event(row["cursor"], row["id"], row["seq"], stamps[n])
            out[n] = ChatChange(event, chat, list(row["members"]))
            if isinstance(w, AgentMessage) and chat.kind == "visitor":
                replies.append((stamps[n], chat.id, chat.site_id, w.agent_id))
    if replies:  # S1: each chat's first reply, once (in order: the first of a run wins)
        try:
            await_(driver.executemany(stats_log.FIRST_REPLY_PG, replies))
        except Exception as exc:
            raise _postgres_error(conn, stats_log.FIRST_REPLY_PG, exc) from exc
    return out


def _postgres_error(conn: Connection, sql: str, exc: Exception) -> Exception:
    """asyncpg's own exception as the SQLAlchemy one the plain writes would have raised (the
    writer's health check counts database failures by these)."""
    dbapi = conn.dialect.loaded_dbapi
    if not isinstance(exc, dbapi.Error):
        try:
            conn.connection.dbapi_connection._handle_exception(exc)  # type: ignore[union-attr]
        except dbapi.Error as translated:
            exc = translated
        except Exception:
            return exc
    return sa.exc.DBAPIError.instance(sql, None, exc, dbapi.Error)


# ---------------------------------------------------------------- the runner


def run_messages(conn: Connection, writes: Sequence[Any]) -> list[Any]:
    """The group writer's runner for :class:`VisitorMessage` and :class:`AgentMessage`."""
    dialect = conn.dialect.name
    if dialect == "sqlite":
        return _sqlite(conn, writes)
    if dialect == "postgresql":
        return _postgres(conn, writes)
    return [PLAIN] * len(writes)


_Message.runner = run_messages
