"""Where the scores go: the table `<target schema>_predictions.customer_scores`.

dbt creates the table, empty, when it builds the staging view over it (the pre-hook of
stg_predictions__customer_scores, macros/predictions/create_customer_scores.sql), so the view
and rpt_customer_predictions over it exist from the first build; the prediction step of
`ecom run` then replaces its rows. Readers see the old scores or the new ones, never a mix:

* DuckDB, PostgreSQL and Redshift: delete and insert in one transaction (multi-row inserts
  on the servers; PostgreSQL and Redshift views bind to the table, so it is never dropped);
* Athena: the table is an external Parquet table; one Parquet file (written by DuckDB) is put
  at its location, found in the Glue catalog, in place of the last one (one S3 PUT).
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from ecom.settings import Settings
from ecom.warehouse import Warehouse, WarehouseError, in_memory_duckdb
from ingest.aws import aws_errors, glue_client, s3_client
from ingest.errors import EcomError
from ingest.storage import parse_s3_uri

SCHEMA_SUFFIX = "predictions"
TABLE = "customer_scores"
PARQUET_NAME = "customer_scores.parquet"
INSERT_BATCH = 2_000  # rows per INSERT statement on PostgreSQL and Redshift

# The table's columns and types (DuckDB's names), in the order of the dbt source
# (models/staging/predictions/_predictions__sources.yml; tests/python/test_predictions.py
# keeps them equal).
COLUMNS: tuple[tuple[str, str], ...] = (
    ("customer_id", "varchar"),
    ("risk_band", "varchar"),
    ("model_version", "varchar"),
    ("buy_probability", "decimal(9,4)"),
    ("expected_orders", "decimal(18,2)"),
    ("expected_net_sales", "decimal(18,2)"),
    ("orders_last_90_days", "integer"),
    ("net_sales_last_90_days", "decimal(18,2)"),
    ("days_since_last_order", "integer"),
    ("horizon_days", "integer"),
    ("last_order_date", "date"),
    ("as_of_date", "date"),
    ("training_cutoff_date", "date"),
    ("scored_at", "timestamp"),
)


class ScoresTableMissingError(EcomError):
    """The scores table does not exist: dbt has not built the predictions models yet."""


@dataclass(frozen=True)
class ScoreRows:
    """The scores of every customer, column by column (COLUMNS' names)."""

    customer_id: list[str]
    risk_band: list[str]
    model_version: str
    buy_probability: npt.NDArray[np.float64]
    expected_orders: npt.NDArray[np.float64]
    expected_net_sales: npt.NDArray[np.float64]
    orders_last_90_days: npt.NDArray[np.float64]
    net_sales_last_90_days: npt.NDArray[np.float64]
    days_since_last_order: list[int]
    horizon_days: int
    last_order_date: list[date]
    as_of_date: date
    training_cutoff_date: date
    scored_at: datetime

    def __len__(self) -> int:
        return len(self.customer_id)

    def arrays(self) -> dict[str, Any]:
        """Every column as a numpy array (one value repeated where the column is constant;
        dates as ISO text, which DuckDB casts), for DuckDB to read as a table."""
        n = len(self)
        return {
            "customer_id": np.array(self.customer_id, dtype=object),
            "risk_band": np.array(self.risk_band, dtype=object),
            "model_version": np.array([self.model_version] * n, dtype=object),
            "buy_probability": self.buy_probability,
            "expected_orders": self.expected_orders,
            "expected_net_sales": self.expected_net_sales,
            "orders_last_90_days": self.orders_last_90_days.astype(np.int64),
            "net_sales_last_90_days": self.net_sales_last_90_days,
            "days_since_last_order": np.array(self.days_since_last_order, dtype=np.int64),
            "horizon_days": np.full(n, self.horizon_days, dtype=np.int64),
            "last_order_date": np.array(
                [day.isoformat() for day in self.last_order_date], dtype=object
            ),
            "as_of_date": np.array([self.as_of_date.isoformat()] * n, dtype=object),
            "training_cutoff_date": np.array(
                [self.training_cutoff_date.isoformat()] * n, dtype=object
            ),
            "scored_at": np.full(n, np.datetime64(self.scored_at.replace(tzinfo=None), "us")),
        }


def schema_of(warehouse: Warehouse) -> str:
    """The scores' schema: dbt's name for a custom schema `predictions` of the target."""
    return f"{warehouse.schema}_{SCHEMA_SUFFIX}"


def relation_of(warehouse: Warehouse) -> str:
    """The scores table, schema-qualified."""
    return f"{schema_of(warehouse)}.{TABLE}"


def _typed_select(source: str) -> str:
    """Every column of a registered numpy table cast to the table's type, in order."""
    return (
        "select "
        + ", ".join(f"cast({name} as {kind}) as {name}" for name, kind in COLUMNS)
        + (f" from {source}")
    )


def write_scores(settings: Settings, warehouse: Warehouse, rows: ScoreRows) -> str:
    """Replace the scores with `rows`; returns where they went. ScoresTableMissingError when
    dbt has not created the table yet."""
    if warehouse.kind == "duckdb":
        _write_duckdb(warehouse, rows)
    elif warehouse.kind in ("postgres", "redshift"):
        _write_server(warehouse, rows)
    elif warehouse.kind == "athena":
        return _write_athena(settings, warehouse, rows)
    else:
        raise WarehouseError(f"dbt adapter {warehouse.kind!r} is not supported by ecom")
    return f"{relation_of(warehouse)} ({warehouse.describe()})"


def _missing(warehouse: Warehouse) -> ScoresTableMissingError:
    return ScoresTableMissingError(
        f"{relation_of(warehouse)} does not exist in the {warehouse.describe()}: dbt creates "
        "it with the predictions models; run `ecom run` (or `dbt build`) first"
    )


def _write_duckdb(warehouse: Warehouse, rows: ScoreRows) -> None:
    """Delete and insert in one transaction, from the numpy columns."""
    with warehouse.writing(), warehouse.connection(read_only=False) as connection:
        found = connection.execute(
            "select count(*) from information_schema.tables "
            f"where table_schema = '{schema_of(warehouse)}' and table_name = '{TABLE}'"
        ).fetchone()
        if not found or not found[0]:
            raise _missing(warehouse)
        connection.register("scores", rows.arrays())
        connection.execute("begin transaction")
        connection.execute(f"delete from {relation_of(warehouse)}")
        connection.execute(
            f"insert into {relation_of(warehouse)} {_typed_select('scores')}",
        )
        connection.execute("commit")


def sql_value(value: Any) -> str:
    """A Python value as a SQL literal PostgreSQL and Redshift read."""
    if value is None:
        return "null"
    if isinstance(value, datetime):
        return f"cast('{value.replace(tzinfo=None).isoformat(sep=' ')}' as timestamp)"
    if isinstance(value, date):
        return f"cast('{value.isoformat()}' as date)"
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    return repr(value)


def _literal_rows(rows: ScoreRows) -> list[str]:
    """Every row as a parenthesised list of literals, in COLUMNS' order."""
    lines = []
    for i in range(len(rows)):
        values: Sequence[Any] = (
            rows.customer_id[i],
            rows.risk_band[i],
            rows.model_version,
            round(float(rows.buy_probability[i]), 4),
            round(float(rows.expected_orders[i]), 2),
            round(float(rows.expected_net_sales[i]), 2),
            int(rows.orders_last_90_days[i]),
            round(float(rows.net_sales_last_90_days[i]), 2),
            rows.days_since_last_order[i],
            rows.horizon_days,
            rows.last_order_date[i],
            rows.as_of_date,
            rows.training_cutoff_date,
            rows.scored_at,
        )
        lines.append("(" + ", ".join(sql_value(v) for v in values) + ")")
    return lines


def _write_server(warehouse: Warehouse, rows: ScoreRows) -> None:
    """Delete and multi-row inserts in one transaction (PostgreSQL, Redshift)."""
    names = ", ".join(name for name, _ in COLUMNS)
    lines = _literal_rows(rows)
    with warehouse.connection(read_only=False) as connection:
        cursor = connection.cursor()
        cursor.execute(
            "select count(*) from information_schema.tables "
            f"where table_schema = '{schema_of(warehouse)}' and table_name = '{TABLE}'"
        )
        found = cursor.fetchone()
        if not found or not found[0]:
            raise _missing(warehouse)
        cursor.execute(f"delete from {relation_of(warehouse)}")
        for start in range(0, len(lines), INSERT_BATCH):
            cursor.execute(
                f"insert into {relation_of(warehouse)} ({names}) values "
                + ", ".join(lines[start : start + INSERT_BATCH])
            )
        connection.commit()


def _write_athena(settings: Settings, warehouse: Warehouse, rows: ScoreRows) -> str:
    """One Parquet file at the Glue table's location, replacing the last one."""
    region = str(warehouse.setting("region_name") or settings.lake.aws_region)
    endpoint = settings.lake.s3_endpoint_url
    glue = glue_client(region, endpoint)
    with aws_errors(f"reading the Glue table {relation_of(warehouse)}", WarehouseError):
        try:
            table = glue.get_table(DatabaseName=schema_of(warehouse), Name=TABLE)
        except glue.exceptions.EntityNotFoundException as error:
            raise _missing(warehouse) from error
    location = table["Table"]["StorageDescriptor"]["Location"].rstrip("/")
    bucket, prefix = parse_s3_uri(location)
    key = f"{prefix}/{PARQUET_NAME}" if prefix else PARQUET_NAME
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / PARQUET_NAME
        write_parquet(rows, path)
        s3 = s3_client(region, endpoint)
        with aws_errors(f"writing s3://{bucket}/{key}", WarehouseError):
            s3.put_object(Bucket=bucket, Key=key, Body=path.read_bytes())
    return f"s3://{bucket}/{key} (Glue table {relation_of(warehouse)})"


def write_parquet(rows: ScoreRows, path: Path) -> None:
    """The scores as one Parquet file with the table's column types."""
    with in_memory_duckdb() as connection:
        connection.register("scores", rows.arrays())
        connection.execute(
            f"copy ({_typed_select('scores')}) to '{path}' (format parquet, compression zstd)"
        )
