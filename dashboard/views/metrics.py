"""Metrics: every metric of the semantic layer (models/semantic/_semantic__metrics.yml) for the
selected period against the period before, and any one of them per day. A metric added to the
yml shows here after the next `make run` (or `dbt parse`), with no change to the dashboard."""

from __future__ import annotations

import math

import altair as alt
import pandas as pd
import streamlit as st

from dashboard import queries, ui

DEFAULT_METRIC = "net_revenue"  # the headline revenue of every report

ctx = ui.context()
warehouse, filters = ctx.warehouse, ctx.filters

st.title("Metrics")
st.caption(
    "Every metric defined once in models/semantic/_semantic__metrics.yml, computed by the SQL "
    "MetricFlow generates from it: the figures `mf query` gives. "
    f"{ui.filters_caption(filters)}; previous: {filters.previous().start} to "
    f"{filters.previous().end}."
)


def shown(value: float | None, number_format: str) -> str:
    """A metric value in its format (meta.format): money, count or percent (of a fraction)."""
    if value is None or math.isnan(value):
        return "no data"
    if number_format == "money":
        return ui.money(value)
    if number_format == "percent":
        return f"{value * 100:,.2f}%"
    if number_format == "count":
        # a ratio of counts (items per order) keeps its decimals
        return ui.count(round(value)) if float(value).is_integer() else f"{value:,.2f}"
    return f"{value:,.4g}"


catalogue = queries.metric_catalogue(warehouse, filters)
table = pd.DataFrame(
    {
        "metric": catalogue["metric"],
        "value": [
            shown(v, f) for v, f in zip(catalogue["value"], catalogue["format"], strict=True)
        ],
        "previous_value": [
            shown(v, f)
            for v, f in zip(catalogue["previous_value"], catalogue["format"], strict=True)
        ],
        "applies_to": [
            ", ".join(
                part
                for part, applies in [
                    ("selected categories", f),
                    ("all categories", not f and bool(filters.categories)),
                    ("last day of the period", d),
                ]
                if applies
            )
            for f, d in zip(catalogue["is_filtered"], catalogue["by_day_only"], strict=True)
        ],
        "metric_name": catalogue["metric_name"],
        "description": catalogue["description"],
    }
)
ui.table(table, wide=("description",))
st.caption(
    "Dates are sales dates, except for the row accounting (landed and rejected rows), which "
    "is dated by the day a file landed. Cumulative and growth metrics are shown on the last "
    "day of each period. Metrics that do not join products (orders and the other per-order "
    "metrics, new and returning customers, the row accounting) ignore the category filter. "
    "Query any of them with "
    "`mf query --metrics <name> --group-by metric_time__day` (docs/metrics-and-agents.md, "
    "Querying them)."
)

st.subheader("One metric per day")
names = list(catalogue["metric_name"])
labels = dict(zip(catalogue["metric_name"], catalogue["metric"], strict=True))
chosen = st.selectbox(
    "Metric",
    names,
    index=names.index(DEFAULT_METRIC) if DEFAULT_METRIC in names else 0,
    key="metric_trend",
    format_func=lambda name: labels[name],
)
row = catalogue.set_index("metric_name").loc[chosen]
daily = queries.metric_by_day(warehouse, chosen, filters, filtered=bool(row["is_filtered"]))
if daily.empty:
    st.info("No values for this metric in the selected period.")
else:
    number_format = str(row["format"])
    axis = (
        ui.money_axis(labels[chosen])
        if number_format == "money"
        else alt.Axis(title=labels[chosen], format=".1%" if number_format == "percent" else ",")
    )
    st.altair_chart(
        alt.Chart(daily)
        .mark_line(point=True)
        .encode(
            x=alt.X("sales_date:T", axis=alt.Axis(title="Date", format="%b %d")),
            y=alt.Y("value:Q", axis=axis),
            tooltip=[
                alt.Tooltip("sales_date:T", title="Date"),
                alt.Tooltip(
                    "value:Q",
                    title=labels[chosen],
                    format=".2%" if number_format == "percent" else ",.2f",
                ),
            ],
        ),
        width="stretch",
    )
    st.caption(f"{labels[chosen]} ({chosen}) per day: {row['description']}")
