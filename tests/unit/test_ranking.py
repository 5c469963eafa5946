"""Weakest link first: every rule of the ranking, as a team lead would see it on the board."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from kanban_sec.domain.model import Chain, Effort, Item, Link, Status
from kanban_sec.domain.ranking import item_score, rank

T0 = datetime(2026, 1, 1, tzinfo=UTC)


def chain(cid: str, target: int = 3) -> Chain:
    return Chain(cid, cid.capitalize(), None, target)


def link(lid: str, cid: str, maturity: int, name: str | None = None) -> Link:
    return Link(lid, cid, name or lid.capitalize(), maturity=maturity)


def item(
    iid: str,
    *,
    chain_id: str | None = None,
    link_id: str | None = None,
    lk: int = 3,
    ck: int = 3,
    status: Status = Status.BACKLOG,
    effort: Effort | None = None,
    age: int = 0,
    pinned: int | None = None,
    reason: str = "",
) -> Item:
    return Item(
        id=iid,
        title=iid,
        status=status,
        chain_id=chain_id,
        link_id=link_id,
        likelihood=lk,
        consequence=ck,
        effort=effort,
        created_at=T0 + timedelta(days=100 - age),
        pinned_at=T0 + timedelta(hours=pinned) if pinned is not None else None,
        pin_reason=reason,
    )


def order(items, chains=(), links=()):
    ranked = rank(items, {c.id: c for c in chains}, {lk.id: lk for lk in links})
    return [r.item_id for r in ranked]


def by_id(items, chains=(), links=()):
    return {
        r.item_id: r for r in rank(items, {c.id: c for c in chains}, {lk.id: lk for lk in links})
    }


def test_gap_and_score_follow_the_formula():
    c = chain("c", target=3)
    links = [link("weak", "c", 1), link("strong", "c", 2)]
    r = by_id(
        [
            item("a", chain_id="c", link_id="weak", lk=4, ck=5),
            item("b", chain_id="c", link_id="strong", lk=2, ck=3),
        ],
        [c],
        links,
    )
    assert (r["a"].gap, r["a"].score) == (2, 40)
    assert (r["b"].gap, r["b"].score) == (1, 6)


def test_gap_is_never_negative_when_a_link_exceeds_its_target():
    c = chain("c", target=1)
    r = by_id([item("a", chain_id="c", link_id="l", lk=5, ck=5)], [c], [link("l", "c", 3)])
    assert (r["a"].gap, r["a"].score) == (0, 0)


def test_item_in_no_chain_has_gap_one_and_ranks_by_its_own_risk():
    r = by_id([item("chore", lk=4, ck=5)])
    assert (r["chore"].gap, r["chore"].score) == (1, 20)
    assert not r["chore"].weakest
    assert r["chore"].explanation("en").startswith("No chain: strengthens no named chain")
    assert "⚑" not in r["chore"].explanation("nb")


def test_item_on_no_link_takes_the_chains_weakest_maturity_and_is_never_flagged():
    c = chain("c", target=3)
    links = [link("one", "c", 1, name="Wi-Fi"), link("two", "c", 2)]
    r = by_id([item("whole", chain_id="c", lk=2, ck=2)], [c], links)
    assert (r["whole"].maturity, r["whole"].target, r["whole"].gap) == (1, 3, 2)
    assert r["whole"].score == 8
    assert not r["whole"].weakest
    assert r["whole"].explanation("en") == (
        "C as a whole (weakest link is Wi-Fi 1/3) · L2 × C2 × gap 2 = 8"
    )


def test_item_in_a_chain_without_links_has_gap_zero():
    r = by_id([item("whole", chain_id="c", lk=5, ck=5)], [chain("c")])
    assert (r["whole"].gap, r["whole"].score) == (0, 0)
    assert "has no links yet" in r["whole"].explanation("en")


def test_work_on_no_link_never_outranks_the_weakest_link():
    c = chain("c")
    r = by_id(
        [
            item("no_link", chain_id="c", lk=5, ck=5),
            item("on_one", chain_id="c", link_id="one", lk=1, ck=1),
        ],
        [c],
        [link("one", "c", 1)],
    )
    assert r["on_one"].weakest and not r["no_link"].weakest
    assert order(
        [
            item("no_link", chain_id="c", lk=5, ck=5),
            item("on_one", chain_id="c", link_id="one", lk=1, ck=1),
        ],
        [c],
        [link("one", "c", 1)],
    ) == ["on_one", "no_link"]


def test_routine_duties_in_no_chain_rank_below_the_weak_links_they_do_not_touch():
    # A board like the example: a weak link with a middling item, and a high-risk chore in
    # no chain. The chore (gap 1) no longer outranks real weak-link work; giving it its
    # chain and link ranks it as the work on that link it is.
    c = chain("c")
    links = [link("weak", "c", 0), link("ok", "c", 2)]
    items = [
        item("patch", chain_id="c", link_id="ok", lk=3, ck=4),  # 12, gap 1
        item("chore", lk=4, ck=4),  # 16, no chain
        item("fix_weak", chain_id="c", link_id="weak", lk=2, ck=3),
    ]  # 18, weakest
    assert order(items, [c], links) == ["fix_weak", "chore", "patch"]
    linked = [*items[:1], replace(items[1], chain_id="c", link_id="weak"), items[2]]
    r = by_id(linked, [c], links)
    assert r["chore"].score == 48 and r["chore"].weakest
    assert order(linked, [c], links)[0] == "chore"


def test_unassessed_values_count_three_and_are_said_to_be_unassessed():
    unjudged = Item(
        id="u", title="u", chain_id="c", link_id="l", likelihood=None, consequence=4, created_at=T0
    )
    r = by_id([unjudged], [chain("c")], [link("l", "c", 1)])
    assert r["u"].score == 3 * 4 * 2
    assert r["u"].explanation("en").endswith("L unassessed (counts 3) × C4 × gap 2 = 24")
    assert r["u"].explanation("nb").endswith("S ikke vurdert (teller 3) × K4 × gap 2 = 24")


def test_maturity_tie_goes_to_the_link_whose_best_item_scores_highest():
    c = chain("c")
    links = [link("a", "c", 1), link("b", "c", 1)]
    r = by_id(
        [
            item("x", chain_id="c", link_id="a", lk=2, ck=2),
            item("y", chain_id="c", link_id="b", lk=4, ck=4),
        ],
        [c],
        links,
    )
    assert r["y"].weakest and not r["x"].weakest


def test_full_tie_goes_to_the_name_case_folded():
    c = chain("c")
    links = [link("l1", "c", 1, name="beta"), link("l2", "c", 1, name="Alfa")]
    r = by_id(
        [item("x", chain_id="c", link_id="l1"), item("y", chain_id="c", link_id="l2")], [c], links
    )
    assert r["y"].weakest and not r["x"].weakest


def test_weakest_link_items_come_before_higher_scores_elsewhere_in_the_chain():
    c = chain("c")
    links = [link("weak", "c", 0), link("ok", "c", 2)]
    items = [
        item("big_risk", chain_id="c", link_id="ok", lk=5, ck=5),  # 25
        item("small", chain_id="c", link_id="weak", lk=1, ck=2),
    ]  # 6
    assert order(items, [c], links) == ["small", "big_risk"]


def test_pinned_first_in_pin_order_then_weakest_then_score():
    c = chain("c")
    links = [link("weak", "c", 0), link("ok", "c", 2)]
    items = [
        item("score_high", chain_id="c", link_id="ok", lk=5, ck=5),
        item("weak", chain_id="c", link_id="weak", lk=1, ck=1),
        item("pin_late", lk=1, ck=1, pinned=5, reason="CVE"),
        item("pin_early", chain_id="c", link_id="ok", lk=1, ck=1, pinned=1, reason="Revisjon"),
    ]
    assert order(items, [c], links) == ["pin_early", "pin_late", "weak", "score_high"]
    r = by_id(items, [c], links)
    assert r["pin_early"].pinned and r["pin_early"].explanation("nb").startswith(
        "📌 Festet først: Revisjon"
    )


def test_ties_break_by_smaller_effort_then_older_then_id():
    items = [
        item("m", effort=Effort.M),
        item("xs", effort=Effort.XS),
        item("unknown", effort=None),
        item("xl", effort=Effort.XL),
    ]
    assert order(items) == ["xs", "m", "xl", "unknown"]
    same_effort = [item("young", effort=Effort.S, age=1), item("old", effort=Effort.S, age=9)]
    assert order(same_effort) == ["old", "young"]
    twins = [item("b"), item("a")]
    assert order(twins) == ["a", "b"]


def test_done_items_leave_the_ranking_and_ranks_are_contiguous():
    items = [item("a", lk=5), item("b", status=Status.DONE, lk=5), item("c", lk=1)]
    ranked = rank(items, {}, {})
    assert [(r.item_id, r.rank) for r in ranked] == [("a", 1), ("c", 2)]


def test_gap_zero_items_rank_last_and_say_the_target_is_reached():
    c = chain("c")
    links = [link("done_link", "c", 3), link("weak", "c", 2)]
    items = [item("zero", chain_id="c", link_id="done_link", lk=5, ck=5), item("small", lk=1, ck=1)]
    r = by_id(items, [c], links)
    assert r["zero"].score == 0
    assert r["zero"].explanation("en").endswith("gap 0 = 0 (target reached)")
    assert order(items, [c], links)[-1] == "zero"


def test_explanation_in_both_languages():
    c = Chain("c", "Medisindispenser", None, 3)
    r = by_id(
        [item("a", chain_id="c", link_id="l", lk=4, ck=5)],
        [c],
        [Link("l", "c", "Dispenser", maturity=0)],
    )["a"]
    assert (
        r.explanation("nb") == "⚑ Svakeste ledd i Medisindispenser (modenhet 0/3) · "
        "S4 × K5 × gap 3 = 60"
    )
    assert (
        r.explanation("en") == "⚑ Weakest link in Medisindispenser (maturity 0/3) · "
        "L4 × C5 × gap 3 = 60"
    )


def test_explanation_of_an_item_not_on_the_weakest_link_names_the_weakest():
    c = Chain("c", "M365", None, 3)
    links = [Link("w", "c", "Gjestetilgang", maturity=0), Link("s", "c", "Entra ID", maturity=2)]
    r = by_id(
        [item("a", chain_id="c", link_id="s", lk=3, ck=4), item("b", chain_id="c", link_id="w")],
        [c],
        links,
    )["a"]
    assert r.explanation("en") == (
        "M365 › Entra ID (maturity 2/3; weakest link is Gjestetilgang 0/3) · L3 × C4 × gap 1 = 12"
    )


def test_link_of_another_chain_is_ignored():
    a, b = chain("a"), chain("b")
    r = by_id(
        [item("x", chain_id="a", link_id="lb", lk=1, ck=1)],
        [a, b],
        [link("lb", "b", 3), link("la", "a", 1)],
    )
    # Counted as work on chain a as a whole: a's weakest link sets the gap, not b's link.
    assert (r["x"].maturity, r["x"].gap) == (1, 2) and r["x"].link_name is None


# -- properties ------------------------------------------------------------------------


@st.composite
def boards(draw):
    n_chains = draw(st.integers(0, 3))
    chains = [Chain(f"c{i}", f"C{i}", None, draw(st.integers(0, 3))) for i in range(n_chains)]
    links = []
    for c in chains:
        for j in range(draw(st.integers(0, 3))):
            links.append(
                Link(
                    f"{c.id}l{j}",
                    c.id,
                    draw(st.sampled_from(["a", "A", "b", "c"])),
                    maturity=draw(st.integers(0, 3)),
                )
            )
    items = []
    for k in range(draw(st.integers(1, 25))):
        cid = draw(st.sampled_from([None, *[c.id for c in chains]]))
        candidates = [lk.id for lk in links if lk.chain_id == cid]
        lid = draw(st.sampled_from([None, *candidates])) if cid else None
        items.append(
            Item(
                id=f"i{k:02d}",
                title="t",
                chain_id=cid,
                link_id=lid,
                status=draw(st.sampled_from(list(Status))),
                likelihood=draw(st.sampled_from([None, 1, 2, 3, 4, 5])),
                consequence=draw(st.sampled_from([None, 1, 2, 3, 4, 5])),
                effort=draw(st.sampled_from([None, *Effort])),
                created_at=T0 + timedelta(hours=draw(st.integers(0, 5))),
                pinned_at=draw(st.sampled_from([None, None, None, T0, T0 + timedelta(hours=1)])),
            )
        )
    return chains, links, items


@settings(max_examples=300, deadline=None)
@given(boards(), st.randoms())
def test_order_is_total_and_does_not_depend_on_input_order(board, rnd):
    chains, links, items = board
    first = rank(items, {c.id: c for c in chains}, {lk.id: lk for lk in links})
    shuffled = list(items)
    rnd.shuffle(shuffled)
    again = rank(shuffled, {c.id: c for c in chains}, {lk.id: lk for lk in links})

    def seen(ranked):
        return [(r.item_id, r.rank, r.score, r.weakest, r.explanation("en")) for r in ranked]

    assert seen(first) == seen(again)
    open_ids = {i.id for i in items if i.status is not Status.DONE}
    assert [r.rank for r in first] == list(range(1, len(open_ids) + 1))
    assert {r.item_id for r in first} == open_ids


@given(boards())
def test_one_item_scored_alone_scores_as_the_ranking_does(board):
    """The score the rules, the export and the dialogs compute for one item is the rank's."""
    chains, links, items = board
    by_chain, by_link = {c.id: c for c in chains}, {lk.id: lk for lk in links}
    for r in rank(items, by_chain, by_link):
        chain = by_chain.get(r.item.chain_id or "")
        assert item_score(r.item, chain, by_link.get(r.item.link_id or ""), links) == r.score
        assert r.weakest <= (r.item.link_id is not None and r.gap > 0)


@settings(max_examples=300, deadline=None)
@given(boards(), st.data())
def test_raising_the_weakest_link_never_moves_its_items_up(board, data):
    """No item on the raised link overtakes work it was behind, and none gains a rank."""
    chains, links, items = board
    before = rank(items, {c.id: c for c in chains}, {lk.id: lk for lk in links})
    weakest_links = {
        i.link_id
        for i in items
        for r in before
        if r.item_id == i.id and r.weakest and i.link_id is not None
    }
    if not weakest_links:
        return
    raised_id = data.draw(st.sampled_from(sorted(weakest_links)))
    raised = next(lk for lk in links if lk.id == raised_id)
    if raised.maturity == 3:
        return
    new_maturity = data.draw(st.integers(raised.maturity + 1, 3))
    new_links = [replace(lk, maturity=new_maturity) if lk.id == raised_id else lk for lk in links]
    after = rank(items, {c.id: c for c in chains}, {lk.id: lk for lk in new_links})
    pos_before = {r.item_id: r.rank for r in before}
    pos_after = {r.item_id: r.rank for r in after}
    on_link = {i.id for i in items if i.link_id == raised_id and i.id in pos_before}
    others = set(pos_before) - on_link
    for mine in on_link:
        ahead_before = {o for o in others if pos_before[o] < pos_before[mine]}
        ahead_after = {o for o in others if pos_after[o] < pos_after[mine]}
        assert ahead_before <= ahead_after
        if new_maturity < next(c.target_maturity for c in chains if c.id == raised.chain_id):
            # While a gap remains, its order among its own items is kept: no rank gained.
            assert pos_after[mine] >= pos_before[mine]
