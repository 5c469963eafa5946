"""Writing commands: add, move, set, pin/unpin, block/unblock, maturity, delegate, delete,
and the WIP limits `move` checks."""

from __future__ import annotations

import json
import re
import uuid
from pathlib import Path

import pytest
from cli_support import (
    assert_error,
    assert_ok,
    by_id,
    copy_db,
    count_changes,
    execute,
    expected_score,
    list_json,
    make_env,
    ranked_only,
    run_cli,
    short,
    show_fields,
    snapshot,
    table_rows,
)


def test_add_with_chain_link_and_owner_is_ranked_with_its_score(demo, run, demo_db):
    # an item on a chain's weakest link: a new item there stays on the weakest link
    model = next(
        i
        for i in demo.open_items
        if i["chain"]
        and i["link"]
        and i["owner_unit"]
        and i["link_maturity"] == 0
        and i["weakest_link"]
    )
    out = assert_ok(
        run(
            "--db",
            demo_db,
            "add",
            "Segmentere nettet for dispensere",
            "--chain",
            model["chain"],
            "--link",
            model["link"],
            "--likelihood",
            "2",
            "--consequence",
            "5",
            "--owner",
            model["owner_unit"],
            "--tags",
            "nett;iot",
        )
    )
    new_id = out.strip()
    assert uuid.UUID(new_id)  # prints the new item's whole id
    items = list_json(run, demo_db)
    assert len(items) == len(demo.open_items) + 1
    assert [i["rank"] for i in ranked_only(items)] == list(range(1, len(ranked_only(items)) + 1))
    added = by_id(items)[new_id]
    assert added["title"] == "Segmentere nettet for dispensere"
    assert added["status"] == "backlog"
    assert (added["chain"], added["link"]) == (model["chain"], model["link"])
    assert added["owner_unit"] == model["owner_unit"] and added["owner_person"] is None
    assert (added["likelihood"], added["consequence"]) == (2, 5)
    assert added["link_maturity"] == 0
    assert added["target_maturity"] == model["target_maturity"]
    assert added["score"] == 2 * 5 * model["target_maturity"] == expected_score(added)
    assert added["weakest_link"] is True
    assert "⚑" in added["explanation"] and added["explanation"].endswith(f"= {added['score']}")
    assert added["tags"] == ["nett", "iot"]


@pytest.fixture(scope="module")
def two_items(tmp_path_factory):
    """A fresh board with two backlog items, A and B (copy before writing)."""
    home = tmp_path_factory.mktemp("two")
    env = make_env(home)
    path = home / "two.sqlite"
    ids = [
        assert_ok(run_cli(("--db", str(path), "add", title), env=env, cwd=home)).strip()
        for title in ("A", "B")
    ]
    return path, ids


def test_move_by_key_and_by_column_name_in_either_language(two_items, run, tmp_path):
    template, (a, b) = two_items
    db = copy_db(template, tmp_path / "board.sqlite")
    changes = count_changes(db)
    # two items moved at once: key, Norwegian name, odd case, English name in capitals
    for (status_a, shown_a), (status_b, shown_b) in (
        (("doing", "Doing"), ("pÅgÅr", "Doing")),
        (("Neste", "Next"), ("VERIFY", "Verify")),
    ):
        moved_a, moved_b = run.many(
            ("--db", db, "move", short(a), status_a), ("--db", db, "move", short(b), status_b)
        )
        assert assert_ok(moved_a) == f"{short(a)} → {shown_a}\n"
        assert assert_ok(moved_b) == f"{short(b)} → {shown_b}\n"
    assert count_changes(db) == changes + 4
    assert {i["id"]: i["status"] for i in list_json(run, db)} == {a: "next", b: "verify"}
    # moving to the column it is in already writes nothing
    before = snapshot(db)
    assert assert_ok(run("--db", db, "move", a, "Next")) == f"{short(a)} → Next\n"
    assert snapshot(db) == before


def test_set_fields_shows_in_list_and_show(demo, run, demo_db):
    target = next(
        i for i in demo.open_items if i["likelihood"] != 5 and not i["pinned"] and i["score"]
    )
    assert_ok(
        run(
            "--db",
            demo_db,
            "set",
            short(target["id"]),
            "likelihood=5",
            "tags=a;b",
            "due_date=2027-01-31",
        )
    )
    listed, shown = run.many(
        ("--db", demo_db, "list", "--json"), ("--db", demo_db, "show", short(target["id"]))
    )
    item = by_id(json.loads(assert_ok(listed)))[target["id"]]
    assert item["likelihood"] == 5
    assert item["tags"] == ["a", "b"]
    assert item["due_date"] == "2027-01-31"
    assert item["score"] == expected_score(item) == 5 * target["score"] // target["likelihood"]
    assert f"L5 × C{item['consequence']}" in item["explanation"]
    out = assert_ok(shown)
    fields = show_fields(out)
    assert fields["likelihood"] == "5"
    assert fields["tags"] == "a; b"
    assert fields["due_date"] == "2027-01-31"
    history = out.split("\nHistory\n", 1)[1]
    assert re.search(rf"tester: .*likelihood: {target['likelihood']} → 5", history), history
    assert re.search(r"due_date: [^,]* → 2027-01-31", history), history


def test_pin_unpin_block_unblock(demo, run, demo_db):
    pinned_before = sum(1 for i in demo.open_items if i["pinned"])
    target = next(
        i
        for i in reversed(ranked_only(demo.open_items))
        if not i["pinned"] and not i["blocked_reason"]
    )
    sid = short(target["id"])
    # two writers at once: each waits for the other's transaction, neither loses a field
    for result in run.many(
        ("--db", demo_db, "pin", sid, "Pålegg fra Datatilsynet"),
        ("--db", demo_db, "block", sid, "Venter på leverandør"),
    ):
        assert assert_ok(result) == sid + "\n"
    listed, table = run.many(("--db", demo_db, "list", "--json"), ("--db", demo_db, "list"))
    item = by_id(json.loads(assert_ok(listed)))[target["id"]]
    assert item["pinned"] is True and item["pin_reason"] == "Pålegg fra Datatilsynet"
    assert item["rank"] == pinned_before + 1  # pinned first, after the earlier pins
    assert item["explanation"].startswith("📌 Pinned first: Pålegg fra Datatilsynet")
    assert item["blocked_reason"] == "Venter på leverandør"
    (row,) = [line for line in assert_ok(table).splitlines() if f"  {sid}  " in line]
    assert "📌" in row and "⛔" in row

    for result in run.many(("--db", demo_db, "unpin", sid), ("--db", demo_db, "unblock", sid)):
        assert assert_ok(result) == sid + "\n"
    item = by_id(list_json(run, demo_db))[target["id"]]
    assert item["pinned"] is False and item["pin_reason"] is None
    assert item["blocked_reason"] is None
    assert item["rank"] == target["rank"]  # back where the ranking puts it


def test_maturity_reranks_the_items_on_that_link(demo, run, demo_db):
    def on(item, chain, link):
        return item["chain"] == chain and item["link"] == link

    # the weakest link of a chain with an unpinned item and room to improve
    model = next(
        i
        for i in demo.open_items
        if i["chain"] and i["link"] and i["weakest_link"] and not i["pinned"] and i["score"] > 0
    )
    chain, link, target = model["chain"], model["link"], model["target_maturity"]
    before = [i for i in demo.open_items if on(i, chain, link)]
    out = assert_ok(run("--db", demo_db, "maturity", chain, link, str(target)))
    assert out == f"{chain} › {link}: {target}/3\n"
    after = list_json(run, demo_db)
    moved = by_id([i for i in after if on(i, chain, link)])
    assert set(moved) == {i["id"] for i in before}
    for old in before:
        new = moved[old["id"]]
        assert new["link_maturity"] == target
        assert new["score"] == 0 and old["score"] > 0
        assert "target reached" in new["explanation"]
        if not old["pinned"]:
            assert new["rank"] >= old["rank"]  # a fixed link never moves its items up
    assert any(moved[i["id"]]["rank"] > i["rank"] for i in before)
    assert [i["rank"] for i in ranked_only(after)] == list(range(1, len(ranked_only(after)) + 1))
    assert all(i["score"] == expected_score(i) for i in after)


def test_delegate_hands_an_item_down(run, tmp_path):
    source = tmp_path / "org.csv"
    source.write_bytes(
        "title,owner_unit\r\nFra ledelsen,Kommune / IT\r\n"
        "På laveste nivå,Kommune / IT / Team Nett\r\n".encode()
    )
    db = tmp_path / "board.sqlite"
    assert_ok(run("--db", db, "import", source))
    items = {i["title"]: i for i in list_json(run, db)}
    top, leaf = items["Fra ledelsen"], items["På laveste nivå"]
    changes = count_changes(db)
    delegated, refused = run.many(
        ("--db", db, "delegate", short(top["id"])), ("--db", db, "delegate", short(leaf["id"]))
    )
    out = assert_ok(delegated)
    assert out == f"{short(top['id'])} → Kommune / IT / Team Nett\n"
    assert_error(refused, 2, "already owned at the lowest level")
    assert count_changes(db) == changes + 1  # the refusal wrote nothing
    after = by_id(list_json(run, db))
    assert after[top["id"]]["owner_unit"] == "Kommune / IT / Team Nett"
    assert after[leaf["id"]] == leaf


def test_delete_removes_the_item_from_the_board(demo, run, demo_db):
    target = demo.open_items[-1]
    changes = count_changes(demo_db)
    assert (
        assert_ok(run("--db", demo_db, "delete", short(target["id"]))) == short(target["id"]) + "\n"
    )
    assert count_changes(demo_db) > changes  # a tombstone, in the change log
    listed, table, shown = run.many(
        ("--db", demo_db, "list", "--json", "--all"),
        ("--db", demo_db, "list"),
        ("--db", demo_db, "show", target["id"]),
    )
    assert target["id"] not in by_id(json.loads(assert_ok(listed)))
    assert short(target["id"]) not in {s for _, s in table_rows(assert_ok(table))}
    assert_error(shown, 2, target["id"])


# -- WIP limits -----------------------------------------------------------------------------


def _limit(db: Path, hard: bool) -> None:
    execute(
        db, "UPDATE board_columns SET wip_limit = 1, wip_hard = ? WHERE key = 'doing'", int(hard)
    )


def test_hard_wip_limit_refuses_the_second_move(two_items, run, tmp_path):
    template, (a, b) = two_items
    db = copy_db(template, tmp_path / "board.sqlite")
    _limit(db, hard=True)
    assert_ok(run("--db", db, "move", a, "doing"))
    before = snapshot(db)
    refused, refused_set, refused_nb = run.many(
        ("--db", db, "move", b, "doing"),
        ("--db", db, "set", b, "status=doing"),
        ("--db", db, "--lang", "nb", "move", b, "Pågår"),
    )
    assert_error(refused, 2, "“Doing”", "hard limit of 1")
    assert_error(refused_set, 2, "“Doing”", "hard limit of 1")
    assert_error(refused_nb, 2, "«Pågår»", "fast grense på 1")
    assert snapshot(db) == before


def test_soft_wip_limit_warns_and_moves(two_items, run, tmp_path):
    template, (a, b) = two_items
    db = copy_db(template, tmp_path / "board.sqlite")
    _limit(db, hard=False)
    assert_ok(run("--db", db, "move", a, "doing"))
    result = run("--db", db, "move", b, "doing")
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"{short(b)} → Doing\n"
    (warning,) = result.stderr.splitlines()
    assert warning.startswith("kanban-sec: ")
    assert "“Doing”" in warning and "2 items" in warning and "limit of 1" in warning
    assert {i["status"] for i in list_json(run, db)} == {"doing"}
