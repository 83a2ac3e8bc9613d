"""The whole dbt project on a real PostgreSQL, and its marts equal to the DuckDB run's."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from conftest import E2ERun, PostgresRun, Query

pytestmark = pytest.mark.e2e


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
