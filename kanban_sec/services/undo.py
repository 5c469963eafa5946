"""Undo and redo from the change log: a change's old values written back, as new changes.

Undoing is itself a write (it syncs, it is audited); nothing is erased from the log.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from kanban_sec.domain.model import Change
from kanban_sec.services.outcome import Outcome
from kanban_sec.store.database import Database
from kanban_sec.store.unit_of_work import writing

#: Fields the unit of work stamps itself.
_STAMPED = frozenset({"updated_at", "created_at"})


def revert(
    db: Database, author: str, changes: Sequence[Change], bulk_rows: Sequence[tuple[str, str]] = ()
) -> Outcome:
    """Write back the old values of ``changes`` (newest first); a new row is tombstoned,
    as are ``bulk_rows`` (rows an import created in bulk)."""
    with writing(db, author) as uow:
        for entity, row_id in bulk_rows:
            uow.tombstone(entity, row_id)
        for change in reversed(changes):
            if _is_insert(change):
                uow.tombstone(change.entity, change.row_id)
                continue
            uow.update(change.entity, change.row_id, _values(change, old=True))
        return Outcome(tuple(uow.changes))


def reapply(
    db: Database, author: str, changes: Sequence[Change], bulk_rows: Sequence[tuple[str, str]] = ()
) -> Outcome:
    """Write the new values of ``changes`` again (oldest first); a tombstoned row returns."""
    with writing(db, author) as uow:
        for entity, row_id in bulk_rows:
            uow.update(entity, row_id, {"deleted_at": None})
        for change in changes:
            if _is_insert(change):
                uow.update(change.entity, change.row_id, {"deleted_at": None})
                continue
            uow.update(change.entity, change.row_id, _values(change, old=False))
        return Outcome(tuple(uow.changes))


def _is_insert(change: Change) -> bool:
    return "created_at" in change.fields and change.fields["created_at"][1] is None


def _values(change: Change, *, old: bool) -> dict[str, Any]:
    pick = 1 if old else 0
    return {name: pair[pick] for name, pair in change.fields.items() if name not in _STAMPED}
