"""The server enforces the rulebook whatever a member sends: the shared table of cases
(``tests/rules_cases.py``) against a real server, and attacks with plain psycopg."""

from __future__ import annotations

import itertools
import json
import secrets
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import psycopg
import pytest
from psycopg import sql
from psycopg.types.json import Jsonb

from kanban_sec.domain import rules
from kanban_sec.domain.model import Chain, Item, Link
from kanban_sec.domain.ranking import item_score
from kanban_sec.sync import errors
from kanban_sec.sync.server import SERVER_SCHEMA_VERSION, add_member, init_server
from tests.rules_cases import CASES, Case, resolve, world_rows

from .pg import PLAIN_DATABASE, PgCluster, SyncServer, new_sync_server

_TICK = itertools.count()
ROOT_UNIT = "root-unit"


def hlc_now() -> int:
    """A fresh HLC, later than every one before it in this run."""
    return (int(time.time() * 1000) << 16) + next(_TICK) % 60000


def change(entity: str, row_id: str, values: dict[str, Any], **more: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": str(uuid.uuid4()),
        "entity": entity,
        "row_id": row_id,
        "fields": {k: [v, None] for k, v in values.items()},
        "hlc": hlc_now(),
        "node_id": "node-t",
        "person": "Somebody",
        "at": datetime.now(UTC),
    }
    row.update(more)
    return row


def insert(conn: psycopg.Connection[Any], row: dict[str, Any]) -> None:
    names = list(row)
    conn.execute(
        sql.SQL(
            "INSERT INTO kanban_sec.changes ({}) VALUES ({}) ON CONFLICT (id) DO NOTHING"
        ).format(
            sql.SQL(", ").join(map(sql.Identifier, names)),
            sql.SQL(", ").join(sql.Placeholder() * len(names)),
        ),
        [Jsonb(v) if n == "fields" else v for n, v in row.items()],
    )


def push(url: str, *rows: dict[str, Any]) -> None:
    with psycopg.connect(url) as conn:
        for row in rows:
            insert(conn, row)


def push_batch(url: str, *rows: dict[str, Any]) -> int:
    """The rows as one batch through ``kanban_sec.push_changes``, as the client pushes."""
    columns = ("id", "entity", "row_id", "fields", "hlc", "node_id", "base_xid", "base_seq", "at")
    values: list[Any] = [[row.get(name) for row in rows] for name in columns]
    values[3] = json.dumps(values[3])
    with psycopg.connect(url) as conn:
        found = conn.execute(
            "SELECT kanban_sec.push_changes(%s::uuid[], %s::text[], %s::text[], %s::jsonb,"
            " %s::bigint[], %s::text[], %s::bigint[], %s::bigint[], %s::timestamptz[])",
            values,
        ).fetchone()
    return int(found[0]) if found else 0


def refused(url: str, row: dict[str, Any], send: Any = None) -> psycopg.Error:
    with pytest.raises(psycopg.Error) as caught:
        (send or push)(url, row)
    return caught.value


def run(url: str, statement: str | sql.Composed, params: Any = None) -> list[Any]:
    with psycopg.connect(url, autocommit=True) as conn:
        cur = conn.execute(statement, params)
        return cur.fetchall() if cur.description else []


def state(server: SyncServer, entity: str, row_id: str) -> dict[str, Any] | None:
    found = run(
        server.admin_url(),
        "SELECT data FROM kanban_sec.rows WHERE entity = %s AND row_id = %s",
        (entity, row_id),
    )
    return found[0][0] if found else None


@dataclass
class Board:
    """A server whose board is set up (a root unit, a governing and a controlling person),
    and one login of each kind to act as the case's actor."""

    server: SyncServer
    actors: dict[str, tuple[str, str]]

    def actor_url(self, kind: str) -> str:
        login, password = self.actors[kind]
        return self.server.pg.member_url(self.server.dbname, login, password)

    def act_as(self, kind: str, person: str) -> str:
        """The actor login of ``kind``, now the board's person ``person``."""
        run(
            self.server.admin_url(),
            "UPDATE kanban_sec.members SET person = %s WHERE login = %s",
            (person, self.actors[kind][0]),
        )
        return self.actor_url(kind)


@pytest.fixture(scope="module")
def board(pg: PgCluster) -> Board:
    server = new_sync_server(pg)
    push(
        server.url("governing"),
        change("unit", ROOT_UNIT, {"name": "Root"}),
        change(
            "person",
            "root-governing",
            {"name": "Governing", "unit_id": ROOT_UNIT, "role": "governing"},
        ),
        change(
            "person",
            "root-controlling",
            {"name": "Controlling", "unit_id": ROOT_UNIT, "role": "controlling"},
        ),
    )
    tag = secrets.token_hex(3)
    actors = {}
    for kind in ("governing", "operational", "controlling"):
        login, password = f"act_{kind[:3]}_{tag}", secrets.token_urlsafe(12)
        add_member(server.admin_url(), login, kind, password)
        actors[kind] = (login, password)
    return Board(server, actors)


# -- the shared table of cases ------------------------------------------------------------------


def set_up_case(board: Board, case: Case, tag: str) -> None:
    """The case's board on the server: written by the governing (verifications: the
    controlling) member, as changes. The case's top unit hangs under the root unit, so the
    governing member who writes it may record the decisions a case starts from."""
    for entity, row_id, values in world_rows(case, tag):
        if entity == "unit" and not values.get("parent_id"):
            values = {**values, "parent_id": ROOT_UNIT}
        who = "controlling" if entity == "verification" else "governing"
        push(board.server.url(who), change(entity, row_id, values))


@pytest.mark.parametrize("way", ["insert", "batch"])
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_the_server_judges_the_case(board: Board, case: Case, way: str) -> None:
    """The same answer whether a member INSERTs the change or the client pushes it in a
    batch (``kanban_sec.push_changes``, which judges plain changes at once)."""
    # In a batch, after a plain change of the same member (internal control creates no
    # items): all of it lands, or none.
    alongside = change("item", str(uuid.uuid4()), {"title": "Alongside"})
    before = [] if case.role == "controlling" else [alongside]

    def send(url: str, row: dict[str, Any]) -> None:
        if way == "insert":
            push(url, row)
        else:
            assert push_batch(url, *before, row) == len(before) + 1

    tag = secrets.token_hex(4)
    set_up_case(board, case, tag)
    url = board.act_as(case.role, resolve("@actor", tag))
    row_id = case.row_id if not case.row_id.startswith("@") else resolve(case.row_id, tag)
    proposed = change(case.entity, row_id, resolve(dict(case.fields), tag))
    if case.expected is None:
        send(url, proposed)
        stored = state(board.server, case.entity, row_id)
        assert stored is not None
        # (The state keeps the fields a rule reads: rules.STATE_FIELDS.)
        assert all(
            stored.get(k) == v
            for k, v in resolve(dict(case.fields), tag).items()
            if k in rules.STATE_FIELDS[case.entity]
        )
        return
    error = refused(url, proposed, send)
    assert error.sqlstate == case.expected, error.diag.message_primary
    described = errors.describe_error(error)
    assert isinstance(described, errors.ChangeRefused)
    assert described.change_id == proposed["id"]
    assert proposed["id"] in str(described) and str(described).startswith(
        "the server refused change "
    )
    assert run(
        board.server.admin_url(),
        "SELECT count(*) FROM kanban_sec.changes WHERE id IN (%s, %s)",
        (proposed["id"], alongside["id"]),
    ) == [(0,)]


# -- attacks with plain psycopg ------------------------------------------------------------------


def scored_item(board: Board, status: str = "doing") -> str:
    """An item the server has in ``status`` on a maturity-0 link of a chain with target 3,
    scoring 75 (it needs verification)."""
    item_id, chain_id, link_id = str(uuid.uuid4()), str(uuid.uuid4()), str(uuid.uuid4())
    push(
        board.server.url("governing"),
        change("chain", chain_id, {"name": f"Chain {chain_id[:6]}", "target_maturity": 3}),
        change("link", link_id, {"chain_id": chain_id, "name": "Device", "maturity": 0}),
        change(
            "item",
            item_id,
            {
                "title": "Patch",
                "status": status,
                "likelihood": 5,
                "consequence": 5,
                "chain_id": chain_id,
                "link_id": link_id,
            },
        ),
    )
    return item_id


def test_forged_author_and_person_are_overridden(board: Board) -> None:
    server = board.server
    forged = change(
        "item",
        str(uuid.uuid4()),
        {"title": "Mine"},
        author=server.login("governing"),
        person="Governing",
    )
    push(server.url("operational"), forged)
    assert run(
        server.admin_url(),
        "SELECT author, person FROM kanban_sec.changes WHERE id = %s",
        (forged["id"],),
    ) == [(server.login("operational"), "Operational")]


def test_set_role_does_not_change_who_writes(board: Board) -> None:
    server = board.server
    operational = server.login("operational")
    setting = change("setting", f"policy.probe_{uuid.uuid4().hex[:6]}", {"value": "1"})
    work = change("item", str(uuid.uuid4()), {"title": "Mine"})
    for role in ("kanban_operational", "kanban_member"):
        with psycopg.connect(server.url("operational")) as conn:
            conn.execute(sql.SQL("SET ROLE {}").format(sql.Identifier(role)))
            assert conn.execute("SELECT current_user, session_user").fetchone() == (
                role,
                operational,
            )
            with pytest.raises(psycopg.Error) as caught:
                insert(conn, setting)  # governed: judged as the operational login
            assert caught.value.sqlstate == "KS004"
    with psycopg.connect(server.url("operational")) as conn:
        conn.execute("SET ROLE kanban_member")
        insert(conn, work)
    assert run(
        server.admin_url(),
        "SELECT author, person FROM kanban_sec.changes WHERE id = %s",
        (work["id"],),
    ) == [(operational, "Operational")]


def test_a_forged_old_value_does_not_count(board: Board) -> None:
    item_id = scored_item(board, "doing")
    forged = change("item", item_id, {})
    forged["fields"] = {"status": ["done", "verify"]}  # the server has it in doing
    assert refused(board.server.url("operational"), forged).sqlstate == "KS002"
    assert refused(board.server.url("controlling"), forged).sqlstate == "KS004"
    assert state(board.server, "item", item_id)["status"] == "doing"  # type: ignore[index]


def test_an_older_change_does_not_win_the_state(board: Board) -> None:
    item_id = scored_item(board, "doing")
    late = change("item", item_id, {"likelihood": 2})
    early = change("item", item_id, {"likelihood": 4}, hlc=late["hlc"] - (10 << 16))
    push(board.server.url("operational"), late, early)
    assert state(board.server, "item", item_id)["likelihood"] == 2  # type: ignore[index]


def test_a_demoted_member_pushes_an_offline_change(board: Board, pg: PgCluster) -> None:
    server = board.server
    login, password = f"demoted_{uuid.uuid4().hex[:8]}", "Demoted-Pw-1"
    add_member(server.admin_url(), login, "governing", password, person="Governing")
    url = pg.member_url(server.dbname, login, password)
    made_while_governing = change(
        "chain", str(uuid.uuid4()), {"name": "Shadow chain", "target_maturity": 3}
    )
    run(
        server.admin_url(), sql.SQL("REVOKE kanban_governing FROM {}").format(sql.Identifier(login))
    )
    run(server.admin_url(), sql.SQL("GRANT kanban_operational TO {}").format(sql.Identifier(login)))
    assert refused(url, made_while_governing).sqlstate == "KS004"


def test_members_cannot_write_the_state_or_the_rules(board: Board) -> None:
    for statement in (
        "INSERT INTO kanban_sec.rows VALUES ('item', 'x', '{}', '{}')",
        "UPDATE kanban_sec.rows SET data = '{}'",
        "DELETE FROM kanban_sec.field_specs",
        "INSERT INTO kanban_sec.rule_roles VALUES ('setting', '*', 'operational')",
    ):
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            run(board.server.url("governing"), statement)


def test_members_have_an_idle_in_transaction_timeout(board: Board) -> None:
    server = board.server
    login = server.login("operational")
    with psycopg.connect(server.url("operational")) as conn:
        assert conn.execute("SHOW idle_in_transaction_session_timeout").fetchone() == ("1min",)
    # Existing members get it from init too (an upgrade of a version-1 server).
    run(server.admin_url(), sql.SQL("ALTER ROLE {} RESET ALL").format(sql.Identifier(login)))
    init_server(server.admin_url())
    assert run(
        server.admin_url(), "SELECT rolconfig FROM pg_roles WHERE rolname = %s", (login,)
    ) == [(["idle_in_transaction_session_timeout=60s"],)]


@pytest.fixture(scope="module")
def plain(pg: PgCluster) -> Iterator[tuple[str, str]]:
    """The one database the test cluster opens to plain connections, set up, and a member's
    plain and TLS URLs there."""
    init_server(pg.admin_url(PLAIN_DATABASE))
    login, password = f"plain_{secrets.token_hex(3)}", "Plain-Pw-1"
    add_member(pg.admin_url(PLAIN_DATABASE), login, "operational", password)
    yield (
        pg.plain_url(PLAIN_DATABASE, login, password),
        pg.member_url(PLAIN_DATABASE, login, password),
    )
    # Other tests expect the plain database without a kanban-sec schema: leave it so.
    with psycopg.connect(pg.admin_url(PLAIN_DATABASE), autocommit=True) as conn:
        conn.execute("DROP SCHEMA kanban_sec CASCADE")


def test_a_member_without_tls_is_refused(plain: tuple[str, str]) -> None:
    plain_url, tls_url = plain
    row = change("item", str(uuid.uuid4()), {"title": "Plain"})
    error = refused(plain_url, row)
    assert error.sqlstate == "KS010"
    described = errors.describe_error(error)
    assert isinstance(described, errors.TlsFailure)
    assert "without TLS" in str(described)
    push(tls_url, row)  # the same member with TLS
    assert run(tls_url, "SELECT count(*) FROM kanban_sec.changes WHERE id = %s", (row["id"],)) == [
        (1,)
    ]
    # Reading without TLS is refused too (a pull).
    with pytest.raises(psycopg.Error) as caught:
        run(plain_url, "SELECT id FROM kanban_sec.changes")
    assert caught.value.sqlstate == "KS010"


# -- the server's score and its state -----------------------------------------------------------


@pytest.mark.parametrize(
    ("likelihood", "consequence", "target", "maturity", "place"),
    [
        (5, 5, 3, 0, "link"),
        (4, 2, 3, 1, "link"),
        (2, 3, 2, 3, "link"),
        (None, 4, 3, 1, "link"),
        (5, 4, 2, None, "chain"),
        (4, 4, 3, 2, "chain"),
        (None, None, 3, 1, "chain"),
        (5, 5, 3, None, "bare chain"),
        (3, 3, None, None, "nowhere"),
        (5, 4, None, None, "nowhere"),
    ],
)
def test_the_server_scores_as_the_ranking(
    board: Board,
    likelihood: int | None,
    consequence: int | None,
    target: int | None,
    maturity: int | None,
    place: str,
) -> None:
    chain_id, link_id, bare_id = str(uuid.uuid4()), str(uuid.uuid4()), str(uuid.uuid4())
    gov = board.server.url("governing")
    push(gov, change("chain", chain_id, {"name": "C", "target_maturity": target or 3}))
    push(gov, change("chain", bare_id, {"name": "Bare", "target_maturity": target or 3}))
    links = [
        Link(link_id, chain_id, "L", maturity=maturity or 0),
        Link(str(uuid.uuid4()), chain_id, "Strong", maturity=3),
    ]
    for link in links:
        push(
            gov,
            change(
                "link",
                link.id,
                {"chain_id": chain_id, "name": link.name, "maturity": link.maturity},
            ),
        )
    item: dict[str, Any] = {}
    if likelihood is not None:
        item["likelihood"] = likelihood
    if consequence is not None:
        item["consequence"] = consequence
    if place in ("link", "chain"):
        item["chain_id"] = chain_id
    if place == "bare chain":
        item["chain_id"] = bare_id
    if place == "link":
        item["link_id"] = link_id
    found = run(board.server.admin_url(), "SELECT kanban_sec.item_score(%s)", (Jsonb(item),))
    chain = {
        "link": Chain(chain_id, "C", target_maturity=target or 3),
        "chain": Chain(chain_id, "C", target_maturity=target or 3),
        "bare chain": Chain(bare_id, "Bare", target_maturity=target or 3),
    }.get(place)
    expected = item_score(
        Item(id="i", title="t", likelihood=likelihood, consequence=consequence),
        chain,
        links[0] if place == "link" else None,
        links,
    )
    assert found == [(expected,)]


def test_an_upgrade_from_version_1_builds_the_state_from_the_log(pg: PgCluster) -> None:
    server = new_sync_server(pg)
    item_id = str(uuid.uuid4())
    first = change("item", item_id, {"title": "One", "status": "doing", "likelihood": 2})
    second = change("item", item_id, {"title": "Two", "likelihood": 4})
    push(server.url("operational"), first, second)
    before = run(
        server.admin_url(),
        "SELECT entity, row_id, data, stamps FROM kanban_sec.rows ORDER BY entity, row_id",
    )
    # (No title: the state keeps only the fields a rule reads.)
    assert state(server, "item", item_id) == {"status": "doing", "likelihood": 4}
    # What a version-1 server has: the log, no state, no declarations.
    run(
        server.admin_url(),
        "TRUNCATE kanban_sec.rows, kanban_sec.rule_roles, kanban_sec.field_specs",
    )
    run(server.admin_url(), "UPDATE kanban_sec.meta SET value = '1'")
    assert init_server(server.admin_url()) == SERVER_SCHEMA_VERSION
    assert (
        run(
            server.admin_url(),
            "SELECT entity, row_id, data, stamps FROM kanban_sec.rows ORDER BY entity, row_id",
        )
        == before
    )
    assert run(server.admin_url(), "SELECT count(*) > 0 FROM kanban_sec.rule_roles") == [(True,)]
    init_server(server.admin_url())  # again: the same
    assert (
        run(
            server.admin_url(),
            "SELECT entity, row_id, data, stamps FROM kanban_sec.rows ORDER BY entity, row_id",
        )
        == before
    )
    # The rules hold after the upgrade.
    done = change("item", item_id, {"status": "done", "classification": "confidential"})
    assert refused(server.url("operational"), done).sqlstate == "KS002"


def test_a_standups_snapshot_may_be_larger_than_other_texts(board: Board) -> None:
    """The server holds the rulebook's size limits: a standup's snapshot of a big board
    (here 200 KiB) is stored; the same text as its notes is refused."""
    big = (
        '{"version":2,"units":[],"people":[],"items":['
        + ",".join(f'["{uuid.uuid4().hex}","b",-1,-1]' for _ in range(4_800))
        + "]}"
    )
    assert len(big) > 200 * 1024
    url = board.server.url("operational")
    standup = {
        "held_on": "2026-12-04",
        "started_at": "2026-12-04T09:00:00+00:00",
        "facilitator": "Lead",
        "attendees": "[]",
        "notes": "",
    }
    push(url, change("standup", str(uuid.uuid4()), {**standup, "snapshot": big}))
    too_long = refused(
        url, change("standup", str(uuid.uuid4()), {**standup, "snapshot": "{}", "notes": big})
    )
    assert too_long.sqlstate == "KS006" and "over 64 KiB" in str(too_long)
