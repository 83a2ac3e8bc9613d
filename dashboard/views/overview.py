"""Overview: revenue today / last 7 / last 30 days against the period before, the selected
period's totals, and the revenue trend."""

from __future__ import annotations

from decimal import Decimal

import altair as alt
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from dashboard import metrics, ui

ctx = ui.context()
warehouse, filters = ctx.warehouse, ctx.filters
today = ctx.bounds.last_date

st.title("Overview")
st.caption(
    f"Today = {today}, the latest sales date in the data (the sample is historical). "
    f"Categories: {', '.join(filters.categories) or 'all'}. Amounts in {ui.currency_code()}."
)


def kpi(
    card: DeltaGenerator,
    label: str,
    now: Decimal | int,
    before: Decimal | int,
    note: str | None = None,
) -> None:
    """A metric card: money (Decimal) or a count (int), and its change against before."""
    text = ui.count(now) if isinstance(now, int) else ui.money(now)
    card.metric(label, text, delta=ui.change(now, before), help=note, border=True)


periods = metrics.overview_periods(today, filters)
totals = metrics.totals(warehouse, periods, detailed=("range", "range_before"))

st.subheader("Revenue")
cards = st.columns(3)
for card, (label, now, previous, days) in zip(
    cards,
    [
        ("Revenue today", "today", "day_before", 1),
        ("Revenue last 7 days", "week", "week_before", 7),
        ("Revenue last 30 days", "month", "month_before", 30),
    ],
    strict=True,
):
    kpi(
        card,
        label,
        totals.revenue[now],
        totals.revenue[previous],
        note=f"{periods[now].start} to {periods[now].end}, against the {days} day(s) before.",
    )

current, before = totals.detailed["range"], totals.detailed["range_before"]
st.subheader("Selected period")
st.caption(
    f"{ui.filters_caption(filters)}; change against {filters.previous().start} to "
    f"{filters.previous().end}."
)
period_cards = st.columns([4, 3, 3, 3])
kpi(period_cards[0], "Revenue", current.revenue, before.revenue)
kpi(period_cards[1], "Transactions", current.transactions, before.transactions)
kpi(period_cards[2], "Average order value", current.avg_order_value, before.avg_order_value)
kpi(period_cards[3], "Unique customers", current.customers, before.customers)

st.subheader("Revenue trend")
windows = metrics.trend_windows(ctx.bounds)
days = st.radio(
    "Window",
    windows,
    index=windows.index(30) if 30 in windows else len(windows) - 1,
    horizontal=True,
    key="trend_days",
    format_func=lambda d: f"{d} days",
)
trend = metrics.revenue_trend(warehouse, today, int(days or windows[-1]), filters.categories)
if trend.empty:
    st.info("No sales in this window.")
else:
    st.altair_chart(
        alt.Chart(ui.with_money_text(trend, "revenue"))
        .mark_line(point=True)
        .encode(
            x=alt.X("sales_date:T", axis=alt.Axis(title="Date", format="%b %d")),
            y=alt.Y("revenue:Q", axis=ui.money_axis("Revenue")),
            tooltip=ui.tooltips("sales_date:T", "revenue:Q", "transactions:Q"),
        ),
        width="stretch",
    )
    st.caption(
        f"Daily revenue of the last {days} days up to today "
        f"({len(trend)} days with sales; the data starts {ctx.bounds.first_date})."
    )
