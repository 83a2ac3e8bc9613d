"""The models: gradient-boosted trees (scikit-learn) on the features of ecom.predictions.features.

Three models learn from the training snapshot (features as of the cut-off minus 90 days, what
each customer did in the 90 days up to the cut-off) and score the scoring snapshot:

* whether a customer orders again in the next 90 days: a classifier (log loss), whose
  probability is the buy-again probability;
* how many orders: a Poisson regressor (counts);
* their net sales: a least-squares regressor, so the prediction is the expected net value
  (returns count: a customer's value may be negative).

Hyperparameters are fixed here, chosen before any backtest window was seen, and never fitted
to one; early stopping holds out a tenth of the training customers, with a fixed seed, so the
same data gives the same scores.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import sklearn
from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor
from threadpoolctl import threadpool_limits

from ecom.predictions.features import Snapshot
from ingest.errors import EcomError

# Bump when the features, labels or hyperparameters change: every score row carries it.
MODEL_REVISION = 2
MODEL_VERSION = f"rfm-gbm-{MODEL_REVISION} (scikit-learn {sklearn.__version__})"
SEED = 0
# One OpenMP thread: the trees' parallel loops synchronise all their threads at every step,
# so on a machine whose cores are busy with anything else (two dbt runs, a test suite) two
# threads took many times as long as one.
THREADS = 1
SCORING_THREADS = os.cpu_count() or 1
# The models learn from at most this many customers of the training snapshot, drawn at random
# with a fixed seed: trees on 15 features learn no better from more, and the training's time
# then stops growing with the shop (scoring still covers every customer).
MAX_TRAINING_CUSTOMERS = 50_000
# A customer's buy-again probability below HIGH_RISK_BELOW is high churn risk, below
# MEDIUM_RISK_BELOW medium, else low.
HIGH_RISK_BELOW, MEDIUM_RISK_BELOW = 0.3, 0.6
RISK_BANDS = ("high", "medium", "low")

_TREES: dict[str, Any] = {
    "learning_rate": 0.05,
    "max_iter": 300,
    "max_leaf_nodes": 15,
    "min_samples_leaf": 40,
    "l2_regularization": 1.0,
    "early_stopping": True,
    "validation_fraction": 0.1,
    "n_iter_no_change": 20,
    "random_state": SEED,
}


class CannotTrainError(EcomError):
    """The training snapshot cannot teach the models (e.g. nobody, or everybody, came back)."""


@dataclass(frozen=True)
class Scores:
    """The predictions for the customers of a snapshot, in its order."""

    buy_probability: npt.NDArray[np.float64]
    expected_orders: npt.NDArray[np.float64]
    expected_net_sales: npt.NDArray[np.float64]

    @property
    def risk_band(self) -> list[str]:
        """high, medium or low churn risk per customer (HIGH_RISK_BELOW, MEDIUM_RISK_BELOW)."""
        return [risk_band(p) for p in self.buy_probability]


def risk_band(probability: float) -> str:
    """The churn-risk band of a buy-again probability."""
    if probability < HIGH_RISK_BELOW:
        return "high"
    return "medium" if probability < MEDIUM_RISK_BELOW else "low"


@dataclass(frozen=True)
class Models:
    """The three fitted models."""

    buy_again: HistGradientBoostingClassifier
    orders: HistGradientBoostingRegressor
    net_sales: HistGradientBoostingRegressor

    def score(self, snapshot: Snapshot) -> Scores:
        """Predictions for every customer of the snapshot. The expected orders are at least
        the buy-again probability: one who buys orders at least once."""
        if len(snapshot) == 0:
            empty = np.zeros(0, dtype=np.float64)
            return Scores(empty, empty, empty)
        # every core: unlike training, scoring synchronises its threads once per tree
        with threadpool_limits(limits=SCORING_THREADS):
            probability = self.buy_again.predict_proba(snapshot.features)[:, 1]
            orders = np.maximum(self.orders.predict(snapshot.features), probability)
            value = self.net_sales.predict(snapshot.features)
        return Scores(
            probability.astype(np.float64), orders.astype(np.float64), value.astype(np.float64)
        )


def training_sample(snapshot: Snapshot) -> Snapshot:
    """The snapshot, or MAX_TRAINING_CUSTOMERS of its customers drawn at random (fixed seed,
    kept in the snapshot's order) when it has more."""
    if len(snapshot) <= MAX_TRAINING_CUSTOMERS:
        return snapshot
    rows = np.random.default_rng(SEED).choice(len(snapshot), MAX_TRAINING_CUSTOMERS, replace=False)
    return snapshot.take(np.sort(rows))


def train(snapshot: Snapshot) -> Models:
    """Fit the three models on a training snapshot (training_sample of it); CannotTrainError
    when it has only one outcome (nobody or everybody ordered again)."""
    snapshot = training_sample(snapshot)
    bought = snapshot.bought_again
    if len(snapshot) == 0 or bought.all() or not bought.any():
        raise CannotTrainError(
            f"{int(bought.sum())} of {len(snapshot)} customers ordered again in the training "
            "horizon: a model needs both outcomes"
        )
    with threadpool_limits(limits=THREADS):
        buy_again = HistGradientBoostingClassifier(**_TREES).fit(snapshot.features, bought)
        orders = HistGradientBoostingRegressor(loss="poisson", **_TREES).fit(
            snapshot.features, snapshot.next_orders
        )
        net_sales = HistGradientBoostingRegressor(loss="squared_error", **_TREES).fit(
            snapshot.features, snapshot.next_net_sales
        )
    return Models(buy_again, orders, net_sales)
