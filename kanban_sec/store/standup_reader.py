"""What the standup reads from the store: standups and their notes, the change log cut into
periods, and the board as it was before a run of changes.

Periods are cut in the change log by its local order (``seq``), found from HLC timestamps:
a replica's clock never runs backwards, so ``seq`` grows with ``hlc`` and the first change
of a period is found by a binary search over the primary key; the period is then one range
read of that key. The use case is :mod:`kanban_sec.services.standup`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from kanban_sec.domain.bulk import collector_paused
from kanban_sec.domain.errors import NotFound
from kanban_sec.domain.hlc import pack
from kanban_sec.domain.model import Change, Item
from kanban_sec.domain.standup import (
    NoteKind,
    Snapshot,
    Standup,
    StandupNote,
    is_insert,
    snapshot_from_json,
)
from kanban_sec.store import rows
from kanban_sec.store.unit_of_work import Board, Reader

_STANDUP_SELECT = (
    "SELECT id, held_on, started_at, ended_at, facilitator, attendees"
    " FROM standups WHERE deleted_at IS NULL"
)
_NOTE_SELECT = (
    "SELECT id, standup_id, kind, body, author, created_at, item_id"
    " FROM standup_notes WHERE deleted_at IS NULL"
)
_CHANGE_SELECT = "SELECT id, entity, row_id, fields, hlc, node_id, author, at FROM changes"


def hlc_at(moment: datetime) -> int:
    """The smallest HLC timestamp at or after ``moment``."""
    return pack(int(moment.timestamp() * 1000), 0)


# -- standups and notes ------------------------------------------------------------------------


def standup(reader: Reader, standup_id: str) -> Standup:
    """A standup with its notes; :class:`NotFound` if there is none by that id."""
    found = reader.conn.exec_driver_sql(f"{_STANDUP_SELECT} AND id = ?", (standup_id,)).first()
    if found is None:
        raise NotFound("standup.not_found", id=standup_id)
    return _standup_from(found, _notes(reader, "standup_id = ?", (standup_id,)))


def newest(
    reader: Reader, *, ended: bool | None = None, started_before: datetime | None = None
) -> Standup | None:
    """The newest standup (by start), with its notes: any, only ended ones (``ended``) or
    only the running one (``ended=False``), started before ``started_before`` if given."""
    where, params = "1", []
    if ended is not None:
        where = "ended_at IS NOT NULL" if ended else "ended_at IS NULL"
    if started_before is not None:
        where += " AND started_at < ?"
        params.append(rows.ts(started_before))
    found = reader.conn.exec_driver_sql(
        f"{_STANDUP_SELECT} AND {where} ORDER BY started_at DESC, id DESC LIMIT 1", tuple(params)
    ).first()
    if found is None:
        return None
    return _standup_from(found, _notes(reader, "standup_id = ?", (found[0],)))


def notes_between(reader: Reader, since: datetime, until: datetime) -> list[StandupNote]:
    """The notes of the standups started from ``since`` to ``until``, oldest first."""
    return _notes(
        reader,
        "standup_id IN (SELECT id FROM standups"
        " WHERE deleted_at IS NULL AND started_at >= ? AND started_at <= ?)",
        (rows.ts(since), rows.ts(until)),
    )


def snapshot(reader: Reader, standup_id: str) -> Snapshot | None:
    """The board as it was when the standup started (``None``: no such standup)."""
    found = reader.conn.exec_driver_sql(
        "SELECT snapshot FROM standups WHERE id = ?", (standup_id,)
    ).first()
    return snapshot_from_json(found[0]) if found is not None else None


def acceptance_runs_out(reader: Reader, first: date, last: date) -> bool:
    """Whether any risk acceptance runs out from ``first`` to ``last`` (one indexed look)."""
    return bool(
        reader.conn.exec_driver_sql(
            "SELECT EXISTS (SELECT 1 FROM risk_decisions WHERE deleted_at IS NULL"
            " AND decision = 'accept' AND valid_until >= ? AND valid_until <= ?)",
            (first.isoformat(), last.isoformat()),
        ).scalar()
    )


def _standup_from(r: Sequence[Any], notes: Sequence[StandupNote] = ()) -> Standup:
    ended = rows.parse_ts(r[3])
    started = rows.parse_ts(r[2])
    assert started is not None
    return Standup(
        r[0],
        date.fromisoformat(r[1]),
        started,
        ended,
        r[4],
        tuple(json.loads(r[5] or "[]")),
        tuple(notes),
    )


def _note_from(r: Sequence[Any]) -> StandupNote:
    created = rows.parse_ts(r[5])
    assert created is not None
    return StandupNote(r[0], r[1], NoteKind(r[2]), r[3], r[4], created, r[6])


def _notes(reader: Reader, where: str, params: Sequence[Any]) -> list[StandupNote]:
    return [
        _note_from(r)
        for r in reader.conn.exec_driver_sql(
            f"{_NOTE_SELECT} AND {where} ORDER BY created_at, id", tuple(params)
        ).all()
    ]


# -- the change log ----------------------------------------------------------------------------


def start_hlc(reader: Reader, of: Standup) -> int:
    """The HLC of the change record that made the standup (its snapshot's moment)."""
    found = reader.conn.exec_driver_sql(
        "SELECT min(hlc) FROM changes WHERE entity = 'standup' AND row_id = ?", (of.id,)
    ).scalar()
    return int(found) if found is not None else hlc_at(of.started_at)


def end_hlc(reader: Reader, of: Standup) -> int:
    """The HLC of the change record that ended the standup."""
    found = reader.conn.exec_driver_sql(
        "SELECT max(hlc) FROM changes WHERE entity = 'standup' AND row_id = ?"
        " AND json_extract(fields, '$.ended_at[0]') IS NOT NULL",
        (of.id,),
    ).scalar()
    assert of.ended_at is not None
    return int(found) if found is not None else hlc_at(of.ended_at)


def first_seq(reader: Reader, hlc: int) -> int:
    """The first ``seq`` whose change has an HLC of at least ``hlc`` (past the end if none).

    A binary search over the primary key: on one replica ``seq`` grows with ``hlc``.
    """
    run = reader.conn.exec_driver_sql
    low, high = run("SELECT min(seq), max(seq) FROM changes").one()
    if low is None:
        return 1
    high += 1
    while low < high:
        middle = (low + high) // 2
        stamp = run(
            "SELECT hlc FROM changes WHERE seq >= ? ORDER BY seq LIMIT 1", (middle,)
        ).scalar_one()
        if stamp >= hlc:
            high = middle
        else:
            low = middle + 1
    return int(low)


def changes(
    reader: Reader,
    first: int,
    end: int | None = None,
    *,
    entities: Sequence[str] | None = None,
    fields: frozenset[str] | None = None,
) -> list[Change]:
    """Change records with ``first <= seq < end``, oldest first: one range read of the
    primary key. With ``fields``, each record keeps only those fields, and records
    setting none of them are left out."""
    sql = f"{_CHANGE_SELECT} WHERE seq >= ?"
    params: list[Any] = [first]
    if end is not None:
        sql += " AND seq < ?"
        params.append(end)
    if entities is not None:
        sql += f" AND entity IN ({', '.join('?' * len(entities))})"
        params.extend(entities)
    # The DB-API cursor of the same transaction: for 200,000 records SQLAlchemy's row
    # objects would cost more than the read itself.
    cursor = reader.conn.connection.driver_connection.execute(  # type: ignore[union-attr]
        sql + " ORDER BY seq", params
    )
    loads, parse = json.loads, datetime.fromisoformat
    # Most records set none of ``fields``: a search for the names skips parsing them.
    mentions = _mentions(fields).search if fields is not None else None
    out = []
    with collector_paused():
        for r in cursor:
            if mentions is not None and mentions(r[3]) is None:
                continue
            pairs = loads(r[3])
            if fields is not None:
                kept = {k: (v[0], v[1]) for k, v in pairs.items() if k in fields}
                if not kept:
                    continue
            else:
                kept = {k: (v[0], v[1]) for k, v in pairs.items()}
            out.append(Change(r[0], r[1], r[2], kept, r[4], r[5], r[6], parse(r[7])))
    return out


@lru_cache(maxsize=8)
def _mentions(fields: frozenset[str]) -> re.Pattern[str]:
    """A pattern finding any of ``fields`` as a quoted name in a record's JSON."""
    return re.compile('"(?:' + "|".join(map(re.escape, sorted(fields))) + ')"')


# -- the board as it was -----------------------------------------------------------------------

#: Rows the board is rebuilt from: entity → (table, selected columns, row → object).
_REWOUND: Mapping[str, tuple[str, str, Callable[[Sequence[Any]], Any]]] = {
    "item": ("items", rows.ITEM_COLUMNS, rows.item_from),
    "chain": ("chains", rows.CHAIN_COLUMNS, rows.chain_from),
    "link": ("links", rows.LINK_COLUMNS, rows.link_from),
    "column": ("board_columns", rows.COLUMN_COLUMNS, rows.column_from),
}
_ITEM_NAMES = [name.strip() for name in rows.ITEM_COLUMNS.split(",")]


def _stored_rows(
    reader: Reader, table: str, columns: str, ids: Iterable[str]
) -> list[dict[str, Any]]:
    """Rows as stored (deleted ones too), by id."""
    names = [*(name.strip() for name in columns.split(",")), "deleted_at"]
    result = reader.conn.exec_driver_sql(
        f"SELECT {columns}, deleted_at FROM {table} WHERE id IN (SELECT value FROM json_each(?))",
        (json.dumps(list(ids)),),
    )
    return [dict(zip(names, r, strict=True)) for r in result]


def stored_item(reader: Reader, item_id: str) -> Item | None:
    """An item as stored, deleted or not (``None``: never stored here)."""
    for stored in _stored_rows(reader, "items", rows.ITEM_COLUMNS, [item_id]):
        return rows.item_from([stored[name] for name in _ITEM_NAMES])
    return None


def board_before(reader: Reader, current: Board, changes: Sequence[Change]) -> Board:
    """The board as it was before ``changes`` (the newest records, oldest first) were written.

    For each row the first record's old value of a field is the value it had then; rows
    the records made did not exist yet, and rows deleted since come back.
    """
    made: set[tuple[str, str]] = set()
    olds: dict[str, dict[str, dict[str, Any]]] = {entity: {} for entity in _REWOUND}
    for change in changes:
        per_row = olds.get(change.entity)
        if per_row is None:
            continue
        if is_insert(change):
            made.add((change.entity, change.row_id))
            continue
        old = per_row.setdefault(change.row_id, {})
        for name, (_new, value) in change.fields.items():
            old.setdefault(name, value)
    rebuilt: dict[str, dict[str, Any]] = {}
    for entity, (table, selected, build) in _REWOUND.items():
        touched = {row_id for row_id in olds[entity] if (entity, row_id) not in made}
        objects: dict[str, Any] = {}
        names = [name.strip() for name in selected.split(",")]
        for stored in _stored_rows(reader, table, selected, touched):
            stored.update((k, v) for k, v in olds[entity][stored["id"]].items() if k in stored)
            objects[stored["id"]] = (
                None if stored["deleted_at"] else build([stored[name] for name in names])
            )
        gone = {row_id for e, row_id in made if e == entity}
        rebuilt[entity] = {"objects": objects, "gone": gone}

    def merged(entity: str, current_rows: Iterable[Any]) -> list[Any]:
        objects, gone = rebuilt[entity]["objects"], rebuilt[entity]["gone"]
        out = [row for row in current_rows if row.id not in objects and row.id not in gone]
        return out + [row for row in objects.values() if row is not None]

    columns = sorted(merged("column", current.columns), key=lambda c: c.position)
    return Board(
        current.units,
        current.people,
        {c.id: c for c in merged("chain", current.chains.values())},
        {link.id: link for link in merged("link", current.links.values())},
        columns,
        merged("item", current.items),
    )
