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
  object of ``[new, old]`` pairs. It also stamps ``xid`` and ``received`` itself.

No Qt here. Errors reach the caller as :class:`~kanban_sec.domain.errors.KanbanError`
subclasses (see :mod:`kanban_sec.sync.errors`) and never carry a password.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg import sql

from kanban_sec.domain.errors import BadInput
from kanban_sec.sync.errors import (
    HLC_MAX_AHEAD_MS,
    LoginFailed,
    MemberExists,
    SchemaMismatch,
    ServerRefused,
    SyncError,
    conninfo_parts,
    describe_error,
    redact,
)

#: The server schema this kanban-sec speaks. A server with another version is refused.
SERVER_SCHEMA_VERSION = 1
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
INSERT_COLUMNS = ("id", "entity", "row_id", "fields", "hlc", "node_id", "person",
                  "base_xid", "base_seq", "at", "author")
CONNECT_TIMEOUT = 10
_LOCK_KEY = 0x6B616E62  # "kanb": serialises concurrent set-ups of one database

_TABLES = """
CREATE SCHEMA IF NOT EXISTS kanban_sec;
REVOKE ALL ON SCHEMA kanban_sec FROM PUBLIC;

CREATE TABLE IF NOT EXISTS kanban_sec.changes (
  seq      bigserial PRIMARY KEY,
  xid      xid8 NOT NULL DEFAULT pg_current_xact_id(),
  id       uuid NOT NULL UNIQUE,
  entity   text NOT NULL,
  row_id   text NOT NULL,
  fields   jsonb NOT NULL,
  hlc      bigint NOT NULL,
  node_id  text NOT NULL,
  person   text NOT NULL,
  base_xid bigint, base_seq bigint,
  at       timestamptz NOT NULL,
  author   name NOT NULL DEFAULT current_user,
  received timestamptz NOT NULL DEFAULT clock_timestamp()
);
-- Pull reads in server order; the trigger looks rows up by (entity, row_id).
CREATE INDEX IF NOT EXISTS changes_position ON kanban_sec.changes (xid, seq);
CREATE INDEX IF NOT EXISTS changes_row ON kanban_sec.changes (entity, row_id);

CREATE TABLE IF NOT EXISTS kanban_sec.meta (key text PRIMARY KEY, value text NOT NULL);
CREATE TABLE IF NOT EXISTS kanban_sec.members (
  login  name PRIMARY KEY,
  kind   text NOT NULL,
  person text
);
"""

# ``>>`` on a bigint is arithmetic: an HLC's top 48 bits are epoch milliseconds. The rules
# are plain expressions (no queries) for the common case; the one lookup a rule needs, and
# the lookup of a retried change, run only when a change would be refused.
_TRIGGER = """
CREATE OR REPLACE FUNCTION kanban_sec.check_change() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
  code text;
  message text;
  hint text;
  ahead_ms bigint;
BEGIN
  -- The server's own columns: a member cannot choose its place in the server order.
  NEW.xid := pg_current_xact_id();
  NEW.received := clock_timestamp();
  ahead_ms := (NEW.hlc >> 16)
              - floor(extract(epoch FROM NEW.received) * 1000)::bigint;

  IF jsonb_typeof(NEW.fields) IS DISTINCT FROM 'object' OR jsonb_path_exists(
       NEW.fields, 'strict $.* ? (@.type() != "array" || @.size() != 2)') THEN
    code := 'KS005';
    message := format('change %s: fields must be a JSON object of [new, old] pairs', NEW.id);
  ELSIF ahead_ms > {max_ahead_ms} THEN
    code := 'KS001';
    message := format('change %s: its HLC time stamp is %s s ahead of the server clock '
                      '(at most %s s allowed)', NEW.id, round(ahead_ms / 1000.0, 1),
                      {max_ahead_ms} / 1000);
    hint := 'Check the clock of the computer that made the change.';
  ELSIF (NEW.entity = 'verification'
         OR (NEW.entity = 'item'
             AND coalesce(NEW.fields -> 'status' ->> 0 = 'done'
                          AND NEW.fields -> 'status' ->> 1 = 'verify', false)))
        AND NOT pg_has_role(current_user, 'kanban_controlling', 'MEMBER') THEN
    code := 'KS002';
    message := format('change %s: only controlling members verify (%s is not one)',
                      NEW.id, current_user);
  ELSIF NEW.entity = 'risk_decision' AND NEW.fields ? 'decision'
        AND NOT pg_has_role(current_user, 'kanban_governing', 'MEMBER')
        AND NOT pg_has_role(current_user, 'kanban_risk_owner', 'MEMBER') THEN
    code := 'KS003';
    message := format('change %s: only governing members and risk owners record risk '
                      'decisions (%s is neither)', NEW.id, current_user);
  ELSIF (NEW.entity IN ('setting', 'column')
         OR (NEW.entity = 'person' AND NEW.fields ? 'role'
             -- anyone may add a new person as operational (e.g. by importing a CSV file)
             AND NOT (NEW.fields -> 'role' ->> 0 IS NOT DISTINCT FROM 'operational'
                      AND NOT EXISTS (SELECT 1 FROM kanban_sec.changes c
                                      WHERE c.entity = 'person' AND c.row_id = NEW.row_id
                                        AND c.id <> NEW.id))))
        AND NOT pg_has_role(current_user, 'kanban_governing', 'MEMBER') THEN
    code := 'KS004';
    message := format('change %s: only governing members change %s (%s is not one)',
                      NEW.id, CASE WHEN NEW.entity = 'person' THEN 'roles'
                                   ELSE NEW.entity || 's' END, current_user);
  END IF;

  IF code IS NULL THEN
    RETURN NEW;
  END IF;
  -- A retried push of a change the server has: ON CONFLICT (id) DO NOTHING skips it (and
  -- without ON CONFLICT the unique id refuses it), so it is not judged again, even if the
  -- member's rights or the clock have changed since. Row-level security still applies.
  IF EXISTS (SELECT 1 FROM kanban_sec.changes c WHERE c.id = NEW.id) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION USING ERRCODE = code, MESSAGE = message,
    DETAIL = jsonb_build_object('code', code, 'change', NEW.id, 'entity', NEW.entity,
                                'login', current_user, 'ahead_ms', ahead_ms)::text,
    HINT = coalesce(hint, '');
END
$fn$;

DROP TRIGGER IF EXISTS check_change ON kanban_sec.changes;
CREATE TRIGGER check_change BEFORE INSERT ON kanban_sec.changes
  FOR EACH ROW EXECUTE FUNCTION kanban_sec.check_change();

ALTER TABLE kanban_sec.changes ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS changes_insert ON kanban_sec.changes;
CREATE POLICY changes_insert ON kanban_sec.changes FOR INSERT
  WITH CHECK (author = current_user);
DROP POLICY IF EXISTS changes_select ON kanban_sec.changes;
CREATE POLICY changes_select ON kanban_sec.changes FOR SELECT USING (true);
""".replace("{max_ahead_ms}", str(HLC_MAX_AHEAD_MS))

_ROLE = """
DO $do$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = {name}) THEN
    CREATE ROLE {ident} NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;  -- created meanwhile by a set-up of another database on this cluster
END
$do$;
"""


def _grants(database: str) -> list[sql.SQL | sql.Composed]:
    member = sql.Identifier(MEMBER_ROLE)
    columns = sql.SQL(", ").join(sql.Identifier(c) for c in INSERT_COLUMNS)
    statements: list[sql.SQL | sql.Composed] = [
        sql.SQL("REVOKE ALL ON kanban_sec.changes, kanban_sec.meta, kanban_sec.members"
                " FROM PUBLIC, {member}").format(member=member),
        sql.SQL("REVOKE ALL ON SEQUENCE kanban_sec.changes_seq_seq FROM PUBLIC, {member}")
        .format(member=member),
        sql.SQL("REVOKE ALL ON FUNCTION kanban_sec.check_change() FROM PUBLIC"),
        sql.SQL("GRANT USAGE ON SCHEMA kanban_sec TO {member}").format(member=member),
        sql.SQL("GRANT SELECT ON kanban_sec.changes TO {member}").format(member=member),
        sql.SQL("GRANT INSERT ({columns}) ON kanban_sec.changes TO {member}").format(
            columns=columns, member=member),
        sql.SQL("GRANT USAGE, SELECT ON SEQUENCE kanban_sec.changes_seq_seq TO {member}")
        .format(member=member),
        sql.SQL("GRANT SELECT ON kanban_sec.meta, kanban_sec.members TO {member}")
        .format(member=member),
        sql.SQL("GRANT CONNECT ON DATABASE {db} TO {member}").format(
            db=sql.Identifier(database), member=member),
    ]
    for role in (GOVERNING_ROLE, OPERATIONAL_ROLE, CONTROLLING_ROLE):
        statements.append(sql.SQL("GRANT {member} TO {role}").format(
            member=member, role=sql.Identifier(role)))
    return statements


# -- connections ---------------------------------------------------------------------------------


@contextmanager
def _connected(conninfo: str, *, secrets: Iterable[str | None] = ()) -> Iterator[
        psycopg.Connection[Any]]:
    """A connection in one transaction, committed at the end; psycopg errors (connecting
    included) become one readable :class:`SyncError`."""
    hidden = list(secrets)
    try:
        timeout: dict[str, Any] = ({} if "connect_timeout" in conninfo_parts(conninfo)
                                   else {"connect_timeout": CONNECT_TIMEOUT})
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
        (SCHEMA,)).fetchone()
    if row is None:
        return None
    readable = conn.execute(
        "SELECT has_schema_privilege(%s, 'USAGE') AND has_table_privilege(%s, 'SELECT')",
        (SCHEMA, row[0])).fetchone()
    if not (readable and readable[0]):
        user = conn.execute("SELECT current_user").fetchone()
        raise LoginFailed("sync.server.no_access", user=user[0] if user else "?")
    found = conn.execute(
        "SELECT value FROM kanban_sec.meta WHERE key = 'schema_version'").fetchone()
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
        if existing is not None:
            version = _version_number(existing)
            if version > SERVER_SCHEMA_VERSION:
                error = SchemaMismatch("sync.server.too_new", server=version,
                                       client=SERVER_SCHEMA_VERSION)
                error.server_version = version
                raise error
        row = conn.execute("SELECT current_user").fetchone()
        user = str(row[0]) if row else "?"
        try:
            _create(conn)
        except psycopg.errors.InsufficientPrivilege as exc:
            reason = redact(" ".join((exc.diag.message_primary or str(exc)).split()))
            raise ServerRefused("sync.server.no_rights", user=user, reason=reason) from None
    return SERVER_SCHEMA_VERSION


def _create(conn: psycopg.Connection[Any]) -> None:
    for role in (MEMBER_ROLE, GOVERNING_ROLE, OPERATIONAL_ROLE, CONTROLLING_ROLE,
                 RISK_OWNER_ROLE):
        conn.execute(sql.SQL(_ROLE).format(name=sql.Literal(role),
                                           ident=sql.Identifier(role)))
    conn.execute(_TABLES)
    conn.execute(_TRIGGER)
    row = conn.execute("SELECT current_database()").fetchone()
    for statement in _grants(str(row[0]) if row else ""):
        conn.execute(statement)
    conn.execute(
        "INSERT INTO kanban_sec.meta (key, value) VALUES ('schema_version', %s)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (str(SERVER_SCHEMA_VERSION),))


def add_member(conninfo: str, login: str, kind: str, password: str, *,
               person: str | None = None, risk_owner: bool = False) -> None:
    """Create the login ``login`` (a member of ``kind``: governing, operational or
    controlling), optionally a risk owner, and record it in ``kanban_sec.members``.

    The password goes to the server as a SCRAM verifier computed here, so it appears in
    no statement or server log. A login that exists already is refused
    (:class:`~kanban_sec.sync.errors.MemberExists`).
    """
    if kind not in KIND_ROLES:
        raise BadInput("value.bad_role", value=kind, choices=", ".join(KIND_ROLES))
    if not login or len(login.encode()) > 63 or "\0" in login or \
            login.lower().startswith("pg_"):
        raise BadInput("sync.server.bad_login", login=login)
    if not password:
        raise BadInput("sync.server.no_password")
    with _connected(conninfo, secrets=[password]) as conn:
        check_version(conn)
        exists = conn.execute("SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = %s",
                              (login,)).fetchone()
        if exists is not None:
            raise MemberExists("sync.server.member_exists", login=login)
        verifier = conn.pgconn.encrypt_password(password.encode(), login.encode(),
                                                b"scram-sha-256").decode("ascii")
        ident = sql.Identifier(login)
        try:
            conn.execute(sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(
                ident, sql.Literal(verifier)))
        except psycopg.errors.DuplicateObject:
            raise MemberExists("sync.server.member_exists", login=login) from None
        conn.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(KIND_ROLES[kind]), ident))
        if risk_owner:
            conn.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(RISK_OWNER_ROLE),
                                                          ident))
        conn.execute(
            "INSERT INTO kanban_sec.members (login, kind, person) VALUES (%s, %s, %s)"
            " ON CONFLICT (login) DO UPDATE SET kind = excluded.kind,"
            " person = excluded.person", (login, kind, person))


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
