"""ROS analysis: information values, ROS risks, data flows and analyses per chain; who runs
a link (the chain map's boundary); an item's ROS risk (it is a measure of it); decisions on
a ROS risk. Items nobody ever assessed (still the old default 3 × 3 from when they were made,
never set again, no decision taken on them) become unassessed.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
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


def _assessment(side: str) -> list[Any]:
    return [
        sa.Column(side, sa.Integer),
        sa.Column(f"{side}_by", sa.Text, _fk("people.id")),
        sa.Column(f"{side}_at", sa.Text),
        sa.Column(f"{side}_note", sa.Text, nullable=False, server_default=""),
        sa.Column(f"{side}_knowledge", sa.Text),
        sa.CheckConstraint(f"{side} BETWEEN 1 AND 5", name=f"ck_ros_risks_{side}"),
        sa.CheckConstraint(
            f"{side}_knowledge IS NULL OR {side}_knowledge IN ('low', 'medium', 'high')",
            name=f"ck_ros_risks_{side}_knowledge",
        ),
    ]


# An item nobody assessed: still the old default pair 3 × 3 it was made with (versions
# before 0008 gave every new item that), neither value set again by any later record, and
# no risk decision taken on it (an acceptance keeps what it was taken on), and not made by
# the annual wheel (its activity's defaults are the owner's assessment). A pair someone
# judged otherwise, or changed since, stays as it is.
_SET_AGAIN = """
EXISTS (SELECT 1 FROM changes c
        WHERE c.entity = 'item' AND c.row_id = items.id
          AND json_extract(c.fields, '$.{name}[1]') IS NOT NULL)
"""
_NEVER_ASSESSED = f"""
UPDATE items SET likelihood = NULL, consequence = NULL
WHERE likelihood = 3 AND consequence = 3 AND activity_id IS NULL
  AND NOT {_SET_AGAIN.format(name="likelihood")}
  AND NOT {_SET_AGAIN.format(name="consequence")}
  AND NOT EXISTS (SELECT 1 FROM risk_decisions d WHERE d.item_id = items.id)
"""


def upgrade() -> None:
    op.create_table(
        "info_values",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("chain_id", sa.Text, _fk("chains.id"), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("confidentiality", sa.Integer),
        sa.Column("integrity", sa.Integer),
        sa.Column("availability", sa.Integer),
        sa.Column("set_by", sa.Text, _fk("people.id")),
        sa.Column("set_at", sa.Text),
        sa.Column("notes", sa.Text, nullable=False, server_default=""),
        *_stamps(),
        sa.CheckConstraint("confidentiality BETWEEN 1 AND 5", name="ck_info_values_c"),
        sa.CheckConstraint("integrity BETWEEN 1 AND 5", name="ck_info_values_i"),
        sa.CheckConstraint("availability BETWEEN 1 AND 5", name="ck_info_values_a"),
    )
    op.create_index("ix_info_values_chain", "info_values", ["chain_id"])
    op.create_table(
        "ros_risks",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("chain_id", sa.Text, _fk("chains.id"), nullable=False),
        sa.Column("link_id", sa.Text, _fk("links.id")),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("threat", sa.Text, nullable=False, server_default=""),
        sa.Column("vulnerability", sa.Text, nullable=False, server_default=""),
        sa.Column("existing_measures", sa.Text, nullable=False, server_default=""),
        sa.Column("value_ids", sa.Text, nullable=False, server_default="[]"),
        *_assessment("likelihood"),
        *_assessment("consequence"),
        sa.Column("inherent_likelihood", sa.Integer),
        sa.Column("inherent_consequence", sa.Integer),
        sa.Column("target_likelihood", sa.Integer),
        sa.Column("target_consequence", sa.Integer),
        *_stamps(),
    )
    op.create_index("ix_ros_risks_chain", "ros_risks", ["chain_id"])
    op.create_table(
        "data_flows",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("chain_id", sa.Text, _fk("chains.id"), nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("from_link_id", sa.Text, _fk("links.id"), nullable=False),
        sa.Column("to_link_id", sa.Text, _fk("links.id"), nullable=False),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("notes", sa.Text, nullable=False, server_default=""),
        *_stamps(),
        sa.CheckConstraint("number >= 1", name="ck_data_flows_number"),
    )
    op.create_index("ix_data_flows_chain", "data_flows", ["chain_id"])
    op.create_table(
        "ros_analyses",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("chain_id", sa.Text, _fk("chains.id"), nullable=False),
        sa.Column("held_on", sa.Text, nullable=False),
        sa.Column("participants", sa.Text, nullable=False, server_default="[]"),
        sa.Column("risk_ids", sa.Text, nullable=False, server_default="[]"),
        sa.Column("decisions", sa.Text, nullable=False, server_default=""),
        sa.Column("notes", sa.Text, nullable=False, server_default=""),
        sa.Column("bands", sa.Text, nullable=False, server_default=""),
        sa.Column("scales", sa.Text, nullable=False, server_default="{}"),
        sa.Column("activity_id", sa.Text, _fk("activities.id")),
        sa.Column("occurrence", sa.Text),
        *_stamps(),
    )
    op.create_index("ix_ros_analyses_chain", "ros_analyses", ["chain_id"])
    # In place: links is a parent table (items, risks and flows refer to it), and rebuilding
    # a parent while foreign keys are enforced leaves SQLite counting its children as
    # violations at commit.
    op.execute(
        "ALTER TABLE links ADD COLUMN run_by TEXT NOT NULL DEFAULT 'municipality'"
        " CONSTRAINT ck_links_run_by CHECK (run_by IN ('municipality', 'supplier'))"
    )
    # SQLite adds a column with its reference in place (no rebuild of 100,000 items).
    op.execute(
        "ALTER TABLE items ADD COLUMN risk_id TEXT REFERENCES ros_risks (id)"
        " DEFERRABLE INITIALLY DEFERRED"
    )
    op.create_index("ix_items_risk", "items", ["risk_id"])
    with op.batch_alter_table("risk_decisions", recreate="always") as batch:
        batch.add_column(sa.Column("risk_id", sa.Text))
        # Deferred like every reference, so a pull may bring the risk after its decision.
        batch.create_foreign_key(
            "fk_risk_decisions_risk",
            "ros_risks",
            ["risk_id"],
            ["id"],
            deferrable=True,
            initially="DEFERRED",
        )
        batch.drop_constraint("ck_risk_decisions_target", type_="check")
        batch.create_check_constraint(
            "ck_risk_decisions_target",
            "item_id IS NOT NULL OR chain_id IS NOT NULL OR risk_id IS NOT NULL",
        )
        batch.create_index("ix_risk_decisions_risk", ["risk_id"])
    op.get_bind().exec_driver_sql(_NEVER_ASSESSED)


def downgrade() -> None:
    with op.batch_alter_table("risk_decisions", recreate="always") as batch:
        batch.drop_index("ix_risk_decisions_risk")
        batch.drop_constraint("ck_risk_decisions_target", type_="check")
        batch.drop_column("risk_id")
        batch.create_check_constraint(
            "ck_risk_decisions_target", "item_id IS NOT NULL OR chain_id IS NOT NULL"
        )
    with op.batch_alter_table("items") as batch:
        batch.drop_index("ix_items_risk")
        batch.drop_column("risk_id")
    with op.batch_alter_table("links", recreate="always") as batch:
        batch.drop_constraint("ck_links_run_by", type_="check")
        batch.drop_column("run_by")
    for table in ("ros_analyses", "data_flows", "ros_risks", "info_values"):
        op.drop_table(table)
