"""Transactions on the standard library's ``sqlite3``: the store's SQL is its own, so
SQLAlchemy (whose import costs a command more than all its work) is loaded only to migrate
a file's schema (Alembic).

A transaction's connection offers the part of SQLAlchemy's ``Connection`` the store was
written against: ``exec_driver_sql`` with ``?`` parameters (a list of tuples runs the
statement for each), ``connection.driver_connection``, and a result with ``mappings``/
``all``/``first``/``one``/``scalar``/``scalar_one``/``scalar_one_or_none``/``keys``,
iteration and ``rowcount``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any


def configure(raw: sqlite3.Connection, *, busy_timeout_ms: int, journal: str) -> None:
    """The pragmas every connection to a board file gets, plain or SQLAlchemy's."""
    raw.isolation_level = None  # transactions are begun explicitly (BEGIN / BEGIN IMMEDIATE)
    cursor = raw.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {busy_timeout_ms}")
    cursor.execute("PRAGMA foreign_keys = ON")
    # WAL on a local disk; DELETE on a network drive, where WAL's shared memory is not
    # shared between machines (journal.py).
    cursor.execute(f"PRAGMA journal_mode = {journal}")
    # FULL: a committed change survives a power cut too, not only a killed process.
    cursor.execute("PRAGMA synchronous = FULL")
    # 64 MiB of page cache: bulk imports update several indexes at once.
    cursor.execute("PRAGMA cache_size = -65536")
    cursor.execute("PRAGMA temp_store = MEMORY")
    cursor.close()


class PlainResult:
    """The rows of one statement (the subset of SQLAlchemy's ``CursorResult`` in use)."""

    def __init__(self, cursor: sqlite3.Cursor) -> None:
        self._cursor = cursor

    def __iter__(self) -> Iterator[Any]:
        return iter(self._cursor)

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    def keys(self) -> list[str]:
        return [d[0] for d in self._cursor.description or ()]

    def mappings(self) -> PlainResult:
        """The same rows as dicts of column name to value."""
        names = self.keys()
        cursor = self._cursor
        cursor.row_factory = lambda _cursor, row: dict(zip(names, row, strict=True))
        return self

    def all(self) -> list[Any]:
        return self._cursor.fetchall()

    fetchall = all

    def first(self) -> Any | None:
        row = self._cursor.fetchone()
        self._cursor.close()
        return row

    def one(self) -> Any:
        found = self._cursor.fetchall()
        if len(found) != 1:
            raise LookupError(f"expected one row, got {len(found)}")
        return found[0]

    def one_or_none(self) -> Any | None:
        found = self._cursor.fetchall()
        if len(found) > 1:
            raise LookupError(f"expected at most one row, got {len(found)}")
        return found[0] if found else None

    def scalar(self) -> Any | None:
        row = self.first()
        return None if row is None else row[0]

    def scalar_one(self) -> Any:
        return self.one()[0]

    def scalar_one_or_none(self) -> Any | None:
        row = self.one_or_none()
        return None if row is None else row[0]


class _Driver:
    """``conn.connection.driver_connection``, as SQLAlchemy spells the raw connection."""

    def __init__(self, raw: sqlite3.Connection) -> None:
        self.driver_connection = raw


class Hooks:
    """What a caller asks of every transaction (an import's Cancel): checks before each
    statement and before each COMMIT (raising stops and rolls back), and SQLite's progress
    handler inside statements (non-zero interrupts the running one)."""

    def __init__(self) -> None:
        self.before_statement: list[Callable[[], None]] = []
        self.before_commit: list[Callable[[], None]] = []
        self.progress: tuple[Callable[[], int], int] | None = None


class PlainConnection:
    """One transaction on a plain ``sqlite3`` connection."""

    def __init__(self, raw: sqlite3.Connection, hooks: Hooks) -> None:
        self.connection = _Driver(raw)
        self._raw = raw
        self._checks = hooks.before_statement

    def exec_driver_sql(self, sql: str, params: Sequence[Any] = ()) -> PlainResult:
        for check in self._checks:
            check()
        if isinstance(params, list) and params and isinstance(params[0], tuple | list | dict):
            return PlainResult(self._raw.executemany(sql, params))
        return PlainResult(
            self._raw.execute(sql, params if isinstance(params, dict) else tuple(params))
        )


class Pool:
    """Idle connections to one file, reused between transactions (and threads)."""

    def __init__(self, uri: str, *, busy_timeout_ms: int, journal: str) -> None:
        self._uri = uri
        self._busy_timeout_ms = busy_timeout_ms
        self._journal = journal
        self._idle: list[sqlite3.Connection] = []
        self.hooks = Hooks()

    def _take(self) -> sqlite3.Connection:
        try:
            return self._idle.pop()
        except IndexError:
            pass
        raw = sqlite3.connect(self._uri, uri=True, check_same_thread=False)
        try:
            configure(raw, busy_timeout_ms=self._busy_timeout_ms, journal=self._journal)
        except BaseException:
            raw.close()
            raise
        return raw

    @contextmanager
    def transaction(self, *, write: bool) -> Iterator[PlainConnection]:
        """A read transaction (one consistent snapshot, rolled back at its end) or a write
        one (SQLite's write lock from its start; committed whole, or rolled back whole when
        anything in it fails)."""
        raw = self._take()
        progress = self.hooks.progress
        if progress is not None:
            raw.set_progress_handler(*progress)
        try:
            raw.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            yield PlainConnection(raw, self.hooks)
            if write:
                for check in self.hooks.before_commit:
                    check()
                raw.execute("COMMIT")
        finally:
            self._give_back(raw, progress is not None)

    def _give_back(self, raw: sqlite3.Connection, had_progress: bool) -> None:
        """Roll back what is left open and keep the connection for the next transaction;
        one that cannot even roll back is closed (SQLite then rolls back)."""
        try:
            if raw.in_transaction:
                raw.execute("ROLLBACK")
            if had_progress:
                raw.set_progress_handler(None, 0)
        except sqlite3.Error:
            raw.close()
            return
        if len(self._idle) < 2:
            self._idle.append(raw)
        else:
            raw.close()

    def close(self) -> None:
        while self._idle:
            self._idle.pop().close()
