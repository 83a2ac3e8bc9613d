"""The dashboard's queries: the numbers each page shows (views/), one function per chart or
table, run through data.query. The headline KPIs and the revenue trend are metrics of the
semantic layer (models/semantic/): their SQL is what MetricFlow generates from the metric
definitions for the target's engine, the SQL `mf query` runs (data.metric_query). The rest is
portable SQL over the marts (DuckDB, PostgreSQL, Redshift and Athena/Trino all read it).

Money is split as the marts split it: gross (merchandise sold), discounts, returns (positive)
and net = gross - discounts - returns, the headline; orders and the average order value are
per order (fct_orders), never per line; customer figures leave guest checkouts out."""

from __future__ import annotations

import copy
import functools
import math
import threading
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Concatenate, ParamSpec, TypeVar

import pandas as pd

from dashboard.data import (
    DataUnavailableError,
    metric_query,
    metric_values,
    query,
    relation,
    require,
    semantic_layer,
    sql_date,
    sql_list,
)
from ecom.semantic import MetricInfo, MetricQuery, build_fingerprint, where_in
from ecom.warehouse import Warehouse


@dataclass(frozen=True)
class Filters:
    """The shared filters: a date range (inclusive) and categories (empty: all)."""

    start: date
    end: date
    categories: tuple[str, ...] = field(default_factory=tuple)

    def previous(self) -> Filters:
        """The period of the same length just before this one."""
        days = (self.end - self.start).days + 1
        return Filters(
            self.start - timedelta(days=days), self.start - timedelta(days=1), self.categories
        )


@dataclass(frozen=True)
class Bounds:
    """The sales dates in fct_sales; 'today' on the dashboard is last_date (historical data)."""

    first_date: date
    last_date: date
    lines: int  # kept sales lines


@dataclass(frozen=True)
class Totals:
    """The overview's metrics of a period (TOTALS_METRICS), as the semantic layer computes
    them: amounts rounded half up to cents (as the marts round), rates as fractions."""

    net_revenue: Decimal
    gross_revenue: Decimal
    discounts: Decimal
    returns: Decimal
    orders: int
    avg_order_value: Decimal
    return_rate: Decimal | None  # returns / gross_revenue, 0.0412 = 4.12%; None: no sales
    guest_share: Decimal | None  # guest net revenue / net_revenue; None: no sales
    customers: int  # known customers: guests are not counted


# Results of the semantic layer's metrics per (function, warehouse, what the warehouse was
# built into, arguments), kept until the warehouse is written again: a metric over the sales
# history (the per-day metrics scan all of fct_sales) need not run again while the data is the
# same, for any session of the dashboard.
_KEPT: dict[tuple[object, ...], object] = {}
_KEPT_MOST = 256
_KEPT_LOCK = threading.Lock()
Result = TypeVar("Result")
Arguments = ParamSpec("Arguments")


def _frozen(value: object) -> object:
    """An argument as part of a dictionary key: a mapping as its items, a list or tuple as a
    tuple (in order), a set as a tuple in a fixed order."""
    if isinstance(value, Mapping):
        return tuple((key, _frozen(item)) for key, item in value.items())
    if isinstance(value, list | tuple):
        return tuple(_frozen(item) for item in value)
    if isinstance(value, set | frozenset):
        return tuple(sorted((_frozen(item) for item in value), key=repr))
    return value


def kept_until_rebuilt(
    function: Callable[Concatenate[Warehouse, Arguments], Result],
) -> Callable[Concatenate[Warehouse, Arguments], Result]:
    """The function's result kept until the DuckDB warehouse file or the semantic manifest
    changes (ecom.semantic.build_fingerprint), so it is never one of an earlier build; on the
    other engines, whose tables a build elsewhere rewrites unseen, computed on every call
    (the dashboard's TTL cache still applies). Callers get a copy."""

    def kept(warehouse: Warehouse, /, *args: Arguments.args, **kwargs: Arguments.kwargs) -> Result:
        fingerprint = build_fingerprint(warehouse)
        if fingerprint is None:
            return function(warehouse, *args, **kwargs)
        key = (function.__name__, warehouse, fingerprint, _frozen(args), _frozen(kwargs))
        with _KEPT_LOCK:
            found = key in _KEPT
            result = _KEPT.get(key)
        if not found:
            result = function(warehouse, *args, **kwargs)
            with _KEPT_LOCK:
                if len(_KEPT) >= _KEPT_MOST:
                    _KEPT.clear()
                _KEPT[key] = result
        return copy.deepcopy(result)  # type: ignore[return-value]

    functools.update_wrapper(kept, function)
    return kept


def overview_periods(today: date, filters: Filters) -> dict[str, Filters]:
    """The overview page's periods: today, 7 and 30 days, the range, each with the one before."""

    def window(days: int, back: int = 0) -> Filters:
        """The `days` days ending `back` windows before today."""
        end = today - timedelta(days=days * back)
        return Filters(end - timedelta(days=days - 1), end, filters.categories)

    return {
        "today": window(1),
        "day_before": window(1, 1),
        "week": window(7),
        "week_before": window(7, 1),
        "month": window(30),
        "month_before": window(30, 1),
        "range": filters,
        "range_before": filters.previous(),
    }


def _read(
    warehouse: Warehouse, marts: list[str], sql: str, dates: tuple[str, ...] = ()
) -> pd.DataFrame:
    """Run sql over the marts it reads (DataUnavailableError first when one is missing), with
    the `dates` columns parsed to datetimes for the charts."""
    require(warehouse, marts)
    frame = query(warehouse, sql)
    for column in dates:
        frame[column] = pd.to_datetime(frame[column])
    return frame


def _to_date(value: object) -> date:
    """A date from whatever the driver returned (date, datetime, Timestamp, text)."""
    day: date = pd.Timestamp(str(value)).date()
    return day


def bounds(warehouse: Warehouse) -> Bounds:
    """First and last sales date; DataUnavailableError when fct_sales is empty."""
    frame = _read(
        warehouse,
        ["fct_sales"],
        "select min(transaction_date) as first_date, max(transaction_date) as last_date, "
        f"count(*) as sales_lines from {relation(warehouse, 'fct_sales')}",
    )
    row = frame.iloc[0]
    if not int(row["sales_lines"]):
        raise DataUnavailableError(
            "fct_sales has no rows yet. Build the marts with `make run` (or `dbt build`)."
        )
    return Bounds(_to_date(row["first_date"]), _to_date(row["last_date"]), int(row["sales_lines"]))


def categories(warehouse: Warehouse) -> list[str]:
    """Every product category, sorted."""
    frame = _read(
        warehouse,
        ["dim_products"],
        f"select distinct category from {relation(warehouse, 'dim_products')} order by category",
    )
    return [str(value) for value in frame["category"]]


def _sales_from(warehouse: Warehouse, filters: Filters, extra_join: str = "") -> str:
    """FROM + WHERE over the lines of fct_sales s joined to dim_products p (and extra_join),
    for the filters. Every product_id of fct_sales has its dim_products row (postage and
    discount codes as inferred members, category 'Unknown'), so the join keeps every line."""
    category = f" and p.category in ({sql_list(filters.categories)})" if filters.categories else ""
    return (
        f"from {relation(warehouse, 'fct_sales')} s "
        f"join {relation(warehouse, 'dim_products')} p on p.product_id = s.product_id {extra_join} "
        f"where s.transaction_date between {sql_date(filters.start)} and {sql_date(filters.end)}"
        f"{category}"
    )


# The overview's metrics (models/semantic/_semantic__metrics.yml); HEADLINE is the one shown
# for every period.
HEADLINE = "net_revenue"
TOTALS_METRICS = (
    "net_revenue",
    "gross_revenue",
    "discounts",
    "returns",
    "orders",
    "average_order_value",
    "return_rate",
    "guest_share",
    "unique_customers",
)
TREND_METRICS = ("gross_revenue", "returns", "net_revenue")
CATEGORY = "product__category"  # the dimension the category filter sets


def _category_filter(categories: tuple[str, ...]) -> tuple[str, ...]:
    """The where filter of the metric queries for the chosen categories (none: all)."""
    return (where_in(CATEGORY, categories),) if categories else ()


def by_category(warehouse: Warehouse) -> frozenset[str]:
    """The metrics the category filter applies to: those that can be grouped by
    product__category. Per-order metrics (orders, average order value) cannot: an order is
    not in one category, so they cover all categories whatever the filter."""
    return frozenset(
        info.name for info in semantic_layer(warehouse).metrics() if CATEGORY in info.dimensions
    )


def _metric_filter(
    warehouse: Warehouse, metric: str, categories: tuple[str, ...]
) -> tuple[str, ...]:
    """The category filter of one metric's query: none for a metric it does not apply to."""
    return _category_filter(categories) if metric in by_category(warehouse) else ()


def _number(value: object, places: int) -> Decimal:
    """A metric value as a Decimal rounded half up to `places` (NULL, no rows: 0). A float
    (a ratio, or a sum through data.query) is first read to 10 places, which drops binary
    noise such as 49.76499999999 but no digit a sum of cents or a ratio of them has."""
    if value is None or pd.isna(value):
        return Decimal(0).quantize(Decimal(1).scaleb(-places))
    exact = Decimal(str(round(float(str(value)), 10)))
    return exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


RATE_PLACES = 10  # a rate (a fraction): as exact as a float holds it, rounded when shown


@dataclass(frozen=True)
class OverviewTotals:
    """The overview's figures: the net revenue of every period, and all of TOTALS_METRICS for
    the periods shown in full."""

    net_revenue: dict[str, Decimal]
    detailed: dict[str, Totals]


@kept_until_rebuilt
def totals(
    warehouse: Warehouse, periods: dict[str, Filters], detailed: Collection[str]
) -> OverviewTotals:
    """The net revenue of each period and the TOTALS_METRICS of the `detailed` ones (same
    categories, where the filter applies to the metric), one metric query per metric and
    period, all run as one statement. Only the detailed periods pay for unique_customers (a
    distinct count, the one costly metric)."""
    require(warehouse, ["fct_sales", "fct_orders", "dim_products"])

    def request(metric: str, period: Filters) -> tuple[MetricQuery, str]:
        where = _metric_filter(warehouse, metric, period.categories)
        return MetricQuery((metric,), where=where, start=period.start, end=period.end), metric

    asked = [(name, HEADLINE) for name in periods] + [
        (name, metric) for name in detailed for metric in TOTALS_METRICS if metric != HEADLINE
    ]
    values = dict(
        zip(
            asked,
            metric_values(warehouse, [request(metric, periods[name]) for name, metric in asked]),
            strict=True,
        )
    )

    def money(name: str, metric: str) -> Decimal:
        return _number(values[name, metric], 2)

    def rate(name: str, metric: str) -> Decimal | None:
        """A ratio metric; None when it is undefined (no sales to divide by), not 0%."""
        value = values[name, metric]
        return None if value is None else _number(value, RATE_PLACES)

    return OverviewTotals(
        net_revenue={name: money(name, HEADLINE) for name in periods},
        detailed={
            name: Totals(
                net_revenue=money(name, "net_revenue"),
                gross_revenue=money(name, "gross_revenue"),
                discounts=money(name, "discounts"),
                returns=money(name, "returns"),
                orders=int(_number(values[name, "orders"], 0)),
                avg_order_value=money(name, "average_order_value"),
                return_rate=rate(name, "return_rate"),
                guest_share=rate(name, "guest_share"),
                customers=int(_number(values[name, "unique_customers"], 0)),
            )
            for name in detailed
        },
    )


@kept_until_rebuilt
def revenue_trend(
    warehouse: Warehouse, last_date: date, days: int, cats: tuple[str, ...]
) -> pd.DataFrame:
    """The metrics gross_revenue, returns and net_revenue per day (sales_date) over the last
    `days` days up to last_date, days with sales or returns only."""
    require(warehouse, ["fct_sales", "dim_products"])
    frame = metric_query(
        warehouse,
        MetricQuery(
            TREND_METRICS,
            group_by=("metric_time__day",),
            where=_category_filter(cats),
            start=last_date - timedelta(days=days - 1),
            end=last_date,
            order_by=("metric_time__day",),
        ),
    )
    frame = frame.rename(columns={"metric_time__day": "sales_date"})
    frame["sales_date"] = pd.to_datetime(frame["sales_date"])
    frame[list(TREND_METRICS)] = frame[list(TREND_METRICS)].fillna(0.0)
    return frame[["sales_date", *TREND_METRICS]]


def _metric_request(
    info: MetricInfo, where: tuple[str, ...], period: Filters
) -> tuple[MetricQuery, str]:
    """The query of a metric over the period (a per-day metric, cumulative or growth, on the
    period's last day) and the column that holds it."""
    if info.by_day_only:
        request = MetricQuery(
            (info.name,), ("metric_time__day",), where, start=period.end, end=period.end
        )
    else:
        request = MetricQuery((info.name,), where=where, start=period.start, end=period.end)
    return request, info.name


@kept_until_rebuilt
def metric_catalogue(warehouse: Warehouse, filters: Filters) -> pd.DataFrame:
    """Every metric of the semantic layer for the period and the period before: metric
    (label), metric_name, format, value and previous_value (None: no data), is_filtered
    (whether the category filter applies to it), by_day_only and description. All the
    metric queries run as one statement."""
    infos = semantic_layer(warehouse).metrics()
    requests = []
    filtered = []
    for info in infos:
        filtered.append(bool(filters.categories) and CATEGORY in info.dimensions)
        where = _category_filter(filters.categories) if filtered[-1] else ()
        requests += [
            _metric_request(info, where, filters),
            _metric_request(info, where, filters.previous()),
        ]
    values = metric_values(warehouse, requests) if requests else []
    rows = [
        {
            "metric": info.label,
            "metric_name": info.name,
            "format": info.format,
            "value": values[2 * index],
            "previous_value": values[2 * index + 1],
            "is_filtered": is_filtered,
            "by_day_only": info.by_day_only,
            "description": info.description,
        }
        for index, (info, is_filtered) in enumerate(zip(infos, filtered, strict=True))
    ]
    return pd.DataFrame(rows)


@kept_until_rebuilt
def metric_by_day(
    warehouse: Warehouse, name: str, filters: Filters, *, filtered: bool
) -> pd.DataFrame:
    """One metric per day (sales_date, value) in the period, with the category filter when
    filtered."""
    where = _category_filter(filters.categories) if filtered else ()
    frame = metric_query(
        warehouse,
        MetricQuery(
            (name,),
            ("metric_time__day",),
            where,
            start=filters.start,
            end=filters.end,
            order_by=("metric_time__day",),
        ),
    )
    frame = frame.rename(columns={"metric_time__day": "sales_date", name: "value"})
    frame["sales_date"] = pd.to_datetime(frame["sales_date"])
    return frame[["sales_date", "value"]].dropna()


def top_products(warehouse: Warehouse, filters: Filters, limit: int = 10) -> pd.DataFrame:
    """Products by net sales in the period and categories, best first: the day rows of
    rpt_top_products (one per product and day it sold or was returned, merchandise only, its
    name and category as in dim_products) summed over the period, a fraction of the sales
    lines. A day row counts the product's orders of that day, and an order's lines are on
    its day, so the day rows' order_count add up to the product's orders."""
    category = f" and category in ({sql_list(filters.categories)})" if filters.categories else ""
    return _read(
        warehouse,
        ["rpt_top_products"],
        "select product_id, product_name, category, sum(net_sales) as net_sales, "
        "sum(gross_sales) as gross_sales, sum(returns) as returns, "
        "sum(units_sold) as units_sold, sum(units_returned) as units_returned, "
        "sum(order_count) as order_count "
        f"from {relation(warehouse, 'rpt_top_products')} where period_type = 'day' "
        f"and period_start_date between {sql_date(filters.start)} and {sql_date(filters.end)}"
        f"{category} group by product_id, product_name, category "
        f"order by net_sales desc, product_id limit {int(limit)}",
    )


def category_sales(warehouse: Warehouse, filters: Filters) -> pd.DataFrame:
    """Per category (merchandise only): net, gross sales and returns, orders, units and the
    share of the period's net sales in percent."""
    category = f" and category in ({sql_list(filters.categories)})" if filters.categories else ""
    frame = _read(
        warehouse,
        ["rpt_sales_by_category"],
        "select category, sum(net_sales) as net_sales, sum(gross_sales) as gross_sales, "
        "sum(returns) as returns, sum(order_count) as order_count, "
        "sum(units_sold) as units_sold, sum(units_returned) as units_returned "
        f"from {relation(warehouse, 'rpt_sales_by_category')} "
        f"where sales_date between {sql_date(filters.start)} and {sql_date(filters.end)}"
        f"{category} group by category order by net_sales desc, category",
    )
    total = float(frame["net_sales"].sum()) if len(frame) else 0.0
    frame["share_pct"] = (frame["net_sales"] / total * 100).round(2) if total else 0.0
    return frame


def segments(warehouse: Warehouse) -> pd.DataFrame:
    """Customers and their net sales (lifetime value) per RFM segment; known customers only
    (the marts leave guest checkouts out)."""
    return _read(
        warehouse,
        ["rpt_customer_segments"],
        "select segment_name, count(*) as customers, sum(lifetime_value) as net_sales "
        f"from {relation(warehouse, 'rpt_customer_segments')} "
        "group by segment_name order by net_sales desc, segment_name",
    )


def nice_edges(low: float, high: float) -> list[float]:
    """Bucket edges on the 1-2-5 series (1, 2, 5, 10, 20, 50, ...) from the largest edge at
    or below `low` (positive) to the first edge above `high`: about three buckets per tenfold,
    so spending from $5 to $500,000 reads in a dozen bars."""
    exponent, step = math.floor(math.log10(low)), 0

    def value() -> float:
        return float((1, 2, 5)[step] * 10.0**exponent)

    def advance() -> None:
        nonlocal exponent, step
        step = (step + 1) % 3
        exponent += step == 0

    while True:  # the largest edge at or below low
        before = (exponent, step)
        advance()
        if value() > low:
            exponent, step = before
            break
    edges = [value()]
    while edges[-1] <= high:
        advance()
        edges.append(value())
    return edges


# Every edge the 1-2-5 series can put between 0.01 (a cent, the smallest positive amount) and
# 10^17 (above any decimal(18,2)): each customer is counted in the cell of this series it falls
# in, and nice_edges' buckets are unions of consecutive cells (its edges come from the same
# series, computed the same way), so one query gives the range and the counts.
SERIES_EDGES = tuple(nice_edges(0.01, 1e17))


def lifetime_value_histogram(warehouse: Warehouse) -> pd.DataFrame:
    """Customers per lifetime-value bucket, the buckets growing 1-2-5 (10-20, 20-50, 50-100,
    ...) so a long tail does not crush everyone into the first bar: bucket_start, bucket_end
    (exclusive), customers and share_pct (of all customers). Amounts of zero or less, if any,
    form a first bucket from the smallest amount."""
    require(warehouse, ["rpt_customer_lifetime_value"])
    cells = " ".join(
        f"when lifetime_value < {edge!r} then {index}" for index, edge in enumerate(SERIES_EDGES)
    )
    frame = query(
        warehouse,
        "select cell, count(*) as customers, min(lifetime_value) as low, "
        "max(lifetime_value) as high, "
        "min(case when lifetime_value > 0 then lifetime_value end) as low_positive "
        f"from (select lifetime_value, case {cells} else {len(SERIES_EDGES)} end as cell "
        f"from {relation(warehouse, 'rpt_customer_lifetime_value')}) c group by cell",
    )
    if frame.empty:
        return pd.DataFrame(
            {"bucket_start": [], "bucket_end": [], "customers": [], "share_pct": []}
        )
    low, high = float(frame["low"].min()), float(frame["high"].max())
    positive = frame["low_positive"].min()
    edges = nice_edges(float(positive) if not pd.isna(positive) else 1.0, max(high, 1.0))
    if low < edges[0]:
        edges.insert(0, low)

    def bucket(cell: int) -> int:
        """The bucket of a cell: values in cell c are below SERIES_EDGES[c] and at or above
        the edge before it; bucket b holds edges[b] <= value < edges[b + 1] (the first, every
        value below edges[1]; the last, every value from edges[-2])."""
        floor = SERIES_EDGES[cell - 1] if cell > 0 else -math.inf
        return min(sum(1 for edge in edges[1:-1] if edge <= floor), len(edges) - 2)

    counts: dict[int, int] = {}
    for cell, customers in zip(
        frame["cell"].astype(int), frame["customers"].astype(int), strict=True
    ):
        counts[bucket(cell)] = counts.get(bucket(cell), 0) + customers
    total = sum(counts.values())
    first = min(counts)
    last = max(counts)
    buckets = range(first, last + 1)  # empty buckets inside the range stay, as zero bars
    customers = [counts.get(b, 0) for b in buckets]
    return pd.DataFrame(
        {
            "bucket_start": [edges[b] for b in buckets],
            "bucket_end": [edges[b + 1] for b in buckets],
            "customers": customers,
            "share_pct": [round(n / total * 100, 2) for n in customers],
        }
    )


def top_customers(warehouse: Warehouse, limit: int = 20) -> pd.DataFrame:
    """Known customers by lifetime value (net sales) with their gross sales, returns and RFM
    segment, best first. The top rows are taken before the segments are joined (customer_id
    is unique in both marts, so the left join keeps each row and the order): the join reads
    `limit` customers, not all of them."""
    return _read(
        warehouse,
        ["rpt_customer_lifetime_value", "rpt_customer_segments"],
        "select v.customer_id, v.customer_name, v.city, g.segment_name, v.order_count, "
        "v.gross_sales, v.returns, v.lifetime_value, v.avg_order_value, v.last_order_date "
        "from (select customer_id, customer_name, city, order_count, gross_sales, returns, "
        "lifetime_value, avg_order_value, last_order_date "
        f"from {relation(warehouse, 'rpt_customer_lifetime_value')} "
        f"order by lifetime_value desc, customer_id limit {int(limit)}) v "
        f"left join {relation(warehouse, 'rpt_customer_segments')} g "
        "on g.customer_id = v.customer_id "
        "order by v.lifetime_value desc, v.customer_id",
    )


def recent_transactions(
    warehouse: Warehouse, cats: tuple[str, ...], limit: int = 500
) -> pd.DataFrame:
    """The lines of the latest orders (rpt_recent_transactions), newest first, an order's
    lines in their order: returns (negative quantity), shipping and discounts included."""
    where = f"where category in ({sql_list(cats)}) " if cats else ""
    return _read(
        warehouse,
        ["rpt_recent_transactions"],
        "select transaction_at, transaction_id, line_number, customer_name, city, "
        "product_name, category, line_type, quantity, unit_price, amount "
        f"from {relation(warehouse, 'rpt_recent_transactions')} {where}"
        "order by transaction_at desc, transaction_id, line_number "
        f"limit {int(limit)}",
    )


# A line's share of net revenue and whether it makes its order an order, as fct_orders and
# the semantic layer decide: net = merchandise, discount and voucher lines (shipping and fees
# are not in it); an order is an order with merchandise sold (not a credit note of returns).
NET_AMOUNT = "case when s.line_type in ('merchandise', 'discount', 'voucher') then s.amount end"
ORDER_ID = "case when s.line_type = 'merchandise' and s.quantity > 0 then s.transaction_id end"


def weekday_hour(warehouse: Warehouse, filters: Filters) -> pd.DataFrame:
    """Orders and net revenue per ISO weekday and hour (UTC) in the period and categories
    (with a category filter: the orders with a product of those categories sold)."""
    hour = "extract(hour from s.transaction_at)"
    dim_date = f"join {relation(warehouse, 'dim_date')} d on d.date_day = s.transaction_date"
    return _read(
        warehouse,
        ["fct_sales", "dim_products", "dim_date"],
        f"select d.day_of_week, d.day_name, {hour} as hour_of_day, "
        f"count(distinct {ORDER_ID}) as order_count, "
        f"coalesce(sum({NET_AMOUNT}), 0) as net_sales "
        f"{_sales_from(warehouse, filters, dim_date)} "
        f"group by d.day_of_week, d.day_name, {hour}",
    )


def rejected_by_reason(warehouse: Warehouse) -> pd.DataFrame:
    """Rejected rows per feed, reason and ingest date (the lake partition: when the file
    landed, not when the sales happened, so the sales date filter does not apply)."""
    names = ["qa_rejected_sales", "qa_rejected_products", "qa_rejected_customers"]
    parts = [
        f"select '{name.removeprefix('qa_rejected_')}' as feed, ingest_date, reject_reason, "
        f"count(*) as rejected_rows from {relation(warehouse, name)} "
        "group by ingest_date, reject_reason"
        for name in names
    ]
    sql = " union all ".join(parts) + " order by 2, 1, 3"
    return _read(warehouse, names, sql, dates=("ingest_date",))


def feed_landings(warehouse: Warehouse) -> pd.DataFrame:
    """Per feed: latest landing date, files, rows landed/used/rejected, unbalanced files."""
    return _read(
        warehouse,
        ["qa_ingest_reconciliation"],
        "select entity as feed, max(ingest_date) as latest_ingest_date, "
        "count(*) as files, sum(rows_landed) as rows_landed, sum(rows_used) as rows_used, "
        "sum(rows_rejected) as rows_rejected, "
        "sum(case when is_balanced then 0 else 1 end) as unbalanced_files "
        f"from {relation(warehouse, 'qa_ingest_reconciliation')} group by entity order by entity",
    )


def trend_windows(data: Bounds) -> list[int]:
    """The trend's window lengths in days that the data's range fills (7, 30, 90, 365), and the
    whole range when it is shorter than a year and not one of them."""
    span = (data.last_date - data.first_date).days + 1
    windows = [days for days in (7, 30, 90, 365) if days <= span]
    if span < 365 and span not in windows:
        windows.append(span)
    return windows


# Run-log fields the final record of a run sets (rpt_pipeline_runs shows them at the next build).
FINAL_FIELDS = (
    "exit_code",
    "error_message",
    "duration_seconds",
    "finished_at",
    "rows_rejected",
    "models_built",
    "models_failed",
    "tests_passed",
    "tests_warned",
    "tests_failed",
    "reports_written",
)


def pipeline_runs(
    warehouse: Warehouse,
    limit: int = 50,
    final_records: Mapping[str, Mapping[str, object]] | None = None,
) -> pd.DataFrame:
    """The run log (rpt_pipeline_runs), newest first by started_at. A run the mart still shows
    as 'running' (the build that made the mart was part of that run) takes its final status
    from `final_records` (run_id -> the run's record in the lake), when given."""
    frame = _read(
        warehouse,
        ["rpt_pipeline_runs"],
        f"select * from {relation(warehouse, 'rpt_pipeline_runs')} "
        f"order by started_at desc, run_id desc limit {int(limit)}",
    )
    frame = frame.sort_values("started_at", ascending=False, kind="stable").reset_index(drop=True)
    for index, row in frame.iterrows():
        record = (final_records or {}).get(str(row["run_id"]))
        if row.get("run_status") != "running" or not record or record.get("status") == "running":
            continue
        frame.loc[index, "run_status"] = str(record["status"])
        for name in FINAL_FIELDS:
            if name in frame.columns and name in record:
                frame.loc[index, name] = record[name]
        if "is_successful" in frame.columns:
            frame.loc[index, "is_successful"] = record["status"] in (
                "succeeded",
                "data_quarantined",
            )
    return frame
