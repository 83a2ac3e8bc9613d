"""Products: the top 10 by net sales, category shares, and one category's products. Merchandise
only: postage, fees and discounts are not products; an order cancelled in full nets to zero."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from dashboard import queries, ui
from dashboard.queries import Filters

ctx = ui.context()
warehouse, filters = ctx.warehouse, ctx.filters

st.title("Products")
st.caption(ui.filters_caption(filters))
every_category = queries.categories(warehouse)


def product_bars(frame: pd.DataFrame) -> alt.Chart:
    """Horizontal net sales bars, best on top, coloured by category (legend: those shown)."""
    chart: alt.Chart = (
        alt.Chart(ui.with_money_text(frame, "net_sales", "gross_sales", "returns"))
        .mark_bar()
        .encode(
            x=alt.X("net_sales:Q", axis=ui.money_axis("Net sales")),
            y=alt.Y("product_name:N", sort="-x", title=None, axis=alt.Axis(labelLimit=220)),
            color=alt.Color(
                "category:N",
                title="Category",
                scale=ui.category_scale(sorted(set(frame["category"])), every_category),
            ),
            tooltip=ui.tooltips(
                "product_id:N",
                "product_name:N",
                "category:N",
                "net_sales:Q",
                "gross_sales:Q",
                "returns:Q",
                "order_count:Q",
                "units_sold:Q",
                "units_returned:Q",
            ),
        )
    )
    return chart


PRODUCT_COLUMNS = [
    "product_name",
    "category",
    "net_sales",
    "gross_sales",
    "returns",
    "order_count",
    "units_sold",
    "units_returned",
]

st.subheader("Top 10 products by net sales")
top = queries.top_products(warehouse, filters)
if top.empty:
    st.info("No sales in the selected period and categories.")
else:
    st.altair_chart(product_bars(top), width="stretch")
    st.caption("Net sales = gross sales - returns of the product (merchandise lines only).")

st.subheader("Sales by category")
by_category = queries.category_sales(warehouse, filters)
if by_category.empty:
    st.info("No sales in the selected period and categories.")
    st.stop()
left, right = st.columns([2, 3])
left.altair_chart(
    alt.Chart(ui.with_money_text(by_category, "net_sales"))
    .mark_arc(innerRadius=60)
    .encode(
        theta=alt.Theta("net_sales:Q"),
        color=alt.Color(
            "category:N",
            title="Category",
            scale=ui.category_scale(by_category["category"], every_category),
            sort=list(by_category["category"]),
        ),
        order=alt.Order("net_sales:Q", sort="descending"),
        tooltip=ui.tooltips("category:N", "net_sales:Q", "share_pct:Q"),
    ),
    width="stretch",
)
# the columns that fit beside the donut; units returned are in the product tables
CATEGORY_COLUMNS = [
    "category",
    "net_sales",
    "share_pct",
    "gross_sales",
    "returns",
    "order_count",
    "units_sold",
]
with right:
    ui.table(by_category[CATEGORY_COLUMNS])
    st.caption(
        "Share: of the net sales of the categories shown. An order with products of two "
        "categories counts in both."
    )

st.subheader("Drill down: a category's products")
category = st.selectbox("Category", list(by_category["category"]), key="drill_category")
if category:
    products = queries.top_products(
        warehouse, Filters(filters.start, filters.end, (str(category),)), limit=50
    )
    st.caption(
        f"Products of {category} by net sales, {filters.start} to {filters.end}: the chart shows "
        "the top 15, the table the top 50."
    )
    st.altair_chart(product_bars(products.head(15)), width="stretch")
    ui.table(products[PRODUCT_COLUMNS], height=320)
