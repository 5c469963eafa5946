"""Sync: changes the server refused (set aside, not pushed again until redone), pulled
changes the board cannot apply (quarantined). Both are this replica's own (never synced).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "refused_changes",
        sa.Column("change_id", sa.Text, primary_key=True),
        sa.Column("code", sa.Text, nullable=False, server_default=""),
        sa.Column("reason", sa.Text, nullable=False, server_default=""),
        sa.Column("refused_at", sa.Text, nullable=False),
    )
    op.create_table(
        "quarantine",
        sa.Column("change_id", sa.Text, primary_key=True),
        sa.Column("entity", sa.Text, nullable=False, server_default=""),
        sa.Column("row_id", sa.Text, nullable=False, server_default=""),
        sa.Column("change", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("pos_xid", sa.Integer),
        sa.Column("pos_seq", sa.Integer),
        sa.Column("quarantined_at", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("quarantine")
    op.drop_table("refused_changes")
