"""Routing (task "routing"): N3's first, personal offer by default.

Revision ID: routing1
Revises: 0006
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "routing1"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # N3 as the guide tells it: the first offer goes to one agent. Sites keep the rule they
    # have; only new sites start with the personal first offer.
    with op.batch_alter_table("sites") as batch:
        batch.alter_column(
            "routing_rule",
            existing_type=sa.String(length=16),
            existing_nullable=False,
            server_default="least_busy",
        )


def downgrade() -> None:
    with op.batch_alter_table("sites") as batch:
        batch.alter_column(
            "routing_rule",
            existing_type=sa.String(length=16),
            existing_nullable=False,
            server_default="all",
        )
