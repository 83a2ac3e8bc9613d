"""Run one guarded query through the process's read pool: a row cap, a timeout, the lock.

The pool (ecom/read_pool.py) opens the warehouse once per process with the guards set when it
is opened: DuckDB read-only, external access (files, ATTACH, extensions) off, a memory cap,
no setting changeable after; PostgreSQL in a read-only session with `statement_timeout`,
Redshift with `statement_timeout` (its read-only wall is the login's grants, as on Athena the
analyst role's). Each query has a cursor of its own, at most the pool's bound run at once and
a query over it is answered "busy, retry". A query still running at the timeout is stopped.

The DuckDB file is released whenever no query runs, so `ecom run` can rebuild it. While a build
holds the file, DuckDB lets no other process open it, not even read-only: the request waits
briefly (the project's retry policy, ecom.warehouse.LOCK_WAIT) and then says the warehouse is
being rebuilt.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from datetime import date, datetime
from datetime import time as day_time
from decimal import Decimal
from typing import Any

from ecom.read_pool import ReadersBusyError, ReadTimeoutError, read_pool
from ecom.warehouse import LOCK_WAIT, Warehouse, WarehouseError, WarehouseMissingError
from ingest.errors import EcomError
from ingest.retry import RetriesExhaustedError, with_retries

MAX_CELL_CHARACTERS = 1_000  # a longer text value is cut (and says so)
REBUILDING = (
    "the warehouse is being rebuilt by ecom run (a dbt build holds the DuckDB file); "
    "retry in a minute"
)


class QueryTimeoutError(EcomError):
    """The query ran longer than the server's timeout and was interrupted."""


class WarehouseBusyError(EcomError):
    """Not now: a `dbt build` held the DuckDB file for longer than the server waits, or the
    server is answering as many queries as it may."""


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
    """Run sql (already guarded) through the warehouse's read pool; at most row_limit rows."""
    started = time.monotonic()
    pool = read_pool(warehouse)
    try:
        columns, rows = with_retries(
            f"reading the {warehouse.describe()}",
            lambda: pool.query(sql, timeout, most=row_limit + 1),
            LOCK_WAIT,
            on_retry=lambda *_: None,
        )
    except RetriesExhaustedError as error:
        raise WarehouseBusyError(REBUILDING) from error
    except ReadersBusyError as error:
        raise WarehouseBusyError(str(error)) from error
    except ReadTimeoutError as error:
        raise QueryTimeoutError(
            f"Refused: the query ran longer than the {timeout:g}s timeout and was "
            "stopped. Aggregate in SQL (group by, count, sum) or filter to fewer rows."
        ) from error
    except WarehouseMissingError as error:
        raise QueryFailedError(str(error)) from error
    except WarehouseError as error:
        raise QueryFailedError(f"The warehouse could not run the query: {error}") from error
    return QueryResult(
        columns=columns,
        rows=[[json_value(v) for v in row] for row in rows[:row_limit]],
        truncated=len(rows) > row_limit,
        seconds=round(time.monotonic() - started, 3),
    )


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
