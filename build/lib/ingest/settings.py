"""Configuration read once from environment variables (and overridden by CLI flags)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_LAKE = "data/lake"
DEFAULT_SOURCE_DIR = "data/source"
DEFAULT_WAREHOUSE = "data/warehouse/ecom.duckdb"


@dataclass(frozen=True)
class Settings:
    """Where the lake, the sample feeds and the warehouse live; which dbt target to use."""

    lake_uri: str = DEFAULT_LAKE
    source_dir: Path = field(default_factory=lambda: Path(DEFAULT_SOURCE_DIR))
    duckdb_path: Path = field(default_factory=lambda: Path(DEFAULT_WAREHOUSE))
    dbt_target: str = "duckdb"
    project_dir: Path = field(default_factory=Path.cwd)
    dbt_target_dir: Path | None = None  # dbt's target/ folder; None: <project>/target

    @property
    def target_dir(self) -> Path:
        """Where dbt writes manifest.json, run_results.json and the docs site."""
        return self.dbt_target_dir or self.project_dir / "target"

    @classmethod
    def from_env(cls, project_dir: Path | None = None) -> Settings:
        """Build settings from ECOM_* environment variables, falling back to the local defaults."""
        root = project_dir or Path.cwd()
        return cls(
            lake_uri=os.environ.get("ECOM_LAKE_URI", DEFAULT_LAKE),
            source_dir=Path(os.environ.get("ECOM_SOURCE_DIR", DEFAULT_SOURCE_DIR)),
            duckdb_path=Path(os.environ.get("ECOM_DUCKDB_PATH", DEFAULT_WAREHOUSE)),
            dbt_target=os.environ.get("ECOM_DBT_TARGET", "duckdb"),
            project_dir=root,
            dbt_target_dir=Path(target) if (target := os.environ.get("DBT_TARGET_PATH")) else None,
        )
