"""boto3 clients for the lake and the catalog; AWS errors as messages a user can act on.

Credentials come only from the standard AWS chain (environment, shared profile, IAM role);
a custom endpoint (ECOM_S3_ENDPOINT_URL or AWS_ENDPOINT_URL) points everything at an
S3-compatible service such as MinIO or a moto server.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError, NoCredentialsError

from ingest.errors import EcomError

if TYPE_CHECKING:
    from mypy_boto3_glue import GlueClient
    from mypy_boto3_s3 import S3Client

# botocore's standard retry mode backs off on throttling and 5xx; every call has a timeout.
_CONFIG = Config(
    retries={"max_attempts": 5, "mode": "standard"},
    connect_timeout=10,
    read_timeout=60,
)


def s3_client(region: str, endpoint_url: str | None = None) -> S3Client:
    """An S3 client; path-style addressing when a custom endpoint is used."""
    config = _CONFIG.merge(Config(s3={"addressing_style": "path"})) if endpoint_url else _CONFIG
    return boto3.client("s3", region_name=region, endpoint_url=endpoint_url, config=config)


def glue_client(region: str, endpoint_url: str | None = None) -> GlueClient:
    """A Glue client (same endpoint override as S3, for moto or LocalStack)."""
    return boto3.client("glue", region_name=region, endpoint_url=endpoint_url, config=_CONFIG)


def error_code(exc: ClientError) -> str:
    """The AWS error code of a failed call, e.g. 'NoSuchBucket' or '404'."""
    return str(exc.response.get("Error", {}).get("Code", ""))


@contextmanager
def aws_errors(action: str, error: type[EcomError]) -> Iterator[None]:
    """Re-raise boto errors as `error` with what was being done and what to check."""
    try:
        yield
    except NoCredentialsError as exc:
        raise error(
            f"{action}: no AWS credentials found; set AWS_PROFILE or AWS_ACCESS_KEY_ID/"
            "AWS_SECRET_ACCESS_KEY, or run with an IAM role"
        ) from exc
    except ClientError as exc:
        code = error_code(exc)
        hint = {
            "NoSuchBucket": "the bucket does not exist; create it or fix ECOM_LAKE_URI",
            "AccessDenied": "access denied; the credentials need access to this resource",
            "InvalidAccessKeyId": "the AWS access key is not valid; check the credentials",
            "SignatureDoesNotMatch": "the AWS secret key is wrong; check the credentials",
        }.get(code, str(exc))
        raise error(f"{action}: {hint} ({code})") from exc
    except BotoCoreError as exc:
        raise error(f"{action}: {exc}; check the network and the S3/Glue endpoint") from exc
