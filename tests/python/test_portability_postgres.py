"""The whole dbt project on a real PostgreSQL, and its marts equal to the DuckDB run's."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal

import psycopg2
import pytest

from conftest import SMALL_SAMPLE, E2ERun, PostgresServer, isolated_env, run_ecom

Query = Callable[[str], list[tuple[object, ...]]]


@dataclass(frozen=True)
class PostgresRun:
    """Two `ecom run --target postgres` over the small sample, and a query function."""

    first: subprocess.CompletedProcess[str]
    second: subprocess.CompletedProcess[str]
    query: Query


def fingerprint(query: Query, schema: str, table: str) -> dict[str, object]:
    """Row count, plus per column the sum (numbers) or the distinct count (everything else)."""
    columns = query(
        "select column_name, data_type from information_schema.columns "
        f"where table_schema = '{schema}' and table_name = '{table}' order by ordinal_position"
    )
    result: dict[str, object] = {"rows": query(f"select count(*) from {schema}.{table}")[0][0]}
    for name, data_type in columns:
        kind = str(data_type).lower()
        if any(t in kind for t in ("int", "decimal", "numeric", "double", "real")):
            [(total,)] = query(f"select sum({name}) from {schema}.{table}")
            result[str(name)] = (
                None if total is None else Decimal(str(total)).quantize(Decimal("0.01"))
            )
        else:
            [(distinct,)] = query(f"select count(distinct {name}) from {schema}.{table}")
            result[str(name)] = distinct
    return result


@pytest.fixture(scope="module")
def postgres_run(
    postgres: PostgresServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[PostgresRun]:
    root = tmp_path_factory.mktemp("pg-run")
    admin = psycopg2.connect(host=str(postgres.socket_dir), user="postgres", dbname="postgres")
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute("create database ecom_test")
    admin.close()
    env = {**isolated_env(root), **postgres.env("ecom_test"), "ECOM_DBT_TARGET": "postgres"}
    first = run_ecom(["run", *SMALL_SAMPLE], env)
    assert first.returncode == 0, first.stdout[-6000:] + first.stderr[-3000:]
    second = run_ecom(["run", *SMALL_SAMPLE], env)
    assert second.returncode == 0, second.stdout[-6000:] + second.stderr[-3000:]
    conn = psycopg2.connect(host=str(postgres.socket_dir), user="postgres", dbname="ecom_test")

    def query(sql: str) -> list[tuple[object, ...]]:
        with conn.cursor() as cur:
            cur.execute(sql)
            return list(cur.fetchall())

    yield PostgresRun(first, second, query)
    conn.close()


def test_dbt_build_passes_on_postgres(postgres_run: PostgresRun) -> None:
    first, second = postgres_run.first, postgres_run.second
    tests = re.search(r"tests (\d+) passed, (\d+) warned, (\d+) failed", first.stdout)
    assert tests and int(tests.group(1)) > 0 and tests.group(3) == "0", first.stdout
    assert "postgres raw tables (ecom_raw): 14 files loaded" in first.stderr
    assert "0 files loaded (0 rows), 14 already loaded" in second.stderr


def test_marts_equal_the_duckdb_marts(postgres_run: PostgresRun, e2e: E2ERun) -> None:
    pg_query = postgres_run.query
    tables = e2e.query(
        "select table_schema, table_name from information_schema.tables "
        "where table_schema in ('analytics_marts', 'analytics_qa') "
        # the run log describes each run (durations, ids), not the data: it differs by design
        "and table_name <> 'rpt_pipeline_runs' order by 1, 2"
    )
    assert len(tables) >= 5
    for schema, table in tables:
        duck = fingerprint(e2e.query, str(schema), str(table))
        pg = fingerprint(pg_query, str(schema), str(table))
        assert pg == duck, f"{schema}.{table}"
