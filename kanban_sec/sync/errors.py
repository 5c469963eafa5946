"""Readable errors for talking to the sync server (no Qt).

:func:`describe_error` turns what psycopg raises (a server out of reach, a wrong password,
a certificate that does not verify, a change the server refused) into one
:class:`~kanban_sec.domain.errors.KanbanError` with a translatable message. Passwords never
appear in these messages: URLs and ``password=`` settings are blanked, and so is every
secret the caller names.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from typing import Any

import psycopg
from psycopg.conninfo import conninfo_to_dict

from kanban_sec.domain.errors import KanbanError

#: What the server's ``BEFORE INSERT`` check raises (see ``server.py``): the codes of the
#: rulebook (:data:`kanban_sec.domain.rules.CODES`), judged against the server's own state.
HLC_AHEAD = "KS001"
ONLY_CONTROLLING = "KS002"
ONLY_DECIDER = "KS003"
ONLY_GOVERNING = "KS004"
BAD_CHANGE = "KS005"
BAD_VALUE = "KS006"
NOT_YOURSELF = "KS007"
BLOCKED_DONE = "KS008"
BAD_ACCEPTANCE = "KS009"
NO_TLS = "KS010"
NOT_BUSINESS = "KS011"
REFUSALS = {
    HLC_AHEAD: "sync.server.hlc_ahead",
    ONLY_CONTROLLING: "sync.server.rule_verify",
    ONLY_DECIDER: "sync.server.rule_decider",
    ONLY_GOVERNING: "sync.server.rule_role",
    BAD_CHANGE: "sync.server.bad_change",
    BAD_VALUE: "sync.server.rule_value",
    NOT_YOURSELF: "sync.server.rule_self",
    BLOCKED_DONE: "sync.server.rule_blocked",
    BAD_ACCEPTANCE: "sync.server.rule_acceptance",
    NOT_BUSINESS: "sync.server.rule_business",
}
#: How far ahead of the server clock a change's HLC may be (milliseconds).
HLC_MAX_AHEAD_MS = 5 * 60 * 1000


class SyncError(KanbanError):
    """A failure talking to the sync server."""

    #: The server's SQLSTATE when it gave one (``None`` for connection failures).
    sqlstate: str | None = None


class ServerUnreachable(SyncError):
    """The server cannot be reached now (down, wrong address, network): try again later."""


class LoginFailed(SyncError):
    """The server does not accept this login (wrong name or password, or not allowed in)."""


class TlsFailure(SyncError):
    """No verified TLS connection: wrong CA, wrong server name, or TLS not offered."""


class BadAddress(SyncError):
    """The server URL (conninfo) cannot be used as given."""

    exit_code = 2


class ServerRefused(SyncError):
    """The server refused a statement (permissions, a server-side rule)."""


class ChangeRefused(ServerRefused):
    """The server refused a change: a ``KS00x`` rule or row-level security."""

    #: The refused change's id, when the server named it.
    change_id: str | None = None


class SchemaMismatch(SyncError):
    """The server's kanban-sec schema is missing, older or newer than this app's."""

    #: The version the server has (``None``: not set up).
    server_version: int | None = None


class MemberExists(SyncError):
    """``add-member`` for a login the server already has."""

    exit_code = 2


# -- secrets ---------------------------------------------------------------------------------

_URL_PASSWORD = re.compile(r"(?P<head>[a-z][a-z0-9+.-]*://[^:/@\s\"']*):[^@\s\"']*@", re.I)
_KV_PASSWORD = re.compile(r"(?P<head>\bpassword\s*=\s*)(?:'(?:[^'\\]|\\.)*'|[^\s\"&]+)", re.I)
_QUERY_PASSWORD = re.compile(r"(?P<head>[?&]password=)[^&\s\"']*", re.I)


def redact(text: str, secrets: Iterable[str | None] = ()) -> str:
    """``text`` without passwords: in URLs, ``password=`` settings and ``secrets``."""
    for secret in sorted({s for s in secrets if s}, key=len, reverse=True):
        text = text.replace(secret, "***")
    text = _URL_PASSWORD.sub(r"\g<head>:***@", text)
    text = _QUERY_PASSWORD.sub(r"\g<head>***", text)
    return _KV_PASSWORD.sub(r"\g<head>***", text)


def conninfo_parts(conninfo: str | None) -> dict[str, str]:
    """The parts of a conninfo string or URL (``{}`` when it cannot be parsed)."""
    if not conninfo:
        return {}
    try:
        parts = conninfo_to_dict(conninfo)
    except psycopg.Error:  # unparsable: nothing to say about it
        return {}
    return {k: str(v) for k, v in parts.items() if v is not None}


def where(conninfo: str | None) -> str:
    """``host:port/dbname`` of a conninfo, with no user or password."""
    parts = conninfo_parts(conninfo)
    host = parts.get("host") or parts.get("hostaddr") or "localhost"
    text = f"{host}:{parts['port']}" if parts.get("port") else host
    return f"{text}/{parts['dbname']}" if parts.get("dbname") else text


# -- psycopg errors ----------------------------------------------------------------------------

_SERVER_AT = re.compile(r'connection to server (?:at|on socket) "([^"]+)"(?:, port (\d+))?')
_FOR_USER = re.compile(r'for user "([^"]*)"')
_DATABASE = re.compile(r'database "([^"]*)"')
_TLS_HINTS = (
    "certificate",
    "ssl error",
    "tls",
    "sslrootcert",
    "does not match host name",
    "ssl negotiation",
    "sslmode",
    "ssl handshake",
)
_UNREACHABLE_HINTS = (
    "connection refused",
    "timeout expired",
    "could not translate host",
    "no route to host",
    "network is unreachable",
    "server closed the connection",
    "could not connect",
    "connection timed out",
    "name or service not known",
    "temporary failure in name resolution",
    "the database system is starting up",
    "the database system is shutting down",
    "connection reset",
    "host is down",
    "terminating connection due to administrator command",
    "consuming input failed",
    "ssl syscall error",
    "ssl connection has been closed unexpectedly",
)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _libpq_reason(text: str) -> str:
    """The cause in a libpq connection message, without the 'connection ... failed:' head."""
    text = text.strip()
    for head in ("connection failed:", "connection is bad:"):
        if text.lower().startswith(head):
            text = text[len(head) :]
    text = re.sub(
        r'connection to server (?:at|on socket) "[^"]+"(?:, port \d+)? failed:\s*', "", text
    )
    text = re.sub(r"^\s*FATAL:\s*", "", text)
    return _one_line(text).rstrip(".")


def describe_error(
    exc: BaseException, conninfo: str | None = None, *, secrets: Iterable[str | None] = ()
) -> KanbanError:
    """One readable :class:`KanbanError` for ``exc`` (a psycopg error, usually).

    ``conninfo`` (the URL that was used, if known) names the server in the message, without
    its password; ``secrets`` are more strings never to show (e.g. a new member's password).
    A ``KanbanError`` is returned as it is.
    """
    if isinstance(exc, KanbanError):
        return exc
    parts = conninfo_parts(conninfo)
    hidden = [*secrets, parts.get("password")]

    def clean(text: str) -> str:
        return redact(text, hidden)

    if not isinstance(exc, psycopg.Error):
        return _error(
            SyncError,
            "sync.server.error",
            None,
            reason=clean(_one_line(f"{type(exc).__name__}: {exc}")),
        )
    sqlstate = exc.sqlstate
    if sqlstate:
        return _from_server(exc, sqlstate, parts, clean)
    text = clean(str(exc))
    lower = text.lower()
    at = _SERVER_AT.search(text)
    place = (
        f"{at.group(1)}:{at.group(2)}"
        if at and at.group(2)
        else (at.group(1) if at else where(conninfo))
    )
    user_match = _FOR_USER.search(text)
    user = user_match.group(1) if user_match else parts.get("user", "")
    reason = _libpq_reason(text)
    if (
        isinstance(exc, psycopg.ProgrammingError)
        or "invalid sslmode value" in lower
        or "invalid connection option" in lower
        or "invalid uri" in lower
    ):
        return _error(BadAddress, "sync.server.bad_address", None, reason=reason)
    if (
        "password authentication failed" in lower
        or "password is required" in lower
        or "no password supplied" in lower
        or "authentication failed" in lower
    ):
        return _error(LoginFailed, "sync.server.auth_failed", None, user=user, where=place)
    if "no pg_hba.conf entry" in lower:
        database = _DATABASE.search(text)
        if "no encryption" in lower:
            return _error(TlsFailure, "sync.server.tls_required", None, where=place)
        return _error(
            LoginFailed,
            "sync.server.not_allowed",
            None,
            where=place,
            user=user,
            database=database.group(1) if database else parts.get("dbname", ""),
        )
    if "server does not support ssl" in lower:
        return _error(TlsFailure, "sync.server.tls_unsupported", None, where=place)
    lost = any(hint in lower for hint in _UNREACHABLE_HINTS)
    if not lost and any(hint in lower for hint in _TLS_HINTS):
        return _error(TlsFailure, "sync.server.tls_failed", None, where=place, reason=reason)
    if re.search(r'database "[^"]*" does not exist', text):
        database = _DATABASE.search(text)
        return _error(
            SyncError,
            "sync.server.no_database",
            None,
            where=place,
            database=database.group(1) if database else "",
        )
    if isinstance(exc, psycopg.OperationalError):
        # No SQLSTATE: the connection failed or broke (down, network, closed mid-way).
        return _error(
            ServerUnreachable,
            "sync.server.unreachable",
            None,
            where=place,
            reason=reason or "no answer",
        )
    return _error(SyncError, "sync.server.error", None, reason=reason)


def _from_server(
    exc: psycopg.Error, sqlstate: str, parts: dict[str, str], clean: Callable[[str], str]
) -> KanbanError:
    diag = exc.diag
    primary = clean(_one_line(diag.message_primary or str(exc)))
    user = parts.get("user", "")
    if sqlstate == NO_TLS:
        detail = _detail(diag.message_detail)
        return _error(TlsFailure, "sync.server.rule_tls", sqlstate, user=detail.get("login", user))
    if sqlstate in REFUSALS:
        detail = _detail(diag.message_detail)
        params: dict[str, Any] = {
            "change": detail.get("change", "?"),
            "user": detail.get("login", user),
            "entity": detail.get("entity", "?"),
            "reason": clean(_one_line(str(detail.get("reason") or primary))),
        }
        if sqlstate == HLC_AHEAD:
            ahead = int(detail.get("ahead_ms", 0))
            params.update(seconds=max(1, round(ahead / 1000)), limit=HLC_MAX_AHEAD_MS // 1000)
        error = _error(ChangeRefused, REFUSALS[sqlstate], sqlstate, **params)
        if isinstance(error, ChangeRefused):
            error.change_id = detail.get("change")
        return error
    if sqlstate == "42501" and "row-level security" in primary:
        return _error(ChangeRefused, "sync.server.not_yourself", sqlstate)
    if sqlstate == "42501":
        return _error(ServerRefused, "sync.server.permission", sqlstate, user=user, reason=primary)
    if sqlstate == "28P01" or sqlstate.startswith("28"):
        return _error(
            LoginFailed, "sync.server.auth_failed", sqlstate, user=user, where=_place(parts)
        )
    if sqlstate.startswith(("08", "57P")):
        return _error(
            ServerUnreachable,
            "sync.server.unreachable",
            sqlstate,
            where=_place(parts),
            reason=primary,
        )
    return _error(ServerRefused, "sync.server.error", sqlstate, reason=primary)


def _place(parts: dict[str, str]) -> str:
    host = parts.get("host") or parts.get("hostaddr") or "localhost"
    return f"{host}:{parts['port']}" if parts.get("port") else host


def _detail(text: str | None) -> dict[str, Any]:
    if not text:
        return {}
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _error(cls: type[SyncError], key: str, sqlstate: str | None, **params: Any) -> SyncError:
    error = cls(key, **params)
    error.sqlstate = sqlstate
    return error
