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
  reaches qa_rejected_sales whole after the next build;
* Athena's 100 partitions per statement (aws_sql.py refuses a CTAS, INSERT or MERGE of a
  partitioned model writing more, as Athena does, and emulates dbt-athena's batch path): over a
  history of 1,000 days (a lake of its own, a few rows a day, built on DuckDB by `ecom run`), a
  full refresh writes fct_sales (partitioned by day) in batches of at most 100 days and gives
  the DuckDB target's marts; without the batch path Athena refuses it; and a daily run that
  merges sales files arriving late for 150 days merges them in batches too, with the same
  marts.
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import duckdb
import psycopg2
import pytest
from aws_sql import (
    ATHENA_PARTITION_LIMIT,
    ATHENA_REWRITES,
    REDSHIFT_REWRITES,
    AwsCompile,
    Build,
    DuckDBEngine,
    Engine,
    PartitionedWrite,
    PostgresEngine,
    RawRows,
    Table,
    TooManyOpenPartitionsError,
    build_model,
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

from conftest import E2ERun, IsolatedRun, PostgresServer, isolated_env, run_ecom

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

TARGETS = ("athena", "redshift")

# rpt_pipeline_runs reads the run log. The DuckDB build of the e2e's last run read that run's
# record as it was written before dbt build ('running', no dbt counts yet); the lake now holds
# its final record. Of that run, only what the record held before dbt build is compared.
RUN_LOG = "analytics_marts.rpt_pipeline_runs"
RECORDED_BEFORE_DBT_BUILD = (
    "run_id",
    "command",
    "run_date",
    "started_at",
    "files_received",
    "files_landed",
    "files_quarantined",
    "rows_landed",
    "ingest_seconds",
    "is_latest_run_of_day",
)


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


def warehouse_marts(
    warehouse: Path,
) -> tuple[dict[str, Table], dict[str, list[int | None]]]:
    """A DuckDB warehouse's marts and qa tables (read_table), and each column's scale."""
    with duckdb.connect(str(warehouse), read_only=True) as con:

        def query(sql: str) -> list[tuple[object, ...]]:
            return [tuple(row) for row in con.execute(sql).fetchall()]

        tables = query(
            "select table_schema, table_name from information_schema.tables "
            "where table_schema in ('analytics_marts', 'analytics_qa')"
        )
        scales, marts = {}, {}
        for schema, name in tables:
            table = f"{schema}.{name}"
            scales[table] = column_scales(query, str(schema), str(name))
            marts[table] = read_table(query, str(schema), str(name), scales[table])
    return marts, scales


@pytest.fixture(scope="module")
def duckdb_marts(e2e: E2ERun) -> DuckDBMarts:
    second, scales = warehouse_marts(e2e.warehouse)
    first = {
        t: Table(second[t].columns, sorted_rows(e2e.marts_after_first[t], scales[t]))
        if t in e2e.marts_after_first
        else second[t]  # the run log, which mart_contents leaves out
        for t in second
    }
    return DuckDBMarts(first, second, scales)


def assert_marts_equal(
    got: Mapping[str, Table], want: Mapping[str, Table], label: str, runs: int = 2
) -> None:
    """Same tables, columns (in order) and rows; the run log (of `runs` runs) as
    RECORDED_BEFORE_DBT_BUILD says."""
    assert sorted(got) == sorted(want), label
    for name in sorted(want):
        assert got[name].columns == want[name].columns, f"{label}: {name} columns"
        if name == RUN_LOG:
            assert_run_log_equal(got[name], want[name], label, runs)
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


def assert_run_log_equal(got: Table, want: Table, label: str, runs: int) -> None:
    """rpt_pipeline_runs: every column of the runs that had ended, and of the run that was in
    progress during the DuckDB build, what its record held before dbt build."""
    run_id, started_at = want.columns.index("run_id"), want.columns.index("started_at")
    last_run = max(want.rows, key=lambda r: str(r[started_at]))[run_id]
    kept = [want.columns.index(c) for c in RECORDED_BEFORE_DBT_BUILD]

    def comparable(rows: list[tuple[object, ...]]) -> list[tuple[object, ...]]:
        return sorted(
            (tuple(r[i] for i in kept) if r[run_id] == last_run else r for r in rows), key=repr
        )

    assert len(want.rows) >= runs, f"the run log has {runs} runs"
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


# --- Athena's 100 partitions per statement, over a history of 1,000 days ----------------------

# A sales file a day for 1,000 days, a few lines each: fct_sales spans far more than 100 days.
# Clean, so that the run exits 0; the small sample's dirty rows are the e2e run's to check.
LONG_HISTORY = [
    "--rows", "3000", "--days", "1000", "--end-date", "2026-11-20", "--seed", "7",
    "--customers", "300", "--products", "40", "--dirty-rate", "0",
]  # fmt: skip
# Sales files held back from the deployment and landing late, for this many days of history:
# the daily run then merges lines of more days than Athena writes in one statement.
LATE_DAYS = 150
# Its rows are the scores `ecom run` computes in Python after the build and writes to the
# warehouse (ecom/predictions), not what dbt builds: the emulated builds have none to read.
SCORED_AFTER_THE_BUILD = "analytics_marts.rpt_customer_predictions"


@dataclass(frozen=True)
class LongHistory:
    """The 1,000-day lake built on DuckDB (`ecom run`), and on emulated Athena: a full refresh,
    then a deployment without LATE_DAYS days of sales files and the daily run after they
    landed; every partitioned write of each."""

    run: IsolatedRun
    duckdb: dict[str, Table]
    full_refresh: dict[str, Table]
    full_refresh_writes: list[PartitionedWrite]
    late_days: dict[str, Table]
    late_days_writes: list[PartitionedWrite]
    build: Build  # the full refresh's, its warehouse kept


@pytest.fixture(scope="module")
def long_history(
    aws_compiled: dict[str, AwsCompile], tmp_path_factory: pytest.TempPathFactory
) -> LongHistory:
    run = IsolatedRun(isolated_env(tmp_path_factory.mktemp("long-history")))
    # the marts are what is compared: the data tests ran on the e2e sample
    built = run_ecom(
        ["run", *LONG_HISTORY, "--no-docs", "--exclude", "resource_type:test"], run.env
    )
    assert built.returncode == 0, built.stdout[-4000:] + built.stderr[-2000:]
    on_duckdb, scales = warehouse_marts(run.warehouse)
    on_duckdb.pop(SCORED_AFTER_THE_BUILD, None)
    project = aws_compiled["athena"]
    raw = read_raw_tables(run.lake, project.full.manifest["sources"])

    build = Build("athena", DuckDBEngine(), ATHENA_REWRITES)
    build_project(build, project.full, raw)
    full_refresh = read_marts(build.engine, project, scales)
    full_refresh.pop(SCORED_AFTER_THE_BUILD, None)

    late = Build("athena", DuckDBEngine(), ATHENA_REWRITES)
    before, landed = list(raw), []
    for key in late_sales_files(raw, LATE_DAYS):
        before, held = hold_back(before, key)
        landed += held
    build_project(late, project.full, before)
    deployed = len(late.writes)
    for table in landed:
        late.engine.append(table)
    run_daily(late, project)
    late_days = read_marts(late.engine, project, scales)
    late_days.pop(SCORED_AFTER_THE_BUILD, None)
    return LongHistory(
        run, on_duckdb, full_refresh, build.writes, late_days, late.writes[deployed:], build
    )


def late_sales_files(raw: Sequence[RawRows], days: int) -> list[str]:
    """The lake keys of the sales files of `days` different days, every other day of the
    history's middle (the newest days stay, so the reports' as-of date does not move)."""
    [sales] = [t for t in raw if t.name == "sales"]
    path, date_at = sales.columns.index("$path"), sales.columns.index("transaction_date")
    days_of: dict[str, set[str]] = {}
    for row in sales.rows:
        days_of.setdefault(str(row[path]), set()).add(str(row[date_at])[:10])
    keys = sorted(k for k, d in days_of.items() if len(d) == 1)
    chosen = keys[len(keys) // 4 :: 2][:days]
    assert len({d for k in chosen for d in days_of[k]}) == days
    return [key.split("/lake/", 1)[1] for key in chosen]


def writes_of(writes: Sequence[PartitionedWrite], model: str) -> list[PartitionedWrite]:
    """The partitioned writes of one model."""
    return [w for w in writes if w.model == model]


def test_a_full_refresh_of_1000_days_writes_fct_sales_in_batches_of_100_days(
    long_history: LongHistory,
) -> None:
    [(days,)] = long_history.build.engine.query(
        'select count(distinct transaction_date) from "ecom_analytics_marts"."fct_sales"'
    )
    assert int(str(days)) > 7 * ATHENA_PARTITION_LIMIT
    writes = writes_of(long_history.full_refresh_writes, "fct_sales")
    # one CTAS refused, then the batch path: a CTAS of the first 100 days, INSERTs of the rest
    assert [(w.kind, w.batch) for w in writes[:2]] == [("ctas", False), ("ctas", True)]
    assert writes[0].refused and writes[0].partitions == days
    batches = writes[1:]
    assert {w.kind for w in batches[1:]} == {"insert"} and not any(w.refused for w in batches)
    assert [w.partitions for w in batches[:-1]] == [ATHENA_PARTITION_LIMIT] * (len(batches) - 1)
    assert sum(w.partitions for w in batches) == days
    # fct_orders, by month, stays within one statement
    assert [
        (w.kind, w.refused) for w in writes_of(long_history.full_refresh_writes, "fct_orders")
    ] == [("ctas", False)]


def test_a_full_refresh_of_1000_days_gives_the_duckdb_marts(long_history: LongHistory) -> None:
    assert_marts_equal(long_history.full_refresh, long_history.duckdb, "1,000 days", runs=1)


def test_without_the_batch_path_athena_refuses_the_full_refresh(
    long_history: LongHistory, aws_compiled: dict[str, AwsCompile]
) -> None:
    node = aws_compiled["athena"].full.manifest["nodes"]["model.ecom.fct_sales"]
    unbatched = replace(long_history.build, batching=False)
    with pytest.raises(TooManyOpenPartitionsError, match="ICEBERG_TOO_MANY_OPEN_PARTITIONS"):
        build_model(unbatched, {**node, "alias": "fct_sales_unbatched"})


def test_sales_arriving_late_for_150_days_are_merged_in_batches_with_the_duckdb_marts(
    long_history: LongHistory,
) -> None:
    merges = writes_of(long_history.late_days_writes, "fct_sales")
    assert merges[0].kind == "merge" and merges[0].refused
    assert merges[0].partitions > ATHENA_PARTITION_LIMIT
    batches = merges[1:]
    assert len(batches) >= 2 and {w.kind for w in batches} == {"merge"}
    assert all(
        w.batch and not w.refused and w.partitions <= ATHENA_PARTITION_LIMIT for w in batches
    )
    assert_marts_equal(long_history.late_days, long_history.duckdb, "150 late days", runs=1)
