"""Indexes for the retention jobs (security review finding 10).

Revision ID: 0009_robust
Revises: 0006
Create Date: 2026-12-02
"""

from __future__ import annotations

from alembic import op

revision = "0009_robust"
down_revision = "0009_relay_files"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_page_views_ts", "page_views", ["ts"])
    op.create_index("ix_visitors_last_seen_at", "visitors", ["last_seen_at"])
    op.create_index(
        "ix_webhook_deliveries_status_created", "webhook_deliveries", ["status", "created_at"]
    )


def downgrade() -> None:
    op.drop_index("ix_webhook_deliveries_status_created", "webhook_deliveries")
    op.drop_index("ix_visitors_last_seen_at", "visitors")
    op.drop_index("ix_page_views_ts", "page_views")
