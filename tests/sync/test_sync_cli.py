"""Sync on the command line, end to end: `server init`, `server add-member`, `sync`,
`conflicts`, against the real PostgreSQL test server (see conftest)."""

from __future__ import annotations

import json
import secrets
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from .pg import PgCluster

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "cli"))
from cli_support import assert_error, assert_ok, in_terminal, make_env, run_cli

ADMIN_PASSWORD_VARIABLE = "KANBAN_SEC_SERVER_PASSWORD"
PASSWORD_VARIABLE = "KANBAN_SEC_SYNC_PASSWORD"


def login(name: str) -> str:
    """A login no other test uses (roles belong to the whole test cluster)."""
    return f"{name}_{secrets.token_hex(3)}"


def url(pg: PgCluster, dbname: str, user: str) -> str:
    """A server URL without a password (and without TLS options: --ca-file gives the CA)."""
    return f"postgresql://{user}@{pg.host}:{pg.port}/{dbname}"


class Cli:
    """The real command in a subprocess, with a private home and no usable keyring."""

    def __init__(self, home: Path, **env: str) -> None:
        self.home = home
        # Never the developer's own keyring: the command line must do without one.
        self.env = make_env(home, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring", **env)

    def __call__(
        self, *args: object, input: str | None = None, **env: str
    ) -> subprocess.CompletedProcess[str]:
        return run_cli(tuple(map(str, args)), env={**self.env, **env}, cwd=self.home, input=input)


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    return Cli(tmp_path)


def set_up_server(cli: Cli, pg: PgCluster, dbname: str, members: dict[str, str]) -> None:
    """`server init` and `server add-member` for each (login: role), password = login * 2."""
    admin = {ADMIN_PASSWORD_VARIABLE: pg.admin_password}
    out = assert_ok(
        cli("server", "init", url(pg, dbname, pg.admin_user), "--ca-file", pg.ca_file, **admin)
    )
    assert "is ready (schema version 4)" in out
    for login, role in members.items():
        out = assert_ok(
            cli(
                "server",
                "add-member",
                login,
                "--role",
                role,
                "--password-stdin",
                "--server",
                url(pg, dbname, pg.admin_user),
                "--ca-file",
                pg.ca_file,
                input=login * 2 + "\n",
                **admin,
            )
        )
        assert f"“{login}” may now sync with" in out and role in out


def sync(
    cli: Cli, db: Path, pg: PgCluster, dbname: str, login: str, *extra: str
) -> subprocess.CompletedProcess[str]:
    return cli(
        "--db",
        db,
        "sync",
        "--remote",
        url(pg, dbname, login),
        "--ca-file",
        pg.ca_file,
        *extra,
        **{PASSWORD_VARIABLE: login * 2},
    )


def listed(cli: Cli, db: Path) -> dict[str, dict[str, Any]]:
    return {i["id"]: i for i in json.loads(assert_ok(cli("--db", db, "list", "--json", "--all")))}


def meta(db: Path) -> dict[str, str]:
    conn = sqlite3.connect(db)
    try:
        return dict(conn.execute("SELECT key, value FROM meta WHERE key LIKE 'sync_%'"))
    finally:
        conn.close()


def test_two_boards_sync_and_resolve_a_conflict(
    cli: Cli, pg: PgCluster, pg_db: str, tmp_path: Path
) -> None:
    kari, ola = login("kari"), login("ola")
    set_up_server(cli, pg, pg_db, {kari: "governing", ola: "operational"})
    board_a, board_b = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    for title in ("Turn on MFA for VPN", "Patch the firewall", "Review supplier contract"):
        assert_ok(cli("--db", board_a, "add", title, "--likelihood", "4", "--consequence", "5"))

    out = assert_ok(sync(cli, board_a, pg, pg_db, kari, "--save"))
    assert out.startswith("pushed ") and ", pulled 0, 0 new conflicts" in out
    pushed = int(out.split()[1].rstrip(","))
    assert pushed > 0
    out = assert_ok(sync(cli, board_b, pg, pg_db, ola))
    assert f"pulled {pushed}, 0 new conflicts" in out
    items_a, items_b = listed(cli, board_a), listed(cli, board_b)
    assert items_a.keys() == items_b.keys() and len(items_a) == 3
    assert {i["title"] for i in items_a.values()} == {i["title"] for i in items_b.values()}

    # The settings were saved for board A (never the password): sync with no options.
    saved = meta(board_a)
    assert saved["sync_remote"] == url(pg, pg_db, kari)
    assert saved["sync_ca_file"] == str(pg.ca_file)
    assert kari * 2 not in json.dumps(saved)
    assert "pushed 0, pulled 0" in assert_ok(
        cli("--db", board_a, "sync", **{PASSWORD_VARIABLE: kari * 2})
    )

    # The same title changed on both boards before either syncs: a conflict on both.
    item_id = next(iter(items_a))
    assert_ok(cli("--db", board_a, "set", item_id, "title=Title from A"))
    assert_ok(cli("--db", board_b, "set", item_id, "title=Title from B"))
    assert_ok(sync(cli, board_a, pg, pg_db, kari, "--save"))
    out = assert_ok(sync(cli, board_b, pg, pg_db, ola))
    assert "1 new conflicts" in out and "open conflicts: 1" in out
    assert "1 new conflicts" in assert_ok(
        cli("--db", board_a, "sync", **{PASSWORD_VARIABLE: kari * 2})
    )
    titles = {listed(cli, db)[item_id]["title"] for db in (board_a, board_b)}
    assert len(titles) == 1  # the same winner everywhere

    conflicts = json.loads(assert_ok(cli("--db", board_b, "conflicts", "--json")))
    assert len(conflicts) == 1
    conflict = conflicts[0]
    assert conflict["row_id"] == item_id and conflict["field"] == "title"
    assert {conflict["mine"], conflict["theirs"]} == {"Title from A", "Title from B"}
    loser = conflict["overwritten_value"]
    table = assert_ok(cli("--db", board_b, "conflicts"))
    assert conflict["id"].replace("-", "")[-8:] in table and "Title from A" in table

    out = assert_ok(
        cli("--db", board_b, "conflicts", "resolve", conflict["id"].replace("-", "")[-8:], "take")
    )
    assert "is resolved" in out
    assert listed(cli, board_b)[item_id]["title"] == loser
    assert assert_ok(cli("--db", board_b, "conflicts")).strip() == "No open conflicts."
    assert_ok(sync(cli, board_b, pg, pg_db, ola))
    assert_ok(cli("--db", board_a, "sync", **{PASSWORD_VARIABLE: kari * 2}))
    assert json.loads(assert_ok(cli("--db", board_a, "conflicts", "--json"))) == []
    assert listed(cli, board_a)[item_id]["title"] == loser


def test_resolve_checks_its_input(cli: Cli, tmp_path: Path) -> None:
    board = tmp_path / "board.sqlite"
    assert_ok(cli("--db", board, "demo"))
    assert_error(cli("--db", board, "conflicts", "resolve", "abc", "edit"), 2, "--value")
    assert_error(
        cli("--db", board, "conflicts", "resolve", "abc", "keep", "--value", "x"),
        2,
        "--value goes only with edit",
    )
    assert_error(
        cli("--db", board, "conflicts", "resolve", "abc123", "keep"),
        2,
        "no conflict has the id “abc123”",
    )
    assert assert_ok(cli("--db", board, "conflicts")) == "No open conflicts.\n"


def test_wrong_password_is_named_without_the_password(
    cli: Cli, pg: PgCluster, pg_db: str, tmp_path: Path
) -> None:
    nora = login("nora")
    set_up_server(cli, pg, pg_db, {nora: "operational"})
    board = tmp_path / "board.sqlite"
    wrong = "NotThePassword-8472"
    result = cli(
        "--db",
        board,
        "sync",
        "--remote",
        url(pg, pg_db, nora),
        "--ca-file",
        pg.ca_file,
        **{PASSWORD_VARIABLE: wrong},
    )
    line = assert_error(result, 1, f"“{nora}”", "wrong user name or password")
    assert wrong not in line


def test_wrong_password_for_the_administrator(cli: Cli, pg: PgCluster, pg_db: str) -> None:
    wrong = "NotTheAdminPassword-1234"
    result = cli(
        "server",
        "init",
        url(pg, pg_db, pg.admin_user),
        "--ca-file",
        pg.ca_file,
        **{ADMIN_PASSWORD_VARIABLE: wrong},
    )
    line = assert_error(result, 1, "wrong user name or password")
    assert wrong not in line


def test_unreachable_server(cli: Cli, tmp_path: Path) -> None:
    board = tmp_path / "board.sqlite"
    result = cli(
        "--db",
        board,
        "sync",
        "--remote",
        "postgresql://kari@127.0.0.1:9/kanban",
        **{PASSWORD_VARIABLE: "secret-pw-1"},
    )
    line = assert_error(result, 1, "cannot reach the sync server")
    assert "secret-pw-1" not in line


def test_plain_connection_only_to_this_computer(
    cli: Cli,
    pg: PgCluster,
    tmp_path: Path,
) -> None:
    board = tmp_path / "board.sqlite"
    result = cli(
        "--db",
        board,
        "sync",
        "--remote",
        "postgresql://kari@192.0.2.10/kanban",
        "--allow-plain-loopback",
        **{PASSWORD_VARIABLE: "pw"},
    )
    assert_error(result, 1, "unencrypted connection to 192.0.2.10 is not allowed")
    result = cli(
        "server",
        "init",
        "postgresql://admin@192.0.2.10/kanban",
        "--allow-plain-loopback",
        **{ADMIN_PASSWORD_VARIABLE: "pw"},
    )
    assert_error(result, 2, "unencrypted connection to 192.0.2.10 is not allowed")
    # Without the option, no plain connection at all: the server's one plain database is
    # reached with TLS or not at all.
    result = cli(
        "--db",
        board,
        "sync",
        "--remote",
        f"postgresql://kari@{pg.host}:{pg.port}/plaintest?sslmode=disable",
        "--ca-file",
        pg.wrong_ca_file,
        **{PASSWORD_VARIABLE: "pw"},
    )
    assert_error(result, 1, "TLS")


def test_a_missing_ca_file_is_named(cli: Cli, tmp_path: Path) -> None:
    board = tmp_path / "board.sqlite"
    result = cli(
        "--db",
        board,
        "sync",
        "--remote",
        "postgresql://kari@db.example.org/kanban",
        "--ca-file",
        "no-such-ca.crt",
        **{PASSWORD_VARIABLE: "pw"},
    )
    assert_error(result, 2, "no-such-ca.crt does not exist")


def test_a_password_in_the_address_is_refused(cli: Cli, tmp_path: Path) -> None:
    board = tmp_path / "board.sqlite"
    for address in (
        "postgresql://kari:hunter2@db.example.org/kanban",
        "postgresql://kari@db.example.org/kanban?password=hunter2",
    ):
        line = assert_error(
            cli("--db", board, "sync", "--remote", address), 2, "contains a password"
        )
        assert "hunter2" not in line
        line = assert_error(cli("server", "init", address), 2, "contains a password")
        assert "hunter2" not in line


def test_no_password_anywhere(cli: Cli, tmp_path: Path) -> None:
    board = tmp_path / "board.sqlite"
    # No variable, no keyring, no terminal: say what to do.
    assert_error(
        cli("--db", board, "sync", "--remote", "postgresql://kari@db.example.org/kanban"),
        1,
        "no usable keyring",
        "KANBAN_SEC_SYNC_PASSWORD",
    )
    assert_error(cli("--db", board, "sync"), 2, "this board has no sync server", "--remote")
    assert_error(
        cli("server", "add-member", "kari", "--role", "operational"),
        2,
        "--server URL",
        "KANBAN_SEC_SERVER_URL",
    )
    assert_error(
        cli("server", "init", "postgresql://admin@127.0.0.1/kanban"),
        1,
        "no administrator password",
        ADMIN_PASSWORD_VARIABLE,
    )
    assert_error(
        cli(
            "server",
            "add-member",
            "kari",
            "--role",
            "operational",
            "--server",
            "postgresql://admin@127.0.0.1/kanban",
            **{ADMIN_PASSWORD_VARIABLE: "x"},
        ),
        2,
        "--password-stdin",
    )
    result = cli("server", "add-member", "kari", "--role", "boss")
    assert result.returncode == 2 and "argument --role: invalid choice: 'boss'" in result.stderr


def test_sync_shows_progress_on_a_terminal_and_nothing_when_piped(
    cli: Cli, pg: PgCluster, pg_db: str, tmp_path: Path
) -> None:
    kari, ola = login("kari"), login("ola")
    set_up_server(cli, pg, pg_db, {kari: "governing", ola: "operational"})
    source = tmp_path / "many.csv"
    source.write_text(
        "title,likelihood,consequence\n"
        + "".join(f"Oppgave {n} på Ørsta,{n % 5 + 1},3\n" for n in range(2000)),
        encoding="utf-8",
    )
    board_a, board_b, board_c = (tmp_path / f"{n}.sqlite" for n in "abc")
    assert_ok(cli("--db", board_a, "import", source))
    env = {**cli.env, PASSWORD_VARIABLE: kari * 2}

    shown, out = in_terminal(
        (
            "--db",
            str(board_a),
            "sync",
            "--remote",
            url(pg, pg_db, kari),
            "--ca-file",
            str(pg.ca_file),
        ),
        env,
        tmp_path,
        100,
        stdout_too=False,
    )
    assert out.startswith("pushed ") and "Traceback" not in shown
    pushed = int(out.split()[1].rstrip(","))
    assert pushed >= 2000
    assert "Sending changes" in shown and f"{pushed}/{pushed}" in shown  # on stderr

    shown, out = in_terminal(
        (
            "--db",
            str(board_b),
            "sync",
            "--remote",
            url(pg, pg_db, ola),
            "--ca-file",
            str(pg.ca_file),
        ),
        {**cli.env, PASSWORD_VARIABLE: ola * 2},
        tmp_path,
        100,
        stdout_too=False,
    )
    assert f"pulled {pushed}, 0 new conflicts" in out
    assert "Fetching changes" in shown

    piped = sync(cli, board_c, pg, pg_db, ola)
    assert f"pulled {pushed}, 0 new conflicts" in assert_ok(piped)
    assert piped.stderr == ""  # nothing at all when stderr is not a terminal
