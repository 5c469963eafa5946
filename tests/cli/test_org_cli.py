"""The organisation from the command line, under the rulebook: a governing member changes
people, units, chains and links; anyone else is refused with one line, exit 2, and nothing
changes."""

from __future__ import annotations

import json
from pathlib import Path

from cli_support import assert_error, assert_ok, make_env, snapshot

LEAD = "Siri Lunde"  # governing, at the top of the example's organisation
ENGINEER = "Henrik Dahl"  # operational
CONTROLLER = "Trude Fossum"  # controlling
TEAM = "Eksempel kommune / Utviklings- og kompetanseetaten / Plattform / Team Integrasjon"


def _as(tmp_path: Path, name: str) -> dict[str, str]:
    return make_env(tmp_path, KANBAN_SEC_USER=name)


def _people(run, db: Path) -> dict[str, dict[str, str]]:
    return {p["name"]: p for p in json.loads(assert_ok(run("--db", db, "people", "--json")))}


def test_a_governing_member_keeps_the_organisation(run, demo_db, tmp_path):
    lead = _as(tmp_path, LEAD)
    assert_ok(
        run(
            "--db",
            demo_db,
            "person",
            "add",
            "Kari Nordmann",
            "--unit",
            TEAM,
            "--role",
            "operational",
            env=lead,
        )
    )
    assert _people(run, demo_db)["Kari Nordmann"] == {
        "name": "Kari Nordmann",
        "unit": TEAM,
        "role": "operational",
    }
    assert_ok(
        run(
            "--db",
            demo_db,
            "person",
            "set",
            "Kari Nordmann",
            "role=governing",
            "name=Kari N. Nordmann",
            env=lead,
        )
    )
    assert _people(run, demo_db)["Kari N. Nordmann"]["role"] == "governing"
    assert_ok(run("--db", demo_db, "unit", "add", f"{TEAM} / Gruppe API", env=lead))
    assert_ok(
        run(
            "--db",
            demo_db,
            "unit",
            "move",
            f"{TEAM} / Gruppe API",
            "--to",
            "Eksempel kommune / Utviklings- og kompetanseetaten / Plattform",
            env=lead,
        )
    )
    assert_ok(
        run(
            "--db",
            demo_db,
            "chain",
            "add",
            "Skoleportal",
            "--risk-owner",
            "Eksempel kommune / Velferdsetaten",
            "--target",
            "2",
            env=lead,
        )
    )
    assert_ok(
        run(
            "--db",
            demo_db,
            "link",
            "add",
            "Skoleportal",
            "Innlogging",
            "--kind",
            "integrasjon",
            "--country",
            "NO",
            "--maturity",
            "1",
            env=lead,
        )
    )
    assert_ok(
        run(
            "--db",
            demo_db,
            "chain",
            "set",
            "Skoleportal",
            "target=3",
            "risk_owner=Eksempel kommune / Bymiljøetaten",
            env=lead,
        )
    )
    assert_ok(run("--db", demo_db, "person", "remove", "Kari N. Nordmann", env=lead))
    assert "Kari N. Nordmann" not in _people(run, demo_db)


def test_nobody_else_changes_the_organisation(run, demo_db, tmp_path):
    before = snapshot(demo_db)
    for name in (ENGINEER, CONTROLLER):
        who = _as(tmp_path, name)
        for args in (
            ("person", "add", "Kari Nordmann", "--unit", TEAM, "--role", "governing"),
            ("person", "set", LEAD, "role=operational"),
            ("person", "set", ENGINEER, "name=Henrik Sjef"),
            ("person", "remove", CONTROLLER),
            ("unit", "add", "Eksempel kommune / Min egen enhet"),
            ("unit", "move", TEAM, "--to", "Eksempel kommune / Helseetaten"),
            ("chain", "add", "Min tjeneste", "--risk-owner", TEAM),
            ("chain", "set", "Medisindispenser", f"risk_owner={TEAM}"),
            ("chain", "set", "Medisindispenser", "target=1"),
        ):
            assert_error(run("--db", demo_db, *args, env=who), 2, name)
    assert snapshot(demo_db) == before


def test_bad_names_and_fields_are_one_line(run, demo_db, tmp_path):
    lead = _as(tmp_path, LEAD)
    assert_error(
        run("--db", demo_db, "person", "set", "Ingen Slik", "role=governing", env=lead),
        2,
        "Ingen Slik",
    )
    assert_error(run("--db", demo_db, "person", "set", LEAD, "colour=blue", env=lead), 2, "colour")
    assert_error(
        run("--db", demo_db, "chain", "set", "Medisindispenser", "target=high", env=lead), 2
    )
