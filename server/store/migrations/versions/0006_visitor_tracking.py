"""Visitor tracking (V1, C4): visits, source, browser, ISP on visitors; invitation rules (V3).

Revision ID: 0006
Revises: 0004
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0004"
branch_labels = None
depends_on = None

_VISIT_COLUMNS = (
    ("visits", sa.Integer(), "1"),
    ("session_started_at", sa.Float(), "0"),
    ("session_pages", sa.Integer(), "0"),
    ("source", sa.String(length=16), ""),
    ("source_detail", sa.String(length=200), ""),
    ("referrer", sa.Text(), ""),
    ("utm_source", sa.String(length=200), ""),
    ("utm_medium", sa.String(length=200), ""),
    ("utm_campaign", sa.String(length=200), ""),
    ("browser", sa.String(length=100), ""),
    ("os", sa.String(length=100), ""),
    ("isp", sa.String(length=200), ""),
    ("country_code", sa.String(length=8), ""),
)


def upgrade() -> None:
    with op.batch_alter_table("visitors") as batch:
        for name, kind, default in _VISIT_COLUMNS:
            batch.add_column(sa.Column(name, kind, server_default=default, nullable=False))
    op.create_table(
        "invitation_rules",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("agent_name", sa.String(length=200), server_default="", nullable=False),
        sa.Column("agent_photo", sa.Text(), server_default="", nullable=False),
        sa.Column("min_seconds_on_page", sa.Integer(), server_default="0", nullable=False),
        sa.Column("url_pattern", sa.Text(), server_default="", nullable=False),
        sa.Column("min_visits", sa.Integer(), server_default="0", nullable=False),
        sa.Column("referrer_pattern", sa.String(length=200), server_default="", nullable=False),
        sa.Column("utm_source", sa.String(length=200), server_default="", nullable=False),
        sa.Column("utm_campaign", sa.String(length=200), server_default="", nullable=False),
        sa.Column("enabled", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["site_id"], ["sites.id"], name=op.f("fk_invitation_rules_site_id_sites")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invitation_rules")),
    )
    op.create_index(
        op.f("ix_invitation_rules_site_id"), "invitation_rules", ["site_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_invitation_rules_site_id"), table_name="invitation_rules")
    op.drop_table("invitation_rules")
    with op.batch_alter_table("visitors") as batch:
        for name, _kind, _default in reversed(_VISIT_COLUMNS):
            batch.drop_column(name)
