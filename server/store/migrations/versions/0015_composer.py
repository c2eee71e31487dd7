"""Stored translations of chat events (C11): one row per event and language; one-time pointer
tokens (C15), kept as their SHA-256, bound to an agent and a chat.

Revision ID: composer1
Revises: reporting1
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "composer1"
down_revision = "reporting1"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "event_translations",
        sa.Column(
            "event_id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.ForeignKey("events.id"),
            nullable=False,
        ),
        sa.Column("language", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=16), server_default="", nullable=False),
        sa.Column("original", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("event_id", "language"),
    )
    op.create_table(
        "pointer_tokens",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("chat_id", sa.Integer(), sa.ForeignKey("chats.id"), nullable=False),
        sa.Column("agent_id", sa.Integer(), sa.ForeignKey("agents.id"), nullable=False),
        sa.Column("page_url", sa.Text(), nullable=False),
        sa.Column("expires_at", sa.Float(), nullable=False),
        sa.Column("used_at", sa.Float(), nullable=True),
        sa.PrimaryKeyConstraint("token_hash"),
    )


def downgrade() -> None:
    op.drop_table("pointer_tokens")
    op.drop_table("event_translations")
