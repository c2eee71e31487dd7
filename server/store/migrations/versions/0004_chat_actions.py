"""Chat actions: invitations and transfers (C7/C9), blocked clients (C8), quick phrases (C12).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "chat_invitations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("chat_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("from_agent_id", sa.Integer(), nullable=False),
        sa.Column("to_agent_id", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), server_default="", nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.Column("expires_at", sa.Float(), nullable=False),
        sa.Column("answered_at", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(
            ["chat_id"], ["chats.id"], name=op.f("fk_chat_invitations_chat_id_chats")
        ),
        sa.ForeignKeyConstraint(
            ["from_agent_id"], ["agents.id"], name=op.f("fk_chat_invitations_from_agent_id_agents")
        ),
        sa.ForeignKeyConstraint(
            ["to_agent_id"], ["agents.id"], name=op.f("fk_chat_invitations_to_agent_id_agents")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chat_invitations")),
    )
    op.create_index(
        op.f("ix_chat_invitations_chat_id"), "chat_invitations", ["chat_id"], unique=False
    )
    op.create_table(
        "blocked_clients",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("visitor_id", sa.Integer(), nullable=True),
        sa.Column("ip", sa.String(length=64), server_default="", nullable=False),
        sa.Column("reason", sa.String(length=200), server_default="", nullable=False),
        sa.Column("blocked_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.Column("unblocked_at", sa.Float(), nullable=True),
        sa.Column("unblocked_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["site_id"], ["sites.id"], name=op.f("fk_blocked_clients_site_id_sites")
        ),
        sa.ForeignKeyConstraint(
            ["visitor_id"], ["visitors.id"], name=op.f("fk_blocked_clients_visitor_id_visitors")
        ),
        sa.ForeignKeyConstraint(
            ["blocked_by"], ["agents.id"], name=op.f("fk_blocked_clients_blocked_by_agents")
        ),
        sa.ForeignKeyConstraint(
            ["unblocked_by"], ["agents.id"], name=op.f("fk_blocked_clients_unblocked_by_agents")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_blocked_clients")),
    )
    op.create_index(
        op.f("ix_blocked_clients_visitor_id"), "blocked_clients", ["visitor_id"], unique=False
    )
    op.create_index("ix_blocked_clients_site_ip", "blocked_clients", ["site_id", "ip"])
    op.create_table(
        "quick_phrases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("shortcut", sa.String(length=32), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by"], ["agents.id"], name=op.f("fk_quick_phrases_created_by_agents")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quick_phrases")),
        sa.UniqueConstraint("shortcut", name=op.f("uq_quick_phrases_shortcut")),
    )


def downgrade() -> None:
    op.drop_table("quick_phrases")
    op.drop_index("ix_blocked_clients_site_ip", table_name="blocked_clients")
    op.drop_index(op.f("ix_blocked_clients_visitor_id"), table_name="blocked_clients")
    op.drop_table("blocked_clients")
    op.drop_index(op.f("ix_chat_invitations_chat_id"), table_name="chat_invitations")
    op.drop_table("chat_invitations")
