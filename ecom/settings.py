"""The `ecom` command's settings, read once from environment variables (CLI flags override)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ingest.config import LakeConfig

DEFAULT_SOURCE_DIR = "data/source"
DEFAULT_WAREHOUSE = "data/warehouse/ecom.duckdb"
DEFAULT_TARGET = "duckdb"


@dataclass(frozen=True)
class Settings:
    """The lake, the sample feeds' folder, the dbt project and target, the DuckDB warehouse."""

    lake: LakeConfig = field(default_factory=LakeConfig)
    source_dir: Path = field(default_factory=lambda: Path(DEFAULT_SOURCE_DIR))
    duckdb_path: Path = field(default_factory=lambda: Path(DEFAULT_WAREHOUSE))
    dbt_target: str = DEFAULT_TARGET
    project_dir: Path = field(default_factory=Path.cwd)
    dbt_target_dir: Path | None = None  # dbt's target/ folder; None: <project>/target

    @property
    def target_dir(self) -> Path:
        """Where dbt writes manifest.json, run_results.json and the docs site."""
        return self.dbt_target_dir or self.project_dir / "target"

    @classmethod
    def from_env(cls, project_dir: Path | None = None) -> Settings:
        """Build settings from ECOM_* and AWS_* environment variables, else the local defaults."""
        return cls(
            lake=LakeConfig.from_env(),
            source_dir=Path(os.environ.get("ECOM_SOURCE_DIR", DEFAULT_SOURCE_DIR)),
            duckdb_path=Path(os.environ.get("ECOM_DUCKDB_PATH", DEFAULT_WAREHOUSE)),
            dbt_target=os.environ.get("ECOM_DBT_TARGET", DEFAULT_TARGET),
            project_dir=project_dir or Path.cwd(),
            dbt_target_dir=Path(target) if (target := os.environ.get("DBT_TARGET_PATH")) else None,
        )
