"""What every page shares: the warehouse, the sidebar filters (kept in st.session_state across
pages), the shop's currency, number formats and table headers, one colour per category, and the
message shown when the marts are not there."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

from dashboard import queries
from dashboard.data import DataUnavailableError, warehouse_from_env
from dashboard.queries import Bounds, Filters
from ecom.warehouse import Warehouse

CONTEXT_KEY = "ecom_context"
DEFAULT_CURRENCY = "USD"
# ECOM_CURRENCY (an ISO 4217 code) -> the symbol written before an amount; other codes are
# written as "CHF 1,234.00".
CURRENCY_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹", "CNY": "¥"}
# One colour per category on every chart, whatever the filter: distinct hues for the sample's
# categories (the generator's CATEGORIES) and a neutral grey for sales of products not in the
# catalog ('Unknown'). Categories of your own catalog take EXTRA_COLOURS in alphabetical order.
UNKNOWN_CATEGORY = "Unknown"
CATEGORY_COLOURS = {
    "Electronics": "#4e79a7",  # blue
    "Books": "#f28e2b",  # orange
    "Home & Kitchen": "#e15759",  # red
    "Clothing": "#76b7b2",  # teal
    "Sports": "#59a14f",  # green
    "Beauty": "#edc948",  # yellow
    "Toys": "#b07aa1",  # purple
    "Grocery": "#ff9da7",  # pink
    "Garden": "#9c755f",  # brown
    "Automotive": "#1d3557",  # dark navy
    UNKNOWN_CATEGORY: "#bdbdbd",  # neutral grey
}
EXTRA_COLOURS = ("#8cd17d", "#d37295", "#86bcb6", "#f1ce63", "#a0cbe8", "#ffbe7d", "#499894")


class Filter(StrEnum):
    """A sidebar filter a page can use."""

    DATES = "dates"
    CATEGORIES = "categories"


# What a column is called in every table, and how its numbers read (see column_config()).
MONEY, COUNT, DECIMAL, PERCENT, SECONDS = "money", "count", "decimal", "percent", "seconds"
COLUMNS: dict[str, tuple[str, str | None]] = {
    "sales_date": ("Date", None),
    "day_name": ("Day", None),
    "hour_of_day": ("Hour (UTC)", None),
    "transaction_at": ("Time (UTC)", None),
    "transaction_id": ("Order", None),
    "line_number": ("Line", COUNT),
    "line_type": ("Line type", None),
    "customer_id": ("Customer id", None),
    "customer_name": ("Customer", None),
    "city": ("City", None),
    "segment_name": ("Segment", None),
    "email": ("E-mail", None),
    "risk_band": ("Churn risk", None),
    "buy_probability": ("Buy-again probability", DECIMAL),
    "days_since_last_order": ("Days since last order", COUNT),
    "orders_last_90_days": ("Orders, last 90 days", COUNT),
    "net_sales_last_90_days": ("Net sales, last 90 days", MONEY),
    "expected_net_sales": ("Net sales, next 90 days (predicted)", MONEY),
    "product_id": ("Product id", None),
    "product_name": ("Product", None),
    "category": ("Category", None),
    "quantity": ("Quantity", COUNT),
    "unit_price": ("Unit price", MONEY),
    "amount": ("Amount", MONEY),
    "net_sales": ("Net sales", MONEY),
    "gross_sales": ("Gross sales", MONEY),
    "returns": ("Returns", MONEY),
    "net_revenue": ("Net revenue", MONEY),
    "gross_revenue": ("Gross revenue", MONEY),
    "share_pct": ("Share", PERCENT),
    "units_sold": ("Units sold", COUNT),
    "units_returned": ("Units returned", COUNT),
    "order_count": ("Orders", COUNT),
    "customers": ("Customers", COUNT),
    "lifetime_value": ("Lifetime value", MONEY),
    "avg_order_value": ("Average order", MONEY),
    "last_order_date": ("Last order", None),
    "feed": ("Feed", None),
    "latest_ingest_date": ("Latest landing", None),
    "days_since_landing": ("Days since landing", COUNT),
    "files": ("Files", COUNT),
    "rows_landed": ("Rows landed", COUNT),
    "rows_used": ("Rows used", COUNT),
    "rows_rejected": ("Rows rejected", COUNT),
    "rejected_rows": ("Rejected rows", COUNT),
    "reject_reason": ("Reason", None),
    "unbalanced_files": ("Unbalanced files", COUNT),
    "dbt_freshness": ("Freshness (dbt)", None),
    "max_loaded_at": ("Latest loaded at", None),
    "age_hours": ("Age (hours)", DECIMAL),
    "bytes_scanned": ("Bytes scanned", COUNT),
    "started_at": ("Started (UTC)", None),
    "command": ("Command", None),
    "run_status": ("Status", None),
    "duration_seconds": ("Duration (s)", SECONDS),
    "files_landed": ("Files landed", COUNT),
    "files_quarantined": ("Files quarantined", COUNT),
    "models_built": ("Models built", COUNT),
    "tests_passed": ("Tests passed", COUNT),
    "tests_warned": ("Tests warned", COUNT),
    "tests_failed": ("Tests failed", COUNT),
    "error": ("Error", None),
    "run_id": ("Run id", None),
    "test": ("Test", None),
    "kind": ("Kind", None),
    "status": ("Status", None),
    "failures": ("Failures", COUNT),
    "seconds": ("Seconds", SECONDS),
    "message": ("Message", None),
    "metric": ("Metric", None),
    "value": ("Value", None),
    "previous_value": ("Previous period", None),
    "applies_to": ("Applies to", None),
    "metric_name": ("Name in mf query", None),
    "description": ("Definition", None),
}


@dataclass(frozen=True)
class Context:
    """What a page needs: where the data is, its date bounds and the chosen filters."""

    warehouse: Warehouse
    bounds: Bounds
    filters: Filters


def currency_code(environ: Mapping[str, str] | None = None) -> str:
    """ECOM_CURRENCY, the shop's currency (ISO 4217 code), default USD."""
    env = os.environ if environ is None else environ
    return (env.get("ECOM_CURRENCY") or DEFAULT_CURRENCY).strip().upper()


def currency_symbol(environ: Mapping[str, str] | None = None) -> str:
    """'$' for USD; the code and a space for a currency without a symbol here."""
    code = currency_code(environ)
    return CURRENCY_SYMBOLS.get(code, f"{code} ")


def sidebar(uses: Iterable[Filter] = tuple(Filter)) -> Context:
    """Draw the filters the page uses in the sidebar; remember every filter for the other pages."""
    uses = frozenset(uses)
    warehouse = warehouse_from_env()
    bounds = queries.bounds(warehouse)
    default = (max(bounds.first_date, bounds.last_date - timedelta(days=29)), bounds.last_date)
    dates = _remembered("date_range", default)
    chosen = _remembered("categories", [])
    with st.sidebar:
        if uses:
            st.markdown("### Filters")
        else:
            st.caption("No filters on this page: its figures cover all the data.")
        if Filter.DATES in uses:
            st.session_state["date_range"] = dates
            dates = st.date_input(
                "Date range",
                min_value=bounds.first_date,
                max_value=bounds.last_date,
                key="date_range",
                help="The sales dates the charts and KPIs of this page cover.",
            )
        if Filter.CATEGORIES in uses:
            all_categories = queries.categories(warehouse)
            st.session_state["categories"] = [c for c in chosen if c in all_categories]
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
        st.caption(f"Reading {short_paths(warehouse.describe())}.")
    st.session_state["_kept_date_range"] = dates
    st.session_state["_kept_categories"] = list(chosen)
    start, end = _date_pair(dates, default)
    start, end = max(start, bounds.first_date), min(end, bounds.last_date)
    context = Context(warehouse, bounds, Filters(start, end, tuple(chosen)))
    st.session_state[CONTEXT_KEY] = context
    return context


def _remembered(key: str, default: Any) -> Any:
    """A filter's value: the widget's, else the one kept from a page that showed it, else
    default (Streamlit forgets a widget's value on a page that does not draw it)."""
    if key in st.session_state:
        return st.session_state[key]
    return st.session_state.get(f"_kept_{key}", default)


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


def money(value: Decimal | float, *, cents: bool = True) -> str:
    """$1,234.56 (or $1,235 without cents) in the shop's currency."""
    sign = "-" if value < 0 else ""
    return f"{sign}{currency_symbol()}{abs(value):,.{2 if cents else 0}f}"


def money_short(value: float) -> str:
    """$500, $2k, $1.5M, -$6.73 (a customer whose returns outweigh their purchases): a bucket
    edge in the shop's currency."""
    sign, value = ("-" if value < 0 else ""), abs(value)
    for limit, suffix in ((1e6, "M"), (1e3, "k")):
        if value >= limit:
            return f"{sign}{currency_symbol()}{value / limit:,.3g}{suffix}"
    return f"{sign}{currency_symbol()}{value:,.3g}"


def short_paths(text: str) -> str:
    """text with paths under the working directory (the repository) written relative to it."""
    return text.replace(f"{Path.cwd()}{os.sep}", "")


def count(value: int) -> str:
    """1,234"""
    return f"{value:,}"


def percent(fraction: Decimal | float) -> str:
    """4.12% (a rate given as a fraction, 0.0412), rounded half up as the marts round."""
    shown = (Decimal(str(fraction)) * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return f"{shown:,}%"


def change(current: Decimal | float, previous: Decimal | float) -> str | None:
    """'+12.3%' against the previous period; None when there is nothing to compare with."""
    if not previous:
        return None
    return f"{(float(current) - float(previous)) / float(previous) * 100:+.1f}%"


def point_change(current: Decimal | float, previous: Decimal | float) -> str:
    """'+0.42 pp': a rate's change in percentage points (a relative change of a rate, +10%
    of 4%, reads as if the rate had moved by ten points)."""
    return f"{(float(current) - float(previous)) * 100:+.2f} pp"


def one_line(text: object, width: int = 160) -> str:
    """The line of an error message that says what went wrong: a traceback's last line (the
    exception), else the first line; cut to `width` characters."""
    if text is None or (isinstance(text, float) and pd.isna(text)):
        return ""
    lines = [line.strip() for line in str(text).splitlines() if line.strip()]
    if not lines:
        return ""
    line = lines[-1] if any(line.startswith("Traceback") for line in lines) else lines[0]
    return line if len(line) <= width else line[: width - 1] + "…"


def category_colour(category: str, known: Iterable[str] = ()) -> str:
    """The colour of a category: fixed for the sample's categories and Unknown; the others
    take EXTRA_COLOURS by their alphabetical position among the `known` ones not in the map."""
    if category in CATEGORY_COLOURS:
        return CATEGORY_COLOURS[category]
    others = sorted({c for c in (*known, category) if c not in CATEGORY_COLOURS})
    return EXTRA_COLOURS[others.index(category) % len(EXTRA_COLOURS)]


def category_scale(shown: Iterable[str], known: Iterable[str] = ()) -> alt.Scale:
    """A colour scale over the categories a chart shows (so its legend lists only those),
    each in its fixed colour."""
    domain = list(dict.fromkeys(str(c) for c in shown))
    every = [*known, *domain]
    return alt.Scale(domain=domain, range=[category_colour(c, every) for c in domain])


def count_axis(title: str, **properties: Any) -> alt.Axis:
    """An axis of counts with thousands separators (1,000)."""
    return alt.Axis(title=title, labelExpr='format(datum.value, ",")', **properties)


def money_axis(title: str) -> alt.Axis:
    """An axis of amounts in the shop's currency, compact ($1.2k)."""
    symbol = currency_symbol().replace('"', "")
    return alt.Axis(title=title, labelExpr=f'"{symbol}" + format(datum.value, "~s")')


def tooltips(*fields: str) -> list[alt.Tooltip]:
    """Tooltips for these `name:type` fields, titled and formatted as in tables (COLUMNS); a
    money field reads its `<name>_text` column (see with_money_text)."""
    formats = {COUNT: ",", PERCENT: ".2f", DECIMAL: ",.2f", SECONDS: ",.1f"}
    result = []
    for field in fields:
        name, kind = field.split(":")
        title, number = COLUMNS.get(name, (name.replace("_", " ").capitalize(), None))
        if number == MONEY:
            result.append(alt.Tooltip(f"{name}_text:N", title=title))
            continue
        title += " %" if number == PERCENT else ""
        fmt = formats.get(number or "", alt.Undefined)
        result.append(alt.Tooltip(f"{name}:{kind}", title=title, format=fmt))
    return result


def with_money_text(frame: pd.DataFrame, *columns: str) -> pd.DataFrame:
    """frame with a `<column>_text` in the shop's currency for each money column (tooltips)."""
    frame = frame.copy()
    for column in columns:
        frame[f"{column}_text"] = [money(float(v)) for v in frame[column]]
    return frame


def column_config(columns: Iterable[str]) -> dict[str, Any]:
    """st.dataframe's column_config: each column's human header and number format (money in
    the shop's currency, thousands separators)."""
    symbol = currency_symbol().replace("%", "%%")
    formats = {
        MONEY: f"{symbol}%,.2f",
        COUNT: "%,d",
        DECIMAL: "%,.2f",
        PERCENT: "%.2f%%",
        SECONDS: "%,.1f",
    }
    config: dict[str, Any] = {}
    for column in columns:
        title, number = COLUMNS.get(column, (column.replace("_", " ").capitalize(), None))
        if number is None:
            config[column] = st.column_config.Column(title)
        else:
            config[column] = st.column_config.NumberColumn(title, format=formats[number])
    return config


ROW_PIXELS, MAX_ROWS_SHOWN = 35, 20


def table(frame: pd.DataFrame, *, height: int | None = None, wide: Iterable[str] = ()) -> None:
    """A table as wide as the page with human headers and formatted numbers, tall enough for
    every row up to MAX_ROWS_SHOWN (then it scrolls); the `wide` columns get more room."""
    config = column_config(frame.columns)
    numbers = [c for c in frame.columns if COLUMNS.get(c, ("", None))[1] is not None]
    frame = frame.assign(**{c: pd.to_numeric(frame[c], errors="coerce") for c in numbers})
    for column in wide:
        config[column]["width"] = "large"
    rows = min(len(frame), MAX_ROWS_SHOWN)
    st.dataframe(
        frame,
        hide_index=True,
        width="stretch",
        height=height if height is not None else (rows + 1) * ROW_PIXELS + 3,
        column_config=config,
    )
