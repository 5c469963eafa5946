"""ROS analysis on the command line, end to end on a copy of the example board: IT estimates
likelihood, the business (the chain's risk-owner unit) judges consequence and values the
information, the risk owner decides; the register and the matrix of risks against the
database read directly; measures on the board; data flows; analyses; the scales' words."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from cli_support import (
    DemoBoard,
    assert_error,
    assert_ok,
    list_json,
    make_env,
    run_cli,
    short,
    show_fields,
    snapshot,
    sql,
)

from tests.ros_board import without_the_examples_ros

ENGINEER = "Henrik Dahl"  # operational, in IT (Plattform / Team Integrasjon)
BUSINESS = "Per Inge Rønning"  # operational, in Hjemmetjenesten / Team Velferdsteknologi
OWNER = "Astrid Myklebust"  # governing, Hjemmetjenesten: the dispenser's risk owner
OUTSIDER = "Ingrid Haugland"  # governing, but in IT security: not the risk owner
CONTROLLER = "Trude Fossum"  # controlling (internal control)
LEAD = "Siri Lunde"  # governing at the top of the organisation
CHAIN = "Medisindispenser"  # risk-owner unit: Eksempel kommune / Helseetaten / Hjemmetjenesten
TT = "TT-kort søknad"  # another chain, another risk owner
CLOUD, SMS, DISPENSER = (
    "MedRobot skyplattform",
    "SMS-varsling (Textwave Inc.)",
    "Dispenser i brukers hjem",
)

#: What `ros list --json` gives for every risk, exactly.
RISK_KEYS = {
    "id",
    "chain",
    "link",
    "title",
    "threat",
    "vulnerability",
    "existing_measures",
    "values",
    "likelihood",
    "consequence",
    "likelihood_by",
    "likelihood_at",
    "likelihood_knowledge",
    "likelihood_note",
    "consequence_by",
    "consequence_at",
    "consequence_knowledge",
    "consequence_note",
    "inherent",
    "current",
    "target",
    "band",
    "inherent_band",
    "treatment",
    "decided_by",
    "decided_at",
    "rationale",
    "valid_until",
    "stale",
    "expired",
    "reassess",
    "measures",
}


class Board:
    """A board file with risks in every state, and its people's environments."""

    def __init__(self, path: Path, home: Path) -> None:
        self.path, self.home = path, home
        self.risks: dict[str, str] = {}  # letter → id
        self.measure = ""

    def env(self, person: str | None = None, **extra: str) -> dict[str, str]:
        return make_env(self.home, **({"KANBAN_SEC_USER": person} if person else {}), **extra)

    def run(self, *args: str, person: str | None = None, **extra: str) -> Any:
        return run_cli(
            ("--db", str(self.path), *args), env=self.env(person, **extra), cwd=self.home
        )

    def ok(self, *args: str, person: str | None = None) -> str:
        return assert_ok(self.run(*args, person=person))

    def listed(self, *args: str) -> list[dict[str, Any]]:
        return json.loads(self.ok("ros", "list", "--json", *args))


def _build(board: Board) -> None:
    """A: red (L4 × C5); B: green, accepted; C: waiting for the business's consequence;
    D: another chain, unassessed; E: yellow, reduced with a target, its measure done."""
    out = board.ok(
        "ros",
        "value",
        CHAIN,
        "helseopplysninger",
        "--confidentiality",
        "5",
        "--integrity",
        "4",
        "--availability",
        "3",
        "--notes",
        "art. 9",
        person=BUSINESS,
    )
    assert out == "information value “helseopplysninger”: C5 I4 A3\n"
    specs = {
        "A": (CHAIN, "Uautorisert tilgang via supportkonto", CLOUD),
        "B": (CHAIN, "Helseopplysninger i SMS-varsel", SMS),
        "C": (CHAIN, "Dispenser uten sikkerhetsoppdateringer", DISPENSER),
        "D": (TT, "Skadevare i vedlegg", "Skjemaplattform"),
        "E": (CHAIN, "Feil dose etter synkroniseringsfeil", CLOUD),
    }
    for letter, (chain, title, link) in specs.items():
        extra = ("--value", "helseopplysninger") if letter == "A" else ()
        out = board.ok(
            "ros",
            "add",
            chain,
            title,
            "--link",
            link,
            "--threat",
            "angriper",
            "--vulnerability",
            "svak kontroll",
            *extra,
            person=ENGINEER,
        )
        assert out.count("\n") == 1 and len(out.strip()) == 36  # the full id, alone
        board.risks[letter] = out.strip()
    a, b, c, e = (board.risks[k] for k in "ABCE")
    # IT estimates likelihood, the business judges consequence: both pass
    board.ok(
        "ros",
        "likelihood",
        a,
        "4",
        "--note",
        "delt konto",
        "--knowledge",
        "middels",
        person=ENGINEER,
    )
    out = board.ok("ros", "consequence", short(a), "5", "--knowledge", "high", person=BUSINESS)
    assert out.endswith("now L4 × C5 = 20, not acceptable\n"), out
    board.ok("ros", "likelihood", b, "2", person=ENGINEER)
    board.ok("ros", "consequence", b, "2", person=BUSINESS)
    board.ok("ros", "likelihood", c, "3", person=ENGINEER)
    board.ok("ros", "likelihood", e, "2", person=ENGINEER)
    board.ok("ros", "consequence", e, "3", person=BUSINESS)
    until = (date.today() + timedelta(days=60)).isoformat()
    board.ok(
        "decide",
        "--risk",
        b,
        "accept",
        "--rationale",
        "Bare fornavn",
        "--until",
        until,
        person=OWNER,
    )
    out = board.ok(
        "decide",
        "--risk",
        "Feil dose etter synkroniseringsfeil",
        "reduce",
        "--rationale",
        "Tiltak først",
        "--target",
        "1,3",
        person=OWNER,
    )
    subject = f"Feil dose etter synkroniseringsfeil ({short(e)})"
    assert out == f"decision for {subject}: reduce · target L1 × C3\n"
    board.measure = board.ok(
        "add", "Varsle ved synkroniseringsfeil", "--risk", short(e), person=ENGINEER
    ).strip()
    board.ok("move", board.measure, "done", person=ENGINEER)
    board.ok(
        "flow",
        "add",
        CHAIN,
        "--from",
        DISPENSER,
        "--to",
        CLOUD,
        "--data",
        "Doseringshendelser",
        person=ENGINEER,
    )
    board.ok("link", "run-by", CHAIN, SMS, "supplier", person=ENGINEER)


@pytest.fixture(scope="module")
def board(demo: DemoBoard, tmp_path_factory: pytest.TempPathFactory) -> Board:
    """The example board with risks in every state (shared: tests on it only read, or
    are refused and write nothing)."""
    home = tmp_path_factory.mktemp("ros")
    built = Board(demo.copy_to(home), home)
    without_the_examples_ros(built.path)  # these tests count exactly the risks they write
    _build(built)
    return built


@pytest.fixture
def own(board: Board, tmp_path: Path) -> Board:
    """A private copy of the board, for a test that writes."""
    from cli_support import copy_db

    copy = Board(copy_db(board.path, tmp_path / "own.sqlite"), tmp_path)
    copy.risks, copy.measure = dict(board.risks), board.measure
    return copy


# -- the register ---------------------------------------------------------------------------


def test_ros_list_json_matches_the_database(board: Board):
    listed = board.listed()
    assert all(set(r) == RISK_KEYS for r in listed)
    rows = sql(
        board.path,
        "SELECT r.id, r.title, c.name, l.name, r.likelihood, r.consequence,"
        " r.inherent_likelihood, r.inherent_consequence, pl.name, pc.name,"
        " r.likelihood_knowledge, r.consequence_knowledge, r.target_likelihood,"
        " r.target_consequence"
        " FROM ros_risks r JOIN chains c ON c.id = r.chain_id"
        " LEFT JOIN links l ON l.id = r.link_id"
        " LEFT JOIN people pl ON pl.id = r.likelihood_by"
        " LEFT JOIN people pc ON pc.id = r.consequence_by"
        " WHERE r.deleted_at IS NULL",
    )
    assert len(listed) == len(rows) == 5
    by_id = {r["id"]: r for r in listed}
    for rid, title, chain, link, lk, co, ilk, ico, lby, cby, lkn, ckn, tlk, tco in rows:
        got = by_id[rid]
        assert (got["title"], got["chain"], got["link"]) == (title, chain, link)
        assert (got["likelihood"], got["consequence"]) == (lk, co)
        assert got["current"] == {"likelihood": lk, "consequence": co}
        assert got["inherent"] == {"likelihood": ilk, "consequence": ico}
        assert (got["likelihood_by"], got["consequence_by"]) == (lby, cby)
        assert (got["likelihood_knowledge"], got["consequence_knowledge"]) == (lkn, ckn)
        want_target = {"likelihood": tlk, "consequence": tco} if tlk is not None else None
        assert got["target"] == want_target
    measures = Counter(
        r[0]
        for r in sql(
            board.path, "SELECT risk_id FROM items WHERE risk_id IS NOT NULL AND deleted_at IS NULL"
        )
    )
    assert {r["id"]: len(r["measures"]) for r in listed if r["measures"]} == dict(measures)
    decided = dict(
        sql(
            board.path,
            "SELECT d.risk_id, d.decision FROM risk_decisions d"
            " WHERE d.risk_id IS NOT NULL AND d.deleted_at IS NULL",
        )
    )
    assert {r["id"]: r["treatment"] for r in listed if r["treatment"]} == decided
    # worst first: the red risk leads, the unassessed ones come last
    assert listed[0]["id"] == board.risks["A"] and listed[0]["band"] == "red"
    assert {r["id"] for r in listed[-2:]} == {board.risks["C"], board.risks["D"]}


def test_ros_list_json_says_who_assessed_and_decided(board: Board):
    risks = {r["id"]: r for r in board.listed()}
    a, b, e = (risks[board.risks[k]] for k in "ABE")
    assert (a["likelihood_by"], a["consequence_by"]) == (ENGINEER, BUSINESS)
    assert (a["likelihood_knowledge"], a["likelihood_note"]) == ("medium", "delt konto")
    assert a["likelihood_at"] and a["consequence_at"]
    assert a["values"] == [
        {"name": "helseopplysninger", "confidentiality": 5, "integrity": 4, "availability": 3}
    ]
    assert (b["treatment"], b["decided_by"], b["band"]) == ("accept", OWNER, "green")
    assert b["valid_until"] == (date.today() + timedelta(days=60)).isoformat()
    assert (e["treatment"], e["target"], e["reassess"]) == (
        "reduce",
        {"likelihood": 1, "consequence": 3},
        True,
    )
    assert e["measures"] == [
        {"id": board.measure, "title": "Varsle ved synkroniseringsfeil", "status": "done"}
    ]


def test_ros_list_filters(board: Board):
    ids = board.risks

    def listed(*args: str) -> set[str]:
        return {r["id"] for r in board.listed(*args)}

    assert listed("--band", "red") == {ids["A"]}
    assert listed("--band", "grønn") == {ids["B"]}
    assert listed("--treatment", "accept") == {ids["B"]}
    assert listed("--treatment", "none") == {ids["A"], ids["C"], ids["D"]}
    assert listed("--unassessed") == {ids["C"], ids["D"]}
    assert listed("--reassess") == {ids["E"]}
    assert listed("--link", SMS) == {ids["B"]}
    assert listed(TT) == {ids["D"]}
    assert listed(CHAIN, "--link", CLOUD) == {ids["A"], ids["E"]}
    assert_error(board.run("ros", "list", "--band", "purple"), 2, "purple")
    assert_error(board.run("ros", "list", "--treatment", "ignore"), 2, "ignore")


def test_ros_list_table_and_show(board: Board):
    text = board.ok("ros", "list")
    lines = text.splitlines()
    assert lines[0].split()[:4] == ["id", "L", "×", "C"]
    assert lines[1].startswith(short(board.risks["A"]) + "  L4 × C5  not acceptable")
    assert f"{ENGINEER} / {BUSINESS}" in lines[1]
    assert any("accept until" in line for line in lines)
    shown = board.ok("ros", "show", "Feil dose etter synkroniseringsfeil")
    assert "target risk        L1 × C3" in shown
    assert "\nMeasures\n" in shown and "Varsle ved synkroniseringsfeil" in shown
    assert f"{OWNER}: reduce (L2 × C3)" in shown and "Tiltak først" in shown
    data = json.loads(board.ok("ros", "show", board.risks["B"], "--json"))
    assert set(data) == RISK_KEYS | {"decisions"}
    (decision,) = data["decisions"]
    assert (decision["decision"], decision["decided_by"], decision["rationale"]) == (
        "accept",
        OWNER,
        "Bare fornavn",
    )
    assert (decision["likelihood"], decision["consequence"]) == (2, 2)


def test_a_risk_is_found_by_id_short_key_or_title(board: Board):
    rid = board.risks["C"]
    for reference in (rid, rid[-12:], short(rid), "dispenser uten SIKKERHETSOPPDATERINGER"):
        assert json.loads(board.ok("ros", "show", reference, "--json"))["id"] == rid
    # ids made the same minute start alike: a start they share names no one risk
    assert_error(board.run("ros", "show", rid[:8]), 2, "matches several ROS risks")
    assert_error(board.run("ros", "show", "ingen slik risiko"), 2, "no ROS risk")


# -- the matrix -----------------------------------------------------------------------------


def test_matrix_counts_risks_against_the_database(board: Board):
    data = json.loads(board.ok("matrix", "--json"))
    rows = sql(
        board.path,
        "SELECT likelihood, consequence, inherent_likelihood, inherent_consequence"
        " FROM ros_risks WHERE deleted_at IS NULL",
    )
    now = Counter((lk, co) for lk, co, _, _ in rows if lk is not None and co is not None)
    first = Counter((lk, co) for _, _, lk, co in rows if lk is not None and co is not None)
    cells = {(c["likelihood"], c["consequence"]): c for c in data["cells"]}
    assert len(cells) == 25
    assert {k: c["risks"] for k, c in cells.items() if c["risks"]} == dict(now)
    assert {k: c["inherent"] for k, c in cells.items() if c["inherent"]} == dict(first)
    assert data["unassessed"] == sum(1 for lk, co, _, _ in rows if lk is None or co is None) == 2
    assert cells[(4, 5)]["risk_ids"] == [board.risks["A"]]
    assert cells[(4, 5)]["band"] == "red" and data["likelihood_labels"]["5"] == "Almost certain"
    text = board.ok("matrix")
    row4 = next(line for line in text.splitlines() if line.startswith("4 Very likely"))
    assert row4.split()[-3:] == ["1", "(1)", "R"]
    assert "Not assessed yet (in no cell): 2 ROS risks" in text
    # per chain: only its risks
    tt = json.loads(board.ok("matrix", "--chain", TT, "--json"))
    assert sum(c["risks"] for c in tt["cells"]) == 0 and tt["unassessed"] == 1
    assert_error(board.run("matrix", "--items", "--chain", TT), 2, "--chain")


def test_matrix_items_keeps_counting_items(board: Board):
    data = json.loads(board.ok("matrix", "--items", "--json"))
    assert "open_items" in data["cells"][0] and "risks" not in data["cells"][0]
    assert board.ok("matrix", "--items").startswith("ROS matrix: open items per likelihood")


# -- the rules, per role --------------------------------------------------------------------


def test_each_role_rule_refuses_with_one_line_and_writes_nothing(board: Board):
    a, b, c = board.risks["A"], board.risks["B"], board.risks["C"]
    until = (date.today() + timedelta(days=30)).isoformat()
    before = snapshot(board.path)
    cases = [
        # IT judges no consequence: the line names the risk-owner unit
        (
            ENGINEER,
            ("ros", "consequence", c, "3"),
            ("may not judge consequence", "Hjemmetjenesten"),
        ),
        (
            ENGINEER,
            ("ros", "value", CHAIN, "adresse", "--confidentiality", "3"),
            ("Hjemmetjenesten",),
        ),
        # internal control reads everything and sets nothing
        (CONTROLLER, ("ros", "likelihood", c, "3"), ("Trude Fossum (controlling)",)),
        (CONTROLLER, ("ros", "consequence", c, "3"), ("Trude Fossum",)),
        (CONTROLLER, ("ros", "value", CHAIN, "adresse", "--integrity", "2"), ("Trude Fossum",)),
        (CONTROLLER, ("ros", "add", CHAIN, "Ny risiko"), ("may not create a ROS risk",)),
        (
            CONTROLLER,
            ("flow", "add", CHAIN, "--from", CLOUD, "--to", SMS, "--data", "x"),
            ("data flow",),
        ),
        (CONTROLLER, ("decide", "--risk", c, "reduce", "--rationale", "x"), ("may not decide",)),
        # only a governing member of the risk-owner unit (or above) decides
        (
            BUSINESS,
            ("decide", "--risk", a, "reduce", "--rationale", "x"),
            ("(operational) may not decide",),
        ),
        (OUTSIDER, ("decide", "--risk", a, "reduce", "--rationale", "x"), ("Hjemmetjenesten",)),
        # nobody accepts a red risk or one not assessed
        (
            OWNER,
            ("decide", "--risk", a, "accept", "--rationale", "x", "--until", until),
            ("red band",),
        ),
        (
            OWNER,
            ("decide", "--risk", c, "accept", "--rationale", "x", "--until", until),
            ("cannot be accepted",),
        ),
        (OWNER, ("decide", "--risk", b, "accept", "--rationale", "x"), ("valid",)),
        # the scales' words are governed
        (ENGINEER, ("ros", "scale", "likelihood", "a|b|c|d|e"), ("governing",)),
    ]
    for person, args, needles in cases:
        assert_error(board.run(*args, person=person), 2, *needles)
    assert snapshot(board.path) == before


def test_it_and_governing_members_estimate_likelihood(own: Board):
    d = own.risks["D"]
    out = own.ok("ros", "likelihood", d, "3", person=ENGINEER)
    assert out.endswith("likelihood 3 (Likely); now L3 × C?, not assessed\n")
    own.ok("ros", "likelihood", d, "2", person=OWNER)  # governing, even of another unit
    (row,) = sql(
        own.path,
        "SELECT r.likelihood, p.name FROM ros_risks r JOIN people p ON p.id = r.likelihood_by"
        " WHERE r.id = ?",
        d,
    )
    assert row == (2, OWNER)
    # the TT service's own business judges its consequence; the dispenser's does not
    assert_error(own.run("ros", "consequence", d, "3", person=BUSINESS), 2, "TT-tjenesten")
    # a value off the scale: the message names the scale, in the user's language
    line = assert_error(own.run("ros", "likelihood", d, "9", person=ENGINEER), 2)
    assert line.startswith("kanban-sec: likelihood: "), line
    line = assert_error(own.run("--lang", "nb", "ros", "likelihood", d, "9", person=ENGINEER), 2)
    assert line.startswith("kanban-sec: sannsynlighet: "), line


def test_refusals_in_norwegian(board: Board):
    line = assert_error(
        board.run("--lang", "nb", "ros", "consequence", board.risks["C"], "4", person=ENGINEER), 2
    )
    assert "kan ikke vurdere konsekvens" in line and "Hjemmetjenesten" in line
    text = board.ok("--lang", "nb", "ros", "list")
    assert text.splitlines()[0].split()[:4] == ["id", "S", "×", "K"]
    assert "uakseptabel" in text and "akseptere til" in text
    assert "ROS-risikoer i sin nåværende rute" in board.ok("--lang", "nb", "matrix")


# -- measures on the board ------------------------------------------------------------------


def test_an_item_becomes_a_measure_and_leaves_it(own: Board):
    a = own.risks["A"]
    other = own.ok("add", "Tilgangsstyring i TT", "--chain", TT, person=ENGINEER).strip()
    # a measure moves into its risk's chain: out of another risk owner's chain only by them
    assert_error(
        own.run("set", short(other), f"risk={short(a)}", person=ENGINEER), 2, "risk ownership"
    )
    item = own.ok("add", "Personlige supportkontoer", "--likelihood", "1", person=ENGINEER)
    item = item.strip()
    run = lambda *args: own.run(*args)  # noqa: E731
    assert_ok(own.run("set", short(item), f"risk={short(a)}", person=ENGINEER))
    listed = {i["id"]: i for i in list_json(run, own.path)}[item]
    assert (listed["chain"], listed["link"]) == (CHAIN, CLOUD)  # into the risk's chain and link
    assert (listed["likelihood"], listed["consequence"]) == (4, 5)  # the risk's L × C
    assert listed["risk"] == {"id": a, "title": "Uautorisert tilgang via supportkonto"}
    fields = show_fields(own.ok("show", short(item)))
    assert fields["risk"] == f"Uautorisert tilgang via supportkonto ({short(a)})"
    # a measure stays in its risk's chain
    assert_error(own.run("set", short(item), f"chain={TT}", person=ENGINEER), 2, "a measure lies")
    # off the risk again: its own likelihood comes back
    assert_ok(own.run("set", short(item), "risk=", person=ENGINEER))
    listed = {i["id"]: i for i in list_json(run, own.path)}[item]
    assert (listed["risk"], listed["likelihood"], listed["consequence"]) == (None, 1, None)
    assert sql(own.path, "SELECT risk_id FROM items WHERE id = ?", item) == [(None,)]


def test_edit_and_remove_a_risk(own: Board):
    e = own.risks["E"]
    out = own.ok("ros", "edit", short(e), "--title", "Feil dose", "--link", "", person=ENGINEER)
    assert out == f"changed “Feil dose” ({short(e)})\n"
    assert sql(own.path, "SELECT title, link_id FROM ros_risks WHERE id = ?", e) == [
        ("Feil dose", None)
    ]
    out = own.ok("ros", "remove", "Feil dose", person=ENGINEER)
    assert "1 measures stay on the board" in out
    assert sql(own.path, "SELECT deleted_at IS NOT NULL FROM ros_risks WHERE id = ?", e) == [(1,)]
    assert sql(own.path, "SELECT risk_id FROM items WHERE id = ?", own.measure) == [(None,)]


# -- data flows, analyses, scales -----------------------------------------------------------


def test_data_flows(own: Board):
    out = own.ok(
        "flow",
        "add",
        CHAIN,
        "--from",
        CLOUD,
        "--to",
        SMS,
        "--data",
        "Varsel",
        "--notes",
        "til USA",
        person=ENGINEER,
    )
    assert out == "2\n"
    flows = json.loads(own.ok("flow", "list", CHAIN, "--json"))
    assert [(f["number"], f["from"], f["to"], f["data"]) for f in flows] == [
        (1, DISPENSER, CLOUD, "Doseringshendelser"),
        (2, CLOUD, SMS, "Varsel"),
    ]
    assert flows[1]["to_run_by"] == "supplier" and flows[1]["notes"] == "til USA"
    text = own.ok("flow", "list", CHAIN)
    assert f"{SMS} *" in text and "run by a supplier" in text
    assert own.ok("flow", "remove", CHAIN, "1", person=ENGINEER) == (
        f"data flow 1 of {CHAIN} is removed\n"
    )
    assert [f["number"] for f in json.loads(own.ok("flow", "list", CHAIN, "--json"))] == [2]
    assert_error(own.run("flow", "remove", CHAIN, "9", person=ENGINEER), 2, "number 9")
    assert_error(
        own.run("flow", "add", CHAIN, "--from", CLOUD, "--to", CLOUD, "--data", "x"), 2, CLOUD
    )


def test_link_run_by(own: Board):
    out = own.ok("link", "run-by", CHAIN, CLOUD, "leverandør", person=ENGINEER)
    assert out == f"{CHAIN} › {CLOUD}: run by supplier\n"
    assert sql(own.path, "SELECT run_by FROM links WHERE name = ?", CLOUD) == [("supplier",)]
    assert_error(own.run("link", "run-by", CHAIN, CLOUD, "nobody"), 2, "nobody")
    own.ok("link", "add", CHAIN, "Apotek", "--run-by", "supplier", person=LEAD)
    assert sql(own.path, "SELECT run_by FROM links WHERE name = 'Apotek'") == [("supplier",)]


def test_an_analysis_records_the_chain_as_it_stands(own: Board):
    out = own.ok(
        "ros",
        "analysis",
        CHAIN,
        "--participant",
        OWNER,
        "--participant",
        ENGINEER,
        "--date",
        "2026-11-30",
        "--decisions",
        "MFA først",
        person=OWNER,
    )
    analysis_id = out.strip()
    assert len(analysis_id) == 36 and out.count("\n") == 1
    (data,) = json.loads(own.ok("ros", "analyses", CHAIN, "--json"))
    chain_risks = {
        r[0]
        for r in sql(
            own.path,
            "SELECT r.id FROM ros_risks r JOIN chains c ON c.id = r.chain_id"
            " WHERE c.name = ? AND r.deleted_at IS NULL",
            CHAIN,
        )
    }
    assert data["id"] == analysis_id and set(data["risk_ids"]) == chain_risks
    assert (data["held_on"], data["participants"], data["decisions"]) == (
        "2026-11-30",
        [OWNER, ENGINEER],
        "MFA først",
    )
    assert "MFA først" in own.ok("ros", "analyses")
    assert_error(own.run("ros", "analysis", CHAIN, "--participant", "Ingen Slik"), 2, "Ingen Slik")


def test_the_scales_words(own: Board):
    assert "Consequence (the guidance's words):\n  1 Insignificant" in own.ok("ros", "scale")
    out = own.ok(
        "ros", "scale", "sannsynlighet", "Sjelden|Av og til|Ofte|Svært ofte|Hele tiden", person=LEAD
    )
    assert out.startswith("Likelihood (this board's own words):\n  1 Sjelden\n")
    matrix = json.loads(own.ok("matrix", "--json"))
    assert matrix["likelihood_labels"]["5"] == "Hele tiden"
    assert_error(own.run("ros", "scale", "likelihood", "a|b", person=LEAD), 2, "five words")
    own.ok("ros", "scale", "likelihood", "", person=LEAD)
    assert "1 Unlikely" in own.ok("ros", "scale", "likelihood")


# -- output anywhere, help for everything ---------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("ros", "list"),
        ("ros", "list", "--json"),
        ("ros", "show", "Uautorisert tilgang via supportkonto"),
        ("ros", "values"),
        ("ros", "scale"),
        ("flow", "list", CHAIN),
        ("matrix",),
        ("--lang", "nb", "ros", "list"),
    ],
)
def test_a_windows_pipe_never_fails(board: Board, args: tuple[str, ...]):
    from test_windows_output import in_code_page

    utf8 = board.ok(*args)
    windows = assert_ok(
        run_cli(
            ("--db", str(board.path), *args),
            env=board.env(PYTHONIOENCODING="cp1252"),
            cwd=board.home,
            encoding="cp1252",
        )
    )
    if "--json" in args:
        assert windows.isascii() and json.loads(windows) == json.loads(utf8)
    else:
        assert windows == in_code_page(utf8)


def test_every_new_command_has_help(board: Board):
    commands = [
        ("ros",),
        *[
            ("ros", a)
            for a in (
                "value",
                "values",
                "add",
                "likelihood",
                "consequence",
                "list",
                "show",
                "edit",
                "remove",
                "analysis",
                "analyses",
                "scale",
            )
        ],
        ("flow",),
        ("flow", "add"),
        ("flow", "list"),
        ("flow", "remove"),
        ("link", "run-by"),
    ]
    for command in commands:
        text = assert_ok(run_cli((*command, "--help"), env=board.env(), cwd=board.home))
        assert text.startswith("usage: kanban-sec " + " ".join(command)), text
    decide = assert_ok(run_cli(("decide", "--help"), env=board.env(), cwd=board.home))
    assert "--risk" in decide and "--target" in decide and "--until" in decide
    assert "--items" in assert_ok(run_cli(("matrix", "--help"), env=board.env(), cwd=board.home))
    assert "--risk" in assert_ok(run_cli(("add", "--help"), env=board.env(), cwd=board.home))
