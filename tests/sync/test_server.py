"""The sync server's schema, rules and errors, against a real PostgreSQL (see conftest)."""

from __future__ import annotations

import time
import uuid
from datetime import UTC, datetime
from typing import Any

import psycopg
import pytest
from psycopg.types.json import Jsonb

from kanban_sec.domain.errors import BadInput, KanbanError
from kanban_sec.sync import errors
from kanban_sec.sync.server import (
    SERVER_SCHEMA_VERSION,
    add_member,
    check_version,
    init_server,
)

from .pg import PgCluster, SyncServer, new_sync_server

MINUTE_MS = 60_000


def hlc_at(ms: int) -> int:
    return ms << 16


def now_ms() -> int:
    return int(time.time() * 1000)


def change(**overrides: Any) -> dict[str, Any]:
    """A change row as a client pushes it (an item title by default)."""
    row: dict[str, Any] = {
        "id": str(uuid.uuid4()),
        "entity": "item",
        "row_id": str(uuid.uuid4()),
        "fields": {"title": ["Patch the firewall", None]},
        "hlc": hlc_at(now_ms()),
        "node_id": "node-a",
        "person": "Kari",
        "base_xid": None,
        "base_seq": None,
        "at": datetime.now(UTC),
    }
    row.update(overrides)
    return row


def push(url: str, *rows: dict[str, Any]) -> None:
    """Insert ``rows`` in one transaction, as the client's push does."""
    with psycopg.connect(url) as conn:
        for row in rows:
            names = list(row)
            values = [Jsonb(v) if n == "fields" else v for n, v in row.items()]
            conn.execute(
                f"INSERT INTO kanban_sec.changes ({', '.join(names)})"
                f" VALUES ({', '.join(['%s'] * len(names))}) ON CONFLICT (id) DO NOTHING",
                values,
            )


def refused(url: str, *rows: dict[str, Any]) -> psycopg.Error:
    with pytest.raises(psycopg.Error) as caught:
        push(url, *rows)
    return caught.value


def run(url: str, statement: str, params: Any = None) -> list[Any]:
    with psycopg.connect(url, autocommit=True) as conn:
        cur = conn.execute(statement, params)
        return cur.fetchall() if cur.description else []


def stored(server: SyncServer, change_id: str) -> list[Any]:
    return run(
        server.admin_url(),
        "SELECT author, person, entity FROM kanban_sec.changes WHERE id = %s",
        (change_id,),
    )


@pytest.fixture(scope="module")
def shared(pg: PgCluster) -> SyncServer:
    """One set-up database for the tests that only add changes (``sync_server`` is fresh).

    Its board has a governing person: it is set up (before that, anyone may set it up)."""
    server = new_sync_server(pg)
    push(
        server.url("governing"),
        change(entity="person", fields={"name": ["Governing", None], "role": ["governing", None]}),
    )
    return server


# -- set-up -----------------------------------------------------------------------------------


def test_init_is_idempotent_and_sets_version_4(pg: PgCluster) -> None:
    dbname = pg.new_database()
    url = pg.admin_url(dbname)
    assert init_server(url) == SERVER_SCHEMA_VERSION == 4
    add_member(url, f"early_{dbname}", "operational", "s3cret-Early")
    member = pg.member_url(dbname, f"early_{dbname}", "s3cret-Early")
    kept = change()
    push(member, kept)

    assert init_server(url) == 4  # again: nothing lost, nothing doubled
    assert run(url, "SELECT key, value FROM kanban_sec.meta") == [("schema_version", "4")]
    assert run(url, "SELECT id::text FROM kanban_sec.changes") == [(kept["id"],)]
    assert run(url, "SELECT login, kind FROM kanban_sec.members") == [
        (f"early_{dbname}", "operational")
    ]
    assert run(
        url,
        "SELECT relrowsecurity, relforcerowsecurity FROM pg_class"
        " WHERE oid = 'kanban_sec.changes'::regclass",
    ) == [(True, False)]
    assert run(
        url,
        "SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal"
        " AND tgrelid = 'kanban_sec.changes'::regclass",
    ) == [(1,)]
    assert {
        r[0]
        for r in run(
            url, "SELECT polname FROM pg_policy WHERE polrelid = 'kanban_sec.changes'::regclass"
        )
    } == {"changes_insert", "changes_select"}
    push(member, change())  # the member still works after the second init
    # A second database on the same cluster shares the (cluster-wide) group roles.
    other = pg.new_database()
    assert init_server(pg.admin_url(other)) == 4


def test_members_have_the_roles_of_their_kind(sync_server: SyncServer) -> None:
    rows = dict(run(sync_server.admin_url(), "SELECT login, kind FROM kanban_sec.members"))
    assert rows == {
        sync_server.login("governing"): "governing",
        sync_server.login("operational"): "operational",
        sync_server.login("controlling"): "controlling",
        sync_server.login("risk_owner"): "operational",
    }
    risk = sync_server.login("risk_owner")
    assert run(
        sync_server.admin_url(),
        "SELECT pg_has_role(%s, 'kanban_risk_owner', 'MEMBER'),"
        " pg_has_role(%s, 'kanban_member', 'MEMBER'),"
        " pg_has_role(%s, 'kanban_governing', 'MEMBER')",
        (risk, risk, risk),
    ) == [(True, True, False)]
    # Members read the members and the version, and every change.
    with psycopg.connect(sync_server.url("operational")) as conn:
        check_version(conn)
        assert len(conn.execute("SELECT * FROM kanban_sec.members").fetchall()) == 4


def test_add_member_twice_is_a_clear_error(shared: SyncServer) -> None:
    login = shared.login("operational")
    with pytest.raises(errors.MemberExists) as caught:
        add_member(shared.admin_url(), login, "governing", "another-password")
    assert str(caught.value) == f"the server already has a login “{login}”: choose another name"
    assert "another-password" not in str(caught.value)
    assert caught.value.message("nb").startswith("serveren har allerede en bruker")


def test_add_member_checks_its_input(shared: SyncServer) -> None:
    with pytest.raises(BadInput, match="not a role"):
        add_member(shared.admin_url(), "newbie", "boss", "pw")
    with pytest.raises(BadInput, match="needs a password"):
        add_member(shared.admin_url(), "newbie", "operational", "")
    with pytest.raises(BadInput, match="cannot be a login name"):
        add_member(shared.admin_url(), "pg_sneaky", "operational", "pw")


def test_add_member_is_safe_with_odd_names_and_passwords(shared: SyncServer) -> None:
    login = f'o\'dd "name"; DROP TABLE x; {uuid.uuid4().hex[:6]}'
    password = "pa'ss\"word; -- $$ \\ æøå"
    add_member(shared.admin_url(), login, "controlling", password, person="O'Dd")
    url = shared.pg.member_url(shared.dbname, login, password)
    row = change(entity="comment", fields={"body": ["checked", None]})
    push(url, row)
    assert stored(shared, row["id"]) == [(login, "O'Dd", "comment")]


def test_init_and_add_member_need_a_schema_and_rights(pg: PgCluster) -> None:
    dbname = pg.new_database()
    with pytest.raises(errors.SchemaMismatch, match="kanban-sec server init"):
        add_member(pg.admin_url(dbname), f"x_{dbname}", "operational", "pw")


# -- row-level security and append-only ---------------------------------------------------------


def test_member_writes_as_themselves(shared: SyncServer) -> None:
    implicit, explicit = change(), change(author=shared.login("operational"))
    push(shared.url("operational"), implicit, explicit)
    login = shared.login("operational")
    assert stored(shared, implicit["id"])[0][0] == login
    assert stored(shared, explicit["id"])[0][0] == login


def test_the_server_sets_author_and_person(shared: SyncServer) -> None:
    forged = change(author=shared.login("governing"), person="Governing")
    push(shared.url("operational"), forged)
    assert stored(shared, forged["id"]) == [(shared.login("operational"), "Operational", "item")]
    # The INSERT policy still holds the author to the session's login.
    assert run(
        shared.admin_url(),
        "SELECT pg_get_expr(polwithcheck, polrelid)"
        " FROM pg_policy WHERE polname = 'changes_insert'",
    ) == [("((author = SESSION_USER) AND (NOT prejudged) AND (NOT premerged))",)]


APPEND_ONLY = (
    "UPDATE kanban_sec.changes SET person = 'Mallory'",
    "DELETE FROM kanban_sec.changes",
    "TRUNCATE kanban_sec.changes",
    "INSERT INTO kanban_sec.meta (key, value) VALUES ('x', 'y')",
    "UPDATE kanban_sec.meta SET value = '2'",
    "DELETE FROM kanban_sec.members",
    "INSERT INTO kanban_sec.members (login, kind) VALUES (current_user, 'governing')",
    "ALTER TABLE kanban_sec.changes DISABLE ROW LEVEL SECURITY",
    "DROP TRIGGER check_change ON kanban_sec.changes",
    "SELECT setval('kanban_sec.changes_seq_seq', 10)",
    "CREATE TABLE kanban_sec.mine (x int)",
    # The server's state of the rows and the rulebook's declarations are the trigger's.
    "INSERT INTO kanban_sec.rows VALUES ('item', 'x', '{}', '{}')",
    "UPDATE kanban_sec.rows SET data = '{}'",
    "DELETE FROM kanban_sec.rows",
    "DELETE FROM kanban_sec.rule_roles",
    "INSERT INTO kanban_sec.rule_roles VALUES ('item', '*', 'controlling')",
    "UPDATE kanban_sec.field_specs SET spec = '{}'",
    "SELECT kanban_sec.judge('item', 'x', '{}', NULL, 'governing', 'x')",
)


@pytest.mark.parametrize("who", ["governing", "operational", "controlling", "risk_owner"])
def test_changes_are_append_only(shared: SyncServer, who: str) -> None:
    push(shared.url(who), change(entity="comment", fields={"body": ["hello", None]}))
    before = run(shared.admin_url(), "SELECT * FROM kanban_sec.changes ORDER BY seq")
    for statement in APPEND_ONLY:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            run(shared.url(who), statement)
    assert run(shared.admin_url(), "SELECT * FROM kanban_sec.changes ORDER BY seq") == before
    assert run(shared.admin_url(), "SELECT value FROM kanban_sec.meta") == [("4",)]


def test_member_cannot_choose_its_server_position(shared: SyncServer) -> None:
    for column, value in (("seq", 10**12), ("xid", "1"), ("received", datetime(2000, 1, 1))):
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            push(shared.url("operational"), change(**{column: value}))


def test_push_is_idempotent_and_pull_reads_in_server_order(shared: SyncServer) -> None:
    pull = (
        "SELECT xid::text::bigint, seq, id::text FROM kanban_sec.changes"
        " WHERE (xid, seq) > (%s::text::xid8, %s)"
        " AND xid < pg_snapshot_xmin(pg_current_snapshot()) ORDER BY xid, seq"
    )
    seen = run(shared.url("controlling"), pull, (0, 0))
    cursor = seen[-1][:2] if seen else (0, 0)
    first, second, third = change(), change(), change()
    push(shared.url("operational"), first, second)
    push(shared.url("operational"), first, second)  # a retry after a lost COMMIT reply
    push(shared.url("governing"), third)
    rows = run(shared.url("controlling"), pull, cursor)
    assert [r[2] for r in rows] == [first["id"], second["id"], third["id"]]
    assert rows[0][0] == rows[1][0] < rows[2][0]  # one push, one transaction


# -- the trigger -------------------------------------------------------------------------------


def test_future_hlc_is_refused(shared: SyncServer) -> None:
    ahead = change(hlc=hlc_at(now_ms() + 10 * MINUTE_MS))
    error = refused(shared.url("governing"), ahead)
    assert error.sqlstate == "KS001"
    assert "ahead of the server clock" in (error.diag.message_primary or "")
    described = errors.describe_error(error)
    assert isinstance(described, errors.ChangeRefused)
    assert described.change_id == ahead["id"]
    text = str(described)
    assert ahead["id"] in text and "(at most 300 s allowed)" in text
    seconds = int(text.split("time stamp is ")[1].split(" s ahead")[0])
    assert 595 <= seconds <= 600
    assert stored(shared, ahead["id"]) == []


def test_hlc_a_little_ahead_is_accepted(shared: SyncServer) -> None:
    slightly = change(hlc=hlc_at(now_ms() + MINUTE_MS) + 7)  # counter bits too
    push(shared.url("operational"), slightly)
    assert stored(shared, slightly["id"])


def test_one_bad_change_refuses_the_whole_push(shared: SyncServer) -> None:
    good, bad = change(), change(hlc=hlc_at(now_ms() + 60 * MINUTE_MS))
    assert refused(shared.url("operational"), good, bad).sqlstate == "KS001"
    assert stored(shared, good["id"]) == []


def item_in(server: SyncServer, status: str = "verify") -> str:
    """A new item the server has in ``status`` (put there by a governing member)."""
    item_id = str(uuid.uuid4())
    push(
        server.url("governing"),
        change(
            row_id=item_id, fields={"title": ["Patch the firewall", None], "status": [status, None]}
        ),
    )
    return item_id


def verification(item_id: str) -> dict[str, Any]:
    return change(
        entity="verification",
        fields={
            "item_id": [item_id, None],
            "verdict": ["approved", None],
            "evidence": ["screenshot", None],
        },
    )


def verify_to_done(item_id: str) -> dict[str, Any]:
    return change(
        row_id=item_id,
        fields={"status": ["done", "verify"], "updated_at": ["2030-01-02", "2030-01-01"]},
    )


@pytest.mark.parametrize("make", [verification, verify_to_done])
@pytest.mark.parametrize("who", ["operational", "governing", "risk_owner"])
def test_only_controlling_members_verify(shared: SyncServer, who: str, make: Any) -> None:
    row = make(item_in(shared))
    error = refused(shared.url(who), row)
    assert error.sqlstate == "KS002"
    described = errors.describe_error(error)
    assert isinstance(described, errors.ChangeRefused)
    assert described.change_id == row["id"]
    assert str(described).startswith(
        f"the server refused change {row['id']} ({row['entity']}): done needs a "
        "verification by a controlling member ("
    )


def test_controlling_member_verifies(shared: SyncServer) -> None:
    item_id = item_in(shared)
    rows = verification(item_id), verify_to_done(item_id)
    push(shared.url("controlling"), *rows)
    assert all(stored(shared, r["id"]) for r in rows)
    assert run(
        shared.admin_url(),
        "SELECT data ->> 'status' FROM kanban_sec.rows WHERE entity = 'item' AND row_id = %s",
        (item_id,),
    ) == [("done",)]


def test_operational_member_moves_other_work_to_done(shared: SyncServer) -> None:
    rows = (
        change(fields={"status": ["done", "doing"]}),  # score 3 × 3 × 3 = 27 < 30
        change(fields={"status": ["verify", "doing"]}),
    )
    push(shared.url("operational"), *rows)
    back = change(row_id=rows[1]["row_id"], fields={"status": ["doing", "verify"]})
    push(shared.url("operational"), back)  # sent back from verify
    assert all(stored(shared, r["id"]) for r in (*rows, back))


def decision(value: str | None = "accept") -> dict[str, Any]:
    return change(
        entity="risk_decision",
        fields={
            "decision": [value, None],
            "rationale": ["low impact", None],
            "valid_until": ["2031-01-01", None],
        },
    )


def test_operational_member_cannot_record_a_risk_decision(shared: SyncServer) -> None:
    for who in ("operational", "risk_owner"):
        for row in (decision(), decision(None)):  # clearing a decision is deciding too
            error = refused(shared.url(who), row)
            assert error.sqlstate == "KS003"
            assert "risk decisions are the risk owner's" in str(errors.describe_error(error))
    # Internal control decides nothing, not even a new risk case.
    assert refused(shared.url("controlling"), decision()).sqlstate == "KS004"


def test_governing_members_record_risk_decisions(shared: SyncServer) -> None:
    rows = decision(), decision("reduce")
    push(shared.url("governing"), *rows)
    # IT's recommendation (no decision) is a worker's to make.
    recommendation = change(entity="risk_decision", fields={"recommendation": ["reduce", None]})
    push(shared.url("operational"), recommendation)
    assert all(stored(shared, r["id"]) for r in (*rows, recommendation))


@pytest.mark.parametrize(
    "row",
    [
        change(entity="setting", row_id="policy.verify_min_score", fields={"value": ["10", "30"]}),
        change(entity="column", fields={"wip_limit": [1, 3]}),
        change(entity="person", fields={"role": ["governing", "operational"]}),
        change(entity="person", fields={"role": ["controlling", None]}),
    ],
    ids=["setting", "column", "role", "new-controller"],
)
def test_only_governing_members_change_settings_columns_roles(
    shared: SyncServer, row: dict[str, Any]
) -> None:
    for who in ("operational", "controlling", "risk_owner"):
        error = refused(shared.url(who), row)
        assert error.sqlstate == "KS004"
        assert f"“{shared.login(who)}” does not have a role that may change this" in str(
            errors.describe_error(error)
        )
    push(shared.url("governing"), row)
    assert stored(shared, row["id"])


def test_anyone_adds_a_new_operational_person_but_not_a_demotion(shared: SyncServer) -> None:
    person_id = str(uuid.uuid4())
    created = change(
        entity="person",
        row_id=person_id,
        fields={"name": ["Ola", None], "role": ["operational", None]},
    )
    push(shared.url("operational"), created)  # e.g. by a CSV import
    renamed = change(entity="person", row_id=person_id, fields={"name": ["Ola N.", "Ola"]})
    assert refused(shared.url("operational"), renamed).sqlstate == "KS004"  # governed
    push(shared.url("governing"), renamed)
    governing = str(uuid.uuid4())
    push(
        shared.url("governing"),
        change(
            entity="person",
            row_id=governing,
            fields={"name": ["Gro", None], "role": ["governing", None]},
        ),
    )
    demotion = change(entity="person", row_id=governing, fields={"role": ["operational", None]})
    assert refused(shared.url("operational"), demotion).sqlstate == "KS004"


def test_a_retried_push_is_accepted_after_the_rights_change(
    pg: PgCluster, shared: SyncServer
) -> None:
    login, password = f"ctl_{uuid.uuid4().hex[:8]}", "Ctl-Pw-1"
    add_member(shared.admin_url(), login, "controlling", password)
    url = pg.member_url(shared.dbname, login, password)
    item_id = item_in(shared)
    row = verification(item_id)
    push(url, row)
    run(shared.admin_url(), f"REVOKE kanban_controlling FROM {login}")  # now operational
    run(shared.admin_url(), f"GRANT kanban_operational TO {login}")
    push(url, row)  # the reply to the first COMMIT was lost: the client sends it again
    assert refused(url, verification(item_id)).sqlstate == "KS002"
    # A retried new person is fine too.
    person = change(entity="person", fields={"name": ["Per", None], "role": ["operational", None]})
    push(shared.url("operational"), person)
    push(shared.url("operational"), person)
    # Another member sending a change id the server has changes nothing: still the first's.
    first = change()
    push(shared.url("governing"), first)
    push(shared.url("operational"), first)
    assert stored(shared, first["id"])[0][0] == shared.login("governing")


@pytest.mark.parametrize(
    "fields", [["status", "done"], {"status": "done"}, {"status": ["done"]}, "done"]
)
def test_fields_must_be_pairs(shared: SyncServer, fields: Any) -> None:
    error = refused(shared.url("operational"), change(fields=fields))
    assert error.sqlstate == "KS005"
    assert "[new, old] pairs" in str(errors.describe_error(error))


# -- TLS ---------------------------------------------------------------------------------------


def test_connections_use_verified_tls(shared: SyncServer) -> None:
    assert run(
        shared.url("operational"), "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"
    ) == [(True,)]


def test_plain_connection_is_refused_where_tls_is_required(
    pg: PgCluster, shared: SyncServer
) -> None:
    # The plaintest database shows the server does take plain connections where allowed...
    assert run(
        pg.plain_url("plaintest"), "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"
    ) == [(False,)]
    # ... and refuses them for the kanban database.
    login, password = shared.logins["operational"]
    url = pg.plain_url(shared.dbname, login, password)
    with pytest.raises(psycopg.OperationalError) as caught:
        psycopg.connect(url)
    assert "no encryption" in str(caught.value)
    described = errors.describe_error(caught.value, url)
    assert isinstance(described, errors.TlsFailure)
    assert str(described) == (
        f"the server 127.0.0.1:{pg.port} refuses connections without TLS: use sslmode=verify-full"
    )
    assert password not in str(described)


def test_wrong_ca_fails_with_a_readable_tls_message(pg: PgCluster, shared: SyncServer) -> None:
    login, password = shared.logins["governing"]
    url = pg.url(shared.dbname, login, password, ca_file=pg.wrong_ca_file)
    with pytest.raises(psycopg.OperationalError) as caught:
        psycopg.connect(url)
    described = errors.describe_error(caught.value, url)
    assert isinstance(described, errors.TlsFailure)
    text = str(described)
    assert text.startswith(
        f"no secure (TLS) connection to 127.0.0.1:{pg.port}: the server's "
        "certificate could not be verified ("
    )
    assert "certificate verify failed" in text
    assert password not in text
    assert "bekreftes" in described.message("nb")


def test_wrong_server_name_fails_tls(pg: PgCluster, shared: SyncServer) -> None:
    login, password = shared.logins["governing"]
    # The right address, but a name the certificate is not for.
    url = (
        f"host=wrong.example hostaddr=127.0.0.1 port={pg.port} dbname={shared.dbname}"
        f" user={login} password={password} sslmode=verify-full sslrootcert={pg.ca_file}"
    )
    with pytest.raises(psycopg.OperationalError) as caught:
        psycopg.connect(url)
    described = errors.describe_error(caught.value, url)
    assert isinstance(described, errors.TlsFailure)
    assert "does not match host name" in str(described)
    assert password not in str(described)


# -- versions ----------------------------------------------------------------------------------


def test_check_version_accepts_the_current_schema(shared: SyncServer) -> None:
    with psycopg.connect(shared.url("controlling")) as conn:
        check_version(conn)


def test_check_version_on_a_database_without_the_schema(pg: PgCluster) -> None:
    dbname = pg.new_database()
    with psycopg.connect(pg.admin_url(dbname)) as conn:
        with pytest.raises(errors.SchemaMismatch) as caught:
            check_version(conn)
        assert conn.execute("SELECT 1").fetchone() == (1,)  # the transaction still works
    assert caught.value.server_version is None
    assert str(caught.value) == (
        "the sync server is not set up: ask the administrator to run `kanban-sec server init`"
    )


@pytest.mark.parametrize(
    ("stored_version", "expected"),
    [
        (
            "3",
            "the server is older than this kanban-sec (server schema 3, this app 4): the "
            "administrator runs `kanban-sec server init` to upgrade",
        ),
        (
            "5",
            "the server is newer than this kanban-sec (server schema 5, this app 4): update "
            "the app",
        ),
        (
            "two",
            "the server's schema version “two” is not a number: ask the administrator to "
            "run `kanban-sec server init`",
        ),
    ],
)
def test_check_version_refuses_other_versions(
    sync_server: SyncServer, stored_version: str, expected: str
) -> None:
    run(
        sync_server.admin_url(),
        "UPDATE kanban_sec.meta SET value = %s WHERE key = 'schema_version'",
        (stored_version,),
    )
    with (
        psycopg.connect(sync_server.url("operational")) as conn,
        pytest.raises(errors.SchemaMismatch) as caught,
    ):
        check_version(conn)
    assert str(caught.value) == expected


def test_init_without_the_right_to_create_roles_is_refused_clearly(pg: PgCluster) -> None:
    owner = f"owner_{uuid.uuid4().hex[:8]}"
    dbname = pg.new_database()
    run(pg.admin_url(), f"CREATE ROLE {owner} LOGIN PASSWORD 'Owner-Pw-1'")
    run(pg.admin_url(), f"ALTER DATABASE {dbname} OWNER TO {owner}")
    with pytest.raises(errors.ServerRefused) as caught:
        init_server(pg.member_url(dbname, owner, "Owner-Pw-1"))
    text = str(caught.value)
    assert text.startswith(f"“{owner}” may not set up the server (")
    assert text.endswith("run it as the database owner with CREATEROLE, or as a superuser")
    assert run(pg.admin_url(dbname), "SELECT to_regnamespace('kanban_sec')") == [(None,)]


def test_init_refuses_a_newer_server_and_upgrades_an_older(sync_server: SyncServer) -> None:
    url = sync_server.admin_url()
    run(url, "UPDATE kanban_sec.meta SET value = '7'")
    with pytest.raises(errors.SchemaMismatch, match="update the app"):
        init_server(url)
    assert run(url, "SELECT value FROM kanban_sec.meta") == [("7",)]
    run(url, "UPDATE kanban_sec.meta SET value = '0'")
    assert init_server(url) == 4
    assert run(url, "SELECT value FROM kanban_sec.meta") == [("4",)]


def test_a_login_that_is_not_a_member_is_told_so(pg: PgCluster, shared: SyncServer) -> None:
    stranger = f"stranger_{shared.dbname}"
    run(pg.admin_url(), f"CREATE ROLE {stranger} LOGIN PASSWORD 'pw-stranger'")
    with psycopg.connect(pg.member_url(shared.dbname, stranger, "pw-stranger")) as conn:
        with pytest.raises(errors.LoginFailed) as caught:
            check_version(conn)
        assert f"the login “{stranger}” may not read the kanban-sec schema" in str(caught.value)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO kanban_sec.changes (id) VALUES (gen_random_uuid())")


# -- readable errors ---------------------------------------------------------------------------


def test_wrong_password_is_readable_and_secret(pg: PgCluster, shared: SyncServer) -> None:
    login = shared.login("operational")
    secret = "Wrong-Pa55word-xyz"
    url = pg.member_url(shared.dbname, login, secret)
    with pytest.raises(psycopg.OperationalError) as caught:
        psycopg.connect(url)
    described = errors.describe_error(caught.value, url)
    assert isinstance(described, errors.LoginFailed)
    assert str(described) == (
        f"the sync server 127.0.0.1:{pg.port} refused the login "
        f"“{login}”: wrong user name or password"
    )
    # Through the server functions too: never the password, never the URL with it.
    with pytest.raises(KanbanError) as again:
        add_member(url, "someone_new", "operational", "Their-Pa55")
    for text in (str(again.value), again.value.message("nb")):
        assert secret not in text and "Their-Pa55" not in text
    assert isinstance(again.value, errors.LoginFailed)


def test_wrong_admin_password_in_init(pg: PgCluster) -> None:
    dbname = pg.new_database()
    url = pg.url(dbname, pg.admin_user, "Not-The-Admin-Pw")
    with pytest.raises(errors.LoginFailed) as caught:
        init_server(url)
    assert "Not-The-Admin-Pw" not in str(caught.value)
    assert caught.value.__cause__ is None and caught.value.__suppress_context__


def test_unreachable_server_is_readable(pg: PgCluster) -> None:
    url = pg.url("nowhere", "someone", "Pw-Unreach").replace(f":{pg.port}/", ":1/")
    with pytest.raises(errors.ServerUnreachable) as caught:
        init_server(url)
    text = str(caught.value)
    assert text.startswith("cannot reach the sync server 127.0.0.1:1: ")
    assert "Connection refused" in text and "Pw-Unreach" not in text


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://bob:Top-Secret-1@[::1/db",
        "host=localhost password='Top-Secret-1' bogus=1",
        "postgresql://bob:Top-Secret-1@localhost/db?sslmode=sometimes",
    ],
)
def test_bad_address_never_shows_the_password(url: str) -> None:
    with pytest.raises(errors.BadAddress) as caught:
        init_server(url)
    assert "Top-Secret-1" not in str(caught.value)
    assert str(caught.value).startswith("the sync server address is not valid: ")


def test_missing_database_is_readable(pg: PgCluster) -> None:
    with pytest.raises(errors.SyncError, match="has no database “no_such_db”"):
        init_server(pg.admin_url("no_such_db"))


def test_redact() -> None:
    assert (
        errors.redact('bad URI: "postgresql://u:p%40ss@h/db"')
        == 'bad URI: "postgresql://u:***@h/db"'
    )
    assert errors.redact("host=h password='a b\\'c' user=u") == "host=h password=*** user=u"
    assert (
        errors.redact("x?sslmode=require&password=abc&user=u")
        == "x?sslmode=require&password=***&user=u"
    )
    assert errors.redact("said hunter2 twice: hunter2", ["hunter2"]) == "said *** twice: ***"


def test_missing_ca_file_is_a_tls_failure(pg: PgCluster, shared: SyncServer) -> None:
    login, password = shared.logins["operational"]
    url = pg.url(shared.dbname, login, password, ca_file=pg.root / "no-such-ca.crt")
    with pytest.raises(errors.TlsFailure, match=r"no-such-ca\.crt"):
        init_server(url)


@pytest.mark.parametrize(
    ("message", "kind", "start"),
    [
        (
            'connection failed: connection to server at "db.example", port 5432 failed: '
            "server does not support SSL, but SSL was required",
            errors.TlsFailure,
            "the server db.example:5432 does not offer TLS",
        ),
        (
            "consuming input failed: SSL SYSCALL error: EOF detected",
            errors.ServerUnreachable,
            "cannot reach the sync server db.example:6543/board: consuming input failed: SSL "
            "SYSCALL error: EOF detected",
        ),
        (
            'connection failed: connection to server at "10.0.0.9", port 5432 failed: timeout '
            "expired",
            errors.ServerUnreachable,
            "cannot reach the sync server 10.0.0.9:5432: timeout expired",
        ),
        (
            'connection failed: connection to server at "db.example", port 5432 failed: FATAL:  no '
            'pg_hba.conf entry for host "10.1.1.1", user "kari", database "board", SSL encryption',
            errors.LoginFailed,
            "the server db.example:5432 does not let “kari” into the database “board”",
        ),
    ],
)
def test_describe_connection_errors(message: str, kind: type[errors.SyncError], start: str) -> None:
    url = "postgresql://kari:Kari-Pw-9@db.example:6543/board"
    described = errors.describe_error(psycopg.OperationalError(message), url, secrets=["unused"])
    assert isinstance(described, kind)
    assert str(described).startswith(start)
    assert "Kari-Pw-9" not in str(described)


def test_missing_server_binaries_are_named(monkeypatch: pytest.MonkeyPatch) -> None:
    from . import pg as pg_module

    monkeypatch.setattr(pg_module, "_TOOLS", ("initdb", "no-such-pg-tool"))
    monkeypatch.delenv("KANBAN_SEC_PG_BIN", raising=False)
    with pytest.raises(pg_module.ClusterError, match="install PostgreSQL"):
        pg_module.find_bindir()
