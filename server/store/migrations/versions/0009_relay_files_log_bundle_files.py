"""Log bundles on disk (finding 11): ``data`` may be empty, ``file`` names the bundle's file.

Revision ID: 0009_relay_files
Revises: 0006
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_relay_files"
down_revision = "0009_deskfeat"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("log_bundles") as batch:
        batch.alter_column("data", existing_type=sa.LargeBinary(), nullable=True)
        batch.add_column(sa.Column("file", sa.String(length=64), nullable=True))


def downgrade() -> None:
    op.execute("DELETE FROM log_bundles WHERE data IS NULL")
    with op.batch_alter_table("log_bundles") as batch:
        batch.drop_column("file")
        batch.alter_column("data", existing_type=sa.LargeBinary(), nullable=False)
