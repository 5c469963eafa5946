"""Each synced entity's table, known without loading the schema's SQLAlchemy metadata.

A test holds this equal to :data:`kanban_sec.store.schema.TABLES`; a table's columns are
read from the file itself (:func:`columns_of`), whose schema a test holds equal to
``schema.py`` after migrating.
"""

from __future__ import annotations

import sqlite3
from typing import NamedTuple

#: Entity name (as in the change log) -> its table.
TABLE_OF: dict[str, str] = {
    "unit": "org_units",
    "person": "people",
    "chain": "chains",
    "link": "links",
    "column": "board_columns",
    "item": "items",
    "comment": "comments",
    "activity": "activities",
    "standup": "standups",
    "standup_note": "standup_notes",
    "transfer": "transfers",
    "risk_decision": "risk_decisions",
    "verification": "verifications",
    "setting": "settings",
    "conflict": "conflicts",
    "info_value": "info_values",
    "ros_risk": "ros_risks",
    "data_flow": "data_flows",
    "ros_analysis": "ros_analyses",
}


class Columns(NamedTuple):
    names: frozenset[str]
    #: NOT NULL without a default, other than ``id``: a new row cannot be made without them.
    required: frozenset[str]


_COLUMNS: dict[tuple[str, str], Columns] = {}


def columns_of(raw: sqlite3.Connection, table: str) -> Columns:
    """The columns of ``table`` (one of :data:`TABLE_OF`'s) in the open file, read once."""
    if table not in TABLE_OF.values():
        raise KeyError(table)
    key = (str(raw.execute("PRAGMA database_list").fetchone()[2]), table)
    found = _COLUMNS.get(key)
    if found is None:
        info = raw.execute(f"PRAGMA table_info({table})").fetchall()
        found = Columns(
            frozenset(r[1] for r in info),
            frozenset(r[1] for r in info if r[3] and r[4] is None and r[1] != "id"),
        )
        _COLUMNS[key] = found
    return found
