"""Pipeline health: the run log, dbt's test results, feed freshness and rejected rows."""

from __future__ import annotations

from datetime import UTC, datetime

import altair as alt
import pandas as pd
import streamlit as st

from dashboard import data, queries, ui

ctx = ui.context()
warehouse = ctx.warehouse

st.title("Pipeline health")

st.subheader("Last runs")
RUN_COLUMNS = [
    "started_at",
    "command",
    "run_status",
    "duration_seconds",
    "files_landed",
    "rows_landed",
    "rows_rejected",
    "tests_failed",
    "error",
]
if data.has_mart(warehouse, "rpt_pipeline_runs"):
    runs = queries.pipeline_runs(warehouse)
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
    runs = queries.pipeline_runs(warehouse, final_records=final) if final else runs
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
artifacts = data.dbt_target_dir(warehouse)
results_file = ui.short_paths(str(artifacts / "run_results.json"))
run_results = data.read_dbt_artifact("run_results.json", warehouse)
command = str(((run_results or {}).get("args") or {}).get("which", ""))
command = "docs generate" if command == "generate" else command
results = [
    r
    for r in (run_results or {}).get("results", [])
    if str(r.get("unique_id", "")).startswith(("test.", "unit_test."))
]
if run_results is None:
    st.info(f"No {results_file} yet: run `make run` or `dbt build`.")
elif command not in ("build", "test") or not results:
    st.info(
        f"The last dbt command (`dbt {command or '?'}`) ran no tests, so "
        f"{results_file} has no test results: run `dbt build` or `dbt test`."
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
    target = ui.short_paths(str(artifacts))
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
landings = queries.feed_landings(warehouse)
landings["latest_ingest_date"] = pd.to_datetime(landings["latest_ingest_date"]).dt.date
today_utc = datetime.now(UTC).date()
landings["days_since_landing"] = [(today_utc - d).days for d in landings["latest_ingest_date"]]
freshness = data.read_dbt_artifact("sources.json", warehouse)
sources = data.source_freshness(warehouse)
if freshness and sources is not None:
    feeds = sources[sources["source"].str.startswith("shop.")]
    checked = pd.DataFrame(
        {
            "feed": feeds["source"].str.split(".").str[-1],
            "dbt_freshness": feeds["status"],
            "max_loaded_at": feeds["max_loaded_at"],
        }
    )
    landings = landings.merge(checked, on="feed", how="left")
    stale = sources[sources["status"].isin(["error", "runtime error"])]
    late = sources[sources["status"] == "warn"]
    st.caption(
        "`dbt source freshness`, which `ecom run` runs after its build "
        f"({(freshness.get('metadata') or {}).get('generated_at', '?')} UTC): a source is "
        "late (warn) or stale (error) when its newest load is older than its thresholds "
        "(models/staging/*/_*__sources.yml); a stale source ends the run with exit 3 and an "
        "alert."
    )
    if not stale.empty:
        st.error(f"Stale: {', '.join(stale['source'])}.")
    elif not late.empty:
        st.warning(f"Late: {', '.join(late['source'])}.")
    else:
        st.success(f"All {len(sources)} sources are fresh.")
    ui.table(sources[[c for c in sources.columns if c != "message" or sources[c].any()]])
else:
    st.caption(
        "Latest landing per feed from qa_ingest_reconciliation, age against today's real date. "
        "`ecom run` checks the freshness thresholds of models/staging/*/_*__sources.yml "
        "after its build (or run `dbt source freshness`); the result shows here."
    )
ui.table(landings)
unbalanced = int(landings["unbalanced_files"].sum())
if unbalanced:
    st.error(f"{unbalanced} landed file(s) do not reconcile (landed != used + rejected).")
else:
    st.success("Every landed file reconciles: rows landed = rows used + rows rejected.")

st.subheader("Bytes scanned")
scanned, cost = data.bytes_scanned(run_results)
if cost is None:
    st.caption(
        f"The last dbt command's target ({artifacts.name}) reports no bytes "
        "scanned; on Athena, where each query is billed by the bytes it scans, this shows "
        "them per model with the run's cost."
    )
else:
    scan_cards = st.columns(3)
    scan_cards[0].metric("Bytes scanned", ui.count(cost.bytes), border=True)
    scan_cards[1].metric("Queries", ui.count(cost.queries), border=True)
    scan_cards[2].metric("Cost (USD)", f"{cost.usd:.4f}", border=True)
    st.caption(
        f"By dbt's queries in the last build, at ${cost.usd_per_tb:g} per TiB "
        "(ECOM_ATHENA_USD_PER_TB), each query rounded up to a MiB with a 10 MiB minimum; "
        "dbt's own metadata queries are not counted (the workgroup's ProcessedBytes is the "
        "bill's total)."
    )
    ui.table(scanned)

st.subheader("Rejected rows by reason")
rejected = queries.rejected_by_reason(warehouse)
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
