"""``kanban-sec map``: the chain map as PNG, SVG and Open Threat Model JSON (valid against
the published schema), OTM import into a chain, the round trip, and bad files refused in
one line with nothing written."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from cli_support import assert_error, assert_ok, count_changes, make_env, sql

from kanban_sec.exchange import otm
from kanban_sec.services.ros import RosService
from kanban_sec.services.session import Session
from kanban_sec.store.database import open_database
from tests.ros_board import without_the_examples_ros

CHAIN = "Medisindispenser"
IT = "Henrik Dahl"


@pytest.fixture
def board(demo_db: Path) -> Path:
    """The example board with flows, suppliers' links and risks on the dispenser chain
    (the risks unassessed: an import brings risks in unassessed)."""
    without_the_examples_ros(demo_db)
    db = open_database(demo_db, daily_backup=False)
    try:
        it = RosService(Session(db, IT, "en"))
        it.add_flow(CHAIN, "Dispenser i brukers hjem", "Mobilnett (M2M-SIM)", "dosehendelser")
        it.add_flow(CHAIN, "Mobilnett (M2M-SIM)", "MedRobot skyplattform", "dosehendelser")
        it.add_flow(CHAIN, "MedRobot skyplattform", "EPJ Gerica", "avvik", "via hub")
        it.set_run_by(CHAIN, "MedRobot skyplattform", "supplier")
        it.set_run_by(CHAIN, "SMS-varsling (Textwave Inc.)", "supplier")
        it.add_risk(CHAIN, "Plattform nede", link="MedRobot skyplattform", threat="DDoS")
        it.add_risk(CHAIN, "Leverandør går konkurs", vulnerability="én leverandør")
    finally:
        db.close()
    return demo_db


def test_png_and_svg_are_written(run, board, tmp_path):
    png, svg = tmp_path / "kart.png", tmp_path / "kart.svg"
    said = assert_ok(run("--db", board, "map", CHAIN, "--format", "png", "-o", png))
    assert "kart.png" in said
    assert png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n") and png.stat().st_size > 10_000
    assert_ok(run("--db", board, "map", CHAIN, "--format", "svg", "-o", svg))
    root = ET.parse(svg).getroot()
    assert root.tag.endswith("svg")
    assert "EPJ Gerica" in svg.read_text(encoding="utf-8")


def test_otm_export_follows_the_schema_and_says_the_chain(run, board, tmp_path):
    path = tmp_path / "kart.otm.json"
    assert_ok(run("--db", board, "map", CHAIN, "--format", "otm", "-o", path))
    document = json.loads(path.read_text(encoding="utf-8"))
    from jsonschema import Draft7Validator

    Draft7Validator(otm.schema()).validate(document)  # the published schema, independently
    assert document["project"]["name"] == CHAIN
    zones = {z["id"] for z in document["trustZones"]}
    assert zones == {"municipality", "supplier"}
    components = {c["name"]: c for c in document["components"]}
    assert len(components) == 10  # the example dispenser chain's links
    platform = components["MedRobot skyplattform"]
    assert platform["parent"] == {"trustZone": "supplier"}
    assert platform["attributes"]["country"] == "IE"
    assert [t["threat"] for t in platform["threats"]] == ["risk-plattform-nede"]
    flows = {f["attributes"]["number"]: f for f in document["dataflows"]}
    assert flows[3]["name"] == "avvik"
    assert flows[3]["source"] == platform["id"]
    assert flows[3]["destination"] == components["EPJ Gerica"]["id"]
    threats = {t["name"]: t for t in document["threats"]}
    assert threats["Plattform nede"]["risk"] == {
        "likelihood": None,
        "likelihoodComment": "",
        "impact": 0,
        "impactComment": "",
    }


def test_export_import_export_gives_the_same_otm(run, board, tmp_path):
    first = tmp_path / "first.json"
    assert_ok(run("--db", board, "map", CHAIN, "--format", "otm", "-o", first))
    empty = tmp_path / "empty.sqlite"
    said = assert_ok(run("--db", empty, "map", "import", first))
    assert "10 links, 3 data flows and 2 risks (2 new, unassessed)" in said
    second = tmp_path / "second.json"
    assert_ok(run("--db", empty, "map", CHAIN, "--format", "otm", "-o", second))
    assert json.loads(second.read_text("utf-8")) == json.loads(first.read_text("utf-8"))
    # Importing the same file again changes nothing.
    before = count_changes(empty)
    assert_ok(run("--db", empty, "map", "import", first))
    assert count_changes(empty) == before


def test_import_into_a_named_chain_updates_links_and_flows(run, board, tmp_path):
    exported = tmp_path / "map.json"
    assert_ok(run("--db", board, "map", CHAIN, "--format", "otm", "-o", exported))
    document = json.loads(exported.read_text("utf-8"))
    document["dataflows"][0]["name"] = "dosehendelser (kryptert)"
    document["components"][0]["attributes"]["country"] = "SE"
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(document), encoding="utf-8")
    env = make_env(tmp_path, KANBAN_SEC_USER=IT)
    assert_ok(run("--db", board, "map", "import", changed, "--chain", CHAIN, env=env))
    assert sql(board, "SELECT data FROM data_flows WHERE number = 1") == [
        ("dosehendelser (kryptert)",)
    ]
    first_link = document["components"][0]["name"]
    assert sql(board, "SELECT country FROM links WHERE name = ?", first_link) == [("SE",)]
    assert sql(board, "SELECT count(*) FROM ros_risks") == [(2,)]  # matched, not doubled


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda d: d["project"].pop("id"), "$.project"),
        (lambda d: d["components"][2].pop("parent"), "$.components[2]"),
        (lambda d: d["dataflows"][1].__setitem__("source", 7), "$.dataflows[1].source"),
        (lambda d: d["threats"][0]["risk"].__setitem__("impact", "high"), "$.threats[0].risk"),
    ],
)
def test_a_file_breaking_the_schema_is_refused_in_one_line(run, board, tmp_path, change, where):
    exported = tmp_path / "map.json"
    assert_ok(run("--db", board, "map", CHAIN, "--format", "otm", "-o", exported))
    document = json.loads(exported.read_text("utf-8"))
    change(document)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document), encoding="utf-8")
    empty = tmp_path / "empty.sqlite"
    result = run("--db", empty, "map", "import", bad)
    message = assert_error(result, 2, "Open Threat Model", where, "nothing was changed")
    assert len(message.strip().splitlines()) == 1
    assert sql(empty, "SELECT count(*) FROM chains") == [(0,)]
    assert sql(empty, "SELECT count(*) FROM links") == [(0,)]


def test_not_json_and_unknown_references_are_refused(run, board, tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('{"otmVersion": "0.2.0",', encoding="utf-8")
    assert_error(run("--db", board, "map", "import", broken), 2, "is not JSON", "line 1")
    exported = tmp_path / "map.json"
    assert_ok(run("--db", board, "map", CHAIN, "--format", "otm", "-o", exported))
    document = json.loads(exported.read_text("utf-8"))
    document["dataflows"][0]["destination"] = "link-nowhere"
    dangling = tmp_path / "dangling.json"
    dangling.write_text(json.dumps(document), encoding="utf-8")
    before = count_changes(board)
    assert_error(run("--db", board, "map", "import", dangling), 2, "link-nowhere")
    assert count_changes(board) == before


def test_an_import_the_rulebook_refuses_writes_nothing(run, board, tmp_path):
    """A controlling member may not add links: the whole import is refused, nothing half."""
    exported = tmp_path / "map.json"
    assert_ok(run("--db", board, "map", CHAIN, "--format", "otm", "-o", exported))
    document = json.loads(exported.read_text("utf-8"))
    document["components"].append(
        {"id": "link-new", "name": "Nytt ledd", "type": "sky", "parent": {"trustZone": "supplier"}}
    )
    document["dataflows"][0]["name"] = "endret"
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(document), encoding="utf-8")
    before = count_changes(board)
    env = make_env(tmp_path, KANBAN_SEC_USER="Trude Fossum")  # controlling
    result = run("--db", board, "map", "import", changed, env=env)
    assert result.returncode == 2, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert count_changes(board) == before


def test_map_needs_an_output_file_and_a_known_chain(run, board):
    assert_error(run("--db", board, "map", CHAIN, "--format", "svg"), 2, "-o FILE")
    assert_error(run("--db", board, "map", "Ingen slik kjede", "-o", "x.png"), 2)
