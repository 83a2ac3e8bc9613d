"""Customers: RFM segments, the lifetime-value distribution and the top customers."""

from __future__ import annotations

import altair as alt
import streamlit as st

from dashboard import metrics, ui

ctx = ui.context()
warehouse = ctx.warehouse

st.title("Customers")
st.caption(
    f"All history up to today ({ctx.bounds.last_date}): RFM scores and lifetime value are "
    "all-time measures, so the date and category filters do not apply here."
)

st.subheader("RFM segments")
segments = metrics.segments(warehouse)
if segments.empty:
    st.info("No customers with sales yet.")
    st.stop()
left, right = st.columns(2)
order = list(segments["segment_name"])
for column, field, title in [
    (left, "customers", "Customers"),
    (right, "revenue", "Revenue (lifetime value)"),
]:
    column.altair_chart(
        alt.Chart(segments)
        .mark_bar()
        .encode(
            x=alt.X(f"{field}:Q", title=title),
            y=alt.Y("segment_name:N", sort=order, title=None),
            tooltip=[
                alt.Tooltip("segment_name:N", title="Segment"),
                alt.Tooltip("customers:Q", title="Customers", format=","),
                alt.Tooltip("revenue:Q", title="Revenue", format=",.2f"),
            ],
        )
        .properties(title=title),
        width="stretch",
    )

st.subheader("Lifetime value distribution")
histogram = metrics.lifetime_value_histogram(warehouse)
st.altair_chart(
    alt.Chart(histogram)
    .mark_bar()
    .encode(
        x=alt.X("bucket_start:Q", bin="binned", title="Lifetime value"),
        x2="bucket_end:Q",
        y=alt.Y("customers:Q", title="Customers"),
        tooltip=[
            alt.Tooltip("bucket_start:Q", title="From", format=",.0f"),
            alt.Tooltip("bucket_end:Q", title="To", format=",.0f"),
            alt.Tooltip("customers:Q", title="Customers", format=","),
        ],
    ),
    width="stretch",
)

st.subheader("Top customers")
st.dataframe(
    metrics.top_customers(warehouse),
    hide_index=True,
    column_config={
        "lifetime_value": st.column_config.NumberColumn("lifetime_value", format="%.2f"),
        "avg_order_value": st.column_config.NumberColumn("avg_order_value", format="%.2f"),
    },
)
