"""A small municipality with one ROS-analysed service, built through the real services: the
medication dispenser chain with its links (some run by suppliers), information values,
numbered data flows, risks (assessed, waiting for the business, accepted, reduced with a
measure) and a dated analysis. For the report, CSV and annual wheel tests."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from kanban_sec.domain.model import Role
from kanban_sec.services.board import BoardService
from kanban_sec.services.ros import RosService
from kanban_sec.services.session import Session
from kanban_sec.store.database import Database, open_database

CHAIN = "Medisindispenser"
OWNER_UNIT = "Kommune / Helse / Hjemmetjenesten"
#: Text that must come out of every report escaped, never as markup.
TRICKY = "Dør <script>alert('x')</script> & «æøå» | *stjerne*"
LEAD, OWNER, NURSE, ENGINEER, CONTROL = (
    "Guro Leder",
    "Åse Øvrebø",
    "Nils Sone",
    "Henrik Drift",
    "Trude Kontroll",
)


def _ros(db: Database, name: str) -> RosService:
    return RosService(Session(db, name, "en"))


def build(path: Path) -> dict[str, str]:
    """Write the board at ``path``; returns the ids of what it made."""
    db = open_database(path)
    try:
        return _fill(db)
    finally:
        db.close()


def _fill(db: Database) -> dict[str, str]:
    setup = BoardService(Session(db, LEAD))
    ids = {"lead": setup.add_person(LEAD, "Kommune / Sikkerhet", Role.GOVERNING).row_id}
    ids["owner"] = setup.add_person(OWNER, OWNER_UNIT, Role.GOVERNING).row_id
    ids["nurse"] = setup.add_person(NURSE, f"{OWNER_UNIT} / Sone Nord", Role.OPERATIONAL).row_id
    ids["engineer"] = setup.add_person(ENGINEER, "Kommune / IT / Drift", Role.OPERATIONAL).row_id
    ids["control"] = setup.add_person(CONTROL, "Kommune / Internkontroll", Role.CONTROLLING).row_id
    lead = BoardService(Session(db, LEAD))
    ids["chain"] = lead.add_chain(CHAIN, OWNER_UNIT).row_id
    team = f"{OWNER_UNIT} / Team Velferdsteknologi"
    lead.add_link(CHAIN, "Dispenser i hjemmet", 1, "enhet", team)
    lead.add_link(CHAIN, "MedRobot skyplattform", 2, "leverandørsky", team)
    lead.add_link(CHAIN, "EPJ Gerica", 3, "fagsystem", "Kommune / Helse / Fagsystem")
    lead.add_chain("Skoleportal", "Kommune / Skole")

    it, business, owner = _ros(db, ENGINEER), _ros(db, NURSE), _ros(db, OWNER)
    it.set_run_by(CHAIN, "MedRobot skyplattform", "supplier")
    business.set_value(CHAIN, "Helseopplysninger", confidentiality=5, integrity=5, availability=4)
    business.set_value(CHAIN, "Adresse og fødselsnummer", confidentiality=4, integrity=3)
    it.add_flow(CHAIN, "Dispenser i hjemmet", "MedRobot skyplattform", "Doseringslogg, alarmer")
    it.add_flow(CHAIN, "MedRobot skyplattform", "EPJ Gerica", "Avvik, " + TRICKY)

    ids["red"] = it.add_risk(
        CHAIN,
        "Skyplattformen nede",
        link="MedRobot skyplattform",
        threat="Driftsavbrudd hos leverandør",
        vulnerability="Ingen lokal reserve",
        existing_measures="SLA 99,5 %",
        values=["Helseopplysninger"],
    ).row_id
    it.assess_likelihood(ids["red"], 3, "Avbrudd to ganger i fjor", "medium")
    business.assess_consequence(ids["red"], 5, "Pasient får ikke medisin", "high")
    it.assess_likelihood(ids["red"], 4, "Ny underleverandør", "low")  # it moved
    ids["accepted"] = it.add_risk(CHAIN, "Feil tid på dispenser", link="Dispenser i hjemmet").row_id
    it.assess_likelihood(ids["accepted"], 2)
    business.assess_consequence(ids["accepted"], 2)
    owner.decide(
        ids["accepted"], "accept", "Lav risiko", valid_until=date.today() + timedelta(days=200)
    )
    ids["waiting"] = it.add_risk(CHAIN, TRICKY, threat="Innbrudd\nmed to linjer").row_id
    it.assess_likelihood(ids["waiting"], 3)  # the business has not judged it yet
    ids["reduced"] = it.add_risk(CHAIN, "Uautorisert tilgang til EPJ", link="EPJ Gerica").row_id
    it.assess_likelihood(ids["reduced"], 3)
    business.assess_consequence(ids["reduced"], 4)
    owner.decide(ids["reduced"], "reduce", "Innfør tofaktor", target=(1, 4))
    ids["measure"] = (
        BoardService(Session(db, ENGINEER)).create_item("Tofaktor i EPJ", chain=CHAIN).row_id
    )
    it.link_measure(ids["measure"], ids["reduced"])
    ids["analysis"] = owner.open_analysis(
        CHAIN,
        [OWNER, ENGINEER],
        held_on=date(2026, 3, 2),
        decisions="Skyplattform: krev reserve",
        notes="Gjennomgått med leverandøren",
    ).row_id
    return ids


def without_the_examples_ros(db_path: Path) -> None:
    """Take the example board's own ROS analyses (risks, their decisions and measures'
    links, information values, data flows, analyses, who runs each link) out of a copy
    of it, as a file edit in a test's set-up: a test then counts exactly what it writes."""
    import sqlite3

    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE items SET risk_id = NULL")
        conn.execute("UPDATE links SET run_by = 'municipality'")
        for table in (
            "risk_decisions WHERE risk_id IS NOT NULL",
            "ros_analyses",
            "ros_risks",
            "info_values",
            "data_flows",
        ):
            conn.execute(f"DELETE FROM {table}")
