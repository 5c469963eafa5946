"""Where a board syncs to: settings per database (``meta`` table), passwords in the keyring.

Nothing here stores a password anywhere but the operating system's keyring, and no
message or log line carries one. No Qt here.
"""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any
from urllib.parse import parse_qs, quote, unquote, urlsplit, urlunsplit

from kanban_sec.domain.errors import BadInput, KanbanError
from kanban_sec.store import replica, rows
from kanban_sec.store.database import Database

#: The keyring's service name for every kanban-sec password.
KEYRING_SERVICE = "kanban-sec"
#: The command line reads the sync password from here before it asks the keyring.
PASSWORD_VARIABLE = "KANBAN_SEC_SYNC_PASSWORD"
DEFAULT_PORT = 5432

_KEYS = {
    "remote_url": "sync_remote",
    "user": "sync_user",
    "ca_file": "sync_ca_file",
    "allow_plain_loopback": "sync_allow_plain_loopback",
    "interval_minutes": "sync_interval_minutes",
    "sync_at_start": "sync_at_start",
}


@dataclass(frozen=True)
class SyncSettings:
    """How one board syncs; empty ``remote_url`` means sync is off."""

    remote_url: str = ""
    user: str = ""
    ca_file: str = ""
    allow_plain_loopback: bool = False
    #: Automatic sync every N minutes while the window is open (0: off).
    interval_minutes: int = 0
    sync_at_start: bool = False

    @property
    def configured(self) -> bool:
        return bool(self.remote_url.strip())

    def with_changes(self, **values: Any) -> SyncSettings:
        """A copy with the given fields replaced (``None`` values leave a field as is)."""
        return replace(self, **{k: v for k, v in values.items() if v is not None})


@dataclass(frozen=True)
class ServerAddress:
    """The parts of a server URL that name an account: who, where, which database."""

    user: str
    host: str
    port: int
    dbname: str

    @property
    def account(self) -> str:
        """The keyring's user name for this account: ``user@host:port/dbname``."""
        return f"{self.user}@{self.host}:{self.port}/{self.dbname}"

    @property
    def server(self) -> str:
        """``host:port/dbname``, for messages."""
        return f"{self.host}:{self.port}/{self.dbname}"


def parse_url(url: str, user: str = "") -> ServerAddress:
    """Read a ``postgresql://user@host:port/dbname?...`` URL; a password in it is refused.

    ``user`` (when given) wins over the URL's; without either, the login name is used,
    as PostgreSQL itself does.
    """
    text = url.strip()
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        raise BadInput("sync.settings.bad_url", url=_without_secrets(text)) from None
    if parts.scheme not in ("postgresql", "postgres") or not parts.hostname:
        raise BadInput("sync.settings.bad_url", url=_without_secrets(text))
    query = parse_qs(parts.query, keep_blank_values=True)
    if parts.password is not None or "password" in query:
        raise BadInput("sync.settings.url_password")
    name = user.strip() or unquote(parts.username or "") or _login()
    dbname = unquote(parts.path.lstrip("/")) or name
    return ServerAddress(name, parts.hostname, port or DEFAULT_PORT, dbname)


def _without_secrets(text: str) -> str:
    """The URL as it may be shown: anything between ``//`` and ``@`` left out."""
    head, sep, rest = text.partition("://")
    if sep and "@" in rest.split("/", 1)[0]:
        return f"{head}://…@{rest.split('@', 1)[1]}"
    return text


def _login() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (a container without a passwd entry)
        return ""


def address_of(settings: SyncSettings) -> ServerAddress:
    """The account ``settings`` sync as; refuses when no server is set."""
    if not settings.configured:
        raise BadInput("sync.settings.no_remote")
    return parse_url(settings.remote_url, settings.user)


def with_user(url: str, user: str) -> str:
    """``url`` with ``user`` as its login (the client takes the login from the URL)."""
    parts = urlsplit(url.strip())
    host = parts.netloc.rsplit("@", 1)[-1]
    return urlunsplit(parts._replace(netloc=f"{quote(user, safe='')}@{host}"))


def _query_value(url: str, name: str) -> str:
    values = parse_qs(urlsplit(url.strip()).query).get(name)
    return values[-1] if values else ""


def check_ca_file(path: str) -> None:
    """Refuse a CA certificate file that is not there (libpq's own message is obscure)."""
    if path.strip() and not os.access(os.path.expanduser(path.strip()), os.R_OK):
        raise BadInput("sync.settings.ca_missing", path=path.strip())


def remote_of(settings: SyncSettings) -> Any:
    """The :class:`kanban_sec.sync.client.Remote` for ``settings`` (checked, no password).

    The CA file is the one chosen, else the URL's ``sslrootcert``.
    """
    from kanban_sec.sync.client import Remote

    address = address_of(settings)
    check_ca_file(settings.ca_file)
    ca_file = settings.ca_file.strip() or _query_value(settings.remote_url, "sslrootcert")
    return Remote(
        with_user(settings.remote_url, address.user),
        ca_file=ca_file or None,
        allow_plain_loopback=settings.allow_plain_loopback,
    )


def admin_conninfo(
    url: str, password: str, *, ca_file: str | None = None, allow_plain_loopback: bool = False
) -> str:
    """An administrator's connection string: the same TLS rules as a sync connection.

    The result holds the password: keep it in memory, never show or store it.
    """
    from psycopg.conninfo import make_conninfo

    from kanban_sec.sync.client import is_loopback

    address = parse_url(url)
    check_ca_file(ca_file or "")
    options: dict[str, Any] = {"password": password}
    if allow_plain_loopback:
        if not is_loopback(address.host):
            raise BadInput("sync.settings.plain_refused", host=address.host)
        options["sslmode"] = "disable"
    else:
        options["sslmode"] = "verify-full"
        root = (ca_file or "").strip() or _query_value(url, "sslrootcert")
        options["sslrootcert"] = root or "system"
    return str(make_conninfo(url.strip(), **options))


def last_synced(db: Database) -> datetime | None:
    """When this board last synced (``None``: never)."""
    found = replica.meta_values(db, ("sync_last",)).get("sync_last")
    return rows.parse_ts(found) if found else None


# -- settings in the database ---------------------------------------------------------------


def load(db: Database) -> SyncSettings:
    """The board's sync settings (defaults where none are stored)."""
    stored = replica.meta_values(db, tuple(_KEYS.values()))

    def text(field: str) -> str:
        return str(stored.get(_KEYS[field], ""))

    try:
        interval = max(0, int(text("interval_minutes") or 0))
    except ValueError:
        interval = 0
    return SyncSettings(
        remote_url=text("remote_url"),
        user=text("user"),
        ca_file=text("ca_file"),
        allow_plain_loopback=text("allow_plain_loopback") == "1",
        interval_minutes=interval,
        sync_at_start=text("sync_at_start") == "1",
    )


def save(db: Database, settings: SyncSettings) -> None:
    """Store ``settings`` for this board (the URL is checked first; never a password)."""
    if settings.configured:
        parse_url(settings.remote_url, settings.user)
    if settings.interval_minutes < 0:
        raise BadInput("sync.settings.bad_interval", value=settings.interval_minutes)
    values = {
        "remote_url": settings.remote_url.strip(),
        "user": settings.user.strip(),
        "ca_file": settings.ca_file.strip(),
        "allow_plain_loopback": "1" if settings.allow_plain_loopback else "0",
        "interval_minutes": str(int(settings.interval_minutes)),
        "sync_at_start": "1" if settings.sync_at_start else "0",
    }
    replica.set_meta(db, {_KEYS[field]: value for field, value in values.items()})


# -- the password, in the OS keyring ---------------------------------------------------------


def _keyring() -> Any:
    """The keyring module, when a backend that can keep a secret is in use."""
    import keyring
    from keyring.backends import fail, null

    if isinstance(keyring.get_keyring(), fail.Keyring | null.Keyring):
        raise KanbanError("sync.settings.no_keyring", variable=PASSWORD_VARIABLE)
    return keyring


def _keyring_call(action: str, call: Any) -> Any:
    from keyring.errors import KeyringError, NoKeyringError

    try:
        return call()
    except NoKeyringError:
        raise KanbanError("sync.settings.no_keyring", variable=PASSWORD_VARIABLE) from None
    except KeyringError as error:
        reason = str(error) or type(error).__name__
        raise KanbanError(f"sync.settings.keyring_{action}", reason=reason) from None


def keyring_usable() -> bool:
    """Whether a password can be kept in the keyring here."""
    try:
        _keyring()
    except KanbanError:
        return False
    return True


def store_password(settings: SyncSettings, password: str) -> None:
    """Keep the password for the settings' account in the OS keyring."""
    account = address_of(settings).account
    keyring = _keyring()
    _keyring_call("store", lambda: keyring.set_password(KEYRING_SERVICE, account, password))


def get_password(settings: SyncSettings) -> str | None:
    """The stored password for the settings' account, ``None`` when none is stored."""
    account = address_of(settings).account
    keyring = _keyring()
    found = _keyring_call("read", lambda: keyring.get_password(KEYRING_SERVICE, account))
    return str(found) if found else None


def forget_password(settings: SyncSettings) -> bool:
    """Remove the stored password; whether there was one."""
    from keyring.errors import PasswordDeleteError

    account = address_of(settings).account
    keyring = _keyring()

    def delete() -> bool:
        try:
            keyring.delete_password(KEYRING_SERVICE, account)
        except PasswordDeleteError:
            return False
        return True

    return bool(_keyring_call("forget", delete))
