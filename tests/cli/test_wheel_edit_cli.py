"""`kanban-sec wheel activities|add|edit|retire|reinstate`: the annual wheel edited from the
command line, with the recurrence in plain words or as an RRULE, under the rulebook."""

from __future__ import annotations

import json
import re

from cli_support import assert_error, assert_ok, execute, snapshot, sql

_ADDED = re.compile(r"^added ([0-9a-f]{8}) “(.+)” to the annual wheel: (.+) \((FREQ=.+)\)$")


def _activity(path, title):
    rows = sql(
        path,
        "SELECT id, rrule, chain_id, link_id, likelihood, consequence, active,"
        " lead_days, overdue, owner_person_id FROM activities"
        " WHERE title = ? AND deleted_at IS NULL",
        title,
    )
    assert len(rows) == 1, rows
    return rows[0]


def test_add_in_plain_words_on_a_chain_and_link_with_its_defaults(run, demo_db):
    out = assert_ok(
        run(
            "--db",
            demo_db,
            "wheel",
            "add",
            "Phishingøvelse",
            "--rule",
            "last Friday of every month",
            "--chain",
            "Infrastruktur",
            "--link",
            "Serverplattform",
            "--likelihood",
            "2",
            "--consequence",
            "4",
            "--person",
            "Mona Strand",
            "--lead",
            "7",
            "--starts",
            "2027-01-01",
        )
    )
    match = _ADDED.match(out.strip())
    assert match, out
    assert match.group(2) == "Phishingøvelse"
    assert match.group(3) == "Last Friday of every month"
    assert match.group(4) == "FREQ=MONTHLY;BYDAY=-1FR"
    _, rule, chain, link, likelihood, consequence, active, lead, _, person = _activity(
        demo_db, "Phishingøvelse"
    )
    assert rule == "FREQ=MONTHLY;BYDAY=-1FR" and (likelihood, consequence) == (2, 4)
    assert sql(demo_db, "SELECT name FROM chains WHERE id = ?", chain) == [("Infrastruktur",)]
    assert sql(demo_db, "SELECT name FROM links WHERE id = ?", link) == [("Serverplattform",)]
    assert sql(demo_db, "SELECT name FROM people WHERE id = ?", person) == [("Mona Strand",)]
    assert (active, lead) == (1, 7)
    # The wheel shows it on its days: the last Friday of each month of 2027.
    wheel = assert_ok(run("--db", demo_db, "wheel", "--year", "2027"))
    days = re.findall(r"^  (2027-\d\d-\d\d)  Phishingøvelse", wheel, re.MULTILINE)
    assert days[:3] == ["2027-01-29", "2027-02-26", "2027-03-26"] and len(days) == 12


def test_norwegian_words_and_an_rrule_are_both_understood(run, demo_db):
    out = assert_ok(
        run(
            "--db",
            demo_db,
            "--lang",
            "nb",
            "wheel",
            "add",
            "Kvartalsmøte",
            "--rule",
            "første mandag i hvert kvartal",
        )
    )
    assert "Første mandag i hvert kvartal (FREQ=MONTHLY;INTERVAL=3;BYDAY=1MO)" in out
    assert out.startswith("la til ")
    out = assert_ok(
        run(
            "--db", demo_db, "wheel", "add", "Backup report", "--rule", "FREQ=MONTHLY;BYMONTHDAY=15"
        )
    )
    assert "15th of every month (FREQ=MONTHLY;BYMONTHDAY=15)" in out


def test_edit_changes_fields_by_id_or_title_and_says_the_new_rule(run, demo_db):
    title = "Månedlig sårbarhetsskanning"
    activity_id = _activity(demo_db, title)[0]
    out = assert_ok(
        run(
            "--db",
            demo_db,
            "wheel",
            "edit",
            activity_id[-8:],
            "rule=andre tirsdag i hver måned",
            "likelihood=5",
            "chain=Infrastruktur",
            "link=Serverplattform",
        )
    )
    assert out == (
        f"changed {activity_id.replace('-', '')[-8:]} “{title}”: Second Tuesday of "
        "every month (FREQ=MONTHLY;BYDAY=2TU)\n"
    )
    row = _activity(demo_db, title)
    assert row[1] == "FREQ=MONTHLY;BYDAY=2TU" and row[4] == 5
    assert sql(demo_db, "SELECT name FROM links WHERE id = ?", row[3]) == [("Serverplattform",)]
    # By title; moving to another chain lets go of the link, which belonged to the old one.
    assert_ok(
        run(
            "--db", demo_db, "wheel", "edit", title.upper(), "chain=Microsoft 365", "if_missed=skip"
        )
    )
    row = _activity(demo_db, title)
    assert row[3] is None and row[8] == "skip"
    # An empty value clears an optional field.
    assert_ok(run("--db", demo_db, "wheel", "edit", title, "chain="))
    assert _activity(demo_db, title)[2] is None


def test_retire_stops_new_items_and_keeps_history_and_items(run, demo_db):
    title = "Månedlig patching av servere"
    activity_id = _activity(demo_db, title)[0]
    items_before = sql(
        demo_db,
        "SELECT count(*) FROM items WHERE activity_id = ? AND deleted_at IS NULL",
        activity_id,
    )[0][0]
    assert items_before > 0
    out = assert_ok(run("--db", demo_db, "wheel", "retire", title))
    assert "retired" in out and "it makes no more items" in out
    assert _activity(demo_db, title)[6] == 0
    listed = json.loads(assert_ok(run("--db", demo_db, "wheel", "activities", "--json")))
    assert {a["title"]: a["active"] for a in listed}[title] is False
    # Its items stay; generating makes none for it, even once its old items are gone.
    execute(demo_db, "DELETE FROM items WHERE activity_id = ?", activity_id)
    assert_ok(run("--db", demo_db, "wheel", "--generate"))
    assert sql(demo_db, "SELECT count(*) FROM items WHERE activity_id = ?", activity_id) == [(0,)]
    wheel = assert_ok(run("--db", demo_db, "wheel"))
    assert title not in wheel
    # History: the change is in the log.
    assert (
        sql(
            demo_db,
            "SELECT count(*) FROM changes WHERE entity = 'activity' AND row_id = ?"
            " AND fields LIKE '%active%'",
            activity_id,
        )[0][0]
        >= 1
    )
    out = assert_ok(run("--db", demo_db, "wheel", "reinstate", title))
    assert "is in use again" in out and _activity(demo_db, title)[6] == 1
    assert_ok(run("--db", demo_db, "wheel", "--generate"))
    assert sql(demo_db, "SELECT count(*) FROM items WHERE activity_id = ?", activity_id)[0][0] > 0


def test_activities_lists_every_activity_with_its_rule_in_words(run, demo):
    out = assert_ok(run("--db", demo.path, "wheel", "activities"))
    lines = out.splitlines()
    assert lines[0].split() == [
        "id",
        "activity",
        "when",
        "chain",
        "›",
        "link",
        "L×C",
        "owner",
        "state",
    ]
    patching = next(line for line in lines if "Månedlig patching av servere" in line)
    assert "Second Tuesday of every month" in patching
    assert "Infrastruktur › Serverplattform" in patching and "in use" in patching
    nb = assert_ok(run("--db", demo.path, "--lang", "nb", "wheel", "activities"))
    assert "Andre tirsdag i hver måned" in nb and "Hvert år 1. mars" in nb


def test_refused_and_bad_wheel_edits_are_one_line_exit_2_and_write_nothing(run, demo_db):
    before = snapshot(demo_db)
    title = "Månedlig patching av servere"
    assert_error(
        run("--db", demo_db, "--as", "Trude Fossum", "wheel", "retire", title),
        2,
        "Trude Fossum",
        "controlling",
    )
    assert_error(
        run("--db", demo_db, "--as", "Trude Fossum", "wheel", "add", "X", "--rule", "every month"),
        2,
        "controlling",
    )
    assert_error(
        run("--db", demo_db, "wheel", "edit", title, "rule=every banana"),
        2,
        "“banana”",
        "second Tuesday of every month",
    )
    assert_error(
        run("--db", demo_db, "--lang", "nb", "wheel", "add", "X", "--rule", "hver banan"),
        2,
        "«banan»",
        "andre tirsdag i hver måned",
    )
    assert_error(
        run("--db", demo_db, "wheel", "edit", title, "likelihood=9"), 2, "likelihood", "1–5"
    )
    assert_error(run("--db", demo_db, "wheel", "edit", title, "link=Nope"), 2, "Nope")
    assert_error(run("--db", demo_db, "wheel", "edit", title, "colour=red"), 2, "colour")
    assert_error(
        run("--db", demo_db, "wheel", "edit", "no such duty", "lead=3"),
        2,
        "no such duty",
        "wheel activities",
    )
    assert_error(
        run("--db", demo_db, "wheel", "add", "X", "--rule", "every year on 30 February"),
        2,
        "never falls",
    )
    assert snapshot(demo_db) == before


def test_the_example_wheels_duties_belong_to_their_chains_and_rank_below_weak_links(run, demo):
    rows = sql(
        demo.path,
        "SELECT a.title, c.name, l.name, a.likelihood, a.consequence"
        " FROM activities a LEFT JOIN chains c ON c.id = a.chain_id"
        " LEFT JOIN links l ON l.id = a.link_id WHERE a.deleted_at IS NULL",
    )
    by_title = {title: (chain, link, lc) for title, chain, link, *lc in rows}
    organisation_wide = {
        "Ledelsens gjennomgang av informasjonssikkerheten",
        "Gjennomgang av behandlingsprotokollen",
    }
    assert {t for t, (chain, _, _) in by_title.items() if chain is None} == organisation_wide
    assert by_title["Gjenopprettingstest av sikkerhetskopi"][:2] == (
        "Infrastruktur",
        "Sikkerhetskopiering",
    )
    assert by_title["ROS-analyse: Medisindispenser"][:2] == ("Medisindispenser", None)
    # A duty's due date never lifts it over the weakest link's work of its chain: a wheel
    # item ranks above such work only when it is on that weakest link itself.
    ranked = [
        e
        for e in json.loads(assert_ok(run("--db", demo.path, "list", "--json")))
        if e["rank"] is not None
    ]
    wheel_item = re.compile(r" \(\d{4}-\d{2}-\d{2}\)$")
    for entry in ranked:
        if not wheel_item.search(entry["title"]) or entry["chain"] is None:
            continue
        below = [
            e
            for e in ranked
            if e["rank"] > entry["rank"]
            and e["chain"] == entry["chain"]
            and e["weakest_link"]
            and not wheel_item.search(e["title"])
        ]
        assert entry["weakest_link"] or not below, (entry["title"], below[0]["title"])
    top = [e["title"] for e in ranked[:8]]
    assert not [title for title in top if wheel_item.search(title)], top
