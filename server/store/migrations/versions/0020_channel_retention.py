"""Retention of the reply channels (C10/K1, issue 21): finished outbox rows are deleted by age,
so the outbox gets an index on ``created_at`` (``channel_messages`` has one already).

Revision ID: chanret1
Revises: chanrow1
Create Date: 2026-12-08
"""

from __future__ import annotations

from alembic import op

revision = "chanret1"
down_revision = "chanrow1"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_channel_outbox_created_at", "channel_outbox", ["created_at"])


def downgrade() -> None:
    op.drop_index("ix_channel_outbox_created_at", table_name="channel_outbox")
