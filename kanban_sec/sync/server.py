"""The sync server's side: set-up of the PostgreSQL schema, members, and the version check.

An administrator runs :func:`init_server` once on an existing database (again after an
upgrade: it is idempotent) and :func:`add_member` for each person who syncs. Clients call
:func:`check_version` on every connection. The schema is the one in ``PROTOCOL.md``:

- ``kanban_sec.changes``: the append-only log. Members may INSERT (only as themselves:
  row-level security) and SELECT; nobody but the owner may UPDATE, DELETE or TRUNCATE.
- ``kanban_sec.meta`` (``schema_version``) and ``kanban_sec.members`` (login → kind, person).
- Group roles ``kanban_member`` ⊃ ``kanban_governing`` / ``kanban_operational`` /
  ``kanban_controlling``, and ``kanban_risk_owner`` (may record risk decisions). Roles are
  cluster-wide: a second database on the same cluster shares them.
- A ``BEFORE INSERT`` trigger that refuses, with its own SQLSTATE:
  ``KS001`` an HLC more than 5 minutes ahead of the server clock; ``KS002`` a verification
  (a ``verification`` row, or an item going ``verify`` → ``done``) by a non-controlling
  member; ``KS003`` a risk decision by somebody neither governing nor risk owner; ``KS004``
  a ``setting``/``column`` change or a person's ``role`` by a non-governing member (a new
  person may be created as operational by anyone); ``KS005`` ``fields`` that are not an
  object of ``[new, old]`` pairs; ``KS011`` a ROS risk's consequence or an information value
  by somebody not of the business that owns the chain (the ROS rules are in
  :mod:`kanban_sec.sync.server_ros`; ``PROTOCOL.md`` has every rule). It also stamps ``xid``
  and ``received`` itself.

No Qt here. Errors reach the caller as :class:`~kanban_sec.domain.errors.KanbanError`
subclasses (see :mod:`kanban_sec.sync.errors`) and never carry a password.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg import sql

from kanban_sec.domain import rules
from kanban_sec.domain.errors import BadInput
from kanban_sec.sync.errors import (
    LoginFailed,
    MemberExists,
    SchemaMismatch,
    ServerRefused,
    SyncError,
    conninfo_parts,
    describe_error,
    redact,
)
from kanban_sec.sync.server_judge import JUDGE, ROLE, TRIGGER
from kanban_sec.sync.server_push import PUSH
from kanban_sec.sync.server_ros import JUDGE_ROS
from kanban_sec.sync.server_schema import ENTITY_RULES, FUNCTIONS, REBUILD, TABLES

#: The server schema this kanban-sec speaks. A server with another version is refused.
SERVER_SCHEMA_VERSION = 4
SCHEMA = "kanban_sec"

MEMBER_ROLE = "kanban_member"
GOVERNING_ROLE = "kanban_governing"
OPERATIONAL_ROLE = "kanban_operational"
CONTROLLING_ROLE = "kanban_controlling"
RISK_OWNER_ROLE = "kanban_risk_owner"
#: Member kind → its group role.
KIND_ROLES = {
    "governing": GOVERNING_ROLE,
    "operational": OPERATIONAL_ROLE,
    "controlling": CONTROLLING_ROLE,
}
#: The columns a member may give when inserting a change (``seq``, ``xid`` and
#: ``received`` are the server's).
INSERT_COLUMNS = (
    "id",
    "entity",
    "row_id",
    "fields",
    "hlc",
    "node_id",
    "person",
    "base_xid",
    "base_seq",
    "at",
    "author",
)
CONNECT_TIMEOUT = 10
#: The argument types of ``kanban_sec.push_changes`` (a batch of changes, column by column).
PUSH_TYPES = "uuid[], text[], text[], jsonb, bigint[], text[], bigint[], bigint[], timestamptz[]"
#: How long a member's session may stay idle inside a transaction before the server ends it.
IDLE_IN_TRANSACTION_TIMEOUT = "60s"
_LOCK_KEY = 0x6B616E62  # "kanb": serialises concurrent set-ups of one database


def _grants(database: str) -> list[sql.SQL | sql.Composed]:
    member = sql.Identifier(MEMBER_ROLE)
    columns = sql.SQL(", ").join(sql.Identifier(c) for c in INSERT_COLUMNS)
    statements: list[sql.SQL | sql.Composed] = [
        sql.SQL(
            "REVOKE ALL ON kanban_sec.changes, kanban_sec.meta, kanban_sec.members"
            " FROM PUBLIC, {member}"
        ).format(member=member),
        sql.SQL("REVOKE ALL ON SEQUENCE kanban_sec.changes_seq_seq FROM PUBLIC, {member}").format(
            member=member
        ),
        sql.SQL(
            "REVOKE ALL ON kanban_sec.rows, kanban_sec.rule_roles, kanban_sec.field_specs,"
            " kanban_sec.state_fields, kanban_sec.entity_rules"
            " FROM PUBLIC, {member}"
        ).format(member=member),
        sql.SQL("REVOKE ALL ON ALL FUNCTIONS IN SCHEMA kanban_sec FROM PUBLIC, {member}").format(
            member=member
        ),
        # The SELECT policy runs as the member: it needs these two (and nothing else).
        sql.SQL(
            "GRANT EXECUTE ON FUNCTION kanban_sec.tls(), kanban_sec.require_tls() TO {member}"
        ).format(member=member),
        # The client's way to push (it judges a batch's plain changes at once).
        sql.SQL("GRANT EXECUTE ON FUNCTION kanban_sec.push_changes({types}) TO {member}").format(
            types=sql.SQL(PUSH_TYPES), member=member
        ),
        sql.SQL("GRANT USAGE ON SCHEMA kanban_sec TO {member}").format(member=member),
        sql.SQL("GRANT SELECT ON kanban_sec.changes TO {member}").format(member=member),
        sql.SQL("GRANT INSERT ({columns}) ON kanban_sec.changes TO {member}").format(
            columns=columns, member=member
        ),
        sql.SQL("GRANT USAGE, SELECT ON SEQUENCE kanban_sec.changes_seq_seq TO {member}").format(
            member=member
        ),
        sql.SQL("GRANT SELECT ON kanban_sec.meta, kanban_sec.members TO {member}").format(
            member=member
        ),
        sql.SQL("GRANT CONNECT ON DATABASE {db} TO {member}").format(
            db=sql.Identifier(database), member=member
        ),
    ]
    for role in (GOVERNING_ROLE, OPERATIONAL_ROLE, CONTROLLING_ROLE):
        statements.append(
            sql.SQL("GRANT {member} TO {role}").format(member=member, role=sql.Identifier(role))
        )
    return statements


# -- connections ---------------------------------------------------------------------------------


@contextmanager
def _connected(
    conninfo: str, *, secrets: Iterable[str | None] = ()
) -> Iterator[psycopg.Connection[Any]]:
    """A connection in one transaction, committed at the end; psycopg errors (connecting
    included) become one readable :class:`SyncError`."""
    hidden = list(secrets)
    try:
        timeout: dict[str, Any] = (
            {}
            if "connect_timeout" in conninfo_parts(conninfo)
            else {"connect_timeout": CONNECT_TIMEOUT}
        )
        with psycopg.connect(conninfo, application_name="kanban-sec server", **timeout) as conn:
            yield conn
    except psycopg.Error as exc:
        raise describe_error(exc, conninfo, secrets=hidden) from None


def _current_version(conn: psycopg.Connection[Any]) -> str | None:
    """The stored ``schema_version`` text; ``None`` when the schema is not there.

    Looks the table up in the catalogue first, so a missing schema leaves the transaction
    usable; raises :class:`LoginFailed` when the login may not read it (not a member)."""
    row = conn.execute(
        "SELECT c.oid FROM pg_catalog.pg_class c"
        " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
        " WHERE n.nspname = %s AND c.relname = 'meta' AND c.relkind = 'r'",
        (SCHEMA,),
    ).fetchone()
    if row is None:
        return None
    readable = conn.execute(
        "SELECT has_schema_privilege(%s, 'USAGE') AND has_table_privilege(%s, 'SELECT')",
        (SCHEMA, row[0]),
    ).fetchone()
    if not (readable and readable[0]):
        user = conn.execute("SELECT current_user").fetchone()
        raise LoginFailed("sync.server.no_access", user=user[0] if user else "?")
    found = conn.execute(
        "SELECT value FROM kanban_sec.meta WHERE key = 'schema_version'"
    ).fetchone()
    return None if found is None else str(found[0])


def _version_number(text: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        error = SchemaMismatch("sync.server.bad_version", value=text)
        raise error from None


def check_version(conn: psycopg.Connection[Any]) -> None:
    """Refuse a server whose kanban-sec schema is missing, older or newer than this app's.

    Raises :class:`~kanban_sec.sync.errors.SchemaMismatch` (``server_version`` set) with a
    message that says who does what about it. Runs in ``conn``'s transaction and leaves
    it usable when the schema is missing.
    """
    try:
        text = _current_version(conn)
    except psycopg.Error as exc:
        raise describe_error(exc) from None
    if text is None:
        raise SchemaMismatch("sync.server.not_set_up")
    version = _version_number(text)
    if version == SERVER_SCHEMA_VERSION:
        return
    key = "sync.server.too_new" if version > SERVER_SCHEMA_VERSION else "sync.server.too_old"
    error = SchemaMismatch(key, server=version, client=SERVER_SCHEMA_VERSION)
    error.server_version = version
    raise error


# -- set-up -----------------------------------------------------------------------------------


def init_server(conninfo: str) -> int:
    """Create or bring up to date the kanban-sec schema in the database of ``conninfo``.

    Run by an administrator (a superuser, or the database's owner with CREATEROLE). Safe to
    run again: nothing is lost, and grants, policies and the trigger are set afresh. A
    server newer than this app is refused. Returns the schema version now in place.
    """
    with _connected(conninfo) as conn:
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_KEY,))
        existing = _current_version(conn)
        version = None
        if existing is not None:
            version = _version_number(existing)
            if version > SERVER_SCHEMA_VERSION:
                error = SchemaMismatch(
                    "sync.server.too_new", server=version, client=SERVER_SCHEMA_VERSION
                )
                error.server_version = version
                raise error
        row = conn.execute("SELECT current_user").fetchone()
        user = str(row[0]) if row else "?"
        try:
            # Version 1 kept no state of the rows: build it from the log (also when the
            # stored version is unreadable or older still).
            _create(conn, rebuild=version is None or version < 2)
        except psycopg.errors.InsufficientPrivilege as exc:
            reason = redact(" ".join((exc.diag.message_primary or str(exc)).split()))
            raise ServerRefused("sync.server.no_rights", user=user, reason=reason) from None
    return SERVER_SCHEMA_VERSION


def _create(conn: psycopg.Connection[Any], *, rebuild: bool) -> None:
    for role in (MEMBER_ROLE, GOVERNING_ROLE, OPERATIONAL_ROLE, CONTROLLING_ROLE, RISK_OWNER_ROLE):
        conn.execute(sql.SQL(ROLE).format(name=sql.Literal(role), ident=sql.Identifier(role)))
    conn.execute(TABLES)
    conn.execute(FUNCTIONS)
    conn.execute(JUDGE_ROS)
    conn.execute(JUDGE)
    conn.execute(TRIGGER)
    conn.execute(PUSH)
    if _declare(conn) or rebuild:
        conn.execute(REBUILD)
    for (login,) in conn.execute(
        "SELECT m.login FROM kanban_sec.members m JOIN pg_catalog.pg_roles r ON r.rolname = m.login"
    ).fetchall():
        conn.execute(_idle_timeout(str(login)))
    row = conn.execute("SELECT current_database()").fetchone()
    for statement in _grants(str(row[0]) if row else ""):
        conn.execute(statement)
    conn.execute(
        "INSERT INTO kanban_sec.meta (key, value) VALUES ('schema_version', %s)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (str(SERVER_SCHEMA_VERSION),),
    )


def _declare(conn: psycopg.Connection[Any]) -> bool:
    """Refill the rulebook's declarations (an upgrade of the app brings its new rules).

    Returns whether the fields the state keeps changed (then the state is built again)."""
    before = conn.execute(
        "SELECT entity, field FROM kanban_sec.state_fields ORDER BY entity, field"
    ).fetchall()
    conn.execute("DELETE FROM kanban_sec.rule_roles")
    conn.execute("DELETE FROM kanban_sec.field_specs")
    conn.execute("DELETE FROM kanban_sec.state_fields")
    state = rules.state_declarations()
    with conn.cursor() as cur:
        cur.executemany(
            "INSERT INTO kanban_sec.rule_roles (entity, field, role) VALUES (%s, %s, %s)",
            rules.declarations(),
        )
        cur.executemany(
            "INSERT INTO kanban_sec.field_specs (entity, field, spec) VALUES (%s, %s, %s::jsonb)",
            rules.field_declarations(),
        )
        cur.executemany(
            "INSERT INTO kanban_sec.state_fields (entity, field) VALUES (%s, %s)", state
        )
    conn.execute(ENTITY_RULES)
    return [tuple(row) for row in before] != [tuple(row) for row in state]


def _idle_timeout(login: str) -> sql.Composed:
    """A member's login may not sit idle in a transaction (holding back others' pulls)."""
    return sql.SQL("ALTER ROLE {} SET idle_in_transaction_session_timeout = {}").format(
        sql.Identifier(login), sql.Literal(IDLE_IN_TRANSACTION_TIMEOUT)
    )


def add_member(
    conninfo: str,
    login: str,
    kind: str,
    password: str,
    *,
    person: str | None = None,
    risk_owner: bool = False,
) -> None:
    """Create the login ``login`` (a member of ``kind``: governing, operational or
    controlling), optionally a risk owner, and record it in ``kanban_sec.members``.

    The password goes to the server as a SCRAM verifier computed here, so it appears in
    no statement or server log. A login that exists already is refused
    (:class:`~kanban_sec.sync.errors.MemberExists`).
    """
    if kind not in KIND_ROLES:
        raise BadInput("value.bad_role", value=kind, choices=", ".join(KIND_ROLES))
    if not login or len(login.encode()) > 63 or "\0" in login or login.lower().startswith("pg_"):
        raise BadInput("sync.server.bad_login", login=login)
    if not password:
        raise BadInput("sync.server.no_password")
    with _connected(conninfo, secrets=[password]) as conn:
        check_version(conn)
        exists = conn.execute(
            "SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = %s", (login,)
        ).fetchone()
        if exists is not None:
            raise MemberExists("sync.server.member_exists", login=login)
        verifier = conn.pgconn.encrypt_password(
            password.encode(), login.encode(), b"scram-sha-256"
        ).decode("ascii")
        ident = sql.Identifier(login)
        try:
            conn.execute(
                sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(ident, sql.Literal(verifier))
            )
        except psycopg.errors.DuplicateObject:
            raise MemberExists("sync.server.member_exists", login=login) from None
        conn.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(KIND_ROLES[kind]), ident))
        conn.execute(_idle_timeout(login))
        if risk_owner:
            conn.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(RISK_OWNER_ROLE), ident))
        conn.execute(
            "INSERT INTO kanban_sec.members (login, kind, person) VALUES (%s, %s, %s)"
            " ON CONFLICT (login) DO UPDATE SET kind = excluded.kind,"
            " person = excluded.person",
            (login, kind, person),
        )


__all__ = [
    "CONNECT_TIMEOUT",
    "INSERT_COLUMNS",
    "KIND_ROLES",
    "SERVER_SCHEMA_VERSION",
    "SyncError",
    "add_member",
    "check_version",
    "init_server",
]
