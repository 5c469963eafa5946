"""Row ids: UUIDs (version 7, time-ordered), never integers: rows are made on many machines."""

from __future__ import annotations

import uuid

from uuid_utils import uuid7

#: Namespace for ids that every replica must compute alike (the fixed board columns).
_FIXED_NAMESPACE = uuid.UUID("6f1c2a52-3b0e-4c57-9a59-4f0b8d7b1e10")


def new_id() -> str:
    """A fresh, time-ordered id."""
    return str(uuid7())


def fixed_id(name: str) -> str:
    """The same id on every machine for a row every database has (e.g. a column)."""
    return str(uuid.uuid5(_FIXED_NAMESPACE, name))


def short_id(item_id: str) -> str:
    """The last eight hex digits: the random part of a version 7 id, for display."""
    return item_id.replace("-", "")[-8:]
