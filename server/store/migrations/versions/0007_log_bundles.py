"""Log bundles sent by the desktop apps (G10).

Revision ID: 0007
Revises: 0005
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "log_bundles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agent_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), server_default="", nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agent_id"], ["agents.id"], name=op.f("fk_log_bundles_agent_id_agents")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_log_bundles")),
    )
    op.create_index(op.f("ix_log_bundles_agent_id"), "log_bundles", ["agent_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_log_bundles_agent_id"), table_name="log_bundles")
    op.drop_table("log_bundles")
