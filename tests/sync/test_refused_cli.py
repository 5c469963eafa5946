"""`kanban-sec sync` with a change the server refuses, and `conflicts` with a quarantined
one: output and exit status, end to end (the real command, the real test server)."""

from __future__ import annotations

import json
from pathlib import Path

from kanban_sec.domain.ids import new_id
from kanban_sec.store.database import open_database
from kanban_sec.store.unit_of_work import writing
from kanban_sec.sync.client import Remote, sync

from .pg import SyncServer
from .test_refused import _insert_raw, _item_fields, write_setting
from .test_sync_cli import PASSWORD_VARIABLE, Cli, assert_ok


def test_sync_lists_refused_changes_and_discards_them(
    sync_server: SyncServer, tmp_path: Path
) -> None:
    cli = Cli(tmp_path)
    g_login, g_password = sync_server.logins["governing"]
    governing = open_database(tmp_path / "g.sqlite", daily_backup=False)
    with writing(governing, "Governing") as uow:
        uow.insert(
            "person", {"id": new_id(), "name": "Governing", "unit_id": None, "role": "governing"}
        )
    sync(
        governing,
        Remote(
            sync_server.pg.url(sync_server.dbname, g_login, None),
            ca_file=str(sync_server.pg.ca_file),
        ),
        g_password,
    )
    governing.close()

    login, password = sync_server.logins["operational"]
    board = tmp_path / "board.sqlite"
    assert_ok(cli("--db", board, "add", "Patch the firewall"))
    db = open_database(board, daily_backup=False)
    write_setting(db, "Operational", "policy.test", "strict")
    db.close()
    remote = (
        f"postgresql://{login}@{sync_server.pg.host}:{sync_server.pg.port}/{sync_server.dbname}"
    )
    env = {PASSWORD_VARIABLE: password}
    result = cli(
        "--db",
        board,
        "sync",
        "--remote",
        remote,
        "--ca-file",
        sync_server.pg.ca_file,
        "--save",
        **env,
    )
    assert result.returncode == 3, result.stderr
    assert "1 changes refused by the server:" in result.stdout
    assert "setting" in result.stdout and "policy.test" in result.stdout
    assert "--discard-refused" in result.stdout
    # Not sent again: the same answer, the same status.
    again = cli("--db", board, "sync", **env)
    assert again.returncode == 3 and "pushed 0" in again.stdout

    out = assert_ok(cli("--db", board, "sync", "--discard-refused", **env))
    assert "discarded 1 refused changes" in out
    assert (
        assert_ok(cli("--db", board, "sync", "--discard-refused")).strip()
        == "no changes are refused by the server"
    )
    out = assert_ok(cli("--db", board, "sync", **env))
    assert "refused" not in out
    assert [i["title"] for i in json.loads(assert_ok(cli("--db", board, "list", "--json")))] == [
        "Patch the firewall"
    ]


def test_conflicts_lists_a_quarantined_change(sync_server: SyncServer, tmp_path: Path) -> None:
    cli = Cli(tmp_path)
    held = _insert_raw(sync_server, "item", new_id(), _item_fields("Bad", likelihood="abc"))
    login, password = sync_server.logins["operational"]
    board = tmp_path / "board.sqlite"
    remote = (
        f"postgresql://{login}@{sync_server.pg.host}:{sync_server.pg.port}/{sync_server.dbname}"
    )
    out = assert_ok(
        cli(
            "--db",
            board,
            "sync",
            "--remote",
            remote,
            "--ca-file",
            sync_server.pg.ca_file,
            **{PASSWORD_VARIABLE: password},
        )
    )
    assert "1 changes from the server cannot be applied here" in out
    assert json.loads(assert_ok(cli("--db", board, "list", "--json"))) == []
    table = assert_ok(cli("--db", board, "conflicts"))
    assert "No open conflicts." in table and "Quarantined" in table
    assert "likelihood" in table and "Rogue" in table
    [entry] = json.loads(assert_ok(cli("--db", board, "conflicts", "--json")))
    assert entry["kind"] == "quarantined" and entry["id"] == held
