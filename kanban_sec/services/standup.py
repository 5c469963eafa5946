"""The weekly standup: start it with a snapshot of the board, take notes and decisions,
end it, and report what changed since the last one (Markdown or HTML; PDF is in ``ui/``).

"Since" is exact: a standup stores the board as it was when it started (rank, column,
owner and blocked reason of every open item), and the change log says what was written
after. For a period that starts at a date instead, the board as it was then is rebuilt by
undoing the change records written since (each one holds the old values).

Periods are cut in the change log by its local order (``seq``), found from HLC
timestamps: a replica's clock never runs backwards, so ``seq`` grows with ``hlc`` and the
first change of a period is found by a binary search over the primary key; the period is
then one range read of that key.
"""

from __future__ import annotations

import html
import json
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from kanban_sec.domain.bulk import collector_paused
from kanban_sec.domain.errors import BadInput, KanbanError, NotFound, Refused
from kanban_sec.domain.hlc import pack
from kanban_sec.domain.ids import new_id, short_id
from kanban_sec.domain.model import Change, Classification, Item, Status
from kanban_sec.domain.ownership import OrgTree, lowest_level_share
from kanban_sec.domain.ranking import rank
from kanban_sec.domain.standup import (
    BoardChange,
    ChangeKind,
    NoteKind,
    Snapshot,
    Standup,
    StandupNote,
    StandupSettings,
    aging,
    blocked,
    delegable,
    is_insert,
    snapshot_from_json,
    snapshot_json,
    snapshot_of,
    walk,
    what_changed,
    wip_over_limit,
)
from kanban_sec.domain.text import t
from kanban_sec.services.governance import EXPIRY_WARNING_DAYS, Expiring, GovernanceService
from kanban_sec.services.history import record_transfer
from kanban_sec.services.outcome import Outcome
from kanban_sec.store import rows
from kanban_sec.store.database import Database
from kanban_sec.store.unit_of_work import Board, Reader, UnitOfWork, reading, writing

# -- the report --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemRef:
    """An item as a report names it; ``title`` is ``None`` for a confidential item not shown."""

    id: str
    title: str | None
    rank: int | None
    status: Status | None

    @property
    def short(self) -> str:
        return short_id(self.id)


@dataclass(frozen=True)
class ChangeLine:
    """One item's change of one kind; which fields matter depends on ``kind``."""

    kind: ChangeKind
    item: ItemRef
    from_status: Status | None = None
    to_status: Status | None = None
    from_owner: str = ""
    to_owner: str = ""
    from_rank: int | None = None
    to_rank: int | None = None
    places: int = 0
    #: The blocked reason (now for *blocked*, before for *unblocked*); ``None``: hidden.
    reason: str | None = ""
    author: str = ""
    at: datetime | None = None


@dataclass(frozen=True)
class AgingLine:
    item: ItemRef
    status: Status
    entered: datetime
    days: int
    limit_days: int


@dataclass(frozen=True)
class BlockedLine:
    item: ItemRef
    status: Status
    reason: str | None
    since: datetime | None
    days: int | None


@dataclass(frozen=True)
class WipLine:
    status: Status
    count: int
    limit: int
    hard: bool


@dataclass(frozen=True)
class DelegableLine:
    item: ItemRef
    status: Status
    owner: str
    suggestions: tuple[str, ...]


@dataclass(frozen=True)
class NoteLine:
    kind: NoteKind
    item: ItemRef | None
    #: ``None`` when the note is about a confidential item not shown.
    body: str | None
    author: str
    at: datetime


@dataclass(frozen=True)
class RiskLine:
    """An acceptance in force that runs out soon: what it covers, until when, and who
    (the risk owner) decided it."""

    decision_id: str
    #: The item accepted (``None``: a whole chain's acceptance).
    item: ItemRef | None
    #: The chain's name (of a chain's acceptance, or of the item's chain).
    chain: str
    valid_until: date
    risk_owner: str
    #: Open items it holds out of the ranking.
    items: int


@dataclass(frozen=True)
class StandupReport:
    """Everything a standup looks at, names resolved, confidential details left out."""

    #: The standup reported on (``None``: a report of a period, e.g. ``--since DATE``).
    standup: Standup | None
    #: The earlier standup the board is compared with (``None``: compared with ``since``).
    baseline: Standup | None
    since: datetime
    until: datetime
    facilitator: str
    attendees: tuple[str, ...]
    changes: tuple[ChangeLine, ...]
    aging: tuple[AgingLine, ...]
    blocked: tuple[BlockedLine, ...]
    wip_over_limit: tuple[WipLine, ...]
    delegable: tuple[DelegableLine, ...]
    #: Risk acceptances in force that run out within 30 days, soonest first.
    risk_decisions_expiring: tuple[RiskLine, ...]
    notes: tuple[NoteLine, ...]
    lowest_level: int
    open_items: int
    include_confidential: bool = False

    def changes_of(self, kind: ChangeKind) -> list[ChangeLine]:
        return [c for c in self.changes if c.kind is kind]

    def item_ids(self) -> frozenset[str]:
        """Every item the report names (each once, whatever the section)."""
        refs: list[ItemRef | None] = [c.item for c in self.changes]
        refs += [a.item for a in self.aging] + [b.item for b in self.blocked]
        refs += [d.item for d in self.delegable] + [n.item for n in self.notes]
        refs += [r.item for r in self.risk_decisions_expiring]
        return frozenset(ref.id for ref in refs if ref is not None)


# -- the service -------------------------------------------------------------------------------

_STANDUP_SELECT = ("SELECT id, held_on, started_at, ended_at, facilitator, attendees"
                   " FROM standups WHERE deleted_at IS NULL")
_NOTE_SELECT = ("SELECT id, standup_id, kind, body, author, created_at, item_id"
                " FROM standup_notes WHERE deleted_at IS NULL")
_CHANGE_SELECT = "SELECT id, entity, row_id, fields, hlc, node_id, author, at FROM changes"


@dataclass(frozen=True)
class _Period:
    standup: Standup | None
    baseline: Standup | None
    since: datetime
    until: datetime
    first_seq: int
    end_seq: int | None


class StandupService:
    """Standups for one person (the author of every change they write)."""

    def __init__(self, db: Database, author: str, lang: str = "en",
                 settings: StandupSettings | None = None,
                 today: Callable[[], date] | None = None) -> None:
        self.db = db
        self.author = author
        self.lang = lang
        self.settings = settings or StandupSettings()
        #: Today's date (for which risk acceptances run out soon); a test may fix it.
        self._today = today or date.today

    # -- writing -------------------------------------------------------------------------
    def start(self, attendees: Sequence[str], held_on: date | None = None) -> Outcome:
        """Start a standup: who is there, and the board as it is now (rank, column, owner,
        blocked reason of every open item), so "since the last standup" is exact."""
        with writing(self.db, self.author) as uow:
            standup_id = start_standup(uow, attendees, held_on or date.today())
            return Outcome(tuple(uow.changes), (), standup_id)

    def add_note(self, standup_id: str, body: str, item_id: str | None = None,
                 decision: bool = False) -> Outcome:
        """A note or decision on the standup; about an item, it also becomes a comment on
        the item, so it shows in the card's history."""
        text = body.strip()
        if not text:
            raise BadInput("standup.note_empty")
        with writing(self.db, self.author) as uow:
            standup = _standup(uow, standup_id)
            if standup.ended:
                raise Refused("standup.ended", date=standup.held_on.isoformat())
            if item_id is not None and uow.item(item_id) is None:
                raise NotFound("item.not_found", id=item_id)
            note_id = new_id()
            kind = NoteKind.DECISION if decision else NoteKind.NOTE
            uow.insert("standup_note", {"id": note_id, "standup_id": standup_id,
                                        "item_id": item_id, "kind": kind.value, "body": text,
                                        "author": self.author})
            if item_id is not None:
                key = "standup.comment_decision" if decision else "standup.comment_note"
                uow.insert("comment", {
                    "id": new_id(), "item_id": item_id, "author": self.author,
                    "body": t(key, self.lang, date=standup.held_on.isoformat(), body=text)})
            return Outcome(tuple(uow.changes), (), note_id)

    def end(self, standup_id: str) -> Outcome:
        """End a standup (ending it again changes nothing)."""
        with writing(self.db, self.author) as uow:
            end_standup(uow, standup_id)
            return Outcome(tuple(uow.changes), (), standup_id)

    # -- reading -------------------------------------------------------------------------
    def get(self, standup_id: str) -> Standup:
        with reading(self.db) as reader:
            return _standup(reader, standup_id)

    def last(self) -> Standup | None:
        """The newest standup, running or ended."""
        with reading(self.db) as reader:
            return _newest(reader)

    def last_ended(self) -> Standup | None:
        with reading(self.db) as reader:
            return _newest(reader, "ended_at IS NOT NULL")

    def running(self) -> Standup | None:
        """The standup started and not yet ended, if any."""
        with reading(self.db) as reader:
            return _newest(reader, "ended_at IS NULL")

    def snapshot(self, standup_id: str) -> Snapshot:
        """The board as it was when the standup started (open items)."""
        with reading(self.db) as reader:
            found = reader.conn.exec_driver_sql(
                "SELECT snapshot FROM standups WHERE id = ?", (standup_id,)).first()
        if found is None:
            raise NotFound("standup.not_found", id=standup_id)
        return snapshot_from_json(found[0])

    def changes_since(self, since: datetime | None = None) -> list[Change]:
        """The change records written since ``since`` (default: the start of the last ended
        standup; with none, ``settings.first_period`` ago), oldest first."""
        with reading(self.db) as reader:
            period = self._period(reader, since, datetime.now(UTC))
            return _changes(reader, period.first_seq)

    def walk_order(self, owner_unit_id: str | None = None, *,
                   include_backlog: bool | None = None) -> list[str]:
        """Item ids as the standup walks them: right to left (verify, doing, next, then
        backlog if asked), each column in rank order; only one owner unit's items (and its
        sub-units') when given."""
        with reading(self.db) as reader:
            board = reader.board(include_done=False)
        owners = None
        if owner_unit_id is not None:
            if owner_unit_id not in board.units:
                raise NotFound("unit.not_found", name=owner_unit_id)
            owners = set(OrgTree(board.units, board.people).subtree(owner_unit_id))
        backlog = self.settings.include_backlog if include_backlog is None else include_backlog
        statuses = StandupSettings(include_backlog=backlog).walked
        return [r.item_id for r in walk(rank(board.items, board.chains, board.links),
                                        statuses, owners)]

    def report(self, of: str | datetime | date | None = None, *,
               include_confidential: bool = False) -> StandupReport:
        """The report of a standup (its id), of the changes since a moment, or (``None``)
        of the changes since the last ended standup."""
        now = datetime.now(UTC)
        # An ended standup's report lists what was running out then; others, what is now.
        day = self._today()
        if isinstance(of, str):
            ended = self.get(of).ended_at
            day = ended.astimezone().date() if ended is not None else day
        soon = self._expiring(day, EXPIRY_WARNING_DAYS)
        with reading(self.db) as reader, collector_paused():
            period = self._period(reader, of, now)
            return _Builder(reader, period, self.settings, include_confidential,
                            soon).build()

    def expiring_risk_decisions(self, within_days: int = EXPIRY_WARNING_DAYS
                                ) -> list[Expiring]:
        """Risk acceptances in force that run out within ``within_days`` of today."""
        return self._expiring(self._today(), within_days)

    def _expiring(self, day: date, within_days: int) -> list[Expiring]:
        # Most boards have no acceptance running out: one indexed look before reading the
        # whole board as GovernanceService.expiring does.
        with reading(self.db) as reader:
            any_soon = reader.conn.exec_driver_sql(
                "SELECT EXISTS (SELECT 1 FROM risk_decisions WHERE deleted_at IS NULL"
                " AND decision = 'accept' AND valid_until >= ? AND valid_until <= ?)",
                (day.isoformat(), (day + timedelta(days=within_days)).isoformat())).scalar()
        if not any_soon:
            return []
        return GovernanceService(self.db, self.author, self.lang,
                                 today=lambda: day).expiring(day, within_days)

    def write_report(self, path: str | os.PathLike[str],
                     of: str | datetime | date | None = None, *,
                     format: str | None = None, include_confidential: bool = False,
                     pdf_writer: Callable[[str, Path], None] | None = None) -> StandupReport:
        """Write the report (see :meth:`report`) to ``path`` and record it.

        ``format`` is ``md``, ``html`` or ``pdf`` (default: by the file's ending, else
        Markdown); a PDF is made from the HTML by ``pdf_writer(html, temp_path)`` (Qt lives
        in ``ui/``). The file is written beside its place and renamed into it, so a failed
        write leaves no half file. The report is recorded as a transfer of kind ``report``:
        the file, how many items it names, and whether confidential details were included.
        """
        target = Path(path)
        kind = format or _format_of(target)
        if kind not in _FORMATS:
            raise ValueError(f"report format must be one of {_FORMATS}, not {kind!r}")
        if kind == "pdf" and pdf_writer is None:
            raise KanbanError("standup.pdf_unavailable", reason="no PDF writer")
        report = self.report(of, include_confidential=include_confidential)
        if kind == "md":
            text = render_markdown(report, self.lang)
            _write_file(target, lambda temp: temp.write_text(text, encoding="utf-8"))
        else:
            page = render_html(report, self.lang)
            if kind == "pdf":
                assert pdf_writer is not None
                _write_file(target, lambda temp: pdf_writer(page, temp))
            else:
                _write_file(target, lambda temp: temp.write_text(page, encoding="utf-8"))
        self.record_report(report, target)
        return report

    def record_report(self, report: StandupReport, path: str | os.PathLike[str]) -> str:
        """Record that ``report`` was written to ``path`` (``-``: standard output) by this
        person: a transfer of kind ``report`` with the number of items it names and
        whether confidential details were included. Returns the record's id."""
        return record_transfer(self.db, self.author, "report", path, len(report.item_ids()),
                               confidential=report.include_confidential)

    # -- periods -------------------------------------------------------------------------
    def _period(self, reader: Reader, of: str | datetime | date | None,
                now: datetime) -> _Period:
        if isinstance(of, str):
            standup = _standup(reader, of)
            previous = _newest(reader, "ended_at IS NOT NULL AND started_at < ?",
                               (rows.ts(standup.started_at),))
            start = self._start(reader, previous, standup.started_at)
            end_seq = None
            if standup.ended_at is not None:
                end_hlc = _standup_end_hlc(reader, standup)
                end_seq = _first_seq(reader, end_hlc + 1)
            return _Period(standup, previous, start[0], standup.ended_at or now, start[1],
                           end_seq)
        if of is None:
            previous = _newest(reader, "ended_at IS NOT NULL")
            since, first = self._start(reader, previous, now)
            return _Period(None, previous, since, now, first, None)
        since = aware(of)
        return _Period(None, None, since, now, _first_seq(reader, _hlc_at(since)), None)

    def _start(self, reader: Reader, previous: Standup | None,
               before: datetime) -> tuple[datetime, int]:
        """Where a period after ``previous`` starts (without one: ``first_period`` earlier)."""
        if previous is None:
            since = before - self.settings.first_period
            return since, _first_seq(reader, _hlc_at(since))
        return previous.started_at, _first_seq(reader, _standup_start_hlc(reader, previous) + 1)


_FORMATS = ("md", "html", "pdf")


def _format_of(path: Path) -> str:
    suffix = path.suffix.lower()
    return "pdf" if suffix == ".pdf" else "html" if suffix in (".html", ".htm") else "md"


def _write_file(path: Path, write: Callable[[Path], Any]) -> None:
    """Write through a temporary file beside ``path``: a failed write leaves no half file."""
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        write(temp)
        os.replace(temp, path)
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise BadInput("standup.cannot_write", path=str(path),
                       reason=error.strerror or str(error)) from error
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def start_standup(uow: UnitOfWork, attendees: Sequence[str], held_on: date) -> str:
    """Write a new standup, with the board's snapshot, in ``uow``; returns its id.

    The author of ``uow`` is the facilitator. Refused while another standup is running.
    """
    running = _newest(uow, "ended_at IS NULL")
    if running is not None:
        raise Refused("standup.running", date=running.held_on.isoformat())
    people = uow.people()
    chosen = list(dict.fromkeys(attendees))
    for person_id in chosen:
        if person_id not in people:
            raise NotFound("person.not_found", name=person_id)
    board = uow.board(include_done=False)
    snapshot = snapshot_of(rank(board.items, board.chains, board.links))
    standup_id = new_id()
    uow.insert("standup", {
        "id": standup_id,
        "held_on": held_on.isoformat(),
        "started_at": uow.now_text,
        "facilitator": uow.author,
        "attendees": json.dumps(chosen),
        "snapshot": snapshot_json(snapshot),
    })
    return standup_id


def end_standup(uow: UnitOfWork, standup_id: str) -> None:
    """Mark a standup ended in ``uow`` (an ended one stays as it is)."""
    standup = _standup(uow, standup_id)
    if not standup.ended:
        uow.update("standup", standup_id, {"ended_at": uow.now_text})


def aware(moment: datetime | date) -> datetime:
    """A time with its zone: a date is local midnight, a naive time is local time."""
    if not isinstance(moment, datetime):
        moment = datetime.combine(moment, time())
    return moment if moment.tzinfo is not None else moment.astimezone()


def _hlc_at(moment: datetime) -> int:
    return pack(int(moment.timestamp() * 1000), 0)


# -- store access ------------------------------------------------------------------------------

def _standup_from(r: Sequence[Any], notes: Sequence[StandupNote] = ()) -> Standup:
    ended = rows.parse_ts(r[3])
    started = rows.parse_ts(r[2])
    assert started is not None
    return Standup(r[0], date.fromisoformat(r[1]), started, ended, r[4],
                   tuple(json.loads(r[5] or "[]")), tuple(notes))


def _note_from(r: Sequence[Any]) -> StandupNote:
    created = rows.parse_ts(r[5])
    assert created is not None
    return StandupNote(r[0], r[1], NoteKind(r[2]), r[3], r[4], created, r[6])


def _notes(reader: Reader, where: str, params: Sequence[Any]) -> list[StandupNote]:
    return [_note_from(r) for r in reader.conn.exec_driver_sql(
        f"{_NOTE_SELECT} AND {where} ORDER BY created_at, id", tuple(params)).all()]


def _standup(reader: Reader, standup_id: str) -> Standup:
    found = reader.conn.exec_driver_sql(f"{_STANDUP_SELECT} AND id = ?", (standup_id,)).first()
    if found is None:
        raise NotFound("standup.not_found", id=standup_id)
    return _standup_from(found, _notes(reader, "standup_id = ?", (standup_id,)))


def _newest(reader: Reader, where: str = "1", params: Sequence[Any] = ()) -> Standup | None:
    found = reader.conn.exec_driver_sql(
        f"{_STANDUP_SELECT} AND {where} ORDER BY started_at DESC, id DESC LIMIT 1",
        tuple(params)).first()
    if found is None:
        return None
    return _standup_from(found, _notes(reader, "standup_id = ?", (found[0],)))


def _standup_start_hlc(reader: Reader, standup: Standup) -> int:
    """The HLC of the change record that made the standup (its snapshot's moment)."""
    found = reader.conn.exec_driver_sql(
        "SELECT min(hlc) FROM changes WHERE entity = 'standup' AND row_id = ?",
        (standup.id,)).scalar()
    return int(found) if found is not None else _hlc_at(standup.started_at)


def _standup_end_hlc(reader: Reader, standup: Standup) -> int:
    found = reader.conn.exec_driver_sql(
        "SELECT max(hlc) FROM changes WHERE entity = 'standup' AND row_id = ?"
        " AND json_extract(fields, '$.ended_at[0]') IS NOT NULL", (standup.id,)).scalar()
    assert standup.ended_at is not None
    return int(found) if found is not None else _hlc_at(standup.ended_at)


def _first_seq(reader: Reader, hlc: int) -> int:
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
        stamp = run("SELECT hlc FROM changes WHERE seq >= ? ORDER BY seq LIMIT 1",
                    (middle,)).scalar_one()
        if stamp >= hlc:
            high = middle
        else:
            low = middle + 1
    return int(low)


def _changes(reader: Reader, first_seq: int, end_seq: int | None = None, *,
             entities: Sequence[str] | None = None,
             fields: frozenset[str] | None = None) -> list[Change]:
    """Change records with ``first_seq <= seq < end_seq``, oldest first: one range read of
    the primary key. With ``fields``, each record keeps only those fields, and records
    setting none of them are left out."""
    sql = f"{_CHANGE_SELECT} WHERE seq >= ?"
    params: list[Any] = [first_seq]
    if end_seq is not None:
        sql += " AND seq < ?"
        params.append(end_seq)
    if entities is not None:
        sql += f" AND entity IN ({', '.join('?' * len(entities))})"
        params.extend(entities)
    # The DB-API cursor of the same transaction: for 200,000 records SQLAlchemy's row
    # objects would cost more than the read itself.
    cursor = reader.conn.connection.driver_connection.execute(  # type: ignore[union-attr]
        sql + " ORDER BY seq", params)
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


#: Rows the board is rebuilt from: entity → (table, selected columns, row → object).
_REWOUND: Mapping[str, tuple[str, str, Callable[[Sequence[Any]], Any]]] = {
    "item": ("items", rows.ITEM_COLUMNS, rows.item_from),
    "chain": ("chains", rows.CHAIN_COLUMNS, rows.chain_from),
    "link": ("links", rows.LINK_COLUMNS, rows.link_from),
    "column": ("board_columns", rows.COLUMN_COLUMNS, rows.column_from),
}
_ITEM_NAMES = [name.strip() for name in rows.ITEM_COLUMNS.split(",")]
#: The entities whose changes a report reads (comments, people, units do not matter).
_REPORT_ENTITIES = ("item", "chain", "link", "column")
#: The fields of those whose changes a report reads: what ranks an item, where it stands,
#: who owns it, whether it is blocked; whether a row was made or deleted.
_REPORT_FIELDS = frozenset({
    "status", "owner_unit_id", "owner_person_id", "blocked_reason", "chain_id", "link_id",
    "likelihood", "consequence", "effort", "pinned_at", "created_at", "deleted_at",
    "maturity", "target_maturity", "wip_limit", "wip_hard", "position", "key",
})


def _stored_rows(reader: Reader, table: str, columns: str,
                 ids: Iterable[str]) -> list[dict[str, Any]]:
    """Rows as stored (deleted ones too), by id."""
    names = [*(name.strip() for name in columns.split(",")), "deleted_at"]
    result = reader.conn.exec_driver_sql(
        f"SELECT {columns}, deleted_at FROM {table}"
        " WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(list(ids)),))
    return [dict(zip(names, r, strict=True)) for r in result]


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
            objects[stored["id"]] = None if stored["deleted_at"] else build(
                [stored[name] for name in names])
        gone = {row_id for e, row_id in made if e == entity}
        rebuilt[entity] = {"objects": objects, "gone": gone}

    def merged(entity: str, current_rows: Iterable[Any]) -> list[Any]:
        objects, gone = rebuilt[entity]["objects"], rebuilt[entity]["gone"]
        out = [row for row in current_rows if row.id not in objects and row.id not in gone]
        return out + [row for row in objects.values() if row is not None]

    columns = sorted(merged("column", current.columns), key=lambda c: c.position)
    return Board(current.units, current.people,
                 {c.id: c for c in merged("chain", current.chains.values())},
                 {link.id: link for link in merged("link", current.links.values())},
                 columns, merged("item", current.items))


# -- building a report -------------------------------------------------------------------------

class _Builder:
    """One report from one read transaction."""

    def __init__(self, reader: Reader, period: _Period, settings: StandupSettings,
                 include_confidential: bool, expiring: Sequence[Expiring] = ()) -> None:
        self.reader = reader
        self.period = period
        self.settings = settings
        self.include_confidential = include_confidential
        self.expiring = expiring

    def build(self) -> StandupReport:
        reader, period = self.reader, self.period
        current = reader.board()
        changes = _changes(reader, period.first_seq, entities=_REPORT_ENTITIES,
                           fields=_REPORT_FIELDS)
        in_period = changes
        after_board = current
        if period.end_seq is not None:
            later = _changes(reader, period.end_seq, entities=_REPORT_ENTITIES,
                             fields=_REPORT_FIELDS)
            in_period = changes[:len(changes) - len(later)]
            after_board = board_before(reader, current, later) if later else current
        ranked = rank(after_board.items, after_board.chains, after_board.links)
        after = snapshot_of(ranked, after_board.items)
        if period.baseline is not None:
            before = snapshot_from_json(reader.conn.exec_driver_sql(
                "SELECT snapshot FROM standups WHERE id = ?",
                (period.baseline.id,)).scalar_one())
        else:
            then = board_before(reader, current, changes)
            before = snapshot_of(rank(then.items, then.chains, then.links))

        self.tree = OrgTree(current.units, current.people)
        self.items = {item.id: item for item in after_board.items}
        self.ranks = {r.item_id: r.rank for r in ranked}
        board_changes = what_changed(before, after, in_period)

        until = period.until
        open_items = [r.item for r in ranked]
        statuses = self.settings.walked
        notes = self._notes()
        standup = period.standup
        lowest, _ = lowest_level_share(open_items, self.tree, after_board.links)
        return StandupReport(
            standup=standup,
            baseline=period.baseline,
            since=period.since,
            until=until,
            facilitator=standup.facilitator if standup else "",
            attendees=tuple(self._person(p) for p in standup.attendees) if standup else (),
            changes=tuple(self._change_line(c) for c in board_changes),
            aging=tuple(AgingLine(self._ref(a.item_id), a.status, a.entered, a.age.days,
                                  a.threshold.days)
                        for a in aging(open_items, until, self.settings.aging_days)),
            blocked=tuple(BlockedLine(self._ref(b.item_id), b.status, self._text(b.item_id,
                                                                                 b.reason),
                                      b.since, b.duration.days if b.duration else None)
                          for b in blocked(open_items, until)),
            wip_over_limit=tuple(WipLine(w.status, w.count, w.limit, w.hard)
                                 for w in wip_over_limit(after_board.columns, open_items)),
            delegable=tuple(
                DelegableLine(self._ref(d.item_id), d.status, self._owner(
                    self.items[d.item_id].owner_unit_id, self.items[d.item_id].owner_person_id),
                    tuple(self._unit(u) for u in d.delegation.units)
                    + tuple(self._person(p) for p in d.delegation.people))
                for d in delegable(ranked, self.tree, after_board.links, statuses)),
            risk_decisions_expiring=tuple(self._risk_line(e, current) for e in self.expiring),
            notes=tuple(notes),
            lowest_level=lowest,
            open_items=len(open_items),
            include_confidential=self.include_confidential,
        )

    def _risk_line(self, expiring: Expiring, board: Board) -> RiskLine:
        decision = expiring.decision
        assert decision.valid_until is not None  # only dated acceptances run out
        ref: ItemRef | None = None
        chain_name = expiring.subject  # a whole chain's acceptance: the chain
        if decision.item_id:
            ref = self._ref(decision.item_id)
            item = self._item(decision.item_id)
            chain = board.chains.get(item.chain_id) if item and item.chain_id else None
            chain_name = chain.name if chain is not None else ""
        return RiskLine(decision.id, ref, chain_name, decision.valid_until,
                        expiring.decided_by, expiring.items)

    def _notes(self) -> list[NoteLine]:
        period = self.period
        if period.standup is not None:
            found: Iterable[StandupNote] = period.standup.notes
        else:
            found = _notes(self.reader, "standup_id IN (SELECT id FROM standups"
                           " WHERE deleted_at IS NULL AND started_at >= ? AND started_at <= ?)",
                           (rows.ts(period.since), rows.ts(period.until)))
        return [NoteLine(n.kind, self._ref(n.item_id) if n.item_id else None,
                         self._text(n.item_id, n.body) if n.item_id else n.body,
                         n.author, n.created_at) for n in found]

    def _item(self, item_id: str) -> Item | None:
        """An item of the board reported on, else as stored (e.g. deleted since)."""
        item = self.items.get(item_id)
        if item is None:
            for stored in _stored_rows(self.reader, "items", rows.ITEM_COLUMNS, [item_id]):
                item = self.items[item_id] = rows.item_from(
                    [stored[name] for name in _ITEM_NAMES])
        return item

    def _hidden(self, item_id: str) -> bool:
        item = self._item(item_id)
        return (not self.include_confidential and item is not None
                and item.classification is Classification.CONFIDENTIAL)

    def _text(self, item_id: str, text: str) -> str | None:
        """Free text about an item; ``None`` when the item is confidential and not shown."""
        return None if self._hidden(item_id) else text

    def _ref(self, item_id: str) -> ItemRef:
        item = self._item(item_id)
        title = item.title if item is not None else ""
        return ItemRef(item_id, None if self._hidden(item_id) else title,
                       self.ranks.get(item_id), item.status if item else None)

    def _unit(self, unit_id: str | None) -> str:
        return self.tree.path(unit_id) if unit_id and unit_id in self.tree.units else ""

    def _person(self, person_id: str) -> str:
        person = self.tree.people.get(person_id)
        return person.name if person is not None else short_id(person_id)

    def _owner(self, unit_id: str | None, person_id: str | None) -> str:
        if person_id:
            person = self._person(person_id)
            unit = self.tree.units.get(unit_id) if unit_id else None
            return f"{person} ({unit.name})" if unit is not None else person
        return self._unit(unit_id)

    def _change_line(self, change: BoardChange) -> ChangeLine:
        was, now = change.before, change.after
        reason: str | None = ""
        if change.kind is ChangeKind.BLOCKED and now is not None:
            reason = self._text(change.item_id, now.blocked_reason)
        elif change.kind is ChangeKind.UNBLOCKED and was is not None:
            reason = self._text(change.item_id, was.blocked_reason)
        from_status = was.status if was is not None else (
            Status.DONE if change.kind is ChangeKind.MOVED else None)
        return ChangeLine(
            kind=change.kind,
            item=self._ref(change.item_id),
            from_status=from_status,
            to_status=now.status if now is not None else None,
            from_owner=self._owner(was.owner_unit_id, was.owner_person_id) if was else "",
            to_owner=self._owner(now.owner_unit_id, now.owner_person_id) if now else "",
            from_rank=was.rank if was else None,
            to_rank=now.rank if now else None,
            places=change.places,
            reason=reason,
            author=change.author or "",
            at=change.at,
        )


# -- rendering ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Heading:
    level: int
    text: str


@dataclass(frozen=True)
class _Para:
    text: str
    muted: bool = False


@dataclass(frozen=True)
class _Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    #: The column given the most room (the item, or a note's text).
    wide: int = 0


_Block = _Heading | _Para | _Table


def _when(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment is not None else ""


def _column(status: Status | None, lang: str) -> str:
    return t(f"status.{status.value}", lang) if status is not None else "–"


def _item(ref: ItemRef | None, lang: str) -> str:
    if ref is None:
        return ""
    if ref.title is None:
        return t("confidential.item", lang, id=ref.short)
    return f"{ref.title} ({ref.short})"


def _rank(value: int | None, lang: str) -> str:
    """A rank as the ordinal it is ("26." in Norwegian, "26th" in English), never "#26",
    which reads like an id."""
    if value is None:
        return "–"
    if lang == "nb":
        return f"{value}."
    tens = 10 <= value % 100 <= 20
    return f"{value}{'th' if tens else {1: 'st', 2: 'nd', 3: 'rd'}.get(value % 10, 'th')}"


def _hidden_text(text: str | None, lang: str) -> str:
    return t("confidential.hidden", lang) if text is None else text


def _risk_subject(line: RiskLine, lang: str) -> str:
    if line.item is None:
        return t("standup.risk_chain", lang, chain=line.chain, count=line.items)
    return _item(line.item, lang)


def _change_table(kind: ChangeKind, lines: list[ChangeLine], lang: str) -> _Table:
    def h(*keys: str) -> tuple[str, ...]:
        return tuple(t(f"standup.col.{key}", lang) for key in keys)

    item = [_item(c.item, lang) for c in lines]
    by = [(c.author, _when(c.at)) for c in lines]
    if kind is ChangeKind.NEW:
        return _Table(h("item", "column", "owner", "by", "when"), tuple(
            (i, _column(c.to_status, lang), c.to_owner, *w)
            for i, c, w in zip(item, lines, by, strict=True)))
    if kind in (ChangeKind.MOVED, ChangeKind.OWNER):
        moved = kind is ChangeKind.MOVED
        return _Table(h("item", "from", "to", "by", "when"), tuple(
            (i, _column(c.from_status, lang) if moved else c.from_owner,
             _column(c.to_status, lang) if moved else c.to_owner, *w)
            for i, c, w in zip(item, lines, by, strict=True)))
    if kind in (ChangeKind.DONE, ChangeKind.REMOVED):
        return _Table(h("item", "from", "by", "when"), tuple(
            (i, _column(c.from_status, lang), *w) for i, c, w in zip(item, lines, by,
                                                                     strict=True)))
    if kind in (ChangeKind.BLOCKED, ChangeKind.UNBLOCKED):
        return _Table(h("item", "column", "reason", "by", "when"), tuple(
            (i, _column(c.to_status, lang), _hidden_text(c.reason, lang), *w)
            for i, c, w in zip(item, lines, by, strict=True)))
    return _Table(h("item", "column", "rank", "places"), tuple(
        (i, _column(c.to_status, lang), f"{_rank(c.from_rank, lang)} → {_rank(c.to_rank, lang)}",
         f"{c.places:+d}") for i, c in zip(item, lines, strict=True)))


def _blocks(report: StandupReport, lang: str) -> list[_Block]:
    """The report as headings, paragraphs and tables, in ``lang``."""
    def h(*keys: str) -> tuple[str, ...]:
        return tuple(t(f"standup.col.{key}", lang) for key in keys)

    none = _Para(t("standup.none", lang), muted=True)
    standup = report.standup
    title = t("standup.title", lang, date=standup.held_on.isoformat()) if standup else \
        t("standup.report_title", lang)
    out: list[_Block] = [_Heading(1, title)]
    if report.baseline is not None:
        out.append(_Para(t("standup.period_standup", lang,
                           date=report.baseline.held_on.isoformat(),
                           since=_when(report.since), until=_when(report.until))))
    else:
        out.append(_Para(t("standup.period", lang, since=_when(report.since),
                           until=_when(report.until))))
    if standup is not None:
        out.append(_Para(t("standup.facilitator", lang, name=report.facilitator)))
        out.append(_Para(t("standup.attendees", lang,
                           names=", ".join(report.attendees) or "–")))
    if report.open_items:
        percent = round(100 * report.lowest_level / report.open_items)
        share = f"{percent} %" if lang == "nb" else f"{percent}%"  # Norwegian: a space
        out.append(_Para(t("standup.lowest_level", lang, count=report.lowest_level,
                           total=report.open_items, share=share)))

    out.append(_Heading(2, t("standup.changes", lang)))
    if not report.changes:
        out.append(none)
    for kind in ChangeKind:
        lines = report.changes_of(kind)
        if lines:
            out.append(_Heading(3, f"{t(f'standup.kind.{kind.value}', lang)} ({len(lines)})"))
            out.append(_change_table(kind, lines, lang))

    def section(key: str, table: _Table) -> None:
        out.append(_Heading(2, f"{t(key, lang)} ({len(table.rows)})"))
        out.append(table if table.rows else none)

    section("standup.aging", _Table(h("item", "column", "since", "days", "limit"), tuple(
        (_item(a.item, lang), _column(a.status, lang), _when(a.entered), str(a.days),
         str(a.limit_days)) for a in report.aging)))
    section("standup.blocked", _Table(h("item", "column", "reason", "since", "days"), tuple(
        (_item(b.item, lang), _column(b.status, lang), _hidden_text(b.reason, lang),
         _when(b.since), str(b.days) if b.days is not None else "?") for b in report.blocked)))
    section("standup.wip", _Table(h("column", "count", "limit"), tuple(
        (_column(w.status, lang), str(w.count),
         f"{w.limit} ({t('standup.hard' if w.hard else 'standup.soft', lang)})")
        for w in report.wip_over_limit)))
    section("standup.delegable", _Table(h("item", "column", "owner", "suggestion"), tuple(
        (_item(d.item, lang), _column(d.status, lang), d.owner,
         "; ".join(d.suggestions) or "–") for d in report.delegable)))
    section("standup.risk", _Table(h("item", "until", "risk_owner"), tuple(
        (_risk_subject(r, lang), r.valid_until.isoformat(), r.risk_owner or "–")
        for r in report.risk_decisions_expiring)))
    section("standup.notes", _Table(h("kind", "item", "text", "by", "when"), tuple(
        (t(f"standup.{n.kind.value}", lang), _item(n.item, lang), _hidden_text(n.body, lang),
         n.author, _when(n.at)) for n in report.notes), wide=2))
    return out


# Never at the start of a line here, so "#", "+", "-" and digits need no escaping.
_MD_SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\`*_[]<>|"})


def _md(text: str) -> str:
    """Text safe inside Markdown (and one table cell): specials escaped, one line."""
    return " ".join(text.split()).translate(_MD_SPECIAL)


def render_markdown(report: StandupReport, lang: str) -> str:
    """The report as Markdown (CommonMark with pipe tables)."""
    parts = []
    for block in _blocks(report, lang):
        if isinstance(block, _Heading):
            parts.append(f"{'#' * block.level} {_md(block.text)}")
        elif isinstance(block, _Para):
            parts.append(f"*{_md(block.text)}*" if block.muted else _md(block.text))
        else:
            lines = ["| " + " | ".join(_md(h) for h in block.headers) + " |",
                     "|" + "---|" * len(block.headers)]
            lines += ["| " + " | ".join(_md(cell) or " " for cell in row) + " |"
                      for row in block.rows]
            parts.append("\n".join(lines))
    return "\n\n".join(parts) + "\n"


_CSS = """
body { font-family: 'DejaVu Sans', 'Segoe UI', Arial, sans-serif; font-size: 10pt;
       color: #1d1d1d; }
h1 { font-size: 18pt; margin-bottom: 4pt; }
h2 { font-size: 13pt; margin-top: 16pt; margin-bottom: 4pt; color: #1f3a5f; }
h3 { font-size: 11pt; margin-top: 10pt; margin-bottom: 3pt; }
p { margin-top: 2pt; margin-bottom: 2pt; }
p.muted { color: #6b6b6b; font-style: italic; }
table { border-collapse: collapse; margin-bottom: 6pt; }
th, td { border: 1px solid #b8b8b8; padding: 3px 6px; text-align: left;
         vertical-align: top; }
th { background-color: #e8edf3; font-weight: bold; }
""".strip()


#: A column whose cells are all at most this long (times, columns, counts, names) is kept
#: on one line: the long texts (titles, reasons, notes) wrap, between words, in the rest.
_SHORT_CELL = 24


def _short_columns(table: _Table) -> set[int]:
    """The columns of ``table`` that are never wrapped."""
    return {number for number in range(len(table.headers))
            if all(len(row[number]) <= _SHORT_CELL for row in table.rows)}


def render_html(report: StandupReport, lang: str) -> str:
    """The report as one HTML page (UTF-8, inline CSS, tables for sections)."""
    e = html.escape
    blocks = _blocks(report, lang)
    title = next(b.text for b in blocks if isinstance(b, _Heading))
    body = []
    for block in blocks:
        if isinstance(block, _Heading):
            body.append(f"<h{block.level}>{e(block.text)}</h{block.level}>")
        elif isinstance(block, _Para):
            muted = ' class="muted"' if block.muted else ""
            body.append(f"<p{muted}>{e(block.text)}</p>")
        else:
            short = _short_columns(block)

            def cell(tag: str, number: int, text: str, short: set[int] = short) -> str:
                keep = ' style="white-space: nowrap"' if number in short else ""
                return f"<{tag}{keep}>{e(text)}</{tag}>"

            head = "".join(cell("th", n, h) for n, h in enumerate(block.headers))
            cells = "".join(
                "<tr>" + "".join(cell("td", n, text) for n, text in enumerate(row))
                + "</tr>\n" for row in block.rows)
            # 99 %: Qt's layout rounds a 100 % table one pixel past some widths, and the
            # window then scrolls sideways for it.
            body.append('<table width="99%" border="1" cellspacing="0" cellpadding="4">\n'
                        f"<thead><tr>{head}</tr></thead>\n<tbody>\n{cells}</tbody></table>")
    return (f'<!DOCTYPE html>\n<html lang="{e(lang)}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{e(title)}</title>\n<style>\n{_CSS}\n</style>\n</head>\n<body>\n"
            + "\n".join(body) + "\n</body>\n</html>\n")

