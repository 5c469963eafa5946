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

This replica's changes the server refused are kept in :mod:`kanban_sec.sync.refusals`.
"""

from __future__ import annotations

import contextlib
import json
import uuid
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import groupby
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from kanban_sec.domain.errors import Message
from kanban_sec.domain.hlc import COUNTER_BITS, HybridLogicalClock
from kanban_sec.domain.rules import FIELD_SPECS, check_value
from kanban_sec.domain.text import has
from kanban_sec.store import conflicts as stored_conflicts
from kanban_sec.store import replica, rows
from kanban_sec.store.database import Database
from kanban_sec.store.entities import TABLE_OF, columns_of
from kanban_sec.store.replica import Staging
from kanban_sec.store.unit_of_work import reading

if TYPE_CHECKING:
    from kanban_sec.store.plain_sql import PlainConnection as Connection


#: Conflict ids: ``uuid5(NAMESPACE, winner id + loser id + field)``, the same everywhere.
CONFLICT_NAMESPACE = uuid.UUID("0b8f3d56-6a4e-4b8e-9f0c-5d2b7e1c9a31")
#: Fields whose overwriting is no conflict: stamps the other fields already tell.
BOOKKEEPING = frozenset(
    {"created_at", "updated_at", "status_changed_at", "started_at", "done_at", "blocked_at"}
)
#: What a conflict change carries besides its resolution, so it stands alone.
CONFLICT_DESCRIPTION = (
    "entity",
    "row_id",
    "field",
    "winner_change",
    "loser_change",
    "winner_value",
    "loser_value",
    "loser_author",
    "loser_at",
    "created_at",
)
RESOLUTIONS = {
    "keep": "kept_winner",
    "take": "took_loser",
    "edit": "edited",
    "restore": "restored",
    "delete": "deleted",
}
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
    #: JSON text ``{field: [new, old]}`` (``None``: a change of this node, which has it).
    fields: str | None
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


def apply_remote(
    target: Database | Connection, changes: Sequence[RemoteChange], cursor: Cursor
) -> ApplyResult:
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


def _apply(
    conn: Connection, changes: Sequence[RemoteChange], cursor: Cursor
) -> tuple[ApplyResult, int]:
    staging = Staging(conn)
    received = staging.stage(changes)
    # Changes here already: this node's own coming back (position, pushed for sure), or
    # one this node stamped again after the server had it (the server's stamp stands).
    positioned = staging.position_known()
    # A change this board cannot apply is kept aside, never in the log (nor half applied).
    _quarantine(staging)
    staging.touch_batch()
    new = staging.log_new()
    rebuilt = _rebuild(staging)
    opened = _derive(staging)
    after, newest = staging.finish(cursor)
    return ApplyResult(received, new, positioned, rebuilt, opened, after), newest


# -- rebuilding rows --------------------------------------------------------------------------


def rebuild_rows(conn: Connection, keys: Iterable[tuple[str, str]]) -> int:
    """Set every field of the rows ``keys`` (entity, row id) to its winning value (the
    change with the highest ``(hlc, node_id)``); a row not here yet is inserted. Returns
    the number of rows written."""
    staging = Staging(conn)
    staging.touch(keys)
    try:
        return _rebuild(staging)
    finally:
        staging.untouch()


def settle(staging: Staging, keys: Iterable[tuple[str, str]]) -> None:
    """Rebuild the rows ``keys`` from all their changes and derive their conflicts afresh,
    in ``staging``'s transaction (after changes of theirs were stamped again or dropped)."""
    staging.touch(keys)
    _rebuild(staging)
    _derive(staging)
    staging.untouch()


def _winners(staging: Staging) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Each touched row's fields with their winning values: its deciding changes, folded
    from the oldest to the newest ``(hlc, node_id)``, so the newest setting of a field wins."""
    loads, parsed = json.loads, staging.parsed
    for (entity, row_id), found in groupby(staging.deciding(), key=lambda r: (r[0], r[1])):
        values: dict[str, Any] = {}
        for _e, _r, fields, _h, _n in found:
            known = parsed.get(fields)
            for name, pair in (loads(fields) if known is None else known).items():
                values[name] = pair[0]
        yield entity, row_id, values


def _rebuild(staging: Staging) -> int:
    written = 0
    for entity, found in groupby(_winners(staging), key=lambda r: r[0]):
        table = TABLE_OF.get(entity)
        if table is None:  # an entity this version does not know: kept in the log only
            continue
        columns, required = columns_of(staging.raw, table)
        present = staging.rebuilt_present(entity, table)
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
                staging.insert_rows(table, names, params)
            else:
                staging.update_rows(table, names, params)
            written += len(params)
    return written


# -- deriving conflicts -----------------------------------------------------------------------


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
    staging = Staging(conn)
    staging.touch(keys)
    try:
        return _derive(staging)
    finally:
        staging.untouch()


def _derive(staging: Staging) -> int:
    """Derive afresh the conflicts of the touched rows (from the changes to their
    conflict-prone fields, see :meth:`Staging.candidates`); returns how many are new."""
    derived: list[tuple[Any, ...]] = []
    for _row, changes in groupby(
        (_Change(*r) for r in staging.candidates(BOOKKEEPING)), key=lambda c: (c.entity, c.row_id)
    ):
        of_row = list(changes)
        for _field, group in groupby(of_row, key=lambda c: c.field):
            same = list(group)
            if same[0].multi:
                derived.extend(_conflict_row(w, c) for w, c in conflicts_among(same))
        derived.extend(
            _deleted_row(w, c, changed) for w, c, changed in deleted_while_changed(of_row)
        )
    return staging.replace_conflicts(derived)


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
        if pos is not None and any(
            base >= pos for node, base in seen_up_to.items() if node != head.node_id
        ):
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


def deleted_while_changed(
    changes: Sequence[_Change],
) -> Iterator[tuple[_Change, _Change, dict[str, Any]]]:
    """The (delete, edit, {field: value}) triples of one row: the row is deleted now (the
    winning ``deleted_at`` is set) by a change that had not seen an edit of the row made
    elsewhere, whose node had not seen the delete either. One per node: its latest such
    edit. ``changes``: the row's changes, one per field set (:meth:`Staging.candidates`)."""
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
    return (
        conflict_id(winner.id, edit.id, DELETE_FIELD),
        winner.entity,
        winner.row_id,
        DELETE_FIELD,
        winner.id,
        edit.id,
        _normal(winner.value),
        json.dumps(dict(sorted(values.items())), ensure_ascii=False),
        edit.author,
        edit.at,
        made,
        made,
    )


def conflict_id(winner_change: str, loser_change: str, field: str) -> str:
    """The id every replica gives the conflict of these two changes over ``field`` (two
    changes that each set several fields can conflict over each of them)."""
    return str(uuid.uuid5(CONFLICT_NAMESPACE, f"{winner_change}{loser_change}:{field}"))


def _normal(value_json: str) -> str:
    return json.dumps(json.loads(value_json), ensure_ascii=False)


def _conflict_row(winner: _Change, loser: _Change) -> tuple[Any, ...]:
    made = max(winner.at, loser.at)
    return (
        conflict_id(winner.id, loser.id, winner.field),
        winner.entity,
        winner.row_id,
        winner.field,
        winner.id,
        loser.id,
        _normal(winner.value),
        _normal(loser.value),
        loser.author,
        loser.at,
        made,
        made,
    )


# -- the clock: changes stamped too far ahead ---------------------------------------------------


def unpushed_ahead(db: Database, server_millis: int) -> list[str]:
    """Ids of this node's unpushed changes stamped too far ahead of ``server_millis``."""
    return replica.unpushed_from(db, (server_millis + RESTAMP_AHEAD_MS) << COUNTER_BITS)


def follow_server_clock(
    db: Database, server_millis: int, offset_ms: int, on_server: Collection[str] = ()
) -> int:
    """Make this node's clock follow the server's: store ``offset_ms`` for new stamps, and
    stamp again the unpushed changes too far ahead (nobody has seen them), in their order,
    after every stamp this replica knows. ``on_server`` are ids the server has already
    (pushed, the answer lost): they keep their stamps. Returns how many were stamped again.
    """
    limit = (server_millis + RESTAMP_AHEAD_MS) << COUNTER_BITS
    with db.connect(write=True) as conn:
        staging = Staging(conn)
        ahead, floor = staging.ahead(db.node_id, limit, offset_ms, on_server)
        if not ahead:
            return 0
        clock = HybridLogicalClock(floor)
        staging.restamp(
            [(clock.now(server_millis), change_id) for change_id, _, _ in ahead], clock.last
        )
        settle(staging, {(entity, row_id) for _, entity, row_id in ahead})
    db.clock.last = clock.last  # lowered: the old stamps are gone
    return len(ahead)


# -- reading and resolving conflicts ------------------------------------------------------------


def list_conflicts(db: Database, *, open_only: bool = True) -> list[Conflict]:
    """The conflicts on this replica, oldest first (only the open ones by default)."""
    with reading(db) as reader:
        found, titles = stored_conflicts.listed(reader, open_only=open_only)
    return [
        Conflict(
            id=r[0],
            entity=r[1],
            row_id=r[2],
            field=r[3],
            winner_change=r[4],
            loser_change=r[5],
            winner_value=_value(r[6]),
            loser_value=_value(r[7]),
            loser_author=r[8] or "",
            loser_at=rows.parse_ts(r[9]),
            mine=r[12] == db.node_id,
            resolved_at=rows.parse_ts(r[10]),
            resolution=r[11],
            title=titles.get((r[1], r[2])) or r[2],
            winner_author=r[13] or "",
        )
        for r in found
    ]


def count_open_conflicts(db: Database) -> int:
    """How many sync conflicts wait for a person (any kind of row)."""
    with reading(db) as reader:
        return stored_conflicts.count_open(reader)


def open_conflict_ids(db: Database) -> set[str]:
    """The ids of the open conflicts."""
    with reading(db) as reader:
        return stored_conflicts.open_ids(reader)


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
        isinstance(e, list)
        and len(e) == 2
        and isinstance(e[0], str)
        and isinstance(e[1], bool | int)
        for e in found
    )


#: Shapes the board reads beyond what the rulebook checks (else `list` would fail).
_SHAPES = {
    ("item", "tags"): _list_of_text,
    ("activity", "tags"): _list_of_text,
    ("item", "checklist"): _checklist,
}


def check_change(
    entity: str,
    fields_text: str,
    memo: dict[tuple[str, str, Any], str | None] | None = None,
    parsed: dict[str, Any] | None = None,
) -> tuple[str | None, list[tuple[str, str, str]]]:
    """Whether a pulled change can be applied on this board: ``(reason, references)``;
    the reason (a stored :func:`_reason`) is ``None`` when it can, the references are the
    rows its values point at, ``(field, entity, id)``, which must exist. ``parsed`` keeps
    the fields of a change that can, by its text."""
    specs = FIELD_SPECS.get(entity)
    if specs is None or entity not in TABLE_OF:
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
        if kind == "text" and type(value) is str and len(value) <= 16384 and "\x00" not in value:
            continue
        if (
            kind == "int"
            and type(value) is int
            and (spec.low is None or value >= spec.low)
            and (spec.high is None or value <= spec.high)
        ):
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
    if parsed is not None:
        parsed[fields_text] = fields
    return None, refs


def _quarantine(staging: Staging) -> int:
    """Take the new changes of ``sync_incoming`` this board cannot apply out of it, into
    ``quarantine``: a bad value, an unknown entity or field, malformed fields, a reference
    to a row that is neither here nor made in the batch. Returns how many."""
    fresh = staging.fresh()
    if not fresh:
        return 0
    bad: dict[str, str] = {}
    pointing: list[tuple[str, str, str, str]] = []  # change id, field, entity, row id
    memo: dict[tuple[str, str, Any], str | None] = {}
    for change in fresh:
        reason, refs = check_change(change[1], change[3], memo, staging.parsed)
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
            table = TABLE_OF.get(entity)
            if table is None:
                continue
            present.update((entity, row_id) for row_id in staging.present(table, ids))
        changed = True
        while changed:  # a row whose making is quarantined is missing for the others too
            changed = False
            for cid, field_name, entity, row_id in pointing:
                if cid in bad or (entity, row_id) in present:
                    continue
                maker = made.get((entity, row_id))
                if maker is not None and maker not in bad:
                    continue
                bad[cid] = _reason(
                    "sync.quarantine.missing_row", field=field_name, entity=entity, id=row_id
                )
                changed = True
    if not bad:
        return 0
    now = rows.ts(datetime.now(UTC))
    staging.quarantine(
        [
            (
                c[0],
                c[1],
                c[2],
                json.dumps(dict(zip(RemoteChange._fields, c, strict=True)), ensure_ascii=False),
                bad[c[0]],
                c[10],
                c[11],
                now,
            )
            for c in fresh
            if c[0] in bad
        ]
    )
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
    out = []
    for change_id, entity, row_id, change, reason, at in replica.quarantined(db):
        try:
            whole = json.loads(change)
        except ValueError:
            whole = {}
        fields: Any = whole.get("fields", "")
        with contextlib.suppress(TypeError, ValueError):
            fields = json.loads(fields)
        out.append(
            Quarantined(
                change_id,
                entity,
                row_id,
                str(whole.get("author") or ""),
                fields,
                reason,
                rows.parse_ts(at),
            )
        )
    return out


def file_name(path: Any) -> Any:
    """A transfer's file without the folders of the computer it was made on."""
    if not isinstance(path, str) or path in ("", "-"):
        return path
    return path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
