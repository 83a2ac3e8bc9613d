"""The lake's storage interface behaves the same in a local folder and in S3 (moto)."""

from __future__ import annotations

import boto3
import pytest

from ingest.errors import LakeError
from ingest.storage import S3Storage, Storage, open_storage, parse_s3_uri

pytestmark = pytest.mark.unit


def test_put_get_list_delete_round_trip(lake: Storage) -> None:
    lake.put_bytes("landing/sales/ingest_date=2026-11-21/B1-a.csv", b"a")
    lake.put_bytes("landing/sales/ingest_date=2026-11-22/B2-b.csv", b"bb")
    lake.put_bytes("landing/products/ingest_date=2026-11-21/B1-p.ndjson", b"{}")
    assert lake.get_bytes("landing/sales/ingest_date=2026-11-22/B2-b.csv") == b"bb"
    assert lake.exists("landing/sales/ingest_date=2026-11-21/B1-a.csv")
    assert not lake.exists("landing/sales/ingest_date=2026-11-21/missing.csv")
    assert lake.list_keys("landing/sales/") == [
        "landing/sales/ingest_date=2026-11-21/B1-a.csv",
        "landing/sales/ingest_date=2026-11-22/B2-b.csv",
    ]
    lake.delete("landing/sales/ingest_date=2026-11-21/B1-a.csv")
    lake.delete("landing/sales/ingest_date=2026-11-21/B1-a.csv")  # deleting twice is fine
    assert lake.list_keys("landing/sales/") == ["landing/sales/ingest_date=2026-11-22/B2-b.csv"]
    assert lake.list_keys("archive/") == []


def test_overwrite_replaces_the_whole_object(lake: Storage) -> None:
    lake.put_bytes("_state/customers/cursor.json", b'{"updated_since": "2026-01-01"}')
    lake.put_bytes("_state/customers/cursor.json", b"{}")
    assert lake.get_bytes("_state/customers/cursor.json") == b"{}"


@pytest.mark.parametrize("key", ["../outside", "/absolute", "a/../../b", ""])
def test_keys_cannot_leave_the_lake(lake: Storage, key: str) -> None:
    with pytest.raises(ValueError, match="stay inside the lake"):
        lake.put_bytes(key, b"x")


def test_s3_objects_live_under_the_lake_prefix(s3_lake: Storage, moto_endpoint: str) -> None:
    assert isinstance(s3_lake, S3Storage)
    s3_lake.put_bytes("landing/sales/ingest_date=2026-11-21/B1-a.csv", b"a")
    listed = boto3.client("s3").list_objects_v2(Bucket=s3_lake.bucket)
    assert [o["Key"] for o in listed["Contents"]] == [
        "lake/landing/sales/ingest_date=2026-11-21/B1-a.csv"
    ]
    uri = s3_lake.uri("landing/sales/ingest_date=2026-11-21/B1-a.csv")
    assert uri == f"s3://{s3_lake.bucket}/lake/landing/sales/ingest_date=2026-11-21/B1-a.csv"


def test_missing_bucket_is_a_clear_error(moto_endpoint: str) -> None:
    with pytest.raises(LakeError, match="bucket 'no-such-bucket' does not exist; create it"):
        open_storage("s3://no-such-bucket/lake", "us-east-1", moto_endpoint)


@pytest.mark.parametrize(
    ("uri", "expected"),
    [
        ("s3://bucket", ("bucket", "")),
        ("s3://bucket/", ("bucket", "")),
        ("s3://bucket/a/b/", ("bucket", "a/b")),
    ],
)
def test_s3_uris_are_split_into_bucket_and_prefix(uri: str, expected: tuple[str, str]) -> None:
    assert parse_s3_uri(uri) == expected


def test_other_uri_schemes_are_refused() -> None:
    with pytest.raises(LakeError, match="use a local folder path or s3://bucket/prefix"):
        open_storage("gs://bucket/lake")


def test_put_if_absent_writes_only_the_first_time(lake: Storage) -> None:
    assert lake.put_if_absent("_manifest/sales/abc.json", b"first")
    assert not lake.put_if_absent("_manifest/sales/abc.json", b"second")
    assert lake.get_bytes("_manifest/sales/abc.json") == b"first"
    assert lake.list_keys("_manifest/") == ["_manifest/sales/abc.json"]
