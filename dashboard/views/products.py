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
# One colour per category on every chart of the page.
palette = alt.Scale(domain=metrics.categories(warehouse))


def product_bars(frame: pd.DataFrame) -> alt.Chart:
    """Horizontal revenue bars, best on top."""
    chart: alt.Chart = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=alt.X("revenue:Q", title="Revenue"),
            y=alt.Y("product_name:N", sort="-x", title=None),
            color=alt.Color("category:N", title="Category", scale=palette),
            tooltip=ui.tooltips(
                "product_id:N", "product_name:N", "category:N", "revenue:Q", "units_sold:Q"
            ),
        )
    )
    return chart


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
left, right = st.columns([3, 2])
left.altair_chart(
    alt.Chart(by_category)
    .mark_arc(innerRadius=60)
    .encode(
        theta=alt.Theta("revenue:Q"),
        color=alt.Color("category:N", title="Category", scale=palette),
        tooltip=ui.tooltips("category:N", "revenue:Q", "share_pct:Q"),
    ),
    width="stretch",
)
right.dataframe(
    by_category[["category", "revenue", "share_pct", "transactions", "units_sold"]],
    hide_index=True,
    column_config={
        "revenue": st.column_config.NumberColumn("Revenue", format="%.2f"),
        "share_pct": st.column_config.NumberColumn("Share %", format="%.2f"),
    },
)

st.subheader("Drill down: a category's products")
category = st.selectbox("Category", list(by_category["category"]), key="drill_category")
if category:
    products = metrics.top_products(
        warehouse, Filters(filters.start, filters.end, (str(category),)), limit=50
    )
    st.caption(f"Products of {category} by revenue, {filters.start} to {filters.end} (top 50).")
    st.altair_chart(product_bars(products), width="stretch")
    st.dataframe(
        products,
        hide_index=True,
        column_config={"revenue": st.column_config.NumberColumn("revenue", format="%.2f")},
    )
