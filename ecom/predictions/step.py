"""The prediction step of `ecom run`: train on the built fct_orders, score every known customer,
replace the scores (ecom.predictions.store). Runs on any target, through the warehouse module.

A warehouse whose history cannot teach the models (less than twice the horizon of sales, or
too few customers who came back, or who did not, in the training horizon) is not scored: the
step says why in one line, the previous scores (if any) stay, and the run goes on.
"""

from __future__ import annotations

import importlib
import threading
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum

from ecom.predictions.features import (
    FEATURES,
    HORIZON_DAYS,
    Dataset,
    dates_for,
    fct_orders_sql,
    load_dataset,
)
from ecom.predictions.store import ScoreRows, relation_of, write_scores
from ecom.settings import Settings
from ecom.warehouse import Warehouse, WarehouseError

MIN_HISTORY_DAYS = 2 * HORIZON_DAYS  # a training horizon, and as much history before it
# The training snapshot needs customers of both outcomes to learn from.
MIN_TRAINING_CUSTOMERS = 100
MIN_OF_EACH_OUTCOME = 20


class PredictionStatus(StrEnum):
    """What the step did."""

    SCORED = "scored"
    NOT_SCORED = "not_scored"


@dataclass(frozen=True)
class PredictionOutcome:
    """The step's result, for the run's output."""

    status: PredictionStatus
    message: str  # one line for people
    summary: str  # a shorter one, for the run's summary
    customers: int = 0
    train_seconds: float = 0.0


def start_loading_models(warehouse: Warehouse) -> None:
    """Import the models' modules (scikit-learn: seconds of CPU, much of the step on a small
    shop) in a background thread, so that it happens while dbt builds in its own process;
    the step's own import then finds them loaded (or waits for the thread). On DuckDB only
    when the last build's history is long enough to score (a look at the file costs nothing,
    and runs that cannot score, such as the tests' small samples, then pay nothing); on the
    other targets always (a query there would cost a round trip)."""
    if warehouse.kind == "duckdb":
        try:
            _, rows = warehouse.query(
                f"select min(order_date), max(order_date) from {warehouse.relation('fct_orders')}"
            )
        except WarehouseError:  # nothing built yet
            return
        first, last = (_date(v) for v in rows[0]) if rows else (None, None)
        if first is None or last is None or (last - first).days + 1 < MIN_HISTORY_DAYS:
            return
    threading.Thread(
        target=importlib.import_module,
        args=("ecom.predictions.model",),
        name="import scikit-learn",
        daemon=True,
    ).start()


def _date(value: object) -> date | None:
    """A date from a driver value (date, datetime or ISO text), None for null."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _previous_scores(warehouse: Warehouse) -> str:
    """What a run that does not score leaves: the scores of an earlier run, or none."""
    try:
        _, rows = warehouse.query(f"select count(*), max(as_of_date) from {relation_of(warehouse)}")
    except WarehouseError:  # no scores table yet: nothing was ever scored
        return "no scores yet"
    count, as_of = rows[0] if rows else (0, None)
    if not count:
        return "no scores yet"
    return f"the scores as of {_date(as_of)} ({int(str(count)):,} customers) are kept"


def _not_scored(warehouse: Warehouse, reason: str) -> PredictionOutcome:
    kept = _previous_scores(warehouse)
    return PredictionOutcome(
        PredictionStatus.NOT_SCORED,
        f"customer predictions not scored: {reason}; {kept}",
        f"not scored ({kept}); see the run's output for why",
    )


def _training_problem(dataset: Dataset) -> str | None:
    """Why the training snapshot cannot teach the models, or None."""
    train = dataset.train
    came_back = int(train.bought_again.sum())
    did_not = len(train) - came_back
    cutoff, since = dataset.dates.cutoff, dataset.dates.train_as_of
    if len(train) < MIN_TRAINING_CUSTOMERS:
        return (
            f"{len(train)} known customers had ordered by {since}, fewer than the "
            f"{MIN_TRAINING_CUSTOMERS} the models need to learn from"
        )
    if came_back < MIN_OF_EACH_OUTCOME or did_not < MIN_OF_EACH_OUTCOME:
        return (
            f"of the {len(train):,} customers who had ordered by {since}, {came_back:,} ordered "
            f"again by {cutoff} and {did_not:,} did not; the models need at least "
            f"{MIN_OF_EACH_OUTCOME} of each"
        )
    return None


def _learned_from(customers: int, most: int) -> str:
    """Whom the models learned from: every customer of the training snapshot, or a sample."""
    if customers <= most:
        return f"{customers:,} customers"
    return f"{most:,} of {customers:,} customers (a random sample)"


def predict_customers(settings: Settings, warehouse: Warehouse) -> PredictionOutcome:
    """Train on fct_orders up to its last sales date, score every known customer who has
    ordered, and replace the scores; NOT_SCORED with the reason when the history is too
    short or too thin."""
    orders = warehouse.relation("fct_orders")
    _, rows = warehouse.query(f"select min(order_date), max(order_date) from {orders}")
    first, last = (_date(v) for v in rows[0]) if rows else (None, None)
    if first is None or last is None:
        return _not_scored(warehouse, "fct_orders has no orders yet")
    history = (last - first).days + 1
    if history < MIN_HISTORY_DAYS:
        return _not_scored(
            warehouse,
            f"{history} days of sales ({first} .. {last}), fewer than the {MIN_HISTORY_DAYS} "
            f"needed (a {HORIZON_DAYS}-day horizon to learn from and as much history before it)",
        )
    dates = dates_for(first, last)
    doubles = "double precision" if warehouse.kind in ("postgres", "redshift") else "double"
    dataset = load_dataset(warehouse.query_columns, fct_orders_sql(orders), dates, doubles)
    problem = _training_problem(dataset)
    if problem is not None:
        return _not_scored(warehouse, problem)
    # scikit-learn: only to score
    from ecom.predictions.model import MAX_TRAINING_CUSTOMERS, MODEL_VERSION, train

    started = time.monotonic()
    models = train(dataset.train)
    scores = models.score(dataset.score)
    seconds = time.monotonic() - started
    snapshot = dataset.score
    recency = snapshot.last_order_days
    rows_out = ScoreRows(
        customer_id=snapshot.customer_ids,
        risk_band=scores.risk_band,
        model_version=MODEL_VERSION,
        buy_probability=scores.buy_probability,
        expected_orders=scores.expected_orders,
        expected_net_sales=scores.expected_net_sales,
        orders_last_90_days=snapshot.column(f"orders_{HORIZON_DAYS}d"),
        net_sales_last_90_days=snapshot.column(f"net_sales_{HORIZON_DAYS}d"),
        days_since_last_order=recency,
        horizon_days=HORIZON_DAYS,
        last_order_date=[last - timedelta(days=days) for days in recency],
        as_of_date=last,
        training_cutoff_date=dates.cutoff,
        scored_at=datetime.now(UTC),
    )
    where = write_scores(settings, warehouse, rows_out)
    high = sum(1 for band in rows_out.risk_band if band == "high")
    return PredictionOutcome(
        PredictionStatus.SCORED,
        f"customer predictions: {len(rows_out):,} customers scored as of {last} (trained "
        f"on what {_learned_from(len(dataset.train), MAX_TRAINING_CUSTOMERS)} did from "
        f"{dates.train_as_of + timedelta(1)} "
        f"to {last}, {len(FEATURES)} features, {seconds:.1f}s); {high:,} at high churn risk, "
        f"{float(scores.expected_net_sales.sum()):,.2f} net sales expected in the next "
        f"{HORIZON_DAYS} days; {where}",
        f"{len(rows_out):,} customers scored as of {last} ({high:,} at high churn risk): "
        "rpt_customer_predictions",
        customers=len(rows_out),
        train_seconds=seconds,
    )
