"""The reporting log of the statistics (S1, issue 18): append-only, one row per fact.

Revision ID: reporting1
Revises: cluster1
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "reporting1"
down_revision = "cluster1"
branch_labels = None
depends_on = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "report_log",
        sa.Column("id", BigId, nullable=False),
        sa.Column("ts", sa.Float(), nullable=False),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("chat_id", sa.Integer(), nullable=True),
        sa.Column("site_id", sa.Integer(), nullable=True),
        sa.Column("department_id", sa.Integer(), nullable=True),
        sa.Column("agent_id", sa.Integer(), nullable=True),
        sa.Column("other_id", sa.Integer(), nullable=True),
        sa.Column("round", sa.Integer(), nullable=True),
        sa.Column("n", sa.Integer(), nullable=True),
        sa.Column("detail", sa.String(32), server_default="", nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_report_log"),
    )
    op.create_index("ix_report_log_kind_ts", "report_log", ["kind", "ts"])
    op.create_index("ix_report_log_chat_kind", "report_log", ["chat_id", "kind"])
    op.create_index("ix_report_log_kind_agent_ts", "report_log", ["kind", "agent_id", "ts"])


def downgrade() -> None:
    op.drop_index("ix_report_log_kind_agent_ts", table_name="report_log")
    op.drop_index("ix_report_log_chat_kind", table_name="report_log")
    op.drop_index("ix_report_log_kind_ts", table_name="report_log")
    op.drop_table("report_log")
