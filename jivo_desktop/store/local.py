"""Local data in one SQLite file under the user-data folder, through the standard ``sqlite3``.

Not SQLAlchemy (the relay's store): importing it alone added about 20 MiB and a tenth of a
second to the app's start (issue 15), for a handful of single-row statements. The tables are
the ones SQLAlchemy created before (same names, columns, keys and index, the same DDL), so a
file written by an older app opens as it is.

The queries are single-row and indexed (well under a millisecond), so they run on the loop's
thread; nothing here scans large tables. One connection, behind a lock, in autocommit mode:
every write is its own ``BEGIN``/``COMMIT``, and a read sees what other processes committed.

The outbox is what makes a typed message survive anything: it is written here *before* it is
sent, and deleted only when the relay's acknowledgement (sent after its commit) arrives. After a
crash the app sends the outbox again with the same ``client_msg_id``; the relay stores each
message once.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SCHEMA = (
    'CREATE TABLE IF NOT EXISTS settings (\n\t"key" VARCHAR(100) NOT NULL, \n'
    '\tvalue TEXT NOT NULL, \n\tPRIMARY KEY ("key")\n)',
    "CREATE TABLE IF NOT EXISTS drafts (\n\taccount VARCHAR(300) NOT NULL, \n"
    "\tchat_id INTEGER NOT NULL, \n\ttext TEXT NOT NULL, \n\tPRIMARY KEY (account, chat_id)\n)",
    "CREATE TABLE IF NOT EXISTS outbox (\n\tclient_msg_id VARCHAR(64) NOT NULL, \n"
    "\taccount VARCHAR(300) NOT NULL, \n\tchat_id INTEGER NOT NULL, \n\ttext TEXT NOT NULL, \n"
    "\tcreated_at FLOAT NOT NULL, \n\tPRIMARY KEY (client_msg_id)\n)",
    "CREATE INDEX IF NOT EXISTS ix_outbox_account ON outbox (account)",
    # C10: the reply channel of a queued message (none: where the chat came from); a table of
    # its own, so a file written by an older app opens as it is.
    "CREATE TABLE IF NOT EXISTS outbox_via (\n\tclient_msg_id VARCHAR(64) NOT NULL, \n"
    "\tvia VARCHAR(16) NOT NULL, \n\tPRIMARY KEY (client_msg_id)\n)",
)
"""The DDL SQLAlchemy emitted for these tables (``IF NOT EXISTS`` added)."""


@dataclass(frozen=True)
class OutboxItem:
    client_msg_id: str
    chat_id: int
    text: str
    created_at: float
    via: str = ""
    """C10: the reply channel chosen in the composer ("" where the chat came from)."""


class LocalStore:
    """Settings (JSON values), per-chat drafts and the outbox, keyed by account
    (``email@relay``) so two accounts on one machine never mix."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.RLock()
        self._conn: sqlite3.Connection | None = None
        self.apply_schema(SCHEMA)

    @property
    def _db(self) -> sqlite3.Connection:
        """The connection, opened on first use (again after ``close()``, as SQLAlchemy's
        engine did after ``dispose()``)."""
        if self._conn is None:
            # isolation_level=None: no implicit transactions; writes say BEGIN themselves.
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")  # the outbox must survive a power cut
            self._conn = conn
        return self._conn

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    # -------------------------------------------------------------- statements

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run one query, return its rows."""
        with self._lock:
            return self._db.execute(sql, params).fetchall()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """``BEGIN``; ``COMMIT`` when the block ends, ``ROLLBACK`` if it raises."""
        with self._lock:
            db = self._db
            db.execute("BEGIN")
            try:
                yield db
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    def apply_schema(self, ddl: Sequence[str]) -> None:
        """Bring the file's tables up to date, in one transaction: each statement is safe to
        run again (``CREATE ... IF NOT EXISTS``, ``DROP TABLE IF EXISTS``)."""
        with self.transaction() as db:
            for statement in ddl:
                db.execute(statement)

    # -------------------------------------------------------------- settings

    def get(self, key: str, default: Any = None) -> Any:
        found = self.rows('SELECT value FROM settings WHERE "key" = ?', (key,))
        return json.loads(found[0][0]) if found else default

    def set(self, key: str, value: Any) -> None:
        data = json.dumps(value)
        with self.transaction() as db:
            db.execute(
                'INSERT INTO settings ("key", value) VALUES (?, ?) '
                'ON CONFLICT ("key") DO UPDATE SET value = excluded.value',
                (key, data),
            )

    # -------------------------------------------------------------- drafts (C2)

    def draft(self, account: str, chat_id: int) -> str:
        found = self.rows(
            "SELECT text FROM drafts WHERE account = ? AND chat_id = ?", (account, chat_id)
        )
        return str(found[0][0]) if found else ""

    def save_draft(self, account: str, chat_id: int, text: str) -> None:
        with self.transaction() as db:
            db.execute("DELETE FROM drafts WHERE account = ? AND chat_id = ?", (account, chat_id))
            if text:
                db.execute(
                    "INSERT INTO drafts (account, chat_id, text) VALUES (?, ?, ?)",
                    (account, chat_id, text),
                )

    # -------------------------------------------------------------- outbox (X3)

    def queue(
        self, account: str, client_msg_id: str, chat_id: int, text: str, via: str = ""
    ) -> OutboxItem:
        item = OutboxItem(client_msg_id, chat_id, text, time.time(), via)
        with self.transaction() as db:
            db.execute(
                "INSERT INTO outbox (client_msg_id, account, chat_id, text, created_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (client_msg_id, account, chat_id, text, item.created_at),
            )
            if via:
                db.execute(
                    "INSERT OR REPLACE INTO outbox_via (client_msg_id, via) VALUES (?, ?)",
                    (client_msg_id, via),
                )
        return item

    def unqueue(self, client_msg_id: str) -> None:
        with self.transaction() as db:
            db.execute("DELETE FROM outbox WHERE client_msg_id = ?", (client_msg_id,))
            db.execute("DELETE FROM outbox_via WHERE client_msg_id = ?", (client_msg_id,))

    def pending(self, account: str) -> list[OutboxItem]:
        found = self.rows(
            "SELECT o.client_msg_id, o.chat_id, o.text, o.created_at, COALESCE(v.via, '') "
            "FROM outbox AS o LEFT JOIN outbox_via AS v ON v.client_msg_id = o.client_msg_id "
            "WHERE o.account = ? ORDER BY o.created_at",
            (account,),
        )
        return [OutboxItem(*row) for row in found]
