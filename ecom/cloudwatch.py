"""Publish a dbt run's outcome as CloudWatch metrics (namespace ``ecom``).

The daily workflow's DailyRun step runs
``python -m ecom.cloudwatch target/athena/run_results.json``
after ``ecom run``, whatever its exit code, so the alarms see failed tests and stale sources
even when the run stops. Metrics, with the dimension ``Environment=$ECOM_ENVIRONMENT``:
DbtTestFailures (tests that failed or errored), DbtTestWarnings, DbtTestsPassed,
DbtModelErrors; from dbt source freshness's sources.json beside run_results.json, when there is
one: SourcesStale (sources past their error threshold or not checkable) and SourcesWarned; on
Athena, where dbt reports each query's bytes: BytesScanned and QueryCostUsd of the run
(ecom/athena_cost.py), and BytesScanned per model, seed and snapshot (dimension Model too: one
series per model of the project, a bounded set; tests count in the run's total only).
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ecom import dbt_artifacts
from ecom.athena_cost import ScanCost, scan_cost, usd_per_tb
from ecom.dbt_runner import SourceFreshness, read_freshness
from ingest.aws import aws_errors
from ingest.config import aws_region_from_env
from ingest.errors import EcomError

NAMESPACE = "ecom"
# The nodes whose bytes are published per model: what the project builds, a bounded set.
BUILT = ("model", "seed", "snapshot")


@dataclass(frozen=True)
class DbtOutcome:
    """How many tests passed, warned and failed, how many other nodes errored, and what each
    node's query scanned (Athena)."""

    tests_passed: int
    test_warnings: int
    test_failures: int
    model_errors: int
    bytes_by_node: dict[str, int] = field(default_factory=dict)  # unique_id -> bytes
    freshness: list[SourceFreshness] = field(default_factory=list)

    def metrics(self) -> dict[str, int]:
        """Metric name -> value."""
        return {
            "DbtTestFailures": self.test_failures,
            "DbtTestWarnings": self.test_warnings,
            "DbtTestsPassed": self.tests_passed,
            "DbtModelErrors": self.model_errors,
        }

    def cost(self, price_per_tb: float) -> ScanCost | None:
        """The run's scanned bytes and cost: every node's query and the freshness checks'."""
        freshness = [s.bytes_scanned for s in self.freshness]
        return scan_cost([*self.bytes_by_node.values(), *freshness], price_per_tb)

    def model_bytes(self) -> dict[str, int]:
        """Bytes scanned per model, seed and snapshot, by name."""
        return {
            uid.split(".")[-1]: scanned
            for uid, scanned in self.bytes_by_node.items()
            if uid.split(".", 1)[0] in BUILT
        }


def read_outcome(run_results: Path) -> DbtOutcome:
    """Count the results of a dbt run_results.json (and read sources.json beside it)."""
    try:
        results: list[dict[str, Any]] = dbt_artifacts.read(run_results)["results"]
    except (dbt_artifacts.ArtifactError, KeyError) as exc:
        raise EcomError(f"{run_results}: not a dbt run_results.json ({exc})") from exc
    tests: Counter[str] = Counter()
    other_errors = 0
    scanned: dict[str, int] = {}
    for result in results:
        status = str(result.get("status"))
        unique_id = str(result.get("unique_id", ""))
        if unique_id.startswith(("test.", "unit_test.")):
            tests[status] += 1
        elif status == "error":
            other_errors += 1
        count = (result.get("adapter_response") or {}).get("data_scanned_in_bytes")
        if count is not None:
            scanned[unique_id] = int(count)
    return DbtOutcome(
        tests_passed=tests["pass"],
        test_warnings=tests["warn"],
        test_failures=tests["fail"] + tests["error"],
        model_errors=other_errors,
        bytes_by_node=scanned,
        freshness=read_freshness(run_results.parent),
    )


def metric_data(outcome: DbtOutcome, environment: str, price_per_tb: float) -> list[dict[str, Any]]:
    """The CloudWatch MetricData of an outcome: the counts always; freshness when it was
    checked; bytes and cost when the target reported bytes."""
    env = {"Name": "Environment", "Value": environment}
    data = [
        {"MetricName": name, "Dimensions": [env], "Value": float(value), "Unit": "Count"}
        for name, value in outcome.metrics().items()
    ]
    if outcome.freshness:
        stale = sum(s.stale for s in outcome.freshness)
        warned = sum(s.status == "warn" for s in outcome.freshness)
        for name, value in (("SourcesStale", stale), ("SourcesWarned", warned)):
            data.append(
                {"MetricName": name, "Dimensions": [env], "Value": float(value), "Unit": "Count"}
            )
    cost = outcome.cost(price_per_tb)
    if cost is not None:
        data += [
            {
                "MetricName": "BytesScanned",
                "Dimensions": [env],
                "Value": float(cost.bytes),
                "Unit": "Bytes",
            },
            {"MetricName": "QueryCostUsd", "Dimensions": [env], "Value": cost.usd, "Unit": "None"},
        ]
        for model, scanned in sorted(outcome.model_bytes().items()):
            data.append(
                {
                    "MetricName": "BytesScanned",
                    "Value": float(scanned),
                    "Unit": "Bytes",
                    "Dimensions": [env, {"Name": "Model", "Value": model}],
                }
            )
    return data


# CloudWatch takes at most 1000 metrics per PutMetricData call.
BATCH = 1000


def publish(outcome: DbtOutcome, environment: str, region: str, price_per_tb: float) -> None:
    """Put the outcome's metrics in CloudWatch."""
    import boto3

    cloudwatch: Any = boto3.client("cloudwatch", region_name=region)
    data = metric_data(outcome, environment, price_per_tb)
    with aws_errors("publishing dbt metrics to CloudWatch", EcomError):
        for start in range(0, len(data), BATCH):
            cloudwatch.put_metric_data(Namespace=NAMESPACE, MetricData=data[start : start + BATCH])


def main(argv: list[str] | None = None) -> int:
    """python -m ecom.cloudwatch [run_results.json]; prints what it published."""
    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0] if args else "target/run_results.json")
    environment = os.environ.get("ECOM_ENVIRONMENT", "dev")
    try:
        price = usd_per_tb()
        outcome = read_outcome(path)
        publish(outcome, environment, aws_region_from_env(), price)
    except EcomError as exc:
        print(f"dbt metrics: {exc}", file=sys.stderr)
        return 2
    published = outcome.metrics()
    if outcome.freshness:
        published["SourcesStale"] = sum(s.stale for s in outcome.freshness)
    cost = outcome.cost(price)
    extra = f"; {cost.bytes:,} bytes scanned, ${cost.usd:.4f}" if cost is not None else ""
    print(f"dbt metrics ({NAMESPACE}, Environment={environment}): {published}{extra}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
