"""History and audit: the change log read as who changed which field from what to what,
when; its CSV export; and the record each CSV export and import leaves.

One :class:`HistoryEntry` per changed field of a change record. Rows are labelled by what
people call them (an item's title, a unit's path, a chain's name), ids in values become
names, and the bookkeeping fields the other fields already tell are left out.
"""

from __future__ import annotations

import getpass
import json
import os
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from kanban_sec.domain.ids import new_id, short_id
from kanban_sec.domain.standup import stored_item_id
from kanban_sec.domain.text import has, t
from kanban_sec.exchange.csv_codec import format_row, neutralise
from kanban_sec.services.files import write_atomically
from kanban_sec.services.session import Service
from kanban_sec.store import change_log, rows
from kanban_sec.store.database import Database
from kanban_sec.store.unit_of_work import Reader, UnitOfWork, reading, writing

BOM = "\ufeff"
CSV_HEADER: tuple[str, ...] = ("at", "author", "entity", "id", "name", "field", "old", "new")
#: What a transfer record is about: a CSV export, a CSV import, or a report (e.g. the
#: standup's) written for people outside the board.
KINDS = ("export", "import", "report")

#: Change-log fields the history leaves out: bookkeeping the other fields already tell.
HIDDEN_FIELDS = frozenset(
    {
        "id",
        "created_at",
        "updated_at",
        "status_changed_at",
        "started_at",
        "done_at",
        "blocked_at",
        "hlc",
        "node_id",
    }
)

#: Fields holding the id of another row, and that row's entity.
_REFERENCES: dict[str, str] = {
    "chain_id": "chain",
    "link_id": "link",
    "owner_unit_id": "unit",
    "owner_person_id": "person",
    "unit_id": "unit",
    "parent_id": "unit",
    "risk_owner_unit_id": "unit",
    "responsible_unit_id": "unit",
    "item_id": "item",
    "standup_id": "standup",
    "activity_id": "activity",
}


@dataclass(frozen=True)
class HistoryEntry:
    """One field of one change: ``old`` and ``new`` as stored, ``*_text`` as people read
    them (empty for no value)."""

    at: datetime
    author: str
    entity: str
    row_id: str
    label: str
    field: str
    old: Any
    new: Any
    old_text: str
    new_text: str


def _bound(moment: datetime | date, *, end: bool) -> str:
    """A filter bound as stored text: a date is a whole UTC day (``until`` includes it)."""
    if not isinstance(moment, datetime):
        moment = datetime.combine(moment, time(), UTC) + (timedelta(days=1) if end else timedelta())
    elif moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return rows.ts(moment)


class History(Service):
    """The change log, read for people (no Qt here); the acting person is who the record
    of a CSV export names."""

    def _may_read(self) -> None:
        """The whole history is for governing and controlling members."""
        from kanban_sec.domain.governance import Action
        from kanban_sec.services.access import require

        with reading(self.db) as reader:
            require(reader, self.author, self.person_id, Action.AUDIT)

    def authors(self) -> list[str]:
        """Everyone who has written a change, sorted."""
        with reading(self.db) as reader:
            found = change_log.authors(reader)
        return sorted(found, key=str.casefold)

    def items_matching(self, text: str) -> list[str]:
        """Ids of the items (deleted ones too) whose title holds ``text``, any case."""
        needle = text.strip()
        if not needle:
            return []
        with reading(self.db) as reader:
            return reader.item_ids_titled(needle)

    def entries(
        self,
        item_id: str | Collection[str] | None = None,
        author: str | None = None,
        since: datetime | date | None = None,
        until: datetime | date | None = None,
        entity: str | None = None,
        limit: int | None = None,
    ) -> list[HistoryEntry]:
        """Changed fields, newest first.

        ``item_id`` (one id or several) keeps an item's own changes and its comments';
        ``since`` is inclusive, ``until`` exclusive (a date: through that whole UTC day);
        ``limit`` caps the number of entries.
        """
        self._may_read()
        ids = None
        if item_id is not None:
            ids = [item_id] if isinstance(item_id, str) else list(item_id)
            if not ids:
                return []
        with reading(self.db) as reader:
            raw = change_log.records(
                reader,
                item_ids=ids,
                entity=entity,
                author=author,
                since=None if since is None else _bound(since, end=False),
                until=None if until is None else _bound(until, end=True),
            )
            fields = list(self._fields(raw, limit))
            labels = _Labels(reader, {(e, r) for e, r, *_ in fields}, fields, self.lang)
        return [
            HistoryEntry(
                datetime.fromisoformat(at),
                who,
                entity_name,
                row_id,
                labels.row(entity_name, row_id),
                name,
                old,
                new,
                labels.value(name, old),
                labels.value(name, new),
            )
            for entity_name, row_id, who, at, name, old, new in fields
        ]

    @staticmethod
    def _fields(raw: Iterable[Any], limit: int | None) -> Iterator[tuple[Any, ...]]:
        count = 0
        for entity_name, row_id, text, who, at in raw:
            pairs = json.loads(text)
            creating = all(pair[1] is None for pair in pairs.values())
            for name, (new, old) in pairs.items():
                if name in HIDDEN_FIELDS or new == old:
                    continue
                if creating and new in (None, "", "[]"):
                    continue  # a new row's empty fields say nothing
                if limit is not None and count >= limit:
                    return
                count += 1
                yield entity_name, row_id, who, at, name, old, new

    def export_csv(
        self, path: str | os.PathLike[str], *, include_confidential: bool = False, **filters: Any
    ) -> int:
        """Write the entries ``filters`` select as CSV (UTF-8 with BOM, CRLF, cells
        neutralised against formulas), all of the file or none; returns the entry count.

        Changes to confidential items (the item's own, and its comments, standup notes,
        risk decisions and verifications) keep their time, author, entity, id and field,
        but the item is named "Confidential item …<id>" and the values are hidden, unless
        ``include_confidential``; blocked reasons of confidential items in standup
        snapshots likewise. The export is recorded as a transfer (kind ``export``, the
        file, the entry count and whether confidential details were included).
        """
        found = self.entries(**filters)
        secret = {} if include_confidential else self._confidential_rows(found)
        lines = [BOM + format_row(list(CSV_HEADER), ",")]
        for e in found:
            name, old, new = e.label, e.old_text, e.new_text
            item_id = secret.get((e.entity, e.row_id))
            if item_id is not None:
                name = t("confidential.item", self.lang, id=short_id(item_id))
                if e.field not in _SHOWN_WHEN_CONFIDENTIAL:
                    hidden = t("confidential.hidden", self.lang)
                    old, new = (hidden if old else "", hidden if new else "")
            elif secret and e.entity == "standup" and e.field == "snapshot":
                ids = set(secret.values())
                old, new = (
                    _masked_snapshot(old, ids, self.lang),
                    _masked_snapshot(new, ids, self.lang),
                )
            cells = [
                rows.ts(e.at)[:19] + "Z",
                e.author,
                e.entity,
                e.row_id,
                name,
                e.field,
                old,
                new,
            ]
            lines.append(format_row([neutralise(c) for c in cells], ","))
        write_atomically(path, "".join(lines).encode("utf-8"))
        record_transfer(
            self.db,
            self.author or _login_name(),
            "export",
            path,
            len(found),
            confidential=include_confidential,
        )
        return len(found)

    def _confidential_rows(self, found: list[HistoryEntry]) -> dict[tuple[str, str], str]:
        """(entity, row id) → the confidential item it is about, for the rows of ``found``
        about a confidential item; standup snapshots need every confidential item."""
        wanted = {(e.entity, e.row_id) for e in found}
        snapshots = any(e.entity == "standup" and e.field == "snapshot" for e in found)
        if not wanted:
            return {}
        out: dict[tuple[str, str], str] = {}
        with reading(self.db) as reader:
            secret = change_log.confidential_item_ids(reader)
            if not secret:
                return {}
            for item_id in secret:
                if ("item", item_id) in wanted or snapshots:
                    out[("item", item_id)] = item_id
            for entity in change_log.ABOUT_ITEMS:
                out.update(
                    change_log.about_confidential(
                        reader, entity, (r for e, r in wanted if e == entity)
                    )
                )
        return out

    def transfers(self) -> list[dict[str, Any]]:
        """Every CSV export, import and report recorded, newest first, with who made it
        and whether it included confidential details (``confidential``)."""
        with reading(self.db) as reader:
            found = change_log.transfers(reader)
        return [
            {
                "id": r[0],
                "kind": r[1],
                "path": r[2],
                "items": r[3],
                "at": datetime.fromisoformat(r[4]),
                "author": r[5] or "",
                "confidential": bool(r[6]),
            }
            for r in found
        ]


class _Labels:
    """Names for the rows the entries are about and the rows their values refer to."""

    def __init__(
        self,
        reader: Reader,
        wanted: set[tuple[str, str]],
        fields: list[tuple[Any, ...]],
        lang: str = "en",
    ) -> None:
        self.lang = lang
        by_entity: dict[str, set[str]] = {}
        for entity_name, row_id in wanted:
            by_entity.setdefault(entity_name, set()).add(row_id)
        for _e, _r, _w, _a, name, old, new in fields:
            target = _REFERENCES.get(name)
            if target is not None:
                for value in (old, new):
                    if isinstance(value, str) and value:
                        by_entity.setdefault(target, set()).add(value)
        self._units: dict[str, tuple[str, str | None]] = {}
        if "unit" in by_entity:
            self._units = change_log.unit_parents(reader)
        self.names = change_log.row_names(reader, change_log.HISTORY_LABELS, by_entity)

    def row(self, entity_name: str, row_id: str) -> str:
        if entity_name == "unit":
            return self._unit_path(row_id)
        return self.names.get((entity_name, row_id), "")

    def _unit_path(self, unit_id: str) -> str:
        parts: list[str] = []
        seen: set[str] = set()
        current: str | None = unit_id
        while current is not None and current in self._units and current not in seen:
            seen.add(current)
            name, current = self._units[current]
            parts.append(name)
        return " / ".join(reversed(parts))

    def value(self, name: str, value: Any) -> str:
        return display_value(name, value, self, self.lang)


def display_value(name: str, value: Any, labels: _Labels | None = None, lang: str = "en") -> str:
    """A stored value as people know it: names rather than ids, lists as ``a; b``;
    ``""`` for no value."""
    if value is None or value == "":
        return ""
    target = _REFERENCES.get(name)
    if target is not None and labels is not None and isinstance(value, str):
        return labels.row(target, value) or value
    if name == "status" and has(f"status.{value}"):
        return t(f"status.{value}", lang)
    if name == "kind" and has(f"history.kind.{value}"):
        return t(f"history.kind.{value}", lang)
    if name in ("tags", "attendees") and isinstance(value, str):
        try:
            return "; ".join(str(v) for v in json.loads(value))
        except (ValueError, TypeError):
            return value
    if name == "checklist" and isinstance(value, str):
        try:
            entries = json.loads(value)
            return "; ".join(("☑ " if done else "☐ ") + str(text) for text, done in entries)
        except (ValueError, TypeError):
            return value
    return str(value)


def insert_transfer(
    uow: UnitOfWork,
    kind: str,
    path: str | os.PathLike[str],
    count: int,
    *,
    confidential: bool = False,
) -> str:
    """Record an export, import or report in ``uow``'s transaction (so in the change log,
    with its author and time); returns the record's id.

    ``confidential``: whether confidential details were included (the person's choice).
    ``path`` ``"-"`` stands for standard output (or another stream) and is kept as it is.
    """
    if kind not in KINDS:
        raise ValueError(f"transfer kind must be one of {KINDS}, not {kind!r}")
    transfer_id = new_id()
    uow.insert(
        "transfer",
        {
            "id": transfer_id,
            "kind": kind,
            "path": _stored_path(path),
            "items": count,
            "confidential": 1 if confidential else 0,
        },
    )
    return transfer_id


def record_transfer(
    db: Database,
    author: str,
    kind: str,
    path: str | os.PathLike[str],
    count: int,
    *,
    confidential: bool = False,
) -> str:
    """Record a CSV export or import, or a report, by ``author``: its own small
    transaction."""
    with writing(db, author) as uow:
        return insert_transfer(uow, kind, path, count, confidential=confidential)


def _stored_path(path: str | os.PathLike[str]) -> str:
    text = os.fspath(path)
    return text if text in ("", "-") else str(Path(text).resolve())


def _login_name() -> str:
    return os.environ.get("KANBAN_SEC_USER") or getpass.getuser()


#: Fields of a confidential item's rows whose values the history export still shows.
_SHOWN_WHEN_CONFIDENTIAL = frozenset({"status", "classification", "deleted_at"})


def _masked_snapshot(text: str, secret: set[str], lang: str) -> str:
    """A standup snapshot with the blocked reasons of ``secret`` items hidden."""
    if not text:
        return text
    try:
        data = json.loads(text)
        changed = False
        for row in data.get("items", []):
            if row and stored_item_id(row[0]) in secret and len(row) > 4 and row[4]:
                row[4] = t("confidential.hidden", lang)
                changed = True
    except (ValueError, TypeError, AttributeError, IndexError):
        return t("confidential.hidden", lang)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) if changed else text
