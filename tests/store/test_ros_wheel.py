"""The annual wheel's ROS duty of a chain opens a ROS analysis: one per occurrence, with
the occurrence's item, in the change log, never twice."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from kanban_sec.domain import annual_wheel as wheel
from kanban_sec.services.annual_wheel import AnnualWheel
from kanban_sec.services.board import BoardService
from kanban_sec.services.ros import RosService, insert_analysis
from kanban_sec.services.session import Session
from kanban_sec.store.database import open_database
from kanban_sec.store.unit_of_work import writing
from tests.ros_board import CHAIN, ENGINEER, LEAD, OWNER, build

YEARLY = "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=2"


@pytest.fixture
def board(tmp_path):
    path = tmp_path / "board.sqlite"
    build(path)
    db = open_database(path)
    yield db, path
    db.close()


def annual(db, who: str = ENGINEER) -> AnnualWheel:
    return AnnualWheel(Session(db, who, "en"))


def wheel_analyses(db) -> list:
    return [a for a in RosService(Session(db, "tester", "en")).analyses(CHAIN) if a.activity_id]


def test_a_ros_duty_opens_one_analysis_per_occurrence_with_its_item(board):
    db, path = board
    service = annual(db)
    activity = service.add_activity(
        "ROS-analyse: Medisindispenser",
        YEARLY,
        date(2026, 1, 1),
        chain_id=RosService(Session(db, "t", "en")).picture(CHAIN).chain.id,
        owner_person_id=_person(path, OWNER),
        lead_days=30,
        tags=["ros", "helse"],
    ).row_id
    plain = service.add_activity(
        "Gjenopprettingstest",
        YEARLY,
        date(2026, 1, 1),
        chain_id=RosService(Session(db, "t", "en")).picture(CHAIN).chain.id,
        lead_days=30,
        tags=["backup"],
    ).row_id
    before = len(RosService(Session(db, "t", "en")).analyses(CHAIN))

    assert service.generate_due(date(2026, 2, 10)).counts["generated"] == 2
    opened = wheel_analyses(db)
    assert len(opened) == 1
    found = opened[0]
    assert found.id == wheel.analysis_id(activity, date(2026, 3, 2))
    assert (found.activity_id, found.occurrence, found.held_on) == (
        activity,
        date(2026, 3, 2),
        date(2026, 3, 2),
    )
    assert found.participants == (OWNER,)
    assert len(found.risk_ids) == 4  # the chain's risks as they stood
    assert "ROS-analyse: Medisindispenser" in found.notes
    assert plain not in {a.activity_id for a in opened}
    # It is in the change log, written by whoever generated the item.
    rows = _sql(
        path, "SELECT author FROM changes WHERE entity='ros_analysis' AND row_id=?", found.id
    )
    assert rows == [(ENGINEER,)]

    # Generating again, the next day or after the item is gone, opens nothing more.
    assert service.generate_due(date(2026, 2, 11)).counts["generated"] == 0
    item = wheel.item_id(activity, date(2026, 3, 2))
    BoardService(Session(db, LEAD, "en")).delete(item)
    service.generate_due(date(2026, 3, 20))
    assert len(wheel_analyses(db)) == 1

    # Next year's occurrence opens its own.
    service.generate_due(date(2027, 2, 10))
    assert sorted(a.occurrence for a in wheel_analyses(db)) == [date(2026, 3, 2), date(2027, 3, 2)]
    assert len(RosService(Session(db, "t", "en")).analyses(CHAIN)) == before + 2


def test_an_analysis_already_there_is_not_opened_again(board):
    """As when a replica's pull brought the analysis first: the item is still made."""
    db, _ = board
    service = annual(db)
    chain_id = RosService(Session(db, "t", "en")).picture(CHAIN).chain.id
    activity = service.add_activity(
        "ROS", YEARLY, date(2026, 1, 1), chain_id=chain_id, tags=["ROS-analyse"]
    ).row_id
    with writing(db, ENGINEER) as uow:
        insert_analysis(
            uow,
            chain_id,
            date(2026, 3, 2),
            "en",
            row_id=wheel.analysis_id(activity, date(2026, 3, 2)),
        )
    assert service.generate_due(date(2026, 2, 25)).counts["generated"] == 1
    assert [a.activity_id for a in wheel_analyses(db)] == []


def test_a_ros_duty_without_a_chain_says_so_and_opens_nothing(board):
    db, _ = board
    service = annual(db)
    service.add_activity("ROS uten kjede", YEARLY, date(2026, 1, 1), tags=["ROS"])
    outcome = service.generate_due(date(2026, 2, 25))
    assert outcome.counts["generated"] == 1
    assert [w.render("en") for w in outcome.warnings] == [
        "the annual wheel's ROS duty “ROS uten kjede” has no chain: no ROS analysis was opened "
        "for 2026-03-02; choose the service's chain for the activity"
    ]
    assert wheel_analyses(db) == []


def test_the_mark_is_a_tag_in_any_case():
    def duty(*tags: str) -> bool:
        return wheel.is_ros_duty(
            wheel.Activity(
                id="a", title="x", rrule=YEARLY, starts_on=date(2026, 1, 1), tags=[*tags]
            )
        )

    assert duty("ROS") and duty("ros-analyse") and duty(" ROS-Analysis ")
    assert not duty("rosehage") and not duty() and not duty("årshjul")


def _sql(path, query: str, *params):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(query, params).fetchall()
    finally:
        conn.close()


def _person(path, name: str) -> str:
    return _sql(path, "SELECT id FROM people WHERE name=?", name)[0][0]
