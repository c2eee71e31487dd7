"""File bytes in the database for several nodes (issue 16, X4: ``--files-store database``).

``file_blobs`` (one row per file, ``complete`` once its ``files`` row is committed) and
``file_chunks`` (its bytes in order). On PostgreSQL the chunks are stored uncompressed
(``STORAGE EXTERNAL``): sent files are mostly compressed already (images, PDFs, archives) and
pglz would only spend CPU finding that out on every chunk.

Revision ID: files_blob1
Revises: archive_fts1
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "files_blob1"
down_revision = "archive_fts1"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "file_blobs",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("complete", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("size", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("touched_at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_file_blobs"),
    )
    op.create_index("ix_file_blobs_complete_touched", "file_blobs", ["complete", "touched_at"])
    op.create_table(
        "file_chunks",
        sa.Column("blob_id", sa.String(length=32), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["blob_id"],
            ["file_blobs.id"],
            name="fk_file_chunks_blob_id_file_blobs",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("blob_id", "seq", name="pk_file_chunks"),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE file_chunks ALTER COLUMN data SET STORAGE EXTERNAL")


def downgrade() -> None:
    op.drop_table("file_chunks")
    op.drop_index("ix_file_blobs_complete_touched", table_name="file_blobs")
    op.drop_table("file_blobs")
