"""CRM (issue 17): clients with custom fields, merges and their log, the search index, sales
funnels and stages, deals, and tasks whose reminders are timer rows (``remind_at``, indexed,
claimed once by one node).

Revision ID: crm1
Revises: cluster1
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "crm1"
down_revision = "cluster1"
branch_labels = None
depends_on = None

# A byte-ordered prefix range on PostgreSQL too (see server.store.schema.crm_search).
SEARCH_TERM = sa.String(100).with_variant(sa.String(100, collation="C"), "postgresql")


def upgrade() -> None:
    op.create_table(
        "crm_client_log",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("ts", sa.Float(), nullable=False),
        sa.Column("agent_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("field", sa.String(length=64), server_default="", nullable=False),
        sa.Column("old", sa.Text(), server_default="", nullable=False),
        sa.Column("new", sa.Text(), server_default="", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crm_client_log")),
    )
    op.create_index(
        op.f("ix_crm_client_log_client_id"), "crm_client_log", ["client_id"], unique=False
    )
    op.create_table(
        "crm_fields",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("options", sa.Text(), server_default="[]", nullable=False),
        sa.Column("position", sa.Integer(), server_default="0", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crm_fields")),
    )
    op.create_table(
        "crm_funnels",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("visibility", sa.String(length=8), server_default="all", nullable=False),
        sa.Column("position", sa.Integer(), server_default="0", nullable=False),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crm_funnels")),
    )
    op.create_table(
        "crm_clients",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), server_default="", nullable=False),
        sa.Column("email", sa.String(length=200), server_default="", nullable=False),
        sa.Column("phone", sa.String(length=200), server_default="", nullable=False),
        sa.Column("company", sa.String(length=200), server_default="", nullable=False),
        sa.Column("notes", sa.Text(), server_default="", nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("sort_name", sa.String(length=200), server_default="", nullable=False),
        sa.Column("email_norm", sa.String(length=200), server_default="", nullable=False),
        sa.Column("phone_norm", sa.String(length=64), server_default="", nullable=False),
        sa.Column("merged_into", sa.Integer(), nullable=True),
        sa.Column("field_times", sa.Text(), server_default="{}", nullable=False),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.Column("updated_at", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["agents.id"], name=op.f("fk_crm_clients_owner_id_agents")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crm_clients")),
    )
    op.create_index(
        "ix_crm_clients_created", "crm_clients", ["merged_into", "created_at", "id"], unique=False
    )
    op.create_index(op.f("ix_crm_clients_email_norm"), "crm_clients", ["email_norm"], unique=False)
    op.create_index(op.f("ix_crm_clients_owner_id"), "crm_clients", ["owner_id"], unique=False)
    op.create_index(op.f("ix_crm_clients_phone_norm"), "crm_clients", ["phone_norm"], unique=False)
    op.create_index(
        "ix_crm_clients_sort", "crm_clients", ["merged_into", "sort_name", "id"], unique=False
    )
    op.create_index(
        "ix_crm_clients_updated", "crm_clients", ["merged_into", "updated_at", "id"], unique=False
    )
    op.create_table(
        "crm_stages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("funnel_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=8), server_default="open", nullable=False),
        sa.Column("position", sa.Integer(), server_default="0", nullable=False),
        sa.Column("time_limit_hours", sa.Integer(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(
            ["funnel_id"], ["crm_funnels.id"], name=op.f("fk_crm_stages_funnel_id_crm_funnels")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crm_stages")),
    )
    op.create_index(op.f("ix_crm_stages_funnel_id"), "crm_stages", ["funnel_id"], unique=False)
    op.create_table(
        "crm_client_tags",
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("tag", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"], ["crm_clients.id"], name=op.f("fk_crm_client_tags_client_id_crm_clients")
        ),
        sa.PrimaryKeyConstraint("client_id", "tag", name=op.f("pk_crm_client_tags")),
    )
    op.create_index(op.f("ix_crm_client_tags_tag"), "crm_client_tags", ["tag"], unique=False)
    op.create_table(
        "crm_client_visitors",
        sa.Column("visitor_id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["crm_clients.id"],
            name=op.f("fk_crm_client_visitors_client_id_crm_clients"),
        ),
        sa.ForeignKeyConstraint(
            ["visitor_id"], ["visitors.id"], name=op.f("fk_crm_client_visitors_visitor_id_visitors")
        ),
        sa.PrimaryKeyConstraint("visitor_id", name=op.f("pk_crm_client_visitors")),
    )
    op.create_index(
        op.f("ix_crm_client_visitors_client_id"), "crm_client_visitors", ["client_id"], unique=False
    )
    op.create_table(
        "crm_deals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("funnel_id", sa.Integer(), nullable=False),
        sa.Column("stage_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=True),
        sa.Column("value_minor", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("currency", sa.String(length=3), server_default="EUR", nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("expected_close", sa.String(length=10), server_default="", nullable=False),
        sa.Column("lost_reason", sa.Text(), server_default="", nullable=False),
        sa.Column("stage_since", sa.Float(), nullable=False),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.Column("updated_at", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"], ["crm_clients.id"], name=op.f("fk_crm_deals_client_id_crm_clients")
        ),
        sa.ForeignKeyConstraint(
            ["funnel_id"], ["crm_funnels.id"], name=op.f("fk_crm_deals_funnel_id_crm_funnels")
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["agents.id"], name=op.f("fk_crm_deals_owner_id_agents")
        ),
        sa.ForeignKeyConstraint(
            ["stage_id"], ["crm_stages.id"], name=op.f("fk_crm_deals_stage_id_crm_stages")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crm_deals")),
    )
    op.create_index(op.f("ix_crm_deals_client_id"), "crm_deals", ["client_id"], unique=False)
    op.create_index(
        "ix_crm_deals_funnel_stage", "crm_deals", ["funnel_id", "stage_id"], unique=False
    )
    op.create_index(op.f("ix_crm_deals_owner_id"), "crm_deals", ["owner_id"], unique=False)
    op.create_index(op.f("ix_crm_deals_stage_id"), "crm_deals", ["stage_id"], unique=False)
    op.create_table(
        "crm_field_values",
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("field_id", sa.Integer(), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["crm_clients.id"],
            name=op.f("fk_crm_field_values_client_id_crm_clients"),
        ),
        sa.ForeignKeyConstraint(
            ["field_id"], ["crm_fields.id"], name=op.f("fk_crm_field_values_field_id_crm_fields")
        ),
        sa.PrimaryKeyConstraint("client_id", "field_id", name=op.f("pk_crm_field_values")),
    )
    op.create_index(
        op.f("ix_crm_field_values_field_id"), "crm_field_values", ["field_id"], unique=False
    )
    op.create_table(
        "crm_merges",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("into_id", sa.Integer(), nullable=False),
        sa.Column("from_id", sa.Integer(), nullable=False),
        sa.Column("agent_id", sa.Integer(), nullable=True),
        sa.Column("ts", sa.Float(), nullable=False),
        sa.Column("snapshot", sa.Text(), nullable=False),
        sa.Column("undone_at", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(
            ["from_id"], ["crm_clients.id"], name=op.f("fk_crm_merges_from_id_crm_clients")
        ),
        sa.ForeignKeyConstraint(
            ["into_id"], ["crm_clients.id"], name=op.f("fk_crm_merges_into_id_crm_clients")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crm_merges")),
    )
    op.create_index(op.f("ix_crm_merges_into_id"), "crm_merges", ["into_id"], unique=False)
    op.create_table(
        "crm_search",
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column(
            "term",
            sa.String(length=100).with_variant(sa.String(length=100, collation="C"), "postgresql"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["client_id"], ["crm_clients.id"], name=op.f("fk_crm_search_client_id_crm_clients")
        ),
        sa.PrimaryKeyConstraint("client_id", "term", name=op.f("pk_crm_search")),
    )
    op.create_index("ix_crm_search_term", "crm_search", ["term", "client_id"], unique=False)
    op.create_table(
        "crm_tasks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("note", sa.Text(), server_default="", nullable=False),
        sa.Column("due_at", sa.Float(), nullable=False),
        sa.Column("assignee_id", sa.Integer(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.Column("notify", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=True),
        sa.Column("deal_id", sa.Integer(), nullable=True),
        sa.Column("chat_id", sa.Integer(), nullable=True),
        sa.Column("done", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("remind_at", sa.Float(), nullable=True),
        sa.Column("reminder_pending", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.Column("updated_at", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["assignee_id"], ["agents.id"], name=op.f("fk_crm_tasks_assignee_id_agents")
        ),
        sa.ForeignKeyConstraint(["chat_id"], ["chats.id"], name=op.f("fk_crm_tasks_chat_id_chats")),
        sa.ForeignKeyConstraint(
            ["client_id"], ["crm_clients.id"], name=op.f("fk_crm_tasks_client_id_crm_clients")
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["agents.id"], name=op.f("fk_crm_tasks_created_by_agents")
        ),
        sa.ForeignKeyConstraint(
            ["deal_id"], ["crm_deals.id"], name=op.f("fk_crm_tasks_deal_id_crm_deals")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crm_tasks")),
    )
    op.create_index(op.f("ix_crm_tasks_assignee_id"), "crm_tasks", ["assignee_id"], unique=False)
    op.create_index(op.f("ix_crm_tasks_client_id"), "crm_tasks", ["client_id"], unique=False)
    op.create_index(op.f("ix_crm_tasks_remind_at"), "crm_tasks", ["remind_at"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_crm_tasks_remind_at"), table_name="crm_tasks")
    op.drop_index(op.f("ix_crm_tasks_client_id"), table_name="crm_tasks")
    op.drop_index(op.f("ix_crm_tasks_assignee_id"), table_name="crm_tasks")
    op.drop_table("crm_tasks")
    op.drop_index("ix_crm_search_term", table_name="crm_search")
    op.drop_table("crm_search")
    op.drop_index(op.f("ix_crm_merges_into_id"), table_name="crm_merges")
    op.drop_table("crm_merges")
    op.drop_index(op.f("ix_crm_field_values_field_id"), table_name="crm_field_values")
    op.drop_table("crm_field_values")
    op.drop_index(op.f("ix_crm_deals_stage_id"), table_name="crm_deals")
    op.drop_index(op.f("ix_crm_deals_owner_id"), table_name="crm_deals")
    op.drop_index("ix_crm_deals_funnel_stage", table_name="crm_deals")
    op.drop_index(op.f("ix_crm_deals_client_id"), table_name="crm_deals")
    op.drop_table("crm_deals")
    op.drop_index(op.f("ix_crm_client_visitors_client_id"), table_name="crm_client_visitors")
    op.drop_table("crm_client_visitors")
    op.drop_index(op.f("ix_crm_client_tags_tag"), table_name="crm_client_tags")
    op.drop_table("crm_client_tags")
    op.drop_index(op.f("ix_crm_stages_funnel_id"), table_name="crm_stages")
    op.drop_table("crm_stages")
    op.drop_index("ix_crm_clients_updated", table_name="crm_clients")
    op.drop_index("ix_crm_clients_sort", table_name="crm_clients")
    op.drop_index(op.f("ix_crm_clients_phone_norm"), table_name="crm_clients")
    op.drop_index(op.f("ix_crm_clients_owner_id"), table_name="crm_clients")
    op.drop_index(op.f("ix_crm_clients_email_norm"), table_name="crm_clients")
    op.drop_index("ix_crm_clients_created", table_name="crm_clients")
    op.drop_table("crm_clients")
    op.drop_table("crm_funnels")
    op.drop_table("crm_fields")
    op.drop_index(op.f("ix_crm_client_log_client_id"), table_name="crm_client_log")
    op.drop_table("crm_client_log")
