"""The dashboard's pages in Streamlit's AppTest, against the warehouse of the end-to-end run:
every page renders without an exception, and its KPIs equal the same numbers computed by SQL
over fct_sales."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import duckdb
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from dashboard.data import DataUnavailableError, relation, run_sql, warehouse_from_env

from conftest import REPO, E2ERun, PostgresServer

APP = str(REPO / "dashboard" / "app.py")
PAGES = ["views/products.py", "views/customers.py", "views/activity.py", "views/pipeline.py"]


@pytest.fixture
def dashboard_env(e2e: E2ERun, monkeypatch: pytest.MonkeyPatch) -> Iterator[E2ERun]:
    """The app reads the e2e warehouse and dbt target folder; no cached result leaks in."""
    for name in ("ECOM_DUCKDB_PATH", "DBT_TARGET_PATH"):
        monkeypatch.setenv(name, e2e.env[name])
    monkeypatch.setenv("ECOM_DBT_TARGET", "duckdb")
    st.cache_data.clear()
    yield e2e
    st.cache_data.clear()


def run_app() -> AppTest:
    """The app's entry page, run once."""
    return AppTest.from_file(APP, default_timeout=60).run()


def metric_values(app: AppTest) -> dict[str, str]:
    """KPI card label -> displayed value."""
    return {m.label: m.value for m in app.metric}


def expected_totals(e2e: E2ERun, start: date, end: date, category: str | None = None) -> dict:
    """Revenue, transactions, AOV and unique customers by SQL over fct_sales."""
    join = "join analytics_marts.dim_products p on p.product_id = s.product_id" if category else ""
    where = f"and p.category = '{category}'" if category else ""
    ((revenue, transactions, customers),) = e2e.query(
        "select coalesce(sum(s.amount), 0), count(*), count(distinct s.customer_id) "
        f"from analytics_marts.fct_sales s {join} "
        f"where s.transaction_date between date '{start}' and date '{end}' {where}"
    )
    revenue = Decimal(str(revenue))
    aov = (revenue / int(str(transactions))).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return {
        "revenue": f"{revenue:,.2f}",
        "transactions": f"{int(str(transactions)):,}",
        "customers": f"{int(str(customers)):,}",
        "aov": f"{aov:,.2f}",
    }


def sales_dates(e2e: E2ERun) -> tuple[date, date]:
    """First and last transaction_date in fct_sales."""
    ((first, last),) = e2e.query(
        "select min(transaction_date), max(transaction_date) from analytics_marts.fct_sales"
    )
    assert isinstance(first, date)
    assert isinstance(last, date)
    return first, last


def test_overview_kpis_equal_sql_over_fct_sales(dashboard_env: E2ERun) -> None:
    app = run_app()
    assert not app.exception
    first, today = sales_dates(dashboard_env)
    shown = metric_values(app)
    for label, days in [
        ("Revenue today", 1),
        ("Revenue last 7 days", 7),
        ("Revenue last 30 days", 30),
    ]:
        start = today - timedelta(days=days - 1)
        assert shown[label] == expected_totals(dashboard_env, start, today)["revenue"], label
    # The default date range: the last 30 days up to today, not before the first sale.
    period = expected_totals(dashboard_env, max(first, today - timedelta(days=29)), today)
    assert shown["Revenue"] == period["revenue"]
    assert shown["Transactions"] == period["transactions"]
    assert shown["Average order value"] == period["aov"]
    assert shown["Unique customers"] == period["customers"]
    assert any(str(today) in caption.value for caption in app.caption)
    assert app.get("vega_lite_chart"), "the revenue trend chart"


def test_category_filter_is_shared_across_pages(dashboard_env: E2ERun) -> None:
    app = run_app()
    first, today = sales_dates(dashboard_env)
    category = app.multiselect(key="categories").options[0]
    app.multiselect(key="categories").select(category).run()
    app.date_input(key="date_range").set_value((first, today)).run()
    assert not app.exception
    period = expected_totals(dashboard_env, first, today, category)
    shown = metric_values(app)
    assert shown["Revenue"] == period["revenue"]
    assert shown["Transactions"] == period["transactions"]
    assert shown["Unique customers"] == period["customers"]

    app.switch_page("views/products.py").run()
    assert not app.exception
    assert app.multiselect(key="categories").value == [category]
    assert app.date_input(key="date_range").value == (first, today)
    drill = app.selectbox(key="drill_category")
    assert drill.options == [category]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_with_charts_or_tables(dashboard_env: E2ERun, page: str) -> None:
    app = run_app()
    app.switch_page(page).run()
    assert not app.exception, app.exception
    assert not app.warning, [w.value for w in app.warning]
    assert app.get("vega_lite_chart") or app.dataframe


def test_pipeline_page_without_run_log_says_so(
    dashboard_env: E2ERun, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warehouse = tmp_path / "ecom.duckdb"  # a warehouse built before the run log existed
    shutil.copy(dashboard_env.warehouse, warehouse)
    with duckdb.connect(str(warehouse)) as con:
        con.execute("drop table analytics_marts.rpt_pipeline_runs")
    monkeypatch.setenv("ECOM_DUCKDB_PATH", str(warehouse))
    app = run_app()
    app.switch_page("views/pipeline.py").run()
    assert any("No run log yet" in info.value for info in app.info)
    assert any("reconciles" in message.value for message in app.success)
    # `ecom run` keeps the build's run_results.json (docs generate writes no JSON).
    assert int(metric_values(app)["Pass"]) > 0
    assert metric_values(app)["Fail"] == "0"


def test_pipeline_page_shows_run_log_and_test_results(
    dashboard_env: E2ERun, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warehouse = tmp_path / "ecom.duckdb"
    shutil.copy(dashboard_env.warehouse, warehouse)
    with duckdb.connect(str(warehouse)) as con:
        con.execute(
            "create or replace table analytics_marts.rpt_pipeline_runs as "
            "select 'run-1' as run_id, 'success' as status, "
            "timestamp '2026-11-20 06:00:00' as started_at"
        )
    target = tmp_path / "target"
    target.mkdir()
    results = [
        {"unique_id": "test.ecom.not_null_fct_sales_amount.1", "status": "pass"},
        {"unique_id": "test.ecom.assert_something.2", "status": "fail", "failures": 3},
        {"unique_id": "model.ecom.fct_sales", "status": "success"},
    ]
    (target / "run_results.json").write_text(
        json.dumps({"args": {"which": "build"}, "metadata": {}, "results": results})
    )
    freshness = [{"unique_id": "source.ecom.shop.sales", "status": "warn"}]
    (target / "sources.json").write_text(json.dumps({"metadata": {}, "results": freshness}))
    monkeypatch.setenv("ECOM_DUCKDB_PATH", str(warehouse))
    monkeypatch.setenv("DBT_TARGET_PATH", str(target))
    app = run_app()
    app.switch_page("views/pipeline.py").run()
    assert not app.exception
    assert not any("No run log yet" in info.value for info in app.info)
    assert "run-1" in app.dataframe[0].value["run_id"].tolist()
    assert metric_values(app)["Pass"] == "1"
    assert metric_values(app)["Fail"] == "1"
    feeds = next(df.value for df in app.dataframe if "dbt_freshness" in df.value.columns)
    assert feeds.set_index("feed").loc["sales", "dbt_freshness"] == "warn"


def test_missing_warehouse_says_what_to_run(
    dashboard_env: E2ERun, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ECOM_DUCKDB_PATH", str(tmp_path / "nowhere.duckdb"))
    app = run_app()
    assert not app.exception
    assert "make run" in app.warning[0].value


def test_missing_marts_and_empty_fct_sales_say_what_to_run(
    dashboard_env: E2ERun, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warehouse = tmp_path / "ecom.duckdb"
    duckdb.connect(str(warehouse)).close()
    monkeypatch.setenv("ECOM_DUCKDB_PATH", str(warehouse))
    app = run_app()
    assert not app.exception
    assert "fct_sales" in app.warning[0].value
    assert "make run" in app.warning[0].value

    with duckdb.connect(str(warehouse)) as con:
        con.execute("create schema analytics_marts")
        con.execute(
            "create table analytics_marts.fct_sales (transaction_date date, amount decimal(18,2))"
        )
    st.cache_data.clear()
    app = run_app()
    assert not app.exception
    assert "no rows yet" in app.warning[0].value


def test_dashboard_holds_no_lock_on_the_warehouse(dashboard_env: E2ERun) -> None:
    app = run_app()
    for page in PAGES:
        app.switch_page(page).run()
    # A writer (dbt build) can open the file as soon as the pages have rendered.
    duckdb.connect(str(dashboard_env.warehouse)).close()


@pytest.mark.parametrize(
    ("env", "marts", "qa"),
    [
        ({}, "analytics_marts", "analytics_qa"),
        ({"ECOM_DBT_TARGET": "athena", "ECOM_ATHENA_SCHEMA": "shop"}, "shop_marts", "shop_qa"),
        ({"ECOM_DBT_TARGET": "athena"}, "ecom_analytics_marts", "ecom_analytics_qa"),
        ({"ECOM_DBT_TARGET": "redshift", "ECOM_REDSHIFT_SCHEMA": "bi"}, "bi_marts", "bi_qa"),
        ({"ECOM_DBT_TARGET": "postgres"}, "analytics_marts", "analytics_qa"),
    ],
)
def test_each_target_reads_the_schemas_dbt_writes(env: dict, marts: str, qa: str) -> None:
    warehouse = warehouse_from_env(env)
    assert (warehouse.marts_schema, warehouse.qa_schema) == (marts, qa)
    assert relation(warehouse, "qa_rejected_sales") == f"{qa}.qa_rejected_sales"


def test_an_unknown_target_is_refused_with_the_known_ones() -> None:
    with pytest.raises(DataUnavailableError, match="duckdb, athena, redshift, postgres"):
        warehouse_from_env({"ECOM_DBT_TARGET": "snowflake"})


def test_the_dashboard_reads_postgres_like_dbt_does(
    postgres: PostgresServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in postgres.env("postgres").items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("ECOM_DBT_TARGET", "postgres")
    frame = run_sql(warehouse_from_env(), "select cast(12.50 as decimal(18,2)) as amount")
    assert frame["amount"].tolist() == [12.5]
