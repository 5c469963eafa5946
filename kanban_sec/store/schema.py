"""The tables, as SQLAlchemy Core metadata. Alembic migrations own the real schema;
a test checks that migrating a new database gives exactly these tables."""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Table,
    Text,
    text,
)

metadata = MetaData()


def _fk(target: str) -> ForeignKey:
    # Deferred, so a batch of changes (an import, a sync pull) may arrive in any order.
    return ForeignKey(target, deferrable=True, initially="DEFERRED")


def _stamps() -> list[Column]:
    return [
        Column("created_at", Text, nullable=False),
        Column("updated_at", Text, nullable=False),
        Column("deleted_at", Text),
    ]


meta = Table(
    "meta",
    metadata,
    Column("key", Text, primary_key=True),
    Column("value", Text, nullable=False),
)

org_units = Table(
    "org_units",
    metadata,
    Column("id", Text, primary_key=True),
    Column("name", Text, nullable=False),
    Column("parent_id", Text, _fk("org_units.id")),
    *_stamps(),
)

people = Table(
    "people",
    metadata,
    Column("id", Text, primary_key=True),
    Column("name", Text, nullable=False),
    Column("unit_id", Text, _fk("org_units.id")),
    Column("role", Text, nullable=False, server_default="operational"),
    *_stamps(),
    CheckConstraint("role IN ('governing', 'operational', 'controlling')", name="ck_people_role"),
)

chains = Table(
    "chains",
    metadata,
    Column("id", Text, primary_key=True),
    Column("name", Text, nullable=False),
    Column("risk_owner_unit_id", Text, _fk("org_units.id")),
    Column("target_maturity", Integer, nullable=False, server_default="3"),
    Column("description", Text, nullable=False, server_default=""),
    *_stamps(),
    CheckConstraint("target_maturity BETWEEN 0 AND 3", name="ck_chains_target"),
)

links = Table(
    "links",
    metadata,
    Column("id", Text, primary_key=True),
    Column("chain_id", Text, _fk("chains.id"), nullable=False),
    Column("name", Text, nullable=False),
    Column("kind", Text, nullable=False, server_default=""),
    Column("country", Text, nullable=False, server_default=""),
    Column("responsible_unit_id", Text, _fk("org_units.id")),
    Column("maturity", Integer, nullable=False, server_default="0"),
    *_stamps(),
    # Who runs it: the municipality or a supplier (the chain map's boundary).
    Column("run_by", Text, nullable=False, server_default="municipality"),
    CheckConstraint("maturity BETWEEN 0 AND 3", name="ck_links_maturity"),
    CheckConstraint("run_by IN ('municipality', 'supplier')", name="ck_links_run_by"),
)

board_columns = Table(
    "board_columns",
    metadata,
    Column("id", Text, primary_key=True),
    Column("key", Text, nullable=False, unique=True),
    Column("name_nb", Text, nullable=False),
    Column("name_en", Text, nullable=False),
    Column("position", Integer, nullable=False),
    Column("wip_limit", Integer),
    Column("wip_hard", Integer, nullable=False, server_default="0"),
    *_stamps(),
    CheckConstraint("wip_limit IS NULL OR wip_limit >= 0", name="ck_columns_wip"),
)

items = Table(
    "items",
    metadata,
    Column("id", Text, primary_key=True),
    Column("title", Text, nullable=False),
    Column("description", Text, nullable=False, server_default=""),
    Column("status", Text, nullable=False, server_default="backlog"),
    Column("chain_id", Text, _fk("chains.id")),
    Column("link_id", Text, _fk("links.id")),
    Column("likelihood", Integer),
    Column("consequence", Integer),
    Column("effort", Text),
    Column("owner_unit_id", Text, _fk("org_units.id")),
    Column("owner_person_id", Text, _fk("people.id")),
    Column("framework_ref", Text, nullable=False, server_default=""),
    Column("classification", Text, nullable=False, server_default="open"),
    Column("tags", Text, nullable=False, server_default="[]"),
    Column("checklist", Text, nullable=False, server_default="[]"),
    Column("blocked_reason", Text, nullable=False, server_default=""),
    Column("blocked_at", Text),
    Column("due_date", Text),
    Column("pinned_at", Text),
    Column("pin_reason", Text, nullable=False, server_default=""),
    Column("status_changed_at", Text),
    Column("started_at", Text),
    Column("done_at", Text),
    *_stamps(),
    # The annual wheel's activity that generated the item, and for which occurrence.
    Column("activity_id", Text, _fk("activities.id")),
    Column("occurrence", Text),
    # Whether a controlling member must verify it before done: fixed when it enters
    # Verify (the policy then), never lifted by a lower score afterwards.
    Column("needs_verification", Integer, nullable=False, server_default="0"),
    # Why an acceptance that covered the item no longer does ("" while none was voided).
    Column("acceptance_void", Text, nullable=False, server_default=""),
    # The ROS risk this item is a measure of (it then takes the risk's L × C).
    Column("risk_id", Text, _fk("ros_risks.id")),
    CheckConstraint(
        "status IN ('backlog', 'next', 'doing', 'verify', 'done')", name="ck_items_status"
    ),
    CheckConstraint("likelihood BETWEEN 1 AND 5", name="ck_items_likelihood"),
    CheckConstraint("consequence BETWEEN 1 AND 5", name="ck_items_consequence"),
    CheckConstraint(
        "effort IS NULL OR effort IN ('XS', 'S', 'M', 'L', 'XL')", name="ck_items_effort"
    ),
    CheckConstraint(
        "classification IN ('open', 'internal', 'confidential')", name="ck_items_classification"
    ),
)
Index("ix_items_status", items.c.status, sqlite_where=text("deleted_at IS NULL"))
Index("ix_items_chain", items.c.chain_id)
Index("ix_items_link", items.c.link_id)
Index("ix_items_activity", items.c.activity_id, items.c.occurrence)
Index("ix_items_risk", items.c.risk_id)

activities = Table(
    "activities",
    metadata,
    Column("id", Text, primary_key=True),
    Column("title", Text, nullable=False),
    Column("description", Text, nullable=False, server_default=""),
    # RFC 5545 recurrence rule, e.g. "FREQ=MONTHLY;BYMONTHDAY=1".
    Column("rrule", Text, nullable=False),
    Column("starts_on", Text, nullable=False),
    # Days before an occurrence that its item appears in the backlog.
    Column("lead_days", Integer, nullable=False, server_default="14"),
    # A missed occurrence: "create" its item late, or "skip" to the next one.
    Column("overdue", Text, nullable=False, server_default="create"),
    Column("owner_unit_id", Text, _fk("org_units.id")),
    Column("owner_person_id", Text, _fk("people.id")),
    Column("chain_id", Text, _fk("chains.id")),
    Column("link_id", Text, _fk("links.id")),
    Column("likelihood", Integer, nullable=False, server_default="3"),
    Column("consequence", Integer, nullable=False, server_default="3"),
    Column("effort", Text),
    Column("framework_ref", Text, nullable=False, server_default=""),
    Column("tags", Text, nullable=False, server_default="[]"),
    # The item whose link reached its target and is now kept there ("keep it there").
    # (No reference: items already refer to activities, and SQLite cannot add a cycle.)
    Column("source_item_id", Text),
    Column("active", Integer, nullable=False, server_default="1"),
    *_stamps(),
    CheckConstraint("overdue IN ('create', 'skip')", name="ck_activities_overdue"),
    CheckConstraint("lead_days >= 0", name="ck_activities_lead"),
)

standups = Table(
    "standups",
    metadata,
    Column("id", Text, primary_key=True),
    Column("held_on", Text, nullable=False),
    Column("started_at", Text, nullable=False),
    Column("ended_at", Text),
    Column("facilitator", Text, nullable=False, server_default=""),
    # JSON list of person ids.
    Column("attendees", Text, nullable=False, server_default="[]"),
    Column("notes", Text, nullable=False, server_default=""),
    # JSON: the board as it was when the standup started (rank, status, owner per item).
    Column("snapshot", Text, nullable=False, server_default="{}"),
    *_stamps(),
)

standup_notes = Table(
    "standup_notes",
    metadata,
    Column("id", Text, primary_key=True),
    Column("standup_id", Text, _fk("standups.id"), nullable=False),
    Column("item_id", Text, _fk("items.id")),
    Column("kind", Text, nullable=False, server_default="note"),
    Column("body", Text, nullable=False),
    Column("author", Text, nullable=False),
    *_stamps(),
    CheckConstraint("kind IN ('note', 'decision')", name="ck_standup_notes_kind"),
)
Index("ix_standup_notes_standup", standup_notes.c.standup_id)

comments = Table(
    "comments",
    metadata,
    Column("id", Text, primary_key=True),
    Column("item_id", Text, _fk("items.id"), nullable=False),
    Column("author", Text, nullable=False),
    Column("body", Text, nullable=False),
    *_stamps(),
)
Index("ix_comments_item", comments.c.item_id)

changes = Table(
    "changes",
    metadata,
    # Local order of writing; the change id is what identifies a change everywhere.
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("id", Text, nullable=False, unique=True),
    Column("entity", Text, nullable=False),
    Column("row_id", Text, nullable=False),
    Column("fields", Text, nullable=False),
    Column("hlc", Integer, nullable=False),
    Column("node_id", Text, nullable=False),
    Column("author", Text, nullable=False),
    Column("at", Text, nullable=False),
    Column("pushed", Integer, nullable=False, server_default="0"),
    # The change's position in the server's order (NULL until seen on the server), and the
    # pull cursor of the node that made it (what it had seen: see sync/PROTOCOL.md).
    Column("pos_xid", Integer),
    Column("pos_seq", Integer),
    Column("base_xid", Integer),
    Column("base_seq", Integer),
    sqlite_autoincrement=True,
)
Index("ix_changes_row", changes.c.entity, changes.c.row_id)
Index("ix_changes_unpushed", changes.c.seq, sqlite_where=text("pushed = 0"))
Index("ix_changes_pos", changes.c.pos_xid, changes.c.pos_seq)

conflicts = Table(
    "conflicts",
    metadata,
    # Derived by the merge (the same on every replica): id = uuid5(winner id, loser id).
    Column("id", Text, primary_key=True),
    Column("entity", Text, nullable=False),
    Column("row_id", Text, nullable=False),
    Column("field", Text, nullable=False),
    Column("winner_change", Text, nullable=False),
    Column("loser_change", Text, nullable=False),
    Column("winner_value", Text),
    Column("loser_value", Text),
    Column("loser_author", Text, nullable=False, server_default=""),
    Column("loser_at", Text),
    *_stamps(),
    Column("resolved_at", Text),
    Column("resolution", Text),
    Column("resolved_by", Text),
)
Index("ix_conflicts_row", conflicts.c.entity, conflicts.c.row_id)

transfers = Table(
    "transfers",
    metadata,
    Column("id", Text, primary_key=True),
    # A CSV export or import; who did it and when is in its change record.
    Column("kind", Text, nullable=False),
    Column("path", Text, nullable=False, server_default=""),
    Column("items", Integer, nullable=False, server_default="0"),
    *_stamps(),
    # Whether confidential details were included (the person's explicit choice).
    Column("confidential", Integer, nullable=False, server_default="0"),
    CheckConstraint("kind IN ('export', 'import', 'report')", name="ck_transfers_kind"),
)

risk_decisions = Table(
    "risk_decisions",
    metadata,
    Column("id", Text, primary_key=True),
    # For one item, or (item_id empty) for every item of a chain.
    Column("item_id", Text, _fk("items.id")),
    Column("chain_id", Text, _fk("chains.id")),
    # Or for a ROS risk (item_id and chain_id empty).
    Column(
        "risk_id",
        Text,
        ForeignKey(
            "ros_risks.id", name="fk_risk_decisions_risk", deferrable=True, initially="DEFERRED"
        ),
    ),
    # IT's recommendation, and who gave it (a person id).
    Column("recommendation", Text),
    Column("recommended_by", Text, _fk("people.id")),
    Column("recommendation_note", Text, nullable=False, server_default=""),
    # The risk owner's decision: empty until decided.
    Column("decision", Text),
    Column("decided_by", Text, _fk("people.id")),
    Column("rationale", Text, nullable=False, server_default=""),
    Column("valid_until", Text),
    Column("decided_at", Text),
    *_stamps(),
    # What the decision was taken on: {item id: [likelihood, consequence, chain, link]}.
    Column("covers", Text),
    CheckConstraint(
        "item_id IS NOT NULL OR chain_id IS NOT NULL OR risk_id IS NOT NULL",
        name="ck_risk_decisions_target",
    ),
    CheckConstraint(
        "recommendation IS NULL OR recommendation IN ('accept', 'reduce', 'share', 'avoid')",
        name="ck_risk_decisions_recommendation",
    ),
    CheckConstraint(
        "decision IS NULL OR decision IN ('accept', 'reduce', 'share', 'avoid')",
        name="ck_risk_decisions_decision",
    ),
)
Index("ix_risk_decisions_item", risk_decisions.c.item_id)
Index("ix_risk_decisions_chain", risk_decisions.c.chain_id)
Index("ix_risk_decisions_risk", risk_decisions.c.risk_id)

verifications = Table(
    "verifications",
    metadata,
    Column("id", Text, primary_key=True),
    Column("item_id", Text, _fk("items.id"), nullable=False),
    Column("verdict", Text, nullable=False),
    Column("verified_by", Text, _fk("people.id"), nullable=False),
    Column("evidence", Text, nullable=False),
    *_stamps(),
    CheckConstraint("verdict IN ('approved', 'rejected')", name="ck_verifications_verdict"),
)
Index("ix_verifications_item", verifications.c.item_id)

settings = Table(
    "settings",
    metadata,
    # A board-wide setting (policy, acceptance bands), replicated like any row.
    Column("id", Text, primary_key=True),
    Column("value", Text, nullable=False),
    *_stamps(),
)

# -- ROS analysis (see DESIGN.md, "ROS analysis and the chain map") ---------------------------

info_values = Table(
    "info_values",
    metadata,
    Column("id", Text, primary_key=True),
    Column("chain_id", Text, _fk("chains.id"), nullable=False),
    Column("name", Text, nullable=False),
    # Confidentiality, integrity, availability 1–5, set by the risk-owner unit (NULL: not yet).
    Column("confidentiality", Integer),
    Column("integrity", Integer),
    Column("availability", Integer),
    Column("set_by", Text, _fk("people.id")),
    Column("set_at", Text),
    Column("notes", Text, nullable=False, server_default=""),
    *_stamps(),
    CheckConstraint("confidentiality BETWEEN 1 AND 5", name="ck_info_values_c"),
    CheckConstraint("integrity BETWEEN 1 AND 5", name="ck_info_values_i"),
    CheckConstraint("availability BETWEEN 1 AND 5", name="ck_info_values_a"),
)
Index("ix_info_values_chain", info_values.c.chain_id)


def _assessment(side: str) -> list[Column[Any] | CheckConstraint]:
    """A judged value with who, when, why and how well founded (kunnskapsstyrke)."""
    return [
        Column(side, Integer),
        Column(f"{side}_by", Text, _fk("people.id")),
        Column(f"{side}_at", Text),
        Column(f"{side}_note", Text, nullable=False, server_default=""),
        Column(f"{side}_knowledge", Text),
        CheckConstraint(f"{side} BETWEEN 1 AND 5", name=f"ck_ros_risks_{side}"),
        CheckConstraint(
            f"{side}_knowledge IS NULL OR {side}_knowledge IN ('low', 'medium', 'high')",
            name=f"ck_ros_risks_{side}_knowledge",
        ),
    ]


ros_risks = Table(
    "ros_risks",
    metadata,
    Column("id", Text, primary_key=True),
    Column("chain_id", Text, _fk("chains.id"), nullable=False),
    Column("link_id", Text, _fk("links.id")),
    Column("title", Text, nullable=False),
    Column("threat", Text, nullable=False, server_default=""),
    Column("vulnerability", Text, nullable=False, server_default=""),
    Column("existing_measures", Text, nullable=False, server_default=""),
    # The information values at stake: a JSON list of info_values ids.
    Column("value_ids", Text, nullable=False, server_default="[]"),
    *_assessment("likelihood"),
    *_assessment("consequence"),
    # The first full assessment (never changed), and what the treatment aims at.
    Column("inherent_likelihood", Integer),
    Column("inherent_consequence", Integer),
    Column("target_likelihood", Integer),
    Column("target_consequence", Integer),
    *_stamps(),
)
Index("ix_ros_risks_chain", ros_risks.c.chain_id)

data_flows = Table(
    "data_flows",
    metadata,
    Column("id", Text, primary_key=True),
    Column("chain_id", Text, _fk("chains.id"), nullable=False),
    Column("number", Integer, nullable=False),
    Column("from_link_id", Text, _fk("links.id"), nullable=False),
    Column("to_link_id", Text, _fk("links.id"), nullable=False),
    Column("data", Text, nullable=False),
    Column("notes", Text, nullable=False, server_default=""),
    *_stamps(),
    CheckConstraint("number >= 1", name="ck_data_flows_number"),
)
Index("ix_data_flows_chain", data_flows.c.chain_id)

ros_analyses = Table(
    "ros_analyses",
    metadata,
    Column("id", Text, primary_key=True),
    Column("chain_id", Text, _fk("chains.id"), nullable=False),
    Column("held_on", Text, nullable=False),
    Column("participants", Text, nullable=False, server_default="[]"),
    Column("risk_ids", Text, nullable=False, server_default="[]"),
    Column("decisions", Text, nullable=False, server_default=""),
    Column("notes", Text, nullable=False, server_default=""),
    # The matrix as it was: its bands and its scales' words, frozen with the analysis.
    Column("bands", Text, nullable=False, server_default=""),
    Column("scales", Text, nullable=False, server_default="{}"),
    # The annual wheel's ROS duty that opened it, and for which occurrence.
    Column("activity_id", Text, _fk("activities.id")),
    Column("occurrence", Text),
    *_stamps(),
)
Index("ix_ros_analyses_chain", ros_analyses.c.chain_id)

#: The entity name used in the change log for each table.
TABLES: dict[str, Table] = {
    "unit": org_units,
    "person": people,
    "chain": chains,
    "link": links,
    "column": board_columns,
    "item": items,
    "comment": comments,
    "activity": activities,
    "standup": standups,
    "standup_note": standup_notes,
    "transfer": transfers,
    "risk_decision": risk_decisions,
    "verification": verifications,
    "setting": settings,
    "conflict": conflicts,
    "info_value": info_values,
    "ros_risk": ros_risks,
    "data_flow": data_flows,
    "ros_analysis": ros_analyses,
}

# -- local to this replica (never synced; not in TABLES) ----------------------------------

refused_changes = Table(
    "refused_changes",
    metadata,
    # A change of this replica the sync server refused: it stays in the log, unpushed, and
    # is not sent again until redone (or it is discarded). See sync/PROTOCOL.md.
    Column("change_id", Text, primary_key=True),
    Column("code", Text, nullable=False, server_default=""),
    Column("reason", Text, nullable=False, server_default=""),
    Column("refused_at", Text, nullable=False),
)

quarantine = Table(
    "quarantine",
    metadata,
    # A pulled change this board cannot apply: kept as it came (JSON), never in the log.
    Column("change_id", Text, primary_key=True),
    Column("entity", Text, nullable=False, server_default=""),
    Column("row_id", Text, nullable=False, server_default=""),
    Column("change", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("pos_xid", Integer),
    Column("pos_seq", Integer),
    Column("quarantined_at", Text, nullable=False),
)
