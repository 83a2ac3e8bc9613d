"""Where the lake is and how to reach AWS: the ingest layer's configuration, read from env vars.

The CLI's settings (ecom/settings.py) embed one of these; the Lambda reads it on its own, so
the Lambda package needs nothing but ingest/.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

DEFAULT_LAKE = "data/lake"
DEFAULT_RAW_DATABASE = "ecom_raw"
DEFAULT_REGION = "us-east-1"


def s3_endpoint_from_env() -> str | None:
    """A custom S3/Glue endpoint (MinIO, moto, LocalStack) or None for AWS itself."""
    return os.environ.get("ECOM_S3_ENDPOINT_URL") or os.environ.get("AWS_ENDPOINT_URL") or None


def aws_region_from_env() -> str:
    """The AWS region: AWS_REGION (set in Lambda), then AWS_DEFAULT_REGION, then us-east-1."""
    return os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION") or DEFAULT_REGION


def flag_from_env(name: str, default: bool) -> bool:
    """A boolean environment variable: unset or blank is the default; 0/false/no/off are False."""
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    return value.strip().lower() not in ("0", "false", "no", "off")


@dataclass(frozen=True)
class LakeConfig:
    """The lake (a folder or s3://bucket/prefix), its AWS endpoint and Glue raw database."""

    uri: str = DEFAULT_LAKE
    aws_region: str = DEFAULT_REGION
    s3_endpoint_url: str | None = None  # None: the AWS endpoints of aws_region
    raw_database: str = DEFAULT_RAW_DATABASE  # the Glue database of the raw tables
    register_glue: bool = True  # register the Glue tables when the lake is in S3
    # register the partitions a landing writes to (Redshift Spectrum reads only those), also
    # where the tables are CloudFormation's (ECOM_GLUE_REGISTER=false in the deployed stacks)
    register_partitions: bool = True
    customer_api_url: str | None = None  # for scheduled pulls (Lambda) and `ecom run`

    @property
    def is_s3(self) -> bool:
        """Whether the lake is an S3 bucket (and so the Glue catalog applies)."""
        return self.uri.startswith("s3://")

    @classmethod
    def from_env(cls) -> LakeConfig:
        """ECOM_LAKE_URI, ECOM_RAW_SCHEMA, ECOM_GLUE_REGISTER, ECOM_GLUE_PARTITIONS,
        ECOM_CUSTOMER_API_URL, AWS_*."""
        register_glue = flag_from_env("ECOM_GLUE_REGISTER", default=True)
        return cls(
            uri=os.environ.get("ECOM_LAKE_URI", DEFAULT_LAKE).rstrip("/") or DEFAULT_LAKE,
            aws_region=aws_region_from_env(),
            s3_endpoint_url=s3_endpoint_from_env(),
            raw_database=os.environ.get("ECOM_RAW_SCHEMA", DEFAULT_RAW_DATABASE),
            register_glue=register_glue,
            register_partitions=flag_from_env("ECOM_GLUE_PARTITIONS", default=register_glue),
            customer_api_url=os.environ.get("ECOM_CUSTOMER_API_URL") or None,
        )
