"""ROS analysis through a real sync server: risks, information values, data flows, analyses
and decisions on a risk reach the other boards; a risk's consequence set on two boards
offline is a conflict resolved like any other; a measure shows its risk's L × C everywhere;
and the server refuses what the rulebook refuses (IT's consequence, an operational
member's decision) however a member sends it, so no other board ever pulls it."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import psycopg
import pytest

from kanban_sec.domain.model import Role
from kanban_sec.services.board import BoardService
from kanban_sec.services.conflicts import resolve_conflict
from kanban_sec.services.organisation import OrganisationService
from kanban_sec.services.ros import RosService
from kanban_sec.services.session import Session
from kanban_sec.store.database import Database, open_database
from kanban_sec.sync import errors, merge
from kanban_sec.sync.client import Remote, SyncResult, sync
from kanban_sec.sync.server import SERVER_SCHEMA_VERSION, init_server

from .later import next_millisecond
from .pg import SyncServer
from .test_attacks import change, refused
from .test_refused import _insert_raw

CHAIN = "TT-kort"
PORTAL, CASEWORK = "Søknadsportal", "Saksbehandling"
#: The person each login of the test server writes as, and where they sit: IT estimates
#: likelihood, the welfare agency (the chain's risk owner) judges consequence, the
#: municipality's governing member decides.
PEOPLE = {
    "governing": ("Governing", "Kommune", Role.GOVERNING),
    "operational": ("Operational", "IT", Role.OPERATIONAL),
    "risk_owner": ("Risk Owner", "Velferd", Role.OPERATIONAL),
}
ROS_TABLES = ("ros_risks", "info_values", "data_flows", "ros_analyses", "risk_decisions")


@dataclass
class Board:
    """A replica synced by one member of the test server, acting as that member's person."""

    db: Database
    remote: Remote
    password: str
    person: str

    @property
    def session(self) -> Session:
        return Session(self.db, self.person)

    @property
    def ros(self) -> RosService:
        return RosService(self.session)

    @property
    def board(self) -> BoardService:
        return BoardService(self.session)

    def sync(self) -> SyncResult:
        result = sync(self.db, self.remote, self.password)
        assert result.refused == (), [r.reason for r in result.refused]
        return result

    def sql(self, text: str, params: Any = ()) -> list[tuple[Any, ...]]:
        with self.db.connect(write=False) as conn:
            return [tuple(r) for r in conn.exec_driver_sql(text, params)]

    def person_id(self, name: str) -> str:
        return str(self.sql("SELECT id FROM people WHERE name = ?", (name,))[0][0])


@dataclass
class World:
    server: SyncServer
    gov: Board  # the municipality's governing member: decides the chain's risk
    it: Board  # IT: estimates likelihood
    biz: Board  # the welfare agency, the chain's risk owner: judges consequence and values


@pytest.fixture
def world(sync_server: SyncServer, tmp_path: Path) -> Iterator[World]:
    opened: dict[str, Board] = {}
    for who, (person, _unit, _role) in PEOPLE.items():
        login, password = sync_server.logins[who]
        db = open_database(tmp_path / f"{who}.sqlite", daily_backup=False)
        remote = Remote(
            sync_server.pg.url(sync_server.dbname, login, None),
            ca_file=str(sync_server.pg.ca_file),
        )
        opened[who] = Board(db, remote, password, person)
    gov = opened["governing"]
    org = OrganisationService(gov.session)
    top = org.add_unit(None, "Kommune").row_id
    units = {"Kommune": top}
    for name in ("IT", "Velferd"):
        units[name] = org.add_unit(top, name).row_id
    for person, unit, role in PEOPLE.values():
        org.add_person(person, units[unit], role)
    chain = org.add_chain(CHAIN, units["Velferd"], 3).row_id
    org.add_link(chain, PORTAL, kind="web", country="NO", maturity=1)
    org.add_link(chain, CASEWORK, kind="system", country="NO", maturity=2)
    gov.sync()
    for board in opened.values():
        board.sync()
    yield World(sync_server, gov, opened["operational"], opened["risk_owner"])
    for board in opened.values():
        board.db.close()


def everyone(world: World) -> tuple[Board, Board, Board]:
    return world.gov, world.it, world.biz


def sync_all(world: World) -> None:
    for board in (*everyone(world), *everyone(world)):
        board.sync()


def assessed_risk(world: World) -> str:
    """A risk of the chain on the portal, IT's likelihood 4 and the business's consequence
    2, on every board."""
    risk = world.it.ros.add_risk(
        CHAIN,
        "Søknader på avveie",
        link=PORTAL,
        threat="feilsendt e-post",
        vulnerability="manuell utsending",
    ).row_id
    world.it.ros.assess_likelihood(risk, 4, "seen twice last year", "medium")
    world.it.sync()
    world.biz.sync()
    world.biz.ros.assess_consequence(risk, 2, "few applicants affected", "high")
    sync_all(world)
    return risk


# -- everything of a ROS analysis arrives -------------------------------------------------------


def test_risks_values_flows_analyses_and_decisions_reach_every_board(world: World) -> None:
    gov, it, biz = everyone(world)
    risk = assessed_risk(world)
    biz.ros.set_value(CHAIN, "Søknadsdata", confidentiality=4, integrity=3, availability=2)
    it.ros.add_flow(CHAIN, PORTAL, CASEWORK, "søknad med vedlegg")
    it.ros.set_run_by(CHAIN, PORTAL, "supplier")
    biz.sync()
    it.sync()
    gov.sync()
    valid = date.today() + timedelta(days=365)
    gov.ros.decide(risk, "accept", "few affected, manual check", valid_until=valid, target=(3, 2))
    gov.ros.open_analysis(CHAIN, ["Operational", "Risk Owner"], decisions="accepted the leak")
    sync_all(world)

    # Every board has the same rows, row for row.
    for table in ROS_TABLES:
        first = gov.sql(f"SELECT * FROM {table} ORDER BY id")
        assert first, table
        assert it.sql(f"SELECT * FROM {table} ORDER BY id") == first, table
        assert biz.sql(f"SELECT * FROM {table} ORDER BY id") == first, table
    # IT's board reads what the others did, with who did it.
    found = it.ros.risk(risk)
    assert found.current == (4, 2) and found.inherent == (4, 2) and found.target == (3, 2)
    assert found.likelihood.by == it.person_id("Operational")
    assert found.consequence.by == it.person_id("Risk Owner")
    assert found.consequence.note == "few applicants affected"
    [row] = it.ros.register()
    assert row.treatment is not None and row.treatment.decision.value == "accept"
    assert not row.stale and row.likelihood_by == "Operational"
    assert row.consequence_by == "Risk Owner"
    [value] = it.ros.values(CHAIN)
    assert (value.confidentiality, value.integrity, value.availability) == (4, 3, 2)
    [flow] = biz.ros.flows(CHAIN)
    assert flow.number == 1 and flow.data == "søknad med vedlegg"
    [analysis] = biz.ros.analyses(CHAIN)
    assert analysis.participants == ("Operational", "Risk Owner")
    assert analysis.risk_ids == (risk,)
    assert biz.sql("SELECT run_by FROM links WHERE name = ?", (PORTAL,)) == [("supplier",)]


def test_a_measure_shows_its_risks_likelihood_and_consequence_on_every_board(
    world: World,
) -> None:
    gov, it, biz = everyone(world)
    risk = assessed_risk(world)
    item = it.board.create_item("Kryptert utsending", likelihood="1", consequence="1").row_id
    it.ros.link_measure(item, risk)
    sync_all(world)
    for board in everyone(world):
        found = board.board.item(item)
        assert found is not None and found.risk_id == risk, board.person
        assert (found.likelihood, found.consequence) == (4, 2), board.person
    # The business judges the consequence again: the measure follows on IT's board.
    biz.ros.assess_consequence(risk, 5, "health data after all")
    biz.sync()
    it.sync()
    found = it.board.item(item)
    assert found is not None and (found.likelihood, found.consequence) == (4, 5)
    assert it.board.entry(item).score == 4 * 5 * 2  # gap: target 3 − the portal's 1
    # Its own L × C is kept for when it leaves the risk.
    it.ros.link_measure(item, None)
    it.sync()
    gov.sync()
    found = gov.board.item(item)
    assert found is not None and (found.likelihood, found.consequence) == (1, 1)


# -- a conflict on a risk's consequence ------------------------------------------------------------


def test_a_consequence_set_on_two_boards_offline_is_a_conflict_resolved_everywhere(
    world: World,
) -> None:
    gov, it, biz = everyone(world)
    risk = assessed_risk(world)
    # Offline, both speak for the business: the welfare agency and the governing member.
    biz.ros.assess_consequence(risk, 5, "sensitive health data", "high")
    next_millisecond()  # later by the clock
    gov.ros.assess_consequence(risk, 3, "low volume", "low")
    biz.sync()
    gov.sync()  # the later stamp: its value wins
    sync_all(world)

    fields = {"consequence", "consequence_by", "consequence_at", "consequence_note"}
    seen = {}
    for board in everyone(world):
        conflicts = [c for c in merge.list_conflicts(board.db) if c.entity == "ros_risk"]
        assert {c.field for c in conflicts} >= fields, board.person
        by_field = {c.field: c for c in conflicts}
        assert by_field["consequence"].title == "Søknader på avveie"
        assert by_field["consequence"].winner_value == 3
        assert by_field["consequence"].loser_value == 5
        assert by_field["consequence"].loser_author == "Risk Owner"
        assert by_field["consequence"].winner_author == "Governing"
        assert board.ros.risk(risk).consequence.value == 3
        seen[board.person] = sorted(c.id for c in conflicts)
    assert len({tuple(ids) for ids in seen.values()}) == 1  # the same conflicts everywhere

    # The welfare agency takes its own judgement back, with who made it.
    for conflict in merge.list_conflicts(biz.db):
        if conflict.entity == "ros_risk" and conflict.row_id == risk:
            resolve_conflict(biz.db, "Risk Owner", conflict.id, "take")
    sync_all(world)
    for board in everyone(world):
        found = board.ros.risk(risk)
        assert found.consequence.value == 5, board.person
        assert found.consequence.by == board.person_id("Risk Owner")
        assert found.consequence.note == "sensitive health data"
        assert found.inherent == (4, 2)  # the first assessment stays
        assert [c for c in merge.list_conflicts(board.db) if c.entity == "ros_risk"] == []
        closed = [
            c for c in merge.list_conflicts(board.db, open_only=False) if c.entity == "ros_risk"
        ]
        assert {c.resolution for c in closed} == {"took_loser"}
    assert gov.sql("SELECT * FROM ros_risks") == it.sql("SELECT * FROM ros_risks")
    assert gov.sql("SELECT * FROM conflicts ORDER BY id") == biz.sql(
        "SELECT * FROM conflicts ORDER BY id"
    )


# -- hostile members: the server refuses, nobody pulls it ----------------------------------------


def changes_on_server(server: SyncServer, entity: str, row_id: str) -> int:
    with psycopg.connect(server.admin_url(), autocommit=True) as conn:
        found = conn.execute(
            "SELECT count(*) FROM kanban_sec.changes WHERE entity = %s AND row_id = %s",
            (entity, row_id),
        ).fetchone()
    return int(found[0]) if found else 0


def test_the_server_refuses_it_judging_consequence_and_operational_deciding(
    world: World,
) -> None:
    it = world.it
    server = world.server
    risk = assessed_risk(world)
    before = changes_on_server(server, "ros_risk", risk)
    it_person, biz_person = it.person_id("Operational"), it.person_id("Risk Owner")
    at = "2030-01-01T10:00:00+00:00"

    # IT sets the risk's consequence, in its own name: the business's judgement (KS011).
    as_it = change(
        "ros_risk",
        risk,
        {"consequence": 5, "consequence_by": it_person, "consequence_at": at},
    )
    error = refused(server.url("operational"), as_it)
    assert error.sqlstate == "KS011"
    described = errors.describe_error(error)
    assert isinstance(described, errors.ChangeRefused) and described.change_id == as_it["id"]
    # One readable line: what the rule is, who tried, for which chain and its risk owner.
    assert str(described).startswith(f"the server refused change {as_it['id']} (ros_risk): ")
    assert "judged by the business that owns the service, the risk-owner unit" in str(described)
    assert "Operational (operational)" in str(described) and "“TT-kort”" in str(described)
    assert "(risk owner: Velferd)" in str(described)
    # ...or in the governing member's name: writing as somebody else (KS007).
    gov_person = it.person_id("Governing")
    forged = change("ros_risk", risk, {"consequence": 5, "consequence_by": gov_person})
    assert refused(server.url("operational"), forged).sqlstate == "KS007"
    # ...or an information value of the chain (KS011).
    chain = it.sql("SELECT id FROM chains WHERE name = ?", (CHAIN,))[0][0]
    value = change("info_value", str(uuid.uuid4()), {"chain_id": chain, "name": "Helse"})
    assert refused(server.url("operational"), value).sqlstate == "KS011"

    # An operational member of the risk-owner unit decides the risk (KS003), even with a
    # chain of their own named beside it.
    decision = change(
        "risk_decision",
        str(uuid.uuid4()),
        {
            "risk_id": risk,
            "decision": "accept",
            "rationale": "fine",
            "valid_until": "2031-01-01",
            "decided_by": biz_person,
        },
    )
    assert refused(server.url("risk_owner"), decision).sqlstate == "KS003"

    # Nothing of it is on the server, so no board pulls it: the risk stays as judged.
    assert changes_on_server(server, "ros_risk", risk) == before
    for board in everyone(world):
        result = board.sync()
        assert result.quarantined == 0
        assert board.ros.risk(risk).current == (4, 2), board.person
        assert board.ros.values(CHAIN) == []
        [row] = board.ros.register()
        assert row.treatment is None, board.person
    # (A governing member of the municipality, above the risk owner, decides: the first test.)


def test_a_ros_change_the_board_cannot_apply_is_quarantined(world: World) -> None:
    """A change on the server that bypassed its trigger (its owner, an older server) with a
    value out of range is kept aside on pull, never applied."""
    biz = world.biz
    risk = assessed_risk(world)
    bad = _insert_raw(world.server, "ros_risk", risk, {"consequence": [9, 2]})
    result = biz.sync()
    assert result.quarantined == 1
    [held] = merge.list_quarantined(biz.db)
    assert held.change_id == bad and held.entity == "ros_risk" and "consequence" in held.why("en")
    assert biz.ros.risk(risk).current == (4, 2)


def test_an_upgrade_from_version_3_judges_the_risks_it_has(world: World) -> None:
    """A version-3 server kept no state of ROS rows: ``server init`` builds it from the log,
    so the rules hold for the risks synced before the upgrade."""
    server, it = world.server, world.it
    risk = assessed_risk(world)
    admin = server.admin_url()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(
            "DELETE FROM kanban_sec.state_fields WHERE entity IN"
            " ('ros_risk', 'info_value', 'data_flow', 'ros_analysis')"
        )
        conn.execute("DELETE FROM kanban_sec.rows WHERE entity = 'ros_risk'")
        conn.execute("DROP FUNCTION kanban_sec.judge_ros")
        conn.execute("UPDATE kanban_sec.meta SET value = '3' WHERE key = 'schema_version'")
    assert init_server(admin) == SERVER_SCHEMA_VERSION == 4
    with psycopg.connect(admin, autocommit=True) as conn:
        found = conn.execute(
            "SELECT data FROM kanban_sec.rows WHERE entity = 'ros_risk' AND row_id = %s",
            (risk,),
        ).fetchone()
    assert found is not None
    assert (found[0]["likelihood"], found[0]["consequence"]) == (4, 2)
    assert found[0]["consequence_by"] == it.person_id("Risk Owner")
    as_it = change("ros_risk", risk, {"consequence": 1})
    assert refused(server.url("operational"), as_it).sqlstate == "KS011"
    world.biz.ros.assess_consequence(risk, 3)
    world.biz.sync()
    it.sync()
    assert it.ros.risk(risk).current == (4, 3)
