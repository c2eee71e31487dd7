"""Tables, defined once. Alembic migrations create them; a test checks that the two agree."""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

# SQLite only reuses INTEGER PRIMARY KEY ids; BigInteger alone would not autoincrement there.
BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

sites = sa.Table(
    "sites",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("key", sa.String(64), nullable=False, unique=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("language", sa.String(8), nullable=False, server_default="en"),
    sa.Column("allowed_origins", sa.Text, nullable=False, server_default=""),
    sa.Column("enabled", sa.Boolean, nullable=False, server_default=sa.true()),
    sa.Column("created_at", sa.Float, nullable=False),
    # C17: agents see the visitor's draft as it is typed (the widget says so).
    sa.Column("sneak_peek", sa.Boolean, nullable=False, server_default=sa.false()),
)

agents = sa.Table(
    "agents",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("email", sa.String(200), nullable=False, unique=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("password_hash", sa.String(200), nullable=False),
    sa.Column("role", sa.String(16), nullable=False, server_default="agent"),
    sa.Column("disabled", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("created_at", sa.Float, nullable=False),
)

agent_sessions = sa.Table(
    "agent_sessions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("agent_id", sa.Integer, sa.ForeignKey("agents.id"), nullable=False, index=True),
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("created_at", sa.Float, nullable=False),
    sa.Column("revoked", sa.Boolean, nullable=False, server_default=sa.false()),
)

visitors = sa.Table(
    "visitors",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("site_id", sa.Integer, sa.ForeignKey("sites.id"), nullable=False, index=True),
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("name", sa.String(200), nullable=False, server_default=""),
    sa.Column("email", sa.String(200), nullable=False, server_default=""),
    sa.Column("phone", sa.String(200), nullable=False, server_default=""),
    sa.Column("city", sa.String(200), nullable=False, server_default=""),
    sa.Column("country", sa.String(200), nullable=False, server_default=""),
    sa.Column("ip", sa.String(64), nullable=False, server_default=""),
    sa.Column("page_url", sa.Text, nullable=False, server_default=""),
    sa.Column("page_title", sa.String(200), nullable=False, server_default=""),
    sa.Column("created_at", sa.Float, nullable=False),
    sa.Column("last_seen_at", sa.Float, nullable=False),
)

page_views = sa.Table(
    "page_views",
    metadata,
    sa.Column("id", BigId, primary_key=True),
    sa.Column("visitor_id", sa.Integer, sa.ForeignKey("visitors.id"), nullable=False, index=True),
    sa.Column("url", sa.Text, nullable=False),
    sa.Column("title", sa.String(200), nullable=False, server_default=""),
    sa.Column("referrer", sa.Text, nullable=False, server_default=""),
    sa.Column("utm_source", sa.String(200), nullable=False, server_default=""),
    sa.Column("utm_medium", sa.String(200), nullable=False, server_default=""),
    sa.Column("utm_campaign", sa.String(200), nullable=False, server_default=""),
    sa.Column("utm_term", sa.String(200), nullable=False, server_default=""),
    sa.Column("utm_content", sa.String(200), nullable=False, server_default=""),
    sa.Column("ts", sa.Float, nullable=False),
)

chats = sa.Table(
    "chats",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    # "visitor": a website visitor and agents; "direct": two colleagues (T2), no visitor.
    sa.Column("kind", sa.String(16), nullable=False, server_default="visitor"),
    sa.Column("site_id", sa.Integer, sa.ForeignKey("sites.id"), nullable=True),
    sa.Column("visitor_id", sa.Integer, sa.ForeignKey("visitors.id"), nullable=True),
    # offered -> active -> closed; offered -> missed (see protocol.ChatState)
    sa.Column("state", sa.String(16), nullable=False),
    sa.Column("agent_id", sa.Integer, sa.ForeignKey("agents.id"), nullable=True),
    sa.Column("last_seq", sa.Integer, nullable=False, server_default="0"),
    sa.Column("preview", sa.Text, nullable=False, server_default=""),
    # C19: how far the visitor's widget has received and shown the agents' messages, and how
    # far the agents have read the visitor's (per-chat seq).
    sa.Column("visitor_delivered_seq", sa.Integer, nullable=False, server_default="0"),
    sa.Column("visitor_read_seq", sa.Integer, nullable=False, server_default="0"),
    sa.Column("agent_read_seq", sa.Integer, nullable=False, server_default="0"),
    sa.Column("created_at", sa.Float, nullable=False),
    sa.Column("closed_at", sa.Float, nullable=True),
    sa.Index("ix_chats_visitor_state", "visitor_id", "state"),
    sa.Index("ix_chats_state", "state"),
)

chat_participants = sa.Table(
    "chat_participants",
    metadata,
    sa.Column("chat_id", sa.Integer, sa.ForeignKey("chats.id"), primary_key=True),
    sa.Column("agent_id", sa.Integer, sa.ForeignKey("agents.id"), primary_key=True, index=True),
    sa.Column("joined_at", sa.Float, nullable=False),
    sa.Column("left_at", sa.Float, nullable=True),
)

# One row per chat event. `id` is the global cursor; `seq` counts within the chat.
events = sa.Table(
    "events",
    metadata,
    sa.Column("id", BigId, primary_key=True),
    sa.Column("chat_id", sa.Integer, sa.ForeignKey("chats.id"), nullable=False),
    sa.Column("seq", sa.Integer, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("author", sa.String(16), nullable=False),
    sa.Column("author_id", sa.Integer, nullable=True),
    sa.Column("author_name", sa.String(200), nullable=False, server_default=""),
    sa.Column("text", sa.Text, nullable=False, server_default=""),
    sa.Column("client_msg_id", sa.String(64), nullable=True),
    sa.Column("visible_to_visitor", sa.Boolean, nullable=False, server_default=sa.true()),
    sa.Column("ts", sa.Float, nullable=False),
    sa.UniqueConstraint("chat_id", "seq", name="uq_events_chat_seq"),
    # A retried send finds its first copy here; NULLs (system events) never collide.
    sa.UniqueConstraint("author", "author_id", "client_msg_id", name="uq_events_client_msg"),
)

offline_messages = sa.Table(
    "offline_messages",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("site_id", sa.Integer, sa.ForeignKey("sites.id"), nullable=False),
    sa.Column("visitor_id", sa.Integer, sa.ForeignKey("visitors.id"), nullable=True),
    sa.Column("name", sa.String(200), nullable=False, server_default=""),
    sa.Column("email", sa.String(200), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("created_at", sa.Float, nullable=False),
)

# C14: files sent in chats. The bytes are on disk under the relay's files folder, named by
# `id` (random); a row exists only once the file is complete and its event committed.
files = sa.Table(
    "files",
    metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("chat_id", sa.Integer, sa.ForeignKey("chats.id"), nullable=False, index=True),
    sa.Column("event_id", BigId, sa.ForeignKey("events.id"), nullable=True),
    sa.Column("uploader", sa.String(16), nullable=False),
    sa.Column("uploader_id", sa.Integer, nullable=True),
    sa.Column("name", sa.String(255), nullable=False),
    sa.Column("size", sa.BigInteger, nullable=False),
    sa.Column("content_type", sa.String(200), nullable=False, server_default=""),
    sa.Column("sha256", sa.String(64), nullable=False),
    sa.Column("created_at", sa.Float, nullable=False),
)

# V1/C4: what a visitor's visits add to the visitors row (migration 0006).
for _column in (
    sa.Column("visits", sa.Integer, nullable=False, server_default="1"),
    sa.Column("session_started_at", sa.Float, nullable=False, server_default="0"),
    sa.Column("session_pages", sa.Integer, nullable=False, server_default="0"),
    sa.Column("source", sa.String(16), nullable=False, server_default=""),
    sa.Column("source_detail", sa.String(200), nullable=False, server_default=""),
    sa.Column("referrer", sa.Text, nullable=False, server_default=""),
    sa.Column("utm_source", sa.String(200), nullable=False, server_default=""),
    sa.Column("utm_medium", sa.String(200), nullable=False, server_default=""),
    sa.Column("utm_campaign", sa.String(200), nullable=False, server_default=""),
    sa.Column("browser", sa.String(100), nullable=False, server_default=""),
    sa.Column("os", sa.String(100), nullable=False, server_default=""),
    sa.Column("isp", sa.String(200), nullable=False, server_default=""),
    sa.Column("country_code", sa.String(8), nullable=False, server_default=""),
):
    visitors.append_column(_column)

# V3: automatic invitations, per site.
invitation_rules = sa.Table(
    "invitation_rules",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("site_id", sa.Integer, sa.ForeignKey("sites.id"), nullable=False, index=True),
    sa.Column("message", sa.Text, nullable=False),
    sa.Column("agent_name", sa.String(200), nullable=False, server_default=""),
    sa.Column("agent_photo", sa.Text, nullable=False, server_default=""),
    sa.Column("min_seconds_on_page", sa.Integer, nullable=False, server_default="0"),
    sa.Column("url_pattern", sa.Text, nullable=False, server_default=""),
    sa.Column("min_visits", sa.Integer, nullable=False, server_default="0"),
    sa.Column("referrer_pattern", sa.String(200), nullable=False, server_default=""),
    sa.Column("utm_source", sa.String(200), nullable=False, server_default=""),
    sa.Column("utm_campaign", sa.String(200), nullable=False, server_default=""),
    sa.Column("enabled", sa.Boolean, nullable=False, server_default=sa.true()),
    sa.Column("created_at", sa.Float, nullable=False),
)
