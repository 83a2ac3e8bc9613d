"""Customers: RFM segments, the lifetime-value distribution and the top customers."""

from __future__ import annotations

import altair as alt
import streamlit as st

from dashboard import queries, ui

ctx = ui.context()
warehouse = ctx.warehouse

st.title("Customers")
st.caption(
    f"All history up to today ({ctx.bounds.last_date}): RFM scores and lifetime value are "
    "all-time measures, so the date and category filters do not apply here. Known customers "
    "only: guest checkouts have no customer to follow. Lifetime value is net: gross sales "
    "less discounts and returns."
)

st.subheader("RFM segments")
segments = queries.segments(warehouse)
if segments.empty:
    st.info("No customers with sales yet.")
    st.stop()
segments = ui.with_money_text(segments, "net_sales")
left, right = st.columns(2)
order = list(segments["segment_name"])
for column, field, title, axis in [
    (left, "customers", "Customers", ui.count_axis("Customers")),
    (right, "net_sales", "Net sales (lifetime value)", ui.money_axis("Net sales")),
]:
    column.altair_chart(
        alt.Chart(segments)
        .mark_bar()
        .encode(
            x=alt.X(f"{field}:Q", axis=axis),
            y=alt.Y("segment_name:N", sort=order, title=None),
            tooltip=ui.tooltips("segment_name:N", "customers:Q", "net_sales:Q"),
        )
        .properties(title=title),
        width="stretch",
    )

st.subheader("Lifetime value distribution")
histogram = queries.lifetime_value_histogram(warehouse)
histogram["bucket"] = [
    f"{ui.money_short(start)}\N{EN DASH}{ui.money_short(end)}"
    for start, end in zip(histogram["bucket_start"], histogram["bucket_end"], strict=True)
]
st.caption(
    "Customers by how much they have spent in all, net of discounts and returns; the buckets "
    "grow 1-2-5 (each about twice the one before), so big spenders get their own bars instead "
    "of one long tail."
)
st.altair_chart(
    alt.Chart(histogram)
    .mark_bar()
    .encode(
        x=alt.X(
            "bucket:N",
            sort=list(histogram["bucket"]),
            title="Lifetime value",
            axis=alt.Axis(labelAngle=-40),
        ),
        y=alt.Y("customers:Q", axis=ui.count_axis("Customers", tickCount=5)),
        tooltip=[
            alt.Tooltip("bucket:N", title="Lifetime value"),
            alt.Tooltip("customers:Q", title="Customers", format=","),
            alt.Tooltip("share_pct:Q", title="Share of customers %", format=".2f"),
        ],
    ),
    width="stretch",
)

st.subheader("Top customers")
st.caption(
    "The 20 customers with the highest lifetime value (net sales), with their gross sales, "
    "returns and RFM segment."
)
ui.table(queries.top_customers(warehouse))
