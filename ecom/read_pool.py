"""Concurrent, guarded reads of a warehouse for the servers (`ecom mcp`, the dashboard).

One pool per warehouse per process (`read_pool`), configured once:

- DuckDB: one read-only database instance with its guards set when it is opened (no files,
  ATTACH, COPY or extensions; a memory cap; no setting can be changed after), and a cursor of
  its own for each query. DuckDB keeps one instance per file per process, which is why the
  guards cannot be set per request: the first request would lock what the second one sets.
  The instance is closed half a second after the last query ends, and no new query starts
  while an `ecom run` waits to write the file (Warehouse.writing), so a build is never kept
  out by readers; while the build holds the file, queries are refused as locked, as before.
- PostgreSQL, Redshift, Athena: a pool of read-only connections, each configured once
  (read-only session, `statement_timeout`), a cursor per query.

At most `concurrency` queries run at once; up to `queue` more wait, each at most
`queue_seconds`; past that a query is refused at once with ReadersBusyError ("busy, retry").
A query running longer than its timeout is stopped (DuckDB `interrupt()`, PostgreSQL
`cancel()`, Athena `cancel()`; Redshift: its `statement_timeout`).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from ecom.warehouse import (
    Warehouse,
    WarehouseError,
    WarehouseLockedError,
    first_line,
    writer_waiting,
)
from ingest.errors import ConfigurationError

DUCKDB_MEMORY_LIMIT = "2GB"  # what the server's queries may use together
# An idle DuckDB instance is closed this long after its last query (a writer waits for it:
# Warehouse.writing); opening the file costs more than a small query.
IDLE_CLOSE_SECONDS = 0.5
# DuckDB runs each query on every core already: more at once only share them. A server
# waits on the network instead, so more of its queries can run side by side.
DEFAULT_CONCURRENCY = {"duckdb": 4, "postgres": 8, "redshift": 8, "athena": 8}
DEFAULT_QUEUE = 64  # more waiting queries than this are refused at once
DEFAULT_QUEUE_SECONDS = 10.0  # the longest a query waits for its turn
IDLE_CHECK_SECONDS = 30.0  # a pooled server connection idle longer is checked before use
# The DuckDB instance's guards: no files, ATTACH, COPY or extensions; the memory cap; and no
# setting can be changed after (the last).
GUARDS = (
    "set enable_external_access = false",
    f"set memory_limit = '{DUCKDB_MEMORY_LIMIT}'",
    "set lock_configuration = true",
)
QUERY_CANCELED = "57014"  # SQLSTATE of a statement stopped by statement_timeout or a cancel


class ReadTimeoutError(WarehouseError):
    """The query ran longer than its timeout and was stopped."""


class ReadersBusyError(WarehouseError):
    """The pool is at its bound: `concurrency` queries running and `queue` waiting."""


@dataclass(frozen=True)
class ReadLimits:
    """How many queries run at once and how many may wait (per process)."""

    concurrency: int
    queue: int = DEFAULT_QUEUE
    queue_seconds: float = DEFAULT_QUEUE_SECONDS

    def __post_init__(self) -> None:
        if self.concurrency < 1 or self.queue < 0 or self.queue_seconds < 0:
            raise ValueError(f"read limits must be positive: {self}")

    @classmethod
    def from_env(cls, kind: str, environ: Mapping[str, str] | None = None) -> ReadLimits:
        """ECOM_READ_CONCURRENCY, ECOM_READ_QUEUE, ECOM_READ_QUEUE_SECONDS, else defaults."""
        env = os.environ if environ is None else environ
        try:
            return cls(
                concurrency=int(
                    env.get("ECOM_READ_CONCURRENCY") or DEFAULT_CONCURRENCY.get(kind, 4)
                ),
                queue=int(env.get("ECOM_READ_QUEUE") or DEFAULT_QUEUE),
                queue_seconds=float(env.get("ECOM_READ_QUEUE_SECONDS") or DEFAULT_QUEUE_SECONDS),
            )
        except ValueError as error:
            raise ConfigurationError(
                f"ECOM_READ_CONCURRENCY, ECOM_READ_QUEUE and ECOM_READ_QUEUE_SECONDS must be "
                f"positive numbers: {error}"
            ) from error


@dataclass
class Lease:
    """One query's cursor, how to stop its query, and whether its connection must not be
    used again (its query was cancelled: a late cancel could reach the next one)."""

    cursor: Any
    stop: Callable[[], None]
    broken: bool = False


def stopped_by_statement_timeout(error: BaseException) -> bool:
    """Whether PostgreSQL (psycopg2: pgcode) or Redshift (redshift_connector: the error
    fields in args) stopped the statement as canceled."""
    if getattr(error, "pgcode", None) == QUERY_CANCELED:
        return True
    return any(isinstance(arg, dict) and arg.get("C") == QUERY_CANCELED for arg in error.args)


class _DuckDBInstance:
    """The process's read-only DuckDB instance of one file, open while queries run."""

    def __init__(self, warehouse: Warehouse) -> None:
        self.warehouse = warehouse
        self._lock = threading.Lock()
        self._database: Any = None
        self._users = 0
        self._closer: threading.Timer | None = None

    @contextmanager
    def cursor(self, timeout: float) -> Iterator[Lease]:
        """A cursor of the instance and how to stop its query."""
        with self._lock:
            path = self.warehouse.duckdb_path
            if writer_waiting(path):  # a build is about to write: let the readers drain
                raise WarehouseLockedError(f"{self.warehouse.describe()} is about to be rebuilt")
            if self._closer is not None:
                self._closer.cancel()
                self._closer = None
            if self._database is None:
                self._database = self._open()
            cursor = self._database.cursor()
            self._users += 1
        try:
            yield Lease(cursor, cursor.interrupt)
        finally:
            cursor.close()
            with self._lock:
                self._users -= 1
                if self._users == 0:
                    # idle: give the file back soon (a build may want it), not at once, so
                    # that a page's or an agent's next query does not open the file again
                    self._closer = threading.Timer(IDLE_CLOSE_SECONDS, self._close_if_idle)
                    self._closer.daemon = True
                    self._closer.start()

    def _close_if_idle(self) -> None:
        with self._lock:
            if self._users == 0 and self._database is not None:
                self._database.close()
                self._database = None
            self._closer = None

    def close(self) -> None:
        """Close the instance now if no query runs."""
        with self._lock:
            if self._closer is not None:
                self._closer.cancel()
        self._close_if_idle()

    def _open(self) -> Any:
        # Warehouse.connect: the missing file and another process's write lock as ecom's errors
        database = self.warehouse.connect(read_only=True)
        try:
            _guard(database)
        except Exception:
            database.close()
            raise
        return database


def _guard(database: Any) -> None:
    """Set the guards on the instance, not as the connection's config: another read-only
    connection of this process to the file (DuckDB shares the instance) is then given the same
    guarded instance instead of a "different configuration" error. An instance some other code
    of the process opened and locked must have the same guards, or nothing is read from it."""
    [(locked, external)] = database.execute(
        "select current_setting('lock_configuration'), current_setting('enable_external_access')"
    ).fetchall()
    if not locked:
        for statement in GUARDS:
            database.execute(statement)
    elif external:
        raise WarehouseError(
            "the DuckDB warehouse is open in this process with external access on and its "
            "settings locked: the read guards cannot be set"
        )


class _Connections:
    """Read-only connections to a database server, each set up once and reused."""

    def __init__(self, warehouse: Warehouse, most_idle: int) -> None:
        self.warehouse = warehouse
        self.most_idle = most_idle
        self._lock = threading.Lock()
        # (connection, its statement_timeout, when it was last given back)
        self._idle: list[tuple[Any, float, float]] = []

    @contextmanager
    def cursor(self, timeout: float) -> Iterator[Lease]:
        """A cursor on a pooled connection; a connection that failed, or whose query a
        cancel may still reach, is not reused."""
        connection = self._take(timeout)
        try:
            cursor = connection.cursor()
        except Exception as error:
            _close_quietly(connection)
            raise WarehouseError(first_line(error)) from error
        lease = Lease(cursor, lambda: _cancel(self.warehouse.kind, connection, cursor))
        healthy = False
        try:
            yield lease
            healthy = not lease.broken
        finally:
            _close_quietly(cursor)
            with self._lock:
                if healthy and len(self._idle) < self.most_idle:
                    self._idle.append((connection, timeout, time.monotonic()))
                    connection = None
            if connection is not None:
                _close_quietly(connection)

    def _take(self, timeout: float) -> Any:
        while True:
            with self._lock:
                found = next((i for i, (_, t, _) in enumerate(self._idle) if t == timeout), None)
                if found is None:
                    break
                connection, _, since = self._idle.pop(found)
            # a connection idle for long may have been dropped (a restart, an idle timeout, a
            # proxy): checked before it is used, so no query fails for it
            if time.monotonic() - since < IDLE_CHECK_SECONDS or _answers(connection):
                return connection
            _close_quietly(connection)
        connection = self.warehouse.connect(read_only=True)
        try:
            _set_up_session(self.warehouse.kind, connection, timeout)
        except Exception as error:
            _close_quietly(connection)
            raise WarehouseError(first_line(error)) from error
        return connection

    def close(self) -> None:
        """Close the idle connections."""
        with self._lock:
            idle, self._idle = self._idle, []
        for connection, _, _ in idle:
            _close_quietly(connection)


def _answers(connection: Any) -> bool:
    """Whether a pooled connection still answers `select 1`."""
    try:
        cursor = connection.cursor()
        try:
            cursor.execute("select 1")
            cursor.fetchall()
        finally:
            _close_quietly(cursor)
    except Exception:  # any driver's "connection closed": the connection is dropped
        return False
    return True


def _set_up_session(kind: str, connection: Any, timeout: float) -> None:
    """The read-only session of a server connection, once per connection."""
    if kind not in ("postgres", "redshift"):
        return  # Athena: the analyst role's grants are the wall; the timer stops a query
    cursor = connection.cursor()
    cursor.execute(f"set statement_timeout = {int(timeout * 1000)}")
    if kind == "postgres":
        cursor.execute("set default_transaction_read_only = on")
    cursor.close()


_CANCEL: dict[str, Callable[[Any, Any], None]] = {
    "postgres": lambda connection, cursor: connection.cancel(),
    "athena": lambda connection, cursor: cursor.cancel(),
}


def _cancel(kind: str, connection: Any, cursor: Any) -> None:
    """Stop the running query (Redshift: its statement_timeout does)."""
    stop = _CANCEL.get(kind)
    if stop is not None:
        stop(connection, cursor)


def _close_quietly(closeable: Any) -> None:
    """Close a cursor or connection that may already be broken."""
    try:
        closeable.close()
    except Exception:  # a broken connection cannot be closed cleanly; it is dropped anyway
        return


class ReadPool:
    """Bounded, guarded, concurrent reads of one warehouse (see the module's docstring)."""

    def __init__(self, warehouse: Warehouse, limits: ReadLimits) -> None:
        self.warehouse = warehouse
        self.limits = limits
        self._slots = threading.BoundedSemaphore(limits.concurrency)
        self._state = threading.Lock()
        self._waiting = 0
        self._source: _DuckDBInstance | _Connections = (
            _DuckDBInstance(warehouse)
            if warehouse.kind == "duckdb"
            else _Connections(warehouse, limits.concurrency)
        )

    def query(
        self, sql: str, timeout: float, most: int | None = None
    ) -> tuple[list[str], list[tuple[Any, ...]]]:
        """Column names and (at most `most`) rows of one query, stopped after `timeout` s.
        ReadersBusyError past the bound, ReadTimeoutError at the timeout, WarehouseLockedError
        while a build holds (or is about to write) the DuckDB file, WarehouseError else."""
        with self._slot(), self._source.cursor(timeout) as lease:
            timed_out = threading.Event()
            ending = threading.Lock()
            finished = False

            def cancel() -> None:
                with ending:
                    if finished:
                        return  # the query ended first: nothing to stop
                    timed_out.set()
                lease.stop()

            timer = threading.Timer(timeout, cancel)
            timer.daemon = True
            timer.start()
            try:
                lease.cursor.execute(sql)
                columns = [str(d[0]) for d in lease.cursor.description or []]
                cursor = lease.cursor
                fetched = cursor.fetchall() if most is None else cursor.fetchmany(most)
                return columns, [tuple(row) for row in fetched]
            except Exception as error:
                lease.broken = True
                if timed_out.is_set() or stopped_by_statement_timeout(error):
                    raise ReadTimeoutError(
                        f"the query ran longer than the {timeout:g}s timeout and was stopped"
                    ) from error
                raise WarehouseError(first_line(error)) from error
            finally:
                with ending:
                    finished = True
                timer.cancel()
                if timed_out.is_set():
                    # a cancel may still be on its way: the connection is not used again
                    lease.broken = True

    @contextmanager
    def _slot(self) -> Iterator[None]:
        """Wait for one of the `concurrency` slots, or be refused as busy."""
        if not self._slots.acquire(blocking=False):
            with self._state:
                if self._waiting >= self.limits.queue:
                    raise ReadersBusyError(self._busy(f"{self._waiting} are waiting"))
                self._waiting += 1
            try:
                if not self._slots.acquire(timeout=self.limits.queue_seconds):
                    raise ReadersBusyError(
                        self._busy(f"this one waited {self.limits.queue_seconds:g}s for its turn")
                    )
            finally:
                with self._state:
                    self._waiting -= 1
        try:
            yield
        finally:
            self._slots.release()

    def _busy(self, detail: str) -> str:
        return (
            f"the server is busy: {self.limits.concurrency} queries are running and {detail}; "
            "retry in a few seconds"
        )

    def close(self) -> None:
        """Close what is idle now: server connections, DuckDB's instance (which would close
        itself half a second after its last query)."""
        self._source.close()


_POOLS: dict[Warehouse, ReadPool] = {}
_POOLS_LOCK = threading.Lock()


def read_pool(warehouse: Warehouse, limits: ReadLimits | None = None) -> ReadPool:
    """The process's pool of `warehouse`, created with `limits` (else from the environment)
    by its first caller; later callers share it."""
    with _POOLS_LOCK:
        pool = _POOLS.get(warehouse)
        if pool is None:
            pool = _POOLS[warehouse] = ReadPool(
                warehouse, limits or ReadLimits.from_env(warehouse.kind)
            )
        return pool
