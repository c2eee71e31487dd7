"""Callback requests from the widget (P2, issue 19): a site setting, and the chat columns of a
request (the number to call, the visitor's preferred time).

Revision ID: callback1
Revises: channels1
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "callback1"
down_revision = "channels1"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "sites", sa.Column("callbacks", sa.Boolean(), server_default=sa.false(), nullable=False)
    )
    op.add_column(
        "sites",
        sa.Column("phone_country", sa.String(length=2), server_default="", nullable=False),
    )
    op.add_column("chats", sa.Column("callback_number", sa.String(length=32), nullable=True))
    op.add_column(
        "chats",
        sa.Column("callback_time", sa.String(length=80), server_default="", nullable=False),
    )


def downgrade() -> None:
    # Plain ALTER TABLEs, not batch_alter_table: on SQLite a batch rebuilds ``chats`` (see
    # 0017_channels); SQLite has DROP COLUMN since 3.35 and these columns have no index.
    op.execute("ALTER TABLE chats DROP COLUMN callback_time")
    op.execute("ALTER TABLE chats DROP COLUMN callback_number")
    op.execute("ALTER TABLE sites DROP COLUMN phone_country")
    op.execute("ALTER TABLE sites DROP COLUMN callbacks")
