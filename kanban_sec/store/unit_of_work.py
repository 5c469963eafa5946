"""Reading the board, and the unit of work: one transaction per service call, with the
change log written in that same transaction, one record per row written."""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from kanban_sec.domain import hlc, rules
from kanban_sec.domain.annual_wheel import Activity
from kanban_sec.domain.governance import RiskDecision, Verification
from kanban_sec.domain.hlc import HybridLogicalClock
from kanban_sec.domain.ids import new_id
from kanban_sec.domain.model import (
    Chain,
    Change,
    Column,
    Comment,
    Item,
    Link,
    OrgUnit,
    Person,
    Status,
)
from kanban_sec.store import rows
from kanban_sec.store.database import Database
from kanban_sec.store.entities import TABLE_OF
from kanban_sec.store.world import StoreWorld

if TYPE_CHECKING:
    from kanban_sec.store.plain_sql import PlainConnection as Connection

#: From this many rows on, insert_many has SQLite build the change records.
BULK = 256
_ITEM_SELECT = f"SELECT {rows.ITEM_COLUMNS} FROM items WHERE deleted_at IS NULL"
#: The item columns a CSV export reads (:meth:`Reader.export_items`).
EXPORT_COLUMNS = (
    # A measure of a ROS risk shows the risk's likelihood and consequence.
    "id, title, description, status, chain_id, link_id,"
    " CASE WHEN risk_id IS NULL THEN likelihood"
    " ELSE (SELECT r.likelihood FROM ros_risks r WHERE r.id = i.risk_id) END,"
    " CASE WHEN risk_id IS NULL THEN consequence"
    " ELSE (SELECT r.consequence FROM ros_risks r WHERE r.id = i.risk_id) END,"
    " effort, owner_unit_id, owner_person_id, framework_ref, classification, tags,"
    " blocked_reason, due_date, pinned_at, pin_reason, created_at, updated_at, done_at,"
    " risk_id"
)


@dataclass(frozen=True)
class Board:
    """Everything the ranking and the ownership rules look at."""

    units: dict[str, OrgUnit]
    people: dict[str, Person]
    chains: dict[str, Chain]
    links: dict[str, Link]
    columns: list[Column]
    items: list[Item]
    #: Risk decisions (recommended or decided), oldest first.
    decisions: list[RiskDecision] = field(default_factory=list)
    #: Board settings by key (policy, acceptance bands), as stored text.
    settings: dict[str, str] = field(default_factory=dict)


class Reader:
    """Queries over one open transaction."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def _all(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        return list(self.conn.exec_driver_sql(sql, tuple(params)).all())

    def units(self) -> dict[str, OrgUnit]:
        return {
            r[0]: rows.unit_from(r)
            for r in self._all(
                f"SELECT {rows.UNIT_COLUMNS} FROM org_units WHERE deleted_at IS NULL"
            )
        }

    def people(self) -> dict[str, Person]:
        return {
            r[0]: rows.person_from(r)
            for r in self._all(f"SELECT {rows.PERSON_COLUMNS} FROM people WHERE deleted_at IS NULL")
        }

    def chains(self) -> dict[str, Chain]:
        return {
            r[0]: rows.chain_from(r)
            for r in self._all(f"SELECT {rows.CHAIN_COLUMNS} FROM chains WHERE deleted_at IS NULL")
        }

    def links(self) -> dict[str, Link]:
        return {
            r[0]: rows.link_from(r)
            for r in self._all(f"SELECT {rows.LINK_COLUMNS} FROM links WHERE deleted_at IS NULL")
        }

    def columns(self) -> list[Column]:
        return [
            rows.column_from(r)
            for r in self._all(f"SELECT {rows.COLUMN_COLUMNS} FROM board_columns ORDER BY position")
        ]

    def column(self, status: Status) -> Column:
        return rows.column_from(
            self._all(
                f"SELECT {rows.COLUMN_COLUMNS} FROM board_columns WHERE key = ?", (status.value,)
            )[0]
        )

    def items(self, *, include_done: bool = True) -> list[Item]:
        sql = _ITEM_SELECT if include_done else _ITEM_SELECT + " AND status != 'done'"
        return self._judged_by_risk([rows.item_from(r) for r in self._all(sql)])

    def item(self, item_id: str) -> Item | None:
        found = self._all(_ITEM_SELECT + " AND id = ?", (item_id,))
        return self._judged_by_risk([rows.item_from(found[0])])[0] if found else None

    def _judged_by_risk(self, items: list[Item]) -> list[Item]:
        """Measures of a ROS risk with the risk's current likelihood and consequence."""
        wanted = {i.risk_id for i in items if i.risk_id}
        if not wanted:
            return items
        judged = {
            r[0]: (r[1], r[2])
            for r in self._all(
                "SELECT id, likelihood, consequence FROM ros_risks WHERE deleted_at IS NULL"
            )
            if r[0] in wanted
        }
        for item in items:
            if item.risk_id in judged:
                item.likelihood, item.consequence = judged[item.risk_id]
        return items

    def board(self, *, include_done: bool = True) -> Board:
        return Board(
            self.units(),
            self.people(),
            self.chains(),
            self.links(),
            self.columns(),
            self.items(include_done=include_done),
            self.risk_decisions(),
            self.settings(),
        )

    def risk_decisions(self) -> list[RiskDecision]:
        return [
            rows.risk_decision_from(r)
            for r in self._all(
                f"SELECT {rows.RISK_DECISION_COLUMNS} FROM risk_decisions"
                " WHERE deleted_at IS NULL ORDER BY created_at, id"
            )
        ]

    def verifications(self, item_id: str | None = None) -> list[Verification]:
        sql = f"SELECT {rows.VERIFICATION_COLUMNS} FROM verifications WHERE deleted_at IS NULL"
        params: tuple[str, ...] = ()
        if item_id is not None:
            sql += " AND item_id = ?"
            params = (item_id,)
        return [
            rows.verification_from(r) for r in self._all(sql + " ORDER BY created_at, id", params)
        ]

    def settings(self) -> dict[str, str]:
        return {
            r[0]: r[1] for r in self._all("SELECT id, value FROM settings WHERE deleted_at IS NULL")
        }

    def item_ids_matching(self, fragment: str) -> list[str]:
        """Ids equal to, starting with or ending with ``fragment`` (dashes optional)."""
        exact = self._all("SELECT id FROM items WHERE id = ? AND deleted_at IS NULL", (fragment,))
        if exact:
            return [exact[0][0]]
        bare = fragment.replace("-", "").lower()
        if not bare or any(c not in "0123456789abcdef" for c in bare):
            return []
        found = self._all(
            "SELECT id FROM items WHERE deleted_at IS NULL AND"
            " (replace(id, '-', '') LIKE ? || '%' OR replace(id, '-', '') LIKE '%' || ?)",
            (bare, bare),
        )
        return sorted(r[0] for r in found)

    def count_confidential(self, *, include_done: bool = False) -> int:
        """Confidential items on the board (open ones unless ``include_done``)."""
        sql = (
            "SELECT count(*) FROM items WHERE classification = 'confidential'"
            " AND deleted_at IS NULL"
        )
        if not include_done:
            sql += " AND status != 'done'"
        return int(self.conn.exec_driver_sql(sql).scalar_one())

    def count_items(self) -> int:
        """Items on the board (not deleted)."""
        return int(
            self.conn.exec_driver_sql(
                "SELECT count(*) FROM items WHERE deleted_at IS NULL"
            ).scalar_one()
        )

    def count_open_with(self, column: str, row_id: str) -> int:
        """Open (not done, not deleted) items whose ``column`` (a chain, link or owner
        reference) is ``row_id``."""
        assert column in ("chain_id", "link_id", "owner_unit_id", "owner_person_id")
        return int(
            self.conn.exec_driver_sql(
                f"SELECT count(*) FROM items WHERE {column} = ? AND status != 'done'"
                " AND deleted_at IS NULL",
                (row_id,),
            ).scalar_one()
        )

    def item_ids_titled(self, text: str) -> list[str]:
        """Items (deleted ones too) whose title holds ``text``, any case."""
        return [
            r[0]
            for r in self._all(
                "SELECT id FROM items WHERE instr(lower(title), lower(?)) > 0", (text,)
            )
        ]

    def item_ids_present(self, item_ids: Iterable[str]) -> set[str]:
        """Which of ``item_ids`` have a row (deleted ones too)."""
        wanted = list(item_ids)
        return {
            r[0] for r in self._all(f"SELECT id FROM items WHERE id IN {ids_in(wanted)}", wanted)
        }

    def item_scopes(self) -> Iterator[tuple[str, str | None, str | None]]:
        """``(id, chain id, owner unit id)`` of every item not deleted."""
        yield from self.conn.exec_driver_sql(
            "SELECT id, chain_id, owner_unit_id FROM items WHERE deleted_at IS NULL"
        )

    def export_items(self, *, include_done: bool) -> list[Any]:
        """The columns of :data:`EXPORT_COLUMNS` of the items not deleted (not done unless
        ``include_done``), as stored."""
        sql = f"SELECT {EXPORT_COLUMNS} FROM items i WHERE deleted_at IS NULL"
        return self._all(sql if include_done else sql + " AND status != 'done'")

    def item_rows(self, item_ids: Collection[str]) -> dict[str, dict[str, Any]]:
        """The stored rows (every column, deleted ones too) of ``item_ids`` that exist."""
        found: dict[str, dict[str, Any]] = {}
        result = self.conn.exec_driver_sql("SELECT * FROM items")
        keys = list(result.keys())
        for row in result:
            if row[0] in item_ids:
                found[row[0]] = dict(zip(keys, row, strict=True))
        return found

    def activities(self, *, active_only: bool) -> list[Activity]:
        """The annual wheel's activities not deleted (only active ones if ``active_only``)."""
        sql = f"SELECT {rows.ACTIVITY_COLUMNS} FROM activities WHERE deleted_at IS NULL"
        if active_only:
            sql += " AND active = 1"
        return [rows.activity_from(row) for row in self._all(sql)]

    def activity(self, activity_id: str) -> Activity | None:
        """An activity not deleted, by id."""
        found = self.conn.exec_driver_sql(
            f"SELECT {rows.ACTIVITY_COLUMNS} FROM activities WHERE id = ? AND deleted_at IS NULL",
            (activity_id,),
        ).first()
        return None if found is None else rows.activity_from(found)

    def occurrence_items(self, activity_ids: Sequence[str]) -> list[Any]:
        """``(activity id, occurrence, item id, status, deleted_at)`` of the items made from
        occurrences of ``activity_ids``, deleted ones too, the deleted ones first."""
        return self._all(
            "SELECT activity_id, occurrence, id, status, deleted_at FROM items"
            f" WHERE activity_id IN {ids_in(activity_ids)} AND occurrence IS NOT NULL"
            " ORDER BY deleted_at IS NULL",
            activity_ids,
        )

    def person(self, person_id: str) -> Person | None:
        """A person not deleted, by id."""
        found = self._all(
            f"SELECT {rows.PERSON_COLUMNS} FROM people WHERE id = ? AND deleted_at IS NULL",
            (person_id,),
        )
        return rows.person_from(found[0]) if found else None

    def people_named(self, name: str, limit: int = 2) -> list[Person]:
        """People not deleted named ``name`` as SQLite's NOCASE compares (ASCII letters in
        any case), at most ``limit``."""
        return [
            rows.person_from(r)
            for r in self._all(
                f"SELECT {rows.PERSON_COLUMNS} FROM people WHERE deleted_at IS NULL"
                " AND name = ? COLLATE NOCASE LIMIT ?",
                (name, limit),
            )
        ]

    def count_open_in(self, status: Status) -> int:
        return int(
            self.conn.exec_driver_sql(
                "SELECT count(*) FROM items WHERE status = ? AND deleted_at IS NULL",
                (status.value,),
            ).scalar_one()
        )

    def comments(self, item_id: str) -> list[Comment]:
        return [
            rows.comment_from(r)
            for r in self._all(
                f"SELECT {rows.COMMENT_COLUMNS} FROM comments WHERE item_id = ?"
                " AND deleted_at IS NULL ORDER BY created_at, id",
                (item_id,),
            )
        ]

    def history(self, entity: str, row_id: str) -> list[Change]:
        """Every change to one row, oldest first."""
        return [
            _change_from(r)
            for r in self._all(
                "SELECT id, entity, row_id, fields, hlc, node_id, author, at FROM changes"
                " WHERE entity = ? AND row_id = ? ORDER BY hlc, node_id",
                (entity, row_id),
            )
        ]

    def changes_since(self, seq: int = 0) -> list[Change]:
        return [
            _change_from(r)
            for r in self._all(
                "SELECT id, entity, row_id, fields, hlc, node_id, author, at FROM changes"
                " WHERE seq > ? ORDER BY seq",
                (seq,),
            )
        ]

    def row(self, entity: str, row_id: str) -> dict[str, Any] | None:
        """A stored row as a dict of its column values."""
        table = TABLE_OF[entity]  # a known table's name, never the caller's text
        result = self.conn.exec_driver_sql(f"SELECT * FROM {table} WHERE id = ?", (row_id,))
        names = list(result.keys())
        found = result.first()
        return dict(zip(names, found, strict=True)) if found is not None else None


def _change_from(r: Sequence[Any]) -> Change:
    fields = {name: (pair[0], pair[1]) for name, pair in json.loads(r[3]).items()}
    return Change(r[0], r[1], r[2], fields, r[4], r[5], r[6], datetime.fromisoformat(r[7]))


class UnitOfWork(Reader):
    """Writes of one service call; every row written leaves a change record.

    This is the one write path of every entity: each row written is first judged by the
    rulebook (:func:`kanban_sec.domain.rules.judge`) for the acting person, and a refusal
    raises :class:`~kanban_sec.domain.rules.RuleRefused` before anything is written (the
    transaction then rolls back whole).
    """

    def __init__(
        self, conn: Connection, db: Database, author: str, person_id: str | None = None
    ) -> None:
        super().__init__(conn)
        self.db = db
        self.author = author
        #: The person chosen under "Who am I"; else the author's name finds them.
        self.person_id = person_id
        self._actor: rules.Actor | None = None
        self._own = (author, person_id)
        #: New rows the rulebook allowed (see :meth:`refusal`), exactly as they were asked.
        self._approved: dict[tuple[str, str], tuple[rules.Actor, dict[str, Any]]] = {}
        self.world = StoreWorld(self)
        self.now = datetime.now(UTC)
        self.now_text = rows.ts(self.now)
        self.changes: list[Change] = []
        #: Rows written in bulk, whose change records SQLite wrote directly.
        self.bulk_rows: list[tuple[str, str]] = []
        self._written = 0
        stored: dict[str, str] = dict(
            conn.exec_driver_sql(
                "SELECT key, value FROM meta WHERE key IN ('hlc', 'sync_cursor', 'clock_offset')"
            ).all()
        )
        last = max(int(stored.get("hlc", 0)), db.clock.last)
        #: What this node had pulled from the server when these changes were made.
        self.base = parse_cursor(stored.get("sync_cursor"))
        self._clock = HybridLogicalClock(last)
        # A sync that found this machine's clock off stored how far the server's is from
        # it: new stamps follow the server's time (see sync/PROTOCOL.md, clock skew).
        self._wall = hlc.wall_millis() + int(stored.get("clock_offset", 0))

    @property
    def actor(self) -> rules.Actor:
        """Who writes, as the rulebook sees them (looked up once per transaction)."""
        if self._actor is None:
            self._actor = self.world.actor(self.author, self.person_id)
        return self._actor

    def act_as(self, person_id: str | None) -> None:
        """Write the next rows as another person of the board, judged as them (``None``:
        as the person who acts again).

        Only for telling the example board's story as its people; everything else writes
        as the person who acts.
        """
        setting_up = self.actor.setting_up
        person = self.world.person(person_id) if person_id else None
        self.author, self.person_id = (person["name"], person_id) if person else self._own
        self._actor = self.world.actor(self.author, self.person_id, setting_up=setting_up)

    def judge(
        self,
        entity: str,
        row_id: str,
        current: Mapping[str, Any] | None,
        new: Mapping[str, Any],
        *,
        validated: bool = False,
    ) -> None:
        """Raise the rulebook's refusal of this write, if any."""
        refusal = rules.judge(
            rules.Proposed(entity, row_id, current, new),
            self.actor,
            self.world,
            validated=validated,
        )
        if refusal is not None:
            raise refusal.error()

    def refusal(
        self,
        entity: str,
        row_id: str,
        current: Mapping[str, Any] | None,
        values: Mapping[str, Any],
        *,
        values_checked: bool = False,
    ) -> rules.Refusal | None:
        """What the rulebook would say to writing ``values`` (nothing is written): for a
        caller that reports every refusal at once, e.g. an import by line.

        ``values_checked``: the caller's own parsers made the values (the write checks
        them again, column by column, before anything is stored)."""
        values = dict(values)
        if entity == "item":
            values = self.world.item_consequences(current, values)
        if current is not None:
            values = {k: v for k, v in values.items() if k != "updated_at" and current.get(k) != v}
        refusal = rules.judge(
            rules.Proposed(entity, row_id, current, values),
            self.actor,
            self.world,
            validated=values_checked,
        )
        if refusal is None and current is None:
            # The same new row, written later in this transaction, need not be judged twice.
            self._approved[(entity, row_id)] = (self.actor, values)
        return refusal

    def _record(self, entity: str, row_id: str, fields: dict[str, tuple[Any, Any]]) -> Change:
        change = Change(
            new_id(),
            entity,
            row_id,
            fields,
            self._clock.now(self._wall),
            self.db.node_id,
            self.author,
            self.now,
        )
        self.changes.append(change)
        return change

    def insert(self, entity: str, values: dict[str, Any]) -> Change:
        """Add a row (id included in ``values``); stamps created/updated times."""
        return self.insert_many(entity, [values])[0]

    def insert_many(self, entity: str, many: Sequence[dict[str, Any]]) -> list[Change]:
        if not many:
            return []
        given = [n for n in many[0] if n not in ("created_at", "updated_at")]
        if given[0] != "id":
            raise ValueError("insert_many needs rows whose first key is 'id'")
        if entity == "item":
            many = [self.world.item_consequences(None, dict(v)) for v in many]
            if "needs_verification" not in given:
                given.append("needs_verification")
        bad = rules.validate_rows(entity, list(many))
        if bad is not None:
            raise bad[1].error()
        judge, name, approved, actor = self.judge, entity, self._approved, self.actor
        for v in many:
            if approved.pop((name, v["id"]), None) != (actor, v):
                judge(name, v["id"], None, v, validated=True)
        names = [*given, "created_at", "updated_at"]
        now = self.now_text
        pick = itemgetter(*given)
        values = [(*pick(v), v.get("created_at") or now, now) for v in many]
        table = TABLE_OF[entity]
        self.world.forget(entity)
        self.conn.exec_driver_sql(
            f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
            values,
        )
        if len(many) < BULK:
            return [
                self._record(
                    entity,
                    row[0],
                    {name: (value, None) for name, value in zip(names[1:], row[1:], strict=True)},
                )
                for row in values
            ]
        self._log_bulk_inserts(entity, table, names[1:], [row[0] for row in values])
        return []

    def _log_bulk_inserts(
        self, entity: str, table: str, names: list[str], row_ids: list[str]
    ) -> None:
        """Change records for many new rows, their JSON built by SQLite from the rows.

        The same records as :meth:`_record` would write (``{field: [new, null]}``), made
        in C: for an import of 100,000 rows this is most of the change log's cost.
        """
        self._write_pending()
        self.conn.exec_driver_sql(
            "CREATE TEMP TABLE IF NOT EXISTS bulk_changes (change_id TEXT, row_id TEXT, hlc INT)"
        )
        self.conn.exec_driver_sql("DELETE FROM temp.bulk_changes")
        now, wall = self._clock.now, self._wall
        self.conn.exec_driver_sql(
            "INSERT INTO temp.bulk_changes (change_id, row_id, hlc) VALUES (?, ?, ?)",
            [(new_id(), row_id, now(wall)) for row_id in row_ids],
        )
        pairs = ", ".join(f"'{name}', json_array(r.{name}, NULL)" for name in names)
        self.conn.exec_driver_sql(
            "INSERT INTO changes (id, entity, row_id, fields, hlc, node_id, author, at,"
            " base_xid, base_seq)"
            f" SELECT b.change_id, ?, b.row_id, json_object({pairs}), b.hlc, ?, ?, ?, ?, ?"
            f" FROM temp.bulk_changes b JOIN {table} r ON r.id = b.row_id ORDER BY b.rowid",
            (entity, self.db.node_id, self.author, self.now_text, *self.base),
        )
        self.conn.exec_driver_sql("DELETE FROM temp.bulk_changes")
        self.bulk_rows.extend((entity, row_id) for row_id in row_ids)

    def update(
        self,
        entity: str,
        row_id: str,
        values: dict[str, Any],
        current: dict[str, Any] | None = None,
        *,
        carry: Sequence[str] = (),
    ) -> Change | None:
        """Set the fields that differ; no record and no new ``updated_at`` if none do.

        ``carry`` names unchanged fields to record too (as ``[value, value]``), so that the
        change alone describes the row (a replica may get it before the row exists).
        """
        if current is None:
            current = self.row(entity, row_id)
            if current is None:
                raise KeyError(f"{entity} {row_id}")
        if entity == "item":
            values = self.world.item_consequences(current, dict(values))
        fields = {
            name: (value, current[name]) for name, value in values.items() if current[name] != value
        }
        if not fields:
            return None
        self.judge(
            entity,
            row_id,
            current,
            {name: pair[0] for name, pair in fields.items() if name != "updated_at"},
        )
        fields["updated_at"] = (self.now_text, current["updated_at"])
        for name in carry:
            fields.setdefault(name, (current[name], current[name]))
        self.world.forget(entity)
        assignments = ", ".join(f"{name} = ?" for name in fields)
        self.conn.exec_driver_sql(
            f"UPDATE {TABLE_OF[entity]} SET {assignments} WHERE id = ?",
            (*(new for new, _ in fields.values()), row_id),
        )
        return self._record(entity, row_id, fields)

    def tombstone(self, entity: str, row_id: str) -> Change | None:
        """Delete by marking: the row stays so every replica learns of the delete."""
        return self.update(entity, row_id, {"deleted_at": self.now_text})

    def _write_pending(self) -> None:
        pending = self.changes[self._written :]
        if not pending:
            return
        base_xid, base_seq = self.base
        self.conn.exec_driver_sql(
            "INSERT INTO changes (id, entity, row_id, fields, hlc, node_id, author, at,"
            " base_xid, base_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    c.id,
                    c.entity,
                    c.row_id,
                    json.dumps(c.fields, ensure_ascii=False),  # (new, old) pairs become arrays
                    c.hlc,
                    c.node_id,
                    c.author,
                    rows.ts(c.at),
                    base_xid,
                    base_seq,
                )
                for c in pending
            ],
        )
        self._written = len(self.changes)

    def finish(self) -> None:
        """Write the change records and the clock (inside the same transaction)."""
        if not self.changes and not self.bulk_rows:
            return
        self._write_pending()
        self.conn.exec_driver_sql(
            "INSERT INTO meta (key, value) VALUES ('hlc', ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (str(self._clock.last),),
        )
        self.db.clock.last = self._clock.last


@contextmanager
def reading(db: Database) -> Iterator[Reader]:
    """A read-only transaction (a consistent snapshot of the board)."""
    with db.connect(write=False) as conn:
        yield Reader(conn)


@contextmanager
def writing(db: Database, author: str, person_id: str | None = None) -> Iterator[UnitOfWork]:
    """One write transaction: all of it, change log included, or none of it."""
    with db.connect(write=True) as conn:
        uow = UnitOfWork(conn, db, author, person_id)
        yield uow
        uow.finish()


def parse_cursor(text: str | None) -> tuple[int | None, int | None]:
    """A stored pull cursor ``"xid:seq"`` (none yet: ``(None, None)``)."""
    if not text:
        return None, None
    xid, _, seq = text.partition(":")
    return int(xid), int(seq)


def ids_in(values: Iterable[str]) -> str:
    """A ``(?, ?, ...)`` placeholder list for ``values``."""
    return "(" + ", ".join("?" for _ in values) + ")"
