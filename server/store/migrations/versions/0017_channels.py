"""Reply channels (C10, K1; issue 21): the channels, their threads, every message that crossed
one (unique by provider id), the durable outbox, and the chat's channel.

Revision ID: channels1
Revises: composer1
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "channels1"
down_revision = "phone1"
branch_labels = None
depends_on = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "channels",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=200), server_default="", nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("settings", sa.Text(), server_default="{}", nullable=False),
        sa.Column("enabled", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.Column("state", sa.Text(), server_default="{}", nullable=False),
        sa.Column("poll_at", sa.Float(), server_default="0", nullable=False),
        sa.Column("poll_lease", sa.Float(), server_default="0", nullable=False),
        sa.Column("last_error", sa.Text(), server_default="", nullable=False),
        sa.Column("last_error_at", sa.Float(), nullable=True),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(["site_id"], ["sites.id"], name=op.f("fk_channels_site_id_sites")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_channels")),
    )
    op.create_table(
        "channel_threads",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("channel_id", sa.Integer(), nullable=False),
        sa.Column("visitor_id", sa.Integer(), nullable=False),
        sa.Column("address", sa.String(length=320), nullable=False),
        sa.Column("subject_key", sa.String(length=200), server_default="", nullable=False),
        sa.Column("subject", sa.Text(), server_default="", nullable=False),
        sa.Column("last_at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_channel_threads")),
        sa.UniqueConstraint("visitor_id", name=op.f("uq_channel_threads_visitor_id")),
    )
    op.create_index(
        "ix_channel_threads_lookup",
        "channel_threads",
        ["channel_id", "address", "subject_key", "last_at"],
    )
    op.create_table(
        "channel_messages",
        sa.Column("id", BigId, nullable=False),
        sa.Column("channel_id", sa.Integer(), nullable=False),
        sa.Column("direction", sa.String(length=4), nullable=False),
        sa.Column("provider_id", sa.String(length=255), nullable=False),
        sa.Column("thread_id", sa.Integer(), nullable=True),
        sa.Column("chat_id", sa.Integer(), nullable=True),
        sa.Column("event_id", sa.BigInteger(), nullable=True),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_channel_messages")),
        sa.UniqueConstraint("channel_id", "direction", "provider_id", name="uq_channel_messages"),
    )
    op.create_index("ix_channel_messages_created_at", "channel_messages", ["created_at"])
    op.create_table(
        "channel_outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("channel_id", sa.Integer(), nullable=False),
        sa.Column("chat_id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.BigInteger(), nullable=False),
        sa.Column("key", sa.String(length=128), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), server_default="pending", nullable=False),
        sa.Column("attempts", sa.Integer(), server_default="0", nullable=False),
        sa.Column("next_at", sa.Float(), nullable=False),
        sa.Column("last_error", sa.Text(), server_default="", nullable=False),
        sa.Column("provider_id", sa.String(length=255), server_default="", nullable=False),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.Column("sent_at", sa.Float(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_channel_outbox")),
        sa.UniqueConstraint("event_id", name=op.f("uq_channel_outbox_event_id")),
        sa.UniqueConstraint("key", name=op.f("uq_channel_outbox_key")),
    )
    op.create_index("ix_channel_outbox_status_next", "channel_outbox", ["status", "next_at"])
    op.add_column("chats", sa.Column("channel_id", sa.Integer(), nullable=True))


def downgrade() -> None:
    # A plain ALTER TABLE, not batch_alter_table: on SQLite a batch rebuilds ``chats``, which
    # fails with foreign keys on (other tables point at it) and drops the archive_fts triggers.
    # SQLite has DROP COLUMN since 3.35; the column has no index or constraint of its own.
    op.execute("ALTER TABLE chats DROP COLUMN channel_id")
    op.drop_index("ix_channel_outbox_status_next", table_name="channel_outbox")
    op.drop_table("channel_outbox")
    op.drop_index("ix_channel_messages_created_at", table_name="channel_messages")
    op.drop_table("channel_messages")
    op.drop_index("ix_channel_threads_lookup", table_name="channel_threads")
    op.drop_table("channel_threads")
    op.drop_table("channels")
