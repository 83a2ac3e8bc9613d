"""Customer predictions: who will buy again in the next 90 days, how often and for how much.

``features`` computes per-customer features and labels in SQL on any target, ``model`` trains
scikit-learn's gradient-boosted trees on them, ``store`` writes the scores where dbt's
rpt_customer_predictions reads them, ``step`` is the step of `ecom run`, ``evaluate`` and
``backtest`` measure the predictions against what happened (docs/predictions.md).
"""
