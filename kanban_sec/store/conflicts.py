"""Reading the sync conflicts kept on this replica: the open ones by row, how many wait for
a person, and each conflict with the changes on both sides and the name of its row.

Conflicts are derived and stored by :mod:`kanban_sec.store.replica` (the merge's SQL);
what they mean is :mod:`kanban_sec.sync.merge`'s.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby
from typing import Any

from kanban_sec.store.change_log import row_names
from kanban_sec.store.unit_of_work import Reader

#: How each entity's rows are named in a conflict's title: (table, SQL giving the name).
TITLE_LABELS: dict[str, tuple[str, str]] = {
    "item": ("items", "title"),
    "person": ("people", "name"),
    "unit": ("org_units", "name"),
    "chain": ("chains", "name"),
    "link": ("links", "name"),
    "column": ("board_columns", "name_en"),
    "comment": ("comments", "substr(body, 1, 60)"),
    "activity": ("activities", "title"),
    "standup": ("standups", "held_on"),
    "standup_note": ("standup_notes", "substr(body, 1, 60)"),
    "setting": ("settings", "id"),
    "transfer": ("transfers", "path"),
    "ros_risk": ("ros_risks", "title"),
    "info_value": ("info_values", "name"),
    "data_flow": ("data_flows", "data"),
    "ros_analysis": ("ros_analyses", "held_on"),
}

_OPEN = "resolved_at IS NULL AND deleted_at IS NULL"


def open_fields(reader: Reader, entity: str) -> Iterator[tuple[str, str]]:
    """``(row id, field)`` of every open conflict on a row of ``entity``."""
    yield from reader.conn.exec_driver_sql(
        f"SELECT row_id, field FROM conflicts WHERE entity = ? AND {_OPEN}", (entity,)
    )


def count_open(reader: Reader) -> int:
    """How many conflicts wait for a person (any kind of row)."""
    return int(
        reader.conn.exec_driver_sql(f"SELECT count(*) FROM conflicts WHERE {_OPEN}").scalar_one()
    )


def open_ids(reader: Reader) -> set[str]:
    """The ids of the open conflicts."""
    return {r[0] for r in reader.conn.exec_driver_sql(f"SELECT id FROM conflicts WHERE {_OPEN}")}


def listed(reader: Reader, *, open_only: bool) -> tuple[list[Any], dict[tuple[str, str], str]]:
    """The conflicts not deleted (only the open ones if ``open_only``), oldest first, and
    the names of their rows by :data:`TITLE_LABELS`: rows ``(id, entity, row_id, field,
    winner_change, loser_change, winner_value, loser_value, loser_author, loser_at,
    resolved_at, resolution, the loser's node id, the winner's author)``."""
    found = list(
        reader.conn.exec_driver_sql(
            "SELECT x.id, x.entity, x.row_id, x.field, x.winner_change, x.loser_change,"
            " x.winner_value, x.loser_value, x.loser_author, x.loser_at, x.resolved_at,"
            " x.resolution, l.node_id, w.author FROM conflicts x"
            " LEFT JOIN changes l ON l.id = x.loser_change"
            " LEFT JOIN changes w ON w.id = x.winner_change"
            " WHERE x.deleted_at IS NULL AND (? = 0 OR x.resolved_at IS NULL)"
            " ORDER BY x.created_at, x.id",
            (1 if open_only else 0,),
        ).all()
    )
    wanted = {
        entity: [row_id for _, row_id in keys]
        for entity, keys in groupby(sorted({(r[1], r[2]) for r in found}), key=lambda k: k[0])
    }
    return found, row_names(reader, TITLE_LABELS, wanted)
