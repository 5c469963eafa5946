"""The standup's view of the board: what changed since the last one, what ages, what is
blocked, over its WIP limit or could be owned lower down, and the order it is walked in."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta

from kanban_sec.domain.model import Change, Column, Item, Link, OrgUnit, Person, Status
from kanban_sec.domain.ownership import OrgTree
from kanban_sec.domain.ranking import rank
from kanban_sec.domain.standup import (
    ChangeKind,
    Snapshot,
    Standing,
    StandupSettings,
    aging,
    blocked,
    delegable,
    expiring_risk_decisions,
    reranked,
    snapshot_from_json,
    snapshot_json,
    snapshot_of,
    walk,
    what_changed,
    wip_over_limit,
)

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
LAST = NOW - timedelta(days=7)
_hlc = iter(range(1, 10_000))


def change(
    row_id: str,
    author: str = "kari",
    entity: str = "item",
    days_ago: float = 3,
    **fields: tuple[object, object],
) -> Change:
    return Change(
        f"c{next(_hlc)}",
        entity,
        row_id,
        dict(fields),
        next(_hlc),
        "node",
        author,
        NOW - timedelta(days=days_ago),
    )


def insert(row_id: str, author: str = "kari", **values: object) -> Change:
    fields = {name: (value, None) for name, value in values.items()}
    fields["created_at"] = ("2026-11-27T10:00:00.000000Z", None)
    return change(row_id, author, **fields)


def stand(
    rank_: int | None,
    status: Status = Status.DOING,
    unit: str | None = "nett",
    person: str | None = None,
    reason: str = "",
) -> Standing:
    return Standing(rank_, status, unit, person, reason)


def ranks(*ids: str, status: Status = Status.DOING) -> Snapshot:
    """Items in rank order, all in one column."""
    return {item_id: stand(number, status) for number, item_id in enumerate(ids, start=1)}


def kinds(changes: list) -> Counter:
    return Counter((c.kind, c.item_id) for c in changes)


# -- what changed ------------------------------------------------------------------------------


def test_every_kind_of_change_is_found_exactly_once():
    before = {
        "moved": stand(1, Status.NEXT),
        "finished": stand(2, Status.VERIFY),
        "stuck": stand(3),
        "freed": stand(4, reason="Venter på leverandør"),
        "handed": stand(5, unit="drift"),
        "deleted": stand(6),
        "quiet": stand(7),
    }
    after = {
        "moved": stand(1, Status.DOING),
        "finished": stand(None, Status.DONE),
        "stuck": stand(2, reason="Mangler tilgang"),
        "freed": stand(3),
        "handed": stand(4, unit="nett", person="kari"),
        "quiet": stand(5),
        "fresh": stand(6, Status.BACKLOG),
    }
    log = [
        change("moved", status=("doing", "next")),
        change("finished", "ola", status=("done", "verify")),
        change("stuck", blocked_reason=("Mangler tilgang", "")),
        change("freed", blocked_reason=("", "Venter på leverandør")),
        change("handed", owner_unit_id=("nett", "drift"), owner_person_id=("kari", None)),
        change("deleted", deleted_at=("2026-11-28T08:00:00.000000Z", None)),
        change("quiet", description=("ny tekst", "gammel tekst")),
        insert("fresh", "per", status="backlog"),
        change("c1", entity="comment", body=("hei", None)),
    ]
    found = what_changed(before, after, log)
    assert kinds(found) == Counter(
        {
            (ChangeKind.MOVED, "moved"): 1,
            (ChangeKind.DONE, "finished"): 1,
            (ChangeKind.BLOCKED, "stuck"): 1,
            (ChangeKind.UNBLOCKED, "freed"): 1,
            (ChangeKind.OWNER, "handed"): 1,
            (ChangeKind.REMOVED, "deleted"): 1,
            (ChangeKind.NEW, "fresh"): 1,
        }
    )
    by_kind = {c.kind: c for c in found}
    moved = by_kind[ChangeKind.MOVED]
    assert (moved.before.status, moved.after.status) == (Status.NEXT, Status.DOING)
    assert by_kind[ChangeKind.DONE].author == "ola"
    assert by_kind[ChangeKind.BLOCKED].after.blocked_reason == "Mangler tilgang"
    assert by_kind[ChangeKind.UNBLOCKED].before.blocked_reason == "Venter på leverandør"
    handed = by_kind[ChangeKind.OWNER]
    assert (handed.before.owner_unit_id, handed.after.owner_person_id) == ("drift", "kari")
    assert by_kind[ChangeKind.NEW].author == "per"
    assert moved.at == log[0].at


def test_only_the_net_change_counts():
    # doing -> verify -> doing, blocked and unblocked again: nothing changed since.
    before = ranks("a")
    after = ranks("a")
    log = [
        change("a", status=("verify", "doing")),
        change("a", status=("doing", "verify")),
        change("a", blocked_reason=("x", "")),
        change("a", blocked_reason=("", "x")),
    ]
    assert what_changed(before, after, log) == []


def test_a_new_item_is_new_and_not_also_moved_or_reranked_and_may_be_done_or_blocked():
    before = ranks("a", "b")
    after = {
        "n1": stand(1),
        "a": stand(2),
        "b": stand(3),
        "n2": stand(None, Status.DONE),
        "n3": stand(4, Status.NEXT, reason="Venter"),
    }
    log = [insert("n1"), insert("n2"), change("n2", status=("done", "doing")), insert("n3")]
    assert kinds(what_changed(before, after, log)) == Counter(
        {
            (ChangeKind.NEW, "n1"): 1,
            (ChangeKind.NEW, "n2"): 1,
            (ChangeKind.DONE, "n2"): 1,
            (ChangeKind.NEW, "n3"): 1,
            (ChangeKind.BLOCKED, "n3"): 1,
        }
    )


def test_a_done_item_that_was_reopened_has_moved_out_of_done():
    after = {"back": stand(1, Status.DOING), "still": stand(None, Status.DONE)}
    found = what_changed({}, after, [change("back", status=("doing", "done"))])
    assert kinds(found) == Counter({(ChangeKind.MOVED, "back"): 1})
    assert found[0].before is None and found[0].after.status is Status.DOING


def test_one_card_jumping_ahead_is_one_reranking_with_the_places_it_climbed():
    before = ranks("a", "b", "c", "d", "e")
    after = ranks("d", "a", "b", "c", "e")
    assert reranked(before, after) == {"d": 3}
    found = what_changed(before, after, [])
    assert [(c.kind, c.item_id, c.places) for c in found] == [(ChangeKind.RERANKED_UP, "d", 3)]
    assert (found[0].before.rank, found[0].after.rank) == (4, 1)


def test_one_card_falling_back_is_ranked_down_by_the_places_it_lost():
    before = ranks("a", "b", "c", "d", "e")
    after = ranks("b", "c", "d", "a", "e")
    assert reranked(before, after) == {"a": -3}
    found = what_changed(before, after, [])
    assert [(c.kind, c.places) for c in found] == [(ChangeKind.RERANKED_DOWN, -3)]


def test_finishing_or_adding_items_does_not_rerank_the_others():
    before = ranks("a", "b", "c", "d")
    after = {
        "n": stand(1),
        "a": stand(2),
        "c": stand(3),
        "d": stand(4),
        "b": stand(None, Status.DONE),
    }
    found = what_changed(before, after, [insert("n"), change("b", status=("done", "doing"))])
    assert kinds(found) == Counter({(ChangeKind.NEW, "n"): 1, (ChangeKind.DONE, "b"): 1})


def test_up_and_down_together_are_counted_separately():
    before = ranks("a", "b", "c", "d", "e", "f")
    after = ranks("f", "a", "c", "d", "e", "b")  # f up 5, b down 4
    found = what_changed(before, after, [])
    assert {(c.kind, c.item_id, c.places) for c in found} == {
        (ChangeKind.RERANKED_UP, "f", 5),
        (ChangeKind.RERANKED_DOWN, "b", -4),
    }


def test_a_moved_item_keeps_its_rank_when_only_its_column_changed():
    before = {"a": stand(1, Status.NEXT), "b": stand(2, Status.NEXT)}
    after = {"a": stand(1, Status.DOING), "b": stand(2, Status.NEXT)}
    found = what_changed(before, after, [change("a", status=("doing", "next"))])
    assert kinds(found) == Counter({(ChangeKind.MOVED, "a"): 1})


# -- snapshots ---------------------------------------------------------------------------------


def test_a_snapshot_survives_storage_with_ranks_columns_owners_and_reasons():
    items = [
        Item(
            "a",
            "A",
            Status.DOING,
            owner_unit_id="nett",
            owner_person_id="kari",
            blocked_reason="Venter på «go» fra risikoeier",
            likelihood=5,
        ),
        Item("b", "B", Status.NEXT, owner_unit_id="drift"),
        Item("c", "C", Status.DONE),
    ]
    snapshot = snapshot_of(rank(items, {}, {}), items)
    assert snapshot["c"] == Standing(None, Status.DONE, None, None, "")
    stored = snapshot_from_json(snapshot_json(snapshot))
    assert stored == {k: v for k, v in snapshot.items() if v.rank is not None}
    assert stored["a"].blocked and stored["a"].rank == 1
    assert snapshot_from_json("{}") == {}


def test_a_snapshot_of_a_big_board_fits_what_a_standup_may_store():
    """A standup on a board of 10,000 open items once failed: its snapshot was over the
    64 KiB every other text may hold. Compact, it fits the snapshot's own limit; any id
    comes back as it was."""
    from uuid import uuid4

    from kanban_sec.domain import rules
    from kanban_sec.domain.rule_tables import MAX_SNAPSHOT_BYTES

    units = [str(uuid4()) for _ in range(40)]
    people = [str(uuid4()) for _ in range(200)]
    items = [
        Item(
            str(uuid4()),
            f"Sak {n}",
            Status.BACKLOG,
            owner_unit_id=units[n % 40],
            owner_person_id=people[n % 200] if n % 3 else None,
            blocked_reason="Venter på leverandør" if n % 50 == 0 else "",
        )
        for n in range(10_000)
    ]
    items += [Item(odd, odd, Status.NEXT) for odd in ("case-a0ced192", "=x", "a" * 32)]
    snapshot = snapshot_of(rank(items, {}, {}))
    text = snapshot_json(snapshot)
    assert 64 * 1024 < len(text.encode()) < MAX_SNAPSHOT_BYTES
    assert rules.check_value("standup", "snapshot", text) is None
    assert rules.check_value("standup", "notes", text) is not None  # others keep 64 KiB
    assert snapshot_from_json(text) == snapshot


def test_a_snapshot_stored_by_an_earlier_version_is_still_read():
    stored = (
        '{"version":1,"items":[["a","doing","nett","kari","Venter"],["b","next",null,null,""]]}'
    )
    assert snapshot_from_json(stored) == {
        "a": Standing(1, Status.DOING, "nett", "kari", "Venter"),
        "b": Standing(2, Status.NEXT, None, None, ""),
    }


# -- aging, blocked, WIP, delegation ---------------------------------------------------------------


def test_aging_counts_from_the_last_column_change_not_from_comments_or_edits():
    old_entry = NOW - timedelta(days=12)
    items = [
        # entered doing 12 days ago, commented and edited yesterday: still aging
        Item(
            "a",
            "A",
            Status.DOING,
            status_changed_at=old_entry,
            updated_at=NOW - timedelta(days=1),
            created_at=NOW - timedelta(days=40),
        ),
        # moved into doing 9 days ago: not yet (threshold 10)
        Item(
            "b",
            "B",
            Status.DOING,
            status_changed_at=NOW - timedelta(days=9),
            created_at=NOW - timedelta(days=90),
        ),
        Item("c", "C", Status.VERIFY, status_changed_at=NOW - timedelta(days=8)),
        Item("d", "D", Status.BACKLOG, status_changed_at=NOW - timedelta(days=300)),
        Item("e", "E", Status.DONE, status_changed_at=NOW - timedelta(days=300)),
        Item("f", "F", Status.NEXT, status_changed_at=NOW - timedelta(days=15)),
    ]
    found = aging(items, NOW)
    # furthest past its column's threshold first
    assert [(a.item_id, a.age.days, a.threshold.days) for a in found] == [
        ("a", 12, 10),
        ("c", 8, 7),
        ("f", 15, 14),
    ]
    assert found[0].entered == old_entry


def test_aging_thresholds_can_be_set_per_column():
    items = [
        Item("a", "A", Status.DOING, status_changed_at=NOW - timedelta(days=3)),
        Item("b", "B", Status.BACKLOG, status_changed_at=NOW - timedelta(days=31)),
    ]
    found = aging(items, NOW, {Status.DOING: 2, Status.BACKLOG: 30})
    assert {a.item_id for a in found} == {"a", "b"}
    assert StandupSettings().aging_days[Status.DOING] == 10


def test_blocked_items_say_why_and_for_how_long_longest_first():
    items = [
        Item(
            "a",
            "A",
            Status.DOING,
            blocked_reason="Venter på leverandør",
            blocked_at=NOW - timedelta(days=3),
        ),
        Item(
            "b",
            "B",
            Status.NEXT,
            blocked_reason="Mangler tilgang",
            blocked_at=NOW - timedelta(days=20),
        ),
        Item("c", "C", Status.NEXT, blocked_reason="Ukjent start"),
        Item("d", "D", Status.DONE, blocked_reason="ferdig likevel"),
        Item("e", "E", Status.DOING),
    ]
    found = blocked(items, NOW)
    assert [(b.item_id, b.reason, b.duration.days if b.duration else None) for b in found] == [
        ("b", "Mangler tilgang", 20),
        ("a", "Venter på leverandør", 3),
        ("c", "Ukjent start", None),
    ]


def test_wip_over_limit_per_column():
    columns = [
        Column("1", Status.NEXT, "Neste", "Next", 1, wip_limit=2),
        Column("2", Status.DOING, "Pågår", "Doing", 2, wip_limit=1, wip_hard=True),
        Column("3", Status.VERIFY, "Verifiseres", "Verify", 3, wip_limit=5),
        Column("4", Status.DONE, "Ferdig", "Done", 4, wip_limit=0),
    ]
    items = [
        Item("a", "A", Status.NEXT),
        Item("b", "B", Status.NEXT),
        Item("c", "C", Status.DOING),
        Item("d", "D", Status.DOING),
        Item("e", "E", Status.VERIFY),
        Item("f", "F", Status.DONE),
    ]
    found = wip_over_limit(columns, items)
    assert [(w.status, w.count, w.limit, w.hard) for w in found] == [(Status.DOING, 2, 1, True)]


UNITS = [
    OrgUnit("k", "Kommune"),
    OrgUnit("drift", "Drift", "k"),
    OrgUnit("nett", "Team Nettverk", "drift"),
    OrgUnit("klient", "Team Klient", "drift"),
]
PEOPLE = [Person("kari", "Kari", "nett")]
TREE = OrgTree.of(UNITS, PEOPLE)


def test_items_that_can_be_delegated_in_the_walked_columns():
    links = {"l": Link("l", "c", "Brannmur", responsible_unit_id="nett")}
    items = [
        Item("dept", "Eid av avdelingen", Status.DOING, owner_unit_id="drift", link_id="l"),
        Item("team", "Teamet uten person", Status.VERIFY, owner_unit_id="nett"),
        Item("low", "Laveste nivå", Status.DOING, owner_unit_id="nett", owner_person_id="kari"),
        Item("later", "I backlog", Status.BACKLOG, owner_unit_id="drift"),
    ]
    ranked = rank(items, {}, links)
    found = delegable(ranked, TREE, links)
    assert [(d.item_id, d.delegation.units, d.delegation.people) for d in found] == [
        ("team", (), ("kari",)),
        ("dept", ("nett",), ()),
    ]
    with_backlog = delegable(ranked, TREE, links, StandupSettings(include_backlog=True).walked)
    assert [d.item_id for d in with_backlog] == ["team", "dept", "later"]


def test_the_board_is_walked_right_to_left_in_rank_order_optionally_for_one_owner():
    items = [
        Item("n1", "n1", Status.NEXT, likelihood=5, owner_unit_id="nett"),
        Item("d1", "d1", Status.DOING, likelihood=5, owner_unit_id="klient"),
        Item("d2", "d2", Status.DOING, likelihood=2, owner_unit_id="nett"),
        Item("v1", "v1", Status.VERIFY, likelihood=1, owner_unit_id="nett"),
        Item("b1", "b1", Status.BACKLOG, likelihood=5, owner_unit_id="nett"),
        Item("x", "x", Status.DONE),
    ]
    ranked = rank(items, {}, {})
    assert [r.item_id for r in walk(ranked)] == ["v1", "d1", "d2", "n1"]
    assert [r.item_id for r in walk(ranked, StandupSettings(include_backlog=True).walked)] == [
        "v1",
        "d1",
        "d2",
        "n1",
        "b1",
    ]
    assert [r.item_id for r in walk(ranked, owner_units={"nett"})] == ["v1", "d2", "n1"]


def test_risk_decisions_are_a_hook_that_reports_nothing_until_they_exist():
    assert expiring_risk_decisions() == []
