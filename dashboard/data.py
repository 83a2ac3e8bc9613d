"""Read the marts for the dashboard from the warehouse of the dbt target (DuckDB, Athena,
Redshift or PostgreSQL) through ecom's warehouse module: the connection settings are those of
profiles/profiles.yml for ECOM_DBT_TARGET, as dbt reads them.

Every query runs on a cursor of its own from the process's read pool (ecom/read_pool.py): the
sessions of all the dashboard's users share one read-only DuckDB instance (or a pool of
read-only connections), at most ECOM_READ_CONCURRENCY queries at once, each stopped after
ECOM_DASHBOARD_QUERY_TIMEOUT seconds (default 120). The DuckDB file is released whenever no
query runs, so the dashboard never keeps a `dbt build` out; while a build holds the file, a
query waits briefly (the project's retry policy) and then says so. Results are cached for
ECOM_DASHBOARD_CACHE_TTL seconds (default 300; 0 turns the cache off).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from ecom import dbt_artifacts
from ecom.athena_cost import ScanCost, scan_cost, usd_per_tb
from ecom.dbt_runner import read_freshness
from ecom.read_pool import ReadersBusyError, ReadTimeoutError, read_pool
from ecom.runlog import read_records
from ecom.semantic import (
    METRIC_VALUE,
    QUERY_INDEX,
    MetricQuery,
    SemanticLayer,
    SemanticLayerError,
    SemanticManifestMissingError,
    combined_sql,
    load_manifest,
    manifest_path,
)
from ecom.settings import DEFAULT_TARGET
from ecom.warehouse import (
    LOCK_WAIT,
    Warehouse,
    WarehouseError,
    WarehouseMissingError,
    WarehouseUnreachableError,
)
from ingest.config import LakeConfig
from ingest.errors import EcomError
from ingest.retry import RetriesExhaustedError, with_retries
from ingest.storage import open_lake

BUILD_HINT = "Build the marts with `make run` (or `dbt build` for your target)."


def query_timeout_seconds() -> float:
    """ECOM_DASHBOARD_QUERY_TIMEOUT: seconds a page's query may run before it is stopped."""
    return float(os.environ.get("ECOM_DASHBOARD_QUERY_TIMEOUT", "120"))


def cache_ttl_seconds() -> int:
    """ECOM_DASHBOARD_CACHE_TTL: seconds a query result is reused (0: never)."""
    return int(os.environ.get("ECOM_DASHBOARD_CACHE_TTL", "300"))


class DataUnavailableError(EcomError):
    """The warehouse or a mart cannot be read; the message says why and what to run."""

    def __init__(self, message: str, *, rebuild: bool = True) -> None:
        super().__init__(message)
        self.rebuild = rebuild  # whether building the marts (`make run`) is the fix


def warehouse_from_env(environ: Mapping[str, str] | None = None) -> Warehouse:
    """The warehouse of ECOM_DBT_TARGET (default duckdb), as profiles/profiles.yml defines it."""
    env = dict(os.environ if environ is None else environ)
    target = env.get("ECOM_DBT_TARGET", DEFAULT_TARGET)
    try:
        return Warehouse.for_target(target, Path.cwd(), env)
    except WarehouseError as error:
        raise DataUnavailableError(f"{error}.", rebuild=False) from error


def _diagnosed(warehouse: Warehouse, error: WarehouseError) -> DataUnavailableError:
    """Why a query failed, for the page: a target that cannot be reached (settings,
    credentials, network: what `ecom run`'s preflight checks) is not fixed by building the
    marts, so only a reachable warehouse gets the hint to build them."""
    try:
        warehouse.check()
    except WarehouseUnreachableError as unreachable:
        return DataUnavailableError(f"{unreachable}.", rebuild=False)
    return DataUnavailableError(f"{error}. {BUILD_HINT}")


def run_sql(warehouse: Warehouse, sql: str) -> pd.DataFrame:
    """Run one query through the read pool; decimals come back as floats."""
    pool = read_pool(warehouse)
    timeout = query_timeout_seconds()
    try:
        columns, rows = with_retries(
            f"reading the {warehouse.describe()}",
            lambda: pool.query(sql, timeout),
            LOCK_WAIT,
            on_retry=lambda *_: None,
        )
    except ReadersBusyError as error:
        raise DataUnavailableError(
            f"The dashboard is answering as many queries as it may ({error}). Reload the "
            "page in a few seconds.",
            rebuild=False,
        ) from error
    except ReadTimeoutError as error:
        raise DataUnavailableError(
            f"A query of this page took too long: {error} (ECOM_DASHBOARD_QUERY_TIMEOUT).",
            rebuild=False,
        ) from error
    except WarehouseMissingError as error:
        raise DataUnavailableError(
            f"No warehouse at {warehouse.duckdb_path}. {BUILD_HINT}"
        ) from error
    except WarehouseError as error:
        raise _diagnosed(warehouse, error) from error
    except RetriesExhaustedError as error:  # the file stayed locked
        raise DataUnavailableError(
            f"The warehouse {warehouse.duckdb_path} is being written (a `dbt build` "
            "is running?). Reload the page when it has finished.",
            rebuild=False,
        ) from error
    frame = pd.DataFrame(rows, columns=[column.lower() for column in columns])
    for column in frame.columns:
        if frame[column].map(lambda value: isinstance(value, Decimal)).any():
            frame[column] = frame[column].astype(float)
    return frame


def query(warehouse: Warehouse, sql: str) -> pd.DataFrame:
    """run_sql, cached for ECOM_DASHBOARD_CACHE_TTL seconds per warehouse and SQL text."""
    if cache_ttl_seconds() <= 0:
        return run_sql(warehouse, sql)
    return _cached_query(warehouse, sql)


@st.cache_data(ttl=cache_ttl_seconds(), show_spinner=False)
def _cached_query(warehouse: Warehouse, sql: str) -> pd.DataFrame:
    return run_sql(warehouse, sql)


@st.cache_resource(show_spinner=False, max_entries=4)
def _semantic_layer(warehouse: Warehouse, path: Path, modified_ns: int) -> SemanticLayer:
    """MetricFlow's engine over the manifest at path as it was at modified_ns (a new parse of
    the project, a new engine)."""
    return SemanticLayer(load_manifest(path), warehouse)


def semantic_layer(warehouse: Warehouse) -> SemanticLayer:
    """The semantic layer (models/semantic/) over the warehouse, from the semantic manifest of
    the last dbt parse or build of its target (dbt_artifacts.artifacts_dir)."""
    path = manifest_path(warehouse)
    try:
        return _semantic_layer(warehouse, path, path.stat().st_mtime_ns)
    except FileNotFoundError as error:
        raise DataUnavailableError(
            f"No semantic manifest at {path} (dbt writes it). {BUILD_HINT}"
        ) from error
    except SemanticManifestMissingError as error:
        raise DataUnavailableError(f"{error}.") from error
    except SemanticLayerError as error:
        if isinstance(error.__cause__, dbt_artifacts.ArtifactUnreadableError):
            # dbt writes its artifacts in place: a reader can meet half a file
            raise DataUnavailableError(
                f"The semantic manifest {path} is being written (a dbt command is running). "
                "Reload the page in a few seconds.",
                rebuild=False,
            ) from error
        raise DataUnavailableError(f"{error}.", rebuild=False) from error


def metric_query(warehouse: Warehouse, request: MetricQuery) -> pd.DataFrame:
    """The metrics of a query, computed by the SQL MetricFlow generates from their
    definitions (the SQL `mf query` runs), through query: cached, decimals as floats."""
    try:
        sql = semantic_layer(warehouse).sql(request)
    except SemanticLayerError as error:
        raise DataUnavailableError(f"{error}.", rebuild=False) from error
    return query(warehouse, sql)


def metric_values(
    warehouse: Warehouse, requests: Sequence[tuple[MetricQuery, str]]
) -> list[float | None]:
    """The value of one column (a metric) in the first row of each metric query, None when
    the query has no row or the value is null: the metrics of metric_query, all run as one
    statement (ecom.semantic.combined_sql), so one connection instead of one per query. A
    request repeated (two periods that are the same days) is computed once."""
    try:
        layer = semantic_layer(warehouse)
        keys = [(layer.sql(request), column) for request, column in requests]
    except SemanticLayerError as error:
        raise DataUnavailableError(f"{error}.", rebuild=False) from error
    distinct = list(dict.fromkeys(keys))
    if not distinct:
        return []
    frame = query(
        warehouse,
        combined_sql([sql for sql, _ in distinct], [column for _, column in distinct]),
    )
    first: dict[int, object] = {}
    for index, value in zip(frame[QUERY_INDEX].astype(int), frame[METRIC_VALUE], strict=True):
        first.setdefault(index, value)
    values: list[float | None] = []
    for key in keys:
        value = first.get(distinct.index(key))
        values.append(None if value is None or pd.isna(value) else float(str(value)))
    return values


@st.cache_data(ttl=cache_ttl_seconds(), show_spinner=False)
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
    return warehouse.relation(name)


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


def dbt_target_dir(warehouse: Warehouse, environ: Mapping[str, str] | None = None) -> Path:
    """The folder of the dbt artifacts of the warehouse's target (dbt_artifacts.artifacts_dir:
    DBT_TARGET_PATH, else target/<target>/ once `ecom run --target` wrote it, else target/)."""
    return dbt_artifacts.artifacts_dir(warehouse.target, warehouse.project_dir, environ)


def read_dbt_artifact(
    name: str, warehouse: Warehouse, environ: Mapping[str, str] | None = None
) -> dict[str, Any] | None:
    """A JSON artifact of the last dbt command on the warehouse's target (run_results.json,
    sources.json), or None; parsed again only when dbt rewrote it. Shared: never change it."""
    try:
        return dbt_artifacts.read(dbt_target_dir(warehouse, environ) / name, cached=True)
    except dbt_artifacts.ArtifactError:
        return None


def source_freshness(
    warehouse: Warehouse, environ: Mapping[str, str] | None = None
) -> pd.DataFrame | None:
    """Every source the last `dbt source freshness` checked (sources.json, which `ecom run`
    writes after its build): status, when it last loaded, its age in hours and thresholds;
    None when there is no sources.json."""
    checked = read_freshness(dbt_target_dir(warehouse, environ))
    if not checked:
        return None
    return pd.DataFrame(
        {
            "source": [s.source for s in checked],
            "status": [s.status for s in checked],
            "max_loaded_at": [(s.max_loaded_at or "")[:19].replace("T", " ") for s in checked],
            "age_hours": [
                round(s.age_seconds / 3600, 1) if s.age_seconds is not None else None
                for s in checked
            ],
            "warn_after": [s.warn_after or "" for s in checked],
            "error_after": [s.error_after or "" for s in checked],
            "message": [s.message or "" for s in checked],
        }
    )


def bytes_scanned(run_results: Mapping[str, Any] | None) -> tuple[pd.DataFrame, ScanCost | None]:
    """The nodes of a run_results.json that reported bytes scanned (dbt-athena), most first,
    and the run's ScanCost (None: the target reports no bytes, e.g. DuckDB)."""
    rows = [
        (str(r.get("unique_id", "")), int(scanned))
        for r in (run_results or {}).get("results", [])
        if (scanned := (r.get("adapter_response") or {}).get("data_scanned_in_bytes")) is not None
    ]
    frame = pd.DataFrame(
        {
            "node": [uid.split(".")[-1] for uid, _ in rows],
            "kind": [uid.split(".", 1)[0] for uid, _ in rows],
            "bytes_scanned": [scanned for _, scanned in rows],
        }
    ).sort_values("bytes_scanned", ascending=False, kind="stable")
    return frame.reset_index(drop=True), scan_cost([b for _, b in rows], usd_per_tb())


def running_run_records(runs: Iterable[tuple[str, date]]) -> dict[str, dict[str, Any]]:
    """The lake's run-log record (ECOM_LAKE_URI) of each (run_id, run_date): a run's final
    status is there as soon as it ends, before any mart shows it. DataUnavailableError (not
    rebuild) when the lake cannot be read."""
    wanted = {run_id: day for run_id, day in runs}
    if not wanted:
        return {}
    lake = LakeConfig.from_env()
    try:
        storage = open_lake(lake)
        records = [record for day in set(wanted.values()) for record in read_records(storage, day)]
    except (EcomError, OSError, ValueError) as error:
        raise DataUnavailableError(
            f"Could not read the run log in the lake {lake.uri}: {error}", rebuild=False
        ) from error
    return {str(r["run_id"]): r for r in records if str(r.get("run_id")) in wanted}
