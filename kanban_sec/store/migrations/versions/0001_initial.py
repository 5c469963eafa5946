"""The first schema: organisation, chains and links, board, items, comments, change log.

Revision ID: 0001
Revises:
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
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
    op.create_table(
        "meta",
        sa.Column("key", sa.Text, primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_table(
        "org_units",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("parent_id", sa.Text, _fk("org_units.id")),
        *_stamps(),
    )
    op.create_table(
        "people",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("unit_id", sa.Text, _fk("org_units.id")),
        sa.Column("role", sa.Text, nullable=False, server_default="operational"),
        *_stamps(),
        sa.CheckConstraint(
            "role IN ('governing', 'operational', 'controlling')", name="ck_people_role"
        ),
    )
    op.create_table(
        "chains",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("risk_owner_unit_id", sa.Text, _fk("org_units.id")),
        sa.Column("target_maturity", sa.Integer, nullable=False, server_default="3"),
        sa.Column("description", sa.Text, nullable=False, server_default=""),
        *_stamps(),
        sa.CheckConstraint("target_maturity BETWEEN 0 AND 3", name="ck_chains_target"),
    )
    op.create_table(
        "links",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("chain_id", sa.Text, _fk("chains.id"), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("kind", sa.Text, nullable=False, server_default=""),
        sa.Column("country", sa.Text, nullable=False, server_default=""),
        sa.Column("responsible_unit_id", sa.Text, _fk("org_units.id")),
        sa.Column("maturity", sa.Integer, nullable=False, server_default="0"),
        *_stamps(),
        sa.CheckConstraint("maturity BETWEEN 0 AND 3", name="ck_links_maturity"),
    )
    op.create_table(
        "board_columns",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("key", sa.Text, nullable=False, unique=True),
        sa.Column("name_nb", sa.Text, nullable=False),
        sa.Column("name_en", sa.Text, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("wip_limit", sa.Integer),
        sa.Column("wip_hard", sa.Integer, nullable=False, server_default="0"),
        *_stamps(),
        sa.CheckConstraint("wip_limit IS NULL OR wip_limit >= 0", name="ck_columns_wip"),
    )
    op.create_table(
        "items",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("description", sa.Text, nullable=False, server_default=""),
        sa.Column("status", sa.Text, nullable=False, server_default="backlog"),
        sa.Column("chain_id", sa.Text, _fk("chains.id")),
        sa.Column("link_id", sa.Text, _fk("links.id")),
        sa.Column("likelihood", sa.Integer, nullable=False, server_default="3"),
        sa.Column("consequence", sa.Integer, nullable=False, server_default="3"),
        sa.Column("effort", sa.Text),
        sa.Column("owner_unit_id", sa.Text, _fk("org_units.id")),
        sa.Column("owner_person_id", sa.Text, _fk("people.id")),
        sa.Column("framework_ref", sa.Text, nullable=False, server_default=""),
        sa.Column("classification", sa.Text, nullable=False, server_default="open"),
        sa.Column("tags", sa.Text, nullable=False, server_default="[]"),
        sa.Column("checklist", sa.Text, nullable=False, server_default="[]"),
        sa.Column("blocked_reason", sa.Text, nullable=False, server_default=""),
        sa.Column("blocked_at", sa.Text),
        sa.Column("due_date", sa.Text),
        sa.Column("pinned_at", sa.Text),
        sa.Column("pin_reason", sa.Text, nullable=False, server_default=""),
        sa.Column("status_changed_at", sa.Text),
        sa.Column("started_at", sa.Text),
        sa.Column("done_at", sa.Text),
        *_stamps(),
        sa.CheckConstraint(
            "status IN ('backlog', 'next', 'doing', 'verify', 'done')", name="ck_items_status"
        ),
        sa.CheckConstraint("likelihood BETWEEN 1 AND 5", name="ck_items_likelihood"),
        sa.CheckConstraint("consequence BETWEEN 1 AND 5", name="ck_items_consequence"),
        sa.CheckConstraint(
            "effort IS NULL OR effort IN ('XS', 'S', 'M', 'L', 'XL')", name="ck_items_effort"
        ),
        sa.CheckConstraint(
            "classification IN ('open', 'internal', 'confidential')",
            name="ck_items_classification",
        ),
    )
    op.create_index(
        "ix_items_status", "items", ["status"], sqlite_where=sa.text("deleted_at IS NULL")
    )
    op.create_index("ix_items_chain", "items", ["chain_id"])
    op.create_index("ix_items_link", "items", ["link_id"])
    op.create_table(
        "comments",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("item_id", sa.Text, _fk("items.id"), nullable=False),
        sa.Column("author", sa.Text, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        *_stamps(),
    )
    op.create_index("ix_comments_item", "comments", ["item_id"])
    op.create_table(
        "changes",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("id", sa.Text, nullable=False, unique=True),
        sa.Column("entity", sa.Text, nullable=False),
        sa.Column("row_id", sa.Text, nullable=False),
        sa.Column("fields", sa.Text, nullable=False),
        sa.Column("hlc", sa.Integer, nullable=False),
        sa.Column("node_id", sa.Text, nullable=False),
        sa.Column("author", sa.Text, nullable=False),
        sa.Column("at", sa.Text, nullable=False),
        sa.Column("pushed", sa.Integer, nullable=False, server_default="0"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_changes_row", "changes", ["entity", "row_id"])
    op.create_index("ix_changes_unpushed", "changes", ["seq"], sqlite_where=sa.text("pushed = 0"))


def downgrade() -> None:
    for table in (
        "changes",
        "comments",
        "items",
        "board_columns",
        "links",
        "chains",
        "people",
        "org_units",
        "meta",
    ):
        op.drop_table(table)
