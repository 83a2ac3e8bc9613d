"""How good the predictions of a cut-off were, against what happened after it.

The buy-again probability is judged by its AUC (how well it ranks those who came back above
those who did not) and its calibration (the mean probability and the share who came back, by
decile of the probability); the predicted net value by its mean absolute error per customer
and its total against the actual total. The naive baseline beside it: each customer does
again what they did in the 90 days before the cut-off (came back if they ordered then, with
the same orders and the same net sales).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from ecom.predictions.features import HORIZON_DAYS, Snapshot
from ecom.predictions.model import Scores

DECILES = 10


@dataclass(frozen=True)
class Decile:
    """One tenth of the customers, by predicted probability (1: the lowest)."""

    decile: int
    customers: int
    mean_probability: float
    observed_rate: float


@dataclass(frozen=True)
class Evaluation:
    """One predictor's figures on one snapshot."""

    customers: int
    came_back: int  # customers who ordered in the horizon
    auc: float
    value_mae: float
    orders_mae: float
    predicted_net_sales: float
    actual_net_sales: float
    calibration: list[Decile]


def auc(labels: npt.NDArray[np.bool_], scores: npt.NDArray[np.float64]) -> float:
    """The area under the ROC curve: the chance a random customer who came back scores
    above a random one who did not (ties count half); nan without both outcomes."""
    positives = int(labels.sum())
    negatives = len(labels) - positives
    if positives == 0 or negatives == 0:
        return float("nan")
    order = np.argsort(scores, kind="mergesort")
    ranks = np.empty(len(scores), dtype=np.float64)
    sorted_scores = scores[order]
    # average ranks over ties (1-based)
    start = 0
    while start < len(sorted_scores):
        end = start
        while end + 1 < len(sorted_scores) and sorted_scores[end + 1] == sorted_scores[start]:
            end += 1
        ranks[order[start : end + 1]] = (start + end) / 2.0 + 1.0
        start = end + 1
    rank_sum = float(ranks[labels].sum())
    return (rank_sum - positives * (positives + 1) / 2.0) / (positives * negatives)


def calibration(
    labels: npt.NDArray[np.bool_], probabilities: npt.NDArray[np.float64]
) -> list[Decile]:
    """Mean probability and observed rate per decile of the probability (customers sorted by
    probability, cut into ten groups as equal as can be; ties may straddle two groups)."""
    order = np.argsort(probabilities, kind="mergesort")
    groups = np.array_split(order, DECILES)
    return [
        Decile(
            number,
            len(group),
            float(probabilities[group].mean()) if len(group) else float("nan"),
            float(labels[group].mean()) if len(group) else float("nan"),
        )
        for number, group in enumerate(groups, start=1)
    ]


def evaluate(snapshot: Snapshot, scores: Scores) -> Evaluation:
    """Scores of a snapshot against what its customers did in the horizon."""
    labels = snapshot.bought_again
    return Evaluation(
        customers=len(snapshot),
        came_back=int(labels.sum()),
        auc=auc(labels, scores.buy_probability),
        value_mae=float(np.abs(scores.expected_net_sales - snapshot.next_net_sales).mean()),
        orders_mae=float(np.abs(scores.expected_orders - snapshot.next_orders).mean()),
        predicted_net_sales=float(scores.expected_net_sales.sum()),
        actual_net_sales=float(snapshot.next_net_sales.sum()),
        calibration=calibration(labels, scores.buy_probability),
    )


def naive_scores(snapshot: Snapshot) -> Scores:
    """The naive baseline: the last 90 days again (probability 1 if the customer ordered in
    them, else 0)."""
    orders = snapshot.column(f"orders_{HORIZON_DAYS}d")
    return Scores(
        (orders > 0).astype(np.float64),
        orders.copy(),
        snapshot.column(f"net_sales_{HORIZON_DAYS}d").copy(),
    )
