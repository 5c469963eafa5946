"""What a service call did: its changes (as written to the change log) and its warnings."""

from __future__ import annotations

from dataclasses import dataclass, field

from kanban_sec.domain.errors import Message
from kanban_sec.domain.model import Change


@dataclass(frozen=True)
class Outcome:
    """The result of one service call; the UI redraws from ``changes``, never the whole board."""

    changes: tuple[Change, ...] = ()
    warnings: tuple[Message, ...] = ()
    #: The row the call was about (e.g. the item it created).
    row_id: str | None = None
    #: Figures for reports (e.g. an import's counts).
    counts: dict[str, int] = field(default_factory=dict)
    #: Rows written in bulk (entity, id), whose change records are in the log only.
    bulk_rows: tuple[tuple[str, str], ...] = ()

    @property
    def item_ids(self) -> frozenset[str]:
        return frozenset(
            [c.row_id for c in self.changes if c.entity == "item"]
            + [row_id for entity, row_id in self.bulk_rows if entity == "item"]
        )

    @property
    def changed(self) -> bool:
        return bool(self.changes or self.bulk_rows)
