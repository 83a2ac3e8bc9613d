"""Products: the top 10 by revenue, category shares, and one category's products."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from dashboard import metrics, ui
from dashboard.metrics import Filters

ctx = ui.context()
warehouse, filters = ctx.warehouse, ctx.filters

st.title("Products")
st.caption(ui.filters_caption(filters))
every_category = metrics.categories(warehouse)


def product_bars(frame: pd.DataFrame) -> alt.Chart:
    """Horizontal revenue bars, best on top, coloured by category (legend: those shown)."""
    chart: alt.Chart = (
        alt.Chart(ui.with_money_text(frame, "revenue"))
        .mark_bar()
        .encode(
            x=alt.X("revenue:Q", axis=ui.money_axis("Revenue")),
            y=alt.Y("product_name:N", sort="-x", title=None, axis=alt.Axis(labelLimit=220)),
            color=alt.Color(
                "category:N",
                title="Category",
                scale=ui.category_scale(sorted(set(frame["category"])), every_category),
            ),
            tooltip=ui.tooltips(
                "product_id:N", "product_name:N", "category:N", "revenue:Q", "units_sold:Q"
            ),
        )
    )
    return chart


PRODUCT_COLUMNS = ["product_name", "category", "revenue", "units_sold", "transactions"]

st.subheader("Top 10 products by revenue")
top = metrics.top_products(warehouse, filters)
if top.empty:
    st.info("No sales in the selected period and categories.")
else:
    st.altair_chart(product_bars(top), width="stretch")

st.subheader("Sales by category")
by_category = metrics.category_sales(warehouse, filters)
if by_category.empty:
    st.info("No sales in the selected period and categories.")
    st.stop()
left, right = st.columns([2, 3])
left.altair_chart(
    alt.Chart(ui.with_money_text(by_category, "revenue"))
    .mark_arc(innerRadius=60)
    .encode(
        theta=alt.Theta("revenue:Q"),
        color=alt.Color(
            "category:N",
            title="Category",
            scale=ui.category_scale(by_category["category"], every_category),
            sort=list(by_category["category"]),
        ),
        order=alt.Order("revenue:Q", sort="descending"),
        tooltip=ui.tooltips("category:N", "revenue:Q", "share_pct:Q"),
    ),
    width="stretch",
)
with right:
    ui.table(by_category[["category", "revenue", "share_pct", "transactions", "units_sold"]])

st.subheader("Drill down: a category's products")
category = st.selectbox("Category", list(by_category["category"]), key="drill_category")
if category:
    products = metrics.top_products(
        warehouse, Filters(filters.start, filters.end, (str(category),)), limit=50
    )
    st.caption(
        f"Products of {category} by revenue, {filters.start} to {filters.end}: the chart shows "
        "the top 15, the table the top 50."
    )
    st.altair_chart(product_bars(products.head(15)), width="stretch")
    ui.table(products[PRODUCT_COLUMNS], height=320)
