"""The Lambda handler against moto: S3 object-created events land inbox files, scheduled
events pull the customer API."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import boto3
import pytest

from ecom.sample.customer_api import FaultPlan, serve_records
from ingest.errors import ApiError, ConfigurationError
from ingest.lambda_handler import handler, inbox_source

pytestmark = pytest.mark.unit

SALES = (
    b"transaction_id,customer_id,product_id,quantity,amount,transaction_date\n"
    b"T1,C1,P1,1,9.99,2026-11-20 10:00:00\n"
)
# As it lands: the sales contract's optional columns too, the order's one line numbered.
LANDED_SALES = (
    b"transaction_id,customer_id,product_id,quantity,amount,transaction_date,"
    b"line_number,line_type,original_transaction_id\n"
    b"T1,C1,P1,1,9.99,2026-11-20 10:00:00,1,,\n"
)
CUSTOMERS = [
    {
        "customer_id": "C1",
        "name": "Ada",
        "email": "ada@example.com",
        "city": "Oslo",
        "signup_date": "2026-01-01",
        "updated_at": "2026-01-02T00:00:00Z",
    },
]


@pytest.fixture
def lake_env(s3_bucket: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """The function's configuration: its lake (and Glue database) in the moto bucket."""
    monkeypatch.setenv("ECOM_LAKE_URI", f"s3://{s3_bucket}/lake")
    monkeypatch.setenv("ECOM_RAW_SCHEMA", f"raw_{s3_bucket[-12:]}")
    return s3_bucket


def s3_event(bucket: str, key: str) -> dict[str, Any]:
    """An S3 ObjectCreated:Put notification as Lambda receives it (key URL-encoded)."""
    return {
        "Records": [
            {
                "eventSource": "aws:s3",
                "eventName": "ObjectCreated:Put",
                "s3": {"bucket": {"name": bucket}, "object": {"key": key.replace(" ", "+")}},
            }
        ]
    }


def keys(bucket: str, prefix: str) -> list[str]:
    listed = boto3.client("s3").list_objects_v2(Bucket=bucket, Prefix=prefix)
    return [o["Key"] for o in listed.get("Contents", [])]


def test_object_created_in_the_inbox_is_landed_and_leaves_the_inbox(lake_env: str) -> None:
    s3 = boto3.client("s3")
    s3.put_object(Bucket=lake_env, Key="lake/inbox/sales/sales 2026-11-20.csv", Body=SALES)
    response = handler(s3_event(lake_env, "lake/inbox/sales/sales 2026-11-20.csv"))
    [report] = response["reports"]
    assert report["files"][0]["status"] == "landed"
    assert "1 landed (1 rows" in report["summary"]
    [landed] = keys(lake_env, "lake/landing/sales/")
    assert landed.endswith("-sales 2026-11-20.csv")
    assert s3.get_object(Bucket=lake_env, Key=landed)["Body"].read() == LANDED_SALES
    assert keys(lake_env, "lake/inbox/") == []
    assert keys(lake_env, f"lake/{report['report_key']}")


def test_refused_inbox_file_is_quarantined_and_the_invocation_succeeds(lake_env: str) -> None:
    s3 = boto3.client("s3")
    s3.put_object(Bucket=lake_env, Key="lake/inbox/products/products.json", Body=b"[{")
    response = handler(s3_event(lake_env, "lake/inbox/products/products.json"))
    assert response["reports"][0]["files"][0]["status"] == "quarantined"
    reason_keys = [k for k in keys(lake_env, "lake/quarantine/") if k.endswith(".reason.json")]
    reason = json.loads(s3.get_object(Bucket=lake_env, Key=reason_keys[0])["Body"].read())
    assert reason["reason"] == "invalid_json"


def test_same_object_delivered_twice_lands_once(lake_env: str) -> None:
    s3 = boto3.client("s3")
    for _ in range(2):  # S3 notifications are at-least-once
        s3.put_object(Bucket=lake_env, Key="lake/inbox/sales/sales.csv", Body=SALES)
        handler(s3_event(lake_env, "lake/inbox/sales/sales.csv"))
    assert len(keys(lake_env, "lake/landing/sales/")) == 1


def test_eventbridge_object_created_event_is_handled(lake_env: str) -> None:
    boto3.client("s3").put_object(Bucket=lake_env, Key="drop/inbox/sales/s.csv", Body=SALES)
    event = {
        "source": "aws.s3",
        "detail-type": "Object Created",
        "detail": {"bucket": {"name": lake_env}, "object": {"key": "drop/inbox/sales/s.csv"}},
    }
    assert handler(event)["reports"][0]["files"][0]["status"] == "landed"


def test_key_outside_an_inbox_is_ignored(lake_env: str) -> None:
    boto3.client("s3").put_object(Bucket=lake_env, Key="elsewhere/sales.csv", Body=SALES)
    assert handler(s3_event(lake_env, "elsewhere/sales.csv")) == {"reports": []}
    assert keys(lake_env, "elsewhere/") == ["elsewhere/sales.csv"]


def test_scheduled_event_pulls_the_customers_changed_since_last_time(
    lake_env: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    scheduled = {"source": "aws.events", "detail-type": "Scheduled Event", "detail": {}}
    with serve_records(CUSTOMERS) as api:
        monkeypatch.setenv("ECOM_CUSTOMER_API_URL", api.url)
        first = handler(scheduled)["reports"][0]
        second = handler(scheduled)["reports"][0]
    assert first["files"][0]["status"] == "landed"
    assert second["files"][0]["status"] == "no_new_records"
    assert len(keys(lake_env, "lake/landing/customers/")) == 1
    cursor_key = "lake/_state/customers/cursor.json"
    cursor = json.loads(
        boto3.client("s3").get_object(Bucket=lake_env, Key=cursor_key)["Body"].read()
    )
    assert cursor["updated_since"] == "2026-01-02T00:00:00Z"


def test_failed_scheduled_pull_fails_the_invocation_and_lands_nothing(
    lake_env: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with serve_records(CUSTOMERS, faults=FaultPlan.parse("403")) as api:
        monkeypatch.setenv("ECOM_CUSTOMER_API_URL", api.url)
        with pytest.raises(ApiError, match="HTTP 403"):
            handler({"detail-type": "Scheduled Event"})
    assert keys(lake_env, "lake/landing/") == []


def test_unknown_event_is_a_clear_error(lake_env: str) -> None:
    with pytest.raises(ConfigurationError, match="unsupported event"):
        handler({"hello": "world"})


def test_scheduled_pull_without_an_api_url_is_a_configuration_error(
    lake_env: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ECOM_CUSTOMER_API_URL", raising=False)
    with pytest.raises(ConfigurationError, match="set ECOM_CUSTOMER_API_URL on the function"):
        handler({"detail-type": "Scheduled Event"})


def test_the_lambda_package_needs_only_boto3_requests_and_tenacity() -> None:
    """make lambda-build ships ingest/ with boto3, requests and tenacity, nothing else."""
    blocked = ["ecom", "duckdb", "dbt", "pandas", "awswrangler", "streamlit"]
    script = (
        "import sys\n"
        f"for name in {blocked!r}: sys.modules[name] = None  # importing it fails\n"
        "import ingest.lambda_handler, ingest.retry, ingest.api_client\n"
    )
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root)}
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("inbox/sales/a.csv", ("sales", "a.csv")),
        ("lake/inbox/products/p.json", ("products", "p.json")),
        ("inbox/unknown/a.csv", None),
        ("inbox/sales/", None),
        ("inbox/sales/sub/a.csv", None),
    ],
)
def test_inbox_keys_name_their_source(key: str, expected: tuple[str, str] | None) -> None:
    assert inbox_source(key) == expected
