"""Risk governance: risk decisions, verifications, board settings (policy, acceptance
bands), and whether a transfer included confidential details (reports count too).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _fk(target: str) -> sa.ForeignKey:
    return sa.ForeignKey(target, deferrable=True, initially="DEFERRED")


def _stamps() -> list[sa.Column]:
    return [
        sa.Column("created_at", sa.Text, nullable=False),
        sa.Column("updated_at", sa.Text, nullable=False),
        sa.Column("deleted_at", sa.Text),
    ]


def upgrade() -> None:
    with op.batch_alter_table("transfers", recreate="always") as batch:
        batch.add_column(sa.Column("confidential", sa.Integer, nullable=False, server_default="0"))
        batch.drop_constraint("ck_transfers_kind", type_="check")
        batch.create_check_constraint("ck_transfers_kind", "kind IN ('export', 'import', 'report')")
    op.create_table(
        "risk_decisions",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("item_id", sa.Text, _fk("items.id")),
        sa.Column("chain_id", sa.Text, _fk("chains.id")),
        sa.Column("recommendation", sa.Text),
        sa.Column("recommended_by", sa.Text, _fk("people.id")),
        sa.Column("recommendation_note", sa.Text, nullable=False, server_default=""),
        sa.Column("decision", sa.Text),
        sa.Column("decided_by", sa.Text, _fk("people.id")),
        sa.Column("rationale", sa.Text, nullable=False, server_default=""),
        sa.Column("valid_until", sa.Text),
        sa.Column("decided_at", sa.Text),
        *_stamps(),
        sa.CheckConstraint(
            "item_id IS NOT NULL OR chain_id IS NOT NULL", name="ck_risk_decisions_target"
        ),
        sa.CheckConstraint(
            "recommendation IS NULL OR recommendation IN ('accept', 'reduce', 'share', 'avoid')",
            name="ck_risk_decisions_recommendation",
        ),
        sa.CheckConstraint(
            "decision IS NULL OR decision IN ('accept', 'reduce', 'share', 'avoid')",
            name="ck_risk_decisions_decision",
        ),
    )
    op.create_index("ix_risk_decisions_item", "risk_decisions", ["item_id"])
    op.create_index("ix_risk_decisions_chain", "risk_decisions", ["chain_id"])
    op.create_table(
        "verifications",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("item_id", sa.Text, _fk("items.id"), nullable=False),
        sa.Column("verdict", sa.Text, nullable=False),
        sa.Column("verified_by", sa.Text, _fk("people.id"), nullable=False),
        sa.Column("evidence", sa.Text, nullable=False),
        *_stamps(),
        sa.CheckConstraint("verdict IN ('approved', 'rejected')", name="ck_verifications_verdict"),
    )
    op.create_index("ix_verifications_item", "verifications", ["item_id"])
    op.create_table(
        "settings",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
        *_stamps(),
    )


def downgrade() -> None:
    op.drop_table("settings")
    op.drop_table("verifications")
    op.drop_table("risk_decisions")
    with op.batch_alter_table("transfers", recreate="always") as batch:
        batch.drop_constraint("ck_transfers_kind", type_="check")
        batch.drop_column("confidential")
        batch.create_check_constraint("ck_transfers_kind", "kind IN ('export', 'import')")
