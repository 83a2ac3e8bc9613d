"""The Metrics page's catalogue is kept while the DuckDB warehouse is the same, and computed
again as soon as a build writes it: a page never shows the figures of an earlier build."""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from dashboard import queries
from dashboard.queries import Filters
from ecom.read_pool import read_pool
from ecom.warehouse import Warehouse

from conftest import REPO, E2ERun

pytestmark = pytest.mark.e2e


def _net_revenue(warehouse: Warehouse, filters: Filters) -> float | None:
    """The net revenue the Metrics page shows for the period (None: no data)."""
    catalogue = queries.metric_catalogue(warehouse, filters)
    value = catalogue.set_index("metric_name").loc["net_revenue", "value"]
    return None if pd.isna(value) else float(value)


def test_the_catalogue_follows_the_warehouse_it_was_computed_from(
    e2e: E2ERun, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DBT_TARGET_PATH", e2e.env["DBT_TARGET_PATH"])
    monkeypatch.setenv("ECOM_DASHBOARD_CACHE_TTL", "0")  # only the catalogue's own keeping
    copy = tmp_path / "ecom.duckdb"
    shutil.copy(e2e.env["ECOM_DUCKDB_PATH"], copy)
    env = {**e2e.env, "ECOM_DUCKDB_PATH": str(copy)}
    warehouse = Warehouse.for_target("duckdb", REPO, env)
    last = queries.bounds(warehouse).last_date
    filters = Filters(start=last - timedelta(days=29), end=last)

    before = _net_revenue(warehouse, filters)
    assert before is not None and before > 0
    asked: list[object] = []
    monkeypatch.setattr(queries, "metric_values", lambda *args: asked.append(args))
    assert _net_revenue(warehouse, filters) == before  # the same warehouse: the kept figures
    assert not asked  # and not a query run for them
    monkeypatch.undo()
    monkeypatch.setenv("DBT_TARGET_PATH", e2e.env["DBT_TARGET_PATH"])
    monkeypatch.setenv("ECOM_DASHBOARD_CACHE_TTL", "0")

    read_pool(warehouse).close()  # the dashboard's read-only instance gives the file back
    with duckdb.connect(str(copy)) as connection:  # a build that leaves no sales in the period
        connection.execute(
            f"delete from {warehouse.relation('fct_sales')} where transaction_date >= ?",
            [filters.start],
        )
    assert _net_revenue(warehouse, filters) in (None, 0.0)
