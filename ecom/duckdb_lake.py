"""Let DuckDB (and so dbt-duckdb) read an s3:// lake.

DuckDB reads S3 through its httpfs extension. Extensions cannot be downloaded at run time on
locked-down machines, so the signed httpfs binary comes from the PyPI package
``duckdb-extension-httpfs`` (its version matches duckdb's) and is loaded by path. Credentials
are resolved by botocore's standard chain (environment, shared profile, IAM role) and handed
to DuckDB as a temporary in-memory secret scoped to the lake's bucket; nothing is written to
disk. A custom endpoint (ECOM_S3_ENDPOINT_URL / AWS_ENDPOINT_URL: MinIO, moto) switches to
path-style URLs, and to plain HTTP when the endpoint is http://.
"""

from __future__ import annotations

from importlib import metadata, resources
from pathlib import Path
from typing import Protocol
from urllib.parse import urlparse

import boto3
import duckdb

from ingest.config import aws_region_from_env, s3_endpoint_from_env
from ingest.errors import LakeError
from ingest.storage import parse_s3_uri

SECRET_NAME = "ecom_lake"


class _Executes(Protocol):
    def execute(self, query: str) -> object: ...


def httpfs_extension_path() -> Path:
    """The httpfs extension binary shipped by the duckdb-extension-httpfs package."""
    version = duckdb.__version__
    root = resources.files("duckdb_extension_httpfs") / "extensions" / f"v{version}"
    path = Path(str(root)) / "httpfs.duckdb_extension"
    if not path.is_file():
        try:
            shipped = metadata.version("duckdb-extension-httpfs")
        except metadata.PackageNotFoundError:
            shipped = "not installed"
        raise LakeError(
            f"DuckDB {version} needs the httpfs extension to read an s3:// lake, but {path} "
            f"is missing (duckdb-extension-httpfs: {shipped}); run `make install`, which pins "
            "duckdb-extension-httpfs to the duckdb version"
        )
    return path


def _quote(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def s3_secret_sql(
    lake_uri: str,
    region: str,
    endpoint_url: str | None,
    key_id: str,
    secret: str,
    session_token: str | None = None,
) -> str:
    """CREATE SECRET for reading the lake's bucket (a temporary, in-memory secret)."""
    bucket, _ = parse_s3_uri(lake_uri)
    options = {
        "TYPE": "s3",
        "KEY_ID": _quote(key_id),
        "SECRET": _quote(secret),
        "REGION": _quote(region),
        "SCOPE": _quote(f"s3://{bucket}"),
    }
    if session_token:
        options["SESSION_TOKEN"] = _quote(session_token)
    if endpoint_url:
        endpoint = urlparse(endpoint_url)
        options["ENDPOINT"] = _quote(endpoint.netloc or endpoint.path)
        options["URL_STYLE"] = _quote("path")
        options["USE_SSL"] = "false" if endpoint.scheme == "http" else "true"
    body = ", ".join(f"{k} {v}" for k, v in options.items())
    return f"CREATE OR REPLACE TEMPORARY SECRET {SECRET_NAME} ({body})"


def configure_duckdb_for_lake(connection: _Executes, lake_uri: str) -> bool:
    """Load httpfs and the lake's credentials when the lake is s3://; True if it did."""
    if not lake_uri.startswith("s3://"):
        return False
    credentials = boto3.Session().get_credentials()
    frozen = credentials.get_frozen_credentials() if credentials is not None else None
    if frozen is None or not frozen.access_key or not frozen.secret_key:
        raise LakeError(
            f"reading {lake_uri}: no AWS credentials found; set AWS_PROFILE or "
            "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or run with an IAM role"
        )
    connection.execute(f"LOAD {_quote(str(httpfs_extension_path()))}")
    connection.execute(
        s3_secret_sql(
            lake_uri,
            aws_region_from_env(),
            s3_endpoint_from_env(),
            frozen.access_key,
            frozen.secret_key,
            frozen.token,
        )
    )
    return True
