"""The example board goes to a fresh server whole: its governing member pushes it, the
server's rulebook refuses nothing, and a second board pulls the same ranking."""

from __future__ import annotations

import json
from pathlib import Path

from .pg import PgCluster
from .test_sync_cli import ADMIN_PASSWORD_VARIABLE, Cli, assert_ok, login, sync, url

LEAD = "Siri Lunde"  # governing, at the top of the example's organisation


def test_the_example_board_is_pushed_by_its_governing_member_without_a_refusal(
    pg: PgCluster, pg_db: str, tmp_path: Path
) -> None:
    cli = Cli(tmp_path, KANBAN_SEC_USER=LEAD)
    board, other = tmp_path / "example.sqlite", tmp_path / "other.sqlite"
    assert_ok(cli("--db", board, "demo"))
    admin = {ADMIN_PASSWORD_VARIABLE: pg.admin_password}
    assert_ok(
        cli("server", "init", url(pg, pg_db, pg.admin_user), "--ca-file", pg.ca_file, **admin)
    )
    siri = login("siri")
    assert_ok(
        cli(
            "server",
            "add-member",
            siri,
            "--role",
            "governing",
            "--person",
            LEAD,
            "--password-stdin",
            "--server",
            url(pg, pg_db, pg.admin_user),
            "--ca-file",
            pg.ca_file,
            input=siri * 2 + "\n",
            **admin,
        )
    )
    pushed = sync(cli, board, pg, pg_db, siri)
    assert pushed.returncode == 0, (pushed.stdout, pushed.stderr)
    assert "refused" not in pushed.stdout + pushed.stderr
    pulled = sync(cli, other, pg, pg_db, siri)
    assert pulled.returncode == 0, (pulled.stdout, pulled.stderr)

    def ranking(db: Path) -> list[tuple[str, object, object]]:
        items = json.loads(assert_ok(cli("--db", db, "list", "--json", "--all")))
        return [(i["id"], i["rank"], i["score"]) for i in items]

    assert ranking(other) == ranking(board)
