"""Configuration read once from environment variables (and overridden by CLI flags)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_LAKE = "data/lake"
DEFAULT_SOURCE_DIR = "data/source"
DEFAULT_WAREHOUSE = "data/warehouse/ecom.duckdb"
DEFAULT_RAW_DATABASE = "ecom_raw"
DEFAULT_REGION = "us-east-1"


def s3_endpoint_from_env() -> str | None:
    """A custom S3/Glue endpoint (MinIO, moto, LocalStack) or None for AWS itself."""
    return os.environ.get("ECOM_S3_ENDPOINT_URL") or os.environ.get("AWS_ENDPOINT_URL") or None


def aws_region_from_env() -> str:
    """The AWS region: AWS_REGION (set in Lambda), then AWS_DEFAULT_REGION, then us-east-1."""
    return os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION") or DEFAULT_REGION


def _flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    return value.strip().lower() not in ("0", "false", "no", "off")


@dataclass(frozen=True)
class Settings:
    """Where the lake, the sample feeds and the warehouse live; which dbt target to use."""

    lake_uri: str = DEFAULT_LAKE
    source_dir: Path = field(default_factory=lambda: Path(DEFAULT_SOURCE_DIR))
    duckdb_path: Path = field(default_factory=lambda: Path(DEFAULT_WAREHOUSE))
    dbt_target: str = "duckdb"
    project_dir: Path = field(default_factory=Path.cwd)
    dbt_target_dir: Path | None = None  # dbt's target/ folder; None: <project>/target
    s3_endpoint_url: str | None = None  # None: the AWS endpoints of aws_region
    aws_region: str = DEFAULT_REGION
    raw_database: str = DEFAULT_RAW_DATABASE  # the Glue database of the raw tables
    register_glue: bool = True  # register the Glue tables when the lake is in S3
    customer_api_url: str | None = None  # for scheduled pulls (Lambda)

    @property
    def target_dir(self) -> Path:
        """Where dbt writes manifest.json, run_results.json and the docs site."""
        return self.dbt_target_dir or self.project_dir / "target"

    @property
    def lake_is_s3(self) -> bool:
        """Whether the lake is an S3 bucket (and so the Glue catalog applies)."""
        return self.lake_uri.startswith("s3://")

    @classmethod
    def from_env(cls, project_dir: Path | None = None) -> Settings:
        """Build settings from ECOM_* and AWS_* environment variables, else the local defaults."""
        root = project_dir or Path.cwd()
        return cls(
            lake_uri=os.environ.get("ECOM_LAKE_URI", DEFAULT_LAKE),
            source_dir=Path(os.environ.get("ECOM_SOURCE_DIR", DEFAULT_SOURCE_DIR)),
            duckdb_path=Path(os.environ.get("ECOM_DUCKDB_PATH", DEFAULT_WAREHOUSE)),
            dbt_target=os.environ.get("ECOM_DBT_TARGET", "duckdb"),
            project_dir=root,
            dbt_target_dir=Path(target) if (target := os.environ.get("DBT_TARGET_PATH")) else None,
            s3_endpoint_url=s3_endpoint_from_env(),
            aws_region=aws_region_from_env(),
            raw_database=os.environ.get("ECOM_RAW_SCHEMA", DEFAULT_RAW_DATABASE),
            register_glue=_flag("ECOM_GLUE_REGISTER", default=True),
            customer_api_url=os.environ.get("ECOM_CUSTOMER_API_URL") or None,
        )
