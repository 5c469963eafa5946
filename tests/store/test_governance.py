"""Risk governance in the services: roles, risk decisions and their expiry, the ROS matrix,
the verification gate before done."""

from __future__ import annotations

import contextlib
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from org_support import TODAY, _item, as_, board_as

from kanban_sec.domain.errors import BadInput, KanbanError, Refused
from kanban_sec.domain.governance import Action, Band, Bands, Decision, Verdict
from kanban_sec.domain.model import Classification, Role, Status
from kanban_sec.services.board import BoardService
from kanban_sec.services.governance import GovernanceService
from kanban_sec.services.live_board import LiveBoard
from kanban_sec.services.organisation import OrganisationService
from kanban_sec.services.session import Session
from kanban_sec.store.database import open_database
from kanban_sec.store.unit_of_work import reading, writing

# -- roles ---------------------------------------------------------------------------------


def test_only_governing_members_set_wip_limits_targets_and_policy(db, org):
    engineer = board_as(db, "Henrik Drift")
    with pytest.raises(Refused) as caught:
        engineer.set_wip_limit(Status.DOING, 3)
    text = caught.value.message("en")
    assert "Henrik Drift (operational) may not set WIP limits" in text and "governing" in text
    assert "kan ikke sette WIP-grenser" in caught.value.message("nb")
    with pytest.raises(Refused):
        engineer.set_target_maturity(org["chain"], 2)
    with pytest.raises(Refused):
        as_(db, "Henrik Drift").set_policy(10, [])
    with pytest.raises(Refused):
        as_(db, "Trude Kontroll").set_band(1, 1, Band.RED)
    with pytest.raises(Refused):
        OrganisationService(Session(db, "Henrik Drift")).set_role(org["engineer"], Role.CONTROLLING)
    with reading(db) as reader:
        assert reader.column(Status.DOING).wip_limit == 5  # the default, unchanged
        assert reader.people()[org["engineer"]].role is Role.OPERATIONAL
        assert reader.settings() == {}

    lead = board_as(db, "Guro Leder")
    lead.set_wip_limit(Status.DOING, 3)
    as_(db, "Guro Leder").set_policy(20, [Classification.INTERNAL])
    with reading(db) as reader:
        assert reader.column(Status.DOING).wip_limit == 3
    policy = as_(db, "Henrik Drift").policy()
    assert policy.verify_min_score == 20
    assert policy.verify_classifications == {Classification.INTERNAL}


def test_a_new_board_can_be_set_up_until_it_has_a_governing_member(db):
    first = BoardService(Session(db, "whoever"))
    first.set_wip_limit(Status.DOING, 4)  # nobody governs yet: allowed
    first.add_person("Guro Leder", "Kommune", Role.GOVERNING)
    with pytest.raises(Refused):
        first.set_wip_limit(Status.DOING, 5)


def test_somebody_not_in_the_organisation_works_items_but_does_not_govern(db, org):
    stranger = board_as(db, "ola.nordmann")
    item_id = stranger.create_item("Patch the portal").row_id
    stranger.move(item_id, Status.DOING)
    with pytest.raises(Refused) as caught:
        stranger.set_wip_limit(Status.DOING, 1)
    assert (
        "“ola.nordmann” (not in the organisation; counts as operational)"
        in caught.value.message("en")
    )


def test_controlling_members_comment_and_verify_but_do_not_change_the_work(db, org):
    item_id = _item(db, "Encrypt the dispensers' storage")
    control = board_as(db, "Trude Kontroll")
    with pytest.raises(Refused, match="may not change items"):
        control.move(item_id, Status.DOING)
    with pytest.raises(Refused):
        control.set_fields(item_id, {"title": "Something else"})
    control.add_comment(item_id, "Who signed the data processing agreement?")
    assert [c.author for c in control.comments(item_id)] == ["Trude Kontroll"]


def test_the_window_person_id_decides_between_two_people_of_the_same_name(db, org):
    setup = board_as(db, "Guro Leder")
    twin = setup.add_person("Henrik Drift", "Kommune / Internkontroll", Role.CONTROLLING).row_id
    # By name alone "Henrik Drift" is ambiguous: counts as operational.
    assert not as_(db, "Henrik Drift").can(Action.VERIFY)
    chosen = GovernanceService(Session(db, "Henrik Drift", "en", person_id=twin))
    assert chosen.can(Action.VERIFY)
    assert not GovernanceService(Session(db, "Henrik Drift", "en", person_id=org["engineer"])).can(
        Action.VERIFY
    )


#: Names that fold alike or almost: Norwegian letters, ß (which folds to two letters),
#: a title-case digraph, a trailing space, a tab.
_NAME_VARIANTS = [
    "Kari Nordmann",
    "KARI NORDMANN",
    "kari nordmann ",
    "Åse Berg",
    "åse berg",
    "ÅSE BERG",
    "Strauß",
    "STRAUSS",
    "ǅemal",
    "Ǆemal",
    "Ole\tDrift",
]


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    names=st.lists(
        st.tuples(st.sampled_from(_NAME_VARIANTS), st.sampled_from(["Kommune", "Kommune / Drift"])),
        max_size=5,
    ),
    author=st.sampled_from([*_NAME_VARIANTS, " Åse Berg", "kari"]),
)
def test_the_author_is_the_one_person_whose_name_folds_alike(tmp_path_factory, names, author):
    # Who acts, found by name: the one person whose name matches without regard to case
    # (str.casefold, so "Strauß" is "STRAUSS"), else nobody in the organisation. The store
    # lets SQLite compare plain ASCII names; the answer is the plain scan's.
    db = open_database(tmp_path_factory.mktemp("names") / "board.sqlite")
    try:
        setup = BoardService(Session(db, "setup", "en"))
        for name, unit in names:
            with contextlib.suppress(KanbanError):  # (a name the unit has already)
                setup.add_person(name, unit, Role.OPERATIONAL)
        with reading(db) as reader:
            people = reader.people()
        assert len(people) == len({(name.strip().casefold(), unit) for name, unit in names})
        folded = author.strip().casefold()
        alike = [i for i, person in people.items() if person.name.casefold() == folded]
        with writing(db, author) as uow:
            actor = uow.actor
        assert actor.person_id == (alike[0] if len(alike) == 1 else None)
    finally:
        db.close()


# -- verification before done ----------------------------------------------------------------


def test_moving_to_done_without_verification_is_refused_above_the_policy_score(db, org):
    # Dispenser: maturity 1 of target 3, gap 2: 4 × 5 × 2 = 40 ≥ 30.
    item_id = _item(db, "Lock down the dispensers", likelihood=4, consequence=5)
    engineer = board_as(db, "Henrik Drift")
    with pytest.raises(Refused) as caught:
        engineer.move(item_id, Status.DONE)
    text = caught.value.message("en")
    assert "“Lock down the dispensers” must be verified by a controlling member" in text
    assert "score ≥ 30 or classification confidential; score 40" in text
    assert "Move it to Verify" in text
    with pytest.raises(Refused):
        engineer.set_fields(item_id, {"status": "done"})
    with reading(db) as reader:
        assert reader.item(item_id).status is Status.BACKLOG

    low = _item(db, "Label the dispensers", likelihood=1, consequence=2)  # score 4
    engineer.move(low, Status.DONE)
    secret = _item(
        db, "Rotate the vendor's keys", likelihood=1, consequence=1, classification="confidential"
    )
    with pytest.raises(Refused):
        engineer.move(secret, Status.DONE)


def test_a_controlling_member_verifies_with_evidence_and_the_item_is_done(db, org):
    item_id = _item(db, "Lock down the dispensers", likelihood=4, consequence=5)
    engineer = board_as(db, "Henrik Drift")
    with pytest.raises(Refused, match="only items in Verify can be verified"):
        as_(db, "Trude Kontroll").verify(item_id, "https://intranett/revisjon/42")
    engineer.move(item_id, Status.VERIFY)
    with pytest.raises(Refused, match="may not verify"):
        as_(db, "Henrik Drift").verify(item_id, "I did it")
    with pytest.raises(Refused):
        as_(db, "Guro Leder").verify(item_id, "Looks fine")
    with pytest.raises(BadInput, match="needs evidence"):
        as_(db, "Trude Kontroll").verify(item_id, "   ")

    control = as_(db, "Trude Kontroll")
    control.reject(item_id, "Two dispensers still have the default PIN")
    with reading(db) as reader:
        assert reader.item(item_id).status is Status.DOING
    engineer.move(item_id, Status.VERIFY)
    control.verify(item_id, "https://intranett/revisjon/42: all 14 checked")
    with reading(db) as reader:
        item = reader.item(item_id)
        assert item.status is Status.DONE and item.done_at is not None
    found = control.verifications(item_id)
    assert [(v.verdict, v.verified_by) for v in found] == [
        (Verdict.REJECTED, org["control"]),
        (Verdict.APPROVED, org["control"]),
    ]
    assert found[1].evidence == "https://intranett/revisjon/42: all 14 checked"
    assert found[1].verified_at is not None


def test_without_a_controlling_member_the_message_says_what_to_do(db):
    service = BoardService(Session(db, "Guro"))
    item_id = service.create_item("Secret thing", classification="confidential").row_id
    with pytest.raises(Refused) as caught:
        service.move(item_id, Status.DONE)
    assert "the board has no controlling member yet" in caught.value.message("en")
    as_(db, "Guro").set_policy(None, [])  # nobody governs yet: the policy can change
    service.move(item_id, Status.DONE)


# -- risk decisions ----------------------------------------------------------------------


def test_the_risk_owner_accepts_and_the_item_leaves_the_ranking_until_it_expires(db, org):
    accepted = _item(db, "Replace the dispensers' radio module", likelihood=2, consequence=3)
    other = _item(db, "Review dispenser logs", link="Fagsystem")
    until = TODAY + timedelta(days=45)
    owner = as_(db, "Astrid Eier")
    owner.decide(
        Decision.ACCEPT,
        "The radio is off by default; replacement planned 2027",
        valid_until=until,
        item_id=accepted,
    )

    def ranked_on(day: date) -> LiveBoard:
        return LiveBoard(board_as(db, "Henrik Drift"), today=lambda: day)

    live = ranked_on(TODAY)
    assert accepted not in live.ranking and live.accepted(accepted).valid_until == until
    assert live.ranking[other].rank == 1
    on_last_day = ranked_on(until)
    assert accepted not in on_last_day.ranking
    day_after = ranked_on(until + timedelta(days=1))
    assert day_after.accepted(accepted) is None
    # Back, re-ranked: the weakest link's item goes before the other one again.
    assert day_after.ranking[accepted].rank == 1 and day_after.ranking[other].rank == 2


def test_a_live_board_brings_an_expired_acceptance_back_on_the_next_day(db, org):
    item_id = _item(db, "Replace the radio module", likelihood=2, consequence=3)
    as_(db, "Astrid Eier").decide("accept", "Off by default", valid_until=TODAY, item_id=item_id)
    days = [TODAY]
    live = LiveBoard(board_as(db, "Henrik Drift"), today=lambda: days[0])
    assert item_id not in live.ranking and not live.new_day()
    days[0] = TODAY + timedelta(days=1)
    assert live.new_day() and live.ranking[item_id].rank == 1


def test_only_the_risk_owner_decides_and_it_stays_separate_from_it_recommendation(db, org):
    item_id = _item(db, "Replace the radio module", likelihood=2, consequence=3)
    engineer = as_(db, "Henrik Drift")
    engineer.recommend(Decision.REDUCE, "A module swap costs 2 days per dispenser", item_id=item_id)
    # An operational member in (or under) the risk-owner unit assesses, but does not decide.
    for name in ("Henrik Drift", "Guro Leder", "Trude Kontroll", "Nils Sone"):
        with pytest.raises(Refused) as caught:
            as_(db, name).decide(Decision.ACCEPT, "fine", valid_until=TODAY, item_id=item_id)
        if name == "Guro Leder":
            assert "the risk owner does, Kommune / Helse / Hjemmetjenesten" in caught.value.message(
                "en"
            )
    as_(db, "Astrid Eier").decide(
        Decision.ACCEPT,
        "Sone Nord lives with it until March",
        valid_until=date(2027, 3, 1),
        item_id=item_id,
    )
    (case,) = engineer.decisions(item_id=item_id)
    assert (case.recommendation, case.recommended_by) == (Decision.REDUCE, org["engineer"])
    assert case.recommendation_note == "A module swap costs 2 days per dispenser"
    assert (case.decision, case.decided_by) == (Decision.ACCEPT, org["owner"])
    assert case.rationale == "Sone Nord lives with it until March"
    assert case.valid_until == date(2027, 3, 1)


def test_an_acceptance_needs_a_rationale_and_a_date_that_has_not_passed(db, org):
    item_id = _item(db, "Replace the radio module", likelihood=2, consequence=3)
    owner = as_(db, "Astrid Eier")
    with pytest.raises(BadInput, match="rationale"):
        owner.decide("accept", "  ", valid_until=TODAY, item_id=item_id)
    with pytest.raises(BadInput, match="needs a valid-until date"):
        owner.decide("accept", "ok")
    with pytest.raises(BadInput, match="has passed"):
        owner.decide("accept", "ok", valid_until=TODAY - timedelta(days=1), item_id=item_id)
    with pytest.raises(BadInput, match="not a risk decision"):
        owner.decide("ignore", "ok", item_id=item_id)
    assert owner.decisions(item_id=item_id) == []


def test_a_red_cell_cannot_be_accepted_until_governance_moves_the_band(db, org):
    item_id = _item(db, "Default PIN on dispensers", likelihood=4, consequence=5)
    owner = as_(db, "Astrid Eier")
    with pytest.raises(Refused, match="is in the red band and cannot be accepted"):
        owner.decide("accept", "cheap risk", valid_until=TODAY, item_id=item_id)
    owner.decide("reduce", "Change the PINs this month", item_id=item_id)
    as_(db, "Guro Leder").set_band(4, 5, Band.YELLOW)
    owner.decide(
        "accept", "Dispensers offline until PINs change", valid_until=TODAY, item_id=item_id
    )
    assert owner.acceptance().accepted[item_id].decision is Decision.ACCEPT


def test_a_chain_acceptance_covers_its_open_items_and_an_item_decision_overrides_it(db, org):
    first = _item(db, "Radio module", likelihood=2, consequence=2)
    second = _item(db, "Firmware", link="Fagsystem", likelihood=1, consequence=3)
    elsewhere = _item(
        db, "Portal MFA", chain="Skoleportal", link="Portal", likelihood=2, consequence=2
    )
    owner = as_(db, "Astrid Eier")
    owner.decide(
        "accept",
        "The whole chain is being replaced in 2027",
        valid_until=date(2027, 6, 30),
        chain_id=org["chain"],
    )
    accepted = owner.acceptance()
    assert set(accepted.accepted) == {first, second}
    owner.decide("reduce", "Firmware is cheap to fix now", item_id=second)
    accepted = owner.acceptance()
    assert set(accepted.accepted) == {first} and elsewhere not in accepted


def test_the_standup_list_of_acceptances_running_out_within_30_days(db, org):
    soon = _item(db, "Radio module", likelihood=2, consequence=2)
    later = _item(db, "Firmware", link="Fagsystem", likelihood=1, consequence=3)
    owner = as_(db, "Astrid Eier")
    owner.decide("accept", "short", valid_until=TODAY + timedelta(days=20), item_id=soon)
    owner.decide("accept", "long", valid_until=TODAY + timedelta(days=40), item_id=later)
    listed = owner.expiring()
    assert [(e.subject, e.decided_by, e.decision.valid_until) for e in listed] == [
        ("Radio module", "Astrid Eier", TODAY + timedelta(days=20))
    ]


def test_the_ros_matrix_counts_open_items_per_cell_with_bands(db, org):
    _item(db, "A", likelihood=4, consequence=5)
    _item(db, "B", likelihood=4, consequence=5)
    accepted = _item(db, "C", likelihood=1, consequence=2)
    done = _item(db, "D", likelihood=1, consequence=2)
    board_as(db, "Henrik Drift").move(done, Status.DONE)
    as_(db, "Astrid Eier").decide("accept", "minor", valid_until=TODAY, item_id=accepted)
    cells = as_(db, "Henrik Drift").matrix()
    assert len(cells) == 25
    assert (cells[(4, 5)].open_items, cells[(4, 5)].band) == (2, Band.RED)
    assert (cells[(1, 2)].open_items, cells[(1, 2)].accepted, cells[(1, 2)].band) == (
        1,
        1,
        Band.GREEN,
    )
    assert sum(c.open_items for c in cells.values()) == 3
    assert cells[(3, 3)].band is Band.YELLOW


def test_bands_round_trip_and_bad_stored_bands_fall_back_to_the_default():
    bands = Bands.default().with_band(1, 5, Band.RED)
    assert Bands.parse(bands.text()) == bands
    with pytest.raises(ValueError):
        Bands.parse("GGG/YYY")


def test_a_csv_import_cannot_set_done_what_needs_verification(db, org, tmp_path):
    from kanban_sec.domain.errors import ImportProblems
    from kanban_sec.services.csv_exchange import import_csv

    gated = _item(db, "Lock down the dispensers", likelihood=4, consequence=5)
    plain = _item(db, "Label the dispensers", likelihood=1, consequence=2)
    source = tmp_path / "done.csv"
    source.write_text(
        f"id,title,status\r\n{gated},Lock down the dispensers,done\r\n"
        f"{plain},Label the dispensers,done\r\n",
        encoding="utf-8",
    )
    with pytest.raises(ImportProblems) as caught:
        import_csv(board_as(db, "Henrik Drift"), source)
    (problem,) = caught.value.problems
    assert (problem.line, problem.column) == (2, "status")
    assert "must be verified by a controlling member" in problem.message.render("en")
    with reading(db) as reader:  # all or nothing: the other line did not land either
        assert reader.item(plain).status is Status.BACKLOG
    with pytest.raises(Refused, match="may not change items"):
        import_csv(board_as(db, "Trude Kontroll"), source)


def test_the_whole_history_is_for_governing_and_controlling_members(db, org):
    from kanban_sec.services.history import History

    with pytest.raises(Refused, match="may not read the whole change history"):
        History(Session(db, "Henrik Drift", "en")).entries()
    assert History(Session(db, "Trude Kontroll", "en")).entries(limit=1)
    assert History(Session(db, "Guro Leder", "en")).entries(limit=1)
