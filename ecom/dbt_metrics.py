"""Publish a dbt run's test results as CloudWatch metrics (namespace ``ecom``).

The daily workflow's dbt step runs ``python -m ecom.dbt_metrics target/run_results.json``
after ``dbt build``, whatever its exit code, so the alarm ``ecom-<env>-dbt-test-failures``
sees failed tests even when the build stops. Metrics, with the dimension
``Environment=$ECOM_ENVIRONMENT``: DbtTestFailures (tests that failed or errored),
DbtTestWarnings, DbtTestsPassed, DbtModelErrors.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ingest.aws import aws_errors
from ingest.config import aws_region_from_env
from ingest.errors import EcomError

NAMESPACE = "ecom"


@dataclass(frozen=True)
class DbtOutcome:
    """How many tests passed, warned and failed, and how many other nodes errored."""

    tests_passed: int
    test_warnings: int
    test_failures: int
    model_errors: int

    def metrics(self) -> dict[str, int]:
        """Metric name -> value."""
        return {
            "DbtTestFailures": self.test_failures,
            "DbtTestWarnings": self.test_warnings,
            "DbtTestsPassed": self.tests_passed,
            "DbtModelErrors": self.model_errors,
        }


def read_outcome(run_results: Path) -> DbtOutcome:
    """Count the results of a dbt run_results.json."""
    try:
        results: list[dict[str, Any]] = json.loads(run_results.read_text())["results"]
    except (OSError, ValueError, KeyError) as exc:
        raise EcomError(f"{run_results}: not a dbt run_results.json ({exc})") from exc
    tests: Counter[str] = Counter()
    other_errors = 0
    for result in results:
        status = str(result.get("status"))
        if str(result.get("unique_id", "")).startswith(("test.", "unit_test.")):
            tests[status] += 1
        elif status == "error":
            other_errors += 1
    return DbtOutcome(
        tests_passed=tests["pass"],
        test_warnings=tests["warn"],
        test_failures=tests["fail"] + tests["error"],
        model_errors=other_errors,
    )


def publish(outcome: DbtOutcome, environment: str, region: str) -> None:
    """Put the outcome's metrics in CloudWatch."""
    import boto3

    cloudwatch: Any = boto3.client("cloudwatch", region_name=region)
    with aws_errors("publishing dbt metrics to CloudWatch", EcomError):
        cloudwatch.put_metric_data(
            Namespace=NAMESPACE,
            MetricData=[
                {
                    "MetricName": name,
                    "Dimensions": [{"Name": "Environment", "Value": environment}],
                    "Value": float(value),
                    "Unit": "Count",
                }
                for name, value in outcome.metrics().items()
            ],
        )


def main(argv: list[str] | None = None) -> int:
    """python -m ecom.dbt_metrics [run_results.json]; prints what it published."""
    import os

    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0] if args else "target/run_results.json")
    environment = os.environ.get("ECOM_ENVIRONMENT", "dev")
    try:
        outcome = read_outcome(path)
        publish(outcome, environment, aws_region_from_env())
    except EcomError as exc:
        print(f"dbt metrics: {exc}", file=sys.stderr)
        return 2
    print(f"dbt metrics ({NAMESPACE}, Environment={environment}): {outcome.metrics()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
