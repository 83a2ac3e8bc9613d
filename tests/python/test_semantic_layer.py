"""The semantic layer (models/semantic/): the definitions validate with `mf validate-configs`;
every metric, as MetricFlow computes it, equals the same figure computed by independent SQL
over the marts, on DuckDB and on PostgreSQL; `mf query` (run as a user runs it), the
dashboard's KPIs and that SQL agree."""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property
from pathlib import Path

import pytest
import streamlit as st
import yaml
from streamlit.testing.v1 import AppTest

from ecom.semantic import MetricQuery, SemanticLayer
from ecom.warehouse import Warehouse

from conftest import REPO, E2ERun, PostgresRun, Query

pytestmark = pytest.mark.e2e

MF = str(Path(sys.executable).parent / "mf")
MARTS, QA = "analytics_marts", "analytics_qa"  # both builds use the default schema, analytics
METRICS_YML = REPO / "models" / "semantic" / "_semantic__metrics.yml"
DEFINED = [metric["name"] for metric in yaml.safe_load(METRICS_YML.read_text())["metrics"]]


def run_mf(
    args: list[str], env: dict[str, str], tmp_path: Path
) -> subprocess.CompletedProcess[str]:
    """`mf` as a user runs it from the project root after `make run`. mf reads
    <project>/target/semantic_manifest.json whatever DBT_TARGET_PATH says, so the run's
    target folder is that of a project root of its own (dbt_project.yml: the repository's)."""
    project = tmp_path / "project"
    if not project.exists():
        project.mkdir()
        (project / "dbt_project.yml").symlink_to(REPO / "dbt_project.yml")
        (project / "target").symlink_to(env["DBT_TARGET_PATH"])
    result = subprocess.run(
        [MF, *args], cwd=project, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def mf_csv(args: list[str], env: dict[str, str], tmp_path: Path) -> list[dict[str, str]]:
    """The rows `mf query ... --csv` writes."""
    out = tmp_path / "mf.csv"
    run_mf(["query", *args, "--csv", str(out)], env, tmp_path)
    with out.open() as file:
        return list(csv.DictReader(file))


# --- the same figures, from the marts' rows ---------------------------------------------------

NET_TYPES = ("merchandise", "discount", "voucher")  # the lines of net revenue


@dataclass(frozen=True)
class Line:
    """A kept line of fct_sales, as the metrics read it."""

    transaction_id: str
    customer_id: str | None  # None: a guest checkout
    day: date
    line_type: str
    quantity: int
    amount: Decimal

    @property
    def gross(self) -> Decimal:
        """Merchandise sold."""
        sold = self.line_type == "merchandise" and self.quantity > 0
        return self.amount if sold else Decimal(0)

    @property
    def gross_units(self) -> int:
        """Merchandise units sold."""
        return self.quantity if self.line_type == "merchandise" and self.quantity > 0 else 0

    @property
    def discount(self) -> Decimal:
        """A discount or voucher, as a positive amount."""
        return -self.amount if self.line_type in ("discount", "voucher") else Decimal(0)

    @property
    def returned(self) -> Decimal:
        """Merchandise returned, as a positive amount."""
        back = self.line_type == "merchandise" and self.quantity < 0
        return -self.amount if back else Decimal(0)

    @property
    def net(self) -> Decimal:
        """The line's part of net revenue."""
        return self.amount if self.line_type in NET_TYPES else Decimal(0)

    @property
    def units(self) -> int:
        """Merchandise units sold."""
        return self.quantity if self.line_type == "merchandise" and self.quantity > 0 else 0


@dataclass(frozen=True)
class Order:
    """An order, from its lines (not from fct_orders): on the day of its first line; an order
    placed when it sold merchandise (a credit note of returns only is not one)."""

    customer_id: str | None
    day: date
    is_order: bool
    value: Decimal  # gross - discounts
    units: int

    @classmethod
    def of(cls, lines: list[Line]) -> Order:
        """The order of these lines."""
        customers = [line.customer_id for line in lines if line.customer_id is not None]
        return cls(
            max(customers) if customers else None,
            min(line.day for line in lines),
            any(line.units > 0 for line in lines),
            sum((line.gross - line.discount for line in lines), Decimal(0)),
            sum(line.units for line in lines),
        )


def total(values: list[Decimal]) -> Decimal | None:
    """The sum, or None when there is nothing to sum (a metric of no rows)."""
    return sum(values, Decimal(0)) if values else None


@dataclass(frozen=True)
class Marts:
    """What the metrics count, read from the marts with plain SQL: every kept line of
    fct_sales (orders are summed from them here, independently of fct_orders), and the landed
    and rejected rows per ingest date."""

    lines: list[Line]
    landed: dict[date, int]
    rejected: dict[date, int]
    # rpt_customer_predictions: (as_of_date, expected_net_sales, expected_orders, is_at_risk,
    # net_sales_last_90_days) per scored customer
    predictions: list[tuple[date, Decimal, Decimal, bool, Decimal]]

    @classmethod
    def read(cls, query: Query) -> Marts:
        """The rows from the warehouse."""
        lines = [
            Line(
                str(tid),
                None if is_guest else str(customer),
                as_day(day),
                str(line_type),
                int(str(quantity)),
                Decimal(str(amount)),
            )
            for tid, customer, is_guest, day, line_type, quantity, amount in query(
                "select transaction_id, customer_id, is_guest, transaction_date, line_type, "
                f"quantity, amount from {MARTS}.fct_sales"
            )
        ]
        landed = query(
            f"select ingest_date, sum(rows_landed) from {QA}.qa_ingest_reconciliation "
            "group by ingest_date"
        )
        rejected = query(
            "select ingest_date, count(*) from ("
            + " union all ".join(
                f"select ingest_date from {QA}.qa_rejected_{feed}"
                for feed in ("sales", "products", "customers")
            )
            + ") r group by ingest_date"
        )
        predictions = [
            (as_day(day), Decimal(str(net)), Decimal(str(orders)), bool(risk), Decimal(str(last)))
            for day, net, orders, risk, last in query(
                "select as_of_date, expected_net_sales, expected_orders, is_at_risk, "
                f"net_sales_last_90_days from {MARTS}.rpt_customer_predictions"
            )
        ]
        return cls(
            lines,
            {as_day(day): int(str(rows)) for day, rows in landed},
            {as_day(day): int(str(rows)) for day, rows in rejected},
            predictions,
        )

    @cached_property
    def orders(self) -> list[Order]:
        """The lines by order."""
        by_order: dict[str, list[Line]] = {}
        for line in self.lines:
            by_order.setdefault(line.transaction_id, []).append(line)
        return [Order.of(lines) for lines in by_order.values()]

    @cached_property
    def first_order_day(self) -> dict[str, date]:
        """Each known customer's first order placed."""
        first: dict[str, date] = {}
        for order in self.orders:
            if order.is_order and order.customer_id is not None:
                first[order.customer_id] = min(order.day, first.get(order.customer_id, order.day))
        return first

    def days(self) -> list[date]:
        """Every day from the first sales or ingest date to the last."""
        dates = [line.day for line in self.lines] + list(self.landed)
        first, last = min(dates), max(dates)
        return [first + timedelta(days=n) for n in range((last - first).days + 1)]

    def revenue(self, start: date, end: date) -> Decimal | None:
        """Net revenue of the days start .. end (None: no sales)."""
        return total([line.net for line in self.lines if start <= line.day <= end])

    def period(self, start: date, end: date) -> dict[str, Decimal | None]:
        """The metrics of the days start .. end (sales and orders by their day, first orders
        by their day, landed and rejected rows by ingest date); None where the period has no
        rows."""
        inside = [line for line in self.lines if start <= line.day <= end]
        orders = [order for order in self.orders if start <= order.day <= end]

        def lines(measure: Callable[[Line], Decimal]) -> Decimal | None:
            return total([measure(line) for line in inside])

        def of_orders(measure: Callable[[Order], Decimal]) -> Decimal | None:
            return total([measure(order) if order.is_order else Decimal(0) for order in orders])

        # known customers who ordered: a line of goods sold (a credit note alone is no order)
        customers = {
            line.customer_id
            for line in inside
            if line.customer_id is not None and line.gross_units > 0
        }
        buyers = Decimal(len(customers)) if inside else None
        new = sum(1 for day in self.first_order_day.values() if start <= day <= end)
        landed = sum(rows for day, rows in self.landed.items() if start <= day <= end)
        rejected = sum(rows for day, rows in self.rejected.items() if start <= day <= end)
        net, gross, returns = (
            lines(lambda x: x.net),
            lines(lambda x: x.gross),
            lines(lambda x: x.returned),
        )
        guest = lines(lambda x: x.net if x.customer_id is None else Decimal(0))
        scored = [p for p in self.predictions if start <= p[0] <= end]
        count = of_orders(lambda order: Decimal(1))
        value = of_orders(lambda order: order.value)
        units = of_orders(lambda order: Decimal(order.units))
        return {
            "net_revenue": net,
            "gross_revenue": gross,
            "discounts": lines(lambda x: x.discount),
            "returns": returns,
            "total_sales": lines(lambda x: x.amount),
            "guest_revenue": guest,
            "units": lines(lambda x: Decimal(x.units)),
            "unique_customers": buyers,
            "return_rate": ratio(returns, gross),
            "guest_share": ratio(guest, net),
            "orders": count,
            "order_value": value,
            "order_units": units,
            "average_order_value": ratio(value, count),
            "items_per_order": ratio(units, count),
            "revenue_per_customer": None
            if net is None
            else ratio(net - (guest or Decimal(0)), buyers),
            "new_customers": Decimal(new) if new else None,
            "returning_customers": None if buyers is None else buyers - new,
            "landed_rows": Decimal(landed) if landed else None,
            "rejected_rows": Decimal(rejected) if landed else None,
            "rejected_row_rate": ratio(Decimal(rejected), Decimal(landed)) if landed else None,
            "predicted_revenue": total([p[1] for p in scored]),
            "predicted_orders": total([p[2] for p in scored]),
            "at_risk_customers": total([Decimal(p[3]) for p in scored]),
            "revenue_last_90_days_of_scored": total([p[4] for p in scored]),
        }

    def on(self, day: date) -> dict[str, Decimal | None]:
        """Every metric on one day: the period metrics of the day, and the cumulative and
        growth metrics at that day."""
        figures = self.period(day, day)
        now = figures["net_revenue"]

        def growth(before: date) -> Decimal | None:
            earlier = self.revenue(before, before)
            return None if now is None or not earlier else (now - earlier) / earlier

        return {
            **figures,
            "revenue_trailing_30d": self.revenue(day - timedelta(days=29), day),
            "revenue_month_to_date": self.revenue(day.replace(day=1), day),
            "revenue_growth_wow": growth(day - timedelta(days=7)),
            "revenue_growth_mom": growth(month_before(day)),
        }


def ratio(numerator: Decimal | None, denominator: Decimal | None) -> Decimal | None:
    """numerator / denominator; None when either is missing or the denominator is 0."""
    if numerator is None or not denominator:
        return None
    return numerator / denominator


def month_before(day: date) -> date:
    """The same day a month earlier (the last day of that month when it is shorter)."""
    year, month = (day.year, day.month - 1) if day.month > 1 else (day.year - 1, 12)
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError(day)


def as_decimal(value: object) -> Decimal | None:
    """A figure as a Decimal (None stays None)."""
    return None if value is None or value == "" else Decimal(str(value))


def same(actual: object, expected: Decimal | None) -> bool:
    """Equal figures: exact for sums and counts, to 1e-9 (relative) for ratios."""
    value = as_decimal(actual)
    if value is None or expected is None:
        return value is None and expected is None
    return abs(value - expected) <= Decimal("1e-9") * max(Decimal(1), abs(expected))


def as_day(value: object) -> date:
    """metric_time__day as a date (drivers return a date or a midnight datetime)."""
    return value.date() if isinstance(value, datetime) else date.fromisoformat(str(value)[:10])


def assert_every_metric_equals_sql(layer: SemanticLayer, query: Query) -> None:
    """Each metric per day over the whole data, and the period metrics over the whole range,
    from MetricFlow's SQL, equal the figures counted from the marts' rows."""
    defined = {info.name for info in layer.metrics()}
    assert defined == set(DEFINED)
    marts = Marts.read(query)
    days = marts.days()
    expected = {day: marts.on(day) for day in days}
    assert set(expected[days[0]]) == defined, "every metric has an independent figure here"
    for metric in sorted(defined):
        columns, rows = layer.query(
            MetricQuery((metric,), ("metric_time__day",), start=days[0], end=days[-1])
        )
        got = {as_day(row[0]): row[1] for row in rows}
        assert set(got) <= set(days), metric
        mismatches = {
            day: (got.get(day), figures[metric])
            for day, figures in expected.items()
            if not same(got.get(day), figures[metric])
        }
        assert not mismatches, f"{metric}: (metric, sql) per day {mismatches}"
    whole = marts.period(days[0], days[-1])
    periodic = sorted(name for name in whole if name in defined)
    columns, [row] = layer.query(MetricQuery(tuple(periodic), start=days[0], end=days[-1]))
    for name, value in zip(columns, row, strict=True):
        assert same(value, whole[name]), (name, value, whole[name])


def test_mf_validate_configs_accepts_the_definitions(e2e: E2ERun, tmp_path: Path) -> None:
    result = run_mf(["validate-configs", "--skip-dw"], e2e.env, tmp_path)
    assert "Successfully validated the semantics of built manifest (ERRORS: 0" in result.stdout


def test_every_metric_equals_sql_over_the_marts_on_duckdb(e2e: E2ERun) -> None:
    warehouse = Warehouse.for_target("duckdb", REPO, e2e.env)
    assert_every_metric_equals_sql(SemanticLayer.load(warehouse, e2e.env), e2e.query)


def test_every_metric_equals_sql_over_the_marts_on_postgres(postgres_run: PostgresRun) -> None:
    warehouse = Warehouse.for_target("postgres", REPO, postgres_run.env)
    layer = SemanticLayer.load(warehouse, postgres_run.env)
    assert_every_metric_equals_sql(layer, postgres_run.query)


NET_AMOUNT = "case when line_type in ('merchandise', 'discount', 'voucher') then amount else 0 end"


def revenue_by_day_sql(query: Query) -> dict[date, Decimal]:
    """Net revenue per sales day by SQL over the lines of fct_sales."""
    rows = query(
        f"select transaction_date, sum({NET_AMOUNT}) from {MARTS}.fct_sales "
        "group by transaction_date"
    )
    return {as_day(day): Decimal(str(revenue)) for day, revenue in rows}


def test_mf_query_net_revenue_by_day_on_duckdb(e2e: E2ERun, tmp_path: Path) -> None:
    args = ["--metrics", "net_revenue", "--group-by", "metric_time__day"]
    rows = mf_csv(args, e2e.env, tmp_path)
    got = {as_day(row["metric_time__day"]): Decimal(row["net_revenue"]) for row in rows}
    assert got == revenue_by_day_sql(e2e.query)


def test_mf_query_net_revenue_by_day_on_postgres(postgres_run: PostgresRun, tmp_path: Path) -> None:
    args = ["--metrics", "net_revenue", "--group-by", "metric_time__day"]
    rows = mf_csv(args, postgres_run.env, tmp_path)
    got = {as_day(row["metric_time__day"]): Decimal(row["net_revenue"]) for row in rows}
    assert got == revenue_by_day_sql(postgres_run.query)


def shown_number(text: str) -> Decimal:
    """A KPI card's value as a number ('$1,234.50' -> 1234.50, '4.12%' -> 4.12)."""
    return Decimal(text.replace("$", "").replace(",", "").replace("%", ""))


def test_dashboard_kpis_mf_query_and_sql_agree(dashboard_env: E2ERun, tmp_path: Path) -> None:
    app = AppTest.from_file(str(REPO / "dashboard" / "app.py"), default_timeout=60).run()
    assert not app.exception
    shown = {metric.label: shown_number(metric.value) for metric in app.metric}
    ((first, last),) = dashboard_env.query(
        f"select min(transaction_date), max(transaction_date) from {MARTS}.fct_sales"
    )
    assert isinstance(first, date) and isinstance(last, date)
    start = max(first, last - timedelta(days=29))  # the dashboard's default range
    metrics = (
        "net_revenue,gross_revenue,discounts,returns,orders,average_order_value,return_rate,"
        "guest_share,unique_customers"
    )
    period = ["--start-time", str(start), "--end-time", str(last)]
    [mf] = mf_csv(["--metrics", metrics, *period], dashboard_env.env, tmp_path)
    sql = Marts.read(dashboard_env.query).period(start, last)

    cent = Decimal("0.01")
    for label, metric in [
        ("Net revenue", "net_revenue"),
        ("Gross revenue", "gross_revenue"),
        ("Discounts", "discounts"),
        ("Returns", "returns"),
        ("Orders", "orders"),
        ("Unique customers", "unique_customers"),
    ]:
        assert shown[label] == Decimal(mf[metric]) == sql[metric], label
    for label, metric, scale in [
        ("Average order value", "average_order_value", 1),
        ("Return rate", "return_rate", 100),
        ("Guest share", "guest_share", 100),
    ]:
        figure = sql[metric]
        assert figure is not None and same(mf[metric], figure), label
        assert shown[label] == (figure * scale).quantize(cent, rounding=ROUND_HALF_UP), label


def test_metrics_page_shows_every_metric_of_the_yml(dashboard_env: E2ERun) -> None:
    app = AppTest.from_file(str(REPO / "dashboard" / "app.py"), default_timeout=90).run()
    app.switch_page("views/metrics.py").run()
    assert not app.exception, app.exception
    [table] = [df.value for df in app.dataframe if "metric_name" in df.value.columns]
    assert sorted(table["metric_name"]) == sorted(DEFINED)
    ((first, last),) = dashboard_env.query(
        f"select min(transaction_date), max(transaction_date) from {MARTS}.fct_sales"
    )
    assert isinstance(first, date) and isinstance(last, date)
    marts = Marts.read(dashboard_env.query)
    period = marts.period(max(first, last - timedelta(days=29)), last)
    shown = dict(zip(table["metric_name"], table["value"], strict=True))
    assert shown["net_revenue"] == f"${period['net_revenue']:,.2f}"
    assert shown["orders"] == f"{period['orders']:,}"
    assert shown["revenue_trailing_30d"] == f"${marts.on(last)['revenue_trailing_30d']:,.2f}"
    assert app.get("vega_lite_chart"), "the chart of one metric per day"


NEW_METRIC = """
version: 2
metrics:
  - name: units_per_order
    label: Units per order
    description: Merchandise units sold per order placed (order_units / orders).
    config:
      meta: {format: number}
    type: ratio
    type_params:
      numerator: order_units
      denominator: orders
"""


@pytest.fixture
def project_with_a_new_metric(e2e: E2ERun, tmp_path: Path) -> dict[str, str]:
    """The project plus one metric in a yml file of its own, parsed by dbt: the environment
    of the e2e warehouse with DBT_TARGET_PATH at that parse's target folder."""
    project = tmp_path / "with-metric"  # a copy: dbt does not follow symlinked folders
    folders = ("models", "macros", "seeds", "snapshots", "analyses", "tests/macros", "tests/marts")
    for folder in folders:  # tests/: dbt's singular tests, not tests/python
        shutil.copytree(REPO / folder, project / folder)
    shutil.copy(REPO / "tests" / "_tests.yml", project / "tests")
    (project / "dbt_project.yml").symlink_to(REPO / "dbt_project.yml")
    (project / "models" / "semantic" / "_semantic__new_metric.yml").write_text(NEW_METRIC)
    env = {**e2e.env, "DBT_TARGET_PATH": str(project / "target")}
    parse = subprocess.run(
        [str(Path(sys.executable).parent / "dbt"), "parse", "--quiet"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert parse.returncode == 0, parse.stdout + parse.stderr
    return env


def test_a_metric_added_in_yml_is_in_mf_query_and_the_dashboard(
    project_with_a_new_metric: dict[str, str],
    e2e: E2ERun,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    env = project_with_a_new_metric
    [row] = mf_csv(["--metrics", "units_per_order"], env, tmp_path)
    marts = Marts.read(e2e.query)
    days = marts.days()
    whole = marts.period(days[0], days[-1])
    assert whole["order_units"] is not None and whole["orders"] is not None
    assert same(row["units_per_order"], whole["order_units"] / whole["orders"])

    for name in ("ECOM_DUCKDB_PATH", "DBT_TARGET_PATH"):
        monkeypatch.setenv(name, env[name])
    st.cache_data.clear()
    app = AppTest.from_file(str(REPO / "dashboard" / "app.py"), default_timeout=90).run()
    app.switch_page("views/metrics.py").run()
    assert not app.exception, app.exception
    [table] = [df.value for df in app.dataframe if "metric_name" in df.value.columns]
    assert "Units per order" in set(table["metric"])
    st.cache_data.clear()


@pytest.mark.parametrize(
    ("target", "schema"), [("athena", "ecom_analytics"), ("redshift", "analytics")]
)
def test_every_metric_compiles_for_athena_and_redshift(
    e2e: E2ERun, target: str, schema: str
) -> None:
    env = {**e2e.env, "ECOM_DBT_TARGET": target}
    layer = SemanticLayer.load(Warehouse.for_target(target, REPO, env), env)
    for info in layer.metrics():
        sql = layer.sql(
            MetricQuery(
                (info.name,),
                ("metric_time__day",),
                start=date(2026, 11, 1),
                end=date(2026, 11, 20),
            )
        )
        # the target's marts (qa_ingest_reconciliation: its qa schema), as dbt names them there
        read = {f"{schema}_{part}" for part in ("marts", "qa") if f"FROM {schema}_{part}." in sql}
        accounting = "landed_file__feed" in info.dimensions  # qa_ingest_reconciliation's
        assert read == ({f"{schema}_qa"} if accounting else {f"{schema}_marts"}), (
            target,
            info.name,
        )


def test_revenue_by_city_is_by_the_customers_version_on_the_sale_day(e2e: E2ERun) -> None:
    layer = SemanticLayer.load(Warehouse.for_target("duckdb", REPO, e2e.env), e2e.env)
    _, rows = layer.query(MetricQuery(("net_revenue",), ("customer__city",)))
    got = {str(city): Decimal(str(revenue)) for city, revenue in rows}
    expected = e2e.query(
        f"select c.city, sum({NET_AMOUNT}) from {MARTS}.fct_sales s "
        f"left join {MARTS}.dim_customers c on c.customer_id = s.customer_id "
        "and c.valid_from <= cast(s.transaction_date as timestamp) "
        "and cast(s.transaction_date as timestamp) < c.valid_to group by c.city"
    )
    assert got == {str(city): Decimal(str(revenue)) for city, revenue in expected}
    assert len(got) > 3
