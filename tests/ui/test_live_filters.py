"""The board's filters worked out over the whole board agree with the per-card test."""

from __future__ import annotations

from kanban_sec.domain.model import Classification
from kanban_sec.services.live_board import BoardFilter


def test_matching_agrees_with_matches_for_every_kind_of_filter(live):
    items = list(live.items.values())
    some = items[len(items) // 2]
    person = next(i.owner_person_id for i in items if i.owner_person_id)
    live.me = person
    unit = next(u for u in live.board.units.values() if u.parent_id is None)
    tag = next(t for i in items for t in i.tags)
    filters = [
        BoardFilter(text="mfa"),
        BoardFilter(text="SIKKER"),
        BoardFilter(text=some.id[-8:]),
        BoardFilter(mine=True),
        BoardFilter(unit_id=unit.id),
        BoardFilter(chain_id=some.chain_id),
        BoardFilter(link_id=some.link_id),
        BoardFilter(weakest_only=True),
        BoardFilter(blocked_only=True),
        BoardFilter(tag=tag.upper()),
        BoardFilter(classification=Classification.INTERNAL),
        BoardFilter(cell=(some.likelihood, some.consequence)),
        BoardFilter(text="a", weakest_only=True, classification=Classification.OPEN),
    ]
    for flt in filters:
        expected = {i.id for i in items if live.matches(i.id, flt)}
        assert live.matching(flt) == expected, flt
    assert any(live.matching(f) for f in filters) and not all(
        live.matching(f) == set(live.items) for f in filters
    )


def test_a_change_to_an_item_is_seen_by_the_next_search(live, service):
    item_id = next(iter(live.ranking))
    flt = BoardFilter(text="helt ny tittel")
    assert item_id not in live.matching(flt)
    live.apply(service.edit_item(item_id, title="Helt ny tittel"))
    assert live.matching(flt) == {item_id}
