"""The dashboard's pages in Streamlit's AppTest, against the warehouse of the end-to-end run:
every page renders without an exception, and its KPIs equal the same numbers computed by SQL
over the lines of fct_sales and the orders of fct_orders."""

from __future__ import annotations

import itertools
import json
import random
import shutil
import time
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import duckdb
import pandas as pd
import pytest
import streamlit as st
from dbt.adapters.athena.connections import AthenaAdapterResponse
from streamlit.testing.v1 import AppTest

from dashboard import queries, ui
from dashboard.data import DataUnavailableError, relation, run_sql, warehouse_from_env
from ecom.read_pool import IDLE_CLOSE_SECONDS
from ecom.runlog import RunRecord, RunStatus, write_record
from ecom.sample.generator import CATEGORIES
from ingest.storage import LocalStorage

from conftest import REPO, E2ERun, PostgresServer

# a test on a shared run or a server is heavier: conftest.py FIXTURE_MARKS
pytestmark = pytest.mark.unit

APP = str(REPO / "dashboard" / "app.py")
PAGES = [
    "views/products.py",
    "views/customers.py",
    "views/activity.py",
    "views/pipeline.py",
    "views/metrics.py",
]


def run_app() -> AppTest:
    """The app's entry page, run once."""
    return AppTest.from_file(APP, default_timeout=60).run()


def metric_values(app: AppTest) -> dict[str, str]:
    """KPI card label -> displayed value."""
    return {m.label: m.value for m in app.metric}


def expected_totals(e2e: E2ERun, start: date, end: date, category: str | None = None) -> dict:
    """The overview's KPIs as shown, by SQL: the money, rates and customers who ordered (a line
    of goods sold) over the lines of fct_sales (of the category's products, when given); orders
    and the average order value over fct_orders (all categories: an order is not in one
    category)."""
    join = "join analytics_marts.dim_products p on p.product_id = s.product_id" if category else ""
    where = f"and p.category = '{category}'" if category else ""
    merchandise = "s.line_type = 'merchandise'"
    ((gross, discounts, returns, guest_net, customers),) = e2e.query(
        f"select coalesce(sum(case when {merchandise} and s.quantity > 0 then s.amount end), 0), "
        "coalesce(-sum(case when s.line_type in ('discount', 'voucher') then s.amount end), 0), "
        f"coalesce(-sum(case when {merchandise} and s.quantity < 0 then s.amount end), 0), "
        "coalesce(sum(case when s.is_guest and s.line_type in "
        "('merchandise', 'discount', 'voucher') then s.amount end), 0), "
        f"count(distinct case when not s.is_guest and {merchandise} and s.quantity > 0 "
        "then s.customer_id end) "
        f"from analytics_marts.fct_sales s {join} "
        f"where s.transaction_date between date '{start}' and date '{end}' {where}"
    )
    ((orders, order_value),) = e2e.query(
        "select count(*), sum(gross_sales - discounts) from analytics_marts.fct_orders "
        f"where is_order and order_date between date '{start}' and date '{end}'"
    )
    gross, discounts, returns = (Decimal(str(v)) for v in (gross, discounts, returns))
    net = gross - discounts - returns
    cent = Decimal("0.01")
    aov = (Decimal(str(order_value)) / int(str(orders))).quantize(cent, rounding=ROUND_HALF_UP)
    return_rate = (returns / gross * 100).quantize(cent, rounding=ROUND_HALF_UP)
    guest_share = (Decimal(str(guest_net)) / net * 100).quantize(cent, rounding=ROUND_HALF_UP)
    return {  # amounts in the shop's currency, default USD
        "net": f"${net:,.2f}",
        "gross": f"${gross:,.2f}",
        "discounts": f"${discounts:,.2f}",
        "returns": f"${returns:,.2f}",
        "orders": f"{int(str(orders)):,}",
        "aov": f"${aov:,.2f}",
        "return_rate": f"{return_rate}%",
        "guest_share": f"{guest_share}%",
        "customers": f"{int(str(customers)):,}",
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
        ("Net revenue today", 1),
        ("Net revenue last 7 days", 7),
        ("Net revenue last 30 days", 30),
    ]:
        start = today - timedelta(days=days - 1)
        assert shown[label] == expected_totals(dashboard_env, start, today)["net"], label
    # The default date range: the last 30 days up to today, not before the first sale.
    period = expected_totals(dashboard_env, max(first, today - timedelta(days=29)), today)
    assert shown["Gross revenue"] == period["gross"]
    assert shown["Discounts"] == period["discounts"]
    assert shown["Returns"] == period["returns"]
    assert shown["Net revenue"] == period["net"]
    assert shown["Orders"] == period["orders"]
    assert shown["Average order value"] == period["aov"]
    assert shown["Return rate"] == period["return_rate"]
    assert shown["Guest share"] == period["guest_share"]
    assert shown["Unique customers"] == period["customers"]
    # the sample has all of it: returns, discounts and guest checkouts
    assert "$0.00" not in {shown["Returns"], shown["Discounts"]}
    assert shown["Guest share"] != "0.00%"
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
    assert shown["Net revenue"] == period["net"]
    assert shown["Gross revenue"] == period["gross"]
    assert shown["Returns"] == period["returns"]
    assert shown["Unique customers"] == period["customers"]
    assert shown["Orders"] == period["orders"]  # every category: per order
    assert any("cover all categories" in caption.value for caption in app.caption)

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
            "select * from analytics_marts.rpt_pipeline_runs limit 0"
        )
        con.execute(
            "insert into analytics_marts.rpt_pipeline_runs "
            "(run_id, command, run_status, run_date, started_at) "
            "values ('run-1', 'run', 'succeeded', date '2026-11-20', "
            "timestamp '2026-11-20 06:00:00')"
        )
    target = tmp_path / "target"
    target.mkdir()
    # dbt-athena's adapter_response, as dbt stores it (the class's dict without nulls)
    scanned = AthenaAdapterResponse(
        _message="OK 9", rows_affected=9, code="OK", data_scanned_in_bytes=3 * 2**30
    ).to_dict(omit_none=True)
    results = [
        {"unique_id": "test.ecom.not_null_fct_sales_amount.1", "status": "pass"},
        {"unique_id": "test.ecom.assert_something.2", "status": "fail", "failures": 3},
        {"unique_id": "model.ecom.fct_sales", "status": "success", "adapter_response": scanned},
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
    assert app.dataframe[0].value["run_status"].tolist() == ["succeeded"]
    assert metric_values(app)["Pass"] == "1"
    assert metric_values(app)["Fail"] == "1"
    feeds = next(df.value for df in app.dataframe if "dbt_freshness" in df.value.columns)
    assert feeds.set_index("feed").loc["sales", "dbt_freshness"] == "warn"
    assert [w.value for w in app.warning] == ["Late: shop.sales."]
    # on Athena: the bytes dbt's queries scanned and their cost ($5/TiB, the default)
    assert metric_values(app)["Bytes scanned"] == f"{3 * 2**30:,}"
    assert metric_values(app)["Cost (USD)"] == f"{3 / 1024 * 5:.4f}"
    by_node = next(df.value for df in app.dataframe if "bytes_scanned" in df.value.columns)
    assert by_node.to_dict("records") == [
        {"node": "fct_sales", "kind": "model", "bytes_scanned": 3 * 2**30}
    ]


def test_pipeline_page_shows_the_freshness_ecom_run_checked(dashboard_env: E2ERun) -> None:
    app = run_app()
    app.switch_page("views/pipeline.py").run()
    assert not app.exception
    assert "All 7 sources are fresh." in [message.value for message in app.success]
    sources = next(df.value for df in app.dataframe if "warn_after" in df.value.columns)
    assert sources["source"].tolist() == [
        "lake.landed_files",
        "lake.refused_rows",
        "ops.pipeline_runs",
        "predictions.customer_scores",
        "shop.customers",
        "shop.products",
        "shop.sales",
    ]
    assert set(sources["status"]) == {"pass"} and (sources["age_hours"] < 1).all()
    assert any("reports no bytes scanned" in caption.value for caption in app.caption)


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

    time.sleep(IDLE_CLOSE_SECONDS + 0.5)  # the read pool lets the file go
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
    # A writer (dbt build) can open the file once the pages have rendered: the read pool lets
    # it go half a second after the last query (at once when a writer says it is waiting).
    time.sleep(IDLE_CLOSE_SECONDS + 0.5)
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


def chart_specs(app: AppTest) -> list[dict]:
    """The Vega-Lite spec of every chart on the page."""
    return [json.loads(chart.proto.spec) for chart in app.get("vega_lite_chart")]


def write_runs(warehouse: Path, runs: list[tuple[str, str, str, str | None]]) -> None:
    """Replace rpt_pipeline_runs with (run_id, status, started_at, error) rows, in that order."""
    with duckdb.connect(str(warehouse)) as con:
        con.execute(
            "create or replace table analytics_marts.rpt_pipeline_runs as "
            "select * from analytics_marts.rpt_pipeline_runs limit 0"
        )
        for run_id, status, started_at, error in runs:
            con.execute(
                "insert into analytics_marts.rpt_pipeline_runs (run_id, command, run_status, "
                "error_message, run_date, started_at) values (?, 'run', ?, ?, ?, ?)",
                [run_id, status, error, started_at[:10], started_at],
            )


TRACEBACK = (
    "Traceback (most recent call last):\n"
    '  File "ecom/daily_run.py", line 210, in run\n'
    "    build()\n"
    "ecom.dbt_runner.DbtBuildError: dbt build failed (exit 2): profile athena has no credentials"
)


def test_last_runs_are_newest_first_with_the_final_status_and_one_line_errors(
    dashboard_env: E2ERun, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warehouse = tmp_path / "ecom.duckdb"
    shutil.copy(dashboard_env.warehouse, warehouse)
    write_runs(
        warehouse,
        [  # as the mart lists them: by run_date, oldest first; the newest still 'running'
            ("run-old", "succeeded", "2026-11-18 06:00:00", None),
            ("run-failed", "failed", "2026-11-19 06:00:00", TRACEBACK),
            ("run-new", "running", "2026-11-20 06:00:00", None),
        ],
    )
    lake = tmp_path / "lake"  # the newest run's record, written when it ended
    record = RunRecord("run-new", "run", date(2026, 11, 20), "2026-11-20 06:00:00.000000")
    record.status, record.tests_passed = RunStatus.SUCCEEDED, 262
    write_record(LocalStorage(str(lake)), record)
    monkeypatch.setenv("ECOM_DUCKDB_PATH", str(warehouse))
    monkeypatch.setenv("ECOM_LAKE_URI", str(lake))
    app = run_app()
    app.switch_page("views/pipeline.py").run()
    assert not app.exception
    runs = app.dataframe[0].value
    assert runs["started_at"].is_monotonic_decreasing
    assert runs["run_status"].tolist() == ["succeeded", "failed", "succeeded"]
    assert runs["error"].tolist()[1] == (
        "ecom.dbt_runner.DbtBuildError: dbt build failed (exit 2): profile athena has no "
        "credentials"
    )
    assert not any("Traceback" in str(text) for text in runs["error"])
    (full,) = [block for block in app.get("code") if "Traceback" in block.proto.code_text]
    assert full.proto.code_text == TRACEBACK  # the whole text, in an expander


def test_last_runs_say_so_when_the_lake_cannot_be_read(
    dashboard_env: E2ERun, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warehouse = tmp_path / "ecom.duckdb"
    shutil.copy(dashboard_env.warehouse, warehouse)
    write_runs(warehouse, [("run-new", "running", "2026-11-20 06:00:00", None)])
    monkeypatch.setenv("ECOM_DUCKDB_PATH", str(warehouse))
    monkeypatch.setenv("ECOM_LAKE_URI", "ftp://nowhere/lake")
    app = run_app()
    app.switch_page("views/pipeline.py").run()
    assert not app.exception
    assert app.dataframe[0].value["run_status"].tolist() == ["running"]
    assert any("Could not read the run log" in caption.value for caption in app.caption)


def test_tables_have_human_headers_and_number_formats(dashboard_env: E2ERun) -> None:
    app = run_app()
    for page in PAGES:
        app.switch_page(page).run()
        assert not app.exception
        for table in app.dataframe:
            config = json.loads(table.proto.columns)
            for column in table.value.columns:
                label = config[column]["label"]
                assert "_" not in label and label[0].isupper(), (page, column, label)
                if pd.api.types.is_numeric_dtype(table.value[column]):
                    assert config[column]["type_config"]["format"], (page, column)
                    # money carries the currency; every number gets thousands separators
                    assert "%," in config[column]["type_config"]["format"] or column in {
                        "share_pct",
                    }, (page, column)


def test_amounts_show_the_shop_currency(
    dashboard_env: E2ERun, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ECOM_CURRENCY", "EUR")
    app = run_app()
    assert metric_values(app)["Net revenue"].startswith("€")
    assert metric_values(app)["Orders"][0].isdigit()
    app.switch_page("views/products.py").run()
    config = json.loads(app.dataframe[0].proto.columns)
    assert config["net_sales"]["type_config"]["format"].startswith("€")
    monkeypatch.setenv("ECOM_CURRENCY", "CHF")
    assert ui.money(Decimal("1234.5")) == "CHF 1,234.50"


def test_trend_windows_offer_only_what_the_data_covers(dashboard_env: E2ERun) -> None:
    ninety = queries.Bounds(date(2026, 8, 23), date(2026, 11, 20), 1)
    assert queries.trend_windows(ninety) == [7, 30, 90]
    year = queries.Bounds(date(2025, 1, 1), date(2026, 11, 20), 1)
    assert queries.trend_windows(year) == [7, 30, 90, 365]
    app = run_app()
    first, today = sales_dates(dashboard_env)
    span = (today - first).days + 1
    options = app.radio(key="trend_days").options
    assert options == [
        f"{days} days" for days in queries.trend_windows(queries.Bounds(first, today, 1))
    ]
    assert f"{span} days" in options and "365 days" not in options


def test_each_page_shows_only_the_filters_it_applies(dashboard_env: E2ERun) -> None:
    app = run_app()
    category = app.multiselect(key="categories").options[0]
    app.multiselect(key="categories").select(category).run()
    for page in ["views/customers.py", "views/pipeline.py"]:
        app.switch_page(page).run()
        assert not app.exception
        assert not app.sidebar.get("date_input") and not app.sidebar.get("multiselect"), page
        assert any("No filters on this page" in c.value for c in app.sidebar.caption), page
    app.switch_page("views/activity.py").run()
    assert app.multiselect(key="categories").value == [category]  # kept across the pages
    assert app.date_input(key="date_range")


def test_category_colours_are_fixed_and_distinct() -> None:
    categories = [*CATEGORIES, ui.UNKNOWN_CATEGORY]
    colours = [ui.category_colour(c) for c in categories]
    assert len(set(colours)) == len(colours)
    rgb = [tuple(int(c[i : i + 2], 16) for i in (1, 3, 5)) for c in colours]
    for a, b in itertools.combinations(range(len(rgb)), 2):
        distance = sum((x - y) ** 2 for x, y in zip(rgb[a], rgb[b], strict=True)) ** 0.5
        assert distance > 60, (categories[a], categories[b])
    red, green, blue = rgb[-1]
    assert red == green == blue, "Unknown is a neutral grey"
    mine = ["Pets", "Music"]  # categories of another catalog get colours of their own
    assert len({ui.category_colour(c, mine) for c in mine} | set(colours)) == len(colours) + 2


def test_category_legend_follows_the_filter(dashboard_env: E2ERun) -> None:
    app = run_app()
    app.switch_page("views/products.py").run()
    donut = next(s for s in chart_specs(app) if "arc" in json.dumps(s.get("mark")))
    shown = donut["encoding"]["color"]["scale"]["domain"]
    assert len(shown) > 1
    category = shown[-1]
    app.multiselect(key="categories").select(category).run()
    assert not app.exception
    for spec in chart_specs(app):
        scale = spec.get("encoding", {}).get("color", {}).get("scale")
        if scale:
            assert scale["domain"] == [category]
            assert scale["range"] == [ui.category_colour(category)]


def test_lifetime_value_buckets_spread_the_customers(dashboard_env: E2ERun) -> None:
    warehouse = warehouse_from_env()
    buckets = queries.lifetime_value_histogram(warehouse)
    ((customers, top),) = dashboard_env.query(
        "select count(*), max(lifetime_value) from analytics_marts.rpt_customer_lifetime_value"
    )
    assert buckets["customers"].sum() == customers
    assert buckets["bucket_end"].iloc[-1] > float(str(top))
    # 1-2-5 steps; a first bucket from 0 holds the customers whose orders were all returned
    positive = buckets[buckets["bucket_start"] > 0]
    assert (positive["bucket_end"] / positive["bucket_start"]).max() <= 2.5
    assert buckets["share_pct"].max() <= 50


def test_a_long_tail_of_lifetime_values_does_not_fill_one_bucket(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As in the issue: most customers spend up to ~5,000, one spent 491,688.
    rng = random.Random(1)
    values = [round(rng.lognormvariate(5.5, 1.0), 2) for _ in range(5_000)] + [491_688.0]
    warehouse = tmp_path / "ecom.duckdb"
    with duckdb.connect(str(warehouse)) as con:
        con.execute("create schema analytics_marts")
        con.execute(
            "create table analytics_marts.rpt_customer_lifetime_value "
            "(lifetime_value decimal(18, 2))"
        )
        con.executemany(
            "insert into analytics_marts.rpt_customer_lifetime_value values (?)",
            [[v] for v in values],
        )
    monkeypatch.setenv("ECOM_DUCKDB_PATH", str(warehouse))
    st.cache_data.clear()
    buckets = queries.lifetime_value_histogram(warehouse_from_env())
    width = max(values) / 40  # the old equal-width bars held 99% of the customers in the first
    assert sum(v < width for v in values) / len(values) > 0.95
    assert buckets["customers"].sum() == len(values)
    assert buckets["share_pct"].max() < 40  # a 1-2-5 bucket spans a factor 2.5 of spending
    assert buckets.iloc[-1]["customers"] == 1 and buckets.iloc[-1]["bucket_start"] <= 491_688


def test_an_unreachable_target_says_what_to_check_not_to_build_the_marts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ECOM_DBT_TARGET", "postgres")
    monkeypatch.setenv("ECOM_POSTGRES_PORT", "1")  # nothing listens there
    with pytest.raises(DataUnavailableError) as raised:
        run_sql(warehouse_from_env(), "select 1")
    assert not raised.value.rebuild
    assert "ECOM_POSTGRES_HOST" in str(raised.value) and "make run" not in str(raised.value)
