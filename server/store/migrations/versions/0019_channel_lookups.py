"""Reply channels' lookups (C10/C19, issue 21): a thread's messages (the composer's WhatsApp
24-hour window, an e-mail reply's References) and a provider's status report by message id,
each an index instead of a scan of every message that crossed a channel.

Revision ID: chanrow1
Revises: callback1
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision = "chanrow1"
down_revision = "callback1"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_channel_messages_thread", "channel_messages", ["thread_id", "direction"])
    op.create_index("ix_channel_outbox_provider", "channel_outbox", ["channel_id", "provider_id"])


def downgrade() -> None:
    op.drop_index("ix_channel_outbox_provider", table_name="channel_outbox")
    op.drop_index("ix_channel_messages_thread", table_name="channel_messages")
