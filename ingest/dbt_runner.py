"""Run dbt as a subprocess (as a user would) and read what it reported in run_results.json."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ingest.settings import Settings


@dataclass(frozen=True)
class DbtResults:
    """Counts of node results by kind and status, as dbt wrote them to run_results.json."""

    returncode: int
    counts: dict[str, Counter[str]] = field(default_factory=dict)
    elapsed_seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """True when dbt exited 0."""
        return self.returncode == 0

    def count(self, kind: str, status: str) -> int:
        """How many nodes of a kind (model, test, unit_test, seed, snapshot) had a status."""
        return self.counts.get(kind, Counter())[status]


def dbt_executable() -> str:
    """The dbt of this Python environment (so .venv's pinned dbt runs, not another one)."""
    beside = Path(sys.executable).parent / "dbt"
    if beside.exists():
        return str(beside)
    found = shutil.which("dbt")
    if found is None:
        raise FileNotFoundError("dbt is not installed in this environment; run `make install`")
    return found


def dbt_env(settings: Settings) -> dict[str, str]:
    """The environment dbt needs: profiles dir, lake, warehouse path."""
    env = dict(os.environ)
    env.setdefault("DBT_PROFILES_DIR", str(settings.project_dir / "profiles"))
    env["ECOM_LAKE_URI"] = settings.lake_uri.rstrip("/")
    if settings.s3_endpoint_url:
        env["ECOM_S3_ENDPOINT_URL"] = settings.s3_endpoint_url
    env["ECOM_DUCKDB_PATH"] = str(settings.duckdb_path)
    env["DBT_TARGET_PATH"] = str(settings.target_dir)
    env["DBT_SEND_ANONYMOUS_USAGE_STATS"] = "false"
    return env


def run_dbt(settings: Settings, args: list[str]) -> DbtResults:
    """Run `dbt <args> --target <target>`; dbt's own output streams to the terminal."""
    if settings.dbt_target == "duckdb":
        settings.duckdb_path.parent.mkdir(parents=True, exist_ok=True)
    command = [dbt_executable(), *args, "--target", settings.dbt_target]
    completed = subprocess.run(
        command, cwd=settings.project_dir, env=dbt_env(settings), check=False
    )
    return read_run_results(settings.target_dir, completed.returncode)


def read_run_results(target_dir: Path, returncode: int) -> DbtResults:
    """Summarise target/run_results.json by node kind and status."""
    path = target_dir / "run_results.json"
    if not path.exists():
        return DbtResults(returncode=returncode)
    payload = json.loads(path.read_text())
    counts: dict[str, Counter[str]] = {}
    for result in payload.get("results", []):
        kind = str(result["unique_id"]).split(".", 1)[0]
        counts.setdefault(kind, Counter())[str(result["status"])] += 1
    return DbtResults(
        returncode=returncode,
        counts=counts,
        elapsed_seconds=float(payload.get("elapsed_time", 0.0)),
    )


def mart_relations(target_dir: Path) -> list[tuple[str, str]]:
    """(model name, relation name) of every model under models/marts, from target/manifest.json."""
    manifest = json.loads((target_dir / "manifest.json").read_text())
    found = [
        (str(node["name"]), str(node["relation_name"]))
        for node in manifest["nodes"].values()
        if node["resource_type"] == "model"
        and str(node["original_file_path"]).startswith("models/marts/")
        and node.get("relation_name")
    ]
    return sorted(found)
