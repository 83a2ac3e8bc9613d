"""Predictions: what the known customers are expected to do in the next 90 days against their
last 90, the churn-risk bands, and the customers at risk with the value they brought."""

from __future__ import annotations

import altair as alt
import streamlit as st

from dashboard import predictions, ui

ctx = ui.context()
warehouse = ctx.warehouse

st.title("Predictions")
scores = predictions.summary(warehouse)
if scores is None:
    st.info(
        "No predictions yet. `ecom run` scores the customers after each build once the shop "
        "has at least 180 days of sales (90 days to learn from and 90 before them); each run "
        "says in one line why it did not score."
    )
    st.stop()

st.caption(
    f"Scores as of {scores.as_of_date}, the latest sales date, for the next 90 days; made "
    f"{scores.scored_at} UTC by {scores.model_version}, trained on what customers did up to "
    f"{scores.training_cutoff_date}. Known customers only: guests have no customer to follow. "
    "Net sales deduct returns. How they are made and how good they were: docs/predictions.md."
)

cards = st.columns(4)
cards[0].metric(
    "Predicted revenue, next 90 days",
    ui.money(scores.predicted_net_sales),
    delta=ui.change(scores.predicted_net_sales, scores.net_sales_last_90_days),
    help=f"Against the same customers' last 90 days: {ui.money(scores.net_sales_last_90_days)}",
    border=True,
)
cards[1].metric(
    "Expected orders, next 90 days",
    ui.count(round(scores.predicted_orders)),
    delta=ui.change(scores.predicted_orders, scores.orders_last_90_days),
    help=f"Against their last 90 days: {ui.count(scores.orders_last_90_days)} orders",
    border=True,
)
cards[2].metric(
    "Customers at risk",
    ui.count(scores.at_risk),
    help="High churn risk (buy-again probability below 30%), yet an order in the last 90 days",
    border=True,
)
cards[3].metric(
    "Their net sales, last 90 days",
    ui.money(scores.at_risk_net_sales_last_90_days),
    help="What the customers at risk spent in the last 90 days: the value at stake",
    border=True,
)

st.subheader("Next 90 days against the last 90, by churn risk")
bands = predictions.by_risk_band(warehouse)
st.caption(
    f"{ui.count(scores.customers)} customers scored. Risk is the chance of no order in the "
    "next 90 days: high below a 30% buy-again probability, medium below 60%, low above."
)
long = bands.melt(
    id_vars=["risk_band"],
    value_vars=["net_sales_last_90_days", "expected_net_sales"],
    var_name="period",
    value_name="net_sales",
)
long["period"] = long["period"].map(
    {"net_sales_last_90_days": "last 90 days", "expected_net_sales": "next 90 days (predicted)"}
)
long["net_sales"] = long["net_sales"].astype(float)
long = ui.with_money_text(long, "net_sales")
st.altair_chart(
    alt.Chart(long)
    .mark_bar()
    .encode(
        x=alt.X("net_sales:Q", axis=ui.money_axis("Net sales")),
        y=alt.Y("risk_band:N", sort=list(predictions.RISK_BANDS), title="Churn risk"),
        yOffset=alt.YOffset("period:N", sort=["last 90 days", "next 90 days (predicted)"]),
        color=alt.Color("period:N", title=None, legend=alt.Legend(orient="bottom")),
        tooltip=ui.tooltips("risk_band:N", "period:N", "net_sales:Q"),
    ),
    width="stretch",
)
ui.table(bands)

st.subheader("Customers at risk")
st.caption(
    "Ordered in the last 90 days but unlikely to order in the next 90; the 50 who spent the "
    "most in the last 90 days first."
)
at_risk = predictions.at_risk_customers(warehouse)
if at_risk.empty:
    st.info(
        "No customer is at risk: every customer who ordered in the last 90 days is likely to "
        "order again."
    )
else:
    ui.table(at_risk, wide=["customer_name", "email"])
