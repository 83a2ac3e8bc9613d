"""dbt's run_results.json (and sources.json) published as the CloudWatch metrics the alarms
read, and what a run's Athena queries cost."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import boto3
import pytest
from dbt.adapters.athena.connections import AthenaAdapterResponse
from dbt.adapters.contracts.connection import AdapterResponse
from dbt.artifacts.resources.types import TimePeriod
from dbt.artifacts.resources.v1.components import FreshnessThreshold, Time
from dbt.artifacts.schemas.base import BaseArtifactMetadata
from dbt.artifacts.schemas.freshness import (
    FreshnessExecutionResultArtifact,
    FreshnessMetadata,
    SourceFreshnessOutput,
)
from dbt.artifacts.schemas.results import FreshnessStatus, RunStatus, TestStatus
from dbt.artifacts.schemas.run import RunResultOutput, RunResultsArtifact

from ecom.athena_cost import MIB, TIB, billed_bytes, scan_cost
from ecom.cloudwatch import main, metric_data, read_outcome

pytestmark = pytest.mark.unit


def write_results(path: Path, statuses: dict[str, str]) -> Path:
    results = [{"unique_id": uid, "status": status} for uid, status in statuses.items()]
    path.write_text(json.dumps({"results": results}))
    return path


def test_failed_and_errored_tests_count_as_failures(tmp_path: Path) -> None:
    outcome = read_outcome(
        write_results(
            tmp_path / "run_results.json",
            {
                "test.ecom.a": "pass",
                "test.ecom.b": "fail",
                "test.ecom.c": "error",
                "test.ecom.d": "warn",
                "unit_test.ecom.e": "pass",
                "model.ecom.fct_sales": "error",
                "model.ecom.dim_date": "success",
            },
        )
    )
    assert outcome.metrics() == {
        "DbtTestFailures": 2,
        "DbtTestWarnings": 1,
        "DbtTestsPassed": 2,
        "DbtModelErrors": 1,
    }


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


# --- bytes scanned and cost (Athena), freshness ----------------------------------------------


def node_result(unique_id: str, response: AdapterResponse, status: Any) -> RunResultOutput:
    """One result as dbt writes it: the adapter's response class turned into the dict dbt
    stores (`to_dict(omit_none=True)`, as dbt's runners do)."""
    return RunResultOutput(
        status=status,
        timing=[],
        thread_id="Thread-1",
        execution_time=1.0,
        adapter_response=response.to_dict(omit_none=True),
        message=response._message,
        failures=0 if unique_id.startswith("test.") else None,
        unique_id=unique_id,
        compiled=True,
        compiled_code="select 1",
        relation_name=None,
    )


def athena(scanned: int) -> AthenaAdapterResponse:
    """dbt-athena's response to a query that scanned `scanned` bytes."""
    return AthenaAdapterResponse(
        _message="OK 1", rows_affected=1, code="OK", data_scanned_in_bytes=scanned
    )


def write_run_results(path: Path, results: list[RunResultOutput]) -> Path:
    """run_results.json written by dbt's own artifact class."""
    metadata = BaseArtifactMetadata(dbt_schema_version=str(RunResultsArtifact.dbt_schema_version))
    RunResultsArtifact(metadata, results, elapsed_time=3.0, args={"which": "build"}).write(
        str(path)
    )
    return path


def write_sources(folder: Path, ages_hours: dict[str, float]) -> None:
    """sources.json beside run_results.json, written by dbt's own artifact class; each source
    36/60 hours warn/error, rated by its age as dbt rates it."""
    now = datetime.now(UTC).replace(tzinfo=None)
    criteria = FreshnessThreshold(
        warn_after=Time(count=36, period=TimePeriod.hour),
        error_after=Time(count=60, period=TimePeriod.hour),
    )
    results = [
        SourceFreshnessOutput(
            unique_id=f"source.ecom.{name}",
            max_loaded_at=now - timedelta(hours=hours),
            snapshotted_at=now,
            max_loaded_at_time_ago_in_s=hours * 3600,
            status=FreshnessStatus(criteria.status(hours * 3600)),
            criteria=criteria,
            adapter_response={},
            timing=[],
            thread_id="Thread-1",
            execution_time=0.1,
        )
        for name, hours in ages_hours.items()
    ]
    FreshnessExecutionResultArtifact(FreshnessMetadata(), results, elapsed_time=0.5).write(
        str(folder / "sources.json")
    )


def test_athena_bills_each_query_rounded_up_to_a_mib_with_a_10_mib_minimum() -> None:
    assert billed_bytes(0) == 0  # DDL (a view) and failed queries scan and cost nothing
    assert billed_bytes(1) == 10 * MIB
    assert billed_bytes(10 * MIB + 1) == 11 * MIB
    cost = scan_cost([TIB - 10 * MIB, 1, None, 0], 5.0)
    assert cost is not None
    assert (cost.bytes, cost.billed_bytes, cost.queries) == (TIB - 10 * MIB + 1, TIB, 3)
    assert cost.usd == 5.0
    assert scan_cost([None, None], 5.0) is None  # no bytes reported: unknown, not free


def test_duckdb_results_carry_no_bytes_and_publish_none(tmp_path: Path) -> None:
    results = [
        node_result("model.ecom.fct_sales", AdapterResponse(_message="OK"), RunStatus.Success),
        node_result("test.ecom.unique_x.1", AdapterResponse(_message="OK"), TestStatus.Pass),
    ]
    outcome = read_outcome(write_run_results(tmp_path / "run_results.json", results))
    assert outcome.bytes_by_node == {} and outcome.cost(5.0) is None
    names = {m["MetricName"] for m in metric_data(outcome, "dev", 5.0)}
    assert names == {"DbtTestFailures", "DbtTestWarnings", "DbtTestsPassed", "DbtModelErrors"}


def test_athena_bytes_per_model_the_runs_cost_and_stale_sources_reach_cloudwatch(
    moto_endpoint: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ECOM_ENVIRONMENT", "prod")
    monkeypatch.setenv("ECOM_ATHENA_USD_PER_TB", "6.25")
    results = [
        node_result("model.ecom.fct_sales", athena(3 * 2**30), RunStatus.Success),
        node_result("model.ecom.stg_shop__sales", athena(0), RunStatus.Success),  # a view
        node_result("test.ecom.unique_fct_sales_sales_row_id.1", athena(2 * MIB), TestStatus.Pass),
    ]
    path = write_run_results(tmp_path / "run_results.json", results)
    write_sources(tmp_path, {"shop.sales": 70, "shop.products": 40, "shop.customers": 2})
    assert main([str(path)]) == 0
    billed = 3 * 2**30 + 10 * MIB  # the view is free, the test pays the 10 MiB minimum
    now = datetime.now(UTC)

    def latest(name: str, **dimensions: str) -> float:
        stats = boto3.client("cloudwatch").get_metric_statistics(
            Namespace="ecom",
            MetricName=name,
            Dimensions=[{"Name": "Environment", "Value": "prod"}]
            + [{"Name": k, "Value": v} for k, v in dimensions.items()],
            StartTime=now - timedelta(minutes=5),
            EndTime=now + timedelta(minutes=5),
            Period=60,
            Statistics=["Maximum"],
        )
        [point] = stats["Datapoints"]
        return float(point["Maximum"])

    assert latest("BytesScanned") == 3 * 2**30 + 2 * MIB
    assert latest("BytesScanned", Model="fct_sales") == 3 * 2**30
    assert latest("BytesScanned", Model="stg_shop__sales") == 0
    assert latest("QueryCostUsd") == pytest.approx(billed / TIB * 6.25, abs=1e-6)
    assert latest("SourcesStale") == 1 and latest("SourcesWarned") == 1
