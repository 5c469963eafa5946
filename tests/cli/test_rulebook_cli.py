"""The rulebook through the command line, as each role on the example board: every
refusal is exit 2 with one line saying why, and nothing is changed."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from cli_support import (
    assert_error,
    assert_import_problems,
    assert_ok,
    list_json,
    make_env,
    short,
    snapshot,
    sql,
)

OWNER = "Astrid Myklebust"  # governing, Helseetaten / Hjemmetjenesten: decides for the chain
NURSE = "Per Inge Rønning"  # operational, in a team under the risk-owner unit
OTHER_LEAD = "Camilla Berg"  # governing, but of the TT service's unit
ENGINEER = "Henrik Dahl"  # operational (IT)
CONTROLLER = "Trude Fossum"  # controlling
CHAIN = "Medisindispenser"
FIRMWARE = "Rutine for firmwareoppdatering av dispensere"  # L2 × C5, backlog
UNTIL = (date.today() + timedelta(days=30)).isoformat()


def _as(tmp_path: Path, name: str) -> dict[str, str]:
    return make_env(tmp_path, KANBAN_SEC_USER=name)


def _weighty(run, db: Path, tmp_path: Path) -> str:
    """A new item in Doing that the default policy wants verified (score ≥ 30)."""
    out = assert_ok(
        run(
            "--db",
            db,
            "add",
            "Herd the dispenser hub",
            "--chain",
            CHAIN,
            "--link",
            "Dispenser i brukers hjem",
            "--likelihood",
            "4",
            "--consequence",
            "4",
            "--status",
            "doing",
            env=_as(tmp_path, ENGINEER),
        ),
        quiet=False,
    )  # Doing is over its limit
    item = next(i for i in list_json(run, db) if i["title"] == "Herd the dispenser hub")
    assert item["score"] >= 30, (item, out)
    return item["id"]


def test_work_that_needs_verification_does_not_skip_verify(run, demo_db, tmp_path):
    item_id = _weighty(run, demo_db, tmp_path)
    before = snapshot(demo_db)
    for who in (ENGINEER, OWNER):
        for args in (("move", short(item_id), "done"), ("set", short(item_id), "status=done")):
            assert_error(
                run("--db", demo_db, *args, env=_as(tmp_path, who)),
                2,
                "must be verified by a controlling member",
            )
    assert snapshot(demo_db) == before
    assert_ok(
        run("--db", demo_db, "move", short(item_id), "verify", env=_as(tmp_path, ENGINEER)),
        quiet=False,
    )
    assert_error(
        run("--db", demo_db, "move", short(item_id), "done", env=_as(tmp_path, ENGINEER)),
        2,
        "controlling member",
    )
    assert_ok(
        run(
            "--db",
            demo_db,
            "verify",
            short(item_id),
            "--evidence",
            "Sjekket i dag",
            env=_as(tmp_path, CONTROLLER),
        )
    )


def test_a_blocked_item_is_not_done(run, demo, demo_db, tmp_path):
    item = next(
        i
        for i in demo.open_items
        if i["score"] < 30
        and i["title"] != FIRMWARE
        and i["chain"] == CHAIN
        and i["status"] == "backlog"
    )
    engineer = _as(tmp_path, ENGINEER)
    assert_ok(
        run(
            "--db",
            demo_db,
            "set",
            short(item["id"]),
            "blocked_reason=Venter på MedRobot",
            env=engineer,
        )
    )
    before = snapshot(demo_db)
    assert_error(
        run("--db", demo_db, "move", short(item["id"]), "done", env=engineer),
        2,
        "is blocked (Venter på MedRobot)",
    )
    assert snapshot(demo_db) == before


def test_only_a_governing_member_of_the_risk_owner_unit_accepts(run, demo, demo_db, tmp_path):
    item = next(i for i in demo.items if i["title"] == FIRMWARE)
    args = (
        "--db",
        demo_db,
        "decide",
        short(item["id"]),
        "accept",
        "--rationale",
        "Ny firmware i januar",
        "--valid-until",
        UNTIL,
    )
    before = snapshot(demo_db)
    assert_error(run(*args, env=_as(tmp_path, NURSE)), 2, NURSE, "Hjemmetjenesten")
    assert_error(run(*args, env=_as(tmp_path, OTHER_LEAD)), 2, OTHER_LEAD)
    assert_error(run(*args, env=_as(tmp_path, CONTROLLER)), 2, CONTROLLER)
    assert snapshot(demo_db) == before
    assert_ok(run(*args, env=_as(tmp_path, OWNER)))


def test_changing_what_was_accepted_puts_the_item_back_in_the_ranking(run, demo, demo_db, tmp_path):
    item = next(i for i in demo.items if i["title"] == FIRMWARE)
    assert_ok(
        run(
            "--db",
            demo_db,
            "decide",
            short(item["id"]),
            "accept",
            "--rationale",
            "Ny firmware i januar",
            "--valid-until",
            UNTIL,
            env=_as(tmp_path, OWNER),
        )
    )
    accepted = next(i for i in list_json(run, demo_db) if i["id"] == item["id"])
    assert accepted["rank"] is None
    assert_ok(
        run("--db", demo_db, "set", short(item["id"]), "likelihood=3", env=_as(tmp_path, ENGINEER))
    )
    again = next(i for i in list_json(run, demo_db) if i["id"] == item["id"])
    assert again["rank"] is not None
    assert again["explanation"].startswith(f"Acceptance void: {ENGINEER} changed likelihood 2→3 · ")


def test_nobody_becomes_risk_owner_by_moving_an_item_or_importing_a_chain(
    run, demo, demo_db, tmp_path
):
    item = next(i for i in demo.items if i["title"] == FIRMWARE)
    engineer = _as(tmp_path, ENGINEER)
    before = snapshot(demo_db)
    assert_error(
        run("--db", demo_db, "set", short(item["id"]), "chain=TT-kort søknad", env=engineer),
        2,
        "risk ownership stays with the service",
    )
    source = tmp_path / "mine.csv"
    source.write_bytes(
        (
            "title,chain,link,risk_owner\r\n"
            "Min egen risiko,Min tjeneste,Min server,"
            "Eksempel kommune / Utviklings- og kompetanseetaten / Plattform / "
            "Team Integrasjon\r\n"
        ).encode("utf-8-sig")
    )
    lines = assert_import_problems(run("--db", demo_db, "import", source, env=engineer), (2, ""))
    assert any("governing" in line for line in lines), lines
    assert snapshot(demo_db) == before


def test_governed_settings_are_the_governing_members(run, demo_db, tmp_path):
    engineer = _as(tmp_path, ENGINEER)
    before = snapshot(demo_db)
    assert_error(run("--db", demo_db, "policy", "--no-score", env=engineer), 2, "governing")
    assert_error(run("--db", demo_db, "wip", "doing", "2", env=engineer), 2, "governing")
    assert_error(run("--db", demo_db, "verify", "ffffffff", "--evidence", "x", env=engineer), 2)
    assert snapshot(demo_db) == before


def test_the_example_board_is_recorded_by_its_lead(demo):
    # Everything in it passed the rulebook as its governing member at the top, who can
    # push it to a sync server: decisions in her name, others' words quoted.
    risks = json.loads(assert_ok(demo.run("risks", "--json")))
    deciders = {c["decided_by"] for c in risks if c.get("decided_by")}
    assert deciders == {"Siri Lunde"}


def test_whoami_says_who_acts_and_as_sets_it(run, demo, tmp_path):
    out = assert_ok(run("--db", demo.path, "whoami", env=_as(tmp_path, ENGINEER)))
    assert out == (
        f"{ENGINEER} (operational), Eksempel kommune / Utviklings- og "
        "kompetanseetaten / Plattform / Team Integrasjon\n"
    )
    out = assert_ok(run("--db", demo.path, "--as", OWNER, "whoami", env=_as(tmp_path, ENGINEER)))
    assert out.startswith(f"{OWNER} (governing), Eksempel kommune / Helseetaten")
    out = assert_ok(run("--db", demo.path, "--lang", "nb", "--as", "Ukjent Person", "whoami"))
    assert out.startswith("«Ukjent Person» (ikke i organisasjonen")


def test_as_acts_as_that_person_under_the_rulebook(run, demo_db, tmp_path):
    before = snapshot(demo_db)
    assert_error(run("--db", demo_db, "--as", ENGINEER, "policy", "--no-score"), 2, "governing")
    assert snapshot(demo_db) == before
    assert_ok(run("--db", demo_db, "--as", OWNER, "policy", "--no-score"))


def test_an_export_says_what_it_left_out(run, demo, tmp_path):
    ((confidential,),) = sql(
        demo.path,
        "SELECT count(*) FROM items WHERE classification ="
        " 'confidential' AND status != 'done' AND deleted_at IS NULL",
    )
    assert confidential > 0  # the example has some
    out = assert_ok(run("--db", demo.path, "export", tmp_path / "out.csv"))
    assert out.splitlines()[1] == (
        f"{confidential} confidential items not included (--include-confidential includes them)"
    )
    full = assert_ok(
        run("--db", demo.path, "export", tmp_path / "all.csv", "--include-confidential")
    )
    assert len(full.splitlines()) == 1
    piped = run("--db", demo.path, "export", "-")
    assert (
        piped.stdout.startswith("\ufeffid,") and "confidential items not included" in piped.stderr
    )
