"""Operating the pipeline: daily runs, re-runs, kills, retries, backfill, run log and alerts.

One lake runs four days one `ecom run --date` at a time, with the faults an operator meets
on the way: the same day run twice (the second time after an upgrade that changed the columns
of fct_sales), a kill -9 during ingest and another during dbt build (each followed by a re-run),
feeds that stopped arriving, a flaky API and a locked warehouse. Another lake runs the same
four days as one `ecom backfill`, never interrupted. Marts and daily reports must end up
identical, and the run log must tell the story.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import shlex
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import boto3
import duckdb
import pytest
import yaml

from ecom.exit_codes import ExitCode
from ecom.runlog import RunStatus
from ecom.sample.customer_api import FaultPlan, serve_records

from conftest import ECOM, REPO, isolated_env, run_dbt, run_ecom

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

FIRST = date(2026, 11, 14)
# four days, each with its own fault: every extra day costs two dbt builds (daily + backfill)
DAYS = [FIRST + timedelta(days=n) for n in range(4)]
TINY = [
    "--rows", "400", "--days", str(len(DAYS)), "--end-date", DAYS[-1].isoformat(), "--seed", "7",
    "--customers", "100", "--products", "30", "--dirty-rate", "0.08",
]  # fmt: skip
# Columns that name the batch (and so the run) a row came in with, or the build that wrote it
# (refreshed_at): equal data landed by two different runs differs only there. Everything else
# must match to the byte.
LINEAGE = (
    "batch_id",
    "landed_file_name",
    "sales_row_id",
    "product_row_id",
    "customer_row_id",
    "reconciliation_id",
    "ingest_date",
)
# When the build that last wrote a row started: it differs between any two runs by design.
BUILD_TIME = ("refreshed_at",)


def business_contents(warehouse: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every mart and qa table without lineage and build-time columns (and without the run log
    mart)."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        tables = con.execute(
            "select table_schema, table_name from information_schema.tables where table_schema "
            "in ('analytics_marts', 'analytics_qa') and table_name <> 'rpt_pipeline_runs'"
        ).fetchall()
        out = {}
        for schema, name in tables:
            columns = [
                c
                for (c,) in con.execute(
                    "select column_name from information_schema.columns where table_schema = ? "
                    "and table_name = ? order by ordinal_position",
                    [schema, name],
                ).fetchall()
                if c not in LINEAGE + BUILD_TIME
            ]
            rows = con.execute(f'select {", ".join(columns)} from "{schema}"."{name}"').fetchall()
            out[f"{schema}.{name}"] = sorted(rows, key=repr)
        return out


def report_checksums(lake: Path) -> dict[str, str]:
    """sha256 of every daily report file."""
    folder = lake / "reports" / "daily"
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def run_log(lake: Path) -> list[dict[str, Any]]:
    """Every run record, oldest first."""
    records = [json.loads(p.read_text()) for p in (lake / "_ops" / "runs").rglob("*.json")]
    return sorted(records, key=lambda r: str(r["started_at"]))


def start_ecom(args: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    """`ecom` in its own process group, stdout and stderr into one file."""
    with log.open("wb") as sink:
        return subprocess.Popen(
            [ECOM, *args],
            cwd=REPO,
            env=env,
            stdout=sink,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def wait_for(log: Path, found: Callable[[str], bool], process: subprocess.Popen[bytes]) -> None:
    """Poll the output file until a line matches (fail if the process ends first)."""
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if any(found(line) for line in log.read_text(errors="replace").splitlines()):
            return
        assert process.poll() is None, log.read_text()
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting in {log}")


def event(name: str) -> Callable[[str], bool]:
    """Matches a JSON log line of one event."""
    return lambda line: line.startswith("{") and json.loads(line).get("event") == name


def kill_group(process: subprocess.Popen[bytes]) -> None:
    """kill -9 the run and every process it started (dbt)."""
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()


@dataclass(frozen=True)
class Operated:
    """The lake run day by day through faults, and the backfilled one."""

    daily_root: Path
    backfill_root: Path
    daily_env: dict[str, str]
    after_first_run: tuple[dict[str, list[tuple[object, ...]]], dict[str, str]]
    after_second_run: tuple[dict[str, list[tuple[object, ...]]], dict[str, str]]
    backfill: subprocess.CompletedProcess[str]
    transient_output: str
    killed_dbt_output: str
    # the SQL of the data tests each run ran (run_results.json), by test name: the re-run of
    # the first day with --full-tests, the second day's run (a Sunday) and the third day's
    tests_sql: dict[str, dict[str, str]]
    planted: str  # the sales_row_id of the old fct_sales line broken after the second day
    sweep: subprocess.CompletedProcess[str]  # dbt test of fct_sales, test_scope: all, at the end
    # the same day again on a warehouse whose fct_sales an earlier version built (a column
    # since added missing, one since dropped present): stopped before dbt build
    upgrade_stop: subprocess.CompletedProcess[str]
    upgrade_command: list[str]  # the command that run said to run (then run, as `second`)
    stale: subprocess.CompletedProcess[str]  # the third day, products and customers late


def _customers(root: Path) -> list[dict[str, object]]:
    records: list[dict[str, object]] = json.loads(
        (root / "source" / "customers" / "customers.json").read_text()
    )
    return records


# the generic tests on fct_sales: named <test>_fct_sales_<column or arguments>
FCT_SALES_TEST = re.compile(
    r"^(not_null_columns|unique|not_null|accepted_range|relationships)_fct_sales_"
)


def data_tests_sql(root: Path) -> dict[str, str]:
    """The SQL of every data test the last dbt build ran, by test name."""
    payload = json.loads((root / "target" / "run_results.json").read_text())
    return {
        str(r["unique_id"]).split(".")[2]: str(r["compiled_code"])
        for r in payload["results"]
        if str(r["unique_id"]).startswith("test.")
    }


@pytest.fixture(scope="module")
def operated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Operated]:
    root = tmp_path_factory.mktemp("daily")
    env = isolated_env(root)
    lake, warehouse = Path(env["ECOM_LAKE_URI"]), Path(env["ECOM_DUCKDB_PATH"])
    run = ["run", *TINY, "--no-docs", "--log-format", "json"]

    def day(d: date, *extra: str) -> subprocess.CompletedProcess[str]:
        done = run_ecom([*run, "--date", d.isoformat(), *extra], env)
        assert done.returncode == 0, done.stdout + done.stderr
        return done

    day(DAYS[0])
    first = (business_contents(warehouse), report_checksums(lake))
    # an upgrade: fct_sales as an earlier version built it, before line_type was added and
    # while it still had a column since dropped
    with duckdb.connect(str(warehouse)) as con:
        con.execute("alter table analytics_marts.fct_sales drop column line_type")
        con.execute("alter table analytics_marts.fct_sales add column legacy_flag boolean")
    # the same day again, every test on every row: it stops and names the command to run
    upgrade_stop = run_ecom([*run, "--date", DAYS[0].isoformat(), "--full-tests"], env)
    named = re.search(r"run `(ecom [^`]+)`", upgrade_stop.stdout)
    assert upgrade_stop.returncode == 2 and named, upgrade_stop.stdout + upgrade_stop.stderr
    upgrade_command = shlex.split(named.group(1))
    assert run_ecom(upgrade_command[1:], env).returncode == 0
    second = (business_contents(warehouse), report_checksums(lake))
    sql = {"full-tests": data_tests_sql(root)}

    customers = _customers(root)
    # day 2: kill -9 while the customer pull hangs (sales and products already landed)
    with serve_records(customers, faults=FaultPlan.parse("hang:120")) as api:
        log = root / "killed-ingest.log"
        process = start_ecom([*run, "--date", DAYS[1].isoformat(), "--api-url", api.url], env, log)
        wait_for(log, event("customers_pull_started"), process)
        time.sleep(0.5)
        kill_group(process)
        assert any(lake.glob("landing/sales/*/*sales_2026-11-15.csv"))
        day(DAYS[1], "--api-url", api.url)
        sql[DAYS[1].strftime("%A")] = data_tests_sql(root)

    # an old fct_sales row broken after it was written (by hand, or a bug fixed since): its
    # ingest_date (lineage, so the comparison with the backfill leaves it out) set to null. Its
    # order is one no later day's file sends again: a resent order is re-decided and its lines
    # written anew, which would repair the row (the row ids hash the run's batch, so which row
    # is the smallest changes from run to run)
    sent_later = sorted(
        {
            row["transaction_id"]
            for path in (root / "source" / "sales").glob("sales_*.csv")
            if path.stem.removeprefix("sales_") > DAYS[1].isoformat()
            for row in csv.DictReader(path.open(newline=""))
        }
    )
    assert sent_later, "no sales file of a later day under source/sales"
    with duckdb.connect(str(warehouse)) as con:
        [(planted,)] = con.execute(
            "update analytics_marts.fct_sales set ingest_date = null where sales_row_id = "
            "(select min(sales_row_id) from analytics_marts.fct_sales where transaction_id "
            "not in (select unnest(?))) returning sales_row_id",
            [sent_later],
        ).fetchall()

    # day 3: kill -9 in the middle of dbt build, once some models are built
    log = root / "killed-dbt.log"
    process = start_ecom([*run, "--date", DAYS[2].isoformat()], env, log)
    wait_for(log, lambda line: "OK created sql table model" in line, process)
    kill_group(process)
    killed_dbt_output = log.read_text()
    # the product catalog last landed 9 days ago (error after 8), the customers 40 hours ago
    # (warn after 36): their files are in the lake since the first day, so their manifest
    # entries say when they landed
    manifests = {p: p.read_text() for p in lake.glob("_manifest/*/*.json")}
    for path, text in manifests.items():
        hours = {"products": 9 * 24, "customers": 40}.get(path.parent.name)
        if hours is not None:
            landed = datetime.now(UTC) - timedelta(hours=hours)
            record = {**json.loads(text), "landed_at": landed.strftime("%Y-%m-%dT%H:%M:%S.%fZ")}
            path.write_text(json.dumps(record) + "\n")
    stale = run_ecom([*run, "--date", DAYS[2].isoformat()], env)
    assert stale.returncode == 3, stale.stdout + stale.stderr
    for path, text in manifests.items():
        path.write_text(text)
    sql["daily"] = data_tests_sql(root)

    # day 4: the API answers 503 twice and another process holds the warehouse file
    with serve_records(customers, faults=FaultPlan.parse("503,503")) as api:
        log = root / "transient.log"
        holder = duckdb.connect(str(warehouse))
        process = start_ecom([*run, "--date", DAYS[3].isoformat(), "--api-url", api.url], env, log)
        try:
            wait_for(log, event("retry"), process)
        finally:
            holder.close()
        assert process.wait(timeout=600) == 0, log.read_text()
        transient_output = log.read_text()

    # the days since ran scoped tests; a sweep of fct_sales' tests (--full-tests' var) finds it
    sweep = run_dbt(
        [
            "test",
            "--select",
            "fct_sales",
            "--exclude-resource-type",
            "unit_test",
            "--vars",
            "{test_scope: all}",
        ],
        env,
    )

    backfill_root = tmp_path_factory.mktemp("backfill")
    backfilled = run_ecom(
        ["backfill", *TINY, "--from", DAYS[0].isoformat(), "--to", DAYS[-1].isoformat()],
        isolated_env(backfill_root),
    )
    yield Operated(
        root,
        backfill_root,
        env,
        first,
        second,
        backfilled,
        transient_output,
        killed_dbt_output,
        sql,
        str(planted),
        sweep,
        upgrade_stop,
        upgrade_command,
        stale,
    )


def test_running_the_same_day_twice_changes_nothing(operated: Operated) -> None:
    assert operated.after_second_run == operated.after_first_run
    reports = operated.after_first_run[1]
    # one report for the day: two tables, CSV and Parquet, overwritten by the re-run
    assert sorted(reports) == [
        f"report_date={DAYS[0]}/{name}"
        for name in (
            "daily_sales_summary.csv",
            "daily_sales_summary.parquet",
            "top_products.csv",
            "top_products.parquet",
        )
    ]
    [first, stopped, second] = [
        r for r in run_log(operated.daily_root / "lake") if r["run_date"] == str(DAYS[0])
    ]
    assert (first["status"], stopped["status"], second["status"]) == (
        "succeeded",
        "failed",
        "succeeded",
    )
    assert first["files_landed"] > 0 and stopped["files_landed"] == second["files_landed"] == 0


def test_a_table_of_an_earlier_version_stops_the_run_before_the_build_with_the_command(
    operated: Operated,
) -> None:
    """fct_sales as an earlier version built it: the run lands what is new, builds nothing,
    exits 2 and names the command; that command rebuilt fct_sales and what depends on it
    (the marts equal the first build's: test_running_the_same_day_twice_changes_nothing)."""
    stop = operated.upgrade_stop
    assert "exit 2: usage or configuration error" in stop.stdout
    assert "dbt:       0 models built (0 errors), 0 seeds; tests 0 passed" in stop.stdout
    events = [json.loads(x) for x in stop.stderr.splitlines() if x.startswith("{")]
    [changed] = [e for e in events if e.get("event") == "schema_changed"]
    assert changed["message"].strip() == (
        "fct_sales (analytics_marts.fct_sales): the table lacks line_type and has legacy_flag, "
        "which the model no longer has"
    )
    [failed] = [e for e in events if e.get("event") == "run_failed"]
    assert "the warehouse's fct_sales was built by an earlier version" in failed["error"]
    assert operated.upgrade_command == [
        "ecom",
        "run",
        *TINY,
        "--no-docs",
        "--log-format",
        "json",
        "--date",
        str(DAYS[0]),
        "--full-tests",
        "--rebuild-changed",
    ]
    [first, stopped, second] = [
        r for r in run_log(operated.daily_root / "lake") if r["run_date"] == str(DAYS[0])
    ]
    assert (stopped["exit_code"], stopped["models_built"]) == (2, 0)
    # the rest built as usual, then fct_sales and what depends on it: one build's results
    assert (second["models_built"], second["tests_failed"]) == (first["models_built"], 0)
    built = {r["unique_id"] for r in second["dbt_results"]}
    assert {
        "model.ecom.stg_shop__sales",
        "model.ecom.fct_sales",
        "model.ecom.rpt_daily_sales_summary",
    } <= built


def test_a_stale_source_exits_3_with_the_marts_built_and_alerts_with_the_late_ones(
    operated: Operated,
) -> None:
    stale = operated.stale
    assert "ecom run OK, SOURCES STALE for 2026-11-16" in stale.stdout
    assert "exit 3: succeeded, with data problems" in stale.stdout
    assert "freshness: 7 sources: 5 pass, 1 warn, 1 error" in stale.stdout
    alert = stale.stderr[stale.stderr.index("ALERT: ") :].splitlines()
    assert alert[0] == "ALERT: ecom run 2026-11-16 succeeded, but a source is stale (exit 3)"
    assert re.search(
        r"^freshness: shop\.products error: last loaded \S+ \S+ UTC, 216\.\d hours "
        r"ago \(error after 8 days\)$",
        "\n".join(alert),
        re.M,
    )
    assert re.search(
        r"^freshness: shop\.customers warn: .* \(warn after 36 hours\)$", "\n".join(alert), re.M
    )
    record = next(
        r for r in reversed(run_log(operated.daily_root / "lake")) if r["run_date"] == str(DAYS[2])
    )
    assert (record["status"], record["exit_code"], record["reports_written"]) == (
        "data_stale",
        3,
        4,
    )
    assert record["freshness"]["status"] == "error"
    rated = {s["source"]: s for s in record["freshness"]["sources"]}
    assert {name: s["status"] for name, s in rated.items()} == {
        "lake.landed_files": "pass",
        "lake.refused_rows": "pass",
        "ops.pipeline_runs": "pass",
        "predictions.customer_scores": "pass",
        "shop.customers": "warn",
        "shop.products": "error",
        "shop.sales": "pass",
    }
    assert 216 * 3600 <= rated["shop.products"]["age_seconds"] < 217 * 3600
    assert rated["shop.products"]["error_after"] == "8 days"
    assert record["error_message"].startswith("stale sources: shop.products error")
    # DuckDB reports no bytes scanned: unknown, not zero
    assert set(record["data_scanned"].values()) == {None}
    assert all(r["bytes_scanned"] is None for r in record["dbt_results"])


def test_daily_report_holds_the_days_summary_and_top_products(operated: Operated) -> None:
    folder = operated.daily_root / "lake" / "reports" / "daily" / f"report_date={DAYS[-1]}"
    summary = (folder / "daily_sales_summary.csv").read_text().splitlines()
    assert summary[0].startswith(
        "sales_date,order_count,guest_order_count,units_sold,units_returned,gross_sales,"
        "discounts,returns,net_sales"
    )
    assert {"avg_order_value", "return_rate_pct", "guest_share_pct"} <= set(summary[0].split(","))
    assert len(summary) == 2 and summary[1].startswith(DAYS[-1].isoformat())
    with duckdb.connect() as con:
        top = con.execute(
            "select revenue_rank, period_start_date, net_sales "
            f"from '{folder / 'top_products.parquet'}'"
        ).fetchall()
    assert [rank for rank, _, _ in top] == list(range(1, len(top) + 1))
    assert 0 < len(top) <= 10 and {d for _, d, _ in top} == {DAYS[-1]}
    net = [amount for _, _, amount in top]
    assert net == sorted(net, reverse=True)  # ranked by net sales


def test_killed_runs_then_reruns_equal_an_uninterrupted_backfill(operated: Operated) -> None:
    assert operated.backfill.returncode == 0, operated.backfill.stdout + operated.backfill.stderr
    assert "Finished running" not in operated.killed_dbt_output  # killed mid-build
    daily = operated.daily_root
    backfilled = operated.backfill_root
    assert report_checksums(daily / "lake") == report_checksums(backfilled / "lake")
    assert len(report_checksums(daily / "lake")) == len(DAYS) * 4
    assert business_contents(daily / "warehouse" / "ecom.duckdb") == business_contents(
        backfilled / "warehouse" / "ecom.duckdb"
    )


def test_backfill_records_one_run_per_day(operated: Operated) -> None:
    records = run_log(operated.backfill_root / "lake")
    assert [r["run_date"] for r in records] == [d.isoformat() for d in DAYS]
    assert {(r["command"], r["status"], r["exit_code"]) for r in records} == {
        ("backfill", "succeeded", 0)
    }
    assert all(r["reports_written"] == 4 and r["tests_failed"] == 0 for r in records)
    assert all(r["dbt_results"] and r["steps"] for r in records)


def test_full_tests_and_the_weekly_sweep_test_every_row_and_other_days_what_they_wrote(
    operated: Operated,
) -> None:
    """ECOM_FULL_TESTS_WEEKDAY is unset: the sweep is on Sundays (the second day). The data
    tests of fct_sales check every row with --full-tests and on the Sunday, only the rows the
    build wrote on the other days; the run log says which."""
    scopes = [(r["run_date"], r["test_scope"]) for r in run_log(operated.daily_root / "lake")]
    assert [s for s in scopes if s[1] is not None] == [
        (str(DAYS[0]), "changed"),
        (str(DAYS[0]), "all"),
        (str(DAYS[0]), "all"),
        (str(DAYS[1]), "all"),
        (str(DAYS[2]), "changed"),
        (str(DAYS[3]), "changed"),
    ]
    backfilled = {
        (r["run_date"], r["test_scope"]) for r in run_log(operated.backfill_root / "lake")
    }
    assert backfilled == {(str(d), "all" if d.weekday() == 6 else "changed") for d in DAYS}
    assert "tests:     every row (the weekly full sweep: 2026-11-15 is a Sunday" in (
        operated.backfill.stdout
    )
    scoped = "(select max(refreshed_at) from "
    for run in ("full-tests", "Sunday", "daily"):
        sql = operated.tests_sql[run]
        fct_tests = {  # the generic tests on fct_sales (not those of its children)
            name: code for name, code in sql.items() if FCT_SALES_TEST.match(name)
        }
        assert fct_tests["unique_fct_sales_sales_row_id"]
        assert all((scoped in code) == (run == "daily") for code in fct_tests.values()), run
        # the view int_sales_enriched (where: ecom.sales_of_days_changed_in): the re-decided days
        view_tests = [code for name, code in sql.items() if "_int_sales_enriched_" in name]
        assert len(view_tests) == 4, run
        days = "scoped_rows.transaction_date in (select cast(transaction_at as date)"
        assert all((days in code) == (run == "daily") for code in view_tests), run


def test_an_old_row_broken_later_passes_the_daily_runs_and_fails_the_sweep(
    operated: Operated,
) -> None:
    """A daily run tests what its build wrote; a row of history broken afterwards is found by
    the next full sweep (here the var --full-tests sets), not by the daily runs in between."""
    with duckdb.connect(str(operated.daily_root / "warehouse" / "ecom.duckdb")) as con:
        [(ingest_date, old)] = con.execute(
            "select ingest_date, refreshed_at < (select max(refreshed_at) from "
            "analytics_marts.fct_sales) from analytics_marts.fct_sales where sales_row_id = ?",
            [operated.planted],
        ).fetchall()
    assert ingest_date is None and old  # still broken, written before the last build
    finals = {r["run_date"]: r for r in run_log(operated.daily_root / "lake") if r["finished_at"]}
    for day in DAYS[2:]:  # the daily runs after it: scoped, so they passed (day 3: feeds late)
        assert finals[str(day)]["test_scope"] == "changed"
        assert finals[str(day)]["status"] in ("succeeded", "data_stale")
        assert finals[str(day)]["tests_failed"] == 0
    sweep = operated.sweep.stdout
    assert operated.sweep.returncode == 1, sweep
    assert re.search(r"Failure in test not_null_columns_fct_sales_\w+ ", sweep), sweep
    assert "Got 1 result, configured to fail if != 0" in sweep
    assert re.search(r"Done\. PASS=\d+ WARN=0 ERROR=1 ", sweep), sweep


def test_transient_faults_are_retried_and_the_run_succeeds(operated: Operated) -> None:
    json_lines = [json.loads(x) for x in operated.transient_output.splitlines() if x[:1] == "{"]
    lines = [x for x in json_lines if "message" in x]  # log lines, not the metrics line
    api_retries = [x for x in lines if "HTTP 503" in x["message"]]
    assert len(api_retries) == 2
    lock = [x for x in lines if x.get("event") == "retry"]
    assert lock and "is locked by another process" in lock[0]["message"]
    assert lines[-1]["event"] == "run_finished" and lines[-1]["exit_code"] == 0
    [metrics] = [x for x in json_lines if "_aws" in x]  # CloudWatch embedded metric format
    assert metrics["RowsIngested"] == lines[-1]["rows_landed"] and metrics["RunFailed"] == 0
    assert all(x["run_id"] == lines[-1]["run_id"] for x in lines if "event" in x)


def test_run_log_mart_shows_interrupted_runs_and_the_current_one(operated: Operated) -> None:
    with duckdb.connect(
        str(operated.daily_root / "warehouse" / "ecom.duckdb"), read_only=True
    ) as con:
        rows = con.execute(
            "select run_date, run_status, exit_code, files_landed from "
            "analytics_marts.rpt_pipeline_runs order by started_at"
        ).fetchall()
    statuses = [(str(d), s) for d, s, _, _ in rows]
    assert statuses.count((str(DAYS[1]), "interrupted")) == 1  # killed during ingest
    assert statuses.count((str(DAYS[2]), "interrupted")) == 1  # killed during dbt build
    assert rows[-1][1] == "running" and rows[-1][2] is None  # the build's own run
    assert [(s, e) for _, s, e, _ in rows if s not in ("succeeded", "interrupted", "running")] == [
        ("failed", 2),
        ("data_stale", 3),  # stopped for the upgrade; the day the feeds were late
    ]
    # the lake has every run's final word: each day once, the first three times (the upgrade
    # stopped the second), two killed runs
    records = run_log(operated.daily_root / "lake")
    assert len(records) == len(DAYS) + 2 + 2
    assert [r["status"] for r in records].count("running") == 2


def test_every_run_status_is_an_accepted_value_of_the_run_log_models() -> None:
    """A status the run log may hold that a model's accepted_values test refuses would fail
    every build after the first run that records it."""
    accepted = {}
    for path in ("staging/ops/_ops__models.yml", "marts/operations/_operations__models.yml"):
        for model in yaml.safe_load((REPO / "models" / path).read_text())["models"]:
            for column in model["columns"]:
                for test in column.get("data_tests", []):
                    if isinstance(test, dict) and "accepted_values" in test:
                        values = test["accepted_values"]["arguments"]["values"]
                        accepted[f"{model['name']}.{column['name']}"] = set(values)
    statuses = {str(s) for s in RunStatus}
    assert accepted["stg_ops__pipeline_runs.run_status"] == statuses
    assert accepted["rpt_pipeline_runs.run_status"] == statuses | {"interrupted"}
    assert accepted["rpt_pipeline_runs.exit_code"] == {int(c) for c in ExitCode} - {130}


# --- deterministic failures and data problems: alerts and exit codes ---------------------


class _Receiver(BaseHTTPRequestHandler):
    bodies: list[dict[str, Any]]

    def do_POST(self) -> None:
        length = int(self.headers["Content-Length"])
        type(self).bodies.append(json.loads(self.rfile.read(length)))
        self.send_response(200)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        return


@pytest.fixture
def webhook() -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """A webhook receiver on 127.0.0.1 (real HTTP); the JSON bodies it got."""
    handler = type("Receiver", (_Receiver,), {"bodies": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/hook", handler.bodies
    finally:
        server.shutdown()
        server.server_close()


def test_deterministic_failure_fails_fast_and_alerts_webhook_and_sns(
    tmp_path: Path, webhook: tuple[str, list[dict[str, Any]]], moto_endpoint: str
) -> None:
    url, bodies = webhook
    sns = boto3.client("sns", endpoint_url=moto_endpoint)
    sqs = boto3.client("sqs", endpoint_url=moto_endpoint)
    topic = sns.create_topic(Name=f"ecom-alerts-{tmp_path.name[-8:]}")["TopicArn"]
    queue = sqs.create_queue(QueueName=f"alerts-{tmp_path.name[-8:]}")["QueueUrl"]
    queue_arn = sqs.get_queue_attributes(QueueUrl=queue, AttributeNames=["QueueArn"])["Attributes"][
        "QueueArn"
    ]
    sns.subscribe(TopicArn=topic, Protocol="sqs", Endpoint=queue_arn)
    env = {
        **isolated_env(tmp_path),
        "ECOM_ALERT_WEBHOOK_URL": url,
        "ECOM_ALERT_SNS_TOPIC_ARN": topic,
    }
    with serve_records([], faults=FaultPlan.parse("404")) as api:
        started = time.monotonic()
        done = run_ecom(["run", *TINY, "--date", DAYS[0].isoformat(), "--api-url", api.url], env)
        seconds = time.monotonic() - started
    assert done.returncode == 1, done.stdout + done.stderr
    assert seconds < 60  # no retries, no dbt build
    assert "HTTP 404" in done.stderr and "ALERT: ecom run 2026-11-14 FAILED (exit 1)" in done.stderr
    assert "exit 1: pipeline failed" in done.stdout
    [body] = bodies
    assert body["text"].startswith("*ecom run 2026-11-14 FAILED (exit 1)*")
    assert body["ecom"]["status"] == "failed" and "HTTP 404" in body["ecom"]["error_message"]
    [message] = sqs.receive_message(QueueUrl=queue, WaitTimeSeconds=1)["Messages"]
    assert "FAILED (exit 1)" in json.loads(message["Body"])["Subject"]
    [record] = run_log(tmp_path / "lake")
    assert record["status"] == "failed" and record["exit_code"] == 1
    assert [s["name"] for s in record["steps"]] == ["ingest"]


def test_quarantined_files_exit_3_with_marts_and_report_built(
    tmp_path: Path, webhook: tuple[str, list[dict[str, Any]]]
) -> None:
    url, bodies = webhook
    env = {**isolated_env(tmp_path), "ECOM_ALERT_WEBHOOK_URL": url}
    inbox = tmp_path / "inbox"
    assert run_ecom(["generate", *TINY, "--out", str(inbox)], env).returncode == 0
    (inbox / "sales" / "sales_broken.csv").write_text("transaction_id;amount\nT1;2\n")
    customers = json.loads((inbox / "customers" / "customers.json").read_text())
    with serve_records(customers) as api:
        args = [
            "run",
            "--inbox",
            str(inbox),
            "--api-url",
            api.url,
            "--no-docs",
            "--date",
            DAYS[-1].isoformat(),
        ]
        done = run_ecom(args, env)
    assert done.returncode == 3, done.stdout + done.stderr
    assert "OK, FILES QUARANTINED" in done.stdout
    assert "exit 3: succeeded, with data problems" in done.stdout
    assert "file_quarantined" not in done.stderr  # text logs by default
    [line] = [x for x in done.stderr.splitlines() if "sales_broken.csv" in x]
    assert line.split()[:2] == ["quarantined", "sales"]
    assert (tmp_path / "lake" / "reports" / "daily" / f"report_date={DAYS[-1]}").is_dir()
    [body] = bodies
    assert body["ecom"]["status"] == "data_quarantined" and body["ecom"]["files_quarantined"] == 1


def test_run_help_documents_the_exit_codes() -> None:
    done = run_ecom(["run", "--help"], dict(os.environ))
    assert "3  succeeded, but with data problems: files were quarantined" in done.stdout
    assert "1  pipeline failed" in done.stdout
    assert "--date" in done.stdout and "--log-format" in done.stdout
