"""Overview: revenue today / last 7 / last 30 days against the period before, the selected
period's totals, and the revenue trend."""

from __future__ import annotations

import altair as alt
import streamlit as st

from dashboard import metrics, ui

ctx = ui.context()
warehouse, filters = ctx.warehouse, ctx.filters
today = ctx.bounds.last_date

st.title("Overview")
st.caption(
    f"Today = {today}, the latest sales date in the data (the sample is historical). "
    f"Categories: {', '.join(filters.categories) or 'all'}."
)


periods = metrics.overview_periods(today, filters)
totals = metrics.totals(warehouse, periods)

st.subheader("Revenue")
cards = st.columns(3)
for card, (label, now, previous, days) in zip(
    cards,
    [
        ("Revenue today", "today", "day_before", 1),
        ("Revenue last 7 days", "week", "week_before", 7),
        ("Revenue last 30 days", "month", "month_before", 30),
    ],
    strict=True,
):
    card.metric(
        label,
        ui.money(totals[now].revenue),
        delta=ui.change(totals[now].revenue, totals[previous].revenue),
        help=f"{periods[now].start} to {periods[now].end}, against the {days} day(s) before.",
        border=True,
    )

current, before = totals["range"], totals["range_before"]
st.subheader("Selected period")
st.caption(
    f"{ui.filters_caption(filters)}; change against {filters.previous().start} to "
    f"{filters.previous().end}."
)
cards4 = st.columns(4)
cards4[0].metric(
    "Revenue",
    ui.money(current.revenue),
    delta=ui.change(current.revenue, before.revenue),
    border=True,
)
cards4[1].metric(
    "Transactions",
    ui.count(current.transactions),
    delta=ui.change(current.transactions, before.transactions),
    border=True,
)
cards4[2].metric(
    "Average order value",
    ui.money(current.avg_order_value),
    delta=ui.change(current.avg_order_value, before.avg_order_value),
    border=True,
)
cards4[3].metric(
    "Unique customers",
    ui.count(current.customers),
    delta=ui.change(current.customers, before.customers),
    border=True,
)

st.subheader("Revenue trend")
days = st.radio(
    "Window", [30, 90, 365], horizontal=True, key="trend_days", format_func=lambda d: f"{d} days"
)
trend = metrics.revenue_trend(warehouse, today, int(days or 30), filters.categories)
if trend.empty:
    st.info("No sales in this window.")
else:
    st.altair_chart(
        alt.Chart(trend)
        .mark_line(point=True)
        .encode(
            x=alt.X("sales_date:T", title="Date"),
            y=alt.Y("revenue:Q", title="Revenue"),
            tooltip=[
                alt.Tooltip("sales_date:T", title="Date"),
                alt.Tooltip("revenue:Q", title="Revenue", format=",.2f"),
                alt.Tooltip("transactions:Q", title="Transactions", format=","),
            ],
        ),
        width="stretch",
    )
    st.caption(
        f"Daily revenue of the last {days} days up to today "
        f"({len(trend)} days with sales; the sample starts {ctx.bounds.first_date})."
    )
