"""Activity: the lines of the latest orders and when people buy (weekday x hour)."""

from __future__ import annotations

import altair as alt
import streamlit as st

from dashboard import queries, ui

ctx = ui.context()
warehouse, filters = ctx.warehouse, ctx.filters

st.title("Activity")

st.subheader("Recent orders")
recent = queries.recent_transactions(warehouse, filters.categories)
st.caption(
    f"The lines of the latest orders up to today ({ctx.bounds.last_date}), newest first, at "
    f"most 500; categories: {', '.join(filters.categories) or 'all'} (the date range does not "
    "apply). A return has a negative quantity; shipping and discounts are lines of their own. "
    "The customer is shown as they were at the time of the sale; a guest checkout as "
    "'Guest checkout'."
)
if recent.empty:
    st.info("No recent orders for these categories.")
else:
    ui.table(recent, height=360)

st.subheader("When people buy")
MEASURES = {"order_count": "Orders", "net_sales": "Net revenue"}
measure = st.radio(
    "Measure",
    list(MEASURES),
    horizontal=True,
    key="heatmap_measure",
    format_func=lambda m: MEASURES[str(m)],
)
heat = queries.weekday_hour(warehouse, filters)
st.caption(
    f"Weekday x hour of day (UTC), {ui.filters_caption(filters)}: orders with merchandise "
    "sold, and net revenue (gross - discounts - returns) of the lines in each hour."
)
if heat.empty:
    st.info("No sales in the selected period and categories.")
else:
    days = list(heat.sort_values("day_of_week")["day_name"].drop_duplicates())
    legend = (
        alt.Legend(title="Net revenue", labelExpr=ui.money_axis("").labelExpr)
        if measure == "net_sales"
        else alt.Legend(title="Orders", labelExpr='format(datum.value, ",")')
    )
    st.altair_chart(
        alt.Chart(ui.with_money_text(heat, "net_sales"))
        .mark_rect()
        .encode(
            x=alt.X("hour_of_day:O", axis=alt.Axis(title="Hour of day (UTC)", labelAngle=0)),
            y=alt.Y("day_name:N", sort=days, title=None),
            color=alt.Color(f"{measure}:Q", legend=legend),
            tooltip=ui.tooltips("day_name:N", "hour_of_day:O", "order_count:Q", "net_sales:Q"),
        )
        .properties(height=280),
        width="stretch",
    )
