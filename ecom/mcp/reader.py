"""Run one guarded query on a fresh read-only connection: a row cap, a timeout, the lock.

Each request opens its own connection (ecom/warehouse.py) and closes it at once, so the server
never holds the DuckDB file between requests and a `dbt build` of `ecom run` can take it. While
a build holds the file, DuckDB lets no other process open it, not even read-only: the request
waits briefly (the project's retry policy, ecom.warehouse.LOCK_WAIT) and then says the warehouse
is being rebuilt.

The connection is locked down before the query: DuckDB opens the file read-only and switches
off external access (files, ATTACH, extensions) and further setting changes; PostgreSQL runs in
a read-only session (ecom/warehouse.py) with `statement_timeout`, Redshift with
`statement_timeout` (its read-only wall is the login's grants, as on Athena the analyst role's).
A query still running at the timeout is interrupted (DuckDB `interrupt()`, PostgreSQL
`cancel()`, Athena `cancel()`).
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from datetime import time as day_time
from decimal import Decimal
from typing import Any

from ecom.warehouse import LOCK_WAIT, Warehouse, WarehouseError, first_line
from ingest.errors import EcomError
from ingest.retry import RetriesExhaustedError, with_retries

MAX_CELL_CHARACTERS = 1_000  # a longer text value is cut (and says so)
DUCKDB_MEMORY_LIMIT = "2GB"  # what one request's query may use
REBUILDING = (
    "the warehouse is being rebuilt by ecom run (a dbt build holds the DuckDB file); "
    "retry in a minute"
)


class QueryTimeoutError(EcomError):
    """The query ran longer than the server's timeout and was interrupted."""


class WarehouseBusyError(EcomError):
    """A `dbt build` held the DuckDB file for longer than the server waits."""


class QueryFailedError(EcomError):
    """The warehouse refused or could not run the query (a SQL error, a missing table)."""


@dataclass(frozen=True)
class QueryResult:
    """Columns and rows of a query, cut at the row limit (truncated says so)."""

    columns: list[str]
    rows: list[list[Any]]
    truncated: bool
    seconds: float


def read(warehouse: Warehouse, sql: str, row_limit: int, timeout: float) -> QueryResult:
    """Run sql (already guarded) on a new read-only connection; at most row_limit rows."""
    started = time.monotonic()
    try:
        columns, rows = with_retries(
            f"reading the {warehouse.describe()}",
            lambda: _read_once(warehouse, sql, row_limit + 1, timeout),
            LOCK_WAIT,
            on_retry=lambda *_: None,
        )
    except RetriesExhaustedError as error:
        raise WarehouseBusyError(REBUILDING) from error
    except WarehouseError as error:
        raise QueryFailedError(str(error)) from error
    return QueryResult(
        columns=columns,
        rows=[[json_value(v) for v in row] for row in rows[:row_limit]],
        truncated=len(rows) > row_limit,
        seconds=round(time.monotonic() - started, 3),
    )


def _read_once(
    warehouse: Warehouse, sql: str, most: int, timeout: float
) -> tuple[list[str], list[tuple[Any, ...]]]:
    """One attempt: connect read-only, lock the session down, run with a timer, fetch `most`."""
    with warehouse.connection(read_only=True) as connection:
        _lock_down(warehouse.kind, connection, timeout)
        cursor = connection.cursor()
        timed_out = threading.Event()

        def cancel() -> None:
            timed_out.set()
            _cancel(warehouse.kind, connection, cursor)

        timer = threading.Timer(timeout, cancel)
        timer.daemon = True
        timer.start()
        try:
            cursor.execute(sql)
            columns = [str(d[0]) for d in cursor.description or []]
            rows = [tuple(row) for row in cursor.fetchmany(most)]
        except Exception as error:
            # the server's statement_timeout may stop the query before the timer fires
            if timed_out.is_set() or stopped_by_statement_timeout(error):
                raise QueryTimeoutError(
                    f"Refused: the query ran longer than the {timeout:g}s timeout and was "
                    "stopped. Aggregate in SQL (group by, count, sum) or filter to fewer rows."
                ) from error
            raise QueryFailedError(
                f"The warehouse could not run the query: {first_line(error)}"
            ) from error
        finally:
            timer.cancel()
        return columns, rows


QUERY_CANCELED = "57014"  # SQLSTATE of a statement stopped by statement_timeout or a cancel


def stopped_by_statement_timeout(error: Exception) -> bool:
    """Whether PostgreSQL (psycopg2: pgcode) or Redshift (redshift_connector: the error
    fields in args) stopped the statement as canceled."""
    if getattr(error, "pgcode", None) == QUERY_CANCELED:
        return True
    return any(isinstance(arg, dict) and arg.get("C") == QUERY_CANCELED for arg in error.args)


def _lock_down(kind: str, connection: Any, timeout: float) -> None:
    """Session settings of a read-only request, before the query runs."""
    if kind == "duckdb":
        # no files, ATTACH, COPY TO or extensions, a memory cap (a huge value fails instead of
        # exhausting the machine), and no setting can be changed back
        for statement in (
            "set enable_external_access = false",
            f"set memory_limit = '{DUCKDB_MEMORY_LIMIT}'",
            "set lock_configuration = true",
        ):
            connection.execute(statement)
    elif kind in ("postgres", "redshift"):
        cursor = connection.cursor()
        cursor.execute(f"set statement_timeout = {int(timeout * 1000)}")
        if kind == "postgres":
            cursor.execute("set default_transaction_read_only = on")
        cursor.close()


_CANCEL: dict[str, Callable[[Any, Any], None]] = {
    "duckdb": lambda connection, cursor: cursor.interrupt(),
    "postgres": lambda connection, cursor: connection.cancel(),
    "athena": lambda connection, cursor: cursor.cancel(),
}


def _cancel(kind: str, connection: Any, cursor: Any) -> None:
    """Stop the running query (Redshift: its statement_timeout does)."""
    stop = _CANCEL.get(kind)
    if stop is not None:
        stop(connection, cursor)


def json_value(value: Any) -> Any:
    """A value as JSON shows it: numbers, text, ISO dates; long text cut."""
    if isinstance(value, Decimal):
        value = float(value)
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)  # NaN and infinity are not JSON numbers
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, date | datetime | day_time):
        return value.isoformat()
    text = value.hex() if isinstance(value, bytes) else str(value)
    if len(text) > MAX_CELL_CHARACTERS:
        return text[:MAX_CELL_CHARACTERS] + f"... ({len(text):,} characters, cut)"
    return text
