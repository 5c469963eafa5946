"""`--version`, the database location, `demo`, `list` (table and JSON), `show`."""

from __future__ import annotations

import json
import re
import sys
from importlib.metadata import version

from cli_support import (
    JSON_KEYS,
    assert_error,
    assert_ok,
    by_id,
    count_items,
    expected_score,
    list_json,
    ranked_only,
    short,
    show_fields,
    snapshot,
    sql,
    table_rows,
)


def test_version_prints_the_installed_version(run, tmp_path):
    out = assert_ok(run("--version"))
    assert out.strip() == f"kanban-sec {version('kanban-sec')}"
    assert re.fullmatch(r"kanban-sec \d+\.\d+\.\d+\S*\n", out)
    assert list(tmp_path.iterdir()) == []  # no database made just to print a version


def test_default_database_lives_in_the_user_data_folder(run, tmp_path, cli_env):
    out = assert_ok(run("list", "--json"))
    assert json.loads(out) == []
    made = tmp_path / "xdg-data" / "kanban-sec" / "kanban-sec.sqlite"
    assert made.is_file()
    if sys.platform != "win32":  # Windows has no POSIX modes (the folder's ACL is the user's)
        assert made.stat().st_mode & 0o077 == 0  # private: mode 0600


def test_kanban_sec_db_stands_for_db(run, tmp_path, cli_env):
    board = tmp_path / "from-env.sqlite"
    env = {**cli_env, "KANBAN_SEC_DB": str(board)}
    new_id = assert_ok(run("add", "Via the environment", env=env)).strip()
    assert count_items(board) == 1
    assert [i["id"] for i in list_json(run, board)] == [new_id]
    # --db wins over the variable
    other = tmp_path / "explicit.sqlite"
    assert_ok(run("--db", other, "add", "Explicit", env=env))
    assert count_items(board) == 1
    assert count_items(other) == 1
    assert not (tmp_path / "xdg-data" / "kanban-sec").exists()


def test_demo_loads_an_example_board(demo):
    assert len(demo.items) >= 30
    assert {i["status"] for i in demo.items} == {"backlog", "next", "doing", "verify", "done"}
    assert len({i["chain"] for i in demo.items if i["chain"]}) >= 3


def test_demo_twice_refuses_and_changes_nothing(demo, run, demo_db):
    before = snapshot(demo_db)
    assert_error(run("--db", demo_db, "demo"), 2, "already holds", f"{len(demo.items)} items")
    assert snapshot(demo_db) == before


def test_list_json_is_the_ranked_board(demo):
    listed = json.loads(assert_ok(demo.run("list", "--json")))
    assert listed, "the demo board has open items"
    # Accepted risks are listed after the ranked items, unranked, soonest back first.
    items = ranked_only(listed)
    accepted = listed[len(items) :]
    assert accepted and all(i["rank"] is None for i in accepted)
    assert [i["accepted_until"] for i in accepted] == sorted(i["accepted_until"] for i in accepted)
    for item in accepted:
        assert item["score"] == expected_score(item), item
        assert item["explanation"].startswith("Accepted until " + item["accepted_until"])
        assert f" = {item['score']}" in item["explanation"], item
    assert all(i["accepted_until"] is None for i in items)
    for item in items:
        missing = [k for k in JSON_KEYS if k not in item]
        assert not missing, (missing, item)
        assert item["status"] != "done"
        assert item["score"] == expected_score(item), item
        assert item["explanation"].strip()
        assert f" = {item['score']}" in item["explanation"], item
        assert ("⚑" in item["explanation"]) == item["weakest_link"], item
        assert all(item[k] is None or 1 <= item[k] <= 5 for k in ("likelihood", "consequence"))
    assert [i["rank"] for i in items] == list(range(1, len(items) + 1))
    # pinned first, then ⚑ before the rest, then score descending
    keys = [(not i.get("pinned", False), not i["weakest_link"]) for i in items]
    assert keys == sorted(keys)
    unpinned_weakest = [i["score"] for i in items if i["weakest_link"] and not i["pinned"]]
    assert unpinned_weakest == sorted(unpinned_weakest, reverse=True)
    others = [i["score"] for i in items if not i["weakest_link"] and not i["pinned"]]
    assert others == sorted(others, reverse=True)
    # work in no chain or on no link is never flagged: only a chain's weakest link is
    assert not any(i["weakest_link"] for i in items if i["chain"] is None or i["link"] is None)
    assert any(i["chain"] is None for i in items)


def test_list_table_shows_rank_short_id_flag_and_explanation(demo):
    table, listed = demo.run_many(("list",), ("list", "--json"))
    out, expected = assert_ok(table), json.loads(assert_ok(listed))
    rows = table_rows(out)
    assert rows == [(str(i["rank"]) if i["rank"] else "≈", short(i["id"])) for i in expected]
    lines = out.splitlines()
    assert "score" in lines[0] and "title" in lines[0]
    for item in ranked_only(expected):
        (row,) = [line for line in lines if re.match(rf"^\s*{item['rank']}\s", line)]
        assert item["title"][:40] in row
        assert ("⚑" in row) == item["weakest_link"], row
        # the explanation line follows the item's line
        following = lines[lines.index(row) + 1]
        assert following.strip() == "↳ " + item["explanation"]


def test_list_filters_status_owner_and_all(demo):
    everything = demo.items
    open_ids = [i["id"] for i in demo.open_items]
    done_ids = {i["id"] for i in everything if i["status"] == "done"}
    assert done_ids
    default, all_items, doing, doing_nb, done = (
        json.loads(assert_ok(r))
        for r in demo.run_many(
            ("list", "--json"),
            ("list", "--json", "--all"),
            ("list", "--json", "--status", "doing"),
            ("list", "--json", "--status", "Pågår"),
            ("list", "--json", "--status", "done"),
        )
    )

    assert [i["id"] for i in default] == open_ids  # done items left out, rank order

    assert {i["id"] for i in all_items} == {i["id"] for i in everything}
    assert [i["id"] for i in all_items[: len(open_ids)]] == open_ids
    assert all(i["rank"] is None for i in all_items[len(open_ids) :])
    assert all(i["explanation"] for i in all_items)

    assert doing and {i["status"] for i in doing} == {"doing"}
    assert [i["id"] for i in doing] == [i["id"] for i in default if i["status"] == "doing"]
    assert doing_nb == doing

    assert {i["id"] for i in done} == done_ids


def test_list_owner_includes_units_below(demo):
    paths = {i["owner_unit"] for i in demo.open_items if i["owner_unit"]}
    # a unit that owns items itself or whose sub-units do, with at least one sub-unit item
    prefixes = {" / ".join(p.split(" / ")[:n]) for p in paths for n in range(2, p.count(" / ") + 1)}
    unit = max(prefixes, key=lambda u: sum(p.startswith(u + " / ") for p in paths))
    expected = [
        i["id"]
        for i in demo.open_items
        if i["owner_unit"] == unit or (i["owner_unit"] or "").startswith(unit + " / ")
    ]
    below = [i for i in demo.open_items if (i["owner_unit"] or "").startswith(unit + " / ")]
    assert below, unit
    tail = unit.rsplit(" / ", 1)[-1]  # the last part of the path is enough when unique
    for result in demo.run_many(
        ("list", "--json", "--owner", unit), ("list", "--json", "--owner", tail)
    ):
        assert [i["id"] for i in json.loads(assert_ok(result))] == expected


def test_show_by_short_id_prints_fields_explanation_comments_history(demo):
    listed = assert_ok(demo.run("list"))
    commented = {r[0] for r in sql(demo.path, "SELECT item_id FROM comments")}
    items = by_id(demo.open_items)
    rank, short_id = next(
        (r, s)
        for r, s in table_rows(listed)
        if any(short(i) == s for i in commented & items.keys())
    )
    item = next(items[i] for i in commented & items.keys() if short(i) == short_id)
    assert len(short_id) == 8 and str(item["rank"]) == rank

    out = assert_ok(demo.run("show", short_id))
    fields = show_fields(out)
    assert fields["id"] == item["id"]
    assert fields["title"] == item["title"]
    assert fields["status"] == item["status"]
    assert fields["rank"] == str(item["rank"])
    assert fields["score"] == str(item["score"])
    assert fields["explanation"] == item["explanation"]
    assert fields["owner_unit"] == item["owner_unit"]
    bodies = [
        r[0] for r in sql(demo.path, "SELECT body FROM comments WHERE item_id = ?", item["id"])
    ]
    assert "\nComments\n" in out
    for body in bodies:
        assert body in out
    history = out.split("\nHistory\n", 1)[1]
    assert "Siri Lunde:" in history and "title:" in history  # the example's lead set it up

    # the whole id and a different case find the same item
    for again in demo.run_many(("show", item["id"]), ("show", short_id.upper())):
        assert assert_ok(again) == out


def test_unknown_ids_are_bad_input(demo, run, demo_db):
    before = snapshot(demo_db)
    shown, moved = run.many(
        ("--db", demo_db, "show", "deadbeef"), ("--db", demo_db, "move", "deadbeef", "doing")
    )
    assert_error(shown, 2, "deadbeef", "kanban-sec list")
    assert_error(moved, 2, "deadbeef")
    assert snapshot(demo_db) == before


def test_without_a_display_the_board_prints_as_text(run, demo, cli_env):
    env = {
        k: v
        for k, v in cli_env.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    result = run("--db", demo.path, env=env)
    assert result.returncode == 0, result.stderr
    assert "No display" in result.stderr
    assert "Weakest link in" in result.stdout


def test_a_write_is_refused_while_a_window_holds_the_board(run, demo_db, tmp_path):
    """The command line respects a window's hold: a write names who holds the file and
    changes nothing; reading still works; once the window is gone, writing works again."""
    import socket
    import subprocess
    import sys
    import time

    from kanban_sec.store.database import lock_path, process_start

    window = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        time.sleep(0.1)
        holder = {
            "user": "kari",
            "host": socket.gethostname(),
            "pid": window.pid,
            "started": process_start(window.pid),
            "since": "2026-01-02 08:15",
            "at": time.time(),
        }
        lock_path(demo_db).write_text(json.dumps(holder), encoding="utf-8")
        before = run("--db", demo_db, "list", "--json").stdout
        assert_error(
            run("--db", demo_db, "add", "Not written"),
            1,
            "open in a window",
            "kari",
            str(window.pid),
            "close the window",
        )
        assert run("--db", demo_db, "list", "--json").stdout == before
    finally:
        window.kill()
        window.wait()
    assert_ok(run("--db", demo_db, "add", "Written once the window is gone"))
    assert not lock_path(demo_db).exists()  # the stale lock was cleared
