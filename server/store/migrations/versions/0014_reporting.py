"""The reporting log of the statistics (S1, issue 18): append-only, one row per fact; and
report_chats, one row per chat that the writer keeps from the same writes (derived: it can be
rebuilt from the log).

Revision ID: reporting1
Revises: crm1
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "reporting1"
down_revision = "crm1"
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
    op.create_table(
        "report_chats",
        sa.Column("chat_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("started_at", sa.Float(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=True),
        sa.Column("department_id", sa.Integer(), nullable=True),
        sa.Column("invited", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("offers", sa.Integer(), server_default="0", nullable=False),
        sa.Column("last_offer_round", sa.Integer(), nullable=True),
        sa.Column("accepted_at", sa.Float(), nullable=True),
        sa.Column("accepted_by", sa.Integer(), nullable=True),
        sa.Column("taken_round", sa.Integer(), nullable=True),
        sa.Column("replied_at", sa.Float(), nullable=True),
        sa.Column("replied_by", sa.Integer(), nullable=True),
        sa.Column("closed_at", sa.Float(), nullable=True),
        sa.Column("messages", sa.Integer(), nullable=True),
        sa.Column("missed_at", sa.Float(), nullable=True),
        sa.Column("missed_round", sa.Integer(), nullable=True),
        sa.Column("ignores", sa.Text(), server_default="", nullable=False),
        sa.Column("transfers", sa.Text(), server_default="", nullable=False),
        sa.PrimaryKeyConstraint("chat_id", name="pk_report_chats"),
    )
    op.create_index("ix_report_chats_started_at", "report_chats", ["started_at"])


def downgrade() -> None:
    op.drop_index("ix_report_chats_started_at", table_name="report_chats")
    op.drop_table("report_chats")
    op.drop_index("ix_report_log_kind_agent_ts", table_name="report_log")
    op.drop_index("ix_report_log_chat_kind", table_name="report_log")
    op.drop_index("ix_report_log_kind_ts", table_name="report_log")
    op.drop_table("report_log")
