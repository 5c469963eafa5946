"""The rulebook: whether an item needs verification (fixed when it enters Verify), why an
acceptance became void, and what each risk decision covers.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("items") as batch:
        batch.add_column(
            sa.Column("needs_verification", sa.Integer, nullable=False, server_default="0")
        )
        batch.add_column(sa.Column("acceptance_void", sa.Text, nullable=False, server_default=""))
    with op.batch_alter_table("risk_decisions") as batch:
        batch.add_column(sa.Column("covers", sa.Text))
    # Decisions taken before this version cover what their items are now.
    conn = op.get_bind()
    items = {
        r[0]: r
        for r in conn.exec_driver_sql(
            "SELECT id, likelihood, consequence, chain_id, link_id, status FROM items"
            " WHERE deleted_at IS NULL"
        ).all()
    }
    for decision_id, item_id, chain_id in conn.exec_driver_sql(
        "SELECT id, item_id, chain_id FROM risk_decisions WHERE decision IS NOT NULL"
    ).all():
        covered = (
            [items[item_id]]
            if item_id in items
            else []
            if item_id
            else [r for r in items.values() if r[3] == chain_id and r[5] != "done"]
        )
        covers = {r[0]: [r[1], r[2], r[3], r[4]] for r in covered}
        conn.exec_driver_sql(
            "UPDATE risk_decisions SET covers = ? WHERE id = ?",
            (json.dumps(covers, sort_keys=True), decision_id),
        )


def downgrade() -> None:
    with op.batch_alter_table("risk_decisions") as batch:
        batch.drop_column("covers")
    with op.batch_alter_table("items") as batch:
        batch.drop_column("acceptance_void")
        batch.drop_column("needs_verification")
