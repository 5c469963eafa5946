"""Sync: each change's server position and the pull cursor it was made on; conflicts.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("changes") as batch:
        batch.add_column(sa.Column("pos_xid", sa.Integer))
        batch.add_column(sa.Column("pos_seq", sa.Integer))
        batch.add_column(sa.Column("base_xid", sa.Integer))
        batch.add_column(sa.Column("base_seq", sa.Integer))
    op.create_index("ix_changes_pos", "changes", ["pos_xid", "pos_seq"])
    op.create_table(
        "conflicts",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("entity", sa.Text, nullable=False),
        sa.Column("row_id", sa.Text, nullable=False),
        sa.Column("field", sa.Text, nullable=False),
        sa.Column("winner_change", sa.Text, nullable=False),
        sa.Column("loser_change", sa.Text, nullable=False),
        sa.Column("winner_value", sa.Text),
        sa.Column("loser_value", sa.Text),
        sa.Column("loser_author", sa.Text, nullable=False, server_default=""),
        sa.Column("loser_at", sa.Text),
        sa.Column("created_at", sa.Text, nullable=False),
        sa.Column("updated_at", sa.Text, nullable=False),
        sa.Column("deleted_at", sa.Text),
        sa.Column("resolved_at", sa.Text),
        sa.Column("resolution", sa.Text),
        sa.Column("resolved_by", sa.Text),
    )
    op.create_index("ix_conflicts_row", "conflicts", ["entity", "row_id"])


def downgrade() -> None:
    op.drop_table("conflicts")
    op.drop_index("ix_changes_pos", "changes")
    with op.batch_alter_table("changes") as batch:
        for name in ("base_seq", "base_xid", "pos_seq", "pos_xid"):
            batch.drop_column(name)
