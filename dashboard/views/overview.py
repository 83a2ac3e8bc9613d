"""Overview: net revenue today / last 7 / last 30 days against the period before; the selected
period's gross revenue, discounts, returns and net revenue side by side, its orders, average
order value, return rate, guest share and customers; and the trend of gross, returns and net."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

import altair as alt
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from dashboard import queries, ui

ctx = ui.context()
warehouse, filters = ctx.warehouse, ctx.filters
today = ctx.bounds.last_date

st.title("Overview")
st.caption(
    f"Today = {today}, the latest sales date in the data (the sample is historical). "
    f"Categories: {', '.join(filters.categories) or 'all'}. Amounts in {ui.currency_code()}."
)

# How a change reads: more returns, a higher return rate or more discounts is not good news
# (red when up); the guest share is neither good nor bad.
DeltaColour = Literal["normal", "inverse", "off"]


def kpi(
    card: DeltaGenerator,
    label: str,
    now: Decimal | int,
    before: Decimal | int,
    note: str | None = None,
    colour: DeltaColour = "normal",
) -> None:
    """A metric card: money (Decimal) or a count (int), and its change against before."""
    text = ui.count(now) if isinstance(now, int) else ui.money(now)
    delta = ui.change(now, before)
    card.metric(label, text, delta=delta, delta_color=colour, help=note, border=True)


def rate_kpi(
    card: DeltaGenerator,
    label: str,
    now: Decimal | None,
    before: Decimal | None,
    note: str,
    colour: DeltaColour,
) -> None:
    """A metric card of a rate (a fraction; None: no sales to divide by) and its change in
    percentage points."""
    text = "no data" if now is None else ui.percent(now)
    delta = None if now is None or before is None else ui.point_change(now, before)
    card.metric(label, text, delta=delta, delta_color=colour, help=note, border=True)


periods = queries.overview_periods(today, filters)
totals = queries.totals(warehouse, periods, detailed=("range", "range_before"))

st.subheader("Net revenue")
cards = st.columns(3)
for card, (label, now, previous, days) in zip(
    cards,
    [
        ("Net revenue today", "today", "day_before", 1),
        ("Net revenue last 7 days", "week", "week_before", 7),
        ("Net revenue last 30 days", "month", "month_before", 30),
    ],
    strict=True,
):
    kpi(
        card,
        label,
        totals.net_revenue[now],
        totals.net_revenue[previous],
        note=f"{periods[now].start} to {periods[now].end}, against the {days} day(s) before.",
    )

current, before = totals.detailed["range"], totals.detailed["range_before"]
st.subheader("Selected period")
st.caption(
    f"{ui.filters_caption(filters)}; change against {filters.previous().start} to "
    f"{filters.previous().end}."
)
# gross and net are the long figures; discounts and returns a few percent of gross
money_cards = st.columns([5, 4, 4, 5])
kpi(
    money_cards[0],
    "Gross revenue",
    current.gross_revenue,
    before.gross_revenue,
    note="Merchandise sold, before discounts and returns.",
)
kpi(
    money_cards[1],
    "Discounts",
    current.discounts,
    before.discounts,
    note="Discount and voucher lines, taken off gross revenue.",
    colour="inverse",
)
kpi(
    money_cards[2],
    "Returns",
    current.returns,
    before.returns,
    note="Merchandise returned or cancelled, on the day of the return.",
    colour="inverse",
)
kpi(
    money_cards[3],
    "Net revenue",
    current.net_revenue,
    before.net_revenue,
    note="Gross revenue - discounts - returns; shipping and fees are not in it.",
)
# the per-order metrics cannot be filtered by category (queries.by_category)
per_order = "All categories: an order is not in one category. " if filters.categories else ""
order_cards = st.columns(5)
kpi(
    order_cards[0],
    "Orders",
    current.orders,
    before.orders,
    note=f"{per_order}Orders with merchandise sold; a credit note of returns only is not one.",
)
kpi(
    order_cards[1],
    "Average order value",
    current.avg_order_value,
    before.avg_order_value,
    note=f"{per_order}Per order: (gross revenue - discounts) of the orders / orders.",
)
rate_kpi(
    order_cards[2],
    "Return rate",
    current.return_rate,
    before.return_rate,
    note="Returns / gross revenue.",
    colour="inverse",
)
rate_kpi(
    order_cards[3],
    "Guest share",
    current.guest_share,
    before.guest_share,
    note="Net revenue of guest checkouts (no customer id) / net revenue.",
    colour="off",
)
kpi(
    order_cards[4],
    "Unique customers",
    current.customers,
    before.customers,
    note="Known customers who bought or returned; guests are not counted.",
)
st.caption(
    "Net revenue = gross revenue - discounts - returns. Orders and the average order value "
    "are per order, not per line"
    + (
        "; with a category filter they cover all categories, the money figures only the "
        "lines of the chosen ones (discounts and postage are in the category Unknown)."
        if filters.categories
        else "."
    )
)

st.subheader("Revenue trend")
windows = queries.trend_windows(ctx.bounds)
days = st.radio(
    "Window",
    windows,
    index=windows.index(30) if 30 in windows else len(windows) - 1,
    horizontal=True,
    key="trend_days",
    format_func=lambda d: f"{d} days",
)
trend = queries.revenue_trend(warehouse, today, int(days or windows[-1]), filters.categories)
if trend.empty:
    st.info("No sales in this window.")
else:
    # one line per measure, in a fixed colour: net (the headline), gross above it, returns
    measures = {"net_revenue": "#4e79a7", "gross_revenue": "#a0a0a0", "returns": "#e15759"}
    labels = {name: ui.COLUMNS[name][0] for name in measures}
    lines = trend.melt(
        id_vars="sales_date", value_vars=list(measures), var_name="measure", value_name="amount"
    )
    lines["measure"] = lines["measure"].map(labels)
    lines = ui.with_money_text(lines, "amount")
    st.altair_chart(
        alt.Chart(lines)
        .mark_line(point=True)
        .encode(
            x=alt.X("sales_date:T", axis=alt.Axis(title="Date", format="%b %d")),
            y=alt.Y("amount:Q", axis=ui.money_axis("Amount")),
            color=alt.Color(
                "measure:N",
                title=None,
                scale=alt.Scale(domain=list(labels.values()), range=list(measures.values())),
                legend=alt.Legend(orient="top"),
            ),
            tooltip=[
                *ui.tooltips("sales_date:T"),
                alt.Tooltip("measure:N", title="Measure"),
                alt.Tooltip("amount_text:N", title="Amount"),
            ],
        ),
        width="stretch",
    )
    st.caption(
        f"Daily gross revenue, returns and net revenue of the last {days} days up to today "
        f"({len(trend)} days with sales; the data starts {ctx.bounds.first_date})."
    )
