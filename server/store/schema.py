"""Tables, defined once. Alembic migrations create them; a test checks that the two agree."""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

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
    # Routing (server/chats/routing.py): "least_busy" (the default, as the guide tells N3) offers a
    # new chat first to one agent, the client's assigned agent or else the online agent with
    # the fewest open chats; "all" skips that step and offers it to every online agent at once.
    # chat_limit 0 is no limit; an offer round (N3) lasts offer_timeout seconds.
    sa.Column("routing_rule", sa.String(16), nullable=False, server_default="least_busy"),
    sa.Column("chat_limit", sa.Integer, nullable=False, server_default="0"),
    sa.Column("offer_timeout", sa.Float, nullable=False, server_default="60"),
    # C17: agents see the visitor's draft as it is typed (the widget says so).
    sa.Column("sneak_peek", sa.Boolean, nullable=False, server_default=sa.false()),
    # P2: the widget offers callback requests; the country a number without + is read in
    # ("": from the site's language).
    sa.Column("callbacks", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("phone_country", sa.String(2), nullable=False, server_default=""),
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
    # K5: the agent's own time zone (IANA name, empty: not set).
    sa.Column("timezone", sa.String(64), nullable=False, server_default=""),
    # A2: invited by e-mail and the set-password link not used yet.
    sa.Column("invited", sa.Boolean, nullable=False, server_default=sa.false()),
)

agent_sessions = sa.Table(
    "agent_sessions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("agent_id", sa.Integer, sa.ForeignKey("agents.id"), nullable=False, index=True),
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("created_at", sa.Float, nullable=False),
    sa.Column("revoked", sa.Boolean, nullable=False, server_default=sa.false()),
    # Finding 7: the idle lifetime counts from here (set at sign-in and at each authenticate).
    sa.Column("last_used_at", sa.Float, nullable=False, server_default="0"),
)

# Finding 4: failed (and in-flight) password sign-ins per client IP and per e-mail, counted
# before argon2 runs, in the database so that every relay node sees the same counts. `key` is
# the SHA-256 of "ip:<address>" or "email:<address>"; rows older than the window are pruned.
sign_in_failures = sa.Table(
    "sign_in_failures",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("failures", sa.Integer, nullable=False),
    sa.Column("last_at", sa.Float, nullable=False),
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
    # The city in every language the city database has ({"es": "Nueva York", ...}, JSON).
    sa.Column("city_names", sa.Text, nullable=False, server_default=""),
    sa.Column("country", sa.String(200), nullable=False, server_default=""),
    sa.Column("ip", sa.String(64), nullable=False, server_default=""),
    sa.Column("page_url", sa.Text, nullable=False, server_default=""),
    sa.Column("page_title", sa.String(200), nullable=False, server_default=""),
    sa.Column("created_at", sa.Float, nullable=False),
    sa.Column("last_seen_at", sa.Float, nullable=False),
    # C5: new chats of this client go first to this agent when online.
    sa.Column("assigned_agent_id", sa.Integer, nullable=True),
    # Finding 10: retention finds visitors never seen again (migration 0009).
    sa.Index("ix_visitors_last_seen_at", "last_seen_at"),
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
    sa.Index("ix_page_views_ts", "ts"),  # finding 10: retention by age (migration 0009)
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
    # N3 ladder while offered: the round, whom it is offered to (",3,7,"; "" every online
    # agent), who ignored it this round, and when the round times out (wall clock, so that a
    # restarted relay picks the timer up).
    sa.Column("offer_round", sa.Integer, nullable=False, server_default="0"),
    sa.Column("offer_to", sa.Text, nullable=False, server_default=""),
    sa.Column("offer_ignored", sa.Text, nullable=False, server_default=""),
    sa.Column("offer_deadline", sa.Float, nullable=True),
    # C10/K1: the reply channel (server/channels/) a chat came in on; NULL: the widget. No
    # foreign key: added to a table full of rows by a plain ADD COLUMN (migration 0017).
    sa.Column("channel_id", sa.Integer, nullable=True),
    # P2: a callback request (the E.164 number to call, the visitor's preferred time); NULL:
    # a chat. Plain ADD COLUMNs (migration 0018), as channel_id.
    sa.Column("callback_number", sa.String(32), nullable=True),
    sa.Column("callback_time", sa.String(80), nullable=False, server_default=""),
    sa.Index("ix_chats_visitor_state", "visitor_id", "state"),
    sa.Index("ix_chats_state", "state"),
    sa.Index("ix_chats_offer_deadline", "offer_deadline"),
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

# C11: a chat event's text in another language, stored once and shown to every agent (and in
# the archive). ``source`` is the language the event's text is in; ``original`` marks the
# agent's own words of a translated reply (the event's text is then the translation).
event_translations = sa.Table(
    "event_translations",
    metadata,
    sa.Column("event_id", BigId, sa.ForeignKey("events.id"), primary_key=True),
    sa.Column("language", sa.String(16), primary_key=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("source", sa.String(16), nullable=False, server_default=""),
    sa.Column("original", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("created_at", sa.Float, nullable=False),
)

# C15: one-time pointer tokens (only their SHA-256 is kept), bound to the agent and the chat.
pointer_tokens = sa.Table(
    "pointer_tokens",
    metadata,
    sa.Column("token_hash", sa.String(64), primary_key=True),
    sa.Column("chat_id", sa.Integer, sa.ForeignKey("chats.id"), nullable=False),
    sa.Column("agent_id", sa.Integer, sa.ForeignKey("agents.id"), nullable=False),
    sa.Column("page_url", sa.Text, nullable=False),
    sa.Column("expires_at", sa.Float, nullable=False),
    sa.Column("used_at", sa.Float, nullable=True),
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
    sa.Column("created_at", sa.Float, nullable=False, index=True),
    # V6: an agent marked it handled (or answered it by e-mail, replied_at).
    sa.Column("handled_at", sa.Float, nullable=True),
    sa.Column("handled_by", sa.Integer, sa.ForeignKey("agents.id"), nullable=True),
    sa.Column("replied_at", sa.Float, nullable=True),
)

# C7/C9: a colleague asked to join (invite) or take over (transfer) a chat; pending until it
# answers or `expires_at` passes.
chat_invitations = sa.Table(
    "chat_invitations",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("chat_id", sa.Integer, sa.ForeignKey("chats.id"), nullable=False, index=True),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("from_agent_id", sa.Integer, sa.ForeignKey("agents.id"), nullable=False),
    sa.Column("to_agent_id", sa.Integer, sa.ForeignKey("agents.id"), nullable=False),
    sa.Column("note", sa.Text, nullable=False, server_default=""),
    # pending -> accepted | declined | expired | cancelled
    sa.Column("state", sa.String(16), nullable=False),
    sa.Column("created_at", sa.Float, nullable=False),
    sa.Column("expires_at", sa.Float, nullable=False),
    sa.Column("answered_at", sa.Float, nullable=True),
    # X4: every node's invitation timer reads the earliest pending expiry (migration cluster1).
    sa.Index("ix_chat_invitations_state_expires", "state", "expires_at"),
)

# C8: blocked visitors, by visitor id and by the IP they had. Unblocking keeps the row.
blocked_clients = sa.Table(
    "blocked_clients",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("site_id", sa.Integer, sa.ForeignKey("sites.id"), nullable=False),
    sa.Column("visitor_id", sa.Integer, sa.ForeignKey("visitors.id"), nullable=True, index=True),
    sa.Column("ip", sa.String(64), nullable=False, server_default=""),
    sa.Column("reason", sa.String(200), nullable=False, server_default=""),
    sa.Column("blocked_by", sa.Integer, sa.ForeignKey("agents.id"), nullable=True),
    sa.Column("created_at", sa.Float, nullable=False),
    sa.Column("unblocked_at", sa.Float, nullable=True),
    sa.Column("unblocked_by", sa.Integer, sa.ForeignKey("agents.id"), nullable=True),
    # C8: "Bloquear o Spam" rather than "Bloquear al cliente".
    sa.Column("spam", sa.Boolean, nullable=False, server_default=sa.false()),
    # B5: the block covers every visitor from `ip` only when the agent chose it (rows made
    # before this column blocked the IP too). `ip` is kept either way, for the blocked list.
    sa.Column("by_ip", sa.Boolean, nullable=False, server_default=sa.true()),
    sa.Index("ix_blocked_clients_site_ip", "site_id", "ip"),
)

# C12: quick phrases shared by the team.
quick_phrases = sa.Table(
    "quick_phrases",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("shortcut", sa.String(32), nullable=False, unique=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("label", sa.String(60), nullable=False, server_default=""),  # the "etiqueta"
    sa.Column("created_by", sa.Integer, sa.ForeignKey("agents.id"), nullable=True),
    sa.Column("updated_at", sa.Float, nullable=False),
)

# ---------------------------------------------------------------- account administration

# A2: one-time set-password links; only the token's SHA-256 is stored.
password_tokens = sa.Table(
    "password_tokens",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("agent_id", sa.Integer, sa.ForeignKey("agents.id"), nullable=False, index=True),
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("expires_at", sa.Float, nullable=False),
    sa.Column("used", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("created_at", sa.Float, nullable=False),
)

# K3: tokens for scripts; a script authenticates as the admin who made the token.
api_tokens = sa.Table(
    "api_tokens",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("agent_id", sa.Integer, sa.ForeignKey("agents.id"), nullable=False, index=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("revoked", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("created_at", sa.Float, nullable=False),
)

# K3: outgoing webhooks. `events` is a comma-separated list of protocol.WebhookEvent.
webhooks = sa.Table(
    "webhooks",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("url", sa.Text, nullable=False),
    sa.Column("secret", sa.String(128), nullable=False),
    sa.Column("events", sa.Text, nullable=False, server_default=""),
    sa.Column("enabled", sa.Boolean, nullable=False, server_default=sa.true()),
    sa.Column("created_at", sa.Float, nullable=False),
)

# K3: each delivery is a row, so retries (due at `next_at`) survive a restart.
webhook_deliveries = sa.Table(
    "webhook_deliveries",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("webhook_id", sa.Integer, sa.ForeignKey("webhooks.id"), nullable=False, index=True),
    sa.Column("event", sa.String(32), nullable=False),
    sa.Column("body", sa.Text, nullable=False),
    # pending -> delivered | failed
    sa.Column("status", sa.String(16), nullable=False, server_default="pending"),
    sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
    sa.Column("next_at", sa.Float, nullable=False),
    sa.Column("last_status", sa.Integer, nullable=False, server_default="0"),
    sa.Column("last_error", sa.Text, nullable=False, server_default=""),
    sa.Column("created_at", sa.Float, nullable=False),
    # Finding 5: a pending delivery not yet tried is replaced by a newer event with the same
    # key ("client_updated" of one visitor) instead of adding a row.
    sa.Column("coalesce_key", sa.String(64), nullable=True),
    sa.Index("ix_webhook_deliveries_status_next", "status", "next_at"),
    sa.Index("ix_webhook_deliveries_coalesce", "webhook_id", "coalesce_key"),
    # Finding 10: retention deletes finished deliveries by age (migration 0009).
    sa.Index("ix_webhook_deliveries_status_created", "status", "created_at"),
)

# Account-wide settings as JSON values (K5: "working_hours").
account_settings = sa.Table(
    "account_settings",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)
# N3 statistics: every step of a chat's routing ladder (offered to whom and why, ignored by
# whom, missed), apart from the conversation's events so that it never reaches a client.
routing_steps = sa.Table(
    "routing_steps",
    metadata,
    sa.Column("id", BigId, primary_key=True),
    sa.Column("chat_id", sa.Integer, sa.ForeignKey("chats.id"), nullable=False, index=True),
    sa.Column("step", sa.String(16), nullable=False),  # offered | ignored | missed
    sa.Column("round", sa.Integer, nullable=False),
    sa.Column("reason", sa.String(16), nullable=False, server_default=""),
    sa.Column("agent_id", sa.Integer, nullable=True),
    sa.Column("agents", sa.Text, nullable=False, server_default=""),
    sa.Column("ts", sa.Float, nullable=False),
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

# X4: the bytes of files when several nodes share them (``--files-store database``,
# server/files/db_store.py; migration files_blob1). A blob is ``complete`` only in the
# transaction that commits its ``files`` row; a partial one is touched at each chunk and
# swept when left untouched (its node died). Its bytes are chunks of ``CHUNK_BYTES`` in order.
file_blobs = sa.Table(
    "file_blobs",
    metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("complete", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("size", sa.BigInteger, nullable=False, server_default="0"),
    sa.Column("touched_at", sa.Float, nullable=False),
    sa.Index("ix_file_blobs_complete_touched", "complete", "touched_at"),
)
file_chunks = sa.Table(
    "file_chunks",
    metadata,
    sa.Column(
        "blob_id",
        sa.String(32),
        sa.ForeignKey("file_blobs.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("seq", sa.Integer, primary_key=True),
    sa.Column("data", sa.LargeBinary, nullable=False),
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

# G10: the log bundles (zip) that agents' apps send; admins download them.
log_bundles = sa.Table(
    "log_bundles",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("agent_id", sa.Integer, sa.ForeignKey("agents.id"), nullable=False, index=True),
    sa.Column("name", sa.String(200), nullable=False, server_default=""),
    sa.Column("size", sa.Integer, nullable=False),
    # Bundles of relays before finding 11 only; newer ones are files (``file``, server/ops/logs.py).
    sa.Column("data", sa.LargeBinary, nullable=True),
    sa.Column("file", sa.String(64), nullable=True),
    sa.Column("created_at", sa.Float, nullable=False),
)

# ---------------------------------------------------------------- departments (T3, T4) and B6

# T4: agents belong to departments; a site routes its chats to its departments' agents first;
# a visitor of a site with several may pick one (visitors.department_id).
departments = sa.Table(
    "departments",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(200), nullable=False, unique=True),
    sa.Column("created_at", sa.Float, nullable=False),
)

agent_departments = sa.Table(
    "agent_departments",
    metadata,
    sa.Column("agent_id", sa.Integer, sa.ForeignKey("agents.id"), primary_key=True),
    sa.Column(
        "department_id", sa.Integer, sa.ForeignKey("departments.id"), primary_key=True, index=True
    ),
)

site_departments = sa.Table(
    "site_departments",
    metadata,
    sa.Column("site_id", sa.Integer, sa.ForeignKey("sites.id"), primary_key=True),
    sa.Column(
        "department_id", sa.Integer, sa.ForeignKey("departments.id"), primary_key=True, index=True
    ),
)

# T3: an agent's own open-chat limit (0: the site's limit applies).
agents.append_column(sa.Column("chat_limit", sa.Integer, nullable=False, server_default="0"))
# T4: the department the visitor picked in the widget (null: none picked).
visitors.append_column(sa.Column("department_id", sa.Integer, nullable=True))

# B6: an agent went offline with open chats; at ``due_at`` (a grace period later) her chats go
# back to routing unless she came back meanwhile (the row is deleted then). The node that
# deletes the row first does the work (claimed once).
agent_dropouts = sa.Table(
    "agent_dropouts",
    metadata,
    sa.Column("agent_id", sa.Integer, sa.ForeignKey("agents.id"), primary_key=True),
    sa.Column("due_at", sa.Float, nullable=False, index=True),
)

# ---------------------------------------------------------------- CRM (issue 17: R1, R2, R3, K4)

# R1: a client. Visitors who chatted, left an offline message or gave contact details become
# clients (``crm_client_visitors``); a client merged into another keeps its row with
# ``merged_into`` set, so that the merge can be undone (``crm_merges``). ``field_times``: when
# each standard field was last written (JSON), so that a merge keeps per field the value
# written last. ``sort_name``, ``email_norm`` and ``phone_norm`` are the list's sort key and
# the merge keys (lower-case e-mail, phone digits), each indexed.
crm_clients = sa.Table(
    "crm_clients",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(200), nullable=False, server_default=""),
    sa.Column("email", sa.String(200), nullable=False, server_default=""),
    sa.Column("phone", sa.String(200), nullable=False, server_default=""),
    sa.Column("company", sa.String(200), nullable=False, server_default=""),
    sa.Column("notes", sa.Text, nullable=False, server_default=""),
    sa.Column("owner_id", sa.Integer, sa.ForeignKey("agents.id"), nullable=True, index=True),
    sa.Column("sort_name", sa.String(200), nullable=False, server_default=""),
    sa.Column("email_norm", sa.String(200), nullable=False, server_default="", index=True),
    sa.Column("phone_norm", sa.String(64), nullable=False, server_default="", index=True),
    sa.Column("merged_into", sa.Integer, nullable=True),
    sa.Column("field_times", sa.Text, nullable=False, server_default="{}"),
    sa.Column("created_at", sa.Float, nullable=False),
    sa.Column("updated_at", sa.Float, nullable=False),
    # The list reads live clients (merged_into IS NULL) in sort order: one index each.
    sa.Index("ix_crm_clients_sort", "merged_into", "sort_name", "id"),
    sa.Index("ix_crm_clients_created", "merged_into", "created_at", "id"),
    sa.Index("ix_crm_clients_updated", "merged_into", "updated_at", "id"),
)

crm_client_visitors = sa.Table(
    "crm_client_visitors",
    metadata,
    sa.Column("visitor_id", sa.Integer, sa.ForeignKey("visitors.id"), primary_key=True),
    sa.Column("client_id", sa.Integer, sa.ForeignKey("crm_clients.id"), nullable=False,
              index=True),
)  # fmt: skip

crm_client_tags = sa.Table(
    "crm_client_tags",
    metadata,
    sa.Column("client_id", sa.Integer, sa.ForeignKey("crm_clients.id"), primary_key=True),
    sa.Column("tag", sa.String(40), primary_key=True, index=True),
)

# R1: the search: each word of a client's name, e-mail, phone digits, company and text custom
# fields, lower-case; a query word matches a range of ``term`` (a prefix) through the index.
# The "C" collation on PostgreSQL keeps that range a byte range (SQLite compares bytes).
SearchTerm = sa.String(100).with_variant(sa.String(100, collation="C"), "postgresql")
crm_search = sa.Table(
    "crm_search",
    metadata,
    sa.Column("client_id", sa.Integer, sa.ForeignKey("crm_clients.id"), primary_key=True),
    sa.Column("term", SearchTerm, primary_key=True),
    sa.Index("ix_crm_search_term", "term", "client_id"),
)

# K4: custom client fields; ``options`` is a JSON list (kind "list").
crm_fields = sa.Table(
    "crm_fields",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("label", sa.String(200), nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("options", sa.Text, nullable=False, server_default="[]"),
    sa.Column("position", sa.Integer, nullable=False, server_default="0"),
)

crm_field_values = sa.Table(
    "crm_field_values",
    metadata,
    sa.Column("client_id", sa.Integer, sa.ForeignKey("crm_clients.id"), primary_key=True),
    sa.Column("field_id", sa.Integer, sa.ForeignKey("crm_fields.id"), primary_key=True,
              index=True),
    sa.Column("value", sa.Text, nullable=False),
    sa.Column("updated_at", sa.Float, nullable=False),
)  # fmt: skip

# R1: every change of a client field, merge and unmerge (``old`` and ``new`` both kept).
crm_client_log = sa.Table(
    "crm_client_log",
    metadata,
    sa.Column("id", BigId, primary_key=True),
    sa.Column("client_id", sa.Integer, nullable=False, index=True),
    sa.Column("ts", sa.Float, nullable=False),
    sa.Column("agent_id", sa.Integer, nullable=True),
    sa.Column("kind", sa.String(16), nullable=False),  # edit | merge | unmerge | created
    sa.Column("field", sa.String(64), nullable=False, server_default=""),
    sa.Column("old", sa.Text, nullable=False, server_default=""),
    sa.Column("new", sa.Text, nullable=False, server_default=""),
)

# R1: a merge, with what undoing it needs (JSON: both clients' fields before, the visitors,
# tasks and deals moved).
crm_merges = sa.Table(
    "crm_merges",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("into_id", sa.Integer, sa.ForeignKey("crm_clients.id"), nullable=False,
              index=True),
    sa.Column("from_id", sa.Integer, sa.ForeignKey("crm_clients.id"), nullable=False),
    sa.Column("agent_id", sa.Integer, nullable=True),
    sa.Column("ts", sa.Float, nullable=False),
    sa.Column("snapshot", sa.Text, nullable=False),
    sa.Column("undone_at", sa.Float, nullable=True),
)  # fmt: skip

# R3/K4: sales funnels and their stages (kind open | won | lost; one won and one lost each).
crm_funnels = sa.Table(
    "crm_funnels",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("visibility", sa.String(8), nullable=False, server_default="all"),
    sa.Column("position", sa.Integer, nullable=False, server_default="0"),
    sa.Column("created_at", sa.Float, nullable=False),
)

crm_stages = sa.Table(
    "crm_stages",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("funnel_id", sa.Integer, sa.ForeignKey("crm_funnels.id"), nullable=False,
              index=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("kind", sa.String(8), nullable=False, server_default="open"),
    sa.Column("position", sa.Integer, nullable=False, server_default="0"),
    sa.Column("time_limit_hours", sa.Integer, nullable=False, server_default="0"),
)  # fmt: skip

# R3: deals. Money in minor units (BIGINT) with its ISO 4217 currency, never a float.
crm_deals = sa.Table(
    "crm_deals",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("funnel_id", sa.Integer, sa.ForeignKey("crm_funnels.id"), nullable=False),
    sa.Column("stage_id", sa.Integer, sa.ForeignKey("crm_stages.id"), nullable=False,
              index=True),
    sa.Column("title", sa.String(200), nullable=False),
    sa.Column("client_id", sa.Integer, sa.ForeignKey("crm_clients.id"), nullable=True,
              index=True),
    sa.Column("value_minor", sa.BigInteger, nullable=False, server_default="0"),
    sa.Column("currency", sa.String(3), nullable=False, server_default="EUR"),
    sa.Column("owner_id", sa.Integer, sa.ForeignKey("agents.id"), nullable=True, index=True),
    sa.Column("expected_close", sa.String(10), nullable=False, server_default=""),
    sa.Column("lost_reason", sa.Text, nullable=False, server_default=""),
    sa.Column("stage_since", sa.Float, nullable=False),
    sa.Column("created_at", sa.Float, nullable=False),
    sa.Column("updated_at", sa.Float, nullable=False),
    sa.Index("ix_crm_deals_funnel_stage", "funnel_id", "stage_id"),
)  # fmt: skip

# R2: tasks. The reminder is a timer row: ``remind_at`` (indexed) is claimed by the one node
# whose UPDATE clears it (compare-and-set), which sets ``reminder_pending`` until the assignee
# dismisses, snoozes or completes it (an agent offline then gets it at sign-in).
crm_tasks = sa.Table(
    "crm_tasks",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("title", sa.String(200), nullable=False),
    sa.Column("note", sa.Text, nullable=False, server_default=""),
    sa.Column("due_at", sa.Float, nullable=False),
    sa.Column("assignee_id", sa.Integer, sa.ForeignKey("agents.id"), nullable=False,
              index=True),
    sa.Column("created_by", sa.Integer, sa.ForeignKey("agents.id"), nullable=False),
    sa.Column("notify", sa.Boolean, nullable=False, server_default=sa.true()),
    sa.Column("client_id", sa.Integer, sa.ForeignKey("crm_clients.id"), nullable=True,
              index=True),
    sa.Column("deal_id", sa.Integer, sa.ForeignKey("crm_deals.id"), nullable=True),
    sa.Column("chat_id", sa.Integer, sa.ForeignKey("chats.id"), nullable=True),
    sa.Column("done", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("remind_at", sa.Float, nullable=True, index=True),
    sa.Column("reminder_pending", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("created_at", sa.Float, nullable=False),
    sa.Column("updated_at", sa.Float, nullable=False),
)  # fmt: skip

# Issue 15: archive text search by the database's own full-text index over the message events
# of archived (closed or missed) visitor chats, filled by triggers on ``chats`` as a chat is
# archived (migration archive_fts1; a SQLite rebuild of ``chats`` must create the triggers
# again). On SQLite an FTS5 table (external content: its rowid is the event id, plus FTS5's
# own shadow tables); on PostgreSQL a table (event_id, chat_id, doc tsvector) with a GIN index.
# They differ per database and SQLAlchemy cannot describe an FTS5 table, so they are not
# tables of this metadata; the comparison with the migrations leaves them out by name.
SEARCH_INDEX_TABLES = frozenset(
    {
        "archive_fts",
        "archive_fts_data",
        "archive_fts_idx",
        "archive_fts_docsize",
        "archive_fts_config",
    }
)


def include_name(name: str | None, type_: str, _parents: MutableMapping[Any, str | None]) -> bool:
    """Alembic's ``include_name``: every object but the full-text index's tables."""
    return not (type_ == "table" and name in SEARCH_INDEX_TABLES)


# S1 (issue 18): the reporting log. One row per fact the statistics count (a chat started, a
# ladder step, accepted, the first agent reply, transferred, closed, missed, an offline
# message, an invitation sent or answered, an agent's status), written in the transaction of
# the change it describes and never updated: every figure is computed from these rows
# (server/stats/), so it can be recomputed and explained. No foreign keys: the log outlives
# the rows retention removes. ``detail``: the ladder's reason, the status, "manual"/"rule".
# ``n``: the chat's messages (closed). ``other_id``: the agent a transfer came from.
report_log = sa.Table(
    "report_log",
    metadata,
    sa.Column("id", BigId, primary_key=True),
    sa.Column("ts", sa.Float, nullable=False),
    sa.Column("kind", sa.String(24), nullable=False),
    sa.Column("chat_id", sa.Integer, nullable=True),
    sa.Column("site_id", sa.Integer, nullable=True),
    sa.Column("department_id", sa.Integer, nullable=True),
    sa.Column("agent_id", sa.Integer, nullable=True),
    sa.Column("other_id", sa.Integer, nullable=True),
    sa.Column("round", sa.Integer, nullable=True),
    sa.Column("n", sa.Integer, nullable=True),
    sa.Column("detail", sa.String(32), nullable=False, server_default=""),
    # A date range's rows of one kind; a chat's rows; an agent's status before a range.
    sa.Index("ix_report_log_kind_ts", "kind", "ts"),
    sa.Index("ix_report_log_chat_kind", "chat_id", "kind"),
    sa.Index("ix_report_log_kind_agent_ts", "kind", "agent_id", "ts"),
)

# S1: one row per chat, kept by the writer from the same writes as report_log (server/stats/
# log.py), so that a report reads one row per chat instead of assembling each chat from its
# log rows. Derived only: server.stats.rollup.rebuild makes it again from report_log.
# ``ignores``: ",3,7,3," (an agent id per Ignore); ``transfers``: "3>7," (from>to each).
report_chats = sa.Table(
    "report_chats",
    metadata,
    sa.Column("chat_id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("started_at", sa.Float, nullable=False, index=True),
    sa.Column("site_id", sa.Integer, nullable=True),
    sa.Column("department_id", sa.Integer, nullable=True),
    sa.Column("invited", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("offers", sa.Integer, nullable=False, server_default="0"),
    sa.Column("last_offer_round", sa.Integer, nullable=True),
    sa.Column("accepted_at", sa.Float, nullable=True),
    sa.Column("accepted_by", sa.Integer, nullable=True),
    sa.Column("taken_round", sa.Integer, nullable=True),
    sa.Column("replied_at", sa.Float, nullable=True),
    sa.Column("replied_by", sa.Integer, nullable=True),
    sa.Column("closed_at", sa.Float, nullable=True),
    sa.Column("messages", sa.Integer, nullable=True),
    sa.Column("missed_at", sa.Float, nullable=True),
    sa.Column("missed_round", sa.Integer, nullable=True),
    sa.Column("ignores", sa.Text, nullable=False, server_default=""),
    sa.Column("transfers", sa.Text, nullable=False, server_default=""),
)

# P1 (issue 19): the call log. A call goes through the agent's softphone; the app logs it here
# (number, client, agent, time) and the agent tells how it went.
calls = sa.Table(
    "calls",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("agent_id", sa.Integer, sa.ForeignKey("agents.id"), nullable=False),
    sa.Column("client_id", sa.Integer, sa.ForeignKey("crm_clients.id"), nullable=True,
              index=True),
    sa.Column("number", sa.String(32), nullable=False),
    sa.Column("direction", sa.String(8), nullable=False),
    sa.Column("outcome", sa.String(16), nullable=False, server_default=""),
    sa.Column("duration", sa.Integer, nullable=False, server_default="0"),
    sa.Column("note", sa.Text, nullable=False, server_default=""),
    sa.Column("started_at", sa.Float, nullable=False),
    sa.Column("updated_at", sa.Float, nullable=False),
    sa.Index("ix_calls_agent_started", "agent_id", "started_at"),
    sa.Index("ix_calls_started", "started_at"),
)  # fmt: skip

# C10/K1 (issue 21): reply channels. One row per account channel; ``settings`` is the
# provider's JSON (addresses, passwords, tokens): read on the relay only, never sent to an
# agent (protocol.ChannelInfo names which secrets are set). ``poll_*``: the inbound poll is a
# timer row (due at ``poll_at``), claimed by one node until ``poll_lease``; ``state``: the
# poll's own bookmark (IMAP UIDVALIDITY and the next UID, Telegram's next update_id).
channels = sa.Table(
    "channels",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("name", sa.String(200), nullable=False, server_default=""),
    sa.Column("site_id", sa.Integer, sa.ForeignKey("sites.id"), nullable=False),
    sa.Column("settings", sa.Text, nullable=False, server_default="{}"),
    sa.Column("enabled", sa.Boolean, nullable=False, server_default=sa.true()),
    sa.Column("state", sa.Text, nullable=False, server_default="{}"),
    sa.Column("poll_at", sa.Float, nullable=False, server_default="0"),
    sa.Column("poll_lease", sa.Float, nullable=False, server_default="0"),
    sa.Column("last_error", sa.Text, nullable=False, server_default=""),
    sa.Column("last_error_at", sa.Float, nullable=True),
    sa.Column("created_at", sa.Float, nullable=False),
)

# One conversation on a channel: its contact (a visitor row of the channel's site, so that
# routing, the toast, the ladder and the CRM treat it as any chat) and, for e-mail, the
# thread's normalised subject for the (client, subject, 14 days) fallback. No foreign keys:
# retention may delete the visitor; a thread whose visitor is gone starts a new one.
channel_threads = sa.Table(
    "channel_threads",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("channel_id", sa.Integer, nullable=False),
    sa.Column("visitor_id", sa.Integer, nullable=False, unique=True),
    sa.Column("address", sa.String(320), nullable=False),
    sa.Column("subject_key", sa.String(200), nullable=False, server_default=""),
    sa.Column("subject", sa.Text, nullable=False, server_default=""),
    sa.Column("last_at", sa.Float, nullable=False),
    sa.Index("ix_channel_threads_lookup", "channel_id", "address", "subject_key", "last_at"),
)

# Every message that crossed a channel, by its provider id (a Message-ID, an update_id, a
# WhatsApp or Twilio message id): the unique index is what makes a mail fetched twice, or a
# webhook retried, one message, and the row outlives its chat (no foreign key), so a deleted
# chat is never imported again. ``direction`` "in" or "out".
channel_messages = sa.Table(
    "channel_messages",
    metadata,
    sa.Column("id", BigId, primary_key=True),
    sa.Column("channel_id", sa.Integer, nullable=False),
    sa.Column("direction", sa.String(4), nullable=False),
    sa.Column("provider_id", sa.String(255), nullable=False),
    sa.Column("thread_id", sa.Integer, nullable=True),
    sa.Column("chat_id", sa.Integer, nullable=True),
    sa.Column("event_id", sa.BigInteger, nullable=True),
    sa.Column("created_at", sa.Float, nullable=False),
    sa.UniqueConstraint("channel_id", "direction", "provider_id", name="uq_channel_messages"),
    sa.Index("ix_channel_messages_created_at", "created_at"),
    sa.Index("ix_channel_messages_thread", "thread_id", "direction"),
)

# The durable outbox: one row per agent reply in a channel chat, written in the reply's own
# transaction; sent by whichever node claims it (``next_at`` moved to the lease's end), retried
# with doubling backoff. ``key``: the idempotency key given to the provider (and, for e-mail,
# the Message-ID), the same on every attempt, so a resend after a crash is recognised.
channel_outbox = sa.Table(
    "channel_outbox",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("channel_id", sa.Integer, nullable=False),
    sa.Column("chat_id", sa.Integer, nullable=False),
    sa.Column("event_id", sa.BigInteger, nullable=False, unique=True),
    sa.Column("key", sa.String(128), nullable=False, unique=True),
    sa.Column("body", sa.Text, nullable=False),
    # pending -> sent | failed
    sa.Column("status", sa.String(16), nullable=False, server_default="pending"),
    sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
    sa.Column("next_at", sa.Float, nullable=False),
    sa.Column("last_error", sa.Text, nullable=False, server_default=""),
    sa.Column("provider_id", sa.String(255), nullable=False, server_default=""),
    sa.Column("created_at", sa.Float, nullable=False),
    sa.Column("sent_at", sa.Float, nullable=True),
    sa.Index("ix_channel_outbox_status_next", "status", "next_at"),
    sa.Index("ix_channel_outbox_provider", "channel_id", "provider_id"),
    sa.Index("ix_channel_outbox_created_at", "created_at"),  # retention (migration 0020)
)
