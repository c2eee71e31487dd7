"""Local data in one SQLite file under the user-data folder, through SQLAlchemy.

The queries are single-row and indexed (well under a millisecond), so they run on the loop's
thread; nothing here scans large tables.

The outbox is what makes a typed message survive anything: it is written here *before* it is
sent, and deleted only when the relay's acknowledgement (sent after its commit) arrives. After a
crash the app sends the outbox again with the same ``client_msg_id``; the relay stores each
message once.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa

metadata = sa.MetaData()

settings = sa.Table(
    "settings",
    metadata,
    sa.Column("key", sa.String(100), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

drafts = sa.Table(
    "drafts",
    metadata,
    sa.Column("account", sa.String(300), primary_key=True),
    sa.Column("chat_id", sa.Integer, primary_key=True),
    sa.Column("text", sa.Text, nullable=False),
)

outbox = sa.Table(
    "outbox",
    metadata,
    sa.Column("client_msg_id", sa.String(64), primary_key=True),
    sa.Column("account", sa.String(300), nullable=False, index=True),
    sa.Column("chat_id", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("created_at", sa.Float, nullable=False),
)


@dataclass(frozen=True)
class OutboxItem:
    client_msg_id: str
    chat_id: int
    text: str
    created_at: float


class LocalStore:
    """Settings (JSON values), per-chat drafts and the outbox, keyed by account
    (``email@relay``) so two accounts on one machine never mix."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.engine = sa.create_engine(f"sqlite:///{path}")

        @sa.event.listens_for(self.engine, "connect")
        def _pragmas(dbapi_conn: Any, _record: Any) -> None:
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=FULL")  # the outbox must survive a power cut
            cur.close()

        metadata.create_all(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    # -------------------------------------------------------------- settings

    def get(self, key: str, default: Any = None) -> Any:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(settings.c.value).where(settings.c.key == key)).first()
        return json.loads(row.value) if row else default

    def set(self, key: str, value: Any) -> None:
        data = json.dumps(value)
        with self.engine.begin() as conn:
            updated = conn.execute(
                sa.update(settings).where(settings.c.key == key).values(value=data)
            )
            if updated.rowcount == 0:
                conn.execute(sa.insert(settings).values(key=key, value=data))

    # -------------------------------------------------------------- drafts (C2)

    def draft(self, account: str, chat_id: int) -> str:
        with self.engine.connect() as conn:
            row = conn.execute(
                sa.select(drafts.c.text).where(
                    drafts.c.account == account, drafts.c.chat_id == chat_id
                )
            ).first()
        return row.text if row else ""

    def save_draft(self, account: str, chat_id: int, text: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                sa.delete(drafts).where(drafts.c.account == account, drafts.c.chat_id == chat_id)
            )
            if text:
                conn.execute(sa.insert(drafts).values(account=account, chat_id=chat_id, text=text))

    # -------------------------------------------------------------- outbox (X3)

    def queue(self, account: str, client_msg_id: str, chat_id: int, text: str) -> OutboxItem:
        item = OutboxItem(client_msg_id, chat_id, text, time.time())
        with self.engine.begin() as conn:
            conn.execute(
                sa.insert(outbox).values(
                    client_msg_id=client_msg_id,
                    account=account,
                    chat_id=chat_id,
                    text=text,
                    created_at=item.created_at,
                )
            )
        return item

    def unqueue(self, client_msg_id: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(sa.delete(outbox).where(outbox.c.client_msg_id == client_msg_id))

    def pending(self, account: str) -> list[OutboxItem]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                sa.select(outbox).where(outbox.c.account == account).order_by(outbox.c.created_at)
            ).all()
        return [OutboxItem(r.client_msg_id, r.chat_id, r.text, r.created_at) for r in rows]
