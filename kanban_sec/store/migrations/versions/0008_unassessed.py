"""Unassessed likelihood and consequence: an item's value may be missing (nobody has judged
it yet) instead of a silent 3. Existing values are kept: they cannot be told apart from
judged ones.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("items") as batch:
        for name in ("likelihood", "consequence"):
            batch.alter_column(name, existing_type=sa.Integer, nullable=True, server_default=None)


def downgrade() -> None:
    conn = op.get_bind()
    conn.exec_driver_sql("UPDATE items SET likelihood = 3 WHERE likelihood IS NULL")
    conn.exec_driver_sql("UPDATE items SET consequence = 3 WHERE consequence IS NULL")
    with op.batch_alter_table("items") as batch:
        for name in ("likelihood", "consequence"):
            batch.alter_column(name, existing_type=sa.Integer, nullable=False, server_default="3")
