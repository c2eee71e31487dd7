"""Routing (task "routing"): N3's first, personal offer by default; departments (T4) with
agents' own chat limits (T3); agent drop-out timers (B6).

Revision ID: routing1
Revises: 0006
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "routing1"
down_revision = "0009_robust"
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
    op.create_table(
        "departments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_departments"),
        sa.UniqueConstraint("name", name="uq_departments_name"),
    )
    for table, owner, owner_table in (
        ("agent_departments", "agent_id", "agents"),
        ("site_departments", "site_id", "sites"),
    ):
        op.create_table(
            table,
            sa.Column(owner, sa.Integer(), nullable=False),
            sa.Column("department_id", sa.Integer(), nullable=False),
            sa.ForeignKeyConstraint(
                [owner], [f"{owner_table}.id"], name=f"fk_{table}_{owner}_{owner_table}"
            ),
            sa.ForeignKeyConstraint(
                ["department_id"], ["departments.id"], name=f"fk_{table}_department_id_departments"
            ),
            sa.PrimaryKeyConstraint(owner, "department_id", name=f"pk_{table}"),
        )
        op.create_index(f"ix_{table}_department_id", table, ["department_id"])
    with op.batch_alter_table("agents") as batch:
        batch.add_column(sa.Column("chat_limit", sa.Integer(), server_default="0", nullable=False))
    with op.batch_alter_table("visitors") as batch:
        batch.add_column(sa.Column("department_id", sa.Integer(), nullable=True))
    op.create_table(
        "agent_dropouts",
        sa.Column("agent_id", sa.Integer(), nullable=False),
        sa.Column("due_at", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agent_id"], ["agents.id"], name="fk_agent_dropouts_agent_id_agents"
        ),
        sa.PrimaryKeyConstraint("agent_id", name="pk_agent_dropouts"),
    )
    op.create_index("ix_agent_dropouts_due_at", "agent_dropouts", ["due_at"])


def downgrade() -> None:
    op.drop_index("ix_agent_dropouts_due_at", table_name="agent_dropouts")
    op.drop_table("agent_dropouts")
    with op.batch_alter_table("visitors") as batch:
        batch.drop_column("department_id")
    with op.batch_alter_table("agents") as batch:
        batch.drop_column("chat_limit")
    for table in ("site_departments", "agent_departments"):
        op.drop_index(f"ix_{table}_department_id", table_name=table)
        op.drop_table(table)
    op.drop_table("departments")
    with op.batch_alter_table("sites") as batch:
        batch.alter_column(
            "routing_rule",
            existing_type=sa.String(length=16),
            existing_nullable=False,
            server_default="all",
        )
