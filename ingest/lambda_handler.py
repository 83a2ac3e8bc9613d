"""AWS Lambda entry point: land files dropped in an S3 inbox, and pull customers on a schedule.

Events handled:

- S3 ``ObjectCreated`` notifications (and their EventBridge form, ``Object Created``) for keys
  of the form ``.../inbox/<source>/<file>``, e.g. ``inbox/sales/sales_2026-11-21.csv``: the
  object is checked and landed (or quarantined) in the lake, then removed from the inbox —
  its bytes are kept under landing/ or quarantine/. The same rule as `ecom ingest` decides
  which names a feed accepts (ingest.sources.landed_name): any other file is quarantined as
  ``unsupported_file_type``; a ``.gz`` is landed decompressed.
- EventBridge scheduled events (``Scheduled Event``): an incremental pull of the customer API
  at ECOM_CUSTOMER_API_URL.

Configuration comes from the environment (ECOM_LAKE_URI=s3://bucket/prefix, ECOM_RAW_SCHEMA,
ECOM_CUSTOMER_API_URL); credentials from the function's IAM role. A failed API pull raises, so
the invocation is marked failed (and alarms) with nothing landed; refused files do not.
"""

from __future__ import annotations

import logging
from dataclasses import asdict
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote_plus

from ingest.aws import aws_errors, s3_client
from ingest.batch import Batch, IngestReport, finish_batch, ingest_customers_api
from ingest.config import LakeConfig
from ingest.errors import ConfigurationError, FileRejectedError, LakeError
from ingest.landing import LandingResult, land_file
from ingest.logs import configure_logging
from ingest.sources import SOURCES
from ingest.sources.checks import MAX_FILE_BYTES, QuarantineReason
from ingest.storage import open_lake

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

log = logging.getLogger(__name__)

INBOX = "inbox"


def inbox_source(key: str) -> tuple[str, str] | None:
    """(source, file name) of an inbox key '.../inbox/<source>/<file>', else None."""
    parts = key.split("/")
    if len(parts) >= 3 and parts[-3] == INBOX and parts[-2] in SOURCES and parts[-1]:
        return parts[-2], parts[-1]
    return None


def _created_objects(event: dict[str, Any]) -> list[tuple[str, str]]:
    """(bucket, key) of every object-created record in an S3 or EventBridge event."""
    if event.get("detail-type") == "Object Created":
        detail = event.get("detail", {})
        return [(detail["bucket"]["name"], detail["object"]["key"])]
    return [
        (record["s3"]["bucket"]["name"], unquote_plus(record["s3"]["object"]["key"]))
        for record in event.get("Records", [])
        if record.get("eventSource") == "aws:s3"
        and str(record.get("eventName", "")).startswith("ObjectCreated")
    ]


def _read_object(
    s3: S3Client, bucket: str, key: str, name: str
) -> tuple[bytes, FileRejectedError | None]:
    """The bytes of an inbox object, or (over MAX_FILE_BYTES) a description and why it is
    refused unread. Which names a feed accepts is decided by land_file, as for local files."""
    with aws_errors(f"reading s3://{bucket}/{key}", LakeError):
        response = s3.get_object(Bucket=bucket, Key=key)
        size = response["ContentLength"]
        if size <= MAX_FILE_BYTES:
            return response["Body"].read(), None
        response["Body"].close()
    refusal = FileRejectedError(
        name,
        QuarantineReason.TOO_LARGE,
        f"{size:,} bytes is over the {MAX_FILE_BYTES:,} byte limit; split the export",
    )
    return f"s3://{bucket}/{key}: {refusal.reason}: {refusal.detail}\n".encode(), refusal


def handle_objects_created(lake: LakeConfig, objects: list[tuple[str, str]]) -> list[IngestReport]:
    """Land each inbox object in the lake, one run (and report) per source."""
    storage = open_lake(lake)
    s3 = s3_client(lake.aws_region, lake.s3_endpoint_url)
    batch = Batch()
    by_source: dict[str, list[LandingResult]] = {}
    for bucket, key in objects:
        found = inbox_source(key)
        if found is None:
            log.warning(
                "s3://%s/%s is not under inbox/<source>/ (sources: %s); ignored",
                bucket,
                key,
                ", ".join(SOURCES),
            )
            continue
        source, name = found
        data, refusal = _read_object(s3, bucket, key, name)
        result = land_file(
            storage, SOURCES[source], name, data, batch.batch_id, batch.ingest_date, refusal
        )
        by_source.setdefault(source, []).append(result)
        with aws_errors(f"removing s3://{bucket}/{key} from the inbox", LakeError):
            s3.delete_object(Bucket=bucket, Key=key)
    return finish_batch(lake, storage, batch, by_source)


def handle_schedule(lake: LakeConfig) -> IngestReport:
    """Pull the customers changed since the last pull."""
    if not lake.customer_api_url:
        raise ConfigurationError(
            "scheduled customer pull: set ECOM_CUSTOMER_API_URL on the function"
        )
    storage = open_lake(lake)
    batch = Batch()
    result = ingest_customers_api(storage, lake.customer_api_url, batch.batch_id, batch.ingest_date)
    [report] = finish_batch(lake, storage, batch, {"customers": [result]})
    return report


def handler(event: dict[str, Any], context: object = None) -> dict[str, Any]:
    """Lambda entry point; returns what was landed, refused or skipped, per source."""
    configure_logging(json_format=True)
    lake = LakeConfig.from_env()
    if event.get("detail-type") == "Scheduled Event":
        reports = [handle_schedule(lake)]
    else:
        objects = _created_objects(event)
        if not objects:
            raise ConfigurationError(
                "unsupported event: expected S3 ObjectCreated records or an EventBridge "
                f"'Object Created' / 'Scheduled Event'; got keys {sorted(event)}"
            )
        reports = handle_objects_created(lake, objects)
    for report in reports:
        log.info(report.summary_line())
    return {
        "reports": [
            {
                "source": r.source,
                "batch_id": r.batch_id,
                "summary": r.summary_line(),
                "report_key": r.key,
                "files": [asdict(f) for f in r.results],
            }
            for r in reports
        ]
    }
