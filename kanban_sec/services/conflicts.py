"""Deciding a sync conflict: keep the value that won, take the one it overwrote, or edit.

One user intent, one call, as the command line (``kanban-sec conflicts resolve``) and the
conflicts dialog make it; the conflicts themselves are derived and listed by
:mod:`kanban_sec.sync.merge`, which this service builds on (sync lies below services).
"""

from __future__ import annotations

import json
from typing import Any, cast

from kanban_sec.domain.errors import BadInput, NotFound, Refused
from kanban_sec.services.board import status_times
from kanban_sec.services.outcome import Outcome
from kanban_sec.store.database import Database
from kanban_sec.store.unit_of_work import UnitOfWork, writing
from kanban_sec.sync.merge import (
    CONFLICT_DESCRIPTION,
    DELETE_FIELD,
    RESOLUTIONS,
    Resolution,
    derive_conflicts,
)


def resolve_conflict(
    db: Database,
    author: str,
    conflict_id: str,
    resolution: Resolution,
    value: Any = None,
    *,
    person_id: str | None = None,
    lang: str = "en",
) -> Outcome:
    """Close a conflict: ``keep`` the current value, ``take`` the overwritten one, or
    ``edit`` (``value`` becomes current). Taking or editing is a new change to the row,
    checked like any edit of that field; either way a ``conflict`` change records the
    resolution, so every replica closes it."""
    if resolution not in RESOLUTIONS:
        raise BadInput("sync.conflict.bad_resolution", value=resolution)
    with writing(db, author, person_id) as uow:
        conflict = uow.row("conflict", conflict_id)
        if conflict is None:
            raise NotFound("sync.conflict.not_found", id=conflict_id)
        if conflict["resolved_at"] is not None:
            raise Refused("sync.conflict.resolved", field=conflict["field"])
        deleted = conflict["field"] == DELETE_FIELD and isinstance(
            _stored(conflict["loser_value"]), dict
        )
        if deleted:  # keep the winner: the delete; take the other side: the edit
            resolution = cast(
                Resolution, {"keep": "delete", "take": "restore"}.get(resolution, resolution)
            )
            if resolution == "edit":
                raise BadInput("sync.conflict.restore_or_delete")
        elif resolution in ("restore", "delete"):
            raise BadInput("sync.conflict.bad_resolution", value=resolution)
        # Every write below is judged by the rulebook (who may change the field, who may
        # close this conflict) in the store's one write path.
        if resolution == "restore":
            _write_value(uow, conflict["entity"], conflict["row_id"], DELETE_FIELD, None)
        elif resolution not in ("keep", "delete"):
            new = _stored(conflict["loser_value"]) if resolution == "take" else value
            _write_value(uow, conflict["entity"], conflict["row_id"], conflict["field"], new)
        uow.update(
            "conflict",
            conflict_id,
            {
                "resolved_at": uow.now_text,
                "resolution": RESOLUTIONS[resolution],
                "resolved_by": author,
            },
            conflict,
            carry=CONFLICT_DESCRIPTION,
        )
        outcome = Outcome(tuple(uow.changes), row_id=conflict["row_id"])
    if resolution not in ("keep", "delete"):  # the new value has seen the others
        with db.connect(write=True) as conn:
            derive_conflicts(conn, [(conflict["entity"], conflict["row_id"])])
    return outcome


def _write_value(uow: UnitOfWork, entity: str, row_id: str, field: str, new: Any) -> None:
    current = uow.row(entity, row_id)
    if current is None:
        raise NotFound("sync.conflict.row_gone", entity=entity, id=row_id)
    values = {field: new}
    if entity == "item" and field == "status" and new != current["status"]:
        values.update(status_times(str(new), current["started_at"], uow.now_text))
    uow.update(entity, row_id, values, current)


def _stored(text: str | None) -> Any:
    return None if text is None else json.loads(text)
