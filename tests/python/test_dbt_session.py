"""The daily run's dbt session (ecom/dbt_session.py): which incremental tables an earlier
version built with other columns, read from each warehouse's information_schema, and how the
build's selection is carried to its two halves when they are rebuilt. The session itself runs
in every `ecom run` (tests/python/test_daily_operations.py: the upgrade and the stale feeds)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import duckdb
import pytest
import yaml

from ecom.dbt_runner import SchemaChange
from ecom.dbt_session import (
    IncrementalModel,
    option_values,
    schema_changes,
    table_columns,
    without_option,
)
from ecom.warehouse import Warehouse

from conftest import REPO, PostgresServer

pytestmark = pytest.mark.unit


def documented(model: str, schema: str = "analytics_marts") -> IncrementalModel:
    """An incremental model with the columns models/**/_*__models.yml documents for it."""
    for path in (REPO / "models").rglob("_*__models.yml"):
        for node in yaml.safe_load(path.read_text()).get("models", []):
            if node["name"] == model:
                columns = tuple(str(c["name"]) for c in node["columns"])
                return IncrementalModel(model, schema, model, columns)
    raise AssertionError(f"{model} is not documented")


def earlier_version_ddl(models: list[IncrementalModel]) -> list[str]:
    """The tables as an earlier version left them: fct_sales without line_type (added since)
    and with legacy_flag (dropped since); fct_orders as documented; no stg_shop__sales yet."""
    sales, orders = models[0], models[1]
    old_sales = [c for c in sales.columns if c != "line_type"] + ["legacy_flag"]

    def table(name: str, columns: Any) -> str:
        return f"create table analytics_marts.{name} ({', '.join(f'{c} text' for c in columns)})"

    return [
        "create schema analytics_marts",
        table("fct_sales", old_sales),
        table("fct_orders", orders.columns),
    ]


MODELS = [documented("fct_sales"), documented("fct_orders"), documented("stg_shop__sales")]
CHANGED = [SchemaChange("fct_sales", "analytics_marts.fct_sales", ("line_type",), ("legacy_flag",))]


def test_a_changed_table_is_found_on_duckdb(tmp_path: Path) -> None:
    path = tmp_path / "ecom.duckdb"
    with duckdb.connect(str(path)) as con:
        for statement in earlier_version_ddl(MODELS):
            con.execute(statement)
    env = {**os.environ, "ECOM_DUCKDB_PATH": str(path)}
    warehouse = Warehouse.for_target("duckdb", REPO, env)
    assert schema_changes(MODELS, table_columns(warehouse, MODELS)) == CHANGED


def test_a_changed_table_is_found_on_postgres(postgres: PostgresServer) -> None:
    import psycopg2

    admin = psycopg2.connect(host=str(postgres.socket_dir), user="postgres", dbname="postgres")
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute("create database ecom_schema_check")
    admin.close()
    env: dict[str, Any] = {**os.environ, **postgres.env("ecom_schema_check")}
    warehouse = Warehouse.for_target("postgres", REPO, env)
    with warehouse.connection(read_only=False) as conn, conn.cursor() as cur:
        for statement in earlier_version_ddl(MODELS):
            cur.execute(statement)
        conn.commit()
    assert schema_changes(MODELS, table_columns(warehouse, MODELS)) == CHANGED


def test_a_warehouse_not_built_yet_has_no_changed_table(tmp_path: Path) -> None:
    env = {**os.environ, "ECOM_DUCKDB_PATH": str(tmp_path / "none.duckdb")}
    warehouse = Warehouse.for_target("duckdb", REPO, env)
    assert table_columns(warehouse, MODELS) == {}
    assert not (tmp_path / "none.duckdb").exists()


@pytest.mark.parametrize(
    ("build", "selected", "rest"),
    [
        (["--exclude-resource-type", "unit_test"], [], ["--exclude-resource-type", "unit_test"]),
        (
            ["--select", "fct_sales+", "tag:daily", "--vars", "{test_scope: all}"],
            ["fct_sales+", "tag:daily"],
            ["--vars", "{test_scope: all}"],
        ),
        (["-s", "a", "--exclude", "b", "--full-refresh"], ["a"], ["--exclude", "b"]),
    ],
)
def test_the_rebuild_keeps_the_builds_flags_but_its_own_selection(
    build: list[str], selected: list[str], rest: list[str]
) -> None:
    assert option_values(build, "--select", "-s") == selected
    assert without_option(build, "--select", "-s", "--full-refresh") == rest
