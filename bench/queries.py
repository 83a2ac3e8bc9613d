"""Dashboard latency: every query function of dashboard/queries.py called as the pages call it
(default filters: the 30 days up to the latest sales date, all categories), uncached, against
the marts; and the sales questions asked of the raw landed files with DuckDB for comparison.
The semantic layer's metrics (overview KPIs and trend, the metrics page) are planned by
MetricFlow in the untimed warm-up call; the dashboard keeps that SQL too, so a timed call is
what a page costs once the layer is loaded.

Run as `python -m bench.queries --warehouse W --lake L --out FILE.json` (a process
of its own, so the benchmark measures its memory); it writes the milliseconds of every call.
"""

from __future__ import annotations

import argparse
import functools
import json
import logging
import os
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from pathlib import Path

from bench.baseline import line_type_patterns
from bench.results import QueryResult
from dashboard import data, queries
from dashboard.data import sql_date
from dashboard.queries import Filters
from ecom.warehouse import Warehouse, in_memory_duckdb


@dataclass(frozen=True)
class Question:
    """A dashboard question: how a page asks the marts, and (sales questions) the raw SQL."""

    name: str
    question: str
    marts: Callable[[], object]
    raw_sql: str | None = None


def line_type_sql(product_id: str) -> str:
    """The SQL of a line's type from its product code when the line gives none: the first of
    dbt_project.yml's line_type_patterns the lower-cased code matches, else merchandise."""
    cases = " ".join(
        "when regexp_full_match(lower({}), '{}') then '{}'".format(
            product_id, pattern.replace("'", "''"), name
        )
        for name, pattern in line_type_patterns().items()
    )
    return f"case {cases} else 'merchandise' end"


def raw_sales_cte(lake: str) -> str:
    """The landed sales CSVs (lines of orders) with the basic cleaning a raw query needs: exact
    copies within a file dropped, lines without an order or product id or with unparseable
    values left out (an empty customer_id is a guest checkout, kept), values cast, each order's
    lines of its latest file kept; each line classified and its money split as the marts split
    it (gross, returned, discount, net)."""
    return f"""
with raw as (
    select transaction_id, customer_id, product_id, quantity, amount, transaction_date,
        line_number, line_type, parse_filename(filename) as landed_file
    from read_csv('{lake}/landing/sales/*/*.csv', header = true, all_varchar = true,
        union_by_name = true, filename = true)
),
distinct_rows as (select distinct * from raw),
typed as (
    select
        trim(transaction_id) as transaction_id,
        nullif(trim(customer_id), '') as customer_id,
        trim(product_id) as product_id,
        try_cast(quantity as integer) as quantity,
        try_cast(amount as decimal(18, 2)) as amount,
        try_strptime(transaction_date, '%Y-%m-%d %H:%M:%S') as transaction_at,
        cast(try_strptime(transaction_date, '%Y-%m-%d %H:%M:%S') as date) as transaction_date,
        try_cast(line_number as integer) as line_number,
        coalesce(nullif(lower(trim(line_type)), ''), {line_type_sql("trim(product_id)")})
            as line_type,
        landed_file
    from distinct_rows
    where coalesce(trim(transaction_id), '') <> '' and coalesce(trim(product_id), '') <> ''
        and try_strptime(transaction_date, '%Y-%m-%d %H:%M:%S') is not null
        and try_cast(amount as decimal(18, 2)) is not null
        and coalesce(try_cast(quantity as integer), 0) <> 0
),
valid as (
    select *, max(landed_file) over (partition by transaction_id) as latest_file
    from typed
    where line_type <> 'merchandise' or (quantity > 0) = (amount >= 0)
),
sales as (
    select
        *,
        line_type = 'merchandise' and quantity > 0 as is_sold,
        case when line_type = 'merchandise' and quantity > 0 then amount else 0 end
            as gross_amount,
        case when line_type = 'merchandise' and quantity < 0 then -amount else 0 end
            as returned_amount,
        case when line_type in ('discount', 'voucher') then -amount else 0 end
            as discount_amount,
        case when line_type in ('merchandise', 'discount', 'voucher') then amount else 0 end
            as net_amount,
        case when line_type = 'merchandise' and quantity > 0 then quantity else 0 end
            as units_sold,
        case when line_type = 'merchandise' and quantity < 0 then -quantity else 0 end
            as units_returned,
        max(case when line_type = 'merchandise' and quantity > 0 then 1 else 0 end)
            over (partition by transaction_id) = 1 as is_order
    from valid
    where landed_file = latest_file
),
products as (
    select trim(product_id) as product_id, any_value(name) as product_name,
        any_value(category) as category
    from read_json('{lake}/landing/products/*/*.ndjson', format = 'newline_delimited',
        columns = struct_pack(product_id := 'varchar', name := 'varchar',
        category := 'varchar'))
    group by trim(product_id)
)"""


def raw_customers_cte(lake: str) -> str:
    """The latest landed record of each customer (joined by the recent-transactions question)."""
    return f""",
customers as (
    select trim(customer_id) as customer_id, arg_max(name, updated_at) as customer_name,
        arg_max(city, updated_at) as city
    from read_json('{lake}/landing/customers/*/*.ndjson', format = 'newline_delimited',
        columns = struct_pack(customer_id := 'varchar', name := 'varchar',
        city := 'varchar', updated_at := 'varchar'))
    group by trim(customer_id)
)"""


def _between(filters: Filters, column: str = "s.transaction_date") -> str:
    return f"{column} between {sql_date(filters.start)} and {sql_date(filters.end)}"


def raw_questions(lake: str, today: date, filters: Filters) -> dict[str, str]:
    """The sales questions of the dashboard as DuckDB SQL over the raw landed files."""
    base = raw_sales_cte(lake)
    joined = "from sales s join products p on p.product_id = s.product_id"
    # postage and discount codes are in no catalog: a left join keeps their lines
    every_line = "from sales s left join products p on p.product_id = s.product_id"
    merchandise = "s.line_type = 'merchandise'"
    totals = []
    for index, period in enumerate(queries.overview_periods(today, filters).values()):
        inside = _between(period)
        totals += [
            f"coalesce(sum(case when {inside} then s.net_amount end), 0) as net_{index}",
            f"coalesce(sum(case when {inside} then s.gross_amount end), 0) as gross_{index}",
            f"coalesce(sum(case when {inside} then s.discount_amount end), 0) as discounts_{index}",
            f"coalesce(sum(case when {inside} then s.returned_amount end), 0) as returns_{index}",
            f"coalesce(sum(case when {inside} and s.customer_id is null then s.net_amount end), "
            f"0) as guest_net_{index}",
            f"count(distinct case when {inside} and s.is_sold then s.transaction_id end) "
            f"as orders_{index}",
            f"sum(case when {inside} and s.is_order then s.gross_amount - s.discount_amount "
            f"end) as order_value_{index}",
            f"count(distinct case when {inside} then s.customer_id end) as customers_{index}",
        ]
    trend = Filters(today - timedelta(days=29), today)
    recent = Filters(today - timedelta(days=6), today)
    return {
        "bounds": f"{base} select min(transaction_date), max(transaction_date), count(*) "
        "from sales",
        "totals": f"{base} select {', '.join(totals)} from sales s",
        "revenue_trend": f"{base} select s.transaction_date as sales_date, "
        "sum(s.gross_amount) as gross_revenue, sum(s.returned_amount) as returns, "
        f"sum(s.net_amount) as net_revenue from sales s where {_between(trend)} "
        "group by 1 order by 1",
        "top_products": f"{base} select s.product_id, p.product_name, p.category, "
        "sum(s.net_amount) as net_sales, sum(s.gross_amount) as gross_sales, "
        "sum(s.returned_amount) as returns, sum(s.units_sold) as units_sold, "
        "sum(s.units_returned) as units_returned, "
        "count(distinct case when s.is_sold then s.transaction_id end) as order_count "
        f"{joined} where {merchandise} and {_between(filters)} group by 1, 2, 3 "
        "order by net_sales desc, s.product_id limit 10",
        "category_sales": f"{base} select p.category, sum(s.net_amount) as net_sales, "
        "sum(s.gross_amount) as gross_sales, sum(s.returned_amount) as returns, "
        "count(distinct s.transaction_id) as order_count, sum(s.units_sold) as units_sold, "
        f"sum(s.units_returned) as units_returned {joined} "
        f"where {merchandise} and {_between(filters)} group by 1 order by net_sales desc, 1",
        "weekday_hour": f"{base} select isodow(s.transaction_date) as day_of_week, "
        "dayname(s.transaction_date) as day_name, hour(s.transaction_at) as hour_of_day, "
        "count(distinct case when s.is_sold then s.transaction_id end) as order_count, "
        f"sum(s.net_amount) as net_sales {every_line} "
        f"where {_between(filters)} group by 1, 2, 3",
        "recent_transactions": f"{base}{raw_customers_cte(lake)} select s.transaction_at, "
        "s.transaction_id, s.line_number, c.customer_name, c.city, p.product_name, "
        "p.category, s.line_type, s.quantity, round(s.amount / s.quantity, 2) as unit_price, "
        f"s.amount {every_line} left join customers c on c.customer_id = s.customer_id "
        f"where {_between(recent)} "
        "order by s.transaction_at desc, s.transaction_id, s.line_number limit 500",
    }


OVERVIEW_DETAILED = ("range", "range_before")  # the periods the overview shows in full


def dashboard_questions(warehouse: Warehouse, lake: str) -> list[Question]:
    """Every query function of dashboard/queries.py with the pages' default arguments."""
    bounds = queries.bounds(warehouse)
    today = bounds.last_date
    filters = Filters(max(bounds.first_date, today - timedelta(days=29)), today)
    first_category = (queries.categories(warehouse) or [""])[0]
    drill = Filters(filters.start, filters.end, (first_category,))
    periods = queries.overview_periods(today, filters)
    raw = raw_questions(lake, today, filters)
    return [
        Question("connection", "open the warehouse, `select 1`: part of every query below",
                 lambda: data.run_sql(warehouse, "select 1")),
        Question("bounds", "first/last sales date, sales lines (every page)",
                 lambda: queries.bounds(warehouse), raw["bounds"]),
        Question("categories", "category list (sidebar filter)",
                 lambda: queries.categories(warehouse)),
        Question("totals", "net revenue of 8 periods, all 9 KPIs of 2 (overview)",
                 lambda: queries.totals(warehouse, periods, OVERVIEW_DETAILED), raw["totals"]),
        Question("revenue_trend", "gross, returns, net per day, last 30 days (overview)",
                 lambda: queries.revenue_trend(warehouse, today, 30, ()), raw["revenue_trend"]),
        Question("top_products", "top 10 products by net sales of the period (products)",
                 lambda: queries.top_products(warehouse, filters), raw["top_products"]),
        Question("category_sales", "net sales per category of the period (products)",
                 lambda: queries.category_sales(warehouse, filters), raw["category_sales"]),
        Question("category_drill_down", "top 50 products of one category (products)",
                 lambda: queries.top_products(warehouse, drill, limit=50)),
        Question("segments", "customers and net sales per RFM segment (customers)",
                 lambda: queries.segments(warehouse)),
        Question("lifetime_value_histogram", "customers per lifetime-value bucket (customers)",
                 lambda: queries.lifetime_value_histogram(warehouse)),
        Question("top_customers", "top 20 customers by lifetime value (customers)",
                 lambda: queries.top_customers(warehouse)),
        Question("recent_transactions", "lines of the latest orders, 500 (activity)",
                 lambda: queries.recent_transactions(warehouse, ()), raw["recent_transactions"]),
        Question("weekday_hour", "orders, net per weekday x hour of the period (activity)",
                 lambda: queries.weekday_hour(warehouse, filters), raw["weekday_hour"]),
        Question("rejected_by_reason", "rejected rows per feed and reason (pipeline)",
                 lambda: queries.rejected_by_reason(warehouse)),
        Question("feed_landings", "files and rows per feed (pipeline)",
                 lambda: queries.feed_landings(warehouse)),
        Question("pipeline_runs", "the run log (pipeline)",
                 lambda: queries.pipeline_runs(warehouse)),
        Question("metric_catalogue", "every metric, the period and the one before (metrics)",
                 lambda: queries.metric_catalogue(warehouse, filters)),
        Question("metric_by_day", "one metric (net_revenue) per day of the period (metrics)",
                 lambda: queries.metric_by_day(warehouse, "net_revenue", filters,
                                               filtered=False)),
    ]  # fmt: skip


def time_ms(call: Callable[[], object], repeats: int) -> tuple[float, list[float]]:
    """Milliseconds of a first (warm-up) call, and of each of `repeats` calls after it."""
    started = time.perf_counter()
    call()
    first = (time.perf_counter() - started) * 1000
    samples = []
    for _ in range(repeats):
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    return first, samples


def run_raw(sql: str) -> None:
    """One raw question on a fresh in-memory DuckDB connection, as a notebook would ask it."""
    connection = in_memory_duckdb()
    try:
        connection.execute(sql).fetchall()
    finally:
        connection.close()


def measure_questions(
    warehouse: Warehouse, lake: str, repeats: int, raw_repeats: int
) -> list[QueryResult]:
    """Time every dashboard question, uncached (ECOM_DASHBOARD_CACHE_TTL=0, as main sets)."""
    questions = dashboard_questions(warehouse, lake)
    timings = []
    for question in questions:
        first, marts = time_ms(question.marts, repeats)
        raw = None
        if question.raw_sql is not None and raw_repeats > 0:
            _, raw = time_ms(functools.partial(run_raw, question.raw_sql), raw_repeats)
        timings.append(QueryResult(question.name, question.question, marts, raw, first))
        print(f"  {question.name}: {len(marts)} calls", file=sys.stderr, flush=True)
    return timings


def main(argv: list[str] | None = None) -> int:
    """Time the questions and write them as JSON to --out."""
    parser = argparse.ArgumentParser(prog="python -m bench.queries")
    parser.add_argument("--warehouse", type=Path, required=True, help="DuckDB file of the marts")
    parser.add_argument("--lake", type=Path, required=True, help="the lake folder")
    parser.add_argument("--repeats", type=int, default=30, help="calls per marts query")
    parser.add_argument("--raw-repeats", type=int, default=5, help="calls per raw query")
    parser.add_argument("--out", type=Path, required=True, help="JSON file to write")
    args = parser.parse_args(argv)
    # outside `streamlit run` the cache of data.existing_relations warns on every use
    logging.getLogger("streamlit").setLevel(logging.ERROR)
    os.environ["ECOM_DASHBOARD_CACHE_TTL"] = "0"  # every call reaches the warehouse
    os.environ["ECOM_DUCKDB_PATH"] = str(args.warehouse.resolve())
    warehouse = Warehouse.for_target("duckdb", Path.cwd())
    timings = measure_questions(warehouse, str(args.lake), args.repeats, args.raw_repeats)
    args.out.write_text(json.dumps([asdict(t) for t in timings], indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
