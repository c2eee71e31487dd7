"""Invitation and transfer time-outs read from the database by every node (X4).

Each node's invitation timer asks for the earliest pending ``expires_at`` and the due rows: an
index on (state, expires_at) keeps that from reading every invitation ever made.

Revision ID: cluster1
Revises: files_blob1
Create Date: 2026-12-03
"""

from __future__ import annotations

from alembic import op

revision = "cluster1"
down_revision = "files_blob1"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_chat_invitations_state_expires", "chat_invitations", ["state", "expires_at"]
    )


def downgrade() -> None:
    op.drop_index("ix_chat_invitations_state_expires", table_name="chat_invitations")
