"""The local database moved from SQLAlchemy to the standard sqlite3 (issue 15): a file written
by the older app opens as it is, with its settings, drafts, outbox and phrases, and a new file
has exactly the schema the older app made (so an older app could open it too), plus only
tables an older app never reads (C10: ``outbox_via``, a queued message's reply channel)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlalchemy as sa

from jivo_desktop.store import LocalStore
from jivo_desktop.store.phrases import PhraseStore

# The tables as the SQLAlchemy-based store declared them (jivo_desktop/store before issue 15).
old = sa.MetaData()
sa.Table(
    "settings",
    old,
    sa.Column("key", sa.String(100), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)
sa.Table(
    "drafts",
    old,
    sa.Column("account", sa.String(300), primary_key=True),
    sa.Column("chat_id", sa.Integer, primary_key=True),
    sa.Column("text", sa.Text, nullable=False),
)
sa.Table(
    "outbox",
    old,
    sa.Column("client_msg_id", sa.String(64), primary_key=True),
    sa.Column("account", sa.String(300), nullable=False, index=True),
    sa.Column("chat_id", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("created_at", sa.Float, nullable=False),
)
sa.Table(
    "typing_phrases_by_account",
    old,
    sa.Column("account", sa.String(300), primary_key=True),
    sa.Column("text", sa.String(400), primary_key=True),
    sa.Column("uses", sa.Integer, nullable=False),
    sa.Column("last_used", sa.Float, nullable=False),
)

ACCOUNT = "ana@example.com https://relay.example"


def _old_file(path: Path) -> None:
    engine = sa.create_engine(f"sqlite:///{path}")
    old.create_all(engine)
    t = old.tables
    with engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA journal_mode=WAL")
        conn.execute(sa.insert(t["settings"]).values(key="ui.theme", value='"dark"'))
        conn.execute(
            sa.insert(t["drafts"]).values(account=ACCOUNT, chat_id=7, text="half a thought")
        )
        conn.execute(
            sa.insert(t["outbox"]).values(
                client_msg_id="m-1", account=ACCOUNT, chat_id=7, text="hola", created_at=1.5
            )
        )
        conn.execute(
            sa.insert(t["typing_phrases_by_account"]).values(
                account=ACCOUNT, text="Thank you for waiting.", uses=3, last_used=2.5
            )
        )
    engine.dispose()


ADDED = ("outbox_via", "sqlite_autoindex_outbox_via_1")
"""Tables (and their keys) added since, which an older app does not know and never reads."""


def _schema(path: Path) -> list[tuple[str, str, str | None]]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()
    conn.close()
    names = {row[1] for row in rows}
    assert not names & set(ADDED) or set(ADDED) <= names
    return [row for row in rows if row[1] not in ADDED]


def test_a_file_of_the_older_app_opens_with_its_data(tmp_path: Path) -> None:
    path = tmp_path / "local.db"
    _old_file(path)
    schema_before = _schema(path)
    store = LocalStore(path)
    phrases = PhraseStore(store)
    assert store.get("ui.theme") == "dark"
    assert store.draft(ACCOUNT, 7) == "half a thought"
    [item] = store.pending(ACCOUNT)
    assert (item.client_msg_id, item.chat_id, item.text, item.created_at) == ("m-1", 7, "hola", 1.5)
    assert phrases.load(ACCOUNT) == {"Thank you for waiting.": (3, 2.5)}
    store.set("ui.theme", "light")  # the same key again: replaced, not added
    phrases.save(ACCOUNT, "Thank you for waiting.", 4, 3.5)
    store.close()
    assert _schema(path) == schema_before
    reopened = LocalStore(path)
    assert reopened.get("ui.theme") == "light"
    assert PhraseStore(reopened).load(ACCOUNT) == {"Thank you for waiting.": (4, 3.5)}
    reopened.close()


def test_a_new_file_has_the_older_apps_schema(tmp_path: Path) -> None:
    new_path, old_path = tmp_path / "new.db", tmp_path / "old.db"
    store = LocalStore(new_path)
    PhraseStore(store)
    store.close()
    _old_file(old_path)
    assert _schema(new_path) == _schema(old_path)
    with sqlite3.connect(new_path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    conn.close()


def test_c10_a_queued_message_keeps_its_reply_channel_across_a_restart(tmp_path: Path) -> None:
    """C10: the reply channel chosen in the composer is kept with the queued message."""
    path = tmp_path / "local.db"
    store = LocalStore(path)
    store.queue(ACCOUNT, "m-1", 7, "by e-mail", "email")
    store.queue(ACCOUNT, "m-2", 7, "as the chat came")
    store.close()
    reopened = LocalStore(path)
    assert [(i.client_msg_id, i.via) for i in reopened.pending(ACCOUNT)] == [
        ("m-1", "email"),
        ("m-2", ""),
    ]
    reopened.unqueue("m-1")
    assert reopened.rows("SELECT COUNT(*) FROM outbox_via") == [(0,)]
    reopened.close()
