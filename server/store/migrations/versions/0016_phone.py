"""The call log (P1, issue 19): one row per call an agent started from the app or logged.

Revision ID: phone1
Revises: composer1
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "phone1"
down_revision = "composer1"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "calls",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agent_id", sa.Integer(), sa.ForeignKey("agents.id"), nullable=False),
        sa.Column("client_id", sa.Integer(), sa.ForeignKey("crm_clients.id"), nullable=True),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("direction", sa.String(length=8), nullable=False),
        sa.Column("outcome", sa.String(length=16), server_default="", nullable=False),
        sa.Column("duration", sa.Integer(), server_default="0", nullable=False),
        sa.Column("note", sa.Text(), server_default="", nullable=False),
        sa.Column("started_at", sa.Float(), nullable=False),
        sa.Column("updated_at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_calls_client_id", "calls", ["client_id"])
    op.create_index("ix_calls_agent_started", "calls", ["agent_id", "started_at"])
    op.create_index("ix_calls_started", "calls", ["started_at"])


def downgrade() -> None:
    op.drop_index("ix_calls_started", table_name="calls")
    op.drop_index("ix_calls_agent_started", table_name="calls")
    op.drop_index("ix_calls_client_id", table_name="calls")
    op.drop_table("calls")
