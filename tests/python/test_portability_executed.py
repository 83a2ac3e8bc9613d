"""The compiled Athena and Redshift SQL executed, and its marts equal to the DuckDB target's.

`dbt compile --target athena|redshift` (offline, aws_compiled) renders the SQL `dbt build
--target athena|redshift` sends. Translated by sqlglot (Trino -> DuckDB, Redshift ->
PostgreSQL), it is executed model by model in dependency order over the raw tables as the Glue
catalog defines them, read from the e2e run's lake (tests/python/aws_sql.py), then:

* a first deployment: every mart and qa table equals the DuckDB target's, row for row, and every
  data test finds as many failing rows as it did on DuckDB;
* the daily run over the same lake (the incremental models' own SQL: append, merge with
  fct_sales' pruning predicate), as the e2e's second run: the marts are unchanged;
* a late file: deployed without the newest sales file, which then lands and a daily run
  merges it: the marts equal the DuckDB target's, which saw every file in one build;
* a long refused row: a sales line of more than 256 bytes (Redshift's varchar without a
  length) refused at the door, as its sidecar under refused_rows/ keeps it (1,000 characters),
  reaches qa_rejected_sales whole after the next build.
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import psycopg2
import pytest
from aws_sql import (
    ATHENA_REWRITES,
    REDSHIFT_REWRITES,
    AwsCompile,
    Build,
    DuckDBEngine,
    Engine,
    PostgresEngine,
    RawRows,
    Table,
    build_project,
    column_scales,
    data_test_failures,
    hold_back,
    mart_nodes,
    read_raw_tables,
    read_table,
    run_daily,
    sorted_rows,
)

from ingest.landing import refused_rows_key, refused_rows_ndjson
from ingest.sources.checks import RAW_CHARS, RefusedRow, RowRefusal, raw_text

from conftest import E2ERun, PostgresServer

TARGETS = ("athena", "redshift")

# rpt_pipeline_runs reads the run log. The DuckDB build of the e2e's last run read that run's
# record as it was written before dbt build ('running', no dbt counts yet); the lake now holds
# its final record. Of that run, only what the record held before dbt build is compared.
RUN_LOG = "analytics_marts.rpt_pipeline_runs"
RECORDED_BEFORE_DBT_BUILD = (
    "run_id", "command", "run_date", "started_at", "files_received", "files_landed",
    "files_quarantined", "rows_landed", "ingest_seconds", "is_latest_run_of_day",
)  # fmt: skip


@dataclass(frozen=True)
class Executed:
    """One AWS target's SQL executed: marts and data test failures at each step."""

    target: str
    first_deployment: dict[str, Table]
    test_failures: dict[str, int]
    daily_run: dict[str, Table]
    late_file: dict[str, Table]
    long_refused_rows: list[object]


@dataclass(frozen=True)
class DuckDBMarts:
    """The DuckDB target's (e2e) marts and qa tables, normalised, after each run; and the
    scale of every column, to which the AWS targets' numbers are normalised too."""

    after_first_run: dict[str, Table]
    after_second_run: dict[str, Table]
    scales: dict[str, list[int | None]]


def read_marts(
    engine: Engine, project: AwsCompile, scales: Mapping[str, Sequence[int | None]]
) -> dict[str, Table]:
    """Every mart and qa table the engine built, by its DuckDB-target name."""
    return {
        name: read_table(engine.query, node["schema"], node["name"], scales[name])
        for name, node in mart_nodes(project.full).items()
    }


def newest_sales_file(raw: Sequence[RawRows]) -> str:
    """The lake key of the sales file with the latest transactions (the daily file)."""
    [sales] = [t for t in raw if t.name == "sales"]
    path = sales.columns.index("$path")
    keys = sorted({str(row[path]) for row in sales.rows})
    return keys[-1].split("/lake/", 1)[1]


# A sales line with a seventh field of free text (multi-byte characters too): refused at the
# door as malformed, its raw text kept up to RAW_CHARS characters, far beyond 256 bytes.
LONG_LINE = "T900000001,C00001,P0001,1,9.99,2026-11-20 10:00:00," + "Crème brûlée, 250 g; " * 60
LONG_RAW = raw_text(LONG_LINE)


def land_long_refused_row(
    engine: Engine, raw: Sequence[RawRows], sources: Mapping[str, Mapping[str, Any]]
) -> None:
    """The sidecar of the newest sales file gains a refused row of RAW_CHARS characters, written
    by the door's own code and read as the Glue catalog reads refused_rows/."""
    landing_key = newest_sales_file(raw)
    refused = RefusedRow(7, RowRefusal.MALFORMED_ROW, "7 fields, expected 6", LONG_RAW)
    with tempfile.TemporaryDirectory() as folder:
        sidecar = Path(folder) / refused_rows_key(landing_key)
        sidecar.parent.mkdir(parents=True)
        sidecar.write_bytes(refused_rows_ndjson("sales", landing_key, (refused,)))
        [table] = read_raw_tables(
            Path(folder), {k: v for k, v in sources.items() if v["name"] == "refused_rows"}
        )
    assert len(table.rows) == 1, table
    engine.append(table)


def refused_raw_rows(engine: Engine, project: AwsCompile) -> list[object]:
    """qa_rejected_sales' raw_row of every line refused at the door."""
    [node] = [n for n in mart_nodes(project.full).values() if n["name"] == "qa_rejected_sales"]
    return [
        value
        for (value,) in engine.query(
            f'select raw_row from "{node["schema"]}"."{node["name"]}" where raw_row is not null'
        )
    ]


def execute(
    target: str,
    project: AwsCompile,
    e2e: E2ERun,
    scales: Mapping[str, Sequence[int | None]],
    engines: tuple[Engine, Engine],
) -> Executed:
    """The three scenarios of the module docstring, on two fresh databases."""
    rewrites = ATHENA_REWRITES if target == "athena" else REDSHIFT_REWRITES
    raw = read_raw_tables(e2e.lake, project.full.manifest["sources"])
    assert sum(len(t.rows) for t in raw if t.name == "sales") > 1000, "no sales in the lake"

    engine, late_engine = engines
    build = Build(target, engine, rewrites)
    build_project(build, project.full, raw)
    first = read_marts(engine, project, scales)
    failures = data_test_failures(build, project.full)
    run_daily(build, project)
    daily = read_marts(engine, project, scales)

    late = Build(target, late_engine, rewrites)
    before, landed = hold_back(raw, newest_sales_file(raw))
    build_project(late, project.full, before)
    for table in landed:
        late_engine.append(table)
    run_daily(late, project)
    late_marts = read_marts(late_engine, project, scales)

    land_long_refused_row(late_engine, raw, project.full.manifest["sources"])
    run_daily(late, project)
    long_rows = refused_raw_rows(late_engine, project)
    return Executed(target, first, failures, daily, late_marts, long_rows)


@pytest.fixture(scope="module", params=TARGETS)
def executed(
    request: pytest.FixtureRequest,
    aws_compiled: dict[str, AwsCompile],
    e2e: E2ERun,
    duckdb_marts: DuckDBMarts,
    postgres: PostgresServer,
) -> Iterator[Executed]:
    target = str(request.param)
    scales = duckdb_marts.scales
    if target == "athena":
        yield execute(target, aws_compiled[target], e2e, scales, (DuckDBEngine(), DuckDBEngine()))
        return
    admin = psycopg2.connect(host=str(postgres.socket_dir), user="postgres", dbname="postgres")
    admin.autocommit = True
    databases = ["redshift_sql_first", "redshift_sql_late"]
    with admin.cursor() as cur:
        for database in databases:
            cur.execute(f"create database {database}")
    engines = [PostgresEngine(str(postgres.socket_dir), database) for database in databases]
    try:
        yield execute(target, aws_compiled[target], e2e, scales, (engines[0], engines[1]))
    finally:
        for engine in engines:
            engine.conn.close()
        with admin.cursor() as cur:
            for database in databases:
                cur.execute(f"drop database {database}")
        admin.close()


@pytest.fixture(scope="module")
def duckdb_marts(e2e: E2ERun) -> DuckDBMarts:
    with duckdb.connect(str(e2e.warehouse), read_only=True) as con:

        def query(sql: str) -> list[tuple[object, ...]]:
            return [tuple(row) for row in con.execute(sql).fetchall()]

        tables = query(
            "select table_schema, table_name from information_schema.tables "
            "where table_schema in ('analytics_marts', 'analytics_qa')"
        )
        scales, second = {}, {}
        for schema, name in tables:
            table = f"{schema}.{name}"
            scales[table] = column_scales(query, str(schema), str(name))
            second[table] = read_table(query, str(schema), str(name), scales[table])
    first = {
        t: Table(second[t].columns, sorted_rows(e2e.marts_after_first[t], scales[t]))
        if t in e2e.marts_after_first
        else second[t]  # the run log, which mart_contents leaves out
        for t in second
    }
    return DuckDBMarts(first, second, scales)


def assert_marts_equal(got: Mapping[str, Table], want: Mapping[str, Table], label: str) -> None:
    """Same tables, columns (in order) and rows; the run log as RECORDED_BEFORE_DBT_BUILD says."""
    assert sorted(got) == sorted(want), label
    for name in sorted(want):
        assert got[name].columns == want[name].columns, f"{label}: {name} columns"
        if name == RUN_LOG:
            assert_run_log_equal(got[name], want[name], label)
            continue
        got_rows, want_rows = comparable_rows(got[name]), comparable_rows(want[name])
        if got_rows != want_rows:
            here, there = Counter(got_rows), Counter(want_rows)
            raise AssertionError(
                f"{label}: {name}: {len(got_rows)} rows, DuckDB {len(want_rows)}; "
                f"only on DuckDB {list(there - here)[:3]}, only here {list(here - there)[:3]}"
            )


def comparable_rows(table: Table) -> list[tuple[object, ...]]:
    """The rows without refreshed_at, when the build that wrote them started: a build here and
    the DuckDB build start at different times by design."""
    if "refreshed_at" not in table.columns:
        return table.rows
    at = table.columns.index("refreshed_at")
    return sorted((row[:at] + row[at + 1 :] for row in table.rows), key=repr)


def assert_run_log_equal(got: Table, want: Table, label: str) -> None:
    """rpt_pipeline_runs: every column of the runs that had ended, and of the run that was in
    progress during the DuckDB build, what its record held before dbt build."""
    run_id, started_at = want.columns.index("run_id"), want.columns.index("started_at")
    last_run = max(want.rows, key=lambda r: str(r[started_at]))[run_id]
    kept = [want.columns.index(c) for c in RECORDED_BEFORE_DBT_BUILD]

    def comparable(rows: list[tuple[object, ...]]) -> list[tuple[object, ...]]:
        return sorted(
            (tuple(r[i] for i in kept) if r[run_id] == last_run else r for r in rows), key=repr
        )

    assert len(want.rows) >= 2, "the e2e run log has both runs"
    assert comparable(got.rows) == comparable(want.rows), f"{label}: {RUN_LOG}"


def test_first_deployment_marts_equal_duckdb(executed: Executed, duckdb_marts: DuckDBMarts) -> None:
    assert len(executed.first_deployment) >= 13
    assert_marts_equal(executed.first_deployment, duckdb_marts.after_first_run, executed.target)


def test_data_tests_find_what_they_find_on_duckdb(executed: Executed, e2e: E2ERun) -> None:
    results = json.loads((e2e.root / "target" / "run_results.json").read_text())["results"]
    on_duckdb = {
        r["unique_id"]: r["failures"] for r in results if r["unique_id"].startswith("test.")
    }
    assert len(executed.test_failures) >= 150  # the project has ~160
    assert executed.test_failures == {uid: on_duckdb[uid] for uid in executed.test_failures}


def test_daily_run_leaves_the_marts_equal_duckdb(
    executed: Executed, duckdb_marts: DuckDBMarts
) -> None:
    assert_marts_equal(executed.daily_run, duckdb_marts.after_second_run, executed.target)


def test_late_file_merged_by_the_daily_run_gives_the_duckdb_marts(
    executed: Executed, duckdb_marts: DuckDBMarts
) -> None:
    assert_marts_equal(executed.late_file, duckdb_marts.after_second_run, executed.target)


def test_a_refused_row_longer_than_256_bytes_reaches_qa_rejected_sales_whole(
    executed: Executed,
) -> None:
    assert len(LONG_RAW) == RAW_CHARS and len(LONG_RAW.encode()) > 256
    assert executed.long_refused_rows == [LONG_RAW], (
        f"{executed.target}: raw_row of {[len(str(v)) for v in executed.long_refused_rows]} "
        f"characters, expected one of {len(LONG_RAW)}"
    )
