"""What every page shares: the warehouse, the sidebar filters (kept in st.session_state across
pages), number formatting, and the message shown when the marts are not there."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

import altair as alt
import streamlit as st

from dashboard import metrics
from dashboard.data import DataUnavailableError, warehouse_from_env
from dashboard.metrics import Bounds, Filters
from ecom.warehouse import Warehouse

CONTEXT_KEY = "ecom_context"
# How a field reads in a chart's tooltip, alike on every chart: its title and d3 number format.
TOOLTIPS: dict[str, tuple[str, str | None]] = {
    "sales_date:T": ("Date", None),
    "product_id:N": ("Product id", None),
    "product_name:N": ("Product", None),
    "category:N": ("Category", None),
    "revenue:Q": ("Revenue", ",.2f"),
    "transactions:Q": ("Transactions", ","),
    "units_sold:Q": ("Units", ","),
    "share_pct:Q": ("Share %", ".2f"),
}


@dataclass(frozen=True)
class Context:
    """What a page needs: where the data is, its date bounds and the chosen filters."""

    warehouse: Warehouse
    bounds: Bounds
    filters: Filters


def sidebar() -> Context:
    """Draw the shared filters in the sidebar and remember them for the page."""
    warehouse = warehouse_from_env()
    bounds = metrics.bounds(warehouse)
    all_categories = metrics.categories(warehouse)
    with st.sidebar:
        st.markdown("### Filters")
        default = (max(bounds.first_date, bounds.last_date - timedelta(days=29)), bounds.last_date)
        picked = st.date_input(
            "Date range",
            value=default,
            min_value=bounds.first_date,
            max_value=bounds.last_date,
            key="date_range",
            help="Applies to every chart that says so in its caption.",
        )
        chosen = st.multiselect(
            "Categories", all_categories, key="categories", placeholder="All categories"
        )
        if st.button("Refresh data", help="Drop the cached query results and read again."):
            st.cache_data.clear()
            st.rerun()
        st.caption(
            f"Today = **{bounds.last_date}**, the latest sales date in the data "
            "(the sample is historical)."
        )
        st.caption(f"Reading {warehouse.describe()}.")
    start, end = _date_pair(picked, default)
    context = Context(warehouse, bounds, Filters(start, end, tuple(chosen)))
    st.session_state[CONTEXT_KEY] = context
    return context


def _date_pair(picked: object, default: tuple[date, date]) -> tuple[date, date]:
    """(start, end) from st.date_input, which gives one date while a range is being picked."""
    if isinstance(picked, tuple | list) and picked:
        first = picked[0]
        last = picked[1] if len(picked) > 1 else picked[0]
        if isinstance(first, date) and isinstance(last, date):
            return first, last
    if isinstance(picked, date):
        return picked, picked
    return default


def context() -> Context:
    """The context the entry page stored, or a new one (a page run on its own)."""
    stored = st.session_state.get(CONTEXT_KEY)
    return stored if isinstance(stored, Context) else sidebar()


def show_unavailable(error: DataUnavailableError) -> None:
    """The message for a missing warehouse or mart: what is wrong and what to run."""
    st.warning(str(error), icon="⚠️")
    if not error.rebuild:
        return
    st.markdown("From the repository root:")
    st.code("make run        # sample data -> lake -> dbt build (about two minutes)", "bash")


def filters_caption(filters: Filters, *, categories: bool = True) -> str:
    """The filters a chart applies, for its caption."""
    text = f"{filters.start} to {filters.end}"
    if categories:
        text += ", " + (", ".join(filters.categories) if filters.categories else "all categories")
    return text


def money(value: Decimal | float) -> str:
    """1,234.56"""
    return f"{value:,.2f}"


def count(value: int) -> str:
    """1,234"""
    return f"{value:,}"


def change(current: Decimal | float, previous: Decimal | float) -> str | None:
    """'+12.3%' against the previous period; None when there is nothing to compare with."""
    if not previous:
        return None
    return f"{(float(current) - float(previous)) / float(previous) * 100:+.1f}%"


def tooltips(*fields: str) -> list[alt.Tooltip]:
    """The tooltip of a chart showing these fields (keys of TOOLTIPS), titled and formatted."""
    return [
        alt.Tooltip(field, title=title, format=alt.Undefined if number is None else number)
        for field, (title, number) in ((field, TOOLTIPS[field]) for field in fields)
    ]
