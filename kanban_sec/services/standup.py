"""The weekly standup: start it with a snapshot of the board, take notes and decisions,
end it, and report what changed since the last one.

"Since" is exact: a standup stores the board as it was when it started (rank, column,
owner and blocked reason of every open item), and the change log says what was written
after. For a period that starts at a date instead, the board as it was then is rebuilt by
undoing the change records written since (each one holds the old values).

The reads are in :mod:`kanban_sec.store.standup_reader`, the report's values in
:mod:`kanban_sec.domain.standup_report`, and its Markdown and HTML in
:mod:`kanban_sec.exchange.standup_report` (PDF is in ``ui/``).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from kanban_sec.domain.bulk import collector_paused
from kanban_sec.domain.errors import BadInput, KanbanError, NotFound, Refused
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
    snapshot_json,
    snapshot_of,
    walk,
    what_changed,
    wip_over_limit,
)
from kanban_sec.domain.standup_report import (
    AgingLine,
    BlockedLine,
    ChangeLine,
    DelegableLine,
    ItemRef,
    NoteLine,
    RiskLine,
    StandupReport,
    WipLine,
)
from kanban_sec.domain.text import t
from kanban_sec.exchange.standup_report import render_html, render_markdown
from kanban_sec.services.governance import EXPIRY_WARNING_DAYS, Expiring, GovernanceService
from kanban_sec.services.history import record_transfer
from kanban_sec.services.outcome import Outcome
from kanban_sec.services.session import Service, Session
from kanban_sec.store import standup_reader as stored
from kanban_sec.store.unit_of_work import Board, Reader, UnitOfWork, reading, writing

#: The entities whose changes a report reads (comments, people, units do not matter).
_REPORT_ENTITIES = ("item", "chain", "link", "column")
#: The fields of those whose changes a report reads: what ranks an item, where it stands,
#: who owns it, whether it is blocked; whether a row was made or deleted.
_REPORT_FIELDS = frozenset(
    {
        "status",
        "owner_unit_id",
        "owner_person_id",
        "blocked_reason",
        "chain_id",
        "link_id",
        "likelihood",
        "consequence",
        "effort",
        "pinned_at",
        "created_at",
        "deleted_at",
        "maturity",
        "target_maturity",
        "wip_limit",
        "wip_hard",
        "position",
        "key",
    }
)


@dataclass(frozen=True)
class _Period:
    standup: Standup | None
    baseline: Standup | None
    since: datetime
    until: datetime
    first_seq: int
    end_seq: int | None


class StandupService(Service):
    """Standups for one person (the author of every change they write)."""

    def __init__(self, session: Session, settings: StandupSettings | None = None) -> None:
        super().__init__(session)
        self.settings = settings or StandupSettings()

    # -- writing -------------------------------------------------------------------------
    def start(self, attendees: Sequence[str], held_on: date | None = None) -> Outcome:
        """Start a standup: who is there, and the board as it is now (rank, column, owner,
        blocked reason of every open item), so "since the last standup" is exact."""
        with writing(self.db, self.author) as uow:
            standup_id = start_standup(uow, attendees, held_on or date.today())
            return Outcome(tuple(uow.changes), (), standup_id)

    def add_note(
        self, standup_id: str, body: str, item_id: str | None = None, decision: bool = False
    ) -> Outcome:
        """A note or decision on the standup; about an item, it also becomes a comment on
        the item, so it shows in the card's history."""
        text = body.strip()
        if not text:
            raise BadInput("standup.note_empty")
        with writing(self.db, self.author) as uow:
            standup = stored.standup(uow, standup_id)
            if standup.ended:
                raise Refused("standup.ended", date=standup.held_on.isoformat())
            if item_id is not None and uow.item(item_id) is None:
                raise NotFound("item.not_found", id=item_id)
            note_id = new_id()
            kind = NoteKind.DECISION if decision else NoteKind.NOTE
            uow.insert(
                "standup_note",
                {
                    "id": note_id,
                    "standup_id": standup_id,
                    "item_id": item_id,
                    "kind": kind.value,
                    "body": text,
                    "author": self.author,
                },
            )
            if item_id is not None:
                key = "standup.comment_decision" if decision else "standup.comment_note"
                uow.insert(
                    "comment",
                    {
                        "id": new_id(),
                        "item_id": item_id,
                        "author": self.author,
                        "body": t(key, self.lang, date=standup.held_on.isoformat(), body=text),
                    },
                )
            return Outcome(tuple(uow.changes), (), note_id)

    def end(self, standup_id: str) -> Outcome:
        """End a standup (ending it again changes nothing)."""
        with writing(self.db, self.author) as uow:
            end_standup(uow, standup_id)
            return Outcome(tuple(uow.changes), (), standup_id)

    # -- reading -------------------------------------------------------------------------
    def get(self, standup_id: str) -> Standup:
        with reading(self.db) as reader:
            return stored.standup(reader, standup_id)

    def last(self) -> Standup | None:
        """The newest standup, running or ended."""
        with reading(self.db) as reader:
            return stored.newest(reader)

    def last_ended(self) -> Standup | None:
        with reading(self.db) as reader:
            return stored.newest(reader, ended=True)

    def running(self) -> Standup | None:
        """The standup started and not yet ended, if any."""
        with reading(self.db) as reader:
            return stored.newest(reader, ended=False)

    def snapshot(self, standup_id: str) -> Snapshot:
        """The board as it was when the standup started (open items)."""
        with reading(self.db) as reader:
            found = stored.snapshot(reader, standup_id)
        if found is None:
            raise NotFound("standup.not_found", id=standup_id)
        return found

    def changes_since(self, since: datetime | None = None) -> list[Change]:
        """The change records written since ``since`` (default: the start of the last ended
        standup; with none, ``settings.first_period`` ago), oldest first."""
        with reading(self.db) as reader:
            period = self._period(reader, since, datetime.now(UTC))
            return stored.changes(reader, period.first_seq)

    def walk_order(
        self, owner_unit_id: str | None = None, *, include_backlog: bool | None = None
    ) -> list[str]:
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
        return [
            r.item_id for r in walk(rank(board.items, board.chains, board.links), statuses, owners)
        ]

    def report(
        self, of: str | datetime | date | None = None, *, include_confidential: bool = False
    ) -> StandupReport:
        """The report of a standup (its id), of the changes since a moment, or (``None``)
        of the changes since the last ended standup."""
        now = datetime.now(UTC)
        # An ended standup's report lists what was running out then; others, what is now.
        day = self.today()
        if isinstance(of, str):
            ended = self.get(of).ended_at
            day = ended.astimezone().date() if ended is not None else day
        soon = self._expiring(day, EXPIRY_WARNING_DAYS)
        with reading(self.db) as reader, collector_paused():
            period = self._period(reader, of, now)
            return _Builder(reader, period, self.settings, include_confidential, soon).build()

    def expiring_risk_decisions(self, within_days: int = EXPIRY_WARNING_DAYS) -> list[Expiring]:
        """Risk acceptances in force that run out within ``within_days`` of today."""
        return self._expiring(self.today(), within_days)

    def _expiring(self, day: date, within_days: int) -> list[Expiring]:
        # Most boards have no acceptance running out: one indexed look before reading the
        # whole board as GovernanceService.expiring does.
        with reading(self.db) as reader:
            any_soon = stored.acceptance_runs_out(reader, day, day + timedelta(days=within_days))
        if not any_soon:
            return []
        return GovernanceService(replace(self.session, today=lambda: day)).expiring(
            day, within_days
        )

    def write_report(
        self,
        path: str | os.PathLike[str],
        of: str | datetime | date | None = None,
        *,
        format: str | None = None,
        include_confidential: bool = False,
        pdf_writer: Callable[[str, Path], None] | None = None,
    ) -> StandupReport:
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
        return record_transfer(
            self.db,
            self.author,
            "report",
            path,
            len(report.item_ids()),
            confidential=report.include_confidential,
        )

    # -- periods -------------------------------------------------------------------------
    def _period(self, reader: Reader, of: str | datetime | date | None, now: datetime) -> _Period:
        if isinstance(of, str):
            standup = stored.standup(reader, of)
            previous = stored.newest(reader, ended=True, started_before=standup.started_at)
            start = self._start(reader, previous, standup.started_at)
            end_seq = None
            if standup.ended_at is not None:
                end_seq = stored.first_seq(reader, stored.end_hlc(reader, standup) + 1)
            return _Period(standup, previous, start[0], standup.ended_at or now, start[1], end_seq)
        if of is None:
            previous = stored.newest(reader, ended=True)
            since, first = self._start(reader, previous, now)
            return _Period(None, previous, since, now, first, None)
        since = aware(of)
        return _Period(None, None, since, now, stored.first_seq(reader, stored.hlc_at(since)), None)

    def _start(
        self, reader: Reader, previous: Standup | None, before: datetime
    ) -> tuple[datetime, int]:
        """Where a period after ``previous`` starts (without one: ``first_period`` earlier)."""
        if previous is None:
            since = before - self.settings.first_period
            return since, stored.first_seq(reader, stored.hlc_at(since))
        return previous.started_at, stored.first_seq(reader, stored.start_hlc(reader, previous) + 1)


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
        raise BadInput(
            "standup.cannot_write", path=str(path), reason=error.strerror or str(error)
        ) from error
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def start_standup(uow: UnitOfWork, attendees: Sequence[str], held_on: date) -> str:
    """Write a new standup, with the board's snapshot, in ``uow``; returns its id.

    The author of ``uow`` is the facilitator. Refused while another standup is running.
    """
    running = stored.newest(uow, ended=False)
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
    uow.insert(
        "standup",
        {
            "id": standup_id,
            "held_on": held_on.isoformat(),
            "started_at": uow.now_text,
            "facilitator": uow.author,
            "attendees": json.dumps(chosen),
            "snapshot": snapshot_json(snapshot),
        },
    )
    return standup_id


def end_standup(uow: UnitOfWork, standup_id: str) -> None:
    """Mark a standup ended in ``uow`` (an ended one stays as it is)."""
    standup = stored.standup(uow, standup_id)
    if not standup.ended:
        uow.update("standup", standup_id, {"ended_at": uow.now_text})


def aware(moment: datetime | date) -> datetime:
    """A time with its zone: a date is local midnight, a naive time is local time."""
    if not isinstance(moment, datetime):
        moment = datetime.combine(moment, time())
    return moment if moment.tzinfo is not None else moment.astimezone()


# -- building a report -------------------------------------------------------------------------


class _Builder:
    """One report from one read transaction."""

    def __init__(
        self,
        reader: Reader,
        period: _Period,
        settings: StandupSettings,
        include_confidential: bool,
        expiring: Sequence[Expiring] = (),
    ) -> None:
        self.reader = reader
        self.period = period
        self.settings = settings
        self.include_confidential = include_confidential
        self.expiring = expiring

    def build(self) -> StandupReport:
        reader, period = self.reader, self.period
        current = reader.board()
        changes = stored.changes(
            reader, period.first_seq, entities=_REPORT_ENTITIES, fields=_REPORT_FIELDS
        )
        in_period = changes
        after_board = current
        if period.end_seq is not None:
            later = stored.changes(
                reader, period.end_seq, entities=_REPORT_ENTITIES, fields=_REPORT_FIELDS
            )
            in_period = changes[: len(changes) - len(later)]
            after_board = stored.board_before(reader, current, later) if later else current
        ranked = rank(after_board.items, after_board.chains, after_board.links)
        after = snapshot_of(ranked, after_board.items)
        if period.baseline is not None:
            baseline = stored.snapshot(reader, period.baseline.id)
            assert baseline is not None  # the period was found from it
            before = baseline
        else:
            then = stored.board_before(reader, current, changes)
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
            aging=tuple(
                AgingLine(self._ref(a.item_id), a.status, a.entered, a.age.days, a.threshold.days)
                for a in aging(open_items, until, self.settings.aging_days)
            ),
            blocked=tuple(
                BlockedLine(
                    self._ref(b.item_id),
                    b.status,
                    self._text(b.item_id, b.reason),
                    b.since,
                    b.duration.days if b.duration else None,
                )
                for b in blocked(open_items, until)
            ),
            wip_over_limit=tuple(
                WipLine(w.status, w.count, w.limit, w.hard)
                for w in wip_over_limit(after_board.columns, open_items)
            ),
            delegable=tuple(
                DelegableLine(
                    self._ref(d.item_id),
                    d.status,
                    self._owner(
                        self.items[d.item_id].owner_unit_id, self.items[d.item_id].owner_person_id
                    ),
                    tuple(self._unit(u) for u in d.delegation.units)
                    + tuple(self._person(p) for p in d.delegation.people),
                )
                for d in delegable(ranked, self.tree, after_board.links, statuses)
            ),
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
        return RiskLine(
            decision.id, ref, chain_name, decision.valid_until, expiring.decided_by, expiring.items
        )

    def _notes(self) -> list[NoteLine]:
        period = self.period
        if period.standup is not None:
            found: Iterable[StandupNote] = period.standup.notes
        else:
            found = stored.notes_between(self.reader, period.since, period.until)
        return [
            NoteLine(
                n.kind,
                self._ref(n.item_id) if n.item_id else None,
                self._text(n.item_id, n.body) if n.item_id else n.body,
                n.author,
                n.created_at,
            )
            for n in found
        ]

    def _item(self, item_id: str) -> Item | None:
        """An item of the board reported on, else as stored (e.g. deleted since)."""
        item = self.items.get(item_id)
        if item is None:
            item = stored.stored_item(self.reader, item_id)
            if item is not None:
                self.items[item_id] = item
        return item

    def _hidden(self, item_id: str) -> bool:
        item = self._item(item_id)
        return (
            not self.include_confidential
            and item is not None
            and item.classification is Classification.CONFIDENTIAL
        )

    def _text(self, item_id: str, text: str) -> str | None:
        """Free text about an item; ``None`` when the item is confidential and not shown."""
        return None if self._hidden(item_id) else text

    def _ref(self, item_id: str) -> ItemRef:
        item = self._item(item_id)
        title = item.title if item is not None else ""
        return ItemRef(
            item_id,
            None if self._hidden(item_id) else title,
            self.ranks.get(item_id),
            item.status if item else None,
        )

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
        from_status = (
            was.status
            if was is not None
            else (Status.DONE if change.kind is ChangeKind.MOVED else None)
        )
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
