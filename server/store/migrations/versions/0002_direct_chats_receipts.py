"""Direct chats between agents (T2) and read receipts (C19).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("chats") as batch:
        batch.add_column(
            sa.Column("kind", sa.String(length=16), server_default="visitor", nullable=False)
        )
        batch.alter_column("site_id", existing_type=sa.Integer(), nullable=True)
        batch.alter_column("visitor_id", existing_type=sa.Integer(), nullable=True)
        for column in ("visitor_delivered_seq", "visitor_read_seq", "agent_read_seq"):
            batch.add_column(sa.Column(column, sa.Integer(), server_default="0", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("chats") as batch:
        for column in ("agent_read_seq", "visitor_read_seq", "visitor_delivered_seq"):
            batch.drop_column(column)
        batch.alter_column("visitor_id", existing_type=sa.Integer(), nullable=False)
        batch.alter_column("site_id", existing_type=sa.Integer(), nullable=False)
        batch.drop_column("kind")
