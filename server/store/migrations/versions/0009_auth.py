"""Sessions that end, sign-in failure counts, block kinds, coalesced webhook deliveries
(findings 4, 5, 7; C8 and B5).

Revision ID: 0009_auth
Revises: 0006
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_auth"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("agent_sessions") as batch:
        batch.add_column(sa.Column("last_used_at", sa.Float(), server_default="0", nullable=False))
    op.execute("UPDATE agent_sessions SET last_used_at = created_at")
    op.create_table(
        "sign_in_failures",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_sign_in_failures"),
    )
    with op.batch_alter_table("blocked_clients") as batch:
        batch.add_column(sa.Column("spam", sa.Boolean(), server_default=sa.false(), nullable=False))
        batch.add_column(sa.Column("by_ip", sa.Boolean(), server_default=sa.true(), nullable=False))
    with op.batch_alter_table("webhook_deliveries") as batch:
        batch.add_column(sa.Column("coalesce_key", sa.String(length=64), nullable=True))
    op.create_index(
        "ix_webhook_deliveries_coalesce", "webhook_deliveries", ["webhook_id", "coalesce_key"]
    )


def downgrade() -> None:
    op.drop_index("ix_webhook_deliveries_coalesce", table_name="webhook_deliveries")
    with op.batch_alter_table("webhook_deliveries") as batch:
        batch.drop_column("coalesce_key")
    with op.batch_alter_table("blocked_clients") as batch:
        batch.drop_column("by_ip")
        batch.drop_column("spam")
    op.drop_table("sign_in_failures")
    with op.batch_alter_table("agent_sessions") as batch:
        batch.drop_column("last_used_at")
