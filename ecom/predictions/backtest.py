"""`make backtest` (`python -m ecom.predictions.backtest`): the predictions of a cut-off 90 days
before the last date, against what happened in those 90 days, next to the naive baseline.

For each data set: the cut-off is the last date minus 90 days; the models learn exactly as
`ecom run` does on the history up to the cut-off (features as of the cut-off minus 90 days,
what customers did in the 90 days to the cut-off), score the customers as of the cut-off, and
are judged on the 90 days after it (ecom.predictions.evaluate). Nothing after the cut-off is
seen before the scores are made, and nothing here is tuned to it.

Two data sets:

* the sample, built by `ecom run` from the generator (365 days, 400,000 sales lines, seed 42)
  in data/backtest/, then read from its fct_orders through the warehouse module, as the daily
  step reads it;
* CDNOW, a real retailer's purchases (tests/data/real/cdnow/, README there), a customer's
  purchases of a day being one order.

The figures go to stdout and, with --out, to a Markdown file (docs/backtest.md).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import numpy as np

from ecom.predictions.evaluate import Evaluation, evaluate, naive_scores
from ecom.predictions.features import (
    HORIZON_DAYS,
    ColumnsFunction,
    dates_for,
    fct_orders_sql,
    load_dataset,
)
from ecom.predictions.model import MODEL_VERSION, train
from ecom.settings import isolated_environ
from ecom.warehouse import Warehouse, in_memory_duckdb

REPO = Path(__file__).resolve().parents[2]
CDNOW = REPO / "tests" / "data" / "real" / "cdnow" / "CDNOW_master.txt"
SAMPLE_ARGS = ("--rows", "400000", "--days", "365", "--end-date", "2026-11-20", "--seed", "42")


@dataclass(frozen=True)
class Backtest:
    """One data set's backtest: its dates, the model's and the baseline's figures."""

    name: str
    source: str
    first_day: date
    last_day: date
    cutoff: date
    trained_on: int  # customers in the training snapshot
    train_seconds: float
    model: Evaluation
    naive: Evaluation


def run_backtest(name: str, source: str, query_columns: ColumnsFunction, orders: str) -> Backtest:
    """Train as of last date - 90 days on `orders` (features_sql's input) and evaluate."""
    _, bounds = query_columns(
        f"select min(order_date) as first_day, max(order_date) as last_day from {orders}"
    )
    first, last = (_as_date(bounds[name][0]) for name in ("first_day", "last_day"))
    cutoff = last - timedelta(days=HORIZON_DAYS)
    dataset = load_dataset(query_columns, orders, dates_for(first, cutoff))
    started = time.monotonic()
    models = train(dataset.train)
    scores = models.score(dataset.score)
    seconds = time.monotonic() - started
    return Backtest(
        name,
        source,
        first,
        last,
        cutoff,
        len(dataset.train),
        seconds,
        evaluate(dataset.score, scores),
        evaluate(dataset.score, naive_scores(dataset.score)),
    )


def _as_date(value: Any) -> date:
    if isinstance(value, np.datetime64):
        return date.fromisoformat(str(value.astype("datetime64[D]")))
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def duckdb_query_columns(connection: duckdb.DuckDBPyConnection) -> ColumnsFunction:
    """Warehouse.query_columns' signature over a DuckDB connection."""

    def query_columns(sql: str) -> tuple[list[str], dict[str, Any]]:
        cursor = connection.execute(sql)
        names = [str(d[0]) for d in cursor.description or []]
        return names, dict(zip(names, cursor.fetchnumpy().values(), strict=True))

    return query_columns


def load_cdnow(path: Path, connection: duckdb.DuckDBPyConnection) -> str:
    """CDNOW's purchases as a table `cdnow_orders` in features_sql's columns (a customer's
    purchases of one day are one order); returns its name."""
    by_day: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    lines = path.read_text(encoding="ascii").splitlines()
    for line in lines[1:]:
        if not line.strip():
            continue
        customer, day, _cds, dollars = line.split()
        by_day[(customer, day)] += Decimal(dollars)
    keys = sorted(by_day)
    connection.register(
        "cdnow_days",
        {
            "customer_id": np.array([c for c, _ in keys], dtype=object),
            "day": np.array([f"{d[:4]}-{d[4:6]}-{d[6:]}" for _, d in keys], dtype=object),
            "dollars": np.array([str(by_day[k]) for k in keys], dtype=object),
        },
    )
    connection.execute(
        "create table cdnow_orders as select customer_id, cast(day as date) as order_date, "
        "true as is_order, cast(dollars as decimal(18,2)) as net_sales, "
        "cast(dollars as decimal(18,2)) as gross_sales, cast(0 as decimal(18,2)) as returns "
        "from cdnow_days"
    )
    return "cdnow_orders"


def sample_backtest(root: Path) -> Backtest:
    """Build the sample with `ecom run` in `root` (a warehouse there is reused) and backtest
    its fct_orders."""
    env = isolated_environ(root, REPO)
    warehouse_file = Path(env["ECOM_DUCKDB_PATH"])
    if not warehouse_file.exists():
        warehouse_file.parent.mkdir(parents=True, exist_ok=True)
        print(f"building the sample with ecom run into {root} ...", file=sys.stderr, flush=True)
        ecom = str(Path(sys.executable).parent / "ecom")
        subprocess.run(
            [ecom, "run", *SAMPLE_ARGS, "--no-docs"],
            cwd=REPO,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    warehouse = Warehouse.for_target("duckdb", REPO, env)
    orders = fct_orders_sql(warehouse.relation("fct_orders"))
    return run_backtest(
        "sample", f"`ecom run {' '.join(SAMPLE_ARGS)}`", warehouse.query_columns, orders
    )


def cdnow_backtest(path: Path = CDNOW) -> Backtest:
    """The backtest of CDNOW's purchases, in an in-memory DuckDB."""
    with in_memory_duckdb() as connection:
        orders = load_cdnow(path, connection)
        return run_backtest(
            "CDNOW",
            "tests/data/real/cdnow/CDNOW_master.txt",
            duckdb_query_columns(connection),
            orders,
        )


def _money(value: float) -> str:
    return f"{value:,.2f}"


def report(backtests: list[Backtest]) -> str:
    """The figures as Markdown."""
    lines = [
        "# Backtest of the customer predictions",
        "",
        "Written by `make backtest` (`python -m ecom.predictions.backtest --out "
        "docs/backtest.md`); docs/predictions.md explains the method. Models: "
        f"{MODEL_VERSION}. Cut-off: the last date minus {HORIZON_DAYS} days; the models learn "
        "from the history up to it and are judged on the 90 days after it. Naive baseline: "
        "each customer does again what they did in the 90 days before the cut-off.",
        "",
        "| data set | history | cut-off | customers scored | came back | AUC model | AUC naive "
        "| value MAE model | value MAE naive | orders MAE model | orders MAE naive "
        "| net sales predicted (model) | predicted (naive) | actual |",
        "|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for b in backtests:
        lines.append(
            f"| {b.name} | {b.first_day} .. {b.last_day} | {b.cutoff} | {b.model.customers:,} "
            f"| {b.model.came_back:,} | **{b.model.auc:.3f}** | {b.naive.auc:.3f} "
            f"| **{_money(b.model.value_mae)}** | {_money(b.naive.value_mae)} "
            f"| {b.model.orders_mae:.3f} | {b.naive.orders_mae:.3f} "
            f"| {_money(b.model.predicted_net_sales)} | {_money(b.naive.predicted_net_sales)} "
            f"| {_money(b.model.actual_net_sales)} |"
        )
    for b in backtests:
        lines += [
            "",
            f"## {b.name}",
            "",
            f"Source: {b.source}. Trained on {b.trained_on:,} customers (features as of "
            f"{b.cutoff - timedelta(days=HORIZON_DAYS)}, what they did up to {b.cutoff}); "
            f"scored {b.model.customers:,} customers as of {b.cutoff}, "
            f"of whom {b.model.came_back:,} ({b.model.came_back / b.model.customers:.1%}) "
            f"ordered again by {b.last_day}.",
            "",
            "Calibration: customers by decile of the predicted probability (1 = lowest), the "
            "mean probability against the share who ordered again.",
            "",
            "| decile | customers | mean probability | ordered again |",
            "|--:|--:|--:|--:|",
        ]
        lines += [
            f"| {d.decile} | {d.customers:,} | {d.mean_probability:.3f} | {d.observed_rate:.3f} |"
            for d in b.model.calibration
        ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Backtest the sample and CDNOW; print the report (and write it with --out)."""
    parser = argparse.ArgumentParser(
        prog="python -m ecom.predictions.backtest", description=__doc__
    )
    parser.add_argument(
        "--sample-root",
        type=Path,
        default=REPO / "data" / "backtest",
        help="where the sample is built (a warehouse there is reused; default data/backtest)",
    )
    parser.add_argument("--no-sample", action="store_true", help="skip the sample")
    parser.add_argument("--no-cdnow", action="store_true", help="skip CDNOW")
    parser.add_argument("--out", type=Path, help="write the Markdown report here too")
    args = parser.parse_args(argv)
    backtests = []
    if not args.no_sample:
        backtests.append(sample_backtest(args.sample_root.resolve()))
    if not args.no_cdnow:
        backtests.append(cdnow_backtest())
    text = report(backtests)
    print(text, end="")
    for b in backtests:
        print(f"backtest: {b.name}: trained and scored in {b.train_seconds:.1f} s", file=sys.stderr)
    if args.out is not None:
        args.out.write_text(text)
    beaten = all(
        b.model.auc > b.naive.auc and b.model.value_mae < b.naive.value_mae for b in backtests
    )
    if not beaten:
        print(
            "backtest: the model does not beat the naive baseline on every data set",
            file=sys.stderr,
        )
    return 0 if beaten else 1


if __name__ == "__main__":
    sys.exit(main())
