"""Fixtures of the sync tests: a real PostgreSQL server, started by the test run itself.

``pg`` (session) is a :class:`tests.sync.pg.PgCluster`: ``host``, ``port``, ``ca_file``,
``wrong_ca_file``, ``admin_url(dbname)``, ``member_url(dbname, login, password)``,
``plain_url(dbname)``, ``new_database()``. ``sync_server`` is a fresh database set up
with ``init_server`` and one member of each kind (:class:`tests.sync.pg.SyncServer`).
Missing PostgreSQL binaries fail the tests (they are never skipped: CI installs them).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from .pg import ClusterError, PgCluster, SyncServer, new_sync_server, start_cluster


@pytest.fixture(scope="session")
def pg() -> Iterator[PgCluster]:
    try:
        cluster = start_cluster()
    except ClusterError as exc:
        pytest.fail(f"cannot start the PostgreSQL test server: {exc}", pytrace=False)
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def pg_db(pg: PgCluster) -> str:
    """A fresh, empty database on the test server (its name)."""
    return pg.new_database()


@pytest.fixture
def sync_server(pg: PgCluster) -> SyncServer:
    """A fresh database with the kanban-sec schema and a member of each kind."""
    return new_sync_server(pg)
