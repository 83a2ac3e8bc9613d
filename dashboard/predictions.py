"""The Predictions page's reads: rpt_customer_predictions, the scores `ecom run` makes for the
next 90 days (ecom/predictions/, docs/predictions.md), through the dashboard's read pool."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pandas as pd

from dashboard.data import query, relation, require
from ecom.warehouse import Warehouse

MART = "rpt_customer_predictions"
RISK_BANDS = ("high", "medium", "low")


@dataclass(frozen=True)
class Summary:
    """The scores' totals: who was scored, when, by which models, and what is expected."""

    customers: int
    as_of_date: date
    training_cutoff_date: date
    scored_at: str
    model_version: str
    predicted_net_sales: Decimal  # the next 90 days
    net_sales_last_90_days: Decimal  # the same customers' last 90 days
    predicted_orders: Decimal
    orders_last_90_days: int
    at_risk: int
    at_risk_net_sales_last_90_days: Decimal


def _decimal(value: object) -> Decimal:
    return Decimal(str(value)) if value is not None and not pd.isna(value) else Decimal(0)


def summary(warehouse: Warehouse) -> Summary | None:
    """The totals of the latest scores; None before any run has scored."""
    require(warehouse, [MART])
    frame = query(
        warehouse,
        "select count(*) as customers, max(as_of_date) as as_of_date, "
        "max(training_cutoff_date) as training_cutoff_date, "
        "cast(max(scored_at) as varchar) as scored_at, max(model_version) as model_version, "
        "sum(expected_net_sales) as predicted_net_sales, "
        "sum(net_sales_last_90_days) as net_sales_last_90_days, "
        "sum(expected_orders) as predicted_orders, "
        "sum(orders_last_90_days) as orders_last_90_days, "
        "sum(case when is_at_risk then 1 else 0 end) as at_risk, "
        "sum(case when is_at_risk then net_sales_last_90_days else 0 end) "
        "as at_risk_net_sales_last_90_days "
        f"from {relation(warehouse, MART)}",
    )
    row = frame.iloc[0]
    if not int(row["customers"]):
        return None
    return Summary(
        customers=int(row["customers"]),
        as_of_date=pd.Timestamp(str(row["as_of_date"])).date(),
        training_cutoff_date=pd.Timestamp(str(row["training_cutoff_date"])).date(),
        scored_at=str(row["scored_at"])[:19],
        model_version=str(row["model_version"]),
        predicted_net_sales=_decimal(row["predicted_net_sales"]),
        net_sales_last_90_days=_decimal(row["net_sales_last_90_days"]),
        predicted_orders=_decimal(row["predicted_orders"]),
        orders_last_90_days=int(_decimal(row["orders_last_90_days"])),
        at_risk=int(_decimal(row["at_risk"])),
        at_risk_net_sales_last_90_days=_decimal(row["at_risk_net_sales_last_90_days"]),
    )


def by_risk_band(warehouse: Warehouse) -> pd.DataFrame:
    """Customers, the next 90 days' expected net sales and the last 90 days' net sales per
    churn-risk band, high risk first."""
    require(warehouse, [MART])
    frame = query(
        warehouse,
        "select risk_band, count(*) as customers, "
        "sum(expected_net_sales) as expected_net_sales, "
        "sum(net_sales_last_90_days) as net_sales_last_90_days "
        f"from {relation(warehouse, MART)} group by risk_band",
    )
    order = {band: n for n, band in enumerate(RISK_BANDS)}
    return frame.sort_values("risk_band", key=lambda bands: bands.map(order)).reset_index(drop=True)


def at_risk_customers(warehouse: Warehouse, limit: int = 50) -> pd.DataFrame:
    """The customers at risk (high churn risk, yet an order in the last 90 days) with the most
    net sales in the last 90 days first: the value a retention offer may keep."""
    require(warehouse, [MART])
    return query(
        warehouse,
        "select customer_id, customer_name, email, city, buy_probability, "
        "days_since_last_order, orders_last_90_days, net_sales_last_90_days, "
        "expected_net_sales "
        f"from {relation(warehouse, MART)} where is_at_risk "
        f"order by net_sales_last_90_days desc, customer_id limit {int(limit)}",
    )
