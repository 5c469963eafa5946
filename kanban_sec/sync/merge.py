"""The merge, SQLite side: pulled changes into the local log, rows rebuilt, conflicts derived.

Every replica applies the same rule (``PROTOCOL.md``): a field's value is the ``new`` value
of the change with the highest ``(hlc, node_id)`` among the changes that set it. A touched
row is rebuilt from *all* its changes, so a batch applied twice, or batches arriving in
another order, leave the same rows. (When every new change of a row is newer than all the
row's changes here, the usual case, the new changes are folded onto the row as it is:
the same result without reading the row's history.)

Conflicts are derived, the same way on every replica, from the log alone. For a field of a
row, a change is a **head** when no other change to that field has seen it (a later change
of the same node, or one whose node had pulled it: ``pos <= base``). The winner W is the
highest head; every other head C whose value differs (heads are concurrent with each other
by construction) is the conflict ``(W, C)``: a value somebody set, that nobody who knew it
replaced, and that is not the value now. Its id is ``uuid5(W.id + C.id + field)``. Resolving one
writes a change on entity ``conflict`` that carries the conflict's description as well as
``resolved_at``/``resolution``/``resolved_by``, so every replica shows it resolved, even
one that had not derived it (yet), and a resolved conflict stays listed after the values
move on. Bookkeeping fields (times the other fields already tell) never conflict.

Pulled batches are applied in bulk: a temporary table, one ``INSERT … SELECT`` into the
log, one query for the deciding changes of every touched row (folded in order), one
``executemany`` per table and column set to write the rows, one query for the changes of
rows more than one node changed (the only ones that can conflict).
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import uuid
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import groupby
from typing import Any, Literal, NamedTuple

from sqlalchemy import Connection

from kanban_sec.domain.errors import BadInput, Message, NotFound
from kanban_sec.domain.hlc import COUNTER_BITS, HybridLogicalClock
from kanban_sec.domain.rules import FIELD_SPECS, check_value
from kanban_sec.domain.text import has
from kanban_sec.store import rows
from kanban_sec.store.database import Database
from kanban_sec.store.schema import TABLES
from kanban_sec.store.unit_of_work import parse_cursor, reading

#: Conflict ids: ``uuid5(NAMESPACE, winner id + loser id + field)``, the same everywhere.
CONFLICT_NAMESPACE = uuid.UUID("0b8f3d56-6a4e-4b8e-9f0c-5d2b7e1c9a31")
#: Fields whose overwriting is no conflict: stamps the other fields already tell.
BOOKKEEPING = frozenset({"created_at", "updated_at", "status_changed_at", "started_at",
                         "done_at", "blocked_at"})
#: What a conflict change carries besides its resolution, so it stands alone.
CONFLICT_DESCRIPTION = ("entity", "row_id", "field", "winner_change", "loser_change",
                        "winner_value", "loser_value", "loser_author", "loser_at",
                        "created_at")
RESOLUTIONS = {"keep": "kept_winner", "take": "took_loser", "edit": "edited",
               "restore": "restored", "delete": "deleted"}
#: A row deleted while somebody changed it: a conflict on this field whose overwritten
#: value is the edit (``{field: value}``), resolved ``restored`` or ``deleted``.
DELETE_FIELD = "deleted_at"
#: Unpushed changes stamped this far ahead of the server's clock are stamped again
#: (the server refuses more than 5 minutes ahead; this leaves a minute for the push).
RESTAMP_AHEAD_MS = 4 * 60 * 1000

Resolution = Literal["keep", "take", "edit", "restore", "delete"]
Cursor = tuple[int, int]


class RemoteChange(NamedTuple):
    """A change as pulled from the server: the local log's columns and its position."""

    id: str
    entity: str
    row_id: str
    #: JSON text ``{field: [new, old]}``.
    fields: str
    hlc: int
    node_id: str
    #: The person's name (the server's ``person``).
    author: str
    #: When it was made, as stored locally (:func:`kanban_sec.store.rows.ts`).
    at: str
    base_xid: int | None
    base_seq: int | None
    pos_xid: int
    pos_seq: int


@dataclass(frozen=True)
class ApplyResult:
    """What applying one pulled batch did."""

    #: Changes in the batch (duplicates within it counted once).
    received: int
    #: Changes new to this replica (stored, their rows rebuilt).
    new: int
    #: Changes already here that got their server position (e.g. this node's own).
    positioned: int
    #: Rows rebuilt.
    rows: int
    #: Conflicts opened by this batch.
    conflicts: int
    #: The pull cursor now stored.
    cursor: Cursor


@dataclass(frozen=True)
class Conflict:
    """A concurrent value that lost: who set it, what won, and how it was resolved."""

    id: str
    entity: str
    row_id: str
    field: str
    winner_change: str
    loser_change: str
    winner_value: Any
    loser_value: Any
    loser_author: str
    loser_at: datetime | None
    #: The losing value was made on this replica.
    mine: bool
    resolved_at: datetime | None
    #: ``kept_winner``, ``took_loser`` or ``edited`` once resolved.
    resolution: str | None
    #: The row's name as people know it (an item's title, a person's name...).
    title: str
    #: Who made the winning change (for a deleted row: who deleted it).
    winner_author: str = ""

    @property
    def open(self) -> bool:
        return self.resolved_at is None

    @property
    def deleted_while_changed(self) -> bool:
        """The row was deleted while somebody changed it: ``loser_value`` is the edit
        (``{field: value}``); resolved by restoring the row or confirming the delete."""
        return self.field == DELETE_FIELD and isinstance(self.loser_value, dict)


# -- applying a pulled batch ------------------------------------------------------------------

_INCOMING = """
CREATE TEMP TABLE IF NOT EXISTS sync_incoming (
  id TEXT PRIMARY KEY, entity TEXT, row_id TEXT, fields TEXT, hlc INTEGER, node_id TEXT,
  author TEXT, at TEXT, base_xid INTEGER, base_seq INTEGER, pos_xid INTEGER, pos_seq INTEGER,
  known INTEGER NOT NULL DEFAULT 0, restamped INTEGER NOT NULL DEFAULT 0,
  placed INTEGER NOT NULL DEFAULT 0)
"""
# ``mode``: 2 rebuild the row from all its changes; 1 only the batch's new changes matter
# (each is newer than all the row's changes here: they simply apply on top); 0 the row
# stays, only its conflicts are derived again (a change of this node got its position).
_TOUCHED = ("CREATE TEMP TABLE IF NOT EXISTS sync_touched (entity TEXT, row_id TEXT,"
            " mode INTEGER NOT NULL DEFAULT 2, PRIMARY KEY (entity, row_id)) WITHOUT ROWID")
FULL, NEWER, DERIVE_ONLY = 2, 1, 0


def _raw(conn: Connection) -> sqlite3.Connection:
    """The DB-API connection under ``conn`` (same transaction), for bulk statements."""
    driver = conn.connection.driver_connection
    assert isinstance(driver, sqlite3.Connection)
    return driver


def apply_remote(target: Database | Connection, changes: Sequence[RemoteChange],
                 cursor: Cursor) -> ApplyResult:
    """Store a pulled batch, rebuild its rows, derive conflicts and move the cursor, in one
    SQLite transaction (``target``'s own when given a connection).

    Idempotent by change id: a change already here only gets its server position (and the
    server's stamp, should they differ). The clock observes the batch's stamps.
    """
    if isinstance(target, Database):
        with target.connect(write=True) as conn:
            result, newest = _apply(conn, changes, cursor)
        target.clock.last = max(target.clock.last, newest)
        return result
    return _apply(target, changes, cursor)[0]


def _apply(conn: Connection, changes: Sequence[RemoteChange],
           cursor: Cursor) -> tuple[ApplyResult, int]:
    raw = _raw(conn)
    raw.execute(_INCOMING)
    raw.execute("DELETE FROM temp.sync_incoming")
    raw.executemany(
        "INSERT OR IGNORE INTO temp.sync_incoming (id, entity, row_id, fields, hlc, node_id,"
        " author, at, base_xid, base_seq, pos_xid, pos_seq)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", changes)
    received = raw.execute("SELECT count(*) FROM temp.sync_incoming").fetchone()[0]
    raw.execute(
        "UPDATE temp.sync_incoming SET known = 1, restamped = (c.hlc <> sync_incoming.hlc),"
        " placed = (c.pos_xid IS NULL) FROM main.changes c WHERE c.id = sync_incoming.id")
    # Changes here already: this node's own coming back (position, pushed for sure), or
    # one this node stamped again after the server had it (the server's stamp stands).
    positioned = raw.execute(
        "UPDATE main.changes SET pos_xid = i.pos_xid, pos_seq = i.pos_seq, pushed = 1,"
        " hlc = i.hlc FROM temp.sync_incoming i"
        " WHERE i.known = 1 AND changes.id = i.id AND (changes.pos_xid IS NULL"
        "  OR changes.pushed = 0 OR changes.hlc <> i.hlc OR changes.pos_xid <> i.pos_xid"
        "  OR changes.pos_seq <> i.pos_seq)").rowcount
    # A change this board cannot apply is kept aside, never in the log (nor half applied).
    _quarantine(raw)
    _start_touched(raw)
    # Before the new changes join the log: is each row's batch newer than all it has?
    raw.execute(
        "INSERT INTO temp.sync_touched (entity, row_id, mode)"
        " SELECT i.entity, i.row_id, CASE WHEN coalesce((SELECT max(c.hlc)"
        "  FROM main.changes c WHERE c.entity = i.entity AND c.row_id = i.row_id), -1)"
        f"  >= min(i.hlc) THEN {FULL} ELSE {NEWER} END"
        " FROM temp.sync_incoming i WHERE i.known = 0 GROUP BY i.entity, i.row_id")
    raw.execute(
        "INSERT INTO temp.sync_touched (entity, row_id, mode)"
        f" SELECT DISTINCT entity, row_id, {FULL} FROM temp.sync_incoming WHERE restamped"
        f" ON CONFLICT (entity, row_id) DO UPDATE SET mode = {FULL}")
    # Which of this node's changes others have seen is known now: conflicts may change.
    raw.execute(
        "INSERT OR IGNORE INTO temp.sync_touched (entity, row_id, mode)"
        f" SELECT DISTINCT entity, row_id, {DERIVE_ONLY} FROM temp.sync_incoming"
        " WHERE placed")
    new = raw.execute(
        "INSERT INTO main.changes (id, entity, row_id, fields, hlc, node_id, author, at,"
        " pushed, pos_xid, pos_seq, base_xid, base_seq)"
        " SELECT id, entity, row_id, fields, hlc, node_id, author, at, 1, pos_xid, pos_seq,"
        " base_xid, base_seq FROM temp.sync_incoming WHERE known = 0"
        " ORDER BY pos_xid, pos_seq").rowcount
    rebuilt = _rebuild(raw)
    opened = _derive(raw)
    raw.execute("DELETE FROM temp.sync_touched")
    newest = raw.execute("SELECT max(hlc) FROM temp.sync_incoming").fetchone()[0] or 0
    raw.execute("DELETE FROM temp.sync_incoming")
    stored = dict(raw.execute(
        "SELECT key, value FROM meta WHERE key IN ('sync_cursor', 'hlc')").fetchall())
    before = parse_cursor(stored.get("sync_cursor"))
    after = cursor if before[0] is None else max(cursor, (before[0], before[1] or 0))
    newest = max(newest, int(stored.get("hlc", 0)))
    raw.executemany(
        "INSERT INTO meta (key, value) VALUES (?, ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [("sync_cursor", f"{after[0]}:{after[1]}"), ("hlc", str(newest))])
    return ApplyResult(received, new, positioned, rebuilt, opened, after), newest


def _start_touched(raw: sqlite3.Connection) -> None:
    raw.execute(_INCOMING)
    raw.execute(_TOUCHED)
    raw.execute("DELETE FROM temp.sync_touched")


def _load_touched(raw: sqlite3.Connection, keys: Iterable[tuple[str, str]]) -> None:
    _start_touched(raw)
    raw.executemany("INSERT OR IGNORE INTO temp.sync_touched (entity, row_id) VALUES (?, ?)",
                    keys)


# -- rebuilding rows --------------------------------------------------------------------------

#: The changes that decide the touched rows, oldest first per row: all of a row's changes,
#: or (a row whose new changes are all newer than what it had) just the new ones.
#: (``CROSS JOIN``: SQLite then reads the few touched rows first, never the whole log.)
_DECIDING = """
SELECT c.entity, c.row_id, c.fields, c.hlc, c.node_id FROM temp.sync_touched t
CROSS JOIN main.changes c ON c.entity = t.entity AND c.row_id = t.row_id WHERE t.mode = 2
UNION ALL
SELECT i.entity, i.row_id, i.fields, i.hlc, i.node_id FROM temp.sync_incoming i
CROSS JOIN temp.sync_touched t ON t.entity = i.entity AND t.row_id = i.row_id
WHERE t.mode = 1 AND i.known = 0
ORDER BY 1, 2, 4, 5
"""


def rebuild_rows(conn: Connection, keys: Iterable[tuple[str, str]]) -> int:
    """Set every field of the rows ``keys`` (entity, row id) to its winning value (the
    change with the highest ``(hlc, node_id)``); a row not here yet is inserted. Returns
    the number of rows written."""
    raw = _raw(conn)
    _load_touched(raw, keys)
    try:
        return _rebuild(raw)
    finally:
        raw.execute("DELETE FROM temp.sync_touched")


def _winners(raw: sqlite3.Connection) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Each touched row's fields with their winning values: its deciding changes, folded
    from the oldest to the newest ``(hlc, node_id)``, so the newest setting of a field wins."""
    loads = json.loads
    for (entity, row_id), found in groupby(raw.execute(_DECIDING), key=lambda r: (r[0], r[1])):
        values: dict[str, Any] = {}
        for _e, _r, fields, _h, _n in found:
            for name, pair in loads(fields).items():
                values[name] = pair[0]
        yield entity, row_id, values


def _rebuild(raw: sqlite3.Connection) -> int:
    written = 0
    for entity, found in groupby(_winners(raw), key=lambda r: r[0]):
        table = TABLES.get(entity)
        if table is None:  # an entity this version does not know: kept in the log only
            continue
        columns = {c.name for c in table.columns}
        required = {c.name for c in table.columns
                    if not c.nullable and c.server_default is None and c.name != "id"}
        present = {r[0] for r in raw.execute(
            f"SELECT id FROM {table.name} WHERE id IN"
            " (SELECT row_id FROM temp.sync_touched WHERE entity = ? AND mode > 0)",
            (entity,))}
        # (columns, is new) -> rows; an existing row gets an UPDATE of just those columns
        by_columns: dict[tuple[tuple[str, ...], bool], list[tuple[Any, ...]]] = {}
        for _entity, row_id, winning in found:
            values = {k: v for k, v in winning.items() if k in columns and k != "id"}
            fresh = row_id not in present
            if not values or (fresh and not required <= values.keys()):
                continue  # only updates of a row whose creation has not arrived
            names = tuple(sorted(values))
            listed = by_columns.setdefault((names, fresh), [])
            if fresh:
                listed.append((row_id, *(values[n] for n in names)))
            else:
                listed.append((*(values[n] for n in names), row_id))
        for (names, fresh), params in by_columns.items():
            if fresh:
                raw.executemany(
                    f"INSERT INTO {table.name} (id, {', '.join(names)})"
                    f" VALUES ({', '.join('?' * (len(names) + 1))})", params)
            else:
                raw.executemany(
                    f"UPDATE {table.name} SET {', '.join(f'{n} = ?' for n in names)}"
                    " WHERE id = ?", params)
            written += len(params)
    return written


# -- deriving conflicts -----------------------------------------------------------------------

#: Every change to a conflict-prone field of the touched rows that more than one node
#: changed, grouped by (entity, row, field).
_CANDIDATES = f"""
WITH multi AS (
  SELECT t.entity, t.row_id FROM temp.sync_touched t
  CROSS JOIN main.changes c ON c.entity = t.entity AND c.row_id = t.row_id
  WHERE t.entity <> 'conflict'
  GROUP BY t.entity, t.row_id HAVING min(c.node_id) <> max(c.node_id)
), f AS (
  SELECT c.entity, c.row_id, j.key AS field, c.id, c.hlc, c.node_id, c.pos_xid, c.pos_seq,
         c.base_xid, c.base_seq, j.value -> 0 AS value, c.author, c.at,
         min(c.node_id) OVER w AS lo, max(c.node_id) OVER w AS hi,
         json_type(c.fields, '$.created_at[1]') = 'null' AS creates
  FROM multi m CROSS JOIN main.changes c ON c.entity = m.entity AND c.row_id = m.row_id,
  json_each(c.fields) j
  WHERE j.key NOT IN ({", ".join(f"'{name}'" for name in sorted(BOOKKEEPING))})
  WINDOW w AS (PARTITION BY c.entity, c.row_id, j.key)
)
SELECT entity, row_id, field, id, hlc, node_id, pos_xid, pos_seq, base_xid, base_seq, value,
       author, at, lo <> hi, creates
FROM f ORDER BY entity, row_id, field
"""


class _Change(NamedTuple):
    entity: str
    row_id: str
    field: str
    id: str
    hlc: int
    node_id: str
    pos_xid: int | None
    pos_seq: int | None
    base_xid: int | None
    base_seq: int | None
    value: str
    author: str
    at: str
    #: More than one node set this field (else it cannot conflict by itself).
    multi: bool = True
    #: The change made the row (nobody deletes a row before it exists).
    creates: bool = False

    @property
    def pos(self) -> Cursor | None:
        return None if self.pos_xid is None else (self.pos_xid, self.pos_seq or 0)

    @property
    def base(self) -> Cursor | None:
        return None if self.base_xid is None else (self.base_xid, self.base_seq or 0)


def derive_conflicts(conn: Connection, keys: Iterable[tuple[str, str]]) -> int:
    """Derive afresh the conflicts of the rows ``keys``; returns how many are new and open.

    A conflict a ``conflict`` change describes (a resolved one) stays as that change says.
    """
    raw = _raw(conn)
    _load_touched(raw, keys)
    try:
        return _derive(raw)
    finally:
        raw.execute("DELETE FROM temp.sync_touched")


def _derive(raw: sqlite3.Connection) -> int:
    derived: list[tuple[Any, ...]] = []
    for _row, changes in groupby((_Change(*r) for r in raw.execute(_CANDIDATES)),
                                 key=lambda c: (c.entity, c.row_id)):
        of_row = list(changes)
        for _field, group in groupby(of_row, key=lambda c: c.field):
            same = list(group)
            if same[0].multi:
                derived.extend(_conflict_row(w, c) for w, c in conflicts_among(same))
        derived.extend(_deleted_row(w, c, changed)
                       for w, c, changed in deleted_while_changed(of_row))
    before = {r[0] for r in raw.execute(
        "SELECT x.id FROM temp.sync_touched t CROSS JOIN conflicts x"
        " ON x.entity = t.entity AND x.row_id = t.row_id WHERE x.resolved_at IS NULL")}
    # Derived afresh, except those a conflict change describes (they stand on their own).
    raw.execute(
        "DELETE FROM conflicts WHERE id IN (SELECT x.id FROM temp.sync_touched t"
        " CROSS JOIN conflicts x ON x.entity = t.entity AND x.row_id = t.row_id)"
        " AND NOT EXISTS (SELECT 1 FROM main.changes c"
        "  WHERE c.entity = 'conflict' AND c.row_id = conflicts.id)")
    raw.executemany(
        "INSERT INTO conflicts (id, entity, row_id, field, winner_change, loser_change,"
        " winner_value, loser_value, loser_author, loser_at, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING", derived)
    now_open = {r[0] for r in raw.execute(
        "SELECT x.id FROM temp.sync_touched t CROSS JOIN conflicts x"
        " ON x.entity = t.entity AND x.row_id = t.row_id WHERE x.resolved_at IS NULL")}
    return len(now_open - before)


def conflicts_among(changes: Sequence[_Change]) -> Iterator[tuple[_Change, _Change]]:
    """The (winner, loser) pairs among the changes to one field of one row."""
    winner = max(changes, key=lambda c: (c.hlc, c.node_id))
    latest: dict[str, _Change] = {}
    seen_up_to: dict[str, Cursor] = {}
    for change in changes:
        mine = latest.get(change.node_id)
        if mine is None or (change.hlc, change.id) > (mine.hlc, mine.id):
            latest[change.node_id] = change
        base = change.base
        if base is not None and base > seen_up_to.get(change.node_id, (-1, -1)):
            seen_up_to[change.node_id] = base
    won = json.loads(winner.value)
    for head in latest.values():
        if head is winner:
            continue
        pos = head.pos
        if pos is not None and any(base >= pos for node, base in seen_up_to.items()
                                   if node != head.node_id):
            continue  # somebody who had pulled it changed the field after: not a head
        if winner.pos is not None and head.base is not None and winner.pos <= head.base:
            continue  # it had seen the winner (only a clock gone wrong gets here)
        if json.loads(head.value) == won:
            continue
        yield winner, head


def _saw(later: _Change, earlier: _Change) -> bool:
    """Whether the node that made ``later`` had seen ``earlier`` (``PROTOCOL.md``)."""
    if later.node_id == earlier.node_id:
        return earlier.hlc < later.hlc
    pos, base = earlier.pos, later.base
    return pos is not None and base is not None and pos <= base


def deleted_while_changed(changes: Sequence[_Change],
                          ) -> Iterator[tuple[_Change, _Change, dict[str, Any]]]:
    """The (delete, edit, {field: value}) triples of one row: the row is deleted now (the
    winning ``deleted_at`` is set) by a change that had not seen an edit of the row made
    elsewhere, whose node had not seen the delete either. One per node: its latest such
    edit. ``changes``: the row's changes, one per field set (:data:`_CANDIDATES`)."""
    deletes = [c for c in changes if c.field == DELETE_FIELD]
    if not deletes:
        return
    winner = max(deletes, key=lambda c: (c.hlc, c.node_id))
    if json.loads(winner.value) is None:
        return  # the row is not deleted (restored): nothing of anybody's is hidden
    touching_delete = {c.id for c in deletes}
    edits: dict[str, tuple[_Change, dict[str, Any]]] = {}
    for change in changes:
        if change.id in touching_delete or change.creates:
            continue
        found = edits.get(change.id)
        if found is None:
            found = edits[change.id] = (change, {})
        found[1][change.field] = json.loads(change.value)
    latest: dict[str, tuple[_Change, dict[str, Any]]] = {}
    for change, values in edits.values():
        if _saw(winner, change) or _saw(change, winner):
            continue
        mine = latest.get(change.node_id)
        if mine is None or (change.hlc, change.id) > (mine[0].hlc, mine[0].id):
            latest[change.node_id] = (change, values)
    for change, values in latest.values():
        yield winner, change, values


def _deleted_row(winner: _Change, edit: _Change, values: dict[str, Any]) -> tuple[Any, ...]:
    made = max(winner.at, edit.at)
    return (conflict_id(winner.id, edit.id, DELETE_FIELD), winner.entity, winner.row_id,
            DELETE_FIELD, winner.id, edit.id, _normal(winner.value),
            json.dumps(dict(sorted(values.items())), ensure_ascii=False), edit.author,
            edit.at, made, made)


def conflict_id(winner_change: str, loser_change: str, field: str) -> str:
    """The id every replica gives the conflict of these two changes over ``field`` (two
    changes that each set several fields can conflict over each of them)."""
    return str(uuid.uuid5(CONFLICT_NAMESPACE, f"{winner_change}{loser_change}:{field}"))


def _normal(value_json: str) -> str:
    return json.dumps(json.loads(value_json), ensure_ascii=False)


def _conflict_row(winner: _Change, loser: _Change) -> tuple[Any, ...]:
    made = max(winner.at, loser.at)
    return (conflict_id(winner.id, loser.id, winner.field), winner.entity, winner.row_id,
            winner.field,
            winner.id, loser.id, _normal(winner.value), _normal(loser.value), loser.author,
            loser.at, made, made)


# -- the clock: changes stamped too far ahead ---------------------------------------------------

def unpushed_ahead(db: Database, server_millis: int) -> list[str]:
    """Ids of this node's unpushed changes stamped too far ahead of ``server_millis``."""
    limit = (server_millis + RESTAMP_AHEAD_MS) << COUNTER_BITS
    with db.connect(write=False) as conn:
        return [r[0] for r in conn.exec_driver_sql(
            "SELECT id FROM changes WHERE pushed = 0 AND node_id = ? AND hlc >= ?"
            " ORDER BY seq", (db.node_id, limit))]


def follow_server_clock(db: Database, server_millis: int, offset_ms: int,
                        on_server: Collection[str] = ()) -> int:
    """Make this node's clock follow the server's: store ``offset_ms`` for new stamps, and
    stamp again the unpushed changes too far ahead (nobody has seen them), in their order,
    after every stamp this replica knows. ``on_server`` are ids the server has already
    (pushed, the answer lost): they keep their stamps. Returns how many were stamped again.
    """
    limit = (server_millis + RESTAMP_AHEAD_MS) << COUNTER_BITS
    with db.connect(write=True) as conn:
        raw = _raw(conn)
        raw.execute("INSERT INTO meta (key, value) VALUES ('clock_offset', ?)"
                    " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (str(offset_ms),))
        raw.executemany("UPDATE changes SET pushed = 1 WHERE id = ?",
                        [(i,) for i in on_server])
        ahead = raw.execute(
            "SELECT id, entity, row_id FROM changes WHERE pushed = 0 AND node_id = ?"
            " AND hlc >= ? ORDER BY hlc, seq", (db.node_id, limit)).fetchall()
        if not ahead:
            return 0
        floor = raw.execute(
            "SELECT max(hlc) FROM changes WHERE NOT (pushed = 0 AND node_id = ? AND hlc >= ?)",
            (db.node_id, limit)).fetchone()[0] or 0
        clock = HybridLogicalClock(floor)
        raw.executemany("UPDATE changes SET hlc = ? WHERE id = ?",
                        [(clock.now(server_millis), change_id) for change_id, _, _ in ahead])
        raw.execute("INSERT INTO meta (key, value) VALUES ('hlc', ?)"
                    " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (str(clock.last),))
        _load_touched(raw, {(entity, row_id) for _, entity, row_id in ahead})
        _rebuild(raw)
        _derive(raw)
        raw.execute("DELETE FROM temp.sync_touched")
    db.clock.last = clock.last  # lowered: the old stamps are gone
    return len(ahead)


# -- reading and resolving conflicts ------------------------------------------------------------

#: How each entity's rows are named in a conflict's title: (table, SQL giving the name).
_LABELS: dict[str, tuple[str, str]] = {
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
}


def list_conflicts(db: Database, *, open_only: bool = True) -> list[Conflict]:
    """The conflicts on this replica, oldest first (only the open ones by default)."""
    with reading(db) as reader:
        found = reader.conn.exec_driver_sql(
            "SELECT x.id, x.entity, x.row_id, x.field, x.winner_change, x.loser_change,"
            " x.winner_value, x.loser_value, x.loser_author, x.loser_at, x.resolved_at,"
            " x.resolution, l.node_id, w.author FROM conflicts x"
            " LEFT JOIN changes l ON l.id = x.loser_change"
            " LEFT JOIN changes w ON w.id = x.winner_change"
            " WHERE x.deleted_at IS NULL AND (? = 0 OR x.resolved_at IS NULL)"
            " ORDER BY x.created_at, x.id", (1 if open_only else 0,)).all()
        titles: dict[tuple[str, str], str] = {}
        for entity, ids in groupby(sorted({(r[1], r[2]) for r in found}), key=lambda k: k[0]):
            label = _LABELS.get(entity)
            if label is None:
                continue
            wanted = [row_id for _, row_id in ids]
            for start in range(0, len(wanted), 500):
                chunk = wanted[start:start + 500]
                for row_id, name in reader.conn.exec_driver_sql(
                        f"SELECT id, {label[1]} FROM {label[0]} WHERE id IN"
                        f" ({', '.join('?' * len(chunk))})", tuple(chunk)):
                    titles[(entity, row_id)] = str(name)
    return [Conflict(
        id=r[0], entity=r[1], row_id=r[2], field=r[3], winner_change=r[4], loser_change=r[5],
        winner_value=_value(r[6]), loser_value=_value(r[7]), loser_author=r[8] or "",
        loser_at=rows.parse_ts(r[9]), mine=r[12] == db.node_id,
        resolved_at=rows.parse_ts(r[10]), resolution=r[11],
        title=titles.get((r[1], r[2])) or r[2], winner_author=r[13] or "") for r in found]


def _value(text: str | None) -> Any:
    return None if text is None else json.loads(text)


# -- pulled changes the board cannot apply: quarantine --------------------------------------

def _reason(key: str, **params: Any) -> str:
    """A stored reason: the message key and its parameters (rendered when shown)."""
    return json.dumps({"key": key, "params": params}, ensure_ascii=False, default=str)


def reason_text(stored: str, lang: str) -> str:
    """A stored reason as a sentence in ``lang``."""
    try:
        found = json.loads(stored)
        key, params = found["key"], found["params"]
    except (ValueError, TypeError, KeyError):
        return stored
    if has(key):
        return Message(key, params).render(lang)
    return stored


def _list_of_text(value: Any) -> bool:
    try:
        found = json.loads(value)
    except (TypeError, ValueError):
        return False
    return isinstance(found, list) and all(isinstance(v, str) for v in found)


def _checklist(value: Any) -> bool:
    try:
        found = json.loads(value)
    except (TypeError, ValueError):
        return False
    return isinstance(found, list) and all(
        isinstance(e, list) and len(e) == 2 and isinstance(e[0], str)
        and isinstance(e[1], bool | int) for e in found)


#: Shapes the board reads beyond what the rulebook checks (else `list` would fail).
_SHAPES = {("item", "tags"): _list_of_text, ("activity", "tags"): _list_of_text,
           ("item", "checklist"): _checklist}


def check_change(entity: str, fields_text: str,
                 memo: dict[tuple[str, str, Any], str | None] | None = None,
                 ) -> tuple[str | None, list[tuple[str, str, str]]]:
    """Whether a pulled change can be applied on this board: ``(reason, references)``;
    the reason (a stored :func:`_reason`) is ``None`` when it can, the references are the
    rows its values point at, ``(field, entity, id)``, which must exist."""
    specs = FIELD_SPECS.get(entity)
    if specs is None or entity not in TABLES:
        return _reason("sync.quarantine.unknown_entity", entity=entity), []
    try:
        fields = json.loads(fields_text)
    except (TypeError, ValueError):
        return _reason("sync.quarantine.malformed"), []
    if not isinstance(fields, dict) or not fields:
        return _reason("sync.quarantine.malformed"), []
    refs: list[tuple[str, str, str]] = []
    for name, pair in fields.items():
        if not isinstance(pair, list) or len(pair) != 2:
            return _reason("sync.quarantine.malformed"), []
        value = pair[0]
        spec = specs.get(name)
        if spec is None:
            return _reason("sync.quarantine.unknown_field", entity=entity, field=name), []
        kind = spec.kind
        # The common cases at once (a pull may bring 100,000 changes); the rest: the rulebook.
        if value is None and spec.nullable:
            continue
        if kind == "text" and type(value) is str and len(value) <= 16384 \
                and "\x00" not in value:
            continue
        if kind == "int" and type(value) is int and (spec.low is None or value >= spec.low) \
                and (spec.high is None or value <= spec.high):
            continue
        if kind == "enum" and value in spec.choices:
            continue
        key = (entity, name, value) if type(value) is str and len(value) < 200 else None
        if key is not None and memo is not None and key in memo:
            problem = memo[key]
        else:
            refusal = check_value(entity, name, value)
            problem = None if refusal is None else _reason(refusal.key, **refusal.params)
            shape = _SHAPES.get((entity, name))
            if problem is None and shape is not None and not shape(value):
                problem = _reason("sync.quarantine.shape", entity=entity, field=name)
            if key is not None and memo is not None:
                memo[key] = problem
        if problem is not None:
            return problem, []
        if kind == "ref" and value is not None and spec.ref is not None:
            refs.append((name, spec.ref, value))
    return None, refs


def _quarantine(raw: sqlite3.Connection) -> int:
    """Take the new changes of ``sync_incoming`` this board cannot apply out of it, into
    ``quarantine``: a bad value, an unknown entity or field, malformed fields, a reference
    to a row that is neither here nor made in the batch. Returns how many."""
    fresh = raw.execute(
        "SELECT id, entity, row_id, fields, hlc, node_id, author, at, base_xid, base_seq,"
        " pos_xid, pos_seq FROM temp.sync_incoming WHERE known = 0").fetchall()
    if not fresh:
        return 0
    bad: dict[str, str] = {}
    pointing: list[tuple[str, str, str, str]] = []  # change id, field, entity, row id
    memo: dict[tuple[str, str, Any], str | None] = {}
    for change in fresh:
        reason, refs = check_change(change[1], change[3], memo)
        if reason is not None:
            bad[change[0]] = reason
        else:
            pointing.extend((change[0], *ref) for ref in refs)
    if pointing:
        made = {(c[1], c[2]): c[0] for c in fresh if c[0] not in bad}
        wanted: dict[str, set[str]] = {}
        for _cid, _field, entity, row_id in pointing:
            if (entity, row_id) not in made:
                wanted.setdefault(entity, set()).add(row_id)
        present: set[tuple[str, str]] = set()
        for entity, ids in wanted.items():
            table = TABLES.get(entity)
            if table is None:
                continue
            listed = sorted(ids)
            for start in range(0, len(listed), 500):
                chunk = listed[start:start + 500]
                present.update((entity, r[0]) for r in raw.execute(
                    f"SELECT id FROM {table.name} WHERE id IN ({', '.join('?' * len(chunk))})",
                    chunk))
        changed = True
        while changed:  # a row whose making is quarantined is missing for the others too
            changed = False
            for cid, field_name, entity, row_id in pointing:
                if cid in bad or (entity, row_id) in present:
                    continue
                maker = made.get((entity, row_id))
                if maker is not None and maker not in bad:
                    continue
                bad[cid] = _reason("sync.quarantine.missing_row", field=field_name,
                                   entity=entity, id=row_id)
                changed = True
    if not bad:
        return 0
    now = rows.ts(datetime.now(UTC))
    raw.executemany(
        "INSERT OR IGNORE INTO quarantine (change_id, entity, row_id, change, reason,"
        " pos_xid, pos_seq, quarantined_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(c[0], c[1], c[2], json.dumps(dict(zip(RemoteChange._fields, c, strict=True)),
                                      ensure_ascii=False), bad[c[0]], c[10], c[11], now)
         for c in fresh if c[0] in bad])
    raw.executemany("DELETE FROM temp.sync_incoming WHERE id = ?", [(i,) for i in bad])
    return len(bad)


@dataclass(frozen=True)
class Quarantined:
    """A pulled change this board could not apply, and why."""

    change_id: str
    entity: str
    row_id: str
    author: str
    #: The change as it came: ``{field: [new, old]}`` (or the text, when not JSON).
    fields: Any
    #: Why, as a stored reason (:func:`reason_text` renders it).
    reason: str
    at: datetime | None

    def why(self, lang: str) -> str:
        return reason_text(self.reason, lang)


def list_quarantined(db: Database) -> list[Quarantined]:
    """The quarantined changes, in server order."""
    with db.connect(write=False) as conn:
        found = conn.exec_driver_sql(
            "SELECT change_id, entity, row_id, change, reason, quarantined_at FROM quarantine"
            " ORDER BY pos_xid, pos_seq, change_id").all()
    out = []
    for change_id, entity, row_id, change, reason, at in found:
        try:
            whole = json.loads(change)
        except ValueError:
            whole = {}
        fields: Any = whole.get("fields", "")
        with contextlib.suppress(TypeError, ValueError):
            fields = json.loads(fields)
        out.append(Quarantined(change_id, entity, row_id, str(whole.get("author") or ""),
                               fields, reason, rows.parse_ts(at)))
    return out


# -- this replica's changes the server refused --------------------------------------------------

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
    with db.connect(write=True) as conn:
        _raw(conn).executemany(
            "INSERT INTO refused_changes (change_id, code, reason, refused_at)"
            " VALUES (?, ?, ?, ?) ON CONFLICT (change_id) DO UPDATE SET code = excluded.code,"
            " reason = excluded.reason, refused_at = excluded.refused_at",
            [(*r, now) for r in refused])


def list_refused(db: Database, ids: Collection[str] | None = None) -> list[RefusedChange]:
    """The changes set aside (all, or those of ``ids``), oldest first."""
    with db.connect(write=False) as conn:
        found = conn.exec_driver_sql(
            "SELECT r.change_id, r.code, r.reason, r.refused_at, c.entity, c.row_id, c.fields"
            " FROM refused_changes r JOIN changes c ON c.id = r.change_id"
            " ORDER BY c.seq").all()
        wanted = [r for r in found if ids is None or r[0] in ids]
        titles: dict[tuple[str, str], str] = {}
        for entity, row_id in {(r[4], r[5]) for r in wanted}:
            label = _LABELS.get(entity)
            if label is not None:
                name = conn.exec_driver_sql(f"SELECT {label[1]} FROM {label[0]} WHERE id = ?",
                                            (row_id,)).scalar_one_or_none()
                if name is not None:
                    titles[(entity, row_id)] = str(name)
    out = []
    for change_id, code, reason, at, entity, row_id, fields in wanted:
        values = {k: v[0] for k, v in json.loads(fields).items()
                  if k not in BOOKKEEPING and isinstance(v, list) and v}
        out.append(RefusedChange(change_id, code, reason, rows.parse_ts(at), entity, row_id,
                                 values, titles.get((entity, row_id)) or row_id))
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
            c for c, p in plain.items() if wanted and (p.startswith(wanted)
                                                       or p.endswith(wanted))]
        if len(found) != 1:
            if not found:
                raise NotFound("sync.refused.not_found", id=fragment)
            raise BadInput("sync.refused.ambiguous", id=fragment)
        chosen.append(found[0])
    return chosen


def redo_refused(db: Database, ids: Collection[str] | None = None) -> int:
    """Send the refused changes (all, or ``ids``) again at the next push; returns how many."""
    with db.connect(write=True) as conn:
        if ids is None:
            return int(conn.exec_driver_sql("DELETE FROM refused_changes").rowcount)
        return sum(int(conn.exec_driver_sql(
            "DELETE FROM refused_changes WHERE change_id = ?", (i,)).rowcount) for i in ids)


def discard_refused(db: Database, ids: Collection[str] | None = None) -> list[RefusedChange]:
    """Drop refused changes (all, or ``ids``) from the log and undo their effect here: each
    field they set gets its value from the remaining changes of the row (else the value it
    had before), and a row they created is removed (rebuilt if other changes make it). The
    server never had them, so the board is as the server's log has it again."""
    gone = list_refused(db, ids)
    if not gone:
        return []
    with db.connect(write=True) as conn:
        raw = _raw(conn)
        wanted = [(r.change_id,) for r in gone]
        found = raw.execute(
            "SELECT id, entity, row_id, fields, hlc, node_id FROM changes"
            f" WHERE id IN ({', '.join('?' * len(wanted))}) AND pushed = 0"
            " ORDER BY hlc DESC, node_id DESC", [w[0] for w in wanted]).fetchall()
        raw.executemany("DELETE FROM changes WHERE id = ? AND pushed = 0", wanted)
        raw.executemany("DELETE FROM refused_changes WHERE change_id = ?", wanted)
        touched: dict[tuple[str, str], dict[str, Any]] = {}
        created: set[tuple[str, str]] = set()
        for _id, entity, row_id, fields_text, _hlc, _node in found:
            before = touched.setdefault((entity, row_id), {})
            for name, pair in json.loads(fields_text).items():
                before[name] = pair[1]  # newest first: the oldest change's "old" stays
                if name == "created_at" and pair[1] is None:
                    created.add((entity, row_id))
        for (entity, row_id), before in touched.items():
            table = TABLES.get(entity)
            if table is None:
                continue
            if (entity, row_id) in created:
                raw.execute(f"DELETE FROM {table.name} WHERE id = ?", (row_id,))
                continue
            columns = {c.name for c in table.columns}
            names = [n for n in before if n in columns and n != "id"]
            if names:
                raw.execute(f"UPDATE {table.name} SET {', '.join(f'{n} = ?' for n in names)}"
                            " WHERE id = ?", (*(before[n] for n in names), row_id))
        _load_touched(raw, touched)
        _rebuild(raw)  # what the remaining changes say wins over the old values
        _derive(raw)
        raw.execute("DELETE FROM temp.sync_touched")
    return gone


def file_name(path: Any) -> Any:
    """A transfer's file without the folders of the computer it was made on."""
    if not isinstance(path, str) or path in ("", "-"):
        return path
    return path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
