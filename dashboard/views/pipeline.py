"""Pipeline health: the run log, dbt's test results, feed freshness and rejected rows."""

from __future__ import annotations

from datetime import UTC, datetime

import altair as alt
import pandas as pd
import streamlit as st

from dashboard import data, metrics, ui

ctx = ui.context()
warehouse = ctx.warehouse

st.title("Pipeline health")

st.subheader("Last runs")
if data.has_mart(warehouse, "rpt_pipeline_runs"):
    st.dataframe(metrics.pipeline_runs(warehouse), hide_index=True)
else:
    st.info(
        "No run log yet: the mart rpt_pipeline_runs is not in the "
        f"{warehouse.describe()}. It comes with the pipeline run log; once it exists, "
        "`make run` fills it and this table shows status, duration and rows in/rejected per run."
    )

st.subheader("dbt test results")
run_results = data.read_dbt_artifact("run_results.json")
command = str(((run_results or {}).get("args") or {}).get("which", ""))
command = "docs generate" if command == "generate" else command
results = [
    r
    for r in (run_results or {}).get("results", [])
    if str(r.get("unique_id", "")).startswith(("test.", "unit_test."))
]
if run_results is None:
    st.info(f"No {data.dbt_target_dir() / 'run_results.json'} yet: run `make run` or `dbt build`.")
elif command not in ("build", "test") or not results:
    st.info(
        f"The last dbt command (`dbt {command or '?'}`) ran no tests, so "
        f"{data.dbt_target_dir() / 'run_results.json'} has no test results: run `dbt build` "
        "or `dbt test`."
    )
else:
    tests = pd.DataFrame(
        {
            "test": [str(r["unique_id"]).split(".")[2] for r in results],
            "kind": [str(r["unique_id"]).split(".")[0] for r in results],
            "status": [str(r["status"]) for r in results],
            "failures": [r.get("failures") or 0 for r in results],
            "seconds": [round(float(r.get("execution_time") or 0), 2) for r in results],
            "message": [r.get("message") or "" for r in results],
        }
    )
    counts = tests["status"].value_counts()
    generated = str((run_results.get("metadata") or {}).get("generated_at", "?"))
    st.caption(f"`dbt {command}` finished {generated} (UTC), {data.dbt_target_dir()}.")
    cards = st.columns(4)
    for column, status in zip(cards, ["pass", "warn", "fail", "error"], strict=True):
        column.metric(status.capitalize(), int(counts.get(status, 0)), border=True)
    problems = tests[tests["status"] != "pass"]
    if problems.empty:
        st.success(f"All {len(tests)} tests passed.")
    else:
        st.dataframe(problems, hide_index=True)
    with st.expander(f"All {len(tests)} tests"):
        st.dataframe(tests, hide_index=True)

st.subheader("Source freshness")
landings = metrics.feed_landings(warehouse)
landings["latest_ingest_date"] = pd.to_datetime(landings["latest_ingest_date"]).dt.date
today_utc = datetime.now(UTC).date()
landings["days_since_landing"] = [(today_utc - d).days for d in landings["latest_ingest_date"]]
freshness = data.read_dbt_artifact("sources.json")
if freshness:
    checked = pd.DataFrame(
        {
            "feed": [str(r["unique_id"]).split(".")[-1] for r in freshness.get("results", [])],
            "dbt_freshness": [str(r.get("status")) for r in freshness.get("results", [])],
            "max_loaded_at": [str(r.get("max_loaded_at")) for r in freshness.get("results", [])],
        }
    )
    landings = landings.merge(checked, on="feed", how="left")
    st.caption(
        "dbt_freshness from the last `dbt source freshness` "
        f"({(freshness.get('metadata') or {}).get('generated_at', '?')}); thresholds in "
        "models/staging/shop/_shop__sources.yml."
    )
else:
    st.caption(
        "Latest landing per feed from qa_ingest_reconciliation, age against today's real date. "
        "Run `dbt source freshness` to check the thresholds of "
        "models/staging/shop/_shop__sources.yml; its result shows here."
    )
st.dataframe(landings, hide_index=True)
unbalanced = int(landings["unbalanced_files"].sum())
if unbalanced:
    st.error(f"{unbalanced} landed file(s) do not reconcile (landed != used + rejected).")
else:
    st.success("Every landed file reconciles: rows landed = rows used + rows rejected.")

st.subheader("Rejected rows by reason")
rejected = metrics.rejected_by_reason(warehouse)
st.caption(
    "Per lake partition (the date a file landed, so the sales date filter does not apply); "
    "what each reason means and what to do: seed reject_reasons."
)
if rejected.empty:
    st.success("No rejected rows: every landed row is in the marts.")
else:
    rejected["reason"] = rejected["feed"] + ": " + rejected["reject_reason"]
    st.altair_chart(
        alt.Chart(rejected)
        .mark_bar()
        .encode(
            x=alt.X("ingest_date:T", title="Ingest date"),
            y=alt.Y("sum(rejected_rows):Q", title="Rejected rows"),
            color=alt.Color("reason:N", title="Feed: reason"),
            tooltip=[
                alt.Tooltip("ingest_date:T", title="Ingest date"),
                alt.Tooltip("reason:N", title="Reason"),
                alt.Tooltip("rejected_rows:Q", title="Rows", format=","),
            ],
        ),
        width="stretch",
    )
