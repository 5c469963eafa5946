"""This replica's side of sync, in SQLite: the outbox (changes not yet on the server), a
pulled batch staged and merged into the log, the rows it touches rebuilt, conflicts kept,
quarantined and refused changes, and sync's marks in ``meta``.

The SQL only: what wins, what conflicts and what can be applied is decided by
:mod:`kanban_sec.sync.merge`, which drives a :class:`Staging` through one transaction;
the server's side is :mod:`kanban_sec.sync.client` and :mod:`kanban_sec.sync.server`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from kanban_sec.store.database import Database
from kanban_sec.store.unit_of_work import parse_cursor

if TYPE_CHECKING:
    from kanban_sec.store.plain_sql import PlainConnection as Connection

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
_TOUCHED = (
    "CREATE TEMP TABLE IF NOT EXISTS sync_touched (entity TEXT, row_id TEXT,"
    " mode INTEGER NOT NULL DEFAULT 2, PRIMARY KEY (entity, row_id)) WITHOUT ROWID"
)
FULL, NEWER, DERIVE_ONLY = 2, 1, 0

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

#: Every change to a conflict-prone field (any but ``{bookkeeping}``) of the touched rows
#: that more than one node changed, grouped by (entity, row, field).
_CANDIDATES = """
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
  WHERE j.key NOT IN ({bookkeeping})
  WINDOW w AS (PARTITION BY c.entity, c.row_id, j.key)
)
SELECT entity, row_id, field, id, hlc, node_id, pos_xid, pos_seq, base_xid, base_seq, value,
       author, at, lo <> hi, creates
FROM f ORDER BY entity, row_id, field
"""
_OPEN_TOUCHED = (
    "SELECT x.id FROM temp.sync_touched t CROSS JOIN conflicts x"
    " ON x.entity = t.entity AND x.row_id = t.row_id WHERE x.resolved_at IS NULL"
)
_SET_META = (
    "INSERT INTO meta (key, value) VALUES (?, ?)"
    " ON CONFLICT (key) DO UPDATE SET value = excluded.value"
)
_CHUNK = 500


def _raw(conn: Connection) -> sqlite3.Connection:
    """The DB-API connection under ``conn`` (same transaction), for bulk statements."""
    driver = conn.connection.driver_connection
    assert isinstance(driver, sqlite3.Connection)
    return driver


class Staging:
    """A pulled batch (``sync_incoming``) and the rows it touches (``sync_touched``) in
    temporary tables, merged into the log and the rows within ``conn``'s transaction."""

    def __init__(self, conn: Connection) -> None:
        self.raw = _raw(conn)
        self.raw.execute(_INCOMING)
        self.raw.execute(_TOUCHED)
        #: Fields texts parsed while checking the batch, by text (read-only: rebuilding the
        #: rows reads the same changes again).
        self.parsed: dict[str, Any] = {}

    # -- the batch -------------------------------------------------------------------------
    def stage(self, changes: Sequence[Sequence[Any]]) -> int:
        """Put a pulled batch (the log's columns and the server position, as
        :class:`kanban_sec.sync.merge.RemoteChange`) in ``sync_incoming``, each change once;
        mark those already in the log (``known``), stamped otherwise there (``restamped``)
        or not placed yet (``placed``). Returns how many it holds."""
        raw = self.raw
        raw.execute("DELETE FROM temp.sync_incoming")
        raw.executemany(
            "INSERT OR IGNORE INTO temp.sync_incoming (id, entity, row_id, fields, hlc,"
            " node_id, author, at, base_xid, base_seq, pos_xid, pos_seq)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            changes,
        )
        received = int(raw.execute("SELECT count(*) FROM temp.sync_incoming").fetchone()[0])
        raw.execute(
            "UPDATE temp.sync_incoming SET known = 1, restamped = (c.hlc <> sync_incoming.hlc),"
            " placed = (c.pos_xid IS NULL) FROM main.changes c WHERE c.id = sync_incoming.id"
        )
        return received

    def position_known(self) -> int:
        """Give the changes already in the log the batch's server position, stamp and
        ``pushed``; returns how many changed."""
        return int(
            self.raw.execute(
                "UPDATE main.changes SET pos_xid = i.pos_xid, pos_seq = i.pos_seq, pushed = 1,"
                " hlc = i.hlc FROM temp.sync_incoming i"
                " WHERE i.known = 1 AND changes.id = i.id AND (changes.pos_xid IS NULL"
                "  OR changes.pushed = 0 OR changes.hlc <> i.hlc OR changes.pos_xid <> i.pos_xid"
                "  OR changes.pos_seq <> i.pos_seq)"
            ).rowcount
        )

    def fresh(self) -> list[Any]:
        """The batch's changes new to the log, as staged."""
        return self.raw.execute(
            "SELECT id, entity, row_id, fields, hlc, node_id, author, at, base_xid, base_seq,"
            " pos_xid, pos_seq FROM temp.sync_incoming WHERE known = 0"
        ).fetchall()

    def present(self, table: str, row_ids: Iterable[str]) -> set[str]:
        """Which of ``row_ids`` have a row in ``table`` (deleted ones too)."""
        listed = sorted(row_ids)
        found: set[str] = set()
        for start in range(0, len(listed), _CHUNK):
            chunk = listed[start : start + _CHUNK]
            found.update(
                r[0]
                for r in self.raw.execute(
                    f"SELECT id FROM {table} WHERE id IN ({', '.join('?' * len(chunk))})", chunk
                )
            )
        return found

    def quarantine(self, kept: Sequence[tuple[Any, ...]]) -> None:
        """Move changes out of the batch into ``quarantine``: ``(change_id, entity, row_id,
        change JSON, reason, pos_xid, pos_seq, quarantined_at)``."""
        self.raw.executemany(
            "INSERT OR IGNORE INTO quarantine (change_id, entity, row_id, change, reason,"
            " pos_xid, pos_seq, quarantined_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            kept,
        )
        self.raw.executemany("DELETE FROM temp.sync_incoming WHERE id = ?", [(k[0],) for k in kept])

    def touch_batch(self) -> None:
        """The rows the batch touches, each with how it is rebuilt (before the new changes
        join the log: is each row's batch newer than all it has?)."""
        raw = self.raw
        raw.execute("DELETE FROM temp.sync_touched")
        raw.execute(
            "INSERT INTO temp.sync_touched (entity, row_id, mode)"
            " SELECT i.entity, i.row_id, CASE WHEN coalesce((SELECT max(c.hlc)"
            "  FROM main.changes c WHERE c.entity = i.entity AND c.row_id = i.row_id), -1)"
            f"  >= min(i.hlc) THEN {FULL} ELSE {NEWER} END"
            " FROM temp.sync_incoming i WHERE i.known = 0 GROUP BY i.entity, i.row_id"
        )
        raw.execute(
            "INSERT INTO temp.sync_touched (entity, row_id, mode)"
            f" SELECT DISTINCT entity, row_id, {FULL} FROM temp.sync_incoming WHERE restamped"
            f" ON CONFLICT (entity, row_id) DO UPDATE SET mode = {FULL}"
        )
        # Which of this node's changes others have seen is known now: conflicts may change.
        raw.execute(
            "INSERT OR IGNORE INTO temp.sync_touched (entity, row_id, mode)"
            f" SELECT DISTINCT entity, row_id, {DERIVE_ONLY} FROM temp.sync_incoming"
            " WHERE placed"
        )

    def log_new(self) -> int:
        """Add the batch's new changes to the log (pushed, with their position) in server
        order; returns how many."""
        return int(
            self.raw.execute(
                "INSERT INTO main.changes (id, entity, row_id, fields, hlc, node_id, author, at,"
                " pushed, pos_xid, pos_seq, base_xid, base_seq)"
                " SELECT id, entity, row_id, fields, hlc, node_id, author, at, 1, pos_xid, pos_seq,"
                " base_xid, base_seq FROM temp.sync_incoming WHERE known = 0"
                " ORDER BY pos_xid, pos_seq"
            ).rowcount
        )

    def finish(self, cursor: tuple[int, int]) -> tuple[tuple[int, int], int]:
        """Empty the staging tables and store the pull cursor (never moved back) and the
        clock (the batch's newest stamp at least); returns both as stored."""
        raw = self.raw
        raw.execute("DELETE FROM temp.sync_touched")
        newest = raw.execute("SELECT max(hlc) FROM temp.sync_incoming").fetchone()[0] or 0
        raw.execute("DELETE FROM temp.sync_incoming")
        stored = dict(
            raw.execute(
                "SELECT key, value FROM meta WHERE key IN ('sync_cursor', 'hlc')"
            ).fetchall()
        )
        before = parse_cursor(stored.get("sync_cursor"))
        after = cursor if before[0] is None else max(cursor, (before[0], before[1] or 0))
        newest = max(newest, int(stored.get("hlc", 0)))
        raw.executemany(
            _SET_META, [("sync_cursor", f"{after[0]}:{after[1]}"), ("hlc", str(newest))]
        )
        return after, newest

    # -- the rows touched ------------------------------------------------------------------
    def touch(self, keys: Iterable[tuple[str, str]]) -> None:
        """Rows ``(entity, row id)`` to rebuild from all their changes."""
        self.raw.execute("DELETE FROM temp.sync_touched")
        self.raw.executemany(
            "INSERT OR IGNORE INTO temp.sync_touched (entity, row_id) VALUES (?, ?)", keys
        )

    def untouch(self) -> None:
        self.raw.execute("DELETE FROM temp.sync_touched")

    def deciding(self) -> Iterator[tuple[str, str, str, int, str]]:
        """``(entity, row_id, fields, hlc, node_id)`` of the changes that decide the touched
        rows, by row, oldest ``(hlc, node_id)`` first."""
        yield from self.raw.execute(_DECIDING)

    def rebuilt_present(self, entity: str, table: str) -> set[str]:
        """The touched rows of ``entity`` to rebuild that ``table`` holds already."""
        return {
            r[0]
            for r in self.raw.execute(
                f"SELECT id FROM {table} WHERE id IN"
                " (SELECT row_id FROM temp.sync_touched WHERE entity = ? AND mode > 0)",
                (entity,),
            )
        }

    def insert_rows(
        self,
        table: str,
        names: Sequence[str],
        params: list[tuple[Any, ...]],
    ) -> None:
        """New rows: ``(id, *values of names)`` each."""
        self.raw.executemany(
            f"INSERT INTO {table} (id, {', '.join(names)})"
            f" VALUES ({', '.join('?' * (len(names) + 1))})",
            params,
        )

    def update_rows(
        self,
        table: str,
        names: Sequence[str],
        params: list[tuple[Any, ...]],
    ) -> None:
        """Rows that exist: ``(*values of names, id)`` each."""
        self.raw.executemany(
            f"UPDATE {table} SET {', '.join(f'{n} = ?' for n in names)} WHERE id = ?", params
        )

    # -- conflicts -------------------------------------------------------------------------
    def candidates(self, bookkeeping: Collection[str]) -> Iterator[tuple[Any, ...]]:
        """The changes of the touched rows that may conflict (see :data:`_CANDIDATES`)."""
        names = ", ".join(f"'{name}'" for name in sorted(bookkeeping))
        yield from self.raw.execute(_CANDIDATES.format(bookkeeping=names))

    def replace_conflicts(self, derived: Sequence[tuple[Any, ...]]) -> int:
        """The touched rows' conflicts become ``derived`` (``(id, entity, row_id, field,
        winner_change, loser_change, winner_value, loser_value, loser_author, loser_at,
        created_at, updated_at)``), except those a ``conflict`` change describes (they
        stand on their own); returns how many open ones are new."""
        raw = self.raw
        before = {r[0] for r in raw.execute(_OPEN_TOUCHED)}
        raw.execute(
            "DELETE FROM conflicts WHERE id IN (SELECT x.id FROM temp.sync_touched t"
            " CROSS JOIN conflicts x ON x.entity = t.entity AND x.row_id = t.row_id)"
            " AND NOT EXISTS (SELECT 1 FROM main.changes c"
            "  WHERE c.entity = 'conflict' AND c.row_id = conflicts.id)"
        )
        raw.executemany(
            "INSERT INTO conflicts (id, entity, row_id, field, winner_change, loser_change,"
            " winner_value, loser_value, loser_author, loser_at, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
            derived,
        )
        now_open = {r[0] for r in raw.execute(_OPEN_TOUCHED)}
        return len(now_open - before)

    # -- the clock -------------------------------------------------------------------------
    def ahead(
        self,
        node_id: str,
        limit: int,
        offset_ms: int,
        on_server: Collection[str],
    ) -> tuple[list[Any], int]:
        """Store the clock offset and mark ``on_server`` pushed; returns ``(id, entity,
        row_id)`` of this node's unpushed changes stamped at or after ``limit``, in their
        order, and the newest stamp of the others (none: no floor, ``[]`` and 0)."""
        raw = self.raw
        raw.execute(_SET_META, ("clock_offset", str(offset_ms)))
        raw.executemany("UPDATE changes SET pushed = 1 WHERE id = ?", [(i,) for i in on_server])
        found = raw.execute(
            "SELECT id, entity, row_id FROM changes WHERE pushed = 0 AND node_id = ?"
            " AND hlc >= ? ORDER BY hlc, seq",
            (node_id, limit),
        ).fetchall()
        if not found:
            return [], 0
        floor = (
            raw.execute(
                "SELECT max(hlc) FROM changes WHERE NOT (pushed = 0 AND node_id = ? AND hlc >= ?)",
                (node_id, limit),
            ).fetchone()[0]
            or 0
        )
        return found, int(floor)

    def restamp(self, stamps: Sequence[tuple[int, str]], clock: int) -> None:
        """Give changes new stamps ``(hlc, id)`` and store the clock."""
        self.raw.executemany("UPDATE changes SET hlc = ? WHERE id = ?", stamps)
        self.raw.execute(_SET_META, ("hlc", str(clock)))

    # -- undoing refused changes -----------------------------------------------------------
    def drop_unpushed(self, change_ids: Sequence[str]) -> list[Any]:
        """Take the unpushed ones of ``change_ids`` out of the log and out of the refused;
        returns their ``(id, entity, row_id, fields, hlc, node_id)``, newest first."""
        raw = self.raw
        wanted = [(c,) for c in change_ids]
        found = raw.execute(
            "SELECT id, entity, row_id, fields, hlc, node_id FROM changes"
            f" WHERE id IN ({', '.join('?' * len(wanted))}) AND pushed = 0"
            " ORDER BY hlc DESC, node_id DESC",
            list(change_ids),
        ).fetchall()
        raw.executemany("DELETE FROM changes WHERE id = ? AND pushed = 0", wanted)
        raw.executemany("DELETE FROM refused_changes WHERE change_id = ?", wanted)
        return found

    def delete_row(self, table: str, row_id: str) -> None:
        self.raw.execute(f"DELETE FROM {table} WHERE id = ?", (row_id,))

    def set_row(self, table: str, row_id: str, values: dict[str, Any]) -> None:
        self.raw.execute(
            f"UPDATE {table} SET {', '.join(f'{n} = ?' for n in values)} WHERE id = ?",
            (*values.values(), row_id),
        )


# -- the outbox ---------------------------------------------------------------------------------

_UNPUSHED = "pushed = 0 AND id NOT IN (SELECT change_id FROM refused_changes)"


def outbox(db: Database) -> tuple[int | None, int]:
    """The last local ``seq`` of the changes to push (not pushed, not refused), and how many."""
    with db.connect(write=False) as conn:
        last, total = conn.exec_driver_sql(
            f"SELECT max(seq), count(*) FROM changes WHERE {_UNPUSHED}"
        ).one()
    return last, int(total)


def outbox_batch(db: Database, after: int, last: int, limit: int) -> list[Any]:
    """Changes to push with ``after < seq <= last``, at most ``limit``, in log order:
    ``(seq, id, entity, row_id, fields, hlc, node_id, author, base_xid, base_seq, at)``."""
    with db.connect(write=False) as conn:
        return list(
            conn.exec_driver_sql(
                "SELECT seq, id, entity, row_id, fields, hlc, node_id, author, base_xid,"
                f" base_seq, at FROM changes WHERE {_UNPUSHED} AND seq > ? AND seq <= ?"
                " ORDER BY seq LIMIT ?",
                (after, last, limit),
            ).all()
        )


def changes_here(db: Database, change_ids: Sequence[str]) -> set[str]:
    """Which of ``change_ids`` the log holds."""
    with db.connect(write=False) as conn:
        return {
            r[0]
            for r in conn.exec_driver_sql(
                "SELECT c.id FROM json_each(?) j JOIN changes c ON c.id = j.value",
                (json.dumps(list(change_ids)),),
            )
        }


def mark_pushed(db: Database, up_to_seq: int) -> None:
    """The changes to push up to local ``seq`` are on the server."""
    with db.connect(write=True) as conn:
        conn.exec_driver_sql(
            f"UPDATE changes SET pushed = 1 WHERE {_UNPUSHED} AND seq <= ?", (up_to_seq,)
        )


def unpushed_from(db: Database, hlc_limit: int) -> list[str]:
    """Ids of this node's unpushed changes stamped at or after ``hlc_limit``, in log order."""
    with db.connect(write=False) as conn:
        return [
            r[0]
            for r in conn.exec_driver_sql(
                "SELECT id FROM changes WHERE pushed = 0 AND node_id = ? AND hlc >= ? ORDER BY seq",
                (db.node_id, hlc_limit),
            )
        ]


# -- sync's marks in meta -----------------------------------------------------------------------


def meta_values(db: Database, keys: Sequence[str]) -> dict[str, str]:
    """The stored ``meta`` values of ``keys`` (those stored)."""
    with db.connect(write=False) as conn:
        return dict(
            conn.exec_driver_sql(
                f"SELECT key, value FROM meta WHERE key IN ({', '.join('?' * len(keys))})",
                tuple(keys),
            ).all()
        )


def set_meta(db: Database, values: dict[str, str]) -> None:
    """Store ``meta`` values, in one transaction."""
    with db.connect(write=True) as conn:
        conn.exec_driver_sql(_SET_META, list(values.items()))


def synced(db: Database, at: str) -> tuple[int, int]:
    """Record a finished sync at ``at`` (stored time); returns the open conflicts and the
    quarantined changes after it."""
    with db.connect(write=True) as conn:
        conn.exec_driver_sql(_SET_META, ("sync_last", at))
        open_conflicts = int(
            conn.exec_driver_sql(
                "SELECT count(*) FROM conflicts WHERE resolved_at IS NULL AND deleted_at IS NULL"
            ).scalar_one()
        )
        quarantined = int(conn.exec_driver_sql("SELECT count(*) FROM quarantine").scalar_one())
    return open_conflicts, quarantined


# -- quarantined and refused changes ------------------------------------------------------------


def quarantined(db: Database) -> list[Any]:
    """``(change_id, entity, row_id, change JSON, reason, quarantined_at)`` of the
    quarantined changes, in server order."""
    with db.connect(write=False) as conn:
        return list(
            conn.exec_driver_sql(
                "SELECT change_id, entity, row_id, change, reason, quarantined_at FROM quarantine"
                " ORDER BY pos_xid, pos_seq, change_id"
            ).all()
        )


def set_aside(db: Database, refused: Sequence[tuple[str, str, str, str]]) -> None:
    """Record refused changes ``(id, code, reason, refused_at)`` (again: the newest
    refusal stands)."""
    with db.connect(write=True) as conn:
        _raw(conn).executemany(
            "INSERT INTO refused_changes (change_id, code, reason, refused_at)"
            " VALUES (?, ?, ?, ?) ON CONFLICT (change_id) DO UPDATE SET code = excluded.code,"
            " reason = excluded.reason, refused_at = excluded.refused_at",
            refused,
        )


def refused(
    db: Database, ids: Collection[str] | None, labels: dict[str, tuple[str, str]]
) -> tuple[list[Any], dict[tuple[str, str], str]]:
    """The refused changes (all, or those of ``ids``) in log order, ``(change_id, code,
    reason, refused_at, entity, row_id, fields)``, and their rows' names by ``labels``
    (entity → (table, SQL of the name))."""
    with db.connect(write=False) as conn:
        found = conn.exec_driver_sql(
            "SELECT r.change_id, r.code, r.reason, r.refused_at, c.entity, c.row_id, c.fields"
            " FROM refused_changes r JOIN changes c ON c.id = r.change_id"
            " ORDER BY c.seq"
        ).all()
        wanted = [r for r in found if ids is None or r[0] in ids]
        titles: dict[tuple[str, str], str] = {}
        for entity, row_id in {(r[4], r[5]) for r in wanted}:
            label = labels.get(entity)
            if label is not None:
                name = conn.exec_driver_sql(
                    f"SELECT {label[1]} FROM {label[0]} WHERE id = ?", (row_id,)
                ).scalar_one_or_none()
                if name is not None:
                    titles[(entity, row_id)] = str(name)
    return wanted, titles


def forget_refused(db: Database, ids: Collection[str] | None = None) -> int:
    """Take refused changes (all, or ``ids``) off the refused list; returns how many."""
    with db.connect(write=True) as conn:
        if ids is None:
            return int(conn.exec_driver_sql("DELETE FROM refused_changes").rowcount)
        return sum(
            int(
                conn.exec_driver_sql(
                    "DELETE FROM refused_changes WHERE change_id = ?", (i,)
                ).rowcount
            )
            for i in ids
        )
