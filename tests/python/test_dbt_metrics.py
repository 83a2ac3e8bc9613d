"""dbt's run_results.json published as the CloudWatch metrics the dbt-test-failures alarm reads."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import boto3
import pytest

from ecom.dbt_metrics import main, read_outcome


def write_results(path: Path, statuses: dict[str, str]) -> Path:
    results = [{"unique_id": uid, "status": status} for uid, status in statuses.items()]
    path.write_text(json.dumps({"results": results}))
    return path


def test_failed_and_errored_tests_count_as_failures(tmp_path: Path) -> None:
    outcome = read_outcome(
        write_results(
            tmp_path / "run_results.json",
            {
                "test.ecom.a": "pass", "test.ecom.b": "fail", "test.ecom.c": "error",
                "test.ecom.d": "warn", "unit_test.ecom.e": "pass",
                "model.ecom.fct_sales": "error", "model.ecom.dim_date": "success",
            },
        )
    )  # fmt: skip
    assert outcome.metrics() == {
        "DbtTestFailures": 2, "DbtTestWarnings": 1, "DbtTestsPassed": 2, "DbtModelErrors": 1,
    }  # fmt: skip


def test_metrics_reach_cloudwatch_under_the_environment(
    moto_endpoint: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ECOM_ENVIRONMENT", "dev")
    path = write_results(tmp_path / "r.json", {"test.ecom.a": "fail", "test.ecom.b": "pass"})
    assert main([str(path)]) == 0
    now = datetime.now(UTC)
    stats = boto3.client("cloudwatch").get_metric_statistics(
        Namespace="ecom",
        MetricName="DbtTestFailures",
        Dimensions=[{"Name": "Environment", "Value": "dev"}],
        StartTime=now - timedelta(minutes=5),
        EndTime=now + timedelta(minutes=5),
        Period=60,
        Statistics=["Maximum"],
    )
    assert [p["Maximum"] for p in stats["Datapoints"]] == [1.0]


def test_missing_run_results_is_a_clear_error(tmp_path: Path) -> None:
    assert main([str(tmp_path / "absent.json")]) == 2
