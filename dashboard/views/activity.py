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
    f"categories: {', '.join(filters.categories) or 'all'}. The customer is shown as they "
    "were at the time of the sale."
)
if recent.empty:
    st.info("No recent transactions for these categories.")
else:
    st.dataframe(
        recent,
        hide_index=True,
        height=360,
        column_config={
            "unit_price": st.column_config.NumberColumn("unit_price", format="%.2f"),
            "amount": st.column_config.NumberColumn("amount", format="%.2f"),
        },
    )

st.subheader("When people buy")
measure = st.radio("Measure", ["transactions", "revenue"], horizontal=True, key="heatmap_measure")
heat = metrics.weekday_hour(warehouse, filters)
st.caption(f"Weekday x hour of day (UTC), {ui.filters_caption(filters)}.")
if heat.empty:
    st.info("No sales in the selected period and categories.")
else:
    days = list(heat.sort_values("day_of_week")["day_name"].drop_duplicates())
    st.altair_chart(
        alt.Chart(heat)
        .mark_rect()
        .encode(
            x=alt.X("hour_of_day:O", title="Hour of day (UTC)"),
            y=alt.Y("day_name:N", sort=days, title=None),
            color=alt.Color(f"{measure}:Q", title=str(measure).capitalize()),
            tooltip=[
                alt.Tooltip("day_name:N", title="Day"),
                alt.Tooltip("hour_of_day:O", title="Hour"),
                alt.Tooltip("transactions:Q", title="Transactions", format=","),
                alt.Tooltip("revenue:Q", title="Revenue", format=",.2f"),
            ],
        ),
        width="stretch",
    )
