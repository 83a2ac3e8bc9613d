"""The data tests folded into one node per model still fail the build on what each column's
own test caught: a value out of its range (accepted_ranges) and a null in a required column
(not_null_columns), named by the test that fails."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest

from conftest import E2ERun, run_dbt

pytestmark = pytest.mark.e2e

MARTS = "analytics_marts"  # the e2e build uses the default schema, analytics


def test_folded_tests_fail_on_the_columns_they_took_over(e2e: E2ERun, tmp_path: Path) -> None:
    (tmp_path / "warehouse").mkdir()
    copy = tmp_path / "warehouse" / "ecom.duckdb"  # the file's name is the views' catalog
    shutil.copy(e2e.env["ECOM_DUCKDB_PATH"], copy)
    with duckdb.connect(str(copy)) as connection:
        connection.execute(
            f"update {MARTS}.dim_date set day_of_week = 8 "
            f"where date_day = (select min(date_day) from {MARTS}.dim_date)"
        )
        connection.execute(
            f"update {MARTS}.rpt_customer_segments set monetary_score = null "
            f"where customer_id = (select min(customer_id) from {MARTS}.rpt_customer_segments)"
        )
    env = {**e2e.env, "ECOM_DUCKDB_PATH": str(copy), "DBT_TARGET_PATH": str(tmp_path / "target")}
    done = run_dbt(
        [
            "test",
            "--select",
            "dim_date,test_name:accepted_ranges rpt_customer_segments,test_name:not_null_columns",
            "--vars",
            "{test_scope: all}",
        ],
        env,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    results = json.loads((tmp_path / "target" / "run_results.json").read_text())["results"]
    failed = sorted(
        str(r["unique_id"]).split(".")[2].split("__")[0] for r in results if r["status"] == "fail"
    )
    assert failed == [
        "accepted_ranges_dim_date",
        "not_null_columns_rpt_customer_segments_segment_code",
    ], done.stdout
