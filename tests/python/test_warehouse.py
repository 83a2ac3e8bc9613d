"""The warehouse module reads its settings where dbt does (profiles.yml, rendered for the target)
and names every mart as dbt built it; a DuckDB file held by another process is reported as
locked, not as a failure."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ecom.warehouse import (
    UnknownTargetError,
    Warehouse,
    WarehouseLockedError,
    WarehouseMissingError,
)

from conftest import REPO, E2ERun, PostgresServer

# a test on a shared run or a server is heavier: conftest.py FIXTURE_MARKS
pytestmark = pytest.mark.unit


def test_every_mart_is_named_as_dbt_built_it(e2e: E2ERun) -> None:
    warehouse = Warehouse.for_target("duckdb", REPO, e2e.env)
    manifest = json.loads((Path(e2e.env["DBT_TARGET_PATH"]) / "manifest.json").read_text())
    marts = [
        node
        for node in manifest["nodes"].values()
        if node["resource_type"] == "model"
        and node["original_file_path"].startswith("models/marts/")
    ]
    assert len(marts) >= 16
    for node in marts:
        assert warehouse.relation(node["name"]) == f"{node['schema']}.{node['alias']}"


def test_queries_read_the_warehouse_file_dbt_wrote(e2e: E2ERun) -> None:
    warehouse = Warehouse.for_target("duckdb", REPO, e2e.env)
    assert warehouse.duckdb_path == Path(e2e.env["ECOM_DUCKDB_PATH"])
    [row] = warehouse.rows(f"select count(*) as sales from {warehouse.relation('fct_sales')}")
    assert row == {"sales": e2e.query("select count(*) from analytics_marts.fct_sales")[0][0]}


def test_a_relative_duckdb_path_is_the_project_s_as_dbt_resolves_it(tmp_path: Path) -> None:
    warehouse = Warehouse.for_target("duckdb", REPO, {"ECOM_DUCKDB_PATH": "data/x.duckdb"})
    assert warehouse.duckdb_path == REPO / "data" / "x.duckdb"


@pytest.mark.parametrize(
    ("env", "kind", "schema"),
    [
        ({"ECOM_ATHENA_SCHEMA": "shop"}, "athena", "shop"),
        ({"ECOM_REDSHIFT_SCHEMA": "bi", "ECOM_REDSHIFT_PASSWORD": "s3cret"}, "redshift", "bi"),
        (
            {"ECOM_POSTGRES_SCHEMA": "reporting", "ECOM_POSTGRES_PASSWORD": "s3cret"},
            "postgres",
            "reporting",
        ),
    ],
)
def test_each_target_is_rendered_from_profiles_yml(env: dict, kind: str, schema: str) -> None:
    warehouse = Warehouse.for_target(kind, REPO, env)
    assert (warehouse.kind, warehouse.marts_schema, warehouse.qa_schema) == (
        kind,
        f"{schema}_marts",
        f"{schema}_qa",
    )
    assert "s3cret" not in repr(warehouse) + warehouse.describe()


def test_an_unknown_target_names_the_known_ones() -> None:
    with pytest.raises(UnknownTargetError, match="duckdb, athena, redshift, postgres"):
        Warehouse.for_target("snowflake", REPO, {})


def test_a_missing_duckdb_file_says_nothing_was_built(tmp_path: Path) -> None:
    env = {"ECOM_DUCKDB_PATH": str(tmp_path / "none.duckdb")}
    with pytest.raises(WarehouseMissingError, match=r"none\.duckdb"):
        Warehouse.for_target("duckdb", REPO, env).query("select 1")


def test_a_file_held_by_another_process_is_reported_locked(tmp_path: Path) -> None:
    path = tmp_path / "held.duckdb"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb, sys, time; c = duckdb.connect({str(path)!r}); "
            "print('held', flush=True); time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        warehouse = Warehouse.for_target("duckdb", REPO, {"ECOM_DUCKDB_PATH": str(path)})
        with pytest.raises(WarehouseLockedError, match="is locked by another process"):
            warehouse.query("select 1")
        with pytest.raises(WarehouseLockedError):
            warehouse.check_writable()
    finally:
        holder.kill()
        holder.wait()


def test_postgres_reads_are_read_only(postgres: PostgresServer) -> None:
    warehouse = Warehouse.for_target("postgres", REPO, postgres.env("postgres"))
    assert warehouse.rows("select 1 as one") == [{"one": 1}]
    with pytest.raises(Exception, match="read-only"):
        warehouse.query("create table should_not_exist (id int)")
