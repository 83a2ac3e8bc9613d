"""Per-customer features and labels as of a date, computed in SQL any target runs.

A customer's history is their orders (fct_orders' grain): one row per order with its date,
whether it is an order (merchandise sold) or only a credit note, and its net sales (returns
are negative: a credit note lowers the net). Guests are no customer and are never read.

One query scans the orders once and returns, per customer, two snapshots: the training
snapshot (features as of the cut-off minus the horizon, labels in the horizon up to the
cut-off) and the scoring snapshot (features as of the cut-off, labels after it: empty in
production, what happened in a backtest). Every feature looks back the same number of days
in both snapshots (`lookback_days`: what the training snapshot can see, at most a year), so
the model scores customers described exactly as it was trained on them. The SQL uses only
date literals and `case`, so DuckDB, PostgreSQL, Redshift and Athena run it alike; day counts
are taken in Python.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import numpy as np
import numpy.typing as npt

HORIZON_DAYS = 90  # what is predicted: the next 90 days
MAX_LOOKBACK_DAYS = 365  # no feature looks back further than a year
WINDOWS = (30, 90, 180, 365)  # recent-activity windows, each cut to the lookback
FEATURES = (
    "recency_days",  # days since the last order, at most the lookback
    "tenure_days",  # days since the first order, at most the lookback
    "orders",  # orders in the lookback
    "net_sales",  # net sales in the lookback (credit notes included)
    *(f"{kind}_{days}d" for days in WINDOWS for kind in ("orders", "net_sales")),
    "net_per_order",  # net_sales / orders (0 without an order in the lookback)
    "orders_per_30_days",  # orders per 30 days of tenure, smoothed for new customers
    "return_share",  # returns / gross sales in the lookback
)

# The query's columns for a snapshot prefix ('train_' or 'score_').
_SNAPSHOT_COLUMNS = (
    "first_order_date",
    "last_order_date",
    "orders",
    "net_sales",
    "gross_sales",
    "returns",
    *(f"{kind}_{days}d" for days in WINDOWS for kind in ("orders", "net_sales")),
    "next_orders",
    "next_net_sales",
)

# Warehouse.query_columns' signature: names and the result column by column (numpy arrays,
# masked where null, or sequences of driver values).
ColumnsFunction = Callable[[str], tuple[list[str], dict[str, Any]]]


@dataclass(frozen=True)
class Dates:
    """The dates of one training and scoring: the cut-off and what follows from it."""

    cutoff: date  # the last day the model learns from; scores are as of this day
    lookback_days: int  # how far back every feature looks, in both snapshots

    @property
    def train_as_of(self) -> date:
        """The training snapshot's features are as of this day; its labels follow it."""
        return self.cutoff - timedelta(days=HORIZON_DAYS)

    @property
    def score_until(self) -> date:
        """The last day of the scoring snapshot's horizon (after the cut-off)."""
        return self.cutoff + timedelta(days=HORIZON_DAYS)


def dates_for(first_day: date, cutoff: date) -> Dates:
    """The dates of a training on orders from first_day to cutoff: the lookback is the
    history the training snapshot sees (cut-off - horizon - first day + 1), at most a year."""
    seen = (cutoff - timedelta(days=HORIZON_DAYS) - first_day).days + 1
    return Dates(cutoff, max(0, min(MAX_LOOKBACK_DAYS, seen)))


def _literal(day: date) -> str:
    """A date literal every engine reads."""
    return f"cast('{day.isoformat()}' as date)"


def _snapshot_sql(prefix: str, as_of: date, lookback_days: int, float_type: str) -> list[str]:
    """The aggregates of one snapshot: the first and last order up to as_of, the other
    features over (as_of - lookback, as_of], labels over (as_of, as_of + horizon]. Money is
    summed exactly, then returned as a float (the models' type; a driver's decimals cost
    more to read than the rest of the step)."""

    def money(condition: str, column: str) -> str:
        return f"cast(sum(case when {condition} then {column} else 0 end) as {float_type})"

    start = _literal(as_of - timedelta(days=lookback_days))
    end = _literal(as_of)
    in_lookback = f"order_date > {start} and order_date <= {end}"
    next_end = _literal(as_of + timedelta(days=HORIZON_DAYS))
    in_horizon = f"order_date > {end} and order_date <= {next_end}"
    ever = f"order_date <= {end}"
    columns = [
        f"min(case when is_order and {ever} then order_date end) as {prefix}first_order_date",
        f"max(case when is_order and {ever} then order_date end) as {prefix}last_order_date",
        f"sum(case when is_order and {in_lookback} then 1 else 0 end) as {prefix}orders",
        f"{money(in_lookback, 'net_sales')} as {prefix}net_sales",
        f"{money(in_lookback, 'gross_sales')} as {prefix}gross_sales",
        f"{money(in_lookback, 'returns')} as {prefix}returns",
    ]
    for days in WINDOWS:
        since = _literal(as_of - timedelta(days=min(days, lookback_days)))
        window = f"order_date > {since} and order_date <= {end}"
        columns += [
            f"sum(case when is_order and {window} then 1 else 0 end) as {prefix}orders_{days}d",
            f"{money(window, 'net_sales')} as {prefix}net_sales_{days}d",
        ]
    columns += [
        f"sum(case when is_order and {in_horizon} then 1 else 0 end) as {prefix}next_orders",
        f"{money(in_horizon, 'net_sales')} as {prefix}next_net_sales",
    ]
    return columns


def features_sql(orders: str, dates: Dates, float_type: str = "double") -> str:
    """One scan of `orders` (a relation or subquery with customer_id, order_date, is_order,
    net_sales, gross_sales, returns; guests already out): per customer with an order in the
    scoring snapshot's history or horizon, both snapshots' columns. float_type: the engine's
    name of a double (PostgreSQL and Redshift: double precision)."""
    columns = [
        *_snapshot_sql("train_", dates.train_as_of, dates.lookback_days, float_type),
        *_snapshot_sql("score_", dates.cutoff, dates.lookback_days, float_type),
    ]
    select = ",\n    ".join(columns)
    return (
        f"select\n    customer_id,\n    {select}\nfrom {orders}\n"
        f"where order_date <= {_literal(dates.score_until)}\ngroup by customer_id\n"
        "order by customer_id"
    )


def fct_orders_sql(relation: str) -> str:
    """The orders of known customers in fct_orders, as features_sql reads them."""
    return (
        "(select customer_id, order_date, is_order, net_sales, gross_sales, returns "
        f"from {relation} where not is_guest) as customer_orders"
    )


@dataclass(frozen=True)
class Snapshot:
    """The customers of one snapshot: their features and what they did in the horizon."""

    as_of: date
    customer_ids: list[str]
    features: npt.NDArray[np.float64]  # one row per customer, FEATURES' columns
    next_orders: npt.NDArray[np.float64]  # orders in the horizon after as_of
    next_net_sales: npt.NDArray[np.float64]  # net sales in the horizon (returns negative)
    last_order_days: list[int]  # days from the last order to as_of (recency_days uncapped)

    def __len__(self) -> int:
        return len(self.customer_ids)

    def column(self, name: str) -> npt.NDArray[np.float64]:
        """One feature of every customer."""
        return self.features[:, FEATURES.index(name)]

    @property
    def bought_again(self) -> npt.NDArray[np.bool_]:
        """Whether each customer ordered in the horizon."""
        return self.next_orders > 0

    def take(self, rows: npt.NDArray[np.intp]) -> Snapshot:
        """The customers at these row positions, in that order."""
        return Snapshot(
            self.as_of,
            [self.customer_ids[i] for i in rows],
            self.features[rows],
            self.next_orders[rows],
            self.next_net_sales[rows],
            [self.last_order_days[i] for i in rows],
        )


@dataclass(frozen=True)
class Dataset:
    """The training and the scoring snapshot of one cut-off."""

    dates: Dates
    train: Snapshot
    score: Snapshot


def _numbers(values: Any) -> npt.NDArray[np.float64]:
    """A column of SQL numbers (float, int, Decimal; None or masked as 0) as floats."""
    if isinstance(values, np.ndarray) and values.dtype.kind in "biuf":
        return np.ma.filled(values.astype(np.float64), 0.0)
    try:
        return np.asarray(values, dtype=np.float64)
    except (TypeError, ValueError):  # a null, or text from a driver
        return np.array([0.0 if v is None else float(str(v)) for v in values], dtype=np.float64)


def _days(values: Any) -> npt.NDArray[np.datetime64]:
    """A column of SQL dates (date, datetime, ISO text; None or masked as NaT) as numpy days."""
    if isinstance(values, np.ndarray) and values.dtype.kind == "M":
        return np.ma.filled(values.astype("datetime64[D]"), np.datetime64("NaT"))
    return np.array([None if v is None else str(v)[:10] for v in values], dtype="datetime64[D]")


def _snapshot(columns: dict[str, Any], prefix: str, as_of: date, lookback_days: int) -> Snapshot:
    """The customers with an order up to the snapshot's day, as a Snapshot (column-wise)."""
    last = _days(columns[f"{prefix}last_order_date"])
    first = _days(columns[f"{prefix}first_order_date"])
    known = ~(np.isnat(last) | np.isnat(first))  # no order yet (or only credit notes): out
    day = np.datetime64(as_of, "D")
    since_last = (day - last[known]).astype(np.int64)
    tenure = np.minimum((day - first[known]).astype(np.int64), lookback_days).astype(np.float64)

    def number(name: str) -> npt.NDArray[np.float64]:
        return _numbers(columns[f"{prefix}{name}"])[known]

    orders, net, gross = number("orders"), number("net_sales"), number("gross_sales")
    windows = [number(f"{kind}_{days}d") for days in WINDOWS for kind in ("orders", "net_sales")]
    with np.errstate(divide="ignore", invalid="ignore"):
        per_order = np.where(orders > 0, net / orders, 0.0)
        return_share = np.where(gross > 0, number("returns") / gross, 0.0)
    features = np.column_stack(
        [
            np.minimum(since_last, lookback_days).astype(np.float64),
            tenure,
            orders,
            net,
            *windows,
            per_order,
            30.0 * orders / (tenure + 30.0),
            return_share,
        ]
    ).reshape(int(known.sum()), len(FEATURES))
    ids = [str(c) for c in np.asarray(columns["customer_id"], dtype=object)[known]]
    return Snapshot(
        as_of,
        ids,
        features,
        number("next_orders"),
        number("next_net_sales"),
        [int(d) for d in since_last],
    )


def dataset_from_columns(columns: dict[str, Any], dates: Dates) -> Dataset:
    """Both snapshots from the columns of features_sql (by name)."""
    return Dataset(
        dates,
        _snapshot(columns, "train_", dates.train_as_of, dates.lookback_days),
        _snapshot(columns, "score_", dates.cutoff, dates.lookback_days),
    )


def load_dataset(
    query_columns: ColumnsFunction, orders: str, dates: Dates, float_type: str = "double"
) -> Dataset:
    """Run features_sql through `query_columns` (Warehouse.query_columns' signature) and read
    both snapshots."""
    _, columns = query_columns(features_sql(orders, dates, float_type))
    return dataset_from_columns(columns, dates)
