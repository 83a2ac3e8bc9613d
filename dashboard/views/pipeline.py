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
RUN_COLUMNS = [
    "started_at", "command", "run_status", "duration_seconds", "files_landed", "rows_landed",
    "rows_rejected", "tests_failed", "error",
]  # fmt: skip
if data.has_mart(warehouse, "rpt_pipeline_runs"):
    runs = metrics.pipeline_runs(warehouse)
    running = runs[runs["run_status"] == "running"]
    try:
        final = data.running_run_records(
            zip(
                running["run_id"].astype(str),
                pd.to_datetime(running["run_date"]).dt.date,
                strict=True,
            )
        )
    except data.DataUnavailableError as error:
        st.caption(f"{error} Statuses are as of the last `dbt build`.")
        final = {}
    runs = metrics.pipeline_runs(warehouse, final_records=final) if final else runs
    runs["error"] = [ui.one_line(text) for text in runs.get("error_message", [])]
    st.caption(
        "Newest first; times in UTC. A run's status comes from its record in the lake's run "
        "log, so the run that built these marts shows how it ended, not 'running'."
    )
    ui.table(runs[[c for c in RUN_COLUMNS if c in runs.columns]], wide=["error"])
    failed = (
        runs[runs["error_message"].notna() & (runs["error_message"].astype(str) != "")]
        if "error_message" in runs.columns
        else runs.iloc[0:0]
    )
    for _, run in failed.head(3).iterrows():
        with st.expander(f"Full error of run {run['run_id']} ({run['run_status']})"):
            st.code(str(run["error_message"]), language="text")
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
    target = ui.short_paths(str(data.dbt_target_dir()))
    st.caption(f"`dbt {command}` finished {generated} (UTC); artifacts in {target}.")
    cards = st.columns(4)
    for column, status in zip(cards, ["pass", "warn", "fail", "error"], strict=True):
        column.metric(status.capitalize(), int(counts.get(status, 0)), border=True)
    tests["message"] = [ui.one_line(text) for text in tests["message"]]
    problems = tests[tests["status"] != "pass"]
    if problems.empty:
        st.success(f"All {len(tests)} tests passed.")
    else:
        ui.table(problems)
    with st.expander(f"All {len(tests)} tests"):
        ui.table(tests)

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
ui.table(landings)
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
    by_reason = (
        rejected.groupby(["feed", "reject_reason"], as_index=False)["rejected_rows"]
        .sum()
        .sort_values("rejected_rows", ascending=False)
    )
    by_reason["reason"] = by_reason["feed"] + ": " + by_reason["reject_reason"]
    first, last = rejected["ingest_date"].min().date(), rejected["ingest_date"].max().date()
    st.caption(f"Files landed {first} to {last}.")
    st.altair_chart(
        alt.Chart(by_reason)
        .mark_bar()
        .encode(
            x=alt.X("rejected_rows:Q", axis=ui.count_axis("Rejected rows")),
            y=alt.Y("reason:N", sort="-x", title=None, axis=alt.Axis(labelLimit=320)),
            color=alt.Color("feed:N", title="Feed"),
            tooltip=ui.tooltips("feed:N", "reject_reason:N", "rejected_rows:Q"),
        ),
        width="stretch",
    )
