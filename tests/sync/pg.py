"""A throwaway PostgreSQL cluster for the sync tests: TLS with its own CA, loopback only.

``start_cluster()`` runs ``initdb`` and ``pg_ctl`` from the PostgreSQL binaries on the
PATH or under ``/usr/lib/postgresql/*/bin`` (``KANBAN_SEC_PG_BIN`` names the directory
explicitly), makes a CA and a server certificate with the ``openssl`` command, and starts
the server on a free port of 127.0.0.1. PostgreSQL refuses to run as root: when the tests
run as root, the server runs as the ``postgres`` user (through ``runuser``).

The cluster accepts TLS connections only (``hostssl``, SCRAM), except for one database,
``plaintest``, which a ``host`` line also opens to plain connections, so a test can show
that the server refuses plain connections everywhere else.
"""

from __future__ import annotations

import atexit
import contextlib
import itertools
import os
import re
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import psycopg
from psycopg import sql

ADMIN = "kanban_admin"
#: The one database a plain (non-TLS) connection may reach.
PLAIN_DATABASE = "plaintest"
_TOOLS = ("initdb", "pg_ctl")


class ClusterError(RuntimeError):
    """The test cluster could not be set up; the message says why and what to install."""


def _version_key(path: Path) -> tuple[int, ...]:
    # /usr/lib/postgresql/15/bin -> (15,)
    return tuple(int(part) for part in re.findall(r"\d+", path.parent.name)) or (0,)


def find_bindir() -> Path:
    """The directory holding ``initdb`` and ``pg_ctl``."""
    explicit = os.environ.get("KANBAN_SEC_PG_BIN")
    candidates: list[Path] = []
    if explicit:
        candidates.append(Path(explicit))
    on_path = shutil.which("pg_ctl")
    if on_path:
        candidates.append(Path(on_path).resolve().parent)
    candidates += sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=_version_key, reverse=True)
    candidates += sorted(Path("/usr").glob("pgsql-*/bin"), reverse=True)  # RHEL layout
    for directory in candidates:
        if all((directory / tool).is_file() for tool in _TOOLS):
            return directory
    raise ClusterError(
        "PostgreSQL server binaries (initdb, pg_ctl) not found on PATH, under "
        "/usr/lib/postgresql/*/bin, or in KANBAN_SEC_PG_BIN. The sync tests need a real "
        "server: install PostgreSQL (e.g. `apt-get install postgresql`) or set "
        "KANBAN_SEC_PG_BIN to its bin directory."
    )


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _run(args: Sequence[str | os.PathLike[str]], *, what: str, cwd: Path | None = None) -> None:
    result = subprocess.run(
        [os.fspath(a) for a in args], cwd=cwd, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise ClusterError(
            f"{what} failed (exit {result.returncode}): {(result.stderr or result.stdout).strip()}"
        )


def _openssl(*args: str, cwd: Path) -> None:
    if shutil.which("openssl") is None:
        raise ClusterError("the `openssl` command is needed to make the test certificates")
    _run(["openssl", *args], cwd=cwd, what="openssl " + args[0])


def make_ca(directory: Path, name: str) -> tuple[Path, Path]:
    """A self-signed CA: (certificate, key)."""
    cert, key = directory / f"{name}.crt", directory / f"{name}.key"
    _openssl(
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-keyout",
        key.name,
        "-out",
        cert.name,
        "-days",
        "3",
        "-subj",
        f"/CN=kanban-sec test {name}",
        "-addext",
        "basicConstraints=critical,CA:TRUE",
        "-addext",
        "keyUsage=critical,keyCertSign,cRLSign",
        cwd=directory,
    )
    return cert, key


def make_server_cert(directory: Path, ca_cert: Path, ca_key: Path) -> tuple[Path, Path]:
    """A server certificate for localhost / 127.0.0.1 signed by the CA: (cert, key)."""
    cert, key, csr = directory / "server.crt", directory / "server.key", directory / "server.csr"
    ext = directory / "server.ext"
    ext.write_text(
        "subjectAltName = DNS:localhost, IP:127.0.0.1\n"
        "basicConstraints = critical, CA:FALSE\n"
        "keyUsage = critical, digitalSignature, keyEncipherment\n"
        "extendedKeyUsage = serverAuth\n",
        encoding="ascii",
    )
    _openssl(
        "req",
        "-new",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-keyout",
        key.name,
        "-out",
        csr.name,
        "-subj",
        "/CN=localhost",
        cwd=directory,
    )
    _openssl(
        "x509",
        "-req",
        "-in",
        csr.name,
        "-CA",
        str(ca_cert),
        "-CAkey",
        str(ca_key),
        "-CAcreateserial",
        "-out",
        cert.name,
        "-days",
        "3",
        "-extfile",
        ext.name,
        cwd=directory,
    )
    key.chmod(0o600)
    return cert, key


def url(
    host: str,
    port: int,
    dbname: str,
    user: str,
    password: str | None,
    *,
    sslmode: str = "verify-full",
    sslrootcert: Path | None = None,
    connect_timeout: int = 10,
) -> str:
    """A libpq connection URL (every part percent-encoded)."""
    auth = quote(user, safe="")
    if password is not None:
        auth += ":" + quote(password, safe="")
    query = f"sslmode={quote(sslmode, safe='')}&connect_timeout={connect_timeout}"
    if sslrootcert is not None:
        query += "&sslrootcert=" + quote(str(sslrootcert), safe="")
    return f"postgresql://{auth}@{host}:{port}/{quote(dbname, safe='')}?{query}"


@dataclass
class PgCluster:
    """A running test cluster. ``admin_url``/``member_url`` give verify-full TLS URLs."""

    host: str
    port: int
    #: The CA that signed the server's certificate (pass as ``sslrootcert``).
    ca_file: Path
    #: Another CA, which did not sign the server's certificate.
    wrong_ca_file: Path
    admin_user: str
    admin_password: str = field(repr=False)
    root: Path
    data_dir: Path
    bindir: Path
    log_file: Path
    _as_postgres: bool = False
    _counter: Iterator[int] = field(default_factory=itertools.count)

    # -- URLs --------------------------------------------------------------------------

    def url(
        self,
        dbname: str,
        user: str,
        password: str | None,
        *,
        sslmode: str = "verify-full",
        ca_file: Path | None = None,
    ) -> str:
        """A URL to ``dbname`` as ``user``; TLS verified against ``ca_file`` (our CA)."""
        return url(
            self.host,
            self.port,
            dbname,
            user,
            password,
            sslmode=sslmode,
            sslrootcert=ca_file or self.ca_file,
        )

    def admin_url(self, dbname: str = "postgres") -> str:
        """The superuser ``kanban_admin`` on ``dbname``, TLS verify-full."""
        return self.url(dbname, self.admin_user, self.admin_password)

    def member_url(self, dbname: str, login: str, password: str) -> str:
        """A member's login on ``dbname``, TLS verify-full."""
        return self.url(dbname, login, password)

    def plain_url(self, dbname: str, user: str | None = None, password: str | None = None) -> str:
        """A URL that never uses TLS (``sslmode=disable``); the admin's by default."""
        if user is None:
            user, password = self.admin_user, self.admin_password
        return url(self.host, self.port, dbname, user, password, sslmode="disable")

    # -- databases ---------------------------------------------------------------------

    def new_database(self, prefix: str = "ks") -> str:
        """Create an empty database and return its name."""
        name = f"{prefix}_{next(self._counter)}_{secrets.token_hex(3)}"
        with psycopg.connect(self.admin_url(), autocommit=True) as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return name

    def drop_database(self, name: str) -> None:
        with psycopg.connect(self.admin_url(), autocommit=True) as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )

    # -- lifetime ----------------------------------------------------------------------

    def _cmd(self, tool: str, *args: str | os.PathLike[str]) -> list[str]:
        command = [str(self.bindir / tool), *(os.fspath(a) for a in args)]
        return ["runuser", "-u", "postgres", "--", *command] if self._as_postgres else command

    def log_tail(self, lines: int = 30) -> str:
        try:
            text = self.log_file.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return "(no server log)"
        return "\n".join(text.splitlines()[-lines:])

    def stop(self) -> None:
        """Stop the server (immediately) and remove its files."""
        if (self.data_dir / "postmaster.pid").exists():
            subprocess.run(
                self._cmd(
                    "pg_ctl", "-D", self.data_dir, "-m", "immediate", "-w", "-t", "30", "stop"
                ),
                capture_output=True,
                check=False,
            )
        shutil.rmtree(self.root, ignore_errors=True)


def _chown_tree(path: Path, uid: int, gid: int) -> None:
    os.chown(path, uid, gid)
    for dirpath, dirnames, filenames in os.walk(path):
        for name in dirnames + filenames:
            os.chown(os.path.join(dirpath, name), uid, gid)


def start_cluster() -> PgCluster:
    """Create and start a cluster; raises :class:`ClusterError` with a clear reason."""
    bindir = find_bindir()
    as_postgres = os.geteuid() == 0
    uid = gid = -1
    if as_postgres:
        if shutil.which("runuser") is None:
            raise ClusterError(
                "running as root, PostgreSQL must run as another user, but `runuser` is missing"
            )
        try:
            import pwd

            entry = pwd.getpwnam("postgres")
        except KeyError:
            raise ClusterError(
                "running as root, PostgreSQL must run as the `postgres` "
                "user, which does not exist (create it or run the tests as "
                "an ordinary user)"
            ) from None
        uid, gid = entry.pw_uid, entry.pw_gid

    # Under /tmp when the server runs as postgres: root's own TMPDIR may be closed to it.
    root = Path(tempfile.mkdtemp(prefix="ks-pg-", dir="/tmp" if as_postgres else None))
    root.chmod(0o755)  # the postgres user reaches its data dir; the test reads the CA
    data_dir, certs = root / "data", root / "certs"
    certs.mkdir()
    cluster = PgCluster(
        host="127.0.0.1",
        port=0,
        ca_file=certs / "ca.crt",
        wrong_ca_file=certs / "other-ca.crt",
        admin_user=ADMIN,
        admin_password=secrets.token_urlsafe(18),
        root=root,
        data_dir=data_dir,
        bindir=bindir,
        log_file=root / "server.log",
        _as_postgres=as_postgres,
    )
    try:
        _initialise(cluster, certs, uid, gid)
        _start(cluster)
        with psycopg.connect(cluster.admin_url(), autocommit=True) as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(PLAIN_DATABASE)))
    except BaseException:
        cluster.stop()
        raise
    atexit.register(cluster.stop)  # a second stop does nothing; this one is for hard exits
    return cluster


def _initialise(cluster: PgCluster, certs: Path, uid: int, gid: int) -> None:
    ca_cert, ca_key = make_ca(certs, "ca")
    make_ca(certs, "other-ca")
    server_cert, server_key = make_server_cert(certs, ca_cert, ca_key)
    ca_key.unlink()
    pwfile = cluster.root / "pwfile"
    pwfile.write_text(cluster.admin_password + "\n", encoding="ascii")
    pwfile.chmod(0o600)
    if cluster._as_postgres:
        for path in (cluster.root, pwfile, server_cert, server_key):
            os.chown(path, uid, gid)
    _run(
        cluster._cmd(
            "initdb",
            "-D",
            cluster.data_dir,
            "-U",
            cluster.admin_user,
            f"--pwfile={pwfile}",
            "--auth=scram-sha-256",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync",
        ),
        what="initdb",
        cwd=cluster.root,
    )
    pwfile.unlink()
    # The server's own copies of its certificate and key, beside its data.
    shutil.copy(server_cert, cluster.data_dir / "server.crt")
    shutil.copy(server_key, cluster.data_dir / "server.key")
    (cluster.data_dir / "server.key").chmod(0o600)
    (cluster.data_dir / "pg_hba.conf").write_text(
        "# kanban-sec test cluster: TLS only, except the plaintest database\n"
        "hostssl all       all 127.0.0.1/32 scram-sha-256\n"
        f"host    {PLAIN_DATABASE} all 127.0.0.1/32 scram-sha-256\n",
        encoding="ascii",
    )
    with (cluster.data_dir / "postgresql.conf").open("a", encoding="ascii") as conf:
        conf.write(
            "\n# kanban-sec test cluster\n"
            "listen_addresses = '127.0.0.1'\n"
            "unix_socket_directories = ''\n"  # TCP only; pg_ctl -w reads postmaster.pid
            "ssl = on\n"
            "ssl_cert_file = 'server.crt'\n"
            "ssl_key_file = 'server.key'\n"
            "password_encryption = 'scram-sha-256'\n"
            "fsync = off\n"
            "synchronous_commit = off\n"
            "full_page_writes = off\n"
            "shared_buffers = 16MB\n"
            "max_connections = 100\n"
            "max_wal_senders = 0\n"
            "wal_level = minimal\n"
            "log_min_messages = warning\n"
            "timezone = 'UTC'\n"
        )
    if cluster._as_postgres:
        _chown_tree(cluster.data_dir, uid, gid)
        os.chown(cluster.root, uid, gid)


def _start(cluster: PgCluster, attempts: int = 3) -> None:
    last = ""
    for _ in range(attempts):
        cluster.port = _free_port()
        result = subprocess.run(
            cluster._cmd(
                "pg_ctl",
                "-D",
                cluster.data_dir,
                "-l",
                cluster.log_file,
                "-w",
                "-t",
                "60",
                "-o",
                f"-p {cluster.port}",
                "start",
            ),
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode == 0:
            _wait_ready(cluster)
            return
        last = (result.stderr or result.stdout).strip()
        with contextlib.suppress(OSError):
            if "already in use" not in cluster.log_file.read_text(errors="replace"):
                break
    raise ClusterError(f"pg_ctl start failed: {last}\n--- server log ---\n{cluster.log_tail()}")


def _wait_ready(cluster: PgCluster, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with psycopg.connect(cluster.admin_url(), connect_timeout=5):
                return
        except psycopg.OperationalError as exc:
            if time.monotonic() > deadline:
                raise ClusterError(
                    f"the test server does not accept connections: {exc}\n"
                    f"--- server log ---\n{cluster.log_tail()}"
                ) from exc
            time.sleep(0.1)


@dataclass
class SyncServer:
    """A database set up with ``init_server`` and one member of each kind.

    ``logins`` maps ``governing``, ``operational``, ``controlling`` and ``risk_owner`` (an
    operational member who is also a risk owner) to ``(login, password)``; logins are
    unique on the cluster (roles are cluster-wide).
    """

    pg: PgCluster
    dbname: str
    logins: dict[str, tuple[str, str]]

    def url(self, who: str) -> str:
        """The TLS URL of the member ``who`` (a key of ``logins``)."""
        login, password = self.logins[who]
        return self.pg.member_url(self.dbname, login, password)

    def login(self, who: str) -> str:
        return self.logins[who][0]

    def admin_url(self) -> str:
        return self.pg.admin_url(self.dbname)


def new_sync_server(cluster: PgCluster) -> SyncServer:
    """A fresh database with the kanban-sec schema and four members."""
    from kanban_sec.sync.server import add_member, init_server

    dbname = cluster.new_database("sync")
    init_server(cluster.admin_url(dbname))
    tag = secrets.token_hex(3)
    logins: dict[str, tuple[str, str]] = {}
    for who, kind in (
        ("governing", "governing"),
        ("operational", "operational"),
        ("controlling", "controlling"),
        ("risk_owner", "operational"),
    ):
        login, password = f"{who}_{tag}", secrets.token_urlsafe(12)
        add_member(
            cluster.admin_url(dbname),
            login,
            kind,
            password,
            person=who.replace("_", " ").title(),
            risk_owner=who == "risk_owner",
        )
        logins[who] = (login, password)
    return SyncServer(cluster, dbname, logins)
