"""Risk governance on the command line, end to end on the example board: the risk owner
decides, IT recommends, internal control verifies, governing members set the policy; the
ROS matrix; and confidential details in exports and reports, on the record."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

from cli_support import assert_error, assert_ok, list_json, make_env, short, snapshot, sql

OWNER = "Astrid Myklebust"  # governing, in Helseetaten / Hjemmetjenesten: risk owner
ENGINEER = "Henrik Dahl"  # operational (IT)
CONTROLLER = "Trude Fossum"  # controlling (internal control)
CHAIN = "Medisindispenser"  # its risk owner unit: Helseetaten / Hjemmetjenesten
FIRMWARE = "Rutine for firmwareoppdatering av dispensere"  # likelihood 2 × consequence 5


def _as(tmp_path: Path, name: str, **extra: str) -> dict[str, str]:
    return make_env(tmp_path, KANBAN_SEC_USER=name, **extra)


def _item(demo, title: str) -> dict:
    return next(i for i in demo.items if i["title"] == title)


def _in_verify(demo) -> dict:
    return next(i for i in demo.items if i["status"] == "verify" and i["chain"] == CHAIN)


def test_the_risk_owner_records_an_acceptance(run, demo, demo_db, tmp_path):
    item = _item(demo, FIRMWARE)
    until = date.today() + timedelta(days=20)
    out = assert_ok(
        run(
            "--db",
            demo_db,
            "decide",
            short(item["id"]),
            "accept",
            "--rationale",
            "Ny firmware kommer i januar",
            "--valid-until",
            until.strftime("%d.%m.%Y"),
            env=_as(tmp_path, OWNER),
        )
    )
    assert out == (
        f"decision for {FIRMWARE} ({short(item['id'])}): accept, valid until {until.isoformat()}\n"
    )
    (case,) = [
        c
        for c in json.loads(assert_ok(run("--db", demo_db, "risks", item["id"], "--json")))
        if c["item_id"] == item["id"]
    ]
    assert (
        case["decision"],
        case["decided_by"],
        case["valid_until"],
        case["state"],
        case["rationale"],
    ) == ("accept", OWNER, until.isoformat(), "in_force", "Ny firmware kommer i januar")
    listed = {i["id"]: i for i in list_json(run, demo_db)}[item["id"]]
    assert listed["rank"] is None and listed["explanation"].startswith(
        f"Accepted until {until.isoformat()} by {OWNER}"
    )
    table = assert_ok(run("--db", demo_db, "risks"))
    assert "Valid until" in table and "in force" in table and OWNER in table
    # the standup lists it among the acceptances running out within 30 days
    report = assert_ok(run("--db", demo_db, "standup"))
    section = report.split("## Risk decisions expiring soon", 1)[1].split("\n## ", 1)[0]
    assert f"{short(item['id'])}) | {until.isoformat()} | {OWNER} |" in section


def test_it_recommends_and_only_the_risk_owner_decides(run, demo, demo_db, tmp_path):
    item = _item(demo, FIRMWARE)
    engineer = _as(tmp_path, ENGINEER)
    out = assert_ok(
        run(
            "--db",
            demo_db,
            "recommend",
            item["id"],
            "accept",
            "--note",
            "Lav sannsynlighet",
            env=engineer,
        )
    )
    assert out == f"recommendation for {FIRMWARE} ({short(item['id'])}): accept\n"
    before = snapshot(demo_db)
    refused = run(
        "--db",
        demo_db,
        "decide",
        item["id"],
        "accept",
        "--rationale",
        "ok",
        "--valid-until",
        (date.today() + timedelta(days=10)).isoformat(),
        env=engineer,
    )
    assert_error(
        refused,
        2,
        f"{ENGINEER} (operational) may not decide risk for {CHAIN}",
        "Helseetaten / Hjemmetjenesten",
    )
    chain_refused = run(
        "--db",
        demo_db,
        "decide",
        "--chain",
        CHAIN.lower(),
        "reduce",
        "--rationale",
        "x",
        env=engineer,
    )
    assert_error(chain_refused, 2, "may not decide risk")
    assert snapshot(demo_db) == before
    (case,) = [
        c
        for c in json.loads(assert_ok(run("--db", demo_db, "risks", item["id"], "--json")))
        if c["item_id"] == item["id"]
    ]
    assert (case["recommendation"], case["recommended_by"], case["decision"], case["state"]) == (
        "accept",
        ENGINEER,
        None,
        "pending",
    )
    # the risk owner decides for the whole chain, by its name in any case
    out = assert_ok(
        run(
            "--db",
            demo_db,
            "decide",
            "--chain",
            CHAIN.lower(),
            "reduce",
            "--rationale",
            "Må ned før sommeren",
            env=_as(tmp_path, OWNER),
        )
    )
    assert out == f"decision for chain {CHAIN}: reduce\n"


def test_operational_users_may_not_verify_the_controller_does(run, demo, demo_db, tmp_path):
    item = _in_verify(demo)
    before = snapshot(demo_db)
    refused = run(
        "--db", demo_db, "verify", item["id"], "--evidence", "Sjekket", env=_as(tmp_path, ENGINEER)
    )
    assert_error(refused, 2, f"{ENGINEER} (operational) may not verify", "controlling")
    assert snapshot(demo_db) == before
    out = assert_ok(
        run(
            "--db",
            demo_db,
            "verify",
            short(item["id"]),
            "--evidence",
            "Revisjonsrapport gjennomgått",
            env=_as(tmp_path, CONTROLLER),
        )
    )
    assert out == f"{short(item['id'])} is verified and now in Done\n"
    after = {i["id"]: i for i in list_json(run, demo_db, "--all")}[item["id"]]
    assert after["status"] == "done"
    assert sql(
        demo_db, "SELECT verdict, evidence FROM verifications WHERE item_id = ?", item["id"]
    ) == [("approved", "Revisjonsrapport gjennomgått")]
    # verified once, it is no longer in Verify
    again = run(
        "--db", demo_db, "verify", item["id"], "--evidence", "x", env=_as(tmp_path, CONTROLLER)
    )
    assert_error(again, 2, "only items in Verify can be verified")


def test_the_controller_sends_work_back(run, demo, demo_db, tmp_path):
    item = _in_verify(demo)
    out = assert_ok(
        run(
            "--db",
            demo_db,
            "--lang",
            "nb",
            "reject",
            item["id"],
            "--reason",
            "Mangler logg",
            env=_as(tmp_path, CONTROLLER),
        )
    )
    assert out == f"{short(item['id'])} er sendt tilbake til Pågår\n"
    assert {i["id"]: i for i in list_json(run, demo_db)}[item["id"]]["status"] == "doing"
    assert_error(
        run("--db", demo_db, "reject", item["id"], "--reason", "x", env=_as(tmp_path, ENGINEER)),
        2,
        "may not verify",
    )


def test_a_governing_member_changes_the_policy(run, demo_db, tmp_path):
    shown = assert_ok(run("--db", demo_db, "policy"))
    assert shown.splitlines()[0].startswith("Verification before done is required for:")
    before = snapshot(demo_db)
    assert_error(
        run("--db", demo_db, "policy", "--min-score", "40", env=_as(tmp_path, ENGINEER)),
        2,
        f"{ENGINEER} (operational) may not change the board policy",
        "governing",
    )
    assert snapshot(demo_db) == before
    out = assert_ok(
        run(
            "--db",
            demo_db,
            "policy",
            "--min-score",
            "40",
            "--classifications",
            "internal,konfidensiell",
            env=_as(tmp_path, OWNER),
        )
    )
    assert out.splitlines() == [
        "the board policy is changed",
        "Verification before done is required for: score ≥ 40 or classification "
        "confidential or classification internal",
        "Minimum score: 40",
        "Classifications: internal, confidential",
    ]
    assert dict(sql(demo_db, "SELECT id, value FROM settings WHERE id LIKE 'policy.%'")) == {
        "policy.verify_min_score": "40",
        "policy.verify_classifications": "confidential,internal",
    }
    out = assert_ok(
        run("--db", demo_db, "--lang", "nb", "policy", "--no-score", env=_as(tmp_path, OWNER))
    )
    assert "Minste score: ingen" in out and "Graderinger: intern, konfidensiell" in out


def test_bad_input_is_one_line_and_exit_2(run, demo, demo_db, tmp_path):
    owner = _as(tmp_path, OWNER)
    item = _item(demo, FIRMWARE)
    before = snapshot(demo_db)
    cases = [
        (
            ("decide", item["id"], "accept", "--rationale", "x", "--valid-until", "31.02.2027"),
            "--valid-until",
            "is not a date",
        ),
        (("decide", "accept", "--rationale", "x"), "one item or one whole chain"),
        (
            ("decide", item["id"], "accept", "--chain", CHAIN, "--rationale", "x"),
            "one item or one whole chain",
        ),
        (
            ("decide", "--chain", "Ingen slik kjede", "reduce", "--rationale", "x"),
            "Ingen slik kjede",
        ),
        (("decide", item["id"], "maybe", "--rationale", "x"), "not a risk decision"),
        (("decide", item["id"], "accept", "--rationale", "x"), "valid-until date"),
        (("recommend", "0123abcd", "reduce"), "0123abcd"),
        (("policy", "--classifications", "hemmelig"), "--classifications", "hemmelig"),
        (("policy", "--min-score", "99"), "99"),
    ]
    for args, *needles in cases:
        assert_error(run("--db", demo_db, *args, env=owner), 2, *needles)
    assert snapshot(demo_db) == before
    # argparse's own errors: one line, exit 2
    result = run("--db", demo_db, "policy", "--no-score", "--min-score", "3", env=owner)
    assert result.returncode == 2 and len(result.stderr.splitlines()) == 1


def test_matrix_counts_open_items_per_cell(demo):
    data = json.loads(assert_ok(demo.run("matrix", "--items", "--json")))
    cells = data["cells"]
    assert [(c["likelihood"], c["consequence"]) for c in cells] == [
        (lk, co) for lk in range(5, 0, -1) for co in range(1, 6)
    ]
    expected = Counter((i["likelihood"], i["consequence"]) for i in demo.open_items)
    assert {(c["likelihood"], c["consequence"]): c["open_items"] for c in cells} == {
        (lk, co): expected.get((lk, co), 0) for lk in range(1, 6) for co in range(1, 6)
    }
    accepted = Counter(
        (i["likelihood"], i["consequence"]) for i in demo.open_items if i["rank"] is None
    )
    assert {
        (c["likelihood"], c["consequence"]): c["accepted"] for c in cells if c["accepted"]
    } == dict(accepted)
    # Items nobody has assessed sit in no cell and are counted apart.
    unassessed = sum(
        1 for i in demo.open_items if i["likelihood"] is None or i["consequence"] is None
    )
    assert data["unassessed"] == unassessed > 0
    bands = {(c["likelihood"], c["consequence"]): c["band"] for c in cells}
    assert bands[(5, 5)] == "red" and bands[(1, 1)] == "green" and bands[(2, 5)] == "yellow"
    assert data["likelihood_labels"]["5"] == "Very likely"
    text = assert_ok(demo.run("--lang", "nb", "matrix", "--items"))
    lines = text.splitlines()
    rows = [
        line
        for line in lines
        if line[:2] in ("1 ", "2 ", "3 ", "4 ", "5 ") and "sannsynlig" in line.lower()
    ]
    assert [r.split()[0] for r in rows] == ["5", "4", "3", "2", "1"]
    assert rows[0].startswith("5 Svært sannsynlig") and rows[-1].startswith(
        "1 Svært lite sannsynlig"
    )
    assert rows[0].rstrip().endswith(f"{expected.get((5, 5), 0)} R")
    assert "Konsekvens: K1 Ubetydelig" in text
    assert f"Ikke vurdert ennå (står ikke i noen rute): {unassessed} åpne oppgaver" in text


def test_confidential_details_leave_only_when_asked_and_are_recorded(run, demo, demo_db, tmp_path):
    secret = next(i for i in demo.open_items if i["classification"] == "confidential")
    plain, full = tmp_path / "board.csv", tmp_path / "all.csv"
    assert_ok(run("--db", demo_db, "export", plain))
    assert_ok(run("--db", demo_db, "export", full, "--include-confidential"))
    assert secret["title"] not in plain.read_text(encoding="utf-8-sig")
    assert secret["title"] in full.read_text(encoding="utf-8-sig")
    report, shown = tmp_path / "standup.md", tmp_path / "standup-full.md"
    assert_ok(run("--db", demo_db, "standup", "--since", "2000-01-01", "-o", report))
    assert_ok(
        run(
            "--db",
            demo_db,
            "standup",
            "--since",
            "2000-01-01",
            "-o",
            shown,
            "--include-confidential",
        )
    )
    masked = report.read_text(encoding="utf-8")
    assert secret["title"] not in masked
    assert f"Confidential item …{short(secret['id'])}" in masked
    assert secret["title"].replace("|", "\\|") in shown.read_text(encoding="utf-8")
    recorded = sql(
        demo_db, "SELECT kind, path, confidential, items FROM transfers ORDER BY created_at, id"
    )
    assert [(k, Path(p).name, c) for k, p, c, _ in recorded] == [
        ("export", "board.csv", 0),
        ("export", "all.csv", 1),
        ("report", "standup.md", 0),
        ("report", "standup-full.md", 1),
    ]
    assert recorded[2][3] == recorded[3][3] > 0
    # printing a report with confidential details is on the record too
    out = assert_ok(run("--db", demo_db, "standup", "--include-confidential"))
    assert out.startswith("# Standup report")
    assert sql(
        demo_db,
        "SELECT kind, path, confidential FROM transfers ORDER BY created_at DESC, id DESC LIMIT 1",
    ) == [("report", "-", 1)]


def test_wip_limits_are_printed_and_set_by_a_governing_member(run, demo_db, tmp_path):
    before = snapshot(demo_db)
    assert_error(
        run("--db", demo_db, "wip", "doing", "3", env=_as(tmp_path, ENGINEER)),
        2,
        "may not set WIP limits",
    )
    assert snapshot(demo_db) == before
    assert_error(
        run("--db", demo_db, "wip", "doing", "lots", env=_as(tmp_path, OWNER)),
        2,
        "is not a WIP limit",
    )
    out = assert_ok(run("--db", demo_db, "wip", "Doing", "3", "--hard", env=_as(tmp_path, OWNER)))
    assert "Doing: 3 (hard: refuses)" in out
    out = assert_ok(run("--db", demo_db, "wip", "next", "none", env=_as(tmp_path, OWNER)))
    assert "Next: no limit" in out and "Doing: 3 (hard: refuses)" in out
