"""The sync client: push this replica's new changes, pull everybody else's (no Qt).

One :func:`sync` is: connect (verified TLS), check the server's schema version, make the
node's clock follow the server's, push the unpushed changes (in batches, idempotent by
change id, in one server transaction; marked pushed locally only after COMMIT), then pull
in server order until nothing is left, each batch applied in one SQLite transaction
together with the pull cursor (:func:`kanban_sec.sync.merge.apply_remote`).

Whatever fails (server out of reach, wrong password, TLS, schema, a connection lost in the
middle, the app killed), the local database is consistent and the next sync completes:
pushes are idempotent, and a pull batch is applied all or nothing with its cursor.
"""

from __future__ import annotations

import ipaddress
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import psycopg
from psycopg.conninfo import conninfo_to_dict

from kanban_sec.domain import hlc
from kanban_sec.domain.errors import BadInput
from kanban_sec.store import replica, rows
from kanban_sec.store.database import Database
from kanban_sec.store.unit_of_work import parse_cursor
from kanban_sec.sync import merge, refusals, system_ca
from kanban_sec.sync.errors import TlsFailure, describe_error
from kanban_sec.sync.merge import RemoteChange
from kanban_sec.sync.server import CONNECT_TIMEOUT, check_version

#: Called as ``on_progress(stage, done, total)``: stage ``"push"`` (total known) or
#: ``"pull"`` (total ``None``: the server does not say how many are waiting).
Progress = Callable[[str, int, int | None], None]
#: A clock this close to the server's is left alone (network delay makes up the rest).
CLOCK_TOLERANCE_MS = 1000

_PUSH = """
INSERT INTO kanban_sec.changes (id, entity, row_id, fields, hlc, node_id, person,
                                base_xid, base_seq, at)
SELECT id, entity, row_id, fields, hlc, node_id, person, base_xid, base_seq, at
FROM unnest(%s::uuid[], %s::text[], %s::text[], %s::jsonb[], %s::bigint[], %s::text[],
            %s::text[], %s::bigint[], %s::bigint[], %s::timestamptz[])
     WITH ORDINALITY AS u(id, entity, row_id, fields, hlc, node_id, person, base_xid,
                          base_seq, at, n)
ORDER BY n
ON CONFLICT (id) DO NOTHING
"""

# The client's way: the server judges the batch's plain changes at once (the rest one by one
# through the trigger, in order). The person is the server's to set.
# (Sent in binary: no quoting of 10,000 strings an array.)
_PUSH_FUNCTION = """
SELECT kanban_sec.push_changes(%b::uuid[], %b::text[], %b::text[], %b::jsonb, %b::bigint[],
                               %b::text[], %b::bigint[], %b::bigint[], %b::timestamptz[])
"""
_HAS_PUSH_FUNCTION = """
SELECT f IS NOT NULL AND has_function_privilege(f, 'EXECUTE')
FROM to_regprocedure('kanban_sec.push_changes(uuid[], text[], text[], jsonb, bigint[],
                      text[], bigint[], bigint[], timestamptz[])') f
"""

# On a server without it (set up by an older kanban-sec): COPY into a temporary table, then
# the same INSERT from it.
_PUSH_TABLE = """
CREATE TEMP TABLE IF NOT EXISTS kanban_push (
  n bigint, id uuid, entity text, row_id text, fields text, hlc bigint, node_id text,
  person text, base_xid bigint, base_seq bigint, at timestamptz)
"""
_PUSH_COPY = (
    "COPY pg_temp.kanban_push (n, id, entity, row_id, fields, hlc, node_id, person,"
    " base_xid, base_seq, at) FROM STDIN"
)
_PUSH_FROM_TABLE = """
INSERT INTO kanban_sec.changes (id, entity, row_id, fields, hlc, node_id, person,
                                base_xid, base_seq, at)
SELECT id, entity, row_id, fields::jsonb, hlc, node_id, person, base_xid, base_seq, at
FROM pg_temp.kanban_push ORDER BY n
ON CONFLICT (id) DO NOTHING
"""

# In server order, and only below the oldest transaction still running: one that commits
# late has a lower xid than rows already visible, so the cursor waits for it.
_PULL = """
SELECT id::text, entity, row_id, CASE WHEN node_id = %s THEN NULL ELSE fields::text END,
       hlc, node_id, person,
       to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
       base_xid, base_seq, xid::text::bigint, seq
FROM kanban_sec.changes
WHERE (xid, seq) > (%s::text::xid8, %s) AND xid < pg_snapshot_xmin(pg_current_snapshot())
ORDER BY xid, seq
LIMIT %s
"""


#: Changes per pushed batch (each on its own savepoint) and per pulled batch.
PUSH_BATCH = 2_000
PULL_BATCH = 10_000


@dataclass(frozen=True)
class Remote:
    """Where to sync: a libpq URL without a password, and how to trust the server."""

    url: str
    #: The CA certificate that signed the server's (else the system's trusted CAs).
    ca_file: str | None = None
    #: Allow a connection without TLS, to a server on this machine only.
    allow_plain_loopback: bool = False


@dataclass(frozen=True)
class SyncResult:
    """What one sync did."""

    #: Changes of this replica the server took in.
    pushed: int
    #: Changes of other replicas stored here.
    pulled: int
    #: Open conflicts on this replica after the sync.
    conflicts: int
    at: datetime
    #: This replica's changes the server refused, set aside (all of them, not only new).
    refused: tuple[refusals.RefusedChange, ...] = ()
    #: Pulled changes this board could not apply (all kept in quarantine).
    quarantined: int = 0


def is_loopback(host: str) -> bool:
    """Whether ``host`` is this machine (a loopback name or address, or a Unix socket)."""
    if not host or host.startswith("/") or host.lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def connect(remote: Remote, password: str, user: str | None = None) -> psycopg.Connection[Any]:
    """An autocommit connection to the server: TLS with ``verify-full`` (``ca_file`` as root
    certificate), or plain only to a loopback server when ``allow_plain_loopback``."""
    try:
        parts = {k: str(v) for k, v in conninfo_to_dict(remote.url).items() if v is not None}
    except psycopg.Error as exc:
        raise describe_error(exc, None, secrets=[password]) from None
    if parts.get("password"):
        raise BadInput("sync.url_has_password")
    host = parts.get("host") or parts.get("hostaddr") or "localhost"
    options: dict[str, Any] = {
        "password": password,
        "autocommit": True,
        "application_name": "kanban-sec",
    }
    if user:
        options["user"] = user
    if "connect_timeout" not in parts:
        options["connect_timeout"] = CONNECT_TIMEOUT
    if remote.allow_plain_loopback:
        if not all(is_loopback(h) for h in host.split(",")):
            raise TlsFailure("sync.plain_refused", host=host)
        options["sslmode"] = "disable"
    else:
        options["sslmode"] = "verify-full"
        if remote.ca_file:
            options["sslrootcert"] = remote.ca_file
        elif not parts.get("sslrootcert"):
            # The operating system's trusted CAs (on Windows and macOS exported from its
            # store, which OpenSSL's default misses: system_ca.py).
            root = system_ca.system_root_cert()
            if root is not None:
                options["sslrootcert"] = root
    try:
        return psycopg.connect(remote.url, **options)
    except psycopg.Error as exc:
        raise describe_error(exc, remote.url, secrets=[password]) from None


def sync(
    db: Database,
    remote: Remote,
    password: str,
    *,
    batch: int | None = None,
    on_progress: Progress | None = None,
) -> SyncResult:
    """Push this replica's unpushed changes and pull everybody else's; see the module.

    ``batch``: changes per push batch and per pulled batch (by default 2,000 and 10,000:
    a pulled batch is applied in one local transaction, rows it touches rebuilt once)."""
    progress = on_progress or (lambda stage, done, total: None)
    conn = connect(remote, password)
    try:
        check_version(conn)
        _follow_server_clock(db, conn)
        pushed = push(db, conn, batch=batch or PUSH_BATCH, on_progress=progress)
        pulled = pull(db, conn, batch=batch or PULL_BATCH, on_progress=progress)
    except psycopg.Error as exc:
        raise describe_error(exc, remote.url, secrets=[password]) from None
    finally:
        conn.close()
    at = datetime.now(UTC)
    open_conflicts, quarantined = replica.synced(db, rows.ts(at))
    return SyncResult(
        pushed, pulled, open_conflicts, at, tuple(refusals.list_refused(db)), quarantined
    )


# -- the clock ------------------------------------------------------------------------------------


def server_offset(conn: psycopg.Connection[Any]) -> tuple[int, int]:
    """The server's clock in epoch milliseconds, and how far it is from this machine's."""
    before = hlc.wall_millis()
    row = conn.execute(
        "SELECT floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint"
    ).fetchone()
    after = hlc.wall_millis()
    server = int(row[0]) if row else before
    return server, server - (before + after) // 2


def _follow_server_clock(db: Database, conn: psycopg.Connection[Any]) -> None:
    server, offset = server_offset(conn)
    if abs(offset) < CLOCK_TOLERANCE_MS:
        offset = 0
    ahead = merge.unpushed_ahead(db, server)
    on_server: list[str] = []
    if ahead:  # the answer to an earlier push may have been lost: those keep their stamps
        found = conn.execute(
            "SELECT id::text FROM kanban_sec.changes WHERE id = ANY(%s::uuid[])", (ahead,)
        ).fetchall()
        on_server = [r[0] for r in found]
    merge.follow_server_clock(db, server, offset, on_server)


# -- push -----------------------------------------------------------------------------------------


def push(
    db: Database,
    conn: psycopg.Connection[Any],
    *,
    batch: int = PUSH_BATCH,
    on_progress: Progress | None = None,
) -> int:
    """Send the unpushed changes in one server transaction; mark them pushed after COMMIT.
    Returns how many the server did not have yet.

    Each batch goes on its own savepoint; when the server refuses a change in it (SQLSTATE
    ``KS…``, or a data or constraint error), the batch is rolled back to the savepoint and
    sent again in halves, down to one change per savepoint: the changes the server takes
    land, the refused ones are set aside (``refused_changes``, with the server's reason)
    and are not sent again until redone (:func:`kanban_sec.sync.refusals.redo_refused`).
    """
    last, total = replica.outbox(db)
    if not total or last is None:
        return 0
    way = _push_way(conn)
    taken = sent = 0
    after = 0
    refused: list[tuple[str, str, str]] = []
    with conn.transaction():
        while True:  # read a batch at a time: a first sync may send a whole board
            chunk = replica.outbox_batch(db, after, last, batch)
            if not chunk:
                break
            taken += _send(conn, [_outgoing(r) for r in chunk], way, refused)
            after = chunk[-1][0]
            sent += len(chunk)
            if on_progress is not None:
                on_progress("push", sent, total)
    if refused:
        refusals.set_aside(db, refused)
    mark_pushed(db, last)
    return taken


def _outgoing(row: Any) -> Any:
    """A change as the server gets it: a transfer's file without this computer's folders."""
    if row[2] != "transfer" or '"path"' not in row[4]:
        return row
    fields = json.loads(row[4])
    pair = fields.get("path")
    if isinstance(pair, list):
        fields["path"] = [merge.file_name(v) for v in pair]
    return (*row[:4], json.dumps(fields, ensure_ascii=False), *row[5:])


def refusal_of(exc: psycopg.Error) -> tuple[str, str] | None:
    """``(code, reason)`` when the server refused the change itself (a rule ``KS…``, a
    value or constraint error); ``None`` for anything else (connection, rights, …)."""
    state = exc.sqlstate or ""
    if not (state.startswith("KS") or state.startswith("22") or state.startswith("23")):
        return None
    diag = exc.diag
    reason = diag.message_primary or str(exc).strip().splitlines()[0]
    if diag.message_detail:
        reason += f" ({diag.message_detail})"
    return state, reason


def _send(
    conn: psycopg.Connection[Any],
    chunk: Sequence[Any],
    way: str,
    refused: list[tuple[str, str, str]],
) -> int:
    """Insert ``chunk`` on a savepoint; on a refusal, the halves on their own savepoints
    (one change alone is refused: set aside in ``refused``)."""
    try:
        with conn.transaction():
            return _push_batch(conn, chunk, way)
    except psycopg.Error as exc:
        why = refusal_of(exc)
        if why is None:
            raise
        if len(chunk) == 1:
            refused.append((str(chunk[0][1]), *why))
            return 0
    middle = len(chunk) // 2
    return _send(conn, chunk[:middle], way, refused) + _send(conn, chunk[middle:], way, refused)


def _push_batch(conn: psycopg.Connection[Any], chunk: Sequence[Any], way: str) -> int:
    """Send ``chunk`` the ``way`` the server takes (:func:`_push_way`); how many it took."""
    if way == "copy":
        return _copy_batch(conn, chunk)
    columns = [list(c) for c in zip(*chunk, strict=True)]
    if way == "function":  # (the person is the server's; the fields go as one JSON array)
        _seq, ids, entities, row_ids, fields, hlcs, nodes, _person, *rest = columns
        params = [ids, entities, row_ids, "[" + ",".join(fields) + "]", hlcs, nodes, *rest]
        row = conn.execute(_PUSH_FUNCTION, params).fetchone()
        return int(row[0]) if row else 0
    return conn.execute(_PUSH, columns[1:]).rowcount


def _push_way(conn: psycopg.Connection[Any]) -> str:
    """How to push to this server: ``function`` (kanban_sec.push_changes), else ``copy``
    (the session's temporary table; a server may deny TEMP), else ``insert``."""
    row = conn.execute(_HAS_PUSH_FUNCTION).fetchone()
    if row and row[0]:
        return "function"
    try:
        conn.execute(_PUSH_TABLE)
    except psycopg.errors.InsufficientPrivilege:
        return "insert"
    return "copy"


def _copy_batch(conn: psycopg.Connection[Any], chunk: Sequence[Any]) -> int:
    with conn.cursor() as cur:
        with cur.copy(_PUSH_COPY) as copy:
            for row in chunk:
                copy.write_row(row)
        cur.execute(_PUSH_FROM_TABLE)
        taken = cur.rowcount
        cur.execute("TRUNCATE pg_temp.kanban_push")
    return taken


def mark_pushed(db: Database, up_to_seq: int) -> None:
    """The changes up to local ``seq`` are on the server (after its COMMIT returned),
    except those it refused."""
    replica.mark_pushed(db, up_to_seq)


# -- pull -----------------------------------------------------------------------------------------


def pull(
    db: Database,
    conn: psycopg.Connection[Any],
    *,
    batch: int = PULL_BATCH,
    on_progress: Progress | None = None,
) -> int:
    """Fetch and apply batches in server order until none is left; returns how many
    changes were new here."""
    xid, seq = parse_cursor(replica.meta_values(db, ("sync_cursor",)).get("sync_cursor"))
    cursor = (xid or 0, seq or 0)
    new = done = 0
    while True:
        found = _with_own_fields(db, conn, fetch(conn, cursor, batch, own=db.node_id))
        if not found:
            break
        cursor = (found[-1].pos_xid, found[-1].pos_seq)
        result = merge.apply_remote(db, found, cursor)
        new += result.new
        done += len(found)
        if on_progress is not None:
            on_progress("pull", done, None)
        if len(found) < batch:
            break
    return new


def fetch(
    conn: psycopg.Connection[Any], cursor: tuple[int, int], limit: int, *, own: str = ""
) -> Sequence[RemoteChange]:
    """The next changes after ``cursor`` in server order (at most ``limit``); those of the
    node ``own`` without their fields (``None``: the node has them, see
    :func:`_with_own_fields`)."""
    with conn.cursor() as cur:
        cur.execute(_PULL, (own, str(cursor[0]), cursor[1], limit))
        return [RemoteChange._make(r) for r in cur.fetchall()]


def _with_own_fields(
    db: Database, conn: psycopg.Connection[Any], found: Sequence[RemoteChange]
) -> Sequence[RemoteChange]:
    """``found`` with the fields of this node's changes that its log does not hold (a board
    restored from a backup older than its last push): fetched by id. The rest come back
    only for their server positions and need none."""
    mine = [c.id for c in found if c.fields is None]
    if not mine:
        return found
    missing = set(mine) - replica.changes_here(db, mine)
    if not missing:
        return found
    fields = dict(
        conn.execute(
            "SELECT id::text, fields::text FROM kanban_sec.changes WHERE id = ANY(%s::uuid[])",
            (sorted(missing),),
        ).fetchall()
    )
    return [c._replace(fields=fields[c.id]) if c.id in missing else c for c in found]
