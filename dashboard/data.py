"""Read the marts for the dashboard from the warehouse of the dbt target: DuckDB, Athena,
Redshift or PostgreSQL, chosen by the same ECOM_DBT_TARGET and ECOM_* variables as profiles/.

Every query opens its own short-lived connection (DuckDB: read-only) and closes it at once, so
the dashboard never holds a lock that would block a concurrent `dbt build`; results are cached
for ECOM_DASHBOARD_CACHE_TTL seconds (default 300).
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

TARGETS = ("duckdb", "athena", "redshift", "postgres")
BUILD_HINT = "Build the marts with `make run` (or `dbt build` for your target)."
CACHE_TTL_SECONDS = int(os.environ.get("ECOM_DASHBOARD_CACHE_TTL", "300"))
# A DuckDB file is locked while `dbt build` writes it: retry briefly, then say so.
_LOCK_RETRIES = 5
_LOCK_WAIT_SECONDS = 0.4


class DataUnavailableError(Exception):
    """The warehouse or a mart cannot be read; the message says why and what to run."""

    def __init__(self, message: str, *, rebuild: bool = True) -> None:
        super().__init__(message)
        self.rebuild = rebuild  # whether building the marts (`make run`) is the fix


@dataclass(frozen=True)
class Warehouse:
    """Where the marts live: the dbt target and its base schema (dbt adds _marts and _qa)."""

    target: str
    base_schema: str
    duckdb_path: str = ""

    @property
    def marts_schema(self) -> str:
        """Schema of the core and reporting marts."""
        return f"{self.base_schema}_marts"

    @property
    def qa_schema(self) -> str:
        """Schema of the qa_* models."""
        return f"{self.base_schema}_qa"

    def describe(self) -> str:
        """Human-readable location, for captions and error messages."""
        if self.target == "duckdb":
            return f"DuckDB warehouse {self.duckdb_path}"
        return f"{self.target} schema {self.marts_schema}"


def warehouse_from_env(environ: Mapping[str, str] | None = None) -> Warehouse:
    """The warehouse of ECOM_DBT_TARGET (default duckdb), with profiles/' defaults."""
    env = os.environ if environ is None else environ
    target = env.get("ECOM_DBT_TARGET", "duckdb")
    if target not in TARGETS:
        raise DataUnavailableError(
            f"ECOM_DBT_TARGET={target!r} is not a target of profiles/profiles.yml; "
            f"use one of {', '.join(TARGETS)}."
        )
    schema_var = {
        "duckdb": ("", "analytics"),
        "athena": ("ECOM_ATHENA_SCHEMA", "ecom_analytics"),
        "redshift": ("ECOM_REDSHIFT_SCHEMA", "analytics"),
        "postgres": ("ECOM_POSTGRES_SCHEMA", "analytics"),
    }[target]
    base = env.get(schema_var[0], schema_var[1]) if schema_var[0] else schema_var[1]
    path = env.get("ECOM_DUCKDB_PATH", "data/warehouse/ecom.duckdb") if target == "duckdb" else ""
    return Warehouse(target=target, base_schema=base, duckdb_path=path)


def _connect(warehouse: Warehouse) -> Any:
    """A new DB-API connection to the warehouse (the caller closes it)."""
    env = os.environ
    if warehouse.target == "duckdb":
        import duckdb

        if not Path(warehouse.duckdb_path).exists():
            raise DataUnavailableError(f"No warehouse at {warehouse.duckdb_path}. {BUILD_HINT}")
        return duckdb.connect(warehouse.duckdb_path, read_only=True)
    if warehouse.target == "athena":
        from pyathena import connect as athena_connect

        return athena_connect(
            s3_staging_dir=env.get("ECOM_ATHENA_S3_STAGING_DIR"),
            region_name=env.get("AWS_REGION") or env.get("AWS_DEFAULT_REGION", "us-east-1"),
            work_group=env.get("ECOM_ATHENA_WORKGROUP", "primary"),
            schema_name=warehouse.marts_schema,
        )
    if warehouse.target == "redshift":
        import redshift_connector

        host = env.get("ECOM_REDSHIFT_HOST", "")
        common: dict[str, Any] = {
            "host": host,
            "port": int(env.get("ECOM_REDSHIFT_PORT", "5439")),
            "database": env.get("ECOM_REDSHIFT_DBNAME", "dev"),
        }
        user = env.get("ECOM_REDSHIFT_USER", "ecom_dbt")
        if env.get("ECOM_REDSHIFT_AUTH_METHOD", "database") == "iam":
            # As dbt-redshift does: the cluster id is the first label of the host name.
            return redshift_connector.connect(
                iam=True, db_user=user, cluster_identifier=host.split(".")[0], **common
            )
        return redshift_connector.connect(
            user=user, password=env.get("ECOM_REDSHIFT_PASSWORD", ""), ssl=True, **common
        )
    import psycopg2

    return psycopg2.connect(
        host=env.get("ECOM_POSTGRES_HOST", "127.0.0.1"),
        port=int(env.get("ECOM_POSTGRES_PORT", "5432")),
        user=env.get("ECOM_POSTGRES_USER", "postgres"),
        password=env.get("ECOM_POSTGRES_PASSWORD", ""),
        dbname=env.get("ECOM_POSTGRES_DBNAME", "ecom"),
    )


def _is_lock_error(error: Exception) -> bool:
    """Whether DuckDB refused the file because another process (dbt build) writes it."""
    return "lock" in str(error).lower()


def run_sql(warehouse: Warehouse, sql: str) -> pd.DataFrame:
    """Run one query on a fresh connection and close it; decimals come back as floats."""
    for attempt in range(_LOCK_RETRIES):
        try:
            connection = _connect(warehouse)
            try:
                cursor = connection.cursor()
                cursor.execute(sql)
                columns = [str(d[0]).lower() for d in cursor.description]
                rows = cursor.fetchall()
            finally:
                connection.close()
        except DataUnavailableError:
            raise
        except Exception as error:
            retry = warehouse.target == "duckdb" and _is_lock_error(error)
            if retry and attempt < _LOCK_RETRIES - 1:
                time.sleep(_LOCK_WAIT_SECONDS * (attempt + 1))
                continue
            if retry:
                raise DataUnavailableError(
                    f"The warehouse {warehouse.duckdb_path} is being written (a `dbt build` "
                    "is running?). Reload the page when it has finished.",
                    rebuild=False,
                ) from error
            raise DataUnavailableError(
                f"Query on the {warehouse.describe()} failed: {error}. {BUILD_HINT}"
            ) from error
        break
    frame = pd.DataFrame([tuple(row) for row in rows], columns=columns)
    for column in frame.columns:
        if frame[column].map(lambda value: isinstance(value, Decimal)).any():
            frame[column] = frame[column].astype(float)
    return frame


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False)
def query(warehouse: Warehouse, sql: str) -> pd.DataFrame:
    """run_sql, cached for ECOM_DASHBOARD_CACHE_TTL seconds per warehouse and SQL text."""
    return run_sql(warehouse, sql)


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False)
def existing_relations(warehouse: Warehouse) -> frozenset[str]:
    """'schema.table' of every table or view in the marts and qa schemas."""
    frame = run_sql(
        warehouse,
        "select table_schema, table_name from information_schema.tables "
        f"where table_schema in ({sql_list([warehouse.marts_schema, warehouse.qa_schema])})",
    )
    return frozenset(
        f"{schema}.{name}".lower()
        for schema, name in zip(frame["table_schema"], frame["table_name"], strict=True)
    )


def relation(warehouse: Warehouse, name: str) -> str:
    """The qualified name of a mart (qa_* models live in the qa schema)."""
    schema = warehouse.qa_schema if name.startswith("qa_") else warehouse.marts_schema
    return f"{schema}.{name}"


def has_mart(warehouse: Warehouse, name: str) -> bool:
    """Whether the mart exists in the warehouse."""
    return relation(warehouse, name).lower() in existing_relations(warehouse)


def require(warehouse: Warehouse, names: Iterable[str]) -> None:
    """Raise DataUnavailableError naming every mart that is missing."""
    missing = [name for name in names if not has_mart(warehouse, name)]
    if missing:
        raise DataUnavailableError(
            f"Missing in the {warehouse.describe()}: {', '.join(missing)}. {BUILD_HINT}"
        )


def sql_date(day: date) -> str:
    """A date literal every engine reads."""
    return f"date '{day.isoformat()}'"


def sql_list(values: Iterable[str]) -> str:
    """Comma-separated string literals, quotes doubled."""
    return ", ".join("'" + value.replace("'", "''") + "'" for value in values)


def dbt_target_dir(environ: Mapping[str, str] | None = None) -> Path:
    """dbt's target/ folder: DBT_TARGET_PATH, else target/ of the working directory."""
    env = os.environ if environ is None else environ
    return Path(env.get("DBT_TARGET_PATH", "target"))


def read_dbt_artifact(name: str, environ: Mapping[str, str] | None = None) -> dict[str, Any] | None:
    """A JSON artifact of the last dbt command (run_results.json, sources.json), or None."""
    path = dbt_target_dir(environ) / name
    if not path.exists():
        return None
    try:
        payload = json.loads(path.read_text())
    except (OSError, json.JSONDecodeError):
        return None
    return payload if isinstance(payload, dict) else None
