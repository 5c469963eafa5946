"""This replica's changes the sync server refused: set aside, listed, redone or discarded.

A change the server refuses does not block the others (``PROTOCOL.md``): it is set aside
here with the server's code and reason (:func:`set_aside`), not pushed again until a person
redoes it (:func:`redo_refused`), or discarded (:func:`discard_refused`): dropped from the log
and its effect undone, the rows rebuilt and their conflicts derived again by
:mod:`kanban_sec.sync.merge`. ``kanban-sec sync --discard-refused`` / ``--redo-refused`` and
the window's list of refused changes both work through these functions.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from kanban_sec.domain.errors import BadInput, NotFound
from kanban_sec.store import conflicts as stored_conflicts
from kanban_sec.store import replica, rows
from kanban_sec.store.database import Database
from kanban_sec.store.entities import TABLE_OF, columns_of
from kanban_sec.store.replica import Staging
from kanban_sec.sync.merge import BOOKKEEPING, settle


@dataclass(frozen=True)
class RefusedChange:
    """A change of this replica the sync server refused: set aside, not sent again until
    redone; discarding it undoes its effect here."""

    change_id: str
    code: str
    reason: str
    refused_at: datetime | None
    entity: str
    row_id: str
    #: The values it set: ``{field: new}``.
    values: dict[str, Any]
    #: The row's name as people know it.
    title: str


def set_aside(db: Database, refused: Sequence[tuple[str, str, str]]) -> None:
    """The ``refused`` changes ``(id, code, reason)`` are set aside: not pushed again
    until redone (recorded after the server's COMMIT, before the others are marked)."""
    now = rows.ts(datetime.now(UTC))
    replica.set_aside(db, [(*r, now) for r in refused])


def list_refused(db: Database, ids: Collection[str] | None = None) -> list[RefusedChange]:
    """The changes set aside (all, or those of ``ids``), oldest first."""
    wanted, titles = replica.refused(db, ids, stored_conflicts.TITLE_LABELS)
    out = []
    for change_id, code, reason, at, entity, row_id, fields in wanted:
        values = {
            k: v[0]
            for k, v in json.loads(fields).items()
            if k not in BOOKKEEPING and isinstance(v, list) and v
        }
        out.append(
            RefusedChange(
                change_id,
                code,
                reason,
                rows.parse_ts(at),
                entity,
                row_id,
                values,
                titles.get((entity, row_id)) or row_id,
            )
        )
    return out


def match_refused(db: Database, fragments: Sequence[str] | None) -> list[str]:
    """The ids of the refused changes named by ``fragments`` (a whole id, or its start or
    end, dashes optional); all of them for ``None``. An unknown one is an error."""
    every = [r.change_id for r in list_refused(db)]
    if fragments is None:
        return every
    chosen: list[str] = []
    for fragment in fragments:
        wanted = fragment.strip().lower().replace("-", "")
        plain = {c: c.replace("-", "") for c in every}
        found = [c for c, p in plain.items() if p == wanted] or [
            c for c, p in plain.items() if wanted and (p.startswith(wanted) or p.endswith(wanted))
        ]
        if len(found) != 1:
            if not found:
                raise NotFound("sync.refused.not_found", id=fragment)
            raise BadInput("sync.refused.ambiguous", id=fragment)
        chosen.append(found[0])
    return chosen


def redo_refused(db: Database, ids: Collection[str] | None = None) -> int:
    """Send the refused changes (all, or ``ids``) again at the next push; returns how many."""
    return replica.forget_refused(db, ids)


def discard_refused(db: Database, ids: Collection[str] | None = None) -> list[RefusedChange]:
    """Drop refused changes (all, or ``ids``) from the log and undo their effect here: each
    field they set gets its value from the remaining changes of the row (else the value it
    had before), and a row they created is removed (rebuilt if other changes make it). The
    server never had them, so the board is as the server's log has it again."""
    gone = list_refused(db, ids)
    if not gone:
        return []
    with db.connect(write=True) as conn:
        staging = Staging(conn)
        found = staging.drop_unpushed([r.change_id for r in gone])
        touched: dict[tuple[str, str], dict[str, Any]] = {}
        created: set[tuple[str, str]] = set()
        for _id, entity, row_id, fields_text, _hlc, _node in found:
            before = touched.setdefault((entity, row_id), {})
            for name, pair in json.loads(fields_text).items():
                before[name] = pair[1]  # newest first: the oldest change's "old" stays
                if name == "created_at" and pair[1] is None:
                    created.add((entity, row_id))
        for (entity, row_id), before in touched.items():
            table = TABLE_OF.get(entity)
            if table is None:
                continue
            if (entity, row_id) in created:
                staging.delete_row(table, row_id)
                continue
            columns = columns_of(staging.raw, table).names
            names = [n for n in before if n in columns and n != "id"]
            if names:
                staging.set_row(table, row_id, {n: before[n] for n in names})
        settle(staging, touched)  # what the remaining changes say wins over the old values
    return gone
