"""Routing and the ignore ladder (N3, C5): site routing settings, a client's assigned agent,
the offer round of a chat with its deadline.

Revision ID: 0003
Revises: 0008
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sites") as batch:
        batch.add_column(
            sa.Column("routing_rule", sa.String(length=16), server_default="all", nullable=False)
        )
        batch.add_column(sa.Column("chat_limit", sa.Integer(), server_default="0", nullable=False))
        batch.add_column(
            sa.Column("offer_timeout", sa.Float(), server_default="60", nullable=False)
        )
    with op.batch_alter_table("visitors") as batch:
        batch.add_column(sa.Column("assigned_agent_id", sa.Integer(), nullable=True))
    with op.batch_alter_table("chats") as batch:
        batch.add_column(sa.Column("offer_round", sa.Integer(), server_default="0", nullable=False))
        batch.add_column(sa.Column("offer_to", sa.Text(), server_default="", nullable=False))
        batch.add_column(sa.Column("offer_ignored", sa.Text(), server_default="", nullable=False))
        batch.add_column(sa.Column("offer_deadline", sa.Float(), nullable=True))
        batch.create_index("ix_chats_offer_deadline", ["offer_deadline"])
    op.create_table(
        "routing_steps",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("chat_id", sa.Integer(), nullable=False),
        sa.Column("step", sa.String(length=16), nullable=False),
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=16), server_default="", nullable=False),
        sa.Column("agent_id", sa.Integer(), nullable=True),
        sa.Column("agents", sa.Text(), server_default="", nullable=False),
        sa.Column("ts", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(["chat_id"], ["chats.id"], name="fk_routing_steps_chat_id_chats"),
        sa.PrimaryKeyConstraint("id", name="pk_routing_steps"),
    )
    op.create_index("ix_routing_steps_chat_id", "routing_steps", ["chat_id"])


def downgrade() -> None:
    op.drop_index("ix_routing_steps_chat_id", table_name="routing_steps")
    op.drop_table("routing_steps")
    with op.batch_alter_table("chats") as batch:
        batch.drop_index("ix_chats_offer_deadline")
        for column in ("offer_deadline", "offer_ignored", "offer_to", "offer_round"):
            batch.drop_column(column)
    with op.batch_alter_table("visitors") as batch:
        batch.drop_column("assigned_agent_id")
    with op.batch_alter_table("sites") as batch:
        for column in ("offer_timeout", "chat_limit", "routing_rule"):
            batch.drop_column(column)
