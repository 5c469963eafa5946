"""The words the ROS windows share: band names (akseptabel / tiltak vurderes / uakseptabel),
treatments, strength of knowledge and the flags of a risk, from the message catalogue in
the window's language; the scale words as the board sets them (RosService.scales())."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from kanban_sec.domain.errors import msg
from kanban_sec.domain.governance import Band
from kanban_sec.domain.ros import Knowledge, RegisterRow
from kanban_sec.ui.i18n import current_language, translate


def said(key: str, **params: object) -> str:
    """A catalogue message in the window's language."""
    return msg(key, **params).render(current_language())


def band_name(band: Band | None) -> str:
    """``akseptabel`` / ``tiltak vurderes`` / ``uakseptabel``; ``ikke vurdert`` for none."""
    return said(f"ros.band.{band.value}") if band is not None else said("ros.unassessed")


def treatment_name(decision: str | None) -> str:
    """A treatment (accept, reduce, share, avoid) or ``not decided``."""
    return said(f"ros.treatment.{decision or 'none'}")


def knowledge_name(knowledge: Knowledge | None) -> str:
    return said(f"ros.knowledge.{knowledge.value}") if knowledge is not None else ""


def scale_label(words: Mapping[str, Sequence[str]], side: str, value: int | None) -> str:
    """``4 Meget sannsynlig``: the number and the board's word for it; ``—`` for none."""
    if value is None:
        return "—"
    found = words.get(side, ())
    return f"{value} {found[value - 1]}" if len(found) >= value >= 1 else str(value)


def flags_of(row: RegisterRow) -> list[str]:
    """What a risk asks for: re-assessment, a stale or expired decision, an assessment."""
    out = []
    if not row.risk.assessed:
        out.append(said("ros.unassessed"))
    if row.reassess:
        out.append(said("ros.reassess"))
    if row.stale:
        out.append(translate("RosWords", "decision stale"))
    if row.expired:
        out.append(translate("RosWords", "acceptance expired"))
    return out
