"""The lake as a key/value store: a local folder or an S3 bucket, with one key layout.

Keys are always '/'-separated and relative to the lake root, e.g.
``landing/sales/ingest_date=2026-11-20/<batch>-sales_2026-11-19.csv``.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from botocore.exceptions import ClientError

from ingest.aws import aws_errors, error_code, s3_client
from ingest.config import DEFAULT_REGION, LakeConfig
from ingest.errors import LakeError, LakeUriError

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client


class Storage(Protocol):
    """What the ingest layer needs from a lake: atomic puts, reads, listing and deletes."""

    root_uri: str

    def put_bytes(self, key: str, data: bytes) -> None:
        """Write an object so that readers see either nothing or all of it."""

    def put_if_absent(self, key: str, data: bytes) -> bool:
        """Write an object only if none exists under the key (atomically); False if one did."""

    def get_bytes(self, key: str) -> bytes:
        """Read a whole object."""

    def exists(self, key: str) -> bool:
        """Whether an object exists."""

    def list_keys(self, prefix: str) -> list[str]:
        """Every key under a prefix, sorted."""

    def delete(self, key: str) -> None:
        """Remove an object if it exists."""

    def uri(self, key: str) -> str:
        """The address of a key that other tools (dbt, DuckDB) can read."""


def _check_key(key: str) -> str:
    if not key or key.startswith("/") or ".." in key.split("/"):
        raise ValueError(f"lake key must be relative and stay inside the lake: {key!r}")
    return key


class LocalStorage:
    """A lake in a local folder with exactly the S3 key layout."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)
        self.root_uri = str(self.root)

    def _path(self, key: str) -> Path:
        return self.root / _check_key(key)

    @contextmanager
    def _staged(self, key: str, data: bytes) -> Iterator[tuple[Path, Path]]:
        """(target, temporary file): data written and fsynced beside the target, removed after."""
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
        tmp = Path(name)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            yield path, tmp
        finally:
            tmp.unlink(missing_ok=True)

    def put_bytes(self, key: str, data: bytes) -> None:
        """Write to a hidden temporary file beside the target, fsync, then rename over it."""
        with self._staged(key, data) as (path, tmp):
            tmp.replace(path)

    def put_if_absent(self, key: str, data: bytes) -> bool:
        """Write a temporary file, then hard-link it to the key: link() fails if it exists."""
        with self._staged(key, data) as (path, tmp):
            try:
                os.link(tmp, path)
            except FileExistsError:
                return False
        return True

    def get_bytes(self, key: str) -> bytes:
        return self._path(key).read_bytes()

    def exists(self, key: str) -> bool:
        return self._path(key).is_file()

    def list_keys(self, prefix: str) -> list[str]:
        base = self._path(prefix) if prefix else self.root
        if not base.exists():
            return []
        return sorted(
            p.relative_to(self.root).as_posix()
            for p in base.rglob("*")
            if p.is_file() and not p.name.startswith(".tmp-")
        )

    def delete(self, key: str) -> None:
        self._path(key).unlink(missing_ok=True)

    def uri(self, key: str) -> str:
        return str(self._path(key))


def parse_s3_uri(uri: str) -> tuple[str, str]:
    """(bucket, prefix without slashes at either end) of s3://bucket[/prefix]."""
    if not uri.startswith("s3://"):
        raise LakeUriError(f"{uri!r} is not an s3:// URI")
    bucket, _, prefix = uri.removeprefix("s3://").partition("/")
    if not bucket:
        raise LakeUriError(f"{uri!r} names no bucket; use s3://bucket/prefix")
    return bucket, prefix.strip("/")


class S3Storage:
    """A lake in an S3 bucket under an optional prefix.

    A PUT is atomic in S3 (an object is visible whole or not at all), so no temporary
    object is needed for the no-partial-landing guarantee.
    """

    def __init__(self, bucket: str, prefix: str, client: S3Client) -> None:
        self.bucket = bucket
        self.prefix = prefix.strip("/")
        self.client = client
        self.root_uri = f"s3://{bucket}/{self.prefix}" if self.prefix else f"s3://{bucket}"

    def _key(self, key: str) -> str:
        _check_key(key)
        return f"{self.prefix}/{key}" if self.prefix else key

    def check(self) -> None:
        """Fail early, with a clear message, when the bucket is missing or not accessible."""
        try:
            self.client.head_bucket(Bucket=self.bucket)
        except ClientError as exc:
            if error_code(exc) in ("404", "NoSuchBucket"):
                raise LakeError(
                    f"lake {self.root_uri}: bucket {self.bucket!r} does not exist; create it "
                    "or fix ECOM_LAKE_URI / --lake"
                ) from exc
            with aws_errors(f"lake {self.root_uri}: HEAD bucket", LakeError):
                raise

    def put_bytes(self, key: str, data: bytes) -> None:
        with aws_errors(f"writing {self.uri(key)}", LakeError):
            self.client.put_object(Bucket=self.bucket, Key=self._key(key), Body=data)

    def put_if_absent(self, key: str, data: bytes) -> bool:
        """A conditional PUT (If-None-Match: *): S3 refuses it when the key exists."""
        try:
            self.client.put_object(
                Bucket=self.bucket, Key=self._key(key), Body=data, IfNoneMatch="*"
            )
        except ClientError as exc:
            if error_code(exc) in ("PreconditionFailed", "ConditionalRequestConflict"):
                return False
            with aws_errors(f"writing {self.uri(key)}", LakeError):
                raise
        return True

    def get_bytes(self, key: str) -> bytes:
        with aws_errors(f"reading {self.uri(key)}", LakeError):
            response = self.client.get_object(Bucket=self.bucket, Key=self._key(key))
            return response["Body"].read()

    def exists(self, key: str) -> bool:
        try:
            self.client.head_object(Bucket=self.bucket, Key=self._key(key))
        except ClientError as exc:
            if error_code(exc) in ("404", "NoSuchKey", "NotFound"):
                return False
            with aws_errors(f"checking {self.uri(key)}", LakeError):
                raise
        return True

    def list_keys(self, prefix: str) -> list[str]:
        full = self._key(prefix) if prefix else (f"{self.prefix}/" if self.prefix else "")
        strip = len(self.prefix) + 1 if self.prefix else 0
        keys: list[str] = []
        with aws_errors(f"listing {self.uri(prefix) if prefix else self.root_uri}", LakeError):
            pages = self.client.get_paginator("list_objects_v2").paginate(
                Bucket=self.bucket, Prefix=full
            )
            for page in pages:
                keys.extend(obj["Key"][strip:] for obj in page.get("Contents", []))
        return sorted(keys)

    def delete(self, key: str) -> None:
        with aws_errors(f"deleting {self.uri(key)}", LakeError):
            self.client.delete_object(Bucket=self.bucket, Key=self._key(key))

    def uri(self, key: str) -> str:
        return f"{self.root_uri}/{_check_key(key)}"


def open_storage(
    lake_uri: str, region: str = DEFAULT_REGION, endpoint_url: str | None = None
) -> Storage:
    """Open the lake named by a URI: a local folder path, or s3://bucket/prefix."""
    if lake_uri.startswith("s3://"):
        bucket, prefix = parse_s3_uri(lake_uri)
        storage = S3Storage(bucket, prefix, s3_client(region, endpoint_url))
        storage.check()
        return storage
    if "://" in lake_uri:
        raise LakeUriError(
            f"lake {lake_uri!r}: use a local folder path or s3://bucket/prefix "
            "(--lake or ECOM_LAKE_URI)"
        )
    return LocalStorage(lake_uri)


def open_lake(lake: LakeConfig) -> Storage:
    """Open the configured lake (its endpoint and region for an s3:// one)."""
    return open_storage(lake.uri, lake.aws_region, lake.s3_endpoint_url)
