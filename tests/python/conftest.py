"""Shared fixtures: the repository root, a small sample config and one end-to-end run."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

REPO = Path(__file__).resolve().parents[2]
ECOM = str(Path(sys.executable).parent / "ecom")
DBT = str(Path(sys.executable).parent / "dbt")

# Small enough for a fast dbt build, dirty enough that every rule fires.
SMALL_SAMPLE = [
    "--rows", "6000", "--days", "12", "--end-date", "2026-11-20", "--seed", "7",
    "--customers", "600", "--products", "80", "--dirty-rate", "0.08",
]  # fmt: skip


@dataclass(frozen=True)
class E2ERun:
    """Two consecutive `ecom run`s over the same sample, in a throwaway lake and warehouse."""

    root: Path
    env: dict[str, str]
    first: subprocess.CompletedProcess[str]
    second: subprocess.CompletedProcess[str]
    marts_after_first: dict[str, list[tuple[object, ...]]]
    marts_after_second: dict[str, list[tuple[object, ...]]]

    @property
    def lake(self) -> Path:
        """The local lake folder."""
        return Path(self.env["ECOM_LAKE_URI"])

    @property
    def warehouse(self) -> Path:
        """The DuckDB warehouse file."""
        return Path(self.env["ECOM_DUCKDB_PATH"])

    def query(self, sql: str) -> list[tuple[object, ...]]:
        """Run SQL against the warehouse, read-only."""
        with duckdb.connect(str(self.warehouse), read_only=True) as con:
            return con.execute(sql).fetchall()


def isolated_env(root: Path) -> dict[str, str]:
    """Environment that points every ecom and dbt path into root."""
    return {
        **os.environ,
        "ECOM_LAKE_URI": str(root / "lake"),
        "ECOM_SOURCE_DIR": str(root / "source"),
        "ECOM_DUCKDB_PATH": str(root / "warehouse" / "ecom.duckdb"),
        "DBT_TARGET_PATH": str(root / "target"),
        "DBT_LOG_PATH": str(root / "logs"),
        "DBT_PROFILES_DIR": str(REPO / "profiles"),
        "ECOM_DBT_TARGET": "duckdb",
    }


def mart_contents(warehouse: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table in the marts and qa schemas, sorted."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        tables = con.execute(
            "select table_schema, table_name from information_schema.tables "
            "where table_schema in ('analytics_marts', 'analytics_qa') order by 1, 2"
        ).fetchall()
        return {
            f"{schema}.{name}": sorted(
                con.execute(f'select * from "{schema}"."{name}"').fetchall(), key=repr
            )
            for schema, name in tables
        }


def run_ecom(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run the ecom console script as a user would."""
    return subprocess.run(
        [ECOM, *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=900, check=False
    )


def run_dbt(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run dbt in the project with the isolated environment, as a user would."""
    return subprocess.run(
        [DBT, *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=900, check=False
    )


@pytest.fixture(scope="session")
def e2e(tmp_path_factory: pytest.TempPathFactory) -> Iterator[E2ERun]:
    """`ecom run` twice on a small sample; the marts as they were after each run."""
    root = tmp_path_factory.mktemp("e2e")
    env = isolated_env(root)
    first = run_ecom(["run", *SMALL_SAMPLE], env)
    assert first.returncode == 0, first.stdout + first.stderr
    after_first = mart_contents(Path(env["ECOM_DUCKDB_PATH"]))
    second = run_ecom(["run", *SMALL_SAMPLE], env)
    assert second.returncode == 0, second.stdout + second.stderr
    after_second = mart_contents(Path(env["ECOM_DUCKDB_PATH"]))
    yield E2ERun(root, env, first, second, after_first, after_second)
