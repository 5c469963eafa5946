"""The annual wheel (recurring activities, and the items they generate) and standups.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
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
        "activities",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("description", sa.Text, nullable=False, server_default=""),
        sa.Column("rrule", sa.Text, nullable=False),
        sa.Column("starts_on", sa.Text, nullable=False),
        sa.Column("lead_days", sa.Integer, nullable=False, server_default="14"),
        sa.Column("overdue", sa.Text, nullable=False, server_default="create"),
        sa.Column("owner_unit_id", sa.Text, _fk("org_units.id")),
        sa.Column("owner_person_id", sa.Text, _fk("people.id")),
        sa.Column("chain_id", sa.Text, _fk("chains.id")),
        sa.Column("link_id", sa.Text, _fk("links.id")),
        sa.Column("likelihood", sa.Integer, nullable=False, server_default="3"),
        sa.Column("consequence", sa.Integer, nullable=False, server_default="3"),
        sa.Column("effort", sa.Text),
        sa.Column("framework_ref", sa.Text, nullable=False, server_default=""),
        sa.Column("tags", sa.Text, nullable=False, server_default="[]"),
        sa.Column("source_item_id", sa.Text),
        sa.Column("active", sa.Integer, nullable=False, server_default="1"),
        *_stamps(),
        sa.CheckConstraint("overdue IN ('create', 'skip')", name="ck_activities_overdue"),
        sa.CheckConstraint("lead_days >= 0", name="ck_activities_lead"),
    )
    # SQLite adds a column with its reference in place (no table rebuild); Alembic's
    # add_column will not emit the reference, so it is written out.
    op.execute(
        "ALTER TABLE items ADD COLUMN activity_id TEXT REFERENCES activities (id)"
        " DEFERRABLE INITIALLY DEFERRED"
    )
    op.add_column("items", sa.Column("occurrence", sa.Text))
    op.create_index("ix_items_activity", "items", ["activity_id", "occurrence"])
    op.create_table(
        "standups",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("held_on", sa.Text, nullable=False),
        sa.Column("started_at", sa.Text, nullable=False),
        sa.Column("ended_at", sa.Text),
        sa.Column("facilitator", sa.Text, nullable=False, server_default=""),
        sa.Column("attendees", sa.Text, nullable=False, server_default="[]"),
        sa.Column("notes", sa.Text, nullable=False, server_default=""),
        sa.Column("snapshot", sa.Text, nullable=False, server_default="{}"),
        *_stamps(),
    )
    op.create_table(
        "standup_notes",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("standup_id", sa.Text, _fk("standups.id"), nullable=False),
        sa.Column("item_id", sa.Text, _fk("items.id")),
        sa.Column("kind", sa.Text, nullable=False, server_default="note"),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("author", sa.Text, nullable=False),
        *_stamps(),
        sa.CheckConstraint("kind IN ('note', 'decision')", name="ck_standup_notes_kind"),
    )
    op.create_index("ix_standup_notes_standup", "standup_notes", ["standup_id"])


def downgrade() -> None:
    op.drop_table("standup_notes")
    op.drop_table("standups")
    op.drop_index("ix_items_activity", "items")
    with op.batch_alter_table("items") as batch:
        batch.drop_column("occurrence")
        batch.drop_column("activity_id")
    op.drop_table("activities")
