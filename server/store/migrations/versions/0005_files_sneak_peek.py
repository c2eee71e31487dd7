"""Files in chats (C14) and the sneak-peek site setting (C17).

Revision ID: 0005
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0002"
branch_labels = None
depends_on = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    with op.batch_alter_table("sites") as batch:
        batch.add_column(
            sa.Column("sneak_peek", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
    op.create_table(
        "files",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("chat_id", sa.Integer(), nullable=False),
        sa.Column("event_id", BigId, nullable=True),
        sa.Column("uploader", sa.String(length=16), nullable=False),
        sa.Column("uploader_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("content_type", sa.String(length=200), server_default="", nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(["chat_id"], ["chats.id"], name="fk_files_chat_id_chats"),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], name="fk_files_event_id_events"),
        sa.PrimaryKeyConstraint("id", name="pk_files"),
    )
    op.create_index("ix_files_chat_id", "files", ["chat_id"])


def downgrade() -> None:
    op.drop_index("ix_files_chat_id", table_name="files")
    op.drop_table("files")
    with op.batch_alter_table("sites") as batch:
        batch.drop_column("sneak_peek")
