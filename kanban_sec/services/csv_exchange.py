"""CSV import, all or nothing, as DESIGN.md specifies: every row is checked and judged by the
rulebook in one transaction, which any problem rolls back whole with every problem named (a
dry run rolls back after counting). Export is :mod:`kanban_sec.services.csv_export`."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from kanban_sec.domain import fields as parse
from kanban_sec.domain.bulk import collector_paused
from kanban_sec.domain.errors import (
    BadInput,
    FieldProblem,
    ImportProblems,
    Message,
    Problem,
    msg,
)
from kanban_sec.domain.governance import Action, Policy
from kanban_sec.domain.ids import new_id
from kanban_sec.domain.model import MATURITY_MAX, Classification
from kanban_sec.domain.rules import Refusal, RuleRefused
from kanban_sec.exchange.csv_codec import (
    COMPUTED,
    CSV_ZONE,
    HEADER,
    read_csv,
)
from kanban_sec.services.access import require
from kanban_sec.services.board import BoardService, status_times
from kanban_sec.services.csv_export import progress_step
from kanban_sec.services.history import insert_transfer
from kanban_sec.services.names import Names
from kanban_sec.services.outcome import Outcome
from kanban_sec.store import rows
from kanban_sec.store.unit_of_work import UnitOfWork, writing

#: Columns that import reads. Of the computed ones, created_at and done_at are kept for
#: new items (their history); the rest are recomputed.
_IMPORTED = tuple(c for c in HEADER if c not in COMPUTED)


class _DryRun(Exception):
    """Raised to roll a dry run back after counting."""


@dataclass
class _Plan:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Message] = field(default_factory=list)


def import_csv(
    service: BoardService,
    path: str | os.PathLike[str],
    *,
    dry_run: bool = False,
    ignore_unknown_columns: bool = False,
    on_progress: Callable[[int, int], None] | None = None,
) -> Outcome:
    """Create or update items from a CSV file: all of it, or nothing with every problem.

    ``on_progress(lines done, lines)`` is called now and then as the lines are checked,
    and once more when they are written."""
    table = read_csv(path)
    name = table.path
    seen: dict[str, int] = {}
    for column in table.header:
        if column in seen and column:
            raise BadInput("csv.duplicate_column", column=column)
        seen[column] = 1
    if "title" not in table.header:
        raise BadInput("csv.no_title", path=name)
    unknown = [
        written
        for column, written in zip(table.header, table.names, strict=True)
        if column not in HEADER
    ]
    if unknown and not ignore_unknown_columns:
        raise BadInput("csv.unknown_columns", columns=", ".join(c or '""' for c in unknown))
    positions = {c: i for i, c in enumerate(table.header) if c in _IMPORTED}
    history = {c: i for i, c in enumerate(table.header) if c in ("created_at", "done_at")}

    try:
        with collector_paused(), writing(service.db, service.author, service.person_id) as uow:
            require(uow, service.author, service.person_id, Action.WORK)
            plan = _Importer(uow, positions, service, history).run(table.rows, on_progress)
            if plan.problems:
                raise ImportProblems(name, plan.problems)
            outcome = Outcome(
                tuple(uow.changes),
                tuple(plan.warnings),
                None,
                {"created": plan.created, "updated": plan.updated, "unchanged": plan.unchanged},
                tuple(uow.bulk_rows),
            )
            if dry_run:
                raise _DryRun
            # In the import's transaction, and after the outcome: undo leaves the record.
            insert_transfer(uow, "import", name, plan.created + plan.updated + plan.unchanged)
    except _DryRun:
        return Outcome((), outcome.warnings, None, outcome.counts)
    return outcome


class _Importer:
    """Turns rows into item writes, collecting every problem before anything counts."""

    def __init__(
        self,
        uow: UnitOfWork,
        positions: dict[str, int],
        service: BoardService,
        history: dict[str, int],
    ):
        self.uow = uow
        self.at = positions
        self.service = service
        self.names = Names(uow)
        self.plan = _Plan()
        self._policy: Policy | None = None
        self._chains: dict[str, Any] = {}
        self._links: dict[str, Any] = {}
        self.unit_cache: dict[str, str | None] = {}
        # What earlier lines said about shared rows, to catch a file that contradicts itself.
        self.link_said: dict[str, tuple[int, int]] = {}
        self.target_said: dict[str, tuple[int, int]] = {}
        self._pins = 0
        self._memo: dict[str, dict[str, Any]] = {}
        self.history_at = history
        # The stored UTC hour of each wall-clock hour the file names (see _stored_moment).
        self.hours: dict[str, str | None] = {}
        self.where_cells = [
            positions[c]
            for c in ("chain", "link", "link_maturity", "target_maturity", "risk_owner")
            if c in positions
        ]
        self.where_memo: dict[tuple[str, ...], tuple[Any, Any]] = {}
        self.where_memo_on = "chain" in positions and "link" in positions
        self.owner_cells = [positions[c] for c in ("owner_unit", "owner_person") if c in positions]
        self.owner_memo: dict[tuple[str, ...], tuple[Any, Any]] = {}
        self.owner_memo_on = "owner_unit" in positions and "owner_person" in positions
        self.simple: list[tuple[int, str, Callable[[str], Any], dict[str, Any]]] = [
            (positions[column], column, parser, {})
            for column, parser in _SIMPLE_COLUMNS
            if column in positions
        ]

    def run(
        self,
        records: list[tuple[int, list[str]]],
        on_progress: Callable[[int, int], None] | None = None,
    ) -> _Plan:
        existing: dict[str, dict[str, Any]] = {}
        if "id" in self.at:
            wanted = {cells[self.at["id"]].strip() for _, cells in records}
            existing = self._existing(wanted)
        first_line: dict[str, int] = {}
        inserts: list[dict[str, Any]] = []
        updates: list[tuple[dict[str, Any], dict[str, Any]]] = []
        total, step = len(records), progress_step(len(records))
        for number, (line, cells) in enumerate(records, 1):
            if on_progress is not None and number % step == 0:
                on_progress(number, total)
            problems_before = len(self.plan.problems)
            item_id = cells[self.at["id"]].strip() if "id" in self.at else ""
            if item_id:
                canonical = self._valid_id(item_id, line)
                if canonical is None:
                    continue
                item_id = canonical
                if item_id in first_line:
                    self._problem(
                        line, "id", msg("csv.duplicate_id", id=item_id, other=first_line[item_id])
                    )
                    continue
                first_line[item_id] = line
            current = existing.get(item_id) if item_id else None
            try:
                values = self._values(line, cells, current)
            except RuleRefused as refused:  # a unit, chain, link or person it would make
                self._refused(line, refused.refusal)
                continue
            if len(self.plan.problems) > problems_before or values is None:
                continue
            if current is None or current["deleted_at"] is not None:
                self._history(line, cells, values)
                values["id"] = item_id or new_id()
                if current is not None:  # an id deleted earlier comes back
                    values["deleted_at"] = None
                    self._judge(line, values, current)
                    updates.append((values, current))
                else:
                    row = _new_item(values, self.uow)
                    self._judge(line, row, None)
                    inserts.append(row)
            else:
                if not self._keeps_risk_judgement(line, values, current):
                    continue
                self._judge(line, values, current)
                updates.append((values, current))
        self._check_wip(inserts, updates)
        if self.plan.problems:
            return self.plan
        self.uow.insert_many("item", inserts)
        self.plan.created = len(inserts)
        for values, current in updates:
            values = dict(values)
            item_id = values.pop("id", current["id"])
            _stamp_move(values, current, self.uow)
            if self.uow.update("item", item_id, values, current) is None:
                self.plan.unchanged += 1
            else:
                self.plan.updated += 1
        if on_progress is not None:
            on_progress(total, total)
        return self.plan

    # -- helpers -----------------------------------------------------------------------
    def _judge(self, line: int, values: dict[str, Any], current: dict[str, Any] | None) -> None:
        """The rulebook's word on this row, as a problem of its line (every line is judged
        before anything is written, so the error lists them all)."""
        stamped = dict(values)
        if current is not None:
            _stamp_move(stamped, current, self.uow)
        row_id = str(values.get("id") or (current or {}).get("id"))
        refusal = self.uow.refusal("item", row_id, current, stamped, values_checked=True)
        if refusal is not None:
            self._refused(line, refusal)

    def _refused(self, line: int, refusal: Refusal) -> None:
        field = str(refusal.params.get("field", ""))
        column = _COLUMN_OF.get(
            field,
            field if field in HEADER else "status" if refusal.code in ("KS002", "KS008") else "",
        )
        self._problem(line, column, refusal.message)

    def _keeps_risk_judgement(
        self, line: int, values: dict[str, Any], current: dict[str, Any]
    ) -> bool:
        """A measure of a ROS risk shows the risk's likelihood and consequence (the export
        writes them): the same values import as unchanged, other values are a problem."""
        risk = self.uow.world.row("ros_risk", current.get("risk_id"))
        if risk is None:
            return True
        for name in ("likelihood", "consequence"):
            if name in values and values[name] != risk[name]:
                title = str(values.get("title") or current["title"])
                self._problem(
                    line, name, msg("ros.measure_takes_risk", title=title, risk=risk["title"])
                )
                return False
            values.pop(name, None)
        return True

    def _problem(self, line: int, column: str, message: Message) -> None:
        self.plan.problems.append(Problem(line, column, message))

    def _existing(self, wanted: set[str]) -> dict[str, dict[str, Any]]:
        wanted.discard("")
        if not wanted:
            return {}
        return self.uow.item_rows(wanted)

    def _valid_id(self, text: str, line: int) -> str | None:
        try:
            return str(uuid.UUID(text))
        except ValueError:
            self._problem(line, "id", msg("value.bad_id", value=text))
            return None

    def _cell(self, cells: list[str], column: str) -> str | None:
        index = self.at.get(column)
        return None if index is None else cells[index]

    def _parsed(
        self, line: int, column: str, cells: list[str], parser: Callable[[str], Any]
    ) -> Any:
        index = self.at.get(column)
        if index is None:
            return _ABSENT
        text = cells[index]
        # Parsers are pure, and most columns repeat a few values: parse each text once.
        memo = self._memo.setdefault(column, {})
        value = memo.get(text, _UNSEEN)
        if value is not _UNSEEN:
            return value
        try:
            value = parser(text)
        except FieldProblem as problem:
            self._problem(line, column, problem.msg)
            return _ABSENT
        if len(text) < 64:
            memo[text] = value
        return value

    def _unit(self, line: int, column: str, text: str) -> str | None:
        path = text.strip()
        if not path:
            return None
        if path not in self.unit_cache:
            self.unit_cache[path] = self.names.ensure_unit(self.uow, path)
        return self.unit_cache[path]

    def _values(
        self, line: int, cells: list[str], current: dict[str, Any] | None
    ) -> dict[str, Any] | None:
        v: dict[str, Any] = {}
        # The hot loop of an import: parsers are pure and most columns repeat a few
        # values, so each distinct text is parsed once.
        for index, column, parser, memo in self.simple:
            text = cells[index]
            value = memo.get(text, _UNSEEN)
            if value is _UNSEEN:
                try:
                    value = parser(text)
                except FieldProblem as problem:
                    self._problem(line, column, problem.msg)
                    continue
                if len(text) < 64:
                    memo[text] = value
            if value is not _ABSENT:
                v[column] = value
        blocked = v.get("blocked_reason")
        if blocked is not None:
            v["blocked_at"] = (
                (current["blocked_at"] if current and current["blocked_at"] else self.uow.now_text)
                if blocked
                else None
            )
        pinned = self._cell(cells, "pinned")
        if pinned is not None:
            self._pin(line, pinned.strip(), current, v)
        # Where the item stands and who owns it depend only on these cells when the file
        # names both chain and link (and unit and person): rows repeat them, so each
        # combination is worked out once, unless it raised a problem.
        known = len(self.plan.problems)
        where_key = tuple(cells[i] for i in self.where_cells) if self.where_memo_on else None
        where = self.where_memo.get(where_key) if where_key is not None else None
        if where is None:
            p = self._parsed
            link_maturity = p(line, "link_maturity", cells, _optional_maturity)
            target = p(line, "target_maturity", cells, _optional_maturity)
            risk_owner = self._cell(cells, "risk_owner")
            self._chain_and_link(line, cells, current, v, link_maturity, target, risk_owner)
            if where_key is not None and len(self.plan.problems) == known:
                self.where_memo[where_key] = (v.get("chain_id"), v.get("link_id"))
        else:
            v["chain_id"], v["link_id"] = where
        known = len(self.plan.problems)
        owner_key = tuple(cells[i] for i in self.owner_cells) if self.owner_memo_on else None
        owner = self.owner_memo.get(owner_key) if owner_key is not None else None
        if owner is None:
            self._owner(line, cells, current, v)
            if owner_key is not None and len(self.plan.problems) == known:
                self.owner_memo[owner_key] = (v.get("owner_unit_id"), v.get("owner_person_id"))
        else:
            v["owner_unit_id"], v["owner_person_id"] = owner
        return v

    def _history(self, line: int, cells: list[str], values: dict[str, Any]) -> None:
        """A new item keeps the creation (and done) time its file gives: its history."""
        for column in ("created_at", "done_at"):
            index = self.history_at.get(column)
            if index is None or not cells[index].strip():
                continue
            if column == "done_at" and values.get("status") != "done":
                continue
            text = cells[index]
            stored = _stored_moment(text, self.hours) if len(text) == 19 else None
            if stored is not None:
                values[column] = stored
                continue
            try:
                moment = parse.parse_datetime(text, CSV_ZONE)
            except FieldProblem as problem:
                self._problem(line, column, problem.msg)
                continue
            if moment is not None:
                values[column] = rows.ts(moment)

    def _pin(self, line: int, text: str, current: dict[str, Any] | None, v: dict[str, Any]) -> None:
        try:
            pinned = parse.parse_bool(text)
            reason = (current["pin_reason"] if current else "") if pinned else ""
        except FieldProblem:
            pinned, reason = True, text
        if pinned and not reason:
            self._problem(line, "pinned", msg("pin.reason_required"))
            return
        if pinned:
            v["pinned_at"] = (
                current["pinned_at"] if current and current["pinned_at"] else self._next_pin_time()
            )
        else:
            v["pinned_at"] = None
        v["pin_reason"] = reason

    def _next_pin_time(self) -> str:
        # Keep the file's order among items pinned by this import: one microsecond apart.
        self._pins += 1
        return rows.ts(self.uow.now + timedelta(microseconds=self._pins))

    def _chain_and_link(
        self,
        line: int,
        cells: list[str],
        current: dict[str, Any] | None,
        v: dict[str, Any],
        link_maturity: Any,
        target: Any,
        risk_owner: str | None,
    ) -> None:
        chain_text = self._cell(cells, "chain")
        link_text = self._cell(cells, "link")
        chain_id = current["chain_id"] if current else None
        if chain_text is not None:
            chain_id = None
            if chain_text.strip():
                owner_unit = self._unit(line, "risk_owner", risk_owner) if risk_owner else None
                chain_id = self.names.find_chain(chain_text)
                if chain_id is None:
                    chain_id = self.names.ensure_chain(
                        self.uow,
                        chain_text,
                        owner_unit,
                        target if isinstance(target, int) else MATURITY_MAX,
                    )
                self._check_chain(line, chain_id, target, owner_unit, risk_owner)
        v["chain_id"] = chain_id
        link_id = current["link_id"] if current and current["chain_id"] == chain_id else None
        if link_text is not None:
            link_id = None
            if link_text.strip():
                if chain_id is None:
                    self._problem(line, "link", msg("link.needs_chain"))
                    return
                link_id = self.names.find_link(chain_id, link_text)
                if link_id is None:
                    link_id = self.names.ensure_link(
                        self.uow,
                        chain_id,
                        link_text,
                        maturity=link_maturity if isinstance(link_maturity, int) else 0,
                    )
                self._check_link(line, link_id, link_maturity)
        v["link_id"] = link_id

    def _check_chain(
        self, line: int, chain_id: str, target: Any, owner_unit: str | None, risk_owner: str | None
    ) -> None:
        chain = self.names.chains[chain_id]
        if isinstance(target, int):
            said = self.target_said.get(chain_id)
            if said is not None and said[0] != target:
                self._problem(
                    line,
                    "target_maturity",
                    msg("csv.conflict", what=chain.name, value=target, other=said[0], line=said[1]),
                )
            elif said is None:
                self.target_said[chain_id] = (target, line)
                if chain.target_maturity != target:
                    self.uow.update("chain", chain_id, {"target_maturity": target})
                    chain.target_maturity = target
        if owner_unit is not None and risk_owner is not None:
            if chain.risk_owner_unit_id is None:
                self.uow.update("chain", chain_id, {"risk_owner_unit_id": owner_unit})
                chain.risk_owner_unit_id = owner_unit
            elif chain.risk_owner_unit_id != owner_unit:
                self._problem(
                    line,
                    "risk_owner",
                    msg(
                        "csv.risk_owner_fixed",
                        chain=chain.name,
                        owner=self.names.unit_path(chain.risk_owner_unit_id),
                    ),
                )

    def _check_link(self, line: int, link_id: str, maturity: Any) -> None:
        if not isinstance(maturity, int):
            return
        link = self.names.links[link_id]
        said = self.link_said.get(link_id)
        if said is not None and said[0] != maturity:
            self._problem(
                line,
                "link_maturity",
                msg("csv.conflict", what=link.name, value=maturity, other=said[0], line=said[1]),
            )
        elif said is None:
            self.link_said[link_id] = (maturity, line)
            if link.maturity != maturity:
                self.uow.update("link", link_id, {"maturity": maturity})
                link.maturity = maturity

    def _owner(
        self, line: int, cells: list[str], current: dict[str, Any] | None, v: dict[str, Any]
    ) -> None:
        unit_text = self._cell(cells, "owner_unit")
        person_text = self._cell(cells, "owner_person")
        unit_id = current["owner_unit_id"] if current else None
        person_id = current["owner_person_id"] if current else None
        if unit_text is not None:
            unit_id = self._unit(line, "owner_unit", unit_text)
            if (
                person_id is not None
                and self.names.people.get(person_id)
                and self.names.people[person_id].unit_id != unit_id
            ):
                person_id = None
        if person_text is not None:
            if person_text.strip():
                try:
                    person_id = self.names.find_person(person_text, unit_id)
                except BadInput as error:
                    self._problem(line, "owner_person", error.msg)
                    return
                if person_id is None or (
                    unit_id is not None and self.names.people[person_id].unit_id != unit_id
                ):
                    person_id = self.names.ensure_person(self.uow, person_text, unit_id)
                if unit_id is None:
                    unit_id = self.names.people[person_id].unit_id
            else:
                person_id = None
        v["owner_unit_id"], v["owner_person_id"] = unit_id, person_id

    def _check_wip(
        self, inserts: list[dict[str, Any]], updates: list[tuple[dict[str, Any], dict[str, Any]]]
    ) -> None:
        moving_in: dict[str, int] = {}
        for values in inserts:
            status = values.get("status", "backlog")
            moving_in[status] = moving_in.get(status, 0) + 1
        for values, current in updates:
            status = values.get("status", current["status"])
            if status != current["status"] or current["deleted_at"] is not None:
                moving_in[status] = moving_in.get(status, 0) + 1
                if current["deleted_at"] is None:
                    moving_in[current["status"]] = moving_in.get(current["status"], 0) - 1
        for column in self.uow.columns():
            extra = moving_in.get(column.key.value, 0)
            if column.wip_limit is None or extra <= 0:
                continue
            count = self.uow.count_open_in(column.key) + extra
            if count <= column.wip_limit:
                continue
            name = column.name(self.service.lang)
            if column.wip_hard:
                self._problem(0, "status", msg("wip.hard", column=name, limit=column.wip_limit))
            else:
                self.plan.warnings.append(
                    msg("wip.soft", column=name, count=count, limit=column.wip_limit)
                )


class _Absent:
    def __repr__(self) -> str:
        return "ABSENT"


_ABSENT: Any = _Absent()
_UNSEEN: Any = object()


def _stored_moment(text: str, hours: dict[str, str | None]) -> str | None:
    """A wall-clock time as the export writes it (``2026-12-04 15:30:05``, Norwegian time) as
    stored, or None to leave it to the full parser. Norway's offsets are whole hours, so the
    minutes and seconds carry over and each hour is converted once (the same answer as
    ``parse_datetime``, the first of a repeated hour included)."""
    if text[10] != " " or text[13] != ":" or text[16] != ":":
        return None
    minute, second = text[14:16], text[17:19]
    if not (minute.isdigit() and second.isdigit() and minute < "60" and second < "60"):
        return None
    hour = text[:13]
    if hour not in hours:
        try:
            moment = parse.parse_datetime(hour + ":00:00", CSV_ZONE)
        except FieldProblem:
            moment = None
        hours[hour] = None if moment is None else rows.ts(moment)[:14]
    stored = hours[hour]
    if stored is None:
        return None
    return f"{stored}{minute}:{second}.000000Z"


def _tags_json(text: str) -> str:
    return rows.tags_json(parse.parse_tags(text))


def _optional(parser: Callable[[str], Any]) -> Callable[[str], Any]:
    def wrapped(text: str) -> Any:
        return parser(text) if text.strip() else _ABSENT

    return wrapped


def _optional_scale(text: str) -> Any:
    """1–5; empty leaves the value as it is (unassessed for a new item); "?" or
    "ikke vurdert"/"unassessed" makes it unassessed."""
    return parse.parse_assessment(text) if text.strip() else _ABSENT


def _effort_value(text: str) -> str | None:
    effort = parse.parse_effort(text)
    return effort.value if effort else None


def _due_value(text: str) -> str | None:
    due = parse.parse_date(text)
    return due.isoformat() if due else None


def _stripped_text(text: str) -> str:
    return parse.parse_text(text.strip())


_optional_maturity = _optional(parse.parse_maturity)

#: Columns that map to one stored field each: (column, parser giving the stored value).
_SIMPLE_COLUMNS: tuple[tuple[str, Callable[[str], Any]], ...] = (
    ("title", parse.parse_title),
    ("description", parse.parse_text),
    ("framework_ref", _stripped_text),
    ("blocked_reason", _stripped_text),
    ("likelihood", _optional_scale),
    ("consequence", _optional_scale),
    ("status", lambda text: parse.parse_status(text).value),
    ("effort", _effort_value),
    ("classification", lambda text: parse.parse_classification(text).value),
    ("tags", _tags_json),
    ("due_date", _due_value),
)

_ITEM_DEFAULTS: dict[str, Any] = {
    "title": "",
    "description": "",
    "status": "backlog",
    "chain_id": None,
    "link_id": None,
    "likelihood": None,
    "consequence": None,
    "effort": None,
    "owner_unit_id": None,
    "owner_person_id": None,
    "framework_ref": "",
    "classification": Classification.OPEN.value,
    "tags": "[]",
    "checklist": "[]",
    "blocked_reason": "",
    "blocked_at": None,
    "due_date": None,
    "pinned_at": None,
    "pin_reason": "",
    "status_changed_at": None,
    "started_at": None,
    "done_at": None,
    "activity_id": None,
    "occurrence": None,
}


#: The CSV column of a stored field a refusal names.
_COLUMN_OF = {
    "chain_id": "chain",
    "link_id": "link",
    "owner_unit_id": "owner_unit",
    "owner_person_id": "owner_person",
    "risk_owner_unit_id": "risk_owner",
    "target_maturity": "target_maturity",
    "maturity": "link_maturity",
    "create": "",
    "status": "status",
}


def _new_item(values: dict[str, Any], uow: UnitOfWork) -> dict[str, Any]:
    row = {"id": values["id"], **_ITEM_DEFAULTS, **values}
    row.update(status_times(row["status"], None, uow.now_text))
    if values.get("done_at"):
        row["done_at"] = values["done_at"]
    return row


def _stamp_move(values: dict[str, Any], current: dict[str, Any], uow: UnitOfWork) -> None:
    status = values.get("status", current["status"])
    if status == current["status"]:
        return
    values.update(status_times(status, current["started_at"], uow.now_text))
