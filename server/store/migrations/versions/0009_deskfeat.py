"""Quick phrases get a label (C12); offline messages can be handled and answered (V6);
visitors keep their city's name in every language the city database has (Nueva York).

Revision ID: 0009_deskfeat
Revises: 0006
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_deskfeat"
down_revision = "0009_auth"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("quick_phrases") as batch:
        batch.add_column(
            sa.Column("label", sa.String(length=60), server_default="", nullable=False)
        )
    with op.batch_alter_table("offline_messages") as batch:
        batch.add_column(sa.Column("handled_at", sa.Float(), nullable=True))
        batch.add_column(sa.Column("handled_by", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("replied_at", sa.Float(), nullable=True))
        batch.create_foreign_key(
            op.f("fk_offline_messages_handled_by_agents"), "agents", ["handled_by"], ["id"]
        )
        batch.create_index(op.f("ix_offline_messages_created_at"), ["created_at"], unique=False)
    with op.batch_alter_table("visitors") as batch:
        batch.add_column(sa.Column("city_names", sa.Text(), server_default="", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("visitors") as batch:
        batch.drop_column("city_names")
    with op.batch_alter_table("offline_messages") as batch:
        batch.drop_index(op.f("ix_offline_messages_created_at"))
        batch.drop_constraint(op.f("fk_offline_messages_handled_by_agents"), type_="foreignkey")
        batch.drop_column("replied_at")
        batch.drop_column("handled_by")
        batch.drop_column("handled_at")
    with op.batch_alter_table("quick_phrases") as batch:
        batch.drop_column("label")
