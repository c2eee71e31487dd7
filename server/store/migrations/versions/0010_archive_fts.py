"""Archive text search by the database's own full-text index (issue 15).

The message events of archived (closed or missed) visitor chats are indexed when their chat is
archived, by a trigger on ``chats``: on SQLite into an FTS5 table (external content: its rowid
is the event's id, the text stays in ``events``), on PostgreSQL into a table of ``tsvector``s
with a GIN index. A message costs nothing more when it is stored; the index grows with the
archive and a search reads only the matching entries. Existing archived chats are indexed here.

A later SQLite migration that rebuilds ``chats`` (``batch_alter_table``) drops its triggers:
it must create them again (``create_triggers``).

Revision ID: archive_fts1
Revises: routing1
Create Date: 2026-12-05
"""

from __future__ import annotations

from alembic import op

revision = "archive_fts1"
down_revision = "routing1"
branch_labels = None
depends_on = None

_ARCHIVED = "('closed', 'missed')"

# SQLite: unicode61 folds case (any script) and keeps diacritics, like PostgreSQL's 'simple'.
SQLITE_TABLE = (
    "CREATE VIRTUAL TABLE archive_fts USING fts5(text, content='events', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 0')"
)
SQLITE_TRIGGERS = (
    f"""CREATE TRIGGER archive_fts_add AFTER UPDATE OF state ON chats
    WHEN NEW.kind = 'visitor' AND NEW.state IN {_ARCHIVED} AND OLD.state NOT IN {_ARCHIVED}
    BEGIN
        INSERT INTO archive_fts (rowid, text)
        SELECT id, text FROM events WHERE chat_id = NEW.id AND kind = 'message';
    END""",
    f"""CREATE TRIGGER archive_fts_remove AFTER UPDATE OF state ON chats
    WHEN OLD.kind = 'visitor' AND OLD.state IN {_ARCHIVED} AND NEW.state NOT IN {_ARCHIVED}
    BEGIN
        INSERT INTO archive_fts (archive_fts, rowid, text)
        SELECT 'delete', id, text FROM events WHERE chat_id = OLD.id AND kind = 'message';
    END""",
)
SQLITE_FILL = f"""INSERT INTO archive_fts (rowid, text)
SELECT e.id, e.text FROM events AS e JOIN chats AS c ON c.id = e.chat_id
WHERE c.kind = 'visitor' AND c.state IN {_ARCHIVED} AND e.kind = 'message'"""

POSTGRES = (
    """CREATE TABLE archive_fts (
        event_id BIGINT NOT NULL PRIMARY KEY REFERENCES events (id) ON DELETE CASCADE,
        chat_id INTEGER NOT NULL,
        doc TSVECTOR NOT NULL
    )""",
    "CREATE INDEX ix_archive_fts_doc ON archive_fts USING gin (doc)",
    "CREATE INDEX ix_archive_fts_chat_id ON archive_fts (chat_id)",
    f"""CREATE FUNCTION archive_fts_sync() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF NEW.kind = 'visitor' AND NEW.state IN {_ARCHIVED}
                AND OLD.state NOT IN {_ARCHIVED} THEN
            INSERT INTO archive_fts (event_id, chat_id, doc)
            SELECT id, chat_id, to_tsvector('simple', text) FROM events
            WHERE chat_id = NEW.id AND kind = 'message'
            ON CONFLICT (event_id) DO NOTHING;
        ELSIF OLD.state IN {_ARCHIVED} AND NEW.state NOT IN {_ARCHIVED} THEN
            DELETE FROM archive_fts WHERE chat_id = OLD.id;
        END IF;
        RETURN NULL;
    END $$""",
    """CREATE TRIGGER archive_fts_sync AFTER UPDATE OF state ON chats
    FOR EACH ROW EXECUTE FUNCTION archive_fts_sync()""",
    f"""INSERT INTO archive_fts (event_id, chat_id, doc)
    SELECT e.id, e.chat_id, to_tsvector('simple', e.text) FROM events AS e
    JOIN chats AS c ON c.id = e.chat_id
    WHERE c.kind = 'visitor' AND c.state IN {_ARCHIVED} AND e.kind = 'message'""",
)


def create_triggers() -> None:
    """The SQLite triggers (again after a rebuild of ``chats``)."""
    for trigger in SQLITE_TRIGGERS:
        op.execute(trigger)


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute(SQLITE_TABLE)
        create_triggers()
        op.execute(SQLITE_FILL)
    elif dialect == "postgresql":
        for statement in POSTGRES:
            op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS archive_fts_remove")
        op.execute("DROP TRIGGER IF EXISTS archive_fts_add")
        op.execute("DROP TABLE IF EXISTS archive_fts")
    elif dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS archive_fts_sync ON chats")
        op.execute("DROP FUNCTION IF EXISTS archive_fts_sync()")
        op.execute("DROP TABLE IF EXISTS archive_fts")
