"""Finding a ROS risk by what people type (its id, a short key, its title), and what
making an item a measure of a risk changes: written once for the ROS service and the item
edit (``set ID risk=RISK``, ``add --risk``, the item dialog)."""

from __future__ import annotations

from kanban_sec.domain.errors import BadInput, NotFound
from kanban_sec.domain.ids import short_id
from kanban_sec.domain.ros import RosRisk
from kanban_sec.store import ros_reader
from kanban_sec.store.unit_of_work import Reader

#: The fewest characters of an id that find a risk by it (as items' short keys).
MIN_KEY = 6


def risk_id(reader: Reader, reference: str, chain_id: str | None = None) -> str:
    """A risk id from its id, a short key (start or end of the id, at least six
    characters) or its exact title (case-insensitive, within ``chain_id`` if given)."""
    text = reference.strip()
    found = ros_reader.risk_ids_matching(reader, text) if len(text) >= MIN_KEY else []
    if not found:
        found = ros_reader.risk_ids_titled(reader, text, chain_id)
    if not found:
        raise NotFound("ros.risk_not_found", id=reference)
    if len(found) > 1:
        raise BadInput(
            "ros.risk_ambiguous", id=reference, matches=", ".join(short_id(i) for i in found)
        )
    return found[0]


def must_risk(reader: Reader, reference: str, chain_id: str | None = None) -> RosRisk:
    """The risk ``reference`` names (see :func:`risk_id`)."""
    found = ros_reader.risk(reader, risk_id(reader, reference, chain_id))
    assert found is not None
    return found


def measure_place(
    risk: RosRisk, chain_id: str | None, link_id: str | None, link_given: bool
) -> tuple[str, str | None]:
    """(chain, link) of an item that becomes a measure of ``risk``: the risk's chain, and
    the risk's link when the risk is on one or the item comes from another chain (a link
    the same edit names explicitly is kept)."""
    if link_given and chain_id == risk.chain_id:
        return risk.chain_id, link_id
    if risk.link_id or chain_id != risk.chain_id:
        return risk.chain_id, risk.link_id
    return risk.chain_id, link_id
