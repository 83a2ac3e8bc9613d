"""Activity: the latest transactions and when people buy (weekday x hour)."""

from __future__ import annotations

import altair as alt
import streamlit as st

from dashboard import metrics, ui

ctx = ui.context()
warehouse, filters = ctx.warehouse, ctx.filters

st.title("Activity")

st.subheader("Recent transactions")
recent = metrics.recent_transactions(warehouse, filters.categories)
st.caption(
    f"The latest transactions up to today ({ctx.bounds.last_date}), newest first, at most 500; "
    f"categories: {', '.join(filters.categories) or 'all'} (the date range does not apply). "
    "The customer is shown as they were at the time of the sale."
)
if recent.empty:
    st.info("No recent transactions for these categories.")
else:
    ui.table(recent, height=360)

st.subheader("When people buy")
measure = st.radio(
    "Measure",
    ["transactions", "revenue"],
    horizontal=True,
    key="heatmap_measure",
    format_func=lambda m: str(m).capitalize(),
)
heat = metrics.weekday_hour(warehouse, filters)
st.caption(f"Weekday x hour of day (UTC), {ui.filters_caption(filters)}.")
if heat.empty:
    st.info("No sales in the selected period and categories.")
else:
    days = list(heat.sort_values("day_of_week")["day_name"].drop_duplicates())
    legend = (
        alt.Legend(title="Revenue", labelExpr=ui.money_axis("").labelExpr)
        if measure == "revenue"
        else alt.Legend(title="Transactions", labelExpr='format(datum.value, ",")')
    )
    st.altair_chart(
        alt.Chart(ui.with_money_text(heat, "revenue"))
        .mark_rect()
        .encode(
            x=alt.X("hour_of_day:O", axis=alt.Axis(title="Hour of day (UTC)", labelAngle=0)),
            y=alt.Y("day_name:N", sort=days, title=None),
            color=alt.Color(f"{measure}:Q", legend=legend),
            tooltip=ui.tooltips("day_name:N", "hour_of_day:O", "transactions:Q", "revenue:Q"),
        )
        .properties(height=280),
        width="stretch",
    )
